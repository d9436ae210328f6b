"""The math verifier on a labelled split written by a helper that never read it, per answer kind.

A split is a JSONL file of {"kind", "phrasing", "distractor", "gold", "reply", "correct"} rows (see
benchmarks/data/math_*_2026-12-02.md for who wrote each and how). Prints, overall and per kind (and per
phrasing with --by phrasing), agreement with the labels, false accepts and false rejects for synthloom's
verifier, for plain math-verify as its README shows it (`verify(parse(gold), parse(reply))`), and for
synthloom with `format: strict`; then synthloom's outcomes (pass / wrong / unparseable / ambiguous) and
how many golds pass against themselves.

    python benchmarks/math_split.py benchmarks/data/math_dev_2026-12-02.jsonl [--by phrasing] [--errors N]
"""

from __future__ import annotations

import argparse
import json
import warnings
from collections import Counter, defaultdict
from pathlib import Path

from synthloom.verifiers.math import MathConventions, judge_reply


def plain_math_verify(gold: str, reply: str) -> bool:
    from math_verify import parse, verify

    try:
        return bool(verify(parse(gold), parse(reply)))
    except Exception:  # noqa: BLE001 - a crash is a non-match
        return False


def _row(name: str, rows: list[dict], decisions: list[bool]) -> str:
    agree = sum(d == r["correct"] for r, d in zip(rows, decisions, strict=True))
    fa = sum(d and not r["correct"] for r, d in zip(rows, decisions, strict=True))
    fr = sum(not d and r["correct"] for r, d in zip(rows, decisions, strict=True))
    negatives = max(sum(not r["correct"] for r in rows), 1)
    return f"{name:14} {agree / len(rows):>7.1%} {fa:>4} ({fa / negatives:>5.1%}) {fr:>4}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("split", type=Path)
    parser.add_argument("--by", default="kind", choices=["kind", "phrasing", "distractor"])
    parser.add_argument("--errors", type=int, default=0, help="print this many of synthloom's disagreements")
    args = parser.parse_args()
    warnings.filterwarnings("ignore")
    rows = [json.loads(line) for line in args.split.read_text().splitlines() if line.strip()]
    lenient, strict = MathConventions(), MathConventions(format="strict")
    outcomes = [judge_reply(r["gold"], r["reply"], lenient)[0] for r in rows]
    ours = [o == "pass" for o in outcomes]
    ours_strict = [judge_reply(r["gold"], r["reply"], strict)[0] == "pass" for r in rows]
    plain = [plain_math_verify(r["gold"], r["reply"]) for r in rows]
    groups: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        groups[r.get(args.by, "?")].append(i)
    print(f"{args.split.name}: {len(rows)} rows, {sum(r['correct'] for r in rows)} labelled correct")
    header = f"{'verifier':14} {'agree':>7} {'FA':>4} {'(rate)':>7} {'FR':>4}"
    print(f"{args.by:20} {'n':>5}  {header}")
    for name in ["ALL", *sorted(groups)]:
        picked = list(range(len(rows))) if name == "ALL" else groups[name]
        part = [rows[i] for i in picked]
        for label, decisions in (("synthloom", ours), ("math-verify", plain), ("strict", ours_strict)):
            print(f"{name if label == 'synthloom' else '':20} {len(part) if label == 'synthloom' else '':>5}  "
                  + _row(label, part, [decisions[i] for i in picked]))
    print("synthloom outcomes:", dict(Counter(outcomes).most_common()))
    by_kind = defaultdict(Counter)
    for r, outcome in zip(rows, outcomes, strict=True):
        by_kind[r.get("kind", "?")][outcome] += 1
    print("unread (unparseable + ambiguous) by kind:",
          {k: c["unparseable"] + c["ambiguous"] for k, c in sorted(by_kind.items()) if c["unparseable"] + c["ambiguous"]})
    golds = sorted({r["gold"] for r in rows})
    own = [judge_reply(g, g, lenient)[0] == "pass" for g in golds]
    print(f"golds accepted against themselves: {sum(own)}/{len(golds)}",
          [g for g, ok in zip(golds, own, strict=True) if not ok][:20])
    shown = 0
    for r, outcome, decision in zip(rows, outcomes, ours, strict=True):
        if decision != r["correct"] and shown < args.errors:
            shown += 1
            print(f"- {r.get('id')} [{r.get('kind')}/{r.get('phrasing')}/{r.get('distractor')}] label {r['correct']}"
                  f" got {outcome}: gold {r['gold']!r}\n    reply {r['reply'][-300:]!r}")


if __name__ == "__main__":
    main()
