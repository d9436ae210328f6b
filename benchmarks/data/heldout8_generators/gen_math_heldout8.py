#!/usr/bin/env python3
"""Generator for split A (math final-answer checker), heldout8, 2026-12-03.
Labels are set by construction: the reply's single final answer is drawn either from a list of
renderings known equal to gold (right/alt) or from a list known unequal (near/sign/swap/...)."""
import json, random, math, re
from fractions import Fraction
R = random.Random(20261203)
OUT = "/work/evaldata8/math/math_heldout8_2026-12-03.jsonl"
ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
def words(n):
    if n < 20: return ONES[n]
    t, o = divmod(n, 10)
    return TENS[t] + ("" if o == 0 else "-" + ONES[o])
def P(l, p=None): return (l, p if p is not None else l)
def fr(p, q): return P("\\frac{%d}{%d}" % (p, q), "%d/%d" % (p, q))

# ---------------- kinds ----------------
def k_integer():
    a, b, c = R.randint(6, 25), R.randint(3, 12), R.randint(2, 40)
    n = a * b + c
    return dict(gold=str(n), right=[P(str(n))], alt=[P("%d.0" % n), P("n = %d" % n, "n = %d" % n)],
        near=[P(str(n + 1)), P(str(n - 1)), P(str(a * b)), P(str(a * (b + 1) + c))], sign=P(str(-n)),
        work=["There are %d boxes with %d items each, so %d \u00d7 %d = %d items." % (a, b, a, b, a * b),
              "Adding the %d loose items gives %d + %d." % (c, a * b, c)], inter=str(a * b), tv=n)
def k_decimal():
    q = R.choice([4, 8, 20, 25]); p = R.randint(q + 1, 5 * q)
    while math.gcd(p, q) != 1: p += 1
    v = Fraction(p, q); s = ("%.3f" % float(v)).rstrip("0").rstrip(".")
    f = "%.*f" % (len(s.split(".")[1]) if "." in s else 0, float(v))
    alt = [fr(p, q), P(s + "0")]
    near = [P(s[:-1] if len(s) > 3 else s + "5"), P(("%.3f" % (float(v) + 0.1)).rstrip("0").rstrip(".")),
            P(("%.3f" % (float(v) * 10)).rstrip("0").rstrip("."))]
    near = [x for x in near if Fraction(x[1]) != v]
    pct = ("%.2f" % (float(v) * 100)).rstrip("0").rstrip(".")
    return dict(gold=s, right=[P(s)], alt=alt, near=near, sign=P("-" + s),
        units=P(pct + "\\%", pct + "%"), units_ok=None,
        work=["The total is %d split into %d equal parts." % (p, q), "Dividing, %d \u00f7 %d." % (p, q)],
        inter=str(p), tv=v)
def k_fraction():
    q = R.choice([3, 6, 7, 9, 12, 8, 5]); p = R.randint(1, q - 1)
    while math.gcd(p, q) != 1: p = R.randint(1, q - 1)
    alt = [fr(2 * p, 2 * q), fr(3 * p, 3 * q)]
    if q in (8, 5): alt.append(P(str(float(Fraction(p, q)))))
    near = [fr(q, p) if p != 1 else fr(q + 1, 1), fr(p + 1, q) if math.gcd(p + 1, q) else fr(p, q + 1), fr(p, q + 1)]
    if q in (3, 6, 7, 9, 12): near.append(P("%.2f" % (p / q)))
    near = [x for x in near if x[1] != "%d/%d" % (p, q)]
    pct = ("%.1f" % (100 * p / q)).rstrip("0").rstrip(".")
    return dict(gold="\\frac{%d}{%d}" % (p, q), right=[fr(p, q), P("\\dfrac{%d}{%d}" % (p, q), "%d/%d" % (p, q))], alt=alt,
        near=near, sign=P("-\\frac{%d}{%d}" % (p, q), "-%d/%d" % (p, q)), units=P(pct + "\\%", pct + "%"),
        work=["There are %d favorable outcomes out of %d." % (2 * p, 2 * q), "Reducing %d/%d by the common factor 2." % (2 * p, 2 * q)],
        inter=str(2 * q), tv=Fraction(p, q))
def k_mixed():
    w = R.randint(1, 6); q = R.choice([3, 4, 5, 8]); p = R.randint(1, q - 1)
    while math.gcd(p, q) != 1: p = R.randint(1, q - 1)
    imp = w * q + p
    return dict(gold="%d\\frac{%d}{%d}" % (w, p, q), right=[P("%d\\frac{%d}{%d}" % (w, p, q), "%d %d/%d" % (w, p, q))],
        alt=[fr(imp, q), P("%d \\tfrac{%d}{%d}" % (w, p, q), "%d and %d/%d" % (w, p, q))],
        near=[P("%d\\frac{%d}{%d}" % (w + 1, p, q), "%d %d/%d" % (w + 1, p, q)), fr(imp + 1, q),
              P("%d\\frac{%d}{%d}" % (w, q - p, q), "%d %d/%d" % (w, q - p, q)) if q - p != p else fr(imp - 1, q)],
        sign=P("-%d\\frac{%d}{%d}" % (w, p, q), "-%d %d/%d" % (w, p, q)),
        work=["Converting, %d \u00d7 %d + %d = %d, so the amount is %d/%d." % (w, q, p, imp, imp, q)],
        inter=str(imp), tv=Fraction(imp, q))
def k_percent():
    part = R.randint(3, 40); whole = R.choice([50, 80, 200, 250, 400, 20, 40])
    v = Fraction(part * 100, whole)
    s = ("%.2f" % float(v)).rstrip("0").rstrip(".")
    near = [P(("%.2f" % (float(v) / 10)).rstrip("0").rstrip(".") + "\\%", ("%.2f" % (float(v) / 10)).rstrip("0").rstrip(".") + "%"),
            P(str(int(v) + 5) + "\\%", str(int(v) + 5) + "%"), P(("%.4f" % (float(v) / 100)).rstrip("0").rstrip(".") + "\\%", ("%.4f" % (float(v) / 100)).rstrip("0").rstrip(".") + "%")]
    return dict(gold=s + "\\%", right=[P(s + "\\%", s + "%")], alt=[P(s + " percent", s + " percent"), P(s + "\\,\\%", s + " %")],
        near=near, sign=P("-" + s + "\\%", "-" + s + "%"),
        work=["%d out of %d is the fraction %d/%d." % (part, whole, part, whole), "Multiplying by 100 converts it."], inter=str(whole), tv=v)
