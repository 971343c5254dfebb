using System.Text.Json;
using System.Text.Json.Serialization;

namespace GlueTaskRunLambda.LocalGlue.Json;

/// <summary>
/// Source-generated reading of runs files. Names are camelCase but matched without regard
/// to case, comments and trailing commas are allowed, and an unknown member is an error, so
/// that a misspelt fault such as "throttleFrist" is reported instead of ignored.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(SimulatedRunsDocument))]
internal sealed partial class RunsFileJsonContext : JsonSerializerContext;
