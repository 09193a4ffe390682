using CertLint.Model;
using static CertLint.Rules.Fields.FieldCatalog;
using T = CertLint.Rules.Fields.FieldType;

namespace CertLint.Rules.Fields;

/// <summary>
/// Facts the CA/B Forum profile rules need that no generic field states: calendar-month validity (the EV Guidelines
/// and older BRs count months), the reserved policy identifiers, repeated AIA locations and the subject order of
/// BR §7.1.4.2.
/// </summary>
internal static class CabfFields
{
    /// <summary>The CA/B Forum reserved policy identifiers (BR §7.1.6.1: DV, OV, IV; EV Guidelines: EV).</summary>
    private static readonly HashSet<string> ReservedPolicies = ["2.23.140.1.1", "2.23.140.1.2.1", "2.23.140.1.2.2", "2.23.140.1.2.3"];

    /// <summary>BR §7.1.4.2: the subject attributes that appear, in this relative order (DC, C, ST, L, postalCode,
    /// street, O, SN, givenName, OU, CN); others may appear anywhere.</summary>
    private static readonly string[] SubjectOrder =
        [.. new[] { "dc", "c", "st", "l", "postalCode", "street", "o", "sn", "givenName", "ou", "cn" }.Select(f => Parsing.DnAttributeNames.OidByField[f])];

    public static IEnumerable<FieldDefinition> Define()
    {
        yield return Cert("validity.months", T.Integer,
            "Calendar months the validity spans, rounded up: the smallest m with notBefore + m months ≥ notAfter (`max: 39` = no longer than 39 months)",
            c => Months(c.NotBefore, c.NotAfter));
        yield return Cert("policies.cabfReserved", T.List, "The certificate's CA/B Forum reserved policy OIDs (EV 2.23.140.1.1, DV, OV, IV 2.23.140.1.2.x), repeats kept",
            c => c.Policies?.Where(ReservedPolicies.Contains).ToArray());
        yield return Cert("aia.repeatedLocations", T.List, "AIA accessLocations that occur more than once for the same accessMethod (compared ignoring case)",
            c => c.AuthorityInfoAccess is { } aia ? Repeated(aia.Ocsp).Concat(Repeated(aia.CaIssuers)).ToArray() : null);
        yield return Cert("subject.brOrder", T.Boolean,
            "The subject's DC, C, ST, L, postalCode, street, O, SN, givenName, OU and CN attributes appear in that order (BR §7.1.4.2); other attributes are ignored",
            c => InOrder(c.Subject.Attributes.Select(a => Array.IndexOf(SubjectOrder, a.Oid)).Where(i => i >= 0)));
    }

    private static IEnumerable<string> Repeated(IEnumerable<string> uris) =>
        uris.GroupBy(u => u, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key);

    private static bool InOrder(IEnumerable<int> positions)
    {
        var last = -1;
        foreach (var p in positions)
        {
            if (p < last) return false;
            last = p;
        }
        return true;
    }

    private static long? Months(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from) return 0;
        // Start one month short of the calendar difference; a certificate's span is at most ~120,000 months.
        var m = Math.Max(0, (to.Year - from.Year) * 12 + to.Month - from.Month - 1);
        while (m < 120_000 && AddMonths(from, m) is { } d && d < to) m++;
        return m;
    }

    private static DateTimeOffset? AddMonths(DateTimeOffset d, int months)
    {
        try
        {
            return d.AddMonths(months);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
