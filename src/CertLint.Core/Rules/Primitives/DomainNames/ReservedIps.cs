using System.Net;

namespace CertLint.Rules.Primitives.DomainNames;

/// <summary>
/// IANA special-purpose address blocks (the IPv4 and IPv6 Special-Purpose Address Registries, RFC 6890, plus
/// multicast and the reserved 240/4) and the IPv6 space IANA keeps "Reserved by IETF": the BR's "Reserved IP Address"
/// (§1.6.1) that no public certificate may name. Every range of zlint's util/ip.go is here (what Go's
/// IsGlobalUnicast rejects included: unspecified, loopback, multicast, link-local, 255.255.255.255), so the
/// reserved-IP rules agree with zlint's; a few newer registry entries zlint lacks (3fff::/20, 5f00::/16,
/// 192.88.99.0/24, ::ffff:0:0/96) are kept.
/// </summary>
internal static class ReservedIps
{
    private static readonly (byte[] Prefix, int Bits)[] Blocks =
    [
        .. new[]
        {
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24",
            "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24",
            "224.0.0.0/4", "240.0.0.0/4", // 240/4 holds 255.255.255.255/32, Limited Broadcast (RFC 8190)
            "192.31.196.0/24", // AS112-v4, RFC 7535 (IANA IPv4 Special-Purpose Address Registry)
            "192.52.193.0/24", // AMT, RFC 7450 (IANA IPv4 Special-Purpose Address Registry)
            "192.175.48.0/24", // Direct Delegation AS112 Service, RFC 7534 (IANA IPv4 Special-Purpose Address Registry)
            "::/127", "::ffff:0:0/96", "64:ff9b::/96", "64:ff9b:1::/48", "100::/64", "2001::/23", "2001:db8::/32",
            "2002::/16", "3fff::/20", "5f00::/16", "fc00::/7", "fe80::/10", "ff00::/8",
            "2620:4f:8000::/48", // Direct Delegation AS112 Service, RFC 7534 (IANA IPv6 Special-Purpose Address Registry)
            // "Reserved by IETF" in the IANA IPv6 Address Space registry (RFC 4291), as zlint lists them
            "400::/6", "800::/5", "1000::/4", "4000::/3", "6000::/3", "8000::/3", "a000::/3", "c000::/3", "e000::/4",
            "f000::/5", "f800::/6", "fe00::/9",
        }.Select(Parse),
    ];

    private static (byte[], int) Parse(string cidr)
    {
        var slash = cidr.IndexOf('/');
        return (IPAddress.Parse(cidr[..slash]).GetAddressBytes(), int.Parse(cidr[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }

    public static bool IsReserved(IPAddress ip)
    {
        if (ip.IsIPv4MappedToIPv6) ip = ip.MapToIPv4();
        var bytes = ip.GetAddressBytes();
        foreach (var (prefix, bits) in Blocks)
        {
            if (prefix.Length == bytes.Length && InBlock(bytes, prefix, bits)) return true;
        }
        return false;
    }

    /// <summary>
    /// Whether the network <paramref name="address"/>/<paramref name="mask"/> (a name constraint's iPAddress) intersects a
    /// special-purpose block: one contains the other's base address, as zlint's util.IntersectsIANAReserved decides.
    /// </summary>
    public static bool IntersectsReserved(byte[] address, byte[] mask)
    {
        foreach (var (prefix, bits) in Blocks)
        {
            if (prefix.Length != address.Length || mask.Length != address.Length) continue;
            var blockInConstraint = true;
            for (var i = 0; i < address.Length; i++) blockInConstraint &= (prefix[i] & mask[i]) == (address[i] & mask[i]);
            if (blockInConstraint || InBlock(address, prefix, bits)) return true;
        }
        return false;
    }

    private static bool InBlock(byte[] bytes, byte[] prefix, int bits)
    {
        var whole = bits / 8;
        if (!bytes.AsSpan(0, whole).SequenceEqual(prefix.AsSpan(0, whole))) return false;
        var rest = bits % 8;
        return rest == 0 || (bytes[whole] >> (8 - rest)) == (prefix[whole] >> (8 - rest));
    }

    /// <summary>The text as an IP address (SAN IPs are stored as text), or null.</summary>
    public static IPAddress? ParseOrNull(string text) =>
        // Length, not AddressFamily: Core references no System.Net.Sockets type (the MSBuild package test checks that).
        IPAddress.TryParse(text.Trim(), out var ip) && ip.GetAddressBytes().Length is 4 or 16 ? ip : null;
}
