using System.Text;
using GlueTaskRunLambda.Errors;
using GlueTaskRunLambda.Input;

namespace GlueTaskRunLambda.Tests.Input;

public sealed class TaskRunRequestParserTests
{
    [Fact]
    public void Parse_PascalCaseIds_ReturnsDirectRequest()
    {
        var request = Parse("""{"TransformId":"tfm-1","TaskRunId":"tsk-1"}""");

        Assert.Equal("tfm-1", request.TransformId);
        Assert.Equal("tsk-1", request.TaskRunId);
        Assert.Equal(EventKind.Direct, request.Kind);
        Assert.Equal(0, request.PreviousPollCount);
    }

    [Fact]
    public void Parse_CamelCaseIds_Accepted()
    {
        var request = Parse("""{"transformId":"tfm-1","taskRunId":"tsk-1"}""");

        Assert.Equal("tfm-1", request.TransformId);
        Assert.Equal("tsk-1", request.TaskRunId);
    }

    [Fact]
    public void Parse_PreviousDocument_CarriesLoopStateForward()
    {
        var request = Parse("""
            {"TransformId":"tfm-1","TaskRunId":"tsk-1","Status":"RUNNING","PollCount":4,
             "FirstCheckedOn":"2026-01-31T12:00:00.000Z","MinPollSeconds":5,"MaxPollSeconds":60,
             "MaxWaitSeconds":600,"CancelOnWaitBound":true,"ErrorString":null}
            """);

        Assert.Equal(4, request.PreviousPollCount);
        Assert.Equal(new DateTimeOffset(2026, 1, 31, 12, 0, 0, TimeSpan.Zero), request.FirstCheckedOn);
        Assert.Equal(5, request.MinPollSeconds);
        Assert.Equal(60, request.MaxPollSeconds);
        Assert.Equal(600, request.MaxWaitSeconds);
        Assert.True(request.CancelOnWaitBound);
    }

    [Fact]
    public void Parse_CustomEventBridgeEvent_ReadsDetail()
    {
        var request = Parse("""
            {"version":"0","id":"e1","detail-type":"Glue ML Task Run Watch Requested",
             "source":"glue-task-run-waiter","time":"2026-01-31T12:00:00Z",
             "detail":{"TransformId":"tfm-1","TaskRunId":"tsk-1","MaxWaitSeconds":120}}
            """);

        Assert.Equal(EventKind.EventBridge, request.Kind);
        Assert.Equal("tsk-1", request.TaskRunId);
        Assert.Equal(120, request.MaxWaitSeconds);
    }

    [Theory]
    [InlineData("StartMLEvaluationTaskRun", "EVALUATION")]
    [InlineData("StartMLLabelingSetGenerationTaskRun", "LABELING_SET_GENERATION")]
    [InlineData("StartImportLabelsTaskRun", "IMPORT_LABELS")]
    [InlineData("StartExportLabelsTaskRun", "EXPORT_LABELS")]
    public void Parse_CloudTrailStart_ReadsIds(string eventName, string taskType)
    {
        var withId = Parse(CloudTrail(eventName, """{"taskRunId":"tsk-9"}"""));
        var withoutId = Parse(CloudTrail(eventName, "null"));

        Assert.Equal(EventKind.CloudTrail, withId.Kind);
        Assert.Equal("tfm-1", withId.TransformId);
        Assert.Equal("tsk-9", withId.TaskRunId);
        Assert.Null(withId.Lookup);
        Assert.Null(withoutId.TaskRunId);
        Assert.Equal(taskType, withoutId.Lookup!.TaskType);
        Assert.Equal(new DateTimeOffset(2026, 1, 31, 12, 0, 5, TimeSpan.Zero), withoutId.Lookup.StartedNear);
    }

