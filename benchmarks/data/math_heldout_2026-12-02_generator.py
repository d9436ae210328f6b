#!/usr/bin/env python3
"""Deterministic generator for the math_heldout_2026-12-02 split.

Written by a helper that never read the checker.  Crosses
kinds x phrasings x distractors.  Every variant carries an explicitly
authored semantic value; labels are re-derived by comparing the semantic
value of the final answer actually inserted against the gold's value
(sympy / exact rational arithmetic), and a second light string
normaliser cross-checks numeric variants.  Rows where routes disagree are
dropped.  Run:  python3 math_heldout_2026-12-02_generator.py
"""
import json, random, re, sys, os
from fractions import Fraction
import sympy as sp

SEED = 20261202
rng = random.Random(SEED)
x, y, z = sp.symbols("x y z")
LOC = {"x": x, "y": y, "z": z, "I": sp.I, "pi": sp.pi, "sqrt": sp.sqrt}

def _e(s):
    return sp.nsimplify(sp.sympify(s, locals=LOC, rational=True))

# ---- semantic constructors -------------------------------------------------
def N(s): return ("num", _e(s))
def T(*a): return ("tup", tuple(_e(v) for v in a))
def S(*a): return ("set", tuple(_e(v) for v in a))
def IV(l, r, lo, ro): return ("iv", sp.Interval(_e(l), _e(r), lo, ro))
def M(rows): return ("mat", sp.ImmutableMatrix([[_e(v) for v in r] for r in rows]))
def TX(s): return ("txt", s.lower())
def L(s): return ("let", s.upper())
def TM(h, m): return ("time", h * 60 + m)
def TA(h, m): return ("time_ambiguous", h * 60 + m)
def EQ(l, r): return ("eqn", sp.expand(_e(l) - _e(r)))
def E(s): return ("expr", _e(s))
def LST(*a): return ("list", tuple(a))
OO = "oo"

def sem_equal(a, b):
    if a[0] != b[0]:
        return False
    t = a[0]
    if t in ("num", "expr", "eqn"):
        return sp.simplify(a[1] - b[1]) == 0
    if t == "tup":
        return len(a[1]) == len(b[1]) and all(sp.simplify(p - q) == 0 for p, q in zip(a[1], b[1]))
    if t == "set":
        A, B = list(a[1]), list(b[1])
        if len(set(A)) != len(A) or len(set(B)) != len(B) or len(A) != len(B):
            return False
        return all(any(sp.simplify(p - q) == 0 for q in B) for p in A)
    if t == "mat":
        return a[1].shape == b[1].shape and sp.simplify(a[1] - b[1]) == sp.zeros(*a[1].shape)
    return a[1] == b[1]

