using Microsoft.Extensions.Hosting;

namespace GlueTaskRunLambda.LocalGlue;

/// <summary>
/// A host lifetime that does nothing, in place of the default console lifetime, so that
/// a server hosted in a test process does not take over Ctrl+C and SIGTERM. The command
/// line handles those signals itself.
/// </summary>
internal sealed class ManualHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
