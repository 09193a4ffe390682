using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CertLint.Cli.Tests.Browser;

/// <summary>
/// Headless Chromium (Debian's `chromium`) driven over the Chrome DevTools protocol: navigate, evaluate script,
/// capture a screenshot, and record every network request the page makes. One browser per instance.
/// </summary>
internal sealed class Chromium : IAsyncDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2); // termination only; a page loads in well under a second
    private readonly Process _process;
    private readonly DirectoryInfo _profile;
    private readonly ClientWebSocket _socket = new();
    private readonly List<JsonObject> _events = [];
    private int _id;

    private Chromium(Process process, DirectoryInfo profile) { _process = process; _profile = profile; }

    /// <summary>URLs of the requests the page made (Network.requestWillBeSent), in order.</summary>
    public IEnumerable<string> Requests => _events.Where(e => (string?)e["method"] == "Network.requestWillBeSent")
        .Select(e => (string)e["params"]!["request"]!["url"]!);

    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome"];

    public static string? Executable() =>
        Names
            .SelectMany(n => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Select(d => Path.Combine(d, n)))
            .FirstOrDefault(File.Exists);

    public static async Task<Chromium> StartAsync(string executable, int width = 1280, int height = 2000)
    {
        var profile = Directory.CreateTempSubdirectory("certlint-chromium-");
        var psi = new ProcessStartInfo(executable) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                     $"--window-size={width},{height}", "--remote-debugging-port=0", $"--user-data-dir={profile.FullName}", "about:blank" })
            psi.ArgumentList.Add(a);
        var process = Process.Start(psi)!;
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var browser = new Chromium(process, profile);
        // Chromium writes its port to DevToolsActivePort once it listens: wait for that event (bounded).
        var portFile = Path.Combine(profile.FullName, "DevToolsActivePort");
        var watch = Stopwatch.StartNew();
        while (!File.Exists(portFile) || File.ReadAllLines(portFile).Length < 2)
        {
            if (process.HasExited || watch.Elapsed > Bound) throw new InvalidOperationException("chromium did not start its DevTools endpoint");
            await Task.Delay(50);
        }
        var port = File.ReadAllLines(portFile)[0].Trim();
        using var http = new HttpClient { Timeout = Bound };
        var targets = JsonNode.Parse(await http.GetStringAsync($"http://127.0.0.1:{port}/json/list"))!.AsArray();
        var page = targets.First(t => (string?)t!["type"] == "page")!;
        await browser._socket.ConnectAsync(new Uri((string)page["webSocketDebuggerUrl"]!), CancellationToken.None);
        await browser.SendAsync("Network.enable");
        await browser.SendAsync("Page.enable");
        return browser;
    }

    public async Task NavigateAsync(string url)
    {
        _events.Clear();
        await SendAsync("Page.navigate", new JsonObject { ["url"] = url });
        await WaitForEventAsync("Page.loadEventFired");
    }

    /// <summary>Evaluates an expression in the page and returns its JSON value.</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true });
        if (result["exceptionDetails"] is { } error) throw new InvalidOperationException($"script failed: {error.ToJsonString()}");
        return result["result"]!["value"];
    }

    /// <summary>Emulates a media type ("print", or "" for screen) and a colour scheme ("dark", "light").</summary>
    public Task EmulateAsync(string media, string colorScheme) =>
        SendAsync("Emulation.setEmulatedMedia", new JsonObject
        {
            ["media"] = media,
            ["features"] = new JsonArray(new JsonObject { ["name"] = "prefers-color-scheme", ["value"] = colorScheme }),
        });

    /// <summary>Presses and releases a key as a keyboard would (as Puppeteer does: Tab has no text, Enter types "\r"), so focus moves and links follow as they do for people.</summary>
    public async Task PressAsync(string key)
    {
        var (keyCode, text) = key switch { "Tab" => (9, ""), "Enter" => (13, "\r"), _ => throw new ArgumentOutOfRangeException(nameof(key)) };
        var down = new JsonObject { ["type"] = text.Length > 0 ? "keyDown" : "rawKeyDown", ["key"] = key, ["code"] = key, ["windowsVirtualKeyCode"] = keyCode };
        if (text.Length > 0) down["text"] = text;
        await SendAsync("Input.dispatchKeyEvent", down);
        await SendAsync("Input.dispatchKeyEvent", new JsonObject { ["type"] = "keyUp", ["key"] = key, ["code"] = key, ["windowsVirtualKeyCode"] = keyCode });
    }

    public async Task<byte[]> ScreenshotAsync()
    {
        var result = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png", ["captureBeyondViewport"] = false });
        return Convert.FromBase64String((string)result["data"]!);
    }

    private async Task<JsonObject> SendAsync(string method, JsonObject? parameters = null)
    {
        var id = ++_id;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        while (true)
        {
            var m = await ReceiveAsync();
            if ((int?)m["id"] == id) return m["error"] is { } e ? throw new InvalidOperationException($"{method}: {e.ToJsonString()}") : (JsonObject)m["result"]!;
        }
    }

    private async Task WaitForEventAsync(string method)
    {
        while (!_events.Any(e => (string?)e["method"] == method)) await ReceiveAsync();
    }

    private async Task<JsonObject> ReceiveAsync()
    {
        using var cts = new CancellationTokenSource(Bound);
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        WebSocketReceiveResult r;
        do
        {
            r = await _socket.ReceiveAsync(buffer, cts.Token);
            message.Write(buffer, 0, r.Count);
        }
        while (!r.EndOfMessage);
        var node = JsonNode.Parse(message.ToArray())!.AsObject();
        if (node["method"] is not null) _events.Add(node);
        return node;
    }

    public async ValueTask DisposeAsync()
    {
        try { _socket.Dispose(); } catch (ObjectDisposedException) { }
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        try { _profile.Delete(recursive: true); } catch (IOException) { }
    }
}
