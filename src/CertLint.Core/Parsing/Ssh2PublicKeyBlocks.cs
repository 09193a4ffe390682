using System.Text;
using CertLint.Model;

namespace CertLint.Parsing;

/// <summary>
/// RFC 4716 public keys ("---- BEGIN SSH2 PUBLIC KEY ----": `ssh-keygen -e`, PuTTYgen's "Save public key", Tectia):
/// header lines ("Tag: value", continued by a final backslash), then the base64 of the RFC 4253 §6.6 key blob. Each
/// block is a public key of the model at its lines, judged by the key rules as a one-line OpenSSH key is. A file is read
/// as such when its first line that is not blank is a BEGIN line (four dashes, not PEM's five).
/// </summary>
internal static class Ssh2PublicKeyBlocks
{
    private static ReadOnlySpan<byte> Begin => "---- BEGIN SSH2 PUBLIC KEY ----"u8;
    private static ReadOnlySpan<byte> End => "---- END SSH2 PUBLIC KEY ----"u8;

    /// <summary>Blocks read per file, as key lines of an authorized_keys; past it, one issue for the rest.</summary>
    public const int MaxKeys = OpenSshPublicKeyLines.MaxKeys;

    /// <summary>Base64 characters a block may hold (an RSA-16384 key's blob is about 2.8 KB of base64).</summary>
    private const int MaxBodyChars = 16 * 1024;

    public static bool Looks(ReadOnlySpan<byte> content) =>
        OpenSshPublicKeyLines.FirstMeaningfulLine(content, skipComments: false).SequenceEqual(Begin);

    public static void Parse(ReadOnlySpan<byte> content, Collector result)
    {
        var number = 0;
        var keys = 0;
        var start = 0;           // the open block's BEGIN line, 0 outside a block
        var inHeaders = false;
        var continued = false;   // the previous header line ended with a backslash
        var skipping = false;    // inside a block already reported, up to its END line
        var body = new StringBuilder();
        foreach (var range in content.Split((byte)'\n'))
        {
            number++;
            var line = content[range].Trim("\r\t "u8);
            if (start == 0)
            {
                if (line.SequenceEqual(Begin)) (start, inHeaders, continued, skipping) = (number, true, false, false);
                else if (line.SequenceEqual(End) && !skipping) result.Error(result.At(number, number), "SSH2 public key END line without a BEGIN line");
                else if (line.SequenceEqual(End)) skipping = false;
                continue;
            }
            if (line.SequenceEqual(End))
            {
                var location = result.At(start, number);
                if (++keys > MaxKeys)
                {
                    result.Error(location, $"more than {MaxKeys:N0} SSH2 public keys in one file: this block and those after it were not read");
                    return;
                }
                Read(body.ToString(), location, result);
                (start, body.Length) = (0, 0);
                continue;
            }
            if (line.SequenceEqual(Begin))
            {
                result.Error(result.At(start, number - 1), "SSH2 public key block has no END line");
                (start, inHeaders, continued, body.Length) = (number, true, false, 0);
                continue;
            }
            // RFC 4716 §3.3: headers come first; a header line holds a colon, and one ending in a backslash goes on.
            if (inHeaders && (continued || line.IndexOf((byte)':') > 0))
            {
                continued = line.EndsWith("\\"u8);
                continue;
            }
            inHeaders = false;
            if (body.Length + line.Length > MaxBodyChars)
            {
                result.Error(result.At(start, number), $"SSH2 public key block holds more than {MaxBodyChars:N0} characters of base64: not read");
                (start, body.Length, skipping) = (0, 0, true);
                continue;
            }
            body.Append(Encoding.ASCII.GetString(line));
        }
        if (start != 0) result.Error(result.At(start, number), "SSH2 public key block has no END line");
    }

    private static void Read(string base64, SourceLocation location, Collector result)
    {
        byte[] blob;
        try
        {
            blob = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            result.Error(location, "invalid SSH2 public key: its body is not base64");
            return;
        }
        result.Guard(location, "SSH2 public key", () =>
        {
            var key = SshPublicKey.Read(blob);
            // A type CertLint does not read (an X.509 or certificate key type) is skipped, as on an OpenSSH key line.
            if (key.Spki is { } spki) result.Keys.Add(KeyParser.OpenSshPublic(location, spki));
        });
    }
}
