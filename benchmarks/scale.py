"""The full pipeline at scale: `synthloom run` over N generated inputs against a server answering every
request after 1 ms (benchmarks/latency_server.py, on 127.0.0.1), with generate (one short answer per
input) -> decontaminate (builtin HumanEval, n-grams only) -> dedup (on the instruction; about 10% of the
inputs are exact or one-word-edited copies of an earlier one) -> diversity (no embeddings). Per N:

1. peak resident memory of the run's process tree (dedup's workers included), sampled every 0.2 s, and
   the sizes on disk of each stage folder, output.jsonl, cache.sqlite and state.sqlite;
2. records/s of the run (start-up and every step included) against the engine bound: the same N
   requests sent by a bare aiohttp client at the run's concurrency to the same server (ratio; target
   >= 0.8);
3. resume: a second fresh run is SIGKILLed (its whole process group) once half the inputs are committed
   in stage 0 (`stage_roots` in state.sqlite), then `--resume`d to the end. Printed: the requests each
   session sent (the server's /stats), whether the two sessions together asked more than the fresh run (the resume
   may not ask again what the killed run got answers for: cache.sqlite serves those; answers in flight
   at the kill may be lost, so up to `concurrency` extra are allowed), resume time / fresh time (target
   < 0.6), and whether the resumed output holds the fresh run's record ids, each once, with the same
   fields.

Then the bound checks: peak memory at 1M <= 1.5 GB and flat within 20% from 100k to 1M (when both ran).
Every run, and the bound client, is its own process with a wall-clock guard (killed and reported when
over it); inputs are written to a JSONL file one line at a time. report.html and Parquet are switched
off: they are not the pipeline. No network but loopback.

    python benchmarks/scale.py [--records 100000 1000000] [--concurrency 64] [--work DIR] [--no-resume]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import orjson
import psutil
import yaml

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"
LATENCY_S = 0.001
MEMORY_BOUND_MB = 1536  # at 1M records
FLAT_WITHIN = 0.20  # peak memory from 100k to 1M
RUN_TARGET = 0.8  # run records/s over the bound's
RESUME_TARGET = 0.6  # resume time over fresh time
SAMPLE_S = 0.2
LOOPBACK = "127.0.0.1"

# Inputs: a fresh instruction is two 15-word halves from pools of coprime sizes (16 million distinct; two
# sharing a half have Jaccard 0.3, far below dedup's 0.7). Every tenth-ish input copies an earlier one.
_WORDS = [f"w{i}" for i in range(5000)]


def _pool(size: int, seed: int) -> list[str]:
    import random

    rng = random.Random(seed)
    return [" ".join(rng.choices(_WORDS, k=15)) for _ in range(size)]


FIRST, SECOND = _pool(4001, 1), _pool(4003, 2)


def fresh(i: int) -> str:
    return f"Explain {FIRST[i % 4001]} {SECOND[i % 4003]}"


def is_copy(i: int) -> bool:
    return i >= 10 and (i * 2654435761) % 100 < 10


def _earlier(i: int) -> int:
    """An earlier fresh input's index, spread over the whole range before i."""
    j = (((i * 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF) >> 16) % (i // 2)
    while is_copy(j):
        j -= 1
    return j


def make_instruction(i: int) -> str:
    """About 5% exact copies (case and spacing changed) and 5% one-word edits of an earlier fresh text."""
    if not is_copy(i):
        return fresh(i)
    earlier = fresh(_earlier(i))
    if (i * 2654435761) % 100 < 5:
        return "  " + earlier.upper()  # an exact duplicate once normalised
    words = earlier.split()
    words[1 + i % (len(words) - 1)] = "edited"
    return " ".join(words)  # a near duplicate


def write_inputs(path: Path, count: int) -> int:
    """The inputs, one line at a time; returns how many were made as copies (exact or near)."""
    copies = 0
    with path.open("wb") as handle:
        for i in range(count):
            copies += is_copy(i)
            handle.write(orjson.dumps({"instruction": make_instruction(i)}) + b"\n")
    return copies


# -- processes ------------------------------------------------------------------------------------


def show_phases(result: RunResult, count: int) -> None:
    parts = []
    for what, seconds, peak_mb in result.phases:
        rate = f", {count / seconds:,.0f}/s" if what.startswith("stage 0 per-record") and seconds > 0 else ""
        parts.append(f"{what} {seconds:,.1f} s{rate} (peak {peak_mb:,.0f} MB)")
    if parts:
        print("  phases (run.log): " + "; ".join(parts), flush=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((LOOPBACK, 0))
        return sock.getsockname()[1]


def child_env() -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(SRC), NO_PROXY="*", no_proxy="*")
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        env.pop(name, None)
    return env


def start_server() -> tuple[subprocess.Popen, int]:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, str(HERE / "latency_server.py"), str(port), str(LATENCY_S)],
        stdout=subprocess.PIPE,
        text=True,
        env=child_env(),
        start_new_session=True,
    )
    assert server.stdout is not None and server.stdout.readline().strip() == "ready", "latency server did not start"
    return server, port


_NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def served(port: int) -> int:
    with _NO_PROXY.open(f"http://{LOOPBACK}:{port}/stats", timeout=10) as reply:
        return orjson.loads(reply.read())["served"]


def tree_rss_mb(root: psutil.Process) -> float:
    """Resident memory of `root` and every process under it."""
    total = 0
    try:
        procs = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0.0
    for proc in procs:
        try:
            total += proc.memory_info().rss
        except psutil.Error:
            pass
    return total / 2**20


def kill_group(child: subprocess.Popen) -> None:
    """SIGKILL the child's process group (it was started in a session of its own) while it runs."""
    if child.poll() is None:
        try:
            os.killpg(child.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        child.wait()


@dataclass
class RunResult:
    seconds: float
    peak_mb: float
    status: str  # ok, failed (exit code), over guard, killed at half
    stderr_tail: str = ""
    phases: list[tuple[str, float, float]] = field(default_factory=list)  # (what, seconds, peak MB): run.log


def run_synthloom(
    config: Path,
    guard_s: float,
    *,
    resume: bool = False,
    kill_when: tuple[Path, int] | None = None,
    inputs: int | None = None,
) -> RunResult:
    """One `synthloom run` in its own session, sampled every 0.2 s. `kill_when`: (state.sqlite, roots):
    SIGKILL the process group once that many stage-0 roots are committed. `inputs`: watch stage 0's
    committed roots (once a second) to time the end of its per-record part (generate)."""
    state = config.parent / "run" / "state.sqlite"
    streamed_at: float | None = None
    cmd = [
        sys.executable,
        "-m",
        "synthloom.cli",
        "run",
        str(config),
        "--no-progress",
        *(["--resume"] if resume else []),
    ]
    log = config.with_suffix(".resume.log" if resume else ".log")
    with log.open("wb") as err:
        started, started_wall = time.perf_counter(), time.time()
        child = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, env=child_env(), start_new_session=True)
        proc = psutil.Process(child.pid)
        peak, status, samples = 0.0, "ok", 0
        memory: list[tuple[float, float]] = []  # (wall time, MB): each phase's peak
        try:
            while child.poll() is None:
                memory.append((time.time(), tree_rss_mb(proc)))
                peak = max(peak, memory[-1][1])
                samples += 1
                if inputs and streamed_at is None and samples % 5 == 0 and committed_stage_roots(state) >= inputs:
                    streamed_at = time.time()
                if time.perf_counter() - started > guard_s:
                    status = "over guard"
                    break
                if kill_when is not None and committed_stage_roots(kill_when[0]) >= kill_when[1]:
                    status = "killed at half"
                    break
                time.sleep(SAMPLE_S)
        finally:
            kill_group(child)
        seconds = time.perf_counter() - started
    if status == "ok" and child.returncode != 0:
        status = f"failed (exit {child.returncode})"
    tail = log.read_text(errors="replace")[-2000:] if status not in ("ok", "killed at half") else ""
    phases = [
        (what, end - start, max((mb for at, mb in memory if start <= at <= end), default=0.0))
        for what, start, end in session_phases(
            state.parent / "run.log", started_wall, started_wall + seconds, streamed_at
        )
    ]
    return RunResult(seconds, peak, status, tail, phases)


