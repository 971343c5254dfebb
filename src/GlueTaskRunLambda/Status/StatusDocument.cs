using System.Text.Json.Serialization;
using GlueTaskRunLambda.Serialization;

namespace GlueTaskRunLambda.Status;

/// <summary>
/// The flat status document the function returns and the wait loop branches on. Every
/// property is always written, as null when unknown, so that a Choice rule on any path
/// never fails for a missing field. The loop may pass the document back in unchanged.
/// </summary>
internal sealed record StatusDocument
{
    public required string TransformId { get; init; }

    public required string TaskRunId { get; init; }

    public string? Status { get; init; }

    /// <summary>True exactly for SUCCEEDED, FAILED, TIMEOUT and STOPPED.</summary>
    public bool IsTerminal { get; init; }

    public string? TaskType { get; init; }

    public string? LogGroupName { get; init; }

    /// <summary>Glue's error text, cut to <see cref="StatusLimits.MaxErrorStringLength"/>.</summary>
    public string? ErrorString { get; init; }

    [JsonConverter(typeof(Rfc3339Converter))]
    public DateTimeOffset? StartedOn { get; init; }

    [JsonConverter(typeof(Rfc3339Converter))]
    public DateTimeOffset? LastModifiedOn { get; init; }

    [JsonConverter(typeof(Rfc3339Converter))]
    public DateTimeOffset? CompletedOn { get; init; }

    /// <summary>Seconds for which the run consumed resources.</summary>
    public long? ExecutionTime { get; init; }

    public string? ImportLabelsInputS3Path { get; init; }

    public bool? ImportLabelsReplace { get; init; }

    public string? ExportLabelsOutputS3Path { get; init; }

    public string? LabelingSetGenerationOutputS3Path { get; init; }

    public string? FindMatchesJobId { get; init; }

    public string? FindMatchesJobName { get; init; }

    public string? FindMatchesJobRunId { get; init; }

    /// <summary>When the function read this status from Glue.</summary>
    [JsonConverter(typeof(Rfc3339Converter))]
    public DateTimeOffset? CheckedOn { get; init; }

    /// <summary>Number of Glue reads of this run so far, this one included.</summary>
    public int PollCount { get; init; }

    /// <summary>Seconds the loop should wait before the next poll; 0 once terminal.</summary>
    public int NextPollSeconds { get; init; }

    public int MinPollSeconds { get; init; }

    public int MaxPollSeconds { get; init; }

    /// <summary>True when <see cref="ErrorString"/> was cut to keep the document small.</summary>
    public bool ErrorStringTruncated { get; init; }

    /// <summary>Length in UTF-16 code units of the ErrorString Glue sent, before any cut.</summary>
    public int? ErrorStringLength { get; init; }

    /// <summary>When the function first read this run, carried forward from poll to poll.</summary>
    [JsonConverter(typeof(Rfc3339Converter))]
    public DateTimeOffset? FirstCheckedOn { get; init; }

    /// <summary>Maximum total seconds to wait for the run, counted from FirstCheckedOn.</summary>
    public int MaxWaitSeconds { get; init; }

    [JsonConverter(typeof(Rfc3339Converter))]
    public DateTimeOffset? WaitDeadline { get; init; }

    /// <summary>True when the run is not terminal and the wait deadline has passed.</summary>
    public bool WaitExpired { get; init; }

    /// <summary>Whether the wait loop cancels the Glue run when the wait deadline passes.</summary>
    public bool CancelOnWaitBound { get; init; }
}
