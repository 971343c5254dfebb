namespace GlueTaskRunLambda.LocalGlue.Simulation;

/// <summary>
/// Conversions between the enums and the upper-case names that Glue sends, which are
/// case-sensitive on the wire.
/// </summary>
internal static class WireNames
{
    public static readonly IReadOnlyList<string> TaskTypes =
        ["EVALUATION", "LABELING_SET_GENERATION", "IMPORT_LABELS", "EXPORT_LABELS", "FIND_MATCHES"];

    public static readonly IReadOnlyList<string> Statuses =
        ["STARTING", "RUNNING", "STOPPING", "STOPPED", "SUCCEEDED", "FAILED", "TIMEOUT"];

    public static string ToWire(this TaskType taskType) => TaskTypes[(int)taskType];

    public static string ToWire(this TaskStatusType status) => Statuses[(int)status];

    public static bool TryParseTaskType(string? value, out TaskType taskType)
    {
        int index = IndexOf(TaskTypes, value);
        taskType = (TaskType)Math.Max(index, 0);
        return index >= 0;
    }

    public static bool TryParseStatus(string? value, out TaskStatusType status)
    {
        int index = IndexOf(Statuses, value);
        status = (TaskStatusType)Math.Max(index, 0);
        return index >= 0;
    }

    public static bool IsTerminal(this TaskStatusType status) =>
        status is TaskStatusType.Stopped
            or TaskStatusType.Succeeded
            or TaskStatusType.Failed
            or TaskStatusType.Timeout;

    private static int IndexOf(IReadOnlyList<string> names, string? value)
    {
        for (int i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], value, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
