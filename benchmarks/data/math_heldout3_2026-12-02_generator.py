#!/usr/bin/env python3
"""Generator for the math held-out split 3 (heldout3-2026-12-02).

Usage:  python3 math_heldout3_2026-12-02_generator.py OUT.jsonl

Deterministic (fixed seed, no hash-order dependence).  Builds a grid of
answer kinds x reply phrasings x distractors, plus realistic free-form
replies and gold-vs-itself rows.  Every row's label is re-derived by an
independent string parser / equivalence routine (bottom of this file) applied
to the final-answer string(s) actually inserted in the reply; rows where the
construction label and the re-derived label disagree are dropped, as are
duplicate replies.
"""
import json
import random
import re
import sys
from fractions import Fraction as Fr
from math import gcd

import sympy as sp
from sympy.parsing.sympy_parser import (parse_expr, standard_transformations,
                                        implicit_multiplication_application,
                                        convert_xor)

SEED = 20261202
SPLIT = "heldout3-2026-12-02"

# ---------------------------------------------------------------------------
# rendering primitives
# ---------------------------------------------------------------------------
ANS = "\x00ANS\x00"          # placeholder for the answer inside a sentence

_SUP = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")
_VULG = {"1/2": "½", "1/4": "¼", "3/4": "¾", "1/3": "⅓", "2/3": "⅔"}


def to_uni(s):
    """Plain ASCII math -> Unicode math (√, π, −, ×, ≤, ≥, ∞, ±, ², ½)."""
    if re.search(r"\d[eE]-", s):
        return s
    s = re.sub(r"sqrt\((\d+)\)", r"√\1", s)
    s = s.replace("sqrt(", "√(")
    s = re.sub(r"(?<![A-Za-z])pi(?![A-Za-z])", "π", s)
    s = re.sub(r"\^\((-?\d+)\)", lambda m: m.group(1).translate(_SUP), s)
    s = re.sub(r"\^(-?\d+)", lambda m: m.group(1).translate(_SUP), s)
    s = s.replace("+/-", "±").replace("<=", "≤").replace(">=", "≥")
    s = re.sub(r"(?<![A-Za-z])inf(?![A-Za-z])", "∞", s)
    s = s.replace(" * ", " × ")
    s = re.sub(r"(?<![\d/.])(1/2|1/4|3/4|1/3|2/3)(?![\d/])",
               lambda m: _VULG[m.group(1)], s)
    s = re.sub(r"(?<![A-Za-z])-", "−", s)
    return s


class M:
    """A math fragment inside a sentence: LaTeX form and plain form."""

    def __init__(self, latex, plain=None, uni=None):
        self.latex = str(latex)
        self.plain = str(plain) if plain is not None else str(latex)
        self.uni = uni if uni is not None else to_uni(self.plain)


class V:
    """An answer variant."""

    def __init__(self, latex, plain=None, uni=None, textual=False, boxes=None,
                 words=None):
        self.latex = latex
        self.plain = plain if plain is not None else latex
        self.uni = uni if uni is not None else to_uni(self.plain)
        self.textual = textual
        self.boxes = boxes
        self.words = words


def calc_annot(p):
    m = re.match(r"^([0-9.\s*+\-/()]+?)\s*=\s*(-?[0-9.]+)$", p)
    if m and re.search(r"[*+/]|\d\s*-\s*\d", m.group(1)):
        lhs = m.group(1).strip()
        return f"{lhs} = <<{lhs.replace(' ', '')}={m.group(2)}>>{m.group(2)}"
    return p


def rfrag(frags, mode, ans=""):
    out = []
    for f in frags:
        if f is ANS or (isinstance(f, str) and f == ANS):
            out.append(ans)
        elif isinstance(f, M):
            if mode == "latex":
                out.append("$" + f.latex + "$")
            elif mode == "gsm8k":
                out.append(calc_annot(f.plain))
            elif mode == "unicode":
                out.append(f.uni)
            else:
                out.append(f.plain)
        elif isinstance(f, int):
            out.append(str(f) if mode != "unicode" else to_uni(str(f)))
        else:
            out.append(f)
    return "".join(out)


def amode(mode):
    return "latex" if mode == "latex" else ("unicode" if mode == "unicode" else "plain")


def ans_str(v, mode):
    """The bare answer string as inserted for an inline (non-box) answer."""
    if mode == "latex":
        return v.plain if v.textual else v.latex
    if mode == "unicode":
        return v.uni
    return v.plain


def ra(v, mode):
    """Inline rendering of an answer (with $ for LaTeX mode)."""
    if mode == "latex" and not v.textual:
        return "$" + v.latex + "$"
    return ans_str(v, mode)


def rbox(v):
    if v.boxes:
        return ", ".join("\\boxed{%s}" % b for b in v.boxes)
    return "\\boxed{%s}" % v.latex


def box_str(v):
    if v.boxes:
        return ", ".join(v.boxes)
    return v.latex


# ---------------------------------------------------------------------------
# number helpers
# ---------------------------------------------------------------------------
_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
         "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
         "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
         "eighty", "ninety"]


def words_int(n, use_and=False, hyphen=True):
    if n < 0:
        return "negative " + words_int(-n, use_and, hyphen)
    if n < 20:
        return _ONES[n]
    if n < 100:
        t, o = divmod(n, 10)
        return _TENS[t] + (("-" if hyphen else " ") + _ONES[o] if o else "")
    if n < 1000:
        h, r = divmod(n, 100)
        s = _ONES[h] + " hundred"
        if r:
            s += (" and " if use_and else " ") + words_int(r, use_and, hyphen)
        return s
    th, r = divmod(n, 1000)
    s = words_int(th, use_and, hyphen) + " thousand"
    if r:
        s += (" and " if (use_and and r < 100) else " ") + words_int(r, use_and, hyphen)
    return s


_ORD = {2: ("half", "halves"), 3: ("third", "thirds"), 4: ("quarter", "quarters"),
        5: ("fifth", "fifths"), 6: ("sixth", "sixths"), 8: ("eighth", "eighths"),
        10: ("tenth", "tenths")}


def words_frac(f, hyphen=True, fourth=False):
    n, d = f.numerator, f.denominator
    sing, plur = _ORD[d]
    if d == 4 and fourth:
        sing, plur = "fourth", "fourths"
    w = sing if n == 1 else plur
    return _ONES[n] + ("-" if hyphen else " ") + w


def ftex(f, cmd="frac"):
    f = Fr(f)
    if f.denominator == 1:
        return str(f.numerator)
    sg = "-" if f < 0 else ""
    return "%s\\%s{%d}{%d}" % (sg, cmd, abs(f.numerator), f.denominator)


def fpl(f):
    f = Fr(f)
    return str(f.numerator) if f.denominator == 1 else "%d/%d" % (f.numerator, f.denominator)


def fdec(f, places=None):
    """Terminating decimal string of a Fraction, or None."""
    f = Fr(f)
    d = f.denominator
    while d % 2 == 0:
        d //= 2
    while d % 5 == 0:
        d //= 5
    if d != 1:
        return None
    sg = "-" if f < 0 else ""
    f = abs(f)
    k = 0
    while (f * 10 ** k).denominator != 1:
        k += 1
    if places is not None and places > k:
        k = places
    v = f.numerator * 10 ** k // f.denominator
    s = str(v).rjust(k + 1, "0")
    if k:
        s = s[:-k] + "." + s[-k:]
    return sg + s


def thou(n, sep=","):
    s = str(abs(n))
    parts = []
    while len(s) > 3:
        parts.insert(0, s[-3:])
        s = s[:-3]
    parts.insert(0, s)
    return ("-" if n < 0 else "") + sep.join(parts)


def rdec(x, places):
    """Rounded decimal string of a sympy/float value."""
    return ("%%.%df" % places) % float(x)


def Vn(f, unit_tex=None, unit_pl=None):
    """Plain numeric variant of a Fraction (integer or decimal or fraction)."""
    f = Fr(f)
    if f.denominator == 1:
        s = str(f.numerator)
        t = s
    elif fdec(f) is not None:
        s = fdec(f)
        t = s
    else:
        s = fpl(f)
        t = ftex(f)
    if unit_tex:
        return V(t + unit_tex, s + unit_pl)
    return V(t, s)


def nosp(s):
    """remove spaces but keep one after a LaTeX command that is followed by a letter"""
    s = re.sub(r"(\\[a-zA-Z]+)\s+(?=[a-zA-Z])", "\\1\x01", s)
    return s.replace(" ", "").replace("\x01", " ")


def item(kind, question, concl, gold_forms, eq, near, inter, steps, given,
         check, hypo, hedge_ok=None):
    return dict(kind=kind, question=question, concl=concl, gold_forms=gold_forms,
                eq=eq, near=near, inter=inter, steps=steps, given=given,
                check=check, hypo=hypo, hedge_ok=hedge_ok)
# ---------------------------------------------------------------------------
# answer kinds: each generator returns one problem item
# ---------------------------------------------------------------------------

def g_integer(r):
    t = r.randrange(4)
    if t == 0:
        a, b, c = r.randint(6, 15), r.randint(8, 24), r.randint(5, 40)
        g = a * b - c
        return item("integer",
                    f"A teacher buys {a} boxes of pencils with {b} pencils in each box and hands out {c}. How many pencils are left?",
                    ["the teacher has ", ANS, " pencils left"],
                    [str(g), f"{g}", f"\\text{{{g}}}"],
                    [V(str(g)), V(f"{g}\\text{{ pencils}}", f"{g} pencils"), V(f"{g}.0"),
                     V(thou(g, "\\,"), thou(g)) if g >= 1000 else V(f"{g} \\text{{ pencils}}", f"{g} pencils total")],
                    [("off_by_one", V(str(g + 1))), ("off_by_one", V(str(g - 1))),
                     ("sign_error", V(str(a * b + c)))],
                    [V(str(a * b))],
                    [["Total pencils: ", M(f"{a} \\times {b} = {a*b}", f"{a} * {b} = {a*b}"), "."],
                     ["After handing out ", M(c), " of them: ", M(f"{a*b} - {c} = {g}"), "."]],
                    ["(That uses the ", M(a), " boxes, ", M(b), " pencils per box and the ", M(c), " handed out.)"],
                    ["Check: ", M(f"{g} + {c} = {a*b}"), ", which matches the total."],
                    ["If the teacher had handed out ", M(c + 5), " pencils instead, there would be ", M(g - 5), " left."])
    if t == 1:
        s, h = r.choice(range(40, 95, 5)), r.randint(2, 7)
        g = s * h
        return item("integer",
                    f"A train travels at {s} miles per hour for {h} hours. How far does it travel?",
                    ["the train travels ", ANS, " in total"],
                    [str(g), f"{g}", f"{g} \\text{{ miles}}"],
                    [V(str(g)), V(f"{g}\\text{{ miles}}", f"{g} miles"), V(f"{g} \\text{{ mi}}", f"{g} mi"), V(f"{g}.0")],
                    [("off_by_one", V(str(g + 1))), ("wrong_operation", V(str(s * (h + 1)))),
                     ("wrong_operation", V(str(s + h)))],
                    [V(str(s * (h - 1)))],
                    [["Distance is speed times time."], ["After ", M(h - 1), " hours it has gone ", M(f"{s} \\times {h-1} = {s*(h-1)}", f"{s} * {h-1} = {s*(h-1)}"), " miles."],
                     ["For all ", M(h), " hours: ", M(f"{s} \\times {h} = {g}", f"{s} * {h} = {g}"), "."]],
                    ["(Speed ", M(s), " mph, time ", M(h), " hours, as given.)"],
                    ["Check: ", M(f"{g} \\div {h} = {s}", f"{g} / {h} = {s}"), " mph."],
                    ["If it had traveled for ", M(h + 1), " hours, the distance would be ", M(s * (h + 1)), " miles."])
    if t == 2:
        i, w, n = r.randint(20, 90), r.randint(5, 25), r.randint(4, 12)
        g = i + w * n
        return item("integer",
                    f"Sam has ${i} and saves ${w} every week. How many dollars does he have after {n} weeks?",
                    ["Sam has ", ANS, " dollars"],
                    [str(g), f"{g}"],
                    [V(str(g)), V(f"{g}\\text{{ dollars}}", f"{g} dollars"), V(f"\\${g}", f"${g}"), V(f"{g}.00")],
                    [("off_by_one", V(str(g + w))), ("off_by_one", V(str(g - w))),
                     ("missed_step", V(str(w * n)))],
                    [V(str(w * n))],
                    [["Savings over ", M(n), " weeks: ", M(f"{w} \\times {n} = {w*n}", f"{w} * {n} = {w*n}"), "."],
                     ["Add the starting amount: ", M(f"{w*n} + {i} = {g}"), "."]],
                    ["(He started with ", M(i), " dollars and saved ", M(w), " per week for ", M(n), " weeks.)"],
                    ["Check: ", M(f"{g} - {i} = {w*n}"), ", and ", M(f"{w*n} \\div {w} = {n}", f"{w*n} / {w} = {n}"), " weeks."],
                    ["If he saved for ", M(n + 2), " weeks, he would have ", M(i + w * (n + 2)), " dollars."])
    p, d = r.randint(12, 40), r.randint(3, 9)
    T = p * d + r.randint(30, 200)
    g = T - p * d
    return item("integer",
                f"A book has {T} pages. Mia reads {p} pages a day for {d} days. How many pages are left?",
                ["Mia has ", ANS, " pages left to read"],
                [str(g), f"{g}", f"{g}\\text{{ pages}}"],
                [V(str(g)), V(f"{g}\\text{{ pages}}", f"{g} pages"), V(f"{g}.0"), V(f"{g} \\text{{ pages}}", f"{g} pages remaining")],
                [("off_by_one", V(str(g + 1))), ("off_by_one", V(str(g - p))),
                 ("intermediate", V(str(p * d)))],
                [V(str(p * d))],
                [["Pages read: ", M(f"{p} \\times {d} = {p*d}", f"{p} * {d} = {p*d}"), "."],
                 ["Pages left: ", M(f"{T} - {p*d} = {g}"), "."]],
                ["(The book has ", M(T), " pages; she reads ", M(p), " a day for ", M(d), " days.)"],
                ["Check: ", M(f"{p*d} + {g} = {T}"), "."],
                ["If she read one more day, only ", M(g - p), " pages would remain."])


def g_decimal(r):
    t = r.randrange(3)
    if t == 0:
        while True:
            sc = [r.randint(70, 99) for _ in range(4)]
            if sum(sc) % 4:
                break
        S = sum(sc)
        g = Fr(S, 4)
        gs = fdec(g)
        near = [("rounding", V(rdec(g, 1) if fdec(g).endswith("5") and len(gs.split(".")[1]) == 2 else str(round(float(g))))),
                ("off_by_one", V(fdec(g + Fr(1, 2)))), ("decimal_shift", V(fdec(g / 10)))]
        if near[0][1].plain == gs:
            near[0] = ("rounding", V(str(int(g))))
        return item("decimal",
                    f"Four test scores are {sc[0]}, {sc[1]}, {sc[2]} and {sc[3]}. What is their mean?",
                    ["the mean score is ", ANS],
                    [gs, gs, gs + "0"],
                    [V(gs), V(gs + "0"), V(ftex(g), fpl(g)), V(f"\\frac{{{S}}}{{4}}", f"{S}/4")],
                    near, [V(str(S))],
                    [["Sum: ", M(f"{sc[0]}+{sc[1]}+{sc[2]}+{sc[3]} = {S}"), "."],
                     ["Mean: ", M(f"{S} \\div 4 = {gs}", f"{S} / 4 = {gs}"), "."]],
                    ["(Scores given: ", M(sc[0]), ", ", M(sc[1]), ", ", M(sc[2]), ", ", M(sc[3]), ".)"],
                    ["Check: ", M(f"{gs} \\times 4 = {S}", f"{gs} * 4 = {S}"), "."],
                    ["If the last score were ", M(sc[3] + 2), ", the mean would be ", M(fdec(g + Fr(1, 2))), "."])
    if t == 1:
        while True:
            n = r.randint(3, 9)
            p = Fr(r.randint(105, 495), 100)
            g = n * p
            if g.denominator > 2 and fdec(p).endswith(tuple("123456789")):
                break
        gs, ps = fdec(g), fdec(p)
        bad = fdec(g + Fr(1, 10))
        return item("decimal",
                    f"One notebook weighs {ps} kg. What is the total weight, in kg, of {n} notebooks?",
                    ["the notebooks weigh ", ANS, " kg altogether"],
                    [gs, gs],
                    [V(gs), V(gs + "0"), V(ftex(g), fpl(g)), V(f"{gs}\\text{{ kg}}", f"{gs} kg")],
                    [("rounding", V(rdec(g, 1)) if rdec(g, 1) != gs else V(str(round(float(g))))),
                     ("off_by_one", V(fdec((n + 1) * p))), ("near_miss", V(bad))],
                    [V(fdec((n - 1) * p))],
                    [["Multiply: ", M(f"{n} \\times {ps}", f"{n} * {ps}"), "."],
                     ["That is ", M(f"{n} \\times {ps} = {gs}", f"{n} * {ps} = {gs}"), " kg."]],
                    ["(That's ", M(n), " notebooks at ", M(ps), " kg each.)"],
                    ["Check: ", M(f"{gs} \\div {n} = {ps}", f"{gs} / {n} = {ps}"), "."],
                    ["With ", M(n - 1), " notebooks it would be ", M(fdec((n - 1) * p)), " kg."])
    while True:
        k = r.choice([4, 8, 5, 16, 20])
        L = r.randint(3, 40)
        g = Fr(L, k)
        if g.denominator > 1:
            break
    gs = fdec(g)
    return item("decimal",
                f"A {L} m ribbon is cut into {k} equal pieces. How long is each piece in meters?",
                ["each piece is ", ANS, " meters long"],
                [gs, gs, gs + "\\text{ m}"],
                [V(gs), V(gs + "0"), V(ftex(g), fpl(g)), V(f"{gs}\\text{{ m}}", f"{gs} m")],
                [("rounding", V(rdec(g, 1)) if rdec(g, 1) != gs else V(str(round(float(g))))),
                 ("off_by_one", V(fdec(Fr(L, k + 1)) or fpl(Fr(L, k + 1)))), ("reciprocal", V(fdec(Fr(k, L)) or ftex(Fr(k, L)), fdec(Fr(k, L)) or fpl(Fr(k, L))))],
                [V(str(L * 100))],
                [["In centimetres the ribbon is ", M(L * 100), " cm."],
                 ["Each piece: ", M(f"{L} \\div {k} = {gs}", f"{L} / {k} = {gs}"), " m."]],
                ["(Ribbon length ", M(L), " m, ", M(k), " pieces.)"],
                ["Check: ", M(f"{gs} \\times {k} = {L}", f"{gs} * {k} = {L}"), "."],
                ["If it were cut into ", M(2 * k), " pieces, each would be ", M(fdec(Fr(L, 2 * k)) or fpl(Fr(L, 2 * k))), " m."])


def _frac_eq(g, extra_scale=2):
    eq = [V(ftex(g), fpl(g)), V(ftex(g, "dfrac"), fpl(g)),
          V("\\frac{%d}{%d}" % (g.numerator * extra_scale, g.denominator * extra_scale),
            "%d/%d" % (g.numerator * extra_scale, g.denominator * extra_scale))]
    if fdec(g) is not None:
        eq.append(V(fdec(g)))
    else:
        eq.append(V(ftex(g, "tfrac"), fpl(g)))
    return eq


