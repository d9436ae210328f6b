"""Hand-written ordinary programming records that are not HumanEval tasks: (format, text)."""

ORD = [
    (
        "chat",
        "User: How do I read a CSV with pandas and keep only rows where 'country' is 'FR'?\n\nAssistant: Load it and filter with a boolean mask:\n\n```python\nimport pandas as pd\n\ndf = pd.read_csv('sales.csv')\nfr = df[df['country'] == 'FR']\nprint(fr.head())\n```",
    ),
    (
        "qa",
        "Q: What is the difference between INNER JOIN and LEFT JOIN in SQL?\nA: INNER JOIN keeps only rows with a match in both tables; LEFT JOIN keeps every row of the left table and fills the right side with NULL when nothing matches.\n\n```sql\nSELECT c.name, o.total FROM customers c LEFT JOIN orders o ON o.customer_id = c.id;\n```",
    ),
    (
        "code_only",
        "from flask import Flask, jsonify\n\napp = Flask(__name__)\n\n\n@app.route('/health')\ndef health():\n    return jsonify(status='ok')\n\n\nif __name__ == '__main__':\n    app.run(port=8080)\n",
    ),
    (
        "explain_then_code",
        "An LRU cache evicts the least recently used key once it is full. An OrderedDict makes this easy: move a key to the end on every access and pop from the front when over capacity.\n\n```python\nfrom collections import OrderedDict\n\nclass LRUCache:\n    def __init__(self, capacity):\n        self.capacity = capacity\n        self.data = OrderedDict()\n\n    def get(self, key):\n        if key not in self.data:\n            return -1\n        self.data.move_to_end(key)\n        return self.data[key]\n\n    def put(self, key, value):\n        self.data[key] = value\n        self.data.move_to_end(key)\n        if len(self.data) > self.capacity:\n            self.data.popitem(last=False)\n```",
    ),
    (
        "ticket",
        "Ticket OPS-412: The nightly export job should accept a --since YYYY-MM-DD flag.\nAcceptance: `python export.py --since 2026-01-01` exports only records created on or after that date; an invalid date prints a usage error and exits with status 2.\n\nSuggested start:\n```python\nimport argparse, datetime\np = argparse.ArgumentParser()\np.add_argument('--since', type=datetime.date.fromisoformat)\nargs = p.parse_args()\n```",
    ),
    (
        "bullet_spec",
        "Spec: singly linked list\n- class Node with fields value and next\n- class LinkedList with push_front(value), pop_front() -> value, and __len__\n- pop_front on an empty list raises IndexError\n- iteration yields values from head to tail",
    ),
    (
        "code_review_request",
        "Can you review this? I'm worried about SQL injection.\n\n```python\ndef find_user(conn, name):\n    cur = conn.cursor()\n    cur.execute(f\"SELECT * FROM users WHERE name = '{name}'\")\n    return cur.fetchone()\n```\n\nReviewer: Yes, interpolating `name` is injectable. Use a parameter: `cur.execute('SELECT * FROM users WHERE name = ?', (name,))`.",
    ),
    (
        "multi_turn",
        "User: My React component re-renders forever.\nAssistant: Are you calling setState inside useEffect without a dependency array?\nUser: Yes, useEffect(() => setCount(count + 1)).\nAssistant: That runs after every render and triggers another one. Give it a dependency list, e.g. useEffect(() => {...}, []) to run once on mount.",
    ),
    (
        "exercise_sheet",
        "Exercise 3 (binary search tree)\n(a) Implement insert(root, key) returning the new root.\n(b) Implement inorder(root) returning the keys in sorted order.\n(c) What is the worst-case height after inserting 1, 2, 3, ..., n in that order? Explain.",
    ),
    (
        "chat",
        "User: How can I group a DataFrame by 'region' and get the mean and max of 'revenue'?\n\nAssistant: `df.groupby('region')['revenue'].agg(['mean', 'max'])` returns one row per region with both statistics.",
    ),
    (
        "code_only",
        "import json\nimport sys\n\n\ndef main(path):\n    with open(path) as fh:\n        config = json.load(fh)\n    for key in sorted(config):\n        print(f'{key}={config[key]}')\n\n\nif __name__ == '__main__':\n    main(sys.argv[1])\n",
    ),
    (
        "qa",
        "Q: Why does `git pull` say 'divergent branches'?\nA: Your local branch and the remote both have commits the other lacks. Choose a strategy: `git pull --rebase` to replay your commits on top, or `git pull --no-rebase` to merge.",
    ),
    (
        "explain_then_code",
        "To debounce a function in JavaScript, keep a timer and reset it on every call so the function only runs after calls stop for `wait` ms.\n\n```javascript\nfunction debounce(fn, wait) {\n  let t;\n  return (...args) => {\n    clearTimeout(t);\n    t = setTimeout(() => fn(...args), wait);\n  };\n}\n```",
    ),
    (
        "ticket",
        'BUG-88: /api/orders returns 500 when the \'limit\' query parameter is not a number.\nExpected: 400 with body {"error": "limit must be an integer"}.\nNotes: validation lives in orders/views.py; add a test in tests/test_orders.py.',
    ),
    (
        "bullet_spec",
        "Rate limiter requirements:\n- token bucket, capacity 10, refill 1 token per second\n- allow(client_id) returns True and consumes a token if one is available\n- buckets are per client and created lazily\n- use a monotonic clock so system time changes do not matter",
    ),
    (
        "code_review_request",
        "Please review my Dockerfile:\n\nFROM python:3.11\nCOPY . /app\nRUN pip install -r /app/requirements.txt\nCMD python /app/main.py\n\nReviewer: copy requirements.txt first and install before copying the rest, so the dependency layer is cached; consider python:3.11-slim and a non-root user.",
    ),
    (
        "multi_turn",
        "User: How do I make a Python dataclass immutable?\nAssistant: Use @dataclass(frozen=True); assigning to a field then raises FrozenInstanceError.\nUser: Can I still compute a derived field in __post_init__?\nAssistant: Yes, with object.__setattr__(self, 'field', value) inside __post_init__.",
    ),
    (
        "code_only",
        "CREATE TABLE orders (\n    id SERIAL PRIMARY KEY,\n    customer_id INT NOT NULL REFERENCES customers(id),\n    total NUMERIC(10, 2) NOT NULL,\n    created_at TIMESTAMPTZ NOT NULL DEFAULT now()\n);\nCREATE INDEX orders_customer_idx ON orders (customer_id);\n",
    ),
    (
        "chat",
        "User: Write a Python function that merges two dicts, summing values of common keys.\n\nAssistant:\n```python\nfrom collections import Counter\n\ndef merge_sum(a, b):\n    return dict(Counter(a) + Counter(b))\n```\nNote Counter drops keys whose sum is zero or negative; use a loop if you need to keep them.",
    ),
    (
        "qa",
        "Q: How do I run only the tests whose name contains 'parser' with pytest?\nA: `pytest -k parser`. Combine expressions with and/or/not, e.g. `pytest -k \"parser and not slow\"`.",
    ),
    (
        "exercise_sheet",
        "Worksheet: queues and stacks\n1. Implement a queue using two stacks; state the amortised cost of dequeue.\n2. Use a stack to evaluate a postfix expression such as '3 4 + 2 *'.\n3. Explain why BFS uses a queue and DFS a stack.",
    ),
    (
        "explain_then_code",
        "Reading a large file line by line keeps memory flat, because the file object is an iterator.\n\n```python\ndef count_errors(path):\n    n = 0\n    with open(path, encoding='utf-8') as fh:\n        for line in fh:\n            if 'ERROR' in line:\n                n += 1\n    return n\n```",
    ),
    (
        "ticket",
        "FEAT-301: add pagination to the admin user list.\n- page size 50, `?page=N` query parameter, default 1\n- show 'Previous' / 'Next' links only when they exist\n- keep the current sort order across pages",
    ),
    (
        "code_only",
        "import asyncio\nimport aiohttp\n\n\nasync def fetch_all(urls):\n    async with aiohttp.ClientSession() as session:\n        async def one(u):\n            async with session.get(u) as r:\n                return u, r.status\n        return await asyncio.gather(*(one(u) for u in urls))\n",
    ),
    (
        "bullet_spec",
        "CLI `todo`:\n- `todo add TEXT` appends an item to ~/.todo.json\n- `todo list` prints items numbered from 1\n- `todo done N` marks item N complete\n- exit code 1 with a message when N is out of range",
    ),
    (
        "chat",
        "User: What's a regex to pull the domain out of an email address?\n\nAssistant: `re.search(r'@([\\w.-]+)$', email).group(1)` gives everything after the @; for 'ann@mail.example.org' it returns 'mail.example.org'.",
    ),
    (
        "multi_turn",
        "User: My pandas merge produced more rows than either input.\nAssistant: The join key is probably duplicated on both sides, so you get a many-to-many product.\nUser: How can I detect that up front?\nAssistant: Pass validate='one_to_one' (or 'one_to_many') to merge; pandas raises MergeError if the keys are not unique as stated.",
    ),
    (
        "code_review_request",
        "Review request: is this thread-safe?\n\n```python\ncounter = 0\n\ndef worker():\n    global counter\n    for _ in range(1000):\n        counter += 1\n```\n\nReviewer: No; `counter += 1` is a read-modify-write. Guard it with a threading.Lock or use a queue to collect results.",
    ),
    (
        "qa",
        "Q: In Go, what does `defer` do?\nA: It schedules a call to run when the surrounding function returns, in last-in-first-out order; commonly used to close files or unlock mutexes.",
    ),
    (
        "code_only",
        "class Stack:\n    def __init__(self):\n        self._items = []\n\n    def push(self, item):\n        self._items.append(item)\n\n    def pop(self):\n        if not self._items:\n            raise IndexError('pop from empty stack')\n        return self._items.pop()\n\n    def peek(self):\n        return self._items[-1] if self._items else None\n",
    ),
    (
        "explain_then_code",
        "Dijkstra's algorithm with a binary heap finds shortest paths from one source when edge weights are non-negative.\n\n```python\nimport heapq\n\ndef dijkstra(graph, src):\n    dist = {src: 0}\n    heap = [(0, src)]\n    while heap:\n        d, u = heapq.heappop(heap)\n        if d > dist.get(u, float('inf')):\n            continue\n        for v, w in graph.get(u, []):\n            nd = d + w\n            if nd < dist.get(v, float('inf')):\n                dist[v] = nd\n                heapq.heappush(heap, (nd, v))\n    return dist\n```",
    ),
    (
        "exercise_sheet",
        "SQL practice\n1. List the five customers with the highest total order value in 2025.\n2. For each month, count distinct customers who placed at least one order.\n3. Find products that were never ordered (use NOT EXISTS).",
    ),
    (
        "ticket",
        "PERF-19: the dashboard query takes 9 s.\nEXPLAIN shows a sequential scan on events(created_at). Add an index on (account_id, created_at) and re-measure; target under 500 ms at p95.",
    ),
    (
        "chat",
        "User: How do I parse command-line flags in a Node script without a library?\n\nAssistant: `process.argv.slice(2)` gives the raw arguments; for simple `--key=value` pairs:\n```javascript\nconst opts = Object.fromEntries(process.argv.slice(2).map(a => a.replace(/^--/, '').split('=')));\n```",
    ),
    (
        "bullet_spec",
        "Matrix helper module:\n- transpose(m) for a list of equal-length rows\n- matmul(a, b) raising ValueError on shape mismatch\n- identity(n)\n- no numpy dependency",
    ),
    (
        "multi_turn",
        "User: How do I write a unit test for a function that calls requests.get?\nAssistant: Patch it: with unittest.mock.patch('mymodule.requests.get') as g: g.return_value.json.return_value = {...}.\nUser: And to assert the URL?\nAssistant: g.assert_called_once_with('https://api.example.com/items', timeout=5).",
    ),
    (
        "code_only",
        'def chunked(iterable, size):\n    """Yield lists of at most `size` items."""\n    batch = []\n    for item in iterable:\n        batch.append(item)\n        if len(batch) == size:\n            yield batch\n            batch = []\n    if batch:\n        yield batch\n',
    ),
    (
        "qa",
        "Q: What does `SELECT COUNT(*)` versus `COUNT(column)` return?\nA: COUNT(*) counts rows; COUNT(column) counts rows where that column is not NULL.",
    ),
    (
        "code_review_request",
        "Could someone look at this pandas line? `df['ratio'] = df.a / df.b` gives inf in some rows.\n\nReviewer: b is zero there. Use `df['ratio'] = df.a.div(df.b).replace([np.inf, -np.inf], np.nan)` or filter b != 0 first.",
    ),
    (
        "explain_then_code",
        "A trie stores strings by shared prefixes; lookups cost O(length of word).\n\n```python\nclass Trie:\n    def __init__(self):\n        self.root = {}\n\n    def insert(self, word):\n        node = self.root\n        for ch in word:\n            node = node.setdefault(ch, {})\n        node['$'] = True\n\n    def contains(self, word):\n        node = self.root\n        for ch in word:\n            if ch not in node:\n                return False\n            node = node[ch]\n        return '$' in node\n```",
    ),
    (
        "exercise_sheet",
        "Lab 5: HTTP\n1. Use curl to send a POST with a JSON body to httpbin-style echo service running locally on port 8000.\n2. Which status code should a server return for a missing resource? For a validation error?\n3. Explain what the Content-Type header tells the server.",
    ),
    (
        "ticket",
        "CHORE-7: migrate logging to the standard library `logging` module.\n- replace print() calls in worker/ with logger.info / logger.error\n- configure level from the LOG_LEVEL environment variable, default INFO",
    ),
    (
        "chat",
        "User: How do I convert a list of dicts into a pandas DataFrame and save it as parquet?\n\nAssistant: `pd.DataFrame(records).to_parquet('out.parquet', index=False)` (needs pyarrow or fastparquet installed).",
    ),
    (
        "bullet_spec",
        "Password policy checker:\n- at least 12 characters\n- contains a digit and a letter\n- not one of the 1000 most common passwords (list loaded from a file)\n- returns a list of failed rules, empty when the password is acceptable",
    ),
    (
        "code_only",
        '#!/usr/bin/env bash\nset -euo pipefail\nfor f in logs/*.log; do\n  gzip -9 "$f"\ndone\necho "compressed $(ls logs/*.gz | wc -l) files"\n',
    ),
    (
        "multi_turn",
        "User: How do I undo my last commit but keep the changes?\nAssistant: git reset --soft HEAD~1 keeps them staged; git reset HEAD~1 keeps them unstaged.\nUser: And if I already pushed?\nAssistant: Prefer git revert HEAD, which adds a new commit instead of rewriting shared history.",
    ),
]
