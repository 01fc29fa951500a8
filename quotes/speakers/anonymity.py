"""Named, unnamed or anonymous: how identifiable a speaker mention is, with the evidence."""
from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import word_list
from ..parse.document import ParsedDocument
from .mentions import Mention, role_entries
from .names import is_possessive


@lru_cache(maxsize=None)
def anonymity_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(rf"\b{p}\b", re.IGNORECASE) for p in word_list("anonymity_phrases.txt"))


def find_anonymity_evidence(text: str) -> str | None:
    """The first phrase in ``text`` that marks a source as deliberately unidentified."""
    best = None
    for pattern in anonymity_patterns():
        match = pattern.search(text)
        if match and (best is None or match.start() < best.start()):
            best = match
    return best.group(0) if best else None


def _text_of(sentence, doc: ParsedDocument) -> str:
    return doc.text[sentence.start:sentence.end] if sentence is not None else ""


def classify_anonymity(doc: ParsedDocument, mention: Mention) -> tuple[str | None, str | None]:
    """(anonymity, evidence) for a mention that did not resolve to a named entity."""
    if mention.pronoun is not None:
        return "unnamed", "unresolved pronoun"
    # Evidence in the mention itself ("sources familiar with the plans who spoke … on the
    # condition of anonymity") or elsewhere in its sentence ("…, said the official, who
    # declined to be named").
    evidence = find_anonymity_evidence(mention.text) or find_anonymity_evidence(
        _text_of(doc.sentence_containing(mention.start), doc))
    if mention.name:
        return "named", "named " + mention.type
    if evidence:
        return "anonymous", evidence
    earlier = _earlier_anonymous_mention(doc, mention)
    if earlier:
        return "anonymous", earlier
    head = mention.head
    if head is None:
        return "unnamed", "no name"
    if mention.type == "organization":
        # "the ministry", "the report": a definite institution or document is identified.
        definite = any(w.text.lower() in ("the", "this", "that") or is_possessive(w)
                       or w.upos == "PROPN" for w in mention.words if w.index < head.index)
        return ("named", "definite organization") if definite else ("unnamed", "generic organization")
    if mention.type == "person" and _single_office_holder(doc, mention):
        return "named", "identifiable office holder"
    return "unnamed", "description without a name"


# How far back a definite re-mention ("the official") looks for the sentence that introduced
# its source as anonymous ("a senior official who spoke on the condition of anonymity").
LOOKBACK_SENTENCES = 8


def _earlier_anonymous_mention(doc: ParsedDocument, mention: Mention) -> str | None:
    """"The information came from a senior official who requested anonymity. … The official
    said …": the re-mention keeps the anonymity its source was introduced with, also when
    that first sentence is not itself an attribution."""
    head = mention.head
    if head is None or mention.type not in ("person", "group") or not mention.words or \
            mention.words[0].text.lower() not in ("the", "that", "this", "these", "those"):
        return None
    lemma = (head.lemma or head.text).lower()
    here = doc.sentence_containing(mention.start)
    if here is None:
        return None
    for sentence in reversed(doc.sentences[max(0, here.index - LOOKBACK_SENTENCES):here.index]):
        if any((w.lemma or w.text).lower() == lemma and w.upos == "NOUN" for w in sentence.words):
            evidence = find_anonymity_evidence(_text_of(sentence, doc))
            if evidence:
                return evidence
    return None


def _single_office_holder(doc: ParsedDocument, mention: Mention) -> bool:
    """"the country's top military commander", "the White House press secretary"."""
    head = mention.head
    _, offices = role_entries()
    if head is None or head.lemma.lower() not in offices or head.feature("Number") == "Plur":
        return False
    before = [w for w in mention.words if w.index < head.index]
    if before and before[0].text.lower() in ("a", "an", "one", "another", "some"):
        return False          # "a Kremlin spokesman": one of several
    # The office must be qualified by whose it is: a possessive, a proper-name compound
    # ("Kremlin spokesman", "the White House press secretary"), or "of the …".
    qualified = any(is_possessive(w) or w.upos == "PROPN" for w in before) or any(
        w.deprel.startswith("nmod") and w.index > head.index for w in mention.words)
    return qualified
