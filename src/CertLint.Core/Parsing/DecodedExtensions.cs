using System.Formats.Asn1;
using CertLint.Model;

namespace CertLint.Parsing;

/// <summary>
/// The well-known extensions of one certificate, decoded. A malformed extension value leaves its field null
/// (the raw extension is still listed), so one bad extension does not hide the rest of the certificate.
/// </summary>
internal sealed class DecodedExtensions
{
    public DecodedExtensions(IReadOnlyList<ExtensionInfo> extensions)
    {
        foreach (var ext in extensions)
        {
            try
            {
                Decode(ext);
            }
            catch (Exception e) when (e is AsnContentException or ArgumentException or FormatException or OverflowException)
            {
                // Keep going: the extension stays in the raw list, its decoded field stays null.
            }
        }
    }

    public SubjectAltNames? SubjectAltNames { get; private set; }
    public IReadOnlyList<string>? ExtendedKeyUsage { get; private set; }
    public KeyUsageFlags? KeyUsage { get; private set; }
    public BasicConstraints? BasicConstraints { get; private set; }
    public string? SubjectKeyIdentifier { get; private set; }
    public ReadOnlyMemory<byte>? AuthorityKeyId { get; private set; }
    public IReadOnlyList<string>? CrlDistributionPoints { get; private set; }
    public AuthorityInfoAccess? AuthorityInfoAccess { get; private set; }
    public IReadOnlyList<string>? Policies { get; private set; }

    private void Decode(ExtensionInfo ext)
    {
        switch (ext.Oid)
        {
            case Oids.SubjectAltName: SubjectAltNames = ExtensionDecoder.SubjectAltNames(ext.Value); break;
            case Oids.ExtendedKeyUsage: ExtendedKeyUsage = ExtensionDecoder.ExtendedKeyUsage(ext.Value); break;
            case Oids.KeyUsage: KeyUsage = ExtensionDecoder.KeyUsage(ext.Value); break;
            case Oids.BasicConstraints: BasicConstraints = ExtensionDecoder.BasicConstraints(ext.Value, ext.Critical); break;
            case Oids.SubjectKeyIdentifier: SubjectKeyIdentifier = ExtensionDecoder.SubjectKeyIdentifier(ext.Value); break;
            case Oids.AuthorityKeyIdentifier: AuthorityKeyId = ExtensionDecoder.AuthorityKeyId(ext.Value); break;
            case Oids.CrlDistributionPoints: CrlDistributionPoints = ExtensionDecoder.CrlDistributionPoints(ext.Value); break;
            case Oids.AuthorityInfoAccess: AuthorityInfoAccess = ExtensionDecoder.AuthorityInfoAccess(ext.Value); break;
            case Oids.CertificatePolicies: Policies = ExtensionDecoder.Policies(ext.Value); break;
        }
    }
}
