#!/usr/bin/env python3
"""Run CertLint on x509-limbo path-validation cases and compare its verdicts with limbo's expectations.

x509-limbo (github.com/C2SP/x509-limbo) publishes its suite as one limbo.json: {"version": 1, "testcases": [...]},
each case trusted roots, untrusted intermediates, a peer certificate, a validation time, a SERVER or CLIENT kind, the
expected peer name(s) and SUCCESS or FAILURE. For each case this script writes the certificates into a temporary
repository (roots under anchors/, intermediates under chain/, the peer as peer.pem), lints it with the built CLI and
decides CertLint's verdict:

    python3 bench/external/limbo-cases.py LIMBO_JSON CERTLINT_CLI [--only SUBSTRING] [--report FILE] [-v]
        [--now-if-null ISO8601] [--timeout SECONDS] [--pack PACK ...]

How a case becomes a CertLint run
- every root is a `--ca` (named anchors are exclusive, so nothing in the scan is trusted by accident);
- `validation_time` is `--now`; limbo leaves it null where "now" is meant (its harnesses then validate at the current
  time), so a null time is the time this script started, printed once, or `--now-if-null`;
- the peer's role comes from the kind in a `.certlint.yml` (`roles: {peer.pem: server|client|email}`): a server peer
  must allow serverAuth along its path (`eku-server-auth`), a client peer clientAuth (`eku-client-auth`), which is
  limbo's `extended_key_usage` for the two kinds; a case whose `extended_key_usage` is emailProtection (limbo's S/MIME
  cases, kind CLIENT) is an `email` peer, which must allow emailProtection (`eku-email-protection`,
  `ku-email-protection`); a SERVER case's DNS or IP `expected_peer_name` is the peer's `hosts:` entry
  (`hostname-mismatch`), an RFC822 one its `mailboxes:` entry (`mailbox-mismatch`);
- `max_chain_depth` is `--max-chain-depth`.

CertLint's verdict is FAILURE when it reports, on the peer certificate, an error of one of PATH_RULES (pathjudge.py,
shared with openssl-verify-cases.py): the checks of RFC 5280 §6 path validation and of the peer's use (name, EKU,
validity, revocation). Errors of other rules (the `rfc5280` profile pack, weak keys, ...) and errors on other
certificates (an expired anchor, a profile error on an intermediate) do not fail the peer's path (docs/chains.md);
they are listed per case to explain differences.

Differences are classed as docs/chains.md "Checked against x509-limbo" explains (BY_DESIGN below); a difference in
no class is printed as UNEXPECTED: a candidate CertLint defect to judge by hand. Cases whose features CertLint does
not have (SKIP_FEATURES) or a purpose other than serverAuth, clientAuth and emailProtection are skipped.

Not needed by the test suite: limbo's data is external material and is never committed to this repository.
"""
import argparse
import datetime
import json
import os
import sys
import tempfile

from pathjudge import judge as judge_report, run_cli, summarize  # beside this file: the verdict shared with openssl-verify-cases.py

# limbo features CertLint has no counterpart for (limbo: "consumers that don't understand a feature should skip").
# (None since session 35: `pedantic-public-suffix-wildcard` is judged, a wildcard on an ICANN public suffix covers nothing.)
SKIP_FEATURES: dict = {}
MAX_CASE_BYTES = 4 << 20


