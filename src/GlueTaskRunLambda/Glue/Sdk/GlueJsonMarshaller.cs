using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;

namespace GlueTaskRunLambda.Glue.Sdk;

/// <summary>
/// Turns a <see cref="GlueJsonRequest"/> into Glue's awsJson1_1 HTTP request:
/// POST / with the X-Amz-Target header naming the operation.
/// </summary>
internal sealed class GlueJsonMarshaller : IMarshaller<IRequest, AmazonWebServiceRequest>
{
    internal const string ContentType = "application/x-amz-json-1.1";
    internal const string TargetPrefix = "AWSGlue.";

    public static GlueJsonMarshaller Instance { get; } = new();

    public IRequest Marshall(AmazonWebServiceRequest input)
    {
        var glueRequest = (GlueJsonRequest)input;
        var request = new DefaultRequest(glueRequest, GlueClientConfig.GlueServiceId)
        {
            HttpMethod = "POST",
            ResourcePath = "/",
            Content = glueRequest.Body,
        };

        request.Headers["X-Amz-Target"] = TargetPrefix + glueRequest.Operation;
        request.Headers["Content-Type"] = ContentType;
        request.Headers[Amazon.Util.HeaderKeys.XAmzApiVersion] = GlueClientConfig.ApiVersion;
        return request;
    }
}
