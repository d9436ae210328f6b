"""Engine throughput against a fixed-latency OpenAI-compatible server, counting the command's start-up.

For each case, `synthloom generate` runs as a user would run it, and achieved requests/s is printed
next to the bound: with concurrency C and latency L, no client can beat C / L requests per second,
so N requests take at least N * L / C seconds. Also printed: the client's CPU time per request (its
overhead) and the time of a fully cached rerun of the same command.

    python benchmarks/engine_throughput.py [--latency 0.2] [--quick]
"""

from __future__ import annotations

import argparse
import os
import resource
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CASES = [(4000, 64, 0.95), (10000, 256, 0.85)]  # (requests, concurrency, target share of the bound)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_generate(prompts: Path, out: Path, url: str, concurrency: int, cache: Path,
                 extra: tuple[str, ...] = (), *, allow_failed_lines: bool = False) -> tuple[float, float]:
    cmd = [sys.executable, "-m", "synthloom.cli", "generate", str(prompts), "--out", str(out),
           "--base-url", url, "--model", "bench", "--concurrency", str(concurrency),
           "--max-tokens", "16", "--cache", str(cache), "--no-progress", *extra]
    cpu_before, started = children_cpu(), time.perf_counter()
    result = subprocess.run(cmd, capture_output=True, text=True)
    wall, cpu = time.perf_counter() - started, children_cpu() - cpu_before
    if result.returncode != 0 and not (allow_failed_lines and "prompts failed" in result.stderr):
        raise SystemExit(f"generate failed:\n{result.stderr}")
    return wall, cpu


def start_server(latency: float, capacity: int | None = None) -> tuple[subprocess.Popen, str]:
    """The latency server in its own process; returns it and its /v1 URL."""
    port = free_port()
    server = subprocess.Popen([sys.executable, str(HERE / "latency_server.py"), str(port), str(latency),
                               *([str(capacity)] if capacity else [])], stdout=subprocess.PIPE, text=True)
    assert server.stdout is not None and server.stdout.readline().strip() == "ready"
    return server, f"http://127.0.0.1:{port}/v1"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--latency", type=float, default=0.2)
    parser.add_argument("--quick", action="store_true", help="a tenth of the requests")
    args = parser.parse_args()
    server, url = start_server(args.latency)
    print(f"server latency {args.latency * 1000:.0f} ms; {os.cpu_count()} cores shared by client and server")
    print(f"{'requests':>8} {'conc':>5} {'bound s':>8} {'wall s':>7} {'req/s':>8} {'bound/s':>8} "
          f"{'of bound':>8} {'target':>7} {'CPU us/req':>10} {'cached rerun s':>14}")
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for requests, concurrency, target in CASES:
                if args.quick:
                    requests //= 10
                prompts = Path(tmp) / f"prompts-{requests}.jsonl"
                prompts.write_text("".join(f'{{"prompt": "request {i}"}}\n' for i in range(requests)))
                cache = Path(tmp) / f"cache-{requests}.sqlite"
                wall, cpu = run_generate(prompts, Path(tmp) / "out.jsonl", url, concurrency, cache)
                bound = requests * args.latency / concurrency
                cached_wall, _ = run_generate(prompts, Path(tmp) / "out2.jsonl", url, concurrency, cache)
                share = bound / wall
                print(f"{requests:>8} {concurrency:>5} {bound:>8.2f} {wall:>7.2f} {requests / wall:>8.0f} "
                      f"{concurrency / args.latency:>8.0f} {share:>7.1%} {target:>7.0%} "
                      f"{cpu / requests * 1e6:>10.0f} {cached_wall:>14.2f}"
                      f"{'' if share >= target else '   BELOW TARGET'}")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
