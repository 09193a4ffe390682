using System.Buffers.Binary;
using System.Formats.Asn1;

namespace CertLint.Parsing;

/// <summary>One key of an OpenPGP key block in the model's terms: no secret number survives it.</summary>
/// <param name="Spki">The public key as a SubjectPublicKeyInfo; null for an algorithm X.509 has no encoding for (Elgamal).</param>
/// <param name="IsPrivate">The packet holds secret material (not a GnuPG stub whose secret is elsewhere: a card, offline).</param>
internal sealed record OpenPgpKey(byte[]? Spki, bool IsPrivate, bool Encrypted, PbeInfo? Protection);

/// <summary>
/// Reads the keys of an ASCII-armored OpenPGP key block ("PGP PRIVATE KEY BLOCK", "PGP PUBLIC KEY BLOCK"; RFC 9580
/// §5.5, RFC 4880 §5.5): the primary key and each subkey. A key's public material becomes a SubjectPublicKeyInfo, so a
/// PGP key is judged by the same key rules as any other (weak and published keys, ROCA, committed secrets, file
/// permissions). Secret material is never read: the S2K usage octet after the public material says whether it is
/// encrypted, and the S2K parameters are read, never run. Every length is checked against the bytes left.
/// </summary>
internal static class OpenPgpKeyParser
{
    public const string SecretLabel = "PGP PRIVATE KEY BLOCK", PublicLabel = "PGP PUBLIC KEY BLOCK";

    /// <summary>Packets walked and keys kept per block, and the largest number read (OpenSSH's and the key checks' bound).</summary>
    public const int MaxKeys = 64;
    private const int MaxPackets = 4096, MaxMpiBits = 16384;

    private const int SecretKeyTag = 5, PublicKeyTag = 6, SecretSubkeyTag = 7, PublicSubkeyTag = 14;

    public static List<OpenPgpKey> Parse(ReadOnlySpan<byte> data)
    {
        var keys = new List<OpenPgpKey>();
        var rest = data;
        for (var packets = 0; !rest.IsEmpty; packets++)
        {
            if (packets == MaxPackets) throw new FormatException($"OpenPGP key block: more than {MaxPackets} packets");
            var tag = NextPacket(ref rest, out var body);
            if (tag is not (SecretKeyTag or PublicKeyTag or SecretSubkeyTag or PublicSubkeyTag)) continue; // user ids, signatures
            if (keys.Count == MaxKeys) throw new FormatException($"OpenPGP key block: more than {MaxKeys} keys");
            var key = ReadKey(body, tag is SecretKeyTag or SecretSubkeyTag);
            // GnuPG protects every key of a block with one passphrase: its weakness is one defect, reported once.
            if (key.Protection?.Weakness is { } weakness && keys.Any(k => k.Protection?.Weakness == weakness))
                key = key with { Protection = key.Protection with { Weakness = null } };
            keys.Add(key);
        }
        if (keys.Count == 0) throw new FormatException("OpenPGP key block: no key packet");
        return keys;
    }

    /// <summary>One packet (RFC 9580 §4.2): its tag and body. Partial lengths are for data packets, never for keys.</summary>
    private static int NextPacket(ref ReadOnlySpan<byte> rest, out ReadOnlySpan<byte> body)
    {
        var first = rest[0];
        if ((first & 0x80) == 0) throw new FormatException("OpenPGP key block: bytes that are no packet header");
        int tag, header;
        long length;
        if ((first & 0x40) != 0)
        {
            tag = first & 0x3F;
            var o1 = Byte(rest, 1);
            (length, header) = o1 switch
            {
                < 192 => (o1, 2),
                < 224 => (((o1 - 192) << 8) + Byte(rest, 2) + 192L, 3),
                255 => (BinaryPrimitives.ReadUInt32BigEndian(Take(rest, 2, 4)), 6),
                _ => throw new FormatException("OpenPGP key block: a packet of partial lengths (only data packets may have them)"),
            };
        }
        else
        {
            tag = (first >> 2) & 0x0F;
            (length, header) = (first & 3) switch
            {
                0 => (Byte(rest, 1), 2),
                1 => (BinaryPrimitives.ReadUInt16BigEndian(Take(rest, 1, 2)), 3),
                2 => (BinaryPrimitives.ReadUInt32BigEndian(Take(rest, 1, 4)), 5),
                _ => (rest.Length - 1L, 1), // indeterminate: to the end
            };
        }
        if (length > rest.Length - header) throw Truncated();
        body = rest.Slice(header, (int)length);
        rest = rest[(header + (int)length)..];
        return tag;
    }

