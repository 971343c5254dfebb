namespace GlueTaskRunLambda.Input;

/// <summary>The run an event names, and the loop state the event carries.</summary>
internal sealed record TaskRunRequest
{
    public required string TransformId { get; init; }

    /// <summary>Null only for a CloudTrail event that recorded no run id; see <see cref="Lookup"/>.</summary>
    public string? TaskRunId { get; init; }

    public required EventKind Kind { get; init; }

    public int? MinPollSeconds { get; init; }

    public int? MaxPollSeconds { get; init; }

    public int? MaxWaitSeconds { get; init; }

    public bool? CancelOnWaitBound { get; init; }

    /// <summary>Polls made before this one, from a previous status document; 0 at first.</summary>
    public int PreviousPollCount { get; init; }

    public DateTimeOffset? FirstCheckedOn { get; init; }

    /// <summary>How to find the run when the event named none.</summary>
    public TaskRunLookup? Lookup { get; init; }
}

/// <summary>The task type and start time of a run to find with GetMLTaskRuns.</summary>
internal sealed record TaskRunLookup(string TaskType, DateTimeOffset StartedNear, string EventName);

/// <summary>The form of event the function was given.</summary>
internal enum EventKind
{
    /// <summary>An object with TransformId and TaskRunId, or a previous status document.</summary>
    Direct,

    /// <summary>A custom EventBridge event whose detail has TransformId and TaskRunId.</summary>
    EventBridge,

    /// <summary>CloudTrail's record of a Glue Start*TaskRun call, delivered by EventBridge.</summary>
    CloudTrail,
}
