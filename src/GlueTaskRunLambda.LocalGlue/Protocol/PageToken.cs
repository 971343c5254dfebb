using System.Globalization;
using System.Text;

namespace GlueTaskRunLambda.LocalGlue.Protocol;

/// <summary>
/// The NextToken of GetMLTaskRuns: the base64 of the transform id and the index of the
/// next run in the sorted, filtered list.
/// </summary>
// NOTE: the list is rebuilt on every page, so runs started between two pages shift the
// index and can make a run appear twice or not at all.
internal static class PageToken
{
    public static string Create(string transformId, int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{offset}:{transformId}")));

    /// <summary>Returns the offset that a token stores for a transform.</summary>
    /// <exception cref="GlueErrorException">InvalidInputException for a token of another transform or not made here.</exception>
    public static int ReadOffset(string token, string transformId)
    {
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
        }
        catch (FormatException)
        {
            throw Invalid(token);
        }

        int colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0
            || !int.TryParse(text.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out int offset)
            || !string.Equals(text[(colon + 1)..], transformId, StringComparison.Ordinal))
        {
            throw Invalid(token);
        }

        return offset;
    }

    private static GlueErrorException Invalid(string token) =>
        GlueErrors.InvalidInput(
            $"NextToken '{DisplayText.Shorten(token)}' is invalid: pass the NextToken of the previous GetMLTaskRuns response for the same TransformId.");
}
