using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GlueTaskRunLambda.Tests.Support;

/// <summary>A request as the scripted server received it.</summary>
internal sealed record RecordedRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Headers,
    string Body);

/// <summary>
/// A real HTTP server on 127.0.0.1 whose answers a test scripts one request at a time,
/// and which records every request it receives.
/// </summary>
internal sealed class ScriptedHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _script = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private ScriptedHttpServer(WebApplication app)
    {
        _app = app;
    }

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    /// <summary>Answer used once the script has run out.</summary>
    public Func<HttpContext, Task> Fallback { get; set; } =
        context => Respond(context, 500, """{"__type":"InternalServiceException","Message":"script ran out"}""");

    public static async Task<ScriptedHttpServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new ScriptedHttpServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        server.BaseAddress = new Uri(addresses.Addresses.First());
        return server;
    }

    public void Enqueue(Func<HttpContext, Task> answer) => _script.Enqueue(answer);

    public void EnqueueJson(int status, string body, params (string Name, string Value)[] headers) =>
        Enqueue(context => Respond(context, status, body, headers));

    public static async Task Respond(
        HttpContext context,
        int status,
        string body,
        params (string Name, string Value)[] headers)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/x-amz-json-1.1";
        context.Response.Headers["x-amzn-RequestId"] = "req-" + Guid.NewGuid().ToString("N");
        foreach (var (name, value) in headers)
        {
            context.Response.Headers[name] = value;
        }

        await context.Response.WriteAsync(body);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        string body = await reader.ReadToEndAsync();
        var headers = context.Request.Headers.ToDictionary(
            header => header.Key,
            header => header.Value.ToString(),
            StringComparer.OrdinalIgnoreCase);
        _requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path, headers, body));

        var answer = _script.TryDequeue(out var next) ? next : Fallback;
        await answer(context);
    }
}
