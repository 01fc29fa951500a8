"""How well the speaker resolver links mentions to entities, measured on GUM's coreference.

For every third-person mention of a person or organization in GUM documents of the given
genres, the resolver links the mention (in reading order, as it links speakers) and the
entity it lands in is compared with the gold chain's: the chain's Wikification identity or
its fullest proper-name mention (either one).  Chains without any name are left out (a description
has no canonical name to compare).  Results are broken down by mention kind: full name,
partial name, pronoun, description.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable
from urllib.parse import unquote

from ..lexicon import word_list
from ..parse.document import ParsedDocument
from ..speakers.entities import Article
from ..training.gum import GumDocument, Mention, Sentence, read_documents
from ..training.ner_data import name_span

GENRES = ("news", "interview", "bio", "voyage")
ENTITY_TYPES = ("person", "organization")
FIRST_SECOND_PERSON = word_list("first_second_person.txt")
KINDS = ("full name", "partial name", "pronoun", "description")


@dataclass
class GoldMention:
    start: int
    end: int
    kind: str
    chain: str


@dataclass
class CorefScores:
    documents: int = 0
    skipped_chains: int = 0
    by_kind: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    examples: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        out = {"documents": self.documents, "chains_without_name": self.skipped_chains}
        for kind in KINDS:
            c = self.by_kind.get(kind, Counter())
            total = c["right"] + c["wrong"]
            out[kind] = {"mentions": total,
                         "accuracy": round(c["right"] / total, 4) if total else None}
        return out


def _text_and_offsets(document: GumDocument) -> tuple[str, list[list[tuple[int, int]]]]:
    """The document as one sentence per line, and each word's character span."""
    lines, offsets, position = [], [], 0
    for sentence in document.sentences:
        text = sentence.text or " ".join(t.form for t in sentence.tokens)
        spans: list[tuple[int, int]] = []
        cursor = 0
        by_word: dict[int, tuple[int, int]] = {}
        for token in sentence.tokens:
            found = text.find(token.form, cursor)
            if found < 0:
                found = cursor
            start, end = found, found + len(token.form)
            cursor = end
            pieces = [w for w in sentence.words if token.first <= w.index <= token.last]
            if len(pieces) > 1 and "".join(w.form for w in pieces) == token.form:
                # words that spell out their token ("Brandt" + "'s") get their own offsets
                at = start
                for w in pieces:
                    by_word[w.index] = (position + at, position + at + len(w.form))
                    at += len(w.form)
                continue
            for index in range(token.first, token.last + 1):
                by_word[index] = (position + start, position + end)
        for word in sentence.words:
            spans.append(by_word.get(word.index, (position, position)))
        lines.append(text)
        offsets.append(spans)
        position += len(text) + 1
    return "\n".join(lines), offsets


def _canonical(name: str) -> str:
    # Wikification identities are URL-encoded ("Steven_F._Udvar%2DHázy"); accents are
    # folded, since an article may spell the name without them ("Udvar-Hazy")
    name = unicodedata.normalize("NFKD", unquote(name).replace("_", " "))
    name = "".join(c for c in name if not unicodedata.combining(c))
    name = re.sub(r"\s*\(.*?\)\s*", " ", name)
    name = re.sub(r"^the\s+", "", name.strip().lower())
    return " ".join(re.findall(r"[\w’'.-]+", name))


def _same_entity(predicted: str | None, gold: str) -> bool:
    if not predicted:
        return False
    p, g = _canonical(predicted).split(), _canonical(gold).split()
    if not p or not g:
        return False
    # The gold name is often a Wikipedia title ("Emperor Norton", "Lord Byron") where the
    # article says "Joshua Abraham Norton": the same surname is the same person.
    shorter, longer = (p, g) if len(p) <= len(g) else (g, p)
    return p[-1] == g[-1] or longer[:len(shorter)] == shorter


def _kind(sentence: Sentence, mention: Mention, chain_names: list[str]) -> str | None:
    head = sentence.head_of(mention)
    if head.upos == "PRON":
        return None if head.form.lower() in FIRST_SECOND_PERSON else "pronoun"
    span = name_span(sentence, mention)
    if span is None:
        return "description"
    words = [w.form for w in sentence.words[span[0] - 1:span[1]]]
    longest = max((len(n.split()) for n in chain_names), default=len(words))
    return "full name" if len(words) >= longest else "partial name"


def gold_mentions(document: GumDocument, offsets: list[list[tuple[int, int]]]
                  ) -> tuple[list[GoldMention], dict[str, list[str]], int]:
    """Evaluable mentions in reading order, each chain's canonical names (its identity
    and its fullest proper-name mention, either one counts), chains skipped."""
    names: dict[str, list[str]] = defaultdict(list)
    identity: dict[str, str] = {}
    types: dict[str, str] = {}
    for sentence in document.sentences:
        for mention in sentence.mentions:
            types.setdefault(mention.chain, mention.etype)
            if mention.identity:
                identity.setdefault(mention.chain, mention.identity)
            span = name_span(sentence, mention)
            if span is not None:
                names[mention.chain].append(
                    " ".join(w.form for w in sentence.words[span[0] - 1:span[1]]))
    canonical: dict[str, list[str]] = {}
    for chain, etype in types.items():
        if etype not in ENTITY_TYPES:
            continue
        # the chain's identity and its fullest proper-name mention: the Wikipedia title may
        # spell it otherwise ("World_Health_Organization" for "World Health Organisation")
        found = [identity[chain]] if chain in identity else []
        if names.get(chain):
            found.append(max(names[chain], key=lambda n: (len(n.split()), len(n))))
        if found:
            canonical[chain] = found
    skipped = sum(1 for c, t in types.items() if t in ENTITY_TYPES and c not in canonical)
    found = []
    for s_index, sentence in enumerate(document.sentences):
        for mention in sentence.mentions:
            if mention.chain not in canonical:
                continue
            kind = _kind(sentence, mention, names.get(mention.chain, []))
            if kind is None:
                continue
            start = offsets[s_index][mention.start - 1][0]
            end = offsets[s_index][mention.end - 1][1]
            found.append(GoldMention(start, end, kind, mention.chain))
    found.sort(key=lambda m: (m.start, -m.end))
    return found, canonical, skipped


def evaluate(paths: Iterable[Path], parse, *, genres: Iterable[str] = GENRES,
             keep_examples: int = 0) -> CorefScores:
    """Score the resolver on GUM files; ``parse`` turns a text into a ParsedDocument."""
    scores = CorefScores()
    wanted = set(genres)
    for path in paths:
        for document in read_documents(Path(path)):
            if document.genre not in wanted:
                continue
            text, offsets = _text_and_offsets(document)
            parsed: ParsedDocument = parse(text)
            mentions, canonical, skipped = gold_mentions(document, offsets)
            scores.documents += 1
            scores.skipped_chains += skipped
            article = Article(parsed)
            for mention in mentions:
                _, entity = article.link(mention.start, mention.end, speaker=False)
                predicted = entity.label if entity is not None else None
                right = any(_same_entity(predicted, gold) for gold in canonical[mention.chain])
                scores.by_kind[mention.kind]["right" if right else "wrong"] += 1
                if not right and len(scores.examples) < keep_examples:
                    scores.examples.append({"doc": document.doc_id, "kind": mention.kind,
                                            "mention": text[mention.start:mention.end],
                                            "gold": canonical[mention.chain][0],
                                            "predicted": predicted})
    return scores
