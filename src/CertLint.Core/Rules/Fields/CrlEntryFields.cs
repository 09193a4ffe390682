using CertLint.Model;
using CertLint.Parsing;
using T = CertLint.Rules.Fields.FieldType;

namespace CertLint.Rules.Fields;

/// <summary>The revokedCertificates of a CRL subject (`revoked.*`) and the fields of one entry (RFC 5280 §5.1.2.6, §5.3).</summary>
internal static class CrlEntryFields
{
    private const string ReasonCode = CrlExtensionOids.ReasonCode, InvalidityDate = CrlExtensionOids.InvalidityDate, CertificateIssuer = CrlExtensionOids.CertificateIssuer;

    public static readonly FieldScope Entry = new RecordScope<CrlEntryDetails>("CRL entry")
        .Add("serial", T.String, "userCertificate serial, content octets as upper-case hex", e => Hex.Upper(e.SerialContent.Span))
        .Add("serial.length", T.Integer, "Content octets of the serial INTEGER", e => (long)e.SerialContent.Length)
        .Add("serial.negative", T.Boolean, "The serial is negative", e => ProfileFields.Negative(e.SerialContent.Span))
        .Add("serial.zero", T.Boolean, "The serial is 0", e => ProfileFields.Zero(e.SerialContent.Span))
        .Add("revocationDate", T.Date, "revocationDate (UTC); absent when it is not a readable time", e => e.RevocationTime)
        .Add("revocationDate.encoding", T.String, "revocationDate encoding: utcTime or generalizedTime", e => e.RevocationDate?.Encoding)
        .Add("revocationDate.raw", T.String, "revocationDate as encoded", e => e.RevocationDate?.Raw)
        .Add("revocationDate.der", T.Boolean, "revocationDate in DER form (Z, seconds, no fraction)", e => e.RevocationDate?.Der)
        .Add("malformed", T.Boolean, "The entry or one of its extensions could not be decoded", e => e.Malformed)
        .Add("extensions", T.List, "OIDs of the entry's extensions", e => e.Extensions.Select(x => x.Oid).ToArray())
        .Add("extensions.present", T.Boolean, "The crlEntryExtensions field is encoded", e => e.ExtensionsPresent)
        .Add("extensions.count", T.Integer, "Number of entry extensions", e => (long)e.Extensions.Count)
        .Add("extensions.duplicates", T.List, "Entry extension OIDs that occur more than once", e => ExtensionFields.Repeated(e.Extensions, static x => x.Oid))
        .Add("extensions.unknownCritical", T.List, "Critical entry extensions RFC 5280 §5.3 does not define",
            e => ExtensionFields.UnknownCritical(e.Extensions, CrlExtensionOids.Entry))
        .Add("reasonCode", T.Integer, "reasonCode (§5.3.1) CRLReason value; absent without the extension", e => e.ReasonCode)
        .Add("reasonCode.present", T.Boolean, "The entry has a reasonCode extension", e => e.Extension(ReasonCode) is not null)
        .Add("reasonCode.critical", T.Boolean, "reasonCode is marked critical (absent without it)", e => e.Extension(ReasonCode)?.Critical)
        .Add("invalidityDate.present", T.Boolean, "The entry has an invalidityDate extension", e => e.Extension(InvalidityDate) is not null)
        .Add("invalidityDate.critical", T.Boolean, "invalidityDate is marked critical (absent without it)", e => e.Extension(InvalidityDate)?.Critical)
        .Add("invalidityDate.encoding", T.String, "invalidityDate encoding: RFC 5280 §5.3.2 requires generalizedTime", e => e.InvalidityDate?.Encoding)
        .Add("invalidityDate.der", T.Boolean, "invalidityDate in DER form (Z, seconds, no fraction)", e => e.InvalidityDate?.Der)
        .Add("certificateIssuer.present", T.Boolean, "The entry has a certificateIssuer extension (§5.3.3)", e => e.Extension(CertificateIssuer) is not null)
        .Add("certificateIssuer.critical", T.Boolean, "certificateIssuer is marked critical (absent without it)", e => e.Extension(CertificateIssuer)?.Critical);

    public static IEnumerable<FieldDefinition> Define(ProfileFields.Maker<CrlInfo> make)
    {
        yield return make("revoked.present", T.Boolean, "The revokedCertificates field is encoded (RFC 5280 §5.1.2.6: absent when there are none)",
            c => Boxes.Of(c.Details.RevokedPresent));
        yield return make("revoked.count", T.Integer, "Entries decoded (at most the bound, see revoked.truncated)", c => Boxes.Of((long)c.Details.Entries.Count));
        yield return make("revoked.truncated", T.Boolean, $"The CRL lists more than {CrlDetails.MaxEntries} entries: those beyond were not decoded nor judged",
            c => Boxes.Of(c.Details.EntriesTruncated));
        yield return make("revoked.entries", T.Records, "Every decoded entry: serial, revocationDate, reasonCode, invalidityDate, certificateIssuer, extensions",
            c => c.Details.Entries, Entry);
    }
}
