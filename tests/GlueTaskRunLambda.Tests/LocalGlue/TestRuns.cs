using GlueTaskRunLambda.LocalGlue;
using Microsoft.Extensions.Time.Testing;

namespace GlueTaskRunLambda.Tests.LocalGlue;

/// <summary>Simulated runs and server set-ups shared by the local Glue tests.</summary>
internal static class TestRuns
{
    public const string TransformId = "tfm-11111111111111111111111111111111";
    public const string OtherTransformId = "tfm-22222222222222222222222222222222";

    /// <summary>A fixed start for FakeTimeProvider: 2025-01-01T00:00:00Z, epoch second 1735689600.</summary>
    public static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static SimulatedTaskRun Evaluation(
        string taskRunId,
        string outcome = "SUCCEEDED",
        double durationSeconds = 100,
        string? errorString = null,
        string transformId = TransformId) =>
        new()
        {
            TransformId = transformId,
            TaskRunId = taskRunId,
            TaskType = "EVALUATION",
            Outcome = outcome,
            DurationSeconds = durationSeconds,
            ErrorString = errorString,
        };

    /// <summary>Starts a server on a free port with the given runs and run clock.</summary>
    public static Task<LocalGlueServer> StartServerAsync(
        IReadOnlyList<SimulatedTaskRun> runs,
        TimeProvider? timeProvider = null,
        double timeScale = 1,
        string? sessionToken = null) =>
        LocalGlueServer.StartAsync(new LocalGlueOptions
        {
            Port = 0,
            Runs = runs,
            TimeProvider = timeProvider ?? new FakeTimeProvider(Start),
            TimeScale = timeScale,
            SessionToken = sessionToken,
        });
}
