using System.Diagnostics;
using System.Text;

namespace GlueTaskRunLambda.Tests.LocalGlue;

/// <summary>
/// A local-glue process started with <c>dotnet local-glue.dll</c> from the test output
/// folder, with its standard output and standard error captured.
/// </summary>
internal sealed class LocalGlueProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _standardError = new();
    private readonly Lock _standardErrorGate = new();

    private LocalGlueProcess(Process process)
    {
        _process = process;
    }

    public int Id => _process.Id;

    /// <summary>Standard error captured so far.</summary>
    public string StandardError
    {
        get
        {
            lock (_standardErrorGate)
            {
                return _standardError.ToString();
            }
        }
    }

    public static LocalGlueProcess Start(params string[] arguments)
    {
        // dotnet test sets DOTNET_HOST_PATH to the dotnet executable that runs the tests.
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var startInfo = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "local-glue.dll"));
        foreach (string argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = startInfo };
        var localGlue = new LocalGlueProcess(process);
        process.ErrorDataReceived += (_, line) => localGlue.AppendStandardError(line.Data);
        process.Start();
        process.BeginErrorReadLine();
        return localGlue;
    }

    /// <summary>Reads the next line of standard output, or returns null at its end.</summary>
    public async Task<string?> ReadLineAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        return await _process.StandardOutput.ReadLineAsync(cancellation.Token);
    }

    /// <summary>Sends SIGTERM, the signal that service managers and container runtimes stop with.</summary>
    public async Task TerminateAsync()
    {
        using Process kill = Process.Start("kill", ["-TERM", Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    /// <summary>Waits for the exit and returns the exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancellation.Token);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void AppendStandardError(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_standardErrorGate)
        {
            _standardError.AppendLine(line);
        }
    }
}
