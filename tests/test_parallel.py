"""Reviewing files in worker processes gives exactly what reviewing them in one process gives."""

from __future__ import annotations

import gc
import os
import shutil
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from golive import parallel
from golive.discover import Input, InputKind
from golive.loaders import needs_sam
from golive.model import DROPPED, Profile
from golive.parallel import map_in_order, worker_count
from golive.scan import run_scan
from golive.settings import Settings
from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(not parallel.can_fork(), reason="helpers are forked")


def _square_and_pid(number: int) -> tuple[int, int]:
    return number * number, os.getpid()


def _slow_square_and_pid(number: int) -> tuple[int, int]:
    time.sleep(0.02)  # long enough that every process takes some of the items
    return _square_and_pid(number)


def _fails_on_seven(number: int) -> int:
    if number == 7:
        raise ValueError("seven")
    return number


def test_results_come_back_in_item_order_from_every_process() -> None:
    items = list(range(40))
    # the largest "size" first: the last items are taken first
    results = list(map_in_order(_slow_square_and_pid, items, jobs=2, size=lambda n: n))
    assert [square for square, _ in results] == [n * n for n in items]
    processes = {pid for _, pid in results}
    assert len(processes) == 2  # the caller and one helper both took items
    assert os.getpid() in processes


def _killed_in_a_helper(caller: int, marks: Path) -> Callable[[int], int]:
    def work(number: int) -> int:
        if os.getpid() != caller:
            (marks / str(os.getpid())).touch()
            os.kill(os.getpid(), signal.SIGKILL)
        time.sleep(0.01)
        return number

    return work


def test_the_items_of_a_killed_helper_are_done_by_the_caller(tmp_path: Path) -> None:
    work = _killed_in_a_helper(os.getpid(), tmp_path)
    assert list(map_in_order(work, list(range(16)), jobs=3)) == list(range(16))
    assert list(tmp_path.iterdir())  # helpers took items, and died on them
    _assert_helpers_reaped(tmp_path)


def _fails_in_a_helper(caller: int) -> Callable[[int], int]:
    def work(number: int) -> int:
        time.sleep(0.01)
        if os.getpid() != caller:
            raise ValueError("only helpers fail")
        return number

    return work


def test_an_item_that_raises_in_a_helper_is_run_again_by_the_caller() -> None:
    work = _fails_in_a_helper(os.getpid())
    assert list(map_in_order(work, list(range(16)), jobs=2)) == list(range(16))


def _fails_in_the_caller(caller: int, marks: Path) -> Callable[[int], int]:
    def work(number: int) -> int:
        if os.getpid() == caller:
            time.sleep(0.1)  # helpers start meanwhile
            raise ValueError("the caller fails")
        (marks / str(os.getpid())).touch()
        time.sleep(0.01)
        return number

    return work


def test_an_exception_in_the_caller_stops_the_helpers_and_reaches_it(tmp_path: Path) -> None:
    work = _fails_in_the_caller(os.getpid(), tmp_path)
    with pytest.raises(ValueError, match="the caller fails"):
        list(map_in_order(work, list(range(40)), jobs=3))
    assert list(tmp_path.iterdir())  # helpers were at work when the caller raised
    _assert_helpers_reaped(tmp_path)


def _assert_helpers_reaped(marks: Path) -> None:
    """Every helper that left its process id in ``marks`` has ended and been waited for."""
    helpers = [int(mark.name) for mark in marks.iterdir()]
    for pid in helpers:
        with pytest.raises(ChildProcessError):  # not a child any more: reaped
            os.waitpid(pid, os.WNOHANG)


def _unpicklable(number: int) -> Callable[[], int]:
    return lambda: number


def test_a_result_that_cannot_be_pickled_is_computed_by_the_caller() -> None:
    results = list(map_in_order(_unpicklable, list(range(12)), jobs=2))
    assert [make() for make in results] == list(range(12))


def test_tasks_beyond_what_the_task_pipe_holds_are_dealt_onto_the_others() -> None:
    tasks = [[0, 1], [2], [3], [4], [5], [6]]
    fitted = parallel.fit_tasks(tasks, 3)
    assert fitted == [[0, 1, 6], [2, 5], [3, 4]]
    assert parallel.fit_tasks(tasks, 6) == tasks


@pytest.mark.parametrize("wanted", [16, 20_000 * 4])
def test_the_task_numbers_fit_in_the_pipe_before_anyone_reads(wanted: int) -> None:
    reader, writer = os.pipe()
    try:
        capacity = parallel._pipe_capacity(writer, wanted)
        os.set_blocking(writer, False)  # a write past the capacity raises instead of waiting
        assert os.write(writer, b"\0" * capacity) == capacity
        if sys.platform == "linux":  # grown to what was asked (1 MiB is the usual limit)
            assert capacity >= min(wanted, 1 << 20)
    finally:
        os.close(reader)
        os.close(writer)


def test_more_task_numbers_than_a_default_pipe_holds() -> None:
    many = list(range(20_000))  # a default pipe holds 16,384
    assert list(map_in_order(abs, many, jobs=2)) == many


