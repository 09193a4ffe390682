using System.Net;

namespace CertLint.Rules.Primitives.DomainNames;

/// <summary>
/// A name in the reverse-DNS zones: in-addr.arpa (RFC 1035 §3.5, four decimal labels, least significant byte first)
/// and ip6.arpa (RFC 3596 §2.5, 32 hex nibbles, least significant first), read as zlint reads them: the labels left of
/// the zone, reversed, must parse as an address of the zone's family (IPv4 labels strictly decimal 0-255 without
/// leading zeros, IPv6 labels joined four by four into hex groups).
/// </summary>
internal static class ReverseDnsName
{
    private const string V4Zone = ".in-addr.arpa", V6Zone = ".ip6.arpa";

    /// <param name="Zone"><c>in-addr</c> or <c>ip6</c>.</param>
    /// <param name="Address">The address the labels spell, or null when there are not 4 / 32 of them or they do not parse.</param>
    public sealed record Reading(string Zone, IPAddress? Address)
    {
        /// <summary>zlint's w_subject_contains_malformed_arpa_ip: wrong label count or no address.</summary>
        public bool Malformed => Address is null;

        /// <summary>zlint's e_subject_contains_reserved_arpa_ip: a well-formed name for an IPv4-mapped address in
        /// ip6.arpa, or for an address in an IANA special-purpose block.</summary>
        public bool Reserved => Address is { } a && ((Zone == "ip6" && a.IsIPv4MappedToIPv6) || ReservedIps.IsReserved(a));
    }

    /// <summary>The reading of <paramref name="name"/> (any case) when it ends in .in-addr.arpa or .ip6.arpa, else null.</summary>
    public static Reading? Read(string name)
    {
        var lower = name.ToLowerInvariant();
        if (lower.EndsWith(V4Zone, StringComparison.Ordinal)) return new Reading("in-addr", V4(lower[..^V4Zone.Length].Split('.')));
        if (lower.EndsWith(V6Zone, StringComparison.Ordinal)) return new Reading("ip6", V6(lower[..^V6Zone.Length].Split('.')));
        return null;
    }

    private static IPAddress? V4(string[] labels)
    {
        if (labels.Length != 4) return null;
        var bytes = new byte[4];
        for (var i = 0; i < 4; i++)
        {
            var label = labels[3 - i];
            if (label.Length is 0 or > 3 || !label.All(char.IsAsciiDigit) || (label.Length > 1 && label[0] == '0')) return null;
            var value = int.Parse(label, System.Globalization.CultureInfo.InvariantCulture);
            if (value > 255) return null;
            bytes[i] = (byte)value;
        }
        return new IPAddress(bytes);
    }

    private static IPAddress? V6(string[] labels)
    {
        if (labels.Length != 32) return null;
        var bytes = new byte[16];
        for (var group = 0; group < 8; group++)
        {
            // Group g is labels 31-4g .. 28-4g, most significant nibble first; like Go's net.ParseIP, a group is 1-4 hex digits.
            var text = string.Concat(labels[31 - (4 * group)], labels[30 - (4 * group)], labels[29 - (4 * group)], labels[28 - (4 * group)]);
            if (text.Length is 0 or > 4 || !text.All(char.IsAsciiHexDigit)) return null;
            var value = Convert.ToUInt16(text, 16);
            bytes[2 * group] = (byte)(value >> 8);
            bytes[(2 * group) + 1] = (byte)value;
        }
        return new IPAddress(bytes);
    }
}
