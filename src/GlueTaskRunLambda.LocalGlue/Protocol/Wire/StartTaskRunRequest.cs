namespace GlueTaskRunLambda.LocalGlue.Protocol.Wire;

/// <summary>
/// Request body of the four Start*TaskRun operations. Each operation reads only its own
/// members and ignores the others, as Glue ignores unknown members.
/// </summary>
internal sealed record StartTaskRunRequest(
    string? TransformId,
    string? InputS3Path,
    bool? ReplaceAllLabels,
    string? OutputS3Path);
