"""Cases of bench/external/limbo-sample.py after limbo's webpki::cn (BR 7.1.4.3: a CN must copy a SAN entry) and smime
families (S/MIME purposes, which CertLint does not check: the harness skips them). limbo's rfc9881 (ML-DSA) cases are
not here: python cryptography 48 cannot put an ML-DSA key in a certificate; tests/CertLint.Core.Tests/PostQuantum/
rebuilds them."""
import ipaddress

from cryptography import x509
from cryptography.x509.oid import ExtendedKeyUsageOID

from limbo_sample_der import ee, ica, ku, root

EMAIL = ExtendedKeyUsageOID.EMAIL_PROTECTION


def add_names(case):
    r = root("cn-root")
    for cid, cn, san, peer in (
            ("ipv4-hex", "0xC0A80101", "192.168.1.1", ("IP", "192.168.1.1")),
            ("ipv4-leading-zeros", "192.168.001.001", "192.168.1.1", ("IP", "192.168.1.1")),
            ("ipv6-uppercase", "2001:DB8::8A2E:370:7334", "2001:db8::8a2e:370:7334", ("IP", "2001:db8::8a2e:370:7334")),
            ("ipv6-uncompressed", "2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1", ("IP", "2001:db8::1")),
            ("ipv6-not-rfc5952", "2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1", ("IP", "2001:db8::1:0:0:1")),
            ("punycode-not-in-san", "xn--nxasmq6b.com", "xn--n3h.com", ("DNS", "xn--n3h.com")),
            ("utf8-for-punycode", "test-\u6e2c\u8a66.com", "xn--test--wg5h0h.com", ("DNS", "xn--test--wg5h0h.com")),
            ("not-in-san", "notinsan.example.com", "valid.example.com", ("DNS", "valid.example.com")),
            ("case-differs", "Example.COM", "example.com", ("DNS", "example.com"))):
        gn = x509.IPAddress(ipaddress.ip_address(san)) if peer[0] == "IP" else x509.DNSName(san)
        leaf = ee(r, subject=cn, san=(x509.SubjectAlternativeName([gn]), False))
        case(f"webpki::cn-{cid}", "FAILURE", [r], [], leaf, peer)

    # S/MIME: an emailProtection validation with an RFC822 peer name (CertLint has neither).
    rs = root("smime-root")
    mail = (x509.SubjectAlternativeName([x509.RFC822Name("user@example.com")]), False)
    for cid, eku, ca_eku, peer, expected in (("ee-email-protection", (EMAIL,), None, "user@example.com", "SUCCESS"),
                                             ("ee-client-auth-only", (ExtendedKeyUsageOID.CLIENT_AUTH,), None,
                                              "user@example.com", "FAILURE"),
                                             ("mismatch-rfc822", (EMAIL,), None, "other@example.com", "FAILURE"),
                                             ("intermediate-server-auth-only", (EMAIL,),
                                              (ExtendedKeyUsageOID.SERVER_AUTH,), "user@example.com", "FAILURE")):
        if ca_eku:
            i = ica("smime-ica", rs, pathlen=0, eku=(x509.ExtendedKeyUsage(list(ca_eku)), False))
            chain, leaf = [i], ee(i, subject="user", dns=None, eku=eku, san=mail)
        else:
            chain, leaf = [], ee(rs, subject="user", dns=None, eku=eku, san=mail)
        case(f"smime::{cid}", expected, [rs], chain, leaf, None, kind="CLIENT", extended_key_usage=["emailProtection"],
             expected_peer_names=[{"kind": "RFC822", "value": peer}])
