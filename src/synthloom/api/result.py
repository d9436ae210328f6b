"""What a Python-API run gives back: its records, what was dropped and why, failures, metrics, the
report; read from the run directory the run wrote, so it is exactly what the CLI would have left."""

from __future__ import annotations

import html
from collections.abc import Iterator
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

import orjson

from synthloom.run.pipeline import RunSummary


def _jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [orjson.loads(line) for line in path.read_bytes().splitlines() if line.strip()]


def removal_reason(record: dict[str, Any]) -> tuple[str | None, str | None]:
    """(the step that dropped a removed record, its reason): the step's entry in `meta` that says `removed`."""
    for step, entry in record.get("meta", {}).items():
        if isinstance(entry, dict) and "removed" in entry:
            return step, str(entry["removed"])
    return None, None


class Result:
    """A finished run. Iterating gives the kept records' fields; `records` holds them whole (fields,
    scores, lineage, meta), `removed` the dropped ones with `step` and `reason`, `failures` the ones
    a step failed on (with the error; rerun with `resume=True` to retry them)."""

    def __init__(self, run_dir: Path, summary: RunSummary, status: str,
                 keep_alive: TemporaryDirectory[str] | None = None) -> None:
        self.run_dir = run_dir
        self.summary = summary
        self.status = status  # "complete", or "incomplete" when some records failed
        self._keep_alive = keep_alive  # a preview's temporary folder lives as long as its result
        self.records: list[dict[str, Any]] = _jsonl(run_dir / "output.jsonl")
        self.removed: list[dict[str, Any]] = []
        for record in _jsonl(run_dir / "removed.jsonl"):
            record["step"], record["reason"] = removal_reason(record)
            self.removed.append(record)
        self.failures: list[dict[str, Any]] = _jsonl(run_dir / "failures.jsonl")
        metrics = run_dir / "metrics.json"
        self.metrics: dict[str, Any] = orjson.loads(metrics.read_bytes()) if metrics.exists() else {}

    @property
    def rows(self) -> list[dict[str, Any]]:
        """The kept records' fields, one dict each."""
        return [record["fields"] for record in self.records]

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.records)

    @property
    def report_path(self) -> Path | None:
        path = self.run_dir / "report.html"
        return path if path.exists() else None

    @property
    def summary_text(self) -> str:
        path = self.run_dir / "summary.md"
        return path.read_text() if path.exists() else ""

    def to_pandas(self, full: bool = False) -> Any:
        """The kept records as a DataFrame: their fields, one column each, and the record id; `full`:
        also scores, lineage and meta (as dict columns)."""
        try:
            import pandas as pd
        except ImportError:
            from synthloom.errors import UserError

            raise UserError("to_pandas() needs pandas: pip install pandas") from None
        if full:
            return pd.DataFrame(self.records)
        return pd.DataFrame([{"id": r["id"], **r["fields"]} for r in self.records])

    def removed_to_pandas(self) -> Any:
        import pandas as pd

        return pd.DataFrame([{"id": r["id"], "step": r["step"], "reason": r["reason"], **r["fields"]}
                             for r in self.removed])

    def to_hf(self) -> Any:
        """The kept records' fields as a Hugging Face `datasets.Dataset`."""
        from synthloom.io.tables import import_datasets

        return import_datasets().Dataset.from_list(self.rows)

    def __repr__(self) -> str:
        return (f"Result({len(self.records)} records, {len(self.removed)} removed, {len(self.failures)} failed, "
                f"status {self.status!r}, run_dir {str(self.run_dir)!r})")

    def _repr_html_(self) -> str:
        """Jupyter's view: the outcome, each step's counts, the first few records, and the report's path."""
        rows = "".join(
            f"<tr><td>{html.escape(name)}</td><td>{s.received}</td><td>{s.emitted}</td><td>{s.dropped}</td>"
            f"<td>{s.failed}</td></tr>" for name, s in self.summary.steps.items())
        fields = sorted({key for record in self.records[:5] for key in record["fields"]})
        sample = "".join("<tr>" + "".join(f"<td>{html.escape(_short(r['fields'].get(k)))}</td>" for k in fields)
                         + "</tr>" for r in self.records[:5])
        report = self.report_path
        return (f"<div><b>synthloom run</b> ({html.escape(self.status)}): {len(self.records)} records kept, "
                f"{len(self.removed)} removed, {len(self.failures)} failed &middot; "
                f"<code>{html.escape(str(self.run_dir))}</code>"
                "<table><tr><th>step</th><th>received</th><th>emitted</th><th>dropped</th><th>failed</th></tr>"
                f"{rows}</table>"
                + (("<table><tr>" + "".join(f"<th>{html.escape(k)}</th>" for k in fields) + f"</tr>{sample}</table>")
                   if fields else "")
                + (f'<p>Report: <a href="{html.escape(report.resolve().as_uri())}">{html.escape(str(report))}</a></p>'
                   if report else "")
                + "</div>")


def _short(value: Any, limit: int = 160) -> str:
    text = value if isinstance(value, str) else orjson.dumps(value).decode()
    return text if len(text) <= limit else text[: limit - 1] + "…"
