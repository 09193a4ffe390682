using CertLint.Model;
using T = CertLint.Rules.Fields.FieldType;

namespace CertLint.Rules.Fields;

/// <summary>The element scopes of records fields: what `field:` names inside each/any/none.</summary>
public static class RecordScopes
{
    public static readonly FieldScope NameAttribute = new RecordScope<NameAttribute>("name attribute")
        .Add("oid", T.String, "Attribute type OID", a => a.Oid)
        .Add("name", T.String, "Short name (CN, O, ...) or the OID", a => a.Name)
        .Add("value", T.String, "Value as text", a => a.Value)
        .Add("stringType", T.String, "printableString, utf8String, ia5String, teletexString, bmpString, universalString, visibleString, numericString or other", a => a.StringType)
        .Add("length", T.Integer, "Characters of the value", a => (long)a.Length)
        .Add("rdn", T.Integer, "0-based index of its RDN", a => (long)a.Rdn)
        .Add("multiValued", T.Boolean, "Its RDN has several attributes", a => a.MultiValued)
        .Add("valid", T.Boolean, "The bytes are valid for the string type", a => a.Valid);

    public static readonly FieldScope OrganizationIdentifier = new RecordScope<OrganizationIdentifierParts>("organization identifier")
        .Add("value", T.String, "The attribute value as written", o => o.Value)
        .Add("scheme", T.String, "Registration Scheme identifier (first 3 characters)", o => o.Scheme)
        .Add("country", T.String, "Country code (characters 4-5)", o => o.Country)
        .Add("countryIso", T.Boolean, "The country code is an ISO 3166-1 alpha-2 code, ignoring case (XG and XX are not)", o => o.CountryIso)
        .Add("state", T.String, "State or province after \"+\" (absent without one)", o => o.State)
        .Add("reference", T.String, "Registration Reference after the leftmost hyphen (absent without a hyphen)", o => o.Reference)
        .Add("leiValid", T.Boolean, "For the LEI scheme: the Registration Reference is an ISO 17442 Legal Entity Identifier (20 characters, MOD 97-10 check digits); absent for other schemes or without a reference", o => o.LeiValid);

    public static readonly FieldScope Extension = new RecordScope<ExtensionInfo>("extension")
        .Add("oid", T.String, "Extension OID", e => e.Oid)
        .Add("name", T.String, "Short field name (san, aki, ...) or the OID", e => ExtensionFields.NameOf(e.Oid))
        .Add("critical", T.Boolean, "Marked critical", e => e.Critical)
        .Add("length", T.Integer, "extnValue octets", e => (long)e.Value.Length);

    public static readonly FieldScope GeneralName = new RecordScope<GeneralNameEntry>("general name")
        .Add("type", T.String, "dns, email, uri, ip, dirName, otherName, registeredId, x400 or ediParty", e => e.Type)
        .Add("value", T.String, "Text (IP as text, dirName as RFC 4514, otherName as its type OID)", e => e.Value)
        .Add("length", T.Integer, "Characters of the value", e => (long)e.Length)
        .Add("valid", T.Boolean, "Syntax valid for its type (DNS preferred name syntax with an optional leading '*.', mailbox, absolute URI, 4/16-octet IP)", e => e.Valid);

    public static readonly FieldScope Qualifier = new RecordScope<PolicyQualifier>("policy qualifier")
        .Add("oid", T.String, "policyQualifierId", q => q.Oid)
        .Add("type", T.String, "cps, userNotice or other", q => q.Type)
        .Add("cps", T.String, "CPS URI", q => q.Cps)
        .Add("explicitText", T.String, "userNotice explicitText", q => q.ExplicitText)
        .Add("explicitText.stringType", T.String, "ASN.1 type of explicitText (utf8String, ia5String, visibleString, bmpString)", q => q.ExplicitTextType)
        .Add("explicitText.length", T.Integer, "Characters of explicitText", q => q.ExplicitText is { } t ? (long)t.Length : null)
        .Add("noticeRef", T.Boolean, "userNotice has a noticeRef", q => q.NoticeRef);

    public static readonly FieldScope Policy = new RecordScope<PolicyEntry>("policy")
        .Add("oid", T.String, "policyIdentifier", p => p.Oid)
        .Add("qualifiers", T.Records, "policyQualifiers", p => p.Qualifiers, Qualifier);

