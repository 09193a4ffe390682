using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CertLint.Tests.Pki;

/// <summary>
/// What a test certificate looks like. Fluent: <c>o => o.ClientAuth().Dns("a.test").Valid(from, to)</c>.
/// Defaults: EC P-256 key, validity <see cref="TestPki.DefaultNotBefore"/>..<see cref="TestPki.DefaultNotAfter"/>,
/// SKI and AKI present; CAs get basicConstraints cA=TRUE (critical) and keyUsage keyCertSign|cRLSign,
/// leaves get cA=FALSE and keyUsage digitalSignature (+keyEncipherment for RSA).
/// </summary>
public sealed class CertOptions
{
    internal CertOptions(bool isCa)
    {
        IsCa = isCa;
    }

    internal bool IsCa { get; private set; }
    internal bool IncludeBasicConstraints { get; private set; } = true;
    internal int? PathLength { get; private set; }
    internal X509KeyUsageFlags? KeyUsageFlags { get; private set; }
    internal bool IncludeKeyUsage { get; private set; } = true;
    internal List<string> Ekus { get; } = [];
    internal List<Action<SubjectAlternativeNameBuilder>> SanEntries { get; } = [];
    internal DateTimeOffset NotBefore { get; private set; } = TestPki.DefaultNotBefore;
    internal DateTimeOffset NotAfter { get; private set; } = TestPki.DefaultNotAfter;
    internal TestKeyType KeyType { get; private set; } = TestKeyType.EcP256;
    internal int RsaBits { get; private set; } = 2048;
    internal TestKey? ExistingKey { get; private set; }
    internal HashAlgorithmName? Hash { get; private set; }
    internal bool RsaPss { get; private set; }
    internal bool IncludeSki { get; private set; } = true;
    internal bool IncludeAki { get; private set; } = true;
    internal byte[]? SerialNumber { get; private set; }
    internal List<X509Extension> ExtraExtensions { get; } = [];

    /// <summary>Adds extendedKeyUsage serverAuth.</summary>
    public CertOptions ServerAuth() => Eku("1.3.6.1.5.5.7.3.1");

    /// <summary>Adds extendedKeyUsage clientAuth.</summary>
    public CertOptions ClientAuth() => Eku("1.3.6.1.5.5.7.3.2");

    public CertOptions Eku(params string[] oids)
    {
        Ekus.AddRange(oids);
        return this;
    }

    /// <summary>basicConstraints cA=TRUE, optionally with a pathLenConstraint.</summary>
    public CertOptions Ca(int? pathLength = null)
    {
        IsCa = true;
        PathLength = pathLength;
        return this;
    }

    /// <summary>basicConstraints cA=FALSE (an issuer that is not a CA, for negative tests).</summary>
    public CertOptions NotCa()
    {
        IsCa = false;
        return this;
    }

    /// <summary>No basicConstraints extension at all.</summary>
    public CertOptions NoBasicConstraints()
    {
        IncludeBasicConstraints = false;
        return this;
    }

    /// <summary>Exactly these keyUsage bits (critical).</summary>
    public CertOptions KeyUsage(X509KeyUsageFlags flags)
    {
        KeyUsageFlags = flags;
        IncludeKeyUsage = true;
        return this;
    }

    public CertOptions NoKeyUsage()
    {
        IncludeKeyUsage = false;
        return this;
    }

    public CertOptions Dns(params string[] names) => San(b => Array.ForEach(names, b.AddDnsName));

    public CertOptions Ip(params string[] addresses) => San(b => Array.ForEach(addresses, a => b.AddIpAddress(IPAddress.Parse(a))));

    public CertOptions Email(params string[] addresses) => San(b => Array.ForEach(addresses, b.AddEmailAddress));

    public CertOptions Uri(params string[] uris) => San(b => Array.ForEach(uris, u => b.AddUri(new Uri(u))));

    private CertOptions San(Action<SubjectAlternativeNameBuilder> add)
    {
        SanEntries.Add(add);
        return this;
    }

    public CertOptions Valid(DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        NotBefore = notBefore;
        NotAfter = notAfter;
        return this;
    }

    public CertOptions Rsa(int bits = 2048)
    {
        KeyType = TestKeyType.Rsa;
        RsaBits = bits;
        return this;
    }

    public CertOptions EcP256() => Key(TestKeyType.EcP256);

    public CertOptions EcP384() => Key(TestKeyType.EcP384);

    public CertOptions Ed25519() => Key(TestKeyType.Ed25519);

    public CertOptions Ed448() => Key(TestKeyType.Ed448);

    public CertOptions Dsa() => Key(TestKeyType.Dsa);

    public CertOptions Key(TestKeyType type)
    {
        KeyType = type;
        return this;
    }

    /// <summary>Reuses an existing key pair (renewals, cross-signing, key/cert mismatch tests).</summary>
    public CertOptions WithKey(TestKey key)
    {
        ExistingKey = key;
        return this;
    }

    /// <summary>The hash the issuer signs with (default SHA-256; SHA-384/512 for P-384/P-521 issuers).</summary>
    public CertOptions SignWith(HashAlgorithmName hash)
    {
        Hash = hash;
        return this;
    }

    /// <summary>The issuer (an RSA key) signs with RSASSA-PSS.</summary>
    public CertOptions SignWithRsaPss()
    {
        RsaPss = true;
        return this;
    }

    public CertOptions NoSubjectKeyIdentifier()
    {
        IncludeSki = false;
        return this;
    }

    public CertOptions NoAuthorityKeyIdentifier()
    {
        IncludeAki = false;
        return this;
    }

    public CertOptions Serial(params byte[] serial)
    {
        SerialNumber = serial;
        return this;
    }

    public CertOptions Extension(X509Extension extension)
    {
        ExtraExtensions.Add(extension);
        return this;
    }
}
