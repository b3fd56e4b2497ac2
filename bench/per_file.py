"""Time golive on each file of a directory on its own, in one process, and catch crashes.

Run with golive's own interpreter:  .venv/bin/python bench/per_file.py DIR [--top N]
Prints one JSON object: file count, total seconds (both passes), the slowest files, and every file
whose review raised an exception out of golive's pipeline (a crash: golive is meant
to turn any bad input into a reported error instead).

This uses golive's Python API (golive.scan.run_scan), not its command line, so the
time of each file excludes interpreter start-up; bench/run times the command line.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from pathlib import Path

SUFFIXES = (".yaml", ".yml", ".json", ".template")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("directory", type=Path)
    ap.add_argument("--top", type=int, default=10)
    args = ap.parse_args()
    try:
        from golive.scan import run_scan
    except ImportError as exc:  # golive's API moved: report rather than fail the benchmark
        print(json.dumps({"unavailable": f"cannot import golive.scan.run_scan: {exc}"}))
        return 0

    files = sorted(
        p for p in args.directory.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
    )
    # Two passes; a file's time is the faster of the two, so one-off costs paid by whichever
    # file comes first (lazy imports such as the SAM translator's) are not charged to it.
    best: dict[Path, float] = {}
    counts: dict[Path, tuple[int, int]] = {}
    crashes: list[dict[str, str]] = []
    start = time.perf_counter()
    for rnd in range(2):
        for f in files:
            t0 = time.perf_counter()
            try:
                res = run_scan([f])
                counts[f] = (len(res.findings), len(res.errors))
            except Exception as exc:
                if rnd == 0:
                    crashes.append(
                        {
                            "file": str(f),
                            "error": f"{type(exc).__name__}: {exc}"[:300],
                            "where": "".join(traceback.format_tb(exc.__traceback__)[-2:])[-600:],
                        }
                    )
                counts[f] = (-1, -1)
            took = time.perf_counter() - t0
            best[f] = min(best.get(f, took), took)
    timings = [(t, str(f), *counts[f]) for f, t in best.items()]
    total = time.perf_counter() - start
    timings.sort(reverse=True)
    print(
        json.dumps(
            {
                "files": len(files),
                "total_seconds_two_passes": round(total, 3),
                "median_ms": round(sorted(t for t, *_ in timings)[len(timings) // 2] * 1000, 2)
                if timings
                else None,
                "slowest": [
                    {"file": f, "ms": round(t * 1000, 1), "findings": n, "errors": e}
                    for t, f, n, e in timings[: args.top]
                ],
                "crashes": crashes,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
