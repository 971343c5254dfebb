using System.Net;
using Microsoft.AspNetCore.Http;
using Amazon.Runtime;
using GlueTaskRunLambda.Errors;
using GlueTaskRunLambda.Glue;
using GlueTaskRunLambda.Glue.Sdk;
using GlueTaskRunLambda.Tests.Support;

namespace GlueTaskRunLambda.Tests.Glue;

/// <summary>
/// The real SDK pipeline (signing, retries, error parsing) against a real HTTP server on
/// 127.0.0.1 that responds as the test scripts it.
/// </summary>
public sealed class GlueServiceClientTests : IAsyncLifetime
{
    private ScriptedHttpServer _server = null!;

    public async Task InitializeAsync() => _server = await ScriptedHttpServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task GetMLTaskRun_Success_SendsSignedAwsJsonRequest()
    {
        _server.EnqueueJson(200, """{"TransformId":"tfm-1","TaskRunId":"tsk-1","Status":"RUNNING","StartedOn":1.7000000001E9}""");
        using var client = CreateClient();

        var run = await client.GetMLTaskRunAsync("tfm-1", "tsk-1", CancellationToken.None);

        Assert.Equal("RUNNING", run.Status);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_100), run.StartedOn);
        var request = Assert.Single(_server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/", request.Path);
        Assert.Equal("AWSGlue.GetMLTaskRun", request.Headers["X-Amz-Target"]);
        Assert.Equal("application/x-amz-json-1.1", request.Headers["Content-Type"]);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDTEST/", request.Headers["Authorization"], StringComparison.Ordinal);
        Assert.Contains("/eu-west-1/glue/aws4_request", request.Headers["Authorization"], StringComparison.Ordinal);
        Assert.Contains("SignedHeaders=", request.Headers["Authorization"], StringComparison.Ordinal);
        Assert.Contains("x-amz-target", request.Headers["Authorization"], StringComparison.Ordinal);
        Assert.Equal("session-token", request.Headers["X-Amz-Security-Token"]);
        Assert.Equal("""{"TransformId":"tfm-1","TaskRunId":"tsk-1"}""", request.Body);
    }

    [Fact]
    public async Task GetMLTaskRuns_SendsFilterAndSort()
    {
        _server.EnqueueJson(200, """{"TaskRuns":[{"TaskRunId":"tsk-2","StartedOn":1700000000}],"NextToken":"n2"}""");
        using var client = CreateClient();
        var body = new GetMLTaskRunsBody(
            "tfm-1",
            "n1",
            100,
            new TaskRunFilter("EVALUATION", null, DateTimeOffset.FromUnixTimeSeconds(1_700_000_300), DateTimeOffset.FromUnixTimeSeconds(1_699_999_700)),
            new TaskRunSort("STARTED", "ASCENDING"));

        var result = await client.GetMLTaskRunsAsync(body, CancellationToken.None);

        Assert.Equal("tsk-2", Assert.Single(result.TaskRuns!).TaskRunId);
        Assert.Equal("n2", result.NextToken);
        var request = Assert.Single(_server.Requests);
        Assert.Equal("AWSGlue.GetMLTaskRuns", request.Headers["X-Amz-Target"]);
        Assert.Equal(
            """{"TransformId":"tfm-1","NextToken":"n1","MaxResults":100,"Filter":{"TaskRunType":"EVALUATION","StartedBefore":1700000300,"StartedAfter":1699999700},"Sort":{"Column":"STARTED","SortDirection":"ASCENDING"}}""",
            request.Body);
    }

    [Fact]
    public async Task GetMLTaskRun_ServerErrors_RetriedUntilSuccess()
    {
        _server.EnqueueJson(500, """{"__type":"InternalServiceException","Message":"oops"}""");
        _server.EnqueueJson(503, "");
        _server.EnqueueJson(200, """{"Status":"SUCCEEDED"}""");
        using var client = CreateClient();

        var run = await client.GetMLTaskRunAsync("tfm-1", "tsk-1", CancellationToken.None);

        Assert.Equal("SUCCEEDED", run.Status);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task GetMLTaskRun_ThrottlingOnce_RetriedUntilSuccess()
    {
        _server.EnqueueJson(400, """{"__type":"ThrottlingException","Message":"Rate exceeded"}""");
        _server.EnqueueJson(200, """{"Status":"RUNNING"}""");
        using var client = CreateClient();

        var run = await client.GetMLTaskRunAsync("tfm-1", "tsk-1", CancellationToken.None);

        Assert.Equal("RUNNING", run.Status);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task GetMLTaskRun_ThrottlingPersists_GlueThrottledAfterMaxAttempts()
    {
        _server.Fallback = context => ScriptedHttpServer.Respond(context, 400, """{"__type":"ThrottlingException","Message":"Rate exceeded"}""");
        using var client = CreateClient();

        var error = await ClassifyAsync(client);

        Assert.IsType<GlueThrottled>(error);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task GetMLTaskRun_NotFound_NotRetried()
    {
        _server.EnqueueJson(400, """{"__type":"EntityNotFoundException","Message":"Cannot find task run"}""");
        using var client = CreateClient();

        var error = await ClassifyAsync(client);

        Assert.IsType<TaskRunNotFound>(error);
        Assert.Single(_server.Requests);
    }

    [Theory]
    [InlineData("""{"__type":"EntityNotFoundException","Message":"m"}""", null, typeof(TaskRunNotFound))]
    [InlineData("""{"__type":"com.amazonaws.glue#EntityNotFoundException","Message":"m"}""", null, typeof(TaskRunNotFound))]
    [InlineData("""{"__type":"EntityNotFoundException:http://internal.amazon.com/coral/com.amazonaws.glue/","message":"m"}""", null, typeof(TaskRunNotFound))]
    [InlineData("""{"code":"EntityNotFoundException","Message":"m"}""", null, typeof(TaskRunNotFound))]
    [InlineData("""{"Message":"m"}""", "EntityNotFoundException", typeof(TaskRunNotFound))]
    [InlineData("""{"__type":"InvalidInputException","Message":"m"}""", null, typeof(InvalidTaskRunRequest))]
    [InlineData("""{"__type":"AccessDeniedException","Message":"m"}""", null, typeof(GlueAccessDenied))]
    [InlineData("""{"__type":"UnrecognizedClientException","Message":"m"}""", null, typeof(GlueAccessDenied))]
    [InlineData("""{"__type":"ExpiredTokenException","Message":"m"}""", null, typeof(GlueAccessDenied))]
    [InlineData("""{"__type":"OperationTimeoutException","Message":"m"}""", null, typeof(GlueUnavailable))]
    [InlineData("""{"__type":"SomethingNewException","Message":"m"}""", null, typeof(GlueUnavailable))]
    public async Task GetMLTaskRun_ErrorForms_Classified(string body, string? headerType, Type expected)
    {
        var headers = headerType is null ? [] : new[] { ("X-Amzn-ErrorType", headerType) };
        _server.Fallback = context => ScriptedHttpServer.Respond(context, 400, body, headers);
        using var client = CreateClient();

        var error = await ClassifyAsync(client);

        Assert.IsType(expected, error);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"Status":"RUN""")]
    [InlineData("")]
    [InlineData("""{"Status":42}""")]
    [InlineData("""{"StartedOn":"yesterday"}""")]
    [InlineData("null")]
    public async Task GetMLTaskRun_UnreadableSuccessBody_GlueUnavailable(string body)
    {
        _server.Fallback = context => ScriptedHttpServer.Respond(context, 200, body);
        using var client = CreateClient();

        var error = await ClassifyAsync(client);

        Assert.IsType<GlueUnavailable>(error);
    }

    [Fact]
    public async Task GetMLTaskRun_UnknownMembers_Ignored()
    {
        _server.EnqueueJson(200, """{"Status":"RUNNING","Brand":{"New":[1,2]},"Properties":{"TaskType":"NEW_KIND","Extra":true}}""");
        using var client = CreateClient();

        var run = await client.GetMLTaskRunAsync("tfm-1", "tsk-1", CancellationToken.None);

        Assert.Equal("NEW_KIND", run.Properties!.TaskType);
    }

    [Fact]
    public async Task GetMLTaskRun_ConnectionRefused_GlueUnavailable()
    {
        string url = _server.BaseAddress.ToString();
        await _server.DisposeAsync();
        _server = await ScriptedHttpServer.StartAsync();
        using var client = CreateClient(url);

        var error = await ClassifyAsync(client);

        Assert.IsType<GlueUnavailable>(error);
    }

    [Fact]
    public async Task GetMLTaskRun_ResetMidBody_GlueUnavailable()
    {
        _server.Fallback = async context =>
        {
            context.Response.StatusCode = 200;
            context.Response.ContentLength = 1000;
            await context.Response.WriteAsync("""{"Status":"RUNN""");
            await context.Response.Body.FlushAsync();
            context.Abort();
        };
        using var client = CreateClient();

        var error = await ClassifyAsync(client);

        Assert.IsType<GlueUnavailable>(error);
    }

    [Fact]
    public async Task GetMLTaskRun_Cancelled_StopsWaiting()
    {
        _server.Fallback = async context => await Task.Delay(TimeSpan.FromSeconds(20), context.RequestAborted);
        using var client = CreateClient();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => client.GetMLTaskRunAsync("tfm-1", "tsk-1", cancellation.Token));
    }

    [Fact]
    public void EndpointProvider_Region_BuildsRegionalEndpoints()
    {
        var provider = new GlueEndpointProvider();

        Assert.Equal("https://glue.eu-west-1.amazonaws.com", Resolve(provider, "eu-west-1", false, false));
        Assert.Equal("https://glue-fips.us-east-1.amazonaws.com", Resolve(provider, "us-east-1", true, false));
        Assert.Equal("https://glue.us-east-1.api.aws", Resolve(provider, "us-east-1", false, true));
        Assert.Equal("https://glue.cn-north-1.amazonaws.com.cn", Resolve(provider, "cn-north-1", false, false));
    }

    private static string Resolve(GlueEndpointProvider provider, string region, bool fips, bool dualStack)
    {
        var parameters = new Amazon.Runtime.Endpoints.EndpointParameters
        {
            [GlueEndpointProvider.RegionKey] = region,
            [GlueEndpointProvider.UseFipsKey] = fips,
            [GlueEndpointProvider.UseDualStackKey] = dualStack,
        };
        return provider.ResolveEndpoint(parameters).URL;
    }

    private static async Task<FunctionError> ClassifyAsync(GlueServiceClient client)
    {
        var exception = await Assert.ThrowsAnyAsync<Exception>(
            () => client.GetMLTaskRunAsync("tfm-1", "tsk-1", CancellationToken.None));
        return GlueErrorClassifier.Classify(exception, "task run tsk-1", SecretRedactor.PatternsOnly);
    }

    private GlueServiceClient CreateClient(string? url = null)
    {
        var config = new GlueClientConfig
        {
            ServiceURL = url ?? _server.BaseAddress.ToString(),
            AuthenticationRegion = "eu-west-1",
            MaxErrorRetry = 2,
            RetryMode = RequestRetryMode.Standard,
        };
        return new GlueServiceClient(new SessionAWSCredentials("AKIDTEST", "secret", "session-token"), config);
    }
}
