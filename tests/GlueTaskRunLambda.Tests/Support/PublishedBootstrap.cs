using System.Diagnostics;
using GlueTaskRunLambda.LocalGlue;

namespace GlueTaskRunLambda.Tests.Support;

/// <summary>The output of one run of the published bootstrap.</summary>
internal sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    public string LastErrorLine =>
        StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";

    /// <summary>The {"errorType", "errorMessage"} object the local invoke writes as its last line on error.</summary>
    public System.Text.Json.JsonElement ErrorBody => System.Text.Json.JsonDocument.Parse(LastErrorLine).RootElement;
}

/// <summary>
/// Runs the Native AOT bootstrap that <c>scripts/test.sh</c> publishes to
/// artifacts/bootstrap-linux-x64 (or the path in BOOTSTRAP_PATH).
/// </summary>
internal static class PublishedBootstrap
{
    public const string SessionToken = "local-session-token-0123456789";

    public static string Path
    {
        get
        {
            string? configured = System.Environment.GetEnvironmentVariable("BOOTSTRAP_PATH");
            string path = string.IsNullOrEmpty(configured)
                ? System.IO.Path.Combine(RepositoryPaths.Root, "artifacts", "bootstrap-linux-x64", "bootstrap")
                : configured;
            if (!File.Exists(path))
            {
                throw new FileNotFoundException(
                    $"The published bootstrap is missing at '{path}'. Run scripts/test.sh, or publish it with "
                    + "'dotnet publish src/GlueTaskRunLambda -c Release -r linux-x64 -o artifacts/bootstrap-linux-x64'.");
            }

            return path;
        }
    }

    /// <summary>
    /// Environment for a run against <paramref name="glue"/>, with its fake credentials and
    /// the instance metadata lookup turned off, so nothing leaves 127.0.0.1.
    /// </summary>
    public static Dictionary<string, string?> Environment(LocalGlueServer glue, LocalGlueOptions options) => new()
    {
        ["AWS_REGION"] = options.Region,
        ["AWS_ACCESS_KEY_ID"] = options.AccessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = options.SecretAccessKey,
        ["AWS_SESSION_TOKEN"] = options.SessionToken,
        ["AWS_ENDPOINT_URL_GLUE"] = glue.BaseAddress.ToString(),
        ["AWS_EC2_METADATA_DISABLED"] = "true",
        ["AWS_LAMBDA_RUNTIME_API"] = null,
        ["AWS_CA_BUNDLE"] = null,
        ["AWS_PROFILE"] = null,
    };

    /// <summary>
    /// Arguments that make <see cref="RunAsync"/> run the bootstrap through bash with a
    /// redirection of its standard output, such as "> /dev/full", on the given event.
    /// </summary>
    public static string[] ShellRedirect(string redirection, string eventJson) =>
        [ShellMarker, $"printf '%s' '{eventJson}' | \"$0\" - {redirection}"];

    private const string ShellMarker = "--through-bash";

    public static Task<ProcessResult> RunAsync(
        IReadOnlyDictionary<string, string?> environment,
        string? standardInput,
        params string[] arguments) =>
        RunAsync(environment, standardInput, interruptAfter: null, arguments);

    public static async Task<ProcessResult> RunAsync(
        IReadOnlyDictionary<string, string?> environment,
        string? standardInput,
        TimeSpan? interruptAfter,
        params string[] arguments)
    {
        bool throughBash = arguments.Length > 0 && arguments[0] == ShellMarker;
        var start = new ProcessStartInfo(throughBash ? "bash" : Path)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (throughBash)
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(arguments[1]);
            start.ArgumentList.Add(Path);
        }
        else
        {
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput);
        }

        process.StandardInput.Close();

        if (interruptAfter is { } delay)
        {
            await Task.Delay(delay);
            using var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bootstrap did not exit within 60 s. Standard error so far: {await error}");
        }

        return new ProcessResult(process.ExitCode, await output, await error);
    }
}
