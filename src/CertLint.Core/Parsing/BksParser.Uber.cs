using System.Security.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Paddings;

namespace CertLint.Parsing;

/// <summary>UBER stores: the Twofish-encrypted form of a BKS store, opened by a candidate password paid from the key-derivation budget.</summary>
internal static partial class BksParser
{
    /// <summary>
    /// BouncyCastle's UBER store (BcKeyStoreSpi.BouncyCastleStore): after the clear header, the BKS entries and a SHA-1
    /// digest of them, all under PBEWithSHAAndTwofish-CBC (PKCS#12 KDF with SHA-1: a 256-bit key and a 128-bit IV,
    /// PKCS#7 padding). Each candidate password is paid for from the key-derivation budget before it is tried; one
    /// whose padding and digest check out opens the store, whose entries are then walked with the BKS bounds.
    /// </summary>
    private static (Layout Layout, byte[] Store, string Password)? OpenUber(byte[] bytes, UberException header, IEnumerable<string> candidates, KdfMeter kdf, PbeInfo pbe)
    {
        foreach (var password in candidates)
        {
            kdf.Spend(pbe);
            var generator = new Pkcs12ParametersGenerator(new Sha1Digest());
            generator.Init(Org.BouncyCastle.Crypto.PbeParametersGenerator.Pkcs12PasswordToBytes(password.ToCharArray()), bytes[header.Salt], header.Iterations);
            var cipher = new PaddedBufferedBlockCipher(new CbcBlockCipher(new TwofishEngine()), new Pkcs7Padding());
            cipher.Init(false, generator.GenerateDerivedParameters("Twofish", 256, 128));
            byte[] plain;
            try
            {
                plain = cipher.DoFinal(bytes, header.EntriesStart, bytes.Length - header.EntriesStart);
            }
            catch (CryptoException)
            {
                continue; // bad padding or a length no block cipher wrote: not this password
            }
            if (plain.Length >= MacLength && CryptographicOperations.FixedTimeEquals(
                    SHA1.HashData(plain.AsSpan(0, plain.Length - MacLength)), plain.AsSpan(plain.Length - MacLength)))
            {
                return (Entries(new JksParser.Reader(plain, "UBER"), plain, header.Version, header.Salt, header.Iterations, 0), plain, password);
            }
            CryptographicOperations.ZeroMemory(plain);
        }
        return null;
    }

    private static PbeInfo UberEncryption(int iterations)
    {
        var count = $"{PbeInspector.Number(iterations)} iteration{(iterations == 1 ? "" : "s")}";
        return new PbeInfo("UBER", iterations, $"UBER store encryption (Twofish-CBC, PKCS#12 KDF, {count})",
            $"BouncyCastle UBER: the store encrypted with Twofish under a PKCS#12 KDF (SHA-1) of {count}: convert to PKCS#12 (keytool -importkeystore -deststoretype pkcs12)");
    }

    /// <summary>The header of what may be an UBER store, whose encrypted body the BKS walk could not read.</summary>
    private sealed class UberException(int version, Range salt, int iterations, int entriesStart)
        : FormatException("an UBER keystore (BouncyCastle's store encrypted as a whole) that no candidate password opened, or a damaged BKS-V1 one")
    {
        public int Version { get; } = version;
        public Range Salt { get; } = salt;
        public int Iterations { get; } = iterations;
        public int EntriesStart { get; } = entriesStart;
    }
}
