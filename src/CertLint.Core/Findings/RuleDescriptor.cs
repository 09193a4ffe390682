namespace CertLint.Findings;

/// <summary>A citation: RFC 5280 section, CA/B Forum BR section, etc.</summary>
public sealed record RuleReference(string Title, string? Url);

/// <summary>The requirement a rule implements: document, section and the normative sentence, verbatim.</summary>
public sealed record RuleCitation(string Source, string? Section, string Text, string? Url)
{
    public override string ToString() => Section is null ? $"{Source}: {Text}" : $"{Source} §{Section}: {Text}";
}

/// <summary>A rule's texts a report may show: see <see cref="RuleDescriptor.TextsSource"/>.</summary>
public sealed record RuleTexts(string Description, string Remediation, IReadOnlyList<RuleReference> References,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Equivalents, RuleCitation? Citation);

/// <summary>
/// What reports need to know about a rule: identity, texts, default level and docs.
/// Built from a rule's YAML file and the Markdown page beside it.
/// </summary>
public sealed class RuleDescriptor
{
    /// <summary>Stable code such as CL0101; usable as an MSBuild error code.</summary>
    public required string Id { get; init; }
    /// <summary>kebab-case name such as cert-expired: a public contract.</summary>
    public required string Name { get; init; }
    public required string Title { get; init; }
    public required string Description { get => _texts?.Value.Description ?? _description; init => _description = value; }
    public required Severity DefaultSeverity { get; init; }
    public string Remediation { get => _texts?.Value.Remediation ?? _remediation; init => _remediation = value; }
    public IReadOnlyList<RuleReference> References { get => _texts?.Value.References ?? _references; init => _references = value; }

    /// <summary>
    /// Where <see cref="Description"/>, <see cref="Remediation"/>, <see cref="References"/>, <see cref="Equivalents"/>
    /// and <see cref="Citation"/> come from when they are first read, instead of being given up front: a lint run reports
    /// none of them for ~200 built-in rules (explain, SARIF and JUnit do). Read once, on any thread.
    /// </summary>
    public Func<RuleTexts>? TextsSource { init => _texts = value is null ? null : new Lazy<RuleTexts>(value); }

    private readonly Lazy<RuleTexts>? _texts;
    private readonly string _description = "";
    private readonly string _remediation = "";
    private readonly IReadOnlyList<RuleReference> _references = [];
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>>? _equivalents;
    private readonly RuleCitation? _citation;
    public IReadOnlyList<string> Tags { get; init; } = [];
    /// <summary>Link to the rule's documentation page.</summary>
    public required string HelpUri { get; init; }
    /// <summary>The rule's Markdown documentation.</summary>
    public string Documentation
    {
        // Read on first use: a lint run of the built-in rules never needs their 300 pages (explain and SARIF do).
        get => _documentation ??= _loadDocumentation?.Invoke() ?? "";
        init => _documentation = value;
    }

    /// <summary>Where <see cref="Documentation"/> comes from when it is read (instead of giving its text up front).</summary>
    public Func<string?>? DocumentationSource { init => _loadDocumentation = value; }

    private string? _documentation;
    private readonly Func<string?>? _loadDocumentation;
    /// <summary>GitHub code scanning's security-severity (0.0–10.0), when the rule is a security issue.</summary>
    public double? SecuritySeverity { get; init; }
    /// <summary>SARIF precision: very-high, high, medium, low.</summary>
    public string Precision { get; init; } = "very-high";
    /// <summary>Where the rule was loaded from ("builtin:rules/x.yml" or a path).</summary>
    public string Source { get; init; } = "builtin";
    public bool IsBuiltIn => Source.StartsWith("builtin", StringComparison.Ordinal);
    /// <summary>The pack the rule belongs to: core, rfc5280, cabf-br, or custom (rules from your own folders).</summary>
    public string Pack { get; init; } = "core";
    /// <summary>False for a rule whose `where` names subjects the pack's document governs outside the pack's `scope`
    /// (`packScope: false`: the BR's OCSP responder profile, whose certificates lack serverAuth).</summary>
    public bool InPackScope { get; init; } = true;
    /// <summary>Equivalent lints of other linters, by linter (zlint, pkilint, ...).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Equivalents
    {
        get => _texts?.Value.Equivalents ?? _equivalents ?? NoEquivalents;
        init => _equivalents = value;
    }

    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoEquivalents = new Dictionary<string, IReadOnlyList<string>>();

    public RuleCitation? Citation { get => _texts is { } texts ? texts.Value.Citation : _citation; init => _citation = value; }

    /// <summary>Whether NAME or LINTER:NAME names one of this rule's equivalents (case-insensitive).</summary>
    public bool HasEquivalent(string name)
    {
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        foreach (var (linter, names) in Equivalents)
        {
            if (colon > 0 && !linter.Equals(name[..colon], StringComparison.OrdinalIgnoreCase)) continue;
            var bare = colon > 0 ? name[(colon + 1)..] : name;
            if (names.Any(n => n.Equals(bare, StringComparison.OrdinalIgnoreCase))) return true;
        }
        return false;
    }

    public override string ToString() => $"{Id} {Name}";
}
