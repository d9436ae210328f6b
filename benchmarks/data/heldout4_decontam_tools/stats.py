import json, collections, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
c = collections.Counter((r['kind'], r['evidence']) for r in rows)
print("| kind | evidence | rows |\n|---|---|---|")
for (k, e), v in sorted(c.items()): print(f"| {k} | {e} | {v} |")
print(f"| **total** | | **{len(rows)}** |\n")
for kind in ["reworded_leak", "clean_lookalike", "ordinary"]:
    sub = [r for r in rows if r['kind'] == kind]
    print(f"**{kind}** formats: " + ", ".join(f"{f} {n}" for f, n in collections.Counter(r['format'] for r in sub).most_common()))
    print(f"\n**{kind}** subtype tags: " + ", ".join(f"{f} {n}" for f, n in collections.Counter(s for r in sub for s in r['subtype']).most_common()) + "\n")
items = collections.Counter(r['humaneval'] for r in rows if r['humaneval'])
print(f"Distinct HumanEval items referenced: {len(items)} (leaks: {len(set(r['humaneval'] for r in rows if r['kind']=='reworded_leak'))}, look-alikes: {len(set(r['humaneval'] for r in rows if r['kind']=='clean_lookalike'))}); max rows per item: {max(items.values())}.")
