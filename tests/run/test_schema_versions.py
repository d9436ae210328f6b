"""state.sqlite and cache.sqlite record their schema version: a file from another release, or a SQLite
file that is not synthloom's, is one clear error and is left exactly as it was."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from synthloom.engine.cache import CACHE_FORMAT, ResponseCache
from synthloom.errors import UserError
from synthloom.io.sqlite_format import stored_format
from synthloom.models.base import Choice
from synthloom.run.run_dir import STATE_FORMAT
from tests.conftest import run_cli
from tests.run.test_chaos import one_clear_error, write_config


def set_format(path: Path, value: str) -> None:
    with closing(sqlite3.connect(path)) as db, db:
        db.execute("INSERT OR REPLACE INTO info VALUES ('format', ?)", (value,))


def test_a_run_from_another_release_is_refused_untouched(fault_server, tmp_path):
    config = write_config(tmp_path, "run", fault_server.url, [{"instruction": "hi"}], [{"step": "generate"}],
                          output={"report": False})
    assert run_cli("run", str(config), "--no-progress").returncode == 0
    state = tmp_path / "run" / "state.sqlite"
    with closing(sqlite3.connect(state)) as db:
        assert stored_format(db) == STATE_FORMAT
    set_format(state, "synthloom-run/99")
    before = {p.name: p.read_bytes() for p in (tmp_path / "run").iterdir() if p.is_file() and p.name != "lock"}
    message = one_clear_error(run_cli("run", str(config), "--resume", "--no-progress"))
    assert "synthloom-run/99" in message and STATE_FORMAT in message and "state.sqlite" in message
    after = {p.name: p.read_bytes() for p in (tmp_path / "run").iterdir() if p.is_file() and p.name != "lock"}
    assert after == before


def test_a_cache_from_another_release_or_not_ours_is_refused_untouched(tmp_path):
    newer = tmp_path / "newer.sqlite"
    ResponseCache(newer).close()
    set_format(newer, "synthloom-cache/7")
    theirs = tmp_path / "theirs.sqlite"
    with closing(sqlite3.connect(theirs)) as db, db:
        db.execute("CREATE TABLE notes (text TEXT)")
        db.execute("INSERT INTO notes VALUES ('mine')")
    for path, expected in ((newer, "synthloom-cache/7"), (theirs, "notes")):
        data = path.read_bytes()
        with pytest.raises(UserError, match=expected):
            ResponseCache(path)
        assert path.read_bytes() == data


def test_a_cache_from_before_formats_were_recorded_is_read_and_stamped(tmp_path):
    old = tmp_path / "old.sqlite"
    cache = ResponseCache(old)
    cache.put("k", "m", Choice(text="kept"), {"completion_tokens": 1})
    cache.close()
    with closing(sqlite3.connect(old)) as db, db:
        db.execute("DROP TABLE info")
    cache = ResponseCache(old)
    assert cache.get("k")[0].text == "kept"
    cache.close()
    with closing(sqlite3.connect(old)) as db, db:
        assert stored_format(db) == CACHE_FORMAT


def test_generate_names_the_cache_it_refuses(tmp_path):
    theirs = tmp_path / "theirs.sqlite"
    with closing(sqlite3.connect(theirs)) as db, db:
        db.execute("CREATE TABLE notes (text TEXT)")
    prompts = tmp_path / "p.jsonl"
    prompts.write_text('{"prompt": "hi"}\n')
    message = one_clear_error(run_cli("generate", str(prompts), "--out", str(tmp_path / "o.jsonl"),
                                      "--base-url", "http://127.0.0.1:9/v1", "--model", "m", "--cache", str(theirs)))
    assert str(theirs) in message and not (tmp_path / "o.jsonl").exists()
