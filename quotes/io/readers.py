"""Reading articles: txt files, folders, JSONL, CSV and stdin, decoded and checked."""
from __future__ import annotations

import csv
import json
import os
import re
import stat
import sys
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Callable, Iterable, Iterator

MAX_DOCUMENT_CHARS = 2_000_000    # ~300,000 words: longer texts are not news articles
# A CSV field may run past one article's limit (check_article then refuses that document with
# its reason); only a field far longer, an unclosed quote swallowing the file, stops a file.
MAX_CSV_FIELD = 16 * MAX_DOCUMENT_CHARS
TEXT_SUFFIXES = (".txt", ".text", ".md")
TABLE_SUFFIXES = (".jsonl", ".csv")
# Fields of every attribution record: a JSONL or CSV file whose rows have them all is the
# output of an earlier run (its "text" is a quotation), not a file of articles.
RECORD_FIELDS = frozenset({"doc_id", "quote_id", "kind", "text", "start", "end", "fragments"})
# How many records of a JSONL file are looked at to tell that --text-column names no field.
PROBE_RECORDS = 100
_LONE_CR = re.compile(r"(?<=\r)(?!\n)")

Report = Callable[[str], None]


class InputError(Exception):
    """An input cannot be read; the message is one line naming the file and the fix."""


@dataclass
class Article:
    doc_id: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)


def decode(data: bytes, source: str, warn: Report | None = None) -> str:
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
        _warn(warn, f"{source}: not UTF-8 (invalid byte at offset {exc.start}); "
                    "read as Windows-1252")
        return text


def _warn(warn: Report | None, message: str) -> None:
    if warn is not None:
        warn(message)
    else:
        warnings.warn(message, stacklevel=4)


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None


def read_articles(inputs: Iterable[str], *, text_column: str = "text", id_column: str = "id",
                  stdin: IO[bytes] | None = None, skip: Report | None = None,
                  warn: Report | None = None, exclude: Iterable[str] = ()) -> Iterator[Article]:
    """Yield articles from each input in turn, streaming JSONL and CSV row by row; every
    input is read once, so pipes and process substitutions work like files.

    Without ``skip`` any problem raises :class:`InputError`.  With it, a bad JSONL line or CSV
    row, and an unreadable file found inside a folder, are reported to ``skip`` (one line
    each) and the rest is read; a file named on its own that cannot be read still raises.
    Folders never yield hidden files, files named in ``exclude`` (a run's own output) or
    files that are earlier outputs.  ``warn`` receives the other warnings (default: the
    warnings module).
    """
    excluded = [str(e) for e in exclude]
    for item in inputs:
        if item == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield Article("stdin", decode(stream.read(), "stdin", warn))
            continue
        path = Path(item)
        if not path.exists():
            raise InputError(f"{item}: no such file or directory")
        if not path.is_dir():
            yield from _read_file(path, text_column, id_column, skip, warn)
            continue
        files = _folder_files(path, excluded, warn)
        if not files:
            raise InputError(f"{item}: folder holds no .txt, .jsonl or .csv files")
        for file in files:
            try:
                yield from _read_file(file, text_column, id_column, skip, warn)
            except InputError as exc:
                if skip is None:
                    raise
                skip(str(exc))


def _read_file(path: Path, text_column: str, id_column: str, skip: Report | None,
               warn: Report | None) -> Iterator[Article]:
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from _read_jsonl(path, text_column, id_column, skip, warn)
    elif suffix == ".csv":
        yield from _read_csv(path, text_column, id_column, skip, warn)
    elif suffix in TEXT_SUFFIXES or suffix == "":
        yield Article(path.stem, decode(_read_bytes(path), str(path), warn))
    else:
        raise InputError(f"{path}: unknown input format {suffix!r} "
                         "(use .txt files, folders of them, .jsonl or .csv)")


def _folder_files(folder: Path, exclude: list[str], warn: Report | None) -> list[Path]:
    files = []
    for path in sorted(folder.iterdir()):
        suffix = path.suffix.lower()
        # Hidden files include the temporary files of outputs being written.
        if path.name.startswith(".") or suffix not in TEXT_SUFFIXES + TABLE_SUFFIXES:
            continue
        if any(same_file(path, other) for other in exclude):
            continue
        if suffix in TABLE_SUFFIXES and is_record_file(path):
            _warn(warn, f"{path}: holds attribution records (an earlier output of quotes), "
                        "not articles; skipped")
            continue
        files.append(path)
    return files


