using CertLint.Configuration;
using CertLint.Configuration.Yaml;
using CertLint.Findings;

namespace CertLint.Cli;

/// <summary>
/// `certlint PATH` is the main form, so a first word that is not a sub-command is read as a path. A word that names
/// no file or folder here and is a near miss of a sub-command (`certlint rule`, `certlint explian X`) is a typo of
/// the command: one did-you-mean hint, not "no such file". A path that exists is always scanned, whatever its name.
/// </summary>
internal static class MistypedCommand
{
    public static string? Hint(IReadOnlyList<string> args, IEnumerable<string> commands, string workingDirectory)
    {
        if (args.Count == 0) return null;
        var word = args[0];
        // Only a bare word can be a command: anything path-like or glob-like is what the user meant as a path.
        if (word.Length < 3 || word.StartsWith('-') || word.IndexOfAny(['/', '\\', '.', ':']) >= 0 || RepositoryRoot.HasGlob(word)) return null;
        var names = commands.ToArray();
        if (names.Contains(word, StringComparer.OrdinalIgnoreCase)) return null;
        if (Path.Exists(Path.Combine(workingDirectory, word))) return null;
        return Suggest.Closest(word, names) is { } guess
            ? $"certlint: {SafeText.Quote(word)} is neither a command nor a file or folder. Did you mean '{guess}'?"
            : null;
    }
}
