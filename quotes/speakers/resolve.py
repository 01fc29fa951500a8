"""Speaker resolution within one article: each attribution's speaker mention joins an entity,
and the entity's name, role, type and anonymity, decided once, go to all its records."""
from __future__ import annotations

import re

from ..attribution.cue_syntax import names_a_thing
from ..lexicon import word_list
from ..parse.document import ParsedDocument
from ..records import Attribution
from .anonymity import (NOT_A_SOURCE, UNRESOLVED, evidence_for,
                        opens_with_personal_pronoun)
from .entities import Article, Entity
from .mentions import clean, document_lemma, singular
from .names import given_name_gender
from .polls import POLL_RESPONDENTS, is_share, reports_a_poll


def classify_entity(doc: ParsedDocument, entity: Entity) -> tuple[str | None, str]:
    """(anonymity, evidence), once per entity: named if any mention names it (a bare surname
    counts) or it is one identifiable office holder; anonymous if any of its mentions, or the
    sentences that mention it, carry anonymity evidence; no class when it is a thing, not a
    source; otherwise unnamed."""
    if entity.names:
        withheld = _surname_withheld(doc, entity)
        if withheld:
            # "Jolene, … who asked that her last name not be used": a given name alone, the
            # rest kept back on purpose, is a source the reader cannot identify
            return "anonymous", withheld
        return "named", f"named {entity.type}"
    if entity.office:
        return "named", "identifiable office holder"
    if _poll_respondents(doc, entity):
        return None, POLL_RESPONDENTS
    if entity.type == "document":
        # a document is anonymous by its own words ("a memo written by an official who
        # requested anonymity"), not by a source quoted beside it ("The audit found …, an
        # officer privy to the report, who did not wish to be named, said")
        evidence = evidence_for(doc, entity.mentions, ()) or entity.inherited_evidence
    else:
        evidence = evidence_for(doc, entity.mentions, entity.sentences) or \
            entity.inherited_evidence
    if evidence:
        return "anonymous", evidence
    if entity.type in ("person", "group") and any(
            m.head is not None and m.pronoun is None and (
                document_lemma(m.head) in SOURCE_WORDS or _one_of_sources(m))
            for m in entity.mentions):
        # "sources told the newspaper", "a source in the security services": in news a
        # source the story does not name is one it keeps anonymous
        return "anonymous", "source not named"
    if entity.type == "document":
        # A document is its author's word: named, unless the article keeps the author from
        # us ("an internal email obtained by the Gazette", "a memo circulating among staff").
        if any(UNATTRIBUTED.search(m.text) or UNATTRIBUTED.search(_phrase_of(doc, m))
               for m in entity.mentions) and not any(
                m.words and m.words[0].text.lower() in DEFINITE_OWNERS - {"the", "this", "that"}
                or AUTHOR_FROM.search(_phrase_of(doc, m)) or _author_clause(doc, m)
                or _issuer_before_noun(doc, m) or _author_after_noun(doc, m)
                for m in entity.mentions):
            return "unnamed", "unattributed document"
        return "named", "identified document"
    if entity.type == "organization":
        # "the ministry", "the report", "a Pentagon report", "a statement from the ministry",
        # "a filing by prosecutors": an institution or document that is definite or whose
        # author is given is identified; "a memo circulated among House Democrats", "a
        # parts supplier in Quebec" are not.
        first = min(entity.mentions, key=lambda m: m.start)
        if _identified(first, introducing=True) or any(
                _identified(m) or _author_clause(doc, m) for m in entity.mentions):
            return "named", f"identified {entity.type}"
        return "unnamed", f"generic {entity.type}"
    if entity.type == "unknown" and all(
            names_a_thing(m.head, m.words) or _demonstrative(m) for m in entity.mentions):
        return None, NOT_A_SOURCE
    return "unnamed", "description without a name"


# The nouns by which a story calls the people it keeps unnamed its sources.
SOURCE_WORDS = frozenset({"source"})


def _one_of_sources(mention) -> bool:
    """"One of the sources", "one of those sources": a member of the story's sources."""
    words = [w.text.lower() for w in mention.words[:4]]
    return len(words) >= 3 and words[1] == "of" and any(
        document_lemma(w) in SOURCE_WORDS for w in mention.words[2:5] if w.upos == "NOUN")


