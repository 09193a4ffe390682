using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using CertLint.Model;
using PublicKeyInfo = CertLint.Model.PublicKeyInfo;

namespace CertLint.Parsing;

/// <summary>
/// Private and public keys -> <see cref="KeyInfo"/> holding only the public half. Decrypted buffers are zeroed before
/// returning. Throws <see cref="PasswordRequiredException"/> when no candidate password opens an encrypted key, and
/// AsnContentException/CryptographicException on malformed input.
/// </summary>
public static partial class KeyParser
{
    /// <summary>The PEM labels this parser understands.</summary>
    public static bool IsKeyLabel(string label) => PemLabels.Keys.Contains(label);

    public static KeyInfo ParsePem(PemBlock block, SourceLocation location, IReadOnlyList<string> passwords, KdfMeter? kdf = null)
    {
        if (block.IsLegacyEncrypted) return ParseLegacyEncrypted(block, location, passwords);
        return block.Label switch
        {
            "PRIVATE KEY" => Make(location, ObjectFormat.Pem, KeyEncoding.Pkcs8, true, false, PublicKeyDerivation.FromPkcs8(block.Data), PrivateKeyAudit.OfPkcs8(block.Data)),
            "ENCRYPTED PRIVATE KEY" => ParseEncryptedPkcs8(block.Data, location, ObjectFormat.Pem, passwords, kdf ?? KdfMeter.Standalone(PbeInspector.DefaultMaxIterations)),
            "RSA PRIVATE KEY" => Make(location, ObjectFormat.Pem, KeyEncoding.Pkcs1Rsa, true, false, PublicKeyDerivation.FromPkcs1(block.Data), PrivateKeyAudit.OfPkcs1(block.Data)),
            "EC PRIVATE KEY" => Make(location, ObjectFormat.Pem, KeyEncoding.Sec1Ec, true, false, PublicKeyDerivation.FromSec1(block.Data), PrivateKeyAudit.OfSec1(block.Data)),
            "DSA PRIVATE KEY" => OpenSslDsa(location, ObjectFormat.Pem, block.Data),
            "PUBLIC KEY" => Make(location, ObjectFormat.Pem, KeyEncoding.SubjectPublicKeyInfo, false, false, block.Data),
            "OPENSSH PRIVATE KEY" => OpenSsh(block.Data, location),
            "RSA PUBLIC KEY" => Make(location, ObjectFormat.Pem, KeyEncoding.SubjectPublicKeyInfo, false, false, PublicKeyDerivation.FromPkcs1Public(block.Data)),
            _ => throw new ArgumentException($"not a key label: {block.Label}", nameof(block)),
        };
    }

    /// <summary>A DER key file: PKCS#8, encrypted PKCS#8, PKCS#1, SEC1 or SPKI, told apart by structure. Null when it is none of them.</summary>
    /// <param name="sniffed">The shape <see cref="DerSniffer"/> already found, so that its work (a Fermat test, for a pair of
    /// integers) is not done, nor paid for, twice.</param>
    public static KeyInfo? ParseDer(ReadOnlyMemory<byte> der, SourceLocation location, IReadOnlyList<string> passwords, KdfMeter? kdf = null,
        KeyEncoding? sniffed = null)
    {
        if ((sniffed ?? DerKeyShape(der)) is not { } shape) return null;
        return shape switch
        {
            KeyEncoding.Pkcs8 => Make(location, ObjectFormat.Der, shape, true, false, PublicKeyDerivation.FromPkcs8(der), PrivateKeyAudit.OfPkcs8(der)),
            KeyEncoding.EncryptedPkcs8 => ParseEncryptedPkcs8(der, location, ObjectFormat.Der, passwords, kdf ?? KdfMeter.Standalone(PbeInspector.DefaultMaxIterations)),
            // PKCS#1 RSAPublicKey (n, e): read as the PEM "RSA PUBLIC KEY" is.
            KeyEncoding.Pkcs1RsaPublic => Make(location, ObjectFormat.Der, KeyEncoding.SubjectPublicKeyInfo, false, false, PublicKeyDerivation.FromPkcs1Public(der)),
            KeyEncoding.OpenSslDsa => OpenSslDsa(location, ObjectFormat.Der, der),
            KeyEncoding.Pkcs1Rsa => Make(location, ObjectFormat.Der, shape, true, false, PublicKeyDerivation.FromPkcs1(der), PrivateKeyAudit.OfPkcs1(der)),
            KeyEncoding.Sec1Ec => Make(location, ObjectFormat.Der, shape, true, false, PublicKeyDerivation.FromSec1(der), PrivateKeyAudit.OfSec1(der)),
            KeyEncoding.SubjectPublicKeyInfo => Make(location, ObjectFormat.Der, shape, false, false, der),
            _ => null,
        };
    }

