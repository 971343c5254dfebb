using System.Security.Cryptography;
using GlueTaskRunLambda.LocalGlue.Protocol;

namespace GlueTaskRunLambda.LocalGlue.Simulation;

/// <summary>
/// The simulated runs of one server, their clocks and their fault counters. Every method
/// is safe to call from concurrent requests.
/// </summary>
internal sealed class TaskRunStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SimulatedRunState> _runsById = new(StringComparer.Ordinal);
    private readonly HashSet<string> _transformIds = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;
    private readonly double _timeScale;
    private readonly double _startedRunDurationSeconds;

    /// <param name="definitions">Validated runs with unique TaskRunIds.</param>
    /// <param name="timeProvider">Clock of the simulation.</param>
    /// <param name="timeScale">Simulated seconds per real second.</param>
    /// <param name="startedRunDurationSeconds">Simulated duration of runs created by start operations.</param>
    public TaskRunStore(
        IEnumerable<TaskRunDefinition> definitions,
        TimeProvider timeProvider,
        double timeScale,
        double startedRunDurationSeconds)
    {
        _timeProvider = timeProvider;
        _timeScale = timeScale;
        _startedRunDurationSeconds = startedRunDurationSeconds;

        foreach (TaskRunDefinition definition in definitions)
        {
            _runsById.Add(definition.TaskRunId, new SimulatedRunState(definition));
            _transformIds.Add(definition.TransformId);
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _runsById.Count;
            }
        }
    }

    /// <summary>Returns a run's current snapshot, starting its clock on the first request.</summary>
    /// <exception cref="GlueErrorException">
    /// EntityNotFoundException, or an injected ThrottlingException or InternalServiceException.
    /// </exception>
    public TaskRunSnapshot GetTaskRun(string transformId, string taskRunId)
    {
        lock (_gate)
        {
            DateTimeOffset now = _timeProvider.GetUtcNow();
            SimulatedRunState state = FindRun(transformId, taskRunId);
            state.ClockStartedAt ??= now;
            ThrowInjectedFault(state);
            return TaskRunTimeline.Evaluate(state, now, _timeScale);
        }
    }

    /// <summary>
    /// Moves a STARTING or RUNNING run to STOPPING, after which it becomes STOPPED, and
    /// returns the status after the call. A run that is already STOPPING or terminal keeps
    /// its status.
    /// </summary>
    /// <exception cref="GlueErrorException">As for <see cref="GetTaskRun"/>.</exception>
    public TaskStatusType CancelTaskRun(string transformId, string taskRunId)
    {
        lock (_gate)
        {
            DateTimeOffset now = _timeProvider.GetUtcNow();
            SimulatedRunState state = FindRun(transformId, taskRunId);
            state.ClockStartedAt ??= now;
            ThrowInjectedFault(state);

            TaskRunSnapshot snapshot = TaskRunTimeline.Evaluate(state, now, _timeScale);
            if (snapshot.Status is not (TaskStatusType.Starting or TaskStatusType.Running))
            {
                return snapshot.Status;
            }

            state.CancelledAtSeconds = TaskRunTimeline.SimulatedSecondsSince(
                snapshot.StartedOn,
                now,
                _timeScale);
            return TaskStatusType.Stopping;
        }
    }

    /// <summary>
    /// Returns the snapshots of every run of a transform in no particular order, starting
    /// the clocks of runs that no request has named yet. Injected faults do not apply.
    /// </summary>
    /// <exception cref="GlueErrorException">EntityNotFoundException for an unknown transform.</exception>
    public IReadOnlyList<TaskRunSnapshot> ListTaskRuns(string transformId)
    {
        lock (_gate)
        {
            EnsureTransformExists(transformId);
            DateTimeOffset now = _timeProvider.GetUtcNow();
            var snapshots = new List<TaskRunSnapshot>();
            foreach (SimulatedRunState state in _runsById.Values)
            {
                if (string.Equals(state.Definition.TransformId, transformId, StringComparison.Ordinal))
                {
                    state.ClockStartedAt ??= now;
                    snapshots.Add(TaskRunTimeline.Evaluate(state, now, _timeScale));
                }
            }

            return snapshots;
        }
    }

    /// <summary>
    /// Creates a run that starts now and succeeds after the configured duration, and
    /// returns its new TaskRunId.
    /// </summary>
    /// <exception cref="GlueErrorException">EntityNotFoundException for an unknown transform.</exception>
    public string StartTaskRun(
        string transformId,
        TaskType taskType,
        string? inputS3Path,
        bool replace,
        string? outputS3Path)
    {
        lock (_gate)
        {
            EnsureTransformExists(transformId);

            string taskRunId;
            do
            {
                taskRunId = "tsk-" + RandomNumberGenerator.GetHexString(32, lowercase: true);
            }
            while (_runsById.ContainsKey(taskRunId));

            var definition = new TaskRunDefinition
            {
                TransformId = transformId,
                TaskRunId = taskRunId,
                TaskType = taskType,
                Outcome = TaskStatusType.Succeeded,
                DurationSeconds = _startedRunDurationSeconds,
                LogGroupName = TaskRunDefinition.DefaultLogGroupName(transformId),
                InputS3Path = inputS3Path,
                Replace = replace,
                OutputS3Path = outputS3Path,
            };
            var state = new SimulatedRunState(definition) { ClockStartedAt = _timeProvider.GetUtcNow() };
            _runsById.Add(taskRunId, state);
            return taskRunId;
        }
    }

    private SimulatedRunState FindRun(string transformId, string taskRunId)
    {
        if (_runsById.TryGetValue(taskRunId, out SimulatedRunState? state)
            && string.Equals(state.Definition.TransformId, transformId, StringComparison.Ordinal))
        {
            return state;
        }

        throw GlueErrors.EntityNotFound(
            $"Task run '{taskRunId}' of transform '{transformId}' was not found.");
    }

    private void EnsureTransformExists(string transformId)
    {
        if (!_transformIds.Contains(transformId))
        {
            throw GlueErrors.EntityNotFound($"Transform '{transformId}' was not found.");
        }
    }

    private static void ThrowInjectedFault(SimulatedRunState state)
    {
        state.RequestCount++;
        TaskRunDefinition definition = state.Definition;
        if (state.RequestCount <= definition.ThrottleFirst)
        {
            throw GlueErrors.Throttling();
        }

        if (state.RequestCount <= definition.ThrottleFirst + definition.FailFirst)
        {
            throw GlueErrors.InternalService(
                $"Injected fault: local-glue fails the first {definition.FailFirst} requests after throttling for task run '{definition.TaskRunId}'.");
        }
    }
}
