namespace GlueTaskRunLambda.Logging;

/// <summary>One named value of a structured log line.</summary>
internal readonly record struct LogField(string Name, object? Value)
{
    public const string RequestId = "requestId";
    public const string TransformId = "transformId";
    public const string TaskRunId = "taskRunId";
    public const string Status = "status";
    public const string GlueLatencyMs = "glueLatencyMs";
    public const string PollCount = "pollCount";
    public const string NextPollSeconds = "nextPollSeconds";
    public const string ErrorType = "errorType";
    public const string ErrorMessage = "errorMessage";
    public const string ExceptionType = "exceptionType";
    public const string EventKind = "eventKind";
}
