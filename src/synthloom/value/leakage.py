"""The canonical key that decides whether a held-out problem is a training problem in disguise.

"What is 3 + 5?" and "what is 5+3 ?" ask the same thing with the same answer; an exact-string filter lets
one into the held-out set when the other was trained on. The key lower-cases the question, collapses
spaces, writes every number in one form (1,000 / 1000.0 / 01000 -> 1000) and, for a sum or product of
two operands, sorts the operands. Subtraction, division and word problems keep their order.
"""

from __future__ import annotations

import re
from fractions import Fraction

_NUMBER = re.compile(r"(?<![\w.])[-−]?\d[\d,]*(?:\.\d+)?(?![\w])")
_BINARY = re.compile(r"^what is (\S+) ([-+×x*÷/]) (\S+)$")
_COMMUTATIVE = {"+": "+", "×": "×", "x": "×", "*": "×"}


def normal_number(text: str) -> str:
    """One written form per value: '1,000' '1000.0' '01000' -> '1000', '0.50' -> '1/2' as a fraction."""
    value = Fraction(text.replace(",", "").replace("−", "-"))
    return str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"


def canonical_key(question: str) -> str:
    text = " ".join(question.lower().split()).rstrip("?.! ")
    text = _NUMBER.sub(lambda m: normal_number(m.group(0)), text)
    text = " ".join(re.sub(r"(?<=\d)\s*([-+×*÷/])\s*(?=[-−]?\d)", r" \1 ", text).split())  # "5+3" as "5 + 3"
    match = _BINARY.match(text)
    if match and match.group(2) in _COMMUTATIVE:
        left, right = sorted((match.group(1), match.group(3)))
        return f"what is {left} {_COMMUTATIVE[match.group(2)]} {right}"
    return text
