"""Per-kind instance builders. Each returns a dict with the question, gold, the
canonical final form, equal forms, wrong forms (near misses and kind-specific
traps) and intermediate values. A form is (math_string, plain_string); labels
come from which list a form was drawn from, and every list is built from the
numbers directly (wrong forms are checked numerically to differ from gold)."""
from fractions import Fraction as Fr
import math

ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
MONTHS = "January February March April May June July August September October November December".split()


def words(n):
    if n < 20:
        return ONES[n]
    if n < 100:
        t, o = divmod(n, 10)
        return TENS[t] + ("-" + ONES[o] if o else "")
    h, rest = divmod(n, 100)
    return ONES[h] + " hundred" + (" " + words(rest) if rest else "")


def M(s):
    return (s, f"${s}$")


def T(s, math_s=None):
    return (math_s or f"\\text{{{s}}}", s)


def terminates(f):
    d = f.denominator
    for p in (2, 5):
        while d % p == 0:
            d //= p
    return d == 1


def dec(f):
    # exact decimal string of a terminating fraction
    s = f"{float(f):.10f}".rstrip("0").rstrip(".")
    assert Fr(s) == f
    return s


def sgn_term(c, var="", first=False):
    # format coefficient c times var as a polynomial term
    if c == 0:
        return ""
    mag = abs(c)
    body = (str(mag) if (mag != 1 or not var) else "") + var
    if first:
        return ("-" if c < 0 else "") + body
    return (" - " if c < 0 else " + ") + body


def cplx(a, b):
    im = ("" if abs(b) == 1 else str(abs(b))) + "i"
    return f"{a} {'-' if b < 0 else '+'} {im}"


