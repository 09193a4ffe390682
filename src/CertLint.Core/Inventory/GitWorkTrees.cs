using System.Diagnostics;
using System.Text;

namespace CertLint.Inventory;

/// <summary>Whether a scanned file is inside a git work tree and tracked there.</summary>
public enum GitTracking
{
    /// <summary>Not inside any git work tree: a deployment folder, an unpacked archive.</summary>
    OutsideWorkTree,
    /// <summary>Inside a work tree and in git's index.</summary>
    Tracked,
    /// <summary>Inside a work tree, not in the index (a file written after checkout).</summary>
    Untracked,
    /// <summary>Inside a work tree, but git could not be asked (not installed, failed, too slow).</summary>
    Unknown,
}

/// <summary>
/// Answers <see cref="GitTracking"/> for scanned files. The work tree is found by looking for `.git` in the file's
/// folder and its parents; the index is read once per work tree with `git ls-files -z` (a bounded process call:
/// 30 s, 64 MB of output), because a checkout's file modes and presence mean different things for tracked files.
/// </summary>
public sealed class GitWorkTrees
{
    private const int TimeoutMs = 30_000;
    private const int MaxOutputChars = 64 * 1024 * 1024;
    private readonly Dictionary<string, string?> _topOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>?> _tracked = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public GitTracking Classify(string fullPath)
    {
        // The path work outside the lock: the rule stage asks for every key file from every core.
        var full = Path.GetFullPath(fullPath);
        var directory = Path.GetDirectoryName(full);
        if (directory is null) return GitTracking.OutsideWorkTree;
        HashSet<string>? files;
        string top;
        lock (_lock)
        {
            if (TopOf(directory) is not { } found) return GitTracking.OutsideWorkTree;
            top = found;
            if (!_tracked.TryGetValue(top, out files)) _tracked[top] = files = ListTracked(top);
        }
        if (files is null) return GitTracking.Unknown;
        var relative = Path.GetRelativePath(top, full).Replace('\\', '/');
        return files.Contains(relative) ? GitTracking.Tracked : GitTracking.Untracked;
    }

    private string? TopOf(string directory)
    {
        if (_topOf.TryGetValue(directory, out var known)) return known;
        var parent = Path.GetDirectoryName(directory);
        var top = Directory.Exists(Path.Combine(directory, ".git")) || File.Exists(Path.Combine(directory, ".git"))
            ? directory
            : parent is null ? null : TopOf(parent);
        _topOf[directory] = top;
        return top;
    }

    /// <summary>Paths relative to <paramref name="top"/> in git's index, or null when git cannot tell.</summary>
    private static HashSet<string>? ListTracked(string top)
    {
        try
        {
            var psi = new ProcessStartInfo("git")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardOutputEncoding = Encoding.UTF8,
            };
            // No hooks or fsmonitor from a repository's own config: ls-files only reads the index.
            foreach (var a in new[] { "-C", top, "-c", "core.fsmonitor=false", "-c", "core.quotepath=off", "ls-files", "-z", "--cached" }) psi.ArgumentList.Add(a);
            using var git = Process.Start(psi);
            if (git is null) return null;
            git.ErrorDataReceived += (_, _) => { };
            git.BeginErrorReadLine();
            var output = new StringBuilder();
            var buffer = new char[64 * 1024];
            var reading = Task.Run(() =>
            {
                int n;
                while ((n = git.StandardOutput.Read(buffer, 0, buffer.Length)) > 0)
                {
                    if (output.Length + n > MaxOutputChars) return false;
                    output.Append(buffer, 0, n);
                }
                return true;
            });
            if (!reading.Wait(TimeoutMs) || !reading.Result || !git.WaitForExit(TimeoutMs) || git.ExitCode != 0)
            {
                try { git.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                return null;
            }
            return output.ToString().Split('\0', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException or InvalidOperationException)
        {
            return null; // git is not installed or could not start
        }
    }
}
