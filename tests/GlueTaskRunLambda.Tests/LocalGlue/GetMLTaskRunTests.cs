using System.Net;
using System.Text.Json;
using GlueTaskRunLambda.LocalGlue;
using Microsoft.Extensions.Time.Testing;

namespace GlueTaskRunLambda.Tests.LocalGlue;

public sealed class GetMLTaskRunTests : IAsyncLifetime
{
    private const string EvaluationRunId = "tsk-00000000000000000000000000000001";
    private const string LabelingSetRunId = "tsk-00000000000000000000000000000002";
    private const string ImportLabelsRunId = "tsk-00000000000000000000000000000003";
    private const string ExportLabelsRunId = "tsk-00000000000000000000000000000004";
    private const string FindMatchesRunId = "tsk-00000000000000000000000000000005";
    private const string OtherTransformRunId = "tsk-00000000000000000000000000000006";

    private static readonly string[] PropertyObjects =
    [
        "ImportLabelsTaskRunProperties",
        "ExportLabelsTaskRunProperties",
        "LabelingSetGenerationTaskRunProperties",
        "FindMatchesTaskRunProperties",
    ];

    private readonly FakeTimeProvider _time = new(TestRuns.Start);
    private LocalGlueServer _server = null!;
    private GlueTestClient _client = null!;