# ---- items: kind -> list of (gold, gold_sem, trues, falses) ------------------
# trues: [(string, sem)] ; falses: [(string, sem, distractor)]
K = {}
K["integer"] = [
 ("12", N("12"), [("12", N("12")), ("12.0", N("12")), ("x = 12", N("12")), ("12 apples", N("12"))],
  [("13", N("13"), "near miss"), ("-12", N("-12"), "sign error"), ("21", N("21"), "swapped order"), ("1.2", N("1.2"), "near miss")]),
 ("45", N("45"), [("45", N("45")), ("45.00", N("45")), ("n = 45", N("45"))],
  [("54", N("54"), "swapped order"), ("44", N("44"), "near miss"), ("-45", N("-45"), "sign error"), ("4.5", N("4.5"), "near miss")]),
 ("1000", N("1000"), [("1,000", N("1000")), ("1000", N("1000")), ("10^3", N("1000"))],
  [("100", N("100"), "near miss"), ("10000", N("10000"), "near miss"), ("1,001", N("1001"), "near miss")]),
 ("-7", N("-7"), [("-7", N("-7")), ("x = -7", N("-7")), ("−7".replace("−", "-"), N("-7"))],
  [("7", N("7"), "sign error"), ("-8", N("-8"), "near miss"), ("-\\frac{1}{7}", N("-1/7"), "near miss")]),
]
K["decimal"] = [
 ("0.5", N("1/2"), [("1/2", N("1/2")), ("\\frac{1}{2}", N("1/2")), ("0.50", N("1/2")), (".5", N("1/2")), ("\\dfrac{1}{2}", N("1/2"))],
  [("0.05", N("0.05"), "near miss"), ("5", N("5"), "near miss"), ("-0.5", N("-0.5"), "sign error"), ("0.55", N("0.55"), "near miss")]),
 ("2.75", N("11/4"), [("\\frac{11}{4}", N("11/4")), ("2 3/4", N("11/4")), ("2.750", N("11/4"))],
  [("2.7", N("2.7"), "near miss"), ("2.57", N("2.57"), "swapped order"), ("27.5", N("27.5"), "near miss"), ("-2.75", N("-2.75"), "sign error")]),
 ("0.125", N("1/8"), [("1/8", N("1/8")), ("\\frac18", N("1/8")), ("0.1250", N("1/8"))],
  [("0.12", N("0.12"), "near miss"), ("0.13", N("0.13"), "near miss"), ("1/80", N("1/80"), "near miss")]),
 ("3.6", N("18/5"), [("18/5", N("18/5")), ("3.60", N("18/5")), ("3\\frac{3}{5}", N("18/5"))],
  [("3.06", N("3.06"), "near miss"), ("36", N("36"), "near miss"), ("-3.6", N("-3.6"), "sign error"), ("6.3", N("6.3"), "swapped order")]),
]
K["fraction"] = [
 ("\\frac{2}{3}", N("2/3"), [("2/3", N("2/3")), ("\\dfrac{2}{3}", N("2/3")), ("4/6", N("2/3")), ("\\frac{4}{6}", N("2/3"))],
  [("0.67", N("0.67"), "near miss"), ("0.667", N("0.667"), "near miss"), ("3/2", N("3/2"), "swapped order"), ("-\\frac{2}{3}", N("-2/3"), "sign error"), ("\\frac{2}{5}", N("2/5"), "near miss")]),
 ("5/12", N("5/12"), [("\\frac{5}{12}", N("5/12")), ("10/24", N("5/12")), ("\\tfrac{5}{12}", N("5/12"))],
  [("0.42", N("0.42"), "near miss"), ("12/5", N("12/5"), "swapped order"), ("5/13", N("5/13"), "near miss")]),
 ("\\frac{7}{4}", N("7/4"), [("1.75", N("7/4")), ("1 3/4", N("7/4")), ("7/4", N("7/4"))],
  [("1.7", N("1.7"), "near miss"), ("4/7", N("4/7"), "swapped order"), ("-7/4", N("-7/4"), "sign error")]),
 ("3/8", N("3/8"), [("0.375", N("3/8")), ("\\frac{3}{8}", N("3/8")), ("6/16", N("3/8"))],
  [("0.38", N("0.38"), "near miss"), ("8/3", N("8/3"), "swapped order"), ("3/4", N("3/4"), "near miss")]),
]
K["mixed number"] = [
 ("2 1/2", N("5/2"), [("5/2", N("5/2")), ("2.5", N("5/2")), ("\\frac{5}{2}", N("5/2")), ("2\\frac{1}{2}", N("5/2"))],
  [("2 1/4", N("9/4"), "near miss"), ("1/2", N("1/2"), "missing element"), ("-2 1/2", N("-5/2"), "sign error"), ("21/2", N("21/2"), "near miss")]),
 ("3\\frac{3}{4}", N("15/4"), [("15/4", N("15/4")), ("3.75", N("15/4")), ("3 3/4", N("15/4"))],
  [("3/4", N("3/4"), "missing element"), ("9/4", N("9/4"), "near miss"), ("3 4/3", N("13/3"), "swapped order")]),
 ("1 2/3", N("5/3"), [("5/3", N("5/3")), ("\\frac{5}{3}", N("5/3")), ("1\\tfrac{2}{3}", N("5/3"))],
  [("1.67", N("1.67"), "near miss"), ("2/3", N("2/3"), "missing element"), ("1 3/2", N("5/2"), "swapped order")]),
 ("4 1/8", N("33/8"), [("33/8", N("33/8")), ("4.125", N("33/8")), ("4\\frac18", N("33/8"))],
  [("4.18", N("4.18"), "near miss"), ("4 1/4", N("17/4"), "near miss"), ("4.8", N("4.8"), "near miss")]),
]
K["percent"] = [
 ("75\\%", N("75"), [("75", N("75")), ("75%", N("75")), ("75 percent", N("75")), ("75.0\\%", N("75"))],
  [("0.75", N("3/4"), "percent/fraction mix"), ("3/4", N("3/4"), "percent/fraction mix"), ("7.5%", N("7.5"), "near miss"), ("25%", N("25"), "near miss"), ("-75%", N("-75"), "sign error")]),
 ("12.5%", N("12.5"), [("12.5", N("12.5")), ("12.5 percent", N("12.5")), ("12.5\\%", N("12.5")), ("12\\frac{1}{2}\\%", N("12.5"))],
  [("0.125", N("0.125"), "percent/fraction mix"), ("1/8", N("1/8"), "percent/fraction mix"), ("12%", N("12"), "near miss"), ("125%", N("125"), "near miss")]),
 ("40", N("40"), [("40%", N("40")), ("40 percent", N("40")), ("40\\%", N("40"))],
  [("0.4", N("0.4"), "percent/fraction mix"), ("2/5", N("2/5"), "percent/fraction mix"), ("60%", N("60"), "near miss"), ("4%", N("4"), "near miss")]),
 ("150%", N("150"), [("150", N("150")), ("150\\%", N("150")), ("150 percent", N("150"))],
  [("1.5", N("1.5"), "percent/fraction mix"), ("50%", N("50"), "near miss"), ("15%", N("15"), "near miss")]),
]
K["currency"] = [
 ("18", N("18"), [("$18", N("18")), ("18 dollars", N("18")), ("\\$18.00", N("18")), ("$18.00", N("18"))],
  [("$81", N("81"), "swapped order"), ("1800 cents", N("1800"), "unit conversion"), ("$17", N("17"), "near miss"), ("$19.80", N("19.8"), "near miss")]),
 ("\\$4.50", N("4.5"), [("4.5", N("4.5")), ("$4.50", N("4.5")), ("4.50 dollars", N("4.5")), ("\\$4.5", N("4.5"))],
  [("$4.05", N("4.05"), "near miss"), ("$45", N("45"), "near miss"), ("450 cents", N("450"), "unit conversion"), ("$5.40", N("5.4"), "swapped order")]),
 ("1,250", N("1250"), [("$1250", N("1250")), ("$1,250.00", N("1250")), ("1250 dollars", N("1250"))],
  [("$125", N("125"), "near miss"), ("$1,205", N("1205"), "swapped order"), ("$12.50", N("12.5"), "near miss")]),
 ("0.75", N("0.75"), [("$0.75", N("0.75")), ("0.75 dollars", N("0.75")), ("\\$0.75", N("0.75"))],
  [("75 cents", N("75"), "unit conversion"), ("$7.50", N("7.5"), "near miss"), ("$0.57", N("0.57"), "swapped order")]),
]
K["units"] = [
 ("18 cm", N("18"), [("18", N("18")), ("18 cm", N("18")), ("18\\text{ cm}", N("18")), ("18 centimeters", N("18"))],
  [("180 mm", N("180"), "unit conversion"), ("0.18 m", N("0.18"), "unit conversion"), ("17 cm", N("17"), "near miss"), ("81 cm", N("81"), "swapped order")]),
 ("90^\\circ", N("90"), [("90", N("90")), ("90°", N("90")), ("90 degrees", N("90")), ("90^{\\circ}", N("90"))],
  [("\\frac{\\pi}{2}", N("pi/2"), "unit conversion"), ("45^\\circ", N("45"), "near miss"), ("-90°", N("-90"), "sign error"), ("180^\\circ", N("180"), "near miss")]),
 ("2.5 km", N("2.5"), [("2.5", N("2.5")), ("2.5 kilometers", N("2.5")), ("\\frac{5}{2}\\text{ km}", N("2.5"))],
  [("2500 m", N("2500"), "unit conversion"), ("25 km", N("25"), "near miss"), ("2.05 km", N("2.05"), "near miss")]),
 ("36 \\text{ m}^2", N("36"), [("36", N("36")), ("36 square meters", N("36")), ("36 m^2", N("36"))],
  [("6 m", N("6"), "near miss"), ("360000 cm^2", N("360000"), "unit conversion"), ("63 m^2", N("63"), "swapped order")]),
]
K["time"] = [
 ("3:45 PM", TM(15, 45), [("3:45 PM", TM(15, 45)), ("15:45", TM(15, 45)), ("3:45 p.m.", TM(15, 45)), ("3:45pm", TM(15, 45))],
  [("3:45", TA(3, 45), "near miss"), ("3:45 AM", TM(3, 45), "near miss"), ("4:45 PM", TM(16, 45), "near miss"), ("3:54 PM", TM(15, 54), "swapped order")]),
 ("10:30 AM", TM(10, 30), [("10:30 AM", TM(10, 30)), ("10:30 a.m.", TM(10, 30)), ("10:30am", TM(10, 30))],
  [("10:30 PM", TM(22, 30), "near miss"), ("22:30", TM(22, 30), "near miss"), ("10:03 AM", TM(10, 3), "near miss"), ("11:30 AM", TM(11, 30), "near miss")]),
 ("14:20", TM(14, 20), [("2:20 PM", TM(14, 20)), ("2:20 p.m.", TM(14, 20)), ("14:20", TM(14, 20))],
  [("2:20 AM", TM(2, 20), "near miss"), ("14:02", TM(14, 2), "swapped order"), ("4:20 PM", TM(16, 20), "near miss")]),
 ("7:05 AM", TM(7, 5), [("7:05 a.m.", TM(7, 5)), ("7:05am", TM(7, 5)), ("7:05 AM", TM(7, 5))],
  [("7:50 AM", TM(7, 50), "swapped order"), ("7:05 PM", TM(19, 5), "near miss"), ("19:05", TM(19, 5), "near miss"), ("7:15 AM", TM(7, 15), "near miss")]),
]
K["scientific notation"] = [
 ("1.2\\times10^{-3}", N("0.0012"), [("1.2e-3", N("0.0012")), ("0.0012", N("0.0012")), ("1.2 \\times 10^{-3}", N("0.0012")), ("12\\times10^{-4}", N("0.0012"))],
  [("1.2\\times10^{3}", N("1200"), "sign error"), ("1.2e-4", N("0.00012"), "near miss"), ("2.1\\times10^{-3}", N("0.0021"), "swapped order"), ("0.012", N("0.012"), "near miss")]),
 ("3.0 \\times 10^8", N("300000000"), [("3e8", N("300000000")), ("300000000", N("300000000")), ("300,000,000", N("300000000")), ("3\\times10^{8}", N("300000000"))],
  [("3\\times10^{9}", N("3000000000"), "near miss"), ("3e-8", N("3/100000000"), "sign error"), ("30,000,000", N("30000000"), "near miss")]),
 ("6.02e23", N("6.02*10**23"), [("6.02\\times10^{23}", N("6.02*10**23")), ("602\\times10^{21}", N("6.02*10**23")), ("6.02 \\cdot 10^{23}", N("6.02*10**23"))],
  [("6.2\\times10^{23}", N("6.2*10**23"), "near miss"), ("6.02\\times10^{22}", N("6.02*10**22"), "near miss"), ("6.02\\times10^{-23}", N("6.02*10**-23"), "sign error")]),
 ("4.5\\times10^{-6}", N("0.0000045"), [("0.0000045", N("0.0000045")), ("4.5e-6", N("0.0000045")), ("45\\times10^{-7}", N("0.0000045"))],
  [("4.5e-5", N("0.000045"), "near miss"), ("5.4\\times10^{-6}", N("0.0000054"), "swapped order"), ("4.5\\times10^{6}", N("4500000"), "sign error")]),
]
K["N million"] = [
 ("3.5 million", N("3500000"), [("3500000", N("3500000")), ("3,500,000", N("3500000")), ("3.5\\times10^6", N("3500000")), ("3.5 million", N("3500000"))],
  [("350,000", N("350000"), "near miss"), ("35 million", N("35000000"), "near miss"), ("3.5 billion", N("3500000000"), "unit conversion"), ("3.05 million", N("3050000"), "near miss")]),
 ("2,000,000", N("2000000"), [("2 million", N("2000000")), ("2000000", N("2000000")), ("2\\times10^{6}", N("2000000")), ("two million", N("2000000"))],
  [("20 million", N("20000000"), "near miss"), ("200,000", N("200000"), "near miss"), ("2 billion", N("2000000000"), "unit conversion")]),
 ("12 million", N("12000000"), [("12,000,000", N("12000000")), ("12000000", N("12000000")), ("1.2\\times10^7", N("12000000"))],
  [("1.2 million", N("1200000"), "near miss"), ("120 million", N("120000000"), "near miss"), ("12 thousand", N("12000"), "unit conversion")]),
 ("7.25 million", N("7250000"), [("7,250,000", N("7250000")), ("7250000", N("7250000")), ("7.25\\times10^{6}", N("7250000"))],
  [("7,025,000", N("7025000"), "near miss"), ("725,000", N("725000"), "near miss"), ("7.52 million", N("7520000"), "swapped order")]),
]
K["expression"] = [
 ("2x+3", E("2*x+3"), [("3+2x", E("2*x+3")), ("2x + 3", E("2*x+3")), ("2 x + 3", E("2*x+3")), ("x + x + 3", E("2*x+3"))],
  [("2x-3", E("2*x-3"), "sign error"), ("3x+2", E("3*x+2"), "swapped order"), ("2x+4", E("2*x+4"), "near miss"), ("x+3", E("x+3"), "missing element")]),
 ("x^2-1", E("x**2-1"), [("(x-1)(x+1)", E("x**2-1")), ("(x+1)(x-1)", E("x**2-1")), ("x^{2}-1", E("x**2-1")), ("-1+x^2", E("x**2-1"))],
  [("(x-1)^2", E("(x-1)**2"), "near miss"), ("x^2+1", E("x**2+1"), "sign error"), ("1-x^2", E("1-x**2"), "sign error")]),
 ("\\frac{x+1}{2}", E("(x+1)/2"), [("(x+1)/2", E("(x+1)/2")), ("\\frac{x}{2}+\\frac{1}{2}", E("(x+1)/2")), ("0.5x+0.5", E("(x+1)/2")), ("\\frac{1}{2}(x+1)", E("(x+1)/2"))],
  [("\\frac{x-1}{2}", E("(x-1)/2"), "sign error"), ("2x+1", E("2*x+1"), "near miss"), ("\\frac{x+2}{2}", E("(x+2)/2"), "near miss")]),
 ("2x-3", E("2*x-3"), [("f^{-1}(x) = 2x - 3", E("2*x-3")), ("-3+2x", E("2*x-3")), ("2\\left(x-\\frac{3}{2}\\right)", E("2*x-3"))],
  [("\\frac{x+3}{2}", E("(x+3)/2"), "near miss"), ("2x+3", E("2*x+3"), "sign error"), ("3-2x", E("3-2*x"), "sign error")]),
]
K["equation"] = [
 ("y = 2x + 3", EQ("y", "2*x+3"), [("y=3+2x", EQ("y", "2*x+3")), ("y = 2x+3", EQ("y", "2*x+3")), ("y = 2 x + 3", EQ("y", "2*x+3"))],
  [("y = 2x - 3", EQ("y", "2*x-3"), "sign error"), ("y = 3x + 2", EQ("y", "3*x+2"), "swapped order"), ("y = -2x + 3", EQ("y", "-2*x+3"), "sign error"), ("y = x + 3", EQ("y", "x+3"), "near miss")]),
 ("y = -\\frac{1}{2}x + 4", EQ("y", "-x/2+4"), [("y = 4 - \\frac{x}{2}", EQ("y", "-x/2+4")), ("y=-0.5x+4", EQ("y", "-x/2+4")), ("y = -x/2 + 4", EQ("y", "-x/2+4"))],
  [("y = \\frac{1}{2}x + 4", EQ("y", "x/2+4"), "sign error"), ("y = -2x + 4", EQ("y", "-2*x+4"), "near miss"), ("y = -\\frac12 x - 4", EQ("y", "-x/2-4"), "sign error")]),
 ("x^2 + y^2 = 25", EQ("x**2+y**2", "25"), [("y^2 + x^2 = 25", EQ("x**2+y**2", "25")), ("x^2+y^2=5^2", EQ("x**2+y**2", "25")), ("x^{2}+y^{2}=25", EQ("x**2+y**2", "25"))],
  [("x^2+y^2=5", EQ("x**2+y**2", "5"), "near miss"), ("x^2 - y^2 = 25", EQ("x**2-y**2", "25"), "sign error"), ("x^2 + y^2 = 16", EQ("x**2+y**2", "16"), "near miss")]),
 ("y = x^2 - 4x + 4", EQ("y", "x**2-4*x+4"), [("y = (x-2)^2", EQ("y", "x**2-4*x+4")), ("y = x^2 + 4 - 4x", EQ("y", "x**2-4*x+4")), ("y=(2-x)^2", EQ("y", "x**2-4*x+4"))],
  [("y = (x+2)^2", EQ("y", "(x+2)**2"), "sign error"), ("y = x^2 - 4x - 4", EQ("y", "x**2-4*x-4"), "sign error"), ("y = x^2 - 2x + 4", EQ("y", "x**2-2*x+4"), "near miss")]),
]
K["system"] = [
 ("x=2, y=3", T(2, 3), [("(2, 3)", T(2, 3)), ("y = 3, x = 2", T(2, 3)), ("x = 2, y = 3", T(2, 3)), ("x=2 and y=3", T(2, 3)), ("(x, y) = (2, 3)", T(2, 3))],
  [("(3, 2)", T(3, 2), "swapped order"), ("x=3, y=2", T(3, 2), "swapped order"), ("x=2, y=-3", T(2, -3), "sign error"), ("x = 2", T(2), "missing element"), ("\\{2, 3\\}", S(2, 3), "set vs tuple")]),
 ("(x, y) = (-1, 4)", T(-1, 4), [("x=-1, y=4", T(-1, 4)), ("(-1,4)", T(-1, 4)), ("y = 4, x = -1", T(-1, 4))],
  [("(4,-1)", T(4, -1), "swapped order"), ("(1, 4)", T(1, 4), "sign error"), ("(-1, -4)", T(-1, -4), "sign error"), ("(-1, 4, 0)", T(-1, 4, 0), "missing element")]),
 ("x = \\frac{1}{2}, y = -2", T("1/2", -2), [("(1/2, -2)", T("1/2", -2)), ("(0.5, -2)", T("1/2", -2)), ("y=-2, x=0.5", T("1/2", -2))],
  [("(-2, 1/2)", T(-2, "1/2"), "swapped order"), ("(2, -2)", T(2, -2), "near miss"), ("(1/2, 2)", T("1/2", 2), "sign error")]),
 ("x=1, y=0, z=5", T(1, 0, 5), [("(1, 0, 5)", T(1, 0, 5)), ("z=5, x=1, y=0", T(1, 0, 5)), ("x = 1, y = 0, z = 5", T(1, 0, 5))],
  [("(1, 5, 0)", T(1, 5, 0), "swapped order"), ("(1, 0)", T(1, 0), "missing element"), ("(1, 0, -5)", T(1, 0, -5), "sign error")]),
]
K["tuple"] = [
 ("(1, 2, 3)", T(1, 2, 3), [("(1,2,3)", T(1, 2, 3)), ("( 1, 2, 3 )", T(1, 2, 3)), ("\\left(1, 2, 3\\right)", T(1, 2, 3))],
  [("(3, 2, 1)", T(3, 2, 1), "swapped order"), ("\\{1, 2, 3\\}", S(1, 2, 3), "set vs tuple"), ("(1, 2)", T(1, 2), "missing element"), ("(1, 2, 3, 4)", T(1, 2, 3, 4), "missing element")]),
 ("(2, -5, 7)", T(2, -5, 7), [("(2,-5,7)", T(2, -5, 7)), ("\\left( 2, -5, 7 \\right)", T(2, -5, 7)), ("(2.0, -5, 7)", T(2, -5, 7))],
  [("(2, 5, 7)", T(2, 5, 7), "sign error"), ("(7, -5, 2)", T(7, -5, 2), "swapped order"), ("\\{2, -5, 7\\}", S(2, -5, 7), "set vs tuple")]),
 ("(0, \\frac{1}{2})", T(0, "1/2"), [("(0, 1/2)", T(0, "1/2")), ("(0, 0.5)", T(0, "1/2")), ("\\left(0, \\tfrac12\\right)", T(0, "1/2"))],
  [("(\\frac{1}{2}, 0)", T("1/2", 0), "swapped order"), ("(0, 2)", T(0, 2), "near miss"), ("(0, -\\frac12)", T(0, "-1/2"), "sign error")]),
 ("(4, 1, 9)", T(4, 1, 9), [("(4,1,9)", T(4, 1, 9)), ("\\left(4,1,9\\right)", T(4, 1, 9))],
  [("(9, 1, 4)", T(9, 1, 4), "swapped order"), ("(4, 1)", T(4, 1), "missing element"), ("\\{1, 4, 9\\}", S(1, 4, 9), "set vs tuple")]),
]
K["ordered pair"] = [
 ("(3, -2)", T(3, -2), [("(3,-2)", T(3, -2)), ("\\left(3, -2\\right)", T(3, -2)), ("(x, y) = (3, -2)", T(3, -2))],
  [("(-2, 3)", T(-2, 3), "swapped order"), ("(3, 2)", T(3, 2), "sign error"), ("\\{3, -2\\}", S(3, -2), "set vs tuple"), ("(3, -2, 0)", T(3, -2, 0), "missing element")]),
 ("(\\frac{1}{2}, 4)", T("1/2", 4), [("(0.5, 4)", T("1/2", 4)), ("(1/2, 4)", T("1/2", 4)), ("\\left(\\dfrac{1}{2}, 4\\right)", T("1/2", 4))],
  [("(4, 1/2)", T(4, "1/2"), "swapped order"), ("(2, 4)", T(2, 4), "near miss"), ("\\{\\frac12, 4\\}", S("1/2", 4), "set vs tuple")]),
 ("(2, \\sqrt{3})", T(2, "sqrt(3)"), [("(2, 3^{1/2})", T(2, "sqrt(3)")), ("(2,\\sqrt3)", T(2, "sqrt(3)")), ("\\left(2, \\sqrt{3}\\right)", T(2, "sqrt(3)"))],
  [("(2, 3)", T(2, 3), "near miss"), ("(\\sqrt{3}, 2)", T("sqrt(3)", 2), "swapped order"), ("(2, -\\sqrt{3})", T(2, "-sqrt(3)"), "sign error")]),
 ("(5, 12)", T(5, 12), [("(5,12)", T(5, 12)), ("\\left(5,12\\right)", T(5, 12))],
  [("(12, 5)", T(12, 5), "swapped order"), ("(5, 13)", T(5, 13), "near miss"), ("\\{5, 12\\}", S(5, 12), "set vs tuple")]),
]
K["set"] = [
 ("\\{1, 2\\}", S(1, 2), [("\\{2, 1\\}", S(1, 2)), ("x = 1 \\text{ or } x = 2", S(1, 2)), ("x = 1 or x = 2", S(1, 2)), ("\\{1,2\\}", S(1, 2))],
  [("\\{1\\}", S(1), "missing element"), ("\\{1, 2, 3\\}", S(1, 2, 3), "missing element"), ("\\{-1, -2\\}", S(-1, -2), "sign error"), ("\\{1, 3\\}", S(1, 3), "near miss")]),
 ("\\{-3, 0, 3\\}", S(-3, 0, 3), [("\\{0, 3, -3\\}", S(-3, 0, 3)), ("x = -3, x = 0, x = 3", S(-3, 0, 3)), ("\\{3, -3, 0\\}", S(-3, 0, 3))],
  [("\\{0, 3\\}", S(0, 3), "missing element"), ("\\{-3, 3\\}", S(-3, 3), "missing element"), ("\\{-3, 0, 3, 9\\}", S(-3, 0, 3, 9), "missing element")]),
 ("\\{\\frac{1}{2}, 4\\}", S("1/2", 4), [("\\{4, 0.5\\}", S("1/2", 4)), ("x = 4 or x = \\frac12", S("1/2", 4)), ("\\{4, \\tfrac{1}{2}\\}", S("1/2", 4))],
  [("\\{2, 4\\}", S(2, 4), "near miss"), ("\\{\\frac12, -4\\}", S("1/2", -4), "sign error"), ("\\{4\\}", S(4), "missing element")]),
 ("\\{2, 5, 7\\}", S(2, 5, 7), [("\\{7, 5, 2\\}", S(2, 5, 7)), ("\\{5, 2, 7\\}", S(2, 5, 7))],
  [("\\{2, 5\\}", S(2, 5), "missing element"), ("\\{2, 5, 7, 11\\}", S(2, 5, 7, 11), "missing element"), ("\\{2, 5, -7\\}", S(2, 5, -7), "sign error")]),
]
K["interval"] = [
 ("(2, \\infty)", IV(2, OO, True, True), [("(2,\\infty)", IV(2, OO, True, True)), ("x > 2", IV(2, OO, True, True)), ("(2, ∞)", IV(2, OO, True, True)), ("\\left(2, \\infty\\right)", IV(2, OO, True, True))],
  [("[2, \\infty)", IV(2, OO, False, True), "wrong bracket"), ("x \\ge 2", IV(2, OO, False, True), "wrong bracket"), ("(-\\infty, 2)", IV("-oo", 2, True, True), "swapped order"), ("(3, \\infty)", IV(3, OO, True, True), "near miss")]),
 ("[-1, 3)", IV(-1, 3, False, True), [("[-1,3)", IV(-1, 3, False, True)), ("-1 \\le x < 3", IV(-1, 3, False, True)), ("\\left[-1, 3\\right)", IV(-1, 3, False, True))],
  [("(-1, 3)", IV(-1, 3, True, True), "wrong bracket"), ("[-1, 3]", IV(-1, 3, False, False), "wrong bracket"), ("(-1, 3]", IV(-1, 3, True, False), "wrong bracket"), ("[1, 3)", IV(1, 3, False, True), "sign error")]),
 ("(-\\infty, 0]", IV("-oo", 0, True, False), [("x \\le 0", IV("-oo", 0, True, False)), ("(-\\infty,0]", IV("-oo", 0, True, False)), ("x \\leq 0", IV("-oo", 0, True, False))],
  [("(-\\infty, 0)", IV("-oo", 0, True, True), "wrong bracket"), ("x < 0", IV("-oo", 0, True, True), "wrong bracket"), ("[0, \\infty)", IV(0, OO, False, True), "swapped order")]),
 ("[0, 5]", IV(0, 5, False, False), [("0 \\le x \\le 5", IV(0, 5, False, False)), ("[0,5]", IV(0, 5, False, False)), ("0 \\leq x \\leq 5", IV(0, 5, False, False))],
  [("(0, 5)", IV(0, 5, True, True), "wrong bracket"), ("[0, 5)", IV(0, 5, False, True), "wrong bracket"), ("[0, 6]", IV(0, 6, False, False), "near miss")]),
]
K["inequality"] = [
 ("x > 2", IV(2, OO, True, True), [("x>2", IV(2, OO, True, True)), ("2 < x", IV(2, OO, True, True)), ("(2, \\infty)", IV(2, OO, True, True))],
  [("x \\geq 2", IV(2, OO, False, True), "wrong bracket"), ("x < 2", IV("-oo", 2, True, True), "sign error"), ("x > -2", IV(-2, OO, True, True), "sign error"), ("[2, \\infty)", IV(2, OO, False, True), "wrong bracket")]),
 ("x \\le -3", IV("-oo", -3, True, False), [("x \\leq -3", IV("-oo", -3, True, False)), ("-3 \\ge x", IV("-oo", -3, True, False)), ("(-\\infty, -3]", IV("-oo", -3, True, False))],
  [("x < -3", IV("-oo", -3, True, True), "wrong bracket"), ("x \\le 3", IV("-oo", 3, True, False), "sign error"), ("x \\ge -3", IV(-3, OO, False, True), "sign error")]),
 ("-1 < x < 4", IV(-1, 4, True, True), [("(-1, 4)", IV(-1, 4, True, True)), ("4 > x > -1", IV(-1, 4, True, True)), ("-1<x<4", IV(-1, 4, True, True))],
  [("-1 \\le x \\le 4", IV(-1, 4, False, False), "wrong bracket"), ("-4 < x < 1", IV(-4, 1, True, True), "sign error"), ("x < 4", IV("-oo", 4, True, True), "missing element")]),
 ("x \\geq \\frac{1}{2}", IV("1/2", OO, False, True), [("x \\ge 0.5", IV("1/2", OO, False, True)), ("[1/2, \\infty)", IV("1/2", OO, False, True)), ("x \\geq 1/2", IV("1/2", OO, False, True))],
  [("x > \\frac12", IV("1/2", OO, True, True), "wrong bracket"), ("x \\ge 2", IV(2, OO, False, True), "near miss"), ("x \\le \\frac{1}{2}", IV("-oo", "1/2", True, False), "sign error")]),
]
K["matrix"] = [
 ("\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}", M([[1, 2], [3, 4]]),
  [("\\begin{bmatrix}1&2\\\\3&4\\end{bmatrix}", M([[1, 2], [3, 4]])), ("\\begin{pmatrix}1 & 2\\\\ 3 & 4\\end{pmatrix}", M([[1, 2], [3, 4]])), ("\\left(\\begin{array}{cc}1&2\\\\3&4\\end{array}\\right)", M([[1, 2], [3, 4]]))],
  [("\\begin{pmatrix}1&3\\\\2&4\\end{pmatrix}", M([[1, 3], [2, 4]]), "transposed"), ("\\begin{pmatrix}1&2\\\\3&5\\end{pmatrix}", M([[1, 2], [3, 5]]), "near miss"), ("\\begin{pmatrix}-1&2\\\\3&4\\end{pmatrix}", M([[-1, 2], [3, 4]]), "sign error"), ("\\begin{pmatrix}1&2\\\\3&4\\\\5&6\\end{pmatrix}", M([[1, 2], [3, 4], [5, 6]]), "missing element")]),
 ("\\begin{pmatrix} 2 & 0 \\\\ 1 & -1 \\end{pmatrix}", M([[2, 0], [1, -1]]),
  [("\\begin{bmatrix} 2 & 0 \\\\ 1 & -1 \\end{bmatrix}", M([[2, 0], [1, -1]])), ("\\begin{pmatrix}2&0\\\\1&-1\\end{pmatrix}", M([[2, 0], [1, -1]]))],
  [("\\begin{pmatrix}2&1\\\\0&-1\\end{pmatrix}", M([[2, 1], [0, -1]]), "transposed"), ("\\begin{pmatrix}2&0\\\\1&1\\end{pmatrix}", M([[2, 0], [1, 1]]), "sign error"), ("\\begin{pmatrix}-1&1\\\\0&2\\end{pmatrix}", M([[-1, 1], [0, 2]]), "swapped order")]),
 ("\\begin{pmatrix} \\frac{1}{2} & 1 \\\\ 0 & 3 \\end{pmatrix}", M([["1/2", 1], [0, 3]]),
  [("\\begin{pmatrix}0.5&1\\\\0&3\\end{pmatrix}", M([["1/2", 1], [0, 3]])), ("\\begin{bmatrix}\\tfrac12 & 1\\\\ 0 & 3\\end{bmatrix}", M([["1/2", 1], [0, 3]]))],
  [("\\begin{pmatrix}\\frac12&0\\\\1&3\\end{pmatrix}", M([["1/2", 0], [1, 3]]), "transposed"), ("\\begin{pmatrix}2&1\\\\0&3\\end{pmatrix}", M([[2, 1], [0, 3]]), "near miss")]),
 ("\\begin{pmatrix} 1 & 0 & 2 \\\\ -1 & 3 & 1 \\end{pmatrix}", M([[1, 0, 2], [-1, 3, 1]]),
  [("\\begin{bmatrix}1&0&2\\\\-1&3&1\\end{bmatrix}", M([[1, 0, 2], [-1, 3, 1]])), ("\\begin{pmatrix}1 & 0 & 2\\\\-1 & 3 & 1\\end{pmatrix}", M([[1, 0, 2], [-1, 3, 1]]))],
  [("\\begin{pmatrix}1&-1\\\\0&3\\\\2&1\\end{pmatrix}", M([[1, -1], [0, 3], [2, 1]]), "transposed"), ("\\begin{pmatrix}1&0&2\\\\1&3&1\\end{pmatrix}", M([[1, 0, 2], [1, 3, 1]]), "sign error"), ("\\begin{pmatrix}1&0\\\\-1&3\\end{pmatrix}", M([[1, 0], [-1, 3]]), "missing element")]),
]
K["vector"] = [
 ("\\begin{pmatrix} 1 \\\\ -2 \\\\ 3 \\end{pmatrix}", T(1, -2, 3), [("(1, -2, 3)", T(1, -2, 3)), ("\\langle 1, -2, 3 \\rangle", T(1, -2, 3)), ("\\begin{bmatrix}1\\\\-2\\\\3\\end{bmatrix}", T(1, -2, 3))],
  [("(3, -2, 1)", T(3, -2, 1), "swapped order"), ("(1, 2, 3)", T(1, 2, 3), "sign error"), ("(1, -2)", T(1, -2), "missing element"), ("(-1, 2, -3)", T(-1, 2, -3), "sign error")]),
 ("\\langle 3, 4 \\rangle", T(3, 4), [("(3, 4)", T(3, 4)), ("\\begin{pmatrix}3\\\\4\\end{pmatrix}", T(3, 4)), ("\\langle 3,4\\rangle", T(3, 4))],
  [("(4, 3)", T(4, 3), "swapped order"), ("(3, -4)", T(3, -4), "sign error"), ("5", N(5), "near miss")]),
 ("(0, \\frac{1}{2}, -1)", T(0, "1/2", -1), [("\\begin{pmatrix}0\\\\1/2\\\\-1\\end{pmatrix}", T(0, "1/2", -1)), ("(0, 0.5, -1)", T(0, "1/2", -1)), ("\\langle 0, \\tfrac12, -1\\rangle", T(0, "1/2", -1))],
  [("(0, 2, -1)", T(0, 2, -1), "near miss"), ("(0, \\frac12, 1)", T(0, "1/2", 1), "sign error"), ("(-1, \\frac12, 0)", T(-1, "1/2", 0), "swapped order")]),
 ("\\begin{pmatrix} 2 \\\\ 5 \\end{pmatrix}", T(2, 5), [("(2, 5)", T(2, 5)), ("\\langle 2,5\\rangle", T(2, 5)), ("\\begin{bmatrix}2\\\\5\\end{bmatrix}", T(2, 5))],
  [("(5, 2)", T(5, 2), "swapped order"), ("(2, 5, 0)", T(2, 5, 0), "missing element"), ("(-2, 5)", T(-2, 5), "sign error")]),
]
K["complex"] = [
 ("3+4i", N("3+4*I"), [("4i+3", N("3+4*I")), ("3 + 4i", N("3+4*I")), ("3+4 i", N("3+4*I"))],
  [("3-4i", N("3-4*I"), "conjugate"), ("4+3i", N("4+3*I"), "swapped order"), ("-3+4i", N("-3+4*I"), "sign error"), ("5", N("5"), "near miss")]),
 ("-1 - 2i", N("-1-2*I"), [("-2i - 1", N("-1-2*I")), ("-(1+2i)", N("-1-2*I")), ("-1-2i", N("-1-2*I"))],
  [("-1+2i", N("-1+2*I"), "conjugate"), ("1-2i", N("1-2*I"), "sign error"), ("-2-i", N("-2-I"), "swapped order")]),
 ("\\frac{1}{2} + \\frac{\\sqrt{3}}{2}i", N("1/2+sqrt(3)/2*I"), [("0.5 + \\frac{\\sqrt3}{2} i", N("1/2+sqrt(3)/2*I")), ("\\frac{1+i\\sqrt{3}}{2}", N("1/2+sqrt(3)/2*I")), ("\\frac{\\sqrt{3}}{2}i + \\frac{1}{2}", N("1/2+sqrt(3)/2*I"))],
  [("\\frac12 - \\frac{\\sqrt3}{2}i", N("1/2-sqrt(3)/2*I"), "conjugate"), ("\\frac{\\sqrt3}{2} + \\frac12 i", N("sqrt(3)/2+I/2"), "swapped order")]),
 ("2i", N("2*I"), [("0+2i", N("2*I")), ("2 i", N("2*I")), ("i \\cdot 2", N("2*I"))],
  [("-2i", N("-2*I"), "conjugate"), ("2", N("2"), "near miss"), ("i", N("I"), "near miss")]),
]
K["±"] = [
 ("\\pm 2", S(2, -2), [("x = \\pm 2", S(2, -2)), ("\\{2, -2\\}", S(2, -2)), ("x = 2 or x = -2", S(2, -2)), ("-2, 2", S(2, -2)), ("±2", S(2, -2))],
  [("2", N(2), "missing element"), ("-2", N(-2), "missing element"), ("\\pm 4", S(4, -4), "near miss"), ("\\{2, -2, 0\\}", S(2, -2, 0), "missing element")]),
 ("x = \\pm\\sqrt{3}", S("sqrt(3)", "-sqrt(3)"), [("\\pm\\sqrt{3}", S("sqrt(3)", "-sqrt(3)")), ("\\{\\sqrt3, -\\sqrt3\\}", S("sqrt(3)", "-sqrt(3)")), ("x=-\\sqrt{3}, x=\\sqrt{3}", S("sqrt(3)", "-sqrt(3)"))],
  [("\\sqrt{3}", N("sqrt(3)"), "missing element"), ("\\pm 3", S(3, -3), "near miss"), ("\\pm\\sqrt{2}", S("sqrt(2)", "-sqrt(2)"), "near miss")]),
 ("\\pm \\frac{1}{2}", S("1/2", "-1/2"), [("\\pm 0.5", S("1/2", "-1/2")), ("x = 1/2 or x = -1/2", S("1/2", "-1/2")), ("\\pm\\tfrac12", S("1/2", "-1/2"))],
  [("\\frac12", N("1/2"), "missing element"), ("\\pm 2", S(2, -2), "near miss"), ("-\\frac{1}{2}", N("-1/2"), "missing element")]),
 ("x = \\pm 3", S(3, -3), [("\\{-3, 3\\}", S(3, -3)), ("\\pm 3", S(3, -3)), ("x = 3, x = -3", S(3, -3))],
  [("3", N(3), "missing element"), ("\\pm 9", S(9, -9), "near miss"), ("\\{-3, 3, 0\\}", S(3, -3, 0), "missing element")]),
]
K["multiple choice"] = [
 ("C", L("C"), [("(C)", L("C")), ("\\textbf{C}", L("C")), ("Option C", L("C")), ("C) 14", L("C")), ("C", L("C"))],
  [("B", L("B"), "wrong letter"), ("(D)", L("D"), "wrong letter"), ("Option A", L("A"), "wrong letter")]),
 ("(B)", L("B"), [("B", L("B")), ("(B)", L("B")), ("B) \\frac{1}{2}", L("B")), ("option B", L("B"))],
  [("C", L("C"), "wrong letter"), ("(A)", L("A"), "wrong letter"), ("D) 3", L("D"), "wrong letter")]),
 ("D", L("D"), [("(D)", L("D")), ("Option D", L("D")), ("D) 27", L("D"))],
  [("(B)", L("B"), "wrong letter"), ("E", L("E"), "wrong letter"), ("C) 27", L("C"), "wrong letter")]),
 ("A", L("A"), [("(A)", L("A")), ("Choice A", L("A")), ("A) x = 4", L("A"))],
  [("(E)", L("E"), "wrong letter"), ("B) x = 4", L("B"), "wrong letter"), ("D", L("D"), "wrong letter")]),
]
K["text"] = [
 ("Tuesday", TX("Tuesday"), [("tuesday", TX("Tuesday")), ("\\text{Tuesday}", TX("Tuesday")), ("TUESDAY", TX("Tuesday")), ("Tuesday", TX("Tuesday"))],
  [("Monday", TX("Monday"), "near miss"), ("Thursday", TX("Thursday"), "near miss"), ("Wednesday", TX("Wednesday"), "near miss")]),
 ("isosceles", TX("isosceles"), [("Isosceles", TX("isosceles")), ("\\text{isosceles}", TX("isosceles")), ("ISOSCELES", TX("isosceles"))],
  [("equilateral", TX("equilateral"), "near miss"), ("scalene", TX("scalene"), "near miss")]),
 ("north", TX("north"), [("North", TX("north")), ("NORTH", TX("north")), ("\\text{north}", TX("north"))],
  [("south", TX("south"), "sign error"), ("east", TX("east"), "near miss"), ("northeast", TX("northeast"), "near miss")]),
 ("even", TX("even"), [("Even", TX("even")), ("\\textbf{even}", TX("even")), ("\\text{Even}", TX("even"))],
  [("odd", TX("odd"), "sign error"), ("neither", TX("neither"), "near miss")]),
]
K["number words"] = [
 ("12", N(12), [("twelve", N(12)), ("Twelve", N(12)), ("twelve (12)", N(12))],
  [("twenty", N(20), "near miss"), ("eleven", N(11), "near miss"), ("twenty-one", N(21), "swapped order")]),
 ("105", N(105), [("one hundred and five", N(105)), ("one hundred five", N(105)), ("One hundred five", N(105))],
  [("one hundred fifty", N(150), "swapped order"), ("fifteen", N(15), "near miss"), ("one thousand and five", N(1005), "near miss")]),
 ("\\frac{2}{3}", N("2/3"), [("two thirds", N("2/3")), ("two-thirds", N("2/3")), ("Two thirds", N("2/3"))],
  [("three halves", N("3/2"), "swapped order"), ("one third", N("1/3"), "near miss"), ("two fifths", N("2/5"), "near miss")]),
 ("40", N(40), [("forty", N(40)), ("Forty", N(40))],
  [("fourteen", N(14), "near miss"), ("four hundred", N(400), "near miss"), ("negative forty", N(-40), "sign error")]),
 ("1000", N(1000), [("one thousand", N(1000)), ("One thousand", N(1000))],
  [("one hundred", N(100), "near miss"), ("ten thousand", N(10000), "near miss")]),
]
K["radicals/pi"] = [
 ("2\\sqrt{3}", N("2*sqrt(3)"), [("\\sqrt{12}", N("2*sqrt(3)")), ("2 \\sqrt 3", N("2*sqrt(3)")), ("2\\sqrt3", N("2*sqrt(3)")), ("2*sqrt(3)", N("2*sqrt(3)"))],
  [("3\\sqrt{2}", N("3*sqrt(2)"), "swapped order"), ("\\sqrt{6}", N("sqrt(6)"), "near miss"), ("3.46", N("3.46"), "near miss"), ("-2\\sqrt{3}", N("-2*sqrt(3)"), "sign error")]),
 ("4\\pi", N("4*pi"), [("4 \\pi", N("4*pi")), ("\\pi \\cdot 4", N("4*pi")), ("4π", N("4*pi"))],
  [("12.57", N("12.57"), "near miss"), ("2\\pi", N("2*pi"), "near miss"), ("16\\pi", N("16*pi"), "near miss"), ("4", N(4), "near miss")]),
 ("\\frac{\\sqrt{2}}{2}", N("sqrt(2)/2"), [("\\frac{1}{\\sqrt{2}}", N("sqrt(2)/2")), ("\\sqrt{2}/2", N("sqrt(2)/2")), ("\\frac{\\sqrt2}{2}", N("sqrt(2)/2"))],
  [("0.71", N("0.71"), "near miss"), ("\\sqrt{2}", N("sqrt(2)"), "near miss"), ("\\frac{\\sqrt3}{2}", N("sqrt(3)/2"), "near miss")]),
 ("3+\\sqrt{5}", N("3+sqrt(5)"), [("\\sqrt{5}+3", N("3+sqrt(5)")), ("\\sqrt5 + 3", N("3+sqrt(5)")), ("3 + \\sqrt{5}", N("3+sqrt(5)"))],
  [("3-\\sqrt{5}", N("3-sqrt(5)"), "sign error"), ("\\sqrt{8}", N("sqrt(8)"), "near miss"), ("3\\sqrt{5}", N("3*sqrt(5)"), "near miss")]),
 ("\\frac{\\pi}{3}", N("pi/3"), [("\\pi/3", N("pi/3")), ("\\frac{1}{3}\\pi", N("pi/3")), ("\\dfrac{\\pi}{3}", N("pi/3"))],
  [("\\frac{\\pi}{6}", N("pi/6"), "near miss"), ("60", N(60), "unit conversion"), ("1.05", N("1.05"), "near miss")]),
]

