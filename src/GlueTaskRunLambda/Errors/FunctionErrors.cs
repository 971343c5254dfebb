#pragma warning disable CA1032, CA1710, CA1711
// These exception classes are named exactly after the errorType that Step Functions
// matches, without an Exception suffix: the host posts the class name as errorType, and
// so would Amazon.Lambda.RuntimeSupport, which uses the exception's type name.

namespace GlueTaskRunLambda.Errors;

/// <summary>A failure the function reports to its caller under a documented errorType.</summary>
internal abstract class FunctionError : Exception
{
    protected FunctionError(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>The errorType that Step Functions Retry and Catch rules match.</summary>
    public string ErrorType => GetType().Name;

    /// <summary>Whether a retry of the same request may succeed.</summary>
    public abstract bool IsRetryable { get; }
}

/// <summary>The input is malformed, or Glue rejected the ids as invalid.</summary>
internal sealed class InvalidTaskRunRequest(string message, Exception? innerException = null)
    : FunctionError(message, innerException)
{
    public override bool IsRetryable => false;
}

/// <summary>Glue has no such transform or task run.</summary>
internal sealed class TaskRunNotFound(string message, Exception? innerException = null)
    : FunctionError(message, innerException)
{
    public override bool IsRetryable => false;
}

/// <summary>Glue refused the credentials or the caller's permissions.</summary>
internal sealed class GlueAccessDenied(string message, Exception? innerException = null)
    : FunctionError(message, innerException)
{
    public override bool IsRetryable => false;
}

/// <summary>Glue throttled the call and the SDK's retries did not outlast it.</summary>
internal sealed class GlueThrottled(string message, Exception? innerException = null)
    : FunctionError(message, innerException)
{
    public override bool IsRetryable => true;
}

/// <summary>
/// Glue returned no usable response: a server error, a network failure, an unreadable response, or
/// no time left before the Lambda deadline.
/// </summary>
internal sealed class GlueUnavailable(string message, Exception? innerException = null)
    : FunctionError(message, innerException)
{
    public override bool IsRetryable => true;
}

/// <summary>An environment variable of the function is invalid; reported as an init error.</summary>
internal sealed class InvalidFunctionConfiguration(string message, Exception? innerException = null)
    : FunctionError(message, innerException)
{
    public override bool IsRetryable => false;
}
