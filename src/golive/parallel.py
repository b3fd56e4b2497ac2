"""Spread independent pieces of work over processes, keeping their order.

A scan reviews each input on its own, so inputs can be reviewed side by side. Python runs
one thread at a time, so the work goes to processes: the calling process and helpers it
forks. A forked helper starts with everything the caller has already imported and read
(the catalogue, the settings), so nothing but task numbers and results crosses between
them, and no thread is started (``multiprocessing.Pool`` runs three in the caller, which
took a sixth of the CPU of a scan of 300 templates on 2 cores).

How the work is shared:

- The tasks are numbered and their numbers written to a pipe before the helpers fork.
  Every process, the caller included, takes the next number by reading its 4 bytes: one
  read from a pipe is atomic, so each task is taken once, and whoever is free takes it.
- A helper writes each result, pickled, to a temporary file of its own and exits; the
  caller reads the files once its helpers have ended. A helper never waits on the caller.
- An item whose result does not come back (its function raised in a helper, the result
  could not be pickled, the helper was killed) is run again in the caller: its result or
  its exception is then the caller's own, as without helpers. Nothing is lost.

Where ``fork`` does not exist (Windows) or is unsafe to use (macOS, whose system libraries
may hold threads), everything runs in the calling process, one item after another, with
the same results. Results come back in the order of the items whatever process computed
them, so a scan's output does not depend on how many reviewed it.
"""

from __future__ import annotations

import gc
import math
import os
import pickle
import signal
import struct
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack
from typing import IO, Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

#: Helpers are not started for fewer items than this: forking and collecting results
#: costs more than reviewing a handful of templates.
MIN_ITEMS = 8
#: More processes than this rarely pays: reviewing is quick next to reading and sending back.
MAX_AUTO_JOBS = 8

_TASK = struct.Struct("=I")
#: Each result a helper writes is its length, then its pickle (pickles are read one by one:
#: one unpickler reading several pickles mixes up their references to earlier objects).
_LENGTH = struct.Struct("=Q")


