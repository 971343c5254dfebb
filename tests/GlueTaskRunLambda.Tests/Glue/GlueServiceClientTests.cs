using Amazon.Runtime;
using GlueTaskRunLambda.Glue.Sdk;
using GlueTaskRunLambda.Tests.Support;

namespace GlueTaskRunLambda.Tests.Glue;

public sealed class GlueServiceClientTests : IAsyncLifetime
{
    private ScriptedHttpServer _server = null!;

    public async Task InitializeAsync() => _server = await ScriptedHttpServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task GetMLTaskRun_Success_SendsSignedRequest()
    {
        _server.EnqueueJson(200, """{"TransformId":"tfm-1","TaskRunId":"tsk-1","Status":"RUNNING","StartedOn":1.7000000001E9}""");
        using var client = CreateClient();

        var run = await client.GetMLTaskRunAsync("tfm-1", "tsk-1", CancellationToken.None);

        Assert.Equal("RUNNING", run.Status);
        var request = Assert.Single(_server.Requests);
        Assert.Equal("AWSGlue.GetMLTaskRun", request.Headers["X-Amz-Target"]);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDTEST/", request.Headers["Authorization"]);
        Assert.Contains("/eu-west-1/glue/aws4_request", request.Headers["Authorization"], StringComparison.Ordinal);
        Assert.Equal("""{"TransformId":"tfm-1","TaskRunId":"tsk-1"}""", request.Body);
    }

    private GlueServiceClient CreateClient()
    {
        var config = new GlueClientConfig
        {
            RegionEndpoint = Amazon.RegionEndpoint.EUWest1,
            ServiceURL = _server.BaseAddress.ToString(),
            AuthenticationRegion = "eu-west-1",
        };
        return new GlueServiceClient(new BasicAWSCredentials("AKIDTEST", "secret"), config);
    }
}
