import ast, json, random, re, sys, hashlib
sys.path.insert(0, '.')
from common import *
from paraphrases import PARA
from lookalikes import L, PROBES
from own_impls import PY, JS
from ordinary import O
from names import NEWNAME, ARGMAP

rng = random.Random(20261207)
OUT = '/work/heldout/decontam_heldout5_2026-12-07.jsonl'
rows = []; log = []

def norm(a):
    try: return repr(ast.literal_eval('(' + a + ',)'))
    except Exception: return a

DOC = {}; TST = {}
for n in range(164):
    p = item(n); e = p['entry_point']
    DOC[n] = extract_calls(p['prompt'].split('def ' + e, 1)[1], e)
    TST[n] = extract_calls(p['test'], 'candidate')

def mutate(v):
    if isinstance(v, bool) or v is None: return []
    if isinstance(v, int): return [v + 1, v + 3, abs(v) * 2 + 1]
    if isinstance(v, float): return [round(v + 0.7, 2), round(v * 1.5 + 0.3, 2)]
    if isinstance(v, str):
        return [s for s in {v[::-1], v + v[:1], v[1:], v.swapcase()} if s != v]
    if isinstance(v, list):
        out = [v[::-1]]
        if v: out += [v + [v[0]], v[1:]]
        if v and all(isinstance(x, int) and not isinstance(x, bool) for x in v):
            out.append([x + 1 for x in v])
        return [o for o in out if o != v]
    if isinstance(v, tuple):
        return [tuple(m) for m in mutate(list(v))]
    return []

def perturbed(n):
    seen = {norm(a) for a in DOC[n] + TST[n]}
    cands = []
    for a in (DOC[n] + TST[n])[:12]:
        try: args = list(ast.literal_eval('(' + a + ',)'))
        except Exception: continue
        for i, v in enumerate(args):
            for m in mutate(v):
                nargs = args[:]; nargs[i] = m
                s = ', '.join(repr(x) for x in nargs)
                if norm(s) not in seen and len(s) < 120:
                    seen.add(norm(s)); cands.append(s)
    return cands

_canon_cache = {}
def canon_run(n, calls):
    key = (n, tuple(calls))
    if key not in _canon_cache:
        _canon_cache[key] = run_calls(canonical_code(n), item(n)['entry_point'], calls)
    return _canon_cache[key]

def add(kind, n, evidence, fmt, text, notes, subtype):
    rows.append(dict(id=None, split='decontam_heldout5', kind=kind,
        humaneval=None if n is None else f'HumanEval/{n}', evidence=evidence, format=fmt,
        text=text, notes=notes, subtype=subtype))

def fence(code, lang='python'):
    return f"```{lang}\n{code.rstrip()}\n```"

# ---------------- rename canonical ----------------
class Renamer(ast.NodeTransformer):
    def __init__(self, fmap, amap, target):
        self.fmap, self.amap, self.target = fmap, amap, target; self.inside = False
    def visit_FunctionDef(self, node):
        is_t = node.name == self.target
        if node.name in self.fmap: node.name = self.fmap[node.name]
        if is_t:
            for a in node.args.args:
                a.arg = self.amap.get(a.arg, a.arg); a.annotation = a.annotation
            old = self.inside; self.inside = True
            self.generic_visit(node); self.inside = old
        else:
            self.generic_visit(node)
        return node
    def visit_Name(self, node):
        if node.id in self.fmap: node.id = self.fmap[node.id]
        elif self.inside and node.id in self.amap: node.id = self.amap[node.id]
        return node

