using CertLint.Model;
using CertLint.Parsing;
using static CertLint.Rules.Fields.FieldCatalog;
using T = CertLint.Rules.Fields.FieldType;

namespace CertLint.Rules.Fields;

/// <summary>Rule language v2 certificate fields (RFC 5280 §4.1): version, serial, algorithms, names, validity, key.</summary>
internal static class ProfileFields
{
    public static IEnumerable<FieldDefinition> Define()
    {
        yield return Cert("version.explicit", T.Boolean, "The [0] version field is encoded (DER omits it for v1)", c => c.Details.VersionExplicit);
        yield return Cert("serial.length", T.Integer, "Content octets of the serial INTEGER (RFC 5280: at most 20)", c => (long)c.Details.SerialContent.Length);
        yield return Cert("serial.negative", T.Boolean, "The serial is negative", c => Negative(c.Details.SerialContent.Span));
        yield return Cert("serial.zero", T.Boolean, "The serial is 0", c => Zero(c.Details.SerialContent.Span));
        yield return Cert("serial.minimal", T.Boolean, "The INTEGER is minimally encoded (no superfluous leading 00/FF octet)", c => Minimal(c.Details.SerialContent.Span));
        foreach (var f in Algorithm("signature", "outer signatureAlgorithm", c => c.Details.OuterSignature)) yield return f;
        foreach (var f in Algorithm("tbsSignature", "tbsCertificate signature", c => c.Details.TbsSignature)) yield return f;
        yield return Cert("tbsSignature.oid", T.String, "tbsCertificate signature algorithm OID", c => c.Details.TbsSignature?.Oid);
        yield return Cert("tbsSignature.algorithm", T.String, "tbsCertificate signature algorithm name", c => c.Details.TbsSignature is { } a ? Names.SignatureName(a.Oid) : null);
        yield return Cert("signature.matchesTbs", T.Boolean, "Outer and TBS AlgorithmIdentifier DER are byte-equal (RFC 5280 §4.1.1.2)",
            c => c.Details is { OuterSignature: { } o, TbsSignature: { } t } ? o.Der == t.Der : null);
        yield return SignatureValueLength(CertMaker, c => c.Signature);
        yield return Cert("issuerUniqueId.present", T.Boolean, "issuerUniqueID is encoded (RFC 5280 §4.1.2.8)", c => c.Details.IssuerUniqueId);
        yield return Cert("subjectUniqueId.present", T.Boolean, "subjectUniqueID is encoded (RFC 5280 §4.1.2.8)", c => c.Details.SubjectUniqueId);
        yield return Cert("malformed", T.List, "Parts that could not be decoded: extension OIDs, subject, issuerName, validity.notBefore, ...", c => c.Details.Malformed);
        yield return Cert("der", T.Boolean, "The whole certificate is valid DER (false: it was read with the lenient BER rules)", c => c.DerError is null);
        foreach (var f in NameFields(CertMaker, "subject", c => c.Subject, c => c.Details.SubjectAttributes, c => c.Details.SubjectRdns)) yield return f;
        foreach (var f in NameFields(CertMaker, "issuerName", c => c.Issuer, c => c.Details.IssuerAttributes, c => c.Details.IssuerRdns)) yield return f;
        yield return Cert("issuerName", T.String, "Issuer DN (RFC 4514 text), the certificate's own issuer field", c => c.Issuer.Text);
        foreach (var (name, oid) in Names.DnAttributes)
        {
            yield return Cert($"issuerName.{name}", T.String, $"Issuer attribute {name} ({oid}), first value", c => c.Issuer.Get(oid));
        }
        foreach (var f in TimeFields(CertMaker, "validity.notBefore", "notBefore", c => c.Details.NotBefore)) yield return f;
        foreach (var f in TimeFields(CertMaker, "validity.notAfter", "notAfter", c => c.Details.NotAfter)) yield return f;
        yield return Cert("validity.totalSeconds", T.Integer, "Seconds from notBefore to notAfter", c => (long)(c.NotAfter - c.NotBefore).TotalSeconds);
        yield return Cert("key.oid", T.String, "SPKI algorithm OID", c => c.PublicKey.AlgorithmOid);
        yield return Cert("key.parameters", T.String, "SPKI algorithm parameters: absent, null or present", c => c.Details.KeyAlgorithm?.Parameters);
        yield return Cert("key.parameters.der", T.String, "DER of the SPKI algorithm parameters (hex)", c => c.Details.KeyAlgorithm is { Parameters: not "absent" } a ? a.ParametersHex : null);
        yield return Cert("key.algorithm.der", T.String, "The SubjectPublicKeyInfo AlgorithmIdentifier DER (hex), as encoded (BR §7.1.3.1 lists byte-exact forms)",
            c => c.Details.KeyAlgorithm?.Der);
        yield return Cert("key.exponent", T.Integer, "RSA public exponent (absent when it does not fit 64 bits: see key.exponent.bits)", c => c.Details.RsaExponent);
        yield return Cert("key.exponent.bits", T.Integer, "Bit length of the RSA public exponent at any size (0 when e ≤ 0)",
            c => c.Details.RsaExponentValue is { } e ? (long)Parsing.KeyNumbersParser.Bits(e) : null);
        yield return Cert("key.modulus.negative", T.Boolean, "RSA: the modulus is encoded as a negative INTEGER (absent for other keys)", c => c.Details.RsaModulusNegative);
        yield return Cert("key.exponent.odd", T.Boolean, "The RSA public exponent is odd", c => c.Details.RsaExponentValue is { } e ? !e.IsEven : null);
        foreach (var f in DsaFields()) yield return f;
        yield return Cert("key.der", T.String, "The whole SubjectPublicKeyInfo (hex)", c => Hex.Upper(c.PublicKey.Spki.Span));
    }

