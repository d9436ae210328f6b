"""Kind generators for split A (math answers).

Every generator returns a dict:
  problem: str
  gold:    MATH-style gold string
  key:     canonical value of the gold (hashable)
  eq:      list of (latex, plain) renderings whose value == key
  wrong:   dict tag -> list of (latex, plain, key)   (key != gold key, checked)
  work:    list of working sentences (mention intermediate values)
  check:   a check sentence mentioning other numbers
  hypo:    (condition text, alternative plain answer)
Keys are recomputed from the construction parameters (Fraction / sympy / tuples),
never from the rendered strings.
"""
import random
from fractions import Fraction as F
import sympy as sp

ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def words(n, hyphen=True):
    assert 0 <= n < 1000
    if n < 20:
        return ONES[n]
    if n < 100:
        t, o = divmod(n, 10)
        return TENS[t] + (("-" if hyphen else " ") + ONES[o] if o else "")
    h, r = divmod(n, 100)
    return ONES[h] + " hundred" + (" " + words(r, hyphen) if r else "")


def frac_tex(fr, d="frac"):
    if fr < 0:
        return "-\\" + d + "{" + str(-fr.numerator) + "}{" + str(fr.denominator) + "}"
    return "\\" + d + "{" + str(fr.numerator) + "}{" + str(fr.denominator) + "}"


def frac_plain(fr):
    return "%d/%d" % (fr.numerator, fr.denominator)


def terminating(fr):
    d = fr.denominator
    for p in (2, 5):
        while d % p == 0:
            d //= p
    return d == 1


def dec_str(fr, places=None):
    # exact decimal string of a terminating fraction
    assert terminating(fr)
    s = sp.Rational(fr.numerator, fr.denominator)
    for k in range(0, 12):
        v = fr * 10 ** k
        if v.denominator == 1:
            neg = v < 0
            digits = str(abs(v.numerator)).rjust(k + 1, "0")
            out = digits[:-k] + "." + digits[-k:] if k else digits
            return ("-" if neg else "") + out
    raise ValueError


def both(s):
    return (s, s)


def _add_wrong(g, tag, latex, plain, key):
    if key == g["key"]:
        return
    g["wrong"].setdefault(tag, []).append((latex, plain, key))


def k_integer(r):
    a, b, c = r.randint(3, 15), r.randint(6, 48), r.randint(5, 60)
    while a * b - c <= 3:
        c = r.randint(1, 20)
    g0 = a * b - c
    item = r.choice(["muffins", "stickers", "marbles", "apples", "pencils", "cards"])
    who = r.choice(["A baker", "Maya", "A teacher", "Carlos", "The club", "Priya"])
    g = dict(problem="%s has %d boxes of %d %s and gives away %d. How many %s are left?" % (who, a, b, item, c, item),
             gold=str(g0), key=g0, eq=[both(str(g0))], wrong={},
             work=["%d boxes × %d %s = %d %s in total." % (a, b, item, a * b, item),
                   "Subtracting the %d given away: %d − %d = %d." % (c, a * b, c, g0)],
             check="Check: %d + %d = %d, and %d ÷ %d = %d. ✓" % (g0, c, a * b, a * b, a, b),
             hypo=("%d %s had been given away" % (c + 2, item), str(g0 - 2)))
    if g0 >= 1000:
        g["eq"].append(both("{:,}".format(g0)))
    g["eq"].append(("%d" % g0, "%d %s" % (g0, item)))
    for v in (g0 + 1, g0 - 1, g0 + 10):
        _add_wrong(g, "near", str(v), str(v), v)
    _add_wrong(g, "sign", str(-g0), str(-g0), -g0)
    _add_wrong(g, "inter", str(a * b), str(a * b), a * b)
    _add_wrong(g, "inter", str(a * b + c), str(a * b + c), a * b + c)
    return g


def k_decimal(r):
    if r.random() < 0.5:
        x = F(r.randint(101, 999), 100)
        if x.denominator == 1:
            x += F(1, 100)
        k = r.randint(2, 9)
        rhs = x * k
        g = dict(problem="Solve for x: %dx = %s." % (k, dec_str(rhs)), gold=dec_str(x), key=x,
                 eq=[both(dec_str(x)), both(dec_str(x) + "0"), (frac_tex(x), frac_plain(x))], wrong={},
                 work=["Divide both sides by %d." % k, "x = %s ÷ %d = %s." % (dec_str(rhs), k, dec_str(x))],
                 check="Check: %d × %s = %s. ✓" % (k, dec_str(x), dec_str(rhs)),
                 hypo=("the right-hand side were %s" % dec_str(rhs + k), dec_str(x + 1)))
        s = dec_str(x)
        sw = s[:-2] + s[-1] + s[-2]
        _add_wrong(g, "near", sw, sw, F(sw))
        r1 = dec_str(F(round(float(x) * 10), 10))
        _add_wrong(g, "near", r1, r1, F(r1))
        _add_wrong(g, "sign", "-" + s, "-" + s, -x)
        _add_wrong(g, "inter", dec_str(rhs), dec_str(rhs), rhs)
        _add_wrong(g, "near", dec_str(x + F(1, 10)), dec_str(x + F(1, 10)), x + F(1, 10))
        return g
    # probability as a decimal; gold is a decimal, so a percent is NOT equal
    n = r.choice([20, 25, 40, 50])
    m = r.randint(1, n - 1)
    p = F(m, n)
    ds = dec_str(p)
    g = dict(problem="A spinner has %d equal sectors, %d of them blue. Give the probability of landing on blue as a decimal." % (n, m),
             gold=ds, key=p, eq=[both(ds), (frac_tex(p), frac_plain(p))], wrong={},
             work=["There are %d blue sectors out of %d." % (m, n), "P(blue) = %d/%d." % (m, n)],
             check="Check: P(not blue) = %d/%d, and the two add to 1. ✓" % (n - m, n),
             hypo=("there were %d blue sectors" % (m + 1 if m + 1 < n else m - 1), dec_str(F(m + 1 if m + 1 < n else m - 1, n))))
    pct = dec_str(p * 100)
    _add_wrong(g, "pct", pct + "\\%", pct + "%", ("pct", p * 100))
    _add_wrong(g, "near", dec_str(1 - p), dec_str(1 - p), 1 - p)
    _add_wrong(g, "inter", str(m), str(m), F(m))
    _add_wrong(g, "near", dec_str(p + F(1, n)), dec_str(p + F(1, n)), p + F(1, n))
    return g


