namespace GlueTaskRunLambda.LocalGlue.Protocol;

/// <summary>
/// An error that the endpoint sends to the client as Glue does: the status code and a
/// body of <c>{"__type":ErrorCode,"Message":Message}</c>. Create it through <see cref="GlueErrors"/>.
/// </summary>
internal sealed class GlueErrorException(int statusCode, string errorCode, string message)
    : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    /// <summary>Error code sent as <c>__type</c>, such as EntityNotFoundException.</summary>
    public string ErrorCode { get; } = errorCode;
}
