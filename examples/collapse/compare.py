"""Diversity curves of self-consuming runs side by side: one column per run, one row per generation.

    synthloom run examples/collapse/replace_synthetic_only.yaml
    synthloom run examples/collapse/replace_half_real.yaml
    synthloom run examples/collapse/accumulate.yaml
    python examples/collapse/compare.py runs/collapse-replace runs/collapse-half-real runs/collapse-accumulate
"""

from __future__ import annotations

import argparse
from pathlib import Path

import orjson

METRICS = ("distinct_2", "self_bleu", "vendi", "embedding_dispersion")


def loop_report(run_dir: Path) -> dict:
    metrics = orjson.loads((run_dir / "metrics.json").read_bytes())
    steps = metrics["sessions"][-1]["metrics"]["pipeline"]["steps"]
    for stats in steps.values():
        if "diversity_by_generation" in stats.get("report", {}):
            return stats["report"]
    raise SystemExit(f"{run_dir} has no self_consuming step report")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("runs", nargs="+", type=Path)
    args = parser.parse_args()
    reports = {run.name: loop_report(run) for run in args.runs}
    for metric in METRICS:
        print(f"\n{metric} by generation")
        print("| generation | " + " | ".join(reports) + " |")
        print("|---|" + "---:|" * len(reports))
        generations = sorted({int(g) for r in reports.values() for g in r["diversity_by_generation"]})
        for g in generations:
            cells = [str(r["diversity_by_generation"].get(str(g), {}).get(metric, "")) for r in reports.values()]
            print(f"| {g} | " + " | ".join(cells) + " |")
    for name, report in reports.items():
        alarmed = sorted({a["generation"] for a in report["collapse_alarms"]})
        print(f"\n{name}: alarms in generations {alarmed or 'none'}")


if __name__ == "__main__":
    main()
