using CertLint.Model;
using CertLint.Parsing;
using static CertLint.Rules.Fields.FieldCatalog;
using T = CertLint.Rules.Fields.FieldType;

namespace CertLint.Rules.Fields;

/// <summary>
/// The qcStatements extension (RFC 3739, 1.3.6.1.5.5.7.1.3) as the etsi pack reads it: the statements in order, and the
/// QcType and QcPDS values of ETSI EN 319 412-5 §4.2.3 / §4.3.4. Every field is absent without the extension and, as
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
    }

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
