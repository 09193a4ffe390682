#!/usr/bin/env python3
"""Compare CertLint with DigiCert pkilint's integration test certificates.

pkilint (github.com/digicert/pkilint) keeps, under tests/integration_certificate/, one `.crttest` file per case: a PEM
certificate followed by a CSV table (node_path,validator,severity,code,message) of every finding pkilint must report.
This script lints each certificate with the built CertLint CLI and compares, for every pkilint code that a CertLint rule
names in `equivalents: {pkilint: [...]}`: pkilint expects the code <=> CertLint reports one of the rules naming it.

    python3 bench/external/pkilint-cases.py PKILINT_CHECKOUT CERTLINT_CLI [--only SUBSTRING] [--report FILE] [-v]

PKILINT_CHECKOUT  a pkilint checkout (or any folder holding tests/integration_certificate/, or that folder itself)
CERTLINT_CLI      the built CLI, e.g. src/CertLint.Cli/bin/Release/net10.0/certlint
--only            lint only the cases whose relative path contains this text
--report FILE     also write every case's outcome as JSON
--redate DATE     lint a certificate issued before DATE as if issued on DATE: notBefore and notAfter move by the
                  same whole number of days (the validity length is kept, the signature no longer verifies). pkilint
                  judges its S/MIME cases without effective dates, and most were issued in 2023-04/05, before the
                  S/MIME BR's 2023-09-01: with --redate 2024-01-01 the comparison measures the rules, not the dates.

Profiles: tls_br/<type>/ cases run with --pack cabf-br --pack rfc5280, smime_br/<validation>/<generation>/ cases with
--pack cabf-smime --pack rfc5280, pkix/ cases with --pack rfc5280 (other folders, ETSI, are skipped: CertLint has no
such rules). --now is notBefore + 1 day, so effective dates apply as
pkilint's do. The summary lists (1) disagreements on mapped codes, (2) pkilint ERROR/FATAL codes no CertLint rule maps
(coverage gaps) and (3) CertLint findings whose rule maps no code pkilint expected on that certificate (candidate false
positives; rules without any pkilint equivalent are listed too, to be judged by hand). pkilint's certificates are often
edited by hand, so their signatures may not verify: a `root_ca` case whose self-signature fails is linted as what it is
(a CA certificate that is not self-signed), and the summary marks such cases.

Not needed by the test suite: the pkilint cases are external material and are never committed to this repository.
"""
import argparse
import csv
import datetime
import io
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict

PACKS = {"tls_br": ["cabf-br", "rfc5280"], "smime_br": ["cabf-smime", "rfc5280"], "pkix": ["rfc5280"]}
END = "-----END CERTIFICATE-----"
MAX_CASE_BYTES = 1 << 20


def read_case(path):
    """(pem, expected findings as dicts) of one .crttest file, read as pkilint's tests read it."""
    with open(path, encoding="utf-8") as f:
        lines = [l.strip() for l in f.read(MAX_CASE_BYTES).splitlines() if l.strip()]
    end = next((i for i, l in enumerate(lines) if END in l), None)
    if end is None:
        return None, []
    start = next((i for i in range(end, -1, -1) if "-----BEGIN" in lines[i]), 0)
    pem = "\n".join(lines[start:end + 1]) + "\n"
    rows = list(csv.DictReader(io.StringIO("\n".join(lines[end + 1:]))))
    return pem, rows


def der_items(buf, pos, end):
    """(tag, content start, content end) of each DER item between pos and end."""
    while pos < end:
        tag = buf[pos]
        length = buf[pos + 1]
        pos += 2
        if length & 0x80:
            n = length & 0x7F
            if n == 0 or n > 4:
                raise ValueError("bad DER length")
            length = int.from_bytes(buf[pos:pos + n], "big")
            pos += n
        if pos + length > end:
            raise ValueError("DER item runs past its parent")
        yield tag, pos, pos + length
        pos += length


def pem_der(pem):
    """The DER bytes of a one-certificate PEM."""
    import base64
    return base64.b64decode("".join(l for l in pem.splitlines() if l and not l.startswith("-----")))


def validity(der):
    """(tag, content start, content end) of notBefore and notAfter in a DER certificate."""
    _, cs, ce = next(der_items(der, 0, len(der)))
    _, ts, te = next(der_items(der, cs, ce))
    items = list(der_items(der, ts, te))
    if items and items[0][0] == 0xA0:  # [0] version
        items = items[1:]
    _, vs, ve = items[3]  # serial, signature, issuer, validity
    return list(der_items(der, vs, ve))


