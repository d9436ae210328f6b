# Item bank for math_heldout5_2026-12-03 (written from scratch by a helper; no checker code consulted).
# Each item: kind, q (question), gold (dataset-style string), val (semantic value),
# eq: equivalent surface forms [(surface, value)], steps: working sentences that only
# mention intermediate quantities, last: a format string completing the computation,
# inter: intermediate values [(surface, value)], wrong: [(surface, value, tag)].
import sympy as sp
from sympy import Rational as R, sqrt, pi, I, Interval, oo, Matrix, Symbol

x, y = sp.symbols("x y")


def N(v):
    return ("num", sp.nsimplify(sp.sympify(v, rational=True), rational=True) if isinstance(v, str) else sp.sympify(v))


def X(s):
    return ("expr", sp.sympify(s))


def EQ(lhs, rhs):
    return ("eq", sp.sympify(lhs) - sp.sympify(rhs))


def SYS(**kw):
    return ("sys", {k: sp.sympify(v, rational=True) for k, v in kw.items()})


def TUP(*a):
    return ("tup", tuple(sp.sympify(v, rational=True) for v in a))


def SET(*a):
    return ("set", tuple(sp.sympify(v, rational=True) for v in a))


def IV(s):
    return ("ival", s)


def MAT(rows):
    return ("mat", Matrix(rows))


def MC(c):
    return ("mc", c)


def TXT(s):
    return ("text", s)


def TM(h, m):
    return ("time", (h % 24) * 60 + m)


ITEMS = []


def item(kind, q, gold, val, eq, steps, last, inter, wrong):
    ITEMS.append(dict(kind=kind, q=q, gold=gold, val=val, eq=eq, steps=steps,
                      last=last, inter=inter, wrong=wrong))


# ---------------- integer ----------------
item("integer", "A baker fills 12 trays with 18 rolls each and sells 150 rolls. How many rolls are left?",
     "66", N(66), [("66", N(66)), ("66 rolls", N(66)), ("66.0", N(66))],
     ["12 trays times 18 rolls per tray is 216 rolls in total"], "216 - 150 = {}",
     [("216", N(216))], [("65", N(65), "near"), ("67", N(67), "near"), ("-66", N(-66), "sign"), ("366", N(366), "near")])
item("integer", "Ann has 14 marbles and Tom has three times as many. Together they give away 9. How many marbles do they still have?",
     "47", N(47), [("47", N(47)), ("47 marbles", N(47))],
     ["Tom has 3 \\times 14 = 42 marbles", "together that makes 42 + 14 = 56"], "56 - 9 = {}",
     [("42", N(42)), ("56", N(56))], [("46", N(46), "near"), ("48", N(48), "near"), ("65", N(65), "near"), ("-47", N(-47), "sign")])
item("integer", "Compute $7 - 4 \\cdot 5 + 3$.",
     "-10", N(-10), [("-10", N(-10)), ("$-10$", N(-10)), ("-10.0", N(-10))],
     ["multiplication comes first: 4 \\cdot 5 = 20", "then 7 - 20 = -13"], "-13 + 3 = {}",
     [("-13", N(-13)), ("-20", N(-20))], [("10", N(10), "sign"), ("-11", N(-11), "near"), ("18", N(18), "near"), ("-9", N(-9), "near")])
item("integer", "How many positive divisors does 360 have?",
     "24", N(24), [("24", N(24)), ("24 divisors", N(24)), ("twenty-four", N(24))],
     ["360 = 2^3 \\cdot 3^2 \\cdot 5", "the exponents are 3, 2 and 1"], "(3+1)(2+1)(1+1) = {}",
     [("6", N(6)), ("12", N(12))], [("23", N(23), "near"), ("22", N(22), "near"), ("-24", N(-24), "sign"), ("18", N(18), "near")])

# ---------------- decimal ----------------
item("decimal", "Compute $3.6 \\times 2.5 - 1.75$.",
     "7.25", N("7.25"), [("7.25", N("7.25")), ("7.250", N("7.25")), ("\\frac{29}{4}", N("29/4")), ("29/4", N("29/4"))],
     ["3.6 \\times 2.5 = 9"], "9 - 1.75 = {}",
     [("9", N(9))], [("7.24", N("7.24"), "near"), ("7.5", N("7.5"), "near"), ("-7.25", N("-7.25"), "sign"), ("10.75", N("10.75"), "near")])
item("decimal", "Find the mean of 4.2, 5.1 and 6.3.",
     "5.2", N("5.2"), [("5.2", N("5.2")), ("5.20", N("5.2")), ("26/5", N("26/5")), ("\\frac{26}{5}", N("26/5"))],
     ["the sum is 4.2 + 5.1 + 6.3 = 15.6", "there are 3 values"], "15.6 / 3 = {}",
     [("15.6", N("15.6"))], [("5.02", N("5.02"), "near"), ("5.3", N("5.3"), "near"), ("-5.2", N("-5.2"), "sign"), ("7.8", N("7.8"), "near")])
item("decimal", "What is 15% of 48, written as a decimal?",
     "7.2", N("7.2"), [("7.2", N("7.2")), ("7.20", N("7.2")), ("\\frac{36}{5}", N("36/5"))],
     ["15% is 0.15", "48 \\times 15 = 720"], "720 / 100 = {}",
     [("720", N(720)), ("0.15", N("0.15"))], [("72", N(72), "near"), ("0.72", N("0.72"), "near"), ("-7.2", N("-7.2"), "sign"), ("7.02", N("7.02"), "near")])
item("decimal", "Evaluate $1.2^2 + 0.6$.",
     "2.04", N("2.04"), [("2.04", N("2.04")), ("2.040", N("2.04")), ("\\frac{51}{25}", N("51/25"))],
     ["1.2^2 = 1.44"], "1.44 + 0.6 = {}",
     [("1.44", N("1.44"))], [("2.4", N("2.4"), "near"), ("2.004", N("2.004"), "near"), ("-2.04", N("-2.04"), "sign"), ("3.0", N(3), "near")])

# ---------------- fraction ----------------
item("fraction", "Compute $\\frac{2}{3} + \\frac{1}{4}$.",
     "\\frac{11}{12}", N("11/12"), [("\\frac{11}{12}", N("11/12")), ("11/12", N("11/12")), ("\\dfrac{11}{12}", N("11/12")), ("\\frac{22}{24}", N("11/12"))],
     ["over the common denominator 12 the fractions are \\frac{8}{12} and \\frac{3}{12}"], "\\frac{8}{12} + \\frac{3}{12} = {}",
     [("\\frac{8}{12}", N("2/3")), ("\\frac{3}{12}", N("1/4"))],
     [("\\frac{11}{24}", N("11/24"), "near"), ("\\frac{3}{7}", N("3/7"), "near"), ("-\\frac{11}{12}", N("-11/12"), "sign"),
      ("0.92", N("0.92"), "rounded"), ("0.917", N("0.917"), "rounded")])
item("fraction", "Two fair dice are rolled. What is the probability that the sum is 7?",
     "\\frac{1}{6}", N("1/6"), [("\\frac{1}{6}", N("1/6")), ("1/6", N("1/6")), ("\\frac{6}{36}", N("1/6")), ("6/36", N("1/6"))],
     ["there are 36 equally likely outcomes", "the favourable ones are (1,6), (2,5), (3,4), (4,3), (5,2), (6,1), so 6 of them"], "so the probability is {}",
     [("36", N(36)), ("6", N(6))],
     [("\\frac{1}{36}", N("1/36"), "near"), ("\\frac{5}{36}", N("5/36"), "near"), ("0.167", N("0.167"), "rounded"), ("0.17", N("0.17"), "rounded"), ("\\frac{1}{12}", N("1/12"), "near")])
item("fraction", "Simplify $\\frac{3}{8} \\div \\frac{9}{10}$.",
     "\\frac{5}{12}", N("5/12"), [("\\frac{5}{12}", N("5/12")), ("5/12", N("5/12")), ("\\frac{10}{24}", N("5/12"))],
     ["dividing by \\frac{9}{10} means multiplying by \\frac{10}{9}"], "\\frac{3}{8} \\cdot \\frac{10}{9} = {}",
     [("\\frac{10}{9}", N("10/9"))],
     [("\\frac{27}{80}", N("27/80"), "near"), ("\\frac{12}{5}", N("12/5"), "near"), ("0.417", N("0.417"), "rounded"), ("-\\frac{5}{12}", N("-5/12"), "sign")])
item("fraction", "Solve $3x = 7 - x$ for $x$.",
     "\\frac{7}{4}", N("7/4"), [("\\frac{7}{4}", N("7/4")), ("7/4", N("7/4")), ("1.75", N("1.75")), ("x = \\frac{7}{4}", N("7/4"))],
     ["adding x to both sides gives 4x = 7"], "x = {}",
     [("7", N(7))],
     [("\\frac{7}{2}", N("7/2"), "near"), ("\\frac{4}{7}", N("4/7"), "near"), ("-\\frac{7}{4}", N("-7/4"), "sign"), ("\\frac{7}{3}", N("7/3"), "near")])

# ---------------- mixed number ----------------
item("mixed_number", "Add $2\\frac{1}{3} + 1\\frac{3}{4}$.",
     "4\\frac{1}{12}", N("49/12"), [("4\\frac{1}{12}", N("49/12")), ("\\frac{49}{12}", N("49/12")), ("49/12", N("49/12")), ("4 1/12", N("49/12"))],
     ["as improper fractions these are \\frac{7}{3} = \\frac{28}{12} and \\frac{7}{4} = \\frac{21}{12}"], "\\frac{28}{12} + \\frac{21}{12} = {}",
     [("\\frac{28}{12}", N("7/3")), ("\\frac{21}{12}", N("7/4"))],
     [("3\\frac{4}{7}", N("25/7"), "near"), ("4\\frac{1}{6}", N("25/6"), "near"), ("4.08", N("4.08"), "rounded"), ("4.083", N("4.083"), "rounded"), ("3\\frac{1}{12}", N("37/12"), "near")])
item("mixed_number", "A recipe uses $\\frac{3}{4}$ cup of oats per batch. How many cups are needed for 7 batches? Give a mixed number.",
     "5\\frac{1}{4}", N("21/4"), [("5\\frac{1}{4}", N("21/4")), ("\\frac{21}{4}", N("21/4")), ("5.25", N("21/4")), ("5 1/4 cups", N("21/4")), ("21/4", N("21/4"))],
     ["each batch is 3 quarter-cups, so 7 batches use 21 quarter-cups"], "7 \\times \\frac{3}{4} = {}",
     [("21", N(21))],
     [("5\\frac{3}{4}", N("23/4"), "near"), ("4\\frac{1}{4}", N("17/4"), "near"), ("5\\frac{1}{3}", N("16/3"), "near")])
item("mixed_number", "Compute $6 - 2\\frac{5}{8}$.",
     "3\\frac{3}{8}", N("27/8"), [("3\\frac{3}{8}", N("27/8")), ("\\frac{27}{8}", N("27/8")), ("3.375", N("27/8")), ("3 3/8", N("27/8"))],
     ["write 6 as \\frac{48}{8} and 2\\frac{5}{8} as \\frac{21}{8}"], "\\frac{48}{8} - \\frac{21}{8} = {}",
     [("\\frac{48}{8}", N(6)), ("\\frac{21}{8}", N("21/8"))],
     [("4\\frac{3}{8}", N("35/8"), "near"), ("3\\frac{5}{8}", N("29/8"), "near"), ("-3\\frac{3}{8}", N("-27/8"), "sign"), ("3.38", N("3.38"), "near")])
item("mixed_number", "A board $10\\frac{1}{2}$ feet long is cut into 4 equal pieces. How long is each piece?",
     "2\\frac{5}{8}", N("21/8"), [("2\\frac{5}{8}", N("21/8")), ("\\frac{21}{8}", N("21/8")), ("2.625", N("21/8")), ("2 5/8 feet", N("21/8"))],
     ["10\\frac{1}{2} = \\frac{21}{2}"], "\\frac{21}{2} \\div 4 = {}",
     [("\\frac{21}{2}", N("21/2"))],
     [("2\\frac{1}{8}", N("17/8"), "near"), ("42", N(42), "near"), ("2\\frac{1}{2}", N("5/2"), "near"), ("2.63", N("2.63"), "near")])

# ---------------- percent ----------------
item("percent", "A shirt's price falls from \\$80 to \\$60. What is the percent decrease?",
     "25\\%", N(25), [("25\\%", N(25)), ("25%", N(25)), ("25", N(25)), ("25 percent", N(25))],
     ["the drop is 80 - 60 = 20 dollars"], "\\frac{20}{80} \\times 100\\% = {}",
     [("20", N(20))],
     [("0.25", N("0.25"), "pct_decimal"), ("33\\frac{1}{3}\\%", N("100/3"), "near"), ("20\\%", N(20), "near"), ("-25\\%", N(-25), "sign"), ("75\\%", N(75), "near")])
item("percent", "What percent of 250 is 45?",
     "18\\%", N(18), [("18\\%", N(18)), ("18%", N(18)), ("18", N(18)), ("18 percent", N(18))],
     ["the ratio is \\frac{45}{250} = 0.18 as a decimal"], "0.18 \\times 100\\% = {}",
     [("\\frac{45}{250}", N("45/250"))],
     [("0.18", N("0.18"), "pct_decimal"), ("1.8\\%", N("1.8"), "near"), ("180\\%", N(180), "near"), ("82\\%", N(82), "near")])
item("percent", "A price of \\$40 rises 15% and then falls 15%. What is the overall percent change?",
     "-2.25\\%", N("-2.25"), [("-2.25\\%", N("-2.25")), ("-2.25%", N("-2.25")), ("-2.25", N("-2.25")), ("-2.25 percent", N("-2.25"))],
     ["after the rise the price is 40 \\times 1.15 = 46", "after the fall it is 46 \\times 0.85 = 39.1", "so the price moved by 39.1 - 40 = -0.9 dollars"], "\\frac{-0.9}{40} \\times 100\\% = {}",
     [("46", N(46)), ("39.1", N("39.1"))],
     [("2.25\\%", N("2.25"), "sign"), ("0\\%", N(0), "near"), ("-2.5\\%", N("-2.5"), "near"), ("-0.0225", N("-0.0225"), "pct_decimal")])
item("percent", "In a class of 40 students, 14 wear glasses. What percentage wear glasses?",
     "35\\%", N(35), [("35\\%", N(35)), ("35%", N(35)), ("35", N(35)), ("35 percent", N(35))],
     ["the fraction wearing glasses is \\frac{14}{40}"], "\\frac{14}{40} \\times 100\\% = {}",
     [("\\frac{14}{40}", N("14/40"))],
     [("0.35", N("0.35"), "pct_decimal"), ("14\\%", N(14), "near"), ("65\\%", N(65), "near"), ("3.5\\%", N("3.5"), "near")])

