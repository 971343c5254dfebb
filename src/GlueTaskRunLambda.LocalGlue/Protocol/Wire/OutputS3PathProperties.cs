namespace GlueTaskRunLambda.LocalGlue.Protocol.Wire;

/// <summary>
/// Properties of an EXPORT_LABELS or LABELING_SET_GENERATION run, which Glue models as two
/// shapes with the same single member.
/// </summary>
internal sealed record OutputS3PathProperties(string OutputS3Path);
