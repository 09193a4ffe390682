using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CertLint.Model;

namespace CertLint.Parsing;

/// <summary>
/// Reads a PuTTY private key file (PuTTY manual, appendix C "PPK file format", versions 2 and 3). The public key is in
/// the clear (SSH wire format) and becomes a SubjectPublicKeyInfo as an OpenSSH key's does. An unencrypted private
/// blob is laid out as OpenSSH's private section would hold the same key and judged by <see cref="OpenSshKeyParser"/>'s
/// checks (it must carry the file's public key; RSA and EC keys are audited), after the file's MAC is checked as PuTTY
/// checks it. An encrypted one (aes256-cbc) is never decrypted: version 3's Argon2 parameters are read and bounded,
/// never run; version 2's key derivation is unsalted SHA-1, which is reported as the protection's weakness.
/// Names and values from the file are never echoed in a message.
/// </summary>
internal static class PpkParser
{
    private static ReadOnlySpan<byte> Magic => "PuTTY-User-Key-File-"u8;

    /// <summary>At most this many base64 lines a block: 64 KB of key, four times a 16,384-bit RSA key's private half.</summary>
    public const int MaxLines = 1024;

    public static bool IsPpk(ReadOnlySpan<byte> bytes) =>
        (bytes.StartsWith("\uFEFF"u8) ? bytes[3..] : bytes).StartsWith(Magic);

    public static KeyInfo Parse(ReadOnlySpan<byte> bytes, SourceLocation location)
    {
        try
        {
            return Read(bytes, location);
        }
        catch (FormatException e) when (e.Message.StartsWith("OpenSSH key: ", StringComparison.Ordinal))
        {
            // The SSH wire reader and the private-section checks are shared with OpenSSH's format.
            throw new FormatException("PuTTY key: " + e.Message["OpenSSH key: ".Length..]);
        }
    }

