namespace GlueTaskRunLambda.Logging;

/// <summary>Lambda's log levels, lowest first, as AWS_LAMBDA_LOG_LEVEL names them.</summary>
internal enum LogLevel
{
    Trace,
    Debug,
    Info,
    Warn,
    Error,
    Fatal,
}
