"""Reworded benchmark leaks against clean look-alikes: recall and false hits of decontamination.

Data: benchmarks/data/decontam_rewordings.jsonl, written by hand for this benchmark: rewordings of
HumanEval items (bare stubs, plain statements, Q&A, instructions with a solution; new function names,
examples re-expressed or left out), HumanEval-style coding tasks whose behaviour differs from every
HumanEval task (look-alikes on purpose: "non-overlapping" where HumanEval says "overlapping"; half with
a solution), and ordinary instructions. Split by item into dev (tuned on) and test (reported only).
A third split, fresh, was written after the tests check learned to compare with the reference solution
on variants of the tests' inputs (a test-half look-alike had shown the need): 22 more rewordings with
code, and 27 look-alikes with code, 9 of them adversarial (`adversarial_for`: built to pass that
HumanEval item's own tests while doing something else, as "the element with the greatest absolute
value" passes max_element's tests).

    python benchmarks/decontam_rewordings.py

Prints, per split and method: recall on leaks (and how often the matched item is the right one), false
hits on look-alikes and on ordinary records. Baselines: n-grams alone; MiniLM at the old 0.8 threshold
(both with today's n-gram stage; the numbers of the code before, commit 7621498, are in the README).
"""

from __future__ import annotations

import asyncio
import dataclasses
import time
from pathlib import Path

import orjson

from synthloom.guards.benchmarks import BenchmarkSource
from synthloom.guards.decontam import Decontaminator, DecontamSettings

DATA = Path(__file__).parent / "data" / "decontam_rewordings.jsonl"
METHODS = {
    "n-grams alone (stage 1)": DecontamSettings(),
    "n-grams + MiniLM >= 0.8 (old rule)": DecontamSettings(semantic=True, top_k=3, similarity_threshold=0.8,
                                                          literal_alone=1e9, literal_similarity=2.0,
                                                          behaviour=False),
    "n-grams + evidence (now, --semantic)": DecontamSettings(semantic=True),
    "  tests alone (no reference variants)": DecontamSettings(semantic=True, behaviour_agreement=0.0),
    "  without the tests check": DecontamSettings(semantic=True, behaviour=False),
}
SPLITS = ("dev", "test", "fresh")


def main() -> None:
    rows = [orjson.loads(line) for line in DATA.read_bytes().splitlines() if line.strip()]
    print(f"{len(rows)} records: " + ", ".join(f"{kind} {sum(r['kind'] == kind for r in rows)}"
                                               for kind in ("reworded_leak", "clean_lookalike", "ordinary")))
    header = (f"{'method':40} {'split':5} {'leak recall':>11} {'right item':>10} {'look-alike FP':>13} "
              f"{'adversarial FP':>14} {'ordinary FP':>11} {'s':>6}")
    print(header)
    for name, settings in METHODS.items():
        decontaminator = Decontaminator([BenchmarkSource.parse("humaneval")], dataclasses.replace(settings))
        started = time.perf_counter()
        hits = {h.index: h for h in asyncio.run(decontaminator.find([r["text"] for r in rows]))}
        seconds = time.perf_counter() - started
        for split in SPLITS:
            picked = [(i, r) for i, r in enumerate(rows) if r["split"] == split]
            leaks = [(i, r) for i, r in picked if r["kind"] == "reworded_leak"]
            caught = [(i, r) for i, r in leaks if i in hits]
            right = sum(hits[i].item_id == r["humaneval"] for i, r in caught)
            groups = {kind: [i for i, r in picked if r["kind"] == kind] for kind in ("clean_lookalike", "ordinary")}
            groups["adversarial"] = [i for i, r in picked if r.get("adversarial_for")]
            rates = {kind: f"{sum(i in hits for i in group) / len(group):.3f}" if group else "-"
                     for kind, group in groups.items()}
            print(f"{name:40} {split:5} {len(caught) / len(leaks):11.3f} {right / max(len(caught), 1):10.3f} "
                  f"{rates['clean_lookalike']:>13} {rates['adversarial']:>14} {rates['ordinary']:>11} {seconds:6.1f}")
    print("target (issue 14): recall >= 0.85 at <= 0.015 false hits on clean look-alikes")


if __name__ == "__main__":
    main()
