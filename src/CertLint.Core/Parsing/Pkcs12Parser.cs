using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using CertLint.Model;
using PublicKeyInfo = CertLint.Model.PublicKeyInfo;

namespace CertLint.Parsing;

/// <summary>What a PKCS#12 file yielded. <see cref="Opened"/> is false when no candidate password opened it.</summary>
public sealed record Pkcs12Contents(KeystoreInfo Keystore, IReadOnlyList<CertificateInfo> Certificates, IReadOnlyList<KeyInfo> Keys, bool Opened)
{
    /// <summary>The secret bags (RFC 7292 §4.2.5): of every safe when the store opened, else of its unencrypted safes.</summary>
    public IReadOnlyList<SecretKeyInfo> SecretKeys { get; init; } = [];
}

/// <summary>
/// .pfx/.p12 via System.Security.Cryptography.Pkcs: the empty password (null and "") first, then the candidates.
/// Certificates are re-parsed from their DER with <see cref="CertificateParser"/>; keys keep only their public half.
/// Malformed input throws CryptographicException (a parse error).
/// </summary>
public static class Pkcs12Parser
{
    /// <param name="data">The PFX bytes.</param>
    /// <param name="location">Where the keystore is reported: its objects are at this place, numbered by <see cref="SourceLocation.Index"/>.</param>
    /// <param name="passwords">Candidates, the empty password first.</param>
    /// <param name="kdf">Iteration counts (MAC, encrypted safes, shrouded keys) over its limit are refused before any
    /// derivation, and every derivation is paid for from its budget first (a standalone one when null).</param>
    public static Pkcs12Contents Parse(ReadOnlyMemory<byte> data, SourceLocation location, IReadOnlyList<string> passwords, KdfMeter? kdf = null)
    {
        kdf ??= KdfMeter.Standalone(PbeInspector.DefaultMaxIterations);
        var encryptedSafes = Pkcs12Nesting.CheckClear(data, out var clearBags); // before .NET's decoder recurses into nested safes
        var info = Pkcs12Info.Decode(data, out var consumed, skipCopy: true); // throws on garbage: a parse error, not a password problem
        if (consumed != data.Length) throw new AsnContentException($"{data.Length - consumed} bytes after the PKCS#12 structure");
        var protection = new List<PbeInfo>(PbeInspector.InspectPfx(data));
        foreach (var pbe in protection) kdf.Check(pbe);
        var mac = protection.FirstOrDefault(p => p.Scheme is PbeInspector.MacScheme or PbeInspector.Pbmac1Scheme);
        foreach (var password in Expand(passwords))
        {
            // A fresh decode per attempt: Decrypt mutates the SafeContents it opened, even with a wrong password that happens to unpad.
            info = Pkcs12Info.Decode(data, out _, skipCopy: true);
            // A verified MAC proves the password: after it, any failure is a damaged file, not a wrong password.
            var proven = info.IntegrityMode == Pkcs12IntegrityMode.Password;
            if (proven && mac is not null) kdf.Spend(mac);
            if (proven && !VerifyMac(info, data, password)) continue;
            // Each encrypted safe is opened twice: to measure its nesting, then by .NET.
            foreach (var safe in protection) if (!ReferenceEquals(safe, mac)) kdf.Spend(safe, count: 2);
            Pkcs12Nesting.CheckEncrypted(encryptedSafes, password, clearBags);
            var safes = TryDecrypt(info, password, data.Length);
            if (safes is null)
            {
                if (proven) throw new DecryptedButCorruptException("PKCS#12 keystore");
                continue;
            }
            var certificates = new List<CertificateInfo>();
            var keys = new List<KeyInfo>();
            var secrets = new List<SecretKeyInfo>();
            var keyProtection = new List<PbeInfo>();
            try
            {
                Collect(safes, password, location, kdf, certificates, keys, secrets, keyProtection);
            }
            catch (Exception e) when (proven && e is CryptographicException or AsnContentException)
            {
                throw new DecryptedButCorruptException("PKCS#12 keystore");
            }
            var keystore = new KeystoreInfo(location, !string.IsNullOrEmpty(password), certificates.Count, keys.Count) { Protection = [.. protection, .. keyProtection] };
            return new Pkcs12Contents(keystore, certificates, keys, Opened: true) { SecretKeys = secrets };
        }
        // Not opened: the secret bags of the unencrypted safes are still reported, nested ones too, by the opened store's
        // walk (nothing is decrypted for it, and an unproven store's certificates and keys are not taken).
        var clear = Pkcs12Info.Decode(data, out _, skipCopy: true).AuthenticatedSafe
            .Where(safe => safe.ConfidentialityMode == Pkcs12ConfidentialityMode.None);
        var secretsSeen = new List<SecretKeyInfo>();
        Collect(clear, password: null, location, kdf, certificates: null, keys: null, secretsSeen, protection: null);
        return new Pkcs12Contents(new KeystoreInfo(location, true, 0, 0) { Protection = protection }, [], [], Opened: false) { SecretKeys = secretsSeen };
    }

