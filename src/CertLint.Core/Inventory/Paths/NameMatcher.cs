namespace CertLint.Inventory.Paths;

/// <summary>
/// Is a name inside a subtree (RFC 5280 §4.2.1.10)? One method per name form; both sides have the same form.
/// DNS names and domains compare case-insensitively, without a trailing dot.
/// </summary>
internal static class NameMatcher
{
    /// <param name="forExclusion">
    /// A wildcard name (*.example.com) stands for every name it could match: it is inside a permitted subtree only
    /// when all of them are, and inside an excluded subtree when any of them is (as Chromium and webpki judge it).
    /// </param>
    public static bool Within(GeneralName name, GeneralName subtree, bool forExclusion) => name.Form switch
    {
        NameForm.Dns => DnsWithin(Fold(name.Text), Fold(subtree.Text), forExclusion),
        NameForm.Rfc822 => EmailWithin(name.Text, subtree.Text),
        NameForm.Uri => UriWithin(name.Text, subtree.Text),
        NameForm.Ip => IpWithin(name.Bytes!, subtree.Bytes!),
        NameForm.Directory => DirectoryWithin(name.Key!, subtree.Key!),
        _ => false,
    };

    public static bool DnsWithin(string name, string constraint, bool forExclusion)
    {
        if (constraint.Length == 0) return true;
        if (DomainWithin(name, constraint)) return true;
        // "*.example.com" could be "foo.example.com": excluded by a subtree foo.example.com (one label more).
        if (forExclusion && name.StartsWith("*.", StringComparison.Ordinal))
        {
            var rest = name[2..];
            var c = constraint.TrimStart('.');
            return c.EndsWith("." + rest, StringComparison.Ordinal) && c.Length > rest.Length + 1
                && !c.AsSpan(0, c.Length - rest.Length - 1).Contains('.');
        }
        return false;
    }

    /// <summary>
    /// "example.com" holds example.com and every name below it; ".example.com" only names below it (the leading-period
    /// form RFC 5280 defines for URIs and e-mail domains, which verifiers also accept for dNSName).
    /// </summary>
    private static bool DomainWithin(string name, string constraint)
    {
        if (constraint.StartsWith('.')) return name.EndsWith(constraint, StringComparison.Ordinal) && name.Length > constraint.Length;
        return name == constraint || (name.EndsWith(constraint, StringComparison.Ordinal) && name[^(constraint.Length + 1)] == '.');
    }

    /// <summary>"user@host" is one mailbox; "host" every mailbox at that host; ".domain" every mailbox at a host below it.</summary>
    public static bool EmailWithin(string name, string constraint)
    {
        var at = name.LastIndexOf('@');
        if (at <= 0) return false;
        var local = name[..at];
        var host = Fold(name[(at + 1)..]);
        var cAt = constraint.LastIndexOf('@');
        if (cAt >= 0) return local == constraint[..cAt] && host == Fold(constraint[(cAt + 1)..]);
        var c = Fold(constraint);
        if (c.Length == 0) return true;
        return c.StartsWith('.') ? host.EndsWith(c, StringComparison.Ordinal) && host.Length > c.Length : host == c;
    }

    /// <summary>
    /// A URI constraint names a host ("host.example.com": that host only) or a domain (".example.com": hosts below it).
    /// A URI without a DNS host (urn:, an IP literal) cannot be shown to be inside: treated as outside a permitted
    /// subtree and inside an excluded one, so it never passes unchecked (Go and Chromium reject such URIs too).
    /// </summary>
    public static bool UriWithin(string name, string constraint)
    {
        var host = UriHost(name);
        if (host is null) return false;
        var c = Fold(constraint);
        if (c.Length == 0) return true;
        return c.StartsWith('.') ? host.EndsWith(c, StringComparison.Ordinal) && host.Length > c.Length : host == c;
    }

    /// <summary>The DNS host of a URI (lower case), or null when it has none or it is an IP literal.</summary>
    public static string? UriHost(string uri)
    {
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || string.IsNullOrEmpty(parsed.Host)) return null;
        if (parsed.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6) return null;
        return Fold(parsed.IdnHost);
    }

    /// <summary>Same address family, and equal under the constraint's mask.</summary>
    public static bool IpWithin(byte[] address, byte[] constraint)
    {
        if (constraint.Length != address.Length * 2) return false;
        for (var i = 0; i < address.Length; i++)
        {
            var mask = constraint[address.Length + i];
            if ((address[i] & mask) != (constraint[i] & mask)) return false;
        }
        return true;
    }

    /// <summary>The subtree's RDNs are the first RDNs of the name (an empty subtree holds every name).</summary>
    public static bool DirectoryWithin(string nameKey, string constraintKey) =>
        constraintKey.Length == 0 || nameKey == constraintKey
        || (nameKey.StartsWith(constraintKey, StringComparison.Ordinal) && nameKey[constraintKey.Length] == '\u001e');

    private static string Fold(string s) => s.TrimEnd('.').ToLowerInvariant();

    /// <summary>
    /// Why a dNSName is not a host name (RFC 5280 §4.2.1.6: preferred name syntax; RFC 1034 §3.5), or null when it is
    /// one: dot-separated labels of 1–63 letters, digits, hyphens or underscores (seen in real names), one trailing dot
    /// allowed, and a wildcard only as the whole first label. A malformed name such as ".example.com" ends with a
    /// permitted domain without being in it, so it cannot be judged against a constraint.
    /// </summary>
    public static string? DnsSyntaxProblem(string name)
    {
        var host = name.EndsWith('.') ? name[..^1] : name;
        if (host.Length == 0) return "it is empty";
        if (host.Length > 253) return "it is longer than 253 characters";
        var start = 0;
        for (var label = 0; start <= host.Length; label++)
        {
            var dot = host.IndexOf('.', start);
            var end = dot < 0 ? host.Length : dot;
            var length = end - start;
            if (length == 0) return "it has an empty label";
            if (length > 63) return "it has a label longer than 63 characters";
            var wildcard = label == 0 && length == 1 && host[start] == '*' && dot >= 0;
            for (var i = start; i < end && !wildcard; i++)
            {
                var c = host[i];
                if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_') return $"it has the character '{c}'";
            }
            start = end + 1;
        }
        return null;
    }

    /// <summary>
    /// Why an rfc822Name is not a mailbox (RFC 5280 §4.2.1.6: local-part "@" domain, RFC 5321 §4.1.2), or null when
    /// it is one: one "@" outside a quoted local part, neither side empty, and a host name or address literal after it.
    /// </summary>
    public static string? MailboxProblem(string name)
    {
        var at = name.LastIndexOf('@');
        if (at < 0) return "it has no '@'";
        var local = name[..at];
        var domain = name[(at + 1)..];
        if (local.Length == 0) return "its local part is empty";
        var quoted = local.Length >= 2 && local[0] == '"' && local[^1] == '"';
        if (!quoted && local.Contains('@')) return "it has more than one '@'";
        if (domain.Length >= 2 && domain[0] == '[' && domain[^1] == ']') return null;
        return DnsSyntaxProblem(domain) is { } problem ? $"its domain is not a host name ({problem})" : null;
    }
}
