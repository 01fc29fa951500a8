"""Paragraphs of an article: blank-line separated, or one per line when there is no blank line."""
from __future__ import annotations

import re
from dataclasses import dataclass

# A line break is CRLF, a lone CR, LF or a Unicode line/paragraph separator.  The
# lone-CR alternative refuses to match before LF so that one CRLF is never read as
# two breaks (which would turn every hard wrap into a "blank line").
_LB = r"(?:\r\n|\r(?!\n)|[\n\u2028\u2029\x85])"
_INLINE_SPACE = r"[^\S\r\n\u2028\u2029\x85]"
_BLANK_LINES = re.compile(_LB + r"(?:" + _INLINE_SPACE + r"*" + _LB + r")+")
_LINE_BREAK = re.compile(_LB)


@dataclass(frozen=True)
class Paragraph:
    index: int
    start: int  # offset of first char of the paragraph (after leading whitespace)
    end: int  # offset just after its last non-whitespace char


def paragraphs(text: str) -> list[Paragraph]:
    """Split text into paragraphs, trimmed of surrounding whitespace.

    Wire copy and scraped articles come in two shapes: blank-line separated
    paragraphs (where single newlines are hard wraps), or one paragraph per line.
    The presence of any blank line decides which shape we are looking at.
    """
    separator = _BLANK_LINES if _BLANK_LINES.search(text) else _LINE_BREAK
    result: list[Paragraph] = []
    pos = 0
    bounds = [(m.start(), m.end()) for m in separator.finditer(text)] + [(len(text), len(text))]
    for stop, resume in bounds:
        start, end = pos, stop
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            result.append(Paragraph(len(result), start, end))
        pos = resume
    return result
