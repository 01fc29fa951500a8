"""Cue phrases touching a quotation, read off the text: `“…,” Kupchan said.`, `He said: “…”`."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate

from ..parse.document import ParsedDocument
from .cue_syntax import trim_punct
from .cues import quoted_content
from .drafts import Claims, Cue, Draft, cue_key, new_draft, quote_key
from .marks import QuoteIndex, QuoteSpan, ends_sentence, names_a_title

AFTER_QUOTE = re.compile(r"[\s,]*")             # “…,” said Kupchan / “…,” he said
BEFORE_QUOTE = re.compile(r"\s*[,:]?\s*|\s*(?:[\w’'.-]+\s+){0,3}[\w’'.-]+\s*[,:]\s*")


# What may stand between the cue phrase and the next piece of the same quotation:
# `“…,” she said, “…”`, `“…,” she said. “…”`, `“…,” she said, clapping. “…”`.
BETWEEN_PIECES = re.compile(r"\s*(?:,\s*[\w’'-]+(?:\s+[\w’'-]+){0,3})?\s*[,.:;]?\s*")


# A cue phrase touching a quotation stands within this many characters of its mark; looking
# no farther keeps the pass linear in the length of the article.
REACH = 400


def _previous_piece(text: str, quote: QuoteSpan, claimed: dict[int, Draft],
                    quotes: QuoteIndex) -> Draft | None:
    for draft in claimed.values():
        last = draft.quotes[-1] if draft.quotes else None
        if last is None or last.close is None or last.paragraph_index != quote.paragraph_index:
            continue
        if not last.close < quote.open:
            continue
        cue = draft.cue
        if cue is None:
            continue
        if last.close < cue.start < quote.open:
            # The cue phrase sits between the pieces: nothing but it may.
            ends = [cue.end] + [w.end for w in cue.speaker if w.end <= quote.open]
            if BETWEEN_PIECES.fullmatch(text[max(ends):quote.open]) and not quotes.overlapping(
                    last.after, max(ends)):
                return draft
        elif cue.end <= last.open and not text[last.after:quote.open].strip():
            return draft              # “…” “…” back to back after the cue
    return None


def _new_sentence_with_content(text: str, quote: QuoteSpan, cue: Cue) -> bool:
    """"“… and so is the bill.” She warned that utilities …": a quotation closed by a full
    stop, followed by a cue with a reported clause of its own, is not that cue's."""
    inside = text[quote.open:quote.close].rstrip()
    return inside.endswith(".") and bool(cue.content) and cue.content[0].start > cue.end


def _quotes_next(text: str, cue: Cue, quotes: QuoteIndex) -> bool:
    """A quotation opens right after the cue phrase (“…,” Beck joked, again …, “…”)."""
    ends = [cue.end] + [w.end for w in cue.speaker]
    phrase_end = max(ends)
    following = quotes.overlapping(phrase_end, phrase_end + 80)
    return any(q.open >= phrase_end and "\n" not in text[phrase_end:q.open] and
               not ends_sentence(text[phrase_end:q.open]) for q in following)


def attach_adjacent_quotes(doc: ParsedDocument, quotes: QuoteIndex, cues: list[Cue]) -> Claims:
    """The newsroom pattern, read off the text: a cue phrase touching a quotation.

    `“…,” Kupchan said.` / `“…,” said Kupchan, a fellow …` (the phrase right after the closing
    mark) and `Kupchan said: “…”` / `told reporters, “…”` (right before the opening mark).
    A quotation split by its cue (`“…,” he said, “…”`) becomes one attribution in two pieces.
    """
    text = doc.text
    found = Claims()
    claimed: dict[tuple[int, int], Draft] = {}      # cue -> its attribution
    speaking = sorted((c for c in cues if c.speaker_head is not None and not c.according_to),
                      key=lambda c: c.start)
    cue_starts = [c.start for c in speaking]
    # Quotations embedded in another cue's reported clause ("told VOA that Trump might
    # “broker a cease-fire,” a pledge he made") are partial quotes of that clause.
    embedded = []
    for cue in cues:
        content = trim_punct(cue.content)
        content = quoted_content(cue, content, quotes) or content
        if content:
            embedded.append((content[0].start, content[-1].end))
    embedded.sort()
    embedded_starts = [start for start, _ in embedded]
    reach_end = list(accumulate((end for _, end in embedded), max))   # running max of ends
    recent: list[Draft] = []                 # drafts in the order their pieces were claimed
    for quote in quotes.spans:
        if names_a_title(text, quote):
            continue              # "on CNN's “State of the Union,” … said": a show's title
        i = bisect_left(embedded_starts, quote.open)   # intervals starting before the mark
        if i and reach_end[i - 1] > quote.open:
            continue
        after = before = None
        nearby = speaking[bisect_left(cue_starts, quote.open - REACH):
                          bisect_right(cue_starts, (quote.close or quote.end) + REACH)]
        if quote.close is not None:
            for cue in nearby:
                starts = [cue.start] + [w.start for w in cue.speaker if w.start > quote.close]
                phrase_start = min(starts)
                gap = text[quote.after:phrase_start]
                if phrase_start > quote.close and "\n" not in gap and AFTER_QUOTE.fullmatch(gap) \
                        and not _new_sentence_with_content(text, quote, cue):
                    after = cue
                    break
        # ... or a clause that opens with the quotation and goes on past it, to a cue
        # that does not touch it (“You squeezed employees” to drive up the stock price, she
        # said)
        j = bisect_right(embedded_starts, quote.start)
        if after is None and quote.close is not None and any(
                end > quote.after for _, end in embedded[i:j]):
            continue
        for cue in nearby:
            if cue.end > quote.open:
                continue
            ends = [cue.end] + [w.end for w in cue.speaker if w.end <= quote.open]
            gap = text[max(ends):quote.open]
            if "\n" not in gap and BEFORE_QUOTE.fullmatch(gap):
                before = cue
        window = {i: d for i, d in enumerate(recent[-8:])}   # a split quotation's pieces are close
        # (not when the quotation has a cue of its own right after it: “…,” Smith said. “…,”
        # Jones said.)
        previous = _previous_piece(text, quote, window, quotes) if after is None else None
        if previous is not None:
            # A quotation split by its cue ("“…,” she said. “…”") or continued right after a
            # piece of it, in the same paragraph: one attribution, several pieces.
            previous.add_piece(quote)
            found.quotes.add(quote_key(quote))
            continue
        if before is not None and cue_key(before) in claimed:
            best = (0, before)            # the second piece of a split quotation
        elif after is not None and before is not None and _quotes_next(text, after, quotes):
            # “When someone shouted, “Cruz,” Beck joked, “Amen, brother!”": the cue after it
            # has a quotation of its own; this one is the cue's before it
            best = (0, before)
        elif after is not None:
            best = (0, after)
        elif before is not None:
            best = (0, before)
        else:
            continue
        cue = best[1]
        if cue_key(cue) in claimed:
            draft = claimed[cue_key(cue)]
            if draft.quotes and draft.quotes[-1].end < quote.open:
                draft.add_piece(quote)
                found.quotes.add(quote_key(quote))
            continue
        draft = found.add(new_draft("direct", [(quote.start, quote.end)], cue=cue,
                                    method="adjacent", sentence_index=cue.sentence.index,
                                    paragraph_index=cue.sentence.paragraph_index,
                                    quotes=[quote]))
        claimed[cue_key(cue)] = draft
        recent.append(draft)
    return found
