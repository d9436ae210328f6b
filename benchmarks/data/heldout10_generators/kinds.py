"""Per-kind case makers: gold, equivalent forms and falsifying forms, each with a value key.

A form is (text, key). The label of a final answer is key == gold key; keys are built from the
numbers used to make the text, never by parsing the text back.
"""

from fractions import Fraction as F

import sympy as sp

ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen"
).split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def words(n):
    if n < 20:
        return ONES[n]
    if n < 100:
        t, o = divmod(n, 10)
        return TENS[t] + ("-" + ONES[o] if o else "")
    h, r = divmod(n, 100)
    return ONES[h] + " hundred" + (" " + words(r) if r else "")


def frac_tex(q):
    s = "-" if q < 0 else ""
    q = abs(q)
    return f"{s}\\frac{{{q.numerator}}}{{{q.denominator}}}"


def terminating(q):
    d = q.denominator
    for p in (2, 5):
        while d % p == 0:
            d //= p
    return d == 1


def dec_str(q):
    """Exact decimal text of a terminating fraction."""
    s = "-" if q < 0 else ""
    q = abs(q)
    k = 0
    while (q * 10**k).denominator != 1:
        k += 1
    n = int(q * 10**k)
    if k == 0:
        return s + str(n)
    t = str(n).rjust(k + 1, "0")
    return s + t[:-k] + "." + t[-k:]


def case(gold, key, eqs, wrongs, question, inter):
    """wrongs: dict distractor-type -> list of (text, key)."""
    return {"gold": gold, "key": key, "eqs": eqs, "wrongs": wrongs, "q": question, "inter": inter}


def k_integer(r):
    n = r.choice([r.randint(12, 99), r.randint(100, 999), r.randint(1000, 9999)])
    eqs = [f"{n}.0", f"{n}.00"] + ([f"{n:,}"] if n >= 1000 else [f"{n}"])
    rev = int(str(n)[::-1])
    w = {
        "near": [(str(n + 1), n + 1), (str(n - 1), n - 1), (str(n + 10), n + 10)],
        "sign": [(str(-n), -n)],
        "swap": [(str(rev), rev)] if rev != n else [],
    }
    return case(str(n), n, eqs, w, "How many marbles are left in the jar?", [str(n * 2), str(n + 7)])


def k_decimal(r):
    q = F(r.randint(101, 999), 100)
    if q.denominator == 1:
        q += F(1, 100)
    s = dec_str(q)
    eqs = [s + "0", frac_tex(q), f"{q.numerator}/{q.denominator}"]
    d = list(s.replace(".", ""))
    w = {
        "near": [(dec_str(q + F(1, 100)), q + F(1, 100)), (dec_str(q - F(1, 10)), q - F(1, 10))],
        "sign": [("-" + s, -q)],
        "structure": [(dec_str(q * 100) + "\\%", ("pct", q * 100))],
    }
    sw = F(int(d[0] + d[2] + d[1]), 100) if len(d) == 3 else None
    w["swap"] = [(dec_str(sw), sw)] if sw and sw != q else []
    return case(s, q, eqs, w, "What is the average rainfall per day, in inches?", [dec_str(q * 3), dec_str(q + 1)])


def k_fraction(r):
    while True:
        q = F(r.randint(1, 15), r.randint(2, 16))
        if q.denominator > 1 and q.numerator > 1:
            break
    g = frac_tex(q)
    k = r.randint(2, 4)
    eqs = [
        f"{q.numerator}/{q.denominator}",
        f"\\frac{{{q.numerator * k}}}{{{q.denominator * k}}}",
        f"\\dfrac{{{q.numerator}}}{{{q.denominator}}}",
    ]
    if terminating(q):
        eqs.append(dec_str(q))
    w = {
        "near": [(frac_tex(q + F(1, q.denominator)), q + F(1, q.denominator))],
        "sign": [("-" + g, -q)],
        "swap": [(f"\\frac{{{q.denominator}}}{{{q.numerator}}}", 1 / q)],
    }
    if not terminating(q):
        w["structure"] = [(f"{float(q):.2f}", ("rounded", F(f"{float(q):.2f}")))]
    return case(
        g,
        q,
        eqs,
        w,
        "What fraction of the pizza was eaten?",
        [frac_tex(q * 2), f"\\frac{{{q.numerator}}}{{{q.denominator + 1}}}"],
    )


