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

    /// <summary>Which domain parameters a SEQUENCE of INTEGERs is, when no PEM label says.</summary>
    public enum DerForm { None, Pkcs3, X942, Dsa }

    /// <summary>
    /// Tells DER domain parameters apart by their INTEGERs (2 to 4, nothing else): (p, g) is PKCS#3, and so is (p, g, l)
    /// when g and l (privateValueLength, a bit count) are both small; (p, q, g) is DSA's Dss-Parms, q (160 to 256 bits)
    /// shorter than g; (p, g, q) is X9.42, g the longer; four are X9.42's (p, g, q, j). An X9.42 set with a g shorter
    /// than its q reads as DSA parameters, which are not linted: no published group has one. A trailing SEQUENCE
    /// (validationParms) is X9.42's alone.
    /// </summary>
    public static DerForm Classify(AsnReader sequence)
    {
        var lengths = new List<int>(4);
        while (sequence.HasData && lengths.Count < 5 && sequence.PeekTag().HasSameClassAndValue(Asn1Tag.Integer))
        {
            lengths.Add(sequence.ReadIntegerBytes().Length);
        }
        if (sequence.HasData)
        {
            // X9.42's validationParms (seed BIT STRING, pgenCounter INTEGER) after p, g, q and an optional j: what
            // openssl writes for the parameters it generates.
            if (lengths.Count is not (3 or 4) || !sequence.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence)) return DerForm.None;
            sequence.ReadEncodedValue();
            return sequence.HasData ? DerForm.None : DerForm.X942;
        }
        return lengths.Count switch
        {
            2 => DerForm.Pkcs3,
            3 when lengths[1] <= 4 && lengths[2] <= 4 => DerForm.Pkcs3,
            3 => lengths[1] < lengths[2] ? DerForm.Dsa : DerForm.X942,
            4 => DerForm.X942,
            _ => DerForm.None,
        };
    }

    /// <summary>DER parameters without a label: X9.42 or PKCS#3 as <see cref="Classify"/> tells.</summary>
    public static DhParametersInfo ParseDer(ReadOnlyMemory<byte> der, SourceLocation location) =>
        Parse(der, location, Classify(new AsnReader(der, AsnEncodingRules.BER).ReadSequence()) == DerForm.X942);

    public static DhParametersInfo Parse(ReadOnlyMemory<byte> der, SourceLocation location, bool x942)
    {
        var (p, g, q) = ReadNumbers(der, x942);
        return new DhParametersInfo(location, p, g, q);
    }

    /// <summary>p, g and (X9.42) q of encoded parameters, each positive and at most <see cref="MaxBits"/> long.</summary>
    public static (BigInteger P, BigInteger G, BigInteger? Q) ReadNumbers(ReadOnlyMemory<byte> der, bool x942)
    {
        var outer = new AsnReader(der, AsnEncodingRules.DER);
        var seq = outer.ReadSequence();
        if (outer.HasData) throw new FormatException("data after the parameters");
        var p = Positive(seq, "p");
        var g = Positive(seq, "g");
        BigInteger? q = x942 ? Positive(seq, "q") : null;
        // PKCS#3's privateValueLength and X9.42's j and validationParms say nothing the rules judge.
        while (seq.HasData) seq.ReadEncodedValue();
        return (p, g, q);
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
