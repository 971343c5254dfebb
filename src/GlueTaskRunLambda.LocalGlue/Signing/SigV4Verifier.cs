using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GlueTaskRunLambda.LocalGlue.Protocol;
using Microsoft.AspNetCore.Http;

namespace GlueTaskRunLambda.LocalGlue.Signing;

/// <summary>
/// Verifies AWS Signature Version 4 in the Authorization header against one set of
/// credentials, for the service name "glue" and one region, and raises the errors that
/// AWS sends for each kind of failure.
/// </summary>
internal sealed class SigV4Verifier
{
    public const string ServiceName = "glue";

    private const string AmzDateFormat = "yyyyMMdd'T'HHmmss'Z'";

    /// <summary>The largest difference between X-Amz-Date and the server clock that AWS accepts.</summary>
    private static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    private readonly string _accessKeyId;
    private readonly string _secretAccessKey;
    private readonly string? _sessionToken;
    private readonly string _region;
    private readonly TimeProvider _clock;

    public SigV4Verifier(
        string accessKeyId,
        string secretAccessKey,
        string? sessionToken,
        string region,
        TimeProvider clock)
    {
        _accessKeyId = accessKeyId;
        _secretAccessKey = secretAccessKey;
        _sessionToken = sessionToken;
        _region = region;
        _clock = clock;
    }

    /// <summary>Verifies the signature of one request.</summary>
    /// <param name="method">HTTP method.</param>
    /// <param name="rawTarget">Request target as sent: the encoded path and query.</param>
    /// <param name="headers">All request headers.</param>
    /// <param name="body">The whole request body.</param>
    /// <exception cref="GlueErrorException">
    /// MissingAuthenticationTokenException, IncompleteSignatureException,
    /// UnrecognizedClientException or InvalidSignatureException.
    /// </exception>
    public void Verify(string method, string rawTarget, IHeaderDictionary headers, ReadOnlySpan<byte> body)
    {
        string authorizationValue = headers.Authorization.ToString();
        if (authorizationValue.Length == 0)
        {
            throw GlueErrors.MissingAuthenticationToken();
        }

        AuthorizationHeader authorization = AuthorizationHeader.Parse(authorizationValue, out string? parseError)
            ?? throw GlueErrors.IncompleteSignature(parseError!);
        string amzDate = headers["X-Amz-Date"].ToString();
        DateTimeOffset signedAt = ParseAmzDate(amzDate);
        RequireSignedHeader(authorization, "host");
        RequireSignedHeader(authorization, "x-amz-date");

        VerifyCredentials(authorization, headers);
        string scope = VerifyScope(authorization, amzDate);
        VerifyClockSkew(signedAt, amzDate);

        string payloadHash = SigV4Crypto.Sha256Hex(body);
        VerifyContentSha256Header(headers, payloadHash);

        int queryStart = rawTarget.IndexOf('?', StringComparison.Ordinal);
        string canonicalRequest = CanonicalRequest.Build(
            method,
            queryStart < 0 ? rawTarget : rawTarget[..queryStart],
            queryStart < 0 ? "" : rawTarget[(queryStart + 1)..],
            authorization.SignedHeaders,
            name => headers[name].Select(value => value ?? "").ToList(),
            payloadHash);
        string stringToSign = string.Join(
            '\n',
            AuthorizationHeader.Algorithm,
            amzDate,
            scope,
            SigV4Crypto.Sha256Hex(canonicalRequest));

        byte[] signingKey = SigV4Crypto.DeriveSigningKey(_secretAccessKey, amzDate[..8], _region, ServiceName);
        string expectedSignature = SigV4Crypto.Sign(signingKey, stringToSign);
        bool matches = CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(expectedSignature),
            Encoding.ASCII.GetBytes(authorization.Signature.ToLowerInvariant()));
        if (!matches)
        {
            throw GlueErrors.InvalidSignature(
                "The request signature we calculated does not match the signature you provided. "
                + "Check your AWS Secret Access Key and signing method.");
        }
    }

    private static DateTimeOffset ParseAmzDate(string amzDate)
    {
        if (amzDate.Length == 0)
        {
            throw GlueErrors.IncompleteSignature(
                "The request has no X-Amz-Date header, which SigV4 signing requires.");
        }

        if (!DateTimeOffset.TryParseExact(
                amzDate,
                AmzDateFormat,
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal,
                out DateTimeOffset signedAt))
        {
            throw GlueErrors.IncompleteSignature(
                $"X-Amz-Date '{amzDate}' is invalid: it must be in ISO 8601 basic format, such as 20250101T120000Z.");
        }

        return signedAt;
    }

    private static void RequireSignedHeader(AuthorizationHeader authorization, string name)
    {
        if (!authorization.SignedHeaders.Contains(name, StringComparer.Ordinal))
        {
            throw GlueErrors.InvalidSignature(
                $"SignedHeaders '{string.Join(';', authorization.SignedHeaders)}' must include {name}.");
        }
    }

    private void VerifyCredentials(AuthorizationHeader authorization, IHeaderDictionary headers)
    {
        if (!string.Equals(authorization.AccessKeyId, _accessKeyId, StringComparison.Ordinal))
        {
            throw GlueErrors.UnrecognizedClient();
        }

        // A session token that the server does not expect is as invalid as a wrong one.
        string sentToken = headers["X-Amz-Security-Token"].ToString();
        bool tokenMatches = _sessionToken is null
            ? sentToken.Length == 0
            : CryptographicOperations.FixedTimeEquals(
                Encoding.UTF8.GetBytes(sentToken),
                Encoding.UTF8.GetBytes(_sessionToken));
        if (!tokenMatches)
        {
            throw GlueErrors.UnrecognizedClient();
        }
    }

    /// <summary>Checks the credential scope and returns it.</summary>
    private string VerifyScope(AuthorizationHeader authorization, string amzDate)
    {
        string expectedScope = $"{amzDate[..8]}/{_region}/{ServiceName}/aws4_request";
        if (!string.Equals(authorization.CredentialScope, expectedScope, StringComparison.Ordinal))
        {
            throw GlueErrors.InvalidSignature(
                $"Credential scope '{authorization.CredentialScope}' is invalid: this endpoint expects "
                + $"'{expectedScope}', which is the date of X-Amz-Date, region '{_region}' and service '{ServiceName}'.");
        }

        return expectedScope;
    }

    private void VerifyClockSkew(DateTimeOffset signedAt, string amzDate)
    {
        DateTimeOffset now = _clock.GetUtcNow();
        if ((now - signedAt).Duration() > MaxClockSkew)
        {
            string serverTime = now.UtcDateTime.ToString(AmzDateFormat, CultureInfo.InvariantCulture);
            throw GlueErrors.InvalidSignature(
                $"Signature expired: X-Amz-Date {amzDate} is more than 5 minutes from the server time {serverTime}. "
                + "Sign the request again with a correct clock.");
        }
    }

    private static void VerifyContentSha256Header(IHeaderDictionary headers, string payloadHash)
    {
        // Whether Glue accepts UNSIGNED-PAYLOAD is not documented, so any value other than
        // the body's hash is rejected.
        string sentHash = headers["X-Amz-Content-SHA256"].ToString();
        if (sentHash.Length != 0 && !string.Equals(sentHash, payloadHash, StringComparison.OrdinalIgnoreCase))
        {
            throw GlueErrors.InvalidSignature(
                $"X-Amz-Content-SHA256 '{sentHash}' does not match the SHA-256 of the request body, {payloadHash}.");
        }
    }
}
