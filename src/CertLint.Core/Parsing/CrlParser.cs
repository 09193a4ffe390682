using System.Formats.Asn1;
using CertLint.Model;

namespace CertLint.Parsing;

/// <summary>X.509 CRL (RFC 5280 §5): issuer, dates, revoked entries with reasons, and the extensions that set its scope.</summary>
public static class CrlParser
{
    private static readonly Asn1Tag Context0 = new(TagClass.ContextSpecific, 0, isConstructed: true);
    private const string CrlNumber = CrlExtensionOids.CrlNumber, ReasonCode = CrlExtensionOids.ReasonCode, CertificateIssuer = CrlExtensionOids.CertificateIssuer;
    private const string DeltaCrlIndicator = CrlExtensionOids.DeltaCrlIndicator, IssuingDistributionPoint = CrlExtensionOids.IssuingDistributionPoint;

    /// <summary>Bound on entries read from one CRL: a hostile file cannot make the run allocate without end.</summary>
    public const int MaxEntries = 1_000_000;

    /// <summary>
    /// Distinct unknown critical extensions kept per CRL: one makes the CRL unusable, and the message naming them is
    /// built for each issuer tried; unbounded, 250,000 entries each with a critical extension made a list (and a
    /// message) of 250,000 OIDs, and a lookup in it per entry was quadratic.
    /// </summary>
    public const int MaxUnknownCritical = 8;

    private static readonly string[] Reasons =
    [
        "unspecified", "keyCompromise", "cACompromise", "affiliationChanged", "superseded", "cessationOfOperation",
        "certificateHold", "(unused 7)", "removeFromCRL", "privilegeWithdrawn", "aACompromise",
    ];

    public static CrlInfo Parse(ReadOnlyMemory<byte> der, SourceLocation location)
    {
        try
        {
            return Parse(der, location, AsnEncodingRules.DER, null);
        }
        catch (AsnContentException e)
        {
            // Not DER: read it again with BER so the profile rules can judge it (a UTCTime without seconds, a
            // non-minimal length), as certificates are; what BER cannot read either stays a parse error.
            try
            {
                return Parse(der, location, AsnEncodingRules.BER, e.Message);
            }
            catch (AsnContentException)
            {
                throw e;
            }
        }
    }

    private static CrlInfo Parse(ReadOnlyMemory<byte> der, SourceLocation location, AsnEncodingRules rules, string? derError)
    {
        var outerReader = new AsnReader(der, rules);
        var raw = outerReader.PeekEncodedValue();
        var certificateList = outerReader.ReadSequence();
        var tbsRaw = certificateList.PeekEncodedValue();
        var tbs = certificateList.ReadSequence();
        if (tbs.PeekTag().HasSameClassAndValue(Asn1Tag.Integer)) tbs.ReadEncodedValue(); // version
        Asn1Helpers.ReadAlgorithmIdentifier(tbs);
        var issuer = NameParser.Read(tbs);
        var thisUpdate = CertificateParser.ReadTime(tbs); // proves this is a CRL and not something else shaped alike
        DateTimeOffset? nextUpdate = tbs.HasData && IsTime(tbs.PeekTag()) ? CertificateParser.ReadTime(tbs) : null;
        var unknownCritical = new List<string>();
        var revoked = new Dictionary<string, RevokedEntry>(StringComparer.Ordinal);
        var others = new Dictionary<string, Dictionary<string, RevokedEntry>>(StringComparer.Ordinal);
        if (tbs.HasData && tbs.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence))
        {
            var entries = tbs.ReadSequence();
            // RFC 5280 §5.3.3: an entry without certificateIssuer belongs to the same issuer as the entry before it,
            // the first to the CRL's issuer.
            var entryIssuer = issuer.NormalizedKey;
            for (var count = 0; entries.HasData && count < MaxEntries; count++)
            {
                var entry = ReadEntry(entries.ReadSequence(), unknownCritical, ref entryIssuer);
                if (entryIssuer == issuer.NormalizedKey) revoked.TryAdd(entry.Serial, entry);
                else
                {
                    if (!others.TryGetValue(entryIssuer, out var list)) others[entryIssuer] = list = new Dictionary<string, RevokedEntry>(StringComparer.Ordinal);
                    list.TryAdd(entry.Serial, entry);
                }
            }
        }
        var extensions = tbs.HasData && tbs.PeekTag().HasSameClassAndValue(Context0)
            ? CertificateParser.ReadExtensions(tbs.ReadSequence(Context0))
            : [];
        tbs.ThrowIfNotEmpty();
        var (sigOid, sigParams) = Asn1Helpers.ReadAlgorithmIdentifier(certificateList);
        var sigValue = Asn1Helpers.ReadBitString(certificateList, out _);

