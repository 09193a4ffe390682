using System.Security.Cryptography;
using System.Text;
using CertLint.Model;
using CertLint.Parsing;

namespace CertLint.Findings;

/// <summary>What a finding is about.</summary>
public enum SubjectKind
{
    Certificate,
    Key,
    Keystore,
    File,
    Endpoint,
    /// <summary>A TLS server or client a configuration in the repository describes (nginx server block, Secret, IRIS SSL config).</summary>
    Usage,
    /// <summary>A certificate revocation list found on disk (PEM `X509 CRL` or DER): the RFC 5280 §5 profile rules judge it.</summary>
    Crl,
}

/// <summary>
/// The object a rule looked at: kind, stable identity (certificate SHA-256, key SPKI SHA-256, or path) and a readable label,
/// cut at <see cref="LabelLength"/> characters: JUnit names a case after it for every rule that checked the object.
/// </summary>
public sealed record CheckedObject(SubjectKind Kind, string ObjectId, string Label, SourceLocation Location)
{
    /// <summary>The longest label kept whole (a certificate's name and serial are the scanned file's to make long).</summary>
    public const int LabelLength = 1_000;

    public string Label { get; init; } = SafeText.Shorten(Label, LabelLength);
}

/// <summary>A suppression that matched a finding (from configuration).</summary>
public sealed record Suppression(string Reason, string Source, DateOnly? Expires);

/// <summary>
/// A second place the same defect shows, with what happens there: the configuration line that presents a client
/// certificate, the server that requires it. Reports show it beside the finding (SARIF relatedLocations).
/// </summary>
public sealed record RelatedLocation(SourceLocation Location, string Message)
{
    public string Message { get; init; } = SafeText.Shorten(Message, Finding.MessageLength);
}

/// <summary>One rule violation.</summary>
/// <remarks>
/// The message of a finding a rule produced is rendered on first read: a run over a large repository can produce
/// tens of thousands of findings past the per-rule cap (<c>FindingCap</c>) that no report ever shows, and rendering
/// their messages was a large part of the rule stage. Equality compares the message text, as before.
/// </remarks>
public sealed record Finding
{
    private string? _message;
    private Func<string>? _render;

    public Finding(RuleDescriptor Rule, Severity Severity, string Message, CheckedObject Subject)
    {
        this.Rule = Rule;
        this.Severity = Severity;
        _message = SafeText.Shorten(Message, MessageLength);
        this.Subject = Subject;
    }

    private Finding(RuleDescriptor rule, Severity severity, Func<string> render, CheckedObject subject)
    {
        Rule = rule;
        Severity = severity;
        _render = render;
        Subject = subject;
    }

    /// <summary>A finding whose message is rendered when first read; <paramref name="render"/> must not throw.</summary>
    internal static Finding Deferred(RuleDescriptor rule, Severity severity, Func<string> render, CheckedObject subject,
        IReadOnlyList<RelatedLocation> related) => new(rule, severity, render, subject) { Related = related };

    public RuleDescriptor Rule { get; init; }
    public Severity Severity { get; init; }

    /// <summary>
    /// The longest message kept whole: a message quotes what the scanned file holds (names, serials, SANs, policy
    /// texts), and each report repeats it, so a hostile value must not make a finding megabytes long. Room for the
    /// longest list a message names by design (16 certificates of a path and 16 problems, each name cut at 1,000).
    /// </summary>
    public const int MessageLength = 20_000;

    public string Message
    {
        // A benign race renders twice at worst: rendering reads the immutable model only.
        get => _message ??= SafeText.Shorten(_render!(), MessageLength);
        init
        {
            _message = SafeText.Shorten(value, MessageLength);
            _render = null;
        }
    }

    public CheckedObject Subject { get; init; }

    public SourceLocation Location => Subject.Location;

    /// <summary>Set when a configured suppression matched.</summary>
    public Suppression? Suppression { get; init; }

    public bool IsSuppressed => Suppression is not null;

    /// <summary>Other places of the same defect (at most <see cref="MaxRelated"/>); the finding stays one.</summary>
    public IReadOnlyList<RelatedLocation> Related { get; init; } = [];

    /// <summary>Bound on <see cref="Related"/>: a certificate presented by a thousand configurations lists the first ones.</summary>
    public const int MaxRelated = 16;

    /// <summary>
    /// Identity across runs: rule + object id + path, so it survives line moves (SARIF partialFingerprints, baselines).
    /// </summary>
    public string Fingerprint
    {
        get
        {
            var text = $"{Rule.Id}|{Subject.ObjectId}|{Subject.Location.File.RelativePath}";
            return Hex.Lower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        }
    }

    public bool Equals(Finding? other) =>
        other is not null && (ReferenceEquals(this, other) ||
            Rule.Equals(other.Rule) && Severity == other.Severity && Message == other.Message && Subject.Equals(other.Subject) &&
            Equals(Suppression, other.Suppression) && Equals(Related, other.Related));

    public override int GetHashCode() => HashCode.Combine(Rule, Severity, Message, Subject, Suppression, Related);
}

/// <summary>A (rule, object) pair that was evaluated, passed or not: JUnit lists every one.</summary>
public sealed record RuleCheck(RuleDescriptor Rule, CheckedObject Subject);
