#!/usr/bin/env python3
"""Seeded generator for math_heldout9_2026-12-07 (answer-equivalence checker eval).
Labels are computed from the values chosen (Form.val compared with gold val), never by
reading reply text back.  Pure Python + fractions + sympy (sympy only for expression checks)."""
import json, random, sys
from fractions import Fraction as Fr
import sympy as sp

SPLIT = "math_heldout9_2026-12-07"
SEED = 20261207
R = random.Random(SEED)

class Form:
    def __init__(self, plain, math=None, val=None, note=""):
        self.plain = plain; self.math = math if math is not None else plain
        self.val = val; self.note = note

def fstr(x):
    """exact decimal string of a terminating Fraction"""
    x = Fr(x)
    if x.denominator == 1: return str(x.numerator)
    s = "-" if x < 0 else ""; x = abs(x)
    ip = x.numerator // x.denominator; rem = x - ip; digs = ""
    for _ in range(12):
        rem *= 10; d = rem.numerator // rem.denominator; digs += str(d); rem -= d
        if rem == 0: break
    assert rem == 0
    return f"{s}{ip}.{digs}"

def terminating(x):
    d = Fr(x).denominator
    for p in (2, 5):
        while d % p == 0: d //= p
    return d == 1

ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
def words(n, hy=True):
    if n < 0: return "negative " + words(-n, hy)
    if n < 20: return ONES[n]
    if n < 100:
        t, o = divmod(n, 10)
        return TENS[t] + (("-" if hy else " ") + ONES[o] if o else "")
    h, r = divmod(n, 100)
    return ONES[h] + " hundred" + (" " + words(r, hy) if r else "")

def pick(xs): return R.choice(xs)
def nz(lo, hi, excl=()):
    while True:
        v = R.randint(lo, hi)
        if v != 0 and v not in excl: return v

def sgn_term(c, var, first=False):
    """render c*var with sign for polynomial strings"""
    a = abs(c)
    coef = "" if (a == 1 and var) else str(a)
    body = coef + var
    if first: return ("-" if c < 0 else "") + body
    return (" - " if c < 0 else " + ") + body

def poly(terms):  # terms: list of (coef, var)
    s = ""
    for i, (c, v) in enumerate(terms):
        s += sgn_term(c, v, i == 0)
    return s

# ---------------------------------------------------------------- kinds
# each returns dict(gold, gval, canon: Form, eq: [Form], wrong: {distractor: [Form]}, q, steps, inter, last)

def k_integer():
    a, b, c = R.randint(3, 14), R.randint(4, 24), R.randint(2, 30)
    n = a*b - c
    item = pick(["muffins", "stickers", "bolts", "marbles", "tickets"])
    q = f"A shop packs {a} boxes of {b} {item} each and gives away {c}. How many {item} are left?"
    steps = [f"Total packed: ${a} \\times {b} = {a*b}$ {item}.", f"Then {c} are given away."]
    eq = [Form(f"{n}.0", val=Fr(n), note="trailing zero"), Form(f"{n}.00", val=Fr(n), note="trailing zeros")]
    wrong = {"near_miss": [Form(str(n+1), val=Fr(n+1)), Form(str(a*b+c), val=Fr(a*b+c)), Form(str(n-10), val=Fr(n-10))],
             "sign_error": [Form(str(-n), val=Fr(-n))]}
    return dict(gold=str(n), gval=Fr(n), canon=Form(str(n), val=Fr(n)), eq=eq, wrong=wrong, q=q, steps=steps,
                inter=[str(a*b), str(c), str(a)], last=f"{a*b} - {c}")

def k_decimal():
    while True:
        v = Fr(R.randint(101, 999), 100)
        if v.denominator == 100 and v.numerator % 10 and v.numerator % 25: break
    k = R.randint(3, 9); tot = v*k
    g = fstr(v); f = v
    q = f"{k} friends split a bill of ${fstr(tot)} cost units equally. How much does each pay (in units)?"
    q = f"A rope of length {fstr(tot)} m is cut into {k} equal pieces. What is the length of each piece, in metres?"
    steps = [f"Each piece is $\\frac{{{fstr(tot)}}}{{{k}}}$.", f"Check: ${k} \\times$ (piece) should give back {fstr(tot)}."]
    d = g.replace(".", "")
    swapped_s = g[:-2] + g[-1] + g[-2]
    eq = [Form(g + "0", val=f, note="trailing zero"),
          Form(f"{f.numerator}/{f.denominator}", f"\\frac{{{f.numerator}}}{{{f.denominator}}}", f, "exact fraction")]
    wrong = {"near_miss": [Form(swapped_s, val=Fr(swapped_s)) if Fr(swapped_s) != f else Form(fstr(f+Fr(1,100)), val=f+Fr(1,100)),
                           Form(fstr(f+Fr(1,100)), val=f+Fr(1,100))],
             "rounded": [Form(fstr(Fr(round(f*10), 10)), val=Fr(round(f*10), 10), note="rounded to 1 dp")],
             "percent_form": [Form(f"{fstr(f*100)}%", f"{fstr(f*100)}\\%", ("pct", f*100), "percent vs decimal")],
             "sign_error": [Form("-" + g, val=-f)]}
    return dict(gold=g, gval=f, canon=Form(g, val=f), eq=eq, wrong=wrong, q=q, steps=steps,
                inter=[fstr(tot), str(k)], last=f"{fstr(tot)} \\div {k}")

