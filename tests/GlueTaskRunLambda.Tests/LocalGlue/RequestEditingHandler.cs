namespace GlueTaskRunLambda.Tests.LocalGlue;

/// <summary>
/// Changes each request after the signing handler above it has signed it, to produce
/// requests whose signature no longer matches.
/// </summary>
internal sealed class RequestEditingHandler(Action<HttpRequestMessage> edit) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        edit(request);
        return base.SendAsync(request, cancellationToken);
    }
}
