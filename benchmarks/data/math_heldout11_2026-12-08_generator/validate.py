"""Independent check of each instance: parses every form's math string into a
comparable value with Fraction/sympy and asserts equal forms match the
canonical form and wrong forms do not. Raises on any mismatch."""
import re
from fractions import Fraction as Fr

import sympy as sp
from sympy.parsing.sympy_parser import parse_expr, standard_transformations, implicit_multiplication_application

from kinds import ONES, TENS

TR = standard_transformations + (implicit_multiplication_application,)
X, Y = sp.symbols("x y")


def clean(s):
    s = s.replace("\\dfrac", "\\frac").replace("\\tfrac", "\\frac").replace("\\left", "").replace("\\right", "")
    s = re.sub(r"\\(text|textbf|textit|mathrm)\{([^{}]*)\}", r"\2", s)
    s = s.strip("_").replace("**", "").replace("{,}", "").replace("\\,", " ").replace("\\$", "$")
    s = re.sub(r"(?<!\\)\\ ", " ", s)
    return s.strip()


def num(s):
    s = s.strip().replace(",", "")
    m = re.fullmatch(r"(-?\d+)\s*\\frac\{(\d+)\}\{(\d+)\}", s)
    if m:
        return int(m[1]) + Fr(int(m[2]), int(m[3]))
    m = re.fullmatch(r"(\d+) (\d+)/(\d+)", s)
    if m:
        return int(m[1]) + Fr(int(m[2]), int(m[3]))
    m = re.fullmatch(r"\\frac\{(-?\d+)\}\{(\d+)\}", s)
    if m:
        return Fr(int(m[1]), int(m[2]))
    m = re.fullmatch(r"(-?\d+)/(\d+)", s)
    if m:
        return Fr(int(m[1]), int(m[2]))
    m = re.fullmatch(r"([\d.]+)\s*\\times\s*10\^\{?(-?\d+)\}?", s)
    if m:
        return Fr(m[1]) * Fr(10) ** int(m[2])
    m = re.fullmatch(r"([\d.]+)e(-?\d+)", s)
    if m:
        return Fr(m[1]) * Fr(10) ** int(m[2])
    return Fr(s)


def word_num(s):
    s = s.lower().replace("-", " ").split()
    if len(s) == 1 and s[0].isdigit():
        return int(s[0])
    total = 0
    for w in s:
        total += ONES.index(w) if w in ONES else TENS.index(w) * 10
    return total


def poly(s):
    return sp.expand(parse_expr(s.replace("^", "**").replace("{", "(").replace("}", ")"), transformations=TR, local_dict={"x": X, "y": Y, "i": sp.I}))


def value(kind, s):
    s = clean(s)
    if kind in ("integer", "decimal", "fraction", "mixed_number", "scientific_notation"):
        if s.endswith("%"):
            return ("pct", num(s.rstrip("%").rstrip("\\")))
        return num(s)
    if kind == "percent":
        m = re.fullmatch(r"([\d.]+)\s*(\\%|%| percent)", s)
        return ("pct", Fr(m[1]))
    if kind == "currency":
        for sym, code in (("$", "USD"), ("€", "EUR"), ("£", "GBP"), ("USD ", "USD")):
            if s.startswith(sym):
                return (code, Fr(s[len(sym):]))
        m = re.fullmatch(r"([\d.]+) dollars", s)
        return ("USD", Fr(m[1]))
    if kind == "units":
        m = re.fullmatch(r"([\d.]+)\s*(\w+)(\^2)?", s)
        u = {"centimeters": "cm", "metres": "m", "inches": "in", "kilometers": "km"}.get(m[2], m[2])
        return (Fr(m[1]), u, bool(m[3]))
    if kind == "time":
        m = re.fullmatch(r"(\d+):(\d\d)\s*([AaPp]\.?[Mm]\.?)?", s)
        h = int(m[1])
        if m[3]:
            h = h % 12 + (12 if m[3][0] in "Pp" else 0)
        return h * 60 + int(m[2])
    if kind == "number_words":
        return word_num(s)
    if kind == "expression":
        return poly(s)
    if kind == "equation":
        lhs, rhs = s.split("=")
        return sp.solve(sp.Eq(poly(lhs), poly(rhs)), Y)[0]
    if kind == "system":
        d = {}
        for part in re.split(r",| and ", s):
            k, v = part.split("=")
            d[k.strip()] = int(v)
        return tuple(sorted(d.items()))
    if kind in ("tuple", "ordered_pair", "vector", "set"):
        nums = tuple(int(v) for v in re.findall(r"-?\d+", s))
        if s.startswith("\\{"):
            return ("set", frozenset(nums))
        return ("seq", nums)
    if kind == "matrix":
        if s.startswith("[["):
            return tuple(tuple(r) for r in eval(s))
        body = re.sub(r"\\(begin|end)\{[pb]matrix\}", "", s)
        return tuple(tuple(int(v) for v in row.split("&")) for row in body.split("\\\\"))
    if kind == "complex":
        return sp.expand(poly(s))
    if kind == "plus_minus":
        s = s.replace("x =", "").strip()
        s = re.sub(r"\\sqrt\{(\d+)\}", r"sqrt(\1)", s)
        s = re.sub(r"\\frac\{(.*)\}\{(\d+)\}", r"(\1)/\2", s)
        if "\\pm" in s:
            parts = [s.replace("\\pm", "+"), s.replace("\\pm", "-")]
        else:
            parts = s.split(",")
        return frozenset(sp.nsimplify(sp.sympify(p)) for p in parts)
    if kind == "interval":
        m = re.fullmatch(r"([\[(])\s*(-?\d+),\s*(-?\d+)\s*([\])])", s)
        return (m[1], int(m[2]), int(m[3]), m[4])
    if kind == "inequality":
        s = s.replace("\\geq", ">=").replace("\\leq", "<=")
        m = re.fullmatch(r"x\s*(>=|<=|>|<)\s*(-?\d+)", s)
        if m:
            return (m[1], int(m[2]))
        m = re.fullmatch(r"(-?\d+)\s*(>=|<=|>|<)\s*x", s)
        return ({">": "<", "<": ">", ">=": "<=", "<=": ">="}[m[2]], int(m[1]))
    if kind == "multiple_choice":
        return re.match(r"\(?([A-E])\)?", s)[1]
    if kind == "text":
        return s.lower()
    raise ValueError(kind)


def check_instance(kind, inst):
    g = value(kind, inst["canon"][0])
    for (m, _p), note in inst["equiv"]:
        assert value(kind, m) == g, (kind, "equiv", m, inst["canon"][0], note)
    for (m, _p), note in inst["near"] + inst["trap"]:
        assert value(kind, m) != g, (kind, "wrong", m, inst["canon"][0], note)
    # plain forms must render the same value as the math form (where parseable)
    for (m, p), _ in inst["equiv"] + inst["near"] + inst["trap"] + [(inst["canon"], "")]:
        bare = p[1:-1] if p.startswith("$") and p.endswith("$") and p.count("$") == 2 else p
        if kind in ("plus_minus", "system"):
            continue
        assert value(kind, bare) == value(kind, m), (kind, "plain", p, m)
