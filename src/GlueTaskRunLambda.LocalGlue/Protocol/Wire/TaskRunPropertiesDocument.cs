namespace GlueTaskRunLambda.LocalGlue.Protocol.Wire;

/// <summary>Properties of a task run: its TaskType and the one object that matches it.</summary>
internal sealed record TaskRunPropertiesDocument(
    string TaskType,
    ImportLabelsTaskRunProperties? ImportLabelsTaskRunProperties,
    OutputS3PathProperties? ExportLabelsTaskRunProperties,
    OutputS3PathProperties? LabelingSetGenerationTaskRunProperties,
    FindMatchesTaskRunProperties? FindMatchesTaskRunProperties);
