using System.Text;

namespace GlueTaskRunLambda.LocalGlue.Signing;

/// <summary>
/// Builds the canonical request of AWS Signature Version 4: method, canonical URI,
/// canonical query string, canonical headers, signed headers and payload hash, one per
/// line.
/// </summary>
internal static class CanonicalRequest
{
    /// <param name="method">HTTP method, such as POST.</param>
    /// <param name="rawPath">Path as sent on the wire, still percent-encoded.</param>
    /// <param name="rawQuery">Query string as sent, without the '?', or an empty string.</param>
    /// <param name="signedHeaders">Lower-case names in the order of the SignedHeaders list.</param>
    /// <param name="headerValues">All values of each signed header, in the order received.</param>
    /// <param name="payloadHash">Lower-case hex SHA-256 of the body.</param>
    public static string Build(
        string method,
        string rawPath,
        string rawQuery,
        IReadOnlyList<string> signedHeaders,
        Func<string, IReadOnlyList<string>> headerValues,
        string payloadHash)
    {
        var builder = new StringBuilder();
        builder.Append(method).Append('\n');
        builder.Append(CanonicalUri(rawPath)).Append('\n');
        builder.Append(CanonicalQueryString(rawQuery)).Append('\n');

        foreach (string name in signedHeaders)
        {
            IEnumerable<string> values = headerValues(name).Select(NormalizeHeaderValue);
            builder.Append(name).Append(':').AppendJoin(',', values).Append('\n');
        }

        builder.Append('\n');
        builder.AppendJoin(';', signedHeaders).Append('\n');
        builder.Append(payloadHash);
        return builder.ToString();
    }

    /// <summary>
    /// Encodes each segment of the path once more. Services other than S3 sign the path
    /// encoded twice, and the wire already carries it encoded once. Dot segments and
    /// repeated slashes are not normalized, which matters little because the endpoint
    /// serves only "/".
    /// </summary>
    public static string CanonicalUri(string rawPath)
    {
        if (rawPath.Length == 0)
        {
            return "/";
        }

        return string.Join('/', rawPath.Split('/').Select(UriEncode));
    }

    /// <summary>
    /// Sorts the parameters by encoded name, then by encoded value, after re-encoding each
    /// with RFC 3986 rules.
    /// </summary>
    public static string CanonicalQueryString(string rawQuery)
    {
        if (rawQuery.Length == 0)
        {
            return "";
        }

        var parameters = new List<(string Name, string Value)>();
        foreach (string pair in rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = pair.IndexOf('=', StringComparison.Ordinal);
            string name = equals < 0 ? pair : pair[..equals];
            string value = equals < 0 ? "" : pair[(equals + 1)..];
            parameters.Add((UriEncode(Uri.UnescapeDataString(name)), UriEncode(Uri.UnescapeDataString(value))));
        }

        parameters.Sort((left, right) =>
        {
            int byName = string.CompareOrdinal(left.Name, right.Name);
            return byName != 0 ? byName : string.CompareOrdinal(left.Value, right.Value);
        });
        return string.Join('&', parameters.Select(parameter => parameter.Name + "=" + parameter.Value));
    }

    /// <summary>Trims a header value and collapses each run of spaces inside it into one.</summary>
    public static string NormalizeHeaderValue(string value)
    {
        var builder = new StringBuilder(value.Length);
        bool previousWasSpace = false;
        foreach (char character in value.Trim())
        {
            bool isSpace = character == ' ';
            if (!(isSpace && previousWasSpace))
            {
                builder.Append(character);
            }

            previousWasSpace = isSpace;
        }

        return builder.ToString();
    }

    /// <summary>
    /// Percent-encodes every UTF-8 byte except the RFC 3986 unreserved characters
    /// A-Z, a-z, 0-9, '-', '.', '_' and '~', with upper-case hex digits.
    /// </summary>
    public static string UriEncode(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (byte b in Encoding.UTF8.GetBytes(value))
        {
            char character = (char)b;
            if (char.IsAsciiLetterOrDigit(character) || character is '-' or '.' or '_' or '~')
            {
                builder.Append(character);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
