using System.Formats.Asn1;
using System.Numerics;
using CertLint.Model;

namespace CertLint.Parsing;

/// <summary>
/// Diffie-Hellman domain parameters: PKCS#3 DHParameter ::= SEQUENCE { prime, base, privateValueLength OPTIONAL }
/// ("DH PARAMETERS", what openssl dhparam writes) and X9.42 DomainParameters ::= SEQUENCE { p, g, q, j OPTIONAL,
/// validationParms OPTIONAL } ("X9.42 DH PARAMETERS"). A prime longer than any group in use is refused before any
/// arithmetic is done on it.
/// </summary>
internal static class DhParametersParser
{
    public const string Pkcs3Label = "DH PARAMETERS";
    public const string X942Label = "X9.42 DH PARAMETERS";

    /// <summary>The largest p read: RFC 7919's and RFC 3526's largest groups have 8,192 bits.</summary>
    public const int MaxBits = 16_384;

    public static DhParametersInfo Parse(ReadOnlyMemory<byte> der, SourceLocation location, bool x942)
    {
        var outer = new AsnReader(der, AsnEncodingRules.DER);
        var seq = outer.ReadSequence();
        if (outer.HasData) throw new FormatException("data after the parameters");
        var p = Positive(seq, "p");
        var g = Positive(seq, "g");
        BigInteger? q = x942 ? Positive(seq, "q") : null;
        // PKCS#3's privateValueLength and X9.42's j and validationParms say nothing the rules judge.
        while (seq.HasData) seq.ReadEncodedValue();
        return new DhParametersInfo(location, p, g, q);
    }

    private static BigInteger Positive(AsnReader seq, string name)
    {
        var bytes = seq.ReadIntegerBytes().Span;
        if (bytes.Length > (MaxBits / 8) + 1) throw new FormatException($"{name} is longer than {MaxBits} bits");
        var value = new BigInteger(bytes, isUnsigned: false, isBigEndian: true);
        if (value.Sign <= 0) throw new FormatException($"{name} is not positive");
        // The byte bound above lets a few bits past it through; the residue pass of the rules reads at most MaxBits.
        if (value.GetBitLength() > MaxBits) throw new FormatException($"{name} is longer than {MaxBits} bits");
        return value;
    }
}
