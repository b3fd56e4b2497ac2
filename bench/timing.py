"""What bench/run and bench/scaling.py both need: timing one fresh process, and the context.

Standard library only, like the scripts that import it (they put bench/ on ``sys.path``).
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
# Checkov otherwise looks for a newer release of itself on PyPI and asks the
# Prisma Cloud platform for policy metadata: both are network calls.
CHECKOV_ENV = {"CKV_SKIP_PACKAGE_UPDATE_CHECK": "True", "BC_SKIP_MAPPING": "TRUE"}


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def capture(cmd: list[str], env: dict[str, str] | None = None) -> str:
    """The last line a short command prints (a version, a commit)."""
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=300, env=env, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"unavailable ({exc})"
    lines = (out.stdout.strip() or out.stderr.strip()).splitlines()
    return lines[-1] if lines else ""


def ratio(a: float | None, b: float | None) -> float | None:
    if a is None or b is None or b == 0:
        return None
    return round(a / b, 2)


def machine_info() -> dict[str, Any]:
    mem_kib = 0
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_kib = int(line.split()[1])
    except OSError:
        pass
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cores": os.cpu_count(),
        "cpu_model": cpu,
        "memory_gib": round(mem_kib / 1024 / 1024, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def _children(pid: int) -> list[int]:
    """Direct children of a process, from /proc/PID/task/TID/children (no /proc-wide scan)."""
    kids: list[int] = []
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return kids
    for tid in tids:
        try:
            with open(f"/proc/{pid}/task/{tid}/children") as fh:
                kids.extend(int(k) for k in fh.read().split())
        except OSError:
            continue
    return kids


def _pss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


class TreeSampler(threading.Thread):
    """Peak of the summed PSS of a process and all its descendants."""

    def __init__(self, pid: int, interval: float = 0.1) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.interval = interval
        self.peak_kib = 0
        self.max_procs = 0
        self._halt = threading.Event()

    def run(self) -> None:
        me = os.getpid()
        if not Path(f"/proc/{me}/smaps_rollup").exists():
            return
        if not Path(f"/proc/{me}/task/{me}/children").exists():
            return
        while not self._halt.is_set():
            tree, todo = [], [self.pid]
            while todo:
                p = todo.pop()
                tree.append(p)
                todo.extend(_children(p))
            total = sum(_pss_kib(p) for p in tree)
            self.peak_kib = max(self.peak_kib, total)
            self.max_procs = max(self.max_procs, len(tree))
            self._halt.wait(self.interval)

    def stop(self) -> None:
        self._halt.set()
        self.join()


def measure(
    cmd: list[str], stdout_path: Path, env: dict[str, str], timeout: float, interval: float = 0.0
) -> dict[str, Any]:
    """Wall time, CPU time and peak RSS of one fresh process (rusage from os.wait4).

    With ``interval`` > 0 a sampler also records the peak PSS summed over the process tree
    and the most processes seen at once (``tree_pss_mb``, ``max_processes``; 0 unsampled).
    """
    with open(stdout_path, "wb") as out, open(stdout_path.with_suffix(".stderr"), "wb") as err:
        load1 = os.getloadavg()[0]
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=env, cwd=str(REPO))
        sampler = TreeSampler(proc.pid, interval) if interval > 0 else None
        if sampler is not None:
            sampler.start()
        killer = threading.Timer(timeout, proc.kill)
        killer.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        timed_out = not killer.is_alive()
        killer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)  # keep Popen from waiting again
        if sampler is not None:
            sampler.stop()
    result: dict[str, Any] = {
        "seconds": round(wall, 3),
        "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 3),
        "user_seconds": round(usage.ru_utime, 3),
        "sys_seconds": round(usage.ru_stime, 3),
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
        "exit_code": proc.returncode,
        "timed_out": timed_out,
        "load1_before": round(load1, 2),
        "tree_pss_mb": round(sampler.peak_kib / 1024, 1) if sampler else 0.0,
        "max_processes": sampler.max_procs if sampler else 0,
    }
    return result
