using GlueTaskRunLambda.LocalGlue;

namespace GlueTaskRunLambda.Tests.LocalGlue;

public sealed class SimulatedTaskRunsTests
{
    private const string ValidRun = """
        "transformId": "tfm-1", "taskRunId": "tsk-1", "taskType": "EVALUATION",
        "outcome": "SUCCEEDED", "durationSeconds": 10
        """;

    [Fact]
    public void Parse_CommentsTrailingCommasAndAnyCase_AreAccepted()
    {
        string json = """
            {
              // A comment.
              "runs": [
                { "TransformId": "tfm-1", "taskrunid": "tsk-1", "taskType": "EVALUATION",
                  "outcome": "SUCCEEDED", "durationSeconds": 10, },
              ],
            }
            """;

        IReadOnlyList<SimulatedTaskRun> runs = SimulatedTaskRuns.Parse(json);

        SimulatedTaskRun run = Assert.Single(runs);
        Assert.Equal("tsk-1", run.TaskRunId);
    }

    [Fact]
    public void Parse_UnknownMember_ThrowsNamingIt()
    {
        string json = "{\"runs\": [{" + ValidRun + ", \"throttleFrist\": 2}]}";

        InvalidDataException exception = Assert.Throws<InvalidDataException>(() => SimulatedTaskRuns.Parse(json));

        Assert.Contains("throttleFrist", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingRequiredMember_Throws()
    {
        string json = """{"runs": [{"transformId": "tfm-1", "taskRunId": "tsk-1", "taskType": "EVALUATION"}]}""";

        Assert.Throws<InvalidDataException>(() => SimulatedTaskRuns.Parse(json));
    }

    [Fact]
    public void Parse_NoRunsArray_Throws()
    {
        Assert.Throws<InvalidDataException>(() => SimulatedTaskRuns.Parse("{}"));
    }

    [Theory]
    [InlineData("\"taskType\": \"TRAINING\"", "TaskType 'TRAINING'")]
    [InlineData("\"outcome\": \"RUNNING\"", "Outcome 'RUNNING'")]
    [InlineData("\"durationSeconds\": 0", "DurationSeconds 0")]
    [InlineData("\"errorString\": \"boom\"", "ErrorString is set")]
    [InlineData("\"throttleFirst\": -1", "ThrottleFirst")]
    [InlineData("\"taskRunId\": \"\"", "TaskRunId is invalid")]
    public void Parse_InvalidValue_ThrowsNamingTheProblem(string replacement, string expectedText)
    {
        string member = replacement[..(replacement.IndexOf(':', StringComparison.Ordinal) + 1)];
        string run = string.Join(
            ", ",
            ValidRun.Split(',', StringSplitOptions.TrimEntries)
                .Where(part => !part.StartsWith(member, StringComparison.Ordinal))
                .Append(replacement));

        InvalidDataException exception = Assert.Throws<InvalidDataException>(
            () => SimulatedTaskRuns.Parse("{\"runs\": [{" + run + "}]}"));

        Assert.Contains(expectedText, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FAILED")]
    [InlineData("TIMEOUT")]
    public void Parse_FailureWithoutErrorString_Throws(string outcome)
    {
        string json = "{\"runs\": [{" + ValidRun.Replace("SUCCEEDED", outcome, StringComparison.Ordinal) + "}]}";

        InvalidDataException exception = Assert.Throws<InvalidDataException>(() => SimulatedTaskRuns.Parse(json));

        Assert.Contains("ErrorString is missing", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("IMPORT_LABELS", "InputS3Path")]
    [InlineData("EXPORT_LABELS", "OutputS3Path")]
    [InlineData("LABELING_SET_GENERATION", "OutputS3Path")]
    [InlineData("FIND_MATCHES", "JobId")]
    public void Parse_TaskTypeWithoutItsProperties_Throws(string taskType, string expectedMember)
    {
        string json = "{\"runs\": [{" + ValidRun.Replace("EVALUATION", taskType, StringComparison.Ordinal) + "}]}";

        InvalidDataException exception = Assert.Throws<InvalidDataException>(() => SimulatedTaskRuns.Parse(json));

        Assert.Contains(expectedMember, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateTaskRunId_Throws()
    {
        string json = "{\"runs\": [{" + ValidRun + "}, {" + ValidRun + "}]}";

        InvalidDataException exception = Assert.Throws<InvalidDataException>(() => SimulatedTaskRuns.Parse(json));

        Assert.Contains("more than once", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_InvalidRunsOption_ThrowsInvalidData()
    {
        var options = new LocalGlueOptions { Runs = [TestRuns.Evaluation("tsk-1", "FAILED")] };

        await Assert.ThrowsAsync<InvalidDataException>(() => LocalGlueServer.StartAsync(options));
    }

    [Fact]
    public async Task StartAsync_MissingRunsFile_ThrowsFileNotFound()
    {
        var options = new LocalGlueOptions { RunsFile = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".json") };

        await Assert.ThrowsAsync<FileNotFoundException>(() => LocalGlueServer.StartAsync(options));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public async Task StartAsync_InvalidTimeScale_ThrowsArgument(double timeScale)
    {
        var options = new LocalGlueOptions { Runs = [], TimeScale = timeScale };

        await Assert.ThrowsAsync<ArgumentException>(() => LocalGlueServer.StartAsync(options));
    }
}
