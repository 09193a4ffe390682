using System.Collections.Frozen;

namespace CertLint.Parsing;

/// <summary>
/// The PEM labels CertLint reads (what <see cref="ContentParser"/> parses a block of) and those it knows and leaves
/// alone, in one place: a block of any other label is read by nobody, and a label one or two letters off one that is
/// read ("CERTIFICAT", "Certificate", "PRIVATE KEYS") is a hand-edited block OpenSSL refuses too (labels are exact,
/// RFC 7468 §2), which must not pass as an empty file.
/// </summary>
internal static class PemLabels
{
    public const string Certificate = "CERTIFICATE", X509Certificate = "X509 CERTIFICATE", TrustedCertificate = "TRUSTED CERTIFICATE";
    public const string Pkcs7 = "PKCS7", Cms = "CMS", Crl = "X509 CRL";
    public const string CertificateRequest = "CERTIFICATE REQUEST", NewCertificateRequest = "NEW CERTIFICATE REQUEST";

    /// <summary>The key labels <see cref="KeyParser.ParsePem"/> reads.</summary>
    public static readonly IReadOnlySet<string> Keys = new HashSet<string>(StringComparer.Ordinal)
    {
        "PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY", "DSA PRIVATE KEY", "PUBLIC KEY", "RSA PUBLIC KEY", "OPENSSH PRIVATE KEY",
    };

    public static readonly IReadOnlySet<string> Read = new HashSet<string>(Keys, StringComparer.Ordinal)
    {
        Certificate, X509Certificate, TrustedCertificate, Pkcs7, Cms, Crl, CertificateRequest, NewCertificateRequest,
        OpenPgpKeyParser.SecretLabel, OpenPgpKeyParser.PublicLabel,
        DhParametersParser.Pkcs3Label, DhParametersParser.X942Label,
        OpenVpnKeys.StaticKeyLabel, OpenVpnKeys.TlsCryptV2ServerLabel, OpenVpnKeys.TlsCryptV2ClientLabel,
    };

    /// <summary>Labels that tools write for what is no certificate, key or CRL to lint (signatures, parameters, OCSP, sessions).</summary>
    private static readonly FrozenSet<string> NotLinted = new[]
    {
        "EC PARAMETERS", "DSA PARAMETERS", "PARAMETERS", "SM2 PARAMETERS", "SSL SESSION PARAMETERS",
        "OCSP REQUEST", "OCSP RESPONSE", "ATTRIBUTE CERTIFICATE", "PKCS #7 SIGNED DATA",
        "PGP SIGNATURE", "PGP MESSAGE", "PGP SIGNED MESSAGE", "PGP ARMORED FILE", "SSH SIGNATURE",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool IsKnown(string label) => Read.Contains(label) || NotLinted.Contains(label);

    /// <summary>The label read that <paramref name="label"/> misspells: equal ignoring case, or (labels of six or more letters) at most two edits away.</summary>
    public static string? NearMiss(string label)
    {
        if (IsKnown(label)) return null;
        var upper = label.ToUpperInvariant();
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var known in Read)
        {
            if (known == upper) return known;
            if (known.Length < 6) continue;
            var distance = EditDistance(known, upper, 2);
            if (distance <= 2 && distance < bestDistance) (best, bestDistance) = (known, distance);
        }
        return best;
    }

    /// <summary>Levenshtein distance, or <paramref name="limit"/> + 1 once it must exceed the limit (labels are at most 64 characters).</summary>
    private static int EditDistance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit) return limit + 1;
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                rowMin = Math.Min(rowMin, current[j]);
            }
            if (rowMin > limit) return limit + 1;
            var swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.Length];
    }
}
