using GlueTaskRunLambda.Errors;

namespace GlueTaskRunLambda.Tests.Errors;

public sealed class SecretRedactorTests
{
    private readonly SecretRedactor _redactor = new(["secret-key-value-123", "session-token-value-456", "short", null]);

    [Fact]
    public void Redact_ConfiguredSecrets_Masked()
    {
        string text = _redactor.Redact("key secret-key-value-123 token session-token-value-456 end");

        Assert.Equal("key [redacted] token [redacted] end", text);
    }

    [Fact]
    public void Redact_ShortConfiguredValue_LeftAlone()
    {
        Assert.Equal("a short word", _redactor.Redact("a short word"));
    }

    [Theory]
    [InlineData("x-amz-security-token:IQoJb3JpZ2luX2VjEOr//////////wEaCXVzLWVhc3QtMSJH", "x-amz-security-token:[redacted]")]
    [InlineData("X-Amz-Security-Token = abc.def/ghi", "X-Amz-Security-Token = [redacted]")]
    [InlineData("Credential=AKID/20260131/us-east-1/glue/aws4_request, Signature=0123456789abcdef0123456789abcdef01234567", "Credential=AKID/20260131/us-east-1/glue/aws4_request, Signature=[redacted]")]
    [InlineData("""{"X-Amz-Security-Token": "FwoGZXIvYXdzEJr"}""", """{"X-Amz-Security-Token": "[redacted]"}""")]
    [InlineData("Signature: 0123456789abcdef0123456789abcdef", "Signature: [redacted]")]
    public void Redact_TokenAndSignaturePatterns_Masked(string input, string expected)
    {
        Assert.Equal(expected, SecretRedactor.PatternsOnly.Redact(input));
    }

    [Fact]
    public void Redact_EchoedCanonicalRequest_Removed()
    {
        string text = SecretRedactor.PatternsOnly.Redact(
            "Signature mismatch. The Canonical String for this request should have been 'POST\n/\n\nhost:glue\nx-amz-date:...'");

        Assert.Equal("Signature mismatch. " + SecretRedactor.EchoRemoved, text);
    }

    [Fact]
    public void Redact_Twice_SameAsOnce()
    {
        string once = SecretRedactor.PatternsOnly.Redact("Bad. The Canonical String for this request should have been 'POST'. Grant access.");

        Assert.Equal(once, SecretRedactor.PatternsOnly.Redact(once));
    }

    [Fact]
    public void Redact_Null_ReturnsEmpty()
    {
        Assert.Equal("", _redactor.Redact(null));
    }
}
