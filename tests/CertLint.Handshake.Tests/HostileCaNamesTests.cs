using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;
using CertLint.Engine;
using CertLint.Tls;

namespace CertLint.Handshake.Tests;

/// <summary>
/// The certificate_authorities of a hostile server's CertificateRequest (read by BouncyCastle, docs/mtls.md): thousands
/// of names, names with terminal escapes, newlines and bidi overrides, a name of 60,000 characters. Sent by
/// `openssl s_server -verify 1 -CAfile FILE` (it asks for a client certificate, lists the names of FILE, and goes on
/// without one); checked through the CLI in every report: bounded, and printed as safe text.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public sealed class HostileCaNamesTests : PkiFixture
{
    private const string Escape = "\u001b[2J\u001b[31m";

    [Test]
    public void Thousands_of_CA_names_are_listed_up_to_the_bound()
    {
        var names = Enumerable.Range(0, 2_000).Select(i => $"Listed CA {i:D4}").ToArray();
        var (exit, output, json, sarif) = Run(CaFile("many-cas.crt", names));

        exit.ShouldBe(ExitCodes.Success, output);
        var session = output.Split('\n').Single(l => l.Contains("CL0600 tls-session", StringComparison.Ordinal));
        session.ShouldContain("CN=Listed CA 0015, and 1,984 more) and went on without one");
        Regex.Count(session, "CN=Listed CA ").ShouldBe(HandshakeAnalyzer.MaxListedCas);
        foreach (var report in new[] { json, sarif })
        {
            report.ShouldContain("CN=Listed CA 0015, and 1,984 more) and went on without one");
            report.ShouldNotContain("Listed CA 0016");
        }
    }

    [Test]
    public void CA_names_with_escapes_newlines_and_bidi_overrides_or_60_000_characters_are_safe_text_and_cut()
    {
        var (exit, output, json, sarif) = Run(CaFile("odd-cas.crt", $"Evil{Escape} CA\nCL0000 forged finding \u202Etxt.exe", new string('x', 60_000)));

        exit.ShouldBe(ExitCodes.Success, output);
        var session = output.Split('\n').Single(l => l.Contains("CL0600 tls-session", StringComparison.Ordinal));
        // Control characters are written as RFC 4514 escapes (\1B, \0A), a bidi override as '?'; each name is cut.
        session.ShouldContain(@"CN=Evil\1B[2J\1B[31m CA\0ACL0000 forged finding ?txt.exe, CN=" + new string('x', 997) + "… (60,003 characters)) and went on without one");
        CliReports.ShouldBeSafe('x', output, json, sarif);
        output.Split('\n').ShouldNotContain(l => l.Contains("CL0000", StringComparison.Ordinal) && !l.Contains("CL0600", StringComparison.Ordinal));
    }

    /// <summary>`certlint handshake` against openssl listing the names of <paramref name="caFile"/>: exit code, console, JSON and SARIF.</summary>
    private (int Exit, string Output, string Json, string Sarif) Run(string caFile)
    {
        using var server = OpenSslServer.Start("-cert", Pki.ServerFiles.Certificate!, "-key", Pki.ServerFiles.Key!, "-cert_chain", Pki.ServerIntermediateFile,
            "-CAfile", caFile, "-verify", "1", "-tls1_3");
        return CliReports.Run(Pki.Dir, server.Port, Path.GetFileNameWithoutExtension(caFile));
    }

    /// <summary>A PEM file of self-signed CA certificates, one per common name, all with one key.</summary>
    private string CaFile(string file, params string[] commonNames)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pem = new StringBuilder();
        foreach (var cn in commonNames)
        {
            var dn = new X500DistinguishedNameBuilder();
            dn.AddCommonName(cn);
            var request = new CertificateRequest(dn.Build(), key, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
            pem.Append(certificate.ExportCertificatePem()).Append('\n');
        }
        var path = Path.Combine(Pki.Dir, file);
        File.WriteAllText(path, pem.ToString());
        return path;
    }
}
