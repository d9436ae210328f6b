"""An input table read as a stream: rows one at a time, so a run's memory does not grow with its input.

The file is checked whole before the first row is handed out (every JSONL line parsed, the columns
present, the row count known), so a bad line at the end stops the run before it starts, as reading it
whole did, and never halfway through. JSONL and CSV are then read again line by line; Parquet batch by
batch (pyarrow); a saved `datasets` folder row by row from its memory-mapped Arrow files.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from synthloom.errors import UserError
from synthloom.io.tables import import_datasets, iter_jsonl

PARQUET_BATCH = 4096  # rows per Parquet read: a few MB at most


class RowStream:
    """The rows of one input, iterable more than once; `total` is their number (after `limit`)."""

    def __init__(self, path: str | Path, columns: list[str] | None = None, split: str = "train",
                 limit: int | None = None) -> None:
        self.path = Path(path)
        self.columns = columns
        self.split = split
        if not self.path.exists():
            raise UserError(f"input not found: {self.path}")
        try:
            available, total = self._survey()
        except UserError:
            raise
        except Exception as exc:  # each reader has its own errors; the user needs to know which file failed
            raise UserError(f"cannot read {self.path}: {type(exc).__name__}: {exc}") from None
        if not total:
            raise UserError(f"input is empty: {self.path}")
        if columns:
            missing = [c for c in columns if c not in available]
            if missing:
                raise UserError(f"{self.path} has no column {', '.join(map(repr, missing))} "
                                f"(its columns: {', '.join(sorted(available))}); fix input.columns")
        self.limit = limit
        self.total = min(total, limit) if limit else total

    def __iter__(self) -> Iterator[dict[str, Any]]:
        rows = self._rows()
        if self.limit:
            rows = islice(rows, self.limit)
        if self.columns:
            wanted = self.columns
            return ({c: row.get(c) for c in wanted} for row in rows)
        return rows

    def _kind(self) -> str:
        if self.path.is_dir():
            return "datasets"
        suffix = self.path.suffix.lower()
        if suffix in (".jsonl", ".json", ".ndjson"):
            return "jsonl"
        if suffix in (".csv", ".parquet"):
            return suffix[1:]
        raise UserError(f"{self.path}: unknown input format {suffix!r}; use .jsonl, .csv, .parquet or a saved "
                        "datasets folder")

    def _survey(self) -> tuple[set[str], int]:
        """(the columns seen, the number of rows), reading the file once without keeping it."""
        kind = self._kind()
        if kind == "jsonl":
            available: set[str] = set()
            total = 0
            for _, row in iter_jsonl(self.path):
                if total < 100:  # as read_table: the first rows say which columns there are
                    available.update(row)
                total += 1
            return available, total
        if kind == "csv":
            with self.path.open(newline="", encoding="utf-8") as handle:
                reader = csv.DictReader(handle)
                total = sum(1 for _ in reader)
                return set(reader.fieldnames or ()), total
        if kind == "parquet":
            import pyarrow.parquet as pq

            file = pq.ParquetFile(self.path)
            return set(file.schema_arrow.names), file.metadata.num_rows
        data = self._dataset()
        return set(data.column_names), len(data)

    def _dataset(self) -> Any:
        datasets = import_datasets()
        data = datasets.load_from_disk(str(self.path))
        if isinstance(data, datasets.DatasetDict):
            if self.split not in data:
                raise UserError(f"{self.path} has no split {self.split!r} (its splits: {', '.join(data)}); "
                                "set input.split")
            data = data[self.split]
        return data

    def _rows(self) -> Iterator[dict[str, Any]]:
        kind = self._kind()
        if kind == "jsonl":
            return (row for _, row in iter_jsonl(self.path))
        if kind == "csv":
            return self._csv_rows()
        if kind == "parquet":
            return self._parquet_rows()
        return iter(self._dataset())

    def _csv_rows(self) -> Iterator[dict[str, Any]]:
        with self.path.open(newline="", encoding="utf-8") as handle:
            yield from csv.DictReader(handle)

    def _parquet_rows(self) -> Iterator[dict[str, Any]]:
        import pyarrow.parquet as pq

        for batch in pq.ParquetFile(self.path).iter_batches(batch_size=PARQUET_BATCH, columns=self.columns):
            yield from batch.to_pylist()

