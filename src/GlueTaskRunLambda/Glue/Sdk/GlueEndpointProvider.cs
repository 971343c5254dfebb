using Amazon.Runtime;
using Amazon.Runtime.Endpoints;

namespace GlueTaskRunLambda.Glue.Sdk;

/// <summary>
/// Resolves Glue's endpoint from the region and the FIPS and dual-stack settings, or
/// takes the configured endpoint URL unchanged when one is set.
/// </summary>
internal sealed class GlueEndpointProvider : IEndpointProvider
{
    internal const string RegionKey = "Region";
    internal const string EndpointKey = "Endpoint";
    internal const string UseFipsKey = "UseFIPS";
    internal const string UseDualStackKey = "UseDualStack";

    public Endpoint ResolveEndpoint(EndpointParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);

        if (parameters[EndpointKey] is string url && url.Length > 0)
        {
            return new Endpoint(url);
        }

        if (parameters[RegionKey] is not string region || region.Length == 0)
        {
            throw new AmazonClientException(
                "No AWS region is set for Glue. Set AWS_REGION (Lambda sets it), "
                + "or set AWS_ENDPOINT_URL_GLUE to call a local endpoint.");
        }

        bool fips = parameters[UseFipsKey] is true;
        bool dualStack = parameters[UseDualStackKey] is true;
        bool china = region.StartsWith("cn-", StringComparison.Ordinal);
        string host = fips ? "glue-fips" : "glue";

        string domain = (china, dualStack) switch
        {
            (true, true) => "api.amazonwebservices.com.cn",
            (true, false) => "amazonaws.com.cn",
            (false, true) => "api.aws",
            (false, false) => "amazonaws.com",
        };

        return new Endpoint($"https://{host}.{region}.{domain}");
    }
}
