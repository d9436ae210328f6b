"""The engine benchmark through the Ray executor: `synthloom run` (start-up and Ray's own start
included) with one `generate` step over N prompts against a server answering each request after a fixed
latency, with the local executor and with 1 and 2 Ray workers sharing the same total concurrency.

The bound is the same for all: with concurrency C and latency L, N requests take at least N * L / C.
Each case is also run with a single wave of requests, to separate the fixed cost (start-up, Ray's own
start, actors, shutdown) from the time per request.
On one 2-core machine, Ray's workers share the cores with the driver and the server, so this measures
the executor's overhead (one Ray call per record, actor start-up), not a cluster's scaling.

    python benchmarks/ray_throughput.py [--requests 4000] [--concurrency 64] [--latency 0.2]
"""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import orjson
import yaml

HERE = Path(__file__).resolve().parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(folder: Path, url: str, requests: int, concurrency: int, executor: list[str]) -> float:
    (folder / "in.jsonl").write_bytes(b"".join(orjson.dumps({"instruction": f"Prompt {i}"}) + b"\n"
                                               for i in range(requests)))
    (folder / "run.yaml").write_text(yaml.safe_dump({
        "run_dir": "run", "input": {"path": "in.jsonl"}, "engine": {"concurrency": concurrency},
        "model": {"backend": "openai", "base_url": url, "model": "bench"},
        "pipeline": [{"step": "generate", "max_tokens": 4}], "output": {"report": False, "parquet": False}}))
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "synthloom.cli", "run", "run.yaml", "--no-progress", *executor],
                   cwd=folder, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=4000)
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--latency", type=float, default=0.2)
    args = parser.parse_args()
    port = free_port()
    server = subprocess.Popen([sys.executable, str(HERE / "latency_server.py"), str(port), str(args.latency)])
    url = f"http://127.0.0.1:{port}/v1"
    time.sleep(1.0)
    bound = args.requests * args.latency / args.concurrency
    print(f"{args.requests} requests, concurrency {args.concurrency} in all, latency {args.latency * 1000:.0f} ms: "
          f"bound {bound:.2f} s = {args.requests / bound:,.0f} requests/s")
    try:
        for label, executor in (("local executor", []), ("ray, 1 worker", ["--executor", "ray", "--workers", "1"]),
                                ("ray, 2 workers", ["--executor", "ray", "--workers", "2"])):
            with tempfile.TemporaryDirectory() as tmp:
                seconds = run(Path(tmp), url, args.requests, args.concurrency, executor)
            with tempfile.TemporaryDirectory() as tmp:  # one wave of requests: start-up and shutdown
                fixed = run(Path(tmp), url, args.concurrency, args.concurrency, executor) - args.latency
            print(f"{label:>15}: {seconds:6.2f} s = {args.requests / seconds:7,.0f} requests/s "
                  f"({bound / seconds:.0%} of the bound); start-up and shutdown {fixed:.2f} s, the rest "
                  f"{seconds - fixed:.2f} s ({bound / max(seconds - fixed, 1e-9):.0%} of the bound)")
    finally:
        server.terminate()


if __name__ == "__main__":
    main()
