using System.Reflection;

namespace CertLint.Action.Tests;

/// <summary>Where the repository (and so action.yml, scripts/ and src/) is, as recorded at build time.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = Path.GetFullPath(
        typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "CertLintRepoRoot").Value!);

    public static string ActionYml => Path.Combine(Root, "action.yml");

    public static string Schema(string name) => Path.Combine(Root, "tests", "schemas", name);
}
