namespace GlueTaskRunLambda.LocalGlue.Protocol.Wire;

/// <summary>
/// A task run as Glue returns it: the response of GetMLTaskRun and each entry of
/// GetMLTaskRuns' TaskRuns. Null members are left out of the JSON.
/// </summary>
internal sealed record TaskRunDocument(
    string TransformId,
    string TaskRunId,
    string Status,
    string LogGroupName,
    TaskRunPropertiesDocument Properties,
    string? ErrorString,
    DateTimeOffset StartedOn,
    DateTimeOffset LastModifiedOn,
    DateTimeOffset? CompletedOn,
    int ExecutionTime);
