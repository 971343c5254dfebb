namespace GlueTaskRunLambda.LocalGlue.Signing;

/// <summary>
/// The parts of a SigV4 Authorization header:
/// <c>AWS4-HMAC-SHA256 Credential=AKID/20250101/us-east-1/glue/aws4_request,
/// SignedHeaders=host;x-amz-date, Signature=hex</c>.
/// </summary>
internal sealed record AuthorizationHeader(
    string AccessKeyId,
    string CredentialScope,
    IReadOnlyList<string> SignedHeaders,
    string Signature)
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>Parses the header value, or returns null and the reason.</summary>
    public static AuthorizationHeader? Parse(string value, out string? error)
    {
        error = null;
        string prefix = Algorithm + " ";
        if (!value.StartsWith(prefix, StringComparison.Ordinal))
        {
            error = $"The Authorization header must start with '{Algorithm}'.";
            return null;
        }

        string? credential = null;
        string? signedHeaders = null;
        string? signature = null;
        foreach (string part in value[prefix.Length..].Split(',', StringSplitOptions.TrimEntries))
        {
            int equals = part.IndexOf('=', StringComparison.Ordinal);
            string name = equals < 0 ? part : part[..equals];
            string partValue = equals < 0 ? "" : part[(equals + 1)..];
            switch (name)
            {
                case "Credential":
                    credential = partValue;
                    break;
                case "SignedHeaders":
                    signedHeaders = partValue;
                    break;
                case "Signature":
                    signature = partValue;
                    break;
                default:
                    error = $"The Authorization header has an unknown part '{name}'; expected Credential, SignedHeaders and Signature.";
                    return null;
            }
        }

        if (string.IsNullOrEmpty(credential) || string.IsNullOrEmpty(signedHeaders) || string.IsNullOrEmpty(signature))
        {
            error = "The Authorization header must contain Credential, SignedHeaders and Signature.";
            return null;
        }

        // The access key id cannot contain '/', so the first one ends it and the rest is
        // the scope date/region/service/aws4_request.
        int slash = credential.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            error = "The Credential of the Authorization header must be AccessKeyId/date/region/service/aws4_request.";
            return null;
        }

        return new AuthorizationHeader(
            credential[..slash],
            credential[(slash + 1)..],
            signedHeaders.Split(';'),
            signature);
    }
}