def usable_cpus() -> int:
    """The CPUs this process may run on (the affinity mask where the system has one)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def can_fork() -> bool:
    """Whether helper processes can be forked safely on this platform."""
    return hasattr(os, "fork") and sys.platform != "darwin"


def worker_count(requested: int, items: int) -> int:
    """How many processes share the work, the caller's included: ``requested`` (0 = one per
    usable CPU), 1 = the caller alone."""
    if items < MIN_ITEMS and requested == 0:
        return 1
    jobs = requested if requested > 0 else min(usable_cpus(), MAX_AUTO_JOBS)
    jobs = min(jobs, items)
    return jobs if jobs > 1 and can_fork() else 1


def map_in_order(
    function: Callable[[Item], Result],
    items: Sequence[Item],
    jobs: int = 1,
    size: Callable[[Item], float] | None = None,
    costly_setup: Callable[[Item], bool] | None = None,
) -> Iterator[Result]:
    """``function`` over ``items``, in order, on up to ``jobs`` processes (see ``worker_count``).

    ``size`` estimates an item's work: the largest tasks are taken first, so a big file met
    last does not leave one process busy while the others wait. ``costly_setup`` marks items
    whose first one in a process pays a one-time cost (importing the SAM translator): they
    are packed into as few tasks as keep the processes evenly loaded, so fewer pay it.
    Results always come back in item order; an exception is raised in the caller.
    """
    processes = worker_count(jobs, len(items))
    if processes == 1:
        yield from map(function, items)
        return
    sizes = [max(size(item), 1.0) if size is not None else 1.0 for item in items]
    shared = [costly_setup(item) if costly_setup is not None else False for item in items]
    tasks = plan_tasks(sizes, shared, processes)
    results = _share(function, items, tasks, processes - 1)
    for index, item in enumerate(items):
        # an item no helper gave back is done here, in order, raising what it raises
        yield results.pop(index) if index in results else function(item)


def plan_tasks(sizes: Sequence[float], shared: Sequence[bool], processes: int) -> list[list[int]]:
    """Item indexes grouped into tasks, the largest task first.

    Items without a shared setup are a task each. Those with one go into the fewest groups
    that no process's fair share (total size / processes) is exceeded by, up to one per process,
    each group filled largest item first into the lightest group.
    """
    fair_share = sum(sizes) / processes
    together = sorted((i for i in range(len(sizes)) if shared[i]), key=lambda i: -sizes[i])
    tasks = [[i] for i in range(len(sizes)) if not shared[i]]
    if together:
        needed = math.ceil(sum(sizes[i] for i in together) / fair_share)
        groups: list[list[int]] = [[] for _ in range(max(1, min(processes, needed)))]
        loads = [0.0] * len(groups)
        for index in together:
            lightest = loads.index(min(loads))
            groups[lightest].append(index)
            loads[lightest] += sizes[index]
        tasks.extend(groups)
    tasks.sort(key=lambda task: -sum(sizes[i] for i in task))
    return tasks


def fit_tasks(tasks: list[list[int]], limit: int) -> list[list[int]]:
    """At most ``limit`` tasks: the smallest (last) ones dealt onto the others in turn."""
    if len(tasks) <= limit:
        return tasks
    kept = [list(task) for task in tasks[:limit]]
    for turn, task in enumerate(tasks[limit:]):
        kept[limit - 1 - turn % limit].extend(task)
    return kept


def _share(
    function: Callable[[Item], Result],
    items: Sequence[Item],
    tasks: list[list[int]],
    helpers: int,
) -> dict[int, Result]:
    """Run the tasks on this process and ``helpers`` forked ones; the results that came back.

    Objects the caller holds are left out of every process's collections while they share
    them: a collection would otherwise touch, and so copy, every shared page. The caller's
    collector is given back afterwards unless it was frozen already (the golive command
    freezes its start-up; a host process calling ``run_scan`` does not).
    """
    reader, writer = os.pipe()
    tasks = fit_tasks(tasks, _pipe_capacity(writer, len(tasks) * _TASK.size) // _TASK.size)
    numbers = memoryview(b"".join(_TASK.pack(number) for number in range(len(tasks))))
    while numbers:  # the pipe holds them all: nothing waits for a reader
        numbers = numbers[os.write(writer, numbers) :]
    os.close(writer)  # read to the end, the pipe says there is no task left
    already_frozen = gc.get_freeze_count() > 0
    gc.freeze()
    helping: dict[int, IO[bytes]] = {}  # each helper's process id and its file of results
    results: dict[int, Result] = {}
    try:
        with ExitStack() as files:
            for _ in range(helpers):
                try:
                    output = files.enter_context(tempfile.TemporaryFile())
                    pid = os.fork()
                except OSError:  # no room for a file of results, or no process to be had:
                    break  # fewer helpers, the same results
                if pid == 0:  # pragma: no cover - the helper's side; it never returns
                    _help(function, items, tasks, reader, output)
                helping[pid] = output
            for number in _take(reader):
                for index in tasks[number]:
                    results[index] = function(items[index])
            while helping:
                pid, written = helping.popitem()
                os.waitpid(pid, 0)
                results.update(_read_results(written))
    finally:
        for pid in helping:  # the caller raised: the helpers' work is not wanted
            _stop(pid)
        os.close(reader)
        if not already_frozen:
            gc.unfreeze()
    return results


def _pipe_capacity(descriptor: int, wanted: int) -> int:
    """The bytes the pipe holds, grown towards ``wanted`` where the system lets it.

    The task numbers are written before any reader exists, so they must fit: a write beyond
    the capacity would wait for ever. Linux says what a pipe holds (less than the usual 64 KiB
    once a user has many pipes) and lets it grow; elsewhere only ``PIPE_BUF`` is certain.
    """
    try:
        import fcntl

        get, grow = fcntl.F_GETPIPE_SZ, fcntl.F_SETPIPE_SZ  # Linux only
    except (ImportError, AttributeError):
        import select

        return select.PIPE_BUF
    capacity = int(fcntl.fcntl(descriptor, get))
    for size in (wanted, _largest_pipe()):
        if size <= capacity:
            break
        try:
            return int(fcntl.fcntl(descriptor, grow, size))
        except OSError:  # above what one pipe may hold, or what this user may have
            continue
    return capacity


def _largest_pipe() -> int:
    try:
        with open("/proc/sys/fs/pipe-max-size", encoding="ascii") as limit:
            return int(limit.read())
    except (OSError, ValueError):
        return 0


def _take(reader: int) -> Iterator[int]:
    """The numbers of the tasks this process takes, until none is left."""
    while chunk := os.read(reader, _TASK.size):
        yield _TASK.unpack(chunk)[0]


def _help(
    function: Callable[[Any], Any],
    items: Sequence[Any],
    tasks: list[list[int]],
    reader: int,
    output: IO[bytes],
) -> None:  # pragma: no cover - runs in the forked helper, whose coverage is not collected
    """In a helper: take tasks, write each result, and exit without the caller's clean-up.

    An item that raises, or whose result cannot be pickled, is left out: the caller runs it
    again and gets its result or its exception itself.
    """
    status = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C ends the helper at once
        with output:
            for number in _take(reader):
                for index in tasks[number]:
                    try:
                        result = function(items[index])
                        record = pickle.dumps((index, result), pickle.HIGHEST_PROTOCOL)
                    except Exception:
                        continue
                    output.write(_LENGTH.pack(len(record)))
                    output.write(record)
            output.flush()
        status = 0
    finally:
        os._exit(status)


def _read_results(output: IO[bytes]) -> dict[int, Any]:
    """The results a helper wrote, up to the first that cannot be read: the end of the file,
    or a record cut short because the helper was killed. Whatever is not read is run again
    by the caller, so an unreadable record costs time, never a result."""
    results: dict[int, Any] = {}
    output.seek(0)
    while len(head := output.read(_LENGTH.size)) == _LENGTH.size:
        record = output.read(_LENGTH.unpack(head)[0])
        try:
            index, result = pickle.loads(record)
        except Exception:
            break
        results[index] = result
    return results


def _stop(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass
