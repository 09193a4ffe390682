using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CertLint.MSBuild.Tests;

/// <summary>
/// A small tree made at test time with fixed dates: a CA, a service certificate it issued and the service's key.
/// <see cref="WriteBroken"/> makes the certificate expired at <see cref="Now"/> and the key world-readable;
/// <see cref="Repair"/> fixes both.
/// </summary>
internal static class CertificateFixtures
{
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    public const string NowText = "2026-06-01T00:00:00Z";

    public const string CertificatePath = "certs/service.pem";
    public const string KeyPath = "certs/service.key";
    /// <summary>The service certificate's PEM block starts after two comment lines.</summary>
    public const int CertificateLine = 3;

    private static readonly ECDsa CaKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private static readonly ECDsa ServiceKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private static readonly X509Certificate2 Ca = MakeCa();

    public static void WriteBroken(string root)
    {
        Directory.CreateDirectory(Path.Combine(root, "certs"));
        File.WriteAllText(Path.Combine(root, "certs/ca.pem"), Ca.ExportCertificatePem() + "\n");
        WriteService(root, notBefore: new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));
        WriteKey(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
    }

    public static void Repair(string root)
    {
        WriteService(root, notBefore: new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        WriteKey(root, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    private static void WriteService(string root, DateTimeOffset notBefore)
    {
        var request = new CertificateRequest("CN=service.example.test", ServiceKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false));
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("service.example.test");
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Ca, true, false));
        // 365 days: well under the validity-too-long limit, so only expiry is in play.
        using var cert = request.Create(Ca, notBefore, notBefore.AddDays(365), [0x10, (byte)notBefore.Year]);
        var text = $"# service certificate\n# issued by the test CA\n{cert.ExportCertificatePem()}\n";
        File.WriteAllText(Path.Combine(root, CertificatePath), text);
    }

    private static void WriteKey(string root, UnixFileMode mode)
    {
        var path = Path.Combine(root, KeyPath);
        File.WriteAllText(path, ServiceKey.ExportPkcs8PrivateKeyPem() + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, mode);
        }
    }

    private static X509Certificate2 MakeCa()
    {
        var request = new CertificateRequest("CN=CertLint Test CA", CaKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2045, 1, 1, 0, 0, 0, TimeSpan.Zero));
    }
}
