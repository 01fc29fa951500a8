"""Anonymity evidence: the phrases that mark a source as deliberately unidentified, found in
any mention of an entity or in the sentences that introduce or re-mention it."""
from __future__ import annotations

import re
from typing import Iterable

from ..lexicon import anonymity_matches, cue_lexicon
from ..parse.document import ParsedDocument, Sentence, Word
from .mentions import Mention

# The evidence of a pronoun no entity could be found for: not an unnamed source, no class.
UNRESOLVED = "unresolved pronoun"
# The evidence of a speaker that is a thing, not a person, group, organization or document
# ("the debate said", "his full tax returns show": a subject the parse misread): no class.
NOT_A_SOURCE = "not a person or organization"
# Evidence of attributions without an anonymity class that the audit counts as unresolved
# (poll respondents, also without a class, have a column of their own).
NO_CLASS = frozenset({UNRESOLVED, NOT_A_SOURCE})
# How far back a definite re-mention ("the official") looks for the sentence that introduced
# its source as anonymous ("a senior official who requested anonymity").
LOOKBACK_SENTENCES = 8


def find_anonymity_evidence(text: str) -> str | None:
    """The first phrase in ``text`` that marks a source as deliberately unidentified."""
    matches = _evidence_matches(text)
    return " ".join(matches[0].group(0).split()) if matches else None


def _evidence_matches(text: str) -> list[re.Match[str]]:
    """Every anonymity phrase in ``text``, in reading order."""
    found = anonymity_matches(text)
    return sorted(found, key=lambda m: m.start())


def sentence_text(doc: ParsedDocument, index: int) -> str:
    sentence = doc.sentences[index] if 0 <= index < len(doc.sentences) else None
    return doc.text[sentence.start:sentence.end] if sentence is not None else ""


def evidence_for(doc: ParsedDocument, mentions: Iterable[Mention],
                 sentence_indexes: Iterable[int]) -> str | None:
    """Evidence in one of the mentions ("sources … who spoke on the condition of anonymity"),
    else in a sentence that mentions the entity ("The officials, who spoke on condition of
    anonymity because the talks are private, said …" makes every mention anonymous)."""
    mentions = list(mentions)
    for mention in mentions:
        evidence = find_anonymity_evidence(mention.text)
        if evidence:
            return evidence
    for index in sorted(set(sentence_indexes)):
        evidence = _sentence_evidence(doc, index, mentions)
        if evidence:
            return evidence
    for mention in mentions:
        evidence = _earlier_anonymous_mention(doc, mention) or _later_remention(doc, mention)
        if evidence:
            return evidence
    return None


def _sentence_evidence(doc: ParsedDocument, index: int, mentions: list[Mention]) -> str | None:
    """Evidence in a sentence that mentions the entity, unless the phrase describes someone
    else: "A leadership aide who spoke on background said …, and some conservative House
    members have argued …" keeps the members unnamed."""
    if not 0 <= index < len(doc.sentences):
        return None
    sentence = doc.sentences[index]
    text = doc.text[sentence.start:sentence.end]
    for match in _evidence_matches(text):
        owner = _described_noun(sentence, sentence.start + match.start())
        if owner is None and _in_someone_elses_clause(text, match, sentence.start, mentions):
            continue
        if _in_according_to_source(text, match, sentence.start, mentions):
            continue
        if owner is None or any(m.start <= owner.start < m.end for m in mentions) or \
                not any(m.start >= sentence.start and m.end <= sentence.end for m in mentions) \
                or not _speaks(sentence, owner):
            return " ".join(match.group(0).split())
    return None


def _in_someone_elses_clause(text: str, match: re.Match[str], offset: int,
                             mentions: list[Mention]) -> bool:
    """"Yolanda, who lives two doors down and asked that her last name not be used …, said
    tenants on the block had called …" (a parse that hides whom the clause describes): the
    phrase sits in a "who" clause set off after a name or noun that is none of the entity's
    mentions."""
    clause = None
    for found in re.finditer(r",\s+(?:who|whom)\b", text[:match.start()]):
        clause = found
    if clause is None or "," in text[clause.end():match.start()]:
        return False
    antecedent = offset + clause.start()
    return not any(m.start < antecedent <= m.end + 1 or m.start >= offset + clause.start()
                   and m.end <= offset + match.end() for m in mentions)


def _in_according_to_source(text: str, match: re.Match[str], offset: int,
                            mentions: list[Mention]) -> bool:
    """"Dovetail's engineers warned …, according to two people familiar with the review":
    the phrase describes the source after "according to", not an entity whose mentions in
    this sentence all stand before it."""
    according = None
    for found in re.finditer(r"\baccording to\b", text[:match.start()], re.IGNORECASE):
        according = found
    if according is None:
        return False
    here = [m for m in mentions if offset <= m.start < offset + len(text)]
    return bool(here) and all(m.end <= offset + according.start() for m in here)


def _speaks(sentence: Sentence, noun: Word) -> bool:
    """Whether the noun is the subject of a speech verb or the source of "according to": the
    described one is then a source
    of its own (a parse that makes it the subject of something else leaves the evidence to
    the sentence's speaker, as a misread subject is no reason to drop it)."""
    governor = sentence.head_of(noun)
    if any(c.text.lower() == "according" for c in sentence.children(noun)):
        return True          # "…, according to two people familiar with the review"
    return noun.deprel.startswith("nsubj") and governor is not None and \
        (governor.lemma or governor.text).lower() in cue_lexicon().lemmas


