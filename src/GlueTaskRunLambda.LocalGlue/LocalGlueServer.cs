using System.Net;
using GlueTaskRunLambda.LocalGlue.Protocol;
using GlueTaskRunLambda.LocalGlue.Signing;
using GlueTaskRunLambda.LocalGlue.Simulation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GlueTaskRunLambda.LocalGlue;

/// <summary>
/// A local Glue endpoint on 127.0.0.1 that serves the ML task run operations over
/// awsJson1_1, verifies SigV4 signatures and simulates task runs, for use with no AWS
/// account. Start it with <see cref="StartAsync"/> and stop it with <see cref="DisposeAsync"/>.
/// </summary>
public sealed class LocalGlueServer : IAsyncDisposable
{
    /// <summary>Largest request body accepted. Glue does not document its own limit.</summary>
    private const long MaxRequestBodyBytes = 1024 * 1024;

    private readonly WebApplication _app;
    private readonly RequestJournal _journal;
    private readonly ILogger _logger;
    private int _disposed;

    private LocalGlueServer(WebApplication app, RequestJournal journal, ILogger logger, Uri baseAddress)
    {
        _app = app;
        _journal = journal;
        _logger = logger;
        BaseAddress = baseAddress;
    }

    /// <summary>Address to send requests to, such as <c>http://127.0.0.1:4599/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Every request received so far, in arrival order, including rejected ones.</summary>
    public IReadOnlyList<LocalGlueRequest> ReceivedRequests => _journal.Snapshot();

    /// <summary>Counts the received requests for an operation, optionally only those naming one task run.</summary>
    /// <param name="operation">Operation name without the AWSGlue. prefix, such as GetMLTaskRun.</param>
    /// <param name="taskRunId">When not null, only requests whose TaskRunId is this value count.</param>
    public int CountRequests(string operation, string? taskRunId = null) =>
        _journal.Snapshot().Count(request =>
            string.Equals(request.Operation, operation, StringComparison.Ordinal)
            && (taskRunId is null || string.Equals(request.TaskRunId, taskRunId, StringComparison.Ordinal)));

    /// <summary>Loads the simulated runs, binds 127.0.0.1 and starts serving.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    /// <exception cref="InvalidDataException">The runs file or <see cref="LocalGlueOptions.Runs"/> is invalid.</exception>
    /// <exception cref="IOException">The runs file cannot be read, or the port is in use.</exception>
    public static async Task<LocalGlueServer> StartAsync(
        LocalGlueOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ValidateOptions(options);

        string runsSource = options.Runs is null ? $"'{options.RunsFile}'" : "LocalGlueOptions.Runs";
        IReadOnlyList<SimulatedTaskRun> runs = options.Runs ?? SimulatedTaskRuns.Load(options.RunsFile);
        var store = new TaskRunStore(
            TaskRunDefinitionValidator.Validate(runs, runsSource),
            options.TimeProvider,
            options.TimeScale,
            options.StartedRunDurationSeconds);
        var verifier = new SigV4Verifier(
            options.AccessKeyId,
            options.SecretAccessKey,
            options.SessionToken,
            options.Region,
            options.SignatureTimeProvider);

        ILoggerFactory loggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance;
        ILogger logger = loggerFactory.CreateLogger(ServerLog.Category);
        var journal = new RequestJournal();
        var endpoint = new GlueEndpoint(new GlueOperations(store), verifier, journal, options.TimeProvider, logger);

        WebApplication app = BuildApplication(options.Port, loggerFactory);
        app.Run(endpoint.HandleAsync);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        // With port 0, Kestrel reports the port that the system picked.
        string address = app.Services.GetRequiredService<IServer>()
            .Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.First();
        var server = new LocalGlueServer(app, journal, logger, new Uri(address + "/"));
        ServerLog.Started(
            logger,
            server.BaseAddress,
            options.Region,
            options.AccessKeyId,
            options.SessionToken is not null,
            store.Count,
            runsSource,
            options.TimeScale);
        return server;
    }

    /// <summary>Stops accepting requests, lets requests in progress finish and releases the port.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        ServerLog.Stopped(_logger, BaseAddress);
    }

    private static WebApplication BuildApplication(int port, ILoggerFactory loggerFactory)
    {
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton<IHostLifetime>(new ManualHostLifetime());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port);
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
        });
        return builder.Build();
    }

    private static void ValidateOptions(LocalGlueOptions options)
    {
        if (options.Port is < 0 or > IPEndPoint.MaxPort)
        {
            throw new ArgumentException(
                $"Port {options.Port} is invalid: it must be 0 (any free port) to {IPEndPoint.MaxPort}.",
                nameof(options));
        }

        if (!double.IsFinite(options.TimeScale) || options.TimeScale <= 0)
        {
            throw new ArgumentException(
                $"TimeScale {options.TimeScale} is invalid: it must be a number greater than 0.",
                nameof(options));
        }

        if (!double.IsFinite(options.StartedRunDurationSeconds) || options.StartedRunDurationSeconds <= 0)
        {
            throw new ArgumentException(
                $"StartedRunDurationSeconds {options.StartedRunDurationSeconds} is invalid: it must be a number of seconds greater than 0.",
                nameof(options));
        }

        if (string.IsNullOrEmpty(options.AccessKeyId) || options.AccessKeyId.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException(
                "AccessKeyId is invalid: it must be non-empty and contain no '/'.",
                nameof(options));
        }

        if (string.IsNullOrEmpty(options.SecretAccessKey) || string.IsNullOrEmpty(options.Region))
        {
            throw new ArgumentException("SecretAccessKey and Region must be non-empty.", nameof(options));
        }

        if (options.SessionToken is { Length: 0 })
        {
            throw new ArgumentException(
                "SessionToken is empty: set it to null to accept requests without a session token.",
                nameof(options));
        }
    }
}
