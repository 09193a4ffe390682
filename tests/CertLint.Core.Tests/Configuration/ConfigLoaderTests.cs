using CertLint.Configuration;
using CertLint.Engine;
using CertLint.Findings;
using CertLint.Inventory;

namespace CertLint.Core.Tests.Configuration;

/// <summary>`.certlint.yml` parsing: every section, and strict errors with line:column.</summary>
public class ConfigLoaderTests
{
    private const string Full = """
        extends: [builtin:all]
        paths: [certs]
        include: ["**/*.pem"]
        exclude: ["**/testdata/**"]
        failOn: warning
        trust:
          anchors: [pki/root.pem]
          fromScan: false
        hosts:
          "certs/web/**": [www.acme.test, acme.test]
        roles:
          "certs/partners/**": client
        passwordEnv: MY_PASSWORD
        passwords:
          "secrets/*.p12": P12_PASSWORD
        rules:
          directories: [.certlint/rules]
          cert-expiring-soon: { severity: note, parameters: { days: 14 } }
          weak-signature: off
          CL0104: warning
        suppressions:
          - rule: self-signed-leaf
            path: "test/**"
            reason: fixtures
            expires: 2026-12-31
        """;

    private static CertLintConfig Parse(string text) => ConfigLoader.Parse(".certlint.yml", text, "/repo");

    private static ConfigurationException Error(string text) => Should.Throw<ConfigurationException>(() => Parse(text));

    [Test]
    public void Reads_every_section()
    {
        var c = Parse(Full);
        c.Extends.ShouldBe(["builtin:all"]);
        c.Paths.ShouldBe([Path.GetFullPath("/repo/certs")]);
        c.Include.ShouldBe(["**/*.pem"]);
        c.Exclude.ShouldBe(["**/testdata/**"]);
        c.FailOn.ShouldBe(Severity.Warning);
        c.TrustAnchors.ShouldBe([Path.GetFullPath("/repo/pki/root.pem")]);
        c.AnchorsFromScan.ShouldBe(false);
        c.Hosts!.Single().ShouldBe(new PathHosts("certs/web/**", ["www.acme.test", "acme.test"]), new HostsComparer());
        c.Roles.ShouldBe([new PathRole("certs/partners/**", CertificateRole.Client)]);
        c.PasswordEnv.ShouldBe("MY_PASSWORD");
        c.Passwords.ShouldBe([new PathPassword("secrets/*.p12", "P12_PASSWORD")]);
        c.RuleDirectories.ShouldBe([Path.GetFullPath("/repo/.certlint/rules")]);
        var soon = c.RuleOverrides!["cert-expiring-soon"];
        soon.Severity.ShouldBe(Severity.Note);
        soon.Parameters["days"].ShouldBe(14L);
        soon.Origin.ShouldBe(new ConfigOrigin(".certlint.yml", 18, 3));
        c.RuleOverrides["weak-signature"].Severity.ShouldBe(Severity.None);
        c.RuleOverrides["CL0104"].Severity.ShouldBe(Severity.Warning);
        var s = c.Suppressions!.Single();
        (s.Rule, s.PathGlob, s.Sha256, s.Reason, s.Expires).ShouldBe(("self-signed-leaf", "test/**", null, "fixtures", new DateOnly(2026, 12, 31)));
        s.Source.ShouldBe(".certlint.yml:22");
    }

    [Test]
    public void Hosts_as_a_list_apply_everywhere()
    {
        var hosts = Parse("hosts: [a.test, b.test]\n").Hosts!.Single();
        hosts.Glob.ShouldBe("**");
        hosts.Hosts.ShouldBe(["a.test", "b.test"]);
        GlobCache.Get(hosts.Glob).IsMatch("deep/er/x.crt").ShouldBeTrue();
    }

