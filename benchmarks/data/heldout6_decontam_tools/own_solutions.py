"""My own independent solutions of HumanEval items (Python and JavaScript).

Python ones are verified with the item's check(); JavaScript ones by comparing node's output
with the canonical Python solution on the listed inputs.
"""

# item -> (function name used in the code, code)
PY_OWN = {
    12: (
        "pick_longest",
        "from typing import List, Optional\n\n\ndef pick_longest(words: List[str]) -> Optional[str]:\n    best = None\n    for w in words:\n        if best is None or len(w) > len(best):\n            best = w\n    return best\n",
    ),
    25: (
        "prime_factors",
        "def _smallest_factor(m):\n    d = 2\n    while d * d <= m:\n        if m % d == 0:\n            return d\n        d += 1\n    return m\n\n\ndef prime_factors(value):\n    out = []\n    while value > 1:\n        d = _smallest_factor(value)\n        out.append(d)\n        value //= d\n    return out\n",
    ),
    107: (
        "count_pal_parity",
        "def _is_pal(k):\n    s = str(k)\n    return s == s[::-1]\n\n\ndef _parity_bucket(k):\n    return 0 if k % 2 == 0 else 1\n\n\ndef count_pal_parity(limit):\n    counts = [0, 0]\n    for k in range(1, limit + 1):\n        if _is_pal(k):\n            counts[_parity_bucket(k)] += 1\n    return tuple(counts)\n",
    ),
    129: (
        "min_path_values",
        "def min_path_values(grid, k):\n    n = len(grid)\n    # the best path alternates between cell 1 and its smallest neighbour\n    for i in range(n):\n        for j in range(n):\n            if grid[i][j] == 1:\n                r, c = i, j\n    neigh = [grid[r + dr][c + dc] for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1))\n             if 0 <= r + dr < n and 0 <= c + dc < n]\n    m = min(neigh)\n    return [1 if i % 2 == 0 else m for i in range(k)]\n",
    ),
    130: (
        "tribonacci_list",
        "def tribonacci_list(n):\n    if n == 0:\n        return [1]\n    seq = [1, 3]\n    for i in range(2, n + 1):\n        if i % 2 == 0:\n            seq.append(i / 2 + 1)\n        else:\n            seq.append(seq[i - 1] + seq[i - 2] + (i + 3) / 2)\n    return seq\n",
    ),
    147: (
        "count_triples",
        "def count_triples(n):\n    vals = [i * i - i + 1 for i in range(1, n + 1)]\n    buckets = [0, 0, 0]\n    for v in vals:\n        buckets[v % 3] += 1\n    # a+b+c divisible by 3: all same residue, or one of each residue\n    def choose3(k):\n        return k * (k - 1) * (k - 2) // 6\n    return sum(choose3(b) for b in buckets) + buckets[0] * buckets[1] * buckets[2]\n",
    ),
    156: (
        "to_roman_lower",
        "PAIRS = [(1000, 'm'), (900, 'cm'), (500, 'd'), (400, 'cd'), (100, 'c'), (90, 'xc'),\n         (50, 'l'), (40, 'xl'), (10, 'x'), (9, 'ix'), (5, 'v'), (4, 'iv'), (1, 'i')]\n\n\ndef to_roman_lower(num):\n    parts = []\n    for value, sym in PAIRS:\n        while num >= value:\n            parts.append(sym)\n            num -= value\n    return ''.join(parts)\n",
    ),
    148: (
        "planets_between",
        "ORDER = ('Mercury', 'Venus', 'Earth', 'Mars', 'Jupiter', 'Saturn', 'Uranus', 'Neptune')\n\n\ndef planets_between(p1, p2):\n    if p1 not in ORDER or p2 not in ORDER or p1 == p2:\n        return ()\n    i, j = sorted((ORDER.index(p1), ORDER.index(p2)))\n    return ORDER[i + 1:j]\n",
    ),
    141: (
        "check_file_name",
        "def _valid_stem(stem):\n    return bool(stem) and stem[0].isalpha() and sum(c.isdigit() for c in stem) <= 3\n\n\ndef check_file_name(name):\n    parts = name.split('.')\n    if len(parts) != 2 or parts[1] not in ('txt', 'exe', 'dll'):\n        return 'No'\n    if sum(c.isdigit() for c in name) > 3:\n        return 'No'\n    return 'Yes' if _valid_stem(parts[0]) else 'No'\n",
    ),
    143: (
        "prime_length_words",
        "def _is_prime(k):\n    return k > 1 and all(k % d for d in range(2, int(k ** 0.5) + 1))\n\n\ndef prime_length_words(sentence):\n    return ' '.join(w for w in sentence.split() if _is_prime(len(w)))\n",
    ),
}

