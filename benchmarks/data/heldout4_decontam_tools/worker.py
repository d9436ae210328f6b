"""Run in a subprocess: reads a JSON job on stdin, prints a JSON result.
jobs: {"op":"check","code":..,"fn":..,"n":..}  -> {"pass":bool,"err":..}
      {"op":"compare","code":..,"fn":..,"n":..,"inputs":[repr of tuples]} -> per input canon/variant reprs
      {"op":"canon","n":..,"inputs":[..]} -> canonical outputs
"""
import sys, json, copy, signal, ast
sys.setrecursionlimit(3000)
sys.path.insert(0, __file__.rsplit('/', 1)[0])
from he import prob, canon_code

class TO(Exception): pass
def _h(*a): raise TO()
signal.signal(signal.SIGALRM, _h)

def call(f, args, t=0.3):
    signal.setitimer(signal.ITIMER_REAL, t)
    try:
        r = f(*copy.deepcopy(args)); return ("ok", repr(r), r)
    except TO: return ("timeout", None, None)
    except Exception as e: return ("err", type(e).__name__, None)
    finally: signal.setitimer(signal.ITIMER_REAL, 0)

def load(code, fn):
    ns = {}; exec(code, ns); return ns, ns[fn]

job = json.loads(sys.stdin.read()); op = job["op"]; res = {}
if op == "check":
    try:
        _, f = load(job["code"], job["fn"])          # candidate in its own namespace
        ref = {}; exec(canon_code(job["n"]), ref)     # item's reference names (some tests call them)
        exec(prob(job["n"])["test"], ref)
        signal.alarm(8); ref["check"](f); signal.alarm(0)
        res = {"pass": True}
    except BaseException as e:
        res = {"pass": False, "err": type(e).__name__ + ":" + str(e)[:100]}
elif op in ("compare", "canon"):
    p = prob(job["n"])
    _, cf = load(canon_code(job["n"]), p["entry_point"])
    vf = load(job["code"], job["fn"])[1] if op == "compare" else None
    rows = []; tmo = 0
    for s in job["inputs"]:
        if tmo >= 3: break
        args = ast.literal_eval(s)
        c = call(cf, args)
        if vf is None:
            try: js = json.dumps(c[2])
            except Exception: js = None
            rows.append([s, c[0], c[1], js]); continue
        v = call(vf, args)
        tmo += (c[0] == "timeout") + (v[0] == "timeout")
        rows.append([s, c[0], c[1], v[0], v[1]])
    res = {"rows": rows}
print(json.dumps(res))
