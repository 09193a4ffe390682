using System.Formats.Asn1;
using System.Text;
using CertLint.Model;

namespace CertLint.Rules.Fields;

/// <summary>RFC 3492 Punycode decoding of one A-label, without IDNA validation (as zlint's Go idna.ToUnicode).</summary>
internal static class Idn
{
    private const int Base = 36, TMin = 1, TMax = 26, Skew = 38, Damp = 700, InitialBias = 72, InitialN = 128;

    /// <summary>The Unicode form of an xn-- label, or null when its Punycode is invalid.</summary>
    public static string? Unicode(string label)
    {
        var input = label[4..];
        if (input.Length > 256) return null;
        var output = new List<int>();
        var delimiter = input.LastIndexOf('-');
        if (delimiter > 0)
        {
            foreach (var ch in input[..delimiter])
            {
                if (ch >= 0x80) return null;
                output.Add(ch);
            }
        }
        long n = InitialN, i = 0, bias = InitialBias;
        for (var pos = delimiter > 0 ? delimiter + 1 : 0; pos < input.Length;)
        {
            long oldi = i, w = 1;
            for (long k = Base; ; k += Base)
            {
                if (pos >= input.Length) return null;
                var digit = Digit(input[pos++]);
                if (digit < 0) return null;
                i += digit * w;
                if (i > int.MaxValue) return null;
                var t = k <= bias ? TMin : k >= bias + TMax ? TMax : k - bias;
                if (digit < t) break;
                w *= Base - t;
                if (w > int.MaxValue) return null;
            }
            bias = Adapt(i - oldi, output.Count + 1, oldi == 0);
            n += i / (output.Count + 1);
            i %= output.Count + 1;
            if (n > 0x10FFFF || n is >= 0xD800 and <= 0xDFFF) return null;
            output.Insert((int)i, (int)n);
            i++;
        }
        var text = new StringBuilder();
        foreach (var cp in output) text.Append(char.ConvertFromUtf32(cp));
        return text.ToString();
    }

    private static int Digit(char c) => c switch
    {
        >= '0' and <= '9' => c - '0' + 26,
        >= 'a' and <= 'z' => c - 'a',
        >= 'A' and <= 'Z' => c - 'A',
        _ => -1,
    };

    private static long Adapt(long delta, int numPoints, bool first)
    {
        delta = first ? delta / Damp : delta / 2;
        delta += delta / numPoints;
        long k = 0;
        while (delta > ((Base - TMin) * TMax) / 2)
        {
            delta /= Base - TMin;
            k += Base;
        }
        return k + (Base - TMin + 1) * delta / (delta + Skew);
    }
}

/// <summary>User notice explicitText values of a certificatePolicies extension.</summary>
internal static class PolicyTexts
{
    private const string UserNotice = "1.3.6.1.5.5.7.2.2";

    /// <summary>The UTF8String and BMPString explicitTexts that are not NFC; null when the extension does not decode.</summary>
    public static string[]? NotNfc(ReadOnlyMemory<byte> value)
    {
        try
        {
            var found = new List<string>();
            var policies = new AsnReader(value, AsnEncodingRules.BER).ReadSequence();
            while (policies.HasData)
            {
                var info = policies.ReadSequence();
                info.ReadObjectIdentifier();
                if (!info.HasData) continue;
                var qualifiers = info.ReadSequence();
                while (qualifiers.HasData)
                {
                    var q = qualifiers.ReadSequence();
                    if (q.ReadObjectIdentifier() != UserNotice || !q.HasData) continue;
                    var notice = q.ReadSequence();
                    while (notice.HasData)
                    {
                        var tag = notice.PeekTag();
                        var text = tag.TagValue switch
                        {
                            (int)UniversalTagNumber.UTF8String => notice.ReadCharacterString(UniversalTagNumber.UTF8String),
                            (int)UniversalTagNumber.BMPString => notice.ReadCharacterString(UniversalTagNumber.BMPString),
                            _ => null,
                        };
                        if (text is null) notice.ReadEncodedValue();
                        else if (!text.IsNormalized(NormalizationForm.FormC)) found.Add(text);
                    }
                }
            }
            return [.. found];
        }
        catch (Exception e) when (e is AsnContentException or ArgumentException)
        {
            return null;
        }
    }
}

/// <summary>
/// The keyUsage combinations RFC 5280 §4.2.1.12 lists for each extended key usage, as zlint's
/// e_key_usage_and_extended_key_usage_inconsistent applies them: with one recognized purpose the keyUsage must be one
/// of its combinations; with several, every bit must belong to some listed purpose's combinations.
/// </summary>
internal static class KeyUsageEkuTable
{
    private const KeyUsageFlags DS = KeyUsageFlags.DigitalSignature, NR = KeyUsageFlags.NonRepudiation;
    private const KeyUsageFlags KE = KeyUsageFlags.KeyEncipherment, KA = KeyUsageFlags.KeyAgreement;

    private static readonly Dictionary<string, KeyUsageFlags[]> Allowed = new()
    {
        ["1.3.6.1.5.5.7.3.1"] = [DS, KE, KA, DS | KE, DS | KA],
        ["1.3.6.1.5.5.7.3.2"] = [DS, KA, DS | KA],
        ["1.3.6.1.5.5.7.3.3"] = [DS],
        ["1.3.6.1.5.5.7.3.4"] = [DS, NR, KE, KA, DS | NR, DS | KE, DS | KA, DS | NR | KE, DS | NR | KA, NR | KE, NR | KA],
        ["1.3.6.1.5.5.7.3.8"] = [DS, NR, DS | NR],
        ["1.3.6.1.5.5.7.3.9"] = [DS, NR, DS | NR],
    };

    /// <summary>Purposes Go's x509 package recognizes (others are not counted, as in zlint).</summary>
    private static readonly HashSet<string> Recognized =
    [
        "2.5.29.37.0", "1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2", "1.3.6.1.5.5.7.3.3", "1.3.6.1.5.5.7.3.4", "1.3.6.1.5.5.7.3.5",
        "1.3.6.1.5.5.7.3.6", "1.3.6.1.5.5.7.3.7", "1.3.6.1.5.5.7.3.8", "1.3.6.1.5.5.7.3.9", "1.3.6.1.4.1.311.10.3.3",
        "2.16.840.1.113730.4.1", "1.3.6.1.4.1.311.2.1.22", "1.3.6.1.4.1.311.61.1.1",
    ];

    // Loops, not LINQ: the rfc5280 pack asks this of every certificate with both extensions.
    public static bool Consistent(KeyUsageFlags keyUsage, IReadOnlyList<string> ekus)
    {
        var recognized = 0;
        for (var i = 0; i < ekus.Count; i++) recognized += Recognized.Contains(ekus[i]) ? 1 : 0;
        if (recognized > 1)
        {
            var union = KeyUsageFlags.None;
            for (var i = 0; i < ekus.Count; i++)
            {
                if (Recognized.Contains(ekus[i]) && Allowed.TryGetValue(ekus[i], out var combos)) foreach (var c in combos) union |= c;
            }
            return keyUsage != KeyUsageFlags.None && (keyUsage & ~union) == KeyUsageFlags.None;
        }
        for (var i = 0; i < ekus.Count; i++)
        {
            if (Recognized.Contains(ekus[i]) && Allowed.TryGetValue(ekus[i], out var combos) && Array.IndexOf(combos, keyUsage) < 0) return false;
        }
        return true;
    }
}
