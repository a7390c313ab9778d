using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Flux.Dashboard.Tests.ScaleOut;

/// <summary>
/// A Redis server of one test's own (Debian's <c>redis-server</c>, in memory, on a free port of 127.0.0.1), which the
/// test may stop and start again on the same port, as an outage would.
/// </summary>
internal sealed class RedisServer : IAsyncDisposable
{
    private readonly int port;
    private Process? process;

    private RedisServer(int port) => this.port = port;

    public string Configuration => $"127.0.0.1:{port}";

    public static async Task<RedisServer> StartAsync()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var server = new RedisServer(((IPEndPoint)listener.LocalEndpoint).Port);
        listener.Stop();
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Starts the server (again) and waits until it takes connections.</summary>
    public async Task StartAgainAsync()
    {
        process = Process.Start(new ProcessStartInfo("redis-server", ["--port", $"{port}", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
        {
            RedirectStandardOutput = true,
        })!;
        process.BeginOutputReadLine();
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (waited.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(50);
            }
        }
    }

    /// <summary>Kills the server, as a crash would: every connection drops and what it held is gone.</summary>
    public async Task StopAsync()
    {
        if (process is null)
            return;
        process.Kill();
        await process.WaitForExitAsync();
        process.Dispose();
        process = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
