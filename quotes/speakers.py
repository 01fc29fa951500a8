"""Speaker resolution within one article: canonical names, roles, types, pronouns."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .anonymity import classify_anonymity
from .cue_syntax import RELATIVE_PRONOUNS
from .document import ParsedDocument, Sentence, Word
from .lexicon import word_list
from .names import (HONORIFIC_GENDER, Name, PersonName, first_name_gender, fullest_name,
                    is_person_like, name_around, person_names, same_person)
from .records import Attribution

# Parts of a mention that describe rather than name: "Charles Kupchan, a senior fellow at ...".
DESCRIPTIVE_RELATIONS = ("appos", "acl:relcl", "acl")
# Plural nouns of people the role list does not know: "bankers", "economists", "Democrats".
PLURAL_HUMAN_FALLBACK = re.compile(r"(?:people|ers|ists|ants|ents|ians|ors|als|ives)$")


@dataclass
class Mention:
    """What the parse says about one speaker mention."""

    text: str
    start: int
    end: int
    head: Word | None
    words: list[Word]
    name: str | None = None           # the proper name in the mention, titles stripped
    titles: list[str] = field(default_factory=list)
    role: str | None = None
    pronoun: str | None = None
    number: str = "sing"
    gender: str | None = None
    type: str = "unknown"
    core: str | None = None           # the description without clauses ("sources familiar with …")


@dataclass
class Entity:
    """A speaker or person seen so far in the article."""

    name: str
    type: str
    gender: str | None
    number: str
    roles: list[str] = field(default_factory=list)
    anonymity: str | None = None
    evidence: str | None = None
    last_offset: int = 0


@lru_cache(maxsize=None)
def role_entries() -> tuple[frozenset[str], frozenset[str]]:
    """(human role nouns, office nouns with one identifiable holder)."""
    roles, offices = set(), set()
    for entry in word_list("role_nouns.txt"):
        parts = entry.split()
        roles.add(parts[0])
        if "office" in parts[1:]:
            offices.add(parts[0])
    return frozenset(roles), frozenset(offices)


@lru_cache(maxsize=None)
def _pronouns() -> dict[str, tuple[str, str]]:
    table = {}
    for entry in word_list("pronouns.txt"):
        word, number, gender = entry.split()
        table[word] = (number, gender)
    return table


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" ,;:")


def _singular(word: Word) -> str:
    return (word.lemma or word.text).lower()


def _mention_head(words: list[Word]) -> Word | None:
    ids = {w.index for w in words}
    head = next((w for w in words if w.head not in ids), words[0] if words else None)
    if head is not None and head.upos not in ("NOUN", "PROPN", "PRON", "NUM"):
        # A misparsed mention ("sources familiar with …" headed by "familiar"): its first
        # noun before any preposition or clause is the better head.
        for word in words:
            if word.upos in ("ADP", "SCONJ", "VERB") or word.text == ",":
                break
            if word.upos in ("NOUN", "PROPN", "PRON"):
                return word
    return head


def analyse_mention(doc: ParsedDocument, start: int, end: int) -> Mention:
    """Name, titles, role, type, number and gender of the mention at [start, end)."""
    text = doc.text[start:end]
    sentence = doc.sentence_containing(start)
    words = [w for w in sentence.words if start <= w.start and w.end <= end] if sentence else []
    head = _mention_head(words)
    mention = Mention(text=text, start=start, end=end, head=head, words=words)
    if head is None or sentence is None:
        return mention
    lower = head.text.lower()
    if lower in RELATIVE_PRONOUNS and len(words) == 1:
        antecedent = _antecedent(sentence, head)
        if antecedent is not None:
            resolved = analyse_mention(doc, antecedent[0].start, antecedent[-1].end)
            resolved.text, resolved.start, resolved.end = text, start, end
            return resolved
    if lower in _pronouns() and len(words) == 1:
        mention.pronoun = lower
        mention.number, gender = _pronouns()[lower]
        mention.gender = None if gender == "any" else gender
        mention.type = {"it": "organization", "they": "group"}.get(lower, "person")
        return mention

    span = {w.index for w in words}
    # Descriptive parts hanging from the head: appositives and relative clauses.
    descriptive: set[int] = set()
    role_parts: list[str] = []
    appositives = []
    for child in sentence.children(head):
        if child.deprel in DESCRIPTIVE_RELATIONS and child.index in span:
            sub = [w for w in sentence.subtree(child) if w.index in span]
            descriptive |= {w.index for w in sub}
            if child.deprel == "appos":
                appositives.append((child, sub))
    core_words = [w for w in words if w.index not in descriptive]
    mention.core = _clean(doc.text[core_words[0].start:core_words[-1].end]) if core_words else text

    name = name_around(sentence, head, span - descriptive, doc.text)
    if name is None:
        name = _name_beside(doc, sentence, head, words)
    if name is None:
        # "Malaysia's Prime Minister, Najib Razak" / "the county's director, Paul Amadi":
        # the head is a role and the name stands beside it as an appositive.
        for child, sub in appositives:
            name = name_around(sentence, child, {w.index for w in sub}, doc.text)
            if name is not None:
                role_parts.append(_clean(doc.text[core_words[0].start:core_words[-1].end]))
                break
    else:
        for child, sub in appositives:
            role_parts.append(_clean(doc.text[sub[0].start:sub[-1].end]))
    if name is not None and is_person_like(name) and _names_an_institution(sentence, name, span):
        name = None
        mention.type = "organization"
        mention.name = mention.core
    elif name is not None and is_person_like(name):
        mention.name = name.text
        mention.titles = [w.text for w in name.titles]
        _describe_named(doc, mention, name, role_parts, end)
    elif name is not None and not is_person_like(name):
        mention.type = "organization"
        mention.name = mention.core
        mention.number = "sing"
    else:
        if _common_type(head) == "unknown":
            # A misparsed head ("sources familiar …" headed by "familiar"): a noun of the
            # mention's first phrase that names people or an institution is the head.
            for word in words:
                if word.upos in ("ADP", "SCONJ", "VERB") or word.text == ",":
                    break
                if word.upos in ("NOUN", "PROPN") and _common_type(word) != "unknown":
                    head = mention.head = word
                    break
        mention.type = _common_type(head)
        mention.number = "plur" if head.feature("Number") == "Plur" else "sing"
        if mention.type in ("person", "group"):
            role_parts.insert(0, mention.core or text)
        mention.gender = HONORIFIC_GENDER.get(lower)
    mention.role = "; ".join(dict.fromkeys(p for p in role_parts if p)) or None
    return mention


def _name_beside(doc: ParsedDocument, sentence: Sentence, head: Word,
                 words: list[Word]) -> Name | None:
    """A name standing right after a role noun or after its comma: "Board member Gary
    Lindqvist", "Kremlin spokesman Andrei Lavrentyev", "the state's attorney general,
    Raymond Pruitt" (when the parser linked neither as a name)."""
    from .names import capitalized_runs, split_title

    roles, _ = role_entries()
    if _singular(head) not in roles and head.text.lower() not in word_list("titles.txt"):
        return None
    after = [w for w in words if w.index > head.index]
    if after and after[0].text == ",":
        after = after[1:]
    runs = capitalized_runs(after)
    if runs and after and runs[0][0].index == after[0].index:
        return split_title(runs[0], doc.text)
    return None


