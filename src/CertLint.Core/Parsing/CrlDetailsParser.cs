using System.Formats.Asn1;
using CertLint.Model;

namespace CertLint.Parsing;

/// <summary>
/// Decodes <see cref="CrlDetails"/> from a parsed CRL's DER, tolerantly (BER), as <see cref="CertificateDetailsParser"/>
/// does for certificates: each part that fails is named in Malformed and the walk goes on. Entries are bounded by
/// <see cref="CrlDetails.MaxEntries"/>.
/// </summary>
internal static class CrlDetailsParser
{
    private static readonly Asn1Tag Context0 = new(TagClass.ContextSpecific, 0, isConstructed: true);
    private const string ReasonCode = CrlExtensionOids.ReasonCode, InvalidityDate = CrlExtensionOids.InvalidityDate;

    /// <summary>Never throws: a CRL whose structure defeats the walk is one malformed `crl` part.</summary>
    public static CrlDetails ParseSafely(ReadOnlyMemory<byte> raw)
    {
        try
        {
            return Parse(raw);
        }
        catch (Exception e) when (CertificateDetailsParser.IsDecodeError(e))
        {
            return new CrlDetails { Malformed = ["crl"] };
        }
    }

    private static CrlDetails Parse(ReadOnlyMemory<byte> raw)
    {
        List<string>? malformed = null;
        var list = new AsnCursor(raw).ReadSequence();
        var tbs = list.ReadSequence();
        var outer = CertificateDetailsParser.TryAlgorithm(ref list, ref malformed, "signature");
        var versionPresent = tbs.NextIs(Asn1Tag.Integer);
        long? version = null;
        if (versionPresent) version = tbs.TryReadInt64(out var v) ? v : Skip(ref tbs);
        var tbsSignature = CertificateDetailsParser.TryAlgorithm(ref tbs, ref malformed, "tbsSignature");
        var issuerName = tbs.ReadEncodedValue();
        (IReadOnlyList<NameAttribute> Attributes, int Rdns) issuer = ([], 0);
        try
        {
            issuer = NameDetails.ReadIssuer(issuerName);
        }
        catch (Exception e) when (CertificateDetailsParser.IsDecodeError(e))
        {
            CertificateDetailsParser.Mark(ref malformed, "issuerName");
        }
        var thisUpdate = CertificateDetailsParser.TryTime(ref tbs, ref malformed, "thisUpdate");
        var nextUpdate = tbs.NextIs(Asn1Tag.UtcTime) || tbs.NextIs(Asn1Tag.GeneralizedTime) ? CertificateDetailsParser.TryTime(ref tbs, ref malformed, "nextUpdate") : null;
        var revokedPresent = tbs.NextIs(Asn1Tag.Sequence);
        IReadOnlyList<CrlEntryDetails> entries = [];
        var truncated = false;
        if (revokedPresent)
        {
            try
            {
                entries = Entries(tbs.ReadSequence(), out truncated);
            }
            catch (Exception e) when (CertificateDetailsParser.IsDecodeError(e))
            {
                CertificateDetailsParser.Mark(ref malformed, "revokedCertificates");
            }
        }
        var extensionsPresent = tbs.NextIs(Context0);
        IReadOnlyList<ExtensionInfo> extensions = [];
        if (extensionsPresent)
        {
            try
            {
                extensions = CertificateParser.ReadExtensions(tbs.ReadSequence(Context0));
            }
            catch (Exception e) when (CertificateDetailsParser.IsDecodeError(e))
            {
                CertificateDetailsParser.Mark(ref malformed, "extensions");
            }
        }
        return new CrlDetails
        {
            VersionPresent = versionPresent,
            Version = version,
            TbsSignature = tbsSignature,
            OuterSignature = outer,
            IssuerAttributes = issuer.Attributes,
            IssuerRdns = issuer.Rdns,
            ThisUpdate = thisUpdate,
            NextUpdate = nextUpdate,
            RevokedPresent = revokedPresent,
            Entries = entries,
            EntriesTruncated = truncated,
            ExtensionsPresent = extensionsPresent,
            Extensions = extensions,
            Malformed = malformed is null ? [] : malformed,
        };
    }

    private static long? Skip(ref AsnCursor reader)
    {
        reader.ReadEncodedValue();
        return null;
    }

    private static List<CrlEntryDetails> Entries(AsnCursor entries, out bool truncated)
    {
        var list = new List<CrlEntryDetails>();
        while (entries.HasData)
        {
            if (list.Count == CrlDetails.MaxEntries)
            {
                truncated = true;
                return list;
            }
            list.Add(Entry(entries.ReadEncodedValue()));
        }
        truncated = false;
        return list;
    }

    /// <summary>One entry; an entry that does not decode is kept, marked malformed, so the count stays right.</summary>
    private static CrlEntryDetails Entry(ReadOnlyMemory<byte> encoded)
    {
        var serial = ReadOnlyMemory<byte>.Empty;
        TimeDetails? date = null;
        DateTimeOffset? time = null;
        try
        {
            var entry = new AsnCursor(encoded).ReadSequence();
            serial = CertificateDetailsParser.IntegerContent(ref entry);
            time = TimeValue(entry);
            date = CertificateDetailsParser.Time(ref entry);
            if (!entry.HasData) return new CrlEntryDetails { SerialContent = serial, RevocationDate = date, RevocationTime = time };
            var extensions = CertificateParser.ReadExtensions(entry);
            long? reason = null;
            TimeDetails? invalidity = null;
            var malformed = false;
            foreach (var ext in extensions)
            {
                try
                {
                    if (ext.Oid == ReasonCode && reason is null) reason = ReadReason(ext.Value);
                    else if (ext.Oid == InvalidityDate && invalidity is null)
                    {
                        var value = new AsnCursor(ext.Value);
                        invalidity = CertificateDetailsParser.Time(ref value);
                    }
                }
                catch (Exception e) when (CertificateDetailsParser.IsDecodeError(e))
                {
                    malformed = true;
                }
            }
            return new CrlEntryDetails
            {
                SerialContent = serial, RevocationDate = date, RevocationTime = time, ExtensionsPresent = true, Extensions = extensions,
                ReasonCode = reason, InvalidityDate = invalidity, Malformed = malformed,
            };
        }
        catch (Exception e) when (CertificateDetailsParser.IsDecodeError(e))
        {
            return new CrlEntryDetails { SerialContent = serial, RevocationDate = date, RevocationTime = time, Malformed = true };
        }
    }

    /// <summary>The time value at <paramref name="reader"/> (a copy: the caller reads the encoding facts after), or null.</summary>
    private static DateTimeOffset? TimeValue(AsnCursor reader)
    {
        try
        {
            return CertificateParser.ReadTime(ref reader);
        }
        catch (Exception e) when (CertificateDetailsParser.IsDecodeError(e))
        {
            return null;
        }
    }

    /// <summary>CRLReason ::= ENUMERATED; a value beyond 64 bits reads as long.MaxValue (no such reason exists).</summary>
    private static long ReadReason(ReadOnlyMemory<byte> value)
    {
        var reader = new AsnReader(value, AsnEncodingRules.BER);
        var bytes = reader.ReadEnumeratedBytes().Span;
        reader.ThrowIfNotEmpty();
        if (bytes.Length > 8) return long.MaxValue;
        long n = (sbyte)bytes[0];
        for (var i = 1; i < bytes.Length; i++) n = (n << 8) | bytes[i];
        return n;
    }
}
