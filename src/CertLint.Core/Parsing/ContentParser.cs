using System.Formats.Asn1;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using CertLint.Model;
using CertLint.Discovery;

namespace CertLint.Parsing;

/// <summary>A file's bytes -> <see cref="ParsedFile"/>: PEM blocks by label, binary content by its DER shape. Never throws.</summary>
public static class ContentParser
{
    public static ParsedFile Parse(SourceFile file, byte[] bytes, IPasswordSource passwords) => Parse(file, bytes, passwords, deferKdf: false)!;

    /// <summary>
    /// Content that is not the file's own text (a base64 value in a manifest): every object it yields, and every
    /// problem, is reported at <paramref name="pinned"/>, the lines that hold the value, not at lines of the decoded text.
    /// </summary>
    internal static ParsedFile ParsePinned(SourceFile file, byte[] bytes, IPasswordSource passwords, LineSpan pinned) =>
        Parse(new Collector(file, passwords) { Pin = pinned }, bytes)!;

    /// <param name="deferKdf">In FileParser's parallel pass: a file that needs a key derivation yields null (parse it again in order).</param>
    internal static ParsedFile? Parse(SourceFile file, byte[] bytes, IPasswordSource passwords, bool deferKdf) =>
        Parse(new Collector(file, passwords, deferKdf), bytes);

    private static ParsedFile? Parse(Collector result, byte[] bytes)
    {
        Read(result, bytes);
        return result.Deferred ? null : result.ToParsedFile();
    }

    private static void Read(Collector result, byte[] bytes)
    {
        switch (TextMarks.Of(bytes))
        {
            case TextMark.Utf8Bom when !PemScanner.ContainsPem(bytes):
                // PEM keeps its mark (the scanner skips it before a BEGIN line, as OpenSSL does); the other text readers
                // (JWK, OpenSSH key lines, PuTTY) get the text after it, as .NET's and OpenSSH's readers do.
                var rest = bytes[3..];
                CryptographicOperations.ZeroMemory(bytes);
                bytes = rest;
                break;
            case TextMark.Utf16LittleEndian or TextMark.Utf16BigEndian:
                ReadUtf16(result, bytes);
                return;
        }
        if (bytes.Length == 0) result.Error(result.At(), "file is empty");
        else if (PemScanner.ContainsPem(bytes))
        {
            if (ParsePem(bytes, result)) CryptographicOperations.ZeroMemory(bytes); // the base64 of private keys; nothing in the model points here
        }
        else if (PpkParser.IsPpk(bytes))
        {
            result.Kind = FileKind.Ppk;
            var location = result.At();
            result.Guard(location, "PuTTY key file", () => result.Keys.Add(PpkParser.Parse(bytes, location)));
            CryptographicOperations.ZeroMemory(bytes);
        }
        else if (JwkParser.LooksLikeJsonObject(bytes)) ParseJson(bytes, result);
        else if (Ssh2PublicKeyBlocks.Looks(bytes))
        {
            result.Kind = FileKind.OpenSsh;
            Ssh2PublicKeyBlocks.Parse(bytes, result);
        }
        else if (OpenSshPublicKeyLines.Looks(bytes))
        {
            result.Kind = FileKind.OpenSsh;
            OpenSshPublicKeyLines.Parse(bytes, result);
        }
        else ParseBinary(bytes, result);
    }

    /// <summary>
    /// UTF-16 text (PowerShell 5's Out-File, Notepad's "Unicode"): read as its text says, so what it holds is judged, and
    /// reported once when it held something, since OpenSSL (and so nginx, Apache httpd, HAProxy) reads no UTF-16.
    /// </summary>
    private static void ReadUtf16(Collector result, byte[] bytes)
    {
        var mark = TextMarks.Of(bytes);
        var utf8 = System.Text.Encoding.UTF8.GetBytes(TextMarks.DecodeUtf16(bytes, mark));
        CryptographicOperations.ZeroMemory(bytes);
        Read(result, utf8); // UTF-8 never starts with FF FE or FE FF: no second turn
        if (!result.YieldedAny) return;
        result.Issues.Add(new ParseIssue(ParseIssueKind.Encoding, result.At(),
            $"the file is stored as {TextMarks.Describe(mark)}: OpenSSL, and the servers that load certificates and keys through it (nginx, Apache httpd, HAProxy...), read only ASCII or UTF-8 text: save it as UTF-8 without a byte order mark"));
    }

    /// <summary>
    /// Parses bytes the caller keeps (and zeroes) afterwards, e.g. a pooled read buffer: PEM blocks are decoded into
    /// new arrays, binary content is copied first, since the model keeps slices of it.
    /// </summary>
    internal static ParsedFile? ParseBorrowed(SourceFile file, ReadOnlyMemory<byte> content, IPasswordSource passwords, bool deferKdf)
    {
        if (content.IsEmpty || !PemScanner.ContainsPem(content.Span)) return Parse(file, content.ToArray(), passwords, deferKdf);
        var result = new Collector(file, passwords, deferKdf);
        ParsePem(content, result);
        return result.Deferred ? null : result.ToParsedFile();
    }

