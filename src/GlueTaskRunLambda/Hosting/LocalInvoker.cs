using System.Text;
using System.Text.Json;
using GlueTaskRunLambda.Errors;
using GlueTaskRunLambda.Serialization;

namespace GlueTaskRunLambda.Hosting;

/// <summary>
/// Runs the function once outside Lambda: the event comes from a file or standard input,
/// the status document goes to standard output, and a function error goes to standard
/// error as its last line, {"errorType": ..., "errorMessage": ...}, with exit code 1.
/// </summary>
internal sealed class LocalInvoker
{
    public const int Success = 0;
    public const int FunctionFailed = 1;
    public const int UsageError = 64;

    /// <summary>
    /// Largest event the local invoke reads: Lambda's 6 MB payload limit with room to
    /// spare, so any event Lambda could deliver is accepted.
    /// </summary>
    public const int MaxEventBytes = 8 * 1024 * 1024;

    /// <summary>Exit code after Ctrl+C, as shells report a process ended by SIGINT.</summary>
    public const int Cancelled = 130;

    public const string Usage =
        "Usage: bootstrap [EVENT_FILE | -]\n"
        + "Runs the function once on the event in EVENT_FILE, or on standard input when the file is - or\n"
        + "left out, and prints the status document. Set AWS_REGION and credentials, and\n"
        + "AWS_ENDPOINT_URL_GLUE to use a local Glue endpoint. LOCAL_TIMEOUT_SECONDS (default 30, 1 to\n"
        + "900) sets the invocation deadline.\n"
        + "Exit codes: 0 the status document is on standard output; 1 a function error, whose JSON\n"
        + "{\"errorType\", \"errorMessage\"} is the last line of standard error; 64 a usage error;\n"
        + "130 interrupted by Ctrl+C; 70 an unexpected failure, reported in one line.";

    private readonly ILambdaFunction _function;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _timeout;

    public LocalInvoker(ILambdaFunction function, TimeProvider timeProvider, TimeSpan timeout)
    {
        _function = function;
        _timeProvider = timeProvider;
        _timeout = timeout;
    }

    public async Task<int> RunAsync(
        IReadOnlyList<string> args,
        Stream standardInput,
        TextWriter standardOutput,
        TextWriter standardError,
        CancellationToken cancellationToken,
        bool inputIsTerminal = false)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(standardOutput);
        ArgumentNullException.ThrowIfNull(standardError);

        if (args.Count > 1 || (args.Count == 1 && args[0] is "-h" or "--help"))
        {
            await standardError.WriteLineAsync(Usage).ConfigureAwait(false);
            return args.Count == 1 ? Success : UsageError;
        }

        if (args.Count == 0 && inputIsTerminal)
        {
            // Waiting on a terminal with no prompt looks like a hang; say what is expected.
            await standardError.WriteLineAsync(Usage).ConfigureAwait(false);
            return UsageError;
        }

        byte[]? input;
        string source = args.Count == 0 || args[0] == "-" ? "-" : args[0];
        try
        {
            input = source == "-"
                ? await ReadAtMostAsync(standardInput, cancellationToken).ConfigureAwait(false)
                : await ReadFileAtMostAsync(source, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException)
        {
            await standardError.WriteLineAsync($"Cannot read the event file '{source}': {exception.Message}")
                .ConfigureAwait(false);
            return UsageError;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await standardError.WriteLineAsync("Cancelled while reading the event.").ConfigureAwait(false);
            return Cancelled;
        }

        if (input is null)
        {
            await standardError.WriteLineAsync(
                $"The event in '{source}' is larger than {MaxEventBytes} bytes; Lambda accepts events of at "
                + "most 6 MB. Send a smaller event.").ConfigureAwait(false);
            return UsageError;
        }

        var context = new InvocationContext
        {
            RequestId = "local-" + Guid.NewGuid().ToString("N"),
            Deadline = _timeProvider.GetUtcNow() + _timeout,
        };

        try
        {
            byte[] output = await _function.InvokeAsync(input, context, cancellationToken).ConfigureAwait(false);
            await standardOutput.WriteLineAsync(Encoding.UTF8.GetString(output)).ConfigureAwait(false);
            await standardOutput.FlushAsync(cancellationToken).ConfigureAwait(false);
            return Success;
        }
        catch (FunctionError error)
        {
            await WriteErrorAsync(standardError, error).ConfigureAwait(false);
            return FunctionFailed;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await standardError.WriteLineAsync("Cancelled before the function finished.").ConfigureAwait(false);
            return Cancelled;
        }
    }

    /// <summary>Writes <paramref name="error"/> as the JSON error line that ends standard error.</summary>
    public static async Task WriteErrorAsync(TextWriter standardError, FunctionError error)
    {
        ArgumentNullException.ThrowIfNull(standardError);
        ArgumentNullException.ThrowIfNull(error);

        string line = JsonSerializer.Serialize(ErrorBodies.From(error), FunctionJsonContext.Relaxed.ErrorBody);
        await standardError.WriteLineAsync(line).ConfigureAwait(false);
        await standardError.FlushAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Reads the whole stream, or returns null as soon as it passes <see cref="MaxEventBytes"/>,
    /// so an endless input such as /dev/zero cannot exhaust memory.
    /// </summary>
    private static async Task<byte[]?> ReadAtMostAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[81_920];
        int read;
        // WaitAsync: a console stream's read ignores the token, and Ctrl+C must still end the wait.
        while ((read = await stream.ReadAsync(chunk, cancellationToken).AsTask().WaitAsync(cancellationToken)
                   .ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxEventBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static async Task<byte[]?> ReadFileAtMostAsync(string path, CancellationToken cancellationToken)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true);
        await using (file.ConfigureAwait(false))
        {
            return await ReadAtMostAsync(file, cancellationToken).ConfigureAwait(false);
        }
    }
}
