using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;

namespace GlueTaskRunLambda.Glue.Sdk;

/// <summary>
/// The pipeline step that gathers the endpoint parameters from the client config for
/// <see cref="GlueEndpointProvider"/>.
/// </summary>
internal sealed class GlueEndpointResolver : BaseEndpointResolver
{
    protected override EndpointParameters MapEndpointsParameters(IRequestContext requestContext)
    {
        var config = requestContext.ClientConfig;
        var parameters = new EndpointParameters();

        // The region must be read before ServiceURL: reading the URL first lets the
        // region setter clear a URL that came from the environment.
        string? region = requestContext.Request.AlternateEndpoint?.SystemName
            ?? config.RegionEndpoint?.SystemName
            ?? config.AuthenticationRegion;

        parameters[GlueEndpointProvider.RegionKey] = region;
        parameters[GlueEndpointProvider.UseFipsKey] = config.UseFIPSEndpoint;
        parameters[GlueEndpointProvider.UseDualStackKey] = config.UseDualstackEndpoint;
        parameters[GlueEndpointProvider.EndpointKey] = config.ServiceURL;
        return parameters;
    }
}