@pytest.mark.parametrize("failing", ["fork", "temporary file"])
def test_without_a_helper_to_be_had_the_caller_does_the_work(
    monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(11, "Resource temporarily unavailable")

    if failing == "fork":
        monkeypatch.setattr(os, "fork", refuse)
    else:
        monkeypatch.setattr(parallel.tempfile, "TemporaryFile", refuse)
    results = list(map_in_order(_square_and_pid, list(range(12)), jobs=4))
    assert results == [(n * n, os.getpid()) for n in range(12)]


def test_a_pipe_that_cannot_grow_still_carries_every_task(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "_pipe_capacity", lambda descriptor, wanted: 16)  # 4 tasks
    assert list(map_in_order(_slow_square_and_pid, list(range(10)), jobs=2))[9][0] == 81


def test_a_library_caller_gets_its_garbage_collection_back() -> None:
    gc.unfreeze()
    list(map_in_order(_square_and_pid, list(range(20)), jobs=2))
    assert gc.get_freeze_count() == 0  # frozen for the fork only
    gc.freeze()  # the golive command freezes its start-up: that stays as it was
    frozen = gc.get_freeze_count()
    list(map_in_order(_square_and_pid, list(range(20)), jobs=2))
    assert gc.get_freeze_count() >= frozen
    gc.unfreeze()


def test_one_job_stays_in_the_calling_process() -> None:
    results = list(map_in_order(_square_and_pid, list(range(20)), jobs=1))
    assert {pid for _, pid in results} == {os.getpid()}


def test_an_exception_reaches_the_caller_with_or_without_helpers() -> None:
    for jobs in (1, 2):
        with pytest.raises(ValueError, match="seven"):
            list(map_in_order(_fails_on_seven, list(range(20)), jobs=jobs))


def test_worker_count(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "usable_cpus", lambda: 4)
    assert worker_count(0, 100) == 4  # one per CPU
    assert worker_count(0, parallel.MIN_ITEMS - 1) == 1  # too few inputs to pay
    assert worker_count(3, 2) == 2  # never more processes than inputs
    assert worker_count(3, 5) == 3  # an explicit number is honoured for few inputs
    assert worker_count(1, 100) == 1
    monkeypatch.setattr(parallel, "usable_cpus", lambda: 64)
    assert worker_count(0, 1000) == parallel.MAX_AUTO_JOBS
    monkeypatch.setattr(parallel, "can_fork", lambda: False)
    assert worker_count(4, 100) == 1


def test_a_scan_shared_with_helpers_equals_a_scan_in_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every input kind, an unreadable file and per-path profiles, reviewed both ways."""
    for folder in ("examples/orders-app", "tests/fixtures/trio/sam", "tests/fixtures/cdk"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    shutil.copytree(ROOT / "tests/fixtures/trio/terraform", tmp_path / "tf")
    shutil.copy(ROOT / "tests/fixtures/trio/plan.json", tmp_path / "plan.json")
    (tmp_path / "broken.yaml").write_text(
        "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Bucket: [unclosed\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    settings = Settings(
        profiles=(("examples/**", Profile.DEVELOPMENT),), root=str(tmp_path), source="test"
    )
    serial = run_scan([tmp_path], settings=settings, jobs=1)
    forked = run_scan([tmp_path], settings=settings, jobs=2)

    assert serial.files_seen >= parallel.MIN_ITEMS
    assert forked.findings == serial.findings
    assert forked.errors == serial.errors
    assert forked.notes == serial.notes
    assert forked.file_profiles == serial.file_profiles
    assert set(forked.catalog) == set(serial.catalog)
    assert [(s.name, s.file, len(s.resources)) for s in forked.stacks] == [
        (s.name, s.file, len(s.resources)) for s in serial.stacks
    ]
    # helpers send stacks back as kept after review: without the inputs the checks read
    assert all(
        stack.mappings is DROPPED and resource.properties is DROPPED
        for stack in forked.stacks
        for resource in stack.resources.values()
    )
    # what the comparison rests on is really there
    assert serial.findings
    assert any(e.file.endswith("broken.yaml") for e in serial.errors)
    assert any(p is Profile.DEVELOPMENT for p in serial.file_profiles.values())
    kinds = {s.source_kind for s in serial.stacks}
    assert {"cloudformation", "sam", "cdk", "terraform"} <= kinds


def test_items_with_a_costly_setup_share_as_few_tasks_as_balance_allows() -> None:
    # ten small items needing the setup, a little of all the work: one task holds them all
    sizes = [100.0] * 20 + [5.0] * 10
    shared = [False] * 20 + [True] * 10
    tasks = parallel.plan_tasks(sizes, shared, processes=2)
    assert sorted(i for task in tasks for i in task) == list(range(30))
    assert [task for task in tasks if len(task) > 1] == [list(range(20, 30))]
    # when they are most of the work, they spread over every worker, evenly
    sizes = [1.0] * 4 + [50.0] * 6
    shared = [False] * 4 + [True] * 6
    tasks = parallel.plan_tasks(sizes, shared, processes=2)
    groups = [task for task in tasks if shared[task[0]]]
    assert sorted(i for group in groups for i in group) == list(range(4, 10))
    assert sorted(len(g) for g in groups) == [3, 3]
    # the largest task goes first
    assert tasks[0] in groups


def test_only_templates_declaring_the_sam_transform_need_the_translator() -> None:
    def unit(path: str) -> Input:
        return Input(InputKind.FILE, ROOT / path)

    assert needs_sam(unit("tests/fixtures/trio/sam/template.yaml"))
    assert not needs_sam(unit("examples/orders-app/edge.yaml"))
    assert not needs_sam(Input(InputKind.TERRAFORM, ROOT / "tests/fixtures/trio/terraform"))
