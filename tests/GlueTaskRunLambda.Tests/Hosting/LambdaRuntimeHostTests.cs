using System.Text.Json;
using GlueTaskRunLambda.Glue;
using GlueTaskRunLambda.Hosting;
using GlueTaskRunLambda.Logging;
using GlueTaskRunLambda.Tests.Support;

namespace GlueTaskRunLambda.Tests.Hosting;

/// <summary>The Runtime API loop against a scripted local Runtime API over real HTTP.</summary>
[Collection(DeadlineSensitiveTests.Name)]
public sealed class LambdaRuntimeHostTests : IAsyncLifetime
{
    private const string Event = """{"TransformId":"tfm-1","TaskRunId":"tsk-1"}""";

    private readonly FakeGlueClient _glue = new();
    private readonly StringWriter _log = new();
    private readonly Dictionary<string, string?> _variables = [];
    private ScriptedHttpServer _runtimeApi = null!;

    public async Task InitializeAsync()
    {
        _runtimeApi = await ScriptedHttpServer.StartAsync();

        // Once the script runs out, next returns 500 and the host exits.
        _runtimeApi.Fallback = context => ScriptedHttpServer.Respond(context, 500, """{"errorType":"Fatal"}""");
    }

    public async Task DisposeAsync() => await _runtimeApi.DisposeAsync();

    [Fact]
    public async Task Run_Success_PostsStatusDocument()
    {
        EnqueueNext("req-1", Event, deadline: DateTimeOffset.UtcNow.AddSeconds(30), traceId: "Root=1-abc");
        EnqueueAccepted();

        int exitCode = await RunHostAsync();

        Assert.Equal(1, exitCode);
        var post = _runtimeApi.Requests[1];
        Assert.Equal("/2018-06-01/runtime/invocation/req-1/response", post.Path);
        var document = JsonDocument.Parse(post.Body).RootElement;
        Assert.Equal("tsk-1", document.GetProperty("TaskRunId").GetString());
        Assert.Equal("RUNNING", document.GetProperty("Status").GetString());
        Assert.Equal("Root=1-abc", _variables[LambdaRuntimeHost.TraceIdVariable]);
    }

    [Fact]
    public async Task Run_FunctionError_PostsErrorWithTypeHeader()
    {
        EnqueueNext("req-2", """{"TransformId":"tfm-1"}""", deadline: DateTimeOffset.UtcNow.AddSeconds(30));
        EnqueueAccepted();

        await RunHostAsync();

        var post = _runtimeApi.Requests[1];
        Assert.Equal("/2018-06-01/runtime/invocation/req-2/error", post.Path);
        Assert.Equal("InvalidTaskRunRequest", post.Headers["Lambda-Runtime-Function-Error-Type"]);
        Assert.Equal("application/vnd.aws.lambda.error+json", post.Headers["Content-Type"]);
        var body = JsonDocument.Parse(post.Body).RootElement;
        Assert.Equal("InvalidTaskRunRequest", body.GetProperty("errorType").GetString());
        Assert.Contains("TaskRunId is missing", body.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Array, body.GetProperty("stackTrace").ValueKind);
    }

    [Fact]
    public async Task Run_GlueHangsPastDeadline_PostsGlueUnavailableBeforeDeadline()
    {
        _glue.GetRun = async (_, _, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return new GlueTaskRun();
        };
        var deadline = DateTimeOffset.UtcNow.AddSeconds(2);
        EnqueueNext("req-3", Event, deadline);
        DateTimeOffset? postedAt = null;
        _runtimeApi.Enqueue(context =>
        {
            postedAt = DateTimeOffset.UtcNow;
            return ScriptedHttpServer.Respond(context, 202, "{}");
        });

        await RunHostAsync();

        Assert.Equal("GlueUnavailable", _runtimeApi.Requests[1].Headers["Lambda-Runtime-Function-Error-Type"]);
        Assert.NotNull(postedAt);
        Assert.True(postedAt < deadline, $"error posted at {postedAt:O}, deadline {deadline:O}");
    }

