"""summary.md: what each step received, kept and dropped, and why, readable without any tool."""

from __future__ import annotations

from pathlib import Path

from synthloom.pipeline import RunSummary


def summary_lines(summary: RunSummary, status: str, exports: dict | None = None) -> list[str]:
    lines = [f"# Run summary ({status})", "",
             f"{summary.records_written} records written this session; {summary.roots_done} inputs done, "
             f"{summary.roots_skipped} done earlier, {summary.roots_failed} failed.", "",
             "| step | received | emitted | dropped | failed |", "|---|---:|---:|---:|---:|"]
    for name, stats in summary.steps.items():
        lines.append(f"| {name} | {stats.received} | {stats.emitted} | {stats.dropped} | {stats.failed} |")
    for name, stats in summary.steps.items():
        if stats.counters:
            lines += ["", f"## {name}", "", "| count | value |", "|---|---:|"]
            lines += [f"| {key} | {value} |" for key, value in sorted(stats.counters.items())]
        if stats.errors:
            lines += ["", f"{name} errors: " + ", ".join(f"{k} {v}" for k, v in sorted(stats.errors.items()))]
    lines += report_lines(summary)
    for target, counts in (exports or {}).items():
        lines.append(f"\nExport {target}: {counts['written']} rows ({counts['skipped']} records lacked the fields)")
    return lines


def report_lines(summary: RunSummary) -> list[str]:
    """The rates, flags and tables steps derive from their counts (yield by class, pass@k, agreement...)."""
    lines: list[str] = []
    for name, stats in summary.steps.items():
        if not stats.report:
            continue
        report = dict(stats.report)
        yields = report.pop("yield_by_class", None)
        if yields:
            lines += ["", f"### {name}: yield by class", "",
                      "| class | prompts | with accepted | tried | accepted | pass rate |",
                      "|---|---:|---:|---:|---:|---:|"]
            lines += [f"| {c} | {y['prompts']} | {y['prompts_with_accepted']} | {y['tried']} | {y['accepted']} "
                      f"| {y['pass_rate']} |" for c, y in yields.items()]
        lines += ["", f"{name}: " + ", ".join(f"{k} = {v}" for k, v in report.items())]
    return lines


def write_summary(path: Path, summary: RunSummary, status: str, exports: dict | None = None) -> None:
    path.write_text("\n".join(summary_lines(summary, status, exports)) + "\n")
