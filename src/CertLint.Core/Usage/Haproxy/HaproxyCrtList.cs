namespace CertLint.Usage.Haproxy;

/// <summary>
/// `bind ... ssl crt-list FILE`: each line of FILE is `CERT [ssl options] [SNI filters]` ('#' comments and blank lines
/// skipped), a certificate served for those names with its own options (verify, ca-file, ssl-min-ver...) overriding
/// the bind line's. Each entry is a server usage at its line of the list, so findings point there; its paths resolve
/// as the configuration's do (crt-base, else the configuration's folder). The list is read inside the root only, and
/// at most <see cref="MaxEntries"/> entries of it; past the run's <see cref="IncludeBudget"/> not at all, a parse issue
/// at the bind line.
/// </summary>
internal static class HaproxyCrtList
{
    private const int MaxEntries = 1_000;

    public static void Read(HaproxyReader.Context context, TlsUsage bind, HaproxyLine bindLine, FileReference list)
    {
        var source = context.Source;
        var full = list.ResolvedFullPath ?? (list.IsAbsolute ? UsagePaths.FileByTail(list.Path, source.Directory, source.Root) : null);
        if (full is null || !File.Exists(full) || source.Open(full) is not { } text)
        {
            if (full is not null && source.Includes.Spent)
            {
                // Past the run's include budget: the list exists but is not read, which must not pass as "no certificates".
                context.Result.Error(bindLine.At, IncludeBudget.Problem);
                return;
            }
            // Missing in the repository (config-file-missing) or a deployment path (config-file-external), at the bind line.
            context.Result.Usages.Add(bind with { Certificate = list });
            return;
        }
        text.RefusedWithMark("HAProxy", context.Result);
        var lines = text.Text.Split('\n');
        var entries = 0;
        for (var i = 0; i < lines.Length && entries < MaxEntries; i++)
        {
            var at = text.At(i + 1);
            if (ConfigWords.Split(lines[i].TrimEnd('\r'), inlineComments: true, out var error) is not { } words)
            {
                context.Result.Error(at, error!);
                continue;
            }
            if (words.Count == 0) continue;
            var options = new List<string>();
            if (Options(words, options) is not { } next)
            {
                context.Result.Error(at, "crt-list entry: '[' opens ssl options that no ']' closes on the line");
                continue;
            }
            entries++;
            var entry = new HaproxyLine("crt-list", options, at);
            // SNI filters: '!name' excludes a name, wildcards are patterns; the literal names are the hosts served.
            var hosts = words.Skip(next).Where(h => !h.StartsWith('!') && h.IndexOfAny(['*', '?']) < 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var certs = context.Certificates(context.Reference(words[0], entry, "crt-list", "crt-base")).ToList();
            foreach (var cert in certs)
            {
                context.Result.Usages.Add(context.BindUsage($"{bind.Service} crt {Path.GetFileName(cert.Path)}", bindLine, entry) with
                {
                    Certificate = cert,
                    Key = HaproxyReader.Context.KeyOf(cert),
                    Hosts = hosts,
                    HostsAt = hosts.Count > 0 ? at : null,
                });
            }
        }
    }

    /// <summary>The words between '[' and ']' after the certificate; returns where the filters start, or null when unclosed.</summary>
    private static int? Options(List<string> words, List<string> options)
    {
        if (words.Count < 2 || !words[1].StartsWith('[')) return 1;
        for (var i = 1; i < words.Count; i++)
        {
            var word = i == 1 ? words[i][1..] : words[i];
            var closes = word.EndsWith(']');
            if (closes) word = word[..^1];
            if (word.Length > 0) options.Add(word);
            if (closes) return i + 1;
        }
        return null;
    }
}
