using CertLint.Model;

namespace CertLint.Inventory;

/// <summary>
/// Pairs keys with certificates by SubjectPublicKeyInfo SHA-256 (never by file name), and finds the keys that sit with
/// a certificate they should match but do not: in the same file (PEM with key and certificate, PKCS#12 keystore) or in
/// a file named as its pair (<see cref="KeyGroups"/>). The key is meant for the first certificate of each such file (the
/// leaf of a fullchain); it is fine if it matches any certificate of the group.
/// </summary>
internal static class KeyPairing
{
    public static List<KeyCertPair> Pairs(IReadOnlyList<KeyInfo> keys, IReadOnlyList<CertificateInfo> certificates)
    {
        var bySpki = certificates.ToLookup(c => c.PublicKey.Sha256, StringComparer.Ordinal);
        return [.. keys.Where(k => k.PublicKey is not null).SelectMany(k => bySpki[k.PublicKey!.Sha256].Select(c => new KeyCertPair(k, c)))];
    }

    /// <param name="files">The scanned files in report order.</param>
    /// <param name="pairs">Files the host named as a pair (--cert/--key): one group whatever their names.</param>
    public static List<KeyMismatch> Mismatches(IReadOnlyList<ParsedFile> files, IReadOnlyList<Configuration.FilePair> pairs)
    {
        var named = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        for (var i = 0; i < pairs.Count; i++)
        {
            named[pairs[i].Certificate] = ("\0pair", pairs[i].Key);
            named[pairs[i].Key] = ("\0pair", pairs[i].Key);
        }
        (string, string) GroupOf(SourceFile f) => named.TryGetValue(f.FullPath, out var g) ? g : KeyGroups.GroupOf(f);
        // Each file's group once, and per group only the files that hold certificates, in report order: a key is
        // checked against those.
        var groupOf = new (string, string)[files.Count];
        // Names only, file by file: worked out on every core (this step is otherwise sequential), then used in order.
        Engine.Workers.For(files.Count, i =>
        {
            if (files[i].Keys.Count > 0 || files[i].Certificates.Count > 0) groupOf[i] = GroupOf(files[i].File);
        });
        var withCertificates = new Dictionary<(string, string), List<ParsedFile>>();
        for (var i = 0; i < files.Count; i++)
        {
            if (files[i].Certificates.Count == 0) continue;
            if (!withCertificates.TryGetValue(groupOf[i], out var members)) withCertificates[groupOf[i]] = members = [];
            members.Add(files[i]);
        }
        var mismatches = new List<KeyMismatch>();
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            if (file.Keys.Count == 0 || !withCertificates.TryGetValue(groupOf[i], out var members)) continue;
            // The key's own file first (the keystore or PEM that holds both), then its named pairs.
            List<ParsedFile> group = file.Certificates.Count > 0 ? [file, .. members.Where(f => f != file)] : members;
            foreach (var key in file.Keys)
            {
                if (key.Format == ObjectFormat.Jwk)
                {
                    if (JwkMismatch(file, key) is { } mismatch) mismatches.Add(mismatch);
                    continue;
                }
                // A request's key is not the certificate's key until the CA issues it: a new request beside the
                // certificate it will renew (server.csr, server.crt) is the normal order of a re-key. An SSH public key
                // is no TLS key at all, whatever it is named.
                if (key.PublicKey is null || key.Encoding is KeyEncoding.CertificationRequest or KeyEncoding.OpenSshPublic
                    || Matches(group, key.PublicKey.Sha256)) continue;
                var intended = group.Select(f => f.Certificates[0]).DistinctBy(c => c.Sha256, StringComparer.Ordinal);
                mismatches.AddRange(intended.Select(cert => new KeyMismatch(key, cert, Reason(key, cert))));
            }
        }
        return mismatches;
    }

    /// <summary>
    /// A JSON Web Key is meant for its own "x5c" certificates only (they share its location, lines and index in the
    /// set), not for the other keys' certificates in its JWK Set: RFC 7517 §4.7 requires the key of the first one to be
    /// the JWK's.
    /// </summary>
    private static KeyMismatch? JwkMismatch(ParsedFile file, KeyInfo key)
    {
        var first = file.Certificates.FirstOrDefault(c => c.Location == key.Location);
        if (first is null || key.PublicKey is null || first.PublicKey.Sha256 == key.PublicKey.Sha256) return null;
        return new KeyMismatch(key, first, $"the JWK at {key.Location} does not match the first certificate of its x5c, {first.Name} (RFC 7517 §4.7)");
    }

    /// <summary>Whether a certificate of the group has this public key (loops: asked for every key of a scan).</summary>
    private static bool Matches(List<ParsedFile> group, string spkiSha256)
    {
        foreach (var f in group)
        {
            for (var i = 0; i < f.Certificates.Count; i++)
            {
                if (f.Certificates[i].PublicKey.Sha256 == spkiSha256) return true;
            }
        }
        return false;
    }

    private static string Reason(KeyInfo key, CertificateInfo cert)
    {
        var kind = key.IsPrivate ? "private key" : "public key";
        var name = cert.Name;
        var keyFile = key.Location.File;
        var certFile = cert.Location.File;
        if (keyFile == certFile || keyFile.FullPath == certFile.FullPath)
        {
            return key.Format is ObjectFormat.Pkcs12 or ObjectFormat.Jks or ObjectFormat.Bks || cert.Format is ObjectFormat.Pkcs12 or ObjectFormat.Jks or ObjectFormat.Bks
                ? $"the {kind} in keystore {keyFile.DisplayPath} does not match its certificate {name}"
                : $"{keyFile.DisplayPath} holds a {kind} and the certificate {name}, but they do not match";
        }
        return $"{keyFile.DisplayPath} and {certFile.DisplayPath} are named as a pair, but the {kind} does not match the certificate {name}";
    }
}
