using CertLint.Core.Tests.Parsing;

namespace CertLint.Core.Tests.Hostile;

/// <summary>
/// Hostile PuTTY key files through the real engine: a huge line count, a string length past the end of the public
/// blob and Argon2 parameters meant to make a derivation run for hours are each one parse error at line 1, in bounded
/// time, and nothing from the file is quoted.
/// </summary>
public sealed class PpkBoundTests
{
    private const string Fix = ". Fix or regenerate the file, or exclude it if it is not a certificate.";

    private static string[] Lint(string text)
    {
        using var dir = new TempDirectory();
        dir.Write("key.ppk", text);
        return BoundedLint.Run(dir.Path, ".").Of("parse-error");
    }

    [Test]
    public void A_line_count_of_four_billion_is_refused_before_reading()
    {
        Lint("PuTTY-User-Key-File-3: ssh-rsa\nEncryption: none\nComment: c\nPublic-Lines: 4294967295\n").ShouldBe(
            [$"key.ppk:1 key.ppk:1 cannot be parsed: invalid PuTTY key file: PuTTY key: \"Public-Lines\" is not a whole number up to 1,024 (line 4){Fix}"]);
    }

    [Test]
    public void A_string_length_past_the_end_is_refused_without_allocating_it()
    {
        // ssh-ed25519, then a key string whose length says 2^31 - 1.
        var blob = Convert.ToBase64String([0, 0, 0, 11, .. "ssh-ed25519"u8, 0x7f, 0xff, 0xff, 0xff, 1, 2, 3]);
        Lint($"PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: aes256-cbc\nComment: c\nPublic-Lines: 1\n{blob}\n").ShouldBe(
            [$"key.ppk:1 key.ppk:1 cannot be parsed: invalid PuTTY key file: PuTTY key: truncated (a string's length runs past the end){Fix}"]);
    }

    [Test]
    public void Argon2_parameters_of_hours_are_read_and_never_run()
    {
        var text = File.ReadAllText(Path.Combine(Fixtures.Directory, "ppk", "ed25519-encrypted.ppk"))
            .Replace("Argon2-Memory: 8192", "Argon2-Memory: 4294967295").Replace("Argon2-Passes: 1", "Argon2-Passes: 4294967295");
        using var dir = new TempDirectory();
        dir.Write("key.ppk", text);
        var result = BoundedLint.Run(dir.Path, ".");
        result.Of("parse-error").ShouldBeEmpty();
        var key = result.Inventory.Keys.ShouldHaveSingleItem();
        key.Encrypted.ShouldBeTrue();
        key.Protection!.Description.ShouldBe("aes256-cbc, Argon2id with 4,294,967,295 KiB, 4,294,967,295 passes, parallelism 1");
    }
}
