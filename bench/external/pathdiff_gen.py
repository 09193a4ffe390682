"""Random chains for bench/external/pathdiff.py: root -> 0..3 intermediates -> leaf, each certificate drawn from a
seeded random.Random, varying what RFC 5280 §6 looks at. A chain is a dict: the PEMs, the leaf's host (None: no
purpose is checked) and a list of the variations drawn (`traits`, to class and explain differences)."""
import datetime
import ipaddress

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID as Eku, NameOID

from limbo_sample_der import children, enc, _pem_of

NOW = datetime.datetime(2026, 6, 1, 12, 0, 0, tzinfo=datetime.timezone.utc)
SECOND = datetime.timedelta(seconds=1)
T0, T1 = NOW - datetime.timedelta(days=400), NOW + datetime.timedelta(days=400)
P1, P2, P3 = "1.3.6.1.4.1.55555.24.1", "1.3.6.1.4.1.55555.24.2", "1.3.6.1.4.1.55555.24.3"
ANY_POLICY = "2.5.29.32.0"
UNKNOWN_EXT = x509.ObjectIdentifier("1.3.6.1.4.1.55555.24.99")

DNS_NAMES = ["www.example.com", "WWW.Example.COM", "www.example.com.", "a.b.example.com", "example.com",
             "www.example.org", "xn--bcher-kva.example.com", "*.example.com", "*.example.org",
             "host.test.example.com", "x.evil.example.com", "localhost"]
DNS_TREES = ["example.com", ".example.com", "example.org", "test.example.com", "evil.example.com", "EXAMPLE.COM",
             "xn--bcher-kva.example.com", "www.example.com"]
IPS = ["10.1.2.3", "192.0.2.7", "198.51.100.1", "2001:db8::1", "::ffff:10.1.2.3"]
IP_TREES = ["10.0.0.0/8", "192.0.2.0/24", "2001:db8::/32", "0.0.0.0/0", "10.1.2.3/32"]
EMAILS = ["user@example.com", "user@mail.example.com", "User@EXAMPLE.com", "x@example.org"]
EMAIL_TREES = ["example.com", ".example.com", "user@example.com", "example.org"]
URIS = ["https://www.example.com/path", "https://x.evil.example.com:8443/", "ldap://example.org/o=x"]
URI_TREES = ["www.example.com", ".example.com", "example.org"]
ORG = "PathDiff"


def dn(chain, cn, org=ORG):
    return x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, org),
                      x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, f"c{chain}"),
                      x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def _eku_name(oid):
    return "anyExtendedKeyUsage" if oid == Eku.ANY_EXTENDED_KEY_USAGE else oid._name


def _ku(*bits):
    names = ("digital_signature", "content_commitment", "key_encipherment", "data_encipherment", "key_agreement",
             "key_cert_sign", "crl_sign", "encipher_only", "decipher_only")
    return x509.KeyUsage(**{n: n in bits for n in names})