def run_case(cli, case, now_if_null, packs, timeout):
    """(report, error) of one CertLint run on one case's repository."""
    with tempfile.TemporaryDirectory(prefix="limbo-") as tmp:
        os.makedirs(os.path.join(tmp, "anchors"))
        os.makedirs(os.path.join(tmp, "repo", "chain"))
        anchors = []
        for i, pem in enumerate(case["trusted_certs"]):
            anchors.append(os.path.join(tmp, "anchors", f"root-{i}.pem"))
            with open(anchors[-1], "w") as f:
                f.write(pem)
        for i, pem in enumerate(case["untrusted_intermediates"]):
            with open(os.path.join(tmp, "repo", "chain", f"ica-{i}.pem"), "w") as f:
                f.write(pem)
        with open(os.path.join(tmp, "repo", "peer.pem"), "w") as f:
            f.write(case["peer_certificate"])
        for i, pem in enumerate(case.get("crls") or []):  # CRLs in the scan are used for §6.3 (docs/chains.md)
            with open(os.path.join(tmp, "repo", f"crl-{i}.pem"), "w") as f:
                f.write(pem)
        role = "server" if case["validation_kind"] == "SERVER" else "client"
        if "emailProtection" in (case.get("extended_key_usage") or []):
            role = "email"
        config = [f'roles:\n  "peer.pem": {role}\n']
        name = case.get("expected_peer_name")
        hosts = [name["value"]] if role == "server" and name and name.get("kind") in ("DNS", "IP") else []
        names = (case.get("expected_peer_names") or []) + ([name] if name else [])
        mailboxes = [n["value"] for n in names if role == "email" and n.get("kind") == "RFC822"]
        if hosts:
            config.append(f'hosts:\n  "peer.pem": {json.dumps(hosts)}\n')
        if mailboxes:
            config.append(f'mailboxes:\n  "peer.pem": {json.dumps(mailboxes)}\n')
        with open(os.path.join(tmp, "repo", ".certlint.yml"), "w") as f:
            f.write("".join(config))
        report = os.path.join(tmp, "report.json")
        when = case.get("validation_time") or now_if_null
        args = [cli, os.path.join(tmp, "repo"), "--json", report, "--fail-on", "none", "-q",
                "--now", when]
        for a in anchors:
            args += ["--ca", a]
        if not packs and {"webpki", "cabf"} & set(case.get("id", "").split("::")):
            packs = ["+cabf-br"]  # limbo's Web PKI and crl::cabf cases hold the BR profile: its rules class the differences
        for p in packs:
            args += ["--pack", p]
        if case.get("max_chain_depth") is not None:  # CertLint takes at most 64 (its search is bounded anyway)
            args += ["--max-chain-depth", str(max(0, min(64, int(case["max_chain_depth"]))))]
        return run_cli(args, report, timeout)


def judge(case, report):
    """CertLint's verdict, the errors behind it, and the other errors of the run (pathjudge.py)."""
    return judge_report(report)


# Errors every limbo-built certificate draws under the BR pack (no subject O/C, AIA or policies, a serial without
# entropy, a validity of centuries; in limbo's early files also a non-critical keyUsage, no cRLSign on a CA and no
# CRL distribution point): they say nothing about what a case is about, so they class no difference.
BACKGROUND = {
    "cabf-ca-subject-country", "cabf-ca-subject-organization", "cabf-serial-entropy", "cabf-sub-aia-missing",
    "cabf-sub-policies-missing", "cabf-validity-39-months", "cabf-validity-398", "cabf-ca-ku-not-critical",
    "cabf-sub-ku-not-critical", "cabf-ca-ku-crl-sign", "cabf-sub-crldp-missing",
}
# Differences judged one by one (the case's name, its last id part): limbo's expectation has no RFC 5280 or BR rule.
# With the path rules the difference must come from (None: any), so that another failure is not hidden by the name.
JUDGED = {
    "crl-duplicate-revoked-serial": (None, "crl-duplicate-entry: neither RFC 5280 nor the BRs forbid a serial listed "
                                           "twice; the CRL is used"),
    "max-chain-depth-1-self-issued": ({"chain-too-deep"}, "depth-counts-every-intermediate: --max-chain-depth bounds "
                                      "the search and counts self-issued CAs too (as openssl -verify_depth); limbo "
                                      "counts logical ones"),
    "ca-nameconstraints-permitted-dn-match": ({"hostname-mismatch"}, "host-as-given: the peer's only SAN is a "
                                              "directoryName and its CN is not the DNS peer name (RFC 6125 §6.4); its "
                                              "names meet the constraint"),
    # limbo's crl::cabf: BR 7.2.2.1 forbids the CA such a partitioned CRL; RFC 5280 §6.3.3 (b) still applies it.
    **{cid: (set(), "crl-br-form-not-scope: one IDP name matches the CDP (RFC 5280 §6.3.3 (b)(2)(i)) and an indirect "
                    "CRL of the certificate's own issuer covers it (§5.2.5, §5.3.3); BR 7.2.2.1 binds the CA's CRL "
                    "profile, not the CRL's scope")
       for cid in ("idp-fullname-non-uri-generalname", "idp-indirect-crl")},
    # limbo's crl::idp case for BR 7.1.2.11.2 (a CDP of URIs only): `--pack +cabf-br` reports cabf-crldp-name-form on
    # the leaf; its URI matches the IDP's, so RFC 5280 §6.3.3 (b)(2)(i) applies the CRL.
    "idp-present-certificate-cdp-non-uri-generalname": (set(), "crl-br-form-not-scope: the CDP's URI matches the "
                                                               "IDP's (§6.3.3 (b)(2)(i)); its dNSName is a BR profile "
                                                               "defect of the leaf (cabf-crldp-name-form)"),
    # limbo's crl::external: the issuer's signed CRL lists the leaf, but breaks RFC 5280 §5.1's encoding.
    **{cid: ({"cert-revoked"}, "crl-revocation-counts: a CRL whose signature verifies lists the peer; its encoding "
                               "defect is reported on the CRL (crl-version-not-v2, crl-update-time-encoding, "
                               "crl-next-update-missing); set aside, it would leave the status undetermined (§6.3.3 "
                               "(k)), never good")
       for cid in ("crl-invalid-version", "crl-update-generalizedtime-2025", "crl-missing-next-update")},
}


