using System.Formats.Asn1;
using System.Globalization;
using System.Text;
using CertLint.Model;
using CertLint.Parsing;
using static CertLint.Rules.Fields.FieldCatalog;
using T = CertLint.Rules.Fields.FieldType;

namespace CertLint.Rules.Fields;

/// <summary>
/// Encoding facts the rfc5280 pack needs beyond the decoded model: how a value was written (explicit DEFAULT values,
/// unused bits, empty sequences) and checks a pattern cannot make (Punycode, NFC, the keyUsage/EKU tables).
/// Each reads the raw extension value; an undecodable value makes the field absent, so the rule does not apply.
/// </summary>
internal static class Rfc5280Fields
{
    public static IEnumerable<FieldDefinition> Define()
    {
        yield return Cert("basicConstraints.caExplicitFalse", T.Boolean, "basicConstraints encodes cA BOOLEAN FALSE (a DEFAULT value DER leaves out)",
            c => Value(c, "2.5.29.19") is { } v ? BasicConstraintsExplicitFalse(v) : null);
        yield return Cert("extensions.explicitNonCritical", T.List, "OIDs of extensions that encode critical BOOLEAN FALSE (DER leaves it out)",
            c => ExplicitNonCritical(c.TbsRaw));
        yield return Cert("extensions.emptySequence", T.List, "OIDs of extensions whose value is an empty SEQUENCE",
            c => EmptySequences(c.Extensions));
        yield return Cert("keyUsage.unusedBits", T.Integer, "keyUsage BIT STRING: the declared number of unused bits",
            c => KeyUsageOctets(c) is { } ku ? (long)ku.Span[0] : null);
        yield return Cert("keyUsage.trailingZeroBits", T.Integer, "keyUsage BIT STRING: the number of trailing zero bits of its value",
            c => KeyUsageOctets(c) is { } ku ? TrailingZeroBits(ku.Span[1..]) : null);
        yield return Cert("keyUsage.lastOctetZero", T.Boolean, "keyUsage BIT STRING ends with a superfluous 00 octet",
            c => KeyUsageOctets(c) is { } ku ? ku.Span[^1] == 0 : null);
        yield return Cert("keyUsage.consistentWithEku", T.Boolean, "keyUsage bits are a combination RFC 5280 §4.2.1.12 allows for the extended key usages",
            c => c.KeyUsage is { } ku && c.ExtendedKeyUsage is { } eku ? KeyUsageEkuTable.Consistent(ku, eku) : null);
        yield return Cert("sct.listLength", T.Integer, "SignedCertificateTimestampList: the length of the SCT list in octets",
            c => Value(c, "1.3.6.1.4.1.11129.2.4.2") is { } v ? SctListLength(v) : null);
        yield return Cert("sct.logs", T.Integer, "SignedCertificateTimestampList: how many distinct log IDs its SCTs carry (0 without the extension; absent when the list cannot be read)",
            c => Value(c, "1.3.6.1.4.1.11129.2.4.2") is { } v ? SctLogs(v) : 0);
        yield return Cert("sct.wellFormed", T.Boolean,
            "SignedCertificateTimestampList: the extension value is a DER OCTET STRING holding exactly the TLS structure of RFC 6962 §3.3 (outer length, every SerializedSCT's length, extensions and signature vectors; absent without the extension)",
            c => Value(c, "1.3.6.1.4.1.11129.2.4.2") is { } v ? SignedCertificateTimestamps.Decode(v).WellFormed : null);
        yield return Cert("sct.notV1", T.Integer,
            "SignedCertificateTimestampList: how many SCTs have a version other than v1 (0), the only version RFC 6962 §3.2 defines for this extension; absent without the extension or when the list cannot be read",
            c => Value(c, "1.3.6.1.4.1.11129.2.4.2") is { } v && SignedCertificateTimestamps.Read(v) is { } scts ? scts.Count(t => t.Version != 0) : null);
        yield return Cert("sct.badSignatureAlgorithms", T.List,
            "SignedCertificateTimestampList: the hash/signature algorithm pairs (TLS names, e.g. none/anonymous) of v1 SCTs not signed with SHA-256 and RSA or ECDSA, as RFC 6962 §2.1.4 requires, each once; empty without the extension",
            c => Value(c, "1.3.6.1.4.1.11129.2.4.2") is { } v ? SctAlgorithms.Bad(SignedCertificateTimestamps.Read(v)) : []);
        yield return Cert("sct.maxDelayMs", T.Integer,
            "SignedCertificateTimestampList: the latest SCT timestamp minus notBefore, in milliseconds (how long before logging the certificate says it was valid; BR §7.1.2.7 allows 48 hours); absent without SCTs or when the list cannot be read",
            c => Value(c, "1.3.6.1.4.1.11129.2.4.2") is { } v ? MaxDelayMs(v, c.NotBefore) : null);
        yield return Cert("san.dns.duplicates", T.List, "SAN dNSNames that occur more than once, compared ignoring case (each listed once, as first written)",
            c => c.SubjectAltNames is { } s ? ExtensionFields.Repeated(s.Dns, static n => n, StringComparison.OrdinalIgnoreCase) : null);
        yield return Cert("san.dns.idnInvalid", T.List, "SAN DNS names with an xn-- label that is not valid Punycode",
            c => c.SubjectAltNames is { } s ? WithALabel(s.Dns, static l => Idn.Unicode(l) is null) : null);
        yield return Cert("san.dns.idnNotNfc", T.List, "SAN DNS names with an xn-- label whose Unicode form is not NFC",
            c => c.SubjectAltNames is { } s ? WithALabel(s.Dns, static l => Idn.Unicode(l) is { } u && !u.IsNormalized(NormalizationForm.FormC)) : null);
        yield return Cert("policies.explicitTextNotNfc", T.List, "user notice explicitText values (UTF8String, BMPString) not in Unicode NFC",
            c => Value(c, "2.5.29.32") is { } v ? PolicyTexts.NotNfc(v) : null);
    }

