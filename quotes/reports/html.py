"""A self-contained HTML review page: sourcing audit, chart, top speakers, highlighted articles."""
from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Any, Iterable

import pandas as pd

from .tables import TOTAL, _get, audit, speaker_index, unique_slugs

META_FIELDS = ("outlet", "date", "author")   # shown under each headline; URLs are left out
TOP_SPEAKERS = 20
SEGMENTS = ("named", "unnamed", "anonymous", "unknown")
BAR_WIDTH, LABEL_WIDTH, ROW_HEIGHT = 420, 190, 22
# Columns of free text (evidence phrases, roles): given room to wrap as prose.
PROSE_COLUMNS = frozenset({"evidence", "roles", "title"})

# Wide tables scroll inside their own box, so the page itself never scrolls sideways (a phone
# is 375 px wide); text columns keep a readable width instead of being squeezed to one word.
CSS = """
body{font:15px/1.5 system-ui,sans-serif;max-width:72em;margin:2em auto;padding:0 1em;color:#222;
 overflow-wrap:break-word}
.scroll{overflow-x:auto;max-width:100%;margin:1em 0}
table{border-collapse:collapse;font-size:13px}
th,td{border:1px solid #ccc;padding:2px 6px;text-align:left;vertical-align:top}
th{min-width:3em}
td{max-width:24em}  td:first-child{white-space:nowrap}  td.num{text-align:right;white-space:nowrap}
td.prose{min-width:14em;max-width:30em}
tr.total{font-weight:bold}  tr.has-anon td.share{color:#b00}
svg.chart{display:block;width:100%;min-width:30em;height:auto}
tr.anon-anonymous td{color:#b00}
.legend{display:flex;flex-wrap:wrap;gap:.4em 1.2em;margin:1em 0;font-size:13px}
.text{white-space:pre-wrap;overflow-wrap:anywhere;scroll-margin-top:4em;border-left:3px solid #eee;
 padding-left:1em}
.article{margin:2.5em 0}  .meta{color:#666;font-size:13px}
mark.quote,.sample.kind-direct{background:#c8ecc8;color:inherit}
mark.kind-mixed,.sample.kind-mixed{background:#d5eef0}
mark.kind-indirect,.sample.kind-indirect{background:#e8f0fb}
mark.kind-scare,.sample.kind-scare{background:#eee;font-style:italic}
mark.src-anonymous{text-decoration:underline wavy #c00}
.cue,.sample.cue{background:#ffe680;border-radius:2px}
.speaker,.sample.speaker{background:#bfe8f5;border-radius:2px}
.speaker.anon-unnamed,.sample.anon-unnamed{outline:1px dashed #e08a00}
.speaker.anon-anonymous,.sample.anon-anonymous{outline:2px solid #c00;background:#fde0e0}
mark:target{box-shadow:0 0 0 2px #333}
.seg-named,.sample.seg-named{fill:#3b7dd8;background:#3b7dd8}
.seg-unnamed,.sample.seg-unnamed{fill:#f0a030;background:#f0a030}
.seg-anonymous,.sample.seg-anonymous{fill:#d62728;background:#d62728}
.seg-unknown,.sample.seg-unknown{fill:#bbb;background:#bbb}
.sample.seg-named,.sample.seg-unnamed,.sample.seg-anonymous,.sample.seg-unknown{
 display:inline-block;width:1em;height:1em;vertical-align:middle}
svg text{font-size:12px;fill:#222}
"""

LEGEND = (
    '<div class="legend">'
    '<span class="sample kind-direct">direct quotation</span>'
    '<span class="sample kind-mixed">mixed</span>'
    '<span class="sample kind-indirect">indirect (reported) speech</span>'
    '<span class="sample kind-scare">scare quote</span>'
    '<span class="sample cue">cue</span>'
    '<span class="sample speaker anon-named">named speaker</span>'
    '<span class="sample speaker anon-unnamed">unnamed speaker</span>'
    '<span class="sample speaker anon-anonymous">anonymous speaker</span>'
    '</div>')


@dataclass(eq=False)        # identity, not value: two spans may cover the same characters
class _Span:
    start: int
    end: int
    rank: int               # 0 quotation, 1 cue, 2 speaker
    tag: str
    attrs: dict[str, str]
    ident: str | None = None

    def open(self, first: bool) -> str:
        attrs = dict(self.attrs)
        if not first:
            attrs["class"] += " cont"     # a reopened piece of a span split by a crossing one
        elif self.ident:
            attrs = {"id": self.ident, **attrs}
        return f"<{self.tag}" + "".join(f' {k}="{escape(v)}"' for k, v in attrs.items()) + ">"


