using CertLint.Findings;
using CertLint.Rules;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace CertLint.Handshake;

/// <summary>
/// The CL06xx rule descriptors, read from their rules/NAME.yml and NAME.md (embedded in the assembly) so ids, texts
/// and docs live where every other rule's do.
/// </summary>
public static class HandshakeRules
{
    private static readonly Lazy<IReadOnlyDictionary<string, RuleDescriptor>> All = new(Load);

    public static IReadOnlyDictionary<string, RuleDescriptor> Descriptors => All.Value;

    public static RuleDescriptor Get(string id) => All.Value[id];

    private static Dictionary<string, RuleDescriptor> Load()
    {
        var result = new Dictionary<string, RuleDescriptor>(StringComparer.Ordinal);
        var deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).IgnoreUnmatchedProperties().Build();
        foreach (var (id, name) in RuleIds.BuiltIn.Where(r => r.Key.StartsWith("CL06", StringComparison.Ordinal)))
        {
            var yaml = deserializer.Deserialize<RuleYaml>(Resource($"rules/{name}.yml"));
            if (yaml.Id != id || yaml.Name != name) throw new InvalidOperationException($"rules/{name}.yml declares {yaml.Id} {yaml.Name}, RuleIds says {id} {name}.");
            if (!SeverityText.TryParse(yaml.Severity, out var severity)) throw new InvalidOperationException($"rules/{name}.yml: bad severity '{yaml.Severity}'.");
            result[id] = new RuleDescriptor
            {
                Id = id,
                Name = name,
                Title = yaml.Title,
                Description = yaml.Description.Trim(),
                DefaultSeverity = severity,
                Remediation = yaml.Remediation.Trim(),
                Tags = yaml.Tags,
                SecuritySeverity = yaml.SecuritySeverity,
                References = yaml.References.Select(r => new RuleReference(r.Title, r.Url)).ToList(),
                HelpUri = RuleIds.HelpBase + name + ".md",
                Documentation = Resource($"rules/{name}.md"),
                Source = $"builtin:rules/{name}.yml",
            };
        }
        return result;
    }

    private static string Resource(string name)
    {
        using var stream = typeof(HandshakeRules).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The built-in rule resource {name} is missing from {typeof(HandshakeRules).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private sealed class RuleYaml
    {
        public string Id { get; set; } = "";
        public string Name { get; set; } = "";
        public string Title { get; set; } = "";
        public string Description { get; set; } = "";
        public string Severity { get; set; } = "error";
        public List<string> Tags { get; set; } = [];
        public double? SecuritySeverity { get; set; }
        public string Remediation { get; set; } = "";
        public List<ReferenceYaml> References { get; set; } = [];
    }

    private sealed class ReferenceYaml
    {
        public string Title { get; set; } = "";
        public string? Url { get; set; }
    }
}
