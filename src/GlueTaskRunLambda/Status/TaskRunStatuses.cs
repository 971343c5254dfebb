namespace GlueTaskRunLambda.Status;

/// <summary>Glue's ML task run status values and which of them end a run.</summary>
internal static class TaskRunStatuses
{
    public const string Starting = "STARTING";
    public const string Running = "RUNNING";
    public const string Stopping = "STOPPING";
    public const string Stopped = "STOPPED";
    public const string Succeeded = "SUCCEEDED";
    public const string Failed = "FAILED";
    public const string Timeout = "TIMEOUT";

    /// <summary>
    /// Returns true exactly for the four final statuses. A status Glue adds later is not
    /// terminal, so the loop keeps polling until the wait bound rather than guessing.
    /// </summary>
    public static bool IsTerminal(string? status) =>
        status is Succeeded or Failed or Timeout or Stopped;
}
