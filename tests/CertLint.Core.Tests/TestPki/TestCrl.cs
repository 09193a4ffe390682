using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CertLint.Tests.Pki;

/// <summary>
/// Builds X.509 CRLs signed by a test CA, with the extensions CertificateRevocationListBuilder cannot write
/// (deltaCRLIndicator, issuingDistributionPoint), so revocation tests control every field.
/// </summary>
public sealed class TestCrl
{
    private readonly List<(byte[] Serial, DateTimeOffset When, int? Reason, X500DistinguishedName? CertificateIssuer)> _entries = [];
    private readonly List<X509Extension> _extensions = [];

    public TestCrl(TestCertificate issuer) => Issuer = issuer;

    public TestCertificate Issuer { get; }
    public DateTimeOffset ThisUpdate { get; set; } = new(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);
    public DateTimeOffset? NextUpdate { get; set; } = new(2026, 7, 1, 0, 0, 0, TimeSpan.Zero);
    public long Number { get; set; } = 1;
    /// <summary>Sign with this certificate's key instead of the issuer's (a forged CRL).</summary>
    public TestCertificate? SignedBy { get; set; }

    /// <param name="reason">RFC 5280 CRLReason code (1 keyCompromise, 8 removeFromCRL...), or null for none.</param>
    /// <param name="certificateIssuer">The certificateIssuer entry extension (indirect CRLs: this entry and the next
    /// ones without it are for that issuer's certificates), or null for none.</param>
    public TestCrl Revoke(TestCertificate cert, DateTimeOffset when, int? reason = 1, X500DistinguishedName? certificateIssuer = null)
    {
        _entries.Add((cert.Certificate.SerialNumberBytes.ToArray(), when, reason, certificateIssuer));
        return this;
    }

