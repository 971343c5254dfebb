namespace GlueTaskRunLambda;

/// <summary>
/// What the handler knows of one invocation, whoever hosts it: the Runtime API loop,
/// the local invoke, or Amazon.Lambda.RuntimeSupport's ILambdaContext through an adapter.
/// </summary>
internal sealed record InvocationContext
{
    public required string RequestId { get; init; }

    /// <summary>When Lambda stops the invocation; null when the host did not say.</summary>
    public DateTimeOffset? Deadline { get; init; }

    public string? InvokedFunctionArn { get; init; }

    public string? TraceId { get; init; }
}
