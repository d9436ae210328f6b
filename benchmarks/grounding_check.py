"""How the grounding check (`step: grounding_check`) does on answers known supported and known not.

Data: benchmarks/data/grounding_dev_2026-12-03.jsonl, 36 question-answer pairs over 12 short passages,
each answer supported by its passage. They were written by the same person who wrote the check, from
their own reading: a DEV set, not an independent measure. The unsupported answers are not written by
hand: `perturb` makes them from the supported ones by rule, so they carry no bias of the writer's about
which errors the check catches:

- number: one number in the answer changed (a digit added to, or the value scaled);
- entity: a proper name in the answer swapped for one from another passage;
- negation: the answer made to say the opposite ("is" -> "is not", "No," -> "Yes,", "not" removed);
- addition: a claim the passage does not make appended to the answer.

Prints, per kind, the share the lexical pre-filter rejects, and with --judge (the bundled SmolLM2-135M
and Gemma 3 270M in process, or --base-url/--model) the judge's calibration and its share, and the two
stages together as the step runs them (a judge under the calibration bar is reported but not combined).

    python benchmarks/grounding_check.py [--judge] [--base-url URL --model NAME] [--json OUT]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import orjson

from synthloom.techniques.grounding import lexical_support

DATA = Path(__file__).parent / "data" / "grounding_dev_2026-12-03.jsonl"
_AUXILIARIES = r"\b(is|are|was|were|can|must|has|have|does|do|will|should|may)\b"
_ADDITIONS = [" It was the first of its kind in Europe.", " This was confirmed by a government report in 2015.",
              " Most experts consider this the main reason for its success.", " It has since been doubled."]


def load() -> list[dict[str, Any]]:
    return [orjson.loads(line) for line in DATA.read_bytes().splitlines() if line.strip()]


_CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)*")


def _names(source: str) -> set[str]:
    """Names in a passage: capitalised word runs that stand somewhere other than at a sentence's start."""
    return {m.group(0) for m in _CAPITALISED.finditer(source)
            if m.start() > 0 and not re.search(r"[.!?]\s*$", source[: m.start()])}


def perturb(item: dict[str, Any], others: list[dict[str, Any]], rng: random.Random) -> dict[str, str]:
    """kind -> an unsupported answer made from the item's supported one (only the kinds that apply)."""
    answer, out = item["answer"], {}
    numbers = list(re.finditer(r"\d[\d,]*(?:\.\d+)?", answer))
    if numbers:
        match = rng.choice(numbers)
        value = float(match.group(0).replace(",", ""))
        changed = value + rng.randint(1, 9) if rng.random() < 0.5 else value * rng.choice([2, 3, 10])
        text = f"{changed:,.0f}" if "," in match.group(0) else (f"{changed:g}" if "." in match.group(0)
                                                                   else str(int(changed)))
        out["number"] = answer[: match.start()] + text + answer[match.end():]
    names = sorted(n for n in _names(item["source"]) if n in answer)
    if names:
        name = rng.choice(names)
        pool = sorted({n for other in others for n in _names(other["source"])
                       if n.count(" ") == name.count(" ") and n not in item["source"]})
        if pool:
            out["entity"] = answer.replace(name, rng.choice(pool), 1)
    if answer.startswith("No,"):
        out["negation"] = "Yes," + answer[3:].replace(" not ", " ")
    elif " not " in answer:
        out["negation"] = answer.replace(" not ", " ", 1)
    elif re.search(_AUXILIARIES, answer):
        out["negation"] = re.sub(_AUXILIARIES, r"\1 not", answer, count=1)
    out["addition"] = answer.rstrip() + rng.choice(_ADDITIONS)
    return out


def labelled_pairs(seed: int = 0) -> list[dict[str, Any]]:
    items = load()
    rng = random.Random(seed)
    pairs = []
    for item in items:
        pairs.append({**item, "kind": "supported", "supported": True})
        others = [other for other in items if other["topic"] != item["topic"]]
        for kind, answer in perturb(item, others, rng).items():
            pairs.append({**item, "answer": answer, "kind": kind, "supported": False})
    return pairs


def rates(pairs: list[dict[str, Any]], passed: list[bool]) -> dict[str, str]:
    """Per kind: the share kept (supported) or rejected (every other kind)."""
    by_kind: dict[str, list[bool]] = defaultdict(list)
    for pair, ok in zip(pairs, passed, strict=True):
        by_kind[pair["kind"]].append(ok if pair["supported"] else not ok)
    return {kind: f"{sum(v)}/{len(v)} ({sum(v) / len(v):.0%})" for kind, v in by_kind.items()}


