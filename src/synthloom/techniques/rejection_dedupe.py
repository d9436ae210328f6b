"""Distinct accepted solutions (RFT, Yuan et al., 2023): two solutions that take the same reasoning path
count once. For math the path is the sequence of equations; otherwise the normalized text."""

from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

_EQUATION = re.compile(r"[\d.()+\-*/×÷^ ]+=[\d.()+\-*/×÷^ ]+")
_SPACE = re.compile(r"\s+")


def equations_key(text: str) -> str:
    """The ordered equations in a solution, spaces removed: the reasoning path RFT dedupes on."""
    equations = [_SPACE.sub("", e).strip(".") for e in _EQUATION.findall(text)]
    return "|".join(e for e in equations if any(ch.isdigit() for ch in e)) or text_key(text)


def text_key(text: str) -> str:
    return _SPACE.sub(" ", re.sub(r"[^\w\s]", " ", text.lower())).strip()


def distinct(solutions: list[str], key=text_key) -> list[int]:
    """Indices of the solutions to keep: one per reasoning path, choosing among a path's duplicates the
    one most different (by edit distance) from those already kept."""
    groups: dict[str, list[int]] = {}
    for i, solution in enumerate(solutions):
        groups.setdefault(key(solution), []).append(i)
    kept: list[int] = []
    for members in groups.values():
        def novelty(i: int) -> float:
            return min((Levenshtein.normalized_distance(solutions[i], solutions[j]) for j in kept), default=1.0)
        kept.append(max(members, key=lambda i: (novelty(i), -i)))
    return sorted(kept)
