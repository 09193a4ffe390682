using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace CertLint.Tests.Pki;

/// <summary>
/// A certificate made at test time, with its key and its issuer. Issue further certificates from a CA:
/// <c>TestPki.CreateRoot("Acme Root").IssueCa("Acme Intermediate").Issue("client", o => o.ClientAuth())</c>.
/// </summary>
public sealed class TestCertificate
{
    private X509Certificate2? _certificate;

    internal TestCertificate(string subject, TestKey key, byte[] der, TestCertificate? issuer, byte[]? subjectKeyId)
    {
        Subject = subject;
        Key = key;
        Der = der;
        Issuer = issuer;
        SubjectKeyId = subjectKeyId;
    }

    /// <summary>The subject DN as given, e.g. "CN=Acme Root".</summary>
    public string Subject { get; }

    public TestKey Key { get; }

    /// <summary>The certificate DER.</summary>
    public byte[] Der { get; }

    /// <summary>The certificate that signed this one; null when self-signed.</summary>
    public TestCertificate? Issuer { get; }

    /// <summary>The subjectKeyIdentifier value, or null when the extension was left out.</summary>
    public byte[]? SubjectKeyId { get; }

    public X509Certificate2 Certificate => _certificate ??= X509CertificateLoader.LoadCertificate(Der);

    /// <summary>SHA-256 of the DER, lower-case hex: what the model's CertificateInfo.Sha256 should be.</summary>
    public string Sha256 => Convert.ToHexStringLower(SHA256.HashData(Der));

    public string Pem => PemEncoding.WriteString("CERTIFICATE", Der) + "\n";

    /// <summary>This certificate, then its issuers up to and including the self-signed root.</summary>
    public IReadOnlyList<TestCertificate> ChainToRoot
    {
        get
        {
            var chain = new List<TestCertificate>();
            for (var c = this; c is not null; c = c.Issuer) chain.Add(c);
            return chain;
        }
    }

    /// <summary>Issues an end-entity certificate (cA=FALSE) signed by this one.</summary>
    public TestCertificate Issue(string subject, Action<CertOptions>? configure = null) => Build(subject, isCa: false, configure);

    /// <summary>Issues a CA certificate (cA=TRUE, keyCertSign) signed by this one.</summary>
    public TestCertificate IssueCa(string subject, Action<CertOptions>? configure = null) => Build(subject, isCa: true, configure);

    /// <summary>Cross-signs <paramref name="ca"/>: a CA certificate with its subject and key, issued by this one.</summary>
    public TestCertificate CrossSign(TestCertificate ca, Action<CertOptions>? configure = null) =>
        IssueCa(ca.Subject, o =>
        {
            o.WithKey(ca.Key);
            configure?.Invoke(o);
        });

    /// <summary>A copy whose signature's last byte is flipped, so that it no longer verifies.</summary>
    public TestCertificate Tampered()
    {
        var der = (byte[])Der.Clone();
        der[^1] ^= 0x01;
        return new TestCertificate(Subject, Key, der, Issuer, SubjectKeyId);
    }

    public override string ToString() => Subject;

    private TestCertificate Build(string subject, bool isCa, Action<CertOptions>? configure)
    {
        var options = new CertOptions(isCa);
        configure?.Invoke(options);
        return Create(subject, options, this);
    }

    internal static TestCertificate Create(string subject, CertOptions o, TestCertificate? issuer)
    {
        var dn = subject.Contains('=', StringComparison.Ordinal) ? subject : $"CN={subject}";
        var key = o.ExistingKey ?? TestKey.Create(o.KeyType, o.RsaBits);
        var signingKey = issuer?.Key ?? key;
        var hash = o.Hash ?? signingKey.DefaultHash;
        var request = new CertificateRequest(new X500DistinguishedName(dn), key.PublicKey, hash);
        AddExtensions(request, o, key);

        byte[]? ski = null;
        if (o.IncludeSki)
        {
            var skiExtension = new X509SubjectKeyIdentifierExtension(key.PublicKey, critical: false);
            ski = skiExtension.SubjectKeyIdentifierBytes.ToArray();
            request.CertificateExtensions.Add(skiExtension);
        }
        var issuerKeyId = issuer is null ? ski : issuer.SubjectKeyId;
        if (o.IncludeAki && issuerKeyId is not null)
        {
            request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromSubjectKeyIdentifier(issuerKeyId));
        }

        var issuerName = issuer?.Certificate.SubjectName ?? request.SubjectName;
        var serial = o.SerialNumber ?? DefaultSerial(dn, key, o.NotBefore);
        using var cert = request.Create(issuerName, signingKey.SignatureGenerator(hash, o.RsaPss), o.NotBefore, o.NotAfter, serial);
        return new TestCertificate(dn, key, cert.RawData, issuer, ski);
    }

    private static void AddExtensions(CertificateRequest request, CertOptions o, TestKey key)
    {
        var extensions = request.CertificateExtensions;
        if (o.IncludeBasicConstraints)
        {
            extensions.Add(new X509BasicConstraintsExtension(o.IsCa, o.PathLength is not null, o.PathLength ?? 0, critical: true));
        }
        if (o.IncludeKeyUsage)
        {
            var usage = o.KeyUsageFlags ?? (o.IsCa
                ? X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign
                : key.Type == TestKeyType.Rsa
                    ? X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment
                    : X509KeyUsageFlags.DigitalSignature);
            extensions.Add(new X509KeyUsageExtension(usage, critical: true));
        }
        if (o.Ekus.Count > 0)
        {
            var oids = new OidCollection();
            foreach (var oid in o.Ekus) oids.Add(new Oid(oid));
            extensions.Add(new X509EnhancedKeyUsageExtension(oids, critical: false));
        }
        if (o.SanEntries.Count > 0)
        {
            var san = new SubjectAlternativeNameBuilder();
            foreach (var add in o.SanEntries) add(san);
            extensions.Add(san.Build());
        }
        foreach (var extra in o.ExtraExtensions) extensions.Add(extra);
    }

    // Deterministic for a given name, key and date, distinct across keys; positive and 8 bytes like most CAs use.
    private static byte[] DefaultSerial(string dn, TestKey key, DateTimeOffset notBefore)
    {
        var seed = Encoding.UTF8.GetBytes($"{dn}|{notBefore:O}|{key.SpkiSha256}");
        var serial = SHA256.HashData(seed)[..8];
        serial[0] = (byte)((serial[0] & 0x7F) | 0x10);
        return serial;
    }
}
