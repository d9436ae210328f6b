"""summary.md: what each step received, kept and dropped, and why, readable without any tool."""

from __future__ import annotations

from pathlib import Path

from synthloom.io.private_files import write_private_atomic
from synthloom.run.pipeline import RunSummary
from synthloom.steps.tallies import shown_counters


def summary_lines(summary: RunSummary, status: str, exports: dict | None = None,
                  produced: dict[str, int] | None = None) -> list[str]:
    lines = [f"# Run summary ({status})", "", outcome_line(summary) + ".", "",
             "| step | received | candidates | emitted | dropped | failed |", "|---|---:|---:|---:|---:|---:|"]
    for name, stats in summary.steps.items():  # candidates: kept + dropped, generations included
        lines.append(f"| {name} | {stats.received} | {stats.emitted + stats.dropped} | {stats.emitted} "
                     f"| {stats.dropped} | {stats.failed} |")
    for name, stats in summary.steps.items():
        if counts := shown_counters(stats.counters):
            lines += ["", f"## {name}", "", "| count | value |", "|---|---:|"]
            lines += [f"| {key} | {value} |" for key, value in sorted(counts.items())]
        if stats.errors:
            lines += ["", f"{name} errors: " + ", ".join(f"{k} {v}" for k, v in sorted(stats.errors.items()))]
    lines += report_lines(summary)
    from synthloom.report.produced import produced_lines

    lines += produced_lines(produced or {})
    for target, counts in (exports or {}).items():
        lines.append(f"\nExport {target}: {counts['written']} rows ({counts['skipped']} records lacked the fields)")
    return lines


def outcome_line(summary: RunSummary) -> str:
    """What this session did, in every phase. Units: the records that reach the streamed steps (the
    inputs themselves when no whole-pool step comes first), then the records written to the output."""
    line = (f"{summary.records_written} records written this session; {summary.roots_done} of "
            f"{summary.roots_total} records through the pipeline done, {summary.roots_skipped} done earlier, "
            f"{summary.roots_failed} failed")
    if summary.stage_failed:
        line += (f"; {summary.stage_failed} failed for good in a stage before a whole-pool step "
                 "(a finished stage is final: --resume does not retry them)")
    return line


def retry_hint(summary: RunSummary) -> str:
    if summary.roots_failed:
        return "rerun with --resume to retry the ones after the last whole-pool step"
    return "they failed in finished stages, which a resume does not run again (start a new run_dir to retry them)"


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
        lines += _guard_tables(name, report)
        if report:
            lines += ["", f"{name}: " + ", ".join(f"{k} = {v}" for k, v in report.items())]
    return lines


DIVERSITY_COLUMNS = ("count", "distinct_1", "distinct_2", "distinct_3", "self_bleu", "rouge_l_mean",
                     "embedding_dispersion", "vendi")


def diversity_table(groups: dict[str, dict], label: str) -> list[str]:
    lines = [f"| {label} | " + " | ".join(DIVERSITY_COLUMNS) + " |", "|---|" + "---:|" * len(DIVERSITY_COLUMNS)]
    lines += [f"| {group} | " + " | ".join(str(m.get(c, "")) for c in DIVERSITY_COLUMNS) + " |"
              for group, m in groups.items()]
    return lines


def _guard_tables(name: str, report: dict) -> list[str]:
    """Tables for the guards' reports (popped from `report`): diversity per group, collapse alarms,
    coverage counts and thin categories."""
    lines: list[str] = []
    for key, label in (("diversity_by_group", "group"), ("diversity_by_generation", "generation")):
        groups = report.pop(key, None)
        if groups:
            lines += ["", f"### {name}: diversity by {label}", "", *diversity_table(groups, label)]
    alarms = report.pop("collapse_alarms", None)
    if alarms is not None:
        lines += ["", f"### {name}: collapse alarms", ""]
        lines += [f"- ALARM generation {a['generation']}: {a['metric']} {a['value']} against {a['baseline']} "
                  f"in generation 0 ({a['loss']:.0%} of its diversity lost)" for a in alarms] or ["- none"]
    counts = report.pop("counts", None)
    if counts is not None:
        after = report.pop("counts_after_fill", {})
        thin = {t["category"]: t["reason"] for t in report.pop("thin", [])}
        lines += ["", f"### {name}: records per category", "", "| category | records | after fill | thin |",
                  "|---|---:|---:|---|"]
        lines += [f"| {c} | {n} | {after.get(c, '')} | {thin.get(c, '')} |" for c, n in counts.items()]
    return lines


def write_summary(path: Path, summary: RunSummary, status: str, exports: dict | None = None,
                  produced: dict[str, int] | None = None) -> None:
    write_private_atomic(path, ("\n".join(summary_lines(summary, status, exports, produced)) + "\n").encode())
