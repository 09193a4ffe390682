namespace CertLint.Model;

/// <summary>
/// The qcStatements extension (id-pe-qcStatements 1.3.6.1.5.5.7.1.3, RFC 3739 §3.2.6): every QCStatement in order.
/// </summary>
public sealed record QcStatementsDetails(IReadOnlyList<QcStatement> Statements);

/// <summary>
/// One QCStatement: its statementId, whether a statementInfo is encoded, and, for the statements ETSI EN 319 412-5 §4
/// and TS 119 495 §5.1 define, why the statementInfo does not follow their syntax (<see cref="Problem"/>, null when it
/// does or for other statements) and its decoded parts (null when absent or not decodable).
/// </summary>
public sealed record QcStatement(string Oid, bool HasInfo, string? Problem)
{
    /// <summary>QcType (EN 319 412-5 §4.2.3): the type OIDs.</summary>
    public IReadOnlyList<string>? Types { get; init; }

    /// <summary>QcPDS (EN 319 412-5 §4.3.4): the PdsLocations.</summary>
    public IReadOnlyList<QcPdsLocation>? Pds { get; init; }

    /// <summary>PSD2QcType (TS 119 495 Annex A): the PSP's roles and the competent authority's name and identifier.</summary>
    public QcPsd2? Psd2 { get; init; }

    /// <summary>pkixQCSyntax-v2 (RFC 3739 §3.2.6.1): the SemanticsInformation, when it decodes.</summary>
    public QcSemantics? Semantics { get; init; }

    /// <summary>QcCClegislation (EN 319 412-5 §4.2.4): the CountryNames as written.</summary>
    public IReadOnlyList<string>? LegislationCountries { get; init; }

    /// <summary>QcLimitValue (EN 319 412-5 §4.3.2): the MonetaryValue, when it follows the statement's syntax.</summary>
    public QcMonetaryValue? Limit { get; init; }
}

/// <summary>
/// SemanticsInformation (RFC 3739 §3.2.6.1): the semanticsIdentifier (null when absent), how many GeneralNames
/// nameRegistrationAuthorities holds (null when it is absent) and whether one is a uniformResourceIdentifier.
/// </summary>
public sealed record QcSemantics(string? Id, int? Authorities, bool AuthorityUri);

/// <summary>
/// MonetaryValue's currency (EN 319 412-5 §4.3.2: Iso4217CurrencyCode ::= CHOICE { alphabetic PrintableString (SIZE(3)),
/// numeric INTEGER (1..999) }): the alphabetic code as written, or the numeric one as 3 digits.
/// </summary>
public sealed record QcMonetaryValue(string Currency, bool Numeric);

/// <summary>One PdsLocation of a QcPDS statement: url (IA5String) and language (PrintableString, ISO 639-1).</summary>
public sealed record QcPdsLocation(string Url, string Language);

/// <summary>
/// PSD2QcType ::= SEQUENCE { rolesOfPSP RolesOfPSP, nCAName NCAName, nCAId NCAId } (ETSI TS 119 495 Annex A), as decoded.
/// </summary>
public sealed record QcPsd2(IReadOnlyList<QcPsd2Role> Roles, string NcaName, string NcaId);

/// <summary>RoleOfPSP ::= SEQUENCE { roleOfPspOid RoleOfPspOid, roleOfPspName RoleOfPspName (UTF8String) }.</summary>
public sealed record QcPsd2Role(string Oid, string Name);
