using System.Text;

namespace GlueTaskRunLambda.LocalGlue.Protocol;

/// <summary>
/// Makes client-supplied text safe to echo in messages and log lines: control characters
/// become \uXXXX escapes, so a value cannot break a log line, and long values are cut.
/// </summary>
internal static class DisplayText
{
    private const int MaxLength = 100;

    public static string Shorten(string? value)
    {
        if (value is null)
        {
            return "";
        }

        var builder = new StringBuilder(Math.Min(value.Length, MaxLength) + 8);
        foreach (char character in value.Length > MaxLength ? value[..MaxLength] : value)
        {
            if (char.IsControl(character))
            {
                builder.Append(@"\u").Append(((int)character).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(character);
            }
        }

        if (value.Length > MaxLength)
        {
            builder.Append("...");
        }

        return builder.ToString();
    }
}