# ---------------- currency ----------------
item("currency", "Notebooks cost \\$2.35 and pens cost \\$1.80. What do 3 notebooks and 2 pens cost?",
     "\\$10.65", N("10.65"), [("\\$10.65", N("10.65")), ("$10.65", N("10.65")), ("10.65", N("10.65")), ("10.65 dollars", N("10.65"))],
     ["three notebooks cost 3 \\times 2.35 = 7.05", "two pens cost 2 \\times 1.80 = 3.60"], "7.05 + 3.60 = {}",
     [("\\$7.05", N("7.05")), ("\\$3.60", N("3.6"))],
     [("\\$10.56", N("10.56"), "near"), ("\\$9.45", N("9.45"), "near"), ("\\$4.15", N("4.15"), "near"), ("\\$10.75", N("10.75"), "near")])
item("currency", "Janet earns \\$15 an hour, works 38 hours, and pays \\$120 in fees. How much does she keep?",
     "450", N(450), [("450", N(450)), ("\\$450", N(450)), ("$450.00", N(450)), ("450 dollars", N(450))],
     ["her gross pay is 15 \\times 38 = 570 dollars"], "570 - 120 = {}",
     [("\\$570", N(570))],
     [("\\$440", N(440), "near"), ("\\$460", N(460), "near"), ("\\$690", N(690), "near"), ("-\\$450", N(-450), "sign")])
item("currency", "A \\$80 jacket is discounted by 30%. What is the sale price?",
     "\\$56", N(56), [("\\$56", N(56)), ("$56.00", N(56)), ("56", N(56)), ("56 dollars", N(56))],
     ["the discount is 0.30 \\times 80 = 24 dollars"], "80 - 24 = {}",
     [("\\$24", N(24))],
     [("\\$54", N(54), "near"), ("\\$50", N(50), "near"), ("\\$104", N(104), "near"), ("\\$57", N(57), "near")])
item("currency", "A \\$127.50 restaurant bill is split equally among 5 friends. How much does each pay?",
     "\\$25.50", N("25.5"), [("\\$25.50", N("25.5")), ("$25.5", N("25.5")), ("25.50", N("25.5")), ("25.5 dollars", N("25.5"))],
     ["there are 5 equal shares of the 127.50 total"], "127.50 / 5 = {}",
     [("127.50", N("127.5"))],
     [("\\$25.05", N("25.05"), "near"), ("\\$21.25", N("21.25"), "near"), ("\\$26.50", N("26.5"), "near"), ("\\$255", N(255), "near")])

# ---------------- units ----------------
item("units", "A rectangle measures 5 m by 3 m. What is its perimeter?",
     "16\\text{ m}", N(16), [("16\\text{ m}", N(16)), ("16 m", N(16)), ("16", N(16)), ("16 meters", N(16)), ("16\\,\\mathrm{m}", N(16))],
     ["one length plus one width is 5 + 3 = 8 m"], "2 \\times 8 = {}",
     [("8 m", N(8)), ("15", N(15))],
     [("1600 cm", N(1600), "other_unit"), ("15 m", N(15), "near"), ("8 m", N(8), "near"), ("18 m", N(18), "near")])
item("units", "A car travels 150 km in 2.5 hours. What is its average speed?",
     "60\\text{ km/h}", N(60), [("60\\text{ km/h}", N(60)), ("60 km/h", N(60)), ("60", N(60)), ("60 kilometers per hour", N(60))],
     ["speed is distance over time, 150 km over 2.5 h"], "150 / 2.5 = {}",
     [("150", N(150)), ("2.5", N("2.5"))],
     [("1000 m/min", N(1000), "other_unit"), ("375 km/h", N(375), "near"), ("65 km/h", N(65), "near"), ("6 km/h", N(6), "near")])
item("units", "A cylinder has radius 3 cm and height 10 cm. Find its volume.",
     "90\\pi\\text{ cm}^3", N(90 * pi), [("90\\pi\\text{ cm}^3", N(90 * pi)), ("90\\pi", N(90 * pi)), ("90 \\pi \\text{ cubic centimeters}", N(90 * pi)), ("90\\pi \\approx 282.7\\text{ cm}^3", N(90 * pi))],
     ["the base area is \\pi \\cdot 3^2 = 9\\pi"], "9\\pi \\cdot 10 = {}",
     [("9\\pi", N(9 * pi))],
     [("282.7\\text{ cm}^3", N("282.7"), "rounded"), ("282.74", N("282.74"), "rounded"), ("30\\pi\\text{ cm}^3", N(30 * pi), "near"), ("60\\pi\\text{ cm}^3", N(60 * pi), "near")])
item("units", "A 2.5 kg bag of rice is divided into 4 equal portions. What is the mass of each portion in grams?",
     "625\\text{ g}", N(625), [("625\\text{ g}", N(625)), ("625 g", N(625)), ("625", N(625)), ("625 grams", N(625))],
     ["2.5 kg = 2500 g"], "2500 / 4 = {}",
     [("2500 g", N(2500))],
     [("0.625 kg", N("0.625"), "other_unit"), ("62.5 g", N("62.5"), "near"), ("6250 g", N(6250), "near"), ("600 g", N(600), "near")])

# ---------------- time ----------------
item("time", "A train leaves at 9:45 AM and the trip takes 3 hours 40 minutes. When does it arrive?",
     "1:25 PM", TM(13, 25), [("1:25 PM", TM(13, 25)), ("13:25", TM(13, 25)), ("1:25 p.m.", TM(13, 25)), ("1:25pm", TM(13, 25))],
     ["adding 3 hours to 9:45 AM gives 12:45 PM"], "12:45 PM + 40 min = {}",
     [("12:45 PM", TM(12, 45))],
     [("1:25 AM", TM(1, 25), "meridiem"), ("12:25 PM", TM(12, 25), "near"), ("1:35 PM", TM(13, 35), "near"), ("2:25 PM", TM(14, 25), "near")])
item("time", "A film starts at 7:50 PM and runs 2 hours 25 minutes. When does it end?",
     "10:15 PM", TM(22, 15), [("10:15 PM", TM(22, 15)), ("22:15", TM(22, 15)), ("10:15 p.m.", TM(22, 15)), ("10:15pm", TM(22, 15))],
     ["two hours after 7:50 PM is 9:50 PM"], "9:50 PM + 25 min = {}",
     [("9:50 PM", TM(21, 50))],
     [("10:15 AM", TM(10, 15), "meridiem"), ("10:05 PM", TM(22, 5), "near"), ("9:15 PM", TM(21, 15), "near"), ("10:25 PM", TM(22, 25), "near")])
item("time", "A meeting ended at 11:10 AM after lasting 95 minutes. When did it start?",
     "9:35 AM", TM(9, 35), [("9:35 AM", TM(9, 35)), ("09:35", TM(9, 35)), ("9:35 a.m.", TM(9, 35)), ("9:35am", TM(9, 35))],
     ["95 minutes is 1 hour 35 minutes", "going back one hour from 11:10 AM gives 10:10 AM"], "10:10 AM - 35 min = {}",
     [("10:10 AM", TM(10, 10))],
     [("9:35 PM", TM(21, 35), "meridiem"), ("9:45 AM", TM(9, 45), "near"), ("12:45 PM", TM(12, 45), "near"), ("10:35 AM", TM(10, 35), "near")])
item("time", "A night shift starts at 10:30 PM and lasts 8 hours. When does it end?",
     "6:30 AM", TM(6, 30), [("6:30 AM", TM(6, 30)), ("06:30", TM(6, 30)), ("6:30 a.m.", TM(6, 30)), ("6:30am", TM(6, 30))],
     ["from 10:30 PM to midnight is 1 hour 30 minutes", "that leaves 6 hours 30 minutes after midnight"], "12:00 AM + 6 h 30 min = {}",
     [("1 hour 30 minutes", None)],
     [("6:30 PM", TM(18, 30), "meridiem"), ("18:30", TM(18, 30), "meridiem"), ("7:30 AM", TM(7, 30), "near"), ("5:30 AM", TM(5, 30), "near")])

# ---------------- scientific notation ----------------
item("scientific", "Compute $(3 \\times 10^4)(5 \\times 10^3)$ in scientific notation.",
     "1.5 \\times 10^{8}", N(150000000), [("1.5 \\times 10^{8}", N(150000000)), ("1.5 \\times 10^8", N(150000000)), ("150000000", N(150000000)), ("1.5e8", N(150000000)), ("150 million", N(150000000)), ("15 \\times 10^{7}", N(150000000))],
     ["the coefficients multiply to 3 \\times 5 = 15", "the powers combine to 10^{4+3} = 10^7"], "3 \\times 5 \\times 10^{4+3} = {}",
     [("15", N(15)), ("10^7", N(10**7))],
     [("1.5 \\times 10^{7}", N(15000000), "near"), ("1.5 \\times 10^{12}", N(1500000000000), "near"), ("8 \\times 10^{7}", N(80000000), "near"), ("1.5 \\times 10^{9}", N(1500000000), "near")])
item("scientific", "Light travels at $3 \\times 10^8$ m/s. How far does it travel in 500 s?",
     "1.5 \\times 10^{11}\\text{ m}", N(150000000000), [("1.5 \\times 10^{11}\\text{ m}", N(150000000000)), ("1.5 \\times 10^{11}", N(150000000000)), ("150000000000 m", N(150000000000)), ("1.5e11 m", N(150000000000)), ("150 billion meters", N(150000000000))],
     ["distance is 3 \\times 10^8 \\times 500", "3 \\times 500 = 1500"], "1500 \\times 10^8 = {}",
     [("1500", N(1500))],
     [("1.5 \\times 10^{10}\\text{ m}", N(15000000000), "near"), ("6 \\times 10^{5}\\text{ m}", N(600000), "near"), ("1.5 \\times 10^{8}\\text{ m}", N(150000000), "near"), ("1.5 \\times 10^{12}\\text{ m}", N(1500000000000), "near")])
item("scientific", "Compute $\\dfrac{8.4 \\times 10^{-3}}{2 \\times 10^{2}}$.",
     "4.2 \\times 10^{-5}", N("0.000042"), [("4.2 \\times 10^{-5}", N("0.000042")), ("0.000042", N("0.000042")), ("4.2e-5", N("0.000042")), ("42 \\times 10^{-6}", N("0.000042"))],
     ["the coefficients give 8.4 / 2 = 4.2", "the powers give 10^{-3-2}"], "4.2 \\times 10^{-3-2} = {}",
     [("4.2", N("4.2"))],
     [("4.2 \\times 10^{-1}", N("0.42"), "near"), ("4.2 \\times 10^{-6}", N("0.0000042"), "near"), ("-4.2 \\times 10^{-5}", N("-0.000042"), "sign"), ("4.2 \\times 10^{5}", N(420000), "sign")])
item("scientific", "A city of 2.4 million people grows by 350 thousand. What is the new population in scientific notation?",
     "2.75 \\times 10^{6}", N(2750000), [("2.75 \\times 10^{6}", N(2750000)), ("2,750,000", N(2750000)), ("2.75 million", N(2750000)), ("2750000", N(2750000)), ("2.75e6", N(2750000))],
     ["350 thousand is 0.35 million"], "2.4 + 0.35 = 2.75 million, i.e. {}",
     [("0.35 million", N(350000)), ("350000", N(350000))],
     [("2.75 \\times 10^{5}", N(275000), "near"), ("2.435 \\times 10^{6}", N(2435000), "near"), ("5.9 \\times 10^{6}", N(5900000), "near"), ("2.05 \\times 10^{6}", N(2050000), "near")])

# ---------------- expression ----------------
item("expression", "Expand and simplify $(x+3)^2 - (x-1)^2$.",
     "8x + 8", X("8*x+8"), [("8x + 8", X("8*x+8")), ("8(x+1)", X("8*(x+1)")), ("8 + 8x", X("8+8*x")), ("8x+8", X("8*x+8"))],
     ["(x+3)^2 = x^2 + 6x + 9", "(x-1)^2 = x^2 - 2x + 1"], "x^2 + 6x + 9 - (x^2 - 2x + 1) = {}",
     [("x^2 + 6x + 9", X("x**2+6*x+9")), ("x^2 - 2x + 1", X("x**2-2*x+1"))],
     [("8x + 10", X("8*x+10"), "sign"), ("4x + 8", X("4*x+8"), "near"), ("8x - 8", X("8*x-8"), "sign"), ("2x^2 + 4x + 10", X("2*x**2+4*x+10"), "near")])
item("expression", "Simplify $\\frac{x^2 - 9}{x - 3}$ for $x \\neq 3$.",
     "x + 3", X("x+3"), [("x + 3", X("x+3")), ("3 + x", X("3+x")), ("(x+3)", X("x+3")), ("x+3", X("x+3"))],
     ["the numerator factors as (x-3)(x+3)"], "\\frac{(x-3)(x+3)}{x-3} = {}",
     [("(x-3)(x+3)", X("(x-3)*(x+3)"))],
     [("x - 3", X("x-3"), "sign"), ("x^2 + 3", X("x**2+3"), "near"), ("x + 9", X("x+9"), "near"), ("3x", X("3*x"), "near")])
item("expression", "Differentiate $f(x) = x^3 \\sin x$.",
     "3x^2 \\sin x + x^3 \\cos x", X("3*x**2*sin(x)+x**3*cos(x)"),
     [("3x^2 \\sin x + x^3 \\cos x", X("3*x**2*sin(x)+x**3*cos(x)")), ("x^2(3\\sin x + x\\cos x)", X("x**2*(3*sin(x)+x*cos(x))")), ("x^3\\cos x + 3x^2\\sin x", X("x**3*cos(x)+3*x**2*sin(x)")), ("3x^2 sin(x) + x^3 cos(x)", X("3*x**2*sin(x)+x**3*cos(x)"))],
     ["by the product rule, (uv)' = u'v + uv'", "with u = x^3 we have u' = 3x^2, and v = \\sin x gives v' = \\cos x"], "f'(x) = {}",
     [("3x^2", X("3*x**2")), ("\\cos x", X("cos(x)"))],
     [("3x^2 \\cos x", X("3*x**2*cos(x)"), "near"), ("3x^2\\sin x - x^3\\cos x", X("3*x**2*sin(x)-x**3*cos(x)"), "sign"), ("3x^2 \\sin x", X("3*x**2*sin(x)"), "near"), ("x^3\\cos x", X("x**3*cos(x)"), "near")])