    private static KeyInfo Read(ReadOnlySpan<byte> bytes, SourceLocation location)
    {
        if (bytes.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
        // Latin-1 keeps every byte as one character, so the comment's bytes go into the MAC as they are in the file.
        var lines = Encoding.Latin1.GetString(bytes).Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var at = 0;
        var first = lines[at++];
        var colon = first.IndexOf(": ", StringComparison.Ordinal);
        var version = colon < 0 ? "" : first[Magic.Length..colon];
        if (version is not ("2" or "3")) throw new FormatException("PuTTY key: a file format version other than 2 and 3 (or no key type after it)");
        var algorithm = first[(colon + 2)..];
        var encryption = Field(lines, ref at, "Encryption");
        if (encryption is not ("none" or "aes256-cbc")) throw new FormatException("PuTTY key: an encryption type other than none and aes256-cbc");
        var comment = Field(lines, ref at, "Comment");
        var publicBlob = Base64Lines(lines, ref at, "Public-Lines");
        var publicKey = SshPublicKey.Read(publicBlob);
        if (publicKey.Type != algorithm) throw new FormatException("PuTTY key: the key type in the first line is not the public key's");
        var whole = location with { EndLine = Math.Max(location.StartLine, lines.Length - (lines[^1].Length == 0 ? 1 : 0)) };
        if (encryption != "none")
        {
            var protection = version == "3" ? Argon2(lines, ref at) : Version2Protection;
            Base64Lines(lines, ref at, "Private-Lines"); // encrypted: never opened
            Field(lines, ref at, "Private-MAC");
            return KeyParser.Ppk(whole, publicKey.IsPrivate, true, publicKey.Spki, null, protection);
        }
        var privateBlob = Base64Lines(lines, ref at, "Private-Lines");
        try
        {
            var mac = Field(lines, ref at, "Private-MAC");
            CheckMac(version, mac, [algorithm, encryption, comment], publicBlob, privateBlob);
            if (!SshPrivateKey.Knows(algorithm)) return KeyParser.Ppk(whole, publicKey.IsPrivate, false, publicKey.Spki, null, null);
            var section = OpenSshSection(algorithm, publicBlob, privateBlob);
            try
            {
                return KeyParser.Ppk(whole, publicKey.IsPrivate, false, publicKey.Spki, OpenSshKeyParser.ReadPrivateSection(section, publicKey), null);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(section);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(privateBlob);
        }
    }

    private static readonly PbeInfo Version2Protection = new("putty-ppk2", 1, "aes256-cbc, PuTTY's version 2 key derivation (SHA-1 of the passphrase)",
        "PuTTY's version 2 key file derives its AES key from SHA-1 of the passphrase with no salt and no iterations: save it again with PuTTYgen 0.75 or later (version 3, Argon2)");

    /// <summary>"Name: value" on the next line; a missing or other line is a parse error naming the line, not quoting it.</summary>
    private static string Field(string[] lines, ref int at, string name)
    {
        var line = at < lines.Length ? lines[at] : "";
        if (!line.StartsWith(name + ": ", StringComparison.Ordinal)) throw new FormatException($"PuTTY key: line {at + 1} is not the \"{name}\" line");
        at++;
        return line[(name.Length + 2)..];
    }

    private static long Number(string[] lines, ref int at, string name, long max)
    {
        var value = Field(lines, ref at, name);
        if (value.Length > 10 || !long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number > max)
        {
            throw new FormatException($"PuTTY key: \"{name}\" is not a whole number up to {max:N0} (line {at})");
        }
        return number;
    }

    /// <summary>"NAME-Lines: N" and N lines of base64 (at most <see cref="MaxLines"/>).</summary>
    private static byte[] Base64Lines(string[] lines, ref int at, string name)
    {
        var count = (int)Number(lines, ref at, name, MaxLines);
        if (at + count > lines.Length) throw new FormatException($"PuTTY key: the file ends inside its {name} block");
        var text = string.Concat(lines.AsSpan(at, count).ToArray());
        at += count;
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw new FormatException($"PuTTY key: the {name} block is not base64");
        }
    }

    /// <summary>Version 3's Argon2 parameters, read and bounded (RFC 9106 §3.1 ranges), never run.</summary>
    private static PbeInfo Argon2(string[] lines, ref int at)
    {
        var flavour = Field(lines, ref at, "Key-Derivation");
        if (flavour is not ("Argon2id" or "Argon2i" or "Argon2d")) throw new FormatException("PuTTY key: a key derivation other than Argon2id, Argon2i and Argon2d");
        var memory = Number(lines, ref at, "Argon2-Memory", uint.MaxValue);
        var passes = Number(lines, ref at, "Argon2-Passes", uint.MaxValue);
        var parallelism = Number(lines, ref at, "Argon2-Parallelism", (1 << 24) - 1);
        var salt = Field(lines, ref at, "Argon2-Salt");
        if (salt.Length is 0 or > 128 || salt.Length % 2 != 0 || !salt.All(char.IsAsciiHexDigit)) throw new FormatException("PuTTY key: \"Argon2-Salt\" is not hexadecimal");
        if (passes < 1 || parallelism < 1 || memory < 8 * parallelism) throw new FormatException("PuTTY key: Argon2 parameters out of range (RFC 9106 §3.1: at least 1 pass, 1 lane and 8 KiB a lane)");
        return new PbeInfo(flavour.ToLowerInvariant(), passes, $"aes256-cbc, {flavour} with {memory:N0} KiB, {passes:N0} pass{(passes == 1 ? "" : "es")}, parallelism {parallelism}", null);
    }

    /// <summary>
    /// An unencrypted file's MAC (appendix C): HMAC-SHA-256 with an empty key in version 3, HMAC-SHA-1 keyed with
    /// SHA-1("putty-private-key-file-mac-key") in version 2, over the header fields and both blobs as SSH strings.
    /// PuTTY refuses a file whose MAC is wrong; so does CertLint, which then reads nothing from it.
    /// </summary>
    private static void CheckMac(string version, string mac, string[] fields, byte[] publicBlob, byte[] privateBlob)
    {
        var data = new List<byte>();
        foreach (var field in fields) AddString(data, Encoding.Latin1.GetBytes(field));
        AddString(data, publicBlob);
        AddString(data, privateBlob);
        var bytes = data.ToArray();
        try
        {
            var expected = version == "3"
                ? HMACSHA256.HashData(Array.Empty<byte>(), bytes)
                : HMACSHA1.HashData(SHA1.HashData("putty-private-key-file-mac-key"u8), bytes);
            byte[] given;
            try
            {
                given = Convert.FromHexString(mac);
            }
            catch (FormatException)
            {
                given = [];
            }
            if (!CryptographicOperations.FixedTimeEquals(expected, given)) throw new FormatException("PuTTY key: the Private-MAC does not match the file (corrupt or edited)");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
            Zero(data);
        }
    }

    /// <summary>An SSH string (RFC 4251 §5): uint32 length, then the bytes.</summary>
    private static void AddString(List<byte> to, ReadOnlySpan<byte> value)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)value.Length);
        to.AddRange(length);
        to.AddRange(value);
    }

    private static void Zero(List<byte> list) => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list).Clear();

    /// <summary>
    /// The private section OpenSSH would write for the same key (PROTOCOL.key: checkints, type, the key's fields in
    /// OpenSSH's order, comment), from PuTTY's public blob (the public fields) and private blob (appendix C.3: RSA d, p,
    /// q, iqmp; DSA x; ECDSA d; EdDSA the private key string).
    /// </summary>
    private static byte[] OpenSshSection(string type, ReadOnlySpan<byte> publicBlob, ReadOnlySpan<byte> privateBlob)
    {
        var pub = new SshWireReader(publicBlob);
        pub.ReadString(); // type
        var priv = new SshWireReader(privateBlob);
        var fields = new List<byte[]>();
        switch (type)
        {
            case "ssh-rsa":
                var (e, n) = (pub.ReadString().ToArray(), pub.ReadString().ToArray());
                var (d, p, q, iqmp) = (priv.ReadString().ToArray(), priv.ReadString().ToArray(), priv.ReadString().ToArray(), priv.ReadString().ToArray());
                fields.AddRange([n, e, d, iqmp, p, q]);
                break;
            case "ssh-dss":
                fields.AddRange([pub.ReadString().ToArray(), pub.ReadString().ToArray(), pub.ReadString().ToArray(), pub.ReadString().ToArray(), priv.ReadString().ToArray()]);
                break;
            case "ssh-ed25519":
                var publicKey = pub.ReadString().ToArray();
                fields.AddRange([publicKey, [.. priv.ReadString(), .. publicKey]]);
                break;
            case "ecdsa-sha2-nistp256" or "ecdsa-sha2-nistp384" or "ecdsa-sha2-nistp521":
                fields.AddRange([pub.ReadString().ToArray(), pub.ReadString().ToArray(), priv.ReadString().ToArray()]);
                break;
            default:
                throw new FormatException("PuTTY key: no known layout for this type of private key");
        }
        var section = new List<byte>(new byte[8]); // two equal checkints
        AddString(section, Encoding.ASCII.GetBytes(type));
        foreach (var field in fields)
        {
            AddString(section, field);
            CryptographicOperations.ZeroMemory(field);
        }
        AddString(section, []); // comment
        var result = section.ToArray();
        Zero(section);
        return result;
    }
}
