namespace CertLint.Usage.Kubernetes;

/// <summary>
/// Joins Kubernetes resources read from different files: an Ingress's tls.secretName names a Secret (same namespace)
/// whose tls.crt it serves, so that Secret's certificate is a server certificate with the Ingress's hosts; a
/// cert-manager Certificate's dnsNames are what the Secret will hold, so the Ingress hosts are checked against them
/// when the Secret itself is not in the repository.
/// </summary>
internal static class KubernetesLinks
{
    public static IReadOnlyList<TlsUsage> Apply(IReadOnlyList<TlsUsage> usages)
    {
        var secrets = usages.Where(u => u.Settings.TryGetValue("secret", out _)).GroupBy(u => u.Settings["secret"]).ToDictionary(g => g.Key, g => g.First());
        var issued = usages.Where(u => u.Format == "cert-manager" && u.Settings.ContainsKey("secretName"))
            .GroupBy(u => u.Settings["secretName"]).ToDictionary(g => g.Key, g => g.First());
        var servedSecrets = new HashSet<string>(StringComparer.Ordinal);
        var linked = new List<TlsUsage>(usages.Count);
        foreach (var read in usages)
        {
            var u = read.Format == "kubernetes" ? Annotated(read, secrets) : read;
            if (u.Format != "kubernetes" || !u.Settings.TryGetValue("secretName", out var name))
            {
                linked.Add(u);
                continue;
            }
            if (secrets.TryGetValue(name, out var secret))
            {
                servedSecrets.Add(name);
                linked.Add(u with { Certificate = secret.Certificate }); // the key pair is the Secret's to check, once
            }
            else if (issued.TryGetValue(name, out var certificate))
            {
                var settings = new Dictionary<string, string>(u.Settings)
                {
                    ["plannedDnsNames"] = string.Join(",", certificate.Hosts),
                    ["plannedBy"] = certificate.Service,
                };
                linked.Add(u with { Settings = settings });
            }
            else
            {
                linked.Add(u);
            }
        }
        // A Secret an Ingress serves is a server's: its usage takes that role (its certificate then gets it from use).
        return [.. linked.Select(u => u.Settings.TryGetValue("secret", out var id) && servedSecrets.Contains(id) && u.Role == UsageRole.Unknown
            ? u with { Role = UsageRole.Server } : u)];
    }

    /// <summary>
    /// The Secrets ingress-nginx annotations name: auth-tls-secret's ca.crt verifies an Ingress's clients (a Secret not
    /// in the repository leaves nothing to compare, as Kestrel's trust store does); proxy-ssl-secret's tls.crt is
    /// presented to the backend and its ca.crt verifies it.
    /// </summary>
    private static TlsUsage Annotated(TlsUsage u, Dictionary<string, TlsUsage> secrets)
    {
        var hasCa = u.Settings.TryGetValue(KubernetesReader.ClientCaSecret, out var ca);
        if (hasCa)
        {
            u = secrets.TryGetValue(ca!, out var holder) ? u with { CaFiles = holder.CaFiles }
                : u with { Settings = new Dictionary<string, string>(u.Settings) { ["clientCaOutsideConfig"] = ca! } };
        }
        // The backend's Secret gives the certificate presented, and its CA unless another Secret names one (Traefik's rootCAs).
        if (u.Settings.TryGetValue(KubernetesReader.BackendSecret, out var backend) && secrets.TryGetValue(backend, out var client))
            return u with { Certificate = client.Certificate, CaFiles = hasCa ? u.CaFiles : client.CaFiles }; // its key pair is the Secret's to check, once
        return u;
    }
}
