"""A constitution: principles written once by people, each with a critique request, a revision request
and a comparison question for AI feedback. The project ships its own; users pass theirs."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from synthloom.errors import UserError
from synthloom.io.tables import read_yaml

BUILTIN = "builtin"
FIELDS = ("critique", "revision", "comparison")


@dataclass(frozen=True)
class Principle:
    name: str
    critique: str
    revision: str
    comparison: str


def builtin_constitution_path() -> Path:
    return Path(str(resources.files("synthloom") / "data" / "constitutions" / "default.yaml"))


def load_constitution(source: str | Path = BUILTIN) -> list[Principle]:
    path = builtin_constitution_path() if str(source) == BUILTIN else Path(source)
    data = read_yaml(path, "constitution")
    items = data.get("principles") if isinstance(data, dict) else None
    if not isinstance(items, list) or not items:
        raise UserError(f"{path}: expected `principles:`, a non-empty list of principles")
    principles = []
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            raise UserError(f"{path}: principles[{i}] must be a mapping with {', '.join(FIELDS)}")
        missing = [f for f in FIELDS if not isinstance(item.get(f), str) or not item[f].strip()]
        if missing:
            raise UserError(f"{path}: principles[{i}] ({item.get('name', 'unnamed')}) needs "
                            f"{', '.join(missing)} (non-empty text)")
        principles.append(Principle(str(item.get("name") or f"principle_{i}"),
                                    *(item[f].strip() for f in FIELDS)))
    return principles
