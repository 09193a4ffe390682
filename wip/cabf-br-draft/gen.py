import os, sys, textwrap
sys.path.insert(0, '/tmp/partb')
from spec import rules
out = sys.argv[1]
os.makedirs(out, exist_ok=True)
BRURL = "https://cabforum.org/working-groups/server/baseline-requirements/requirements/"
for i, r in enumerate(rules):
    rid = f"CL{2000 + i}"
    r['id'] = rid
    eq = ""
    if r['zlint']:
        eq = "equivalents:\n  zlint: [" + ", ".join(r['zlint']) + "]\n"
    eff = f"effective: {r['effective']}\n" if not r['until'] else f"effective: {{ from: {r['effective']}, until: {r['until']} }}\n"
    where = "where:\n  kind: certificate\n"
    if r['where']:
        where += "  match:\n    all:\n" + r['where']
    check = r['check']
    check_yaml = "check:" + (check if check.startswith("\n") else " " + check) + "\n"
    text = r['text'].replace('"', '\\"')
    y = f"""# yaml-language-server: $schema=../schema/rule.schema.json
id: {rid}
name: {r['name']}
pack: cabf-br
title: {r['title']}
description: >
{textwrap.indent(textwrap.fill(r['title'] + '. CA/B Forum TLS Baseline Requirements section ' + r['section'] + ('; the same check as zlint ' + ', '.join(r['zlint']) if r['zlint'] else '; zlint has no lint for it') + '.', 114), '  ')}
severity: {r['sev']}
tags: [cabf-br]
citation:
  source: CA/B Forum Baseline Requirements 2.1
  section: "{r['section']}"
  text: "{text}"
  url: {BRURL}
{eq}{eff}{where}{check_yaml}message: "{r['msg'].replace(chr(34), chr(92)+chr(34))}"
remediation: >
  Reissue the certificate from a CA profile that meets BR §{r['section']}; for a private PKI that is not bound by the
  Baseline Requirements, leave the cabf-br pack off.
references:
  - title: "CA/B Forum Baseline Requirements §{r['section']}"
    url: {BRURL}
"""
    open(f"{out}/{r['name']}.yml", "w").write(y)
    md = f"""# {r['name']} ({rid})

**{r['title']}** · pack `cabf-br` (off by default) · default severity: `{r['sev']}` · effective for certificates issued on or after {r['effective']}{(' and before ' + r['until']) if r['until'] else ''}

## What it flags

{r['msg'].replace('{{', '`').replace('}}', '`')}

Equivalents: {', '.join('zlint `' + z + '`' for z in r['zlint']) or 'none in zlint'}.

## Why it matters

The CA/B Forum Baseline Requirements bind every publicly-trusted TLS certificate; browsers distrust CAs that break them.
BR §{r['section']}:

> {r['text']}

## Example

The fixtures `tests/fixtures/rules/cabf-br/{r['name']}/fail/` and `.../pass/` hold one chain that breaks the requirement
and one that meets it.

## Parameters

This rule has no parameters.

## Configure or suppress

The rule runs only with the cabf-br pack on (`packs: [+cabf-br]` or `--pack +cabf-br`). Change or turn off this one
rule in `.certlint.yml`:

```yaml
rules:
  {r['name']}: {{ severity: warning }}   # error | warning | note | off
```

## References

- [CA/B Forum Baseline Requirements §{r['section']}]({BRURL})
"""
    open(f"{out}/{r['name']}.md", "w").write(md)
print(len(rules), "rules")