def k_fraction():
    while True:
        qd = pick([3, 6, 7, 8, 9, 11, 12, 16, 20]); p = R.randint(1, qd-1)
        if Fr(p, qd).denominator == qd: break
    f = Fr(p, qd); m = R.randint(2, 4)
    gold = f"\\frac{{{p}}}{{{qd}}}"
    tot = qd * R.randint(2, 4)
    q = f"A bag has {tot} marbles, {p*tot//qd} of them red. What fraction of the marbles are red?"
    steps = [f"Red marbles: {p*tot//qd}; total: {tot}.", f"Fraction $= \\frac{{{p*tot//qd}}}{{{tot}}}$, then simplify."]
    eq = [Form(f"{p}/{qd}", gold, f, "plain slash"), Form(f"{p}/{qd}", f"\\dfrac{{{p}}}{{{qd}}}", f, "dfrac"),
          Form(f"{p*m}/{qd*m}", f"\\frac{{{p*m}}}{{{qd*m}}}", f, "unreduced fraction")]
    if terminating(f): eq.append(Form(fstr(f), val=f, note="exact decimal"))
    dec = float(f)
    wrong = {"swapped": [Form(f"{qd}/{p}", f"\\frac{{{qd}}}{{{p}}}", Fr(qd, p), "reciprocal")],
             "sign_error": [Form(f"-{p}/{qd}", f"-\\frac{{{p}}}{{{qd}}}", -f)],
             "near_miss": [Form(f"{p}/{qd+1}", f"\\frac{{{p}}}{{{qd+1}}}", Fr(p, qd+1)),
                           Form(f"{p+1}/{qd}", f"\\frac{{{p+1}}}{{{qd}}}", Fr(p+1, qd))]}
    r2 = f"{dec:.2f}"
    if Fr(r2) != f: wrong["rounded"] = [Form(r2, val=Fr(r2), note="rounded decimal")]
    if terminating(f): wrong["percent_form"] = [Form(f"{fstr(f*100)}%", f"{fstr(f*100)}\\%", ("pct", f*100), "percent vs fraction")]
    return dict(gold=gold, gval=f, canon=Form(f"{p}/{qd}", gold, f), eq=eq, wrong=wrong, q=q, steps=steps,
                inter=[str(p*tot//qd), str(tot), f"{p*tot//qd}/{tot}"], last=f"\\frac{{{p*tot//qd}}}{{{tot}}}")

def k_mixed():
    while True:
        w = R.randint(1, 6); qd = pick([2, 3, 4, 5, 6, 8]); p = R.randint(1, qd-1)
        if Fr(p, qd).denominator == qd: break
    f = w + Fr(p, qd); num = w*qd + p
    gold = f"{w}\\frac{{{p}}}{{{qd}}}"
    q = f"A recipe needs $\\frac{{{num}}}{{{qd*2}}}$ cups of flour per batch. How many cups for 2 batches? Give a mixed number."
    steps = [f"Two batches: $2 \\times \\frac{{{num}}}{{{qd*2}}} = \\frac{{{num}}}{{{qd}}}$.", f"Now convert $\\frac{{{num}}}{{{qd}}}$: {qd} goes into {num} {w} times, remainder {p}."]
    eq = [Form(f"{num}/{qd}", f"\\frac{{{num}}}{{{qd}}}", f, "improper fraction"),
          Form(f"{w} {p}/{qd}", f"{w}\\tfrac{{{p}}}{{{qd}}}", f, "mixed number written plainly")]
    if terminating(f): eq.append(Form(fstr(f), val=f, note="exact decimal"))
    wrong = {"near_miss": [Form(f"{w+1} {p}/{qd}", f"{w+1}\\frac{{{p}}}{{{qd}}}", w+1+Fr(p, qd)),
                           Form(f"{w+p}/{qd}", f"\\frac{{{w+p}}}{{{qd}}}", Fr(w+p, qd), "added whole to numerator")],
             "swapped": [Form(f"{p} {w}/{qd}", f"{p}\\frac{{{w}}}{{{qd}}}", p + Fr(w, qd), "whole and numerator swapped")] if w < qd and w != p else
                        [Form(f"{w} {qd-p}/{qd}", f"{w}\\frac{{{qd-p}}}{{{qd}}}", w + Fr(qd-p, qd))]}
    if not terminating(f): wrong["rounded"] = [Form(f"{float(f):.2f}", val=Fr(f"{float(f):.2f}"), note="rounded decimal")]
    if wrong["swapped"][0].val == f: del wrong["swapped"]
    return dict(gold=gold, gval=f, canon=Form(f"{w} {p}/{qd}" if False else gold, gold, f), eq=eq, wrong=wrong, q=q, steps=steps,
                inter=[f"{num}/{qd}" if False else str(num), str(qd*2)], last=f"\\frac{{{num}}}{{{qd}}}")

def k_percent():
    P = R.randint(11, 89)
    while P % 10 == 0 or P == 50 or P % 11 == 0: P = R.randint(11, 89)
    base = pick([200, 400, 500, 800]); part = P*base//100
    while P*base % 100: base += 100; part = P*base//100
    q = f"{part} of {base} students chose chess club. What percent is that?"
    steps = [f"Ratio: $\\frac{{{part}}}{{{base}}}$.", "Multiply by 100 to convert to a percent."]
    v = ("pct", Fr(P))
    eq = [Form(f"{P} percent", f"{P}\\%", v, "word percent"), Form(f"{P}.0%", f"{P}.0\\%", v, "trailing zero")]
    rev = int(str(P)[::-1])
    wrong = {"near_miss": [Form(f"{100-P}%", f"{100-P}\\%", ("pct", Fr(100-P)), "complement"),
                           Form(f"{rev}%", f"{rev}\\%", ("pct", Fr(rev)), "digits reversed"),
                           Form(f"{P+1}%", f"{P+1}\\%", ("pct", Fr(P+1)))],
             "percent_form": [Form(f"{Fr(P,10)}%" if False else f"{fstr(Fr(P,10))}%", f"{fstr(Fr(P,10))}\\%", ("pct", Fr(P, 10)), "misplaced decimal")]}
    return dict(gold=f"{P}\\%", gval=v, canon=Form(f"{P}%", f"{P}\\%", v), eq=eq, wrong=wrong, q=q, steps=steps,
                inter=[str(part), str(base), fstr(Fr(part, base))], last=f"\\frac{{{part}}}{{{base}}} \\times 100")

def k_currency():
    cents = R.randint(105, 4999)
    while cents % 10 != 0 or cents % 100 == 0: cents = R.randint(105, 4999)
    v = Fr(cents, 100); s = f"{v.numerator*100//v.denominator/100:.2f}"
    s = f"{cents//100}.{cents%100:02d}"
    k = R.randint(2, 6); tot = v*k
    q = f"{k} notebooks cost ${fstr(tot) if terminating(tot) else ''} in total. How much does one notebook cost?"
    q = f"{k} notebooks cost \\${cents*k//100}.{cents*k%100:02d} in total. What is the price of one notebook?"
    steps = [f"Total: \\${cents*k//100}.{cents*k%100:02d}; number of notebooks: {k}.", "Divide the total by the count."]
    val = ("USD", v)
    eq = [Form(f"${s.rstrip('0')}", f"\\${s.rstrip('0')}", val, "dropped trailing zero"),
          Form(f"{s} dollars", f"{s}\\text{{ dollars}}", val, "word dollars")]
    swapped = s[:-2] + s[-1] + s[-2]
    wrong = {"wrong_units": [Form(f"€{s}", f"€{s}", ("EUR", v), "euro vs dollar"), Form(f"£{s}", f"\\pounds{s}", ("GBP", v), "pound vs dollar")],
             "near_miss": [Form(f"${swapped}", f"\\${swapped}", ("USD", Fr(swapped))),
                           Form(f"${fstr(v/10)}" if terminating(v/10) else f"${s}", f"\\${fstr(v/10)}", ("USD", v/10), "decimal shift")]}
    return dict(gold=f"\\${s}", gval=val, canon=Form(f"${s}", f"\\${s}", val), eq=eq, wrong=wrong, q=q, steps=steps,
                inter=[f"${cents*k//100}.{cents*k%100:02d}", str(k)], last=f"\\${cents*k//100}.{cents*k%100:02d} \\div {k}")

UNITS = [("cm", "centimeters", ["m", "mm"]), ("kg", "kilograms", ["g"]), ("km", "kilometers", ["m"]),
         ("mL", "milliliters", ["L"]), ("cm^2", "square centimeters", ["cm"]), ("m", "meters", ["cm", "km"])]
def k_units():
    u, uw, wu = pick(UNITS); n = R.randint(12, 96)
    while n % 10 == 0 or n % 11 == 0: n = R.randint(12, 96)
    def um(x):
        return f"\\text{{ {x[:-2]}}}^2" if x.endswith("^2") else f"\\text{{ {x}}}"
    def up(x): return x.replace("^2", "²")
    gold = f"{n} {um(u)}".replace("  ", " ").replace(" \\text", " \\text")
    gold = f"{n}{um(u)}".replace("{n}", "")
    v = (u, Fr(n))
    if u == "cm^2":
        a = pick([d for d in range(2, 10) if n % d == 0] or [1]); b = n//a
        q = f"What is the area of a rectangle that is {a} cm by {b} cm?"
        steps = [f"Area = length × width = ${a} \\times {b}$."]
        last = f"{a} \\times {b}"; inter = [str(a), str(b)]
    else:
        a = R.randint(2, 5); tot = n*a
        q = f"A total of {tot} {up(u)} is shared equally among {a} containers. How much goes in each?"
        steps = [f"Total {tot} {up(u)}, split {a} ways.", f"Each gets $\\frac{{{tot}}}{{{a}}}$."]
        last = f"{tot} \\div {a}"; inter = [str(tot), str(a)]
    eq = [Form(f"{n} {uw}", f"{n}\\text{{ {uw}}}", v, "unit spelled out"), Form(f"{n}.0 {up(u)}", f"{n}.0{um(u)}", v, "trailing zero"),
          Form(f"{n}{up(u)}", f"{n}\\,{um(u).replace('{ ', '{')}", v, "no space")]
    rv = int(str(n)[::-1])
    wrong = {"wrong_units": [Form(f"{n} {up(w)}", f"{n}{um(w)}", (w, Fr(n)), f"{w} vs {u}") for w in wu],
             "near_miss": [Form(f"{rv} {up(u)}", f"{rv}{um(u)}", (u, Fr(rv)), "digits reversed"), Form(f"{n+2} {up(u)}", f"{n+2}{um(u)}", (u, Fr(n+2)))]}
    return dict(gold=gold, gval=v, canon=Form(f"{n} {up(u)}", gold, v), eq=eq, wrong=wrong, q=q, steps=steps, inter=inter, last=last)

def k_time():
    h = R.randint(1, 11); m = pick([5, 10, 15, 20, 25, 35, 40, 45, 50, 55]); pm = R.random() < 0.7
    mer = "PM" if pm else "AM"; h24 = h + 12 if pm else h
    gold = f"{h}:{m:02d} {mer}"; v = (h24, m)
    dur_h, dur_m = R.randint(1, 4), pick([15, 20, 30, 40])
    sm = (h24*60 + m - dur_h*60 - dur_m) % (24*60)
    sh, smm = divmod(sm, 60)
    s12 = f"{(sh-1)%12+1}:{smm:02d} {'PM' if sh >= 12 else 'AM'}"
    q = f"A train leaves at {s12} and the trip takes {dur_h} h {dur_m} min. When does it arrive?"
    steps = [f"Start: {s12}.", f"Add {dur_h} hours, then {dur_m} minutes."]
    ml = mer.lower()
    eq = [Form(f"{h}:{m:02d} {ml[0]}.m.", val=v, note="p.m. style"), Form(f"{h24:02d}:{m:02d}", val=v, note="24-hour time"),
          Form(f"{h}:{m:02d} {ml}", val=v, note="lowercase meridiem")]
    other = "AM" if pm else "PM"
    wrong = {"wrong_units": [Form(f"{h}:{m:02d} {other}", val=((h24+12) % 24, m), note="AM/PM swapped")],
             "near_miss": [Form(f"{h % 12 + 1}:{m:02d} {mer}", val=((h24+1) % 24 if h != 11 else None, m), note="off by an hour"),
                           Form(f"{h}:{(m+30)%60:02d} {mer}", val=(h24, (m+30) % 60), note="off by 30 min")]}
    if h == 11: wrong["near_miss"] = wrong["near_miss"][1:]
    for F in eq + sum(wrong.values(), []): F.math = f"\\text{{{F.plain}}}"
    return dict(gold=gold, gval=v, canon=Form(gold, f"\\text{{{gold}}}", v), eq=eq, wrong=wrong, q=q, steps=steps,
                inter=[s12, f"{dur_h} h {dur_m} min"], last=f"{s12} + {dur_h}\\text{{ h }}{dur_m}\\text{{ min}}")

def k_sci():
    mant = Fr(R.randint(11, 98), 10)
    while mant.denominator == 1: mant = Fr(R.randint(11, 98), 10)
    e = pick([3, 4, 5, 6, 7, -3, -4])
    v = mant * Fr(10)**e; ms = fstr(mant)
    gold = f"{ms} \\times 10^{{{e}}}" if e < 0 else f"{ms} \\times 10^{e}"
    q = f"Write the product $({ms} \\times 10^{{{e-2}}})(10^2)$ in scientific notation."
    q = f"Express {fstr(v)} in scientific notation." if R.random() < 0.5 else f"Compute $({ms} \\times 10^{{{e+1}}}) \\div 10$ and give the result."
    steps = [f"Move the decimal point so the mantissa is between 1 and 10: {ms}.", f"Count the places moved: {abs(e)}."]
    eq = [Form(fstr(v), val=v, note="plain decimal"), Form(f"{ms}e{e}", val=v, note="e-notation"),
          Form(f"{ms} × 10^{e}", f"{ms} \\cdot 10^{{{e}}}", v, "cdot form"),
          Form(f"{fstr(mant*10)} × 10^{e-1}", f"{fstr(mant*10)} \\times 10^{{{e-1}}}", v, "non-normalised mantissa")]
    if v >= 1000 and v.denominator == 1: eq.append(Form(f"{int(v):,}", val=v, note="comma-grouped integer"))
    d = ms.replace(".", ""); sw = Fr(d[1] + "." + d[0])
    wrong = {"near_miss": [Form(f"{ms} × 10^{e+1}", f"{ms} \\times 10^{{{e+1}}}", mant*Fr(10)**(e+1), "exponent off by one")],
             "sign_error": [Form(f"{ms} × 10^{-e}", f"{ms} \\times 10^{{{-e}}}", mant*Fr(10)**(-e), "exponent sign")]}
    if sw != mant: wrong["swapped"] = [Form(f"{fstr(sw)} × 10^{e}", f"{fstr(sw)} \\times 10^{{{e}}}", sw*Fr(10)**e, "mantissa digits swapped")]
    return dict(gold=gold, gval=v, canon=Form(f"{ms} × 10^{e}", gold, v), eq=eq, wrong=wrong, q=q, steps=steps,
                inter=[ms, str(abs(e))], last=f"{ms} \\times 10^{{{e}}}")

X = sp.Symbol("x")
def sval(s):
    return sp.expand(sp.sympify(s.replace("^", "**").replace("x", "*x").replace("(*x", "(x").lstrip("*").replace(" *x", " x")
                                .replace("- *x", "-x").replace("+ *x", "+x")))

def k_expression():
    a, b, c = nz(1, 5), nz(-9, 9), nz(-12, 12)
    while abs(b) == abs(c) or b == 1: b, c = nz(-9, 9), nz(-12, 12)
    T = [(a, "x^2"), (b, "x"), (c, "")]
    gold = poly(T); e = a*X**2 + b*X + c
    p, r = R.randint(1, 3), nz(-5, 5)
    q = f"Expand and simplify: $({a}x^2 + {b - p*r}x + {c})$ combined with $({p*r}x)$." if False else \
        f"Simplify $({poly([(a, 'x^2'), (b - 2, 'x')]) if b != 2 else poly([(a,'x^2')])}) + (2x{sgn_term(c, '')})$."
    steps = ["Group like terms: the $x^2$ terms, the $x$ terms, and the constants.", f"The $x$ terms combine to ${sgn_term(b, 'x', True)}$."]
    perms = [[T[1], T[0], T[2]], [T[2], T[1], T[0]], [T[0], T[2], T[1]], [T[2], T[0], T[1]]]
    eq = [Form(poly(pp), val=e, note="reordered terms") for pp in R.sample(perms, 3)]
    wrong = {"sign_error": [Form(poly([T[0], (-b, "x"), T[2]]), val=a*X**2 - b*X + c, note="sign of x term"),
                            Form(poly([T[0], T[1], (-c, "")]), val=a*X**2 + b*X - c, note="sign of constant")],
             "swapped": [Form(poly([T[0], (c, "x"), (b, "")]), val=a*X**2 + c*X + b, note="coefficients swapped")],
             "near_miss": [Form(poly([T[0], T[1], (c+1 if c != -1 else 2, "")]), val=a*X**2 + b*X + (c+1 if c != -1 else 2))]}
    return dict(gold=gold, gval=e, canon=Form(gold, val=e), eq=eq, wrong=wrong, q=q, steps=steps,
                inter=[sgn_term(b, "x", True), str(a)], last="\\text{(combined)}")

def k_equation():
    m, b = nz(-6, 6, (1,)), nz(-9, 9)
    while abs(m) == abs(b): b = nz(-9, 9)
    gold = "y = " + poly([(m, "x"), (b, "")]); v = ("line", m, b)
    x1 = R.randint(-3, 3); y1 = m*x1 + b; x2 = x1 + R.randint(1, 3); y2 = m*x2 + b
    q = f"Find the equation of the line through $({x1}, {y1})$ and $({x2}, {y2})$."
    steps = [f"Slope: $m = \\frac{{{y2} - ({y1})}}{{{x2} - ({x1})}} = {m}$.", f"Use point-slope with $({x1}, {y1})$ and solve for $y$."]
    eq = [Form("y = " + poly([(b, ""), (m, "x")]), val=v, note="reordered terms"),
          Form(poly([(m, "x"), (b, "")]) + " = y", val=v, note="sides swapped")]
    wrong = {"sign_error": [Form("y = " + poly([(-m, "x"), (b, "")]), val=("line", -m, b), note="slope sign"),
                            Form("y = " + poly([(m, "x"), (-b, "")]), val=("line", m, -b), note="intercept sign")],
             "swapped": [Form("y = " + poly([(b, "x"), (m, "")]), val=("line", b, m), note="slope/intercept swapped")],
             "near_miss": [Form("y = " + poly([(m, "x"), (b+1 if b != -1 else 3, "")]), val=("line", m, b+1 if b != -1 else 3))]}
    return dict(gold=gold, gval=v, canon=Form(gold, val=v), eq=eq, wrong=wrong, q=q, steps=steps,
                inter=[f"m = {m}", f"({x1}, {y1})"], last="y")

def k_system():
    x, y = nz(-9, 9), nz(-9, 9)
    while abs(x) == abs(y): y = nz(-9, 9)
    a, b, c, d = nz(1, 4), nz(1, 4), nz(1, 4), nz(-4, -1)
    q = f"Solve the system ${a}x + {b}y = {a*x+b*y}$ and ${c}x - {-d}y = {c*x+d*y}$."
    steps = ["Eliminate one variable by scaling and subtracting the equations.", "Back-substitute to find the other variable."]
    gold = f"x = {x}, y = {y}"; v = ("sys", x, y)
    eq = [Form(f"y = {y}, x = {x}", f"y = {y},\\ x = {x}", v, "unknowns reordered"), Form(f"x = {x} and y = {y}", f"x = {x} \\text{{ and }} y = {y}", v, "'and' form"),
          Form(f"x={x}, y={y}", val=v, note="no spaces")]
    wrong = {"swapped": [Form(f"x = {y}, y = {x}", val=("sys", y, x), note="values swapped")],
             "sign_error": [Form(f"x = {x}, y = {-y}", val=("sys", x, -y)), Form(f"x = {-x}, y = {y}", val=("sys", -x, y))],
             "near_miss": [Form(f"x = {x+1}, y = {y}", val=("sys", x+1, y))]}
    return dict(gold=gold, gval=v, canon=Form(gold, val=v), eq=eq, wrong=wrong, q=q, steps=steps,
                inter=[str(a*x+b*y), str(c*x+d*y)], last="(x, y)")

def tup(xs, tex=False): return "(" + ", ".join(map(str, xs)) + ")"
def settex(xs): return "\\{" + ", ".join(map(str, xs)) + "\\}"
def setpl(xs): return "{" + ", ".join(map(str, xs)) + "}"

def k_tuple():
    xs = R.sample([i for i in range(-9, 10) if i != 0], 3)
    while len({abs(t) for t in xs}) < 3: xs = R.sample([i for i in range(-9, 10) if i != 0], 3)
    v = ("tup", tuple(xs)); gold = tup(xs)
    q = f"Find $(a, b, c)$ given $a + b + c = {sum(xs)}$, $a - b = {xs[0]-xs[1]}$, and $c = {xs[2]}$."
    steps = [f"From the last condition $c = {xs[2]}$.", f"Then $a + b = {xs[0]+xs[1]}$ and $a - b = {xs[0]-xs[1]}$."]
    eq = [Form(f"({','.join(map(str, xs))})", val=v, note="no spaces"), Form(gold, "\\left(" + ", ".join(map(str, xs)) + "\\right)", v, "left/right parens"),
          Form(f"(a, b, c) = {gold}", val=v, note="with variable names")]
    sw = [xs[1], xs[0], xs[2]]
    wrong = {"swapped": [Form(tup(sw), val=("tup", tuple(sw)), note="first two swapped")],
             "set_vs_tuple": [Form(setpl(xs), settex(xs), ("set", frozenset(xs)), "tuple written as set")],
             "sign_error": [Form(tup([xs[0], xs[1], -xs[2]]), val=("tup", (xs[0], xs[1], -xs[2])))],
             "near_miss": [Form(tup([xs[0]+1, xs[1]-1, xs[2]]), val=("tup", (xs[0]+1, xs[1]-1, xs[2])))]}
    return dict(gold=gold, gval=v, canon=Form(gold, val=v), eq=eq, wrong=wrong, q=q, steps=steps,
                inter=[str(sum(xs)), str(xs[0]+xs[1])], last="(a, b, c)")

def k_pair():
    x, y = nz(-9, 9), nz(-9, 9)
    while abs(x) == abs(y): y = nz(-9, 9)
    v = ("tup", (x, y)); gold = tup([x, y])
    m = nz(-3, 3)
    q = f"Find the intersection point of $y = {m}x{sgn_term(y - m*x, '')}$ and $x = {x}$."
    steps = [f"Substitute $x = {x}$ into the first line.", f"$y = {m}({x}){sgn_term(y-m*x, '')}$."]
    eq = [Form(f"({x},{y})", val=v, note="no spaces"), Form(gold, f"\\left( {x}, {y} \\right)", v, "left/right parens"),
          Form(f"x = {x}, y = {y}", val=v, note="coordinates named")]
    wrong = {"swapped": [Form(tup([y, x]), val=("tup", (y, x)), note="coordinates swapped")],
             "set_vs_tuple": [Form(setpl([x, y]), settex([x, y]), ("set", frozenset([x, y])), "pair written as set")],
             "sign_error": [Form(tup([x, -y]), val=("tup", (x, -y))), Form(tup([-x, y]), val=("tup", (-x, y)))],
             "near_miss": [Form(tup([x, y+m if m else y+1]), val=("tup", (x, y+m if m else y+1)))]}
    return dict(gold=gold, gval=v, canon=Form(gold, val=v), eq=eq, wrong=wrong, q=q, steps=steps,
                inter=[str(m*x), str(y-m*x)], last="y")

def k_set():
    n = pick([2, 2, 3]); xs = sorted(R.sample([i for i in range(-8, 10) if i != 0], n))
    while len({abs(t) for t in xs}) < n: xs = sorted(R.sample([i for i in range(-8, 10) if i != 0], n))
    v = ("set", frozenset(xs)); gold = settex(xs)
    q = f"Find all real solutions of ${' '.join('(x' + sgn_term(-t, '') + ')' for t in xs)} = 0$, as a set."
    steps = ["Set each factor equal to zero.", "Collect the roots."]
    perm = xs[::-1]
    eq = [Form(setpl(perm), settex(perm), v, "reordered set"), Form(setpl(xs).replace(" ", ""), settex(xs).replace(" ", ""), v, "no spaces")]
    if n == 3: eq.append(Form(setpl([xs[1], xs[0], xs[2]]), settex([xs[1], xs[0], xs[2]]), v, "reordered set"))
    repl = xs[:-1] + [xs[-1] + 1 if xs[-1] + 1 not in xs and xs[-1]+1 != 0 else xs[-1] + 2]
    wrong = {"set_vs_tuple": [Form(tup(xs), val=("tup", tuple(xs)), note="set written as tuple")],
             "sign_error": [Form(setpl([-t for t in xs]), settex([-t for t in xs]), ("set", frozenset(-t for t in xs)), "all signs flipped")],
             "near_miss": [Form(setpl(repl), settex(repl), ("set", frozenset(repl)))]}
    if n == 3: wrong["near_miss"].append(Form(setpl(xs[:2]), settex(xs[:2]), ("set", frozenset(xs[:2])), "missing element"))
    return dict(gold=gold, gval=v, canon=Form(setpl(xs), gold, v), eq=eq, wrong=wrong, q=q, steps=steps,
                inter=[f"x = {xs[0]}"], last="\\text{roots}")

def k_interval():
    a = R.randint(-6, 3); b = a + R.randint(2, 8); lo, hi = pick("[("), pick("])")
    inf = R.random() < 0.25
    if inf: lo = "("
    L = "-\\infty" if inf else str(a); Lp = "-∞" if inf else str(a)
    v = ("int", lo, None if inf else a, b, hi)
    gold = f"{lo}{L}, {b}{hi}"
    LE = "\\le"; lhs = "x" if inf else str(a) + (" " + LE + " " if lo == "[" else " < ") + "x"; rop = LE if hi == "]" else "<"
    q = f"Write the solution set of ${lhs} {rop} {b}$ in interval notation."
    steps = ["Isolate $x$ in the compound inequality.", "Translate each end: $\\le$ gives a bracket, $<$ gives a parenthesis."]
    lm = "\\left" + ("[" if lo == "[" else "("); rm = "\\right" + hi
    eq = [Form(f"{lo}{Lp},{b}{hi}", f"{lo}{L},{b}{hi}", v, "no spaces"), Form(f"{lo}{Lp}, {b}{hi}", f"{lm}{L}, {b}{rm}", v, "left/right delimiters")]
    fh = ")" if hi == "]" else "]"
    wrong = {"open_closed_flip": [Form(f"{lo}{Lp}, {b}{fh}", f"{lo}{L}, {b}{fh}", ("int", lo, None if inf else a, b, fh), "right end open/closed changed")],
             "near_miss": [Form(f"{lo}{Lp}, {b+1}{hi}", f"{lo}{L}, {b+1}{hi}", ("int", lo, None if inf else a, b+1, hi))]}
    if not inf:
        fl = "(" if lo == "[" else "["
        wrong["open_closed_flip"].append(Form(f"{fl}{a}, {b}{hi}", val=("int", fl, a, b, hi), note="left end open/closed changed"))
        if a != 0: wrong["sign_error"] = [Form(f"{lo}{-a}, {b}{hi}", val=("int", lo, -a, b, hi))] if -a < b else []
        if not wrong.get("sign_error"): wrong.pop("sign_error", None)
        wrong["set_vs_tuple"] = [Form(setpl([a, b]), settex([a, b]), ("set", frozenset([a, b])), "interval written as a set of endpoints")]
    return dict(gold=gold, gval=v, canon=Form(f"{lo}{Lp}, {b}{hi}", gold, v), eq=eq, wrong=wrong, q=q, steps=steps,
                inter=[str(b)], last="x")

OPS = {">": ("<", "\\ge", "\\geq", "≥"), "<": (">", "\\le", "\\leq", "≤")}
def k_inequality():
    c = nz(-9, 12); op = pick([">", "<", "\\ge", "\\le"])
    strict = op in "<>"
    dirg = ">" if op in (">", "\\ge") else "<"
    v = ("ineq", dirg, strict, c)
    gold = f"x {op} {c}"
    rev = {">": "<", "<": ">", "\\ge": "\\le", "\\le": "\\ge"}[op]
    uni = {">": ">", "<": "<", "\\ge": "≥", "\\le": "≤"}
    k = R.randint(2, 5); d = R.randint(1, 9)
    q = f"Solve ${k}x + {d} {op} {k*c + d}$."
    steps = [f"Subtract {d} from both sides: ${k}x {op} {k*c}$.", f"Divide both sides by {k} (positive, so the sign stays)."]
    eq = [Form(f"{c} {uni[rev]} x", f"{c} {rev} x", v, "inequality written the other way round"),
          Form(f"x{uni[op]}{c}", "x" + (op if strict else {"\\ge": "\\geq", "\\le": "\\leq"}[op]) + str(c), v, "no spaces / geq spelling")]
    sflip = {">": "\\ge", "<": "\\le", "\\ge": ">", "\\le": "<"}[op]
    wrong = {"strictness_flip": [Form(f"x {uni[sflip]} {c}", f"x {sflip} {c}", ("ineq", dirg, not strict, c), "strict vs non-strict")],
             "sign_error": [Form(f"x {uni[rev]} {c}", f"x {rev} {c}", ("ineq", "<" if dirg == ">" else ">", strict, c), "direction flipped"),
                            Form(f"x {uni[op]} {-c}", f"x {op} {-c}", ("ineq", dirg, strict, -c), "sign of bound")],
             "near_miss": [Form(f"x {uni[op]} {c+1}", f"x {op} {c+1}", ("ineq", dirg, strict, c+1))]}
    return dict(gold=gold, gval=v, canon=Form(f"x {uni[op]} {c}", gold, v), eq=eq, wrong=wrong, q=q, steps=steps,
                inter=[str(k*c), str(k)], last="x")

def pm(rows, env="pmatrix"):
    return f"\\begin{{{env}}} " + " \\\\ ".join(" & ".join(map(str, r)) for r in rows) + f" \\end{{{env}}}"
def k_matrix():
    M = [[nz(-9, 9), nz(-9, 9)], [nz(-9, 9), nz(-9, 9)]]
    while M[0][1] == M[1][0] or M[0][0] == M[0][1]: M[1][0] = nz(-9, 9); M[0][1] = nz(-9, 9)
    v = ("mat", tuple(map(tuple, M))); gold = pm(M)
    A = [[M[0][0] - 1, M[0][1]], [M[1][0], M[1][1] + 2]]
    q = f"Compute $A + B$ where $A = {pm(A)}$ and $B = {pm([[1, 0], [0, -2]])}$."
    steps = ["Add entry by entry.", f"Top-left: ${A[0][0]} + 1$; bottom-right: ${A[1][1]} + (-2)$."]
    eq = [Form(f"[[{M[0][0]}, {M[0][1]}], [{M[1][0]}, {M[1][1]}]]", pm(M, "bmatrix"), v, "bmatrix / nested list"),
          Form(f"[[{M[0][0]},{M[0][1]}],[{M[1][0]},{M[1][1]}]]", pm(M, "bmatrix"), v, "bmatrix / nested list")]
    T = [[M[0][0], M[1][0]], [M[0][1], M[1][1]]]
    S = [[M[0][0], -M[0][1]], [M[1][0], M[1][1]]]
    N = [[M[0][0], M[0][1]], [M[1][0], M[1][1] + 1]]
    def F(X, note): return Form(f"[[{X[0][0]}, {X[0][1]}], [{X[1][0]}, {X[1][1]}]]", pm(X), ("mat", tuple(map(tuple, X))), note)
    wrong = {"swapped": [F(T, "transposed")], "sign_error": [F(S, "one entry sign flipped")], "near_miss": [F(N, "one entry off by one")]}
    return dict(gold=gold, gval=v, canon=Form(f"[[{M[0][0]}, {M[0][1]}], [{M[1][0]}, {M[1][1]}]]", gold, v), eq=eq, wrong=wrong, q=q, steps=steps,
                inter=[str(A[0][0]), str(A[1][1])], last="A + B")

def k_vector():
    xs = [nz(-9, 9) for _ in range(3)]
    while len({abs(t) for t in xs}) < 3: xs = [nz(-9, 9) for _ in range(3)]
    v = ("vec", tuple(xs)); gold = pm([[t] for t in xs])
    u = [t - 1 for t in xs]
    q = f"Compute $\\mathbf{{u}} + \\mathbf{{w}}$ for $\\mathbf{{u}} = {pm([[t] for t in u])}$ and $\\mathbf{{w}} = {pm([[1],[1],[1]])}$."
    steps = ["Add componentwise.", f"First component: ${u[0]} + 1$."]
    eq = [Form(f"<{xs[0]}, {xs[1]}, {xs[2]}>", f"\\langle {xs[0]}, {xs[1]}, {xs[2]} \\rangle", v, "angle-bracket vector"),
          Form(f"⟨{xs[0]}, {xs[1]}, {xs[2]}⟩", pm([[t] for t in xs], "bmatrix"), v, "bmatrix / angle vector")]
    def F(ys, note): return Form(f"<{ys[0]}, {ys[1]}, {ys[2]}>", pm([[t] for t in ys]), ("vec", tuple(ys)), note)
    wrong = {"swapped": [F([xs[1], xs[0], xs[2]], "components swapped")], "sign_error": [F([xs[0], -xs[1], xs[2]], "one sign flipped")],
             "near_miss": [F([xs[0], xs[1], xs[2] + 1], "one component off by one")]}
    return dict(gold=gold, gval=v, canon=Form(f"<{xs[0]}, {xs[1]}, {xs[2]}>", gold, v), eq=eq, wrong=wrong, q=q, steps=steps,
                inter=[str(u[0]), str(u[1])], last="\\mathbf{u} + \\mathbf{w}")

def cx(a, b):
    if b == 1: im = "i"
    elif b == -1: im = "-i"
    else: im = f"{b}i"
    return f"{a} {'-' if b < 0 else '+'} {im.lstrip('-')}"
def k_complex():
    a, b = nz(-9, 9), nz(-9, 9)
    while abs(a) == abs(b) or abs(b) == 1: b = nz(-9, 9)
    v = ("cx", a, b); gold = cx(a, b)
    p, q2 = a - 1, b + 2
    q = f"Simplify $({cx(p, q2) if q2 else str(p)}) + (1 - 2i)$."
    steps = ["Add real parts and imaginary parts separately.", f"Real: ${p} + 1$; imaginary: ${q2} - 2$."]
    imt = f"{b}i"
    eq = [Form(f"{imt} {'+' if a > 0 else '-'} {abs(a)}", val=v, note="imaginary part first"), Form(gold.replace(" ", ""), val=v, note="no spaces")]
    wrong = {"swapped": [Form(cx(b, a) if abs(a) != 1 else f"{b} {'+' if a>0 else '-'} i", val=("cx", b, a), note="real/imag swapped")],
             "sign_error": [Form(cx(a, -b), val=("cx", a, -b), note="conjugate"), Form(cx(-a, b), val=("cx", -a, b), note="real sign")],
             "near_miss": [Form(cx(a + 1 if a != -1 else 2, b), val=("cx", a + 1 if a != -1 else 2, b))]}
    return dict(gold=gold, gval=v, canon=Form(gold, val=v), eq=eq, wrong=wrong, q=q, steps=steps,
                inter=[str(p + 1), str(q2 - 2)], last="\\text{sum}")

def k_pm():
    a = nz(-6, 6); n = pick([2, 3, 5, 6, 7, 10, 11, 13])
    v = ("pm", a, n); gold = f"{a} \\pm \\sqrt{{{n}}}"
    c = a*a - n
    q = f"Solve $x^2 {'-' if a > 0 else '+'} {abs(2*a)}x {'+' if c >= 0 else '-'} {abs(c)} = 0$."
    steps = [f"Complete the square: $(x {'-' if a > 0 else '+'} {abs(a)})^2 = {n}$.", f"Take square roots: $x {'-' if a > 0 else '+'} {abs(a)} = \\pm\\sqrt{{{n}}}$."]
    eq = [Form(f"x = {a} ± √{n}", f"x = {a} \\pm \\sqrt{{{n}}}", v, "with x ="), Form(f"{a}±√{n}", f"{a}\\pm\\sqrt{{{n}}}", v, "no spaces")]
    n2 = n + 1 if n + 1 not in (4, 9, 16) else n + 2
    wrong = {"only_one_root": [Form(f"{a} + √{n}", f"{a} + \\sqrt{{{n}}}", ("one", a, n, "+"), "only the + root"),
                               Form(f"{a} - √{n}", f"{a} - \\sqrt{{{n}}}", ("one", a, n, "-"), "only the - root")],
             "sign_error": [Form(f"{-a} ± √{n}", f"{-a} \\pm \\sqrt{{{n}}}", ("pm", -a, n), "sign of centre")],
             "near_miss": [Form(f"{a} ± √{n2}", f"{a} \\pm \\sqrt{{{n2}}}", ("pm", a, n2))]}
    return dict(gold=gold, gval=v, canon=Form(f"{a} ± √{n}", gold, v), eq=eq, wrong=wrong, q=q, steps=steps,
                inter=[str(n), str(abs(2*a))], last="x")

def k_mc():
    L = "ABCDE"; ci = R.randrange(5); base = R.randint(10, 60)
    vals = R.sample(range(base, base + 15), 5); ans = vals[ci]
    opts = "  ".join(f"({L[i]}) {vals[i]}" for i in range(5))
    q = f"What is the value of the expression? Options: {opts}"
    steps = ["Evaluate the expression carefully, keeping track of the order of operations.", "Then compare the result with the listed options."]
    v = ("mc", L[ci]); gold = f"({L[ci]})"
    eq = [Form(f"({L[ci]}) {ans}", f"\\text{{({L[ci]}) }}{ans}", v, "letter plus value"), Form(L[ci], val=v, note="bare letter"),
          Form(f"option ({L[ci]})", f"\\textbf{{({L[ci]})}}", v, "option wording / bold letter")]
    others = [i for i in range(5) if i != ci]
    wrong = {"near_miss": [Form(f"({L[i]})", val=("mc", L[i]), note="different option") for i in R.sample(others, 2)]}
    return dict(gold=gold, gval=v, canon=Form(gold, val=v), eq=eq, wrong=wrong, q=q, steps=steps,
                inter=[str(vals[others[0]])], last="\\text{choice}")

TEXTS = [("colors", ["blue", "green", "red", "yellow", "purple"], "Which colour does the spinner land on most often?"),
         ("days", ["Tuesday", "Friday", "Sunday", "Wednesday"], "On which day of the week will the 30th fall?"),
         ("parity", ["even", "odd"], "Is the sum even or odd?"),
         ("names", ["Alice", "Bianca", "Carlos", "Dev"], "Who finished the race first?")]
def k_text():
    cat, ws, q = pick(TEXTS); w = pick(ws)
    v = ("text", w.lower()); gold = f"\\text{{{w}}}"
    steps = ["Go through the information one piece at a time.", "Eliminate the options that contradict a clue."]
    eq = [Form(w, f"\\textbf{{{w}}}", v, "textbf"), Form(w, f"\\mathrm{{{w}}}", v, "mathrm"), Form(w, f"\\text{{ {w} }}", v, "padded text")]
    wrong = {"near_miss": [Form(o, f"\\text{{{o}}}", ("text", o.lower()), "different word") for o in ws if o != w][:2]}
    return dict(gold=gold, gval=v, canon=Form(w, gold, v), eq=eq, wrong=wrong, q=q, steps=steps,
                inter=[pick([o for o in ws if o != w])], last="\\text{answer}")

def k_words():
    n = R.randint(13, 99)
    while n % 10 == 0 or n % 11 == 0: n = R.randint(13, 99)
    a = R.randint(2, n - 2); b = n - a
    q = f"Tom has {a} cards and gets {b} more. How many cards does he have? (Write the number in words.)"
    steps = [f"Start with {a}.", f"Add {b}."]
    v = Fr(n); gold = str(n)
    W_ = lambda s_, **kw: Form(s_, f"\\text{{{s_}}}", **kw)
    eq = [W_(words(n), val=v, note="number in words"), W_(words(n, False), val=v, note="words without hyphen"),
          W_(words(n).capitalize(), val=v, note="capitalised words")]
    rv = int(str(n)[::-1])
    wrong = {"swapped": [W_(words(rv), val=Fr(rv), note="digits reversed, in words")],
             "near_miss": [W_(words(n + 1), val=Fr(n + 1), note="off by one, in words"), W_(words(n - 1), val=Fr(n - 1), note="off by one, in words")]}
    # canon here is the words form itself: the kind is about spelled-out answers
    return dict(gold=gold, gval=v, canon=W_(words(n), val=v), eq=[Form(str(n), val=v, note="digits")] + eq[1:], wrong=wrong, q=q, steps=steps,
                inter=[str(a), str(b)], last=f"{a} + {b}")

KINDS = {"integer": k_integer, "decimal": k_decimal, "fraction": k_fraction, "mixed number": k_mixed, "percent": k_percent,
         "currency": k_currency, "units": k_units, "time": k_time, "scientific notation": k_sci, "expression": k_expression,
         "equation": k_equation, "system": k_system, "tuple": k_tuple, "ordered pair": k_pair, "set": k_set,
         "interval": k_interval, "inequality": k_inequality, "matrix": k_matrix, "vector": k_vector, "complex": k_complex,
         "plus-minus": k_pm, "multiple choice": k_mc, "text": k_text, "number words": k_words}

# ---------------------------------------------------------------- rendering
def inl(F, mode=None):
    mode = mode or pick(["plain", "math", "math"])
    if mode == "plain": return F.plain
    return f"${F.math}$"

def working(d, extra_mid=()):
    lines = list(d["steps"])
    for e in extra_mid: lines.insert(R.randint(1, len(lines)), e)
    return lines

def para(lines): return "\n\n".join(lines)

SIGNOFF_PLAIN = ["Hope this helps!", "Let me know if anything is unclear. 😊", "Happy to walk through any step in more detail.",
                 "Good luck with the rest of your homework!", "Feel free to ask a follow-up question."]
SIGNOFF_NUM = ["Hope this helps — let me know if you'd like help with problems 7 and 8 as well!",
               "That took about 3 steps. Ping me if you want the other 2 parts done too!",
               "(If you have 10 more like this, send them over — happy to help.)",
               "Good luck on your quiz on the 14th! 🙂", "P.S. Exercise 12 in the same chapter uses the same trick."]

def T_boxed(d, F, pre, post):
    w = working(d, pre)
    end = pick([f"Therefore, the answer is $\\boxed{{{F.math}}}$.", f"$$\\boxed{{{F.math}}}$$", f"So we get $\\boxed{{{F.math}}}$."])
    return para([pick(["Let's work through this.", "We proceed step by step.", f"We need: {d['q']}"])] + w + [end] + post)
def T_hash(d, F, pre, post):
    w = working(d, pre)
    return "\n".join(w + [f"The result is {F.plain}.", f"#### {F.plain}"] + post)
def T_heading(d, F, pre, post):
    w = working(d, pre)
    end = pick([f"**Final answer:** {inl(F)}", f"## Final Answer\n\n{inl(F)}", f"Final answer: {inl(F)}", f"### Answer\n{inl(F)}"])
    return para(["**Solution**"] + w + [end] + post)
def T_bold(d, F, pre, post):
    w = working(d, pre)
    return para(w + [pick([f"So the answer is **{F.plain}**.", f"That gives us **{inl(F, 'math')}**.", f"Hence the answer is **{F.plain}**."])] + post)
def T_short(d, F, pre, post):
    w = working(d, pre)[:1] if not pre else working(d, pre)
    return para(w + [pick([F.plain, f"Answer: {F.plain}", f"= {inl(F)}", f"→ {F.plain}"])] + post)
def T_numbered(d, F, pre, post):
    w = working(d, pre)
    body = "\n".join(f"{i+1}. {s}" for i, s in enumerate(w))
    return para(["Here's the step-by-step solution:", body, pick([f"**Answer:** {inl(F)}", f"Answer: {F.plain}", f"So the final result is {inl(F)}."])] + post)
def T_table(d, F, pre, post):
    rows = "\n".join(f"| {i+1} | {v} |" for i, v in enumerate(d["inter"]))
    w = working(d, pre)
    return para([w[0], "| Step | Value |\n|---|---|\n" + rows] + w[1:] + [pick([f"**Result:** {inl(F)}", f"Putting it together, the answer is {inl(F)}."])] + post)
def T_code(d, F, pre, post):
    code = "```python\n# quick sanity check of the intermediate quantities\nparts = [" + ", ".join(repr(v) for v in d["inter"]) + "]\nfor p in parts:\n    print(p)\n```"
    w = working(d, pre)
    return para(w + ["I double-checked the pieces with a short script:", code,
                     pick([f"Everything is consistent, so the answer is {inl(F)}.", f"**Answer:** {F.plain}"])] + post)
def T_first(d, F, pre, post):
    w = working(d, pre)
    return para([pick([f"**{F.plain}**", f"The answer is {inl(F)}.", f"Short answer: {inl(F)}"]),
                 pick(["Here's why:", "Reasoning:", "Justification:"])] + w + [pick(["That's how we get the result above.", "That confirms it."])] + post)
def T_chatty(d, F, pre, post):
    w = working(d, pre)
    return para([pick(["Great question! Let's break it down. 😊", "Sure thing — this one is fun.", "Happy to help with this!"])] + w +
                [f"So the answer is {inl(F)}. {pick(SIGNOFF_PLAIN)}"] + post)
def T_restate(d, F, pre, post):
    w = working(d, pre)
    return para([f"**Question:** {d['q']}", "**Solution:**"] + w + [pick([f"So, to answer the question: {inl(F)}.", f"The answer to the question is {inl(F)}."])] + post)
def T_display(d, F, pre, post):
    w = working(d, pre)
    return para(w + [f"$$\n{d['last']} = {F.math}\n$$", pick([f"So we get ${F.math}$.", "And that is our answer."])] + post)
def T_bullets(d, F, pre, post):
    w = working(d, pre)
    return para(["\n".join("- " + s for s in w) + f"\n- **Result:** {inl(F)}"] + post)

CORR = ["Wait — I made an arithmetic slip in the last step. Let me redo it.", "Hmm, let me double-check that... no, that's not right; I mis-copied a value.",
        "Actually, scratch that — I misread the question.", "Correction: re-checking the final step, I see an error."]
def T_selfcorr(d, A, B, pre, post):
    w = working(d, pre)
    first = pick([f"So the answer is {inl(A)}.", f"This gives ~~{A.plain}~~"])
    return para(w + [first, pick(CORR), pick([f"The correct answer is **{B.plain}**.", f"Final answer: {inl(B)}", f"So the answer is actually $\\boxed{{{B.math}}}$."])] + post)
def T_hedge(d, A, B, pre, post):
    w = working(d, pre)
    end = pick([f"So the answer is {inl(A)} — or possibly {inl(B)}, depending on how the question is read.",
                f"Final answer: {inl(A)} (or {inl(B)})", f"It's either {inl(A)} or {inl(B)}; I'd lean towards the first but I can't rule out the second.",
                f"I get $\\boxed{{{A.math}}}$, although {inl(B)} would also be defensible."])
    return para(w + [end] + post)
def T_doubt(d, F, pre, post):
    w = working(d, pre)
    return para(w + [pick([f"I think the answer is {inl(F)}, but you may want to double-check my arithmetic.",
                           f"**Answer:** {inl(F)} (I'm not 100% sure about this one, so verify it.)",
                           f"My best answer is {inl(F)}, though I'm not completely confident."])] + post)

SIMPLE = {"boxed": T_boxed, "gsm_hash": T_hash, "final_heading": T_heading, "bold_inline": T_bold, "short_line": T_short,
          "numbered_steps": T_numbered, "table": T_table, "code_block": T_code, "answer_first": T_first,
          "chatty_signoff": T_chatty, "restated_question": T_restate, "display_math": T_display, "bullet_list": T_bullets,
          "doubt": T_doubt}
PHRASINGS = list(SIMPLE) + ["self_correction", "hedge"]
TRUE_D = ["none", "equivalent_form", "intermediate_values", "rejected_candidate", "sign_off_number"]
TRUE_W = [0.2, 0.3, 0.15, 0.2, 0.15]

def same(F, d): return F.val == d["gval"]

def make_row(kind, phrasing, target):
    d = KINDS[kind]()
    C_canon = d["canon"]
    wkeys = list(d["wrong"])
    pre, post = [], []
    hard = False
    if phrasing in ("self_correction", "hedge"):
        key = pick(wkeys); W = pick(d["wrong"][key]); C = pick([C_canon] + d["eq"])
        distractor = key
        if phrasing == "hedge":
            target = False
            A, B = (C, W) if R.random() < 0.5 else (W, C)
            reply = T_hedge(d, A, B, pre, post)
            final_ok = False
            why = f"hedges between {A.plain} and {B.plain} ({W.note or key}); a second live candidate makes it false"
        else:
            A, B = (W, C) if target else (C, W)
            reply = T_selfcorr(d, A, B, pre, post)
            final_ok = same(B, d) and not same(A, d)
            why = (f"self-corrects from {A.plain} to final {B.plain}, which " + ("equals" if final_ok else "does not equal") + f" gold {d['gold']}"
                   + (f" ({W.note})" if W.note else ""))
        hard = True
    else:
        if target:
            distractor = R.choices(TRUE_D, TRUE_W)[0]
            F = C_canon if distractor != "equivalent_form" else pick(d["eq"])
            if distractor in ("rejected_candidate",):
                key = pick(wkeys); W = pick(d["wrong"][key])
                s = pick([f"(My first pass gave {inl(W)}, but that was a slip — I dropped a sign — so it's not {W.plain}.)",
                          f"Note: it is **not** {W.plain}; that value comes from a common mistake and doesn't satisfy the conditions.",
                          f"One might be tempted to say {inl(W)}, but that's wrong because it ignores one of the given conditions."])
                pre = [s]
            elif distractor == "intermediate_values":
                pre = [pick([f"Intermediate value: **{v}**." for v in d["inter"]] + [f"(Keep track of {d['inter'][0]} — we'll need it.)"])]
                hard = True
            elif distractor == "sign_off_number":
                post = [pick(SIGNOFF_NUM)]
            if distractor in ("rejected_candidate", "sign_off_number", "equivalent_form"): hard = True
        else:
            if R.random() < 0.25:
                distractor = "gold_in_working"; key = pick(wkeys); F = pick(d["wrong"][key])
                G = pick([C_canon] + d["eq"])
                pre = [pick([f"At first glance it looks like {inl(G)}, but we haven't used every condition yet.",
                             f"A quick estimate suggests something like {G.plain}; let's see if the full calculation agrees.",
                             f"(Some solutions online give {inl(G)}, but I'll compute it myself.)"])]
                hard = True
            else:
                key = pick(wkeys); distractor = key; F = pick(d["wrong"][key])
                if key != "near_miss": hard = True
        reply = SIMPLE[phrasing](d, F, pre, post)
        final_ok = same(F, d)
        if phrasing in ("doubt", "answer_first"): hard = True
        rel = "equals" if final_ok else "does not equal"
        why = f"final answer {F.plain} {rel} gold {d['gold']}" + (f" ({F.note})" if F.note else "")
        if distractor == "rejected_candidate": why += f"; {W.plain} is mentioned only to be explicitly rejected"
        if distractor == "gold_in_working": why += "; the gold value appears only in the working"
        if distractor == "sign_off_number": why += "; numbers in the sign-off are not answers"
        if phrasing == "doubt": why += "; doubt without an alternative value does not change the label"
    if final_ok != target:
        raise AssertionError((kind, phrasing, distractor, final_ok, target))
    return d, dict(kind=kind, phrasing=phrasing, distractor=distractor, gold=d["gold"], reply=reply, correct=bool(final_ok), why=why), hard

# ---------------------------------------------------------------- validation of forms (independent of labels)
def parse_poly(s):
    from sympy.parsing.sympy_parser import parse_expr, standard_transformations, implicit_multiplication_application
    return sp.expand(parse_expr(s.replace("^", "**"), transformations=standard_transformations + (implicit_multiplication_application,)))

def validate(kind, d):
    for F in [d["canon"]] + d["eq"]:
        assert F.val == d["gval"], (kind, F.plain, F.val, d["gval"])
    for k, fs in d["wrong"].items():
        assert fs, (kind, k)
        for F in fs:
            assert F.val != d["gval"], (kind, k, F.plain)
    if kind == "expression":
        g = parse_poly(d["gold"])
        for F in [d["canon"]] + d["eq"]: assert sp.simplify(parse_poly(F.plain) - g) == 0
        for fs in d["wrong"].values():
            for F in fs: assert sp.simplify(parse_poly(F.plain) - g) != 0
    if kind in ("integer", "decimal", "fraction"):
        for F in [d["canon"]] + d["eq"] + sum(d["wrong"].values(), []):
            if "%" not in F.plain:
                assert (Fr(F.plain) == d["gval"]) == (F.val == d["gval"]), (kind, F.plain)

def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "/work/heldout/math_heldout9_2026-12-07.jsonl"
    per_kind = 100
    rows, nhard = [], 0
    for kind in KINDS:
        ph = []
        while len(ph) < per_kind:
            p = PHRASINGS[:]; R.shuffle(p); ph += p
        ph = ph[:per_kind]
        t = 0
        for i in range(per_kind):
            phrasing = ph[i]
            target = (t % 2 == 0) if phrasing != "hedge" else False
            if phrasing != "hedge": t += 1
            for _ in range(50):
                try:
                    st = R.getstate()
                    d, row, hard = make_row(kind, phrasing, target)
                    validate(kind, d)
                    break
                except (AssertionError, KeyError, IndexError, ValueError, ZeroDivisionError) as e:
                    last = e
                    continue
            else:
                raise last
            nhard += hard
            row = dict(id=f"mh9-{len(rows):05d}", split=SPLIT, **row)
            row["_hard"] = hard
            rows.append(row)
    with open(out, "w") as fh:
        for r in rows:
            r2 = {k: v for k, v in r.items() if k != "_hard"}
            fh.write(json.dumps(r2, ensure_ascii=False) + "\n")
    with open(out + ".hard.json" if "--hard" in sys.argv else "/dev/null", "w") as fh:
        json.dump({r["id"]: r["_hard"] for r in rows}, fh)
    print(len(rows), "rows;", sum(r["correct"] for r in rows), "true;", nhard, "hard")

if __name__ == "__main__":
    main()
