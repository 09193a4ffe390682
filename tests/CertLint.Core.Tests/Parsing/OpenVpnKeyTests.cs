using System.Text;
using CertLint.Core.Tests.Hostile;
using CertLint.Model;
using CertLint.Parsing;

namespace CertLint.Core.Tests.Parsing;

/// <summary>
/// OpenVPN's shared secrets (tests/fixtures/openvpn-keys, make-openvpn-keys.sh): a static key (tls-auth, tls-crypt,
/// static-key mode) and tls-crypt-v2 server and client keys are secret keys of their file, so committing one is
/// secret-key-committed at its lines, with its length and never its value; a static key of the wrong length is a
/// parse-error, as OpenVPN refuses it. A client profile's inline files (profile.ovpn) are its own secrets and keys.
/// </summary>
public sealed class OpenVpnKeyTests
{
    private static readonly string Folder = Path.Combine(Fixtures.Directory, "openvpn-keys");
    private static readonly SourceFile Memory = new("/mem/ta.key", "ta.key", 0, null);

    [Test]
    public void Each_committed_key_is_reported_at_its_lines_and_a_short_static_key_is_a_parse_error()
    {
        var result = BoundedLint.Run(Folder, ".");
        static string Local(string finding) => finding.Replace("tests/fixtures/openvpn-keys/", "", StringComparison.Ordinal);
        result.Of("secret-key-committed").Select(Local).ShouldBe([
            "profile.ovpn:40 profile.ovpn:40 holds a shared OpenVPN static key (2048 bits) and is tracked by git: anyone with the repository has the secret.",
            "ta.key:4 ta.key:4 holds a shared OpenVPN static key (2048 bits) and is tracked by git: anyone with the repository has the secret.",
            "tc2-client.key:1 tc2-client.key:1 holds a client key for OpenVPN tls-crypt-v2 (2048 bits) and is tracked by git: anyone with the repository has the secret.",
            "tc2-server.key:1 tc2-server.key:1 holds a server key for OpenVPN tls-crypt-v2 (1024 bits) and is tracked by git: anyone with the repository has the secret.",
        ]);
        result.Of("parse-error").Select(Local).ShouldBe([
            "short-static.key:4 short-static.key:4 cannot be parsed: invalid OpenVPN Static key V1 block: 128 bytes of key material, OpenVPN reads 256. "
            + "Fix or regenerate the file, or exclude it if it is not a certificate.",
        ]);
        // The profile's inline files are linted at its own lines, each file on its own: the key is committed, the CA and
        // the client certificate are no bundle out of order, and the client checks the server's name.
        result.Of("private-key-committed").Select(f => f.Split(' ')[0]).ShouldBe(["tests/fixtures/openvpn-keys/profile.ovpn:33"]);
        result.Findings.Where(f => !f.IsSuppressed).Select(f => f.Rule.Name).Distinct().Order()
            .ShouldBe(["parse-error", "private-key-committed", "secret-key-committed", "validity-too-long"]);
        var text = result.AllText();
        foreach (var name in new[] { "ta.key", "short-static.key", "profile.ovpn" })
        {
            foreach (var line in File.ReadAllLines(Path.Combine(Folder, name)).Where(l => l.Length == 32)) text.ShouldNotContain(line);
        }
    }

    [Test]
    [Platform(Exclude = "Win")]
    public void A_readable_profile_is_one_finding_for_its_mode_however_many_inline_secrets_it_holds()
    {
        if (OperatingSystem.IsWindows()) return; // no POSIX modes (the attribute already excludes it)
        using var dir = new CertLint.Tests.Pki.TempDirectory();
        File.Copy(Path.Combine(Folder, "profile.ovpn"), dir["profile.ovpn"]);
        File.SetUnixFileMode(dir["profile.ovpn"], (UnixFileMode)0b110_100_100);
        var result = BoundedLint.Run(dir.Path, ".");
        // The <key> and the <tls-crypt> are two parts of one file with one mode: one finding, naming the private key.
        result.Of("key-file-permissions").ShouldBe([
            "profile.ovpn:1 profile.ovpn holds a private key and has mode 644, open to group and others: run `chmod 600 profile.ovpn`.",
        ]);
        result.Of("secret-key-committed").ShouldBeEmpty(); // not in a work tree
    }

    [Test]
    public void A_static_key_is_read_as_hex_and_its_bytes_are_the_keys_length()
    {
        var hex = string.Concat(Enumerable.Range(0, 256).Select(i => ((byte)i).ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
        var parsed = ContentParser.Parse(Memory, Encoding.ASCII.GetBytes(Block(hex)), TestPasswords.None);
        parsed.Issues.ShouldBeEmpty();
        var secret = parsed.SecretKeys.ShouldHaveSingleItem();
        secret.Container.ShouldBe(SecretKeyContainer.OpenVpnStaticKey);
        secret.SizeBits.ShouldBe(2048);
        secret.Location.StartLine.ShouldBe(2);
        parsed.Keys.ShouldBeEmpty();
    }

    [TestCase("zz", "is not hex (OpenVPN writes its static keys in hex)")]
    [TestCase("abc", "is not hex (OpenVPN writes its static keys in hex)")]
    [TestCase("", "is empty")]
    public void A_static_key_that_is_not_hex_is_a_parse_error_that_names_no_content(string tail, string problem)
    {
        var body = tail.Length == 0 ? "" : new string('a', 510) + tail;
        var parsed = ContentParser.Parse(Memory, Encoding.ASCII.GetBytes(Block(body)), TestPasswords.None);
        parsed.SecretKeys.ShouldBeEmpty();
        parsed.Issues.ShouldHaveSingleItem().Message.ShouldBe($"PEM block \"OpenVPN Static key V1\" {problem}");
    }

    /// <summary>A static key file as openvpn --genkey writes it, the block starting at line 2.</summary>
    private static string Block(string hex)
    {
        var pem = new StringBuilder("# 2048 bit OpenVPN static key\n-----BEGIN OpenVPN Static key V1-----\n");
        for (var i = 0; i < hex.Length; i += 32) pem.Append(hex.AsSpan(i, Math.Min(32, hex.Length - i))).Append('\n');
        return pem.Append("-----END OpenVPN Static key V1-----\n").ToString();
    }
}
