using System.Security.Cryptography;
using CertLint.Model;

namespace CertLint.Parsing;

/// <summary>
/// Java JCEKS keystores (magic 0xCECECECE), walked with the JKS walk (<see cref="JksParser.Walk"/>: same layout, same
/// bounds, same digest). Certificates are stored in clear: trusted certificates and key chains are linted without a
/// password. Private keys are EncryptedPrivateKeyInfo under Sun's proprietary PBEWithMD5AndTripleDES, and secret keys
/// Java-serialised SealedObjects (stepped over by <see cref="JceksSealedObject"/>, kept as sealed
/// <see cref="SecretKeyInfo"/>s): CertLint opens neither. The keys are counted in the keystore, and the store is
/// keystore-weak-protection saying they were not checked. The password (the configured ones, the empty one, then the
/// JDK's default) only verifies the store digest; none matching is password-required, as for JKS.
/// </summary>
internal static class JceksParser
{
    private static readonly PbeInfo Protection = new("JCEKS", 1, "JCEKS key protection (PBEWithMD5AndTripleDES) and SHA-1 store digest",
        "Java JCEKS key protection (Sun's PBEWithMD5AndTripleDES: MD5 and 3DES) and a SHA-1 store digest; CertLint does not open JCEKS keys, so they were not checked: convert to PKCS#12 (keytool -importkeystore -deststoretype pkcs12)");

    public static void Parse(byte[] bytes, SourceLocation location, IReadOnlyList<string> passwords, Collector result)
    {
        var layout = JksParser.Walk(bytes, "JCEKS");
        var opened = layout.DigestAt is { } at
            ? passwords.Append(JksParser.WellKnownPassword).Distinct(StringComparer.Ordinal)
                .FirstOrDefault(p => CryptographicOperations.FixedTimeEquals(JksParser.StoreDigest(bytes.AsSpan(0, at), p), bytes.AsSpan(at)))
            : null;
        var certificates = layout.Certificates
            .Select((range, i) => CertificateParser.Parse(bytes[range], location with { Index = i }, ObjectFormat.Jks)).ToList();
        result.Kind = FileKind.Jks;
        result.Certificates.AddRange(certificates);
        var sealedKeys = layout.KeyEntries > 0 || layout.SecretKeys.Count > 0;
        // A store no candidate opened is protected by a password CertLint was not given: not "no password".
        result.Keystore = new KeystoreInfo(location, opened is not ("" or JksParser.WellKnownPassword), certificates.Count, layout.KeyEntries)
        {
            Protection = sealedKeys ? [Protection] : [],
            Label = "JCEKS keystore",
            DefaultPassword = opened == JksParser.WellKnownPassword,
        };
        // Secret keys stay sealed under their password: counted, at the store's place, each named by its alias.
        result.SecretKeys.AddRange(layout.SecretKeys.Select((alias, i) =>
            new SecretKeyInfo(location with { Index = certificates.Count + i }, SecretKeyContainer.JceksEntry) { Name = alias, Sealed = true }));
        if (opened is null)
            throw new PasswordRequiredException(layout.KeyEntries > 0 ? "JCEKS keystore (its integrity was not checked; its private keys are never opened)" : "JCEKS keystore (its integrity was not checked)");
    }
}