def same_file(a: str | os.PathLike, b: str | os.PathLike) -> bool:
    """True when both name one file: the same path, or links to one file."""
    try:
        return os.path.samefile(a, b)
    except OSError:          # one of them does not exist (yet)
        return os.path.realpath(a) == os.path.realpath(b)


def _is_regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def is_record_file(path: Path) -> bool:
    """A regular JSONL/CSV file whose first row has every field of an attribution record."""
    if not _is_regular(path):
        return False       # a pipe cannot be looked into without consuming it
    try:
        with path.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
            first = next((line for line in handle if line.strip()), "")
    except OSError:
        return False
    if path.suffix.lower() == ".csv":
        fields = set(next(csv.reader([first]), []))
    else:
        try:
            record = json.loads(first)
        except ValueError:
            return False
        fields = set(record) if isinstance(record, dict) else set()
    return RECORD_FIELDS <= fields


def _raw_lines(path: Path) -> Iterator[bytes]:
    """The byte lines of a file, opened once and read as they are needed (memory stays flat
    on large inputs; a pipe is read only once)."""
    try:
        handle = path.open("rb")
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    with handle:
        if b"\x00" in handle.peek(8192)[:8192]:
            raise InputError(f"{path}: looks like a binary file, not text")
        first = True
        for raw in handle:
            if first and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            first = False
            yield raw


def _lines(path: Path, warn: Report | None) -> Iterator[tuple[int, str]]:
    """(line number, text) of a text file.  Lines are UTF-8; a line that is not (one pasted
    from another file) is read as Windows-1252, with one warning per file."""
    warned = False
    for number, raw in enumerate(_raw_lines(path), start=1):
        try:
            yield number, raw.decode("utf-8")
            continue
        except UnicodeDecodeError as exc:
            failure = exc
        try:
            line = raw.decode("cp1252")
        except UnicodeDecodeError:
            # Neither: a damaged byte in UTF-8 text.  The line keeps its other characters.
            line = raw.decode("utf-8", errors="replace")
            _warn(warn, f"{path}:{number}: invalid UTF-8 (byte {failure.start} of the line); "
                        "read with replacement characters")
            yield number, line
            continue
        if not warned:
            _warn(warn, f"{path}: not UTF-8 (invalid byte at offset {failure.start} of line "
                        f"{number}); read such lines as Windows-1252")
            warned = True
        yield number, line


def _problem(skip: Report | None, message: str) -> None:
    if skip is None:
        raise InputError(message)
    skip(message)


def _jsonl_problem(record: Any, text_column: str) -> str | None:
    if not isinstance(record, dict):
        return f"not a JSON object (a {type(record).__name__})"
    if text_column not in record:
        return f"needs a string field {text_column!r} (it has none)"
    if not isinstance(record[text_column], str):
        return (f"needs a string field {text_column!r} "
                f"(it is {type(record[text_column]).__name__})")
    return None


def _read_jsonl(path: Path, text_column: str, id_column: str, skip: Report | None,
                warn: Report | None) -> Iterator[Article]:
    for number, line in _lines(path, warn):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as exc:
            _problem(skip, f"{path}:{number}: not valid JSON ({getattr(exc, 'msg', exc)})")
            continue
        problem = _jsonl_problem(record, text_column)
        if problem:
            _problem(skip, f"{path}:{number}: {problem}")
            continue
        doc_id = str(record.get(id_column) or f"{path.stem}-{number}")
        meta = {k: v for k, v in record.items() if k not in (text_column, id_column)
                and (v is None or isinstance(v, (str, int, float, bool)))}
        yield Article(doc_id, record[text_column], meta)


def _csv_lines(path: Path, warn: Report | None) -> Iterator[str]:
    # Lines end at \n; a lone \r (old Mac files) ends one too, as text mode with newline="".
    for _, line in _lines(path, warn):
        if "\r" in line:
            yield from (piece for piece in _LONE_CR.split(line) if piece)
        else:
            yield line


def _csv_header_problem(path: Path, fieldnames: list[str] | None, text_column: str) -> str | None:
    if fieldnames is None or text_column not in fieldnames:
        return (f"{path}: no column {text_column!r} "
                f"(columns: {', '.join(fieldnames or [])}); use --text-column")
    return None


