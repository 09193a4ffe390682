using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;

namespace CertLint.Fuzz;

/// <summary>
/// Seeds the harness makes itself (fresh keys, no external data) for structures the repository's fixtures lack: the
/// private-key audit's inputs (PKCS#8 EC keys naming the curve in the wrapper, in the inner key, or in both as Java's
/// keytool writes them; SEC1; RSA with right and wrong CRT values), DER for `der`, PEM for `sniff-pem`.
/// fuzz/run.sh adds them to each campaign's seed folder (`CertLint.Fuzz seeds HARNESS DIR`).
/// </summary>
public static class FuzzSeeds
{
    private const string EcPublicKey = "1.2.840.10045.2.1", P256 = "1.2.840.10045.3.1.7", RsaEncryption = "1.2.840.113549.1.1.1";

    /// <summary>(file name, bytes) for <paramref name="harness"/>, <see cref="FormatSeeds"/>' too; none for the harnesses whose fixtures suffice.</summary>
    public static IEnumerable<(string Name, byte[] Bytes)> For(string harness)
    {
        if (harness == "baseline")
        {
            foreach (var seed in BaselineSeeds.All()) yield return seed;
            yield break;
        }
        if (harness == "ocsp")
        {
            foreach (var seed in OcspSeeds.All()) yield return seed;
            yield break;
        }
        if (harness is "pkcs" or "sniff-pem")
        {
            foreach (var keystore in FormatSeeds.Keystores()) yield return ($"gen-{keystore.Name}", keystore.Bytes);
        }
        if (harness is not ("der" or "sniff-pem")) yield break;
        if (harness == "sniff-pem")
        {
            yield return ("gen-authorized_keys", AuthorizedKeys());
            // The same keys as RFC 4716 blocks, and as UTF-16 text with its byte order mark (the mark readers and the decoder).
            yield return ("gen-ssh2-public.pub", Ssh2Blocks());
            yield return ("gen-utf16-authorized_keys", [0xFF, 0xFE, .. System.Text.Encoding.Unicode.GetBytes(System.Text.Encoding.ASCII.GetString(AuthorizedKeys()))]);
        }
        foreach (var (name, label, der) in Keys().Concat(FormatSeeds.Der()))
        {
            yield return harness == "der" ? ($"gen-{name}.der", der) : ($"gen-{name}.pem", System.Text.Encoding.ASCII.GetBytes(PemEncoding.WriteString(label, der) + "\n"));
        }
    }

    private static IEnumerable<(string Name, string Label, byte[] Der)> Keys()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var p = ec.ExportParameters(true);
        yield return ("ec-sec1-curve-point", "EC PRIVATE KEY", Sec1(p, curve: true, point: true));
        yield return ("ec-sec1-no-point", "EC PRIVATE KEY", Sec1(p, curve: true, point: false));
        yield return ("ec-pkcs8-wrapper-curve", "PRIVATE KEY", Pkcs8(EcPublicKey, P256, Sec1(p, curve: false, point: true)));
        yield return ("ec-pkcs8-both-curves", "PRIVATE KEY", Pkcs8(EcPublicKey, P256, Sec1(p, curve: true, point: true)));
        yield return ("ec-pkcs8-inner-curve", "PRIVATE KEY", Pkcs8(EcPublicKey, null, Sec1(p, curve: true, point: true)));
        using var rsa = RSA.Create(1024);
        var pkcs1 = rsa.ExportRSAPrivateKey();
        yield return ("rsa-pkcs1", "RSA PRIVATE KEY", pkcs1);
        yield return ("rsa-pkcs8", "PRIVATE KEY", Pkcs8(RsaEncryption, "", pkcs1));
        var r = rsa.ExportParameters(true);
        r.InverseQ![^1] ^= 1;   // a wrong CRT coefficient: the audit's WrongCrtCoefficient
        yield return ("rsa-pkcs1-wrong-crt", "RSA PRIVATE KEY", RsaPrivateKey(r));
        yield return ("csr-ec", "CERTIFICATE REQUEST", new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=fuzz.example", ec, HashAlgorithmName.SHA256).CreateSigningRequest());
    }

    /// <summary>OpenSSH public key lines (sshd(8) AUTHORIZED_KEYS FILE FORMAT): an option, an RSA and an Ed25519 key, a comment.</summary>
    private static byte[] AuthorizedKeys()
    {
        static byte[] Str(byte[] v) => [(byte)(v.Length >> 24), (byte)(v.Length >> 16), (byte)(v.Length >> 8), (byte)v.Length, .. v];
        using var rsa = RSA.Create(1024);
        var p = rsa.ExportParameters(false);
        var rsaBlob = (byte[])[.. Str("ssh-rsa"u8.ToArray()), .. Str(p.Exponent!), .. Str([0, .. p.Modulus!])];
        var edBlob = (byte[])[.. Str("ssh-ed25519"u8.ToArray()), .. Str(new byte[32])];
        return System.Text.Encoding.ASCII.GetBytes($"# keys\nno-pty ssh-rsa {Convert.ToBase64String(rsaBlob)} a@b\nssh-ed25519 {Convert.ToBase64String(edBlob)}\n");
    }

    private static byte[] Ssh2Blocks()
    {
        var lines = System.Text.Encoding.ASCII.GetString(AuthorizedKeys()).Split('\n');
        var blocks = lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(' ').SkipWhile(t => !t.StartsWith("ssh-", StringComparison.Ordinal)).ElementAt(1))
            .Select(b64 => $"---- BEGIN SSH2 PUBLIC KEY ----\nComment: \"fuzz \\\nseed\"\n{string.Join('\n', b64.Chunk(64).Select(c => new string(c)))}\n---- END SSH2 PUBLIC KEY ----\n");
        return System.Text.Encoding.ASCII.GetBytes(string.Concat(blocks));
    }

    /// <summary>ECPrivateKey (RFC 5915), with or without the curve in [0] and the point in [1].</summary>
    private static byte[] Sec1(ECParameters p, bool curve, bool point)
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            w.WriteInteger(1);
            w.WriteOctetString(p.D);
            if (curve)
            {
                using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true))) w.WriteObjectIdentifier(P256);
            }
            if (point)
            {
                using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 1, isConstructed: true))) w.WriteBitString([0x04, .. p.Q.X!, .. p.Q.Y!]);
            }
        }
        return w.Encode();
    }

    /// <summary>PrivateKeyInfo (RFC 5208): parameters an OID, NULL ("") or absent (null).</summary>
    private static byte[] Pkcs8(string algorithm, string? parameters, byte[] privateKey)
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            w.WriteInteger(0);
            using (w.PushSequence())
            {
                w.WriteObjectIdentifier(algorithm);
                if (parameters == "") w.WriteNull();
                else if (parameters is not null) w.WriteObjectIdentifier(parameters);
            }
            w.WriteOctetString(privateKey);
        }
        return w.Encode();
    }

    /// <summary>RSAPrivateKey (RFC 8017 A.1.2) from parameters as they are, consistent or not.</summary>
    private static byte[] RsaPrivateKey(RSAParameters r)
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            w.WriteInteger(0);
            foreach (var value in new[] { r.Modulus, r.Exponent, r.D, r.P, r.Q, r.DP, r.DQ, r.InverseQ })
            {
                w.WriteInteger(new BigInteger(value, isUnsigned: true, isBigEndian: true));
            }
        }
        return w.Encode();
    }
}
