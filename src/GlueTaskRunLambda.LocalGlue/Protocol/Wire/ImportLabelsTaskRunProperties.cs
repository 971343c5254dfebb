namespace GlueTaskRunLambda.LocalGlue.Protocol.Wire;

/// <summary>Properties of an IMPORT_LABELS run. Replace is the ReplaceAllLabels of the start request.</summary>
internal sealed record ImportLabelsTaskRunProperties(string InputS3Path, bool Replace);
