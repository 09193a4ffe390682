using CertLint.Findings;
using CertLint.Rules;

namespace CertLint.Core.Tests.Reporting;

/// <summary>Rule descriptors as the rule loader would build them, for the rules the report fixture uses.</summary>
internal static class TestRules
{
    public static readonly IReadOnlyList<RuleDescriptor> All =
    [
        Rule("parse-error", "File cannot be parsed", Severity.Error, null, ["input"], "Fix or remove the file, or exclude it."),
        Rule("password-required", "Encrypted file cannot be opened", Severity.Note, null, ["input"], "Set CERTLINT_PASSWORD (or --password-env)."),
        Rule("cert-expired", "Certificate has expired", Severity.Error, 7.5, ["expiry", "validity"], "Renew the certificate."),
        Rule("cert-expiring-soon", "Certificate expires soon", Severity.Warning, 5.0, ["expiry"], "Renew before it expires."),
        Rule("key-file-permissions", "Private key file is readable by others", Severity.Error, 8.0, ["keys", "security"], "chmod 600 the file."),
        Rule("chain-incomplete", "Certificate chain is incomplete", Severity.Error, 6.0, ["chain"], "Add the missing intermediate."),
        Rule("self-signed-leaf", "Self-signed end-entity certificate", Severity.Warning, null, ["chain"], "Have it issued by a CA."),
        Rule("cn-not-in-san", "Common name not in subjectAltName", Severity.Note, null, ["names"], "Add the CN to the SAN."),
    ];

    private static RuleDescriptor Rule(string name, string title, Severity severity, double? security, string[] tags, string fix)
    {
        var id = CertLint.Rules.Loading.RuleLoader.IdOf(name);
        return new RuleDescriptor
        {
            Id = id,
            Name = name,
            Title = title,
            Description = $"{title}: see the rule page for why it matters and how CertLint decides.",
            DefaultSeverity = severity,
            Remediation = fix,
            References = [new RuleReference("RFC 5280", "https://www.rfc-editor.org/rfc/rfc5280")],
            Tags = tags,
            HelpUri = CertLint.Rules.Loading.RuleLoader.HelpBase + name + ".md",
            SecuritySeverity = security,
            Source = "builtin:rules/" + name + ".yml",
        };
    }
}
