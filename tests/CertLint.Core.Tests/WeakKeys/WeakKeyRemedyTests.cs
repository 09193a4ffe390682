using CertLint.Core.Tests.Hostile;
using CertLint.Tests.BuiltInRules;
using CertLint.Tests.Pki;

namespace CertLint.Tests.WeakKeys;

/// <summary>
/// weak-key tells how to replace a key by what holds it: a certificate is reissued, an SSH key (OpenSSH, PuTTY) is
/// replaced in authorized_keys, an OpenPGP key is published anew, a JSON Web Key goes out in a new JWKS, a bare key
/// with a certificate of the scan has that certificate reissued. RSA 1024 keys of the committed fixtures, linted together
/// by the real engine: one finding for each, no more. A bare key no certificate of the scan has is replaced where it is
/// used, and any certificate issued for it elsewhere revoked.
/// </summary>
public sealed class WeakKeyRemedyTests
{
    private static string Fixture(params string[] path) => Path.Combine([Samples.RepoRoot, "tests", "fixtures", .. path]);

    [Test]
    public void Each_weak_key_is_told_how_to_replace_it_by_what_holds_it()
    {
        using var dir = new TempDirectory();
        foreach (var (source, name) in new[]
        {
            (Fixture("openssh", "rsa-1024"), "id_rsa"),
            (Fixture("ppk", "rsa-1024.ppk"), "putty.ppk"),
            (Fixture("pgp", "rsa1024-public.asc"), "signing.asc"),
            (Fixture("jwk", "keys.jwks"), "keys.jwks"),
            (Fixture("rsa1024.key"), "server.key"),
            (Fixture("rsa1024.pem"), "server.pem"),
            (Fixture("openssh", "rsa-1024.spki.pem"), "lonely.pub"),
        })
        {
            File.Copy(source, dir[name]);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(dir[name], UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        var result = BoundedLint.Run(dir.Path, ".");
        BoundedLint.Of(result, "weak-key").ShouldBe([
            "id_rsa:1 RSA 1024 private key uses a weak RSA 1024 key: generate a new SSH key and replace the old one in authorized_keys (RSA 3072 or EC P-256 are strong).",
            "keys.jwks:3 RSA 1024 private key uses a weak RSA 1024 key: generate a new key and publish the JWKS without the old one (RSA 3072 or EC P-256 are strong).",
            "lonely.pub:1 RSA 1024 public key uses a weak RSA 1024 key: generate a new key, replace this one wherever it is used and revoke any certificate issued for it (RSA 3072 or EC P-256 are strong).",
            "putty.ppk:1 RSA 1024 private key uses a weak RSA 1024 key: generate a new SSH key and replace the old one in authorized_keys (RSA 3072 or EC P-256 are strong).",
            "server.key:1 RSA 1024 private key uses a weak RSA 1024 key: generate a new key, reissue its certificate and revoke the old one (RSA 3072 or EC P-256 are strong).",
            "server.pem:1 CN=rsa1024.fixture.test, serial 1F70042F17B7A33AC2E90D02E4F1ABE111635BA4 uses a weak RSA 1024 key: generate a new key, reissue the certificate and revoke the old one (RSA 3072 or EC P-256 are strong).",
            "signing.asc:1 RSA 1024 public key uses a weak RSA 1024 key: generate a new OpenPGP key, publish it and revoke the old one (RSA 3072 or EC P-256 are strong).",
        ]);
    }
}