def session_phases(
    run_log: Path, started: float, ended: float, streamed_at: float | None
) -> list[tuple[str, float, float]]:
    """The last session's phases, (what, from, to), from run.log's timestamps: start-up, each stage (its
    streamed part and its whole-pool step), the output, finishing.
    `streamed_at`: when stage 0's per-record part was seen done (splits generate from its closing step)."""
    if not run_log.exists():
        return []
    marks: list[tuple[float, str]] = []
    for line in run_log.read_text(errors="replace").splitlines():
        try:
            at = datetime.strptime(line[:23], "%Y-%m-%d %H:%M:%S,%f").timestamp()
        except ValueError:
            continue
        text = line[24:].split(" ", 1)[-1]
        if " started (" in text:
            marks = [(at, "start-up")]
        elif text.startswith("stage ") and " done:" in text:
            marks.append((at, text.split()[1]))
        elif text.startswith("records done"):
            marks.append((at, "output stream"))
    if not marks:
        return []
    if streamed_at is not None and len(marks) > 1 and marks[0][0] < streamed_at < marks[1][0]:
        marks.insert(1, (streamed_at, "stage 0 per-record (generate)"))
    phases, previous = [("start-up", started, marks[0][0])], marks[0][0]
    for at, what in marks[1:]:
        phases.append((what, previous, at))
        previous = at
    phases.append(("finishing (summary, files)", previous, ended))
    return phases  # (what, from, to) in wall time


def committed_stage_roots(state: Path) -> int:
    """Roots committed in the first stage (where every request is made), read without a write lock."""
    if not state.exists():
        return 0
    try:
        db = sqlite3.connect(f"file:{state}?mode=ro", uri=True, timeout=1)
        try:
            row = db.execute("SELECT COUNT(*) FROM stage_roots WHERE stage LIKE '00-%'").fetchone()
        finally:
            db.close()
    except sqlite3.Error:  # not created yet, or busy
        return 0
    return row[0]


def write_config(folder: Path, inputs: Path, port: int, concurrency: int) -> Path:
    config = folder / "run.yaml"
    config.write_text(
        yaml.safe_dump(
            {
                "run_dir": str(folder / "run"),
                "input": {"path": str(inputs)},
                "engine": {"concurrency": concurrency},
                "model": {"backend": "openai", "base_url": f"http://{LOOPBACK}:{port}/v1", "model": "bench"},
                "pipeline": [
                    {"step": "generate", "max_tokens": 4},
                    {"step": "decontaminate", "benchmarks": [{"builtin": "humaneval"}], "semantic": False},
                    {"step": "dedup", "fields": ["instruction"]},
                    {"step": "diversity", "embeddings": False},
                ],
                "output": {"report": False, "parquet": False},
            },
            sort_keys=False,
        )
    )
    return config


def disk_sizes(run: Path) -> dict[str, float]:
    """MB on disk of each stage folder and of the run's main files."""
    sizes = {}
    stages = run / "stages"
    if stages.is_dir():
        for stage in sorted(stages.iterdir()):
            sizes[f"stages/{stage.name}"] = sum(f.stat().st_size for f in stage.rglob("*") if f.is_file()) / 2**20
    for name in ("output.jsonl", "cache.sqlite", "state.sqlite"):
        if (run / name).exists():
            sizes[name] = (run / name).stat().st_size / 2**20
    return sizes


def output_summary(path: Path) -> tuple[dict[str, int], int]:
    """({id: order-free hash of its fields}, lines): to compare two runs' outputs."""
    import hashlib

    records: dict[str, int] = {}
    lines = 0
    with path.open("rb") as handle:
        for line in handle:
            row = orjson.loads(line)
            lines += 1
            digest = hashlib.blake2b(orjson.dumps(row["fields"], option=orjson.OPT_SORT_KEYS), digest_size=8)
            records[row["id"]] = int.from_bytes(digest.digest(), "little")
    return records, lines


# -- the engine bound: a bare client ----------------------------------------------------------------


