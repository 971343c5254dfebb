namespace GlueTaskRunLambda.LocalGlue;

/// <summary>
/// One task run that the server simulates: an entry of runs.json. String values use
/// Glue's wire names, such as <c>LABELING_SET_GENERATION</c> and <c>SUCCEEDED</c>.
/// </summary>
public sealed record SimulatedTaskRun
{
    /// <summary>Transform that the run belongs to. Glue calls it TransformId.</summary>
    public required string TransformId { get; init; }

    /// <summary>Id of the run, unique across all simulated runs.</summary>
    public required string TaskRunId { get; init; }

    /// <summary>
    /// EVALUATION, LABELING_SET_GENERATION, IMPORT_LABELS, EXPORT_LABELS or FIND_MATCHES.
    /// </summary>
    public required string TaskType { get; init; }

    /// <summary>
    /// Final status: SUCCEEDED, FAILED, TIMEOUT or STOPPED. A STOPPED run passes through
    /// STOPPING first.
    /// </summary>
    public required string Outcome { get; init; }

    /// <summary>Simulated seconds from the start of the run to its outcome. Must be greater than 0.</summary>
    public required double DurationSeconds { get; init; }

    /// <summary>ErrorString returned once the run has FAILED or timed out. Required for those outcomes.</summary>
    public string? ErrorString { get; init; }

    /// <summary>Source of the labels of an IMPORT_LABELS run. Required for that type.</summary>
    public string? InputS3Path { get; init; }

    /// <summary>Whether an IMPORT_LABELS run replaces all existing labels.</summary>
    public bool Replace { get; init; }

    /// <summary>Destination of an EXPORT_LABELS or LABELING_SET_GENERATION run. Required for those types.</summary>
    public string? OutputS3Path { get; init; }

    /// <summary>Id of the Glue job that ran a FIND_MATCHES run. Required for that type.</summary>
    public string? JobId { get; init; }

    /// <summary>Name of the Glue job that ran a FIND_MATCHES run. Required for that type.</summary>
    public string? JobName { get; init; }

    /// <summary>Id of the job run of a FIND_MATCHES run. Required for that type.</summary>
    public string? JobRunId { get; init; }

    /// <summary>
    /// LogGroupName to return. When null, the server returns
    /// <c>/aws-glue/ml-transforms/</c> followed by the TransformId.
    /// </summary>
    public string? LogGroupName { get; init; }

    /// <summary>
    /// Number of requests naming this run that fail with 400 ThrottlingException before
    /// any other answer.
    /// </summary>
    public int ThrottleFirst { get; init; }

    /// <summary>
    /// Number of requests naming this run that fail with 500 InternalServiceException,
    /// counted after the throttled ones.
    /// </summary>
    public int FailFirst { get; init; }
}
