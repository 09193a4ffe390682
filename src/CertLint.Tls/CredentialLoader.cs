using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CertLint.Engine;

namespace CertLint.Tls;

/// <summary>
/// Loads certificates and credentials for a handshake from PEM, DER or PKCS#12 files. A missing or unreadable file,
/// or a wrong password, is the user's mistake (<see cref="UserErrorException"/>, exit 2); a key that does not belong
/// to its certificate is reported as a finding by the caller (<see cref="KeyMismatchException"/>).
/// </summary>
public static class CredentialLoader
{
    /// <summary>Every certificate in a PEM or DER file, in file order.</summary>
    public static X509Certificate2Collection LoadCertificates(string path)
    {
        var bytes = ReadFile(path);
        var collection = new X509Certificate2Collection();
        try
        {
            if (LooksLikePem(bytes)) collection.ImportFromPem(System.Text.Encoding.ASCII.GetString(bytes));
            else collection.Add(X509CertificateLoader.LoadCertificate(bytes));
        }
        catch (CryptographicException e)
        {
            throw new UserErrorException($"{path}: not a readable certificate file ({e.Message}).");
        }
        if (collection.Count == 0) throw new UserErrorException($"{path}: holds no certificate.");
        return collection;
    }

    /// <summary>A certificate file (leaf first, then intermediates) and its PEM private key, maybe encrypted.</summary>
    public static ClientCredential LoadPem(string certPath, string keyPath, string? password)
    {
        var all = LoadCertificates(certPath);
        var keyPem = System.Text.Encoding.ASCII.GetString(ReadFile(keyPath));
        if (!keyPem.Contains("-----BEGIN", StringComparison.Ordinal) || !keyPem.Contains("PRIVATE KEY-----", StringComparison.Ordinal))
        {
            throw new UserErrorException($"{keyPath}: no PEM private key found.");
        }
        var encrypted = keyPem.Contains("ENCRYPTED PRIVATE KEY", StringComparison.Ordinal);
        if (encrypted && password is null)
        {
            throw new UserErrorException($"{keyPath}: the key is encrypted; put its password in CERTLINT_PASSWORD or name a variable with --password-env.");
        }
        var leaf = all[0];
        X509Certificate2 withKey;
        try
        {
            var certPem = leaf.ExportCertificatePem();
            withKey = encrypted
                ? X509Certificate2.CreateFromEncryptedPem(certPem, keyPem, password)
                : X509Certificate2.CreateFromPem(certPem, keyPem);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            throw new KeyMismatchException($"the key in {keyPath} cannot be used with the certificate in {certPath}: {e.Message}");
        }
        all.RemoveAt(0);
        leaf.Dispose();
        return new ClientCredential(withKey, all, certPath);
    }

    /// <summary>A PKCS#12 file: the entry with a private key is the leaf, the other certificates its chain.</summary>
    public static ClientCredential LoadPkcs12(string path, string? password)
    {
        var bytes = ReadFile(path);
        X509Certificate2Collection all;
        try
        {
            all = X509CertificateLoader.LoadPkcs12Collection(bytes, password, X509KeyStorageFlags.Exportable | X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException)
        {
            throw new UserErrorException(password is null
                ? $"{path}: cannot open the PKCS#12 file without a password; put it in CERTLINT_PASSWORD or name a variable with --password-env."
                : $"{path}: cannot open the PKCS#12 file: wrong password or not a PKCS#12 file.");
        }
        var leaf = all.FirstOrDefault(c => c.HasPrivateKey)
            ?? throw new KeyMismatchException($"{path} holds no certificate with its private key.");
        all.Remove(leaf);
        return new ClientCredential(leaf, all, path);
    }

    private static bool LooksLikePem(byte[] bytes) =>
        System.Text.Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 4096)).Contains("-----BEGIN", StringComparison.Ordinal);

    private static byte[] ReadFile(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UserErrorException($"{path}: cannot read ({e.Message}).");
        }
    }
}

/// <summary>A certificate and key that do not go together; reported as a finding, not a usage error.</summary>
public sealed class KeyMismatchException : Exception
{
    public KeyMismatchException(string message) : base(message) { }
    public KeyMismatchException() { }
    public KeyMismatchException(string message, Exception inner) : base(message, inner) { }
}
