using System.Reflection;
using System.Security;

namespace CertLint.MSBuild.Tests.Integration;

/// <summary>
/// A temporary folder holding a NuGet feed with freshly packed CertLint.MSBuild and CertLint (the tool), under a
/// version unique to this run, a NuGet.config (that feed plus the machine's usual sources) and an empty packages
/// folder: no cached package can stand in for the code under test.
/// </summary>
internal sealed class LocalFeed : IDisposable
{
    private LocalFeed(string root, string version)
    {
        Root = root;
        Version = version;
    }

    public string Root { get; }
    public string Version { get; }
    public string Feed => Path.Combine(Root, "feed");
    public string Packages => Path.Combine(Root, "packages");

    /// <summary>What every child process needs to restore from this feed only into this packages folder.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string> { ["NUGET_PACKAGES"] = Packages };

    public static LocalFeed Create()
    {
        var feed = new LocalFeed(
            Directory.CreateTempSubdirectory("certlint-it-").FullName,
            $"1.0.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}.{System.Environment.ProcessId}");
        Directory.CreateDirectory(feed.Feed);
        Directory.CreateDirectory(feed.Packages);
        var sources = MachineSources();
        // Next to the sample project and tool folder, so every restore under Root uses it instead of the user's.
        File.WriteAllText(Path.Combine(feed.Root, "NuGet.config"), NuGetConfig(feed.Feed, sources));
        feed.Pack("src/CertLint.MSBuild/CertLint.MSBuild.csproj");
        // The tool as one framework-dependent package (the RID-specific AOT packages are .ci/run's: AOT is minutes).
        feed.Pack("src/CertLint.Cli/CertLint.Cli.csproj", "-p:ToolPackageRuntimeIdentifiers=", "-p:PublishAot=false");
        return feed;
    }

    public static string RepoRoot => Metadata("CertLintRepoRoot");

    private static string Configuration => Metadata("CertLintConfiguration");

    /// <summary>Packs the build the test project already depends on (so it is fresh) rather than building again.</summary>
    private void Pack(string project, params string[] properties)
    {
        var result = ProcessRunner.Run(ProcessRunner.Dotnet,
            ["pack", Path.Combine(RepoRoot, project), "--no-build", "-c", Configuration, "-o", Feed, $"-p:Version={Version}", .. properties],
            RepoRoot, timeout: PackTimeout);
        result.ExitCode.ShouldBe(0, result.ToString());
    }

    /// <summary>CertLint.MSBuild's pack publishes the Native AOT tool on linux-x64: minutes, more on a loaded machine.</summary>
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(20);

    /// <summary>The enabled sources NuGet would use here (the SDK's own packages come from them), as `dotnet nuget` lists them.</summary>
    private static List<string> MachineSources()
    {
        var result = ProcessRunner.Run(ProcessRunner.Dotnet, ["nuget", "list", "source", "--format", "short"], RepoRoot);
        result.ExitCode.ShouldBe(0, result.ToString());
        return result.Lines.Where(l => l.StartsWith("E ", StringComparison.Ordinal)).Select(l => l[2..].Trim()).ToList();
    }

    private static string NuGetConfig(string feed, IEnumerable<string> sources)
    {
        var adds = sources.Prepend(feed).Select((s, i) => $"    <add key=\"source{i}\" value=\"{SecurityElement.Escape(s)}\" />");
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
            {string.Join('\n', adds)}
              </packageSources>
            </configuration>
            """;
    }

    private static string Metadata(string key) =>
        typeof(LocalFeed).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"assembly metadata {key} missing");

    public void Dispose()
    {
        if (System.Environment.GetEnvironmentVariable("CERTLINT_KEEP_TEMP") is null)
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
