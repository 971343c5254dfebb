namespace GlueTaskRunLambda.LocalGlue.Simulation;

/// <summary>Glue's TaskType of an ML task run, converted by <see cref="WireNames"/>.</summary>
internal enum TaskType
{
    Evaluation,
    LabelingSetGeneration,
    ImportLabels,
    ExportLabels,
    FindMatches,
}