def _names_an_institution(sentence: Sentence, name: Name, span: set[int]) -> bool:
    """"the Centers for Disease Control and Prevention", "Institute of Technology": a
    capitalized run continued by of/for/and plus another capitalized word."""
    nxt = name.words[-1].index + 1
    if nxt + 1 in span and nxt + 1 <= len(sentence.words):
        joiner, following = sentence.word(nxt), sentence.word(nxt + 1)
        return joiner.text.lower() in ("of", "for", "on", "and", "&") and \
            following.text[:1].isupper()
    return False


def _describe_named(doc: ParsedDocument, mention: Mention, name: Name, role_parts: list[str],
                    end: int) -> None:
    mention.type = "person"
    before = [w for w in mention.words if w.index < name.words[0].index and w.upos != "DET"]
    pre_title = [w for w in before if w.upos != "PUNCT"]
    if pre_title and not role_parts:
        # "German Foreign Minister Annalena Baerbock": the title is the role.
        role_parts.insert(0, _clean(doc.text[pre_title[0].start:pre_title[-1].end]))
    rest = doc.text[name.words[-1].end:end]
    if not role_parts and rest.lstrip().startswith(","):
        # "Charles Kupchan, a senior fellow at …" parsed without an appositive link.
        role_parts.append(_clean(rest))
    for word in name.titles + before:
        mention.gender = mention.gender or HONORIFIC_GENDER.get(word.text.lower())


