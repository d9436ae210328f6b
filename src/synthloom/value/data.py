"""The experiment's data: the run's candidates for the fine-tuned arms, and the held-out problems.

verified   the candidates the rejection step's verifier accepted (the run's records)
unverified the same number drawn from every candidate it sampled, accepted or not (the control: the same
           prompts, the same student, the same amount of data, without the verifier's choice)
held-out   problems from the same generator with another seed, minus any question the run saw
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from synthloom.config import RunConfig
from synthloom.errors import UserError
from synthloom.steps.techniques.rejection import RejectionStepConfig
from synthloom.techniques.math_problems import DEFAULT_CLASSES, generate_problems


@dataclass(frozen=True)
class Example:
    prompt: str  # the rendered user message the student was asked
    answer: str
    correct: bool
    root: str  # the problem it answers (its root record)


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
    """Every candidate the step sampled: kept ones from output.jsonl, rejected (and duplicate) ones from
    removed.jsonl (past 50,000 drops a step writes a sample of them; the unverified draw is then made from
    the kept candidates and that sample)."""
    name, field = step.name or step.step, step.output_field
    out = []
    for row in _rows(run_dir / "output.jsonl"):
        fields = row["fields"]
        if name in row["lineage"]["steps"] and field in fields and "prompt" in fields:
            out.append(Example(fields["prompt"], fields[field], True, row["lineage"]["root"]))
    for row in _rows(run_dir / "removed.jsonl"):
        record = row.get("record", row)
        meta, fields = record.get("meta") or {}, record.get("fields") or {}
        removed = str((meta.get(name) or {}).get("removed", ""))
        if field in fields and "prompt" in fields and removed:
            correct = removed.startswith("accepted")  # a duplicate of a kept answer: verified, not kept
            out.append(Example(fields["prompt"], fields[field], correct, record["lineage"]["root"]))
    return out


def arms(examples: list[Example], size: int | None, seed: int) -> dict[str, list[Example]]:
    """The two training sets, of equal size: verified (kept by the verifier, duplicates left out) and
    unverified (a seeded draw from every candidate)."""
    verified = [e for e in examples if e.correct]
    n = min(size or len(verified), len(verified))
    if n == 0:
        raise UserError("value: the verifier accepted no candidate, so there is nothing to fine-tune on; sample "
                        "more (rejection k, more problems) or use a stronger student")
    rng = random.Random(seed)
    return {"verified": rng.sample(verified, n), "unverified": rng.sample(examples, n)}


def held_out(run: RunConfig, seen_questions: set[str]) -> list[dict[str, Any]]:
    assert run.value is not None and run.input is not None
    classes = tuple(run.input.classes) if run.input.classes else DEFAULT_CLASSES  # the training problems' classes
    problems = [p for p in generate_problems(run.value.eval_per_class, run.value.eval_seed, classes)
                if p["question"] not in seen_questions]
    unique = list({p["question"]: p for p in problems}.values())
    if len(unique) < run.value.min_held_out:
        raise UserError(f"value: only {len(unique)} held-out problems remain after removing the run's own; raise "
                        f"value.eval_per_class (value.min_held_out is {run.value.min_held_out})")
    return unique
