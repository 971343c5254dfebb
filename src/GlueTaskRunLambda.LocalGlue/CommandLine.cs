using System.Globalization;
using Microsoft.Extensions.Logging;

namespace GlueTaskRunLambda.LocalGlue;

/// <summary>Parses the command line of local-glue into <see cref="LocalGlueOptions"/>.</summary>
internal static class CommandLine
{
    public const string Usage = """
        Usage: local-glue [options]

        Serves the AWS Glue ML task run operations on http://127.0.0.1 for local runs and
        tests. It prints "local-glue listening on http://127.0.0.1:PORT" on standard output
        when ready, logs one line per request on standard error and stops on SIGINT or
        SIGTERM.

        Options:
          --port N                   TCP port on 127.0.0.1; 0 picks a free port. Default: 4599.
          --runs FILE                JSON file of simulated task runs. Default: runs.json
                                     beside local-glue.dll.
          --time-scale X             Simulated seconds per real second; 60 makes a run of
                                     60 s finish in 1 s. Default: 1.
          --start-duration SECONDS   Simulated duration of runs created by the
                                     Start*TaskRun operations. Default: 60.
          --access-key-id ID         Access key id to accept. Default: AKIDLOCALGLUE00000000.
          --secret-access-key KEY    Secret access key to verify signatures with.
                                     Default: local-glue-secret-key.
          --session-token TOKEN      Require this X-Amz-Security-Token on every request.
                                     Default: none, and a request that sends one is rejected.
          --region REGION            Region of the SigV4 credential scope. Default: us-east-1.
          -h, --help                 Print this help and exit.

        The default credentials are fake values for local use only.
        """;

    /// <summary>
    /// Parses the arguments. Returns null and sets <paramref name="error"/> when they are
    /// invalid, or returns null with no error when help was requested.
    /// </summary>
    public static LocalGlueOptions? Parse(
        IReadOnlyList<string> args,
        ILoggerFactory loggerFactory,
        out bool helpRequested,
        out string? error)
    {
        helpRequested = false;
        error = null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);

        for (int i = 0; i < args.Count; i++)
        {
            string argument = args[i];
            if (argument is "-h" or "--help")
            {
                helpRequested = true;
                return null;
            }

            int equals = argument.IndexOf('=', StringComparison.Ordinal);
            string name = equals < 0 ? argument : argument[..equals];
            if (!IsKnownOption(name))
            {
                error = $"Option '{argument}' is unknown.";
                return null;
            }

            if (equals >= 0)
            {
                values[name] = argument[(equals + 1)..];
            }
            else if (i + 1 < args.Count)
            {
                values[name] = args[++i];
            }
            else
            {
                error = $"Option '{name}' needs a value.";
                return null;
            }
        }

        return ToOptions(values, loggerFactory, out error);
    }

    private static bool IsKnownOption(string name) =>
        name is "--port" or "--runs" or "--time-scale" or "--start-duration"
            or "--access-key-id" or "--secret-access-key" or "--session-token" or "--region";

    private static LocalGlueOptions? ToOptions(
        Dictionary<string, string> values,
        ILoggerFactory loggerFactory,
        out string? error)
    {
        error = null;
        int port = LocalGlueOptions.DefaultPort;
        if (values.TryGetValue("--port", out string? portText)
            && (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port > 65535))
        {
            error = $"--port '{portText}' is invalid: it must be a whole number from 0 to 65535.";
            return null;
        }

        double timeScale = 1;
        if (values.TryGetValue("--time-scale", out string? scaleText) && !TryParsePositive(scaleText, out timeScale))
        {
            error = $"--time-scale '{scaleText}' is invalid: it must be a number greater than 0, such as 60.";
            return null;
        }

        double startDuration = 60;
        if (values.TryGetValue("--start-duration", out string? durationText)
            && !TryParsePositive(durationText, out startDuration))
        {
            error = $"--start-duration '{durationText}' is invalid: it must be a number of seconds greater than 0.";
            return null;
        }

        bool hasKeyId = values.TryGetValue("--access-key-id", out string? accessKeyId);
        bool hasSecret = values.TryGetValue("--secret-access-key", out string? secretAccessKey);
        if (hasKeyId != hasSecret)
        {
            error = "--access-key-id and --secret-access-key must be given together.";
            return null;
        }

        return new LocalGlueOptions
        {
            Port = port,
            RunsFile = values.GetValueOrDefault("--runs", SimulatedTaskRuns.DefaultFilePath),
            TimeScale = timeScale,
            StartedRunDurationSeconds = startDuration,
            AccessKeyId = accessKeyId ?? LocalGlueOptions.DefaultAccessKeyId,
            SecretAccessKey = secretAccessKey ?? LocalGlueOptions.DefaultSecretAccessKey,
            SessionToken = values.GetValueOrDefault("--session-token"),
            Region = values.GetValueOrDefault("--region", LocalGlueOptions.DefaultRegion),
            LoggerFactory = loggerFactory,
        };
    }

    private static bool TryParsePositive(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
        && double.IsFinite(value)
        && value > 0;
}