def _antecedent(sentence: Sentence, pronoun: Word) -> list[Word] | None:
    """The noun phrase a relative pronoun stands for: the relative clause's head noun, or
    the nearest noun before the pronoun ("Mr. Kamin, who said …")."""
    clause = sentence.head_of(pronoun)
    noun = sentence.head_of(clause) if clause is not None and clause.deprel.startswith(
        "acl") else None
    if noun is None or noun.upos not in ("NOUN", "PROPN"):
        noun = next((w for w in reversed(sentence.words[:pronoun.index - 1])
                     if w.upos in ("NOUN", "PROPN")), None)
    if noun is None:
        return None
    phrase = [w for w in sentence.subtree(noun) if w.index < pronoun.index]
    phrase = [w for w in phrase if w.index <= noun.index or w.deprel in ("flat", "flat:name")]
    while phrase and phrase[0].upos in ("ADP", "PUNCT", "CCONJ"):
        phrase = phrase[1:]
    return phrase or [noun]


def _common_type(head: Word) -> str:
    roles, _ = role_entries()
    lemma = _singular(head)
    plural = head.feature("Number") == "Plur"
    if lemma in word_list("organization_heads.txt") and lemma not in roles:
        return "organization"
    if lemma in roles or lemma.rstrip("s") in roles or PLURAL_HUMAN_FALLBACK.search(lemma):
        return "group" if plural or lemma in ("people", "staff", "police") else "person"
    return "unknown"


# --------------------------------------------------------------------------- resolution

def resolve_speakers(doc: ParsedDocument, records: list[Attribution]) -> list[Attribution]:
    """Fill speaker_name, speaker_role, speaker_type and the anonymity fields."""
    entities: list[Entity] = []
    names = person_names(doc)
    resolved: list[Attribution] = []
    by_span: dict[tuple[int, int], Attribution] = {}
    for record in sorted(records, key=lambda r: (r.speaker_start or r.start, r.start)):
        if record.kind == "scare" or record.speaker_start is None:
            resolved.append(record)
            continue
        key = (record.speaker_start, record.speaker_end)
        if key in by_span:       # a follow-on quotation reuses its speaker's resolution
            earlier = by_span[key]
            resolved.append(record.with_(
                speaker_name=earlier.speaker_name, speaker_role=earlier.speaker_role,
                speaker_type=earlier.speaker_type, anonymity=earlier.anonymity,
                anonymous=earlier.anonymous, anonymity_evidence=earlier.anonymity_evidence))
            continue
        mention = analyse_mention(doc, record.speaker_start, record.speaker_end)
        entity = _resolve(mention, entities, names, record.speaker_start)
        if entity is None:
            anonymity, evidence = classify_anonymity(doc, mention)
            entity = Entity(name=_clean(mention.text), type=mention.type,
                            gender=mention.gender, number=mention.number,
                            anonymity=anonymity, evidence=evidence)
            if mention.role:
                entity.roles.append(mention.role)
            if mention.pronoun is None:
                entities.append(entity)
        elif mention.role and mention.role not in entity.roles and mention.pronoun is None:
            entity.roles.append(mention.role)
        entity.last_offset = record.speaker_start
        updated = record.with_(
            speaker_name=entity.name, speaker_role="; ".join(entity.roles) or None,
            speaker_type=entity.type, anonymity=entity.anonymity,
            anonymous=None if entity.anonymity is None else entity.anonymity != "named",
            anonymity_evidence=entity.evidence)
        by_span[key] = updated
        resolved.append(updated)
    # Roles are collected across the article: give every record its speaker's full set.
    roles = {e.name: "; ".join(e.roles) for e in entities if e.roles}
    final = [r.with_(speaker_role=roles[r.speaker_name])
             if r.speaker_name in roles and r.anonymity == "named" else r for r in resolved]
    return sorted(final, key=lambda r: r.quote_id)


