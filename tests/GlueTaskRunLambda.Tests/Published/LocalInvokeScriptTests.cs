using System.Diagnostics;
using System.Text.Json;
using GlueTaskRunLambda.Tests.Support;

namespace GlueTaskRunLambda.Tests.Published;

/// <summary>The README's first command, run as a newcomer's shell would run it.</summary>
public sealed class LocalInvokeScriptTests
{
    [Fact]
    public async Task LocalInvokeScript_CloudTrailEventWithoutRunId_FindsRun()
    {
        var (exitCode, output, error) = await RunScriptAsync("events/cloudtrail-start-ml-evaluation-task-run-no-response.json");

        Assert.True(exitCode == 0, error);
        var document = JsonDocument.Parse(output).RootElement;
        Assert.Equal("EVALUATION", document.GetProperty("TaskType").GetString());
        Assert.Contains("eventTime is set to now", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LocalInvokeScript_CloudTrailEventWithEmptyResponse_FindsRun()
    {
        string sample = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "events", "cloudtrail-start-ml-evaluation-task-run-no-response.json"));
        var json = System.Text.Json.Nodes.JsonNode.Parse(sample)!;
        json["detail"]!["responseElements"] = new System.Text.Json.Nodes.JsonObject();
        string eventFile = Path.GetTempFileName();
        await File.WriteAllTextAsync(eventFile, json.ToJsonString());

        var (exitCode, output, error) = await RunScriptAsync(eventFile);

        Assert.True(exitCode == 0, error);
        Assert.Equal("EVALUATION", JsonDocument.Parse(output).RootElement.GetProperty("TaskType").GetString());
    }

    [Fact]
    public async Task LocalInvokeScript_CallerHasAwsSettings_StillUsesLocalGlue()
    {
        var (exitCode, output, error) = await RunScriptAsync(null);

        Assert.True(exitCode == 0, error);
        var document = JsonDocument.Parse(output).RootElement;
        Assert.Equal("tsk-00000000000000000000000000000002", document.GetProperty("TaskRunId").GetString());
        Assert.Equal("LABELING_SET_GENERATION", document.GetProperty("TaskType").GetString());
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunScriptAsync(string? eventFile)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root,
        };
        start.ArgumentList.Add("scripts/local-invoke.sh");
        if (eventFile is not null)
        {
            start.ArgumentList.Add(eventFile);
        }

        // Settings a developer's shell often carries; none may leak into the local run.
        start.Environment["AWS_SESSION_TOKEN"] = "a-real-looking-session-token";
        start.Environment["AWS_PROFILE"] = "production";
        start.Environment["AWS_ENDPOINT_URL"] = "http://127.0.0.1:9/";

        using var process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
