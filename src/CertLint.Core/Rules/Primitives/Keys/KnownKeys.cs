namespace CertLint.Rules.Primitives.Keys;

/// <summary>
/// Keys whose private half is published, by SHA-256 of the DER SubjectPublicKeyInfo. Each hash was reproduced from
/// the PEM printed in its source (`openssl pkey -in KEY.pem -pubout -outform DER | sha256sum`); rules/key-known-compromised.md
/// lists the same entries. Add an entry only with a source anyone can check.
/// </summary>
internal static class KnownKeys
{
    public sealed record Entry(string Name, string Source);

    public static readonly IReadOnlyDictionary<string, Entry> BySpkiSha256 = new Dictionary<string, Entry>(StringComparer.OrdinalIgnoreCase)
    {
        ["9a9e5b0f404f4e2d4386e38b04ac91e535946dc2a7f8d84a31404b476e5c35e1"] = new("testRSA1024", "RFC 9500 §2.1"),
        ["8fb6bad671cfe698393c453357da61b56d757ab8c0f3fb9c87f2849e63131878"] = new("testRSA2048", "RFC 9500 §2.1"),
        ["96465ea5dc9bb2da7b351d808a7196e5761f2412a5040131c68d719aaba28fb9"] = new("testRSA4096", "RFC 9500 §2.1"),
        ["e50b2bd28128da6e1cad135a80109223ba1cea6a21127af7c9212bf7774fe0f0"] = new("testDLP2048", "RFC 9500 §2.2"),
        ["b2b04340cfaee616ec9c2c62d261b208e54bb197498df52e8cadede23ac0ba5e"] = new("testECCP256", "RFC 9500 §2.3"),
        ["c4c10105a0be0ed4dd3354428dc38a9bfee64da141ce16e75c94eda272f9dd3a"] = new("testECCP384", "RFC 9500 §2.3"),
        ["acb1b8327fef995e2458fdf5e3c33b2dc0749feabd6a894cb9bda9d70ac06c24"] = new("testECCP521", "RFC 9500 §2.3"),
        ["a1e9156054e04fac899ae9f275132cdc07a5dbc4ea2c2ad3a1ffc6e0d253681f"] = new("Ed25519 example private key", "RFC 8410 §10.3"),
    };
}
