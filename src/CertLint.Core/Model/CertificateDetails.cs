namespace CertLint.Model;

/// <summary>
/// Everything about a certificate that only profile rules look at (RFC 5280 §4.1 and §4.2 in full), decoded lazily
/// from <see cref="CertificateInfo.Raw"/> the first time a rule asks. A part that cannot be decoded is named in
/// <see cref="Malformed"/> and its fields stay null: the rest of the certificate is still there for every rule.
/// </summary>
public sealed class CertificateDetails
{
    public bool VersionExplicit { get; init; }
    public ReadOnlyMemory<byte> SerialContent { get; init; }
    public AlgorithmDetails? TbsSignature { get; init; }
    public AlgorithmDetails? OuterSignature { get; init; }
    public TimeDetails? NotBefore { get; init; }
    public TimeDetails? NotAfter { get; init; }
    public IReadOnlyList<NameAttribute> SubjectAttributes { get; init; } = [];
    public IReadOnlyList<NameAttribute> IssuerAttributes { get; init; } = [];
    public int SubjectRdns { get; init; }
    public int IssuerRdns { get; init; }
    public AlgorithmDetails? KeyAlgorithm { get; init; }
    public long? RsaExponent { get; init; }
    /// <summary>The RSA public exponent whatever its size (<see cref="RsaExponent"/> only when it fits 64 bits).</summary>
    public System.Numerics.BigInteger? RsaExponentValue { get; init; }
    /// <summary>An RSA key's modulus is encoded as a negative INTEGER (null for other keys).</summary>
    public bool? RsaModulusNegative { get; init; }
    /// <summary>The numbers of a DSA key (id-dsa SPKI): domain parameter sizes and the public value's checks.</summary>
    public DsaKeyDetails? Dsa { get; init; }
    public bool IssuerUniqueId { get; init; }
    public bool SubjectUniqueId { get; init; }
    /// <summary>Decoded RFC 5280 extensions by OID (first occurrence); an OID absent here and present in the certificate is malformed or unknown.</summary>
    public IReadOnlyDictionary<string, object> Extensions => ExtensionValues.ToDictionary(e => e.Oid, e => e.Value, StringComparer.Ordinal);

    /// <summary>The decoded extensions in certificate order, one per OID: a certificate has a few, so a scan beats
    /// building a dictionary for every certificate a rule reads.</summary>
    internal ExtensionValue[] ExtensionValues { get; init; } = [];

    /// <summary>The decoded extension <paramref name="oid"/>; null when absent, malformed or not one CertLint decodes.</summary>
    public object? Extension(string oid) => Find(ExtensionValues, ExtensionValues.Length, oid);

    internal static object? Find(ExtensionValue[]? values, int count, string oid)
    {
        for (var i = 0; i < count; i++)
        {
            if (values![i].Oid == oid) return values[i].Value;
        }
        return null;
    }

    internal readonly record struct ExtensionValue(string Oid, object Value);
    /// <summary>Parts that could not be decoded: extension OIDs, `subject`, `issuerName`, `validity.notBefore`, ...</summary>
    public IReadOnlyList<string> Malformed { get; init; } = [];
}

/// <summary>An AlgorithmIdentifier: OID, parameter state (absent, null, present) and the whole DER.</summary>
public sealed record AlgorithmDetails(string Oid, string Parameters, string ParametersHex, string Der);

/// <summary>
/// A DSA public key: bit lengths of the domain parameters p, q, g (0 when the SPKI omits them, as RFC 3279 §2.3.2 allows
/// for inherited parameters), whether the public value y lies in 2 .. p − 2, and whether y^q mod p = 1 (y generates the
/// order-q subgroup). Both checks are null when p is absent; the order check is null when p or q is too large to bound
/// the work (p over 16384 bits, q over 1024 bits: no DSA parameter set comes near).
/// </summary>
public sealed record DsaKeyDetails(int PBits, int QBits, int GBits, bool? YInRange, bool? YInSubgroup);

/// <summary>A Time as encoded: utcTime or generalizedTime, the characters, and whether that form is DER (Z, seconds, no fraction).</summary>
public sealed record TimeDetails(string Encoding, string Raw, bool Der);

