namespace GlueTaskRunLambda.LocalGlue.Protocol.Wire;

/// <summary>Filter member of GetMLTaskRuns, with the enums as strings until they are validated.</summary>
internal sealed record TaskRunFilterCriteria(
    string? TaskRunType,
    string? Status,
    DateTimeOffset? StartedBefore,
    DateTimeOffset? StartedAfter);
