using System.Runtime.InteropServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace GlueTaskRunLambda.LocalGlue;

/// <summary>
/// The local-glue command: starts a <see cref="LocalGlueServer"/>, prints the ready line
/// and serves until SIGINT or SIGTERM.
/// </summary>
internal static partial class Program
{
    /// <summary>
    /// Runs the command. The exit code is 0 after a clean stop, 1 when the server cannot
    /// start and 2 for invalid arguments.
    /// </summary>
    public static async Task<int> Main(string[] args)
    {
        using ILoggerFactory loggerFactory = CreateLoggerFactory();
        ILogger logger = loggerFactory.CreateLogger(ServerLog.Category);

        LocalGlueOptions? options = CommandLine.Parse(args, loggerFactory, out bool helpRequested, out string? error);
        if (helpRequested)
        {
            await Console.Out.WriteLineAsync(CommandLine.Usage).ConfigureAwait(false);
            return 0;
        }

        if (options is null)
        {
            await Console.Error.WriteLineAsync($"local-glue: {error} Run local-glue --help for the options.")
                .ConfigureAwait(false);
            return 2;
        }

        LocalGlueServer server;
        try
        {
            server = await LocalGlueServer.StartAsync(options).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException or UnauthorizedAccessException or ArgumentException)
        {
            // The message names the file or the port; a stack trace would only bury it.
            StartFailed(logger, exception.Message);
            return 1;
        }

        await using (server.ConfigureAwait(false))
        {
            var stopSignal = new TaskCompletionSource<PosixSignal>(TaskCreationOptions.RunContinuationsAsynchronously);
            void OnSignal(PosixSignalContext context)
            {
                // Cancel the default termination so that the server can stop cleanly.
                context.Cancel = true;
                stopSignal.TrySetResult(context.Signal);
            }

            using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
            using PosixSignalRegistration terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);

            // Scripts and tests wait for this exact line on standard output.
            string origin = server.BaseAddress.GetLeftPart(UriPartial.Authority);
            await Console.Out.WriteLineAsync($"local-glue listening on {origin}").ConfigureAwait(false);
            await Console.Out.FlushAsync().ConfigureAwait(false);

            PosixSignal signal = await stopSignal.Task.ConfigureAwait(false);
            Stopping(logger, signal);
        }

        return 0;
    }

    private static ILoggerFactory CreateLoggerFactory() =>
        LoggerFactory.Create(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Information);
            logging.AddFilter("Microsoft", LogLevel.Warning);

            // The host logs a failed start too, but Main logs it already with the reason.
            logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
            logging.AddSimpleConsole(console =>
            {
                console.SingleLine = true;
                console.UseUtcTimestamp = true;
                console.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            });

            // Standard output carries only the ready line, so every log line goes to
            // standard error.
            logging.Services.Configure<ConsoleLoggerOptions>(console =>
                console.LogToStandardErrorThreshold = LogLevel.Trace);
        });

    [LoggerMessage(EventId = 10, Level = LogLevel.Error, Message = "Failed to start: {Reason}")]
    private static partial void StartFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "Received {Signal}; stopping")]
    private static partial void Stopping(ILogger logger, PosixSignal signal);
}
