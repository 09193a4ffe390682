using CertLint.Configuration;
using CertLint.Model;

namespace CertLint.Parsing;

/// <summary>
/// Passwords from environment variables named by <see cref="LintSettings"/>: the empty password, then every
/// <see cref="LintSettings.PasswordsByPath"/> entry whose glob matches the file's relative path, then
/// <see cref="LintSettings.PasswordEnv"/>. Values are read through <see cref="LintSettings.Environment"/> (injectable for tests).
/// </summary>
public sealed class SettingsPasswordSource : IPasswordSource
{
    private readonly LintSettings _settings;
    private readonly (PathGlob Glob, string Variable)[] _byPath;

    public SettingsPasswordSource(LintSettings settings)
    {
        _settings = settings;
        _byPath = settings.PasswordsByPath
            .Select(p => (GlobCache.Get(p.Glob), p.EnvironmentVariable))
            .ToArray();
        KdfBudget = new KdfBudget(settings.Limits.KdfBudget);
        ArithmeticBudget = new ArithmeticBudget(settings.Limits.ArithmeticBudget);
    }

    public KdfBudget KdfBudget { get; }

    public ArithmeticBudget ArithmeticBudget { get; }

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
        foreach (var (glob, variable) in _byPath)
        {
            if (glob.IsMatch(file.RelativePath)) yield return variable;
        }
        yield return _settings.PasswordEnv;
    }
}
