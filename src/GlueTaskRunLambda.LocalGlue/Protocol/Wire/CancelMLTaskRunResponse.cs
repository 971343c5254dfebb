namespace GlueTaskRunLambda.LocalGlue.Protocol.Wire;

/// <summary>Response of CancelMLTaskRun.</summary>
internal sealed record CancelMLTaskRunResponse(string TransformId, string TaskRunId, string Status);
