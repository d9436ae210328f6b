"""Independent re-check of the written split, reading only the .jsonl text.
- code leaks (py): extract the code from the text, the item's check() must pass (subprocess worker)
- code leaks (js): extract code, run node on the item's check inputs, compare with canonical outputs
- examples / prose_new_values leaks: parse every shown example, outputs must equal the canonical solution's;
  examples leaks: inputs must be docstring inputs; prose_new_values: inputs must be new
- look-alikes: shown examples must NOT all agree with the canonical solution; code in text: check() status must
  match the passes_item_check tag and the code must differ from canonical on some shown/generated input
- ordinary: python code blocks must compile
"""
import ast, json, re, sys, os, subprocess, tempfile
HERE = os.path.dirname(os.path.abspath(__file__)); sys.path.insert(0, HERE)
from he import *

def W(job):
    r = subprocess.run([sys.executable, os.path.join(HERE, "worker.py")], input=json.dumps(job), capture_output=True, text=True, timeout=90)
    return json.loads(r.stdout)

def code_of(text, lang="python"):
    m = re.findall(r"```" + lang + r"\n(.*?)```", text, re.S)
    if m: return max(m, key=len)
    if text.lstrip().startswith(("def ", "from ", "import ")): return text
    for head in ("\nA:\n",):
        if head in text: return text.split(head, 1)[1]
    if text.startswith("# "): return text.split("\n", 1)[1]
    return None

def defined_fn(code, ep):
    names = [d.name for d in ast.parse(code).body if isinstance(d, ast.FunctionDef)]
    return ep if ep in names else names[-1]

def parse_examples(text, name):
    out = []
    for m in re.finditer(r">>> " + re.escape(name) + r"\((.*)\)\n\s*(.+)", text): out.append((m.group(1), m.group(2)))
    for m in re.finditer(r"^(?:- )?" + re.escape(name) + r"\((.*)\) (?:->|==|gives) (.+?)$", text, re.M): out.append((m.group(1), m.group(2)))
    for m in re.finditer(re.escape(name) + r"\(([^\n]*?)\) gives (.+?)(?:; |\.$)", text): out.append((m.group(1), m.group(2)))
    for m in re.finditer(r"^Input: (.*)\nOutput: (.*)$", text, re.M): out.append((m.group(1), m.group(2)))
    for m in re.finditer(r"^\* for (.*) the answer is (.*)$", text, re.M): out.append((m.group(1), m.group(2)))
    res = []
    for a, o in out:
        try: args = ast.literal_eval("(" + a + ",)") if a.strip() else ()
        except Exception: continue
        if (args, o.strip()) not in res: res.append((args, o.strip()))
    return res

def main(path):
    rows = [json.loads(l) for l in open(path)]
    bad = []; stats = {}
    for r in rows:
        k = (r["kind"], r["evidence"]); ok = True; why = ""
        n = int(r["humaneval"].split("/")[1]) if r["humaneval"] else None
        t = r["text"]
        if r["kind"] == "reworded_leak" and r["evidence"] == "code":
            if r["format"].endswith("|js"):
                code = code_of(t, "javascript") or t.split("\nA:\n", 1)[1]
                name = re.search(r"function (\w+)", code).group(1)
                ins = check_inputs(n); can = W({"op": "canon", "n": n, "inputs": [repr(tuple(a)) for a in ins]})["rows"]
                good = [(a, json.loads(c[3])) for a, c in zip(ins, can) if c[1] == "ok" and c[3]]
                h = code + "\nconsole.log(JSON.stringify(" + json.dumps([list(a) for a, _ in good]) + ".map(a => " + name + "(...a))));"
                with tempfile.NamedTemporaryFile("w", suffix=".js", delete=False) as f: f.write(h)
                got = json.loads(subprocess.run(["node", f.name], capture_output=True, text=True, timeout=20).stdout); os.unlink(f.name)
                ok = got == [e for _, e in good]; why = "js mismatch"
            else:
                code = code_of(t); fn = defined_fn(code, prob(n)["entry_point"])
                res = W({"op": "check", "code": code, "fn": fn, "n": n}); ok = res["pass"]; why = str(res)
        elif r["kind"] == "reworded_leak":
            names = set(re.findall(r"\b(\w+)\(", t)) | {prob(n)["entry_point"]}
            ep = prob(n)["entry_point"]; cands = [ep, ep.split("_")[0] + "".join(x.title() for x in ep.split("_")[1:])]
            ex = []
            for nm in cands:
                ex = parse_examples(t, nm)
                if ex: break
            can = W({"op": "canon", "n": n, "inputs": [repr(tuple(a)) for a, _ in ex]})["rows"]
            ok = bool(ex) and all(c[1] == "ok" and c[2] == o for (a, o), c in zip(ex, can))
            known = set(map(repr, doc_inputs(n))); oldall = known | set(map(repr, check_inputs(n)))
            if r["evidence"] == "examples": ok = ok and all(repr(tuple(a)) in known for a, _ in ex)
            else: ok = ok and all(repr(tuple(a)) not in oldall for a, _ in ex)
            why = f"examples {ex[:2]} canon {[c[2] for c in can][:2]}"
        elif r["kind"] == "clean_lookalike":
            ep = prob(n)["entry_point"]; ex = parse_examples(t, ep)
            if ex:
                can = W({"op": "canon", "n": n, "inputs": [repr(tuple(a)) for a, _ in ex]})["rows"]
                agree = [c[1] == "ok" and c[2] == o for (a, o), c in zip(ex, can)]
                ok = not all(agree); why = "all shown examples agree with canonical"
                # never show an (item docstring input, canonical output) pair
                dk = set(map(repr, doc_inputs(n)))
                if any(g and repr(tuple(a)) in dk for g, (a, _) in zip(agree, ex)): ok = False; why = "shows item's own example pair"
            code = code_of(t) if ("|py" in r["format"] or r["format"].startswith("docstring+code")) else None
            if code:
                res = W({"op": "check", "code": code, "fn": ep, "n": n})
                if res["pass"] != ("passes_item_check" in r["subtype"]): ok = False; why = "check status vs tag " + str(res)
                ins = [a for a, _ in ex] + gen_inputs(n, k=60, seed=7)
                cmp = W({"op": "compare", "code": code, "fn": ep, "n": n, "inputs": [repr(tuple(a)) for a in ins]})["rows"]
                if not any(c[1] == "ok" and c[3] == "ok" and c[2] != c[4] for c in cmp): ok = False; why = "no difference found"
            elif not ex: ok = False; why = "no code and no examples"
        else:
            for m in re.findall(r"```python\n(.*?)```", t, re.S):
                try: compile(m, "x", "exec")
                except SyntaxError as e: ok = False; why = str(e)
        stats.setdefault(k, [0, 0]); stats[k][0 if ok else 1] += 1
        if not ok: bad.append((r["id"], r["humaneval"], r["kind"], r["evidence"], why[:200]))
    for k, v in sorted(stats.items(), key=str): print(k, "ok", v[0], "bad", v[1])
    for b in bad: print("BAD", b)
    return bad

if __name__ == "__main__":
    main(sys.argv[1])
