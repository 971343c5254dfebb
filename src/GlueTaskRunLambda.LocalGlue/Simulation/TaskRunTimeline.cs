namespace GlueTaskRunLambda.LocalGlue.Simulation;

/// <summary>
/// Computes a run's status from the simulated time since its clock started. With a
/// duration D, a run is STARTING for the first 0.1 D and RUNNING until D, then takes its
/// outcome. A STOPPED run is STOPPING from 0.9 D. A cancelled run is STOPPING for 0.1 D
/// after the cancel and then STOPPED.
/// </summary>
internal static class TaskRunTimeline
{
    private const double StartingShare = 0.1;
    private const double StoppingShare = 0.1;

    /// <summary>Computes the snapshot of a run whose clock has started.</summary>
    /// <param name="state">The run, whose ClockStartedAt must be set.</param>
    /// <param name="now">Current time of the server's TimeProvider.</param>
    /// <param name="timeScale">Simulated seconds per real second.</param>
    public static TaskRunSnapshot Evaluate(SimulatedRunState state, DateTimeOffset now, double timeScale)
    {
        DateTimeOffset startedOn = state.ClockStartedAt
            ?? throw new InvalidOperationException(
                $"The clock of task run '{state.Definition.TaskRunId}' has not started.");
        double elapsedSeconds = SimulatedSecondsSince(startedOn, now, timeScale);

        List<(double AtSeconds, TaskStatusType Status)> phases = BuildPhases(state);
        int current = 0;
        for (int i = 1; i < phases.Count; i++)
        {
            if (phases[i].AtSeconds <= elapsedSeconds)
            {
                current = i;
            }
        }

        (double phaseStartSeconds, TaskStatusType status) = phases[current];
        DateTimeOffset lastModifiedOn = startedOn + TimeSpan.FromSeconds(phaseStartSeconds / timeScale);
        bool terminal = status.IsTerminal();
        double executionSeconds = terminal ? phaseStartSeconds : elapsedSeconds;

        return new TaskRunSnapshot(
            state.Definition,
            status,
            startedOn,
            lastModifiedOn,
            terminal ? lastModifiedOn : null,
            (int)Math.Floor(executionSeconds),
            status is TaskStatusType.Failed or TaskStatusType.Timeout ? state.Definition.ErrorString : null);
    }

    /// <summary>Returns the simulated seconds between two moments, never less than 0.</summary>
    public static double SimulatedSecondsSince(DateTimeOffset start, DateTimeOffset now, double timeScale) =>
        Math.Max(0, (now - start).TotalSeconds * timeScale);

    private static List<(double AtSeconds, TaskStatusType Status)> BuildPhases(SimulatedRunState state)
    {
        double duration = state.Definition.DurationSeconds;
        var phases = new List<(double AtSeconds, TaskStatusType Status)>
        {
            (0, TaskStatusType.Starting),
            (StartingShare * duration, TaskStatusType.Running),
        };

        if (state.CancelledAtSeconds is double cancelledAt)
        {
            // The store cancels only runs that are STARTING or RUNNING, so every later
            // phase is replaced by the stop.
            phases.RemoveAll(phase => phase.AtSeconds > cancelledAt);
            phases.Add((cancelledAt, TaskStatusType.Stopping));
            phases.Add((cancelledAt + (StoppingShare * duration), TaskStatusType.Stopped));
        }
        else if (state.Definition.Outcome == TaskStatusType.Stopped)
        {
            phases.Add(((1 - StoppingShare) * duration, TaskStatusType.Stopping));
            phases.Add((duration, TaskStatusType.Stopped));
        }
        else
        {
            phases.Add((duration, state.Definition.Outcome));
        }

        return phases;
    }
}
