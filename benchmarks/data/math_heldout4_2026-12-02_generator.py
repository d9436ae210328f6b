#!/usr/bin/env python3
"""Generator for math_heldout4_2026-12-02.jsonl (held-out split 4 for the math-answer checker).

Deterministic: seeded random.Random, no dependence on dict/set ordering, no time.
Run:  python3 math_heldout4_2026-12-02_generator.py [output_path]
Requires sympy (only for the independent re-derivation of labels).
Written by a helper that did not read the checker's source, tests or earlier splits.
"""
import json
import random
import re
import sys
import os

import sympy
from sympy.parsing.sympy_parser import (parse_expr, standard_transformations,
                                        implicit_multiplication_application,
                                        convert_xor, rationalize)

SEED = 20261202
SPLIT = "heldout4-2026-12-02"

# ---------------------------------------------------------------------------
# Items: gold, subject, given (question numbers), work (derivation text),
# eq (equivalent forms -> true), nm (near misses (label, str) -> false),
# inter (intermediate values, not equal to gold), calc (gsm8k <<>> lines)
# ---------------------------------------------------------------------------

def I(gold, subj, given, work, eq, nm, inter, calc=None):
    return dict(gold=gold, subj=subj, given=given, work=work, eq=eq, nm=nm,
                inter=inter, calc=calc or [])

