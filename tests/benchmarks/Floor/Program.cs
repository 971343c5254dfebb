// The cold-start floor: takes events from the Lambda Runtime API and posts a fixed
// response for each, with the same HttpClient set-up as the function's RuntimeApiClient
// and no other work. It exits when the Runtime API fails or returns an error status.
using System.Net.Http.Headers;

string? runtimeApi = Environment.GetEnvironmentVariable("AWS_LAMBDA_RUNTIME_API");
if (string.IsNullOrEmpty(runtimeApi))
{
    await Console.Error.WriteLineAsync("AWS_LAMBDA_RUNTIME_API is not set; run floor under a Runtime API server.")
        .ConfigureAwait(false);
    return 2;
}

using var http = new HttpClient(new SocketsHttpHandler(), disposeHandler: true)
{
    BaseAddress = new Uri($"http://{runtimeApi}/2018-06-01/"),
    Timeout = Timeout.InfiniteTimeSpan,
};
byte[] responseBody = """{"Status":"RUNNING"}"""u8.ToArray();

while (true)
{
    using HttpResponseMessage next = await http.GetAsync(new Uri("runtime/invocation/next", UriKind.Relative))
        .ConfigureAwait(false);
    if (!next.IsSuccessStatusCode
        || !next.Headers.TryGetValues("Lambda-Runtime-Aws-Request-Id", out IEnumerable<string>? ids))
    {
        await Console.Error.WriteLineAsync($"The Runtime API next call returned {(int)next.StatusCode}; floor exits.")
            .ConfigureAwait(false);
        return 1;
    }

    _ = await next.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
    string requestId = ids.First();

    using var content = new ByteArrayContent(responseBody);
    content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
    using HttpResponseMessage posted = await http.PostAsync(
            new Uri($"runtime/invocation/{Uri.EscapeDataString(requestId)}/response", UriKind.Relative),
            content)
        .ConfigureAwait(false);
    if (!posted.IsSuccessStatusCode)
    {
        await Console.Error.WriteLineAsync($"The Runtime API rejected the response with {(int)posted.StatusCode}; floor exits.")
            .ConfigureAwait(false);
        return 1;
    }
}
