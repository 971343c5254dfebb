namespace GlueTaskRunLambda.LocalGlue.Json;

/// <summary>Top level of a runs file: <c>{"runs": [ ... ]}</c>.</summary>
internal sealed record SimulatedRunsDocument
{
    public required IReadOnlyList<SimulatedTaskRun> Runs { get; init; }
}
