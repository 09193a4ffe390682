using System.Formats.Asn1;
using System.Numerics;

namespace CertLint.Parsing;

/// <summary>
/// Re-encodes the private key of an unencrypted OpenSSH private section (OpenSSH's sshkey_private_serialize layouts)
/// as the structure CertLint already derives public keys from and audits: RSAPrivateKey (PKCS#1), ECPrivateKey (SEC 1)
/// or PKCS#8. The caller zeroes the returned bytes; the numbers read here live only on this stack.
/// </summary>
internal static class SshPrivateKey
{
    public enum Kind { Pkcs1, Sec1, Pkcs8 }

    /// <summary>
    /// Reads the key fields that follow <paramref name="type"/>; returns null DER for a security key (no private
    /// number in the file). Throws for a type whose layout is unknown: the caller checks <see cref="Knows"/> first.
    /// </summary>
    public static (byte[]? Der, Kind Kind) ToDer(string type, ref SshWireReader reader)
    {
        switch (type)
        {
            case "ssh-rsa":
                return (Rsa(ref reader), Kind.Pkcs1);
            case "ssh-dss":
                return (Dsa(ref reader), Kind.Pkcs8);
            case "ssh-ed25519":
                return (Ed25519(ref reader), Kind.Pkcs8);
            case "ecdsa-sha2-nistp256" or "ecdsa-sha2-nistp384" or "ecdsa-sha2-nistp521":
                return (Ec(ref reader), Kind.Sec1);
            case "sk-ecdsa-sha2-nistp256@openssh.com" or "sk-ssh-ed25519@openssh.com":
                reader.ReadString(); // curve name or public key
                if (type[3] == 'e') reader.ReadString(); // the ECDSA point
                reader.ReadString(); // application
                reader.ReadByte();   // flags
                reader.ReadString(); // key handle: opens nothing without the authenticator
                reader.ReadString(); // reserved
                return (null, Kind.Pkcs8);
            default:
                throw new FormatException("OpenSSH key: no known layout for this type of private key");
        }
    }

    public static bool Knows(string type) => type is "ssh-rsa" or "ssh-dss" or "ssh-ed25519" or "ecdsa-sha2-nistp256"
        or "ecdsa-sha2-nistp384" or "ecdsa-sha2-nistp521" or "sk-ecdsa-sha2-nistp256@openssh.com" or "sk-ssh-ed25519@openssh.com";

    private static byte[] Rsa(ref SshWireReader reader)
    {
        var (n, e, d, qInv, p, q) = (reader.ReadPositiveMpint(), reader.ReadPositiveMpint(), reader.ReadPositiveMpint(),
            reader.ReadPositiveMpint(), reader.ReadPositiveMpint(), reader.ReadPositiveMpint());
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(0);
            foreach (var value in (ReadOnlySpan<BigInteger>)[n, e, d, p, q])
            {
                writer.WriteInteger(value);
            }
            // OpenSSH keeps no CRT exponents; these follow from d, so the audit judges d, p, q and qInv.
            writer.WriteInteger(p > 1 ? d % (p - 1) : BigInteger.Zero);
            writer.WriteInteger(q > 1 ? d % (q - 1) : BigInteger.Zero);
            writer.WriteInteger(qInv);
        }
        return writer.Encode();
    }

    private static byte[] Dsa(ref SshWireReader reader)
    {
        var (p, q, g) = (reader.ReadPositiveMpint(), reader.ReadPositiveMpint(), reader.ReadPositiveMpint());
        reader.ReadPositiveMpint(); // y: the derived key must equal the header's, which carries y
        var x = reader.ReadPositiveMpint();
        var inner = new AsnWriter(AsnEncodingRules.DER);
        inner.WriteInteger(x);
        return Pkcs8(w => SubjectPublicKeys.DsaAlgorithm(w, p, q, g), inner.Encode());
    }

    private static byte[] Ed25519(ref SshWireReader reader)
    {
        var publicKey = reader.ReadString();
        var secret = reader.ReadString(); // seed || public key
        if (publicKey.Length != 32 || secret.Length != 64 || !secret[32..].SequenceEqual(publicKey))
        {
            throw new FormatException("OpenSSH key: an Ed25519 private key that is not a 32-octet seed and its public key");
        }
        var inner = new AsnWriter(AsnEncodingRules.DER);
        inner.WriteOctetString(secret[..32]);
        return Pkcs8(static w => w.WriteObjectIdentifier(OidNames.Ed25519), inner.Encode());
    }

    private static byte[] Ec(ref SshWireReader reader)
    {
        var oid = SshPublicKey.CurveOid(reader.ReadName());
        var point = reader.ReadString();
        var d = reader.ReadPositiveMpint();
        // SEC 1 §C.4: the scalar as an octet string of the field's length.
        var fieldBytes = (OidNames.Curves[oid].Bits + 7) / 8;
        var scalar = new byte[Math.Max(fieldBytes, d.GetByteCount(isUnsigned: true))];
        d.TryWriteBytes(scalar.AsSpan(scalar.Length - d.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true);
        try
        {
            return Sec1(oid, scalar, point);
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(scalar);
        }
    }

    /// <summary>ECPrivateKey (SEC 1 §C.4, RFC 5915): version 1, the scalar, the named curve and the public point.</summary>
    internal static byte[] Sec1(string curveOid, ReadOnlySpan<byte> scalar, ReadOnlySpan<byte> point)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(1);
            writer.WriteOctetString(scalar);
            using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true))) writer.WriteObjectIdentifier(curveOid);
            using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 1, isConstructed: true))) writer.WriteBitString(point);
        }
        return writer.Encode();
    }

    /// <summary>PKCS#8 PrivateKeyInfo around <paramref name="privateKey"/>, which is zeroed.</summary>
    internal static byte[] Pkcs8(Action<AsnWriter> algorithm, byte[] privateKey)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(0);
            using (writer.PushSequence()) algorithm(writer);
            writer.WriteOctetString(privateKey);
        }
        System.Security.Cryptography.CryptographicOperations.ZeroMemory(privateKey);
        return writer.Encode();
    }
}
