namespace CertLint.Configuration;

/// <summary>The commented starter `.certlint.yml` that `certlint init` writes. It is valid as written, for either profile.</summary>
public static class ConfigTemplate
{
    /// <summary>The template for a PKI profile: `private` (cabf-br stays off, the line commented out) or `public`.</summary>
    public static string For(string profile) =>
        profile == Public ? Text.Replace("\n" + PrivatePacks + "\n", "\n" + PublicPacks + "\n", StringComparison.Ordinal) : Text;

    public const string Private = "private", Public = "public";
    private const string PrivatePacks = "# packs: [+cabf-br]";
    private const string PublicPacks = "packs: [+cabf-br]        # publicly-trusted TLS certificates: the cabf-br pack is on";

    public const string Text = """
        # CertLint configuration. Every key is optional: with no file at all the recommended built-in rules run.
        # Reference: https://github.com/certlint/certlint/blob/main/docs/writing-rules.md#configuration-certlintyml
        # yaml-language-server: $schema=https://raw.githubusercontent.com/certlint/certlint/main/rules/schema/config.schema.json

        # Rule packs: builtin:recommended (default), builtin:all (also rules that are off by default), builtin:none.
        extends: builtin:recommended

        # Rule packs by name: core and rfc5280 are on by default. cabf-br (the CA/Browser Forum Baseline Requirements)
        # binds only publicly-trusted TLS certificates; a private PKI (mutual TLS inside a company) leaves it off.
        # See https://github.com/certlint/certlint/blob/main/docs/packs.md
        # packs: [+cabf-br]

        # What to scan (relative to this file) and which paths to skip (globs relative to the scan root).
        # paths: [certs, deploy]
        # include: ["**/*.pem", "**/*.crt"]
        exclude: ["**/testdata/**"]

        # Exit with 1 when a finding is at or above this severity: error, warning, note or none.
        failOn: error

        # Trust anchors (relative to this file). Self-signed CA certificates found in the scan are anchors too,
        # unless fromScan is false.
        # trust:
        #   anchors: [pki/root-ca.pem]
        #   fromScan: true

        # Roles of leaf certificates by path glob: client, server or email (S/MIME); else guessed from
        # "client"/"server"/"smime" in the path.
        # roles:
        #   "certs/partners/**": client
        #   "certs/web/**": server

        # Host names each server certificate under a glob must cover (hostname-mismatch).
        # hosts:
        #   "certs/web/**": [www.example.com, example.com]

        # Mail addresses each S/MIME certificate under a glob must name (mailbox-mismatch).
        # mailboxes:
        #   "certs/smime/alice.pem": [alice@example.com]

        # Passwords come from environment variables, never from this file.
        # passwordEnv: CERTLINT_PASSWORD
        # passwords:
        #   "secrets/*.p12": P12_PASSWORD

        # Per-rule severity (error, warning, note, off) and parameters; rules are named by name or id.
        rules:
          # directories: [.certlint/rules]   # folders of your own rule files (NAME.yml + NAME.md)
          cert-expiring-soon:
            severity: warning
            parameters:
              days: 30
          # validity-too-long: off

        # Findings to accept, each with a reason; after `expires` a suppression stops working and a notice says so.
        suppressions: []
        #  - rule: self-signed-leaf
        #    path: "test/fixtures/**"
        #    reason: Test fixtures are self-signed on purpose
        #    expires: 2027-06-30
        #  - rule: weak-key
        #    sha256: 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
        #    reason: Legacy device, replaced in Q3

        """;
}