item("expression", "Factor $6x^2 + 11x - 10$.",
     "(2x+5)(3x-2)", X("(2*x+5)*(3*x-2)"), [("(2x+5)(3x-2)", X("(2*x+5)*(3*x-2)")), ("(3x-2)(2x+5)", X("(3*x-2)*(2*x+5)")), ("(2x + 5)(3x - 2)", X("(2*x+5)*(3*x-2)"))],
     ["we need two numbers with product 6 \\cdot (-10) = -60 and sum 11", "those are 15 and -4"], "6x^2 + 15x - 4x - 10 = {}",
     [("-60", N(-60)), ("15", N(15))],
     [("(2x-5)(3x+2)", X("(2*x-5)*(3*x+2)"), "sign"), ("(2x+5)(3x+2)", X("(2*x+5)*(3*x+2)"), "near"), ("(6x-5)(x+2)", X("(6*x-5)*(x+2)"), "near"), ("(3x+5)(2x-2)", X("(3*x+5)*(2*x-2)"), "near")])

# ---------------- equation ----------------
item("equation", "Find the equation of the line through $(1, 5)$ and $(3, 9)$.",
     "y = 2x + 3", EQ("y", "2*x+3"), [("y = 2x + 3", EQ("y", "2*x+3")), ("y=2x+3", EQ("y", "2*x+3")), ("2x - y + 3 = 0", EQ("2*x-y+3", 0)), ("y - 5 = 2(x - 1)", EQ("y-5", "2*(x-1)"))],
     ["the slope is \\frac{9-5}{3-1} = 2"], "using the point (1, 5): y - 5 = 2(x - 1), so {}",
     [("2", None)],
     [("y = 2x + 5", EQ("y", "2*x+5"), "near"), ("y = 2x - 3", EQ("y", "2*x-3"), "sign"), ("y = \\frac{1}{2}x + 3", EQ("y", "x/2+3"), "near"), ("y = -2x + 7", EQ("y", "-2*x+7"), "sign")])
item("equation", "Write the equation of the circle with centre $(2, -1)$ and radius 3.",
     "(x-2)^2 + (y+1)^2 = 9", EQ("(x-2)**2+(y+1)**2", 9),
     [("(x-2)^2 + (y+1)^2 = 9", EQ("(x-2)**2+(y+1)**2", 9)), ("(x-2)^2+(y+1)^2=9", EQ("(x-2)**2+(y+1)**2", 9)), ("x^2 - 4x + y^2 + 2y - 4 = 0", EQ("x**2-4*x+y**2+2*y-4", 0))],
     ["the standard form is (x-h)^2 + (y-k)^2 = r^2 with h = 2, k = -1", "r^2 = 3^2 = 9"], "{}",
     [("9", None)],
     [("(x+2)^2 + (y-1)^2 = 9", EQ("(x+2)**2+(y-1)**2", 9), "sign"), ("(x-2)^2 + (y+1)^2 = 3", EQ("(x-2)**2+(y+1)**2", 3), "near"), ("(x-2)^2 + (y-1)^2 = 9", EQ("(x-2)**2+(y-1)**2", 9), "sign")])
item("equation", "Find the line through the origin perpendicular to $y = 3x + 1$.",
     "y = -\\frac{1}{3}x", EQ("y", "-x/3"), [("y = -\\frac{1}{3}x", EQ("y", "-x/3")), ("x + 3y = 0", EQ("x+3*y", 0)), ("y = -x/3", EQ("y", "-x/3")), ("3y = -x", EQ("3*y", "-x"))],
     ["the given slope is 3, so the perpendicular slope is the negative reciprocal, -\\frac{1}{3}", "the line passes through (0, 0)"], "{}",
     [("3", None)],
     [("y = \\frac{1}{3}x", EQ("y", "x/3"), "sign"), ("y = -3x", EQ("y", "-3*x"), "near"), ("y = -\\frac{1}{3}x + 1", EQ("y", "-x/3+1"), "near")])
item("equation", "Give the equation of the axis of symmetry of $y = x^2 - 6x + 2$.",
     "x = 3", EQ("x", 3), [("x = 3", EQ("x", 3)), ("x=3", EQ("x", 3)), ("x - 3 = 0", EQ("x-3", 0)), ("2x = 6", EQ("2*x", 6))],
     ["the axis is x = -\\frac{b}{2a} with a = 1 and b = -6"], "x = \\frac{6}{2}, i.e. {}",
     [("-6", None)],
     [("x = -3", EQ("x", -3), "sign"), ("x = 6", EQ("x", 6), "near"), ("y = 3", EQ("y", 3), "near"), ("x = -7", EQ("x", -7), "near")])

# ---------------- system ----------------
item("system", "Solve the system $x + y = 10$, $x - y = 4$.",
     "x = 7, y = 3", SYS(x=7, y=3), [("x = 7, y = 3", SYS(x=7, y=3)), ("x=7,\\ y=3", SYS(x=7, y=3)), ("y = 3, x = 7", SYS(x=7, y=3)), ("x = 7 and y = 3", SYS(x=7, y=3))],
     ["adding the equations gives 2x = 14"], "x = 7 and then y = 10 - 7, so {}",
     [("2x = 14", None), ("14", None)],
     [("x = 3, y = 7", SYS(x=3, y=7), "swapped"), ("x = 7, y = 4", SYS(x=7, y=4), "near"), ("x = 7, y = -3", SYS(x=7, y=-3), "sign"), ("x = 6, y = 4", SYS(x=6, y=4), "near")])
item("system", "Solve $2a + b = 11$ and $a - b = 1$.",
     "a = 4, b = 3", SYS(a=4, b=3), [("a = 4, b = 3", SYS(a=4, b=3)), ("a=4, b=3", SYS(a=4, b=3)), ("b = 3, a = 4", SYS(a=4, b=3)), ("a = 4 \\text{ and } b = 3", SYS(a=4, b=3))],
     ["adding the two equations eliminates b: 3a = 12"], "a = 4, and b = a - 1, giving {}",
     [("3a = 12", None), ("12", None)],
     [("a = 3, b = 4", SYS(a=3, b=4), "swapped"), ("a = 4, b = 2", SYS(a=4, b=2), "near"), ("a = 4, b = 5", SYS(a=4, b=5), "near"), ("a = -4, b = -3", SYS(a=-4, b=-3), "sign")])
item("system", "Solve $3x + 2y = 12$ with $x = 2y$.",
     "x = 3, y = \\frac{3}{2}", SYS(x=3, y="3/2"), [("x = 3, y = \\frac{3}{2}", SYS(x=3, y="3/2")), ("x = 3, y = 1.5", SYS(x=3, y="3/2")), ("y = 3/2, x = 3", SYS(x=3, y="3/2")), ("x=3,\\; y=\\tfrac32", SYS(x=3, y="3/2"))],
     ["substituting x = 2y gives 6y + 2y = 12, so 8y = 12"], "y = \\frac{12}{8} and x = 2y, so {}",
     [("8y = 12", None)],
     [("x = \\frac{3}{2}, y = 3", SYS(x="3/2", y=3), "swapped"), ("x = 3, y = \\frac{2}{3}", SYS(x=3, y="2/3"), "near"), ("x = 6, y = 3", SYS(x=6, y=3), "near"), ("x = 4, y = 2", SYS(x=4, y=2), "near")])
item("system", "Solve $x + y + z = 6$, $x - y = 1$, $y - z = 1$.",
     "x = 3, y = 2, z = 1", SYS(x=3, y=2, z=1), [("x = 3, y = 2, z = 1", SYS(x=3, y=2, z=1)), ("x=3, y=2, z=1", SYS(x=3, y=2, z=1)), ("z = 1, y = 2, x = 3", SYS(x=3, y=2, z=1)), ("(x, y, z) = (3, 2, 1)", SYS(x=3, y=2, z=1))],
     ["write x = y + 1 and z = y - 1", "then (y+1) + y + (y-1) = 3y = 6"], "y = 2, hence {}",
     [("3y = 6", None)],
     [("x = 1, y = 2, z = 3", SYS(x=1, y=2, z=3), "swapped"), ("x = 3, y = 2, z = 2", SYS(x=3, y=2, z=2), "near"), ("x = 3, y = 1, z = 2", SYS(x=3, y=1, z=2), "swapped"), ("x = 4, y = 2, z = 0", SYS(x=4, y=2, z=0), "near")])

# ---------------- tuple ----------------
item("tuple", "Find $(a, b, c)$ if $a + b = 5$, $b + c = 7$ and $a + c = 6$.",
     "(2, 3, 4)", TUP(2, 3, 4), [("(2, 3, 4)", TUP(2, 3, 4)), ("(2,3,4)", TUP(2, 3, 4)), ("\\left(2, 3, 4\\right)", TUP(2, 3, 4)), ("(a, b, c) = (2, 3, 4)", TUP(2, 3, 4))],
     ["adding all three equations gives 2(a + b + c) = 18, so a + b + c = 9"], "a = 9 - 7, b = 9 - 6, c = 9 - 5, i.e. {}",
     [("9", None), ("18", None)],
     [("(4, 3, 2)", TUP(4, 3, 2), "swapped"), ("\\{2, 3, 4\\}", SET(2, 3, 4), "set_vs_tuple"), ("(2, 3, 5)", TUP(2, 3, 5), "near"), ("(3, 2, 4)", TUP(3, 2, 4), "swapped")])
item("tuple", "Give the quotient and remainder of $17 \\div 5$ as an ordered pair $(q, r)$.",
     "(3, 2)", TUP(3, 2), [("(3, 2)", TUP(3, 2)), ("(3,2)", TUP(3, 2)), ("(q, r) = (3, 2)", TUP(3, 2))],
     ["5 goes into 17 three times, 3 \\times 5 = 15"], "the remainder is 17 - 15 = 2, so {}",
     [("15", None)],
     [("(2, 3)", TUP(2, 3), "swapped"), ("\\{3, 2\\}", SET(3, 2), "set_vs_tuple"), ("(3, 3)", TUP(3, 3), "near"), ("(4, -3)", TUP(4, -3), "near")])
item("tuple", "For the data 2, 3, 3, 5, 7 give (mean, median, mode).",
     "(4, 3, 3)", TUP(4, 3, 3), [("(4, 3, 3)", TUP(4, 3, 3)), ("(4,3,3)", TUP(4, 3, 3)), ("\\left(4, 3, 3\\right)", TUP(4, 3, 3))],
     ["the sum is 20 over 5 values", "the middle value is 3 and 3 occurs most often"], "{}",
     [("20", None)],
     [("(3, 3, 4)", TUP(3, 3, 4), "swapped"), ("\\{3, 4\\}", SET(3, 4), "set_vs_tuple"), ("(4, 5, 3)", TUP(4, 5, 3), "near"), ("(5, 3, 3)", TUP(5, 3, 3), "near")])

# ---------------- ordered pair ----------------
item("ordered_pair", "Find the vertex of $y = x^2 - 4x + 7$.",
     "(2, 3)", TUP(2, 3), [("(2, 3)", TUP(2, 3)), ("(2,3)", TUP(2, 3)), ("\\left(2, 3\\right)", TUP(2, 3))],
     ["x = -\\frac{-4}{2} = 2"], "y = 4 - 8 + 7 = 3, so the vertex is {}",
     [("4 - 8 + 7", None)],
     [("(3, 2)", TUP(3, 2), "swapped"), ("(-2, 3)", TUP(-2, 3), "sign"), ("\\{2, 3\\}", SET(2, 3), "set_vs_tuple"), ("(2, 7)", TUP(2, 7), "near")])
item("ordered_pair", "Where do $y = 2x - 1$ and $y = -x + 8$ intersect?",
     "(3, 5)", TUP(3, 5), [("(3, 5)", TUP(3, 5)), ("(3,5)", TUP(3, 5)), ("x = 3, y = 5", TUP(3, 5))],
     ["setting 2x - 1 = -x + 8 gives 3x = 9"], "x = 3 and y = 2(3) - 1 = 5, i.e. {}",
     [("3x = 9", None)],
     [("(5, 3)", TUP(5, 3), "swapped"), ("(3, 4)", TUP(3, 4), "near"), ("\\{3, 5\\}", SET(3, 5), "set_vs_tuple"), ("(-3, 11)", TUP(-3, 11), "sign")])
item("ordered_pair", "Find the midpoint of $(-4, 9)$ and $(10, -1)$.",
     "(3, 4)", TUP(3, 4), [("(3, 4)", TUP(3, 4)), ("(3,4)", TUP(3, 4)), ("\\left(3, 4\\right)", TUP(3, 4))],
     ["average the x-coordinates: \\frac{-4 + 10}{2}", "average the y-coordinates: \\frac{9 + (-1)}{2}"], "that is {}",
     [("6", None), ("8", None)],
     [("(4, 3)", TUP(4, 3), "swapped"), ("(-3, 4)", TUP(-3, 4), "sign"), ("(7, 5)", TUP(7, 5), "near"), ("\\{3, 4\\}", SET(3, 4), "set_vs_tuple")])
item("ordered_pair", "Convert the polar point $(2, \\frac{\\pi}{3})$ to rectangular coordinates.",
     "(1, \\sqrt{3})", TUP(1, sqrt(3)), [("(1, \\sqrt{3})", TUP(1, sqrt(3))), ("(1,\\sqrt3)", TUP(1, sqrt(3))), ("\\left(1, \\sqrt{3}\\right)", TUP(1, sqrt(3))), ("(1, sqrt(3))", TUP(1, sqrt(3)))],
     ["x = 2\\cos\\frac{\\pi}{3} and y = 2\\sin\\frac{\\pi}{3}"], "x = 2 \\cdot \\frac12 = 1 and y = 2 \\cdot \\frac{\\sqrt3}{2}, so {}",
     [("\\frac{1}{2}", None)],
     [("(\\sqrt{3}, 1)", TUP(sqrt(3), 1), "swapped"), ("(2, \\sqrt{3})", TUP(2, sqrt(3)), "near"), ("(1, \\sqrt{2})", TUP(1, sqrt(2)), "near"), ("\\{1, \\sqrt{3}\\}", SET(1, sqrt(3)), "set_vs_tuple")])

# ---------------- set ----------------
item("set", "Find all solutions of $x^2 - 5x + 6 = 0$.",
     "2, 3", SET(2, 3), [("2, 3", SET(2, 3)), ("3, 2", SET(2, 3)), ("\\{2, 3\\}", SET(2, 3)), ("x = 2, x = 3", SET(2, 3)), ("\\{3, 2\\}", SET(2, 3))],
     ["the quadratic factors as (x-2)(x-3) = 0"], "each factor can vanish, so the solutions are {}",
     [("(x-2)(x-3)", None)],
     [("2", SET(2), "near"), ("-2, -3", SET(-2, -3), "sign"), ("\\{2, -3\\}", SET(2, -3), "near"), ("\\{1, 6\\}", SET(1, 6), "near")])
