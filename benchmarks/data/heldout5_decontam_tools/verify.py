"""Independent re-verification of every row of the JSONL, re-deriving everything from the row text."""
import ast, json, re, sys
sys.path.insert(0, '.')
from common import *
from lookalikes import L
from collections import Counter
rows = [json.loads(l) for l in open('/work/heldout/decontam_heldout5_2026-12-07.jsonl')]
res = Counter(); bad = []
PROSE_TAIL = "\n\nThe function is self-contained"

def code_of(text):
    m = re.findall(r"```(?:python|javascript)\n(.*?)```", text, re.S)
    if m: return m[0]
    t = text.split(PROSE_TAIL)[0]
    lines = t.split('\n')
    k = next(i for i, l in enumerate(lines) if re.match(r'(def |import |from |function |class )', l))
    return '\n'.join(lines[k:]) + '\n'

def pairs_of(text, name=None):
    name = name or r'\w+'
    out = []; lines = text.split('\n')
    for i, l in enumerate(lines):
        s = l.strip()
        m = re.match(r'^>>> ' + name + r'\((.*)\)$', s)
        if m and i + 1 < len(lines): out.append((m.group(1), lines[i + 1].strip())); continue
        m = re.match(r'^(?:- )?' + name + r'\((.*)\) (?:->|==) (.*)$', s)
        if m: out.append((m.group(1), m.group(2))); continue
        m = re.match(r'^input: (.*)   expected: (.*)$', s)
        if m: out.append((m.group(1), m.group(2)))
    return out

def norm(a):
    try: return repr(ast.literal_eval('(' + a + ',)'))
    except Exception: return a

for r in rows:
    k, ev = r['kind'], r['evidence']
    n = int(r['humaneval'].split('/')[1]) if r['humaneval'] else None
    try:
        if k == 'reworded_leak' and ev == 'code':
            code = code_of(r['text'])
            if 'javascript' in r['subtype']:
                name = re.search(r'function (\w+)', code).group(1)
                calls = [c for c in extract_calls(item(n)['test'], 'candidate') if not re.search(r'\b(True|False|None)\b|\(|\d{16,}', c)]
                exp = run_calls(canonical_code(n), item(n)['entry_point'], calls); got = run_js(code, name, calls)
                ok = True; cnt = 0
                for x, y in zip(exp, got):
                    if x[0] != 'ok': continue
                    ev_ = eval(x[1]); gv = json.loads(y[1]); ev_ = list(ev_) if isinstance(ev_, tuple) else ev_
                    cnt += 1; ok &= (ev_ == gv) or (isinstance(ev_, float) and abs(ev_ - gv) < 1e-9)
                passed = ok and cnt >= 2
            else:
                names = re.findall(r'^def (\w+)', code, re.M)
                passed = any(run_check(code, n, nm) for nm in reversed(names))
            res[('code', passed)] += 1
            if not passed: bad.append(r['id'])
        elif k == 'reworded_leak':
            e = item(n)['entry_point']
            pairs = list(dict.fromkeys(pairs_of(r['text'])))
            outs = run_calls(canonical_code(n), e, [a for a, _ in pairs])
            ok = len(pairs) >= 1 and all(o[0] == 'ok' and o[1] == exp for (a, exp), o in zip(pairs, outs))
            if ev == 'prose_new_values':
                known = {norm(a) for a in extract_calls(item(n)['prompt'], e) + extract_calls(item(n)['test'], 'candidate')}
                ok = ok and len(pairs) >= 2 and all(norm(a) not in known for a, _ in pairs)
            else:
                doc = {norm(a) for a in extract_calls(item(n)['prompt'].split('def ' + e, 1)[1], e)}
                ok = ok and all(norm(a) in doc for a, _ in pairs)
            res[(ev, ok)] += 1
            if not ok: bad.append(r['id'])
        elif k == 'clean_lookalike':
            e = item(n)['entry_point']
            code = [c for m, t, d, c in L if m == n and d in r['text']]
            assert len(code) == 1
            code = code[0]
            m = re.search(re.escape(e) + r'\((.*)\): canonical -> ', r['notes'], re.S)
            a = m.group(1)
            x = run_calls(canonical_code(n), e, [a])[0]; y = run_calls(code, e, [a])[0]
            ok = x[0] == y[0] == 'ok' and x[1] != y[1]
            shown = pairs_of(r['text'], e)
            ys = run_calls(code, e, [s for s, _ in shown])
            ok = ok and all(o[1] == s for (_, s), o in zip(shown, ys)) and len(shown) >= 1
            passes = run_check(code, n, e)
            ok = ok and (passes == ('passes_item_check' in r['subtype']))
            res[('lookalike', ok)] += 1
            if not ok: bad.append(r['id'])
        else:
            ok = r['humaneval'] is None
            res[('ordinary', ok)] += 1
    except Exception as ex:
        res[(k + '/' + ev, 'error')] += 1; bad.append(r['id'] + ':' + repr(ex)[:80])
print(dict(res)); print('bad:', bad)
