using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using CertLint.Configuration;
using CertLint.Inventory;
using CertLint.Tests.Pki;
using static CertLint.Tests.Pki.PathExtensions;

namespace CertLint.Tests.Inventory;

/// <summary>
/// CertLint's path verdict against `openssl verify -x509_strict` on the same generated chains (openssl is installed
/// by .ci/run). Each case states both expected verdicts; where they differ on purpose the reason is given (see
/// docs/chains.md). The measured agreement is printed for the closing note.
/// </summary>
public sealed class OpenSslDifferentialTests
{
    private const string P1 = "1.3.6.1.4.1.55555.20.1";
    private const string P2 = "1.3.6.1.4.1.55555.20.2";

    private sealed record Case(string Name, TestCertificate Root, TestCertificate[] Intermediates, TestCertificate Leaf,
        bool CertLintValid, bool OpenSslValid, string Flags = "", TestCrl[]? Crls = null, ValidationSettings? Validation = null, string? Why = null);

    private static IEnumerable<Case> Cases()
    {
        var root = TestPki.CreateRoot("Diff Root");
        var ca = root.IssueCa("Diff CA");
        yield return new("valid chain", root, [ca], ca.Issue("ok.example.com", o => o.Dns("ok.example.com")), true, true);
        var nc = root.IssueCa("NC CA", o => o.Extension(NameConstraints(["dns:example.com", "ip:10.0.0.0/8"], ["dns:bad.example.com"])));
        yield return new("dns inside permitted", root, [nc], nc.Issue("in", o => o.Dns("www.example.com")), true, true);
        yield return new("dns outside permitted", root, [nc], nc.Issue("out", o => o.Dns("www.example.org")), false, false);
        yield return new("dns excluded", root, [nc], nc.Issue("ex", o => o.Dns("x.bad.example.com")), false, false);
        yield return new("ip inside", root, [nc], nc.Issue("ip-in", o => o.Dns("a.example.com").Ip("10.2.3.4")), true, true);
        yield return new("ip outside", root, [nc], nc.Issue("ip-out", o => o.Dns("a.example.com").Ip("192.0.2.1")), false, false);
        yield return new("host-like CN without SAN outside", root, [nc], nc.Issue("cn.example.org"), false, false);
        // A user's client certificate: a single-label CN is no host name (OpenSSL's cn2dnsid wants a dot), so the CA's
        // dNSName constraints do not apply to it.
        yield return new("single-label CN without SAN", root, [nc], nc.Issue("jdoe"), true, true);
        var notCa = root.IssueCa("Not A CA", o => o.NotCa());
        yield return new("issuer not a CA", root, [notCa], notCa.Issue("leaf1"), false, false);
        var noSign = root.IssueCa("No keyCertSign", o => o.KeyUsage(System.Security.Cryptography.X509Certificates.X509KeyUsageFlags.CrlSign));
        yield return new("issuer without keyCertSign", root, [noSign], noSign.Issue("leaf2"), false, false);
        var len0 = root.IssueCa("Len0 CA", o => o.Ca(pathLength: 0));
        var below = len0.IssueCa("Below Len0");
        yield return new("pathLen exceeded", root, [below, len0], below.Issue("leaf3"), false, false);
        yield return new("unknown critical extension on leaf", root, [ca], ca.Issue("crit", o => o.Extension(Private("1.3.6.1.4.1.55555.9", true))), false, false);
        var expiredCa = root.IssueCa("Expired CA", o => o.Valid(TestPki.DefaultNotBefore, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        yield return new("expired intermediate", root, [expiredCa], expiredCa.Issue("leaf4"), false, false);
        var expiredRoot = TestPki.CreateRoot("Expired Root", o => o.Valid(TestPki.DefaultNotBefore, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        var underExpired = expiredRoot.IssueCa("Under Expired Root");
        yield return new("expired trust anchor", expiredRoot, [underExpired], underExpired.Issue("leaf5"), true, false,
            Why: "RFC 5280 §6.1 trusts the anchor as given (as browsers and rustls do); openssl checks the root's dates");
        // Signed under ecdsa-with-SHA256 (the outer field too) while the signed TBS field says SHA-384 (RFC 5280 §4.1.1.2):
        // openssl's error 78; CertLint passed the leaf before session 24 (bench/external/pathdiff.py found it).
        var mismatched = Pki.Raw.RawCertificateBuilder.Ca("Mismatched Algorithm CA", root)
            .With(b => b.TbsSignatureAlgorithm = Pki.Raw.Der.Seq(Pki.Raw.Der.ObjectId("1.2.840.10045.4.3.3"))).Build();
        yield return new("TBS signature field other than the outer algorithm on the intermediate", root, [mismatched], mismatched.Issue("leaf6"), false, false);
        var policyCa = root.IssueCa("Policy CA", o => o.Extension(Policies(P1, P2)));
        yield return new("explicit policy met", root, [policyCa], policyCa.Issue("pol1", o => o.Extension(Policies(P1))), true, true,
            $"-explicit_policy -policy {P1}", Validation: new ValidationSettings { RequireExplicitPolicy = true, Policies = [P1] });
        yield return new("explicit policy not met", root, [policyCa], policyCa.Issue("pol2", o => o.Extension(Policies(P2))), false, false,
            $"-explicit_policy -policy {P1}", Validation: new ValidationSettings { RequireExplicitPolicy = true, Policies = [P1] });
        var revoked = ca.Issue("revoked");
        yield return new("revoked leaf", root, [ca], revoked, false, false, "-crl_check",
            [new TestCrl(ca).Revoke(revoked, new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero))]);
        var fine = ca.Issue("not revoked");
        yield return new("leaf not on the CRL", root, [ca], fine, true, true, "-crl_check", [new TestCrl(ca).Revoke(revoked, new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero))]);
        yield return new("CA certificate as the leaf", root, [], ca, true, true,
            Why: "both accept the path; CertLint reports leaf-is-ca only when the CA is used as an end entity (role, host or key)");
        foreach (var c in RevocationCases(root, ca)) yield return c;
    }

    /// <summary>
    /// Delta CRLs and issuingDistributionPoint scope with `-crl_check_all -use_deltas`: every certificate below the
    /// anchor needs a CRL in scope there, so the root's complete CRL (listing nothing) comes with each case.
    /// </summary>
    private static IEnumerable<Case> RevocationCases(TestCertificate root, TestCertificate ca)
    {
        const string All = "-crl_check_all -use_deltas";
        const string DpA = "http://crl.example.test/a.crl";
        const string DpB = "http://crl.example.test/b.crl";
        var april = new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);
        TestCrl RootCrl() => new(root);
        TestCrl Base() => new TestCrl(ca) { Number = 10 }.Freshest("http://crl.example.test/delta.crl");
        TestCrl DeltaOn(long baseNumber) => new TestCrl(ca) { Number = 11 }.Delta(baseNumber);
        Case Both(string name, TestCertificate leaf, bool valid, params TestCrl[] crls) => new(name, root, [ca], leaf, valid, valid, All, crls);

        var leaf = ca.Issue("crl-leaf");
        yield return Both("complete CRLs for every certificate, none revoked", leaf, true, RootCrl(), new TestCrl(ca));
        yield return Both("intermediate revoked on the root's CRL", leaf, false, RootCrl().Revoke(ca, april), new TestCrl(ca));
        yield return Both("leaf revoked by a delta CRL on its base", leaf, false, RootCrl(), Base(), DeltaOn(10).Revoke(leaf, april));
        yield return Both("delta CRL for a newer base than the complete CRL is not applied", leaf, true, RootCrl(), Base(), DeltaOn(11).Revoke(leaf, april));
        yield return Both("hold on the base CRL released by removeFromCRL in the delta", leaf, true,
            RootCrl(), Base().Revoke(leaf, april, reason: 6), DeltaOn(10).Revoke(leaf, april, reason: 8));
        yield return Both("hold on the base CRL, delta silent", leaf, false, RootCrl(), Base().Revoke(leaf, april, reason: 6), DeltaOn(10));
        yield return Both("CRL of CA certificates only does not cover the leaf", leaf, true,
            RootCrl(), new TestCrl(ca).Only(userCerts: false).Revoke(leaf, april), new TestCrl(ca) { Number = 2 });
        yield return Both("CRL of user certificates only revokes the leaf", leaf, false, RootCrl(), new TestCrl(ca).Only(userCerts: true).Revoke(leaf, april));
        yield return Both("CRL of user certificates only does not cover the intermediate", leaf, true,
            RootCrl().Only(userCerts: true).Revoke(ca, april), new TestCrl(root) { Number = 2 }, new TestCrl(ca));
        yield return Both("CRL of CA certificates only revokes the intermediate", leaf, false, RootCrl().Only(userCerts: false).Revoke(ca, april), new TestCrl(ca));
        var inA = ca.Issue("dp-a-leaf", o => o.Extension(CertificateRevocationListBuilder.BuildCrlDistributionPointExtension([DpA])));
        yield return Both("partitioned CRL naming the leaf's distribution point revokes it", inA, false,
            RootCrl(), new TestCrl(ca).DistributionPoint(DpA).Revoke(inA, april));
        yield return Both("partitioned CRL of another distribution point does not cover the leaf", inA, true,
            RootCrl(), new TestCrl(ca).DistributionPoint(DpB).Revoke(inA, april), new TestCrl(ca) { Number = 2 }.DistributionPoint(DpA));
        yield return Both("partitioned CRL does not cover a certificate without cRLDistributionPoints", leaf, true,
            RootCrl(), new TestCrl(ca).DistributionPoint(DpB).Revoke(leaf, april), new TestCrl(ca) { Number = 2 });
        yield return new("no CRL for the intermediate", root, [ca], leaf, true, false, All, [new TestCrl(ca)],
            Why: "CertLint does not require CRLs (a certificate without one is undetermined, not revoked); -crl_check_all fails with 'unable to get certificate CRL'");
    }

    [Test]
    public void Verdicts_agree_with_openssl_verify_except_where_documented()
    {
        using var dir = new TempDirectory();
        var total = 0;
        var agreed = 0;
        var report = new List<string>();
        foreach (var c in Cases())
        {
            total++;
            var certLint = CertLintValid(c);
            var openSsl = OpenSslValid(dir, c);
            certLint.ShouldBe(c.CertLintValid, $"CertLint on '{c.Name}'");
            openSsl.ShouldBe(c.OpenSslValid, $"openssl on '{c.Name}'");
            if (certLint == openSsl) agreed++;
            else
            {
                c.Why.ShouldNotBeNull($"'{c.Name}': a difference from openssl must be explained");
                report.Add($"{c.Name}: CertLint {(certLint ? "valid" : "invalid")}, openssl {(openSsl ? "valid" : "invalid")} ({c.Why})");
            }
        }
        TestContext.Out.WriteLine($"agreement with openssl verify -x509_strict: {agreed}/{total}");
        foreach (var line in report) TestContext.Out.WriteLine("  " + line);
        agreed.ShouldBe(total - report.Count);
        report.Count.ShouldBe(2);
    }

    private static bool CertLintValid(Case c)
    {
        var scan = new TestScan().Pem("leaf.pem", c.Leaf).Ca(c.Root);
        for (var i = 0; i < c.Intermediates.Length; i++) scan.Pem($"ca{i}.pem", c.Intermediates[i]);
        for (var i = 0; i < (c.Crls?.Length ?? 0); i++) scan.Crl($"crl{i}.pem", c.Crls![i]);
        return scan.Build(anchorsFromScan: false, validation: c.Validation).Chain(c.Leaf).Status == ChainStatus.Complete;
    }

    private static bool OpenSslValid(TempDirectory dir, Case c)
    {
        var root = TestPki.WritePem(dir.Path, "root.pem", c.Root);
        var leaf = TestPki.WritePem(dir.Path, "leaf.pem", c.Leaf);
        var args = $"verify -x509_strict -attime {TestPki.DefaultNow.ToUnixTimeSeconds()} -CAfile {root} {c.Flags}";
        if (c.Intermediates.Length > 0) args += $" -untrusted {TestPki.WritePem(dir.Path, "untrusted.pem", c.Intermediates)}";
        if (c.Crls is { Length: > 0 } crls) args += $" -CRLfile {TestPki.Write(dir.Path, "crls.pem", string.Concat(crls.Select(crl => crl.Pem)))}";
        var start = new ProcessStartInfo("openssl", $"{args} {leaf}") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.Environment["OPENSSL_CONF"] = "/dev/null";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        _ = stderr.Result;
        return process.ExitCode == 0;
    }
}
