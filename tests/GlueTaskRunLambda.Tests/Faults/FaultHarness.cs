using System.Net.Sockets;
using System.Text;
using Amazon.Runtime;
using GlueTaskRunLambda.Errors;
using GlueTaskRunLambda.Glue.Sdk;
using GlueTaskRunLambda.Logging;
using GlueTaskRunLambda.Status;
using GlueTaskRunLambda.Tests.Support;

namespace GlueTaskRunLambda.Tests.Faults;

/// <summary>The outcome of one invocation in a fault test, with everything it logged.</summary>
internal sealed record FaultOutcome(StatusDocument? Document, FunctionError? Error, string Log, TimeSpan Duration);

/// <summary>
/// Runs the real handler with the real SDK Glue client against a scripted HTTP server on
/// 127.0.0.1, with fake credentials, and checks after every run that no credential
/// reached the log.
/// </summary>
internal sealed class FaultHarness : IAsyncDisposable
{
    public const string AccessKeyId = "AKIDFAULTTABLE000000";
    public const string SecretAccessKey = "fault-table-secret-key-never-logged";
    public const string SessionToken = "fault-table-session-token-never-logged";

    private FaultHarness(ScriptedHttpServer server)
    {
        Server = server;
    }

    public ScriptedHttpServer Server { get; }

    /// <summary>The per-attempt timeout of the Glue transport; the production value unless a test shortens it.</summary>
    public TimeSpan AttemptTimeout { get; set; } = GlueClientFactory.AttemptTimeout;

    public static async Task<FaultHarness> StartAsync() => new(await ScriptedHttpServer.StartAsync());

    public Task<FaultOutcome> InvokeAsync(
        string taskRunId = "tsk-1",
        TimeSpan? timeUntilDeadline = null,
        string? serviceUrl = null,
        HttpClientFactory? httpClientFactory = null)
    {
        string json = $$"""{"TransformId":"tfm-1","TaskRunId":"{{taskRunId}}"}""";
        return InvokeRawAsync(json, timeUntilDeadline, serviceUrl, httpClientFactory);
    }

    public async Task<FaultOutcome> InvokeRawAsync(
        string eventJson,
        TimeSpan? timeUntilDeadline = null,
        string? serviceUrl = null,
        HttpClientFactory? httpClientFactory = null)
    {
        var config = new GlueClientConfig
        {
            ServiceURL = serviceUrl ?? Server.BaseAddress.ToString(),
            AuthenticationRegion = "us-east-1",
            RetryMode = RequestRetryMode.Standard,
            MaxErrorRetry = 2,
        };
        using var transport = new GlueHttpClientFactory(AttemptTimeout, GlueClientFactory.MaxResponseBytes);
        GlueClientFactory.ApplyTransport(config, transport);
        if (httpClientFactory is not null)
        {
            config.HttpClientFactory = httpClientFactory;
        }

        using var glue = new GlueServiceClient(new SessionAWSCredentials(AccessKeyId, SecretAccessKey, SessionToken), config);
        var log = new StringWriter();
        var redactor = new SecretRedactor([SecretAccessKey, SessionToken]);
        var logger = new FunctionLogger(log, TimeProvider.System, json: true, LogLevel.Trace, redactor);
        var handler = new TaskRunStatusHandler(glue, new FunctionSettings(), TimeProvider.System, new PollPolicy(new Random(5)), logger, redactor);
        var context = new InvocationContext
        {
            RequestId = "req-fault",
            Deadline = DateTimeOffset.UtcNow + (timeUntilDeadline ?? TimeSpan.FromSeconds(30)),
        };

        var started = DateTimeOffset.UtcNow;
        StatusDocument? document = null;
        FunctionError? error = null;
        try
        {
            document = await handler.HandleAsync(Encoding.UTF8.GetBytes(eventJson), context, CancellationToken.None);
        }
        catch (FunctionError caught)
        {
            error = caught;
        }

        var outcome = new FaultOutcome(document, error, log.ToString(), DateTimeOffset.UtcNow - started);
        AssertNoCredentials(outcome.Log);
        AssertNoCredentials(outcome.Error?.Message ?? "");
        return outcome;
    }

    public void Answer(int status, string body, params (string Name, string Value)[] headers) =>
        Server.EnqueueJson(status, body, headers);

    public void AlwaysAnswer(int status, string body) =>
        Server.Fallback = context => ScriptedHttpServer.Respond(context, status, body);

    public int GetRequestCount => Server.Requests.Count;

    public static void AssertNoCredentials(string log)
    {
        Assert.DoesNotContain(SecretAccessKey, log, StringComparison.Ordinal);
        Assert.DoesNotContain(SessionToken, log, StringComparison.Ordinal);
        Assert.DoesNotContain("Signature=", log, StringComparison.Ordinal);
        Assert.DoesNotContain("AWS4-HMAC-SHA256", log, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();

    /// <summary>An HTTP client whose every connection fails as an unresolvable host name does.</summary>
    public sealed class UnresolvableHostFactory : HttpClientFactory
    {
        public override HttpClient CreateHttpClient(IClientConfig clientConfig) =>
            new(new SocketsHttpHandler
            {
                ConnectCallback = (_, _) => throw new SocketException((int)SocketError.HostNotFound),
            });

        public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

        public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => true;
    }
}
