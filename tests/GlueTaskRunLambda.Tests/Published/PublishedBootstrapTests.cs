using System.Text.Json;
using GlueTaskRunLambda.LocalGlue;
using GlueTaskRunLambda.Tests.Support;

namespace GlueTaskRunLambda.Tests.Published;

/// <summary>
/// The Native AOT bootstrap itself, as a process, against the local Glue endpoint: the
/// local invoke, the Runtime API loop and the init error.
/// </summary>
public sealed class PublishedBootstrapTests : IAsyncLifetime
{
    private const string Transform = "tfm-00000000000000000000000000000001";

    private readonly LocalGlueOptions _options = new()
    {
        Port = 0,
        TimeScale = 600,
        SessionToken = PublishedBootstrap.SessionToken,
    };

    private LocalGlueServer _glue = null!;

    public async Task InitializeAsync() => _glue = await LocalGlueServer.StartAsync(_options);

    public async Task DisposeAsync() => await _glue.DisposeAsync();

    [Fact]
    public async Task LocalInvoke_EventFile_PrintsStatusDocument()
    {
        string eventFile = System.IO.Path.GetTempFileName();
        await File.WriteAllTextAsync(eventFile, Event("tsk-00000000000000000000000000000003"));

        var result = await PublishedBootstrap.RunAsync(Environment(), null, eventFile);

        Assert.True(result.ExitCode == 0, result.StandardError);
        var document = JsonDocument.Parse(result.StandardOutput).RootElement;
        Assert.Equal("tsk-00000000000000000000000000000003", document.GetProperty("TaskRunId").GetString());
        Assert.Equal("IMPORT_LABELS", document.GetProperty("TaskType").GetString());
        Assert.Equal("s3://local-glue-example/labels/customers-labels.csv", document.GetProperty("ImportLabelsInputS3Path").GetString());
        Assert.Equal(1, document.GetProperty("PollCount").GetInt32());
        Assert.Equal(1, _glue.CountRequests("GetMLTaskRun", "tsk-00000000000000000000000000000003"));
    }

    [Fact]
    public async Task LocalInvoke_PreviousDocumentOnStdin_ReachesTerminalStatus()
    {
        var first = await PublishedBootstrap.RunAsync(Environment(), Event("tsk-00000000000000000000000000000006"));
        await Task.Delay(TimeSpan.FromMilliseconds(200));
        var second = await PublishedBootstrap.RunAsync(Environment(), first.StandardOutput);

        Assert.True(second.ExitCode == 0, second.StandardError);
        var document = JsonDocument.Parse(second.StandardOutput).RootElement;
        Assert.Equal("FAILED", document.GetProperty("Status").GetString());
        Assert.True(document.GetProperty("IsTerminal").GetBoolean());
        Assert.StartsWith("Evaluation failed", document.GetProperty("ErrorString").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, document.GetProperty("PollCount").GetInt32());
    }

    [Fact]
    public async Task LocalInvoke_ThrottledTwice_SdkRetriesThrough()
    {
        var result = await PublishedBootstrap.RunAsync(Environment(), Event("tsk-00000000000000000000000000000009"));

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Equal(3, _glue.CountRequests("GetMLTaskRun", "tsk-00000000000000000000000000000009"));
    }

    [Fact]
    public async Task LocalInvoke_MaxAttemptsOne_ThrottlingNotRetried()
    {
        var environment = Environment();
        environment["AWS_MAX_ATTEMPTS"] = "1";

        var result = await PublishedBootstrap.RunAsync(environment, Event("tsk-00000000000000000000000000000009"));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("GlueThrottled", result.ErrorBody.GetProperty("errorType").GetString());
        Assert.Equal(1, _glue.CountRequests("GetMLTaskRun", "tsk-00000000000000000000000000000009"));
    }

    [Fact]
    public async Task LocalInvoke_GeneralEndpointVariable_Honoured()
    {
        var environment = Environment();
        environment["AWS_ENDPOINT_URL"] = environment["AWS_ENDPOINT_URL_GLUE"];
        environment["AWS_ENDPOINT_URL_GLUE"] = null;

        var result = await PublishedBootstrap.RunAsync(environment, Event("tsk-00000000000000000000000000000004"));

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Equal(1, _glue.CountRequests("GetMLTaskRun", "tsk-00000000000000000000000000000004"));
    }

