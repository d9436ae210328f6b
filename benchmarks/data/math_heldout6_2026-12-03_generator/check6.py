# Independent label checker: parse final-position value and compare with gold using sympy.
import re
import sympy as sp
from sympy.parsing.sympy_parser import parse_expr, standard_transformations, implicit_multiplication_application, convert_xor

TR = standard_transformations + (implicit_multiplication_application, convert_xor)
WORDS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split())}
TENS = {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}


def words_to_num(s):
    toks = s.lower().replace("-", " ").split()
    if not toks or not all(t in WORDS or t in TENS or t in ("hundred", "and") for t in toks):
        return None
    total = cur = 0
    for t in toks:
        if t in WORDS: cur += WORDS[t]
        elif t in TENS: cur += TENS[t]
        elif t == "hundred": cur = (cur or 1) * 100
    return sp.Integer(total + cur)


def strip_markup(s):
    s = s.strip().strip("*").strip()
    s = re.sub(r"\\text(bf)?\{([^{}]*)\}", r"\2", s)
    s = re.sub(r"(?<!\\)\\ ", " ", s.replace("\\,", " ")).replace("\\left", "").replace("\\right", "")
    s = s.replace("\\dfrac", "\\frac").replace("\\tfrac", "\\frac")
    return s.strip().rstrip(".").strip()


def latex_to_py(s):
    s = strip_markup(s)
    s = re.sub(r"\\frac(\d)(\d)", r"\\frac{\1}{\2}", s)
    s = re.sub(r"\\sqrt\s*(\d+)", r"\\sqrt{\1}", s)
    for _ in range(5):
        s = re.sub(r"\\frac\{([^{}]*)\}\{([^{}]*)\}", r"((\1)/(\2))", s)
        s = re.sub(r"\\sqrt\{([^{}]*)\}", r"sqrt(\1)", s)
    s = s.replace("\\times", "*").replace("\\cdot", "*").replace("^", "**").replace("{", "(").replace("}", ")")
    return s


def num(s):
    """numeric value of a display string, or None"""
    s0 = strip_markup(s)
    if "\\approx" in s0:
        s0 = s0.split("\\approx")[0]
    w = words_to_num(s0)
    if w is not None:
        return w
    t = s0.replace("\\$", "").replace("$", "").replace(",", "")
    t = re.sub(r"\\%|%|percent", "", t)
    t = re.sub(r"\b(dollars|km|kilometers|kg|kilograms|m\*\*2|m\^2|square meters|m|g|cm\^2)\b", "", t)
    t = t.replace("\\text", "").strip()
    m = re.fullmatch(r"(-?\d+(?:\.\d+)?)\s*million", t)
    if m:
        return sp.Rational(m.group(1)) * 10**6
    m = re.fullmatch(r"(-?)(\d+)\s*\\frac\{(\d+)\}\{(\d+)\}", t) or re.fullmatch(r"(-?)(\d+)\s+(\d+)/(\d+)", t)
    if m:
        v = sp.Integer(m.group(2)) + sp.Rational(int(m.group(3)), int(m.group(4)))
        return -v if m.group(1) else v
    m = re.fullmatch(r"(-?\d*\.?\d+)e(-?\d+)", t)
    if m:
        return sp.Rational(m.group(1)) * sp.Rational(10) ** int(m.group(2))
    t = latex_to_py(t)
    t = re.sub(r"(\d*\.\d+|\d+)", lambda mm: "Rational('%s')" % mm.group(1), t)
    try:
        v = sp.sympify(t)
        return sp.nsimplify(v) if v.is_number else None
    except Exception:
        return None


def clock(s):
    s = s.strip().lower().replace(".", "")
    m = re.fullmatch(r"(\d{1,2}):(\d\d)\s*(am|pm)?", s)
    if not m: return None
    h, mi, mer = int(m.group(1)), int(m.group(2)), m.group(3)
    if mer == "am": h = 0 if h == 12 else h
    elif mer == "pm": h = 12 if h == 12 else h + 12
    return h * 60 + mi


def expr(s):
    t = latex_to_py(s)
    return parse_expr(t, local_dict={"x": sp.Symbol("x"), "y": sp.Symbol("y"), "a": sp.Symbol("a"), "b": sp.Symbol("b"), "i": sp.I, "I": sp.I}, transformations=TR)


def equation(s):
    l, r = strip_markup(s).split("=")
    return sp.expand(expr(l) - expr(r))


def split_top(s):
    parts, depth, cur = [], 0, ""
    for ch in s:
        if ch in "([{": depth += 1
        if ch in ")]}": depth -= 1
        if ch == "," and depth == 0:
            parts.append(cur); cur = ""
        else:
            cur += ch
    parts.append(cur)
    return [p.strip() for p in parts if p.strip()]


