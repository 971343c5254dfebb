namespace GlueTaskRunLambda.Hosting;

/// <summary>
/// What a host runs per invocation: the event bytes in, the response bytes out, or a
/// <see cref="Errors.FunctionError"/>.
/// </summary>
internal interface ILambdaFunction
{
    Task<byte[]> InvokeAsync(ReadOnlyMemory<byte> input, InvocationContext context, CancellationToken cancellationToken);
}
