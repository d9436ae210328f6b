"""`synthloom report`: one self-contained HTML page (inline CSS, SVG plots and a small script; nothing
fetched from anywhere), or Markdown for terminals and pull requests."""

from __future__ import annotations

import time
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
import orjson

from synthloom.io.private_files import write_private_atomic
from synthloom.report.run_view import SAMPLE_RECORDS, RunView, load_run
from synthloom.report.sections import Section, all_sections


def _summary(fields: dict[str, Any]) -> str:
    from synthloom.io.training_formats import prompt_and_response

    prompt, response = prompt_and_response(fields, None, None)
    text = " → ".join(p for p in (prompt, response) if p) or orjson.dumps(fields).decode()
    text = " ".join(text.split())
    return text[:200] + ("…" if len(text) > 200 else "")


def _reason(record: dict) -> str:
    if record.get("error"):
        return f"{record.get('error_step')}: {record['error']}"
    for step, meta in (record.get("meta") or {}).items():
        if isinstance(meta, dict) and meta.get("removed"):
            extra = f" of {meta['duplicate_of']}" if meta.get("duplicate_of") else ""
            return f"{step}: {meta['removed']}{extra}"
    return ""


def browser_items(view: RunView) -> list[dict]:
    items = []
    for kind, records in (("accepted", view.records), ("removed", view.removed), ("failed", view.failures)):
        for record in records:
            items.append({"kind": kind, "summary": _summary(record.get("fields", {})), "reason": _reason(record),
                          "record": record})
    return items


def cards(view: RunView) -> list[tuple[str, str]]:
    t = view.totals
    first = view.steps[0].received + view.steps[0].bypassed if view.steps else view.inputs_total
    # committed: the commit log's units, the records that reach the streamed part of the pipeline
    out = [("input records", f"{first:,}"), ("records written", f"{view.records_written:,}"),
           ("units committed", f"{view.inputs_done:,}" + (f" of {view.inputs_total:,}" if view.inputs_total else "")),
           ("removed by guards", f"{view.removed_total:,}"),
           ("failed", f"{view.failures_total:,}"), ("model calls", f"{t.get('calls', 0):,}"),
           ("cache hits", f"{t.get('cache_hits', 0):,}"),
           ("tokens", f"{t.get('prompt_tokens', 0) + t.get('completion_tokens', 0):,}"),
           ("estimated cost", f"${t.get('estimated_cost_usd', 0):,.4f}")]
    if view.records_written:
        tokens = t.get("completion_tokens", 0)
        out.append(("completion tokens per record", f"{tokens / view.records_written:,.1f}"))
    return out


def script_safe_json(value: Any) -> str:
    """JSON to sit inside <script>: `<`, `>` and `&` only occur inside JSON strings, where their \\u
    escapes mean the same, so no record text (`</script>`, `<!--<script>`) can end or alter the element."""
    text = orjson.dumps(value).decode()
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render_html(view: RunView, sections: list[Section]) -> str:
    source = (resources.files("synthloom") / "data" / "report" / "report.html.jinja").read_text()
    template = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined).from_string(source)
    records_json = script_safe_json(browser_items(view))
    pipeline = " → ".join(f"{s.name}" for s in view.steps) or "(none recorded)"
    models = ", ".join(f"{name}: {m['model']}" for name, m in view.models.items()) or "none called"
    return template.render(title=view.path.name, status=view.status, status_note=view.status_note,
                           sections=sections, cards=cards(view), pipeline=pipeline, models=models,
                           generated=time.strftime("%Y-%m-%d %H:%M:%S"), run_dir=str(view.path),
                           sample_limit=SAMPLE_RECORDS, records_json=records_json)


def render_markdown(view: RunView, sections: list[Section]) -> str:
    lines = [f"# synthloom run report: {view.path.name}", "", f"**{view.status}**: {view.status_note}", ""]
    lines += [" | ".join(f"{label}: {value}" for label, value in cards(view)), ""]
    for section in sections:
        lines += [f"## {section.title}", ""]
        lines += [f"- {note}" for note in section.notes]
        for table in section.tables:
            lines += ["", f"*{table.caption}*", ""] if table.caption else [""]
            lines += ["| " + " | ".join(table.columns) + " |", "|" + "---|" * len(table.columns)]
            lines += ["| " + " | ".join("" if c is None else str(c).replace("|", "\\|").replace("\n", " ")
                                        for c in row) + " |" for row in table.rows]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def write_report(run_dir: str | Path, out: str | Path | None = None, fmt: str = "html") -> Path:
    view = load_run(run_dir)
    sections = all_sections(view, draw=fmt == "html")
    target = Path(out) if out else view.path / ("report.html" if fmt == "html" else "report.md")
    text = render_html(view, sections) if fmt == "html" else render_markdown(view, sections)
    write_private_atomic(target, text.encode("utf-8"))  # it shows records: owner-only, like the run's files
    return target
