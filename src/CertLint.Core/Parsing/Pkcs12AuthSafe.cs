using System.Formats.Asn1;

namespace CertLint.Parsing;

/// <summary>
/// The one reader of a PFX's outer layers (RFC 7292 §4): version, authSafe, macData, and the authenticated safe's
/// ContentInfos. The PBE inspection and the nesting check both walk these layers; this keeps one description of them.
/// </summary>
internal static class Pkcs12AuthSafe
{
    public const string DataOid = "1.2.840.113549.1.7.1";
    public const string EncryptedDataOid = "1.2.840.113549.1.7.6";
    public static readonly Asn1Tag Context0 = new(TagClass.ContextSpecific, 0, isConstructed: true);

    /// <summary>
    /// The authenticated safe's content octets (what the MAC covers), or null when the authSafe is not Data (public-key
    /// integrity: no password involved). <paramref name="macData"/> is the MacData SEQUENCE's reader when the file has
    /// one. Throws AsnContentException on a damaged structure.
    /// </summary>
    public static byte[]? Content(ReadOnlyMemory<byte> pfx, out AsnReader? macData)
    {
        var outer = new AsnReader(pfx, AsnEncodingRules.BER).ReadSequence();
        outer.ReadEncodedValue(); // version
        var authSafe = outer.ReadSequence();
        macData = outer.HasData ? outer.ReadSequence() : null;
        return authSafe.ReadObjectIdentifier() == DataOid ? authSafe.ReadSequence(Context0).ReadOctetString() : null;
    }

    /// <summary>
    /// Each ContentInfo of the authenticated safe as its contentType and a reader after it (at the [0] content), or
    /// null when the authSafe is not Data (see <see cref="Content"/>).
    /// </summary>
    public static List<(string Type, AsnReader Content)>? ContentInfos(ReadOnlyMemory<byte> pfx, out AsnReader? macData)
    {
        if (Content(pfx, out macData) is not { } content) return null;
        var safes = new AsnReader(content, AsnEncodingRules.BER).ReadSequence();
        var contentInfos = new List<(string, AsnReader)>();
        while (safes.HasData)
        {
            var contentInfo = safes.ReadSequence();
            contentInfos.Add((contentInfo.ReadObjectIdentifier(), contentInfo));
        }
        return contentInfos;
    }
}
