"""The data-value experiment end to end, at full size: `synthloom value` on examples/value_math.yaml (or
another config), in a fresh run directory, then the table of arms and the time each phase took.

    python benchmarks/data_value.py [--config examples/value_math.yaml] [--run-dir DIR]

On this 2-core machine it took 80 minutes (35 sampling 960 candidates with llama.cpp, 14 training each
fine-tuned arm, 5 evaluating each of the three arms on 218 problems); the README's "Data value" section
has the figures.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import orjson

REPO = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default=str(REPO / "examples" / "value_math.yaml"))
    parser.add_argument("--run-dir", help="where the run goes (default: a temporary folder); an existing one resumes")
    args = parser.parse_args()
    run_dir = Path(args.run_dir or tempfile.mkdtemp(prefix="synthloom-value-")) / "run"
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "synthloom.cli", "value", args.config, "--run-dir", str(run_dir),
                             "--no-progress"], capture_output=True, text=True)
    wall = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"synthloom value failed:\n{result.stderr}")
    print(result.stdout)
    value = orjson.loads((run_dir / "value.json").read_bytes())
    train = value["train"]
    print(f"\n{train['candidates']} candidates, {train['verified_candidates']} verified; "
          f"{train['examples_per_arm']} examples and {train['steps']} steps per fine-tuned arm; "
          f"{value['held_out']['problems']} held-out problems")
    for arm, seconds in value["seconds"].items():
        print(f"{arm:<14} load {seconds['load_s'] or 0:>5.0f} s  train {seconds['train_s'] or 0:>5.0f} s  "
              f"evaluate {seconds['eval_s'] or 0:>5.0f} s")
    print(f"whole experiment (sampling included): {wall / 60:.1f} min; run directory {run_dir}")


if __name__ == "__main__":
    main()
