"""LMSYS's rephrased HumanEval (lm-sys/llm-decontaminator, `data/rephrase/`) through decontamination.

    python benchmarks/decontam_lmsys.py PATH   # a checkout (or bare git directory) of lm-sys/llm-decontaminator

Reads `humaneval_python.jsonl` (164 Python rephrasings, one per item, in HumanEval's order) and
`humaneval_multi.jsonl` (the same 164 translated to C, JavaScript, Rust, Go and Java, 164 rows each in that
order), and as clean controls the CodeAlpaca samples LMSYS's GPT-4 judged *not* the same as their nearest
HumanEval item (`data/database/CodeAlpacaDB.jsonl`, `results` false; distinct texts). Prints recall per
language (and the right-item rate) and the controls' flag rate, for n-grams alone and for `--semantic`.
Nothing of the checkout is copied into this repository.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
from pathlib import Path

import orjson

from synthloom.guards.benchmarks import BenchmarkSource
from synthloom.guards.decontam import Decontaminator, DecontamSettings

LANGUAGES = ("C", "JavaScript", "Rust", "Go", "Java")


def read(repo: Path, path: str) -> list[dict]:
    if (repo / path).exists():
        data = (repo / path).read_bytes()
    else:  # a bare git directory, as the `fetch` tool leaves it
        data = subprocess.run(["git", f"--git-dir={repo}", "show", f"HEAD:{path}"], capture_output=True,
                              check=True).stdout
    return [orjson.loads(line) for line in data.splitlines() if line.strip()]


def main() -> None:
    repo = Path(sys.argv[1])
    sets: dict[str, list[tuple[str, str | None]]] = {}
    python = read(repo, "data/rephrase/humaneval_python.jsonl")
    sets["Python"] = [(row["text"], f"HumanEval/{i}") for i, row in enumerate(python)]
    multi = read(repo, "data/rephrase/humaneval_multi.jsonl")
    for n, language in enumerate(LANGUAGES):
        sets[language] = [(row["text"], f"HumanEval/{i}") for i, row in enumerate(multi[164 * n:164 * (n + 1)])]
    controls = sorted({text for row in read(repo, "data/database/CodeAlpacaDB.jsonl")
                       for text, same in zip(row["train"], row["results"], strict=True) if not same})
    sets["clean controls"] = [(text, None) for text in controls]
    texts = [t for rows in sets.values() for t, _ in rows]
    print(f"{len(texts)} texts: " + ", ".join(f"{k} {len(v)}" for k, v in sets.items()))
    print(f"{'method':14} {'set':15} {'rows':>5} {'flagged':>8} {'right item':>10}")
    for name, settings in {"n-grams alone": DecontamSettings(), "--semantic": DecontamSettings(semantic=True)}.items():
        started = time.perf_counter()
        hits = {h.index: h for h in asyncio.run(
            Decontaminator([BenchmarkSource.parse("humaneval")], settings).find(texts))}
        seconds = time.perf_counter() - started
        offset = 0
        for label, rows in sets.items():
            flagged = [(offset + j, item) for j, (_, item) in enumerate(rows) if offset + j in hits]
            right = "-" if label == "clean controls" else \
                f"{sum(hits[i].item_id == item for i, item in flagged)}/{len(flagged)}"
            print(f"{name:14} {label:15} {len(rows):5} {len(flagged) / len(rows):8.3f} {right:>10}")
            offset += len(rows)
        print(f"{name:14} {seconds:.1f} s, {1000 * seconds / len(texts):.1f} s per 1,000 records")


if __name__ == "__main__":
    main()
