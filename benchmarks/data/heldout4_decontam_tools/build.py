"""Generate split B rows; every label is verified by running code in subprocesses (worker.py / node)."""
import ast, json, random, subprocess, sys, os, re, tempfile
from concurrent.futures import ThreadPoolExecutor
HERE = os.path.dirname(os.path.abspath(__file__)); sys.path.insert(0, HERE)
from he import *
from para import PARA
from leakdata import ALT_PY, ALT_JS, NEWIN
from lookdata import V
from ordinary import ORD

rng = random.Random(20261203)
LOG = open(os.path.join(HERE, "build_log.txt"), "w")

def W(job, timeout=60):
    try:
        r = subprocess.run([sys.executable, os.path.join(HERE, "worker.py")], input=json.dumps(job),
                       capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        print("WORKER TIMEOUT", job.get("op"), job.get("n"), file=LOG); return {"pass": False, "err": "timeout", "rows": []}
    if r.returncode != 0: raise RuntimeError(r.stderr[-500:])
    return json.loads(r.stdout)

def check(code, fn, n): return W({"op": "check", "code": code, "fn": fn, "n": n})
def canon(n, inputs): return W({"op": "canon", "n": n, "inputs": [repr(tuple(a)) for a in inputs]})["rows"]
def compare(code, fn, n, inputs): return W({"op": "compare", "code": code, "fn": fn, "n": n, "inputs": [repr(tuple(a)) for a in inputs]})["rows"]

def call_str(name, args): return f"{name}({', '.join(repr(a) for a in args)})"

def camel(s):
    parts = s.split('_'); return parts[0] + ''.join(x.title() for x in parts[1:])

ROWS = []
def add(kind, n, evidence, fmt, text, notes, subtype):
    ROWS.append({"kind": kind, "humaneval": tid(n) if n is not None else None, "evidence": evidence,
                 "format": fmt, "text": text, "notes": notes, "subtype": subtype})

def ex_lines(name, pairs, style):
    out = []
    for a, o in pairs:
        if style == 0: out.append(f"    >>> {call_str(name, a)}\n    {o}")
        elif style == 1: out.append(f"- {call_str(name, a)} -> {o}")
        elif style == 2: out.append(f"Input: {', '.join(repr(x) for x in a)}\nOutput: {o}")
        elif style == 3: out.append(f"{call_str(name, a)} == {o}")
        else: out.append(f"* for {', '.join(repr(x) for x in a)} the answer is {o}")
    return "\n".join(out)

# ------------------------------------------------------------------ reworded leaks: code
CODE_ITEMS = [0,2,5,8,11,14,18,20,21,25,28,33,37,40,46,49,54,63,65,69,80,88,106,109,113,119,127,129,146,
              104,111,148]
CODE_FMTS = ["chat|py", "explain-then-code|py", "code only, comment header|py", "Q/A|py", "multi-turn|py",
             "code with original docstring|py", "bullet spec + code|py", "code review request|py"]

def code_text(fmt, task, code, name):
    fence = f"```python\n{code.rstrip()}\n```"
    if fmt == "chat|py":
        return f"User: {task} Please write it in Python and call it `{name}`.\n\nAssistant: Sure, here is an implementation:\n\n{fence}\n\nIt runs in a single pass over the input for the common case."
    if fmt == "explain-then-code|py":
        return f"Problem. {task}\n\nApproach: handle the edge cases first, then walk the input once and build the answer.\n\nImplementation:\n\n{fence}"
    if fmt == "code only, comment header|py":
        return "# " + task + "\n" + code
    if fmt == "Q/A|py":
        return f"Q: {task}\nA:\n{code}"
    if fmt == "multi-turn|py":
        return (f"[user] I'm practising for interviews. {task}\n[assistant] What have you tried so far?\n[user] Nothing yet, just show me a working answer.\n[assistant] Here you go:\n{fence}")
    if fmt == "code with original docstring|py":
        return f"Reference solution ({task.split('.')[0].lower()}):\n\n{fence}"
    if fmt == "bullet spec + code|py":
        return f"Spec:\n- {task}\n- Function name: {name}\n\nSolution:\n{fence}"
    return f"Can you review my code? It should do this: {task}\n\n{fence}\n\nI think it's correct but I'd like a second opinion on style."

def build_code_leaks():
    jobs = []
    for i, n in enumerate(CODE_ITEMS):
        p = prob(n); ep = p["entry_point"]; fmt = CODE_FMTS[i % len(CODE_FMTS)]
        mode = i % 4
        strip = fmt != "code with original docstring|py"
        argmap = None; tags = ["canonical_solution"]
        if mode == 0: name = ep; tags.append("original_name")
        elif mode == 1: name = camel(ep) if camel(ep) != ep else ep + "_v2"; tags.append("renamed_function")
        elif mode == 2: name = "solve"; tags.append("renamed_function")
        else:
            name = "helper_" + str(n); tags.append("renamed_function")
            args = [a.arg for a in ast.parse(canon_code(n)).body[-1].args.args] if False else None
        if mode == 3:
            fdef = [d for d in ast.walk(ast.parse(canon_code(n))) if isinstance(d, ast.FunctionDef) and d.name == ep][0]
            argmap = {a.arg: f"arg{k}" for k, a in enumerate(fdef.args.args)}; tags.append("renamed_args")
        code = renamed_canon(n, name, strip_doc=strip, argmap=argmap)
        tags.append("docstring_kept" if not strip else "docstring_removed")
        tags.append("fenced" if "```" in code_text(fmt, "", code, name) else "unfenced")
        jobs.append((n, name, code, fmt, tags))
    for n, (name, code) in ALT_PY.items():
        fmt = ["chat|py", "explain-then-code|py", "Q/A|py", "code review request|py"][n % 4]
        jobs.append((n, name, code, fmt, ["independent_rewrite", "renamed_function", "docstring_removed"]))
    def run(job):
        n, name, code, fmt, tags = job
        r = check(code, name, n)
        return job, r
    with ThreadPoolExecutor(2) as ex:
        for (n, name, code, fmt, tags), r in ex.map(run, jobs):
            if not r["pass"]:
                print("CODE LEAK FAILED", n, r, file=LOG); continue
            text = code_text(fmt, PARA[n], code, name)
            assert code.strip() in text
            add("reworded_leak", n, "code", fmt, text,
                f"Python solution as `{name}`; verified: the item's check() passes on this exact code (subprocess).", tags)
    # JavaScript
    for n, (name, code) in ALT_JS.items():
        ins = check_inputs(n)
        rows = canon(n, ins)
        good = [(a, json.loads(r[3])) for a, r in zip(ins, rows) if r[1] == "ok" and r[3] is not None]
        harness = code + "\nconst I = " + json.dumps([list(a) for a, _ in good]) + ";\nconsole.log(JSON.stringify(I.map(a => " + name + "(...a))));\n"
        with tempfile.NamedTemporaryFile("w", suffix=".js", delete=False) as f: f.write(harness); fn = f.name
        out = subprocess.run(["node", fn], capture_output=True, text=True, timeout=20); os.unlink(fn)
        try: got = json.loads(out.stdout)
        except Exception: print("JS FAIL", n, out.stderr[:300], file=LOG); continue
        ok = all((g == e) or (isinstance(e, float) and abs(g - e) < 1e-9) for g, (_, e) in zip(got, good)) and len(got) == len(good) and good
        if not ok:
            print("JS MISMATCH", n, [(g, e) for g, (_, e) in zip(got, good) if g != e][:3], file=LOG); continue
        fmt = ["chat|js", "explain-then-code|js", "Q/A|js"][n % 3]
        fence = f"```javascript\n{code}\n```"
        if fmt == "chat|js": text = f"User: In JavaScript: {PARA[n]}\n\nAssistant:\n{fence}"
        elif fmt == "Q/A|js": text = f"Q: {PARA[n]} (JavaScript please)\nA:\n{code}"
        else: text = f"Task: {PARA[n]}\n\nIn JS we can do this directly:\n\n{fence}"
        add("reworded_leak", n, "code", fmt, text,
            f"JavaScript solution `{name}`; verified with node: equals the canonical solution's output on all {len(good)} inputs of the item's check().",
            ["javascript", "independent_rewrite", "renamed_function"])

# ------------------------------------------------------------------ reworded leaks: examples / new values
EX_ITEMS = [1,4,6,7,9,10,12,13,15,16,17,19,22,26,27,29,30,31,34,35,36,39,42,44,47,51,52,55,56,57,59,60,61,62,64,
            66,69,70,73,85,99,121,136,145,155,156]
PROSE_FMTS = ["bullet spec", "Q/A", "chat", "exercise sheet", "docstring only", "multi-turn", "ticket", "plain prose"]

def prose_text(fmt, n, task, name, pairs, style_seed):
    p = prob(n)
    if fmt == "docstring only":
        sig = signature(n).replace("def " + p["entry_point"] + "(", "def " + name + "(")
        imp = "\n".join(imports(n)); imp = imp + "\n\n" if imp else ""
        return f'{imp}{sig}\n    """{task}\n\n{ex_lines(name, pairs, 0)}\n    """\n'
    ex = ex_lines(name, pairs, [1, 2, 3, 4][style_seed % 4])
    if fmt == "bullet spec":
        return f"Spec for `{name}`:\n- {task}\n- Examples:\n{ex}"
    if fmt == "Q/A":
        return f"Q: {task} Name the function {name}.\nExamples:\n{ex}\nA: (answer not included)"
    if fmt == "chat":
        return f"User: I need a function {name}. {task} It should behave like this:\n{ex}\nAssistant: Happy to help. Which language are you using?"
    if fmt == "exercise sheet":
        return f"Exercise {style_seed % 17 + 1}. {task}\n\nTest your `{name}` against:\n{ex}"
    if fmt == "multi-turn":
        return f"[user] {task}\n[assistant] Could you give a few sample cases?\n[user] Sure:\n{ex}\n[assistant] Thanks, that clarifies the edge cases."
    if fmt == "ticket":
        return f"TICKET-{1000 + style_seed}: implement `{name}`\nDescription: {task}\nAcceptance criteria:\n{ex}"
    return f"{task} For instance, {'; '.join(call_str(name, a) + ' gives ' + o for a, o in pairs)}."

def build_prose_leaks():
    for i, n in enumerate(EX_ITEMS):
        ins = doc_inputs(n)[:4]
        rows = canon(n, ins)
        pairs = [(a, r[2]) for a, r in zip(ins, rows) if r[1] == "ok"]
        if len(pairs) < 1: print("NO EX", n, file=LOG); continue
        ep = prob(n)["entry_point"]; name = ep if i % 3 else camel(ep)
        fmt = PROSE_FMTS[i % len(PROSE_FMTS)]
        text = prose_text(fmt, n, PARA[n], name, pairs, i)
        add("reworded_leak", n, "examples", fmt, text,
            f"Task reworded; the {len(pairs)} example input(s) are the item's own docstring examples; outputs computed by running the canonical solution (subprocess).",
            ["own_docstring_examples", "no_code"] + (["renamed_function"] if name != ep else ["original_name"]))
    items = sorted(NEWIN)
    for i, n in enumerate(items):
        ins = NEWIN[n]
        old = set(map(repr, doc_inputs(n) + check_inputs(n)))
        clash = [a for a in ins if repr(tuple(a)) in old]
        if clash: print("NEWIN CLASH", n, clash, file=LOG); ins = [a for a in ins if repr(tuple(a)) not in old]
        rows = canon(n, ins)
        pairs = [(a, r[2]) for a, r in zip(ins, rows) if r[1] == "ok"]
        if len(pairs) < 2: print("NEWIN few", n, rows, file=LOG); continue
        ep = prob(n)["entry_point"]; name = ep if i % 2 else (camel(ep) if camel(ep) != ep else ep)
        fmt = PROSE_FMTS[(i + 3) % len(PROSE_FMTS)]
        text = prose_text(fmt, n, PARA[n], name, pairs, i + 50)
        add("reworded_leak", n, "prose_new_values", fmt, text,
            f"Task reworded with {len(pairs)} NEW example inputs (none among the item's docstring or check inputs); outputs computed by running the canonical solution (subprocess).",
            ["new_example_values", "no_code"] + (["renamed_function"] if name != ep else ["original_name"]))

# ------------------------------------------------------------------ look-alikes
def consts(code):
    s = set()
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Constant) and node.value not in (0, 1, '', None, True, False, 2, -1, ' '):
            if isinstance(node.value, (int, float, str)) and not (isinstance(node.value, str) and len(node.value) > 30):
                s.add(node.value)
    return s

