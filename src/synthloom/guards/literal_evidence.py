"""Literal evidence of a reworded benchmark item: the values of its examples and tests.

A rewording changes the words and the function's name, and MiniLM puts it no nearer its original than
a different task of the same kind ("overlapping" vs "non-overlapping" count). What rewordings keep is
the examples: the same lists, strings and numbers. Each literal is weighted by its inverse document
frequency over the benchmark, so values that many items use (0, 1, 10) weigh little and an item's own
example list weighs a lot.
"""

from __future__ import annotations

import math
import re
from collections import Counter

_NUMBER = re.compile(r"(?<![\w.])-?\d+(?:\.\d+)?(?![\w.])")
_QUOTED = re.compile(r"'([^'\n]{2,60})'|\"([^\"\n]{2,60})\"")
_SEQUENCE = re.compile(r"[\[(]([^\[\]()]{3,160})[\])]")
_TRIVIAL_NUMBERS = {"0", "1", "2", "3", "-1"}  # in nearly every task: never evidence of one


def _number(text: str) -> str:
    value = float(text)
    return repr(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)


def literals(text: str) -> set[str]:
    """Numbers (2.0 and 2 alike), quoted strings (case folded) and sequences of three or more numbers."""
    found = {f"n:{v}" for v in map(_number, _NUMBER.findall(text)) if v not in _TRIVIAL_NUMBERS}
    for single, double in _QUOTED.findall(text):
        value = (single or double).strip().lower()
        if len(value) > 3 or (value and not value.isidentifier()):  # 'a' or 'yes' says little
            found.add(f"s:{value}")
    for inner in _SEQUENCE.findall(text):
        numbers = [_number(n) for n in _NUMBER.findall(inner)]
        if len(numbers) >= 3:
            found.add("q:" + ",".join(numbers))
    return found


class LiteralIndex:
    """Each benchmark item's literals (from every field: prompt, examples, tests), with idf weights; an
    item is named by (benchmark, item id)."""

    def __init__(self, item_texts: dict[tuple[str, str], str]) -> None:
        self.items = {item: literals(text) for item, text in item_texts.items()}
        frequency = Counter(value for values in self.items.values() for value in values)
        total = max(len(self.items), 1)
        self.weight = {value: math.log(total / count) for value, count in frequency.items()}

    def evidence(self, text_literals: set[str], item: tuple[str, str]) -> tuple[float, list[str]]:
        """(score, the shared literals, heaviest first) of a text against one item."""
        shared = sorted(text_literals & self.items.get(item, set()), key=lambda v: -self.weight[v])
        return sum(self.weight[v] for v in shared), shared
