#!/usr/bin/env python3
"""Run OpenSSL's verify suite (test/recipes/25-test_verify.t) through `openssl verify` and CertLint, compare verdicts.

25-test_verify.t states each case as one call of its helper, `ok(verify(LEAF, PURPOSE, [TRUSTED...], [UNTRUSTED...],
OPTIONS...), "description")` (`ok(!verify(...))` for a case that must fail); the helper runs `openssl verify
-auth_level 1 [-purpose PURPOSE] OPTIONS -trusted T.pem... -untrusted U.pem... LEAF.pem` in test/certs. The
certificates are made by test/certs/setup.sh (with mkcert.sh); regenerate them outside this repository (OpenSSL's
files are external material, never committed here) and point CERTS_DIR at them:

    python3 bench/external/openssl-verify-cases.py VERIFY_T CERTS_DIR CERTLINT_CLI [--only SUBSTRING] [--report FILE]
        [-v] [--now ISO8601] [--openssl PATH] [--timeout SECONDS]

Each case is run twice, with the same files, at the same time:
- the oracle: the machine's `openssl verify` with the helper's arguments, plus `-attime` (the case's own, or --now) so
  that both verifiers judge the same instant; its exit status 0 is SUCCESS. Where the oracle's verdict is not the
  suite's (ok / ok(!...)), the case is printed as `oracle-differs` (a version or regeneration difference), and
  CertLint is still compared with the oracle;
- CertLint: a temporary repository with the leaf as peer.pem and every untrusted certificate under chain/, each
  trusted file a `--ca` (named anchors are exclusive); `-purpose sslserver` makes peer.pem a server in `.certlint.yml`
  `roles:`, `sslclient` a client, `smimesign` an email peer, no purpose no role (the path alone is validated); `-verify_depth N` is
  `--max-chain-depth N`; `-attime` (or --now) is `--now`; `-policy OID` is `--policy OID` and `-explicit_policy`
  `validation.requireExplicitPolicy`. Other purposes (codesign, timestampsign, smimeencrypt, ...) are skipped, as are cases whose
  files CERTS_DIR lacks (upstream checks some in rather than generating them) and cases with Perl variables as options.

CertLint's verdict is pathjudge.judge()'s, as for x509-limbo: FAILURE when an error of PATH_RULES is reported on the
peer. A difference from the oracle is classed (BY_DESIGN below: OpenSSL-only trust settings, security levels, proxy
certificates, -x509_strict, and the differences docs/chains.md lists) or printed as UNEXPECTED: a candidate CertLint
defect to judge by hand against RFC 5280 §6. Exit status 1 when any case is UNEXPECTED or could not run.

Not needed by the test suite: OpenSSL's test data stays outside this repository.
"""
import argparse
import datetime
import json
import os
import re
import subprocess
import sys
import tempfile

from pathjudge import judge, run_cli, summarize  # beside this file: the verdict shared with limbo-cases.py

ROLES = {"sslserver": "server", "sslclient": "client", "smimesign": "email", "": None}
MAX_T_BYTES = 1 << 20
MAX_CASES = 2000
MAX_CERT_BYTES = 1 << 20
# OpenSSL options without a CertLint counterpart that do not change the path CertLint validates: the case is run, and
# a difference is classed by the option (BY_OPTION).
BY_OPTION = {
    "-partial_chain": "partial-chain: a `--ca` anchor is trusted as given whatever it is (§6.1 trust anchor input); "
                      "OpenSSL accepts a non-self-signed trusted certificate only with -partial_chain",
    "-x509_strict": "x509-strict: OpenSSL's strict mode adds profile checks (pathLen on a non-CA, AKID presence); "
                    "CertLint reports profile defects with the rfc5280 pack's rules, not as a path failure",
    "-allow_proxy_certs": "proxy-certs: CertLint knows no RFC 3820 proxy certificates; a leaf issued by an end entity "
                          "has no path (issuer-not-ca), with or without -allow_proxy_certs",
    "-check_ss_sig": "check-ss-sig: the anchor's self-signature is not checked (trusted as given)",
}
# Differences judged one by one, by leaf and trusted files: the reason, and CertLint's path errors it must come with.
JUDGED = {
    # trusted [root-cert, cca-cert], untrusted [ca-cert]: cca-cert and ca-cert share name and key.
    ("ee-cert", ("root-cert", "cca-cert")): (set(), "trusted-first: another valid path exists (ee-cert, the untrusted "
                                             "ca-cert, root-cert); CertLint's search backtracks to it, OpenSSL's "
                                             "trusted-first picks the trusted cca-cert and fails on its clientAuth EKU"),
    **{(leaf, ("root-cert",)): (set(), "cn-only-without-san: a host-like subject CN is checked against dNSName "
                                       "constraints only when the leaf has no subjectAltName (docs/chains.md Name "
                                       "constraints, as Chromium and rustls-webpki); this leaf's SAN holds only "
                                       "email addresses and IP addresses, which OpenSSL takes as reason to check the CN")
       for leaf in ("badcn1-cert", "badalt6-cert", "badalt7-cert")},
}
# Options taking a value; the value is read with them.
VALUED = {"-auth_level", "-verify_depth", "-attime", "-policy", "-vfyopt", "-provider-path", "-purpose"}


