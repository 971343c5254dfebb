using Microsoft.Extensions.Logging;

namespace GlueTaskRunLambda.LocalGlue;

/// <summary>
/// Settings of one <see cref="LocalGlueServer"/>: where it listens, which credentials it
/// accepts, which task runs it simulates and how fast their time passes.
/// </summary>
public sealed class LocalGlueOptions
{
    /// <summary>Port that the command line uses when <c>--port</c> is not given.</summary>
    public const int DefaultPort = 4599;

    /// <summary>Region that requests must be signed for unless <see cref="Region"/> is set.</summary>
    public const string DefaultRegion = "us-east-1";

    /// <summary>
    /// Access key id accepted by default. It is a fake value for local use only and grants
    /// nothing on AWS.
    /// </summary>
    public const string DefaultAccessKeyId = "AKIDLOCALGLUE00000000";

    /// <summary>
    /// Secret access key accepted by default. It is a fake value for local use only and
    /// grants nothing on AWS.
    /// </summary>
    public const string DefaultSecretAccessKey = "local-glue-secret-key";

    /// <summary>
    /// TCP port on 127.0.0.1. The default, 0, lets the system pick a free port, which
    /// <see cref="LocalGlueServer.BaseAddress"/> then reports.
    /// </summary>
    public int Port { get; init; }

    /// <summary>Region that the SigV4 credential scope must name.</summary>
    public string Region { get; init; } = DefaultRegion;

    /// <summary>The only access key id that the server accepts.</summary>
    public string AccessKeyId { get; init; } = DefaultAccessKeyId;

    /// <summary>Secret access key that signatures are verified with.</summary>
    public string SecretAccessKey { get; init; } = DefaultSecretAccessKey;

    /// <summary>
    /// Session token that every request must send in <c>X-Amz-Security-Token</c>. When
    /// null, a request that sends a session token is rejected.
    /// </summary>
    public string? SessionToken { get; init; }

    /// <summary>
    /// Simulated task runs. When null, the server reads them from <see cref="RunsFile"/>.
    /// </summary>
    public IReadOnlyList<SimulatedTaskRun>? Runs { get; init; }

    /// <summary>
    /// JSON file of simulated task runs, read when <see cref="Runs"/> is null. Defaults to
    /// the runs.json shipped beside the assembly.
    /// </summary>
    public string RunsFile { get; init; } = SimulatedTaskRuns.DefaultFilePath;

    /// <summary>
    /// Simulated seconds that pass per real second. 60 makes a run of 60 seconds finish in
    /// 1 second. Must be greater than 0.
    /// </summary>
    public double TimeScale { get; init; } = 1;

    /// <summary>
    /// Simulated duration, in seconds, of the runs that the Start*TaskRun operations
    /// create. They succeed when it has passed.
    /// </summary>
    public double StartedRunDurationSeconds { get; init; } = 60;

    /// <summary>Clock that drives the simulated runs and their timestamps.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// Clock that <c>X-Amz-Date</c> is checked against. It is separate from
    /// <see cref="TimeProvider"/> so that a test can move run time forward by hours while
    /// its requests are signed with the real time.
    /// </summary>
    public TimeProvider SignatureTimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// Logger factory for one line per request and for Kestrel's warnings. When null,
    /// nothing is logged.
    /// </summary>
    public ILoggerFactory? LoggerFactory { get; init; }
}
