using System.Globalization;
using GlueTaskRunLambda.Errors;

namespace GlueTaskRunLambda;

/// <summary>
/// The function's settings from its environment variables, each overridable per
/// execution in the input where the input has the matching field.
/// </summary>
internal sealed record FunctionSettings
{
    public const string MinPollVariable = "POLL_MIN_SECONDS";
    public const string MaxPollVariable = "POLL_MAX_SECONDS";
    public const string MaxWaitVariable = "MAX_WAIT_SECONDS";
    public const string CancelOnWaitBoundVariable = "CANCEL_ON_WAIT_BOUND";

    /// <summary>Limits on the poll bounds: Step Functions waits up to a year, but a poll
    /// more than a day apart would hide a finished run for too long.</summary>
    public const int MaxPollLimit = 86_400;

    /// <summary>A Standard workflow runs for at most one year.</summary>
    public const int MaxWaitLimit = 31_536_000;

    public int MinPollSeconds { get; init; } = 30;

    public int MaxPollSeconds { get; init; } = 300;

    public int MaxWaitSeconds { get; init; } = 86_400;

    public bool CancelOnWaitBound { get; init; }

    /// <summary>
    /// Reads the settings, rejecting a value that is not a whole number in range with an
    /// error that names the variable, the value and the rule.
    /// </summary>
    public static FunctionSettings FromEnvironment(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);

        var defaults = new FunctionSettings();
        var settings = new FunctionSettings
        {
            MinPollSeconds = ReadInt(getVariable, MinPollVariable, defaults.MinPollSeconds, 1, MaxPollLimit),
            MaxPollSeconds = ReadInt(getVariable, MaxPollVariable, defaults.MaxPollSeconds, 1, MaxPollLimit),
            MaxWaitSeconds = ReadInt(getVariable, MaxWaitVariable, defaults.MaxWaitSeconds, 1, MaxWaitLimit),
            CancelOnWaitBound = ReadBool(getVariable, CancelOnWaitBoundVariable),
        };

        if (settings.MinPollSeconds > settings.MaxPollSeconds)
        {
            throw new InvalidFunctionConfiguration(
                $"{MinPollVariable} ({settings.MinPollSeconds}) is greater than {MaxPollVariable} "
                + $"({settings.MaxPollSeconds}). Set the minimum at or below the maximum.");
        }

        return settings;
    }

    private static int ReadInt(Func<string, string?> getVariable, string name, int fallback, int min, int max)
    {
        string? text = getVariable(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value)
            || value < min
            || value > max)
        {
            throw new InvalidFunctionConfiguration(
                $"{name} '{text}' is invalid: it must be a whole number of seconds from {min} to {max}.");
        }

        return value;
    }

    private static bool ReadBool(Func<string, string?> getVariable, string name)
    {
        string? text = getVariable(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (!bool.TryParse(text, out bool value))
        {
            throw new InvalidFunctionConfiguration($"{name} '{text}' is invalid: it must be true or false.");
        }

        return value;
    }
}
