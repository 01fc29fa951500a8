"""Streaming output: rows written document by document, renamed into place when the run ends.

A run writes ``FILE.partial`` and a progress log ``FILE.progress``: a header line (the format
and columns) and one line per finished document, its id (as JSON) and the size of the partial
file after it.  A clean end renames the partial file to ``FILE`` and removes the log; an
interrupted run leaves both, and ``resume=True`` cuts the partial file back to the last
document the log vouches for and skips the documents already done.  A log line torn by the
interruption is dropped (its document is processed again), and a run is resumed only in the
format it was started in.
"""
from __future__ import annotations

import json
import os
import sys
import warnings
from dataclasses import dataclass
from typing import Callable, Iterable

from .readers import InputError
from .writers import ROW_FORMATS, RowWriter, named_error

STREAMING_FORMATS = ROW_FORMATS
LOG_HEADER = "# quotes progress "


@dataclass
class _Log:
    """What a progress log vouches for."""

    fmt: str | None              # None: a log from before the header line
    columns: list[str] | None
    done: list[str]
    offset: int                  # size of the partial file after the last finished document
    size: int                    # bytes of the log that are whole lines
    torn: str | None = None      # the line dropped, if one was torn


def _read_log(path: str, partial_size: int) -> _Log:
    with open(path, "rb") as handle:
        data = handle.read()
    log = _Log(fmt=None, columns=None, done=[], offset=0, size=0)
    position = 0
    for raw in data.splitlines(keepends=True):
        line = raw.decode("utf-8", errors="replace")
        entry = _parse_line(line, log, partial_size) if raw.endswith(b"\n") else None
        if entry is False:            # a header
            position += len(raw)
            log.size = position
            continue
        if entry is None:
            # Everything from the first line that does not parse is not vouched for.
            log.torn = line.rstrip("\n")
            break
        doc_id, offset = entry
        log.done.append(doc_id)
        log.offset = offset
        position += len(raw)
        log.size = position
    return log


def _parse_line(line: str, log: _Log, partial_size: int):
    """(doc id, offset) of a document line, False for the header, None for a torn line."""
    if line.startswith(LOG_HEADER) and not log.done and log.fmt is None:
        try:
            header = json.loads(line[len(LOG_HEADER):])
            log.fmt, log.columns = header["format"], list(header["columns"])
        except (ValueError, KeyError, TypeError):
            return None
        return False
    name, _, size = line.rstrip("\n").rpartition("\t")
    if not size.isdigit() or not name or int(size) < log.offset or int(size) > partial_size:
        return None
    if log.fmt is None:
        return name, int(size)            # old logs wrote the id as it is
    try:
        doc_id = json.loads(name)
    except ValueError:
        return None
    return (doc_id, int(size)) if isinstance(doc_id, str) else None


def _guess_format(partial: str) -> str | None:
    """The format of a partial file written before logs named it: JSON lines start with {."""
    with open(partial, "rb") as handle:
        head = handle.read(1)
    return None if not head else ("jsonl" if head == b"{" else "csv")


def check_resume(target: str, fmt: str) -> _Log | None:
    """What the interrupted run into ``target`` left (None: nothing to resume); raises
    :class:`InputError` when it wrote another format than ``fmt``."""
    partial, log_path = target + ".partial", target + ".progress"
    if not (os.path.exists(partial) and os.path.exists(log_path)):
        return None
    try:
        log = _read_log(log_path, os.path.getsize(partial))
        started = log.fmt or _guess_format(partial)
    except OSError as exc:
        raise InputError(f"{target}: cannot resume ({exc.strerror or exc})") from None
    if started is not None and started != fmt:
        raise InputError(f"{target}: the interrupted run wrote {started}; resume it with "
                         f"-f {started}, or start again without --resume")
    return log


class RecordSink:
    def __init__(self, target: str, fmt: str, columns: Iterable[str], *, resume: bool = False,
                 warn: Callable[[str], None] | None = None):
        self.target = target
        self.fmt = fmt
        self.columns = list(columns)
        self.done: set[str] = set()
        self.rows_written = 0
        self._warn = warn or (lambda message: warnings.warn(message, stacklevel=3))
        self._to_stdout = target == "-"
        self._written = 0             # documents logged by this run
        if self._to_stdout:
            self._handle = sys.stdout
            self._progress = None
        else:
            directory = os.path.dirname(os.path.abspath(target))
            if not os.path.isdir(directory):
                raise InputError(f"{target}: folder {directory} does not exist")
            self.partial, self.log = target + ".partial", target + ".progress"
            try:
                self._open(resume)
            except OSError as exc:
                raise InputError(f"{target}: cannot write ({exc.strerror})") from None
        header = self._to_stdout or self._handle.tell() == 0
        self._rows = RowWriter(self._handle, fmt, self.columns, header=header)

    def _open(self, resume: bool) -> None:
        if resume and os.path.exists(self.partial) and os.path.exists(self.log):
            self._resume()
            return
        for path in (self.partial, self.log):
            if os.path.exists(path):
                os.unlink(path)
        self._handle = open(self.partial, "a", encoding="utf-8",
                            newline="" if self.fmt == "csv" else None)
        self._progress = open(self.log, "a", encoding="utf-8")
        header = {"format": self.fmt, "columns": self.columns}
        self._progress.write(LOG_HEADER + json.dumps(header, ensure_ascii=False) + "\n")
        self._progress.flush()

    def _resume(self) -> None:
        log = check_resume(self.target, self.fmt)
        if log.torn is not None:
            # The log line is written after the document's rows: its rows are cut off below.
            self._warn(f"{self.log}: torn last line {log.torn[:60]!r} ignored; its document is "
                       "processed again")
        if log.columns is not None and self.fmt == "csv":
            self.columns = log.columns    # the header already written decides the columns
        self.done = set(log.done)
        with open(self.log, "r+b") as handle:
            handle.truncate(log.size)      # appending after a torn line would garble both
        with open(self.partial, "r+b") as partial:
            partial.truncate(log.offset)   # drop a document cut off mid-write
        self._handle = open(self.partial, "a", encoding="utf-8",
                            newline="" if self.fmt == "csv" else None)
        self._progress = open(self.log, "a", encoding="utf-8")

    def write_document(self, doc_id: str, rows: list[dict]) -> None:
        try:
            self.rows_written += self._rows.write_all(rows)
            self._handle.flush()
            if self._progress is not None:
                self._progress.write(f"{json.dumps(doc_id, ensure_ascii=False)}\t"
                                     f"{self._handle.tell()}\n")
                self._progress.flush()
                self._written += 1
        except OSError as error:
            if self._to_stdout:
                raise
            raise named_error(error, self.target) from None

    def close(self, *, complete: bool) -> None:
        if self._to_stdout:
            self._handle.flush()
            return
        self._handle.close()
        self._progress.close()
        if complete:
            os.replace(self.partial, self.target)
            os.unlink(self.log)

    def abort(self) -> None:
        """End a run that failed: keep what a resume can use, remove files that hold nothing."""
        try:
            self.close(complete=False)
        except OSError:
            pass        # the failure being handled may be this very output's (a full disk)
        if not self._to_stdout and not self._written and not self.done:
            for path in (self.partial, self.log):
                if os.path.exists(path):
                    os.unlink(path)
