using CertLint.Parsing;

namespace CertLint.Rules.Fields;

/// <summary>
/// The signature algorithms of SCTs (RFC 6962 §2.1.4: a log signs with ECDSA on P-256 or RSASSA-PKCS1-v1_5, both with
/// SHA-256), named as TLS 1.2 names the DigitallySigned octets (RFC 5246 §7.4.1.4.1, RFC 8422, RFC 8446).
/// </summary>
internal static class SctAlgorithms
{
    private const int Sha256 = 4, Rsa = 1, Ecdsa = 3;

    /// <summary>The distinct "hash/signature" pairs of v1 SCTs that are not SHA-256 with RSA or ECDSA (at most 8, as
    /// a list may hold thousands of SCTs).</summary>
    public static string[] Bad(SignedCertificateTimestamps.Sct[]? scts)
    {
        if (scts is null) return [];
        List<string>? bad = null;
        foreach (var sct in scts)
        {
            if (sct.Version != 0 || sct.Hash < 0 || (sct.Hash == Sha256 && sct.Signature is Rsa or Ecdsa)) continue;
            var name = $"{HashName(sct.Hash)}/{SignatureName(sct.Signature)}";
            if (!(bad ??= []).Contains(name)) bad.Add(name);
            if (bad.Count == 8) break;
        }
        return bad is null ? [] : [.. bad];
    }

    private static string HashName(int hash) => hash switch
    {
        0 => "none", 1 => "md5", 2 => "sha1", 3 => "sha224", 4 => "sha256", 5 => "sha384", 6 => "sha512", 8 => "intrinsic",
        _ => $"hash {hash}",
    };

    private static string SignatureName(int signature) => signature switch
    {
        0 => "anonymous", 1 => "rsa", 2 => "dsa", 3 => "ecdsa", 7 => "ed25519", 8 => "ed448",
        _ => $"signature {signature}",
    };
}
