using System.Text.Json.Serialization;
using GlueTaskRunLambda.LocalGlue.Protocol.Wire;

namespace GlueTaskRunLambda.LocalGlue.Json;

/// <summary>
/// Source-generated serialization of the Glue request and response bodies. Member names
/// are case-sensitive as in awsJson1_1, unknown members are ignored and null members are
/// left out.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(EpochSecondsConverter)])]
[JsonSerializable(typeof(TaskRunKeyRequest))]
[JsonSerializable(typeof(GetMLTaskRunsRequest))]
[JsonSerializable(typeof(StartTaskRunRequest))]
[JsonSerializable(typeof(TaskRunDocument))]
[JsonSerializable(typeof(GetMLTaskRunsResponse))]
[JsonSerializable(typeof(CancelMLTaskRunResponse))]
[JsonSerializable(typeof(StartTaskRunResponse))]
[JsonSerializable(typeof(GlueErrorDocument))]
internal sealed partial class WireJsonContext : JsonSerializerContext;