ITEMS = {
 "integer": [
  I("120", "the distance the train travels in miles", "60 mph for 2 hours",
    "The train moves at $60$ miles per hour for $2$ hours, so we multiply speed by time.",
    ["120.0", "120 \\text{ miles}", "1.2\\times10^{2}", "one hundred twenty"],
    [("off_by_one", "121"), ("sign", "-120"), ("intermediate", "60"), ("digit_swap", "102")],
    ["60", "2"], ["60*2=120"]),
  I("1000", "the number of tickets sold", "250 tickets per day for 4 days",
    "Each day $250$ tickets are sold, over $4$ days.",
    ["1,000", "1\\,000", "1000.00", "one thousand"],
    [("off_by_factor", "100"), ("off_by_one", "999"), ("intermediate", "250")],
    ["250", "4"], ["250*4=1000"]),
  I("-7", "the value of $x$", "$3x + 21 = 0$",
    "Subtract $21$ from both sides to get $3x = -21$, then divide by $3$.",
    ["x = -7", "\u22127", "-7.0", "x=-\\frac{21}{3}"],
    [("sign", "7"), ("intermediate", "-21"), ("off_by_one", "-6")],
    ["-21", "3"], ["-21/3=-7"]),
 ],
 "decimal": [
  I("0.75", "the probability of not drawing a red card", "a 0.25 chance of red",
    "The complement rule gives $1 - 0.25$.",
    ["\\frac{3}{4}", "3/4", ".75", "0.750", "\\dfrac34"],
    [("rounding", "0.7"), ("digit_swap", "0.57"), ("decimal_shift", "7.5"), ("intermediate", "0.25")],
    ["0.25", "1"], ["1-0.25=0.75"]),
  I("2.5", "the number of hours the trip takes", "150 km at 60 km/h",
    "Time equals distance divided by speed: $150 / 60$.",
    ["\\frac{5}{2}", "5/2", "2\\frac{1}{2}", "2.50", "2 1/2"],
    [("digit_drop", "2.05"), ("decimal_shift", "25"), ("rounding", "3"), ("intermediate", "150")],
    ["150", "60"], ["150/60=2.5"]),
  I("0.125", "the fraction of the pizza each person gets as a decimal", "1 pizza shared by 8 people",
    "One pizza split among $8$ people gives each person $1 \\div 8$.",
    ["\\frac{1}{8}", "1/8", "0.1250", "1.25\\times10^{-1}"],
    [("rounding", "0.13"), ("truncation", "0.12"), ("decimal_shift", "1.25"), ("intermediate", "8")],
    ["8", "1"], ["1/8=0.125"]),
 ],
 "fraction": [
  I("\\frac{3}{4}", "the fraction of the tank that is full", "12 of 16 liters",
    "The tank holds $16$ liters and contains $12$ liters, so the ratio is $12/16$ before reducing.",
    ["\\dfrac{3}{4}", "3/4", "0.75", "\\frac{6}{8}", "\\tfrac34"],
    [("reciprocal", "\\frac{4}{3}"), ("near", "\\frac{3}{5}"), ("rounding", "0.7"), ("intermediate", "\\frac{12}{17}")],
    ["12", "16"]),
  I("\\frac{1}{3}", "the probability of rolling a 1 or a 2", "a fair six-sided die",
    "There are $2$ favorable outcomes out of $6$ equally likely outcomes.",
    ["\\dfrac13", "1/3", "\\frac{2}{6}", "\\frac{1}{3} \\approx 0.333"],
    [("rounding", "0.33"), ("rounding", "0.333"), ("near", "\\frac{1}{4}"), ("off_by_one", "\\frac{1}{2}")],
    ["2", "6"]),
  I("\\frac{5}{12}", "the combined fraction", "$\\frac14 + \\frac16$",
    "With common denominator $12$: $\\frac{3}{12} + \\frac{2}{12}$.",
    ["\\frac{10}{24}", "5/12", "\\dfrac{5}{12}"],
    [("rounding", "0.4167"), ("reciprocal", "\\frac{12}{5}"), ("near", "\\frac{7}{12}"), ("wrong_op", "\\frac{2}{10}")],
    ["\\frac{3}{12}", "\\frac{2}{12}"]),
 ],
 "mixed_number": [
  I("4\\frac{1}{4}", "the total length of ribbon in feet", "$2\\frac12$ ft and $1\\frac34$ ft",
    "Adding the whole parts gives $3$ and the fractional parts give $\\frac12 + \\frac34 = \\frac54$.",
    ["4 1/4", "\\frac{17}{4}", "17/4", "4.25", "4\\tfrac{1}{4}"],
    [("near", "4\\frac{1}{2}"), ("off_by_one", "3\\frac{1}{4}"), ("near", "\\frac{15}{4}"), ("intermediate", "\\frac{5}{4}")],
    ["3", "\\frac{5}{4}"]),
  I("2 \\frac{2}{3}", "the number of cups of flour needed", "8 servings at $\\frac13$ cup each",
    "Multiply $8 \\times \\frac{1}{3} = \\frac{8}{3}$ and convert to a mixed number.",
    ["\\frac{8}{3}", "8/3", "2 2/3", "2\\frac{2}{3}"],
    [("rounding", "2.67"), ("near", "2\\frac{1}{3}"), ("off_by_one", "3\\frac{2}{3}"), ("misconvert", "2\\frac{3}{2}")],
    ["8", "\\frac{1}{3}"]),
 ],
 "percent": [
  I("25\\%", "the percent discount", "a price cut from \\$80 to \\$60",
    "The price drops by $\\$20$ on an original price of $\\$80$, so we compute $20/80$.",
    ["25%", "25", "25 percent", "25.0\\%", "25 \\%"],
    [("fraction_vs_percent", "0.25"), ("fraction_vs_percent", "\\frac{1}{4}"), ("off_by_one", "24\\%"), ("complement", "75\\%")],
    ["20", "80"], ["80-60=20", "20/80*100=25"]),
  I("12.5\\%", "the percent of students who walk to school", "5 of 40 students",
    "Out of $40$ students, $5$ walk, so the share is $5/40$.",
    ["12.5%", "12.5 percent", "12\\frac{1}{2}\\%", "12.50\\%"],
    [("rounding", "13\\%"), ("truncation", "12\\%"), ("fraction_vs_percent", "0.125"), ("reciprocal", "8\\%")],
    ["5", "40"], ["5/40*100=12.5"]),
  I("40", "the percentage of the budget spent on rent", "\\$1200 rent out of \\$3000",
    "Rent is $1200$ out of a budget of $3000$, so the fraction is $1200/3000$.",
    ["40%", "40\\%", "40 percent", "40.0"],
    [("fraction_vs_percent", "0.4"), ("complement", "60\\%"), ("near", "4\\%"), ("intermediate", "1200")],
    ["1200", "3000"], ["1200/3000*100=40"]),
 ],
 "currency": [
  I("\\$12.50", "the cost of the sandwich", "a \\$20 bill with \\$7.50 change",
    "She paid with $\\$20$ and got $\\$7.50$ back, so we subtract.",
    ["12.50", "$12.50", "12.5", "12.50 dollars", "\\$12.5", "USD 12.50"],
    [("digit_drop", "\\$12.05"), ("decimal_shift", "\\$125.00"), ("rounding", "\\$13"), ("intermediate", "\\$7.50")],
    ["20", "7.50"], ["20-7.50=12.50"]),
  I("18", "the amount Tom spends in dollars", "3 books at \\$6 each",
    "Tom buys $3$ books and each costs $\\$6$.",
    ["\\$18", "$18.00", "18 dollars", "\\$18.00"],
    [("off_by_one", "\\$17"), ("digit_swap", "\\$81"), ("intermediate", "\\$6"), ("wrong_op", "\\$9")],
    ["3", "6"], ["3*6=18"]),
  I("\\$1,250", "the total rent for five months", "\\$250 per month for 5 months",
    "Monthly rent is $\\$250$ and the lease lasts $5$ months.",
    ["1250", "$1250.00", "\\$1250", "1,250 dollars"],
    [("off_by_factor", "\\$125"), ("digit_drop", "\\$1,205"), ("near", "\\$1,500"), ("intermediate", "\\$250")],
    ["250", "5"], ["250*5=1250"]),
 ],
 "units": [
  I("5 \\text{ m}", "the height of the wall", "an area of 20 m$^2$ and a width of 4 m",
    "Height equals area divided by width, $20 / 4$.",
    ["5", "5 meters", "5\\,\\mathrm{m}", "5 \\text{ meters}"],
    [("wrong_units", "500 \\text{ cm}"), ("off_by_factor", "50 \\text{ m}"), ("off_by_one", "4 \\text{ m}"), ("intermediate", "20 \\text{ m}")],
    ["20", "4"], ["20/4=5"]),
  I("120 \\text{ km}", "the distance driven", "80 km/h for 1.5 hours",
    "The car travels at $80$ km/h for $1.5$ hours.",
    ["120 km", "120 kilometers", "120", "120\\,\\text{km}"],
    [("wrong_units", "120{,}000 \\text{ m}"), ("off_by_factor", "12 \\text{ km}"), ("intermediate", "80 \\text{ km}"), ("near", "130 \\text{ km}")],
    ["80", "1.5"], ["80*1.5=120"]),
  I("45 \\text{ minutes}", "how long the download takes", "900 MB at 20 MB per minute",
    "The file is $900$ MB and it downloads at $20$ MB per minute.",
    ["45 min", "45", "45 minutes", "45\\text{ min}"],
    [("wrong_units", "0.75 \\text{ hours}"), ("off_by_factor", "4.5 \\text{ minutes}"), ("near", "54 \\text{ minutes}"), ("intermediate", "20 \\text{ minutes}")],
    ["900", "20"], ["900/20=45"]),
 ],
 "clock_time": [
  I("\\text{4:05 PM}", "the time the meeting ends", "a start at 2:35 PM and a length of 90 minutes",
    "Starting at 2:35 PM, adding $90$ minutes means adding $1$ hour and $30$ minutes.",
    ["4:05 PM", "16:05", "4:05 p.m.", "4:05pm", "\\text{16:05}"],
    [("wrong_meridiem", "4:05 AM"), ("no_meridiem", "4:05"), ("digit_swap", "4:50 PM"), ("off_by_hour", "5:05 PM")],
    ["90", "2:35 PM"]),
  I("09:30", "the time the train arrives", "a departure at 7:15 and a 135-minute trip",
    "Departing at 07:15 and travelling $135$ minutes, i.e. $2$ h $15$ min.",
    ["9:30 AM", "9:30 a.m.", "9:30", "9:30am"],
    [("wrong_meridiem", "9:30 PM"), ("wrong_meridiem", "21:30"), ("off_by_hour", "10:30 AM"), ("near", "9:45 AM")],
    ["135", "7:15"]),
  I("7:45 PM", "when the movie finishes", "a 6:00 PM start and a 105-minute runtime",
    "The movie starts at 6:00 PM and runs $105$ minutes, which is $1$ h $45$ min.",
    ["19:45", "7:45 p.m.", "7:45pm", "\\text{7:45 P.M.}"],
    [("wrong_meridiem", "7:45 AM"), ("no_meridiem", "7:45"), ("off_by_hour", "8:45 PM"), ("digit_swap", "19:54")],
    ["105", "6:00 PM"]),
 ],
 "scientific": [
  I("1.2\\times10^{-3}", "the concentration in mol/L", "0.006 mol dissolved in 5 L",
    "Divide the amount $0.006$ mol by the volume $5$ L.",
    ["1.2e-3", "0.0012", "1.2 \\times 10^{-3}", "12\\times10^{-4}", "1.2\\cdot 10^{-3}"],
    [("sign", "1.2\\times10^{3}"), ("off_by_factor", "1.2\\times10^{-4}"), ("digit_swap", "2.1\\times10^{-3}"), ("intermediate", "6\\times10^{-3}")],
    ["0.006", "5"]),
  I("6.02 \\times 10^{23}", "the number of molecules", "one mole of water",
    "One mole contains Avogadro's number of particles.",
    ["6.02e23", "6.02\\cdot10^{23}", "602000000000000000000000", "60.2\\times10^{22}"],
    [("off_by_factor", "6.02\\times10^{22}"), ("digit_drop", "6.2\\times10^{23}"), ("sign", "6.02\\times10^{-23}")],
    ["1", "18"]),
  I("3 \\times 10^{8}", "the speed of light in m/s", "the rounded textbook value",
    "We use the rounded value for the speed of light in vacuum.",
    ["300,000,000", "3e8", "3\\cdot 10^8", "3.0 \\times 10^{8}"],
    [("off_by_factor", "3\\times10^{9}"), ("sign", "3\\times10^{-8}"), ("off_by_factor", "3\\times10^{5}")],
    ["299792458"]),
 ],
 "million_billion": [
  I("\\text{2.5 million}", "the city's population", "1 million growing by 1.5 million",
    "Start from $1$ million residents and add $1.5$ million newcomers.",
    ["2,500,000", "2500000", "2.5 million", "2.5\\times10^{6}", "2{,}500{,}000"],
    [("wrong_scale", "2.5 billion"), ("off_by_factor", "25 million"), ("off_by_factor", "250,000"), ("intermediate", "1.5 million")],
    ["1.5 million", "1 million"]),
  I("3.5 million", "the number of units sold", "2 million last year and 1.5 million more this year",
    "Last year's $2$ million plus this year's additional $1.5$ million.",
    ["3,500,000", "3500000", "\\text{3.5 million}", "3.5\\times 10^6"],
    [("wrong_scale", "3.5 billion"), ("off_by_factor", "350,000"), ("digit_insert", "3.05 million"), ("intermediate", "2 million")],
    ["2 million", "1.5 million"]),
  I("1.2 billion", "the company's revenue in dollars", "\\$400 million per quarter over 3 quarters",
    "Three quarters at $400$ million dollars each.",
    ["1,200,000,000", "1.2\\times10^9", "1200 million", "\\$1.2 billion"],
    [("wrong_scale", "1.2 million"), ("off_by_factor", "12 billion"), ("intermediate", "400 million")],
    ["400 million", "3"]),
 ],
 "expression": [
  I("2x+6", "the simplified expression", "$2(x+1) + 4$",
    "Distribute: $2(x+1) = 2x + 2$, then add $4$.",
    ["2(x+3)", "6+2x", "2 x + 6", "2\\left(x+3\\right)"],
    [("arith_slip", "2x+3"), ("sign", "2x-6"), ("dropped_coeff", "x+6"), ("intermediate", "2x+2")],
    ["2x+2", "4"]),
  I("x^2-9", "the expanded product", "$(x-3)(x+3)$",
    "Use the difference-of-squares pattern $(a-b)(a+b)$.",
    ["(x-3)(x+3)", "-9+x^2", "x^{2} - 9", "(x+3)(x-3)"],
    [("sign", "x^2+9"), ("wrong_pattern", "(x-3)^2"), ("near", "x^2-6x-9"), ("intermediate", "x^2-3x+3x-9+1")],
    ["3", "x^2"]),
  I("\\frac{x+1}{2}", "the inverse function $f^{-1}(x)$", "$f(x) = 2x - 1$",
    "Swap $x$ and $y$ in $y = 2x - 1$ to get $x = 2y - 1$, then solve for $y$.",
    ["\\frac{1}{2}x+\\frac{1}{2}", "0.5x+0.5", "(x+1)/2", "\\frac{x}{2}+\\frac{1}{2}"],
    [("misplaced_term", "\\frac{x}{2}+1"), ("sign", "\\frac{x-1}{2}"), ("reciprocal", "\\frac{2}{x+1}"), ("intermediate", "2x-1")],
    ["2y-1", "2"]),
 ],
 "equation": [
  I("y=2x+3", "the equation of the line", "slope 2 through $(0, 3)$",
    "Slope-intercept form $y = mx + b$ with $m = 2$ and $b = 3$.",
    ["2x - y + 3 = 0", "y - 2x = 3", "2x+3=y", "4x-2y+6=0"],
    [("swapped", "y=3x+2"), ("sign", "y=2x-3"), ("sign", "y=-2x+3"), ("near", "y=2x")],
    ["2", "3"]),
  I("x^2+y^2=25", "the equation of the circle", "center at the origin and radius 5",
    "A circle centered at the origin with radius $r$ is $x^2 + y^2 = r^2$.",
    ["y^2+x^2=25", "x^2 + y^2 - 25 = 0", "25 = x^2 + y^2"],
    [("unsquared", "x^2+y^2=5"), ("sign", "x^2-y^2=25"), ("near", "x^2+y^2=10")],
    ["5", "r^2"]),
 ],
 "system": [
  I("x=2, y=3", "the solution of the system", "$x + y = 5$ and $x - y = -1$",
    "Adding the equations gives $2x = 4$; substituting back gives the other variable.",
    ["(2, 3)", "x = 2 \\text{ and } y = 3", "y=3, x=2", "(x, y) = (2, 3)"],
    [("swapped", "x=3, y=2"), ("swapped", "(3, 2)"), ("sign", "x=2, y=-3"), ("partial", "x=2, y=5")],
    ["4", "5"]),
  I("x=-1, y=4", "the solution $(x, y)$", "$2x + y = 2$ and $x + y = 3$",
    "Subtracting the second equation from the first gives the value of $x$ directly.",
    ["(-1, 4)", "x=-1,\\ y=4", "y = 4, x = -1", "(x,y)=(-1,4)"],
    [("swapped", "(4, -1)"), ("sign", "x=1, y=4"), ("near", "x=-1, y=3")],
    ["2", "3"]),
  I("x=1, y=2, z=3", "the solution of the three-variable system", "$x+y+z=6$, $y+z=5$, $z=3$",
    "Back-substitute: $z$ is given, then $y$, then $x$.",
    ["(1, 2, 3)", "z=3, y=2, x=1", "(x,y,z)=(1,2,3)"],
    [("swapped", "(1, 3, 2)"), ("sign", "x=1, y=2, z=-3"), ("swapped", "x=3, y=2, z=1")],
    ["6", "5"]),
 ],
 "tuple": [
  I("(1, -2, 5)", "the triple $(a, b, c)$", "$a = 1$, $b = a - 3$, $c = 3 - b$",
    "Compute each coordinate in turn from the given relations.",
    ["(1,-2,5)", "\\left(1, -2, 5\\right)", "(a, b, c) = (1, -2, 5)"],
    [("set_vs_tuple", "\\{1,-2,5\\}"), ("reversed", "(5, -2, 1)"), ("sign", "(1, 2, 5)")],
    ["3", "-3"]),
  I("(3, 4, 5)", "the Pythagorean triple with smallest perimeter", "integer sides",
    "Try small legs: the first pair whose squares sum to a perfect square.",
    ["\\left( 3,4,5 \\right)", "(3,4,5)"],
    [("swapped", "(4, 3, 5)"), ("set_vs_tuple", "\\{3, 4, 5\\}"), ("near", "(5, 12, 13)")],
    ["9", "16"]),
 ],
 "ordered_pair": [
  I("(2, -3)", "the vertex of the parabola", "$y = x^2 - 4x + 1$",
    "The vertex has $x = -b/(2a) = 4/2$; plug this in to get the $y$-coordinate.",
    ["(2,-3)", "\\left(2,-3\\right)", "(2, \u22123)"],
    [("swapped", "(-3, 2)"), ("sign", "(2, 3)"), ("set_vs_tuple", "\\{2, -3\\}"), ("intermediate", "(2, 1)")],
    ["4", "1"]),
  I("\\left(\\frac{1}{2}, 4\\right)", "the intersection point", "$y = 2x + 3$ and $y = -2x + 5$",
    "Setting $2x + 3 = -2x + 5$ gives $4x = 2$.",
    ["(0.5, 4)", "(1/2, 4)", "\\left(\\dfrac12,4\\right)"],
    [("swapped", "\\left(4, \\frac12\\right)"), ("near", "\\left(\\frac{1}{4}, 2\\right)"), ("rounding", "(0.5, 4.1)")],
    ["2", "4x"]),
 ],
 "set": [
  I("\\{1, 2, 3\\}", "the set of positive integers $n$ with $n^2 < 10$", "$n^2 < 10$",
    "Check $n = 1, 2, 3, 4$: $16 > 10$ fails.",
    ["\\{3, 1, 2\\}", "\\{1,2,3\\}", "\\left\\{1, 2, 3\\right\\}"],
    [("missing_element", "\\{1, 2\\}"), ("extra_element", "\\{1, 2, 3, 4\\}"), ("extra_element", "\\{0, 1, 2, 3\\}")],
    ["16", "9"]),
  I("\\{-2, 5\\}", "the solution set of $x^2 - 3x - 10 = 0$", "$x^2 - 3x - 10 = 0$",
    "Factor the quadratic as $(x - 5)(x + 2) = 0$.",
    ["\\{5, -2\\}", "-2, 5", "5, -2", "x = -2 \\text{ or } x = 5"],
    [("sign", "\\{2, -5\\}"), ("missing_element", "\\{-2\\}"), ("missing_element", "5"), ("intermediate", "\\{-10, 3\\}")],
    ["-10", "-3"]),
  I("-1, 4", "the list of all real solutions", "$x^2 - 3x - 4 = 0$",
    "The quadratic factors as $(x-4)(x+1)$.",
    ["4, -1", "\\{-1, 4\\}", "x=-1, x=4"],
    [("missing_element", "-1"), ("sign", "1, 4"), ("sign", "1, -4")],
    ["-4", "-3"]),
 ],
 "interval": [
  I("(2, \\infty)", "the solution set of $3x - 1 > 5$", "$3x - 1 > 5$",
    "Adding $1$ and dividing by $3$ isolates $x$.",
    ["x > 2", "(2,\\infty)", "\\left(2, \\infty\\right)", "2 < x"],
    [("wrong_bracket", "[2, \\infty)"), ("wrong_side", "(-\\infty, 2)"), ("wrong_bracket", "x \\ge 2"), ("intermediate", "(6, \\infty)")],
    ["6", "3"]),
  I("[-1, 3)", "the domain restricted as described", "$-1 \\le x$ and $x < 3$",
    "Combine the two conditions into one interval.",
    ["-1 \\le x < 3", "\\left[-1,3\\right)", "[-1,3)"],
    [("wrong_bracket", "(-1, 3)"), ("wrong_bracket", "[-1, 3]"), ("wrong_bracket", "-1 < x \\le 3"), ("sign", "[1, 3)")],
    ["-1", "3"]),
  I("(-\\infty, 0] \\cup [4, \\infty)", "the solution set of $x^2 - 4x \\ge 0$", "$x(x-4) \\ge 0$",
    "The roots are $0$ and $4$ and the parabola opens upward.",
    ["x \\le 0 \\text{ or } x \\ge 4", "(-\\infty,0]\\cup[4,\\infty)"],
    [("wrong_bracket", "(-\\infty, 0) \\cup (4, \\infty)"), ("complement", "[0, 4]"), ("missing_piece", "[4, \\infty)")],
    ["0", "4"]),
 ],
 "inequality": [
  I("x \\le 5", "the solution of $2x + 3 \\le 13$", "$2x + 3 \\le 13$",
    "Subtract $3$ to get $2x \\le 10$.",
    ["(-\\infty, 5]", "5 \\ge x", "x \u2264 5", "x \\leq 5"],
    [("strictness", "x < 5"), ("direction", "x \\ge 5"), ("strictness", "(-\\infty, 5)"), ("intermediate", "x \\le 10")],
    ["10", "13"]),
  I("-3 < x < 1", "the solution of $|x + 1| < 2$", "$|x + 1| < 2$",
    "Rewrite as $-2 < x + 1 < 2$.",
    ["(-3, 1)", "1 > x > -3", "-3<x<1"],
    [("strictness", "-3 \\le x \\le 1"), ("missing_piece", "x < 1"), ("sign", "(-1, 3)"), ("intermediate", "-2 < x < 2")],
    ["-2", "2"]),
 ],
 "matrix": [
  I("\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}", "the matrix $A$", "$A^T = \\begin{pmatrix}1&3\\\\2&4\\end{pmatrix}$",
    "Transposing $A^T$ swaps rows and columns back.",
    ["\\begin{bmatrix}1&2\\\\3&4\\end{bmatrix}", "[[1, 2], [3, 4]]", "\\left(\\begin{array}{cc}1&2\\\\3&4\\end{array}\\right)"],
    [("transposed", "\\begin{pmatrix}1&3\\\\2&4\\end{pmatrix}"), ("transposed", "[[1, 3], [2, 4]]"), ("entry_slip", "\\begin{pmatrix}1&2\\\\3&5\\end{pmatrix}")],
    ["1", "4"]),
  I("[[2, 0], [-1, 3]]", "the product $BC$", "$B = \\begin{pmatrix}1&0\\\\0&1\\end{pmatrix}$ and the given $C$",
    "Since $B$ is the identity, $BC = C$; read off the entries carefully.",
    ["\\begin{pmatrix}2&0\\\\-1&3\\end{pmatrix}", "[[2,0],[-1,3]]", "\\begin{bmatrix} 2 & 0 \\\\ -1 & 3 \\end{bmatrix}"],
    [("transposed", "[[2, -1], [0, 3]]"), ("sign", "[[2, 0], [1, 3]]"), ("transposed", "\\begin{pmatrix}2&-1\\\\0&3\\end{pmatrix}")],
    ["2", "3"]),
  I("\\begin{pmatrix} \\frac{1}{2} & 0 \\\\ 0 & 2 \\end{pmatrix}", "the inverse of $\\begin{pmatrix}2&0\\\\0&\\frac12\\end{pmatrix}$", "a diagonal matrix",
    "The inverse of a diagonal matrix inverts each diagonal entry.",
    ["[[0.5, 0], [0, 2]]", "\\begin{bmatrix}1/2&0\\\\0&2\\end{bmatrix}"],
    [("not_inverted", "[[2, 0], [0, 0.5]]"), ("swapped", "\\begin{pmatrix}0&\\frac12\\\\2&0\\end{pmatrix}")],
    ["2", "\\frac12"]),
 ],
 "vector": [
  I("\\begin{pmatrix} 3 \\\\ -1 \\\\ 2 \\end{pmatrix}", "the vector $\\mathbf{u} + \\mathbf{v}$", "$\\mathbf{u} = (1, 1, 0)$ and $\\mathbf{v} = (2, -2, 2)$",
    "Add the vectors componentwise.",
    ["(3, -1, 2)", "\\langle 3, -1, 2 \\rangle", "\\begin{bmatrix}3\\\\-1\\\\2\\end{bmatrix}"],
    [("sign", "(3, 1, 2)"), ("reversed", "\\begin{pmatrix} 2 \\\\ -1 \\\\ 3 \\end{pmatrix}"), ("set_vs_tuple", "\\{3, -1, 2\\}"), ("wrong_op", "(-1, 3, -2)")],
    ["1", "2"]),
  I("(1, 0, -4)", "the cross product $\\mathbf{a} \\times \\mathbf{b}$", "$\\mathbf{a} = (0, 4, 1)$ and $\\mathbf{b} = (0, 0, 1)$",
    "Use the determinant formula for the cross product.",
    ["\\begin{pmatrix}1\\\\0\\\\-4\\end{pmatrix}", "\\langle 1,0,-4\\rangle", "(1,0,-4)"],
    [("reversed", "(-4, 0, 1)"), ("sign", "(1, 0, 4)"), ("sign", "(-1, 0, 4)")],
    ["4", "1"]),
 ],
 "complex": [
  I("3+4i", "the sum $z_1 + z_2$", "$z_1 = 1 + 6i$ and $z_2 = 2 - 2i$",
    "Add real parts and imaginary parts separately.",
    ["4i+3", "3 + 4i", "3+4\\,i", "(3+4i)"],
    [("conjugate", "3-4i"), ("swapped", "4+3i"), ("dropped_i", "3+4"), ("intermediate", "1+6i")],
    ["1", "6"]),
  I("-1 - 2i", "the product $i(-2 + i)$", "$i(-2 + i)$",
    "Distribute and use $i^2 = -1$.",
    ["-2i - 1", "-(1+2i)", "-1-2i"],
    [("conjugate", "-1+2i"), ("sign", "1-2i"), ("sign", "1+2i")],
    ["-2i", "i^2"]),
  I("\\frac{1}{2} + \\frac{\\sqrt{3}}{2}i", "the principal cube root of $-1$ with positive imaginary part", "$z^3 = -1$",
    "The cube roots of $-1$ lie at angles $\\pi/3$, $\\pi$, $5\\pi/3$.",
    ["\\frac{1+i\\sqrt{3}}{2}", "0.5 + \\frac{\\sqrt3}{2} i", "\\frac{\\sqrt{3}}{2}i + \\frac{1}{2}"],
    [("conjugate", "\\frac12 - \\frac{\\sqrt3}{2}i"), ("rounding", "0.5+0.87i"), ("swapped", "\\frac{\\sqrt{3}}{2} + \\frac{1}{2}i")],
    ["-1", "\\pi/3"]),
 ],
 "pm": [
  I("\\pm 3", "the solutions of $x^2 = 9$", "$x^2 = 9$",
    "Take the square root of both sides, remembering both signs.",
    ["3, -3", "\\{-3, 3\\}", "x = \\pm 3", "-3, 3"],
    [("one_root", "3"), ("one_root", "-3"), ("unrooted", "\\pm 9"), ("one_root", "x = 3")],
    ["9"]),
  I("x = \\pm\\sqrt{2}", "the roots of $x^2 - 2 = 0$", "$x^2 - 2 = 0$",
    "Add $2$ to both sides and take square roots.",
    ["\\pm\\sqrt2", "\\sqrt{2}, -\\sqrt{2}", "x=\\sqrt{2} \\text{ or } x=-\\sqrt{2}"],
    [("one_root", "\\sqrt{2}"), ("unrooted", "\\pm 2"), ("rounding", "\\pm 1.41")],
    ["2"]),
 ],
 "multiple_choice": [
  I("C", "the correct choice", "choices (A) 10, (B) 12, (C) 14, (D) 16",
    "Of the listed options, the computed value $14$ corresponds to one letter.",
    ["(C)", "\\text{(C)}", "Option C", "C) 14", "\\textbf{(C)}"],
    [("value_without_letter", "14"), ("wrong_letter", "B"), ("wrong_letter", "(D)"), ("wrong_letter", "\\text{(A)}")],
    ["12", "16"]),
  I("A", "the answer choice", "choices (A) $\\frac{1}{2}$, (B) $\\frac{1}{3}$, (C) $\\frac{2}{3}$, (D) $1$",
    "The value we compute, $\\frac12$, matches the first option.",
    ["(A)", "Option A", "A) \\frac{1}{2}", "\\text{(A) } \\frac12"],
    [("value_without_letter", "\\frac{1}{2}"), ("wrong_letter", "(C)"), ("wrong_letter", "B")],
    ["\\frac13", "\\frac23"]),
  I("E", "the correct option", "choices (A) 2 through (E) 6",
    "Counting the valid cases gives $6$, the last option.",
    ["(E)", "\\textbf{(E)}", "Option E", "E) 6"],
    [("value_without_letter", "6"), ("wrong_letter", "(D)"), ("wrong_letter", "A")],
    ["5", "2"]),
 ],
 "text": [
  I("\\text{Tuesday}", "the day of the week 15 days after Sunday", "15 days after a Sunday",
    "$15 = 2 \\cdot 7 + 1$, so we move one day past Sunday.",
    ["Tuesday", "tuesday", "\\textbf{Tuesday}", "TUESDAY"],
    [("off_by_one", "Wednesday"), ("off_by_one", "Monday"), ("intermediate", "Sunday")],
    ["15", "7"]),
  I("rhombus", "the quadrilateral with four equal sides and unequal diagonals", "four equal sides",
    "Four equal sides but no right angles rules out a square.",
    ["a rhombus", "\\text{Rhombus}", "A Rhombus", "the rhombus"],
    [("near", "rectangle"), ("near", "square"), ("near", "parallelogram")],
    ["4", "90"]),
  I("\\text{even}", "the parity of the sum of two odd numbers", "two odd numbers",
    "Write them as $2a+1$ and $2b+1$; the sum is $2(a+b+1)$.",
    ["even", "Even", "\\text{Even}", "an even"],
    [("opposite", "odd"), ("opposite", "\\text{odd}")],
    ["2a+1", "2b+1"]),
 ],
 "number_words": [
  I("105", "the total number of pages read", "35 pages per day for 3 days",
    "She reads $35$ pages each day for $3$ days.",
    ["one hundred and five", "one hundred five", "One hundred five", "one hundred and five pages"],
    [("near", "one hundred fifty"), ("near", "fifteen"), ("off_by_one", "one hundred four"), ("intermediate", "thirty-five")],
    ["35", "3"], ["35*3=105"]),
  I("42", "the number of students", "6 rows of 7 students",
    "There are $6$ rows with $7$ students in each.",
    ["forty-two", "forty two", "Forty-Two"],
    [("digit_swap", "twenty-four"), ("near", "forty"), ("intermediate", "seven")],
    ["6", "7"], ["6*7=42"]),
  I("\\text{twelve}", "the number of edges of a cube", "a cube",
    "A cube has $4$ edges on top, $4$ on the bottom and $4$ vertical ones.",
    ["12", "Twelve", "12 edges", "twelve"],
    [("near", "eight"), ("near", "6"), ("near", "twenty")],
    ["4", "8"], ["4*3=12"]),
 ],
 "radical_pi": [
  I("2\\sqrt{3}", "the length of the diagonal", "a rectangle with sides $\\sqrt{3}$ and $3$",
    "By Pythagoras the diagonal is $\\sqrt{3 + 9}$.",
    ["\\sqrt{12}", "2 \\sqrt 3", "\\sqrt{3} \\cdot 2", "2\\sqrt{3} \\approx 3.46"],
    [("swapped", "3\\sqrt{2}"), ("rounding", "3.46"), ("near", "\\sqrt{6}"), ("intermediate", "12")],
    ["3", "9"]),
  I("\\frac{\\pi}{4}", "the angle in radians", "$\\tan\\theta = 1$ in the first quadrant",
    "The first-quadrant angle with tangent $1$ is $45^\\circ$.",
    ["\\pi/4", "0.25\\pi", "\\frac{1}{4}\\pi", "\\dfrac{\\pi}{4}"],
    [("rounding", "0.785"), ("near", "\\frac{\\pi}{2}"), ("reciprocal", "\\frac{4}{\\pi}"), ("degrees_number", "45")],
    ["1", "45"]),
  I("9\\pi", "the area of the circle", "radius 3",
    "The area of a circle is $\\pi r^2$ with $r = 3$.",
    ["9 \\pi", "\\pi \\cdot 9", "9\\pi \\approx 28.27", "9\\,\\pi"],
    [("rounding", "28.27"), ("circumference", "6\\pi"), ("near", "3\\pi"), ("squared_twice", "81\\pi")],
    ["3", "r^2"]),
 ],
}

