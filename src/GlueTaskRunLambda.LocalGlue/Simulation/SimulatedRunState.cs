namespace GlueTaskRunLambda.LocalGlue.Simulation;

/// <summary>
/// The mutable part of one simulated run. <see cref="TaskRunStore"/> guards every access
/// with its lock.
/// </summary>
internal sealed class SimulatedRunState(TaskRunDefinition definition)
{
    public TaskRunDefinition Definition { get; } = definition;

    /// <summary>
    /// Moment the run's clock started: the first request that named or listed the run, or
    /// the start operation that created it. Null until then.
    /// </summary>
    public DateTimeOffset? ClockStartedAt { get; set; }

    /// <summary>Simulated seconds after the start at which CancelMLTaskRun stopped the run.</summary>
    public double? CancelledAtSeconds { get; set; }

    /// <summary>Requests that named this run, for ThrottleFirst and FailFirst.</summary>
    public int RequestCount { get; set; }
}