def k_integer(r):
    while True:
        a, b = r.randint(3, 12), r.randint(6, 140)
        c = r.randint(2, a * b // 2)
        g = a * b - c
        if len({g, a * b, c, a, b}) == 5:
            break
    eq = [(M(f"{g}.0"), "trailing zero"), (M(f"{g}.00"), "trailing zeros")]
    if g >= 1000:
        eq.append((M(f"{g:,}".replace(",", "{,}")), "thousands separator"))
    return dict(
        q=f"A warehouse receives {a} crates with {b} bottles each, and {c} bottles break. How many bottles are left?",
        gold=str(g), canon=M(str(g)), equiv=eq,
        near=[(M(str(g + 1)), "off by one"), (M(str(g - 10)), "subtraction slip")],
        trap=[(M(str(a * b + c)), "added the broken bottles instead of subtracting")],
        inter=[str(a * b), str(c)],
        steps=[f"Total bottles: ${a} \\times {b} = {a*b}$.", f"Broken bottles: ${c}$."])


def k_decimal(r):
    while True:
        n = r.choice([4, 8, 5, 20, 16])
        g = Fr(r.randint(5, 90), n)
        if g.denominator > 1 and terminates(g) and len(dec(g).split(".")[1]) >= 2 and g.numerator % 10:
            break
    L = g * n
    s = dec(g)
    sw = s[:-2] + s[-1] + s[-2]
    near = [(M(dec(g + Fr(1, 10))), "tenths digit off")]
    if Fr(sw) != g:
        near.append((M(sw), "transposed digits"))
    trap = [(M(f"{dec(g*100)}\\%"), "percent form of a decimal gold")]
    rounded = f"{float(g):.1f}"
    if Fr(rounded) != g:
        trap.append((M(rounded), "rounded, not exact"))
    return dict(
        q=f"A ribbon {L} m long is cut into {n} equal pieces. How long is each piece, in metres?",
        gold=s, canon=M(s),
        equiv=[(M(s + "0"), "trailing zero"), (M(f"\\frac{{{g.numerator}}}{{{g.denominator}}}"), "exact fraction"),
               (M(f"{g.numerator}/{g.denominator}"), "exact fraction, slash")],
        near=near, trap=trap, inter=[str(L), str(n)],
        steps=[f"Each piece is ${L} \\div {n}$.", f"Long division: ${n}$ goes into ${L}$ a little over ${int(g)}$ times."])


def k_fraction(r):
    while True:
        p, q = r.randint(1, 9), r.randint(2, 12)
        g = Fr(p, q)
        k = r.randint(2, 4)
        red, tot = g.numerator * k, g.denominator * k
        blue = tot - red
        if 0 < g < 1 and g.denominator > 2 and blue != red and g != Fr(1, 2):
            break
    num, den = g.numerator, g.denominator
    eq = [(M(f"\\frac{{{red}}}{{{tot}}}"), "unreduced fraction"), (M(f"\\dfrac{{{num}}}{{{den}}}"), "dfrac")]
    trap = [(M(f"\\frac{{{den}}}{{{num}}}"), "reciprocal")]
    if terminates(g):
        eq.append((M(dec(g)), "exact decimal"))
        trap.append((M(f"{dec(g*100)}\\%"), "percent vs fraction gold"))
    else:
        trap.append((M(f"{float(g):.2f}"), "rounded decimal of a non-terminating fraction"))
    c = 1 - g
    return dict(
        q=f"A bag holds {red} red and {blue} blue marbles. One marble is drawn at random. What is the probability it is red?",
        gold=f"\\frac{{{num}}}{{{den}}}", canon=M(f"\\frac{{{num}}}{{{den}}}"), equiv=eq,
        near=[(M(f"\\frac{{{c.numerator}}}{{{c.denominator}}}"), "complement (blue)"),
              (M(f"\\frac{{{num}}}{{{den+1}}}"), "denominator off by one")],
        trap=trap, inter=[str(red), str(blue), str(tot)],
        steps=[f"Total marbles: ${red} + {blue} = {tot}$.", f"Favourable outcomes: ${red}$."])


def k_mixed(r):
    while True:
        d = r.choice([3, 4, 5, 6, 8])
        w, n = r.randint(1, 6), r.randint(1, d - 1)
        if math.gcd(n, d) == 1:
            break
    g = w + Fr(n, d)
    p = g.numerator * 1
    friends = d
    pies = g * friends
    eq = [(M(f"\\frac{{{g.numerator}}}{{{d}}}"), "improper fraction"), (M(f"{w} \\tfrac{{{n}}}{{{d}}}"), "tfrac"),
          (T(f"{w} {n}/{d}", f"{w}\\ {n}/{d}"), "plain mixed number")]
    if terminates(g):
        eq.append((M(dec(g)), "exact decimal"))
    n2 = n + 1 if n + 1 < d else n - 1
    return dict(
        q=f"{pies} pizzas are shared equally among {friends} friends. How many pizzas does each friend get? Give a mixed number.",
        gold=f"{w}\\frac{{{n}}}{{{d}}}", canon=M(f"{w}\\frac{{{n}}}{{{d}}}"), equiv=eq,
        near=[(M(f"{w}\\frac{{{n2}}}{{{d}}}"), "numerator off"), (M(f"{w+1}\\frac{{{n}}}{{{d}}}"), "whole part off")],
        trap=[(M(f"\\frac{{{n}}}{{{d}}}"), "dropped the whole part")],
        inter=[str(pies), str(friends)],
        steps=[f"Each friend gets $\\frac{{{pies}}}{{{friends}}}$ pizzas.", f"${friends}$ goes into ${pies}$ ${w}$ times with remainder ${n}$."])


def k_percent(r):
    while True:
        N = r.choice([20, 25, 40, 50, 80, 200])
        k = r.randint(1, N - 1)
        pct = Fr(100 * k, N)
        if pct.denominator in (1, 2) and pct % 10 != 0:
            break
    s = dec(pct)
    return dict(
        q=f"In a survey of {N} people, {k} said they cycle to work. What percent cycle to work?",
        gold=f"{s}\\%", canon=M(f"{s}\\%"),
        equiv=[(T(f"{s}%"), "plain percent sign"), (T(f"{s} percent"), "the word percent"), (M(f"{s}.0\\%" if "." not in s else f"{s}0\\%"), "trailing zero")],
        near=[(M(f"{dec(100-pct)}\\%"), "complement"), (M(f"{dec(pct+5)}\\%"), "off by five points")],
        trap=[(M(f"{dec(pct/10)}\\%"), "decimal point slip")],
        inter=[str(N), str(k)],
        steps=[f"Fraction who cycle: $\\frac{{{k}}}{{{N}}}$.", "Multiply by 100 to convert to a percent."])


def k_currency(r):
    while True:
        price = Fr(r.randint(30, 400) * 5, 100)
        n = r.randint(2, 6)
        disc = Fr(r.randint(1, 20) * 25, 100)
        g = price * n - disc
        if g > 0 and g * 100 % 10 == 0 and g.denominator != 1:
            break
    s = f"{float(g):.2f}"
    sub = f"{float(price*n):.2f}"
    return dict(
        q=f"Tickets cost ${float(price):.2f} each. Ana buys {n} tickets and uses a ${float(disc):.2f} coupon. How much does she pay?",
        gold=f"\\${s}", canon=(f"\\${s}", f"${s}"),
        equiv=[(T(f"{s} dollars"), "written as dollars"), ((f"\\${s[:-1]}", f"${s[:-1]}"), "one decimal place"),
               ((f"\\text{{USD }}{s}", f"USD {s}"), "USD code")],
        near=[((f"\\${float(g+1):.2f}", f"${float(g+1):.2f}"), "off by a dollar"), ((f"\\${sub}", f"${sub}"), "forgot the coupon")],
        trap=[((f"€{s}", f"€{s}"), "wrong currency"), ((f"£{s}", f"£{s}"), "wrong currency")],
        inter=[f"${sub}", f"${float(disc):.2f}"],
        steps=[f"Subtotal: {n} × ${float(price):.2f} = ${sub}.", f"Coupon: −${float(disc):.2f}."])


UNITS = [("cm", "centimeters", "m", "mm"), ("m", "metres", "cm", "km"), ("in", "inches", "ft", "cm"), ("km", "kilometers", "m", "mi")]


def k_units(r):
    u, full, w1, w2 = r.choice(UNITS)
    a, b = r.randint(3, 30), r.randint(3, 30)
    while a == b:
        b = r.randint(3, 30)
    P = 2 * (a + b)
    return dict(
        q=f"A rectangle is {a} {u} long and {b} {u} wide. What is its perimeter?",
        gold=f"{P} \\text{{ {u}}}", canon=M(f"{P} \\text{{ {u}}}"),
        equiv=[(T(f"{P} {u}"), "plain unit"), (T(f"{P} {full}"), "unit spelled out"), (M(f"{P}\\,\\mathrm{{{u}}}"), "mathrm unit")],
        near=[(M(f"{a+b} \\text{{ {u}}}"), "forgot to double"), (M(f"{a*b} \\text{{ {u}}}"), "computed area value")],
        trap=[(T(f"{P} {w1}"), "wrong unit"), (T(f"{P} {w2}"), "wrong unit"), (M(f"{P} \\text{{ {u}}}^2"), "squared unit for a length")],
        inter=[f"{a+b} {u}", f"{a} {u}"],
        steps=[f"Perimeter $= 2(\\ell + w)$.", f"$\\ell + w = {a} + {b} = {a+b}$ {u}."])


def k_time(r):
    while True:
        sh, sm = r.randint(9, 13), r.choice([0, 10, 15, 20, 30, 40, 45])
        dh, dm = r.randint(1, 6), r.choice([5, 15, 25, 35, 50])
        eh, em = divmod(sh * 60 + sm + dh * 60 + dm, 60)
        if 13 <= eh <= 23:
            break
    h12 = eh - 12
    g = f"{h12}:{em:02d} PM"
    start = f"{sh if sh <= 12 else sh-12}:{sm:02d} {'AM' if sh < 12 else 'PM'}"
    return dict(
        q=f"A train leaves at {start} and the trip takes {dh} h {dm} min. When does it arrive?",
        gold=g, canon=T(g),
        equiv=[(T(f"{eh}:{em:02d}"), "24-hour time"), (T(f"{h12}:{em:02d} p.m."), "p.m."), (T(f"{h12}:{em:02d} pm"), "lowercase pm")],
        near=[(T(f"{h12}:{(em+15)%60:02d} PM"), "minutes off"), (T(f"{h12+1 if h12 < 11 else h12-1}:{em:02d} PM"), "hour off")],
        trap=[(T(f"{h12}:{em:02d} AM"), "AM instead of PM"), (T(f"{h12:02d}:{em:02d}"), "24-hour reading is morning")],
        inter=[start, f"{dh} h {dm} min"],
        steps=[f"Start: {start}.", f"Add {dh} hours, then {dm} minutes."])


def k_sci(r):
    a, b = r.randint(1, 9), r.randint(1, 9)
    e = r.randint(3, 9)
    m = f"{a}.{b}"
    N = (a * 10 + b) * 10 ** (e - 1)
    g = f"{m} \\times 10^{e}"
    return dict(
        q=f"Write {N:,} in scientific notation.",
        gold=g, canon=M(g),
        equiv=[(M(str(N)), "plain number"), (T(f"{m}e{e}"), "e-notation"), (M(f"{a}{b} \\times 10^{{{e-1}}}"), "non-normalised mantissa"), (M(f"{m} \\times 10^{{{e}}}"), "braced exponent")],
        near=[(M(f"{m} \\times 10^{{{e+1}}}"), "exponent off by one"), (M(f"{m} \\times 10^{{{e-1}}}"), "exponent off by one")] + ([(M(f"{b}.{a} \\times 10^{{{e}}}"), "transposed digits")] if a != b else []),
        trap=[(M(f"{m} \\times 10^{{-{e}}}"), "negative exponent")],
        inter=[str(e), str(a * 10 + b)],
        steps=[f"Move the decimal point ${e}$ places to the left.", f"The significant digits are ${a}{b}$."])


def k_expression(r):
    while True:
        a, b = r.choice([i for i in range(-7, 8) if i]), r.choice([i for i in range(-7, 8) if i])
        s, p = a + b, a * b
        if s and s != p and a != b and s != -p:
            break
    def poly(c1, c0, order):
        terms = {"2": (1, "x^2"), "1": (c1, "x"), "0": (c0, "")}
        out = ""
        for i, key in enumerate(order):
            c, v = terms[key]
            out += sgn_term(c, v, first=(i == 0))
        return out
    g = poly(s, p, "210")
    sa = f"{a:+d}".replace("+", "+ ").replace("-", "- ")
    sb = f"{b:+d}".replace("+", "+ ").replace("-", "- ")
    return dict(
        q=f"Expand $(x {sa})(x {sb})$.",
        gold=g, canon=M(g),
        equiv=[(M(poly(s, p, "012")), "reordered terms"), (M(poly(s, p, "102")), "reordered terms"), (M(g.replace("x^2", "x^{2}").replace(" ", "")), "compact spacing")],
        near=[(M(poly(s, p + 1, "210")), "constant off by one"), (M(poly(p, s, "210")), "swapped sum and product")],
        trap=[(M(poly(-s, p, "210")), "sign error on the linear term")],
        inter=[str(s), str(p)],
        steps=[f"FOIL: $x \\cdot x = x^2$.", f"Outer + inner: ${a}x + {b}x$; last: $({a})({b})$."])


def k_equation(r):
    while True:
        m, c = r.choice([i for i in range(-6, 7) if i]), r.choice([i for i in range(-9, 10) if i])
        if m != c and abs(m) != 1:
            break
    x1, x2 = r.randint(-3, 1), r.randint(2, 5)
    def line(mm, cc, swap=False):
        rhs = sgn_term(mm, "x", True) + sgn_term(cc)
        return rhs + " = y" if swap else "y = " + rhs
    g = line(m, c)
    return dict(
        q=f"Find the equation of the line through $({x1}, {m*x1+c})$ and $({x2}, {m*x2+c})$.",
        gold=g, canon=M(g),
        equiv=[(M(f"y = {c}{sgn_term(m, 'x')}"), "reordered terms"), (M(line(m, c, True)), "sides swapped"), (M(g.replace(" ", "")), "compact spacing")],
        near=[(M(line(m, -c)), "intercept sign error"), (M(line(c, m)), "slope and intercept swapped")],
        trap=[(M(line(-m, c)), "slope sign error")],
        inter=[str(m * x1 + c), str(m * x2 + c), str(x2 - x1)],
        steps=[f"Slope $= \\frac{{{m*x2+c} - ({m*x1+c})}}{{{x2} - ({x1})}}$.", "Then substitute a point into $y = mx + b$."])


def k_system(r):
    while True:
        x0, y0 = r.randint(-6, 6), r.randint(-6, 6)
        if x0 and y0 and x0 != y0 and x0 != -y0:
            break
    a1, b1, a2, b2 = 1, 1, r.randint(2, 4), -r.randint(1, 3)
    c1, c2 = a1 * x0 + b1 * y0, a2 * x0 + b2 * y0
    g = f"x = {x0}, y = {y0}"
    return dict(
        q=f"Solve the system $x + y = {c1}$ and ${a2}x - {-b2}y = {c2}$.",
        gold=g, canon=M(g),
        equiv=[(M(f"y = {y0}, x = {x0}"), "unknowns reordered"), ((f"x = {x0} \\text{{ and }} y = {y0}", f"$x = {x0}$ and $y = {y0}$"), "written with 'and'")],
        near=[(M(f"x = {x0}, y = {-y0}"), "sign error in y"), (M(f"x = {x0+1}, y = {y0-1}"), "arithmetic slip")],
        trap=[(M(f"x = {y0}, y = {x0}"), "values swapped between unknowns")],
        inter=[str(c1), str(c2), str(a2 - b2)],
        steps=[f"From the first equation, $y = {c1} - x$.", f"Substituting: ${a2}x - {-b2}({c1} - x) = {c2}$."])


def k_tuple(r):
    while True:
        a, d = r.randint(-5, 9), r.choice([i for i in range(-4, 6) if i])
        t = [a * a + d, (a + 1) ** 2 + d, (a + 2) ** 2 + d]
        if len(set(t)) == 3:
            break
    def tup(v, sep=", "):
        return "(" + sep.join(map(str, v)) + ")"
    g = tup(t)
    t2 = [t[0], t[1], t[2] + 1]
    return dict(
        q=f"Give the triple $(f({a}), f({a+1}), f({a+2}))$ for $f(n) = n^2 {'+' if d > 0 else '-'} {abs(d)}$.",
        gold=g, canon=M(g),
        equiv=[(M(tup(t, ",")), "compact spacing"), (M("\\left" + tup(t)[:-1] + "\\right)"), "left/right delimiters")],
        near=[(M(tup(t2)), "last entry off by one")],
        trap=[(M(tup(t[::-1])), "entries reversed"), (M("\\{" + ", ".join(map(str, t)) + "\\}"), "tuple written as a set")],
        inter=[str(a * a), str((a + 1) ** 2), str((a + 2) ** 2)],
        steps=[f"Squares: ${a}^2 = {a*a}$, ${a+1}^2 = {(a+1)**2}$, ${a+2}^2 = {(a+2)**2}$.", f"Then add ${d}$ to each."])


def k_pair(r):
    while True:
        x0, y0 = r.randint(-6, 6), r.randint(-6, 6)
        m1, m2 = r.randint(-3, 3), r.randint(-3, 3)
        if x0 and y0 and x0 != y0 and m1 != m2 and x0 != -y0:
            break
    c1, c2 = y0 - m1 * x0, y0 - m2 * x0
    g = f"({x0}, {y0})"
    def ln(m, c):
        return "y = " + (sgn_term(m, "x", True) + sgn_term(c) if m else str(c))
    return dict(
        q=f"Where do the lines ${ln(m1, c1)}$ and ${ln(m2, c2)}$ intersect?",
        gold=g, canon=M(g),
        equiv=[(M(f"({x0},{y0})"), "compact spacing"), (M(f"\\left({x0}, {y0}\\right)"), "left/right delimiters")],
        near=[(M(f"({x0}, {-y0})"), "sign error in y"), (M(f"({-x0}, {y0})"), "sign error in x")],
        trap=[(M(f"({y0}, {x0})"), "coordinates swapped")],
        inter=[str(c1), str(c2), str(m1 - m2)],
        steps=[f"Set the right-hand sides equal.", f"Collect terms: $({m1} - ({m2}))x = {c2} - ({c1})$."])


def k_set(r):
    while True:
        a, b = sorted(r.sample([i for i in range(-8, 9) if i], 2))
        if a != -b:
            break
    s, p = a + b, a * b
    g = f"\\{{{a}, {b}\\}}"
    return dict(
        q=f"Find the solution set of $x^2{sgn_term(-s, 'x')}{sgn_term(p)} = 0$." if s else f"Find the solution set of $x^2{sgn_term(p)} = 0$.",
        gold=g, canon=M(g),
        equiv=[(M(f"\\{{{b}, {a}\\}}"), "elements reordered"), (M(f"\\{{{a},{b}\\}}"), "compact spacing"), (M(f"\\left\\{{ {b}, {a} \\right\\}}"), "left/right braces, reordered")],
        near=[(M(f"\\{{{-a}, {-b}\\}}"), "sign error on both roots"), (M(f"\\{{{a}, {b+1}\\}}"), "one root off")],
        trap=[(M(f"({a}, {b})"), "set written as a tuple")],
        inter=[str(s), str(p)],
        steps=[f"Look for two numbers with product ${p}$ and sum ${s}$.", "Factor and set each factor to zero."])


def k_interval(r):
    k = r.randint(2, 5)
    lo, hi = r.randint(-6, 3), r.randint(4, 10)
    d = r.randint(-5, 5)
    g = f"[{lo}, {hi})"
    return dict(
        q=f"Solve ${k*lo+d} \\le {k}x {'+' if d >= 0 else '-'} {abs(d)} < {k*hi+d}$ and write the answer in interval notation.",
        gold=g, canon=M(g),
        equiv=[(M(f"[{lo},{hi})"), "compact spacing"), (M(f"\\left[{lo}, {hi}\\right)"), "left/right delimiters")],
        near=[(M(f"[{lo}, {hi+1})"), "upper end off by one"), (M(f"[{lo-1}, {hi})"), "lower end off by one")],
        trap=[(M(f"[{lo}, {hi}]"), "upper end closed"), (M(f"({lo}, {hi})"), "lower end open")],
        inter=[str(k * lo), str(k * hi), str(k)],
        steps=[f"Subtract ${d}$ throughout: ${k*lo} \\le {k}x < {k*hi}$.", f"Divide by ${k}$ (positive, so the signs stay)."])


def k_inequality(r):
    k = r.choice([-4, -3, -2, 2, 3, 5])
    t, d = r.randint(-6, 8), r.randint(-9, 9)
    # kx + d > k t + d  <=> x > t if k > 0, x < t if k < 0
    op, flip = (">", "<") if k > 0 else ("<", ">")
    g = f"x {op} {t}"
    ge = "\\geq" if op == ">" else "\\leq"
    return dict(
        q=f"Solve ${k}x {'+' if d >= 0 else '-'} {abs(d)} > {k*t+d}$.",
        gold=g, canon=M(g),
        equiv=[(M(f"{t} {flip} x"), "written the other way round"), (M(f"x{op}{t}"), "compact spacing")],
        near=[(M(f"x {op} {t+1}"), "boundary off by one"), (M(f"x {op} {-t}" if t else f"x {op} 1"), "boundary sign error")],
        trap=[(M(f"x {ge} {t}"), "non-strict instead of strict"), (M(f"x {flip} {t}"), "direction not flipped correctly")],
        inter=[str(k * t), str(k)],
        steps=[f"Subtract ${d}$: ${k}x > {k*t}$.", f"Divide by ${k}$" + (" and flip the sign." if k < 0 else ".")])


def mat(rows, env="pmatrix"):
    return f"\\begin{{{env}}} " + " \\\\ ".join(" & ".join(map(str, rw)) for rw in rows) + f" \\end{{{env}}}"


def k_matrix(r):
    while True:
        A = [[r.randint(-4, 5) for _ in range(2)] for _ in range(2)]
        B = [[r.randint(-4, 5) for _ in range(2)] for _ in range(2)]
        C = [[sum(A[i][k] * B[k][j] for k in range(2)) for j in range(2)] for i in range(2)]
        if C[0][1] != C[1][0]:
            break
    Ct = [[C[0][0], C[1][0]], [C[0][1], C[1][1]]]
    Cn = [[C[0][0], C[0][1]], [C[1][0], C[1][1] + 1]]
    Cs = [[C[0][0], -C[0][1] if C[0][1] else 1], [C[1][0], C[1][1]]]
    g = mat(C)
    return dict(
        q=f"Compute $AB$ for $A = {mat(A)}$ and $B = {mat(B)}$.",
        gold=g, canon=M(g),
        equiv=[(M(mat(C, "bmatrix")), "bmatrix"), (T(str(C), str(C)), "nested list")],
        near=[(M(mat(Cn)), "one entry off by one"), (M(mat(Cs)), "sign error in one entry")],
        trap=[(M(mat(Ct)), "transposed")],
        inter=[str(A[0][0] * B[0][0]), str(A[0][1] * B[1][0])],
        steps=[f"Entry (1,1): $({A[0][0]})({B[0][0]}) + ({A[0][1]})({B[1][0]})$.", "Repeat for each row-column pair."])


def k_vector(r):
    while True:
        u = [r.randint(-5, 5) for _ in range(3)]
        v = [r.randint(-4, 4) for _ in range(3)]
        w = [u[i] + 2 * v[i] for i in range(3)]
        if w[0] != w[1] and w[1] and len(set(w)) == 3 and any(v):
            break
    col = lambda x, env="pmatrix": f"\\begin{{{env}}} " + " \\\\ ".join(map(str, x)) + f" \\end{{{env}}}"
    tup = lambda x: "(" + ", ".join(map(str, x)) + ")"
    gold_col = r.random() < 0.5
    g = col(w) if gold_col else tup(w)
    eq = [(M(f"\\langle {w[0]}, {w[1]}, {w[2]} \\rangle"), "angle brackets"), (T(f"<{w[0]}, {w[1]}, {w[2]}>"), "plain angle brackets"),
          (M(col(w, "bmatrix")), "bmatrix column")]
    eq.append((M(tup(w)), "tuple form of the column vector") if gold_col else (M(col(w)), "pmatrix column form"))
    sw = [w[1], w[0], w[2]]
    return dict(
        q=f"Let $\\mathbf u = {tup(u)}$ and $\\mathbf v = {tup(v)}$. Find $\\mathbf u + 2\\mathbf v$.",
        gold=g, canon=M(g), equiv=eq,
        near=[(M(col([w[0], -w[1], w[2]]) if gold_col else tup([w[0], -w[1], w[2]])), "sign error in one component"),
              (M(col([u[i] + v[i] for i in range(3)]) if gold_col else tup([u[i] + v[i] for i in range(3)])), "forgot the factor 2")],
        trap=[(M(col(sw) if gold_col else tup(sw)), "components swapped")],
        inter=[tup([2 * x for x in v]), str(u[0])],
        steps=[f"$2\\mathbf v = {tup([2*x for x in v])}$.", "Add componentwise."])


def k_complex(r):
    while True:
        a, b, c, d = [r.choice([i for i in range(-4, 5) if i]) for _ in range(4)]
        re, im = a * c - b * d, a * d + b * c
        if re and im and abs(re) != abs(im):
            break
    g = cplx(re, im)
    imtxt = ("-" if im < 0 else "") + ("" if abs(im) == 1 else str(abs(im))) + "i"
    return dict(
        q=f"Compute $({cplx(a, b)})({cplx(c, d)})$.",
        gold=g, canon=M(g),
        equiv=[(M(f"{imtxt} {'+' if re > 0 else '-'} {abs(re)}"), "imaginary part first"), (M(g.replace(" ", "")), "compact spacing")],
        near=[(M(cplx(re, -im)), "conjugate (sign error)"), (M(cplx(a * c + b * d, im)), "used i^2 = +1")],
        trap=[(M(cplx(im, re)), "real and imaginary parts swapped")],
        inter=[str(a * c), str(b * d), str(a * d + b * c)],
        steps=[f"FOIL: $({a})({c}) + ({a})({d})i + ({b})({c})i + ({b})({d})i^2$.", "Use $i^2 = -1$."])


def k_pm(r):
    sqfree = [2, 3, 5, 6, 7, 10, 11, 13, 14, 15]
    h, n = r.randint(1, 6), r.choice(sqfree)
    c = h * h - n
    g = f"{h} \\pm \\sqrt{{{n}}}"
    n2 = [m for m in sqfree if m != n][r.randint(0, 8)]
    return dict(
        q=f"Solve $x^2 - {2*h}x {'+' if c >= 0 else '-'} {abs(c)} = 0$.",
        gold=g, canon=M(g),
        equiv=[(M(f"x = {g}"), "with x ="), ((f"{h} + \\sqrt{{{n}}}, {h} - \\sqrt{{{n}}}", f"$x = {h} + \\sqrt{{{n}}}$ and $x = {h} - \\sqrt{{{n}}}$"), "both roots listed"),
               (M(f"\\frac{{{2*h} \\pm \\sqrt{{{4*n}}}}}{{2}}"), "unsimplified quadratic formula")],
        near=[(M(f"{-h} \\pm \\sqrt{{{n}}}"), "sign error on h"), (M(f"{h} \\pm \\sqrt{{{n2}}}"), "wrong radicand")],
        trap=[(M(f"{h} + \\sqrt{{{n}}}"), "only one of the two roots")],
        inter=[str(4 * n), str(2 * h)],
        steps=[f"Discriminant: ${2*h}^2 - 4({c}) = {4*n}$.", f"$x = \\frac{{{2*h} \\pm \\sqrt{{{4*n}}}}}{{2}}$."])


def k_mc(r):
    p, base = r.choice([10, 15, 20, 25, 30, 40]), r.choice([40, 60, 80, 120, 200])
    val = p * base // 100
    dist = sorted({val, val + 5, val * 2, base - val, val - 4} - {val})[:4]
    opts = dist + [val]
    r.shuffle(opts)
    letters = "ABCDE"
    L = letters[opts.index(val)]
    others = [x for x in letters[: len(opts)] if x != L]
    adj = letters[(letters.index(L) + 1) % len(opts)]
    trap_letter = letters[opts.index(base - val)] if (base - val) in opts else others[0]
    optline = ", ".join(f"({letters[i]}) {o}" for i, o in enumerate(opts))
    return dict(
        q=f"What is {p}% of {base}? {optline}",
        gold=f"({L})", canon=T(f"({L})", f"\\text{{({L})}}"),
        equiv=[(T(f"({L}) {val}"), "letter with value"), (T(L, f"\\text{{{L}}}"), "bare letter"), (T(f"({L})", f"\\textbf{{({L})}}"), "bold letter")],
        near=[(T(f"({adj})"), "adjacent option")],
        trap=[(T(f"({trap_letter})"), "option holding the complement / a distractor value")],
        inter=[str(val), str(base)],
        steps=[f"{p}% of {base} means $\\frac{{{p}}}{{100}} \\times {base}$.", "Compare with the listed options."])


def k_text(r):
    if r.random() < 0.5:
        names, unit = DAYS, "days"
    else:
        names, unit = MONTHS, "months"
    s, k = r.randrange(len(names)), r.randint(3, 40)
    g = names[(s + k) % len(names)]
    wrong_dir = names[(s - k) % len(names)]
    if wrong_dir == g:
        wrong_dir = names[(s + k + 2) % len(names)]
    return dict(
        q=f"What {unit[:-1] if unit=='days' else 'month'} comes {k} {unit} after {names[s]}?".replace("What day comes", "What day of the week is").replace("What month comes", "Which month is"),
        gold=f"\\text{{{g}}}", canon=T(g),
        equiv=[(T(g, f"\\textbf{{{g}}}"), "textbf"), (T(g, f"\\mathrm{{{g}}}"), "mathrm"), (T(f"_{g}_", f"\\textit{{{g}}}"), "italic word")],
        near=[(T(names[(s + k + 1) % len(names)]), "one step too far")],
        trap=[(T(wrong_dir), "counted backwards")],
        inter=[str(k % len(names)), names[s]],
        steps=[f"The names repeat every {len(names)} {unit}, and ${k} \\bmod {len(names)} = {k % len(names)}$.", f"Count forward from {names[s]}."])


def k_words(r):
    while True:
        a, b = r.randint(2, 9), r.randint(3, 11)
        c = r.randint(1, 9)
        g = a * b + c
        if 21 <= g <= 99 and g % 10 and g // 10 != g % 10:
            break
    rev = (g % 10) * 10 + g // 10
    w = words(g)
    return dict(
        q=f"There are {a} rows of {b} chairs plus {c} extra chairs. How many chairs are there? (Answer in words.)",
        gold=str(g), canon=T(w),
        equiv=[(T(w.capitalize()), "capitalised"), (T(w.replace("-", " ")), "no hyphen"), (M(str(g)), "digits")],
        near=[(T(words(g + 1)), "off by one"), (T(words(a * b)), "forgot the extra chairs")],
        trap=[(T(words(rev)), "digits reversed")],
        inter=[str(a * b), str(c)],
        steps=[f"Rows: ${a} \\times {b} = {a*b}$.", f"Extra: ${c}$."])


KINDS = {
    "integer": k_integer, "decimal": k_decimal, "fraction": k_fraction, "mixed_number": k_mixed,
    "percent": k_percent, "currency": k_currency, "units": k_units, "time": k_time,
    "scientific_notation": k_sci, "expression": k_expression, "equation": k_equation, "system": k_system,
    "tuple": k_tuple, "ordered_pair": k_pair, "set": k_set, "interval": k_interval,
    "inequality": k_inequality, "matrix": k_matrix, "vector": k_vector, "complex": k_complex,
    "plus_minus": k_pm, "multiple_choice": k_mc, "text": k_text, "number_words": k_words,
}
