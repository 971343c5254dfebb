using System.Text.Json;
using System.Text.Json.Serialization;

namespace GlueTaskRunLambda.Serialization;

/// <summary>
/// Reads and writes Glue's timestamps: seconds since the Unix epoch as a JSON number,
/// which Glue may send with a fraction or in exponent form (1.7000000001E9).
/// </summary>
internal sealed class EpochSecondsConverter : JsonConverter<DateTimeOffset?>
{
    // Year 1 to 9999, the range DateTimeOffset can hold.
    private const double MinSeconds = -62_135_596_800d;
    private const double MaxSeconds = 253_402_300_799d;

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

        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out double seconds))
        {
            throw new JsonException(
                $"A timestamp must be epoch seconds as a JSON number, not a {reader.TokenType} token.");
        }

        if (!double.IsFinite(seconds) || seconds < MinSeconds || seconds > MaxSeconds)
        {
            throw new JsonException($"The timestamp {seconds} epoch seconds is out of range.");
        }

        // Millisecond precision: a double carries about 15 significant digits, so finer
        // fractions of present-day epoch seconds are noise.
        long milliseconds = (long)Math.Round(seconds * 1000d, MidpointRounding.AwayFromZero);
        return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteNumberValue(value.Value.ToUnixTimeMilliseconds() / 1000m);
    }
}