async def bare_client(port: int, requests: int, concurrency: int) -> float:
    """N chat requests, `concurrency` at once, over keep-alive connections; returns seconds."""
    import aiohttp

    url = f"http://{LOOPBACK}:{port}/v1/chat/completions"
    counter = iter(range(requests))

    async def worker(session: aiohttp.ClientSession) -> None:
        for i in counter:
            body = {"model": "bench", "max_tokens": 4, "messages": [{"role": "user", "content": make_instruction(i)}]}
            async with session.post(
                url, data=orjson.dumps(body), headers={"Content-Type": "application/json"}
            ) as reply:
                reply.raise_for_status()
                orjson.loads(await reply.read())

    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector, trust_env=False) as session:
        started = time.perf_counter()
        await asyncio.gather(*(worker(session) for _ in range(concurrency)))
        return time.perf_counter() - started


def measure_bound(port: int, requests: int, concurrency: int, guard_s: float) -> float | None:
    """The bare client in its own process (start-up excluded: it times its requests only)."""
    cmd = [sys.executable, __file__, "--bound-one", str(port), str(requests), str(concurrency)]
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=guard_s, env=child_env(), check=True)
    except (subprocess.TimeoutExpired, subprocess.CalledProcessError) as exc:
        print(f"  bound client failed: {exc}", flush=True)
        return None
    return float(out.stdout.strip())


# -- one N ------------------------------------------------------------------------------------------


def bench(count: int, work: Path, concurrency: int, resume: bool) -> float | None:
    """Every figure for one N; returns the fresh run's peak memory (MB) if it finished."""
    work.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=f"n{count}-", dir=work))  # a new folder: a run_dir must start empty
    inputs = folder / "inputs.jsonl"
    started = time.perf_counter()
    copies = write_inputs(inputs, count)
    print(
        f"\n## {count:,} records ({copies:,} made as copies; inputs {inputs.stat().st_size / 2**20:,.0f} MB, "
        f"written in {time.perf_counter() - started:.0f} s); concurrency {concurrency}, server latency "
        f"{LATENCY_S * 1000:.0f} ms",
        flush=True,
    )
    guard_s = 300 + count * 0.02  # a run slower than 50 records/s (plus start-up) is stuck, not slow
    server, port = start_server()
    try:
        fresh_dir = folder / "fresh"
        fresh_dir.mkdir(exist_ok=True)
        config = write_config(fresh_dir, inputs, port, concurrency)
        before = served(port)
        result = run_synthloom(config, guard_s, inputs=count)
        fresh_served = served(port) - before
        print(
            f"fresh run: {result.status}; {result.seconds:,.1f} s; {fresh_served:,} requests served; "
            f"peak memory (process tree) {result.peak_mb:,.0f} MB",
            flush=True,
        )
        show_phases(result, count)
        if result.status != "ok":
            print(f"  stderr (tail):\n{result.stderr_tail}", flush=True)
            return None
        sizes = disk_sizes(fresh_dir / "run")
        print("  on disk: " + "; ".join(f"{name} {mb:,.1f} MB" for name, mb in sizes.items()), flush=True)
        fresh_out, fresh_lines = output_summary(fresh_dir / "run" / "output.jsonl")
        print(f"  output: {fresh_lines:,} records ({count - fresh_lines:,} removed)", flush=True)

        bound = measure_bound(port, count, concurrency, guard_s)
        if bound is not None:
            share = bound / result.seconds
            print(
                f"records/s: run {count / result.seconds:,.0f}; bare client {count / bound:,.0f} "
                f"({bound:,.1f} s); run/bound {share:.2f} (target >= {RUN_TARGET}"
                f"{'' if share >= RUN_TARGET else ': BELOW TARGET'})",
                flush=True,
            )
        if resume:
            resume_check(folder, inputs, port, concurrency, guard_s, count, result.seconds, fresh_served, fresh_out)
        return result.peak_mb
    finally:
        kill_group(server)


