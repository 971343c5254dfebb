using Amazon.Runtime;
using GlueTaskRunLambda.Errors;

namespace GlueTaskRunLambda.Glue.Sdk;

/// <summary>Creates the Glue client the function uses, configured from the environment.</summary>
internal static class GlueClientFactory
{
    /// <summary>Time allowed for one HTTP attempt, body included; the SDK retries within the Lambda deadline.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Largest Glue response the function reads. A GetMLTaskRuns page of 100 runs is far
    /// smaller; the cap keeps a runaway body from exhausting a 128 MB function.
    /// </summary>
    public const long MaxResponseBytes = 8 * 1024 * 1024;

    private static readonly Lazy<GlueHttpClientFactory> SharedTransport =
        new(() => new GlueHttpClientFactory(AttemptTimeout, MaxResponseBytes));

    public static GlueServiceClient Create(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);

        var config = new GlueClientConfig();
        ApplyTransport(config, SharedTransport.Value);

        // The SDK reads AWS_REGION itself. With an endpoint override and a region, it
        // would still sign for us-east-1 unless AuthenticationRegion is set.
        string? region = getVariable("AWS_REGION") ?? getVariable("AWS_DEFAULT_REGION");
        if (!string.IsNullOrEmpty(region))
        {
            config.AuthenticationRegion = region;
        }

        try
        {
            return new GlueServiceClient(config);
        }
        catch (AmazonClientException exception)
        {
            throw new InvalidFunctionConfiguration(
                $"The Glue client cannot be configured: {exception.Message}. Set AWS_REGION (Lambda sets it), "
                + "and AWS_ENDPOINT_URL_GLUE to use a local Glue endpoint.",
                exception);
        }
    }

    /// <summary>
    /// Sets the transport the function relies on: no redirects, no retries of a stale
    /// pooled connection beyond the SDK's own attempts, and bodies read under a timeout.
    /// </summary>
    internal static void ApplyTransport(GlueClientConfig config, GlueHttpClientFactory transport)
    {
        ArgumentNullException.ThrowIfNull(config);

        config.Timeout = AttemptTimeout;
        config.AllowAutoRedirect = false;
        config.MaxStaleConnectionRetries = 0;
        config.HttpClientFactory = transport;
    }
}
