"""Speaker resolution within one article: mentions linked to entities, canonical names, anonymity."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..parse.document import ParsedDocument
from ..records import Attribution
from .anonymity import classify_anonymity
from .mentions import Mention, _clean, _singular, analyse_mention
from .names import (
    PersonName,
    first_name_gender,
    fullest_name,
    person_names,
    same_person,
)


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
