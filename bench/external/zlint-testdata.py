#!/usr/bin/env python3
"""Check CertLint's rules against zlint's own test certificates.

For every zlint lint that a CertLint rule names in `equivalents: {zlint: [...]}` (in the chosen packs), take zlint's
test cases (test file, input .pem, expected status) and ask whether CertLint reported a rule that claims that lint:

    zlint Error / Warn / Notice  => CertLint must report one of the claiming rules
    zlint Pass / NA / NE         => CertLint must report none of them (NE and NA are CertLint's notEffective /
                                    notApplicable, never findings)

Usage (nothing here is needed by the test suite; the zlint material is a measurement and is never committed):

    bench/external/zlint-testdata.py --zlint ~/src/zlint --cli src/CertLint.Cli/bin/Release/net10.0/certlint \
        [--packs rfc5280,community,root-programs,core] [--expect cases.tsv] [--testdata DIR] [--show all|differ]

--zlint      a zlint checkout; test cases are read from v3/lints/**/lint_*_test.go and inputs from v3/testdata/
--expect     instead of parsing the Go tests, a TSV of `lint<TAB>file<TAB>status` lines (status as zlint names it)
--testdata   where the .pem inputs are (default: ZLINT/v3/testdata); a missing input is counted as `missing`
--packs      the CertLint packs whose rules are compared (core is rules/*.yml); cabf-br is another valid entry
--rules      the rules folder to read equivalents from (default: rules/ next to this script's repository)

Each input is linted alone (`certlint FILE --pack ... --json`), with `--now` one day after the certificate's notBefore
(read with `openssl x509`) or the CRL's thisUpdate (`openssl crl`; zlint's CRL tests call TestRevocationListLint), or
2030-01-01 when both fail, so expiry never hides or adds anything. Prints one line per
lint (cases, agree, differ) and the totals; `--show differ` lists every disagreement with what CertLint reported.
"""
import argparse, collections, datetime, glob, json, os, re, subprocess, sys, tempfile

STATUS_RE = re.compile(r'lint\.(Pass|NA|NE|Warn|Error|Notice|Fatal)\b')
PEM_RE = re.compile(r'"([^"\s]+\.pem)"')
LINT_RE = re.compile(r'Test(?:RevocationList)?Lint(?:WithConfig)?\(\s*(?:t,\s*)?"([a-z]_[A-Za-z0-9_\-]+)"')
FIRES = {'Error', 'Warn', 'Notice'}
QUIET = {'Pass', 'NA', 'NE'}


def parse_go_tests(zlint):
    """(lint, file, status) from zlint's tests: each .pem literal pairs with the nearest lint.Status literal."""
    cases = []
    for path in sorted(glob.glob(os.path.join(zlint, 'v3', 'lints', '**', 'lint_*_test.go'), recursive=True)):
        text = open(path, encoding='utf-8', errors='replace').read()
        names = LINT_RE.findall(text)
        if len(set(names)) != 1:
            continue  # no lint name, or several lints in one file: cannot tell which case belongs to which
        events = sorted([(m.start(), 'pem', m.group(1)) for m in PEM_RE.finditer(text)] +
                        [(m.start(), 'status', m.group(1)) for m in STATUS_RE.finditer(text)])
        pem = status = None
        for _, kind, value in events:
            if kind == 'pem':
                if status:
                    cases.append((names[0], value, status)); status = None
                else:
                    pem = value
            elif pem:
                cases.append((names[0], pem, value)); pem = None
            else:
                status = value
    return cases


def read_tsv(path):
    rows = [l.rstrip('\n').split('\t') for l in open(path, encoding='utf-8') if l.strip() and not l.startswith('#')]
    return [tuple(r[:3]) for r in rows if len(r) >= 3]


def rule_claims(rules_dir, packs):
    """zlint lint -> set of CertLint rule names claiming it, for rules in the chosen packs."""
    claims = collections.defaultdict(set)
    for path in glob.glob(os.path.join(rules_dir, '**', '*.yml'), recursive=True):
        rel = os.path.relpath(path, rules_dir)
        pack = 'core' if os.sep not in rel else rel.split(os.sep)[0]
        if pack not in packs:
            continue
        text = open(path, encoding='utf-8').read()
        name = re.search(r'^name:\s*(\S+)', text, re.M)
        # `zlint: [a, b]` or a block list (`zlint:` then `  - a` lines), as the CRL rules write it
        zl = re.search(r'zlint:\s*\[([^\]]*)\]', text)
        block = re.search(r'^  zlint:\s*\n((?:  - .*\n)+)', text, re.M)
        lints = zl.group(1).split(',') if zl else [l.strip()[2:] for l in block.group(1).splitlines()] if block else []
        if name:
            for lint in (x.strip().strip('\'"') for x in lints):  # a quoted name may hold a space
                if lint:
                    claims[lint].add(name.group(1))
    return claims