KINDS = list(ITEMS.keys())
NUMERIC_KINDS = {"integer", "decimal", "fraction", "mixed_number", "percent", "currency", "units",
                 "scientific", "million_billion", "number_words", "radical_pi"}

# ---------------------------------------------------------------------------
# Independent equivalence (the re-derivation route)
# ---------------------------------------------------------------------------
TRANS = standard_transformations + (implicit_multiplication_application, convert_xor, rationalize)
X, Y = sympy.symbols("x y")
LOCALS = {"x": X, "y": Y, "pi": sympy.pi, "sqrt": sympy.sqrt, "I": sympy.I, "oo": sympy.oo}

WORDNUM = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}


def words_to_int(s):
    toks = re.sub(r"[-]", " ", s.lower()).split()
    toks = [t for t in toks if t != "and"]
    if not toks:
        return None
    total, cur = 0, 0
    for t in toks:
        if t in WORDNUM:
            cur += WORDNUM[t]
        elif t in TENS:
            cur += TENS[t]
        elif t == "hundred":
            cur = (cur or 1) * 100
        elif t == "thousand":
            total += (cur or 1) * 1000
            cur = 0
        else:
            return None
    return total + cur


def brace_arg(s, i):
    """s[i] == '{' -> (content, index after closing)."""
    depth = 0
    for j in range(i, len(s)):
        if s[j] == "{":
            depth += 1
        elif s[j] == "}":
            depth -= 1
            if depth == 0:
                return s[i + 1:j], j + 1
    raise ValueError("unbalanced")


