using System.Formats.Asn1;
using CertLint.Tests.Pki.Raw;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Tests.Rfc5280;

internal static partial class Rfc5280Fixtures
{
    /// <summary>Version, serial, unique identifiers, algorithm identifiers and DER details.</summary>
    private static void Encoding()
    {
        byte[] uid = [0x00, 0x01, 0x02, 0x03];
        Add("unique-identifier-present", Leaf(b => b.SubjectUniqueId = uid), Leaf());
        Add("unique-identifier-version",
            Leaf(b => { b.Version = null; b.SubjectUniqueId = uid; }), Leaf(b => { b.Version = 1; b.SubjectUniqueId = uid; }));
        Add("extensions-version-not-3", Leaf(b => b.Version = null), Leaf());
        Add("extension-duplicate", Leaf(b => b.Add(Oids.ExtendedKeyUsage, Ext.Eku(Oids.ServerAuth))), Leaf());
        Add("serial-too-long",
            Leaf(b => b.Serial = IntRaw([0x01, .. new byte[20]])), Leaf(b => b.Serial = IntRaw([0x7F, .. Enumerable.Repeat((byte)0x11, 19)])));
        Add("serial-not-positive", Leaf(b => b.Serial = IntRaw(0xF1, 0x23)), Leaf());
        Add("signature-algorithm-mismatch", Leaf(b => b.OuterSignatureAlgorithm = AlgorithmId(Oids.EcdsaWithSha384)), Leaf());
        var rsaNoParams = AlgorithmId(Oids.Sha256WithRsa);
        Add("tbs-rsa-signature-parameters-not-null",
            RsaLeaf(b => { b.TbsSignatureAlgorithm = rsaNoParams; b.OuterSignatureAlgorithm = rsaNoParams; }), RsaLeaf());
        Add("rsa-spki-parameters-not-null", RsaLeaf(b => b.Spki = WithoutRsaNull(b.Spki)), RsaLeaf());
        Add("asn1-malformed", Leaf(b => b.Set(Oids.CertificatePolicies, Octets([0x01]))), Leaf());
        // id-pkix-ocsp-nocheck's value is NULL (RFC 6960 §4.2.2.2.1): an empty extnValue is not one.
        Add("asn1-malformed", Leaf(b => b.Set(Oids.OcspNoCheck, [])), Leaf(b => b.Set(Oids.OcspNoCheck, [0x05, 0x00])));
        Add("basic-constraints-explicit-false",
            Leaf(b => b.Set(Oids.BasicConstraints, Ext.BasicConstraints(null, explicitFalse: true), critical: true)), Leaf());
        Add("extension-critical-explicit-false",
            Leaf(b => b.Set(Oids.SubjectKeyId, Ext.SubjectKeyId(b.SubjectKeyId), explicitFalse: true)), Leaf());
        Add("key-usage-unused-bits", Leaf(b => b.Set(Oids.KeyUsage, Ext.KeyUsageRaw(0, 0x80), critical: true)), Leaf());
        Add("key-usage-trailing-zero-octet", Leaf(b => b.Set(Oids.KeyUsage, Ext.KeyUsageRaw(7, 0x80, 0x00), critical: true)), Leaf());
        Add("extension-empty-sequence", Leaf(b => b.Set(Oids.ExtendedKeyUsage, Seq())), Leaf());
    }

    /// <summary>The SPKI with its rsaEncryption AlgorithmIdentifier written without the NULL parameters.</summary>
    private static byte[] WithoutRsaNull(byte[] spki)
    {
        var reader = new AsnReader(spki, AsnEncodingRules.DER).ReadSequence();
        reader.ReadEncodedValue();
        return Seq(AlgorithmId(Oids.RsaEncryption), reader.ReadEncodedValue().ToArray());
    }
}
