using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CertLint.Benchmarks;

/// <summary>
/// Writes COUNT unique leaf certificates with their keys into nested folders (100 per folder), issued by one
/// intermediate under one root, with a share of known defects so every rule path is exercised:
/// 5% expired, 5% wrong EKU (server cert in a client folder), 2% mismatched key, 3% loose permissions.
/// ECDSA P-256 keeps generation fast; the linter's cost per certificate does not depend much on the key type.
/// </summary>
public static class CorpusGenerator
{
    public sealed record Stats(int Certificates, int Keys, int Expired, int WrongEku, int Mismatched, int LoosePermissions)
    {
        public override string ToString() =>
            $"{Certificates} certificates, {Keys} keys (expired {Expired}, wrong EKU {WrongEku}, mismatched {Mismatched}, loose permissions {LoosePermissions})";
    }

    public static Stats Generate(string root, int count, DateTimeOffset now)
    {
        Directory.CreateDirectory(root);
        using var rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var rootCert = CreateCa("CN=Bench Root CA", rootKey, null, null, now);
        using var intKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var intCert = CreateCa("CN=Bench Intermediate CA", intKey, rootCert, rootKey, now);
        File.WriteAllText(Path.Combine(root, "ca.crt"), rootCert.ExportCertificatePem() + "\n");
        File.WriteAllText(Path.Combine(root, "intermediate.crt"), intCert.ExportCertificatePem() + "\n");

        int expired = 0, wrongEku = 0, mismatched = 0, loose = 0;
        var lockObj = new object();
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var role = i % 2 == 0 ? "client" : "server";
            var dir = Path.Combine(root, $"tenant-{i / 100:D4}", role);
            Directory.CreateDirectory(dir);
            var isExpired = i % 20 == 3;
            var isWrongEku = i % 20 == 7;
            var isMismatch = i % 50 == 11;
            var isLoose = i % 33 == 5;
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var name = $"svc-{i:D6}";
            var req = new CertificateRequest($"CN={name}.bench.test, O=Bench", key, HashAlgorithmName.SHA256);
            req.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
            req.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
            var eku = (role == "client") ^ isWrongEku ? "1.3.6.1.5.5.7.3.2" : "1.3.6.1.5.5.7.3.1";
            req.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(eku)], false));
            var san = new SubjectAlternativeNameBuilder();
            san.AddDnsName($"{name}.bench.test");
            req.CertificateExtensions.Add(san.Build());
            req.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(req.PublicKey, false));
            req.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(intCert, true, false));
            var notBefore = isExpired ? now.AddDays(-400) : now.AddDays(-10);
            var notAfter = isExpired ? now.AddDays(-35) : now.AddDays(300);
            var serial = BitConverter.GetBytes((long)i + 1000);
            using var cert = req.Create(intCert.SubjectName, X509SignatureGenerator.CreateForECDsa(intKey), notBefore, notAfter, serial);
            File.WriteAllText(Path.Combine(dir, name + ".crt"), cert.ExportCertificatePem() + "\n");
            using var writtenKey = isMismatch ? ECDsa.Create(ECCurve.NamedCurves.nistP256) : null;
            var keyPath = Path.Combine(dir, name + ".key");
            File.WriteAllText(keyPath, (writtenKey ?? key).ExportPkcs8PrivateKeyPem() + "\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(keyPath, isLoose
                    ? UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead
                    : UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            lock (lockObj)
            {
                if (isExpired) expired++;
                if (isWrongEku) wrongEku++;
                if (isMismatch) mismatched++;
                if (isLoose) loose++;
            }
        });
        return new Stats(count, count, expired, wrongEku, mismatched, loose);
    }

    private static X509Certificate2 CreateCa(string subject, ECDsa key, X509Certificate2? issuer, ECDsa? issuerKey, DateTimeOffset now)
    {
        var req = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        req.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, issuer is not null, 0, true));
        req.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        req.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(req.PublicKey, false));
        var notBefore = now.AddYears(-1);
        var notAfter = now.AddYears(10);
        if (issuer is null) return req.CreateSelfSigned(notBefore, notAfter);
        req.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
        using var signed = req.Create(issuer.SubjectName, X509SignatureGenerator.CreateForECDsa(issuerKey!), notBefore, notAfter, [1, 2, 3, 4]);
        return signed.CopyWithPrivateKey(key);
    }
}
