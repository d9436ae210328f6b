"""The experiment's data: the run's candidates (the pool), the fine-tuned arms' training sets drawn from
it, and the held-out and OOD problems.

The pool is sampled once, by the run's rejection step, and every arm and seed draws from it.

verified        what the rejection step exports: its kept answers (output.jsonl). Accepted answers it
                dropped as duplicates of a kept one (removed.jsonl, "accepted, but ...") are not in it.
unverified      as many candidates drawn from everything the step sampled (kept, rejected, duplicates),
                regardless of the verdict: the same student, the same amount of data
prompt_matched  for each verified example, a candidate of the same problem drawn regardless of the verdict:
                the verified arm's prompts without the verifier's choice of answer (separates "which
                prompts" from "which answers")
wrong_formed    each verified answer with its answer value changed to a wrong one everywhere it appears:
                the same length, steps and "The answer is" format, wrong content (separates "correct"
                from "short and well-formed")
held-out        problems from the same generator with another seed, minus any whose canonical key
                (leakage.canonical_key: operands of + and × sorted, numbers normalised) a training
                problem has, one per key
"""

from __future__ import annotations

import random
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import orjson

from synthloom.config import RunConfig
from synthloom.errors import UserError
from synthloom.steps.techniques.rejection import RejectionStepConfig
from synthloom.techniques.math_problems import DEFAULT_CLASSES, generate_problems
from synthloom.value.leakage import canonical_key, normal_number
from synthloom.value.ood import ood_problems


@dataclass(frozen=True)
class Example:
    prompt: str  # the rendered user message the student was asked
    answer: str
    correct: bool  # the rejection verifier accepted it
    root: str  # the problem it answers (its root record)
    kept: bool = False  # exported by the rejection step (correct and not a duplicate)
    gold: str = ""  # the problem's gold answer


def rejection_config(run: RunConfig) -> RejectionStepConfig:
    assert run.value is not None
    wanted = run.value.rejection_step
    for step in run.pipeline:
        if isinstance(step, RejectionStepConfig) and (wanted is None or (step.name or step.step) == wanted):
            return step
    raise UserError("value: the run config has no rejection step")  # check_value_config makes this unreachable


def _rows(path: Path) -> list[dict[str, Any]]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines() if line.strip()] if path.exists() else []


def candidates(run_dir: Path, step: RejectionStepConfig) -> list[Example]:
    """Every candidate the step sampled: kept ones from output.jsonl, rejected and duplicate ones from
    removed.jsonl (past 50,000 drops a step writes a sample of them; the unverified draw is then made from
    the kept candidates and that sample)."""
    name, field = step.name or step.step, step.output_field
    gold_field = getattr(step.verifier, "gold_field", None) or "answer"
    out = []
    for row in _rows(run_dir / "output.jsonl"):
        fields = row["fields"]
        if name in row["lineage"]["steps"] and field in fields and "prompt" in fields:
            out.append(Example(fields["prompt"], fields[field], True, row["lineage"]["root"], True,
                               str(fields.get(gold_field, ""))))
    for row in _rows(run_dir / "removed.jsonl"):
        record = row.get("record", row)
        meta, fields = record.get("meta") or {}, record.get("fields") or {}
        removed = str((meta.get(name) or {}).get("removed", ""))
        if field in fields and "prompt" in fields and removed:
            correct = removed.startswith("accepted")  # a duplicate of a kept answer: verified, not exported
            out.append(Example(fields["prompt"], fields[field], correct, record["lineage"]["root"], False,
                               str(fields.get(gold_field, ""))))
    return out


def exported(pool: list[Example], size: int | None, seed: int) -> list[Example]:
    """The verified arm: the step's exported answers (all of them, or a seeded `size` of them)."""
    verified = [e for e in pool if e.kept]
    if not verified:
        raise UserError("value: the verifier accepted no candidate, so there is nothing to fine-tune on; sample "
                        "more (rejection k, more problems) or use a stronger student")
    n = min(size or len(verified), len(verified))
    return random.Random(seed).sample(verified, n) if n < len(verified) else verified


def prompt_matched(pool: list[Example], verified: list[Example], seed: int) -> list[Example]:
    """One candidate of the same problem per verified example, drawn regardless of the verdict (without
    replacement within a problem while its candidates last)."""
    by_root: dict[str, list[Example]] = defaultdict(list)
    for example in pool:
        by_root[example.root].append(example)
    rng = random.Random(seed)
    left = {root: rng.sample(group, len(group)) for root, group in sorted(by_root.items())}
    out = []
    for example in verified:
        if not left[example.root]:
            left[example.root] = rng.sample(by_root[example.root], len(by_root[example.root]))
        out.append(left[example.root].pop())
    return out


_NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?(?![\w])")
_OFFSETS = (1, -1, 2, -2, 10, -10, 3, -3)


_STATES_RESULT = re.compile(r"(?:=|\bis|\bequals|\bget|\bgives|\bresult|\banswer|:)\W{0,12}$", re.I)


