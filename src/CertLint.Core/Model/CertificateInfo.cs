namespace CertLint.Model;

/// <summary>
/// One X.509 certificate, parsed once with System.Formats.Asn1 into this immutable model.
/// Extension fields are null when the extension is absent, so rules can tell "absent" from "empty".
/// </summary>
public sealed class CertificateInfo
{
    public required SourceLocation Location { get; init; }
    public required ObjectFormat Format { get; init; }
    /// <summary>The whole certificate DER.</summary>
    public required ReadOnlyMemory<byte> Raw { get; init; }
    /// <summary>The DER of tbsCertificate: what the issuer signed.</summary>
    public required ReadOnlyMemory<byte> TbsRaw { get; init; }
    public required int Version { get; init; }
    /// <summary>
    /// Serial number as upper-case hex, as openssl prints it. A parsed certificate formats it from the INTEGER's
    /// contents in its DER each time it is read (a label, a report, the `serial` field): kept, it was a string per
    /// certificate that every garbage collection promoting the model copied. A model built by hand may set the text.
    /// </summary>
    public string SerialNumber
    {
        get => _serialNumber ?? Parsing.Asn1Helpers.IntegerToHex(_serialContent.Span);
        init => _serialNumber = value;
    }

    private readonly string? _serialNumber;
    private readonly ReadOnlyMemory<byte> _serialContent;

    /// <summary>The serial INTEGER's contents, a slice of <see cref="Raw"/>: what <see cref="SerialNumber"/> formats.</summary>
    internal ReadOnlyMemory<byte> SerialContent { init => _serialContent = value; }
    public required DistinguishedName Subject { get; init; }
    public required DistinguishedName Issuer { get; init; }
    public required DateTimeOffset NotBefore { get; init; }
    public required DateTimeOffset NotAfter { get; init; }
    public required PublicKeyInfo PublicKey { get; init; }
    public required SignatureInfo Signature { get; init; }
    public required IReadOnlyList<ExtensionInfo> Extensions { get; init; }

    public SubjectAltNames? SubjectAltNames { get; init; }
    public IReadOnlyList<string>? ExtendedKeyUsage { get; init; }
    public KeyUsageFlags? KeyUsage { get; init; }
    public BasicConstraints? BasicConstraints { get; init; }
    public string? SubjectKeyIdentifier { get; init; }
    /// <summary>
    /// The authorityKeyIdentifier's keyIdentifier as upper-case hex, or null. Like <see cref="SerialNumber"/>, a parsed
    /// certificate formats it from its DER when read (chain building asks once per certificate, the `aki` field again).
    /// </summary>
    public string? AuthorityKeyIdentifier
    {
        get => _authorityKeyIdentifier ?? (_authorityKeyId is { } id ? Parsing.Hex.Upper(id.Span) : null);
        init => _authorityKeyIdentifier = value;
    }

    private readonly string? _authorityKeyIdentifier;
    private readonly ReadOnlyMemory<byte>? _authorityKeyId;

    /// <summary>The keyIdentifier's octets, a slice of <see cref="Raw"/>: what <see cref="AuthorityKeyIdentifier"/> formats.</summary>
    internal ReadOnlyMemory<byte>? AuthorityKeyId { init => _authorityKeyId = value; }
    public IReadOnlyList<string>? CrlDistributionPoints { get; init; }
    public AuthorityInfoAccess? AuthorityInfoAccess { get; init; }
    public IReadOnlyList<string>? Policies { get; init; }

    /// <summary>Why the certificate is not valid DER (it was read with BER), or null.</summary>
    public string? DerError { get; init; }

    private CertificateDetails? _details;

    /// <summary>
    /// The profile-level details, decoded on first use. While rules evaluate this certificate as their subject they
    /// are decoded once and dropped after its last rule (<see cref="DetailsScope"/>): kept on 10,000 leaves they were
    /// 46 MB promoted through every GC generation. Read any other time (as an issuer on a path, by a report) they are
    /// kept here, once; a benign race decodes twice at worst.
    /// </summary>
    public CertificateDetails Details => _details ?? DetailsScope.Read(this);

    internal CertificateDetails KeptDetails => _details ??= Parsing.CertificateDetailsParser.ParseSafely(this);

    /// <summary>SHA-256 of the DER, lower-case hex: the certificate's identity in reports and suppressions.</summary>
    public required string Sha256 { get; init; }

    /// <summary>
    /// SHA-1 of the DER, lower-case hex, computed when first read: only the JSON report and the `fingerprint.sha1`
    /// field read it, and a hash through OpenSSL plus a string per certificate were a real part of a large scan's parse.
    /// A benign race computes it twice at worst.
    /// </summary>
    public string Sha1
    {
        get => _sha1 ??= Parsing.Asn1Helpers.Sha1Hex(Raw.Span);
        init => _sha1 = value;
    }

    private string? _sha1;

    /// <summary>Subject and issuer names are equal.</summary>
    public bool IsSelfIssued => Subject.NormalizedKey == Issuer.NormalizedKey;

    /// <summary>basicConstraints cA=TRUE.</summary>
    public bool IsCa => BasicConstraints?.IsCa == true;

    /// <summary>
    /// The certificate's name as every message and report writes it: the subject DN in RFC 4514 text, or for an empty
    /// subject (allowed when the SAN is critical) what names it instead. One formatter, so a DN reads the same everywhere.
    /// Cut at <see cref="Rules.Compilation.MessageTemplate.ValueLength"/> characters: the file's author sets its length.
    /// </summary>
    public string Name => Findings.SafeText.Shorten(
        !Subject.IsEmpty ? Subject.Text : FirstDnsName is { } dns ? $"(empty subject, SAN {dns})" : "(empty subject)",
        Rules.Compilation.MessageTemplate.ValueLength);

    /// <summary>A short human label: <see cref="Name"/> and serial.</summary>
    public string Label => $"{Name}, serial {SerialNumber}";

    private string? FirstDnsName => SubjectAltNames is { Dns.Count: > 0 } san ? san.Dns[0] : null;
}

/// <summary>The signature algorithm of a certificate and the value to verify.</summary>
public sealed record SignatureInfo(string AlgorithmOid, string AlgorithmName, string? HashName, ReadOnlyMemory<byte> Parameters, ReadOnlyMemory<byte> Value);