    [Test]
    public void Mailboxes_and_the_email_role_read_like_hosts_and_roles()
    {
        var c = Parse("mailboxes:\n  \"smime/alice.pem\": [alice@example.com, Alice@example.com]\nroles:\n  \"smime/**\": email\n");
        c.Mailboxes!.Single().ShouldBe(new PathHosts("smime/alice.pem", ["alice@example.com", "Alice@example.com"]), new HostsComparer());
        c.Roles.ShouldBe([new PathRole("smime/**", CertificateRole.Email)]);
        Parse("mailboxes: [ops@example.com]\n").Mailboxes!.Single().Glob.ShouldBe("**");

        var e = Error("roles:\n  \"a/**\": emial\n");
        (e.Line, e.Column, e.Suggestion).ShouldBe((2, 11, "email"));
        e.Message.ShouldBe(".certlint.yml:2:11: error: role 'emial' must be client, server or email (did you mean 'email'?)");
    }

    [Test]
    public void The_starter_template_is_valid()
    {
        var c = Parse(ConfigTemplate.Text);
        c.Extends.ShouldBe(["builtin:recommended"]);
        c.FailOn.ShouldBe(Severity.Error);
        c.Suppressions.ShouldBeEmpty();
    }

    [Test]
    public void Errors_have_position_key_and_suggestion()
    {
        var e = Error("failOn: error\nsupressions: []\n");
        (e.Line, e.Column, e.Key, e.Suggestion).ShouldBe((2, 1, "supressions", "suppressions"));
        e.Message.ShouldBe(".certlint.yml:2:1: error: unknown key 'supressions' in the configuration (did you mean 'suppressions'?)");

        e = Error("failOn: eror\n");
        (e.Line, e.Column, e.Suggestion).ShouldBe((1, 9, "error"));

        e = Error("extends: builtin:recomended\n");
        (e.Line, e.Column, e.Suggestion).ShouldBe((1, 10, "builtin:recommended"));

        e = Error("rules:\n  weak-key: { severty: off }\n");
        (e.Line, e.Column, e.Suggestion).ShouldBe((2, 15, "severity"));

        e = Error("roles:\n  \"certs/**\": clinet\n");
        (e.Line, e.Column, e.Suggestion).ShouldBe((2, 15, "client"));

        e = Error("trust: [a]\n");
        (e.Line, e.Column).ShouldBe((1, 8));
        e.Problem.ShouldContain("'trust' must be a mapping");
    }

    [Test]
    public void Suppression_errors()
    {
        Error("suppressions:\n  - rule: weak-key\n    path: a/**\n").Problem.ShouldContain("missing required key 'reason'");
        Error("suppressions:\n  - rule: weak-key\n    reason: x\n").Problem.ShouldContain("needs 'path'");
        var e = Error("suppressions:\n  - rule: weak-key\n    sha256: abc\n    reason: x\n");
        (e.Line, e.Column).ShouldBe((3, 13));
        e = Error("suppressions:\n  - rule: weak-key\n    path: a\n    reason: x\n    expires: next year\n");
        (e.Line, e.Column).ShouldBe((5, 14));
        // The one date grammar's message, as for rules and --now.
        e.Problem.ShouldBe($"'expires' must be {CertLint.Configuration.DateSpec.DateExpected}, not 'next year'");
        e = Error("suppressions:\n  - rule: weak-key\n    path: a\n    reason: x\n    expires: 31/12/2026\n");
        (e.Line, e.Column).ShouldBe((5, 14));
    }

    [Test]
    public void Passwords_are_never_values_in_the_config()
    {
        var e = Error("passwords:\n  \"a.p12\": \"hunter2!\"\n");
        e.Problem.ShouldContain("name of an environment variable");
        e.Problem.ShouldNotContain("hunter2");
    }

    private sealed class HostsComparer : IEqualityComparer<PathHosts>
    {
        public bool Equals(PathHosts? x, PathHosts? y) => x!.Glob == y!.Glob && x.Hosts.SequenceEqual(y.Hosts);
        public int GetHashCode(PathHosts obj) => obj.Glob.GetHashCode(StringComparison.Ordinal);
    }
}
