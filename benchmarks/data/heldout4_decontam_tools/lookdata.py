# Look-alike variants: (item, description, code, tags, extra_inputs)
# code keeps the item's entry-point name and parameters unless tag 'different_name'.
V = []
def v(n, desc, code, tags=(), extra=()):
    V.append((n, desc, code, list(tags), list(extra)))

# ---------- candidates meant to pass the item's own check (verified, tagged only if they do)
v(0, "Check if in given list of numbers, are any two numbers at most the given threshold apart (a distance equal to the threshold counts).", '''def has_close_elements(numbers, threshold):
    for idx, elem in enumerate(numbers):
        for idx2, elem2 in enumerate(numbers):
            if idx != idx2:
                distance = abs(elem - elem2)
                if distance <= threshold:
                    return True
    return False
''', ["pass_cand", "reused_skeleton"], [([1.0, 2.0], 1.0), ([0.5, 1.0, 3.0], 0.5)])
v(23, "Return the number of non-space characters in the given string.", '''def strlen(string):
    return len(string.replace(' ', ''))
''', ["pass_cand"], [("a b",), ("  ",)])
v(28, "Concatenate the strings of the list, skipping any string that already appeared earlier in the list.", '''def concatenate(strings):
    seen = []
    for s in strings:
        if s not in seen:
            seen.append(s)
    return ''.join(seen)
''', ["pass_cand"], [(["a", "a"],), (["x", "y", "x"],)])
v(35, "Return the element of the list with the largest absolute value (first one on ties).", '''def max_element(l):
    m = l[0]
    for e in l:
        if abs(e) > abs(m):
            m = e
    return m
''', ["pass_cand", "reused_skeleton"], [([-7, 2],), ([-10, 3, 9],)])
v(42, "Return list where non-negative elements are incremented by 1 and negative elements are left unchanged.", '''def incr_list(l):
    return [(e + 1) if e >= 0 else e for e in l]
''', ["pass_cand", "reused_skeleton"], [([-1, 0],), ([-5, 3],)])
v(53, "Add two numbers x and y, but cap the result at 2000 (saturating addition).", '''def add(x, y):
    return min(x + y, 2000)
''', ["pass_cand"], [(1500, 800), (2000, 1)])
v(60, "sum_to_n returns the signed triangular number: 1+...+n for n >= 0 and -(1+...+|n|) for negative n.", '''def sum_to_n(n):
    s = sum(range(abs(n) + 1))
    return s if n >= 0 else -s
''', ["pass_cand"], [(-3,), (-1,)])
v(15, "Return a string of space-delimited numbers counting from 0 to n inclusive; for negative n count downwards from 0 to n.", '''def string_sequence(n):
    step = 1 if n >= 0 else -1
    return ' '.join(str(x) for x in range(0, n + step, step))
''', ["pass_cand"], [(-2,), (-4,)])
v(27, "For a given string, flip the case of every letter and replace every digit with '#'.", '''def flip_case(string):
    return ''.join('#' if ch.isdigit() else ch.swapcase() for ch in string)
''', ["pass_cand"], [("a1",), ("R2D2",)])
v(48, "Checks if given string is a palindrome when case and spaces are ignored.", '''def is_palindrome(text):
    t = text.replace(' ', '').lower()
    return t == t[::-1]
''', ["pass_cand"], [("Aba",), ("a b a",), ("Never odd or even",)])
v(51, "remove_vowels takes a string and returns it without vowels and without decimal digits.", '''def remove_vowels(text):
    return "".join([s for s in text if s.lower() not in ["a", "e", "i", "o", "u"] and not s.isdigit()])
''', ["pass_cand", "reused_skeleton"], [("a1b2",), ("x9",)])
v(52, "Return True if all numbers in the list l are below threshold t and no number occurs twice.", '''def below_threshold(l, t):
    if len(set(l)) != len(l):
        return False
    for e in l:
        if e >= t:
            return False
    return True
''', ["pass_cand", "reused_skeleton"], [([1, 1], 5), ([3, 3, 2], 10)])
v(55, "Return the last three digits (value modulo 1000) of the n-th Fibonacci number.", '''def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, (a + b) % 1000
    return a
''', ["pass_cand"], [(17,), (20,)])
v(34, "Return the sorted distinct non-negative elements of a list (negative values are dropped).", '''def unique(l):
    return sorted(set(e for e in l if e >= 0))
''', ["pass_cand"], [([-1, 2, 2],), ([-3, -3],)])
v(58, "Return the sorted multiset intersection of two lists: a value shared k times by both lists appears k times.", '''from collections import Counter

def common(l1, l2):
    c = Counter(l1) & Counter(l2)
    return sorted(c.elements())
''', ["pass_cand"], [([2, 2], [2, 2]), ([1, 1, 3], [1, 1, 1])])
v(7, "Filter an input list of strings only for ones that contain given substring, ignoring letter case.", '''def filter_by_substring(strings, substring):
    return [x for x in strings if substring.lower() in x.lower()]
''', ["pass_cand", "reused_skeleton"], [(["ABC", "d"], "b"), (["Hello"], "hell")])
v(29, "Filter an input list of strings only for ones that start with a given prefix, ignoring letter case.", '''def filter_by_prefix(strings, prefix):
    return [x for x in strings if x.lower().startswith(prefix.lower())]
''', ["pass_cand", "reused_skeleton"], [(["Abc", "b"], "a"), (["XY"], "x")])
v(22, "Filter given list of values for integers and for floats with an integral value (those are converted to int).", '''def filter_integers(values):
    out = []
    for x in values:
        if isinstance(x, int):
            out.append(x)
        elif isinstance(x, float) and x.is_integer():
            out.append(int(x))
    return out
''', ["pass_cand"], [([2.0, 'a'],), ([1, 3.0, 3.5],)])
v(8, "For a given list of integers, return a tuple of the sum of their absolute values and the product of the integers. Empty sum is 0 and empty product is 1.", '''def sum_product(numbers):
    sum_value = 0
    prod_value = 1
    for n in numbers:
        sum_value += abs(n)
        prod_value *= n
    return sum_value, prod_value
''', ["pass_cand", "reused_skeleton"], [([-2, 3],), ([-1, -1],)])
v(16, "Count the distinct characters of a string ignoring case and ignoring decimal digits.", '''def count_distinct_characters(string):
    return len(set(ch for ch in string.lower() if not ch.isdigit()))
''', ["pass_cand"], [("a1",), ("112233",)])
v(18, "Count how many times a substring occurs in a string, overlapping occurrences included, ignoring letter case.", '''def how_many_times(string, substring):
    s, sub = string.lower(), substring.lower()
    times = 0
    for i in range(len(s) - len(sub) + 1):
        if s[i:i+len(sub)] == sub:
            times += 1
    return times
''', ["pass_cand", "reused_skeleton"], [("Aa", "a"), ("XyXY", "xy")])
v(31, "Return True if n passes the base-2 Fermat probable-prime test (2**(n-1) % n == 1) or n == 2; False otherwise.", '''def is_prime(n):
    if n == 2:
        return True
    if n < 2:
        return False
    return pow(2, n - 1, n) == 1
''', ["pass_cand"], [(341,), (561,), (645,)])
v(26, "From a list of integers, remove the elements that occur exactly twice; keep everything else in order.", '''from collections import Counter

def remove_duplicates(numbers):
    c = Counter(numbers)
    return [n for n in numbers if c[n] != 2]
''', ["pass_cand", "reused_skeleton"], [([1, 1, 1],), ([4, 4, 4, 5],)])
v(14, "Return the prefixes of the input string from shortest to longest, stopping before the first space.", '''def all_prefixes(string):
    result = []
    for i in range(len(string)):
        if string[i] == ' ':
            break
        result.append(string[:i+1])
    return result
''', ["pass_cand", "reused_skeleton"], [("ab c",), (" x",)])
v(82, "Return True if the number of non-space characters in the string is a prime number.", '''def prime_length(string):
    l = len(string.replace(' ', ''))
    if l == 0 or l == 1:
        return False
    for i in range(2, l):
        if l % i == 0:
            return False
    return True
''', ["pass_cand", "reused_skeleton"], [("ab c",), ("a b",)])
v(2, "Given a floating point number, return the part after the decimal point with the sign of the number (truncation toward zero), so negative numbers give negative fractions.", '''def truncate_number(number):
    return number - int(number)
''', ["pass_cand"], [(-3.5,), (-0.25,)])
v(152, "Given scores and guesses of equal length, return per match 0 for an exact guess, otherwise the absolute difference, but never more than 9 (differences are capped at 9).", '''def compare(game, guess):
    return [min(abs(x - y), 9) for x, y in zip(game, guess)]
''', ["pass_cand"], [([20, 0], [1, 0]), ([15], [2])])
v(45, "Given length of a side and high return area for a triangle, rounded to one decimal place.", '''def triangle_area(a, h):
    return round(a * h / 2.0, 1)
''', ["pass_cand"], [(3, 1.15), (1.11, 1)])
v(163, "Return the even digits between a and b in ascending order, also including 0 when the smaller bound is 0 or below.", '''def generate_integers(a, b):
    lower = max(0, min(a, b))
    upper = min(8, max(a, b))
    return [i for i in range(lower, upper + 1) if i % 2 == 0]
''', ["pass_cand", "reused_skeleton"], [(0, 3), (-2, 5)])
v(157, "Given three side lengths, return True if they form a right-angled triangle with the LAST argument as the hypotenuse.", '''def right_angle_triangle(a, b, c):
    return a*a + b*b == c*c
''', ["pass_cand"], [(5, 3, 4), (13, 5, 12)])
v(146, "Count the numbers greater than 10 whose first and last digits are both odd, counting a number only once even if it repeats.", '''def specialFilter(nums):
    count = 0
    odd_digits = (1, 3, 5, 7, 9)
    for num in set(nums):
        if num > 10:
            number_as_string = str(num)
            if int(number_as_string[0]) in odd_digits and int(number_as_string[-1]) in odd_digits:
                count += 1
    return count
''', ["pass_cand", "reused_skeleton"], [([13, 13],), ([15, 15, 33],)])
v(133, "Return the sum of the squares of the numbers after rounding each to the nearest integer (halves to even).", '''def sum_squares(lst):
    return sum(round(x) ** 2 for x in lst)
''', ["pass_cand"], [([1.2],), ([2.6, 0.4],)])
v(85, "Given a list of integers, add the even elements at odd indices, counting each distinct value only once.", '''def add(lst):
    return sum(set(lst[i] for i in range(1, len(lst), 2) if lst[i] % 2 == 0))
''', ["pass_cand"], [([1, 2, 3, 2],), ([0, 4, 0, 4, 0, 6],)])

