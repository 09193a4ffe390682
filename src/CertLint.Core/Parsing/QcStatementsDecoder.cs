using System.Formats.Asn1;
using CertLint.Model;

namespace CertLint.Parsing;

/// <summary>
/// The qcStatements extension (RFC 3739 §3.2.6): QCStatements ::= SEQUENCE OF QCStatement, QCStatement ::= SEQUENCE {
/// statementId OBJECT IDENTIFIER, statementInfo ANY DEFINED BY statementId OPTIONAL }. That outer syntax is strict (a
/// value that breaks it is malformed, one `asn1-malformed` finding); the statementInfo of an ETSI statement that breaks
/// ETSI EN 319 412-5 §4's syntax is the statement's <see cref="QcStatement.Problem"/>, which the etsi rule for that
/// statement reports (RFC 3739 lets statementInfo be anything; the ETSI definition is what it breaks).
/// </summary>
internal static class QcStatementsDecoder
{
    /// <summary>Statements, PDS locations and QcType OIDs decoded at most (real certificates carry fewer than ten).</summary>
    public const int MaxEntries = 64;

    public const string Compliance = "0.4.0.1862.1.1", LimitValue = "0.4.0.1862.1.2", RetentionPeriod = "0.4.0.1862.1.3",
        Sscd = "0.4.0.1862.1.4", Pds = "0.4.0.1862.1.5", Type = "0.4.0.1862.1.6", Psd2 = "0.4.0.19495.2";

    /// <summary>The QcType values EN 319 412-5 §4.2.3 defines: esign, eseal, web.</summary>
    public static readonly string[] TypeOids = ["0.4.0.1862.1.6.1", "0.4.0.1862.1.6.2", "0.4.0.1862.1.6.3"];

    public static QcStatementsDetails Decode(AsnCursor seq)
    {
        var statements = new List<QcStatement>();
        while (seq.HasData)
        {
            if (statements.Count == MaxEntries) throw new AsnContentException($"more than {MaxEntries} QCStatements");
            var s = seq.ReadSequence();
            var oid = s.ReadObjectIdentifier();
            ReadOnlyMemory<byte>? info = s.HasData ? s.ReadEncodedValue() : (ReadOnlyMemory<byte>?)null;
            s.ThrowIfNotEmpty();
            statements.Add(Statement(oid, info));
        }
        return new QcStatementsDetails(statements);
    }

    private static QcStatement Statement(string oid, ReadOnlyMemory<byte>? info)
    {
        if (oid is Compliance or Sscd) return new QcStatement(oid, info is not null, info is not null ? "has a statementInfo, which this statement does not take" : null);
        if (info is not { } value)
            return new QcStatement(oid, false, oid is LimitValue or RetentionPeriod or Pds or Type or Psd2 or QcLegislationDecoder.Oid ? "has no statementInfo" : null);
        try
        {
            return oid switch
            {
                LimitValue => LimitStatement(value),
                RetentionPeriod => new QcStatement(oid, true, Retention(value)),
                Pds => PdsStatement(value),
                Type => TypeStatement(value),
                Psd2 => Psd2Statement(value),
                QcSemanticsDecoder.SyntaxV2 => new QcStatement(oid, true, null) { Semantics = QcSemanticsDecoder.Decode(value) },
                QcLegislationDecoder.Oid => LegislationStatement(value),
                _ => new QcStatement(oid, true, null),
            };
        }
        catch (AsnContentException)
        {
            return new QcStatement(oid, true, "its statementInfo does not decode as the statement's syntax (DER)");
        }
    }

    private static QcStatement LimitStatement(ReadOnlyMemory<byte> value)
    {
        var (problem, limit) = MonetaryValue(value);
        return new QcStatement(LimitValue, true, problem) { Limit = limit };
    }

