using System.Diagnostics;
using CertLint.Model;

namespace CertLint.Core.Tests.Parsing;

/// <summary>A scratch directory deleted after the test, with helpers for awkward file-system entries.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory() => System.IO.Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "certlint-" + Guid.NewGuid().ToString("N"));

    public string Combine(string relative) => System.IO.Path.Combine(Path, relative);

    public string Write(string relative, byte[] content)
    {
        var full = Combine(relative);
        System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
        return full;
    }

    public string Write(string relative, string content) => Write(relative, System.Text.Encoding.UTF8.GetBytes(content));

    public SourceFile Source(string relative) =>
        new(Combine(relative), relative, File.Exists(Combine(relative)) ? new FileInfo(Combine(relative)).Length : 0, null);

    /// <summary>mkfifo(1): .NET has no API to make a FIFO.</summary>
    public string MakeFifo(string relative)
    {
        var full = Combine(relative);
        using var process = Process.Start(new ProcessStartInfo("mkfifo", [full]) { UseShellExecute = false })!;
        process.WaitForExit();
        process.ExitCode.ShouldBe(0);
        return full;
    }

    public void Dispose()
    {
        try
        {
            if (OperatingSystem.IsWindows()) throw new IOException();
            foreach (var file in System.IO.Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories))
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
        catch (IOException)
        {
            // best effort
        }
        System.IO.Directory.Delete(Path, recursive: true);
    }
}
