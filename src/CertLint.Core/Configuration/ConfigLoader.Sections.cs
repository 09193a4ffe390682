using System.Globalization;
using System.Text.RegularExpressions;
using CertLint.Configuration.Yaml;
using CertLint.Findings;
using CertLint.Inventory;
using YamlDotNet.RepresentationModel;

namespace CertLint.Configuration;

/// <summary>The sections of `.certlint.yml` with a structure of their own: validation, selfTest, limits, extends, rules.</summary>
public static partial class ConfigLoader
{
    /// <summary>`validation`: RFC 5280 §6.1.1 inputs and the path search bound (docs/chains.md).</summary>
    private static ValidationConfig ReadValidation(string file, YamlNode node, ConfigReferences refs)
    {
        var map = new YamlMap(file, node, "'validation'");
        map.RejectUnknown(["maxChainDepth", "policies", "requireExplicitPolicy", "inhibitPolicyMapping", "inhibitAnyPolicy", "crls"], "'validation'");
        int? depth = null;
        if (map.Get("maxChainDepth") is { } d)
        {
            var value = YamlValues.Integer(file, d, "maxChainDepth");
            depth = value is >= 0 and <= ValidationSettings.MaxMaxChainDepth
                ? (int)value
                : throw YamlValues.Error(file, d, $"'maxChainDepth' must be between 0 and {ValidationSettings.MaxMaxChainDepth}", "maxChainDepth");
        }
        var policies = map.StringList("policies");
        // Point at the offending item, not at the list.
        IEnumerable<YamlNode> items = map.Get("policies") is YamlSequenceNode seq ? seq.Children : [.. map.Get("policies") is { } one ? [one] : Array.Empty<YamlNode>()];
        foreach (var (policy, at) in (policies ?? []).Zip(items))
        {
            if (!ValidationSettings.IsOid(policy)) throw map.Error(at, $"'policies': '{policy}' is not an OID (dotted numbers, e.g. 2.23.140.1.2.1)", "policies");
        }
        return new ValidationConfig(depth, policies, map.Bool("requireExplicitPolicy"), map.Bool("inhibitPolicyMapping"),
            map.Bool("inhibitAnyPolicy"), refs.List(map.Get("crls"), "validation.crls"));
    }

    private static SelfTestPair ReadSelfTest(string file, YamlNode node, ConfigReferences refs)
    {
        var map = new YamlMap(file, node, "'selfTest'");
        map.RejectUnknown(["server", "client", "servername"], "'selfTest'");
        SelfTestSide Side(string name)
        {
            var sideNode = map.Get(name) ?? throw YamlValues.Error(file, node, $"'selfTest' needs '{name}' (cert and key, or pkcs12)", name, null);
            var side = new YamlMap(file, sideNode, $"'selfTest.{name}'");
            side.RejectUnknown(["cert", "key", "pkcs12", "trusts"], $"'selfTest.{name}'");
            var cert = side.String("cert");
            var pkcs12 = side.String("pkcs12");
            if (cert is null && pkcs12 is null)
                throw YamlValues.Error(file, sideNode, $"'selfTest.{name}' needs 'cert' and 'key', or 'pkcs12'", name, null);
            string? One(string key) => side.Get(key) is { } n ? refs.One(n, $"selfTest.{name}.{key}") : null;
            return new SelfTestSide(One("cert"), One("key"), One("pkcs12"), refs.List(side.Get("trusts"), $"selfTest.{name}.trusts") ?? []);
        }
        return new SelfTestPair(Side("server"), Side("client"), map.String("servername"));
    }

    /// <summary>`limits`: each value at least 1 and at most its default (limits can be lowered, never raised).</summary>
    private static ScanLimits ReadLimits(string file, YamlNode node)
    {
        var map = new YamlMap(file, node, "'limits'");
        map.RejectUnknown(["kdfIterations", "kdfBudget", "arithmeticBudget", "findingsPerFile", "findingsPerRule"], "'limits'");
        long Read(string key, long max)
        {
            if (map.Get(key) is not { } n) return max;
            var v = YamlValues.Integer(file, n, key);
            return v is >= 1 && v <= max ? v
                : throw YamlValues.Error(file, n, $"'{key}' must be between 1 and {max.ToString(CultureInfo.InvariantCulture)} (limits can be lowered, not raised)", key);
        }
        return new ScanLimits(Read("kdfIterations", ScanLimits.MaxKdfIterations),
            (int)Read("findingsPerFile", ScanLimits.MaxFindingsPerFile), (int)Read("findingsPerRule", ScanLimits.MaxFindingsPerRule),
            Read("kdfBudget", ScanLimits.MaxKdfBudget), Read("arithmeticBudget", ScanLimits.MaxArithmeticBudget));
    }

    private static string[] ReadExtends(string file, YamlNode node)
    {
        var packs = YamlValues.StringList(file, node, "extends");
        foreach (var p in packs)
        {
            if (!Packs.Contains(p))
                throw YamlValues.Error(file, node, $"unknown rule pack {SafeText.Quote(p)}{Suggest.DidYouMean(p, Packs)}; use {string.Join(", ", Packs)}", "extends", Suggest.Closest(p, Packs));
        }
        return packs.ToArray();
    }

    private static (Dictionary<string, RuleOverride>, IReadOnlyList<string>?) ReadRules(string file, YamlNode node, ConfigReferences refs)
    {
        var map = new YamlMap(file, node, "'rules'");
        var overrides = new Dictionary<string, RuleOverride>(StringComparer.OrdinalIgnoreCase);
        IReadOnlyList<string>? directories = null;
        foreach (var (key, keyNode, value) in map.Entries)
        {
            if (key == "directories")
            {
                directories = refs.List(value, "rules.directories");
                continue;
            }
            var origin = new ConfigOrigin(file, (int)keyNode.Start.Line, (int)keyNode.Start.Column);
            if (value is YamlScalarNode)
            {
                overrides[key] = new RuleOverride(Severity(file, value, key, SeverityValues), new Dictionary<string, object?>()) { Origin = origin };
                continue;
            }
            var entry = new YamlMap(file, value, $"rule {SafeText.Quote(key)}");
            entry.RejectUnknown(["severity", "parameters"], $"rule {SafeText.Quote(key)}");
            var parameters = new Dictionary<string, object?>(StringComparer.Ordinal);
            if (entry.Get("parameters") is { } pNode)
            {
                foreach (var (name, _, v) in new YamlMap(file, pNode, "'parameters'").Entries) parameters[name] = PlainValue(file, v, name);
            }
            var severity = entry.Get("severity") is { } sNode ? Severity(file, sNode, "severity", SeverityValues) : (Severity?)null;
            overrides[key] = new RuleOverride(severity, parameters) { Origin = origin };
        }
        return (overrides, directories);
    }
}