SCALAR = {"integer", "decimal", "fraction", "mixed number", "percent", "currency", "units",
          "scientific notation", "N million", "complex", "multiple choice", "text",
          "number words", "radicals/pi", "time"}
MULTI = {"set", "±"}

# ---- reasoning filler ---------------------------------------------------------
FILL = [
    "Let's set up the problem carefully.",
    "First we collect the given quantities: 3, 4 and 6.",
    "Multiplying 3 by 4 gives 12, and adding 6 gives 18.",
    "We simplify the expression step by step.",
    "Checking the arithmetic once more confirms the computation.",
    "Substituting back into the original condition works.",
]
def filler(n):
    return " ".join(rng.sample(FILL, n))

def latexify(a):
    # currency dollars must be escaped inside math mode
    return re.sub(r"(?<!\\)\$", r"\\$", a)

CONCL = {
    "currency": "So the total cost is {}.", "units": "So the measurement comes out to {}.",
    "time": "So they arrive at {}.", "multiple choice": "So the correct choice is {}.",
    "text": "So the answer to the question is {}.",
}

# ---- phrasings producing a single final answer `a` ---------------------------
def ph_boxed(a, k, w):     return f"{filler(2)}\n\nThus the result is $\\boxed{{{latexify(a)}}}$."
def ph_answer_is(a, k, w): return f"{filler(2)} The answer is {a}."
def ph_hash(a, k, w):      return f"{filler(3)}\n#### {a}"
def ph_bold(a, k, w):      return f"{filler(2)}\n\nPutting it together, we get **{a}**."
def ph_short(a, k, w):     return a
def ph_final(a, k, w):     return f"{filler(2)}\n\nFinal answer: {a}"
def ph_concl(a, k, w):     return f"{filler(2)} " + CONCL.get(k, "Therefore, the value we are looking for is {}.").format(a)
def ph_trailing(a, k, w):  return (f"{filler(2)}\n\nThe answer is {a}.\n\nNote: if we had (incorrectly) "
                                   f"skipped the last step, we would have gotten {w}, but that is not what is asked.")
