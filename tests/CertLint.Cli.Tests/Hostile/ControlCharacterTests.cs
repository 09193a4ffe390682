using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CertLint.Cli.Tests.Hostile;

/// <summary>
/// Issue 11 item 7: ESC, BEL, U+202E (right-to-left override) and U+2028 (line separator) in a certificate's name and
/// in a file name must not reach the console, the --github annotations or the Markdown summary.
/// </summary>
public class ControlCharacterTests
{
    private const string Hostile = "evil\u001b[2J\u0007\u202Egnp.\u2028x\u0085\u2066y";
    private string _dir = "";

    [SetUp]
    public void MakeDir()
    {
        _dir = Path.Combine(Path.GetTempPath(), "certlint-ctl-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var name = new X500DistinguishedNameBuilder();
        name.AddCommonName(Hostile);
        var req = new CertificateRequest(name.Build(), key, HashAlgorithmName.SHA256);
        using var cert = req.CreateSelfSigned(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var fileName = OperatingSystem.IsWindows() ? "plain.crt" : Hostile.Replace("\u001b[2J", "", StringComparison.Ordinal) + ".crt";
        File.WriteAllText(Path.Combine(_dir, fileName), cert.ExportCertificatePem() + "\n");
    }

    [TearDown]
    public void Remove() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void Console_github_annotations_and_markdown_carry_no_control_or_bidi_character()
    {
        var env = new Dictionary<string, string> { ["GITHUB_OUTPUT"] = Path.Combine(_dir, "out.txt") };
        var r = CliRunner.Process(_dir, env, ".", "--now", "2026-06-01", "--github", "--markdown", "summary.md");
        r.ExitCode.ShouldBe(1, r.Error);
        r.Out.ShouldContain("::error file=");                       // the annotation is there...
        r.Out.ShouldContain("evil");                               // ...naming the certificate, made harmless
        var markdown = File.ReadAllText(Path.Combine(_dir, "summary.md"));
        markdown.ShouldContain("evil");
        foreach (var text in new[] { r.Out, r.Error, markdown })
        {
            var bad = text.Where(c => (c < ' ' && c is not '\n' and not '\r') || c is >= '\u007F' and <= '\u009F'
                || c is '\u2028' or '\u2029' or '\u200E' or '\u200F' or '\u061C' || c is >= '\u202A' and <= '\u202E' || c is >= '\u2066' and <= '\u2069').ToArray();
            bad.ShouldBeEmpty($"found U+{(bad.Length > 0 ? ((int)bad[0]).ToString("X4") : "")}");
        }
    }
}
