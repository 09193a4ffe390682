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
    /// <summary>One SCT: its version octet, log ID, timestamp, and the TLS HashAlgorithm and SignatureAlgorithm of its
    /// DigitallySigned (RFC 5246 §7.4.1.4.1; -1 when the SCT's body does not reach them exactly).</summary>
    public readonly record struct Sct(int Version, string LogId, long TimestampMs, int Hash, int Signature);

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
            var exact = SctBodyExact(list.AsSpan(at, length), out var hash, out var signature);
            scts.Add(new Sct(list[at], Hex.Upper(list.AsSpan(at + 1, 32)), time, hash, signature));
            strict &= exact;
            at += length;
        }
        strict &= at == end;
        return new([.. scts], strict);
    }

    /// <summary>After the head: extensions&lt;0..2^16-1&gt;, hash and signature algorithm, signature&lt;0..2^16-1&gt;,
    /// ending exactly where the SerializedSCT's length says; the two algorithm octets when it does.</summary>
    private static bool SctBodyExact(ReadOnlySpan<byte> sct, out int hash, out int signature)
    {
        hash = signature = -1;
        var at = Head;
        if (!SkipVector(sct, ref at)) return false;
        if (at + 2 > sct.Length) return false;
        var algorithms = at;
        at += 2;
        if (!SkipVector(sct, ref at) || at != sct.Length) return false;
        hash = sct[algorithms];
        signature = sct[algorithms + 1];
        return true;
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
