using System.Security.Cryptography;
using System.Text;
using CertLint.Model;
using CertLint.Parsing;

namespace CertLint.Core.Tests.Parsing;

/// <summary>No ParseIssue message or model field may carry a password or private key bytes.</summary>
public class NoSecretLeakTests
{
    private static readonly string[] KeyFiles =
        ["leaf.key", "leaf-pkcs1.key", "leaf-encrypted.key", "leaf-legacy-encrypted.key", "leaf-pkcs8.der", "leaf-nopass.p12", "leaf-password.pfx"];

    [Test]
    public void Neither_passwords_nor_private_key_bytes_appear_anywhere()
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(Fixtures.PathOf("leaf.key")));
        var secrets = new[] { rsa.ExportParameters(true).D!, rsa.ExportParameters(true).P!, rsa.ExportParameters(true).Q! };

        foreach (var password in new[] { TestPasswords.FixturePassword, "a-wrong-password" })
        {
            foreach (var file in KeyFiles)
            {
                var parsed = FileParser.Parse(Fixtures.Source(file), TestPasswords.With(password));
                var text = string.Join("\n", parsed.Issues.Select(i => i.ToString())
                    .Concat(parsed.Keys.Select(k => $"{k.Label} {k.Fingerprint} {k.Location}"))
                    .Concat(parsed.Certificates.Select(c => c.Label)));
                text.ShouldNotContain(password, Case.Insensitive, $"{file}: {text}");
                var blobs = parsed.Keys.Select(k => k.PublicKey?.Spki ?? ReadOnlyMemory<byte>.Empty)
                    .Concat(parsed.Certificates.Select(c => c.Raw)).ToList();
                foreach (var secret in secrets)
                {
                    text.ShouldNotContain(Convert.ToHexString(secret[..16]), Case.Insensitive);
                    text.ShouldNotContain(Convert.ToBase64String(secret[..12]));
                    blobs.Count(b => Contains(b, secret.AsMemory(0, 16))).ShouldBe(0, file);
                }
            }
        }
    }

    private static bool Contains(ReadOnlyMemory<byte> haystack, ReadOnlyMemory<byte> needle) => haystack.Span.IndexOf(needle.Span) >= 0;

    /// <summary>
    /// A key whose lines end with CR alone (classic Mac OS), or with no line ends at all, is one line: its BEGIN line then
    /// ran to the END marker and the whole key's base64 was the "label" the issue quoted. Not a label (RFC 7468 §3), so
    /// one issue that names the line ending, and no character of the key.
    /// </summary>
    [TestCase("\r", "line 1 holds PEM lines ended by carriage returns alone (CR, without LF): OpenSSL reads them as one line and finds no PEM block; convert the line endings to LF")]
    [TestCase("", "line 1 looks like a damaged PEM BEGIN or END line (expected five hyphens, BEGIN or END, a label, five hyphens)")]
    public void A_key_on_one_line_is_an_issue_that_quotes_none_of_it(string lineEnd, string expected)
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pem = ec.ExportPkcs8PrivateKeyPem().Replace("\n", lineEnd);
        var parsed = ContentParser.Parse(new SourceFile("/mem/mac.key", "mac.key", pem.Length, null), Encoding.ASCII.GetBytes(pem), TestPasswords.None);
        parsed.Keys.ShouldBeEmpty();
        var issue = parsed.Issues.ShouldHaveSingleItem();
        issue.Message.ShouldBe(expected);
        var base64 = pem[pem.IndexOf("MI", StringComparison.Ordinal)..].Replace("\r", "");
        issue.Message.ShouldNotContain(base64[..8]);
    }

    [Test]
    public void Decrypted_pem_key_buffers_are_zeroed()
    {
        // ContentParser zeroes the file bytes once a key block has been read: nothing private lingers in our buffers.
        var bytes = Fixtures.Bytes("leaf.key");
        var parsed = ContentParser.Parse(Fixtures.Source("leaf.key"), bytes, TestPasswords.None);
        parsed.Keys.ShouldHaveSingleItem();
        bytes.ShouldAllBe(b => b == 0);
        Encoding.ASCII.GetString(bytes).ShouldNotContain("PRIVATE");
    }

    [Test]
    public void An_openssh_key_keeps_neither_its_seed_in_the_model_nor_its_bytes_in_the_buffer()
    {
        var name = Path.Combine("openssh", "ed25519");
        var text = File.ReadAllText(Fixtures.PathOf(name));
        var body = Convert.FromBase64String(text[PemEncoding.Find(text).Base64Data]);
        // The private section holds string(pk) then string(seed || pk): the 64-octet string after its length 0x40.
        var at = body.AsSpan().IndexOf(new byte[] { 0, 0, 0, 0x40 }) + 4;
        var seed = body.AsSpan(at, 32).ToArray();

        var bytes = Fixtures.Bytes(name);
        var parsed = ContentParser.Parse(Fixtures.Source(name), bytes, TestPasswords.None);
        var key = parsed.Keys.ShouldHaveSingleItem();
        Contains(key.PublicKey!.Spki, seed).ShouldBeFalse();
        $"{key.Label} {key.Fingerprint} {key.Location}".ShouldNotContain(Convert.ToHexString(seed[..16]), Case.Insensitive);
        bytes.ShouldAllBe(b => b == 0);
    }
}
