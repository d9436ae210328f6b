"""Adaptive concurrency against a server that serves at most K requests at once and answers 429 beyond.

Three clients, each `synthloom generate` run as a user would, against the same server:
  told K      --concurrency K: the best a client can do when it knows K (the reference)
  adaptive    --adaptive --concurrency CEILING: finds K by itself (target: >= 90% of told-K, <= 2% 429s)
  fixed high  --concurrency CEILING without --adaptive: today's engine given a number that is too high
Each row prints throughput, its share of told-K, and the share of requests the server refused (429),
read from the server's own counters.

    python benchmarks/adaptive_concurrency.py [--latency 0.2] [--quick] [--capacity K ...]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import urllib.request
from pathlib import Path

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent))
from engine_throughput import run_generate, start_server  # noqa: E402

CASES = [(3000, 16, 256), (6000, 48, 256)]  # (requests, K the server sustains, ceiling given to the client)
TARGET_SHARE, TARGET_REFUSED = 0.90, 0.02


def server_stats(url: str) -> dict[str, int]:
    with urllib.request.urlopen(url.removesuffix("/v1") + "/stats") as response:
        return orjson.loads(response.read())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--latency", type=float, default=0.2)
    parser.add_argument("--quick", action="store_true", help="a third of the requests")
    parser.add_argument("--capacity", type=int, action="append", help="K instead of the default cases (3000 "
                        "requests each)")
    args = parser.parse_args()
    cases = [(3000, k, 256) for k in args.capacity] if args.capacity else CASES
    print(f"server latency {args.latency * 1000:.0f} ms; 429 beyond K requests at once")
    print(f"{'requests':>8} {'K':>4} {'client':<28} {'wall s':>7} {'req/s':>7} {'of told-K':>9} "
          f"{'429 share':>9} {'failed':>6} {'meets target':>12}")
    with tempfile.TemporaryDirectory() as tmp:
        for requests, capacity, ceiling in cases:
            if args.quick:
                requests //= 3
            server, url = start_server(args.latency, capacity)
            try:
                prompts = Path(tmp) / f"prompts-{requests}.jsonl"
                prompts.write_text("".join(f'{{"prompt": "request {i}"}}\n' for i in range(requests)))
                reference = None
                clients = [(f"told K (--concurrency {capacity})", capacity, ()),
                           (f"adaptive (ceiling {ceiling})", ceiling, ("--adaptive",)),
                           (f"fixed high (--concurrency {ceiling})", ceiling, ())]
                for label, concurrency, extra in clients:
                    before = server_stats(url)
                    cache = Path(tmp) / f"cache-{capacity}-{label.split()[0]}.sqlite"
                    out = Path(tmp) / "out.jsonl"
                    wall, _ = run_generate(prompts, out, url, concurrency, cache, extra, allow_failed_lines=True)
                    failed = sum(1 for line in out.read_bytes().splitlines() if orjson.loads(line).get("error"))
                    after = server_stats(url)
                    refused = after["refused"] - before["refused"]
                    answered = after["served"] - before["served"]
                    rate = (requests - failed) / wall
                    reference = reference or rate
                    share, refused_share = rate / reference, refused / (refused + answered)
                    verdict = ("yes" if share >= TARGET_SHARE and refused_share <= TARGET_REFUSED else "NO") \
                        if "adaptive" in label else ""
                    print(f"{requests:>8} {capacity:>4} {label:<28} {wall:>7.2f} {rate:>7.1f} {share:>8.1%} "
                          f"{refused_share:>9.2%} {failed:>6} {verdict:>12}")
            finally:
                server.terminate()
                server.wait()


if __name__ == "__main__":
    main()
