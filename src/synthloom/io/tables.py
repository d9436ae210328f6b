"""Reading input files: every bad line is named by file and line number."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson

from synthloom.errors import UserError


def iter_jsonl(path: str | Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) for each non-blank line. Raises UserError naming the first bad line."""
    path = Path(path)
    if not path.is_file():
        raise UserError(f"input file not found: {path}")
    seen = False
    with path.open("rb") as handle:
        for lineno, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                row = orjson.loads(line)
            except orjson.JSONDecodeError as exc:
                raise UserError(f"{path}:{lineno}: not valid JSON ({exc}); each line must be one JSON object") from None
            if not isinstance(row, dict):
                raise UserError(f"{path}:{lineno}: expected a JSON object, got {type(row).__name__}")
            seen = True
            yield lineno, row
    if not seen:
        raise UserError(f"input file is empty: {path}")


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    return [row for _, row in iter_jsonl(path)]


def read_yaml(path: str | Path, what: str) -> Any:
    """A YAML file's content; a missing file or bad YAML is a UserError naming the file (`what` says
    which kind of file it is, for the message)."""
    import yaml

    path = Path(path)
    if not path.is_file():
        raise UserError(f"{what} file not found: {path}" if not path.exists() else f"{path} is not a file")
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UserError(f"{path}: not UTF-8 text (byte {exc.start}); save the {what} file as UTF-8") from None
    try:
        return yaml.load(text, Loader=_unique_keys_loader())
    except yaml.YAMLError as exc:
        raise UserError(f"{path}: not valid YAML: {exc}") from None


def _unique_keys_loader():
    """YAML's safe loader, but a key written twice in one mapping is an error: plain YAML keeps the
    last one silently, which drops a whole block of settings."""
    import yaml

    class UniqueKeyLoader(yaml.SafeLoader):
        def construct_mapping(self, node, deep=False):
            seen = set()
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=deep)
                if key in seen:
                    raise yaml.constructor.ConstructorError(
                        None, None, f"the key {key!r} is given twice in one mapping (only the last would count)",
                        key_node.start_mark)
                seen.add(key)
            return super().construct_mapping(node, deep)

    return UniqueKeyLoader


def read_table(path: str | Path, columns: list[str] | None = None, split: str = "train") -> list[dict[str, Any]]:
    """Rows of a JSONL, CSV or Parquet file, or of a Hugging Face `datasets` dataset saved to disk (a
    folder), keeping only `columns` when given. A missing column or an unreadable file is a UserError."""
    path = Path(path)
    if not path.exists():
        raise UserError(f"input not found: {path}")
    try:
        rows = _read_rows(path, split)
    except UserError:
        raise
    except Exception as exc:  # each reader has its own errors; the user needs to know which file failed
        raise UserError(f"cannot read {path}: {type(exc).__name__}: {exc}") from None
    if not rows:
        raise UserError(f"input is empty: {path}")
    if columns:
        present = set().union(*(row.keys() for row in rows[:100]))
        missing = [c for c in columns if c not in present]
        if missing:
            raise UserError(f"{path} has no column {', '.join(map(repr, missing))} "
                            f"(its columns: {', '.join(sorted(present))}); fix input.columns")
        rows = [{c: row.get(c) for c in columns} for row in rows]
    return rows


def import_datasets() -> Any:
    """The `datasets` package, or one clear error saying how to get it (it is an optional extra)."""
    try:
        import datasets
    except ImportError:
        raise UserError("this needs the `datasets` package: pip install 'synthloom[hf]'") from None
    return datasets


def _read_rows(path: Path, split: str) -> list[dict[str, Any]]:
    if path.is_dir():
        datasets = import_datasets()
        data = datasets.load_from_disk(str(path))
        if isinstance(data, datasets.DatasetDict):
            if split not in data:
                raise UserError(f"{path} has no split {split!r} (its splits: {', '.join(data)}); set input.split")
            data = data[split]
        return data.to_list()
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".json", ".ndjson"):
        return read_jsonl(path)
    if suffix == ".csv":
        import csv

        with path.open(newline="", encoding="utf-8") as handle:
            return list(csv.DictReader(handle))
    if suffix == ".parquet":
        import pyarrow.parquet as pq

        return pq.read_table(path).to_pylist()
    raise UserError(f"{path}: unknown input format {suffix!r}; use .jsonl, .csv, .parquet or a saved "
                    "datasets folder")
