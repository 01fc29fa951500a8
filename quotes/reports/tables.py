"""Reports over attribution records: speaker index and tables, sourcing audits, checks, reviews."""
from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from typing import Any, Iterable, Mapping

import click
import pandas as pd

from ..parse.paragraphs import paragraphs
from ..records import COLUMNS
from ..speakers.anonymity import NO_CLASS
from ..speakers.polls import POLL_RESPONDENTS

SPEAKER_COLUMNS = ("speaker_name", "speaker_type", "anonymity", "roles", "attributions",
                   "articles", "first_doc_id", "last_doc_id", "file")
TABLE_COLUMNS = ("doc_id", "quote_id", "kind", "text", "cue", "speaker", "speaker_role",
                 "start", "end", "speaker_start", "speaker_end")
CHECKED_FIELDS = ("speaker_name", "anonymity", "kind", "cue")
TOTAL = "TOTAL"
INDEX_FILE = "speakers.csv"     # the speaker index, beside the per-speaker files
REVIEW_WIDTH = 300          # characters of context shown per attribution in a review

# Letters that Unicode does not decompose into ASCII base + accent.
_FOLD = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss",
                       "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i", "þ": "th"})
# A sentence ends at . ! ? or … with any closing quotation marks or brackets after it.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*(?=\s|$)")
_STYLES = {"quote": {"fg": "green"}, "cue": {"fg": "yellow"}, "speaker": {"fg": "cyan"},
           "anonymous": {"fg": "red", "bold": True}}


def _missing(value: Any) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def _get(record: Any, field: str) -> Any:
    """A field of an Attribution, a dict or a DataFrame row, with NaN read as None."""
    value = record.get(field) if isinstance(record, Mapping) else getattr(record, field, None)
    return None if _missing(value) else value


def _mode(values: Iterable[Any]) -> Any:
    """The most frequent non-missing value; ties go to the one seen first."""
    counts = Counter(v for v in values if not _missing(v))
    return max(counts, key=counts.__getitem__) if counts else None


def slugify(name: str) -> str:
    """A lowercase ASCII file-name stem: 'Jean-Noël Barrot' -> 'jean-noel-barrot'."""
    folded = unicodedata.normalize("NFKD", str(name).translate(_FOLD))
    ascii_only = folded.encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")[:80].strip("-")


def unique_slugs(names: Iterable[str], suffix: str = "", empty: str = "speaker",
                 reserved: Iterable[str] = ()) -> dict[str, str]:
    """Slug per distinct name; clashes (with each other or a ``reserved`` slug) get -2, -3 ...
    in sorted order of the names."""
    result: dict[str, str] = {}
    taken: set[str] = set(reserved)
    for name in sorted({"" if _missing(n) else str(n) for n in names}):
        base = slugify(name) or empty
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        result[name] = slug + suffix
    return result


def speaker_slugs(names: Iterable[str]) -> dict[str, str]:
    """CSV file name per speaker name, the same for the same set of names; never the index's
    name (a speaker called "Speakers" gets speakers-2.csv)."""
    return unique_slugs(names, ".csv", reserved=(INDEX_FILE.removesuffix(".csv"),))


def _attributed(frame: pd.DataFrame, speaker_type: str | None, named_only: bool) -> pd.DataFrame:
    # Scare quotes have no speaker by definition; a row without a canonical name has no file.
    rows = frame[(frame["kind"] != "scare") & frame["speaker_name"].notna()]
    rows = rows[rows["speaker_name"].astype(str).str.strip() != ""]
    if speaker_type is not None:
        rows = rows[rows["speaker_type"] == speaker_type]
    if named_only:
        rows = rows[rows["anonymity"] == "named"]
    return rows


