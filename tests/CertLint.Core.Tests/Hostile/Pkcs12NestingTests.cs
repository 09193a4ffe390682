using System.Formats.Asn1;
using System.Security.Cryptography;
using CertLint.Core.Tests.Parsing;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Core.Tests.Hostile;

/// <summary>
/// safeContentsBags nested 30,000 deep (an 832 KB .p12) overflowed the stack in .NET's recursive decoder and killed
/// the process (tests/fuzz-regressions/pkcs/nested-safes-*). Through the real engine, in the clear and inside an
/// encrypted safe (opened with the empty password), more than 16 levels is one parse-error at the file, and 16 are
/// read (a certificate at the deepest level is found). A stack overflow would abort the test run itself.
/// </summary>
public sealed class Pkcs12NestingTests
{
    private const string Data = "1.2.840.113549.1.7.1", SafeContentsBag = "1.2.840.113549.1.12.10.1.6";
    private const string Deep = "store.p12:1 store.p12:1 cannot be parsed: invalid PKCS#12 keystore: PKCS#12 safe contents nested more than 16 deep. Fix or regenerate the file, or exclude it if it is not a certificate.";

    /// <summary>
    /// A SafeContents of <paramref name="depth"/> safeContentsBags, the innermost holding one certificate bag. Written
    /// outside in (each level's headers, from the lengths inside it), not by wrapping 30,000 times (quadratic copying).
    /// </summary>
    private static byte[] Nested(int depth)
    {
        var certificate = File.ReadAllBytes(Fixtures.PathOf("leaf.der"));
        var innermost = Seq(Seq(ObjectId("1.2.840.113549.1.12.10.1.3"), Context(0, true, Seq(ObjectId("1.2.840.113549.1.9.22.1"), Context(0, true, Octets(certificate))))));
        var oid = ObjectId(SafeContentsBag);
        var headers = new byte[depth][];
        var length = innermost.Length;
        for (var i = depth - 1; i >= 0; i--)
        {
            // SafeContents SEQUENCE { SafeBag SEQUENCE { bagId, [0] { inner SafeContents } } }
            var explicit0 = Header(0xA0, length);
            var bag = Header(0x30, oid.Length + explicit0.Length + length);
            var safe = Header(0x30, bag.Length + oid.Length + explicit0.Length + length);
            headers[i] = [.. safe, .. bag, .. oid, .. explicit0];
            length += headers[i].Length;
        }
        using var stream = new MemoryStream(length);
        foreach (var header in headers) stream.Write(header);
        stream.Write(innermost);
        return stream.ToArray();
    }

    private static byte[] Header(byte tag, int length) => length switch
    {
        < 0x80 => [tag, (byte)length],
        <= 0xFF => [tag, 0x81, (byte)length],
        <= 0xFFFF => [tag, 0x82, (byte)(length >> 8), (byte)length],
        _ => [tag, 0x83, (byte)(length >> 16), (byte)(length >> 8), (byte)length],
    };

    private static byte[] Pfx(byte[] contentInfo) =>
        Seq(Int(3), Seq(ObjectId(Data), Context(0, true, Octets(Seq(contentInfo)))));

    private static byte[] Clear(byte[] safeContents) => Seq(ObjectId(Data), Context(0, true, Octets(safeContents)));

    /// <summary>EncryptedData (RFC 5652 §8) under PBES2 (PBKDF2-HMAC-SHA256, 1 iteration, AES-128-CBC) with the empty password.</summary>
    private static byte[] Encrypted(byte[] safeContents)
    {
        byte[] salt = [1, 2, 3, 4, 5, 6, 7, 8], iv = new byte[16];
        var key = Rfc2898DeriveBytes.Pbkdf2(Array.Empty<byte>(), salt, 1, HashAlgorithmName.SHA256, 16);
        using var aes = Aes.Create();
        aes.Key = key;
        var ciphertext = aes.EncryptCbc(safeContents, iv);
        var pbkdf2 = Seq(ObjectId("1.2.840.113549.1.5.12"), Seq(Octets(salt), Int(1), Seq(ObjectId("1.2.840.113549.2.9"), NullValue())));
        var pbes2 = Seq(ObjectId("1.2.840.113549.1.5.13"), Seq(pbkdf2, Seq(ObjectId("2.16.840.1.101.3.4.1.2"), Octets(iv))));
        var encryptedData = Seq(Int(0), Seq(ObjectId(Data), pbes2, Tlv(0x80, ciphertext)));
        return Seq(ObjectId("1.2.840.113549.1.7.6"), Context(0, true, encryptedData));
    }

