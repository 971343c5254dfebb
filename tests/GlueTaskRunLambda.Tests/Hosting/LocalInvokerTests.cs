using System.Text;
using System.Text.Json;
using GlueTaskRunLambda.Errors;
using GlueTaskRunLambda.Hosting;

namespace GlueTaskRunLambda.Tests.Hosting;

public sealed class LocalInvokerTests
{
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    [Fact]
    public async Task Run_NoArgumentsOnTerminal_PrintsUsage()
    {
        var invoker = new LocalInvoker(new ScriptedFunction(), TimeProvider.System, TimeSpan.FromSeconds(30));

        int exitCode = await invoker.RunAsync([], Stream.Null, _output, _error, CancellationToken.None, inputIsTerminal: true);

        Assert.Equal(LocalInvoker.UsageError, exitCode);
        Assert.StartsWith("Usage: bootstrap", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_CancelledWhileReadingInput_ExitsWith130()
    {
        var invoker = new LocalInvoker(new ScriptedFunction(), TimeProvider.System, TimeSpan.FromSeconds(30));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        int exitCode = await invoker.RunAsync(["-"], new NeverEndingStream(), _output, _error, cancellation.Token);

        Assert.Equal(LocalInvoker.Cancelled, exitCode);
        Assert.Contains("Cancelled while reading the event.", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_StandardInput_PrintsDocument()
    {
        var function = new ScriptedFunction { Output = """{"Status":"RUNNING"}""" };
        var invoker = new LocalInvoker(function, TimeProvider.System, TimeSpan.FromSeconds(30));
        using var input = new MemoryStream(Encoding.UTF8.GetBytes("""{"TransformId":"t","TaskRunId":"r"}"""));

        int exitCode = await invoker.RunAsync(["-"], input, _output, _error, CancellationToken.None);

        Assert.Equal(LocalInvoker.Success, exitCode);
        Assert.Equal("""{"Status":"RUNNING"}""", _output.ToString().Trim());
        Assert.Equal("""{"TransformId":"t","TaskRunId":"r"}""", function.LastInput);
    }

    [Fact]
    public async Task Run_FunctionError_JsonLastLineAndExitOne()
    {
        var function = new ScriptedFunction { Error = new TaskRunNotFound("no such run") };
        var invoker = new LocalInvoker(function, TimeProvider.System, TimeSpan.FromSeconds(30));

        int exitCode = await invoker.RunAsync(["-"], new MemoryStream(), _output, _error, CancellationToken.None);

        Assert.Equal(LocalInvoker.FunctionFailed, exitCode);
        var line = JsonDocument.Parse(_error.ToString().Trim().Split('\n')[^1]).RootElement;
        Assert.Equal("TaskRunNotFound", line.GetProperty("errorType").GetString());
        Assert.Equal("no such run", line.GetProperty("errorMessage").GetString());
    }

    [Fact]
    public async Task Run_DeadlineFromTimeout()
    {
        var function = new ScriptedFunction { Output = "{}" };
        var invoker = new LocalInvoker(function, TimeProvider.System, TimeSpan.FromSeconds(7));
        var before = DateTimeOffset.UtcNow;

        await invoker.RunAsync(["-"], new MemoryStream(), _output, _error, CancellationToken.None);

        Assert.InRange(function.LastContext!.Deadline!.Value - before, TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(8));
    }

    private sealed class ScriptedFunction : ILambdaFunction
    {
        public string Output { get; init; } = "{}";

        public FunctionError? Error { get; init; }

        public string? LastInput { get; private set; }

        public InvocationContext? LastContext { get; private set; }

        public Task<byte[]> InvokeAsync(ReadOnlyMemory<byte> input, InvocationContext context, CancellationToken cancellationToken)
        {
            LastInput = Encoding.UTF8.GetString(input.Span);
            LastContext = context;
            return Error is null ? Task.FromResult(Encoding.UTF8.GetBytes(Output)) : Task.FromException<byte[]>(Error);
        }
    }

    /// <summary>A stream whose reads never finish and ignore cancellation, as a console's can.</summary>
    private sealed class NeverEndingStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => 0; set => throw new NotSupportedException(); }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            new(new TaskCompletionSource<int>().Task);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