def parse_time(der, tag, s, e):
    """A UTCTime (tag 0x17) or GeneralizedTime's value, to the second (missing seconds read as 0)."""
    text = bytes(der[s:e]).decode("ascii").rstrip("Z")
    if tag == 0x17:
        text = ("19" if int(text[:2]) >= 50 else "20") + text
    return datetime.datetime.strptime(text[:14].ljust(14, "0"), "%Y%m%d%H%M%S").replace(tzinfo=datetime.timezone.utc)


def not_before(pem):
    """notBefore of a PEM certificate, or None when it cannot be read."""
    try:
        der = pem_der(pem)
        return parse_time(der, *validity(der)[0])
    except (ValueError, StopIteration, IndexError, UnicodeDecodeError):
        return None


def redate(pem, target):
    """The PEM with notBefore/notAfter moved forward so that notBefore is at least target (same length encodings)."""
    import base64
    der = bytearray(pem_der(pem))
    times = validity(der)
    nb = parse_time(der, *times[0])
    if nb >= target:
        return pem, None
    shift = datetime.timedelta(days=(target - nb).days + (1 if (target - nb).seconds else 0))
    for tag, s, e in times:
        moved = parse_time(der, tag, s, e) + shift
        text = moved.strftime("%y%m%d%H%M%SZ" if tag == 0x17 else "%Y%m%d%H%M%SZ")
        if len(text) != e - s:
            return pem, None   # an unusual encoding (no seconds, fraction): leave the case as it is
        der[s:e] = text.encode("ascii")
    b64 = base64.b64encode(bytes(der)).decode("ascii")
    lines = [b64[i:i + 64] for i in range(0, len(b64), 64)]
    return "-----BEGIN CERTIFICATE-----\n" + "\n".join(lines) + "\n-----END CERTIFICATE-----\n", nb + shift


def run_certlint(cli, pem, packs, now):
    with tempfile.TemporaryDirectory() as tmp:
        cert = os.path.join(tmp, "case.pem")
        report = os.path.join(tmp, "report.json")
        with open(cert, "w") as f:
            f.write(pem)
        args = [cli, cert, "--json", report, "--fail-on", "none", "--allow-empty", "-q"]
        for p in packs:
            args += ["--pack", p]
        if now:
            args += ["--now", now.strftime("%Y-%m-%dT%H:%M:%SZ")]
        proc = subprocess.run(args, capture_output=True, text=True, timeout=300)
        if not os.path.exists(report):
            return None, f"exit {proc.returncode}: {proc.stderr.strip()[:300]}"
        with open(report) as f:
            return json.load(f), None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("pkilint")
    ap.add_argument("cli")
    ap.add_argument("--only", default="")
    ap.add_argument("--report")
    ap.add_argument("--redate", type=lambda d: datetime.datetime.strptime(d, "%Y-%m-%d").replace(tzinfo=datetime.timezone.utc))
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args()

    base = a.pkilint
    for sub in ("tests/integration_certificate", "integration_certificate"):
        if os.path.isdir(os.path.join(base, sub)):
            base = os.path.join(base, sub)
            break
    cases = []
    for top in sorted(PACKS):
        for dirpath, _, files in sorted(os.walk(os.path.join(base, top))):
            for name in sorted(files):
                rel = os.path.relpath(os.path.join(dirpath, name), base)
                if name.endswith(".crttest") and a.only in rel:
                    cases.append(rel)
    if not cases:
        sys.exit(f"no .crttest cases under {base}")

    runs = []
    for rel in cases:
        pem, rows = read_case(os.path.join(base, rel))
        if pem and a.redate:
            pem, _ = redate(pem, a.redate)
        nb = not_before(pem) if pem else None
        now = nb + datetime.timedelta(days=1) if nb else None
        report, error = run_certlint(a.cli, pem, PACKS[rel.split(os.sep)[0]], now) if pem else (None, "no PEM")
        runs.append((rel, rows, now, report, error))

    # Which rules name which pkilint codes, over every pack any run had on.
    code_rules, rule_codes = defaultdict(set), defaultdict(set)
    for *_, report, _ in runs:
        for r in (report or {}).get("rules", []):
            for c in (r.get("equivalents") or {}).get("pkilint") or []:
                rule_codes[r["name"]].add(c)
                code_rules[c].add(r["name"])
    results = [compare(*run, code_rules, rule_codes) for run in runs]

    summarize(results, a.verbose)
    if a.report:
        with open(a.report, "w") as f:
            json.dump(results, f, indent=1)



