namespace GlueTaskRunLambda.LocalGlue.Simulation;

/// <summary>What Glue would return for a run at one moment.</summary>
/// <param name="CompletedOn">Set only once the status is terminal.</param>
/// <param name="ExecutionTimeSeconds">Whole simulated seconds from the start, frozen at the outcome.</param>
/// <param name="ErrorString">Set only for FAILED and TIMEOUT.</param>
internal sealed record TaskRunSnapshot(
    TaskRunDefinition Definition,
    TaskStatusType Status,
    DateTimeOffset StartedOn,
    DateTimeOffset LastModifiedOn,
    DateTimeOffset? CompletedOn,
    int ExecutionTimeSeconds,
    string? ErrorString);
