"""CertLint's path verdict on one peer certificate, shared by the external path-validation corpora.

limbo-cases.py (x509-limbo) and openssl-verify-cases.py (OpenSSL's 25-test_verify.t) both lint a temporary repository
holding one peer.pem and decide, from the JSON report, whether CertLint accepts the peer's path: FAILURE when an error
of PATH_RULES is reported on the peer certificate. Errors of other rules (profile packs, weak keys, ...) and errors on
other certificates (an expired anchor, a profile error on an intermediate) do not fail the peer's path
(docs/chains.md); they are returned apart, to explain differences.
"""
import json
import os
import subprocess
import sys
from collections import Counter

# Rules whose error on the peer certificate means its path (or its use as the peer) fails.
PATH_RULES = {
    "chain-invalid", "chain-incomplete", "chain-too-deep", "name-constraints-violated", "policy-not-satisfied",
    "issuer-not-ca", "path-length-exceeded", "unknown-critical-extension", "cert-expired", "cert-not-yet-valid",
    "cert-revoked", "revocation-unknown", "hostname-mismatch", "eku-server-auth", "eku-client-auth", "ku-server-auth", "ku-client-auth", "leaf-is-ca",
    "eku-email-protection", "ku-email-protection", "mailbox-mismatch",
    "parse-error",  # a peer that cannot be decoded has no path
}
# Warnings that report, on the offending certificate, the profile defect a limbo case rejects the path for (BR
# 7.1.2.7.10's EKU values other than serverAuth and clientAuth are a warning: several are only NOT RECOMMENDED).
PROFILE_WARNINGS = {"cabf-eku-extra"}


def judge(report, peer_file="peer.pem"):
    """CertLint's verdict, the errors behind it, and the other errors of the run (rule@file, sorted)."""
    peer = next((c for c in report.get("certificates", []) if c.get("path", "").endswith(peer_file)), None)
    peer_id = peer["sha256"] if peer else None
    path_errors, other_errors = [], []
    for f in report.get("findings", []):
        where = os.path.basename(f.get("path") or "?")
        item = f"{f['rule']}@{where}"
        if f.get("severity") == "warning" and f["rule"] in PROFILE_WARNINGS:
            other_errors.append(item + "(warning)")  # names the class of a difference, never decides the verdict
        if f.get("severity") != "error":
            continue
        on_peer = (f.get("object") or {}).get("id") == peer_id or (peer_id is None and where == peer_file)
        (path_errors if on_peer and f["rule"] in PATH_RULES else other_errors).append(item)
    return ("FAILURE" if path_errors else "SUCCESS"), sorted(set(path_errors)), sorted(set(other_errors))


def summarize(results, report_path, extra=""):
    """Prints the totals and the by-design and skipped classes, writes the JSON report if asked, and exits 1 when any
    case is UNEXPECTED or an error (a candidate CertLint defect, or the harness failing)."""
    counts = Counter(r["outcome"] for r in results)
    print(f"\ncases: {len(results)}  agree: {counts['agree']}  by design: {counts['by-design']}  "
          f"UNEXPECTED: {counts['UNEXPECTED']}  skipped: {counts['skipped']}  errors: {counts['error']}{extra}")
    for reason, n in Counter(r["reason"].split(":")[0] for r in results if r["outcome"] == "by-design").most_common():
        print(f"  by design, {reason}: {n}")
    for reason, n in Counter(r["reason"] for r in results if r["outcome"] == "skipped").most_common():
        print(f"  skipped, {reason}: {n}")
    if report_path:
        with open(report_path, "w") as f:
            json.dump(results, f, indent=1)
    sys.exit(1 if counts["UNEXPECTED"] or counts["error"] else 0)


def run_cli(args, report, timeout):
    """Runs the CertLint CLI; (its JSON report, None), or (None, why not) when it timed out or wrote no report."""
    try:
        proc = subprocess.run(args, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, f"timeout after {timeout}s"
    if not os.path.exists(report):
        return None, f"exit {proc.returncode}: {(proc.stderr or proc.stdout).strip()[:300]}"
    with open(report) as f:
        return json.load(f), None
