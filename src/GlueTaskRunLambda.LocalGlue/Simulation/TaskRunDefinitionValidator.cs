using System.Globalization;
using GlueTaskRunLambda.LocalGlue.Protocol;

namespace GlueTaskRunLambda.LocalGlue.Simulation;

/// <summary>
/// Turns <see cref="SimulatedTaskRun"/> entries into definitions, rejecting any entry that
/// Glue could not return.
/// </summary>
internal static class TaskRunDefinitionValidator
{
    /// <summary>
    /// Validates every entry and converts it.
    /// </summary>
    /// <param name="runs">Entries in file order.</param>
    /// <param name="source">Where the entries came from, for error messages.</param>
    /// <exception cref="InvalidDataException">An entry is invalid or a TaskRunId repeats.</exception>
    public static IReadOnlyList<TaskRunDefinition> Validate(IReadOnlyList<SimulatedTaskRun> runs, string source)
    {
        var definitions = new List<TaskRunDefinition>(runs.Count);
        var taskRunIds = new HashSet<string>(StringComparer.Ordinal);

        for (int index = 0; index < runs.Count; index++)
        {
            SimulatedTaskRun run = runs[index];
            string? error = FindError(run, out TaskType taskType, out TaskStatusType outcome);
            if (error is null && !taskRunIds.Add(run.TaskRunId))
            {
                error = $"TaskRunId '{run.TaskRunId}' appears more than once; every run needs its own id.";
            }

            if (error is not null)
            {
                throw new InvalidDataException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Run {index} (0-based) in {source} is invalid: {error}"));
            }

            definitions.Add(Convert(run, taskType, outcome));
        }

        return definitions;
    }

    private static string? FindError(SimulatedTaskRun run, out TaskType taskType, out TaskStatusType outcome)
    {
        taskType = default;
        outcome = default;
        string? idError = GlueIdRules.FindError(nameof(run.TransformId), run.TransformId)
            ?? GlueIdRules.FindError(nameof(run.TaskRunId), run.TaskRunId);
        if (idError is not null)
        {
            return idError;
        }

        if (!WireNames.TryParseTaskType(run.TaskType, out taskType))
        {
            return $"TaskType '{run.TaskType}' must be one of {string.Join(", ", WireNames.TaskTypes)}.";
        }

        if (!WireNames.TryParseStatus(run.Outcome, out outcome) || !outcome.IsTerminal())
        {
            return $"Outcome '{run.Outcome}' must be one of SUCCEEDED, FAILED, TIMEOUT, STOPPED.";
        }

        if (!double.IsFinite(run.DurationSeconds) || run.DurationSeconds <= 0)
        {
            return string.Create(
                CultureInfo.InvariantCulture,
                $"DurationSeconds {run.DurationSeconds} must be a number of seconds greater than 0.");
        }

        bool needsError = outcome is TaskStatusType.Failed or TaskStatusType.Timeout;
        if (needsError && string.IsNullOrEmpty(run.ErrorString))
        {
            return $"ErrorString is missing: a run with Outcome {run.Outcome} must set one.";
        }

        if (!needsError && run.ErrorString is not null)
        {
            return $"ErrorString is set, but Glue returns one only for FAILED and TIMEOUT runs, not {run.Outcome}.";
        }

        if (run.ThrottleFirst < 0 || run.FailFirst < 0)
        {
            return "ThrottleFirst and FailFirst must be 0 or greater.";
        }

        return FindPropertiesError(run, taskType);
    }

    private static string? FindPropertiesError(SimulatedTaskRun run, TaskType taskType)
    {
        switch (taskType)
        {
            case TaskType.ImportLabels when string.IsNullOrEmpty(run.InputS3Path):
                return "InputS3Path is missing: an IMPORT_LABELS run must set it.";
            case TaskType.ExportLabels or TaskType.LabelingSetGeneration when string.IsNullOrEmpty(run.OutputS3Path):
                return $"OutputS3Path is missing: a {run.TaskType} run must set it.";
            case TaskType.FindMatches
                when string.IsNullOrEmpty(run.JobId)
                    || string.IsNullOrEmpty(run.JobName)
                    || string.IsNullOrEmpty(run.JobRunId):
                return "JobId, JobName or JobRunId is missing: a FIND_MATCHES run must set all three.";
            default:
                return null;
        }
    }

    private static TaskRunDefinition Convert(SimulatedTaskRun run, TaskType taskType, TaskStatusType outcome)
    {
        // Properties of other task types are dropped, because Glue returns only the
        // properties object that matches the TaskType.
        return new TaskRunDefinition
        {
            TransformId = run.TransformId,
            TaskRunId = run.TaskRunId,
            TaskType = taskType,
            Outcome = outcome,
            DurationSeconds = run.DurationSeconds,
            LogGroupName = run.LogGroupName ?? TaskRunDefinition.DefaultLogGroupName(run.TransformId),
            ErrorString = run.ErrorString,
            InputS3Path = taskType == TaskType.ImportLabels ? run.InputS3Path : null,
            Replace = taskType == TaskType.ImportLabels && run.Replace,
            OutputS3Path = taskType is TaskType.ExportLabels or TaskType.LabelingSetGeneration ? run.OutputS3Path : null,
            JobId = taskType == TaskType.FindMatches ? run.JobId : null,
            JobName = taskType == TaskType.FindMatches ? run.JobName : null,
            JobRunId = taskType == TaskType.FindMatches ? run.JobRunId : null,
            ThrottleFirst = run.ThrottleFirst,
            FailFirst = run.FailFirst,
        };
    }
}
