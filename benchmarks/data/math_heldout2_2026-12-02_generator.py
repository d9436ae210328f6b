#!/usr/bin/env python3
"""Generator for math_heldout2_2026-12-02.jsonl (deterministic, seeded).

Crosses answer kinds x reply phrasings x distractors.  Every row's label is
set by construction and then re-derived by an independent parser
(`canon`/`equiv`, sympy + Fraction) applied to the final answer string(s)
that were inserted into the reply; rows where the two disagree are dropped.

Usage: python3 math_heldout2_2026-12-02_generator.py [out.jsonl]
"""
import json
import random
import re
import sys
from fractions import Fraction

import sympy as sp
from sympy.parsing.sympy_parser import (
    convert_xor, implicit_multiplication_application, parse_expr,
    rationalize, standard_transformations)

SEED = 20261202
SPLIT = "heldout2-2026-12-02"
R = random.Random(SEED)
X, Y = sp.symbols("x y")

# ---------------------------------------------------------------- helpers
ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
        "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
        "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
        "eighty", "ninety"]


def words(n, hyphen=True, use_and=False):
    if n < 0:
        return "negative " + words(-n, hyphen, use_and)
    if n < 20:
        return ONES[n]
    if n < 100:
        t, o = divmod(n, 10)
        return TENS[t] + (("-" if hyphen else " ") + ONES[o] if o else "")
    if n < 1000:
        h, r = divmod(n, 100)
        s = ONES[h] + " hundred"
        if r:
            s += (" and " if use_and else " ") + words(r, hyphen)
        return s
    th, r = divmod(n, 1000)
    s = words(th, hyphen) + " thousand"
    if r:
        s += (" and " if (use_and and r < 100) else " ") + words(r, hyphen, use_and)
    return s


WORD_VAL = {w: i for i, w in enumerate(ONES)}
WORD_VAL.update({w: 10 * i for i, w in enumerate(TENS) if w})
FRAC_DEN = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4,
            "quarters": 4, "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5,
            "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8}


def parse_words(s):
    s = s.lower().replace("-", " ").replace(",", " ").strip()
    toks = [t for t in s.split() if t != "and"]
    neg = False
    if toks and toks[0] in ("negative", "minus"):
        neg, toks = True, toks[1:]
    if toks and toks[-1] in FRAC_DEN:
        num = parse_words(" ".join(toks[:-1])) if toks[:-1] else 1
        if toks[:-1] == ["a"] or toks[:-1] == ["one"]:
            num = 1
        v = Fraction(num) / FRAC_DEN[toks[-1]]
        return -v if neg else v
    total, cur = 0, 0
    if not toks:
        raise ValueError("empty")
    for t in toks:
        if t in WORD_VAL:
            cur += WORD_VAL[t]
        elif t == "hundred":
            cur *= 100
        elif t == "thousand":
            total += cur * 1000
            cur = 0
        else:
            raise ValueError(t)
    v = Fraction(total + cur)
    return -v if neg else v


def tex_frac(fr, d="frac"):
    fr = Fraction(fr)
    if fr.denominator == 1:
        return str(fr.numerator)
    sign = "-" if fr < 0 else ""
    return "%s\\%s{%d}{%d}" % (sign, d, abs(fr.numerator), fr.denominator)


def plain_frac(fr):
    fr = Fraction(fr)
    return str(fr.numerator) if fr.denominator == 1 else "%d/%d" % (fr.numerator, fr.denominator)


def dec(fr):
    """terminating decimal string of a Fraction (assumes it terminates)"""
    fr = Fraction(fr)
    s = "-" if fr < 0 else ""
    fr = abs(fr)
    ip = fr.numerator // fr.denominator
    rem = fr - ip
    ds = ""
    for _ in range(12):
        if rem == 0:
            break
        rem *= 10
        d = rem.numerator // rem.denominator
        ds += str(d)
        rem -= d
    return s + str(ip) + ("." + ds if ds else "")


def terminates(fr):
    d = Fraction(fr).denominator
    for p in (2, 5):
        while d % p == 0:
            d //= p
    return d == 1


def sgn_term(c, var="", first=False):
    """signed term for polynomial printing"""
    if c == 0:
        return ""
    coef = "" if (abs(c) == 1 and var) else str(abs(c))
    if first:
        return ("-" if c < 0 else "") + coef + var
    return (" - " if c < 0 else " + ") + coef + var


def poly1(a, b, var="x"):
    s = sgn_term(a, var, True)
    s += sgn_term(b, "", not s)
    return s or "0"


def poly2(a, b, c, var="x"):
    s = sgn_term(a, var + "^2", True)
    s += sgn_term(b, var, not s)
    s += sgn_term(c, "", not s)
    return s or "0"


def cplx(a, b):
    if b == 0:
        return str(a)
    bs = "i" if abs(b) == 1 else "%di" % abs(b)
    if a == 0:
        return ("-" if b < 0 else "") + bs
    return "%d %s %s" % (a, "-" if b < 0 else "+", bs)


def pm(rows):
    return "\\begin{pmatrix} " + " \\\\ ".join(" & ".join(str(v) for v in r) for r in rows) + " \\end{pmatrix}"


def bm(rows):
    return "\\begin{bmatrix}" + "\\\\".join("&".join(str(v) for v in r) for r in rows) + "\\end{bmatrix}"


def T(s):
    return (s, True)


def P(s):
    return (s, False)


def prob(kind, q, gold, forms, wrongs, steps, concl, hypo, noun, restate,
         calc=None):
    return dict(kind=kind, q=q, gold=gold, forms=forms, wrongs=wrongs,
                steps=steps, concl=concl, hypo=hypo, noun=noun,
                restate=restate, calc=calc or [])


# ---------------------------------------------------------------- factories
CDOT = " \\cdot "
MIDDOT = " \u00b7 "
NAMES = ["Maria", "Jamal", "Priya", "Tom", "Aiko", "Lucas", "Fatima", "Noah",
         "Elena", "Sam", "Wei", "Olga"]


