"""The typed error loaders raise; the engine turns it into an entry in ``errors``."""

from __future__ import annotations


class LoadError(Exception):
    """A file that looks like infrastructure but cannot be read (or read only in part).

    ``message`` says what is wrong and what to do next; ``line`` is 1-based when known.
    """

    def __init__(self, file: str, line: int | None, message: str) -> None:
        super().__init__(f"{file}:{line or '?'}: {message}")
        self.file = file
        self.line = line
        self.message = message
