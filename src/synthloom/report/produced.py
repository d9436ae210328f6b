"""What each technique of a run produced: the records in the output it made or changed (the steps a
record's lineage names), so a technique that gave nothing a reader can look at is flagged, not hidden
behind the pipeline's totals."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import orjson

TECHNIQUE_MODULES = ("synthloom.steps.techniques.", "synthloom.steps.generate")


def is_technique(config: object) -> bool:
    """A step that makes or rewrites records with a model (not a guard, a filter or a measure)."""
    return type(config).__module__.startswith(TECHNIQUE_MODULES)


def produced_by_step(output: Path, pipeline: list) -> dict[str, int]:
    """Each technique step's records in `output` (output.jsonl), by step name, zero included."""
    from synthloom.steps.registry import step_names

    names = [name for name, config in zip(step_names(pipeline), pipeline, strict=True) if is_technique(config)]
    counts: Counter[str] = Counter()
    if names and output.exists():
        with output.open("rb") as lines:
            for line in lines:
                if line.strip():
                    counts.update(set(orjson.loads(line).get("lineage", {}).get("steps", ())))
    return {name: counts.get(name, 0) for name in names}


def produced_lines(produced: dict[str, int]) -> list[str]:
    if not produced:
        return []
    lines = ["", "## Records per technique", "",
             "Records in the output each technique made or changed (a record can count for several).", "",
             "| technique step | records |", "|---|---:|"]
    lines += [f"| {name} | {count} |" for name, count in produced.items()]
    empty = [name for name, count in produced.items() if count == 0]
    if empty:
        lines += ["", f"**Produced no record: {', '.join(empty)}.** See its counts above for what it dropped, "
                  "and removed.jsonl for the records themselves."]
    return lines