def k_mixed(r):
    a, d = r.randint(1, 9), r.choice([3, 4, 5, 6, 8])
    b = r.choice([x for x in range(1, d) if F(x, d).denominator == d])
    q = a + F(b, d)
    g = f"{a}\\frac{{{b}}}{{{d}}}"
    eqs = [f"{a} \\frac{{{b}}}{{{d}}}", frac_tex(q), f"{q.numerator}/{q.denominator}", f"{a} {b}/{d}"]
    if terminating(q):
        eqs.append(dec_str(q))
    w = {
        "near": [(f"{a + 1}\\frac{{{b}}}{{{d}}}", q + 1), (f"{a}\\frac{{{d - b}}}{{{d}}}", a + F(d - b, d))],
        "sign": [("-" + g, -q)],
        "structure": [(frac_tex(F(b, d)), F(b, d))],
    }
    w["near"] = [x for x in w["near"] if x[1] != q]
    return case(g, q, eqs, w, "How many cups of flour are needed in total?", [frac_tex(F(b, d)), str(a)])


def k_percent(r):
    p = r.randint(5, 95)
    g = f"{p}\\%"
    eqs = [f"{p}%", f"{p}.0\\%", f"{p} percent"]
    w = {"near": [(f"{p + 1}\\%", p + 1), (f"{p - 5}\\%", p - 5)], "sign": [(f"-{p}\\%", -p)]}
    rev = int(str(p)[::-1]) if p >= 10 else p
    w["swap"] = [(f"{rev}\\%", rev)] if rev != p else []
    return case(g, p, eqs, w, "By what percent did the price increase?", [str(p * 2), f"{100 - p}\\%"])


def k_currency(r):
    c = r.randint(105, 9999)
    if c % 10 == 0:
        c += 5
    v = dec_str(F(c, 100))
    g = f"\\${v}"
    eqs = [f"${v}", f"{v} dollars", f"\\$ {v}"]
    w = {
        "near": [(f"\\${dec_str(F(c + 100, 100))}", ("usd", c + 100)), (f"\\${dec_str(F(c + 5, 100))}", ("usd", c + 5))],
        "structure": [(f"€{v}", ("eur", c)), (f"£{v}", ("gbp", c))],
        "sign": [(f"-\\${v}", ("usd", -c))],
    }
    return case(
        g,
        ("usd", c),
        eqs,
        w,
        "How much does Maria pay in total?",
        [f"\\${dec_str(F(c * 2, 100))}", f"\\${dec_str(F(c // 2, 100))}"],
    )


UNITS = [
    ("cm", "centimeters", ["m", "mm"]),
    ("kg", "kilograms", ["g", "lb"]),
    ("km", "kilometers", ["m", "mi"]),
    ("mL", "milliliters", ["L"]),
    ("g", "grams", ["kg", "mg"]),
    ("s", "seconds", ["min", "ms"]),
]


def k_units(r):
    n = r.randint(6, 500)
    u, full, bad = r.choice(UNITS)
    g = f"{n} \\text{{ {u}}}"
    eqs = [f"{n} {u}", f"{n}\\,\\text{{{u}}}", f"{n} {full}", f"{n}.0 {u}"]
    w = {
        "near": [(f"{n + 1} \\text{{ {u}}}", (n + 1, u)), (f"{n * 2} {u}", (n * 2, u))],
        "structure": [(f"{n} {b}", (n, b)) for b in bad],
        "sign": [(f"-{n} {u}", (-n, u))],
    }
    return case(g, (n, u), eqs, w, "How long is the remaining piece?", [f"{n + 12} {u}", str(n * 3)])


def k_time(r):
    h, m = r.randint(1, 11), r.choice(range(5, 60, 5))
    pm = r.random() < 0.6
    ap = "PM" if pm else "AM"
    h24 = h + 12 if pm else h
    key = h24 * 60 + m
    g = f"{h}:{m:02d} {ap}"
    eqs = [f"{h24:02d}:{m:02d}", f"{h}:{m:02d} {ap.lower()[0]}.m.", f"{h}:{m:02d} {ap.lower()}"]
    other = "AM" if pm else "PM"
    w = {
        "structure": [(f"{h}:{m:02d} {other}", (h24 + (-12 if pm else 12)) * 60 + m)],
        "near": [(f"{h + 1}:{m:02d} {ap}", key + 60), (f"{h}:{(m + 15) % 60:02d} {ap}", None)],
    }
    w["near"][1] = (w["near"][1][0], h24 * 60 + (m + 15) % 60)
    mm = int(f"{m:02d}"[::-1])
    w["swap"] = [(f"{h}:{mm:02d} {ap}", h24 * 60 + mm)] if mm < 60 and mm != m else []
    return case(g, key, eqs, w, "At what time does the train arrive?", [f"{h - 1 if h > 1 else 12}:{m:02d} {ap}", f"{m} minutes"])


