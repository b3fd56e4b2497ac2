"""What a check is: a pure function from a resource and its context to a ``Verdict``.

Checks register with ``@check("service.practice")``; the id joins the function to its
catalogue entry and to its fixture directory, and nothing else does.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from golive.model import Resource, Status

if TYPE_CHECKING:
    from golive.context import Context


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