def unwrap_cmd(s, cmds):
    for c in cmds:
        while True:
            k = s.find("\\" + c + "{")
            if k < 0:
                break
            inner, end = brace_arg(s, k + len(c) + 1)
            s = s[:k] + inner + s[end:]
    return s


def clean(s):
    s = s.strip().replace("\\\\", "\x00")
    s = s.replace("\\$", "").replace("$", "").replace("\\left", "").replace("\\right", "").replace("\\displaystyle", "")
    s = unwrap_cmd(s, ["text", "mathrm", "textbf", "mathbf", "textrm", "operatorname"])
    s = s.replace("**", "")
    for a, b in [("\\,", " "), ("\\ ", " "), ("\\!", ""), ("\\;", " "), ("~", " "), ("{,}", ","),
                 ("\u2212", "-"), ("\u00d7", "\\times "), ("\u00b7", "\\cdot "), ("\u00bd", "(1/2)"),
                 ("\u00bc", "(1/4)"), ("\u00be", "(3/4)"), ("\u2153", "(1/3)"), ("\u2154", "(2/3)"),
                 ("\u03c0", "\\pi "), ("\u221e", "\\infty "), ("\u2264", "\\le "), ("\u2265", "\\ge "),
                 ("\u00b1", "\\pm "), ("\u00b2", "^2"), ("\\leq", "\\le"), ("\\geq", "\\ge"),
                 ("\\dfrac", "\\frac"), ("\\tfrac", "\\frac")]:
        s = s.replace(a, b)
    s = re.sub(r"\u221a(\d+|\w)", r"\\sqrt{\1}", s)
    s = re.sub(r"(\d)\s*\((\d)/(\d)\)", r"\1+(\2/\3)", s)
    s = re.sub(r"(\d) (\d{3})(?!\d)", r"\1\2", s)
    return re.sub(r"\s+", " ", s).strip().replace("\x00", "\\\\")


