namespace GlueTaskRunLambda.Glue;

/// <summary>
/// The Glue operations the function calls. <see cref="Sdk.GlueServiceClient"/> implements
/// it on AWSSDK.Core; an adapter over AWSSDK.Glue's AmazonGlueClient would plug in here
/// unchanged. Failures surface as Amazon.Runtime exceptions, which both clients throw.
/// </summary>
internal interface IGlueClient
{
    Task<GlueTaskRun> GetMLTaskRunAsync(string transformId, string taskRunId, CancellationToken cancellationToken);

    Task<GetMLTaskRunsResult> GetMLTaskRunsAsync(GetMLTaskRunsBody request, CancellationToken cancellationToken);
}
