using System.Formats.Asn1;

namespace CertLint.Parsing;

/// <summary>
/// The SCTs of a SignedCertificateTimestampList extension (RFC 6962 §3.3: an OCTET STRING holding a TLS vector of
/// length-prefixed SerializedSCTs, each version(1) logID(32) timestamp(8, ms since the epoch) extensions&lt;0..2^16-1&gt;
/// hash(1) signature algorithm(1) signature&lt;0..2^16-1&gt;). One walk for every field that needs them: how many logs,
/// when they were logged, and whether the list is well formed at all.
/// </summary>
internal static class SignedCertificateTimestamps
{
    public readonly record struct Sct(string LogId, long TimestampMs);

    /// <summary>The SCTs read (null when the list cannot be read at all), and whether the whole value follows
    /// RFC 6962's encoding exactly.</summary>
    public readonly record struct Decoded(Sct[]? Scts, bool WellFormed);

    /// <summary>Version, log ID and timestamp: what the fields read from each SCT.</summary>
    private const int Head = 1 + 32 + 8;

    /// <summary>The SCTs in list order; null when the list cannot be read (too short, an SCT cut off or too short
    /// for its log ID and timestamp). Lenient on purpose: a list with trailing octets or a wrong outer length still
    /// gives its SCTs, and <c>sct-list-malformed</c> reports the encoding once.</summary>
    public static Sct[]? Read(ReadOnlyMemory<byte> extensionValue) => Decode(extensionValue).Scts;

    public static Decoded Decode(ReadOnlyMemory<byte> extensionValue)
    {
        // DER first; a BER wrapper (constructed, long-form length) or octets after it still gives its SCTs.
        var list = ReadOctets(extensionValue, AsnEncodingRules.DER, out var derWrapper)
            ?? ReadOctets(extensionValue, AsnEncodingRules.BER, out _);
        if (list is null || list.Length < 2) return new(null, false);
        var declared = (list[0] << 8) | list[1];
        var end = Math.Min(list.Length, 2 + declared);
        var strict = derWrapper && 2 + declared == list.Length;
        var scts = new List<Sct>();
        // Each step moves past a 2-octet length and at least 41 octets, so the walk ends within the list.
        var at = 2;
        while (at + 2 <= end)
        {
            var length = (list[at] << 8) | list[at + 1];
            at += 2;
            if (length < Head || at + length > end) return new(null, false);
            var time = 0L;
            for (var i = 0; i < 8; i++) time = (time << 8) | list[at + 33 + i];
            scts.Add(new Sct(Hex.Upper(list.AsSpan(at + 1, 32)), time));
            strict &= SctBodyExact(list.AsSpan(at, length));
            at += length;
        }
        strict &= at == end;
        return new([.. scts], strict);
    }

    /// <summary>After the head: extensions&lt;0..2^16-1&gt;, hash and signature algorithm, signature&lt;0..2^16-1&gt;,
    /// ending exactly where the SerializedSCT's length says.</summary>
    private static bool SctBodyExact(ReadOnlySpan<byte> sct)
    {
        var at = Head;
        if (!SkipVector(sct, ref at)) return false;
        at += 2;
        if (at > sct.Length || !SkipVector(sct, ref at)) return false;
        return at == sct.Length;
    }

    private static bool SkipVector(ReadOnlySpan<byte> data, ref int at)
    {
        if (at + 2 > data.Length) return false;
        at += 2 + ((data[at] << 8) | data[at + 1]);
        return at <= data.Length;
    }

    /// <summary>The OCTET STRING under <paramref name="rules"/>; <paramref name="alone"/> when nothing follows it.</summary>
    private static byte[]? ReadOctets(ReadOnlyMemory<byte> value, AsnEncodingRules rules, out bool alone)
    {
        alone = false;
        try
        {
            var reader = new AsnReader(value, rules);
            var octets = reader.ReadOctetString();
            alone = !reader.HasData;
            return octets;
        }
        catch (AsnContentException)
        {
            return null;
        }
    }
}
