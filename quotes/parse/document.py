"""Plain, serializable dependency parses: the only form of a parse the attribution rules see."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Iterator, NamedTuple

from .paragraphs import Paragraph, paragraphs


class Word(NamedTuple):
    """One syntactic word. Offsets are absolute character offsets into the article text.

    Words of a multi-word token (``don't`` = ``do`` + ``n't``) share the token's offsets.
    Immutable and compared by value; a named tuple rather than a frozen dataclass because a
    warm run builds every word of every cached parse, and a tuple is built seven times faster.
    """

    index: int        # 1-based position in its sentence (CoNLL-U ID)
    text: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    head: int         # 0 for the root
    deprel: str
    start: int
    end: int

    @property
    def relation(self) -> str:
        """The universal part of the relation (``nsubj`` for ``nsubj:pass``)."""
        return self.deprel.split(":", 1)[0]

    def feature(self, name: str) -> str | None:
        for pair in self.feats.split("|") if self.feats and self.feats != "_" else ():
            key, _, value = pair.partition("=")
            if key == name:
                return value
        return None


@dataclass(frozen=True)
class NamedSpan:
    """A name the NER model found: words ``first..last`` (1-based, inclusive) of a sentence."""

    first: int
    last: int
    type: str         # person | organization | place | other (see ENTITY_TYPES)


def hyphen_glued(left: Word, hyphen: Word, right: Word) -> bool:
    """Three words written as one with a hyphen between ("Per-Arne", "Geun-hye"): the
    tokenizer's split, not a dash between words."""
    return hyphen.text == "-" and left.end == hyphen.start and hyphen.end == right.start


# Words that end a business's name ("Tidewater Continuing Care Ltd.").
BUSINESS_SUFFIXES = frozenset({"ltd", "inc", "corp", "llc", "plc", "co", "limited", "lp",
                               "llp", "ulc"})


def _capitalized_run(words: list[Word], last: int) -> int:
    """The position (1-based) of the last capitalized proper noun in the run right after
    word ``last``; ``last`` itself when none follows."""
    while last < len(words) and words[last].upos == "PROPN" and words[last].text[:1].isupper():
        last += 1
    return last


def joined_names(words: list[Word], names: list[NamedSpan]) -> list[NamedSpan]:
    """The NER model's spans with the pieces of one name joined: pieces split at a hyphen
    written without spaces ("[Trans]-[Pecos Power]", "[Coca]-Cola": the tokenizer splits the
    word, the model types the parts), and a name run on through the capitalized words after
    it and an "&" ("[Trans-Pecos] Power & Light", "Procter & Gamble": a business), or through
    capitalized words to a piece ending in a business suffix ("Tidewater Continuing Care
    Ltd.")."""
    spans = sorted(names, key=lambda n: n.first)
    joined: list[NamedSpan] = []
    i = 0
    while i < len(spans):
        first, last, kind = spans[i].first, spans[i].last, spans[i].type
        i += 1
        while last + 2 <= len(words):
            hyphen, right = words[last], words[last + 1]      # the words after the span
            run = _capitalized_run(words, last)       # "[Trans-Pecos] Power & Light"
            if hyphen_glued(words[last - 1], hyphen, right) and right.text[:1].isupper():
                last += 2                             # "[Trans]-Pecos"
            elif run + 2 <= len(words) and words[run].text == "&" and \
                    words[run + 1].upos == "PROPN" and words[run + 1].text[:1].isupper():
                last, kind = run + 2, "organization"  # "Power & Light"
            elif i < len(spans) and 0 <= spans[i].first - 1 - last <= 2 and \
                    words[spans[i].last - 1].text.rstrip(".").lower() in BUSINESS_SUFFIXES and \
                    all(w.text[:1].isupper() and w.text.isalpha()
                        for w in words[last:spans[i].first - 1]):
                # "[Tidewater] Continuing [Care Ltd.]" ("Continuing" read as a verb): a name
                # run on to the business suffix of the piece after it
                last, kind = spans[i].first, "organization"
            else:
                break
            if i < len(spans) and spans[i].first <= last:       # the next piece: one name
                piece = spans[i]
                if piece.last - piece.first > last - 2 - first and kind != "organization":
                    kind = piece.type                 # the longer piece's type
                last = max(last, piece.last)
                i += 1
        joined.append(NamedSpan(first, last, kind))
    return joined