def _read_csv(path: Path, text_column: str, id_column: str, skip: Report | None,
              warn: Report | None) -> Iterator[Article]:
    csv.field_size_limit(MAX_CSV_FIELD)
    reader = csv.DictReader(_csv_lines(path, warn))
    try:
        fieldnames = reader.fieldnames
    except csv.Error as exc:
        raise InputError(f"{path}: not valid CSV ({exc})") from None
    problem = _csv_header_problem(path, fieldnames, text_column)
    if problem:
        raise InputError(problem)
    number = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            # The parser cannot find the next row's start again: the rest of the file goes.
            _problem(skip, f"{path}:{reader.line_num}: not valid CSV ({exc}); "
                           "rest of the file skipped")
            return
        number += 1
        doc_id = str(row.get(id_column) or f"{path.stem}-{number - 1}")
        meta = {k: v for k, v in row.items() if k not in (text_column, id_column) and k}
        yield Article(doc_id, row[text_column] or "", meta)


def distinct_ids(articles: Iterable[Article], warn: Report | None = None) -> Iterator[Article]:
    """The articles, each id used once: a repeated id becomes ``id#2``, ``id#3`` … (with a
    warning), so that every article keeps its own records and a resumed run its place."""
    seen: dict[str, int] = {}
    for article in articles:
        doc_id = article.doc_id
        if doc_id in seen:
            n = seen[doc_id]
            while f"{doc_id}#{n + 1}" in seen:
                n += 1
            seen[doc_id] = n + 1
            article = Article(f"{doc_id}#{n + 1}", article.text, article.meta)
            _warn(warn, f"{doc_id}: id used again; this one is {article.doc_id}")
        seen[article.doc_id] = 1
        yield article


def check_article(article: Article) -> str | None:
    """Why an article cannot be processed (one line), or None."""
    if not article.text.strip():
        return "empty document"
    if len(article.text) > MAX_DOCUMENT_CHARS:
        return (f"document too long ({len(article.text):,} characters, limit "
                f"{MAX_DOCUMENT_CHARS:,}): split it into articles")
    return None


def check_inputs(inputs: Iterable[str], *, text_column: str = "text") -> None:
    """Raise :class:`InputError` before a run starts for inputs that cannot work: missing,
    of an unknown format, binary, or a named CSV/JSONL file without the text column.

    Pipes are not looked into (they can be read only once); folders are read leniently.
    """
    for item in inputs:
        if item == "-":
            continue
        path = Path(item)
        if not path.exists():
            raise InputError(f"{item}: no such file or directory")
        if path.is_dir() or not _is_regular(path):
            continue
        suffix = path.suffix.lower()
        if suffix not in TEXT_SUFFIXES + TABLE_SUFFIXES + ("",):
            raise InputError(f"{item}: unknown input format {suffix!r} "
                             "(use .txt files, folders of them, .jsonl or .csv)")
        lines = _raw_lines(path)
        try:
            first = next(lines, b"")        # raises for binary and unreadable files
        finally:
            lines.close()
        if suffix == ".csv":
            header = next(csv.reader([first.decode("utf-8", errors="replace")]), None)
            problem = _csv_header_problem(path, header, text_column)
            if problem:
                raise InputError(problem)
        elif suffix == ".jsonl":
            _check_jsonl_field(path, text_column)


def _check_jsonl_field(path: Path, text_column: str) -> None:
    """A JSONL file none of whose first records has the text field: --text-column is wrong."""
    fields: list[str] = []
    records = 0
    with path.open(encoding="utf-8", errors="replace") as handle:
        for line in handle:
            if records >= PROBE_RECORDS:
                break
            try:
                record = json.loads(line) if line.strip() else None
            except ValueError:
                continue
            if isinstance(record, dict):
                records += 1
                if text_column in record:
                    return
                fields.extend(k for k in record if k not in fields)
    if records:
        raise InputError(f"{path}: no field {text_column!r} in its records "
                         f"(fields: {', '.join(fields)}); use --text-column")


def count_articles(inputs: Iterable[str], *, exclude: Iterable[str] = ()) -> int | None:
    """How many articles the inputs hold, when that is cheap to know (text files, JSONL
    lines); None for stdin, pipes and CSV (whose rows may span lines)."""
    excluded = [str(e) for e in exclude]
    total = 0
    for item in inputs:
        path = Path(item)
        if item == "-" or not path.exists():
            return None
        files = _folder_files(path, excluded, lambda _: None) if path.is_dir() else [path]
        for file in files:
            suffix = file.suffix.lower()
            if suffix == ".csv" or not _is_regular(file):
                return None
            if suffix == ".jsonl":
                with file.open("rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            else:
                total += 1
    return total

