using System.Net;
using System.Text.Json.Nodes;
using GlueTaskRunLambda.LocalGlue;

namespace GlueTaskRunLambda.Tests.LocalGlue;

public sealed class FaultInjectionTests : IAsyncLifetime
{
    private const string ThrottledRunId = "tsk-00000000000000000000000000000001";
    private const string FailingRunId = "tsk-00000000000000000000000000000002";
    private const string BothFaultsRunId = "tsk-00000000000000000000000000000003";

    private LocalGlueServer _server = null!;
    private GlueTestClient _client = null!;

    public async Task InitializeAsync()
    {
        SimulatedTaskRun[] runs =
        [
            TestRuns.Evaluation(ThrottledRunId) with { ThrottleFirst = 2 },
            TestRuns.Evaluation(FailingRunId) with { FailFirst = 1 },
            TestRuns.Evaluation(BothFaultsRunId) with { ThrottleFirst = 1, FailFirst = 1 },
        ];
        _server = await TestRuns.StartServerAsync(runs);
        _client = GlueTestClient.Signed(_server);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task GetMLTaskRun_ThrottleFirstTwo_ThrottlesTwiceThenSucceeds()
    {
        GlueResponse first = await _client.GetMLTaskRunAsync(TestRuns.TransformId, ThrottledRunId);
        GlueResponse second = await _client.GetMLTaskRunAsync(TestRuns.TransformId, ThrottledRunId);
        GlueResponse third = await _client.GetMLTaskRunAsync(TestRuns.TransformId, ThrottledRunId);

        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        Assert.Equal("ThrottlingException", first.ErrorType);
        Assert.Equal("Rate exceeded", first.Message);
        Assert.Equal("ThrottlingException", second.ErrorType);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Equal(3, _server.CountRequests("GetMLTaskRun", ThrottledRunId));
    }

    [Fact]
    public async Task GetMLTaskRun_FailFirstOne_Returns500ThenSucceeds()
    {
        GlueResponse first = await _client.GetMLTaskRunAsync(TestRuns.TransformId, FailingRunId);
        GlueResponse second = await _client.GetMLTaskRunAsync(TestRuns.TransformId, FailingRunId);

        Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
        Assert.Equal("InternalServiceException", first.ErrorType);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Fact]
    public async Task GetMLTaskRun_BothFaults_ThrottlesBeforeFailing()
    {
        GlueResponse first = await _client.GetMLTaskRunAsync(TestRuns.TransformId, BothFaultsRunId);
        GlueResponse second = await _client.GetMLTaskRunAsync(TestRuns.TransformId, BothFaultsRunId);
        GlueResponse third = await _client.GetMLTaskRunAsync(TestRuns.TransformId, BothFaultsRunId);

        Assert.Equal("ThrottlingException", first.ErrorType);
        Assert.Equal("InternalServiceException", second.ErrorType);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
    }

    [Fact]
    public async Task CancelMLTaskRun_ThrottledRun_CountsTowardTheSameFaults()
    {
        GlueResponse cancel = await _client.CancelMLTaskRunAsync(TestRuns.TransformId, ThrottledRunId);
        GlueResponse get = await _client.GetMLTaskRunAsync(TestRuns.TransformId, ThrottledRunId);
        GlueResponse getAgain = await _client.GetMLTaskRunAsync(TestRuns.TransformId, ThrottledRunId);

        Assert.Equal("ThrottlingException", cancel.ErrorType);
        Assert.Equal("ThrottlingException", get.ErrorType);
        Assert.Equal(HttpStatusCode.OK, getAgain.StatusCode);
    }

    [Fact]
    public async Task GetMLTaskRuns_RunsWithFaults_AreListedWithoutFault()
    {
        GlueResponse response = await _client.SendAsync(
            "GetMLTaskRuns",
            new JsonObject { ["TransformId"] = TestRuns.TransformId });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, response.Body.GetProperty("TaskRuns").GetArrayLength());
    }
}