@dataclass
class Sentence:
    index: int                     # 0-based position in the document
    paragraph_index: int
    words: list[Word]
    names: list[NamedSpan] = field(default_factory=list)
    _children: dict[int, list[Word]] | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.names:
            self.names = joined_names(self.words, self.names)

    @property
    def start(self) -> int:
        return self.words[0].start

    @property
    def end(self) -> int:
        return self.words[-1].end

    def word(self, index: int) -> Word:
        return self.words[index - 1]

    def head_of(self, word: Word) -> Word | None:
        return self.words[word.head - 1] if word.head else None

    def children(self, word: Word) -> list[Word]:
        if self._children is None:
            children: dict[int, list[Word]] = {}
            for w in self.words:
                children.setdefault(w.head, []).append(w)
            self._children = children
        return self._children.get(word.index, [])

    def subtree(self, word: Word) -> list[Word]:
        """The word and all its descendants, in sentence order."""
        self.children(word)                 # builds the table of children
        children = self._children
        seen = {word.index}
        stack = [word.index]
        while stack:
            for child in children.get(stack.pop(), ()):   # type: ignore[union-attr]
                if child.index not in seen:
                    seen.add(child.index)
                    stack.append(child.index)
        return [w for w in self.words if w.index in seen]

    def ancestors(self, word: Word) -> Iterator[Word]:
        seen = set()
        current = self.head_of(word)
        while current is not None and current.index not in seen:
            seen.add(current.index)
            yield current
            current = self.head_of(current)

    def roots(self) -> list[Word]:
        return [w for w in self.words if w.head == 0]

    def name_of(self, word: Word) -> NamedSpan | None:
        """The NER name the word belongs to, if any."""
        return next((n for n in self.names if n.first <= word.index <= n.last), None)


@dataclass
class ParsedDocument:
    """A parsed article: its text and its sentences, with the model that parsed it."""

    text: str
    sentences: list[Sentence]
    model: str = ""
    _starts: list[int] | None = field(default=None, repr=False, compare=False)
    _paragraphs: list[Paragraph] | None = field(default=None, repr=False, compare=False)

    def paragraphs(self) -> list[Paragraph]:
        """The text's paragraphs (as the parse split them), found once."""
        if self._paragraphs is None:
            self._paragraphs = paragraphs(self.text)
        return self._paragraphs

    def to_dict(self) -> dict:
        return {
            "model": self.model,
            "sentences": [
                {"paragraph_index": s.paragraph_index,
                 "words": [list(w) for w in s.words],
                 "names": [[n.first, n.last, n.type] for n in s.names]}
                for s in self.sentences
            ],
        }

    @classmethod
    def from_dict(cls, text: str, data: dict) -> "ParsedDocument":
        sentences = [
            Sentence(index=i, paragraph_index=s["paragraph_index"],
                     words=[Word._make(values) for values in s["words"]],
                     names=[NamedSpan(*values) for values in s.get("names", ())])
            for i, s in enumerate(data["sentences"])
        ]
        return cls(text=text, sentences=sentences, model=data.get("model", ""))

    def sentence_containing(self, offset: int) -> Sentence | None:
        """The sentence whose span holds ``offset`` (binary search: sentences are in order)."""
        position = self._last_starting_at_or_before(offset)
        if position >= 0 and offset < self.sentences[position].end:
            return self.sentences[position]
        return None

    def sentence_from(self, offset: int) -> Sentence | None:
        """The first sentence that holds ``offset`` (or ends just before it), else the first
        one after it, else the last one."""
        if not self.sentences:
            return None
        position = self._last_starting_at_or_before(offset)
        if position >= 1 and offset < self.sentences[position - 1].end + 1:
            return self.sentences[position - 1]
        if position >= 0 and offset < self.sentences[position].end + 1:
            return self.sentences[position]
        following = position + 1
        return self.sentences[following] if following < len(self.sentences) else self.sentences[-1]

    def _last_starting_at_or_before(self, offset: int) -> int:
        """Index of the last sentence starting at or before ``offset`` (-1: none); the starts
        are recomputed when sentences were added."""
        if self._starts is None or len(self._starts) != len(self.sentences):
            self._starts = [s.start for s in self.sentences]
        return bisect_right(self._starts, offset) - 1

    def words(self) -> Iterator[tuple[Sentence, Word]]:
        for sentence in self.sentences:
            for word in sentence.words:
                yield sentence, word
