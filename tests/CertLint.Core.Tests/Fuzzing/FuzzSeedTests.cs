using System.Text.RegularExpressions;
using CertLint.Findings;
using CertLint.Fuzz;
using CertLint.Model;
using CertLint.Parsing;
using CertLint.Core.Tests.Parsing;
using CertLint.Usage;

namespace CertLint.Tests.Fuzzing;

/// <summary>
/// The seeds the fuzz harnesses make themselves (<see cref="FuzzSeeds"/>) reach the private-key audit, so a campaign
/// starts from the structures that once hung it (a PKCS#8 EC key naming its curve twice), and pass their harness.
/// </summary>
public sealed class FuzzSeedTests
{
    [Test]
    public void Every_generated_der_seed_is_a_key_whose_numbers_the_audit_checks()
    {
        var seeds = FuzzSeeds.For("der").Where(s => s.Name.StartsWith("gen-ec-", StringComparison.Ordinal) || s.Name.StartsWith("gen-rsa-", StringComparison.Ordinal))
            .ToDictionary(s => s.Name, s => s.Bytes);
        var verdicts = seeds.ToDictionary(s => s.Key, s =>
        {
            var run = Task.Run(() => KeyParser.ParseDer(s.Value, new SourceLocation(new SourceFile("/seed", s.Key, 0, null)), [""]));
            run.Wait(TimeSpan.FromMinutes(2)).ShouldBeTrue($"{s.Key}: the audit of one key takes milliseconds");
            return run.Result?.Verdict;
        });

        verdicts.Keys.Order(StringComparer.Ordinal).ShouldBe([
            "gen-ec-pkcs8-both-curves.der", "gen-ec-pkcs8-inner-curve.der", "gen-ec-pkcs8-wrapper-curve.der", "gen-ec-sec1-curve-point.der",
            "gen-ec-sec1-no-point.der", "gen-rsa-pkcs1-wrong-crt.der", "gen-rsa-pkcs1.der", "gen-rsa-pkcs8.der"]);
        foreach (var (name, verdict) in verdicts)
        {
            verdict.ShouldNotBeNull(name);
            verdict.Flaw.ShouldBe(name == "gen-rsa-pkcs1-wrong-crt.der" ? PrivateKeyFlaw.WrongCrtCoefficient : null, name);
        }
    }

    [TestCase("der", 19)]
    [TestCase("sniff-pem", 38)]
    [TestCase("pkcs", 16)]
    [TestCase("ocsp", 4)]
    public void Every_generated_seed_passes_its_harness(string harness, int count)
    {
        var seeds = FuzzSeeds.For(harness).ToList();
        seeds.Count.ShouldBe(count);
        foreach (var (name, bytes) in seeds) Should.NotThrow(() => FuzzTargets.Run(harness, bytes), name);
    }