    private static ReadOnlyMemory<byte>? Value(CertificateInfo c, string oid) => ExtensionFields.Find(c, oid)?.Value;

    private static bool? BasicConstraintsExplicitFalse(ReadOnlyMemory<byte> value)
    {
        try
        {
            var seq = new Parsing.AsnCursor(value).ReadSequence();
            if (!seq.NextIs(Asn1Tag.Boolean)) return false;
            return !seq.ReadBoolean();
        }
        catch (AsnContentException)
        {
            return null;
        }
    }

    private static string[]? ExplicitNonCritical(ReadOnlyMemory<byte> tbs)
    {
        try
        {
            // A struct cursor, not AsnReader: this walks every certificate's extensions, and each nested AsnReader was an object.
            var t = new Parsing.AsnCursor(tbs).ReadSequence();
            List<string>? found = null;
            while (t.HasData)
            {
                var tag = t.PeekTag();
                if (!tag.HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 3)))
                {
                    t.ReadEncodedValue();
                    continue;
                }
                var list = t.ReadSequence(tag).ReadSequence();
                while (list.HasData)
                {
                    var ext = list.ReadSequence();
                    var oid = ext.ReadObjectIdentifier();
                    if (ext.NextIs(Asn1Tag.Boolean) && !ext.ReadBoolean()) (found ??= []).Add(oid);
                }
            }
            return found is null ? [] : [.. found];
        }
        catch (AsnContentException)
        {
            return null;
        }
    }

    /// <summary>The keyUsage BIT STRING contents (unused-bits octet first) when it has at least one value octet.</summary>
    private static ReadOnlyMemory<byte>? KeyUsageOctets(CertificateInfo c)
    {
        if (Value(c, "2.5.29.15") is not { } v) return null;
        var span = v.Span;
        if (span.Length < 4 || span[0] != 0x03 || span[1] != span.Length - 2) return null;
        return v[2..];
    }

    private static long TrailingZeroBits(ReadOnlySpan<byte> octets)
    {
        long zeros = 0;
        for (var i = octets.Length - 1; i >= 0; i--)
        {
            if (octets[i] == 0)
            {
                zeros += 8;
                continue;
            }
            return zeros + System.Numerics.BitOperations.TrailingZeroCount(octets[i]);
        }
        return 0; // an all-zero value has no set bit: zlint's big.Int of 0 counts no trailing zeros
    }

    /// <summary>Distinct log IDs in an RFC 6962 §3.3 SignedCertificateTimestampList: each SerializedSCT is a 2-octet
    /// length and an SCT whose first octet is its version and the next 32 its log ID.</summary>
    private static long? SctLogs(ReadOnlyMemory<byte> value)
    {
        if (SignedCertificateTimestamps.Read(value) is not { } scts) return null;
        var logs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sct in scts) logs.Add(sct.LogId);
        return logs.Count;
    }

    private static long? MaxDelayMs(ReadOnlyMemory<byte> value, DateTimeOffset notBefore)
    {
        if (SignedCertificateTimestamps.Read(value) is not { Length: > 0 } scts) return null;
        var latest = scts.Max(s => s.TimestampMs);
        return latest - notBefore.ToUnixTimeMilliseconds();
    }

    private static long? SctListLength(ReadOnlyMemory<byte> value)
    {
        try
        {
            var list = new AsnReader(value, AsnEncodingRules.BER).ReadOctetString();
            return list.Length < 2 ? null : (list[0] << 8) | list[1];
        }
        catch (AsnContentException)
        {
            return null;
        }
    }

    /// <summary>The names with an xn-- label (any case) that <paramref name="bad"/> holds for. Nearly no name has one:
    /// those are answered without splitting the name or allocating.</summary>
    private static string[] WithALabel(IReadOnlyList<string> names, Func<string, bool> bad)
    {
        List<string>? found = null;
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i];
            if (!name.Contains("xn--", StringComparison.OrdinalIgnoreCase)) continue;
            foreach (var label in name.Split('.'))
            {
                if (!label.StartsWith("xn--", StringComparison.OrdinalIgnoreCase) || !bad(label)) continue;
                (found ??= []).Add(name);
                break;
            }
        }
        return found is null ? [] : [.. found];
    }

    private static string[] EmptySequences(IReadOnlyList<ExtensionInfo> extensions)
    {
        List<string>? found = null;
        for (var i = 0; i < extensions.Count; i++)
        {
            var e = extensions[i];
            if (e.Value.Span.SequenceEqual((ReadOnlySpan<byte>)[0x30, 0x00]) && !(found?.Contains(e.Oid) ?? false)) (found ??= []).Add(e.Oid);
        }
        return found is null ? [] : [.. found];
    }
}
