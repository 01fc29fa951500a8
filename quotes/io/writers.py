"""Writing outputs: JSONL/CSV rows, and whole files written atomically (temporary file, rename)."""
from __future__ import annotations

import csv
import json
import os
import sys
import tempfile
import threading
from typing import IO, Any, Iterable

from .readers import InputError, same_file

ROW_FORMATS = ("jsonl", "csv")
_UMASK_LOCK = threading.Lock()


def current_umask() -> int:
    """The process umask, read without changing it where the system allows (Linux /proc);
    elsewhere set and restored at once under a lock."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    with _UMASK_LOCK:
        mask = os.umask(0o022)
        os.umask(mask)
    return mask


def file_mode() -> int:
    """The mode a newly created file gets: what open() would give it."""
    return 0o666 & ~current_umask()


def check_target(target: str, inputs: Iterable[str] = ()) -> None:
    """Raise :class:`InputError` now, before any work, when ``target`` cannot be an output:
    a folder, in a folder that does not exist, or one of the ``inputs`` (written over)."""
    if target == "-":
        return
    if os.path.isdir(target):
        raise InputError(f"{target}: is a directory; name a file to write")
    directory = os.path.dirname(os.path.abspath(target))
    if not os.path.isdir(directory):
        raise InputError(f"{target}: folder {directory} does not exist")
    for item in inputs:
        if item != "-" and not os.path.isdir(item) and same_file(item, target):
            raise InputError(f"{target}: is also an input ({item}); write the output elsewhere")


def encode_cell(value: Any) -> Any:
    """A CSV cell: lists (fragments) as JSON, everything else as it is."""
    return json.dumps(value) if isinstance(value, (list, tuple)) else value


class RowWriter:
    """Rows as JSON lines or CSV (the given columns; lists as JSON) onto an open text handle."""

    def __init__(self, handle: IO[str], fmt: str, columns: Iterable[str] = (), *,
                 header: bool = True) -> None:
        if fmt not in ROW_FORMATS:
            raise ValueError(f"unknown row format {fmt!r}")
        self.handle = handle
        self.columns = list(columns)
        self._csv = None
        if fmt == "csv":
            self._csv = csv.DictWriter(handle, fieldnames=self.columns, extrasaction="ignore")
            if header:
                self._csv.writeheader()

    def write(self, row: dict) -> None:
        if self._csv is not None:
            self._csv.writerow({k: encode_cell(v) for k, v in row.items()})
        else:
            self.handle.write(json.dumps(row, ensure_ascii=False) + "\n")

    def write_all(self, rows: Iterable[dict]) -> int:
        count = 0
        for row in rows:
            self.write(row)
            count += 1
        return count


class AtomicWriter:
    """Write to a temporary file beside the target and rename it into place on success.

    The file gets the mode any new file gets (the umask's), not the temporary file's 0600.
    """

    def __init__(self, target: str, *, newline: str | None = None) -> None:
        self.target = target
        self.newline = newline
        self._handle: IO[str] | None = None
        self._tmp: str | None = None

    def __enter__(self) -> IO[str]:
        if self.target == "-":
            return sys.stdout
        check_target(self.target)
        directory = os.path.dirname(os.path.abspath(self.target))
        try:
            fd, self._tmp = tempfile.mkstemp(prefix=".quotes-", dir=directory)
        except OSError as exc:
            raise InputError(f"{self.target}: cannot write ({exc.strerror})") from None
        self._handle = os.fdopen(fd, "w", encoding="utf-8", newline=self.newline)
        return self._handle

    def __exit__(self, exc_type, exc, tb) -> None:
        if self._handle is None:
            return
        try:
            self._handle.close()
            if exc_type is None:
                os.chmod(self._tmp, file_mode())
                os.replace(self._tmp, self.target)
        except OSError as error:
            raise named_error(error, self.target) from None
        finally:
            if os.path.exists(self._tmp):
                os.unlink(self._tmp)
        if isinstance(exc, OSError) and not exc.filename:
            raise named_error(exc, self.target) from None


def named_error(error: OSError, target: str) -> OSError:
    """A write error (which names no file) naming the output it failed to write."""
    if error.filename:
        return error
    return OSError(error.errno, error.strerror or str(error), target)
