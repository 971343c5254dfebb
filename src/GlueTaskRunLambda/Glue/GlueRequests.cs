using System.Text.Json.Serialization;
using GlueTaskRunLambda.Serialization;

namespace GlueTaskRunLambda.Glue;

/// <summary>The JSON body of Glue's GetMLTaskRun request.</summary>
internal sealed record GetMLTaskRunBody(string TransformId, string TaskRunId);

/// <summary>The JSON body of Glue's GetMLTaskRuns request.</summary>
internal sealed record GetMLTaskRunsBody(
    string TransformId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? NextToken,
    int MaxResults,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TaskRunFilter? Filter,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TaskRunSort? Sort);

/// <summary>Glue's TaskRunFilterCriteria. Timestamps go out as epoch seconds.</summary>
internal sealed record TaskRunFilter(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TaskRunType,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull),
               JsonConverter(typeof(EpochSecondsConverter))] DateTimeOffset? StartedBefore,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull),
               JsonConverter(typeof(EpochSecondsConverter))] DateTimeOffset? StartedAfter);

/// <summary>Glue's TaskRunSortCriteria.</summary>
internal sealed record TaskRunSort(string Column, string SortDirection);

/// <summary>The JSON body of Glue's GetMLTaskRuns response.</summary>
internal sealed class GetMLTaskRunsResult
{
    public List<GlueTaskRun>? TaskRuns { get; set; }

    public string? NextToken { get; set; }
}
