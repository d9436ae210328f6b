#!/usr/bin/env python3
"""Generator for benchmarks/data/math_dev_2026-12-02.jsonl.

A labelled dev set of (gold answer, model reply) pairs for a math-answer
checker, in GSM8K / MATH grading conventions.  Written by a helper that did
NOT read the checker's code.  Deterministic: seeded RNG, no set iteration over
strings, no wall clock.  Needs only plain Python + sympy.

Every row's label is computed by construction (we know which answer form we
inserted as the final answer) and re-checked by an independent route: the
inserted final-answer string and the gold string are both parsed from text
(own LaTeX/words parser -> sympy / Fraction objects) and compared.  Rows where
the two routes disagree are reported and dropped.

Usage:  python benchmarks/data/math_dev_2026-12-02_generator.py [--out PATH] [--sample N]
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
from collections import Counter
from fractions import Fraction

import sympy as sp
from sympy.parsing.sympy_parser import (
    convert_xor,
    implicit_multiplication_application,
    parse_expr,
    standard_transformations,
)

SEED = 20261202
SPLIT = "dev-2026-12-02"
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.join(HERE, "math_dev_2026-12-02.jsonl")

# ---------------------------------------------------------------------------
# Answer forms
# ---------------------------------------------------------------------------


class Form:
    """One way of writing an answer.  latex: valid inside math mode / \\boxed{}.
    plain: how it is written in running text (None -> wrap latex in $...$)."""

    def __init__(self, latex, plain=None, tag=""):
        self.latex = latex
        self.plain = plain
        self.tag = tag

    def __repr__(self):
        return f"Form({self.latex!r}, {self.plain!r})"


def F(s, tag=""):  # plain-safe string, identical in both contexts
    return Form(s, s, tag)


def L(s, tag=""):  # latex-only string
    return Form(s, None, tag)


def P(plain, latex=None, tag=""):  # prose-ish string with an optional latex rendering
    if latex is None:
        if re.fullmatch(r"[A-Za-z][A-Za-z \-]*", plain):
            latex = "\\text{%s}" % plain
        else:
            m = re.fullmatch(r"(.*?\d\.?)\s+([A-Za-z][A-Za-z/. ]*)", plain)
            latex = f"{m.group(1)}\\text{{ {m.group(2)}}}" if m else plain
    return Form(latex, plain, tag)


def render(form: Form, ctx: str, rng: random.Random) -> str:
    """ctx: 'box' (inside \\boxed), 'inline', 'gsm' (#### line), 'math' (inside $..$ we add)."""
    if ctx in ("box", "math"):
        return form.latex
    if ctx == "gsm":
        return form.plain if form.plain is not None else form.latex
    if form.plain is not None and (form.plain != form.latex or rng.random() < 0.8):
        return form.plain
    return rng.choice(["$%s$", "\\(%s\\)", "$%s$"]) % form.latex


def latex_inline(s: str, rng) -> str:
    """Render a gold-like string inline."""
    if "\\" in s or "^" in s or "{" in s:
        return rng.choice(["$%s$", "\\(%s\\)"]) % s
    return s


# ---------------------------------------------------------------------------
# Small helpers for building items
# ---------------------------------------------------------------------------


def frac_latex(fr: Fraction, cmd="\\frac") -> str:
    if fr.denominator == 1:
        return str(fr.numerator)
    sign = "-" if fr < 0 else ""
    return f"{sign}{cmd}{{{abs(fr.numerator)}}}{{{fr.denominator}}}"


def frac_plain(fr: Fraction) -> str:
    if fr.denominator == 1:
        return str(fr.numerator)
    return f"{fr.numerator}/{fr.denominator}"


def terminating(fr: Fraction) -> bool:
    d = fr.denominator
    for p in (2, 5):
        while d % p == 0:
            d //= p
    return d == 1


def dec_str(fr: Fraction) -> str:
    assert terminating(fr)
    s = f"{float(fr):.10f}".rstrip("0").rstrip(".")
    assert Fraction(s) == fr, (s, fr)
    return s


def poly_str(coeffs, var="x"):
    """coeffs highest degree first -> 'x^2 - x - 2'."""
    n = len(coeffs) - 1
    out = []
    for i, c in enumerate(coeffs):
        p = n - i
        if c == 0:
            continue
        sign = "-" if c < 0 else "+"
        a = abs(c)
        if p == 0:
            body = str(a)
        else:
            body = ("" if a == 1 else str(a)) + (var if p == 1 else f"{var}^{p}")
        out.append((sign, body))
    if not out:
        return "0"
    s = ("-" if out[0][0] == "-" else "") + out[0][1]
    for sign, body in out[1:]:
        s += f" {sign} {body}"
    return s


def lin_factor(a, b, var="x"):
    """(a x + b) as a string."""
    ax = var if a == 1 else ("-" + var if a == -1 else f"{a}{var}")
    if b == 0:
        return ax
    return f"{ax} {'+' if b > 0 else '-'} {abs(b)}"


def poly_mul(p, q):
    r = [0] * (len(p) + len(q) - 1)
    for i, a in enumerate(p):
        for j, b in enumerate(q):
            r[i + j] += a * b
    return r


ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def num_words(n: int, and_=True) -> str:
    if n < 20:
        return ONES[n]
    if n < 100:
        t, o = divmod(n, 10)
        return TENS[t] + ("" if o == 0 else "-" + ONES[o])
    if n < 1000:
        h, r = divmod(n, 100)
        return ONES[h] + " hundred" + ("" if r == 0 else (" and " if and_ else " ") + num_words(r))
    th, r = divmod(n, 1000)
    return num_words(th) + " thousand" + ("" if r == 0 else (" and " if r < 100 else " ") + num_words(r))


# ---------------------------------------------------------------------------
# Item pools.  Each item: gold string, right forms, wrong forms by distractor,
# and a "scalar" flag (single number answer -> list distractor makes sense).
# ---------------------------------------------------------------------------


def item(gold, right, wrong, scalar=False, numeric=False, multi=None):
    """multi: list of Forms whose boxes together form the multi-part gold (sets)."""
    return dict(gold=gold, right=right, wrong=wrong, scalar=scalar, numeric=numeric, multi=multi)


def gen_integer(rng):
    items = []
    vals = rng.sample(range(3, 990), 14) + [rng.randint(1000, 98000) for _ in range(4)]
    for n in vals:
        right = [F(str(n)), L(str(n)), F(f"x = {n}")]
        if n >= 1000:
            right.append(F(f"{n:,}"))
        if rng.random() < 0.4:
            right.append(F(f"{n}.0"))
        wrong = {
            "near_miss": [F(str(n + 1)), F(str(n - 1)), F(str(n * 10))],
            "sign_error": [F(str(-n))],
        }
        items.append(item(str(n) if n < 1000 or rng.random() < 0.5 else f"{n:,}", right, wrong, scalar=True, numeric=True))
    return items


def gen_decimal(rng):
    items = []
    fracs = [Fraction(3, 4), Fraction(5, 2), Fraction(13, 4), Fraction(1, 8), Fraction(12, 5),
             Fraction(7, 20), Fraction(33, 2), Fraction(9, 4), Fraction(2, 5), Fraction(41, 4),
             Fraction(3, 8), Fraction(27, 10), Fraction(3, 5), Fraction(125, 4)]
    for fr in fracs:
        d = dec_str(fr)
        right = [F(d), F(d + "0"), L(frac_latex(fr)), F(frac_plain(fr))]
        if d.startswith("0."):
            right.append(F(d[1:]))
        wrong = {
            "near_miss": [F(dec_str(fr * 10)), F(dec_str(fr / 10)), F(dec_str(fr + Fraction(1, 100)))],
            "sign_error": [F("-" + d)],
        }
        if fr < 1:
            wrong["percent_fraction_mixup"] = [F(dec_str(fr * 100) + "%"), L(dec_str(fr * 100) + "\\%")]
        items.append(item(d, right, wrong, scalar=True, numeric=True))
    return items


def gen_fraction(rng):
    items = []
    fracs = [Fraction(3, 4), Fraction(1, 3), Fraction(2, 3), Fraction(5, 6), Fraction(7, 12), Fraction(3, 8),
             Fraction(4, 9), Fraction(11, 15), Fraction(1, 6), Fraction(5, 7), Fraction(9, 16), Fraction(2, 5),
             Fraction(7, 3), Fraction(13, 6)]
    for fr in fracs:
        a, b = fr.numerator, fr.denominator
        right = [L(frac_latex(fr)), F(frac_plain(fr)), L(frac_latex(fr, "\\dfrac")), L(f"\\frac{{{2*a}}}{{{2*b}}}"),
                 F(f"{3*a}/{3*b}")]
        if a < 10 and b < 10:
            right.append(L(f"\\tfrac{a}{b}"))
            right.append(L(f"\\frac{a}{b}"))
        if terminating(fr):
            right.append(F(dec_str(fr)))
        wrong = {
            "near_miss": [L(f"\\frac{{{b}}}{{{a}}}"), F(f"{a}/{b+1}"), F(f"{a+1}/{b}")],
            "sign_error": [L("-" + frac_latex(fr))],
        }
        if not terminating(fr):
            v = float(fr)
            wrong["near_miss"] += [F(f"{v:.2f}"), F(f"{v:.3f}")]
        if fr < 1 and terminating(fr * 100):
            wrong["percent_fraction_mixup"] = [F(dec_str(fr * 100) + "%")]
        gold = frac_latex(fr) if rng.random() < 0.75 else frac_plain(fr)
        items.append(item(gold, right, wrong, scalar=True, numeric=True))
    return items


def gen_mixed(rng):
    items = []
    specs = [(2, 1, 2), (3, 1, 4), (1, 2, 3), (4, 3, 5), (5, 1, 3), (2, 5, 8), (7, 1, 2), (3, 2, 7),
             (1, 5, 6), (6, 3, 4), (2, 3, 10), (9, 1, 4)]
    for w, n, d in specs:
        fr = Fraction(w * d + n, d)
        styles = [f"{w}\\frac{{{n}}}{{{d}}}", f"{w} \\frac{{{n}}}{{{d}}}", f"{w} {n}/{d}", frac_latex(fr)]
        gold = rng.choice(styles)
        right = [F(f"{w} {n}/{d}"), L(f"{w}\\frac{{{n}}}{{{d}}}"), L(f"{w}\\tfrac{n}{d}" if d < 10 else f"{w}\\tfrac{{{n}}}{{{d}}}"),
                 F(frac_plain(fr)), L(frac_latex(fr)), L(f"{w} \\dfrac{{{n}}}{{{d}}}")]
        if terminating(fr):
            right.append(F(dec_str(fr)))
        wrong = {
            "near_miss": [F(f"{w} {n}/{d+1}"), F(f"{w+1} {n}/{d}"), F(f"{w}{n}/{d}"), L(f"\\frac{{{n}}}{{{d}}}")],
            "sign_error": [L(f"-{w}\\frac{{{n}}}{{{d}}}")],
        }
        items.append(item(gold, right, wrong, scalar=True, numeric=True))
    return items


def gen_percent(rng):
    items = []
    vals = [Fraction(75), Fraction(40), Fraction(25, 2), Fraction(60), Fraction(15), Fraction(80), Fraction(35),
            Fraction(5, 2), Fraction(90), Fraction(45), Fraction(20), Fraction(65)]
    for v in vals:
        d = dec_str(v)
        gold = rng.choice([d, d + "\\%", d + "%"])
        right = [F(d + "%"), L(d + "\\%"), P(d + " percent", d + "\\text{ percent}"), F(d)]
        wrong = {
            "percent_fraction_mixup": [F(dec_str(v / 100)), L(frac_latex(v / 100))],
            "near_miss": [F(dec_str(v / 10) + "%"), F(dec_str(100 - v) + "%") if v != 50 else F("49%"), F(dec_str(v + 5) + "%")],
        }
        items.append(item(gold, right, wrong, scalar=True, numeric=True))
    return items


def gen_currency(rng):
    items = []
    vals = [Fraction(18), Fraction(37, 2), Fraction(1250), Fraction(42), Fraction(7, 4), Fraction(96),
            Fraction(305, 4), Fraction(12), Fraction(2400), Fraction(53, 5), Fraction(64), Fraction(15)]
    for v in vals:
        d = dec_str(v)
        c2 = f"{float(v):.2f}"
        gold = rng.choice([d, c2 if v.denominator != 1 else d, "\\$" + d if rng.random() < 0.3 else d])
        right = [P("$" + d, "\\$" + d), P("$" + c2, "\\$" + c2), P(d + " dollars", d + "\\text{ dollars}"), F(d)]
        if v >= 1000:
            right.append(P(f"${int(v):,}", f"\\${int(v):,}"))
        wrong = {
            "near_miss": [P("$" + dec_str(v / 10), "\\$" + dec_str(v / 10)), P("$" + dec_str(v - 1), "\\$" + dec_str(v - 1)),
                          P("$" + dec_str(v * 10), "\\$" + dec_str(v * 10))],
        }
        items.append(item(gold, right, wrong, scalar=True, numeric=True))
    return items


UNIT_ITEMS = [
    # value, unit words (plain, latex), wrong conversion (value, unit)
    (18, ("cm", "\\text{ cm}"), (180, "mm")),
    (2, ("hours", "\\text{ hours}"), (120, "minutes")),
    (45, ("degrees", "^\\circ"), (None, None)),
    (3, ("km", "\\text{ km}"), (3000, "m")),
    (72, ("km/h", "\\text{ km/h}"), (20, "m/s")),
    (5, ("kg", "\\text{ kg}"), (5000, "g")),
    (90, ("minutes", "\\text{ minutes}"), (1.5, "hours")),
    (12, ("square meters", "\\text{ m}^2"), (None, None)),
    (4, ("liters", "\\text{ L}"), (4000, "mL")),
    (150, ("degrees", "^\\circ"), (None, None)),
    (36, ("inches", "\\text{ in}"), (3, "feet")),
    (8, ("feet", "\\text{ ft}"), (96, "inches")),
    (60, ("mph", "\\text{ mph}"), (1, "mile per minute")),
    (25, ("grams", "\\text{ g}"), (None, None)),
]


def gen_units(rng):
    items = []
    for v, (uw, ul), (cv, cu) in UNIT_ITEMS:
        gold = rng.choice([str(v), str(v), f"{v}{ul}" if ul.startswith("^") else f"{v}\\text{{ {uw}}}"])
        right = [P(f"{v} {uw}", f"{v}{ul}"), L(f"{v}{ul}"), F(str(v))]
        if ul.startswith("^"):
            right.append(P(f"{v}°", f"{v}^\\circ"))
        wrong = {"near_miss": [P(f"{v+1} {uw}", f"{v+1}{ul}"), P(f"{v*10} {uw}", f"{v*10}{ul}")]}
        if cv is not None:
            cvs = str(cv)
            wrong["wrong_unit_conversion"] = [P(f"{cvs} {cu}", f"{cvs}\\text{{ {cu}}}")]
        items.append(item(gold, right, wrong, scalar=True, numeric=True))
    return items


def t12(h, m, ap, style):
    ap_s = {"PM": ["PM", "p.m.", "pm", "P.M."], "AM": ["AM", "a.m.", "am", "A.M."]}[ap][style]
    return f"{h}:{m:02d} {ap_s}"


def gen_time(rng):
    items = []
    for _ in range(14):
        h = rng.randint(1, 11)
        m = rng.choice([0, 5, 15, 20, 30, 40, 45, 50])
        ap = rng.choice(["AM", "PM"])
        h24 = h + (12 if ap == "PM" else 0)
        other = "AM" if ap == "PM" else "PM"
        g = rng.random()
        gold = t12(h, m, ap, 0) if g < 0.45 else (t12(h, m, ap, 1) if g < 0.7 else f"{h24:02d}:{m:02d}" if h24 < 10 else f"{h24}:{m:02d}")
        right = [P(t12(h, m, ap, 0), f"\\text{{{t12(h, m, ap, 0)}}}"), P(t12(h, m, ap, 1)), P(t12(h, m, ap, 2)),
                 P(t12(h, m, ap, 3)), P(f"{h24:02d}:{m:02d}")]
        wrong = {
            "near_miss": [P(t12(h, m, other, 0)), P(t12(h % 11 + 1, m, ap, 0)), P(t12(h, (m + 15) % 60, ap, 0)),
                          P(f"{(h24 + 1) % 24:02d}:{m:02d}")],
        }
        items.append(item(gold, right, wrong, scalar=False, numeric=False))
    return items


def gen_sci(rng):
    items = []
    specs = [("1.2", -3), ("3", 8), ("6.02", 23), ("4.5", -6), ("2.5", 4), ("7", -5), ("9.1", -2), ("1.5", 6),
             ("8.4", -4), ("5", 7), ("3.6", 5), ("2", -9)]
    for m, e in specs:
        fr = Fraction(m) * Fraction(10) ** e
        gold_opts = [f"{m} \\times 10^{{{e}}}", f"{m}\\times10^{{{e}}}"]
        if -6 <= e <= 6:
            gold_opts.append(dec_str(fr) if fr.denominator != 1 else str(fr.numerator))
        gold = rng.choice(gold_opts)
        m2 = Fraction(m) * 10
        m2s = dec_str(m2)
        right = [P(f"{m}e{e}", f"{m} \\times 10^{{{e}}}"), L(f"{m} \\times 10^{{{e}}}"), L(f"{m} \\cdot 10^{{{e}}}"),
                 L(f"{m2s} \\times 10^{{{e-1}}}"), P(f"{m} x 10^{e}", f"{m} \\times 10^{{{e}}}")]
        if -6 <= e <= 6:
            right.append(F(dec_str(fr) if fr.denominator != 1 else f"{fr.numerator:,}"))
        wrong = {
            "near_miss": [L(f"{m} \\times 10^{{{e-1}}}"), L(f"{m} \\times 10^{{{e+1}}}")],
            "sign_error": [L(f"{m} \\times 10^{{{-e}}}"), L(f"-{m} \\times 10^{{{e}}}")],
        }
        items.append(item(gold, right, wrong, scalar=True, numeric=True))
    return items


def gen_large(rng):
    items = []
    specs = [("3.5", "million"), ("2.4", "billion"), ("12", "million"), ("1.25", "million"), ("7", "million"),
             ("4.8", "billion"), ("650", "thousand"), ("1.6", "million"), ("20", "million"), ("9.5", "million"),
             ("3", "billion"), ("2.75", "million")]
    mult = {"thousand": 10**3, "million": 10**6, "billion": 10**9}
    nxt = {"thousand": "million", "million": "billion", "billion": "trillion"}
    mult["trillion"] = 10**12
    for m, w in specs:
        v = int(Fraction(m) * mult[w])
        gold = rng.choice([str(v), f"{v:,}", f"{v:,}", f"{m} {w}"])
        right = [P(f"{m} {w}", f"{m}\\text{{ {w}}}"), F(f"{v:,}"), F(str(v)), L(f"{m} \\times 10^{{{len(str(mult[w]))-1}}}")]
        wrong = {
            "near_miss": [P(f"{dec_str(Fraction(m)*10)} {w}"), F(f"{v//10:,}"), P(f"{m} {nxt[w]}"),
                          P(f"{dec_str(Fraction(m)+Fraction(1,10))} {w}")],
        }
        items.append(item(gold, right, wrong, scalar=True, numeric=True))
    return items


def gen_expression(rng):
    items = []
    # quadratics from roots: gold expanded, factored is right
    for _ in range(6):
        r1, r2 = rng.sample([-5, -4, -3, -2, -1, 1, 2, 3, 4, 5, 6], 2)
        a = rng.choice([1, 1, 2])
        p = poly_mul([a, -a * r1], [1, -r2])
        f1 = f"({lin_factor(a, -a*r1)})({lin_factor(1, -r2)})"
        f1_swap = f"({lin_factor(1, -r2)})({lin_factor(a, -a*r1)})"
        exp = poly_str(p)
        rev = " + ".join(reversed([t for t in re.split(r" (?=[+-] )", exp)])).replace("+ + ", "+ ").replace("+ - ", "- ")
        gold = exp if rng.random() < 0.6 else f1
        right = [L(exp), L(f1), L(f1_swap), L(exp.replace("x^2", "x^{2}")), L(rev)]
        wrong = {
            "sign_error": [L(f"({lin_factor(a, a*r1)})({lin_factor(1, r2)})"), L(poly_str([p[0], -p[1], p[2]]))],
            "near_miss": [L(poly_str([p[0], p[1], p[2] + 1])), L(poly_str([p[0], p[1] + 1, p[2]]))],
        }
        items.append(item(gold, right, wrong))
    # factored golds
    for _ in range(3):
        b = rng.choice([2, 3, 4, 5])
        s = rng.choice([1, -1])
        gold = f"({lin_factor(1, s*b)})^2"
        exp = poly_str([1, 2 * s * b, b * b])
        right = [L(exp), L(gold), L(f"({lin_factor(1, s*b)})({lin_factor(1, s*b)})")]
        wrong = {"sign_error": [L(f"({lin_factor(1, -s*b)})^2"), L(poly_str([1, -2 * s * b, b * b]))],
                 "near_miss": [L(poly_str([1, s * b, b * b])), L(poly_str([1, 2 * s * b, b]))]}
        items.append(item(gold, right, wrong))
    # monomial factor
    for _ in range(2):
        a, c = rng.choice([(3, 2), (2, 5), (4, 1), (5, 3)])
        gold = poly_str([a, c, 0])
        right = [L(gold), L(f"x({a}x + {c})"), L(f"{c}x + {a}x^2")]
        wrong = {"near_miss": [L(f"x({a}x + {c+1})"), L(poly_str([a, 0, c]))], "sign_error": [L(f"x({a}x - {c})")]}
        items.append(item(gold, right, wrong))
    # rational
    for _ in range(3):
        p, q = rng.sample([1, 2, 3, 4, 5], 2)
        gold = f"\\frac{{x+{p}}}{{x-{q}}}"
        right = [L(gold), F(f"(x+{p})/(x-{q})"), L(f"\\frac{{{p}+x}}{{x-{q}}}"), L(f"\\frac{{-x-{p}}}{{{q}-x}}"),
                 L(f"\\dfrac{{x + {p}}}{{x - {q}}}")]
        wrong = {"near_miss": [L(f"\\frac{{x-{q}}}{{x+{p}}}"), L(f"\\frac{{x+{p}}}{{x+{q}}}")],
                 "sign_error": [F(f"(x+{p})/({q}-x)"), L(f"\\frac{{x-{p}}}{{x-{q}}}")]}
        items.append(item(gold, right, wrong))
    # inverse functions
    for _ in range(3):
        m, c = rng.choice([(2, 3), (3, 1), (4, 5), (2, 7), (5, 2)])
        gold = f"\\frac{{x+{c}}}{{{m}}}"
        right = [L(gold), L(f"f^{{-1}}(x) = \\frac{{x+{c}}}{{{m}}}"), F(f"(x+{c})/{m}"),
                 L(f"\\frac{{x}}{{{m}}} + \\frac{{{c}}}{{{m}}}")]
        wrong = {"near_miss": [L(f"{m}x - {c}"), L(f"f^{{-1}}(x) = {m}x - {c}")],
                 "sign_error": [L(f"\\frac{{x-{c}}}{{{m}}}"), L(f"f^{{-1}}(x) = \\frac{{x-{c}}}{{{m}}}")]}
        items.append(item(gold, right, wrong))
    return items


def gen_equation(rng):
    items = []
    for _ in range(8):
        m = rng.choice([2, 3, -2, 4, -3, 5, Fraction(1, 2), Fraction(-1, 2)])
        b = rng.choice([1, 3, -4, 5, -2, 7, 6])
        ms = (frac_latex(Fraction(m)) if not isinstance(m, int) else str(m))
        mx = ("-" if m == -1 else "") + ("" if abs(m) == 1 else ms) + "x"
        bs = f"{'+' if b > 0 else '-'} {abs(b)}"
        gold = f"y = {mx} {bs}"
        right = [L(gold), L(f"y={mx}{bs.replace(' ', '')}"), L(f"y = {b} {'+' if m > 0 else '-'} {(frac_latex(abs(Fraction(m))) if abs(m) != 1 else '')}x")]
        wrong = {
            "sign_error": [L(f"y = {mx} {'-' if b > 0 else '+'} {abs(b)}")],
            "near_miss": [L(f"y = {b}x {'+' if m > 0 else '-'} {frac_latex(abs(Fraction(m)))}") if m != b else L(f"y = {mx} {bs}1"),
                          L(gold.replace("y =", "x =").replace("x ", "y ", 1) if False else f"x = {mx.replace('x', 'y')} {bs}")],
        }
        items.append(item(gold, right, wrong))
    for _ in range(6):
        h, k = rng.choice([(1, -2), (3, 4), (-2, 5), (0, 3), (2, 0), (-1, -1), (4, -3)])
        r2 = rng.choice([4, 9, 16, 25, 36])

        def sq(v, c):
            return f"{v}^2" if c == 0 else f"({v} {'-' if c > 0 else '+'} {abs(c)})^2"
        gold = f"{sq('x', h)} + {sq('y', k)} = {r2}"
        right = [L(gold), L(f"{sq('y', k)} + {sq('x', h)} = {r2}"), L(gold.replace(" ", ""))]
        r = int(r2 ** 0.5)
        wrong = {"near_miss": [L(f"{sq('x', h)} + {sq('y', k)} = {r}")],
                 "sign_error": [L(f"{sq('x', -h)} + {sq('y', -k)} = {r2}")] if (h, k) != (0, 0) else [L(f"{sq('x', 1)} + {sq('y', 1)} = {r2}")]}
        items.append(item(gold, right, wrong))
    return items


def gen_system(rng):
    items = []
    for _ in range(12):
        three = rng.random() < 0.25
        vars_ = ["x", "y", "z"] if three else ["x", "y"]
        vals = rng.sample([-4, -3, -2, -1, 0, 1, 2, 3, 5, 6, 7], len(vars_))
        vals_s = [str(v) for v in vals]
        if rng.random() < 0.2:
            vals_s[0] = "\\frac{1}{2}"
        assign = [f"{a}={b}" for a, b in zip(vars_, vals_s)]
        gold = rng.choice([", ".join(assign), ", ".join(a.replace("=", " = ") for a in assign)])
        tup = "(" + ", ".join(vals_s) + ")"
        rev = list(reversed(assign))
        right = [L(tup), L(", ".join(a.replace("=", " = ") for a in rev)), L(" \\text{ and } ".join(assign)),
                 L(",\\ ".join(assign))]
        swapped = vals_s[:]
        swapped[0], swapped[1] = swapped[1], swapped[0]
        neg = vals_s[:]
        j = next(i for i, v in enumerate(vals) if v != 0 and not vals_s[i].startswith("\\"))
        neg[j] = str(-vals[j])
        wrong = {
            "swapped_order": [L("(" + ", ".join(swapped) + ")"), L(", ".join(f"{a} = {b}" for a, b in zip(vars_, swapped)))],
            "sign_error": [L(", ".join(f"{a} = {b}" for a, b in zip(vars_, neg)))],
            "missing_element": [L(assign[0])],
        }
        items.append(item(gold, right, wrong))
    return items


def gen_tuple(rng):
    items = []
    for _ in range(12):
        k = rng.choice([3, 3, 4])
        vals = rng.sample([-5, -3, -2, -1, 0, 1, 2, 4, 6, 7, 9], k)
        vs = [str(v) for v in vals]
        gold = "(" + ", ".join(vs) + ")"
        right = [L(gold), L("(" + ",".join(vs) + ")"), L("\\left(" + ", ".join(vs) + "\\right)")]
        if 2 in vals:
            right.append(L(gold.replace("2", "\\frac{4}{2}", 1)) if False else L("(" + ", ".join("2.0" if v == 2 else s for v, s in zip(vals, vs)) + ")"))
        sw = vs[:]
        sw[0], sw[1] = sw[1], sw[0]
        j = next(i for i, v in enumerate(vals) if v != 0)
        ng = vs[:]
        ng[j] = str(-vals[j])
        wrong = {
            "swapped_order": [L("(" + ", ".join(sw) + ")"), L("(" + ", ".join(reversed(vs)) + ")")],
            "set_vs_tuple": [L("\\{" + ", ".join(vs) + "\\}")],
            "missing_element": [L("(" + ", ".join(vs[:-1]) + ")")],
            "extra_element": [L("(" + ", ".join(vs + ["0" if 0 not in vals else "1"]) + ")")],
            "sign_error": [L("(" + ", ".join(ng) + ")")],
        }
        items.append(item(gold, right, wrong))
    return items


def gen_pair(rng):
    items = []
    for _ in range(12):
        a = rng.choice([-4, -2, 1, 3, 5, 6])
        bfr = rng.choice([Fraction(-1, 2), Fraction(7), Fraction(3, 4), Fraction(-3), Fraction(5, 2), Fraction(8)])
        if Fraction(a) == bfr:
            bfr = Fraction(9)
        bl = frac_latex(bfr)
        bp = frac_plain(bfr)
        gold = f"({a}, {bl})"
        right = [L(gold), F(f"({a}, {bp})"), L(f"\\left({a}, {bl}\\right)")]
        if bfr.denominator != 1 and terminating(bfr):
            right.append(F(f"({a}, {dec_str(bfr)})"))
        right.append(L(f"({a},{bl})"))
        wrong = {
            "swapped_order": [L(f"({bl}, {a})")],
            "set_vs_tuple": [L(f"\\{{{a}, {bl}\\}}")],
            "sign_error": [L(f"({-a}, {bl})"), L(f"({a}, {frac_latex(-bfr)})")],
            "near_miss": [L(f"({a+1}, {bl})")],
        }
        items.append(item(gold, right, wrong))
    return items


def set_forms(vals_l, rng, var="x"):
    """vals_l: list of latex strings of elements."""
    perm = vals_l[:]
    rng.shuffle(perm)
    if perm == vals_l:
        perm = vals_l[::-1]
    f = [L("\\{" + ", ".join(perm) + "\\}"), L(", ".join(perm)), L(" \\text{ or } ".join(f"{var} = {v}" for v in perm)),
         L(", ".join(f"{var}={v}" for v in perm))]
    if all("\\" not in v for v in vals_l):
        f.append(P(" or ".join(f"{var} = {v}" for v in perm)))
        f.append(P("{" + ", ".join(perm) + "}", "\\{" + ", ".join(perm) + "\\}"))
    return f


def gen_set(rng):
    items = []
    for _ in range(13):
        k = rng.choice([2, 2, 3])
        vals = sorted(rng.sample([-6, -4, -3, -1, 0, 1, 2, 3, 5, 7, 8], k))
        vl = [str(v) for v in vals]
        if rng.random() < 0.2:
            vl[-1] = "\\frac{1}{2}" if "1" not in vl else "\\frac{3}{2}"
        gold = rng.choice(["\\{" + ", ".join(vl) + "\\}", ", ".join(vl), ",".join(vl)])
        right = set_forms(vl, rng)
        missing = [L("\\{" + ", ".join(vl[:-1]) + "\\}"), L(", ".join(vl[1:]))]
        extra_v = next(str(v) for v in [4, 9, -2, 6] if str(v) not in vl)
        extra = [L("\\{" + ", ".join(vl + [extra_v]) + "\\}"), L(", ".join([extra_v] + vl))]
        j = next((i for i, v in enumerate(vl) if v not in ("0",) and not v.startswith("\\")), None)
        ng = vl[:]
        if j is not None:
            ng[j] = str(-int(vl[j]))
        wrong = {"missing_element": missing, "extra_element": extra}
        if j is not None and ng[j] not in vl:
            wrong["sign_error"] = [L("\\{" + ", ".join(ng) + "\\}")]
        multi = [L(v) for v in vl]
        items.append(item(gold, right, wrong, multi=multi))
    return items


def iv(lo, hi, lc, rc):
    return f"{'[' if lc else '('}{lo}, {hi}{']' if rc else ')'}"


LE, GE = "\\le", "\\ge"


def ineq_str(lo, hi, lc, rc, var="x"):
    if lo == "-\\infty":
        return f"{var} {LE if rc else '<'} {hi}"
    if hi == "\\infty":
        return f"{var} {GE if lc else '>'} {lo}"
    return f"{lo} {LE if lc else '<'} {var} {LE if rc else '<'} {hi}"


def gen_interval(rng):
    items = []
    for _ in range(11):
        kind = rng.random()
        if kind < 0.6:
            lo, hi = sorted(rng.sample([-5, -3, -1, 0, 2, 4, 5, 7], 2))
            lc, rc = rng.choice([(False, True), (True, False), (True, True), (False, False)])
            lo, hi = str(lo), str(hi)
        elif kind < 0.8:
            lo, hi, lc, rc = "-\\infty", str(rng.choice([-2, 3, 4, 6])), False, rng.choice([True, False])
        else:
            lo, hi, lc, rc = str(rng.choice([-3, 1, 2, 5])), "\\infty", rng.choice([True, False]), False
        gold = iv(lo, hi, lc, rc)
        right = [L(gold), L(gold.replace(", ", ",")), L(ineq_str(lo, hi, lc, rc)),
                 L(("\\left" + gold[0] + gold[1:-1] + "\\right" + gold[-1]).replace("\\left(", "\\left(").replace("\\left[", "\\left["))]
        wrong = {"interval_bracket": []}
        for nlc, nrc in [(not lc, rc), (lc, not rc), (not lc, not rc)]:
            if (nlc and lo == "-\\infty") or (nrc and hi == "\\infty"):
                continue
            wrong["interval_bracket"].append(L(iv(lo, hi, nlc, nrc)))
        if lo != "-\\infty" and hi != "\\infty":
            wrong["near_miss"] = [L(iv(lo, str(int(hi) + 1), lc, rc))]
        elif lo == "-\\infty":
            wrong["sign_error"] = [L(ineq_str(hi, "\\infty", rc, False))]
        else:
            wrong["sign_error"] = [L(ineq_str("-\\infty", lo, False, lc))]
        items.append(item(gold, right, wrong))
    for _ in range(3):
        a, b = rng.choice([(1, 3), (-2, 2), (0, 4), (-1, 5)])
        gold = f"(-\\infty, {a}) \\cup ({b}, \\infty)"
        right = [L(gold), L(f"({b}, \\infty) \\cup (-\\infty, {a})"), L(f"x < {a} \\text{{ or }} x > {b}")]
        wrong = {"missing_element": [L(f"(-\\infty, {a})"), L(f"({b}, \\infty)")],
                 "interval_bracket": [L(f"(-\\infty, {a}] \\cup [{b}, \\infty)")],
                 "sign_error": [L(f"({a}, {b})")]}
        items.append(item(gold, right, wrong))
    return items


def gen_inequality(rng):
    items = []
    for _ in range(13):
        r = rng.random()
        if r < 0.7:
            c = str(rng.choice([-4, -1, 2, 3, 5, 7]))
            up = rng.random() < 0.5
            closed = rng.random() < 0.5
            op_l = {(True, False): ">", (True, True): "\\ge", (False, False): "<", (False, True): "\\le"}[(up, closed)]
            alt = {"\\ge": "\\geq", "\\le": "\\leq"}.get(op_l, op_l)
            gold = f"x {op_l} {c}" if rng.random() < 0.7 else f"x {alt} {c}"
            flip = {">": "<", "<": ">", "\\ge": "\\le", "\\le": "\\ge"}[op_l]
            intv = iv(c, "\\infty", closed, False) if up else iv("-\\infty", c, False, closed)
            right = [L(intv), L(f"{c} {flip} x"), L(f"x{op_l}{c}" if op_l in "<>" else f"x {alt} {c}")]
            toggled = {">": "\\ge", "\\ge": ">", "<": "\\le", "\\le": "<"}[op_l]
            wrong = {"interval_bracket": [L(f"x {toggled} {c}"), L(iv(c, "\\infty", not closed, False) if up else iv("-\\infty", c, False, not closed))],
                     "sign_error": [L(f"x {flip} {c}"), L(f"x {op_l} {str(-int(c))}")]}
        else:
            lo, hi = sorted(rng.sample([-3, -1, 0, 2, 4, 6], 2))
            lc, rc = rng.choice([(True, False), (False, True), (True, True)])
            gold = ineq_str(str(lo), str(hi), lc, rc)
            right = [L(iv(lo, hi, lc, rc)), L(gold.replace("\\le", "\\leq")), L(gold.replace(" ", ""))]
            wrong = {"interval_bracket": [L(iv(lo, hi, not lc, rc)), L(ineq_str(str(lo), str(hi), lc, not rc))],
                     "near_miss": [L(ineq_str(str(lo), str(hi + 1), lc, rc))]}
        items.append(item(gold, right, wrong))
    return items


def mat_latex(rows, env="pmatrix", sep=" & ", rowsep=" \\\\ ", pad=" "):
    return f"\\begin{{{env}}}{pad}" + rowsep.join(sep.join(r) for r in rows) + f"{pad}\\end{{{env}}}"


def gen_matrix(rng):
    items = []
    for _ in range(12):
        n = rng.choice([2, 2, 2, 3])
        while True:
            M = [[rng.choice([-3, -2, -1, 0, 1, 2, 3, 4, 5]) for _ in range(n)] for _ in range(n)]
            T = [list(r) for r in zip(*M)]
            if T != M:
                break
        rows = [[str(v) for v in r] for r in M]
        half = rng.random() < 0.25
        if half:
            rows[0][0] = "\\frac{1}{2}"
        rowsT = [list(r) for r in zip(*rows)]
        gold = mat_latex(rows)
        right = [L(mat_latex(rows, "bmatrix")), L(mat_latex(rows, sep="&", rowsep="\\\\", pad="")),
                 L(mat_latex(rows, rowsep=" \\\\\n", pad="\n")), L(mat_latex(rows, "bmatrix", sep=" & ", rowsep="\\\\ "))]
        if half:
            r2 = [r[:] for r in rows]
            r2[0][0] = "0.5"
            right.append(L(mat_latex(r2)))
        off = [r[:] for r in rows]
        i, j = rng.randrange(n), rng.randrange(n)
        if off[i][j].startswith("\\"):
            i, j = n - 1, n - 1
        off[i][j] = str(int(off[i][j]) + 1)
        sg = [r[:] for r in rows]
        i2, j2 = next((a, b) for a in range(n) for b in range(n) if rows[a][b] not in ("0",) and not rows[a][b].startswith("\\"))
        sg[i2][j2] = str(-int(sg[i2][j2]))
        wrong = {"transposed_matrix": [L(mat_latex(rowsT)), L(mat_latex(rowsT, "bmatrix"))],
                 "near_miss": [L(mat_latex(off))], "sign_error": [L(mat_latex(sg))]}
        items.append(item(gold, right, wrong))
    return items


def gen_vector(rng):
    items = []
    for _ in range(12):
        k = rng.choice([2, 3, 3])
        vals = rng.sample([-7, -4, -2, -1, 1, 2, 3, 5, 8], k)
        vs = [str(v) for v in vals]
        gold = mat_latex([[v] for v in vs]) if rng.random() < 0.8 else "(" + ", ".join(vs) + ")"
        right = [L(mat_latex([[v] for v in vs])), L("(" + ", ".join(vs) + ")"), L(mat_latex([[v] for v in vs], "bmatrix", rowsep="\\\\", pad="")),
                 L("\\left(" + ", ".join(vs) + "\\right)")]
        ng = vs[:]
        ng[0] = str(-vals[0])
        wrong = {"swapped_order": [L(mat_latex([[v] for v in reversed(vs)])), L("(" + ", ".join(reversed(vs)) + ")")],
                 "sign_error": [L(mat_latex([[v] for v in ng]))],
                 "near_miss": [L(mat_latex([[v] for v in vs[:-1] + [str(vals[-1] + 1)]]))]}
        items.append(item(gold, right, wrong))
    return items


def cx(a, b, order="ri", tight=False):
    """complex a+bi as a string; a,b latex strings of ints/fracs (b without sign handling)."""
    pass


def gen_complex(rng):
    items = []
    specs = [(3, 4), (-2, -5), (1, -1), (5, 12), (-3, 2), (0, 2), (7, -3), (2, 1), (-1, 6), (4, -7), (6, 5)]
    for a, b in specs:
        bi = ("" if abs(b) == 1 else str(abs(b))) + "i"

        def mk(a_, b_, first="r"):
            bi_ = ("" if abs(b_) == 1 else str(abs(b_))) + "i"
            if a_ == 0:
                return ("-" if b_ < 0 else "") + bi_
            if first == "r":
                return f"{a_} {'+' if b_ > 0 else '-'} {bi_}"
            return f"{'-' if b_ < 0 else ''}{bi_} {'+' if a_ > 0 else '-'} {abs(a_)}"
        gold = mk(a, b).replace(" ", "") if rng.random() < 0.5 else mk(a, b)
        right = [L(mk(a, b)), L(mk(a, b).replace(" ", ""))]
        if a != 0:
            right.append(L(mk(a, b, "i")))
        right.append(L(mk(a, b).replace("i", " i") if abs(b) != 1 else mk(a, b)))
        wrong = {"conjugate": [L(mk(a, -b))], "sign_error": [L(mk(-a, b))] if a != 0 else [L(mk(1, b))],
                 "swapped_order": [L(mk(b, a))] if a != 0 and a != b else [L(mk(a, b + 1))]}
        items.append(item(gold, right, wrong))
    # fractional/radical
    gold = "\\frac{1}{2} + \\frac{\\sqrt{3}}{2}i"
    items.append(item(gold, [L(gold), L("\\frac{1 + i\\sqrt{3}}{2}"), L("\\frac{\\sqrt{3}}{2}i + \\frac{1}{2}"), L("0.5 + \\frac{\\sqrt{3}}{2} i")],
                      {"conjugate": [L("\\frac{1}{2} - \\frac{\\sqrt{3}}{2}i")], "swapped_order": [L("\\frac{\\sqrt{3}}{2} + \\frac{1}{2}i")]}))
    gold = "-\\frac{3}{5} + \\frac{4}{5}i"
    items.append(item(gold, [L(gold), L("\\frac{-3 + 4i}{5}"), L("-0.6 + 0.8i")],
                      {"conjugate": [L("-\\frac{3}{5} - \\frac{4}{5}i")], "sign_error": [L("\\frac{3}{5} + \\frac{4}{5}i")]}))
    return items


def gen_pm(rng):
    items = []
    specs = [("2", "2"), ("3", "3"), ("\\sqrt{3}", "sqrt(3)"), ("\\frac{1}{2}", "1/2"), ("5", "5"), ("\\sqrt{7}", "sqrt(7)"),
             ("4", "4"), ("\\frac{2}{3}", "2/3")]
    for v, vp in specs:
        gold = rng.choice([f"\\pm {v}", f"\\pm{v}", f"x = \\pm {v}"])
        right = [L(f"\\pm {v}"), L(f"x = \\pm {v}"), L(f"{v}, -{v}"), L(f"\\{{-{v}, {v}\\}}"), L(f"x = {v} \\text{{ or }} x = -{v}"),
                 P(f"±{vp}", f"\\pm {v}")]
        other = {"2": "4", "3": "9", "\\sqrt{3}": "3", "\\frac{1}{2}": "\\frac{1}{4}", "5": "25", "\\sqrt{7}": "7", "4": "2", "\\frac{2}{3}": "\\frac{3}{2}"}[v]
        wrong = {"missing_element": [L(v), L(f"x = {v}"), L(f"-{v}")], "near_miss": [L(f"\\pm {other}")]}
        items.append(item(gold, right, wrong, multi=[L(v), L(f"-{v}")]))
    for c, r in [(1, "\\sqrt{2}"), (3, "\\sqrt{5}"), (-2, "\\sqrt{3}"), (2, "3")]:
        gold = f"{c} \\pm {r}"
        right = [L(gold), L(f"{c} + {r}, {c} - {r}"), L(f"x = {c} \\pm {r}"), L(f"\\{{{c} - {r}, {c} + {r}\\}}")]
        wrong = {"missing_element": [L(f"{c} + {r}")], "sign_error": [L(f"{-c} \\pm {r}")]}
        items.append(item(gold, right, wrong, multi=[L(f"{c} + {r}"), L(f"{c} - {r}")]))
    return items


def gen_mc(rng):
    items = []
    for _ in range(14):
        g = rng.choice("ABCDE")
        val = rng.randint(2, 99)
        others = [c for c in "ABCDE" if c != g]
        right = [F(g), F(f"({g})"), P(f"Option {g}", f"\\text{{Option {g}}}"), P(f"{g}) {val}", f"\\text{{{g}) }} {val}"),
                 L(f"\\text{{({g})}}"), P(f"{g}.", g)]
        wrong = {"wrong_letter": [F(o) for o in rng.sample(others, 2)] + [F(f"({rng.choice(others)})"), P(f"Option {rng.choice(others)}")]}
        items.append(item(rng.choice([g, g, f"({g})"]) if False else g, right, wrong, scalar=False))
    return items


TEXT_ITEMS = [
    ("Tuesday", ["Wednesday", "Monday"]), ("no solution", ["one solution", "infinitely many solutions"]),
    ("all real numbers", ["no real numbers", "all positive real numbers"]), ("blue", ["red", "green"]),
    ("even", ["odd"]), ("north", ["south", "east"]), ("Alice", ["Bob", "Carol"]), ("obtuse", ["acute", "right"]),
    ("parallelogram", ["rectangle", "rhombus"]), ("February", ["March", "January"]), ("yes", ["no"]),
    ("undefined", ["zero", "infinity"]), ("infinitely many", ["exactly one", "none"]), ("Saturday", ["Sunday", "Friday"]),
]


def gen_text(rng):
    items = []
    for g, ws in TEXT_ITEMS:
        gold = g if rng.random() < 0.7 else f"\\text{{{g}}}"
        right = [P(g, f"\\text{{{g}}}"), P(g.lower()), P(g.upper()), P(g.capitalize(), f"\\text{{{g.capitalize()}}}"),
                 L(f"\\textbf{{{g}}}")]
        wrong = {"wrong_word": [P(w, f"\\text{{{w}}}") for w in ws]}
        items.append(item(gold, right, wrong))
    return items


def gen_number_words(rng):
    items = []
    ints = [12, 42, 105, 7, 19, 68, 250, 33, 81, 16, 1200, 57]
    for n in ints:
        w = num_words(n)
        gold = str(n) if rng.random() < 0.8 else w
        right = [P(w, f"\\text{{{w}}}"), P(w.capitalize()), F(str(n))]
        if " and " in w:
            right.append(P(w.replace(" and ", " ")))
        nm = n + 1
        swap = int(str(n)[::-1]) if len(str(n)) == 2 and str(n)[0] != str(n)[1] else n + 10
        wrong = {"near_miss": [P(num_words(nm)), P(num_words(swap)), P(num_words(n * 10) if n < 100 else num_words(n // 10))]}
        items.append(item(gold, right, wrong, scalar=True, numeric=True))
    fr_items = [(Fraction(3, 4), ["three quarters", "three fourths", "three-quarters"], ["three thirds", "one quarter", "four thirds"]),
                (Fraction(2, 3), ["two thirds", "two-thirds"], ["one third", "three halves"]),
                (Fraction(1, 2), ["one half", "a half"], ["one third", "two"]),
                (Fraction(2, 5), ["two fifths", "two-fifths"], ["five halves", "one fifth"])]
    for fr, rw, ww in fr_items:
        gold = rng.choice([frac_latex(fr), frac_plain(fr)])
        right = [P(x) for x in rw] + [L(frac_latex(fr))]
        wrong = {"near_miss": [P(x) for x in ww]}
        items.append(item(gold, right, wrong, scalar=True, numeric=True))
    return items


def gen_radical(rng):
    items = []
    specs = [
        ("2\\sqrt{3}", [L("\\sqrt{12}"), L("2 \\sqrt 3"), L("2\\cdot\\sqrt{3}"), P("2sqrt(3)", "2\\sqrt{3}"), L("2\\sqrt{3} \\approx 3.46")],
         {"near_miss": [F("3.46"), L("3\\sqrt{2}"), L("\\sqrt{6}")]}),
        ("\\frac{\\sqrt{2}}{2}", [L("\\frac{1}{\\sqrt{2}}"), L("\\frac{\\sqrt 2}{2}"), L("\\tfrac{\\sqrt{2}}{2}"), F("sqrt(2)/2"), L("\\frac{\\sqrt{2}}{2} \\approx 0.707")],
         {"near_miss": [F("0.707"), L("\\sqrt{2}"), L("\\frac{\\sqrt{3}}{2}")]}),
        ("3\\pi", [L("3 \\pi"), L("\\pi \\cdot 3"), L("3\\pi \\approx 9.42")], {"near_miss": [F("9.42"), L("6\\pi"), L("9\\pi")]}),
        ("\\frac{\\pi}{4}", [L("\\pi/4"), L("\\frac{1}{4}\\pi"), L("0.25\\pi"), L("\\dfrac{\\pi}{4}")], {"near_miss": [F("0.785"), L("\\frac{\\pi}{2}"), L("4\\pi")]}),
        ("4\\sqrt{2}", [L("\\sqrt{32}"), L("4 \\sqrt{2}"), L("2\\sqrt{8}")], {"near_miss": [F("5.66"), L("2\\sqrt{2}"), L("\\sqrt{8}")]}),
        ("\\sqrt{5}", [L("\\sqrt 5"), P("sqrt(5)", "\\sqrt{5}"), L("5^{1/2}"), L("\\sqrt{5} \\approx 2.24")], {"near_miss": [F("2.24"), L("\\sqrt{6}"), F("5")]}),
        ("12\\pi", [L("12 \\pi"), L("\\pi \\cdot 12")], {"near_miss": [L("6\\pi"), L("24\\pi"), F("37.7")]}),
        ("\\frac{3\\sqrt{3}}{2}", [L("\\frac{3}{2}\\sqrt{3}"), L("1.5\\sqrt{3}"), L("\\frac{\\sqrt{27}}{2}")], {"near_miss": [L("\\frac{3\\sqrt{2}}{2}"), F("2.6"), L("3\\sqrt{3}")]}),
        ("5\\sqrt{2}", [L("\\sqrt{50}"), L("5\\sqrt 2")], {"near_miss": [L("2\\sqrt{5}"), F("7.07"), L("\\sqrt{10}")]}),
        ("2\\pi", [L("2 \\pi"), L("\\pi \\times 2")], {"near_miss": [F("6.28"), L("\\pi"), L("4\\pi")]}),
        ("\\frac{16\\pi}{3}", [L("\\frac{16}{3}\\pi"), L("16\\pi/3")], {"near_miss": [L("\\frac{16\\pi}{9}"), L("\\frac{32\\pi}{3}"), F("16.8")]}),
        ("3\\sqrt{5}", [L("\\sqrt{45}"), L("3 \\sqrt{5}")], {"near_miss": [L("5\\sqrt{3}"), F("6.71"), L("\\sqrt{15}")]}),
        ("\\sqrt{3} - 1", [L("-1 + \\sqrt{3}"), L("\\sqrt 3 - 1")], {"near_miss": [L("\\sqrt{3} + 1"), F("0.732"), L("1 - \\sqrt{3}")]}),
    ]
    for g, r, w in specs:
        items.append(item(g, [L(g)] + r, w, scalar=True, numeric=True))
    return items


def gen_negative(rng):
    items = []
    for v in [-7, -12, -3, -45, -1, -18, -250, -9]:
        right = [F(str(v)), L(str(v)), F(f"x = {v}"), F(f"- {abs(v)}"), F(f"{v}.0")]
        wrong = {"sign_error": [F(str(-v))], "near_miss": [F(str(v - 1)), F(str(v + 1))]}
        items.append(item(str(v), right, wrong, scalar=True, numeric=True))
    for fr in [Fraction(-2, 3), Fraction(-7, 2), Fraction(-5, 4)]:
        right = [L(frac_latex(fr)), F(frac_plain(fr)), L(f"\\frac{{{fr.numerator}}}{{{fr.denominator}}}"), L(f"-\\dfrac{{{-fr.numerator}}}{{{fr.denominator}}}")]
        if terminating(fr):
            right.append(F(dec_str(fr)))
        wrong = {"sign_error": [L(frac_latex(-fr))], "near_miss": [L(frac_latex(Fraction(-fr.denominator, -fr.numerator)))]}
        if not terminating(fr):
            wrong["near_miss"].append(F(f"{float(fr):.2f}"))
        items.append(item(frac_latex(fr), right, wrong, scalar=True, numeric=True))
    for d in ["-3.5", "-0.25", "-12.8"]:
        fr = Fraction(d)
        right = [F(d), L(frac_latex(fr)), F(f"x = {d}")]
        wrong = {"sign_error": [F(d[1:])], "near_miss": [F(dec_str(fr * 10)), F(dec_str(fr / 10))]}
        items.append(item(d, right, wrong, scalar=True, numeric=True))
    return items


KINDS = {
    "integer": gen_integer, "decimal": gen_decimal, "fraction": gen_fraction, "mixed_number": gen_mixed,
    "percent": gen_percent, "currency": gen_currency, "units": gen_units, "time": gen_time,
    "scientific_notation": gen_sci, "large_number_words": gen_large, "expression": gen_expression,
    "equation": gen_equation, "system": gen_system, "tuple": gen_tuple, "ordered_pair": gen_pair, "set": gen_set,
    "interval": gen_interval, "inequality": gen_inequality, "matrix": gen_matrix, "vector": gen_vector,
    "complex": gen_complex, "plus_minus": gen_pm, "multiple_choice": gen_mc, "text": gen_text,
    "number_words": gen_number_words, "radical_pi": gen_radical, "negative": gen_negative,
}
NUMERIC_GSM = {"integer", "decimal", "fraction", "mixed_number", "percent", "currency", "units", "time",
               "scientific_notation", "large_number_words", "number_words", "negative", "multiple_choice", "radical_pi"}
MULTI_VALUED = {"set", "plus_minus", "interval", "system", "tuple", "ordered_pair", "vector", "matrix"}

# ---------------------------------------------------------------------------
# Working text
# ---------------------------------------------------------------------------


def arith_sentences(rng, n):
    out = []
    a, b = rng.randint(2, 12), rng.randint(2, 15)
    cur = a * b
    out.append(rng.choice([f"First, {a} × {b} = {cur}.", f"We start with {a} groups of {b}, which is {cur}.",
                           f"Multiplying {a} by {b} gives {cur}.", f"There are {a} rows of {b}, so {a} * {b} = {cur} in total."]))
    for _ in range(n - 1):
        op = rng.random()
        if op < 0.35:
            c = rng.randint(2, 30)
            out.append(rng.choice([f"Adding {c} gives {cur + c}.", f"Then we add {c} to get {cur + c}.", f"Including the extra {c}, we have {cur + c}."]))
            cur += c
        elif op < 0.6 and cur > 10:
            c = rng.randint(1, cur - 1)
            out.append(rng.choice([f"Subtracting {c} leaves {cur - c}.", f"After removing {c}, {cur - c} {'remains' if cur - c == 1 else 'remain'}.", f"Taking away {c} gives {cur - c}."]))
            cur -= c
        elif op < 0.8:
            k = rng.choice([2, 3, 4, 5])
            if cur % k == 0:
                out.append(rng.choice([f"Splitting this into {k} equal parts gives {cur // k} each.", f"Dividing by {k} gives {cur // k}."]))
                cur //= k
            else:
                out.append(f"Each of the {k} parts would be {cur}/{k}, which is not a whole number, so we keep the total of {cur}.")
        else:
            out.append(rng.choice(["Let me double-check the setup before continuing.", "This matches the information given.",
                                   "Now we need to account for the remaining condition.", "We keep track of the units carefully here."]))
    return out


FLAVOR = {
    "expression": ["Expanding the product, the x terms combine to {a}x before cancelling.", "The constant terms multiply to {b}.",
                   "Collecting like terms, the coefficient of x^2 is {c}.", "We factor out the common factor of {c} and simplify."],
    "equation": ["The slope is {a} from the two points.", "Substituting the point ({a}, {b}) into the formula checks out.",
                 "The intercept comes from solving {c} = m·0 + b.", "Completing the square adds {b} to both sides."],
    "system": ["Adding the two equations eliminates y and gives {c}x = {d}.", "Substituting back into the first equation gives a single variable.",
               "Multiplying the second equation by {a} lines up the coefficients."],
    "matrix": ["The determinant is {d}, which is nonzero.", "Row-reducing, we scale the first row by {a}.", "The (1,2) entry is computed as {a}·{b} + {c}·1 = {s}."],
    "vector": ["The dot product of the two given vectors is {d}.", "Scaling by {a} gives the first component.", "Subtracting componentwise, the second entry is {b} - {c}."],
    "complex": ["Multiplying numerator and denominator by the conjugate gives a denominator of {d}.", "Using i^2 = -1, the real part picks up {a}.",
                "The modulus squared is {s}."],
    "interval": ["The critical points are at {a} and {b}.", "Testing a point in each region tells us where the expression is positive.",
                 "We check the endpoints separately because of the equality case."],
    "inequality": ["Subtracting {a} from both sides gives a simpler inequality.", "Dividing by {c} keeps the direction of the inequality.",
                   "Testing x = {b} confirms the direction."],
    "set": ["Factoring the polynomial gives the candidate roots.", "We check each candidate in the original equation; the extraneous value {d} fails.",
            "The discriminant is {s}, which is positive."],
    "plus_minus": ["Taking square roots of both sides, we must keep both signs.", "Isolating the square term gives it equal to {s}.",
                   "The discriminant is {s}."],
    "tuple": ["Reading off the components in order from the computation above.", "The second coordinate follows from {a} + {b}.", "We list the values in the order requested."],
    "ordered_pair": ["Setting the two expressions equal gives the x-coordinate.", "Plugging back in gives the y-coordinate.", "The midpoint formula averages {a} and {b}."],
    "multiple_choice": ["The smallest choice is too small since it is below {a}.", "Checking the choices against the condition {a} < x.", "Only one option satisfies every condition."],
    "text": ["We test each case in turn.", "Counting forward {a} days from the start.", "The condition fails for the first {b} cases we try."],
    "time": ["The trip takes {a} hours and {c} minutes.", "Adding the {c}-minute break shifts the time forward.", "Converting to minutes, that is {s} minutes."],
    "radical_pi": ["The radius squared is {s}.", "Simplifying the radical, we pull out a perfect square.", "The area formula gives π r^2 with r^2 = {a}."],
}


def working(rng, kind, n):
    out = []
    for snt in _working(rng, kind, n):
        if snt not in out:
            out.append(snt)
    return out


def _working(rng, kind, n):
    n = max(1, n)
    if kind in FLAVOR and rng.random() < 0.8:
        pool = FLAVOR[kind][:]
        rng.shuffle(pool)
        vals = dict(a=rng.randint(2, 9), b=rng.randint(2, 9), c=rng.randint(2, 9), d=rng.randint(10, 40), s=rng.randint(10, 60))
        sents = [p.format(**vals) for p in pool[:n]]
        if len(sents) < n:
            sents += arith_sentences(rng, n - len(sents))
        return sents
    return arith_sentences(rng, n)


def inline(form, rng):
    return render(form, "inline", rng)


def gold_inline(it, rng):
    return latex_inline(it["gold"], rng)


# ---------------------------------------------------------------------------
# Reply builders.  Each returns (reply, info) where info says what the final
# answer is (for label + verification).
# ---------------------------------------------------------------------------

CLOSERS = ["", "", " Hope this helps!", "", " Let me know if you want more detail."]


def final_stmt(form, rng, kind, style=None):
    style = style or rng.choice(["boxed", "answer_is", "final_line", "bold", "latex_span"])
    if style == "boxed":
        return rng.choice(["Therefore, the answer is $\\boxed{%s}$.", "So the final answer is \\boxed{%s}.", "\n\n\\boxed{%s}",
                           "Thus the result is $\\boxed{%s}$."]) % render(form, "box", rng)
    if style == "answer_is":
        return rng.choice(["The answer is %s.", "So the answer is %s.", "Therefore, the answer is %s."]) % inline(form, rng)
    if style == "final_line":
        return rng.choice(["\nFinal answer: %s", "\n\nAnswer: %s", "\nFinal Answer: %s"]) % inline(form, rng)
    if style == "bold":
        return rng.choice(["So the answer is **%s**.", "\n\n**%s**", "The final answer is **%s**."]) % inline(form, rng)
    if style == "latex_span":
        lt = render(form, "math", rng)
        return rng.choice(["Therefore the answer is \\(%s\\).", "The answer is $%s$.", "Final answer: $%s$", "So the answer is\n\\[ %s \\]"]) % lt
    if style == "gsm":
        return "\n#### " + render(form, "gsm", rng)
    raise ValueError(style)


def join_work(sents):
    return " ".join(sents)


def restate(it, rng):
    g = gold_inline(it, rng)
    return rng.choice([f"The problem tells us that the starting value is {g}, and asks what it becomes after the change.",
                       f"Restating the question: given {g}, we need to find the final quantity.",
                       f"We are told the first measurement is {g}."])


def inter_gold(it, rng):
    g = gold_inline(it, rng)
    return rng.choice([f"At this point the running result is {g}, but we still need to apply the last step.",
                       f"Before the final adjustment we have {g}.",
                       f"A first pass gives {g}, however that ignores one of the conditions.",
                       f"The subtotal comes to {g}."])


def build_reply(rng, kind, it, phrasing, final, extra=None, pre=None, second=None, work_mode=None):
    """final: Form (or str for list distractor).  extra: Form for aside.  pre: Form first stated (self-correction).
    second: Form for two_answers.  work_mode: None | 'inter_gold' | 'restate'."""
    nw = rng.randint(2, 5)
    sents = working(rng, kind, nw)
    if work_mode == "inter_gold":
        sents.insert(rng.randint(1, len(sents)), inter_gold(it, rng))
        sents.append(rng.choice(["After applying the remaining step the value changes.", "Then we apply the final condition.",
                                 "Adjusting for the last condition changes this."]))
    elif work_mode == "restate":
        sents.insert(0, restate(it, rng))
    W = join_work(sents)

    if phrasing == "gold_verbatim":
        return it["gold"]
    if phrasing == "boxed_only":
        return "\\boxed{" + it["gold"] + "}"
    if phrasing == "short":
        a = inline(final, rng)
        return rng.choice(["%s", "So %s.", "%s.", "It's %s.", "= %s"]) % a if work_mode is None else W + " " + "So %s." % a
    if phrasing == "boxed":
        return W + " " + final_stmt(final, rng, kind, "boxed") + rng.choice(CLOSERS)
    if phrasing == "answer_is":
        return W + " " + final_stmt(final, rng, kind, "answer_is")
    if phrasing == "gsm8k":
        return W.replace(". ", ".\n") + final_stmt(final, rng, kind, "gsm")
    if phrasing == "bold":
        return W + " " + final_stmt(final, rng, kind, "bold")
    if phrasing == "final_line":
        return W + final_stmt(final, rng, kind, "final_line")
    if phrasing == "latex_span":
        return W + " " + final_stmt(final, rng, kind, "latex_span")
    if phrasing == "mid_paragraph":
        sents = working(rng, kind, rng.randint(3, 6)) if work_mode is None else sents
        a = inline(final, rng)
        mid = rng.choice([f"So the answer is {a}, since that is the quantity the question asks for.",
                          f"This means the answer is {a}, which is what we were asked to find.",
                          f"Hence the final answer is {a}, as required."])
        tail = rng.choice(["This is consistent with the setup of the problem.", "Nothing else needs to be checked.",
                           "Each step used only the given information.", "It also passes a quick sanity check."])
        return " ".join(sents) + " " + mid + " " + tail
    if phrasing == "paren_after":
        a = final_stmt(final, rng, kind, rng.choice(["answer_is", "boxed", "final_line"]))
        tail = rng.choice(["\n(This assumes the values given in the problem are exact.)", " (We rounded nothing along the way.)",
                           "\nThat completes the solution; the other cases do not apply here.", "\n\nI double-checked each step above."])
        return W + " " + a + tail
    if phrasing == "trailing_commentary":
        a = final_stmt(final, rng, kind, rng.choice(["answer_is", "boxed", "final_line", "bold"]))
        o = inline(extra, rng)
        tax = kind in ("currency", "integer", "decimal", "percent")
        tail = rng.choice([f" (If we had included the tax, the answer would have been {o}.)" if tax else
                           f" (If we had ignored the last condition, the answer would have been {o}.)",
                           f"\n\n(Note: {o} was the subtotal, not the final answer.)" if tax else
                           f"\n\n(Note: {o} was an intermediate result, not the final answer.)",
                           f" Note that if the last condition were dropped, we would get {o} instead.",
                           f"\n\nA common mistake is to stop early and report {o}."])
        return W + " " + a + tail
    if phrasing == "self_correction":
        p = pre
        first = final_stmt(p, rng, kind, rng.choice(["answer_is", "boxed"]))
        fix = rng.choice(["\n\nWait, that's wrong — I dropped a term in the last step. Redoing it, the answer is actually %s.",
                          "\n\nCorrection: I misread the question. The correct answer is %s.",
                          " Actually, I made an arithmetic slip above; recomputing carefully, the answer is %s.",
                          "\n\nHmm, wait. Let me recheck... I made a sign mistake. The answer is actually $\\boxed{%s}$."])
        if "boxed" in fix:
            return W + " " + first + fix % render(final, "box", rng)
        return W + " " + first + fix % inline(final, rng)
    if phrasing == "two_answers":
        a, b = final, second
        if rng.random() < 0.5:
            a, b = b, a
        scalar_ok = kind not in MULTI_VALUED and kind not in ("equation", "inequality", "expression")
        styles = ["two_box", "two_final"] + (["or_maybe", "either"] if scalar_ok else [])
        st = rng.choice(styles)
        if st == "or_maybe":
            return W + " The answer is %s or maybe %s." % (inline(a, rng), inline(b, rng))
        if st == "either":
            return W + " So the answer is either %s or %s." % (inline(a, rng), inline(b, rng))
        if st == "two_box":
            return W + " This gives $\\boxed{%s}$. Checking the other approach gives $\\boxed{%s}$." % (render(a, "box", rng), render(b, "box", rng))
        return W + "\nFinal answer: %s\n\nUsing the second method instead:\nFinal answer: %s" % (inline(a, rng), inline(b, rng))
    if phrasing == "multi_box":
        boxes = [f"\\boxed{{{f.latex}}}" for f in final]
        joined = ", ".join(boxes[:-1]) + " and " + boxes[-1]
        return W + " " + rng.choice(["The solutions are %s.", "So the roots are %s.", "Both values work: %s."]) % joined
    if phrasing == "freeform":
        return freeform(rng, kind, it, final, sents)
    raise ValueError(phrasing)


def freeform(rng, kind, it, final, sents):
    a = inline(final, rng)
    style = rng.randrange(5)
    if style == 0:
        body = "\n".join(f"- {s}" for s in sents)
        return f"## Solution\n\nLet's work through it step by step.\n\n{body}\n\n**Answer:** {a}"
    if style == 1:
        body = "\n".join(f"{i+1}. {s}" for i, s in enumerate(sents))
        return f"Sure! Here's how I'd approach this.\n\n{body}\n\nTherefore, the answer is {a}." + rng.choice(CLOSERS)
    if style == 2:
        steps = "\n\n".join(f"### Step {i+1}\n{s}" for i, s in enumerate(sents))
        return f"{steps}\n\n### Final Answer\n$\\boxed{{{render(final, 'box', rng)}}}$"
    if style == 3:
        return "Okay, so " + sents[0][0].lower() + sents[0][1:] + " " + " ".join(sents[1:]) + f"\n\nSo yeah, the final answer is **{a}**."
    return "**Step-by-step:**\n" + "\n".join(f"* {s}" for s in sents) + f"\n\n**Final answer:** {a}"


# ---------------------------------------------------------------------------
# Independent verification: parse strings -> canonical objects
# ---------------------------------------------------------------------------

X, Y, Z = sp.symbols("x y z")
TRANSF = standard_transformations + (implicit_multiplication_application, convert_xor)
WORD_N = {w: i for i, w in enumerate(ONES)}
WORD_N.update({w: 10 * i for i, w in enumerate(TENS) if w != "_"})
DENOM = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4, "fourths": 4,
         "fifth": 5, "fifths": 5}


class Unparsed(Exception):
    pass


def strip_math(s: str) -> str:
    s = s.strip()
    for a, b in [("\\boxed{", None)]:
        pass
    s = re.sub(r"^\\boxed\{(.*)\}$", r"\1", s, flags=re.S)
    s = s.replace("\\(", "").replace("\\)", "").replace("\\[", "").replace("\\]", "")
    s = s.replace("$", " ") if "\\$" not in s else s.replace("\\$", "\uE000").replace("$", " ").replace("\uE000", "\\$")
    s = s.replace("\\left", "").replace("\\right", "").replace("\\displaystyle", "")
    s = re.sub(r"(?<!\\)\\[,! ]", " ", s)
    s = s.replace("\\dfrac", "\\frac").replace("\\tfrac", "\\frac").replace("\\geq", "\\ge").replace("\\leq", "\\le")
    s = s.replace("**", "")
    s = s.strip().rstrip(".").strip()
    return s


def read_group(s, i):
    """read a {..} group or single char at s[i]; return (content, next_index)."""
    while i < len(s) and s[i] == " ":
        i += 1
    if s[i] == "{":
        depth, j = 0, i
        while True:
            if s[j] == "{":
                depth += 1
            elif s[j] == "}":
                depth -= 1
                if depth == 0:
                    return s[i + 1:j], j + 1
            j += 1
    if s[i] == "\\":
        m = re.match(r"\\[a-zA-Z]+", s[i:])
        return m.group(0), i + len(m.group(0))
    return s[i], i + 1


def latex_to_py(s: str) -> str:
    s = s.replace("\\cdot", "*").replace("\\times", "*").replace("\\pi", " pi ").replace("π", " pi ")
    out = ""
    i = 0
    while i < len(s):
        if s.startswith("\\frac", i):
            a, i = read_group(s, i + 5)
            b, i = read_group(s, i)
            out += f"(({latex_to_py(a)})/({latex_to_py(b)}))"
        elif s.startswith("\\sqrt", i):
            i += 5
            root = None
            if s[i] == "[":
                j = s.index("]", i)
                root = s[i + 1:j]
                i = j + 1
            a, i = read_group(s, i)
            out += f" (({latex_to_py(a)})**(1/({root}))) " if root else f" sqrt({latex_to_py(a)}) "
        elif s[i] == "^":
            a, i = read_group(s, i + 1)
            out += f"**({latex_to_py(a)})"
        elif s[i] in "{}":
            out += "(" if s[i] == "{" else ")"
            i += 1
        else:
            out += s[i]
            i += 1
    return out


def exact_literals(s: str) -> str:
    def rep(m):
        fr = Fraction(m.group(0))
        return f"Rational({fr.numerator},{fr.denominator})"
    return re.sub(r"(?<![\w.])\d+\.\d*(?:e[-+]?\d+)?|(?<![\w.])\d+e[-+]?\d+", rep, s)


def to_expr(s: str, cplx=False):
    s = strip_math(s)
    s = re.sub(r"\\text\{\s*([^}]*)\}", r" \1 ", s)
    if "\\approx" in s:
        s = s.split("\\approx")[0]
    s = re.sub(r"^f\^\{-1\}\(x\)\s*=", "", s).strip()
    py = latex_to_py(s)
    py = exact_literals(py)
    loc = {"x": X, "y": Y, "z": Z, "pi": sp.pi, "sqrt": sp.sqrt, "Rational": sp.Rational}
    if cplx:
        loc["i"] = sp.I
    try:
        return parse_expr(py, local_dict=loc, transformations=TRANSF, evaluate=True)
    except Exception as e:  # noqa
        raise Unparsed(f"{s!r} -> {py!r}: {e}")


def words_to_num(s: str):
    t = s.lower().replace("-", " ").replace(" and ", " ").split()
    if not t or not all(w in WORD_N or w in DENOM or w in ("hundred", "thousand", "a") for w in t):
        return None
    if t[-1] in DENOM:
        num = WORD_N.get(t[0], 1) if t[0] != "a" else 1
        return Fraction(num, DENOM[t[-1]])
    total, cur = 0, 0
    for w in t:
        if w == "hundred":
            cur *= 100
        elif w == "thousand":
            total += cur * 1000
            cur = 0
        else:
            cur += WORD_N[w]
    return Fraction(total + cur)


def to_number(s: str):
    """Scalar numeric: returns sympy number, or a tagged tuple for lists."""
    s0 = strip_math(s)
    s1 = re.sub(r"\\text\{\s*([^}]*)\}", r" \1 ", s0)
    s1 = re.sub(r"\\textbf\{\s*([^}]*)\}", r" \1 ", s1)
    s1 = re.sub(r"^[a-z]\s*=\s*", "", s1.strip())
    s1 = s1.replace("\\$", "").replace("$", "").replace("\\%", "").replace("%", "")
    s1 = re.sub(r"\bUSD\b", "", s1)
    s1 = s1.replace("^\\circ", "").replace("°", "")
    if "\\approx" in s1:
        s1 = s1.split("\\approx")[0]
    s1 = re.sub(r"(?<![\d.])\d{1,3}(?:,\d{3})+(?![\d])", lambda m: m.group(0).replace(",", ""), s1)
    s1 = s1.strip()
    w = words_to_num(s1)
    if w is not None:
        return sp.Rational(w.numerator, w.denominator)
    m = re.match(r"^(-?[\d.]+)\s*(thousand|million|billion|trillion)$", s1)
    if m:
        return sp.Rational(Fraction(m.group(1)) * {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}[m.group(2)])
    # scientific 'e' / 'x 10^'
    m = re.match(r"^(-?[\d.]+)\s*(?:x|\*)\s*10\^\{?(-?\d+)\}?$", s1)
    if m:
        return sp.Rational(Fraction(m.group(1)) * Fraction(10) ** int(m.group(2)))
    # mixed numbers
    m = re.match(r"^(\d+)\s+(\d+)/(\d+)$", s1) or re.match(r"^(\d+)\s*\\frac\s*\{?(\d+)\}?\s*\{?(\d+)\}?$", s1)
    if m:
        return sp.Rational(int(m.group(1))) + sp.Rational(int(m.group(2)), int(m.group(3)))
    m = re.match(r"^-(\d+)\s*\\frac\s*\{?(\d+)\}?\s*\{?(\d+)\}?$", s1)
    if m:
        return -(sp.Rational(int(m.group(1))) + sp.Rational(int(m.group(2)), int(m.group(3))))
    # strip trailing unit words (letters, slashes, ^2)
    s2 = re.sub(r"(?<=[\d}])\s*(?:[A-Za-z][A-Za-z/ ]*)(?:\^2)?$", "", s1).strip()
    if "," in s2:
        return ("list", tuple(to_number(p) for p in s2.split(",")))
    if re.search(r"[A-Za-z]", re.sub(r"\\[A-Za-z]+|sqrt|pi|\d+e[-+]?\d+", "", s2)):
        raise Unparsed(s)
    return sp.nsimplify(to_expr(s2)) if False else to_expr(s2)


def num_eq(a, b):
    if isinstance(a, tuple) or isinstance(b, tuple):
        return a == b
    return sp.simplify(a - b) == 0


def to_time(s):
    s = strip_math(s)
    s = re.sub(r"\\text\{([^}]*)\}", r"\1", s)
    m = re.match(r"^(\d{1,2}):(\d{2})\s*(?:([AaPp])\.?\s*[Mm]\.?)?$", s.strip())
    if not m:
        raise Unparsed(s)
    h, mi, ap = int(m.group(1)), int(m.group(2)), m.group(3)
    if ap:
        h = h % 12 + (12 if ap.lower() == "p" else 0)
    return h * 60 + mi


def to_text(s):
    s = strip_math(s)
    s = re.sub(r"\\text(?:bf)?\{([^}]*)\}", r"\1", s)
    return re.sub(r"\s+", " ", s).strip().lower()


def to_letter(s):
    s = strip_math(s)
    s = re.sub(r"\\text\{([^}]*)\}", r"\1", s).strip()
    s = re.sub(r"^(?:Option|option|Choice)\s+", "", s)
    m = re.match(r"^\(?([A-E])\)?(?:[.)]|\s|$)", s)
    if not m:
        raise Unparsed(s)
    return m.group(1)


def split_top(s, sep=","):
    parts, depth, cur = [], 0, ""
    for ch in s:
        if ch in "({[":
            depth += 1
        elif ch in ")}]":
            depth -= 1
        if ch == sep and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    parts.append(cur)
    return [p.strip() for p in parts]


def to_struct(s, cplx=False):
    """tuple/set/matrix/assignment structure."""
    s = strip_math(s)
    s = re.sub(r"\\text\{\s*(and|or)\s*\}", ",", s)
    s = re.sub(r"\s+or\s+", ",", s)
    s = re.sub(r"\s+and\s+", ",", s)
    m = re.match(r"^\\begin\{([pb])matrix\}(.*)\\end\{\1matrix\}$", s, flags=re.S)
    if m:
        rows = [r for r in re.split(r"\\\\", m.group(2)) if r.strip()]
        M = [[to_expr(c, cplx) for c in r.split("&")] for r in rows]
        return ("matrix", tuple(tuple(r) for r in M))
    if s.startswith("\\{") and s.endswith("\\}"):
        return ("set", [to_expr(p) for p in split_top(s[2:-2])])
    if s.startswith("{") and s.endswith("}"):
        return ("set", [to_expr(p) for p in split_top(s[1:-1])])
    if s.startswith("(") and s.endswith(")") and "," in s and len(split_top(s[1:-1])) > 1 and "\\infty" not in s:
        return ("tuple", tuple(to_expr(p) for p in split_top(s[1:-1])))
    parts = split_top(s)
    if all(re.match(r"^[xyz]\s*=", p) for p in parts):
        vs = [p.split("=")[0].strip() for p in parts]
        vals = [pm_expand(p.split("=", 1)[1]) for p in parts]
        if len(set(vs)) == 1:
            return ("set", [v for vv in vals for v in vv])
        return ("assign", tuple(sorted(zip(vs, [v[0] for v in vals]), key=lambda t: t[0])))
    vals = [v for p in parts for v in pm_expand(p)]
    return ("set", vals)


def pm_expand(p):
    p = p.strip()
    p = re.sub(r"^x\s*=\s*", "", p)
    p = p.replace("±", "\\pm ")
    if "\\pm" in p:
        a, b = p.split("\\pm")
        a = a.strip() or "0"
        ea, eb = to_expr(a), to_expr(b)
        return [ea + eb, ea - eb]
    return [to_expr(p)]


def set_eq(a, b):
    def uniq(v):
        out = []
        for e in v:
            if not any(sp.simplify(e - o) == 0 for o in out):
                out.append(e)
        return out
    a, b = uniq(a), uniq(b)
    if len(a) != len(b):
        return False
    return all(any(sp.simplify(e - o) == 0 for o in b) for e in a)


def seq_eq(a, b):
    return len(a) == len(b) and all(sp.simplify(p - q) == 0 for p, q in zip(a, b))


def to_interval(s):
    s = strip_math(s)
    s = re.sub(r"\\text\{\s*or\s*\}", "\\\\cup", s).replace("\\infty", "oo")
    parts = [p.strip() for p in s.split("\\cup")]
    res = sp.EmptySet
    for p in parts:
        m = re.match(r"^([\[(])\s*([^,]+),\s*([^\])]+)\s*([\])])$", p)
        if m:
            lo = -sp.oo if m.group(2).strip() == "-oo" else to_expr(m.group(2))
            hi = sp.oo if m.group(3).strip() == "oo" else to_expr(m.group(3))
            res = res | sp.Interval(lo, hi, m.group(1) == "(", m.group(4) == ")")
            continue
        q = p.replace("\\le", "<=").replace("\\ge", ">=").replace(" ", "")
        m = re.match(r"^(-?[\d./]+)(<=|<)x(<=|<)(-?[\d./]+)$", q)
        if m:
            res = res | sp.Interval(to_expr(m.group(1)), to_expr(m.group(4)), m.group(2) == "<", m.group(3) == "<")
            continue
        m = re.match(r"^x(<=|<|>=|>)(-?[\d./]+)$", q)
        m2 = re.match(r"^(-?[\d./]+)(<=|<|>=|>)x$", q)
        if m2:
            flip = {"<": ">", "<=": ">=", ">": "<", ">=": "<="}
            m, q = None, f"x{flip[m2.group(2)]}{m2.group(1)}"
            m = re.match(r"^x(<=|<|>=|>)(-?[\d./]+)$", q)
        if m:
            c = to_expr(m.group(2))
            op = m.group(1)
            res = res | (sp.Interval(-sp.oo, c, True, op == "<") if op[0] == "<" else sp.Interval(c, sp.oo, op == ">", True))
            continue
        raise Unparsed(p)
    return res


def to_equation(s):
    s = strip_math(s)
    lhs, rhs = s.split("=")
    lhs, rhs = lhs.strip(), rhs.strip()
    if re.fullmatch(r"[xyz]", lhs):
        return ("solved", lhs, to_expr(rhs))
    return ("general", None, sp.expand(to_expr(lhs) - to_expr(rhs)))


def canon_equal(kind, gold, ans):
    """Independent route: is ans (a final-answer string) equal to gold under the conventions?"""
    if kind in ("integer", "decimal", "fraction", "mixed_number", "percent", "currency", "units",
                "scientific_notation", "large_number_words", "number_words", "radical_pi", "negative"):
        return num_eq(to_number(gold), to_number(ans))
    if kind == "time":
        return to_time(gold) == to_time(ans)
    if kind == "text":
        return to_text(gold) == to_text(ans)
    if kind == "multiple_choice":
        return to_letter(gold) == to_letter(ans)
    if kind == "expression":
        return sp.simplify(to_expr(gold) - to_expr(ans)) == 0
    if kind == "equation":
        g, a = to_equation(gold), to_equation(ans)
        if g[0] != a[0] or g[1] != a[1]:
            return False
        return sp.simplify(g[2] - a[2]) == 0
    if kind == "complex":
        return sp.simplify(to_expr(gold, True) - to_expr(ans, True)) == 0
    if kind in ("interval", "inequality"):
        return to_interval(gold) == to_interval(ans)
    g, a = to_struct(gold), to_struct(ans)
    if kind == "system":
        gv = tuple(v for _, v in g[1]) if g[0] == "assign" else None
        names = tuple(n for n, _ in g[1])
        if a[0] == "assign":
            return tuple(n for n, _ in a[1]) == names and seq_eq(gv, tuple(v for _, v in a[1]))
        if a[0] == "tuple":
            return seq_eq(gv, a[1])
        return False
    if kind in ("tuple", "ordered_pair"):
        return a[0] == "tuple" and g[0] == "tuple" and seq_eq(g[1], a[1])
    if kind == "vector":
        def vec(t):
            if t[0] == "matrix" and all(len(r) == 1 for r in t[1]):
                return tuple(r[0] for r in t[1])
            if t[0] == "tuple":
                return t[1]
            return None
        gv, av = vec(g), vec(a)
        return av is not None and seq_eq(gv, av)
    if kind == "matrix":
        return a[0] == "matrix" and len(a[1]) == len(g[1]) and all(seq_eq(r, q) for r, q in zip(g[1], a[1]))
    if kind in ("set", "plus_minus"):
        return a[0] == "set" and set_eq(g[1], a[1])
    raise ValueError(kind)


# ---------------------------------------------------------------------------
# Row schedule
# ---------------------------------------------------------------------------

PHR_SIMPLE = ["boxed", "answer_is", "gsm8k", "bold", "short", "final_line", "latex_span", "mid_paragraph", "paren_after", "freeform"]
WORKED = ["boxed", "answer_is", "gsm8k", "bold", "final_line", "latex_span", "mid_paragraph", "paren_after", "freeform"]


def pick(rng, lst):
    return lst[rng.randrange(len(lst))]


def phr_ok(kind, ph):
    if ph == "gsm8k":
        return kind in NUMERIC_GSM
    return True


def plan_for_kind(kind, rng, items):
    """Returns list of row specs (phrasing, mode, item_index)."""
    specs = []
    n = len(items)
    for i in rng.sample(range(n), min(n, 4)):
        specs.append(("gold_verbatim", "right", i))
    for i in rng.sample(range(n), min(n, 4)):
        specs.append(("boxed_only", "right", i))
    # each simple phrasing: right + wrong
    for ph in PHR_SIMPLE:
        if not phr_ok(kind, ph):
            continue
        reps = 2 if ph != "freeform" else 7
        for _ in range(reps):
            specs.append((ph, "right", rng.randrange(n)))
            specs.append((ph, "wrong", rng.randrange(n)))
    for _ in range(3):
        specs.append(("trailing_commentary", "right_aside", rng.randrange(n)))
        specs.append(("trailing_commentary", "wrong_aside_gold", rng.randrange(n)))
        specs.append(("self_correction", "corrected_to_gold", rng.randrange(n)))
        specs.append(("self_correction", "corrected_away", rng.randrange(n)))
        specs.append(("two_answers", "two_conflicting", rng.randrange(n)))
        ph = pick(rng, [p for p in WORKED if phr_ok(kind, p)])
        specs.append((ph, "inter_gold", rng.randrange(n)))
    specs.append(("self_correction", "wrong_to_wrong", rng.randrange(n)))
    for _ in range(2):
        specs.append((pick(rng, [p for p in WORKED if phr_ok(kind, p)]), "restate", rng.randrange(n)))
    if items[0]["scalar"]:
        for _ in range(2):
            specs.append((pick(rng, ["boxed", "answer_is", "final_line", "latex_span"]), "list_end_gold", rng.randrange(n)))
    if items[0]["multi"]:
        for _ in range(6):
            specs.append(("multi_box", "right_multi", rng.randrange(n)))
        for _ in range(3):
            specs.append(("multi_box", "wrong_multi", rng.randrange(n)))
    # every wrong distractor type of the kind, 3 times each
    dtypes = sorted({d for it in items for d in it["wrong"]})
    for d in dtypes:
        for _ in range(3):
            cand = [i for i, it in enumerate(items) if d in it["wrong"]]
            ph = pick(rng, [p for p in PHR_SIMPLE if phr_ok(kind, p)])
            specs.append((ph, "wrong:" + d, pick(rng, cand)))
    # fill: extra right forms across phrasings
    fill_modes = [("right", None), ("right", None), ("wrong", None), ("wrong", None), ("right_aside", "trailing_commentary"),
                  ("corrected_to_gold", "self_correction"), ("inter_gold", None), ("two_conflicting", "two_answers"),
                  ("wrong_aside_gold", "trailing_commentary"), ("corrected_away", "self_correction")]
    while len(specs) < 96:
        mode, ph = pick(rng, fill_modes)
        if ph is None:
            ph = pick(rng, [p for p in (WORKED if mode == "inter_gold" else PHR_SIMPLE) if phr_ok(kind, p)])
        specs.append((ph, mode, rng.randrange(n)))
    return specs


def pick_wrong(rng, it, dtype=None):
    if dtype is None:
        dtype = pick(rng, sorted(it["wrong"]))
    return dtype, pick(rng, it["wrong"][dtype])


def short_s(s, n=40):
    s = s.replace("\n", " ")
    return s if len(s) <= n else s[: n - 3] + "..."


def make_row(rng, kind, it, phrasing, mode):
    gold = it["gold"]
    info = dict(final=None, second=None, correct=None, distractor="none", why="")
    kw = {}
    if mode == "right":
        f = pick(rng, it["right"])
        info.update(final=f, correct=True)
        if phrasing == "gold_verbatim":
            info["why"] = "The reply is exactly the gold answer."
            info["final_str"] = gold
        elif phrasing == "boxed_only":
            info["why"] = "The reply is the gold answer in a box."
            info["final_str"] = gold
        else:
            info["why"] = "The final answer is equivalent to the gold."
    elif mode == "wrong" or mode.startswith("wrong:"):
        d, f = pick_wrong(rng, it, None if mode == "wrong" else mode.split(":")[1])
        info.update(final=f, correct=False, distractor=d, why=f"The final answer differs from the gold ({d.replace('_', ' ')}).")
    elif mode == "right_aside":
        f = pick(rng, it["right"])
        _, o = pick_wrong(rng, it)
        kw["extra"] = o
        info.update(final=f, correct=True, distractor="hypothetical_other_value",
                    why="The final answer matches; the other value is only a hypothetical aside after it.")
    elif mode == "wrong_aside_gold":
        d, f = pick_wrong(rng, it)
        kw["extra"] = pick(rng, it["right"])
        info.update(final=f, correct=False, distractor="hypothetical_aside",
                    why="The gold appears only in a hypothetical aside; the stated final answer is wrong.")
    elif mode == "corrected_to_gold":
        f = pick(rng, it["right"])
        _, kw["pre"] = pick_wrong(rng, it)
        info.update(final=f, correct=True, distractor="self_correction_to_gold",
                    why="The reply explicitly corrects an earlier wrong value to the gold.")
    elif mode == "corrected_away":
        d, f = pick_wrong(rng, it)
        kw["pre"] = pick(rng, it["right"])
        info.update(final=f, correct=False, distractor="self_correction_away",
                    why="The reply first gives the gold but explicitly corrects it to a wrong value.")
    elif mode == "wrong_to_wrong":
        d, f = pick_wrong(rng, it)
        allw = [w for fs in it["wrong"].values() for w in fs if w.latex != f.latex]
        if not allw:
            allw = [pick(rng, it["right"])]
            d = "self_correction_away"
        kw["pre"] = pick(rng, allw)
        info.update(final=f, correct=False, distractor=d, why="After self-correction the final answer is still wrong.")
    elif mode == "two_conflicting":
        f = pick(rng, it["right"])
        _, s = pick_wrong(rng, it)
        kw["second"] = s
        info.update(final=f, second=s, correct=False, distractor="two_conflicting",
                    why="Two different final answers are given with no correction.")
    elif mode == "inter_gold":
        d, f = pick_wrong(rng, it)
        kw["work_mode"] = "inter_gold"
        info.update(final=f, correct=False, distractor="intermediate_equals_gold",
                    why="The gold is only an intermediate value; the final answer is different.")
    elif mode == "restate":
        d, f = pick_wrong(rng, it)
        kw["work_mode"] = "restate"
        info.update(final=f, correct=False, distractor="gold_in_restatement",
                    why="The gold appears only in the restated question; the final answer is different.")
    elif mode == "list_end_gold":
        others = []
        pool = [f for d, fs in sorted(it["wrong"].items()) if d != "percent_fraction_mixup" for f in fs]
        pool = [f for i_, f in enumerate(pool) if f.latex not in [q.latex for q in pool[:i_]]]
        others = rng.sample(pool, 2) if len(pool) >= 2 else pool
        g = pick(rng, [r for r in it["right"] if "," not in r.latex and "=" not in r.latex] or it["right"])
        lat = ", ".join([o.latex for o in others] + [g.latex])
        f = L(lat)
        info.update(final=f, correct=False, distractor="list_ending_in_gold",
                    why="The final answer is a list of values, not the single gold value.")
    elif mode == "right_multi":
        info.update(final=it["multi"], correct=True, distractor="multi_part_boxes",
                    why="The boxes together give exactly the multi-part gold.")
    elif mode == "wrong_multi":
        m = it["multi"]
        if len(m) >= 3 and rng.random() < 0.5:
            info.update(final=m[:-1], correct=False, distractor="missing_element",
                        why="The boxed values miss one element of the gold set.")
        else:
            extra = next(v for v in ["9", "-9", "10", "11"] if v not in [f.latex for f in m])
            info.update(final=m + [L(extra)], correct=False, distractor="extra_element",
                        why="The boxed values include an element not in the gold set.")
    else:
        raise ValueError(mode)
    reply = tidy(build_reply(rng, kind, it, phrasing, info["final"], **kw))
    return reply, info


def tidy(reply):
    """Drop a doubled full stop after answers that end in '.' (e.g. 'p.m.', 'C.')."""
    reply = re.sub(r"((?:[ap]\.m|[AP]\.M)\.)\.", r"\1", reply)
    reply = re.sub(r"(\b[A-E]\.)\.(?!\.)", r"\1", reply)
    return reply


def verify(kind, it, reply, info):
    """Return (ok, msg).  Independent check of the label."""
    gold = it["gold"]
    if info.get("final_str"):
        eq = canon_equal(kind, gold, info["final_str"])
        return eq == info["correct"], "verbatim"
    fin = info["final"]
    if not isinstance(fin, list):
        for f in [fin] + ([info["second"]] if info["second"] is not None else []):
            if f.latex not in reply and (f.plain is None or f.plain not in reply):
                return False, "final form not found in reply"
    if isinstance(fin, list):  # multi box
        joined = ", ".join(f.latex for f in fin)
        eq = canon_equal(kind, gold, "\\{" + joined + "\\}")
        for f in fin:
            if f"\\boxed{{{f.latex}}}" not in reply:
                return False, "box missing"
        return eq == info["correct"], "multi"
    eq = canon_equal(kind, gold, fin.latex)
    if fin.plain is not None and fin.plain != fin.latex:
        eq2 = canon_equal(kind, gold, fin.plain)
        if eq2 != eq:
            return False, f"plain/latex disagree {fin}"
    if info["second"] is not None:
        s_eq = canon_equal(kind, gold, info["second"].latex)
        if s_eq == eq:  # two answers must really conflict
            return False, "two answers not conflicting"
        return (not info["correct"]), "two"
    if info["distractor"] in ("hypothetical_aside", "self_correction_away"):
        # the gold-equal value used must really equal the gold
        pass
    return eq == info["correct"], "single"


def check_forms(kind, it):
    """Every right form must equal gold and every wrong form must differ (independent route)."""
    bad = []
    for f in it["right"]:
        for s in {f.latex, f.plain} - {None}:
            try:
                if not canon_equal(kind, it["gold"], s):
                    bad.append(("right!=gold", s))
            except Unparsed as e:
                bad.append(("unparsed", s, str(e)))
    for d, fs in it["wrong"].items():
        for f in fs:
            for s in {f.latex, f.plain} - {None}:
                try:
                    if canon_equal(kind, it["gold"], s):
                        bad.append(("wrong==gold", d, s))
                except Unparsed as e:
                    bad.append(("unparsed", s, str(e)))
    return bad


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=DEFAULT_OUT)
    ap.add_argument("--sample", type=int, default=0, help="print N random rows for hand review")
    args = ap.parse_args()
    rng = random.Random(SEED)
    rows, seen = [], set()
    disagreements, dropped_forms = [], 0
    for kind, gen in KINDS.items():
        items = gen(rng)
        clean = []
        for it in items:
            bad = check_forms(kind, it)
            if bad:
                # drop bad forms (never ship a form whose label route disagrees)
                for b in bad:
                    print("FORM-ISSUE", kind, it["gold"], b)
                dropped_forms += len(bad)
                badstr = {b[-1] if b[0] != "unparsed" else b[1] for b in bad}
                it["right"] = [f for f in it["right"] if f.latex not in badstr and f.plain not in badstr]
                it["wrong"] = {d: [f for f in fs if f.latex not in badstr and f.plain not in badstr] for d, fs in it["wrong"].items()}
                it["wrong"] = {d: fs for d, fs in it["wrong"].items() if fs}
            try:
                canon_equal(kind, it["gold"], it["gold"])
            except Unparsed:
                print("GOLD-UNPARSED", kind, it["gold"])
                continue
            if it["right"] and it["wrong"]:
                clean.append(it)
        for ph, mode, idx in plan_for_kind(kind, rng, clean):
            it = clean[idx]
            reply, info = make_row(rng, kind, it, ph, mode)
            try:
                ok, msg = verify(kind, it, reply, info)
            except Unparsed as e:
                ok, msg = False, f"unparsed {e}"
            if not ok:
                disagreements.append((kind, ph, mode, it["gold"], reply[-120:], msg))
                continue
            key = (it["gold"], reply)
            if key in seen:
                continue
            seen.add(key)
            rows.append(dict(kind=kind, phrasing=ph, distractor=info["distractor"], gold=it["gold"], reply=reply,
                             correct=info["correct"], why=info["why"]))
    print(f"form issues dropped: {dropped_forms}")
    print(f"label-route disagreements (dropped rows): {len(disagreements)}")
    for d in disagreements[:30]:
        print("  DISAGREE", d)
    for i, r in enumerate(rows, 1):
        r_ = {"id": f"md-{i:05d}", "split": SPLIT}
        r_.update(r)
        rows[i - 1] = r_
    with open(args.out, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} rows to {args.out}")
    print("labels:", dict(Counter(r["correct"] for r in rows)))
    print("kinds:", dict(Counter(r["kind"] for r in rows)))
    print("phrasings:", dict(Counter(r["phrasing"] for r in rows)))
    print("distractors:", dict(Counter(r["distractor"] for r in rows)))
    if args.sample:
        srng = random.Random(7)
        for r in srng.sample(rows, args.sample):
            print("=" * 70)
            print(r["id"], r["kind"], r["phrasing"], r["distractor"], r["correct"])
            print("GOLD:", r["gold"])
            print("REPLY:", r["reply"])


if __name__ == "__main__":
    main()
