using System.Formats.Asn1;
using CertLint.Parsing;

namespace CertLint.Discovery;

/// <summary>Decides whether a file is worth parsing: by extension, else by a cheap look at its first bytes.</summary>
public static class CandidateSniffer
{
    /// <summary>
    /// Extensions always parsed. ".pub" is left to sniffing, which finds its PEM "PUBLIC KEY" or OpenSSH key line, as
    /// it finds authorized_keys and known_hosts.
    /// </summary>
    public static readonly IReadOnlySet<string> CandidateExtensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        ".pem", ".crt", ".cer", ".der", ".key", ".p7b", ".p7c", ".p12", ".pfx", ".crl", ".ca-bundle", ".cert",
        ".jks", ".jceks", ".keystore", ".truststore", ".jwk", ".jwks", ".ppk", ".bks",
    };

    /// <summary>JSON Web Key files (RFC 7517): what they hold must be a JWK or JWK Set.</summary>
    public static bool IsJwkExtension(string extension) =>
        extension.Equals(".jwk", StringComparison.OrdinalIgnoreCase) || extension.Equals(".jwks", StringComparison.OrdinalIgnoreCase);

    /// <summary>Non-candidate files bigger than this are skipped unread (certificate material is small).</summary>
    public const long MaxSniffedFileBytes = 1024 * 1024;

    /// <summary>How much of a non-candidate file is read to look for PEM markers.</summary>
    public const int SniffBytes = 8192;

    /// <summary>Binary formats that never hold certificates worth sniffing for.</summary>
    private static readonly HashSet<string> NeverSniffed = new(StringComparer.OrdinalIgnoreCase)
    {
        ".dll", ".exe", ".pdb", ".so", ".dylib", ".a", ".o", ".class", ".jar", ".zip", ".gz", ".tgz", ".xz", ".bz2", ".7z",
        ".png", ".jpg", ".jpeg", ".gif", ".ico", ".pdf", ".woff", ".woff2", ".ttf", ".mp4", ".mp3", ".nupkg", ".snupkg",
    };

    public static bool HasCandidateExtension(string path) => CandidateExtensions.Contains(Extension(path));

    /// <summary>The head as the text readers see it: after a UTF-8 byte order mark, UTF-16 as UTF-8 (binary content as it is).</summary>
    private static ReadOnlySpan<byte> Text(ReadOnlySpan<byte> head) => TextMarks.Of(head) switch
    {
        TextMark.Utf8Bom => head[3..],
        var mark when TextMarks.IsUtf16(mark) => TextMarks.Utf16ToUtf8(head, mark),
        _ => head,
    };

    /// <summary>True when a regular file of unknown extension holds PEM or a DER certificate/key/container. Never throws.</summary>
    public static bool LooksLikeCandidate(string path, long length)
    {
        if (length == 0 || length > MaxSniffedFileBytes || NeverSniffed.Contains(Extension(path))) return false;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
            var head = new byte[Math.Min(SniffBytes, length)];
            var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            var span = Text(head.AsSpan(0, read));
            if (PemScanner.ContainsPem(span) || JksParser.IsJks(span) || JksParser.IsJceks(span) || PpkParser.IsPpk(span)) return true;
            if (OpenSshPublicKeyLines.Looks(span) || Ssh2PublicKeyBlocks.Looks(span)) return true;
            // A JSON file is read when it opens an object and names a key type early: a JWK or JWK Set (RFC 7517).
            if (Extension(path).Equals(".json", StringComparison.OrdinalIgnoreCase)) return JwkParser.LooksLikeJsonObject(span) && span.IndexOf("\"kty\""u8) >= 0;
            if (read < 2 || span[0] != 0x30 || !WholeFileIsOneDerValue(span, length)) return false;
            var all = new byte[length];
            span.CopyTo(all);
            stream.ReadAtLeast(all.AsSpan(read), all.Length - read, throwOnEndOfStream: false);
            return DerSniffer.Sniff(all, exact: false) is not (DerShape.Unknown or DerShape.NotLinted);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // not ours to report: an unreadable file of unknown type is just skipped
        }
    }

    /// <summary>A DER file is exactly one TLV: its header's length must match the file length.</summary>
    private static bool WholeFileIsOneDerValue(ReadOnlySpan<byte> head, long fileLength)
    {
        try
        {
            Asn1Tag.Decode(head, out var tagLength);
            var length = AsnDecoder.DecodeLength(head[tagLength..], AsnEncodingRules.BER, out var lengthBytes);
            return length is null || tagLength + lengthBytes + length.Value == fileLength;
        }
        catch (AsnContentException)
        {
            return false;
        }
    }

    private static string Extension(string path) => Path.GetExtension(path);
}