    /// <summary>.NET's check, or for a MAC it does not know (SHA-224, SHA-512/224, SHA-512/256, PBMAC1) <see cref="Pkcs12Mac"/>.</summary>
    private static bool VerifyMac(Pkcs12Info info, ReadOnlyMemory<byte> data, string? password)
    {
        try
        {
            return info.VerifyMac(password);
        }
        catch (CryptographicException)
        {
            return Pkcs12Mac.Verify(data, password, out var unsupported)
                ?? throw new CryptographicException($"its integrity MAC uses {unsupported}, which CertLint does not know");
        }
    }

    /// <summary>"Empty" is two different PKCS#12 passwords (no bytes vs a lone BMP terminator); tools use both.</summary>
    private static IEnumerable<string?> Expand(IReadOnlyList<string> passwords)
    {
        foreach (var password in passwords)
        {
            if (password.Length == 0) yield return null;
            yield return password;
        }
    }

    private static List<Pkcs12SafeContents>? TryDecrypt(Pkcs12Info info, string? password, int ciphertextBytes)
    {
        var safes = new List<Pkcs12SafeContents>();
        foreach (var safe in info.AuthenticatedSafe)
        {
            if (safe.ConfidentialityMode == Pkcs12ConfidentialityMode.Password)
            {
                try
                {
                    Pkcs12Nesting.Decrypt(safe, password, ciphertextBytes);
                }
                catch (CryptographicException)
                {
                    return null;
                }
            }
            else if (safe.ConfidentialityMode != Pkcs12ConfidentialityMode.None)
            {
                continue; // public-key encrypted safes: nothing we can open
            }
            safes.Add(safe);
        }
        return safes;
    }

    /// <summary>
    /// The objects of the safes' bags, in file order. Without <paramref name="certificates"/> (a store not opened) only
    /// the secret bags are taken: a certificate or key of a store whose password is not proven is not reported.
    /// </summary>
    private static void Collect(IEnumerable<Pkcs12SafeContents> safes, string? password, SourceLocation location, KdfMeter kdf,
        List<CertificateInfo>? certificates, List<KeyInfo>? keys, List<SecretKeyInfo> secrets, List<PbeInfo>? protection)
    {
        foreach (var bag in Bags(safes))
        {
            var index = (certificates?.Count ?? 0) + (keys?.Count ?? 0) + secrets.Count;
            switch (bag)
            {
                case Pkcs12SecretBag secret:
                    secrets.Add(SecretBag(secret, location with { Index = index }));
                    break;
                case Pkcs12CertBag { IsX509Certificate: true } cert when certificates is not null:
                    // certValue is an OCTET STRING wrapping the certificate DER.
                    var der = Asn1Helpers.ReadOctetString(new AsnReader(cert.EncodedCertificate, AsnEncodingRules.BER)).ToArray();
                    certificates.Add(CertificateParser.Parse(der, location with { Index = index }, ObjectFormat.Pkcs12));
                    break;
                case Pkcs12ShroudedKeyBag shrouded when keys is not null && protection is not null:
                    var pbe = PbeInspector.ReadEncryptedPrivateKeyInfo(shrouded.EncryptedPkcs8PrivateKey);
                    kdf.Spend(pbe);
                    protection.Add(pbe);
                    keys.Add(Key(location with { Index = index }, DecryptKey(shrouded.EncryptedPkcs8PrivateKey, password)));
                    break;
                case Pkcs12KeyBag plain when keys is not null:
                    keys.Add(Key(location with { Index = index }, KeyParser.PublicKeyOfPkcs8(plain.Pkcs8PrivateKey)));
                    break;
            }
        }
    }

