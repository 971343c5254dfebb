using System.Globalization;
using System.Text;
using GlueTaskRunLambda.Errors;

namespace GlueTaskRunLambda.Input;

/// <summary>
/// Glue's rule for TransformId and TaskRunId: 1 to 255 UTF-16 code units matching
/// [\u0020-\uD7FF\uE000-\uFFFD\t] or a surrogate pair. That rejects the control characters
/// below U+0020 except tab, U+FFFE, U+FFFF and unpaired surrogates, and accepts DEL and
/// the C1 controls U+0080 to U+009F.
/// </summary>
internal static class IdRules
{
    public const int MaxLength = 255;

    public static void Validate(string field, string value)
    {
        if (value.Length is 0 or > MaxLength)
        {
            throw new InvalidTaskRunRequest(
                $"{field} '{Quote(value)}' is invalid: it must be 1 to {MaxLength} characters, "
                + $"not {value.Length}.");
        }

        for (int index = 0; index < value.Length; index++)
        {
            char character = value[index];
            if ((character < '\u0020' && character != '\t') || character is '\uFFFE' or '\uFFFF')
            {
                throw new InvalidTaskRunRequest(
                    $"{field} '{Quote(value)}' is invalid: it contains U+{(int)character:X4} at position {index}. "
                    + "Glue accepts no control character below U+0020 but tab, and neither U+FFFE nor U+FFFF.");
            }

            if (char.IsSurrogate(character))
            {
                bool paired = char.IsHighSurrogate(character)
                    && index + 1 < value.Length
                    && char.IsLowSurrogate(value[index + 1]);
                if (!paired)
                {
                    throw new InvalidTaskRunRequest(
                        $"{field} '{Quote(value)}' is invalid: it contains the unpaired surrogate "
                        + $"U+{(int)character:X4} at position {index}.");
                }

                index++;
            }
        }
    }

    /// <summary>
    /// Returns <paramref name="text"/> fit to quote in a message or a log line: control
    /// characters and surrogates as \uXXXX escapes, and at most 80 characters.
    /// </summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder();
        foreach (char character in text.Length > 80 ? text[..77] : text)
        {
            if (char.IsControl(character) || char.IsSurrogate(character) || character == '\'')
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)character:X4}");
            }
            else
            {
                builder.Append(character);
            }
        }

        if (text.Length > 80)
        {
            builder.Append("...");
        }

        return builder.ToString();
    }
}