def _surname_withheld(doc: ParsedDocument, entity: Entity) -> str | None:
    """Evidence that a person named by a given name alone had the rest of the name withheld
    ("Ray, … who asked that his last name not be used", "identified only by her first
    name"); None for anyone with a surname or without such evidence."""
    if entity.type != "person" or any(len(n.split()) > 1 for n in entity.names):
        return None
    # the sentences that give the name too, quoted or not ("Dana, 31, …, who asked that her
    # last name not be used …, joined the trial" before "“…,” she said")
    named_in = {s.index for s in doc.sentences for n in entity.names
                if re.search(rf"\b{re.escape(n)}\b", doc.text[s.start:s.end])}
    # and the sentence after one of those that takes the person up as "she" or "he"
    # ("Shaylee, 24, is due in January. She asked that NPR use only her first name …")
    taken_up = {i + 1 for i in named_in if i + 1 < len(doc.sentences) and
                opens_with_personal_pronoun(doc.sentences[i + 1])}
    evidence = evidence_for(doc, entity.mentions, entity.sentences | named_in | taken_up)
    if not evidence:
        return None
    if PART_OF_NAME.search(evidence):
        return evidence     # "Walt, … who asked that his last name not be used": said outright
    listed = all(given_name_gender(n) is not None for n in entity.names)
    return evidence if listed and re.search(r"name|identif", evidence, re.I) else None


# evidence that names which part of the name was kept back
PART_OF_NAME = re.compile(r"\b(?:last|family|first|given|full)\s+name|\bsurname", re.I)


def _issuer_before_noun(doc: ParsedDocument, mention) -> bool:
    """"An internal FEMA email", "an internal White House memo": a proper name just before
    the document's noun is the body that issued it (not a service it was written on, "an
    internal Slack message")."""
    head = mention.head
    sentence = doc.sentence_containing(mention.start)
    if head is None or sentence is None:
        return False
    names = [c for c in sentence.children(head) if c.deprel == "compound" and
             c.upos == "PROPN" and c.index < head.index]
    return bool(names) and not any(c.text.lower() in word_list("platform_names.txt")
                                   for c in names)


def _author_after_noun(doc: ParsedDocument, mention) -> bool:
    """"a draft audit by the county Auditor-Controller’s office, reviewed by The Times": "by"
    right after the document's noun gives its author."""
    head = mention.head
    return head is not None and re.match(r"\s+by\s+\S", doc.text[head.end:head.end + 12]) \
        is not None


def _author_clause(doc: ParsedDocument, mention) -> bool:
    """"a letter the London-based hedge fund sent to directors", "A memo Okonjo sent to
    staff": a relative clause without "by" whose subject, a name or a definite noun, wrote
    or sent the document gives its author (read from the words: a compact parser often
    makes the author a passive subject or the document's modifier)."""
    return bool(AUTHOR_CLAUSE.match(mention.text) or AUTHOR_CLAUSE.match(_phrase_of(doc, mention)))


# "a letter [that] the fund sent", "a memo Okonjo wrote", "an email the company's lawyers sent",
# "a speech Mrs. Clinton delivered"
AUTHOR_CLAUSE = re.compile(
    r"(?:[Aa]n?|[Tt]he)\s+(?:[\w-]+\s+){0,2}?[\w-]+\s+(?:that\s+|which\s+)?"
    r"(?:(?:the|its|their|his|her)\s+(?:[\w’'-]+\s+){0,3}?[\w’'-]+|[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,3})"
    r"\s+(?:had\s+|has\s+)?(?:sent|wrote|issued|signed|filed|released|published|drafted|submitted|"
    r"posted|emailed|mailed|circulated|delivered|gave|prepared|commissioned)\b")


def _poll_respondents(doc: ParsedDocument, entity: Entity) -> bool:
    """"64 percent said", "half of GOP primary voters say" in an article about a poll: every
    mention but pronouns is a share of people, and the article reports a poll."""
    described = [m for m in entity.mentions if m.pronoun is None]
    return bool(described) and all(is_share(m.text) for m in described) and \
        reports_a_poll(doc.text)


def _demonstrative(mention) -> bool:
    """"That suggests …", "This says …", "there says": a demonstrative or expletive speaker
    points at what was said or found, not at a source."""
    return len(mention.words) == 1 and mention.words[0].text.lower() in DEMONSTRATIVES


DEMONSTRATIVES = frozenset({"that", "this", "these", "those", "there"})


def _phrase_of(doc: ParsedDocument, mention) -> str:
    """The whole noun phrase of a mention's head in its sentence ("A memo" as a speaker is
    "A memo circulated Tuesday among House Democrats")."""
    sentence = doc.sentence_containing(mention.start)
    if sentence is None or mention.head is None:
        return mention.text
    words = [w for w in sentence.subtree(mention.head) if w.index >= mention.head.index - 3]
    governor = sentence.head_of(mention.head)
    if mention.head.deprel.startswith("nsubj") and governor is not None and \
            governor.xpos in ("VBD", "VBN") and governor.index > mention.head.index:
        # "A memo circulated Tuesday among House Democrats and reviewed by The Courier said":
        # the parser read the participle as the main verb and the cue as its conjunct; the
        # phrase runs up to the cue.
        cue = next((c for c in sentence.children(governor) if c.deprel == "conj"
                    and c.upos == "VERB" and c.xpos != "VBN"), None)
        if cue is not None:
            words = [w for w in sentence.words if mention.head.index - 3 <= w.index < cue.index
                     and w.start >= mention.start]
    return doc.text[words[0].start:words[-1].end] if words else mention.text