def speaker_index(frame: pd.DataFrame, *, min_quotes: int = 1, speaker_type: str | None = None,
                  named_only: bool = False) -> pd.DataFrame:
    """One row per canonical speaker, most quoted first.

    Unnamed and anonymous descriptions ("a senior official") keep one row each rather than
    being pooled into one "Anonymous": the description is what a reader can check.
    """
    # File names come from every speaker in the frame, so filters never rename a file.
    files = speaker_slugs(_attributed(frame, None, False)["speaker_name"])
    rows = []
    for name, group in _attributed(frame, speaker_type, named_only).groupby(
            "speaker_name", sort=False):
        if len(group) < min_quotes:
            continue
        docs = group["doc_id"].tolist()
        rows.append({
            "speaker_name": name, "speaker_type": _mode(group["speaker_type"]),
            "anonymity": _mode(group["anonymity"]),
            "roles": "; ".join(dict.fromkeys(r for r in group["speaker_role"] if not _missing(r))),
            "attributions": len(group), "articles": len(set(docs)),
            "first_doc_id": docs[0], "last_doc_id": docs[-1], "file": files[str(name)]})
    rows.sort(key=lambda r: (-r["attributions"], str(r["speaker_name"]).casefold()))
    return pd.DataFrame(rows, columns=list(SPEAKER_COLUMNS))


def speaker_tables(frame: pd.DataFrame, *, min_quotes: int = 1, speaker_type: str | None = None,
                   named_only: bool = False) -> dict[str, pd.DataFrame]:
    """File name -> that speaker's attributions, in input order, for per-speaker CSVs."""
    index = speaker_index(frame, min_quotes=min_quotes, speaker_type=speaker_type,
                          named_only=named_only)
    rows = _attributed(frame, speaker_type, named_only)
    return {file: rows[rows["speaker_name"] == name].reindex(columns=list(TABLE_COLUMNS))
            .reset_index(drop=True) for name, file in zip(index["speaker_name"], index["file"])}


def _label(value: Any) -> str:
    return "(none)" if _missing(value) else str(value)


def _counts(rows: pd.DataFrame) -> dict[str, Any]:
    # Scare quotes are the writer's distance from a word, not sourcing: counted apart.
    real = rows[rows["kind"] != "scare"]
    anonymity = real["anonymity"]
    n, named = len(real), int((anonymity == "named").sum())
    unnamed, anonymous = int((anonymity == "unnamed").sum()), int((anonymity == "anonymous").sum())
    evidence = real.loc[anonymity == "anonymous", "anonymity_evidence"]
    unresolved = int((real["anonymity_evidence"].isin(NO_CLASS) & anonymity.isna()).sum()) \
        if "anonymity_evidence" in real else 0
    # "64 percent said": a poll's findings, no sources of the article's (no class either)
    polled = int((real["anonymity_evidence"] == POLL_RESPONDENTS).sum()) \
        if "anonymity_evidence" in real else 0
    documents = real["speaker_type"] == "document" if "speaker_type" in real else None
    sources = _sources(real)
    return {"attributions": n, "named": named, "unnamed": unnamed, "anonymous": anonymous,
            "unresolved": unresolved, "poll_respondents": polled,
            "document": int(documents.sum()) if documents is not None else 0,
            "anonymous_share": anonymous / n if n else 0.0,
            "unnamed_or_anonymous_share": (unnamed + anonymous) / n if n else 0.0,
            "sources_named": sources["named"], "sources_unnamed": sources["unnamed"],
            "sources_anonymous": sources["anonymous"], "sources_document": sources["document"],
            "scare_excluded": len(rows) - n,
            "evidence": "; ".join(dict.fromkeys(e for e in evidence if not _missing(e)))}


def _sources(real: pd.DataFrame) -> dict[str, int]:
    """Distinct sources per class: one per speaker entity of an article (its speaker name
    where records carry no entity), however often it is quoted."""
    counts = {"named": 0, "unnamed": 0, "anonymous": 0, "document": 0}
    seen: set[tuple] = set()
    for _, row in real.iterrows():
        entity = _get(row, "speaker_entity")
        if _missing(entity):
            entity = _get(row, "speaker_name")
        cls = _get(row, "anonymity")
        if _missing(entity) or _missing(cls):
            continue
        key = (_get(row, "doc_id"), entity)
        if key in seen:
            continue
        seen.add(key)
        counts[cls] = counts.get(cls, 0) + 1
        if _get(row, "speaker_type") == "document":
            counts["document"] += 1
    return counts


