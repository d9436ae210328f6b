"""Arithmetic and word problems with computed gold answers, in difficulty classes: real, checkable data
for rejection sampling without any download. Answers are exact (fractions), written as integers or
decimals with at most two places only where the numbers make that exact."""

from __future__ import annotations

import random
from collections.abc import Callable
from fractions import Fraction

Problem = dict[str, str]
NAMES = ("Ana", "Ben", "Chloe", "Dev", "Emma", "Farid", "Grace", "Hugo", "Ines", "Jon")
ITEMS = ("apples", "notebooks", "tickets", "plants", "stamps", "marbles", "candles", "books")


def _fmt(value: Fraction) -> str:
    return str(value.numerator) if value.denominator == 1 else f"{float(value):.2f}".rstrip("0").rstrip(".")


def _basic(rng: random.Random) -> Problem:
    """Single-step arithmetic with small numbers: within reach of a 135M-parameter student, so that
    rejection sampling has correct answers to keep (it gets most larger sums wrong)."""
    a, b = rng.randint(1, 12), rng.randint(1, 12)
    choice = rng.random()
    if choice < 0.4:
        return {"question": f"What is {a} + {b}?", "answer": str(a + b), "kind": "addition"}
    if choice < 0.7:
        return {"question": f"What is {a} × {b}?", "answer": str(a * b), "kind": "multiplication"}
    a, b = max(a, b) + rng.randint(0, 8), min(a, b)
    return {"question": f"What is {a} - {b}?", "answer": str(a - b), "kind": "subtraction"}


def _easy(rng: random.Random) -> Problem:
    a, b = rng.randint(2, 99), rng.randint(2, 99)
    if rng.random() < 0.5:
        return {"question": f"What is {a} + {b}?", "answer": str(a + b), "kind": "addition"}
    a, b = max(a, b), min(a, b)
    return {"question": f"What is {a} - {b}?", "answer": str(a - b), "kind": "subtraction"}


def _medium(rng: random.Random) -> Problem:
    choice = rng.random()
    if choice < 0.34:
        a, b = rng.randint(12, 99), rng.randint(3, 29)
        return {"question": f"What is {a} × {b}?", "answer": str(a * b), "kind": "multiplication"}
    if choice < 0.67:
        b, q = rng.randint(3, 19), rng.randint(4, 60)
        return {"question": f"What is {b * q} ÷ {b}?", "answer": str(q), "kind": "division"}
    pct, base = rng.choice((10, 20, 25, 50, 75)), rng.randrange(20, 400, 4)
    return {"question": f"What is {pct}% of {base}?", "answer": _fmt(Fraction(pct * base, 100)), "kind": "percent"}


def _hard(rng: random.Random) -> Problem:
    name, item = rng.choice(NAMES), rng.choice(ITEMS)
    choice = rng.random()
    if choice < 0.34:
        count, price, discount = rng.randint(3, 12), rng.randint(2, 15), rng.choice((10, 20, 25, 50))
        total = Fraction(count * price) * (100 - discount) / 100
        return {"question": f"{name} buys {count} {item} at {price} dollars each and gets {discount}% off the "
                            f"total. How many dollars does {name} pay?",
                "answer": _fmt(total), "kind": "discount"}
    if choice < 0.67:
        speed, hours, extra = rng.randint(30, 90), rng.randint(2, 6), rng.randint(10, 60)
        return {"question": f"A train travels at {speed} km/h for {hours} hours, then {extra} km more. How many "
                            "kilometres does it travel in total?",
                "answer": str(speed * hours + extra), "kind": "distance"}
    start, given, bought, shares = rng.randint(20, 60), rng.randint(1, 15), rng.randint(5, 30), rng.choice((2, 3, 4))
    shared_total = start - given + bought
    shared_total -= shared_total % shares
    bought = shared_total - start + given
    return {"question": f"{name} has {start} {item}, gives away {given}, buys {bought} more, then shares them "
                        f"equally among {shares} friends. How many does each friend get?",
            "answer": str(shared_total // shares), "kind": "multi_step"}


CLASSES: dict[str, Callable[[random.Random], Problem]] = {"basic": _basic, "easy": _easy, "medium": _medium,
                                                          "hard": _hard}
DEFAULT_CLASSES = ("easy", "medium", "hard")  # basic is asked for by name


def generate_problems(per_class: int, seed: int = 0, classes: tuple[str, ...] = DEFAULT_CLASSES) -> list[Problem]:
    """`per_class` problems of each difficulty class, the same for the same seed."""
    rng = random.Random(seed)
    problems = []
    for difficulty in classes:
        for _ in range(per_class):
            problems.append({**CLASSES[difficulty](rng), "difficulty": difficulty})
    return problems
