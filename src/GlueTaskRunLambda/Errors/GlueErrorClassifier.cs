using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Amazon.Runtime;

namespace GlueTaskRunLambda.Errors;

/// <summary>
/// Maps what a Glue call threw to one of the function's documented errorTypes, so that
/// no failure leaves the function unclassified.
/// </summary>
internal static class GlueErrorClassifier
{
    private static readonly HashSet<string> NotFoundCodes = new(StringComparer.Ordinal)
    {
        "EntityNotFoundException",
    };

    private static readonly HashSet<string> InvalidInputCodes = new(StringComparer.Ordinal)
    {
        "InvalidInputException",
        "ValidationException",
    };

    private static readonly HashSet<string> AccessDeniedCodes = new(StringComparer.Ordinal)
    {
        "AccessDeniedException",
        "AccessDenied",
        "UnrecognizedClientException",
        "InvalidClientTokenId",
        "InvalidSignatureException",
        "SignatureDoesNotMatch",
        "IncompleteSignature",
        "MissingAuthenticationTokenException",
        "ExpiredTokenException",
        "ExpiredToken",
        "NotAuthorized",
        "AuthFailure",
    };

    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.Ordinal)
    {
        "ThrottlingException",
        "Throttling",
        "TooManyRequestsException",
        "RequestLimitExceeded",
        "RequestThrottled",
        "RequestThrottledException",
        "ProvisionedThroughputExceededException",
        "SlowDown",
    };

    /// <summary>
    /// Returns the function error for <paramref name="exception"/>, thrown while reading
    /// <paramref name="subject"/> (for example "task run tsk-1 of transform tfm-1").
    /// </summary>
    public static FunctionError Classify(Exception exception, string subject, SecretRedactor redactor)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(redactor);

        string message = redactor.Redact(exception.Message);

        return exception switch
        {
            FunctionError functionError => functionError,
            AmazonUnmarshallingException unreadable => new GlueUnavailable(
                $"Glue returned a response for {subject} that could not be read: {message}",
                unreadable),
            AmazonServiceException service => ClassifyServiceError(service, subject, message, redactor),
            AmazonClientException client when IsCredentialFailure(client) => new GlueAccessDenied(
                $"No AWS credentials were found to call Glue for {subject}: {message} "
                + "Give the function an execution role, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.",
                client),
            AmazonClientException client => new GlueUnavailable(
                $"The call to Glue for {subject} failed before Glue responded: {message}",
                client),
            JsonException json => new GlueUnavailable(
                $"Glue returned a response for {subject} that is not the expected JSON: {message}",
                json),
            HttpRequestException or SocketException or IOException => new GlueUnavailable(
                $"The network call to Glue for {subject} failed: {message}",
                exception),
            _ => new GlueUnavailable(
                $"The call to Glue for {subject} failed with {exception.GetType().Name}: {message}",
                exception),
        };
    }

    private static FunctionError ClassifyServiceError(
        AmazonServiceException exception,
        string subject,
        string message,
        SecretRedactor redactor)
    {
        string code = exception.ErrorCode ?? "";
        string shownCode = redactor.Redact(code);
        string detail = $"Glue returned {(int)exception.StatusCode} {DescribeCode(shownCode)} for {subject}: {message}";

        if (NotFoundCodes.Contains(code))
        {
            return new TaskRunNotFound(
                $"Glue has no {subject} ({shownCode}: {message}). Check both ids and the region.",
                exception);
        }

        if (InvalidInputCodes.Contains(code))
        {
            return new InvalidTaskRunRequest($"{detail} Fix the ids in the input.", exception);
        }

        if (AccessDeniedCodes.Contains(code)
            || exception.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return new GlueAccessDenied(
                $"{detail} Grant the function's role glue:GetMLTaskRun on this transform, "
                + "and check its credentials.",
                exception);
        }

        if (ThrottlingCodes.Contains(code) || exception.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return new GlueThrottled($"{detail} The SDK's retries did not outlast the throttling.", exception);
        }

        // Server faults, OperationTimeoutException, and error codes this function has
        // never seen: all may pass, so the wait loop retries them a bounded number of times.
        return new GlueUnavailable(detail, exception);
    }

    private static string DescribeCode(string code) => code.Length == 0 ? "with no error code" : code;

    private static bool IsCredentialFailure(AmazonClientException exception) =>
        exception.Message.Contains("credentials", StringComparison.OrdinalIgnoreCase)
        && exception.InnerException is not HttpRequestException;
}
