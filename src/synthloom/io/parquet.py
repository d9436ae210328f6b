"""Write records as Parquet: one column per field, lineage, scores and meta kept as JSON text."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import orjson
import pyarrow as pa
import pyarrow.parquet as pq


def _row(record: dict[str, Any]) -> dict[str, Any]:
    row = {"id": record["id"]}
    for key, value in record.get("fields", {}).items():
        # Nested values become JSON text: their shapes vary between records and would break the schema.
        row[f"fields.{key}"] = orjson.dumps(value).decode() if isinstance(value, (dict, list)) else value
    for key in ("scores", "lineage", "meta"):
        row[key] = orjson.dumps(record.get(key) or {}).decode()
    return row


def records_to_parquet(records: Iterable[dict[str, Any]], target: Path) -> int:
    rows = [_row(r) for r in records]
    try:
        table = pa.Table.from_pylist(rows)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        # A field whose type differs between records (a number here, text there): store all as text.
        rows = [{k: v if v is None or isinstance(v, str) else orjson.dumps(v).decode() for k, v in r.items()}
                for r in rows]
        table = pa.Table.from_pylist(rows)
    tmp = target.with_suffix(".parquet.tmp")
    pq.write_table(table, tmp)
    tmp.replace(target)
    return len(rows)
