namespace CertLint.Tests.Pki;

/// <summary>A fresh folder under the system temp directory, deleted on Dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = Directory.CreateTempSubdirectory("certlint-").FullName;
    }

    public string Path { get; }

    /// <summary>The absolute path of a file or folder inside, with forward or back slashes.</summary>
    public string this[string relative] => System.IO.Path.Combine(Path, relative.Replace('\\', '/'));

    public override string ToString() => Path;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail a test.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
