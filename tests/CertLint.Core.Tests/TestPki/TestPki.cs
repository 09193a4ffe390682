using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CertLint.Tests.Pki;

/// <summary>
/// Builds certificates and key files at test time (no committed fixtures that expire).
/// <code>
/// using var dir = new TempDirectory();
/// var root = TestPki.CreateRoot("Acme Root");
/// var inter = root.IssueCa("Acme Intermediate");
/// var leaf = inter.Issue("client", o => o.ClientAuth().Dns("a.test"));
/// TestPki.WritePem(dir.Path, "client.crt", leaf, inter);
/// TestPki.WriteKey(dir.Path, "client.key", leaf);
/// </code>
/// </summary>
public static class TestPki
{
    /// <summary>Fixed dates so that no test depends on today.</summary>
    public static readonly DateTimeOffset DefaultNotBefore = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset DefaultNotAfter = new(2035, 1, 1, 0, 0, 0, TimeSpan.Zero);
    /// <summary>An instant inside the default validity, to lint "now" at.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A self-signed CA certificate (cA=TRUE, keyCertSign|cRLSign).</summary>
    public static TestCertificate CreateRoot(string subject, Action<CertOptions>? configure = null) => Create(subject, isCa: true, configure);

    /// <summary>The usual three tiers: "Acme Root" → "Acme Intermediate" → an end-entity certificate.</summary>
    public static TestChain CreateChain(string leafSubject = "leaf.acme.test", Action<CertOptions>? leaf = null)
    {
        var root = CreateRoot("Acme Root");
        var intermediate = root.IssueCa("Acme Intermediate");
        return new TestChain(root, intermediate, intermediate.Issue(leafSubject, leaf));
    }

    /// <summary>A self-signed end-entity certificate (cA=FALSE).</summary>
    public static TestCertificate CreateSelfSigned(string subject, Action<CertOptions>? configure = null) => Create(subject, isCa: false, configure);

    private static TestCertificate Create(string subject, bool isCa, Action<CertOptions>? configure)
    {
        var options = new CertOptions(isCa);
        configure?.Invoke(options);
        return TestCertificate.Create(subject, options, issuer: null);
    }

    /// <summary>PEM text of the certificates, in the order given.</summary>
    public static string Pem(params TestCertificate[] certificates) => string.Concat(certificates.Select(c => c.Pem));

    /// <summary>Writes the certificates as PEM, in the order given. <paramref name="name"/> may contain sub-folders.</summary>
    public static string WritePem(string dir, string name, params TestCertificate[] certificates) => Write(dir, name, Pem(certificates));

    /// <summary>Writes one PEM file holding a private key followed by certificates (an all-in-one server.pem).</summary>
    public static string WriteKeyAndCertificates(string dir, string name, TestKey key, params TestCertificate[] certificates) =>
        Write(dir, name, key.ToPem() + Pem(certificates));

    public static string WriteDer(string dir, string name, TestCertificate certificate) => Write(dir, name, certificate.Der);

    /// <summary>Writes the certificate's private key (or any key) as PEM.</summary>
    public static string WriteKey(string dir, string name, TestCertificate certificate, KeyFileFormat format = KeyFileFormat.Pkcs8, string? password = null) =>
        WriteKey(dir, name, certificate.Key, format, password);

    public static string WriteKey(string dir, string name, TestKey key, KeyFileFormat format = KeyFileFormat.Pkcs8, string? password = null) =>
        Write(dir, name, key.ToPem(format, password));

    /// <summary>Writes an unencrypted PKCS#8 DER key.</summary>
    public static string WriteKeyDer(string dir, string name, TestKey key) => Write(dir, name, key.ExportPkcs8());

    /// <summary>Writes a PKCS#7 (.p7b) bundle, DER.</summary>
    public static string WritePkcs7(string dir, string name, params TestCertificate[] certificates) =>
        Write(dir, name, Collection(certificates).Export(X509ContentType.Pkcs7)!);

    /// <summary>
    /// Writes a PKCS#12 keystore holding <paramref name="keyOwner"/> with its private key (RSA or EC) and the
    /// <paramref name="others"/> without keys. <paramref name="keyOverride"/> puts another key in it (mismatch tests).
    /// </summary>
    public static string WritePkcs12(string dir, string name, string password, TestCertificate keyOwner, IEnumerable<TestCertificate>? others = null, TestKey? keyOverride = null)
    {
        var key = (keyOverride ?? keyOwner.Key).Bcl ?? throw new NotSupportedException("PKCS#12 test keystores need an RSA or EC key");
        var withKey = key switch
        {
            RSA rsa => keyOwner.Certificate.CopyWithPrivateKey(rsa),
            ECDsa ec => keyOwner.Certificate.CopyWithPrivateKey(ec),
            _ => throw new NotSupportedException(key.GetType().Name),
        };
        var collection = Collection(others ?? []);
        collection.Insert(0, withKey);
        // PBES2 with AES-256, SHA-256 and 100,000 iterations: strong enough for keystore-weak-protection (the .NET and openssl defaults use 2,000-2,048).
        return Write(dir, name, collection.ExportPkcs12(new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 100_000), password));
    }

    private static X509Certificate2Collection Collection(IEnumerable<TestCertificate> certificates)
    {
        var collection = new X509Certificate2Collection();
        foreach (var c in certificates) collection.Add(c.Certificate);
        return collection;
    }

    public static string Write(string dir, string name, string text) => Write(dir, name, System.Text.Encoding.ASCII.GetBytes(text));

    public static string Write(string dir, string name, byte[] bytes)
    {
        var path = Path.Combine(dir, name.Replace('\\', '/'));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}

/// <summary>Root, intermediate and leaf made by <see cref="TestPki.CreateChain"/>.</summary>
public sealed record TestChain(TestCertificate Root, TestCertificate Intermediate, TestCertificate Leaf);
