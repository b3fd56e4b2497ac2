"""Spread independent pieces of work over worker processes, keeping their order.

A scan reviews each input on its own, so inputs can be reviewed side by side. Python runs
one thread at a time, so the work goes to processes. They are forked: a child starts with
everything the parent has already imported and read (the catalogue, the settings), and
only the index of each item and its result cross the pipe. Where ``fork`` does not exist
(Windows) or is unsafe to use (macOS, whose system libraries may hold threads), the work
runs in the calling process, one item after another, with the same results.

Results come back in the order of the items whatever order the workers finish in, so a
scan's output does not depend on how many processes reviewed it.
"""

from __future__ import annotations

import gc
import math
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

#: Workers are not started for fewer items than this: forking and collecting results
#: costs more than reviewing a handful of templates.
MIN_ITEMS = 8
#: More workers than this rarely pays: reviewing is quick next to reading and sending back.
MAX_AUTO_JOBS = 8


class _Inherited:
    """The job of the current parallel map, set in the parent just before the workers fork
    so that each child inherits it instead of receiving it through a pipe."""

    job: tuple[Callable[[Any], Any], Sequence[Any]] | None = None


def usable_cpus() -> int:
    """The CPUs this process may run on (the affinity mask where the system has one)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def can_fork() -> bool:
    """Whether worker processes can be forked safely on this platform."""
    return hasattr(os, "fork") and sys.platform != "darwin"


def worker_count(requested: int, items: int) -> int:
    """How many processes to use: ``requested`` (0 = one per usable CPU), 1 = no workers."""
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

    ``size`` estimates an item's work: the largest tasks are handed out first, so a big file
    met last does not leave one worker busy while the others wait. ``costly_setup`` marks
    items whose first one in a process pays a one-time cost (importing the SAM translator):
    they are packed into as few tasks as keep the workers evenly loaded, so fewer processes
    pay it. Results always come back in item order.
    """
    workers = worker_count(jobs, len(items))
    if workers == 1:
        yield from map(function, items)
        return
    sizes = [max(size(item), 1.0) if size is not None else 1.0 for item in items]
    shared = [costly_setup(item) if costly_setup is not None else False for item in items]
    tasks = plan_tasks(sizes, shared, workers)
    _Inherited.job = (function, items)
    # Objects the parent holds are left out of the children's collections: a collection
    # would otherwise touch, and so copy, every page the children share with the parent.
    # The parent takes them back afterwards unless they were frozen already (the golive
    # command freezes its start-up; a host process calling run_scan does not).
    already_frozen = gc.get_freeze_count() > 0
    gc.freeze()
    import multiprocessing  # 10 ms of imports, paid only when workers start

    try:
        context = multiprocessing.get_context("fork")
        with context.Pool(workers) as pool:
            waiting: dict[int, Any] = {}
            next_index = 0
            for done in pool.imap_unordered(_run_task, tasks, chunksize=1):
                waiting.update(done)
                while next_index in waiting:
                    yield waiting.pop(next_index)
                    next_index += 1
    finally:
        _Inherited.job = None
        if not already_frozen:
            gc.unfreeze()


def plan_tasks(sizes: Sequence[float], shared: Sequence[bool], workers: int) -> list[list[int]]:
    """Item indexes grouped into tasks, the largest task first.

    Items without a shared setup are a task each. Those with one go into the fewest groups
    that no worker's fair share (total size / workers) is exceeded by, up to one per worker,
    each group filled largest item first into the lightest group.
    """
    fair_share = sum(sizes) / workers
    together = sorted((i for i in range(len(sizes)) if shared[i]), key=lambda i: -sizes[i])
    tasks = [[i] for i in range(len(sizes)) if not shared[i]]
    if together:
        needed = math.ceil(sum(sizes[i] for i in together) / fair_share)
        groups: list[list[int]] = [[] for _ in range(max(1, min(workers, needed)))]
        loads = [0.0] * len(groups)
        for index in together:
            lightest = loads.index(min(loads))
            groups[lightest].append(index)
            loads[lightest] += sizes[index]
        tasks.extend(groups)
    tasks.sort(key=lambda task: -sum(sizes[i] for i in task))
    return tasks


def _run_task(task: list[int]) -> list[tuple[int, Any]]:
    """In a worker: run the inherited job's function on the items numbered in ``task``."""
    assert _Inherited.job is not None, "a worker runs only inside map_in_order"
    function, items = _Inherited.job
    return [(index, function(items[index])) for index in task]
