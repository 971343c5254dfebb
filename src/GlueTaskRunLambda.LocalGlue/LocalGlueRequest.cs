namespace GlueTaskRunLambda.LocalGlue;

/// <summary>
/// One request that a <see cref="LocalGlueServer"/> received and the status it answered
/// with, kept so that tests can count calls per operation and task run.
/// </summary>
/// <param name="ReceivedAt">Time of <see cref="LocalGlueOptions.TimeProvider"/> when the request arrived.</param>
/// <param name="Operation">
/// Operation named by <c>X-Amz-Target</c> without the <c>AWSGlue.</c> prefix, the whole
/// header when it has another prefix, or an empty string when the header is missing.
/// </param>
/// <param name="TransformId">TransformId from the body, or null when the body had none.</param>
/// <param name="TaskRunId">TaskRunId from the body, or of the run that a start operation created.</param>
/// <param name="StatusCode">HTTP status code of the response.</param>
/// <param name="ErrorCode">The <c>__type</c> of an error response, or null on success.</param>
/// <param name="RequestId">Value of the <c>x-amzn-RequestId</c> response header.</param>
public sealed record LocalGlueRequest(
    DateTimeOffset ReceivedAt,
    string Operation,
    string? TransformId,
    string? TaskRunId,
    int StatusCode,
    string? ErrorCode,
    string RequestId);
