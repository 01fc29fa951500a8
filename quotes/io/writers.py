"""Writing outputs atomically: a temporary file beside the target, renamed into place on success."""
from __future__ import annotations

import os
import sys
import tempfile
from typing import IO

from .readers import InputError


class AtomicWriter:
    """Write to a temporary file beside the target and rename it into place on success."""

    def __init__(self, target: str, *, newline: str | None = None) -> None:
        self.target = target
        self.newline = newline
        self._handle: IO[str] | None = None
        self._tmp: str | None = None

    def __enter__(self) -> IO[str]:
        if self.target == "-":
            return sys.stdout
        directory = os.path.dirname(os.path.abspath(self.target))
        if not os.path.isdir(directory):
            raise InputError(f"{self.target}: folder {directory} does not exist")
        try:
            fd, self._tmp = tempfile.mkstemp(prefix=".quotes-", dir=directory)
        except OSError as exc:
            raise InputError(f"{self.target}: cannot write ({exc.strerror})") from None
        self._handle = os.fdopen(fd, "w", encoding="utf-8", newline=self.newline)
        return self._handle

    def __exit__(self, exc_type, exc, tb) -> None:
        if self._handle is None:
            return
        self._handle.close()
        if exc_type is None:
            os.replace(self._tmp, self.target)
        else:
            os.unlink(self._tmp)