def audit(frame: pd.DataFrame, *, documents: Iterable[str] | None = None,
          by: str | None = None) -> tuple[pd.DataFrame, dict[str, Any]]:
    """Per-article (or per-``by`` group) anonymous-sourcing table with a TOTAL row, and totals.

    ``documents`` lists every article of the corpus, so that articles without any
    attribution appear with zeros (they are part of what an audit reports).
    """
    key = by or "doc_id"
    if key not in frame.columns:
        available = ["doc_id"] + [c for c in frame.columns if c not in COLUMNS]
        raise ValueError(f"unknown field {key!r} (available: {', '.join(available)})")
    labels = frame[key].map(_label)
    doc_ids = [_label(d) for d in frame["doc_id"]] + [str(d) for d in documents or ()]
    order = list(dict.fromkeys(([str(d) for d in documents or ()] if by is None else [])
                               + labels.tolist()))
    with_title = by is None and "title" in frame.columns
    rows = []
    for value in order + [TOTAL]:
        group = frame if value == TOTAL else frame[labels == value]
        row: dict[str, Any] = {key: value}
        if with_title:
            row["title"] = "" if value == TOTAL else next(
                (str(t) for t in group["title"] if not _missing(t)), "")
        if by is not None:
            row["articles"] = len(set(doc_ids) if value == TOTAL else set(group["doc_id"]))
        rows.append({**row, **_counts(group)})
    table = pd.DataFrame(rows)
    body = table[table[key] != TOTAL]
    total = rows[-1]
    totals = {"documents": len(set(doc_ids)), "attributions": total["attributions"],
              "named": total["named"], "unnamed": total["unnamed"],
              "anonymous": total["anonymous"], "unresolved": total["unresolved"],
              "poll_respondents": total["poll_respondents"], "document": total["document"],
              "sources_named": total["sources_named"],
              "sources_unnamed": total["sources_unnamed"],
              "sources_anonymous": total["sources_anonymous"],
              "sources_document": total["sources_document"],
              "scare_excluded": total["scare_excluded"],
              "max_anonymous_share": float(body["anonymous_share"].max()) if len(body) else 0.0}
    return table, totals


def failing_articles(audit_frame: pd.DataFrame, share: float) -> list[str]:
    """Keys (doc ids, or group values) whose anonymous share is above ``share``."""
    key = audit_frame.columns[0]
    over = audit_frame[(audit_frame[key] != TOTAL) & (audit_frame["anonymous_share"] > share)]
    return [str(k) for k in over[key]]


def _norm(text: Any) -> str:
    return " ".join(str(text).split())


def _cell(value: Any) -> str:
    return "" if _missing(value) else str(value).strip()


def check_against(records: list, expected: pd.DataFrame) -> list[dict[str, Any]]:
    """Problems found comparing one article's records to expected rows; [] when all agree."""
    # Scare quotes are matched only by rows that expect one (kind "scare"); otherwise they
    # are neither expected nor unexpected.
    wants_scare = "kind" in expected.columns and (expected["kind"] == "scare").any()
    pool = [r for r in records if _get(r, "kind") != "scare" or wants_scare]
    fields = [f for f in CHECKED_FIELDS if f in expected.columns]
    used: set[int] = set()
    problems: list[dict[str, Any]] = []
    for row in expected.to_dict("records"):
        needle = _norm(_cell(row.get("text")))
        scare_row = _cell(row.get("kind")) == "scare"
        hit = next((i for i, r in enumerate(pool)
                    if i not in used and needle in _norm(_get(r, "text") or "")
                    and (_get(r, "kind") == "scare") == scare_row), None)
        if hit is None:
            problems.append({"problem": "missing", "text": needle, "field": None,
                             "expected": None, "found": None})
            continue
        used.add(hit)
        for field in fields:
            want, found = _cell(row.get(field)), _get(pool[hit], field)
            if want and _norm(want) != _norm(found if found is not None else ""):
                problems.append({"problem": "mismatch", "text": needle, "field": field,
                                 "expected": want, "found": found})
    problems += [{"problem": "unexpected", "text": _get(r, "text"), "field": None,
                  "expected": None, "found": _get(r, "speaker_name")}
                 for i, r in enumerate(pool) if i not in used and _get(r, "kind") != "scare"]
    return problems


def _paint(text: str, style: str | None, color: bool) -> str:
    return click.style(text, **_STYLES[style]) if color and style else text


