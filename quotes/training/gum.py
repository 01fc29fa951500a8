"""Read GUM's entity layer (the ``Entity=`` annotations in the CoNLL-U MISC column).

GUM marks every mention of every entity, with its type (person, organization, place, …), its
coreference chain and, for many chains, a Wikification identity.  Two consumers: the NER
training data (named mentions only) and the coreference evaluation (every mention of a chain).
Spec of one mention, from ``# global.Entity``: ``GRP-etype-infstat-salience-centering-minspan-
link-identity``; a mention opens with ``(spec`` and closes with ``GRP)``, or ``(spec)`` for one
word.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

# one item of an Entity= value: an opening "(spec" (maybe closed at once) or a closing "GRP)"
_ITEM = re.compile(r"\(([^()]+)(\))?|(\d+)\)")


@dataclass(frozen=True)
class Word:
    """One syntactic word of a sentence (multi-word token pieces are words too)."""

    index: int          # 1-based id inside the sentence
    form: str
    upos: str
    xpos: str
    feats: str
    head: int
    deprel: str
    lemma: str = ""


@dataclass(frozen=True)
class Token:
    """One surface token: a word, or a multi-word token spanning words ``first..last``."""

    form: str
    first: int
    last: int


@dataclass(frozen=True)
class Mention:
    """One entity mention: words ``start..end`` (1-based, inclusive) of its sentence."""

    chain: str          # the coreference group id, unique within a document
    etype: str          # person, organization, place, abstract, …
    start: int
    end: int
    identity: str       # Wikification identity ("Daniel_Bernoulli") or ""


@dataclass
class Sentence:
    sent_id: str
    text: str
    words: list[Word] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    def head_of(self, mention: Mention) -> Word:
        """The mention's syntactic head: its word whose head lies outside the mention."""
        inside = range(mention.start, mention.end + 1)
        for word in self.words[mention.start - 1:mention.end]:
            if word.head not in inside:
                return word
        return self.words[mention.start - 1]


@dataclass
class GumDocument:
    doc_id: str
    genre: str
    sentences: list[Sentence] = field(default_factory=list)


def _parse_spec(spec: str) -> tuple[str, str, str]:
    """(group, etype, identity) of one opening spec."""
    parts = spec.split("-", 7)
    group, etype = parts[0], parts[1] if len(parts) > 1 else "abstract"
    identity = parts[7] if len(parts) > 7 else ""
    return group, etype, identity


def _entity_value(misc: str) -> str:
    for item in misc.split("|"):
        if item.startswith("Entity="):
            return item[len("Entity="):]
    return ""


def read_documents(path: Path) -> Iterator[GumDocument]:
    """Yield the documents of one GUM CoNLL-U file with their words, tokens and mentions."""
    doc: GumDocument | None = None
    sentence: Sentence | None = None
    # mentions still open, per group id (a group can nest inside itself: keep a stack)
    open_mentions: dict[str, list[tuple[str, int, str]]] = {}

    def finish_sentence() -> None:
        nonlocal sentence
        if sentence is not None and doc is not None and sentence.words:
            doc.sentences.append(sentence)
        sentence = None

    with path.open(encoding="utf-8") as lines:
        for line in lines:
            line = line.rstrip("\n")
            if line.startswith("# newdoc id"):
                finish_sentence()
                if doc is not None:
                    yield doc
                doc_id = line.split("=", 1)[1].strip()
                doc = GumDocument(doc_id, doc_id.split("_")[1] if "_" in doc_id else "")
                open_mentions = {}
            elif line.startswith("# sent_id"):
                finish_sentence()
                sentence = Sentence(line.split("=", 1)[1].strip(), "")
            elif line.startswith("# text ="):
                if sentence is not None:
                    sentence.text = line.split("=", 1)[1].strip()
            elif line.startswith("#") or not line.strip():
                continue
            else:
                if sentence is None:
                    sentence = Sentence("", "")
                cols = line.split("\t")
                if len(cols) < 10 or "." in cols[0]:
                    continue
                if "-" in cols[0]:
                    first, last = (int(n) for n in cols[0].split("-"))
                    sentence.tokens.append(Token(cols[1], first, last))
                    continue
                index = int(cols[0])
                sentence.words.append(Word(index, cols[1], cols[3], cols[4], cols[5],
                                           int(cols[6]) if cols[6].isdigit() else 0, cols[7],
                                           cols[2]))
                if not sentence.tokens or sentence.tokens[-1].last < index:
                    sentence.tokens.append(Token(cols[1], index, index))
                for match in _ITEM.finditer(_entity_value(cols[9])):
                    spec, closed_at_once, closing = match.groups()
                    if spec is not None:
                        group, etype, identity = _parse_spec(spec)
                        if closed_at_once:
                            sentence.mentions.append(Mention(group, etype, index, index, identity))
                        else:
                            open_mentions.setdefault(group, []).append((etype, index, identity))
                    elif closing is not None and open_mentions.get(closing):
                        etype, start, identity = open_mentions[closing].pop()
                        sentence.mentions.append(Mention(closing, etype, start, index, identity))
    finish_sentence()
    if doc is not None:
        yield doc