    private static OpenPgpKey ReadKey(ReadOnlySpan<byte> body, bool secretPacket)
    {
        var version = Byte(body, 0);
        byte[]? spki;
        int at;
        switch (version)
        {
            case 2 or 3: // creation time, validity days, algorithm (RSA only in practice)
                at = 8;
                spki = PublicKey(Byte(body, 7), body, ref at);
                break;
            case 4: // creation time, algorithm, public fields
                at = 6;
                spki = PublicKey(Byte(body, 5), body, ref at);
                break;
            case 5 or 6: // creation time, algorithm, length of the public fields, public fields (RFC 9580 §5.5.2.3)
                var length = BinaryPrimitives.ReadUInt32BigEndian(Take(body, 6, 4));
                if (length > body.Length - 10) throw Truncated();
                var material = body.Slice(10, (int)length);
                var used = 0;
                spki = PublicKey(Byte(body, 5), material, ref used);
                if (used != material.Length) throw new FormatException("OpenPGP key: the public fields do not fill their stated length");
                at = 10 + (int)length;
                break;
            default:
                throw new FormatException("OpenPGP key: a key packet version CertLint does not read");
        }
        if (!secretPacket) return new(spki, false, false, null);
        return Secret(body[at..], version, spki);
    }

    /// <summary>
    /// The S2K usage octet and what follows (RFC 9580 §5.5.3): 0 is a key in the clear; 253, 254 and 255 an S2K
    /// specifier; any other value a cipher keyed by the MD5 of the password (RFC 4880's legacy form).
    /// </summary>
    private static OpenPgpKey Secret(ReadOnlySpan<byte> secret, int version, byte[]? spki)
    {
        var usage = Byte(secret, 0);
        if (usage == 0) return new(spki, true, false, null);
        if (usage is not (253 or 254 or 255))
            return new(spki, true, true, new("OpenPGP legacy", 1, "a cipher keyed by the MD5 of the password, no salt", "the key is an unsalted MD5 of the password (RFC 4880's legacy form): one hash per guess"));
        var at = 1;
        if (version >= 5) at++; // the length of the parameters that follow
        at++; // the cipher
        if (usage == 253) at++; // the AEAD mode
        if (version == 6) at++; // the length of the S2K specifier
        var s2k = Take(secret, at, 1)[0];
        var spec = secret[(at + 1)..];
        var checksum16 = usage == 255 ? "; the secret is checked by a 16-bit sum, which RFC 9580 §3.7.2.1 forbids for new keys" : "";
        return s2k switch
        {
            0 => new(spki, true, true, new("OpenPGP simple S2K", 1, "the password hashed once", "the password is hashed once, without salt: one hash per guess" + checksum16)),
            1 => new(spki, true, true, new("OpenPGP salted S2K", 1, "the password hashed once with a salt", "the password is hashed once: one hash per guess" + checksum16)),
            3 => Iterated(spki, Take(spec, 9, 1)[0], checksum16),
            4 => Argon2(spki, spec, checksum16),
            // GnuPG's extension: mode 1 is a stub whose secret was not exported, mode 2 a key on a smart card.
            101 when spec.Length >= 5 && spec[1..4].SequenceEqual("GNU"u8) && spec[4] is 1 or 2 => new(spki, false, false, null),
            _ => new(spki, true, true, new("OpenPGP S2K", 0, "an unknown S2K", null)),
        };
    }

    private static OpenPgpKey Iterated(byte[]? spki, byte coded, string checksum16)
    {
        long octets = (16L + (coded & 15)) << ((coded >> 4) + 6); // RFC 9580 §3.7.1.3: octets of salt and password hashed
        return new(spki, true, true, new("OpenPGP iterated and salted S2K", octets, $"the password and salt hashed over {octets} octets",
            checksum16.Length == 0 ? null : checksum16[2..]));
    }

    private static OpenPgpKey Argon2(byte[]? spki, ReadOnlySpan<byte> spec, string checksum16)
    {
        var p = Take(spec, 16, 3); // after the 16-octet salt: passes, lanes, log2 of the memory in KiB
        return new(spki, true, true, new("OpenPGP Argon2 S2K", p[0], $"Argon2 with {p[0]} passes, {p[1]} lanes and 2^{p[2]} KiB",
            checksum16.Length == 0 ? null : checksum16[2..]));
    }

