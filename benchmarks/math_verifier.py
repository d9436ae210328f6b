"""Math answer verification on a labelled set: synthloom's verifier beside plain math-verify.

benchmarks/data/math_answers.jsonl holds (gold, candidate, equivalent) triples in GSM8K and MATH
conventions, written by hand independently of the verifier and split into a dev half (tuned on) and a
test half (only reported). Prints agreement with the labels, false accepts (a wrong answer passed) and
false rejects per half, for both verifiers, and how many golds pass against themselves.

    python benchmarks/math_verifier.py [--show-errors dev]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import warnings
from pathlib import Path

from synthloom.verifiers.math import MathAnswerVerifier

DATA = Path(__file__).parent / "data" / "math_answers.jsonl"


def plain_math_verify(gold: str, candidate: str) -> bool:
    """math-verify as its README shows it: parse both, verify(gold, answer)."""
    from math_verify import parse, verify

    try:
        return bool(verify(parse(gold), parse(candidate)))
    except Exception:  # noqa: BLE001 - a crash is a non-match
        return False


async def synthloom_verdict(verifier: MathAnswerVerifier, gold: str, candidate: str) -> bool:
    return (await verifier.verify(candidate, {"answer": gold})).passed


def scores(rows: list[dict], decisions: list[bool]) -> dict:
    agree = sum(d == r["equivalent"] for r, d in zip(rows, decisions, strict=True))
    false_accepts = sum(d and not r["equivalent"] for r, d in zip(rows, decisions, strict=True))
    false_rejects = sum(not d and r["equivalent"] for r, d in zip(rows, decisions, strict=True))
    wrong = sum(not r["equivalent"] for r in rows)
    return {"n": len(rows), "agreement": agree / len(rows), "false_accepts": false_accepts,
            "false_accept_rate": false_accepts / max(wrong, 1), "false_rejects": false_rejects}


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show-errors", choices=["dev", "test"], help="list the rows a verifier gets wrong")
    args = parser.parse_args()
    warnings.filterwarnings("ignore")
    rows = [json.loads(line) for line in DATA.read_text().splitlines() if line.strip()]
    verifier = MathAnswerVerifier()
    print(f"{'half':5} {'verifier':12} {'n':>4} {'agreement':>9} {'false acc':>9} {'FA rate':>8} {'false rej':>9}")
    for half in ("dev", "test"):
        part = [r for r in rows if r["split"] == half]
        ours = [await synthloom_verdict(verifier, r["gold"], r["candidate"]) for r in part]
        plain = [plain_math_verify(r["gold"], r["candidate"]) for r in part]
        for name, decisions in (("synthloom", ours), ("math-verify", plain)):
            s = scores(part, decisions)
            print(f"{half:5} {name:12} {s['n']:>4} {s['agreement']:>9.1%} {s['false_accepts']:>9} "
                  f"{s['false_accept_rate']:>8.1%} {s['false_rejects']:>9}")
        if args.show_errors == half:
            for r, d in zip(part, ours, strict=True):
                if d != r["equivalent"]:
                    print(f"  {r['id']} expected {r['equivalent']}: gold {r['gold']!r} candidate {r['candidate']!r}")
    golds = sorted({r["gold"] for r in rows})
    own = [await synthloom_verdict(verifier, g, g) for g in golds]
    plain_own = [plain_math_verify(g, g) for g in golds]
    print(f"golds accepted against themselves: synthloom {sum(own)}/{len(golds)}, "
          f"math-verify {sum(plain_own)}/{len(golds)}")
    if not all(own):
        print("  not accepted:", [g for g, ok in zip(golds, own, strict=True) if not ok])


if __name__ == "__main__":
    asyncio.run(main())