def ph_selfcorr(a, k, w):  return (f"{filler(2)} So the answer is {w}.\n\nWait, I made an arithmetic slip in the last step. "
                                   f"Correction: the answer is actually {a}.")
def ph_latex(a, k, w):     return f"{filler(2)}\n\nTherefore \\[ {latexify(a)} \\] is the answer."
def ph_plain(a, k, w):     return f"{filler(1)}\nAnswer: {a}"
def ph_chatty(a, k, w):
    return ("## Understanding the problem\n\nGreat question! Let's work through it.\n\n"
            f"## Solving\n\n- {FILL[1]}\n- {FILL[2]}\n- {rng.choice(FILL[3:])}\n\n"
            f"## Final Answer\n\nThe answer is **{a}**.\n\nHope this helps! Let me know if you have questions.")
def ph_aside(a, k, w):     return f"{filler(2)} The answer is {a} (we discarded {w} because it fails the original condition)."

SINGLE = {"boxed": ph_boxed, "answer-is": ph_answer_is, "####": ph_hash, "bold": ph_bold,
          "short reply": ph_short, "final-answer line": ph_final, "concluding sentence": ph_concl,
          "trailing commentary": ph_trailing, "self-correction": ph_selfcorr, "latex": ph_latex,
          "plain": ph_plain, "chatty markdown": ph_chatty, "answer followed by aside": ph_aside}