item("set", "Let $A = \\{1,2,3,4,6\\}$ and $B = \\{2,4,5,6,8\\}$. Find $A \\cap B$.",
     "\\{2, 4, 6\\}", SET(2, 4, 6), [("\\{2, 4, 6\\}", SET(2, 4, 6)), ("\\{6, 4, 2\\}", SET(2, 4, 6)), ("\\{2,4,6\\}", SET(2, 4, 6)), ("{2, 4, 6}", SET(2, 4, 6))],
     ["we keep only elements present in both lists"], "A \\cap B = {}",
     [("5", None)],
     [("\\{2, 4\\}", SET(2, 4), "near"), ("\\{1, 2, 3, 4, 5, 6, 8\\}", SET(1, 2, 3, 4, 5, 6, 8), "near"), ("\\{2, 4, 6, 8\\}", SET(2, 4, 6, 8), "near"), ("\\{1, 3\\}", SET(1, 3), "near")])
item("set", "Find all integers $x$ with $|x - 1| < 2$.",
     "\\{0, 1, 2\\}", SET(0, 1, 2), [("\\{0, 1, 2\\}", SET(0, 1, 2)), ("0, 1, 2", SET(0, 1, 2)), ("\\{2, 1, 0\\}", SET(0, 1, 2)), ("{0,1,2}", SET(0, 1, 2))],
     ["|x - 1| < 2 means -1 < x < 3"], "the integers strictly inside are {}",
     [("-1 < x < 3", None)],
     [("\\{-1, 0, 1, 2, 3\\}", SET(-1, 0, 1, 2, 3), "near"), ("\\{0, 1, 2, 3\\}", SET(0, 1, 2, 3), "near"), ("\\{1, 2\\}", SET(1, 2), "near"), ("\\{-2, -1, 0\\}", SET(-2, -1, 0), "sign")])
item("set", "Solve $x^3 = 4x$ over the reals.",
     "-2, 0, 2", SET(-2, 0, 2), [("-2, 0, 2", SET(-2, 0, 2)), ("0, 2, -2", SET(-2, 0, 2)), ("\\{-2, 0, 2\\}", SET(-2, 0, 2)), ("x \\in \\{0, -2, 2\\}", SET(-2, 0, 2))],
     ["rewrite as x^3 - 4x = x(x^2 - 4) = 0"], "x(x-2)(x+2) = 0 gives {}",
     [("x^2 - 4", None)],
     [("\\{-2, 2\\}", SET(-2, 2), "near"), ("\\{0, 2\\}", SET(0, 2), "near"), ("\\{0, 4\\}", SET(0, 4), "near"), ("\\{-4, 0, 4\\}", SET(-4, 0, 4), "near")])

# ---------------- interval ----------------
item("interval", "Solve $2x - 3 > 5$ and give the answer in interval notation.",
     "(4, \\infty)", IV(Interval.open(4, oo)), [("(4, \\infty)", IV(Interval.open(4, oo))), ("(4,\\infty)", IV(Interval.open(4, oo))), ("x > 4", IV(Interval.open(4, oo))), ("\\left(4, \\infty\\right)", IV(Interval.open(4, oo)))],
     ["adding 3 gives 2x > 8"], "dividing by 2: x > 4, which is {}",
     [("2x > 8", None)],
     [("[4, \\infty)", IV(Interval(4, oo)), "bracket"), ("(-\\infty, 4)", IV(Interval.open(-oo, 4)), "sign"), ("(1, \\infty)", IV(Interval.open(1, oo)), "near"), ("(8, \\infty)", IV(Interval.open(8, oo)), "near")])
item("interval", "Find the domain of $f(x) = \\sqrt{x + 2}$.",
     "[-2, \\infty)", IV(Interval(-2, oo)), [("[-2, \\infty)", IV(Interval(-2, oo))), ("[-2,\\infty)", IV(Interval(-2, oo))), ("x \\ge -2", IV(Interval(-2, oo))), ("\\left[-2, \\infty\\right)", IV(Interval(-2, oo)))],
     ["the radicand must be non-negative: x + 2 \\ge 0"], "so x \\ge -2, i.e. {}",
     [("x + 2 \\ge 0", None)],
     [("(-2, \\infty)", IV(Interval.open(-2, oo)), "bracket"), ("[2, \\infty)", IV(Interval(2, oo)), "sign"), ("(-\\infty, -2]", IV(Interval(-oo, -2)), "near"), ("[0, \\infty)", IV(Interval(0, oo)), "near")])
item("interval", "Solve $x^2 - 1 \\le 0$.",
     "[-1, 1]", IV(Interval(-1, 1)), [("[-1, 1]", IV(Interval(-1, 1))), ("[-1,1]", IV(Interval(-1, 1))), ("-1 \\le x \\le 1", IV(Interval(-1, 1))), ("\\left[-1, 1\\right]", IV(Interval(-1, 1)))],
     ["x^2 - 1 = (x-1)(x+1) changes sign at -1 and 1", "the product is non-positive between the roots"], "so x lies in {}",
     [("(x-1)(x+1)", None)],
     [("(-1, 1)", IV(Interval.open(-1, 1)), "bracket"), ("[0, 1]", IV(Interval(0, 1)), "near"), ("(-\\infty, -1] \\cup [1, \\infty)", IV(sp.Union(Interval(-oo, -1), Interval(1, oo))), "near"), ("[-1, 1)", IV(Interval.Ropen(-1, 1)), "bracket")])
item("interval", "Find the range of $f(x) = \\frac{1}{x^2 + 1}$.",
     "(0, 1]", IV(Interval.Lopen(0, 1)), [("(0, 1]", IV(Interval.Lopen(0, 1))), ("(0,1]", IV(Interval.Lopen(0, 1))), ("0 < y \\le 1", IV(Interval.Lopen(0, 1))), ("\\left(0, 1\\right]", IV(Interval.Lopen(0, 1)))],
     ["x^2 + 1 takes every value in [1, \\infty)", "taking reciprocals reverses the order"], "the outputs fill {}",
     [("[1, \\infty)", None)],
     [("[0, 1]", IV(Interval(0, 1)), "bracket"), ("(0, 1)", IV(Interval.open(0, 1)), "bracket"), ("(0, \\infty)", IV(Interval.open(0, oo)), "near"), ("[1, \\infty)", IV(Interval(1, oo)), "near")])

# ---------------- inequality ----------------
item("inequality", "Solve $-3x + 7 \\ge 1$.",
     "x \\le 2", IV(Interval(-oo, 2)), [("x \\le 2", IV(Interval(-oo, 2))), ("x \\leq 2", IV(Interval(-oo, 2))), ("(-\\infty, 2]", IV(Interval(-oo, 2))), ("2 \\ge x", IV(Interval(-oo, 2))), ("x <= 2", IV(Interval(-oo, 2)))],
     ["subtracting 7 gives -3x \\ge -6"], "dividing by -3 flips the sign: {}",
     [("-3x \\ge -6", None)],
     [("x \\ge 2", IV(Interval(2, oo)), "sign"), ("x < 2", IV(Interval.open(-oo, 2)), "bracket"), ("x \\le -2", IV(Interval(-oo, -2)), "near"), ("x \\le 6", IV(Interval(-oo, 6)), "near")])
item("inequality", "Solve $|x - 3| < 5$.",
     "-2 < x < 8", IV(Interval.open(-2, 8)), [("-2 < x < 8", IV(Interval.open(-2, 8))), ("(-2, 8)", IV(Interval.open(-2, 8))), ("-2<x<8", IV(Interval.open(-2, 8))), ("x > -2 \\text{ and } x < 8", IV(Interval.open(-2, 8)))],
     ["the inequality means -5 < x - 3 < 5"], "adding 3 throughout gives {}",
     [("-5 < x - 3 < 5", None)],
     [("-2 \\le x \\le 8", IV(Interval(-2, 8)), "bracket"), ("x < 8", IV(Interval.open(-oo, 8)), "near"), ("-8 < x < 2", IV(Interval.open(-8, 2)), "sign"), ("-2 < x \\le 8", IV(Interval.Lopen(-2, 8)), "bracket")])
item("inequality", "Solve $\\frac{x}{4} - 1 > 2$.",
     "x > 12", IV(Interval.open(12, oo)), [("x > 12", IV(Interval.open(12, oo))), ("(12, \\infty)", IV(Interval.open(12, oo))), ("12 < x", IV(Interval.open(12, oo))), ("x>12", IV(Interval.open(12, oo)))],
     ["adding 1 gives \\frac{x}{4} > 3"], "multiplying by 4: {}",
     [("\\frac{x}{4} > 3", None)],
     [("x \\ge 12", IV(Interval(12, oo)), "bracket"), ("x > 4", IV(Interval.open(4, oo)), "near"), ("x < 12", IV(Interval.open(-oo, 12)), "sign"), ("x > 8", IV(Interval.open(8, oo)), "near")])
item("inequality", "Solve $5 - 2x < 11$.",
     "x > -3", IV(Interval.open(-3, oo)), [("x > -3", IV(Interval.open(-3, oo))), ("(-3, \\infty)", IV(Interval.open(-3, oo))), ("-3 < x", IV(Interval.open(-3, oo))), ("x>-3", IV(Interval.open(-3, oo)))],
     ["subtracting 5 gives -2x < 6"], "dividing by -2 reverses the inequality: {}",
     [("-2x < 6", None)],
     [("x < -3", IV(Interval.open(-oo, -3)), "sign"), ("x \\ge -3", IV(Interval(-3, oo)), "bracket"), ("x > 3", IV(Interval.open(3, oo)), "near"), ("x > -8", IV(Interval.open(-8, oo)), "near")])

# ---------------- matrix ----------------
item("matrix", "Let $A = \\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}$ and $B = \\begin{pmatrix} 0 & 1 \\\\ 1 & 0 \\end{pmatrix}$. Compute $AB$.",
     "\\begin{pmatrix} 2 & 1 \\\\ 4 & 3 \\end{pmatrix}", MAT([[2, 1], [4, 3]]),
     [("\\begin{pmatrix} 2 & 1 \\\\ 4 & 3 \\end{pmatrix}", MAT([[2, 1], [4, 3]])), ("\\begin{bmatrix} 2 & 1 \\\\ 4 & 3 \\end{bmatrix}", MAT([[2, 1], [4, 3]])), ("[[2, 1], [4, 3]]", MAT([[2, 1], [4, 3]]))],
     ["the first row of AB is (1\\cdot0 + 2\\cdot1, 1\\cdot1 + 2\\cdot0)", "the second row is (3\\cdot0 + 4\\cdot1, 3\\cdot1 + 4\\cdot0)"], "AB = {}",
     [("1\\cdot0 + 2\\cdot1", None)],
     [("\\begin{pmatrix} 2 & 4 \\\\ 1 & 3 \\end{pmatrix}", MAT([[2, 4], [1, 3]]), "transpose"), ("\\begin{pmatrix} 3 & 4 \\\\ 1 & 2 \\end{pmatrix}", MAT([[3, 4], [1, 2]]), "near"), ("\\begin{pmatrix} 0 & 2 \\\\ 3 & 0 \\end{pmatrix}", MAT([[0, 2], [3, 0]]), "near")])
item("matrix", "Find the inverse of $\\begin{pmatrix} 2 & 1 \\\\ 5 & 3 \\end{pmatrix}$.",
     "\\begin{pmatrix} 3 & -1 \\\\ -5 & 2 \\end{pmatrix}", MAT([[3, -1], [-5, 2]]),
     [("\\begin{pmatrix} 3 & -1 \\\\ -5 & 2 \\end{pmatrix}", MAT([[3, -1], [-5, 2]])), ("\\begin{bmatrix} 3 & -1 \\\\ -5 & 2 \\end{bmatrix}", MAT([[3, -1], [-5, 2]])), ("[[3, -1], [-5, 2]]", MAT([[3, -1], [-5, 2]]))],
     ["the determinant is 2\\cdot3 - 1\\cdot5 = 1", "swap the diagonal entries and negate the off-diagonal ones"], "the inverse is {}",
     [("1", None)],
     [("\\begin{pmatrix} 3 & -5 \\\\ -1 & 2 \\end{pmatrix}", MAT([[3, -5], [-1, 2]]), "transpose"), ("\\begin{pmatrix} -3 & 1 \\\\ 5 & -2 \\end{pmatrix}", MAT([[-3, 1], [5, -2]]), "sign"), ("\\begin{pmatrix} 3 & 1 \\\\ 5 & 2 \\end{pmatrix}", MAT([[3, 1], [5, 2]]), "near")])
item("matrix", "For $A = \\begin{pmatrix} 1 & 0 \\\\ 2 & 3 \\end{pmatrix}$ compute $2A - I$.",
     "\\begin{pmatrix} 1 & 0 \\\\ 4 & 5 \\end{pmatrix}", MAT([[1, 0], [4, 5]]),
     [("\\begin{pmatrix} 1 & 0 \\\\ 4 & 5 \\end{pmatrix}", MAT([[1, 0], [4, 5]])), ("\\begin{bmatrix} 1 & 0 \\\\ 4 & 5 \\end{bmatrix}", MAT([[1, 0], [4, 5]])), ("[[1, 0], [4, 5]]", MAT([[1, 0], [4, 5]]))],
     ["2A = \\begin{pmatrix} 2 & 0 \\\\ 4 & 6 \\end{pmatrix}"], "subtracting the identity gives {}",
     [("\\begin{pmatrix} 2 & 0 \\\\ 4 & 6 \\end{pmatrix}", MAT([[2, 0], [4, 6]]))],
     [("\\begin{pmatrix} 1 & 4 \\\\ 0 & 5 \\end{pmatrix}", MAT([[1, 4], [0, 5]]), "transpose"), ("\\begin{pmatrix} 1 & -1 \\\\ 3 & 5 \\end{pmatrix}", MAT([[1, -1], [3, 5]]), "near"), ("\\begin{pmatrix} 1 & 0 \\\\ 4 & 6 \\end{pmatrix}", MAT([[1, 0], [4, 6]]), "near")])