class Gen:
    def __init__(self, rng, index):
        self.r, self.i, self.traits = rng, index, []

    def p(self, chance, trait):
        """True with probability `chance`; records the trait when drawn."""
        hit = self.r.random() < chance
        if hit:
            self.traits.append(trait)
        return hit

    def subtree(self, form, chain):
        r = self.r
        if form == "dns":
            return x509.DNSName(r.choice(DNS_TREES))
        if form == "ip":
            return x509.IPAddress(ipaddress.ip_network(r.choice(IP_TREES)))
        if form == "email":
            return x509.RFC822Name(r.choice(EMAIL_TREES))
        if form == "uri":
            return x509.UniformResourceIdentifier(r.choice(URI_TREES))
        org = r.choice([ORG, "Elsewhere"])
        attrs = [x509.NameAttribute(NameOID.ORGANIZATION_NAME, org)]
        if r.random() < 0.5:
            attrs.append(x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, f"c{chain}"))
        return x509.DirectoryName(x509.Name(attrs))

    def name_constraints(self, who):
        forms = self.r.sample(["dns", "ip", "email", "uri", "dir"], self.r.randint(1, 2))
        permitted = [self.subtree(f, self.i) for f in forms if self.r.random() < 0.6]
        excluded = [self.subtree(f, self.i) for f in forms if self.r.random() < 0.4] or None
        permitted = permitted or None
        if not permitted and not excluded:
            excluded = [self.subtree(forms[0], self.i)]
        self.traits.append(f"{who}:nc:{'+'.join(forms)}")
        return x509.NameConstraints(permitted_subtrees=permitted, excluded_subtrees=excluded)

    def policies(self, who):
        r = self.r
        choice = r.choice([[P1], [P2], [ANY_POLICY], [P1, P2], [P3]])
        self.traits.append(f"{who}:policies:{','.join(x.split('.')[-1] for x in choice)}")
        return x509.CertificatePolicies([x509.PolicyInformation(x509.ObjectIdentifier(o), None) for o in choice])

    def validity(self, who):
        """(notBefore, notAfter): mostly around NOW, sometimes on or one second off a boundary."""
        k = self.r.random()
        if k < 0.015:
            self.traits.append(f"{who}:notBefore=now+1")
            return NOW + SECOND, T1
        if k < 0.03:
            self.traits.append(f"{who}:notBefore=now")
            return NOW, T1
        if k < 0.045:
            self.traits.append(f"{who}:notAfter=now-1")
            return T0, NOW - SECOND
        if k < 0.06:
            self.traits.append(f"{who}:notAfter=now")
            return T0, NOW
        return T0, T1


def ca_cert(g, who, subject, issuer_name, key, signer_key):
    """A CA certificate (root when signer_key is key)."""
    r, root = g.r, signer_key is key
    nb, na = g.validity(who)
    b = (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer_name).public_key(key.public_key())
         .serial_number(r.randint(1, 1 << 62)).not_valid_before(nb).not_valid_after(na))
    bc = r.random()
    pathlen = r.choice([None, 0, 1, 2, 2]) if r.random() < 0.25 else None
    if pathlen is not None:
        g.traits.append(f"{who}:pathLen={pathlen}")
    if bc < 0.02 and not root:
        g.traits.append(f"{who}:bc-absent")
    elif bc < 0.04:
        g.traits.append(f"{who}:cA=false")
        b = b.add_extension(x509.BasicConstraints(False, None), critical=True)
    else:
        crit = not g.p(0.02, f"{who}:bc-noncritical")
        b = b.add_extension(x509.BasicConstraints(True, pathlen), critical=crit)
    k = r.random()
    if k < 0.02:
        g.traits.append(f"{who}:ku-absent")
    elif k < 0.04:
        g.traits.append(f"{who}:ku-no-keyCertSign")
        b = b.add_extension(_ku("digital_signature", "crl_sign"), critical=True)
    else:
        bits = ["key_cert_sign", "crl_sign"] + (["digital_signature"] if r.random() < 0.3 else [])
        b = b.add_extension(_ku(*bits), critical=True)
    b = b.add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
    if not root:
        b = b.add_extension(aki(g, who, signer_key), critical=False)
    if r.random() < 0.1:
        ekus = r.choice([[Eku.SERVER_AUTH], [Eku.CLIENT_AUTH], [Eku.ANY_EXTENDED_KEY_USAGE],
                         [Eku.SERVER_AUTH, Eku.CLIENT_AUTH], [Eku.CODE_SIGNING]])
        g.traits.append(f"{who}:eku:{'+'.join(_eku_name(e) for e in ekus)}")
        b = b.add_extension(x509.ExtendedKeyUsage(ekus), critical=False)
    if r.random() < 0.2:
        b = b.add_extension(g.name_constraints(who), critical=not g.p(0.1, f"{who}:nc-noncritical"))
    if r.random() < 0.3:
        b = b.add_extension(g.policies(who), critical=False)
    if not root and r.random() < 0.06:
        pair = r.choice([(P1, P2), (P2, P1), (P1, P3)])
        g.traits.append(f"{who}:mapping:{pair[0][-1]}->{pair[1][-1]}")
        b = b.add_extension(policy_mappings(*pair), critical=True)
    if r.random() < 0.06:
        req, inh = r.choice([0, 1, 2, None]), r.choice([0, 1, None])
        if req is None and inh is None:
            req = 0
        g.traits.append(f"{who}:policyConstraints:req={req},inh={inh}")
        b = b.add_extension(x509.PolicyConstraints(req, inh), critical=True)
    if r.random() < 0.04:
        n = r.choice([0, 1])
        g.traits.append(f"{who}:inhibitAnyPolicy={n}")
        b = b.add_extension(x509.InhibitAnyPolicy(n), critical=True)
    if g.p(0.015, f"{who}:unknown-critical"):
        b = b.add_extension(x509.UnrecognizedExtension(UNKNOWN_EXT, b"\x05\x00"), critical=True)
    return b.sign(signer_key, hashes.SHA256())