def _depth(span: _Span) -> tuple:
    # Quotations sit below cues and speakers, so a crossing speaker is what gets split and each
    # quotation stays one element; otherwise earlier and longer spans are outer.
    return (span.rank > 0, span.start, -span.end, span.rank)


def highlight(text: str, spans: Iterable[_Span]) -> str:
    """Escaped ``text`` with the spans as properly nested tags, built from boundary events.

    At each boundary the open tags are made to match the active spans in ``_depth`` order:
    spans whose order broke are closed and reopened, so tags always nest and every
    character of the text is emitted exactly once.
    """
    spans = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    points = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    out: list[str] = []
    stack: list[_Span] = []
    opened: set[int] = set()
    for p, q in zip(points, points[1:] + [None]):
        wanted = sorted((s for s in spans if s.start <= p < s.end and q is not None), key=_depth)
        keep = 0
        while keep < min(len(stack), len(wanted)) and stack[keep] is wanted[keep]:
            keep += 1
        while len(stack) > keep:
            out.append(f"</{stack.pop().tag}>")
        for span in wanted[keep:]:
            out.append(span.open(id(span) not in opened))
            opened.add(id(span))
            stack.append(span)
        if q is not None:
            out.append(escape(text[p:q]))
    return "".join(out)


def _describe(record: dict) -> str:
    who = _get(record, "speaker_name") or _get(record, "speaker") or "no speaker"
    parts = [str(who), _get(record, "speaker_type") or "unknown type",
             _get(record, "anonymity") or "anonymity unknown"]
    if _get(record, "anonymity_evidence"):
        parts.append("evidence: " + str(_get(record, "anonymity_evidence")))
    return " · ".join(parts)


def _record_spans(records: list[dict], doc_slug: str) -> list[_Span]:
    spans: list[_Span] = []
    seen: dict[tuple, _Span] = {}
    ids: set[str] = set()
    for record in records:
        qid, kind = _get(record, "quote_id"), _get(record, "kind") or "direct"
        qid = str(int(qid)) if qid is not None else "?"
        anonymity = _get(record, "anonymity") or "unknown"
        ident = f"q-{doc_slug}-{qid}"
        ident = None if ident in ids else ident
        ids.add(ident or "")
        about = f"#{qid} {kind} — " + ("scare quote" if kind == "scare" else _describe(record))
        if _get(record, "start") is not None and _get(record, "end") is not None:
            spans.append(_Span(int(_get(record, "start")), int(_get(record, "end")), 0, "mark", {
                "class": f"quote kind-{kind} src-{anonymity}", "data-quote-id": qid,
                "title": about}, ident))
        for part, rank, css, title in (
                ("cue", 1, "cue", f"cue of #{qid}"),
                ("speaker", 2, f"speaker anon-{anonymity}", _describe(record))):
            a, b = _get(record, f"{part}_start"), _get(record, f"{part}_end")
            if a is None or b is None:
                continue
            key = (part, int(a), int(b))
            if key in seen:      # one "he said" can introduce two quotations
                seen[key].attrs["data-quote-id"] += f" {qid}"
                continue
            seen[key] = _Span(int(a), int(b), rank, "span",
                              {"class": css, "data-quote-id": qid, "title": title})
            spans.append(seen[key])
    return spans


def _chart(table: pd.DataFrame, key: str, links: dict[str, str]) -> str:
    body = table[table[key] != TOTAL]
    height = ROW_HEIGHT * max(len(body), 1) + 4
    width = LABEL_WIDTH + BAR_WIDTH + 60
    # The chart scales down to its box (viewBox), and no further than stays legible.
    out = [f'<div class="scroll"><svg class="chart" role="img" width="{width}" height="{height}" '
           f'style="max-width:{width}px" viewBox="0 0 {width} {height}" '
           f'aria-label="sourcing mix per {escape(key)}">']
    for i, row in enumerate(body.to_dict("records")):
        y, label, n = i * ROW_HEIGHT + 2, str(row[key]), int(row["attributions"])
        counts = {s: int(row[s]) for s in SEGMENTS[:3]}
        counts["unknown"] = n - sum(counts.values())
        short = label if len(label) <= 28 else label[:27] + "…"
        text = f'<text x="0" y="{y + 14}">{escape(short)}<title>{escape(label)}</title></text>'
        out.append(f'<a href="#{links[label]}">{text}</a>' if label in links else text)
        x = float(LABEL_WIDTH)
        for segment in SEGMENTS:
            if not counts[segment]:
                continue
            w = BAR_WIDTH * counts[segment] / n
            out.append(f'<rect class="seg-{segment}" x="{x:.1f}" y="{y}" width="{w:.1f}" '
                       f'height="{ROW_HEIGHT - 6}"><title>{escape(label)}: {counts[segment]} '
                       f'{segment} of {n} ({counts[segment] / n:.0%})</title></rect>')
            x += w
        out.append(f'<text x="{x + 6:.1f}" y="{y + 14}">{n or "no attributions"}</text>')
    out.append("</svg></div>")
    legend = "".join(f'<span><span class="sample seg-{s}"></span> {s}</span>' for s in SEGMENTS)
    return f'<div class="legend">{legend}</div>' + "".join(out)


