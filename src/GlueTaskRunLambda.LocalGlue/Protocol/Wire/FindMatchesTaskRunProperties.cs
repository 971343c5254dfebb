namespace GlueTaskRunLambda.LocalGlue.Protocol.Wire;

/// <summary>Properties of a FIND_MATCHES run: the Glue job run that performed it.</summary>
internal sealed record FindMatchesTaskRunProperties(string JobId, string JobName, string JobRunId);
