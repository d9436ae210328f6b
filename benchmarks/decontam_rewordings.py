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
    python benchmarks/decontam_rewordings.py SPLIT.jsonl [--judge-url URL --judge-model NAME]

With a split file (rows with `kind`: reworded_leak / clean_lookalike / ordinary, `humaneval`: the item,
`evidence`: code / examples / prose_new_values / none, `text`), prints per kind and evidence: recall and
the right-item rate on leaks, the flag rate on look-alikes and on ordinary rows, for n-grams alone and
for `--semantic`, and the seconds per 1,000 records. With a judge (an OpenAI-compatible endpoint), the
judge is calibrated first (judge_calibration.py) and its figures are printed too: an untrusted judge's
verdicts are not used, so its figures are the evidence's.

Without a file, prints, per split and method: recall on leaks (and how often the matched item is the right one), false
hits on look-alikes and on ordinary records. Baselines: n-grams alone; MiniLM at the old 0.8 threshold
(both with today's n-gram stage; the numbers of the code before, commit 7621498, are in the README).
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import time
from collections import Counter, defaultdict
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


SPLIT_METHODS = {"n-grams alone": DecontamSettings(), "--semantic": DecontamSettings(semantic=True)}


async def _find(decontaminator: Decontaminator, texts: list[str], judge_url: str | None, judge_model: str | None):
    if not judge_url:
        return await decontaminator.find(texts)
    from synthloom.engine.build import make_engine
    from synthloom.engine.engine import EngineSettings
    from synthloom.models.factory import http_backend
    from synthloom.settings_env import api_key_from_env
    from synthloom.steps.guards.decontaminate import model_judge

    backend = http_backend(judge_url, judge_model, api_key_from_env(), max_connections=8)
    engine = make_engine(backend, EngineSettings(concurrency=8), None)
    try:
        return await decontaminator.find(texts, model_judge(engine, 8, None), model_judge(engine, 8, None))
    finally:
        await engine.close()


def split_report(path: Path, judge_url: str | None, judge_model: str | None) -> None:
    rows = [orjson.loads(line) for line in path.read_bytes().splitlines() if line.strip()]
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        groups[(row["kind"], row.get("evidence") or "none")].append(i)
    counts = ", ".join(f"{k}/{e} {len(v)}" for (k, e), v in sorted(groups.items()))
    print(f"{path.name}: {len(rows)} records: {counts}")
    methods = dict(SPLIT_METHODS)
    if judge_url:
        methods["--semantic + judge"] = DecontamSettings(semantic=True)
    print(f"{'method':22} {'kind':16} {'evidence':17} {'rows':>5} {'flagged':>8} {'right item':>10}  by stage")
    for name, settings in methods.items():
        decontaminator = Decontaminator([BenchmarkSource.parse("humaneval")], dataclasses.replace(settings))
        started = time.perf_counter()
        judged = name.endswith("judge")
        found = asyncio.run(_find(decontaminator, [r["text"] for r in rows], judge_url if judged else None,
                                  judge_model))
        hits = {h.index: h for h in found}
        seconds = time.perf_counter() - started
        for (kind, evidence), members in sorted(groups.items()):
            flagged = [i for i in members if i in hits]
            right = "-"
            if kind == "reworded_leak":
                right = f"{sum(hits[i].item_id == rows[i]['humaneval'] for i in flagged)}/{len(flagged)}"
            stages = Counter(hits[i].method for i in flagged)
            by_stage = ", ".join(f"{method} {count}" for method, count in sorted(stages.items()))
            print(f"{name:22} {kind:16} {evidence:17} {len(members):5} {len(flagged) / len(members):8.3f} {right:>10}"
                  f"  {by_stage}")
        checked = [i for i, r in enumerate(rows) if "passes_item_check" in (r.get("subtype") or ())]
        if checked:  # look-alikes holding the item's own test cases (a lookup table): a leak of the tests?
            rest = [i for i in groups.get(("clean_lookalike", "none"), []) + groups.get(("clean_lookalike", "code"), [])
                    if i not in checked]
            print(f"{name:22} look-alikes without `passes_item_check`: {sum(i in hits for i in rest)}/{len(rest)}"
                  f" flagged; with it: {sum(i in hits for i in checked)}/{len(checked)}")
        leaks = [i for (k, e), m in groups.items() if k == "reworded_leak" and e in ("code", "examples") for i in m]
        if leaks:
            print(f"{name:22} leaks with code or examples: recall {sum(i in hits for i in leaks) / len(leaks):.3f}")
        print(f"{name:22} {seconds:.1f} s, {1000 * seconds / len(rows):.1f} s per 1,000 records")
        if judged and decontaminator.calibration is not None:
            print(f"{name:22} {decontaminator.calibration.describe()}")
    print("targets (issue 26): recall >= 0.8 on leaks with code or examples, <= 0.02 of look-alikes flagged")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split", nargs="?", type=Path, help="a split file (default: the hand-written set's splits)")
    parser.add_argument("--judge-url", help="an OpenAI-compatible endpoint (with /v1) of a judge model")
    parser.add_argument("--judge-model", help="the judge's model name at --judge-url")
    args = parser.parse_args()
    if args.split or args.judge_url:
        split_report(args.split or DATA, args.judge_url, args.judge_model)
        return
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
