using System.Text.Json;
using GlueTaskRunLambda.LocalGlue.Json;
using GlueTaskRunLambda.LocalGlue.Protocol.Wire;
using GlueTaskRunLambda.LocalGlue.Signing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace GlueTaskRunLambda.LocalGlue.Protocol;

/// <summary>
/// The HTTP side of the awsJson1_1 protocol as Glue implements it: <c>POST /</c> with
/// <c>X-Amz-Target: AWSGlue.&lt;Operation&gt;</c> and a JSON body. Every response has an
/// <c>x-amzn-RequestId</c> header and either the operation's body or an error body.
/// </summary>
internal sealed class GlueEndpoint(
    GlueOperations operations,
    SigV4Verifier verifier,
    RequestJournal journal,
    TimeProvider timeProvider,
    ILogger logger)
{
    public const string JsonContentType = "application/x-amz-json-1.1";

    private const string TargetPrefix = "AWSGlue.";

    /// <summary>Handles one request, then records and logs the outcome, whether success or error.</summary>
    public async Task HandleAsync(HttpContext context)
    {
        DateTimeOffset receivedAt = timeProvider.GetUtcNow();
        string requestId = Guid.NewGuid().ToString();
        string target = context.Request.Headers["X-Amz-Target"].ToString();
        string operation = target.StartsWith(TargetPrefix, StringComparison.Ordinal)
            ? target[TargetPrefix.Length..]
            : target;
        var call = new CallDetails();
        byte[] body = await ReadBodyAsync(context.Request, context.RequestAborted).ConfigureAwait(false);

        int statusCode = StatusCodes.Status200OK;
        GlueErrorException? error = null;
        byte[] responseBody;
        try
        {
            responseBody = Handle(context, target, operation, body, call);
        }
        catch (GlueErrorException exception)
        {
            error = exception;
            statusCode = exception.StatusCode;
            responseBody = JsonSerializer.SerializeToUtf8Bytes(
                new GlueErrorDocument(exception.ErrorCode, exception.Message),
                WireJsonContext.Default.GlueErrorDocument);
        }

        HttpResponse response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = JsonContentType;
        response.ContentLength = responseBody.Length;
        response.Headers["x-amzn-RequestId"] = requestId;
        if (error is not null)
        {
            response.Headers["X-Amzn-ErrorType"] = error.ErrorCode;
        }

        await response.Body.WriteAsync(responseBody, context.RequestAborted).ConfigureAwait(false);

        journal.Add(new LocalGlueRequest(
            receivedAt,
            operation,
            call.TransformId,
            call.TaskRunId,
            statusCode,
            error?.ErrorCode,
            requestId));
        Log(operation, statusCode, error, call, requestId);
    }

    private byte[] Handle(HttpContext context, string target, string operation, byte[] body, CallDetails call)
    {
        HttpRequest request = context.Request;
        string rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.Value ?? "/";
        verifier.Verify(request.Method, rawTarget, request.Headers, body);

        if (!HttpMethods.IsPost(request.Method) || request.Path != "/")
        {
            throw GlueErrors.UnknownOperation(
                $"{request.Method} {DisplayText.Shorten(rawTarget)} is not an operation: Glue takes POST / with an X-Amz-Target header.");
        }

        if (!target.StartsWith(TargetPrefix, StringComparison.Ordinal))
        {
            throw GlueErrors.UnknownOperation(target.Length == 0
                ? "The X-Amz-Target header is missing: set it to AWSGlue.<Operation>, such as AWSGlue.GetMLTaskRun."
                : $"X-Amz-Target '{DisplayText.Shorten(target)}' is unknown: it must be AWSGlue.<Operation>, such as AWSGlue.GetMLTaskRun.");
        }

        // Glue does not document its error for a wrong Content-Type, so
        // InvalidInputException is a guess.
        string mediaType = (request.ContentType ?? "").Split(';')[0].Trim();
        if (!string.Equals(mediaType, JsonContentType, StringComparison.OrdinalIgnoreCase))
        {
            throw GlueErrors.InvalidInput(
                $"Content-Type '{DisplayText.Shorten(request.ContentType)}' is not supported: send {JsonContentType}.");
        }

        return operations.Invoke(operation, body, call);
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // Kestrel's MaxRequestBodySize bounds the copy, and a larger body ends in a 413.
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }

    private void Log(string operation, int statusCode, GlueErrorException? error, CallDetails call, string requestId)
    {
        string operationText = operation.Length == 0 ? "(no X-Amz-Target)" : DisplayText.Shorten(operation);
        string transformId = DisplayText.Shorten(call.TransformId ?? "-");
        string taskRunId = DisplayText.Shorten(call.TaskRunId ?? "-");
        if (error is null)
        {
            ServerLog.RequestSucceeded(logger, operationText, statusCode, transformId, taskRunId, requestId);
        }
        else
        {
            ServerLog.RequestFailed(
                logger,
                operationText,
                statusCode,
                error.ErrorCode,
                transformId,
                taskRunId,
                requestId,
                error.Message);
        }
    }
}
