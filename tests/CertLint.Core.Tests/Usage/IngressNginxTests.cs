using System.Text;
using CertLint.Core.Tests.Hostile;
using CertLint.Engine;
using CertLint.Tests.Pki;

namespace CertLint.Core.Tests.Usage;

/// <summary>
/// ingress-nginx annotations on an Ingress: client certificate authentication (auth-tls-secret, auth-tls-verify-client)
/// and TLS to the backend (backend-protocol HTTPS/GRPCS, proxy-ssl-verify, proxy-ssl-secret, proxy-ssl-name,
/// proxy-ssl-protocols), joined to the Secrets they name.
/// </summary>
public sealed class IngressNginxTests
{
    private static string B64(string text) => Convert.ToBase64String(Encoding.ASCII.GetBytes(text));

    private static LintResult Lint(TempDirectory dir)
    {
        var ca = TestPki.CreateRoot("Shop CA");
        var server = ca.Issue("www.example.test", o => o.ServerAuth().Dns("www.example.test"));
        var client = ca.Issue("ingress", o => o.ClientAuth());
        ConfigComplexityTests.Write(dir, "ingress.yaml", $$"""
            apiVersion: v1
            kind: Secret
            metadata: { name: client-ca, namespace: shop }
            data:
              ca.crt: {{B64(ca.Pem)}}
            ---
            apiVersion: v1
            kind: Secret
            metadata: { name: backend-client, namespace: shop }
            type: kubernetes.io/tls
            data:
              tls.crt: {{B64(client.Pem)}}
              tls.key: {{B64(client.Key.ToPem())}}
              ca.crt: {{B64(ca.Pem)}}
            ---
            apiVersion: v1
            kind: Secret
            metadata: { name: web-tls, namespace: shop }
            type: kubernetes.io/tls
            data:
              tls.crt: {{B64(server.Pem + ca.Pem)}}
              tls.key: {{B64(server.Key.ToPem())}}
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: web
              namespace: shop
              annotations:
                nginx.ingress.kubernetes.io/auth-tls-secret: shop/client-ca
                nginx.ingress.kubernetes.io/backend-protocol: HTTPS
                nginx.ingress.kubernetes.io/proxy-ssl-secret: backend-client
                nginx.ingress.kubernetes.io/proxy-ssl-verify: "on"
                nginx.ingress.kubernetes.io/proxy-ssl-name: api.internal.example.test
                nginx.ingress.kubernetes.io/proxy-ssl-protocols: TLSv1.2 TLSv1.3
            spec:
              tls:
              - hosts: [www.example.test]
                secretName: web-tls
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: legacy
              namespace: shop
              annotations:
                nginx.ingress.kubernetes.io/auth-tls-secret: shop/client-ca
                nginx.ingress.kubernetes.io/auth-tls-verify-client: optional_no_ca
                nginx.ingress.kubernetes.io/backend-protocol: GRPCS
                nginx.ingress.kubernetes.io/proxy-ssl-protocols: TLSv1 TLSv1.2
            spec:
              tls:
              - hosts: [www.example.test]
                secretName: web-tls
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: partner
              namespace: shop
              annotations:
                nginx.ingress.kubernetes.io/auth-tls-secret: partners/partner-ca
                nginx.ingress.kubernetes.io/auth-tls-verify-client: require
            spec:
              tls:
              - hosts: [www.example.test]
                secretName: web-tls
            """);
        return BoundedLint.Run(dir.Path, ".");
    }

    [Test]
    public void Client_verification_and_backend_tls_come_from_the_annotations_and_the_secrets_they_name()
    {
        using var dir = new TempDirectory();
        var result = Lint(dir);

        var usages = result.Inventory.Usages.Where(u => u.Service.StartsWith("Ingress", StringComparison.Ordinal))
            .Select(u => $"{u.Service} {u.Role} verify={u.VerifyPeer}@{u.VerifyAt?.StartLine} cas={u.CaFiles.Count} cert={u.Certificate is not null} peer={u.PeerHost}")
            .ToArray();
        usages.ShouldBe([
            "Ingress shop/web Server verify=True@30 cas=1 cert=True peer=",
            "Ingress shop/web backend Client verify=True@33 cas=1 cert=True peer=api.internal.example.test",
            "Ingress shop/legacy Server verify=False@48 cas=1 cert=True peer=",
            "Ingress shop/legacy backend Client verify=False@ cas=0 cert=False peer=",
            "Ingress shop/partner Server verify=True@63 cas=0 cert=True peer=",
        ], ignoreOrder: true);
        result.Inventory.Usages.Single(u => u.Service == "Ingress shop/web backend").Protocols!.Directive.ShouldBe("nginx.ingress.kubernetes.io/proxy-ssl-protocols");
    }

    [Test]
    public void Each_annotation_defect_is_one_finding_at_its_line()
    {
        using var dir = new TempDirectory();
        var result = Lint(dir);

        // GRPCS without proxy-ssl-verify: ingress-nginx accepts any backend certificate.
        result.Of("peer-not-verified").ShouldBe([
            "ingress.yaml:49 Ingress shop/legacy backend at ingress.yaml:49 does not verify the server's certificate (ingress.yaml:49 (default)): turn peer verification on and give it the CA file.",
        ]);
        result.Of("tls-version-weak").ShouldHaveSingleItem().ShouldBe("ingress.yaml:49 Ingress shop/legacy backend allows TLSv1.0 (ingress.yaml:50 nginx.ingress.kubernetes.io/proxy-ssl-protocols): allow TLSv1.2 and TLSv1.3 only.");
        result.Of("parse-error").ShouldBe(["ingress.yaml:63 ingress.yaml:63 cannot be parsed: auth-tls-verify-client must be on, off, optional or optional_no_ca. Fix or regenerate the file, or exclude it if it is not a certificate."]);
        // optional_no_ca asks for a client certificate and takes any.
        result.Of("client-cert-not-verified").ShouldBe([
            "ingress.yaml:53 Ingress shop/legacy at ingress.yaml:53 asks clients for a certificate but does not verify it (ingress.yaml:48): any certificate is accepted, so none can be trusted to say who the client is; verify it against the clients' CA, or stop requesting it.",
        ]);
        // The client CA of partner is a Secret of another repository: nothing to compare, no finding.
        result.Of("mtls-client-ca-mismatch").ShouldBeEmpty();
        // Every leaf gets its role from use: the backend client certificate from proxy-ssl-secret.
        result.Of("role-unknown").ShouldBeEmpty();
    }
}
