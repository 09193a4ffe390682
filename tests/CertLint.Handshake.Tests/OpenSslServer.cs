using System.Diagnostics;
using System.Net;
using System.Net.Sockets;


namespace CertLint.Handshake.Tests;

/// <summary>
/// `openssl s_server` on a free loopback port, started for one test and killed after it. Waits (bounded) until it
/// prints ACCEPT, i.e. listens.
/// </summary>
internal sealed class OpenSslServer : IDisposable
{
    private readonly Process _process;

    private OpenSslServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public const string Executable = "/usr/bin/openssl";

    public static OpenSslServer Start(params string[] arguments)
    {
        if (!File.Exists(Executable)) Assert.Ignore("openssl is not installed (Debian package openssl)");
        var port = FreePort();
        var info = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "s_server", "-accept", $"127.0.0.1:{port}" }.Concat(arguments)) info.ArgumentList.Add(a);
        var process = Process.Start(info) ?? throw new InvalidOperationException("openssl did not start");
        var server = new OpenSslServer(process, port);
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is { } line) { log.Enqueue(line); if (line.Contains("ACCEPT", StringComparison.Ordinal)) listening.TrySetResult(); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) log.Enqueue(line); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var waited = Stopwatch.StartNew();
        while (!listening.Task.IsCompleted && !process.HasExited && waited.Elapsed < TimeSpan.FromSeconds(10)) listening.Task.Wait(100);
        if (!listening.Task.IsCompleted)
        {
            server.Dispose();
            Assert.Fail($"openssl s_server did not start listening within 10 s: {string.Join(" | ", log)}");
        }
        return server;
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
    }
}
