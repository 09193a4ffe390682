using System.Text.RegularExpressions;
using CertLint.Configuration.Yaml;
using CertLint.Rules.Evaluation;
using YamlDotNet.RepresentationModel;

namespace CertLint.Configuration;

/// <summary>Reads the `suppressions:` list: rule, path and/or sha256, a required reason, an optional expiry.</summary>
internal static partial class SuppressionReader
{
    private static readonly string[] Keys = ["rule", "path", "sha256", "reason", "expires"];

    public static IReadOnlyList<SuppressionEntry> Read(string file, YamlNode node)
    {
        if (node is not YamlSequenceNode seq)
            throw YamlValues.Error(file, node, $"'suppressions' must be a list, not {YamlValues.Describe(node)}", "suppressions");
        return seq.Children.Select(item =>
        {
            var map = new YamlMap(file, item, "a suppression");
            map.RejectUnknown(Keys, "a suppression");
            var rule = map.RequireString("rule");
            var reason = map.RequireString("reason").Trim();
            if (reason.Length == 0) throw map.Error(map.Get("reason")!, "a suppression needs a reason", "reason");
            var path = map.String("path");
            if (path is not null) ConfigLoader.CheckGlob(file, map.Get("path")!, path, "path");
            var sha = map.String("sha256") is { } s ? SuppressionMatcher.NormalizeHex(s) : null;
            if (sha is not null && !Sha256().IsMatch(sha))
                throw map.Error(map.Get("sha256")!, "'sha256' must be 64 hex digits (the certificate's SHA-256 fingerprint)", "sha256");
            if (path is null && sha is null)
                throw map.Error(item, "a suppression needs 'path' (a glob) and/or 'sha256' (a certificate fingerprint)", "path");
            var expires = map.Get("expires") is { } e ? ConfigLoader.Date(file, e, "expires") : null;
            var origin = new ConfigOrigin(file, (int)item.Start.Line, (int)item.Start.Column);
            return new SuppressionEntry(rule, path, sha, reason, expires, $"{file}:{origin.Line}") { Origin = origin };
        }).ToArray();
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256();
}
