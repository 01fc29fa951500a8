"""Structures shared by the attribution passes: quotation look-up and attributions in progress."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .marks import QuoteSpan

if TYPE_CHECKING:
    from .cues import Cue


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


class QuoteIndex:
    """Fast look-up of the top-level quotations covering an offset."""

    def __init__(self, spans: list[QuoteSpan]) -> None:
        self.spans = [s for s in spans if s.depth == 0]
        self._starts = [s.open for s in self.spans]

    def covering(self, start: int, end: int) -> QuoteSpan | None:
        """The quotation (marks included) that contains [start, end), if any."""
        i = bisect.bisect_right(self._starts, start) - 1
        if i >= 0:
            span = self.spans[i]
            closing = span.close + 1 if span.close is not None else span.end
            if span.open <= start and end <= closing:
                return span
        return None

    def overlapping(self, start: int, end: int) -> list[QuoteSpan]:
        return [s for s in self.spans if s.start < end and start < s.end]
