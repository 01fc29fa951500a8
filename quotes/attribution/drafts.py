"""Structures shared by the attribution passes: speech cues and attributions in progress."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..parse.document import Sentence, Word
from .marks import QuoteSpan


@dataclass
class Cue:
    """A speech cue found in the parse, with what syntax says about its content and speaker."""

    sentence: Sentence
    word: Word
    lemma: str
    start: int
    end: int
    text: str
    according_to: bool = False
    speaker: list[Word] = field(default_factory=list)
    speaker_head: Word | None = None
    content: list[Word] = field(default_factory=list)
    # Nominal complements ("called the plan “a mess”"): content only when they hold a quotation.
    object_content: list[Word] = field(default_factory=list)


@dataclass
class Draft:
    """An attribution under construction."""

    kind: str
    fragments: list[tuple[int, int]]
    cue: Cue | None
    method: str
    sentence_index: int
    paragraph_index: int
    unclosed: bool = False
    quotes: list[QuoteSpan] = field(default_factory=list)
    inherited_from: "Draft | None" = None

    @property
    def start(self) -> int:
        return self.fragments[0][0]

    @property
    def end(self) -> int:
        return self.fragments[-1][1]

    def add_piece(self, quote: QuoteSpan) -> None:
        """Another piece of the same quotation (“…,” she said, “…”)."""
        self.fragments.append((quote.start, quote.end))
        self.quotes.append(quote)
        self.unclosed = self.unclosed or not quote.closed


def new_draft(kind: str, fragments: list[tuple[int, int]], *, cue: Cue | None, method: str,
              sentence_index: int, paragraph_index: int, quotes: list[QuoteSpan] | None = None,
              inherited_from: Draft | None = None) -> Draft:
    """The one way a pass starts an attribution; unclosed when any of its quotations is."""
    quotes = list(quotes or [])
    return Draft(kind=kind, fragments=list(fragments), cue=cue, method=method,
                 sentence_index=sentence_index, paragraph_index=paragraph_index,
                 unclosed=any(not q.closed for q in quotes), quotes=quotes,
                 inherited_from=inherited_from)


def quote_key(quote: QuoteSpan) -> int:
    return quote.open


def cue_key(cue: Cue) -> tuple[int, int]:
    return (cue.start, cue.end)


@dataclass
class Claims:
    """What a pass found: its attributions, and the quotations and cues they took (by
    offset).  Passes read the claims of the passes before them and return their own."""

    drafts: list[Draft] = field(default_factory=list)
    quotes: set[int] = field(default_factory=set)
    cues: set[tuple[int, int]] = field(default_factory=set)

    def add(self, draft: Draft) -> Draft:
        self.drafts.append(draft)
        self.quotes.update(quote_key(q) for q in draft.quotes)
        if draft.cue is not None:
            self.cues.add(cue_key(draft.cue))
        return draft

    def took(self, quote: QuoteSpan) -> bool:
        return quote_key(quote) in self.quotes

    def __or__(self, other: "Claims") -> "Claims":
        return Claims(self.drafts + other.drafts, self.quotes | other.quotes,
                      self.cues | other.cues)