def perl_args(text):
    """The arguments of one Perl call: strings, qw() and [ ] lists (lists as Python lists), barewords/variables."""
    out, i, n = [], 0, len(text)
    stack = [out]
    while i < n:
        c = text[i]
        if c in " \t\r\n,":
            i += 1
        elif c in "\"'":
            j = text.index(c, i + 1)
            stack[-1].append(text[i + 1:j])
            i = j + 1
        elif text.startswith("qw(", i):
            j = text.index(")", i)
            words = text[i + 3:j].split()
            if len(stack) > 1:
                stack[-1].extend(words)  # [qw(a b)] is the list (a, b): Perl flattens
            else:
                stack[-1].append(words)
            i = j + 1
        elif c == "[":
            stack[-1].append([])
            stack.append(stack[-1][-1])
            i += 1
        elif c == "]":
            stack.pop()
            i += 1
        elif c == "#":
            i = text.find("\n", i) if "\n" in text[i:] else n
        else:
            m = re.match(r"[@$]?[\w:]+", text[i:])
            if not m:
                raise ValueError(f"unexpected {c!r}")
            stack[-1].append(("perl", m.group(0)))
            i += m.end()
    return out


def balanced(text, start):
    """Index of the parenthesis closing the one at text[start - 1], skipping quoted strings."""
    depth, i = 1, start
    while i < len(text) and depth:
        c = text[i]
        if c in "\"'":
            i = text.index(c, i + 1)
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        i += 1
    if depth:
        raise ValueError("unbalanced parentheses")
    return i - 1


def parse_cases(text):
    """Each verify() case of a 25-test_verify.t: line, expected verdict, description, leaf, purpose, lists, options."""
    blocks = [(m.start(), balanced(text, m.end())) for m in re.finditer(r"\bwith\(", text)]
    exit2 = [(a, b) for a, b in blocks if re.search(r"exit_checker\s*=>\s*sub\s*\{\s*return\s+shift\s*==\s*2\b", text[a:b])]
    cases = []
    for m in re.finditer(r"\bok(?:_nofips)?\(\s*(!?)\s*verify\(", text):
        if len(cases) >= MAX_CASES:
            break
        line = text.count("\n", 0, m.start()) + 1
        end = balanced(text, m.end())
        close = balanced(text, text.index("(", m.start()) + 1)
        desc = perl_args(text[end + 1:close])
        case = {"line": line, "description": desc[0] if desc and isinstance(desc[0], str) else "?"}
        failing = m.group(1) == "!"
        if any(a <= m.start() <= b for a, b in exit2):
            failing = True  # the helper's exit status must be 2 (verification failure): ok() then means FAILURE
        case["expected"] = "FAILURE" if failing else "SUCCESS"
        try:
            args = perl_args(text[m.end():end])
            leaf, purpose, trusted, untrusted, opts = args[0], args[1], args[2], args[3], args[4:]
            if not (isinstance(leaf, str) and isinstance(purpose, str) and isinstance(trusted, list)
                    and isinstance(untrusted, list)):
                raise ValueError("not verify(LEAF, PURPOSE, [..], [..], ...)")
            case.update(leaf=leaf, purpose=purpose, trusted=trusted, untrusted=untrusted, opts=opts)
        except (ValueError, IndexError) as e:
            case["unparsed"] = str(e)
        cases.append(case)
    return cases


def options(opts):
    """{option: value or True} of a case's OpenSSL options (the last one wins, as in openssl)."""
    out, i = {}, 0
    while i < len(opts):
        o = opts[i]
        if o in VALUED and i + 1 < len(opts):
            out[o] = opts[i + 1]
            i += 2
        else:
            out[o] = True
            i += 1
    return out


