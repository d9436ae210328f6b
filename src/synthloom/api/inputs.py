"""What `Pipeline.run(data)` accepts, turned into plain JSON rows (or a file the run config reads)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import orjson

from synthloom.errors import UserError

# The Python API's `data`: a file (JSONL, CSV, Parquet, a saved `datasets` folder), rows, a pandas
# DataFrame or a Hugging Face `datasets.Dataset`. Typed loosely: neither library is a dependency.
Data = Any


def _plain(value: Any) -> Any:
    """orjson's fallback for what tables hold beyond JSON: pandas' missing values and timestamps."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    name = type(value).__name__
    if name in ("NAType", "NaTType"):
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "tolist"):  # numpy scalars and arrays orjson does not take natively
        return value.tolist()
    raise TypeError(f"cannot store a {name} in a record")


def json_rows(rows: list[Any], where: str) -> list[dict[str, Any]]:
    """Rows as records hold them: JSON values only (numpy numbers become Python's, NaN None), so the
    run directory, the cache key and a resume see exactly what the model saw."""
    for i, row in enumerate(rows):
        if not isinstance(row, Mapping):
            raise UserError(f"{where}: row {i} is a {type(row).__name__}; each row must be a dict of fields")
    try:
        payload = orjson.dumps([dict(row) for row in rows], default=_plain,
                               option=orjson.OPT_SERIALIZE_NUMPY | orjson.OPT_NON_STR_KEYS)
    except TypeError as exc:
        raise UserError(f"{where}: {exc}; give fields that are text, numbers, lists or dicts") from None
    loaded: list[dict[str, Any]] = orjson.loads(payload)
    return loaded


def input_rows(data: Data) -> list[dict[str, Any]] | Path:
    """A path (the run reads it as `input.path`) or the rows of an in-memory table."""
    if isinstance(data, str | Path):
        return Path(data)
    module = type(data).__module__.split(".")[0]
    if module == "pandas" and hasattr(data, "to_dict"):
        rows = data.to_dict(orient="records")
        where = "the DataFrame"
    elif module == "datasets":
        if not hasattr(data, "to_list"):  # a DatasetDict, an IterableDataset
            raise UserError(f"give one split of the {type(data).__name__} (e.g. data['train']): a Dataset")
        rows = data.to_list()
        where = "the Dataset"
    elif isinstance(data, list | tuple):
        rows, where = list(data), "the rows"
    else:
        raise UserError(f"cannot run on a {type(data).__name__}: give a list of dicts, a pandas DataFrame, a "
                        "datasets.Dataset, or the path of a JSONL, CSV or Parquet file")
    if not rows:
        raise UserError(f"{where} holds no rows")
    return json_rows(rows, where)