def k_sci(r):
    a = F(r.randint(11, 99), 10)
    e = r.randint(4, 8)
    val = a * 10**e
    g = f"{dec_str(a)} \\times 10^{{{e}}}"
    eqs = [
        f"{int(val)}",
        f"{int(val):,}",
        f"{dec_str(a)}e{e}",
        f"{dec_str(a * 10)} \\times 10^{{{e - 1}}}",
        f"{dec_str(a)} \\cdot 10^{e}",
    ]
    w = {"near": [(f"{dec_str(a)} \\times 10^{{{e + 1}}}", val * 10)], "sign": [(f"{dec_str(a)} \\times 10^{{-{e}}}", a / 10**e)]}
    s = dec_str(a).replace(".", "")
    sw = F(int(s[::-1]), 10)
    w["swap"] = [(f"{dec_str(sw)} \\times 10^{{{e}}}", sw * 10**e)] if sw != a and s[-1] != "0" else []
    return case(g, val, eqs, w, "Write the distance in scientific notation.", [f"{dec_str(a)} \\times 10^{{{e - 2}}}", str(e)])


X = sp.Symbol("x")


def poly_tex(terms):
    """terms: list of (coef, power) in the order to print."""
    out = ""
    for i, (c, p) in enumerate(terms):
        mono = {0: "", 1: "x"}.get(p, f"x^{p}")
        mag = abs(c)
        body = (str(mag) if (mag != 1 or p == 0) else "") + mono
        if i == 0:
            out += ("-" if c < 0 else "") + body
        else:
            out += (" - " if c < 0 else " + ") + body
    return out


def poly_key(terms):
    return sp.srepr(sp.expand(sum(c * X**p for c, p in terms)))


def nz(r, lo, hi):
    return r.choice([v for v in range(lo, hi + 1) if v != 0])


def k_expression(r):
    t = [(nz(r, 2, 7), 2), (nz(r, -9, 9), 1), (nz(r, -9, 9), 0)]
    g = poly_tex(t)
    eqs = [poly_tex([t[1], t[0], t[2]]), poly_tex([t[2], t[1], t[0]]), poly_tex([t[0], t[2], t[1]])]
    t_sign = [t[0], (-t[1][0], 1), t[2]]
    t_near = [t[0], t[1], (t[2][0] + 1 if t[2][0] != -1 else 2, 0)]
    t_swap = [(t[1][0], 2), (t[0][0], 1), t[2]]
    w = {
        "sign": [(poly_tex(t_sign), poly_key(t_sign))],
        "near": [(poly_tex(t_near), poly_key(t_near))],
        "swap": [(poly_tex(t_swap), poly_key(t_swap))] if t[0][0] != t[1][0] else [],
    }
    return case(
        g, poly_key(t), eqs, w, "Expand and simplify the expression.", [poly_tex([(t[0][0], 2), (t[1][0] * 2, 1)]), str(t[2][0])]
    )


def lin_key(m, b):
    return ("line", m, b)


def k_equation(r):
    m, b = nz(r, -6, 6), nz(r, -9, 9)
    lhs = poly_tex([(m, 1), (b, 0)])
    g = f"y = {lhs}"
    eqs = [f"y = {poly_tex([(b, 0), (m, 1)])}", f"{lhs} = y", f"y={lhs.replace(' ', '')}"]
    w = {
        "sign": [(f"y = {poly_tex([(m, 1), (-b, 0)])}", lin_key(m, -b))],
        "swap": [(f"y = {poly_tex([(b, 1), (m, 0)])}", lin_key(b, m))] if m != b else [],
        "near": [(f"y = {poly_tex([(m + 1 if m != -1 else 2, 1), (b, 0)])}", lin_key(m + 1 if m != -1 else 2, b))],
    }
    return case(g, lin_key(m, b), eqs, w, "Find the equation of the line.", [f"m = {m}", f"b = {b + 1}"])