/// <summary>One attribute of a Name with its ASN.1 string type and whether its bytes are valid for that type.</summary>
public sealed record NameAttribute(string Oid, string Name, string Value, string StringType, int Length, int Rdn, bool MultiValued, bool Valid);

/// <summary>One GeneralName: its type (dns, email, uri, ip, dirName, otherName, registeredId, x400, ediParty), text and syntax validity.</summary>
public sealed record GeneralNameEntry(string Type, string Value, bool Valid)
{
    public int Length => Value.Length;

    /// <summary>For an otherName of type id-on-SmtpUTF8Mailbox (RFC 8398): its mailbox address (Value is the type OID).</summary>
    public string? Mailbox { get; init; }

    /// <summary>For a directoryName: the values of its emailAddress (1.2.840.113549.1.9.1) attributes, in order.</summary>
    public IReadOnlyList<string>? DirNameEmails { get; init; }
}

public sealed record GeneralNamesDetails(IReadOnlyList<GeneralNameEntry> Entries);
public sealed record KeyUsageDetails(KeyUsageFlags Flags, bool MinimalDer);
public sealed record AkiDetails(string? KeyId, IReadOnlyList<string>? Issuer, string? Serial);
public sealed record PolicyQualifier(string Oid, string Type, string? Cps, string? ExplicitText, string? ExplicitTextType, bool NoticeRef);
public sealed record PolicyEntry(string Oid, IReadOnlyList<PolicyQualifier> Qualifiers);
public sealed record PoliciesDetails(IReadOnlyList<PolicyEntry> Entries);
public sealed record PolicyMapping(string IssuerDomainPolicy, string SubjectDomainPolicy);
public sealed record PolicyMappingsDetails(IReadOnlyList<PolicyMapping> Mappings);
public sealed record PolicyConstraintsDetails(long? RequireExplicitPolicy, long? InhibitPolicyMapping);
public sealed record SkipCertsDetails(long SkipCerts);
/// <summary>The TLS feature extension (RFC 7633): the TLS extension types the server must support with this certificate.</summary>
public sealed record TlsFeaturesDetails(IReadOnlyList<long> Features)
{
    /// <summary>TLS extension 5, status_request: the server must staple an OCSP response ("must-staple").</summary>
    public bool StatusRequest => Features.Contains(5);
}
/// <summary>One nameConstraints subtree; <c>Valid</c> is the GeneralName parser's verdict on the base (for iPAddress: 8 or 32 octets).</summary>
public sealed record GeneralSubtree(string Type, string Value, long? Minimum, long? Maximum, bool Valid);
public sealed record NameConstraintsDetails(IReadOnlyList<GeneralSubtree>? Permitted, IReadOnlyList<GeneralSubtree>? Excluded);
/// <summary>One DistributionPoint: fullName values and their GeneralName types (same order), and which other fields are present.</summary>
public sealed record DistributionPoint(IReadOnlyList<string> FullName, IReadOnlyList<string> FullNameTypes, bool RelativeName, bool Reasons, bool CrlIssuer);
public sealed record DistributionPointsDetails(IReadOnlyList<DistributionPoint> Points);
public sealed record AccessDescription(string Method, string Type, string Value);
public sealed record AccessDetails(IReadOnlyList<AccessDescription> Entries);
public sealed record AttributesDetails(IReadOnlyList<string> Oids);
public sealed record BasicConstraintsDetails(bool Ca, long? PathLen);
public sealed record OidListDetails(IReadOnlyList<string> Oids);
public sealed record OctetsDetails(string Hex);

/// <summary>One TorServiceDescriptorHash (CA/B Forum EV Guidelines Appendix F / BR Ballot SC27): the onion URI, the hash algorithm OID and the hash's length in bits.</summary>
public sealed record TorServiceDescriptor(string OnionUri, string AlgorithmOid, int HashBits);
public sealed record TorServiceDescriptorsDetails(IReadOnlyList<TorServiceDescriptor> Entries);

/// <summary>The cabfOrganizationIdentifier extension (2.23.140.3.1, EV Guidelines §9.8.2); State is null when registrationStateOrProvince is absent.</summary>
public sealed record CabfOrganizationIdentifierDetails(string Scheme, string Country, string? State, string Reference);
