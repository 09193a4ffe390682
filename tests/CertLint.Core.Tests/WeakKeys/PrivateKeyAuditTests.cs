using System.Formats.Asn1;
using System.Security.Cryptography;
using CertLint.Model;
using CertLint.Parsing;

namespace CertLint.Tests.WeakKeys;

/// <summary>
/// PrivateKeyAudit on PKCS#8 EC keys whose inner ECPrivateKey names its curve again in [0], as Java's keytool (JKS)
/// writes them. The audit once skipped that element when the wrapper had named the curve, and never left its loop.
/// </summary>
public sealed class PrivateKeyAuditTests
{
    private const string EcPublicKey = "1.2.840.10045.2.1", P256 = "1.2.840.10045.3.1.7";

    [Test]
    public void A_pkcs8_ec_key_that_names_its_curve_twice_is_audited_and_the_audit_ends()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var p = key.ExportParameters(true);
        Audit(Sec1(p.D!, p.Q)).ShouldBe(new PrivateKeyVerdict(null, null));
    }

    [Test]
    public void The_stored_point_after_the_curve_is_still_compared()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Audit(Sec1(key.ExportParameters(true).D!, other.ExportParameters(false).Q)).ShouldBe(new PrivateKeyVerdict(PrivateKeyFlaw.PublicPointMismatch, null));
    }

    /// <summary>The audit of the PKCS#8 wrapper (which names P-256) around <paramref name="sec1"/>, bounded in time.</summary>
    private static PrivateKeyVerdict? Audit(byte[] sec1)
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            w.WriteInteger(0);
            using (w.PushSequence())
            {
                w.WriteObjectIdentifier(EcPublicKey);
                w.WriteObjectIdentifier(P256);
            }
            w.WriteOctetString(sec1);
        }
        var pkcs8 = w.Encode();
        var audit = Task.Run(() => PrivateKeyAudit.OfPkcs8(pkcs8));
        audit.Wait(TimeSpan.FromMinutes(2)).ShouldBeTrue("the audit of one key takes milliseconds: it must end");
        return audit.Result;
    }

    /// <summary>ECPrivateKey (RFC 5915) with the curve in [0] and the point in [1].</summary>
    private static byte[] Sec1(byte[] d, ECPoint q)
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            w.WriteInteger(1);
            w.WriteOctetString(d);
            using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true))) w.WriteObjectIdentifier(P256);
            using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 1, isConstructed: true))) w.WriteBitString([0x04, .. q.X!, .. q.Y!]);
        }
        return w.Encode();
    }
}