def now_for(pem):
    """One day after the certificate's notBefore, or after the CRL's thisUpdate (zlint judges CRLs as of thisUpdate)."""
    try:
        out = subprocess.run(['openssl', 'crl', '-in', pem, '-noout', '-lastupdate'], capture_output=True, text=True,
                             timeout=30).stdout
        if out.startswith('lastUpdate='):
            tu = datetime.datetime.strptime(out.strip().split('=', 1)[1].replace('  ', ' '), '%b %d %H:%M:%S %Y %Z')
            return (tu + datetime.timedelta(days=1)).strftime('%Y-%m-%dT%H:%M:%SZ')
    except Exception:
        pass
    try:
        out = subprocess.run(['openssl', 'x509', '-in', pem, '-noout', '-startdate'], capture_output=True, text=True,
                             timeout=30).stdout
        nb = datetime.datetime.strptime(out.strip().split('=', 1)[1].replace('  ', ' '), '%b %d %H:%M:%S %Y %Z')
        return (nb + datetime.timedelta(days=1)).strftime('%Y-%m-%dT%H:%M:%SZ')
    except Exception:
        return '2030-01-01T00:00:00Z'


def lint_file(cli, pem, packs):
    """Rule names CertLint reported for this file alone, or None when it could not run."""
    with tempfile.TemporaryDirectory() as tmp:
        report = os.path.join(tmp, 'r.json')
        args = [cli, pem, '--json', report, '--now', now_for(pem)]
        for p in packs:
            args += ['--pack', p]
        subprocess.run(args, capture_output=True, text=True, timeout=300, cwd=tmp)
        if not os.path.exists(report):
            return None
        data = json.load(open(report, encoding='utf-8'))
        return {f.get('rule') for f in data.get('findings', [])}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--zlint', default='')
    ap.add_argument('--cli', required=True)
    ap.add_argument('--packs', default='rfc5280,community,root-programs,core')
    ap.add_argument('--expect')
    ap.add_argument('--testdata')
    ap.add_argument('--rules', default=os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'rules'))
    ap.add_argument('--show', choices=['all', 'differ'], default='differ')
    a = ap.parse_args()
    a.cli = os.path.abspath(a.cli)
    packs = [p.strip() for p in a.packs.split(',') if p.strip()]
    cases = read_tsv(a.expect) if a.expect else parse_go_tests(a.zlint)
    testdata = a.testdata or os.path.join(a.zlint, 'v3', 'testdata')
    claims = rule_claims(a.rules, packs)
    cache, per_lint, totals = {}, collections.OrderedDict(), collections.Counter()
    unclaimed = sorted({lint for lint, _, _ in cases} - set(claims))
    for lint, file, status in sorted(set(cases)):
        rules = claims.get(lint)
        if not rules or status not in FIRES | QUIET:
            continue
        pem = os.path.abspath(os.path.join(testdata, file))
        row = per_lint.setdefault(lint, collections.Counter())
        if not os.path.exists(pem):
            row['missing'] += 1; totals['missing'] += 1
            continue
        if pem not in cache:
            cache[pem] = lint_file(a.cli, pem, packs)
        got = cache[pem]
        row['cases'] += 1; totals['cases'] += 1
        if got is None:
            verdict = 'no-report'
        else:
            fired = sorted(rules & got)
            verdict = 'agree' if bool(fired) == (status in FIRES) else 'differ'
        row[verdict] += 1; totals[verdict] += 1
        if a.show == 'all' or verdict != 'agree':
            print(f'  {verdict:9} {lint} {file}: zlint {status}, CertLint '
                  f'{", ".join(sorted(rules & got)) if got else "nothing"} (claims: {", ".join(sorted(rules))})')
    print(f'{"lint":62} cases agree differ missing')
    for lint, c in per_lint.items():
        print(f'{lint:62} {c["cases"]:5} {c["agree"]:5} {c["differ"] + c["no-report"]:6} {c["missing"]:7}')
    print(f'zlint lints with test cases that no rule of these packs claims ({len(unclaimed)}): {" ".join(unclaimed)}')
    print(f'TOTAL lints={len(per_lint)} cases={totals["cases"]} agree={totals["agree"]} '
          f'differ={totals["differ"] + totals["no-report"]} missing={totals["missing"]} packs={",".join(packs)}')


if __name__ == '__main__':
    main()
