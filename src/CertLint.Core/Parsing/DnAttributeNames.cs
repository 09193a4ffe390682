using CertLint.Model;

namespace CertLint.Parsing;

/// <summary>
/// The one table of distinguished-name attribute names: each attribute's OID, the short name names are written
/// with (OpenSSL's, in RFC 4514 text and reports) and the name rule fields use (`subject.ATTR`, `issuer.ATTR`).
/// </summary>
public static class DnAttributeNames
{
    /// <param name="Oid">The attribute type.</param>
    /// <param name="Display">How names print it (CN=..., emailAddress=...).</param>
    /// <param name="Field">How field paths name it (subject.cn, subject.email).</param>
    public sealed record Entry(string Oid, string Display, string Field);

    public static readonly IReadOnlyList<Entry> All =
    [
        new(Oids.CommonName, "CN", "cn"),
        new("2.5.4.4", "SN", "sn"),
        new("2.5.4.5", "serialNumber", "serialNumber"),
        new("2.5.4.6", "C", "c"),
        new("2.5.4.7", "L", "l"),
        new("2.5.4.8", "ST", "st"),
        new("2.5.4.9", "street", "street"),
        new("2.5.4.10", "O", "o"),
        new("2.5.4.11", "OU", "ou"),
        new("2.5.4.12", "title", "title"),
        new("2.5.4.13", "description", "description"),
        new("2.5.4.15", "businessCategory", "businessCategory"),
        new("2.5.4.17", "postalCode", "postalCode"),
        new("2.5.4.41", "name", "name"),
        new("2.5.4.42", "GN", "givenName"),
        new("2.5.4.43", "initials", "initials"),
        new("2.5.4.44", "generationQualifier", "generationQualifier"),
        new("2.5.4.46", "dnQualifier", "dnQualifier"),
        new("2.5.4.65", "pseudonym", "pseudonym"),
        new("2.5.4.97", "organizationIdentifier", "organizationIdentifier"),
        new(Oids.EmailAddress, "emailAddress", "email"),
        new("0.9.2342.19200300.100.1.25", "DC", "dc"),
        new("0.9.2342.19200300.100.1.1", "UID", "uid"),
        new("1.3.6.1.4.1.311.60.2.1.3", "jurisdictionC", "jurisdictionC"),
        new("1.3.6.1.4.1.311.60.2.1.2", "jurisdictionST", "jurisdictionST"),
        new("1.3.6.1.4.1.311.60.2.1.1", "jurisdictionL", "jurisdictionL"),
    ];

    /// <summary>OID to the short name names print with.</summary>
    public static readonly IReadOnlyDictionary<string, string> DisplayByOid = All.ToDictionary(e => e.Oid, e => e.Display, StringComparer.Ordinal);

    /// <summary>Field name (as field paths spell it) to OID.</summary>
    public static readonly IReadOnlyDictionary<string, string> OidByField = All.ToDictionary(e => e.Field, e => e.Oid, StringComparer.Ordinal);
}