    /// <summary>Recognises a DER key by its outer structure (cheap, no decoding of the key itself).</summary>
    /// <param name="fermat">Whether a pair of integers is told from DH parameters by a Fermat test of the first (see
    /// <see cref="IntegerSequenceShape"/>); without it, every such pair with an odd second is taken for an RSA public key.</param>
    public static KeyEncoding? DerKeyShape(ReadOnlyMemory<byte> der, bool fermat = true)
    {
        try
        {
            var outer = new AsnReader(der, AsnEncodingRules.BER);
            var seq = outer.ReadSequence();
            if (outer.HasData) return null;
            var first = seq.PeekTag();
            if (first.HasSameClassAndValue(Asn1Tag.Sequence))
            {
                seq.ReadEncodedValue();
                var second = seq.PeekTag();
                if (second.HasSameClassAndValue(Asn1Tag.PrimitiveBitString)) return KeyEncoding.SubjectPublicKeyInfo;
                if (second.HasSameClassAndValue(Asn1Tag.PrimitiveOctetString)) return KeyEncoding.EncryptedPkcs8;
                return null;
            }
            if (!first.HasSameClassAndValue(Asn1Tag.Integer)) return null;
            var version = Asn1Helpers.IntegerToHex(Asn1Helpers.ReadIntegerContent(seq, out _));
            var next = seq.PeekTag();
            if (next.HasSameClassAndValue(Asn1Tag.Sequence))
            {
                // PKCS#8: version, algorithm, OCTET STRING key. (A PFX is version 3, ContentInfo, MacData.)
                seq.ReadEncodedValue();
                return seq.HasData && seq.PeekTag().HasSameClassAndValue(Asn1Tag.PrimitiveOctetString) ? KeyEncoding.Pkcs8 : null;
            }
            if (version == "01" && next.HasSameClassAndValue(Asn1Tag.PrimitiveOctetString)) return KeyEncoding.Sec1Ec;
            return next.HasSameClassAndValue(Asn1Tag.Integer) ? IntegerSequenceShape(der, fermat) : null;
        }
        catch (AsnContentException)
        {
            return null;
        }
    }

