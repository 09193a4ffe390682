using CertificateInfo = CertLint.Model.CertificateInfo;
using CertLint.Tests.Pki;
using CertLint.Tests.Pki.Raw;
using static CertLint.Core.Tests.Rules.RuleTestKit;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Core.Tests.Rules;

/// <summary>The fields read from a SignedCertificateTimestampList (one reader, SignedCertificateTimestamps): how many
/// logs, and how long after notBefore the latest SCT was logged.</summary>
public class SctFieldTests
{
    private static readonly DateTimeOffset NotBefore = new(2025, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly long NotBeforeMs = NotBefore.ToUnixTimeMilliseconds();

    private static CertificateInfo Leaf(byte[]? sctList)
    {
        var b = RawCertificateBuilder.Leaf("sct.example.com", null);
        b.NotBefore = Time(NotBefore);
        b.NotAfter = Time(NotBefore.AddDays(90));
        if (sctList is not null) b.Set(Oids.SctList, sctList);
        return TestScan.Certificate(b.Build(), FileAt("certs/sct.pem"));
    }

    private static bool Holds(string check, CertificateInfo cert) => !Fires(check, cert);

    [Test]
    public void The_latest_sct_decides_the_delay_and_each_log_counts_once()
    {
        var cert = Leaf(Ext.Scts((1, NotBeforeMs + 3_600_000), (1, NotBeforeMs + 172_800_001), (2, NotBeforeMs)));

        Holds("field: sct.maxDelayMs\nequals: 172800001", cert).ShouldBeTrue();
        Holds("field: sct.logs\nequals: 2", cert).ShouldBeTrue();
    }

    [Test]
    public void An_sct_logged_before_not_before_is_a_negative_delay()
    {
        Holds("field: sct.maxDelayMs\nequals: -1000", Leaf(Ext.Scts((7, NotBeforeMs - 1000)))).ShouldBeTrue();
    }

    [Test]
    public void Without_scts_or_with_a_cut_off_sct_the_delay_is_absent()
    {
        Holds("field: sct.maxDelayMs\nexists: false", Leaf(null)).ShouldBeTrue();
        Holds("field: sct.logs\nequals: 0", Leaf(null)).ShouldBeTrue();
        // One SCT of 12 octets: too short for a log ID and a timestamp, so the list cannot be read.
        Holds("field: sct.maxDelayMs\nexists: false", Leaf(Ext.SctList(12))).ShouldBeTrue();
        Holds("field: sct.logs\nexists: false", Leaf(Ext.SctList(12))).ShouldBeTrue();
        Holds("field: sct.maxDelayMs\nexists: false", Leaf(Ext.SctList(0))).ShouldBeTrue();
    }
    [Test]
    public void A_list_is_well_formed_only_with_a_der_wrapper_and_every_length_exact()
    {
        Holds("field: sct.wellFormed\nexists: false", Leaf(null)).ShouldBeTrue();
        Holds("field: sct.wellFormed\nequals: true", Leaf(Ext.Scts((1, NotBeforeMs), (2, NotBeforeMs)))).ShouldBeTrue();
        // An empty list is well formed: sct-list-empty reports it, not sct-list-malformed.
        Holds("field: sct.wellFormed\nequals: true", Leaf(Ext.SctList(0))).ShouldBeTrue();
        Holds("field: sct.wellFormed\nequals: false", Leaf(Ext.SctList(12))).ShouldBeTrue();

        // The same OCTET STRING with a long-form length: BER, not DER. Its SCT is still read.
        var der = Ext.Scts((1, NotBeforeMs));
        der[1].ShouldBeLessThan((byte)0x80);
        byte[] ber = [0x04, 0x81, .. der[1..]];
        Holds("field: sct.wellFormed\nequals: false", Leaf(ber)).ShouldBeTrue();
        Holds("field: sct.logs\nequals: 1", Leaf(ber)).ShouldBeTrue();

        // The list's own length one more than its content: the SCT is read, the list is not well formed.
        var longer = (byte[])der.Clone();
        longer[3]++;
        Holds("field: sct.wellFormed\nequals: false", Leaf(longer)).ShouldBeTrue();
        Holds("field: sct.logs\nequals: 1", Leaf(longer)).ShouldBeTrue();
    }
}