        var crl = new CrlInfo(location, issuer)
        {
            Raw = raw,
            DerError = derError,
            ThisUpdate = thisUpdate,
            NextUpdate = nextUpdate,
            Tbs = tbsRaw,
            Signature = CertificateParser.MakeSignature(sigOid, sigParams, sigValue),
            Revoked = revoked,
            RevokedForOthers = others,
        };
        foreach (var ext in extensions)
        {
            crl = ext.Oid switch
            {
                Oids.AuthorityKeyIdentifier => crl with { AuthorityKeyIdentifier = ExtensionDecoder.AuthorityKeyIdentifier(ext.Value) },
                CrlNumber => crl with { Number = IntegerHex(ext.Value) },
                DeltaCrlIndicator => crl with { DeltaBase = IntegerHex(ext.Value) },
                IssuingDistributionPoint => crl with { DistributionPoint = ReadIdp(ext.Value) },
                _ => crl,
            };
            // RFC 5280 §5.2: a critical extension the application cannot process makes the CRL unusable.
            if (ext.Critical && !CrlExtensionOids.Crl.Contains(ext.Oid)) AddUnknown(unknownCritical, ext.Oid);
        }
        return crl with { UnknownCriticalExtensions = unknownCritical };
    }

    /// <param name="issuerKey">The certificate issuer of the entry before (in), of this entry (out).</param>
    private static RevokedEntry ReadEntry(AsnReader entry, List<string> unknownCritical, ref string issuerKey)
    {
        var serial = Asn1Helpers.IntegerToHex(Asn1Helpers.ReadIntegerContent(entry, out _));
        var date = CertificateParser.ReadTime(entry);
        string? reason = null;
        if (entry.HasData)
        {
            var extensions = entry.ReadSequence();
            while (extensions.HasData)
            {
                var ext = extensions.ReadSequence();
                var oid = ext.ReadObjectIdentifier();
                var critical = ext.PeekTag().HasSameClassAndValue(Asn1Tag.Boolean) && ext.ReadBoolean();
                var value = Asn1Helpers.ReadOctetString(ext);
                if (oid == ReasonCode) reason = ReasonName(value);
                else if (oid == CertificateIssuer)
                {
                    // Without a directory name CertLint cannot tell whose entries these are: the CRL is not used.
                    if (DirectoryName(value) is { } name) issuerKey = name.NormalizedKey;
                    else AddUnknown(unknownCritical, oid);
                }
                else if (critical && !CrlExtensionOids.Entry.Contains(oid)) AddUnknown(unknownCritical, oid); // §5.3: likewise an entry extension
            }
        }
        return new RevokedEntry(serial, date, reason);
    }

    /// <summary>Adds <paramref name="oid"/> once, up to one past <see cref="MaxUnknownCritical"/> (so a reader can tell the list was cut).</summary>
    private static void AddUnknown(List<string> unknownCritical, string oid)
    {
        if (unknownCritical.Count <= MaxUnknownCritical && !unknownCritical.Contains(oid)) unknownCritical.Add(oid);
    }

    /// <summary>The directoryName of a certificateIssuer GeneralNames, or null when it has none or it does not decode.</summary>
    private static DistinguishedName? DirectoryName(ReadOnlyMemory<byte> value)
    {
        var directoryName = new Asn1Tag(TagClass.ContextSpecific, 4, isConstructed: true);
        try
        {
            var names = new AsnReader(value, AsnEncodingRules.BER).ReadSequence();
            while (names.HasData)
            {
                if (names.PeekTag().HasSameClassAndValue(directoryName)) return NameParser.Read(names.ReadSequence(directoryName));
                names.ReadEncodedValue();
            }
        }
        catch (AsnContentException)
        {
        }
        return null;
    }

    private static string ReasonName(ReadOnlyMemory<byte> value)
    {
        var code = new AsnReader(value, AsnEncodingRules.BER).ReadEnumeratedBytes().Span;
        var n = code.Length == 1 ? code[0] : -1;
        return n >= 0 && n < Reasons.Length ? Reasons[n] : $"reason {Hex.Upper(code)}";
    }

    private static string IntegerHex(ReadOnlyMemory<byte> value) =>
        Asn1Helpers.IntegerToHex(Asn1Helpers.ReadIntegerContent(new AsnReader(value, AsnEncodingRules.BER), out _));

    private static bool IsTime(Asn1Tag tag) => tag.HasSameClassAndValue(Asn1Tag.UtcTime) || tag.HasSameClassAndValue(Asn1Tag.GeneralizedTime);

    /// <summary>IssuingDistributionPoint ::= SEQUENCE { distributionPoint [0], onlyContainsUserCerts [1], onlyContainsCACerts [2],
    /// onlySomeReasons [3], indirectCRL [4], onlyContainsAttributeCerts [5] }.</summary>
    private static IssuingDistributionPoint ReadIdp(ReadOnlyMemory<byte> value)
    {
        var seq = new AsnReader(value, AsnEncodingRules.BER).ReadSequence();
        IReadOnlyList<string> names = [];
        bool user = false, ca = false, some = false, indirect = false, attr = false;
        var reasons = Model.IssuingDistributionPoint.AllReasons;
        while (seq.HasData)
        {
            var tag = seq.PeekTag();
            if (tag.TagClass != TagClass.ContextSpecific) { seq.ReadEncodedValue(); continue; }
            switch (tag.TagValue)
            {
                case 0: names = ExtensionDecoder.DistributionPointNames(seq.ReadEncodedValue()); break;
                case 1: user = seq.ReadBoolean(new Asn1Tag(TagClass.ContextSpecific, 1)); break;
                case 2: ca = seq.ReadBoolean(new Asn1Tag(TagClass.ContextSpecific, 2)); break;
                case 3: some = true; reasons = ReasonMask(seq.ReadBitString(out _, new Asn1Tag(TagClass.ContextSpecific, 3))); break;
                case 4: indirect = seq.ReadBoolean(new Asn1Tag(TagClass.ContextSpecific, 4)); break;
                case 5: attr = seq.ReadBoolean(new Asn1Tag(TagClass.ContextSpecific, 5)); break;
                default: seq.ReadEncodedValue(); break;
            }
        }
        return new IssuingDistributionPoint(names, user, ca, some, indirect, attr) { Reasons = reasons };
    }

    /// <summary>ReasonFlags (RFC 5280 §4.2.1.13) as a mask: bit n set when the BIT STRING's bit n is (bit 0 unused).</summary>
    private static int ReasonMask(byte[] bits)
    {
        var mask = 0;
        for (var n = 1; n <= 8; n++)
        {
            if (n / 8 < bits.Length && (bits[n / 8] & (0x80 >> (n % 8))) != 0) mask |= 1 << n;
        }
        return mask;
    }
}
