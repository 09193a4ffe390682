using System.Reflection;

namespace CertLint.Cli;

internal static class ToolVersion
{
    /// <summary>The informational version without the source-revision suffix.</summary>
    public static string Text { get; } = Resolve();

    private static string Resolve()
    {
        var v = typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = v.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? v : v[..plus];
    }
}
