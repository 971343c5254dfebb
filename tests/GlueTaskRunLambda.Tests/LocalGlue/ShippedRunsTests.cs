using System.Net;
using GlueTaskRunLambda.LocalGlue;
using Microsoft.Extensions.Time.Testing;

namespace GlueTaskRunLambda.Tests.LocalGlue;

/// <summary>
/// The runs.json shipped with local-glue: the ids and behaviour that its README lists.
/// </summary>
public sealed class ShippedRunsTests : IAsyncLifetime
{
    private const string MainTransform = "tfm-00000000000000000000000000000001";
    private const string SecondTransform = "tfm-00000000000000000000000000000002";

    private readonly FakeTimeProvider _time = new(TestRuns.Start);
    private LocalGlueServer _server = null!;
    private GlueTestClient _client = null!;

    public async Task InitializeAsync()
    {
        // RunsFile is left at its default, the runs.json copied beside local-glue.dll.
        _server = await LocalGlueServer.StartAsync(new LocalGlueOptions { Port = 0, TimeProvider = _time });
        _client = GlueTestClient.Signed(_server);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Theory]
    [InlineData(MainTransform, "tsk-00000000000000000000000000000001", "EVALUATION", "SUCCEEDED")]
    [InlineData(MainTransform, "tsk-00000000000000000000000000000002", "LABELING_SET_GENERATION", "SUCCEEDED")]
    [InlineData(MainTransform, "tsk-00000000000000000000000000000003", "IMPORT_LABELS", "SUCCEEDED")]
    [InlineData(MainTransform, "tsk-00000000000000000000000000000004", "EXPORT_LABELS", "SUCCEEDED")]
    [InlineData(MainTransform, "tsk-00000000000000000000000000000005", "FIND_MATCHES", "SUCCEEDED")]
    [InlineData(MainTransform, "tsk-00000000000000000000000000000006", "EVALUATION", "FAILED")]
    [InlineData(MainTransform, "tsk-00000000000000000000000000000007", "LABELING_SET_GENERATION", "TIMEOUT")]
    [InlineData(MainTransform, "tsk-00000000000000000000000000000008", "IMPORT_LABELS", "STOPPED")]
    [InlineData(MainTransform, "tsk-0000000000000000000000000000000b", "EVALUATION", "SUCCEEDED")]
    [InlineData(SecondTransform, "tsk-0000000000000000000000000000000c", "FIND_MATCHES", "FAILED")]
    public async Task ShippedRun_AfterItsDuration_EndsWithDocumentedOutcome(
        string transformId,
        string taskRunId,
        string taskType,
        string outcome)
    {
        GlueResponse first = await _client.GetMLTaskRunAsync(transformId, taskRunId);
        _time.Advance(TimeSpan.FromHours(2));
        GlueResponse last = await _client.GetMLTaskRunAsync(transformId, taskRunId);

        Assert.Equal("STARTING", first.Status);
        Assert.Equal(taskType, last.Body.GetProperty("Properties").GetProperty("TaskType").GetString());
        Assert.Equal(outcome, last.Status);
        Assert.Equal(outcome is "FAILED" or "TIMEOUT", last.HasMember("ErrorString"));
    }

    [Fact]
    public async Task ShippedThrottledRun_ThrottlesTwiceThenSucceeds()
    {
        const string TaskRunId = "tsk-00000000000000000000000000000009";

        GlueResponse first = await _client.GetMLTaskRunAsync(MainTransform, TaskRunId);
        GlueResponse second = await _client.GetMLTaskRunAsync(MainTransform, TaskRunId);
        _time.Advance(TimeSpan.FromHours(2));
        GlueResponse third = await _client.GetMLTaskRunAsync(MainTransform, TaskRunId);

        Assert.Equal("ThrottlingException", first.ErrorType);
        Assert.Equal("ThrottlingException", second.ErrorType);
        Assert.Equal("SUCCEEDED", third.Status);
    }

    [Fact]
    public async Task ShippedFailingRun_FailsOnceThenSucceeds()
    {
        const string TaskRunId = "tsk-0000000000000000000000000000000a";

        GlueResponse first = await _client.GetMLTaskRunAsync(MainTransform, TaskRunId);
        _time.Advance(TimeSpan.FromHours(2));
        GlueResponse second = await _client.GetMLTaskRunAsync(MainTransform, TaskRunId);

        Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
        Assert.Equal("InternalServiceException", first.ErrorType);
        Assert.Equal("SUCCEEDED", second.Status);
    }

    [Fact]
    public void ShippedRuns_CoverEveryTaskTypeAndOutcome()
    {
        IReadOnlyList<SimulatedTaskRun> runs = SimulatedTaskRuns.Load(SimulatedTaskRuns.DefaultFilePath);

        Assert.Equal(
            ["EVALUATION", "EXPORT_LABELS", "FIND_MATCHES", "IMPORT_LABELS", "LABELING_SET_GENERATION"],
            runs.Select(run => run.TaskType).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(
            ["FAILED", "STOPPED", "SUCCEEDED", "TIMEOUT"],
            runs.Select(run => run.Outcome).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(12, runs.Count);
    }
}
