# Hand-written alternative solutions (Python) that must pass the item's check.
ALT_PY = {
9: ("running_peak", '''from itertools import accumulate

def running_peak(values):
    return list(accumulate(values, max)) if values else []
'''),
12: ("pick_longest", '''def pick_longest(items):
    best = None
    for s in items:
        if best is None or len(s) > len(best):
            best = s
    return best
'''),
24: ("biggest_proper_divisor", '''def biggest_proper_divisor(n):
    d = n - 1
    while d > 0 and n % d:
        d -= 1
    return d
'''),
26: ("keep_singletons", '''from collections import Counter

def keep_singletons(xs):
    seen = Counter(xs)
    return [x for x in xs if seen[x] == 1]
'''),
43: ("has_zero_pair", '''def has_zero_pair(nums):
    seen = set()
    for x in nums:
        if -x in seen:
            return True
        seen.add(x)
    return False
'''),
57: ("is_monotone", '''def is_monotone(seq):
    inc = all(a <= b for a, b in zip(seq, seq[1:]))
    dec = all(a >= b for a, b in zip(seq, seq[1:]))
    return inc or dec
'''),
70: ("zigzag_order", '''def zigzag_order(xs):
    rest = sorted(xs)
    out = []
    lo, hi = 0, len(rest) - 1
    take_low = True
    while lo <= hi:
        if take_low:
            out.append(rest[lo]); lo += 1
        else:
            out.append(rest[hi]); hi -= 1
        take_low = not take_low
    return out
'''),
73: ("min_edits_to_palindrome", '''def min_edits_to_palindrome(arr):
    return sum(1 for i in range(len(arr) // 2) if arr[i] != arr[-1 - i])
'''),
90: ("second_lowest", '''def second_lowest(nums):
    distinct = sorted(set(nums))
    return distinct[1] if len(distinct) > 1 else None
'''),
135: ("last_drop_index", '''def last_drop_index(arr):
    for i in range(len(arr) - 1, 0, -1):
        if arr[i] < arr[i - 1]:
            return i
    return -1
'''),
155: ("digit_parity_counts", '''def digit_parity_counts(num):
    ds = [int(c) for c in str(abs(num))]
    ev = sum(1 for d in ds if d % 2 == 0)
    return (ev, len(ds) - ev)
'''),
}

# Hand-written JavaScript solutions; verified with node against the item's check inputs.
ALT_JS = {
3: ("goesNegative", '''function goesNegative(ops) {
  let bal = 0;
  for (const op of ops) {
    bal += op;
    if (bal < 0) return true;
  }
  return false;
}'''),
16: ("distinctCharsIgnoreCase", '''function distinctCharsIgnoreCase(s) {
  return new Set(s.toLowerCase()).size;
}'''),
58: ("sharedSorted", '''function sharedSorted(a, b) {
  const bs = new Set(b);
  return [...new Set(a.filter(x => bs.has(x)))].sort((x, y) => x - y);
}'''),
121: ("oddAtEven", '''function oddAtEven(lst) {
  let s = 0;
  lst.forEach((v, i) => { if (i % 2 === 0 && v % 2 !== 0) s += v; });
  return s;
}'''),
60: ("sumOneToN", '''function sumOneToN(n) {
  return n * (n + 1) / 2;
}'''),
}

# New example inputs (not taken from the item) for prose_new_values leaks.
NEWIN = {

67: [("3 apples and 7 oranges", 25), ("12 apples and 0 oranges", 12)],
71: [(6, 8, 10), (2, 3, 9), (5, 5, 5)], 72: [([2, 5, 2], 10), ([2, 5, 2], 8), ([4, 1], 9)],
74: [(["red", "blue"], ["green", "x"]), (["ab"], ["a", "b", "c"])],
75: [(42,), (45,), (49,)], 76: [(27, 3), (28, 3), (1, 7)], 77: [(125,), (-27,), (50,)],
79: [(10,), (1,), (64,)], 81: [([3.5, 2.1, 0.5, 4.0],), ([1.2, 3.9],)],
83: [(2,), (5,)], 84: [(999,), (47,)], 86: [("Zebra cab",), ("hello World!",)],
87: [([[4, 2], [2, 9, 2], []], 2), ([[7], [1, 7]], 7)], 89: [("lab",), ("zoo",)],
91: [("I win. You lose! I rest?",), ("Nothing here. Is it?",)],
92: [(4, 9, 5), (2.0, 1, 1), (-3, 1, -2)], 93: [("Decode",), ("banana",)],
95: [({"x": 1, "y": 2},), ({"Q": 1, "R": 2, "s": 3},)],
96: [(15,), (3,)], 97: [(37, 44), (-16, 23)], 98: [("AEbIOU",), ("XyEzA",)],
100: [(5,), (9,)], 101: [("red, green blue",), ("one,two three",)],
102: [(7, 15), (11, 11), (20, 30)], 103: [(3, 9), (10, 4), (5, 6)],
104: [([31, 77, 42, 193],), ([248, 135, 9],)], 105: [([7, 3, 11, 3, -2, 9],), ([4],)],
108: [([-15, 3, 0, 22],), ([-9, -8, 10],)], 111: [("q q r s r",), ("z",)],
112: [("banana", "n"), ("deed", "x")], 116: [([6, 1, 3, 8],), ([9, 2, 4],)],
117: [("my cat drank milk slowly", 3), ("a big dog", 2)],
118: [("forest",), ("Alphabet",), ("oat",)], 120: [([9, -1, 7, 4, 2], 3), ([5, 5, 1], 2)],
122: [([250, 7, 33, 1000, 12], 4), ([5, 123, 99], 3)], 123: [(6,), (11,)],
124: [("02-29-2021",), ("11-31-2019",), ("12-25-2000",)],
125: [("apples,pears,plums",), ("hi there friend",), ("zzz",)],
126: [([1, 3, 3, 8],), ([2, 2, 2, 5],), ([4, 2, 9],)],
128: [([2, -3, 5],), ([-1, -4, 6, 0],)], 130: [(6,), (2,)], 131: [(2357,), (468,)],
133: [([0.2, 2.5, -1.7],), ([3, 4],)], 138: [(14,), (22,), (7,)], 139: [(3,), (6,)],
140: [("a b  c   d",), ("  go",)], 141: [("report7.exe",), ("9start.txt",), ("ab1234.dll",)],
144: [("3/4", "8/3"), ("2/5", "5/3")], 150: [(13, 100, 200), (21, 3, 4)],
151: [([3, 4, 5, -7],), ([1.5, 9, 0],)], 152: [([3, 0, 2], [1, 0, 5]), ([10, 10], [7, 13])],
154: [("database", "sedat"), ("rotate", "ater")], 157: [(8, 15, 17), (4, 5, 6)],
158: [(["plane", "apple", "pearl"],), (["aa", "bb"],)], 159: [(3, 8, 20), (10, 5, 2)],
161: [("HeLLo, 42",), ("2024!",)], 163: [(9, 3), (1, 5)],
}
