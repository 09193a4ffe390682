using System.Diagnostics;
using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;
using CertLint.Endpoints;
using CertLint.Engine;
using CertLint.Findings;
using CertLint.Fuzz;
using CertLint.Tests.Pki;

namespace CertLint.Core.Tests.Hostile;

/// <summary>
/// What a probed TLS peer sends, at sizes no honest server sends, through the lint as `certlint handshake` hands it
/// over (<see cref="OcspTarget.Lint(IReadOnlyList{byte[]}, byte[], IReadOnlyList{byte[]})"/>: HandshakeChecker.Observed,
/// then EndpointLint.Run): the finding set is exactly the honest one's or names what was wrong, and each run ends
/// (the bound is termination, over 20 times the typical run of well under a second).
/// </summary>
public sealed class PeerInputBoundTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);
    private static readonly TestCertificate Root = TestPki.CreateRoot("CN=Peer Root", o => o.EcP256());
    private static readonly TestCertificate Leaf = Root.Issue("peer.fuzz.test", o => o.EcP256().Dns("peer.fuzz.test").ServerAuth().Serial(0x5A, 0x01));

    private const string GoodSummary = "good, this update 2027-05-31 23:00 UTC, next update 2027-06-04 00:00 UTC, signature verified";
    private const string NotVerified = "good, this update 2027-05-31 23:00 UTC, next update 2027-06-04 00:00 UTC, signature does not verify with the issuer's key or a responder it certified";
    private const string NoDecode = "a response that does not decode";

    [Test]
    public void An_honest_staple_is_good_and_verified()
    {
        Findings(Lint([Leaf.Der, Root.Der], Response(), [])).ShouldBe(Honest(GoodSummary));
    }

    /// <summary>A staple over the TLS client's bound on one handshake message is not read: BouncyCastle's reading grows faster than its size.</summary>
    [Test]
    public void A_staple_of_10_MB_is_invalid_naming_the_bound()
    {
        var staple = Response(extensionBytes: 10 * 1024 * 1024);

        Findings(Lint([Leaf.Der, Root.Der], staple, [])).ShouldBe(Honest(TooLarge(staple), valid: false));
    }

    [Test]
    public void A_staple_of_100000_single_responses_is_invalid_naming_the_bound()
    {
        var staple = Response(otherResponses: 100_000);

        Findings(Lint([Leaf.Der, Root.Der], staple, [])).ShouldBe(Honest(TooLarge(staple), valid: false));
    }

    /// <summary>As many responses as the bound holds (about 105 bytes each): all read, the leaf's last.</summary>
    [Test]
    public void A_staple_of_4500_single_responses_is_read_to_the_one_about_the_leaf()
    {
        var staple = Response(otherResponses: 4_500);
        staple.Length.ShouldBeLessThan(StapledOcsp.MaxStapleBytes);

        Findings(Lint([Leaf.Der, Root.Der], staple, [])).ShouldBe(Honest(GoodSummary));
    }

    [Test]
    public void A_staple_of_10000_responder_certificates_is_invalid_naming_the_bound()
    {
        var responder = Root.Issue("OCSP Responder", o => o.EcP256().Eku("1.3.6.1.5.5.7.3.9"));
        var staple = Response(signer: responder, certificates: [.. Enumerable.Repeat(Root.Der, 9_999), responder.Der]);

        Findings(Lint([Leaf.Der, Root.Der], staple, [])).ShouldBe(Honest(TooLarge(staple), valid: false));
    }

    /// <summary>Within the bound, a thousand certificates: the responder among the first eight verifies, the thousandth is not tried.</summary>
    [TestCase(0, GoodSummary)]
    [TestCase(7, GoodSummary)]
    [TestCase(8, NotVerified)]
    [TestCase(999, NotVerified)]
    public void Of_1000_responder_certificates_the_first_eight_are_tried(int position, string summary)
    {
        var responder = Root.Issue("OCSP Responder", o => o.EcP256().Eku("1.3.6.1.5.5.7.3.9"));
        var certificates = Enumerable.Repeat(Root.Der, 1_000).ToArray();
        certificates[position] = responder.Der;
        var staple = Response(signer: responder, certificates: certificates);
        staple.Length.ShouldBeLessThan(StapledOcsp.MaxStapleBytes);

        Findings(Lint([Leaf.Der, Root.Der], staple, [])).ShouldBe(Honest(summary, valid: summary == GoodSummary));
    }

    /// <summary>10,000 levels of SEQUENCE where the peer puts a structure: the staple itself, a responder certificate, a certificate of its chain, a CA name.</summary>
    [Test]
    public void A_staple_nested_10000_deep_does_not_decode()
    {
        Findings(Lint([Leaf.Der, Root.Der], Nested(10_000), [])).ShouldBe(Honest(NoDecode, valid: false));
    }

    [Test]
    public void A_responder_certificate_nested_10000_deep_makes_the_staple_undecodable()
    {
        Findings(Lint([Leaf.Der, Root.Der], Response(certificates: [Nested(10_000), Root.Der]), [])).ShouldBe(Honest(NoDecode, valid: false));
    }

    [Test]
    public void A_chain_certificate_nested_10000_deep_is_a_parse_error()
    {
        Findings(Lint([Leaf.Der, Nested(10_000), Root.Der], Response(), [])).ShouldBe(
        [
            .. Honest(GoodSummary, sent: "3 certificate(s): CN=peer.fuzz.test <- (unparsable certificate) <- CN=Peer Root"),
            "parse-error: tls://peer.fuzz.test:443:1 cannot be parsed: certificate 2 sent by the server cannot be parsed (malformed DER). Fix or regenerate the file, or exclude it if it is not a certificate.",
        ], ignoreOrder: true);
    }

    [Test]
    public void A_ca_name_nested_10000_deep_is_an_unreadable_name()
    {
        Findings(Lint([Leaf.Der, Root.Der], Response(), [Nested(10_000), Root.Certificate.SubjectName.RawData])).ShouldBe(Requested("(unreadable name), CN=Peer Root"));
    }

    /// <summary>
    /// TLS itself bounds the list (a vector of at most 65,535 bytes, so at most 21,845 names of one byte); past that, the
    /// lint still reads every name once: the first 16 listed, all matched against the client's chain.
    /// </summary>
    [Test]
    public void A_certificate_request_of_100000_ca_names_lists_16_and_matches_against_all()
    {
        var names = Enumerable.Range(0, 100_000).Select(i => new X500DistinguishedName($"CN=CA {i}").RawData).ToList();

        Findings(Lint([Leaf.Der, Root.Der], Response(), names)).ShouldBe(
            Requested(string.Join(", ", Enumerable.Range(0, 16).Select(i => $"CN=CA {i}")) + ", and 99,984 more"));
    }

    private static LintResult Lint(IReadOnlyList<byte[]> chain, byte[]? staple, IReadOnlyList<byte[]> caNames)
    {
        var watch = Stopwatch.StartNew();
        var run = Task.Run(() => OcspTarget.Lint(chain, staple, caNames));
        run.Wait(Bound).ShouldBeTrue($"the lint of what the peer sent did not finish within {Bound}");
        TestContext.Out.WriteLine($"lint: {watch.ElapsedMilliseconds} ms");   // typical: tens of ms (an honest staple), the bound minutes
        return run.Result;
    }

    /// <summary>"RULE: message" of the endpoint's findings and the rule of each other finding (the certificates' own: their digests change with their keys).</summary>
    private static string[] Findings(LintResult result) =>
    [
        .. result.Findings.Select(f => f.Subject.Kind == SubjectKind.Endpoint || f.Rule.Name == "parse-error" ? $"{f.Rule.Name}: {f.Message}" : f.Rule.Name).Order(StringComparer.Ordinal),
    ];

    /// <summary>The certificate findings every case has: the test PKI's ten-year leaf, and a root the lint is not told to trust.</summary>
    private static readonly string[] CertificateRules = ["chain-incomplete", "validity-too-long"];

    /// <summary>The findings of a peer that sent <paramref name="sent"/>, no CertificateRequest, and a staple read as <paramref name="summary"/>.</summary>
    private static string[] Honest(string summary, bool valid = true, string sent = "2 certificate(s): CN=peer.fuzz.test <- CN=Peer Root") =>
    [
        .. new[]
        {
            "tls-client-cert-not-requested: peer.fuzz.test:443 did not ask for a client certificate, so it does not enforce mutual TLS; CN=client.fuzz.test was not sent",
            valid ? $"tls-ocsp-stapled: peer.fuzz.test:443 staples OCSP: {summary}"
                : $"tls-ocsp-staple-invalid: peer.fuzz.test:443 staples an OCSP response clients cannot rely on: {summary}. Fix: let the server fetch a fresh response from the CA's responder",
            $"tls-session: TLS established with peer.fuzz.test:443: TLS 1.2, TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256; the server sent {sent}; it did not request a client certificate; it stapled an OCSP response ({summary})",
        }.Concat(CertificateRules).Order(StringComparer.Ordinal),
    ];

    /// <summary>The findings of a peer that asked for a client certificate listing <paramref name="listed"/>, with a good staple.</summary>
    private static string[] Requested(string listed) =>
    [
        .. new[]
        {
            $"tls-client-ca-not-accepted: the client certificate CN=client.fuzz.test (issuer CN=client.fuzz.test) does not chain to any CA the server accepts: {listed}",
            $"tls-ocsp-stapled: peer.fuzz.test:443 staples OCSP: {GoodSummary}",
            "tls-session: TLS established with peer.fuzz.test:443: TLS 1.2, TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256; the server sent 2 certificate(s): CN=peer.fuzz.test <- CN=Peer Root; " +
            $"it requested a client certificate (accepted CAs: {listed}) and went on without one; it stapled an OCSP response ({GoodSummary})",
        }.Concat(CertificateRules).Order(StringComparer.Ordinal),
    ];

    private static string TooLarge(byte[] staple) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"a response of {staple.Length:N0} bytes, more than CertLint reads (512 KB, its bound on one TLS handshake message)");

    /// <summary>
    /// A good response about the leaf, signed by the root (or <paramref name="signer"/>), after <paramref name="otherResponses"/>
    /// responses about other serials, carrying <paramref name="certificates"/> (default: the signer's) and a non-critical
    /// response extension of <paramref name="extensionBytes"/>.
    /// </summary>
    private static byte[] Response(int otherResponses = 0, TestCertificate? signer = null, IReadOnlyList<byte[]>? certificates = null, int extensionBytes = 0)
    {
        signer ??= Root;
        var encoded = OcspSeeds.Build(Root.Der, Leaf.Der, signer.Der, signer.Key.ExportPkcs8(), revoked: false, otherResponses, extensionBytes);
        return certificates is null ? encoded : WithCertificates(encoded, certificates);
    }

    /// <summary>The response with its BasicOCSPResponse's certs replaced by <paramref name="certificates"/> (any bytes; the signature does not cover them).</summary>
    private static byte[] WithCertificates(byte[] response, IReadOnlyList<byte[]> certificates)
    {
        var outer = new AsnReader(response, AsnEncodingRules.DER).ReadSequence();
        var status = outer.ReadEncodedValue();
        var responseBytes = outer.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0)).ReadSequence();
        var type = responseBytes.ReadEncodedValue();
        var basic = new AsnReader(responseBytes.ReadOctetString(), AsnEncodingRules.DER).ReadSequence();
        var tbs = basic.ReadEncodedValue();
        var algorithm = basic.ReadEncodedValue();
        var signature = basic.ReadEncodedValue();

        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            w.WriteEncodedValue(tbs.Span);
            w.WriteEncodedValue(algorithm.Span);
            w.WriteEncodedValue(signature.Span);
            using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0)))
            using (w.PushSequence())
            {
                foreach (var c in certificates) w.WriteEncodedValue(c);
            }
        }
        var basicDer = w.Encode();
        var r = new AsnWriter(AsnEncodingRules.DER);
        using (r.PushSequence())
        {
            r.WriteEncodedValue(status.Span);
            using (r.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0)))
            using (r.PushSequence())
            {
                r.WriteEncodedValue(type.Span);
                r.WriteOctetString(basicDer);
            }
        }
        return r.Encode();
    }

    /// <summary><paramref name="depth"/> SEQUENCEs, each holding the next (DER: definite lengths), written outside in.</summary>
    private static byte[] Nested(int depth)
    {
        var sizes = new int[depth];   // sizes[i]: the encoding of level i from the inside (level 0 is the empty SEQUENCE)
        sizes[0] = 2;
        for (var i = 1; i < depth; i++) sizes[i] = 1 + LengthOctets(sizes[i - 1]) + sizes[i - 1];
        var output = new byte[sizes[depth - 1]];
        var at = 0;
        for (var i = depth - 1; i >= 1; i--)
        {
            output[at++] = 0x30;
            var length = sizes[i - 1];
            var octets = LengthOctets(length);
            if (octets == 1)
            {
                output[at++] = (byte)length;
                continue;
            }
            output[at++] = (byte)(0x80 | (octets - 1));
            for (var k = octets - 2; k >= 0; k--) output[at++] = (byte)(length >> (8 * k));
        }
        output[at++] = 0x30;
        output[at] = 0x00;
        return output;
    }

    private static int LengthOctets(int length) => length < 0x80 ? 1 : length < 0x100 ? 2 : length < 0x10000 ? 3 : 4;
}
