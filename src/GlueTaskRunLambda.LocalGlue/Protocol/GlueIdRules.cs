using System.Globalization;
using System.Text;

namespace GlueTaskRunLambda.LocalGlue.Protocol;

/// <summary>
/// Glue's HashString constraint on TransformId and TaskRunId: 1 to 255 characters matching
/// <c>[\u0020-\uD7FF\uE000-\uFFFD\uD800\uDC00-\uDBFF\uDFFF\t]*</c>, which allows tab but no
/// other control character below U+0020, no U+FFFE or U+FFFF and no unpaired surrogate.
/// </summary>
internal static class GlueIdRules
{
    public const int MaxLength = 255;

    /// <summary>
    /// Returns why <paramref name="value"/> breaks the constraint, or null when it meets it.
    /// </summary>
    /// <param name="memberName">Member name for the message, such as TaskRunId.</param>
    /// <param name="value">The value, where null means missing.</param>
    public static string? FindError(string memberName, string? value)
    {
        if (value is null)
        {
            return $"{memberName} is missing: it is required.";
        }

        int length = 0;
        int index = 0;
        while (index < value.Length)
        {
            if (Rune.DecodeFromUtf16(value.AsSpan(index), out Rune rune, out int consumed) != System.Buffers.OperationStatus.Done)
            {
                return string.Create(
                    CultureInfo.InvariantCulture,
                    $"{memberName} is invalid: it has an unpaired surrogate at index {index}.");
            }

            if (!IsAllowed(rune))
            {
                return string.Create(
                    CultureInfo.InvariantCulture,
                    $"{memberName} is invalid: it contains U+{rune.Value:X4} at index {index}, and Glue allows no control character other than tab and neither U+FFFE nor U+FFFF.");
            }

            length++;
            index += consumed;
        }

        // Smithy counts a string's length in Unicode scalar values, not UTF-16 units.
        if (length is 0 or > MaxLength)
        {
            return string.Create(
                CultureInfo.InvariantCulture,
                $"{memberName} is invalid: it has {length} characters, and it must have 1 to {MaxLength}.");
        }

        return null;
    }

    private static bool IsAllowed(Rune rune) =>
        rune.Value == '\t'
        || rune.Value is >= 0x20 and <= 0xD7FF
        || rune.Value is >= 0xE000 and <= 0xFFFD
        || rune.Value >= 0x10000;
}
