using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using GlueTaskRunLambda.Errors;
using GlueTaskRunLambda.Glue;
using GlueTaskRunLambda.Hosting;
using GlueTaskRunLambda.Serialization;
using GlueTaskRunLambda.Status;
using GlueTaskRunLambda.Tests.Support;

namespace GlueTaskRunLambda.Tests;

public sealed class TaskRunStatusHandlerTests
{
    private readonly HandlerFactory _factory = new();
    private readonly FakeGlueClient _glue = new();

    [Fact]
    public async Task Handle_FullGlueRun_FlattensEveryMember()
    {
        _glue.GetRun = (_, _, _) => Task.FromResult(new GlueTaskRun
        {
            TransformId = "tfm-1",
            TaskRunId = "tsk-1",
            Status = "FAILED",
            LogGroupName = "/aws-glue/ml-transforms/tfm-1",
            ErrorString = "boom",
            StartedOn = HandlerFactory.Start.AddMinutes(-10),
            LastModifiedOn = HandlerFactory.Start.AddMinutes(-1),
            CompletedOn = HandlerFactory.Start.AddMinutes(-1),
            ExecutionTime = 540,
            Properties = new GlueTaskRunProperties
            {
                TaskType = "IMPORT_LABELS",
                ImportLabelsTaskRunProperties = new GlueImportLabelsProperties { InputS3Path = "s3://in/labels.csv", Replace = true },
                ExportLabelsTaskRunProperties = new GlueOutputPathProperties { OutputS3Path = "s3://out/export" },
                LabelingSetGenerationTaskRunProperties = new GlueOutputPathProperties { OutputS3Path = "s3://out/sets" },
                FindMatchesTaskRunProperties = new GlueFindMatchesProperties { JobId = "j1", JobName = "job", JobRunId = "jr1" },
            },
        });

        var document = await HandleAsync("""{"TransformId":"tfm-1","TaskRunId":"tsk-1"}""");

        Assert.Equal("FAILED", document.Status);
        Assert.True(document.IsTerminal);
        Assert.Equal("IMPORT_LABELS", document.TaskType);
        Assert.Equal("/aws-glue/ml-transforms/tfm-1", document.LogGroupName);
        Assert.Equal("boom", document.ErrorString);
        Assert.Equal(HandlerFactory.Start.AddMinutes(-10), document.StartedOn);
        Assert.Equal(HandlerFactory.Start.AddMinutes(-1), document.LastModifiedOn);
        Assert.Equal(HandlerFactory.Start.AddMinutes(-1), document.CompletedOn);
        Assert.Equal(540, document.ExecutionTime);
        Assert.Equal("s3://in/labels.csv", document.ImportLabelsInputS3Path);
        Assert.True(document.ImportLabelsReplace);
        Assert.Equal("s3://out/export", document.ExportLabelsOutputS3Path);
        Assert.Equal("s3://out/sets", document.LabelingSetGenerationOutputS3Path);
        Assert.Equal("j1", document.FindMatchesJobId);
        Assert.Equal("job", document.FindMatchesJobName);
        Assert.Equal("jr1", document.FindMatchesJobRunId);
        Assert.Equal(0, document.NextPollSeconds);
        Assert.False(document.ErrorStringTruncated);
        Assert.Equal(4, document.ErrorStringLength);
    }

    [Theory]
    [InlineData("SUCCEEDED", true)]
    [InlineData("FAILED", true)]
    [InlineData("TIMEOUT", true)]
    [InlineData("STOPPED", true)]
    [InlineData("STARTING", false)]
    [InlineData("RUNNING", false)]
    [InlineData("STOPPING", false)]
    [InlineData("PAUSED_FOR_REVIEW", false)]
    [InlineData(null, false)]
    public async Task Handle_Status_SetsIsTerminal(string? status, bool terminal)
    {
        _glue.GetRun = (_, _, _) => Task.FromResult(new GlueTaskRun { Status = status });

        var document = await HandleAsync("""{"TransformId":"tfm-1","TaskRunId":"tsk-1"}""");

        Assert.Equal(status, document.Status);
        Assert.Equal(terminal, document.IsTerminal);
        Assert.Equal(terminal, document.NextPollSeconds == 0);
    }

