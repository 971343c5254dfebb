namespace GlueTaskRunLambda.Status;

/// <summary>
/// Caps on the document's text fields. A Step Functions state carries at most 262,144
/// bytes. Even with every string at its cap and every character escaped as \uXXXX
/// (6 bytes), the document stays under about 215,000 bytes.
/// </summary>
internal static class StatusLimits
{
    public const int MaxErrorStringLength = 8_192;

    /// <summary>Cap on every other string Glue returns; an S3 URI fits in well under it.</summary>
    public const int MaxFieldLength = 2_048;

    /// <summary>
    /// Cuts <paramref name="text"/> to at most <paramref name="maxLength"/> UTF-16 code units,
    /// never between the two halves of a surrogate pair.
    /// </summary>
    public static string? Truncate(string? text, int maxLength)
    {
        if (text is null || text.Length <= maxLength)
        {
            return text;
        }

        int length = maxLength;
        if (char.IsHighSurrogate(text[length - 1]))
        {
            length--;
        }

        return text[..length];
    }
}