def k_fraction(r):
    while True:
        q = r.choice([3, 6, 7, 9, 11, 12, 4, 5, 8, 15])
        p = r.randint(1, q - 1)
        fr = F(p, q)
        if fr.denominator == q and p != q - p:
            break
    col1, col2 = r.sample(["red", "blue", "green", "yellow", "white"], 2)
    g = dict(problem="A bag holds %d %s and %d %s marbles. What is the probability that a marble drawn at random is %s?" % (p, col1, q - p, col2, col1),
             gold=frac_tex(fr), key=fr, eq=[(frac_tex(fr), frac_plain(fr)), (frac_tex(fr, "dfrac"), frac_plain(fr)),
                                          ("\\frac{%d}{%d}" % (2 * p, 2 * q), "%d/%d" % (2 * p, 2 * q))], wrong={},
             work=["There are %d + %d = %d marbles in all." % (p, q - p, q), "%d of them are %s." % (p, col1)],
             check="Check: the complementary probability is %d/%d, and %d/%d + %d/%d = 1. ✓" % (q - p, q, p, q, q - p, q),
             hypo=("there were %d %s marbles" % (p + 1, col1), frac_plain(F(p + 1, q + 1))))
    if terminating(fr):
        g["eq"].append(both(dec_str(fr)))
    else:
        rd = "%.2f" % float(fr)
        _add_wrong(g, "near", rd, rd, F(rd))
    inv = F(q, p)
    _add_wrong(g, "swap", "\\frac{%d}{%d}" % (q, p), "%d/%d" % (q, p), inv)
    _add_wrong(g, "near", frac_tex(1 - fr), frac_plain(1 - fr), 1 - fr)
    _add_wrong(g, "near", "\\frac{%d}{%d}" % (p, q - p), "%d/%d" % (p, q - p), F(p, q - p))
    _add_wrong(g, "sign", frac_tex(-fr), "-" + frac_plain(fr), -fr)
    _add_wrong(g, "inter", str(q), str(q), F(q))
    return g


def k_mixed(r):
    while True:
        a = F(r.randint(1, 4)) + F(r.randint(1, 4), r.choice([3, 4, 5, 6]))
        b = F(r.randint(1, 4)) + F(r.randint(1, 4), r.choice([2, 3, 4]))
        s = a + b
        if s.denominator > 1 and a.denominator > 1 and b.denominator > 1:
            break

    def mt(x):
        w = x.numerator // x.denominator
        f = x - w
        return "%d\\frac{%d}{%d}" % (w, f.numerator, f.denominator), "%d %d/%d" % (w, f.numerator, f.denominator)
    gl, gp = mt(s)
    al, ap = mt(a)
    bl, bp = mt(b)
    g = dict(problem="A recipe needs %s cups of flour for the dough and %s cups for the topping. How many cups of flour is that altogether? Give a mixed number." % (ap, bp),
             gold=gl, key=s, eq=[(gl, gp), (frac_tex(s), frac_plain(s)), (gl.replace("\\frac", "\\tfrac"), gp)], wrong={},
             work=["Convert to improper fractions: %s = %s and %s = %s." % (ap, frac_plain(a), bp, frac_plain(b)),
                   "Common denominator %d: the sum is %s." % (s.denominator, frac_plain(s))],
             check="Check: %.2f + %.2f ≈ %.2f, which is about %s. ✓" % (float(a), float(b), float(s), gp),
             hypo=("the topping needed one more cup", mt(s + 1)[1]))
    if terminating(s):
        g["eq"].append(both(dec_str(s)))
    else:
        rd = "%.2f" % float(s)
        _add_wrong(g, "near", rd, rd, F(rd))
    w = s.numerator // s.denominator
    f = s - w
    _add_wrong(g, "near", frac_tex(f), frac_plain(f), f)  # dropped the whole part
    _add_wrong(g, "near", *mt(s + 1), s + 1)
    nf = F(f.numerator + 1, f.denominator) if f.numerator + 1 < f.denominator else F(f.numerator - 1 or 1, f.denominator + 1)
    _add_wrong(g, "near", *mt(w + nf), w + nf)
    _add_wrong(g, "sign", "-" + gl, "-" + gp, -s)
    _add_wrong(g, "inter", frac_tex(s + 0 * a) if False else "%d\\frac{%d}{%d}" % (w, f.numerator * 2, f.denominator * 2) if False else mt(a)[0], ap, a)
    return g


