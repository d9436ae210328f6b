"""Example pairs a record states: a call's input and the output it says the call gives.

A rewording that shows an item's examples keeps the item's inputs *and* outputs
(`is_monotone([1, 20, 4, 10]) should give False`); a look-alike built on the item may reuse its inputs,
but its outputs are its own task's. So a pair is evidence about an item once the item's reference
solution is run on the pair's input (in the sandbox, behaviour_probe_child.py): a pair the reference
reproduces points to the item, a pair it contradicts (another value, or an error on that input) points
away from it.

Pairs are read however a text states them, the call written as Python (`name(args)`, literal arguments
only) followed by its output:

- doctests: `>>> f(x)` and the output on the next line (or `>>> f(x) == y` on one line);
- `f(x) -> y`, `=> y`, `== y`, `= y`, `returns y`, `should give/return/be y`, `must evaluate to y`,
  `evaluates to y`, `gives y`, `is y`, `outputs y`;
- a question and its answer: `what is f(x)?` ... `A: The result is y`.

The output must be a Python literal (numbers, strings, lists, tuples, dicts, sets, booleans, None).
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from dataclasses import field as dataclass_field

_CALL = re.compile(r"(?<![\w.])([A-Za-z_]\w*)\(")
_CONNECTOR = re.compile(
    r"[ \t]*(?:\)?[ \t]*)?(?:\?\s*(?:(?:A|Answer)\s*:\s*)?(?:the\s+(?:result|answer|output)\s+(?:is|will\s+be)\s*:?)?"
    r"|[ \t]*(?:->|=>|→|==|=(?!=)|:)[ \t]*"
    r"|[ \t]*,?[ \t]*(?:which\s+)?(?:returns?|gives?|yields?|outputs?|produces?|is|evaluates?\s+to"
    r"|(?:should|must|will|would)\s+(?:give|return|be|output|produce|yield|evaluate\s+to))"
    r"(?:\s+(?:the\s+)?(?:list|string|value|number|integer|tuple|pair|dict|dictionary|set|boolean)\b)?[ \t]*:?[ \t]*)",
    re.IGNORECASE)
_ANSWER = re.compile(r"\s*(?:A|Answer)\s*:\s*(?:the\s+(?:result|answer|output)\s+is\s*:?\s*)?", re.IGNORECASE)
_SCALAR = re.compile(r"-?(?:\d+\.\d+|\.\d+|\d+)(?:[eE][-+]?\d+)?|True|False|None")
_OPEN = {"(": ")", "[": "]", "{": "}"}
_OPERATOR = re.compile(r"[ \t]*(?:[-+*/%^]|\*\*)[ \t]*[\w(]")
MAX_LITERAL = 400  # characters of an input or output read at most
MAX_PAIRS = 12  # per text


@dataclass(frozen=True)
class Pair:
    function: str
    args: str  # repr of the argument tuple
    output: str  # repr of the stated output
    arity: int


def _scan(text: str, start: int) -> int | None:
    """The index just past a bracketed or quoted literal starting at `start` (nesting and quotes respected)."""
    depth: list[str] = []
    i = start
    end = min(len(text), start + MAX_LITERAL)
    while i < end:
        ch = text[i]
        if ch in "'\"":
            quote = ch
            i += 1
            while i < end and text[i] != quote:
                i += 2 if text[i] == "\\" else 1
            if not depth:
                return i + 1 if i < end else None
        elif ch in _OPEN:
            depth.append(_OPEN[ch])
        elif ch in ")]}":
            if not depth or depth.pop() != ch:
                return None
            if not depth:
                return i + 1
        elif ch == "\n" and not depth:
            return None
        i += 1
    return None


def _literal(text: str, start: int) -> tuple[object, int] | None:
    """(value, end) of a Python literal at `start`, or None."""
    if start >= len(text):
        return None
    if text[start] in "'\"[({":
        end = _scan(text, start)
    else:
        match = _SCALAR.match(text, start)
        end = match.end() if match else None
        if end is not None and end < len(text) and (text[end].isalnum() or text[end] == "_"):
            return None  # "5th", "Trueish"
    if end is None:
        return None
    try:
        return ast.literal_eval(text[start:end]), end
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return None


def _args(text: str, open_at: int) -> tuple[tuple, int] | None:
    """(argument tuple, index past the closing parenthesis) of a call whose '(' is at `open_at`."""
    end = _scan(text, open_at)
    if end is None:
        return None
    inner = text[open_at + 1:end - 1].strip()
    if not inner:
        return (), end
    try:
        value = ast.literal_eval(f"({inner},)")
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return None
    return value, end


def _output_after(text: str, end: int, doctest: bool) -> object | None:
    """The output stated after a call ending at `end`: `_NONE` when there is none."""
    if doctest:
        line_end = text.find("\n", end)
        if line_end >= 0 and text[end:line_end].strip():  # `>>> f(x) == y`: the output on the call's line
            return _output_after(text, end, doctest=False)
        if line_end < 0:
            return _NONE
        nxt = text[line_end + 1:]
        stripped = nxt.lstrip(" \t")
        if not stripped or stripped.startswith(">>>"):
            return _NONE
        start = line_end + 1 + len(nxt) - len(stripped)
        found = _literal(text, start)
        if found is None:
            return _NONE
        value, stop = found
        rest = text[stop:text.find("\n", stop) if "\n" in text[stop:] else len(text)]
        return value if not rest.strip() else _NONE
    connector = _CONNECTOR.match(text, end)
    if connector is None or connector.end() == end:
        return _NONE
    at = connector.end()
    if text[end:at].strip().startswith("?"):  # a question: its answer may follow on a later line
        answer = _ANSWER.search(text, at, min(len(text), at + 200))
        if text[end:at].strip() == "?" and answer is not None:
            at = answer.end()
    found = _literal(text, at)
    if found is None:
        return _NONE
    value, stop = found
    if stop < len(text) and text[stop] in "([":  # "f(x) is g(y)": a call, not a value
        return _NONE
    if _OPERATOR.match(text, stop):  # "-> 22 - 7 - 4 = 11": a calculation, not a value
        return _NONE
    return value


_NONE = object()


def example_pairs(text: str) -> list[Pair]:
    """The input/output pairs a text states for calls of named functions (first MAX_PAIRS, no repeats)."""
    out: dict[tuple[str, str], Pair] = {}
    for match in _CALL.finditer(text):
        name = match.group(1)
        if name in ("print", "assert", "len", "def", "return", "range", "str", "int", "list", "sorted", "set", "dict",
                    "tuple", "float", "bool", "abs", "max", "min", "sum", "map", "filter", "zip", "type", "repr"):
            continue
        line_start = text.rfind("\n", 0, match.start()) + 1
        before = text[line_start:match.start()]
        if re.search(r"\bdef\s*$|\bfunction\s*$|\bfn\s*$|\bfunc\s*$", before):
            continue
        parsed = _args(text, match.end() - 1)
        if parsed is None:
            continue
        args, end = parsed
        doctest = before.strip() in (">>>", "") and before.lstrip().startswith(">>>")
        doctest = doctest or before.strip().endswith(">>>")
        output = _output_after(text, end, doctest)
        if output is _NONE:
            continue
        try:
            args_repr, output_repr = repr(args), repr(output)
            ast.literal_eval(args_repr)
            ast.literal_eval(output_repr)
        except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
            continue
        out.setdefault((name, args_repr), Pair(name, args_repr, output_repr, len(args)))
        if len(out) >= MAX_PAIRS:
            break
    return list(out.values())


def informative(output: str) -> bool:
    """Whether a stated output says something of the task beyond what many functions of the same
    inputs also give: not a boolean, None, an empty value, an integer up to 10 in size or a half, not
    a short container of those (literal_evidence.py's rule for values); a string of two characters or
    more, or four elements or more, are."""
    return _informative(ast.literal_eval(output))


def _informative(value: object) -> bool:
    if value is None or isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        return abs(value) > 10 or (isinstance(value, float) and (value * 2) % 1 != 0)
    if isinstance(value, str):
        return len(value.strip()) >= 2
    if isinstance(value, dict):
        value = [*value.keys(), *value.values()]
    if isinstance(value, (list, tuple, set, frozenset)):
        return len(value) >= 4 or any(_informative(v) for v in value)
    return True


# -- the pairs against items' reference solutions, in the sandbox ------------------------------------

PAIR_CALLS_PER_RUN = 1500  # calls one sandbox run makes at most (its verdicts fit its 64 KiB output)
PAIR_LIMITS_WALL_S = 120


@dataclass
class PairEvidence:
    """What a text's pairs say of one item: those its reference reproduces and those it contradicts
    (another value, or an error on the input), for the text's function that fits it best."""

    function: str
    agreed: list[Pair]
    contradicted: list[Pair]
    by_code: bool = False  # the text's own code reproduces these pairs (the others were left out)
    # Contradicted pairs on an input of the item's own (its prompt's examples, its tests' calls): a
    # rewording that copies an item's input copies its output beside it; a look-alike shows the item's
    # inputs with its own task's outputs, and differs from the item on one of them.
    own_contradicted: list[Pair] = dataclass_field(default_factory=list)

    # Writers get examples wrong (LMSYS's rephrasings state `find_median([-5, 8, 11, 2000, 15, 30])` is
    # 22.5), so the majority decides: more pairs reproduced than contradicted supports the item, as
    # many contradicted or more rules it out.
    # But where the text's code reproduces its examples, one the item's reference contradicts is the
    # code disagreeing with the reference on an input the text states: not that item.
    @property
    def supports(self) -> bool:
        return len(self.agreed) > len(self.contradicted) and not (self.by_code and self.contradicted) \
            and not self.own_contradicted

    @property
    def contradicts(self) -> bool:
        return bool(self.contradicted) and not self.supports


async def pair_verdicts(requests: dict) -> dict:
    """requests: item key -> (ItemTests, [Pair, ...]); returns (item key, args, output) -> verdict
    ("agree", "differ", "raised", "slow"), every item's reference run in the sandbox on its pairs."""
    import asyncio

    from synthloom.guards.behaviour_match import run_child
    from synthloom.verifiers.sandbox import SandboxLimits

    specs: list[list[dict]] = [[]]
    size = 0
    for key, (item, pairs) in requests.items():
        if not item.solution or not pairs:
            continue
        calls = sorted({(p.args, p.output) for p in pairs})
        if size + len(calls) > PAIR_CALLS_PER_RUN and specs[-1]:
            specs.append([])
            size = 0
        specs[-1].append({"key": repr(key), "reference": item.prompt + item.solution,
                          "entry_point": item.entry_point, "calls": [list(c) for c in calls], "_key": key})
        size += len(calls)
    out: dict = {}

    async def run(part: list[dict]) -> None:
        spec = {"mode": "pairs", "items": [{k: v for k, v in p.items() if k != "_key"} for p in part]}
        verdicts = await run_child(spec, SandboxLimits(wall_s=PAIR_LIMITS_WALL_S, cpu_s=100), "pairs")
        for p in part:
            for (args, output), letter in zip(p["calls"], verdicts.get(p["key"], ""), strict=False):
                out[(p["_key"], args, output)] = _VERDICTS.get(letter, "slow")


    await asyncio.gather(*(run(part) for part in specs if part))
    return out


_VERDICTS = {"a": "agree", "d": "differ", "r": "raised", "s": "slow"}


def own_inputs(item) -> frozenset[str]:
    """The argument tuples (repr, as Pair.args) an item itself calls its entry point on: its prompt's
    examples and its tests' literal calls."""
    from synthloom.guards.probe_inputs import test_inputs

    return frozenset({repr(a) for a in test_inputs(item.test)} | {p.args for p in example_pairs(item.prompt)})


def evidence_for(pairs: list[Pair], key, verdicts: dict, fits, by_code: frozenset = frozenset(),
                 own: frozenset = frozenset()) -> PairEvidence | None:
    """The text's pairs against one item: per function name (of an arity the item takes), agreed and
    contradicted pairs; the function that supports the item best, else the one contradicting it.
    `by_code`: the functions whose pairs the text's own code was run on (and reproduces); `own`: the
    item's own inputs (own_inputs)."""
    by_name: dict[str, list[Pair]] = {}
    for p in pairs:
        if fits(p.arity) and (key, p.args, p.output) in verdicts:
            by_name.setdefault(p.function, []).append(p)
    found = []
    for name, group in by_name.items():
        agreed = [p for p in group if verdicts[(key, p.args, p.output)] == "agree"]
        against = [p for p in group if verdicts[(key, p.args, p.output)] in ("differ", "raised")]
        if agreed or against:
            found.append(PairEvidence(name, agreed, against, name in by_code, [p for p in against if p.args in own]))
    if not found:
        return None
    return max(found, key=lambda e: (e.supports, len(e.agreed), -len(e.contradicted)))
