namespace GlueTaskRunLambda.LocalGlue.Protocol.Wire;

/// <summary>Request body of GetMLTaskRun and CancelMLTaskRun.</summary>
internal sealed record TaskRunKeyRequest(string? TransformId, string? TaskRunId);