def wrong_versions(answer: str, gold: str, prompt: str = "") -> list[str]:
    """The answer with every number equal to the gold value replaced by one wrong value (one version per
    offset, same-length values first); none when the gold value does not appear in it. When the gold
    value is also an operand of the question ("5 × 1"), only the places that state a result ("= 5",
    "is 5") change, so the question is still quoted right."""
    try:
        gold_value = normal_number(gold)
    except (ValueError, ZeroDivisionError):
        return []
    spans = [m for m in _NUMBER.finditer(answer) if _normal(m.group(0)) == gold_value]
    if gold_value in {_normal(m.group(0)) for m in _NUMBER.finditer(prompt)}:
        spans = [m for m in spans if _STATES_RESULT.search(answer[max(0, m.start() - 24):m.start()])]
    if not spans or "/" in gold_value:
        return []
    value = int(gold_value)
    wrongs = [value + d for d in _OFFSETS if value + d >= 0]
    wrongs.sort(key=lambda w: len(str(w)) != len(str(value)))  # stable: same-length values first
    versions = []
    for wrong in wrongs:
        text, last = [], 0
        for m in spans:
            text += [answer[last:m.start()], str(wrong)]
            last = m.end()
        versions.append("".join(text) + answer[last:])
    return versions


def _normal(text: str) -> str | None:
    try:
        return normal_number(text)
    except (ValueError, ZeroDivisionError):
        return None


def wrong_formed(verified: list[Example], seed: int,
                 passes: Callable[[list[tuple[str, Example]]], list[bool]]) -> tuple[list[Example], int]:
    """(the wrong_formed arm, how many verified answers could not be made wrong and were left out; the arm
    then draws as many again from the others). `passes` is the rejection verifier over (text, example)."""
    options = [wrong_versions(e.answer, e.gold, e.prompt) for e in verified]
    flat = [(text, e) for e, texts in zip(verified, options, strict=True) for text in texts]
    verdicts = iter(passes(flat))
    made = []
    for example, texts in zip(verified, options, strict=True):
        wrong = [t for t, ok in zip(texts, [next(verdicts) for _ in texts], strict=True) if not ok]
        if wrong:
            made.append(replace(example, answer=wrong[0], correct=False, kept=False))
    missing = len(verified) - len(made)
    if not made:
        raise UserError("value: no verified answer states its gold value as a number, so no wrong-but-well-formed "
                        "version can be made; leave wrong_formed out of value.arms")
    if missing:
        made += random.Random(seed).choices(made, k=missing)  # the same size as the other arms
    return made, missing


def training_sets(pool: list[Example], arms: list[str], size: int | None, seed: int, draw: int,
                  passes: Callable[[list[tuple[str, Example]]], list[bool]]) -> tuple[dict[str, list[Example]], dict]:
    """{arm: examples} for one training seed (all arms the same size), and notes on how they were made."""
    verified = exported(pool, size, draw)
    rng = random.Random(draw)
    sets: dict[str, list[Example]] = {"verified": verified}
    notes: dict[str, Any] = {}
    if "unverified" in arms:
        sets["unverified"] = rng.sample(pool, len(verified))
    if "prompt_matched" in arms:
        sets["prompt_matched"] = prompt_matched(pool, verified, draw)
    if "wrong_formed" in arms:
        sets["wrong_formed"], notes["wrong_formed_repeated"] = wrong_formed(verified, draw, passes)
    return {arm: sets[arm] for arm in arms}, notes


def held_out(run: RunConfig, seen_questions: set[str]) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """(held-out problems, counts of what was removed): the training problems' classes with value.eval_seed,
    none sharing a canonical key with a training problem, one per key."""
    assert run.value is not None and run.input is not None
    classes = tuple(run.input.classes) if run.input.classes else DEFAULT_CLASSES  # the training problems' classes
    drawn = generate_problems(run.value.eval_per_class, run.value.eval_seed, classes)
    problems, removed = _filtered(drawn, seen_questions)
    if len(problems) < run.value.min_held_out:
        raise UserError(f"value: only {len(problems)} held-out problems remain after removing the run's own; raise "
                        f"value.eval_per_class (value.min_held_out is {run.value.min_held_out})")
    return problems, removed


def ood_set(run: RunConfig, seen_questions: set[str]) -> list[dict[str, Any]]:
    assert run.value is not None
    if not run.value.ood_per_class or not run.value.ood_classes:
        return []
    return _filtered(ood_problems(run.value.ood_per_class, run.value.eval_seed + 1, tuple(run.value.ood_classes)),
                     seen_questions)[0]


def _filtered(drawn: list[dict[str, Any]], seen_questions: set[str]) -> tuple[list[dict[str, Any]], dict[str, int]]:
    seen = {canonical_key(q) for q in seen_questions}
    exact = sum(p["question"] in seen_questions for p in drawn)
    kept: dict[str, dict[str, Any]] = {}
    leaked = 0
    for problem in drawn:
        key = canonical_key(problem["question"])
        if key in seen:
            leaked += 1
        else:
            kept.setdefault(key, problem)
    return list(kept.values()), {"drawn": len(drawn), "same_question": exact,
                                 "same_key_other_wording": leaked - exact,
                                 "repeated_key": len(drawn) - leaked - len(kept)}