    public static readonly FieldScope PolicyMapping = new RecordScope<PolicyMapping>("policy mapping")
        .Add("issuerDomainPolicy", T.String, "issuerDomainPolicy OID", m => m.IssuerDomainPolicy)
        .Add("subjectDomainPolicy", T.String, "subjectDomainPolicy OID", m => m.SubjectDomainPolicy);

    public static readonly FieldScope Subtree = new RecordScope<GeneralSubtree>("general subtree")
        .Add("type", T.String, "GeneralName type of the base", s => s.Type)
        .Add("value", T.String, "The base as text (IP as address/mask)", s => s.Value)
        .Add("minimum", T.Integer, "minimum (absent when not encoded)", s => s.Minimum)
        .Add("maximum", T.Integer, "maximum (absent when not encoded)", s => s.Maximum)
        .Add("reservedIp", T.Boolean, "For an iPAddress base: the network intersects an IANA special-purpose block (absent for other types)", s => ReservedNetwork(s))
        .Add("ipLengthValid", T.Boolean, "For an iPAddress base: 8 (IPv4) or 32 (IPv6) octets, address then mask (absent for other types)", s => s.Type == "ip" ? s.Valid : null)
        .Add("ipMaskContiguous", T.Boolean, "For an 8 or 32 octet iPAddress base: the mask is CIDR, ones then zeros (absent otherwise)", s => MaskContiguous(s));

    public static readonly FieldScope DistributionPoint = new RecordScope<DistributionPoint>("distribution point")
        .Add("fullName", T.List, "fullName entries as text", d => d.FullName)
        .Add("fullName.types", T.List, "GeneralName type of each fullName entry (uri, dns, dirName, ...), in order", d => d.FullNameTypes)
        .Add("relativeName", T.Boolean, "The name is nameRelativeToCRLIssuer", d => d.RelativeName)
        .Add("reasons", T.Boolean, "The reasons field is present", d => d.Reasons)
        .Add("crlIssuer", T.Boolean, "The cRLIssuer field is present", d => d.CrlIssuer);

    public static readonly FieldScope Access = new RecordScope<AccessDescription>("access description")
        .Add("method", T.String, "accessMethod OID", a => a.Method)
        .Add("type", T.String, "GeneralName type of accessLocation", a => a.Type)
        .Add("value", T.String, "accessLocation as text", a => a.Value);

    public static readonly FieldScope QcStatement = new RecordScope<Model.QcStatement>("QC statement")
        .Add("oid", T.String, "statementId", q => q.Oid)
        .Add("info", T.Boolean, "A statementInfo is encoded", q => q.HasInfo)
        .Add("etsi", T.Boolean, "A statement ETSI defines: EN 319 412-5 §4 (0.4.0.1862.1.*) or TS 119 495 PSD2 (0.4.0.19495.2)", q => QcStatementsFields.IsEtsi(q.Oid))
        .Add("problem", T.String, "Why the statementInfo breaks the syntax EN 319 412-5 §4 gives the statement (QcCompliance/QcSSCD with one, QcLimitValue, QcRetentionPeriod, QcPDS, QcType, the PSD2 statement not decodable or out of their value ranges); absent when it does not or for other statements", q => q.Problem);

    public static readonly FieldScope QcPdsLocation = new RecordScope<Model.QcPdsLocation>("PDS location")
        .Add("url", T.String, "url (IA5String)", l => l.Url)
        .Add("language", T.String, "language (ISO 639-1 code as written)", l => l.Language);

    public static readonly FieldScope QcPsd2Role = new RecordScope<Model.QcPsd2Role>("PSD2 role")
        .Add("oid", T.String, "roleOfPspOid", r => r.Oid)
        .Add("name", T.String, "roleOfPspName as written", r => r.Name)
        .Add("nameRegistered", T.Boolean, "The name is the one TS 119 495 Annex A gives the OID (absent for an OID Annex A does not define)",
            r => QcStatementsFields.Psd2RoleName(r.Oid) is { } registered ? r.Name == registered : null);

