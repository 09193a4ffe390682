using CertLint.Tests.Pki;
using CertLint.Tests.Pki.Raw;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Tests.CabfSmime;

/// <summary>
/// The optional subscriber extensions of S/MIME BR §7.1.2.3(g), (j)-(m): which generation or validation type may carry
/// smimeCapabilities (§7.1.2.3(i)), subjectDirectoryAttributes, qcStatements, the Legal Entity Identifier extensions and the Adobe extensions, and that
/// none of them is critical; the authorityKeyIdentifier's keyIdentifier-only form.
/// </summary>
internal static partial class CabfSmimeFixtures
{
    public const string AdobeTimeStamp = "1.2.840.113583.1.1.9.1", AdobeArchiveRevInfo = "1.2.840.113583.1.1.9.2";
    public const string Lei = "1.3.6.1.4.1.52266.1", LeiRole = "1.3.6.1.4.1.52266.2", QcStatements = "1.3.6.1.5.5.7.1.3";
    public const string SmimeCapabilities = "1.2.840.113549.1.9.15";
    public const string OrganizationMultipurpose = "2.23.140.1.5.2.2", SponsorMultipurpose = "2.23.140.1.5.3.2";

    private static void Extensions(Action<string, Func<TestCertificate[]>, Func<TestCertificate[]>> add)
    {
        add("smime-adobe-extensions-strict", Leaf(Adobe(AdobeTimeStamp, critical: false)), Leaf());
        add("smime-adobe-extensions-strict", Leaf(Policy(SponsorStrict), Adobe(AdobeArchiveRevInfo, critical: false)), Leaf(Policy(SponsorStrict)));
        add("smime-adobe-extensions-critical", Leaf(Policy(SponsorMultipurpose), Adobe(AdobeTimeStamp, critical: true)),
            Leaf(Policy(SponsorMultipurpose), Adobe(AdobeTimeStamp, critical: false)));
        var legacy = ValidFor(LegacyIssued, TimeSpan.FromDays(365));
        add("smime-adobe-extensions-critical", Leaf(Policy(IndividualLegacy), legacy, Adobe(AdobeArchiveRevInfo, critical: true)),
            Leaf(Policy(IndividualLegacy), legacy, Adobe(AdobeTimeStamp, critical: false), Adobe(AdobeArchiveRevInfo, critical: false)));
        add("smime-subject-directory-attributes", Leaf(Policy(MailboxMultipurpose), DirectoryAttributes), Leaf(Policy(MailboxMultipurpose)));
        add("smime-subject-directory-attributes", Leaf(DirectoryAttributes), Leaf());
        add("smime-qc-statements-critical", Leaf(QcCompliance(critical: true)), Leaf(QcCompliance(critical: false)));
        add("smime-lei-prohibited", Leaf(LeiExtension(Lei, critical: false)), Leaf(Policy(OrganizationStrict), LeiExtension(Lei, critical: false)));
        add("smime-lei-prohibited", Leaf(Policy(IndividualMultipurpose), LeiExtension(Lei, critical: false)), Leaf(Policy(SponsorStrict), LeiExtension(Lei, critical: false)));
        // The role is the Sponsor-validated type's only.
        add("smime-lei-prohibited", Leaf(Policy(OrganizationMultipurpose), LeiExtension(LeiRole, critical: false)),
            Leaf(Policy(SponsorMultipurpose), LeiExtension(Lei, critical: false), LeiExtension(LeiRole, critical: false)));
        add("smime-lei-critical", Leaf(Policy(OrganizationStrict), LeiExtension(Lei, critical: true)), Leaf(Policy(OrganizationStrict), LeiExtension(Lei, critical: false)));
        add("smime-lei-critical", Leaf(Policy(SponsorStrict), LeiExtension(LeiRole, critical: true)), Leaf(Policy(SponsorStrict), LeiExtension(LeiRole, critical: false)));
        add("smime-capabilities-critical", Leaf(Capabilities(critical: true)), Leaf(Capabilities(critical: false)));
        add("smime-aki-issuer-serial", Leaf(b => b.Set(Oids.AuthorityKeyId, Ext.AuthorityKeyId(Root.SubjectKeyId, Gn.DirName(CnName("CertLint S/MIME Root")), [0x01]))), Leaf());
        add("smime-aki-issuer-serial", Leaf(b => b.Set(Oids.AuthorityKeyId, Ext.AuthorityKeyId(Root.SubjectKeyId, serial: [0x2a]))), Leaf());
    }

    /// <summary>Adobe Time-stamp (version, TSA location) or ArchiveRevInfo (version): the values matter only as DER.</summary>
    private static Action<RawCertificateBuilder> Adobe(string oid, bool critical) => b => b.Set(oid,
        oid == AdobeTimeStamp ? Seq(Int(1), Gn.Uri("http://tsa.example.com")) : Seq(Int(1)), critical);

    /// <summary>smimeCapabilities (RFC 4262) announcing one algorithm, aes256-CBC.</summary>
    private static Action<RawCertificateBuilder> Capabilities(bool critical) =>
        b => b.Set(SmimeCapabilities, Seq(Seq(ObjectId("2.16.840.1.101.3.4.1.42"))), critical);

    private static void DirectoryAttributes(RawCertificateBuilder b) => b.Set(Oids.SubjectDirectoryAttributes, Ext.SubjectDirectoryAttributes());

    /// <summary>qcStatements with the one statement esi4-qcStatement-1 (QcCompliance, ETSI EN 319 412-5).</summary>
    private static Action<RawCertificateBuilder> QcCompliance(bool critical) => b => b.Set(QcStatements, Seq(Seq(ObjectId("0.4.0.1862.1.1"))), critical);

    /// <summary>The LEI or LEI role extension holding a 20-character LEI (ISO 17442).</summary>
    private static Action<RawCertificateBuilder> LeiExtension(string oid, bool critical) => b => b.Set(oid, String(PrintableString, "9845001D460B1A3C7F38"), critical);
}
