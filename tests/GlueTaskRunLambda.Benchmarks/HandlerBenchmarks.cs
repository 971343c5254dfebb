using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using GlueTaskRunLambda.Glue;
using GlueTaskRunLambda.Hosting;
using GlueTaskRunLambda.Input;
using GlueTaskRunLambda.Logging;
using GlueTaskRunLambda.Serialization;
using GlueTaskRunLambda.Status;

namespace GlueTaskRunLambda.Benchmarks;

/// <summary>
/// The in-process part of one invocation, with an in-memory Glue client: parse the event,
/// check it, build the status document, serialize it and write the log line (to
/// <see cref="TextWriter.Null"/>, after formatting). The Runtime API and the SDK's HTTP call
/// are left out; tests/benchmarks/warm.mjs measures a whole invocation.
/// </summary>
[MemoryDiagnoser]
public class HandlerBenchmarks
{
    private const string TransformId = "tfm-00000000000000000000000000000001";
    private const string TaskRunId = "tsk-0000000000000000000000000000000b";

    private StatusFunction _function = null!;
    private byte[] _idsEvent = null!;
    private byte[] _documentEvent = null!;
    private StatusDocument _document = null!;

    [GlobalSetup]
    public void Setup()
    {
        DateTimeOffset now = DateTimeOffset.UtcNow;
        var run = new GlueTaskRun
        {
            TransformId = TransformId,
            TaskRunId = TaskRunId,
            Status = "RUNNING",
            LogGroupName = "/aws-glue/ml-transforms/" + TransformId,
            Properties = new GlueTaskRunProperties { TaskType = "EVALUATION" },
            StartedOn = now.AddMinutes(-20),
            LastModifiedOn = now.AddMinutes(-19),
            ExecutionTime = 1200,
        };

        var logger = new FunctionLogger(TextWriter.Null, TimeProvider.System, json: false, LogLevel.Info);
        var handler = new TaskRunStatusHandler(
            new InMemoryGlueClient(run),
            new FunctionSettings(),
            TimeProvider.System,
            new PollPolicy(new Random(7)),
            logger);
        _function = new StatusFunction(handler);

        _idsEvent = Encoding.UTF8.GetBytes($$"""{"TransformId":"{{TransformId}}","TaskRunId":"{{TaskRunId}}"}""");

        // The wait loop's usual input: the previous status document, fed back unchanged.
        _documentEvent = _function.InvokeAsync(_idsEvent, Context(), CancellationToken.None).GetAwaiter().GetResult();
        _document = JsonSerializer.Deserialize(_documentEvent, FunctionJsonContext.Relaxed.StatusDocument)!;
    }

    [Benchmark(Description = "invoke, event with ids")]
    public Task<byte[]> InvokeWithIds() => _function.InvokeAsync(_idsEvent, Context(), CancellationToken.None);

    [Benchmark(Description = "invoke, previous document")]
    public Task<byte[]> InvokeWithDocument() => _function.InvokeAsync(_documentEvent, Context(), CancellationToken.None);

    [Benchmark(Description = "parse previous document")]
    public object ParseDocument() => TaskRunRequestParser.Parse(_documentEvent);

    [Benchmark(Description = "serialize status document")]
    public byte[] SerializeDocument() =>
        JsonSerializer.SerializeToUtf8Bytes(_document, FunctionJsonContext.Relaxed.StatusDocument);

    private static InvocationContext Context() => new()
    {
        RequestId = "8f5c2a8e-5b8c-4d0e-9d55-3f0b8e1c2a77",
        Deadline = DateTimeOffset.UtcNow.AddSeconds(30),
    };
}
