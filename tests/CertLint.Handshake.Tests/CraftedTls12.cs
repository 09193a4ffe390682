using System.Buffers.Binary;

namespace CertLint.Handshake.Tests;

/// <summary>
/// Plaintext TLS 1.2 handshake messages built byte by byte (RFC 5246 §7.4), for servers no TLS library can be made to
/// be: a static-RSA ServerHello needs no ServerKeyExchange, so Certificate, CertificateStatus and CertificateRequest
/// reach the client unsigned and unencrypted, with whatever content the test puts in them.
/// </summary>
internal static class CraftedTls12
{
    /// <summary>TLS_RSA_WITH_AES_128_GCM_SHA256, which the probe offers.</summary>
    private const ushort StaticRsaSuite = 0x009C;

    /// <summary>One handshake record (type 22) holding <paramref name="messages"/>; records of at most 16 KB each.</summary>
    public static byte[] Records(params byte[][] messages)
    {
        var all = messages.SelectMany(m => m).ToArray();
        var output = new List<byte>();
        for (var at = 0; at < all.Length; at += 16_384)
        {
            var part = all.AsSpan(at, Math.Min(16_384, all.Length - at));
            output.AddRange([22, 3, 3, (byte)(part.Length >> 8), (byte)part.Length]);
            output.AddRange(part.ToArray());
        }
        return [.. output];
    }

    public static byte[] ServerHello(bool statusRequest)
    {
        var body = new List<byte> { 3, 3 };
        body.AddRange(Enumerable.Range(1, 32).Select(i => (byte)i));            // random (not a downgrade sentinel)
        body.Add(0);                                                            // no session id
        body.AddRange([StaticRsaSuite >> 8, StaticRsaSuite & 0xFF, 0]);         // suite, no compression
        List<byte> extensions = [0xFF, 0x01, 0, 1, 0, 0x00, 0x17, 0, 0];      // renegotiation_info, extended_master_secret
        if (statusRequest) extensions.AddRange([0, 5, 0, 0]);
        body.AddRange(Length(2, extensions.Count));
        body.AddRange(extensions);
        return Message(2, [.. body]);
    }

    public static byte[] Certificate(params byte[][] certificates) =>
        Message(11, Vector(3, certificates.SelectMany(c => Vector(3, c)).ToArray()));

    /// <summary>CertificateStatus (RFC 6066 §8): status_type ocsp, then the OCSPResponse bytes.</summary>
    public static byte[] CertificateStatus(byte[] ocspResponse) => Message(22, [1, .. Vector(3, ocspResponse)]);

    /// <summary>CertificateRequest: rsa_sign and ecdsa_sign, rsa_pkcs1_sha256 and ecdsa_secp256r1_sha256, the given names (DER or not).</summary>
    public static byte[] CertificateRequest(params byte[][] names) =>
        Message(13, [2, 1, 64, .. Vector(2, [4, 1, 4, 3]), .. Vector(2, names.SelectMany(n => Vector(2, n)).ToArray())]);

    public static byte[] ServerHelloDone() => Message(14, []);

    /// <summary>A DER SEQUENCE nested <paramref name="depth"/> times (lengths in 3 bytes), innermost empty.</summary>
    public static byte[] Nested(int depth)
    {
        var output = new byte[depth * 5 + 2];
        for (var d = 0; d < depth; d++)
        {
            var length = (depth - d - 1) * 5 + 2;
            output[d * 5] = 0x30;
            output[d * 5 + 1] = 0x83;
            output[d * 5 + 2] = (byte)(length >> 16);
            output[d * 5 + 3] = (byte)(length >> 8);
            output[d * 5 + 4] = (byte)length;
        }
        output[^2] = 0x30;
        return output;
    }

    private static byte[] Message(byte type, byte[] body) => [type, .. Length(3, body.Length), .. body];

    private static byte[] Vector(int lengthBytes, byte[] content) => [.. Length(lengthBytes, content.Length), .. content];

    private static byte[] Length(int bytes, int value)
    {
        Span<byte> four = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(four, value);
        return four[(4 - bytes)..].ToArray();
    }
}
