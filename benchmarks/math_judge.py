"""The math verifier's judge on the bundled models: does either pass the calibration check that decides
whether its verdicts are used on replies the reader cannot read?

Runs the 40 calibration pairs (src/synthloom/data/math_judge_calibration.jsonl) through SmolLM2-135M-Instruct
and Gemma 3 270M in process, and, given --base-url/--model, through any OpenAI-compatible endpoint; prints
how many right and wrong answers each graded correctly and whether it would be trusted.

    python benchmarks/math_judge.py [--base-url http://127.0.0.1:8080/v1 --model NAME]
"""

from __future__ import annotations

import argparse
import asyncio

from synthloom.engine.engine import Engine, EngineSettings
from synthloom.models.factory import http_backend, local_backend
from synthloom.verifiers.math_judge import MathJudge


async def calibrate(name: str, backend) -> None:
    judge = MathJudge(Engine(backend, EngineSettings(concurrency=2), None))
    print(f"{name:28} {(await judge.calibrated()).describe()}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base-url")
    parser.add_argument("--model")
    args = parser.parse_args()
    asyncio.run(calibrate("SmolLM2-135M-Instruct", local_backend(None)))
    asyncio.run(calibrate("Gemma 3 270M (base)", local_backend("gemma3-270m", chat=False)))
    if args.base_url:
        asyncio.run(calibrate(args.model, http_backend(args.base_url, args.model, None, max_connections=8)))


if __name__ == "__main__":
    main()
