using System.Reflection;

namespace CertLint.Tests.BuiltInRules;

/// <summary>The committed samples/ folder (made by samples/make-samples.sh with openssl).</summary>
internal static class Samples
{
    public static readonly string RepoRoot = typeof(Samples).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "CertLintRepoRoot").Value!;

    public static readonly string Directory = Path.Combine(RepoRoot, "samples");

    public static string PathOf(string relative) => Path.Combine(Directory, relative);
}
