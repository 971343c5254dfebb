using System.Net;
using GlueTaskRunLambda.LocalGlue;
using GlueTaskRunLambda.Tests.Support;

namespace GlueTaskRunLambda.Tests.Faults;

public sealed class LoopbackBindingTests
{
    [Fact]
    public async Task LocalGlue_ListensOnLoopbackOnly()
    {
        await using var server = await LocalGlueServer.StartAsync(new LocalGlueOptions { Port = 0 });

        Assert.Equal(IPAddress.Loopback, IPAddress.Parse(server.BaseAddress.Host));
    }

    [Fact]
    public async Task ScriptedServer_ListensOnLoopbackOnly()
    {
        await using var server = await ScriptedHttpServer.StartAsync();

        Assert.Equal(IPAddress.Loopback, IPAddress.Parse(server.BaseAddress.Host));
    }
}