item("matrix", "Find the transpose of $\\begin{pmatrix} 1 & 2 & 3 \\\\ 4 & 5 & 6 \\end{pmatrix}$.",
     "\\begin{pmatrix} 1 & 4 \\\\ 2 & 5 \\\\ 3 & 6 \\end{pmatrix}", MAT([[1, 4], [2, 5], [3, 6]]),
     [("\\begin{pmatrix} 1 & 4 \\\\ 2 & 5 \\\\ 3 & 6 \\end{pmatrix}", MAT([[1, 4], [2, 5], [3, 6]])), ("\\begin{bmatrix} 1 & 4 \\\\ 2 & 5 \\\\ 3 & 6 \\end{bmatrix}", MAT([[1, 4], [2, 5], [3, 6]])), ("[[1, 4], [2, 5], [3, 6]]", MAT([[1, 4], [2, 5], [3, 6]]))],
     ["the rows of the original become the columns"], "the transpose is {}",
     [("2 \\times 3", None)],
     [("\\begin{pmatrix} 1 & 2 & 3 \\\\ 4 & 5 & 6 \\end{pmatrix}", MAT([[1, 2, 3], [4, 5, 6]]), "transpose"), ("\\begin{pmatrix} 1 & 4 \\\\ 2 & 5 \\\\ 3 & 7 \\end{pmatrix}", MAT([[1, 4], [2, 5], [3, 7]]), "near"), ("\\begin{pmatrix} 4 & 1 \\\\ 5 & 2 \\\\ 6 & 3 \\end{pmatrix}", MAT([[4, 1], [5, 2], [6, 3]]), "near")])

# ---------------- vector ----------------
item("vector", "Let $\\mathbf{u} = (1, 2, -1)$ and $\\mathbf{v} = (3, 0, 2)$. Compute $\\mathbf{u} + 2\\mathbf{v}$.",
     "\\begin{pmatrix} 7 \\\\ 2 \\\\ 3 \\end{pmatrix}", TUP(7, 2, 3),
     [("\\begin{pmatrix} 7 \\\\ 2 \\\\ 3 \\end{pmatrix}", TUP(7, 2, 3)), ("(7, 2, 3)", TUP(7, 2, 3)), ("\\langle 7, 2, 3 \\rangle", TUP(7, 2, 3)), ("7\\mathbf{i} + 2\\mathbf{j} + 3\\mathbf{k}", TUP(7, 2, 3))],
     ["2\\mathbf{v} = (6, 0, 4)"], "adding componentwise: (1+6, 2+0, -1+4) = {}",
     [("(6, 0, 4)", TUP(6, 0, 4))],
     [("(3, 2, 7)", TUP(3, 2, 7), "swapped"), ("(4, 2, 1)", TUP(4, 2, 1), "near"), ("\\{7, 2, 3\\}", SET(7, 2, 3), "set_vs_tuple"), ("(7, 2, 5)", TUP(7, 2, 5), "near")])
item("vector", "Compute $(1, 2, 3) \\times (4, 5, 6)$.",
     "(-3, 6, -3)", TUP(-3, 6, -3),
     [("(-3, 6, -3)", TUP(-3, 6, -3)), ("\\begin{pmatrix} -3 \\\\ 6 \\\\ -3 \\end{pmatrix}", TUP(-3, 6, -3)), ("\\langle -3, 6, -3 \\rangle", TUP(-3, 6, -3)), ("-3\\mathbf{i} + 6\\mathbf{j} - 3\\mathbf{k}", TUP(-3, 6, -3))],
     ["the i-component is 2\\cdot6 - 3\\cdot5", "the j-component is 3\\cdot4 - 1\\cdot6", "the k-component is 1\\cdot5 - 2\\cdot4"], "the cross product is {}",
     [("12 - 15", None)],
     [("(3, -6, 3)", TUP(3, -6, 3), "sign"), ("(-3, -6, -3)", TUP(-3, -6, -3), "sign"), ("(-3, -3, 6)", TUP(-3, -3, 6), "swapped"), ("(4, 10, 18)", TUP(4, 10, 18), "near")])
item("vector", "Find the projection of $(3, 4)$ onto $(1, 0)$.",
     "(3, 0)", TUP(3, 0), [("(3, 0)", TUP(3, 0)), ("\\begin{pmatrix} 3 \\\\ 0 \\end{pmatrix}", TUP(3, 0)), ("\\langle 3, 0\\rangle", TUP(3, 0)), ("3\\mathbf{i}", TUP(3, 0))],
     ["the dot product is 3\\cdot1 + 4\\cdot0 = 3", "the direction vector has squared length 1"], "so the projection is 3(1, 0) = {}",
     [("3", None)],
     [("(0, 3)", TUP(0, 3), "swapped"), ("(4, 0)", TUP(4, 0), "near"), ("(0, 4)", TUP(0, 4), "near"), ("\\{3, 0\\}", SET(3, 0), "set_vs_tuple")])
item("vector", "Find the vector from $A(2, -1)$ to $B(5, 3)$.",
     "\\langle 3, 4 \\rangle", TUP(3, 4), [("\\langle 3, 4 \\rangle", TUP(3, 4)), ("(3, 4)", TUP(3, 4)), ("\\begin{pmatrix} 3 \\\\ 4 \\end{pmatrix}", TUP(3, 4)), ("<3, 4>", TUP(3, 4))],
     ["subtract the tail from the head: B - A"], "(5 - 2, 3 - (-1)) = {}",
     [("5 - 2", None)],
     [("\\langle 4, 3 \\rangle", TUP(4, 3), "swapped"), ("\\langle -3, -4 \\rangle", TUP(-3, -4), "sign"), ("\\langle 7, 2 \\rangle", TUP(7, 2), "near"), ("\\langle 3, 2 \\rangle", TUP(3, 2), "near")])

# ---------------- complex ----------------
item("complex", "Compute $(2 + 3i)(1 - i)$.",
     "5 + i", N(5 + I), [("5 + i", N(5 + I)), ("5+i", N(5 + I)), ("i + 5", N(5 + I)), ("5 + 1i", N(5 + I))],
     ["expanding gives 2 - 2i + 3i - 3i^2", "since i^2 = -1, the last term is +3"], "2 + 3 + i = {}",
     [("2 - 2i + 3i - 3i^2", None)],
     [("5 - i", N(5 - I), "conjugate"), ("-1 + i", N(-1 + I), "near"), ("5 + 5i", N(5 + 5 * I), "near"), ("-5 - i", N(-5 - I), "sign")])
item("complex", "Simplify $\\frac{1 + i}{1 - i}$.",
     "i", N(I), [("i", N(I)), ("0 + i", N(I)), ("0 + 1i", N(I)), ("$i$", N(I))],
     ["multiply top and bottom by 1 + i", "the numerator becomes (1 + i)^2 = 2i and the denominator 2"], "\\frac{2i}{2} = {}",
     [("2i", N(2 * I))],
     [("-i", N(-I), "conjugate"), ("1", N(1), "near"), ("2i", N(2 * I), "near"), ("1 + i", N(1 + I), "near")])
item("complex", "Find the root of $z^2 + 4z + 13 = 0$ with positive imaginary part.",
     "-2 + 3i", N(-2 + 3 * I), [("-2 + 3i", N(-2 + 3 * I)), ("-2+3i", N(-2 + 3 * I)), ("3i - 2", N(-2 + 3 * I))],
     ["the discriminant is 16 - 52 = -36", "its square root is 6i"], "z = \\frac{-4 + 6i}{2} = {}",
     [("-36", N(-36))],
     [("-2 - 3i", N(-2 - 3 * I), "conjugate"), ("2 + 3i", N(2 + 3 * I), "sign"), ("-4 + 3i", N(-4 + 3 * I), "near"), ("-2 + 6i", N(-2 + 6 * I), "near")])
item("complex", "Compute $(1 + i)^4$.",
     "-4", N(-4), [("-4", N(-4)), ("-4 + 0i", N(-4)), ("-4+0i", N(-4))],
     ["first (1 + i)^2 = 1 + 2i + i^2 = 2i"], "(2i)^2 = 4i^2 = {}",
     [("2i", N(2 * I))],
     [("4", N(4), "sign"), ("-4i", N(-4 * I), "near"), ("4i", N(4 * I), "near"), ("-2", N(-2), "near")])

# ---------------- plus/minus ----------------
item("plus_minus", "Solve $x^2 = 49$.",
     "\\pm 7", SET(7, -7), [("\\pm 7", SET(7, -7)), ("x = \\pm 7", SET(7, -7)), ("7, -7", SET(7, -7)), ("\\{-7, 7\\}", SET(7, -7)), ("-7, 7", SET(7, -7))],
     ["taking square roots of both sides, keeping both signs"], "x = \\pm\\sqrt{49}, so {}",
     [("\\sqrt{49}", None)],
     [("7", SET(7), "one_sign"), ("\\pm 49", SET(49, -49), "near"), ("\\pm \\sqrt{7}", SET(sqrt(7), -sqrt(7)), "near"), ("-7", SET(-7), "one_sign")])
item("plus_minus", "Solve $4x^2 - 9 = 0$.",
     "\\pm \\frac{3}{2}", SET(R(3, 2), R(-3, 2)), [("\\pm \\frac{3}{2}", SET(R(3, 2), R(-3, 2))), ("\\pm 1.5", SET(R(3, 2), R(-3, 2))), ("\\frac{3}{2}, -\\frac{3}{2}", SET(R(3, 2), R(-3, 2))), ("x = \\pm\\tfrac{3}{2}", SET(R(3, 2), R(-3, 2)))],
     ["this gives x^2 = \\frac{9}{4}"], "x = \\pm\\sqrt{\\frac94}, i.e. {}",
     [("\\frac{9}{4}", None)],
     [("\\frac{3}{2}", SET(R(3, 2)), "one_sign"), ("\\pm \\frac{9}{4}", SET(R(9, 4), R(-9, 4)), "near"), ("\\pm \\frac{2}{3}", SET(R(2, 3), R(-2, 3)), "near"), ("\\pm 3", SET(3, -3), "near")])
item("plus_minus", "Find all $x$ with $x^2 + 2 = 20$.",
     "\\pm 3\\sqrt{2}", SET(3 * sqrt(2), -3 * sqrt(2)), [("\\pm 3\\sqrt{2}", SET(3 * sqrt(2), -3 * sqrt(2))), ("\\pm\\sqrt{18}", SET(3 * sqrt(2), -3 * sqrt(2))), ("3\\sqrt2, -3\\sqrt2", SET(3 * sqrt(2), -3 * sqrt(2))), ("x = \\pm 3\\sqrt{2}", SET(3 * sqrt(2), -3 * sqrt(2)))],
     ["subtracting 2 gives x^2 = 18"], "x = \\pm\\sqrt{18} = {}",
     [("18", None)],
     [("-3\\sqrt{2}", SET(-3 * sqrt(2)), "one_sign"), ("\\pm 3\\sqrt{3}", SET(3 * sqrt(3), -3 * sqrt(3)), "near"), ("\\pm 9", SET(9, -9), "near"), ("\\pm 2\\sqrt{3}", SET(2 * sqrt(3), -2 * sqrt(3)), "near")])

# ---------------- multiple choice ----------------
item("multiple_choice", "Which number is prime? (A) 21 (B) 27 (C) 29 (D) 33",
     "C", MC("C"), [("C", MC("C")), ("(C)", MC("C")), ("\\text{(C)}", MC("C")), ("(C) 29", MC("C"))],
     ["21 = 3 \\cdot 7, 27 = 3^3 and 33 = 3 \\cdot 11 are all composite"], "only 29 survives, which is option {}",
     [("21", None)],
     [("29", N(29), "value_only"), ("B", MC("B"), "near"), ("D", MC("D"), "near"), ("A", MC("A"), "near")])
item("multiple_choice", "What is $2^5$? (A) 32 (B) 25 (C) 10 (D) 64",
     "A", MC("A"), [("A", MC("A")), ("(A)", MC("A")), ("\\textbf{(A)}", MC("A")), ("(A) 32", MC("A"))],
     ["2^5 = 2 \\cdot 2 \\cdot 2 \\cdot 2 \\cdot 2"], "that is 32, choice {}",
     [("16", None)],
     [("32", N(32), "value_only"), ("D", MC("D"), "near"), ("B", MC("B"), "near"), ("C", MC("C"), "near")])
item("multiple_choice", "The area of a circle of radius 2 is (A) $2\\pi$ (B) $4\\pi$ (C) $8\\pi$ (D) $16\\pi$ (E) $\\pi$",
     "B", MC("B"), [("B", MC("B")), ("(B)", MC("B")), ("\\text{(B)}", MC("B")), ("(B) 4\\pi", MC("B"))],
     ["area is \\pi r^2 with r = 2"], "\\pi \\cdot 4 = 4\\pi, which is option {}",
     [("r^2 = 4", None)],
     [("4\\pi", N(4 * pi), "value_only"), ("D", MC("D"), "near"), ("C", MC("C"), "near"), ("A", MC("A"), "near")])
item("multiple_choice", "If $3x + 5 = 20$, then $x$ = (A) 3 (B) 4 (C) 15 (D) 25 (E) 5",
     "E", MC("E"), [("E", MC("E")), ("(E)", MC("E")), ("\\textbf{(E)}", MC("E")), ("(E) 5", MC("E"))],
     ["subtracting 5 gives 3x = 15"], "x = 5, answer choice {}",
     [("15", None)],
     [("5", N(5), "value_only"), ("C", MC("C"), "near"), ("D", MC("D"), "near"), ("x = 5", N(5), "value_only")])

# ---------------- text ----------------
item("text", "What is the capital of Australia?",
     "Canberra", TXT("canberra"), [("Canberra", TXT("canberra")), ("canberra", TXT("canberra")), ("\\text{Canberra}", TXT("canberra")), ("CANBERRA", TXT("canberra"))],
     ["Sydney and Melbourne are the largest cities, but neither is the seat of government"], "the capital is {}",
     [("Sydney", None)],
     [("Sydney", TXT("sydney"), "near"), ("Melbourne", TXT("melbourne"), "near"), ("Canberra City", TXT("canberra city"), "near")])
item("text", "Is 91 prime or composite?",
     "composite", TXT("composite"), [("composite", TXT("composite")), ("Composite", TXT("composite")), ("\\text{composite}", TXT("composite")), ("COMPOSITE", TXT("composite"))],
     ["91 = 7 \\times 13"], "so 91 is {}",
     [("7", None)],
     [("prime", TXT("prime"), "near"), ("neither", TXT("neither"), "near")])