async def judge_verdicts(backend: Any, pairs: list[dict[str, Any]], max_tokens: int) -> tuple[Any, list[bool | None]]:
    from synthloom.engine.engine import Engine, EngineSettings
    from synthloom.engine.prompting import ask
    from synthloom.guards.judge_calibration import score
    from synthloom.steps.guards.grounding_check import calibration_items, read_yes_no

    engine = Engine(backend, EngineSettings(concurrency=2), None)

    async def verdict(source: str, question: str, answer: str) -> bool | None:
        reply = await ask(engine, "grounding_judge", {"source": source, "question": question, "answer": answer},
                          temperature=0, max_tokens=max_tokens, logprobs=True, top_logprobs=10)
        return read_yes_no(reply.choice.text, reply.choice.logprobs)[0]

    items = calibration_items("builtin")
    answers = await asyncio.gather(*(verdict(i["source"], i["question"], i["answer"]) for i in items))
    calibration = score(list(answers), [i["supported"] for i in items], labels=("supported", "unsupported"))
    verdicts = await asyncio.gather(*(verdict(p["source"], p["question"], p["answer"]) for p in pairs))
    return calibration, list(verdicts)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--judge", action="store_true", help="also run the bundled models as judges")
    parser.add_argument("--base-url")
    parser.add_argument("--model")
    parser.add_argument("--max-tokens", type=int, default=16, help="greedy decoding: the verdict word comes "
                        "first, so the step's 60 tokens give the same verdicts")
    parser.add_argument("--json", type=Path, help="write every pair with its verdicts here")
    parser.add_argument("--split", type=Path, help="a labelled split written by someone else: rows of "
                        '{"source", "question", "answer", "supported", "kind"} (instead of the dev set)')
    args = parser.parse_args()
    if args.split:
        pairs = [orjson.loads(line) for line in args.split.read_bytes().splitlines() if line.strip()]
        origin = f"{args.split.name} (written by a helper who never read the check)"
    else:
        pairs = labelled_pairs()
        origin = f"{DATA.name} (DEV: written by the check's author; unsupported ones made by rule)"
    lexical = [lexical_support(p["answer"], p["source"]).supported for p in pairs]
    print(f"{len(pairs)} pairs ({sum(p['supported'] for p in pairs)} supported) from {origin}")
    kept = [lex for lex, p in zip(lexical, pairs, strict=True) if not p["supported"]]
    print(f"{'lexical pre-filter':28} false accepts {sum(kept)}/{len(kept)} unsupported; false rejects "
          f"{sum(not lex for lex, p in zip(lexical, pairs, strict=True) if p['supported'])}/"
          f"{sum(p['supported'] for p in pairs)} supported")
    print(f"{'lexical pre-filter':28} {rates(pairs, lexical)}")
    judges: list[tuple[str, Any]] = []
    if args.judge:
        from synthloom.models.factory import local_backend

        judges += [("SmolLM2-135M-Instruct", lambda: local_backend(None)),
                   ("Gemma 3 270M (base)", lambda: local_backend("gemma3-270m", chat=False))]
    if args.base_url:
        from synthloom.models.factory import http_backend

        judges.append((str(args.model), lambda: http_backend(args.base_url, args.model, None, max_connections=8)))
    results: dict[str, list[bool | None]] = {}
    for name, make in judges:
        calibration, verdicts = asyncio.run(judge_verdicts(make(), pairs, args.max_tokens))
        results[name] = verdicts
        print(f"{name:28} {calibration.describe()}")
        print(f"{'  judge alone':28} {rates(pairs, [v is True for v in verdicts])}")
        combined = [lex and v is True for lex, v in zip(lexical, verdicts, strict=True)]
        note = "" if calibration.trusted else "  (not what the step does: this judge would not be used)"
        print(f"{'  pre-filter, then judge':28} {rates(pairs, combined)}{note}")
    if args.json:
        rows = [{**p, "lexical": lex, **{f"judge:{n}": v[i] for n, v in results.items()}}
                for i, (p, lex) in enumerate(zip(pairs, lexical, strict=True))]
        args.json.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in rows))


if __name__ == "__main__":
    main()
