"""The ifeval verifier on a labelled split written by someone who never read it, per instruction id.

A split is a JSONL file of {"id", "instruction_id", "kwargs", "prompt", "response", "label", "case",
"phrasing", "note"} rows; `label` true means the response follows the instruction. Prints agreement
with the labels, false accepts (passed, label false) and false rejects (failed, label true), per
instruction id and overall, for synthloom in strict mode (the primary figure) and loose mode; with
--wheel, also for IFEval's own checks as lm-eval ships them (see ifeval_reference.py), so a
disagreement can be told apart: a checker's mistake, or IFEval's rule read differently by the writer.
Rows whose kwargs synthloom refuses are counted apart (and as rejections in the figures).

    python benchmarks/ifeval_split.py SPLIT.jsonl [--wheel lm_eval-*.whl] [--errors 20]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from synthloom.verifiers.ifeval import follows
from synthloom.verifiers.ifeval_checks import BadConstraint, constraint


def decide(row: dict) -> tuple[bool, bool, str]:
    """(strict, loose, refusal) for one row; a refused constraint follows nothing."""
    try:
        item = constraint(row["instruction_id"], row.get("kwargs"))
    except BadConstraint as exc:
        return False, False, str(exc)
    return follows(item, row["response"], False)[0], follows(item, row["response"], True)[0], ""


def figures(rows: list[dict], decisions: list[bool]) -> tuple[int, int, int, int]:
    agree = sum(d == r["label"] for r, d in zip(rows, decisions, strict=True))
    fa = sum(d and not r["label"] for r, d in zip(rows, decisions, strict=True))
    fr = sum(not d and r["label"] for r, d in zip(rows, decisions, strict=True))
    return agree, fa, fr, len(rows)


def line(name: str, rows: list[dict], decisions: list[bool]) -> str:
    agree, fa, fr, n = figures(rows, decisions)
    negatives, positives = sum(not r["label"] for r in rows), sum(bool(r["label"]) for r in rows)
    return (f"{name:46} {n:>4} {agree:>4} {agree / n:>7.1%} {fa:>4}/{negatives:<4} {fr:>4}/{positives:<4}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("split", type=Path)
    parser.add_argument("--wheel", help="an lm-eval wheel: also score IFEval's own checks")
    parser.add_argument("--errors", type=int, default=20, help="disagreements shown (strict)")
    args = parser.parse_args()
    rows = [json.loads(text) for text in args.split.read_text(encoding="utf-8").splitlines() if text.strip()]
    decided = [decide(row) for row in rows]
    strict = [d[0] for d in decided]
    loose = [d[1] for d in decided]
    refused = [(row, d[2]) for row, d in zip(rows, decided, strict=True) if d[2]]
    reference = None
    if args.wheel:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from ifeval_reference import reference as load_reference
        from ifeval_reference import reference_verdicts

        utils = load_reference(args.wheel)
        reference = []
        for row in rows:
            try:
                reference.append(reference_verdicts(utils, row["instruction_id"], dict(row.get("kwargs") or {}),
                                                    row.get("prompt", ""), row["response"])[0])
            except Exception:  # noqa: BLE001 - IFEval's code raising on a row is its rejection
                reference.append(False)
    header = f"{'':46} {'rows':>4} {'agree':>4} {'':>7} {'false acc':>9} {'false rej':>9}"
    print(f"{args.split.name}: {len(rows)} rows, {sum(bool(r['label']) for r in rows)} labelled follows")
    print(header)
    print(line("synthloom strict (overall)", rows, strict))
    print(line("synthloom loose (overall)", rows, loose))
    if reference is not None:
        print(line("lm-eval IFEval strict (overall)", rows, reference))
        same = sum(a == b for a, b in zip(strict, reference, strict=True))
        print(f"synthloom strict and lm-eval strict give the same verdict on {same}/{len(rows)} rows")
    print(f"\nper instruction id, synthloom strict\n{header}")
    by_id: dict[str, list[int]] = defaultdict(list)
    for index, row in enumerate(rows):
        by_id[row["instruction_id"]].append(index)
    for instruction_id in sorted(by_id):
        picked = by_id[instruction_id]
        print(line(instruction_id, [rows[i] for i in picked], [strict[i] for i in picked]))
    for field in ("case", "phrasing"):
        groups: dict[str, list[int]] = defaultdict(list)
        for index, row in enumerate(rows):
            groups[str(row.get(field))].append(index)
        if 1 < len(groups) <= 30:
            print(f"\nper {field}, synthloom strict\n{header}")
            for name in sorted(groups):
                picked = groups[name]
                print(line(name, [rows[i] for i in picked], [strict[i] for i in picked]))
    if refused:
        print(f"\n{len(refused)} rows refused (their kwargs are not a constraint synthloom checks):")
        for row, why in refused[:10]:
            print(f"  {row.get('id')}: {why[:160]}")
    wrong = [(row, d) for row, d in zip(rows, strict, strict=True) if d != row["label"]]
    kinds = Counter("false accept" if d else "false reject" for _, d in wrong)
    print(f"\n{len(wrong)} strict disagreements ({dict(kinds)}); the first {min(args.errors, len(wrong))}:")
    for row, d in wrong[:args.errors]:
        ref = "" if reference is None else f" lm-eval={reference[rows.index(row)]}"
        print(f"- {row.get('id')} {row['instruction_id']} label={row['label']} ours={d}{ref} "
              f"case={row.get('case')} kwargs={json.dumps(row.get('kwargs'))[:120]}"
              f"\n  note: {str(row.get('note'))[:200]}"
              f"\n  response: {row['response'][:240]!r}")


if __name__ == "__main__":
    main()
