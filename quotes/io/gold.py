"""Reading gold and prediction JSONL for evaluation, checked field by field before scoring."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .readers import InputError, decode

# field -> the types it may have (None: may be missing or null)
GOLD_DOC = {"id": (str, int), "text": (str,), "quotes": (list,)}
GOLD_QUOTE = {"start": (int,), "end": (int,), "text": (str,), "fragments": (list, type(None))}
PREDICTION = {"doc_id": (str, int), "start": (int,), "end": (int,), "text": (str,)}
_OPTIONAL = {"fragments"}


def _records(path: str) -> list[tuple[int, Any]]:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    records = []
    for number, line in enumerate(decode(data, path).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            records.append((number, json.loads(line)))
        except ValueError as exc:
            raise InputError(f"{path}:{number}: not valid JSON "
                             f"({getattr(exc, 'msg', exc)})") from None
    return records


def _check(record: Any, fields: dict[str, tuple], where: str) -> None:
    if not isinstance(record, dict):
        raise InputError(f"{where}: needs a JSON object, not {type(record).__name__}")
    for name, types in fields.items():
        if name not in record:
            if name in _OPTIONAL:
                continue
            raise InputError(f"{where}: needs a field {name!r}")
        value = record[name]
        if not isinstance(value, types) or isinstance(value, bool):
            wanted = " or ".join(t.__name__ for t in types if t is not type(None))
            raise InputError(f"{where}: field {name!r} must be {wanted}, "
                             f"not {type(value).__name__}")


def _check_span(record: dict, where: str) -> None:
    if not 0 <= record["start"] <= record["end"]:
        raise InputError(f"{where}: start {record['start']} and end {record['end']} "
                         "are not a span")
    for fragment in record.get("fragments") or ():
        if not (isinstance(fragment, list) and len(fragment) == 2
                and all(isinstance(x, int) and not isinstance(x, bool) for x in fragment)):
            raise InputError(f"{where}: fragments must be [start, end] pairs")


def read_gold(path: str) -> list[dict[str, Any]]:
    """Gold documents (id, text, quotes with start, end, text); InputError names the line."""
    docs = []
    for number, doc in _records(path):
        _check(doc, GOLD_DOC, f"{path}:{number}")
        for i, quote in enumerate(doc["quotes"], start=1):
            where = f"{path}:{number}: quote {i}"
            _check(quote, GOLD_QUOTE, where)
            _check_span(quote, where)
        docs.append(doc)
    return docs


def read_predictions(path: str) -> list[dict[str, Any]]:
    """Prediction records (doc_id, start, end, text, as quotes extract writes them)."""
    rows = []
    for number, row in _records(path):
        where = f"{path}:{number}"
        _check(row, PREDICTION, where)
        _check_span(row, where)
        rows.append(row)
    return rows