def seq(s):
    t = strip_markup(s)
    m = re.fullmatch(r"\\begin\{[pb]matrix\}(.*)\\end\{[pb]matrix\}", t)
    if m:
        rows = [r.strip() for r in m.group(1).split("\\\\")]
        if all("&" not in r for r in rows):
            return ("tuple", tuple(sp.nsimplify(expr(r)) for r in rows))
        return ("matrix", sp.Matrix([[sp.nsimplify(expr(c)) for c in r.split("&")] for r in rows]))
    if t.startswith("[["):
        return ("matrix", sp.Matrix(eval(t)))
    if t.startswith("\\langle"):
        return ("tuple", tuple(expr(p) for p in split_top(t[len("\\langle"):-len("\\rangle")])))
    if t.startswith("\\{"):
        return ("set", frozenset(sp.nsimplify(expr(p)) for p in split_top(t[2:-2])))
    if t.startswith("(") and t.endswith(")"):
        return ("tuple", tuple(expr(p) for p in split_top(t[1:-1])))
    if len(split_top(t)) > 1:
        return ("set", frozenset(sp.nsimplify(expr(p)) for p in split_top(t)))
    return None


def interval(s):
    t = strip_markup(s).replace("\\leq", "\\le").replace("\\geq", "\\ge").replace("\\infty", "oo")
    m = re.fullmatch(r"([\[(])\s*([^,]+),\s*([^\])]+)([\])])", t)
    if m:
        lo, hi = sp.sympify(m.group(2)), sp.sympify(m.group(3))
        return sp.Interval(lo, hi, m.group(1) == "(", m.group(4) == ")")
    m = re.fullmatch(r"(-?[\d.]+)\s*(<|\\le)\s*x\s*(<|\\le)\s*(-?[\d.]+)", t)
    if m:
        return sp.Interval(sp.sympify(m.group(1)), sp.sympify(m.group(4)), m.group(2) == "<", m.group(3) == "<")
    m = re.fullmatch(r"x\s*(<|>|\\le|\\ge)\s*(-?[\d.]+)", t)
    if m:
        op, v = m.group(1), sp.sympify(m.group(2))
        return {"<": sp.Interval.open(-sp.oo, v), "\\le": sp.Interval(-sp.oo, v), ">": sp.Interval.open(v, sp.oo), "\\ge": sp.Interval(v, sp.oo)}[op]
    m = re.fullmatch(r"(-?[\d.]+)\s*(<|>|\\le|\\ge)\s*x", t)
    if m:
        flip = {"<": ">", ">": "<", "\\le": "\\ge", "\\ge": "\\le"}[m.group(2)]
        return interval("x %s %s" % (flip, m.group(1)))
    return None


def pmset(s):
    t = strip_markup(s)
    t = re.sub(r"^x\s*=\s*", "", t)
    if t.startswith("\\pm"):
        v = sp.nsimplify(expr(t[3:]))
        return frozenset([v, -v])
    if " or " in t:
        return frozenset(sp.nsimplify(expr(p.split("=")[-1])) for p in t.split(" or "))
    if "," in t:
        return frozenset(sp.nsimplify(expr(p)) for p in split_top(t))
    return frozenset([sp.nsimplify(expr(t))])


def system(s):
    t = strip_markup(s).replace(" and ", ",")
    out = {}
    for p in t.split(","):
        k, v = p.split("=")
        out[k.strip()] = sp.nsimplify(expr(v))
    return out


def mc_letter(s):
    t = strip_markup(s).replace("option", "").replace("Choice", "").strip()
    m = re.fullmatch(r"\(?([A-E])\)?(\s.*)?", t)
    return m.group(1) if m else None


def text_norm(s):
    t = strip_markup(s).lower()
    t = re.sub(r"^(a|an|the)\s+", "", t)
    t = re.sub(r"\s+triangle$", "", t)
    return t.strip()


def value(kind, s):
    if kind in ("integer", "decimal", "fraction", "mixed", "percent", "currency", "units", "scientific", "words"):
        return ("num", num(s))
    if kind == "time": return ("clock", clock(s))
    if kind == "expression": return ("expr", sp.simplify(expr(s)))
    if kind == "equation": return ("eq", equation(s))
    if kind == "system": return ("sys", system(s))
    if kind in ("tuple", "pair", "vector", "set", "matrix"): return seq(s)
    if kind in ("interval", "inequality"): return ("int", interval(s))
    if kind == "complex": return ("cx", sp.expand(expr(s)))
    if kind == "pm": return ("pm", pmset(s))
    if kind == "mc": return ("mc", mc_letter(s))
    if kind == "text": return ("text", text_norm(s))
    raise ValueError(kind)


def equal(kind, a, b):
    va, vb = value(kind, a), value(kind, b)
    if va is None or vb is None or va[1] is None or vb[1] is None:
        return False
    if va[0] != vb[0]:
        return False
    if va[0] == "eq":
        if va[1] == 0 or vb[1] == 0: return False
        q = sp.simplify(va[1] / vb[1])
        return bool(q.is_number and q != 0)
    if va[0] == "expr":
        return sp.simplify(va[1] - vb[1]) == 0
    if va[0] == "matrix":
        return va[1].shape == vb[1].shape and sp.simplify(va[1] - vb[1]) == sp.zeros(*va[1].shape)
    if va[0] == "tuple":
        return len(va[1]) == len(vb[1]) and all(sp.simplify(x - y) == 0 for x, y in zip(va[1], vb[1]))
    if va[0] == "num":
        return sp.simplify(va[1] - vb[1]) == 0
    return va[1] == vb[1]