def _identified(mention, introducing: bool = False) -> bool:
    """Whether a mention identifies its institution or document: definite where it is
    introduced ("the ministry"; a later "the memo" only points back), owned by a name
    ("Northline’s website", "a Pentagon report"), or given an author or a venue."""
    head = mention.head
    if head is None or not mention.words:
        return False
    if introducing and mention.words[0].text.lower() in DEFINITE_OWNERS:
        return True
    if any(w.deprel == "nmod:poss" or w.text.endswith(("'s", "’s")) for w in mention.words) and (
            any(w.upos == "PROPN" or w.text.lower() in DEFINITE_OWNERS for w in mention.words
                if w.index < head.index) or OWNER_AFTER.search(mention.text)):
        return True
    if any(w.upos == "PROPN" and w.index < head.index for w in mention.words):
        return True
    if singular(head) in word_list("force_nouns.txt"):
        return True         # "police said": the local force
    return bool(AUTHOR.search(mention.text))


UNATTRIBUTED = re.compile(r"\b(?:circulat\w*|internal|leaked|unsigned|anonymous|obtained by|seen by|"
                          r"reviewed by|sent to)\b", re.I)
DEFINITE_OWNERS = frozenset({"the", "this", "that", "its", "their", "his", "her"})
# "a statement from the ministry", "a report by Human Rights Watch", "a filing by prosecutors",
# "a study published … in the journal Nature Geoscience"
AUTHOR = re.compile(r"\b(?:by|from)\s+(?:the\s+)?[\w’'-]+|\bpublished\b.*\bin\s+(?:the\s+)?"
                    r"(?:journal\s+)?[A-Z]")
# who wrote or issued it: "a statement from the ministry", "a letter signed by the board", "A
# letter sent Monday to Mr. Alderane by 14 members of the committee"
AUTHOR_FROM = re.compile(r"\b(?:from|(?:signed|issued|written|released|sent|drafted|authored)"
                         r"(?:\s+(?!by\b)[\w.’'-]+){0,5}?\s+by)\s+\S", re.I)
OWNER_AFTER = re.compile(r"\b[A-Z][\w-]*[’']s\b")


def resolve_speakers(doc: ParsedDocument, records: list[Attribution]) -> list[Attribution]:
    """Fill speaker_name, speaker_role, speaker_type, speaker_entity and the anonymity fields."""
    article = Article(doc)
    linked: dict[tuple[int, int], Entity | None] = {}
    order = sorted(records, key=lambda r: (r.speaker_start or r.start, r.start))
    for record in order:
        if record.kind == "scare" or record.speaker_start is None:
            continue
        key = (record.speaker_start, record.speaker_end)
        if key not in linked:       # a follow-on quotation reuses its speaker's entity
            linked[key] = article.link(record.speaker_start, record.speaker_end,
                                       cue=record.cue_lemma)[1]
    merged = article.merge_cataphora()
    linked = {key: merged.get(e.id, e) if e is not None else None for key, e in linked.items()}
    numbers: dict[int, str] = {}
    for record in order:
        entity = linked.get((record.speaker_start, record.speaker_end))
        if entity is not None and entity.id not in numbers:
            numbers[entity.id] = f"e{len(numbers) + 1}"
    decided = {e.id: classify_entity(doc, e) for e in article.entities}
    resolved = []
    for record in records:
        if record.kind == "scare" or record.speaker_start is None:
            resolved.append(record)
            continue
        entity = linked[(record.speaker_start, record.speaker_end)]
        if entity is None:
            resolved.append(record.with_(
                speaker_name=clean(record.speaker or ""), speaker_type="person",
                speaker_role=None, anonymity=None, anonymous=None,
                anonymity_evidence=UNRESOLVED, speaker_entity=None))
            continue
        anonymity, evidence = decided[entity.id]
        resolved.append(record.with_(
            speaker_name=entity.label, speaker_role="; ".join(entity.descriptions) or None
            if entity.names else _role_of_unnamed(entity),
            speaker_type=entity.type, anonymity=anonymity,
            anonymous=anonymity != "named" if anonymity is not None else None,
            anonymity_evidence=evidence, speaker_entity=numbers[entity.id]))
    return sorted(resolved, key=lambda r: r.quote_id)


def _role_of_unnamed(entity: Entity) -> str | None:
    if entity.type in ("person", "group"):
        return "; ".join(entity.descriptions) or None
    return None
