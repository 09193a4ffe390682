namespace CertLint.Parsing;

/// <summary>OID lookup tables: readable names as OpenSSL prints them, so reports read like `openssl x509 -text`.</summary>
internal static class OidNames
{
    public const string RsaEncryption = "1.2.840.113549.1.1.1";
    public const string RsaPss = "1.2.840.113549.1.1.10";
    public const string Dsa = "1.2.840.10040.4.1";
    public const string EcPublicKey = "1.2.840.10045.2.1";
    public const string Ed25519 = "1.3.101.112";
    public const string Ed448 = "1.3.101.113";
    public const string X25519 = "1.3.101.110";
    public const string X448 = "1.3.101.111";
    public const string Sha1 = "1.3.14.3.2.26";

    /// <summary>Signature algorithm OID -> (name, hash). Hash null when intrinsic (EdDSA) or given by parameters (PSS).</summary>
    public static readonly IReadOnlyDictionary<string, (string Name, string? Hash)> SignatureAlgorithms =
        new Dictionary<string, (string, string?)>
        {
            ["1.2.840.113549.1.1.2"] = ("md2WithRSAEncryption", "MD2"),
            ["1.2.840.113549.1.1.4"] = ("md5WithRSAEncryption", "MD5"),
            ["1.2.840.113549.1.1.5"] = ("sha1WithRSAEncryption", "SHA1"),
            ["1.3.14.3.2.29"] = ("sha1WithRSA", "SHA1"),
            ["1.2.840.113549.1.1.14"] = ("sha224WithRSAEncryption", "SHA224"),
            ["1.2.840.113549.1.1.11"] = ("sha256WithRSAEncryption", "SHA256"),
            ["1.2.840.113549.1.1.12"] = ("sha384WithRSAEncryption", "SHA384"),
            ["1.2.840.113549.1.1.13"] = ("sha512WithRSAEncryption", "SHA512"),
            [RsaPss] = ("RSASSA-PSS", null),
            ["1.2.840.10045.4.1"] = ("ecdsa-with-SHA1", "SHA1"),
            ["1.2.840.10045.4.3.1"] = ("ecdsa-with-SHA224", "SHA224"),
            ["1.2.840.10045.4.3.2"] = ("ecdsa-with-SHA256", "SHA256"),
            ["1.2.840.10045.4.3.3"] = ("ecdsa-with-SHA384", "SHA384"),
            ["1.2.840.10045.4.3.4"] = ("ecdsa-with-SHA512", "SHA512"),
            ["1.2.840.10040.4.3"] = ("dsaWithSHA1", "SHA1"),
            ["2.16.840.1.101.3.4.3.1"] = ("dsa_with_SHA224", "SHA224"),
            ["2.16.840.1.101.3.4.3.2"] = ("dsa_with_SHA256", "SHA256"),
            [Ed25519] = ("ED25519", null),
            [Ed448] = ("ED448", null),
            [MlDsa.Oid44] = ("ML-DSA-44", null),
            [MlDsa.Oid65] = ("ML-DSA-65", null),
            [MlDsa.Oid87] = ("ML-DSA-87", null),
        }.Concat(SlhDsa.Sets.Select(s => KeyValuePair.Create(s.Oid, (s.Name, (string?)null)))).ToDictionary();

    /// <summary>Digest OIDs (PSS parameters, PKCS#12 MACs).</summary>
    public static readonly IReadOnlyDictionary<string, string> Hashes = new Dictionary<string, string>
    {
        ["1.2.840.113549.2.2"] = "MD2", ["1.2.840.113549.2.5"] = "MD5", [Sha1] = "SHA1",
        ["2.16.840.1.101.3.4.2.4"] = "SHA224", ["2.16.840.1.101.3.4.2.1"] = "SHA256",
        ["2.16.840.1.101.3.4.2.2"] = "SHA384", ["2.16.840.1.101.3.4.2.3"] = "SHA512",
    };

    /// <summary>Named curves: OID -> (name, field size in bits).</summary>
    public static readonly IReadOnlyDictionary<string, (string Name, int Bits)> Curves = new Dictionary<string, (string, int)>
    {
        ["1.2.840.10045.3.1.1"] = ("P-192", 192),
        ["1.3.132.0.33"] = ("P-224", 224),
        ["1.2.840.10045.3.1.7"] = ("P-256", 256),
        ["1.3.132.0.34"] = ("P-384", 384),
        ["1.3.132.0.35"] = ("P-521", 521),
        ["1.3.132.0.10"] = ("secp256k1", 256),
        ["1.3.36.3.3.2.8.1.1.1"] = ("brainpoolP160r1", 160),
        ["1.3.36.3.3.2.8.1.1.3"] = ("brainpoolP192r1", 192),
        ["1.3.36.3.3.2.8.1.1.5"] = ("brainpoolP224r1", 224),
        ["1.3.36.3.3.2.8.1.1.7"] = ("brainpoolP256r1", 256),
        ["1.3.36.3.3.2.8.1.1.8"] = ("brainpoolP256t1", 256),
        ["1.3.36.3.3.2.8.1.1.9"] = ("brainpoolP320r1", 320),
        ["1.3.36.3.3.2.8.1.1.11"] = ("brainpoolP384r1", 384),
        ["1.3.36.3.3.2.8.1.1.13"] = ("brainpoolP512r1", 512),
        ["1.2.156.10197.1.301"] = ("SM2", 256),
    };
}