def build_rows():
    rows = []
    for kind, items in K.items():
        krows = []
        for gold, gsem, trues, falses in items:
            def add(reply, phr, dis, final_sem, structural_ok, intended, why):
                krows.append(dict(kind=kind, phrasing=phr, distractor=dis, gold=gold, reply=reply,
                                  correct=intended, why=why, _fs=final_sem, _ok=structural_ok, _gs=gsem))
            wrong_pool = [f for f in falses]
            # mandatory
            add(gold, "short reply", "none", gsem, True, True, "gold itself as the whole reply")
            add(f"\\boxed{{{gold}}}", "boxed", "none", gsem, True, True, "gold itself in \\boxed{}")
            # true variants across phrasings
            phr_pool = [p for p in SINGLE if not (p == "latex" and kind in ("multiple choice", "text"))]
            for ts, tsem in trues:
                for phr in rng.sample(phr_pool, 5):
                    w = rng.choice(wrong_pool)[0]
                    add(SINGLE[phr](ts, kind, w), phr, "none", tsem, True, True, f"final answer {ts} equals gold")
            # false variants across phrasings
            for fs, fsem, dis in falses:
                for phr in rng.sample([p for p in phr_pool if p != "self-correction"], 3):
                    add(SINGLE[phr](fs, kind, gold), phr, dis, fsem, True, False, f"final answer {fs} is a {dis}, not gold")
            # structural distractors
            ts, tsem = rng.choice(trues)
            fs, fsem, dis = rng.choice(falses)
            fs2, fsem2, _ = rng.choice(falses)
            add(f"{filler(1)} This gives {gold} for the first part. Then we still need to adjust for the remaining condition, "
                f"which changes the value.\n\nThe answer is {fs}.", "answer-is", "intermediate value = gold but final wrong",
                fsem, True, False, "gold only an intermediate; final differs")
            add(f"{filler(2)}\n\n\\boxed{{{latexify(fs)}}}\n\n(If the problem had asked for the other case, the answer would have been {gold}.)",
                "trailing commentary", "gold only in a hypothetical aside", fsem, True, False, "final wrong; gold only hypothetical")
            add(f"{filler(1)} So the answer is {gold}.\n\nWait, that's not right. Correction: the answer is {fs}.",
                "self-correction", "intermediate value = gold but final wrong", fsem, True, False, "corrected away from gold")
            add(f"{filler(2)} So the answer is either {ts} or maybe {fs}.", "two answers", "conflicting answers",
                None, False, False, "hedge between two answers")
            if kind not in MULTI:
                add(f"{filler(2)}\n\nFirst attempt: $\\boxed{{{latexify(gold)}}}$.\n\nAnother approach gives $\\boxed{{{latexify(fs2)}}}$.",
                    "two answers", "conflicting answers", None, False, False, "two different boxed answers, no correction")
            else:
                # several boxes forming the multi-valued gold are fine
                elems = {"\\{1, 2\\}": ["1", "2"], "\\{-3, 0, 3\\}": ["-3", "0", "3"], "\\{\\frac{1}{2}, 4\\}": ["\\frac{1}{2}", "4"],
                         "\\{2, 5, 7\\}": ["2", "5", "7"], "\\pm 2": ["2", "-2"], "x = \\pm\\sqrt{3}": ["\\sqrt{3}", "-\\sqrt{3}"],
                         "\\pm \\frac{1}{2}": ["\\frac{1}{2}", "-\\frac{1}{2}"], "x = \\pm 3": ["3", "-3"]}[gold]
                add(f"{filler(1)} The solutions are " + " and ".join(f"$\\boxed{{{e}}}$" for e in elems) + ".",
                    "boxed", "none", gsem, True, True, "several boxes together form the multi-valued gold")
                add(f"{filler(1)} The solution is $\\boxed{{{elems[0]}}}$.", "boxed", "missing element",
                    N(elems[0].replace("\\frac{1}{2}", "1/2").replace("\\sqrt{3}", "sqrt(3)")), True, False, "only one of the values")
                add(f"{filler(2)} The answer is {gold}.\n\nFinal answer: {fs}", "two answers", "conflicting answers",
                    None, False, False, "two different final answers")
            if kind in SCALAR:
                add(f"{filler(1)} The candidate values are {falses[0][0]}, {falses[-1][0]}, {gold}.", "answer-is",
                    "a list whose last element is the gold", ("list",), True, False, "final statement is a list, not a single answer")
            add(f"$\\boxed{{{latexify(fs)}}}$\n\n(Had we used the alternative convention we'd get {gold}; the boxed value stands.)",
                "answer followed by aside", "gold only in a hypothetical aside", fsem, True, False, "final wrong; gold only in aside")
            add(f"Answer: {ts} (this is the value after simplification; an earlier draft had {fs})", "answer followed by aside",
                "none", tsem, True, True, "final equals gold; aside mentions a discarded draft")
        rows.append((kind, krows))
    return rows

