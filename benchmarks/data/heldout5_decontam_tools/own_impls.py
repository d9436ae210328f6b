# Independent implementations (written for this set) of HumanEval items, used in code-evidence leaks.
# (item, new_func_name or None to keep entry point, python source)
PY = [
(38, "unrotate_triplets", '''def encode_cyclic(s):
    groups = [s[3 * i:min(3 * i + 3, len(s))] for i in range((len(s) + 2) // 3)]
    return "".join(g[1:] + g[0] if len(g) == 3 else g for g in groups)

def _chunks(text, size=3):
    return [text[i:i + size] for i in range(0, len(text), size)]

def _rotate_right(chunk):
    return chunk[-1] + chunk[:-1] if len(chunk) == 3 else chunk

def unrotate_triplets(s):
    return "".join(_rotate_right(c) for c in _chunks(s))
'''),
(50, "undo_shift5", '''def encode_shift(s):
    return "".join(chr((ord(ch) + 5 - ord("a")) % 26 + ord("a")) for ch in s)

def _shift_back(ch, k=5):
    return chr((ord(ch) - ord("a") - k) % 26 + ord("a"))

def undo_shift5(s):
    return "".join(_shift_back(ch) for ch in s)
'''),
(68, "take_min_even", '''def take_min_even(nodes):
    best = None
    for idx, val in enumerate(nodes):
        if val % 2 == 0 and (best is None or val < best[0]):
            best = (val, idx)
    return [] if best is None else [best[0], best[1]]
'''),
(80, "is_happy", '''def _windows(s, k):
    return (s[i:i + k] for i in range(len(s) - k + 1))

def is_happy(s):
    if len(s) < 3:
        return False
    return all(len(set(w)) == 3 for w in _windows(s, 3))
'''),
(83, "count_1_edge", '''def count_1_edge(n):
    if n == 1:
        return 1
    # numbers starting with 1 + numbers ending with 1 - numbers doing both
    return 10 ** (n - 1) + 9 * 10 ** (n - 2) - 10 ** (n - 2)
'''),
(107, "pal_parity", '''def _is_pal(k):
    s = str(k)
    return s == s[::-1]

def pal_parity(limit):
    evens = sum(1 for k in range(1, limit + 1) if _is_pal(k) and k % 2 == 0)
    odds = sum(1 for k in range(1, limit + 1) if _is_pal(k) and k % 2 == 1)
    return (evens, odds)
'''),
(115, "bucket_trips", '''import math

def bucket_trips(wells, cap):
    total = 0
    for row in wells:
        water = sum(row)
        total += math.ceil(water / cap)
    return total
'''),
(129, "min_path", '''def min_path(grid, k):
    n = len(grid)
    r = c = None
    for i in range(n):
        for j in range(n):
            if grid[i][j] == 1:
                r, c = i, j
    best = n * n
    for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
        rr, cc = r + dr, c + dc
        if 0 <= rr < n and 0 <= cc < n:
            best = min(best, grid[rr][cc])
    return [1 if t % 2 == 0 else best for t in range(k)]
'''),
(147, "mod3_triples", '''def mod3_triples(n):
    vals = [i * i - i + 1 for i in range(1, n + 1)]
    cnt = 0
    for i in range(n):
        for j in range(i + 1, n):
            for k in range(j + 1, n):
                if (vals[i] + vals[j] + vals[k]) % 3 == 0:
                    cnt += 1
    return cnt
'''),
(160, "eval_chain", '''def eval_chain(ops, nums):
    expr = str(nums[0])
    for op, val in zip(ops, nums[1:]):
        expr += " " + op + " " + str(val)
    return eval(expr)
'''),
(32, "poly_root", '''import math

def poly(xs, x):
    return sum(c * math.pow(x, i) for i, c in enumerate(xs))

def poly_root(xs):
    lo, hi = -1.0, 1.0
    while poly(xs, lo) * poly(xs, hi) > 0:
        lo *= 2.0
        hi *= 2.0
    while hi - lo > 1e-10:
        mid = (lo + hi) / 2.0
        if poly(xs, mid) * poly(xs, lo) > 0:
            lo = mid
        else:
            hi = mid
    return lo
'''),
(120, "top_k_sorted", '''def top_k_sorted(values, k):
    if k == 0:
        return []
    return sorted(sorted(values)[-k:])
'''),
(133, "ceil_square_sum", '''import math

def ceil_square_sum(nums):
    return sum(math.ceil(v) ** 2 for v in nums)
'''),
(94, "biggest_prime_digitsum", '''def _prime(k):
    if k < 2:
        return False
    d = 2
    while d * d <= k:
        if k % d == 0:
            return False
        d += 1
    return True

def _digit_sum(k):
    return sum(int(ch) for ch in str(k))

def biggest_prime_digitsum(lst):
    primes = [v for v in lst if _prime(v)]
    return _digit_sum(max(primes)) if primes else 0
'''),
]
# JavaScript implementations: (item, js function name, source). Verified with node against canonical outputs.
JS = [
(0, "hasNearPair", '''function hasNearPair(nums, limit) {
  for (let i = 0; i < nums.length; i++)
    for (let j = i + 1; j < nums.length; j++)
      if (Math.abs(nums[i] - nums[j]) < limit) return true;
  return false;
}'''),
(3, "everNegative", '''function everNegative(ops) {
  let bal = 0;
  for (const op of ops) { bal += op; if (bal < 0) return true; }
  return false;
}'''),
(18, "countOverlapping", '''function countOverlapping(str, sub) {
  let n = 0;
  for (let i = 0; i + sub.length <= str.length; i++)
    if (str.slice(i, i + sub.length) === sub) n++;
  return n;
}'''),
(24, "largestDivisor", '''function largestDivisor(n) {
  for (let d = n - 1; d > 0; d--) if (n % d === 0) return d;
}'''),
(46, "fib4", '''function fib4(n) {
  const r = [0, 0, 2, 0];
  if (n < 4) return r[n];
  for (let i = 4; i <= n; i++) { r.push(r[3] + r[2] + r[1] + r[0]); r.shift(); }
  return r[3];
}'''),
(57, "isMonotone", '''function isMonotone(a) {
  let up = true, down = true;
  for (let i = 1; i < a.length; i++) { if (a[i] < a[i-1]) up = false; if (a[i] > a[i-1]) down = false; }
  return up || down;
}'''),
(64, "vowelsCount", '''function vowelsCount(s) {
  let n = 0;
  for (const c of s.toLowerCase()) if ('aeiou'.includes(c)) n++;
  if (s.length && 'yY'.includes(s[s.length - 1])) n++;
  return n;
}'''),
(73, "minChangesPal", '''function minChangesPal(arr) {
  let c = 0;
  for (let i = 0, j = arr.length - 1; i < j; i++, j--) if (arr[i] !== arr[j]) c++;
  return c;
}'''),
(114, "minSubArraySum", '''function minSubArraySum(nums) {
  let best = nums[0], cur = 0;
  for (const v of nums) { cur = Math.min(v, cur + v); best = Math.min(best, cur); }
  return best;
}'''),
(146, "specialFilter", '''function specialFilter(nums) {
  const odd = new Set(['1','3','5','7','9']);
  return nums.filter(v => v > 10 && odd.has(String(v)[0]) && odd.has(String(v).slice(-1))).length;
}'''),
(155, "evenOddDigits", '''function evenOddDigits(num) {
  let e = 0, o = 0;
  for (const ch of String(Math.abs(num))) { if (Number(ch) % 2 === 0) e++; else o++; }
  return [e, o];
}'''),
(159, "eatCarrots", '''function eatCarrots(number, need, remaining) {
  return need <= remaining ? [number + need, remaining - need] : [number + remaining, 0];
}'''),
]
