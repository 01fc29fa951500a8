"""Find quotation marks in raw article text and pair them into quoted spans with exact offsets."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..lexicon import word_list
from ..parse.nlp import mask_abbreviations
from ..parse.paragraphs import Paragraph, paragraphs

# --------------------------------------------------------------------------- mark tables

# Every character that can open a quote, with its family and the characters that may
# close it.  Besides the standard pairs we accept the regional and mis-encoded ones
# that show up in real copy: German „…“, Polish/Dutch „…”, Swedish/Finnish ”…”,
# fully reversed ”…“, the common “…“ encoding slip, Danish/German »…«, Finnish »…».
_OPENERS: dict[str, tuple[str, str | tuple[str, ...]]] = {
    "“": ("double", "”“"),
    "„": ("double", "“”"),
    "‟": ("double", "”"),
    "”": ("double", "”“"),
    '"': ("straight-double", '"'),
    "‘": ("single", "’"),
    "‚": ("single", "‘’"),
    "‛": ("single", "’"),
    "'": ("straight-single", "'"),
    "«": ("guillemet", "»"),
    "»": ("guillemet", "«»"),
    "‹": ("single-guillemet", "›"),
    "›": ("single-guillemet", "‹›"),
    # Doubled apostrophes for double quotes, as in New York Times archive copy and wire
    # text (''It is done,'' he said), and the TeX-style ``…'' of older wires.
    "''": ("doubled-apostrophe", ("''",)),
    "``": ("doubled-apostrophe", ("''",)),
}

# (opening mark, closing mark) -> family: the only pairs find_quotes ever produces.
PAIRS: dict[tuple[str, str], str] = {
    (o, c): family for o, (family, closers) in _OPENERS.items() for c in closers
}
# ... and the two mixed pairs of sloppy copy, “…" and "…”, made only when nothing else closes
# the quote (see _mixed_close).
MIXED_PAIRS: dict[tuple[str, str], str] = {("“", '"'): "double", ('"', "”"): "straight-double"}
_CLOSERS = frozenset(c for _, c in PAIRS)
QUOTE_MARKS = frozenset(_OPENERS) | _CLOSERS
_MARK_RE = re.compile("''|``|[" + re.escape("".join(sorted(m for m in QUOTE_MARKS
                                                           if len(m) == 1))) + "]")

# Single-quote characters double as apostrophes, so they need much stronger evidence.
_SINGLE_FAMILIES = frozenset({"single", "straight-single"})
_APOSTROPHE_LIKE = "'‘’"

# Characters after which an ambiguous mark reads as an opener: opening brackets,
# hyphens and dashes ("—“Never,” he said"), slashes and other opening quote marks.
_OPEN_BEFORE = frozenset("([{<-‐‑‒–—―/") | frozenset(_OPENERS)

# Opening marks that may follow a single opening mark directly: a quotation that opens with
# a quotation (‘"No," he said …’).  A mark twice in a row ('' or ‘‘) is never such a pair.
_NESTED_OPENERS = frozenset('"“„‟«\'‘‚‛‹')

# Elisions that begin with an apostrophe and must never open a quote: rock ’n’ roll,
# ’em, ’tis, ’twas, ’cause, ’til, ’bout, ’round (also typed with the wrong-way ‘).
_N_ELISION = re.compile(r"(?<!\w)['‘’]n['‘’](?!\w)", re.IGNORECASE)
_WORD_ELISION = re.compile(r"(?<!\w)['‘’](?=(?:em|tis|twas|cause|til|bout|round|n)\b)", re.IGNORECASE)


def _apostrophes(text: str) -> set[int]:
    found = {m.start() for m in _WORD_ELISION.finditer(text)}
    for m in _N_ELISION.finditer(text):
        found.update((m.start(), m.end() - 1))
    return found


def _opening_context(left: str, right: str) -> bool:
    # After start/whitespace/opening punctuation, and touching the following word.
    return (not left or left.isspace() or left in _OPEN_BEFORE) and bool(right) and not right.isspace()


def _closing_context(left: str, right: str) -> bool:
    # Touching the preceding word, and before whitespace/punctuation/end.  Requiring a
    # non-alphanumeric right neighbour rules out Russia’s, don’t, o'clock, n't.
    return bool(left) and not left.isspace() and not right.isalnum()


def _can_close(mark: str, opener: str, left: str, right: str) -> bool:
    if (opener, mark) not in PAIRS:
        return False
    if mark in "”»›" and mark != opener:
        return True  # dedicated closing shapes: trust them (French « … » has spaces inside)
    if mark in ('"', "''"):
        # Straight doubles pair left to right; only a mark buried inside a word is ignored.
        return not (left.isalnum() and right.isalnum())
    return _closing_context(left, right)


def _mixed_close(text: str, stack: list[tuple[int, str]], mark: str, at: int,
                 left: str, right: str, para_end: int) -> int | None:
    """Mixed marks in sloppy copy, the innermost open quote closed by the other family's mark:

    * “highly significant." — a straight double quote closes a curly one when no curly
      closing mark comes before the next curly opening one ("a “nested” one" still nests);
    * "I don't think it's getting the attention people thought it would,” — a curly closing
      mark closes a straight quote when no straight mark that could close it follows in the
      paragraph (the next one, if any, opens: it follows a space).

    Left open, the quote would run to the paragraph's end and swallow every cue after it as
    quoted words.  Its stack index, or None."""
    if not stack or not _closing_context(left, right):
        return None
    opener = stack[-1][1]
    if mark == '"' and opener == "“":
        following = re.search("[“”]", text[at:para_end])
        closes = following is None or following.group() == "“"
    elif mark == "”" and opener == '"':
        following = text.find('"', at + 1, para_end)
        closes = following < 0 or text[following - 1].isspace() or text[following - 1] in _OPEN_BEFORE
    else:
        return None
    return len(stack) - 1 if closes else None


def _can_open(mark: str, left: str, right: str) -> bool:
    if mark in "“„‟«‹":
        return True  # unambiguous opening shapes
    if mark in "'‘‚‛":
        # A single quote only opens directly before a letter (’90s and 'n are not quotes),
        # or before the opening mark of a quotation nested at its very start: ‘"No," he said …’
        return _opening_context(left, right) and (
            right.isalpha() or (right in _NESTED_OPENERS and right != mark))
    return mark in _OPENERS and _opening_context(left, right)  # " and reversed ” » ›


# --------------------------------------------------------------------------- spans


@dataclass(frozen=True)
class QuoteSpan:
    open: int  # offset of the opening mark
    close: int | None  # offset of the closing mark; None when unclosed
    start: int  # content start = open + len(open_mark)
    end: int  # content end (exclusive): closing mark offset, or paragraph end if unclosed
    open_mark: str
    close_mark: str | None
    depth: int  # 0 outermost, 1 nested inside another quote, ...
    paragraph_index: int
    continues: bool  # unclosed, and the next paragraph reopens a quote of the same family

    @property
    def closed(self) -> bool:
        return self.close is not None

    @property
    def family(self) -> str:
        return _OPENERS[self.open_mark][0]

    @property
    def after(self) -> int:
        """Offset just past the closing mark (a doubled apostrophe is two characters); the
        content end when unclosed."""
        return self.close + len(self.close_mark or "") if self.close is not None else self.end


def content(text: str, span: QuoteSpan) -> str:
    """The quoted text between the marks (to the paragraph end when unclosed)."""
    return text[span.start : span.end]


@dataclass
class _Found:
    open: int
    mark: str
    close: int | None
    close_mark: str | None
    end: int
    depth: int = 0


@dataclass(frozen=True)
class _Problem:
    offset: int
    paragraph: int
    kind: str  # "stray", "unmatched" (dropped inside a closed quote) or "unclosed"


def _scan(text: str, para: Paragraph, apostrophes: set[int]) -> tuple[list[_Found], list[_Problem]]:
    stack: list[tuple[int, str]] = []
    found: list[_Found] = []
    problems: list[_Problem] = []
    for m in _MARK_RE.finditer(text, para.start, para.end):
        i, mark = m.start(), m.group()
        if i in apostrophes:
            continue
        left = text[i - 1] if i > para.start else ""
        after = i + len(mark)
        right = text[after] if after < para.end else ""
        # Close the innermost open quote this mark can end.  Openers left open inside it
        # were not quotes after all (typos, wrong-way apostrophes): they are dropped so
        # that nested spans always lie inside their parent.
        for k in range(len(stack) - 1, -1, -1):
            if _can_close(mark, stack[k][1], left, right):
                for pos, inner in stack[k + 1 :]:
                    if _OPENERS[inner][0] not in _SINGLE_FAMILIES:
                        problems.append(_Problem(pos, para.index, "unmatched"))
                pos, opener = stack[k]
                del stack[k:]
                found.append(_Found(pos, opener, i, mark, i))
                break
        else:
            k = _mixed_close(text, stack, mark, i, left, right, para.end)
            if k is not None:
                pos, opener = stack[k]
                del stack[k:]
                found.append(_Found(pos, opener, i, mark, i))
            elif _can_open(mark, left, right):
                stack.append((i, mark))
            elif mark in _CLOSERS and mark not in _APOSTROPHE_LIKE:
                problems.append(_Problem(i, para.index, "stray"))
    # Quotes never cross paragraphs: what is still open runs to the paragraph end.
    # An unclosed single quote is far more likely an apostrophe than a quotation, so
    # (conservatively) it is not reported at all.
    for pos, opener in stack:
        if _OPENERS[opener][0] not in _SINGLE_FAMILIES:
            found.append(_Found(pos, opener, None, None, para.end))
    # Depth = number of enclosing spans.  Pairing is stack-based, so spans are properly
    # nested and one pass over them in order of opening offset suffices.
    found.sort(key=lambda f: f.open)
    enclosing: list[int] = []  # content ends of the spans enclosing the current one
    for f in found:
        while enclosing and enclosing[-1] <= f.open:
            enclosing.pop()
        f.depth = len(enclosing)
        enclosing.append(f.end)
    return found, problems


def _analyse(text: str) -> tuple[list[QuoteSpan], list[_Problem]]:
    paras = paragraphs(text)
    apostrophes = _apostrophes(text)
    scanned = [_scan(text, p, apostrophes) for p in paras]
    # Family of the quote (if any) that opens each paragraph, for the news convention of
    # leaving a multi-paragraph quote unclosed and reopening it on the next paragraph.
    leading: list[str | None] = []
    for para, (found, _) in zip(paras, scanned):
        first = next((f for f in found if f.open == para.start), None)
        leading.append(_OPENERS[first.mark][0] if first else None)
    spans: list[QuoteSpan] = []
    problems: list[_Problem] = []
    for para, (found, probs) in zip(paras, scanned):
        problems.extend(probs)
        next_family = leading[para.index + 1] if para.index + 1 < len(paras) else None
        for f in found:
            continues = f.close is None and next_family == _OPENERS[f.mark][0]
            spans.append(
                QuoteSpan(f.open, f.close, f.open + len(f.mark), f.end, f.mark,
                          f.close_mark, f.depth, para.index, continues)
            )
            if f.close is None and not continues:
                problems.append(_Problem(f.open, para.index, "unclosed"))
    spans.sort(key=lambda s: (s.open, s.depth))
    problems.sort(key=lambda p: p.offset)
    return spans, problems


def find_quotes(text: str) -> list[QuoteSpan]:
    """All quoted spans in text, sorted by (open, depth)."""
    return _analyse(text)[0]


def _snippet(fragment: str, limit: int = 40) -> str:
    flat = " ".join(fragment.split())
    return flat if len(flat) <= limit else flat[:limit].rstrip() + "…"


def balance_warnings(text: str) -> list[str]:
    """One-line warnings for unclosed (non-continuing) quotes and unmatched marks."""
    paras = paragraphs(text)
    warnings: list[str] = []
    for p in _analyse(text)[1]:
        para = paras[p.paragraph]
        where = f"at offset {p.offset} (paragraph {p.paragraph})"
        if p.kind == "stray":
            before = " ".join(text[max(para.start, p.offset - 30) : p.offset + 1].split())
            warnings.append(f"stray closing quotation mark {where}: …{before}")
        else:
            label = "unclosed" if p.kind == "unclosed" else "unmatched opening"
            warnings.append(f"{label} quotation mark {where}: {_snippet(text[p.offset : para.end])}")
    return warnings


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
            closing = span.after
            if span.open <= start and end <= closing:
                return span
        return None

    def overlapping(self, start: int, end: int) -> list[QuoteSpan]:
        return [s for s in self.spans if s.start < end and start < s.end]


SENTENCE_END = re.compile(r"[.!?…]")
# an initial inside a name ("Paul D. Ryan said"): its period ends no sentence
INITIAL = re.compile(r"\b[A-Z]\.(?=\s*[A-Z])")


def ends_sentence(gap: str) -> bool:
    """A sentence ends in the text between two quotations (or a cue and a quotation): a
    period, but not that of a title, an abbreviation or an initial (“…,” Mr. Obama said, “…”)."""
    return bool(SENTENCE_END.search(INITIAL.sub("", mask_abbreviations(gap))))


# what puts a name or title in quotation marks: an outlet's show ("Fox News channel's
# “Sunday Morning Futures,”", "on “Hannity”"), a nickname ("the hacker known as “Guccifer”")
TITLE_BEFORE = re.compile(r"(?:[’']s|\bon|\bknown as|\bdubbed|\bnicknamed|\bentitled|\btitled|"
                          r"\b(?:starred|starring|stars|appeared|appearing|cast) in)"
                          r"\s*$", re.IGNORECASE)
# the next title of a list: "starred in “Parks and Recreation” and “Guardians of the Galaxy”"
NEXT_IN_LIST = re.compile(r"([“\"])([^“”\"]{1,60})[”\"]\s*(?:,|,?\s*and|,?\s*or)\s*$")
TITLE_SMALL_WORDS = frozenset({"a", "an", "and", "at", "by", "for", "in", "of", "on", "or",
                               "the", "to", "with"})


def names_a_title(text: str, span: QuoteSpan) -> bool:
    """A closed quotation of a few title-case words after a possessive, "on", "known as" or a
    noun of works (quotes/data/work_nouns.txt): the title of a show, book or campaign, or a
    nickname, not speech."""
    if span.close is None:
        return False
    return _title_at(text, span.open, text[span.start:span.end])


def _title_at(text: str, open_at: int, inside: str, depth: int = 0) -> bool:
    """``inside``, quoted from ``open_at``, is a title by its words and what precedes it."""
    words = re.findall(r"[\w’'-]+", inside)
    if not 1 <= len(words) <= 6 or not words[0][:1].isupper():
        return False
    if any(not w[:1].isupper() and not w[:1].isdigit() and w.lower() not in TITLE_SMALL_WORDS
           for w in words):
        return False
    before = text[max(0, open_at - 30):open_at]
    work = re.search(r"\b(\w+)\s*,?\s*$", before)       # "the TV show “The Apprentice”"
    if TITLE_BEFORE.search(before) or (
            work and work.group(1).lower() in word_list("work_nouns.txt")):
        return True
    previous = NEXT_IN_LIST.search(text[max(0, open_at - 90):open_at])
    if previous is None or depth >= 3:
        return False
    previous_open = max(0, open_at - 90) + previous.start()
    return _title_at(text, previous_open, previous.group(2), depth + 1)