def renamed_canonical(n, newname, keep_doc):
    p = item(n); e = p['entry_point']
    tree = ast.parse(canonical_code(n))
    fn = [x for x in tree.body if isinstance(x, ast.FunctionDef) and x.name == e][0]
    argnames = [a.arg for a in fn.args.args]
    amap = {a: ARGMAP.get(a, a + '_') for a in argnames} if newname != e else {}
    # avoid clobbering names used in body
    body_names = {x.id for x in ast.walk(fn) if isinstance(x, ast.Name)}
    for k, v in list(amap.items()):
        if v in body_names: amap[k] = v + '_in'
    tree = Renamer({e: newname} if newname != e else {}, amap, e).visit(tree)
    if not keep_doc:
        for f in ast.walk(tree):
            if isinstance(f, ast.FunctionDef) and f.body and isinstance(f.body[0], ast.Expr) and isinstance(getattr(f.body[0], 'value', None), ast.Constant) and isinstance(f.body[0].value.value, str):
                f.body = f.body[1:] or [ast.Pass()]
    src = ast.unparse(tree)
    if 'from typing' not in src and re.search(r'\b(List|Tuple|Optional|Any)\b', src):
        src = 'from typing import List, Tuple, Optional, Any\n\n' + src
    return src + '\n'

CODE_FORMATS = ['code_only', 'code_review', 'explain_then_code', 'chat', 'qa', 'multi_turn']
def code_text(fmt, code, lang, fenced, prose_after, blurb):
    body = fence(code, lang) if fenced else code.rstrip()
    if fmt == 'code_only':
        t = body
    elif fmt == 'code_review':
        t = f"Could someone review this {lang} before I merge it? Mainly style and edge cases.\n\n{body}"
    elif fmt == 'explain_then_code':
        t = f"Approach: {blurb}\n\nImplementation:\n\n{body}"
    elif fmt == 'chat':
        t = f"User: can you give me a {lang} version of this helper?\nAssistant: Sure, here it is:\n\n{body}"
    elif fmt == 'qa':
        t = f"Q: What's a clean way to write this in {lang}?\nA:\n{body}"
    else:
        t = f"User: I need a small utility for a side project.\nAssistant: What should it do?\nUser: Just write whatever you had in mind earlier.\nAssistant: Here you go:\n\n{body}"
    if prose_after:
        t += "\n\nThe function is self-contained, needs nothing beyond the standard library, and runs in a single pass over its input (or close to it), so it should be fast enough for typical sizes."
    return t

BLURBS = {"python": "keep it small, use plain loops and helpers where it reads better.", "javascript": "mirror the Python reference with plain loops."}

# ---------------- code leaks ----------------
NODOC = [n for n in range(164) if not DOC[n]]
EXTRA = [n for n in range(164) if DOC[n] and n not in PARA and n in NEWNAME]
code_jobs = []
for n, name, src in PY: code_jobs.append(('own', n, name, src))
for n in [x for x in NODOC if x in NEWNAME] + EXTRA:
    code_jobs.append(('canon', n, None, None))
ci = 0
for kind_, n, name, src in code_jobs:
    p = item(n); e = p['entry_point']
    keep_orig = (ci % 4 == 3)
    keep_doc = (ci % 2 == 0)
    if kind_ == 'canon':
        newname = e if keep_orig else NEWNAME[n]
        src = renamed_canonical(n, newname, keep_doc)
        fname = newname; tag = ['canonical_solution']
    else:
        fname = name; tag = ['independent_implementation']
        if name == e: tag.append('original_name')
        if src.count('def ') > 1: tag.append('helper_functions')
    ok = run_check(src, n, fname)
    if not ok:
        log.append(f'DROP code leak {n} {fname}: check failed'); continue
    fmt = CODE_FORMATS[ci % len(CODE_FORMATS)]
    fenced = (ci % 3 != 1); prose_after = (ci % 3 == 2)
    tags = tag + ['python', 'fenced' if fenced else 'unfenced']
    tags.append('original_name' if fname == e and 'original_name' not in tags else 'renamed' if fname != e else 'original_name')
    tags = list(dict.fromkeys(tags))
    if kind_ == 'canon': tags.append('with_docstring' if keep_doc else 'no_docstring')
    if prose_after: tags.append('prose_after')
    add('reworded_leak', n, 'code', fmt, code_text(fmt, src, 'python', fenced, prose_after, BLURBS['python']),
        f"Solution code; verified: HumanEval/{n} check({fname}) passes in a subprocess (timeout 30s).", tags)
    ci += 1

