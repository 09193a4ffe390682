using System.Security.Cryptography;
using CertLint.Model;
using CertLint.Discovery;

namespace CertLint.Parsing;

/// <summary>Text that is not what OpenSSL reads (UTF-16, base64 without PEM lines): read as its text says, and reported once.</summary>
public static partial class ContentParser
{
    /// <summary>
    /// UTF-16 text (PowerShell 5's Out-File, Notepad's "Unicode"): read as its text says, so what it holds is judged, and
    /// reported once when it held something, since OpenSSL (and so nginx, Apache httpd, HAProxy) reads no UTF-16.
    /// </summary>
    private static void ReadUtf16(Collector result, byte[] bytes)
    {
        var mark = TextMarks.Of(bytes);
        var utf8 = TextMarks.Utf16ToUtf8(bytes, mark);
        CryptographicOperations.ZeroMemory(bytes);
        Read(result, utf8); // UTF-8 never starts with FF FE or FE FF: no second turn
        if (!result.YieldedAny) return;
        result.Issues.Add(new ParseIssue(ParseIssueKind.Encoding, result.At(),
            $"the file is stored as {TextMarks.Describe(mark)}: OpenSSL, and the servers that load certificates and keys through it (nginx, Apache httpd, HAProxy...), read only ASCII or UTF-8 text: save it as UTF-8 without a byte order mark"));
    }

    /// <summary>
    /// Base64 of DER without PEM's BEGIN and END lines (a portal's "Base-64 .cer" download, a key pasted without its
    /// lines): Windows reads it, OpenSSL does not. Read and judged when the DER is a certificate, key, CRL or container,
    /// and reported once as an encoding its servers refuse; false (unrecognised content) otherwise.
    /// </summary>
    private static bool ReadBareBase64(byte[] bytes, Collector result)
    {
        if (bytes.Length < MinBareBase64 || !System.Buffers.Text.Base64.IsValid(bytes, out var length) || length == 0) return false;
        var der = Convert.FromBase64String(System.Text.Encoding.ASCII.GetString(bytes));
        if (Sniff(der, result) is not { } sniffed) return true; // the sniff's own issue (its key arithmetic refused) stands for the file
        if (der[0] != 0x30 || sniffed.Shape is DerShape.Unknown or DerShape.NotLinted) return false;
        CryptographicOperations.ZeroMemory(bytes); // the base64 of a private key, perhaps; the DER is read (and zeroed) below
        ParseDer(der, result, sniffed.Shape, sniffed.Key);
        if (result.YieldedAny)
        {
            result.Issues.Add(new ParseIssue(ParseIssueKind.Encoding, result.At(),
                "the file is base64 without PEM BEGIN and END lines: OpenSSL, and the servers that load certificates and keys through it (nginx, Apache httpd, HAProxy...), read base64 only between those lines: add the BEGIN and END lines of its type, or convert it (base64 -d FILE | openssl x509 -inform DER)"));
        }
        return true;
    }

    /// <summary>Shorter base64 is no certificate or key (the smallest, an Ed25519 public key, is 60 characters).</summary>
    private const int MinBareBase64 = 56;
}