def k_system(r):
    x = nz(r, -9, 9)
    y = r.choice([v for v in range(-9, 10) if v not in (0, x, -x)])
    g = f"x = {x}, y = {y}"
    eqs = [f"y = {y}, x = {x}", f"x={x}, y={y}", f"x = {x} \\text{{ and }} y = {y}"]
    w = {
        "swap": [(f"x = {y}, y = {x}", (y, x))],
        "sign": [(f"x = {-x}, y = {y}", (-x, y))],
        "near": [(f"x = {x}, y = {y + 1}", (x, y + 1))],
    }
    return case(g, (x, y), eqs, w, "Solve the system of equations.", [f"{x + y}", f"2x = {2 * x}"])


def tup(vals, left="(", right=")"):
    return left + ", ".join(str(v) for v in vals) + right


def distinct(r, n, lo=-9, hi=9):
    vals = r.sample([v for v in range(lo, hi + 1) if v != 0], n)
    return vals


def k_tuple(r):
    v = distinct(r, 3)
    g = tup(v)
    eqs = [tup(v).replace(" ", ""), "\\left(" + ", ".join(map(str, v)) + "\\right)", tup(v, "( ", " )")]
    p = [v[1], v[0], v[2]]
    w = {
        "swap": [(tup(p), tuple(p))],
        "structure": [(tup(v, "\\{", "\\}"), ("set", frozenset(v)))],
        "sign": [(tup([-v[0], v[1], v[2]]), (-v[0], v[1], v[2]))],
        "near": [(tup([v[0], v[1], v[2] + 1]), (v[0], v[1], v[2] + 1))],
    }
    w["near"] = [x for x in w["near"] if x[1] != tuple(v)]
    return case(g, tuple(v), eqs, w, "Find the triple (a, b, c).", [str(v[0] + v[1]), str(v[2] * 2)])


def k_pair(r):
    a, b = distinct(r, 2)
    half = r.random() < 0.3
    av = F(a, 2) if half and a % 2 else F(a)
    at = frac_tex(av) if av.denominator != 1 else str(a)
    g = f"({at}, {b})"
    eqs = [f"\\left( {at}, {b} \\right)", f"({at},{b})"]
    if av.denominator != 1:
        eqs.append(f"({dec_str(av)}, {b})")
    w = {
        "swap": [(f"({b}, {at})", (F(b), av))],
        "structure": [(f"\\{{{at}, {b}\\}}", ("set", frozenset([av, F(b)])))],
        "sign": [(f"({at}, {-b})", (av, F(-b)))],
    }
    return case(g, (av, F(b)), eqs, w, "What are the coordinates of the point of intersection?", [str(b * 2), f"({b}, 0)"])


def k_set(r):
    v = sorted(distinct(r, r.choice([2, 3])))
    g = tup(v, "\\{", "\\}")
    sh = v[::-1]
    eqs = [tup(sh, "\\{", "\\}"), tup(v, "\\{", "\\}").replace(" ", ""), tup(sh, "\\left\\{", "\\right\\}")]
    w = {
        "structure": [(tup(v), ("tuple", tuple(v)))],
        "near": [(tup(v[:-1], "\\{", "\\}"), frozenset(v[:-1]))],
        "sign": [(tup([-v[0]] + v[1:], "\\{", "\\}"), frozenset([-v[0]] + v[1:]))],
    }
    w["sign"] = [x for x in w["sign"] if x[1] != frozenset(v)]
    return case(g, frozenset(v), eqs, w, "Find all real solutions.", [str(sum(v)), str(v[0] * v[-1])])


def k_interval(r):
    a = r.randint(-9, 5)
    b = a + r.randint(1, 9)
    inf = r.random() < 0.3
    lo_c, hi_c = r.choice([(True, False), (False, True), (True, True), (False, False)])
    if inf:
        lo_c, a = False, None

    def iv(a_, b_, lc, hc, sp_=" "):
        at = "-\\infty" if a_ is None else str(a_)
        return ("[" if lc else "(") + at + "," + sp_ + str(b_) + ("]" if hc else ")")

    g = iv(a, b, lo_c, hi_c)
    key = (a, b, lo_c, hi_c)
    eqs = [iv(a, b, lo_c, hi_c, ""), "\\left" + g[0] + g[1:-1] + "\\right" + g[-1]]
    w = {
        "structure": [(iv(a, b, lo_c, not hi_c), (a, b, lo_c, not hi_c))],
        "near": [(iv(a, b + 1, lo_c, hi_c), (a, b + 1, lo_c, hi_c))],
    }
    if a is not None:
        w["structure"].append((iv(a, b, not lo_c, hi_c), (a, b, not lo_c, hi_c)))
        if a != 0:
            w["sign"] = [(iv(-a, b, lo_c, hi_c), (-a, b, lo_c, hi_c))] if -a < b else []
    return case(g, key, eqs, w, "Write the solution set in interval notation.", [str(b), str(b - (a or 0))])


