using System.Text.RegularExpressions;

namespace GlueTaskRunLambda.Errors;

/// <summary>
/// Removes credentials from text that came from outside the function (Glue's error
/// messages, exception messages) before it is logged or returned. It replaces the
/// configured secret values wherever they appear, and, whatever the values, a
/// security-token header, a SigV4 signature, and the canonical request or string to sign
/// that some AWS signature errors echo back.
/// </summary>
internal sealed partial class SecretRedactor
{
    public const string Mask = "[redacted]";

    /// <summary>What replaces an echoed request; it contains no marker, so redacting twice changes nothing.</summary>
    public const string EchoRemoved = "[the echo of the signed request was removed]";

    /// <summary>Shorter values are too likely to occur by chance to be replaced everywhere.</summary>
    private const int MinSecretLength = 8;

    private static readonly string[] EchoMarkers =
    [
        "The Canonical String for this request should have been",
        "The String-to-Sign should have been",
        "Canonical Request",
    ];

    private readonly string[] _secrets;

    public SecretRedactor(IEnumerable<string?> secrets)
    {
        _secrets = secrets
            .Where(secret => secret is { Length: >= MinSecretLength })
            .Select(secret => secret!)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>A redactor that masks only the patterns, for tests and hosts without credentials.</summary>
    public static SecretRedactor PatternsOnly { get; } = new([]);

    /// <summary>Creates a redactor for the secret key and session token in the environment.</summary>
    public static SecretRedactor FromEnvironment(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        return new SecretRedactor([getVariable("AWS_SECRET_ACCESS_KEY"), getVariable("AWS_SESSION_TOKEN")]);
    }

    public string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        int echoStart = EchoMarkers
            .Select(marker => text.IndexOf(marker, StringComparison.OrdinalIgnoreCase))
            .Where(index => index >= 0)
            .DefaultIfEmpty(-1)
            .Min();
        if (echoStart >= 0)
        {
            text = string.Concat(text.AsSpan(0, echoStart), EchoRemoved);
        }

        text = SecurityTokenHeader().Replace(text, "$1" + Mask);
        text = SignatureValue().Replace(text, "$1" + Mask);
        foreach (string secret in _secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }

    [GeneratedRegex(@"(x-amz-security-token[""']?\s*[:=]\s*[""']?)[^\s,;""']+", RegexOptions.IgnoreCase)]
    private static partial Regex SecurityTokenHeader();

    [GeneratedRegex(@"(Signature[""']?\s*[:=]\s*[""']?)[0-9a-fA-F]{16,}", RegexOptions.IgnoreCase)]
    private static partial Regex SignatureValue();
}
