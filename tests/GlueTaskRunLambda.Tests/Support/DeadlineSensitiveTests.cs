namespace GlueTaskRunLambda.Tests.Support;

/// <summary>
/// Tests that check the real-time deadline (the handler gives up 500 ms before it) run
/// in this collection, after the parallel tests and one at a time, so that CPU-heavy
/// tests running beside them cannot delay a timer past that margin.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DeadlineSensitiveTests
{
    public const string Name = "Deadline-sensitive tests";
}
