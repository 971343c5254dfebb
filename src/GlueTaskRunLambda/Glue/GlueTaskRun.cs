using System.Text.Json.Serialization;
using GlueTaskRunLambda.Serialization;

namespace GlueTaskRunLambda.Glue;

/// <summary>
/// One ML task run as Glue's GetMLTaskRun and GetMLTaskRuns return it. Glue marks no
/// member as required, so every member may be null.
/// </summary>
internal sealed class GlueTaskRun
{
    public string? TransformId { get; set; }

    public string? TaskRunId { get; set; }

    public string? Status { get; set; }

    public string? LogGroupName { get; set; }

    public GlueTaskRunProperties? Properties { get; set; }

    public string? ErrorString { get; set; }

    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? StartedOn { get; set; }

    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? LastModifiedOn { get; set; }

    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? CompletedOn { get; set; }

    /// <summary>Seconds for which the run consumed resources.</summary>
    public long? ExecutionTime { get; set; }
}

/// <summary>Glue's TaskRunProperties: the task type and the settings of that type.</summary>
internal sealed class GlueTaskRunProperties
{
    public string? TaskType { get; set; }

    public GlueImportLabelsProperties? ImportLabelsTaskRunProperties { get; set; }

    public GlueOutputPathProperties? ExportLabelsTaskRunProperties { get; set; }

    public GlueOutputPathProperties? LabelingSetGenerationTaskRunProperties { get; set; }

    public GlueFindMatchesProperties? FindMatchesTaskRunProperties { get; set; }
}

internal sealed class GlueImportLabelsProperties
{
    public string? InputS3Path { get; set; }

    public bool? Replace { get; set; }
}

internal sealed class GlueOutputPathProperties
{
    public string? OutputS3Path { get; set; }
}

internal sealed class GlueFindMatchesProperties
{
    public string? JobId { get; set; }

    public string? JobName { get; set; }

    public string? JobRunId { get; set; }
}