    /// <summary>
    /// A SEQUENCE of INTEGERs is one of several structures, told apart by how many there are (at most ten are read):
    /// RSAPrivateKey (RFC 8017 A.1.2: version 0 or 1, then eight), OpenSSL's DSAPrivateKey (version 0, p, q, g, y, x),
    /// RSAPublicKey (RFC 8017 A.1.1: n, e), or domain parameters, which are no key: DHParameter (PKCS #3: p, g and an
    /// optional length), Dss-Parms (p, q, g), X9.42 DomainParameters (p, g, q, optional j). A pair (n, e) is a public key
    /// when e is odd and n is not a probable prime (a Fermat test to base 2): a DHParameter's g is 2 or 5 and its p prime.
    /// </summary>
    private static KeyEncoding? IntegerSequenceShape(ReadOnlyMemory<byte> der, bool fermat)
    {
        var seq = new AsnReader(der, AsnEncodingRules.BER).ReadSequence();
        var integers = new List<ReadOnlyMemory<byte>>();
        while (seq.HasData && integers.Count <= 10)
        {
            if (!seq.PeekTag().HasSameClassAndValue(Asn1Tag.Integer)) break;
            integers.Add(seq.ReadEncodedValue());
        }
        var versionZeroOrOne = integers[0].Span.SequenceEqual(new byte[] { 2, 1, 0 }) || integers[0].Span.SequenceEqual(new byte[] { 2, 1, 1 });
        return integers.Count switch
        {
            >= 9 when versionZeroOrOne => KeyEncoding.Pkcs1Rsa,
            6 when integers[0].Span.SequenceEqual(new byte[] { 2, 1, 0 }) && !seq.HasData => KeyEncoding.OpenSslDsa,
            2 when !seq.HasData && IsRsaPublicPair(integers[0], integers[1], fermat) => KeyEncoding.Pkcs1RsaPublic,
            _ => null,
        };
    }

    private static bool IsRsaPublicPair(ReadOnlyMemory<byte> modulus, ReadOnlyMemory<byte> exponent, bool fermat)
    {
        var n = new AsnReader(modulus, AsnEncodingRules.BER).ReadInteger();
        var e = new AsnReader(exponent, AsnEncodingRules.BER).ReadInteger();
        if (e.IsEven || n.Sign <= 0) return false;
        // One exponentiation modulo at most a 16,384-bit n (about 1 s), only for this rare shape, paid for from the file's
        // allowance and the run's budget (ArithmeticMeter).
        return !fermat || n.GetBitLength() > KeyNumbersParser.MaxOrderPBits || n < 3 || !ModularExponent.Pow(2, n - 1, n).IsOne;
    }

    /// <summary>OpenSSL's traditional DSA private key: its SPKI computed from x, and whether the y it stores agrees.</summary>
    private static KeyInfo OpenSslDsa(SourceLocation location, ObjectFormat format, ReadOnlyMemory<byte> der)
    {
        var spki = PublicKeyDerivation.FromOpenSslDsa(der);
        return Make(location, format, KeyEncoding.OpenSslDsa, true, false, spki, PrivateKeyAudit.OfOpenSslDsa(der, spki));
    }

    /// <summary>Public half and audit verdict of a decrypted or plain PKCS#8 key, for PKCS#12 and JKS entries.</summary>
    internal static (PublicKeyInfo? Key, PrivateKeyVerdict? Verdict) PublicKeyOfPkcs8(ReadOnlyMemory<byte> pkcs8) =>
        (PublicKeyDerivation.FromPkcs8(pkcs8) is { } spki ? SpkiParser.Parse(spki) : null, PrivateKeyAudit.OfPkcs8(pkcs8));

    /// <summary>
    /// The iteration count is read and checked against the per-derivation limit before any derivation, and each
    /// password's attempt is paid for from the run's budget (<paramref name="kdf"/>). PBES2
    /// with AES or 3DES is decrypted by <see cref="Pbes2Decryptor"/>, which tells a wrong password from a corrupt key;
    /// other schemes (PBES1, PKCS#12 PBE) go through .NET, where the two look alike.
    /// </summary>
    private static KeyInfo ParseEncryptedPkcs8(ReadOnlyMemory<byte> der, SourceLocation location, ObjectFormat format, IReadOnlyList<string> passwords, KdfMeter kdf)
    {
        var pbe = PbeInspector.ReadEncryptedPrivateKeyInfo(der);
        kdf.Check(pbe);
        foreach (var password in passwords)
        {
            kdf.Spend(pbe);
            byte[]? plain = null;
            try
            {
                var attempt = Pbes2Decryptor.TryDecrypt(der, password, out plain);
                if (attempt == Pbes2Decryptor.Result.WrongPassword) continue;
                if (attempt == Pbes2Decryptor.Result.Decrypted)
                {
                    var spki = DecodeDecrypted(plain!);
                    return Make(location, format, KeyEncoding.EncryptedPkcs8, true, true, spki, PrivateKeyAudit.OfPkcs8(plain!), pbe, password.Length == 0);
                }
                var info = Pkcs8PrivateKeyInfo.DecryptAndDecode(password, der, out _);
                plain = info.Encode();
                ZeroPrivateBytes(info);
                return Make(location, format, KeyEncoding.EncryptedPkcs8, true, true, PublicKeyDerivation.FromPkcs8(plain), PrivateKeyAudit.OfPkcs8(plain), pbe, password.Length == 0);
            }
            catch (Exception e) when (e is CryptographicException or AsnContentException)
            {
                // Wrong password (or one that decrypted to garbage): try the next.
            }
            finally
            {
                if (plain is not null) CryptographicOperations.ZeroMemory(plain);
            }
        }
        throw new PasswordRequiredException("private key (encrypted PKCS#8)");
    }