def k_currency():
    cents = R.randint(250, 9999); d, c = divmod(cents, 100)
    s = "%d.%02d" % (d, c)
    alt = [P("%s \\text{ dollars}" % s, "%s dollars" % s)]
    if c % 10 == 0: alt.append(P("\\$%d.%d" % (d, c // 10), "$%d.%d" % (d, c // 10)))
    if c == 0: alt.append(P("\\$%d" % d, "$%d" % d))
    n2 = "%d.%02d" % divmod(cents + R.choice([1, 10, 100]), 100)
    sw = "%d.%02d" % (d, int(str("%02d" % c)[::-1])) if str("%02d" % c)[::-1] != "%02d" % c else "%d.%02d" % (d + 1, c)
    return dict(gold="\\$%s" % s, right=[P("\\$%s" % s, "$%s" % s)], alt=alt,
        near=[P("\\$%s" % n2, "$%s" % n2), P("\\$%s" % sw, "$%s" % sw), P("\\$%d.%02d" % divmod(cents * 10, 100), "$%d.%02d" % divmod(cents * 10, 100))],
        units=P("%s \\text{ euros}" % s, "\u20ac%s" % s), units_ok=P("\\$%s" % s, "$%s" % s),
        work=["The items cost $%d.%02d before the coupon." % divmod(cents + 150, 100), "Subtracting the $1.50 coupon."], inter="%d.%02d" % divmod(cents + 150, 100), tv=Fraction(cents, 100))
UNITS = [("cm", "centimeters", "m", "cm^2"), ("km", "kilometers", "m", "km^2"), ("kg", "kilograms", "g", "lb"),
         ("m", "meters", "ft", "m^2"), ("mL", "milliliters", "L", "cL"), ("mph", "miles per hour", "km/h", "miles")]
def k_units():
    u, long, w1, w2 = R.choice(UNITS); n = R.randint(12, 480)
    w = R.choice([w1, w2])
    return dict(gold="%d\\text{ %s}" % (n, u), right=[P("%d\\text{ %s}" % (n, u), "%d %s" % (n, u))],
        alt=[P("%d\\text{ %s}" % (n, long), "%d %s" % (n, long)), P("%d\\,\\mathrm{%s}" % (n, u), "%d%s" % (n, u))],
        near=[P("%d\\text{ %s}" % (n + 2, u), "%d %s" % (n + 2, u)), P("%d\\text{ %s}" % (n * 2, u), "%d %s" % (n * 2, u))],
        units=P("%d\\text{ %s}" % (n, w.replace("^2", "}^2\\text{")), "%d %s" % (n, w)), units_ok=P("%d\\text{ %s}" % (n, u), "%d %s" % (n, u)),
        work=["The first leg is %d %s and the second is %d %s." % (n // 2, u, n - n // 2, u)], inter=str(n // 2), unit_alt=w, tv=n)
def k_time():
    h = R.randint(1, 11); m = R.choice([5, 10, 15, 20, 25, 35, 40, 45, 50]); pm = R.random() < .5
    ap = "PM" if pm else "AM"; oth = "AM" if pm else "PM"
    h24 = h + 12 if pm else h
    return dict(gold="\\text{%d:%02d %s}" % (h, m, ap), right=[P("\\text{%d:%02d %s}" % (h, m, ap), "%d:%02d %s" % (h, m, ap))],
        alt=[P("\\text{%d:%02d %s}" % (h, m, ap.lower()[0] + "." + ap.lower()[1] + "."), "%d:%02d %s" % (h, m, ap.lower()[0] + "." + ap.lower()[1] + "."))] + ([P("%02d{:}%02d" % (h24, m), "%02d:%02d" % (h24, m))] if pm else []),
        near=[P("\\text{%d:%02d %s}" % (h % 12 + 1, m, ap), "%d:%02d %s" % (h % 12 + 1, m, ap)), P("\\text{%d:%02d %s}" % (h, (m + 10) % 60, ap), "%d:%02d %s" % (h, (m + 10) % 60, ap))],
        units=P("\\text{%d:%02d %s}" % (h, m, oth), "%d:%02d %s" % (h, m, oth)), units_ok=None,
        work=["The trip takes 2 hours %d minutes." % m, "Starting at %d:00 %s and adding the duration." % ((h - 2 - 1) % 12 + 1, oth if h == 1 else ap)], inter="2 hours", tv=None)
def k_sci():
    a = R.randint(11, 98) / 10; e = R.randint(4, 8)
    A = ("%g" % a); val = int(round(a * 10 ** e))
    return dict(gold="%s\\times10^{%d}" % (A, e), right=[P("%s \\times 10^{%d}" % (A, e), "%s x 10^%d" % (A, e))],
        alt=[P("{:,}".format(val).replace(",", "{,}"), "{:,}".format(val)), P(str(val)), P("%se%d" % (A, e))],
        near=[P("%s \\times 10^{%d}" % (A, e + 1), "%s x 10^%d" % (A, e + 1)), P("%g \\times 10^{%d}" % (a * 10, e), "%g x 10^%d" % (a * 10, e)) if False else P("%s \\times 10^{%d}" % (A, e - 1), "%s x 10^%d" % (A, e - 1))],
        sign=P("%s \\times 10^{-%d}" % (A, e), "%s x 10^-%d" % (A, e)),
        work=["Multiplying the mantissas gives %g, and adding exponents gives 10^%d." % (a * 10, e - 1)], inter="%g" % (a * 10), tv=None)
def k_expr():
    a, b = R.randint(2, 5), R.randint(1, 7); c = R.randint(1, 6)
    # (a x - b)(x - c) = a x^2 - (a c + b) x + b c
    B = a * c + b; C = b * c
    return dict(gold="%dx^2-%dx+%d" % (a, B, C), right=[P("%dx^2 - %dx + %d" % (a, B, C), "%dx^2 - %dx + %d" % (a, B, C))],
        alt=[P("%d - %dx + %dx^2" % (C, B, a)), P("%d*x**2 - %d*x + %d" % (a, B, C))],
        near=[P("%dx^2 - %dx - %d" % (a, B, C)), P("%dx^2 - %dx + %d" % (a, B + 1, C)), P("%dx^2 - %dx + %d" % (a, a * c, C))],
        sign=P("%dx^2 + %dx + %d" % (a, B, C)),
        work=["Expanding (%dx - %d)(x - %d): the outer terms give %dx and the inner give %dx." % (a, b, c, -a * c, -b)], inter=str(a * c), tv=None)
def k_equation():
    m = R.choice([2, 3, 4, -2, -3, 5]); b = R.choice([1, 2, 3, 5, 7, -4, -1])
    def line(mm, bb): return "y = %dx %s %d" % (mm, "+" if bb >= 0 else "-", abs(bb))
    return dict(gold=line(m, b).replace(" ", ""), right=[P(line(m, b))], alt=[P("y = %d %s %dx" % (b, "+" if m > 0 else "-", abs(m)))],
        near=[P(line(m, -b)), P(line(b, m)) if b != m else P(line(m, b + 1)), P(line(m + 1, b))], sign=P(line(-m, b)),
        swap=(P(line(b, m)), False) if b != m else None,
        work=["The slope is %d, and plugging in the point (1, %d) gives the intercept." % (m, m + b)], inter=str(m + b), tv=None)
def k_system():
    x, y = R.choice([-5, -4, -3, -2, -1, 1, 2, 3, 4, 5, 6, 7, 8]), R.randint(-6, 9)
    while x == y or x == -y or y == 0: y = R.randint(-6, 9)
    return dict(gold="x=%d, y=%d" % (x, y), right=[P("x = %d, y = %d" % (x, y))], alt=[P("y = %d,\\ x = %d" % (y, x), "y = %d and x = %d" % (y, x))],
        near=[P("x = %d, y = %d" % (x + 1, y)), P("x = %d, y = %d" % (x, y - 2))], sign=P("x = %d, y = %d" % (x, -y)),
        swap=(P("x = %d, y = %d" % (y, x)), False),
        work=["Adding the two equations eliminates y and gives %dx = %d." % (2, 2 * x)], inter=str(2 * x), tv=None)
def k_tuple():
    t = R.sample(range(-5, 15), 3)
    def T(v): return P("(%d, %d, %d)" % tuple(v))
    sw = [t[1], t[0], t[2]]
    return dict(gold="(%d,%d,%d)" % tuple(t), right=[T(t)], alt=[P("\\left(%d,%d,%d\\right)" % tuple(t), "(%d,%d,%d)" % tuple(t)), P("(a,b,c) = (%d, %d, %d)" % tuple(t))],
        near=[T([t[0], t[1], t[2] + 1]), T([t[0] - 1, t[1], t[2]])], sign=T([t[0], -t[1] if t[1] else 3, t[2]]),
        swap=(T(sw), False), svt=P("\\{%d, %d, %d\\}" % tuple(t), "{%d, %d, %d}" % tuple(t)),
        work=["From the first equation a = %d; substituting gives b + c = %d." % (t[0], t[1] + t[2])], inter=str(t[1] + t[2]), tv=None)
def k_pair():
    x, y = R.randint(-8, 9), R.randint(-8, 9)
    while x == y or y == 0 or x == -y: x, y = R.randint(-8, 9), R.randint(-8, 9)
    return dict(gold="(%d,%d)" % (x, y), right=[P("(%d, %d)" % (x, y))], alt=[P("\\left(%d,\\ %d\\right)" % (x, y), "(%d,%d)" % (x, y))],
        near=[P("(%d, %d)" % (x, y + 1)), P("(%d, %d)" % (x + 2, y))], sign=P("(%d, %d)" % (x, -y)),
        swap=(P("(%d, %d)" % (y, x)), False), svt=P("\\{%d, %d\\}" % (x, y), "{%d, %d}" % (x, y)),
        work=["The midpoint formula averages the coordinates: (%d + %d)/2 and (%d + %d)/2." % (2 * x - 1, 1, 2 * y + 3, -3)], inter=str(2 * x - 1), tv=None)
def k_set():
    a, b = sorted(R.sample(range(-7, 10), 2))
    while a == -b or a == 0 or b == 0: a, b = sorted(R.sample(range(-7, 10), 2))
    return dict(gold="\\{%d,%d\\}" % (a, b), right=[P("\\{%d, %d\\}" % (a, b), "{%d, %d}" % (a, b))],
        alt=[P("\\{%d, %d\\}" % (b, a), "{%d, %d}" % (b, a))],
        near=[P("\\{%d\\}" % a, "{%d}" % a), P("\\{%d, %d\\}" % (a, b + 1), "{%d, %d}" % (a, b + 1))],
        sign=P("\\{%d, %d\\}" % (a, -b), "{%d, %d}" % (a, -b)),
        swap=(P("\\{%d, %d\\}" % (b, a), "{%d, %d}" % (b, a)), True), svt=P("(%d, %d)" % (a, b)),
        work=["Factoring gives (x %s %d)(x %s %d) = 0." % ("-" if a > 0 else "+", abs(a), "-" if b > 0 else "+", abs(b))], inter=str(a * b), tv=None)
def k_interval():
    a = R.randint(-6, 3); b = a + R.randint(2, 9); lo, hi = R.choice([("[", ")"), ("(", "]"), ("[", "]"), ("(", ")")])
    def I(l, h, x=a, y=b): return P("%s%d, %d%s" % (l, x, y, h))
    flips = [(l2, h2) for l2 in "[(" for h2 in "])" if (l2, h2) != (lo, hi)]
    return dict(gold="%s%d,%d%s" % (lo, a, b, hi), right=[I(lo, hi)],
        alt=[P("\\left%s %d, %d \\right%s" % (lo, a, b, hi), "%s%d,%d%s" % (lo, a, b, hi))],
        near=[I(*f) for f in flips] + [I(lo, hi, a, b + 1)], sign=I(lo, hi, -b, -a) if a != -b else I(lo, hi, a - 1, b),
        work=["The endpoints come from solving %d = x and x = %d." % (a, b)], inter=str(b - a), tv=None)
def k_ineq():
    c = R.randint(-9, 12); op, rop, lop = R.choice([(">", "<", "\\ge"), ("<", ">", "\\le"), ("\\ge", "\\le", ">"), ("\\le", "\\ge", "<")])
    pl = {">": ">", "<": "<", "\\ge": ">=", "\\le": "<="}
    flip = {">": "<", "<": ">", "\\ge": "\\le", "\\le": "\\ge"}
    return dict(gold="x %s %d" % (op, c), right=[P("x %s %d" % (op, c), "x %s %d" % (pl[op], c))],
        alt=[P("%d %s x" % (c, rop), "%d %s x" % (c, pl[rop]))],
        near=[P("x %s %d" % (lop, c), "x %s %d" % (pl[lop], c)), P("x %s %d" % (op, c + 1), "x %s %d" % (pl[op], c + 1))],
        sign=P("x %s %d" % (flip[op], c), "x %s %d" % (pl[flip[op]], c)),
        swap=(P("%d %s x" % (c, rop), "%d %s x" % (c, pl[rop])), True),
        work=["Subtracting 3 from both sides gives %s %d." % ("2x " + pl[op], 2 * c)], inter=str(2 * c), tv=None)
def k_matrix():
    m = [R.randint(-4, 9) for _ in range(4)]
    while m[1] == m[2]: m[2] = R.randint(-4, 9)
    def M(v, env="pmatrix"): return P("\\begin{%s} %d & %d \\\\ %d & %d \\end{%s}" % (env, v[0], v[1], v[2], v[3], env), "[[%d, %d], [%d, %d]]" % tuple(v))
    return dict(gold="\\begin{pmatrix} %d & %d \\\\ %d & %d \\end{pmatrix}" % tuple(m), right=[M(m)], alt=[M(m, "bmatrix")],
        near=[M([m[0], m[1], m[2], m[3] + 1]), M([m[0] + 2, m[1], m[2], m[3]])], sign=M([m[0], -m[1] if m[1] else 1, m[2], m[3]]),
        swap=(M([m[0], m[2], m[1], m[3]]), False),
        work=["The top-left entry is %d\u00b71 + %d\u00b70." % (m[0], m[1])], inter=str(m[0] + m[1]), tv=None)
def k_vector():
    v = R.sample(range(-6, 10), 3)
    while 0 in v: v = R.sample(range(-6, 10), 3)
    def V(w): return P("\\begin{pmatrix} %d \\\\ %d \\\\ %d \\end{pmatrix}" % tuple(w), "(%d, %d, %d)" % tuple(w))
    return dict(gold="\\begin{pmatrix} %d \\\\ %d \\\\ %d \\end{pmatrix}" % tuple(v), right=[V(v)],
        alt=[P("\\langle %d, %d, %d \\rangle" % tuple(v), "<%d, %d, %d>" % tuple(v)), P("(%d, %d, %d)" % tuple(v))],
        near=[V([v[0], v[1], v[2] + 1]), V([v[0], v[1] - 1, v[2]])], sign=V([-v[0], v[1], v[2]]),
        swap=(V([v[1], v[0], v[2]]), False),
        work=["Subtracting componentwise, the first component is %d - %d." % (v[0] + 4, 4)], inter=str(v[0] + 4), tv=None)
def k_complex():
    a, b = R.randint(1, 9), R.randint(2, 9)
    while a == b: b = R.randint(2, 9)
    sg = R.choice(["+", "-"]); osg = "-" if sg == "+" else "+"
    return dict(gold="%d%s%di" % (a, sg, b), right=[P("%d %s %di" % (a, sg, b))], alt=[P("%s%di + %d" % ("" if sg == "+" else "-", b, a))],
        near=[P("%d %s %di" % (b, sg, a)), P("%d %s %di" % (a + 1, sg, b))], sign=P("%d %s %di" % (a, osg, b)),
        swap=(P("%d %s %di" % (b, sg, a)), False),
        work=["Multiplying numerator and denominator by the conjugate gives a denominator of %d." % (a * a + b * b)], inter=str(a * a + b * b), tv=None)
def k_pm():
    h = R.randint(1, 6); k = R.choice([2, 3, 5, 6, 7, 10])
    return dict(gold="%d\\pm\\sqrt{%d}" % (h, k), right=[P("%d \\pm \\sqrt{%d}" % (h, k), "%d \u00b1 \u221a%d" % (h, k))],
        alt=[P("x = %d \\pm \\sqrt{%d}" % (h, k), "x = %d \u00b1 sqrt(%d)" % (h, k))],
        near=[P("%d + \\sqrt{%d}" % (h, k), "%d + \u221a%d" % (h, k)), P("%d \\pm \\sqrt{%d}" % (h, k + 1), "%d \u00b1 \u221a%d" % (h, k + 1)),
              P("%d \\pm %d" % (h, k), "%d \u00b1 %d" % (h, k))],
        sign=P("-%d \\pm \\sqrt{%d}" % (h, k), "-%d \u00b1 \u221a%d" % (h, k)),
        work=["Completing the square gives (x - %d)^2 = %d." % (h, k)], inter=str(h * h - k), tv=None)
def k_mc():
    L = "ABCDE"; i = R.randrange(5); vals = R.sample(range(10, 99), 5); g = L[i]
    j = (i + R.choice([1, -1])) % 5
    return dict(gold="\\text{(%s)}" % g, right=[P("\\text{(%s)}" % g, "(%s)" % g)],
        alt=[P("\\textbf{(%s) } %d" % (g, vals[i]), "(%s) %d" % (g, vals[i])), P("\\text{%s}" % g, g)],
        near=[P("\\text{(%s)}" % L[j], "(%s)" % L[j]), P("\\textbf{(%s) } %d" % (L[j], vals[j]), "(%s) %d" % (L[j], vals[j]))],
        work=["Checking the options, (%s) %d and (%s) %d can be ruled out quickly." % (L[(i + 2) % 5], vals[(i + 2) % 5], L[(i + 3) % 5], vals[(i + 3) % 5])],
        inter=str(vals[(i + 2) % 5]), tv=None)
TEXT = [("Tuesday", ["Wednesday", "Monday"], "Counting 15 days forward from a Sunday"),
        ("odd", ["even"], "The sum of 7 odd numbers has 7 odd terms"),
        ("Bob", ["Alice", "Carol"], "Comparing the three totals, 41, 38 and 44"),
        ("isosceles", ["equilateral", "scalene"], "Two of the sides are 5 and the third is 8"),
        ("north", ["south", "east"], "After turning right three times and left once"),
        ("March", ["April", "February"], "Counting 14 months past January"),
        ("never", ["always"], "The function is strictly increasing"),
        ("red", ["blue", "green"], "The pattern repeats every 3 beads and 47 leaves a remainder of 2")]
def k_text():
    g, w, ctx = R.choice(TEXT)
    gl = g if g[0].isupper() else g
    return dict(gold="\\text{%s}" % g, right=[P("\\text{%s}" % g, g)], alt=[P("\\textbf{%s}" % g, g), P("\\mathrm{%s}" % g, g)],
        near=[P("\\text{%s}" % x, x) for x in w], work=[ctx + "."], inter="3", tv=None)
def k_words():
    n = R.randint(3, 85); W = words(n)
    m1 = n + R.choice([1, 10, -1]) if n > 11 else n + 1
    T = lambda w: P("\\text{%s}" % w, w)
    return dict(gold=str(n), right=[T(W), P(str(n))], alt=[T(W.capitalize()), P("\\text{%s} (%d)" % (W, n), "%s (%d)" % (W, n))],
        near=[T(words(m1)), T(words(n + 2) if n + 2 < 100 else words(n - 2))] + ([T(words(int(str(n)[::-1])))] if n > 12 and n % 10 and str(n)[::-1] != str(n) else []),
        work=["She had %s marbles and gave away some of them." % words(min(99, n + 7))], inter=words(min(99, n + 7)), tv=n)
KINDS = {"integer": k_integer, "decimal": k_decimal, "fraction": k_fraction, "mixed_number": k_mixed, "percent": k_percent,
         "currency": k_currency, "units": k_units, "time": k_time, "scientific_notation": k_sci, "expression": k_expr,
         "equation": k_equation, "system": k_system, "tuple": k_tuple, "ordered_pair": k_pair, "set": k_set,
         "interval": k_interval, "inequality": k_ineq, "matrix": k_matrix, "vector": k_vector, "complex": k_complex,
         "plus_minus": k_pm, "multiple_choice": k_mc, "text": k_text, "number_words": k_words}

# ---------------- phrasings: each returns the final-answer statement ----------------
def D(l): return "$" + l + "$"
PHR = {
 "boxed": ["Therefore, the answer is $\\boxed{%L}$.", "$$\\boxed{%L}$$", "So we get \\(\\boxed{%L}\\).", "Final result: $\\boxed{%L}$",
           "Putting it all together: $\\boxed{%L}$.", "Hence $\\boxed{%L}$ is what we are looking for.", "Thus the value is $\\boxed{%L}$.",
           "That gives us\n\n$$\\boxed{%L}$$", "The boxed result: $\\boxed{%L}$"],
 "the_answer_is": ["The answer is %P.", "So the answer is %P.", "Therefore the answer is %P.", "Hence, the answer is %P.", "Thus, the answer is %P.",
           "This means the answer is %P.", "All told, the answer is %P.", "In conclusion, the answer is %P.", "So, the answer to the question is %P."],
 "hashes": ["#### %P", "####%P", "Answer:\n#### %P", "#### %P\n", "That is the result.\n#### %P", "\n####  %P", "Done.\n\n#### %P", "Final:\n#### %P"],
 "bold": ["**Answer: %P**", "The answer is **%P**.", "**Final answer:** %P", "So we get **%P**.", "\u2192 **%P**", "**%P** is the result.",
          "Result: **%P**", "That makes it **%P**.", "**Answer:** %P"],
 "final_line": ["Final answer: %P", "Final Answer: %P", "FINAL ANSWER: %P", "Final answer \u2014 %P", "Final answer: $%L$", "Final answer: %P.",
                "Final answer:\n%P", "Final answer (simplified): %P"],
 "short": ["%P", "It's %P.", "%P.", "Answer: %P", "That comes to %P.", "Easy \u2014 %P.", "%P is the answer.", "= %P", "Got it: %P."],
 "trailing_commentary": ["The answer is %P. Problems like this get much easier once you set up the equation carefully.",
          "So the answer is %P. It is worth noticing how the structure of the problem made the computation short.",
          "That gives %P. In general, drawing a quick sketch helps avoid mistakes with this type of question.",
          "We end up with %P. This is a classic example of why units and signs deserve a second look.",
          "The result is %P. A similar approach works for most problems in this chapter.",
          "Answer: %P. Interestingly, this technique generalizes nicely to harder versions of the problem.",
          "So it's %P. Textbooks often present this with a slightly different method, but the idea is the same.",
          "Therefore %P. The key insight was to organize the information before calculating.",
          "This yields %P. I find that writing each step on its own line keeps things clear."],
 "latex": ["Therefore, $%L$.", "which gives $%L$ as our answer.", "The answer is $%L$.", "Hence the answer:\n\\[ %L \\]",
           "So the final value is \\( %L \\).", "Collecting everything, we get $$%L.$$", "Thus $%L$ is the solution.", "Hence, \\(%L\\) is the result."],
 "plain": ["So the answer comes out to %P.", "That works out to %P overall.", "So in the end it's %P.", "The answer, then, is %P.",
           "Which leaves us with %P.", "So our result is %P.", "Putting that together, we have %P.", "Ultimately the answer is %P."],
 "markdown": ["## Answer\n\n%P", "### Final answer\n**%P**", "---\n\n**Answer:** %P", "## Result\n\n| Quantity | Value |\n|---|---|\n| Answer | %P |",
              "### Conclusion\n\nThe answer is %P.", "# Solution summary\n\n- Final answer: **%P**", "## Answer\n> %P", "| Final answer |\n|---|\n| %P |"],
 "chatty_signoff": ["So it's %P! \U0001F60A Let me know if you'd like me to walk through any step again.",
          "And there you have it: %P. Hope this helps!", "The answer is %P. Happy studying, and feel free to ask follow-up questions!",
          "That gives %P. Great question, by the way!", "So we land on %P. Good luck with your homework!",
          "%P is the answer. Cheers, and have a great day!", "Final answer: %P. Let me know if anything is unclear \U0001F44D",
          "We get %P. Hope that clears things up!"],
 "self_correction": None,
}
SELFCORR = ["So the answer is %W.\n\nWait \u2014 I made an arithmetic slip in the last step. Redoing it carefully, the correct answer is %P.",
            "That gives %W. Hmm, actually that's not right: I mixed up two of the quantities. Fixing that, the answer is %P.",
            "I get %W... no, hold on. I dropped a term. Let me recompute: the final answer is %P.",
            "Answer: %W.\n\nCorrection: I misread the question. The answer is actually %P.",
            "This would be %W, but I forgot to apply the last condition. Applying it, the final answer is %P.",
            "So %W. Wait, let me double-check that... I see the error now. The correct final answer is %P.",
            "My first pass gave %W, which I now see is wrong because of a sign slip. Corrected answer: %P.",
            "Result: %W. Oops \u2014 scratch that, I multiplied where I should have divided. The answer is %P.",
            "That leads to %W.\n\nActually, rereading the problem, I need to revise: the answer is %P."]
HEDGE_TAIL = ["Or possibly {b}.", "(Or maybe {b}.)", "Though it could also be {b}.", "Unless it's {b}, which I can't rule out.",
              "But {b} is just as plausible.", "Or {b}, depending on interpretation.", "I'm really unsure between that and {b}.", "Then again, maybe {b}."]
def render(ph, fin, rng, latexy):
    if fin[0] == "HEDGE":
        _, a, b, tpl = fin
        t = rng.choice(PHR[ph])
        if "%L" in t:
            return t.replace("%L", a[0]) + " " + rng.choice(HEDGE_TAIL).format(b=D(b[0]))
        f = (lambda x: x[1]) if (ph in ("plain", "hashes", "short") or not latexy) else (lambda x: D(x[0]))
        return t.replace("%P", tpl.format(a=f(a), b=f(b)))
    l, p = fin
    if ph == "latex": pstr = l
    elif ph in ("plain", "hashes", "short"): pstr = p
    else: pstr = D(l) if latexy else p
    t = rng.choice(PHR[ph])
    return t.replace("%L", l).replace("%P", pstr)

# ---------------- distractor wordings ----------------
INTER = ["At this stage we have {i}.", "Keep {i} in mind for the next step.", "That leaves an intermediate value of {i}.",
         "Note the subtotal {i}; we are not done yet.", "So far that's {i}.", "An intermediate quantity here is {i}.",
         "This step produces {i}, which we use next.", "Halfway through, the running value is {i}.", "Temporarily we get {i}."]
INTER_GOLD = ["An intermediate result is {g}, but we still need one more step.", "Before the final adjustment we have {g}.",
              "Note that {g} is only the value before applying the last condition.", "The partial result is {g}; continuing from there.",
              "At one point the computation gives {g}, and then we keep going.", "We pass through {g} on the way.",
              "That's {g} so far, which still needs to be adjusted.", "So far we have {g}, and the last step changes it."]
NEAR_REJ = ["A common slip here gives {n}, so be careful with that step.", "(If you got {n}, you probably made a rounding slip.)",
            "It's tempting to write {n}, but that miscounts one case.", "Note: {n} is a frequent wrong answer to this problem.",
            "I initially got {n}, but rechecking the arithmetic fixes that.", "Beware: {n} comes from misreading the question.",
            "Don't stop at {n}; that skips a step.", "Some solutions list {n}, which is off by a small amount."]
SIGN_REJ = ["I first wrote {s}, but the sign was flipped; fixing that.", "Careful with signs: {s} would be the result with the wrong orientation.",
            "A sign error would give {s}, so let me redo that carefully.", "Earlier I had {s}, but I subtracted in the wrong order.",
            "(Not {s} \u2014 the negative sign cancels.)", "If you drop the minus sign incorrectly you get {s}; that is wrong.",
            "My scratch work showed {s}, which had a sign mistake.", "Double-checking the sign, {s} is incorrect."]
UNITS_REJ = ["Note the question wants the original units, not {u}.", "(Don't report this as {u}; the units must match the question.)",
             "Be careful not to convert to {u}.", "A careless unit slip would give {u} instead.", "I'll keep the units from the problem rather than {u}.",
             "Some might write {u}, but that changes the meaning.", "Converting to {u} isn't asked for here.", "Watch the units: {u} would be wrong."]
DOUBT_B = ["I'm not 100% sure about this one, but here goes.", "This is a bit tricky and I might be off, but:", "I'm somewhat unsure of my setup, but:",
           "I may have misread part of the problem, but working with my interpretation:", "Not completely confident here, though:",
           "Take this with a grain of salt:", "My best attempt, though I'm not certain:", "Hmm, this one confuses me a little, but:"]
DOUBT_A = ["I could be wrong, so please double-check my arithmetic.", "I'm not completely sure, though.", "That said, I'm only moderately confident.",
           "Please verify this, as I may have made a mistake.", "I think that's right, but I'm not certain.", "Let me know if that doesn't match your answer key.",
           "Though honestly I'd double-check it.", "I believe this is correct, but I'm not 100% sure."]
HEDGE = ["either {a} or {b}", "{a} or possibly {b}", "{a} (or maybe {b})", "{a}/{b}, depending on interpretation", "{a}, unless it's {b}",
         "probably {a}, though it could be {b}", "{a} \u2014 or {b} if I've misread it", "somewhere between {a} and {b}, likely one of them"]
HEDGE_PRE = ["I'm torn between two answers here.", "The wording is ambiguous, so I'll give both.", "Two readings of the question are possible.",
             "I can't decide between two values.", "My two attempts disagree.", "It depends on how you read it.", "There are two plausible results.", "I got two different numbers."]
SECOND = ["Although {o} might also be acceptable.", "But {o} is also a possibility.", "Or it might be {o}, actually.", "Then again, {o} could work too.",
          "Alternatively, the answer could be {o}.", "(Possibly {o} instead.)", "Some would say {o}, and that may be right as well.", "Or {o}, if the other interpretation is intended."]
SECOND_REJ = ["(You might see {o} elsewhere, but that comes from a misprint; it is not the answer.)", "Note that {o} is not correct here \u2014 it ignores the constraint.",
              "{o} is a common wrong answer, not an alternative.", "Just to be clear, {o} is not the answer.", "A classmate might say {o}; that's an error.",
              "(Not {o}, which double-counts.)", "Ruling out {o}: it fails the check.", "I want to stress that {o} is incorrect."]
HYPO = ["If the problem had said 5 instead of 4, the answer would be {o}.", "Had the rate been doubled, we would get {o} instead.",
        "For comparison, with the other starting value it would be {o}.", "If we ignored the extra condition, we'd get {o}.",
        "Just as a thought experiment, if it were a different setup the result would be {o}.", "Note: without the discount, the result would have been {o}.",
        "If the question asked for the other case, it would be {o}.", "Suppose the numbers were swapped; then the answer would be {o}."]
CHECK = ["Check: {i} plus the remaining part gives the total, as expected \u2713.", "Verification: substituting back, {i} = {i}. \u2713",
         "Sanity check: {i} is in a reasonable range, and the units work out.", "Quick check with numbers: 2 + 3 = 5 and 10 - 4 = 6, consistent with the steps.",
         "Checking: the intermediate {i} times 1 is still {i}, so nothing was lost.", "Double-check: recomputing the {i} step gives the same result.",
         "Verify: both sides equal {i} after substitution. \u2713", "As a check, estimating with round numbers (about 10 \u00d7 3 = 30) agrees in scale."]
CHECK_G = ["Check: plugging {g} back in works \u2713.", "Verification: {g} satisfies the original condition.", "Sanity check against {g}: consistent.",
           "Checking with {g}: both sides match.", "Quick check: {g} fits.", "Verify: the value {g} checks out.", "As a check, {g} works in the equation.", "Confirming with {g}: \u2713"]
SIGNOFF = ["Good luck with the other 9 problems!", "Hope this helps \u2014 5 stars if it did! \u2b50", "Feel free to send the next 3 questions.",
           "Have a great day, and good luck on your test on the 14th!", "Happy to help with problems 2 through 10 as well.", "Cheers! (That was question 7 of 12, right?)",
           "I hope you score 100% on the quiz!", "Let me know if you want me to do #4 too. \U0001F60A"]
WHY = {}

def rej_sent(w, **kw): return R.choice(w).format(**kw)

def make_row(kind, ph, dist, idx):
    need = {"sign_error": "sign", "swapped": "swap", "set_vs_tuple": "svt", "wrong_units": "units"}.get(dist)
    d = KINDS[kind]()
    while need and d.get(need) is None: d = KINDS[kind]()
    latexy = R.random() < 0.5
    gp = d["right"][0][1]
    RF = [False]
    def pick_right():
        RF[0] = True
        if d.get("alt") and R.random() < 0.4: return R.choice(d["alt"]), True
        return R.choice(d["right"]), False
    def fmt(x): return x[1] if ph in ("plain", "hashes", "short") or not latexy else D(x[0])
    pre, post = list(d["work"]), []
    if ph == "short": pre = pre[:1] if R.random() < 0.5 else []
    fin = None; correct = None; why = None; hard = False; final_override = None
    if dist == "none":
        if R.random() < 0.65:
            fin, alt = pick_right(); correct = True; hard = alt
            why = "final answer %s equals the gold%s" % (fin[1], " in an equivalent form" if alt else "")
        else:
            fin = R.choice(d["near"]); correct = False; why = "final answer %s differs from the gold %s" % (fin[1], gp)
    elif dist == "intermediate":
        if R.random() < 0.7:
            pre.append(rej_sent(INTER, i=d["inter"])); fin, alt = pick_right(); correct = True; hard = True
            why = "intermediate values in the working do not count; the final answer %s matches" % fin[1]
        else:
            pre.append(rej_sent(INTER_GOLD, g=fmt(d["right"][0]))); fin = R.choice(d["near"]); correct = False; hard = True
            why = "the gold value appears only in the working; the final answer %s is wrong" % fin[1]
    elif dist == "near_miss":
        if R.random() < 0.4:
            n = R.choice(d["near"]); pre.append(rej_sent(NEAR_REJ, n=fmt(n))); fin, _ = pick_right(); correct = True; hard = True
            why = "the near miss %s is explicitly rejected and the final answer %s matches" % (n[1], fin[1])
        else:
            fin = R.choice(d["near"]); correct = False; hard = True; why = "final answer %s is a near miss of the gold %s" % (fin[1], gp)
    elif dist == "sign_error":
        if R.random() < 0.4:
            pre.append(rej_sent(SIGN_REJ, s=fmt(d["sign"]))); fin, _ = pick_right(); correct = True; hard = True
            why = "the sign-flipped value is rejected in the working; final answer %s matches" % fin[1]
        else:
            fin = d["sign"]; correct = False; hard = True; why = "final answer %s has a sign error" % fin[1]
    elif dist == "swapped":
        fin, correct = d["swap"]; hard = True
        why = ("reordering is harmless here (%s); final answer %s is equivalent" % ("unordered set" if kind == "set" else "same inequality read the other way", fin[1])) if correct \
              else "final answer %s has components swapped; order matters" % fin[1]
    elif dist == "set_vs_tuple":
        fin = d["svt"]; correct = False; hard = True
        why = "final answer %s uses the wrong structure (%s vs gold %s)" % (fin[1], "tuple" if kind == "set" else "set", gp)
    elif dist == "wrong_units":
        if d.get("units_ok") is not None and R.random() < 0.35:
            pre.append(rej_sent(UNITS_REJ, u=fmt(d["units"]))); fin = d["units_ok"]; correct = True; hard = True
            why = "the wrong-unit form is rejected and the final answer %s has the gold's units" % fin[1]
        else:
            fin = d["units"]; correct = False; hard = True
            why = "final answer %s has the wrong unit/form for gold %s" % (fin[1], gp)
    elif dist in ("doubt_before", "doubt_after"):
        if dist == "doubt_before": pre.append(R.choice(DOUBT_B))
        else: post.append(R.choice(DOUBT_A))
        if R.random() < 0.5:
            fin, _ = pick_right(); correct = True; hard = True; why = "doubt is expressed but one final answer %s is given and it matches" % fin[1]
        else:
            fin = R.choice(d["near"]); correct = False; why = "single final answer %s is wrong (doubt aside)" % fin[1]
    elif dist == "hedge_two":
        a = R.choice(d["right"]); b = R.choice(d["near"])
        if R.random() < 0.5: a, b = b, a
        pre.append(R.choice(HEDGE_PRE)); tpl = R.choice(HEDGE)
        final_override = ("HEDGE", a, b, tpl)
        correct = False; hard = True; why = "the reply hedges between two final answers (%s / %s)" % (a[1], b[1])
    elif dist == "second_candidate":
        o = R.choice(d["near"])
        fin, _ = pick_right()
        if R.random() < 0.25:
            post.append(rej_sent(SECOND_REJ, o=fmt(o))); correct = True; hard = True
            why = "the other value %s is named only to reject it; final answer %s matches" % (o[1], fin[1])
        else:
            post.append(rej_sent(SECOND, o=fmt(o))); correct = False; hard = True
            why = "a second candidate %s is offered after the final answer" % o[1]
    elif dist == "hypothetical":
        if R.random() < 0.75:
            o = R.choice(d["near"]); s = rej_sent(HYPO, o=fmt(o)); fin, _ = pick_right(); correct = True; hard = True
            why = "the hypothetical value %s is not the answer; final answer %s matches" % (o[1], fin[1])
        else:
            s = rej_sent(HYPO, o=fmt(d["right"][0])); fin = R.choice(d["near"]); correct = False; hard = True
            why = "the gold value appears only in a hypothetical; final answer %s is wrong" % fin[1]
        (pre if R.random() < 0.5 else post).append(s)
    elif dist == "check_step":
        if R.random() < 0.85:
            post.append(rej_sent(CHECK, i=d["inter"])); fin, _ = pick_right(); correct = True; hard = True
            why = "the check step mentions other numbers; the final answer %s matches" % fin[1]
        else:
            pre.append(rej_sent(CHECK_G, g=fmt(d["right"][0]))); fin = R.choice(d["near"]); correct = False; hard = True
            why = "the gold appears in a check, but the final answer stated is %s" % fin[1]
    elif dist == "signoff_numbers":
        post.append(R.choice(SIGNOFF))
        if R.random() < 0.8:
            fin, _ = pick_right(); correct = True; hard = True; why = "numbers in the sign-off are not answers; final answer %s matches" % fin[1]
        else:
            fin = R.choice(d["near"]); correct = False; why = "final answer %s is wrong; sign-off numbers are irrelevant" % fin[1]
    finx = final_override if final_override else fin
    if ph == "self_correction":
        t = R.choice(SELFCORR)
        if RF[0] and not final_override: w = R.choice(d["near"] + ([d["sign"]] if d.get("sign") else []))
        else: w = d["right"][0]
        if final_override:
            _, ha, hb, _t = final_override
            cand = [x for x in d["near"] + ([d["sign"]] if d.get("sign") else []) if x not in (ha, hb)]
            w = R.choice(cand) if cand else None
        if final_override:
            _, a, b, tpl = final_override; hp = tpl.format(a=fmt(a), b=fmt(b))
        else: hp = fmt(finx)
        if w is None:
            stmt = render("the_answer_is", finx, R, latexy)
        else:
            stmt = t.replace("%W", fmt(w)).replace("%P", hp); why = why + " (after self-correction from %s)" % w[1]
        hard = True
    else:
        stmt = render(ph, finx, R, latexy)
    body = " ".join(pre)
    parts = [body] if body else []
    parts.append(stmt)
    if post: parts.append(" ".join(post))
    reply = re.sub(r"(?<!\.)\.\.(?!\.)", ".", "\n\n".join(parts))
    return dict(id="math8-%05d" % idx, split="math_heldout8_2026-12-03", kind=kind, phrasing=ph, distractor=dist,
                gold=d["gold"], reply=reply, correct=bool(correct), why=why[0].upper() + why[1:] + "."), hard

DISTS = ["none", "intermediate", "near_miss", "sign_error", "swapped", "set_vs_tuple", "wrong_units", "doubt_before", "doubt_after",
         "hedge_two", "second_candidate", "hypothetical", "check_step", "signoff_numbers"]
def applicable(kind, dist):
    probe = KINDS[kind]()
    if dist == "sign_error": return probe.get("sign") is not None
    if dist == "swapped": return probe.get("swap") is not None
    if dist == "set_vs_tuple": return probe.get("svt") is not None
    if dist == "wrong_units": return probe.get("units") is not None
    return True

if __name__ == "__main__":
    rows, hards = [], 0
    idx = 0
    for kind in KINDS:
        for ph in PHR:
            for dist in DISTS:
                if not applicable(kind, dist): continue
                reps = 1 if dist not in ("none", "hedge_two", "intermediate") else 1
                for _ in range(reps):
                    idx += 1
                    r, h = make_row(kind, ph, dist, idx); rows.append(r); hards += h
    # second pass to reach >=2000 rows with cheap extra cells on the core distractors
    while len(rows) < 2600:
        kind = R.choice(list(KINDS)); ph = R.choice(list(PHR)); dist = R.choice(["none", "near_miss", "doubt_after", "hypothetical", "check_step", "signoff_numbers", "second_candidate", "intermediate"])
        idx += 1; r, h = make_row(kind, ph, dist, idx); rows.append(r); hards += h
    with open(OUT, "w") as f:
        for r in rows: f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(len(rows), "rows; correct", sum(r["correct"] for r in rows), "hard", hards)
