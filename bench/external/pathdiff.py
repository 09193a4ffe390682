#!/usr/bin/env python3
"""Differential path validation: CertLint against `openssl verify` on seeded random chains (RFC 5280 §6).

    python3 bench/external/pathdiff.py CERTLINT_CLI [--seed N] [--chains N] [--batch N] [--report FILE]
        [--keep DIR] [--only INDEX] [-v]

Each chain is root -> 0..3 intermediates -> leaf from bench/external/pathdiff_gen.py (basicConstraints, keyUsage,
EKU, nameConstraints of every form, SAN forms, policies and policy constraints, validity on the second around the
validation time, self-issued and version 1 intermediates, unknown critical extensions, a TBS signature algorithm
that is not the outer one, an AKI naming another key). Chains are linted in batches: one repository per batch (a
folder per chain), every root in one `--ca` file, `--now` the validation time, the leaf's role `server` and its host
in `.certlint.yml` when the chain has a host, and the batch's policy inputs under `validation:`. openssl runs once
per chain: `openssl verify -x509_strict -policy_check [-explicit_policy -policy P] [-inhibit_any] [-inhibit_map]
-attime T -CAfile root -untrusted intermediates [-purpose sslserver -verify_hostname H | -verify_ip IP] leaf`.

CertLint's verdict is FAILURE when the leaf's file has an error of a path rule (as limbo-cases.py judges the peer).
A difference is classed by classify(): documented by design (docs/chains.md), an OpenSSL deviation from RFC 5280
(the section named), or UNEXPECTED: a candidate CertLint defect, judged by hand (exit 1).
"""
import argparse
import importlib
import ipaddress
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pathdiff_gen as gen  # noqa: E402
from pathdiff_classes import classify, same_reason  # noqa: E402

PATH_RULES = importlib.import_module("limbo-cases").PATH_RULES  # the rules that fail a peer's path, as limbo's
NOW = gen.NOW.strftime("%Y-%m-%dT%H:%M:%SZ")
EPOCH = str(int(gen.NOW.timestamp()))


def policy_inputs(rng):
    """The batch's user policy inputs: (openssl flags, .certlint.yml validation lines, description)."""
    flags, conf, what = ["-policy_check"], [], []
    if rng.random() < 0.3:
        flags += ["-explicit_policy", "-policy", gen.P1]
        conf += ["  requireExplicitPolicy: true", f'  policies: ["{gen.P1}"]']
        what.append("explicit P1")
    if rng.random() < 0.2:
        flags.append("-inhibit_any")
        conf.append("  inhibitAnyPolicy: true")
        what.append("inhibit any")
    if rng.random() < 0.2:
        flags.append("-inhibit_map")
        conf.append("  inhibitPolicyMapping: true")
        what.append("inhibit mapping")
    return flags, conf, ",".join(what) or "defaults"


def write_batch(top, chains, conf):
    repo = os.path.join(top, "repo")
    roles, hosts = [], []
    for c in chains:
        d = os.path.join(repo, f"c{c['index']}")
        os.makedirs(d)
        for k, text in enumerate(c["intermediates"]):
            with open(os.path.join(d, f"ica-{k + 1}.pem"), "w") as f:
                f.write(text)
        with open(os.path.join(d, "leaf.pem"), "w") as f:
            f.write(c["leaf"])
        o = os.path.join(top, "openssl", f"c{c['index']}")  # openssl's inputs, outside the scanned repository
        os.makedirs(o)
        with open(os.path.join(o, "root.pem"), "w") as f:
            f.write(c["root"])
        with open(os.path.join(o, "untrusted.pem"), "w") as f:
            f.write("".join(c["intermediates"]))
        if c["host"]:
            roles.append(f'  "/c{c["index"]}/leaf.pem": server')
            hosts.append(f'  "/c{c["index"]}/leaf.pem": [{json.dumps(c["host"])}]')
    with open(os.path.join(top, "anchors.pem"), "w") as f:
        f.write("".join(c["root"] for c in chains))
    with open(os.path.join(repo, ".certlint.yml"), "w") as f:
        f.write("\n".join(["roles:"] + (roles or ['  "/none": server']) + ["hosts:"] + (hosts or ['  "/none": [x]'])
                          + (["validation:"] + conf if conf else [])) + "\n")
    return repo


def is_ip(host):
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        return False


