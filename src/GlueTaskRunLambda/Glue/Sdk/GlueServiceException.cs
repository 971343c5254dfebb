using System.Net;
using Amazon.Runtime;

namespace GlueTaskRunLambda.Glue.Sdk;

/// <summary>An error response from Glue, with the error code the service sent.</summary>
#pragma warning disable CA1032 // The SDK creates these only with the full set of values.
internal sealed class GlueServiceException : AmazonServiceException
#pragma warning restore CA1032
{
    public GlueServiceException(
        string? message,
        Exception? innerException,
        ErrorType errorType,
        string? errorCode,
        string? requestId,
        HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
    }
}