def latex_to_sympy_str(s):
    # \frac{a}{b}, \frac52
    s = re.sub(r"\\frac(\d)(\d)", r"\\frac{\1}{\2}", s)
    while "\\frac{" in s:
        k = s.find("\\frac{")
        a, e1 = brace_arg(s, k + 5)
        b, e2 = brace_arg(s, e1)
        s = s[:k] + "((" + a + ")/(" + b + "))" + s[e2:]
    s = re.sub(r"\\sqrt(\d)", r"\\sqrt{\1}", s)
    while "\\sqrt{" in s:
        k = s.find("\\sqrt{")
        a, e1 = brace_arg(s, k + 5)
        s = s[:k] + "sqrt(" + a + ")" + s[e1:]
    s = s.replace("\\sqrt ", "sqrt ")
    s = s.replace("\\times", "*").replace("\\cdot", "*").replace("\\pi", " pi ").replace("\\infty", " oo ")
    s = s.replace("{", "(").replace("}", ")")
    s = re.sub(r"(\d),(\d{3})", r"\1\2", s)
    s = re.sub(r"(\d),(\d{3})", r"\1\2", s)
    if "\\" in s:
        raise ValueError("leftover latex: " + s)
    return s


def sym(s, complex_ok=False):
    s = latex_to_sympy_str(s)
    if complex_ok:
        s = s.replace("sqrt", "\u00a7")
        s = re.sub(r"(?<![a-zA-Z])i(?![a-zA-Z])", " I ", s).replace("\u00a7", "sqrt")
    return parse_expr(s, local_dict=dict(LOCALS), transformations=TRANS)


UNIT_WORDS = r"(km|kilometers|m|meters|cm|min|minutes|hours|miles|mph|dollars|edges|pages|USD)"


def num(s):
    s = clean(s)
    s = re.split(r"\\approx|\u2248", s)[0].strip()
    s = re.sub(r"^[a-z]\s*=\s*", "", s)
    if s in ("\\infty", "+\\infty", "oo"):
        return sympy.oo
    if s in ("-\\infty", "-oo"):
        return -sympy.oo
    w = words_to_int(re.sub(r"\s+" + UNIT_WORDS + r"$", "", s))
    if w is not None:
        return sympy.Integer(w)
    s = s.replace("\\%", "").replace("%", "").replace("percent", "").replace("\\$", "").strip()
    s = re.sub(r"^" + UNIT_WORDS + r"\s+", "", s)
    s = re.sub(r"\s*" + UNIT_WORDS + r"(\^2)?$", "", s).strip()
    mult = 1
    m = re.match(r"^(.*?)\s*(million|billion)$", s)
    if m:
        s, mult = m.group(1), (10**6 if m.group(2) == "million" else 10**9)
    m = re.match(r"^(-?\d+)\s+(\d+)/(\d+)$", s)
    if m:
        a, b, c = (int(g) for g in m.groups())
        return sympy.Rational(a * c + b, c) * mult
    m = re.match(r"^(-?\d+)\s*\\frac\{(\d+)\}\{(\d+)\}$", s)
    if m:
        a, b, c = (int(g) for g in m.groups())
        return sympy.Rational(a * c + b, c) * mult
    m = re.match(r"^(-?[\d.]+)e(-?\d+)$", s)
    if m:
        return sympy.Rational(m.group(1)) * sympy.Rational(10) ** int(m.group(2)) * mult
    if re.search(r"[a-zA-Z]", re.sub(r"sqrt|pi|\\sqrt|\\pi|\\times|\\cdot|\\frac", "", s)):
        raise ValueError("letters in number: " + s)
    return sympy.nsimplify(sym(s)) * mult if False else sym(s) * mult


def eqnum(a, b):
    if a.has(sympy.oo, -sympy.oo, sympy.zoo) or b.has(sympy.oo, -sympy.oo, sympy.zoo):
        return a == b
    return sympy.simplify(a - b) == 0


def split_top(s, seps=(",",)):
    out, depth, cur = [], 0, ""
    i = 0
    while i < len(s):
        ch = s[i]
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        if depth == 0 and ch in seps:
            out.append(cur)
            cur = ""
        else:
            cur += ch
        i += 1
    out.append(cur)
    return [o.strip() for o in out if o.strip()]


def parse_tuple(s):
    s = clean(s)
    s = re.sub(r"^\([a-z, ]+\)\s*=\s*", "", s)
    m = re.match(r"^\\begin\{[pb]matrix\}(.*)\\end\{[pb]matrix\}$", s)
    if m:
        body = m.group(1)
        if "&" in body:
            raise ValueError("row vector/matrix")
        return tuple(num(p) for p in body.split("\\\\"))
    if s.startswith("\\langle") and s.endswith("\\rangle"):
        s = s[len("\\langle"):-len("\\rangle")]
    elif s.startswith("(") and s.endswith(")"):
        s = s[1:-1]
    else:
        raise ValueError("not a tuple: " + s)
    return tuple(num(p) for p in split_top(s))


def parse_system(s):
    c = clean(s)
    if "=" not in re.sub(r"^\([a-z, ]+\)\s*=", "", c):
        return parse_tuple(c)
    if re.match(r"^\([a-z, ]+\)\s*=", c):
        return parse_tuple(c)
    parts = [p for p in re.split(r",|\band\b", c) if p.strip()]
    d = {}
    for p in parts:
        v, e = p.split("=")
        d[v.strip()] = num(e)
    return tuple(d[k] for k in sorted(d))


def parse_set(s):
    c = clean(s)
    c = c.replace("\\{", "{").replace("\\}", "}")
    if c.startswith("{") and c.endswith("}"):
        c = c[1:-1]
    elif c.startswith("(") or c.startswith("["):
        raise ValueError("not a set")
    parts = [p for p in re.split(r",|\bor\b", c) if p.strip()]
    vals = [num(p) for p in parts]
    uniq = []
    for v in vals:
        if not any(eqnum(v, u) for u in uniq):
            uniq.append(v)
    return uniq


def set_eq(a, b):
    return len(a) == len(b) and all(any(eqnum(x, y) for y in b) for x in a)


def parse_pm(s):
    c = clean(s)
    c = re.sub(r"^x\s*=\s*", "", c)
    if c.startswith("\\pm"):
        v = num(c[3:])
        return [v, -v]
    c = c.replace("x=", "").replace("x =", "")
    return parse_set(c)


def parse_intervals(s):
    c = clean(s)
    c = c.replace("\\cup", "U")
    if "x" in c:
        pieces = [p.strip() for p in re.split(r"\bor\b", c)]
        out = []
        for p in pieces:
            toks = re.split(r"\s*(\\le|\\ge|<|>)\s*", p)
            if len(toks) == 3:
                a, op, b = toks
                if a == "x":
                    v = num(b)
                    iv = {"<": ("(", -sympy.oo, v, ")"), "\\le": ("(", -sympy.oo, v, "]"),
                          ">": ("(", v, sympy.oo, ")"), "\\ge": ("[", v, sympy.oo, ")")}[op]
                elif b == "x":
                    v = num(a)
                    iv = {">": ("(", -sympy.oo, v, ")"), "\\ge": ("(", -sympy.oo, v, "]"),
                          "<": ("(", v, sympy.oo, ")"), "\\le": ("[", v, sympy.oo, ")")}[op]
                else:
                    raise ValueError("bad ineq")
            elif len(toks) == 5 and toks[2] == "x":
                a, op1, _, op2, b = toks
                va, vb = num(a), num(b)
                if op1 in ("<", "\\le") and op2 in ("<", "\\le"):
                    iv = ("[" if op1 == "\\le" else "(", va, vb, "]" if op2 == "\\le" else ")")
                elif op1 in (">", "\\ge") and op2 in (">", "\\ge"):
                    iv = ("[" if op2 == "\\ge" else "(", vb, va, "]" if op1 == "\\ge" else ")")
                else:
                    raise ValueError("mixed ineq")
            else:
                raise ValueError("bad ineq: " + p)
            out.append(iv)
    else:
        out = []
        for p in c.split("U"):
            p = p.strip()
            if p[0] not in "([" or p[-1] not in ")]":
                raise ValueError("bad interval")
            a, b = split_top(p[1:-1])
            out.append((p[0], num(a), num(b), p[-1]))
    return sorted(out, key=lambda t: (float(t[1]) if t[1] != -sympy.oo else -1e18))


