using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Json.Serialization;

namespace GlueTaskRunLambda.Serialization;

/// <summary>
/// Writes timestamps as RFC 3339 strings in UTC with a 'T' and a 'Z', the form that
/// Step Functions' timestamp comparisons accept, and reads them back.
/// </summary>
internal sealed partial class Rfc3339Converter : JsonConverter<DateTimeOffset?>
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

    /// <summary>
    /// Parses an RFC 3339 date-time: a full date, 'T', a full time with optional fraction,
    /// and 'Z' or a numeric offset. Lower-case 't' and 'z' are accepted, as RFC 3339 allows;
    /// a missing offset or a missing seconds field is not.
    /// </summary>
    internal static bool TryParse(string text, out DateTimeOffset value)
    {
        value = default;
        return DateTimePattern().IsMatch(text)
            && DateTimeOffset.TryParse(
                text.ToUpperInvariant(),
                CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal,
                out value);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$")]
    private static partial Regex DateTimePattern();
}