    /// <summary>
    /// Every bag of the safes in file order, a safeContentsBag's bags in its place (a stack of levels, no recursion;
    /// <see cref="Pkcs12Nesting"/> bounded the depth before .NET decoded them), each <see cref="Checked"/>. The bags
    /// are counted here too, for a safe whose scheme no walk decrypted before .NET: more than
    /// <see cref="Pkcs12Nesting.MaxBags"/> is a parse-error.
    /// </summary>
    private static IEnumerable<Pkcs12SafeBag> Bags(IEnumerable<Pkcs12SafeContents> safes)
    {
        var count = 0;
        foreach (var safe in safes)
        {
            var levels = new Stack<IEnumerator<Pkcs12SafeBag>>();
            levels.Push(safe.GetBags().GetEnumerator());
            while (levels.TryPeek(out var level))
            {
                if (!level.MoveNext())
                {
                    levels.Pop().Dispose();
                    continue;
                }
                Pkcs12Nesting.CheckCount(++count);
                var bag = Checked(level.Current);
                if (bag is Pkcs12SafeContentsBag nested)
                {
                    if (nested.SafeContents is { } inner) levels.Push(inner.GetBags().GetEnumerator());
                    continue;
                }
                yield return bag;
            }
        }
    }

    /// <summary>RFC 7292 §4.2's bag types that .NET decodes, by OID: keyBag, pkcs8ShroudedKeyBag, certBag, secretBag, safeContentsBag.</summary>
    private static readonly Dictionary<string, string> DecodedBags = new(StringComparer.Ordinal)
    {
        ["1.2.840.113549.1.12.10.1.1"] = "keyBag",
        [ShroudedKeyBagOid] = "pkcs8ShroudedKeyBag",
        ["1.2.840.113549.1.12.10.1.3"] = "certBag",
        ["1.2.840.113549.1.12.10.1.5"] = "secretBag",
        ["1.2.840.113549.1.12.10.1.6"] = "safeContentsBag",
    };

    /// <summary>
    /// The bag, unless it names one of the types .NET decodes and .NET could not decode it: .NET then hands back a bag of
    /// no type (its content not DER of the type, e.g. a secret value whose length claims 2 GB), which the walk would
    /// skip as an unknown bag. A secret bag, key or certificate dropped so would be a silent miss: a parse error names
    /// the bag type (never its content).
    /// </summary>
    private static Pkcs12SafeBag Checked(Pkcs12SafeBag bag) =>
        bag is Pkcs12CertBag or Pkcs12KeyBag or Pkcs12ShroudedKeyBag or Pkcs12SecretBag or Pkcs12SafeContentsBag
        || !DecodedBags.TryGetValue(bag.GetBagId().Value ?? "", out var type)
            ? bag
            : throw new AsnContentException($"a PKCS#12 {type} that is not valid DER of its type (RFC 7292 §4.2)");

    /// <summary>
    /// A secret bag as a secret key of the file: its value is never read. A pkcs8ShroudedKeyBag secret (the JDK's
    /// SecretKeyEntry) is sealed under the store's password; other secret types hold the secret in clear.
    /// </summary>
    private static SecretKeyInfo SecretBag(Pkcs12SecretBag bag, SourceLocation location) =>
        new(location, SecretKeyContainer.Pkcs12SecretBag) { Sealed = bag.GetSecretType().Value == ShroudedKeyBagOid };

    private const string ShroudedKeyBagOid = "1.2.840.113549.1.12.10.1.2";

    private static (PublicKeyInfo?, PrivateKeyVerdict?) DecryptKey(ReadOnlyMemory<byte> encrypted, string? password)
    {
        var info = Pkcs8PrivateKeyInfo.DecryptAndDecode(password, encrypted, out _);
        var plain = info.Encode();
        try
        {
            return KeyParser.PublicKeyOfPkcs8(plain);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
            KeyParser.ZeroPrivateBytes(info);
        }
    }

    private static KeyInfo Key(SourceLocation location, (PublicKeyInfo? Key, PrivateKeyVerdict? Verdict) parsed) => new()
    {
        Location = location,
        Format = ObjectFormat.Pkcs12,
        Encoding = KeyEncoding.Pkcs12Entry,
        IsPrivate = true,
        Encrypted = true,
        PublicKey = parsed.Key,
        Verdict = parsed.Verdict,
    };
}
