namespace CertLint.Model;

/// <summary>
/// An X.509 CRL (RFC 5280 §5) as path validation uses it: who issued it, when, its scope and the revoked serials.
/// <see cref="Tbs"/> and <see cref="Signature"/> let the inventory verify it with the issuer's key.
/// </summary>
public sealed record CrlInfo(SourceLocation Location, DistinguishedName Issuer)
{
    /// <summary>The whole CertificateList DER, as found (the profile rules decode <see cref="Details"/> from it).</summary>
    public ReadOnlyMemory<byte> Raw { get; init; }
    /// <summary>Why the CRL is not DER, when it was read with the lenient BER rules; null for DER.</summary>
    public string? DerError { get; init; }
    private CrlDetails? _details;
    /// <summary>The encoding facts only profile rules read, decoded on first use (never throws).</summary>
    public CrlDetails Details => _details ??= Parsing.CrlDetailsParser.ParseSafely(Raw);
    public DateTimeOffset ThisUpdate { get; init; }
    public DateTimeOffset? NextUpdate { get; init; }
    /// <summary>The DER of tbsCertList: what the issuer signed.</summary>
    public ReadOnlyMemory<byte> Tbs { get; init; }
    public SignatureInfo? Signature { get; init; }
    /// <summary>
    /// Revoked entries of certificates issued by the CRL's own issuer, by serial (upper-case hex, as
    /// <see cref="CertificateInfo.SerialNumber"/>).
    /// </summary>
    public IReadOnlyDictionary<string, RevokedEntry> Revoked { get; init; } = new Dictionary<string, RevokedEntry>();
    /// <summary>
    /// Entries of an indirect CRL for certificates of other issuers (the certificateIssuer entry extension, RFC 5280
    /// §5.3.3): by that issuer's <see cref="DistinguishedName.NormalizedKey"/>, then by serial.
    /// </summary>
    public IReadOnlyDictionary<string, Dictionary<string, RevokedEntry>> RevokedForOthers { get; init; } = new Dictionary<string, Dictionary<string, RevokedEntry>>();
    public string? AuthorityKeyIdentifier { get; init; }
    /// <summary>cRLNumber, as hex.</summary>
    public string? Number { get; init; }
    /// <summary>deltaCRLIndicator: the number of the base CRL this delta applies to (hex); null for a complete CRL.</summary>
    public string? DeltaBase { get; init; }
    public IssuingDistributionPoint? DistributionPoint { get; init; }
    /// <summary>
    /// Critical CRL or entry extensions CertLint does not process, each once: such a CRL is not used (RFC 5280 §6.3.3).
    /// At most CrlParser.MaxUnknownCritical + 1: one more than the bound says there were more.
    /// </summary>
    public IReadOnlyList<string> UnknownCriticalExtensions { get; init; } = [];

    public bool IsDelta => DeltaBase is not null;

    /// <summary>The entry for the certificate with this issuer and serial, or null when the CRL does not list it.</summary>
    public RevokedEntry? Entry(DistinguishedName certificateIssuer, string serial)
    {
        if (certificateIssuer.NormalizedKey == Issuer.NormalizedKey) return Revoked.GetValueOrDefault(serial);
        return RevokedForOthers.TryGetValue(certificateIssuer.NormalizedKey, out var entries) ? entries.GetValueOrDefault(serial) : null;
    }
}

/// <summary>One revokedCertificates entry.</summary>
public sealed record RevokedEntry(string Serial, DateTimeOffset RevocationDate, string? Reason);

/// <summary>issuingDistributionPoint (RFC 5280 §5.2.5): the CRL's scope.</summary>
public sealed record IssuingDistributionPoint(
    IReadOnlyList<string> Names,
    bool OnlyUserCerts,
    bool OnlyCaCerts,
    bool OnlySomeReasons,
    bool IndirectCrl,
    bool OnlyAttributeCerts)
{
    /// <summary>Every revocation reason (keyCompromise … aACompromise, bits 1–8 of ReasonFlags).</summary>
    public const int AllReasons = 0x1FE;

    /// <summary>The reasons the CRL covers: <see cref="AllReasons"/> unless onlySomeReasons names fewer.</summary>
    public int Reasons { get; init; } = AllReasons;
}