def k_inequality(r):
    c = nz(r, -9, 9)
    op = r.choice([">", "<", "\\ge", "\\le"])
    flip = {">": "<", "<": ">", "\\ge": "\\le", "\\le": "\\ge"}
    strict_t = {">": "\\ge", "<": "\\le", "\\ge": ">", "\\le": "<"}
    g = f"x {op} {c}"
    eqs = [f"{c} {flip[op]} x", f"x{op}{c}" if op in "<>" else f"x {op.replace('ge', 'geq').replace('le', 'leq')} {c}"]
    w = {
        "structure": [(f"x {strict_t[op]} {c}", (strict_t[op], c))],
        "sign": [(f"x {op} {-c}", (op, -c))],
        "swap": [(f"x {flip[op]} {c}", (flip[op], c))],
    }
    return case(g, (op, c), eqs, w, "Solve the inequality.", [str(c * 2), str(c + 3)])


def mat(m, env="pmatrix"):
    rows = " \\\\ ".join(" & ".join(map(str, row)) for row in m)
    return f"\\begin{{{env}}} {rows} \\end{{{env}}}"


def k_matrix(r):
    m = [[r.randint(-9, 9) for _ in range(2)] for _ in range(2)]
    while m[0][1] == m[1][0]:
        m[0][1] = r.randint(-9, 9)
    key = tuple(map(tuple, m))
    g = mat(m)
    eqs = [mat(m, "bmatrix"), "[[" + "], [".join(", ".join(map(str, row)) for row in m) + "]]"]
    t = [[m[0][0], m[1][0]], [m[0][1], m[1][1]]]
    s = [[-m[0][0] if m[0][0] else 1, m[0][1]], m[1]]
    n = [m[0], [m[1][0], m[1][1] + 1]]
    w = {
        "swap": [(mat(t), tuple(map(tuple, t)))],
        "sign": [(mat(s), tuple(map(tuple, s)))],
        "near": [(mat(n), tuple(map(tuple, n)))],
    }
    return case(g, key, eqs, w, "Compute the matrix product.", [str(m[0][0] * m[1][1]), mat([[m[0][0], 0], [0, m[1][1]]])])


def k_vector(r):
    v = distinct(r, 3)
    col = r.random() < 0.5
    colv = "\\begin{pmatrix} " + " \\\\ ".join(map(str, v)) + " \\end{pmatrix}"
    g = colv if col else tup(v)
    eqs = [tup(v, "\\langle ", " \\rangle"), tup(v, "<", ">"), (tup(v) if col else colv)]
    p = [v[0], v[2], v[1]]
    w = {
        "swap": [(tup(p), tuple(p))],
        "sign": [(tup([v[0], -v[1], v[2]]), (v[0], -v[1], v[2]))],
        "near": [(tup([v[0] + 1, v[1], v[2]]), (v[0] + 1, v[1], v[2]))],
    }
    w["near"] = [x for x in w["near"] if x[1] != tuple(v)]
    return case(g, tuple(v), eqs, w, "Find the vector projection.", [str(sum(x * x for x in v)), str(v[0])])


def cx(a, b):
    if b == 0:
        return str(a)
    bi = ("" if abs(b) == 1 else str(abs(b))) + "i"
    return f"{a} {'-' if b < 0 else '+'} {bi}" if a else ("-" if b < 0 else "") + bi


def k_complex(r):
    a, b = distinct(r, 2)
    while abs(a) == abs(b):
        a, b = distinct(r, 2)
    g = cx(a, b)
    bi = ("" if abs(b) == 1 else str(abs(b))) + "i"
    eqs = [
        f"{'-' if b < 0 else ''}{bi} + {a}" if a > 0 else f"{'-' if b < 0 else ''}{bi} - {abs(a)}",
        cx(a, b).replace(" ", ""),
        f"{a} + ({b})i",
    ]
    w = {
        "swap": [(cx(b, a), (b, a))],
        "sign": [(cx(a, -b), (a, -b))],
        "near": [(cx(a, b + 1 if b != -1 else 2), (a, b + 1 if b != -1 else 2))],
    }
    return case(g, (a, b), eqs, w, "Simplify the complex expression.", [str(a * a + b * b), cx(a, 0)])