# ---- independent light numeric cross-check on the strings ---------------------
WORDS = {"twelve": 12, "forty": 40, "one hundred and five": 105, "one hundred five": 105, "one thousand": 1000,
         "two thirds": Fraction(2, 3), "two-thirds": Fraction(2, 3)}
def numparse(s):
    t = s.strip().lower()
    if t in WORDS:
        return Fraction(WORDS[t])
    t = re.sub(r"^(x|n)\s*=\s*", "", t)
    t = t.replace("\\$", "").replace("$", "").replace("\\%", "").replace("%", "").replace(",", "")
    t = re.sub(r"\\[dt]?frac\{?(\d+)\}?\{?(\d+)\}?", r" \1/\2", t).strip()
    t = re.sub(r"^-\s+", "-", t)
    t = re.sub(r"\s*(dollars|percent|apples|cm|centimeters|km|kilometers|degrees|°|\^\\circ|\^\{\\circ\})\s*$", "", t).strip()
    m = re.fullmatch(r"(-?\d+)\s+(\d+)/(\d+)", t) or re.fullmatch(r"(-?\d+)(\d+)/(\d+)", "") 
    if m:
        w = int(m.group(1)); f = Fraction(int(m.group(2)), int(m.group(3)))
        return w + f if w >= 0 else w - f
    m = re.fullmatch(r"(-?\d+)\\[dt]?frac\{(\d+)\}\{(\d+)\}", s.strip())
    if m:
        return int(m.group(1)) + Fraction(int(m.group(2)), int(m.group(3)))
    m = re.fullmatch(r"(-?[\d.]+)\s*(?:\\times|\\cdot|x)\s*10\^\{?(-?\d+)\}?", t)
    if m:
        return Fraction(m.group(1)) * Fraction(10) ** int(m.group(2))
    m = re.fullmatch(r"(-?[\d.]+)\s*million", t)
    if m:
        return Fraction(m.group(1)) * 10**6
    try:
        return Fraction(t) if re.fullmatch(r"-?\d*\.?\d+(e-?\d+)?|-?\d+/\d+", t) else None
    except Exception:
        return None