    public async Task InitializeAsync()
    {
        SimulatedTaskRun[] runs =
        [
            TestRuns.Evaluation(EvaluationRunId),
            new()
            {
                TransformId = TestRuns.TransformId,
                TaskRunId = LabelingSetRunId,
                TaskType = "LABELING_SET_GENERATION",
                OutputS3Path = "s3://bucket/labeling-set/",
                Outcome = "SUCCEEDED",
                DurationSeconds = 100,
            },
            new()
            {
                TransformId = TestRuns.TransformId,
                TaskRunId = ImportLabelsRunId,
                TaskType = "IMPORT_LABELS",
                InputS3Path = "s3://bucket/labels.csv",
                Replace = true,
                Outcome = "SUCCEEDED",
                DurationSeconds = 100,
            },
            new()
            {
                TransformId = TestRuns.TransformId,
                TaskRunId = ExportLabelsRunId,
                TaskType = "EXPORT_LABELS",
                OutputS3Path = "s3://bucket/export/",
                Outcome = "SUCCEEDED",
                DurationSeconds = 100,
            },
            new()
            {
                TransformId = TestRuns.TransformId,
                TaskRunId = FindMatchesRunId,
                TaskType = "FIND_MATCHES",
                JobId = "j_1",
                JobName = "match-records",
                JobRunId = "jr_1",
                Outcome = "SUCCEEDED",
                DurationSeconds = 100,
                LogGroupName = "/custom/log-group",
            },
            TestRuns.Evaluation(OtherTransformRunId, transformId: TestRuns.OtherTransformId),
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
    public async Task GetMLTaskRun_RunningRun_ReturnsEveryMemberExceptTerminalOnes()
    {
        await _client.GetMLTaskRunAsync(TestRuns.TransformId, EvaluationRunId);
        _time.Advance(TimeSpan.FromSeconds(50));

        GlueResponse response = await _client.GetMLTaskRunAsync(TestRuns.TransformId, EvaluationRunId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TestRuns.TransformId, response.StringMember("TransformId"));
        Assert.Equal(EvaluationRunId, response.StringMember("TaskRunId"));
        Assert.Equal("RUNNING", response.Status);
        Assert.Equal("/aws-glue/ml-transforms/" + TestRuns.TransformId, response.StringMember("LogGroupName"));
        Assert.Equal("EVALUATION", response.Body.GetProperty("Properties").GetProperty("TaskType").GetString());
        Assert.Equal(1735689600.0, response.Body.GetProperty("StartedOn").GetDouble());
        Assert.Equal(1735689610.0, response.Body.GetProperty("LastModifiedOn").GetDouble());
        Assert.Equal(50, response.Body.GetProperty("ExecutionTime").GetInt32());
        Assert.False(response.HasMember("CompletedOn"));
        Assert.False(response.HasMember("ErrorString"));
    }

    [Fact]
    public async Task GetMLTaskRun_Timestamps_AreEpochSecondsWithFraction()
    {
        _time.Advance(TimeSpan.FromMilliseconds(250));

        GlueResponse response = await _client.GetMLTaskRunAsync(TestRuns.TransformId, EvaluationRunId);

        JsonElement startedOn = response.Body.GetProperty("StartedOn");
        Assert.Equal(JsonValueKind.Number, startedOn.ValueKind);
        Assert.Equal("1735689600.250", startedOn.GetRawText());
    }

    [Fact]
    public async Task GetMLTaskRun_SucceededRun_ReturnsCompletedOnAndExecutionTime()
    {
        await _client.GetMLTaskRunAsync(TestRuns.TransformId, EvaluationRunId);
        _time.Advance(TimeSpan.FromSeconds(150));

        GlueResponse response = await _client.GetMLTaskRunAsync(TestRuns.TransformId, EvaluationRunId);

        Assert.Equal("SUCCEEDED", response.Status);
        Assert.Equal(1735689700.0, response.Body.GetProperty("CompletedOn").GetDouble());
        Assert.Equal(1735689700.0, response.Body.GetProperty("LastModifiedOn").GetDouble());
        Assert.Equal(100, response.Body.GetProperty("ExecutionTime").GetInt32());
        Assert.False(response.HasMember("ErrorString"));
    }

    [Theory]
    [InlineData(EvaluationRunId, "EVALUATION", null)]
    [InlineData(LabelingSetRunId, "LABELING_SET_GENERATION", "LabelingSetGenerationTaskRunProperties")]
    [InlineData(ImportLabelsRunId, "IMPORT_LABELS", "ImportLabelsTaskRunProperties")]
    [InlineData(ExportLabelsRunId, "EXPORT_LABELS", "ExportLabelsTaskRunProperties")]
    [InlineData(FindMatchesRunId, "FIND_MATCHES", "FindMatchesTaskRunProperties")]
    public async Task GetMLTaskRun_EachTaskType_ReturnsOnlyMatchingProperties(
        string taskRunId,
        string taskType,
        string? propertyObject)
    {
        GlueResponse response = await _client.GetMLTaskRunAsync(TestRuns.TransformId, taskRunId);

        JsonElement properties = response.Body.GetProperty("Properties");
        Assert.Equal(taskType, properties.GetProperty("TaskType").GetString());
        foreach (string name in PropertyObjects)
        {
            Assert.True(
                properties.TryGetProperty(name, out _) == (name == propertyObject),
                $"{name} is present: {properties.TryGetProperty(name, out _)}, expected only {propertyObject ?? "none"}.");
        }
    }

    [Fact]
    public async Task GetMLTaskRun_ImportLabelsRun_ReturnsInputPathAndReplace()
    {
        GlueResponse response = await _client.GetMLTaskRunAsync(TestRuns.TransformId, ImportLabelsRunId);

        JsonElement import = response.Body.GetProperty("Properties").GetProperty("ImportLabelsTaskRunProperties");
        Assert.Equal("s3://bucket/labels.csv", import.GetProperty("InputS3Path").GetString());
        Assert.True(import.GetProperty("Replace").GetBoolean());
    }

    [Fact]
    public async Task GetMLTaskRun_LabelingSetRun_ReturnsOutputPath()
    {
        GlueResponse response = await _client.GetMLTaskRunAsync(TestRuns.TransformId, LabelingSetRunId);

        JsonElement labelingSet = response.Body.GetProperty("Properties")
            .GetProperty("LabelingSetGenerationTaskRunProperties");
        Assert.Equal("s3://bucket/labeling-set/", labelingSet.GetProperty("OutputS3Path").GetString());
    }

    [Fact]
    public async Task GetMLTaskRun_ExportLabelsRun_ReturnsOutputPath()
    {
        GlueResponse response = await _client.GetMLTaskRunAsync(TestRuns.TransformId, ExportLabelsRunId);

        JsonElement export = response.Body.GetProperty("Properties").GetProperty("ExportLabelsTaskRunProperties");
        Assert.Equal("s3://bucket/export/", export.GetProperty("OutputS3Path").GetString());
    }

    [Fact]
    public async Task GetMLTaskRun_FindMatchesRun_ReturnsJobIdsAndCustomLogGroup()
    {
        GlueResponse response = await _client.GetMLTaskRunAsync(TestRuns.TransformId, FindMatchesRunId);

        JsonElement findMatches = response.Body.GetProperty("Properties").GetProperty("FindMatchesTaskRunProperties");
        Assert.Equal("j_1", findMatches.GetProperty("JobId").GetString());
        Assert.Equal("match-records", findMatches.GetProperty("JobName").GetString());
        Assert.Equal("jr_1", findMatches.GetProperty("JobRunId").GetString());
        Assert.Equal("/custom/log-group", response.StringMember("LogGroupName"));
    }

    [Fact]
    public async Task GetMLTaskRun_UnknownRun_ReturnsEntityNotFound()
    {
        GlueResponse response = await _client.GetMLTaskRunAsync(TestRuns.TransformId, "tsk-ffffffffffffffffffffffffffffffff");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("EntityNotFoundException", response.ErrorType);
        Assert.Contains("tsk-ffffffffffffffffffffffffffffffff", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetMLTaskRun_RunOfOtherTransform_ReturnsEntityNotFound()
    {
        GlueResponse response = await _client.GetMLTaskRunAsync(TestRuns.TransformId, OtherTransformRunId);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("EntityNotFoundException", response.ErrorType);
    }

    [Fact]
    public async Task GetMLTaskRun_Request_IsCountedPerRun()
    {
        await _client.GetMLTaskRunAsync(TestRuns.TransformId, EvaluationRunId);
        await _client.GetMLTaskRunAsync(TestRuns.TransformId, EvaluationRunId);
        await _client.GetMLTaskRunAsync(TestRuns.TransformId, ImportLabelsRunId);

        Assert.Equal(3, _server.CountRequests("GetMLTaskRun"));
        Assert.Equal(2, _server.CountRequests("GetMLTaskRun", EvaluationRunId));
        Assert.Equal(0, _server.CountRequests("CancelMLTaskRun"));
    }
}