def with_doc(code, n, desc, pairs, ep):
    """Replace the variant's def line by the item's signature line and insert a docstring."""
    lines = code.rstrip().split("\n"); sig = signature(n)
    k = next(i for i, l in enumerate(lines) if l.startswith("def " + ep + "("))
    doc = f'    """ {desc}\n' + ex_lines(ep, pairs, 0) + '\n    """'
    imp = [l for l in imports(n) if l not in lines]
    return "\n".join(imp + ([""] if imp else []) + lines[:k] + [sig, doc] + lines[k+1:]) + "\n"

EDGE = {0, 2, 15, 45, 53, 60, 133, 152, 157}  # variants whose spec differs only at a boundary / out-of-domain inputs
LOOK_FMTS = ["docstring+code|py", "docstring only", "chat|py", "Q/A", "docstring+code|py", "explain-then-code|py", "bullet spec", "docstring only"]

def build_lookalikes():
    def run(args):
        idx, (n, desc, code, tags, extra) = args
        ep = prob(n)["entry_point"]
        ins = gen_inputs(n, k=80, seed=idx, extra=extra)
        return idx, compare(code, ep, n, ins), check(code, ep, n)
    res = {}
    with ThreadPoolExecutor(2) as ex:
        for idx, cmp_rows, chk in ex.map(run, list(enumerate(V))):
            res[idx] = (cmp_rows, chk)
    for idx, (n, desc, code, tags, extra) in enumerate(V):
        p = prob(n); ep = p["entry_point"]
        cmp_rows, chk = res[idx]
        docset = set(map(repr, doc_inputs(n)))
        valid = [r for r in cmp_rows if r[1] == "ok"]
        diff = [r for r in valid if r[3] == "ok" and r[2] != r[4]]
        if not diff:
            print("LOOKALIKE NOT DIFFERENT", n, desc[:50], file=LOG); continue
        # the variant's signature must equal the item's
        vf = [d for d in ast.walk(ast.parse(code)) if isinstance(d, ast.FunctionDef) and d.name == ep][0]
        cf = [d for d in ast.walk(ast.parse(canon_code(n))) if isinstance(d, ast.FunctionDef) and d.name == ep][0]
        assert [a.arg for a in vf.args.args] == [a.arg for a in cf.args.args], (n, ep)
        st = ["same_name", "same_signature", "docstring_shape"]
        passes = chk["pass"]
        if passes: st.append("passes_item_check")
        if "reused_skeleton" in tags: st.append("reused_skeleton")
        if "pass_cand" in tags and n in EDGE: st.append("edge_case_difference")
        # examples to show: variant outputs, never identical to an (item input, canonical output) pair
        shown = []
        d_doc = [r for r in diff if r[0] in docset and r[3] == "ok"]
        if d_doc: st.append("shares_example_values")
        for r in d_doc[:2] + [r for r in diff if r[0] not in docset and r[3] == "ok"][:3]:
            if len(shown) < 3 and r not in shown: shown.append(r)
        chkset = set(map(repr, check_inputs(n)))
        same_nondoc = [r for r in valid if r[3] == "ok" and r[2] == r[4] and r[0] not in docset and r[0] not in chkset]
        if same_nondoc and len(shown) < 4 and idx % 2: shown.append(same_nondoc[0])
        if not shown: print("NO SHOWABLE", n, file=LOG); continue
        pairs = [(ast.literal_eval(r[0]), r[4]) for r in shown]
        lits = consts(code) & consts(canon_code(n))
        if lits: st.append("shares_literals")
        fmt = LOOK_FMTS[idx % len(LOOK_FMTS)]
        full = with_doc(code, n, desc, pairs, ep)
        # re-verify the exact code that goes into the text (behaviour and check status must be unchanged)
        if "code" in fmt or fmt.endswith("|py"):
            chk2 = check(full, ep, n)
            cmp2 = compare(full, ep, n, [ast.literal_eval(r[0]) for r in diff[:5]])
            assert chk2["pass"] == passes and all(a[4] == b[4] for a, b in zip(cmp2, diff[:5])), (n, chk2)
        if fmt == "docstring+code|py": text = full
        elif fmt == "docstring only":
            text = "\n".join(imports(n) + ([""] if imports(n) else []) + [signature(n), f'    """ {desc}\n' + ex_lines(ep, pairs, 0) + '\n    """']) + "\n"
        elif fmt == "chat|py":
            text = f"User: Implement `{ep}` so that: {desc}\n\nAssistant:\n```python\n{code.rstrip()}\n```"
        elif fmt == "Q/A":
            text = f"Q: Write {ep}{signature(n)[4 + len(ep):].rstrip(':')}. {desc}\nExamples:\n{ex_lines(ep, pairs, 1)}\nA: (left as an exercise)"
        elif fmt == "explain-then-code|py":
            text = f"{desc}\n\nWe keep the same interface, `{signature(n)[4:].rstrip(':')}`, and implement it as follows:\n\n```python\n{full.rstrip()}\n```"
        else:
            text = f"Spec for `{ep}`:\n- {desc}\n- Examples:\n{ex_lines(ep, pairs, 1)}"
        w = diff[0]
        note = (f"Different task from {tid(n)}; verified in a subprocess: differs from the canonical solution on {len(diff)}/{len(valid)} generated inputs, "
                f"e.g. {ep}{w[0] if w[0].endswith(',)') is False else w[0][:-2] + ')'} -> canonical {w[2]}, this task {w[4] if w[3]=='ok' else w[3]}. "
                f"Item's check(): {'PASSES' if passes else 'fails'}.")
        if lits: note += f" Shared literals: {sorted(map(repr, lits))[:4]}."
        add("clean_lookalike", n, "none", fmt, text, note, st)

def build_ordinary():
    for i, (fmt, text, tags) in enumerate(ORD):
        add("ordinary", None, "none", fmt, text, "Ordinary programming record unrelated to any HumanEval task (checked by hand against the item list).", tags)

if __name__ == "__main__":
    build_code_leaks(); print("code", len(ROWS), flush=True)
    build_prose_leaks(); print("prose", len(ROWS), flush=True)
    build_lookalikes(); print("look", len(ROWS), flush=True)
    build_ordinary()
    rng.shuffle(ROWS)
    out = os.path.join(os.path.dirname(HERE), "decontam_heldout4_2026-12-03.jsonl")
    with open(out, "w") as f:
        for i, r in enumerate(ROWS):
            row = {"id": f"decontamB-{i+1:04d}", "split": "decontam_heldout4"}; row.update(r)
            row = {k: row[k] for k in ["id", "split", "kind", "humaneval", "evidence", "format", "text", "notes", "subtype"]}
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print("wrote", len(ROWS), out)
