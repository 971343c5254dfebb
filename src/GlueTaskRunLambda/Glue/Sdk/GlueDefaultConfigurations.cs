using Amazon.Runtime;

namespace GlueTaskRunLambda.Glue.Sdk;

/// <summary>
/// The SDK defaults modes (AWS_DEFAULTS_MODE) the Glue client offers. All use the
/// standard retry mode; the connect timeouts follow the AWS SDKs' published defaults.
/// </summary>
internal static class GlueDefaultConfigurations
{
    private static readonly TimeSpan InRegionConnect = TimeSpan.FromMilliseconds(1100);
    private static readonly TimeSpan CrossRegionConnect = TimeSpan.FromMilliseconds(3100);
    private static readonly TimeSpan MobileConnect = TimeSpan.FromSeconds(30);

    internal static IReadOnlyList<IDefaultConfiguration> All { get; } =
    [
        Create(DefaultConfigurationMode.Standard, CrossRegionConnect),
        Create(DefaultConfigurationMode.InRegion, InRegionConnect),
        Create(DefaultConfigurationMode.CrossRegion, CrossRegionConnect),
        Create(DefaultConfigurationMode.Mobile, MobileConnect),
        Create(DefaultConfigurationMode.Auto, CrossRegionConnect),
    ];

    private static DefaultConfiguration Create(DefaultConfigurationMode mode, TimeSpan? connectTimeout) =>
        new()
        {
            Name = mode,
            RetryMode = RequestRetryMode.Standard,
            S3UsEast1RegionalEndpoint = S3UsEast1RegionalEndpointValue.Regional,
            ConnectTimeout = connectTimeout,
            TlsNegotiationTimeout = connectTimeout,
        };
}