for n, name, src in JS:
    calls = [c for c in TST[n] if not re.search(r'\b(True|False|None)\b|\(|\d{16,}', c)]  # JS-compatible literals, exact ints only
    exp = canon_run(n, calls)
    got = run_js(src, name, calls)
    good = 0; bad = 0
    for c, ex, g in zip(calls, exp, got):
        if ex[0] != 'ok' or g[0] != 'ok': continue
        ev = eval(ex[1]); gv = json.loads(g[1]) if g[1] is not None else None
        if isinstance(ev, tuple): ev = list(ev)
        same = (abs(ev - gv) < 1e-9) if isinstance(ev, (int, float)) and isinstance(gv, (int, float)) and not isinstance(ev, bool) else ev == gv
        good += same; bad += (not same)
    if bad or good < 2:
        log.append(f'DROP js leak {n}: good={good} bad={bad}'); continue
    fmt = CODE_FORMATS[ci % len(CODE_FORMATS)]; fenced = (ci % 3 != 1); prose_after = (ci % 3 == 2)
    tags = ['independent_implementation', 'javascript', 'renamed', 'fenced' if fenced else 'unfenced'] + (['prose_after'] if prose_after else [])
    add('reworded_leak', n, 'code', fmt, code_text(fmt, src, 'javascript', fenced, prose_after, BLURBS['javascript']),
        f"JavaScript solution; verified with node: outputs equal the canonical Python solution on {good} of the item's test inputs (0 mismatches).", tags)
    ci += 1

# ---------------- prose leaks ----------------
def disp(a):
    try: return ', '.join(repr(x) for x in ast.literal_eval('(' + a + ',)'))
    except Exception: return a

def call_lines(e, pairs, style):
    pairs = [(disp(a), o) for a, o in pairs]
    if style == 0: return '\n'.join(f">>> {e}({a})\n{o}" for a, o in pairs)
    if style == 1: return '\n'.join(f"- {e}({a}) -> {o}" for a, o in pairs)
    if style == 2: return '\n'.join(f"{e}({a}) == {o}" for a, o in pairs)
    return '\n'.join(f"input: {a}   expected: {o}" for a, o in pairs)

PROSE_FORMATS = ['chat', 'multi_turn', 'qa', 'bullet_spec', 'ticket', 'exercise_sheet', 'docstring_only', 'explain_then_code']
def prose_text(fmt, para, e, sig, pairs, style, name_shown):
    ex = call_lines(name_shown, pairs, style)
    if fmt == 'chat':
        return f"User: I need a Python function `{name_shown}`. {para}\nFor instance:\n{ex}\nAssistant: Got it, I'll write it so those cases come out exactly like that."
    if fmt == 'multi_turn':
        return f"User: Help me with an exercise?\nAssistant: Sure, what is it?\nUser: {para}\nAssistant: Any sample cases?\nUser: Yes:\n{ex}\nAssistant: Thanks, that pins it down."
    if fmt == 'qa':
        return f"Q: {para} How would you implement `{name_shown}`, given that\n{ex}\nA: Work through the cases above first, then generalise."
    if fmt == 'bullet_spec':
        return f"Spec: {name_shown}\n* Behaviour: {para}\n* Cases:\n{ex}"
    if fmt == 'ticket':
        return f"TICKET-{int(hashlib.md5(para.encode()).hexdigest(), 16) % 9000 + 1000}: implement {name_shown}\nDescription: {para}\nAcceptance criteria:\n{ex}"
    if fmt == 'exercise_sheet':
        return f"Exercise 4. {para}\nName your function {name_shown}. Your answer must reproduce:\n{ex}"
    if fmt == 'docstring_only':
        ind = '\n'.join('    ' + l for l in ex.split('\n'))
        return f"def {sig}:\n    \"\"\"{para}\n\n{ind}\n    \"\"\"\n"
    return f"Let's reason about the task first. {para} Before writing any code, check our understanding against these:\n{ex}\nThe implementation follows once those cases are clear."

def sig_of(n, name):
    p = item(n); e = p['entry_point']
    m = re.search(r'def ' + re.escape(e) + r'(\(.*?\))\s*(->[^:]*)?:', p['prompt'])
    return name + (m.group(1) if m else '(...)')