    [Fact]
    public async Task Handle_EmptyGlueResponse_WritesEveryFieldAsNull()
    {
        _glue.GetRun = (_, _, _) => Task.FromResult(new GlueTaskRun());

        var document = await HandleAsync("""{"TransformId":"tfm-1","TaskRunId":"tsk-1"}""");
        var json = JsonDocument.Parse(JsonSerializer.Serialize(document, FunctionJsonContext.Relaxed.StatusDocument));

        string[] expectedOrder =
        [
            "TransformId", "TaskRunId", "Status", "IsTerminal", "TaskType", "LogGroupName", "ErrorString",
            "StartedOn", "LastModifiedOn", "CompletedOn", "ExecutionTime", "ImportLabelsInputS3Path",
            "ImportLabelsReplace", "ExportLabelsOutputS3Path", "LabelingSetGenerationOutputS3Path",
            "FindMatchesJobId", "FindMatchesJobName", "FindMatchesJobRunId", "CheckedOn", "PollCount",
            "NextPollSeconds", "MinPollSeconds", "MaxPollSeconds", "ErrorStringTruncated", "ErrorStringLength",
            "FirstCheckedOn", "MaxWaitSeconds", "WaitDeadline", "WaitExpired", "CancelOnWaitBound",
        ];
        Assert.Equal(expectedOrder, json.RootElement.EnumerateObject().Select(property => property.Name));
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("Status").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("StartedOn").ValueKind);
        Assert.Equal("2026-01-31T12:00:00.000Z", json.RootElement.GetProperty("CheckedOn").GetString());
    }

    [Fact]
    public async Task Handle_PreviousDocumentFedBack_ContinuesLoopState()
    {
        var first = await HandleAsync("""{"TransformId":"tfm-1","TaskRunId":"tsk-1","MaxWaitSeconds":3600,"MinPollSeconds":5}""");
        _factory.Time.Advance(TimeSpan.FromSeconds(first.NextPollSeconds));

        string firstJson = JsonSerializer.Serialize(first, FunctionJsonContext.Relaxed.StatusDocument);
        var second = await HandleAsync(firstJson);

        Assert.Equal(1, first.PollCount);
        Assert.Equal(2, second.PollCount);
        Assert.Equal(first.FirstCheckedOn, second.FirstCheckedOn);
        Assert.Equal(3600, second.MaxWaitSeconds);
        Assert.Equal(5, second.MinPollSeconds);
        Assert.Equal(HandlerFactory.Start.AddSeconds(3600), second.WaitDeadline);
        Assert.Equal(2, _glue.GetCalls.Count);
    }

    [Fact]
    public async Task Handle_WaitDeadlinePassed_SetsWaitExpired()
    {
        var first = await HandleAsync("""{"TransformId":"tfm-1","TaskRunId":"tsk-1","MaxWaitSeconds":60}""");
        _factory.Time.Advance(TimeSpan.FromSeconds(61));

        var second = await HandleAsync(JsonSerializer.Serialize(first, FunctionJsonContext.Relaxed.StatusDocument));

        Assert.False(first.WaitExpired);
        Assert.True(second.WaitExpired);
        Assert.Equal(0, second.NextPollSeconds);
    }

    [Fact]
    public async Task Handle_HugeErrorString_CutAndFlagged()
    {
        string huge = new('e', 3 * 1024 * 1024);
        _glue.GetRun = (_, _, _) => Task.FromResult(new GlueTaskRun { Status = "FAILED", ErrorString = huge, LogGroupName = huge });

        var document = await HandleAsync("""{"TransformId":"tfm-1","TaskRunId":"tsk-1"}""");
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(document, FunctionJsonContext.Relaxed.StatusDocument);

        Assert.True(document.ErrorStringTruncated);
        Assert.Equal(huge.Length, document.ErrorStringLength);
        Assert.Equal(StatusLimits.MaxErrorStringLength, document.ErrorString!.Length);
        Assert.True(json.Length < 262_144, $"document is {json.Length} bytes");
    }

    [Fact]
    public async Task Handle_MinAboveMax_RejectedBeforeGlueCall()
    {
        var error = await Assert.ThrowsAsync<InvalidTaskRunRequest>(
            () => HandleAsync("""{"TransformId":"tfm-1","TaskRunId":"tsk-1","MinPollSeconds":400}"""));

        Assert.Contains("MinPollSeconds (400) is greater than MaxPollSeconds (300)", error.Message, StringComparison.Ordinal);
        Assert.Empty(_glue.GetCalls);
    }

    [Fact]
    public async Task Handle_GlueSlowerThanDeadline_GlueUnavailableBeforeDeadline()
    {
        _glue.GetRun = async (_, _, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return new GlueTaskRun();
        };
        var context = _factory.Context(remaining: TimeSpan.FromMilliseconds(1500));

        var handling = _factory.Create(_glue).HandleAsync(
            Encoding.UTF8.GetBytes("""{"TransformId":"tfm-1","TaskRunId":"tsk-1"}"""), context, CancellationToken.None);
        _factory.Time.Advance(TimeSpan.FromMilliseconds(999));
        await Task.Delay(50);
        bool pendingBeforeBudget = !handling.IsCompleted;
        _factory.Time.Advance(TimeSpan.FromMilliseconds(1));
        var error = await Assert.ThrowsAsync<GlueUnavailable>(() => handling);

        Assert.True(pendingBeforeBudget, "the handler gave up before its budget of deadline minus 500 ms");
        Assert.Contains("before the Lambda deadline", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handle_DeadlineInPast_GlueUnavailableWithoutCall()
    {
        var context = new InvocationContext { RequestId = "req-1", Deadline = HandlerFactory.Start.AddSeconds(-5) };

        await Assert.ThrowsAsync<GlueUnavailable>(
            () => _factory.Create(_glue).HandleAsync(Encoding.UTF8.GetBytes("""{"TransformId":"t","TaskRunId":"r"}"""), context, CancellationToken.None));

        Assert.Empty(_glue.GetCalls);
    }

    [Fact]
    public async Task Handle_NoDeadline_UsesDefaultBudgetAndWarns()
    {
        var context = new InvocationContext { RequestId = "req-1" };

        var document = await _factory.Create(_glue).HandleAsync(
            Encoding.UTF8.GetBytes("""{"TransformId":"t","TaskRunId":"r"}"""), context, CancellationToken.None);

        Assert.Equal("RUNNING", document.Status);
        Assert.Contains("gave no invocation deadline", _factory.Log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handle_AbsurdDeadline_CappedAtLambdaMaximum()
    {
        var context = new InvocationContext { RequestId = "req-1", Deadline = new DateTimeOffset(3000, 1, 1, 0, 0, 0, TimeSpan.Zero) };

        var document = await _factory.Create(_glue).HandleAsync(
            Encoding.UTF8.GetBytes("""{"TransformId":"t","TaskRunId":"r"}"""), context, CancellationToken.None);

        Assert.Equal("RUNNING", document.Status);
    }

    [Fact]
    public async Task Handle_MaximumPollCount_StaysAtMaximum()
    {
        var document = await HandleAsync("""{"TransformId":"t","TaskRunId":"r","PollCount":2147483647}""");

        Assert.Equal(int.MaxValue, document.PollCount);
    }

    [Theory]
    [InlineData(4, true)]
    [InlineData(6, false)]
    public async Task Handle_FirstCheckedOnAhead_AllowsFiveMinutesOfSkew(int minutesAhead, bool accepted)
    {
        string firstCheckedOn = Serialization.Rfc3339Converter.ToRfc3339(HandlerFactory.Start.AddMinutes(minutesAhead));
        string json = $$"""{"TransformId":"t","TaskRunId":"r","FirstCheckedOn":"{{firstCheckedOn}}"}""";

        var error = await Record.ExceptionAsync(() => HandleAsync(json));

        Assert.Equal(accepted, error is null);
        if (!accepted)
        {
            Assert.Contains("more than 5 minutes in the future", Assert.IsType<InvalidTaskRunRequest>(error).Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Handle_GlueNotFound_RaisesTaskRunNotFound()
    {
        _glue.GetRun = (_, _, _) => throw new AmazonServiceException("nope", ErrorType.Sender, "EntityNotFoundException", "r1", System.Net.HttpStatusCode.BadRequest);

        var error = await Assert.ThrowsAsync<TaskRunNotFound>(() => HandleAsync("""{"TransformId":"tfm-1","TaskRunId":"tsk-1"}"""));

        Assert.Equal("TaskRunNotFound", error.ErrorType);
    }

    [Fact]
    public async Task Handle_UnexpectedDefect_ClassifiedAsGlueUnavailable()
    {
        _glue.GetRun = (_, _, _) => Task.FromResult<GlueTaskRun>(null!);

        var error = await Assert.ThrowsAsync<GlueUnavailable>(() => HandleAsync("""{"TransformId":"tfm-1","TaskRunId":"tsk-1"}"""));

        Assert.Contains("unexpectedly", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handle_CloudTrailWithoutRunId_FindsNearestRun()
    {
        var eventTime = HandlerFactory.Start.AddMinutes(-2);
        _glue.ListRuns = _ => Task.FromResult(new GetMLTaskRunsResult
        {
            TaskRuns =
            [
                new GlueTaskRun { TaskRunId = "tsk-early", StartedOn = eventTime.AddMinutes(-4) },
                new GlueTaskRun { TaskRunId = "tsk-near", StartedOn = eventTime.AddSeconds(1) },
                new GlueTaskRun { TaskRunId = "tsk-late", StartedOn = eventTime.AddMinutes(3) },
            ],
        });

        var document = await HandleAsync($$$"""
            {"detail-type":"AWS API Call via CloudTrail","source":"aws.glue",
             "detail":{"eventName":"StartExportLabelsTaskRun","eventTime":"{{{eventTime:yyyy-MM-ddTHH:mm:ssZ}}}",
                       "requestParameters":{"transformId":"tfm-1","outputS3Path":"s3://b/k"},"responseElements":null}}
            """);

        Assert.Equal("tsk-near", document.TaskRunId);
        var list = Assert.Single(_glue.ListCalls);
        Assert.Equal("EXPORT_LABELS", list.Filter!.TaskRunType);
        Assert.Equal(("tfm-1", "tsk-near"), Assert.Single(_glue.GetCalls));
        Assert.Contains("Found the task run with GetMLTaskRuns", _factory.Log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handle_CloudTrailWithoutRunIdNoMatch_RaisesTaskRunNotFound()
    {
        var error = await Assert.ThrowsAsync<TaskRunNotFound>(() => HandleAsync("""
            {"detail-type":"AWS API Call via CloudTrail","source":"aws.glue",
             "detail":{"eventName":"StartMLEvaluationTaskRun","eventTime":"2026-01-31T11:58:00Z",
                       "requestParameters":{"transformId":"tfm-1"},"responseElements":null}}
            """));

        Assert.Contains("lists no EVALUATION run", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handle_Success_LogsOneLineWithIdsAndLatency()
    {
        await HandleAsync("""{"TransformId":"tfm-1","TaskRunId":"tsk-1","Note":"raw-event-marker"}""");

        Assert.DoesNotContain("raw-event-marker", _factory.Log.ToString(), StringComparison.Ordinal);

        var line = JsonDocument.Parse(_factory.Log.ToString().Trim()).RootElement;
        Assert.Equal("INFO", line.GetProperty("level").GetString());
        Assert.Equal("req-1", line.GetProperty("requestId").GetString());
        Assert.Equal("tfm-1", line.GetProperty("transformId").GetString());
        Assert.Equal("tsk-1", line.GetProperty("taskRunId").GetString());
        Assert.Equal("RUNNING", line.GetProperty("status").GetString());
        Assert.True(line.TryGetProperty("glueLatencyMs", out _));
    }

    [Fact]
    public async Task StatusFunction_Serializes_NonAsciiAsUtf8()
    {
        _glue.GetRun = (_, _, _) => Task.FromResult(new GlueTaskRun { Status = "FAILED", ErrorString = "Fehler: Größe \"x\"\n" });
        var function = new StatusFunction(_factory.Create(_glue));

        byte[] bytes = await function.InvokeAsync(Encoding.UTF8.GetBytes("""{"TransformId":"t","TaskRunId":"r"}"""), _factory.Context(), CancellationToken.None);
        string json = Encoding.UTF8.GetString(bytes);

        Assert.Contains("Größe \\\"x\\\"\\n", json, StringComparison.Ordinal);
    }

    private Task<StatusDocument> HandleAsync(string json) =>
        _factory.Create(_glue).HandleAsync(Encoding.UTF8.GetBytes(json), _factory.Context(), CancellationToken.None);
}
