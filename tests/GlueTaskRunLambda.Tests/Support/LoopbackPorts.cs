using System.Net;
using System.Net.Sockets;

namespace GlueTaskRunLambda.Tests.Support;

/// <summary>Ports on 127.0.0.1 for tests that need a connection to be refused.</summary>
internal static class LoopbackPorts
{
    /// <summary>
    /// Returns a port that was free a moment ago and has no listener now. Another process
    /// could take it in between, which on a test machine is unlikely enough to accept.
    /// </summary>
    public static int FindClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
