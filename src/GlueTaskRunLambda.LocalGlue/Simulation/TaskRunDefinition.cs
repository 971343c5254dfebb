namespace GlueTaskRunLambda.LocalGlue.Simulation;

/// <summary>
/// A validated simulated run: what it is and how it ends. Its progress over time is kept
/// in <see cref="SimulatedRunState"/>.
/// </summary>
internal sealed record TaskRunDefinition
{
    public required string TransformId { get; init; }

    public required string TaskRunId { get; init; }

    public required TaskType TaskType { get; init; }

    /// <summary>SUCCEEDED, FAILED, TIMEOUT or STOPPED.</summary>
    public required TaskStatusType Outcome { get; init; }

    /// <summary>Simulated seconds from the start to the outcome.</summary>
    public required double DurationSeconds { get; init; }

    public required string LogGroupName { get; init; }

    public string? ErrorString { get; init; }

    public string? InputS3Path { get; init; }

    public bool Replace { get; init; }

    public string? OutputS3Path { get; init; }

    public string? JobId { get; init; }

    public string? JobName { get; init; }

    public string? JobRunId { get; init; }

    public int ThrottleFirst { get; init; }

    public int FailFirst { get; init; }

    /// <summary>
    /// Returns the LogGroupName used when a run does not set one. Glue does not document
    /// the format for ML task runs, so this one is invented.
    /// </summary>
    public static string DefaultLogGroupName(string transformId) =>
        "/aws-glue/ml-transforms/" + transformId;
}
