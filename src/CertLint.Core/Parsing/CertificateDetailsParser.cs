using System.Formats.Asn1;
using CertLint.Model;

namespace CertLint.Parsing;

/// <summary>
/// Decodes <see cref="CertificateDetails"/> from a parsed certificate's DER, tolerantly (BER): each part that fails is
/// recorded as malformed and the walk goes on, so one odd extension never hides the certificate from other rules.
/// </summary>
internal static class CertificateDetailsParser
{
    private static readonly Asn1Tag Context0 = new(TagClass.ContextSpecific, 0, isConstructed: true);
    private static readonly Asn1Tag Context1 = new(TagClass.ContextSpecific, 1);
    private static readonly Asn1Tag Context2 = new(TagClass.ContextSpecific, 2);
    private static readonly Asn1Tag Context3 = new(TagClass.ContextSpecific, 3, isConstructed: true);

    /// <summary>AlgorithmIdentifiers by their DER: a handful of distinct ones serve every certificate of a scan.</summary>
    private static readonly BytesCache<AlgorithmDetails> Algorithms = new(maxEntries: 256, maxKeyLength: 1024);

    /// <summary>Validity times by their encoding: certificates issued in one batch share their dates.</summary>
    private static readonly BytesCache<TimeDetails> Times = new(maxEntries: 1024, maxKeyLength: 32);

    /// <summary>Never throws: a certificate whose structure defeats the walk is one malformed `certificate` part.</summary>
    public static CertificateDetails ParseSafely(CertificateInfo cert)
    {
        try
        {
            return Parse(cert);
        }
        catch (Exception e) when (IsDecodeError(e))
        {
            return new CertificateDetails { Malformed = ["certificate"] };
        }
    }

    // Each part is read inside its own try (no closures: this runs for every certificate with the profile packs on);
    // a part that fails is named in `malformed` once, and the walk goes on from wherever the reader stopped.
    public static CertificateDetails Parse(CertificateInfo cert)
    {
        List<string>? malformed = null;
        var certificate = new AsnCursor(cert.Raw).ReadSequence();
        var tbs = certificate.ReadSequence();
        var outer = TryAlgorithm(ref certificate, ref malformed, "signature");
        var versionExplicit = tbs.NextIs(Context0);
        if (versionExplicit) tbs.ReadEncodedValue();
        var serial = IntegerContent(ref tbs);
        var tbsSignature = TryAlgorithm(ref tbs, ref malformed, "tbsSignature");
        var issuerName = tbs.ReadEncodedValue();
        var validity = tbs.ReadSequence();
        var notBefore = TryTime(ref validity, ref malformed, "validity.notBefore");
        var notAfter = TryTime(ref validity, ref malformed, "validity.notAfter");
        var subjectName = tbs.ReadEncodedValue();
        var spki = tbs.ReadSequence();
        var keyAlgorithm = TryAlgorithm(ref spki, ref malformed, "key");
        var keyBits = ReadOnlyMemory<byte>.Empty;
        System.Numerics.BigInteger? exponent = null;
        bool? modulusNegative = null;
        DsaKeyDetails? dsa = null;
        try
        {
            keyBits = spki.ReadEncodedValue();
        }
        catch (Exception e) when (IsDecodeError(e))
        {
            Mark(ref malformed, "key");
        }
        try
        {
            if (cert.PublicKey.Algorithm == KeyAlgorithm.Rsa)
            {
                exponent = KeyNumbersParser.RsaExponent(keyBits);
                modulusNegative = KeyNumbersParser.RsaModulusNegative(keyBits);
            }
        }
        catch (Exception e) when (IsDecodeError(e))
        {
            Mark(ref malformed, "key");
        }
        try
        {
            if (cert.PublicKey.Algorithm == KeyAlgorithm.Dsa) dsa = KeyNumbersParser.Dsa(keyAlgorithm, keyBits);
        }
        catch (Exception e) when (IsDecodeError(e))
        {
            Mark(ref malformed, "key");
        }
        var issuerUid = tbs.NextIs(Context1);
        if (issuerUid) tbs.ReadEncodedValue();
        var subjectUid = tbs.NextIs(Context2);
        if (subjectUid) tbs.ReadEncodedValue();

        (IReadOnlyList<NameAttribute> Attributes, int Rdns) subject = ([], 0), issuer = ([], 0);
        try
        {
            subject = NameDetails.Read(subjectName);
        }
        catch (Exception e) when (IsDecodeError(e))
        {
            Mark(ref malformed, "subject");
        }
        try
        {
            issuer = NameDetails.ReadIssuer(issuerName);
        }
        catch (Exception e) when (IsDecodeError(e))
        {
            Mark(ref malformed, "issuerName");
        }
        return new CertificateDetails
        {
            VersionExplicit = versionExplicit,
            SerialContent = serial,
            TbsSignature = tbsSignature,
            OuterSignature = outer,
            NotBefore = notBefore,
            NotAfter = notAfter,
            SubjectAttributes = subject.Attributes,
            IssuerAttributes = issuer.Attributes,
            SubjectRdns = subject.Rdns,
            IssuerRdns = issuer.Rdns,
            KeyAlgorithm = keyAlgorithm,
            RsaExponent = exponent is { } big && big >= long.MinValue && big <= long.MaxValue ? (long)big : null,
            RsaExponentValue = exponent,
            RsaModulusNegative = modulusNegative,
            Dsa = dsa,
            IssuerUniqueId = issuerUid,
            SubjectUniqueId = subjectUid,
            ExtensionValues = DecodeExtensions(cert.Extensions, ref malformed),
            Malformed = (IReadOnlyList<string>?)malformed ?? [],
        };
    }