    /// <summary>
    /// The seeds of the newer formats reach their parsers, not an early "unrecognised content": what the content parser
    /// makes of each (objects and issue kinds). The PKCS#12 files whose MacData was rewritten no longer verify; those
    /// whose MAC is a digest OID with the wrong value (MD5, SHA-224) do not verify; PBMAC1 without its parameters and an unknown digest are parse errors, not silent.
    /// </summary>
    [Test]
    public void Every_format_seed_is_read_by_the_parser_of_its_format()
    {
        var seen = FuzzSeeds.For("sniff-pem").Where(s => !s.Name.StartsWith("gen-ec-", StringComparison.Ordinal) && !s.Name.StartsWith("gen-rsa-", StringComparison.Ordinal))
            .ToDictionary(s => s.Name, s => Summary(ContentParser.Parse(new SourceFile("/seed", s.Name, 0, null), s.Bytes, new Passwords())));

        seen.ShouldBe(new Dictionary<string, string>
        {
            ["gen-crl-empty.pem"] = "crl 0 entries",
            ["gen-crl-entries.pem"] = "crl 3 entries",
            ["gen-ml-kem-512-spki.pem"] = "ML-KEM-512 public key",
            ["gen-ml-kem-512-SeedOnly.pem"] = "ML-KEM-512 private key",
            ["gen-ml-kem-512-EncodingOnly.pem"] = "ML-KEM-512 private key",
            ["gen-ml-kem-512-SeedAndEncoding.pem"] = "ML-KEM-512 private key",
            ["gen-ml-dsa-44-spki.pem"] = "ML-DSA-44 public key",
            ["gen-ml-dsa-44-SeedOnly.pem"] = "ML-DSA-44 private key",
            ["gen-ml-dsa-44-EncodingOnly.pem"] = "ML-DSA-44 private key",
            ["gen-ml-dsa-44-SeedAndEncoding.pem"] = "ML-DSA-44 private key",
            ["gen-p12-mac-sha256-2048.p12"] = "Pkcs12, RSA 1024 private key, cert",
            ["gen-p12-mac-sha384-1.p12"] = "Pkcs12, RSA 1024 private key, cert",
            ["gen-p12-mac-sha512-10.p12"] = "Pkcs12, RSA 1024 private key, cert",
            ["gen-p12-no-mac.p12"] = "Pkcs12, RSA 1024 private key, cert",
            ["gen-p12-mac-pbmac1-sha256.p12"] = "Pkcs12, RSA 1024 private key, cert",
            // These seeds keep the SHA-1 MAC value under another digest's OID, so the MAC does not verify: a wrong password.
            ["gen-p12-mac-md5.p12"] = "Pkcs12, PasswordRequired",
            ["gen-p12-mac-sha224.p12"] = "Pkcs12, PasswordRequired",
            ["gen-p12-mac-pbmac1.p12"] = "Pkcs12, ParseError",
            ["gen-p12-mac-unknown-oid.p12"] = "Pkcs12, ParseError",
            ["gen-p12-mac-default-iterations.p12"] = "Pkcs12, PasswordRequired",
            ["gen-keystore.jks"] = "Jks, RSA 1024 private key, cert",
            ["gen-truststore.jks"] = "Jks, cert",
            ["gen-truststore.jceks"] = "Jks, cert",
            // A stand-in SealedObject (zeros after its class descriptor tag) the walk cannot step over: a parse error, no longer "password required".
            ["gen-secret-entry.jceks"] = "Jks, ParseError",
            ["gen-truststore.bks"] = "Bks, cert, PasswordRequired",
            ["gen-p12-secret-bag.p12"] = "Pkcs12, PKCS#12 secret bag, cert",
            ["gen-csr-ec.pem"] = "EC P-256 key of a certificate request",
            ["gen-authorized_keys"] = "OpenSsh, RSA 1024 SSH public key, Ed25519 SSH public key",
            ["gen-ssh2-public.pub"] = "OpenSsh, RSA 1024 SSH public key, Ed25519 SSH public key",
            ["gen-utf16-authorized_keys"] = "OpenSsh, RSA 1024 SSH public key, Ed25519 SSH public key, Encoding",
        }, ignoreOrder: true);
    }

