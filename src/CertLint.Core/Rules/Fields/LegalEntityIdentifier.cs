namespace CertLint.Rules.Fields;

/// <summary>
/// ISO 17442 Legal Entity Identifiers: 18 capital letters or digits, then two check digits (ISO 7064 MOD 97-10: the
/// letters read as 10-35, the whole number modulo 97 is 1). The one check behind the organizationIdentifier records'
/// <c>leiValid</c>, for the "LEI" Registration Scheme (S/MIME BR Appendix A.1, EN 319 412-1 §5.1.4).
/// </summary>
internal static class LegalEntityIdentifier
{
    private const int Length = 20;

    public static bool IsValid(string value)
    {
        if (value.Length != Length) return false;
        var remainder = 0;
        for (var i = 0; i < Length; i++)
        {
            var c = value[i];
            // The check digits are digits; the 18 characters before them may be letters too.
            if (char.IsAsciiDigit(c)) remainder = (remainder * 10 + (c - '0')) % 97;
            else if (i < Length - 2 && char.IsAsciiLetterUpper(c)) remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
            else return false;
        }
        return remainder == 1;
    }
}