def _oid(dotted):
    parts = [int(x) for x in dotted.split(".")]
    body = bytes([parts[0] * 40 + parts[1]])
    for n in parts[2:]:
        chunk = [n & 0x7F]
        while n > 0x7F:
            n >>= 7
            chunk.append(0x80 | (n & 0x7F))
        body += bytes(reversed(chunk))
    return enc(0x06, body)


def policy_mappings(issuer_policy, subject_policy):
    """policyMappings (2.5.29.33), which python cryptography does not build: one issuerDomainPolicy ->
    subjectDomainPolicy pair."""
    value = enc(0x30, enc(0x30, _oid(issuer_policy) + _oid(subject_policy)))
    return x509.UnrecognizedExtension(x509.ObjectIdentifier("2.5.29.33"), value)


def aki(g, who, signer_key):
    if g.p(0.01, f"{who}:aki-mismatch"):
        return x509.AuthorityKeyIdentifier(bytes(g.r.getrandbits(8) for _ in range(20)), None, None)
    return x509.AuthorityKeyIdentifier.from_issuer_public_key(signer_key.public_key())


def leaf_cert(g, subject, issuer_name, signer_key):
    r, key = g.r, ec.generate_private_key(ec.SECP256R1())
    nb, na = g.validity("leaf")
    b = (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer_name).public_key(key.public_key())
         .serial_number(r.randint(1, 1 << 62)).not_valid_before(nb).not_valid_after(na))
    if r.random() < 0.5:
        b = b.add_extension(x509.BasicConstraints(False, None), critical=True)
    k = r.random()
    if k < 0.04:
        g.traits.append("leaf:ku-keyEncipherment")
        b = b.add_extension(_ku("key_encipherment"), critical=True)
    elif k < 0.06:
        g.traits.append("leaf:ku-crlSign-only")
        b = b.add_extension(_ku("crl_sign"), critical=True)
    elif k > 0.07:
        b = b.add_extension(_ku("digital_signature"), critical=True)
    else:
        g.traits.append("leaf:ku-absent")
    if r.random() < 0.85:
        ekus = r.choice([[Eku.SERVER_AUTH]] * 12 + [[Eku.CLIENT_AUTH], [Eku.ANY_EXTENDED_KEY_USAGE],
                                                    [Eku.SERVER_AUTH, Eku.CLIENT_AUTH], [Eku.CODE_SIGNING]])
        if ekus != [Eku.SERVER_AUTH]:
            g.traits.append(f"leaf:eku:{'+'.join(_eku_name(e) for e in ekus)}")
        b = b.add_extension(x509.ExtendedKeyUsage(ekus), critical=False)
    else:
        g.traits.append("leaf:eku-absent")
    b = b.add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
    b = b.add_extension(aki(g, "leaf", signer_key), critical=False)
    sans = leaf_names(g)
    if sans:
        b = b.add_extension(x509.SubjectAlternativeName(sans), critical=False)
    if r.random() < 0.25:
        b = b.add_extension(g.policies("leaf"), critical=False)
    if g.p(0.015, "leaf:unknown-critical"):
        b = b.add_extension(x509.UnrecognizedExtension(UNKNOWN_EXT, b"\x05\x00"), critical=True)
    return b.sign(signer_key, hashes.SHA256()), sans