    /// <returns>True when a block was a private key (its base64 is in <paramref name="content"/>).</returns>
    private static bool ParsePem(ReadOnlyMemory<byte> content, Collector result)
    {
        result.Kind = FileKind.Pem;
        var sawKey = false;
        var ordinal = 0;
        foreach (var block in PemScanner.Scan(content))
        {
            var location = result.At(block.StartLine, block.EndLine, ordinal++);
            if (block.Error is not null)
            {
                result.Error(location, block.Error);
                continue;
            }
            var isKey = KeyParser.IsKeyLabel(block.Label) || block.Label == OpenPgpKeyParser.SecretLabel || OpenVpnKeys.IsSecretLabel(block.Label);
            sawKey |= isKey;
            result.Guard(location, block.Label, " block", (block, location, result), static s => ParseBlock(s.block, s.location, s.result));
            if (isKey) Zero(block.Data);
        }
        return sawKey;
    }

    private static void ParseBlock(PemBlock block, SourceLocation location, Collector result)
    {
        switch (block.Label)
        {
            case "CERTIFICATE" or "X509 CERTIFICATE":
                result.Certificates.Add(CertificateParser.Parse(block.Data, location, ObjectFormat.Pem));
                break;
            case "TRUSTED CERTIFICATE":
                // OpenSSL's X509_AUX trust settings follow the certificate: read the certificate, ignore the rest.
                result.Certificates.Add(CertificateParser.Read(new AsnReader(block.Data, AsnEncodingRules.DER), location, ObjectFormat.Pem));
                break;
            case "PKCS7" or "CMS":
                result.Certificates.AddRange(Pkcs7Parser.Parse(block.Data, location));
                break;
            case "X509 CRL":
                result.Crls.Add(CrlParser.Parse(block.Data, location));
                break;
            case OpenPgpKeyParser.SecretLabel or OpenPgpKeyParser.PublicLabel:
                result.Keys.AddRange(KeyParser.ParseOpenPgp(block.Data, location));
                break;
            case var label when KeyParser.IsKeyLabel(label):
                result.Keys.Add(KeyParser.ParsePem(block, location, result.Passwords, result.Kdf));
                break;
            case DhParametersParser.Pkcs3Label or DhParametersParser.X942Label:
                result.DhParameters.Add(DhParametersParser.Parse(block.Data, location, block.Label == DhParametersParser.X942Label));
                break;
            case var label when OpenVpnKeys.IsSecretLabel(label):
                result.SecretKeys.Add(OpenVpnKeys.Parse(block, location));
                break;
            case "CERTIFICATE REQUEST" or "NEW CERTIFICATE REQUEST":
                result.Keys.Add(KeyParser.ParseCertificationRequest(block.Data, location, ObjectFormat.Pem));
                break;
            default:
                break; // PGP SIGNATURE, PARAMETERS...: not ours to lint
        }
    }

    /// <summary>
    /// A JSON object: a JWK or JWK Set is read. Other JSON is not ours in a file found by sniffing (most JSON is not
    /// key material), a parse error in a .jwk or .jwks file, and unrecognised content in a file whose extension
    /// promises certificates or keys.
    /// </summary>
    private static void ParseJson(byte[] bytes, Collector result)
    {
        var extension = Path.GetExtension(result.File.FullPath);
        var mustBeJwk = Discovery.CandidateSniffer.IsJwkExtension(extension);
        var outcome = JwkParser.Parse(bytes, result, mustBeJwk);
        CryptographicOperations.ZeroMemory(bytes); // the base64url of private keys; nothing in the model points here
        if (outcome == JwkParser.Outcome.NotJwk && !mustBeJwk && Discovery.CandidateSniffer.HasCandidateExtension(result.File.FullPath))
        {
            result.Error(result.At(), "unrecognised content: neither PEM nor DER certificate material");
        }
    }

