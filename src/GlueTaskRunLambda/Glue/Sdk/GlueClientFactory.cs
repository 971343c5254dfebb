using Amazon.Runtime;
using GlueTaskRunLambda.Errors;

namespace GlueTaskRunLambda.Glue.Sdk;

/// <summary>Creates the Glue client the function uses, configured from the environment.</summary>
internal static class GlueClientFactory
{
    /// <summary>Time allowed for one HTTP attempt; the SDK retries within the Lambda deadline.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);

    public static GlueServiceClient Create(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);

        var config = new GlueClientConfig
        {
            Timeout = AttemptTimeout,
        };

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
}