def _table(frame: pd.DataFrame, links: dict[str, str], key: str | None = None) -> str:
    # Long headers (unnamed_or_anonymous_share) may break after their underscores.
    head = "".join(f"<th>{escape(str(c)).replace('_', '_<wbr>')}</th>" for c in frame.columns)
    rows = []
    for row in frame.to_dict("records"):
        cells = []
        for column, value in row.items():
            text = "" if value is None or value != value else str(value)
            if column.endswith("_share"):
                text, css = f"{value:.0%}", "num share"
            elif column in PROSE_COLUMNS:
                css = "prose"
            else:
                css = "num" if isinstance(value, (int, float)) else ""
            cell = escape(text)
            if column == key and text in links:
                cell = f'<a href="#{links[text]}">{cell}</a>'
            cells.append(f'<td class="{css}">{cell}</td>' if css else f"<td>{cell}</td>")
        css = ("total" if row.get(key) == TOTAL else "has-anon" if row.get("anonymous")
               else f"anon-{row['anonymity']}" if row.get("anonymity") else "")
        rows.append(f'<tr class="{css}">' + "".join(cells) + "</tr>")
    return (f'<div class="scroll"><table><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></div>")


def _with_metadata(frame: pd.DataFrame, metadata: dict[str, dict], fields: Iterable[str]):
    """Fill metadata columns (title, ``by``) from the articles where the frame has no value."""
    frame = frame.copy()
    for field in fields:
        values = frame["doc_id"].map(lambda d: (metadata.get(d) or {}).get(field))
        if field in frame.columns:
            frame[field] = frame[field].where(frame[field].notna(), values)
        elif any(field in (m or {}) for m in metadata.values()):
            frame[field] = values
    return frame


def render_report(articles: list[tuple[str, str, dict]], frame: pd.DataFrame, *,
                  title: str = "quotes report", model: str | None = None,
                  by: str | None = None) -> str:
    """One HTML page, no external assets: summary, chart, top speakers, highlighted articles."""
    metadata = {doc_id: meta or {} for doc_id, _, meta in articles}
    frame = _with_metadata(frame, metadata, [f for f in ("title", by) if f])
    slugs = unique_slugs([doc_id for doc_id, _, _ in articles], empty="article")
    links = {doc_id: f"doc-{slug}" for doc_id, slug in slugs.items()}
    table, totals = audit(frame, documents=[d for d, _, _ in articles], by=by)
    key = table.columns[0]
    if "title" in table.columns:     # articles without attributions have no title in the frame
        table["title"] = [t or str(metadata.get(d, {}).get("title") or "")
                          for d, t in zip(table[key], table["title"])]
    if model is None and "model" in frame.columns:
        model = ", ".join(str(m) for m in dict.fromkeys(frame["model"].dropna())) or None
    speakers = speaker_index(frame).head(TOP_SPEAKERS)
    parts = [
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{CSS}</style></head><body>",
        f'<header><h1>{escape(title)}</h1><p class="meta">{totals["documents"]} articles · '
        f'{totals["attributions"]} attributions · {totals["anonymous"]} anonymous · '
        f'{totals["scare_excluded"]} scare quotes'
        + (f" · model: {escape(str(model))}" if model else "") + "</p></header>",
        '<section id="summary"><h2>Anonymous sourcing</h2>', _table(table, links, key),
        f"<h2>Sourcing mix per {escape(key)}</h2>", _chart(table, key, links),
        f"<h2>Top speakers</h2>{_table(speakers.drop(columns=['file']), {})}</section>",
        "<h2>Articles</h2>", LEGEND]
    by_doc: dict[Any, list[dict]] = {}
    for record in frame.to_dict("records"):
        by_doc.setdefault(record.get("doc_id"), []).append(record)
    for doc_id, text, _ in articles:
        meta, records = metadata[doc_id], by_doc.get(doc_id, [])
        heading = meta.get("title") or doc_id
        details = [str(meta[f]) for f in META_FIELDS if meta.get(f)] + [
            f"{doc_id}", f"{sum(r.get('kind') != 'scare' for r in records)} attributions"]
        parts.append(
            f'<article class="article"><h3>{escape(str(heading))}</h3>'
            f'<p class="meta">{escape(" · ".join(details))} · <a href="#summary">summary</a></p>'
            f'<section class="text" id="{links[doc_id]}">'
            f"{highlight(text, _record_spans(records, slugs[doc_id]))}</section></article>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
