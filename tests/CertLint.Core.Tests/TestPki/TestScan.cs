using CertLint.Configuration;
using CertLint.Inventory;
using CertLint.Model;
using CertLint.Parsing;

namespace CertLint.Tests.Pki;

/// <summary>
/// An in-memory scan: ParsedFiles made from test certificates and keys (certificates go through the real
/// <see cref="CertificateParser"/>, keys through <see cref="SpkiParser"/>), without touching the disk.
/// <code>
/// var inventory = new TestScan().Pem("certs/client.crt", leaf, inter).Key("certs/client.key", leaf.Key).Build();
/// </code>
/// </summary>
public sealed class TestScan
{
    private readonly List<ParsedFile> _files = [];
    private readonly List<CertificateInfo> _anchors = [];

    public TestScan(string root = "/scan")
    {
        Root = root;
    }

    /// <summary>The pretend scan root; files live below it.</summary>
    public string Root { get; }

    public IReadOnlyList<ParsedFile> Files => _files;

    public IReadOnlyList<CertificateInfo> ExtraAnchors => _anchors;

    /// <summary>A PEM file holding the certificates in order.</summary>
    public TestScan Pem(string path, params TestCertificate[] certificates) => Add(path, FileKind.Pem, ObjectFormat.Pem, null, certificates);

    /// <summary>A PEM file of certificates given as DER (fixtures, hand-modified certificates).</summary>
    public TestScan Raw(string path, params byte[][] certificateDers)
    {
        var file = SourceFile(path);
        _files.Add(new ParsedFile
        {
            File = file,
            Kind = FileKind.Pem,
            Certificates = [.. certificateDers.Select((d, i) => Certificate(d, file, i))],
        });
        return this;
    }

    public TestScan Der(string path, TestCertificate certificate) => Add(path, FileKind.DerCertificate, ObjectFormat.Der, null, [certificate]);

    /// <summary>A PEM private key file (PKCS#8).</summary>
    public TestScan Key(string path, TestKey key) => Add(path, FileKind.Pem, ObjectFormat.Pem, key, []);

    /// <summary>One PEM file with a private key followed by certificates (an all-in-one server.pem).</summary>
    public TestScan KeyAndCertificates(string path, TestKey key, params TestCertificate[] certificates) =>
        Add(path, FileKind.Pem, ObjectFormat.Pem, key, certificates);

    /// <summary>A PKCS#12 keystore with one key and its certificates.</summary>
    public TestScan Pkcs12(string path, TestKey key, params TestCertificate[] certificates) =>
        Add(path, FileKind.Pkcs12, ObjectFormat.Pkcs12, key, certificates);

    public TestScan Pkcs7(string path, params TestCertificate[] certificates) => Add(path, FileKind.Pkcs7, ObjectFormat.Pkcs7, null, certificates);

    /// <summary>Trust anchors from --ca files (not part of the scan).</summary>
    public TestScan Ca(params TestCertificate[] certificates)
    {
        var file = SourceFile("ca/" + _anchors.Count + ".pem");
        _anchors.AddRange(certificates.Select((c, i) => Certificate(c, file, i, ObjectFormat.Pem)));
        return this;
    }

    /// <summary>A PEM file holding one CRL.</summary>
    public TestScan Crl(string path, TestCrl crl)
    {
        var file = SourceFile(path);
        _files.Add(new ParsedFile { File = file, Kind = FileKind.Pem, Crls = [CrlParser.Parse(crl.Der, new SourceLocation(file))] });
        return this;
    }

    public LintSettings Settings(bool anchorsFromScan = true, IReadOnlyList<PathRole>? roles = null, DateTimeOffset? now = null,
        ValidationSettings? validation = null) => new()
    {
        Root = Root,
        Paths = [Root],
        Now = now ?? TestPki.DefaultNow,
        AnchorsFromScan = anchorsFromScan,
        RolesByPath = roles ?? [],
        Validation = validation ?? new ValidationSettings(),
    };

    public CertificateInventory Build(bool anchorsFromScan = true, IReadOnlyList<PathRole>? roles = null, DateTimeOffset? now = null,
        ValidationSettings? validation = null) =>
        InventoryBuilder.Build(_files, _anchors, Settings(anchorsFromScan, roles, now, validation));

    public SourceFile SourceFile(string relativePath) => new(System.IO.Path.Combine(Root, relativePath), relativePath, 0, null);

    public static CertificateInfo Certificate(TestCertificate certificate, SourceFile file, int index = 0, ObjectFormat format = ObjectFormat.Pem) =>
        Certificate(certificate.Der, file, index, format);

    public static CertificateInfo Certificate(byte[] der, SourceFile file, int index = 0, ObjectFormat format = ObjectFormat.Pem) =>
        CertificateParser.Parse(der, new SourceLocation(file, Index: index), format);

    public static KeyInfo KeyInfo(TestKey key, SourceFile file, int index = 0, ObjectFormat format = ObjectFormat.Pem) => new()
    {
        Location = new SourceLocation(file, Index: index),
        Format = format,
        Encoding = format == ObjectFormat.Pkcs12 ? KeyEncoding.Pkcs12Entry : KeyEncoding.Pkcs8,
        IsPrivate = true,
        PublicKey = SpkiParser.Parse(key.SubjectPublicKeyInfo),
    };

    private TestScan Add(string path, FileKind kind, ObjectFormat format, TestKey? key, TestCertificate[] certificates)
    {
        var file = SourceFile(path);
        var offset = key is null ? 0 : 1;
        _files.Add(new ParsedFile
        {
            File = file,
            Kind = kind,
            Keys = key is null ? [] : [KeyInfo(key, file, 0, format)],
            Certificates = [.. certificates.Select((c, i) => Certificate(c, file, i + offset, format))],
        });
        return this;
    }
}
