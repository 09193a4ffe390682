using CertLint.Engine;
using CertLint.Findings;
using CertLint.Model;
using CertLint.Tests.Pki;
using CertLint.Tests.Pki.Raw;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Tests.Crl;

/// <summary>CRLs as rule subjects through the real engine: DER files, the entry bound, and CRLs that do not parse.</summary>
public sealed class CrlSubjectTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Lazy<TestCertificate> Ca = new(() => RawCertificateBuilder.Ca("CertLint CRL Subject CA", null).Build());

    private static LintResult Lint(TempDirectory dir, string file, params string[] packs) => new LintEngine().Run(new LintRequest
    {
        WorkingDirectory = dir.Path,
        Paths = [dir[file]],
        Now = Now,
        Packs = packs,
        Environment = _ => null,
    });

    [Test]
    public void A_der_crl_file_is_a_crl_subject_located_at_its_file()
    {
        using var dir = new TempDirectory();
        var builder = new RawCrlBuilder(Ca.Value) { NextUpdate = null };
        File.WriteAllBytes(dir["ca.crl"], builder.Build());
        var result = Lint(dir, "ca.crl", "rfc5280");
        var finding = result.Findings.Single(f => f.Rule.Name == "crl-next-update-missing");
        finding.Subject.Kind.ShouldBe(SubjectKind.Crl);
        finding.Subject.Location.File.RelativePath.ShouldBe("ca.crl");
        result.Findings.Where(f => f.Subject.Kind == SubjectKind.Crl).Select(f => f.Rule.Name).ShouldBe(["crl-next-update-missing"]);
    }

    [Test]
    public void Reports_of_crl_findings_name_the_crl_kind_and_match_their_schemas()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir["ca.crl"], new RawCrlBuilder(Ca.Value) { NextUpdate = null }.Build());
        var result = Lint(dir, "ca.crl", "rfc5280");

        var json = CertLint.Reporting.ReportWriter.Render(CertLint.Reporting.ReportFormat.Json, result, CertLint.Core.Tests.Reporting.Golden.Settings);
        CertLint.Core.Tests.Reporting.SchemaValidation.ShouldBeValidCertLintJson(json);
        System.Text.Encoding.UTF8.GetString(json).ShouldContain("\"kind\": \"crl\"");
        CertLint.Core.Tests.Reporting.SchemaValidation.ShouldBeValidSarif(
            CertLint.Reporting.ReportWriter.Render(CertLint.Reporting.ReportFormat.Sarif, result, CertLint.Core.Tests.Reporting.Golden.Settings));
    }

    [Test]
    public void A_crl_in_a_pem_file_is_located_at_its_block_lines()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir["bundle.pem"], Ca.Value.Pem + new RawCrlBuilder(Ca.Value) { Entries = [] }.Pem);
        var finding = Lint(dir, "bundle.pem", "rfc5280").Findings.Single(f => f.Rule.Name == "crl-revoked-certificates-empty");
        finding.Subject.Location.StartLine.ShouldBe(Ca.Value.Pem.Split('\n').Length);
    }

    [Test]
    public void Entries_beyond_the_bound_are_said_not_checked_and_those_within_are_judged()
    {
        using var dir = new TempDirectory();
        var entry = RawCrlBuilder.Entry([0x01], null, RawCrlBuilder.Reason(0));
        var builder = new RawCrlBuilder(Ca.Value) { Entries = [.. Enumerable.Repeat(entry, CrlDetails.MaxEntries + 1)] };
        File.WriteAllBytes(dir["big.crl"], builder.Build());
        var names = Lint(dir, "big.crl", "core", "rfc5280").Findings.Where(f => f.Subject.Kind == SubjectKind.Crl).Select(f => f.Rule.Name).Order().ToArray();
        names.ShouldBe(["crl-entries-not-checked", "crl-reason-code-unspecified"]);
    }

    [Test]
    public void A_crl_that_does_not_parse_stays_a_parse_error_and_is_no_subject()
    {
        using var dir = new TempDirectory();
        var der = new RawCrlBuilder(Ca.Value).Build();
        File.WriteAllText(dir["cut.pem"], System.Security.Cryptography.PemEncoding.WriteString("X509 CRL", der.AsSpan(0, der.Length / 2)) + "\n");
        var result = Lint(dir, "cut.pem", "core", "rfc5280");
        result.Findings.Select(f => f.Rule.Name).ShouldContain("parse-error");
        result.Findings.ShouldNotContain(f => f.Subject.Kind == SubjectKind.Crl);
    }

    [Test]
    public void A_crl_read_with_ber_keeps_its_subject_and_says_it_is_not_der()
    {
        using var dir = new TempDirectory();
        var builder = new RawCrlBuilder(Ca.Value) { ThisUpdate = Time(UtcTime, "2512250000Z") };
        File.WriteAllText(dir["ber.pem"], builder.Pem);
        var names = Lint(dir, "ber.pem", "rfc5280").Findings.Where(f => f.Subject.Kind == SubjectKind.Crl).Select(f => f.Rule.Name).ToArray();
        names.ShouldBe(["crl-time-not-der"]);
    }

    /// <summary>
    /// RFC 5280 §5.2: a CRL with a critical extension the relying party cannot process is not used. CertLint processes
    /// every CRL extension of §5.2 (CrlExtensionOids), so a critical issuerAltName breaks the profile (crl-ian-critical)
    /// but the CRL still revokes; a critical private extension makes the CRL unusable, with the reason.
    /// </summary>
    [TestCase("2.5.29.18", true)]
    [TestCase("1.3.6.1.4.1.55555.1", false)]
    public void A_critical_crl_extension_keeps_the_crl_in_use_only_when_rfc_5280_defines_it(string oid, bool used)
    {
        using var dir = new TempDirectory();
        var leaf = RawCertificateBuilder.Leaf("CertLint CRL Subject Leaf", Ca.Value).Build();
        var serial = leaf.Certificate.GetSerialNumber().Reverse().ToArray(); // little-endian from the BCL
        var crl = new RawCrlBuilder(Ca.Value).Set(oid, Seq(Context(6, false, Ascii("http://ca.example.com/"))), critical: true)
            .Revoke(RawCrlBuilder.Entry(serial));
        File.WriteAllText(dir["bundle.pem"], leaf.Pem + Ca.Value.Pem + crl.Pem);
        var findings = Lint(dir, "bundle.pem", "core", "rfc5280").Findings;
        var names = findings.Select(f => f.Rule.Name).ToArray();
        if (used)
        {
            names.ShouldContain("cert-revoked");
            names.ShouldContain("crl-ian-critical");
            names.ShouldNotContain("crl-invalid");
        }
        else
        {
            names.ShouldNotContain("cert-revoked");
            names.ShouldContain("crl-unknown-critical-extension");
            findings.Single(f => f.Rule.Name == "crl-invalid").Message
                .ShouldContain("it has critical extension(s) CertLint does not process (1.3.6.1.4.1.55555.1)");
        }
    }
}
