namespace GlueTaskRunLambda.LocalGlue.Protocol.Wire;

/// <summary>Request body of GetMLTaskRuns.</summary>
internal sealed record GetMLTaskRunsRequest(
    string? TransformId,
    string? NextToken,
    int? MaxResults,
    TaskRunFilterCriteria? Filter,
    TaskRunSortCriteria? Sort);
