namespace CertLint.Rules.Fields;

/// <summary>
/// The ISO 3166-1 alpha-2 country codes (Debian iso-codes 4.15.0): the
/// one list behind `subject.countryKnown`, which the TLS BR (§7.1.4.2) and S/MIME BR (§7.1.4.2.2(n)) rules share, and
/// behind `subject.organizationIdentifiers` countryIso (§7.1.4.2.2(d)).
/// </summary>
internal static class CountryCodes
{
    /// <summary>The user-assigned code both Baseline Requirements allow when no official code is assigned.</summary>
    private const string UserAssigned = "XX";

    private static readonly HashSet<string> Iso3166 = new(StringComparer.OrdinalIgnoreCase)
    {
        "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ", "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI",
        "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS", "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
        "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE", "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK",
        "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF", "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM",
        "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM", "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN",
        "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC", "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
        "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA", "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP",
        "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG", "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW",
        "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS", "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF",
        "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO", "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
        "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
    };

    /// <summary>An ISO 3166-1 alpha-2 code or XX, ignoring case (as the rule language compares text).</summary>
    public static bool IsKnown(string value) => IsIso3166(value) || string.Equals(value, UserAssigned, StringComparison.OrdinalIgnoreCase);

    /// <summary>An official ISO 3166-1 alpha-2 code, ignoring case: what a Registration Scheme names (S/MIME BR §7.1.4.2.2(d)).</summary>
    public static bool IsIso3166(string value) => Iso3166.Contains(value);

    /// <summary>An official ISO 3166-1 alpha-2 code as the standard writes it, in capitals (EVG §9.2.4 jurisdictionCountryName).</summary>
    public static bool IsIso3166UpperCase(string value) => value.Length == 2 && value.All(char.IsAsciiLetterUpper) && Iso3166.Contains(value);
}
