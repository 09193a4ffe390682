"""Classes of the differences bench/external/pathdiff.py finds between CertLint and `openssl verify` (3.0).

classify(r) returns (class, reason): "by-design" (docs/chains.md says why CertLint decides otherwise),
"openssl-deviation" (OpenSSL departs from RFC 5280; the section is named), "certlint-gap" (a known CertLint defect
outside the §6 validator, not fixed yet; none is left) or "UNEXPECTED" (a candidate CertLint defect, to judge). `r` is a result of pathdiff.py: both verdicts, OpenSSL's first error ("error N at D depth lookup: ..."),
CertLint's errors on the leaf (pathErrors) and elsewhere (otherErrors, `rule@file`), the chain's drawn traits.
"""
import re

# -x509_strict checks of the RFC 5280 §4 profile (OpenSSL 3.0 x509_vfy.c check_extensions / check_chain): CertLint
# reports them with profile rules on the certificate's own file, never as a failure of the paths through it.
STRICT_PROFILE = ("Basic Constraints of CA cert not marked critical", "CA cert does not include key usage extension",
                  "Path length given without key usage keyCertSign", "Path length invalid for non-CA cert",
                  "Authority key identifier missing", "Subject key identifier missing",
                  "Subject empty and Subject Alt Name extension not critical", "Empty Subject Alternative Name",
                  "Certificate public key has explicit ECC parameters", "Issuer name empty")


# The CertLint path rule that must be among the leaf's errors when OpenSSL's first error is this code (both reject).
RULE_OF_CODE = {
    2: {"chain-incomplete"}, 20: {"chain-incomplete"}, 7: {"chain-invalid"}, 78: {"chain-invalid"},
    9: {"cert-not-yet-valid", "chain-invalid"}, 10: {"cert-expired", "chain-invalid"},
    24: {"issuer-not-ca"}, 79: {"issuer-not-ca"}, 25: {"path-length-exceeded"}, 26: {"eku-server-auth", "ku-server-auth"},
    34: {"unknown-critical-extension"}, 42: {"policy-not-satisfied"}, 43: {"policy-not-satisfied"},
    47: {"name-constraints-violated"}, 48: {"name-constraints-violated"}, 51: {"name-constraints-violated"},
    62: {"hostname-mismatch"}, 64: {"hostname-mismatch"},
}


def parse_error(text):
    """(code, depth, message) of OpenSSL's first error line."""
    m = re.match(r"error (\d+) at (\d+) depth lookup: (.*)", text or "")
    return (int(m.group(1)), int(m.group(2)), m.group(3)) if m else (None, None, text or "")


def same_reason(r):
    """Both reject: does CertLint report (among others) the failure OpenSSL stopped at? None when unknown."""
    code, _, _ = parse_error(r["opensslError"])
    wanted = RULE_OF_CODE.get(code)
    if wanted is None:
        return None
    return bool(wanted & {e.split("@")[0] for e in r["pathErrors"]})


def _who(r, depth):
    """The generator's name of the certificate at OpenSSL's depth (0 leaf, rootDepth the root)."""
    if depth == 0:
        return "leaf"
    if depth >= r["rootDepth"]:
        return "root"
    return f"ica{r['rootDepth'] - depth}"


def _has(r, who, trait):
    return any(t.startswith(f"{who}:{trait}") for t in r["traits"])


def _trailing_dot_san(r):
    return any(t.startswith("leaf:san:") and any(n.endswith(".") for n in t[9:].split(",")) for t in r["traits"])


def _leaf_errors(r):
    return [e for e in r["otherErrors"] if e.endswith("@leaf.pem")]


def classify(r):
    code, depth, text = parse_error(r["opensslError"])
    who = _who(r, depth) if depth is not None else None
    if r["certlint"] == "SUCCESS" or r["openssl"] == "FAILURE":  # OpenSSL rejects (for another reason, when both do)
        if who == "root" and code in (9, 10, 34):
            return "by-design", "anchor-trusted-as-given: RFC 5280 §6.1 trusts the anchor's dates and extensions as given"
        if code == 10 and _has(r, who, "notAfter=now"):
            return ("openssl-deviation", "notafter-inclusive: RFC 5280 §4.1.2.5 makes validity inclusive of notAfter; "
                    "OpenSSL's X509_cmp_time counts that very second as expired")
        if any(text.startswith(p) for p in STRICT_PROFILE):
            return "by-design", "profile-not-path: an RFC 5280 §4 profile check of -x509_strict, not a §6 path failure"
        if code == 26 and _has(r, who, "eku:anyExtendedKeyUsage"):
            return ("by-design", "any-eku: anyExtendedKeyUsage alone allows serverAuth (RFC 5280 §4.2.1.12; OpenSSL "
                    "takes the MAY to reject it for -purpose sslserver)")
        if code == 20 and any(t.endswith(":aki-mismatch") for t in r["traits"]) and r["certlint"] == "FAILURE":
            return ("by-design", "incomplete-reported-above: the path ends at an intermediate whose AKI names no "
                    "known key; chain-incomplete is on that intermediate, the leaf gets its path's other failures")
        if code in (47, 62) and who == "leaf" and _trailing_dot_san(r):
            return ("by-design", "absolute-dns-name: a dNSName with a trailing dot is the same name, matched and "
                    "constrained as such; OpenSSL compares it literally; dns-name-empty-label reports it on the leaf")
        if _leaf_errors(r) and who == "leaf":
            return ("by-design", "leaf-profile-error: CertLint fails the leaf with a profile rule (" +
                    ", ".join(_leaf_errors(r)) + "), not a path rule")
        return "UNEXPECTED", None
    # CertLint rejects, OpenSSL accepts
    rules = {e.split("@")[0] for e in r["pathErrors"]}
    if rules == {"name-constraints-violated"} and _has(r, "leaf", "no-san"):
        return ("by-design", "cn-as-dns-name: without a SAN a host-like CN (two labels or more) is checked as a "
                "dNSName (docs/chains.md, Name constraints); OpenSSL's cn2dnsid also refuses some characters")
    if "hostname-mismatch" in rules and _has(r, "leaf", "no-san"):
        return ("by-design", "cn-not-a-host: without a SAN CertLint never matches the host against the CN (RFC 6125, "
                "the BRs); openssl -verify_hostname falls back to the CN")
    if rules == {"name-constraints-violated"} and any(t.startswith("leaf:san:*") or ",*." in t for t in r["traits"]):
        return ("by-design", "wildcard-nc: a wildcard SAN is inside a permitted subtree only if every name it can match "
                "is, inside an excluded one if any is (Chromium, webpki); OpenSSL compares the '*' literally")
    return "UNEXPECTED", None
