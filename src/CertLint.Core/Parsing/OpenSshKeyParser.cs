using System.Security.Cryptography;
using CertLint.Model;

namespace CertLint.Parsing;

/// <summary>What an OpenSSH private key file says, in the model's terms: no private number survives it.</summary>
internal sealed record OpenSshKey(byte[]? Spki, bool IsPrivate, bool Encrypted, PrivateKeyVerdict? Verdict, PbeInfo? Protection);

/// <summary>
/// Reads an "OPENSSH PRIVATE KEY" (OpenSSH's PROTOCOL.key, the format ssh-keygen writes since 7.8). The public key in
/// the clear header becomes a SubjectPublicKeyInfo, so an SSH key is judged by the same key rules as any other (weak
/// keys, pairing, committed secrets, file permissions). An unencrypted private section is re-encoded as the PKCS#1,
/// SEC 1 or PKCS#8 structure CertLint already checks, and must carry the header's public key (OpenSSH refuses the file
/// otherwise). An encrypted one is not opened: its public key is in the header, and no key derivation is ever run.
/// </summary>
internal static class OpenSshKeyParser
{
    private static ReadOnlySpan<byte> Magic => "openssh-key-v1\0"u8;

    public static OpenSshKey Parse(ReadOnlySpan<byte> data)
    {
        if (!data.StartsWith(Magic)) throw new FormatException("OpenSSH key: not an openssh-key-v1 file");
        var reader = new SshWireReader(data[Magic.Length..]);
        var cipher = reader.ReadName();
        var kdf = reader.ReadName();
        var kdfOptions = reader.ReadString();
        var count = reader.ReadUInt32();
        // OpenSSH reads exactly one key per file (sshkey_parse_private2); so does CertLint.
        if (count != 1) throw new FormatException($"OpenSSH key: the file holds {count} keys, not 1");
        var publicBlob = reader.ReadString();
        var privateSection = reader.ReadString();
        if (reader.HasData) throw new FormatException("OpenSSH key: data after the private section");

        var publicKey = SshPublicKey.Read(publicBlob);
        if (cipher != "none" || kdf != "none")
        {
            if (cipher == "none" || kdf == "none") throw new FormatException("OpenSSH key: a cipher without a key derivation, or a key derivation without a cipher");
            return new(publicKey.Spki, publicKey.IsPrivate, true, null, Protection(cipher, kdf, kdfOptions));
        }
        if (!kdfOptions.IsEmpty) throw new FormatException("OpenSSH key: key derivation options without a key derivation");
        var verdict = ReadPrivateSection(privateSection, publicKey);
        return new(publicKey.Spki, publicKey.IsPrivate, false, verdict, null);
    }

    /// <summary>The ciphers OpenSSH encrypts keys with; another name is reported as unknown, never echoed.</summary>
    private static readonly HashSet<string> Ciphers = new(StringComparer.Ordinal)
    {
        "aes128-ctr", "aes192-ctr", "aes256-ctr", "aes128-cbc", "aes192-cbc", "aes256-cbc", "aes128-gcm@openssh.com",
        "aes256-gcm@openssh.com", "chacha20-poly1305@openssh.com", "3des-cbc",
    };

    private static PbeInfo Protection(string cipherName, string kdf, ReadOnlySpan<byte> options)
    {
        var cipher = Ciphers.Contains(cipherName) ? cipherName : "an unknown cipher";
        if (kdf != "bcrypt") return new("unknown", 0, $"{cipher}, an unknown key derivation", null);
        var reader = new SshWireReader(options);
        reader.ReadString(); // salt
        var rounds = reader.ReadUInt32();
        return new("bcrypt-pbkdf", rounds, $"{cipher}, bcrypt_pbkdf with {rounds} rounds", null);
    }

    /// <summary>
    /// checkint, checkint, the key, a comment, then padding 1, 2, 3, ...: the layout OpenSSH checks before it trusts
    /// the section. Returns the private key's verdict (null when its algorithm is not audited).
    /// </summary>
    internal static PrivateKeyVerdict? ReadPrivateSection(ReadOnlySpan<byte> section, SshPublicKey publicKey)
    {
        var reader = new SshWireReader(section);
        if (reader.ReadUInt32() != reader.ReadUInt32()) throw new FormatException("OpenSSH key: the private section's check numbers differ (corrupt)");
        var type = reader.ReadName();
        if (type != publicKey.Type) throw new FormatException("OpenSSH key: the private section holds another type of key than the header");
        if (!SshPrivateKey.Knows(type)) return null; // a key type CertLint does not read: its layout, and so its end, is unknown
        var (der, kind) = SshPrivateKey.ToDer(type, ref reader);
        try
        {
            reader.ReadString(); // comment
            var padding = reader.Rest;
            for (var i = 0; i < padding.Length; i++)
            {
                if (padding[i] != (byte)(i + 1)) throw new FormatException("OpenSSH key: the private section's padding is wrong (corrupt)");
            }
            if (der is null) return null;
            var derived = kind switch
            {
                SshPrivateKey.Kind.Pkcs1 => PublicKeyDerivation.FromPkcs1(der),
                SshPrivateKey.Kind.Sec1 => PublicKeyDerivation.FromSec1(der),
                _ => PublicKeyDerivation.FromPkcs8(der),
            };
            if (publicKey.Spki is null || derived is null || !derived.AsSpan().SequenceEqual(publicKey.Spki))
            {
                throw new FormatException("OpenSSH key: the private key does not belong to the public key in the file's header");
            }
            return kind switch
            {
                SshPrivateKey.Kind.Pkcs1 => PrivateKeyAudit.OfPkcs1(der),
                SshPrivateKey.Kind.Sec1 => PrivateKeyAudit.OfSec1(der),
                _ => PrivateKeyAudit.OfPkcs8(der),
            };
        }
        finally
        {
            if (der is not null) CryptographicOperations.ZeroMemory(der);
        }
    }
}
