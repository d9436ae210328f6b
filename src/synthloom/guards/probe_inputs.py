"""Inputs to compare a record's function with a benchmark item's reference solution on.

An item's own tests can be too weak to tell two tasks apart: every test of HumanEval/33 ("sort the
values at indices divisible by three") has those values in descending order, so "reverse them" passes
it. The tests' inputs, each changed a little one argument at a time (a list reversed, rotated, shuffled, emptied,
shortened, one element changed or its sign flipped; a number moved by one, doubled, zero or negated; a
string reversed, emptied, upper- or title-cased,
shuffled, with one letter's case changed or a space and a digit inserted), give inputs of the same kind
on which two different tasks disagree.
"""

from __future__ import annotations

import ast
import random
from typing import Any

MAX_INPUTS = 48  # per item: up to a third the tests' own inputs, then a seeded sample of their variants


def test_inputs(test: str) -> list[tuple]:
    """The literal arguments of every call of the candidate in a HumanEval-style `check`."""
    try:
        tree = ast.parse(test)
    except SyntaxError:
        return []
    checks = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "check" and n.args.args]
    if not checks:
        return []
    name = checks[0].args.args[0].arg
    found: dict[str, tuple] = {}
    for node in ast.walk(checks[0]):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == name):
            continue
        if node.keywords or any(isinstance(a, ast.Starred) for a in node.args):
            continue
        try:
            args = tuple(ast.literal_eval(a) for a in node.args)
        except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
            continue
        found.setdefault(repr(args), args)
    return list(found.values())


def _value_variants(value: Any, rng: random.Random) -> list[Any]:
    if isinstance(value, bool):
        return [not value]
    if isinstance(value, int):
        moved = [value + 1, value - 1 if value > 1 or value < 0 else value + 2]
        return moved + ([value * 2] if 1 < abs(value) < 100 else []) + [0, -value]  # edges: zero, the sign
    if isinstance(value, float):
        return [value * 1.5 + 0.25, value - 0.75]
    if isinstance(value, str):
        return _string_variants(value, rng)
    if isinstance(value, (list, tuple)) and value:
        return [type(value)(v) for v in _sequence_variants(list(value), rng)]
    return []


def _string_variants(value: str, rng: random.Random) -> list[str]:
    if not value:
        return [" ", "a"]
    edges = ["", value.upper(), value.title()]  # the empty string, case
    at = rng.randrange(len(value))
    letters = list(value)
    rng.shuffle(letters)
    out = [value[::-1], value[1:] + value[0], "".join(letters), value + value[at],
           value[:at] + value[at].swapcase() + value[at + 1:],  # one letter's case
           value[:at] + " 7" + value[at:]]  # a space and a digit where there were none
    return out + ([value[:-1]] if len(value) > 1 else []) + edges


def _sequence_variants(items: list, rng: random.Random) -> list[list]:
    shuffled = items[:]
    rng.shuffle(shuffled)
    out = [items[::-1], items[1:] + items[:1], shuffled, shuffled[::-1], []]  # [] : the empty edge
    if len(items) > 1:
        out.append(items[:-1])
    out.append(items + [items[rng.randrange(len(items))]])
    for _ in range(3):  # one element changed the way a lone value is (a number moved, a string reversed...)
        at = rng.randrange(len(items))
        if changes := _value_variants(items[at], rng):
            out.append(items[:at] + [rng.choice(changes)] + items[at + 1:])
    signed = [i for i, v in enumerate(items) if isinstance(v, (int, float)) and not isinstance(v, bool) and v]
    if signed:  # one number's sign flipped: a list of positives gets a negative
        at = rng.choice(signed)
        out.append(items[:at] + [-items[at]] + items[at + 1:])
    return out


def probe_inputs(test: str, seed: int = 0, limit: int = MAX_INPUTS) -> list[tuple]:
    """Some of the tests' inputs, then variants of them (one argument changed at a time), without repeats."""
    originals = test_inputs(test)
    rng = random.Random(seed)
    variants = [args[:i] + (changed,) + args[i + 1:]
                for args in originals for i, value in enumerate(args) for changed in _value_variants(value, rng)]
    rng.shuffle(variants)
    seen: dict[str, tuple] = {}
    for args in originals[: limit // 3] + variants:
        if len(seen) >= limit:
            break
        seen.setdefault(repr(args), args)
    return list(seen.values())