    /// <summary>The public half of a key the password demonstrably opened; anything wrong with it is corruption, not a password problem.</summary>
    private static byte[] DecodeDecrypted(byte[] plain)
    {
        try
        {
            return PublicKeyDerivation.FromPkcs8(plain) ?? throw new DecryptedButCorruptException("private key (encrypted PKCS#8)");
        }
        catch (Exception e) when (e is CryptographicException or AsnContentException or ArgumentException or FormatException or OverflowException)
        {
            throw new DecryptedButCorruptException("private key (encrypted PKCS#8)");
        }
    }

    private static KeyInfo ParseLegacyEncrypted(PemBlock block, SourceLocation location, IReadOnlyList<string> passwords)
    {
        var dekInfo = block.Headers.GetValueOrDefault("DEK-Info") ?? throw new PasswordRequiredException($"{block.Label} (no DEK-Info)");
        var (encoding, derive, audit) = block.Label switch
        {
            "RSA PRIVATE KEY" => (KeyEncoding.Pkcs1Rsa, (Func<ReadOnlyMemory<byte>, byte[]?>)(d => PublicKeyDerivation.FromPkcs1(d)),
                (Func<ReadOnlyMemory<byte>, byte[], PrivateKeyVerdict?>)((d, _) => PrivateKeyAudit.OfPkcs1(d))),
            "EC PRIVATE KEY" => (KeyEncoding.Sec1Ec, d => PublicKeyDerivation.FromSec1(d), (d, _) => PrivateKeyAudit.OfSec1(d)),
            "DSA PRIVATE KEY" => (KeyEncoding.OpenSslDsa, d => PublicKeyDerivation.FromOpenSslDsa(d), PrivateKeyAudit.OfOpenSslDsa),
            "PRIVATE KEY" => (KeyEncoding.Pkcs8, PublicKeyDerivation.FromPkcs8, (d, _) => PrivateKeyAudit.OfPkcs8(d)),
            _ => throw new PasswordRequiredException($"{block.Label} (legacy PEM encryption)"),
        };
        foreach (var password in passwords)
        {
            byte[]? plain = null;
            try
            {
                plain = LegacyPemDecryptor.Decrypt(dekInfo, block.Data.Span, password);
                if (plain is null) break; // unsupported cipher: no password will help us
                if (!Pbes2Decryptor.LooksLikeDerSequence(plain)) continue; // padding fit by chance: a wrong password
                byte[]? spki;
                try
                {
                    spki = derive(plain) ?? throw new DecryptedButCorruptException(block.Label);
                }
                catch (Exception e) when (e is CryptographicException or AsnContentException or ArgumentException or OverflowException)
                {
                    throw new DecryptedButCorruptException($"{block.Label} (legacy PEM encryption)");
                }
                return Make(location, ObjectFormat.Pem, encoding, true, true, spki, audit(plain, spki), LegacyPemDecryptor.Describe(dekInfo), password.Length == 0);
            }
            catch (Exception e) when (e is CryptographicException or AsnContentException or FormatException)
            {
                // Wrong password: bad padding or garbage; try the next.
            }
            finally
            {
                if (plain is not null) CryptographicOperations.ZeroMemory(plain);
            }
        }
        throw new PasswordRequiredException($"{block.Label} (legacy PEM encryption, {dekInfo.Split(',')[0]})");
    }