def iv_eq(a, b):
    return len(a) == len(b) and all(x[0] == y[0] and x[3] == y[3] and eqnum(x[1], y[1]) and eqnum(x[2], y[2])
                                    for x, y in zip(a, b))


def parse_matrix(s):
    c = clean(s)
    m = re.match(r"^\(?\\begin\{(pmatrix|bmatrix|array)\}(\{[a-z]+\})?(.*)\\end\{(pmatrix|bmatrix|array)\}\)?$", c)
    if m:
        rows = [r for r in m.group(3).split("\\\\")]
        return tuple(tuple(num(e) for e in r.split("&")) for r in rows)
    if c.startswith("[[") and c.endswith("]]"):
        rows = split_top(c[1:-1])
        return tuple(tuple(num(e) for e in split_top(r[1:-1])) for r in rows)
    raise ValueError("bad matrix")


def parse_equation(s):
    c = clean(s)
    l, r = c.split("=")
    return sym(l) - sym(r)


def parse_clock(s):
    c = clean(s).lower().replace(".", "")
    m = re.match(r"^(\d{1,2}):(\d{2})\s*(am|pm)?$", c)
    if not m:
        raise ValueError("bad clock")
    h, mi, mer = int(m.group(1)), int(m.group(2)), m.group(3)
    if mer == "pm" and h != 12:
        h += 12
    if mer == "am" and h == 12:
        h = 0
    return (h, mi)


def parse_mc(s):
    c = clean(s)
    m = re.match(r"^(?:Option\s+)?\(?([A-E])\)?(?:\s*.*)?$", c)
    if m and (len(c) == 1 or c.startswith("(") or c.startswith("Option") or re.match(r"^[A-E]\)", c)):
        return m.group(1)
    return None


def norm_text(s):
    c = clean(s).lower()
    c = re.sub(r"[^a-z ]", "", c)
    toks = [t for t in c.split() if t not in ("a", "an", "the")]
    return " ".join(toks)


def equiv(kind, reply_final, gold):
    """Return True/False, or raise on parse failure."""
    if kind in NUMERIC_KINDS:
        if kind == "text":
            pass
        return eqnum(num(reply_final), num(gold))
    if kind == "expression":
        return sympy.simplify(sym(clean(reply_final)) - sym(clean(gold))) == 0
    if kind == "equation":
        a, b = parse_equation(reply_final), parse_equation(gold)
        q = sympy.simplify(a / b)
        return q.is_number and q != 0
    if kind == "system":
        a, b = parse_system(reply_final), parse_system(gold)
        return len(a) == len(b) and all(eqnum(p, q) for p, q in zip(a, b))
    if kind in ("tuple", "ordered_pair", "vector"):
        c = clean(reply_final)
        if c.startswith("\\{"):
            return False
        a, b = parse_tuple(reply_final), parse_tuple(gold)
        return len(a) == len(b) and all(eqnum(p, q) for p, q in zip(a, b))
    if kind == "set":
        return set_eq(parse_set(reply_final), parse_set(gold))
    if kind == "pm":
        return set_eq(parse_pm(reply_final), parse_pm(gold))
    if kind in ("interval", "inequality"):
        return iv_eq(parse_intervals(reply_final), parse_intervals(gold))
    if kind == "matrix":
        a, b = parse_matrix(reply_final), parse_matrix(gold)
        return len(a) == len(b) and all(len(r) == len(t) and all(eqnum(p, q) for p, q in zip(r, t)) for r, t in zip(a, b))
    if kind == "complex":
        a = sym(clean(reply_final), complex_ok=True)
        b = sym(clean(gold), complex_ok=True)
        return sympy.simplify(sympy.expand(a - b)) == 0
    if kind == "clock_time":
        return parse_clock(reply_final) == parse_clock(gold)
    if kind == "multiple_choice":
        la, lb = parse_mc(reply_final), parse_mc(gold)
        if lb is None:
            raise ValueError("gold mc")
        return la == lb
    if kind == "text":
        return norm_text(reply_final) == norm_text(gold)
    raise ValueError(kind)


# ---------------------------------------------------------------------------
# Rendering helpers
# ---------------------------------------------------------------------------

def is_latexy(s):
    return bool(re.search(r"\\|\^|_", s)) and not s.startswith("$")


def ms(s):
    """Make a final string safe inside math mode (escape bare dollar signs)."""
    return re.sub(r"(?<!\\)\$", r"\\$", s)


def m(s):
    """Inline math wrap for latex-ish strings."""
    if is_latexy(s) and "$" not in s:
        return "$" + s + "$"
    return s


def to_unicode(s):
    t = s.replace("\\left", "").replace("\\right", "").replace("\\$", "$")
    t = unwrap_cmd(t, ["text", "textbf", "mathrm"])
    t = re.sub(r"\\[dt]?frac\{1\}\{2\}", "\u00bd", t)
    t = re.sub(r"\\frac12", "\u00bd", t)
    t = re.sub(r"\\[dt]?frac\{(\\pi)\}\{(\d+)\}", "\u03c0/\\2", t)
    t = re.sub(r"(\d)\s*\\[dt]?frac", r"\1 \\frac", t)
    t = re.sub(r"\\[dt]?frac\{([^{}]+)\}\{([^{}]+)\}",
               lambda mm: (mm.group(1) if re.fullmatch(r"\w+", mm.group(1)) else "(" + mm.group(1) + ")") + "/" +
               (mm.group(2) if re.fullmatch(r"\w+", mm.group(2)) else "(" + mm.group(2) + ")"), t)
    t = re.sub(r"\\sqrt\{(\w+)\}", "\u221a\\1", t)
    t = re.sub(r"\\sqrt(\d)", "\u221a\\1", t)
    t = t.replace("\\pi", "\u03c0").replace("\\times", "\u00d7").replace("\\cdot", "\u00b7")
    t = t.replace("\\leq", "\u2264").replace("\\geq", "\u2265")
    t = t.replace("\\le", "\u2264").replace("\\ge", "\u2265").replace("\\infty", "\u221e").replace("\\pm", "\u00b1")
    t = t.replace("^2", "\u00b2").replace("^{2}", "\u00b2")
    t = re.sub(r"(?<![\w)])-(?=[\d\u221a\u03c0\w(])", "\u2212", t)
    t = t.replace(" - ", " \u2212 ")
    return t


OPENERS = ["Let's work through this.", "We need to find {subj}.", "Here is the reasoning.",
           "To solve this, start from what is given: {given}.", "Let me set this up carefully.",
           "Okay, let's go step by step.", "We are given {given}.", "First, note what the question asks: {subj}."]
SLIPS = ["misread one of the given values", "dropped a sign", "added where I should have multiplied",
         "forgot to carry", "made an arithmetic slip in the second step", "used the wrong formula"]


def working(rng, it, extra=""):
    op = rng.choice(OPENERS).format(subj=it["subj"], given=it["given"])
    inter = it["inter"]
    s = op + " " + it["work"]
    if len(inter) == 1 and rng.random() < 0.7:
        s += " The key given value is " + m(inter[0]) + "."
    elif inter and rng.random() < 0.7:
        s += " " + rng.choice(["Along the way the key quantities are {a} and {b}.",
                               "Note the intermediate values {a} and {b}.",
                               "The numbers that matter here are {a} and {b}."]).format(
            a=m(inter[0]), b=m(inter[-1]))
    if extra:
        s += " " + extra
    return s


# Phrasings: name -> (function(F, rng, it, W) -> text, flags)
# flags: 'ctx' supports working text; 'label' is a labelled final

def ph_bare(F, rng, it, W):
    return F

def ph_boxed_inline(F, rng, it, W):
    return W + "\n\nTherefore, the answer is $\\boxed{" + ms(F) + "}$."

def ph_boxed_display(F, rng, it, W):
    return W + "\n\nHence\n\\[\n\\boxed{" + ms(F) + "}\n\\]"

def ph_hash(F, rng, it, W):
    return W + "\n#### " + F

def ph_the_answer_is(F, rng, it, W):
    return W + " The answer is " + m(F) + "."

def ph_final_answer_colon(F, rng, it, W):
    return W + "\n\nFinal answer: " + m(F)

def ph_answer_colon(F, rng, it, W):
    return W + "\n\nAnswer: " + F

def ph_bold_final(F, rng, it, W):
    return W + "\n\n**" + m(F) + "**"

def ph_bold_mid(F, rng, it, W):
    return W + " That gives **" + m(F) + "** as the result, which is consistent with everything stated in the problem."

def ph_conclude(F, rng, it, W):
    return W + " So " + it["subj"] + " is " + m(F) + "."

def ph_heading(F, rng, it, W):
    return W + "\n\n**Final Answer**\n\n" + m(F)

def ph_md_heading(F, rng, it, W):
    return W + "\n\n## Final Answer\n" + m(F)

def ph_table(F, rng, it, W):
    rows = "| Quantity | Value |\n|---|---|\n"
    for v in it["inter"][:2]:
        rows += "| given / intermediate | " + m(v) + " |\n"
    rows += "| **Answer** | " + m(F) + " |"
    return W + "\n\n" + rows

