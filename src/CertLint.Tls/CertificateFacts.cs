using System.Security.Cryptography.X509Certificates;
using CertLint.Model;

namespace CertLint.Tls;

/// <summary>Small facts about an X509Certificate2 that both sides of a handshake check.</summary>
internal static class CertificateFacts
{
    /// <summary>True when the certificate may be used for the purpose: no EKU extension, anyExtendedKeyUsage, or the OID.</summary>
    public static bool AllowsPurpose(X509Certificate2 cert, string oid, out IReadOnlyList<string> listed)
    {
        var eku = cert.Extensions.OfType<X509EnhancedKeyUsageExtension>().FirstOrDefault();
        listed = eku is null ? [] : eku.EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>().Select(o => o.FriendlyName ?? o.Value ?? "").ToList();
        if (eku is null) return true;
        var oids = eku.EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>().Select(o => o.Value).ToList();
        return oids.Contains(oid) || oids.Contains(Oids.AnyExtendedKeyUsage);
    }

    /// <summary>"is not valid before ..." or "expired on ...", or null when valid at <paramref name="now"/>.</summary>
    public static string? ValidityProblem(X509Certificate2 cert, DateTimeOffset now)
    {
        var notBefore = new DateTimeOffset(cert.NotBefore.ToUniversalTime(), TimeSpan.Zero);
        var notAfter = new DateTimeOffset(cert.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        if (now < notBefore) return $"is not valid before {notBefore:yyyy-MM-dd HH:mm} UTC";
        if (now > notAfter) return $"expired on {notAfter:yyyy-MM-dd HH:mm} UTC";
        return null;
    }
}
