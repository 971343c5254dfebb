using System.Text.Json.Serialization;
using GlueTaskRunLambda.Glue;

namespace GlueTaskRunLambda.Serialization;

/// <summary>Source-generated JSON metadata for Glue's request and response bodies.</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(GlueTaskRun))]
[JsonSerializable(typeof(GetMLTaskRunBody))]
[JsonSerializable(typeof(GetMLTaskRunsBody))]
[JsonSerializable(typeof(GetMLTaskRunsResult))]
internal sealed partial class GlueJsonContext : JsonSerializerContext
{
}
