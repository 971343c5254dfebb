using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using GlueTaskRunLambda.Serialization;

namespace GlueTaskRunLambda.Glue.Sdk;

/// <summary>
/// A Glue client on AWSSDK.Core's runtime pipeline: the SDK signs with SigV4, resolves
/// credentials through its default chain, retries throttling and server errors, and
/// parses error responses, exactly as it does for its generated service clients.
/// </summary>
internal sealed class GlueServiceClient : AmazonServiceClient, IGlueClient
{
    private static readonly GlueJsonUnmarshaller<GlueTaskRun> TaskRunUnmarshaller =
        new(GlueJsonContext.Default.GlueTaskRun);

    private static readonly GlueJsonUnmarshaller<GetMLTaskRunsResult> TaskRunsUnmarshaller =
        new(GlueJsonContext.Default.GetMLTaskRunsResult);

    public GlueServiceClient(GlueClientConfig config)
        : base(config)
    {
    }

    public GlueServiceClient(AWSCredentials credentials, GlueClientConfig config)
        : base(credentials, config)
    {
    }

    protected override IServiceMetadata ServiceMetadata { get; } = new GlueServiceMetadata();

    public async Task<GlueTaskRun> GetMLTaskRunAsync(
        string transformId,
        string taskRunId,
        CancellationToken cancellationToken)
    {
        var body = new GetMLTaskRunBody(transformId, taskRunId);
        return await CallAsync(
                "GetMLTaskRun",
                body,
                GlueJsonContext.Default.GetMLTaskRunBody,
                TaskRunUnmarshaller,
                cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task<GetMLTaskRunsResult> GetMLTaskRunsAsync(
        GetMLTaskRunsBody request,
        CancellationToken cancellationToken)
    {
        return await CallAsync(
                "GetMLTaskRuns",
                request,
                GlueJsonContext.Default.GetMLTaskRunsBody,
                TaskRunsUnmarshaller,
                cancellationToken)
            .ConfigureAwait(false);
    }

    protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);

        pipeline.RemoveHandler<EndpointResolver>();
        pipeline.AddHandlerAfter<Marshaller>(new GlueEndpointResolver());
        pipeline.AddHandlerAfter<Marshaller>(new GlueAuthSchemeHandler());
    }

    private async Task<TResult> CallAsync<TBody, TResult>(
        string operation,
        TBody body,
        JsonTypeInfo<TBody> bodyType,
        GlueJsonUnmarshaller<TResult> unmarshaller,
        CancellationToken cancellationToken)
        where TResult : class
    {
        var request = new GlueJsonRequest(operation, JsonSerializer.SerializeToUtf8Bytes(body, bodyType));
        var options = new InvokeOptions
        {
            RequestMarshaller = GlueJsonMarshaller.Instance,
            ResponseUnmarshaller = unmarshaller,
        };

        var response = await InvokeAsync<GlueJsonResponse<TResult>>(request, options, cancellationToken)
            .ConfigureAwait(false);
        return response.Result
            ?? throw new InvalidOperationException($"The SDK returned no result for Glue {operation}.");
    }

    private sealed class GlueServiceMetadata : IServiceMetadata
    {
        public string ServiceId => GlueClientConfig.GlueServiceId;

        public IDictionary<string, string> OperationNameMapping { get; } = new Dictionary<string, string>();
    }
}