    private static void ParseBinary(byte[] bytes, Collector result)
    {
        var location = result.At();
        if (JksParser.IsJks(bytes))
        {
            result.Kind = FileKind.Jks;
            result.Guard(location, "JKS keystore", () => JksParser.Parse(bytes, location, result.Passwords, result));
            CryptographicOperations.ZeroMemory(bytes);
            return;
        }
        if (JksParser.IsJceks(bytes))
        {
            result.Kind = FileKind.Jks;
            result.Guard(location, "JCEKS keystore", () => JceksParser.Parse(bytes, location, result.Passwords, result));
            CryptographicOperations.ZeroMemory(bytes);
            return;
        }
        if (bytes[0] != 0x30 && (BksParser.HasBksName(result.File) || BksParser.IsBks(bytes)))
        {
            result.Kind = FileKind.Bks;
            result.Guard(location, "BKS keystore", () => BksParser.Parse(bytes, location, result.Passwords, result.Kdf, result));
            CryptographicOperations.ZeroMemory(bytes);
            return;
        }
        // The sniff may do key arithmetic (is a DER SEQUENCE of two integers an RSA public key or DH parameters?), which a
        // file's allowance or the run's budget can refuse: a step like any other.
        DerShape? sniffed = null;
        KeyEncoding? key = null;
        result.Guard(location, "DER content", () => sniffed = DerSniffer.Sniff(bytes, exact: true, out key));
        if (sniffed is not { } shape) return;
        switch (shape)
        {
            case DerShape.Certificate:
                result.Kind = FileKind.DerCertificate;
                result.Guard(location, "DER certificate", () => result.Certificates.Add(CertificateParser.Parse(bytes, location, ObjectFormat.Der)));
                break;
            case DerShape.Crl:
                result.Kind = FileKind.DerCrl;
                result.Guard(location, "DER CRL", () => result.Crls.Add(CrlParser.Parse(bytes, location)));
                break;
            case DerShape.Pkcs7:
                result.Kind = FileKind.Pkcs7;
                result.Guard(location, "PKCS#7 file", () => result.Certificates.AddRange(Pkcs7Parser.Parse(bytes, location)));
                break;
            case DerShape.Pkcs12:
                result.Kind = FileKind.Pkcs12;
                result.Guard(location, "PKCS#12 keystore", () => AddPkcs12(bytes, location, result));
                CryptographicOperations.ZeroMemory(bytes);
                break;
            case DerShape.Key:
                result.Kind = FileKind.DerKey;
                result.Guard(location, "DER key", () => result.Keys.Add(KeyParser.ParseDer(bytes, location, result.Passwords, result.Kdf, key)!));
                CryptographicOperations.ZeroMemory(bytes);
                break;
            case DerShape.DhParameters:
                result.Guard(location, "DER DH parameters", () => result.DhParameters.Add(DhParametersParser.ParseDer(bytes, location)));
                break;
            case DerShape.CertificationRequest:
                result.Kind = FileKind.DerKey;
                result.Guard(location, "DER certificate request", () => result.Keys.Add(KeyParser.ParseCertificationRequest(bytes, location, ObjectFormat.Der)));
                break;
            case DerShape.NotLinted:
                break; // an OCSP request or response, DSA parameters: not ours to lint, as in PEM
            default:
                if (bytes[0] != 0x30 && ReadBareBase64(bytes, result)) break;
                result.Error(location, bytes[0] == 0x30
                    ? "malformed or truncated DER: not a certificate, key, CRL, PKCS#7 or PKCS#12 structure"
                    : "unrecognised content: neither PEM nor DER certificate material");
                break;
        }
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
        DerShape? shape = null;
        result.Guard(result.At(), "DER content", () => shape = DerSniffer.Sniff(der, exact: true, out _));
        if (der[0] != 0x30 || shape is null or DerShape.Unknown or DerShape.NotLinted) return false;
        CryptographicOperations.ZeroMemory(bytes); // the base64 of a private key, perhaps; the DER is read (and zeroed) below
        ParseBinary(der, result);
        if (result.YieldedAny)
        {
            result.Issues.Add(new ParseIssue(ParseIssueKind.Encoding, result.At(),
                "the file is base64 without PEM BEGIN and END lines: OpenSSL, and the servers that load certificates and keys through it (nginx, Apache httpd, HAProxy...), read base64 only between those lines: add the BEGIN and END lines of its type, or convert it (base64 -d FILE | openssl x509 -inform DER)"));
        }
        return true;
    }

    /// <summary>Shorter base64 is no certificate or key (the smallest, an Ed25519 public key, is 60 characters).</summary>
    private const int MinBareBase64 = 56;

    private static void AddPkcs12(byte[] bytes, SourceLocation location, Collector result)
    {
        var contents = Pkcs12Parser.Parse(bytes, location, result.Passwords, result.Kdf);
        result.Keystore = contents.Keystore;
        result.Certificates.AddRange(contents.Certificates);
        result.Keys.AddRange(contents.Keys);
        result.SecretKeys.AddRange(contents.SecretKeys);
        if (!contents.Opened) throw new PasswordRequiredException("PKCS#12 keystore");
    }

    private static void Zero(ReadOnlyMemory<byte> data)
    {
        if (MemoryMarshal.TryGetArray(data, out var segment)) CryptographicOperations.ZeroMemory(segment.AsSpan());
    }
}
