namespace GlueTaskRunLambda.LocalGlue.Protocol.Wire;

/// <summary>Sort member of GetMLTaskRuns. Glue requires both members when Sort is present.</summary>
internal sealed record TaskRunSortCriteria(string? Column, string? SortDirection);