def k_percent(r):
    A = 20 * r.randint(2, 30)
    p = r.choice([10, 15, 20, 25, 30, 35, 40, 45, 50, 60, 75])
    B = A * (100 + p) // 100
    item = r.choice(["a bike", "a jacket", "a lamp", "a ticket", "a game", "a chair"])
    g = dict(problem="The price of %s rose from $%d to $%d. By what percent did the price increase?" % (item, A, B),
             gold="%d\\%%" % p, key=("pct", F(p)), eq=[("%d\\%%" % p, "%d%%" % p), ("%d\\%%" % p, "%d percent" % p), ("%d.0\\%%" % p, "%d.0%%" % p)], wrong={},
             work=["The increase is $%d − $%d = $%d." % (B, A, B - A), "As a fraction of the original price: %d/%d." % (B - A, A)],
             check="Check: %d%% of $%d is $%d, and $%d + $%d = $%d. ✓" % (p, A, B - A, A, B - A, B),
             hypo=("the new price were $%d" % (B + A // 10), "%d%%" % (p + 10)))
    for v in (p + 5, p - 5, 100 - p):
        if v != p:
            _add_wrong(g, "near", "%d\\%%" % v, "%d%%" % v, ("pct", F(v)))
    _add_wrong(g, "sign", "-%d\\%%" % p, "-%d%%" % p, ("pct", F(-p)))
    _add_wrong(g, "inter", "%d\\%%" % (B - A), "%d%%" % (B - A), ("pct", F(B - A)))
    pr = F(B - A, B) * 100
    if pr.denominator == 1:
        _add_wrong(g, "near", "%d\\%%" % pr, "%d%%" % pr, ("pct", pr))
    return g


def money(c):
    return "%d.%02d" % divmod(c, 100)


def k_currency(r):
    price = r.randint(3, 40) * 100 + r.choice([0, 25, 50, 75, 20, 40])
    n = r.randint(2, 9)
    tot = price * n
    what = r.choice(["concert tickets", "notebooks", "pizzas", "T-shirts", "bus passes"])
    m = money(tot)
    g = dict(problem="Each of the %s costs $%s. How much do %d of them cost?" % (what, money(price), n),
             gold="\\$" + m, key=("USD", tot), eq=[("\\$" + m, "$" + m), ("\\$" + m, m + " dollars"), ("\\$" + m, "$" + m + " total")], wrong={},
             work=["Each costs $%s." % money(price), "%d × $%s = $%s." % (n, money(price), m)],
             check="Check: $%s ÷ %d = $%s per item. ✓" % (m, n, money(price)),
             hypo=("you bought %d of them" % (n + 1), "$" + money(price * (n + 1))))
    if tot % 10 == 0 and tot % 100 != 0:
        g["eq"].append(("\\$" + m[:-1], "$" + m[:-1]))
    if tot % 100 == 0:
        g["eq"].append(("\\$%d" % (tot // 100), "$%d" % (tot // 100)))
    _add_wrong(g, "near", "\\$" + money(tot + 100), "$" + money(tot + 100), ("USD", tot + 100))
    _add_wrong(g, "near", "\\$" + money(tot - price), "$" + money(tot - price), ("USD", tot - price))
    _add_wrong(g, "units", m + "\\text{ euros}", m + " euros", ("EUR", tot))
    _add_wrong(g, "units", m + "\\text{ cents}", m + " cents", ("USD", F(tot, 100)))
    _add_wrong(g, "inter", "\\$" + money(price), "$" + money(price), ("USD", price))
    return g


def k_units(r):
    if r.random() < 0.5:
        l, w = r.randint(3, 25), r.randint(2, 19)
        while l == w:
            w = r.randint(2, 19)
        A = l * w
        g = dict(problem="A rectangle is %d cm long and %d cm wide. What is its area?" % (l, w),
                 gold="%d\\text{ cm}^2" % A, key=(A, "cm2"),
                 eq=[("%d\\text{ cm}^2" % A, "%d cm^2" % A), ("%d\\,\\mathrm{cm}^2" % A, "%d square centimeters" % A), ("%d\\text{ cm}^2" % A, "%d cm²" % A)], wrong={},
                 work=["Area = length × width.", "%d cm × %d cm = %d cm²; the perimeter would be %d cm." % (l, w, A, 2 * (l + w))],
                 check="Check: %d ÷ %d = %d. ✓" % (A, l, w), hypo=("the width were %d cm" % (w + 1), "%d cm²" % (l * (w + 1))))
        _add_wrong(g, "units", "%d\\text{ cm}" % A, "%d cm" % A, (A, "cm"))
        _add_wrong(g, "units", "%d\\text{ m}^2" % A, "%d m^2" % A, (A, "m2"))
        _add_wrong(g, "inter", "%d\\text{ cm}" % (2 * (l + w)), "%d cm" % (2 * (l + w)), (2 * (l + w), "cm"))
        _add_wrong(g, "near", "%d\\text{ cm}^2" % (A + l), "%d cm^2" % (A + l), (A + l, "cm2"))
        _add_wrong(g, "near", "%d\\text{ cm}^2" % (A - w), "%d cm^2" % (A - w), (A - w, "cm2"))
        return g
    v = r.choice([40, 45, 48, 50, 54, 60, 64, 72, 75, 80, 90])
    t = r.choice([2, 3, 4, 5])
    d = v * t
    g = dict(problem="A train travels %d km in %d hours at a constant speed. What is its speed?" % (d, t),
             gold="%d\\text{ km/h}" % v, key=(v, "km/h"),
             eq=[("%d\\text{ km/h}" % v, "%d km/h" % v), ("%d\\text{ km/h}" % v, "%d kilometers per hour" % v), ("%d\\,\\mathrm{km/h}" % v, "%d km per hour" % v)], wrong={},
             work=["Speed = distance ÷ time.", "%d km ÷ %d h = %d km/h." % (d, t, v)],
             check="Check: %d km/h × %d h = %d km. ✓" % (v, t, d), hypo=("the trip took %d hours" % (t + 1), "%s km/h" % (dec_str(F(d, t + 1)) if terminating(F(d, t + 1)) else "%.1f" % (d / (t + 1)))))
    _add_wrong(g, "units", "%d\\text{ m/s}" % v, "%d m/s" % v, (v, "m/s"))
    _add_wrong(g, "units", "%d\\text{ km}" % v, "%d km" % v, (v, "km"))
    _add_wrong(g, "units", "%d\\text{ mph}" % v, "%d mph" % v, (v, "mph"))
    _add_wrong(g, "inter", "%d\\text{ km}" % d, "%d km" % d, (d, "km"))
    _add_wrong(g, "near", "%d\\text{ km/h}" % (v + 5), "%d km/h" % (v + 5), (v + 5, "km/h"))
    return g


def k_time(r):
    sh, sm = r.randint(1, 6), r.choice([0, 10, 15, 20, 30, 40, 45, 50])
    dur = r.randint(35, 230)
    tot = (sh + 12) * 60 + sm + dur
    eh, em = divmod(tot, 60)
    h12 = eh - 12 if eh > 12 else eh
    gl = "%d{:}%02d\\text{ PM}" % (h12, em)
    g = dict(problem="A movie starts at %d:%02d PM and runs for %d minutes. At what time does it end?" % (sh, sm, dur),
             gold="%d:%02d\\text{ PM}" % (h12, em), key=(eh, em),
             eq=[("%d:%02d\\text{ PM}" % (h12, em), "%d:%02d PM" % (h12, em)), ("%d:%02d\\text{ p.m.}" % (h12, em), "%d:%02d p.m." % (h12, em)),
                 both("%02d:%02d" % (eh, em)), ("%d:%02d\\text{ pm}" % (h12, em), "%d:%02d pm" % (h12, em))], wrong={},
             work=["%d minutes is %d hour(s) and %d minutes." % (dur, dur // 60, dur % 60),
                   "Starting from %d:%02d PM, add %d h %d min." % (sh, sm, dur // 60, dur % 60)],
             check="Check: from %d:%02d to %d:%02d is %d minutes. ✓" % (sh, sm, h12, em, dur),
             hypo=("it ran %d minutes longer" % 15, "%d:%02d PM" % divmod(tot + 15 - 12 * 60, 60)))
    _add_wrong(g, "units", "%d:%02d\\text{ AM}" % (h12, em), "%d:%02d AM" % (h12, em), (eh - 12, em))
    e2 = tot + 60
    _add_wrong(g, "near", "%d:%02d\\text{ PM}" % (e2 // 60 - 12, e2 % 60), "%d:%02d PM" % (e2 // 60 - 12, e2 % 60), divmod(e2, 60))
    e3 = tot - 15
    _add_wrong(g, "near", "%d:%02d\\text{ PM}" % (e3 // 60 - 12, e3 % 60), "%d:%02d PM" % (e3 // 60 - 12, e3 % 60), divmod(e3, 60))
    e4 = tot + 10
    _add_wrong(g, "near", "%d:%02d\\text{ PM}" % (e4 // 60 - 12, e4 % 60), "%d:%02d PM" % (e4 // 60 - 12, e4 % 60), divmod(e4, 60))
    return g


def k_sci(r):
    while True:
        a = F(r.randint(11, 49), 10)
        b = F(r.choice([2, 3, 4, 5, 15, 25]), 10 if r.random() < 0.5 else 1)
        c = a * b
        if 1 <= c < 10 and (c * 10).denominator == 1 and c * 10 % 10 != 0 and a != b:
            break
    p, q = r.randint(2, 6), r.randint(1, 5)
    k = p + q
    cs = dec_str(c)
    N = c * 10 ** k
    g = dict(problem="Compute (%s × 10^%d)(%s × 10^%d) and write the result in scientific notation." % (dec_str(a), p, dec_str(b), q),
             gold="%s\\times 10^{%d}" % (cs, k), key=c * 10 ** k,
             eq=[("%s\\times 10^{%d}" % (cs, k), "%s × 10^%d" % (cs, k)), ("%s \\cdot 10^{%d}" % (cs, k), "%se%d" % (cs, k)),
                 ("{:,}".format(int(N)).replace(",", "{,}"), "{:,}".format(int(N)))], wrong={},
             work=["Multiply the coefficients: %s × %s = %s." % (dec_str(a), dec_str(b), cs), "Add the exponents: %d + %d = %d." % (p, q, k)],
             check="Check: %s × 10^%d is %s, a number with %d digits. ✓" % (cs, k, "{:,}".format(int(N)), k + 1),
             hypo=("the second factor were × 10^%d" % (q + 1), "%s × 10^%d" % (cs, k + 1)))
    _add_wrong(g, "near", "%s\\times 10^{%d}" % (cs, k + 1), "%s × 10^%d" % (cs, k + 1), c * 10 ** (k + 1))
    _add_wrong(g, "near", "%s\\times 10^{%d}" % (cs, k - 1), "%s × 10^%d" % (cs, k - 1), c * 10 ** (k - 1))
    _add_wrong(g, "sign", "%s\\times 10^{-%d}" % (cs, k), "%s × 10^-%d" % (cs, k), c / 10 ** k)
    _add_wrong(g, "inter", "%s\\times 10^{%d}" % (cs, p * q), "%s × 10^%d" % (cs, p * q), c * 10 ** (p * q))
    sw = cs[2] + "." + cs[0] if len(cs) == 3 else None
    if sw and sw[0] != "0":
        _add_wrong(g, "near", "%s\\times 10^{%d}" % (sw, k), "%s × 10^%d" % (sw, k), F(sw) * 10 ** k)
    return g


x = sp.symbols("x")


def poly_tex(e, order=None):
    e = sp.expand(e)
    terms = sp.Poly(e, x).terms()
    if order == "asc":
        terms = list(reversed(terms))
    elif order == "shuffle":
        terms = list(terms)
        random.Random(str(e)).shuffle(terms)
        if len(terms) > 1 and terms == sp.Poly(e, x).terms():
            terms = terms[1:] + terms[:1]
    out = ""
    for (deg,), co in terms:
        co = int(co)
        mon = "" if deg == 0 else ("x" if deg == 1 else "x^%d" % deg)
        mag = abs(co)
        body = (str(mag) if (mag != 1 or deg == 0) else "") + mon
        if not out:
            out = ("-" if co < 0 else "") + body
        else:
            out += (" - " if co < 0 else " + ") + body
    return out


def k_expression(r):
    while True:
        a, b, c, d = r.choice([1, 2, 3, 4]), r.choice([-5, -4, -3, -2, -1, 1, 2, 3, 5, 6]), r.choice([1, 2, 3]), r.choice([-6, -3, -2, -1, 1, 2, 4, 5])
        e = sp.expand((a * x + b) * (c * x + d))
        if len(sp.Poly(e, x).terms()) == 3:
            break
    gl = poly_tex(e).replace(" ", "")
    key = sp.srepr(e)
    f1 = "(%s)(%s)" % (poly_tex(a * x + b), poly_tex(c * x + d))
    g = dict(problem="Expand and simplify %s." % f1, gold=gl, key=key,
             eq=[both(poly_tex(e)), both(poly_tex(e, "asc")), both(poly_tex(e, "shuffle"))], wrong={},
             work=["Use FOIL: first terms give %s, outer %s, inner %s, last %d." % (poly_tex(a * c * x ** 2), poly_tex(a * d * x), poly_tex(b * c * x), b * d),
                   "Combine the like x-terms: %s." % poly_tex((a * d + b * c) * x)],
             check="Check at x = 1: (%d)(%d) = %d, and the expanded form gives %d too. ✓" % (a + b, c + d, (a + b) * (c + d), e.subs(x, 1)),
             hypo=("the constant in the second factor were %d" % (d + 1), poly_tex((a * x + b) * (c * x + d + 1))))
    co = sp.Poly(e, x).all_coeffs()
    variants = [("sign", e - 2 * co[1] * x), ("sign", e - 2 * co[2]), ("near", e + x), ("near", e + (a * d) * x - (a * d + b * c) * x),
                ("inter", sp.expand(a * c * x ** 2 + b * d))]
    for tag, ee in variants:
        ee = sp.expand(ee)
        _add_wrong(g, tag, poly_tex(ee), poly_tex(ee), sp.srepr(ee))
    return g


def lin(m, b, form=0):
    def mx(m):
        return ("" if m == 1 else "-" if m == -1 else str(m)) + "x"
    if form == 0:
        return "y = %s%s" % (mx(m), "" if b == 0 else (" + %d" % b if b > 0 else " - %d" % -b))
    return "y = %d %s %sx" % (b, "+" if m > 0 else "-", "" if abs(m) == 1 else abs(m))


def k_equation(r):
    m = r.choice([-4, -3, -2, 2, 3, 4, 5])
    b = r.choice([-7, -5, -3, -1, 1, 2, 3, 4, 6, 8])
    while b == m:
        b = r.choice([-7, -5, -3, 1, 2, 6, 8])
    x1, x2 = r.randint(-3, 1), r.randint(2, 5)
    P, Q = (x1, m * x1 + b), (x2, m * x2 + b)
    gl = lin(m, b).replace(" ", "")
    g = dict(problem="Find the equation of the line through (%d, %d) and (%d, %d) in slope-intercept form." % (P + Q),
             gold=gl, key=(m, b), eq=[both(lin(m, b)), both(lin(m, b, 1)), both(lin(m, b).replace(" ", ""))], wrong={},
             work=["Slope = (%d − %d)/(%d − %d) = %d/%d = %d." % (Q[1], P[1], x2, x1, Q[1] - P[1], x2 - x1, m),
                   "Plug in (%d, %d): %d = %d·%d + b, so b = %d." % (P[0], P[1], P[1], m, P[0], b)],
             check="Check with (%d, %d): %d·%d + %d = %d. ✓" % (Q[0], Q[1], m, Q[0], b, Q[1]),
             hypo=("the line passed through (0, %d) instead" % (b + 2), lin(m, b + 2)))
    _add_wrong(g, "sign", lin(m, -b), lin(m, -b), (m, -b))
    _add_wrong(g, "sign", lin(-m, b), lin(-m, b), (-m, b))
    _add_wrong(g, "swap", lin(b, m), lin(b, m), (b, m))
    _add_wrong(g, "near", lin(m, b + 1), lin(m, b + 1), (m, b + 1))
    return g


def k_system(r):
    while True:
        X, Y = r.randint(-6, 8), r.randint(-6, 8)
        if X != Y and X and Y and X != -Y:
            break
    a, b = r.randint(2, 4), r.randint(1, 3)
    s1, s2 = X + Y, a * X - b * Y
    def sy(X, Y, f=0):
        return ["x = %d, y = %d" % (X, Y), "x = %d and y = %d" % (X, Y), "(x, y) = (%d, %d)" % (X, Y), "y = %d, x = %d" % (Y, X)][f]
    g = dict(problem="Solve the system x + y = %d and %dx − %dy = %d." % (s1, a, b, s2),
             gold="x=%d,\\ y=%d" % (X, Y), key=(X, Y), eq=[both(sy(X, Y, 0)), both(sy(X, Y, 1)), both(sy(X, Y, 2)), both(sy(X, Y, 3))], wrong={},
             work=["From the first equation, y = %d − x." % s1,
                   "Substitute: %dx − %d(%d − x) = %d, so %dx = %d." % (a, b, s1, s2, a + b, s2 + b * s1)],
             check="Check: %d + %d = %d and %d·%d − %d·%d = %d. ✓" % (X, Y, s1, a, X, b, Y, s2),
             hypo=("the first equation were x + y = %d" % (s1 + a + b), "a different pair"))
    _add_wrong(g, "swap", sy(Y, X), sy(Y, X), (Y, X))
    _add_wrong(g, "sign", sy(X, -Y), sy(X, -Y), (X, -Y))
    _add_wrong(g, "sign", sy(-X, Y), sy(-X, Y), (-X, Y))
    _add_wrong(g, "near", sy(X, Y + 1), sy(X, Y + 1), (X, Y + 1))
    return g


def tup(v, sp_=True, left=False):
    s = (", " if sp_ else ",").join(str(t) for t in v)
    return ("\\left(" + s + "\\right)") if left else "(" + s + ")"


def settex(v, sp_=True):
    return "\\{" + (", " if sp_ else ",").join(str(t) for t in v) + "\\}"


def setplain(v):
    return "{" + ", ".join(str(t) for t in v) + "}"


def k_tuple(r):
    while True:
        a, h, k = r.choice([1, 2, 3, -1, -2]), r.randint(-4, 4), r.randint(-6, 6)
        A, B, C = a, -2 * a * h, a * h * h + k
        if len({A, B, C}) == 3 and B != 0 and C != 0 and A != -B:
            break
    v = (A, B, C)
    g = dict(problem="Write %d(x %s %d)^2 %s %d in the form ax^2 + bx + c and give the ordered triple (a, b, c)." % (a, "-" if h > 0 else "+", abs(h), "+" if k >= 0 else "-", abs(k)),
             gold=tup(v, False), key=("tuple", v), eq=[both(tup(v)), (tup(v, True, True), tup(v, False)), both(tup(v, False))], wrong={},
             work=["(x %s %d)^2 = x^2 %s %dx + %d." % ("-" if h > 0 else "+", abs(h), "-" if h > 0 else "+", 2 * abs(h), h * h),
                   "Multiply by %d and add %d." % (a, k)],
             check="Check at x = 0: a·0 + b·0 + c = %d = %d·%d + %d. ✓" % (C, a, h * h, k),
             hypo=("the constant were %d" % (k + 3), tup((A, B, C + 3))))
    _add_wrong(g, "swap", tup((B, A, C)), tup((B, A, C)), ("tuple", (B, A, C)))
    _add_wrong(g, "sign", tup((A, -B, C)), tup((A, -B, C)), ("tuple", (A, -B, C)))
    _add_wrong(g, "settuple", settex(v), setplain(v), ("set", frozenset(v)))
    _add_wrong(g, "near", tup((A, B, C + 1)), tup((A, B, C + 1)), ("tuple", (A, B, C + 1)))
    return g


def k_pair(r):
    while True:
        X, Y = r.randint(-5, 6), r.randint(-6, 9)
        m1, m2 = r.choice([1, 2, 3, -1]), r.choice([-2, -3, 4, -1, 2])
        if m1 != m2 and X != Y and X and Y and X != -Y:
            break
    b1, b2 = Y - m1 * X, Y - m2 * X
    g = dict(problem="Find the point where %s and %s intersect." % (lin(m1, b1), lin(m2, b2)),
             gold=tup((X, Y), False), key=("pair", (X, Y)), eq=[both(tup((X, Y))), (tup((X, Y), True, True), tup((X, Y), False)), both(tup((X, Y), False))], wrong={},
             work=["Set them equal: %dx %+d = %dx %+d." % (m1, b1, m2, b2), "So %dx = %d and x = %d; then y = %d." % (m1 - m2, b2 - b1, X, Y)],
             check="Check in the second line: %d·%d %+d = %d. ✓" % (m2, X, b2, Y),
             hypo=("the second intercept were %d" % (b2 + (m1 - m2)), tup((X + 1, Y + m1))))
    _add_wrong(g, "swap", tup((Y, X)), tup((Y, X)), ("pair", (Y, X)))
    _add_wrong(g, "sign", tup((X, -Y)), tup((X, -Y)), ("pair", (X, -Y)))
    _add_wrong(g, "settuple", settex((X, Y)), setplain((X, Y)), ("set", frozenset((X, Y))))
    _add_wrong(g, "near", tup((X, Y + 1)), tup((X, Y + 1)), ("pair", (X, Y + 1)))
    return g


def k_set(r):
    while True:
        r1, r2 = sorted(r.sample(range(-6, 9), 2))
        if r1 != -r2 and r1 and r2:
            break
    s, p = r1 + r2, r1 * r2
    v = (r1, r2)
    g = dict(problem="Find the set of all real solutions of x^2 %s %dx %s %d = 0." % ("-" if s > 0 else "+", abs(s), "+" if p > 0 else "-", abs(p)) if s else "",
             gold=settex(v, False), key=("set", frozenset(v)),
             eq=[(settex(v), setplain(v)), (settex(v[::-1]), setplain(v[::-1])), (settex(v[::-1], False), setplain(v[::-1]))], wrong={},
             work=["Factor: (x %s %d)(x %s %d) = 0." % ("-" if r1 > 0 else "+", abs(r1), "-" if r2 > 0 else "+", abs(r2)),
                   "The roots sum to %d and multiply to %d." % (s, p)],
             check="Check: %d + %d = %d and %d·%d = %d. ✓" % (r1, r2, s, r1, r2, p),
             hypo=("the constant term were %d" % (p - 1), "a pair of irrational roots"))
    if not s:
        g["problem"] = "Find the set of all real solutions of x^2 %s %d = 0." % ("+" if p > 0 else "-", abs(p))
    _add_wrong(g, "sign", settex((-r1, -r2)), setplain((-r1, -r2)), ("set", frozenset((-r1, -r2))))
    _add_wrong(g, "near", settex((r2,)), setplain((r2,)), ("set", frozenset((r2,))))
    _add_wrong(g, "settuple", tup(v), tup(v), ("pair", v))
    _add_wrong(g, "near", settex((r1, r2 + 1)), setplain((r1, r2 + 1)), ("set", frozenset((r1, r2 + 1))))
    return g


def k_interval(r):
    lo, hi = r.randint(-5, 3), r.randint(4, 10)
    lc, rc = r.random() < 0.5, r.random() < 0.5
    c = r.randint(1, 6)
    a = 2
    L, R = a * lo + c, a * hi + c

    def iv(lo, hi, lc, rc, left=False):
        s = "%s%d, %d%s" % ("[" if lc else "(", lo, hi, "]" if rc else ")")
        if left:
            s = "\\left" + s[0] + s[1:-1] + "\\right" + s[-1]
        return s
    g = dict(problem="Solve %d %s 2x + %d %s %d and write the solution in interval notation." % (L, "≤" if lc else "<", c, "≤" if rc else "<", R),
             gold=iv(lo, hi, lc, rc).replace(" ", ""), key=(lo, hi, lc, rc),
             eq=[both(iv(lo, hi, lc, rc)), (iv(lo, hi, lc, rc, True), iv(lo, hi, lc, rc)), both(iv(lo, hi, lc, rc).replace(" ", ""))], wrong={},
             work=["Subtract %d from every part: %d %s 2x %s %d." % (c, L - c, "≤" if lc else "<", "≤" if rc else "<", R - c),
                   "Divide by 2: %d %s x %s %d." % (lo, "≤" if lc else "<", "≤" if rc else "<", hi)],
             check="Check x = %d: 2·%d + %d = %d, which lies between %d and %d. ✓" % (lo + 1, lo + 1, c, 2 * lo + 2 + c, L, R),
             hypo=("the right end were %d" % (R + 2), iv(lo, hi + 1, lc, rc)))
    _add_wrong(g, "near", iv(lo, hi, not lc, rc), iv(lo, hi, not lc, rc), (lo, hi, not lc, rc))
    _add_wrong(g, "near", iv(lo, hi, lc, not rc), iv(lo, hi, lc, not rc), (lo, hi, lc, not rc))
    _add_wrong(g, "near", iv(lo, hi, not lc, not rc), iv(lo, hi, not lc, not rc), (lo, hi, not lc, not rc))
    _add_wrong(g, "sign", iv(-hi, -lo, rc, lc), iv(-hi, -lo, rc, lc), (-hi, -lo, rc, lc))
    _add_wrong(g, "inter", iv(L - c, R - c, lc, rc), iv(L - c, R - c, lc, rc), (L - c, R - c, lc, rc))
    return g


def k_ineq(r):
    a = r.choice([-5, -4, -3, -2, 2, 3, 4, 5])
    sol = r.randint(-6, 7)
    while sol == 0:
        sol = r.randint(-6, 7)
    b = r.randint(-9, 9)
    c = a * sol + b
    op = r.choice([">", "<", "≥", "≤"])
    flip = {">": "<", "<": ">", "≥": "≤", "≤": "≥"}
    tex = {">": ">", "<": "<", "≥": "\\ge", "≤": "\\le"}
    so = flip[op] if a < 0 else op
    def it(o, v, rev=False, plain=False):
        if rev:
            o2 = flip[o]
            return "%d %s x" % (v, o2 if plain else tex[o2])
        return "x %s %d" % (o if plain else tex[o], v)
    g = dict(problem="Solve %dx %s %d %s %d." % (a, "+" if b >= 0 else "-", abs(b), op, c),
             gold=it(so, sol).replace(" ", "") if False else "x %s %d" % (tex[so], sol), key=(so, sol),
             eq=[(it(so, sol), it(so, sol, plain=True)), (it(so, sol, True), it(so, sol, True, True)), (it(so, sol).replace(" ", ""), it(so, sol, plain=True).replace(" ", ""))], wrong={},
             work=["Move the constant: %dx %s %d." % (a, op, c - b),
                   "Divide by %d%s." % (a, ", flipping the sign because it is negative" if a < 0 else "")],
             check="Check x = %d: %d·%d %+d = %d, the boundary value. ✓" % (sol, a, sol, b, c),
             hypo=("the right side were %d" % (c + a), it(so, sol + 1, plain=True)))
    strict = {">": "≥", "<": "≤", "≥": ">", "≤": "<"}
    _add_wrong(g, "sign", it(flip[so], sol), it(flip[so], sol, plain=True), (flip[so], sol))
    _add_wrong(g, "sign", it(so, -sol), it(so, -sol, plain=True), (so, -sol))
    _add_wrong(g, "near", it(strict[so], sol), it(strict[so], sol, plain=True), (strict[so], sol))
    _add_wrong(g, "inter", it(so, c - b), it(so, c - b, plain=True), (so, c - b))
    return g


def mtex(M, env="pmatrix"):
    return "\\begin{%s}" % env + "\\\\".join("&".join(str(t) for t in row) for row in M) + "\\end{%s}" % env


def mplain(M):
    return "[" + ", ".join("[" + ", ".join(str(t) for t in row) + "]" for row in M) + "]"


def k_matrix(r):
    while True:
        A = sp.Matrix(2, 2, [r.randint(-3, 4) for _ in range(4)])
        B = sp.Matrix(2, 2, [r.randint(-3, 4) for _ in range(4)])
        P = A * B
        if P != P.T and P != B * A and A.det() != 0:
            break
    L = P.tolist()
    key = tuple(int(t) for t in P)
    g = dict(problem="Compute the product %s %s." % (mtex(A.tolist()), mtex(B.tolist())),
             gold=mtex(L), key=key, eq=[(mtex(L), mplain(L)), (mtex(L, "bmatrix"), mplain(L)), (mtex(L).replace("&", " & "), mplain(L))], wrong={},
             work=["Top-left entry: row 1 · column 1 = %d·%d + %d·%d = %d." % (A[0, 0], B[0, 0], A[0, 1], B[1, 0], P[0, 0]),
                   "Bottom-right entry: %d·%d + %d·%d = %d." % (A[1, 0], B[0, 1], A[1, 1], B[1, 1], P[1, 1])],
             check="Check: det(AB) = %d = det(A)·det(B) = %d·%d. ✓" % (P.det(), A.det(), B.det()),
             hypo=("we multiplied in the order BA", mplain((B * A).tolist())))
    T = P.T.tolist()
    _add_wrong(g, "swap", mtex(T), mplain(T), tuple(int(t) for t in P.T))
    BA = (B * A).tolist()
    _add_wrong(g, "inter", mtex(BA), mplain(BA), tuple(int(t) for t in B * A))
    N = P.copy(); N[0, 1] += 1
    _add_wrong(g, "near", mtex(N.tolist()), mplain(N.tolist()), tuple(int(t) for t in N))
    S = P.copy(); S[1, 0] = -S[1, 0] if S[1, 0] else 1
    _add_wrong(g, "sign", mtex(S.tolist()), mplain(S.tolist()), tuple(int(t) for t in S))
    return g


def k_vector(r):
    while True:
        u = [r.randint(-4, 5) for _ in range(3)]
        v = [r.randint(-3, 3) for _ in range(3)]
        w = [u[i] + 2 * v[i] for i in range(3)]
        if len(set(w)) == 3 and all(w) and [u[i] + v[i] for i in range(3)] != w:
            break
    def col(t, env="pmatrix"):
        return "\\begin{%s}" % env + " \\\\ ".join(str(a) for a in t) + "\\end{%s}" % env
    key = ("vec", tuple(w))
    g = dict(problem="Let u = (%d, %d, %d) and v = (%d, %d, %d). Compute u + 2v." % tuple(u + v),
             gold=col(w).replace(" ", ""), key=key,
             eq=[(col(w), tup(w)), (col(w, "bmatrix"), tup(w)), ("\\langle %s \\rangle" % ", ".join(map(str, w)), "<%s>" % ", ".join(map(str, w)))], wrong={},
             work=["2v = (%d, %d, %d)." % tuple(2 * t for t in v), "Add componentwise to u."],
             check="Check the first component: %d + 2·%d = %d. ✓" % (u[0], v[0], w[0]),
             hypo=("we wanted u + v", tup([u[i] + v[i] for i in range(3)])))
    uv = [u[i] + v[i] for i in range(3)]
    _add_wrong(g, "inter", col(uv), tup(uv), ("vec", tuple(uv)))
    sw = [w[1], w[0], w[2]]
    _add_wrong(g, "swap", col(sw), tup(sw), ("vec", tuple(sw)))
    sg = [w[0], -w[1], w[2]]
    _add_wrong(g, "sign", col(sg), tup(sg), ("vec", tuple(sg)))
    nr = [w[0], w[1], w[2] + 1]
    _add_wrong(g, "near", col(nr), tup(nr), ("vec", tuple(nr)))
    _add_wrong(g, "settuple", settex(w), setplain(w), ("set", frozenset(w)))
    return g


def cx(p, q, order=0):
    im = ("" if abs(q) == 1 else str(abs(q))) + "i"
    if order == 0:
        return "%d %s %s" % (p, "+" if q > 0 else "-", im)
    return "%s%s %s %d" % ("-" if q < 0 else "", im, "+" if p > 0 else "-", abs(p))


def k_complex(r):
    while True:
        a, b, c, d = r.randint(-4, 5), r.randint(-4, 5), r.randint(-3, 4), r.randint(-4, 4)
        p, q = a * c - b * d, a * d + b * c
        if p and q and abs(p) != abs(q) and b and d and (a * c + b * d) != p:
            break
    g = dict(problem="Simplify (%s)(%s), where i^2 = -1." % (cx(a, b) if a else "%di" % b, cx(c, d) if c else "%di" % d),
             gold=cx(p, q).replace(" ", ""), key=(p, q),
             eq=[both(cx(p, q)), both(cx(p, q, 1)), both(cx(p, q).replace(" ", ""))], wrong={},
             work=["Expand: %d + %di + %di + %di^2." % (a * c, a * d, b * c, b * d), "Since i^2 = −1, the last term becomes %d." % (-b * d)],
             check="Check the modulus: |z|^2 = %d, which equals %d · %d. ✓" % (p * p + q * q, a * a + b * b, c * c + d * d),
             hypo=("i^2 were +1", cx(a * c + b * d, q) if a * c + b * d else "%di" % q))
    _add_wrong(g, "sign", cx(p, -q), cx(p, -q), (p, -q))
    _add_wrong(g, "sign", cx(-p, q), cx(-p, q), (-p, q))
    _add_wrong(g, "swap", cx(q, p), cx(q, p), (q, p))
    if a * c + b * d:
        _add_wrong(g, "near", cx(a * c + b * d, q), cx(a * c + b * d, q), (a * c + b * d, q))
    return g


def k_pm(r):
    h = r.choice([-4, -3, -2, -1, 1, 2, 3, 4, 5])
    k = r.choice([2, 3, 5, 6, 7, 10, 11, 13])
    B, C = -2 * h, h * h - k
    def pmt(h, k):
        return "%d \\pm \\sqrt{%d}" % (h, k)
    def pmp(h, k):
        return "%d ± √%d" % (h, k)
    g = dict(problem="Solve x^2 %s %dx %s %d = 0 by completing the square." % ("+" if B > 0 else "-", abs(B), "+" if C >= 0 else "-", abs(C)),
             gold=pmt(h, k).replace(" ", ""), key=("pm", h, k),
             eq=[(pmt(h, k), pmp(h, k)), ("%d+\\sqrt{%d},\\ %d-\\sqrt{%d}" % (h, k, h, k), "%d + √%d and %d − √%d" % (h, k, h, k)),
                 (pmt(h, k), "%d ± sqrt(%d)" % (h, k))], wrong={},
             work=["Move the constant: x^2 %s %dx = %d." % ("+" if B > 0 else "-", abs(B), -C), "Add %d to both sides: (x %s %d)^2 = %d." % (h * h, "-" if h > 0 else "+", abs(h), k)],
             check="Check: the roots sum to %d = %d and multiply to %d. ✓" % (2 * h, -B, C),
             hypo=("the constant were %d" % (C - 1), pmp(h, k + 1)))
    _add_wrong(g, "near", "%d+\\sqrt{%d}" % (h, k), "%d + √%d" % (h, k), ("one", h, k))
    _add_wrong(g, "sign", pmt(-h, k), pmp(-h, k), ("pm", -h, k))
    _add_wrong(g, "near", "%d \\pm %d" % (h, k), "%d ± %d" % (h, k), ("pmint", h, k))
    _add_wrong(g, "inter", pmt(h, k + h * h), pmp(h, k + h * h), ("pm", h, k + h * h))
    return g


def k_mc(r):
    a, b = r.randint(3, 12), r.randint(3, 12)
    ans = a * b + a
    opts = sorted({ans, a * b, ans + a, ans - 1, ans + b} )
    kk = 2
    while len(opts) < 5:
        opts = sorted(set(opts) | {ans + kk * 7 + 1}); kk += 1
    opts = opts[:5] if ans in opts[:5] else sorted(opts[:4] + [ans])
    letters = "ABCDE"
    L = letters[opts.index(ans)]
    ch = "  ".join("(%s) %d" % (letters[i], o) for i, o in enumerate(opts))
    g = dict(problem="A garden has %d rows of %d tulips plus one extra row of %d. How many tulips are there? %s" % (a, b, a, ch),
             gold="\\text{(%s)}" % L, key=L,
             eq=[("\\text{(%s)}" % L, "(%s)" % L), ("\\text{%s}" % L, L), ("\\text{(%s) } %d" % (L, ans), "(%s) %d" % (L, ans)), ("\\text{(%s)}" % L, "option %s" % L)], wrong={},
             work=["%d rows × %d = %d tulips." % (a, b, a * b), "Plus the extra %d: %d + %d = %d." % (a, a * b, a, ans)],
             check="Check: %d ÷ %d = %d, consistent with %d full rows and a short one. ✓" % (ans - a, a, b, a),
             hypo=("the extra row had %d tulips" % b, "%d" % (a * b + b)))
    for i, o in enumerate(opts):
        Li = letters[i]
        if Li == L:
            continue
        tag = "inter" if o == a * b else ("near" if abs(i - opts.index(ans)) == 1 else "other")
        _add_wrong(g, tag, "\\text{(%s)}" % Li, "(%s)" % Li, Li)
    return g


DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()


def k_text(r):
    s = r.randrange(7)
    n = r.randint(9, 60)
    while n % 7 == 0:
        n = r.randint(9, 60)
    e = (s + n) % 7
    D = DAYS[e]
    g = dict(problem="Today is %s. What day of the week will it be %d days from today?" % (DAYS[s], n),
             gold="\\text{%s}" % D, key=e, eq=[("\\text{%s}" % D, D), ("\\text{%s}" % D, D.lower()), ("\\text{%s}" % D, "a %s" % D)], wrong={},
             work=["%d = 7·%d + %d." % (n, n // 7, n % 7), "Count %d day(s) forward from %s." % (n % 7, DAYS[s])],
             check="Check: %d full weeks bring us back to %s, then %d more. ✓" % (n // 7, DAYS[s], n % 7),
             hypo=("it were %d days" % (n + 1), DAYS[(e + 1) % 7]))
    for dd, tag in ((1, "near"), (-1, "near"), (3, "other")):
        D2 = DAYS[(e + dd) % 7]
        _add_wrong(g, tag, "\\text{%s}" % D2, D2, (e + dd) % 7)
    return g


def k_words(r):
    while True:
        a, b, c = r.randint(2, 9), r.randint(2, 9), r.randint(1, 9)
        n = a * b + c
        if 13 <= n < 100 and n % 10 and n // 10 != n % 10:
            break
    W = words(n)
    g = dict(problem="There are %d tables with %d chairs each, plus %d extra chairs. How many chairs are there? Answer in words." % (a, b, c),
             gold="\\text{%s}" % W, key=n, eq=[("\\text{%s}" % W, W), ("\\text{%s}" % W, words(n, False)), ("\\text{%s}" % W.capitalize(), W.capitalize())], wrong={},
             work=["%d × %d = %d chairs at the tables." % (a, b, a * b), "Adding the %d extra chairs." % c],
             check="Check: %d − %d = %d = %d × %d. ✓" % (n, c, a * b, a, b),
             hypo=("there were %d extra chairs" % (c + 1), words(n + 1)))
    rev = int(str(n)[::-1])
    if rev < 100 and rev >= 1:
        _add_wrong(g, "swap", "\\text{%s}" % words(rev), words(rev), rev)
    _add_wrong(g, "near", "\\text{%s}" % words(n + 1), words(n + 1), n + 1)
    _add_wrong(g, "near", "\\text{%s}" % words(n - 1), words(n - 1), n - 1)
    _add_wrong(g, "inter", "\\text{%s}" % words(a * b), words(a * b), a * b)
    return g


KINDS = {
    "integer": k_integer, "decimal": k_decimal, "fraction": k_fraction, "mixed_number": k_mixed,
    "percent": k_percent, "currency": k_currency, "units": k_units, "time": k_time,
    "scientific_notation": k_sci, "expression": k_expression, "equation": k_equation, "system": k_system,
    "tuple": k_tuple, "ordered_pair": k_pair, "set": k_set, "interval": k_interval, "inequality": k_ineq,
    "matrix": k_matrix, "vector": k_vector, "complex": k_complex, "plus_minus": k_pm,
    "multiple_choice": k_mc, "text": k_text, "number_words": k_words,
}