item("text", "What is the name of a quadrilateral with exactly one pair of parallel sides (US usage)?",
     "trapezoid", TXT("trapezoid"), [("trapezoid", TXT("trapezoid")), ("a trapezoid", TXT("trapezoid")), ("Trapezoid", TXT("trapezoid")), ("\\text{a trapezoid}", TXT("trapezoid"))],
     ["a parallelogram has two pairs of parallel sides, so it is ruled out"], "the shape is {}",
     [("two pairs", None)],
     [("parallelogram", TXT("parallelogram"), "near"), ("rhombus", TXT("rhombus"), "near"), ("kite", TXT("kite"), "near")])
item("text", "Is $f(x) = x^3$ even, odd, or neither?",
     "odd", TXT("odd"), [("odd", TXT("odd")), ("Odd", TXT("odd")), ("\\text{odd}", TXT("odd")), ("ODD", TXT("odd"))],
     ["f(-x) = (-x)^3 = -x^3 = -f(x)"], "so the function is {}",
     [("-x^3", None)],
     [("even", TXT("even"), "near"), ("neither", TXT("neither"), "near")])

# ---------------- number words ----------------
item("number_words", "How many edges does a pentagonal prism have?",
     "15", N(15), [("15", N(15)), ("fifteen", N(15)), ("Fifteen", N(15)), ("15 edges", N(15))],
     ["each pentagonal face has 5 edges, and there are 2 of them", "5 vertical edges join the faces"], "5 + 5 + 5 = {}",
     [("10", N(10))],
     [("fourteen", N(14), "near"), ("ten", N(10), "near"), ("seventeen", N(17), "near"), ("sixteen", N(16), "near")])
item("number_words", "A hall has 20 rows of 60 seats. How many seats are there?",
     "1200", N(1200), [("1200", N(1200)), ("one thousand two hundred", N(1200)), ("twelve hundred", N(1200)), ("1,200", N(1200))],
     ["each row holds 60 seats and there are 20 rows"], "20 \\times 60 = {}",
     [("60", N(60))],
     [("one thousand twenty", N(1020), "near"), ("1,020", N(1020), "near"), ("eighty", N(80), "near"), ("one hundred twenty", N(120), "near")])
item("number_words", "How many distinct prime factors does 510510 have? Answer in words.",
     "seven", N(7), [("seven", N(7)), ("7", N(7)), ("Seven", N(7)), ("\\text{seven}", N(7))],
     ["510510 = 2 \\cdot 3 \\cdot 5 \\cdot 7 \\cdot 11 \\cdot 13 \\cdot 17"], "counting the primes gives {}",
     [("17", N(17))],
     [("six", N(6), "near"), ("seventeen", N(17), "near"), ("eight", N(8), "near"), ("6", N(6), "near")])
item("number_words", "A town of 2,400,000 people gains 100,000 residents. What is the new population?",
     "2500000", N(2500000), [("2500000", N(2500000)), ("2.5 million", N(2500000)), ("two and a half million", N(2500000)), ("2,500,000", N(2500000)), ("two million five hundred thousand", N(2500000))],
     ["2,400,000 + 100,000"], "the total is {}",
     [("100,000", N(100000))],
     [("2.4 million", N(2400000), "near"), ("25 million", N(25000000), "near"), ("two hundred fifty thousand", N(250000), "near"), ("3.4 million", N(3400000), "near")])

# ---------------- radical ----------------
item("radical", "Simplify $\\sqrt{72}$.",
     "6\\sqrt{2}", N(6 * sqrt(2)), [("6\\sqrt{2}", N(6 * sqrt(2))), ("6\\sqrt2", N(6 * sqrt(2))), ("6 \\sqrt{2}", N(6 * sqrt(2))), ("6\\sqrt{2} \\approx 8.49", N(6 * sqrt(2)))],
     ["72 = 36 \\cdot 2 and 36 is a perfect square"], "\\sqrt{36}\\sqrt{2} = {}",
     [("36", N(36))],
     [("8.49", N("8.49"), "rounded"), ("6\\sqrt{3}", N(6 * sqrt(3)), "near"), ("2\\sqrt{6}", N(2 * sqrt(6)), "near"), ("36\\sqrt{2}", N(36 * sqrt(2)), "near")])
item("radical", "A right triangle has legs 2 and 4. How long is the hypotenuse?",
     "2\\sqrt{5}", N(2 * sqrt(5)), [("2\\sqrt{5}", N(2 * sqrt(5))), ("\\sqrt{20}", N(2 * sqrt(5))), ("2\\sqrt5", N(2 * sqrt(5))), ("2 sqrt(5)", N(2 * sqrt(5)))],
     ["the squares of the legs are 4 and 16", "their sum is 20"], "c = \\sqrt{20} = {}",
     [("20", N(20))],
     [("4.47", N("4.47"), "rounded"), ("6", N(6), "near"), ("2\\sqrt{3}", N(2 * sqrt(3)), "near"), ("4\\sqrt{5}", N(4 * sqrt(5)), "near")])
item("radical", "Rationalize $\\frac{6}{\\sqrt{3}}$.",
     "2\\sqrt{3}", N(2 * sqrt(3)), [("2\\sqrt{3}", N(2 * sqrt(3))), ("2\\sqrt3", N(2 * sqrt(3))), ("2 \\sqrt{3}", N(2 * sqrt(3))), ("2\\sqrt{3} \\approx 3.46", N(2 * sqrt(3)))],
     ["multiply numerator and denominator by \\sqrt{3} to get \\frac{6\\sqrt{3}}{3}"], "\\frac{6\\sqrt3}{3} = {}",
     [("\\sqrt{3}", N(sqrt(3)))],
     [("3.46", N("3.46"), "rounded"), ("3\\sqrt{2}", N(3 * sqrt(2)), "near"), ("6\\sqrt{3}", N(6 * sqrt(3)), "near"), ("-2\\sqrt{3}", N(-2 * sqrt(3)), "sign")])
item("radical", "Find the distance between $(1, 2)$ and $(3, 5)$.",
     "\\sqrt{13}", N(sqrt(13)), [("\\sqrt{13}", N(sqrt(13))), ("\\sqrt13", N(sqrt(13))), ("sqrt(13)", N(sqrt(13))), ("\\sqrt{13} \\approx 3.61", N(sqrt(13)))],
     ["the horizontal gap is 2 and the vertical gap is 3", "2^2 + 3^2 = 13"], "d = {}",
     [("13", N(13))],
     [("3.61", N("3.61"), "rounded"), ("13", N(13), "near"), ("\\sqrt{5}", N(sqrt(5)), "near"), ("5", N(5), "near")])

# ======================================================================
# Generator logic
# ======================================================================
import json, random, re, hashlib
from collections import Counter

SEED = 20261203
SPLIT = "heldout5-2026-12-03"
OUT = "/work/evaldata/math_heldout5_2026-12-03.jsonl"
RANDOM_ROWS_PER_ITEM = 21


# ---------------- semantic equality (label check) ----------------
def _eqnum(a, b):
    d = sp.simplify(sp.expand(a - b))
    if d == 0:
        return True
    try:
        return abs(complex(sp.N(d, 50))) < 1e-40
    except Exception:
        return False


def same(a, b):
    ta, va = a
    tb, vb = b
    if ta != tb:
        return False
    if ta in ("num", "expr"):
        return _eqnum(va, vb)
    if ta == "time":
        return va % 1440 == vb % 1440
    if ta == "eq":
        r = sp.simplify(va / vb)
        return r.free_symbols == set() and r != 0 and r.is_finite is not False
    if ta == "sys":
        return set(va) == set(vb) and all(_eqnum(va[k], vb[k]) for k in va)
    if ta == "tup":
        return len(va) == len(vb) and all(_eqnum(p, q) for p, q in zip(va, vb))
    if ta == "set":
        return all(any(_eqnum(p, q) for q in vb) for p in va) and all(any(_eqnum(p, q) for p in va) for q in vb)
    if ta == "ival":
        return sp.simplify(va.symmetric_difference(vb)) == sp.S.EmptySet
    if ta == "mat":
        return va.shape == vb.shape and all(_eqnum(p, q) for p, q in zip(va, vb))
    if ta in ("mc", "text"):
        return va == vb
    raise ValueError(ta)


# ---------------- second, independent route: parse numeric surface strings ----------------
# A small hand-written reader for numeric surfaces (no use of the declared values). Every
# surface it can read must evaluate (sympy) to the declared value; unreadable ones are skipped.
WORDS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
         "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
         "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
         "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}


def words_to_num(t):
    t = t.lower().replace("-", " ").replace(" and a half", " half").strip()
    toks = t.split()
    if not toks or not all(w in WORDS or w in ("hundred", "thousand", "million", "half") for w in toks):
        return None
    total, cur = sp.Integer(0), sp.Integer(0)
    for w in toks:
        if w in WORDS:
            cur += WORDS[w]
        elif w == "hundred":
            cur *= 100
        elif w == "half":
            cur += R(1, 2)
        else:
            mult = 1000 if w == "thousand" else 10**6
            total += cur * mult
            cur = sp.Integer(0)
    return total + cur


def read_number(s):
    t = s.strip().replace("$", "").replace("\\$", "").replace("\\%", "").replace("%", "")
    t = re.sub(r"\\approx.*$", "", t).strip()
    t = re.sub(r"\\(text|mathrm)\{[^{}]*\}(\^3)?", "", t)
    t = re.sub(r"\b(percent|dollars|rolls|marbles|divisors|edges|cups|feet|meters|grams|kilometers per hour|cubic centimeters|m|g|km/h|cm)\b\.?$", "", t).strip()
    t = t.replace(",", "")
    w = words_to_num(t)
    if w is not None:
        return w
    mm = re.fullmatch(r"(-?[\d.]+) (million|billion)", t)
    if mm:
        return sp.Rational(mm.group(1)) * (10**6 if mm.group(2) == "million" else 10**9)
    mm = re.fullmatch(r"(-?[\d.]+)\s*(?:\\times|\\cdot)\s*10\^\{?(-?\d+)\}?", t)
    if mm:
        return sp.Rational(mm.group(1)) * sp.Integer(10) ** int(mm.group(2))
    mm = re.fullmatch(r"(-?[\d.]+)e(-?\d+)", t)
    if mm:
        return sp.Rational(mm.group(1)) * sp.Integer(10) ** int(mm.group(2))
    mm = re.fullmatch(r"(-?)(\d+)\s*\\[dt]?frac\{(\d+)\}\{(\d+)\}", t) or re.fullmatch(r"(-?)(\d+) (\d+)/(\d+)", t)
    if mm:
        v = int(mm.group(2)) + R(int(mm.group(3)), int(mm.group(4)))
        return -v if mm.group(1) else v
    mm = re.fullmatch(r"(-?)\\[dt]?frac\{(\d+)\}\{(\d+)\}", t) or re.fullmatch(r"(-?)(\d+)/(\d+)", t)
    if mm:
        v = R(int(mm.group(2)), int(mm.group(3)))
        return -v if mm.group(1) else v
    mm = re.fullmatch(r"(-?\d*)\s*\\sqrt\{?(\d+)\}?", t) or re.fullmatch(r"(-?\d*)\s*sqrt\((\d+)\)", t)
    if mm:
        c = mm.group(1)
        c = sp.Integer(1) if c in ("", "-") and not c == "-" else (sp.Integer(-1) if c == "-" else sp.Integer(c))
        return c * sp.sqrt(int(mm.group(2)))
    mm = re.fullmatch(r"(-?\d+)\s*\\pi", t)
    if mm:
        return int(mm.group(1)) * sp.pi
    mm = re.fullmatch(r"-?\d+(\.\d+)?", t)
    if mm:
        return sp.Rational(t)
    return None


def verify_surfaces():
    read = total = 0
    for it in ITEMS:
        if it["kind"] in ("complex", "multiple_choice", "time"):
            continue
        surf = [(it["gold"], it["val"])] + list(it["eq"]) + [(w[0], w[1]) for w in it["wrong"]]
        for s_, v in surf:
            if v[0] != "num":
                continue
            total += 1
            r = read_number(s_)
            if r is None:
                continue
            read += 1
            assert _eqnum(r, v[1]), (it["gold"], s_, r, v[1])
    return read, total


# ---------------- LaTeX -> plain rendering ----------------
def _pmatrix_plain(m):
    body = m.group(2)
    rows = [r.strip() for r in body.split("\\\\")]
    return "[" + ", ".join("[" + ", ".join(c.strip() for c in r.split("&")) + "]" for r in rows) + "]"


def delatex(s):
    s = re.sub(r"\\begin\{([pb]matrix)\}(.*?)\\end\{\1\}", _pmatrix_plain, s)
    s = s.replace("\\pi", "π")
    s = re.sub(r"\\(sin|cos)\\frac\{([^{}]+)\}\{([^{}]+)\}", r"\1(\2/\3)", s)
    s = re.sub(r"(\d)\\[dt]?frac", r"\1 \\frac", s)

    def fr(m):
        a, b = m.group(1), m.group(2)
        wrap = lambda t: t if re.fullmatch(r"-?[\wπ.]+", t) else "(" + t + ")"
        return wrap(a) + "/" + wrap(b)
    for _ in range(2):
        s = re.sub(r"\\[dt]?frac\{([^{}]+)\}\{([^{}]+)\}", fr, s)
    s = re.sub(r"\\[dt]?frac(\d)(\d)", r"\1/\2", s)
    s = re.sub(r"\\sqrt\{(\d+)\}", "√\\1", s)
    s = re.sub(r"\\sqrt(\d)", "√\\1", s)
    s = re.sub(r"\\sqrt\{([^{}]+)\}", "√(\\1)", s)
    s = re.sub(r"\\(?:text|mathrm|textbf|mathbf)\{([^{}]*)\}", r"\1", s)
    rep = [("\\left", ""), ("\\right", ""), ("\\times", "×"), ("\\cdot", "·"), ("\\leq", "≤"), ("\\geq", "≥"),
           ("\\le", "≤"), ("\\ge", "≥"), ("\\neq", "≠"), ("\\pm", "±"), ("\\infty", "∞"), ("\\pi", "π"),
           ("\\{", "{"), ("\\}", "}"), ("\\%", "%"), ("\\$", "$"), ("\\,", " "), ("\\;", " "), ("\\ ", " "),
           ("\\cap", "∩"), ("\\cup", "∪"), ("\\langle", "⟨"), ("\\rangle", "⟩"), ("\\sin", "sin"),
           ("\\cos", "cos"), ("\\approx", "≈"), ("\\div", "÷"), ("\\in", "∈")]
    for a, b in rep:
        s = s.replace(a, b)
    s = re.sub(r"\^\{(-?\w+)\}", r"^\1", s)
    s = re.sub(r"\^\{([^{}]+)\}", r"^(\1)", s)
    s = s.replace("$", "$") 
    s = re.sub(r"  +", " ", s)
    return s


