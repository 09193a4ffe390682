namespace CertLint.Rules.Fields;

/// <summary>
/// The ISO 4217 currency codes, alphabetic and numeric (Debian iso-codes 4.15.0, iso_4217.json: the current list,
/// 179 currencies), that EN 319 412-5 §4.3.2 asks a QcLimitValue's currency to be (QCS-4.3.2-01: "The currency
/// codes shall be defined in ISO 4217"). XTS (963, reserved for testing) and XXX (999, "no currency involved") are
/// left out: neither can state a transaction limit (pkilint leaves them out too).
/// </summary>
internal static class CurrencyCodes
{
    private static readonly HashSet<string> Alphabetic = new(StringComparer.Ordinal)
    {
        "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT", "BGN", "BHD", "BIF", "BMD", "BND", "BOB", "BOV",
        "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF", "CHE", "CHF", "CHW", "CLF", "CLP", "CNY", "COP", "COU", "CRC", "CUC", "CUP", "CVE",
        "CZK", "DJF", "DKK", "DOP", "DZD", "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD", "HKD",
        "HNL", "HRK", "HTG", "HUF", "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "JMD", "JOD", "JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD",
        "KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL", "LYD", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN",
        "MXV", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RSD",
        "RUB", "RWF", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE", "SLL", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB", "TJS",
        "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "USN", "UYI", "UYU", "UYW", "UZS", "VED", "VES", "VND", "VUV", "WST",
        "XAF", "XAG", "XAU", "XBA", "XBB", "XBC", "XBD", "XCD", "XDR", "XOF", "XPD", "XPF", "XPT", "XSU", "XUA", "YER", "ZAR", "ZMW", "ZWL",
    };

    private static readonly HashSet<string> Numeric = new(StringComparer.Ordinal)
    {
        "008", "012", "032", "036", "044", "048", "050", "051", "052", "060", "064", "068", "072", "084", "090", "096", "104", "108", "116", "124",
        "132", "136", "144", "152", "156", "170", "174", "188", "191", "192", "203", "208", "214", "222", "230", "232", "238", "242", "262", "270",
        "292", "320", "324", "328", "332", "340", "344", "348", "352", "356", "360", "364", "368", "376", "388", "392", "398", "400", "404", "408",
        "410", "414", "417", "418", "422", "426", "430", "434", "446", "454", "458", "462", "480", "484", "496", "498", "504", "512", "516", "524",
        "532", "533", "548", "554", "558", "566", "578", "586", "590", "598", "600", "604", "608", "634", "643", "646", "654", "682", "690", "694",
        "702", "704", "706", "710", "728", "748", "752", "756", "760", "764", "776", "780", "784", "788", "800", "807", "818", "826", "834", "840",
        "858", "860", "882", "886", "901", "925", "926", "927", "928", "929", "930", "931", "932", "933", "934", "936", "938", "940", "941", "943",
        "944", "946", "947", "948", "949", "950", "951", "952", "953", "955", "956", "957", "958", "959", "960", "961", "962", "964", "965", "967",
        "968", "969", "970", "971", "972", "973", "975", "976", "977", "978", "979", "980", "981", "984", "985", "986", "990", "994", "997",
    };

    /// <summary>
    /// An ISO 4217 code: 3 capital letters from the alphabetic list, or 3 digits from the numeric one. Case counts:
    /// ISO 4217 writes its codes in capitals.
    /// </summary>
    public static bool IsIso4217(string code, bool numeric) => numeric ? Numeric.Contains(code) : Alphabetic.Contains(code);
}