    /// <summary>
    /// The first decodable occurrence of each known extension, in certificate order. An occurrence that fails is named
    /// malformed and the next one of the same OID is tried; once one decodes, later duplicates are not read.
    /// </summary>
    private static CertificateDetails.ExtensionValue[] DecodeExtensions(IReadOnlyList<ExtensionInfo> extensions, ref List<string>? malformed)
    {
        CertificateDetails.ExtensionValue[]? decoded = null;
        var count = 0;
        for (var i = 0; i < extensions.Count; i++)
        {
            var ext = extensions[i];
            if (CertificateDetails.Find(decoded, count, ext.Oid) is not null) continue;
            try
            {
                if (ExtensionDetailsDecoder.Decode(ext) is not { } value) continue;
                decoded ??= new CertificateDetails.ExtensionValue[extensions.Count];
                decoded[count++] = new(ext.Oid, value);
            }
            catch (Exception e) when (IsDecodeError(e))
            {
                (malformed ??= []).Add(ext.Oid);
            }
        }
        return decoded is null ? [] : count == decoded.Length ? decoded : decoded[..count];
    }

    internal static bool IsDecodeError(Exception e) =>
        e is AsnContentException or ArgumentException or FormatException or OverflowException or InvalidOperationException;

    internal static void Mark(ref List<string>? malformed, string part)
    {
        if (malformed?.Contains(part) != true) (malformed ??= []).Add(part);
    }

    private delegate T PartReader<out T>(ref AsnCursor reader);

    internal static AlgorithmDetails? TryAlgorithm(ref AsnCursor reader, ref List<string>? malformed, string part) =>
        TryRead(ref reader, ref malformed, part, Algorithm);

    internal static TimeDetails? TryTime(ref AsnCursor reader, ref List<string>? malformed, string part) =>
        TryRead(ref reader, ref malformed, part, Time);

    /// <summary>One part through <paramref name="read"/> (a static method group: its delegate is cached, no closure).</summary>
    private static T? TryRead<T>(ref AsnCursor reader, ref List<string>? malformed, string part, PartReader<T> read) where T : class
    {
        try
        {
            return read(ref reader);
        }
        catch (Exception e) when (IsDecodeError(e))
        {
            Mark(ref malformed, part);
            return null;
        }
    }

    /// <summary>The content octets of the next INTEGER, without the minimal-encoding check AsnReader enforces.</summary>
    internal static ReadOnlyMemory<byte> IntegerContent(ref AsnCursor reader)
    {
        var encoded = reader.ReadEncodedValue();
        if (!Asn1Tag.Decode(encoded.Span, out _).HasSameClassAndValue(Asn1Tag.Integer)) throw new AsnContentException("expected an INTEGER");
        return AsnCursor.Content(encoded);
    }

    /// <summary>An AlgorithmIdentifier: its OID, parameter state and DER. A function of its DER, so shared through <see cref="Algorithms"/>.</summary>
    internal static AlgorithmDetails Algorithm(ref AsnCursor reader)
    {
        var der = reader.PeekEncodedValue();
        var sequence = reader.ReadSequence();
        if (Algorithms.TryGet(der.Span, out var known)) return known;
        var oid = sequence.ReadObjectIdentifier();
        var parameters = sequence.HasData ? sequence.ReadEncodedValue() : ReadOnlyMemory<byte>.Empty;
        var state = parameters.IsEmpty ? "absent" : parameters.Span.SequenceEqual((ReadOnlySpan<byte>)[5, 0]) ? "null" : "present";
        return Algorithms.Add(der.Span, new AlgorithmDetails(oid, state, Hex.Upper(parameters.Span), Hex.Upper(der.Span)));
    }

    internal static TimeDetails Time(ref AsnCursor reader)
    {
        var tag = reader.PeekTag();
        var utc = tag.HasSameClassAndValue(Asn1Tag.UtcTime);
        if (!utc && !tag.HasSameClassAndValue(Asn1Tag.GeneralizedTime)) throw new AsnContentException("not a Time");
        var encoded = reader.ReadEncodedValue();
        return Times.TryGet(encoded.Span, out var known) ? known : Times.Add(encoded.Span, Time(encoded, utc));
    }

    private static TimeDetails Time(ReadOnlyMemory<byte> encoded, bool utc)
    {
        var raw = System.Text.Encoding.ASCII.GetString(AsnCursor.Content(encoded).Span);
        var der = raw.EndsWith('Z') && (utc ? raw.Length == 13 : raw.Length == 15) && !raw.AsSpan(0, raw.Length - 1).ContainsAnyExceptInRange('0', '9');
        return new TimeDetails(utc ? "utcTime" : "generalizedTime", raw, der);
    }
}
