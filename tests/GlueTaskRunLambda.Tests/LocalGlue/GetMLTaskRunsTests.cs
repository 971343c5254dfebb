using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using GlueTaskRunLambda.LocalGlue;
using Microsoft.Extensions.Time.Testing;

namespace GlueTaskRunLambda.Tests.LocalGlue;

/// <summary>
/// Five runs of one transform whose clocks start 10 s apart, read 200 s after the first:
/// runs 1 to 3 have finished (run 3 FAILED) and runs 4 and 5 are RUNNING.
/// </summary>
public sealed class GetMLTaskRunsTests : IAsyncLifetime
{
    private const string Run1 = "tsk-00000000000000000000000000000001";
    private const string Run2 = "tsk-00000000000000000000000000000002";
    private const string Run3 = "tsk-00000000000000000000000000000003";
    private const string Run4 = "tsk-00000000000000000000000000000004";
    private const string Run5 = "tsk-00000000000000000000000000000005";
    private const string OtherTransformRun = "tsk-00000000000000000000000000000006";

    private readonly FakeTimeProvider _time = new(TestRuns.Start);
    private LocalGlueServer _server = null!;
    private GlueTestClient _client = null!;

    public async Task InitializeAsync()
    {
        SimulatedTaskRun[] runs =
        [
            TestRuns.Evaluation(Run1),
            new()
            {
                TransformId = TestRuns.TransformId,
                TaskRunId = Run2,
                TaskType = "EXPORT_LABELS",
                OutputS3Path = "s3://bucket/export/",
                Outcome = "SUCCEEDED",
                DurationSeconds = 100,
            },
            TestRuns.Evaluation(Run3, "FAILED", errorString: "Evaluation failed."),
            new()
            {
                TransformId = TestRuns.TransformId,
                TaskRunId = Run4,
                TaskType = "IMPORT_LABELS",
                InputS3Path = "s3://bucket/labels.csv",
                Outcome = "SUCCEEDED",
                DurationSeconds = 1000,
            },
            TestRuns.Evaluation(Run5, durationSeconds: 1000),
            TestRuns.Evaluation(OtherTransformRun, transformId: TestRuns.OtherTransformId),
        ];
        _server = await TestRuns.StartServerAsync(runs, _time);
        _client = GlueTestClient.Signed(_server);

        foreach (string taskRunId in new[] { Run1, Run2, Run3, Run4, Run5 })
        {
            await _client.GetMLTaskRunAsync(TestRuns.TransformId, taskRunId);
            _time.Advance(TimeSpan.FromSeconds(10));
        }

        _time.Advance(TimeSpan.FromSeconds(150));
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task GetMLTaskRuns_NoSort_ReturnsNewestFirst()
    {
        string[] ids = await ListIdsAsync(new JsonObject());

        Assert.Equal([Run5, Run4, Run3, Run2, Run1], ids);
    }

    [Fact]
    public async Task GetMLTaskRuns_SortStartedAscending_ReturnsOldestFirst()
    {
        string[] ids = await ListIdsAsync(new JsonObject { ["Sort"] = Sort("STARTED", "ASCENDING") });

        Assert.Equal([Run1, Run2, Run3, Run4, Run5], ids);
    }

    [Fact]
    public async Task GetMLTaskRuns_SortTaskRunTypeAscending_GroupsByType()
    {
        string[] ids = await ListIdsAsync(new JsonObject { ["Sort"] = Sort("TASK_RUN_TYPE", "ASCENDING") });

        Assert.Equal([Run1, Run3, Run5, Run2, Run4], ids);
    }

    [Fact]
    public async Task GetMLTaskRuns_SortStatusDescending_OrdersByStatusName()
    {
        string[] ids = await ListIdsAsync(new JsonObject { ["Sort"] = Sort("STATUS", "DESCENDING") });

        Assert.Equal([Run1, Run2, Run4, Run5, Run3], ids);
    }

    [Fact]
    public async Task GetMLTaskRuns_StatusFilter_ReturnsOnlyMatchingRuns()
    {
        string[] ids = await ListIdsAsync(new JsonObject { ["Filter"] = new JsonObject { ["Status"] = "RUNNING" } });

        Assert.Equal([Run5, Run4], ids);
    }

    [Fact]
    public async Task GetMLTaskRuns_TaskRunTypeFilter_ReturnsOnlyMatchingRuns()
    {
        string[] ids = await ListIdsAsync(
            new JsonObject { ["Filter"] = new JsonObject { ["TaskRunType"] = "EVALUATION" } });

        Assert.Equal([Run5, Run3, Run1], ids);
    }

    [Fact]
    public async Task GetMLTaskRuns_StartedAfterFilter_ReturnsLaterRuns()
    {
        double bound = TestRuns.Start.ToUnixTimeSeconds() + 15.5;

        string[] ids = await ListIdsAsync(new JsonObject { ["Filter"] = new JsonObject { ["StartedAfter"] = bound } });

        Assert.Equal([Run5, Run4, Run3], ids);
    }

    [Fact]
    public async Task GetMLTaskRuns_StartedBeforeFilter_ReturnsEarlierRuns()
    {
        double bound = TestRuns.Start.ToUnixTimeSeconds() + 15.5;

        string[] ids = await ListIdsAsync(new JsonObject { ["Filter"] = new JsonObject { ["StartedBefore"] = bound } });

        Assert.Equal([Run2, Run1], ids);
    }

    [Fact]
    public async Task GetMLTaskRuns_CombinedFilters_ReturnIntersection()
    {
        var filter = new JsonObject
        {
            ["TaskRunType"] = "EVALUATION",
            ["Status"] = "SUCCEEDED",
        };

        string[] ids = await ListIdsAsync(new JsonObject { ["Filter"] = filter });

        Assert.Equal([Run1], ids);
    }

    [Fact]
    public async Task GetMLTaskRuns_MaxResultsTwo_PagesThroughAllRuns()
    {
        var pages = new List<string[]>();
        string? nextToken = null;
        do
        {
            var body = new JsonObject { ["TransformId"] = TestRuns.TransformId, ["MaxResults"] = 2 };
            if (nextToken is not null)
            {
                body["NextToken"] = nextToken;
            }

            GlueResponse response = await _client.SendAsync("GetMLTaskRuns", body);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            pages.Add(TaskRunIds(response));
            nextToken = response.StringMember("NextToken");
        }
        while (nextToken is not null && pages.Count < 10);

        Assert.Equal(3, pages.Count);
        Assert.Equal([Run5, Run4], pages[0]);
        Assert.Equal([Run3, Run2], pages[1]);
        Assert.Equal([Run1], pages[2]);
    }

    [Fact]
    public async Task GetMLTaskRuns_LastPage_HasNoNextToken()
    {
        GlueResponse response = await _client.SendAsync(
            "GetMLTaskRuns",
            new JsonObject { ["TransformId"] = TestRuns.TransformId, ["MaxResults"] = 5 });

        Assert.False(response.HasMember("NextToken"));
    }

    [Fact]
    public async Task GetMLTaskRuns_Entries_CarryEveryTaskRunMember()
    {
        GlueResponse response = await _client.SendAsync(
            "GetMLTaskRuns",
            new JsonObject
            {
                ["TransformId"] = TestRuns.TransformId,
                ["Filter"] = new JsonObject { ["Status"] = "FAILED" },
            });

        JsonElement run = Assert.Single(response.Body.GetProperty("TaskRuns").EnumerateArray());
        Assert.Equal(TestRuns.TransformId, run.GetProperty("TransformId").GetString());
        Assert.Equal(Run3, run.GetProperty("TaskRunId").GetString());
        Assert.Equal("FAILED", run.GetProperty("Status").GetString());
        Assert.Equal("/aws-glue/ml-transforms/" + TestRuns.TransformId, run.GetProperty("LogGroupName").GetString());
        Assert.Equal("EVALUATION", run.GetProperty("Properties").GetProperty("TaskType").GetString());
        Assert.Equal("Evaluation failed.", run.GetProperty("ErrorString").GetString());
        Assert.Equal(1735689620.0, run.GetProperty("StartedOn").GetDouble());
        Assert.Equal(1735689720.0, run.GetProperty("LastModifiedOn").GetDouble());
        Assert.Equal(1735689720.0, run.GetProperty("CompletedOn").GetDouble());
        Assert.Equal(100, run.GetProperty("ExecutionTime").GetInt32());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public async Task GetMLTaskRuns_MaxResultsOutOfRange_ReturnsInvalidInput(int maxResults)
    {
        GlueResponse response = await _client.SendAsync(
            "GetMLTaskRuns",
            new JsonObject { ["TransformId"] = TestRuns.TransformId, ["MaxResults"] = maxResults });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidInputException", response.ErrorType);
    }

    [Fact]
    public async Task GetMLTaskRuns_MaxResults1000_IsAccepted()
    {
        GlueResponse response = await _client.SendAsync(
            "GetMLTaskRuns",
            new JsonObject { ["TransformId"] = TestRuns.TransformId, ["MaxResults"] = 1000 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task GetMLTaskRuns_GarbageNextToken_ReturnsInvalidInput()
    {
        GlueResponse response = await _client.SendAsync(
            "GetMLTaskRuns",
            new JsonObject { ["TransformId"] = TestRuns.TransformId, ["NextToken"] = "not a token" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidInputException", response.ErrorType);
    }

    [Fact]
    public async Task GetMLTaskRuns_NextTokenOfOtherTransform_ReturnsInvalidInput()
    {
        GlueResponse firstPage = await _client.SendAsync(
            "GetMLTaskRuns",
            new JsonObject { ["TransformId"] = TestRuns.TransformId, ["MaxResults"] = 1 });

        GlueResponse response = await _client.SendAsync(
            "GetMLTaskRuns",
            new JsonObject
            {
                ["TransformId"] = TestRuns.OtherTransformId,
                ["NextToken"] = firstPage.StringMember("NextToken"),
            });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidInputException", response.ErrorType);
    }

    [Fact]
    public async Task GetMLTaskRuns_OtherTransform_ListsOnlyItsRuns()
    {
        GlueResponse response = await _client.SendAsync(
            "GetMLTaskRuns",
            new JsonObject { ["TransformId"] = TestRuns.OtherTransformId });

        Assert.Equal([OtherTransformRun], TaskRunIds(response));
    }

    [Fact]
    public async Task GetMLTaskRuns_UnknownTransform_ReturnsEntityNotFound()
    {
        GlueResponse response = await _client.SendAsync(
            "GetMLTaskRuns",
            new JsonObject { ["TransformId"] = "tfm-unknown" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("EntityNotFoundException", response.ErrorType);
    }

    [Fact]
    public async Task GetMLTaskRuns_MissingTransformId_ReturnsInvalidInput()
    {
        GlueResponse response = await _client.SendAsync("GetMLTaskRuns", new JsonObject());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidInputException", response.ErrorType);
    }

    [Fact]
    public async Task GetMLTaskRuns_SortWithoutDirection_ReturnsInvalidInput()
    {
        GlueResponse response = await _client.SendAsync(
            "GetMLTaskRuns",
            new JsonObject
            {
                ["TransformId"] = TestRuns.TransformId,
                ["Sort"] = new JsonObject { ["Column"] = "STARTED" },
            });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidInputException", response.ErrorType);
    }

    [Theory]
    [InlineData("Sort", "Column", "STARTED_ON")]
    [InlineData("Sort", "SortDirection", "UP")]
    [InlineData("Filter", "Status", "DONE")]
    [InlineData("Filter", "TaskRunType", "evaluation")]
    public async Task GetMLTaskRuns_InvalidEnumValue_ReturnsInvalidInput(string member, string field, string value)
    {
        JsonObject memberObject = member == "Sort" ? Sort("STARTED", "ASCENDING") : new JsonObject();
        memberObject[field] = value;

        GlueResponse response = await _client.SendAsync(
            "GetMLTaskRuns",
            new JsonObject { ["TransformId"] = TestRuns.TransformId, [member] = memberObject });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidInputException", response.ErrorType);
        Assert.Contains(value, response.Message, StringComparison.Ordinal);
    }

    private static JsonObject Sort(string column, string direction) =>
        new() { ["Column"] = column, ["SortDirection"] = direction };

    private async Task<string[]> ListIdsAsync(JsonObject body)
    {
        body["TransformId"] = TestRuns.TransformId;
        GlueResponse response = await _client.SendAsync("GetMLTaskRuns", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return TaskRunIds(response);
    }

    private static string[] TaskRunIds(GlueResponse response) =>
        response.Body.GetProperty("TaskRuns")
            .EnumerateArray()
            .Select(run => run.GetProperty("TaskRunId").GetString()!)
            .ToArray();
}
