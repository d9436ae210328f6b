"""Hand-written paraphrases of HumanEval tasks plus NEW example inputs (outputs come from the canonical solution)."""

# item number -> (paraphrase in my own words, list of new argument tuples as Python source)
PARA = {
    0: (
        "Given a list of floats and a distance limit, report whether some pair of entries in the list lies strictly nearer to each other than that limit.",
        ["([0.5, 1.9, 3.2], 1.0)", "([10.0, 10.4, 20.0], 0.5)", "([7.0], 3.0)"],
    ),
    1: (
        "A string holds several balanced bracket clusters made of '(' and ')', possibly with blanks between them. Pull out each top-level cluster as its own string (blanks discarded) and return them in order.",
        ["('(()) ()',)", "('((())) (()())',)", "('()()',)"],
    ),
    2: (
        "For a positive float, return only the part after the decimal point, i.e. what remains once the whole-number part is removed.",
        ["(7.25,)", "(12.5,)", "(0.75,)"],
    ),
    3: (
        "A bank account starts at zero and receives a sequence of deposits (positive) and withdrawals (negative). Return True as soon as the running balance ever dips under zero, otherwise False.",
        ["([5, -3, -3],)", "([2, 2, -4],)", "([-1],)"],
    ),
    4: (
        "Compute the average absolute distance of each number in a list from the list's arithmetic mean.",
        ["([2.0, 4.0, 6.0],)", "([1.0, 1.0, 4.0, 6.0],)", "([10.0, 0.0],)"],
    ),
    5: (
        "Build a new list by placing a separator value between every two neighbouring elements of the input list.",
        ["([7, 8], 0)", "([1, 2, 3, 4], 9)", "([5], 1)"],
    ),
    6: (
        "The input is a space separated list of parenthesis groups; for each group report how deep its deepest nesting goes, as a list of integers.",
        ["('(()) ((()))',)", "('() (()()) (((())))',)", "('((()))',)"],
    ),
    7: (
        "Keep only those strings from a list that contain a given piece of text anywhere inside them.",
        [
            "(['apple', 'grape', 'melon'], 'ap')",
            "(['xyz', 'yz', 'z'], 'yz')",
            "([], 'q')",
        ],
    ),
    8: (
        "Return a pair: the total of all integers in a list and the product of all of them; an empty list gives total 0 and product 1.",
        ["([2, 5],)", "([3, 3, 3],)", "([-1, 4, 2],)"],
    ),
    9: (
        "Produce the running maximum of an integer list: position i holds the largest value seen among the first i+1 entries.",
        ["([3, 1, 4, 1, 5],)", "([9, 2, 8],)", "([-5, -7, -1],)"],
    ),
    11: (
        "Two strings consist only of the characters 0 and 1; combine them bit by bit with exclusive-or and return the resulting bit string.",
        ["('1111', '0101')", "('000', '000')", "('1010', '1001')"],
    ),
    12: (
        "From a list of strings pick the one with the most characters, preferring the earliest on ties; an empty list yields None.",
        ["(['hi', 'hello', 'hey'],)", "(['ab', 'cd'],)", "([],)"],
    ),
    13: (
        "Find the largest integer that divides both of two given integers evenly.",
        ["(48, 18)", "(17, 5)", "(100, 75)"],
    ),
    14: (
        "List every leading piece of a string, from the one-character start up to the whole string.",
        ["('xyz',)", "('ab',)", "('hello',)"],
    ),
    15: (
        "Return the integers 0 through n inclusive written out and joined by single spaces.",
        ["(3,)", "(7,)", "(1,)"],
    ),
    16: (
        "Count how many different letters a string uses when upper and lower case are treated as the same letter.",
        ["('Mississippi',)", "('AaBbCc',)", "('Hello World',)"],
    ),
    17: (
        "A tune is written as tokens 'o' (four beats), 'o|' (two beats) and '.|' (one beat) separated by spaces. Translate it into the list of beat lengths.",
        ["('o| o| .| o',)", "('.| .| .|',)", "('o o| .| o|',)"],
    ),
    18: (
        "Count the occurrences of a substring inside a string, where occurrences are allowed to overlap.",
        ["('banana', 'ana')", "('aaaaa', 'aa')", "('abc', 'd')"],
    ),
    19: (
        "Take a blank-separated list of English number words from zero to nine and return them re-ordered by the value they name, smallest first.",
        ["('nine two six',)", "('four zero one',)", "('eight eight three',)"],
    ),
    20: (
        "Among at least two floats, find the two that are nearest to one another and give them back as a pair, smaller first.",
        [
            "([1.0, 5.0, 5.3, 9.0],)",
            "([3.0, 1.1, 1.0],)",
            "([10.0, 20.0, 11.5, 30.0],)",
        ],
    ),
    21: (
        "Apply an affine map to a list of at least two numbers so that its minimum becomes 0 and its maximum becomes 1.",
        ["([2.0, 4.0, 6.0],)", "([10.0, 0.0, 5.0],)", "([1.0, 3.0],)"],
    ),
    22: (
        "From a list of arbitrary Python objects keep only those that are integers.",
        ["(['x', 7, 2.5, 3],)", "([None, {}, 0],)", "([[1], 5, '6'],)"],
    ),
    23: (
        "Return how many characters a string has.",
        ["('hello',)", "('a b',)", "('',)"],
    ),
    24: (
        "For a number n, find the largest number smaller than n that divides n exactly.",
        ["(21,)", "(64,)", "(13,)"],
    ),
    25: (
        "Break an integer into its prime factors, listed from smallest to largest with repetition, so that multiplying them gives the number back.",
        ["(60,)", "(97,)", "(1024,)"],
    ),
    26: (
        "From an integer list drop every value that appears more than once (all copies), keeping the survivors in their original order.",
        ["([4, 5, 4, 6],)", "([1, 1, 1],)", "([7, 8, 9, 8, 10],)"],
    ),
    27: (
        "Swap the case of each letter in a string: capitals become small letters and vice versa.",
        ["('PyThOn',)", "('abc DEF',)", "('123x',)"],
    ),
    28: (
        "Glue a list of strings together into one string without any separator.",
        ["(['ab', 'cd', 'e'],)", "(['solo'],)", "([],)"],
    ),
    29: (
        "Keep only the strings of a list that begin with a given prefix.",
        [
            "(['cat', 'car', 'dog'], 'ca')",
            "(['pre', 'post'], 'p')",
            "(['a', 'b'], 'z')",
        ],
    ),
    30: (
        "Return only the strictly positive numbers from a list.",
        ["([-2, 0, 3, 7],)", "([-1, -1],)", "([0.5, -0.5, 2],)"],
    ),
    31: ("Decide whether an integer is a prime number.", ["(2,)", "(91,)", "(97,)"]),
    34: (
        "Return the distinct values of a list in ascending order.",
        ["([3, 1, 3, 2],)", "([9, 9, 9],)", "([5, -1, 0, 5],)"],
    ),
    35: (
        "Return the biggest element of a list.",
        ["([4, 9, 2],)", "([-3, -8],)", "([0, 0, 1],)"],
    ),
    36: (
        "Count how many times the digit 7 shows up across all integers below n that are multiples of 11 or of 13.",
        ["(100,)", "(200,)", "(1000,)"],
    ),
    37: (
        "Keep the entries at odd indices where they are, but sort the values sitting at even indices among themselves.",
        ["([9, 1, 5, 2, 3],)", "([4, 0, 2],)", "([8, 7, 6, 5],)"],
    ),
    40: (
        "Determine whether any three entries at different positions of an integer list add up to zero.",
        ["([3, -1, -2, 8],)", "([1, 1, 1],)", "([0, 0, 0],)"],
    ),
    42: (
        "Return a copy of a list where every element has been increased by one.",
        ["([0, 9, -1],)", "([],)", "([100],)"],
    ),
    43: (
        "Tell whether two entries at different positions of an integer list sum to zero.",
        ["([4, -4, 1],)", "([0],)", "([2, 3, -5],)"],
    ),
    44: (
        "Write a non-negative integer in another base smaller than ten and return the digits as a string.",
        ["(10, 3)", "(255, 2)", "(64, 8)"],
    ),
    45: (
        "Compute the area of a triangle from the length of one side and the height dropped onto it.",
        ["(4, 6)", "(10, 1)", "(3, 3)"],
    ),
    46: (
        "A sequence starts 0, 0, 2, 0 and each later term is the sum of the four terms before it. Compute term n without recursion.",
        ["(8,)", "(9,)", "(4,)"],
    ),
    47: (
        "Return the middle value of a list after sorting it; for an even count, the mean of the two central values.",
        ["([7, 1, 3],)", "([4, 2, 8, 6],)", "([5],)"],
    ),
    48: (
        "Decide whether a string reads the same forwards and backwards.",
        ["('racecar',)", "('abca',)", "('',)"],
    ),
    49: (
        "Compute 2 raised to the power n, reduced modulo p, taking care with large n.",
        ["(10, 1000)", "(5, 3)", "(0, 7)"],
    ),
    51: (
        "Strip every vowel (a, e, i, o, u in either case) out of a piece of text.",
        ["('Programming',)", "('AEIOUxyz',)", "('rhythm',)"],
    ),
    52: (
        "Check that every number in a list is strictly smaller than a given limit.",
        ["([1, 2, 3], 4)", "([5, 6], 6)", "([], 0)"],
    ),
    54: (
        "Report whether two words are built from exactly the same set of characters, ignoring how often each one appears.",
        ["('abc', 'cab')", "('aab', 'abb')", "('abc', 'abd')"],
    ),
    55: (
        "Return the n-th number of the Fibonacci sequence (with fib(1) = 1, fib(2) = 1).",
        ["(7,)", "(15,)", "(2,)"],
    ),
    56: (
        "A string is made of '<' and '>' characters. Say whether each '<' can be matched with a later '>' like balanced brackets.",
        ["('<<>>',)", "('><',)", "('<><',)"],
    ),
    57: (
        "Report whether a list never decreases or never increases along its length.",
        ["([1, 1, 2, 3],)", "([5, 3, 3, 0],)", "([1, 3, 2],)"],
    ),
    58: (
        "Give the values present in both of two lists, without repeats and in ascending order.",
        ["([1, 2, 3, 4], [3, 4, 5])", "([7, 7], [7])", "([1], [2])"],
    ),
    59: (
        "Find the biggest prime that divides a composite number n greater than one.",
        ["(91,)", "(600,)", "(1001,)"],
    ),
    60: ("Add up all integers from 1 to n inclusive.", ["(4,)", "(50,)", "(1,)"]),
    61: (
        "A string contains only '(' and ')'. Decide whether every opening parenthesis is closed in proper order.",
        ["('(()())',)", "('())(',)", "('((',)"],
    ),
    62: (
        "A list holds polynomial coefficients from the constant term upward. Return the coefficient list of the polynomial's derivative in the same layout.",
        ["([5, 0, 3],)", "([2, 4, 6, 8],)", "([9],)"],
    ),
    63: (
        "A sequence has f(0)=0, f(1)=0, f(2)=1 and every later value is the sum of the previous three. Compute f(n) efficiently.",
        ["(6,)", "(10,)", "(3,)"],
    ),
    64: (
        "Count the vowels in a word, where a, e, i, o, u always count and 'y' counts only when it is the final letter.",
        ["('happy',)", "('yellow',)", "('AEIOU',)"],
    ),
    65: (
        "Rotate the decimal digits of an integer to the right by a given amount and return the result as a string; if the amount exceeds the digit count, return the digits reversed.",
        ["(1234, 1)", "(56, 3)", "(789, 3)"],
    ),
    66: (
        "Add up the character codes of only the uppercase letters in a string.",
        ["('HeLLo',)", "('abc',)", "('XYZ',)"],
    ),
    67: (
        "A text says how many apples and oranges a basket has, e.g. '3 apples and 4 oranges'; given the total fruit count, return how many mangoes there must be.",
        [
            "('2 apples and 3 oranges', 10)",
            "('0 apples and 0 oranges', 5)",
            "('7 apples and 1 oranges', 8)",
        ],
    ),
    68: (
        "In a list of non-negative integers, find the smallest even value and return it with the first index where it occurs as [value, index]; return [] when there is no even value.",
        ["([7, 4, 2, 2],)", "([1, 3],)", "([0, 5, 0],)"],
    ),
    69: (
        "Given positive integers, return the largest value whose number of occurrences is at least the value itself, or -1 if none qualifies.",
        ["([3, 3, 3, 2, 2],)", "([5, 5],)", "([1, 4, 4, 4, 4],)"],
    ),
    70: (
        "Reorder a list by repeatedly taking the smallest remaining value, then the largest remaining, and so on alternately.",
        ["([10, 20, 30, 40, 50],)", "([2, 2, 1],)", "([],)"],
    ),
    71: (
        "Given three side lengths, return the triangle's area rounded to two decimals, or -1 when the sides cannot form a triangle.",
        ["(5, 5, 6)", "(1, 1, 3)", "(7, 8, 9)"],
    ),
    72: (
        "An object can fly if its list of weights reads the same in both directions and the total weight does not exceed a maximum w. Decide if it flies.",
        ["([2, 5, 2], 10)", "([2, 5, 2], 8)", "([1, 2], 10)"],
    ),
    73: (
        "Find the fewest element changes needed to turn an integer array into one that is the same read backwards.",
        ["([1, 2, 3, 4],)", "([5, 1, 5],)", "([1, 2, 2, 3],)"],
    ),
    74: (
        "Of two lists of strings, return the one whose strings have fewer characters in total; on a tie return the first list.",
        ["(['ab'], ['a', 'b', 'c'])", "(['xyz'], ['xy'])", "([], ['q'])"],
    ),
    75: (
        "Decide whether a number below 100 equals the product of exactly three primes.",
        ["(30,)", "(8,)", "(10,)"],
    ),
    76: (
        "Decide whether x is an integer power of n, i.e. n**k == x for some whole k.",
        ["(81, 3)", "(10, 2)", "(1, 5)"],
    ),
    77: (
        "Decide whether an integer is the cube of some integer (negative numbers included).",
        ["(27,)", "(-8,)", "(9,)"],
    ),
    78: (
        "Given a hexadecimal string, count how many of its digits are prime values (2, 3, 5, 7, B, D).",
        ["('B7D',)", "('1111',)", "('2357ABCDEF',)"],
    ),
    79: (
        "Convert a decimal number to binary and wrap the binary digits with the marker 'db' on both ends.",
        ["(5,)", "(0,)", "(64,)"],
    ),
    80: (
        "A string is called happy when it has at least three characters and every window of three consecutive characters has no repeats. Decide if a string is happy.",
        ["('abcab',)", "('abca',)", "('aba',)"],
    ),
    82: (
        "Report whether the length of a string is a prime number.",
        ["('abcde',)", "('abcd',)", "('x',)"],
    ),
    83: (
        "For a positive n, count the n-digit positive integers whose first or last digit is 1.",
        ["(1,)", "(3,)", "(4,)"],
    ),
    85: (
        "Add together the even numbers that sit at odd indexes of a non-empty integer list.",
        ["([1, 2, 3, 4],)", "([2, 3, 4],)", "([0, 6, 0, 8],)"],
    ),
    86: (
        "For each blank-separated word of a sentence, sort its characters by code point, keeping the words and spaces in place.",
        ["('hello world',)", "('Zebra apple',)", "('cba',)"],
    ),
    89: (
        "Encrypt a lowercase string by shifting every letter four positions forward in the alphabet, wrapping past 'z'.",
        ["('abc',)", "('xyz',)", "('hello',)"],
    ),
    90: (
        "Return the second smallest distinct value of an integer list, or None when there is no such value.",
        ["([5, 3, 8, 3],)", "([2, 2],)", "([],)"],
    ),
    92: (
        "Given three numbers, return True only when all are integers and one of them is the sum of the other two.",
        ["(1, 2, 3)", "(2.0, 1, 1)", "(-1, 4, 3)"],
    ),
    96: (
        "List all prime numbers smaller than a non-negative integer n.",
        ["(12,)", "(3,)", "(30,)"],
    ),
    97: (
        "Multiply the last decimal digits of two integers.",
        ["(23, 47)", "(-15, 12)", "(10, 99)"],
    ),
    98: (
        "Count uppercase vowels that sit at even positions of a string.",
        ["('AbEcI',)", "('aEIOU',)", "('OxOxO',)"],
    ),
    100: (
        "Build a stone pile with n levels: the first level holds n stones, and each next level holds the next number of the same parity (odd after odd, even after even). Return the level sizes.",
        ["(4,)", "(5,)", "(1,)"],
    ),
    101: (
        "Split a string on commas and/or spaces into the list of words.",
        ["('one, two three',)", "('a,b,c',)", "('solo',)"],
    ),
    104: (
        "Return, sorted ascending, the positive integers of a list that contain no even digit.",
        ["([135, 22, 71, 19],)", "([2, 4],)", "([11, 3, 57],)"],
    ),
    105: (
        "Take the integers between 1 and 9 from a list, sort them, reverse them, and return their English names.",
        ["([3, 9, 1, 12],)", "([-1, 5],)", "([],)"],
    ),
    108: (
        "Count the integers of a list whose signed digit sum is positive, where the leading digit of a negative number carries the minus sign.",
        ["([-12, 5, 0],)", "([11, -11],)", "([],)"],
    ),
    112: (
        "Delete from string s every character that appears in string c, then return the remaining string and whether it is a palindrome.",
        ["('racecar', 'e')", "('hello', 'l')", "('abba', 'x')"],
    ),
    116: (
        "Sort non-negative integers by how many 1 bits their binary form has, breaking ties by the value itself.",
        ["([7, 8, 3, 1],)", "([0, 2, 4],)", "([5, 6, 9],)"],
    ),
    120: (
        "Return the k largest numbers of an array, listed in ascending order.",
        ["([5, 1, 9, 3], 2)", "([4, 4, 4], 1)", "([1, 2, 3], 0)"],
    ),
    121: (
        "Sum the odd values that are stored at even positions of a non-empty list.",
        ["([1, 2, 3, 4, 5],)", "([2, 3, 4],)", "([7],)"],
    ),
    122: (
        "Among the first k elements of an array, add up those that have at most two digits.",
        ["([5, 123, 40, 7], 3)", "([100, 200], 2)", "([12, 3, 45, 6], 4)"],
    ),
    126: (
        "Decide whether a list is in ascending order, rejecting it if any value occurs more than twice.",
        ["([1, 2, 2, 3],)", "([1, 1, 1],)", "([3, 2],)"],
    ),
    128: (
        "Multiply together the signs (1, -1 or 0) of all integers of an array and scale by the sum of their absolute values; return None for an empty array.",
        ["([2, -3, 1],)", "([0, 4],)", "([],)"],
    ),
    131: (
        "Multiply the odd digits of a positive integer; return 0 if every digit is even.",
        ["(135,)", "(2468,)", "(101,)"],
    ),
    133: (
        "Round each number of a list up to the next integer, square it, and sum the squares.",
        ["([1.2, 2.0],)", "([-1.5, 3],)", "([0.1],)"],
    ),
    136: (
        "Return a pair: the largest negative integer of a list and the smallest positive one, using None for a missing part.",
        ["([-7, -2, 4, 9],)", "([0, 3],)", "([],)"],
    ),
    139: (
        "Compute the product of the factorials 1! * 2! * ... * n!.",
        ["(3,)", "(5,)", "(1,)"],
    ),
    145: (
        "Sort integers by the sum of their digits (a negative number's first digit counts negative), keeping the original order on ties.",
        ["([21, 3, 111],)", "([-5, 14, 0],)", "([],)"],
    ),
    150: (
        "Return x if n is prime and y otherwise.",
        ["(11, 'p', 'q')", "(9, 1, 0)", "(2, 'yes', 'no')"],
    ),
    151: (
        "Add up the squares of the odd non-negative integers in a list, ignoring negatives and non-integers.",
        ["([3, 4, 5],)", "([-3, 2.5, 1],)", "([],)"],
    ),
    152: (
        "Given actual scores and guesses of the same length, return how far off each guess was (0 for an exact hit).",
        ["([1, 2, 3], [1, 5, 0])", "([0], [0])", "([4, 4], [2, 6])"],
    ),
    155: (
        "Return a pair counting the even and the odd digits of an integer (sign ignored).",
        ["(2468,)", "(-135,)", "(102,)"],
    ),
    157: (
        "Decide whether three side lengths form a right-angled triangle.",
        ["(6, 8, 10)", "(5, 12, 13)", "(2, 3, 4)"],
    ),
    159: (
        "A rabbit has already eaten some carrots, needs more, and a store holds some remaining. Return [total eaten, carrots left] after it eats what it needs or whatever is left.",
        ["(2, 5, 10)", "(3, 8, 4)", "(0, 0, 0)"],
    ),
    161: (
        "If a string has letters, flip the case of each letter; if it has none, return the string reversed.",
        ["('aBc1',)", "('4321',)", "('#x',)"],
    ),
    162: (
        "Return the MD5 hex digest of a string, or None for the empty string.",
        ["('abc',)", "('hello',)", "('',)"],
    ),
    163: (
        "Return, ascending, the even single digits lying between two positive integers a and b, whichever order they come in.",
        ["(1, 9)", "(8, 3)", "(5, 5)"],
    ),
}
