using Microsoft.Extensions.Logging;

namespace GlueTaskRunLambda.LocalGlue;

/// <summary>
/// Log messages of the server, one line each. None contains the secret key, the session
/// token or a signature.
/// </summary>
internal static partial class ServerLog
{
    /// <summary>Logger category of every message.</summary>
    public const string Category = "local-glue";

    [LoggerMessage(
        EventId = 1,
        Level = LogLevel.Information,
        Message = "Started on {BaseAddress}: region {Region}, access key id {AccessKeyId}, session token required {SessionTokenRequired}, {RunCount} simulated task runs from {RunsSource}, time scale {TimeScale}")]
    public static partial void Started(
        ILogger logger,
        Uri baseAddress,
        string region,
        string accessKeyId,
        bool sessionTokenRequired,
        int runCount,
        string runsSource,
        double timeScale);

    [LoggerMessage(
        EventId = 2,
        Level = LogLevel.Information,
        Message = "{Operation} {StatusCode} transformId={TransformId} taskRunId={TaskRunId} requestId={RequestId}")]
    public static partial void RequestSucceeded(
        ILogger logger,
        string operation,
        int statusCode,
        string transformId,
        string taskRunId,
        string requestId);

    [LoggerMessage(
        EventId = 3,
        Level = LogLevel.Warning,
        Message = "{Operation} {StatusCode} {ErrorCode} transformId={TransformId} taskRunId={TaskRunId} requestId={RequestId}: {ErrorMessage}")]
    public static partial void RequestFailed(
        ILogger logger,
        string operation,
        int statusCode,
        string errorCode,
        string transformId,
        string taskRunId,
        string requestId,
        string errorMessage);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Stopped on {BaseAddress}")]
    public static partial void Stopped(ILogger logger, Uri baseAddress);
}
