using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GlueTaskRunLambda.LocalGlue;
using Microsoft.Extensions.Time.Testing;

namespace GlueTaskRunLambda.Tests.LocalGlue;

public sealed partial class StartTaskRunTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(TestRuns.Start);
    private LocalGlueServer _server = null!;
    private GlueTestClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await LocalGlueServer.StartAsync(new LocalGlueOptions
        {
            Port = 0,
            Runs = [TestRuns.Evaluation("tsk-00000000000000000000000000000001")],
            TimeProvider = _time,
            StartedRunDurationSeconds = 30,
        });
        _client = GlueTestClient.Signed(_server);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Theory]
    [InlineData("StartMLEvaluationTaskRun")]
    [InlineData("StartMLLabelingSetGenerationTaskRun")]
    [InlineData("StartImportLabelsTaskRun")]
    [InlineData("StartExportLabelsTaskRun")]
    public async Task StartOperation_KnownTransform_ReturnsNewTaskRunId(string operation)
    {
        GlueResponse response = await _client.SendAsync(operation, StartBody());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(TaskRunIdPattern(), response.StringMember("TaskRunId"));
    }

    [Fact]
    public async Task StartMLEvaluationTaskRun_TwoStarts_ReturnDifferentIds()
    {
        GlueResponse first = await _client.SendAsync("StartMLEvaluationTaskRun", StartBody());
        GlueResponse second = await _client.SendAsync("StartMLEvaluationTaskRun", StartBody());

        Assert.NotEqual(first.StringMember("TaskRunId"), second.StringMember("TaskRunId"));
    }

    [Fact]
    public async Task StartedRun_AfterStartDuration_Succeeds()
    {
        string taskRunId = await StartAsync("StartMLEvaluationTaskRun", StartBody());

        GlueResponse starting = await _client.GetMLTaskRunAsync(TestRuns.TransformId, taskRunId);
        _time.Advance(TimeSpan.FromSeconds(29));
        GlueResponse running = await _client.GetMLTaskRunAsync(TestRuns.TransformId, taskRunId);
        _time.Advance(TimeSpan.FromSeconds(1));
        GlueResponse succeeded = await _client.GetMLTaskRunAsync(TestRuns.TransformId, taskRunId);

        Assert.Equal("STARTING", starting.Status);
        Assert.Equal("RUNNING", running.Status);
        Assert.Equal("SUCCEEDED", succeeded.Status);
        Assert.Equal(30, succeeded.Body.GetProperty("ExecutionTime").GetInt32());
    }

    [Fact]
    public async Task StartedRun_ClockStartsAtStartNotAtFirstRead()
    {
        string taskRunId = await StartAsync("StartMLEvaluationTaskRun", StartBody());
        _time.Advance(TimeSpan.FromSeconds(30));

        GlueResponse response = await _client.GetMLTaskRunAsync(TestRuns.TransformId, taskRunId);

        Assert.Equal("SUCCEEDED", response.Status);
    }

    [Fact]
    public async Task StartImportLabelsTaskRun_ReplaceAllLabels_IsReturnedAsReplace()
    {
        JsonObject body = StartBody();
        body["InputS3Path"] = "s3://bucket/labels.csv";
        body["ReplaceAllLabels"] = true;
        string taskRunId = await StartAsync("StartImportLabelsTaskRun", body);

        GlueResponse response = await _client.GetMLTaskRunAsync(TestRuns.TransformId, taskRunId);

        JsonElement properties = response.Body.GetProperty("Properties");
        JsonElement import = properties.GetProperty("ImportLabelsTaskRunProperties");
        Assert.Equal("IMPORT_LABELS", properties.GetProperty("TaskType").GetString());
        Assert.Equal("s3://bucket/labels.csv", import.GetProperty("InputS3Path").GetString());
        Assert.True(import.GetProperty("Replace").GetBoolean());
    }

    [Fact]
    public async Task StartImportLabelsTaskRun_NoReplaceAllLabels_ReturnsReplaceFalse()
    {
        JsonObject body = StartBody();
        body["InputS3Path"] = "s3://bucket/labels.csv";
        string taskRunId = await StartAsync("StartImportLabelsTaskRun", body);

        GlueResponse response = await _client.GetMLTaskRunAsync(TestRuns.TransformId, taskRunId);

        JsonElement import = response.Body.GetProperty("Properties").GetProperty("ImportLabelsTaskRunProperties");
        Assert.False(import.GetProperty("Replace").GetBoolean());
    }

    [Fact]
    public async Task StartMLLabelingSetGenerationTaskRun_OutputS3Path_IsReturnedInProperties()
    {
        JsonObject body = StartBody();
        body["OutputS3Path"] = "s3://bucket/labeling-set/";
        string taskRunId = await StartAsync("StartMLLabelingSetGenerationTaskRun", body);

        GlueResponse response = await _client.GetMLTaskRunAsync(TestRuns.TransformId, taskRunId);

        JsonElement properties = response.Body.GetProperty("Properties");
        Assert.Equal("LABELING_SET_GENERATION", properties.GetProperty("TaskType").GetString());
        Assert.Equal(
            "s3://bucket/labeling-set/",
            properties.GetProperty("LabelingSetGenerationTaskRunProperties").GetProperty("OutputS3Path").GetString());
    }

    [Fact]
    public async Task StartExportLabelsTaskRun_OutputS3Path_IsReturnedInProperties()
    {
        JsonObject body = StartBody();
        body["OutputS3Path"] = "s3://bucket/export/";
        string taskRunId = await StartAsync("StartExportLabelsTaskRun", body);

        GlueResponse response = await _client.GetMLTaskRunAsync(TestRuns.TransformId, taskRunId);

        JsonElement properties = response.Body.GetProperty("Properties");
        Assert.Equal("EXPORT_LABELS", properties.GetProperty("TaskType").GetString());
        Assert.Equal(
            "s3://bucket/export/",
            properties.GetProperty("ExportLabelsTaskRunProperties").GetProperty("OutputS3Path").GetString());
    }

    [Theory]
    [InlineData("StartExportLabelsTaskRun", "OutputS3Path")]
    [InlineData("StartMLLabelingSetGenerationTaskRun", "OutputS3Path")]
    [InlineData("StartImportLabelsTaskRun", "InputS3Path")]
    public async Task StartOperation_MissingPath_ReturnsInvalidInput(string operation, string member)
    {
        GlueResponse response = await _client.SendRawAsync(
            "AWSGlue." + operation,
            new JsonObject { ["TransformId"] = TestRuns.TransformId }.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidInputException", response.ErrorType);
        Assert.Contains(member, response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartMLEvaluationTaskRun_UnknownTransform_ReturnsEntityNotFound()
    {
        GlueResponse response = await _client.SendAsync(
            "StartMLEvaluationTaskRun",
            new JsonObject { ["TransformId"] = "tfm-unknown" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("EntityNotFoundException", response.ErrorType);
    }

    [Fact]
    public async Task StartMLEvaluationTaskRun_StartedRun_IsListedAndRecorded()
    {
        string taskRunId = await StartAsync("StartMLEvaluationTaskRun", StartBody());

        GlueResponse list = await _client.SendAsync(
            "GetMLTaskRuns",
            new JsonObject { ["TransformId"] = TestRuns.TransformId });

        Assert.Contains(
            list.Body.GetProperty("TaskRuns").EnumerateArray(),
            run => run.GetProperty("TaskRunId").GetString() == taskRunId);
        Assert.Equal(1, _server.CountRequests("StartMLEvaluationTaskRun", taskRunId));
    }

    /// <summary>Returns a body with the TransformId and both S3 paths, valid for every start operation.</summary>
    private static JsonObject StartBody() => new()
    {
        ["TransformId"] = TestRuns.TransformId,
        ["InputS3Path"] = "s3://bucket/in.csv",
        ["OutputS3Path"] = "s3://bucket/out/",
    };

    private async Task<string> StartAsync(string operation, JsonObject body)
    {
        GlueResponse response = await _client.SendAsync(operation, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.StringMember("TaskRunId")!;
    }

    [GeneratedRegex("^tsk-[0-9a-f]{32}$")]
    private static partial Regex TaskRunIdPattern();
}