def to_frac(e):
    e = sp.nsimplify(e)
    return Fraction(int(e.p), int(e.q)) if e.is_Rational else None

NUMKINDS = {"integer", "decimal", "fraction", "mixed number", "percent", "currency", "units",
            "scientific notation", "N million", "number words"}
def route2_bad_variants():
    """Second, string-based route: parse each inserted numeric answer with a
    Fraction normaliser and compare with the authored semantic value."""
    bad, checked = set(), 0
    for kind, items in K.items():
        if kind not in NUMKINDS: continue
        for gold, gsem, trues, falses in items:
            for v in [(g, gs) for g, gs in [(gold, gsem)]] + [(t[0], t[1]) for t in trues] + [(f[0], f[1]) for f in falses]:
                s_, sem = v
                val = numparse(s_)
                if val is None or sem[0] != "num": continue
                checked += 1
                fr = to_frac(sem[1])
                if fr is None or fr != val:
                    bad.add((gold, s_))
                # label cross-check: string-parsed value vs string-parsed gold
                gv = numparse(gold)
                if gv is not None and fr is not None:
                    if (val == gv) != sem_equal(sem, gsem):
                        bad.add((gold, s_))
    return bad, checked

def main():
    bad, checked = route2_bad_variants()
    print("route2 checked", checked, "bad", sorted(bad), file=sys.stderr)
    # drop every variant on which the two routes disagree
    for kind, items in K.items():
        for it in items:
            it[2][:] = [t for t in it[2] if (it[0], t[0]) not in bad]
            it[3][:] = [f for f in it[3] if (it[0], f[0]) not in bad]
    out_dir = os.path.dirname(os.path.abspath(__file__))
    allrows, dropped, xchecked = [], [], 0
    for kind, krows in build_rows():
        kept = []
        for r in krows:
            fs = r["_fs"]
            # route 1: semantic equality of the inserted final vs gold
            computed = bool(r["_ok"] and fs is not None and fs[0] != "list" and sem_equal(fs, r["_gs"]))
            if computed != r["correct"]:
                dropped.append((r["reply"][:60], r["gold"], "sem disagree")); continue
            kept.append(r)
        # dedupe & sample
        seen, uniq = set(), []
        for r in kept:
            key = (r["gold"], r["reply"])
            if key in seen: continue
            seen.add(key); uniq.append(r)
        must = [r for r in uniq if r["why"].startswith("gold itself")]
        rest = [r for r in uniq if not r["why"].startswith("gold itself")]
        rng.shuffle(rest)
        T_ = [r for r in rest if r["correct"]]; F_ = [r for r in rest if not r["correct"]]
        target = 90 - len(must)
        nf = min(len(F_), target // 2 + 2); nt = min(len(T_), target - nf)
        sel = must + T_[:nt] + F_[:nf]
        allrows.extend(sel)
    gseen, g = set(), []
    for r in allrows:  # global dedupe on what the checker sees
        if (r["gold"], r["reply"]) in gseen: continue
        gseen.add((r["gold"], r["reply"])); g.append(r)
    allrows = g
    rng.shuffle(allrows)
    with open(os.path.join(out_dir, "math_heldout_2026-12-02.jsonl"), "w") as f:
        for i, r in enumerate(allrows, 1):
            f.write(json.dumps({"id": f"mh-{i:05d}", "split": "heldout-2026-12-02", "kind": r["kind"],
                                "phrasing": r["phrasing"], "distractor": r["distractor"], "gold": r["gold"],
                                "reply": r["reply"], "correct": r["correct"], "why": r["why"]}, ensure_ascii=False) + "\n")
    print("rows", len(allrows), "dropped", len(dropped), file=sys.stderr)
    for d in dropped: print("DROP", d, file=sys.stderr)

if __name__ == "__main__":
    main()
