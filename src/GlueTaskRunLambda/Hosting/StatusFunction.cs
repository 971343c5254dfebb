using System.Text.Json;
using GlueTaskRunLambda.Serialization;

namespace GlueTaskRunLambda.Hosting;

/// <summary>Adapts <see cref="TaskRunStatusHandler"/> to bytes for the hosts.</summary>
internal sealed class StatusFunction : ILambdaFunction
{
    private readonly TaskRunStatusHandler _handler;

    public StatusFunction(TaskRunStatusHandler handler)
    {
        _handler = handler;
    }

    public async Task<byte[]> InvokeAsync(
        ReadOnlyMemory<byte> input,
        InvocationContext context,
        CancellationToken cancellationToken)
    {
        var document = await _handler.HandleAsync(input, context, cancellationToken).ConfigureAwait(false);
        return JsonSerializer.SerializeToUtf8Bytes(document, FunctionJsonContext.Relaxed.StatusDocument);
    }
}