def openssl_verdict(top, c, flags):
    o = os.path.join(top, "openssl", f"c{c['index']}")
    args = ["openssl", "verify", "-x509_strict", *flags, "-attime", EPOCH, "-CAfile", os.path.join(o, "root.pem")]
    if c["intermediates"]:
        args += ["-untrusted", os.path.join(o, "untrusted.pem")]
    if c["host"]:
        args += ["-purpose", "sslserver"]
        args += ["-verify_ip" if is_ip(c["host"]) else "-verify_hostname", c["host"]]
    leaf = os.path.join(top, "repo", f"c{c['index']}", "leaf.pem")
    p = subprocess.run(args + [leaf], capture_output=True, text=True, timeout=60)
    out = (p.stdout + p.stderr).splitlines()
    err = next((line.strip() for line in out if line.strip().startswith("error ")), None)
    if p.returncode == 0:
        return "SUCCESS", None
    return "FAILURE", err or next((line for line in out if line.strip()), "?")[:200]


def certlint_verdicts(cli, top, repo, timeout):
    report = os.path.join(top, "report.json")
    args = [cli, repo, "--json", report, "--fail-on", "none", "-q", "--now", NOW, "--ca", os.path.join(top, "anchors.pem")]
    p = subprocess.run(args, capture_output=True, text=True, timeout=timeout)
    if not os.path.exists(report):
        raise SystemExit(f"certlint exit {p.returncode}: {(p.stderr or p.stdout).strip()[:400]}")
    with open(report) as f:
        data = json.load(f)
    by_chain = {}
    for f in data.get("findings", []):
        if f.get("severity") != "error":
            continue
        rel = os.path.relpath(f.get("path") or "?", repo) if os.path.isabs(f.get("path") or "") else (f.get("path") or "?")
        parts = rel.replace("\\", "/").split("/")
        chain = next((x for x in parts if x.startswith("c") and x[1:].isdigit()), None)
        if chain is None:
            continue
        item = (f["rule"], parts[-1])
        by_chain.setdefault(int(chain[1:]), []).append(item)
    return by_chain


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("cli")
    ap.add_argument("--seed", type=int, default=24)
    ap.add_argument("--chains", type=int, default=2000)
    ap.add_argument("--batch", type=int, default=100)
    ap.add_argument("--report")
    ap.add_argument("--keep", help="keep the batches' repositories under this folder")
    ap.add_argument("--only", type=int, help="run only the batch holding this chain index")
    ap.add_argument("--timeout", type=int, default=600)
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    results = []
    for start in range(0, a.chains, a.batch):
        flags, conf, what = policy_inputs(rng)
        chains = []
        for i in range(start, min(a.chains, start + a.batch)):
            c = gen.chain(rng, i)
            c["index"] = i
            chains.append(c)
        if a.only is not None and not start <= a.only < start + a.batch:
            continue
        top = tempfile.mkdtemp(prefix=f"pathdiff-{start}-", dir=a.keep)
        repo = write_batch(top, chains, conf)
        found = certlint_verdicts(a.cli, top, repo, a.timeout)
        for c in chains:
            errors = found.get(c["index"], [])
            path = sorted({f"{r}@{f}" for r, f in errors if f == "leaf.pem" and r in PATH_RULES})
            other = sorted({f"{r}@{f}" for r, f in errors if not (f == "leaf.pem" and r in PATH_RULES)})
            mine = "FAILURE" if path else "SUCCESS"
            theirs, why = openssl_verdict(top, c, flags)
            r = {"index": c["index"], "policy": what, "certlint": mine, "openssl": theirs, "opensslError": why,
                 "pathErrors": path, "otherErrors": other, "traits": c["traits"], "host": c["host"],
                 "rootDepth": len(c["intermediates"]) + 1}
            if mine == theirs and (mine == "SUCCESS" or same_reason(r) is not False):
                r["outcome"] = "agree"
            else:
                cls, reason = classify(r)
                r.update(outcome=cls, reason=reason)
            results.append(r)
            if a.verbose or r["outcome"] == "UNEXPECTED":
                print(json.dumps(r))
        if a.keep is None:
            shutil.rmtree(top)
        counts = Counter(r["outcome"] for r in results)
        print(f"[{len(results)} chains] " + "  ".join(f"{k}: {v}" for k, v in sorted(counts.items())), file=sys.stderr)
    counts = Counter(r["outcome"] for r in results)
    agree_fail = sum(1 for r in results if r["outcome"] == "agree" and r["certlint"] == "FAILURE")
    print(f"\nseed {a.seed}: {len(results)} chains  agree: {counts['agree']} ({agree_fail} both FAILURE)  "
          f"by design: {counts['by-design']}  openssl deviation: {counts['openssl-deviation']}  "
          f"certlint gap: {counts['certlint-gap']}  UNEXPECTED: {counts['UNEXPECTED']}")
    for cls in ("by-design", "openssl-deviation", "certlint-gap"):
        for reason, n in Counter(r["reason"].split(":")[0] for r in results if r["outcome"] == cls).most_common():
            print(f"  {cls}, {reason}: {n}")
    if a.report:
        with open(a.report, "w") as f:
            json.dump(results, f, indent=1)
    sys.exit(1 if counts["UNEXPECTED"] else 0)


if __name__ == "__main__":
    main()
