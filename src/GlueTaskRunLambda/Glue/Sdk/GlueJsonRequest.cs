using Amazon.Runtime;

namespace GlueTaskRunLambda.Glue.Sdk;

/// <summary>
/// One Glue operation call for the SDK pipeline: the operation name and its JSON body,
/// already serialized by the caller with the project's source-generated serializer.
/// </summary>
internal sealed class GlueJsonRequest : AmazonWebServiceRequest
{
    public GlueJsonRequest(string operation, byte[] body)
    {
        Operation = operation;
        Body = body;
    }

    public string Operation { get; }

    public byte[] Body { get; }
}

/// <summary>A Glue response body deserialized to <typeparamref name="T"/>.</summary>
internal sealed class GlueJsonResponse<T> : AmazonWebServiceResponse
    where T : class
{
    public T? Result { get; set; }
}
