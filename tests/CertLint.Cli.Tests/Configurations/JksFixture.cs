using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace CertLint.Cli.Tests.Configurations;

/// <summary>Writes Java keystores at test time with BouncyCastle (no JDK on the test machine): keytool-free JKS files.</summary>
internal static class JksFixture
{
    /// <summary>A keystore with one private-key entry "server" whose chain is the certificates of <paramref name="chainPems"/>.</summary>
    public static void WriteKeyStore(string path, string password, string keyPem, params string[] chainPems)
    {
        var store = new JksStore();
        store.SetKeyEntry("server", ReadKey(keyPem), password.ToCharArray(), [.. chainPems.SelectMany(ReadCertificates)]);
        Save(store, path, password);
    }

    /// <summary>A truststore with one trusted-certificate entry per certificate.</summary>
    public static void WriteTrustStore(string path, string password, params string[] certificatePems)
    {
        var store = new JksStore();
        var i = 0;
        foreach (var cert in certificatePems.SelectMany(ReadCertificates)) store.SetCertificateEntry($"ca{i++}", cert);
        Save(store, path, password);
    }

    private static void Save(JksStore store, string path, string password)
    {
        using (var file = File.Create(path)) store.Save(file, password.ToCharArray());
        // As a deployment keeps a keystore (and as ConfigFixture sets the fixture's keys): 0600.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    private static IEnumerable<X509Certificate> ReadCertificates(string pemPath) =>
        new X509CertificateParser().ReadCertificates(File.ReadAllBytes(pemPath));

    private static AsymmetricKeyParameter ReadKey(string pemPath)
    {
        using var reader = new PemReader(new StringReader(File.ReadAllText(pemPath)));
        return reader.ReadObject() switch
        {
            AsymmetricCipherKeyPair pair => pair.Private,
            AsymmetricKeyParameter key => key,
            _ => throw new InvalidDataException(pemPath + " holds no private key"),
        };
    }
}
