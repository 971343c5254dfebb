namespace GlueTaskRunLambda.LocalGlue.Simulation;

/// <summary>Glue's TaskStatusType of an ML task run, converted by <see cref="WireNames"/>.</summary>
internal enum TaskStatusType
{
    Starting,
    Running,
    Stopping,
    Stopped,
    Succeeded,
    Failed,
    Timeout,
}
