using System.Text;
using CertLint.Model;

namespace CertLint.Parsing;

/// <summary>
/// One-line OpenSSH public keys: `ssh-keygen`'s .pub files, authorized_keys and known_hosts (sshd(8) "AUTHORIZED_KEYS
/// FILE FORMAT", "SSH_KNOWN_HOSTS FILE FORMAT"): each line is [options or host patterns] key-type base64-blob [comment].
/// Every key line is a public key of the model at its line, judged by the key rules as OpenSSH private keys are. A file
/// is read as such when its first line that is neither blank nor a # comment is a key line whose blob names its type.
/// </summary>
internal static class OpenSshPublicKeyLines
{
    /// <summary>Key lines read per file; a file with more gets one issue for the rest (an authorized_keys has a few).</summary>
    public const int MaxKeys = 5000;

    /// <summary>Lines looked at for the first meaningful one: a file opening with more comment lines is not sniffed as keys.</summary>
    private const int MaxLeadingLines = 64;

    /// <summary>The base64 of a blob longer than this is not decoded (an RSA-16384 key's is about 2.8 KB).</summary>
    private const int MaxBlobChars = 16 * 1024;

    /// <summary>Whether the content's first meaningful line is an OpenSSH public key line.</summary>
    public static bool Looks(ReadOnlySpan<byte> content)
    {
        var line = FirstMeaningfulLine(content, skipComments: true);
        return !line.IsEmpty && Find(line, out _, out _) == Match.Key;
    }

    /// <summary>
    /// The first line among the first <see cref="MaxLeadingLines"/> that is not blank (nor a # comment, when
    /// <paramref name="skipComments"/>), trimmed; empty when there is none: how the SSH key readers recognise a file.
    /// </summary>
    internal static ReadOnlySpan<byte> FirstMeaningfulLine(ReadOnlySpan<byte> content, bool skipComments)
    {
        var lines = 0;
        foreach (var range in content.Split((byte)'\n'))
        {
            if (++lines > MaxLeadingLines) return [];
            var line = content[range].Trim("\r\t "u8);
            if (line.IsEmpty || (skipComments && line[0] == (byte)'#')) continue;
            return line;
        }
        return [];
    }

    /// <summary>Every key line as a public key at its line; a line naming a key type with a broken blob is a parse error there.</summary>
    public static void Parse(ReadOnlySpan<byte> content, Collector result)
    {
        var number = 0;
        var keys = 0;
        foreach (var range in content.Split((byte)'\n'))
        {
            number++;
            var line = content[range].Trim("\r\t "u8);
            if (line.IsEmpty || line[0] == (byte)'#') continue;
            var match = Find(line, out var type, out var blob);
            if (match == Match.None) continue; // a known_hosts @revoked marker's hashed host, an SSH certificate: not keys we read
            var location = result.At(number, number);
            if (match == Match.Broken)
            {
                result.Error(location, $"invalid OpenSSH public key: the base64 after {type} does not decode to a key blob of that type");
                continue;
            }
            if (++keys > MaxKeys)
            {
                result.Error(location, $"more than {MaxKeys:N0} OpenSSH public keys in one file: this line and those after it were not read");
                return;
            }
            result.Guard(location, "OpenSSH public key", () =>
            {
                var key = SshPublicKey.Read(blob!);
                if (key.Spki is { } spki) result.Keys.Add(KeyParser.OpenSshPublic(location, spki));
            });
        }
    }

    private enum Match { None, Key, Broken }

    /// <summary>
    /// The first token that is a key type name followed by a token: <see cref="Match.Key"/> when that token is base64 of
    /// a blob that starts with the same type name (so options and comments that mention "ssh-rsa" do not count).
    /// </summary>
    private static Match Find(ReadOnlySpan<byte> line, out string? type, out byte[]? blob)
    {
        (type, blob) = (null, null);
        var text = line.Length > 4 * MaxBlobChars ? line[..(4 * MaxBlobChars)] : line;
        var tokens = Encoding.ASCII.GetString(text).Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        string? broken = null;
        for (var i = 0; i + 1 < tokens.Length; i++)
        {
            if (!SshPrivateKey.Knows(tokens[i])) continue; // the key types CertLint reads, as in private key files
            // A later pair may still be the key: a quoted authorized_keys option can hold a key type name and spaces.
            if (Blob(tokens[i], tokens[i + 1]) is { } decoded)
            {
                (type, blob) = (tokens[i], decoded);
                return Match.Key;
            }
            broken ??= tokens[i];
        }
        type = broken;
        return broken is null ? Match.None : Match.Broken;
    }

    /// <summary>The decoded blob when <paramref name="encoded"/> is base64 of a blob whose first string is <paramref name="type"/>.</summary>
    private static byte[]? Blob(string type, string encoded)
    {
        if (encoded.Length > MaxBlobChars) return null;
        byte[] blob;
        try
        {
            blob = Convert.FromBase64String(encoded);
        }
        catch (FormatException)
        {
            return null;
        }
        var name = Encoding.ASCII.GetBytes(type);
        return blob.Length >= 4 + name.Length && System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(blob) == (uint)name.Length
            && blob.AsSpan(4, name.Length).SequenceEqual(name) ? blob : null;
    }
}