    /// <summary>Pkcs8PrivateKeyInfo keeps the decrypted key in an array we can reach; clear it rather than wait for the GC.</summary>
    internal static void ZeroPrivateBytes(Pkcs8PrivateKeyInfo info)
    {
        if (System.Runtime.InteropServices.MemoryMarshal.TryGetArray(info.PrivateKeyBytes, out var segment) && segment.Array is not null)
        {
            CryptographicOperations.ZeroMemory(segment.AsSpan());
        }
    }

    /// <summary>The keys of an armored OpenPGP key block: the primary key, then each subkey (<see cref="SourceLocation.Index"/> 1, 2...).</summary>
    internal static IEnumerable<KeyInfo> ParseOpenPgp(ReadOnlyMemory<byte> data, SourceLocation location) =>
        OpenPgpKeyParser.Parse(data.Span).Select((key, i) => Make(i == 0 ? location : location with { Index = location.Index * OpenPgpKeyParser.MaxKeys + i },
            ObjectFormat.Pem, KeyEncoding.OpenPgp, key.IsPrivate, key.Encrypted, key.Spki, null, key.Protection));

    private static KeyInfo OpenSsh(ReadOnlyMemory<byte> data, SourceLocation location)
    {
        var key = OpenSshKeyParser.Parse(data.Span);
        return Make(location, ObjectFormat.Pem, KeyEncoding.OpenSsh, key.IsPrivate, key.Encrypted, key.Spki, key.Verdict, key.Protection);
    }

    /// <summary>A JSON Web Key (<see cref="JwkParser"/>): its SubjectPublicKeyInfo and, for a private key, the audit's verdict.</summary>
    internal static KeyInfo Jwk(SourceLocation location, bool isPrivate, byte[] spki, PrivateKeyVerdict? verdict) =>
        Make(location, ObjectFormat.Jwk, KeyEncoding.Jwk, isPrivate, false, spki, verdict);

    /// <summary>A PuTTY private key file (<see cref="PpkParser"/>); an encrypted one is read from its clear public lines.</summary>
    internal static KeyInfo Ppk(SourceLocation location, bool isPrivate, bool encrypted, byte[]? spki, PrivateKeyVerdict? verdict, PbeInfo? protection) =>
        Make(location, ObjectFormat.Ppk, KeyEncoding.Ppk, isPrivate, encrypted, spki, verdict, protection);

    private static KeyInfo Make(SourceLocation location, ObjectFormat format, KeyEncoding encoding, bool isPrivate, bool encrypted,
        ReadOnlyMemory<byte>? spki, PrivateKeyVerdict? verdict = null, PbeInfo? protection = null, bool emptyPassword = false) =>
        new()
        {
            Location = location,
            Format = format,
            Encoding = encoding,
            IsPrivate = isPrivate,
            Encrypted = encrypted,
            PublicKey = spki is { } s ? SpkiParser.Parse(s.ToArray()) : null,
            Verdict = verdict,
            Protection = protection,
            OpenedWithEmptyPassword = encrypted && emptyPassword,
        };

    private static KeyInfo Make(SourceLocation location, ObjectFormat format, KeyEncoding encoding, bool isPrivate, bool encrypted, byte[]? spki,
        PrivateKeyVerdict? verdict = null, PbeInfo? protection = null, bool emptyPassword = false) =>
        Make(location, format, encoding, isPrivate, encrypted, spki is null ? null : (ReadOnlyMemory<byte>?)spki, verdict, protection, emptyPassword);
}