def g_fraction(r):
    t = r.randrange(3)
    if t == 0:
        while True:
            a, b, c = r.randint(2, 9), r.randint(2, 9), r.randint(1, 7)
            T = a + b + c
            g = Fr(a, T)
            if (g.denominator != T or r.random() < 0.4) and g != Fr(1, 2):
                break
        near = [("complement", V(ftex(1 - g), fpl(1 - g))), ("reciprocal", V(ftex(1 / g), fpl(1 / g))),
                ("odds_not_probability", V(ftex(Fr(a, b + c)), fpl(Fr(a, b + c))))]
        dg = fdec(g)
        if dg is None:
            near.append(("rounding", V(rdec(g, 2))))
        return item("fraction",
                    f"A bag has {a} red, {b} blue and {c} green marbles. What is the probability of drawing a red marble?",
                    ["the probability of red is ", ANS],
                    [ftex(g), fpl(g), ftex(g, "dfrac")],
                    [V(ftex(g), fpl(g)), V(ftex(g, "dfrac"), fpl(g)), V("\\frac{%d}{%d}" % (a, T), f"{a}/{T}") if Fr(a, T).denominator != T else V(ftex(g, "tfrac"), fpl(g))] + ([V(dg)] if dg else []),
                    near, [V(str(T))],
                    [["Total marbles: ", M(f"{a}+{b}+{c} = {T}"), "."],
                     ["Red marbles: ", M(a), ", so the probability is ", M("\\frac{%d}{%d}" % (a, T), f"{a}/{T}"), " before reducing."]],
                    ["(There were ", M(a), " red, ", M(b), " blue and ", M(c), " green marbles.)"],
                    ["Check: the other colours have probability ", M(ftex(1 - g), fpl(1 - g)), ", and the two add to 1."],
                    ["If we wanted blue instead, we would get ", M(ftex(Fr(b, T)), fpl(Fr(b, T))), "."])
    if t == 1:
        while True:
            d1, d2 = r.choice([(3, 4), (4, 6), (2, 5), (3, 8), (6, 4), (5, 10), (3, 5), (2, 3)])
            n1, n2 = r.randint(1, d1 - 1), r.randint(1, d2 - 1)
            g = 1 - Fr(n1, d1) - Fr(n2, d2)
            if g > 0 and g.denominator > 1 and g != Fr(n1, d1) and g != Fr(n2, d2):
                break
        eaten = Fr(n1, d1) + Fr(n2, d2)
        return item("fraction",
                    f"Ana eats {n1}/{d1} of a pizza and Ben eats {n2}/{d2} of it. What fraction of the pizza is left?",
                    ["the fraction of pizza left is ", ANS],
                    [ftex(g), fpl(g)],
                    _frac_eq(g),
                    [("complement", V(ftex(eaten), fpl(eaten))), ("reciprocal", V(ftex(1 / g), fpl(1 / g))),
                     ("near_miss", V(ftex(g + Fr(1, g.denominator)), fpl(g + Fr(1, g.denominator))))],
                    [V(ftex(eaten), fpl(eaten))],
                    [["Eaten together: ", M(f"\\frac{{{n1}}}{{{d1}}} + \\frac{{{n2}}}{{{d2}}} = {ftex(eaten)}", f"{n1}/{d1} + {n2}/{d2} = {fpl(eaten)}"), "."],
                     ["Left: ", M(f"1 - {ftex(eaten)} = {ftex(g)}", f"1 - {fpl(eaten)} = {fpl(g)}"), "."]],
                    ["(Ana ate ", M(ftex(Fr(n1, d1)), f"{n1}/{d1}"), " and Ben ate ", M(ftex(Fr(n2, d2)), f"{n2}/{d2}"), ".)"],
                    ["Check: ", M(f"{ftex(eaten)} + {ftex(g)} = 1", f"{fpl(eaten)} + {fpl(g)} = 1"), "."],
                    ["If only Ana had eaten, ", M(ftex(1 - Fr(n1, d1)), fpl(1 - Fr(n1, d1))), " would be left."])
    while True:
        a, b, c, d = r.randint(1, 5), r.randint(2, 9), r.randint(1, 5), r.randint(2, 9)
        g = Fr(a, b) + Fr(c, d)
        if a < b and c < d and b != d and g.denominator > 1 and g < 1:
            break
    wrong = Fr(a + c, b + d)
    return item("fraction",
                f"Compute {a}/{b} + {c}/{d} as a fraction in lowest terms.",
                ["the sum is ", ANS],
                [ftex(g), fpl(g), ftex(g, "dfrac")],
                _frac_eq(g, 3),
                [("added_denominators", V(ftex(wrong), fpl(wrong))), ("reciprocal", V(ftex(1 / g), fpl(1 / g))),
                 ("sign_error", V(ftex(Fr(a, b) - Fr(c, d)), fpl(Fr(a, b) - Fr(c, d))))],
                [V(str(b * d))],
                [["Common denominator: ", M(f"{b} \\times {d} = {b*d}", f"{b} * {d} = {b*d}"), "."],
                 ["Numerator: ", M(f"{a}\\cdot {d} + {c}\\cdot {b} = {a*d + c*b}", f"{a}*{d} + {c}*{b} = {a*d+c*b}"), ", so the sum is ", M(f"\\frac{{{a*d+c*b}}}{{{b*d}}}", f"{a*d+c*b}/{b*d}"), " before reducing."]],
                ["(We added ", M(f"\\frac{{{a}}}{{{b}}}", f"{a}/{b}"), " and ", M(f"\\frac{{{c}}}{{{d}}}", f"{c}/{d}"), ".)"],
                ["Check: ", M(f"{ftex(g)} \\approx {float(g):.3f}", f"{fpl(g)} ≈ {float(g):.3f}"), "."],
                ["Subtracting instead would give ", M(ftex(Fr(a, b) - Fr(c, d)), fpl(Fr(a, b) - Fr(c, d))), "."])


def _mixed_tex(f, cmd="frac"):
    w, rem = divmod(f.numerator, f.denominator)
    return "%d\\%s{%d}{%d}" % (w, cmd, rem, f.denominator)


def _mixed_pl(f):
    w, rem = divmod(f.numerator, f.denominator)
    return "%d %d/%d" % (w, rem, f.denominator)