    /// <summary>The algorithm's public fields (RFC 9580 §5.5.5) as a SubjectPublicKeyInfo; <paramref name="at"/> moves past them.</summary>
    private static byte[]? PublicKey(int algorithm, ReadOnlySpan<byte> fields, ref int at)
    {
        switch (algorithm)
        {
            case 1 or 2 or 3: // RSA
            {
                var n = Mpi(fields, ref at);
                var e = Mpi(fields, ref at);
                return SubjectPublicKeys.Rsa(SubjectPublicKeys.Unsigned(n), SubjectPublicKeys.Unsigned(e));
            }
            case 17: // DSA
            {
                var p = Mpi(fields, ref at);
                var q = Mpi(fields, ref at);
                var g = Mpi(fields, ref at);
                var y = Mpi(fields, ref at);
                return SubjectPublicKeys.Dsa(SubjectPublicKeys.Unsigned(p), SubjectPublicKeys.Unsigned(q), SubjectPublicKeys.Unsigned(g), SubjectPublicKeys.Unsigned(y));
            }
            case 16 or 20: // Elgamal: no X.509 encoding; its fields are skipped
                Mpi(fields, ref at);
                Mpi(fields, ref at);
                Mpi(fields, ref at);
                return null;
            case 19 or 22: // ECDSA, EdDSA (legacy)
                return Curve(Oid(fields, ref at), Mpi(fields, ref at));
            case 18: // ECDH: curve, point, then the KDF parameters
            {
                var spki = Curve(Oid(fields, ref at), Mpi(fields, ref at));
                var kdf = Byte(fields, at);
                Take(fields, at + 1, kdf);
                at += 1 + kdf;
                return spki;
            }
            case 25: return Native(fields, ref at, 32, "1.3.101.110"); // X25519
            case 26: return Native(fields, ref at, 56, "1.3.101.111"); // X448
            case 27: return Native(fields, ref at, 32, "1.3.101.112"); // Ed25519
            case 28: return Native(fields, ref at, 57, "1.3.101.113"); // Ed448
            default:
                throw new FormatException("OpenPGP key: a public key algorithm CertLint does not read");
        }
    }

    private static byte[] Native(ReadOnlySpan<byte> fields, ref int at, int length, string oid)
    {
        var key = Take(fields, at, length);
        at += length;
        return SubjectPublicKeys.Raw(oid, key);
    }

    /// <summary>
    /// An elliptic-curve key: a named curve of X.509 as id-ecPublicKey, or a legacy Curve25519/Ed25519/Ed448/X448
    /// point (prefixed 0x40, RFC 9580 §11.2) as the RFC 8410 key of the same curve.
    /// </summary>
    private static byte[] Curve(string oid, ReadOnlySpan<byte> point)
    {
        var native = point is [0x40, .. var rest] ? rest : point;
        return oid switch
        {
            "1.3.6.1.4.1.11591.15.1" or "1.3.101.112" => SubjectPublicKeys.Raw("1.3.101.112", Exactly(native, 32)),
            "1.3.6.1.4.1.3029.1.5.1" or "1.3.101.110" => SubjectPublicKeys.Raw("1.3.101.110", Exactly(native, 32)),
            "1.3.101.113" => SubjectPublicKeys.Raw("1.3.101.113", Exactly(native, 57)),
            "1.3.101.111" => SubjectPublicKeys.Raw("1.3.101.111", Exactly(native, 56)),
            _ => SubjectPublicKeys.Ec(oid, point),
        };
    }

    private static ReadOnlySpan<byte> Exactly(ReadOnlySpan<byte> key, int length) =>
        key.Length == length ? key : throw new FormatException("OpenPGP key: a curve point of the wrong length");

    /// <summary>A curve OID field: one length octet (not 0 or 255) and the OID's DER contents.</summary>
    private static string Oid(ReadOnlySpan<byte> fields, ref int at)
    {
        var length = Byte(fields, at);
        if (length is 0 or 255) throw new FormatException("OpenPGP key: a reserved curve OID length");
        var contents = Take(fields, at + 1, length);
        at += 1 + length;
        Span<byte> der = stackalloc byte[2 + length];
        der[0] = 0x06;
        der[1] = (byte)length;
        contents.CopyTo(der[2..]);
        return AsnDecoder.ReadObjectIdentifier(der, AsnEncodingRules.DER, out _);
    }

    /// <summary>A multiprecision integer (RFC 9580 §3.2): a two-octet bit count, then the number's octets.</summary>
    private static ReadOnlySpan<byte> Mpi(ReadOnlySpan<byte> fields, ref int at)
    {
        var bits = BinaryPrimitives.ReadUInt16BigEndian(Take(fields, at, 2));
        if (bits > MaxMpiBits) throw new FormatException($"OpenPGP key: a number of more than {MaxMpiBits} bits");
        var length = (bits + 7) / 8;
        var value = Take(fields, at + 2, length);
        at += 2 + length;
        return value;
    }

    private static byte Byte(ReadOnlySpan<byte> data, int at) => at < data.Length ? data[at] : throw Truncated();

    private static ReadOnlySpan<byte> Take(ReadOnlySpan<byte> data, int at, int length) =>
        at >= 0 && length >= 0 && length <= data.Length - at ? data.Slice(at, length) : throw Truncated();

    private static FormatException Truncated() => new("OpenPGP key block: cut short (a length runs past the end)");
}