def k_pm(r):
    a = nz(r, -7, 7)
    n = r.choice([2, 3, 5, 6, 7, 10, 11, 13])
    g = f"{a} \\pm \\sqrt{{{n}}}"
    eqs = [
        f"{a} \\pm \\sqrt {n}" if n < 10 else f"{a} \\pm \\sqrt{{ {n} }}",
        f"x = {a} \\pm \\sqrt{{{n}}}",
        f"{a}\\pm\\sqrt{{{n}}}",
    ]
    n2 = n + 1 if n + 1 not in (4, 9) else n + 2
    w = {
        "structure": [(f"{a} + \\sqrt{{{n}}}", ("one", a, n, 1)), (f"{a} - \\sqrt{{{n}}}", ("one", a, n, -1))],
        "near": [(f"{a} \\pm \\sqrt{{{n2}}}", ("pm", a, n2))],
        "sign": [(f"{-a} \\pm \\sqrt{{{n}}}", ("pm", -a, n))],
    }
    return case(g, ("pm", a, n), eqs, w, "Solve the quadratic equation.", [str(4 * n), f"\\sqrt{{{4 * n}}}"])


def k_choice(r):
    letters = "ABCDE"
    i = r.randrange(5)
    vals = r.sample(range(10, 99), 5)
    L = letters[i]
    g = f"({L})"
    eqs = [L, f"({L}) {vals[i]}", f"\\text{{({L})}}", f"\\textbf{{({L})}}"]
    j = (i + 1) % 5
    k = (i - 1) % 5
    w = {"near": [(f"({letters[j]})", letters[j]), (f"({letters[k]}) {vals[k]}", letters[k])]}
    return case(g, L, eqs, w, "Which of the answer choices is correct?", [str(vals[j]), str(vals[k])])


WORDS = [
    ["blue", "red", "green"],
    ["Tuesday", "Thursday", "Monday"],
    ["north", "south", "east"],
    ["even", "odd"],
    ["Alice", "Bob", "Carol"],
    ["square", "rhombus", "rectangle"],
    ["yes", "no"],
    ["obtuse", "acute", "right"],
]


def k_text(r):
    grp = r.choice(WORDS)
    wd = r.choice(grp)
    g = f"\\text{{{wd}}}"
    eqs = [wd, f"\\textbf{{{wd}}}", f"\\mathrm{{{wd}}}", f"\\text{{ {wd} }}"] + ([wd.capitalize()] if wd.islower() else [])
    w = {"near": [(f"\\text{{{o}}}", o.lower()) for o in grp if o != wd]}
    return case(g, wd.lower(), eqs, w, "Which one is it?", [r.choice([o for o in grp if o != wd]), "the first option"])


def k_words(r):
    n = r.choice([r.randint(13, 99), r.randint(101, 999)])
    g = str(n)
    ww = words(n)
    eqs = [ww, ww.capitalize(), f"{ww} ({n})" if r.random() < 0.3 else ww]
    rev = int(str(n)[::-1])
    w = {"near": [(words(n + 1), n + 1)], "swap": [(words(rev), rev)] if rev != n and rev < 1000 and str(n)[-1] != "0" else []}
    return case(g, n, eqs, w, "How many students attended the fair?", [words(n - 3), str(n * 2)])


KINDS = {
    "integer": k_integer,
    "decimal": k_decimal,
    "fraction": k_fraction,
    "mixed_number": k_mixed,
    "percent": k_percent,
    "currency": k_currency,
    "units": k_units,
    "time": k_time,
    "scientific_notation": k_sci,
    "expression": k_expression,
    "equation": k_equation,
    "system": k_system,
    "tuple": k_tuple,
    "ordered_pair": k_pair,
    "set": k_set,
    "interval": k_interval,
    "inequality": k_inequality,
    "matrix": k_matrix,
    "vector": k_vector,
    "complex": k_complex,
    "plus_minus": k_pm,
    "multiple_choice": k_choice,
    "text": k_text,
    "number_words": k_words,
}
