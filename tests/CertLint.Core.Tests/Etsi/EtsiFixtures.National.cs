using CertLint.Tests.Pki;
using CertLint.Tests.Pki.Raw;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Tests.Etsi;

/// <summary>
/// The etsi fixtures of a PSD2 certificate (TS 119 495 §5.2.1) whose organizationIdentifier uses a national identity
/// type (two characters and ":", EN 319 412-1 §5.1.4): its syntax and the URI name registration authority a
/// pkixQCSyntax-v2 statement must name (zlint's e_qcstatem_psd2_national_scheme).
/// </summary>
public static partial class EtsiFixtures
{
    /// <summary>
    /// A PSD2 certificate with this organizationIdentifier and these statements after the PSD2 one, built when the case
    /// runs (the URI authority is a property of another file of this partial class).
    /// </summary>
    private static Func<TestCertificate[]> Psd2National(string organizationIdentifier, Func<byte[][]> extra) => () =>
        Psd2(organizationIdentifier, extra: extra())();

    /// <summary>SemanticsInformation with nameRegistrationAuthorities only (no semanticsIdentifier): this one GeneralName.</summary>
    private static byte[][] AuthorityOnly(byte[] authority) => [Statement(SyntaxV2, Seq(Seq(authority)))];

    public static readonly Case Psd2NationalUri = new("PSD2, organizationIdentifier AB:DE-123, a URI authority without semantics identifier",
        Psd2National("AB:DE-123", () => AuthorityOnly(Gn.Uri("https://ra.example.com/scheme"))), []);
    public static readonly Case Psd2NationalAnyPrefix = new("PSD2, organizationIdentifier a1:DE-123, a URI authority",
        Psd2National("a1:DE-123", () => AuthorityOnly(Gn.Uri("https://ra.example.com/scheme"))), []);
    public static readonly Case Psd2NationalNaturalSemanticsUri = new("PSD2, organizationIdentifier AB:DE-123, natural person semantics with a URI authority",
        Psd2National("AB:DE-123", () => [Semantics(SemanticsNatural, UriAuthority)]), []);
    public static readonly Case Psd2NationalNoSyntaxV2 = new("PSD2, organizationIdentifier AB:DE-123, no pkixQCSyntax-v2",
        Psd2National("AB:DE-123", () => []), ["etsi-psd2-national-scheme-authority"]);
    public static readonly Case Psd2NationalEmailAuthority = new("PSD2, organizationIdentifier AB:DE-123, an e-mail authority",
        Psd2National("AB:DE-123", () => AuthorityOnly(Gn.Email("ra@example.com"))), ["etsi-psd2-national-scheme-authority"]);
    /// <summary>Something after nameRegistrationAuthorities: not a SemanticsInformation, so it names no authority.</summary>
    public static readonly Case Psd2NationalUndecodable = new("PSD2, organizationIdentifier AB:DE-123, pkixQCSyntax-v2 with trailing data",
        Psd2National("AB:DE-123", () => [Semantics(SemanticsNatural, UriAuthority, Int(1))]), ["etsi-psd2-national-scheme-authority"]);
    public static readonly Case Psd2NationalNoHyphen = new("PSD2, organizationIdentifier AB:DE123, a URI authority",
        Psd2National("AB:DE123", () => AuthorityOnly(Gn.Uri("https://ra.example.com/scheme"))), ["etsi-psd2-national-scheme-format"]);
    public static readonly Case Psd2NationalLowerCountry = new("PSD2, organizationIdentifier AB:de-123, a URI authority",
        Psd2National("AB:de-123", () => AuthorityOnly(Gn.Uri("https://ra.example.com/scheme"))), ["etsi-psd2-national-scheme-format"]);
    public static readonly Case Psd2NationalBoth = new("PSD2, organizationIdentifier AB:DE, no pkixQCSyntax-v2",
        Psd2National("AB:DE", () => []), ["etsi-psd2-national-scheme-authority", "etsi-psd2-national-scheme-format"]);
    /// <summary>Under the legal person semantics EN 319 412-1's rules report their requirement too (two requirements, two findings).</summary>
    public static readonly Case Psd2NationalLegalNoAuthority = new("PSD2, organizationIdentifier AB:DE-123, legal person semantics without authority",
        Psd2National("AB:DE-123", () => [Semantics(SemanticsLegal)]), ["etsi-legal-person-national-scheme-authority", "etsi-psd2-national-scheme-authority"]);
    public static readonly Case Psd2NationalLegalNoHyphen = new("PSD2, organizationIdentifier AB:DE123, legal person semantics with a URI authority",
        Psd2National("AB:DE123", () => [Semantics(SemanticsLegal, UriAuthority)]), ["etsi-legal-person-identifier-format", "etsi-psd2-national-scheme-format"]);

    private static IEnumerable<Case> NationalCases =>
    [
        Psd2NationalUri, Psd2NationalAnyPrefix, Psd2NationalNaturalSemanticsUri, Psd2NationalNoSyntaxV2, Psd2NationalEmailAuthority,
        Psd2NationalUndecodable, Psd2NationalNoHyphen, Psd2NationalLowerCountry, Psd2NationalBoth, Psd2NationalLegalNoAuthority,
        Psd2NationalLegalNoHyphen,
    ];

    private static void AddNational(Action<string, Case, Case> add)
    {
        add("etsi-psd2-national-scheme-authority", Psd2NationalNoSyntaxV2, Psd2NationalUri);
        add("etsi-psd2-national-scheme-authority", Psd2NationalEmailAuthority, Psd2NationalNaturalSemanticsUri);
        add("etsi-psd2-national-scheme-format", Psd2NationalNoHyphen, Psd2NationalUri);
        add("etsi-psd2-national-scheme-format", Psd2NationalLowerCountry, Psd2NationalAnyPrefix);
    }
}
