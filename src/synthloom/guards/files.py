"""Guards on dataset files, for the CLI: read any table or a run directory, write what was kept and what
was removed (each removed row with the reason), in the input's own shape."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from synthloom.errors import UserError
from synthloom.guards.record_text import record_text
from synthloom.io.tables import read_jsonl, read_table
from synthloom.io.training_formats import write_jsonl

# Columns that hold the text by their name, and columns that label a text rather than hold one.
TEXT_NAMES = frozenset({"text", "prompt", "instruction", "input", "output", "response", "question", "answer",
                        "content", "completion", "chosen", "rejected", "solution", "code"})
NOT_TEXT = frozenset({"label", "labels", "category", "class", "id", "task_id", "uid", "split", "source",
                      "lang", "language", "generation", "entry_point"})


@dataclass
class Dataset:
    rows: list[dict[str, Any]]  # as read: plain rows, or records (with "fields") from a run directory
    records: bool

    def fields(self, i: int) -> dict[str, Any]:
        return self.rows[i]["fields"] if self.records else self.rows[i]

    def texts(self, names: list[str] | None) -> list[str]:
        if names:
            present = set().union(*(self.fields(i).keys() for i in range(min(len(self.rows), 100))))
            missing = [n for n in names if n not in present]
            if missing:
                raise UserError(f"no field {', '.join(map(repr, missing))} in the input "
                                f"(its fields: {', '.join(sorted(present))}); fix --fields")
        return [record_text(self.fields(i), names) for i in range(len(self.rows))]

    def text_fields(self) -> list[str]:
        """The fields a reader would call the text: string fields holding words, never a label, a
        category or an id (comparing a `label` column against a benchmark finds nothing, silently)."""
        sample = [self.fields(i) for i in range(min(len(self.rows), 100))]
        names = dict.fromkeys(k for row in sample for k, v in row.items() if isinstance(v, str))
        candidates = [n for n in names if n.lower() not in NOT_TEXT]
        chosen = [n for n in candidates if n.lower() in TEXT_NAMES
                  or any(" " in str(row.get(n, "")) or len(str(row.get(n, ""))) > 40 for row in sample)]
        chosen = chosen or candidates  # single words everywhere: still the only text there is
        if not chosen:
            raise UserError(f"no text field found in the input (its fields: {', '.join(names) or 'none'}); "
                            "name the fields to compare with --fields")
        return chosen

    def generation(self, i: int) -> int:
        if self.records:
            return int(self.rows[i].get("lineage", {}).get("generation", 0))
        return int(self.rows[i].get("generation", 0) or 0)


def load_dataset(path: Path) -> Dataset:
    """A JSONL / CSV / Parquet file or a saved datasets folder; or a run directory (its output.jsonl)."""
    if path.is_dir() and (path / "output.jsonl").exists():
        return Dataset(read_jsonl(path / "output.jsonl"), records=True)
    return Dataset(read_table(path), records=False)


def write_rows(rows: list[dict[str, Any]], target: Path) -> None:
    """JSONL, or Parquet when the name ends in .parquet; written whole, then moved into place."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.suffix != ".parquet":
        write_jsonl(rows, target)
        return
    import pyarrow as pa
    import pyarrow.parquet as pq

    tmp = target.with_name(target.name + ".tmp")
    pq.write_table(pa.Table.from_pylist(rows), tmp)
    tmp.replace(target)


def removed_path(out: Path) -> Path:
    return out.with_name(out.stem + ".removed.jsonl")


def write_split(dataset: Dataset, reasons: dict[int, dict[str, Any]], out: Path) -> tuple[int, Path]:
    """Kept rows to `out`; removed rows, each with `_removed` (why, and what it matched) and `_line` (its
    1-based position in the input), to OUT.removed.jsonl. Returns (kept count, removed file)."""
    kept = [row for i, row in enumerate(dataset.rows) if i not in reasons]
    removed = [{**dataset.rows[i], "_line": i + 1, "_removed": reason} for i, reason in sorted(reasons.items())]
    write_rows(kept, out)
    target = removed_path(out)
    write_rows(removed, target)
    return len(kept), target