def resume_check(
    folder: Path,
    inputs: Path,
    port: int,
    concurrency: int,
    guard_s: float,
    count: int,
    fresh_s: float,
    fresh_served: int,
    fresh_out: dict[str, int],
) -> None:
    """`fresh_served`: the requests a whole run makes (fewer than the inputs: a copy that repeats an
    earlier input's prompt exactly is answered from the cache)."""
    killed_dir = folder / "killed"
    killed_dir.mkdir(exist_ok=True)
    config = write_config(killed_dir, inputs, port, concurrency)
    state = killed_dir / "run" / "state.sqlite"
    before = served(port)
    first = run_synthloom(config, guard_s, kill_when=(state, count // 2))
    at_kill = committed_stage_roots(state)
    killed_served = served(port) - before
    print(
        f"killed run: {first.status} after {first.seconds:,.1f} s, {at_kill:,} stage-0 roots committed, "
        f"{killed_served:,} requests served",
        flush=True,
    )
    if first.status != "killed at half":
        print(
            f"  not killed at half (it {'finished' if first.status == 'ok' else first.status}): no resume "
            f"figure{chr(10) + first.stderr_tail if first.stderr_tail else ''}",
            flush=True,
        )
        return
    before = served(port)
    second = run_synthloom(config, guard_s, resume=True, inputs=count)
    resume_served = served(port) - before
    extra = killed_served + resume_served - fresh_served
    ratio = second.seconds / fresh_s
    print(
        f"resume: {second.status}; {second.seconds:,.1f} s = {ratio:.2f} of the fresh run (target < "
        f"{RESUME_TARGET}{'' if ratio < RESUME_TARGET else ': ABOVE TARGET'}); peak memory {second.peak_mb:,.0f} MB",
        flush=True,
    )
    print(
        f"  requests: resume {resume_served:,} + killed run {killed_served:,} = {killed_served + resume_served:,} "
        f"against {fresh_served:,} for a whole run ({extra:+,}; up to +{concurrency} in flight at the kill allowed"
        f"{'' if extra <= concurrency else ': ASKED AGAIN'})",
        flush=True,
    )
    show_phases(second, count - at_kill)
    if second.status != "ok":
        print(f"  stderr (tail):\n{second.stderr_tail}", flush=True)
        return
    resumed_out, resumed_lines = output_summary(killed_dir / "run" / "output.jsonl")
    same_ids = resumed_out.keys() == fresh_out.keys()
    same_fields = same_ids and resumed_out == fresh_out
    print(
        f"  output: {resumed_lines:,} lines, {len(resumed_out):,} distinct ids; same ids as the fresh run: "
        f"{same_ids}; each once: {resumed_lines == len(resumed_out)}; same fields: {same_fields}",
        flush=True,
    )
    if not same_ids:
        print(
            f"  only in fresh: {len(fresh_out.keys() - resumed_out.keys()):,}; only in resumed: "
            f"{len(resumed_out.keys() - fresh_out.keys()):,}",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--work", help="folder for inputs and run directories (default: a temporary folder, removed)")
    parser.add_argument("--no-resume", action="store_true", help="skip the kill-and-resume runs")
    parser.add_argument("--bound-one", nargs=3, type=int, metavar=("PORT", "REQUESTS", "CONC"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.bound_one:
        print(f"{asyncio.run(bare_client(*args.bound_one)):.3f}")
        return
    print(f"{os.cpu_count()} cores; load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(args.work) if args.work else Path(tmp)  # a given --work is kept, to look at the runs
        peaks: dict[int, float] = {}
        for count in args.records:
            peak = bench(count, work, args.concurrency, not args.no_resume)
            if peak is not None:
                peaks[count] = peak
    print("\n## bounds", flush=True)
    if 1_000_000 in peaks:
        mb = peaks[1_000_000]
        print(
            f"peak memory at 1M: {mb:,.0f} MB (bound {MEMORY_BOUND_MB:,} MB: "
            f"{'ok' if mb <= MEMORY_BOUND_MB else 'OVER'})"
        )
    else:
        print("peak memory at 1M: not measured")
    if 100_000 in peaks and 1_000_000 in peaks:
        growth = peaks[1_000_000] / peaks[100_000] - 1
        print(
            f"from 100k to 1M: {growth:+.0%} (flat within {FLAT_WITHIN:.0%}: "
            f"{'ok' if abs(growth) <= FLAT_WITHIN else 'NOT FLAT'})"
        )
    elif len(peaks) >= 2:
        low, high = min(peaks), max(peaks)
        print(f"from {low:,} to {high:,}: {peaks[high] / peaks[low] - 1:+.0%} (the bound is for 100k to 1M)")
    print(f"load average at the end {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
