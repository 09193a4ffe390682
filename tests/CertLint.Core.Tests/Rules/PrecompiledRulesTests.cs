using CertLint.Configuration.Yaml;
using CertLint.Rules.Compilation;
using CertLint.Rules.Loading;
using CertLint.Rules.Loading.Precompiled;
using YamlDotNet.RepresentationModel;

namespace CertLint.Core.Tests.Rules;

/// <summary>
/// The built-in packs are pre-parsed at build time (Rules/Loading/Precompiled); the YAML files stay the source. These
/// tests prove that what a run replays is what parsing the files gives, node for node, position for position.
/// </summary>
public class PrecompiledRulesTests
{
    private static string RulesDir => Path.Combine(DocExamples.RepoRoot, "rules");

    private static IEnumerable<(string Resource, string Path)> BuiltInFiles() =>
        Directory.EnumerateFiles(RulesDir, "*.yml", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}schema{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => ("rules/" + Path.GetRelativePath(RulesDir, f).Replace('\\', '/'), f));

    [Test]
    public void Every_built_in_rule_file_is_precompiled_and_replays_to_the_tree_its_yaml_parses_to()
    {
        var files = BuiltInFiles().ToList();
        files.Count.ShouldBeGreaterThan(300);
        PrecompiledRules.Default.Files.Order(StringComparer.Ordinal).ShouldBe(files.Select(f => f.Resource).Order(StringComparer.Ordinal));
        foreach (var (resource, path) in files)
        {
            var replayed = PrecompiledRules.Default.Root(resource).ShouldNotBeNull(resource);
            AssertSame(SafeYaml.Load(resource, File.ReadAllText(path)), replayed, resource);
        }
    }

    [Test]
    public void The_built_in_rules_loaded_from_the_precompiled_form_equal_those_parsed_from_the_yaml()
    {
        var loaded = RuleLoader.LoadBuiltIn().ToDictionary(r => r.File, StringComparer.Ordinal);
        foreach (var (resource, path) in BuiltInFiles().Where(f => !f.Resource.EndsWith("/" + RuleLoader.PackFile, StringComparison.Ordinal)))
        {
            var parsed = RuleParser.Parse(resource, File.ReadAllText(path), loaded[resource].Descriptor.Documentation, builtIn: true);
            var rule = loaded[resource];
            (rule.Id, rule.Name, rule.Descriptor.Pack, rule.Descriptor.Title, rule.EnabledByDefault, rule.Message)
                .ShouldBe((parsed.Id, parsed.Name, parsed.Descriptor.Pack, parsed.Descriptor.Title, parsed.EnabledByDefault, parsed.Message), resource);
            AssertSame(parsed.Check, rule.Check, resource);
            if (parsed.Where is not null) AssertSame(parsed.Where, rule.Where.ShouldNotBeNull(), resource);
            // Read lazily from the pre-parsed form (values as text, nodes on demand): every other part too.
            var (d, e) = (rule.Descriptor, parsed.Descriptor);
            (d.Description, d.Remediation, d.SecuritySeverity, d.Precision, d.HelpUri, d.Source, d.Citation, d.DefaultSeverity)
                .ShouldBe((e.Description, e.Remediation, e.SecuritySeverity, e.Precision, e.HelpUri, e.Source, e.Citation, e.DefaultSeverity), resource);
            d.References.ShouldBe(e.References, resource);
            d.Tags.ShouldBe(e.Tags, resource);
            d.Equivalents.Select(x => $"{x.Key}={string.Join(",", x.Value)}").ShouldBe(e.Equivalents.Select(x => $"{x.Key}={string.Join(",", x.Value)}"), resource);
            rule.Parameters.Select(p => p with { Values = null }).ShouldBe(parsed.Parameters.Select(p => p with { Values = null }), resource);
            rule.Parameters.Select(p => string.Join(",", p.Values ?? [])).ShouldBe(parsed.Parameters.Select(p => string.Join(",", p.Values ?? [])), resource);
            (rule.EffectiveFrom, rule.EffectiveUntil).ShouldBe((parsed.EffectiveFrom, parsed.EffectiveUntil), resource);
            AssertSame(parsed.IdNode, rule.IdNode, resource);
            AssertSame(parsed.NameNode, rule.NameNode, resource);
            if (parsed.MessageNode is not null) AssertSame(parsed.MessageNode, rule.MessageNode.ShouldNotBeNull(), resource);
            if (parsed.Related is not null) AssertSame(parsed.Related, rule.Related.ShouldNotBeNull(), resource);
        }
    }