    [Fact]
    public void Parse_CloudTrailFailedStart_Rejected()
    {
        string json = CloudTrail("StartMLEvaluationTaskRun", "null")
            .Replace("\"eventName\"", "\"errorCode\":\"AccessDenied\",\"eventName\"", StringComparison.Ordinal);

        var error = Reject(json);

        Assert.Contains("errorCode 'AccessDenied'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CloudTrailOtherOperation_Rejected()
    {
        var error = Reject(CloudTrail("GetMLTaskRun", "null"));

        Assert.Contains("detail.eventName 'GetMLTaskRun' is not a Glue ML task run start", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"TaskRunId":"tsk-1"}""", "TransformId is missing")]
    [InlineData("""{"TransformId":"tfm-1"}""", "TaskRunId is missing")]
    [InlineData("""{"TransformId":12,"TaskRunId":"tsk-1"}""", "TransformId must be a string, not a JSON number 12")]
    [InlineData("""{"TransformId":"tfm-1","TaskRunId":null}""", "TaskRunId must be a string, not a JSON null")]
    [InlineData("""{"TransformId":"","TaskRunId":"tsk-1"}""", "TransformId '' is invalid: it must be 1 to 255 characters, not 0")]
    [InlineData("""{"TransformId":"tfm-1","TaskRunId":"a\u0007b"}""", "contains U+0007 at position 1")]
    [InlineData("""{"TransformId":"tfm-1","TaskRunId":"a\uffffb"}""", "contains U+FFFF at position 1")]
    [InlineData("""{"TransformId":"tfm-1","TaskRunId":"a\ufffeb"}""", "contains U+FFFE at position 1")]
    [InlineData("""{"TransformId":"tfm-1","TaskRunId":"tsk-1","FirstCheckedOn":"2026-01-31T12:00Z"}""", "FirstCheckedOn \"2026-01-31T12:00Z\" is invalid")]
    [InlineData("""{"TransformId":"tfm-1","TaskRunId":"tsk-1","FirstCheckedOn":"2026-01-31T12:00:00"}""", "FirstCheckedOn \"2026-01-31T12:00:00\" is invalid")]
    [InlineData("""{"TransformId":"tfm-1","TaskRunId":"a\ud800b"}""", "unpaired surrogate")]
    [InlineData("""{"TransformId":"tfm-1","TaskRunId":"tsk-1","MinPollSeconds":0}""", "MinPollSeconds 0 is invalid")]
    [InlineData("""{"TransformId":"tfm-1","TaskRunId":"tsk-1","MaxPollSeconds":"60"}""", "MaxPollSeconds \"60\" is invalid")]
    [InlineData("""{"TransformId":"tfm-1","TaskRunId":"tsk-1","CancelOnWaitBound":"yes"}""", "CancelOnWaitBound \"yes\" is invalid")]
    [InlineData("""{"TransformId":"tfm-1","TaskRunId":"tsk-1","FirstCheckedOn":"yesterday"}""", "FirstCheckedOn \"yesterday\" is invalid")]
    [InlineData("""{"TransformId":"tfm-1","transformId":"tfm-2","TaskRunId":"tsk-1"}""", "both present with different values")]
    [InlineData("""{"TransformId":"tfm-1","TaskRunId":"tsk-1","TaskRunId":"tsk-2"}""", "not valid JSON")]
    [InlineData("""{"TransformId":"tfm-1",""", "not valid JSON")]
    [InlineData("", "not valid JSON")]
    [InlineData("null", "is a JSON null, not an object")]
    [InlineData("[1,2]", "is a JSON array, not an object")]
    [InlineData("\"tsk-1\"", "is a JSON string, not an object")]
    [InlineData("""{"detail-type":"x","detail":"text"}""", "detail is a JSON string, not an object")]
    [InlineData("""{"detail-type":"x","detail":{"TransformId":"tfm-1"}}""", "detail.TaskRunId is missing")]
    public void Parse_InvalidEvent_RejectedWithReason(string json, string expected)
    {
        var error = Reject(json);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 0xC3 })]
    public void Parse_IdNotUtf8_RejectedAsInvalid(byte[] badBytes)
    {
        foreach (string field in new[] { "TransformId", "TaskRunId", "FirstCheckedOn", "MinPollSeconds" })
        {
            byte[] json =
            [
                .. Encoding.UTF8.GetBytes("""{"TransformId":"tfm-1","TaskRunId":"tsk-1",""" + $"\"{field}\":\"x"),
                .. badBytes,
                .. Encoding.UTF8.GetBytes("\"}"),
            ];

            var error = Assert.Throws<InvalidTaskRunRequest>(() => TaskRunRequestParser.Parse(json));

            Assert.Contains(field, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Parse_DelAndC1Controls_AcceptedAsGlueDoes()
    {
        var request = Parse("""{"TransformId":"tfm-\u007f","TaskRunId":"tsk-\u0085"}""");

        Assert.Equal("tfm-\u007f", request.TransformId);
        Assert.Equal("tsk-\u0085", request.TaskRunId);
    }

    [Theory]
    [InlineData("2026-01-31T12:00:00Z")]
    [InlineData("2026-01-31t12:00:00.123z")]
    [InlineData("2026-01-31T13:00:00+01:00")]
    public void Parse_Rfc3339FirstCheckedOn_Accepted(string timestamp)
    {
        var request = Parse($$"""{"TransformId":"tfm-1","TaskRunId":"tsk-1","FirstCheckedOn":"{{timestamp}}"}""");

        Assert.Equal(12, request.FirstCheckedOn!.Value.UtcDateTime.Hour);
    }

    [Fact]
    public void Parse_MaximumPollCount_Accepted()
    {
        var request = Parse("""{"TransformId":"tfm-1","TaskRunId":"tsk-1","PollCount":2147483647}""");

        Assert.Equal(int.MaxValue, request.PreviousPollCount);
    }

    [Fact]
    public void Parse_IdOf256Characters_Rejected()
    {
        string id = new('a', 256);

        var error = Reject($$"""{"TransformId":"tfm-1","TaskRunId":"{{id}}"}""");

        Assert.Contains("must be 1 to 255 characters, not 256", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_IdOf255CharactersWithTab_Accepted()
    {
        string id = "\\t" + new string('a', 254);

        var request = Parse($$"""{"TransformId":"tfm-1","TaskRunId":"{{id}}"}""");

        Assert.Equal(255, request.TaskRunId!.Length);
    }

    [Fact]
    public void Parse_DeeplyNestedJson_Rejected()
    {
        string json = """{"TransformId":"tfm-1","TaskRunId":"tsk-1","x":""" + new string('[', 200) + new string(']', 200) + "}";

        var error = Reject(json);

        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SixMegabyteEvent_ReadsIds()
    {
        string padding = new('x', 6 * 1024 * 1024);

        var request = Parse($$"""{"TransformId":"tfm-1","TaskRunId":"tsk-1","Padding":"{{padding}}"}""");

        Assert.Equal("tsk-1", request.TaskRunId);
    }

    [Fact]
    public void Parse_InvalidIdMessage_EscapesControlCharacters()
    {
        var error = Reject("""{"TransformId":"tfm-1","TaskRunId":"a\nINFO forged"}""");

        Assert.DoesNotContain('\n', error.Message);
    }

    private static TaskRunRequest Parse(string json) => TaskRunRequestParser.Parse(Encoding.UTF8.GetBytes(json));

    private static InvalidTaskRunRequest Reject(string json) =>
        Assert.Throws<InvalidTaskRunRequest>(() => Parse(json));

    private static string CloudTrail(string eventName, string responseElements) => $$$"""
        {"version":"0","id":"e2","detail-type":"AWS API Call via CloudTrail","source":"aws.glue",
         "time":"2026-01-31T12:00:06Z","resources":[],
         "detail":{"eventVersion":"1.08","eventTime":"2026-01-31T12:00:05Z","eventSource":"glue.amazonaws.com",
                   "eventName":"{{{eventName}}}","awsRegion":"us-east-1",
                   "requestParameters":{"transformId":"tfm-1"},"responseElements":{{{responseElements}}}}}
        """;
}
