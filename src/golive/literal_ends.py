"""Names by the literal text they start and end with, found without a scan.

Two names with parts known only at deployment (``${AWS::StackName}-orders``) can be the
same only if their literal beginnings agree (one starts the other) and so do their
endings; ``golive.alarms.same`` asks exactly that. Asking it of every pair made alarm
checks quadratic on stacks whose resources are all named that way. ``Ends`` files names
by their literal ends once per stack and answers, for one name, a superset of those whose
ends agree with it; callers still compare each one they get.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from golive.values import Unknown

T = TypeVar("T")


def ends(name: Sequence[object]) -> tuple[str, str]:
    """The literal text ``name`` (its parts) starts and ends with, "" where an end is open.

    A name written out in full is all text at both ends: an open name must match it whole.
    """
    if all(isinstance(p, str) for p in name):
        text = "".join(str(p) for p in name)
        return text, text
    first, last = name[0], name[-1]
    return (first if isinstance(first, str) else "", last if isinstance(last, str) else "")


def _agree(text: str, other: str) -> bool:
    """Whether two literal beginnings could start one string (one starts the other)."""
    return text.startswith(other) or other.startswith(text)


@dataclass
class _Affixes(Generic[T]):
    """Items by a text, found by any text that starts theirs or that theirs starts.

    ``matching`` costs dictionary lookups and a range of sorted keys, not a scan. Texts
    are filed reversed to find endings the same way.
    """

    by_text: dict[str, list[tuple[T, str]]] = field(default_factory=lambda: defaultdict(list))
    _sorted: list[str] | None = None

    def add(self, text: str, item: T, other_end: str) -> None:
        self.by_text[text].append((item, other_end))
        self._sorted = None

    def every(self) -> list[tuple[T, str]]:
        return [entry for entries in self.by_text.values() for entry in entries]

    def matching(self, text: str) -> list[tuple[T, str]]:
        """Items whose text is a prefix of ``text`` or starts with ``text``."""
        if self._sorted is None:
            self._sorted = sorted(self.by_text)
        keys = self._sorted
        found = [e for end in range(1, len(text)) for e in self.by_text.get(text[:end], ())]
        position = bisect_left(keys, text)
        while position < len(keys) and keys[position].startswith(text):
            found += self.by_text[keys[position]]
            position += 1
        return found


@dataclass
class Ends(Generic[T]):
    """Items filed by the literal ends of a name (``ends``)."""

    #: every item, in the order added
    items: list[T] = field(default_factory=list)
    #: items whose name is one unknown: it may be any name
    whole: list[T] = field(default_factory=list)
    #: items with neither end literal (``whole`` among them)
    neither: list[T] = field(default_factory=list)
    first_only: _Affixes[T] = field(default_factory=_Affixes)
    #: by the last part reversed, so that endings are found as beginnings
    last_only: _Affixes[T] = field(default_factory=_Affixes)
    #: items with both ends literal, by the last end reversed (with the first beside it)
    both: _Affixes[T] = field(default_factory=_Affixes)
    #: the same items by the first end, for names whose own last end is open
    both_by_first: _Affixes[T] = field(default_factory=_Affixes)

    def add(self, item: T, name: Sequence[object]) -> None:
        self.items.append(item)
        first, last = ends(name)
        if first and last:
            self.both.add(last[::-1], item, first)
            self.both_by_first.add(first, item, last)
        elif first:
            self.first_only.add(first, item, "")
        elif last:
            self.last_only.add(last[::-1], item, "")
        else:
            self.neither.append(item)
            if len(name) == 1 and isinstance(name[0], Unknown):
                self.whole.append(item)

    def agreeing(self, first: str, last: str) -> list[T]:
        """Items whose literal ends agree with ``first`` and ``last`` ("" agrees with any)."""
        found = list(self.neither)
        entries = self.first_only.matching(first) if first else self.first_only.every()
        entries += self.last_only.matching(last[::-1]) if last else self.last_only.every()
        if last:
            entries += [e for e in self.both.matching(last[::-1]) if _agree(e[1], first)]
        elif first:
            entries += self.both_by_first.matching(first)
        else:
            entries += self.both.every()
        return found + [item for item, _ in entries]
