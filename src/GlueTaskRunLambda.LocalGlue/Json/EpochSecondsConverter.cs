using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GlueTaskRunLambda.LocalGlue.Json;

/// <summary>
/// Glue's timestamp format: seconds since the Unix epoch as a JSON number. Reads any
/// number, with a fraction or in exponent form, and writes milliseconds as three decimals.
/// </summary>
internal sealed class EpochSecondsConverter : JsonConverter<DateTimeOffset>
{
    // Epoch seconds of 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z, the range of DateTimeOffset.
    private const double MinSeconds = -62_135_596_800d;
    private const double MaxSeconds = 253_402_300_799d;

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out double seconds))
        {
            throw new JsonException("A timestamp must be a JSON number of seconds since the Unix epoch.");
        }

        if (!double.IsFinite(seconds) || seconds < MinSeconds || seconds > MaxSeconds)
        {
            throw new JsonException(string.Create(
                CultureInfo.InvariantCulture,
                $"The timestamp {seconds} is outside the years 1 to 9999."));
        }

        return DateTimeOffset.UnixEpoch.AddTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        decimal seconds = value.ToUnixTimeMilliseconds() / 1000m;
        writer.WriteRawValue(seconds.ToString("F3", CultureInfo.InvariantCulture), skipInputValidation: true);
    }
}
