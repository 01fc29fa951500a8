"""Speaker resolution within one article: canonical names, roles, types, pronouns."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .anonymity import classify_anonymity
from .document import ParsedDocument, Sentence, Word
from .lexicon import word_list
from .records import Attribution

NAME_RELATIONS = ("flat", "flat:name", "compound")
# Parts of a mention that describe rather than name: "Charles Kupchan, a senior fellow at ...".
DESCRIPTIVE_RELATIONS = ("appos", "acl:relcl", "acl")
HONORIFIC_GENDER = {"mr": "masc", "mr.": "masc", "sir": "masc", "lord": "masc", "king": "masc",
                    "prince": "masc", "father": "masc", "mrs": "fem", "mrs.": "fem", "ms": "fem",
                    "ms.": "fem", "miss": "fem", "dame": "fem", "lady": "fem", "queen": "fem",
                    "princess": "fem", "sister": "fem", "congresswoman": "fem",
                    "chairwoman": "fem", "spokeswoman": "fem", "congressman": "masc",
                    "chairman": "masc", "spokesman": "masc"}
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


def _lower_set(name: str) -> frozenset[str]:
    return word_list(name)


def _role_entries() -> tuple[frozenset[str], frozenset[str]]:
    roles, offices = set(), set()
    for entry in _lower_set("role_nouns.txt"):
        parts = entry.split()
        roles.add(parts[0])
        if "office" in parts[1:]:
            offices.add(parts[0])
    return frozenset(roles), frozenset(offices)


def _pronouns() -> dict[str, tuple[str, str]]:
    table = {}
    for entry in _lower_set("pronouns.txt"):
        word, number, gender = entry.split()
        table[word] = (number, gender)
    return table


def words_in(sentence: Sentence, start: int, end: int) -> list[Word]:
    return [w for w in sentence.words if start <= w.start and w.end <= end]


def _sentence_for(doc: ParsedDocument, start: int) -> Sentence | None:
    for sentence in doc.sentences:
        if sentence.start <= start < sentence.end:
            return sentence
    return None


def _singular(word: Word) -> str:
    lemma = word.lemma.lower()
    return lemma if lemma else word.text.lower()


def analyse_mention(doc: ParsedDocument, start: int, end: int) -> Mention:
    """Name, titles, role, type, number and gender of the mention at [start, end)."""
    text = doc.text[start:end]
    sentence = _sentence_for(doc, start)
    words = words_in(sentence, start, end) if sentence else []
    span_ids = {w.index for w in words}
    head = next((w for w in words if w.head not in span_ids), words[0] if words else None)
    mention = Mention(text=text, start=start, end=end, head=head, words=words)
    if head is None or sentence is None:
        return mention
    pronouns = _pronouns()
    lower = head.text.lower()
    if lower in pronouns and len(words) == 1:
        mention.pronoun = lower
        mention.number, gender = pronouns[lower]
        mention.gender = None if gender == "any" else gender
        mention.type = {"it": "organization", "they": "group"}.get(lower, "person")
        return mention

    # Descriptive parts hanging from the head: appositives and relative clauses.
    descriptive: set[int] = set()
    role_parts = []
    for child in sentence.children(head):
        if child.deprel in DESCRIPTIVE_RELATIONS and child.index in span_ids:
            sub = [w for w in sentence.subtree(child) if w.index in span_ids]
            descriptive |= {w.index for w in sub}
            if child.deprel == "appos":
                role_parts.append(_clean(doc.text[sub[0].start:sub[-1].end]))
    core_words = [w for w in words if w.index not in descriptive]
    mention.core = _clean(doc.text[core_words[0].start:core_words[-1].end]) if core_words else text

    titles_list = _lower_set("titles.txt")
    name_head = head if head.upos == "PROPN" and head.text.lower() not in titles_list else None
    if name_head is None:
        # "Malaysia's Prime Minister, Najib Razak" / "His father Mohamed El-Hassan": the name
        # hangs from a title or role noun as an appositive or flat name.
        for child in sentence.children(head):
            relations = ("appos", "flat", "flat:name") + (
                ("compound",) if head.text.lower() in titles_list else ())
            if child.index in span_ids and child.upos == "PROPN" and \
                    child.deprel in relations and child.text.lower() not in titles_list:
                name_head = child
                break
    name_words = _name_chain(sentence, name_head, span_ids) if name_head is not None else []
    if name_words:
        before = [w for w in words if w.index < name_words[0].index and w.upos != "DET"
                  and w.index not in descriptive and not _inside(sentence, w, name_head)]
        title_words = [w for w in before if w.upos != "PUNCT"]
        if name_head is head:
            mention.titles = [w.text for w in title_words
                              if w.upos in ("PROPN", "NOUN", "ADJ") or w.text.lower() in titles_list]
            if any(w.deprel == "nmod:poss" or w.relation == "case" for w in title_words):
                mention.titles = []
        else:
            role_words = [w for w in words if w.index not in {x.index for x in
                                                               sentence.subtree(name_head)}]
            role_words = [w for w in role_words if w.upos != "PUNCT"]
            if role_words:
                role_parts.insert(0, _clean(doc.text[role_words[0].start:role_words[-1].end]))
        mention.name = _clean(doc.text[name_words[0].start:name_words[-1].end])
        if mention.titles:
            role_parts.insert(0, " ".join(mention.titles))
        for title in mention.titles + [w.text for w in words]:
            mention.gender = mention.gender or HONORIFIC_GENDER.get(title.lower())
        mention.type = _proper_type(name_words, mention.titles)
        if mention.type != "person":
            mention.name = mention.core or mention.name
    else:
        mention.type = _common_type(head)
        mention.number = "plur" if head.feature("Number") == "Plur" else "sing"
        if mention.type in ("person", "group"):
            role_parts.insert(0, mention.core or text)
        mention.gender = HONORIFIC_GENDER.get(head.text.lower())
    mention.role = "; ".join(dict.fromkeys(p for p in role_parts if p)) or None
    return mention


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" ,;:")


def _inside(sentence: Sentence, word: Word, top: Word | None) -> bool:
    return top is not None and any(a.index == top.index for a in sentence.ancestors(word))


def _name_chain(sentence: Sentence, head: Word, span_ids: set[int]) -> list[Word]:
    """The proper name around ``head``: adjacent proper nouns joined to it by the parse.

    A neighbour joins when it hangs from the chain (flat / compound), the chain hangs from it,
    or both hang from the same word ("co-founder Mark Zuckerberg").  Title words ("Ambassador",
    "Mr.") and the phrases hanging from them ("to the United States") are not part of it.
    """
    titles_list = _lower_set("titles.txt")

    def joinable(word: Word, chain: list[Word]) -> bool:
        if word.index not in span_ids or word.text.lower() in titles_list:
            return False
        if any(c.deprel == "case" for c in sentence.children(word)):
            return False          # "to the United States" belongs to a title, not the name
        if word.upos != "PROPN" and not (word.text in ("-", ".", "'") or
                                         word.deprel in ("flat", "flat:name")):
            return False
        ids = {w.index for w in chain}
        return (word.head in ids or any(w.head == word.index for w in chain)
                or (word.head == head.head and word.deprel in NAME_RELATIONS + ("appos",)))

    def extend(chain: list[Word], step: int) -> bool:
        edge = chain[0] if step < 0 else chain[-1]
        index = edge.index + step
        if not 1 <= index <= len(sentence.words):
            return False
        word = sentence.word(index)
        if word.text in ("-", "."):
            # "El-Hassan", "J. R. Smith": take the mark only with the name part behind it.
            beyond = index + step
            if 1 <= beyond <= len(sentence.words) and joinable(sentence.word(beyond), chain):
                pieces = [word, sentence.word(beyond)]
                chain[:0] = pieces[::-1] if step < 0 else []
                chain.extend(pieces if step > 0 else [])
                return True
            return False
        if joinable(word, chain):
            if step < 0:
                chain.insert(0, word)
            else:
                chain.append(word)
            return True
        return False

    chain = [head]
    while extend(chain, -1):
        pass
    while extend(chain, +1):
        pass
    while chain and chain[-1].upos == "PUNCT":
        chain.pop()
    while chain and chain[0].upos == "PUNCT":
        chain.pop(0)
    return chain or [head]


def _proper_type(name_words: list[Word], titles: list[str]) -> str:
    lowered = [w.text.lower() for w in name_words]
    org_heads = _lower_set("organization_heads.txt")
    if any(w in org_heads for w in lowered) or any(w.isupper() and len(w) > 1 and w.isalpha()
                                                   for w in (x.text for x in name_words)):
        return "organization"
    places = _lower_set("countries.txt") | _lower_set("organizations.txt")
    if " ".join(lowered) in places or (len(lowered) == 1 and lowered[0] in places):
        return "organization"
    if name_words[-1].feature("Number") == "Plur" and not titles:
        return "organization" if len(name_words) > 1 else "group"
    return "person"


def _common_type(head: Word) -> str:
    roles, _ = _role_entries()
    lemma = _singular(head)
    plural = head.feature("Number") == "Plur"
    if lemma in _lower_set("organization_heads.txt") and lemma not in roles:
        return "organization"
    if lemma in roles or lemma.rstrip("s") in roles or PLURAL_HUMAN_FALLBACK.search(lemma):
        return "group" if plural or lemma in ("people", "staff", "police") else "person"
    return "unknown"


# --------------------------------------------------------------------------- resolution

def resolve_speakers(doc: ParsedDocument, records: list[Attribution]) -> list[Attribution]:
    """Fill speaker_name, speaker_role, speaker_type and the anonymity fields."""
    entities: list[Entity] = []
    full_names = _person_names(doc)
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
        entity = _resolve(mention, entities, full_names, record.speaker_start)
        if entity is None:
            anonymity, evidence = classify_anonymity(doc, mention)
            entity = Entity(name=mention.core or mention.text, type=mention.type,
                            gender=mention.gender, number=mention.number,
                            anonymity=anonymity, evidence=evidence)
            if mention.role:
                entity.roles.append(mention.role)
            if mention.pronoun is None:
                entities.append(entity)
        else:
            if mention.role and mention.role not in entity.roles and mention.pronoun is None:
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
    final = [r.with_(speaker_role=roles.get(r.speaker_name, r.speaker_role))
             if r.speaker_name in roles and r.anonymity == "named" else r for r in resolved]
    return sorted(final, key=lambda r: r.quote_id)


def _person_names(doc: ParsedDocument) -> list[tuple[int, str, str | None]]:
    """(offset, full name, gender) of every multi-word person name in the article."""
    names = []
    titles_list = _lower_set("titles.txt")
    for sentence in doc.sentences:
        for word in sentence.words:
            if word.upos != "PROPN" or word.deprel in NAME_RELATIONS:
                continue
            chain = _name_chain(sentence, word, {w.index for w in sentence.words})
            gender = None
            while chain and chain[0].text.lower() in titles_list and len(chain) > 1:
                gender = gender or HONORIFIC_GENDER.get(chain[0].text.lower())
                chain = chain[1:]
            prev = sentence.words[chain[0].index - 2] if chain and chain[0].index > 1 else None
            if prev is not None:
                gender = gender or HONORIFIC_GENDER.get(prev.text.lower())
            if chain and _proper_type(chain, []) == "person":
                names.append((chain[0].start, _clean(doc.text[chain[0].start:chain[-1].end]),
                              gender))
    return names


def _resolve(mention: Mention, entities: list[Entity],
             full_names: list[tuple[int, str, str | None]], offset: int) -> Entity | None:
    if mention.pronoun is not None:
        return _resolve_pronoun(mention, entities, full_names, offset)
    if mention.name and mention.type == "person":
        name = _fullest_name(mention.name, full_names)
        for entity in entities:
            if entity.type == "person" and (entity.name == name or _same_person(entity.name, name)):
                entity.gender = entity.gender or mention.gender or _gender_of(name, full_names)
                return entity
        entity = Entity(name=name, type="person",
                        gender=mention.gender or _gender_of(name, full_names), number="sing",
                        anonymity="named", evidence="named person")
        if mention.role:
            entity.roles.append(mention.role)
        entities.append(entity)
        return entity
    if mention.name and mention.type in ("organization", "group"):
        for entity in entities:
            if entity.name.lower() == mention.name.lower():
                return entity
        entity = Entity(name=mention.core or mention.name, type=mention.type, gender=None,
                        number=mention.number, anonymity="named", evidence="named organization")
        entities.append(entity)
        return entity
    # A definite description re-mentioning an earlier speaker: "the senior fellow".
    if mention.head is not None and mention.words and mention.words[0].text.lower() == "the" \
            and mention.type == "person":
        head = _singular(mention.head)
        for entity in reversed(entities):
            if entity.type == "person" and entity.anonymity == "named" and any(
                    re.search(rf"\b{re.escape(head)}\b", role.lower()) for role in entity.roles):
                return entity
    return None


def _fullest_name(name: str, full_names: list[tuple[int, str, str | None]]) -> str:
    parts = name.split()
    best = name
    for _, full, _ in full_names:
        full_parts = full.split()
        if len(full_parts) > len(best.split()) and full_parts[-len(parts):] == parts:
            best = full
    return best


def _same_person(a: str, b: str) -> bool:
    pa, pb = a.split(), b.split()
    shorter, longer = (pa, pb) if len(pa) <= len(pb) else (pb, pa)
    return bool(shorter) and longer[-len(shorter):] == shorter


def _gender_of(name: str, full_names: list[tuple[int, str, str | None]]) -> str | None:
    for _, full, gender in full_names:
        if gender and _same_person(full, name):
            return gender
    return None


def _resolve_pronoun(mention: Mention, entities: list[Entity],
                     full_names: list[tuple[int, str, str | None]], offset: int) -> Entity | None:
    wanted_person = mention.pronoun in ("he", "she", "him", "her")
    candidates = sorted(entities, key=lambda e: e.last_offset, reverse=True)
    for entity in candidates:
        if wanted_person:
            if entity.type != "person":
                continue
            if entity.gender and mention.gender and entity.gender != mention.gender:
                continue
            entity.gender = entity.gender or mention.gender
            return entity
        if mention.pronoun == "they" and entity.type in ("group", "organization"):
            return entity
        if mention.pronoun == "it" and entity.type == "organization":
            return entity
    if wanted_person:
        # No earlier speaker fits: the most recent person named before the pronoun.
        for start, name, gender in sorted(full_names, reverse=True):
            if start < offset and not (gender and mention.gender and gender != mention.gender):
                entity = Entity(name=name, type="person", gender=gender or mention.gender,
                                number="sing", anonymity="named", evidence="named person")
                entities.append(entity)
                return entity
    return None
