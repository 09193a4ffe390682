using CertLint.Configuration;
using CertLint.Model;
using Microsoft.Extensions.FileSystemGlobbing;

namespace CertLint.Parsing;

/// <summary>
/// Passwords from environment variables named by <see cref="LintSettings"/>: the empty password, then every
/// <see cref="LintSettings.PasswordsByPath"/> entry whose glob matches the file's relative path, then
/// <see cref="LintSettings.PasswordEnv"/>. Values are read through <see cref="LintSettings.Environment"/> (injectable for tests).
/// </summary>
public sealed class SettingsPasswordSource : IPasswordSource
{
    private readonly LintSettings _settings;
    private readonly (Matcher Matcher, string Variable)[] _byPath;

    public SettingsPasswordSource(LintSettings settings)
    {
        _settings = settings;
        _byPath = settings.PasswordsByPath
            .Select(p => (new Matcher(StringComparison.Ordinal).AddInclude(p.Glob), p.EnvironmentVariable))
            .ToArray();
    }

    public IReadOnlyList<string> CandidatesFor(SourceFile file)
    {
        var candidates = new List<string> { string.Empty };
        foreach (var variable in VariablesFor(file))
        {
            var value = _settings.Environment(variable);
            if (!string.IsNullOrEmpty(value) && !candidates.Contains(value)) candidates.Add(value);
        }
        return candidates;
    }

    public long MaxKdfIterations => _settings.Limits.KdfIterations;

    public string HintFor(SourceFile file) =>
        "set " + string.Join(" or ", VariablesFor(file)) + " or --password-env";

    private IEnumerable<string> VariablesFor(SourceFile file)
    {
        foreach (var (matcher, variable) in _byPath)
        {
            if (matcher.Match(file.RelativePath).HasMatches) yield return variable;
        }
        yield return _settings.PasswordEnv;
    }
}
