using CertLint.Model;
using CertLint.Parsing;
using static CertLint.Rules.Fields.FieldCatalog;
using T = CertLint.Rules.Fields.FieldType;

namespace CertLint.Rules.Fields;

/// <summary>
/// The qcStatements extension (RFC 3739, 1.3.6.1.5.5.7.1.3) as the etsi pack reads it: the statements in order, and the
/// QcType and QcPDS values of ETSI EN 319 412-5 §4.2.3 / §4.3.4, TS 119 495's PSD2 statement, and the semantics identifiers
/// of RFC 3739's pkixQCSyntax-v2 statements (EN 319 412-1 §5). Every field is absent without the extension and, as
/// any `qcStatements.*` field, not applicable when it cannot be decoded (ExtensionFields.DecodedFrom).
/// </summary>
internal static class QcStatementsFields
{
    private const string Oid = "1.3.6.1.5.5.7.1.3";

    /// <summary>A statement ETSI defines: the id-etsi-qcs arc of EN 319 412-5 or TS 119 495's PSD2 statement.</summary>
    public static bool IsEtsi(string oid) => oid.StartsWith("0.4.0.1862.1.", StringComparison.Ordinal) || oid == "0.4.0.19495.2";

    public static IEnumerable<FieldDefinition> Define()
    {
        yield return Cert("qcStatements.statements", T.Records, "Every QCStatement: oid, info, etsi, problem", c => Statements(c), RecordScopes.QcStatement);
        yield return Cert("qcStatements.oids", T.List, "statementId of every QCStatement, in order", c => Statements(c)?.Select(s => s.Oid).ToArray());
        yield return Cert("qcStatements.duplicates", T.List, "statementIds that occur more than once",
            c => Statements(c) is { } s ? ExtensionFields.Repeated(s, static q => q.Oid) : null);
        yield return Cert("qcStatements.types", T.List, "The QcType OIDs of every QcType statement whose statementInfo decodes (absent when there is none)",
            c => Decoded(c, QcStatementsDecoder.Type, s => s.Types));
        yield return Cert("qcStatements.pds", T.Records, "The PdsLocations (url, language) of every QcPDS statement whose statementInfo decodes (absent when there is none)",
            c => Decoded(c, QcStatementsDecoder.Pds, s => s.Pds), RecordScopes.QcPdsLocation);
        yield return Cert("qcStatements.psd2", T.Records, "Every PSD2 statement (TS 119 495, 0.4.0.19495.2) that decodes: roles, roleCount, ncaName, ncaId, ncaIdCountryIso (absent when there is none)",
            c => Decoded<Model.QcPsd2>(c, QcStatementsDecoder.Psd2, s => s.Psd2 is { } p ? [p] : null), RecordScopes.QcPsd2);
        yield return Cert("qcStatements.semanticsIds", T.List, SemanticsIdsMeaning,
            c => Decoded(c, QcSemanticsDecoder.SyntaxV2, s => s.Semantics?.Id is { } id ? new[] { id } : null));
        yield return Cert("qcStatements.semantics", T.Records,
            "The SemanticsInformation of every pkixQCSyntax-v2 statement (RFC 3739, 1.3.6.1.5.5.7.11.2) that decodes: id, authorities, authorityUri (absent when there is none)",
            c => Decoded(c, QcSemanticsDecoder.SyntaxV2, s => s.Semantics is { } v ? new[] { v } : null), EtsiRecordScopes.QcSemantics);
        yield return Cert("qcStatements.legislation", T.Records,
            "Every QcCClegislation statement (EN 319 412-5 §4.2.4, 0.4.0.1862.1.7) that follows the statement's syntax: countries, countryCount, countriesIso (absent when there is none)",
            c => Decoded(c, QcLegislationDecoder.Oid, s => s.LegislationCountries is { } l ? new[] { new QcLegislationCountries(l) } : null), EtsiRecordScopes.QcLegislation);
        yield return Cert("qcStatements.limits", T.Records,
            "The MonetaryValue of every QcLimitValue statement (EN 319 412-5 §4.3.2) that follows the statement's syntax: currency, numeric, currencyIso (absent when there is none)",
            c => Decoded(c, QcStatementsDecoder.LimitValue, s => s.Limit is { } m ? new[] { m } : null), EtsiRecordScopes.QcLimit);
        foreach (var f in EtsiIdentifierFields.Define()) yield return f;
    }

    private const string SemanticsIdsMeaning =
        "The semanticsIdentifier of every pkixQCSyntax-v2 statement (RFC 3739, 1.3.6.1.5.5.7.11.2) whose SemanticsInformation decodes and names one, in order (absent when there is none)";

    /// <summary>
    /// The role names TS 119 495 Annex A registers for its role OIDs (V1.8.1: Unspecified, the six PSP roles of
    /// §5.2.2 and the two verification-of-payee roles); null for any other OID, whose name GEN-5.2.2-4 leaves to the
    /// organization that registers it.
    /// </summary>
    public static string? Psd2RoleName(string oid) => oid switch
    {
        "0.4.0.19495.1.0" => "Unspecified",
        "0.4.0.19495.1.1" => "PSP_AS",
        "0.4.0.19495.1.2" => "PSP_PI",
        "0.4.0.19495.1.3" => "PSP_AI",
        "0.4.0.19495.1.4" => "PSP_IC",
        "0.4.0.19495.1.5" => "PSP_CB",
        "0.4.0.19495.1.6" => "PSP_PA",
        "0.4.0.19495.1.51" => "VOP_RS",
        "0.4.0.19495.1.52" => "VOP_VS",
        _ => null,
    };

    private static IReadOnlyList<QcStatement>? Statements(CertificateInfo c) => ExtensionFields.Get<QcStatementsDetails>(c, Oid)?.Statements;

    /// <summary>The values of every statement <paramref name="oid"/> that decoded, in order; null when none did.</summary>
    private static TItem[]? Decoded<TItem>(CertificateInfo c, string oid, Func<QcStatement, IReadOnlyList<TItem>?> values)
    {
        if (Statements(c) is not { } statements) return null;
        List<TItem>? found = null;
        for (var i = 0; i < statements.Count; i++)
        {
            if (statements[i].Oid == oid && values(statements[i]) is { } v) (found ??= []).AddRange(v);
        }
        return found?.ToArray();
    }
}