    /// <summary>
    /// The fixtures of the formats of sessions 32 and 33 are seeds of the harnesses that reach their parsers (fuzz/run.sh
    /// selects them by name pattern, under 10 KB, at most two folders deep) and each is read by its parser to its object:
    /// JWKs (RSA, "oct", sets), PuTTY keys (version 2 and 3, encrypted: never opened), JCEKS with secret-key entries,
    /// PKCS#12 with a secret bag. Only the empty password is tried, as in the harnesses.
    /// </summary>
    [TestCase("jwk/oct.jwk", "sniff-pem", "Jwk, JWK \"oct\" secret key (256 bits)")]
    [TestCase("secret-keys/hs256.jwk", "sniff-pem", "Jwk, JWK \"oct\" secret key (256 bits, HS256)")]
    [TestCase("secret-keys/mixed.jwks", "sniff-pem", "Jwk, RSA 2048 public key, JWK \"oct\" secret key (128 bits, A128KW), JWK \"oct\" secret key (512 bits)")]
    [TestCase("jwk/rsa-2048-public.jwk", "sniff-pem", "Jwk, RSA 2048 public key")]
    [TestCase("ppk/rsa-2048-v2.ppk", "sniff-pem", "Ppk, RSA 2048 private key")]
    [TestCase("ppk/rsa-2048-v2-encrypted.ppk", "sniff-pem", "Ppk, RSA 2048 private key")]
    [TestCase("ppk/ed25519-encrypted.ppk", "sniff-pem", "Ppk, Ed25519 private key")]
    [TestCase("ppk/ecdsa-p256.ppk", "sniff-pem", "Ppk, EC P-256 private key")]
    [TestCase("secret-keys/secrets.jceks", "pkcs", "Jks, JCEKS secret-key entry \"aes\", JCEKS secret-key entry \"hmac\", cert")]
    [TestCase("secret-keys/secrets.jceks", "sniff-pem", "Jks, JCEKS secret-key entry \"aes\", JCEKS secret-key entry \"hmac\", cert")]
    // keytool's PKCS#12 MAC has 10,000 iterations, past the harnesses' 4,096: gen-p12-secret-bag.p12 is the seed that opens.
    [TestCase("secret-keys/secret.p12", "pkcs", "Pkcs12, KdfLimit")]
    public void Each_new_format_has_a_fixture_seed_its_parser_reads(string fixture, string harness, string expected)
    {
        var bytes = Seed(fixture, harness);
        Summary(ContentParser.Parse(Fixtures.Source(fixture), bytes, new Passwords())).ShouldBe(expected);
    }

    /// <summary>Every configuration reader is routed by the `config` harness: none waits for the fuzzer to find its signature.</summary>
    [Test]
    public void Every_configuration_reader_is_read_by_the_config_harness()
    {
        ConfigTarget.Routes().Select(r => r.Reader).Distinct().Count().ShouldBe(ConfigStage.Readers.Count);
        ConfigStage.Readers.ShouldAllBe(r => ConfigTarget.Routes().Any(route => ReferenceEquals(route.Reader, r)));
    }