    /// <summary>
    /// EncryptedData under PKCS#12 PBE (SHA-1 and 3-key 3DES, 1 iteration) with the empty password, by BouncyCastle:
    /// CertLint decrypts it and measures the nesting before .NET's recursive decoder sees it.
    /// </summary>
    private static byte[] Pkcs12PbeEncrypted(byte[] safeContents, bool loneTerminator = false)
    {
        byte[] salt = [8, 7, 6, 5, 4, 3, 2, 1];
        var algorithm = new Org.BouncyCastle.Asn1.X509.AlgorithmIdentifier(Org.BouncyCastle.Asn1.Pkcs.PkcsObjectIdentifiers.PbeWithShaAnd3KeyTripleDesCbc,
            new Org.BouncyCastle.Asn1.Pkcs.Pkcs12PbeParams(salt, 1));
        var cipher = (Org.BouncyCastle.Crypto.IBufferedCipher)Org.BouncyCastle.Security.PbeUtilities.CreateEngine(algorithm);
        cipher.Init(true, Org.BouncyCastle.Security.PbeUtilities.GenerateCipherParameters(algorithm, [], loneTerminator));
        var encryptedData = Seq(Int(0), Seq(ObjectId(Data), algorithm.GetDerEncoded(), Tlv(0x80, cipher.DoFinal(safeContents))));
        return Seq(ObjectId("1.2.840.113549.1.7.6"), Context(0, true, encryptedData));
    }

    /// <summary>30,000 levels would need 21 MB of stack in .NET's decoder and take it a minute (it copies each level).</summary>
    [TestCase(30_000)]
    [TestCase(17)]
    public void Safes_nested_inside_a_pkcs12_pbe_safe_beyond_16_are_a_parse_error(int depth) =>
        Lint(Pfx(Pkcs12PbeEncrypted(Nested(depth)))).ShouldBe((Deep, 0));

    /// <summary>
    /// The depth is measured on the decrypted bytes before .NET's decoder sees them (which it would otherwise do by
    /// recursion, copying each level), for PBES2 and PKCS#12 PBE alike; a wrong password measures nothing, and the
    /// two empty PKCS#12 passwords (no bytes, a lone BMP terminator) are told apart as .NET tells them.
    /// </summary>
    [Test]
    public void Encrypted_safes_are_measured_before_dotnet_decodes_them()
    {
        var deep = Nested(17);
        Should.Throw<AsnContentException>(() => CertLint.Parsing.Pkcs12Nesting.CheckEncrypted(CertLint.Parsing.Pkcs12Nesting.CheckClear(Pfx(Encrypted(deep)), out _), null, 0));
        var pbe = CertLint.Parsing.Pkcs12Nesting.CheckClear(Pfx(Pkcs12PbeEncrypted(deep)), out _);
        pbe.Count.ShouldBe(1);
        Should.Throw<AsnContentException>(() => CertLint.Parsing.Pkcs12Nesting.CheckEncrypted(pbe, null, 0));
        Should.NotThrow(() => CertLint.Parsing.Pkcs12Nesting.CheckEncrypted(pbe, "wrong", 0));
        Should.NotThrow(() => CertLint.Parsing.Pkcs12Nesting.CheckEncrypted(pbe, "", 0));
        var terminator = CertLint.Parsing.Pkcs12Nesting.CheckClear(Pfx(Pkcs12PbeEncrypted(deep, loneTerminator: true)), out _);
        Should.Throw<AsnContentException>(() => CertLint.Parsing.Pkcs12Nesting.CheckEncrypted(terminator, "", 0));
        Should.NotThrow(() => CertLint.Parsing.Pkcs12Nesting.CheckEncrypted(terminator, null, 0));
    }

    private static (string Errors, int Certificates) Lint(byte[] pfx)
    {
        using var dir = new TempDirectory();
        dir.Write("store.p12", pfx);
        var result = BoundedLint.Run(dir.Path, ".");
        return (string.Join("\n", result.Of("parse-error")), result.Inventory.Certificates.Count);
    }

    [TestCase(30_000)]
    [TestCase(17)]
    public void Safes_nested_in_the_clear_beyond_16_are_a_parse_error(int depth) =>
        Lint(Pfx(Clear(Nested(depth)))).ShouldBe((Deep, 0));

    [TestCase(30_000)]
    [TestCase(17)]
    public void Safes_nested_inside_an_encrypted_safe_beyond_16_are_a_parse_error(int depth) =>
        Lint(Pfx(Encrypted(Nested(depth)))).ShouldBe((Deep, 0));

    [Test]
    public void Sixteen_levels_are_read_in_the_clear_and_encrypted()
    {
        Lint(Pfx(Clear(Nested(16)))).ShouldBe(("", 1));
        Lint(Pfx(Encrypted(Nested(16)))).ShouldBe(("", 1));
        Lint(Pfx(Pkcs12PbeEncrypted(Nested(16)))).ShouldBe(("", 1));
    }
}