    public static readonly FieldScope QcPsd2 = new RecordScope<Model.QcPsd2>("PSD2 statement")
        .Add("roles", T.Records, "rolesOfPSP, in order", p => p.Roles, QcPsd2Role)
        .Add("roleCount", T.Integer, "Number of rolesOfPSP", p => (long)p.Roles.Count)
        .Add("ncaName", T.String, "nCAName as written", p => p.NcaName)
        .Add("ncaNameLength", T.Integer, "Characters (code points) of nCAName", p => (long)Parsing.QcStatementsDecoder.CodePoints(p.NcaName))
        .Add("ncaId", T.String, "nCAId as written", p => p.NcaId)
        .Add("ncaIdCountryIso", T.Boolean, "The nCAId's first two characters are an ISO 3166-1 alpha-2 code", p => p.NcaId.Length >= 2 && CountryCodes.IsIso3166(p.NcaId[..2]));

    public static readonly FieldScope DomainName = new RecordScope<Fields.DomainName>("domain name")
        .Add("name", T.String, "The name as written", d => d.Name)
        .Add("source", T.String, "cn (subject commonName) or san (subjectAltName dNSName)", d => d.Source)
        .Add("parsed", T.Boolean, "It splits under a public suffix (false for a bare suffix such as co.uk, an empty name or a leading dot)", d => d.Parsed)
        .Add("suffix", T.String, "Its public suffix (ICANN section; an unknown TLD is its own suffix)", d => d.Suffix)
        .Add("sld", T.String, "The label left of the suffix (second-level domain)", d => d.Sld)
        .Add("trd", T.String, "Everything left of the SLD (third-level domain; empty when none)", d => d.Trd)
        .Add("bareTld", T.Boolean, "The whole name is a top-level domain (com, org)", d => d.BareTld)
        .Add("onionLabel", T.String, "For a name ending in .onion: the label left of onion (absent otherwise)", d => d.OnionLabel)
        .Add("onionV3", T.Boolean, "For a name ending in .onion: that label is a valid v3 onion address (56 base32 characters, version 3, SHA3-256 checksum)", d => d.OnionV3)
        .Add("arpaZone", T.String, "For a name ending in .in-addr.arpa or .ip6.arpa (any case): in-addr or ip6 (absent otherwise)", d => d.Reverse?.Zone)
        .Add("arpaMalformed", T.Boolean, "For a reverse-DNS name: its labels are not 4 decimal bytes (in-addr) or 32 hex nibbles (ip6) spelling an address", d => d.Reverse?.Malformed)
        .Add("arpaReserved", T.Boolean, "For a well-formed reverse-DNS name: the address is IANA special-purpose (or IPv4-mapped in ip6.arpa)", d => d.Reverse?.Reserved);

    /// <summary>An iPAddress subtree written "address/mask" (see GeneralNames): whether it meets a reserved block.</summary>
    private static bool? ReservedNetwork(GeneralSubtree subtree)
    {
        if (subtree.Type != "ip" || subtree.Value.Split('/') is not [var address, var mask]) return null;
        return System.Net.IPAddress.TryParse(address, out var a) && System.Net.IPAddress.TryParse(mask, out var m)
            ? Primitives.DomainNames.ReservedIps.IntersectsReserved(a.GetAddressBytes(), m.GetAddressBytes())
            : null;
    }

    /// <summary>RFC 4632 CIDR: the mask's one bits all come before its zero bits (§4.2.1.10 reads the mask as a prefix).</summary>
    private static bool? MaskContiguous(GeneralSubtree subtree)
    {
        if (subtree.Type != "ip" || !subtree.Valid || subtree.Value.Split('/') is not [_, var mask] || !System.Net.IPAddress.TryParse(mask, out var m)) return null;
        var zeroSeen = false;
        foreach (var octet in m.GetAddressBytes())
        {
            for (var bit = 7; bit >= 0; bit--)
            {
                var one = (octet >> bit & 1) == 1;
                if (one && zeroSeen) return false;
                zeroSeen |= !one;
            }
        }
        return true;
    }

    public static readonly FieldScope RelatedLocation = new RecordScope<Findings.RelatedLocation>("related location")
        .Add("path", T.String, "File, relative to the scan root", r => r.Location.File.RelativePath)
        .Add("line", T.Integer, "Line", r => (long)r.Location.StartLine)
        .Add("message", T.String, "What happens there", r => r.Message);

    /// <summary>Every record scope, for `certlint rules fields` and the docs.</summary>
    public static IEnumerable<FieldScope> All => [NameAttribute, Extension, GeneralName, Policy, Qualifier, PolicyMapping, Subtree, DistributionPoint, Access, QcStatement, QcPdsLocation, QcPsd2, QcPsd2Role, DomainName, RelatedLocation, CrlEntryFields.Entry, .. EtsiRecordScopes.All];
}