def _spans(record: Any) -> list[tuple[int, int, str]]:
    """(start, end, style) of a record's content, cue and speaker; later ones win overlaps."""
    pieces = [tuple(p) for p in _get(record, "fragments") or ()] or [
        (_get(record, "start"), _get(record, "end"))]
    spans = [(a, b, "quote") for a, b in pieces]
    spans.append((_get(record, "cue_start"), _get(record, "cue_end"), "cue"))
    anonymous = _get(record, "anonymity") == "anonymous"
    spans.append((_get(record, "speaker_start"), _get(record, "speaker_end"),
                  "anonymous" if anonymous else "speaker"))
    return [(int(a), int(b), s) for a, b, s in spans if a is not None and b is not None and a < b]


def _window(text: str, lo: int, hi: int) -> tuple[int, int]:
    """From the sentence start before ``lo`` to the sentence end after ``hi``, within paragraphs."""
    bounds = [(p.start, p.end) for p in paragraphs(text)] or [(0, len(text))]
    first = max([a for a, _ in bounds if a <= lo] or [0])
    last = min([b for _, b in bounds if b >= hi] or [len(text)])
    left = max([m.end() for m in _SENTENCE_END.finditer(text, first, lo)] or [first])
    while left < lo and text[left].isspace():
        left += 1
    # The content may itself end the sentence ("… we will.”), so search from its last character.
    match = _SENTENCE_END.search(text, max(lo, hi - 1), last)
    return left, (match.end() if match else last)


def _context(text: str, record: Any, color: bool) -> str:
    spans = _spans(record)
    if not spans:
        return ""
    lo, hi = min(a for a, _, _ in spans), max(b for _, b, _ in spans)
    left, right = _window(text, lo, hi)
    half = REVIEW_WIDTH // 2
    if right - left <= REVIEW_WIDTH:
        pieces = [(left, right)]
    elif hi - lo <= REVIEW_WIDTH:
        margin = (REVIEW_WIDTH - (hi - lo)) // 2
        pieces = [(max(left, lo - margin), min(right, hi + margin))]
    else:
        pieces = [(lo, lo + half), (hi - half, hi)]
    labels: dict[int, str] = {}
    for a, b, style in spans:
        labels.update(dict.fromkeys(range(a, b), style))
    parts = []
    for a, b in pieces:
        runs = [[labels.get(a), a, a]]
        for i in range(a, b):
            if labels.get(i) != runs[-1][0]:
                runs.append([labels.get(i), i, i])
            runs[-1][2] = i + 1
        parts.append("".join(_paint(re.sub(r"\s+", " ", text[s:e]), style, color)
                             for style, s, e in runs if e > s))
    return ("…" if pieces[0][0] > left else "") + " … ".join(parts) + (
        "…" if pieces[-1][1] < right else "")


def review_lines(text: str, records: list, *, color: bool) -> list[str]:
    """Terminal review of one article: each attribution in reading order, with its context."""
    lines: list[str] = []
    for record in sorted(records, key=lambda r: (_get(r, "start") or 0, _get(r, "quote_id") or 0)):
        kind, anonymity = _get(record, "kind"), _get(record, "anonymity")
        where = _get(record, "paragraph_index")
        lines += ([""] if lines else []) + [
            f"#{_get(record, 'quote_id')} {kind}"
            + (f" · paragraph {int(where) + 1}" if where is not None else "")
            + f" · {_get(record, 'method')}",
            "  " + _context(text, record, color),
            "  content: " + _paint(_norm(_get(record, "text") or ""), "quote", color)]
        if kind == "scare":
            lines.append("  scare quote: no cue, no speaker")
            continue
        style = "anonymous" if anonymity == "anonymous" else "speaker"
        mention, name = _get(record, "speaker"), _get(record, "speaker_name")
        speaker = " → ".join(_paint(_norm(s), style, color) for s in (mention, name) if s)
        detail = ", ".join(str(_get(record, f) or "?") for f in ("speaker_type", "anonymity"))
        lines.append(f"  cue: {_paint(_get(record, 'cue') or '—', 'cue', color)}"
                     f"   speaker: {speaker or '—'} ({detail})")
        evidence = _get(record, "anonymity_evidence")
        if anonymity == "anonymous" and evidence:
            lines.append("  evidence: " + _paint(evidence, "anonymous", color))
    return lines
