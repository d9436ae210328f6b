"""Self-Instruct on a seed file through a real llama.cpp server: the funnel, audited record by record.

Starts `python -m llama_cpp.server` on the bundled SmolLM2-135M-Instruct, runs one self_instruct step
with `synthloom run` against it, then reads the run directory back and prints:
- the funnel: candidates, kept, and every drop by reason (instructions and instances), and whether
  kept + drops = candidates exactly, from the step's own counters and from the records on disk;
- the lineage audit: every parent id of a kept or dropped record resolves to a record or a source;
- the kept records, in full, for a reader to judge (written to KEPT.txt in the run directory).

The Self-Instruct paper's 175 seed tasks are not bundled (they are the paper authors' data): give their
`seed_tasks.jsonl` (github.com/yizhongw/self-instruct, data/seed_tasks.jsonl) with --seeds, or leave it
out for synthloom's own seed pool.

    python benchmarks/self_instruct_seeds.py --seeds seed_tasks.jsonl [--tasks 25] [--run-dir DIR]
"""

from __future__ import annotations

import argparse
import collections
import os
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import orjson

sys.path.insert(0, str(Path(__file__).parent))
from llama_server import llama_server  # noqa: E402 - beside this script


def _jsonl(path: Path) -> list[dict]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines() if line.strip()] if path.exists() else []


def _config(url: str, seeds: str, tasks: int, seed: int) -> str:
    return textwrap.dedent(f"""\
        run_dir: run
        model: {{backend: openai, base_url: "{url}", model: smollm2}}
        engine: {{concurrency: 2, timeout: 300}}
        pipeline:
          - step: self_instruct
            seeds: {seeds}
            num_instructions: {tasks}
            max_requests: {tasks + 8}
            requests_per_round: 4
            new_per_request: 8
            max_tokens: 320
            instance_max_tokens: 220
            seed: {seed}
        """)


def audit(run: Path) -> None:
    kept, removed, sources = _jsonl(run / "output.jsonl"), _jsonl(run / "removed.jsonl"), _jsonl(run / "sources.jsonl")
    print("\n" + (run / "summary.md").read_text().strip())  # the step's own counters, by reason
    reasons = collections.Counter(str(step.get("removed")) for r in removed for step in r.get("meta", {}).values()
                                  if isinstance(step, dict) and "removed" in step)
    print(f"\non disk: {len(kept)} kept + {len(removed)} dropped = {len(kept) + len(removed)} candidates; "
          "dropped by reason:")
    for reason, count in reasons.most_common():
        print(f"  {count:4d}  {reason}")
    known = {r["id"] for r in kept} | {r["id"] for r in removed} | {s.get("id") for s in sources}
    parents = [p for r in kept + removed for p in r.get("lineage", {}).get("parents", [])]
    unresolved = [p for p in parents if p not in known]
    print(f"lineage: {len(parents)} parent ids, {len(unresolved)} resolve to no record or source")
    lines = [f"[{r['id']}]\nINSTRUCTION: {r['fields'].get('instruction')}\nINPUT: {r['fields'].get('input')}\n"
             f"OUTPUT: {r['fields'].get('output')}\n" for r in kept]
    (run / "KEPT.txt").write_text("\n".join(lines))
    print(f"kept records, to read and judge: {run / 'KEPT.txt'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds", default="builtin", help="Self-Instruct-format JSONL (default: synthloom's own)")
    parser.add_argument("--tasks", type=int, default=25, help="num_instructions")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--run-dir", type=Path, default=None, help="default: a new temporary folder")
    args = parser.parse_args()
    seeds = args.seeds if args.seeds == "builtin" else str(Path(args.seeds).resolve())
    work = args.run_dir or Path(tempfile.mkdtemp(prefix="self-instruct-seeds-"))
    work.mkdir(parents=True, exist_ok=True)
    with llama_server(work / "server.log") as url:
        (work / "config.yaml").write_text(_config(url, seeds, args.tasks, args.seed))
        started = time.perf_counter()
        command = [sys.executable, "-m", "synthloom.cli", "run", str(work / "config.yaml"), "--no-progress"]
        code = subprocess.call(command, env={**os.environ, "NO_COLOR": "1"})
        print(f"synthloom run: exit {code}, {time.perf_counter() - started:.0f} s")
    audit(work / "run")


if __name__ == "__main__":
    main()
