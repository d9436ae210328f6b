"""Inputs read as a stream: the same rows as reading the file whole, every error before the first row,
and memory that does not grow with the file."""

from __future__ import annotations

import tracemalloc

import datasets
import orjson
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from synthloom.errors import UserError
from synthloom.io.row_stream import PARQUET_BATCH, RowStream
from synthloom.io.tables import read_table

# More rows than one Parquet batch, so the stream crosses batch boundaries.
ROWS = [{"text": f"row {i}", "category": "ab"[i % 2], "extra": i} for i in range(PARQUET_BATCH * 2 + 7)]


def write_all(tmp_path):
    (tmp_path / "in.jsonl").write_text("".join(orjson.dumps(r).decode() + "\n" for r in ROWS))
    (tmp_path / "in.csv").write_text("text,category,extra\n" + "".join(f"{r['text']},{r['category']},{r['extra']}\n"
                                                                       for r in ROWS))
    pq.write_table(pa.Table.from_pylist(ROWS), tmp_path / "in.parquet", row_group_size=3000)
    datasets.DatasetDict({"train": datasets.Dataset.from_list(ROWS)}).save_to_disk(str(tmp_path / "hf"))
    return ("in.jsonl", "in.csv", "in.parquet", "hf")


def test_the_stream_gives_what_reading_the_file_whole_gives(tmp_path):
    for name in write_all(tmp_path):
        stream = RowStream(tmp_path / name, ["text", "category"])
        assert stream.total == len(ROWS)
        assert list(stream) == read_table(tmp_path / name, ["text", "category"]), name
        assert list(stream) == list(stream), "a stream can be read again (a resume, a retry)"
        limited = RowStream(tmp_path / name, None, limit=5)
        assert limited.total == 5 and list(limited) == read_table(tmp_path / name)[:5], name


def test_every_input_error_comes_before_the_first_row(tmp_path):
    write_all(tmp_path)
    with pytest.raises(UserError, match=r"has no column 'label' \(its columns: category, extra, text\)"):
        RowStream(tmp_path / "in.csv", ["text", "label"])
    with pytest.raises(UserError, match="has no column 'label'"):
        RowStream(tmp_path / "in.parquet", ["label"])
    with pytest.raises(UserError, match="has no split 'test'"):
        RowStream(tmp_path / "hf", split="test")
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes((tmp_path / "in.jsonl").read_bytes() + b"{not json\n")
    with pytest.raises(UserError, match=rf"bad.jsonl:{len(ROWS) + 1}: not valid JSON"):
        RowStream(bad)  # the last line is bad: refused before any row is handed out
    (tmp_path / "empty.jsonl").write_text("\n")
    with pytest.raises(UserError, match="empty"):
        RowStream(tmp_path / "empty.jsonl")
    (tmp_path / "broken.parquet").write_bytes(b"PAR1 this is not parquet")
    with pytest.raises(UserError, match="cannot read .*broken.parquet"):
        RowStream(tmp_path / "broken.parquet")
    with pytest.raises(UserError, match="unknown input format '.txt'"):
        (tmp_path / "in.txt").write_text("x")
        RowStream(tmp_path / "in.txt")


def test_reading_a_large_input_holds_one_row_at_a_time(tmp_path):
    path = tmp_path / "big.jsonl"
    with path.open("wb") as handle:
        for i in range(100_000):
            handle.write(orjson.dumps({"instruction": f"write item {i} " + "x" * 80, "n": i}) + b"\n")
    stream = RowStream(path)
    tracemalloc.start()
    seen = sum(1 for _ in stream)
    _, streamed_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    tracemalloc.start()
    whole = len(read_table(path))
    _, whole_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert seen == whole == 100_000
    # Reading whole holds every row (tens of MB); the stream a few rows.
    assert streamed_peak < 1_000_000 and whole_peak > 20_000_000