    private static QcStatement LegislationStatement(ReadOnlyMemory<byte> value)
    {
        var (countries, problem) = QcLegislationDecoder.Decode(value);
        // Countries only of a list that follows the syntax: a broken one is the -form rule's finding alone.
        return new QcStatement(QcLegislationDecoder.Oid, true, problem) { LegislationCountries = problem is null ? countries : null };
    }

    /// <summary>
    /// QcEuLimitValue ::= MonetaryValue ::= SEQUENCE { currency Iso4217CurrencyCode, amount INTEGER, exponent INTEGER };
    /// Iso4217CurrencyCode ::= CHOICE { alphabetic PrintableString (SIZE (3)), numeric INTEGER (1..999) }. The amount
    /// is a number of money: negative is no limit. The currency is returned only when nothing breaks the syntax, so the
    /// rules that judge the code never judge a statement its `-form` rule already reports.
    /// </summary>
    private static (string? Problem, QcMonetaryValue? Limit) MonetaryValue(ReadOnlyMemory<byte> value)
    {
        var r = new AsnCursor(value, AsnEncodingRules.DER);
        var seq = r.ReadSequence();
        r.ThrowIfNotEmpty();
        string? problem = null;
        QcMonetaryValue currency;
        if (seq.NextIs(Asn1Tag.Integer))
        {
            if (!seq.TryReadInt64(out var numeric) || numeric is < 1 or > 999) problem = "its numeric currency code is not between 1 and 999";
            currency = new QcMonetaryValue(numeric.ToString("D3", System.Globalization.CultureInfo.InvariantCulture), true);
        }
        else
        {
            var alphabetic = seq.ReadCharacterString(UniversalTagNumber.PrintableString);
            if (alphabetic.Length != 3 || !alphabetic.All(char.IsAsciiLetter)) problem = "its alphabetic currency code is not 3 letters";
            currency = new QcMonetaryValue(alphabetic, false);
        }
        if (!seq.TryReadInt64(out var amount)) throw new AsnContentException("amount out of range");
        if (!seq.TryReadInt64(out _)) throw new AsnContentException("exponent out of range");
        seq.ThrowIfNotEmpty();
        problem ??= amount < 0 ? "its amount is negative" : null;
        return (problem, problem is null ? currency : null);
    }

    /// <summary>QcEuRetentionPeriod ::= INTEGER, a number of years: negative is none.</summary>
    private static string? Retention(ReadOnlyMemory<byte> value)
    {
        var r = new AsnCursor(value, AsnEncodingRules.DER);
        if (!r.TryReadInt64(out var years)) throw new AsnContentException("retention period out of range");
        r.ThrowIfNotEmpty();
        return years < 0 ? "its retention period is negative" : null;
    }

