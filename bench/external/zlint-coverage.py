#!/usr/bin/env python3
"""Which zlint lints no CertLint rule names in `equivalents: {zlint: [...]}`, folder by folder.

zlint's lints are read either from a checkout (every `Name: "e_..."` registered in v3/lints/FOLDER/*.go, test files
left out) or from a list written by hand (`--names FILE`, one `FOLDER NAME` pair a line, `#` starts a comment), for
when only some of zlint's files are at hand. The names the rules claim are read by the same code as
zlint-testdata.py (every pack, core included).

    bench/external/zlint-coverage.py --zlint ~/src/zlint [--show unnamed|all|none]
    bench/external/zlint-coverage.py --names lints.txt

Prints, per folder, how many lints a rule names and which it does not, then the names rules claim that the list
does not hold (a typo, a lint zlint renamed, or one the list leaves out), and the totals. Nothing here is needed by
the test suite; zlint's files are a measurement and are never committed.
"""
import argparse, collections, glob, importlib.util, os, re

NAME_RE = re.compile(r'\bName:\s*"([enw]_[^"]+)"')
LINE_RE = re.compile(r'^\s*(\S+)\s+([enw]_\S+)\s*$')
MAX_FILE = 1 << 20  # a lint file is a few KB; a larger one is not zlint's


def load_claims(rules_dir):
    """zlint lint -> CertLint rules naming it, over every pack (zlint-testdata.py's reader)."""
    here = os.path.dirname(os.path.abspath(__file__))
    spec = importlib.util.spec_from_file_location('zlint_testdata', os.path.join(here, 'zlint-testdata.py'))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    packs = {'core'} | {d for d in os.listdir(rules_dir) if os.path.isdir(os.path.join(rules_dir, d)) and d != 'schema'}
    return module.rule_claims(rules_dir, packs)


def lints_from_checkout(zlint):
    """(folder, name) for every lint registered under v3/lints."""
    found = set()
    for path in sorted(glob.glob(os.path.join(zlint, 'v3', 'lints', '*', '*.go'))):
        if path.endswith('_test.go') or os.path.getsize(path) > MAX_FILE:
            continue
        folder = os.path.basename(os.path.dirname(path))
        with open(path, encoding='utf-8', errors='replace') as f:
            found.update((folder, name) for name in NAME_RE.findall(f.read()))
    return found


def lints_from_list(path):
    found = set()
    with open(path, encoding='utf-8') as f:
        for number, line in enumerate(f, 1):
            line = line.split('#', 1)[0]
            if not line.strip():
                continue
            m = LINE_RE.match(line)
            if not m:
                raise SystemExit(f'{path}:{number}: expected "FOLDER NAME"')
            found.add((m.group(1), m.group(2)))
    return found


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    source = ap.add_mutually_exclusive_group(required=True)
    source.add_argument('--zlint', help='a zlint checkout')
    source.add_argument('--names', help='a FOLDER NAME list')
    ap.add_argument('--rules', default=os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'rules'))
    ap.add_argument('--show', choices=['unnamed', 'all', 'none'], default='unnamed')
    a = ap.parse_args()
    lints = lints_from_checkout(a.zlint) if a.zlint else lints_from_list(a.names)
    claims = load_claims(os.path.abspath(a.rules))
    by_folder = collections.defaultdict(list)
    for folder, name in sorted(lints):
        by_folder[folder].append(name)
    total = named = 0
    print(f'{"folder":16} {"lints":>5} {"named":>5} {"unnamed":>7}')
    for folder, names in sorted(by_folder.items()):
        hit = [n for n in names if n in claims]
        total += len(names); named += len(hit)
        print(f'{folder:16} {len(names):5} {len(hit):5} {len(names) - len(hit):7}')
        for n in names:
            if a.show == 'all' or (a.show == 'unnamed' and n not in claims):
                print(f'    {"named  " if n in claims else "UNNAMED"} {n}'
                      f'{"  (" + ", ".join(sorted(claims[n])) + ")" if n in claims else ""}')
    listed = {name for _, name in lints}
    unknown = sorted(set(claims) - listed)
    print(f'claimed by a rule but not in the list ({len(unknown)}): {" ".join(unknown)}')
    print(f'TOTAL lints={total} named={named} unnamed={total - named} names-claimed={len(claims)}')


if __name__ == '__main__':
    main()