    /// <summary>
    /// The PostgreSQL, Redis, Envoy, MySQL and MongoDB fixtures are `config` seeds (fuzz/run.sh's pattern, under 10 KB) and, read by the
    /// harness under the name of their format, define the TLS usage they define in a scan: the harness reads them as
    /// the engine does, not into an early parse error.
    /// </summary>
    [TestCase("configs/postgresql/good/postgresql.conf", "postgresql.conf", "postgresql Server")]
    [TestCase("configs/postgresql/good/pg_service.conf", "pg_service.conf", "postgresql Client")]
    [TestCase("configs/postgresql/good/pg_hba.conf", "pg_hba.conf", "")]
    [TestCase("configs/redis/good/redis.conf", "redis.conf", "redis Server, redis Client")]
    [TestCase("configs/envoy/good/envoy.yaml", "envoy.yaml", "envoy Server, envoy Client")]
    [TestCase("configs/mysql/good/my.cnf", "my.cnf", "mysql Server, mysql Client, mysql Client")]
    [TestCase("configs/mongodb/good/mongod.conf", "mongod.conf", "mongodb Server, mongodb Client")]
    [TestCase("configs/kafka/good/config/server.properties", "server.properties", "kafka Server, kafka Server, kafka Server, kafka Client, kafka Client")]
    [TestCase("configs/kafka/good/config/producer.properties", "server.properties", "kafka Client")]
    [TestCase("configs/rabbitmq/good/rabbitmq.conf", "rabbitmq.conf", "rabbitmq Server, rabbitmq Server, rabbitmq Server")]
    // The bridge file, not mosquitto.conf: the harness's conf.d holds copies of the input, which include_dir would read.
    [TestCase("configs/mosquitto/good/conf.d/bridge.conf", "mosquitto.conf", "mosquitto Client")]
    [TestCase("configs/openvpn/good/client/alice.ovpn", "client.ovpn", "openvpn Client")]
    [TestCase("configs/openvpn/good/server/server.conf", "client.ovpn", "openvpn Server")]
    [TestCase("configs/traefik/good/dynamic.yml", "traefik/dynamic.yml", "traefik Server, traefik Server, traefik Server, traefik Client")]
    [TestCase("configs/traefik/toml-good/dynamic.toml", "traefik/dynamic.toml", "traefik Server, traefik Server, traefik Server, traefik Client")]
    [TestCase("configs/elastic/good/elasticsearch.yml", "elasticsearch.yml", "elastic Server, elastic Server, elastic Client")]
    [TestCase("configs/elastic/good/kibana.yml", "kibana.yml", "elastic Server, elastic Client")]
    [TestCase("configs/elastic/good/filebeat.yml", "filebeat.yml", "elastic Client")]
    [TestCase("configs/prometheus/good/prometheus.yml", "prometheus/prometheus.yml", "prometheus Client, prometheus Client, prometheus Client")]
    [TestCase("configs/prometheus/good/node_exporter/web-config.yml", "prometheus/web-config.yml", "prometheus Server")]
    [TestCase("configs/caddy/good/Caddyfile", "caddy/Caddyfile", "caddy Server, caddy Client, caddy Server")]
    [TestCase("configs/hashicorp/good/vault.hcl", "hashicorp/vault.hcl", "vault Server, vault Client")]
    [TestCase("configs/hashicorp/good/agent.hcl", "hashicorp/vault.hcl", "vault Client")]
    [TestCase("configs/hashicorp/good/consul.hcl", "hashicorp/vault.hcl", "consul Server, consul Server, consul Client")]
    [TestCase("configs/hashicorp/good/nomad.hcl", "hashicorp/vault.hcl", "nomad Client, nomad Server, nomad Server, nomad Client")]
    [TestCase("configs/hashicorp/json/consul.json", "hashicorp/consul.json", "consul Server, consul Server, consul Client")]
    [TestCase("configs/hashicorp/json/nomad.json", "hashicorp/consul.json", "nomad Client, nomad Server, nomad Server, nomad Client")]
    [TestCase("configs/hashicorp/json/vault.json", "hashicorp/consul.json", "vault Server, vault Client")]
    [TestCase("configs/tomcat/good/conf/server.xml", "tomcat/conf/server.xml", "tomcat Server, tomcat Server")]
    [TestCase("configs/etcd/good/etcd.conf.yml", "etcd.conf.yml", "etcd Server, etcd Server, etcd Client")]
    [TestCase("configs/docker/good/etc/docker/daemon.json", "docker/daemon.json", "docker Server")]
    public void The_new_configuration_formats_are_config_seeds_read_to_their_usages(string fixture, string routed, string usages)
    {
        var bytes = Seed(fixture, "config");
        var (_, result) = ConfigTarget.Read(bytes, new Passwords()).Single(r => r.Name == routed);
        // The harness opens the same input as every file a configuration names (postgresql.conf's pg_hba.conf): issues there are expected.
        result.Issues.Where(i => i.Location.File.RelativePath == routed).Select(i => i.Message).ShouldBeEmpty();
        string.Join(", ", result.Usages.Select(u => $"{u.Format} {u.Role}")).ShouldBe(usages);
    }

