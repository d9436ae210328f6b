"""Dedup at scale: peak memory and time of the out-of-core dedup (guards/dedup_disk.py) against the
in-memory one (guards/dedup.py) as the record count grows. Texts are made on the fly from their index
(never held by the benchmark): fresh ones (distinct up to 16 million), exact copies of an earlier text
(case and spacing changed) and one-word edits of one. Each measurement runs in its own process; peak
memory is the resident memory of that process and its signature workers together, sampled every 0.2 s
(Python and NumPy included: ~60 MB a process before any text).

    python benchmarks/dedup_scale.py [--records 100000 1000000 10000000] [--mode disk memory]
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import time
from collections.abc import Iterator

WORDS = [f"w{i}" for i in range(5000)]
WORKERS = os.cpu_count() or 1  # signature processes, for both dedups
_rng = random.Random(0)
# A fresh text is two 15-word halves, from two pools of coprime sizes: 16 million distinct texts, made fast;
# two that share a half overlap in 13 of 28 shingles (Jaccard 0.3), well below the threshold.
FIRST = [" ".join(_rng.choices(WORDS, k=15)) for _ in range(4001)]
SECOND = [" ".join(_rng.choices(WORDS, k=15)) for _ in range(4003)]


def fresh(i: int) -> str:
    return f"{FIRST[i % 4001]} {SECOND[i % 4003]}"


def text(i: int) -> str:
    roll = (i * 2654435761) % 100
    if i < 10 or roll < 60:
        return fresh(i)
    mixed = (i * 0x9E3779B97F4A7C15 & 0xFFFFFFFFFFFFFFFF) >> 16
    earlier = fresh(mixed % (i // 2))  # any earlier fresh text, spread over the whole range
    if roll < 80:
        return "  " + earlier.upper()  # an exact duplicate once normalised
    words = earlier.split()
    words[i % len(words)] = "edited"
    return " ".join(words)  # a near duplicate


def texts(count: int) -> Iterator[str]:
    return (text(i) for i in range(count))


def measure(mode: str, count: int, work: str | None) -> None:
    """One measurement, in this process: prints 'found exact near seconds'."""
    from synthloom.guards.settings import DedupSettings

    settings = DedupSettings(workers=WORKERS)
    start = time.perf_counter()
    if mode == "disk":
        from synthloom.guards.dedup_disk import find_duplicates_on_disk

        found = list(find_duplicates_on_disk(texts(count), settings, work=work, expected=count))
    else:
        from synthloom.guards.dedup import find_duplicates

        found = find_duplicates(list(texts(count)), settings)
    seconds = time.perf_counter() - start
    exact = sum(d.method == "exact" for d in found)
    print(len(found), exact, len(found) - exact, f"{seconds:.1f}")


def tree_rss_mb(root: int) -> float:
    """Resident memory of `root` and every process under it (its signature workers)."""
    parents, rss = {}, {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents[int(entry)], rss[int(entry)] = int(fields[1]), int(fields[21])
    tree, frontier = {root}, [root]
    while frontier:
        frontier = [pid for pid, parent in parents.items() if parent in frontier and pid not in tree]
        tree.update(frontier)
    return sum(rss.get(pid, 0) for pid in tree) * os.sysconf("SC_PAGE_SIZE") / 2**20


def run(mode: str, count: int, work: str | None) -> tuple[str, float]:
    """(its printed line, the peak of the process tree's resident memory in MB, sampled every 0.2 s)."""
    child = subprocess.Popen([sys.executable, __file__, "--one", mode, str(count)] + (["--work", work] if work else []),
                             stdout=subprocess.PIPE, text=True)
    peak = 0.0
    while child.poll() is None:
        peak = max(peak, tree_rss_mb(child.pid))
        time.sleep(0.2)
    out = child.stdout.read() if child.stdout else ""
    return (out.strip() if child.returncode == 0 else "failed"), peak


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--mode", nargs="+", default=["disk", "memory"], choices=["disk", "memory"])
    parser.add_argument("--work", help="folder for the shards (default: the system's temporary folder)")
    parser.add_argument("--one", nargs=2, metavar=("MODE", "RECORDS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        measure(args.one[0], int(args.one[1]), args.work)
        return
    print("| records | dedup | peak memory | seconds | records/s | duplicates (exact / near) |")
    print("|---:|---|---:|---:|---:|---|")
    for count in args.records:
        for mode in args.mode:
            out, peak_mb = run(mode, count, args.work)
            if out == "failed":
                print(f"| {count:,} | {mode} | {peak_mb:,.0f} MB | failed | | |", flush=True)
                continue
            found, exact, near, seconds = out.split()
            rate = count / float(seconds)
            name = "out of core" if mode == "disk" else "in memory"
            print(f"| {count:,} | {name} | {peak_mb:,.0f} MB | {float(seconds):,.0f} | {rate:,.0f} | "
                  f"{int(found):,} ({int(exact):,} / {int(near):,}) |", flush=True)


if __name__ == "__main__":
    main()
