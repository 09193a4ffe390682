using System.Buffers.Binary;
using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Text;

namespace CertLint.Cli.Tests.Configurations;

/// <summary>
/// Writes Java JCEKS keystores at test time from the format itself (the JDK's JceKeyStore layout; no JDK on the test
/// machine): magic 0xCECECECE, version 2, the entries (1 private key: the protected key and its certificate chain;
/// 2 trusted certificate), then SHA-1 over the password's UTF-16BE bytes, "Mighty Aphrodite" and all bytes before it.
/// The private key is a stand-in EncryptedPrivateKeyInfo under Sun's PBEWithMD5AndTripleDES OID: CertLint never opens
/// it, so its ciphertext is random.
/// </summary>
internal static class JceksFixture
{
    public static byte[] Write(string password, IReadOnlyList<byte[]> trusted, IReadOnlyList<byte[]>? keyChain = null)
    {
        using var data = new MemoryStream();
        U32(data, 0xCECECECE);
        U32(data, 2);
        U32(data, (uint)(trusted.Count + (keyChain is null ? 0 : 1)));
        if (keyChain is not null)
        {
            U32(data, 1);
            Utf(data, "server");
            I64(data, 1_735_689_600_000);
            var sealedKey = SealedKey();
            U32(data, (uint)sealedKey.Length);
            data.Write(sealedKey);
            U32(data, (uint)keyChain.Count);
            foreach (var der in keyChain) Certificate(data, der);
        }
        for (var i = 0; i < trusted.Count; i++)
        {
            U32(data, 2);
            Utf(data, $"ca{i}");
            I64(data, 1_735_689_600_000);
            Certificate(data, trusted[i]);
        }
        var body = data.ToArray();
        var salted = Encoding.BigEndianUnicode.GetBytes(password).Concat(Encoding.UTF8.GetBytes("Mighty Aphrodite")).Concat(body).ToArray();
        return [.. body, .. SHA1.HashData(salted)];
    }

    /// <summary>The DER of the (first) certificate of a PEM file.</summary>
    public static byte[] Der(string pemPath)
    {
        var text = File.ReadAllText(pemPath);
        return Convert.FromBase64String(text[PemEncoding.Find(text).Base64Data]);
    }

    private static byte[] SealedKey()
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            using (w.PushSequence())
            {
                w.WriteObjectIdentifier("1.3.6.1.4.1.42.2.19.1"); // PBEWithMD5AndTripleDES (Sun's KeyProtector)
                using (w.PushSequence())
                {
                    w.WriteOctetString(RandomNumberGenerator.GetBytes(8));
                    w.WriteInteger(200_000);
                }
            }
            w.WriteOctetString(RandomNumberGenerator.GetBytes(1224));
        }
        return w.Encode();
    }

    private static void Certificate(Stream s, byte[] der)
    {
        Utf(s, "X.509");
        U32(s, (uint)der.Length);
        s.Write(der);
    }

    private static void U32(Stream s, uint v)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(b, v);
        s.Write(b);
    }

    private static void I64(Stream s, long v)
    {
        Span<byte> b = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(b, v);
        s.Write(b);
    }

    /// <summary>Java's writeUTF: a 2-byte length and modified UTF-8 (plain UTF-8 for these ASCII names).</summary>
    private static void Utf(Stream s, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Span<byte> b = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(b, (ushort)bytes.Length);
        s.Write(b);
        s.Write(bytes);
    }
}
