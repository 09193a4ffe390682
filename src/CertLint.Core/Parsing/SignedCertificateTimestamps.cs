using System.Formats.Asn1;

namespace CertLint.Parsing;

/// <summary>
/// The SCTs of a SignedCertificateTimestampList extension (RFC 6962 §3.3: an OCTET STRING holding a TLS vector of
/// length-prefixed SerializedSCTs, each version(1) logID(32) timestamp(8, ms since the epoch) ...). One reader for
/// every field that needs them (how many logs, when they were logged).
/// </summary>
internal static class SignedCertificateTimestamps
{
    public readonly record struct Sct(string LogId, long TimestampMs);

    /// <summary>The SCTs in list order; null when the list cannot be read (too short, an SCT cut off or too short
    /// for its log ID and timestamp).</summary>
    public static Sct[]? Read(ReadOnlyMemory<byte> extensionValue)
    {
        byte[] list;
        try
        {
            list = new AsnReader(extensionValue, AsnEncodingRules.BER).ReadOctetString();
        }
        catch (AsnContentException)
        {
            return null;
        }
        if (list.Length < 2) return null;
        var end = Math.Min(list.Length, 2 + ((list[0] << 8) | list[1]));
        var scts = new List<Sct>();
        // Each step moves past a 2-octet length and at least 41 octets, so the walk ends within the list.
        for (var at = 2; at + 2 <= end;)
        {
            var length = (list[at] << 8) | list[at + 1];
            at += 2;
            if (length < 41 || at + length > end) return null;
            var time = 0L;
            for (var i = 0; i < 8; i++) time = (time << 8) | list[at + 33 + i];
            scts.Add(new Sct(Hex.Upper(list.AsSpan(at + 1, 32)), time));
            at += length;
        }
        return [.. scts];
    }
}
