using CertLint.Findings;
using CertLint.Rules;


namespace CertLint.Handshake.Tests;

/// <summary>The tls-* handshake rules load through the normal rule catalog as endpoint rules: YAML checks over the tls.* fields, with docs.</summary>
public sealed class EndpointRuleTests
{
    private static readonly string[] HandshakeRules =
    [
        "tls-session", "tls-connect-failed", "tls-handshake-failed", "tls-server-chain-incomplete", "tls-client-cert-not-requested",
        "tls-client-ca-not-accepted", "tls-client-cert-rejected", "tls-client-cert-required", "tls-client-cert-unusable",
        "tls-protocol-obsolete", "tls-no-forward-secrecy", "tls-legacy-version-accepted", "tls-ocsp-revoked", "tls-ocsp-stapled",
        "tls-must-staple-not-stapled", "tls-ocsp-staple-invalid",
    ];

    [Test]
    public void Every_handshake_rule_is_a_built_in_yaml_check_over_tls_fields_with_documentation()
    {
        var endpointRules = RuleCatalog.LoadBuiltIn().Rules.Where(r => r.Kinds.Contains(SubjectKind.Endpoint)).ToList();

        endpointRules.Select(r => r.Name).ShouldBe(HandshakeRules, ignoreOrder: true);
        foreach (var rule in endpointRules)
        {
            rule.PrimitiveName.ShouldBeNull(rule.Name);
            rule.Descriptor.Documentation.ShouldStartWith($"# {rule.Name} ({rule.Id})");
            rule.Kinds.ShouldBe([SubjectKind.Endpoint]);
        }
    }
}
