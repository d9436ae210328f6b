"""The data-value experiment: run it, or turn a run directory (finished, or still running) into the README's
table.

    python benchmarks/data_value.py [--config benchmarks/data_value_cpu.yaml] [--run-dir DIR]   # run it
    python benchmarks/data_value.py --table DIR                                                # the table

--table reads DIR/value.json when the experiment has finished; before that it summarizes the (arm, seed)
results saved so far in DIR/value/ (the seeds every arm has finished, or the first seed's finished arms)
and says so above the table. The markdown goes to stdout.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import orjson

REPO = Path(__file__).resolve().parent.parent


def _pm(block: dict[str, Any] | None) -> str:
    if not block or block.get("pass_at_1") is None:
        return "-"
    return f"{block['pass_at_1']:.3f} ± {block['sd']:.3f}" if len(block.get("per_seed", [])) > 1 else \
        f"{block['pass_at_1']:.3f}"


def _stats(s: dict[str, float] | None) -> str:
    if not s:
        return "- | - | -"
    return f"{s['mean_chars']:.0f} | {s['truncated']:.1%} | {s['states_final_answer']:.1%}"


def table(summary: dict[str, Any]) -> str:
    design, train, held, primary = summary["design"], summary["train"], summary["held_out"], summary["primary"]
    level = f"{summary['confidence']:.0%}"
    lines = []
    if design.get("complete") is False:
        planned = design["planned"]
        lines += [f"**Partial**: seeds {design['seeds']} of {planned['seeds']}, arms {design['arms'][1:]} of "
                  f"{planned['arms']} (the experiment is still running or was stopped).", ""]
    leak = held["leakage_removed"]
    lines += [f"Student {summary['student']}; pool: {train['candidates']} candidates, {train['verified_candidates']} "
              f"verified, {train['exported']} exported ({train['duplicates_left_out']} accepted duplicates left out); "
              f"{train['examples_per_arm']} examples and {train['steps']} steps per fine-tuned arm and seed (batch "
              f"{train['batch_size']}, learning rate {train['learning_rate']:g}); seeds {design['seeds']}. Held-out: "
              f"{held['problems']} problems ({leak['same_question']} drawn problems equal to a training question "
              f"and {leak['same_key_other_wording']} more equal up to operand order or number writing removed); "
              f"OOD: {design['ood']} problems ({', '.join(design['ood_classes'])}). pass@1 is greedy, mean ± SD "
              f"across seeds, {level} intervals resample seeds and problems together.", "",
              f"| arm | pass@1 | {level} interval | strict scorer | OOD | OOD strict | train: chars | train: "
              "truncated | train: states answer | eval: chars | eval: truncated | eval: states answer |",
              "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for arm, a in summary["arms"].items():
        lines.append(f"| {arm} | {_pm(a)} | [{a['low']:.3f}, {a['high']:.3f}] | {_pm(a['strict'])} | {_pm(a['ood'])} "
                     f"| {_pm(a['ood_strict'])} | {_stats(a['train_stats'])} | {_stats(a['eval_stats'])} |")
    needed = primary["problems_for_power_at_5_points"]
    lines += ["", f"**Primary test, {primary['contrast']}** (named before the run; {primary['test']}, paired over "
              f"{primary['problems']} held-out problems): {primary['difference']:+.3f} "
              f"[{primary['low']:+.3f}, {primary['high']:+.3f}], p = {primary['p_value']:.3g}. Discordant problems: "
              f"{primary['discordance']:.1%}. Power at alpha {primary['alpha']}: {primary['power_at_observed']:.0%} for "
              f"the observed difference, {primary['power_at_5_points']:.0%} for a true 5-point gain; smallest "
              f"difference detectable with {primary['at_power']:.0%} power: {primary['smallest_detectable']:.3f}; "
              f"problems needed for {primary['at_power']:.0%} power at 5 points: {needed if needed else '-'}. "
              f"Reading: {primary['reading']}.", "",
              "| difference (paired) | held-out | interval | p | strict scorer | OOD |", "|---|---:|---|---:|---:|---:|"]
    for pair, d in summary["differences"].items():
        strict, ood = d["strict"], d["ood"]
        lines.append(f"| {pair} | {d['difference']:+.3f} | [{d['low']:+.3f}, {d['high']:+.3f}] | {d['p_value']:.3g} | "
                     f"{'-' if strict['difference'] is None else format(strict['difference'], '+.3f')} | "
                     f"{'-' if ood['difference'] is None else format(ood['difference'], '+.3f')} |")
    return "\n".join(lines)


def summary_of(run_dir: Path) -> dict[str, Any]:
    if (run_dir / "value.json").exists():
        summary = orjson.loads((run_dir / "value.json").read_bytes())
        summary["design"]["complete"] = True
        return summary
    from synthloom.config import load_config
    from synthloom.value.experiment import summary_so_far

    return summary_so_far(load_config(run_dir / "config.yaml"), run_dir)


def run(config: str, run_dir: Path) -> None:
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "synthloom.cli", "value", config, "--run-dir", str(run_dir),
                             "--no-progress"], capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"synthloom value failed:\n{result.stderr}")
    print(table(summary_of(run_dir)))
    value = orjson.loads((run_dir / "value.json").read_bytes())
    for name, seconds in value["seconds"].items():
        print(f"{name:<24} load {seconds['load_s'] or 0:>5.0f} s  train {seconds['train_s'] or 0:>5.0f} s  "
              f"evaluate {seconds['eval_s'] or 0:>5.0f} s")
    print(f"whole experiment (sampling included): {(time.perf_counter() - started) / 60:.1f} min; run directory {run_dir}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default=str(REPO / "benchmarks" / "data_value_cpu.yaml"))
    parser.add_argument("--run-dir", help="where the run goes (default: a temporary folder); an existing one resumes")
    parser.add_argument("--table", metavar="RUN_DIR", help="print the README table of this run directory and exit")
    args = parser.parse_args()
    if args.table:
        print(table(summary_of(Path(args.table))))
        return
    run(args.config, Path(args.run_dir or tempfile.mkdtemp(prefix="synthloom-value-")) / "run")


if __name__ == "__main__":
    main()