    [Fact]
    public async Task Run_ResponseRejected413_LogsAndTakesNextEvent()
    {
        EnqueueNext("req-4", Event, DateTimeOffset.UtcNow.AddSeconds(30));
        _runtimeApi.EnqueueJson(413, """{"errorMessage":"too large"}""");
        EnqueueNext("req-5", Event, DateTimeOffset.UtcNow.AddSeconds(30));
        EnqueueAccepted();

        int exitCode = await RunHostAsync();

        Assert.Equal(1, exitCode);
        Assert.Equal("/2018-06-01/runtime/invocation/req-5/response", _runtimeApi.Requests[3].Path);
        Assert.Contains("The Runtime API rejected the response", _log.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"statusCode\":413", _log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ResponsePostConnectionDropped_LogsAndTakesNextEvent()
    {
        EnqueueNext("req-6", Event, DateTimeOffset.UtcNow.AddSeconds(30));
        _runtimeApi.Enqueue(context =>
        {
            context.Abort();
            return Task.CompletedTask;
        });
        EnqueueNext("req-7", Event, DateTimeOffset.UtcNow.AddSeconds(30));
        EnqueueAccepted();

        await RunHostAsync();

        Assert.Equal("/2018-06-01/runtime/invocation/req-7/response", _runtimeApi.Requests[3].Path);
        Assert.Contains("Posting the result to the Runtime API failed", _log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NextAnswers500_ExitsWithoutPosting()
    {
        int exitCode = await RunHostAsync();

        Assert.Equal(1, exitCode);
        Assert.Single(_runtimeApi.Requests);
        Assert.Contains("\"level\":\"FATAL\"", _log.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task Run_EventWithoutRequestId_ExitsWithoutPosting(string? requestId)
    {
        _runtimeApi.Enqueue(context =>
        {
            if (requestId is not null)
            {
                context.Response.Headers["Lambda-Runtime-Aws-Request-Id"] = requestId;
            }

            return ScriptedHttpServer.Respond(context, 200, Event);
        });

        int exitCode = await RunHostAsync();

        Assert.Equal(1, exitCode);
        Assert.Single(_runtimeApi.Requests);
        Assert.Contains("without Lambda-Runtime-Aws-Request-Id", _log.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("soon")]
    [InlineData("99999999999999999999")]
    public void ParseDeadline_MissingOrAbsurd_ReturnsNull(string? header)
    {
        Assert.Null(RuntimeApiClient.ParseDeadline(header));
    }

    [Fact]
    public async Task PostInitError_SendsErrorTypeHeader()
    {
        EnqueueAccepted();
        using var client = new RuntimeApiClient(_runtimeApi.BaseAddress.Authority);

        var outcome = await client.PostInitErrorAsync(new ErrorBody("InvalidFunctionConfiguration", "bad", []), CancellationToken.None);

        Assert.True(outcome.Accepted);
        var post = Assert.Single(_runtimeApi.Requests);
        Assert.Equal("/2018-06-01/runtime/init/error", post.Path);
        Assert.Equal("InvalidFunctionConfiguration", post.Headers["Lambda-Runtime-Function-Error-Type"]);
    }

    private async Task<int> RunHostAsync()
    {
        var logger = new FunctionLogger(_log, TimeProvider.System, json: true, LogLevel.Info);
        var handler = new TaskRunStatusHandler(_glue, new FunctionSettings(), TimeProvider.System, new GlueTaskRunLambda.Status.PollPolicy(new Random(1)), logger);
        using var client = new RuntimeApiClient(_runtimeApi.BaseAddress.Authority);
        var host = new LambdaRuntimeHost(client, new StatusFunction(handler), logger, (name, value) => _variables[name] = value);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await host.RunAsync(timeout.Token);
    }

    private void EnqueueNext(string requestId, string body, DateTimeOffset deadline, string? traceId = null)
    {
        _runtimeApi.Enqueue(context =>
        {
            context.Response.Headers["Lambda-Runtime-Aws-Request-Id"] = requestId;
            context.Response.Headers["Lambda-Runtime-Deadline-Ms"] = deadline.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.Headers["Lambda-Runtime-Invoked-Function-Arn"] = "arn:aws:lambda:us-east-1:123456789012:function:f";
            if (traceId is not null)
            {
                context.Response.Headers["Lambda-Runtime-Trace-Id"] = traceId;
            }

            return ScriptedHttpServer.Respond(context, 200, body);
        });
    }

    private void EnqueueAccepted() => _runtimeApi.EnqueueJson(202, """{"status":"OK"}""");
}
