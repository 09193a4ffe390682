using System.Security.Cryptography.X509Certificates;
using CertLint.Engine;
using CertLint.Findings;
using CertLint.Inventory;
using CertLint.Model;

namespace CertLint.Core.Tests.Reporting;

/// <summary>
/// A fixed scan result: certificates made at test time from committed keys with fixed dates and serials, so every
/// report over it has the same bytes on every run. Covers each report feature: PEM and DER, a bundle, an expired and
/// an expiring certificate, a missing issuer, a suppressed finding, a note below --fail-on, a parse error whose message
/// echoes a private key, an unreadable file and a locked keystore.
/// </summary>
internal sealed class ReportFixture
{
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    public const string Password = "correct-horse-Battery-9!";
    public static readonly string RepoRoot = ReportPki.RepoRoot;

    /// <summary>The PEM text of the private keys the fixture uses: no report may contain any of it.</summary>
    public IReadOnlyList<string> PrivateKeyPems { get; }
    public LintResult Result { get; }
    public IReadOnlyDictionary<string, RuleDescriptor> Rules { get; }

    public ReportFixture(string root = "/certlint-fixture", Func<CheckedObject, bool>? skipFindings = null, Func<Finding, Finding>? edit = null)
    {
        var pki = new ReportPki();
        var pems = pki.KeyPems;
        PrivateKeyPems = pems.Values.ToList();
        var keys = pki.Keys;
        Rules = TestRules.All.ToDictionary(r => r.Name);

        var files = new Dictionary<string, SourceFile>();
        SourceFile F(string path, UnixFileMode? mode = null) =>
            files.TryGetValue(path, out var f) ? f : files[path] = new SourceFile(Path.Combine(root, path), path, 1234, mode);

        var (caCert, serverCert, clientCert, legacyCert) = (pki.Ca, pki.Server, pki.Client, pki.Legacy);

        var ca = Pem(caCert, F("certs/ca.pem"), 1);
        var server = Pem(serverCert, F("certs/server-fullchain.pem"), 1);
        var caInBundle = Pem(caCert, F("certs/server-fullchain.pem"), server.Location.EndLine + 1, index: 1);
        var client = Pem(clientCert, F("certs/client.crt"), 1);
        var legacy = TestModel.Certificate(legacyCert, new SourceLocation(F("certs/legacy.der")), ObjectFormat.Der);
        var clientKey = TestModel.PrivateKey(keys["client"], new SourceLocation(F("certs/client.key", (UnixFileMode)0b110_100_100), 1, Lines(pems["client"])));
        var keystore = new KeystoreInfo(new SourceLocation(F("certs/store.p12")), true, 0, 0);

        var parsed = new List<ParsedFile>
        {
            new() { File = F("certs/broken.pem"), Kind = FileKind.Pem, Issues = [new ParseIssue(ParseIssueKind.ParseError, new SourceLocation(F("certs/broken.pem"), 3, 5), "bad base64")] },
            new() { File = F("certs/ca.pem"), Kind = FileKind.Pem, Certificates = [ca] },
            new() { File = F("certs/client.crt"), Kind = FileKind.Pem, Certificates = [client] },
            new() { File = F("certs/client.key"), Kind = FileKind.Pem, Keys = [clientKey] },
            new() { File = F("certs/legacy.der"), Kind = FileKind.DerCertificate, Certificates = [legacy] },
            new() { File = F("certs/locked.key"), Kind = FileKind.Unknown, Issues = [new ParseIssue(ParseIssueKind.Unreadable, new SourceLocation(F("certs/locked.key")), "Permission denied")] },
            new() { File = F("certs/server-fullchain.pem"), Kind = FileKind.Pem, Certificates = [server, caInBundle] },
            new() { File = F("certs/store.p12"), Kind = FileKind.Pkcs12, Keystore = keystore, Issues = [new ParseIssue(ParseIssueKind.PasswordRequired, new SourceLocation(F("certs/store.p12")), "no password worked")] },
        };
        var certs = parsed.SelectMany(p => p.Certificates).ToList();
        var inventory = new CertificateInventory
        {
            Files = parsed,
            Certificates = certs,
            Keys = [clientKey],
            Anchors = [ca, caInBundle],
            Pairs = [new KeyCertPair(clientKey, client)],
            Mismatches = [],
            Bundles = [new BundleInfo(F("certs/server-fullchain.pem"), [server, caInBundle], true, true, [])],
            Chains = new Dictionary<CertificateInfo, ChainResult>
            {
                [ca] = new(ChainStatus.Complete, [ca], []),
                [caInBundle] = new(ChainStatus.Complete, [caInBundle], []),
                [server] = new(ChainStatus.Complete, [server, caInBundle], []),
                [client] = new(ChainStatus.Incomplete, [client], ["issuer CN=Acme Intermediate CA, O=Acme not found"]),
                [legacy] = new(ChainStatus.Complete, [legacy], []),
            },
            Roles = new Dictionary<CertificateInfo, CertificateRole> { [server] = CertificateRole.Server, [client] = CertificateRole.Client },
            SelfSigned = new HashSet<CertificateInfo> { ca, caInBundle, legacy },
        };

        // Checks: what each rule looked at; findings: what failed.
        var checks = new List<RuleCheck>();
        var findings = new List<Finding>();
        var leaves = new[] { server, client, legacy };
        foreach (var c in certs)
        {
            checks.Add(new RuleCheck(Rules["cert-expired"], Obj(c)));
            if (!c.IsCa) foreach (var r in new[] { "cert-expiring-soon", "chain-incomplete", "self-signed-leaf", "cn-not-in-san" }) checks.Add(new RuleCheck(Rules[r], Obj(c)));
        }
        checks.Add(new RuleCheck(Rules["key-file-permissions"], ObjKey(clientKey)));
        var brokenObj = new CheckedObject(SubjectKind.File, "certs/broken.pem", "certs/broken.pem", new SourceLocation(F("certs/broken.pem"), 3, 5));
        var lockedObj = new CheckedObject(SubjectKind.File, "certs/locked.key", "certs/locked.key", new SourceLocation(F("certs/locked.key")));
        var storeObj = new CheckedObject(SubjectKind.Keystore, "certs/store.p12", "PKCS#12 keystore", keystore.Location);

        findings.Add(new Finding(Rules["parse-error"], Severity.Error,
            "cannot decode the CERTIFICATE block at line 3 (bad base64); the block starts: " + pems["client"][..200] + " ... fix or remove the file", brokenObj));
        findings.Add(new Finding(Rules["parse-error"], Severity.Error, "cannot read the file: Permission denied", lockedObj));
        findings.Add(new Finding(Rules["password-required"], Severity.Note,
            "certs/store.p12 is password protected and CERTLINT_PASSWORD did not open it; set the variable to lint its contents", storeObj));
        findings.Add(new Finding(Rules["cert-expired"], Severity.Error,
            $"{client.Label} (SHA-256 {client.Sha256}) expired on 2026-01-01, 151 days ago; renew it and deploy the new certificate", Obj(client)));
        findings.Add(new Finding(Rules["chain-incomplete"], Severity.Error,
            $"{client.Label}: issuer CN=Acme Intermediate CA, O=Acme is not in the scan; add the intermediate to the bundle or pass it with --ca", Obj(client)));
        findings.Add(new Finding(Rules["key-file-permissions"], Severity.Error,
            "RSA 2048 private key is readable by group and others (mode 0644); run chmod 600 certs/client.key", ObjKey(clientKey)));
        findings.Add(new Finding(Rules["cert-expiring-soon"], Severity.Warning,
            $"{legacy.Label} expires on 2026-06-15, in 14 days", Obj(legacy)));
        findings.Add(new Finding(Rules["self-signed-leaf"], Severity.Warning, $"{legacy.Label} is a self-signed end-entity certificate", Obj(legacy))
        {
            Suppression = new Suppression("legacy device, replaced in Q3", ".certlint.yml:12", new DateOnly(2026, 9, 30)),
        });
        findings.Add(new Finding(Rules["cn-not-in-san"], Severity.Note, $"{server.Label}: CN \"Acme Web\" is not in the subjectAltName", Obj(server)));

        var kept = findings.Where(f => skipFindings is null || !skipFindings(f.Subject)).Select(f => edit is null ? f : edit(f))
            .OrderBy(f => f.Location.File.RelativePath, StringComparer.Ordinal).ThenBy(f => f.Location.StartLine)
            .ThenBy(f => f.Rule.Id, StringComparer.Ordinal).ThenBy(f => f.Subject.ObjectId, StringComparer.Ordinal).ToList();

        Result = new LintResult
        {
            Inventory = inventory,
            Rules = TestRules.All,
            Findings = kept,
            Checks = checks,
            Now = Now,
            FailOn = Severity.Error,
            Root = root,
            Elapsed = TimeSpan.FromMilliseconds(1234),
            Notices = ["suppression for rule weak-key in .certlint.yml:20 expired on 2026-05-01"],
        };
    }

    public static CheckedObject Obj(CertificateInfo c) => new(SubjectKind.Certificate, c.Sha256, c.Label, c.Location);
    private static CheckedObject ObjKey(KeyInfo k) => new(SubjectKind.Key, k.Fingerprint, k.Label, k.Location);

    private static CertificateInfo Pem(X509Certificate2 cert, SourceFile file, int startLine, int index = 0)
    {
        var end = startLine + Lines(cert.ExportCertificatePem()) - 1;
        return TestModel.Certificate(cert, new SourceLocation(file, startLine, end, index), ObjectFormat.Pem);
    }

    private static int Lines(string pem) => pem.TrimEnd('\n').Split('\n').Length;
}
