using GlueTaskRunLambda.LocalGlue;

namespace GlueTaskRunLambda.Tests.LocalGlue;

/// <summary>How <see cref="GlueTestClient"/> signs requests; the defaults match a default server.</summary>
internal sealed record SigningSettings
{
    public string AccessKeyId { get; init; } = LocalGlueOptions.DefaultAccessKeyId;

    public string SecretAccessKey { get; init; } = LocalGlueOptions.DefaultSecretAccessKey;

    public string? SessionToken { get; init; }

    public string Region { get; init; } = LocalGlueOptions.DefaultRegion;

    public string Service { get; init; } = "glue";

    /// <summary>Signing time; null signs with the current time.</summary>
    public DateTime? SignedAt { get; init; }
}
