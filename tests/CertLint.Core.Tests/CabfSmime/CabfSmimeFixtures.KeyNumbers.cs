using System.Numerics;
using System.Security.Cryptography;
using CertLint.Tests.CabfBr;
using CertLint.Tests.Pki;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Tests.CabfSmime;

/// <summary>
/// The RSA key requirements of S/MIME BR §6.1.5 (modulus size) and §6.1.6 (public exponent), which §7.1 makes
/// requirements of every certificate, and §7.1's serial number entropy. The leaves carry an rsaEncryption SubjectPublicKeyInfo written byte by byte
/// (<see cref="CabfBrFixtures.RsaSpki"/>) so that the exponent and the modulus length are exactly the ones under test.
/// </summary>
internal static partial class CabfSmimeFixtures
{
    private static void KeyNumbers(Action<string, Func<TestCertificate[]>, Func<TestCertificate[]>> add)
    {
        add("smime-rsa-key-size", RsaSpkiLeaf(65537, Modulus1024.Value), RsaSpkiLeaf(65537));
        // 2044 bits: long enough, but not a whole number of octets (the second bullet of §6.1.5).
        add("smime-rsa-key-size", RsaSpkiLeaf(65537, Modulus2044.Value), RsaSpkiLeaf(65537));
        add("smime-rsa-exponent", RsaSpkiLeaf(65538), RsaSpkiLeaf(65537));
        // 3 is the smallest exponent the SHALL allows (the SHOULD range is smime-rsa-exponent-range's).
        add("smime-rsa-exponent", RsaSpkiLeaf(1), RsaSpkiLeaf(3));
        add("smime-rsa-exponent-range", RsaSpkiLeaf(3), RsaSpkiLeaf((BigInteger.One << 255) + 1));
        add("smime-rsa-exponent-range", RsaSpkiLeaf((BigInteger.One << 256) + 1), RsaSpkiLeaf(65537));
        // §7.1: 64 bits of CSPRNG output need 8 content octets at least; 7 hold 56 bits.
        add("smime-serial-entropy", Leaf(b => b.Serial = IntRaw(0x01, 0x02, 0x03)), Leaf());
        add("smime-serial-entropy", Leaf(b => b.Serial = IntRaw(0x7F, 1, 2, 3, 4, 5, 6)), Leaf(b => b.Serial = IntRaw(0x40, 1, 2, 3, 4, 5, 6, 7)));
    }

    /// <summary>The base leaf (digitalSignature only: a signing key in every generation's RSA table) for an rsaEncryption
    /// key with public exponent <paramref name="e"/> and the 2048-bit modulus of cabf-br's fixtures unless another is given.</summary>
    public static Func<TestCertificate[]> RsaSpkiLeaf(BigInteger e, byte[]? modulus = null) =>
        Leaf(b => b.Spki = CabfBrFixtures.RsaSpki(e, modulus));

    private static readonly Lazy<byte[]> Modulus1024 = new(() =>
    {
        using var rsa = RSA.Create(1024);
        return rsa.ExportParameters(false).Modulus!;
    });

    /// <summary>The 2048-bit modulus with its top four bits cleared: 2044 bits, still odd.</summary>
    private static readonly Lazy<byte[]> Modulus2044 = new(() =>
    {
        var modulus = (byte[])CabfBrFixtures.RsaModulus.Clone();
        modulus[0] = 0x0F;
        return modulus;
    });
}
