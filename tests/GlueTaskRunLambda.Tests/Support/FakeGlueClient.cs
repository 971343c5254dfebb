using GlueTaskRunLambda.Glue;

namespace GlueTaskRunLambda.Tests.Support;

/// <summary>An in-memory Glue for handler tests: scripted answers, recorded calls.</summary>
internal sealed class FakeGlueClient : IGlueClient
{
    public Func<string, string, CancellationToken, Task<GlueTaskRun>> GetRun { get; set; } =
        (transformId, taskRunId, _) => Task.FromResult(new GlueTaskRun
        {
            TransformId = transformId,
            TaskRunId = taskRunId,
            Status = "RUNNING",
        });

    public Func<GetMLTaskRunsBody, Task<GetMLTaskRunsResult>> ListRuns { get; set; } =
        _ => Task.FromResult(new GetMLTaskRunsResult { TaskRuns = [] });

    public List<(string TransformId, string TaskRunId)> GetCalls { get; } = [];

    public List<GetMLTaskRunsBody> ListCalls { get; } = [];

    public Task<GlueTaskRun> GetMLTaskRunAsync(string transformId, string taskRunId, CancellationToken cancellationToken)
    {
        GetCalls.Add((transformId, taskRunId));
        return GetRun(transformId, taskRunId, cancellationToken);
    }

    public Task<GetMLTaskRunsResult> GetMLTaskRunsAsync(GetMLTaskRunsBody request, CancellationToken cancellationToken)
    {
        ListCalls.Add(request);
        return ListRuns(request);
    }
}
