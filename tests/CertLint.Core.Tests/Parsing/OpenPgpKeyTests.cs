using System.Security.Cryptography;
using System.Text;
using CertLint.Model;
using CertLint.Parsing;

namespace CertLint.Core.Tests.Parsing;

/// <summary>
/// Armored OpenPGP key blocks made by GnuPG (tests/fixtures/pgp/README.md), read by the real FileParser: each key of a
/// block (primary and subkeys) is a key of the model whose SubjectPublicKeyInfo is the one another implementation
/// exports for it; secret material is never read, only whether it is there and how it is protected. Before, every
/// such block was a parse-error ("invalid base64": the armor's checksum line), a false error on a public key.
/// </summary>
public sealed class OpenPgpKeyTests
{
    private static string PathOf(string name) => Path.Combine(Fixtures.Directory, "pgp", name);

    private static ParsedFile Parse(string name)
    {
        var path = PathOf(name);
        return FileParser.Parse(new SourceFile(path, name, new FileInfo(path).Length, null), TestPasswords.None);
    }

    private static ParsedFile ParseText(string text) =>
        ContentParser.Parse(new SourceFile("/x/key.asc", "key.asc", text.Length, null), Encoding.ASCII.GetBytes(text), TestPasswords.None);

    private static byte[] Spki(string name)
    {
        var text = File.ReadAllText(PathOf(name + ".spki.pem"));
        return Convert.FromBase64String(text[PemEncoding.Find(text).Base64Data]);
    }

    [TestCase("rsa2048-cv25519-public.asc", "rsa2048", "RSA 2048", false)]
    [TestCase("rsa2048-cv25519-secret.asc", "rsa2048", "RSA 2048", true)]
    [TestCase("rsa1024-public.asc", "rsa1024", "RSA 1024", false)]
    [TestCase("nistp256-public.asc", "nistp256", "EC P-256", false)]
    [TestCase("ed25519-encrypted.asc", "ed25519", "Ed25519", true)]
    public void The_primary_key_has_the_public_key_another_implementation_exports(string file, string spki, string label, bool isPrivate)
    {
        var parsed = Parse(file);
        parsed.Issues.ShouldBeEmpty();
        var primary = parsed.Keys[0];
        primary.Encoding.ShouldBe(KeyEncoding.OpenPgp);
        primary.IsPrivate.ShouldBe(isPrivate);
        primary.PublicKey.ShouldNotBeNull().Label.ShouldBe(label);
        primary.PublicKey.Spki.ToArray().ShouldBe(Spki(spki));
        primary.Location.StartLine.ShouldBe(1);
        primary.Verdict.ShouldBeNull(); // secret numbers are never read
    }

    [Test]
    public void Each_subkey_is_a_key_of_its_own_at_the_block()
    {
        var secret = Parse("rsa2048-cv25519-secret.asc");
        secret.Keys.Select(k => (k.PublicKey!.Label, k.IsPrivate, k.Encrypted, k.Location.Index)).ShouldBe([
            ("RSA 2048", true, false, 0), ("X25519", true, false, 1),
        ]);
        secret.Keys.Select(k => k.Location.StartLine).Distinct().ShouldBe([1]);
        // The public block holds the same two public keys.
        Parse("rsa2048-cv25519-public.asc").Keys.Select(k => (k.PublicKey!.Sha256, k.IsPrivate))
            .ShouldBe(secret.Keys.Select(k => (k.PublicKey!.Sha256, false)));
    }

    [Test]
    public void A_gnupg_stub_is_a_public_key_and_its_exported_subkey_a_private_one()
    {
        // --export-secret-subkeys: the primary key's secret stays behind (S2K 101 "gnu-dummy").
        Parse("rsa2048-stub-secret-subkeys.asc").Keys.Select(k => (k.PublicKey!.Label, k.IsPrivate, k.Encrypted)).ShouldBe([
            ("RSA 2048", false, false), ("X25519", true, false),
        ]);
    }

    [Test]
    public void An_encrypted_key_says_how_without_deriving_anything()
    {
        var protection = Parse("ed25519-encrypted.asc").Keys[0].Protection.ShouldNotBeNull();
        protection.Scheme.ShouldBe("OpenPGP iterated and salted S2K");
        protection.Iterations.ShouldBeGreaterThanOrEqualTo(65536); // GnuPG calibrates the count; at least 64 KiB hashed
        protection.Weakness.ShouldBeNull();
    }

    [Test]
    public void A_damaged_armor_is_a_parse_error_at_the_block()
    {
        var parsed = Parse("nistp256-damaged-checksum.asc");
        parsed.Keys.ShouldBeEmpty();
        var issue = parsed.Issues.ShouldHaveSingleItem();
        issue.Location.StartLine.ShouldBe(1);
        issue.Message.ShouldBe("PGP armor \"PGP PUBLIC KEY BLOCK\" does not match its checksum line (damaged)");
    }

    [Test]
    public void Other_pgp_blocks_are_not_key_material()
    {
        // A detached signature (any packet bytes): not ours to lint, and no error.
        var parsed = ParseText("-----BEGIN PGP SIGNATURE-----\n\nwl4EARYKAAYFAmNhbmcACgkQ\n-----END PGP SIGNATURE-----\n");
        parsed.Issues.ShouldBeEmpty();
        parsed.Keys.ShouldBeEmpty();
    }

