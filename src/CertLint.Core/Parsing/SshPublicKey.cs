namespace CertLint.Parsing;

/// <summary>
/// An OpenSSH public key blob (RFC 4253 §6.6, RFC 5656 §3.1, RFC 8709 §4, OpenSSH's PROTOCOL.u2f) as the
/// SubjectPublicKeyInfo a certificate for the same key would carry. <see cref="Spki"/> is null for a key type CertLint
/// does not read (the key is still a private key in a file). A security-key ("sk-") key is not private: its secret
/// stays on the authenticator and the file holds only a handle to it.
/// </summary>
internal sealed record SshPublicKey(string Type, byte[]? Spki, bool IsPrivate)
{
    private static readonly Dictionary<string, string> Curves = new(StringComparer.Ordinal)
    {
        ["nistp256"] = "1.2.840.10045.3.1.7",
        ["nistp384"] = "1.3.132.0.34",
        ["nistp521"] = "1.3.132.0.35",
    };

    public static SshPublicKey Read(ReadOnlySpan<byte> blob)
    {
        var reader = new SshWireReader(blob);
        var type = reader.ReadName();
        var key = type switch
        {
            "ssh-rsa" => Rsa(ref reader),
            "ssh-dss" => Dsa(ref reader),
            "ssh-ed25519" or "sk-ssh-ed25519@openssh.com" => Ed25519(ref reader),
            "ecdsa-sha2-nistp256" or "ecdsa-sha2-nistp384" or "ecdsa-sha2-nistp521" or "sk-ecdsa-sha2-nistp256@openssh.com" =>
                Ec(type, ref reader),
            _ => null,
        };
        var securityKey = type.StartsWith("sk-", StringComparison.Ordinal);
        if (securityKey) reader.ReadString(); // application
        if (key is not null && reader.HasData) throw new FormatException("OpenSSH key: data after the public key");
        return new(type, key, !securityKey);
    }

    /// <summary>The curve OID of an OpenSSH curve name (nistp256, nistp384, nistp521).</summary>
    public static string CurveOid(string name) =>
        Curves.GetValueOrDefault(name) ?? throw new FormatException("OpenSSH key: an ECDSA key on a curve OpenSSH does not define");

    private static byte[] Rsa(ref SshWireReader reader)
    {
        var e = reader.ReadPositiveMpint();
        var n = reader.ReadPositiveMpint();
        return SubjectPublicKeys.Rsa(n, e);
    }

    private static byte[] Dsa(ref SshWireReader reader)
    {
        var (p, q, g, y) = (reader.ReadPositiveMpint(), reader.ReadPositiveMpint(), reader.ReadPositiveMpint(), reader.ReadPositiveMpint());
        return SubjectPublicKeys.Dsa(p, q, g, y);
    }

    private static byte[] Ed25519(ref SshWireReader reader)
    {
        var key = reader.ReadString();
        if (key.Length != 32) throw new FormatException($"OpenSSH key: an Ed25519 public key of {key.Length} octets, not 32");
        return SubjectPublicKeys.Raw(OidNames.Ed25519, key);
    }

    private static byte[] Ec(string type, ref SshWireReader reader)
    {
        var curve = reader.ReadName();
        // The curve is named twice (in the type and the blob); OpenSSH refuses a blob whose two names differ.
        if (!type.Contains(curve, StringComparison.Ordinal)) throw new FormatException("OpenSSH key: the key type and the key's curve name differ");
        return SubjectPublicKeys.Ec(CurveOid(curve), reader.ReadString());
    }
}
