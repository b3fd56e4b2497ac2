"""What a check is: a pure function from a resource and its context to a ``Verdict``.

Checks register with ``@check("service.practice")``; the id joins the function to its
catalogue entry and to its fixture directory, and nothing else does. Besides the four
verdicts, the verdicts many checks give on one property: a switch that must be on
(``switch``), a setting that must be there (``required``), and a whole number read with its
default (``count_setting``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from golive.model import Resource, Status
from golive.values import is_true

if TYPE_CHECKING:
    from golive.context import Context, Value


@dataclass(frozen=True)
class Verdict:
    """A check's answer for one resource: status, the reason a person reads, the property."""

    status: Status
    reason: str
    attribute: str | None = None


CheckFunction = Callable[[Resource, "Context"], Verdict]

#: Registered checks by id. Filled once, by the decorators, when ``golive.checks`` is imported.
REGISTRY: dict[str, CheckFunction] = {}


class DuplicateCheckError(ValueError):
    """Two functions registered the same check id."""


def check(check_id: str) -> Callable[[CheckFunction], CheckFunction]:
    """Register ``function`` as the implementation of catalogue entry ``check_id``."""

    def register(function: CheckFunction) -> CheckFunction:
        if check_id in REGISTRY:
            raise DuplicateCheckError(f"check {check_id} is registered twice")
        REGISTRY[check_id] = function
        return function

    return register


def passed(reason: str, at: str | None = None) -> Verdict:
    """The resource follows the practice."""
    return Verdict(Status.PASS, reason, at)


def failed(reason: str, at: str | None = None) -> Verdict:
    """The resource misses the practice; ``reason`` says how."""
    return Verdict(Status.FAIL, reason, at)


def not_applicable(reason: str, at: str | None = None) -> Verdict:
    """The practice does not apply to this resource; ``reason`` says why."""
    return Verdict(Status.NOT_APPLICABLE, reason, at)


def unknown(reason: str, at: str | None = None) -> Verdict:
    """The verdict rests on a value golive cannot know; ``reason`` names it."""
    return Verdict(Status.UNKNOWN, reason, at)


def switch(value: Value, at: str, *, on: str, off: str, what: str | None = None) -> Verdict:
    """A boolean property that must be true: PASS (``on``) when it is, FAIL (``off``) when
    it is false or not set, UNKNOWN ("``what`` is not known", ``what`` defaulting to ``at``)
    when golive cannot know it."""
    if value.unknown:
        return unknown(f"{what or at} is not known: {value.reason}", at)
    if value.known and is_true(value.value):
        return passed(on, at)
    return failed(off, at)


def required(
    value: Value, at: str, *, present: str, missing: str, what: str | None = None
) -> Verdict:
    """A property that must be set: PASS (``present``) when it is, FAIL (``missing``) when it
    is absent or the empty string, UNKNOWN ("``what`` is not known", ``what`` defaulting to
    ``at``) when golive cannot know it."""
    if value.unknown:
        return unknown(f"{what or at} is not known: {value.reason}", at)
    if value.absent or value.value == "":
        return failed(missing, at)
    return passed(present, at)


def count_setting(value: Value, at: str, default: int, unit: str) -> int | Verdict:
    """The whole number property ``at`` holds, ``default`` when it is not set; UNKNOWN when
    golive cannot know it or it is not a number (of ``unit``)."""
    if value.unknown:
        return unknown(f"{at} is not known: {value.reason}", at)
    try:
        return default if value.absent else int(value.value)
    except (TypeError, ValueError):
        return unknown(f"{at} {value.value!r} is not a number of {unit}", at)
