using System.Net;
using System.Text.Json;

namespace GlueTaskRunLambda.Tests.LocalGlue;

/// <summary>A response of the local Glue endpoint, with its JSON body parsed.</summary>
internal sealed record GlueResponse(
    HttpStatusCode StatusCode,
    JsonElement Body,
    string? RequestId,
    string? ContentType)
{
    /// <summary>The <c>__type</c> of an error body, or null.</summary>
    public string? ErrorType => StringMember("__type");

    /// <summary>The <c>Message</c> of an error body, or null.</summary>
    public string? Message => StringMember("Message");

    public string? Status => StringMember("Status");

    public string? StringMember(string name) =>
        Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty(name, out JsonElement value)
            ? value.GetString()
            : null;

    public bool HasMember(string name) =>
        Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty(name, out _);
}
