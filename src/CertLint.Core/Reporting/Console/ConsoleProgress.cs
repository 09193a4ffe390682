using CertLint.Engine;

namespace CertLint.Reporting;

/// <summary>
/// A one-line progress indicator for stderr. It stays silent for the first <c>delay</c> (default 1 s) so quick scans
/// print nothing, redraws at most every <c>interval</c> (default 100 ms), and erases its line on <see cref="Dispose"/>.
/// Hosts create it only when stderr is a terminal and pass it to <see cref="LintEngine.Run"/> as its progress.
/// Thread-safe: the engine may report from parallel workers.
/// </summary>
public sealed class ConsoleProgress : IProgress<ScanProgress>, IDisposable
{
    private const int MaxWidth = 79;
    private readonly TextWriter _error;
    private readonly TimeProvider _time;
    private readonly TimeSpan _delay;
    private readonly TimeSpan _interval;
    private readonly DateTimeOffset _start;
    private readonly Lock _lock = new();
    private DateTimeOffset _last = DateTimeOffset.MinValue;
    private int _width;
    private bool _disposed;

    public ConsoleProgress(TextWriter error, TimeProvider? time = null, TimeSpan? delay = null, TimeSpan? interval = null)
    {
        _error = error;
        _time = time ?? TimeProvider.System;
        _delay = delay ?? TimeSpan.FromSeconds(1);
        _interval = interval ?? TimeSpan.FromMilliseconds(100);
        _start = _time.GetUtcNow();
    }

    public void Report(ScanProgress value)
    {
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            if (_disposed || now - _start < _delay || now - _last < _interval) return;
            _last = now;
            Draw(Format(value));
        }
    }

    /// <summary>"parse 120/2000 (6%)", or "discover 120" when the total is not known yet; one terminal line at most.</summary>
    public static string Format(ScanProgress p)
    {
        var stage = ReportText.Printable(p.Stage);
        var line = p.Total > 0
            ? $"{stage} {p.Done}/{p.Total} ({Math.Clamp(p.Done * 100L / p.Total, 0, 100)}%)"
            : $"{stage} {p.Done}";
        return line.Length <= MaxWidth ? line : line[..MaxWidth];
    }

    /// <summary>Erases the progress line so the report starts on a clean line.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed) return;
            _disposed = true;
            if (_width > 0) _error.Write("\r" + new string(' ', _width) + "\r");
            _error.Flush();
        }
    }

    private void Draw(string line)
    {
        // Pad with spaces over the previous line instead of ANSI erase codes, which NO_COLOR users may not want.
        _error.Write("\r" + line.PadRight(_width));
        _width = Math.Max(_width, line.Length);
        _error.Flush();
    }
}
