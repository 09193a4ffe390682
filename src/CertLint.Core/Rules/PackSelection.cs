using CertLint.Configuration;
using CertLint.Configuration.Yaml;
using CertLint.Engine;
using CertLint.Rules.Loading;

namespace CertLint.Rules;

/// <summary>
/// Which built-in packs are on. The selection is a list: an entry without a sign makes it absolute (exactly these
/// packs); `+NAME` / `-NAME` add to or remove from the packs on by default (pack.yml `enabled`). Rules from the user's
/// own rule folders always load; they are turned off one by one.
/// </summary>
public static class PackSelection
{
    public static IReadOnlySet<string> Resolve(IReadOnlyList<string>? selection, IReadOnlyList<PackInfo> packs, ConfigOrigin? origin)
    {
        // Select, then filter: a Select after a Where is a generic virtual call, resolved at run time on its first call
        // under Native AOT (docs/performance.md, Session 10 (h10s)).
        var on = packs.Select(p => p.EnabledByDefault ? p.Name : null).OfType<string>().ToHashSet(StringComparer.Ordinal);
        if (selection is null || selection.Count == 0) return on;
        var names = packs.Select(p => p.Name).ToArray();
        if (selection.Any(s => !s.StartsWith('+') && !s.StartsWith('-'))) on.Clear();
        foreach (var entry in selection)
        {
            var name = entry.TrimStart('+', '-').Trim();
            if (!names.Contains(name, StringComparer.Ordinal))
            {
                var suggestion = Suggest.Closest(name, names);
                var message = $"unknown rule pack '{name}'{(suggestion is null ? "" : $" (did you mean '{suggestion}'?)")}; packs: {string.Join(", ", names)}";
                throw origin is null ? new UserErrorException($"--pack: {message}.") : origin.Error(message, "packs", suggestion);
            }
            if (entry.StartsWith('-')) on.Remove(name);
            else on.Add(name);
        }
        return on;
    }
}
