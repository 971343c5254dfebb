using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using GlueTaskRunLambda.Serialization;

namespace GlueTaskRunLambda.Hosting;

/// <summary>One event from the Runtime API's next call.</summary>
internal sealed record Invocation(InvocationContext Context, byte[] Body);

/// <summary>The Runtime API reported that the execution environment is broken.</summary>
#pragma warning disable CA1032
internal sealed class RuntimeApiFatalException(string message, Exception? innerException = null)
    : Exception(message, innerException);
#pragma warning restore CA1032

/// <summary>The outcome of posting a response or an error to the Runtime API, with the HTTP status.</summary>
internal readonly record struct PostOutcome(bool Accepted, int StatusCode);

/// <summary>
/// An HTTP client for the Lambda Runtime API (version 2018-06-01): next, response, error
/// and init error. A 500 response, or a failure of the next call itself, raises
/// <see cref="RuntimeApiFatalException"/>, after which the runtime should exit.
/// </summary>
internal sealed class RuntimeApiClient : IDisposable
{
    private const string ErrorContentType = "application/vnd.aws.lambda.error+json";
    private const string ErrorTypeHeader = "Lambda-Runtime-Function-Error-Type";

    private readonly HttpClient _http;

    /// <exception cref="UriFormatException"><paramref name="runtimeApiAddress"/> is not a host and port.</exception>
    public RuntimeApiClient(string runtimeApiAddress, HttpMessageHandler? handler = null)
    {
        if (!Uri.TryCreate($"http://{runtimeApiAddress}/2018-06-01/", UriKind.Absolute, out Uri? baseAddress)
            || baseAddress.Authority != runtimeApiAddress)
        {
            throw new UriFormatException(
                $"'{runtimeApiAddress}' is not a Runtime API address such as 127.0.0.1:9001.");
        }

        // The next call blocks until an event arrives, so the client sets no timeout.
        _http = new HttpClient(handler ?? new SocketsHttpHandler(), disposeHandler: true)
        {
            BaseAddress = baseAddress,
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public async Task<Invocation> NextAsync(CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await _http.GetAsync("runtime/invocation/next", cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw new RuntimeApiFatalException($"The Runtime API next call failed: {exception.Message}", exception);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new RuntimeApiFatalException(
                    $"The Runtime API next call returned {(int)response.StatusCode} {response.ReasonPhrase}.");
            }

            string? requestId = Header(response, "Lambda-Runtime-Aws-Request-Id");
            if (string.IsNullOrEmpty(requestId))
            {
                // Without a request id no response or error can be posted for the event.
                throw new RuntimeApiFatalException("The Runtime API sent an event without Lambda-Runtime-Aws-Request-Id.");
            }


            var context = new InvocationContext
            {
                RequestId = requestId,
                Deadline = ParseDeadline(Header(response, "Lambda-Runtime-Deadline-Ms")),
                InvokedFunctionArn = Header(response, "Lambda-Runtime-Invoked-Function-Arn"),
                TraceId = Header(response, "Lambda-Runtime-Trace-Id"),
            };

            byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return new Invocation(context, body);
        }
    }

    public Task<PostOutcome> PostResponseAsync(string requestId, byte[] body, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return PostAsync($"runtime/invocation/{Uri.EscapeDataString(requestId)}/response", content, cancellationToken);
    }

    public Task<PostOutcome> PostErrorAsync(string requestId, ErrorBody error, CancellationToken cancellationToken) =>
        PostAsync($"runtime/invocation/{Uri.EscapeDataString(requestId)}/error", ErrorContent(error), cancellationToken);

    public Task<PostOutcome> PostInitErrorAsync(ErrorBody error, CancellationToken cancellationToken) =>
        PostAsync("runtime/init/error", ErrorContent(error), cancellationToken);

    public void Dispose() => _http.Dispose();

    /// <summary>
    /// Parses Lambda-Runtime-Deadline-Ms (Unix epoch milliseconds); returns null when the
    /// header is missing or is not a whole number in DateTimeOffset's range.
    /// </summary>
    internal static DateTimeOffset? ParseDeadline(string? header)
    {
        if (!long.TryParse(header, NumberStyles.None, CultureInfo.InvariantCulture, out long milliseconds)
            || milliseconds > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            return null;
        }

        return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
    }

    private async Task<PostOutcome> PostAsync(string path, HttpContent content, CancellationToken cancellationToken)
    {
        using (content)
        {
            HttpResponseMessage response;
            try
            {
                response = await _http.PostAsync(path, content, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException exception)
            {
                throw new RuntimeApiPostException($"POST {path} failed: {exception.Message}", exception);
            }

            using (response)
            {
                if (response.StatusCode == HttpStatusCode.InternalServerError)
                {
                    throw new RuntimeApiFatalException($"The Runtime API returned 500 to POST {path}.");
                }

                return new PostOutcome(response.IsSuccessStatusCode, (int)response.StatusCode);
            }
        }
    }

    private static ByteArrayContent ErrorContent(ErrorBody error)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(error, FunctionJsonContext.Relaxed.ErrorBody));
        content.Headers.ContentType = new MediaTypeHeaderValue(ErrorContentType);
        content.Headers.Add(ErrorTypeHeader, error.ErrorType);
        return content;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}

/// <summary>A post to the Runtime API failed on the network; the loop logs it and goes on.</summary>
#pragma warning disable CA1032
internal sealed class RuntimeApiPostException(string message, Exception? innerException = null)
    : Exception(message, innerException);
#pragma warning restore CA1032
