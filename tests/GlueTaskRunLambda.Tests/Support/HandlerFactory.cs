using GlueTaskRunLambda.Glue;
using GlueTaskRunLambda.Logging;
using GlueTaskRunLambda.Status;
using Microsoft.Extensions.Time.Testing;

namespace GlueTaskRunLambda.Tests.Support;

/// <summary>Builds a handler on a fake clock and a captured log for tests.</summary>
internal sealed class HandlerFactory
{
    public static readonly DateTimeOffset Start = new(2026, 1, 31, 12, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Time { get; } = new(Start);

    public StringWriter Log { get; } = new();

    public FunctionSettings Settings { get; init; } = new();

    public TaskRunStatusHandler Create(IGlueClient glue, bool jsonLogs = true)
    {
        var logger = new FunctionLogger(Log, Time, jsonLogs, LogLevel.Info);
        return new TaskRunStatusHandler(glue, Settings, Time, new PollPolicy(new Random(3)), logger);
    }

    public InvocationContext Context(TimeSpan? remaining = null) => new()
    {
        RequestId = "req-1",
        Deadline = Time.GetUtcNow() + (remaining ?? TimeSpan.FromSeconds(30)),
    };
}