def f_integer():
    t = R.randrange(4)
    n = R.choice(NAMES)
    if t == 0:
        a, b, c = R.randint(5, 30), R.randint(2, 6), R.randint(3, 12)
        d = R.randint(2, a)
        g = a + b * c - d
        wr = {"near_miss": [P(str(g + R.choice([-1, 1, 2])))],
              "sign_error": [P(str(a + b * c + d))],
              "unit_conversion": [P(str(b * c - d))]}
        del wr["unit_conversion"]
        return prob("integer", f"{n} has {a} apples, buys {b} bags with {c} apples each, and then gives away {d}. How many apples does {n} have now?",
                    str(g), [P(str(g)), T(str(g)), P(f"{g} apples")], wr,
                    [f"{n} starts with {a} apples.",
                     f"The bags hold {b} \u00d7 {c} = {b*c} apples, bringing the total to {a} + {b*c} = {a+b*c}.",
                     f"Giving away {d} leaves {a+b*c} - {d} = {g}."],
                    f"Therefore, {n} has {{A}} apples now.",
                    f"if {n} had not given any away, the count would be {{H}}",
                    f"the number of apples {n} has", f"how many apples {n} ends up with",
                    [(f"{b}*{c}", b * c), (f"{a}+{b*c}", a + b * c), (f"{a+b*c}-{d}", g)])
    if t == 1:
        a, x0, b = R.randint(2, 9), R.randint(-9, 15), R.randint(1, 20)
        c = a * x0 + b
        return prob("integer", f"Solve for $x$: ${a}x + {b} = {c}$.", str(x0),
                    [P(str(x0)), T(f"x = {x0}"), T(f"x={x0}")],
                    {"near_miss": [T(f"x = {x0+1}"), P(str(x0 - 1))],
                     "sign_error": [T(f"x = {-x0 - 2*b//a if x0 == 0 else -x0}")]},
                    [f"Subtract {b} from both sides: ${a}x = {c} - {b} = {c-b}$.",
                     f"Divide by {a}: $x = {c-b}/{a} = {x0}$."],
                    "So the solution is {A}.",
                    f"if the constant had been {b+a} instead of {b}, we would get {{H}}",
                    "the value of $x$", f"the value of $x$ satisfying ${a}x + {b} = {c}$",
                    [(f"{c}-{b}", c - b), (f"{c-b}/{a}", x0)])
    if t == 2:
        m = R.randint(8, 40)
        g = m * (m + 1) // 2
        return prob("integer", f"What is the sum of the first {m} positive integers?", str(g),
                    [P(str(g)), T(str(g)), P(f"{g:,}" if g >= 1000 else str(g))],
                    {"near_miss": [P(str(g - m)), P(str(g + m + 1))], "sign_error": [P(str(-g))]},
                    [f"Use $\\frac{{n(n+1)}}{{2}}$ with $n = {m}$.",
                     f"That is ${m} \\cdot {m+1} = {m*(m+1)}$, halved: ${g}$."],
                    f"Hence the sum of the first {m} positive integers is {{A}}.",
                    f"if we had stopped at {m-1}, the sum would be {{H}}",
                    "the sum", f"the sum $1 + 2 + \\cdots + {m}$",
                    [(f"{m}*{m+1}", m * (m + 1)), (f"{m*(m+1)}/2", g)])
    a, b = R.randint(3, 12), R.randint(3, 12)
    k = R.randint(2, 9)
    A, B = a * k * R.choice([1, 2]), b * k
    g = sp.gcd(A, B)
    return prob("integer", f"Find $\\gcd({A}, {B})$.", str(g),
                [P(str(g)), T(str(g)), T(f"\\gcd({A},{B}) = {g}")],
                {"near_miss": [P(str(g * 2)), P(str(max(1, g // 2)))],
                 "sign_error": [P(str(-g))]},
                [f"Factor: ${A} = {CDOT.join(map(str, sp.factorint(A, multiple=True)))}$ and ${B} = {CDOT.join(map(str, sp.factorint(B, multiple=True)))}$.",
                 f"The common part multiplies to ${g}$."],
                f"Thus the greatest common divisor of {A} and {B} is {{A}}.",
                f"the least common multiple, by contrast, would be {{H}}",
                "the gcd", f"the greatest common divisor of {A} and {B}")


def f_decimal():
    t = R.randrange(3)
    if t == 0:
        vals = [Fraction(R.randint(10, 99), 10) for _ in range(4)]
        s = sum(vals)
        g = s / 4
        while not terminates(g):
            vals[0] += Fraction(1, 10)
            s = sum(vals)
            g = s / 4
        gs = dec(g)
        fr = [P(gs), T(gs), T(tex_frac(g))]
        if "." in gs and len(gs.split(".")[1]) < 3:
            fr.append(P(gs + "0"))
        if gs.startswith("0."):
            fr.append(P(gs[1:]))
        return prob("decimal", "Find the mean of " + ", ".join(dec(v) for v in vals) + ".", gs, fr,
                    {"near_miss": [P(dec(g + Fraction(1, 10))), P(dec(s / 3) if terminates(s / 3) else dec(g - Fraction(1, 10)))],
                     "sign_error": [P("-" + gs)]},
                    [f"The sum is {' + '.join(dec(v) for v in vals)} = {dec(s)}.",
                     f"Dividing by 4 gives {dec(s)} / 4 = {gs}."],
                    "So the mean is {A}.", "if we had divided by 3 instead, we'd get {H}",
                    "the mean", "the mean of the four numbers",
                    [("+".join(dec(v) for v in vals), dec(s)), (f"{dec(s)}/4", gs)])
    a = Fraction(R.randint(11, 99), 10)
    b = Fraction(R.choice([25, 5, 75, 4, 2, 125]), 100 if R.random() < .7 else 10)
    g = a * b
    gs = dec(g)
    bd = 10 ** (len(dec(b).split(".")[1]) if "." in dec(b) else 0)
    fr = [P(gs), T(gs), T(tex_frac(g))]
    if gs.startswith("0."):
        fr.append(P(gs[1:]))
    return prob("decimal", f"Compute ${dec(a)} \\times {dec(b)}$.", gs, fr,
                {"near_miss": [P(dec(g * 10)), P(dec(g / 10))], "sign_error": [P("-" + gs)]},
                [f"Ignore the decimal points: {int(a*10)} \u00d7 {int(b*bd)} = {int(a*10)*int(b*bd)}.",
                 f"Shifting the decimal point {1 + len(str(bd)) - 1} places gives ${gs}$."],
                "So the product is {A}.", f"if the second factor were {dec(b*10)}, the product would be {{H}}",
                "the product", f"the product of {dec(a)} and {dec(b)}")


def f_fraction():
    while True:
        a, b = R.randint(1, 7), R.randint(2, 9)
        c, d = R.randint(1, 7), R.randint(2, 9)
        if a < b and c < d and b != d:
            break
    op = R.choice(["+", "-", "\\times"])
    f1, f2 = Fraction(a, b), Fraction(c, d)
    g = f1 + f2 if op == "+" else (f1 - f2 if op == "-" else f1 * f2)
    if g.denominator == 1 or g == 0:
        return f_fraction()
    fr = [T(tex_frac(g)), T(tex_frac(g, "dfrac")), P(plain_frac(g)),
          T("\\frac{%d}{%d}" % (g.numerator * 2, g.denominator * 2))]
    if terminates(g):
        fr.append(P(dec(g)))
    naive = Fraction(a + c, b + d) if op != "\\times" else Fraction(a * d, b * c)
    wr = {"near_miss": [T(tex_frac(Fraction(g.numerator + 1, g.denominator))), T(tex_frac(naive if naive != g else g + 1))],
          "sign_error": [T(tex_frac(-g))]}
    if not terminates(g):
        wr["rounded_decimal"] = [P("%.2f" % float(g)), P("%.3f" % float(g))]
    common = b * d
    steps = ([f"Use the common denominator {common}: $\\frac{{{a}}}{{{b}}} = \\frac{{{a*d}}}{{{common}}}$ and $\\frac{{{c}}}{{{d}}} = \\frac{{{c*b}}}{{{common}}}$.",
              f"Combine: $\\frac{{{a*d} {op} {c*b}}}{{{common}}} = \\frac{{{a*d+c*b if op=='+' else a*d-c*b}}}{{{common}}}$, which reduces to ${tex_frac(g)}$."]
             if op != "\\times" else
             [f"Multiply numerators: ${a} \\cdot {c} = {a*c}$; denominators: ${b} \\cdot {d} = {b*d}$.",
              f"So the product is $\\frac{{{a*c}}}{{{b*d}}} = {tex_frac(g)}$."])
    return prob("fraction", f"Compute $\\frac{{{a}}}{{{b}}} {op} \\frac{{{c}}}{{{d}}}$ and simplify.",
                tex_frac(g), fr, wr, steps, "The simplified result is {A}.",
                "if the operation had been reversed, we'd have {H}", "the result",
                f"the value of $\\frac{{{a}}}{{{b}}} {op} \\frac{{{c}}}{{{d}}}$ in lowest terms")


def mixed_tex(fr):
    w, r = divmod(fr.numerator, fr.denominator)
    return "%d\\frac{%d}{%d}" % (w, r, fr.denominator) if r else str(w)


def mixed_plain(fr):
    w, r = divmod(fr.numerator, fr.denominator)
    return "%d %d/%d" % (w, r, fr.denominator) if r else str(w)


def f_mixed():
    while True:
        w1, w2 = R.randint(1, 6), R.randint(1, 6)
        d1, d2 = R.choice([2, 3, 4, 5, 6, 8]), R.choice([2, 3, 4, 6, 8])
        n1, n2 = R.randint(1, d1 - 1), R.randint(1, d2 - 1)
        f1, f2 = w1 + Fraction(n1, d1), w2 + Fraction(n2, d2)
        g = f1 + f2
        if g.denominator > 1:
            break
    gold = R.choice([mixed_tex(g), mixed_plain(g)])
    fr = [T(mixed_tex(g)), P(mixed_plain(g)), T(tex_frac(g)), P(plain_frac(g)),
          T("%d \\tfrac{%d}{%d}" % (g.numerator // g.denominator, g.numerator % g.denominator, g.denominator))]
    if terminates(g):
        fr.append(P(dec(g)))
    w, r = divmod(g.numerator, g.denominator)
    wr = {"near_miss": [P(mixed_plain(g + 1)), T(mixed_tex(g - Fraction(1, g.denominator)) if g - Fraction(1, g.denominator) > 1 else mixed_tex(g + 2))],
          "sign_error": [T("-" + mixed_tex(g))],
          "format_trap": [P("%d%d/%d" % (w, r, g.denominator))]}
    return prob("mixed number", f"A recipe uses ${mixed_tex(f1)}$ cups of flour for the dough and ${mixed_tex(f2)}$ cups for the topping. How many cups of flour in total? Give a mixed number.",
                gold, fr, wr,
                [f"Whole parts: {w1} + {w2} = {w1+w2}.",
                 f"Fraction parts: $\\frac{{{n1}}}{{{d1}}} + \\frac{{{n2}}}{{{d2}}} = {tex_frac(Fraction(n1, d1)+Fraction(n2, d2))}$.",
                 f"Altogether ${w1+w2} + {tex_frac(Fraction(n1, d1)+Fraction(n2, d2))} = {mixed_tex(g)}$."],
                "So the recipe needs {A} cups of flour in total.",
                "if the topping were left out, it would need only {H}", "the total flour",
                "the total amount of flour in cups")


def f_percent():
    t = R.randrange(2)
    if t == 0:
        whole = R.choice([20, 25, 40, 50, 80, 120, 160, 200, 250])
        p = R.choice([5, 10, 15, 20, 25, 30, 35, 40, 45, 60, 65, 75, 80, 85, 90])
        part = Fraction(p * whole, 100)
        if part.denominator != 1:
            return f_percent()
        part = int(part)
        q = f"What percent of {whole} is {part}?"
        steps = [f"Divide the part by the whole: {part}/{whole} = {dec(Fraction(part, whole))}.",
                 f"Multiply by 100: {dec(Fraction(part, whole))} \u00d7 100 = {p}."]
        restate = f"the percentage that {part} is of {whole}"
    else:
        old = R.choice([40, 50, 80, 120, 200, 250, 400])
        p = R.choice([10, 20, 25, 30, 40, 50, 60, 75])
        new = old + old * p // 100
        if old * p % 100:
            return f_percent()
        q = f"A price rises from ${old} to ${new}. By what percent did it increase?"
        steps = [f"The increase is {new} - {old} = {new-old}.",
                 f"Relative to the original: {new-old}/{old} = {dec(Fraction(new-old, old))}, i.e. {p} per hundred."]
        restate = f"the percent increase from {old} to {new}"
    fp = Fraction(p, 100)
    gold = R.choice([str(p), f"{p}\\%"])
    fr = [P(str(p)), P(f"{p}%"), T(f"{p}\\%"), P(f"{p} percent"), P(f"{p}.0%")]
    wr = {"percent_fraction_mix": [P(dec(fp)), T(tex_frac(fp))],
          "near_miss": [P(f"{100-p}%") if p != 50 else P("60%"), P(f"{p+5}%")]}
    return prob("percent", q, gold, fr, wr, steps, "So the answer is {A}.",
                "had we divided by the new value instead, we would get {H}",
                "the percentage", restate)


def f_currency():
    n = R.choice(NAMES)
    k, price = R.randint(2, 6), Fraction(R.randint(200, 2500), 100)
    extra = Fraction(R.randint(100, 1500), 100)
    g = k * price + extra
    gs = "%.2f" % float(g)
    gold = R.choice([gs, "\\$" + gs, dec(g)])
    fr = [P("$" + gs), T("\\$" + gs), P(gs + " dollars"), P(gs), T("\\$" + dec(g)), P("USD " + gs)]
    cents = int(g * 100)
    wr = {"unit_conversion": [P(f"{cents} cents"), P(f"{cents}\u00a2")],
          "near_miss": [P("$%.2f" % float(g + 1)), P("$%.2f" % float(k * price))],
          "sign_error": [P("$%.2f" % float(k * price - extra))]}
    return prob("currency", f"{n} buys {k} notebooks at ${'%.2f' % float(price)} each and a backpack for ${'%.2f' % float(extra)}. What is the total cost?",
                gold, fr, wr,
                [f"The notebooks cost {k} \u00d7 ${'%.2f' % float(price)} = ${'%.2f' % float(k*price)}.",
                 f"Adding the backpack: ${'%.2f' % float(k*price)} + ${'%.2f' % float(extra)} = ${gs}."],
                f"Therefore, {n} spends {{A}} in total.",
                "if the backpack were free, the bill would be {H}", "the total cost",
                f"the total {n} pays", [(f"{k}*{'%.2f' % float(price)}", "%.2f" % float(k * price)), (f"{'%.2f' % float(k*price)}+{'%.2f' % float(extra)}", gs)])


def f_units():
    t = R.randrange(3)
    if t == 0:
        L, W = R.randint(5, 40), R.randint(3, 25)
        g = 2 * (L + W)
        return prob("units", f"A rectangle is {L} cm long and {W} cm wide. What is its perimeter?", str(g),
                    [P(f"{g} cm"), T(f"{g}\\text{{ cm}}"), P(f"{g} centimeters"), P(str(g)), T(f"{g}\\,\\mathrm{{cm}}")],
                    {"unit_conversion": [P(f"{dec(Fraction(g,100))} m"), P(f"{g*10} mm")],
                     "near_miss": [P(f"{L*W} cm"), P(f"{L+W} cm")]},
                    [f"Perimeter is $2(L + W)$.", f"$L + W = {L} + {W} = {L+W}$, doubled: ${g}$."],
                    "So the perimeter is {A}.", "the area, for comparison, would be {H} square units",
                    "the perimeter", "the perimeter of the rectangle")
    if t == 1:
        v, h = R.randint(30, 90), R.choice([2, 3, 4, 5])
        g = v * h
        return prob("units", f"A car travels at {v} km/h for {h} hours. How far does it go?", f"{g} \\text{{ km}}" if R.random() < .4 else str(g),
                    [P(f"{g} km"), T(f"{g}\\text{{ km}}"), P(f"{g} kilometers"), P(str(g)), T(f"{g} \\, \\text{{km}}")],
                    {"unit_conversion": [P(f"{g*1000} m"), P(f"{g*1000} meters")],
                     "near_miss": [P(f"{v*(h-1)} km"), P(f"{g+v} km")]},
                    [f"Distance = speed \u00d7 time.", f"${v} \\times {h} = {g}$."],
                    "The car covers {A}.", f"with one more hour of driving it would reach {{H}}",
                    "the distance", "the distance traveled")
    a = R.randint(25, 80)
    b = 180 - 90 - a
    return prob("units", f"In a right triangle one acute angle measures ${a}^\\circ$. What is the other acute angle?", str(b),
                [T(f"{b}^\\circ"), P(f"{b}\u00b0"), P(f"{b} degrees"), P(str(b)), T(f"{b}^{{\\circ}}")],
                {"unit_conversion": [T(tex_frac(Fraction(b, 180)) + "\\pi") if Fraction(b, 180).denominator != 1 else T("\\pi")],
                 "near_miss": [T(f"{180-a}^\\circ"), T(f"{b+1}^\\circ")]},
                [f"The angles sum to $180^\\circ$ and one is $90^\\circ$.", f"$180 - 90 - {a} = {b}$."],
                "So the other acute angle is {A}.", "the supplement of the given angle would be {H}",
                "the missing angle", "the other acute angle")


def ampm(minutes):
    h, m = divmod(minutes % 1440, 60)
    suf = "AM" if h < 12 else "PM"
    h12 = h % 12 or 12
    return h12, m, suf, h


def f_time():
    start = R.randint(6 * 60, 20 * 60)
    start -= start % 5
    dur = R.randint(35, 250)
    dur -= dur % 5
    end = start + dur
    h12, m, suf, h24 = ampm(end)
    sh, sm, ssuf, _ = ampm(start)
    ssx = f"{sh}:{sm:02d} {ssuf}"
    if h24 == 12 or h24 == 0:
        return f_time()
    gold = R.choice([f"{h12}:{m:02d} {suf}", f"{h12}:{m:02d} \\text{{ {suf}}}", f"{h24:02d}:{m:02d}" if h24 >= 13 else f"{h12}:{m:02d} {suf}"])
    low = suf.lower()
    fr = [P(f"{h12}:{m:02d} {suf}"), P(f"{h12}:{m:02d} {low[0]}.m."), P(f"{h12}:{m:02d}{low}")]
    if h24 >= 13:
        fr.append(P(f"{h24}:{m:02d}"))
    else:
        fr.append(P(f"{h24:02d}:{m:02d}"))
    other = "AM" if suf == "PM" else "PM"
    wr = {"near_miss": [P(f"{h12}:{(m+10)%60:02d} {suf}" if m + 10 < 60 else f"{h12}:{(m+10)%60:02d} {other}"), P(f"{(h12 % 12)+1}:{m:02d} {suf}" if h12 != 11 else f"10:{m:02d} {suf}")],
          "wrong_meridiem": [P(f"{h12}:{m:02d} {other}")],
          "unit_conversion": [P(f"{dur} minutes")]}
    if h24 >= 13:
        wr["dropped_ampm"] = [P(f"{h12}:{m:02d}")]
    dh, dm = divmod(dur, 60)
    return prob("time", f"A train departs at {ssx} and the trip takes {dh} h {dm} min. At what time does it arrive?",
                gold, fr, wr,
                [f"Adding {dh} hour{'s' if dh != 1 else ''} to {ssx} gives {ampm(start+dh*60)[0]}:{sm:02d} {ampm(start+dh*60)[2]}.",
                 f"Adding the remaining {dm} minutes lands at {h12}:{m:02d} {suf}."],
                "So the train arrives at {A}.", "if it had left an hour later, it would arrive at {H}",
                "the arrival time", "the arrival time of the train")


def sci_tex(m, e, sep="\\times"):
    return f"{m} {sep} 10^{{{e}}}"


def f_sci():
    a, b = R.randint(11, 95) / 10, R.randint(11, 95) / 10
    fa, fb = Fraction(str(a)), Fraction(str(b))
    e1, e2 = R.randint(-9, 9), R.randint(-9, 9)
    prod = fa * fb
    e = e1 + e2
    while prod >= 10:
        prod /= 10
        e += 1
    ms = dec(prod)
    val = prod * Fraction(10) ** e
    gold = sci_tex(ms, e)
    fr = [T(sci_tex(ms, e)), T(f"{ms}\\times10^{{{e}}}"), P(f"{ms}e{e}"), P(f"{ms} x 10^{e}"),
          T(sci_tex(dec(prod * 10), e - 1)), T(f"{ms} \\cdot 10^{{{e}}}")]
    if -4 <= e <= 5 and len(ms) <= 5:
        fr.append(P(dec(val)))
    wr = {"sign_error": [T(sci_tex(ms, -e if e != 0 else 1))],
          "near_miss": [T(sci_tex(ms, e + 1)), T(sci_tex(dec(fa * fb), e1 + e2 + 1) if fa * fb < 10 else sci_tex(dec(fa + fb), e))]}
    return prob("scientific notation", f"Compute $({dec(fa)} \\times 10^{{{e1}}})({dec(fb)} \\times 10^{{{e2}}})$ in scientific notation.",
                gold, fr, wr,
                [f"Multiply the mantissas: ${dec(fa)} \\times {dec(fb)} = {dec(fa*fb)}$.",
                 f"Add the exponents: ${e1} + ({e2}) = {e1+e2}$.",
                 f"Normalizing gives ${sci_tex(ms, e)}$."],
                "The product is {A}.", "if we had subtracted the exponents, it would be {H}",
                "the product", "the product in scientific notation")


def f_million():
    t = R.randrange(2)
    a, b = Fraction(R.randint(12, 95), 10), Fraction(R.randint(3, 40), 10)
    if t == 0:
        g = a + b
        q = f"A city has {dec(a)} million residents and grows by {dec(b)} million over a decade. What is the new population?"
        steps = [f"Add the two figures: {dec(a)} + {dec(b)} = {dec(g)} (in millions)."]
        restate = "the new population"
    else:
        g = a * 2
        q = f"A company earned ${dec(a)} million last year and doubled its revenue this year. How much did it earn this year?"
        steps = [f"Doubling {dec(a)} million: 2 \u00d7 {dec(a)} = {dec(g)}."]
        restate = "this year's revenue"
    full = int(g * 10 ** 6)
    gold = R.choice([f"{dec(g)} million", str(full), f"{full:,}"])
    fr = [P(f"{dec(g)} million"), P(str(full)), P(f"{full:,}"), T(f"{dec(g)}\\text{{ million}}"), T(f"{full:,}".replace(",", "{,}")), T(sci_tex(dec(g), 6))]
    wr = {"near_miss": [P(f"{dec(g*10)} million"), P(f"{full//10:,}")],
          "unit_conversion": [P(f"{dec(g)} billion"), P(f"{dec(g*1000)} thousand") if False else P(f"{int(g*1000):,}")]}
    if t == 0:
        wr["sign_error"] = [P(f"{dec(a-b)} million")]
    return prob("N million", q, gold, fr, wr, steps, "So the answer is {A}.",
                "without the change it would have stayed at {H}", "the amount", restate)


def f_expression():
    t = R.randrange(3)
    if t == 0:
        p, q = R.randint(1, 6), R.randint(1, 6)
        if p == q:
            q += 1
        # (x+p)^2 - (x-q)^2 = (2p+2q)x + p^2 - q^2
        a, b = 2 * p + 2 * q, p * p - q * q
        e = a * X + b
        gold = poly1(a, b)
        g = sp.gcd(a, b)
        fr = [T(poly1(a, b)), T(f"{b} + {a}x" if b > 0 else f"{b} + {a}x".replace("+ -", "- ")), P(poly1(a, b).replace(" ", ""))]
        if g > 1:
            fr.append(T(f"{g}({poly1(a//g, b//g)})"))
        wr = {"sign_error": [T(poly1(a, -b))], "near_miss": [T(poly1(a, b + 2)), T(poly1(a // 2, b))]}
        steps = [f"Expand: $(x+{p})^2 = x^2 + {2*p}x + {p*p}$ and $(x-{q})^2 = x^2 - {2*q}x + {q*q}$.",
                 f"Subtract; the $x^2$ terms cancel, leaving ${poly1(a, b)}$."]
        q_ = f"Simplify $(x+{p})^2 - (x-{q})^2$."
        concl = "The expression simplifies to {A}."
        restate = f"a simplified form of $(x+{p})^2 - (x-{q})^2$"
    elif t == 1:
        m, c = R.randint(2, 5), R.randint(1, 9)
        # f(x) = (x + c)/m -> f^{-1}(x) = m x - c
        gold = poly1(m, -c)
        fr = [T(poly1(m, -c)), T(f"f^{{-1}}(x) = {poly1(m, -c)}"), T(f"-{c} + {m}x"), P(f"{m}*x - {c}"), T(f"{m}\\left(x - \\frac{{{c}}}{{{m}}}\\right)")]
        wr = {"sign_error": [T(poly1(m, c))], "near_miss": [T(f"\\frac{{x - {c}}}{{{m}}}"), T(poly1(m, -c - 1))],
              "swapped_order": [T(poly1(c, -m))]}
        steps = [f"Write $y = \\frac{{x + {c}}}{{{m}}}$ and swap roles: $x = \\frac{{y + {c}}}{{{m}}}$.",
                 f"Then $y + {c} = {m}x$, so $y = {poly1(m, -c)}$."]
        q_ = f"Find the inverse of $f(x) = \\frac{{x + {c}}}{{{m}}}$."
        concl = "Hence the inverse function is {A}."
        restate = f"$f^{{-1}}(x)$ for $f(x) = \\frac{{x+{c}}}{{{m}}}$"
    else:
        a, b, c = R.randint(2, 6), R.randint(1, 9), R.randint(1, 9)
        # d/dx (a x^3 + b x^2 + c x) = 3a x^2 + 2b x + c
        gold = poly2(3 * a, 2 * b, c)
        fr = [T(poly2(3 * a, 2 * b, c)), T(f"{c} + {2*b}x + {3*a}x^2"), P(f"{3*a}*x^2 + {2*b}*x + {c}"), T(f"{2*b}x + {3*a}x^2 + {c}")]
        wr = {"near_miss": [T(poly2(3 * a, b, c)), T(poly2(a, 2 * b, c))], "sign_error": [T(poly2(3 * a, -2 * b, c))]}
        steps = [f"Differentiate term by term: $\\frac{{d}}{{dx}}{a}x^3 = {3*a}x^2$, $\\frac{{d}}{{dx}}{b}x^2 = {2*b}x$.",
                 f"The linear term contributes ${c}$, so the derivative is ${poly2(3*a, 2*b, c)}$."]
        q_ = f"Differentiate ${a}x^3 + {b}x^2 + {c}x$ with respect to $x$."
        concl = "So the derivative is {A}."
        restate = f"the derivative of ${a}x^3 + {b}x^2 + {c}x$"
    return prob("expression", q_, gold, fr, wr, steps, concl,
                "if we had dropped the constant term, we would get {H}", "the expression", restate)


def f_equation():
    t = R.randrange(2)
    if t == 0:
        m = R.choice([-4, -3, -2, -1, 2, 3, 4, 5])
        b = R.choice([v for v in range(-9, 10) if v not in (0, m)])
        x1 = R.randint(-4, 4)
        x2 = x1 + R.randint(1, 4)
        y1, y2 = m * x1 + b, m * x2 + b
        gold = f"y = {poly1(m, b)}"
        fr = [T(f"y = {poly1(m, b)}"), T(f"y={poly1(m, b).replace(' ', '')}"), T(f"y = {b} {'+' if m > 0 else '-'} {'' if abs(m) == 1 else abs(m)}x"),
              T(f"y = {m}(x {'+' if b*1.0/m > 0 else '-'} {tex_frac(abs(Fraction(b, m)))})")]
        wr = {"sign_error": [T(f"y = {poly1(m, -b)}")], "swapped_order": [T(f"y = {poly1(b, m)}")],
              "near_miss": [T(f"y = {poly1(m, b+1)}")]}
        steps = [f"Slope: $\\frac{{{y2} - ({y1})}}{{{x2} - ({x1})}} = \\frac{{{y2-y1}}}{{{x2-x1}}} = {m}$.",
                 f"Intercept: $b = {y1} - ({m})({x1}) = {b}$, so $y = {poly1(m, b)}$."]
        return prob("equation", f"Find the equation of the line through $({x1}, {y1})$ and $({x2}, {y2})$ in slope-intercept form.",
                    gold, fr, wr, steps, "So the line is {A}.",
                    "if the slope had the opposite sign, the line would be {H}", "the line",
                    "the equation of the line through the two points")
    h, k, r = R.randint(-6, 6), R.randint(-6, 6), R.randint(2, 7)
    if h == 0 or k == 0:
        return f_equation()
    def sq(v, s):
        return f"({v} {'-' if s > 0 else '+'} {abs(s)})^2"
    lhs = f"{sq('x', h)} + {sq('y', k)}"
    gold = f"{lhs} = {r*r}"
    fr = [T(gold), T(f"{sq('y', k)} + {sq('x', h)} = {r*r}"), T(gold.replace(" ", "")), T(f"{r*r} = {lhs}")]
    wr = {"sign_error": [T(f"{sq('x', -h)} + {sq('y', -k)} = {r*r}")], "near_miss": [T(f"{lhs} = {r}")],
          "swapped_order": [T(f"{sq('x', k)} + {sq('y', h)} = {r*r}")] if h != k else [T(f"{lhs} = {r*r+1}")]}
    return prob("equation", f"Write the equation of the circle with center $({h}, {k})$ and radius ${r}$.", gold, fr, wr,
                [f"The standard form is $(x-h)^2 + (y-k)^2 = r^2$ with $h = {h}$, $k = {k}$.",
                 f"Here $r^2 = {r}^2 = {r*r}$."],
                "So the circle is {A}.", f"with radius {r+1} instead, the right side would change to give {{H}}",
                "the circle's equation", "the equation of the circle")


def f_system():
    while True:
        x0, y0 = R.randint(-8, 9), R.randint(-8, 9)
        if x0 != y0 and x0 != -y0 and y0 != 0:
            break
    a1, b1, a2, b2 = R.randint(1, 4), R.randint(1, 4), R.randint(1, 4), -R.randint(1, 4)
    if a1 * b2 - a2 * b1 == 0:
        return f_system()
    c1, c2 = a1 * x0 + b1 * y0, a2 * x0 + b2 * y0
    gold = R.choice([f"x={x0}, y={y0}", f"x = {x0}, y = {y0}", f"({x0}, {y0})"])
    fr = [T(f"x = {x0}, y = {y0}"), T(f"({x0}, {y0})"), T(f"y = {y0}, x = {x0}"), T(f"x = {x0} \\text{{ and }} y = {y0}"), T(f"x={x0},\\ y={y0}")]
    wr = {"swapped_order": [T(f"({y0}, {x0})"), T(f"x = {y0}, y = {x0}")],
          "sign_error": [T(f"x = {x0}, y = {-y0}")],
          "near_miss": [T(f"({x0}, {y0+1})")],
          "missing_element": [T(f"x = {x0}")]}
    e1 = f"{poly1(a1, 0)} {'+' if b1 > 0 else '-'} {abs(b1) if abs(b1) != 1 else ''}y = {c1}"
    e2 = f"{poly1(a2, 0)} {'+' if b2 > 0 else '-'} {abs(b2) if abs(b2) != 1 else ''}y = {c2}"
    D = a1 * b2 - a2 * b1
    return prob("system", f"Solve the system ${e1}$, ${e2}$.", gold, fr, wr,
                [f"The determinant is ${a1}({b2}) - ({a2})({b1}) = {D}$.",
                 f"Cramer's rule: $x = \\frac{{{c1*b2 - c2*b1}}}{{{D}}} = {x0}$ and $y = \\frac{{{a1*c2 - a2*c1}}}{{{D}}} = {y0}$."],
                "So the solution is {A}.", "if the second equation had the opposite sign on $y$, we'd get {H}",
                "the solution", "the pair $(x, y)$ solving both equations")


def tup(vals, br="()"):
    return br[0] + ", ".join(str(v) for v in vals) + br[1]


def f_tuple():
    vals = R.sample([v for v in range(-9, 10) if v != 0], 3)
    a, b, c = vals
    # polynomial x^3 + p x^2 + q x + r with roots -> ask for (p, q, r)? simpler: coefficients of sum
    u = [R.randint(-5, 5) for _ in range(3)]
    v = [(vals[i] - u[i]) for i in range(3)]
    gold = tup(vals)
    fr = [T(tup(vals)), T(tup(vals).replace(" ", "")), T("\\left(" + ", ".join(map(str, vals)) + "\\right)"), T("(" + ",\\,".join(map(str, vals)) + ")")]
    wr = {"swapped_order": [T(tup([b, a, c])), T(tup([c, b, a]))],
          "set_vs_tuple": [T("\\{" + ", ".join(map(str, vals)) + "\\}")],
          "missing_element": [T(tup([a, b]))],
          "sign_error": [T(tup([a, -b, c]))]}
    return prob("tuple", f"Let $(a, b, c) = {tup(u)} + {tup(v)}$ componentwise. Find the ordered triple $(a, b, c)$.",
                gold, fr, wr,
                [f"First component: ${u[0]} + ({v[0]}) = {a}$.", f"Second: ${u[1]} + ({v[1]}) = {b}$.",
                 f"Third: ${u[2]} + ({v[2]}) = {c}$, giving ${tup(vals)}$."],
                "So the ordered triple is {A}.", "if we had subtracted instead, it would be {H}",
                "the triple", "the ordered triple $(a, b, c)$")


def f_pair():
    t = R.randrange(2)
    if t == 0:
        h, k = R.randint(-7, 7), R.randint(-7, 7)
        if h == k or h == 0 or k == -h:
            return f_pair()
        b, c = -2 * h, h * h + k
        q = f"Find the vertex of the parabola $y = {poly2(1, b, c)}$."
        steps = [f"The vertex is at $x = -\\frac{{b}}{{2a}} = -\\frac{{{b}}}{{2}} = {h}$.",
                 f"Then $y = ({h})^2 {'+' if b >= 0 else '-'} {abs(b)}({h}) + {c} = {k}$."]
        restate = "the vertex of the parabola"
    else:
        x1, y1, x2, y2 = [R.randint(-9, 9) * 2 for _ in range(4)]
        h, k = (x1 + x2) // 2, (y1 + y2) // 2
        if h == k or k == -h or k == 0:
            return f_pair()
        q = f"Find the midpoint of the segment from $({x1}, {y1})$ to $({x2}, {y2})$."
        steps = [f"Average the x-coordinates: $\\frac{{{x1} + ({x2})}}{{2}} = {h}$.",
                 f"Average the y-coordinates: $\\frac{{{y1} + ({y2})}}{{2}} = {k}$."]
        restate = "the midpoint of the segment"
    gold = tup([h, k])
    fr = [T(tup([h, k])), T(f"({h},{k})"), T(f"\\left({h}, {k}\\right)"), T(f"x = {h}, y = {k}")]
    wr = {"swapped_order": [T(tup([k, h]))], "set_vs_tuple": [T(f"\\{{{h}, {k}\\}}")],
          "sign_error": [T(tup([h, -k]))], "wrong_bracket": [T(f"[{h}, {k}]")], "near_miss": [T(tup([h, k + 1]))]}
    return prob("ordered pair", q, gold, fr, wr, steps, "So the point is {A}.",
                "reflecting across the x-axis would give {H}", "the point", restate)


def f_set():
    while True:
        r1, r2 = R.sample(range(-9, 10), 2)
        if r1 != -r2 and r1 != 0 and r2 != 0:
            break
    s, p = r1 + r2, r1 * r2
    lo, hi = sorted([r1, r2])
    gold = R.choice([f"\\{{{lo}, {hi}\\}}", f"{lo}, {hi}", f"{hi}, {lo}"])
    fr = [T(f"\\{{{lo}, {hi}\\}}"), T(f"\\{{{hi}, {lo}\\}}"), T(f"x = {lo} \\text{{ or }} x = {hi}"), P(f"x = {hi} or x = {lo}"),
          T(f"{hi}, {lo}"), T(f"x={lo},\\ x={hi}"), ("MULTIBOX", True)]
    extra = R.choice([v for v in range(-9, 10) if v not in (r1, r2)])
    wr = {"missing_element": [T(f"\\{{{hi}\\}}"), T(f"x = {lo}")],
          "extra_element": [T(f"\\{{{', '.join(map(str, sorted([lo, hi, extra])))}\\}}")],
          "sign_error": [T(f"\\{{{-hi}, {-lo}\\}}")]}
    return prob("set", f"Find all real solutions of $x^2 {'-' if s > 0 else '+'} {abs(s)}x {'+' if p > 0 else '-'} {abs(p)} = 0$.".replace(" 1x", " x"),
                gold, fr, wr,
                [f"We need two numbers with sum ${s}$ and product ${p}$.",
                 f"Factor: $(x {'-' if r1 > 0 else '+'} {abs(r1)})(x {'-' if r2 > 0 else '+'} {abs(r2)}) = 0$, so the roots are ${r1}$ and ${r2}$."],
                "So the solutions are {A}.", "if the constant term had the opposite sign, the roots would be different, e.g. {H}",
                "the solution set", "every real root of the quadratic", )


def interval_str(lo, hi, lc, rc):
    l = "[" if lc else "("
    r = "]" if rc else ")"
    los = "-\\infty" if lo is None else str(lo)
    his = "\\infty" if hi is None else str(hi)
    return f"{l}{los}, {his}{r}"


def f_interval():
    t = R.randrange(3)
    if t == 0:
        c, r = R.randint(-6, 6), R.randint(1, 6)
        closed = R.random() < .5
        lo, hi = c - r, c + r
        rel = "\\le" if closed else "<"
        q = f"Solve $|x {'-' if c >= 0 else '+'} {abs(c)}| {rel} {r}$ and give the answer in interval notation."
        steps = [f"This means $-{r} {rel} x {'-' if c >= 0 else '+'} {abs(c)} {rel} {r}$.",
                 f"Adding ${c}$ throughout: ${lo} {rel} x {rel} {hi}$."]
        lc = rc = closed
        ineq = f"{lo} {rel} x {rel} {hi}"
    elif t == 1:
        a = R.randint(-8, 8)
        q = f"What is the domain of $f(x) = \\sqrt{{x {'-' if a >= 0 else '+'} {abs(a)}}}$? Use interval notation."
        steps = [f"The radicand must be nonnegative: $x {'-' if a >= 0 else '+'} {abs(a)} \\ge 0$.", f"So $x \\ge {a}$."]
        lo, hi, lc, rc = a, None, True, False
        ineq = f"x \\ge {a}"
    else:
        a, b = sorted(R.sample(range(-9, 10), 2))
        q = f"On which interval is $(x - ({a}))(x - ({b})) < 0$?"
        steps = [f"The roots are ${a}$ and ${b}$; the upward parabola is negative between them.",
                 f"Endpoints are excluded since the inequality is strict."]
        lo, hi, lc, rc = a, b, False, False
        ineq = f"{a} < x < {b}"
    gold = interval_str(lo, hi, lc, rc)
    fr = [T(gold), T(gold.replace(" ", "")), T(f"x \\in {gold}"), T(ineq), T("\\left" + gold[0] + gold[1:-1] + "\\right" + gold[-1])]
    wr = {"wrong_bracket": [T(interval_str(lo, hi, not lc, rc if hi is None else not rc))],
          "near_miss": [T(interval_str(lo, (hi + 1) if hi is not None else None, lc, rc) if hi is not None else interval_str(lo + 1, None, lc, rc))],
          "sign_error": [T(interval_str(-hi, -lo, rc, lc) if hi is not None else interval_str(None, lo, False, True))]}
    if hi is not None:
        wr["swapped_order"] = [T(interval_str(hi, lo, lc, rc))]
    return prob("interval", q, gold, fr, wr, steps, "So the solution set is {A}.",
                "if the inequality were reversed we'd get the complement, not {H}", "the interval", "the interval of valid $x$")


def f_inequality():
    a = R.randint(2, 7)
    x0 = R.randint(-8, 9)
    b = R.randint(-10, 10)
    c = a * x0 + b
    rel = R.choice([">", "\\ge", "<", "\\le"])
    sym = {">": ">", "\\ge": "\\geq", "<": "<", "\\le": "\\leq"}[rel]
    gold = f"x {sym} {x0}"
    if rel in (">", "\\ge"):
        iv = interval_str(x0, None, rel == "\\ge", False)
        rev = {">": "<", "\\ge": "\\le"}[rel]
    else:
        iv = interval_str(None, x0, False, rel == "\\le")
        rev = {"<": ">", "\\le": "\\ge"}[rel]
    flip = {">": "<", "\\ge": "\\le", "<": ">", "\\le": "\\ge"}
    fr = [T(f"x {rel} {x0}"), T(iv), T(f"{x0} {flip[rel]} x"), T(f"x \\in {iv}"), T(f"x{sym}{x0}")]
    strict = {">": "\\ge", "\\ge": ">", "<": "\\le", "\\le": "<"}
    wr = {"wrong_bracket": [T(f"x {strict[rel]} {x0}")], "sign_error": [T(f"x {rel} {-x0}" if x0 != 0 else f"x {rel} 1")],
          "reversed_direction": [T(f"x {rev} {x0}")], "near_miss": [T(f"x {rel} {x0+1}")]}
    return prob("inequality", f"Solve ${a}x {'+' if b >= 0 else '-'} {abs(b)} {rel} {c}$.", gold, fr, wr,
                [f"Move the constant: ${a}x {rel} {c} {'-' if b >= 0 else '+'} {abs(b)} = {c-b}$.",
                 f"Divide by ${a}$ (positive, so the direction stays): $x {rel} {x0}$."],
                "So the solution is {A}.", "if we had flipped the sign when dividing, we'd get {H}",
                "the solution set", "all $x$ satisfying the inequality")


def f_matrix():
    while True:
        A = [[R.randint(-5, 6) for _ in range(2)] for _ in range(2)]
        B = [[R.randint(-5, 6) for _ in range(2)] for _ in range(2)]
        op = R.choice(["+", "\\cdot"])
        if op == "+":
            C = [[A[i][j] + B[i][j] for j in range(2)] for i in range(2)]
        else:
            C = [[sum(A[i][k] * B[k][j] for k in range(2)) for j in range(2)] for i in range(2)]
        if C[0][1] != C[1][0]:
            break
    Ct = [[C[j][i] for j in range(2)] for i in range(2)]
    gold = pm(C)
    fr = [T(pm(C)), T(bm(C)), P(str(C).replace(" ", "")), T(pm(C).replace("pmatrix", "bmatrix"))]
    near = [r[:] for r in C]
    near[1][1] += 1
    wr = {"transposed": [T(pm(Ct)), T(bm(Ct))], "near_miss": [T(pm(near))],
          "sign_error": [T(pm([[-C[0][0], C[0][1]], C[1]]))] if C[0][0] != 0 else [T(pm([[C[0][0], -C[0][1]], C[1]]))]}
    if op == "+":
        steps = [f"Add entrywise: top row ${A[0][0]} + ({B[0][0]}) = {C[0][0]}$, ${A[0][1]} + ({B[0][1]}) = {C[0][1]}$.",
                 f"Bottom row: ${A[1][0]} + ({B[1][0]}) = {C[1][0]}$, ${A[1][1]} + ({B[1][1]}) = {C[1][1]}$."]
    else:
        steps = [f"Entry (1,1): ${A[0][0]}\\cdot{B[0][0]} + {A[0][1]}\\cdot{B[1][0]} = {C[0][0]}$; entry (1,2): ${A[0][0]}\\cdot{B[0][1]} + {A[0][1]}\\cdot{B[1][1]} = {C[0][1]}$.",
                 f"Entry (2,1): ${A[1][0]}\\cdot{B[0][0]} + {A[1][1]}\\cdot{B[1][0]} = {C[1][0]}$; entry (2,2): ${A[1][0]}\\cdot{B[0][1]} + {A[1][1]}\\cdot{B[1][1]} = {C[1][1]}$."]
    return prob("matrix", f"Compute $A {op} B$ where $A = {pm(A)}$ and $B = {pm(B)}$.", gold, fr, wr, steps,
                "So the result is {A}.", "the transpose, for the record, would be {H}", "the matrix",
                f"the matrix $A {op} B$")


def f_vector():
    u = [R.randint(-6, 6) for _ in range(3)]
    v = [R.randint(-4, 4) for _ in range(3)]
    k = R.randint(2, 4)
    w = [u[i] + k * v[i] for i in range(3)]
    if len(set(w)) < 3 or 0 in w:
        return f_vector()
    col = "\\begin{pmatrix} " + " \\\\ ".join(map(str, w)) + " \\end{pmatrix}"
    gold = R.choice([col, tup(w)])
    fr = [T(col), T(tup(w)), T("\\langle " + ", ".join(map(str, w)) + " \\rangle"), T(col.replace("pmatrix", "bmatrix")), P(tup(w).replace(" ", ""))]
    wr = {"swapped_order": [T(tup([w[1], w[0], w[2]]))], "sign_error": [T(tup([w[0], w[1], -w[2]]))],
          "set_vs_tuple": [T("\\{" + ", ".join(map(str, w)) + "\\}")], "near_miss": [T(tup([u[i] + v[i] for i in range(3)]))],
          "missing_element": [T(tup(w[:2]))]}
    return prob("vector", f"Let $\\mathbf{{u}} = {tup(u)}$ and $\\mathbf{{v}} = {tup(v)}$. Compute $\\mathbf{{u}} + {k}\\mathbf{{v}}$.",
                gold, fr, wr,
                [f"First, ${k}\\mathbf{{v}} = {tup([k*x for x in v])}$.",
                 f"Adding componentwise to $\\mathbf{{u}}$: ${tup(w)}$."],
                "So the vector is {A}.", f"with coefficient 1 instead of {k}, it would be {{H}}", "the vector",
                f"the vector $\\mathbf{{u}} + {k}\\mathbf{{v}}$")


def f_complex():
    while True:
        a, b, c, d = [R.choice([v for v in range(-6, 7) if v]) for _ in range(4)]
        re_, im = a * c - b * d, a * d + b * c
        if re_ != 0 and im != 0:
            break
    gold = cplx(re_, im)
    fr = [T(cplx(re_, im)), T(f"{cplx(0, im)} + {re_}".replace("+ -", "- ")), P(cplx(re_, im).replace(" ", "")), T(f"{re_} + ({im})i")]
    wr = {"conjugate": [T(cplx(re_, -im))], "sign_error": [T(cplx(-re_, im))],
          "near_miss": [T(cplx(a * c + b * d, im))] if b * d != 0 else [T(cplx(re_ + 1, im))],
          "swapped_order": [T(cplx(im, re_))] if im != re_ else [T(cplx(re_, im + 1))]}
    return prob("complex", f"Compute $({cplx(a, b)})({cplx(c, d)})$ and write it in the form $a + bi$.", gold, fr, wr,
                [f"FOIL: ${a}\\cdot{c} + {a}\\cdot({d})i + ({b})i\\cdot{c} + ({b})({d})i^2$.",
                 f"Since $i^2 = -1$: real part ${a*c} - ({b*d}) = {re_}$, imaginary part ${a*d} + ({b*c}) = {im}$."],
                "So the product is {A}.", "its conjugate would be {H}", "the product",
                "the product in standard form")


def f_pm():
    t = R.randrange(2)
    if t == 0:
        r = R.randint(2, 12)
        k = R.randint(1, 4)
        q = f"Solve ${k}x^2 = {k*r*r}$." if k > 1 else f"Solve $x^2 = {r*r}$."
        rs, rneg = str(r), str(-r)
        steps = [f"Divide by {k}: $x^2 = {r*r}$." if k > 1 else f"Take square roots of both sides of $x^2 = {r*r}$.",
                 f"Both $x = {r}$ and $x = -{r}$ work."]
        near = str(r * r)
    else:
        n = R.choice([2, 3, 5, 6, 7, 10, 11])
        c = R.randint(1, 9)
        q = f"Solve $x^2 - {c} = {n - c}$." if n - c >= 0 else f"Solve $x^2 + {c - n} = 0 + {0}$.".replace(" + 0", "")
        q = f"Solve $x^2 + {c} = {n + c}$."
        rs, rneg = f"\\sqrt{{{n}}}", f"-\\sqrt{{{n}}}"
        steps = [f"Subtract {c}: $x^2 = {n}$.", f"So $x = \\sqrt{{{n}}}$ or $x = -\\sqrt{{{n}}}$."]
        near = str(n)
    gold = f"\\pm {rs}"
    fr = [T(f"\\pm {rs}"), T(f"x = \\pm {rs}"), T(f"{rs}, {rneg}"), T(f"x = {rs} \\text{{ or }} x = {rneg}"), T(f"\\{{{rneg}, {rs}\\}}"), P(f"\u00b1{rs}") if t == 0 else T(f"\\pm{rs}")]
    wr = {"missing_element": [T(rs), T(f"x = {rs}")], "near_miss": [T(f"\\pm {near}")],
          "sign_error": [T(rneg)]}
    return prob("\u00b1", q, gold, fr, wr, steps, "Therefore, the solutions are {A}.",
                "if only positive roots were allowed, it would be just {H}", "the solutions", "all solutions")


MC_QS = [
    ("Which of these is the smallest prime greater than {n}?", lambda n: sp.nextprime(n)),
    ("What is {n} squared?", lambda n: n * n),
    ("What is the value of {n} \u00d7 7?", lambda n: n * 7),
    ("How many positive divisors does {n} have?", lambda n: sp.divisor_count(n)),
]


def f_mc():
    qi = R.randrange(len(MC_QS))
    tmpl, fn = MC_QS[qi]
    n = R.randint(10, 60)
    ans = int(fn(n))
    opts = {ans}
    while len(opts) < 5:
        d_ = R.choice([-6, -4, -2, -1, 1, 2, 3, 5, 8])
        if ans + d_ > 0:
            opts.add(ans + d_)
    opts = sorted(opts)
    letters = "ABCDE"
    L = letters[opts.index(ans)]
    optline = "  ".join(f"({letters[i]}) {o}" for i, o in enumerate(opts))
    wl = R.choice([l for l in letters if l != L])
    wv = opts[letters.index(wl)]
    gold = L
    fr = [P(f"({L})"), P(f"**{L}**"), P(f"Option {L}"), P(f"{L}) {ans}"), T(f"\\text{{({L})}}"), P(L), P(f"({L}) {ans}")]
    wr = {"wrong_letter": [P(f"({wl})"), P(f"{wl}) {wv}"), P(f"Option {wl}")],
          "value_without_letter": [P(str(ans))]}
    q = tmpl.format(n=n) + "\n" + optline
    return prob("multiple choice", q, gold, fr, wr,
                [f"Work it out directly for {n}: the value is {ans}.", f"Matching against the options, {ans} is listed as ({L})."],
                "So the correct choice is {A}.", "if the question had used a different number, the choice might have been {H}",
                "the choice", "which option is correct")


TEXT_QS = [
    ("What is the name of a polygon with {n} sides?", {5: "pentagon", 6: "hexagon", 7: "heptagon", 8: "octagon", 10: "decagon", 12: "dodecagon"}),
    ("Is {n} prime or composite?", None),
    ("Is {n} even or odd?", None),
    ("A triangle has sides {n}. Classify it as acute, right, or obtuse.", None),
]


def f_text():
    t = R.randrange(4)
    if t == 0:
        n = R.choice([5, 6, 7, 8, 10, 12])
        ans = TEXT_QS[0][1][n]
        wrong = TEXT_QS[0][1][R.choice([k for k in TEXT_QS[0][1] if k != n])]
        q = TEXT_QS[0][0].format(n=n)
        steps = [f"Greek prefixes count the sides; {n} sides uses the prefix for {n}."]
    elif t == 1:
        n = R.randint(20, 200)
        ans = "prime" if sp.isprime(n) else "composite"
        wrong = "composite" if ans == "prime" else "prime"
        q = TEXT_QS[1][0].format(n=n)
        f = sp.factorint(n)
        steps = [f"Check divisors up to $\\sqrt{{{n}}} \\approx {int(n**0.5)}$.",
                 f"{'No divisor is found.' if ans == 'prime' else 'It factors as ' + MIDDOT.join(str(p) + ('^' + str(e) if e > 1 else '') for p, e in f.items()) + '.'}"]
    elif t == 2:
        a, b = R.randint(3, 19), R.randint(3, 19)
        n = a * b + R.randint(0, 1)
        ans = "even" if n % 2 == 0 else "odd"
        wrong = "odd" if ans == "even" else "even"
        q = f"Is ${a} \\times {b} + {n - a*b}$ even or odd?"
        steps = [f"${a} \\times {b} = {a*b}$, and adding {n-a*b} gives {n}.", f"The last digit of {n} is {n % 10}."]
    else:
        trip = R.choice([(3, 4, 5), (5, 12, 13), (4, 5, 6), (2, 3, 4), (6, 8, 10), (5, 6, 7), (3, 5, 7), (7, 24, 25)])
        a, b, c = trip
        ans = "right" if a * a + b * b == c * c else ("acute" if a * a + b * b > c * c else "obtuse")
        wrong = R.choice([w for w in ("acute", "right", "obtuse") if w != ans])
        q = f"A triangle has sides {a}, {b}, {c}. Classify it as acute, right, or obtuse."
        steps = [f"Compare $a^2 + b^2 = {a*a} + {b*b} = {a*a+b*b}$ with $c^2 = {c*c}$."]
    gold = ans
    art = "an" if ans[0] in "aeiou" else "a"
    fr = [P(ans), P(ans.capitalize()), T(f"\\text{{{ans}}}"), P(f"**{ans.upper()}**"), P(f"{art} {ans}") if t == 0 else P(ans.upper())]
    wr = {"near_miss": [P(wrong), P(wrong.capitalize())]}
    return prob("text", q, gold, fr, wr, steps, "So the answer is {A}.",
                f"it would be {{H}} only under a different reading", "the classification", "the requested word")


def f_words():
    t = R.randrange(3)
    if t < 2:
        P0 = f_integer() if t == 0 else None
        if P0 is None or not P0["gold"].lstrip("-").isdigit() or int(P0["gold"]) < 0 or int(P0["gold"]) > 999:
            n = R.choice(NAMES)
            a, b = R.randint(3, 15), R.randint(3, 15)
            g = a * b + R.randint(0, 9)
            extra = g - a * b
            P0 = prob("number words", f"{n} stacks {a} rows of {b} chairs and then adds {extra} more. How many chairs are there?",
                      str(g), [], {}, [f"The rows give {a} \u00d7 {b} = {a*b} chairs.", f"Adding {extra} more gives {g}."],
                      f"So there are {{A}} chairs.", "without the extras there would be {H}", "the chair count",
                      "the total number of chairs", [(f"{a}*{b}", a * b), (f"{a*b}+{extra}", g)])
        g = int(P0["gold"])
        P0["kind"] = "number words"
        P0["gold"] = str(g)
        fr = [P(words(g)), P(words(g, use_and=True)), P(words(g).capitalize()), P(str(g))]
        if g > 20 and g % 10:
            fr.append(P(words(g, hyphen=False)))
        w1 = g + R.choice([-10, -1, 1, 10]) if g > 10 else g + 1
        wr = {"near_miss": [P(words(w1)), P(words(int(str(g)[::-1])) if str(g)[::-1] != str(g) and not str(g).endswith("0") else words(g + 2))]}
        P0["forms"], P0["wrongs"] = fr, wr
        return P0
    num, den = R.choice([(2, 3), (1, 2), (3, 4), (1, 3), (2, 5), (3, 8), (5, 6), (1, 4)])
    g = Fraction(num, den)
    dn = {2: ("half", "halves"), 3: ("third", "thirds"), 4: ("quarter", "quarters"), 5: ("fifth", "fifths"), 6: ("sixth", "sixths"), 8: ("eighth", "eighths")}[den]
    wtxt = f"{'one' if num == 1 else ONES[num]} {dn[0] if num == 1 else dn[1]}"
    other = Fraction(num, den + 1) if Fraction(num, den + 1) != g else Fraction(num + 1, den + 2)
    odn = other.denominator
    k = R.randint(2, 6)
    fr = [P(wtxt), P(wtxt.replace(" ", "-")), T(tex_frac(g)), P(plain_frac(g))]
    if den == 4:
        fr.append(P(f"{ONES[num]} fourth{'s' if num > 1 else ''}"))
    wrongs = {"near_miss": [P(f"{ONES[den]} {({2:'halves',3:'thirds',4:'quarters',5:'fifths',6:'sixths',8:'eighths'}.get(num, 'sevenths'))}") if num in (2, 3, 4, 5, 6, 8) and num != den else P(f"{ONES[num+1]} {dn[1]}") if num + 1 < den else P(f"one {dn[0]}")]}
    return prob("number words", f"A pizza is cut into {den*k} equal slices and {num*k} are eaten. What fraction of the pizza was eaten? (Simplify.)",
                tex_frac(g), fr, wrongs,
                [f"The eaten fraction is $\\frac{{{num*k}}}{{{den*k}}}$.", f"Dividing top and bottom by {k} gives $\\frac{{{num}}}{{{den}}}$."],
                "So the answer is {A} of the pizza.", "if one more slice had been eaten, it would be more than {H}",
                "the fraction eaten", "the fraction of the pizza eaten")


def f_radical():
    t = R.randrange(3)
    if t == 0:
        a, b = R.randint(1, 8), R.randint(1, 8)
        s = a * a + b * b
        if sp.sqrt(s).is_Integer:
            return f_radical()
        out, rad = 1, s
        for p in range(10, 1, -1):
            if rad % (p * p) == 0:
                out, rad = out * p, rad // (p * p)
        gs = (f"{out}\\sqrt{{{rad}}}" if out > 1 else f"\\sqrt{{{rad}}}")
        fr = [T(gs), T(f"\\sqrt{{{s}}}"), T(f"{out} \\cdot \\sqrt{{{rad}}}" if out > 1 else f"\\sqrt{{{rad}}}"), P(f"{out}*sqrt({rad})" if out > 1 else f"sqrt({rad})"),
              T(f"{gs} \\approx {float(out*rad**0.5):.2f}")]
        val = out * rad ** 0.5
        wr = {"rounded_decimal": [P(f"{val:.2f}"), P(f"{val:.1f}")], "near_miss": [T(f"\\sqrt{{{a+b}}}"), T(f"{out+1}\\sqrt{{{rad}}}")]}
        return prob("radicals/pi", f"A right triangle has legs {a} and {b}. Find the exact length of the hypotenuse.", gs, fr, wr,
                    [f"By Pythagoras, $c^2 = {a}^2 + {b}^2 = {a*a} + {b*b} = {s}$.", f"So $c = \\sqrt{{{s}}}$" + (f" $= {gs}$." if out > 1 else ".")],
                    "The hypotenuse is {A}.", f"adding the legs instead would give {{H}}", "the hypotenuse", "the exact hypotenuse length")
    r = R.randint(2, 12)
    if t == 1:
        g = r * r
        gs = f"{g}\\pi"
        fr = [T(gs), T(f"{g} \\pi"), P(f"{g}\u03c0"), T(f"\\pi \\cdot {g}"), T(f"{g}\\pi \\approx {g*3.14159:.2f}"), P(f"{g}*pi")]
        wr = {"rounded_decimal": [P(f"{g*3.14159265:.2f}"), P(f"{g*3.14:.2f}")], "near_miss": [T(f"{2*r}\\pi"), T(f"{r}\\pi")]}
        return prob("radicals/pi", f"Find the exact area of a circle with radius {r}.", gs, fr, wr,
                    [f"Area is $\\pi r^2$ with $r = {r}$.", f"$r^2 = {g}$, so the area is ${g}\\pi$."],
                    "So the area is {A} square units.", "the circumference would instead be {H}", "the area", "the exact area of the circle")
    g = 2 * r
    gs = f"{g}\\pi"
    fr = [T(gs), T(f"{g} \\pi"), P(f"{g}\u03c0"), T(f"{g}\\pi \\text{{ cm}}"), T(f"2 \\cdot {r} \\pi")]
    wr = {"rounded_decimal": [P(f"{g*3.14159265:.2f}")], "near_miss": [T(f"{r*r}\\pi"), T(f"{r}\\pi")]}
    return prob("radicals/pi", f"Find the exact circumference of a circle of radius {r} cm.", gs, fr, wr,
                [f"Circumference is $2\\pi r$.", f"$2 \\cdot {r} = {g}$."],
                "The circumference is {A}.", "the area would instead be {H}", "the circumference", "the exact circumference")


FACTORIES = {
    "integer": f_integer, "decimal": f_decimal, "fraction": f_fraction, "mixed number": f_mixed,
    "percent": f_percent, "currency": f_currency, "units": f_units, "time": f_time,
    "scientific notation": f_sci, "N million": f_million, "expression": f_expression,
    "equation": f_equation, "system": f_system, "tuple": f_tuple, "ordered pair": f_pair,
    "set": f_set, "interval": f_interval, "inequality": f_inequality, "matrix": f_matrix,
    "vector": f_vector, "complex": f_complex, "\u00b1": f_pm, "multiple choice": f_mc,
    "text": f_text, "number words": f_words, "radicals/pi": f_radical,
}


# ---------------------------------------------------------------- independent checker
TRANS = standard_transformations + (implicit_multiplication_application, convert_xor, rationalize)


def strip_markup(s):
    s = s.strip().replace("\\\\", "\x00")
    s = re.sub(r"^\\boxed\{(.*)\}$", r"\1", s)
    s = s.replace("**", "").replace("\\$", "").replace("$", "")
    s = re.sub(r"\\(text|mathrm|textbf)\{([^{}]*)\}", r"\2", s)
    for a in ["\\left", "\\right", "\\,", "\\!", "\\ ", "\\displaystyle"]:
        s = s.replace(a, " " if a in ("\\,", "\\ ") else "")
    s = s.replace("\\dfrac", "\\frac").replace("\\tfrac", "\\frac")
    s = re.split(r"\\approx", s)[0]
    return s.strip().rstrip(".").strip().replace("\x00", "\\\\")


def latex_to_sympy(s):
    s = s.replace("\u03c0", "pi").replace("\\pi", " pi ").replace("\u00b7", "*").replace("\\cdot", "*").replace("\\times", "*")
    s = re.sub(r"\\frac\{([^{}]*)\}\{([^{}]*)\}", r"((\1)/(\2))", s)
    s = re.sub(r"\\frac(\d)(\d)", r"((\1)/(\2))", s)
    s = re.sub(r"\\sqrt\{([^{}]*)\}", r"sqrt(\1)", s)
    s = re.sub(r"\\sqrt(\d)", r"sqrt(\1)", s)
    s = s.replace("{", "(").replace("}", ")").replace("^", "**")
    return s


def num_value(s, kind=None):
    s = strip_markup(s)
    s = s.replace("{,}", ",")
    if re.fullmatch(r"[a-zA-Z\- ]+", s) and s.lower() not in ("pi",):
        return sp.Rational(parse_words(s))
    low = s.lower()
    mult = 1
    for w, m in (("million", 10 ** 6), ("billion", 10 ** 9), ("thousand", 10 ** 3)):
        if w in low:
            mult = m
            low = low.replace(w, "")
    s = low
    s = re.sub(r"^(usd|us\$)\s*", "", s)
    s = re.sub(r"^[a-z]\s*=\s*", "", s)            # x = 5
    s = re.sub(r"^\\gcd\([^)]*\)\s*=\s*", "", s)
    s = re.sub(r"\^\{?\\circ\}?|\u00b0", "", s)
    s = re.sub(r"\s*(dollars|cents|\u00a2|cm|mm|centimeters|meters|kilometers|km|m|degrees|apples)\b\s*", " ", s).strip()
    s = s.replace("\u00a2", "").strip()
    s = re.sub(r"(?<=\d),(?=\d{3})", "", s)
    m = re.fullmatch(r"(-?\d+)\s*\\frac\{(\d+)\}\{(\d+)\}", s) or re.fullmatch(r"(-?\d+)\s+(\d+)/(\d+)", s)
    if m:
        w, a, b = int(m.group(1)), int(m.group(2)), int(m.group(3))
        v = abs(w) + sp.Rational(a, b)
        return (-v if (w < 0 or m.group(1).startswith("-")) else v) * mult
    m = re.fullmatch(r"(-?[\d.]+)\s*(?:e|x\s*10\^|\*\s*10\^)\s*\{?\(?(-?\d+)\)?\}?", s.replace("\\times", "*"))
    if m:
        return sp.Rational(m.group(1)) * sp.Integer(10) ** int(m.group(2)) * mult
    e = parse_expr(latex_to_sympy(s), transformations=TRANS, local_dict={"pi": sp.pi, "x": X})
    return sp.nsimplify(e) * mult if e.free_symbols else e * mult


def canon_time(s):
    s = strip_markup(s).lower().replace(" ", "")
    md = re.fullmatch(r"(\d+)minutes", s)
    if md:
        return ("duration", int(md.group(1)))
    m = re.fullmatch(r"(\d{1,2}):(\d{2})(am|pm|a\.m\.?|p\.m\.?)?", s)
    if not m:
        raise ValueError(s)
    h, mi, suf = int(m.group(1)), int(m.group(2)), m.group(3)
    if suf:
        h = h % 12 + (12 if suf.startswith("p") else 0)
        return h * 60 + mi
    if h >= 13 or m.group(1).startswith("0") or h == 0:
        return h * 60 + mi
    return ("ambiguous", h, mi)


def split_top(s):
    out, depth, cur = [], 0, ""
    for ch in s:
        if ch in "([{":
            depth += 1
        if ch in ")]}":
            depth -= 1
        if ch == "," and depth == 0:
            out.append(cur)
            cur = ""
        else:
            cur += ch
    out.append(cur)
    return [o.strip() for o in out if o.strip()]


def canon_seq(s):
    """returns ('tuple'|'set'|'bracket', values)"""
    s = strip_markup(s)
    if "begin{" in s:
        body = re.sub(r"\\(begin|end)\{[pb]matrix\}", "", s)
        rows = [r.strip() for r in body.split("\\\\")]
        return ("tuple", tuple(num_value(r) for r in rows))
    if s.startswith("\\{") or s.startswith("\\lbrace"):
        inner = s[2:-2]
        return ("set", frozenset(num_value(v) for v in split_top(inner)))
    if s.startswith("\\langle"):
        return ("tuple", tuple(num_value(v) for v in split_top(s[len("\\langle"):-len("\\rangle")])))
    if s.startswith("(") and s.endswith(")"):
        return ("tuple", tuple(num_value(v) for v in split_top(s[1:-1])))
    if s.startswith("[") and s.endswith("]"):
        return ("bracket", tuple(num_value(v) for v in split_top(s[1:-1])))
    # assignments x = a, y = b  /  x = a or x = b
    parts = re.split(r",|\bor\b|\band\b", s)
    assign = {}
    vals = []
    for p in parts:
        p = p.strip()
        if not p:
            continue
        m = re.fullmatch(r"([a-z])\s*=\s*(.+)", p)
        if m:
            assign.setdefault(m.group(1), []).append(num_value(m.group(2)))
            vals.append(num_value(m.group(2)))
        else:
            vals.append(num_value(p))
    if set(assign) == {"x", "y"} and all(len(v) == 1 for v in assign.values()):
        return ("tuple", (assign["x"][0], assign["y"][0]))
    return ("list", tuple(vals))


def canon_interval(s):
    s = strip_markup(s).replace("\\infty", "INF").replace("\\geq", "\\ge").replace("\\leq", "\\le").replace("\\in", "").replace("INF", "\\infty")
    s = re.sub(r"^x\s*", "", s) if s.startswith("x") and not re.match(r"x\s*(<|>|\\ge|\\le)", s) else s
    s = s.strip()
    inf = sp.oo
    m = re.fullmatch(r"([\[(])\s*(.+?)\s*,\s*(.+?)\s*([\])])", s)
    if m:
        lo = -inf if "infty" in m.group(2) else num_value(m.group(2))
        hi = inf if "infty" in m.group(3) else num_value(m.group(3))
        return (lo, hi, m.group(1) == "[", m.group(4) == "]")
    m = re.fullmatch(r"(-?\d+)\s*(<|\\le)\s*x\s*(<|\\le)\s*(-?\d+)", s)
    if m:
        return (num_value(m.group(1)), num_value(m.group(4)), m.group(2) == "\\le", m.group(3) == "\\le")
    m = re.fullmatch(r"x\s*(<|>|\\ge|\\le)\s*(-?\d+)", s)
    if m:
        v, r = num_value(m.group(2)), m.group(1)
        return (v, inf, r == "\\ge", False) if r in (">", "\\ge") else (-inf, v, False, r == "\\le")
    m = re.fullmatch(r"(-?\d+)\s*(<|>|\\ge|\\le)\s*x", s)
    if m:
        v, r = num_value(m.group(1)), m.group(2)
        return (v, inf, r == "\\le", False) if r in ("<", "\\le") else (-inf, v, False, r == "\\ge")
    raise ValueError(s)


def canon_matrix(s):
    s = strip_markup(s)
    if s.startswith("[["):
        rows = json.loads(s)
        return tuple(tuple(sp.Integer(v) for v in r) for r in rows)
    body = re.sub(r"\\(begin|end)\{[pb]matrix\}", "", s)
    return tuple(tuple(num_value(c) for c in r.split("&")) for r in body.split("\\\\"))


def canon_mc(s):
    s = strip_markup(s)
    m = re.fullmatch(r"\(?([A-E])\)?(\s+-?\d+)?", s) or re.fullmatch(r"Option ([A-E])", s) or re.fullmatch(r"([A-E])\)\s*-?\d+", s)
    return m.group(1) if m else None


def canon_text(s):
    s = strip_markup(s).lower().strip()
    s = re.sub(r"^(an?|the)\s+", "", s)
    return s


def canon_eq(s):
    s = strip_markup(s)
    l, r = s.split("=")
    f = lambda t: parse_expr(latex_to_sympy(t), transformations=TRANS, local_dict={"x": X, "y": Y})
    return sp.expand(f(l) - f(r))


def canon_expr(s):
    s = strip_markup(s)
    s = re.sub(r"^(f\^\{-1\}\(x\)|f\^\(-1\)\(x\)|y)\s*=\s*", "", s)
    return parse_expr(latex_to_sympy(s), transformations=TRANS, local_dict={"x": X})


def equiv(kind, ans, gold):
    """independent equality of one final answer string vs gold"""
    try:
        if kind in ("integer", "decimal", "fraction", "mixed number", "currency", "units",
                    "scientific notation", "N million", "number words", "radicals/pi"):
            return sp.simplify(num_value(ans) - num_value(gold)) == 0
        if kind == "percent":
            a, g = strip_markup(ans), strip_markup(gold)
            f = lambda t: num_value(t.replace("\\%", "").replace("%", "").replace("percent", ""))
            return f(a) == f(g)
        if kind == "time":
            a, g = canon_time(ans), canon_time(gold)
            return not isinstance(a, tuple) and a == g
        if kind == "expression":
            return sp.simplify(canon_expr(ans) - canon_expr(gold)) == 0
        if kind == "equation":
            q = sp.simplify(canon_eq(ans) / canon_eq(gold))
            return q.is_number and q != 0
        if kind == "complex":
            f = lambda t: parse_expr(latex_to_sympy(strip_markup(t)), transformations=TRANS, local_dict={"i": sp.I})
            return sp.simplify(f(ans) - f(gold)) == 0
        if kind in ("system", "tuple", "ordered pair", "vector"):
            a, g = canon_seq(ans), canon_seq(gold)
            return a[0] == "tuple" and g[0] == "tuple" and len(a[1]) == len(g[1]) and all(sp.simplify(p - q) == 0 for p, q in zip(a[1], g[1]))
        if kind in ("set", "\u00b1"):
            def toset(t):
                t2 = strip_markup(t)
                m = re.fullmatch(r"(?:x\s*=\s*)?(\\pm|\u00b1)\s*(.+)", t2)
                if m:
                    v = num_value(m.group(2))
                    return frozenset([v, -v])
                c = canon_seq(t)
                if c[0] in ("set", "list"):
                    return frozenset(c[1])
                return None
            return toset(ans) is not None and toset(ans) == toset(gold)
        if kind in ("interval", "inequality"):
            return canon_interval(ans) == canon_interval(gold)
        if kind == "matrix":
            return canon_matrix(ans) == canon_matrix(gold)
        if kind == "multiple choice":
            return canon_mc(ans) is not None and canon_mc(ans) == canon_mc(gold)
        if kind == "text":
            return canon_text(ans) == canon_text(gold)
    except Exception as e:  # unparsable -> treat as not verified
        return ("ERR", str(e))
    raise KeyError(kind)


# ---------------------------------------------------------------- rendering
def inl(f):
    s, tex = f
    return f"${s}$" if tex else s


def boxc(f):
    s, tex = f
    if not tex:
        s = s.replace("$", "\\$").replace("%", "\\%")
    return f"\\boxed{{{s}}}"


def plainish(f):
    s, tex = f
    return s


def step_text(Pr, k=None, latex=True):
    st = Pr["steps"] if k is None else Pr["steps"][:k]
    return st


def concl(Pr, f):
    return Pr["concl"].replace("{A}", inl(f))


GENERIC_WRONG_BRIDGE = [
    "That gives {G} for {noun}. Hmm, I think I need to account for one more adjustment, so {noun} is actually {W}.",
    "So far we have {G}. Carrying this one step further, {noun} becomes {W}.",
    "A first pass gives {G}, but re-checking the arithmetic I get {W} instead.",
]


# phrasing builders: each takes (Pr, f_final, ctx) -> reply text
def ph_boxed(Pr, f, c):
    body = " ".join(c["steps"])
    return f"{body}\n\nThus the answer is $" + boxc(f) + "$."


def ph_answer_is(Pr, f, c):
    return " ".join(c["steps"]) + f"\n\nThe answer is {inl(f)}."


def ph_hash(Pr, f, c):
    lines = []
    if Pr["calc"]:
        for e, v in Pr["calc"][: (len(Pr["calc"]) if c["full"] else max(1, len(Pr["calc"]) - 1))]:
            lines.append(f"{e.replace('*', ' x ')} = <<{e}={v}>>{v}")
    else:
        lines = [re.sub(r"\$", "", s) for s in c["steps"]]
    if Pr["calc"]:
        lines += c.get("bridge_lines", [])
    return "\n".join(lines) + f"\n#### {plainish(f)}"


def ph_bold(Pr, f, c):
    return " ".join(c["steps"]) + f"\n\nSo {Pr['noun']} is **{plainish(f) if not f[1] else inl(f)}**."


def ph_short(Pr, f, c):
    return inl(f) if R.random() < .5 else plainish(f)


def ph_final_line(Pr, f, c):
    return "\n".join(c["steps"]) + f"\nFinal answer: {inl(f)}"


def ph_conclude(Pr, f, c):
    return " ".join(c["steps"]) + " " + concl(Pr, f)


def ph_latex_plain(Pr, f, c):
    st = [re.sub(r"\$", "", s) for s in c["steps"]]
    disp = f[0] if f[1] else "\\text{" + f[0].replace("$", "\\$") + "}"
    return "\n".join(st) + f"\n\\[ {disp} \\]\nAnswer: {plainish(f)}"


def ph_markdown(Pr, f, c):
    out = [f"## Solution\n", f"We want {Pr['restate']}.\n"]
    for i, s in enumerate(c["steps"], 1):
        out.append(f"### Step {i}\n{s}\n")
    out.append("---\n")
    out.append(f"**Final Answer:** {inl(f)}")
    return "\n".join(out)


def ph_paren(Pr, f, c):
    return " ".join(c["steps"]) + f"\n\nAnswer: {inl(f)} (this follows from the computation above)."


def ph_qwen(Pr, f, c):
    return "\n\n".join(c["steps"]) + "\n\n**Final Answer**\n" + boxc(f)


def ph_cot_verify(Pr, f, c):
    return ("Let me think step by step.\n" + " ".join(c["steps"]) +
            f"\nLet me verify: plugging back in, the numbers are consistent with {Pr['restate']}. \u2713\n\nSo the answer is {inl(f)}.")


def ph_table(Pr, f, c):
    rows = ["| Step | Work |", "|---|---|"]
    for i, s in enumerate(c["steps"], 1):
        rows.append(f"| {i} | {s} |")
    rows.append(f"| **Answer** | {inl(f)} |")
    return "Here's the computation laid out:\n\n" + "\n".join(rows)


def ph_list(Pr, f, c):
    items = [f"{i}. {s}" for i, s in enumerate(c["steps"], 1)]
    items.append(f"{len(items)+1}. **Answer:** {inl(f)}")
    return "\n".join(items)


def ph_second(Pr, f, c):
    st = " ".join(c["steps"])
    return f"You can get this quickly. {st} When you put it together, you should find that {Pr['noun']} is {inl(f)}. That's your answer: {inl(f)}."


def ph_restate(Pr, f, c):
    return f"The question asks for {Pr['restate']}.\n\n" + " ".join(c["steps"]) + "\n\n" + concl(Pr, f)


def ph_gold_whole(Pr, f, c):
    return Pr["gold"]


def ph_gold_boxed(Pr, f, c):
    return "\\boxed{" + Pr["gold"] + "}"


SIMPLE_PH = {
    "boxed": ph_boxed, "answer_is": ph_answer_is, "hash_gsm8k": ph_hash, "bold": ph_bold,
    "short_reply": ph_short, "final_answer_line": ph_final_line, "concluding_sentence": ph_conclude,
    "latex_and_plain": ph_latex_plain, "long_markdown": ph_markdown, "paren_aside": ph_paren,
    "qwen_terse": ph_qwen, "cot_verify": ph_cot_verify, "table": ph_table, "numbered_list": ph_list,
    "second_person": ph_second, "restate_question": ph_restate,
}


def render_final(ph, Pr, f, c):
    if f[0] == "MULTIBOX":
        # set gold as several boxes
        vals = c["multibox"]
        return " ".join(c["steps"]) + "\n\nThe solutions are $" + "$ and $".join("\\boxed{%s}" % v for v in vals) + "$."
    return SIMPLE_PH[ph](Pr, f, c)


TRUE_DIST = ["none", "list_last_gold"]
GENERIC_FALSE = ["intermediate_gold", "hypothetical_aside", "conflicting"]


def multibox_vals(Pr):
    g = Pr["gold"].replace("\\{", "").replace("\\}", "")
    return [v.strip() for v in g.split(",")]


def make_row(kind, ph, dist):
    Pr = FACTORIES[kind]()
    c = {"steps": list(Pr["steps"]), "full": True}
    if kind == "set":
        c["multibox"] = multibox_vals(Pr)
    trues = [f for f in Pr["forms"] if not (f[0] == "MULTIBOX" and ph not in ("boxed",))]
    wrong_types = list(Pr["wrongs"])
    finals = []   # all final answer strings a grader would weigh
    forced_false = False
    if ph == "gold_whole" or ph == "gold_boxed":
        text = (ph_gold_whole if ph == "gold_whole" else ph_gold_boxed)(Pr, None, c)
        return Pr, text, [(Pr["gold"], True)], True, False, "gold string itself as the whole reply" if ph == "gold_whole" else "gold in \\boxed{}"
    if dist in TRUE_DIST:
        f = R.choice(trues)
        label = True
    else:
        if dist in GENERIC_FALSE:
            wt = R.choice(wrong_types)
        else:
            wt = dist
        f = R.choice(Pr["wrongs"][wt])
        label = False
    gold_f = R.choice([t for t in trues if t[0] != "MULTIBOX"])
    any_wrong = R.choice(Pr["wrongs"][R.choice(wrong_types)])
    if not label and dist not in ("intermediate_gold",):
        c["steps"] = c["steps"][:-1] if len(c["steps"]) > 1 else c["steps"]
        c["full"] = False
    why = ""
    if dist == "intermediate_gold":
        bridge = R.choice(GENERIC_WRONG_BRIDGE).replace("{G}", inl(gold_f)).replace("{W}", inl(f)).replace("{noun}", Pr["noun"])
        c["steps"].append(bridge)
        c["bridge_lines"] = [re.sub(r"\$", "", bridge)]
        why = "gold appears only as an intermediate value; final answer differs"
    if dist == "list_last_gold":
        cands = [inl(R.choice(Pr["wrongs"][w])) for w in R.sample(wrong_types, min(2, len(wrong_types)))]
        c["steps"].append("Candidates I considered along the way: " + ", ".join(cands + [inl(gold_f)]) + "; only the last one checks out.")
        c["bridge_lines"] = [re.sub(r"\$", "", c["steps"][-1])]
        f = gold_f
        why = "list of candidates ends with the gold, which is stated as final"
    if f[0] == "MULTIBOX":
        finals = [(", ".join(c["multibox"]), True)]
        text = render_final(ph, Pr, f, c)
        return Pr, text, finals, label, False, why or "solutions given in separate boxes form the gold set"

    # special phrasings
    if ph == "self_correction":
        if label:
            first = R.choice(Pr["wrongs"][R.choice(wrong_types)])
            why = why or "initial wrong value explicitly corrected to an answer equal to gold"
        else:
            first = gold_f
            why = why or "initially states gold, then 'corrects' to a wrong value"
        tmpl = R.choice([
            "{S}\n\nSo the answer is {F}.\n\nWait, let me re-check that last step. Actually, {noun} is {A}.\n\nCorrection: the final answer is {A}.",
            "{S} This gives {F}.\n\nHmm, wait \u2014 I made an arithmetic slip. Redoing it carefully, the answer is actually {A}.",
            "{S}\nAnswer: {F}\n\nCorrection: on re-reading the problem, the answer should be {A}.",
        ])
        text = tmpl.replace("{S}", " ".join(c["steps"])).replace("{F}", inl(first)).replace("{noun}", Pr["noun"]).replace("{A}", inl(f))
        finals = [f]
    elif ph == "two_answers":
        other = gold_f if not label else any_wrong
        a1, a2 = (f, other) if R.random() < .5 else (other, f)
        tmpl = R.choice([
            "{S}\n\nThe answer is {A1} or maybe {A2}.",
            "{S} So it's either {A1} or {A2}; I'm not fully sure which.",
            "{S}\n\nFinal answer: {A1}\n\nAlternatively, the answer could be {A2}.",
            "{S}\n\n$\\boxed{{B1}}$ ... or possibly $\\boxed{{B2}}$.",
        ])
        text = (tmpl.replace("{S}", " ".join(c["steps"])).replace("{A1}", inl(a1)).replace("{A2}", inl(a2))
                .replace("{{B1}}", boxc(a1)).replace("{{B2}}", boxc(a2)))
        finals = [a1, a2]
        label = False
        forced_false = True
        why = "hedges between two different answers"
    elif ph == "trailing_commentary":
        if dist == "hypothetical_aside":
            h = gold_f
            why = "final answer wrong; gold appears only in a hypothetical aside"
        else:
            h = any_wrong
            why = why or ("final answer equals gold; trailing hypothetical mentions a different value" if label else "final answer is wrong")
        text = (" ".join(c["steps"]) + f"\n\nThe answer is $" + boxc(f) + "$.\n\n(Note: " +
                Pr["hypo"].replace("{H}", inl(h)) + ", but that is not what was asked.)")
        finals = [f]
    else:
        if dist == "hypothetical_aside":
            text = render_final(ph, Pr, f, c) + "\n\n(For what it's worth, " + Pr["hypo"].replace("{H}", inl(gold_f)) + ".)"
            why = "final answer wrong; gold appears only in a hypothetical aside"
            finals = [f]
        elif dist == "conflicting":
            text = render_final(ph, Pr, f, c)
            # earlier committed final answer equal to gold, no correction marker
            text = text.rstrip() + R.choice(["\n\nAlso, the answer is {G}.", "\n\nAnswer: {G}", "\n\nSo, to summarize: {G}.", " My other result, {G}, is also a valid final answer."]).replace("{G}", inl(gold_f))
            finals = [f, gold_f]
            label = False
            forced_false = True
            why = "two different final answers given without any correction"
        else:
            text = render_final(ph, Pr, f, c)
            finals = [f]
    if not why:
        why = ("final answer " + f[0] + (" equals gold" if label else " != gold (" + dist + ")"))
    return Pr, text, finals, label, forced_false, why


PHRASINGS = list(SIMPLE_PH) + ["self_correction", "two_answers", "trailing_commentary"]


ERRS = []
DROPS = []


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "math_heldout2_2026-12-02.jsonl"
    rows, seen, dropped = [], set(), 0
    per_kind = 92
    for kind in FACTORIES:
        plan = [("gold_whole", "none")] * 3 + [("gold_boxed", "none")] * 3
        n_false = 0
        while len(plan) < per_kind:
            ph = R.choice(PHRASINGS)
            if ph == "two_answers":
                plan.append((ph, "conflicting"))
                continue
            if R.random() < 0.47:
                sample = FACTORIES[kind]()
                dist = R.choice(list(sample["wrongs"])) if R.random() < 0.6 else R.choice(GENERIC_FALSE)
            else:
                dist = R.choice(["none", "none", "none", "list_last_gold"])
            if ph == "self_correction" and dist in GENERIC_FALSE:
                dist = R.choice(list(sample["wrongs"]))
            if ph == "trailing_commentary" and dist in ("intermediate_gold", "conflicting", "list_last_gold"):
                dist = "hypothetical_aside"
            if ph == "short_reply" and dist in ("intermediate_gold", "list_last_gold"):
                ph = "answer_is"
            plan.append((ph, dist))
        for ph, dist in plan:
            for attempt in range(6):
                try:
                    Pr, text, finals, label, forced_false, why = make_row(kind, ph, dist)
                except KeyError:
                    continue
                if text in seen:
                    continue
                # independent verification
                checks = [equiv(kind, fs, Pr["gold"]) for fs, _ in finals]
                if any(isinstance(ch, tuple) for ch in checks):
                    ERRS.append((kind, [fs for fs, _ in finals], Pr["gold"], label, checks))
                checks = [False if isinstance(ch, tuple) else ch for ch in checks]
                vlabel = (not forced_false) and all(checks) and len(finals) >= 1
                if forced_false:
                    vlabel = False if (not all(checks)) else None
                if vlabel is None or vlabel != label:
                    DROPS.append((kind, ph, dist, [fs for fs, _ in finals], Pr["gold"], label, checks))
                    dropped += 1
                    continue
                seen.add(text)
                rows.append(dict(kind=kind, phrasing=ph, distractor=dist, gold=Pr["gold"], reply=text,
                                 correct=label, why=why, _q=Pr["q"], _finals=[f for f, _ in finals]))
                break
    R.shuffle(rows)
    with open(out, "w") as fh:
        for i, r in enumerate(rows, 1):
            rec = {"id": "mh2-%05d" % i, "split": SPLIT, "kind": r["kind"], "phrasing": r["phrasing"],
                   "distractor": r["distractor"], "gold": r["gold"], "reply": r["reply"],
                   "correct": r["correct"], "why": r["why"]}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print("rows", len(rows), "dropped", dropped, "parse errors", len(ERRS), file=sys.stderr)
    for e in ERRS:
        if e[3]:
            print("ERR-on-true", e, file=sys.stderr)
    if "--debug" in sys.argv:
        for d in DROPS:
            print("DROP", d, file=sys.stderr)


if __name__ == "__main__":
    main()