    [Fact]
    public async Task LocalInvoke_MissingRun_ExitsWithTaskRunNotFound()
    {
        var result = await PublishedBootstrap.RunAsync(Environment(), Event("tsk-does-not-exist"));

        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.StandardOutput);
        var error = result.ErrorBody;
        Assert.Equal("TaskRunNotFound", error.GetProperty("errorType").GetString());
    }

    [Fact]
    public async Task LocalInvoke_WrongSecret_ExitsWithGlueAccessDenied()
    {
        var environment = Environment();
        environment["AWS_SECRET_ACCESS_KEY"] = "not-the-secret";

        var result = await PublishedBootstrap.RunAsync(environment, Event("tsk-00000000000000000000000000000001"));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("GlueAccessDenied", result.ErrorBody.GetProperty("errorType").GetString());
    }

    [Fact]
    public async Task LocalInvoke_NoCredentials_ExitsWithGlueAccessDenied()
    {
        var environment = Environment();
        environment["AWS_ACCESS_KEY_ID"] = null;
        environment["AWS_SECRET_ACCESS_KEY"] = null;
        environment["AWS_SESSION_TOKEN"] = null;
        environment["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/credentials";
        environment["AWS_CONFIG_FILE"] = "/nonexistent/config";

        var result = await PublishedBootstrap.RunAsync(environment, Event("tsk-00000000000000000000000000000001"));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("GlueAccessDenied", result.ErrorBody.GetProperty("errorType").GetString());
    }

    [Fact]
    public async Task LocalInvoke_InvalidEvent_ExitsWithInvalidTaskRunRequest()
    {
        var result = await PublishedBootstrap.RunAsync(Environment(), """{"TransformId":"tfm-1","TaskRunId":""}""");

        Assert.Equal(1, result.ExitCode);
        var error = result.ErrorBody;
        Assert.Equal("InvalidTaskRunRequest", error.GetProperty("errorType").GetString());
        Assert.Contains("TaskRunId '' is invalid", error.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
        Assert.Empty(_glue.ReceivedRequests);
    }

    [Theory]
    [InlineData("""{"TransformId":""", "ExpectedJsonTokens")]
    [InlineData("""{"TransformId":"a","TransformId":"b","TaskRunId":"c"}""", "DuplicatePropertiesNotAllowed")]
    public async Task LocalInvoke_MalformedJson_MessageIsReadableText(string eventJson, string resourceKey)
    {
        var result = await PublishedBootstrap.RunAsync(Environment(), eventJson);

        string message = result.ErrorBody.GetProperty("errorMessage").GetString()!;
        Assert.Contains("The event is not valid JSON", message, StringComparison.Ordinal);
        Assert.DoesNotContain(resourceKey, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LocalInvoke_EmptyFileName_UsageErrorWithoutStackTrace()
    {
        var result = await PublishedBootstrap.RunAsync(Environment(), null, "");

        Assert.Equal(64, result.ExitCode);
        Assert.DoesNotContain("Unhandled exception", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LocalInvoke_InvalidSetting_JsonErrorLine()
    {
        var environment = Environment();
        environment["POLL_MAX_SECONDS"] = "often";

        var result = await PublishedBootstrap.RunAsync(environment, Event("tsk-00000000000000000000000000000001"));

        Assert.Equal(1, result.ExitCode);
        var error = result.ErrorBody;
        Assert.Equal("InvalidFunctionConfiguration", error.GetProperty("errorType").GetString());
        Assert.Contains("POLL_MAX_SECONDS 'often' is invalid", error.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("99999999999")]
    public async Task LocalInvoke_InvalidLocalTimeout_UsageError(string value)
    {
        var environment = Environment();
        environment["LOCAL_TIMEOUT_SECONDS"] = value;

        var result = await PublishedBootstrap.RunAsync(environment, Event("tsk-00000000000000000000000000000001"));

        Assert.Equal(64, result.ExitCode);
        Assert.Contains($"LOCAL_TIMEOUT_SECONDS '{value}' is invalid", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LocalInvoke_StandardOutputFull_ReportsFailureInOneLine()
    {
        var result = await PublishedBootstrap.RunAsync(
            Environment(),
            null,
            PublishedBootstrap.ShellRedirect("> /dev/full", Event("tsk-00000000000000000000000000000001")));

        Assert.Equal(70, result.ExitCode);
        Assert.Contains("bootstrap failed: IOException", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LocalInvoke_Interrupted_ExitsWithoutStackTrace()
    {
        await using var slowGlue = await ScriptedHttpServer.StartAsync();
        slowGlue.Fallback = async context => await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
        var environment = Environment();
        environment["AWS_ENDPOINT_URL_GLUE"] = slowGlue.BaseAddress.ToString();

        var result = await PublishedBootstrap.RunAsync(
            environment,
            Event("tsk-00000000000000000000000000000001"),
            interruptAfter: TimeSpan.FromSeconds(1));

        Assert.Equal(130, result.ExitCode);
        Assert.Contains("Cancelled before the function finished.", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bad host:abc")]
    [InlineData("127.0.0.1:99999")]
    public async Task RuntimeApi_InvalidAddress_ExitsWithFatalLog(string address)
    {
        var environment = Environment();
        environment["AWS_LAMBDA_RUNTIME_API"] = address;

        var result = await PublishedBootstrap.RunAsync(environment, null);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("AWS_LAMBDA_RUNTIME_API is invalid", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("is not a Runtime API address such as 127.0.0.1:9001.\"", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RuntimeApi_InitErrorPostFails_ExitsWithFatalLog()
    {
        int closedPort = LoopbackPorts.FindClosedPort();

        var environment = Environment();
        environment["AWS_LAMBDA_RUNTIME_API"] = $"127.0.0.1:{closedPort}";
        environment["POLL_MIN_SECONDS"] = "abc";

        var result = await PublishedBootstrap.RunAsync(environment, null);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Posting the init error to the Runtime API failed", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LocalInvoke_StandardErrorClosed_StillPrintsDocument()
    {
        var result = await PublishedBootstrap.RunAsync(
            Environment(),
            null,
            PublishedBootstrap.ShellRedirect("2>&-", Event("tsk-00000000000000000000000000000004")));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("EXPORT_LABELS", JsonDocument.Parse(result.StandardOutput).RootElement.GetProperty("TaskType").GetString());
    }

    [Fact]
    public async Task LocalInvoke_EndlessInput_UsageErrorWithoutExhaustingMemory()
    {
        var result = await PublishedBootstrap.RunAsync(Environment(), null, "/dev/zero");

        Assert.Equal(64, result.ExitCode);
        Assert.Contains("is larger than 8388608 bytes", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LocalInvoke_Logs_NeverContainCredentials()
    {
        var environment = Environment();
        environment["AWS_LAMBDA_LOG_LEVEL"] = "TRACE";

        var ok = await PublishedBootstrap.RunAsync(environment, Event("tsk-00000000000000000000000000000002"));
        var failed = await PublishedBootstrap.RunAsync(environment, Event("tsk-missing"));

        foreach (string text in new[] { ok.StandardError, ok.StandardOutput, failed.StandardError })
        {
            Assert.DoesNotContain(_options.SecretAccessKey, text, StringComparison.Ordinal);
            Assert.DoesNotContain(PublishedBootstrap.SessionToken, text, StringComparison.Ordinal);
            Assert.DoesNotContain("Signature=", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RuntimeApi_Invocation_PostsDocumentAndExitsOn500()
    {
        await using var runtimeApi = await ScriptedHttpServer.StartAsync();
        runtimeApi.Fallback = context => ScriptedHttpServer.Respond(context, 500, "{}");
        runtimeApi.Enqueue(context =>
        {
            context.Response.Headers["Lambda-Runtime-Aws-Request-Id"] = "req-aot";
            context.Response.Headers["Lambda-Runtime-Deadline-Ms"] = DateTimeOffset.UtcNow.AddSeconds(20).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            return ScriptedHttpServer.Respond(context, 200, Event("tsk-00000000000000000000000000000005"));
        });
        runtimeApi.EnqueueJson(202, "{}");
        var environment = Environment();
        environment["AWS_LAMBDA_RUNTIME_API"] = runtimeApi.BaseAddress.Authority;
        environment["AWS_LAMBDA_LOG_FORMAT"] = "JSON";

        var result = await PublishedBootstrap.RunAsync(environment, null);

        Assert.Equal(1, result.ExitCode);
        var post = runtimeApi.Requests[1];
        Assert.Equal("/2018-06-01/runtime/invocation/req-aot/response", post.Path);
        Assert.Equal("FIND_MATCHES", JsonDocument.Parse(post.Body).RootElement.GetProperty("TaskType").GetString());
        var logLine = JsonDocument.Parse(result.StandardOutput.Split('\n')[0]).RootElement;
        Assert.Equal("req-aot", logLine.GetProperty("requestId").GetString());
    }

    [Fact]
    public async Task RuntimeApi_InvalidSetting_PostsInitError()
    {
        await using var runtimeApi = await ScriptedHttpServer.StartAsync();
        runtimeApi.EnqueueJson(202, "{}");
        var environment = Environment();
        environment["AWS_LAMBDA_RUNTIME_API"] = runtimeApi.BaseAddress.Authority;
        environment["POLL_MIN_SECONDS"] = "soon";

        var result = await PublishedBootstrap.RunAsync(environment, null);

        Assert.Equal(1, result.ExitCode);
        var post = Assert.Single(runtimeApi.Requests);
        Assert.Equal("/2018-06-01/runtime/init/error", post.Path);
        Assert.Equal("InvalidFunctionConfiguration", post.Headers["Lambda-Runtime-Function-Error-Type"]);
        Assert.Contains("POLL_MIN_SECONDS 'soon' is invalid", post.Body, StringComparison.Ordinal);
    }

    private Dictionary<string, string?> Environment() => PublishedBootstrap.Environment(_glue, _options);

    private static string Event(string taskRunId) => $$"""{"TransformId":"{{Transform}}","TaskRunId":"{{taskRunId}}"}""";
}