def compare(rel, rows, now, report, error, code_rules, rule_codes):
    """One case: mapped codes that agree and differ, pkilint errors no rule maps, findings of rules naming no code."""
    if report is None:
        return {"case": rel, "error": error}
    top = rel.split(os.sep)[0]
    expected = {row["code"]: row["severity"] for row in rows}
    reported = {f["rule"] for f in report["findings"] if f["object"]["kind"] == "certificate"}
    skipped = {r["name"] for r in report["rules"] if r["checked"] == 0}
    # An expected code agrees when a rule naming it fired; a fired rule agrees when pkilint expected one of its
    # codes (a rule names several codes where pkilint's versions or validators split one requirement).
    agree, differ = [], []
    for c in sorted(c for c in expected if c in code_rules):
        got = sorted(code_rules[c] & reported)
        (agree if got else differ).append({"code": c, "expected": True, "rules": got or sorted(code_rules[c]),
                                           "notChecked": sorted(code_rules[c] & skipped)})
    for rule in sorted(r for r in reported if rule_codes.get(r) and not rule_codes[r] & set(expected)):
        differ.append({"code": ", ".join(sorted(rule_codes[rule])), "expected": False, "rules": [rule],
                       "notChecked": []})
    certs = report.get("certificates") or [{}]
    return {"case": rel, "profile": profile(rel),
            "now": now.isoformat() if now else None, "selfSigned": certs[0].get("selfSigned"),
            "parsed": bool(report.get("certificates")), "agree": agree, "differ": differ,
            "gaps": sorted(c for c, s in expected.items() if s in ("ERROR", "FATAL") and c not in code_rules),
            "extra": sorted(r for r in reported if not rule_codes.get(r)), "expected": expected}


def profile(rel):
    """tls_br/<type>, smime_br/<validation>/<generation> (e.g. mailbox/strict), or the top folder."""
    parts = rel.split(os.sep)
    if parts[0] == "tls_br":
        return parts[1]
    if parts[0] == "smime_br" and len(parts) > 3:
        return "/".join(parts[1:3])
    return parts[0]


def summarize(results, verbose):
    ok = [r for r in results if "error" not in r]
    clean = [r for r in ok if not r["differ"]]
    pairs = sum(len(r["agree"]) + len(r["differ"]) for r in ok)
    print(f"cases: {len(results)} linted: {len(ok)} all mapped codes agree: {len(clean)}")
    differ = [(r, d) for r in ok for d in r["differ"]]
    not_checked = sum(1 for _, d in differ if d["notChecked"])
    root = sum(1 for r, d in differ if r["profile"] == "root_ca" and not r["selfSigned"] and not d["notChecked"])
    print(f"(case, mapped code) pairs: {pairs}, agree: {sum(len(r['agree']) for r in ok)}, differ: {len(differ)} "
          f"(of which {not_checked} where the CertLint rule did not check the certificate: not effective at its notBefore "
          f"or not applicable; {root} on root_ca cases whose self-signature does not verify)")
    for r in results:
        if "error" in r:
            print(f"  ERROR {r['case']}: {r['error']}")
    print("\nDisagreements (expected by pkilint / reported by CertLint):")
    for r in ok:
        note = "" if r["profile"] != "root_ca" or r["selfSigned"] else "  [root whose self-signature does not verify]"
        note += "" if r["parsed"] else "  [certificate not parsed]"
        for d in r["differ"]:
            side = "pkilint only" if d["expected"] else "CertLint only"
            nc = f" (not checked: {', '.join(d['notChecked'])})" if d["notChecked"] else ""
            print(f"  {r['case']}: {d['code']} {side}: {', '.join(d['rules'])}{nc}{note}")
    gaps = Counter(c for r in ok for c in r["gaps"])
    print(f"\nCoverage gaps: {len(gaps)} pkilint ERROR/FATAL codes no CertLint rule maps")
    for c, n in gaps.most_common():
        print(f"  {n:3} {c}" + (f"  ({', '.join(r['case'] for r in ok if c in r['gaps'])})" if verbose else ""))
    extra = defaultdict(list)
    for r in ok:
        for rule in r["extra"]:
            extra[rule].append(r["case"])
    print(f"\nCertLint findings of rules that name no pkilint code (judge by hand): {sum(map(len, extra.values()))} "
          f"from {len(extra)} rules")
    for rule, where in sorted(extra.items(), key=lambda kv: -len(kv[1])):
        print(f"  {len(where):3} {rule}: {', '.join(where if verbose else where[:4])}{' ...' if len(where) > 4 and not verbose else ''}")


if __name__ == "__main__":
    main()