    /// <summary>A version 4 RSA secret-key packet (new format, tag 5) with the given S2K usage and what follows it.</summary>
    private static string SecretKeyBlock(params byte[] secretPart)
    {
        using var rsa = RSA.Create(2048);
        var p = rsa.ExportParameters(false);
        var body = new List<byte> { 4, 0x67, 0x74, 0x82, 0x00, 1 };
        body.AddRange(Mpi(p.Modulus!));
        body.AddRange(Mpi(p.Exponent!));
        body.AddRange(secretPart);
        var packet = new List<byte> { 0xC5, 0xFF };
        packet.AddRange([(byte)(body.Count >> 24), (byte)(body.Count >> 16), (byte)(body.Count >> 8), (byte)body.Count]);
        packet.AddRange(body);
        return $"-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n{Convert.ToBase64String([.. packet], Base64FormattingOptions.InsertLineBreaks)}\n-----END PGP PRIVATE KEY BLOCK-----\n";
    }

    private static byte[] Mpi(byte[] value)
    {
        var bits = value.Length * 8 - byte.LeadingZeroCount(value[0]);
        return [(byte)(bits >> 8), (byte)bits, .. value];
    }

    [Test]
    public void Weak_password_protection_is_named()
    {
        // Usage octet 7 (a cipher id): RFC 4880's legacy form, the cipher keyed by an unsalted MD5 of the password.
        ParseText(SecretKeyBlock(7, 1, 2, 3)).Keys.Single().Protection.ShouldNotBeNull().Weakness
            .ShouldBe("the key is an unsalted MD5 of the password (RFC 4880's legacy form): one hash per guess");
        // Usage 254, AES-128, simple S2K with SHA-256: hashed once, no salt.
        ParseText(SecretKeyBlock(254, 7, 0, 8)).Keys.Single().Protection.ShouldNotBeNull().Weakness
            .ShouldBe("the password is hashed once, without salt: one hash per guess");
        // Usage 255 (a 16-bit checksum), iterated and salted: only the checksum is the weakness.
        ParseText(SecretKeyBlock(255, 7, 3, 8, 1, 2, 3, 4, 5, 6, 7, 8, 0x60)).Keys.Single().Protection.ShouldNotBeNull()
            .ShouldBe(new PbeInfo("OpenPGP iterated and salted S2K", 65536, "the password and salt hashed over 65536 octets",
                "the secret is checked by a 16-bit sum, which RFC 9580 §3.7.2.1 forbids for new keys"));
    }

    [TestCase(new byte[] { 0xC5, 0x05, 4, 0, 0 }, "OpenPGP key block: cut short (a length runs past the end)")]
    [TestCase(new byte[] { 0xC5, 0xE1, 4 }, "OpenPGP key block: a packet of partial lengths (only data packets may have them)")]
    [TestCase(new byte[] { 0x20, 0x01, 0x02 }, "OpenPGP key block: bytes that are no packet header")]
    [TestCase(new byte[] { 0xCD, 0x03, 0x61, 0x62, 0x63 }, "OpenPGP key block: no key packet")]
    [TestCase(new byte[] { 0xC6, 0x08, 4, 0, 0, 0, 0, 1, 0xFF, 0xFF }, "OpenPGP key: a number of more than 16384 bits")]
    [TestCase(new byte[] { 0xC6, 0x06, 4, 0, 0, 0, 0, 99 }, "OpenPGP key: a public key algorithm CertLint does not read")]
    public void A_malformed_block_is_a_parse_error_that_names_no_content(byte[] packets, string problem)
    {
        var text = $"-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n{Convert.ToBase64String(packets)}\n-----END PGP PUBLIC KEY BLOCK-----\n";
        var parsed = ParseText(text);
        parsed.Keys.ShouldBeEmpty();
        parsed.Issues.ShouldHaveSingleItem().Message.ShouldContain(problem);
    }

    private static readonly string[] MutatedFixtures =
        ["rsa2048-cv25519-secret.asc", "ed25519-encrypted.asc", "nistp256-public.asc", "rsa2048-stub-secret-subkeys.asc"];

    [Test]
    public void Damaged_packets_never_escape_as_exceptions()
    {
        // 3,000 seeded mutations of real key blocks (octets changed, cut, inserted), armored without a checksum so that
        // each reaches the packet parser: each is keys or a parse-error, never an exception out of the parser.
        var random = new Random(20261205);
        var sources = MutatedFixtures.Select(name =>
            {
                var text = File.ReadAllText(PathOf(name));
                var body = string.Concat(text.Split('\n').Skip(2).TakeWhile(l => !l.StartsWith('=') && !l.StartsWith('-')));
                return Convert.FromBase64String(body);
            }).ToArray();
        for (var i = 0; i < 3000; i++)
        {
            var packets = sources[i % sources.Length].ToList();
            for (var m = random.Next(1, 4); m > 0; m--)
            {
                var at = random.Next(packets.Count);
                switch (random.Next(3))
                {
                    case 0: packets[at] = (byte)random.Next(256); break;
                    case 1: packets.RemoveRange(at, Math.Min(packets.Count - at, random.Next(1, 40))); break;
                    default: packets.Insert(at, (byte)random.Next(256)); break;
                }
                if (packets.Count == 0) packets.Add(0);
            }
            var parsed = ParseText($"-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n{Convert.ToBase64String([.. packets])}\n-----END PGP PRIVATE KEY BLOCK-----\n");
            (parsed.Keys.Count > 0 || parsed.Issues.Count > 0).ShouldBeTrue();
        }
    }
}