def ph_numbered(F, rng, it, W):
    return ("1. Identify what is asked: " + it["subj"] + ".\n2. " + W + "\n3. Therefore, the answer is " + m(F) + ".")

def ph_dollars_display(F, rng, it, W):
    return W + " Putting it all together,\n$$" + ms(F) + "$$"

def ph_bracket_display(F, rng, it, W):
    return W + " Thus\n\\[ " + ms(F) + " \\]"

def ph_unicode(F, rng, it, W):
    W2 = W.replace("\\$", "\x01").replace("$", "").replace("\x01", "$")
    return to_unicode(W2) + "\n\nSo the answer is " + to_unicode(F) + "."

def ph_restated(F, rng, it, W):
    return W + "\n\n**Result:** " + m(F) + ". Stated once more in words: the answer is " + m(F) + "."

def ph_question_end(F, rng, it, W):
    return W + " So the answer is $\\boxed{" + ms(F) + "}$. Would you like me to walk through a similar example?"

def ph_signoff(F, rng, it, W):
    return W + "\n\nAnswer: " + m(F) + "\n\nHope this helps! Let me know if anything is unclear."

def ph_therefore(F, rng, it, W):
    return W + "\n\n\u2234 " + m(F)

def ph_arrow(F, rng, it, W):
    return W + "\n\n$\\Rightarrow$ the final value is " + m(F) + "."

def ph_quote(F, rng, it, W):
    return W + "\n\n> **Answer:** " + m(F)

def ph_we_get(F, rng, it, W):
    return W + " Combining everything, we get " + m(F) + " for " + it["subj"] + ", and that is what the question asks for."

PHRASINGS = [
    ("bare_value", ph_bare, set()),
    ("boxed_inline", ph_boxed_inline, {"ctx"}),
    ("boxed_display", ph_boxed_display, {"ctx", "label"}),
    ("gsm8k_hash", ph_hash, {"ctx", "label"}),
    ("the_answer_is", ph_the_answer_is, {"ctx"}),
    ("final_answer_colon", ph_final_answer_colon, {"ctx", "label"}),
    ("answer_colon", ph_answer_colon, {"ctx", "label"}),
    ("bold_final_line", ph_bold_final, {"ctx"}),
    ("bold_mid_sentence", ph_bold_mid, {"ctx"}),
    ("concluding_sentence", ph_conclude, {"ctx"}),
    ("final_answer_bold_heading", ph_heading, {"ctx", "label"}),
    ("final_answer_md_heading", ph_md_heading, {"ctx", "label"}),
    ("table_answer_row", ph_table, {"ctx", "label"}),
    ("numbered_steps", ph_numbered, {"ctx"}),
    ("display_dollars", ph_dollars_display, {"ctx"}),
    ("display_brackets", ph_bracket_display, {"ctx"}),
    ("unicode_math", ph_unicode, {"ctx"}),
    ("restated_twice", ph_restated, {"ctx"}),
    ("ends_with_question", ph_question_end, {"ctx"}),
    ("signoff", ph_signoff, {"ctx", "label"}),
    ("therefore_symbol", ph_therefore, {"ctx"}),
    ("implies_arrow", ph_arrow, {"ctx"}),
    ("blockquote_answer", ph_quote, {"ctx", "label"}),
    ("we_get_midsentence", ph_we_get, {"ctx"}),
]
PH = {n: (f, fl) for n, f, fl in PHRASINGS}

# Distractors: name -> label; effective final recorded for re-derivation
DISTRACTORS = [
    ("none", True), ("equiv_form", True), ("near_miss", False), ("intermediate_final", False),
    ("hypothetical_after", True), ("near_miss", False), ("gold_in_working_wrong_final", False),
    ("restate_question_after", True), ("hedge", False), ("self_correct_to_gold", True),
    ("near_miss", False), ("two_finals", False), ("check_after", True), ("self_correct_away", False),
    ("labelled_final_overrides", True), ("labelled_final_wrong", False), ("equiv_form", True),
    ("near_miss", False),
]
NEEDS_CTX = {"intermediate_final": False}


def pick_near(rng, it, kind):
    nm = it["nm"]
    return rng.choice(nm)


def build(rng, kind, it, pname, dname):
    """Return (reply, correct, effective_final or None, why, near_label)"""
    f, flags = PH[pname]
    gold = it["gold"]
    nl, near = pick_near(rng, it, kind)
    eq = rng.choice(it["eq"])
    inter_vals = [v for v in it["inter"]]
    if dname == "none":
        W = working(rng, it) if "ctx" in flags else ""
        return f(gold, rng, it, W), True, gold, "final answer is the gold string itself", None
    if dname == "equiv_form":
        W = working(rng, it) if "ctx" in flags else ""
        return f(eq, rng, it, W), True, eq, "final answer %r is an equivalent form of the gold" % eq, None
    if dname == "near_miss":
        W = working(rng, it) if "ctx" in flags else ""
        return f(near, rng, it, W), False, near, "final answer %r is a near miss (%s)" % (near, nl), nl
    if dname == "intermediate_final":
        iv = [n for l, n in it["nm"] if l == "intermediate"]
        val = iv[0] if iv else near
        W = working(rng, it) if "ctx" in flags else ""
        return f(val, rng, it, W), False, val, "final answer %r is an intermediate/wrong value, not the gold" % val, "intermediate"
    # the rest need context
    if "ctx" not in flags:
        return None
    if dname == "hypothetical_after":
        W = working(rng, it)
        tail = rng.choice([
            "\n\n(If the problem had used different numbers, for instance if we had misread the data, we would get " + m(near) + " instead, but that is not the case here.)",
            "\n\nAs an aside: if we had made the common mistake at the last step, we would have gotten " + m(near) + ".",
            "\n\nNote that if the question had asked for something slightly different, the result would be " + m(near) + "; here it does not."])
        return f(gold, rng, it, W) + tail, True, gold, "gold is final; later hypothetical mention of %r does not change it" % near, nl
    if dname == "restate_question_after":
        W = working(rng, it)
        tail = rng.choice(["\n\nTo recap, the problem gave us " + it["given"] + ".",
                           "\n\n(Recall the given data: " + it["given"] + ".)",
                           "\n\nThis is based on " + it["given"] + ", as stated in the question."])
        return f(gold, rng, it, W) + tail, True, gold, "gold is final; restating the question's data afterwards does not change it", None
    if dname == "check_after":
        W = working(rng, it)
        tail = rng.choice(["\n\nCheck: substituting this back into the original conditions works out. \u2713",
                           "\n\nQuick sanity check: a second method gives the same value, " + m(eq) + ", so we are confident.",
                           "\n\nVerification: every given condition is satisfied."])
        return f(gold, rng, it, W) + tail, True, gold, "gold is final; the check afterwards agrees", None
    if dname == "gold_in_working_wrong_final":
        W = working(rng, it, extra=rng.choice([
            "At first it looks like the result is " + m(gold) + ", but we still need one more adjustment.",
            "A quick estimate suggests " + m(gold) + "; let's refine it.",
            "One might think the answer is " + m(gold) + ", but that ignores part of the setup."]))
        return f(near, rng, it, W), False, near, "gold appears only in the working; the final answer is %r (%s)" % (near, nl), nl
    if dname == "hedge":
        W = working(rng, it)
        opts = [
            (f(gold, rng, it, W) + " Or possibly " + m(near) + ", depending on how the question is read."),
            (W + " So the answer is either " + m(gold) + " or " + m(near) + "."),
            (f(gold, rng, it, W) + "\n\nHmm, though it could also be " + m(near) + "; I can't decide between the two."),
            (W + " The answer is " + m(near) + " or possibly " + m(gold) + "."),
        ]
        return rng.choice(opts), False, None, "hedged between %r and %r: no single final answer" % (gold, near), nl
    if dname == "two_finals":
        W = working(rng, it)
        if rng.random() < 0.5:
            r = (f(gold, rng, it, W) + "\n\nHowever, recomputing a different way, I get " + m(near) +
                 ". I'm not sure which of these two results is right.")
        else:
            r = ("Method 1: " + it["work"] + " This gives " + m(near) + ".\n\nMethod 2: a different approach gives " +
                 m(gold) + ".\n\nBoth methods seem valid, so the answer is " + m(near) + " by the first and " + m(gold) + " by the second.")
        return r, False, None, "two different final answers (%r, %r) without a correction" % (gold, near), nl
    if dname == "self_correct_to_gold":
        W = working(rng, it)
        r = (W + " This gives " + m(near) + ".\n\n" + rng.choice([
            "Wait, that's wrong \u2014 I " + rng.choice(SLIPS) + ". Redoing that step properly:",
            "Hold on, let me recheck. I " + rng.choice(SLIPS) + ". Correcting it:",
            "Correction: I " + rng.choice(SLIPS) + " above. Fixing it:"]))
        return f(gold, rng, "", "") if False else f(gold, rng, it, r), True, gold, \
            "explicit self-correction from %r to the gold" % near, nl
    if dname == "self_correct_away":
        W = working(rng, it)
        tail = rng.choice([
            "\n\nWait, that's wrong \u2014 I " + rng.choice(SLIPS) + ". Actually, the answer is " + m(near) + ".",
            "\n\nCorrection: I " + rng.choice(SLIPS) + "; the correct answer is " + m(near) + ".",
            "\n\nHmm, no. Re-examining, I " + rng.choice(SLIPS) + ", so it should be " + m(near) + " instead."])
        return f(gold, rng, it, W) + tail, False, near, "gold stated first, then explicitly corrected to %r" % near, nl
    if dname in ("labelled_final_overrides", "labelled_final_wrong"):
        if "label" not in flags:
            return None
        a, b = (near, gold) if dname == "labelled_final_overrides" else (gold, near)
        W = working(rng, it, extra="Working this through, it looks like it comes out to " + m(a) + ".")
        ok = dname == "labelled_final_overrides"
        return f(b, rng, it, W), ok, b, ("working suggested %r but the labelled final answer is %r" % (a, b)), nl
    raise ValueError(dname)


