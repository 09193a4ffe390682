#!/usr/bin/env python3
"""Which pkilint finding codes no CertLint rule names in `equivalents: {pkilint: [...]}`.

    python3 bench/external/pkilint-coverage.py SOURCE [SOURCE ...] [--rules DIR] [--prefix TEXT] [--json FILE]

SOURCE is any mix of:
- a pkilint checkout or a folder of its `.py` files: every `ValidationFindingSeverity.X, 'code'` pair is read (the codes
  pkilint builds at run time from a classifier, such as `cabf.serverauth.subscriber.{extension}_extension_absent`, are
  not in the source as text; the `.crttest` cases below name those that its tests exercise);
- `.crttest` files or folders holding them (pkilint's tests/integration_certificate/): the severity and code columns of
  each case's expected findings;
- a text file of `SEVERITY code` lines (`#` starts a comment), e.g. codes copied by hand from pkilint's source.

--rules    the rule folder (default: rules/ beside this script's repository)
--prefix   report only codes that start with this text (e.g. `cabf.serverauth.`, `pkix.`)
--json     also write {code: {severity, sources, rules}} to FILE

Prints, per severity (FATAL, ERROR, WARNING, then the rest), the codes no rule names, and then the codes rules name that
no source lists (a typo, a code pkilint renamed, or one only a source not given here defines). Exit status 0.
Not needed by the test suite: pkilint's files are external material and are never committed to this repository.
"""
import argparse
import csv
import io
import json
import os
import re
import sys
from collections import defaultdict

import yaml

MAX_FILE_BYTES = 4 << 20
MAX_FILES = 20000
SEVERITIES = ["FATAL", "ERROR", "WARNING", "NOTICE", "INFO", "DEBUG"]
# ValidationFinding(ValidationFindingSeverity.ERROR, 'code') across one or more lines, either quote style.
SOURCE_CODE = re.compile(r"ValidationFindingSeverity\.([A-Z]+)\s*,\s*['\"]([a-z0-9_.]+)['\"]")
LIST_LINE = re.compile(r"^\s*([A-Z]+)\s+([a-z0-9_.]+)\s*(?:#.*)?$")


def read_text(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read(MAX_FILE_BYTES)


def walk(path):
    """Files under path (or path itself), at most MAX_FILES."""
    if os.path.isfile(path):
        yield path
        return
    count = 0
    for dirpath, dirs, files in os.walk(path):
        dirs.sort()
        for name in sorted(files):
            count += 1
            if count > MAX_FILES:
                return
            yield os.path.join(dirpath, name)


def crttest_codes(text):
    """(severity, code) of each expected finding: the CSV after the PEM block."""
    lines = [l.strip() for l in text.splitlines() if l.strip()]
    end = next((i for i, l in enumerate(lines) if "-----END" in l), None)
    if end is None:
        return []
    rows = csv.DictReader(io.StringIO("\n".join(lines[end + 1:])))
    return [(r.get("severity", "").strip().upper(), r.get("code", "").strip()) for r in rows if r.get("code")]


def read_sources(paths):
    """{code: {"severity": set, "sources": set}} over every source."""
    codes = defaultdict(lambda: {"severity": set(), "sources": set()})
    for top in paths:
        for path in walk(top):
            if path.endswith(".py"):
                found, kind = SOURCE_CODE.findall(read_text(path)), "source"
            elif path.endswith(".crttest"):
                found, kind = crttest_codes(read_text(path)), "tests"
            elif path.endswith(".txt"):
                found = [m.groups() for m in map(LIST_LINE.match, read_text(path).splitlines()) if m]
                kind = "list"
            else:
                continue
            for severity, code in found:
                codes[code]["severity"].add(severity)
                codes[code]["sources"].add(kind)
    return codes


def rule_names(rules_dir):
    """{pkilint code: [rule names]} from every rule file's equivalents."""
    named = defaultdict(list)
    for path in walk(rules_dir):
        if not path.endswith(".yml") or os.sep + "schema" + os.sep in path:
            continue
        try:
            rule = yaml.safe_load(read_text(path))
        except yaml.YAMLError:
            continue
        if not isinstance(rule, dict):
            continue
        for code in ((rule.get("equivalents") or {}).get("pkilint") or []):
            named[str(code)].append(str(rule.get("name")))
    return named


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sources", nargs="+")
    ap.add_argument("--rules", default=os.path.join(here, "..", "..", "rules"))
    ap.add_argument("--prefix", default="")
    ap.add_argument("--json")
    a = ap.parse_args()

    codes = read_sources(a.sources)
    named = rule_names(a.rules)
    if not codes:
        sys.exit("no pkilint codes found in the sources given")

    def worst(code):
        sev = codes[code]["severity"]
        return next((s for s in SEVERITIES if s in sev), sorted(sev)[0] if sev else "?")

    unnamed = defaultdict(list)
    for code in sorted(codes):
        if code.startswith(a.prefix) and code not in named:
            unnamed[worst(code)].append(code)
    listed = [c for c in codes if c.startswith(a.prefix)]
    print(f"{len(listed)} pkilint codes; {sum(1 for c in listed if c in named)} named by a rule; "
          f"{sum(len(v) for v in unnamed.values())} not named")
    for sev in SEVERITIES + sorted(set(unnamed) - set(SEVERITIES)):
        if unnamed.get(sev):
            print(f"\n{sev} ({len(unnamed[sev])}) not named by any rule:")
            for code in unnamed[sev]:
                print(f"  {code}  [{','.join(sorted(codes[code]['sources']))}]")
    stale = sorted(c for c in named if c.startswith(a.prefix) and c not in codes)
    if stale:
        print(f"\nNamed by rules but in no source given ({len(stale)}):")
        for code in stale:
            print(f"  {code}  ({', '.join(sorted(named[code]))})")
    if a.json:
        out = {c: {"severity": sorted(v["severity"]), "sources": sorted(v["sources"]), "rules": sorted(named.get(c, []))}
               for c, v in codes.items()}
        with open(a.json, "w") as f:
            json.dump(out, f, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
