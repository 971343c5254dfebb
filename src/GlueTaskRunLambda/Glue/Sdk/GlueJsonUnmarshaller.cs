using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;

namespace GlueTaskRunLambda.Glue.Sdk;

/// <summary>
/// Reads a Glue response body with the project's source-generated serializer. Error
/// bodies go to the SDK's awsJson error parser, which finds the error code in `__type`
/// (with or without a namespace or a ':' suffix), in `code`, or in the X-Amzn-ErrorType
/// header.
/// </summary>
internal sealed class GlueJsonUnmarshaller<T> : JsonResponseUnmarshaller
    where T : class
{
    private readonly JsonTypeInfo<T> _typeInfo;

    public GlueJsonUnmarshaller(JsonTypeInfo<T> typeInfo)
    {
        _typeInfo = typeInfo;
    }

    public override AmazonWebServiceResponse Unmarshall(JsonUnmarshallerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        using var buffer = new MemoryStream();
        context.Stream.CopyTo(buffer);
        if (buffer.Length == 0)
        {
            throw new JsonException("Glue returned an empty response body where a JSON object was expected.");
        }

        T? result = JsonSerializer.Deserialize(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), _typeInfo);
        if (result is null)
        {
            throw new JsonException("Glue returned the JSON value null where an object was expected.");
        }

        return new GlueJsonResponse<T> { Result = result };
    }

    public override AmazonServiceException UnmarshallException(
        JsonUnmarshallerContext context,
        Exception innerException,
        HttpStatusCode statusCode)
    {
        ArgumentNullException.ThrowIfNull(context);

        var reader = new StreamingUtf8JsonReader(context.Stream);
        var error = JsonErrorResponseUnmarshaller.GetInstance().Unmarshall(context, ref reader);
        return new GlueServiceException(
            error.Message,
            innerException,
            error.Type,
            error.Code,
            error.RequestId,
            statusCode);
    }
}