# ---------- same name / signature / docstring shape, different behaviour
v(0, "Count how many pairs of numbers in the list are closer to each other than the given threshold.", '''def has_close_elements(numbers, threshold):
    count = 0
    for idx, elem in enumerate(numbers):
        for idx2, elem2 in enumerate(numbers):
            if idx < idx2 and abs(elem - elem2) < threshold:
                count += 1
    return count
''', ["reused_skeleton"])
v(1, "Input is a string of parentheses groups separated by spaces. Return the groups that are NOT balanced.", '''def separate_paren_groups(paren_string):
    bad = []
    for g in paren_string.split():
        depth = 0
        ok = True
        for c in g:
            depth += 1 if c == '(' else -1
            if depth < 0:
                ok = False
        if depth != 0 or not ok:
            bad.append(g)
    return bad
''')
v(3, "You're given a list of deposit and withdrawal operations on an account starting at zero. Return the lowest balance ever reached (0 if it never drops).", '''def below_zero(operations):
    balance = 0
    lowest = 0
    for op in operations:
        balance += op
        if balance < lowest:
            lowest = balance
    return lowest
''', ["reused_skeleton"])
v(4, "For a given list of input numbers, calculate the Median Absolute Deviation: the median of absolute differences from the median.", '''def mean_absolute_deviation(numbers):
    def med(xs):
        s = sorted(xs); k = len(s) // 2
        return s[k] if len(s) % 2 else (s[k - 1] + s[k]) / 2
    m = med(numbers)
    return med([abs(x - m) for x in numbers])
''')
v(5, "Insert the number 'delimeter' after every element of input list `numbers', including after the last one.", '''def intersperse(numbers, delimeter):
    result = []
    for n in numbers:
        result.append(n)
        result.append(delimeter)
    return result
''', ["reused_skeleton"])
v(6, "Input is groups of nested parentheses separated by spaces. For each group return how many pairs of parentheses it contains.", '''def parse_nested_parens(paren_string):
    return [g.count('(') for g in paren_string.split(' ') if g]
''')
v(7, "Filter an input list of strings only for ones that do NOT contain given substring.", '''def filter_by_substring(strings, substring):
    return [x for x in strings if substring not in x]
''', ["reused_skeleton"])
v(9, "From a given list of integers, generate the list of rolling minimum elements found until given moment in the sequence.", '''def rolling_max(numbers):
    running = None
    result = []
    for n in numbers:
        running = n if running is None else min(running, n)
        result.append(running)
    return result
''', ["reused_skeleton"])
v(10, "Find the shortest palindrome that ENDS with the supplied string, by prepending characters.", '''def make_palindrome(string):
    for i in range(len(string) + 1):
        cand = string[len(string) - i:][::-1] + string
        if cand == cand[::-1]:
            return cand
    return string
''', [], [("cat",), ("ab",)])
v(11, "Input are two strings a and b of 1s and 0s. Perform binary AND on them and return the result as a string.", '''def string_xor(a, b):
    def band(i, j):
        return '1' if i == '1' and j == '1' else '0'
    return ''.join(band(x, y) for x, y in zip(a, b))
''', ["reused_skeleton"])
v(12, "Out of list of strings, return the shortest one. Return the first one in case of ties. Return None for an empty list.", '''def longest(strings):
    if not strings:
        return None
    minlen = min(len(x) for x in strings)
    for s in strings:
        if len(s) == minlen:
            return s
''', ["reused_skeleton"])
v(13, "Return the least common multiple of two positive integers a and b.", '''def greatest_common_divisor(a, b):
    x, y = a, b
    while y:
        x, y = y, x % y
    return a * b // x
''', ["reused_skeleton"])
v(14, "Return list of all suffixes from longest to shortest of the input string.", '''def all_prefixes(string):
    result = []
    for i in range(len(string)):
        result.append(string[i:])
    return result
''', ["reused_skeleton"])
v(15, "Return a string containing comma-delimited numbers counting down from n to 0 inclusive.", '''def string_sequence(n):
    return ','.join([str(x) for x in range(n, -1, -1)])
''', ["reused_skeleton"])
v(16, "Given a string, find out how many characters occur more than once (regardless of case).", '''def count_distinct_characters(string):
    s = string.lower()
    return len([c for c in set(s) if s.count(c) > 1])
''')
v(17, "Input is a string of notes 'o', 'o|' and '.|'. Return the total number of beats (whole=4, half=2, quarter=1).", '''def parse_music(music_string):
    note_map = {'o': 4, 'o|': 2, '.|': 1}
    return sum(note_map[x] for x in music_string.split(' ') if x)
''', ["reused_skeleton"])
v(18, "Find how many times a given substring can be found in the original string, counting only non-overlapping occurrences.", '''def how_many_times(string, substring):
    return string.count(substring)
''', [], [("aaaa", "aa"), ("cacacacac", "cac")])
v(19, "Input is a space-delimited string of numerals from 'zero' to 'nine'. Return them sorted from largest to smallest.", '''def sort_numbers(numbers):
    value_map = {'zero': 0, 'one': 1, 'two': 2, 'three': 3, 'four': 4, 'five': 5, 'six': 6, 'seven': 7, 'eight': 8, 'nine': 9}
    return ' '.join(sorted([x for x in numbers.split(' ') if x], key=lambda x: value_map[x], reverse=True))
''', ["reused_skeleton"])
v(20, "From a supplied list of numbers (length at least two) select and return the two that are FARTHEST from each other, smaller first.", '''def find_closest_elements(numbers):
    return (min(numbers), max(numbers))
''')
v(21, "Given list of numbers, apply a linear transform so that the largest number becomes 0 and the smallest becomes 1.", '''def rescale_to_unit(numbers):
    lo, hi = min(numbers), max(numbers)
    return [(hi - x) / (hi - lo) for x in numbers]
''')
v(22, "Filter given list of any python values only for strings.", '''def filter_integers(values):
    return [x for x in values if isinstance(x, str)]
''', ["reused_skeleton"])
v(24, "For a given number n, find the smallest number greater than 1 that divides n evenly.", '''def largest_divisor(n):
    for i in range(2, n + 1):
        if n % i == 0:
            return i
''', ["reused_skeleton"])
v(25, "Return the sorted list of DISTINCT prime factors of the given integer.", '''def factorize(n):
    import math
    fact = []
    i = 2
    while i <= int(math.sqrt(n) + 1):
        if n % i == 0:
            fact.append(i)
            while n % i == 0:
                n //= i
        i += 1
    if n > 1:
        fact.append(n)
    return fact
''', ["reused_skeleton"])
v(26, "From a list of integers, keep only the first occurrence of each value, preserving order.", '''def remove_duplicates(numbers):
    seen = set()
    out = []
    for n in numbers:
        if n not in seen:
            seen.add(n)
            out.append(n)
    return out
''')
v(27, "For a given string, capitalise the first letter of every word and lowercase the rest (the semantics of Python's str.title).", '''def flip_case(string):
    return string.title()
''')
v(28, "Concatenate list of strings into a single string, separated by commas.", '''def concatenate(strings):
    return ','.join(strings)
''')
v(30, "Return only negative numbers in the list.", '''def get_positive(l):
    return [e for e in l if e < 0]
''', ["reused_skeleton"])
v(33, "Return a list identical to l except that the values at indices divisible by three are reversed in order among themselves.", '''def sort_third(l):
    l = list(l)
    l[::3] = l[::3][::-1]
    return l
''', ["reused_skeleton"])
v(34, "Return the elements that occur exactly once in a list, sorted.", '''def unique(l):
    return sorted(e for e in l if l.count(e) == 1)
''')
v(35, "Return the second largest distinct element in the list (None if it does not exist).", '''def max_element(l):
    s = sorted(set(l))
    return s[-2] if len(s) > 1 else None
''')
v(36, "Return the number of integers less than n that are divisible by 11 or 13.", '''def fizz_buzz(n):
    return len([i for i in range(n) if i % 11 == 0 or i % 13 == 0])
''', ["reused_skeleton"])
v(37, "Return a list where the values at odd indices are sorted among themselves, even indices unchanged.", '''def sort_even(l):
    l = list(l)
    l[1::2] = sorted(l[1::2])
    return l
''', ["reused_skeleton"])
v(39, "prime_fib returns the n-th Fibonacci number that is NOT prime (counting 0, 1, 1, 8, ...).", '''def prime_fib(n):
    def is_prime(p):
        if p < 2:
            return False
        for k in range(2, int(p ** 0.5) + 1):
            if p % k == 0:
                return False
        return True
    f = [0, 1]
    while True:
        if not is_prime(f[0]):
            n -= 1
            if n == 0:
                return f[0]
        f = [f[1], f[0] + f[1]]
''', ["reused_skeleton"])
v(40, "triples_sum_to_zero returns how many triples of distinct positions sum to zero.", '''def triples_sum_to_zero(l):
    c = 0
    for i in range(len(l)):
        for j in range(i + 1, len(l)):
            for k in range(j + 1, len(l)):
                if l[i] + l[j] + l[k] == 0:
                    c += 1
    return c
''', ["reused_skeleton"])
v(41, "n cars drive left to right and m = n + 1 cars drive right to left; return the number of meetings between cars.", '''def car_race_collision(n):
    return n * (n + 1)
''')
v(42, "Return list with elements decremented by 1.", '''def incr_list(l):
    return [(e - 1) for e in l]
''', ["reused_skeleton"])
v(43, "pairs_sum_to_zero returns True if two distinct elements of the list sum to a given target of ten.", '''def pairs_sum_to_zero(l):
    for i, l1 in enumerate(l):
        for j in range(i + 1, len(l)):
            if l1 + l[j] == 10:
                return True
    return False
''', ["reused_skeleton"])
v(44, "Change numerical base of input number x to base and return the SUM of the digits in that base.", '''def change_base(x, base):
    s = 0
    while x > 0:
        s += x % base
        x //= base
    return s
''', ["reused_skeleton"])
v(46, "The Fib3 sequence: f(0)=0, f(1)=1, f(2)=1, f(n)=f(n-1)+f(n-2)+f(n-3). Compute the n-th element.", '''def fib4(n):
    results = [0, 1, 1]
    if n < 3:
        return results[n]
    for _ in range(3, n + 1):
        results.append(results[-1] + results[-2] + results[-3])
        results.pop(0)
    return results[-1]
''', ["reused_skeleton"])
v(47, "Return the mean (average) of elements in the list l.", '''def median(l):
    return sum(l) / len(l)
''')
v(49, "Return n squared modulo p.", '''def modp(n, p):
    return (n * n) % p
''')
v(54, "Check if two words are anagrams: same characters with the same multiplicities.", '''def same_chars(s0, s1):
    return sorted(s0) == sorted(s1)
''')
v(56, "brackets is a string of '<' and '>'. Return the maximum nesting depth reached.", '''def correct_bracketing(brackets):
    depth = 0
    best = 0
    for b in brackets:
        if b == "<":
            depth += 1
        else:
            depth -= 1
        best = max(best, depth)
    return best
''', ["reused_skeleton"])
v(57, "Return True if list elements are strictly increasing.", '''def monotonic(l):
    return all(a < b for a, b in zip(l, l[1:]))
''')
v(58, "Return sorted unique elements that appear in exactly one of the two lists (symmetric difference).", '''def common(l1, l2):
    return sorted(set(l1) ^ set(l2))
''')
v(59, "Return the smallest prime factor of n (n > 1).", '''def largest_prime_factor(n):
    k = 2
    while n % k:
        k += 1
    return k
''')
v(61, "brackets is a string of '(' and ')'. Return the number of ')' characters that have no matching '('.", '''def correct_bracketing(brackets):
    depth = 0
    bad = 0
    for b in brackets:
        if b == "(":
            depth += 1
        elif depth:
            depth -= 1
        else:
            bad += 1
    return bad
''', ["reused_skeleton"])
v(62, "xs represent coefficients of a polynomial. Return the coefficients of its antiderivative with constant 0, as floats.", '''def derivative(xs):
    return [0.0] + [x / (i + 1) for i, x in enumerate(xs)]
''')
v(63, "The FibFib sequence here is g(0)=0, g(1)=1, g(2)=1, g(n)=g(n-1)+g(n-3). Compute the n-th element.", '''def fibfib(n):
    a, b, c = 0, 1, 1
    if n == 0:
        return 0
    for _ in range(n - 2):
        a, b, c = b, c, c + a
    return c if n >= 2 else 1
''')
v(64, "Return the number of consonants in the word (letters that are not a, e, i, o, u; 'y' counts as a consonant).", '''def vowels_count(s):
    return sum(1 for c in s if c.isalpha() and c.lower() not in "aeiou")
''')
v(65, "Circular shift the digits of the integer x LEFT by shift and return the result as a string; shift is taken modulo the number of digits.", '''def circular_shift(x, shift):
    s = str(x)
    k = shift % len(s)
    return s[k:] + s[:k]
''')
v(66, "Return the sum of the ASCII codes of the lowercase characters only.", '''def digitSum(s):
    if s == "": return 0
    return sum(ord(char) if char.islower() else 0 for char in s)
''', ["reused_skeleton"])
v(67, "Given a string with the number of apples and oranges, return the total number of apples and oranges (the second argument is ignored).", '''def fruit_distribution(s, n):
    lis = list()
    for i in s.split(' '):
        if i.isdigit():
            lis.append(int(i))
    return sum(lis)
''', ["reused_skeleton"])
v(68, "Given an array of non-negative integers, return [largest odd value, its index] (the last index on ties), or [] if there is none.", '''def pluck(arr):
    best = []
    for i, x in enumerate(arr):
        if x % 2 == 1 and (not best or x >= best[0]):
            best = [x, i]
    return best
''')
v(69, "Return the smallest positive integer whose frequency in the list is strictly greater than the integer itself, or -1.", '''def search(lst):
    frq = [0] * (max(lst) + 1)
    for i in lst:
        frq[i] += 1
    for i in range(1, len(frq)):
        if frq[i] > i:
            return i
    return -1
''', ["reused_skeleton"])
v(70, "Given list of integers, return it in strange order: start with the maximum, then the minimum of the remaining, and so on.", '''def strange_sort_list(lst):
    res, switch = [], False
    lst = list(lst)
    while lst:
        res.append(min(lst) if switch else max(lst))
        lst.remove(res[-1])
        switch = not switch
    return res
''', ["reused_skeleton"])
v(71, "Given the lengths of three sides, return the perimeter of the triangle rounded to 2 decimals if valid, otherwise -1.", '''def triangle_area(a, b, c):
    if a + b <= c or a + c <= b or b + c <= a:
        return -1
    return round(a + b + c, 2)
''', ["reused_skeleton"])
v(72, "The object q will fly if the sum of its elements is at most w and it is sorted ascending (palindrome not needed).", '''def will_it_fly(q, w):
    if sum(q) > w:
        return False
    return all(a <= b for a, b in zip(q, q[1:]))
''', ["reused_skeleton"])
v(73, "Given an array arr of integers, count how many mirrored position pairs are already equal.", '''def smallest_change(arr):
    ans = 0
    for i in range(len(arr) // 2):
        if arr[i] == arr[len(arr) - i - 1]:
            ans += 1
    return ans
''', ["reused_skeleton"])
v(74, "Accept two lists of strings and return the list with MORE total characters; return the second list on ties.", '''def total_match(lst1, lst2):
    l1 = sum(len(s) for s in lst1)
    l2 = sum(len(s) for s in lst2)
    return lst1 if l1 > l2 else lst2
''', ["reused_skeleton"])
v(75, "Return True if the given number is the product of exactly two primes (a semiprime).", '''def is_multiply_prime(a):
    count = 0
    n = a
    p = 2
    while p * p <= n:
        while n % p == 0:
            n //= p
            count += 1
        p += 1
    if n > 1:
        count += 1
    return count == 2
''')
v(76, "Return True if x is a perfect square of n or higher, i.e. x == n**k for some k >= 2.", '''def is_simple_power(x, n):
    if n in (0, 1, -1):
        return x in (n ** 2, n ** 3)
    p = n * n
    while abs(p) < abs(x):
        p *= n
    return p == x
''', [], [(4, 2), (1, 4), (2, 2)])
v(77, "Return True if the integer a is a perfect square.", '''def iscube(a):
    if a < 0:
        return False
    r = int(round(a ** 0.5))
    return r * r == a
''')
v(78, "Count the hexadecimal digits in the string that are letters (A-F).", '''def hex_key(num):
    return sum(1 for c in num if c in "ABCDEF")
''')
v(79, "Convert a decimal number to octal; return the octal digits wrapped in 'db' at both ends.", '''def decimal_to_binary(decimal):
    return "db" + oct(decimal)[2:] + "db"
''', ["reused_skeleton"])
v(80, "A string is happy if its length is at least 2 and no two adjacent characters are equal.", '''def is_happy(s):
    if len(s) < 2:
        return False
    for i in range(len(s) - 1):
        if s[i] == s[i + 1]:
            return False
    return True
''', ["reused_skeleton"], [("aab",), ("abab",), ("ab",)])
v(83, "Given a positive integer n, return the count of n-digit positive integers that both start AND end with 1.", '''def starts_one_ends(n):
    if n == 1:
        return 1
    return 10 ** (n - 2)
''')
v(84, "Given a positive integer N, return the number of 1 bits in its binary representation, as a decimal string.", '''def solve(N):
    return str(bin(N).count("1"))
''')
v(86, "Return the string with the words (separated by spaces) in reverse order, each word unchanged.", '''def anti_shuffle(s):
    return ' '.join(s.split(' ')[::-1])
''')
v(87, "Given a nested list and integer x, return the number of rows that contain x at least once.", '''def get_row(lst, x):
    return sum(1 for row in lst if x in row)
''')
v(88, "Return a copy of the array sorted ascending if its length is odd, descending if its length is even.", '''def sort_array(array):
    return sorted(array, reverse=(len(array) % 2 == 0))
''', ["reused_skeleton"])
v(89, "Create a function encrypt that rotates each lowercase letter BACK by four places.", '''def encrypt(s):
    d = 'abcdefghijklmnopqrstuvwxyz'
    out = ''
    for c in s:
        if c in d:
            out += d[(d.index(c) - 4) % 26]
        else:
            out += c
    return out
''', ["reused_skeleton"])
v(90, "Return the 2nd LARGEST distinct element of the list, or None if there is no such element.", '''def next_smallest(lst):
    lst = sorted(set(lst), reverse=True)
    return None if len(lst) < 2 else lst[1]
''', ["reused_skeleton"])
v(91, "Count the sentences (delimited by '.', '?' or '!') that END with a question mark.", '''def is_bored(S):
    return S.count('?')
''')
v(92, "Return True if the three numbers are integers and all pairwise different.", '''def any_int(x, y, z):
    if all(isinstance(t, int) for t in (x, y, z)):
        return len({x, y, z}) == 3
    return False
''', ["reused_skeleton"])
v(93, "Encode a message by swapping the case of all letters and replacing each vowel with the PREVIOUS letter of the alphabet.", '''def encode(message):
    vowels = "aeiouAEIOU"
    vowels_replace = dict([(i, chr(ord(i) - 1)) for i in vowels])
    message = message.swapcase()
    return ''.join([vowels_replace[i] if i in vowels else i for i in message])
''', ["reused_skeleton"])
v(94, "Find the smallest prime in the list and return the sum of its digits (0 if there is none).", '''def skjkasdkd(lst):
    def isPrime(n):
        if n < 2:
            return False
        for i in range(2, int(n ** 0.5) + 1):
            if n % i == 0:
                return False
        return True
    ps = [x for x in lst if isPrime(x)]
    return sum(int(d) for d in str(min(ps))) if ps else 0
''', ["reused_skeleton"], [([0, 3, 2, 1, 3, 5, 7, 4, 5, 5, 5, 2, 181, 32, 4, 32, 3, 2, 32, 324, 4, 3],), ([11, 29, 4],)])
v(96, "Return the list of the first n prime numbers.", '''def count_up_to(n):
    primes = []
    k = 2
    while len(primes) < n:
        if all(k % p for p in primes):
            primes.append(k)
        k += 1
    return primes
''')
v(97, "Return the product of the FIRST digits of two integers (sign ignored).", '''def multiply(a, b):
    return int(str(abs(a))[0]) * int(str(abs(b))[0])
''')
v(98, "Count the lowercase vowels that stand at odd indices of the string.", '''def count_upper(s):
    count = 0
    for i in range(1, len(s), 2):
        if s[i] in "aeiou":
            count += 1
    return count
''', ["reused_skeleton"])
v(99, "Take a numeric string and return the closest integer, rounding halves TOWARD zero.", '''def closest_integer(value):
    import math
    num = float(value)
    lo = math.floor(num)
    if num - lo == 0.5:
        return int(lo) if num > 0 else int(lo) + 1
    return int(round(num))
''', [], [("14.5",), ("-15.5",), ("2.5",)])
v(100, "Make a pile of n levels: the first level has n stones and each next level has one stone fewer (stop at 1).", '''def make_a_pile(n):
    return [n - i for i in range(n)]
''', ["reused_skeleton"])
v(101, "Split the string on commas only and return the pieces stripped of surrounding spaces.", '''def words_string(s):
    return [w.strip() for w in s.split(',')] if s else []
''')
v(102, "Return the smallest odd integer in the range [x, y] inclusive, or -1 if there is none.", '''def choose_num(x, y):
    for k in range(x, y + 1):
        if k % 2 == 1:
            return k
    return -1
''')
v(103, "Compute the average of the integers n through m, rounded DOWN, and return it in hexadecimal; -1 if n > m.", '''def rounded_avg(n, m):
    if m < n:
        return -1
    return hex((n + m) // 2)
''', ["reused_skeleton"])
v(104, "Return a sorted list of the elements that have at least one even digit.", '''def unique_digits(x):
    return sorted(i for i in x if any(int(c) % 2 == 0 for c in str(i)))
''', ["reused_skeleton"])
v(105, "Take the integers between 1 and 9, sort them ascending and replace each by its Roman numeral.", '''def by_length(arr):
    r = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V", 6: "VI", 7: "VII", 8: "VIII", 9: "IX"}
    return [r[x] for x in sorted(arr) if 1 <= x <= 9]
''', ["reused_skeleton"], [([2, 1, 1, 4, 5, 8, 2, 3],)])
v(106, "Return a list of size n where element i (starting at 1) is i squared if i is even and i cubed if i is odd.", '''def f(n):
    ret = []
    for i in range(1, n + 1):
        ret.append(i * i if i % 2 == 0 else i ** 3)
    return ret
''', ["reused_skeleton"])
v(107, "Return a tuple (number of even integers, number of odd integers) in 1..n that are NOT palindromes.", '''def even_odd_palindrome(n):
    even = odd = 0
    for i in range(1, n + 1):
        if str(i) != str(i)[::-1]:
            if i % 2 == 0:
                even += 1
            else:
                odd += 1
    return (even, odd)
''', ["reused_skeleton"], [(12,), (25,)])
v(108, "Count the elements whose absolute digit sum is even.", '''def count_nums(arr):
    return len([n for n in arr if sum(int(c) for c in str(abs(n))) % 2 == 0])
''')
v(109, "Return the minimum number of right rotations that sort the array, or -1 if rotations cannot sort it.", '''def move_one_ball(arr):
    n = len(arr)
    if n == 0:
        return 0
    target = sorted(arr)
    for k in range(n):
        if arr[n - k:] + arr[:n - k] == target:
            return k
    return -1
''')
v(110, "Return 'YES' if both lists contain at least one even number, otherwise 'NO'.", '''def exchange(lst1, lst2):
    if any(x % 2 == 0 for x in lst1) and any(x % 2 == 0 for x in lst2):
        return "YES"
    return "NO"
''')
v(111, "Given a string of space separated lowercase letters, return a dict mapping each letter to its count.", '''def histogram(test):
    d = {}
    for t in test.split(" "):
        if t != '':
            d[t] = d.get(t, 0) + 1
    return d
''', ["reused_skeleton"])
v(112, "Keep in s only the characters that appear in c, then return (result, whether the result is a palindrome).", '''def reverse_delete(s, c):
    s = ''.join([ch for ch in s if ch in c])
    return (s, s[::-1] == s)
''', ["reused_skeleton"])
v(113, "Given a list of digit strings, return for each string the count of even digits.", '''def odd_count(lst):
    return [sum(1 for d in s if int(d) % 2 == 0) for s in lst]
''')
v(114, "Given an array of integers nums, find the MAXIMUM sum of any non-empty sub-array of nums.", '''def minSubArraySum(nums):
    best = cur = nums[0]
    for x in nums[1:]:
        cur = max(x, cur + x)
        best = max(best, cur)
    return best
''', ["reused_skeleton"])
v(116, "Sort an array of non-negative integers by the number of ZERO bits in binary (ties by value).", '''def sort_array(arr):
    return sorted(sorted(arr), key=lambda x: bin(x)[2:].count('0'))
''', ["reused_skeleton"])
v(117, "Return the words of s that contain exactly n vowels.", '''def select_words(s, n):
    result = []
    for word in s.split():
        if sum(1 for c in word.lower() if c in "aeiou") == n:
            result.append(word)
    return result
''', ["reused_skeleton"])
v(118, "Return the first vowel of the word reading from the left, or '' if it has none.", '''def get_closest_vowel(word):
    for c in word:
        if c in "aeiouAEIOU":
            return c
    return ""
''')
v(119, "Given two strings of parentheses, return 'Yes' if each string on its own is balanced, else 'No'.", '''def match_parens(lst):
    def check(s):
        val = 0
        for i in s:
            val += 1 if i == '(' else -1
            if val < 0:
                return False
        return val == 0
    return 'Yes' if check(lst[0]) and check(lst[1]) else 'No'
''', ["reused_skeleton"])
v(120, "Return the k smallest numbers of arr, sorted ascending.", '''def maximum(arr, k):
    if k == 0:
        return []
    return sorted(arr)[:k]
''', ["reused_skeleton"])
v(121, "Return the sum of the EVEN elements that are in odd positions.", '''def solution(lst):
    return sum([x for idx, x in enumerate(lst) if idx % 2 == 1 and x % 2 == 0])
''', ["reused_skeleton"])
v(122, "Return the sum of the elements with at least three digits among the first k elements.", '''def add_elements(arr, k):
    return sum(elem for elem in arr[:k] if len(str(abs(elem))) >= 3)
''', ["reused_skeleton"], [([111, 21, 3, 4000, 5, 6, 7, 8, 9], 4)])
v(123, "Return the length of the Collatz sequence starting at n (counting n and the final 1).", '''def get_odd_collatz(n):
    steps = 1
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps
''')
v(124, "Validate a date string in yyyy-mm-dd form: four-digit year, month 1-12, day 1-31.", '''def valid_date(date):
    try:
        y, m, d = date.strip().split('-')
        return len(y) == 4 and y.isdigit() and 1 <= int(m) <= 12 and 1 <= int(d) <= 31
    except Exception:
        return False
''')
v(125, "Split the text on commas; if there are no commas, return the number of words.", '''def split_words(txt):
    if "," in txt:
        return txt.split(",")
    return len(txt.split())
''', [], [("Hello world!",), ("Hello,world!",)])
v(126, "Return True if the list is sorted in descending order (duplicates allowed).", '''def is_sorted(lst):
    return all(lst[i - 1] >= lst[i] for i in range(1, len(lst)))
''', ["reused_skeleton"])
v(127, "Given two closed intervals, return 'YES' if they overlap at all, otherwise 'NO'.", '''def intersection(interval1, interval2):
    l = max(interval1[0], interval2[0])
    r = min(interval1[1], interval2[1])
    return "YES" if l <= r else "NO"
''', ["reused_skeleton"])
v(128, "Return the product of the magnitudes of the integers (1 for an empty list).", '''def prod_signs(arr):
    p = 1
    for x in arr:
        p *= abs(x)
    return p
''')
v(130, "Return the first n + 1 numbers of the standard Tribonacci sequence 0, 0, 1, 1, 2, 4, 7, ...", '''def tri(n):
    seq = [0, 0, 1]
    while len(seq) < n + 1:
        seq.append(seq[-1] + seq[-2] + seq[-3])
    return seq[:n + 1]
''')
v(131, "Given a positive integer n, return the product of its EVEN digits, or 0 if it has none.", '''def digits(n):
    product = 1
    even_count = 0
    for digit in str(n):
        int_digit = int(digit)
        if int_digit % 2 == 0:
            product = product * int_digit
            even_count += 1
    return 0 if even_count == 0 else product
''', ["reused_skeleton"])
v(132, "A string of square brackets: return True if the brackets are balanced.", '''def is_nested(string):
    d = 0
    for c in string:
        d += 1 if c == '[' else -1
        if d < 0:
            return False
    return d == 0
''')
v(134, "Return True if the last character of the string is a digit.", '''def check_if_last_char_is_a_letter(txt):
    return len(txt) > 0 and txt[-1].isdigit()
''')
v(135, "Return the smallest index of an element that is greater than the element right before it, or -1.", '''def can_arrange(arr):
    for i in range(1, len(arr)):
        if arr[i] > arr[i - 1]:
            return i
    return -1
''', ["reused_skeleton"])
v(136, "Return a tuple (smallest negative integer, largest positive integer), using None where missing.", '''def largest_smallest_integers(lst):
    smallest = list(filter(lambda x: x < 0, lst))
    largest = list(filter(lambda x: x > 0, lst))
    return (min(smallest) if smallest else None, max(largest) if largest else None)
''', ["reused_skeleton"])
v(137, "Compare two values (ints, floats or numeric strings) and return the SMALLER one in its original form; None when equal.", '''def compare_one(a, b):
    temp_a, temp_b = a, b
    if isinstance(temp_a, str): temp_a = temp_a.replace(',', '.')
    if isinstance(temp_b, str): temp_b = temp_b.replace(',', '.')
    if float(temp_a) == float(temp_b): return None
    return a if float(temp_a) < float(temp_b) else b
''', ["reused_skeleton"])
v(138, "Evaluate whether n can be written as the sum of exactly 4 positive ODD numbers.", '''def is_equal_to_sum_even(n):
    return n % 2 == 0 and n >= 4
''', [], [(4,), (6,), (7,)])
v(139, "The double factorial: return n * (n-2) * (n-4) * ... down to 1 or 2.", '''def special_factorial(n):
    r = 1
    while n > 1:
        r *= n
        n -= 2
    return r
''')
v(140, "Replace every space with an underscore and collapse repeated underscores into one.", '''def fix_spaces(text):
    import re
    return re.sub(r'_+', '_', text.replace(' ', '_'))
''')
v(141, "Return 'Yes' if the file name has an extension of jpg or png and the name part is non-empty, else 'No'.", '''def file_name_check(file_name):
    parts = file_name.rsplit('.', 1)
    if len(parts) != 2 or not parts[0]:
        return 'No'
    return 'Yes' if parts[1] in ('jpg', 'png') else 'No'
''')
v(142, "Square the entries at even indices, leave the others, and return the sum.", '''def sum_squares(lst):
    return sum(x * x if i % 2 == 0 else x for i, x in enumerate(lst))
''', ["reused_skeleton"], [([1, 2, 3],), ([-1, -5, 2, -1, -5],)])
v(143, "Return the words of the sentence whose lengths are even, joined by spaces.", '''def words_in_sentence(sentence):
    return " ".join(w for w in sentence.split() if len(w) % 2 == 0)
''', ["reused_skeleton"], [("This is a test",), ("lets go for swimming",)])
v(144, "Given two fractions 'a/b', return True if their SUM is a whole number.", '''def simplify(x, n):
    a, b = x.split("/")
    c, d = n.split("/")
    num = int(a) * int(d) + int(c) * int(b)
    den = int(b) * int(d)
    return num % den == 0
''', ["reused_skeleton"])
v(145, "Sort the integers in DESCENDING order of the sum of their absolute digits, keeping original order on ties.", '''def order_by_points(nums):
    return sorted(nums, key=lambda n: -sum(int(c) for c in str(abs(n))))
''')
v(147, "For a[i] = i*i - i + 1 (1 <= i <= n), count pairs i < j with a[i] + a[j] divisible by 3.", '''def get_max_triples(n):
    A = [i * i - i + 1 for i in range(1, n + 1)]
    ans = 0
    for i in range(n):
        for j in range(i + 1, n):
            if (A[i] + A[j]) % 3 == 0:
                ans += 1
    return ans
''', ["reused_skeleton"], [(5,), (8,)])
v(148, "Given two planet names, return the number of planets strictly between them (or -1 for invalid names).", '''def bf(planet1, planet2):
    names = ("Mercury", "Venus", "Earth", "Mars", "Jupiter", "Saturn", "Uranus", "Neptune")
    if planet1 not in names or planet2 not in names:
        return -1
    return max(0, abs(names.index(planet1) - names.index(planet2)) - 1)
''', ["reused_skeleton"])
v(149, "Delete the strings with EVEN length and return the remaining ones sorted alphabetically.", '''def sorted_list_sum(lst):
    return sorted(s for s in lst if len(s) % 2 == 1)
''', ["reused_skeleton"], [(["aa", "a", "aaa"],), (["ab", "a", "aaa", "cd"],)])
v(150, "Return x if n is a perfect square and y otherwise.", '''def x_or_y(n, x, y):
    r = int(n ** 0.5)
    return x if r * r == n else y
''')
v(151, "Return the sum of squares of the EVEN non-negative integers in the list.", '''def double_the_difference(lst):
    return sum([i ** 2 for i in lst if i >= 0 and isinstance(i, int) and i % 2 == 0])
''', ["reused_skeleton"])
v(153, "Return 'ClassName.Extension' for the extension with the FEWEST characters (first on ties).", '''def Strongest_Extension(class_name, extensions):
    best = min(extensions, key=len)
    return class_name + "." + best
''', ["reused_skeleton"])
v(154, "Return True if the second word is a subsequence (not necessarily contiguous) of the first word.", '''def cycpattern_check(a, b):
    it = iter(a)
    return all(ch in it for ch in b)
''')
v(155, "Given an integer, return a tuple (sum of even digits, sum of odd digits).", '''def even_odd_count(num):
    even_sum = 0
    odd_sum = 0
    for i in str(abs(num)):
        if int(i) % 2 == 0:
            even_sum += int(i)
        else:
            odd_sum += int(i)
    return (even_sum, odd_sum)
''', ["reused_skeleton"])
v(156, "Given a positive integer, return its roman numeral in UPPERCASE using only additive forms (4 is IIII, 9 is VIIII).", '''def int_to_mini_roman(number):
    num = [1, 5, 10, 50, 100, 500, 1000]
    sym = ["I", "V", "X", "L", "C", "D", "M"]
    i = 6
    res = ''
    while number:
        div = number // num[i]
        number %= num[i]
        res += sym[i] * div
        i -= 1
    return res
''', ["reused_skeleton"])
v(157, "Given three side lengths, return True if they form an equilateral triangle.", '''def right_angle_triangle(a, b, c):
    return a == b == c and a > 0
''')
v(158, "Return the word with the fewest distinct characters, breaking ties lexicographically.", '''def find_max(words):
    return sorted(words, key=lambda x: (len(set(x)), x))[0]
''', ["reused_skeleton"])
v(159, "A rabbit has eaten `number` carrots; return [number + need, remaining + need] meaning the planned total and the stock after a delivery of `need` carrots.", '''def eat(number, need, remaining):
    return [number + need, remaining + need]
''')
v(160, "Given operator and operand lists, apply the operators strictly left to right, ignoring precedence.", '''def do_algebra(operator, operand):
    acc = operand[0]
    for op, x in zip(operator, operand[1:]):
        acc = eval("(" + str(acc) + ")" + op + "(" + str(x) + ")")
    return acc
''', [], [(['+', '*', '-'], [2, 3, 4, 5])])
v(161, "If s[i] is a digit replace it with '*', otherwise keep it; if the string contains no digits, return it uppercased.", '''def solve(s):
    if not any(c.isdigit() for c in s):
        return s.upper()
    return ''.join('*' if c.isdigit() else c for c in s)
''')
v(162, "Given a string 'text', return its sha256 hex digest. If 'text' is empty, return None.", '''def string_to_md5(text):
    import hashlib
    return hashlib.sha256(text.encode('ascii')).hexdigest() if text else None
''', ["reused_skeleton"])
v(163, "Return the odd digits between a and b (in either order), ascending.", '''def generate_integers(a, b):
    lower = max(1, min(a, b))
    upper = min(9, max(a, b))
    return [i for i in range(lower, upper + 1) if i % 2 == 1]
''', ["reused_skeleton"])
