using Amazon.Runtime;

namespace GlueTaskRunLambda.Glue.Sdk;

/// <summary>
/// Gives the SDK one HTTP client for Glue. It never follows redirects, because a redirect
/// would carry the session token to another host. It reads each response whole, within
/// the attempt timeout and the caller's cancellation, before the SDK parses it.
/// </summary>
internal sealed class GlueHttpClientFactory : HttpClientFactory, IDisposable
{
    private readonly HttpClient _client;

    public GlueHttpClientFactory(TimeSpan attemptTimeout, long maxResponseBytes)
    {
        var transport = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            ConnectTimeout = attemptTimeout,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        };

        _client = new HttpClient(new BufferedResponseHandler(attemptTimeout, maxResponseBytes) { InnerHandler = transport })
        {
            // BufferedResponseHandler applies the timeout to headers and body together.
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => _client;

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;

    public void Dispose() => _client.Dispose();
}