def by_design(case, verdict, path_errors, other_errors):
    """The docs/chains.md reason a difference is by design, or None (a candidate defect)."""
    rules, judged = JUDGED.get(case.get("id", "").split("::")[-1], (None, None))
    if judged and (rules is None or rules == {e.split("@")[0] for e in path_errors}):
        return judged
    if verdict == "SUCCESS":  # limbo expects FAILURE
        relevant = [e for e in other_errors if e.split("@")[0] not in BACKGROUND]
        warned = [e for e in relevant if e.endswith("(warning)")]
        relevant = [e for e in relevant if not e.endswith("(warning)")]
        if any(not e.split("@")[1].startswith("root-") for e in relevant):
            return "profile-not-path: the defect is reported by a profile rule, not as a path failure"
        if relevant:
            return "anchor-trusted-as-given: the anchor's own defect is reported on the anchor only"
        if any(not e.split("@")[1].startswith("root-") for e in warned):
            return "profile-warning: a profile rule reports the defect as a warning on the certificate"
        return None
    rules = {e.split("@")[0] for e in path_errors}
    if rules == {"leaf-is-ca"}:
        return "leaf-is-ca: a CA certificate as the peer"
    if rules == {"chain-incomplete"} and any(e.startswith("aki-not-issuer-ski@") for e in other_errors):
        return "aki-selects-issuer: an issuer whose SKI is not the AKI is no candidate (as OpenSSL)"
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("limbo")
    ap.add_argument("cli")
    ap.add_argument("--only", default="")
    ap.add_argument("--report")
    ap.add_argument("--now-if-null")
    ap.add_argument("--timeout", type=int, default=120)
    ap.add_argument("--pack", action="append", default=[])
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args()

    if not os.access(a.cli, os.X_OK):
        sys.exit(f"{a.cli}: not an executable CertLint CLI (build it: dotnet build CertLint.sln -c Release)")
    if os.path.getsize(a.limbo) > (512 << 20):
        sys.exit("limbo.json is larger than 512 MB: not a limbo suite?")
    with open(a.limbo, encoding="utf-8") as f:
        suite = json.load(f)
    if suite.get("version") != 1 or not isinstance(suite.get("testcases"), list):
        sys.exit("not a limbo suite: expected {\"version\": 1, \"testcases\": [...]}")
    now_if_null = a.now_if_null or datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    print(f"null validation times are taken as {now_if_null}")

    results = []
    for case in suite["testcases"]:
        cid = case.get("id", "?")
        if a.only not in cid:
            continue
        r = {"id": cid, "expected": case.get("expected_result")}
        skip = next((SKIP_FEATURES[x] for x in case.get("features") or [] if x in SKIP_FEATURES), None)  # null in limbo
        size = sum(len(p) for p in case.get("trusted_certs", []) + case.get("untrusted_intermediates", [])) + \
            len(case.get("peer_certificate") or "")
        purposes = set(case.get("extended_key_usage") or []) - {"serverAuth", "clientAuth", "emailProtection"}
        if skip is None and purposes:
            skip = "a purpose other than serverAuth, clientAuth and emailProtection"
        if skip is None and size > MAX_CASE_BYTES:
            skip = f"certificates larger than {MAX_CASE_BYTES} bytes"
        if skip is None and not case.get("peer_certificate"):
            skip = "no peer certificate"
        if skip:
            r.update(outcome="skipped", reason=skip)
            results.append(r)
            continue
        report, error = run_case(a.cli, case, now_if_null, a.pack, a.timeout)
        if report is None:
            r.update(outcome="error", reason=error)
        else:
            verdict, path_errors, other_errors = judge(case, report)
            r.update(certlint=verdict, pathErrors=path_errors, otherErrors=other_errors)
            if verdict == r["expected"]:
                r["outcome"] = "agree"
            else:
                reason = by_design(case, verdict, path_errors, other_errors)
                r.update(outcome="by-design" if reason else "UNEXPECTED", reason=reason)
        results.append(r)
        if a.verbose or r["outcome"] not in ("agree",):
            detail = r.get("reason") or ""
            errs = " ".join(r.get("pathErrors", []) + [f"({e})" for e in r.get("otherErrors", [])])
            print(f"{r['outcome']:11} {cid}: expected {r['expected']}, CertLint {r.get('certlint', '-')} {errs} {detail}")

    summarize(results, a.report)


if __name__ == "__main__":
    main()