    /// <summary>
    /// The `ocsp` seeds reach the staple's reader through the lint (`certlint handshake`'s path): each staple is read as
    /// what it is (good, revoked, signed by a delegated responder), its signature verified, and the CA names of the
    /// CertificateRequest are written out; the findings are the tls-* rules' on the endpoint.
    /// </summary>
    [Test]
    public void Every_ocsp_seed_reaches_the_staple_reader()
    {
        var seen = FuzzSeeds.For("ocsp").ToDictionary(s => s.Name, s => OcspTarget.Lint(s.Bytes).Findings
            .Where(f => f.Subject.Kind == SubjectKind.Endpoint).ToDictionary(f => f.Rule.Name, f => f.Message));

        const string window = "this update 2027-05-31 23:00 UTC, next update 2027-06-04 00:00 UTC, signature verified";
        const string good = $"peer.fuzz.test:443 staples OCSP: good, {window}";
        seen.Keys.Order(StringComparer.Ordinal).ShouldBe(["gen-ocsp-ca-names.bin", "gen-ocsp-good.bin", "gen-ocsp-responder.bin", "gen-ocsp-revoked.bin"]);
        foreach (var name in new[] { "gen-ocsp-good.bin", "gen-ocsp-responder.bin" })
        {
            seen[name].Keys.ShouldBe(["tls-client-cert-not-requested", "tls-ocsp-stapled", "tls-session"], ignoreOrder: true, name);
            seen[name]["tls-ocsp-stapled"].ShouldBe(good, name);
        }
        seen["gen-ocsp-revoked.bin"].Keys.ShouldBe(["tls-client-cert-not-requested", "tls-ocsp-revoked", "tls-session"], ignoreOrder: true);
        seen["gen-ocsp-revoked.bin"]["tls-ocsp-revoked"].ShouldBe(
            $"peer.fuzz.test:443 stapled an OCSP response saying its certificate is revoked (revoked on 2027-05-30 00:00 UTC, {window}). Fix: replace the server certificate");
        seen["gen-ocsp-ca-names.bin"].Keys.ShouldBe(["tls-client-ca-not-accepted", "tls-ocsp-stapled", "tls-session"], ignoreOrder: true);
        seen["gen-ocsp-ca-names.bin"]["tls-client-ca-not-accepted"].ShouldEndWith("does not chain to any CA the server accepts: CN=Fuzz OCSP CA, CN=Other CA,O=Fuzz");
    }

    /// <summary>A fixture's bytes, after checking that fuzz/run.sh makes it a seed of <paramref name="harness"/> (its name pattern, under 10 KB) and that the harness passes on it.</summary>
    private static byte[] Seed(string fixture, string harness)
    {
        var name = Path.GetFileName(fixture);
        Patterns(harness).ShouldContain(p => name.EndsWith(p.TrimStart('*'), StringComparison.Ordinal), $"fuzz/run.sh's {harness} pattern selects {name}");
        var bytes = Fixtures.Bytes(fixture);
        bytes.Length.ShouldBeLessThan(10 * 1024);
        Should.NotThrow(() => FuzzTargets.Run(harness, (byte[])bytes.Clone()));
        return bytes;
    }

    /// <summary>The file name patterns fuzz/run.sh copies into HARNESS's seed folder.</summary>
    private static string[] Patterns(string harness)
    {
        var script = File.ReadAllText(Path.Combine(Fixtures.RepoRoot, "fuzz", "run.sh"));
        var match = Regex.Match(script, $@"^\s*{Regex.Escape(harness)}\) pattern='([^']*)'", RegexOptions.Multiline);
        match.Success.ShouldBeTrue($"fuzz/run.sh has a pattern for {harness}");
        return match.Groups[1].Value.Split(' ');
    }

    private static string Summary(ParsedFile file) => string.Join(", ", new[] { file.Kind is FileKind.Pem ? null : file.Kind.ToString() }
        .Concat(file.Keys.Select(k => k.Label))
        .Concat(file.SecretKeys.Select(s => s.Label))
        .Concat(file.Certificates.Select(_ => "cert"))
        .Concat(file.Crls.Select(c => $"crl {c.Revoked.Count} entries"))
        .Concat(file.Issues.Select(i => i.Kind.ToString())).OfType<string>());

    private sealed class Passwords : IPasswordSource
    {
        public IReadOnlyList<string> CandidatesFor(SourceFile file) => [""];
        public string HintFor(SourceFile file) => "";
        public long MaxKdfIterations => 4096;
        public KdfBudget KdfBudget { get; } = new(64 * 4096);
    }
}
