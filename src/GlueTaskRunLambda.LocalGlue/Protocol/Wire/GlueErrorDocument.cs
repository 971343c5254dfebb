using System.Text.Json.Serialization;

namespace GlueTaskRunLambda.LocalGlue.Protocol.Wire;

/// <summary>Body of an error response, such as <c>{"__type":"EntityNotFoundException","Message":"..."}</c>.</summary>
internal sealed record GlueErrorDocument(
    [property: JsonPropertyName("__type")] string Type,
    string Message);
