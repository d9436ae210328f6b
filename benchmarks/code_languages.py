"""What verifying one candidate costs per language: input/output tests, each case its own sandbox.

For each language, `--candidates` correct solutions of one task (sum the numbers of each input line)
with `--cases` test cases each, verified one after another (the cost of one candidate) and then
`--parallel` at a time (throughput on this machine). For C++ the compile is timed apart: it is most of
the cost. Prints mean and p95 seconds per candidate, per case, and candidates per second.

    python benchmarks/code_languages.py [--candidates 10] [--cases 5] [--parallel 2]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time

from synthloom.verifiers.code_stdio import StdioCodeVerifier
from synthloom.verifiers.sandbox import SandboxLimits, isolation

SOLUTIONS = {
    "python": "import sys\nfor line in sys.stdin:\n    print(sum(map(int, line.split())))\n",
    "javascript": "```js\nconst lines = require('fs').readFileSync(0, 'utf8').split('\\n').filter(l => l.trim());\n"
                  "for (const l of lines)\n"
                  "  console.log(l.trim().split(/\\s+/).map(Number).reduce((a, b) => a + b, 0));\n```",
    "cpp": "```cpp\n#include <iostream>\n#include <sstream>\n#include <string>\nint main() { std::string line;\n"
           "  while (std::getline(std::cin, line)) { std::istringstream in(line); long s = 0, x;\n"
           "    while (in >> x) s += x; std::cout << s << '\\n'; } }\n```",
}


def tests(cases: int, salt: int) -> list[dict]:
    rows = []
    for case in range(cases):
        numbers = [salt * 7 + case * 3 + j for j in range(5)]
        rows.append({"input": " ".join(map(str, numbers)) + "\n", "output": f"{sum(numbers)}\n"})
    return rows


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]


async def measure(language: str, candidates: int, cases: int, parallel: int) -> None:
    verifier = StdioCodeVerifier(language, SandboxLimits(wall_s=30, cpu_s=10))
    # a distinct comment per candidate, so nothing could be reused between them
    programs = [SOLUTIONS[language].replace("\n", f"\n{'#' if language == 'python' else '//'} {i}\n", 1)
                for i in range(candidates)]
    await verifier.verify(programs[0], {"tests": tests(cases, 0)})  # warm: caches of binds, probe compile
    seconds, case_seconds = [], []
    for i, program in enumerate(programs):
        started = time.monotonic()
        verdict = await verifier.verify(program, {"tests": tests(cases, i)})
        seconds.append(time.monotonic() - started)
        assert verdict.passed, verdict.summary()
        case_seconds += [c["seconds"] for c in verdict.cases]
    semaphore = asyncio.Semaphore(parallel)

    async def one(i: int) -> None:
        async with semaphore:
            assert (await verifier.verify(programs[i], {"tests": tests(cases, i)})).passed

    started = time.monotonic()
    await asyncio.gather(*(one(i) for i in range(candidates)))
    rate = candidates / (time.monotonic() - started)
    compile_note = ""
    if language == "cpp":
        runs = sum(case_seconds) / candidates
        compile_note = f"; of which compiling ~{statistics.mean(seconds) - runs:.2f} s"
    print(f"{language:11} per candidate ({cases} cases): mean {statistics.mean(seconds):.3f} s, "
          f"p95 {p95(seconds):.3f} s"
          f"{compile_note}; per case run {statistics.mean(case_seconds) * 1000:.0f} ms mean; "
          f"{rate:.2f} candidates/s at {parallel} at a time")


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--candidates", type=int, default=10)
    parser.add_argument("--cases", type=int, default=5)
    parser.add_argument("--parallel", type=int, default=2)
    parser.add_argument("--languages", nargs="*", default=list(SOLUTIONS))
    args = parser.parse_args()
    print(f"isolation: {isolation()['mode']}")
    for language in args.languages:
        await measure(language, args.candidates, args.cases, args.parallel)


if __name__ == "__main__":
    asyncio.run(main())