def _gender(name: str, names: list[PersonName]) -> str | None:
    for person in names:
        if person.gender and same_person(person.name, name):
            return person.gender
    return first_name_gender(fullest_name(name, names))


def _person_entity(name: str, gender: str | None, entities: list[Entity]) -> Entity:
    for entity in entities:
        if entity.type == "person" and (entity.name == name or same_person(entity.name, name)):
            entity.gender = entity.gender or gender
            return entity
    entity = Entity(name=name, type="person", gender=gender, number="sing",
                    anonymity="named", evidence="named person")
    entities.append(entity)
    return entity


def _resolve(mention: Mention, entities: list[Entity], names: list[PersonName],
             offset: int) -> Entity | None:
    if mention.pronoun is not None:
        return _resolve_pronoun(mention, entities, names, offset)
    if mention.name and mention.type == "person":
        name = fullest_name(mention.name, names)
        if len(name.split()) == 1 and not mention.titles and not mention.gender and (
                mention.words and mention.words[0].text.lower() == "the" or
                not any(name in person.name.split() for person in names)):
            # "the Riksbank", "Corvista said": a bare name no person in the article bears.
            mention.type, mention.name = "organization", mention.core or name
            return _resolve(mention, entities, names, offset)
        entity = _person_entity(name, mention.gender or _gender(name, names), entities)
        if mention.role and mention.role not in entity.roles:
            entity.roles.append(mention.role)
        return entity
    if mention.name and mention.type in ("organization", "group"):
        for entity in entities:
            if entity.name.lower() == mention.name.lower():
                return entity
        entity = Entity(name=mention.name, type=mention.type, gender=None,
                        number=mention.number, anonymity="named", evidence="named organization")
        entities.append(entity)
        return entity
    # A definite description re-mentioning an earlier speaker: "the senior fellow" after
    # "Charles Kupchan, a senior fellow …"; "the official" after "a senior administration
    # official, who spoke on condition of anonymity".
    if mention.head is not None and mention.words and mention.words[0].text.lower() in (
            "the", "that", "this") and mention.type in ("person", "group"):
        pattern = re.compile(rf"\b{re.escape(_singular(mention.head))}s?\b")
        for entity in sorted(entities, key=lambda e: e.last_offset, reverse=True):
            if entity.type == mention.type and any(
                    pattern.search(text.lower()) for text in entity.roles + [entity.name]):
                return entity
    return None


def _resolve_pronoun(mention: Mention, entities: list[Entity], names: list[PersonName],
                     offset: int) -> Entity | None:
    """he/she: the most recent person named before it with a compatible gender (speakers and
    anyone else named alike); they/it: the most recent group or organization speaker."""
    if mention.pronoun in ("he", "she", "him", "her"):
        # An unnamed speaker quoted after the last compatible name ("a nurse who asked not to
        # be named said …; “…,” she said") is the one meant, and keeps its anonymity.
        unnamed = next((e for e in sorted(entities, key=lambda e: e.last_offset, reverse=True)
                        if e.type == "person" and e.anonymity != "named"
                        and e.last_offset < offset and e.number != "plur"
                        and not (e.gender and mention.gender and e.gender != mention.gender)),
                       None)
        for person in sorted(names, key=lambda p: p.start, reverse=True):
            if person.start >= offset:
                continue
            full = fullest_name(person.name, names)
            gender = person.gender or _gender(full, names)
            if gender and mention.gender and gender != mention.gender:
                continue
            if unnamed is not None and unnamed.last_offset > person.start:
                return unnamed
            return _person_entity(full, gender or mention.gender, entities)
        if unnamed is not None:
            return unnamed
        for entity in sorted(entities, key=lambda e: e.last_offset, reverse=True):
            if entity.type == "person" and not (entity.gender and mention.gender and
                                                entity.gender != mention.gender):
                return entity
        return None
    for entity in sorted(entities, key=lambda e: e.last_offset, reverse=True):
        if mention.pronoun == "they" and entity.type in ("group", "organization"):
            return entity
        if mention.pronoun == "it" and entity.type == "organization":
            return entity
    return None