def has_latex(s):
    return "\\" in s


# ---------------- phrase pools ----------------
OPEN = ["Let's work through it.", "Here's how I'd approach this.", "We can solve this step by step.",
        "Okay, let me set this up.", "Let me think about what is being asked.", "I'll go through the computation.",
        "This is a fairly direct calculation.", "We need to be a little careful here.", "Start with the given information.",
        "Let's break the problem into pieces.", "Sure, here is a worked solution.", "Good question, let's compute."]
FIRST = ["First, ", "To begin, ", "Note that ", "We start by observing that ", "Observe that ", "Initially, ",
         "Right away, ", "The first thing to see is that ", "Begin with the fact that ", ""]
NEXT = ["Next, ", "Then ", "After that, ", "From there, ", "Now ", "It follows that ", "Consequently, ",
        "Building on that, ", "With that in hand, ", "Moving on, ", "In turn, ", "Following this, ", "So "]
LASTCON = ["Finally, ", "Putting it together, ", "Which leaves ", "This means ", "That brings us to ",
           "Combining everything, ", "At the end, ", "Wrapping up the arithmetic, ", "All that remains: "]
CONCLUDE = ["So the result comes to {F}.", "That leaves us with {F}.", "Altogether we end up with {F}.",
            "In the end the value works out to {F}.", "This gives {F}.", "Everything points to {F}.",
            "The quantity we were after is therefore {F}.", "We arrive at {F}.", "It comes out as {F}.",
            "Hence we obtain {F}.", "That settles it: {F}."]
CORR = ["Wait, that's wrong. I slipped in the last step. Actually, it should be {B}.",
        "Hold on, I made an arithmetic error there. Redoing it carefully, the correct value is {B}.",
        "Correction: the value above is a mistake; it is {B}.",
        "Hmm, no. Let me re-check that last line... I mis-copied a number. Actually it's {B}.",
        "Oops, scratch that. Going back over the computation properly gives {B}.",
        "Wait, I need to fix this: the previous result is incorrect, and the right one is {B}.",
        "On second look that can't be right. Fixing the slip, the answer becomes {B}.",
        "Actually, no, I messed up a step. The corrected result is {B}."]
HEDGE_TAIL = [" ...or possibly {B}; I can't decide which.", " Though it could also be {B}, I'm honestly not sure.",
              " That said, {B} seems just as plausible to me.", " (Or maybe {B}? I can't tell which method is right.)",
              " But depending on how you read the question, it might be {B} instead."]
HEDGE_FULL = ["The answer is either {A} or {B}.", "I'm torn between {A} and {B}; both approaches seem valid.",
              "It is {A}, or possibly {B}.", "My best guess is {A}, but {B} is also possible and I can't decide.",
              "I get {A} one way and {B} the other way, and I'm not sure which method is correct.",
              "Either {A} or {B} could be the intended answer here."]
TWO = ["Method 1 gives {A}. Method 2 gives {B}. So the two answers are {A} and {B}.",
       "Final answers: {A} (first approach) and {B} (second approach).",
       "I end up with two results: {A} and {B}. I'll leave both.",
       "Answer 1: {A}\nAnswer 2: {B}",
       "Depending on the method, the result is {A} or {B}; I'll report both: {A}, {B}."]
HYPO = ["(If I had forgotten the last step, I would have gotten {Y} instead.)",
        "Note: had one of the given numbers been slightly different, the result could have been {Y}.",
        "If we had mixed up a sign somewhere, we would have ended with {Y}, which is a common trap.",
        "A common mistake here leads to {Y}; that's not what we have.",
        "For comparison, a careless reading of the problem would give {Y}.",
        "Had the question asked for a slightly different quantity, the answer might be {Y}."]
CHECK = ["Check: {S}. ✓", "Quick sanity check: {S}, consistent with the above.", "Verification: {S}, so everything lines up.",
         "Double-checking: {S}. Good.", "As a check, {S}; that agrees.", "Let me verify: {S}. Yes."]
REDERIVE = ["Let me re-derive this another way... this time I get {Y}, which disagrees with the above, and I can't see which is right.",
            "Re-doing the computation from scratch gives {Y} though, so now I have two different results and I'm unsure.",
            "Hmm, a second pass through the problem produces {Y} instead. I'm not confident in either value.",
            "Cross-checking with a different method yields {Y}, which doesn't match. One of them has an error, but I can't find it."]
RESTATE = ["(Given in the problem: {Q})", "Recall the question: {Q}", "For reference, the problem was: {Q}",
           "To restate what we were given: {Q}"]
SIGNOFF = ["Hope this helps!", "Let me know if you'd like more detail.", "Happy to explain any step further.",
           "Good luck with the rest of your practice!", "Feel free to ask a follow-up.", "Cheers!"]
GOLDWORK = ["My first instinct was {G}, but let me actually work it out.", "At a glance one might say {G}; let's be careful instead.",
            "An earlier draft of my work had {G} here, but I'll redo the steps.", "It is tempting to write {G} immediately, but let's compute."]
DISMISS = ["A common slip gives {Y}, but that misreads the problem.", "One might be tempted to say {Y}, but that skips a step.",
           "Note that {Y} would be wrong here; it comes from a careless shortcut.", "(Not {Y}: that value ignores part of the setup.)"]
SEEMS = ["So it looks like {Y}.", "That seems to give {Y}.", "This suggests {Y}.", "Tentatively, {Y}.", "So far this points to {Y}."]
LABELS = ["Answer: {G}", "Final answer: {G}", "**Final answer:** {G}", "Answer: {G}.", "Final Answer: {G}"]
THINKY = ["Okay, so ", "Hmm, ", "Alright, ", "Let me see, ", "Right, ", "So ", "Wait, let me redo that: ", ""]


def low(s):
    return s[0].lower() + s[1:] if len(s) > 1 and s[0].isupper() and s[1].islower() else s


def cap(s):
    if len(s) > 1 and s[0].isalpha() and s[1].isalpha():
        return s[0].upper() + s[1:]
    return s


def prose_steps(rng, W):
    out = []
    for i, w in enumerate(W):
        if i == 0:
            pre = rng.choice(FIRST)
        elif i == len(W) - 1 and len(W) > 1:
            pre = rng.choice(NEXT + LASTCON[:3])
        else:
            pre = rng.choice(NEXT)
        out.append(cap(pre + w) + ".")
    return out


# ---------------- phrasings ----------------
# Each phrasing: fin(rng, F) renders a final statement; lay(rng, ctx) assembles the reply.
def m(ctx, F):
    if not ctx["latex"] or ctx["kind"] in ("text", "time", "multiple_choice", "number_words"):
        return F
    if re.search(r"(?<![\\a-zA-Z])[a-zA-Z]{2,}", F):
        return F
    return "$" + F + "$"


PHR = {}


def phr(name, latex, free, weight):
    def deco(fn):
        PHR[name] = dict(name=name, latex=latex, free=free, weight=weight, fn=fn)
        return fn
    return deco


def std_body(rng, ctx):
    return " ".join(prose_steps(rng, ctx["W"]))


def mk(fin_fn, layout):
    return fin_fn, layout


@phr("boxed_sentence", True, False, 5)
def p_boxed_sentence(rng, ctx, mode):
    fin = lambda F: rng.choice(["Therefore, the answer is $\\boxed{%s}$.", "So we get $\\boxed{%s}$.", "Thus $\\boxed{%s}$.",
                                "The result is $\\boxed{%s}$."]) % F
    return [std_body(rng, ctx)] + mode(fin)


@phr("boxed_display", True, False, 4)
def p_boxed_display(rng, ctx, mode):
    fin = lambda F: "$$\\boxed{%s}$$" % F
    return [rng.choice(OPEN), std_body(rng, ctx)] + mode(fin)


@phr("answer_is", True, False, 5)
def p_answer_is(rng, ctx, mode):
    fin = lambda F: rng.choice(["The answer is %s.", "So the answer is %s.", "Hence, the answer is %s.", "Therefore the answer is %s."]) % m(ctx, F)
    return [std_body(rng, ctx)] + mode(fin)


@phr("gsm_hash", False, False, 5)
def p_hash(rng, ctx, mode):
    fin = lambda F: "#### " + F
    lines = [cap(w) + "." for w in ctx["W"]]
    return ["\n".join(lines)] + mode(fin)


@phr("final_answer_colon", False, False, 4)
def p_final_colon(rng, ctx, mode):
    fin = lambda F: rng.choice(["Final answer: %s", "Final Answer: %s", "FINAL ANSWER: %s"]) % F
    return [std_body(rng, ctx)] + mode(fin)


@phr("answer_label", False, False, 4)
def p_answer_label(rng, ctx, mode):
    fin = lambda F: rng.choice(["Answer: %s", "Answer: %s.", "Ans: %s"]) % F
    return ["\n".join("- " + w for w in ctx["W"])] + mode(fin)


@phr("bold_final_line", True, False, 4)
def p_bold_line(rng, ctx, mode):
    fin = lambda F: "**%s**" % m(ctx, F)
    return [std_body(rng, ctx)] + mode(fin)


@phr("bold_answer_label", True, False, 4)
def p_bold_label(rng, ctx, mode):
    fin = lambda F: rng.choice(["**Answer:** %s", "**Answer: %s**", "**Final answer:** %s"]) % m(ctx, F)
    return [std_body(rng, ctx)] + mode(fin)


@phr("short_reply", False, False, 4)
def p_short(rng, ctx, mode):
    fin = lambda F: rng.choice(["It's %s.", "%s.", "That would be %s.", "%s", "Result: %s"]) % F
    return mode(fin)


@phr("md_heading_final", True, False, 4)
def p_heading(rng, ctx, mode):
    fin = lambda F: rng.choice(["### Final Answer\n%s", "## Answer\n\n%s", "**Final Answer**\n\n%s", "### Result\n%s"]) % m(ctx, F)
    steps = "\n".join("%d. %s" % (i + 1, cap(w)) for i, w in enumerate(ctx["W"]))
    return ["## Solution", steps] + mode(fin)


@phr("md_table", True, False, 3)
def p_table(rng, ctx, mode):
    fin = lambda F: "| | |\n|---|---|\n| **Answer** | %s |" % m(ctx, F)
    rows = "\n".join("| %d | %s |" % (i + 1, m(ctx, w) if False else w) for i, w in enumerate(ctx["W"]))
    tbl = "| Step | Work |\n|---|---|\n" + rows if ctx["W"] else ""
    return [x for x in [tbl] if x] + mode(fin)


@phr("md_bullets", True, False, 3)
def p_bullets(rng, ctx, mode):
    fin = lambda F: rng.choice(["- **Result:** %s", "* **Answer:** %s", "- Final result: **%s**"]) % m(ctx, F)
    return ["**Steps**\n" + "\n".join("* " + cap(w) for w in ctx["W"])] + mode(fin)


@phr("llama_steps", True, False, 4)
def p_llama(rng, ctx, mode):
    fin = lambda F: "The final answer is: $\\boxed{%s}$" % F
    parts = ["## Step %d: %s\n%s." % (i + 1, rng.choice(["Compute", "Work out", "Identify", "Set up", "Evaluate", "Simplify"]) +
                                      " " + rng.choice(["the next quantity", "the relevant value", "this piece", "what we need"]), cap(w))
             for i, w in enumerate(ctx["W"])]
    return ["\n\n".join(parts)] + mode(fin)


@phr("qwen_boxed", True, False, 4)
def p_qwen(rng, ctx, mode):
    fin = lambda F: rng.choice(["Thus, the final answer is \\(\\boxed{%s}\\).", "Therefore, the answer is \\(\\boxed{%s}\\).",
                                "So, the final answer is: \\[\\boxed{%s}\\]"]) % F
    intro = "To solve this problem, " + rng.choice(["we proceed as follows:", "we follow these steps:", "let's compute carefully:"])
    steps = "\n".join("%d. %s." % (i + 1, cap(w)) for i, w in enumerate(ctx["W"]))
    return [intro, steps] + mode(fin)


@phr("gemini_style", True, False, 3)
def p_gemini(rng, ctx, mode):
    fin = lambda F: "**Final Answer:** The final answer is $\\boxed{%s}$" % F
    return ["**Solution:**", std_body(rng, ctx)] + mode(fin)


@phr("plain_result", False, False, 3)
def p_plain(rng, ctx, mode):
    fin = lambda F: rng.choice(["Result: %s", "=> %s", "answer = %s", "So: %s"]) % F
    return ["\n".join(ctx["W"])] + mode(fin)


@phr("latex_inline", True, False, 3)
def p_inline(rng, ctx, mode):
    fin = lambda F: rng.choice(["We conclude that the answer is $%s$.", "The value is $%s$.", "This yields $%s$ as the answer."]) % F
    return [" ".join("$" + w + "$." if False else cap(w) + "." for w in ctx["W"])] + mode(fin)


@phr("concluding_sentence", False, False, 4)
def p_conclude(rng, ctx, mode):
    fin = lambda F: rng.choice(CONCLUDE).format(F=F)
    return [std_body(rng, ctx)] + mode(fin)


@phr("think_then_answer", True, True, 5)
def p_think(rng, ctx, mode):
    def fin(F):
        t = rng.choice(["**Answer:** %s", "The answer is %s.", "So the answer is %s.", "\\(\\boxed{%s}\\)"])
        return t % (F if "boxed" in t else m(ctx, F))
    th = "\n\n".join(rng.choice(THINKY) + w + "." for w in ctx["W"]) or "Let me just answer directly."
    th = rng.choice(["Let me read the problem again. ", "The user wants: ", "Problem: "]) + ctx["q"] + "\n\n" + th
    vis = rng.choice(["Here's the solution.", "Summary of the reasoning:", "Working through it:", ""])
    body = [x for x in [vis, " ".join(prose_steps(rng, ctx["W"][-1:]))] if x]
    return ["<think>\n" + th + "\n</think>"] + body + mode(fin)


@phr("think_boxed", True, True, 5)
def p_think_boxed(rng, ctx, mode):
    fin = lambda F: "\\boxed{%s}" % F
    th = "\n".join(rng.choice(THINKY) + w + "." for w in ctx["W"]) or "Short one."
    return ["<think>\n" + th + "\nOkay, I'm fairly confident now.\n</think>", rng.choice(OPEN), std_body(rng, ctx)] + mode(fin)


