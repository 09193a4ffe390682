using System.Formats.Asn1;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using CertLint.Model;
using CertLint.Discovery;

namespace CertLint.Parsing;

/// <summary>A file's bytes -> <see cref="ParsedFile"/>: PEM blocks by label, binary content by its DER shape. Never throws.</summary>
public static partial class ContentParser
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
        (string Label, SourceLocation At)? unknown = null;
        var unknownBlocks = 0;
        foreach (var block in PemScanner.Scan(content))
        {
            var location = result.At(block.StartLine, block.EndLine, ordinal++);
            if (block.Error is not null)
            {
                result.Error(location, block.Error);
                continue;
            }
            if (!PemLabels.IsKnown(block.Label))
            {
                // Only the first blocks of unknown labels are compared with the labels read: a file of 70,000 tiny
                // blocks must not cost 70,000 comparisons, and 50 findings already fail it.
                if (++unknownBlocks <= PemScanner.MaxErrorBlocks && PemLabels.NearMiss(block.Label) is { } meant)
                {
                    result.Error(location, $"PEM label \"{block.Label}\" is not one OpenSSL reads (labels are exact, RFC 7468 §2): \"{meant}\" was probably meant");
                }
                unknown ??= (block.Label, location);
                Zero(block.Data); // "PRIVATE KEYS" is a private key all the same: its bytes are not kept
                sawKey |= block.Label.Contains("KEY", StringComparison.OrdinalIgnoreCase);
                continue;
            }
            var isKey = KeyParser.IsKeyLabel(block.Label) || block.Label == OpenPgpKeyParser.SecretLabel || OpenVpnKeys.IsSecretLabel(block.Label);
            sawKey |= isKey;
            result.Guard(location, block.Label, " block", (block, location, result), static s => ParseBlock(s.block, s.location, s.result));
            if (isKey) Zero(block.Data);
        }
        // A certificate or key file of blocks nobody reads (a label CertLint does not know) must not pass as an empty file.
        if (unknown is { } first && !result.YieldedAny && !result.HasIssues && Discovery.CandidateSniffer.HasCandidateExtension(result.File.FullPath))
        {
            result.Error(first.At, $"no certificate, key or CRL in this file: its PEM label \"{first.Label}\" is not one CertLint reads");
        }
        return sawKey;
    }

    private static void ParseBlock(PemBlock block, SourceLocation location, Collector result)
    {
        switch (block.Label)
        {
            case PemLabels.Certificate or PemLabels.X509Certificate:
                result.Certificates.Add(CertificateParser.Parse(block.Data, location, ObjectFormat.Pem));
                break;
            case PemLabels.TrustedCertificate:
                // OpenSSL's X509_AUX trust settings follow the certificate: read the certificate, ignore the rest.
                result.Certificates.Add(CertificateParser.Read(new AsnReader(block.Data, AsnEncodingRules.DER), location, ObjectFormat.Pem));
                break;
            case PemLabels.Pkcs7 or PemLabels.Cms:
                result.Certificates.AddRange(Pkcs7Parser.Parse(block.Data, location));
                break;
            case PemLabels.Crl:
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
            case PemLabels.CertificateRequest or PemLabels.NewCertificateRequest:
                result.Keys.Add(KeyParser.ParseCertificationRequest(block.Data, location, ObjectFormat.Pem));
                break;
            default:
                break; // PGP SIGNATURE, EC PARAMETERS...: not ours to lint (PemLabels; unknown labels are judged by ParsePem)
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
        if (Sniff(bytes, result) is { } sniffed) ParseDer(bytes, result, sniffed.Shape, sniffed.Key);
    }

    /// <summary>
    /// The DER shape of the content. The sniff may do key arithmetic (is a DER SEQUENCE of two integers an RSA public key
    /// or DH parameters?), which a file's allowance or the run's budget can refuse: a step like any other, null then.
    /// </summary>
    private static (DerShape Shape, KeyEncoding? Key)? Sniff(byte[] bytes, Collector result)
    {
        (DerShape, KeyEncoding?)? sniffed = null;
        result.Guard(result.At(), "DER content", () => sniffed = (DerSniffer.Sniff(bytes, exact: true, out var key), key));
        return sniffed;
    }

    /// <summary>DER content of the shape the sniff found (one sniff per content: it may cost key arithmetic).</summary>
    private static void ParseDer(byte[] bytes, Collector result, DerShape shape, KeyEncoding? key)
    {
        var location = result.At();
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
