namespace CertLint.Model;

/// <summary>
/// Everything about a CRL that only profile rules look at (RFC 5280 §5.1–§5.3), decoded lazily from
/// <see cref="CrlInfo.Raw"/> the first time a rule asks. A part that cannot be decoded is named in
/// <see cref="Malformed"/> and its fields stay null; the revoked entries are decoded up to <see cref="MaxEntries"/>.
/// </summary>
public sealed class CrlDetails
{
    /// <summary>Entries decoded for rules: a hostile CRL may list millions; the rest are counted as
    /// <see cref="EntriesTruncated"/> (the core rule crl-entries-not-checked says so) and not judged.</summary>
    public const int MaxEntries = 100_000;

    /// <summary>The optional version INTEGER is encoded (RFC 5280 §5.1.2.1: required when there are extensions).</summary>
    public bool VersionPresent { get; init; }
    /// <summary>The encoded version INTEGER (1 = v2); null when absent or beyond 64 bits.</summary>
    public long? Version { get; init; }
    public AlgorithmDetails? TbsSignature { get; init; }
    public AlgorithmDetails? OuterSignature { get; init; }
    public IReadOnlyList<NameAttribute> IssuerAttributes { get; init; } = [];
    public int IssuerRdns { get; init; }
    public TimeDetails? ThisUpdate { get; init; }
    public TimeDetails? NextUpdate { get; init; }
    /// <summary>The revokedCertificates SEQUENCE is encoded (even empty: RFC 5280 §5.1.2.6 says omit it then).</summary>
    public bool RevokedPresent { get; init; }
    public IReadOnlyList<CrlEntryDetails> Entries { get; init; } = [];
    /// <summary>More than <see cref="MaxEntries"/> entries: those after the bound were not decoded.</summary>
    public bool EntriesTruncated { get; init; }
    /// <summary>The [0] crlExtensions field is encoded.</summary>
    public bool ExtensionsPresent { get; init; }
    public IReadOnlyList<ExtensionInfo> Extensions { get; init; } = [];
    /// <summary>Parts that could not be decoded: `version`, `signature`, `tbsSignature`, `issuerName`, `thisUpdate`,
    /// `nextUpdate`, `revokedCertificates`, `extensions`, `crl`.</summary>
    public IReadOnlyList<string> Malformed { get; init; } = [];

    /// <summary>The first CRL extension with this OID, or null.</summary>
    public ExtensionInfo? Extension(string oid)
    {
        for (var i = 0; i < Extensions.Count; i++)
        {
            if (Extensions[i].Oid == oid) return Extensions[i];
        }
        return null;
    }
}

/// <summary>One revokedCertificates entry as encoded (RFC 5280 §5.1.2.6, entry extensions §5.3).</summary>
public sealed class CrlEntryDetails
{
    public ReadOnlyMemory<byte> SerialContent { get; init; }
    public TimeDetails? RevocationDate { get; init; }
    /// <summary>revocationDate as a time (UTCTime years 50–99 are 19xx); null when it does not read as one.</summary>
    public DateTimeOffset? RevocationTime { get; init; }
    /// <summary>The crlEntryExtensions SEQUENCE is encoded.</summary>
    public bool ExtensionsPresent { get; init; }
    public IReadOnlyList<ExtensionInfo> Extensions { get; init; } = [];
    /// <summary>The entry or one of its extensions could not be decoded.</summary>
    public bool Malformed { get; init; }
    /// <summary>reasonCode (§5.3.1) as its ENUMERATED value; null when absent or undecodable.</summary>
    public long? ReasonCode { get; init; }
    /// <summary>invalidityDate (§5.3.2) as encoded; null when absent or not a time.</summary>
    public TimeDetails? InvalidityDate { get; init; }

    public ExtensionInfo? Extension(string oid)
    {
        for (var i = 0; i < Extensions.Count; i++)
        {
            if (Extensions[i].Oid == oid) return Extensions[i];
        }
        return null;
    }
}
