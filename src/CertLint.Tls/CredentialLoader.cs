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
        catch (CryptographicException)
        {
            throw new UserErrorException($"{path}: not a readable certificate file.");
        }
        if (collection.Count == 0) throw new UserErrorException($"{path}: holds no certificate.");
        return collection;
    }

    /// <summary>A certificate file (leaf first, then intermediates) and its PEM private key, maybe encrypted.</summary>
    /// <param name="passwords">Candidates in order (the empty one first), from the lint's password settings.</param>
    public static ClientCredential LoadPem(string certPath, string keyPath, IReadOnlyList<string> passwords, string hint)
    {
        var all = LoadCertificates(certPath);
        var keyPem = System.Text.Encoding.ASCII.GetString(ReadFile(keyPath));
        if (!keyPem.Contains("-----BEGIN", StringComparison.Ordinal) || !keyPem.Contains("PRIVATE KEY-----", StringComparison.Ordinal))
        {
            throw new UserErrorException($"{keyPath}: no PEM private key found.");
        }
        var encrypted = keyPem.Contains("ENCRYPTED PRIVATE KEY", StringComparison.Ordinal);
        var leaf = all[0];
        var certPem = leaf.ExportCertificatePem();
        X509Certificate2? withKey = null;
        foreach (var password in encrypted ? passwords : [""])
        {
            try
            {
                withKey = encrypted ? X509Certificate2.CreateFromEncryptedPem(certPem, keyPem, password) : X509Certificate2.CreateFromPem(certPem, keyPem);
                break;
            }
            catch (Exception e) when (e is CryptographicException or ArgumentException)
            {
                // A wrong password and a key of another certificate look alike here; the lint tells them apart.
            }
        }
        if (withKey is null)
        {
            throw encrypted && !passwords.Skip(1).Any()
                ? new UserErrorException($"{keyPath}: the key is encrypted; {hint}.")
                : new KeyMismatchException($"the key in {keyPath} cannot be used with the certificate in {certPath}");
        }
        all.RemoveAt(0);
        leaf.Dispose();
        return new ClientCredential(withKey, all, certPath);
    }

    /// <summary>A PKCS#12 file: the entry with a private key is the leaf, the other certificates its chain.</summary>
    public static ClientCredential LoadPkcs12(string path, IReadOnlyList<string> passwords, string hint)
    {
        var bytes = ReadFile(path);
        X509Certificate2Collection? all = null;
        foreach (var password in passwords)
        {
            try
            {
                all = X509CertificateLoader.LoadPkcs12Collection(bytes, password, X509KeyStorageFlags.Exportable | X509KeyStorageFlags.EphemeralKeySet);
                break;
            }
            catch (CryptographicException)
            {
                // Next candidate.
            }
        }
        if (all is null)
        {
            throw new UserErrorException(passwords.Skip(1).Any()
                ? $"{path}: cannot open the PKCS#12 file: wrong password or not a PKCS#12 file."
                : $"{path}: cannot open the PKCS#12 file without a password; {hint}.");
        }
        var leaf = all.FirstOrDefault(c => c.HasPrivateKey)
            ?? throw new KeyMismatchException($"{path} holds no certificate with its private key");
        all.Remove(leaf);
        return new ClientCredential(leaf, all, path);
    }

    private static bool LooksLikePem(byte[] bytes) =>
        System.Text.Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 4096)).Contains("-----BEGIN", StringComparison.Ordinal);

    private static byte[] ReadFile(string path)
    {
        var read = Discovery.BoundedFile.Read(path, Parsing.FileParser.MaxFileBytes);
        return read.Ok ? read.Bytes! : throw new UserErrorException($"{path}: cannot read ({read.Problem}).");
    }
}

/// <summary>A certificate and key that do not go together; reported as a finding, not a usage error.</summary>
public sealed class KeyMismatchException : Exception
{
    public KeyMismatchException(string message) : base(message) { }
    public KeyMismatchException() { }
    public KeyMismatchException(string message, Exception inner) : base(message, inner) { }
}
