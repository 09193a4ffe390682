using System.Formats.Asn1;
using CertLint.Model;
using CertLint.Parsing;

namespace CertLint.Inventory.Signatures;

internal enum SchemeKind
{
    RsaPkcs1,
    RsaPss,
    Ecdsa,
    Dsa,
    Ed25519,
    Ed448,
    /// <summary>Pure ML-DSA or SLH-DSA with the empty context (RFC 9881 §3, RFC 9909 §1); the parameter set is the signature OID's.</summary>
    PostQuantum,
}

/// <summary>
/// How to verify a certificate's signature, decoded from its signatureAlgorithm: the scheme, the hash and, for
/// RSASSA-PSS, the parameters (RFC 4055 §3.1: defaults SHA-1, MGF1-SHA-1, salt 20, trailer 1), for ML-DSA and SLH-DSA the parameter set.
/// </summary>
internal sealed record SignatureScheme(SchemeKind Kind, string? Hash, string? MgfHash = null, int SaltLength = 0, PureSignatureSet? PqSet = null)
{
    private const string RsaPssOid = "1.2.840.113549.1.1.10";
    private const string Mgf1Oid = "1.2.840.113549.1.1.8";

    private static readonly Asn1Tag Ctx0 = new(TagClass.ContextSpecific, 0, true);
    private static readonly Asn1Tag Ctx1 = new(TagClass.ContextSpecific, 1, true);
    private static readonly Asn1Tag Ctx2 = new(TagClass.ContextSpecific, 2, true);
    private static readonly Asn1Tag Ctx3 = new(TagClass.ContextSpecific, 3, true);

    private static readonly Dictionary<string, string> HashOids = new()
    {
        ["1.2.840.113549.2.2"] = "MD2", ["1.2.840.113549.2.5"] = "MD5", ["1.3.14.3.2.26"] = "SHA1",
        ["2.16.840.1.101.3.4.2.4"] = "SHA224", ["2.16.840.1.101.3.4.2.1"] = "SHA256",
        ["2.16.840.1.101.3.4.2.2"] = "SHA384", ["2.16.840.1.101.3.4.2.3"] = "SHA512",
    };

    /// <summary>The scheme of <paramref name="signature"/>, or null with a reason when CertLint cannot verify it.</summary>
    public static SignatureScheme? From(SignatureInfo signature, out string? unsupportedReason)
    {
        unsupportedReason = null;
        var oid = signature.AlgorithmOid;
        if (PureSignatureSet.Of(oid) is { } set) return new SignatureScheme(SchemeKind.PostQuantum, null, PqSet: set);
        SchemeKind? kind = oid switch
        {
            RsaPssOid => SchemeKind.RsaPss,
            "1.3.101.112" => SchemeKind.Ed25519,
            "1.3.101.113" => SchemeKind.Ed448,
            "1.3.14.3.2.29" => SchemeKind.RsaPkcs1,
            _ when oid.StartsWith("1.2.840.113549.1.1.", StringComparison.Ordinal) => SchemeKind.RsaPkcs1,
            _ when oid.StartsWith("1.2.840.10045.4.", StringComparison.Ordinal) => SchemeKind.Ecdsa,
            // dsa-with-SHA1, dsa-with-SHA224/256/384/512
            "1.2.840.10040.4.3" or "2.16.840.1.101.3.4.3.1" or "2.16.840.1.101.3.4.3.2"
                or "2.16.840.1.101.3.4.3.3" or "2.16.840.1.101.3.4.3.4" => SchemeKind.Dsa,
            _ => null,
        };
        switch (kind)
        {
            case null:
                unsupportedReason = Unsupported(signature);
                return null;
            case SchemeKind.Ed25519 or SchemeKind.Ed448:
                return new SignatureScheme(kind.Value, null);
            case SchemeKind.RsaPss:
                var pss = ReadPss(signature.Parameters);
                if (pss is null) unsupportedReason = "malformed or unsupported RSASSA-PSS parameters";
                return pss;
            default:
                if (signature.HashName is { } hash && Digests.IsSupported(hash)) return new SignatureScheme(kind.Value, hash);
                unsupportedReason = Unsupported(signature);
                return null;
        }
    }

    /// <summary>Why a signature cannot be checked, said plainly: CertLint does not know the algorithm, the signature is not known to be wrong.</summary>
    public static string Unsupported(SignatureInfo signature) =>
        $"signature algorithm {Describe(signature)} is not supported: cannot verify the signature";

    private static string Describe(SignatureInfo s) =>
        s.AlgorithmName == s.AlgorithmOid ? s.AlgorithmOid : $"{s.AlgorithmName} ({s.AlgorithmOid})";

    private static SignatureScheme? ReadPss(ReadOnlyMemory<byte> parameters)
    {
        string hash = "SHA1", mgfHash = "SHA1";
        var salt = 20;
        if (parameters.IsEmpty) return new SignatureScheme(SchemeKind.RsaPss, hash, mgfHash, salt);
        try
        {
            var seq = new AsnReader(parameters, AsnEncodingRules.BER).ReadSequence();
            if (seq.HasData && seq.PeekTag().HasSameClassAndValue(Ctx0))
            {
                hash = HashName(seq.ReadSequence(Ctx0).ReadSequence());
            }
            if (seq.HasData && seq.PeekTag().HasSameClassAndValue(Ctx1))
            {
                var mgf = seq.ReadSequence(Ctx1).ReadSequence();
                if (mgf.ReadObjectIdentifier() != Mgf1Oid) return null;
                mgfHash = HashName(mgf.ReadSequence());
            }
            if (seq.HasData && seq.PeekTag().HasSameClassAndValue(Ctx2))
            {
                if (!seq.ReadSequence(Ctx2).TryReadInt32(out salt) || salt < 0) return null;
            }
            if (seq.HasData && seq.PeekTag().HasSameClassAndValue(Ctx3))
            {
                // RFC 4055: the trailer field MUST be 1 (0xBC).
                if (!seq.ReadSequence(Ctx3).TryReadInt32(out var trailer) || trailer != 1) return null;
            }
            return Digests.IsSupported(hash) && Digests.IsSupported(mgfHash) ? new SignatureScheme(SchemeKind.RsaPss, hash, mgfHash, salt) : null;
        }
        catch (AsnContentException)
        {
            return null;
        }
    }

    private static string HashName(AsnReader algorithmIdentifier)
    {
        var oid = algorithmIdentifier.ReadObjectIdentifier();
        return HashOids.GetValueOrDefault(oid, oid);
    }
}