def g_mixed(r):
    t = r.randrange(2)
    while True:
        d = r.choice([2, 3, 4, 5, 6, 8])
        x = Fr(r.randint(1, 4)) + Fr(r.randint(1, d - 1), d)
        d2 = r.choice([2, 4, 8, 3, 6]) if d in (2, 4, 8, 3, 6) else d
        y = Fr(r.randint(1, 4)) + Fr(r.randint(1, d2 - 1), d2)
        g = x + y
        if g.denominator > 1 and (g.numerator % g.denominator) * 10 + g.denominator != g.numerator and g.numerator // g.denominator < 10:
            break
    w, rem = divmod(g.numerator, g.denominator)
    concat = Fr(int(f"{w}{rem}"), g.denominator)
    eq = [V(_mixed_tex(g), _mixed_pl(g)), V(ftex(g), fpl(g)), V(_mixed_tex(g, "tfrac"), _mixed_pl(g)),
          V("%d \\frac{%d}{%d}" % (w, rem, g.denominator), "%d and %d/%d" % (w, rem, g.denominator) if False else _mixed_pl(g))]
    if fdec(g):
        eq.append(V(fdec(g)))
    near = [("concatenated_mixed", V(f"\\frac{{{int(str(w)+str(rem))}}}{{{g.denominator}}}", f"{w}{rem}/{g.denominator}")),
            ("off_by_one", V(_mixed_tex(g - 1), _mixed_pl(g - 1)) if g > 2 else V(_mixed_tex(g + 1), _mixed_pl(g + 1))),
            ("wrong_fraction_part", V("%d\\frac{%d}{%d}" % (w, rem, g.denominator + 1), "%d %d/%d" % (w, rem, g.denominator + 1)))]
    what = ["cups of flour", "hours", "miles"][t if t < 2 else 0]
    nm = "recipe" if t == 0 else "hike"
    if t == 0:
        q = f"A recipe needs {_mixed_pl(x)} cups of flour for the cake and {_mixed_pl(y)} cups for the icing. How many cups in all?"
        concl = ["the recipe needs ", ANS, " cups of flour"]
    else:
        q = f"A hiker walks {_mixed_pl(x)} miles before lunch and {_mixed_pl(y)} miles after. How many miles in total?"
        concl = ["the hiker walks ", ANS, " miles in total"]
    return item("mixed_number", q, concl,
                [_mixed_tex(g), _mixed_pl(g), ftex(g), "%d \\frac{%d}{%d}" % (w, rem, g.denominator)],
                eq, near, [V(ftex(x + y - (x + y) // 1), fpl(x + y - (x + y) // 1)) if (x + y) % 1 != g else V(str(int(x // 1 + y // 1)))],
                [["Whole parts: ", M(f"{int(x)} + {int(y)} = {int(x)+int(y)}"), "."],
                 ["Fraction parts: ", M(f"{ftex(x - int(x))} + {ftex(y - int(y))} = {ftex(x + y - int(x) - int(y))}", f"{fpl(x - int(x))} + {fpl(y - int(y))} = {fpl(x + y - int(x) - int(y))}"), "."],
                 ["Combine to get ", M(ftex(g), fpl(g)), " as an improper fraction."]],
                ["(The two amounts were ", M(_mixed_tex(x), _mixed_pl(x)), " and ", M(_mixed_tex(y), _mixed_pl(y)), ".)"],
                ["Check: ", M(f"{float(x):.3f} + {float(y):.3f} \\approx {float(g):.3f}", f"{float(x):.3f} + {float(y):.3f} ≈ {float(g):.3f}"), "."],
                ["Had the second amount been one unit more, the total would be ", M(_mixed_tex(g + 1), _mixed_pl(g + 1)), "."])


def g_percent(r):
    t = r.randrange(3)
    if t == 0:
        a = r.choice([20, 40, 50, 80, 120, 160, 200, 250])
        p = r.choice([Fr(25), Fr(10), Fr(15), Fr(30), Fr(40), Fr(60), Fr(125, 10), Fr(5)])
        b = a + a * p / 100
        q = f"A price rises from ${a} to ${fdec(b)}. What is the percent increase?"
        inter = [V(fdec(b - a))]
        wrong_base = (b - a) / b * 100
        steps = [["Increase: ", M(f"{fdec(b)} - {a} = {fdec(b-a)}"), "."],
                 ["Relative to the original: ", M(f"\\frac{{{fdec(b-a)}}}{{{a}}} = {fdec(p/100)}", f"{fdec(b-a)}/{a} = {fdec(p/100)}"), "."]]
        given = ["(Original price ", M(a), ", new price ", M(fdec(b)), ".)"]
        concl = ["the price increased by ", ANS]
    elif t == 1:
        n = r.choice([20, 25, 40, 50, 80])
        p = r.choice([Fr(20), Fr(35), Fr(45), Fr(60), Fr(15), Fr(70)])
        k = n * p / 100
        if k.denominator != 1:
            p, k = Fr(20), Fr(n, 5)
        q = f"In a class of {n} students, {k} walk to school. What percent of the class walks?"
        inter = [V(str(n - k))]
        wrong_base = k / (n - k) * 100
        steps = [["Fraction walking: ", M(f"\\frac{{{k}}}{{{n}}} = {fdec(k/n)}", f"{k}/{n} = {fdec(k/n)}"), "."],
                 ["The other ", M(n - k), " students do not walk."]]
        given = ["(Class size ", M(n), ", walkers ", M(k), ".)"]
        concl = ["", ANS, " of the class walks"]
    else:
        a = r.choice([40, 60, 80, 120, 200])
        p = r.choice([Fr(15), Fr(25), Fr(35), Fr(45), Fr(125, 10)])
        b = a - a * p / 100
        q = f"A jacket's price drops from ${a} to ${fdec(b)}. What percent discount is that?"
        inter = [V(fdec(a - b))]
        wrong_base = (a - b) / b * 100
        steps = [["Discount: ", M(f"{a} - {fdec(b)} = {fdec(a-b)}"), " dollars."],
                 ["As a fraction of the original: ", M(f"\\frac{{{fdec(a-b)}}}{{{a}}} = {fdec(p/100)}", f"{fdec(a-b)}/{a} = {fdec(p/100)}"), "."]]
        given = ["(Original ", M(a), " dollars, sale price ", M(fdec(b)), " dollars.)"]
        concl = ["the discount is ", ANS]
    ps = fdec(p)
    near = [("fraction_vs_percent", V(fdec(p / 100))),
            ("fraction_vs_percent", V(ftex(p / 100), fpl(p / 100))),
            ("complement", V(f"{fdec(100 - p)}\\%", f"{fdec(100 - p)}%")),
            ("wrong_base", V(f"{fdec(wrong_base) or rdec(wrong_base, 1)}\\%", f"{fdec(wrong_base) or rdec(wrong_base, 1)}%"))]
    if p.denominator > 1:
        near.append(("rounding", V(f"{round(float(p))}\\%", f"{round(float(p))}%")))
    return item("percent", q, concl,
                [f"{ps}\\%", ps, f"{ps}%", f"{ps}\\,\\%"],
                [V(f"{ps}\\%", f"{ps}%"), V(f"{ps}", f"{ps}"), V(f"{ps}\\text{{ percent}}", f"{ps} percent"), V(f"{ps}.0\\%" if "." not in ps else f"{ps}0\\%", f"{ps}.0%" if "." not in ps else f"{ps}0%")],
                near, inter, steps, given,
                ["Check: ", M(f"{fdec(p/100)} \\times 100 = {ps}", f"{fdec(p/100)} * 100 = {ps}"), "."],
                ["For a rate twice as big we would see ", M(f"{fdec(2*p)}\\%", f"{fdec(2*p)}%"), "."])


def _money(f, tex=True, cents=True):
    s = fdec(f, 2) if cents else (fdec(f) if f.denominator > 1 else str(f))
    return ("\\$" if tex else "$") + s


def g_currency(r):
    t = r.randrange(3)
    if t == 0:
        e, a, b = r.randint(14, 20), r.randint(2, 4), r.randint(3, 5)
        price = r.choice([Fr(2), Fr(3), Fr(175, 100), Fr(125, 100), Fr(150, 100), Fr(225, 100)])
        k = e - a - b
        g = k * price
        q = f"A hen lays {e} eggs a day. {a} are eaten and {b} are used for baking; the rest sell for ${fdec(price, 2)} each. How much is earned per day?"
        steps = [["Eggs left to sell: ", M(f"{e} - {a} - {b} = {k}"), "."],
                 ["Money: ", M(f"{k} \\times {fdec(price, 2)} = {fdec(g, 2)}", f"{k} * {fdec(price, 2)} = {fdec(g, 2)}"), " dollars."]]
        inter = [V(str(k)), V(_money(e * price), _money(e * price, False))]
        given = ["(", M(e), " eggs a day, ", M(a), " eaten, ", M(b), " baked, ", M(fdec(price, 2)), " dollars each.)"]
        concl = ["the farmer earns ", ANS, " per day"]
        hyp = ["If one more egg were sold, the takings would be ", M(_money(g + price), _money(g + price, False)), "."]
    elif t == 1:
        n = r.randint(2, 5)
        c = Fr(r.randint(150, 480), 100)
        paid = 20 if n * c < 20 else 50
        g = paid - n * c
        q = f"Lena buys {n} sandwiches at ${fdec(c, 2)} each and pays with a ${paid} bill. How much change does she get?"
        steps = [["Cost: ", M(f"{n} \\times {fdec(c, 2)} = {fdec(n*c, 2)}", f"{n} * {fdec(c, 2)} = {fdec(n*c, 2)}"), "."],
                 ["Change: ", M(f"{paid} - {fdec(n*c, 2)} = {fdec(g, 2)}"), "."]]
        inter = [V(_money(n * c), _money(n * c, False))]
        given = ["(", M(n), " sandwiches at ", M(fdec(c, 2)), " each, paid with ", M(paid), ".)"]
        concl = ["Lena gets ", ANS, " in change"]
        hyp = ["If she had paid with ", M(paid + 10), " dollars, the change would be ", M(_money(g + 10), _money(g + 10, False)), "."]
    else:
        n = r.randint(3, 8)
        c = Fr(r.randint(1100, 4800), 100)
        fee = Fr(r.choice([150, 250, 300, 500]), 100)
        g = n * c + fee
        q = f"Tickets cost ${fdec(c, 2)} each plus a ${fdec(fee, 2)} booking fee per order. What do {n} tickets cost in one order?"
        steps = [["Tickets: ", M(f"{n} \\times {fdec(c, 2)} = {fdec(n*c, 2)}", f"{n} * {fdec(c, 2)} = {fdec(n*c, 2)}"), "."],
                 ["Add the fee: ", M(f"{fdec(n*c, 2)} + {fdec(fee, 2)} = {fdec(g, 2)}"), "."]]
        inter = [V(_money(n * c), _money(n * c, False))]
        given = ["(", M(n), " tickets at ", M(fdec(c, 2)), " dollars, fee ", M(fdec(fee, 2)), ".)"]
        concl = ["the order costs ", ANS]
        hyp = ["Without the fee it would have been ", M(_money(n * c), _money(n * c, False)), "."]
    g2 = fdec(g, 2)
    cents = g * 100
    eq = [V(_money(g), _money(g, False)), V(g2), V(f"{g2}\\text{{ dollars}}", f"{g2} dollars"),
          V(_money(g, True, False), _money(g, False, False)) if fdec(g) != g2 else V(f"{g2}\\text{{ USD}}", f"{g2} USD")]
    if g.denominator == 1:
        eq.append(V(f"\\${g}", f"${g}"))
    near = [("wrong_units", V(f"{cents}\\text{{ cents}}", f"{cents} cents")),
            ("off_by_one", V(_money(g + 1), _money(g + 1, False))),
            ("rounding", V(f"\\${round(float(g))}" if round(float(g)) != g else _money(g + Fr(1, 2)),
                           f"${round(float(g))}" if round(float(g)) != g else _money(g + Fr(1, 2), False)))]
    return item("currency", q, concl,
                [_money(g), g2, _money(g, True, False), f"{g2}"],
                eq, near, inter, steps, given,
                ["Check: the pieces add back up to ", M(_money(g), _money(g, False)), "."] if False else
                ["Check: ", M(g2), " dollars is ", M(cents), " cents, consistent with the prices."],
                hyp)

def g_units(r):
    t = r.randrange(3)
    if t == 0:
        k, c = r.randint(3, 9), r.choice(range(25, 95, 5))
        g = Fr(k * c, 100)
        gs = fdec(g)
        return item("units",
                    f"{k} pieces of tape, each {c} cm long, are laid end to end. What is the total length in meters?",
                    ["the total length is ", ANS],
                    [f"{gs}\\text{{ m}}", f"{gs} \\text{{ m}}", f"{gs}", f"{gs}\\,\\text{{m}}"],
                    [V(f"{gs}\\text{{ m}}", f"{gs} m"), V(f"{gs}\\text{{ meters}}", f"{gs} meters"), V(gs),
                     V(f"{fdec(g, 2)}\\,\\text{{m}}", f"{fdec(g, 2)} m") if fdec(g, 2) != gs else V(f"{ftex(g)}\\text{{ m}}", f"{fpl(g)} m")],
                    [("wrong_units", V(f"{k*c}\\text{{ cm}}", f"{k*c} cm")), ("decimal_shift", V(f"{fdec(g*10)}\\text{{ m}}", f"{fdec(g*10)} m")),
                     ("off_by_one", V(f"{fdec(g + Fr(c, 100))}\\text{{ m}}", f"{fdec(g + Fr(c, 100))} m"))],
                    [V(f"{k*c}\\text{{ cm}}", f"{k*c} cm")],
                    [["Total in centimetres: ", M(f"{k} \\times {c} = {k*c}", f"{k} * {c} = {k*c}"), " cm."],
                     ["Convert: ", M(f"{k*c} \\div 100 = {gs}", f"{k*c} / 100 = {gs}"), " m."]],
                    ["(", M(k), " pieces of ", M(c), " cm each.)"],
                    ["Check: ", M(f"{gs}\\text{{ m}} = {k*c}\\text{{ cm}}", f"{gs} m = {k*c} cm"), "."],
                    ["With one more piece the length would be ", M(f"{fdec(g + Fr(c, 100))}\\text{{ m}}", f"{fdec(g + Fr(c, 100))} m"), "."])
    if t == 1:
        while True:
            a, b = r.randint(30, 80), r.randint(30, 80)
            g = 180 - a - b
            if 20 < g < 110 and g not in (a, b) and g != 90:
                break
        rad = Fr(g, 180)
        return item("units",
                    f"Two angles of a triangle measure {a}° and {b}°. What is the third angle?",
                    ["the third angle measures ", ANS],
                    [f"{g}^\\circ", f"{g}^{{\\circ}}", f"{g}", f"{g}°"],
                    [V(f"{g}^\\circ", f"{g}°"), V(f"{g}\\text{{ degrees}}", f"{g} degrees"), V(str(g)), V(f"{g}^{{\\circ}}", f"{g} deg")],
                    [("supplement", V(f"{180 - g}^\\circ", f"{180 - g}°")), ("wrong_units", V(f"\\frac{{{rad.numerator}\\pi}}{{{rad.denominator}}}", f"{rad.numerator}pi/{rad.denominator}")),
                     ("off_by_one", V(f"{g + 10}^\\circ", f"{g + 10}°"))],
                    [V(f"{a + b}^\\circ", f"{a + b}°")],
                    [["The angles of a triangle sum to ", M("180^\\circ", "180°"), "."],
                     ["The two known angles give ", M(f"{a} + {b} = {a+b}"), "."],
                     ["So the third is ", M(f"180 - {a+b} = {g}"), "."]],
                    ["(Known angles: ", M(f"{a}^\\circ", f"{a}°"), " and ", M(f"{b}^\\circ", f"{b}°"), ".)"],
                    ["Check: ", M(f"{a} + {b} + {g} = 180"), "."],
                    ["If the triangle were a quadrilateral, the missing angle would be ", M(f"{360 - a - b - g}^\\circ", f"{360 - a - b - g}°"), " instead."])
    while True:
        mins = r.choice([15, 20, 30, 40, 45, 50])
        d = r.randint(8, 60)
        g = Fr(d * 60, mins)
        if g.denominator == 1 and g < 200:
            break
    g = int(g)
    perm = Fr(d, mins)
    return item("units",
                f"A cyclist covers {d} km in {mins} minutes. What is her average speed in km/h?",
                ["her average speed is ", ANS],
                [f"{g}\\text{{ km/h}}", f"{g}", f"{g} \\text{{ km/h}}"],
                [V(f"{g}\\text{{ km/h}}", f"{g} km/h"), V(f"{g}\\text{{ kilometers per hour}}", f"{g} kilometers per hour"), V(str(g)), V(f"{g}\\,\\mathrm{{km/h}}", f"{g} kph")],
                [("wrong_units", V(f"{fdec(perm) or rdec(perm, 2)}\\text{{ km/min}}", f"{fdec(perm) or rdec(perm, 2)} km/min")),
                 ("decimal_shift", V(f"{g*10}\\text{{ km/h}}", f"{g*10} km/h")), ("wrong_operation", V(f"{d*mins}\\text{{ km/h}}", f"{d*mins} km/h"))],
                [V(f"{fdec(Fr(mins, 60))}", f"{fdec(Fr(mins, 60))}") if fdec(Fr(mins, 60)) else V(ftex(Fr(mins, 60)), fpl(Fr(mins, 60)))],
                [["Time in hours: ", M(f"{mins} \\div 60 = {ftex(Fr(mins, 60))}", f"{mins} / 60 = {fpl(Fr(mins, 60))}"), " h."],
                 ["Speed: ", M(f"{d} \\div {ftex(Fr(mins, 60))} = {g}", f"{d} / ({fpl(Fr(mins, 60))}) = {g}"), " km/h."]],
                ["(Distance ", M(d), " km, time ", M(mins), " minutes.)"],
                ["Check: in ", M(ftex(Fr(mins, 60)), fpl(Fr(mins, 60))), " h at ", M(g), " km/h she covers ", M(d), " km."],
                ["Over a full ", M(2), " hours she would cover ", M(2 * g), " km."])


def _clock(m, style):
    """m = minutes after midnight; style: 12 (AM/PM), 12p (p.m.), 12l (pm), 24."""
    h, mi = divmod(m % 1440, 60)
    if style == "24":
        return "%02d:%02d" % (h, mi) if h < 10 else "%d:%02d" % (h, mi)
    hh = h % 12 or 12
    mer = "AM" if h < 12 else "PM"
    if style == "12p":
        mer = mer[0].lower() + "." + "m."
    elif style == "12l":
        mer = mer.lower()
    elif style == "bare":
        return "%d:%02d" % (hh, mi)
    return "%d:%02d %s" % (hh, mi, mer)


def g_clock(r):
    while True:
        pm = r.random() < 0.75
        if pm:
            g = r.randint(13 * 60 + 5, 22 * 60 + 55)
        else:
            g = r.randint(7 * 60 + 5, 11 * 60 + 50)
        if g % 5 == 0 and g % 60 != 0 and (g % 60) // 10 != g % 10 and (g // 60) % 12 != 0:
            break
    dur = r.randint(70, 260)
    start = g - dur
    dh, dm = divmod(dur, 60)
    t = r.randrange(2)
    s12 = _clock(start, "12")
    if t == 0:
        q = f"A movie starts at {s12} and runs {dh} h {dm} min. When does it end?"
        concl = ["the movie ends at ", ANS]
    else:
        q = f"A train leaves at {s12} and the trip takes {dur} minutes. At what time does it arrive?"
        concl = ["the train arrives at ", ANS]

    def cv(m, style):
        s = _clock(m, style)
        return V("\\text{%s}" % s, s, s, textual=True)

    h, mi = divmod(g, 60)
    swapped = h * 60 + (mi % 10) * 10 + mi // 10
    near = [("wrong_meridiem", cv(g + 720 if not pm else g - 720, "12")),
            ("off_by_one", cv(g + 60, "12")), ("digit_swap", cv(swapped, "12"))]
    if pm:
        near.append(("no_meridiem", cv(g, "bare")))
        near.append(("wrong_meridiem", cv(g - 720, "12p")))
    else:
        near.append(("wrong_meridiem", cv(g + 720, "24")))
    gforms = ["\\text{%s}" % _clock(g, "12"), _clock(g, "24"), _clock(g, "12p"), "%s\\text{ %s}" % (_clock(g, "bare"), "PM" if pm else "AM"), _clock(g, "12")]
    eq = [cv(g, "12"), cv(g, "12p"), cv(g, "24"), cv(g, "12l")]
    return item("clock_time", q, concl, gforms, eq, near,
                [V(f"{dh}\\text{{ h }}{dm}\\text{{ min}}", f"{dh} h {dm} min", textual=True)],
                [["Start: ", _clock(start, "12"), "."],
                 ["Add ", M(dh), " hours: ", _clock(start + 60 * dh, "12"), "."],
                 ["Add the remaining ", M(dm), " minutes."]],
                ["(Start time ", s12, ", duration ", M(dur), " minutes.)"],
                ["Check: from ", s12, " to the end is ", M(dh), " h ", M(dm), " min."],
                ["If it had started an hour later it would end at ", _clock(g + 60, "12"), "."])


def _sci_tex(m, e, sp_=" "):
    return f"{m}{sp_}\\times{sp_}10^{{{e}}}"


def _sci_pl(m, e):
    return f"{m} * 10^{e}"


def g_scientific(r):
    while True:
        a, b = r.choice([1.2, 2, 2.5, 3, 4, 1.5, 6, 8]), r.choice([2, 3, 4, 1.5, 5, 2.5, 6])
        ea, eb = r.randint(-6, 8), r.randint(-6, 8)
        prod = Fr(str(a)) * Fr(str(b))
        e = ea + eb
        mant = prod
        while mant >= 10:
            mant /= 10
            e += 1
        if fdec(mant) and len(fdec(mant)) <= 4 and e not in (0, 1, -1) and abs(e) <= 12 and mant != 1:
            break
    ms = fdec(mant)
    val = mant * Fr(10) ** e
    mant2 = fdec(mant * 10)
    eq = [V(_sci_tex(ms, e), _sci_pl(ms, e)), V(f"{ms}e{e}"), V(_sci_tex(mant2, e - 1), _sci_pl(mant2, e - 1)), V(_sci_tex(ms, e, ""), f"{ms}E{e}")]
    if -4 <= e <= 6:
        eq.append(V(thou(int(val)) if val.denominator == 1 else fdec(val), thou(int(val)) if val.denominator == 1 else fdec(val)))
    near = [("exponent_off_by_one", V(_sci_tex(ms, e - 1), _sci_pl(ms, e - 1))), ("exponent_sign", V(_sci_tex(ms, -e), _sci_pl(ms, -e))),
            ("mantissa_digits", V(_sci_tex(ms[::-1] if ms[::-1] != ms and "." not in ms[::-1][:1] else fdec(mant + 1), e),
                                  _sci_pl(ms[::-1] if ms[::-1] != ms and "." not in ms[::-1][:1] else fdec(mant + 1), e)))]
    A, B = fdec(Fr(str(a))), fdec(Fr(str(b)))
    return item("scientific",
                f"Compute ({A} × 10^{ea}) × ({B} × 10^{eb}) in scientific notation.",
                ["the product is ", ANS],
                [_sci_tex(ms, e), _sci_tex(ms, e, ""), f"{ms}\\times 10^{{{e}}}"],
                eq, near, [V(fdec(prod))],
                [["Multiply the mantissas: ", M(f"{A} \\times {B} = {fdec(prod)}", f"{A} * {B} = {fdec(prod)}"), "."],
                 ["Add the exponents: ", M(f"{ea} + ({eb}) = {ea+eb}" if eb < 0 else f"{ea} + {eb} = {ea+eb}", f"{ea} + ({eb}) = {ea+eb}" if eb < 0 else f"{ea} + {eb} = {ea+eb}"), "."],
                 ["Normalise the mantissa to lie between 1 and 10."]],
                ["(Factors ", M(_sci_tex(A, ea), _sci_pl(A, ea)), " and ", M(_sci_tex(B, eb), _sci_pl(B, eb)), ".)"],
                ["Check: the mantissa ", M(ms), " is between 1 and 10."],
                ["If the second exponent were one larger, the answer would be ", M(_sci_tex(ms, e + 1), _sci_pl(ms, e + 1)), "."])


def g_million(r):
    unit, pw = r.choice([("million", 6), ("million", 6), ("billion", 9)])
    while True:
        a = Fr(r.randint(12, 95), 10)
        b = Fr(r.randint(3, 40), 10)
        g = a + b
        if g.denominator > 1 and g < 100:
            break
    gs = fdec(g)
    full = int(g * 10 ** pw)
    t = r.randrange(2)
    if t == 0:
        q = f"A city had {fdec(a)} {unit} residents and gained {fdec(b)} {unit} more. What is the new population?"
        concl = ["the population is now ", ANS]
    else:
        q = f"A company earned ${fdec(a)} {unit} in Q1 and ${fdec(b)} {unit} in Q2. What were its total earnings?"
        concl = ["total earnings were ", ANS]
    wrong_unit = "billion" if unit == "million" else "million"
    eq = [V(f"{gs}\\text{{ {unit}}}", f"{gs} {unit}"), V(thou(full, "{,}"), thou(full)), V(thou(full, "\\,"), str(full)),
          V(_sci_tex(gs, pw), _sci_pl(gs, pw)), V(f"{gs} \\text{{ {unit}}}", f"{gs} {unit}")]
    near = [("decimal_shift", V(f"{fdec(g*10)}\\text{{ {unit}}}", f"{fdec(g*10)} {unit}")),
            ("wrong_units", V(f"{gs}\\text{{ {wrong_unit}}}", f"{gs} {wrong_unit}")),
            ("dropped_digit", V(thou(full // 10, "{,}"), thou(full // 10))),
            ("off_by_one", V(f"{fdec(g - Fr(1, 10))}\\text{{ {unit}}}", f"{fdec(g - Fr(1, 10))} {unit}"))]
    return item("million_billion", q, concl,
                [thou(full), f"{gs}\\text{{ {unit}}}", str(full), thou(full, "{,}"), f"{gs} {unit}"],
                eq, near, [V(f"{fdec(a)}\\text{{ {unit}}}", f"{fdec(a)} {unit}")],
                [["Add the two amounts: ", M(f"{fdec(a)} + {fdec(b)} = {gs}"), f" {unit}."],
                 ["The first amount alone was ", M(f"{fdec(a)}\\text{{ {unit}}}", f"{fdec(a)} {unit}"), "."]],
                ["(Amounts ", M(fdec(a)), f" {unit} and ", M(fdec(b)), f" {unit}.)"],
                ["Check: ", M(f"{gs} - {fdec(b)} = {fdec(a)}"), "."],
                ["If the gain had been twice as large, the total would be ", M(f"{fdec(a + 2*b)}\\text{{ {unit}}}", f"{fdec(a + 2*b)} {unit}"), "."])


X = sp.Symbol("x")
Y = sp.Symbol("y")


def _poly_tex(p, var=X):
    """sympy polynomial -> (latex, plain) in descending powers."""
    P = sp.Poly(p, var)
    terms = []
    for (k,), c in sorted(P.terms(), key=lambda t: -t[0][0]):
        terms.append((int(c), k))
    lt, pl = "", ""
    for i, (c, k) in enumerate(terms):
        sg = "-" if c < 0 else "+"
        ac = abs(c)
        v = str(var)
        core_t = (("" if ac == 1 and k else str(ac)) + (v if k == 1 else (f"{v}^{{{k}}}" if k > 1 else ""))) if k else str(ac)
        core_p = (("" if ac == 1 and k else str(ac)) + (v if k == 1 else (f"{v}^{k}" if k > 1 else ""))) if k else str(ac)
        if i == 0:
            lt += ("-" if c < 0 else "") + core_t
            pl += ("-" if c < 0 else "") + core_p
        else:
            lt += f" {sg} {core_t}"
            pl += f" {sg} {core_p}"
    return lt, pl


def _lin(a, b, v="x"):
    """a*v + b as string."""
    s = ("" if a == 1 else ("-" if a == -1 else str(a))) + v
    if b:
        s += (" + " if b > 0 else " - ") + str(abs(b))
    return s


def g_expression(r):
    t = r.randrange(3)
    if t == 0:
        while True:
            a, b, c, d = r.randint(1, 4), r.choice([-5, -4, -3, -2, -1, 1, 2, 3, 4, 5]), 1, r.choice([-6, -3, -2, 2, 3, 5, 6])
            if a * d + b * c != 0 and b != d:
                break
        p = sp.expand((a * X + b) * (c * X + d))
        lt, pl = _poly_tex(p)
        fac_t = f"({_lin(a, b)})({_lin(c, d)})"
        q = f"Expand ({_lin(a, b)})({_lin(c, d)})."
        wrong1 = sp.expand((a * X + b) * (c * X - d))
        wrong2 = p + 2 * X
        wrong3 = sp.expand(p - 2 * (b * d))
        rev = sp.Poly(p, X).all_coeffs()[::-1]
        rev_t = " + ".join((f"{cc}" if i == 0 or abs(cc) != 1 else ("-" if cc < 0 else "")) + ("" if i == 0 else ("x" if i == 1 else "x^{2}")) for i, cc in enumerate(rev) if cc != 0).replace("+ -", "- ")
        rev_p = rev_t.replace("{2}", "2")
        eq = [V(lt, pl), V(fac_t, fac_t), V(rev_t, rev_p), V(lt.replace(" ", ""), pl.replace(" ", ""))]
        near = [("sign_error", V(*_poly_tex(wrong1))), ("coefficient_error", V(*_poly_tex(wrong2))),
                ("sign_error", V(*_poly_tex(wrong3)))]
        oi = re.sub(r"(?<![\d.])1x", "x", f"{a*d}x + {b*c}x = {a*d+b*c}x".replace("+ -", "- "))
        steps = [["FOIL: first terms ", M(f"{a}x \\cdot x = {a}x^2" if a != 1 else "x \\cdot x = x^2", f"{a}x * x = {a}x^2" if a != 1 else "x * x = x^2"), "."],
                 ["Outer and inner: ", M(oi), "."],
                 ["Last: ", M(f"{b} \\cdot {d} = {b*d}", f"{b} * {d} = {b*d}"), "."]]
        inter = [V(f"{a*d+b*c}x", f"{a*d+b*c}x")]
        concl = ["the expanded form is ", ANS]
        given = ["(We expanded ", M(fac_t), ".)"]
        check = ["Check at ", M("x = 1"), ": both forms give ", M(int(p.subs(X, 1))), "."]
        hypo = ["If the second factor were ", M(_lin(c, -d)), ", we would get ", M(*_poly_tex(wrong1)), "."]
        gf = [lt, pl, lt.replace(" ", "")]
    elif t == 1:
        k = r.randint(1, 9)
        m = r.choice([1, 2, 3])
        p = m * (X + k)
        q = f"Simplify ({m}x^2 - {m*k*k})/(x - {k})." if m > 1 else f"Simplify (x^2 - {k*k})/(x - {k})."
        lt = _lin(m, m * k)
        fac = f"{m}(x + {k})" if m > 1 else f"x + {k}"
        eq = [V(lt), V(f"{m*k} + {m}x" if m > 1 else f"{k} + x"), V(fac), V(lt.replace(" ", ""))]
        near = [("sign_error", V(_lin(m, -m * k))), ("dropped_factor", V(_lin(1, k)) if m > 1 else V(_lin(1, k * k))),
                ("coefficient_error", V(_lin(m, m * k + 1)))]
        steps = [["Factor the numerator: ", M(f"{m}(x - {k})(x + {k})" if m > 1 else f"(x - {k})(x + {k})"), "."],
                 ["Cancel the common factor ", M(f"x - {k}"), " (valid for ", M(f"x \\ne {k}", f"x != {k}"), ")."]]
        inter = [V(f"x - {k}")]
        concl = ["the simplified expression is ", ANS]
        given = ["(The denominator was ", M(f"x - {k}"), ".)"]
        check = ["Check at ", M("x = 0"), ": ", M(f"{-m*k*k}/{-k} = {m*k}"), "."]
        hypo = ["If the denominator were ", M(f"x + {k}"), " we would get ", M(_lin(m, -m * k)), " instead."]
        gf = [lt, lt.replace(" ", ""), fac]
    else:
        a, b, c = r.randint(1, 5), r.choice([-4, -3, -2, 2, 3, 4]), r.randint(1, 9)
        f = a * X ** 3 + b * X ** 2 + c * X
        dp = sp.diff(f, X)
        lt, pl = _poly_tex(dp)
        ft, fp = _poly_tex(f)
        q = f"Differentiate f(x) = {fp}."
        eq = [V(lt, pl), V(lt.replace(" ", ""), pl.replace(" ", "")),
              V(f"{c} + {2*b}x + {3*a}x^{{2}}".replace("+ -", "- "), f"{c} + {2*b}x + {3*a}x^2".replace("+ -", "- ")),
              V(f"{3*a}x \\cdot x + {2*b}x + {c}".replace("+ -", "- "), f"{3*a}x*x + {2*b}x + {c}".replace("+ -", "- "))]
        near = [("coefficient_error", V(*_poly_tex(a * X ** 2 + b * X + c))), ("sign_error", V(*_poly_tex(dp - 4 * b * X))),
                ("off_by_one", V(*_poly_tex(dp + 1)))]
        steps = [["Power rule on each term: ", M(f"\\frac{{d}}{{dx}}x^n = nx^{{n-1}}", "d/dx x^n = n x^(n-1)"), "."],
                 ["The cubic term gives ", M(f"{3*a}x^2"), " and the quadratic term gives ", M(f"{2*b}x"), "."]]
        inter = [V(f"{3*a}x^{{2}}", f"{3*a}x^2")]
        concl = ["the derivative is ", ANS]
        given = ["(Here ", M(f"f(x) = {ft}", f"f(x) = {fp}"), ".)"]
        check = ["Check: at ", M("x = 0"), " the slope is ", M(c), "."]
        hypo = ["The second derivative would be ", M(*_poly_tex(sp.diff(dp, X))), "."]
        gf = [lt, pl]
    return item("expression", q, concl, gf, eq, near, inter, steps, given, check, hypo)


def g_equation(r):
    t = r.randrange(2)
    if t == 0:
        while True:
            m, b = r.choice([-3, -2, 2, 3, 4, -4, 5]), r.choice([-7, -5, -3, -1, 1, 2, 3, 4, 6])
            if m != b and m != -b:
                break
        x1, x2 = r.randint(-3, 1), r.randint(2, 5)
        y1, y2 = m * x1 + b, m * x2 + b
        lt = f"y = {_lin(m, b)}"
        q = f"Find the equation of the line through ({x1}, {y1}) and ({x2}, {y2})."
        ps = f"y {'-' if y1 >= 0 else '+'} {abs(y1)} = {m}(x {'-' if x1 >= 0 else '+'} {abs(x1)})"
        std = f"{m}x - y {'+' if b > 0 else '-'} {abs(b)} = 0"
        eq = [V(lt), V(ps), V(std), V(f"{2*m}x - 2y = {-2*b}")]
        near = [("sign_error", V(f"y = {_lin(m, -b)}")), ("swapped", V(f"y = {_lin(b, m)}")), ("sign_error", V(f"y = {_lin(-m, b)}"))]
        steps = [["Slope: ", M(f"m = \\frac{{{y2} - ({y1})}}{{{x2} - ({x1})}} = {m}", f"m = ({y2} - ({y1}))/({x2} - ({x1})) = {m}"), "."],
                 ["Intercept: ", M(f"b = {y1} - ({m})({x1}) = {b}"), "."]]
        inter = [V(f"m = {m}")]
        concl = ["the line is ", ANS]
        given = ["(Points ", M(f"({x1}, {y1})"), " and ", M(f"({x2}, {y2})"), ".)"]
        check = ["Check: ", M(f"{m}\\cdot {x2} + ({b}) = {y2}", f"{m}*{x2} + ({b}) = {y2}"), "."]
        hypo = ["A parallel line through the origin would be ", M(f"y = {_lin(m, 0)}"), "."]
        gf = [lt, f"y={_lin(m, b).replace(' ', '')}", lt]
    else:
        h, k, rr = r.choice([-3, -2, -1, 1, 2, 3, 4]), r.choice([-4, -2, -1, 1, 2, 3, 5]), r.randint(2, 6)

        def sh(v, n):
            return f"({v} {'-' if n > 0 else '+'} {abs(n)})"
        lt = f"{sh('x', h)}^2 + {sh('y', k)}^2 = {rr*rr}"
        C = h * h + k * k - rr * rr
        exp_ = f"x^2 + y^2 {'-' if h > 0 else '+'} {abs(2*h)}x {'-' if k > 0 else '+'} {abs(2*k)}y {'+' if C >= 0 else '-'} {abs(C)} = 0"
        q = f"Write the equation of the circle with centre ({h}, {k}) and radius {rr}."
        eq = [V(lt), V(exp_), V(f"{sh('y', k)}^2 + {sh('x', h)}^2 = {rr*rr}"), V(f"{sh('x', h)}^2 + {sh('y', k)}^2 - {rr*rr} = 0")]
        near = [("radius_not_squared", V(f"{sh('x', h)}^2 + {sh('y', k)}^2 = {rr}")), ("sign_error", V(f"{sh('x', -h)}^2 + {sh('y', -k)}^2 = {rr*rr}")),
                ("swapped", V(f"{sh('x', k)}^2 + {sh('y', h)}^2 = {rr*rr}"))]
        steps = [["Standard form: ", M("(x-h)^2 + (y-k)^2 = r^2"), "."],
                 ["Here ", M(f"h = {h}"), ", ", M(f"k = {k}"), " and ", M(f"r^2 = {rr*rr}"), "."]]
        inter = [V(f"r^2 = {rr*rr}")]
        concl = ["the circle is ", ANS]
        given = ["(Centre ", M(f"({h}, {k})"), ", radius ", M(rr), ".)"]
        check = ["Check: the point ", M(f"({h + rr}, {k})"), " lies on it."]
        hypo = ["With radius ", M(rr + 1), " the right side would be ", M((rr + 1) ** 2), "."]
        gf = [lt, lt.replace(" ", "")]
    return item("equation", q, concl, gf, eq, near, inter, steps, given, check, hypo)

def _tup(vals, tex=True):
    f = ftex if tex else fpl
    return "(" + ", ".join(f(v) for v in vals) + ")"


def _settex(vals):
    return "\\{" + ", ".join(ftex(v) for v in vals) + "\\}"


def _setpl(vals):
    return "{" + ", ".join(fpl(v) for v in vals) + "}"


def _pm_col(vals, env="pmatrix"):
    return "\\begin{%s} %s \\end{%s}" % (env, " \\\\ ".join(ftex(v) for v in vals), env)


def g_system(r):
    while True:
        x, y = r.randint(-6, 9), r.randint(-6, 9)
        if x != y and x != -y and x != 0 and y != 0:
            break
    a, b = r.choice([(1, 1), (2, 1), (1, 2), (3, 1), (1, 3)])
    c, d = r.choice([(1, -1), (2, -1), (1, -2), (3, -2)])
    e1, e2 = a * x + b * y, c * x + d * y

    def lhs(p, q):
        return (("" if p == 1 else str(p)) + "x") + (" + " if q > 0 else " - ") + (("" if abs(q) == 1 else str(abs(q))) + "y")
    q = f"Solve the system {lhs(a, b)} = {e1}, {lhs(c, d)} = {e2}."
    gf = [f"({x}, {y})", f"x = {x}, y = {y}", f"x={x},\\ y={y}", f"(x, y) = ({x}, {y})"]
    eq = [V(f"x = {x}, y = {y}"), V(f"({x}, {y})"), V(f"y = {y}, x = {x}"), V(f"x = {x} \\text{{ and }} y = {y}", f"x = {x} and y = {y}"),
          V(f"x={x};\\ y={y}", f"x={x}; y={y}")]
    near = [("swapped", V(f"x = {y}, y = {x}")), ("swapped", V(f"({y}, {x})")), ("sign_error", V(f"x = {x}, y = {-y}")),
            ("set_vs_tuple", V(f"\\{{{x}, {y}\\}}", f"{{{x}, {y}}}"))]
    steps = [["From the equations ", M(f"{lhs(a, b)} = {e1}"), " and ", M(f"{lhs(c, d)} = {e2}"), ", eliminate one variable."],
             ["Eliminating ", M("y"), " gives ", M(f"x = {x}"), "."],
             ["Substituting back gives ", M(f"y = {y}"), "."]]
    return item("system", q, ["the solution is ", ANS], gf, eq, near, [V(f"x = {x}")], steps,
                ["(The right-hand sides were ", M(e1), " and ", M(e2), ".)"],
                ["Check: ", M(f"{a}({x}) + {b}({y}) = {e1}"), " and ", M(f"{c}({x}) + ({d})({y}) = {e2}"), "."],
                ["If the right-hand sides were ", M(e1 + a), " and ", M(e2 + c), " instead, the solution would be ", M(f"({x + 1}, {y})"), "."])


def g_tuple(r):
    t = r.randrange(2)
    if t == 0:
        while True:
            p, qq = r.choice([-4, -3, -2, -1, 1, 2, 3, 5]), r.choice([-5, -3, -1, 1, 3, 4, 7])
            vals = [2, qq - 2 * p, -p * qq]
            if len(set(vals)) == 3 and 0 not in vals and vals[::-1] != vals:
                break
        q2 = f"(2x + {qq})" if qq > 0 else f"(2x - {-qq})"
        q = f"Write (x - {p}){q2} as ax^2 + bx + c and give the ordered triple (a, b, c)." if p > 0 else f"Write (x + {-p}){q2} as ax^2 + bx + c and give (a, b, c)."
        steps = [["Expand: ", M(re.sub(r"(?<![\d])1x", "x", f"2x^2 + {qq}x - {2*p}x - {p*qq}".replace("- -", "+ ").replace("+ -", "- "))), "."],
                 ["Collect like terms to read off ", M("a"), ", ", M("b"), ", ", M("c"), "."]]
        inter = [V(str(vals[1]))]
    else:
        while True:
            a1, dd = r.randint(-5, 8), r.choice([-4, -3, -2, 2, 3, 5])
            vals = [a1, a1 + dd, a1 + 2 * dd]
            if 0 not in vals and len(set(abs(v) for v in vals)) == 3:
                break
        q = f"An arithmetic sequence has a_1 = {a1} and common difference {dd}. Give (a_1, a_2, a_3)."
        steps = [["Each term adds ", M(dd), "."], ["So ", M(f"a_2 = {vals[1]}"), " and ", M(f"a_3 = {vals[2]}"), "."]]
        inter = [V(str(a1 + 3 * dd))]
    v = vals
    eq = [V(_tup(v), _tup(v, False)), V("\\left(" + ", ".join(map(str, v)) + "\\right)", "(" + ",".join(map(str, v)) + ")"),
          V(_pm_col(v), _tup(v, False)), V("(" + ",\\,".join(map(str, v)) + ")", "( " + ", ".join(map(str, v)) + " )")]
    rev = v[::-1]
    sg = [v[0], -v[1], v[2]]
    perm = [v[1], v[0], v[2]]
    near = [("reordered", V(_tup(rev), _tup(rev, False))), ("sign_error", V(_tup(sg), _tup(sg, False))),
            ("set_vs_tuple", V(_settex(v), _setpl(v))), ("swapped", V(_tup(perm), _tup(perm, False)))]
    return item("tuple", q, ["the triple is ", ANS], [_tup(v), _tup(v).replace(" ", ""), "\\left(" + ", ".join(map(str, v)) + "\\right)"],
                eq, near, inter, steps,
                ["(Restating the problem: ", q, ")"],
                ["Check: the entries are ", M(v[0]), ", ", M(v[1]), ", ", M(v[2]), " in that order."],
                ["Listing them from last to first would give ", M(_tup(rev), _tup(rev, False)), ", which is a different triple."])


def g_pair(r):
    t = r.randrange(3)
    if t == 0:
        while True:
            x1, y1, x2, y2 = [r.randint(-6, 9) for _ in range(4)]
            P = (Fr(x1 + x2, 2), Fr(y1 + y2, 2))
            if P[0] != P[1] and P[0] != -P[1] and P[0] != 0 and P[1] != 0:
                break
        q = f"Find the midpoint of ({x1}, {y1}) and ({x2}, {y2})."
        steps = [["Average the x-coordinates: ", M(f"\\frac{{{x1} + {x2}}}{{2}} = {ftex(P[0])}".replace("+ -", "- "), f"({x1} + {x2})/2 = {fpl(P[0])}".replace("+ -", "- ")), "."],
                 ["Average the y-coordinates: ", M(f"\\frac{{{y1} + {y2}}}{{2}} = {ftex(P[1])}".replace("+ -", "- "), f"({y1} + {y2})/2 = {fpl(P[1])}".replace("+ -", "- ")), "."]]
        inter = [V(str(x1 + x2))]
        given = ["(Endpoints ", M(f"({x1}, {y1})"), " and ", M(f"({x2}, {y2})"), ".)"]
    elif t == 1:
        while True:
            h, k, a = r.randint(-5, 6), r.randint(-7, 7), r.choice([1, 2, -1, 3])
            if h != k and h != -k and h and k:
                break
        P = (Fr(h), Fr(k))
        b, c = -2 * a * h, a * h * h + k
        pt, pp = _poly_tex(a * X ** 2 + b * X + c)
        q = f"Find the vertex of y = {pp}."
        steps = [["The vertex has ", M(f"x = -\\frac{{b}}{{2a}} = {h}", f"x = -b/(2a) = {h}"), "."],
                 ["Then ", M(f"y = {k}"), " by substitution."]]
        inter = [V(str(b))]
        given = ["(Coefficients ", M(f"a = {a}"), ", ", M(f"b = {b}"), ", ", M(f"c = {c}"), ".)"]
    else:
        while True:
            x0, y0 = r.randint(-5, 7), r.randint(-5, 7)
            m1, m2 = r.choice([1, 2, 3, -1]), r.choice([-2, -3, 4, -1, 2])
            if m1 != m2 and x0 != y0 and x0 != -y0 and x0 and y0:
                break
        P = (Fr(x0), Fr(y0))
        b1, b2 = y0 - m1 * x0, y0 - m2 * x0
        q = f"Where do the lines y = {_lin(m1, b1)} and y = {_lin(m2, b2)} intersect?"
        steps = [["Set them equal: ", M(f"{_lin(m1, b1)} = {_lin(m2, b2)}"), "."],
                 ["Solving gives ", M(f"x = {x0}"), ", then ", M(f"y = {y0}"), "."]]
        inter = [V(f"x = {x0}")]
        given = ["(Lines with slopes ", M(m1), " and ", M(m2), ".)"]
    a_, b_ = P
    decs = fdec(a_) and fdec(b_)
    eq = [V(_tup(P), _tup(P, False)), V(f"(x, y) = {_tup(P)}", f"(x, y) = {_tup(P, False)}"), V("\\left(" + ftex(a_) + ", " + ftex(b_) + "\\right)", "(" + fpl(a_) + "," + fpl(b_) + ")"),
          V("(" + fdec(a_) + ", " + fdec(b_) + ")") if decs and (a_.denominator > 1 or b_.denominator > 1) else V("(" + ftex(a_, "dfrac") + ",\\ " + ftex(b_, "dfrac") + ")", "(" + fpl(a_) + ", " + fpl(b_) + ")")]
    near = [("swapped", V(_tup((b_, a_)), _tup((b_, a_), False))), ("sign_error", V(_tup((a_, -b_)), _tup((a_, -b_), False))),
            ("set_vs_tuple", V(_settex(P), _setpl(P))), ("sign_error", V(_tup((-a_, b_)), _tup((-a_, b_), False)))]
    return item("ordered_pair", q, ["the point is ", ANS], [_tup(P), _tup(P).replace(" ", ""), "\\left(" + ftex(a_) + ", " + ftex(b_) + "\\right)"],
                eq, near, inter, steps, given,
                ["Check: the x-coordinate is ", M(ftex(a_), fpl(a_)), " and the y-coordinate is ", M(ftex(b_), fpl(b_)), "."],
                ["Reflecting it across the x-axis would give ", M(_tup((a_, -b_)), _tup((a_, -b_), False)), "."])


def g_set(r):
    t = r.randrange(3)
    if t == 0:
        while True:
            p, qq = r.randint(-7, 8), r.randint(-7, 8)
            if p != qq and p != -qq and p and qq:
                break
        roots = sorted([p, qq])
        s, pr = p + qq, p * qq
        q = f"Find all real solutions of x^2 {'-' if s >= 0 else '+'} {abs(s)}x {'+' if pr >= 0 else '-'} {abs(pr)} = 0."
        steps = [["Factor: ", M(f"(x {'-' if p > 0 else '+'} {abs(p)})(x {'-' if qq > 0 else '+'} {abs(qq)}) = 0"), "."],
                 ["Each factor gives a root."]]
        extra = roots + [roots[1] + 1]
        inter = [V(str(s))]
    elif t == 1:
        while True:
            roots = sorted(r.sample([-5, -4, -3, -2, -1, 1, 2, 3, 4, 5, 6], 3))
            if len(set(abs(v) for v in roots)) == 3:
                break
        fa = "".join(f"(x {'-' if v > 0 else '+'} {abs(v)})" for v in roots)
        q = f"Solve {fa} = 0."
        steps = [["A product is zero when a factor is zero."], ["Setting each factor to zero gives the roots."]]
        extra = roots + [0]
        inter = [V(str(sum(roots)))]
    else:
        lo = r.choice([10, 20, 30, 40, 50])
        pr = [n for n in range(lo, lo + 10) if all(n % k for k in range(2, n))]
        roots = pr
        q = f"List the set of primes between {lo} and {lo + 10}."
        steps = [["Check each odd number from ", M(lo + 1), " to ", M(lo + 9), " for divisors."],
                 ["Discard composites such as ", M(lo + 5), "."]]
        extra = roots + [lo + 9 if (lo + 9) not in roots else lo + 5]
        inter = [V(str(len(roots)))]
    R = roots
    rev = R[::-1]
    eq = [V(_settex(R), _setpl(R)), V(_settex(rev), _setpl(rev)), V(", ".join(map(str, R))),
          V("x \\in " + _settex(rev), "x in " + _setpl(rev)), V(", ".join(map(str, rev)), ", ".join(map(str, rev)), boxes=[str(v) for v in R])]
    near = [("missing_element", V(_settex(R[:-1]), _setpl(R[:-1]))), ("extra_element", V(_settex(sorted(extra)), _setpl(sorted(extra)))),
            ("sign_error", V(_settex([-v for v in R][::-1]), _setpl([-v for v in R][::-1])))]
    return item("set", q, ["the solution set is ", ANS], [_settex(R), ", ".join(map(str, R)), _settex(R).replace(" ", ""), "\\{" + ",".join(map(str, rev)) + "\\}"],
                eq, near, inter, steps,
                ["(Restating the problem: ", q, ")"],
                ["Check: each listed value satisfies the condition; ", M(R[0]), " works, for instance."],
                ["If we also allowed ", M(extra[-1] if extra[-1] not in R else 0), ", the set would be larger."])


def _iv_tex(lo, hi, lc, rc):
    l = "-\\infty" if lo is None else str(lo)
    h = "\\infty" if hi is None else str(hi)
    return ("[" if lc else "(") + l + ", " + h + ("]" if rc else ")")


def _iv_pl(lo, hi, lc, rc):
    l = "-inf" if lo is None else str(lo)
    h = "inf" if hi is None else str(hi)
    return ("[" if lc else "(") + l + ", " + h + ("]" if rc else ")")


def _ineq(lo, hi, lc, rc, tex=True):
    le = "\\le" if tex else "<="
    ge = "\\ge" if tex else ">="
    if lo is None:
        return f"x {le if rc else '<'} {hi}"
    if hi is None:
        return f"x {ge if lc else '>'} {lo}"
    return f"{lo} {le if lc else '<'} x {le if rc else '<'} {hi}"


def _interval_item(kind, r):
    t = r.randrange(3)
    if t == 0:
        a = r.randint(-6, 9)
        lo, hi, lc, rc = a, None, True, False
        q = f"Find the domain of f(x) = sqrt(x - {a})." if a >= 0 else f"Find the domain of f(x) = sqrt(x + {-a})."
        steps = [["We need the radicand to be non-negative: ", M(f"x - ({a}) \\ge 0", f"x - ({a}) >= 0"), "."]]
        wrongs = [("wrong_bracket", (a, None, False, False)), ("sign_error", (-a, None, True, False) if a else (1, None, True, False)),
                  ("wrong_direction", (None, a, False, True))]
        inter = [V(str(-a))]
    elif t == 1:
        k, c = r.choice([-2, -3, -4, -5]), r.randint(-4, 6)
        b = r.randint(-9, 9)
        rhs = k * c + b
        lo, hi, lc, rc = None, c, False, False
        q = f"Solve {k}x + {b} > {rhs}." if b >= 0 else f"Solve {k}x - {-b} > {rhs}."
        steps = [["Subtract: ", M(f"{k}x > {rhs - b}"), "."],
                 ["Divide by ", M(k), ", which is negative, so the inequality flips."]]
        wrongs = [("forgot_flip", (c, None, False, False)), ("wrong_bracket", (None, c, False, True)),
                  ("sign_error", (None, -c, False, False) if c else (None, 1, False, False))]
        inter = [V(str(rhs - b))]
    else:
        lo, hi = r.randint(-5, 2), r.randint(3, 9)
        lc, rc = r.choice([(True, False), (False, True)])
        A, B = 2 * lo + 1, 2 * hi + 1
        q = f"Solve {A} {'<=' if lc else '<'} 2x + 1 {'<=' if rc else '<'} {B}."
        steps = [["Subtract 1 throughout, then divide by 2."], ["The endpoints become ", M(lo), " and ", M(hi), "."]]
        wrongs = [("wrong_bracket", (lo, hi, True, True)), ("wrong_bracket", (lo, hi, False, False)),
                  ("off_by_one", (lo, hi + 1, lc, rc))]
        inter = [V(str(A - 1))]
    T = (lo, hi, lc, rc)
    ivt, ivp = _iv_tex(*T), _iv_pl(*T)
    iqt, iqp = _ineq(*T), _ineq(*T, tex=False)
    if kind == "interval":
        gf = [ivt, nosp(ivt), "\\left" + ivt[0] + ivt[1:-1] + "\\right" + ivt[-1]]
        eq = [V(ivt, ivp), V(iqt, iqp), V("x \\in " + ivt, "x in " + ivp), V(ivt.replace("\\infty", "+\\infty"), ivp.replace(" inf", " +inf")) if hi is None else V("\\left" + ivt[0] + ivt[1:-1] + "\\right" + ivt[-1], ivp.replace(" ", ""))]
        near = [(n, V(_iv_tex(*w), _iv_pl(*w))) for n, w in wrongs]
        concl = ["the solution set is ", ANS]
    else:
        gf = [iqt, nosp(iqt), iqt.replace("\\le", "\\leq").replace("\\ge", "\\geq")]
        alt = iqt
        GE, LE = "\\ge", "\\le"
        if lo is None:
            alt = f"{hi} {GE if rc else '>'} x"
        elif hi is None:
            alt = f"{lo} {LE if lc else '<'} x"
        else:
            alt = f"x {GE if lc else '>'} {lo} \\text{{ and }} x {LE if rc else '<'} {hi}"
        altp = alt.replace("\\ge", ">=").replace("\\le", "<=").replace("\\text{ and }", " and ")
        eq = [V(iqt, iqp), V(ivt, ivp), V(alt, altp), V(iqt.replace("\\le", "\\leq").replace("\\ge", "\\geq"), iqp.replace(" ", ""))]
        near = [(n, V(_ineq(*w), _ineq(*w, tex=False))) for n, w in wrongs]
        concl = ["the solution is ", ANS]
    return item(kind, q, concl, gf, eq, near, inter, steps,
                ["(Restating the problem: ", q, ")"],
                ["Check: a test point inside the set satisfies the original inequality, and one outside does not."],
                ["Had the inequality been reversed, we would get ", M(_ineq(*wrongs[0][1]), _ineq(*wrongs[0][1], tex=False)), " instead."])


def g_interval(r):
    return _interval_item("interval", r)


def g_inequality(r):
    return _interval_item("inequality", r)


def _mtex(A, env="pmatrix"):
    return "\\begin{%s} %s \\end{%s}" % (env, " \\\\ ".join(" & ".join(ftex(v) for v in row) for row in A), env)


def _mpl(A):
    return "[" + ", ".join("[" + ", ".join(fpl(v) for v in row) + "]" for row in A) + "]"


def g_matrix(r):
    t = r.randrange(3)
    while True:
        A = [[r.randint(-3, 4) for _ in range(2)] for _ in range(2)]
        B = [[r.randint(-3, 4) for _ in range(2)] for _ in range(2)]
        if t == 0:
            C = [[sum(A[i][k] * B[k][j] for k in range(2)) for j in range(2)] for i in range(2)]
            C = [[Fr(v) for v in row] for row in C]
            q = f"Compute AB for A = {_mpl(A)} and B = {_mpl(B)}."
        elif t == 1:
            C = [[Fr(A[i][j] + 2 * B[i][j]) for j in range(2)] for i in range(2)]
            q = f"Compute A + 2B for A = {_mpl(A)} and B = {_mpl(B)}."
        else:
            det = A[0][0] * A[1][1] - A[0][1] * A[1][0]
            if det not in (1, -1, 2, -2, 4):
                continue
            C = [[Fr(A[1][1], det), Fr(-A[0][1], det)], [Fr(-A[1][0], det), Fr(A[0][0], det)]]
            q = f"Find the inverse of A = {_mpl(A)}."
        T = [[C[j][i] for j in range(2)] for i in range(2)]
        flat = [v for row in C for v in row]
        if T != C and C[0] != C[1] and len(set(flat)) >= 3 and flat[3] != 0:
            break
    Tr = T
    sw = [C[1], C[0]]
    sg = [[C[0][0], C[0][1]], [C[1][0], -C[1][1]]]
    hasfrac = any(v.denominator > 1 for v in flat)
    dec_ok = all(fdec(v) for v in flat)
    eq = [V(_mtex(C), _mpl(C)), V(_mtex(C, "bmatrix"), _mpl(C)), V(_mpl(C), _mpl(C)),
          V(_mtex(C).replace(" & ", "&").replace(" \\\\ ", "\\\\"), _mpl(C).replace(" ", ""))]
    if hasfrac and dec_ok:
        dm = "\\begin{pmatrix} %s \\end{pmatrix}" % " \\\\ ".join(" & ".join(fdec(v) for v in row) for row in C)
        eq.append(V(dm, "[" + ", ".join("[" + ", ".join(fdec(v) for v in row) + "]" for row in C) + "]"))
    near = [("transposed", V(_mtex(Tr), _mpl(Tr))), ("swapped_rows", V(_mtex(sw), _mpl(sw))), ("sign_error", V(_mtex(sg), _mpl(sg)))]
    steps = [["Work entry by entry."],
             ["The top-left entry is ", M(ftex(C[0][0]), fpl(C[0][0])), " and the bottom-right entry is ", M(ftex(C[1][1]), fpl(C[1][1])), "."]]
    if t == 2:
        steps.insert(0, ["The determinant is ", M(A[0][0] * A[1][1] - A[0][1] * A[1][0]), "."])
    return item("matrix", q, ["the result is ", ANS], [_mtex(C), _mtex(C).replace(" ", ""), _mpl(C), _mtex(C, "bmatrix")],
                eq, near, [V(ftex(C[0][0]), fpl(C[0][0]))], steps,
                ["(The matrices were ", M(_mpl(A)), (" and " if t < 2 else ""), M(_mpl(B)) if t < 2 else "", ".)"],
                ["Check: the off-diagonal entries are ", M(ftex(C[0][1]), fpl(C[0][1])), " (top right) and ", M(ftex(C[1][0]), fpl(C[1][0])), " (bottom left)."],
                ["Its transpose would be ", M(_mtex(Tr), _mpl(Tr)), ", which is a different matrix."])


def g_vector(r):
    t = r.randrange(2)
    while True:
        a = [r.randint(-3, 4) for _ in range(3)]
        b = [r.randint(-3, 4) for _ in range(3)]
        if t == 0:
            v = [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]]
            q = f"Compute the cross product of {tuple(a)} and {tuple(b)}."
        else:
            v = [a[i] + 2 * b[i] for i in range(3)]
            q = f"Compute u + 2v for u = {tuple(a)} and v = {tuple(b)}."
        if len(set(abs(x) for x in v)) == 3 and 0 not in v:
            break
    v = [Fr(x) for x in v]
    neg = [-x for x in v]
    sg = [v[0], -v[1], v[2]]
    perm = [v[1], v[0], v[2]]
    eq = [V(_pm_col(v), _tup(v, False)), V(_tup(v), _tup(v, False)), V(_pm_col(v, "bmatrix"), "(" + ",".join(fpl(x) for x in v) + ")"),
          V(_pm_col(v).replace(" \\\\ ", "\\\\"), "( " + ", ".join(fpl(x) for x in v) + " )")]
    near = [("sign_error", V(_pm_col(neg), _tup(neg, False)) if t == 0 else V(_pm_col(sg), _tup(sg, False))),
            ("sign_error", V(_pm_col(sg), _tup(sg, False))), ("reordered", V(_pm_col(perm), _tup(perm, False))),
            ("set_vs_tuple", V(_settex(v), _setpl(v)))]
    steps = [["Component by component."], ["The first component is ", M(ftex(v[0])), " and the last is ", M(ftex(v[2])), "."]]
    if t == 0:
        steps.insert(0, ["Use the determinant formula with ", M("\\mathbf{i}, \\mathbf{j}, \\mathbf{k}", "i, j, k"), "."])
    return item("vector", q, ["the vector is ", ANS], [_pm_col(v), _tup(v), _pm_col(v).replace(" ", "")],
                eq, near, [V(ftex(v[0]))], steps,
                ["(Inputs ", M(_tup(a)), " and ", M(_tup(b)), ".)"],
                ["Check: the middle component is ", M(ftex(v[1])), "."],
                ["In the opposite order the cross product would be ", M(_pm_col(neg), _tup(neg, False)), "."] if t == 0 else
                ["Using u - 2v instead would give a different vector."])


def _cx(a, b, tex=True, order="ri"):
    """a + bi as string (a, b Fractions)."""
    f = ftex if tex else fpl
    if b.denominator > 1 and tex:
        bt = ("-" if b < 0 else "") + "\\frac{%d}{%d}i" % (abs(b.numerator), b.denominator)
    elif b.denominator > 1:
        bt = ("-" if b < 0 else "") + "(" + f(abs(b)) + ")i"
    else:
        bt = ("-" if b < 0 else "") + ("" if abs(b) == 1 else f(abs(b))) + "i"
    if a == 0:
        return bt
    at = f(a)
    if order == "ri":
        return at + (" - " + bt[1:] if bt.startswith("-") else " + " + bt)
    return bt + (" - " + at[1:] if at.startswith("-") else " + " + at)


def g_complex(r):
    t = r.randrange(3)
    while True:
        a, b, c, d = [r.choice([-4, -3, -2, -1, 1, 2, 3, 4, 5]) for _ in range(4)]
        if t == 0:
            re_, im = Fr(a * c - b * d), Fr(a * d + b * c)
            q = f"Compute ({_cx(Fr(a), Fr(b), False)})({_cx(Fr(c), Fr(d), False)})."
            steps = [["Expand: ", M(f"{a*c} + {a*d}i + {b*c}i + {b*d}i^2".replace("+ -", "- ")), "."], ["Use ", M("i^2 = -1"), "."]]
        elif t == 1:
            re_, im = Fr(a * a - b * b), Fr(2 * a * b)
            q = f"Compute ({_cx(Fr(a), Fr(b), False)})^2."
            steps = [["Square: ", M(f"{a*a} + {2*a*b}i + {b*b}i^2".replace("+ -", "- ")), "."], ["Since ", M("i^2 = -1"), ", the real part is ", M(f"{a*a} - {b*b}"), "."]]
        else:
            n = c * c + d * d
            re_, im = Fr(a * c + b * d, n), Fr(b * c - a * d, n)
            q = f"Compute ({_cx(Fr(a), Fr(b), False)})/({_cx(Fr(c), Fr(d), False)})."
            steps = [["Multiply top and bottom by the conjugate ", M(_cx(Fr(c), Fr(-d)), _cx(Fr(c), Fr(-d), False)), "."],
                     ["The denominator becomes ", M(f"{c*c} + {d*d} = {n}"), "."]]
        if re_ != 0 and im != 0 and abs(re_) != abs(im):
            break
    gt, gp = _cx(re_, im), _cx(re_, im, False)
    eq = [V(gt, gp), V(_cx(re_, im, True, "ir"), _cx(re_, im, False, "ir")), V(gt.replace(" ", ""), gp.replace(" ", "")),
          V(f"{ftex(re_)} + ({ftex(im)})i", f"{fpl(re_)} + ({fpl(im)})i")]
    if re_.denominator > 1 or im.denominator > 1:
        if fdec(re_) and fdec(im):
            eq.append(V(_cx(Fr(fdec(re_)), Fr(fdec(im)), False).replace("/", "/"), _cx(Fr(fdec(re_)), Fr(fdec(im)), False)) if False else
                      V(fdec(re_) + (" - " if im < 0 else " + ") + fdec(abs(im)) + "i"))
    near = [("conjugate", V(_cx(re_, -im), _cx(re_, -im, False))), ("swapped", V(_cx(im, re_), _cx(im, re_, False))),
            ("sign_error", V(_cx(-re_, im), _cx(-re_, im, False)))]
    return item("complex", q, ["the result is ", ANS], [gt, gt.replace(" ", ""), gp],
                eq, near, [V(ftex(re_), fpl(re_))], steps,
                ["(Restating the problem: ", q, ")"],
                ["Check: the real part is ", M(ftex(re_), fpl(re_)), " and the imaginary part is ", M(ftex(im), fpl(im)), "."],
                ["Its conjugate would be ", M(_cx(re_, -im), _cx(re_, -im, False)), "."])

def _rad(c, n, tex=True):
    """c*sqrt(n)"""
    if tex:
        return ("" if c == 1 else str(c)) + "\\sqrt{%d}" % n
    return ("" if c == 1 else str(c)) + "sqrt(%d)" % n


def _simp_rad(N):
    c, n = 1, N
    k = 2
    while k * k <= n:
        while n % (k * k) == 0:
            n //= k * k
            c *= k
        k += 1
    return c, n


def g_plusminus(r):
    t = r.randrange(3)
    if t == 0:
        k = r.randint(2, 12)
        q = f"Solve x^2 = {k*k}."
        gt, gp = f"\\pm {k}", f"+/-{k}"
        eq = [V(gt, gp, f"±{k}"), V(f"\\{{{k}, -{k}\\}}", f"{{{k}, -{k}}}"), V(f"-{k}, {k}", boxes=[f"-{k}", f"{k}"]), V(f"x = \\pm {k}", f"x = +/-{k}", f"x = ±{k}"),
              V(f"{k}, -{k}")]
        near = [("missing_negative", V(str(k))), ("missing_positive", V(f"-{k}")), ("forgot_root", V(f"\\pm {k*k}", f"+/-{k*k}", f"±{k*k}")),
                ("off_by_one", V(f"\\pm {k+1}", f"+/-{k+1}", f"±{k+1}"))]
        steps = [["Take square roots of both sides: ", M(f"|x| = {k}"), "."]]
        inter = [V(str(k * k))]
        gf = [gt, f"\\pm{k}", f"x = \\pm {k}", f"{k}, -{k}"]
    elif t == 1:
        n = r.choice([2, 3, 5, 6, 7, 10, 11, 13])
        q = f"Solve x^2 - {n} = 0."
        gt, gp = f"\\pm\\sqrt{{{n}}}", f"+/-sqrt({n})"
        eq = [V(gt, gp, f"±√{n}"), V(f"\\{{\\sqrt{{{n}}}, -\\sqrt{{{n}}}\\}}", f"{{sqrt({n}), -sqrt({n})}}"), V(f"x = \\pm\\sqrt{n}" if n < 10 else f"x = \\pm\\sqrt{{{n}}}", f"x = +/- sqrt({n})", f"x = ±√{n}"),
              V(f"-\\sqrt{{{n}}}, \\sqrt{{{n}}}", f"-sqrt({n}), sqrt({n})", boxes=[f"-\\sqrt{{{n}}}", f"\\sqrt{{{n}}}"])]
        near = [("missing_negative", V(f"\\sqrt{{{n}}}", f"sqrt({n})")), ("forgot_root", V(f"\\pm {n}", f"+/-{n}", f"±{n}")),
                ("rounding", V(f"\\pm {rdec(sp.sqrt(n), 2)}", f"+/-{rdec(sp.sqrt(n), 2)}", f"±{rdec(sp.sqrt(n), 2)}")),
                ("wrong_radicand", V(f"\\pm\\sqrt{{{n+1}}}", f"+/-sqrt({n+1})", f"±√{n+1}"))]
        steps = [["Move the constant: ", M(f"x^2 = {n}"), "."], ["Take square roots, remembering both signs."]]
        inter = [V(str(n))]
        gf = [gt, f"\\pm \\sqrt{{{n}}}", f"x = \\pm\\sqrt{{{n}}}"]
    else:
        k = r.randint(2, 15)
        q = f"Find all x with |x| = {k}."
        gt, gp = f"\\pm {k}", f"+/-{k}"
        eq = [V(gt, gp, f"±{k}"), V(f"\\{{-{k}, {k}\\}}", f"{{-{k}, {k}}}"), V(f"x = {k} \\text{{ and }} x = -{k}", f"x = {k} and x = -{k}"),
              V(f"x = \\pm{k}", f"x = ±{k}")]
        near = [("missing_negative", V(str(k))), ("missing_positive", V(f"-{k}")), ("off_by_one", V(f"\\pm {k-1}", f"+/-{k-1}", f"±{k-1}")),
                ("forgot_root", V(f"\\pm {k*k}", f"+/-{k*k}", f"±{k*k}"))]
        steps = [["The absolute value is ", M(k), " at two points, one on each side of 0."]]
        inter = [V(str(2 * k))]
        gf = [gt, f"\\pm{k}", f"x = \\pm {k}"]
    return item("plus_minus", q, ["the solutions are ", ANS], gf, eq, near, inter, steps,
                ["(The equation in the problem was ", M(q.split(" ", 1)[1].rstrip("."), q.split(" ", 1)[1].rstrip(".")), ".)"],
                ["Check: squaring either solution gives back the same value."],
                ["If only positive solutions were wanted, we would keep just one of them."],
                hedge_ok=["forgot_root", "off_by_one", "wrong_radicand", "rounding"])


def g_mc(r):
    t = r.randrange(3)
    if t == 0:
        a, b = r.randint(6, 19), r.randint(3, 12)
        v = a * b
        q = f"What is {a} × {b}?"
        inter_v = a * (b - 1)
    elif t == 1:
        a, b, c = r.randint(20, 90), r.randint(10, 40), r.randint(2, 9)
        v = a + b * c
        q = f"What is {a} + {b} × {c}?"
        inter_v = (a + b) * c
    else:
        n = r.randint(5, 12)
        v = n * (n + 1) // 2
        q = f"What is the sum 1 + 2 + ... + {n}?"
        inter_v = n * n
    while True:
        offs = r.sample([-10, -4, -2, -1, 1, 2, 3, 5, 8, 12], 4)
        vals = [v + o for o in offs] + [v]
        if inter_v not in vals and len(set(vals)) == 5 and all(x > 0 for x in vals):
            vals[r.randrange(4)] = inter_v
            break
        if len(set(vals)) == 5 and all(x > 0 for x in vals):
            break
    r.shuffle(vals)
    L = "ABCDE"[vals.index(v)]
    wl = "ABCDE"[(vals.index(v) + r.choice([1, 4])) % 5]
    opts = ", ".join(f"({'ABCDE'[i]}) {x}" for i, x in enumerate(vals))
    q = q + " Options: " + opts

    def lv(lt, lp=None):
        return V(lt, lp if lp is not None else lt, textual=True)
    eq = [lv(f"\\text{{({L})}}", f"({L})"), lv(f"\\text{{{L}}}", L), lv(f"\\text{{({L}) }}{v}", f"({L}) {v}"),
          lv(f"\\textbf{{({L})}}", f"**({L})**"), lv(f"\\text{{Option {L}}}", f"Option {L}"), lv(f"\\text{{{L}) }}{v}", f"{L}) {v}")]
    near = [("wrong_letter", lv(f"\\text{{({wl})}}", f"({wl})")), ("value_without_letter", V(str(v))),
            ("wrong_letter", lv(f"\\text{{({wl}) }}{v}", f"({wl}) {v}")), ("wrong_letter", lv(f"\\text{{Option {wl}}}", f"Option {wl}"))]
    return item("multiple_choice", q, ["the correct choice is ", ANS], [L, f"\\text{{({L})}}", f"({L})", f"\\textbf{{({L})}}", L],
                eq, near, [V(str(inter_v))],
                [["The options are ", opts, "."], ["Compute the value: it is ", M(v), "."], ["A common slip gives ", M(inter_v), ", which is also listed."]],
                ["(The listed options were ", opts, ".)"],
                ["Check: ", M(v), " is option ", L, " in the list."],
                ["If the question had asked for the slip value, option ", "ABCDE"[vals.index(inter_v)] if inter_v in vals else wl, " would match."])


_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def g_text(r):
    t = r.randrange(4)
    if t == 0:
        d0 = r.randrange(7)
        n = r.randint(9, 200)
        while n % 7 == 0:
            n += 1
        ans = _DAYS[(d0 + n) % 7]
        wrong = [_DAYS[(d0 + n + 1) % 7], _DAYS[(d0 + n - 1) % 7]]
        q = f"Today is {_DAYS[d0]}. What day of the week will it be in {n} days?"
        steps = [["Days repeat every 7: ", M(f"{n} = 7 \\cdot {n//7} + {n%7}", f"{n} = 7*{n//7} + {n%7}"), "."],
                 ["So move ", M(n % 7), " days forward from ", _DAYS[d0], "."]]
        inter = [V(str(n % 7))]
        concl = ["it will be ", ANS]
    elif t == 1:
        kind = r.choice(["isosceles", "scalene", "equilateral"])
        if kind == "isosceles":
            a, c = r.randint(4, 9), r.randint(2, 7)
            sides = (a, a, c if c != a else c + 1)
        elif kind == "scalene":
            sides = tuple(sorted(r.sample(range(4, 12), 3)))
            while sides[0] + sides[1] <= sides[2]:
                sides = tuple(sorted(r.sample(range(4, 12), 3)))
        else:
            s = r.randint(3, 9)
            sides = (s, s, s)
        ans = kind
        wrong = [w for w in ["isosceles", "scalene", "equilateral"] if w != kind]
        q = f"A triangle has sides {sides[0]}, {sides[1]} and {sides[2]}. Is it equilateral, isosceles or scalene?"
        steps = [["Compare the side lengths ", M(sides[0]), ", ", M(sides[1]), ", ", M(sides[2]), "."],
                 ["Count how many are equal."]]
        inter = [V(str(sum(sides)))]
        concl = ["the triangle is ", ANS]
    elif t == 2:
        dirs = ["north", "east", "south", "west"]
        d0 = r.randrange(4)
        turns = r.choice([1, 2, 3, 5, 6, 7])
        ans = dirs[(d0 + turns) % 4]
        wrong = [dirs[(d0 - turns) % 4] if dirs[(d0 - turns) % 4] != ans else dirs[(d0 + turns + 1) % 4], dirs[(d0 + turns + 2) % 4]]
        q = f"A robot faces {dirs[d0]} and turns right (90°) {turns} times. Which direction does it face?"
        steps = [["Each right turn moves one step clockwise: N → E → S → W."], ["Net turns: ", M(f"{turns} \\bmod 4 = {turns % 4}", f"{turns} mod 4 = {turns % 4}"), "."]]
        inter = [V(str(turns * 90))]
        concl = ["the robot faces ", ANS]
    else:
        nums = [r.randint(3, 40) for _ in range(3)]
        s = sum(nums)
        ans = "even" if s % 2 == 0 else "odd"
        wrong = ["odd" if ans == "even" else "even", "prime" if ans == "odd" else "negative"]
        q = f"Is {nums[0]} + {nums[1]} + {nums[2]} even or odd?"
        steps = [["Add: ", M(f"{nums[0]} + {nums[1]} + {nums[2]} = {s}"), "."]]
        inter = [V(str(s))]
        concl = ["the sum is ", ANS]

    def tv(w, form):
        if form == 0:
            return V("\\text{%s}" % w, w, w, textual=True)
        if form == 1:
            return V("\\text{%s}" % w.lower(), w.lower(), w.lower(), textual=True)
        if form == 2:
            return V("\\textbf{%s}" % w.capitalize(), w.capitalize(), w.capitalize(), textual=True)
        if form == 3:
            return V("\\text{%s}" % w.upper(), w.upper(), w.upper(), textual=True)
        return V("\\text{the %s}" % w if w in ("north", "east", "south", "west") else "\\text{%s}" % w.capitalize(),
                 ("the " + w) if w in ("north", "east", "south", "west") else w.capitalize(), None, textual=True)
    eq = [tv(ans, 0), tv(ans, 1), tv(ans, 2), tv(ans, 3), tv(ans, 4)]
    near = [("wrong_text", tv(wrong[0], 0)), ("wrong_text", tv(wrong[1], 2)), ("wrong_text", tv(wrong[0], 1))]
    return item("text", q, concl, ["\\text{%s}" % ans, ans, "\\text{%s}" % ans.capitalize(), ans.capitalize()],
                eq, near, inter, steps,
                ["(From the problem statement: ", q.split("?")[0].split(". ")[0], ".)"],
                ["Check: counting again step by step gives the same result."],
                ["A careless count could give ", wrong[0], ", but that is not what the steps show."])


def g_words(r):
    t = r.randrange(3)
    if t == 0:
        while True:
            a, b = r.randint(101, 480), r.randint(3, 60)
            g = a + b
            if g % 10 != 0 and g % 100 >= 10:
                break
        q = f"A library had {a} books and received {b} more. How many books does it have? (Answer in words.)"
        gv = Fr(g)
        steps = [["Add: ", M(f"{a} + {b} = {g}"), "."]]
        inter = [V(str(a))]
        concl = ["the library has ", ANS, " books"]
        eq = [V("\\text{%s}" % words_int(g, True), words_int(g, True), None, textual=True),
              V("\\text{%s}" % words_int(g), words_int(g), None, textual=True), V(str(g)),
              V("\\text{%s}" % words_int(g, True).capitalize(), words_int(g, True).capitalize(), None, textual=True),
              V("\\text{%s}" % words_int(g, False, False), words_int(g, False, False), None, textual=True)]
        w10 = g + 10 if (g + 10) % 100 >= 10 else g + 1
        g_tens_swap = (g // 100) * 100 + (g % 10) * 10 + (g % 100) // 10
        if g_tens_swap == g:
            g_tens_swap = g + 2
        near = [("off_by_ten", V("\\text{%s}" % words_int(w10, True), words_int(w10, True), None, textual=True)),
                ("digit_swap", V("\\text{%s}" % words_int(g_tens_swap), words_int(g_tens_swap), None, textual=True)),
                ("off_by_one", V("\\text{%s}" % words_int(g - 1, True), words_int(g - 1, True), None, textual=True))]
        gf = [str(g), str(g), "\\text{%s}" % words_int(g)]
    elif t == 1:
        g = r.randint(21, 99)
        while g % 10 == 0:
            g = r.randint(21, 99)
        a = r.randint(5, g - 5)
        q = f"Tom had {a} marbles and won some; now he has {g + a} in total after doubling... simply: what is {g + a} - {a}?"
        q = f"What is {g + a} minus {a}? Write the answer in words."
        gv = Fr(g)
        steps = [["Subtract: ", M(f"{g + a} - {a} = {g}"), "."]]
        inter = [V(str(g + a))]
        concl = ["the difference is ", ANS]
        eq = [V("\\text{%s}" % words_int(g), words_int(g), None, textual=True), V(str(g)),
              V("\\text{%s}" % words_int(g, hyphen=False), words_int(g, hyphen=False), None, textual=True),
              V("\\text{%s}" % words_int(g).capitalize(), words_int(g).capitalize(), None, textual=True)]
        sw = (g % 10) * 10 + g // 10
        if sw == g:
            sw = g + 1
        near = [("digit_swap", V("\\text{%s}" % words_int(sw), words_int(sw), None, textual=True)),
                ("off_by_one", V("\\text{%s}" % words_int(g + 1), words_int(g + 1), None, textual=True)),
                ("off_by_ten", V("\\text{%s}" % words_int(g - 10), words_int(g - 10), None, textual=True))]
        gf = [str(g), "\\text{%s}" % words_int(g), words_int(g)]
    else:
        d = r.choice([2, 3, 4, 5, 8])
        n = r.randint(1, d - 1)
        while gcd(n, d) != 1:
            n = r.randint(1, d - 1)
        gv = Fr(n, d)
        k = r.choice([2, 3, 4])
        q = f"A tank holds {d*k} litres and contains {n*k} litres. What fraction is full? (Answer in words.)"
        steps = [["Fraction full: ", M(f"\\frac{{{n*k}}}{{{d*k}}} = {ftex(gv)}", f"{n*k}/{d*k} = {fpl(gv)}"), "."]]
        inter = [V(str(d * k - n * k))]
        concl = ["the tank is ", ANS, " full"]
        eq = [V("\\text{%s}" % words_frac(gv), words_frac(gv), None, textual=True),
              V("\\text{%s}" % words_frac(gv, False), words_frac(gv, False), None, textual=True),
              V(ftex(gv), fpl(gv))]
        if d == 4:
            eq.append(V("\\text{%s}" % words_frac(gv, True, True), words_frac(gv, True, True), None, textual=True))
        if d == 2:
            eq.append(V("\\text{one half}", "one half", None, textual=True))
        comp = 1 - gv
        near = [("complement", V("\\text{%s}" % words_frac(comp), words_frac(comp), None, textual=True)) if comp != gv else
                ("off_by_one", V("\\text{%s}" % words_frac(Fr(1, 3)), words_frac(Fr(1, 3)), None, textual=True)),
                ("reciprocal", V(ftex(1 / gv), fpl(1 / gv))),
                ("wrong_denominator", V("\\text{%s}" % words_frac(Fr(n, d + 1) if (d + 1) in _ORD and gcd(n, d + 1) == 1 else Fr(1, 10)),
                                        words_frac(Fr(n, d + 1) if (d + 1) in _ORD and gcd(n, d + 1) == 1 else Fr(1, 10)), None, textual=True))]
        gf = [ftex(gv), fpl(gv), "\\text{%s}" % words_frac(gv)]
    return item("number_words", q, concl, gf, eq, near, inter, steps,
                ["(Restating the problem: ", q, ")"],
                ["Check: in digits that is ", M(ftex(gv), fpl(gv)), "."],
                ["If the amount were one more, we would write ", words_int(int(gv) + 1) if gv.denominator == 1 else "a different fraction", "."])


def g_radical(r):
    t = r.randrange(4)
    if t == 0:
        while True:
            dx, dy = r.randint(1, 7), r.randint(1, 7)
            N = dx * dx + dy * dy
            c, n = _simp_rad(N)
            if n > 1 and c > 1:
                break
        x1, y1 = r.randint(-4, 4), r.randint(-4, 4)
        q = f"Find the distance between ({x1}, {y1}) and ({x1 + dx}, {y1 + dy})."
        ex = c * sp.sqrt(n)
        gt, gp = _rad(c, n), _rad(c, n, False)
        eq = [V(gt, gp), V(f"\\sqrt{{{N}}}", f"sqrt({N})"), V(f"{c}\\sqrt{n}" if n < 10 else gt, gp.replace("sqrt", " sqrt") if False else f"{c} sqrt({n})"),
              V(f"{gt} \\approx {rdec(ex, 2)}", f"{gp} ≈ {rdec(ex, 2)}")]
        near = [("rounding", V(rdec(ex, 2))), ("dropped_coefficient", V(f"\\sqrt{{{n}}}", f"sqrt({n})")), ("forgot_root", V(str(N))),
                ("wrong_radicand", V(_rad(c, n + 1 if _simp_rad(n + 1)[0] == 1 else n + 2), _rad(c, n + 1 if _simp_rad(n + 1)[0] == 1 else n + 2, False)))]
        steps = [["Differences: ", M(f"\\Delta x = {dx}", f"dx = {dx}"), ", ", M(f"\\Delta y = {dy}", f"dy = {dy}"), "."],
                 ["Distance: ", M(f"\\sqrt{{{dx}^2 + {dy}^2}} = \\sqrt{{{N}}}", f"sqrt({dx}^2 + {dy}^2) = sqrt({N})"), "."]]
        inter = [V(str(N))]
        concl = ["the distance is ", ANS]
    elif t == 1:
        rr = r.randint(2, 12)
        ex = rr * rr * sp.pi
        q = f"What is the area of a circle of radius {rr}? Give an exact answer."
        gt, gp = f"{rr*rr}\\pi", f"{rr*rr}pi"
        eq = [V(gt, gp), V(f"{rr*rr} \\pi", f"{rr*rr} pi"), V(f"\\pi \\cdot {rr*rr}", f"pi * {rr*rr}"), V(f"{gt} \\approx {rdec(ex, 2)}", f"{gp} ≈ {rdec(ex, 2)}")]
        near = [("rounding", V(rdec(ex, 2))), ("circumference", V(f"{2*rr}\\pi", f"{2*rr}pi")), ("dropped_pi", V(str(rr * rr))),
                ("forgot_square", V(f"{rr}\\pi", f"{rr}pi"))]
        steps = [["Area formula: ", M("A = \\pi r^2", "A = pi r^2"), "."], ["With ", M(f"r = {rr}"), ": ", M(f"r^2 = {rr*rr}"), "."]]
        inter = [V(str(rr * rr))]
        concl = ["the area is ", ANS]
    elif t == 2:
        ang, (gt, gp, ex) = r.choice([(60, ("\\frac{\\sqrt{3}}{2}", "sqrt(3)/2", sp.sqrt(3) / 2)),
                                      (45, ("\\frac{\\sqrt{2}}{2}", "sqrt(2)/2", sp.sqrt(2) / 2))])
        n = 3 if ang == 60 else 2
        q = f"What is sin({ang}°)? Give the exact value."
        eq = [V(gt, gp), V(f"\\frac{{\\sqrt{n}}}{{2}}", f"(sqrt({n}))/2"), V(f"\\frac{{1}}{{2}}\\sqrt{{{n}}}", f"(1/2)sqrt({n})"),
              V(f"\\sqrt{{{n}}}/2", f"sqrt({n})/2"), V(f"{gt} \\approx {rdec(ex, 3)}", f"{gp} ≈ {rdec(ex, 3)}")]
        if n == 2:
            eq.append(V("\\frac{1}{\\sqrt{2}}", "1/sqrt(2)"))
        other = 5 - n
        near = [("rounding", V(rdec(ex, 3))), ("wrong_radicand", V(f"\\frac{{\\sqrt{{{other}}}}}{{2}}", f"sqrt({other})/2")),
                ("dropped_denominator", V(f"\\sqrt{{{n}}}", f"sqrt({n})")), ("wrong_function", V("\\frac{1}{2}", "1/2"))]
        steps = [["Use the special right triangle for ", M(f"{ang}^\\circ", f"{ang}°"), "."], ["Opposite over hypotenuse."]]
        inter = [V("2")]
        concl = [f"sin {ang}° equals ", ANS]
    else:
        a = r.randint(2, 15)
        ex = a * sp.sqrt(2)
        q = f"What is the length of the diagonal of a square with side {a}?"
        gt, gp = _rad(a, 2), _rad(a, 2, False)
        eq = [V(gt, gp), V(f"\\sqrt{{{2*a*a}}}", f"sqrt({2*a*a})"), V(f"{a}\\sqrt2", f"{a} sqrt(2)"), V(f"{gt} \\approx {rdec(ex, 2)}", f"{gp} ≈ {rdec(ex, 2)}")]
        near = [("rounding", V(rdec(ex, 2))), ("forgot_root", V(str(2 * a * a))), ("wrong_radicand", V(_rad(a, 3), _rad(a, 3, False))),
                ("dropped_coefficient", V("\\sqrt{2}", "sqrt(2)"))]
        steps = [["Pythagoras: ", M(f"d^2 = {a}^2 + {a}^2 = {2*a*a}", f"d^2 = {a}^2 + {a}^2 = {2*a*a}"), "."]]
        inter = [V(str(2 * a * a))]
        concl = ["the diagonal is ", ANS]
    return item("radical_pi", q, concl, [gt, re.sub(r"\\sqrt\{(\d)\}", r"\\sqrt\1", gt), gt.replace("\\sqrt", "\\sqrt ") if False else gt],
                eq, near, inter, steps,
                ["(Restating the problem: ", q, ")"],
                ["Numerically that is about ", M(rdec(ex, 3)), "."],
                ["If the value were doubled we would get ", M(sp.latex(2 * ex), str(2 * ex).replace("**", "^")), "."])


KINDS = [("integer", g_integer), ("decimal", g_decimal), ("fraction", g_fraction), ("mixed_number", g_mixed),
         ("percent", g_percent), ("currency", g_currency), ("units", g_units), ("clock_time", g_clock),
         ("scientific", g_scientific), ("million_billion", g_million), ("expression", g_expression),
         ("equation", g_equation), ("system", g_system), ("tuple", g_tuple), ("ordered_pair", g_pair),
         ("set", g_set), ("interval", g_interval), ("inequality", g_inequality), ("matrix", g_matrix),
         ("vector", g_vector), ("complex", g_complex), ("plus_minus", g_plusminus),
         ("multiple_choice", g_mc), ("text", g_text), ("number_words", g_words), ("radical_pi", g_radical)]

# ---------------------------------------------------------------------------
# distractor plans
# ---------------------------------------------------------------------------
TRUE_D = ["none", "equivalent_form", "equivalent_form", "correction_to_right", "hypothetical_after",
          "restate_numbers_after", "check_after"]
FALSE_D = ["near_miss", "near_miss", "near_miss", "gold_in_working_wrong_final", "intermediate_final",
           "hedge", "two_finals", "correction_to_wrong"]
D = ["none", "near_miss", "equivalent_form", "hedge", "correction_to_right", "near_miss",
     "hypothetical_after", "gold_in_working_wrong_final", "equivalent_form", "two_finals",
     "restate_numbers_after", "intermediate_final", "check_after", "correction_to_wrong", "near_miss"]

CORRECTIONS = [
    "Wait, that's wrong — I made an arithmetic slip in the last step. Let me redo it.",
    "Hmm, actually that isn't right: I mixed up a sign. Correcting it:",
    "Let me double-check... no, I misread what the question asks for. Let me redo that part.",
    "**Correction:** the line above contains an error; redoing the last step carefully:",
    "Wait, I need to recheck that. Actually, on recomputing:",
]

GOLD_IN_WORK = [
    ["A tempting shortcut gives ", ANS, ", but it skips part of the problem, so we keep going."],
    ["At first glance the answer looks like ", ANS, "; let's be more careful."],
    ["(One might quote ", ANS, " here, but that answers a slightly different question.)"],
    ["A rough estimate suggests something like ", ANS, ", but we need the precise value."],
]


def pick_wrong(it, r, allow_inter=True):
    pool = [("near", n, v) for n, v in it["near"]]
    if it.get("hedge_ok"):
        pool = [p for p in pool if p[1] in it["hedge_ok"]]
    if allow_inter:
        pool += [("inter", "intermediate", v) for v in it["inter"]]
    return r.choice(pool)


def build_plan(it, dist, r):
    eq, steps = it["eq"], [list(s) for s in it["steps"]]
    G = eq[0] if dist == "none" else r.choice(eq[1:] if dist == "equivalent_form" else eq)
    p = dict(dist=dist, steps=steps, segs=[], label=None, inject=None)
    if dist in ("none", "equivalent_form"):
        p["segs"] = [("final", G)]
        p["label"] = True
    elif dist == "near_miss":
        sub, W = r.choice(it["near"])
        p["dist"] = "near_miss_" + sub
        p["segs"] = [("final", W)]
        p["label"] = False
    elif dist == "intermediate_final":
        p["segs"] = [("final", r.choice(it["inter"]))]
        p["label"] = False
    elif dist == "gold_in_working_wrong_final":
        _, _, W = pick_wrong(it, r, allow_inter=False)
        p["inject"] = (r.choice(GOLD_IN_WORK), G, r.randrange(len(steps) + 1))
        p["segs"] = [("final", W)]
        p["label"] = False
    elif dist == "hedge":
        _, _, W = pick_wrong(it, r)
        k = r.randrange(6)
        if k == 2:
            p["dist"] = "hedge_unsure"
        p["segs"] = [("hedge", G, W, k)]
        p["label"] = False
    elif dist == "two_finals":
        _, _, W = pick_wrong(it, r)
        if r.random() < 0.5:
            p["segs"] = [("final", G), ("say2", W, r.randrange(3))]
        else:
            p["dist"] = "two_finals_gold_last"
            p["segs"] = [("say2", W, r.randrange(3)), ("final", G)]
        p["label"] = False
    elif dist in ("correction_to_right", "correction_to_wrong"):
        _, _, W = pick_wrong(it, r)
        first, last = (W, G) if dist == "correction_to_right" else (G, W)
        p["segs"] = [("say", first, r.random() < 0.5, r.randrange(3)), ("text", [r.choice(CORRECTIONS)]), ("final", last)]
        p["label"] = dist == "correction_to_right"
    elif dist in ("hypothetical_after", "restate_numbers_after", "check_after"):
        key = {"hypothetical_after": "hypo", "restate_numbers_after": "given", "check_after": "check"}[dist]
        p["segs"] = [("final", G), ("text", it[key])]
        p["label"] = True
    return p


# ---------------------------------------------------------------------------
# phrasings
# ---------------------------------------------------------------------------
class Ctx:
    """Renders answers for one reply and records every answer string inserted."""

    def __init__(self, it, mode, r, box=False):
        self.it, self.mode, self.r, self.box = it, mode, r, box
        self.rec = []            # (role, V, string-as-inserted)

    def a(self, v, role):
        """inline answer"""
        self.rec.append((role, v, ans_str(v, self.mode)))
        return ra(v, self.mode)

    def bx(self, v, role):
        self.rec.append((role, v, box_str(v)))
        return rbox(v)

    def tex(self, v, role):
        """always-LaTeX answer (inside $...$)"""
        self.rec.append((role, v, v.latex))
        return "$" + v.latex + "$"

    def concl(self, v, role, bold=False):
        s = self.a(v, role)
        if bold:
            s = "**" + s + "**"
        return rfrag(self.it["concl"], self.mode, s)

    def frag(self, fr):
        return rfrag(fr, self.mode)


def cap(s):
    return s[:1].upper() + s[1:] if s else s


def say_generic(c, v, k, role):
    if k == 0:
        return "So the answer is " + c.a(v, role) + "."
    if k == 1:
        return "That gives " + c.a(v, role) + "."
    return "So " + c.concl(v, role) + "."


def say2_generic(c, v, k, role):
    if k == 0:
        return "**Answer:** " + c.a(v, role)
    if k == 1:
        return "So the final answer is " + c.a(v, role) + "."
    return "In summary, " + c.concl(v, role) + "."


def hedge_generic(c, g, w, k):
    A = lambda v: c.a(v, "hedge")
    if k == 0:
        return f"The answer is either {A(g)} or {A(w)}."
    if k == 1:
        return f"So the answer is {A(g)}, or possibly {A(w)}."
    if k == 2:
        return f"I'm not sure — maybe {A(g)}."
    if k == 3:
        return f"It could be {A(g)} or {A(w)}; without more information I can't decide between them."
    if k == 4:
        return f"My best guess is {A(w)}, but {A(g)} is also plausible."
    if c.box:
        return f"${c.bx(g, 'hedge')}$ — though it might also be {A(w)}."
    return f"Probably {A(g)}, though {A(w)} can't be ruled out."


def render_steps(c, steps, style):
    m = c.mode
    rs = [rfrag(s, m) for s in steps]
    if style == "prose":
        conn = ["First, ", "Next, ", "Then, ", "After that, ", "Also, "]
        return " ".join((conn[i] + s[:1].lower() + s[1:]) if i < len(conn) and i < len(rs) - 1 else s for i, s in enumerate(rs))
    if style == "lines":
        return "\n".join(rs)
    if style == "numbered":
        return "\n".join(f"{i + 1}. {s}" for i, s in enumerate(rs))
    if style == "bullets":
        return "\n".join("- " + s for s in rs)
    if style == "headers":
        return "\n\n".join(f"### Step {i + 1}\n{s}" for i, s in enumerate(rs))
    if style == "bold_steps":
        return "\n\n".join(f"**Step {i + 1}:** {s}" for i, s in enumerate(rs))
    if style == "paras":
        return "\n\n".join(rs)
    if style == "think":
        fill = ["Okay, let me think about this.", "Hmm.", "Let me make sure.", "Right.", "Wait, let me recheck that.", "Yes, that seems consistent."]
        out = []
        for i, s in enumerate(rs):
            out.append(s)
            out.append(fill[(i + 2) % len(fill)])
        return "\n\n".join(out)
    raise ValueError(style)


def inject_steps(c, plan):
    steps = [list(s) for s in plan["steps"]]
    if plan["inject"]:
        tmpl, G, pos = plan["inject"]
        s = c.a(G, "working_gold")
        steps.insert(pos, [x if x is not ANS else s for x in tmpl])
    return steps


def segs_render(c, plan, final_fn):
    out = []
    for sg in plan["segs"]:
        t = sg[0]
        if t == "final":
            out.append(final_fn(sg[1]))
        elif t == "say":
            _, v, use_wrap, k = sg
            out.append(final_fn(v, "superseded") if use_wrap else say_generic(c, v, k, "superseded"))
        elif t == "say2":
            out.append(say2_generic(c, sg[1], sg[2], "final_alt"))
        elif t == "hedge":
            out.append(hedge_generic(c, sg[1], sg[2], sg[3]))
        elif t == "text":
            out.append(c.frag(sg[1]))
    return out


OUTRO_Q = ["Would you like me to walk through any step in more detail?", "Do you want a similar practice problem to try?",
           "Is there anything else you'd like help with?", "Shall I show an alternative method as well?"]
OUTRO_S = ["Hope this helps!", "Hope this helps! 😊", "Good luck with your studies!", "Let me know if you have any other questions.",
           "Happy to help further if needed."]


def _mk(c, intro, work, plan, final_fn, outro=None, sep="\n\n"):
    parts = [x for x in [intro, work] if x]
    parts += segs_render(c, plan, final_fn)
    if outro:
        parts.append(outro)
    return sep.join(parts)


def _fw(c, fn):
    """wrap a final renderer f(v, role) so segs_render can call f(v) or f(v, role)."""
    return lambda v, role="final": fn(v, role)


def ph_gpt4_markdown(it, plan, r):
    c = Ctx(it, "latex", r, box=True)
    st = inject_steps(c, plan)
    intro = r.choice(["## Solution", "Let's solve this step by step.", "## Step-by-step solution"])
    k = r.randrange(3)

    def f(v, role):
        if k == 0:
            return "### Final Answer\n\n$$\n" + c.bx(v, role) + "\n$$"
        if k == 1:
            return "### Final Answer\nThe answer is " + c.a(v, role) + "."
        return "## Answer\n\n**" + cap(c.concl(v, role)) + ".**"
    return _mk(c, intro, render_steps(c, st, "headers"), plan, _fw(c, f)), c


def ph_claude_prose(it, plan, r):
    c = Ctx(it, r.choice(["unicode", "plain"]), r)
    st = inject_steps(c, plan)
    intro = r.choice(["Let me work through this.", "I'll take this one step at a time.", "Here's how I'd approach it."])
    k = r.randrange(2)

    def f(v, role):
        return ("So " if k == 0 else "That means ") + c.concl(v, role) + "."
    return _mk(c, intro + " " + render_steps(c, st, "prose"), None, plan, _fw(c, f)), c


def ph_r1_think(it, plan, r):
    c = Ctx(it, "latex", r, box=True)
    st = inject_steps(c, plan)
    cp = Ctx(it, "plain", r)
    think = "<think>\n" + "Okay, so the problem says: " + it["question"] + "\n\n" + render_steps(cp, st, "think") + "\n</think>"
    c.rec = cp.rec + c.rec
    for i, rec in enumerate(c.rec):
        pass
    k = r.randrange(2)

    def f(v, role):
        if k == 0:
            return "$$\n" + c.bx(v, role) + "\n$$"
        return "**Final answer:** $" + c.bx(v, role) + "$"
    summary = rfrag(plan["steps"][-1], "latex")
    return _mk(c, think, summary, plan, _fw(c, f)), c


def ph_qwen_boxed(it, plan, r):
    c = Ctx(it, "latex", r, box=True)
    st = inject_steps(c, plan)
    intro = r.choice(["To solve the problem, we proceed as follows.", "We are asked: " + it["question"], None])
    k = r.randrange(2)

    def f(v, role):
        if k == 0:
            return "**Final Answer**\n\\[\n" + c.bx(v, role) + "\n\\]"
        return "**Final Answer**\n" + c.bx(v, role)
    return _mk(c, intro, render_steps(c, st, "paras"), plan, _fw(c, f)), c


def ph_llama_terse(it, plan, r):
    c = Ctx(it, "plain", r)
    st = inject_steps(c, plan)

    def f(v, role):
        return "The answer is " + c.a(v, role) + "."
    return _mk(c, None, render_steps(c, st, "lines"), plan, _fw(c, f), sep="\n"), c


def ph_gsm8k(it, plan, r):
    c = Ctx(it, "gsm8k", r)
    st = inject_steps(c, plan)

    def f(v, role):
        return "#### " + c.a(v, role)
    return _mk(c, None, render_steps(c, st, "lines"), plan, _fw(c, f), sep="\n"), c


def ph_minerva(it, plan, r):
    c = Ctx(it, "latex", r)
    st = inject_steps(c, plan)

    def f(v, role):
        return "Final Answer: The final answer is " + c.tex(v, role) + ". I hope it is correct."
    return _mk(c, None, render_steps(c, st, "prose"), plan, _fw(c, f)), c


def ph_table(it, plan, r):
    c = Ctx(it, r.choice(["latex", "plain"]), r)
    st = inject_steps(c, plan)

    def f(v, role):
        iv = it["inter"][0]
        c.rec.append(("table_inter", iv, ans_str(iv, c.mode)))
        return ("| Quantity | Value |\n|---|---|\n| Intermediate result | " + ra(iv, c.mode) + " |\n| **Answer** | " + c.a(v, role) + " |")
    return _mk(c, "Here is the working, then a summary table.", render_steps(c, st, "lines"), plan, _fw(c, f)), c


def ph_numbered(it, plan, r):
    c = Ctx(it, r.choice(["latex", "plain"]), r)
    st = inject_steps(c, plan)
    n = len(st) + 1

    def f(v, role):
        return f"{n}. Therefore, " + c.concl(v, role) + "."
    return _mk(c, None, render_steps(c, st, "numbered"), plan, _fw(c, f), sep="\n"), c


def ph_bullets(it, plan, r):
    c = Ctx(it, "latex", r)
    st = inject_steps(c, plan)

    def f(v, role):
        return "**Summary**\n- " + rfrag(plan["steps"][0], "latex") + "\n- **Answer:** " + c.a(v, role)
    return _mk(c, None, render_steps(c, st, "paras"), plan, _fw(c, f)), c


def ph_therefore(it, plan, r):
    c = Ctx(it, r.choice(["latex", "plain"]), r)
    st = inject_steps(c, plan)
    k = r.randrange(2)

    def f(v, role):
        return ("Therefore, the answer is " + c.a(v, role) + ".") if k == 0 else ("Therefore, " + c.concl(v, role) + ".")
    return _mk(c, None, render_steps(c, st, "prose"), plan, _fw(c, f)), c


def ph_bold_sentence(it, plan, r):
    c = Ctx(it, r.choice(["plain", "unicode", "latex"]), r)
    st = inject_steps(c, plan)

    def f(v, role):
        return "Putting it together, " + c.concl(v, role, bold=True) + "."
    return _mk(c, None, render_steps(c, st, "paras"), plan, _fw(c, f)), c


def _words_of(v):
    if re.fullmatch(r"-?\d+", v.plain) and abs(int(v.plain)) < 100000:
        return words_int(int(v.plain))
    m = re.fullmatch(r"(\d)/(\d+)", v.plain)
    if m and int(m.group(2)) in _ORD and int(m.group(1)) < 10 and gcd(int(m.group(1)), int(m.group(2))) == 1:
        return words_frac(Fr(int(m.group(1)), int(m.group(2))))
    return None


def ph_words_symbols(it, plan, r):
    c = Ctx(it, "latex", r)
    st = inject_steps(c, plan)

    def f(v, role):
        w = _words_of(v)
        s = "The answer is " + c.a(v, role)
        if w and not v.textual:
            c.rec.append((role + "_words", v, w))
            return s + " — in words, " + w + "."
        c.rec.append((role + "_plain", v, v.plain))
        return s + " (written plainly: " + v.plain + ")."
    return _mk(c, None, render_steps(c, st, "paras"), plan, _fw(c, f)), c


def ph_ends_question(it, plan, r):
    c = Ctx(it, r.choice(["latex", "plain"]), r)
    st = inject_steps(c, plan)

    def f(v, role):
        return "The answer is " + c.a(v, role) + "."
    return _mk(c, None, render_steps(c, st, "lines"), plan, _fw(c, f), outro=r.choice(OUTRO_Q)), c


def ph_signoff(it, plan, r):
    c = Ctx(it, "plain", r)
    st = inject_steps(c, plan)

    def f(v, role):
        return "**Final answer:** " + c.a(v, role)
    return _mk(c, None, render_steps(c, st, "bullets"), plan, _fw(c, f), outro=r.choice(OUTRO_S)), c


def ph_display_brackets(it, plan, r):
    c = Ctx(it, "latex", r, box=True)
    st = inject_steps(c, plan)
    k = r.randrange(2)

    def f(v, role):
        if k == 0:
            c.rec.append((role, v, v.latex))
            return "Hence\n\\[\n" + v.latex + "\n\\]"
        return "\\[\n" + c.bx(v, role) + "\n\\]"
    return _mk(c, None, render_steps(c, st, "paras"), plan, _fw(c, f)), c


def ph_display_dollars(it, plan, r):
    c = Ctx(it, "latex", r, box=True)
    st = inject_steps(c, plan)
    k = r.randrange(2)

    def f(v, role):
        if k == 0:
            c.rec.append((role, v, v.latex))
            return "The result is\n$$" + v.latex + "$$"
        return "$$" + c.bx(v, role) + "$$"
    return _mk(c, None, render_steps(c, st, "paras"), plan, _fw(c, f)), c


def ph_plain_text(it, plan, r):
    c = Ctx(it, "plain", r)
    st = inject_steps(c, plan)

    def f(v, role):
        return "Answer: " + c.a(v, role)
    return _mk(c, None, render_steps(c, st, "lines"), plan, _fw(c, f)), c


def ph_unicode(it, plan, r):
    c = Ctx(it, "unicode", r)
    st = inject_steps(c, plan)
    k = r.randrange(2)

    def f(v, role):
        return ("Final answer: " if k == 0 else "⇒ Answer: ") + c.a(v, role)
    return _mk(c, None, render_steps(c, st, "lines"), plan, _fw(c, f)), c


def ph_just_value(it, plan, r):
    c = Ctx(it, r.choice(["plain", "latex"]), r)

    def f(v, role):
        return c.a(v, role)
    out = []
    for sg in plan["segs"]:
        if sg[0] == "final":
            out.append(f(sg[1], "final"))
        elif sg[0] == "say":
            out.append(c.a(sg[1], "superseded") + " — wait, no:")
        elif sg[0] == "hedge":
            if sg[3] == 2:
                out.append(f"Not sure — maybe {c.a(sg[1], 'hedge')}?")
            else:
                out.append(f"{c.a(sg[1], 'hedge')} or {c.a(sg[2], 'hedge')}")
    return " ".join(out), c


def ph_bold_last(it, plan, r):
    c = Ctx(it, r.choice(["plain", "latex"]), r)
    st = inject_steps(c, plan)

    def f(v, role):
        return "**" + c.a(v, role) + "**"
    return _mk(c, None, render_steps(c, st, "paras"), plan, _fw(c, f)), c


def ph_llama3(it, plan, r):
    c = Ctx(it, "latex", r, box=True)
    st = inject_steps(c, plan)

    def f(v, role):
        return "The final answer is: $" + c.bx(v, role) + "$"
    return _mk(c, None, render_steps(c, st, "bold_steps"), plan, _fw(c, f)), c


PHRASINGS = [("gpt4_markdown_headers", ph_gpt4_markdown), ("claude_prose", ph_claude_prose), ("r1_think", ph_r1_think),
             ("qwen_final_answer_boxed", ph_qwen_boxed), ("llama_terse", ph_llama_terse), ("gsm8k_hash", ph_gsm8k),
             ("minerva_final_answer", ph_minerva), ("markdown_table", ph_table), ("numbered_steps", ph_numbered),
             ("bullet_summary", ph_bullets), ("therefore_sentence", ph_therefore), ("bold_in_sentence", ph_bold_sentence),
             ("words_and_symbols", ph_words_symbols), ("ends_with_question", ph_ends_question), ("signoff", ph_signoff),
             ("display_math_brackets", ph_display_brackets), ("display_math_dollars", ph_display_dollars),
             ("plain_text_answer_colon", ph_plain_text), ("unicode_math", ph_unicode), ("just_value", ph_just_value),
             ("bold_last_line", ph_bold_last), ("llama3_final_answer_is", ph_llama3)]

JUST_VALUE_MAP = {"gold_in_working_wrong_final": "near_miss", "two_finals": "hedge", "hypothetical_after": "equivalent_form",
                  "restate_numbers_after": "equivalent_form", "check_after": "none"}


# ---------------------------------------------------------------------------
# realistic free-form replies
# ---------------------------------------------------------------------------
def ff_chatgpt(it, plan, r):
    c = Ctx(it, "latex", r, box=True)
    st = inject_steps(c, plan)
    k = r.randrange(2)

    def f(v, role):
        if k == 0:
            return "### ✅ Final Answer\n\n$$\n" + c.bx(v, role) + "\n$$"
        return "### ✅ Final Answer\n\n**" + cap(c.concl(v, role)) + ".**"
    head = ("Let's solve this step by step.\n\n---\n\n### 1. Understand the problem\n\n" + it["question"] +
            "\n\n### 2. Work it out\n\n" + render_steps(c, st, "bullets") + "\n\n---")
    outro = r.choice(["If you'd like, I can also show a quicker way to check this.", "Want me to turn this into a short practice set?", None])
    return _mk(c, head, None, plan, _fw(c, f), outro=outro), c


def ff_claude(it, plan, r):
    c = Ctx(it, r.choice(["unicode", "plain"]), r)
    st = inject_steps(c, plan)
    k = r.randrange(2)

    def f(v, role):
        return ("So the answer is **" + c.a(v, role) + "**.") if k == 0 else ("This means " + c.concl(v, role) + ".")
    head = ("I'll work through this carefully.\n\nThe question: " + it["question"] +
            "\n\n**Approach:** break the problem into small pieces and keep track of each quantity.\n\n" + render_steps(c, st, "prose"))
    outro = r.choice(["Let me know if you'd like me to explain any part of this differently.", "I hope that's clear — happy to go over any step again.", None])
    return _mk(c, head, None, plan, _fw(c, f), outro=outro), c


def ff_r1(it, plan, r):
    c = Ctx(it, "latex", r, box=True)
    st = inject_steps(c, plan)
    cp = Ctx(it, "plain", r)
    st_plain = render_steps(cp, st, "think")
    think = ("<think>\nAlright, let me read the problem again. " + it["question"] + "\n\nI think the cleanest way is to go step by step.\n\n" +
             st_plain + "\n\nHmm, let me re-read the question to make sure I'm answering what's asked. Okay, I think that's right.\n</think>")
    c.rec = cp.rec + c.rec

    def f(v, role):
        return "**Final Answer**\n\\[\n" + c.bx(v, role) + "\n\\]"
    body = "To solve this:\n\n" + "\n".join(f"{i + 1}. " + rfrag(s, "latex") for i, s in enumerate(plan["steps"]))
    return _mk(c, think, body, plan, _fw(c, f)), c


def ff_gemini(it, plan, r):
    c = Ctx(it, r.choice(["latex", "plain"]), r)
    st = inject_steps(c, plan)

    def f(v, role):
        return "**Answer:**\nThe answer is **" + c.a(v, role) + "**."
    head = ("Here's how to solve this problem:\n\n**1. Identify what we know**\n\n* " + it["question"] +
            "\n\n**2. Calculate**\n\n" + "\n".join("* " + rfrag(s, c.mode) for s in st))
    outro = r.choice(["**Key takeaway:** always re-read the question to confirm what is being asked.", "**Tip:** double-check units and signs at the end.", None])
    return _mk(c, head, None, plan, _fw(c, f), outro=outro), c


FREEFORM = [("freeform_chatgpt", ff_chatgpt), ("freeform_claude", ff_claude), ("freeform_r1", ff_r1), ("freeform_gemini", ff_gemini)]

# ---------------------------------------------------------------------------
# independent re-derivation: parse answer strings from scratch and compare
# (never looks at the Fractions / variants used during construction)
# ---------------------------------------------------------------------------
_T = standard_transformations + (implicit_multiplication_application, convert_xor)
_LOC = {"x": sp.Symbol("x"), "y": sp.Symbol("y"), "z": sp.Symbol("z"), "pi": sp.pi, "sqrt": sp.sqrt, "oo": sp.oo,
        "I": sp.I, "E": sp.Symbol("E_"), "e": sp.Symbol("e_"), "S": sp.Symbol("S_"), "N": sp.Symbol("N_"),
        "Q": sp.Symbol("Q_"), "Rational": sp.Rational}
_SUPMAP = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
_VMAP = {"½": " 1/2", "¼": " 1/4", "¾": " 3/4", "⅓": " 1/3", "⅔": " 2/3"}


class ParseError(Exception):
    pass


def _match_brace(s, i):
    """s[i] == '{' ; return index of matching '}' (ignores escaped braces)."""
    depth = 0
    j = i
    while j < len(s):
        ch = s[j]
        if ch == "\\" and j + 1 < len(s) and s[j + 1] in "{}":
            j += 2
            continue
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                return j
        j += 1
    raise ParseError("unbalanced")


def _unwrap_cmd(s, cmd, repl):
    """replace \\cmd{X} with repl(X) everywhere (brace matched)."""
    key = "\\" + cmd + "{"
    while True:
        i = s.find(key)
        if i < 0:
            return s
        j = _match_brace(s, i + len(key) - 1)
        s = s[:i] + repl(s[i + len(key):j]) + s[j + 1:]


def clean(s):
    s = s.strip()
    s = s.replace("\\$", "")
    s = s.replace("$", "")
    s = s.replace("\\[", "").replace("\\]", "")
    s = _unwrap_cmd(s, "boxed", lambda x: x)
    for cmd in ("text", "textbf", "mathrm", "mathbf", "textrm", "operatorname"):
        s = _unwrap_cmd(s, cmd, lambda x: " " + x + " ")
    s = s.replace("**", "")
    s = s.replace("\\left", "").replace("\\right", "").replace("\\displaystyle", "")
    s = s.replace("\\dfrac", "\\frac").replace("\\tfrac", "\\frac")
    s = s.replace("{,}", ",")
    s = re.sub(r"(\d)\\,(?=\d{3})", r"\1", s)
    for a, b in (("\\,", " "), ("\\!", ""), ("\\ ", " "), ("\\;", " "), ("\\quad", " "), ("~", " ")):
        s = s.replace(a, b)
    s = s.replace("\\%", "%")
    s = re.sub(r"\^\s*\{?\\circ\}?", " deg", s)
    s = s.replace("°", " deg")
    for a, b in (("−", "-"), ("×", "*"), ("·", "*"), ("÷", "/"), ("≤", "<="), ("≥", ">="), ("∞", "oo"), ("π", "pi"),
                 ("±", "+/-"), ("≈", " APPROX "), ("\\approx", " APPROX "), ("\\leq", "<="), ("\\geq", ">="),
                 ("\\le", "<="), ("\\ge", ">="), ("\\infty", "oo"), ("\\pm", "+/-"), ("\\cdot", "*"), ("\\times", "*"),
                 ("\\div", "/"), ("\\pi", "pi"), ("\\in", " in "), ("\\neq", "!="), ("\\ne", "!=")):
        s = s.replace(a, b)
    s = re.sub(r"[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+", lambda m: "^(" + m.group(0).translate(_SUPMAP) + ")", s)
    for a, b in _VMAP.items():
        s = s.replace(a, b)
    s = re.sub(r"(?<![A-Za-z])inf(?![A-Za-z])", "oo", s)
    s = re.sub(r"√\s*(\d+)", r"sqrt(\1)", s)
    s = s.replace("√", "sqrt")
    return re.sub(r"\s+", " ", s).strip()


def tex2py(s):
    """LaTeX-ish math (already cleaned) -> sympy-parsable text."""
    def frac(s):
        while True:
            i = s.find("\\frac")
            if i < 0:
                return s
            j = i + 5
            args = []
            for _ in range(2):
                while j < len(s) and s[j] == " ":
                    j += 1
                if j < len(s) and s[j] == "{":
                    k = _match_brace(s, j)
                    args.append(s[j + 1:k])
                    j = k + 1
                elif j < len(s):
                    args.append(s[j])
                    j += 1
                else:
                    raise ParseError("frac")
            s = s[:i] + "((" + frac(args[0]) + ")/(" + frac(args[1]) + "))" + s[j:]
    s = frac(s)
    s = _unwrap_cmd(s, "sqrt", lambda x: "sqrt(" + x + ")")
    s = re.sub(r"\\sqrt\s*(\d|[a-z])", r"sqrt(\1)", s)
    s = re.sub(r"\bsqrt\s+(\d+)", r"sqrt(\1)", s)
    s = s.replace("{", "(").replace("}", ")")
    s = s.replace("\\", "")
    return s


def _lit(s):
    """wrap decimal literals as exact Rationals"""
    s = re.sub(r"(?<![\w.])(\d+\.\d*|\.\d+)(?![\w.])", lambda m: "Rational('" + m.group(1) + "')", s)
    return s


def sym(s):
    s = tex2py(s)
    s = s.replace("+/-", "PM")
    if "PM" in s:
        raise ParseError("pm in scalar")
    s = re.sub(r"(\d)\s*[eE]\s*([+-]?\d+)\b", r"\1*10^(\2)", s)
    s = _lit(s)
    try:
        return parse_expr(s, local_dict=dict(_LOC), transformations=_T)
    except Exception as ex:
        raise ParseError("sympy: %r (%s)" % (s, ex))


_WN = {w: i for i, w in enumerate(_ONES)}
_WN.update({w: 10 * i for i, w in enumerate(_TENS) if w})
_WF = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4, "fourths": 4,
       "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8, "tenth": 10, "tenths": 10}


def words_to_num(s):
    toks = [t for t in re.split(r"[\s\-]+", s.lower().strip(" .")) if t and t != "and"]
    if not toks or not all(t in _WN or t in _WF or t in ("hundred", "thousand", "a") for t in toks):
        return None
    if toks[-1] in _WF:
        num = toks[:-1]
        n = 1 if (not num or num == ["a"]) else words_to_num(" ".join(num))
        return None if n is None else sp.Rational(n, _WF[toks[-1]])
    total, cur = 0, 0
    for t in toks:
        if t == "a":
            return None
        if t == "hundred":
            cur *= 100
        elif t == "thousand":
            total += cur * 1000
            cur = 0
        else:
            cur += _WN[t]
    return sp.Integer(total + cur)


NUMERIC = {"integer", "decimal", "fraction", "mixed_number", "percent", "currency", "units", "scientific",
           "million_billion", "number_words", "radical_pi", "complex"}


def num_value(s, kind):
    s = clean(s)
    if "APPROX" in s:
        s = s.split("APPROX")[0]
    w = words_to_num(s)
    if w is not None:
        return w
    s = re.sub(r"(\d[\d.,]*)\s*(million|billion|thousand)\b",
               lambda m: "(" + m.group(1) + ")*10^" + {"million": "6", "billion": "9", "thousand": "3"}[m.group(2)], s)
    s = s.replace("%", " ").replace("percent", " ")
    s = re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "", s)
    if kind == "complex":
        s = re.sub(r"(?<![A-Za-z])i(?![A-Za-z])", "I", s)
    else:
        s = re.sub(r"(\d)\s*[eE]\s*([+-]?\d+)\b", r"\1*10^(\2)", s)
        s = re.sub(r"\b(?!sqrt(?![a-z])|pi(?![a-z])|frac(?![a-z]))[A-Za-z]+(?:/[A-Za-z]+)*", " ", s)
        s = s.replace("\\", " \\").replace("\\ ", " ")
        s = re.sub(r"\\(?!frac|sqrt)[A-Za-z]+", " ", s)
    s = s.strip()
    if kind in ("integer", "decimal", "fraction", "mixed_number", "currency", "units", "number_words"):
        s = re.sub(r"(?<![\d.])(-?)(\d+)\s+(\d+)/(\d+)", lambda m: f"{m.group(1)}({m.group(2)}+{m.group(3)}/{m.group(4)})", s)
        s = re.sub(r"(?<![\d.])(-?)(\d+)\s*\\frac", lambda m: f"{m.group(1)}{m.group(2)} MIXED\\frac", s)
        t = tex2py(s)
        t = re.sub(r"(-?)(\d+) MIXED\(\((\d+)\)/\((\d+)\)\)", lambda m: f"{m.group(1)}({m.group(2)}+{m.group(3)}/{m.group(4)})", t)
        s = t
    if not s:
        raise ParseError("empty")
    v = sym(s)
    if v.free_symbols:
        raise ParseError("symbols in number")
    return v


def clock_value(s):
    s = clean(s).lower()
    m = re.search(r"(\d{1,2}):(\d{2})\s*(a\.?\s*m\.?|p\.?\s*m\.?)?", s)
    if not m:
        return ("not a time", s)
    h, mi = int(m.group(1)), int(m.group(2))
    mer = m.group(3)
    if mer:
        if h < 1 or h > 12:
            raise ParseError("bad 12h")
        h = h % 12 + (12 if mer.startswith("p") else 0)
    return h * 60 + mi


def _split_top(s, seps=(",", ";")):
    out, depth, cur = [], 0, ""
    for ch in s:
        if ch in "([{⦃":
            depth += 1
        elif ch in ")]}⦄":
            depth -= 1
        if ch in seps and depth == 0:
            out.append(cur)
            cur = ""
        else:
            cur += ch
    out.append(cur)
    return [x.strip() for x in out if x.strip()]


def _matrix_rows(s):
    m = re.search(r"\\begin\{([pb]?matrix)\}(.*?)\\end\{\1\}", s, re.S)
    if not m:
        return None
    body = m.group(2)
    rows = [r_ for r_ in re.split(r"\\\\", body) if r_.strip()]
    return [[x.strip() for x in row.split("&")] for row in rows]


def seq_value(s, kind):
    """-> ('tuple', [..]) | ('set', [..]) | ('list', [..]) | ('matrix', rows)"""
    raw = s
    rows = _matrix_rows(raw.replace("\\dfrac", "\\frac"))
    if rows is not None:
        vals = [[sym(tex2py(clean(x))) for x in row] for row in rows]
        if all(len(row) == 1 for row in vals):
            return ("tuple", [row[0] for row in vals])
        return ("matrix", vals)
    s = raw.replace("\\{", "⦃").replace("\\}", "⦄")
    s = clean(s)
    s = re.sub(r"^\(\s*[a-z](\s*,\s*[a-z])+\s*\)\s*=\s*", "", s)
    s = re.sub(r"^[a-z]\s+in\s+", "", s)
    if s.startswith("[["):
        inner = s[1:-1]
        rws = _split_top(inner)
        vals = [[sym(tex2py(x)) for x in _split_top(rw.strip()[1:-1])] for rw in rws]
        return ("matrix", vals)
    if (s.startswith("{") and s.endswith("}")) or (s.startswith("⦃") and s.endswith("⦄")):
        return ("set", [sym(tex2py(x)) for x in _split_top(s[1:-1])])
    if s.startswith("(") and s.endswith(")") and len(_split_top(s[1:-1])) > 1 and _match_paren(s):
        return ("tuple", [sym(tex2py(x)) for x in _split_top(s[1:-1])])
    parts = _split_top(re.sub(r"\s+and\s+", ",", s))
    if "+/-" in s:
        vals = []
        for p in parts:
            p = re.sub(r"^[a-z]\s*=\s*", "", p)
            if p.startswith("+/-"):
                v = sym(tex2py(p[3:]))
                vals += [v, -v]
            else:
                vals.append(sym(tex2py(p)))
        return ("set", vals)
    if any("=" in p for p in parts):
        names, vals = [], []
        for p in parts:
            m = re.fullmatch(r"([a-z])\s*=\s*(.+)", p)
            if m:
                names.append(m.group(1))
                vals.append(sym(tex2py(m.group(2))))
            elif names:
                names.append(names[-1])
                vals.append(sym(tex2py(p)))
            else:
                raise ParseError("assign")
        if len(set(names)) == 1:
            return ("set", vals)
        if len(set(names)) != len(names):
            raise ParseError("dup names")
        order = sorted(range(len(names)), key=lambda i: names[i])
        return ("tuple", [vals[i] for i in order])
    return ("list", [sym(tex2py(p)) for p in parts])


def _match_paren(s):
    depth = 0
    for i, ch in enumerate(s):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0 and i != len(s) - 1:
                return False
    return True


def _eqv(a, b):
    try:
        return sp.simplify(a - b) == 0
    except Exception:
        return False


def _multiset_eq(A, B):
    if len(A) != len(B):
        return False
    used = [False] * len(B)
    for a in A:
        for j, b in enumerate(B):
            if not used[j] and _eqv(a, b):
                used[j] = True
                break
        else:
            return False
    return True


def interval_value(s):
    s = clean(s)
    s = re.sub(r"^[a-z]\s+in\s+", "", s)
    m = re.fullmatch(r"([\[(])\s*([^,]+?)\s*,\s*([^,]+?)\s*([\])])", s)
    if m:
        lo, hi = sym(tex2py(m.group(2))), sym(tex2py(m.group(3)))
        return (lo, m.group(1) == "[", hi, m.group(4) == "]")
    lo, lc, hi, hc = -sp.oo, False, sp.oo, False
    for part in re.split(r"\s+and\s+", s):
        toks = re.split(r"\s*(<=|>=|<|>)\s*", part.strip())
        if len(toks) not in (3, 5):
            return ("not an interval", s)
        for i in range(1, len(toks), 2):
            L, op, R = toks[i - 1], toks[i], toks[i + 1]
            if R == "x":
                L, R = R, L
                op = {"<": ">", ">": "<", "<=": ">=", ">=": "<="}[op]
            if L != "x":
                raise ParseError("ineq var")
            v = sym(tex2py(R))
            if op in (">", ">="):
                if v > lo or (v == lo and op == ">"):
                    lo, lc = v, op == ">="
            else:
                if v < hi or (v == hi and op == "<"):
                    hi, hc = v, op == "<="
    return (lo, lc, hi, hc)


def _eq_expr(s):
    s = clean(s)
    if s.count("=") != 1:
        raise ParseError("equation")
    l, r_ = s.split("=")
    return sym(tex2py(l)) - sym(tex2py(r_))


def canon_equal(ans, gold, kind):
    """True/False: does answer string equal gold string under the spec?"""
    if kind in NUMERIC and kind != "complex":
        return _eqv(num_value(ans, kind), num_value(gold, kind))
    if kind == "complex":
        return _eqv(sp.expand(num_value(ans, kind)), sp.expand(num_value(gold, kind)))
    if kind == "clock_time":
        return clock_value(ans) == clock_value(gold)
    if kind == "expression":
        return _eqv(sym(tex2py(clean(ans))), sym(tex2py(clean(gold))))
    if kind == "equation":
        a, g = _eq_expr(ans), _eq_expr(gold)
        q = sp.simplify(a / g)
        return q.is_number and q != 0
    if kind in ("interval", "inequality"):
        A, G = interval_value(ans), interval_value(gold)

        def same(a, b):
            if a in (sp.oo, -sp.oo) or b in (sp.oo, -sp.oo):
                return a == b
            return _eqv(a, b)
        return same(A[0], G[0]) and A[1] == G[1] and same(A[2], G[2]) and A[3] == G[3]
    if kind == "multiple_choice":
        def letter(x):
            x = clean(x)
            x = re.sub(r"(?i)\b(option|choice|answer)\b", " ", x).strip()
            m = re.search(r"\(([A-E])\)", x) or re.match(r"^([A-E])(?:\)|\.|:|\s|$)", x)
            return m.group(1) if m else None
        la = letter(ans)
        return la is not None and la == letter(gold)
    if kind == "text":
        def norm(x):
            x = clean(x).lower()
            x = re.sub(r"[^a-z ]", " ", x)
            x = re.sub(r"\b(the|a|an)\b", " ", x)
            return " ".join(x.split())
        return norm(ans) == norm(gold)
    if kind in ("system", "tuple", "ordered_pair", "vector", "set", "plus_minus", "matrix"):
        A, G = seq_value(ans, kind), seq_value(gold, kind)
        if kind in ("set", "plus_minus"):
            A = ("set", A[1]) if A[0] == "list" else A
            G = ("set", G[1]) if G[0] == "list" else G
            if A[0] != "set" or G[0] != "set":
                return False
            return _multiset_eq(A[1], G[1])
        if kind == "matrix":
            if A[0] != "matrix" or G[0] != "matrix" or len(A[1]) != len(G[1]):
                return False
            return all(len(ra_) == len(rg) and all(_eqv(x, y) for x, y in zip(ra_, rg)) for ra_, rg in zip(A[1], G[1]))
        if A[0] != "tuple" or G[0] != "tuple" or len(A[1]) != len(G[1]):
            return False
        return all(_eqv(x, y) for x, y in zip(A[1], G[1]))
    raise ParseError("kind " + kind)


def safe_equal(ans, gold, kind):
    try:
        return canon_equal(ans, gold, kind)
    except ParseError:
        return None
    except Exception:
        return None

# ---------------------------------------------------------------------------
# assembly + re-derivation
# ---------------------------------------------------------------------------
WHY = {
    "none": "final answer {f} matches the gold",
    "equivalent_form": "final answer {f} is an equivalent form of the gold",
    "intermediate_final": "reply ends on the intermediate value {f}, not the gold",
    "gold_in_working_wrong_final": "gold appears in the working but the final answer is {f}",
    "hedge": "hedges between {h}; no single committed answer",
    "hedge_unsure": "answer given only tentatively ('not sure, maybe'), counts as a hedge",
    "two_finals": "two different final answers ({a}) with no correction",
    "two_finals_gold_last": "two different final answers ({a}) with no correction, gold stated last",
    "correction_to_right": "self-corrects from {s} to {f}; the corrected value matches the gold",
    "correction_to_wrong": "self-corrects from the gold {s} to {f}, which is wrong",
    "hypothetical_after": "final answer {f} is correct; the later hypothetical mentions other values",
    "restate_numbers_after": "final answer {f} is correct; the question's numbers are restated afterwards",
    "check_after": "final answer {f} is correct; a verification with other numbers follows",
    "gold_verbatim": "the reply is the gold string itself",
    "gold_boxed": "the reply is the gold string in a box",
}


def shortp(v):
    return v.plain if len(v.plain) <= 60 else v.plain[:57] + "..."


def make_why(plan, rec):
    d = plan["dist"]
    fin = [x for x in rec if x[0] == "final"]
    f = shortp(fin[-1][1]) if fin else ""
    sup = [x for x in rec if x[0] == "superseded"]
    s = shortp(sup[0][1]) if sup else ""
    hd = " and ".join(dict.fromkeys(shortp(x[1]) for x in rec if x[0] == "hedge"))
    alt = [x for x in rec if x[0] == "final_alt"]
    a = (f + " vs " + shortp(alt[0][1])) if alt else ""
    if d.startswith("near_miss_"):
        return f"final answer {f} is a near miss ({d[len('near_miss_'):].replace('_', ' ')}) of the gold"
    return WHY[d].format(f=f, s=s, h=hd, a=a)


def rederive(it, plan, rec, gold):
    """Independent label: parse each inserted answer string and compare with the gold string."""
    kind = it["kind"]
    eqset = it["eq"]
    for role, v, s in rec:
        exp = any(v is e for e in eqset)
        got = safe_equal(s, gold, kind)
        if got is None or got != exp:
            return None, f"{role}: {s!r} expected {exp} got {got}"
    roles = [x[0] for x in rec]
    fin = [x for x in rec if x[0] == "final"]
    if "hedge" in roles:
        hv = [safe_equal(x[2], gold, kind) for x in rec if x[0] == "hedge"]
        if plan["dist"] == "hedge" and all(hv):
            return None, "hedge without a real alternative"
        return False, ""
    if "final_alt" in roles:
        alt = [x for x in rec if x[0] == "final_alt"][0]
        if safe_equal(alt[2], gold, kind) == safe_equal(fin[-1][2], gold, kind):
            return None, "two finals do not conflict"
        return False, ""
    if not fin:
        return None, "no final"
    sup = [x for x in rec if x[0] == "superseded"]
    if sup and safe_equal(sup[0][2], gold, kind) == safe_equal(fin[-1][2], gold, kind):
        return None, "correction does not change the value"
    return bool(safe_equal(fin[-1][2], gold, kind)), ""


def make_row(kind, gen, pname, pfun, dist, r):
    it = gen(r)
    gold = r.choice(it["gold_forms"])
    plan = build_plan(it, dist, r)
    reply, c = pfun(it, plan, r)
    lab, err = rederive(it, plan, c.rec, gold)
    return dict(kind=kind, phrasing=pname, distractor=plan["dist"], gold=gold, reply=reply,
                correct=plan["label"], why=make_why(plan, c.rec)), lab, err


def make_self_row(kind, gen, rep, r):
    it = gen(r)
    gold = it["gold_forms"][rep % len(it["gold_forms"])]
    if rep < 3:
        reply, pname = gold, "gold_verbatim"
    else:
        reply = ["\\boxed{%s}" % gold, "$\\boxed{%s}$" % gold, "\\[\\boxed{%s}\\]" % gold][rep % 3]
        pname = "gold_boxed"
    got = safe_equal(reply, gold, kind)
    return dict(kind=kind, phrasing=pname, distractor="none", gold=gold, reply=reply, correct=True,
                why=WHY[pname]), (True if got else None), ("" if got else "self-compare failed")


def build(verbose=False):
    r = random.Random(SEED)
    cands = []
    for ki, (kind, gen) in enumerate(KINDS):
        for pj, (pname, pf) in enumerate(PHRASINGS):
            for rep in range(4):
                dist = D[(pj * 4 + rep + ki * 3) % len(D)]
                if pname == "just_value":
                    dist = JUST_VALUE_MAP.get(dist, dist)
                cands.append(make_row(kind, gen, pname, pf, dist, r))
        for fj, (fname, ff) in enumerate(FREEFORM):
            for rep in range(4):
                dist = D[(fj * 4 + rep + ki * 5) % len(D)]
                cands.append(make_row(kind, gen, fname, ff, dist, r))
        for rep in range(6):
            cands.append(make_self_row(kind, gen, rep, r))
    rows, seen, dropped = [], set(), []
    for row, lab, err in cands:
        if lab is None or lab != row["correct"]:
            dropped.append((row, err or f"label mismatch {lab} vs {row['correct']}"))
            continue
        if row["reply"] in seen:
            dropped.append((row, "duplicate reply"))
            continue
        seen.add(row["reply"])
        rows.append(row)
    r.shuffle(rows)
    out = []
    for i, row in enumerate(rows):
        out.append({"id": "math-h3-%04d" % (i + 1), "split": SPLIT, "kind": row["kind"], "phrasing": row["phrasing"],
                    "distractor": row["distractor"], "gold": row["gold"], "reply": row["reply"],
                    "correct": row["correct"], "why": row["why"]})
    return out, dropped


def main():
    if len(sys.argv) != 2:
        print("usage: %s OUT.jsonl" % sys.argv[0], file=sys.stderr)
        sys.exit(2)
    rows, dropped = build()
    with open(sys.argv[1], "w", encoding="utf-8", newline="\n") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} rows; dropped {len(dropped)}", file=sys.stderr)


if __name__ == "__main__":
    main()
