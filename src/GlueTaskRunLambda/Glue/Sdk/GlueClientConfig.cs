using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;
using Amazon.Util.Internal;

namespace GlueTaskRunLambda.Glue.Sdk;

/// <summary>
/// Client settings for Glue, built the way AWSSDK's generated service configs are, so
/// that the SDK applies AWS_REGION, AWS_ENDPOINT_URL_GLUE, AWS_ENDPOINT_URL,
/// AWS_MAX_ATTEMPTS and AWS_RETRY_MODE to it as it would to AWSSDK.Glue's config.
/// </summary>
internal sealed class GlueClientConfig : ClientConfig
{
    internal const string GlueServiceId = "Glue";
    internal const string SigningName = "glue";
    internal const string ApiVersion = "2017-03-31";

    private static readonly string UserAgentText =
        InternalSDKUtils.BuildUserAgentString(GlueServiceId, "gluetaskrunlambda");

    public GlueClientConfig()
        : base(new DefaultConfigurationProvider(GlueDefaultConfigurations.All))
    {
        // The service id is the key the SDK uses to find AWS_ENDPOINT_URL_GLUE.
        ServiceId = GlueServiceId;
        AuthenticationServiceName = SigningName;
        EndpointProvider = new GlueEndpointProvider();
    }

    public override string RegionEndpointServiceName => SigningName;

    public override string ServiceVersion => ApiVersion;

    public override string UserAgent => UserAgentText;

    public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters)
    {
        var requestContext = new RequestContext(false)
        {
            ClientConfig = this,
            OriginalRequest = parameters.Request,
            Request = new DefaultRequest(parameters.Request, GlueServiceId)
            {
                AlternateEndpoint = parameters.AlternateEndpoint,
            },
        };

        var executionContext = new Amazon.Runtime.Internal.ExecutionContext(requestContext, null);
        return new GlueEndpointResolver().GetEndpoint(executionContext);
    }
}
