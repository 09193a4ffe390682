using CertLint.Engine;
using CertLint.Model;
using CertLint.Parsing;
using CertLint.Tests.Pki;
using CertLint.Tests.Pki.Raw;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Core.Tests.Hostile;

/// <summary>
/// A CRL's unknown critical extensions (CRL and entry extensions, RFC 5280 §5.2, §5.3) make it unusable, and the
/// crl-invalid message names them. They are kept once each and at most <see cref="CrlParser.MaxUnknownCritical"/> (+1
/// to say there were more): unkept, 20,000 entries each with a critical extension made a list (and a message, built
/// for each issuer tried) of 20,000 OIDs, and each later entry's certificateIssuer lookup scanned it (quadratic).
/// </summary>
public sealed class CrlEntryBoundTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Lazy<TestCertificate> Ca = new(() => RawCertificateBuilder.Ca("CertLint Hostile CRL CA", null).Build());

    private static RawExtension Critical(int i) => new($"1.3.6.1.4.1.55555.{i}", true, NullValue(), false);

    /// <summary>certificateIssuer naming only a URI: CertLint cannot tell whose entries follow, so it is unknown too.</summary>
    private static readonly RawExtension UriIssuer = new(RawCrlBuilder.CertificateIssuer, true, Seq(Context(6, false, "http://x/"u8.ToArray())), false);

    private static byte[] Serial(int i) => [0x10, (byte)(i >> 16), (byte)(i >> 8), (byte)i];

    [Test]
    public void Unknown_critical_entry_extensions_are_kept_once_each_and_bounded()
    {
        const int entries = 20_000;
        var crl = new RawCrlBuilder(Ca.Value);
        for (var i = 0; i < entries; i++) crl.Revoke(RawCrlBuilder.Entry(Serial(i), null, i % 2 == 0 ? Critical(i % 1000) : UriIssuer));
        var der = crl.Build();

        var parse = Task.Run(() => CrlParser.Parse(der, new SourceLocation(new SourceFile("/crl", "crl", der.Length, null))));
        // Typical: well under a second; the bound is a termination bound.
        parse.Wait(TimeSpan.FromMinutes(2)).ShouldBeTrue("the CRL did not parse within the bound");

        parse.Result.UnknownCriticalExtensions.ShouldBe([
            "1.3.6.1.4.1.55555.0", RawCrlBuilder.CertificateIssuer, "1.3.6.1.4.1.55555.2", "1.3.6.1.4.1.55555.4",
            "1.3.6.1.4.1.55555.6", "1.3.6.1.4.1.55555.8", "1.3.6.1.4.1.55555.10", "1.3.6.1.4.1.55555.12", "1.3.6.1.4.1.55555.14"]);
        parse.Result.Revoked.Count.ShouldBe(entries); // a certificateIssuer without a directoryName changes no entry's issuer
    }

    [Test]
    public void The_crl_invalid_message_names_eight_and_says_there_were_more()
    {
        using var dir = new Core.Tests.Parsing.TempDirectory();
        var crl = new RawCrlBuilder(Ca.Value).Revoke(RawCrlBuilder.Entry([0x42], null, [.. Enumerable.Range(1, 12).Select(Critical)]));
        File.WriteAllText(dir.Combine("bundle.pem"), Ca.Value.Pem + crl.Pem);

        var result = new LintEngine().Run(new LintRequest
        {
            WorkingDirectory = dir.Path,
            Paths = [dir.Combine("bundle.pem")],
            Now = Now,
            Environment = _ => null,
        });

        result.Findings.Single(f => f.Rule.Name == "crl-invalid").Message.ShouldContain(
            "it has critical extension(s) CertLint does not process (1.3.6.1.4.1.55555.1, 1.3.6.1.4.1.55555.2, 1.3.6.1.4.1.55555.3, "
            + "1.3.6.1.4.1.55555.4, 1.3.6.1.4.1.55555.5, 1.3.6.1.4.1.55555.6, 1.3.6.1.4.1.55555.7, 1.3.6.1.4.1.55555.8, and more)");
    }
}