@phr("freeform_chatty", True, True, 5)
def p_chatty(rng, ctx, mode):
    fin = lambda F: rng.choice(["Putting it all together, the answer is %s.", "So, all said and done, we get %s.",
                                "That means the answer to the question is %s.", "Bottom line: %s."]) % m(ctx, F)
    s = prose_steps(rng, ctx["W"])
    p1 = rng.choice(OPEN) + " " + rng.choice(["The problem asks: ", "We're asked: ", "Restating: "]) + ctx["q"]
    half = max(1, len(s) // 2)
    p2 = " ".join(s[:half])
    p3 = " ".join(s[half:]) or rng.choice(["That's really the only computation needed.", "Nothing else is needed."])
    return [p1, p2, p3] + mode(fin)


@phr("freeform_tutor", True, True, 5)
def p_tutor(rng, ctx, mode):
    fin = lambda F: rng.choice(["Our final result is **%s**.", "So the answer we report is **%s**.", "This gives us **%s** as the final answer."]) % m(ctx, F)
    s = prose_steps(rng, ctx["W"])
    p1 = rng.choice(["Great question! ", "Let's take this slowly. ", "This is a classic. "]) + \
        rng.choice(["The key idea is to organize the information before computing anything.",
                    "The trick is to handle one quantity at a time.",
                    "We'll set up the pieces and then combine them."])
    paras = [p1] + [" ".join(s[i:i + 2]) for i in range(0, len(s), 2)]
    return paras + mode(fin)


@phr("freeform_textbook", True, True, 4)
def p_textbook(rng, ctx, mode):
    fin = lambda F: rng.choice(["Hence the required value is %s. $\\blacksquare$", "Consequently, the answer is %s.", "We conclude that the answer is %s."]) % m(ctx, F)
    s = prose_steps(rng, ctx["W"])
    return ["*Solution.* " + rng.choice(["We argue directly.", "We proceed in stages.", "Consider the data given."]), " ".join(s),
            rng.choice(["Each step above is elementary.", "No further cases arise.", "This completes the computation."])] + mode(fin)


@phr("bare_alt", False, False, 3)
def p_bare(rng, ctx, mode):
    fin = lambda F: F
    return mode(fin)


FREE = [k for k, v in PHR.items() if v["free"]]


# ---------------- distractor definitions ----------------
# name -> (intended label, needs)
DIST = {
    "none": True, "equiv_form": True, "dismissed_wrong": True, "hypothetical_after_gold": True,
    "correction_to_gold": True, "labelled_to_gold": True, "check_after_gold": True, "restate_after_gold": True,
    "signoff_after_gold": True,
    "intermediate_final": False, "near_miss": False, "sign_error": False, "gold_in_working": False,
    "hedge": False, "two_answers": False, "hypothetical_after_wrong": False, "correction_to_wrong": False,
    "labelled_to_wrong": False, "check_after_wrong": False, "rederive_disagree": False,
}
SPECIFIC = ["swapped", "set_vs_tuple", "transpose", "conjugate", "rounded", "pct_decimal", "other_unit",
            "meridiem", "value_only", "one_sign", "bracket"]
for t in SPECIFIC:
    DIST[t] = False
WEIGHTS = {"none": 8, "equiv_form": 8, "dismissed_wrong": 4, "hypothetical_after_gold": 4, "correction_to_gold": 6,
           "labelled_to_gold": 4, "check_after_gold": 5, "restate_after_gold": 3, "signoff_after_gold": 3,
           "intermediate_final": 4, "near_miss": 6, "sign_error": 4, "gold_in_working": 5, "hedge": 6,
           "two_answers": 4, "hypothetical_after_wrong": 3, "correction_to_wrong": 5, "labelled_to_wrong": 4,
           "check_after_wrong": 3, "rederive_disagree": 4}


def feasible(it):
    tags = {w[2] for w in it["wrong"]}
    f = [d for d in WEIGHTS if d != "sign_error" or "sign" in tags]
    if not [v for s, v in it["inter"] if v is not None and v[0] == it["val"][0]]:
        f.remove("intermediate_final")
    return f, [t for t in SPECIFIC if t in tags]


def sform(ctx, s):
    return s if ctx["latex"] else delatex(s)


def build_row(rng, it, dist, pname, used_replies):
    P = PHR[pname]
    ctx = dict(kind=it["kind"], q=it["q"], latex=P["latex"])
    gold_forms = [s for s, v in it["eq"]]
    # pick gold surface
    if dist == "equiv_form":
        alts = [s for s in gold_forms if s != it["gold"]]
        G = rng.choice(alts)
        Gv = dict(it["eq"])[G]
    else:
        G = it["gold"] if rng.random() < 0.5 else rng.choice(gold_forms)
        Gv = dict(it["eq"]).get(G, it["val"])
    if not P["latex"]:
        plain = [s for s in gold_forms if not has_latex(s)]
        if plain and has_latex(G) and dist != "equiv_form":
            G = rng.choice(plain)
            Gv = dict(it["eq"])[G]
    wrongs = it["wrong"]
    def pick_wrong(tags=None):
        c = [w for w in wrongs if tags is None or w[2] in tags]
        return rng.choice(c)
    inter_ok = [(s, v) for s, v in it["inter"] if v is not None and v[0] == it["val"][0] and not same(v, it["val"])]
    Gs = sform(ctx, G)
    steps = [sform(ctx, w) for w in it["steps"]]
    lastf = lambda F: sform(ctx, it["last"]).replace("{}", F)
    post = []
    final_val = Gv
    abstain = False
    cands = []
    label_intent = DIST[dist]
    # default: correct final
    W = steps + [lastf(Gs)]
    modefn = None
    why = ""
    if dist in ("none", "equiv_form"):
        modefn = lambda fin: [fin(Gs)]
        why = "final answer %s equals gold" % G + (" (equivalent form)" if dist == "equiv_form" else "")
    elif dist == "dismissed_wrong":
        Y = pick_wrong()
        W = steps + [rng.choice(DISMISS).format(Y=sform(ctx, Y[0]))[:-1] if False else lastf(Gs)]
        W.insert(len(steps), low(rng.choice(DISMISS).format(Y=sform(ctx, Y[0])).rstrip(".")))
        modefn = lambda fin: [fin(Gs)]
        why = "working dismisses wrong value %s; final %s equals gold" % (Y[0], G)
    elif dist in ("hypothetical_after_gold", "check_after_gold", "restate_after_gold", "signoff_after_gold"):
        if dist == "hypothetical_after_gold":
            Y = pick_wrong()
            post = [rng.choice(HYPO).format(Y=sform(ctx, Y[0]))]
            why = "final %s equals gold; trailing hypothetical mentions %s" % (G, Y[0])
        elif dist == "check_after_gold":
            post = [rng.choice(CHECK).format(S=rng.choice(steps))]
            why = "final %s equals gold; closing check restates working numbers" % G
        elif dist == "restate_after_gold":
            post = [rng.choice(RESTATE).format(Q=it["q"] if ctx["latex"] else delatex(it["q"]))]
            why = "final %s equals gold; question data restated afterwards" % G
        else:
            post = [rng.choice(SIGNOFF)]
            why = "final %s equals gold; sign-off afterwards" % G
        modefn = lambda fin: [fin(Gs)] + post
    elif dist in ("correction_to_gold", "correction_to_wrong"):
        Y = pick_wrong()
        Ys = sform(ctx, Y[0])
        if dist == "correction_to_gold":
            A, B, final_val = Ys, Gs, Gv
            W = steps + [lastf(Ys)]
            why = "first states %s, explicitly self-corrects to %s (gold)" % (Y[0], G)
        else:
            A, B, final_val = Gs, Ys, Y[1]
            why = "first states gold %s, then explicitly 'corrects' to wrong %s" % (G, Y[0])
        modefn = lambda fin: [fin(A), rng.choice(CORR).format(B=m(ctx, B)), fin(B)] if rng.random() < 0.6 else [fin(A), rng.choice(CORR).format(B=m(ctx, B))]
    elif dist in ("labelled_to_gold", "labelled_to_wrong"):
        Y = pick_wrong()
        Ys = sform(ctx, Y[0])
        if dist == "labelled_to_gold":
            W = steps + [lastf(Ys), low(rng.choice(SEEMS).format(Y=m(ctx, Ys)).rstrip("."))]
            lab, final_val = Gs, Gv
            why = "working seems to conclude %s but labelled final answer is %s (gold)" % (Y[0], G)
        else:
            W = steps + [lastf(Gs), low(rng.choice(SEEMS).format(Y=m(ctx, Gs)).rstrip("."))]
            lab, final_val = Ys, Y[1]
            why = "working seems to conclude gold %s but labelled final answer is %s" % (G, Y[0])
        modefn = lambda fin: [rng.choice(LABELS).format(G=m(ctx, lab) if "**" in "" else lab)]
    elif dist in ("intermediate_final", "near_miss", "sign_error", "gold_in_working", "hypothetical_after_wrong", "check_after_wrong") or dist in SPECIFIC:
        if dist == "intermediate_final":
            Ys0, Yv = rng.choice(inter_ok)
            W = steps
            why = "final is intermediate value %s, not gold" % Ys0
        else:
            tagmap = {"near_miss": ["near"], "sign_error": ["sign"]}
            Y = pick_wrong(tagmap.get(dist, [dist]) if dist in tagmap or dist in SPECIFIC else None)
            Ys0, Yv = Y[0], Y[1]
            W = steps + [lastf(sform(ctx, Ys0))]
            why = "final %s is a %s distractor, not equal to gold" % (Ys0, dist if dist in SPECIFIC else Y[2])
        Ys = sform(ctx, Ys0)
        final_val = Yv
        if dist == "gold_in_working":
            W.insert(0, low(rng.choice(GOLDWORK).format(G=m(ctx, Gs)).rstrip(".")))
            why = "gold %s appears only in the working; final is %s" % (G, Ys0)
        if dist == "hypothetical_after_wrong":
            post = [rng.choice(HYPO).format(Y=m(ctx, Gs))]
            why = "final %s is wrong; gold %s only in a trailing hypothetical" % (Ys0, G)
        if dist == "check_after_wrong":
            post = [rng.choice(CHECK).format(S=rng.choice(steps))]
            why = "final %s is wrong; closing check mentions other numbers" % Ys0
        modefn = lambda fin: [fin(Ys)] + post
    elif dist in ("hedge", "two_answers", "rederive_disagree"):
        Y = pick_wrong()
        Ys = sform(ctx, Y[0])
        abstain = True
        cands = [Gv, Y[1]]
        if it["kind"] == "set":
            br = (lambda t: t if "{" in t else "\\{" + t + "\\}") if ctx["latex"] else (lambda t: t if "{" in t else "{" + t + "}")
            Gs, Ys = br(Gs), br(Ys)
        pair = [Gs, Ys] if rng.random() < 0.5 else [Ys, Gs]
        if dist == "hedge":
            if rng.random() < 0.5:
                modefn = lambda fin: [fin(pair[0]) + rng.choice(HEDGE_TAIL).format(B=m(ctx, pair[1]))]
            else:
                modefn = lambda fin: [rng.choice(HEDGE_FULL).format(A=m(ctx, pair[0]), B=m(ctx, pair[1]))]
            why = "hedges between %s and %s; checker must abstain" % (pair[0], pair[1])
        elif dist == "two_answers":
            modefn = lambda fin: [rng.choice(TWO).format(A=m(ctx, pair[0]), B=m(ctx, pair[1]))]
            why = "two unresolved final answers %s and %s" % (pair[0], pair[1])
        else:
            modefn = lambda fin: [fin(Gs), rng.choice(REDERIVE).format(Y=m(ctx, Ys))]
            why = "states gold %s, then a re-derivation gives %s and the conflict is left unresolved" % (G, Y[0])
    else:
        raise ValueError(dist)
    ctx["W"] = W if pname not in ("short_reply", "bare_alt") else []
    parts = P["fn"](rng, ctx, modefn)
    reply = "\n\n".join(p for p in parts if p).strip()
    # ---- independent label check: sympy/semantic equality of the final-position value vs gold ----
    if abstain:
        assert any(same(c, it["val"]) for c in cands) and not all(same(c, it["val"]) for c in cands)
        label = False
    else:
        label = same(final_val, it["val"])
    assert label == label_intent, (it["gold"], dist, pname, reply)
    return reply, label, why


def main():
    nread, ntot = verify_surfaces()
    rng = random.Random(SEED)
    rows = []
    pnames = [p for p in PHR if p != "bare_alt"]
    pweights = [PHR[p]["weight"] for p in pnames]
    for idx, it in enumerate(ITEMS):
        # required rows: whole-reply gold and boxed gold
        rows.append(dict(kind=it["kind"], phrasing="whole_reply_gold", distractor="none", gold=it["gold"], reply=it["gold"],
                         correct=same(it["val"], it["val"]), why="the entire reply is the gold answer"))
        rows.append(dict(kind=it["kind"], phrasing="boxed_only", distractor="none", gold=it["gold"], reply="\\boxed{%s}" % it["gold"],
                         correct=True, why="reply is only the boxed gold answer"))
        fz, spec = feasible(it)
        plan = list(spec) * 2
        ws = [WEIGHTS[d] for d in fz]
        while len(plan) < RANDOM_ROWS_PER_ITEM:
            plan.append(rng.choices(fz, ws)[0])
        rng.shuffle(plan)
        used = {it["gold"], "\\boxed{%s}" % it["gold"]}
        for dist in plan:
            for attempt in range(20):
                if dist in ("none", "equiv_form") or dist in SPECIFIC or dist in ("near_miss", "sign_error"):
                    pn = rng.choices(pnames + ["bare_alt"], pweights + [3])[0]
                else:
                    pn = rng.choices(pnames, pweights)[0]
                if pn == "short_reply" and dist in ("labelled_to_gold", "labelled_to_wrong", "gold_in_working", "dismissed_wrong"):
                    continue
                reply, label, why = build_row(rng, it, dist, pn, used)
                if reply not in used:
                    break
            else:
                raise RuntimeError("could not make unique reply")
            used.add(reply)
            rows.append(dict(kind=it["kind"], phrasing=pn, distractor=dist, gold=it["gold"], reply=reply, correct=label, why=why))
    order = list(range(len(rows)))
    rng.shuffle(order)
    with open(OUT, "w", encoding="utf-8") as f:
        for n, i in enumerate(order):
            r = rows[i]
            rec = {"id": "mh5-%05d" % n, "split": SPLIT, "kind": r["kind"], "phrasing": r["phrasing"], "distractor": r["distractor"],
                   "gold": r["gold"], "reply": r["reply"], "correct": r["correct"], "why": r["why"]}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    c = Counter((r["correct"]) for r in rows)
    print(len(rows), c, "numeric surfaces independently parsed: %d of %d" % (nread, ntot))


if __name__ == "__main__":
    main()
