using System.Text.Json;
using GlueTaskRunLambda.Logging;
using Microsoft.Extensions.Time.Testing;

namespace GlueTaskRunLambda.Tests.Logging;

public sealed class FunctionLoggerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 31, 12, 0, 0, TimeSpan.Zero));
    private readonly StringWriter _output = new();

    [Fact]
    public void Json_WritesLambdaFieldsAndValues()
    {
        var logger = new FunctionLogger(_output, _time, json: true, LogLevel.Info);

        logger.Info("Read task run status", new LogField(LogField.TaskRunId, "tsk-1"), new LogField(LogField.PollCount, 3));

        var line = JsonDocument.Parse(_output.ToString()).RootElement;
        Assert.Equal("2026-01-31T12:00:00.000Z", line.GetProperty("timestamp").GetString());
        Assert.Equal("INFO", line.GetProperty("level").GetString());
        Assert.Equal("Read task run status", line.GetProperty("message").GetString());
        Assert.Equal("tsk-1", line.GetProperty("taskRunId").GetString());
        Assert.Equal(3, line.GetProperty("pollCount").GetInt32());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Log_ControlCharactersInValues_StayOnOneLine(bool json)
    {
        var logger = new FunctionLogger(_output, _time, json, LogLevel.Info);

        logger.Error("Task run status failed", new LogField(LogField.TaskRunId, "tsk\n2026-01-31T00:00:00Z\tINFO\tforged\r"));

        string[] lines = _output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains("tsk\\n2026", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Text_WritesTimestampLevelMessageAndFields()
    {
        var logger = new FunctionLogger(_output, _time, json: false, LogLevel.Info);

        logger.Warn("Careful", new LogField("budgetMs", 30000L), new LogField(LogField.Status, null));

        Assert.Equal("2026-01-31T12:00:00.000Z\tWARN\tCareful budgetMs=30000 status=null", _output.ToString().TrimEnd());
    }

    [Fact]
    public void Log_BelowMinimumLevel_WritesNothing()
    {
        var logger = new FunctionLogger(_output, _time, json: true, LogLevel.Error);

        logger.Info("quiet");
        logger.Warn("quiet");

        Assert.Empty(_output.ToString());
    }

    [Theory]
    [InlineData("JSON", "WARN", true, "Warn")]
    [InlineData("json", null, true, "Info")]
    [InlineData("Text", "DEBUG", false, "Debug")]
    [InlineData(null, "nonsense", false, "Info")]
    public void FromEnvironment_ReadsFormatAndLevel(string? format, string? level, bool json, string expected)
    {
        var variables = new Dictionary<string, string?> { ["AWS_LAMBDA_LOG_FORMAT"] = format, ["AWS_LAMBDA_LOG_LEVEL"] = level };

        var logger = FunctionLogger.FromEnvironment(name => variables.GetValueOrDefault(name), _output, _time);

        Assert.Equal(json, logger.IsJson);
        Assert.Equal(expected, logger.MinimumLevel.ToString());
    }

    [Fact]
    public void Log_ClosedWriter_DoesNotThrow()
    {
        var closed = new StringWriter();
        closed.Dispose();
        var logger = new FunctionLogger(closed, _time, json: true, LogLevel.Info);

        logger.Info("after close");
    }
}
