using System.Net;
using System.Text.Json.Nodes;
using GlueTaskRunLambda.LocalGlue;

namespace GlueTaskRunLambda.Tests.LocalGlue;

public sealed class LocalGlueProtocolTests : IAsyncLifetime
{
    private const string TaskRunId = "tsk-00000000000000000000000000000001";

    private LocalGlueServer _server = null!;
    private GlueTestClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await TestRuns.StartServerAsync([TestRuns.Evaluation(TaskRunId)]);
        _client = GlueTestClient.Signed(_server);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Response_Success_HasRequestIdAndJsonContentType()
    {
        GlueResponse response = await _client.GetMLTaskRunAsync(TestRuns.TransformId, TaskRunId);

        Assert.True(Guid.TryParse(response.RequestId, out _), $"x-amzn-RequestId '{response.RequestId}' is not a GUID.");
        Assert.Equal("application/x-amz-json-1.1", response.ContentType);
    }

    [Fact]
    public async Task Response_Error_HasRequestIdAndErrorBody()
    {
        GlueResponse response = await _client.GetMLTaskRunAsync(TestRuns.TransformId, "tsk-missing");

        Assert.NotNull(response.RequestId);
        Assert.Equal("EntityNotFoundException", response.ErrorType);
        Assert.False(string.IsNullOrEmpty(response.Message));
    }

    [Fact]
    public async Task Request_UnknownOperation_ReturnsUnknownOperation()
    {
        GlueResponse response = await _client.SendRawAsync("AWSGlue.GetMLTransform", "{}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("UnknownOperationException", response.ErrorType);
    }

    [Fact]
    public async Task Request_TargetWithOtherPrefix_ReturnsUnknownOperation()
    {
        GlueResponse response = await _client.SendRawAsync("AWSGlueX.GetMLTaskRun", "{}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("UnknownOperationException", response.ErrorType);
    }

    [Fact]
    public async Task Request_NoTargetHeader_ReturnsUnknownOperation()
    {
        GlueResponse response = await _client.SendRawAsync(target: null, "{}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("UnknownOperationException", response.ErrorType);
    }

    [Fact]
    public async Task Request_GetMethod_ReturnsUnknownOperation()
    {
        GlueResponse response = await _client.SendRawAsync("AWSGlue.GetMLTaskRun", "", method: HttpMethod.Get);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("UnknownOperationException", response.ErrorType);
    }

    [Fact]
    public async Task Request_WrongContentType_ReturnsInvalidInput()
    {
        string body = $$"""{"TransformId":"{{TestRuns.TransformId}}","TaskRunId":"{{TaskRunId}}"}""";

        GlueResponse response = await _client.SendRawAsync("AWSGlue.GetMLTaskRun", body, "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidInputException", response.ErrorType);
    }

    [Fact]
    public async Task Request_MalformedJson_ReturnsInvalidInput()
    {
        GlueResponse response = await _client.SendRawAsync("AWSGlue.GetMLTaskRun", """{"TransformId": """);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidInputException", response.ErrorType);
    }

    [Fact]
    public async Task Request_JsonArrayBody_ReturnsInvalidInput()
    {
        GlueResponse response = await _client.SendRawAsync("AWSGlue.GetMLTaskRun", "[]");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidInputException", response.ErrorType);
    }

    [Fact]
    public async Task Request_EmptyBody_ReturnsInvalidInputForMissingMember()
    {
        GlueResponse response = await _client.SendRawAsync("AWSGlue.GetMLTaskRun", "");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidInputException", response.ErrorType);
        Assert.Contains("TransformId is missing", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetMLTaskRun_MissingTaskRunId_ReturnsInvalidInput()
    {
        GlueResponse response = await _client.SendAsync(
            "GetMLTaskRun",
            new JsonObject { ["TransformId"] = TestRuns.TransformId });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidInputException", response.ErrorType);
        Assert.Contains("TaskRunId is missing", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetMLTaskRun_TaskRunIdOfWrongJsonType_ReturnsInvalidInput()
    {
        GlueResponse response = await _client.SendAsync(
            "GetMLTaskRun",
            new JsonObject { ["TransformId"] = TestRuns.TransformId, ["TaskRunId"] = 42 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidInputException", response.ErrorType);
    }

    [Theory]
    [InlineData("")]
    [InlineData("line\nbreak")]
    [InlineData("nul\u0000character")]
    [InlineData("not\uFFFFallowed")]
    public async Task GetMLTaskRun_InvalidTaskRunId_ReturnsInvalidInput(string taskRunId)
    {
        GlueResponse response = await _client.GetMLTaskRunAsync(TestRuns.TransformId, taskRunId);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidInputException", response.ErrorType);
    }

    [Fact]
    public async Task GetMLTaskRun_TransformIdOf256Characters_ReturnsInvalidInput()
    {
        GlueResponse response = await _client.GetMLTaskRunAsync(new string('a', 256), TaskRunId);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidInputException", response.ErrorType);
    }

    [Theory]
    [InlineData(255)]
    [InlineData(1)]
    public async Task GetMLTaskRun_TransformIdAtLengthLimit_PassesValidation(int length)
    {
        GlueResponse response = await _client.GetMLTaskRunAsync(new string('a', length), TaskRunId);

        Assert.Equal("EntityNotFoundException", response.ErrorType);
    }

    [Fact]
    public async Task GetMLTaskRun_TaskRunIdWithTab_PassesValidation()
    {
        GlueResponse response = await _client.GetMLTaskRunAsync(TestRuns.TransformId, "tsk-with\ttab");

        Assert.Equal("EntityNotFoundException", response.ErrorType);
    }

    [Fact]
    public async Task GetMLTaskRun_TaskRunIdOf255EmojiCharacters_PassesValidation()
    {
        // Each emoji is two UTF-16 units, and Glue counts it as one character.
        string taskRunId = string.Concat(Enumerable.Repeat("\U0001F600", 255));

        GlueResponse response = await _client.GetMLTaskRunAsync(TestRuns.TransformId, taskRunId);

        Assert.Equal("EntityNotFoundException", response.ErrorType);
    }

    [Fact]
    public async Task Request_UnknownMember_IsIgnored()
    {
        GlueResponse response = await _client.SendAsync(
            "GetMLTaskRun",
            new JsonObject
            {
                ["TransformId"] = TestRuns.TransformId,
                ["TaskRunId"] = TaskRunId,
                ["SomeFutureMember"] = true,
            });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
