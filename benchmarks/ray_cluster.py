"""The Ray executor on a simulated multi-node cluster: `ray.cluster_utils.Cluster` with a head and
NODES-1 more nodes, every node and the driver pinned to 127.0.0.1, each node with its own
SYNTHLOOM_BASE_URL (its own latency_server.py answering after a fixed latency). `synthloom run` joins
it with --address and runs generate over N prompts, then rejection sampling (a whole-pool step, k
samples per prompt) over them: every call goes to a node's server, none to the driver's.

Compared with the local executor against one server, with the same total concurrency. The bound is
the same for all: calls * latency / concurrency. On this 2-core machine the nodes, the driver and the
servers share the cores, so the figure is the executor's overhead, not a cluster's scaling.

    python benchmarks/ray_cluster.py [--requests 2000] [--concurrency 32] [--latency 0.05] [--nodes 2]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import orjson
import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from ray_throughput import free_port  # noqa: E402


def start_server(latency: float) -> tuple[subprocess.Popen, str]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, str(HERE / "latency_server.py"), str(port), str(latency)])
    url = f"http://127.0.0.1:{port}/v1"
    for _ in range(100):
        try:
            urllib.request.urlopen(url.removesuffix("/v1") + "/stats", timeout=1)
            return proc, url
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("latency server did not start")


def served(url: str) -> int:
    return orjson.loads(urllib.request.urlopen(url.removesuffix("/v1") + "/stats", timeout=5).read())["served"]


def run(folder: Path, requests: int, concurrency: int, k: int, env: dict, executor: list[str]) -> float:
    (folder / "in.jsonl").write_bytes(b"".join(orjson.dumps({"question": f"What is {i} + 1?", "answer": str(i + 1)})
                                               + b"\n" for i in range(requests)))
    (folder / "run.yaml").write_text(yaml.safe_dump({
        "run_dir": "run", "input": {"path": "in.jsonl"}, "engine": {"concurrency": concurrency},
        "model": {"backend": "openai", "model": "bench"},
        "pipeline": [{"step": "generate", "template": "question", "max_tokens": 4, "output_field": "draft"},
                     {"step": "rejection", "template": "question", "k": k, "m": 1, "batch": k, "max_tokens": 4,
                      "seed": 0, "verifier": {"kind": "math", "gold_field": "answer"}}],
        "output": {"report": False, "parquet": False}}))
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "synthloom.cli", "run", "run.yaml", "--no-progress", *executor],
                   cwd=folder, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   env={**env, "SYNTHLOOM_CACHE_DIR": str(folder)})
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--k", type=int, default=2, help="rejection samples per prompt")
    parser.add_argument("--nodes", type=int, default=2)
    args = parser.parse_args()
    os.environ["RAY_USAGE_STATS_ENABLED"] = "0"
    from ray.cluster_utils import Cluster

    driver, driver_url = start_server(args.latency)
    node_servers = [start_server(args.latency) for _ in range(args.nodes)]
    env = {**os.environ, "SYNTHLOOM_BASE_URL": driver_url}
    calls = args.requests * (1 + args.k)
    bound = calls * args.latency / args.concurrency
    print(f"{args.requests} prompts, {calls} calls (generate + rejection k={args.k}), concurrency {args.concurrency} "
          f"in all, latency {args.latency * 1000:.0f} ms: bound {bound:.2f} s = {calls / bound:,.0f} calls/s")
    try:
        cases = [("local executor", [], None)] + [(f"ray, {n} node(s)", None, n) for n in range(1, args.nodes + 1)]
        for label, executor, nodes in cases:
            cluster = None
            if nodes:
                urls = [url for _, url in node_servers[:nodes]]
                cluster = Cluster(initialize_head=True, head_node_args={
                    "node_ip_address": "127.0.0.1", "num_cpus": 1, "include_dashboard": False,
                    "env_vars": {"SYNTHLOOM_BASE_URL": urls[0]}})
                for url in urls[1:]:
                    cluster.add_node(node_ip_address="127.0.0.1", num_cpus=1, env_vars={"SYNTHLOOM_BASE_URL": url})
                executor = ["--executor", "ray", "--address", cluster.address, "--workers", str(nodes)]
            assert executor is not None
            try:
                before = [served(url) for _, url in node_servers] + [served(driver_url)]
                with tempfile.TemporaryDirectory() as tmp:
                    seconds = run(Path(tmp), args.requests, args.concurrency, args.k, env, executor)
                after = [served(url) for _, url in node_servers] + [served(driver_url)]
                with tempfile.TemporaryDirectory() as tmp:  # one wave of calls: start-up, joining, shutdown
                    fixed = run(Path(tmp), max(1, args.concurrency // (1 + args.k)), args.concurrency, args.k,
                                env, executor) - 2 * args.latency
            finally:
                if cluster:
                    cluster.shutdown()
            split = ", ".join(f"{b - a}" for a, b in zip(before, after, strict=True))
            print(f"{label:>16}: {seconds:6.2f} s = {calls / seconds:6,.0f} calls/s ({bound / seconds:.0%} of the "
                  f"bound); fixed {fixed:.2f} s, the rest {seconds - fixed:.2f} s "
                  f"({bound / max(seconds - fixed, 1e-9):.0%} of the bound); calls per server (nodes..., driver): {split}")
    finally:
        for proc in [driver] + [p for p, _ in node_servers]:
            proc.terminate()


if __name__ == "__main__":
    main()
