"""Seed tasks in the Self-Instruct format: {"instruction", "instances": [{"input", "output"}],
"is_classification"}. The project ships its own pool; users pass theirs in the same format."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from synthloom.errors import UserError
from synthloom.io.tables import iter_jsonl
from synthloom.techniques.instruction_filters import Instance

BUILTIN = "builtin"


@dataclass(frozen=True)
class SeedTask:
    id: str
    instruction: str
    instances: tuple[Instance, ...]
    is_classification: bool
    category: str | None = None


def builtin_seed_path() -> Path:
    return Path(str(resources.files("synthloom") / "data" / "seeds" / "self_instruct_seeds.jsonl"))


def _task(path: Path, lineno: int, row: dict) -> SeedTask:
    where = f"{path}:{lineno}"
    instruction = row.get("instruction")
    if not isinstance(instruction, str) or not instruction.strip():
        raise UserError(f"{where}: \"instruction\" must be a non-empty string")
    instances = row.get("instances")
    if not isinstance(instances, list) or not instances:
        raise UserError(f"{where}: \"instances\" must be a non-empty list of {{\"input\", \"output\"}} objects")
    parsed = []
    for i, item in enumerate(instances):
        if not (isinstance(item, dict) and isinstance(item.get("input", ""), str)
                and isinstance(item.get("output"), str)):
            raise UserError(f"{where}: instances[{i}] needs an \"output\" string (and an optional \"input\" string)")
        parsed.append(Instance(item.get("input", ""), item["output"]))
    is_classification = row.get("is_classification")
    if not isinstance(is_classification, bool):
        raise UserError(f"{where}: \"is_classification\" must be true or false")
    return SeedTask(str(row.get("id") or f"seed_{lineno}"), instruction.strip(), tuple(parsed),
                    is_classification, row.get("category"))


def load_seed_tasks(source: str | Path | None = BUILTIN) -> list[SeedTask]:
    """The seed pool: a Self-Instruct-format file, or synthloom's own (`builtin`, or None: not set)."""
    path = builtin_seed_path() if source is None or str(source) == BUILTIN else Path(source)
    return [_task(path, lineno, row) for lineno, row in iter_jsonl(path)]
