"""Reading articles: txt files, folders, JSONL, CSV and stdin, decoded and checked."""
from __future__ import annotations

import csv
import json
import sys
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Iterable, Iterator

MAX_DOCUMENT_CHARS = 2_000_000    # ~300,000 words: longer texts are not news articles
TEXT_SUFFIXES = (".txt", ".text", ".md")


class InputError(Exception):
    """An input cannot be read; the message is one line naming the file and the fix."""


@dataclass
class Article:
    doc_id: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)


def decode(data: bytes, source: str) -> str:
    """Bytes to text: UTF-8 (with or without BOM); Windows-1252 with a warning; never binary."""
    if b"\x00" in data[:8192]:
        raise InputError(f"{source}: looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise InputError(f"{source}: not UTF-8 text (invalid byte at offset {exc.start}); "
                             "convert it to UTF-8 first") from None
        warnings.warn(f"{source}: not UTF-8 (invalid byte at offset {exc.start}); "
                      "read as Windows-1252", stacklevel=2)
        return text


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None


def read_articles(inputs: Iterable[str], *, text_column: str = "text", id_column: str = "id",
                  stdin: IO[bytes] | None = None,
                  skipped: list[str] | None = None) -> Iterator[Article]:
    """Yield articles from each input in turn, streaming JSONL and CSV row by row.

    A file named on its own that cannot be read raises :class:`InputError`; an unreadable file
    found inside a folder is reported in ``skipped`` (when given) and the rest are read.
    """
    for item in inputs:
        if item == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield Article("stdin", decode(stream.read(), "stdin"))
            continue
        path = Path(item)
        if not path.exists():
            raise InputError(f"{item}: no such file or directory")
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if p.suffix.lower() in TEXT_SUFFIXES
                           or p.suffix.lower() in (".jsonl", ".csv"))
            if not files:
                raise InputError(f"{item}: folder holds no .txt, .jsonl or .csv files")
            for file in files:
                try:
                    yield from read_articles([str(file)], text_column=text_column,
                                             id_column=id_column)
                except InputError as exc:
                    if skipped is None:
                        raise
                    skipped.append(str(exc))
            continue
        suffix = path.suffix.lower()
        if suffix == ".jsonl":
            yield from _read_jsonl(path, text_column, id_column)
        elif suffix == ".csv":
            yield from _read_csv(path, text_column, id_column)
        elif suffix in TEXT_SUFFIXES or suffix == "":
            yield Article(path.stem, decode(_read_bytes(path), str(path)))
        else:
            raise InputError(f"{item}: unknown input format {suffix!r} "
                             "(use .txt files, folders of them, .jsonl or .csv)")


def _stream_lines(path: Path, newline: str | None = None) -> Iterator[str]:
    """The lines of a text file, read as they are needed (memory stays flat on large inputs).

    UTF-8 (with or without BOM); a file that is not UTF-8 is read again as Windows-1252, with
    a warning, unless it looks binary.
    """
    try:
        with path.open("rb") as probe:
            head = probe.read(8192)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if b"\x00" in head:
        raise InputError(f"{path}: looks like a binary file, not text")
    try:
        with path.open(encoding="utf-8-sig", newline=newline) as handle:
            yield from handle
        return
    except UnicodeDecodeError as exc:
        failure = exc
    warnings.warn(f"{path}: not UTF-8 (invalid byte at offset {failure.start} of a line); "
                  "read as Windows-1252", stacklevel=3)
    raise _RetryAsCp1252()


class _RetryAsCp1252(Exception):
    pass


def _lines(path: Path, newline: str | None = None) -> Iterator[str]:
    done = 0
    try:
        for line in _stream_lines(path, newline):
            yield line
            done += 1
    except _RetryAsCp1252:
        # Continue after the lines already read: nothing is read twice.
        with path.open(encoding="cp1252", newline=newline) as handle:
            for number, line in enumerate(handle):
                if number >= done:
                    yield line


def _read_jsonl(path: Path, text_column: str, id_column: str) -> Iterator[Article]:
    for number, line in enumerate(_lines(path), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as exc:
            raise InputError(f"{path}:{number}: not valid JSON ({exc.msg})") from None
        if not isinstance(record, dict) or not isinstance(record.get(text_column), str):
            raise InputError(f"{path}:{number}: needs a string field {text_column!r}")
        doc_id = str(record.get(id_column) or f"{path.stem}-{number}")
        meta = {k: v for k, v in record.items() if k not in (text_column, id_column)
                and (v is None or isinstance(v, (str, int, float, bool)))}
        yield Article(doc_id, record[text_column], meta)


def _read_csv(path: Path, text_column: str, id_column: str) -> Iterator[Article]:
    csv.field_size_limit(MAX_DOCUMENT_CHARS + 1)
    reader = csv.DictReader(_lines(path, newline=""))
    if reader.fieldnames is None or text_column not in reader.fieldnames:
        raise InputError(f"{path}: no column {text_column!r} "
                         f"(columns: {', '.join(reader.fieldnames or [])}); use --text-column")
    for number, row in enumerate(reader, start=2):
        doc_id = str(row.get(id_column) or f"{path.stem}-{number - 1}")
        meta = {k: v for k, v in row.items() if k not in (text_column, id_column) and k}
        yield Article(doc_id, row[text_column] or "", meta)


def check_article(article: Article) -> str | None:
    """Why an article cannot be processed (one line), or None."""
    if not article.text.strip():
        return "empty document"
    if len(article.text) > MAX_DOCUMENT_CHARS:
        return (f"document too long ({len(article.text):,} characters, limit "
                f"{MAX_DOCUMENT_CHARS:,}): split it into articles")
    return None


def missing_inputs(inputs: Iterable[str]) -> list[str]:
    """Inputs that do not exist (checked before a run starts)."""
    return [item for item in inputs if item != "-" and not Path(item).exists()]
