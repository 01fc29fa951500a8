#!/usr/bin/env python3
"""Build ``corpora/gold.jsonl`` from the hand-written articles and their annotations.

Standard library only.  Usage (from the repository root)::

    python3 corpora/build_gold.py            # build gold.jsonl and print the counts
    python3 corpora/build_gold.py --review   # also print every quote with its speaker
                                             # [[...]] and cue <<...>> marked in context

Every annotation names strings, never offsets; this script finds them in the article
and fails (exit status 1, with the article and the string named) when one is missing,
so the annotations cannot drift away from the texts.

Locating rules
* ``text``: ``str.find``; ``occurrence`` (0-based, default 0) picks among repeats.
* ``fragments``: found in order inside the quote's own span; the first must start at
  the quote's start and the last must end at its end.
* ``speaker`` and ``cue``: whole-word matches (not inside a longer word) that do not
  overlap any fragment of the quote itself, so that ``said`` inside the quotation is
  never taken for the cue.  Without ``cue_occurrence`` the cue is the match nearest to
  the quote, and without ``speaker_occurrence`` the speaker is the match nearest to that
  cue (the speaker is the cue's subject, so this is the content's nearest speaker mention
  that goes with the cue); matches in the same paragraph are preferred.  With
  ``*_occurrence`` the N-th (0-based) of all whole-word matches in the article is used.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ARTICLES = HERE / "articles"
ANNOTATIONS = HERE / "annotations"
OUTPUT = HERE / "gold.jsonl"

KINDS = ("direct", "mixed", "indirect", "scare")
SPEAKER_TYPES = ("person", "group", "organization", "document")
ANONYMITY = ("named", "unnamed", "anonymous")
PRONOUNS = {"he", "she", "they", "it"}
HONORIFICS = ("Mr. ", "Ms. ", "Mrs. ", "Dr. ", "Prof. ")
OPENING = "“\"«‘'"
CLOSING = "”\"»’'"
QUOTE_KEYS = {
    "text", "occurrence", "fragments", "speaker", "speaker_occurrence", "cue",
    "cue_occurrence", "kind", "speaker_name", "speaker_type", "anonymity",
    "speech_cue",
}
REQUIRED_KEYS = {
    "text", "speaker", "cue", "kind", "speaker_name", "speaker_type", "anonymity",
    "speech_cue",
}


class GoldError(Exception):
    """An annotation that does not match its article."""


def fail(stem: str, message: str) -> None:
    raise GoldError(f"{stem}: {message}")


def find_nth(text: str, needle: str, n: int) -> int:
    """Index of the n-th (0-based) occurrence of needle in text, or -1."""
    pos = -1
    for _ in range(n + 1):
        pos = text.find(needle, pos + 1)
        if pos < 0:
            return -1
    return pos


def word_matches(text: str, needle: str) -> list[tuple[int, int]]:
    pattern = re.compile(r"(?<!\w)" + re.escape(needle) + r"(?!\w)")
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def paragraph_of(text: str, pos: int) -> int:
    return text.count("\n", 0, pos)


def locate_mention(stem, text, needle, what, fragments, q_start, q_end, occurrence):
    """Span of needle (whole words, outside the fragments) nearest to [q_start, q_end)."""
    matches = word_matches(text, needle)
    if not matches:
        fail(stem, f"{what} {needle!r} not found in the article")
    if occurrence is not None:
        if occurrence >= len(matches):
            fail(stem, f"{what} {needle!r} has no occurrence {occurrence} "
                       f"(only {len(matches)})")
        span = matches[occurrence]
        if any(s < span[1] and span[0] < e for s, e in fragments):
            fail(stem, f"{what} {needle!r} occurrence {occurrence} lies inside the quote")
        return span
    candidates = [m for m in matches if not any(s < m[1] and m[0] < e for s, e in fragments)]
    if not candidates:
        fail(stem, f"{what} {needle!r} occurs only inside the quote it should attribute")
    para_start, para_end = paragraph_of(text, q_start), paragraph_of(text, q_end)

    def rank(m):
        p = paragraph_of(text, m[0])
        other_paragraph = not (para_start <= p <= para_end)
        if m[1] <= q_start:
            gap = q_start - m[1]
        elif m[0] >= q_end:
            gap = m[0] - q_end
        else:
            gap = 0
        return (other_paragraph, gap)

    return min(candidates, key=rank)


def check_quote(stem: str, q: dict, idx: int) -> None:
    label = f"quote {idx + 1} ({q.get('text', '')[:40]!r})"
    unknown = set(q) - QUOTE_KEYS
    if unknown:
        fail(stem, f"{label}: unknown keys {sorted(unknown)}")
    missing = REQUIRED_KEYS - set(q)
    if missing:
        fail(stem, f"{label}: missing keys {sorted(missing)}")
    kind = q["kind"]
    if kind not in KINDS:
        fail(stem, f"{label}: bad kind {kind!r}")
    if not isinstance(q["speech_cue"], bool):
        fail(stem, f"{label}: speech_cue must be true or false")
    if kind == "scare":
        for key in ("speaker", "cue", "speaker_name", "speaker_type", "anonymity"):
            if q[key] is not None:
                fail(stem, f"{label}: a scare quote must have {key} null")
        if q["speech_cue"]:
            fail(stem, f"{label}: a scare quote has no speech cue")
        return
    if q["speaker_name"] is None:
        fail(stem, f"{label}: speaker_name is required outside scare quotes")
    if q["speaker_type"] not in SPEAKER_TYPES:
        fail(stem, f"{label}: bad speaker_type {q['speaker_type']!r}")
    if q["anonymity"] not in ANONYMITY:
        fail(stem, f"{label}: bad anonymity {q['anonymity']!r}")
    if (q["speaker"] is None) != (q["cue"] is None):
        fail(stem, f"{label}: speaker and cue must both be given or both be null "
                   "(null only for a follow-on quote)")
    if q["cue"] is None and kind != "direct":
        fail(stem, f"{label}: only a direct quote can follow on without a cue")
    text = q["text"]
    if kind == "direct":
        if text[0] not in OPENING or text.rstrip(",")[-1] not in CLOSING:
            fail(stem, f"{label}: a direct quote must run from mark to mark")
    if kind == "indirect" and any(ch in text for ch in "“”«»\""):
        fail(stem, f"{label}: an indirect quote has no quotation marks; use mixed")
    if kind == "mixed" and not any(ch in text for ch in "“”«»\"'‘’"):
        fail(stem, f"{label}: a mixed quote needs a quoted part")
    if text != text.strip() or text.endswith("."):
        if kind == "indirect":
            fail(stem, f"{label}: indirect content excludes surrounding space and the final period")


FOLLOW_GAP = re.compile(r"\s*(?:,\s*[\w’'-]+(?:\s+[\w’'-]+){0,3})?\s*[,.:;]?\s*")
# After a cue that sits between the pieces: the rest of the cue's sentence, as PolNeAR
# annotates it (`“…,” Earnest said at a briefing Monday. “…”`): no quotation mark, at most
# one sentence end.
CUE_SENTENCE_REST = re.compile(r"[^.!?…“”\"«»\n]{0,200}[.!?…]?\s*")


def merge_follow_on_pieces(text: str, quotes: list[dict]) -> list[dict]:
    """PolNeAR's convention for a quotation the cue interrupts, also across a full stop:
    `“A,” she said. “B.”` is one attribution from the first piece to the last, with the
    pieces in `fragments`.  A follow-on quote (no cue of its own) in the same paragraph
    whose only separation from the previous direct quote is that quote's cue sentence (the
    cue phrase and the rest of its sentence, `“A,” she told reporters on Friday. “B.”`) or
    nothing is merged into it; follow-ons with other text between stay separate."""
    quotes = sorted(quotes, key=lambda q: q["start"])
    merged: list[dict] = []
    for q in quotes:
        # The previous quote at the outer level (a quote nested inside it is skipped).
        outer = [m for m in merged if not any(o is not m and o["start"] <= m["start"]
                                              and m["end"] <= o["end"] for o in merged)]
        prev = outer[-1] if outer else None
        if (prev is not None and q["cue"] is None and q["speaker"] is None
                and q["kind"] == "direct" and prev["kind"] == "direct"
                and paragraph_of(text, prev["end"]) == paragraph_of(text, q["start"])
                and prev["end"] <= q["start"]):
            gap_start, gap = prev["end"], FOLLOW_GAP
            if prev["cue_start"] is not None and prev["end"] <= prev["cue_start"] < q["start"]:
                gap_start = max(prev["cue_end"], prev["speaker_end"] or 0)
                gap = CUE_SENTENCE_REST
            if gap_start <= q["start"] and gap.fullmatch(text[gap_start:q["start"]]):
                prev["fragments"] = prev["fragments"] + q["fragments"]
                prev["end"] = q["end"]
                prev["text"] = text[prev["start"]:q["end"]]
                continue
        merged.append(q)
    return merged


def build_article(stem: str, text: str, ann: dict) -> dict:
    for key in ("title", "publisher", "date", "quotes"):
        if key not in ann:
            fail(stem, f"annotation lacks {key!r}")
    if ann["publisher"] != "quotes-corpus":
        fail(stem, "publisher must be 'quotes-corpus'")
    if not re.fullmatch(r"2026-\d\d-\d\d", ann["date"]):
        fail(stem, f"bad date {ann['date']!r}")
    out_quotes = []
    for idx, q in enumerate(ann["quotes"]):
        check_quote(stem, q, idx)
        qtext = q["text"]
        start = find_nth(text, qtext, q.get("occurrence", 0))
        if start < 0:
            fail(stem, f"quote text not found (occurrence {q.get('occurrence', 0)}): {qtext!r}")
        end = start + len(qtext)
        pieces = q.get("fragments")
        if pieces is not None:
            if len(pieces) < 2:
                fail(stem, f"fragments given for a one-piece quote: {qtext!r}")
            frags, pos = [], start
            for piece in pieces:
                f_start = text.find(piece, pos, end)
                if f_start < 0:
                    fail(stem, f"fragment not found inside its quote: {piece!r}")
                frags.append([f_start, f_start + len(piece)])
                pos = f_start + len(piece)
            if frags[0][0] != start or frags[-1][1] != end:
                fail(stem, f"fragments must start and end with the quote: {qtext!r}")
        else:
            frags = [[start, end]]
        if q["speaker"] is not None:
            c_start, c_end = locate_mention(stem, text, q["cue"], "cue", frags,
                                            start, end, q.get("cue_occurrence"))
            s_start, s_end = locate_mention(stem, text, q["speaker"], "speaker", frags,
                                            c_start, c_end, q.get("speaker_occurrence"))
            q_paras = range(paragraph_of(text, start), paragraph_of(text, end) + 1)
            for what, at, key in (("cue", c_start, "cue_occurrence"),
                                  ("speaker", s_start, "speaker_occurrence")):
                if paragraph_of(text, at) not in q_paras and q.get(key) is None:
                    fail(stem, f"{what} {q[what]!r} was found only outside the paragraph of "
                               f"{qtext[:50]!r}; give {key} if that is meant")
        else:
            s_start = s_end = c_start = c_end = None
        out_quotes.append({
            "start": start,
            "end": end,
            "text": qtext,
            "fragments": frags,
            "speaker": q["speaker"],
            "speaker_start": s_start,
            "speaker_end": s_end,
            "cue": q["cue"],
            "cue_start": c_start,
            "cue_end": c_end,
            "kind": q["kind"],
            "speech_cue_heuristic": q["speech_cue"],
            "speaker_name": q["speaker_name"],
            "speaker_type": q["speaker_type"],
            "anonymity": q["anonymity"],
        })
    out_quotes = merge_follow_on_pieces(text, out_quotes)
    seen = set()
    for q in out_quotes:
        key = (q["start"], q["end"])
        if key in seen:
            fail(stem, f"the same span is annotated twice: {q['text']!r}")
        seen.add(key)
    out_quotes.sort(key=lambda q: (q["start"], -q["end"]))
    for n, q in enumerate(out_quotes, 1):
        q["attribution_id"] = f"Q{n}"
    ordered = [
        {k: q[k] for k in (
            "start", "end", "text", "fragments", "speaker", "speaker_start",
            "speaker_end", "cue", "cue_start", "cue_end", "kind",
            "speech_cue_heuristic", "attribution_id", "speaker_name",
            "speaker_type", "anonymity")}
        for q in out_quotes
    ]
    return {
        "id": stem,
        "split": "corpus",
        "publisher": ann["publisher"],
        "date": ann["date"],
        "title": ann["title"],
        "text": text,
        "ignore_spans": [],
        "quotes": ordered,
    }


def is_surname_remention(q: dict) -> bool:
    if q["speaker_type"] != "person" or q["speaker"] is None or q["anonymity"] != "named":
        return False
    head = q["speaker"].split(",")[0].strip()
    for honorific in HONORIFICS:
        if head.startswith(honorific):
            head = head[len(honorific):]
    name_tokens = q["speaker_name"].split()
    return (" " not in head and head[:1].isupper() and head.lower() not in PRONOUNS
            and len(name_tokens) >= 2 and name_tokens[-1] == head)


def quote_style(text: str) -> str:
    styles = []
    if "“" in text:
        styles.append("curly")
    if '"' in text:
        styles.append("straight")
    if "«" in text:
        styles.append("guillemets")
    return "+".join(styles) or "none"


def review(doc: dict) -> None:
    text = doc["text"]
    print(f"\n=== {doc['id']}")
    for q in doc["quotes"]:
        print(f"-- {q['attribution_id']} {q['kind']} speaker_name={q['speaker_name']!r} "
              f"type={q['speaker_type']} anon={q['anonymity']} speech={q['speech_cue_heuristic']}")
        if q["speaker_start"] is None:
            print(f"   {q['text']}")
            continue
        marks = [(q["start"], "{"), (q["end"], "}"),
                 (q["speaker_start"], "[["), (q["speaker_end"], "]]"),
                 (q["cue_start"], "<<"), (q["cue_end"], ">>")]
        lo = min(q["start"], q["speaker_start"], q["cue_start"])
        hi = max(q["end"], q["speaker_end"], q["cue_end"])
        out, pos = [], lo
        for at, mark in sorted(marks, key=lambda m: m[0]):
            out.append(text[pos:at])
            out.append(mark)
            pos = at
        out.append(text[pos:hi])
        print("   " + "".join(out).replace("\n", " ¶ "))


def build_all() -> tuple[list[dict], list[str]]:
    """(gold documents, errors) from every article and its annotation."""
    stems = sorted(p.stem for p in ARTICLES.glob("*.txt"))
    ann_stems = sorted(p.stem for p in ANNOTATIONS.glob("*.json"))
    docs, errors = [], []
    for stem in sorted(set(ann_stems) - set(stems)):
        errors.append(f"{stem}: annotation without an article")
    for stem in stems:
        ann_path = ANNOTATIONS / f"{stem}.json"
        if not ann_path.exists():
            errors.append(f"{stem}: article without an annotation")
            continue
        text = (ARTICLES / f"{stem}.txt").read_text(encoding="utf-8").rstrip("\n")
        try:
            ann = json.loads(ann_path.read_text(encoding="utf-8"))
            docs.append(build_article(stem, text, ann))
        except json.JSONDecodeError as exc:
            errors.append(f"{stem}: annotation is not valid JSON: {exc}")
        except GoldError as exc:
            errors.append(str(exc))
    return docs, errors


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--review", action="store_true",
                        help="print every quote with its speaker and cue marked")
    parser.add_argument("--output", type=Path, default=OUTPUT,
                        help="where to write the gold JSONL (default corpora/gold.jsonl)")
    args = parser.parse_args(argv)
    docs, errors = build_all()
    if errors:
        for err in errors:
            print(f"ERROR {err}", file=sys.stderr)
        print(f"build_gold: {len(errors)} error(s); gold.jsonl not written", file=sys.stderr)
        return 1

    with args.output.open("w", encoding="utf-8") as fh:
        for doc in docs:
            fh.write(json.dumps(doc, ensure_ascii=False) + "\n")

    if args.review:
        for doc in docs:
            review(doc)
        print()

    quotes = [q for d in docs for q in d["quotes"]]
    kinds = Counter(q["kind"] for q in quotes)
    words = [len(d["text"].split()) for d in docs]
    styles = Counter(quote_style(d["text"]) for d in docs)
    attributed = [q for q in quotes if q["kind"] != "scare"]
    counts = [
        ("articles", len(docs)),
        ("words per article (min-max)", f"{min(words)}-{max(words)}"),
        ("quotation-mark styles", ", ".join(f"{k}: {v}" for k, v in sorted(styles.items()))),
        ("quotes", len(quotes)),
        ("  direct", kinds["direct"]),
        ("  mixed", kinds["mixed"]),
        ("  indirect", kinds["indirect"]),
        ("  scare", kinds["scare"]),
        ("follow-on quotes (no cue of their own)",
         sum(q["cue"] is None for q in attributed)),
        ("split quotes (several fragments)", sum(len(q["fragments"]) > 1 for q in quotes)),
        ("multi-paragraph quotes", sum("\n" in q["text"] for q in quotes)),
        ("nested quotes (inside another quote)", sum(
            any(o is not q and o["start"] <= q["start"] and q["end"] <= o["end"]
                and o["kind"] != "indirect" for o in d["quotes"])
            for d in docs for q in d["quotes"])),
        ("non-speech cues (speech_cue_heuristic false)",
         sum(not q["speech_cue_heuristic"] for q in attributed)),
        ("pronoun speakers (he/she/they/it)",
         sum((q["speaker"] or "").lower() in PRONOUNS for q in quotes)),
        ("surname-only re-mentions", sum(is_surname_remention(q) for q in attributed)),
        ("unnamed sources", sum(q["anonymity"] == "unnamed" for q in quotes)),
        ("anonymous sources", sum(q["anonymity"] == "anonymous" for q in quotes)),
        ("speaker types", ", ".join(
            f"{k}: {v}" for k, v in sorted(Counter(q["speaker_type"] for q in attributed).items()))),
        ("organization speakers", sum(q["speaker_type"] == "organization" for q in quotes)),
        ("document speakers", sum(q["speaker_type"] == "document" for q in quotes)),
        ("distinct speakers (speaker_name per article)",
         len({(d["id"], q["speaker_name"]) for d in docs for q in d["quotes"]
              if q["speaker_name"]})),
        ("cues", ", ".join(f"{k}: {v}" for k, v in Counter(
            q["cue"] for q in attributed if q["cue"]).most_common())),
    ]
    width = max(len(k) for k, _ in counts)
    print(f"wrote {args.output}")
    for key, value in counts:
        print(f"{key:<{width}}  {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
