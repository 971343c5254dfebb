using GlueTaskRunLambda.Glue;

namespace GlueTaskRunLambda.Benchmarks;

/// <summary>
/// A Glue client that returns one prepared run from memory, so that a benchmark measures
/// only the function's own work. The task is cached, so the fake allocates nothing per call.
/// </summary>
internal sealed class InMemoryGlueClient : IGlueClient
{
    private readonly Task<GlueTaskRun> _run;

    public InMemoryGlueClient(GlueTaskRun run)
    {
        _run = Task.FromResult(run);
    }

    public Task<GlueTaskRun> GetMLTaskRunAsync(string transformId, string taskRunId, CancellationToken cancellationToken) =>
        _run;

    public Task<GetMLTaskRunsResult> GetMLTaskRunsAsync(GetMLTaskRunsBody request, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The benchmarks send task run ids, so the function never lists runs.");
}