    [Test]
    public void A_rule_file_read_lazily_builds_the_tree_its_yaml_parses_to_with_the_parts_built_before_inside_it()
    {
        foreach (var (resource, path) in BuiltInFiles())
        {
            var source = PrecompiledRules.Default.Source(resource).ShouldNotBeNull(resource);
            var keys = source.Keys.ShouldNotBeNull(resource);
            // Some parts first (as a rule's check and where are), then the whole.
            var early = keys.Select((k, i) => (k, i)).Where(x => x.k is "check" or "where" or "references")
                .Select(x => (Key: source.KeyNode(x.i), Value: source.Child(x.i).Node)).ToList();
            var whole = (YamlMappingNode)source.Node;
            AssertSame(SafeYaml.Load(resource, File.ReadAllText(path)), whole, resource);
            foreach (var (key, value) in early)
            {
                whole.Children[key].ShouldBeSameAs(value, resource);
                whole.Children.Keys.ShouldContain(k => ReferenceEquals(k, key), resource);
            }
        }
        // A file with anchors is read whole (an alias may reach into any part of it).
        using var output = new MemoryStream();
        YamlTreeCodec.Write(output, [("rules/a.yml", "base: &b { x: 1 }\ncheck: *b\n"), ("rules/p.yml", "id: CL0001\nlist: [a, b]\n")]);
        var pack = new PrecompiledRules(output.ToArray());
        pack.Source("rules/a.yml").ShouldBeNull();
        var plain = pack.Source("rules/p.yml").ShouldNotBeNull();
        plain.Keys.ShouldBe(["id", "list"]);
        plain.Child(0).Scalar.Value.ShouldBe("CL0001");
        (plain.Child(1).IsSequence, plain.Child(1).Length, plain.Child(1).Child(1).Scalar.Value).ShouldBe((true, 2, "b"));
    }

    [Test]
    public void Anchors_aliases_styles_tags_and_positions_round_trip()
    {
        const string yaml = "# a comment\nid: CL9999\nbase: &b { field: subject.cn, pattern: '^a' }\ncheck: { all: [ *b, { not: *b } ] }\n"
            + "message: |\n  two\n  lines\nquoted: \"x\\ty\"\ntagged: !!str 12\nlist:\n  - 1\n  - two\n";
        var root = Replay(yaml, "rules/x.yml");
        AssertSame(SafeYaml.Load("rules/x.yml", yaml), root, "rules/x.yml");
        // As YamlDotNet's loader does, an alias is the very node its anchor names.
        ((YamlSequenceNode)root["check"]["all"]).Children[0].ShouldBeSameAs(root["base"]);
        ((YamlMappingNode)((YamlSequenceNode)root["check"]["all"]).Children[1])["not"].ShouldBeSameAs(root["base"]);
    }

    [Test]
    public void A_file_yaml_cannot_parse_is_left_out_so_the_loader_reports_it_from_the_text()
    {
        var skipped = new List<string>();
        using var output = new MemoryStream();
        YamlTreeCodec.Write(output, [("rules/good.yml", "id: CL0001\n"), ("rules/bad.yml", "id: [unclosed\n"), ("rules/two.yml", "a: 1\n---\nb: 2\n")],
            (name, _) => skipped.Add(name));
        skipped.ShouldBe(["rules/bad.yml", "rules/two.yml"]);
        var pack = new PrecompiledRules(output.ToArray());
        pack.Files.ShouldBe(["rules/good.yml"]);
        // Listed all the same (the loader finds the built-in files here), without a tree: read from the text.
        pack.Names.ShouldBe(["rules/good.yml", "rules/bad.yml", "rules/two.yml"]);
        pack.Root("rules/bad.yml").ShouldBeNull();
        pack.Source("rules/two.yml").ShouldBeNull();
        pack.Source("rules/good.yml").ShouldNotBeNull().Child(0).Scalar.Value.ShouldBe("CL0001");
    }