    /// <summary>A DSA key's numbers (RFC 3279 §2.3.2); absent on other keys.</summary>
    private static IEnumerable<FieldDefinition> DsaFields()
    {
        yield return Cert("key.dsa.p.bits", T.Integer, "DSA: bit length of the prime p (L); 0 when the SPKI has no parameters", c => (long?)c.Details.Dsa?.PBits);
        yield return Cert("key.dsa.q.bits", T.Integer, "DSA: bit length of the subgroup order q (N); 0 when the SPKI has no parameters", c => (long?)c.Details.Dsa?.QBits);
        yield return Cert("key.dsa.g.bits", T.Integer, "DSA: bit length of the generator g; 0 when the SPKI has no parameters", c => (long?)c.Details.Dsa?.GBits);
        yield return Cert("key.dsa.y.inRange", T.Boolean, "DSA: the public value y lies in 2 .. p − 2 (absent without parameters)", c => c.Details.Dsa?.YInRange);
        yield return Cert("key.dsa.y.inSubgroup", T.Boolean, "DSA: y^q mod p = 1, y is in the order-q subgroup (absent without parameters, or p over 16384 / q over 1024 bits)",
            c => c.Details.Dsa?.YInSubgroup);
    }

    /// <summary>An INTEGER's content octets (a serial, a cRLNumber) encode a negative number.</summary>
    internal static bool Negative(ReadOnlySpan<byte> content) => content.Length > 0 && (content[0] & 0x80) != 0;

    /// <summary>An INTEGER's content octets encode 0.</summary>
    internal static bool Zero(ReadOnlySpan<byte> content) => content.IndexOfAnyExcept((byte)0) < 0;

    /// <summary>`signature.value.length` of a certificate or a CRL: what the ECDSA encoding rules infer the curve from.</summary>
    internal static FieldDefinition SignatureValueLength<TObject>(Maker<TObject> make, Func<TObject, SignatureInfo?> get) =>
        make("signature.value.length", T.Integer, "signatureValue octets", c => get(c) is { } s ? Boxes.Of((long)s.Value.Length) : null);

    private static bool Minimal(ReadOnlySpan<byte> content) =>
        content.Length < 2 || !((content[0] == 0 && (content[1] & 0x80) == 0) || (content[0] == 0xFF && (content[1] & 0x80) != 0));

    /// <summary>Makes one field of an object type (a certificate's, a CRL's): the same paths serve both kinds.</summary>
    internal delegate FieldDefinition Maker<TObject>(string path, T type, string description, Func<TObject, object?> get, FieldScope? elements = null);

    internal static readonly Maker<CertificateInfo> CertMaker = (p, t, d, g, e) => Cert(p, t, d, g, e);

    private static IEnumerable<FieldDefinition> Algorithm(string prefix, string what, Func<CertificateInfo, AlgorithmDetails?> get) =>
        AlgorithmFields(CertMaker, prefix, what, get);

    internal static IEnumerable<FieldDefinition> AlgorithmFields<TObject>(Maker<TObject> make, string prefix, string what, Func<TObject, AlgorithmDetails?> get)
    {
        yield return make($"{prefix}.parameters", T.String, $"Parameters of the {what}: absent, null (ASN.1 NULL) or present", c => get(c)?.Parameters);
        yield return make($"{prefix}.der", T.String, $"The {what} AlgorithmIdentifier DER (hex)", c => get(c)?.Der);
    }