def leaf_names(g):
    r = g.r
    if g.p(0.05, "leaf:no-san"):
        return []
    sans = [x509.DNSName(r.choice(DNS_NAMES))]
    for _ in range(r.choice([0, 0, 1, 2])):
        form = r.choice(["dns", "ip", "email", "uri", "dir"])
        if form == "dns":
            sans.append(x509.DNSName(r.choice(DNS_NAMES)))
        elif form == "ip":
            sans.append(x509.IPAddress(ipaddress.ip_address(r.choice(IPS))))
        elif form == "email":
            sans.append(x509.RFC822Name(r.choice(EMAILS)))
        elif form == "uri":
            sans.append(x509.UniformResourceIdentifier(r.choice(URIS)))
        else:
            sans.append(x509.DirectoryName(x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME,
                                                                         r.choice([ORG, "Elsewhere"]))])))
    g.traits.append("leaf:san:" + ",".join(str(s.value) for s in sans))
    return list(dict.fromkeys(sans))


def v1(cert, signer_key):
    """The certificate as version 1: no version field, no extensions, signed again."""
    der = cert.public_bytes(serialization.Encoding.DER)
    tbs, alg, _ = children(der)
    fields = [f for f in children(tbs) if f[0] not in (0xA0, 0xA3)]
    tbs = enc(0x30, b"".join(fields))
    sig = signer_key.sign(tbs, ec.ECDSA(hashes.SHA256()))
    return _pem_of(enc(0x30, tbs + alg + enc(0x03, b"\x00" + sig)))


def alg_mismatch(cert, signer_key):
    """The certificate with ecdsa-with-SHA384 in the TBS signature field while the outer one (and the signature)
    stays ecdsa-with-SHA256 (RFC 5280 §4.1.1.2: the two MUST be the same)."""
    der = cert.public_bytes(serialization.Encoding.DER)
    tbs, alg, _ = children(der)
    fields = children(tbs)
    fields[2] = enc(0x30, enc(0x06, bytes.fromhex("2a8648ce3d040303")))
    tbs = enc(0x30, b"".join(fields))
    sig = signer_key.sign(tbs, ec.ECDSA(hashes.SHA256()))
    return _pem_of(enc(0x30, tbs + alg + enc(0x03, b"\x00" + sig)))


def pem(cert):
    return cert.public_bytes(serialization.Encoding.PEM).decode()


def chain(rng, index):
    """One random chain: {"root", "intermediates" (issuer first), "leaf", "host", "traits"}."""
    g = Gen(rng, index)
    root_key = ec.generate_private_key(ec.SECP256R1())
    root_name = dn(index, "Root")
    root = ca_cert(g, "root", root_name, root_name, root_key, root_key)
    out = {"root": pem(root), "intermediates": []}
    issuer_name, issuer_key = root_name, root_key
    n = rng.choice([0, 1, 1, 2, 2, 3])
    for k in range(n):
        who = f"ica{k + 1}"
        key = ec.generate_private_key(ec.SECP256R1())
        subject = issuer_name if k > 0 and g.p(0.08, f"{who}:self-issued") else dn(index, f"CA {k + 1}")
        cert = ca_cert(g, who, subject, issuer_name, key, issuer_key)
        if g.p(0.015, f"{who}:v1"):
            text = v1(cert, issuer_key)
        elif g.p(0.01, f"{who}:sigalg-mismatch"):
            text = alg_mismatch(cert, issuer_key)
        else:
            text = pem(cert)
        out["intermediates"].append(text)
        issuer_name, issuer_key = subject, key
    cert, sans = leaf_cert(g, dn(index, rng.choice(["leaf", "www.example.com"])), issuer_name, issuer_key)
    out["leaf"] = alg_mismatch(cert, issuer_key) if g.p(0.01, "leaf:sigalg-mismatch") else pem(cert)
    dns = [s.value for s in sans if isinstance(s, x509.DNSName)]
    host = None
    if rng.random() < 0.8:
        ips = [str(s.value) for s in sans if isinstance(s, x509.IPAddress)]
        if dns and rng.random() < 0.85:
            host = dns[0]
        else:
            host = rng.choice(dns + ips + ["www.example.com", "10.1.2.3"])
        host = host.replace("*", "w").lower().rstrip(".")
        g.traits.append(f"host:{host}")
    out["host"], out["traits"] = host, g.traits
    return out
