"""Streaming output: rows written document by document, renamed into place when the run ends.

A run writes ``FILE.partial`` and a progress log ``FILE.progress`` (one line per finished
document: its id and the size of the partial file after it).  A clean end renames the partial
file to ``FILE`` and removes the log; an interrupted run leaves both, and ``resume=True`` cuts
the partial file back to the last finished document and skips the documents already done.
"""
from __future__ import annotations

import csv
import json
import os
import sys
from typing import Any, Iterable

from .readers import InputError

STREAMING_FORMATS = ("jsonl", "csv")


def _encode(value: Any) -> Any:
    return json.dumps(value) if isinstance(value, (list, tuple)) else value


class RecordSink:
    def __init__(self, target: str, fmt: str, columns: Iterable[str], *, resume: bool = False):
        self.target = target
        self.fmt = fmt
        self.columns = list(columns)
        self.done: set[str] = set()
        self.rows_written = 0
        self._to_stdout = target == "-"
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
        self._csv = None
        if fmt == "csv":
            self._csv = csv.DictWriter(self._handle, fieldnames=self.columns,
                                       extrasaction="ignore")
            if self._to_stdout or self._handle.tell() == 0:
                self._csv.writeheader()

    def _open(self, resume: bool) -> None:
        offset = 0
        if resume and os.path.exists(self.partial) and os.path.exists(self.log):
            with open(self.log, encoding="utf-8") as log:
                for line in log:
                    doc_id, _, size = line.rstrip("\n").rpartition("\t")
                    if size.isdigit():
                        self.done.add(doc_id)
                        offset = int(size)
            with open(self.partial, "r+b") as partial:
                partial.truncate(offset)       # drop a document cut off mid-write
        else:
            for path in (self.partial, self.log):
                if os.path.exists(path):
                    os.unlink(path)
        self._handle = open(self.partial, "a", encoding="utf-8",
                            newline="" if self.fmt == "csv" else None)
        self._progress = open(self.log, "a", encoding="utf-8")

    def write_document(self, doc_id: str, rows: list[dict]) -> None:
        for row in rows:
            if self._csv is not None:
                self._csv.writerow({k: _encode(v) for k, v in row.items()})
            else:
                self._handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        self.rows_written += len(rows)
        self._handle.flush()
        if self._progress is not None:
            self._progress.write(f"{doc_id}\t{self._handle.tell()}\n")
            self._progress.flush()

    def close(self, *, complete: bool) -> None:
        if self._to_stdout:
            self._handle.flush()
            return
        self._handle.close()
        self._progress.close()
        if complete:
            os.replace(self.partial, self.target)
            os.unlink(self.log)