    [Test]
    public void The_form_lists_every_built_in_yaml_resource_which_is_where_the_loader_finds_the_built_in_files()
    {
        var resources = typeof(PrecompiledRules).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("rules/", StringComparison.Ordinal) && n.EndsWith(".yml", StringComparison.Ordinal));
        PrecompiledRules.Default.Names.Order(StringComparer.Ordinal).ShouldBe(resources.Order(StringComparer.Ordinal));
        RuleLoader.LoadPacks().Select(p => p.Name).ShouldBe(["core", .. Directory.GetDirectories(RulesDir)
            .Where(d => File.Exists(Path.Combine(d, RuleLoader.PackFile))).Select(Path.GetFileName).Order(StringComparer.Ordinal)!]);
        RuleLoader.LoadBuiltIn().Count.ShouldBe(BuiltInFiles().Count(f => !f.Resource.EndsWith("/" + RuleLoader.PackFile, StringComparison.Ordinal)));
    }

    [Test]
    public void Strings_are_found_by_their_offsets_whatever_their_number_and_length()
    {
        // Long and short, ASCII and not, more than one byte of length: every one read back in place.
        var values = Enumerable.Range(0, 300).Select(i => new string((char)('a' + i % 26), i % 7 == 0 ? 200 + i : i % 5) + (i % 11 == 0 ? "é€" : "")).ToList();
        var yaml = string.Join("", values.Select((v, i) => $"k{i}: \"{v}\"\n"));
        using var output = new MemoryStream();
        YamlTreeCodec.Write(output, [("rules/s.yml", yaml)]);
        var source = new PrecompiledRules(output.ToArray()).Source("rules/s.yml").ShouldNotBeNull();
        for (var i = 0; i < values.Count; i++)
        {
            source.Keys![i].ShouldBe($"k{i}");
            source.Child(i).Scalar.Value.ShouldBe(values[i]);
        }
    }

    [Test]
    public void An_embedded_resource_read_in_place_has_the_bytes_its_stream_gives()
    {
        var assembly = typeof(PrecompiledRules).Assembly;
        using var stream = assembly.GetManifestResourceStream(YamlTreeCodec.Resource).ShouldNotBeNull();
        var copy = new byte[stream.Length];
        stream.ReadExactly(copy);
        var bytes = EmbeddedBytes.Open(assembly, YamlTreeCodec.Resource).ShouldNotBeNull();
        bytes.Span.SequenceEqual(copy).ShouldBeTrue();
        EmbeddedBytes.Open(assembly, "rules/no-such-resource.bin").ShouldBeNull();
    }

    [Test]
    public void Only_patterns_a_value_reaches_are_built_and_the_same_pattern_is_built_once()
    {
        var a = RegexFactory.CreateLazy("^lazy-test-[0-9]+$", out var error);
        error.ShouldBeNull();
        a.IsBuilt.ShouldBeFalse();
        RegexFactory.CreateLazy("^lazy-test-[0-9]+$", out _).ShouldBeSameAs(a);
        a.Value.IsMatch("lazy-test-42").ShouldBeTrue();
        a.IsBuilt.ShouldBeTrue();
        a.Value.Options.HasFlag(System.Text.RegularExpressions.RegexOptions.NonBacktracking).ShouldBeTrue();
        RegexFactory.CreateLazy("^(?=x)lazy-test$", out _).Value.MatchTimeout.ShouldBe(RegexFactory.Timeout);
        RegexFactory.CreateLazy("lazy-test-(", out error).ShouldBeNull();
        error.ShouldNotBeNull();
    }

    [Test]
    public void A_pattern_is_answered_by_backtracking_while_cheap_and_never_depends_on_the_time_out()
    {
        var lazy = RegexFactory.CreateLazy("^trial-(a+)+$", out _);
        lazy.IsMatch("trial-aaa").ShouldBeTrue();
        lazy.IsMatch("trial-b").ShouldBeFalse();
        // Thousands of cheap values stay far inside the budget: no automaton is built for them.
        for (var i = 0; i < 2_000; i++) lazy.IsMatch("trial-a").ShouldBeTrue();
        lazy.IsBuilt.ShouldBeFalse();
        lazy.IsMatch("trial-aaa").ShouldBeTrue();

        // Exponential for the backtracking engine: it times out, and the linear engine gives the answer.
        var hostile = RegexFactory.CreateLazy("^hostile-(a|aa)+$", out _);
        hostile.IsMatch("hostile-" + new string('a', 50_000) + "!").ShouldBeFalse();
        hostile.IsBuilt.ShouldBeTrue();
        hostile.Value.Options.HasFlag(System.Text.RegularExpressions.RegexOptions.NonBacktracking).ShouldBeTrue();
    }

    private static YamlNode Replay(string yaml, string name)
    {
        using var output = new MemoryStream();
        YamlTreeCodec.Write(output, [(name, yaml)]);
        return new PrecompiledRules(output.ToArray()).Root(name).ShouldNotBeNull();
    }

    private static void AssertSame(YamlNode expected, YamlNode actual, string where)
    {
        var at = $"{where} {expected.Start}";
        actual.GetType().ShouldBe(expected.GetType(), at);
        (actual.Start, actual.End, actual.Tag, actual.Anchor).ShouldBe((expected.Start, expected.End, expected.Tag, expected.Anchor), at);
        switch (expected)
        {
            case YamlScalarNode s:
                var a = (YamlScalarNode)actual;
                (a.Value, a.Style).ShouldBe((s.Value, s.Style), at);
                break;
            case YamlSequenceNode s:
                var seq = (YamlSequenceNode)actual;
                seq.Style.ShouldBe(s.Style, at);
                seq.Children.Count.ShouldBe(s.Children.Count, at);
                for (var i = 0; i < s.Children.Count; i++) AssertSame(s.Children[i], seq.Children[i], where);
                break;
            case YamlMappingNode m:
                var map = (YamlMappingNode)actual;
                map.Style.ShouldBe(m.Style, at);
                var expectedPairs = m.Children.ToList();
                var actualPairs = map.Children.ToList();
                actualPairs.Count.ShouldBe(expectedPairs.Count, at);
                for (var i = 0; i < expectedPairs.Count; i++)
                {
                    AssertSame(expectedPairs[i].Key, actualPairs[i].Key, where);
                    AssertSame(expectedPairs[i].Value, actualPairs[i].Value, where);
                }
                break;
        }
    }
}
