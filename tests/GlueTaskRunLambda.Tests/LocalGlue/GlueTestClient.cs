using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using GlueTaskRunLambda.LocalGlue;

namespace GlueTaskRunLambda.Tests.LocalGlue;

/// <summary>
/// Sends awsJson1_1 requests to a <see cref="LocalGlueServer"/>, signed by AWSSDK.Core's
/// <see cref="SigV4SigningHandler"/> so that the server's verifier is checked against an
/// independent signer.
/// </summary>
internal sealed class GlueTestClient : IDisposable
{
    public const string JsonContentType = "application/x-amz-json-1.1";

    private readonly HttpClient _http;
    private readonly Uri _baseAddress;

    private GlueTestClient(HttpMessageHandler handler, Uri baseAddress)
    {
        _http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        _baseAddress = baseAddress;
    }

    /// <summary>Creates a client that signs every request to an in-process server.</summary>
    /// <param name="afterSigning">Changes each request after it is signed, or null.</param>
    public static GlueTestClient Signed(
        LocalGlueServer server,
        SigningSettings? signing = null,
        Action<HttpRequestMessage>? afterSigning = null) =>
        Signed(server.BaseAddress, signing, afterSigning);

    /// <summary>Creates a client that signs every request to the endpoint at a base address.</summary>
    /// <param name="afterSigning">Changes each request after it is signed, or null.</param>
    public static GlueTestClient Signed(
        Uri baseAddress,
        SigningSettings? signing = null,
        Action<HttpRequestMessage>? afterSigning = null)
    {
        signing ??= new SigningSettings();
        AWSCredentials credentials = signing.SessionToken is null
            ? new BasicAWSCredentials(signing.AccessKeyId, signing.SecretAccessKey)
            : new SessionAWSCredentials(signing.AccessKeyId, signing.SecretAccessKey, signing.SessionToken);
        var parameters = new AWSSigV4Parameters
        {
            Credentials = credentials,
            Region = RegionEndpoint.GetBySystemName(signing.Region),
            Service = signing.Service,
            SignedAt = signing.SignedAt,
        };

        HttpMessageHandler inner = new HttpClientHandler();
        if (afterSigning is not null)
        {
            inner = new RequestEditingHandler(afterSigning) { InnerHandler = inner };
        }

        return new GlueTestClient(new SigV4SigningHandler(parameters, inner), baseAddress);
    }

    /// <summary>Creates a client that sends requests with no Authorization header.</summary>
    public static GlueTestClient Unsigned(LocalGlueServer server) =>
        new(new HttpClientHandler(), server.BaseAddress);

    public Task<GlueResponse> GetMLTaskRunAsync(string transformId, string taskRunId) =>
        SendAsync("GetMLTaskRun", new JsonObject { ["TransformId"] = transformId, ["TaskRunId"] = taskRunId });

    public Task<GlueResponse> CancelMLTaskRunAsync(string transformId, string taskRunId) =>
        SendAsync("CancelMLTaskRun", new JsonObject { ["TransformId"] = transformId, ["TaskRunId"] = taskRunId });

    public Task<GlueResponse> SendAsync(string operation, JsonObject body) =>
        SendRawAsync("AWSGlue." + operation, body.ToJsonString());

    /// <summary>Sends a request with the exact target, body, method and content type given.</summary>
    /// <param name="target">X-Amz-Target value, or null to leave the header out.</param>
    public async Task<GlueResponse> SendRawAsync(
        string? target,
        string body,
        string contentType = JsonContentType,
        HttpMethod? method = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Post, _baseAddress);
        if (target is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        }

        request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        using HttpResponseMessage response = await _http.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        using JsonDocument document = JsonDocument.Parse(text);
        string? requestId = response.Headers.TryGetValues("x-amzn-RequestId", out IEnumerable<string>? values)
            ? values.Single()
            : null;
        return new GlueResponse(
            response.StatusCode,
            document.RootElement.Clone(),
            requestId,
            response.Content.Headers.ContentType?.MediaType);
    }

    public void Dispose() => _http.Dispose();
}
