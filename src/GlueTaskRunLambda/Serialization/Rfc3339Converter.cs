using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GlueTaskRunLambda.Serialization;

/// <summary>
/// Writes timestamps as RFC 3339 strings in UTC with a 'T' and a 'Z', the form that
/// Step Functions' timestamp comparisons accept, and reads them back.
/// </summary>
internal sealed class Rfc3339Converter : JsonConverter<DateTimeOffset?>
{
    internal const string Format = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fff'Z'";

    public override bool HandleNull => true;

    public override DateTimeOffset? Read(
        ref Utf8JsonReader reader,
        Type typeToConvert,
        JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"A timestamp must be an RFC 3339 string, not a {reader.TokenType} token.");
        }

        string text = reader.GetString()!;
        if (!TryParse(text, out DateTimeOffset value))
        {
            throw new JsonException($"'{text}' is not an RFC 3339 timestamp such as 2026-01-31T12:00:00Z.");
        }

        return value;
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStringValue(ToRfc3339(value.Value));
    }

    internal static string ToRfc3339(DateTimeOffset value) =>
        value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    internal static bool TryParse(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(
            text,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out value)
        && text.Contains('T', StringComparison.Ordinal);
}