    /// <summary>
    /// QcEuPDS ::= PdsLocations ::= SEQUENCE SIZE (1..MAX) OF PdsLocation; PdsLocation ::= SEQUENCE { url IA5String,
    /// language PrintableString (SIZE(2)) } (ISO 639-1). zlint's e_qcstatem_qcpds_valid also asks for an English PDS and
    /// no language twice (§4.3.4); languages compare ignoring case, as ISO 639-1 codes are letters.
    /// </summary>
    private static QcStatement PdsStatement(ReadOnlyMemory<byte> value)
    {
        var locations = SequenceOf(value, "PdsLocations", static (ref AsnCursor seq) =>
        {
            var l = seq.ReadSequence();
            var url = l.ReadCharacterString(UniversalTagNumber.IA5String);
            var language = l.ReadCharacterString(UniversalTagNumber.PrintableString);
            l.ThrowIfNotEmpty();
            return new QcPdsLocation(url, language);
        });
        string? problem = null;
        if (locations.Count == 0) problem = "its PDS list is empty";
        // The length only, not the value: a hostile certificate controls the string, and 2 characters is the whole rule.
        else if (locations.FirstOrDefault(l => l.Language.Length != 2) is { } odd) problem = $"a PDS language of {odd.Language.Length} characters, not 2";
        else if (locations.GroupBy(l => l.Language, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
            problem = $"PDS language '{twice.Key}' appears more than once";
        else if (!locations.Any(l => l.Language.Equals("en", StringComparison.OrdinalIgnoreCase))) problem = "it has no PDS in English";
        return new QcStatement(Pds, true, problem) { Pds = locations };
    }

    /// <summary>QcType ::= SEQUENCE OF OBJECT IDENTIFIER (EN 319 412-5 §4.2.3): at least one, each esign, eseal or web.</summary>
    private static QcStatement TypeStatement(ReadOnlyMemory<byte> value)
    {
        var types = SequenceOf(value, "QcType OIDs", static (ref AsnCursor seq) => seq.ReadObjectIdentifier());
        var problem = types.Count == 0 ? "its QcType list is empty"
            : types.FirstOrDefault(t => Array.IndexOf(TypeOids, t) < 0) is { } other ? $"QcType {other} is not esign, eseal or web (0.4.0.1862.1.6.1-3)" : null;
        return new QcStatement(Type, true, problem) { Types = types };
    }

    /// <summary>
    /// PSD2QcType ::= SEQUENCE { rolesOfPSP SEQUENCE OF SEQUENCE { roleOfPspOid OBJECT IDENTIFIER, roleOfPspName
    /// UTF8String (SIZE(1..256)) }, nCAName UTF8String (SIZE(1..256)), nCAId UTF8String (SIZE(1..256)) } (TS 119 495
    /// Annex A). An empty role list decodes: GEN-5.2.2-1 asks for a role, and etsi-psd2-roles-missing reports it.
    /// </summary>
    private static QcStatement Psd2Statement(ReadOnlyMemory<byte> value)
    {
        var r = new AsnCursor(value, AsnEncodingRules.DER);
        var seq = r.ReadSequence();
        r.ThrowIfNotEmpty();
        var rolesSeq = seq.ReadSequence();
        var roles = new List<QcPsd2Role>();
        while (rolesSeq.HasData)
        {
            if (roles.Count == MaxEntries) throw new AsnContentException($"more than {MaxEntries} PSD2 roles");
            var role = rolesSeq.ReadSequence();
            var oid = role.ReadObjectIdentifier();
            var name = role.ReadCharacterString(UniversalTagNumber.UTF8String);
            role.ThrowIfNotEmpty();
            roles.Add(new QcPsd2Role(oid, name));
        }
        var ncaName = seq.ReadCharacterString(UniversalTagNumber.UTF8String);
        var ncaId = seq.ReadCharacterString(UniversalTagNumber.UTF8String);
        seq.ThrowIfNotEmpty();
        // SIZE counts characters (code points); the length only, never the text: the certificate controls it. The
        // nCAName and nCAId have rules of their own (etsi-psd2-nca-name, etsi-psd2-nca-id-format).
        var problem = roles.FirstOrDefault(x => CodePoints(x.Name) is < 1 or > 256) is { } odd
            ? $"the roleOfPspName of role {odd.Oid} has {CodePoints(odd.Name)} characters, not 1 to 256" : null;
        return new QcStatement(Psd2, true, problem) { Psd2 = new QcPsd2(roles, ncaName, ncaId) };
    }

    public static int CodePoints(string s) => s.EnumerateRunes().Count();

    private delegate T ElementReader<out T>(ref AsnCursor seq);

    /// <summary>A DER SEQUENCE OF read element by element, at most <see cref="MaxEntries"/> of them.</summary>
    private static List<T> SequenceOf<T>(ReadOnlyMemory<byte> value, string what, ElementReader<T> read)
    {
        var r = new AsnCursor(value, AsnEncodingRules.DER);
        var seq = r.ReadSequence();
        r.ThrowIfNotEmpty();
        var items = new List<T>();
        while (seq.HasData)
        {
            if (items.Count == MaxEntries) throw new AsnContentException($"more than {MaxEntries} {what}");
            items.Add(read(ref seq));
        }
        return items;
    }
}
