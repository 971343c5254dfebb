using System.Net;
using System.Text;
using GlueTaskRunLambda.LocalGlue;

namespace GlueTaskRunLambda.Tests.LocalGlue;

public sealed class LocalGlueAuthenticationTests : IAsyncLifetime
{
    private const string TaskRunId = "tsk-00000000000000000000000000000001";
    private const string SessionToken = "local-session-token";

    private LocalGlueServer _server = null!;
    private LocalGlueServer _serverWithSessionToken = null!;

    public async Task InitializeAsync()
    {
        SimulatedTaskRun[] runs = [TestRuns.Evaluation(TaskRunId)];
        _server = await TestRuns.StartServerAsync(runs);
        _serverWithSessionToken = await TestRuns.StartServerAsync(runs, sessionToken: SessionToken);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _serverWithSessionToken.DisposeAsync();
    }

    [Fact]
    public async Task SignedRequest_DefaultCredentials_IsAccepted()
    {
        using var client = GlueTestClient.Signed(_server);

        GlueResponse response = await client.GetMLTaskRunAsync(TestRuns.TransformId, TaskRunId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("STARTING", response.Status);
    }

    [Fact]
    public async Task SignedRequest_MatchingSessionToken_IsAccepted()
    {
        using var client = GlueTestClient.Signed(
            _serverWithSessionToken,
            new SigningSettings { SessionToken = SessionToken });

        GlueResponse response = await client.GetMLTaskRunAsync(TestRuns.TransformId, TaskRunId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Request_NoAuthorizationHeader_ReturnsMissingAuthenticationToken()
    {
        using var client = GlueTestClient.Unsigned(_server);

        GlueResponse response = await client.GetMLTaskRunAsync(TestRuns.TransformId, TaskRunId);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("MissingAuthenticationTokenException", response.ErrorType);
    }

    [Fact]
    public async Task Request_UnknownAccessKeyId_ReturnsUnrecognizedClient()
    {
        using var client = GlueTestClient.Signed(
            _server,
            new SigningSettings { AccessKeyId = "AKIDUNKNOWN000000000" });

        GlueResponse response = await client.GetMLTaskRunAsync(TestRuns.TransformId, TaskRunId);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("UnrecognizedClientException", response.ErrorType);
        Assert.Equal("The security token included in the request is invalid.", response.Message);
    }

    [Fact]
    public async Task Request_WrongService_ReturnsInvalidSignatureNamingExpectedScope()
    {
        using var client = GlueTestClient.Signed(_server, new SigningSettings { Service = "s3" });

        GlueResponse response = await client.GetMLTaskRunAsync(TestRuns.TransformId, TaskRunId);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidSignatureException", response.ErrorType);
        Assert.Contains("/us-east-1/glue/aws4_request", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_WrongRegion_ReturnsInvalidSignatureNamingExpectedScope()
    {
        using var client = GlueTestClient.Signed(_server, new SigningSettings { Region = "eu-west-1" });

        GlueResponse response = await client.GetMLTaskRunAsync(TestRuns.TransformId, TaskRunId);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidSignatureException", response.ErrorType);
        Assert.Contains("/us-east-1/glue/aws4_request", response.Message, StringComparison.Ordinal);
        Assert.Contains("/eu-west-1/glue/aws4_request", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_WrongSecretKey_ReturnsInvalidSignature()
    {
        using var client = GlueTestClient.Signed(
            _server,
            new SigningSettings { SecretAccessKey = "not-the-local-glue-secret" });

        GlueResponse response = await client.GetMLTaskRunAsync(TestRuns.TransformId, TaskRunId);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidSignatureException", response.ErrorType);
        Assert.StartsWith("The request signature we calculated does not match", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_BodyChangedAfterSigning_ReturnsInvalidSignature()
    {
        string otherBody = $$"""{"TransformId":"{{TestRuns.TransformId}}","TaskRunId":"tsk-other"}""";
        using var client = GlueTestClient.Signed(
            _server,
            afterSigning: request =>
            {
                var content = new ByteArrayContent(Encoding.UTF8.GetBytes(otherBody));
                content.Headers.ContentType = request.Content!.Headers.ContentType;
                request.Content = content;
            });

        GlueResponse response = await client.GetMLTaskRunAsync(TestRuns.TransformId, TaskRunId);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidSignatureException", response.ErrorType);
    }

    [Fact]
    public async Task Request_TargetChangedAfterSigning_ReturnsInvalidSignature()
    {
        using var client = GlueTestClient.Signed(
            _server,
            afterSigning: request =>
            {
                request.Headers.Remove("X-Amz-Target");
                request.Headers.TryAddWithoutValidation("X-Amz-Target", "AWSGlue.CancelMLTaskRun");
            });

        GlueResponse response = await client.GetMLTaskRunAsync(TestRuns.TransformId, TaskRunId);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidSignatureException", response.ErrorType);
    }

    [Fact]
    public async Task Request_SignedTenMinutesAgo_ReturnsSignatureExpired()
    {
        using var client = GlueTestClient.Signed(
            _server,
            new SigningSettings { SignedAt = DateTime.UtcNow.AddMinutes(-10) });

        GlueResponse response = await client.GetMLTaskRunAsync(TestRuns.TransformId, TaskRunId);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidSignatureException", response.ErrorType);
        Assert.StartsWith("Signature expired", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_SignedFourMinutesAgo_IsAccepted()
    {
        using var client = GlueTestClient.Signed(
            _server,
            new SigningSettings { SignedAt = DateTime.UtcNow.AddMinutes(-4) });

        GlueResponse response = await client.GetMLTaskRunAsync(TestRuns.TransformId, TaskRunId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Request_MissingSessionToken_ReturnsUnrecognizedClient()
    {
        using var client = GlueTestClient.Signed(_serverWithSessionToken);

        GlueResponse response = await client.GetMLTaskRunAsync(TestRuns.TransformId, TaskRunId);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("UnrecognizedClientException", response.ErrorType);
    }

    [Fact]
    public async Task Request_DifferentSessionToken_ReturnsUnrecognizedClient()
    {
        using var client = GlueTestClient.Signed(
            _serverWithSessionToken,
            new SigningSettings { SessionToken = "another-session-token" });

        GlueResponse response = await client.GetMLTaskRunAsync(TestRuns.TransformId, TaskRunId);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("UnrecognizedClientException", response.ErrorType);
    }

    [Fact]
    public async Task Request_SessionTokenServerDoesNotExpect_ReturnsUnrecognizedClient()
    {
        using var client = GlueTestClient.Signed(_server, new SigningSettings { SessionToken = SessionToken });

        GlueResponse response = await client.GetMLTaskRunAsync(TestRuns.TransformId, TaskRunId);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("UnrecognizedClientException", response.ErrorType);
    }

    [Fact]
    public async Task Request_HostNotInSignedHeaders_ReturnsInvalidSignature()
    {
        using var client = GlueTestClient.Signed(
            _server,
            afterSigning: request =>
            {
                string authorization = request.Headers.GetValues("Authorization").Single();
                request.Headers.Remove("Authorization");
                request.Headers.TryAddWithoutValidation(
                    "Authorization",
                    authorization.Replace("host;", "", StringComparison.Ordinal));
            });

        GlueResponse response = await client.GetMLTaskRunAsync(TestRuns.TransformId, TaskRunId);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidSignatureException", response.ErrorType);
        Assert.Contains("must include host", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_MalformedAuthorizationHeader_ReturnsIncompleteSignature()
    {
        using var client = GlueTestClient.Signed(
            _server,
            afterSigning: request =>
            {
                request.Headers.Remove("Authorization");
                request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=only");
            });

        GlueResponse response = await client.GetMLTaskRunAsync(TestRuns.TransformId, TaskRunId);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("IncompleteSignatureException", response.ErrorType);
    }

    [Fact]
    public async Task RejectedRequest_IsRecordedWithItsErrorCode()
    {
        using var client = GlueTestClient.Unsigned(_server);

        await client.GetMLTaskRunAsync(TestRuns.TransformId, TaskRunId);

        LocalGlueRequest request = Assert.Single(_server.ReceivedRequests);
        Assert.Equal("GetMLTaskRun", request.Operation);
        Assert.Equal(400, request.StatusCode);
        Assert.Equal("MissingAuthenticationTokenException", request.ErrorCode);
    }
}
