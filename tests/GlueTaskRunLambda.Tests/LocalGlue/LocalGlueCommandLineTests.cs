using System.Net;
using System.Text.RegularExpressions;
using GlueTaskRunLambda.LocalGlue;

namespace GlueTaskRunLambda.Tests.LocalGlue;

public sealed partial class LocalGlueCommandLineTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task CommandLine_PortZero_PrintsReadyLineAndStops()
    {
        using LocalGlueProcess process = LocalGlueProcess.Start("--port", "0", "--time-scale", "60");

        string? readyLine = await process.ReadLineAsync(StartTimeout);
        Match ready = ReadyLinePattern().Match(readyLine ?? "");
        Assert.True(ready.Success, $"Unexpected first line '{readyLine}'. Standard error: {process.StandardError}");

        string? authorization = null;
        using (GlueTestClient client = GlueTestClient.Signed(
            new Uri(ready.Groups["origin"].Value + "/"),
            afterSigning: request => authorization = request.Headers.GetValues("Authorization").Single()))
        {
            GlueResponse response = await client.GetMLTaskRunAsync(
                "tfm-00000000000000000000000000000001",
                "tsk-00000000000000000000000000000001");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await process.TerminateAsync();
        int exitCode = await process.WaitForExitAsync(StopTimeout);

        string standardError = process.StandardError;
        Assert.Equal(0, exitCode);
        Assert.Contains("GetMLTaskRun 200", standardError, StringComparison.Ordinal);
        Assert.Contains("tsk-00000000000000000000000000000001", standardError, StringComparison.Ordinal);
        Assert.DoesNotContain(LocalGlueOptions.DefaultSecretAccessKey, standardError, StringComparison.Ordinal);
        string signature = authorization![(authorization!.IndexOf("Signature=", StringComparison.Ordinal) + 10)..];
        Assert.DoesNotContain(signature, standardError, StringComparison.Ordinal);
        Assert.Contains("Stopped on", standardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommandLine_UnknownOption_ExitsWithCode2()
    {
        using LocalGlueProcess process = LocalGlueProcess.Start("--bogus", "1");

        int exitCode = await process.WaitForExitAsync(StartTimeout);

        Assert.Equal(2, exitCode);
        Assert.Contains("'--bogus' is unknown", process.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommandLine_MissingRunsFile_ExitsWithCode1()
    {
        string missing = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".json");
        using LocalGlueProcess process = LocalGlueProcess.Start("--port", "0", "--runs", missing);

        int exitCode = await process.WaitForExitAsync(StartTimeout);

        Assert.Equal(1, exitCode);
        Assert.Contains(missing, process.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", process.StandardError.Replace(missing, "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^local-glue listening on (?<origin>http://127\.0\.0\.1:\d+)$")]
    private static partial Regex ReadyLinePattern();
}
