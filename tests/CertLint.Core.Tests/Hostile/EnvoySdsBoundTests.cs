using System.Text;
using CertLint.Tests.Pki;

namespace CertLint.Core.Tests.Hostile;

/// <summary>
/// Envoy bootstraps a pull request writes to make secret discovery (SDS) read without end: hundreds of SDS files, one
/// file named by thousands of references, a bootstrap naming itself as its SDS file. Each is built here and run
/// through the engine with a termination bound (<see cref="BoundedLint"/>).
/// </summary>
public sealed class EnvoySdsBoundTests
{
    private const string Fix = ". Fix or regenerate the file, or exclude it if it is not a certificate.";

    private static string Bootstrap(IEnumerable<string> references) =>
        "static_resources:\n  clusters:\n  - name: backend\n    transport_socket:\n      name: envoy.transport_sockets.tls\n"
        + "      typed_config:\n        \"@type\": type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext\n"
        + "        common_tls_context:\n          tls_certificate_sds_secret_configs:\n" + string.Concat(references);

    private static string Reference(string name, string path) =>
        $"          - name: {name}\n            sds_config: {{ path_config_source: {{ path: {path} }} }}\n";

    [Test]
    public void More_sds_files_than_the_bound_stop_at_the_first_past_it_with_one_finding_naming_the_bound()
    {
        using var dir = new TempDirectory();
        for (var i = 0; i < 100; i++) ConfigComplexityTests.Write(dir, $"sds/s{i}.yaml", $"resources:\n- name: s{i}\n");
        ConfigComplexityTests.Write(dir, "envoy.yaml", Bootstrap(Enumerable.Range(0, 100).Select(i => Reference($"s{i}", $"sds/s{i}.yaml"))));

        var result = BoundedLint.Run(dir.Path, ".");

        // 64 files are read (their secrets hold no certificate); the 65th reference's path line names the bound.
        result.Of("parse-error").ShouldBe([$"envoy.yaml:{10 + 64 * 2 + 1} envoy.yaml:{10 + 64 * 2 + 1} cannot be parsed: more than 64 SDS files named in one bootstrap: the rest are not read{Fix}"]);
    }

    [Test]
    public void Ten_thousand_references_to_one_sds_file_give_at_most_16_certificates()
    {
        using var dir = new TempDirectory();
        ConfigComplexityTests.ServerCertificate(dir);
        ConfigComplexityTests.Write(dir, "sds/cert.yaml", "resources:\n- name: cert\n  tls_certificate:\n    certificate_chain: { filename: www.crt }\n");
        var references = new StringBuilder();
        for (var i = 0; i < 10_000; i++) references.Append(Reference("cert", "sds/cert.yaml"));
        ConfigComplexityTests.Write(dir, "envoy.yaml", Bootstrap([references.ToString()]));

        var result = BoundedLint.Run(dir.Path, ".");

        result.Of("parse-error").ShouldBeEmpty();
        // At most 16 certificates of one context are taken, as for certificates written in place.
        result.Inventory.Usages.Count.ShouldBe(16);
    }

    [Test]
    public void A_bootstrap_naming_itself_as_its_sds_file_is_read_once_and_finds_no_secret()
    {
        using var dir = new TempDirectory();
        ConfigComplexityTests.Write(dir, "envoy.yaml", Bootstrap([Reference("self", "envoy.yaml")]));

        BoundedLint.Run(dir.Path, ".").Of("parse-error").ShouldBe([
            $"envoy.yaml:11 envoy.yaml:11 cannot be parsed: tls_certificate_sds_secret_configs: the SDS file holds no Secret of the name given (Envoy waits for it and serves no TLS){Fix}"]);
    }

    [Test]
    public void A_bootstrap_another_names_as_its_sds_file_keeps_its_own_usages()
    {
        using var dir = new TempDirectory();
        ConfigComplexityTests.ServerCertificate(dir);
        ConfigComplexityTests.Write(dir, "b.yaml", Bootstrap([]).Replace("tls_certificate_sds_secret_configs:\n",
            "tls_certificates:\n          - certificate_chain: { filename: www.crt }\n            private_key: { filename: www.key }\n"));
        ConfigComplexityTests.Write(dir, "a.yaml", Bootstrap([Reference("cert", "b.yaml")]));

        var result = BoundedLint.Run(dir.Path, ".");

        // b.yaml's own cluster is judged; a.yaml's reference finds no Secret there.
        result.Inventory.Usages.Select(u => $"{u.Location.File.RelativePath}:{u.Location.StartLine} {u.Certificate?.Path}").ShouldBe(["a.yaml:7 ", "b.yaml:10 www.crt"]);
        result.Of("parse-error").ShouldBe([
            $"a.yaml:11 a.yaml:11 cannot be parsed: tls_certificate_sds_secret_configs: the SDS file holds no Secret of the name given (Envoy waits for it and serves no TLS){Fix}"]);
    }
}

