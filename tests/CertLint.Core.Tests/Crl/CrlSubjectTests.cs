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
}