para_items = [n for n in sorted(PARA) if DOC[n]]
pi = 0
for idx, n in enumerate(para_items):
    p = item(n); e = p['entry_point']
    evidence = 'examples' if idx % 2 == 0 else 'prose_new_values'
    if evidence == 'examples':
        calls = DOC[n][:4]
        res = canon_run(n, calls)
        pairs = [(a, r[1]) for a, r in zip(calls, res) if r[0] == 'ok']
        note = f"Docstring example inputs of HumanEval/{n}; outputs computed by running the canonical solution in a subprocess (2s/call)."
    else:
        cands = perturbed(n)
        res = canon_run(n, cands[:30]) if cands else []
        okc = [(a, r[1]) for a, r in zip(cands[:30], res) if r[0] == 'ok' and len(r[1]) < 150]
        rng.shuffle(okc)
        pairs = okc[:3]
        note = f"NEW inputs (not in the item's docstring or test); outputs computed by running the canonical solution of HumanEval/{n} in a subprocess (2s/call)."
    if len(pairs) < 2 and not (evidence == 'examples' and len(pairs) == 1):
        log.append(f'DROP prose leak {n} {evidence}: only {len(pairs)} pairs'); continue
    fmt = PROSE_FORMATS[pi % len(PROSE_FORMATS)]
    name_shown = e if pi % 3 else ['solve_it', 'my_function', 'helper', 'process', 'answer', 'compute'][(pi // 3) % 6]
    style = pi % 4
    text = prose_text(fmt, PARA[n], e, sig_of(n, name_shown), pairs, style, name_shown)
    tags = ['paraphrase', 'original_name' if name_shown == e else 'renamed', f'example_style_{style}']
    add('reworded_leak', n, evidence, fmt, text, note + ' Pairs: ' + '; '.join(f'{disp(a)} -> {o}' for a, o in pairs), tags)
    pi += 1

# ---------------- look-alikes ----------------
LA_FORMATS = ['code_only', 'docstring_only', 'chat', 'qa', 'bullet_spec', 'ticket', 'exercise_sheet', 'explain_then_code', 'code_review', 'multi_turn']
def with_doc(code, e, desc, ex):
    lines = code.rstrip().split('\n')
    i = [k for k, l in enumerate(lines) if l.startswith('def ' + e)][0]
    ind = '\n'.join('    ' + l for l in ex.split('\n')) if ex else ''
    doc = f'    """{desc}' + (f'\n{ind}\n    """' if ex else '"""')
    return '\n'.join(lines[:i + 1] + [doc] + lines[i + 1:]) + '\n'

li = 0
for n, tags, desc, code in L:
    p = item(n); e = p['entry_point']
    if sum(r['humaneval'] == f'HumanEval/{n}' for r in rows) >= 4:
        log.append(f'SKIP lookalike {n} "{desc[:40]}": item already has 4 rows'); continue
    cands = DOC[n] + [c for c in TST[n] if c not in DOC[n]]
    pert = perturbed(n)[:40]
    allc = cands + pert + PROBES.get(n, [])
    a = canon_run(n, allc)
    b = run_calls(code, e, allc)
    diff = None
    for c, x, y in zip(allc, a, b):
        if x[0] == 'ok' and y[0] == 'ok' and x[1] != y[1]:
            diff = (c, x[1], y[1]); break
    if diff is None:
        log.append(f'DROP lookalike {n} "{desc[:40]}": no differing input found'); continue
    passes = run_check(code, n, e)
    # examples shown: doc inputs with the look-alike's own outputs
    shown = [(c, y[1]) for c, y in zip(allc[:len(DOC[n])], b) if y[0] == 'ok'][:3]
    if diff[0] not in [s[0] for s in shown] and len(shown) < 4:
        shown.append((diff[0], diff[2]))
    style = li % 3
    ex = call_lines(e, shown, 0 if style == 0 else 1 if style == 1 else 2)
    fmt = LA_FORMATS[li % len(LA_FORMATS)]
    sig = code.split('\n')[[k for k, l in enumerate(code.split('\n')) if l.startswith('def ' + e)][0]][4:-1]
    full = with_doc(code, e, desc, ex)
    if fmt == 'code_only': text = full
    elif fmt == 'docstring_only': text = f"def {sig}:\n    \"\"\"{desc}\n\n" + '\n'.join('    ' + l for l in ex.split('\n')) + "\n    \"\"\"\n"
    elif fmt == 'chat': text = f"User: write `{e}` for me. {desc}\nExamples:\n{ex}\nAssistant:\n{fence(code)}"
    elif fmt == 'qa': text = f"Q: {desc} Signature: def {sig}\n{ex}\nA:\n{fence(code)}"
    elif fmt == 'bullet_spec': text = f"Spec for {e}\n* {desc}\n* Examples:\n{ex}\n* Reference:\n{fence(code)}"
    elif fmt == 'ticket': text = f"TICKET-{li + 2100}: {e} behaviour\nWhat it must do: {desc}\nChecks:\n{ex}"
    elif fmt == 'exercise_sheet': text = f"Exercise {li % 9 + 1}. {desc} Call it {e}.\n{ex}"
    elif fmt == 'explain_then_code': text = f"Idea: {desc}\n\n{full}"
    elif fmt == 'code_review': text = f"Review request: does this match the spec in the docstring?\n\n{fence(full)}"
    else: text = f"User: {desc}\nAssistant: Do you have examples?\nUser:\n{ex}\nAssistant:\n{fence(code)}"
    t2 = list(tags) + (['passes_item_check'] if passes else [])
    t2 = [t for t in t2 if t != 'passes_check_candidate']
    add('clean_lookalike', n, 'none', fmt, text,
        f"Different task. Differs from HumanEval/{n} canonical on {e}({disp(diff[0])}): canonical -> {diff[1]}, look-alike -> {diff[2]} (both run in subprocesses, 2s/call). Look-alike {'PASSES' if passes else 'fails'} the item's check().", t2)
    li += 1

# ---------------- ordinary ----------------
OF = [('chat', 'code_only'), ('qa', 'ticket'), ('explain_then_code', 'bullet_spec'), ('code_review', 'multi_turn')]
for k, (topic, req, code, lang) in enumerate(O):
    for j, fmt in enumerate(OF[k % len(OF)]):
        if fmt == 'chat': text = f"User: {req}\nAssistant:\n{fence(code, lang)}"
        elif fmt == 'code_only': text = code
        elif fmt == 'qa': text = f"Q: {req}\nA:\n{fence(code, lang)}"
        elif fmt == 'ticket': text = f"TICKET-{k + 500}: {topic}\n{req}\nProposed patch:\n{fence(code, lang)}"
        elif fmt == 'explain_then_code': text = f"{req} The idea is to lean on the standard tools for this.\n\n{fence(code, lang)}"
        elif fmt == 'bullet_spec': text = f"Spec: {topic}\n* {req}\n* Language: {lang}\n* Sketch:\n{fence(code, lang)}"
        elif fmt == 'code_review': text = f"Please review ({topic}):\n\n{fence(code, lang)}"
        else: text = f"User: {req}\nAssistant: Which language?\nUser: {lang}.\nAssistant:\n{fence(code, lang)}"
        add('ordinary', None, 'none', fmt, text, f"Ordinary {lang} record ({topic}); not a HumanEval task; written by hand.", [lang, topic.replace(' ', '_')])

# ids, per-item cap
from collections import Counter
cnt = Counter(r['humaneval'] for r in rows if r['humaneval'])
over = {k: v for k, v in cnt.items() if v > 4}
assert not over, over
for i, r in enumerate(rows):
    r['id'] = f"dh5-{i:04d}"
with open(OUT, 'w') as f:
    for r in rows: f.write(json.dumps(r, ensure_ascii=False) + '\n')
print('\n'.join(log))
print(Counter((r['kind'], r['evidence']) for r in rows))
print(Counter(r['format'] for r in rows))
