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
