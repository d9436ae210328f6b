"""The out-of-distribution evaluation set: problems the training template never produced.

`word`: the single-step sums, differences and products of the `basic` class told as short stories
("Ana has 7 stamps and buys 5 more. How many stamps does Ana have now?"), so a student that only learned
the "What is a + b?" template and its answer format gains nothing here. Any class of the builtin
math_problems generator (`medium`, `hard`) can be asked for as well.
"""

from __future__ import annotations

import random

from synthloom.techniques.math_problems import CLASSES, ITEMS, NAMES, Problem, generate_problems

OOD_CLASSES = ("word", *CLASSES)


def _word(rng: random.Random) -> Problem:
    name, item = rng.choice(NAMES), rng.choice(ITEMS)
    a, b = rng.randint(2, 12), rng.randint(2, 12)
    choice = rng.random()
    if choice < 0.4:
        return {"question": f"{name} has {a} {item} and buys {b} more. How many {item} does {name} have now?",
                "answer": str(a + b), "kind": "addition"}
    if choice < 0.7:
        return {"question": f"{name} fills {a} boxes with {b} {item} each. How many {item} is that in all?",
                "answer": str(a * b), "kind": "multiplication"}
    a, b = max(a, b) + rng.randint(1, 8), min(a, b)
    return {"question": f"{name} had {a} {item} and gave {b} away. How many {item} are left?",
            "answer": str(a - b), "kind": "subtraction"}


def ood_problems(per_class: int, seed: int, classes: tuple[str, ...]) -> list[Problem]:
    unknown = [c for c in classes if c not in OOD_CLASSES]
    if unknown:
        raise ValueError(f"value.ood_classes: unknown class {unknown[0]!r} (known: {', '.join(OOD_CLASSES)})")
    rng = random.Random(seed)
    out: list[Problem] = []
    for name in classes:
        if name == "word":
            out += [{**_word(rng), "difficulty": "word"} for _ in range(per_class)]
        else:
            out += generate_problems(per_class, rng.randrange(2 ** 31), (name,))
    return list({p["question"]: p for p in out}.values())