# item -> (js function name, js code, list of input arg tuples as Python source)
JS_OWN = {
    0: (
        "hasCloseElements",
        "function hasCloseElements(nums, limit) {\n  const s = [...nums].sort((a, b) => a - b);\n  for (let i = 1; i < s.length; i++) {\n    if (s[i] - s[i - 1] < limit) return true;\n  }\n  return false;\n}",
        [
            "([1.0, 2.0, 3.9, 4.0, 5.0, 2.2], 0.3)",
            "([1.0, 2.0, 3.9, 4.0, 5.0, 2.2], 0.05)",
            "([1.0, 2.0, 5.9, 4.0, 5.0], 0.95)",
            "([1.1, 2.2, 3.1, 4.1, 5.1], 0.5)",
        ],
    ),
    3: (
        "belowZero",
        "const belowZero = (ops) => {\n  let bal = 0;\n  for (const op of ops) {\n    bal += op;\n    if (bal < 0) return true;\n  }\n  return false;\n};",
        [
            "([],)",
            "([1, 2, -3, 1, 2, -3],)",
            "([1, 2, -4, 5, 6],)",
            "([1, -1, 2, -2, 5, -5, 4, -5],)",
        ],
    ),
    13: (
        "gcd",
        "function gcd(a, b) {\n  while (b !== 0) { [a, b] = [b, a % b]; }\n  return a;\n}",
        ["(3, 7)", "(10, 15)", "(49, 14)", "(144, 60)"],
    ),
    31: (
        "isPrime",
        "function isPrime(n) {\n  if (n < 2) return false;\n  for (let d = 2; d * d <= n; d++) if (n % d === 0) return false;\n  return true;\n}",
        ["(6,)", "(101,)", "(11,)", "(13441,)", "(61,)", "(4,)", "(1,)", "(85,)"],
    ),
    48: (
        "isPalindrome",
        "function isPalindrome(text) {\n  return text === text.split('').reverse().join('');\n}",
        ["('',)", "('aba',)", "('aaaaa',)", "('zbcd',)", "('xywyx',)"],
    ),
    55: (
        "fib",
        "function fib(n) {\n  let a = 0, b = 1;\n  for (let i = 0; i < n; i++) [a, b] = [b, a + b];\n  return a;\n}",
        ["(10,)", "(1,)", "(8,)", "(11,)", "(12,)"],
    ),
    61: (
        "correctBracketing",
        "function correctBracketing(brackets) {\n  let depth = 0;\n  for (const ch of brackets) {\n    depth += ch === '(' ? 1 : -1;\n    if (depth < 0) return false;\n  }\n  return depth === 0;\n}",
        [
            "('()',)",
            "('(()())',)",
            "('()()(()())()',)",
            "('((()())))',)",
            "(')(()',)",
            "('(',)",
        ],
    ),
    70: (
        "strangeSortList",
        "function strangeSortList(lst) {\n  const rest = [...lst].sort((a, b) => a - b);\n  const out = [];\n  let low = true;\n  while (rest.length) {\n    out.push(low ? rest.shift() : rest.pop());\n    low = !low;\n  }\n  return out;\n}",
        [
            "([1, 2, 3, 4],)",
            "([5, 6, 7, 8, 9],)",
            "([5, 5, 5, 5],)",
            "([],)",
            "([0, 2, 2, 2, 5, 5, -5, -5],)",
        ],
    ),
    96: (
        "countUpTo",
        "function countUpTo(n) {\n  const primes = [];\n  for (let k = 2; k < n; k++) {\n    if (primes.every(p => k % p !== 0)) primes.push(k);\n  }\n  return primes;\n}",
        ["(5,)", "(6,)", "(10,)", "(22,)", "(1,)", "(18,)"],
    ),
    152: (
        "compare",
        "const compare = (game, guess) => game.map((g, i) => Math.abs(g - guess[i]));",
        [
            "([1, 2, 3, 4, 5, 1], [1, 2, 3, 4, 2, -2])",
            "([0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0])",
            "([1, 2, 3], [-1, -2, -3])",
        ],
    ),
    157: (
        "rightAngleTriangle",
        "function rightAngleTriangle(a, b, c) {\n  const [x, y, z] = [a, b, c].sort((p, q) => p - q);\n  return x * x + y * y === z * z;\n}",
        ["(3, 4, 5)", "(1, 2, 3)", "(10, 6, 8)", "(2, 2, 2)", "(7, 24, 25)"],
    ),
    27: (
        "flipCase",
        "function flipCase(str) {\n  return [...str].map(c => c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()).join('');\n}",
        ["('',)", "('Hello!',)", "('These violent delights have violent ends',)"],
    ),
}