    /// <summary>issuingDistributionPoint with indirectCRL, and the distribution point named by <paramref name="point"/> if given.</summary>
    public TestCrl Indirect(X500DistinguishedName? point = null)
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            if (point is not null)
            {
                using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true)))
                using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true)))
                using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 4, isConstructed: true)))
                {
                    w.WriteEncodedValue(point.RawData);
                }
            }
            w.WriteBoolean(true, new Asn1Tag(TagClass.ContextSpecific, 4));
        }
        _extensions.Add(new X509Extension("2.5.29.28", w.Encode(), true));
        return this;
    }

    public TestCrl Delta(long baseNumber)
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        w.WriteInteger(baseNumber);
        _extensions.Add(new X509Extension("2.5.29.27", w.Encode(), true));
        return this;
    }

    /// <summary>issuingDistributionPoint with onlyContainsUserCerts or onlyContainsCACerts.</summary>
    public TestCrl Only(bool userCerts)
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence()) w.WriteBoolean(true, new Asn1Tag(TagClass.ContextSpecific, userCerts ? 1 : 2));
        _extensions.Add(new X509Extension("2.5.29.28", w.Encode(), true));
        return this;
    }

    /// <summary>issuingDistributionPoint with onlySomeReasons: the ReasonFlags bytes (0x40 keyCompromise, 0x20 cACompromise...).</summary>
    public TestCrl OnlySomeReasons(params byte[] reasonFlags)
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence()) w.WriteBitString(reasonFlags, 0, new Asn1Tag(TagClass.ContextSpecific, 3));
        _extensions.Add(new X509Extension("2.5.29.28", w.Encode(), true));
        return this;
    }

    /// <summary>The authorityKeyIdentifier names <see cref="SignedBy"/>'s key instead of the issuer's (another key of the CA).</summary>
    public bool SignerKeyId { get; set; }

    /// <summary>issuingDistributionPoint naming one distribution point (a CRL partitioned by URI).</summary>
    public TestCrl DistributionPoint(string uri) =>
        DistributionPoint(w => w.WriteCharacterString(UniversalTagNumber.IA5String, uri, new Asn1Tag(TagClass.ContextSpecific, 6)));

    /// <summary>issuingDistributionPoint whose point is named by a directoryName (e.g. the issuer's own name).</summary>
    public TestCrl DistributionPoint(X500DistinguishedName name) => DistributionPoint(w =>
    {
        using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 4, isConstructed: true))) w.WriteEncodedValue(name.RawData);
    });

    private TestCrl DistributionPoint(Action<AsnWriter> generalName)
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true)))
        using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true)))
        {
            generalName(w);
        }
        _extensions.Add(new X509Extension("2.5.29.28", w.Encode(), true));
        return this;
    }

    /// <summary>freshestCRL: where the delta CRLs for this complete CRL are (openssl -use_deltas needs it).</summary>
    public TestCrl Freshest(string uri)
    {
        var dp = CertificateRevocationListBuilder.BuildCrlDistributionPointExtension([uri]);
        _extensions.Add(new X509Extension("2.5.29.46", dp.RawData, false));
        return this;
    }

    public byte[] Der
    {
        get
        {
            var signer = SignedBy ?? Issuer;
            var hash = signer.Key.DefaultHash;
            var generator = signer.Key.SignatureGenerator(hash, false);
            var tbs = new AsnWriter(AsnEncodingRules.DER);
            using (tbs.PushSequence())
            {
                tbs.WriteInteger(1);
                tbs.WriteEncodedValue(generator.GetSignatureAlgorithmIdentifier(hash));
                tbs.WriteEncodedValue(Issuer.Certificate.SubjectName.RawData);
                tbs.WriteUtcTime(ThisUpdate);
                if (NextUpdate is { } next) tbs.WriteUtcTime(next);
                if (_entries.Count > 0)
                {
                    using (tbs.PushSequence())
                    {
                        foreach (var (serial, when, reason, certificateIssuer) in _entries)
                        {
                            using (tbs.PushSequence())
                            {
                                tbs.WriteInteger(serial);
                                tbs.WriteUtcTime(when);
                                if (reason is not null || certificateIssuer is not null)
                                {
                                    using (tbs.PushSequence())
                                    {
                                        if (reason is int r)
                                        {
                                            using (tbs.PushSequence())
                                            {
                                                tbs.WriteObjectIdentifier("2.5.29.21");
                                                var value = new AsnWriter(AsnEncodingRules.DER);
                                                value.WriteEnumeratedValue((X509RevocationReason)r);
                                                tbs.WriteOctetString(value.Encode());
                                            }
                                        }
                                        if (certificateIssuer is not null)
                                        {
                                            using (tbs.PushSequence())
                                            {
                                                tbs.WriteObjectIdentifier("2.5.29.29");
                                                tbs.WriteBoolean(true);
                                                var value = new AsnWriter(AsnEncodingRules.DER);
                                                using (value.PushSequence())
                                                using (value.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 4, isConstructed: true)))
                                                {
                                                    value.WriteEncodedValue(certificateIssuer.RawData);
                                                }
                                                tbs.WriteOctetString(value.Encode());
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                using (tbs.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true)))
                using (tbs.PushSequence())
                {
                    WriteExtension(tbs, X509AuthorityKeyIdentifierExtension.CreateFromSubjectKeyIdentifier((SignerKeyId ? signer : Issuer).SubjectKeyId!));
                    var number = new AsnWriter(AsnEncodingRules.DER);
                    number.WriteInteger(Number);
                    WriteExtension(tbs, new X509Extension("2.5.29.20", number.Encode(), false));
                    foreach (var ext in _extensions) WriteExtension(tbs, ext);
                }
            }
            var tbsDer = tbs.Encode();
            var crl = new AsnWriter(AsnEncodingRules.DER);
            using (crl.PushSequence())
            {
                crl.WriteEncodedValue(tbsDer);
                crl.WriteEncodedValue(generator.GetSignatureAlgorithmIdentifier(hash));
                crl.WriteBitString(generator.SignData(tbsDer, hash));
            }
            return crl.Encode();
        }
    }

    public string Pem => PemEncoding.WriteString("X509 CRL", Der) + "\n";

    private static void WriteExtension(AsnWriter w, X509Extension ext)
    {
        using (w.PushSequence())
        {
            w.WriteObjectIdentifier(ext.Oid!.Value!);
            if (ext.Critical) w.WriteBoolean(true);
            w.WriteOctetString(ext.RawData);
        }
    }
}
