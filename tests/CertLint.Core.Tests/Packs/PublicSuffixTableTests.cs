using System.Globalization;
using CertLint.Rules.Primitives.DomainNames;

namespace CertLint.Tests.Packs;

/// <summary>
/// The embedded lookup table (built from Data/public_suffix_list.dat at build time) answers as the list's text read
/// as sets of strings does, for every rule of the list and names around it.
/// </summary>
public sealed class PublicSuffixTableTests
{
    private static readonly string DataFile = Path.Combine(BuiltInRules.Samples.RepoRoot, "src", "CertLint.Core", "Data", "public_suffix_list.dat");

    /// <summary>The list as sets of strings compared ignoring case, the way the loader once read it, with its lookups.</summary>
    private sealed class Sets
    {
        public readonly HashSet<string> Rules = new(StringComparer.OrdinalIgnoreCase), Wildcards = new(StringComparer.OrdinalIgnoreCase),
            Exceptions = new(StringComparer.OrdinalIgnoreCase), Private = new(StringComparer.OrdinalIgnoreCase), Tlds = new(StringComparer.OrdinalIgnoreCase);
        public readonly List<string> Names = [];
        public int Icann;

        public Sets()
        {
            var idn = new IdnMapping();
            string? section = null;
            foreach (var line in File.ReadLines(DataFile).Select(l => l.Trim()))
            {
                if (line.StartsWith("// ===BEGIN ICANN DOMAINS===", StringComparison.Ordinal)) section = "icann";
                else if (line.StartsWith("// ===END ICANN DOMAINS===", StringComparison.Ordinal)) section = null;
                else if (line.StartsWith("// ===BEGIN PRIVATE DOMAINS===", StringComparison.Ordinal)) section = "private";
                if (line.Length == 0 || line.StartsWith("//", StringComparison.Ordinal) || section is null) continue;
                var rule = line.Split(' ', '\t')[0];
                var body = rule.TrimStart('!');
                if (body.StartsWith("*.", StringComparison.Ordinal)) body = body[2..];
                body = idn.GetAscii(body);
                Names.Add(body);
                if (section == "private") { Private.Add(body); continue; }
                Icann++;
                (rule[0] == '!' ? Exceptions : rule[0] == '*' ? Wildcards : Rules).Add(body);
                Tlds.Add(body[(body.LastIndexOf('.') + 1)..]);
            }
        }

        public string SuffixOf(string name)
        {
            var n = name.TrimEnd('.');
            for (var start = 0; start < n.Length;)
            {
                var candidate = n[start..];
                var dot = candidate.IndexOf('.');
                if (Exceptions.Contains(candidate)) return candidate[(dot + 1)..];
                if (Rules.Contains(candidate)) return candidate;
                if (dot > 0 && Wildcards.Contains(candidate[(dot + 1)..])) return candidate;
                if (dot < 0) return candidate;
                start += dot + 1;
            }
            return n;
        }

        public bool IsPublicSuffix(string name, bool includePrivate)
        {
            var n = name.TrimEnd('.').ToLowerInvariant();
            if (n.Length == 0 || Exceptions.Contains(n)) return false;
            if (Rules.Contains(n) || (includePrivate && Private.Contains(n))) return true;
            var dot = n.IndexOf('.');
            return dot > 0 && Wildcards.Contains(n[(dot + 1)..]);
        }

        public bool HasKnownTld(string name)
        {
            var trimmed = name.TrimEnd('.');
            var tld = trimmed[(trimmed.LastIndexOf('.') + 1)..];
            return tld.Equals("onion", StringComparison.OrdinalIgnoreCase) || Tlds.Contains(tld);
        }
    }

    [Test]
    public void The_embedded_table_answers_as_the_lists_text_for_every_rule_and_the_names_around_it()
    {
        var sets = new Sets();
        var psl = PublicSuffixList.Default;
        psl.IcannRules.ShouldBe(sets.Icann);
        sets.Names.Count.ShouldBeGreaterThan(9000);
        var asked = 0;
        foreach (var rule in sets.Names)
        {
            var dot = rule.IndexOf('.');
            foreach (var name in new[] { rule, rule.ToUpperInvariant(), "www." + rule, "a.b." + rule, "x." + rule + ".", dot < 0 ? "q" + rule : rule[(dot + 1)..], rule + "x" })
            {
                asked++;
                var lower = name.ToLowerInvariant();
                psl.SuffixOf(lower).ShouldBe(sets.SuffixOf(lower), name);
                psl.IsPublicSuffix(name, includePrivate: false).ShouldBe(sets.IsPublicSuffix(name, false), name);
                psl.IsPublicSuffix(name, includePrivate: true).ShouldBe(sets.IsPublicSuffix(name, true), name);
                psl.HasKnownTld(name).ShouldBe(sets.HasKnownTld(name), name);
            }
        }
        asked.ShouldBeGreaterThan(60_000);
    }

    [Test]
    public void The_embedded_table_is_the_one_the_shipped_text_builds()
    {
        using var stream = typeof(PublicSuffixList).Assembly.GetManifestResourceStream("CertLint.PublicSuffixList").ShouldNotBeNull();
        var embedded = new byte[stream.Length];
        stream.ReadExactly(embedded);
        PublicSuffixTable.Build(File.ReadAllBytes(DataFile)).ShouldBe(embedded);
        // A table built from other text answers from that text, not the embedded one.
        var small = PublicSuffixList.FromTable(PublicSuffixTable.Build("// ===BEGIN ICANN DOMAINS===\ncom\n*.ck\n!www.ck\n// ===END ICANN DOMAINS===\n"u8));
        (small.IcannRules, small.SuffixOf("a.b.ck"), small.SuffixOf("www.ck"), small.SuffixOf("x.co.uk"), small.HasKnownTld("x.uk")).ShouldBe((3, "b.ck", "ck", "uk", false));
    }
}
