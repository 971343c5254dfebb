namespace GlueTaskRunLambda;

/// <summary>
/// The facts of one invocation that every host supplies: the Runtime API loop, the local
/// invoke, or an adapter over Amazon.Lambda.RuntimeSupport's ILambdaContext.
/// </summary>
internal sealed record InvocationContext
{
    public required string RequestId { get; init; }

    /// <summary>When Lambda stops the invocation, or null when the host gave no deadline.</summary>
    public DateTimeOffset? Deadline { get; init; }

    public string? InvokedFunctionArn { get; init; }

    public string? TraceId { get; init; }
}
