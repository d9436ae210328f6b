"""English number words as numbers: "forty-two", "one hundred and five", "3.5 million", "two thirds".

Only a whole phrase is read (`forty-two`, not "forty-two apples and three pears"): a phrase that is not
entirely a number gives None, so prose is never turned into a number by accident.
"""

from __future__ import annotations

import re
from fractions import Fraction

_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * i for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if i >= 2}
_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
                 "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
                 "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10}
_SCALED_NUMERAL = re.compile(r"^(-?\d+(?:\.\d+)?)\s*(thousand|million|billion|trillion)$")


def _integer(words: list[str]) -> int | None:
    total, current, seen = 0, 0, False
    for word in words:
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in _SCALES:
            total += (current or 1) * _SCALES[word]
            current = 0
        elif word == "and" and seen:
            continue
        else:
            return None
        seen = True
    return total + current if seen else None


def number_from_words(text: str) -> Fraction | None:
    """The number a phrase names, or None if the phrase is not only a number."""
    phrase = re.sub(r"[\s\-]+", " ", text.strip().lower().rstrip(".")).strip()
    if not phrase:
        return None
    if found := _SCALED_NUMERAL.match(phrase):  # "3.5 million"
        return Fraction(found.group(1)) * _SCALES[found.group(2)]
    sign = -1 if phrase.startswith(("minus ", "negative ")) else 1
    words = phrase.split()[1:] if sign < 0 else phrase.split()
    if words and words[-1] in _DENOMINATORS:  # "two thirds", "a half", "three quarters"
        count = [w for w in words[:-1] if w not in ("a", "an", "one")] or ["one"]
        numerator = _integer(count) if count != ["one"] else 1
        return None if numerator is None else sign * Fraction(numerator, _DENOMINATORS[words[-1]])
    value = _integer(words)
    return None if value is None else sign * Fraction(value)
