using System.Net;
using GlueTaskRunLambda.LocalGlue;
using Microsoft.Extensions.Time.Testing;

namespace GlueTaskRunLambda.Tests.LocalGlue;

/// <summary>
/// Status over simulated time. Every run lasts 100 s, so it is STARTING until 10 s and a
/// STOPPED run is STOPPING from 90 s.
/// </summary>
public sealed class TaskRunTimelineTests : IAsyncLifetime
{
    private const string SucceedingRunId = "tsk-00000000000000000000000000000001";
    private const string FailingRunId = "tsk-00000000000000000000000000000002";
    private const string TimingOutRunId = "tsk-00000000000000000000000000000003";
    private const string StoppedRunId = "tsk-00000000000000000000000000000004";

    private readonly FakeTimeProvider _time = new(TestRuns.Start);
    private LocalGlueServer _server = null!;
    private GlueTestClient _client = null!;

    public async Task InitializeAsync()
    {
        SimulatedTaskRun[] runs =
        [
            TestRuns.Evaluation(SucceedingRunId),
            TestRuns.Evaluation(FailingRunId, "FAILED", errorString: "Evaluation failed."),
            TestRuns.Evaluation(TimingOutRunId, "TIMEOUT", errorString: "Timed out."),
            TestRuns.Evaluation(StoppedRunId, "STOPPED"),
        ];
        _server = await TestRuns.StartServerAsync(runs, _time);
        _client = GlueTestClient.Signed(_server);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task GetMLTaskRun_SucceedingRun_AdvancesStartingRunningSucceeded()
    {
        string first = await StatusAfterAsync(SucceedingRunId, 0);
        string justBeforeRunning = await StatusAfterAsync(SucceedingRunId, 9.9);
        string atRunning = await StatusAfterAsync(SucceedingRunId, 0.1);
        string justBeforeEnd = await StatusAfterAsync(SucceedingRunId, 89.9);
        string atEnd = await StatusAfterAsync(SucceedingRunId, 0.1);

        Assert.Equal("STARTING", first);
        Assert.Equal("STARTING", justBeforeRunning);
        Assert.Equal("RUNNING", atRunning);
        Assert.Equal("RUNNING", justBeforeEnd);
        Assert.Equal("SUCCEEDED", atEnd);
    }

    [Fact]
    public async Task GetMLTaskRun_FailingRun_ReturnsErrorStringOnlyOnceFailed()
    {
        await _client.GetMLTaskRunAsync(TestRuns.TransformId, FailingRunId);
        _time.Advance(TimeSpan.FromSeconds(50));
        GlueResponse running = await _client.GetMLTaskRunAsync(TestRuns.TransformId, FailingRunId);
        _time.Advance(TimeSpan.FromSeconds(50));
        GlueResponse failed = await _client.GetMLTaskRunAsync(TestRuns.TransformId, FailingRunId);

        Assert.Equal("RUNNING", running.Status);
        Assert.False(running.HasMember("ErrorString"));
        Assert.Equal("FAILED", failed.Status);
        Assert.Equal("Evaluation failed.", failed.StringMember("ErrorString"));
        Assert.True(failed.HasMember("CompletedOn"));
    }

    [Fact]
    public async Task GetMLTaskRun_TimingOutRun_EndsInTimeoutWithErrorString()
    {
        string first = await StatusAfterAsync(TimingOutRunId, 0);
        _time.Advance(TimeSpan.FromSeconds(100));

        GlueResponse response = await _client.GetMLTaskRunAsync(TestRuns.TransformId, TimingOutRunId);

        Assert.Equal("STARTING", first);
        Assert.Equal("TIMEOUT", response.Status);
        Assert.Equal("Timed out.", response.StringMember("ErrorString"));
    }

    [Fact]
    public async Task GetMLTaskRun_StoppedRun_PassesThroughStopping()
    {
        await StatusAfterAsync(StoppedRunId, 0);
        string running = await StatusAfterAsync(StoppedRunId, 89.9);
        string stopping = await StatusAfterAsync(StoppedRunId, 0.1);
        GlueResponse stopped = await ResponseAfterAsync(StoppedRunId, 10);

        Assert.Equal("RUNNING", running);
        Assert.Equal("STOPPING", stopping);
        Assert.Equal("STOPPED", stopped.Status);
        Assert.True(stopped.HasMember("CompletedOn"));
        Assert.False(stopped.HasMember("ErrorString"));
    }

    [Fact]
    public async Task GetMLTaskRun_ClockStartsAtFirstRequest()
    {
        _time.Advance(TimeSpan.FromHours(1));

        GlueResponse response = await _client.GetMLTaskRunAsync(TestRuns.TransformId, SucceedingRunId);

        Assert.Equal("STARTING", response.Status);
        Assert.Equal(1735693200.0, response.Body.GetProperty("StartedOn").GetDouble());
    }

    [Fact]
    public async Task GetMLTaskRun_TimeScale60_FinishesSixtySecondRunInOneSecond()
    {
        var time = new FakeTimeProvider(TestRuns.Start);
        await using LocalGlueServer server = await TestRuns.StartServerAsync(
            [TestRuns.Evaluation(SucceedingRunId, durationSeconds: 60)],
            time,
            timeScale: 60);
        using var client = GlueTestClient.Signed(server);

        GlueResponse first = await client.GetMLTaskRunAsync(TestRuns.TransformId, SucceedingRunId);
        time.Advance(TimeSpan.FromSeconds(0.5));
        GlueResponse halfway = await client.GetMLTaskRunAsync(TestRuns.TransformId, SucceedingRunId);
        time.Advance(TimeSpan.FromSeconds(0.5));
        GlueResponse done = await client.GetMLTaskRunAsync(TestRuns.TransformId, SucceedingRunId);

        Assert.Equal("STARTING", first.Status);
        Assert.Equal("RUNNING", halfway.Status);
        Assert.Equal("SUCCEEDED", done.Status);
        Assert.Equal(60, done.Body.GetProperty("ExecutionTime").GetInt32());
        Assert.Equal(1735689601.0, done.Body.GetProperty("CompletedOn").GetDouble());
    }

    [Fact]
    public async Task CancelMLTaskRun_RunningRun_ReturnsStoppingThenStops()
    {
        await StatusAfterAsync(SucceedingRunId, 0, advanceAfterFirst: 50);

        GlueResponse cancel = await _client.CancelMLTaskRunAsync(TestRuns.TransformId, SucceedingRunId);
        string stopping = await StatusAfterAsync(SucceedingRunId, 9);
        GlueResponse stopped = await ResponseAfterAsync(SucceedingRunId, 1);

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal("STOPPING", cancel.Status);
        Assert.Equal(TestRuns.TransformId, cancel.StringMember("TransformId"));
        Assert.Equal(SucceedingRunId, cancel.StringMember("TaskRunId"));
        Assert.Equal("STOPPING", stopping);
        Assert.Equal("STOPPED", stopped.Status);
        Assert.Equal(1735689660.0, stopped.Body.GetProperty("CompletedOn").GetDouble());
        Assert.Equal(60, stopped.Body.GetProperty("ExecutionTime").GetInt32());
    }

    [Fact]
    public async Task CancelMLTaskRun_StartingRun_StopsWithoutRunning()
    {
        GlueResponse cancel = await _client.CancelMLTaskRunAsync(TestRuns.TransformId, SucceedingRunId);
        GlueResponse stopped = await ResponseAfterAsync(SucceedingRunId, 10);

        Assert.Equal("STOPPING", cancel.Status);
        Assert.Equal("STOPPED", stopped.Status);
    }

    [Fact]
    public async Task CancelMLTaskRun_SucceededRun_ReturnsSucceededUnchanged()
    {
        await StatusAfterAsync(SucceedingRunId, 0, advanceAfterFirst: 100);

        GlueResponse cancel = await _client.CancelMLTaskRunAsync(TestRuns.TransformId, SucceedingRunId);
        GlueResponse after = await ResponseAfterAsync(SucceedingRunId, 10);

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal("SUCCEEDED", cancel.Status);
        Assert.Equal("SUCCEEDED", after.Status);
    }

    [Fact]
    public async Task CancelMLTaskRun_StoppingRun_ReturnsStopping()
    {
        await _client.CancelMLTaskRunAsync(TestRuns.TransformId, SucceedingRunId);

        GlueResponse second = await _client.CancelMLTaskRunAsync(TestRuns.TransformId, SucceedingRunId);

        Assert.Equal("STOPPING", second.Status);
    }

    [Fact]
    public async Task CancelMLTaskRun_UnknownRun_ReturnsEntityNotFound()
    {
        GlueResponse response = await _client.CancelMLTaskRunAsync(TestRuns.TransformId, "tsk-unknown");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("EntityNotFoundException", response.ErrorType);
    }

    [Fact]
    public async Task CancelMLTaskRun_MissingTransformId_ReturnsInvalidInput()
    {
        GlueResponse response = await _client.SendAsync(
            "CancelMLTaskRun",
            new System.Text.Json.Nodes.JsonObject { ["TaskRunId"] = SucceedingRunId });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidInputException", response.ErrorType);
    }

    /// <summary>
    /// Advances the fake clock by <paramref name="seconds"/>, reads the status and then
    /// advances by <paramref name="advanceAfterFirst"/>.
    /// </summary>
    private async Task<string> StatusAfterAsync(string taskRunId, double seconds, double advanceAfterFirst = 0)
    {
        GlueResponse response = await ResponseAfterAsync(taskRunId, seconds);
        _time.Advance(TimeSpan.FromSeconds(advanceAfterFirst));
        return response.Status ?? throw new InvalidOperationException($"No Status in {response.Body}.");
    }

    private async Task<GlueResponse> ResponseAfterAsync(string taskRunId, double seconds)
    {
        _time.Advance(TimeSpan.FromSeconds(seconds));
        return await _client.GetMLTaskRunAsync(TestRuns.TransformId, taskRunId);
    }
}
