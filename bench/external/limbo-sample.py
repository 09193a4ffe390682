#!/usr/bin/env python3
"""Write a limbo.json-shaped suite of our own chains, to exercise bench/external/limbo-cases.py without limbo's data.

    python3 bench/external/limbo-sample.py OUT.json

Each case is described here in our own words after the kind of RFC 5280 §6 situation x509-limbo's generators test
(name constraints of each form, policy constraints, pathLenConstraint with self-issued CAs, issuer candidates that share
a name, validity boundaries, EKU on intermediates), built with python3 cryptography (P-256 keys, SHA-256). The expected
result is what RFC 5280 §6 (and, for EKU on intermediates, the Web PKI's EKU chaining) decides.
"""
import datetime
import json
import sys

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

T0 = datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)
T1 = datetime.datetime(2034, 1, 1, tzinfo=datetime.timezone.utc)
WHEN = "2026-06-01T00:00:00+00:00"
SERIAL = iter(range(0x1000, 0x100000))


def cn(text):
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, text)])


class Cert:
    def __init__(self, cert, key):
        self.cert, self.key = cert, key

    def pem(self):
        return self.cert.public_bytes(serialization.Encoding.PEM).decode()


def make(subject, issuer=None, ca=True, pathlen=None, extra=(), san=None, eku=None, key=None, name=None,
         not_before=T0, not_after=T1, aki=True, signer=None, no_eku=False):
    """A certificate for `subject` (a name or x509.Name) signed by `issuer` (None: self-signed), or by `signer` in
    the name `name` (for cycles)."""
    key = key or ec.generate_private_key(ec.SECP256R1())
    subj = subject if isinstance(subject, x509.Name) else cn(subject)
    signer = signer or (issuer.key if issuer else key)
    b = (x509.CertificateBuilder().subject_name(subj)
         .issuer_name(name or (issuer.cert.subject if issuer else subj))
         .public_key(key.public_key()).serial_number(next(SERIAL))
         .not_valid_before(not_before).not_valid_after(not_after)
         .add_extension(x509.BasicConstraints(ca=ca, path_length=pathlen if ca else None), critical=True)
         .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False))
    if ca:
        b = b.add_extension(x509.KeyUsage(True, False, False, False, False, True, True, False, False), critical=True)
    else:
        b = b.add_extension(x509.KeyUsage(True, False, False, False, False, False, False, False, False), critical=True)
        if not no_eku:
            b = b.add_extension(x509.ExtendedKeyUsage(eku or [ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
    if ca and eku:
        b = b.add_extension(x509.ExtendedKeyUsage(eku), critical=False)
    if aki:
        b = b.add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(signer.public_key()), critical=False)
    if san is not None:
        b = b.add_extension(x509.SubjectAlternativeName(san), critical=False)
    for ext, critical in extra:
        b = b.add_extension(ext, critical=critical)
    return Cert(b.sign(signer, None if isinstance(signer, ed25519.Ed25519PrivateKey) else hashes.SHA256()), key)


def nc(permitted=None, excluded=None):
    return (x509.NameConstraints(permitted_subtrees=permitted, excluded_subtrees=excluded), True)


def leaf(issuer, dns="example.com", **kw):
    kw.setdefault("san", [x509.DNSName(dns)] if dns else None)
    return make(kw.pop("subject", cn(dns or "leaf")), issuer, ca=False, **kw)


CASES = []


def case(cid, expected, roots, icas, peer, peer_name=("DNS", "example.com"), kind="SERVER", when=WHEN, **extra):
    CASES.append({
        "id": f"sample::{cid}", "conflicts_with": [], "features": extra.pop("features", []), "importance": "medium",
        "description": extra.pop("description", cid), "validation_kind": kind,
        "trusted_certs": [r.pem() for r in roots], "untrusted_intermediates": [i.pem() for i in icas],
        "peer_certificate": peer.pem(), "peer_certificate_key": None, "validation_time": when,
        "signature_algorithms": [], "key_usage": [],
        "extended_key_usage": extra.pop("extended_key_usage", ["serverAuth" if kind == "SERVER" else "clientAuth"]),
        "expected_result": expected,
        "expected_peer_name": {"kind": peer_name[0], "value": peer_name[1]} if peer_name and kind == "SERVER" else None,
        "expected_peer_names": extra.pop("expected_peer_names", []), "max_chain_depth": extra.pop("max_chain_depth", None),
        "crls": [c.public_bytes(serialization.Encoding.PEM).decode() for c in extra.pop("crls", [])]})
    if extra:
        raise TypeError(f"{cid}: unknown case fields {sorted(extra)}")


def build():
    from limbo_sample_cases import add_all  # the case list, beside this file (and limbo_sample_graphs.py)
    add_all(make, leaf, nc, case, cn)
    from limbo_sample_profile import add_profile  # rfc5280/webpki profile, basic, invalid, ee-pathlen
    from limbo_sample_crl import add_crl
    from limbo_sample_names import add_names  # webpki::cn, rfc9881, smime
    from limbo_sample_crl_idp import add_crl_idp  # crl::idp, crl::cabf, crl::external (session 25)
    from limbo_sample_current import add_current  # nc, pc, basics, webpki eku/aki, validity types (session 25)
    for add in (add_profile, add_crl, add_names, add_crl_idp, add_current):
        add(case)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.path.insert(0, __import__("os").path.dirname(__file__))
    build()
    with open(sys.argv[1], "w") as f:
        json.dump({"version": 1, "testcases": CASES}, f, indent=1)
    print(f"{len(CASES)} cases written to {sys.argv[1]}")
