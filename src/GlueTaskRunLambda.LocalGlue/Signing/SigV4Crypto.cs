using System.Security.Cryptography;
using System.Text;

namespace GlueTaskRunLambda.LocalGlue.Signing;

/// <summary>The hash and HMAC steps of AWS Signature Version 4.</summary>
internal static class SigV4Crypto
{
    /// <summary>Returns the lower-case hex SHA-256 of the bytes.</summary>
    public static string Sha256Hex(ReadOnlySpan<byte> data) =>
        Convert.ToHexStringLower(SHA256.HashData(data));

    /// <summary>Returns the lower-case hex SHA-256 of the UTF-8 bytes of the text.</summary>
    public static string Sha256Hex(string text) => Sha256Hex(Encoding.UTF8.GetBytes(text));

    /// <summary>
    /// Derives the signing key: HMAC-SHA256 chained over the scope date, region, service
    /// and "aws4_request", starting from "AWS4" followed by the secret key.
    /// </summary>
    /// <param name="date">Scope date as yyyyMMdd.</param>
    public static byte[] DeriveSigningKey(string secretAccessKey, string date, string region, string service)
    {
        byte[] dateKey = HmacSha256(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), date);
        byte[] regionKey = HmacSha256(dateKey, region);
        byte[] serviceKey = HmacSha256(regionKey, service);
        return HmacSha256(serviceKey, "aws4_request");
    }

    /// <summary>Returns the lower-case hex signature of a string to sign.</summary>
    public static string Sign(byte[] signingKey, string stringToSign) =>
        Convert.ToHexStringLower(HmacSha256(signingKey, stringToSign));

    private static byte[] HmacSha256(byte[] key, string data) =>
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));
}
