using System.Formats.Asn1;
using System.Security.Cryptography;
using CertLint.Model;
using CertLint.Parsing;
using CertLint.Tests.Pki;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Core.Tests.Parsing;

/// <summary>
/// PBMAC1 (RFC 9579): a PKCS#12 integrity MAC keyed by PBKDF2 (OpenSSL 3.4+ `-pbmac1_pbkdf2`, FIPS-minded tools).
/// It was a parse-error ("cannot verify yet"); now the right password opens such a keystore and a wrong one is
/// password-required. Checked on the RFC's own vectors (tests/fixtures/rfc9579) and on keystores rewritten here with
/// a MAC computed by .NET's PBKDF2 and HMAC, for the parameters the vectors do not cover.
/// </summary>
public sealed class Pkcs12Pbmac1Tests
{
    private const string Password = "s3cret";
    private static readonly string Vectors = Path.Combine(Fixtures.Directory, "rfc9579");

    [TestCase("a1-sha256-sha256.p12", "PBMAC1 (PBKDF2-HMAC-SHA256, 2,048 iterations, HMAC-SHA256)")]
    [TestCase("a2-sha512-sha256.p12", "PBMAC1 (PBKDF2-HMAC-SHA512, 2,048 iterations, HMAC-SHA256)")]
    [TestCase("a3-sha512-sha512.p12", "PBMAC1 (PBKDF2-HMAC-SHA512, 2,048 iterations, HMAC-SHA512)")]
    public void The_rfc_vectors_open_with_their_password_and_not_with_another(string name, string protection)
    {
        var source = Source(Path.Combine(Vectors, name));

        var opened = FileParser.Parse(source, TestPasswords.With("1234"));
        opened.Issues.ShouldBeEmpty();
        opened.Certificates.ShouldHaveSingleItem();
        opened.Keys.ShouldHaveSingleItem().PublicKey!.Sha256.ShouldBe(opened.Certificates[0].PublicKey.Sha256);
        opened.Keystore!.Protection.Select(p => p.Description).ShouldContain(protection);

        var wrong = FileParser.Parse(source, TestPasswords.With("12345"));
        wrong.Issues.ShouldHaveSingleItem().Kind.ShouldBe(ParseIssueKind.PasswordRequired);
        wrong.Certificates.ShouldBeEmpty();
    }

    [Test]
    public void The_rfc_vector_whose_count_was_changed_does_not_verify()
    {
        var parsed = FileParser.Parse(Source(Path.Combine(Vectors, "a4-bad-iteration-count.p12")), TestPasswords.With("1234"));

        parsed.Issues.ShouldHaveSingleItem().Kind.ShouldBe(ParseIssueKind.PasswordRequired);
        parsed.Certificates.ShouldBeEmpty();
        parsed.Keys.ShouldBeEmpty();
    }

    [TestCase(null, "1.2.840.113549.2.10", Password)] // no PRF: PBKDF2's default HMAC-SHA1; HMAC-SHA384
    [TestCase("1.2.840.113549.2.9", "1.2.840.113549.2.9", "")] // the empty password, no password configured
    [TestCase("1.2.840.113549.2.8", "1.2.840.113549.2.13", Password)] // PRF HMAC-SHA224, HMAC-SHA512/256: BouncyCastle's
    public void A_mac_computed_here_opens_the_keystore(string? prf, string hmac, string password)
    {
        using var dir = new TempDirectory();
        var pfx = File.ReadAllBytes(OpenSslPkcs12(dir.Path, password));
        var rewritten = WithPbmac1(pfx, password, prf, hmac, keyLength: hmac == "1.2.840.113549.2.10" ? 48 : 32, iterations: 1000);

        var parsed = Parse(dir.Path, rewritten, password.Length == 0 ? TestPasswords.None : TestPasswords.With(password));

        parsed.Issues.ShouldBeEmpty();
        parsed.Certificates.ShouldHaveSingleItem();
        parsed.Keys.ShouldHaveSingleItem();
        parsed.Keystore!.PasswordProtected.ShouldBe(password.Length > 0);
    }

    [Test]
    public void Parameters_it_cannot_use_are_a_parse_error_that_says_which_and_nothing_is_derived_over_the_limit()
    {
        using var dir = new TempDirectory();
        var pfx = File.ReadAllBytes(OpenSslPkcs12(dir.Path, Password));
        var cases = new (byte[] Pfx, ParseIssueKind Kind, string Message)[]
        {
            (WithPbmac1(pfx, Password, "1.2.840.113549.2.9", "1.2.840.113549.2.9", keyLength: null, 1000), ParseIssueKind.ParseError,
                "its integrity MAC uses PBMAC1 without a keyLength (RFC 9579 requires one), which CertLint does not know"),
            (WithPbmac1(pfx, Password, "1.2.840.113549.2.9", "1.2.840.113549.2.9", keyLength: 1_000_000, 1000), ParseIssueKind.ParseError,
                "its integrity MAC uses PBMAC1 with a keyLength of 1000000 bytes (1 to 128 are read), which CertLint does not know"),
            (WithPbmac1(pfx, Password, "1.2.840.113549.2.9", "1.2.3.4", keyLength: 32, 1000), ParseIssueKind.ParseError,
                "its integrity MAC uses PBMAC1 with HMAC 1.2.3.4, which CertLint does not know"),
            (WithPbmac1(pfx, Password, "1.2.840.113549.2.9", "1.2.840.113549.2.9", keyLength: 32, 20_000_000), ParseIssueKind.KdfLimit,
                "PBMAC1 (PBKDF2-HMAC-SHA256, 20,000,000 iterations, HMAC-SHA256) is above the key-derivation limit of 10,000,000 iterations; not attempted"),
        };
        foreach (var (bytes, kind, message) in cases)
        {
            var issue = Parse(dir.Path, bytes, TestPasswords.With(Password)).Issues.ShouldHaveSingleItem();
            issue.Kind.ShouldBe(kind);
            issue.Message.ShouldEndWith(message);
        }
    }

