namespace GlueTaskRunLambda.LocalGlue.Protocol.Wire;

/// <summary>Response of GetMLTaskRuns, whose NextToken is null on the last page.</summary>
internal sealed record GetMLTaskRunsResponse(IReadOnlyList<TaskRunDocument> TaskRuns, string? NextToken);