    /// <summary>A time's encoding facts under <paramref name="prefix"/> (validity.notBefore, thisUpdate, ...).</summary>
    internal static IEnumerable<FieldDefinition> TimeFields<TObject>(Maker<TObject> make, string prefix, string name, Func<TObject, TimeDetails?> get)
    {
        yield return make($"{prefix}.encoding", T.String, $"{name} encoding: utcTime or generalizedTime", c => get(c)?.Encoding);
        yield return make($"{prefix}.raw", T.String, $"{name} as encoded, e.g. 491231235959Z", c => get(c)?.Raw);
        yield return make($"{prefix}.der", T.Boolean, $"{name} in DER form (Z, seconds, no fraction)", c => Boxes.Of(get(c)?.Der));
    }

    /// <summary>The fields of a Name (a certificate's subject or issuer, a CRL's issuer) under <paramref name="prefix"/>.</summary>
    internal static IEnumerable<FieldDefinition> NameFields<TObject>(Maker<TObject> make, string prefix, Func<TObject, DistinguishedName> dn,
        Func<TObject, IReadOnlyList<NameAttribute>> attributes, Func<TObject, int> rdns)
    {
        yield return make($"{prefix}.empty", T.Boolean, $"The {prefix} has no RDN", c => Boxes.Of(dn(c).IsEmpty));
        yield return make($"{prefix}.der", T.String, $"DER of the {prefix} Name (hex)", c => Hex.Upper(dn(c).Raw.Span));
        yield return make($"{prefix}.length", T.Integer, $"DER octets of the {prefix} Name", c => Boxes.Of((long)dn(c).Raw.Length));
        yield return make($"{prefix}.rdns", T.Integer, $"Number of RDNs in the {prefix}", c => Boxes.Of((long)rdns(c)));
        yield return make($"{prefix}.attributes", T.Records, $"Every {prefix} attribute in encoding order", attributes, RecordScopes.NameAttribute);
        yield return make($"{prefix}.rdnDuplicateTypes", T.List, $"Attribute type OIDs that appear twice in one RDN of the {prefix} (X.501 §9.3 forbids it)",
            c => RdnDuplicateTypes(attributes(c)));
        foreach (var (name, oid) in Names.DnAttributes)
        {
            yield return make($"{prefix}.{name}.values", T.List, $"Every value of {prefix} attribute {name}", c => ValuesOf(attributes(c), oid));
            yield return make($"{prefix}.{name}.count", T.Integer, $"How many {name} attributes the {prefix} has", c => Boxes.Of((long)attributes(c).Count(a => a.Oid == oid)));
            yield return make($"{prefix}.{name}.stringType", T.String, $"ASN.1 string type of the first {name}", c => attributes(c).FirstOrDefault(a => a.Oid == oid)?.StringType);
            yield return make($"{prefix}.{name}.length", T.Integer, $"Characters of the first {name}", c => attributes(c).FirstOrDefault(a => a.Oid == oid) is { } a ? Boxes.Of((long)a.Length) : null);
        }
    }

    /// <summary>
    /// The types repeated inside one RDN, each once, in encoding order. Attributes come in encoding order, so one RDN's
    /// attributes are adjacent; a set per RDN keeps a hostile RDN of many thousand values linear.
    /// </summary>
    internal static string[] RdnDuplicateTypes(IReadOnlyList<NameAttribute> attributes)
    {
        HashSet<string>? inRdn = null, reported = null;
        List<string>? found = null;
        for (var i = 0; i < attributes.Count; i++)
        {
            var attribute = attributes[i];
            if (!attribute.MultiValued) continue;
            inRdn ??= new HashSet<string>(StringComparer.Ordinal);
            if (i == 0 || attributes[i - 1].Rdn != attribute.Rdn) inRdn.Clear();
            if (inRdn.Add(attribute.Oid) || !(reported ??= new HashSet<string>(StringComparer.Ordinal)).Add(attribute.Oid)) continue;
            (found ??= []).Add(attribute.Oid);
        }
        return found is null ? [] : [.. found];
    }

    /// <summary>Every value of one attribute type, in order; most names lack most types, so no allocation then.</summary>
    private static string[] ValuesOf(IReadOnlyList<NameAttribute> attributes, string oid)
    {
        var count = 0;
        for (var i = 0; i < attributes.Count; i++) count += attributes[i].Oid == oid ? 1 : 0;
        if (count == 0) return [];
        var values = new string[count];
        for (int i = 0, k = 0; i < attributes.Count; i++)
        {
            if (attributes[i].Oid == oid) values[k++] = attributes[i].Value;
        }
        return values;
    }
}