def _described_noun(sentence: Sentence, offset: int) -> Word | None:
    """The noun a phrase at ``offset`` describes, when the phrase sits in a relative clause,
    participle or appositive of that noun ("an aide [who spoke on background]"); else None."""
    word = next((w for w in sentence.words if w.start <= offset < w.end or w.start >= offset),
                None)
    seen = 0
    while word is not None and seen < 30:
        if word.deprel in ("acl:relcl", "acl", "appos"):
            return sentence.head_of(word)
        word = sentence.head_of(word)
        seen += 1
    return None


# Subjects of the next sentence that take up a group just mentioned ("All three asked …")
GROUP_SUBJECTS = frozenset({"they", "both", "all", "each", "neither", "none", "two", "three",
                            "four", "five"})
# How far ahead a sentence re-mentioning the source ("The person asked not to be identified
# because the discussions were private.") is read for the evidence.
LOOKAHEAD_SENTENCES = 3


def opens_with_personal_pronoun(sentence: Sentence) -> bool:
    """Whether the sentence's first word is "She" or "He" as a subject (a sentence that
    takes up the person just spoken of: "She asked not to be identified …")."""
    first = sentence.words[0] if sentence.words else None
    return first is not None and first.text.lower() in ("she", "he") and \
        first.deprel.startswith("nsubj")


def _later_remention(doc: ParsedDocument, mention: Mention) -> str | None:
    """"A person close to one of the manufacturers said … The person asked not to be
    identified …": evidence in a later sentence whose definite subject re-mentions it."""
    head = mention.head
    if head is None or mention.type not in ("person", "group"):
        return None
    lemma = (head.lemma or head.text).lower()
    here = doc.sentence_containing(mention.start)
    if here is None:
        return None
    following = doc.sentences[here.index + 1:here.index + 2]
    if head.feature("Number") == "Plur":
        # "Three paramedics … said … All three asked not to be named …", and a few sentences
        # on, "Neither was authorised to speak publicly", "Both spoke on condition of
        # anonymity" (the sentence's first subject)
        for sentence in doc.sentences[here.index + 1:here.index + 1 + LOOKAHEAD_SENTENCES]:
            subject = next((w for w in sentence.words if w.deprel.startswith("nsubj")), None)
            if subject is not None and subject.text.lower() in GROUP_SUBJECTS:
                evidence = find_anonymity_evidence(sentence_text(doc, sentence.index))
                if evidence:
                    return evidence
            elif subject is not None and subject.upos == "NOUN" and \
                    subject.feature("Number") == "Plur":
                break       # "Two district facilities employees said …": a group of its own
    if head.feature("Number") != "Plur" and following and \
            opens_with_personal_pronoun(following[0]):
        # "A former member of Tessaline’s revenue team said … She asked not to be
        # identified because …" (not a phrase describing someone else in it)
        sentence = following[0]
        for match in _evidence_matches(sentence_text(doc, sentence.index)):
            if _described_noun(sentence, sentence.start + match.start()) is None:
                return " ".join(match.group(0).split())
    if following and head.deprel.startswith("nsubj"):
        # "A continuing care assistant … said … The Herald is not naming her because …",
        # "Two officers … described … the AJC agreed to withhold their names": the outlet's
        # terms for the one or ones who just spoke, by a pronoun of their number
        # the outlet's own act on them ("not naming her", "withhold their names", "agreed
        # not to name them"), not someone's request for themselves ("asked that her …")
        pronoun = "(?:them|their)" if head.feature("Number") == "Plur" else "(?:him|her|his)"
        pronouns = r"\b(?:nam(?:e|ing)|identify(?:ing)?|withh(?:o|e)ld(?:ing)?|" \
            r"publish(?:ing)?|us(?:e|ing)|print(?:ing)?)\s+" + pronoun + r"\b|^" + pronoun + \
            r"\s+(?:full |last |family )?names?\b"     # "only if their names were left out"
        sentence = following[0]
        text = sentence_text(doc, sentence.index)
        for match in _evidence_matches(text):
            # (not "Yolanda, who asked that her last name not be used, …": someone else)
            if re.search(pronouns, text[match.start():match.end() + 12], re.IGNORECASE) and \
                    _described_noun(sentence, sentence.start + match.start()) is None:
                return " ".join(match.group(0).split())
    for sentence in doc.sentences[here.index + 1:here.index + 1 + LOOKAHEAD_SENTENCES]:
        for word in sentence.words:
            if (word.lemma or word.text).lower() == lemma and word.deprel.startswith("nsubj") \
                    and word.feature("Number") in (head.feature("Number"), None) \
                    and any(c.text.lower() in ("the", "that", "this", "these", "those")
                            for c in sentence.children(word)):
                evidence = find_anonymity_evidence(sentence_text(doc, sentence.index))
                if evidence:
                    return evidence
    return None


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
        if any((w.lemma or w.text).lower() == lemma and w.upos in ("NOUN", "ADJ")
               for w in sentence.words):
            evidence = find_anonymity_evidence(sentence_text(doc, sentence.index))
            if evidence:
                return evidence
    return None