def run_openssl(openssl, certs, case, attime, timeout):
    args = [openssl, "verify", "-auth_level", "1"]
    if case["purpose"]:
        args += ["-purpose", case["purpose"]]
    args += case["opts"]
    if "-attime" not in case["opts"]:
        args += ["-attime", str(attime)]
    for t in case["trusted"]:
        args += ["-trusted", os.path.join(certs, t + ".pem")]
    for u in case["untrusted"]:
        args += ["-untrusted", os.path.join(certs, u + ".pem")]
    args.append(os.path.join(certs, case["leaf"] + ".pem"))
    try:
        proc = subprocess.run(args, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "FAILURE", "timeout"
    last = (proc.stdout + proc.stderr).strip().splitlines()
    return ("SUCCESS" if proc.returncode == 0 else "FAILURE"), (last[-1][:160] if last else "")


def run_certlint(cli, certs, case, opts, now, timeout):
    with tempfile.TemporaryDirectory(prefix="osslv-") as tmp:
        repo = os.path.join(tmp, "repo")
        os.makedirs(os.path.join(repo, "chain"))
        anchors = [os.path.join(certs, t + ".pem") for t in case["trusted"]]
        for i, u in enumerate(case["untrusted"]):
            with open(os.path.join(certs, u + ".pem"), "rb") as src, \
                    open(os.path.join(repo, "chain", f"{i}-{u}.pem"), "wb") as dst:
                dst.write(src.read(MAX_CERT_BYTES))
        with open(os.path.join(certs, case["leaf"] + ".pem"), "rb") as src, \
                open(os.path.join(repo, "peer.pem"), "wb") as dst:
            dst.write(src.read(MAX_CERT_BYTES))
        config = []
        if ROLES[case["purpose"]]:
            config.append(f'roles:\n  "peer.pem": {ROLES[case["purpose"]]}\n')
        if "-explicit_policy" in opts:
            config.append("validation:\n  requireExplicitPolicy: true\n")
        with open(os.path.join(repo, ".certlint.yml"), "w") as f:
            f.write("".join(config))
        report = os.path.join(tmp, "report.json")
        args = [cli, repo, "--json", report, "--fail-on", "none", "-q", "--now", now]
        for a in anchors:
            args += ["--ca", a]
        if "-verify_depth" in opts:
            args += ["--max-chain-depth", str(max(0, min(64, int(opts["-verify_depth"]))))]
        if "-policy" in opts:
            args += ["--policy", opts["-policy"]]
        return run_cli(args, report, timeout)


def trust_files(case, certs):
    """Trusted files carrying OpenSSL aux trust settings (`openssl x509 -trustout`: BEGIN TRUSTED CERTIFICATE)."""
    out = []
    for t in case["trusted"]:
        with open(os.path.join(certs, t + ".pem"), "rb") as f:
            if b"BEGIN TRUSTED CERTIFICATE" in f.read(MAX_CERT_BYTES):
                out.append(t)
    return out


def by_design(case, opts, certs, oracle, certlint, path_errors, other_errors):
    """The reason a difference from the oracle is by design (docs/chains.md "OpenSSL's verify suite"), or None."""
    rules = {e.split("@")[0] for e in path_errors}
    others = {e.split("@")[0] for e in other_errors}
    need, judged = JUDGED.get((case["leaf"], tuple(case["trusted"])), (None, None))
    if judged and need == rules:
        return judged
    aux = trust_files(case, certs)
    if aux:
        return ("aux-trust: OpenSSL's trust settings on a trusted file (-addtrust / -addreject, "
                f"{' '.join(aux)}) are OpenSSL-only; CertLint reads the certificate and trusts it as given")
    expired = {f"cert-expired@{t}.pem" for t in case["trusted"]} & set(other_errors)
    if certlint == "SUCCESS" and expired:
        return f"anchor-trusted-as-given: an expired trust anchor (§6.1); {' '.join(sorted(expired))} on its own file"
    if certlint == "SUCCESS" and case["leaf"] in case["trusted"] and "-partial_chain" not in opts:
        return ("direct-trust: the peer is itself a `--ca` anchor, trusted as given like any anchor (§6.1); OpenSSL "
                "takes a trusted certificate that is not self-signed as an anchor only with -partial_chain")
    for o, reason in BY_OPTION.items():
        if o in opts:
            return reason
    if certlint == "SUCCESS":  # the oracle rejects
        if "-auth_level" in opts or others & {"weak-key", "weak-signature", "weak-signature-algorithm"}:
            return ("security-level: OpenSSL's -auth_level rejects weak keys and digests anywhere on the path; "
                    "CertLint reports them (weak-key, weak-signature...) on the certificate that has them")
        if "ec-key-invalid" in others:
            return ("explicit-ec-parameters: a key with explicit curve parameters (RFC 5480 §2.1.1: MUST NOT) is "
                    "reported by ec-key-invalid on the certificate that has it, not as a path failure")
        if "subject-email-not-in-san" in others:
            return ("subject-email-with-san: RFC 5280 §4.2.1.10 applies rfc822Name constraints to the subject's "
                    "emailAddress when there is no subjectAltName; this leaf has one, and its subject address "
                    "missing from it is subject-email-not-in-san on the leaf (OpenSSL checks the attribute always)")
        return None
    if rules == {"leaf-is-ca"}:
        return "leaf-is-ca: a CA certificate as the server or client leaf"
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("verify_t")
    ap.add_argument("certs")
    ap.add_argument("cli")
    ap.add_argument("--only", default="")
    ap.add_argument("--report")
    ap.add_argument("--now", help="validation time (default: when this script started)")
    ap.add_argument("--openssl", default="openssl")
    ap.add_argument("--timeout", type=int, default=120)
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args()

    if not os.access(a.cli, os.X_OK):
        sys.exit(f"{a.cli}: not an executable CertLint CLI (build it: dotnet build CertLint.sln -c Release)")
    if os.path.getsize(a.verify_t) > MAX_T_BYTES:
        sys.exit(f"{a.verify_t} is larger than {MAX_T_BYTES} bytes: not 25-test_verify.t?")
    with open(a.verify_t, encoding="utf-8") as f:
        cases = parse_cases(f.read())
    if not cases:
        sys.exit(f"{a.verify_t}: no ok(verify(...)) case found")
    now = datetime.datetime.fromisoformat((a.now or datetime.datetime.now(datetime.timezone.utc)
                                           .strftime("%Y-%m-%dT%H:%M:%SZ")).replace("Z", "+00:00"))
    if now.tzinfo is None:
        now = now.replace(tzinfo=datetime.timezone.utc)
    print(f"validation time (unless a case gives -attime): {now.strftime('%Y-%m-%dT%H:%M:%SZ')}")
    print(subprocess.run([a.openssl, "version"], capture_output=True, text=True).stdout.strip())

    results = []
    for case in cases:
        cid = f"{case['line']}:{case.get('leaf', '?')}: {case['description']}"
        if a.only not in cid:
            continue
        r = {"id": cid, "expected": case["expected"]}
        skip = None
        if "unparsed" in case:
            skip = f"not a verify(LEAF, PURPOSE, [..], [..]) call the script can read ({case['unparsed']})"
        elif any(not isinstance(o, str) for o in case["opts"]):
            skip = "options given by Perl variables (the FIPS provider block)"
        elif case["purpose"] not in ROLES:
            skip = f"purpose {case['purpose']} (CertLint roles: server, client, email)"
        else:
            missing = [x for x in [case["leaf"]] + case["trusted"] + case["untrusted"]
                       if not os.path.isfile(os.path.join(a.certs, x + ".pem"))]
            if missing:
                skip = "certificates setup.sh does not make (checked in upstream, not regenerated)"
                r["missing"] = missing
        if skip:
            r.update(outcome="skipped", reason=skip)
            results.append(r)
            if a.verbose:
                print(f"skipped     {cid}: {skip}")
            continue
        opts = options(case["opts"])
        when = now
        if "-attime" in opts:
            when = datetime.datetime.fromtimestamp(int(opts["-attime"]), datetime.timezone.utc)
        oracle, said = run_openssl(a.openssl, a.certs, case, int(now.timestamp()), a.timeout)
        r.update(openssl=oracle, opensslSaid=said)
        report, error = run_certlint(a.cli, a.certs, case, opts, when.strftime("%Y-%m-%dT%H:%M:%SZ"), a.timeout)
        if report is None:
            r.update(outcome="error", reason=error)
        else:
            verdict, path_errors, other_errors = judge(report)
            r.update(certlint=verdict, pathErrors=path_errors, otherErrors=other_errors)
            if verdict == oracle:
                r["outcome"] = "agree"
            else:
                reason = by_design(case, opts, a.certs, oracle, verdict, path_errors, other_errors)
                r.update(outcome="by-design" if reason else "UNEXPECTED", reason=reason)
        results.append(r)
        flag = "" if oracle == case["expected"] else f" [oracle-differs: the suite expects {case['expected']}]"
        if a.verbose or r["outcome"] != "agree" or flag:
            errs = " ".join(r.get("pathErrors", []) + [f"({e})" for e in r.get("otherErrors", [])])
            print(f"{r['outcome']:11} {cid}: openssl {oracle} ({said}), CertLint {r.get('certlint', '-')} {errs} "
                  f"{r.get('reason') or ''}{flag}")

    differs = sum(1 for r in results if "openssl" in r and r["openssl"] != r["expected"])
    summarize(results, a.report, f"  (oracle differs from the suite: {differs})")


if __name__ == "__main__":
    main()
