namespace CertLint.Model;

/// <summary>One attribute of a distinguished name, e.g. CN=client.acme.test.</summary>
public sealed record DnAttribute(string Oid, string ShortName, string Value);

/// <summary>
/// An X.500 name decoded from DER. <see cref="Text"/> is the RFC 4514 string (most significant RDN last, as OpenSSL's -nameopt RFC2253).
/// Equality for chain building uses <see cref="Raw"/> after normalisation, see <see cref="NormalizedKey"/>.
/// </summary>
public sealed class DistinguishedName
{
    public DistinguishedName(ReadOnlyMemory<byte> raw, IReadOnlyList<DnAttribute> attributes, string text, string normalizedKey)
    {
        Raw = raw;
        Attributes = attributes;
        Text = text;
        NormalizedKey = normalizedKey;
    }

    /// <summary>The DER encoding of the Name.</summary>
    public ReadOnlyMemory<byte> Raw { get; }

    /// <summary>Attributes in encoding order (most significant first).</summary>
    public IReadOnlyList<DnAttribute> Attributes { get; }

    public string Text { get; }

    /// <summary>Case- and space-folded form used to match an issuer name to a subject name (RFC 5280 §7.1, simplified).</summary>
    public string NormalizedKey { get; }

    public string? CommonName => Get(Oids.CommonName);

    /// <summary>The first value of an attribute by OID, or null.</summary>
    public string? Get(string oid)
    {
        // By index: a foreach over the IReadOnlyList boxed its enumerator, and rules read attributes of every certificate.
        var attributes = Attributes;
        for (var i = 0; i < attributes.Count; i++)
        {
            if (attributes[i].Oid == oid) return attributes[i].Value;
        }
        return null;
    }

    public bool IsEmpty => Attributes.Count == 0;

    public override string ToString() => Text;
}
