using GlueTaskRunLambda.Errors;
using GlueTaskRunLambda.Tests.Support;

namespace GlueTaskRunLambda.Tests.Faults;

/// <summary>
/// The rows of docs/reliability.md about Glue itself: each runs the real handler and the
/// real SDK client against a local server that misbehaves as the row describes.
/// </summary>
[Collection(DeadlineSensitiveTests.Name)]
public sealed class GlueFaultTests : IAsyncLifetime
{
    private const string Running = """{"TransformId":"tfm-1","TaskRunId":"tsk-1","Status":"RUNNING"}""";

    private FaultHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await FaultHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task ServerError_RetriedThenGlueUnavailable(int status)
    {
        _harness.AlwaysAnswer(status, "");

        var outcome = await _harness.InvokeAsync();

        Assert.IsType<GlueUnavailable>(outcome.Error);
        Assert.Equal(3, _harness.GetRequestCount);
    }

    [Fact]
    public async Task ServerErrorOnce_RetriedToSuccess()
    {
        _harness.Answer(503, "");
        _harness.Answer(200, Running);

        var outcome = await _harness.InvokeAsync();

        Assert.Equal("RUNNING", outcome.Document?.Status);
        Assert.Equal(2, _harness.GetRequestCount);
    }

    [Fact]
    public async Task InternalServiceException_RetriedThenGlueUnavailable()
    {
        _harness.AlwaysAnswer(500, """{"__type":"InternalServiceException","Message":"Internal failure"}""");

        var outcome = await _harness.InvokeAsync();

        Assert.IsType<GlueUnavailable>(outcome.Error);
        Assert.Equal(3, _harness.GetRequestCount);
        Assert.Contains("InternalServiceException", outcome.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OperationTimeoutException_GlueUnavailableWithoutSdkRetry()
    {
        _harness.AlwaysAnswer(400, """{"__type":"OperationTimeoutException","Message":"Operation timed out"}""");

        var outcome = await _harness.InvokeAsync();

        Assert.IsType<GlueUnavailable>(outcome.Error);
        Assert.Equal(1, _harness.GetRequestCount);
    }

    [Fact]
    public async Task ThrottlingOnce_RetriedToSuccess()
    {
        _harness.Answer(400, """{"__type":"ThrottlingException","Message":"Rate exceeded"}""");
        _harness.Answer(200, Running);

        var outcome = await _harness.InvokeAsync();

        Assert.Equal("RUNNING", outcome.Document?.Status);
        Assert.Equal(2, _harness.GetRequestCount);
    }

    [Fact]
    public async Task ThrottlingEveryTime_GlueThrottled()
    {
        _harness.AlwaysAnswer(400, """{"__type":"ThrottlingException","Message":"Rate exceeded"}""");

        var outcome = await _harness.InvokeAsync();

        Assert.IsType<GlueThrottled>(outcome.Error);
        Assert.Equal(3, _harness.GetRequestCount);
    }

    [Theory]
    [InlineData(400, """{"__type":"AccessDeniedException","Message":"User is not authorized to perform: glue:GetMLTaskRun"}""")]
    [InlineData(400, """{"__type":"UnrecognizedClientException","Message":"The security token included in the request is invalid."}""")]
    [InlineData(400, """{"__type":"ExpiredTokenException","Message":"The security token included in the request is expired"}""")]
    [InlineData(403, """{"Message":"Forbidden"}""")]
    public async Task AccessOrCredentialsRejected_GlueAccessDenied(int status, string body)
    {
        _harness.AlwaysAnswer(status, body);

        var outcome = await _harness.InvokeAsync();

        Assert.IsType<GlueAccessDenied>(outcome.Error);
        Assert.Equal(1, _harness.GetRequestCount);
    }

    [Fact]
    public async Task ErrorMessageEchoesCredentials_RedactedEverywhere()
    {
        string echo = "The request signature we calculated does not match the signature you provided. "
            + "The Canonical String for this request should have been 'POST / content-type:application/x-amz-json-1.1 "
            + $"x-amz-security-token:{FaultHarness.SessionToken} ...'";
        _harness.AlwaysAnswer(400, $$"""{"__type":"InvalidSignatureException","Message":"{{echo}} Signature=0123456789abcdef0123456789abcdef secret {{FaultHarness.SecretAccessKey}}"}""");

        var outcome = await _harness.InvokeAsync();

        Assert.IsType<GlueAccessDenied>(outcome.Error);
        Assert.Contains("does not match the signature you provided", outcome.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorCodeCarriesCredentials_RedactedEverywhere()
    {
        _harness.AlwaysAnswer(400, $$"""{"__type":"Weird{{FaultHarness.SessionToken}}Exception","Message":"odd"}""");

        var outcome = await _harness.InvokeAsync();

        Assert.IsType<GlueUnavailable>(outcome.Error);
        Assert.Contains("Weird[redacted]Exception", outcome.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EntityNotFound_TaskRunNotFound()
    {
        _harness.AlwaysAnswer(400, """{"__type":"EntityNotFoundException","Message":"Task run tsk-1 not found"}""");

        var outcome = await _harness.InvokeAsync();

        Assert.IsType<TaskRunNotFound>(outcome.Error);
        Assert.Equal(1, _harness.GetRequestCount);
    }

    [Fact]
    public async Task InvalidInput_InvalidTaskRunRequest()
    {
        _harness.AlwaysAnswer(400, """{"__type":"InvalidInputException","Message":"TaskRunId is invalid"}""");

        var outcome = await _harness.InvokeAsync();

        Assert.IsType<InvalidTaskRunRequest>(outcome.Error);
    }

    [Fact]
    public async Task UnknownErrorCode_GlueUnavailableNamingTheCode()
    {
        _harness.AlwaysAnswer(400, """{"__type":"com.amazonaws.glue#BrandNewException","Message":"?"}""");

        var outcome = await _harness.InvokeAsync();

        Assert.IsType<GlueUnavailable>(outcome.Error);
        Assert.Contains("BrandNewException", outcome.Error!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<html>502 Bad Gateway</html>")]
    [InlineData("""{"TransformId":"tfm-1","Status":"RUNN""")]
    [InlineData("")]
    [InlineData("""{"Status":["RUNNING"]}""")]
    [InlineData("""{"ExecutionTime":"12"}""")]
    [InlineData("""{"StartedOn":"2026-01-31T12:00:00Z"}""")]
    [InlineData("""{"Properties":"EVALUATION"}""")]
    [InlineData("""{"Properties":{"ImportLabelsTaskRunProperties":{"Replace":"yes"}}}""")]
    public async Task UnreadableSuccessBody_GlueUnavailable(string body)
    {
        _harness.AlwaysAnswer(200, body);

        var outcome = await _harness.InvokeAsync();

        Assert.IsType<GlueUnavailable>(outcome.Error);
    }

    [Fact]
    public async Task UnknownMembers_Ignored()
    {
        _harness.Answer(200, """{"Status":"RUNNING","NewMember":{"a":[1,{"b":null}]},"Properties":{"TaskType":"EVALUATION","Other":1}}""");

        var outcome = await _harness.InvokeAsync();

        Assert.Equal("RUNNING", outcome.Document?.Status);
        Assert.Equal("EVALUATION", outcome.Document?.TaskType);
    }

    [Fact]
    public async Task UnknownStatusAndTaskType_PassedThroughNotTerminal()
    {
        _harness.Answer(200, """{"Status":"PAUSED_FOR_REVIEW","Properties":{"TaskType":"ACTIVE_LEARNING"}}""");

        var outcome = await _harness.InvokeAsync();

        Assert.Equal("PAUSED_FOR_REVIEW", outcome.Document?.Status);
        Assert.Equal("ACTIVE_LEARNING", outcome.Document?.TaskType);
        Assert.False(outcome.Document?.IsTerminal);
        Assert.True(outcome.Document?.NextPollSeconds > 0);
    }

    [Fact]
    public async Task NoProperties_TaskFieldsNull()
    {
        _harness.Answer(200, """{"Status":"SUCCEEDED"}""");

        var outcome = await _harness.InvokeAsync();

        Assert.Null(outcome.Document?.TaskType);
        Assert.Null(outcome.Document?.ImportLabelsInputS3Path);
        Assert.Null(outcome.Document?.FindMatchesJobId);
        Assert.True(outcome.Document?.IsTerminal);
    }

    [Theory]
    [InlineData("1700000000", 1_700_000_000_000L)]
    [InlineData("1700000000.25", 1_700_000_000_250L)]
    [InlineData("1.7E9", 1_700_000_000_000L)]
    [InlineData("1.70000000025e9", 1_700_000_000_250L)]
    [InlineData("17000000002.5E-1", 1_700_000_000_250L)]
    public async Task TimestampForms_Parsed(string number, long expectedMilliseconds)
    {
        _harness.Answer(200, $$"""{"Status":"RUNNING","StartedOn":{{number}}}""");

        var outcome = await _harness.InvokeAsync();

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(expectedMilliseconds), outcome.Document?.StartedOn);
    }

    [Fact]
    public async Task MultiMegabyteErrorString_CutAndFlagged()
    {
        string errorString = string.Concat(Enumerable.Repeat("Näive \\\"quoted\\\" line\\n", 200_000));
        _harness.Answer(200, $$"""{"Status":"FAILED","ErrorString":"{{errorString}}"}""");

        var outcome = await _harness.InvokeAsync();

        Assert.True(outcome.Document?.ErrorStringTruncated);
        Assert.Equal(4_000_000, outcome.Document?.ErrorStringLength);
        Assert.Equal(8_192, outcome.Document?.ErrorString?.Length);
        Assert.DoesNotContain(errorString[..1000], outcome.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NonAsciiAndEscapes_Preserved()
    {
        _harness.Answer(200, """{"Status":"FAILED","ErrorString":"Fehler in Spalte \"größe\"\t\u00e9\ud83d\ude00\u0000end"}""");

        var outcome = await _harness.InvokeAsync();

        Assert.Equal("Fehler in Spalte \"größe\"\té\U0001F600\0end", outcome.Document?.ErrorString);
    }

    [Fact]
    public async Task ResponseAfterDeadline_GlueUnavailableBeforeDeadline()
    {
        _harness.Server.Fallback = async context =>
        {
            await Task.Delay(TimeSpan.FromSeconds(15), context.RequestAborted);
        };

        var outcome = await _harness.InvokeAsync(timeUntilDeadline: TimeSpan.FromSeconds(2));

        Assert.IsType<GlueUnavailable>(outcome.Error);
        Assert.Contains("before the Lambda deadline", outcome.Error!.Message, StringComparison.Ordinal);
        Assert.True(outcome.Duration < TimeSpan.FromSeconds(2), $"took {outcome.Duration}");
    }

    [Fact]
    public async Task ConnectionResetMidBody_GlueUnavailable()
    {
        _harness.Server.Fallback = async context =>
        {
            context.Response.StatusCode = 200;
            context.Response.ContentLength = 4096;
            await context.Response.Body.WriteAsync("""{"Status":"RUNNING","Log"""u8.ToArray());
            await context.Response.Body.FlushAsync();
            context.Abort();
        };

        var outcome = await _harness.InvokeAsync();

        Assert.IsType<GlueUnavailable>(outcome.Error);
        Assert.InRange(_harness.GetRequestCount, 1, 3);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(400)]
    public async Task BodyStallsPastDeadline_GlueUnavailableBeforeDeadline(int status)
    {
        _harness.Server.Fallback = async context =>
        {
            context.Response.StatusCode = status;
            context.Response.ContentLength = 1000;
            await context.Response.Body.WriteAsync("{\"Status\""u8.ToArray());
            await context.Response.Body.FlushAsync();
            await Task.Delay(TimeSpan.FromSeconds(20), context.RequestAborted);
        };

        var outcome = await _harness.InvokeAsync(timeUntilDeadline: TimeSpan.FromSeconds(2));

        Assert.IsType<GlueUnavailable>(outcome.Error);
        Assert.True(outcome.Duration < TimeSpan.FromSeconds(2), $"took {outcome.Duration}");
    }

    [Fact]
    public async Task BodyTricklesPastAttemptTimeout_RetriedThenGlueUnavailable()
    {
        _harness.AttemptTimeout = TimeSpan.FromMilliseconds(700);
        _harness.Server.Fallback = async context =>
        {
            context.Response.StatusCode = 200;
            context.Response.ContentLength = 1000;
            for (int index = 0; index < 100; index++)
            {
                await context.Response.Body.WriteAsync(" "u8.ToArray(), context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                await Task.Delay(TimeSpan.FromMilliseconds(200), context.RequestAborted);
            }
        };

        var outcome = await _harness.InvokeAsync(timeUntilDeadline: TimeSpan.FromSeconds(20));

        Assert.IsType<GlueUnavailable>(outcome.Error);
        Assert.Contains("did not send a complete response within 0.7 s", outcome.Error!.Message, StringComparison.Ordinal);
        // NOTE: the SDK decides whether to retry from the exception the aborted attempt
        // surfaces as, which varies between runs, so it makes two or three attempts.
        Assert.InRange(_harness.GetRequestCount, 2, 3);
        Assert.True(outcome.Duration < TimeSpan.FromSeconds(10), $"took {outcome.Duration}");
    }

    [Fact]
    public async Task BodyOverSizeLimit_GlueUnavailable()
    {
        string padding = new('x', 9 * 1024 * 1024);
        _harness.AlwaysAnswer(200, $$"""{"Status":"RUNNING","LogGroupName":"{{padding}}"}""");

        var outcome = await _harness.InvokeAsync();

        Assert.IsType<GlueUnavailable>(outcome.Error);
        Assert.Contains("at most 8388608 bytes", outcome.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RedirectAnswer_NotFollowed()
    {
        await using var elsewhere = await ScriptedHttpServer.StartAsync();
        elsewhere.Fallback = context => ScriptedHttpServer.Respond(context, 200, Running);
        _harness.Server.Fallback = context =>
        {
            context.Response.Headers.Location = elsewhere.BaseAddress.ToString();
            return ScriptedHttpServer.Respond(context, 307, Running);
        };

        var outcome = await _harness.InvokeAsync();

        Assert.IsType<GlueUnavailable>(outcome.Error);
        Assert.Empty(elsewhere.Requests);
    }

    [Fact]
    public async Task PortRefusesConnections_GlueUnavailable()
    {
        int closedPort = LoopbackPorts.FindClosedPort();

        var outcome = await _harness.InvokeAsync(serviceUrl: $"http://127.0.0.1:{closedPort}/");

        Assert.IsType<GlueUnavailable>(outcome.Error);
    }

    [Fact]
    public async Task HostNameDoesNotResolve_GlueUnavailable()
    {
        var outcome = await _harness.InvokeAsync(httpClientFactory: new FaultHarness.UnresolvableHostFactory());

        Assert.IsType<GlueUnavailable>(outcome.Error);
        Assert.Empty(_harness.Server.Requests);
    }
}