    /// <summary>
    /// The PFX with its MacData replaced by PBMAC1 (RFC 9579 §4): PBKDF2 over the UTF-8 password, then the HMAC of the
    /// authSafe content, computed with .NET (BouncyCastle for the SHA-224 PRF and SHA-512/256 HMAC .NET lacks).
    /// </summary>
    private static byte[] WithPbmac1(byte[] pfx, string password, string? prf, string hmac, long? keyLength, int iterations)
    {
        var outer = new AsnReader(pfx, AsnEncodingRules.BER).ReadSequence();
        var version = outer.ReadEncodedValue().ToArray();
        var authSafe = outer.ReadEncodedValue().ToArray();
        var content = new AsnReader(authSafe, AsnEncodingRules.BER).ReadSequence();
        content.ReadObjectIdentifier();
        var data = content.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0)).ReadOctetString();

        byte[] salt = [9, 8, 7, 6, 5, 4, 3, 2];
        var kdfFields = new List<byte[]> { Octets(salt), Int(iterations) };
        if (keyLength is { } length) kdfFields.Add(Int(length));
        if (prf is not null) kdfFields.Add(Seq(ObjectId(prf), NullValue()));
        var parameters = Seq(Seq(ObjectId("1.2.840.113549.1.5.12"), Seq([.. kdfFields])), Seq(ObjectId(hmac), NullValue()));
        var mac = keyLength is > 0 and <= 128 && iterations < 10_000_000 ? Mac(password, salt, iterations, prf, hmac, (int)keyLength, data) : new byte[32];
        return Seq(version, authSafe, Seq(Seq(Seq(ObjectId("1.2.840.113549.1.5.14"), parameters), Octets(mac)), Octets("NOT USED"u8.ToArray()), Int(1)));
    }

    private static byte[] Mac(string password, byte[] salt, int iterations, string? prf, string hmac, int keyLength, byte[] data)
    {
        var passwordBytes = System.Text.Encoding.UTF8.GetBytes(password);
        var key = prf switch
        {
            null => Rfc2898DeriveBytes.Pbkdf2(passwordBytes, salt, iterations, HashAlgorithmName.SHA1, keyLength),
            "1.2.840.113549.2.9" => Rfc2898DeriveBytes.Pbkdf2(passwordBytes, salt, iterations, HashAlgorithmName.SHA256, keyLength),
            _ => BouncyPbkdf2Sha224(passwordBytes, salt, iterations, keyLength),
        };
        return hmac switch
        {
            "1.2.840.113549.2.9" => HMACSHA256.HashData(key, data),
            "1.2.840.113549.2.10" => HMACSHA384.HashData(key, data),
            _ => BouncyHmac("SHA-512/256", key, data),
        };
    }

    private static byte[] BouncyPbkdf2Sha224(byte[] password, byte[] salt, int iterations, int keyLength)
    {
        var generator = new Org.BouncyCastle.Crypto.Generators.Pkcs5S2ParametersGenerator(new Org.BouncyCastle.Crypto.Digests.Sha224Digest());
        generator.Init(password, salt, iterations);
        return ((Org.BouncyCastle.Crypto.Parameters.KeyParameter)generator.GenerateDerivedMacParameters(keyLength * 8)).GetKey();
    }

    private static byte[] BouncyHmac(string digest, byte[] key, byte[] data)
    {
        var mac = new Org.BouncyCastle.Crypto.Macs.HMac(Org.BouncyCastle.Security.DigestUtilities.GetDigest(digest));
        mac.Init(new Org.BouncyCastle.Crypto.Parameters.KeyParameter(key));
        mac.BlockUpdate(data, 0, data.Length);
        var result = new byte[mac.GetMacSize()];
        mac.DoFinal(result, 0);
        return result;
    }

    private static ParsedFile Parse(string dir, byte[] bytes, IPasswordSource passwords)
    {
        var path = Path.Combine(dir, "pbmac1.p12");
        File.WriteAllBytes(path, bytes);
        return FileParser.Parse(Source(path), passwords);
    }

    private static SourceFile Source(string path) => new(path, Path.GetFileName(path), new FileInfo(path).Length, null);

    /// <summary>A fresh P-256 key and certificate in a PFX written by openssl (PBES2 AES-256, SHA-256 MAC).</summary>
    private static string OpenSslPkcs12(string dir, string password)
    {
        var key = Path.Combine(dir, "key.pem");
        var cert = Path.Combine(dir, "cert.pem");
        var pfx = Path.Combine(dir, "openssl.p12");
        OpenSslCli.Run($"req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout {key} -out {cert} -subj /CN=pbmac1.test -days 30");
        OpenSslCli.Run($"pkcs12 -export -in {cert} -inkey {key} -out {pfx} -passout pass:{password} -iter 1000");
        return pfx;
    }
}
