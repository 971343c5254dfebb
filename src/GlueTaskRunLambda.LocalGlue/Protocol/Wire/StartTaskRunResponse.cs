namespace GlueTaskRunLambda.LocalGlue.Protocol.Wire;

/// <summary>Response of the four Start*TaskRun operations.</summary>
internal sealed record StartTaskRunResponse(string TaskRunId);