# ---------------------------------------------------------------------------
# Realistic free-form styles (~20%)
# ---------------------------------------------------------------------------

def calc_lines(it):
    out = []
    for c in it["calc"]:
        lhs, rhs = c.split("=")
        out.append(lhs.replace("*", " \u00d7 ") + " = <<" + c + ">>" + rhs)
    return out


def style_gpt(rng, it, F, pre, post):
    s = ("## Step 1: Understand the problem\n\nWe need to find " + it["subj"] + ". We are given " + it["given"] + ".\n\n"
         "## Step 2: Set up the computation\n\n- " + it["work"] + "\n- Key values: " + ", ".join(m(v) for v in it["inter"]) + "\n\n"
         + pre + "## Step 3: Conclusion\n\nPutting it together:\n\n$$\\boxed{" + ms(F) + "}$$\n\n" + rng.choice([
             "**Summary:** the requested quantity is computed above.", "Let me know if you'd like a more detailed breakdown!",
             "This completes the solution."]) + post)
    return s


def style_claude(rng, it, F, pre, post):
    return ("I'll work through this carefully. We're looking for " + it["subj"] + ", and we know " + it["given"] + ".\n\n"
            + it["work"] + " " + pre + "\n\nSo the answer is **" + m(F) + "**." + post)


def style_r1(rng, it, F, pre, post, think_extra=""):
    return ("<think>\nOkay, so I need to find " + it["subj"] + ". The problem gives " + it["given"] + ". "
            + it["work"] + " Hmm, let me double-check that. " + think_extra + " Yeah, I think that's it.\n</think>\n\n"
            + pre + "The answer is $\\boxed{" + ms(F) + "}$." + post)


def style_qwen(rng, it, F, pre, post):
    return ("To find " + it["subj"] + ", we proceed as follows.\n\n1. We are given " + it["given"] + ".\n2. " + it["work"]
            + "\n\n" + pre + "**Final Answer**\n\\[\n\\boxed{" + ms(F) + "}\n\\]" + post)


def style_llama(rng, it, F, pre, post):
    return pre + it["work"] + " The answer is " + m(F) + "." + post


def style_minerva(rng, it, F, pre, post):
    return (it["work"] + " " + pre + "\nFinal Answer: The final answer is $" + ms(F) + "$. I hope it is correct." + post)


def style_gsm8k(rng, it, F, pre, post):
    lines = calc_lines(it) or [it["work"]]
    return "\n".join(lines) + ("\n" + pre.strip() if pre.strip() else "") + "\n#### " + F + post


STYLES = [("gpt_markdown", style_gpt), ("claude_prose", style_claude), ("deepseek_r1_think", style_r1),
          ("qwen_final_answer_boxed", style_qwen), ("llama_terse", style_llama), ("minerva_final_answer", style_minerva),
          ("gsm8k_calc_hash", style_gsm8k)]
REAL_DISTRACTORS = ["none", "equiv_form", "near_miss", "self_correct_to_gold", "self_correct_away", "hedge",
                    "hypothetical_after", "near_miss", "wrong_attempt_in_think", "gold_in_working_wrong_final"]


def build_real(rng, kind, it, sname, sfun, dname):
    gold = it["gold"]
    nl, near = pick_near(rng, it, kind)
    eq = rng.choice(it["eq"])
    if sname == "gsm8k_calc_hash":
        F_g = gold
    if dname == "wrong_attempt_in_think":
        if sname != "deepseek_r1_think":
            return None
        think = ("Wait, at first I got " + m(near) + ", but that used the wrong step. Redo: it's " + m(gold) + ".")
        return style_r1(rng, it, gold, "", "", think), True, gold, "wrong attempt %r only inside <think>; final after think is gold" % near, nl
    if dname == "none":
        return sfun(rng, it, gold, "", ""), True, gold, "realistic reply whose final answer is the gold", None
    if dname == "equiv_form":
        return sfun(rng, it, eq, "", ""), True, eq, "realistic reply whose final %r is equivalent to the gold" % eq, None
    if dname == "near_miss":
        return sfun(rng, it, near, "", ""), False, near, "realistic reply with near-miss final %r (%s)" % (near, nl), nl
    if dname == "gold_in_working_wrong_final":
        pre = "A first pass gives " + m(gold) + ", but I need to account for one more detail. "
        return sfun(rng, it, near, pre, ""), False, near, "gold only in the working; final is %r" % near, nl
    if dname == "self_correct_to_gold":
        pre = ("My first computation gave " + m(near) + ". Wait, that's wrong \u2014 I " + rng.choice(SLIPS) +
               ". Redoing it correctly. ")
        return sfun(rng, it, gold, pre, ""), True, gold, "self-correction from %r to the gold" % near, nl
    if dname == "self_correct_away":
        post = "\n\nWait, that's wrong. I " + rng.choice(SLIPS) + ". Actually, the correct answer is " + m(near) + "."
        return sfun(rng, it, gold, "", post), False, near, "gold then explicit correction to %r" % near, nl
    if dname == "hedge":
        post = "\n\nThat said, it could also be " + m(near) + " if the problem is read differently \u2014 I'm not certain which."
        return sfun(rng, it, gold, "", post), False, None, "hedged between gold and %r" % near, nl
    if dname == "hypothetical_after":
        post = "\n\n(If we had forgotten the last step, we would get " + m(near) + ", which is a common mistake.)"
        return sfun(rng, it, gold, "", post), True, gold, "gold final; hypothetical %r afterwards" % near, nl
    raise ValueError(dname)


# ---------------------------------------------------------------------------

def main(out_path):
    rng = random.Random(SEED)
    rows = []
    seen = set()
    dropped = []

    def add(kind, pname, dname, gold, reply, correct, eff, why):
        if reply in seen:
            return False
        reply = reply.replace("p.m..", "p.m.").replace("a.m..", "a.m.").replace("P.M..", "P.M.")
        if pname == "unicode_math" and eff is not None:
            eff = to_unicode(eff)
        # independent re-derivation
        try:
            rederived = False if eff is None else bool(equiv(kind, eff, gold))
        except Exception as e:  # parse failure -> cannot confirm -> drop
            dropped.append((kind, pname, dname, eff, "parse: %s" % e))
            return False
        if rederived != correct:
            dropped.append((kind, pname, dname, eff, "label disagreement"))
            return False
        seen.add(reply)
        rows.append(dict(kind=kind, phrasing=pname, distractor=dname, gold=gold, reply=reply,
                         correct=correct, why=why))
        return True

    for kind in KINDS:
        items = ITEMS[kind]
        # mandatory: gold as whole reply, gold boxed
        for it in items:
            add(kind, "bare_value", "none", it["gold"], it["gold"], True, it["gold"], "reply is exactly the gold string")
            add(kind, "boxed_only", "none", it["gold"], "$\\boxed{" + it["gold"] + "}$", True, it["gold"],
                "reply is the gold inside \\boxed{}")
        # grid
        off = KINDS.index(kind)
        for pi, (pname, _f, flags) in enumerate(PHRASINGS):
            got = 0
            tries = 0
            k = (pi * 3 + off) % len(DISTRACTORS)
            while got < 3 and tries < 40:
                dname, _lab = DISTRACTORS[k % len(DISTRACTORS)]
                k += 1
                tries += 1
                it = items[rng.randrange(len(items))]
                res = build(rng, kind, it, pname, dname)
                if res is None:
                    continue
                reply, correct, eff, why, _nl = res
                if add(kind, pname, dname, it["gold"], reply, correct, eff, why):
                    got += 1
        # realistic
        styles = [s for s in STYLES if not (s[0] == "gsm8k_calc_hash" and kind not in NUMERIC_KINDS)]
        for si, (sname, sfun) in enumerate(styles):
            got, tries = 0, 0
            k = (si * 3 + off) % len(REAL_DISTRACTORS)
            while got < 3 and tries < 40:
                dname = REAL_DISTRACTORS[k % len(REAL_DISTRACTORS)]
                k += 1
                tries += 1
                it = items[rng.randrange(len(items))]
                res = build_real(rng, kind, it, sname, sfun, dname)
                if res is None:
                    continue
                reply, correct, eff, why, _nl = res
                if add(kind, sname, dname, it["gold"], reply, correct, eff, why):
                    got += 1

    order = list(range(len(rows)))
    rng.shuffle(order)
    with open(out_path, "w", encoding="utf-8") as fh:
        for n, idx in enumerate(order):
            r = rows[idx]
            rec = {"id": "mh4-%05d" % n, "split": SPLIT, "kind": r["kind"], "phrasing": r["phrasing"],
                   "distractor": r["distractor"], "gold": r["gold"], "reply": r["reply"],
                   "correct": r["correct"], "why": r["why"]}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    if os.environ.get("MH4_VERBOSE"):
        sys.stderr.write("rows=%d dropped=%d\n" % (len(rows), len(dropped)))
        for d in dropped:
            sys.stderr.write("DROP %r\n" % (d,))


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "math_heldout4_2026-12-02.jsonl"))
