"""Literal evidence of a reworded benchmark item: its own distinctive example and test values.

A rewording changes the words and the function's name, and MiniLM puts it no nearer its original than
a different task of the same kind ("overlapping" vs "non-overlapping" count). What rewordings keep is
the examples: the same lists, strings and numbers. But most values in a benchmark's tests are in any
task of the kind: single digits, small negatives, 10 or 100, `[1, 2, 3]`, "hello". A value counts only
by how rare it is twice over:

- in the benchmark: its inverse document frequency over the benchmark's items;
- in ordinary text and code: its document frequency over a reference corpus available offline, the
  Python standard library's own modules (source, docstrings and comments, with `pydoc_data`'s copy of
  the language docs; `ordinary_text.py`), plus synthloom's bundled seed instructions.

A value's weight is the product (the benchmark idf times the corpus rarity, between 0 and 1), and some
values are no evidence whatever their counts: integers up to 10 in size, booleans, empty containers
(never extracted), arithmetic runs of small integers (`[1, 2, 3, 4]`), words of the kind a task says.
Each item keeps the list of its own distinctive values (weight at least `MIN_WEIGHT`); a text's
evidence for an item is the weight of the distinctive values they share, and `LiteralIndex.ranked`
gives every item a text shares any with, so a caller can ask that the best clearly beat the second.
"""

from __future__ import annotations

import ast
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

_NUMBER = re.compile(r"(?<![\w.])-?\d+(?:\.\d+)?(?![\w.])")
_QUOTED = re.compile(r"'([^'\n]{2,60})'|\"([^\"\n]{2,60})\"")
_SEQUENCE = re.compile(r"[\[(]([^\[\]()]{3,160})[\])]")
SMALL_INT = 10  # integers this small in size are in nearly every task: never evidence of one
MIN_WEIGHT = 1.0  # an item's value weighing less is not among its distinctive values


def _number(text: str) -> str:
    value = float(text)
    return repr(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)


def literals(text: str) -> set[str]:
    """Numbers (2.0 and 2 alike), quoted strings (case folded) and sequences of three or more numbers."""
    found = {f"n:{v}" for v in map(_number, _NUMBER.findall(text))}
    for single, double in _QUOTED.findall(text):
        value = (single or double).strip().lower()
        if len(value) > 3 or (value and not value.isidentifier()):  # 'a' or 'yes' says little
            found.add(f"s:{value}")
    for inner in _SEQUENCE.findall(text):
        numbers = [_number(n) for n in _NUMBER.findall(inner)]
        if len(numbers) >= 3:
            found.add("q:" + ",".join(numbers))
    return found


def _constant_number(node) -> float | None:
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        inner = _constant_number(node.operand)
        return None if inner is None else -inner
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
        return node.value
    return None


def code_literals(source: str) -> set[str] | None:
    """The literals of Python source (a benchmark item's prompt and tests), read from its syntax tree:
    string constants, numbers and sequences of numbers, and the literals of docstrings' examples; not
    assertion messages, nor a `METADATA` table (HumanEval's tests carry both). None if it does not parse."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return None
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assert) and node.msg is not None:
            skipped.update(id(n) for n in ast.walk(node.msg))
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "METADATA" for t in node.targets):
            skipped.update(id(n) for n in ast.walk(node))
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            value = node.value.strip().lower()
            if "\n" in value or len(value) > 60:  # a docstring: its examples, as written in text
                found |= literals(node.value)
            elif len(value) > 3 or (len(value) >= 2 and not value.isidentifier()):
                found.add(f"s:{value}")
        elif (number := _constant_number(node)) is not None:
            found.add(f"n:{_number(repr(number))}")
        elif isinstance(node, (ast.List, ast.Tuple, ast.Set)) and len(node.elts) >= 3:
            numbers = [_constant_number(e) for e in node.elts]
            if all(n is not None for n in numbers):
                found.add("q:" + ",".join(_number(repr(n)) for n in numbers))
    return found


def _small_run(values: list[float]) -> bool:
    """Small integers in an arithmetic run (1, 2, 3, 4 or 10, 8, 6): as common as their first and step."""
    if not all(v.is_integer() and abs(v) <= SMALL_INT for v in values):
        return False
    steps = {b - a for a, b in zip(values, values[1:], strict=False)}
    return len(steps) == 1


def never_evidence(value: str) -> bool:
    """Values that say nothing of one task, whatever the counts."""
    kind, _, body = value.partition(":")
    if kind == "n":
        number = float(body)
        return number.is_integer() and abs(number) <= SMALL_INT
    if kind == "q":
        return _small_run([float(v) for v in body.split(",")])
    return body in ("true", "false", "none")


@dataclass(frozen=True)
class Ranked:
    item: tuple[str, str]
    score: float
    shared: list[str]  # heaviest first


class LiteralIndex:
    """Each benchmark item's distinctive values (from its examples and tests), weighted; an item is
    named by (benchmark, item id)."""

    def __init__(self, item_texts: dict, rarity: dict[str, float] | None = None) -> None:
        from synthloom.guards.ordinary_text import ordinary_rarity

        values = {}
        for item, text in item_texts.items():
            from_code = code_literals(text)
            values[item] = from_code if from_code is not None else literals(text)
        frequency = Counter(value for found in values.values() for value in found)
        total = max(len(values), 1)
        rare = rarity if rarity is not None else ordinary_rarity(frequency)
        self.weight = {value: 0.0 if never_evidence(value) else math.log(total / count) * rare.get(value, 1.0)
                       for value, count in frequency.items()}
        self.items = {item: {v for v in found if self.weight[v] >= MIN_WEIGHT} for item, found in values.items()}
        self._holders: dict[str, list] = defaultdict(list)
        for item, found in self.items.items():
            for value in found:
                self._holders[value].append(item)

    def evidence(self, text_literals: set[str], item) -> tuple[float, list[str]]:
        """(score, the shared distinctive values, heaviest first) of a text against one item."""
        shared = sorted(text_literals & self.items.get(item, set()), key=lambda v: (-self.weight[v], v))
        return sum(self.weight[v] for v in shared), shared

    def ranked(self, text_literals: set[str]) -> list[Ranked]:
        """Every item sharing a distinctive value with the text, most evidence first."""
        candidates = {item for value in text_literals for item in self._holders.get(value, ())}
        out = [Ranked(item, *self.evidence(text_literals, item)) for item in candidates]
        return sorted(out, key=lambda r: (-r.score, str(r.item)))
