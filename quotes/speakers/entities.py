"""Mentions clustered into entities within one article: names, pronouns and descriptions.

The article is read in order.  Typed names (NER, lexicon fallback) are known up front; each
mention handed to :meth:`Article.link` (speaker mentions, or any mention an evaluation asks
about) joins an entity:

- a person's name joins the person of the fullest matching name ("Kupchan" -> "Charles
  Kupchan"; a given name alone when one person has it); an organization's name joins the
  organization of the same name;
- a pronoun joins the most salient compatible entity before it: he/she only persons (gender
  from honorifics, given names and earlier pronouns), it organizations and documents, they
  groups, organizations and plural persons; salience prefers the previous attribution's
  speaker, then subjects, then recency;
- a definite description ("the senior fellow", "the official", "the company") joins the most
  recent entity described by the same head noun (appositives and copulas of the whole
  article count: "Lena Marsh, the fund's former compliance chief"; so do titles before a
  name: "Mayor Bill de Blasio" … "the mayor"), or for organization nouns the most recent
  organization; with none, a description whose noun is not one newsrooms use for unnamed
  sources is the person just named ("The GOP nominee complained …"); "a second official",
  "another official", "the other" are new entities of the same kind;
- anything else starts an entity of its own.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from ..attribution.cue_syntax import PUBLISHING_VERBS
from ..lexicon import cue_lexicon, known_places, table, word_list
from ..parse.document import ParsedDocument, Sentence, Word
from .anonymity import evidence_for
from .mentions import (
    PUBLIC_BODY_NOUNS,
    TOP_LEVEL_DOMAIN,
    WEB_NAME,
    Mention,
    analyse_mention,
    clean,
    document_lemma,
    singular,
)
from .names import (
    PARTICLES,
    OtherName,
    capitalized_role,
    checked_type,
    first_name_gender,
    fullest_name,
    given_name_gender,
    honorific_gender,
    is_bare_title,
    is_listed_organization,
    is_possessive,
    is_publication,
    name_ends,
    office_of_place,
    person_part,
    role_entries,
    role_synonyms,
    same_person,
    sole_offices,
    split_title,
    text_after,
    titles,
    typed_names,
)

# Pronoun salience: how many sentences back a pronoun looks for its antecedent.
PRONOUN_WINDOW = 6
# A definite description looks this far back for the entity it re-mentions.
DESCRIPTION_WINDOW = 12
# A document named by its bare noun is re-mentioned from further away ("The audit said", a
# dozen paragraphs after "An audit released in January by the California State Auditor
# found"; not "The Q poll", another poll than "a fresh CNN-ORC poll"), and so is the group a
# member is one of: an article seldom cites two documents of one kind, and the latest is taken.
DOCUMENT_WINDOW = 60
# ... and this far for a person just named it may stand for ("The GOP nominee …").
JUST_NAMED = 3
# ... and this far for the group a member named by another noun belongs to ("Two Republican
# House members … said … One of the lawmakers said").
MEMBER_OF_ANOTHER_NAME = 2
# Nouns that re-mention any person ("the man said"), whatever described them first.
GENERIC_PERSON_NOUNS = frozenset({"man", "woman", "person", "boy", "girl", "gentleman", "lady"})
# Determiners that make a description a new, different member of a kind already seen.
DISTINCT_MARKERS = word_list("distinct_markers.txt")
DEFINITE = frozenset({"the", "that", "this", "these", "those"})
# a description of one person that may be the only mention of someone unnamed: "the
# woman", "a man", "my mother" (the author's); "her son" is someone the article names
KIN_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "my", "our"})


@lru_cache(maxsize=None)
def document_nouns() -> frozenset[str]:
    return word_list("document_nouns.txt")


@dataclass
class Entity:
    """One person, group, organization or document of the article."""

    id: int
    type: str                                   # person | group | organization | document | unknown
    names: list[str] = field(default_factory=list)
    descriptions: list[str] = field(default_factory=list)
    heads: set[str] = field(default_factory=set)   # head nouns of its descriptions
    gender: str | None = None
    number: str = "sing"
    mentions: list[Mention] = field(default_factory=list)
    sentences: set[int] = field(default_factory=set)  # sentences that mention it
    office: bool = False                        # singles out one office holder
    inherited_evidence: str | None = None       # "a second official" after an anonymous one
    last: int = -1

    @property
    def name(self) -> str | None:
        """The fullest proper name among its mentions."""
        return max(self.names, key=lambda n: (len(n.split()), len(n))) if self.names else None

    @property
    def label(self) -> str:
        return self.name or (self.descriptions[0] if self.descriptions else "")


@dataclass
class _Seen:
    """An earlier mention a pronoun could mean."""

    offset: int
    sentence: int
    entity: Entity | None          # None: a person name not yet linked (its key says who)
    key: str | None
    type: str
    gender: str | None
    number: str
    subject: bool
    pronoun: bool = False
    described: tuple[int, int] | None = None   # a description's span, not yet an entity


# the top-level domain closing a one-word name: "CBC.ca", "Politico.com"
WEB_ADDRESS = re.compile(rf"(?<=\w)\.{TOP_LEVEL_DOMAIN}$")
REPLY_CUES = frozenset({"reply", "respond", "answer", "retort"})
ASKING_CUES = frozenset({"ask", "question", "inquire", "press"})


class Article:
    """Entity state of one article, filled as mentions are linked in reading order."""

    def __init__(self, doc: ParsedDocument) -> None:
        self.doc = doc
        self.people, self.others = typed_names(doc)
        # both lists run in sentence order: pronoun windows are found by bisection
        self._people_sentences = [p.sentence_index for p in self.people]
        self._others_sentences = [o.sentence_index for o in self.others]
        self._fullest: dict[tuple[str, str | None], str] = {}
        self._fullest_orgs: dict[str, str] = {}
        self._genders: dict[str, str | None] = {}
        self._surname_genders: dict[str, set[str]] | None = None
        self._quoted_offsets: dict[int, bool] = {}
        self._verbless_sentences: dict[int, bool] = {}
        self._leaders: list[tuple[int, str | None]] | None = None
        self._leader_starts: list[int] = []
        self.entities: list[Entity] = []
        self._people: dict[str, Entity] = {}
        # keys of _people by the first and the last word of their name, each in the order
        # they were made: where _existing_person looks (same_person needs one of them shared)
        self._people_by_end: dict[str, list[str]] = {}
        self._people_order: dict[str, int] = {}
        self._acts_by_name: dict[str, bool] = {}    # _acts_or_is_described, per name
        self._orgs: dict[str, Entity] = {}
        self._by_text: dict[str, Entity] = {}
        self._by_bare: dict[str, Entity] = {}   # indefinite descriptions, less "a"/"an"
        self._last_speaker: Entity | None = None
        self._last_member: Entity | None = None     # the latest "one of the people"
        self._acronyms: dict[str, str] | None = None  # "HSE" -> "the Health Service Executive"
        self._last_cue: str | None = None          # the cue lemma of the last speaker
        self._cue: str | None = None               # the cue lemma of the speaker being linked
        self._surnames: set[str] | None = None     # last words of multi-word person names
        self._kin_subjects: list[tuple[int, int, int, str]] | None = None
        self._kin_sentences: list[int] = []
        self._mention_starts: set[int] = set()    # offsets of every linked mention
        # a linked person mention's name, by its offset: (entity, name)
        self._entity_at_name: dict[int, tuple[Entity, str]] = {}
        self.untyped_described: dict[str, int] = {}     # described names no type covers
        self._descriptions = _descriptions_of_names(doc, self)
        self._description_heads = {name: {h for d in found for h in _heads_of_description(d)}
                                   for name, found in self._descriptions.items()}
        # (offset, name, type) of every mention of a described name
        self._described_names = sorted(
            [(p.start, self.fullest(p.name), "person") for p in self.people
             if self.fullest(p.name) in self._descriptions] +
            [(o.start, o.name, "organization") for o in self.others
             if o.name in self._descriptions and o.type == "organization"] +
            [(start, name, "person") for name, start in self.untyped_described.items()
             if name in self._descriptions])

    # ------------------------------------------------------------------ entities

    def _new(self, type_: str, **values) -> Entity:
        entity = Entity(id=len(self.entities) + 1, type=type_, **values)
        self.entities.append(entity)
        return entity

    def person(self, name: str, gender: str | None = None) -> Entity:
        """The person entity of a name, by its fullest form in the article; ``gender``, a
        mention's honorific's, keeps "Mr. Clinton" apart from "Hillary Clinton" and "Mr.
        Khan" from "Ms. Khan"."""
        if name.isupper():
            name = name.title()          # a transcript label: "PENCE" is Mike Pence
        full = self.fullest(name, gender)
        # two people of one surname, told apart by their honorifics ("Mr. Khan", "Ms. Khan")
        gender = gender if self._both_honorifics(name) else None
        entity = self._existing_person(full, gender)
        if entity is not None:
            if full not in entity.names and f"{full} ({gender})" not in self._people:
                entity.names.append(full)
            return entity
        if full in self._people:
            # the other gender holds that full name: another full name of the surname no one
            # holds ("Ms. Khan" is Ghazala Khan once "Mr. Khan" is Khizr Khan), else a person
            # of their own, named by the surname
            others = list(dict.fromkeys(p.name for p in self.people if p.name != full and
                                        len(p.name.split()) > len(name.split()) and
                                        same_person(p.name, name)))
            held = next((e for e in map(lambda o: self._existing_person(o, gender), others)
                         if e is not None), None)
            if held is not None:
                return held
            for other in others:
                if other not in self._people:
                    return self.person(other, gender)
            entity = self._new("person", names=[full.split()[-1]], gender=gender)
            self._add_person_key(f"{full} ({gender})", entity)
            return entity
        entity = self._new("person", names=[full], gender=gender or self._gender_of(full))
        self._add_person_key(full, entity)
        for person in self.people:
            if same_person(person.name, full):
                entity.heads |= set(person.titles)
                entity.heads |= {other for title in person.titles
                                 for other in role_synonyms().get(title, ())}
        for description in self._descriptions.get(full, ()):
            _describe(entity, description)
        return entity

    def _both_honorifics(self, name: str) -> bool:
        """The article gives the name's surname with honorifics of both genders."""
        if self._surname_genders is None:
            self._surname_genders = {}
            for p in self.people:
                if p.gender in ("masc", "fem"):
                    self._surname_genders.setdefault(p.name.split()[-1], set()).add(p.gender)
        return bool(name) and len(self._surname_genders.get(name.split()[-1], ())) > 1

    def _add_person_key(self, key: str, entity: Entity) -> None:
        if key not in self._people_order:
            self._people_order[key] = len(self._people_order)
            for end in set(name_ends(key)):
                self._people_by_end.setdefault(end, []).append(key)
        self._people[key] = entity

    def _existing_person(self, full: str, gender: str | None) -> Entity | None:
        """The person entity already made for a full name, of the given gender if any (the
        first made of those :func:`same_person` takes for it)."""
        if gender and f"{full} ({gender})" in self._people:
            return self._people[f"{full} ({gender})"]
        keys = {k for end in set(name_ends(full)) for k in self._people_by_end.get(end, ())}
        for key in sorted(keys, key=self._people_order.__getitem__):
            entity = self._people[key]
            if (key == full or same_person(key, full)) and not (
                    gender and entity.gender and entity.gender != gender):
                return entity
        return None

    def organization(self, name: str, type_: str = "organization") -> Entity:
        # a newsroom's web address is the newsroom: "CBC.ca", "told CNN.com"
        name = WEB_ADDRESS.sub("", name) or name
        name = re.sub(r"^(?:the\s+)?[\w.,’' -]+-based\s+", "", self._fullest_organization(name),
                      flags=re.I)                      # "Houston-based Selene Dynamics"
        key = re.sub(r"^the\s+", "", name.lower()).strip()
        if key in self._orgs and name not in self._orgs[key].names:
            self._orgs[key].names.append(name)          # "Riksbank" and "the Riksbank"
        if key not in self._orgs:
            spelled = self._spelled_out(name)
            if spelled is not None:
                self._orgs[key] = spelled         # "the NRA" after "National Rifle Association"
                return spelled
            self._orgs[key] = self._new(type_, names=[name])
            for description in self._descriptions.get(name, ()):
                _describe(self._orgs[key], description)
        return self._orgs[key]

    def _spelled_out(self, name: str) -> Entity | None:
        """The organization an acronym abbreviates: "WHO" after "the World Health
        Organisation", "the NRA" after "the National Rifle Association"."""
        letters = re.sub(r"^the\s+", "", name, flags=re.I).replace(".", "")
        if not (2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()):
            return None
        for entity in reversed(self.entities):
            if entity.type == "organization" and any(
                    len(n.split()) > 1 and _abbreviates(letters, n) for n in entity.names):
                return entity
        spelled = next((o.name for o in self.others if o.type == "organization" and
                        len(o.name.split()) > 1 and _abbreviates(letters, o.name)), None)
        return self.organization(spelled) if spelled is not None else None

    def _fullest_organization(self, name: str) -> str:
        """"Corvista" -> "Corvista Bio" when the article gives the longer name."""
        if name not in self._fullest_orgs:
            self._fullest_orgs[name] = self._longest_organization(name)
        return self._fullest_orgs[name]

    def _longest_organization(self, name: str) -> str:
        parts = _without_the(name).split()
        best = name
        for other in self.others:
            if other.type != "organization":
                continue
            words = _without_the(other.name).split()
            # "Corvista" in "Corvista Bio"; "Consumer Product Safety Commission" in "the U.S.
            # Consumer Product Safety Commission" (a country abbreviated before the name)
            within = words[:len(parts)] == parts or len(parts) > 1 and \
                words[1:] == parts and "." in words[0] and words[0][:1].isupper()
            # not "Tallus Workers United" for "Tallus, the Bellevue-based cloud-computing
            # company": a union named after a business the article describes is another
            # organization
            if len(words) > len(_without_the(best).split()) and within \
                    and len(parts) >= 1 and not self._title_follows(other.end) and \
                    not (_institution_name(other.name) and not _institution_name(name) and
                         self._described_as_business(name)):
                best = other.name     # not "White House Press Secretary": a title
        return best

    def _described_as_business(self, name: str) -> bool:
        return bool(set(self._description_heads.get(name, ())) &
                    word_list("business_nouns.txt"))

    def _title_follows(self, offset: int) -> bool:
        following = re.match(r"\s+([A-Za-z]+)", self.doc.text[offset:offset + 40])
        return following is not None and following.group(1).lower() in word_list("titles.txt")

    def fullest(self, name: str, gender: str | None = None) -> str:
        """``fullest_name`` among the article's people, remembered per name (and gender)."""
        if (name, gender) not in self._fullest:
            self._fullest[name, gender] = fullest_name(name, self.people, gender)
        return self._fullest[name, gender]

    def _gender_of(self, name: str) -> str | None:
        if name not in self._genders:
            # honorifics of the mentions that stand for this name ("Mr. Obama" stands for
            # Barack Obama, not for Michelle Obama), else the given name's
            full = self.fullest(name)
            self._genders[name] = next(
                (p.gender for p in self.people if p.gender and same_person(p.name, name)
                 and self.fullest(p.name, p.gender) == full),
                None) or first_name_gender(full) or self._given_name_gender(name)
        return self._genders[name]

    def _given_name_gender(self, name: str) -> str | None:
        """"Jason, who is our editor": a name the article never gives in full is a listed
        given name's gender, unless it is also a known surname of the article."""
        full = self.fullest(name)
        if " " in full or self._surname_of_someone(full):
            return None
        return given_name_gender(full)

    def _quoted(self, offset: int) -> bool:
        if offset not in self._quoted_offsets:
            self._quoted_offsets[offset] = _inside_quote(self.doc, offset)
        return self._quoted_offsets[offset]

    # ------------------------------------------------------------------ linking

    def link(self, start: int, end: int, *, speaker: bool = True,
             cue: str | None = None) -> tuple[Mention, Entity | None]:
        """Analyse the mention at [start, end) and join it to an entity (None: an
        unresolvable pronoun); ``cue`` is the lemma of the speaker's cue, if any."""
        self._cue = cue
        mention = analyse_mention(self.doc, start, end)
        was = (mention.type, mention.name)
        kind = _type_by_ner(self.doc, mention)
        if was[0] == "person" and was[1] and mention.type != "person" and (
                self._surname_of_someone(was[1]) or (
                    speaker and kind == "place" and not _listed_place_or_organization(was[1]) and
                    mention.words and mention.words[0].text.lower() != "the")):
            # "Okoro said", the model calling this "Okoro" a place: the surname of "Janet
            # Okoro" named in the same article is hers (one name, one sense per article);
            # and a name that speaks is a person unless the lists know it as a place
            mention.type, mention.name = was
        if mention.type == "person" and mention.name and not any(
                mention.name in p.name.split() for p in self.people if " " in p.name) and any(
                o.type == "organization" and o.start <= mention.start < o.end and
                _bare_name(o.name) == mention.name for o in self.others):
            # "Saint-Aubin said" after "Hôpital Saint-Aubin": the article's typing of this
            # very name (one sense per article) over the model's span in this sentence
            mention.type = "organization"
        street = clean(mention.core or mention.text)
        if speaker and mention.name and street[:1].isupper() and len(street.split()) > 1 and \
                street.split()[-1].lower() in STREET_HEADS:
            # "Downing Street said" ("Downing" tagged a verb): who works there
            mention.type, mention.name, mention.role = "organization", street, None
        entity = self._copula_subject(mention)
        if entity is not None:
            _describe(entity, mention.core or mention.text, mention.head)
        else:
            entity = self._resolve(mention)
        if entity is not None:
            self._join(entity, mention)
            if mention.role and mention.pronoun is None:
                _describe(entity, mention.role, None if mention.name else mention.head)
            if mention.gender in ("masc", "fem") and entity.gender is None:
                entity.gender = mention.gender          # pronoun chains carry gender
            if speaker:
                self._last_speaker, self._last_cue = entity, cue
        return mention, entity

    def _copula_subject(self, mention: Mention) -> Entity | None:
        """"Dvořák was a Czech composer", "He is the only candidate who …": a description that
        is the predicate of a copula describes its subject's entity."""
        head, sentence = mention.head, self.doc.sentence_containing(mention.start)
        if head is None or sentence is None or mention.pronoun is not None or mention.name or \
                head.upos != "NOUN" or mention.type not in ("person", "group"):
            return None
        children = sentence.children(head)
        subject = next((c for c in children if c.deprel == "nsubj" and c.index < head.index),
                       None)
        if subject is None or not any(c.deprel == "cop" for c in children):
            # "He worked as a schoolteacher": a predicate with "as" describes the verb's subject
            governor = sentence.head_of(head)
            if governor is None or head.relation not in ("obl", "xcomp", "advcl") or not any(
                    c.deprel == "case" and c.text.lower() == "as" for c in children):
                return None
            subject = next((c for c in sentence.children(governor) if c.deprel == "nsubj"
                            and c.index < head.index), None)
            if subject is None:
                return None
        words = [w for w in sentence.subtree(subject) if w.index < head.index]
        if not words or any(w.deprel == "cop" for w in words):
            return None
        described = analyse_mention(self.doc, words[0].start, words[-1].end)
        if described.type not in ("person", "group") or (
                described.pronoun is None and not described.name):
            return None          # "The problem is a lack of staff": no one to describe
        return self._resolve(described)

    def _join(self, entity: Entity, mention: Mention) -> None:
        """Record a mention as the entity's."""
        entity.mentions.append(mention)
        entity.last = max(entity.last, mention.start)
        sentence = self.doc.sentence_containing(mention.start)
        if sentence is not None:
            entity.sentences.add(sentence.index)
        self._mention_starts.add(mention.start)
        if mention.name and mention.pronoun is None and entity.type == "person":
            found = _whole_word(mention.name).search(self.doc.text, mention.start, mention.end)
            if found is not None:                      # where the name list has it
                self._entity_at_name[found.start()] = (entity, mention.name)

    def _surname_of_someone(self, name: str) -> bool:
        if self._surnames is None:
            self._surnames = {p.name.split()[-1] for p in self.people if " " in p.name}
        return " " not in name and name in self._surnames and not _listed_place_or_organization(name)

    def _resolve(self, mention: Mention) -> Entity | None:
        if mention.pronoun is not None:
            return self._pronoun(mention)
        alias = self._named_before_parenthesis(mention)
        if alias is not None:
            return alias
        if mention.name and mention.type == "person":
            fuller = self._fullest_organization(mention.name)
            if len(mention.name.split()) == 1 and fuller != mention.name and not any(
                    mention.name in p.name.split() and len(p.name.split()) > 1
                    for p in self.people):
                return self.organization(fuller)     # "Corvista" after "Corvista Bio"
            if len(mention.name.split()) > 1 and fuller != mention.name and not any(
                    p.name == mention.name for p in self.people) and \
                    not first_name_gender(mention.name):
                return self.organization(fuller)     # "Harrow Lane" after "Harrow Lane Research"
            return self.person(mention.name, _honorific_gender(mention))
        if mention.name and mention.type in ("organization", "group", "document"):
            titled = self._titled_person_closing(mention)
            if titled is not None:
                return titled
            described = self._organization_closing(mention)
            if described is not None:
                return described
            expanded = self.acronyms().get(_bare_name(mention.name))
            if expanded is not None:
                return self.organization(expanded)     # "The HSE said" … its name in full
            return self.organization(mention.name, mention.type)
        known = self._named_elsewhere(mention) or self._name_after_comma(mention)
        if known is not None:
            return known
        head = mention.head
        surname = head.text.title() if head is not None and head.text.isupper() else \
            head.text if head is not None else ""
        if surname[:1].isupper() and not capitalized_role(head.text) and \
                any(surname in p.name.split() for p in self.people):
            # a surname the parser did not read as a name ("Reyes" tagged a noun, "PENCE:")
            return self.person(surname)
        return self._description(mention)

    def _organization_closing(self, mention: Mention) -> Entity | None:
        """"State broadcaster KBC", "news agency Reuters": an organization's name closing
        the mention after a lower-case description of it is the organization."""
        end = mention.start + len(mention.text.rstrip())
        for other in self.others:
            if other.type != "organization" or not mention.start < other.start < end or \
                    other.end != end:
                continue
            before = [w for w in mention.words if w.end <= other.start]
            # a plain noun phrase before it (not "Mr. Taylor's group, March for Bernie at
            # DNC", "cables … that were later released by WikiLeaks")
            if any(w.upos == "NOUN" and w.text.islower() for w in before) and all(
                    w.upos in ("DET", "ADJ", "NOUN", "PROPN", "NUM") or w.text in ("-", "’s", "'s")
                    for w in before):
                return self.organization(other.name)
        return None

    def _titled_person_closing(self, mention: Mention) -> Entity | None:
        """"Court of King's Bench Justice Miriam Oyelaran-Hughes", "Cumberland County Warden
        Lorne Baxendale" read as an organization's name: a person's name that closes the
        mention right after a title word is who the mention is; the rest is the office."""
        text = self.doc.text
        end = mention.start + len(mention.text.rstrip())
        for person in self._people_in_sentence_of(mention.start):
            if not mention.start < person.start < end or \
                    person.start + len(person.name) != end:
                continue
            before = re.search(r"([A-Za-z.]+)\s+$", text[mention.start:person.start])
            if before is not None and before.group(1).lower() in titles():
                return self.person(person.name, person.gender)
        return None

    def _named_before_parenthesis(self, mention: Mention) -> Entity | None:
        """"Antonín Dvořák (/d(ə)ˈvɔːrʒɑːk/; Czech: [ˈantoɲiːn ˈdvor̝aːk])": what a parenthesis
        right after a person's name gives (a pronunciation, an alias, the name in another
        language) is that person's name again; a place, organization or group in it is not."""
        if mention.type in ("place", "organization", "group", "document"):
            return None
        for opening in _enclosing_openings(self.doc.text, mention.start):
            for person in self._people_in_sentence_of(opening):
                if person.start < opening and " ".join(
                        self.doc.text[person.start:opening].split()) == person.name:
                    return self.person(person.name, person.gender)
        return None

    def _named_elsewhere(self, mention: Mention) -> Entity | None:
        """"AROS argues", "Zero Hedge asked" parsed as no name here (a pronoun or numeral
        head, a word in capitals the model left untyped): the words the article uses as a
        name elsewhere are that name here too (one name, one sense per article); a place or
        other name that speaks is an organization."""
        text = _bare_name(mention.text)
        if capitalized_role(text):
            return None          # "The MP said": a role in capitals, whatever else it names
        if len(mention.words) == 1 and text.endswith("s") and \
                text[:-1].lower() in role_entries()[0]:
            return None          # "Democrats": a kind of people, whatever the model typed
        if len(text) < 2 or not text[:1].isupper() or not any(
                w.upos == "PROPN" or (len(w.text) > 1 and w.text.isupper())
                for w in mention.words):
            return None
        for entity in reversed(self.entities):
            if any(_bare_name(name) == text for name in entity.names):
                return entity
        if any(person.name == text for person in self.people):
            return self.person(text)
        for other in self.others:
            if _bare_name(other.name) == text:
                return self.organization(other.name)
        return None

    def _people_in_sentence_of(self, offset: int) -> list:
        """The person-name mentions of the sentence at ``offset`` (found by bisection)."""
        here = self._sentence_index(offset)
        return self.people[bisect_left(self._people_sentences, here):
                           bisect_right(self._people_sentences, here)]

    def _name_after_comma(self, mention: Mention) -> Entity | None:
        """"Worst of all, Mr. Trump revealed …", "Acts of protest, Mr. Obama said, are …"
        parsed with the fronted words as the speaker: a person's name closing the mention
        after a comma is the speaker."""
        comma = mention.text.rfind(",")
        if comma < 0:
            return None
        start = mention.start + comma + 1
        for person in self._people_in_sentence_of(mention.start):
            between = self.doc.text[start:person.start].strip()
            if start <= person.start and person.start + len(person.name) >= mention.end - 1 and \
                    (not between or between.lower() in honorific_gender() or between == "Dr."):
                return self.person(person.name, person.gender)
        return None

    def _description(self, mention: Mention) -> Entity:
        named = self._name_right_before(mention) or self._name_right_after(mention)
        if named is not None:
            return named
        if mention.type == "organization":
            described = self._organization_closing(mention)
            if described is not None:
                return described
        spelled = _bare_name(clean(mention.text)).lower()
        full = next((v for v in self.acronyms().values() if _bare_name(v).lower() == spelled),
                    None) if spelled and not mention.pronoun else None
        if full is not None:
            # "The Health Service Executive warned" (typed by no model or list) in an article
            # that calls it "the HSE": the organization
            return self.organization(full)
        head = mention.head
        text = description_text(mention.text)
        if mention.type in ("person", "group") and not RELATIVE_WORD.search(text):
            # "Passengers at the airport [on Wednesday]" (but "paramedics who spoke to the
            # Herald on Monday")
            text = TRAILING_DAY.sub("", text)
        first = self._first_word(mention)
        lemma = _kind_noun(mention)
        if _one_of(mention) and mention.type == "unknown":
            mention.type = "person"          # "One of the officials" (headed by the numeral)
        distinct = any(w.text.lower() in DISTINCT_MARKERS for w in mention.words
                       if head is None or w.index < head.index) or first in ("a", "an", "one") \
            and any(w.text.lower() == "second" for w in mention.words)
        earlier = self._same_kind(mention, lemma)
        if _one_of(mention) and earlier is None and (
                mention.words[2].upos == "PRON" or len(mention.words) == 4 and
                mention.words[2].text.lower() == "the" and mention.words[3].upos == "NUM"):
            # "Three paramedics … one of them said", "Two city employees … One of the two said"
            earlier = self._recent_group(mention)
        elif _one_of(mention) and earlier is None and lemma in role_entries()[0]:
            # "Two Republican House members … said … One of the lawmakers said": a member
            # of the group just quoted, named by another role noun
            earlier = self._recent_group(mention, within=MEMBER_OF_ANOTHER_NAME)
        if distinct:
            # "a second official", "another person familiar with the talks", "the other":
            # a new source of the same kind, granted the same terms as the earlier one.
            entity = self._new(mention.type, number=mention.number, gender=mention.gender)
            entity.descriptions.append(text)
            entity.heads.add(lemma)
            if earlier is not None:
                entity.inherited_evidence = _entity_evidence(self.doc, earlier)
            return entity
        if _one_of(mention) and earlier is not None:
            # "one of the people": a source of its own, on the group's terms
            entity = self._new("person", number="sing", gender=mention.gender)
            entity.descriptions.append(text)
            entity.heads.add(lemma)
            entity.inherited_evidence = _entity_evidence(self.doc, earlier)
            self._last_member = entity
            return entity
        other = self._the_other_member(mention)
        if other is not None:
            return other
        force = self._force_named(mention, lemma)
        if force is not None:
            return force
        key = text.lower()
        if key in self._by_text:
            return self._by_text[key]
        bare = _without_determiner(key)
        if first in DEFINITE and self._by_bare:
            # "a person briefed on the talks" … eleven sentences on, "The person briefed on
            # the talks, who was not authorized to discuss them, said": the same description
            # (also where the speaker's span stops at its head noun)
            sentence = self.doc.sentence_containing(mention.start)
            clause = self.doc.text[mention.start:sentence.end] if sentence else ""
            longer = _without_determiner(re.split(r"[,;:()“”\"]", clause)[0].strip().lower())
            for candidate in (bare, longer):
                if candidate in self._by_bare:
                    return self._by_bare[candidate]
        possessed = bool(mention.words) and mention.words[0].upos == "PRON" and \
            mention.words[0].deprel == "nmod:poss"
        if possessed and earlier is not None and mention.type in ("person", "unknown") and \
                not self._owns(mention.words[0], earlier):
            return earlier       # "Jason, who is our editor" … "our editor"
        if first in DEFINITE and mention.type in ("organization", "unknown") and earlier is None \
                and not _owned_by_a_noun(self.doc, mention):
            named = self._organization_named_by(mention, lemma)
            if named is not None:
                return named
        if first in DEFINITE and mention.type in ("person", "group", "organization", "document"):
            if earlier is not None and earlier.number != mention.number and \
                    mention.type in ("person", "group"):
                # "a senior Cruz adviser said" … "Cruz's advisers say" … "said the senior Cruz
                # adviser": a definite re-mention takes the source of its own number
                same_number = self._same_kind(mention, lemma, number=mention.number)
                if same_number is None and mention.number == "plur" and \
                        earlier.type == "person" and earlier.name:
                    earlier = None       # "The authors wrote" is not "the study's senior author"
                else:
                    earlier = same_number or earlier
            if earlier is not None:
                return earlier
            if mention.type == "organization" and (lemma in word_list("company_nouns.txt") or
                                                   lemma in PUBLIC_BODY_NOUNS and
                                                   mention.number == "sing" or
                                                   _based_description(mention)) and \
                    not _owned_by_a_noun(self.doc, mention):
                recent = self._recent_organization(mention.start, lemma)
                if recent is not None:
                    return recent
            if mention.type in ("person", "group", "document"):
                introduced = self._introduced_before(mention, lemma)
                if introduced is not None:
                    return introduced
            if mention.type == "document" and lemma in word_list("generic_document_nouns.txt"):
                cited = self._document_just_cited(mention)
                if cited is not None:
                    return cited
            if mention.type == "person" and mention.number != "plur":
                aged = self._person_of_age(mention) if lemma == "old" else None
                named = aged or self._person_just_named(mention, lemma) or \
                    self._person_just_described(mention, lemma)
                if named is None and lemma == "old":
                    named = self._last_person_speaker()
                if named is not None:
                    return named
        entity = self._new(mention.type, number=mention.number, gender=mention.gender,
                           office=_single_office_holder(mention))
        entity.descriptions.append(text)
        if lemma:
            entity.heads.add(lemma)
        if mention.type == "document" and head is not None:
            # "a draft report circulated among …" … "According to the draft"
            entity.heads |= {document_lemma(w) for w in mention.words
                             if w.head == head.index and w.deprel == "compound" and
                             document_lemma(w) in document_nouns()}
        self._by_text[key] = entity
        if first in ("a", "an") and len(bare.split()) > 1:
            self._by_bare.setdefault(bare, entity)
        return entity

    def _person_of_age(self, mention: Mention) -> Entity | None:
        """"Luis Fajardo, 63, a former airport mechanic, recalled …" … four sentences on,
        "The 63-year-old said": the latest person whose age the article gave as that number
        ("Name, 63," or "63-year-old Name")."""
        age = re.match(r"\D*(\d+)\s*-\s*years?\s*-\s*olds?", clean(mention.text))
        if age is None:
            return None
        number = age.group(1)
        text = self.doc.text
        best = None
        for person in self.people:
            if person.start >= mention.start:
                break
            end = person.start + len(person.name)
            if re.match(rf"\s*,\s*{number}\s*,", text[end:end + 12]) or re.search(
                    rf"\b{number}-year-old\s+$", text[max(0, person.start - 20):person.start]):
                best = person
        return self.person(best.name, best.gender) if best is not None else None

    def _last_person_speaker(self) -> Entity | None:
        """The person who spoke last, when a named person ("the 48-year-old said" a
        paragraph after "Denise Terrell said … She said …")."""
        last = self._last_speaker
        return last if last is not None and last.type == "person" and last.name and \
            last.number == "sing" else None

    def _first_word(self, mention: Mention) -> str:
        """The mention's first word, lower-cased; "the" for a span that starts at an age
        whose article the parse hung elsewhere ("The [58-year-old], a former commissioner,
        added")."""
        if not mention.words:
            return ""
        first = mention.words[0]
        if first.upos == "NUM" and first.index > 1 and mention.head is not None and \
                mention.head.text.lower() in ("old", "olds"):
            sentence = self.doc.sentence_containing(mention.start)
            before = sentence.word(first.index - 1) if sentence is not None else None
            if before is not None and before.text.lower() in DEFINITE:
                return before.text.lower()
        return first.text.lower()

    def acronyms(self) -> dict[str, str]:
        """The article's acronyms written out in it: each word in capitals (2-6 letters)
        whose letters are the initials of a run of capitalized words ("Health Service
        Executive" for HSE; "of", "and", "for", "the" skipped), with "the" where the article
        writes it."""
        if self._acronyms is None:
            self._acronyms = _acronyms_spelled_out(self.doc.text)
        return self._acronyms

    def _the_other_member(self, mention: Mention) -> Entity | None:
        """"One of the managers said …; the other said …": a bare "the other" after a member
        of a group, a few sentences back, is the group's other member, a source of its own
        on the same terms."""
        member = self._last_member
        words = [w.text.lower() for w in mention.words]
        if member is None or words != ["the", "other"] or \
                self._sentence_index(mention.start) - max(member.sentences, default=-99) > \
                JUST_NAMED:
            return None
        entity = self._new("person", number="sing", gender=mention.gender)
        entity.descriptions.append(description_text(mention.text))
        entity.heads |= member.heads
        entity.inherited_evidence = _entity_evidence(self.doc, member)
        return entity

    def _recent_group(self, mention: Mention, within: int = JUST_NAMED) -> Entity | None:
        """The latest group of people before the mention, within a few sentences: whom
        "one of them" is one of."""
        here = self._sentence_index(mention.start)
        groups = [e for e in self.entities if e.type in ("group", "person") and
                  e.number == "plur" and 0 <= e.last < mention.start and
                  here - max(e.sentences, default=here) <= within]
        return max(groups, key=lambda e: e.last, default=None)

    def _owns(self, possessor: Word, entity: Entity) -> bool:
        """"rival Donald Trump" … "Trump's campaign is seizing on comments his rival made":
        the possessive pronoun means the entity itself, so the description is someone else."""
        owner = analyse_mention(self.doc, possessor.start, possessor.end)
        return owner.pronoun is not None and self._pronoun(owner) is entity

    def _person_just_named(self, mention: Mention, lemma: str) -> Entity | None:
        """"… a problem with Donald Trump's microphone. The GOP nominee complained …": a
        definite singular description with no antecedent of its kind, whose noun is not one
        newsrooms use for unnamed sources, re-mentions a person named in the sentence before
        it or its own: of a compatible gender, a subject first, then the latest."""
        if not lemma or lemma in word_list("source_role_nouns.txt") or \
                _single_office_holder(mention):
            return None          # an office holder is named by the office, or named later
        here = self._sentence_index(mention.start)
        low = bisect_left(self._people_sentences, here - JUST_NAMED)
        high = bisect_right(self._people_sentences, here)
        candidates = []
        for person in self.people[low:high]:
            if person.start >= mention.start or self._quoted(person.start):
                continue
            gender = person.gender or self._gender_of(person.name)
            if mention.gender and gender and mention.gender != gender:
                continue
            if lemma in [_title_nouns().get(t, t) for t in person.titles] and \
                    not _title_matches(person.titles, lemma, mention):
                continue          # "Vice President Munro" is not "the president"
            candidates.append(person)
        # a name of its own sentence first ("Graham urged Republicans to unendorse Trump
        # after the billionaire mogul claimed …"); then the subject of its clause before
        # any other name ("Trump attacked Obama. The New York businessman …"), then the latest
        same = [p for p in candidates if p.sentence_index == here]
        best = max(same or candidates, key=lambda p: (p.subject, p.start), default=None)
        return self.person(best.name, best.gender) if best is not None else None

    def _introduced_before(self, mention: Mention, lemma: str) -> Entity | None:
        """"A junior engineer from the ward office contradicted this. Only one notice was
        served, the engineer said", "after a memo signed by … circulated. The memo … warned":
        a definite description with no antecedent among the sources re-mentions the
        indefinite noun of its kind that introduced someone (as a subject) or a document
        (anywhere) a few sentences back, outside quotations, even where that sentence is no
        attribution; the introduction is the source's first mention (its name and its
        anonymity evidence)."""
        if not lemma or mention.head is None:
            return None
        here = self._sentence_index(mention.start)
        plural = mention.number == "plur"
        document = mention.type == "document"
        window = DOCUMENT_WINDOW if _bare_document(mention) else JUST_NAMED
        # "The complaint says" after "A lawsuit filed last month … alleges"
        kinds = {lemma, *table("document_aliases.txt").get(lemma, ())} if document else {lemma}
        for sentence in reversed(self.doc.sentences[max(0, here - window):here + 1]):
            for word in reversed(sentence.words):
                # a person is introduced as a subject; a document wherever it stands ("The
                # dispute sharpened after a memo signed by … circulated. The memo … warned")
                if word.start >= mention.start or not (document or word.deprel.startswith(
                        "nsubj")) or word.upos != "NOUN" or \
                        _noun_kind(word, document) not in kinds or \
                        (word.feature("Number") == "Plur") != plural or \
                        self._quoted(word.start) or word.start in self._mention_starts:
                    continue
                if not any(c.deprel == "det" and c.text.lower() in ("a", "an", "one", "some")
                           for c in sentence.children(word)):
                    continue
                known = next((e for e in self.entities if any(
                    m.start <= word.start < m.end for m in e.mentions)), None)
                if known is not None and (not document or known.type == "document"):
                    return known          # the introduction is already a source's mention
                words = _introduced_phrase(sentence, word)
                if not words:
                    continue
                introduction = analyse_mention(self.doc, words[0].start, words[-1].end)
                if document:
                    introduction.type = "document"    # "a memo signed by an Air Force officer"
                elif introduction.type not in ("person", "group"):
                    continue
                entity = self._new(introduction.type, number=introduction.number,
                                   gender=introduction.gender or mention.gender)
                entity.descriptions.append(clean(introduction.text))
                entity.heads |= {lemma, _noun_kind(word, document)}
                self._join(entity, introduction)
                return entity
        return None

    def _document_just_cited(self, mention: Mention) -> Entity | None:
        """"According to the declaration, … Pruett, the filing says, …": "the filing", "the
        document" with no antecedent of its own noun is the document cited last, a few
        sentences back."""
        here = self._sentence_index(mention.start)
        documents = [e for e in self.entities if e.type == "document" and
                     0 <= e.last < mention.start and
                     here - max(e.sentences, default=here) <= JUST_NAMED]
        return max(documents, key=lambda e: e.last, default=None)

    def _person_just_described(self, mention: Mention, lemma: str) -> Entity | None:
        """"Another Catholic who attended the service and who didn't want to be named said
        … "…," the man said.": "the man", "the woman", "the person" with no antecedent of its
        own noun is the person last spoken of, when that person is an unnamed one (a named
        person is not re-mentioned as "the man") of a compatible gender, a few sentences back."""
        if lemma not in GENERIC_PERSON_NOUNS:
            return None
        here = self._sentence_index(mention.start)
        people = [e for e in self.entities if e.type == "person" and e.number == "sing" and
                  0 <= e.last < mention.start and
                  here - max(e.sentences, default=here) <= JUST_NAMED
                  and not (mention.gender and e.gender and mention.gender != e.gender)]
        latest = max(people, key=lambda e: e.last, default=None)
        return latest if latest is not None and not latest.names else None

    def _name_right_before(self, mention: Mention) -> Entity | None:
        """"Fenwick, Quillfeldt's lead lawyer, suggested …" parsed with the description as
        the subject: a person's name and a comma right before a definite or possessive
        description is the person it describes."""
        if mention.type not in ("person", "unknown") or not mention.words:
            return None
        indefinite = mention.words[0].text.lower() in ("a", "an", "one", "another", "some")
        for person in self._people_in_sentence_of(mention.start):
            end = person.start + len(person.name)
            if person.start >= mention.start:
                continue
            between = self.doc.text[end:mention.start]
            # "Jeb Bush, the former Florida governor and a Republican presidential
            # candidate, told CNN": the second of the descriptions is his too; an
            # indefinite one only after a name that opens the sentence ("Owen Prescott, a
            # sophomore from Worcester, said"; "… met Tanaka, a spokesman said" is a source
            # of its own)
            opening = self._opens_sentence(person.start)
            if ((not indefinite or opening) and re.fullmatch(r"\s*,\s*", between)) or \
                    DESCRIPTION_BEFORE_AND.fullmatch(between):
                return self.person(person.name, person.gender)
        return None

    def _opens_sentence(self, offset: int) -> bool:
        sentence = self.doc.sentence_containing(offset)
        return sentence is not None and not self.doc.text[sentence.start:offset].strip()

    def _name_right_after(self, mention: Mention) -> Entity | None:
        """"Democratic candidate Hillary Clinton … has said", "New York Times columnist
        David Brooks stated", parsed with the title noun as a subject of its own: a
        person's name right after the description's head noun is the person it titles."""
        head = mention.head
        if mention.type not in ("person", "unknown") or head is None:
            return None
        for person in self._people_in_sentence_of(mention.start):
            between = self.doc.text[head.end:person.start].split()
            # "Attorney [General] Roy Cooper", the speaker's span cut after "Attorney"
            if person.start >= head.end and all(
                    w.lower().rstrip(".") in titles() for w in between):
                return self.person(person.name, person.gender)
        return None

    def _same_kind(self, mention: Mention, lemma: str, number: str | None = None
                   ) -> Entity | None:
        """The most recent entity described by the same head noun, within the window: one
        already linked, or a name the article described ("Ines Carvalho is a spokeswoman for
        the department" … "the spokeswoman said"); only entities of ``number`` when given."""
        if not lemma:
            return None
        here = self._sentence_index(mention.start)
        # a document, and the group a member is one of ("Another of the people said", a
        # dozen paragraphs after "three people familiar with the matter"), from further back
        window = DOCUMENT_WINDOW if _bare_document(mention) or _one_of(mention) or \
            _definite_document(mention) else DESCRIPTION_WINDOW
        best: tuple[int, Entity | None, str | None] = (-1, None, None)
        # "According to the statement of claim" after "The lawsuit, filed in May 2023, …"
        aliases = set(table("document_aliases.txt").get(lemma, ())) \
            if mention.type == "document" else set()
        for entity in self.entities:
            if entity.last >= mention.start or here - max(entity.sentences, default=here) > \
                    window:
                continue
            # "The other technician" after "one of the technicians", whose plural the
            # dictionary lemmatizer kept
            if (lemma in entity.heads or lemma + "s" in entity.heads or
                    aliases & entity.heads and entity.type == "document") and \
                    _compatible_types(entity.type, mention.type) and \
                    entity.last > best[0] and number in (None, entity.number) and \
                    not _other_jurisdiction(mention, entity):
                best = (entity.last, entity, None)
        plural = mention.number == "plur"      # "The authors" is no one person's description
        for start, name, kind in self._described_names:
            if start < mention.start and start > best[0] and \
                    here - self._sentence_index(start) <= DESCRIPTION_WINDOW and \
                    lemma in self._description_heads.get(name, ()) and \
                    _compatible_types(kind, mention.type) and not (plural and kind == "person"):
                best = (start, None, name)
        if mention.type in ("person", "unknown") and not plural:
            # "Mayor Bill de Blasio" … "the mayor said": a title or role noun the article
            # put before a person's name
            for person in self._titled_people_before(mention.start, here):
                if person.start > best[0] and _title_matches(person.titles, lemma, mention):
                    best = (person.start, None, self.fullest(person.name))
        if best[1] is not None:
            return best[1]
        if best[2] is not None:
            kind = next((k for _, n, k in self._described_names if n == best[2]), "person")
            return self.person(best[2]) if kind == "person" else self.organization(best[2])
        return None

    def _titled_people_before(self, offset: int, here: int) -> list:
        """Person-name mentions with titles, before ``offset``, within the description
        window (found by bisection on their sentences)."""
        low = bisect_left(self._people_sentences, here - DESCRIPTION_WINDOW)
        high = bisect_right(self._people_sentences, here)
        return [p for p in self.people[low:high] if p.titles and p.start < offset]

    def _organization_named_by(self, mention: Mention, lemma: str) -> Entity | None:
        """"Redbud Independent School District … The district says", "Pettibone’s Bakery …
        the bakery posted", "the City of Saskatoon … The city said": a definite noun that is
        a word of an organization's name given before it, within the window, is that
        organization (the latest such name)."""
        if not lemma or len(mention.words) > 3 or mention.head is None or \
                mention.head.upos != "NOUN":
            return None
        here = self._sentence_index(mention.start)
        best = None
        for other in self.others:
            # a name the model called a place that no list knows ("the City of Saskatoon");
            # the noun being a word of the name, the name may stand anywhere before it
            # ("Calloway University" … twenty sentences on, "The university said")
            if not (other.type == "organization" or other.type == "place" and
                    not _listed_place_or_organization(other.name)) or \
                    other.start >= mention.start:
                continue
            words = re.findall(r"[\w’'-]+", other.name.lower())
            far = here - other.sentence_index > DESCRIPTION_WINDOW
            # the name's head: its last word, or the word before its "of" ("the
            # Association of Federal IT Professionals")
            heads = {words[-1]} | {w for w, after in zip(words, words[1:]) if after == "of"}
            if len(words) > 1 and lemma in words and (not far or lemma in heads) and \
                    (best is None or other.start > best.start):
                best = other        # from far back only as the name's last word
        return self.organization(self._business_name(best, lemma)) if best is not None else None

    def _business_name(self, name: OtherName, lemma: str) -> str:
        """"[Pettibone’s] Bakery on Payne Avenue" typed as one place: the business is the
        name up to its noun, with the owner's possessive the model left out before it."""
        found = re.search(rf"\b{re.escape(lemma)}\b(?=\s+(?:on|at|in)\s)", name.name, re.I)
        if found is None:
            return name.name
        owner = re.search(r"\b([A-Z][\w-]*[’']s)\s+$", self.doc.text[max(0, name.start - 40):
                                                                    name.start])
        return (f"{owner.group(1)} " if owner else "") + name.name[:found.end()]

    def _force_named(self, mention: Mention, lemma: str) -> Entity | None:
        """"police said" … "a news release from the Dallas Police Department": a bare or
        definite force noun is the force the article names, before or after it (the first
        name holding the noun and ending in an institution's head: not "the Dallas Police
        Association", the officers' union)."""
        if lemma not in word_list("force_nouns.txt") or len(mention.words) > 2 or (
                len(mention.words) == 2 and mention.words[0].text.lower() != "the"):
            return None
        pattern = re.compile(rf"\b{re.escape(lemma)}\b.*\b(?:department|service|force|bureau)$",
                             re.I)
        named = next((o for o in self.others if o.type == "organization" and
                      pattern.search(o.name)), None)
        if named is not None:
            return self.organization(named.name)
        # … or the force the article names by its place alone ("Chicago police")
        for sentence in self.doc.sentences:
            for word in sentence.words:
                if word.text.lower() != lemma or word.index < 2:
                    continue
                first = word.index
                while first > 1 and (sentence.word(first - 1).upos == "PROPN" or
                                     sentence.word(first - 1).text == "-" and first > 2 and
                                     sentence.word(first - 1).start ==
                                     sentence.word(first - 2).end):
                    first -= 1      # "Charlotte-Mecklenburg police"
                if first < word.index:
                    return self.organization(
                        self.doc.text[sentence.word(first).start:word.end])
        return None

    def _recent_organization(self, offset: int, lemma: str = "") -> Entity | None:
        """The organization a generic noun ("the company", "the magazine") re-mentions: the
        latest one named, the name followed by that noun first ("Family Circle magazine's
        poll … The magazine said"), a subject before a name later in its sentence ("The
        National Review is hosting a party at the Radisson. The conservative publication
        …")."""
        here = self._sentence_index(offset)
        public = lemma in PUBLIC_BODY_NOUNS
        # a name the model called a place that no list knows as one ("Lumora, the San
        # Francisco startup, … the company said") may be the company
        company = lemma in word_list("company_nouns.txt")
        business = lemma in word_list("business_nouns.txt")
        candidates = [o for o in self.others if o.start < offset and
                      here - o.sentence_index <= DESCRIPTION_WINDOW and len(o.name) > 2 and
                      not _byline_title(o.name) and (not public or self._public_body(o.name)) and
                      not (company and (self._reporting_outlet(o.start, o.name) or
                                        _institution_name(o.name, business))) and (
                          o.type == "organization" or (
                          o.type == "group" and lemma in TEAM_NOUNS) or (
                          o.type == "place" and not _listed_place_or_organization(o.name)
                          and self._acts_or_is_described(o)))]
        best_entity = max((e for e in self.entities if e.type == "organization" and e.names
                           and 0 <= e.last < offset and not _byline_title(e.names[0])
                           and not (company and (any(self._reporting_outlet(m.start, e.names[0])
                                                     for m in e.mentions) or
                                                 _institution_name(e.names[0], business)))
                           and (not public or self._public_body(e.names[0]))),
                          key=lambda e: e.last, default=None)
        best_name = max(candidates, key=lambda o: (
            self._followed_by(o, lemma), not self._modifier_here(o, here), o.sentence_index,
            self._name_is_subject(o), o.start), default=None)
        if best_name is not None and (best_entity is None or best_name.start > best_entity.last):
            # "the Redtails" after "the Sacramento Redtails": the fullest form of the name
            bare = re.sub(r"^the\s+", "", best_name.name, flags=re.I)
            fuller = max((o.name for o in self.others if o.start < offset and
                          re.search(rf"\s{re.escape(bare)}$", o.name)),
                         key=len, default=best_name.name)
            return self.organization(fuller)
        return best_entity

    def _public_body(self, name: str) -> bool:
        """A public body by its name, or by a description the article gives it ("Santé
        Québec, the Crown corporation that runs the province's public hospitals")."""
        return _public_body(name) or any(
            _public_body(_description_head(text)) for text in self._descriptions.get(name, ()))

    def _reporting_outlet(self, offset: int, name: str) -> bool:
        """"after the Journal reported on the investigation", "an email reviewed by The
        Post": a news outlet's name, there as the outlet reporting the story (not
        "Bloomberg's own billionaire list. The company says …")."""
        if not _news_outlet(name):
            return False
        sentence = self.doc.sentence_containing(offset)
        word = next((w for w in sentence.words if w.start <= offset < w.end), None) \
            if sentence is not None else None
        while word is not None and word.deprel in ("compound", "flat", "amod", "det"):
            word = sentence.head_of(word)
        if word is None:
            return False
        after = sentence.word(word.index + 1) if word.index < len(sentence.words) else None
        if after is not None and after.upos == "VERB" and \
                (after.lemma or after.text).lower() in REPORTING_VERBS:
            return True          # "after the Journal reported", parsed with no subject
        governor = sentence.head_of(word)
        verb = (governor.lemma or governor.text).lower() if governor is not None else ""
        if word.deprel.startswith("nsubj"):
            return verb in REPORTING_VERBS
        return word.deprel in ("obl", "obl:agent") and verb in ("review", "obtain", "see") \
            or word.deprel in ("obj", "iobj") and verb == "tell"

    def _modifier_here(self, name: OtherName, here: int) -> bool:
        """"In an April letter to House members, the Phoenix-based group wrote": a name in
        the description's own sentence that only modifies a noun is not what it re-mentions."""
        if name.sentence_index != here:
            return False
        sentence = self.doc.sentences[here]
        words = [w for w in sentence.words if name.start <= w.start and w.end <= name.end]
        return bool(words) and words[-1].deprel == "compound" and \
            words[-1].head > words[-1].index

    def _followed_by(self, name: OtherName, lemma: str) -> bool:
        """The name is followed by the noun ("Family Circle magazine")."""
        after = re.match(r"\W{0,2}\s*(\w+)", self.doc.text[name.end:name.end + 30])
        return bool(lemma) and after is not None and after.group(1).lower() == lemma

    def _acts_or_is_described(self, name: OtherName) -> bool:
        """A name the model called a place that acts like a company: the subject of its
        clause, or described by an appositive or a "which" clause ("Lumora, the San Francisco
        startup", "Mondelez, which generated …"); not a
        place where something happens ("Residents of Glace Bay and New Waterford said")."""
        if re.match(r",\s+who\b", self.doc.text[name.end:name.end + 8]) or any(
                e.type == "person" and name.name in e.names for e in self.entities):
            return False        # "Dunvegan, who manages the fleet": a person
        # one name, one sense per article: any of its mentions may show it
        if name.name not in self._acts_by_name:
            self._acts_by_name[name.name] = any(self._name_is_subject(other) or bool(re.match(
                r",\s+(?:the|a|an|which)\s", self.doc.text[other.end:other.end + 8], re.I))
                for other in self.others if other.name == name.name)
        return self._acts_by_name[name.name]

    def _name_is_subject(self, name: OtherName) -> bool:
        sentence = self.doc.sentence_containing(name.start)
        return sentence is not None and any(
            w.deprel.startswith("nsubj") for w in sentence.words
            if name.start <= w.start and w.end <= name.end)

    def _verbless(self, index: int) -> bool:
        """A sentence without a verb: a heading or caption line ("John FitzGibbon, 2nd Earl
        of Clare"); the person it names is not what the next sentence's pronoun means."""
        if index not in self._verbless_sentences:
            sentence = self.doc.sentences[index]
            self._verbless_sentences[index] = not any(
                w.upos in ("VERB", "AUX") for w in sentence.words)
        return self._verbless_sentences[index]

    def _sentence_index(self, offset: int) -> int:
        sentence = self.doc.sentence_containing(offset)
        return sentence.index if sentence is not None else 0

    def merge_cataphora(self) -> dict[int, Entity]:
        """"A federal judge on Friday blocked … U.S. District Judge Harriet Coleman wrote …":
        an indefinite description that the article names only later is that person, when
        exactly one named person carries its head noun as a title or description and the
        description carries no anonymity evidence.  Returns entity id -> the named entity."""
        merged: dict[int, Entity] = {}
        named = [e for e in self.entities if e.type == "person" and e.names]
        targets: set[int] = set()      # documents a headline mention was merged into
        for entity in self.entities:
            later = self._document_named_later(entity) if entity.id not in targets else None
            if later is not None:
                targets.add(later.id)
                # "…, internal audit finds" in the headline: the audit the story gives
                later.mentions[:0] = entity.mentions
                later.sentences |= entity.sentences
                merged[entity.id] = later
                continue
            if entity.type != "person" or entity.names or entity.number == "plur" or \
                    not entity.mentions or entity.inherited_evidence:
                continue
            first = entity.mentions[0]
            headline = self._in_headline(first)
            if headline is not None:
                merged[entity.id] = headline
                continue
            # "A federal judge …" or an office held by one person ("Ontario’s housing
            # minister … Housing Minister Colette Marchetti")
            if not first.words or not (first.words[0].text.lower() in ("a", "an") or
                                       entity.office) or \
                    evidence_for(self.doc, entity.mentions, entity.sentences):
                continue
            # the name comes later ("names only later"); a name given before it is someone
            # else ("district spokesperson Tamara Greenlee" … "A spokesperson for the Texas
            # Education Agency said")
            owners = [p for p in named if entity.heads & p.heads and
                      self._named_for(entity, first, p)]
            if len(owners) == 1:
                owner = owners[0]
                owner.mentions.extend(entity.mentions)
                owner.sentences |= entity.sentences
                merged[entity.id] = owner
        return merged

    def _document_named_later(self, entity: Entity) -> Entity | None:
        """A document the headline or deck (the page's first two lines) mentions by its
        noun alone ("…, internal audit finds", "A district memo says …"): the first document
        of that noun the story itself gives, when it gives one."""
        if entity.type != "document" or not entity.mentions:
            return None
        first = entity.mentions[0]
        sentence = self.doc.sentence_containing(first.start)
        if sentence is None or sentence.paragraph_index > 1 or first.pronoun is not None:
            return None
        body = [e for e in self.entities if e is not entity and e.type == "document" and
                e.mentions and e.heads & entity.heads and e.number == entity.number and
                e.mentions[0].start > first.start and
                (self.doc.sentence_containing(e.mentions[0].start) or sentence
                 ).paragraph_index > sentence.paragraph_index]
        return min(body, key=lambda e: e.mentions[0].start, default=None)

    def _in_headline(self, first: Mention) -> Entity | None:
        """"Mayor says city ‘can’t wait …’" or "'She was told in writing,' Conservative
        critic says" in a headline or deck (the page's first two lines) is the person the
        story names later with that title or role ("Mayor Dennis Claeys", "Conservative
        procurement critic Kyle Baranski"): the one named person whose titles or
        descriptions hold the description's noun and every other word it has."""
        sentence = self.doc.sentence_containing(first.start)
        if sentence is None or sentence.paragraph_index > 1 or first.head is None or \
                first.pronoun is not None or first.name:
            return None
        lemma = _kind_noun(first)
        words = {_bare_name(w.text.lower()) for w in first.words
                 if w is not first.head and w.upos in ("NOUN", "ADJ", "PROPN")}
        owners = []
        for person in self.entities:
            if person.type != "person" or not person.names or \
                    self._first_named(person) <= first.start:
                continue
            said = " ".join(person.descriptions).lower().split() + [
                title.lower() for seen in self.people if seen.name in person.names
                for title in seen.titles]
            nouns = {_title_nouns().get(_bare_name(w), _bare_name(w)) for w in said}
            if lemma in nouns and words <= {_bare_name(w) for w in said}:
                owners.append(person)
        return owners[0] if len(owners) == 1 else None

    def _named_for(self, entity: Entity, first: Mention, person: Entity) -> bool:
        """Whether the description ``first`` of ``entity`` may be ``person``, who carries its
        head noun: named after it (a representative, "A spokesperson for the minister", only
        when they share what is represented), or the one holder of a definite office
        ("Ontario’s housing minister"), an indefinite office sharing a qualifier."""
        if self._first_named(person) > first.start and (
                not re.search(r"\s(?:for|to)\s", first.text) or self._same_office(first, person)):
            return True
        return entity.office and (first.words[0].text.lower() not in ("a", "an") or
                                  self._same_office(first, person))

    def _same_office(self, description: Mention, person: Entity) -> bool:
        """An office described before its holder's name shares a qualifier with the titles
        or descriptions the holder was named with ("Ontario’s housing minister" … "Housing
        Minister Colette Marchetti"; not "A spokesperson for the minister" after "Opposition
        health spokesperson Bronwyn Tealby")."""
        qualifiers = {_bare_name(w.text.lower()) for w in description.words
                      if w is not description.head and w.upos in ("NOUN", "ADJ", "PROPN")}
        said = " ".join(person.descriptions).lower().split() + [
            title.lower() for seen in self.people if seen.name in person.names
            for title in seen.titles]
        said_words = {_bare_name(w) for w in said}
        # "A spokeswoman for the Department of Health" is not "Labour health spokeswoman
        # Orla Sheehy" (a capitalized word of hers, the party, is not what the description
        # represents); "A spokesman for the Jupiter Police Department" is "Officer Joseph
        # Beinlich, a Jupiter police spokesman"
        after = next((i for i, w in enumerate(description.words)
                      if w.text.lower() in ("for", "to")), None)
        if after is not None:
            represented = {_bare_name(w.text.lower()) for w in description.words[after + 1:]}
            own = {_bare_name(w.lower()) for text in
                   person.descriptions + [t for seen in self.people if seen.name in person.names
                                          for t in seen.titles]
                   for w in re.findall(r"[\w’'-]+", text)
                   if w[:1].isupper() and w.lower() not in titles() and
                   w.lower() not in role_entries()[0]}
            if own - represented:
                return False
        return bool(qualifiers & said_words)

    def _first_named(self, entity: Entity) -> int:
        """Where the article first mentions a named entity (its first linked mention, else
        the first place its name is written)."""
        starts = [m.start for m in entity.mentions]
        for name in entity.names:
            found = self.doc.text.find(name)
            if found >= 0:
                starts.append(found)
        return min(starts, default=len(self.doc.text))

    # ------------------------------------------------------------------ pronouns

    def _pronoun(self, mention: Mention) -> Entity | None:
        here = self._sentence_index(mention.start)
        wanted = "person" if mention.gender in ("masc", "fem") else \
            "thing" if mention.gender == "neut" else "plural"
        best: tuple | None = None
        best_seen: _Seen | None = None
        main_character = self._most_named_before(mention.start) if wanted == "person" else None
        for seen in self._seen_before(mention.start, PRONOUN_WINDOW):
            distance = here - seen.sentence
            if distance > PRONOUN_WINDOW or not _agrees(mention, wanted, seen):
                continue
            is_last = self._last_speaker is not None and seen.entity is self._last_speaker
            if is_last and self._cue in REPLY_CUES and self._last_cue in ASKING_CUES:
                # "an Iowa voter asked if she might …" … "“Wow, what a great idea,” she
                # replied": who answers is not who asked
                continue
            # Lower is better: sentence distance, where a non-subject counts one sentence
            # farther and the previous speaker one nearer ("Placed under the care of a Dr.
            # Bailey, he was encouraged …" after "Byron received …" means Byron), then
            # subjects before other roles, then the later mention.
            subject = seen.subject or is_last
            # "she" after "Isabel" (a given name of hers) and "our editor" (no gender): a
            # person whose gender is known to agree counts one sentence nearer
            agreed = wanted == "person" and seen.gender is not None
            # otherwise equal, the article's main character so far (named most often, three
            # times or more) before a person it names in passing
            main = wanted == "person" and main_character is not None and \
                self._key_of(seen) == main_character
            # a name typed as a thing ("Politifact did a fact-check") only where no group,
            # organization or person is there to mean
            rank = (seen.type == "other", distance + (0 if subject else 1) -
                    (1 if is_last else 0) - (1 if agreed else 0), not subject, not main,
                    -seen.offset)
            if best is None or rank < best:
                best, best_seen = rank, seen
        if best_seen is None:
            best_seen = self._main_character(mention, wanted, self._seen_before(mention.start))
        if best_seen is None:
            return None
        if best_seen.entity is not None:
            return best_seen.entity
        if best_seen.described is not None:
            described = analyse_mention(self.doc, *best_seen.described)
            entity = self._resolve(described)
            if entity is not None:
                self._join(entity, described)
                entity.gender = entity.gender or best_seen.gender
            return entity
        if best_seen.type == "person":
            return self.person(best_seen.key or "", best_seen.gender)
        return self.organization(best_seen.key or "")

    def _key_of(self, seen: _Seen) -> str | None:
        if seen.entity is not None:
            return seen.entity.name and self.fullest(seen.entity.name)
        return seen.key

    def _most_named_before(self, offset: int) -> str | None:
        """The person named most often before ``offset``, when named three times or more
        and more often than anyone else."""
        if self._leaders is None:
            # after each person mention, in reading order: who leads the count so far
            self._leaders = []
            counts: dict[str, int] = {}
            leader, top, tied = None, 0, False
            for person in sorted(self.people, key=lambda p: p.start):
                key = self.fullest(person.name)
                counts[key] = counts.get(key, 0) + 1
                if counts[key] > top:
                    leader, top, tied = key, counts[key], False
                elif counts[key] == top and key != leader:
                    tied = True
                self._leaders.append((person.start, leader if top >= 3 and not tied else None))
            self._leader_starts = [start for start, _ in self._leaders]
        at = bisect_left(self._leader_starts, offset) - 1
        return self._leaders[at][1] if at >= 0 else None

    def _main_character(self, mention: Mention, wanted: str,
                        seen_before: list[_Seen]) -> _Seen | None:
        """Nothing compatible within the window: in news a pronoun far from any name means
        the article's main character, the compatible entity mentioned most often before it
        (then the most recent); a pronoun with no compatible entity at all stays unresolved."""
        counts: dict[str, int] = {}
        # names and descriptions count, not the pronouns already linked (a pronoun that went
        # to the wrong entity would otherwise draw every later one after it)
        candidates = [s for s in seen_before if _agrees(mention, wanted, s) and not s.pronoun]
        for seen in candidates:
            key = seen.key or str(id(seen.entity))
            counts[key] = counts.get(key, 0) + 1
        if not counts:
            return None
        return max(candidates, key=lambda s: (counts[s.key or str(id(s.entity))], s.offset))

    def _gendered_subjects(self, offset: int, low: int, here: int) -> list[_Seen]:
        """Subjects that are descriptions of one person of known gender and no name ("My
        mother has softened with age, but … she still says"): antecedents too, though
        they never spoke."""
        found = []
        if self._kin_subjects is None:
            self._kin_subjects = []
            for sentence in self.doc.sentences:
                for word in sentence.words:
                    gender = honorific_gender().get((word.lemma or word.text).lower())
                    if word.upos != "NOUN" or not word.deprel.startswith("nsubj") or \
                            gender not in ("masc", "fem") or word.feature("Number") == "Plur" or \
                            any(c.upos == "PROPN" or c.deprel == "appos"
                                for c in sentence.children(word)):
                        continue          # "The other man, his cousin James York": a name
                    phrase = [w for w in sentence.subtree(word) if w.index <= word.index]
                    if phrase[0].text.lower() not in KIN_DETERMINERS or any(
                            w.text.lower() in DISTINCT_MARKERS for w in phrase):
                        continue          # "her son" is someone named; "neither man"
                    self._kin_subjects.append((sentence.index, phrase[0].start, word.end, gender))
            self._kin_sentences = [k[0] for k in self._kin_subjects]
        for index, start, end, gender in self._kin_subjects[
                bisect_left(self._kin_sentences, low):bisect_right(self._kin_sentences, here)]:
            if start < offset and not self._quoted(start) and not any(
                    s in self._mention_starts for s in range(start, end)):
                found.append(_Seen(start, index, None, None, "person", gender, "sing", True,
                                   described=(start, end)))
        return found

    def _seen_before(self, offset: int, window: int | None = None) -> list[_Seen]:
        """Earlier mentions a pronoun at ``offset`` could mean: all of them, or those of the
        last ``window`` sentences (the same items in the same order, found by bisection)."""
        seen = []
        here = self._sentence_index(offset)
        low = here - window if window is not None else -1
        linked_people = {id(e) for e in self.entities if e.type == "person" and e.names}
        people = self.people[bisect_left(self._people_sentences, low):
                             bisect_right(self._people_sentences, here)]
        for person in people:
            if person.start < offset and not self._quoted(person.start) and (
                    window is None or not self._verbless(person.sentence_index)):
                # two people of one surname: the entity the name's own mention was linked
                # to ("Ms. Khan" is Ghazala Khan, not the first full name of the surname)
                linked, name = self._entity_at_name.get(person.start, (None, ""))
                seen.append(_Seen(person.start, person.sentence_index,
                                  linked if name == person.name and
                                  self._both_honorifics(person.name) else None,
                                  self.fullest(person.name, person.gender), "person",
                                  person.gender or self._gender_of(person.name), "sing",
                                  person.subject))
        others = self.others[bisect_left(self._others_sentences, low):
                             bisect_right(self._others_sentences, here)]
        for other in others:
            # a place speaks as its government or institution ("Russia said it would …")
            if other.start < offset and other.type in ("organization", "place"):
                seen.append(_Seen(other.start, other.sentence_index, None, other.name,
                                  other.type, None, "sing", False))
            elif other.start < offset and other.type == "other" and \
                    self._name_is_subject(other):
                # "Politifact did a fact-check … they published the results": a name the
                # model typed as a thing that acts as a subject is what "they" may mean
                seen.append(_Seen(other.start, other.sentence_index, None, other.name,
                                  "other", None, "sing", True))
        seen.extend(self._gendered_subjects(offset, low, here))
        # a named person's mentions come in through the name list above, unless the model
        # typed that name otherwise ("Thorsby" a place, yet the speaker of the last quote)
        listed = [p.start for p in people]
        first = self.doc.sentences[low].start if 0 <= low < len(self.doc.sentences) else -1
        for entity in self.entities:
            if entity.last < first:
                continue                # no mention in the window
            for m in entity.mentions:
                if m.start < offset and (id(entity) not in linked_people or m.pronoun or
                                         not _has_start_in(listed, m.start, m.end)):
                    sentence = self._sentence_index(m.start)
                    if sentence < low or (m.pronoun is None and self._quoted(m.start)):
                        continue        # a name inside a quoted title ("Songs My Mother …")
                    subject = m.head is not None and m.head.deprel.startswith("nsubj")
                    seen.append(_Seen(m.start, sentence, entity, None,
                                      entity.type, entity.gender, entity.number, subject,
                                      m.pronoun is not None))
        # Names resolve to their entity once it exists, so genders learnt from pronouns hold.
        for item in seen:
            if item.entity is None and item.type == "person":
                existing = self._existing_person(item.key or "", item.gender)
                if existing is not None:
                    item.entity, item.gender = existing, existing.gender or item.gender
            elif item.entity is None and item.type in ("organization", "place", "other"):
                key = re.sub(r"^the\s+", "", (item.key or "").lower())
                item.entity = self._orgs.get(key)
        return seen


# What follows a comma describes the source further, often with the terms of its anonymity
# ("two council members who support the cuts, speaking on condition of anonymity …"): the
# name of an unnamed source stops there (description_text), unless the comma is inside a
# list of names that is what the description is of ("a spokesperson for Housing,
# Infrastructure and Communities Canada"; not the people it lists, "actors Meryl Streep,
# Mark Hamill, …"): a name after a preposition before the comma ...
NAME_AFTER_PREPOSITION = re.compile(r"\b(?:for|of|at|from|with|in)\s+(?:the\s+)?"
                                    r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*$")
# ... and after it capitalized words up to another comma or to "and" and a capitalized word
NAME_LIST_GOES_ON = re.compile(r"\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*(?:,|\s+(?:and|&)\s+(?:the\s+)?[A-Z])")


def _enclosing_openings(text: str, offset: int, reach: int = 200) -> list[int]:
    """Offsets of the unclosed "(" and "[" before ``offset`` (innermost first), looking
    back ``reach`` characters and not past a line break."""
    found, depth = [], 0
    for at in range(offset - 1, max(-1, offset - 1 - reach), -1):
        char = text[at]
        if char == "\n":
            break
        if char in ")]":
            depth += 1
        elif char in "([":
            if depth:
                depth -= 1
            else:
                found.append(at)
    return found


@lru_cache(maxsize=65536)
def _bare_name(text: str) -> str:
    """A name without a leading "the" and a possessive ending."""
    text = re.sub(r"^the\s+", "", text.strip(), flags=re.I)
    return re.sub(r"[’']s?$", "", text).strip()


# What an outlet does as the one reporting a story ("the Journal reported", "the Post
# learned", "The Times first revealed").
REPORTING_VERBS = frozenset({"report", "learn", "reveal", "publish", "disclose", "obtain",
                             "review", "break"})


def _news_outlet(name: str) -> bool:
    """"the Journal", "The Wall Street Journal", "ProPublica": a news outlet's name."""
    words = re.findall(r"[\w’'-]+", name.lower())
    return bool(words) and words[-1] in word_list("news_outlet_heads.txt")


def _byline_title(name: str) -> bool:
    """"ESPN Staff Writer", "CBC News Correspondent": a byline's title, no organization."""
    return name.split()[-1].lower() in BYLINE_TITLES if name.split() else False


# Last words of a street's name, never a person's: a street that speaks is an institution
STREET_HEADS = frozenset({"street", "avenue", "boulevard"})
# a team the model typed as its players ("the Redtails"): what "the club" says is the club's
TEAM_NOUNS = frozenset({"club", "team", "franchise", "side", "squad"})
BYLINE_TITLES = frozenset({"writer", "writers", "correspondent", "reporter", "editor",
                           "columnist", "contributor", "producer"})


# A day closing a description of people: when they spoke, not who they are.
TRAILING_DAY = re.compile(r"\s+(?:on|last|this)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
                          r"Saturday|Sunday)$")
RELATIVE_WORD = re.compile(r"\b(?:who|whom|whose|that|which)\b", re.IGNORECASE)


def description_text(text: str) -> str:
    """The description less what follows its first comma ("The people, who spoke on …"),
    except a comma inside a list of names ("a spokesperson for Housing, Infrastructure and
    Communities Canada")."""
    for comma in re.finditer(r",(?=\s)", text):
        if not (NAME_LIST_GOES_ON.match(text, comma.end()) and
                NAME_AFTER_PREPOSITION.search(text, 0, comma.start())):
            return clean(text[:comma.start()])
    return clean(text)


def _agrees(mention: Mention, wanted: str, seen: _Seen) -> bool:
    """he/she only persons of a compatible gender; it organizations and documents; they
    groups, organizations, plural persons and other names acting as subjects."""
    if wanted == "person":
        if seen.type != "person" or seen.number == "plur":
            return False
        return not (seen.gender and mention.gender and seen.gender != mention.gender)
    if wanted == "thing":
        return seen.type in ("organization", "document", "place") and seen.number != "plur"
    return seen.type in ("group", "organization", "other") or (seen.type == "person"
                                                               and seen.number == "plur")


def _compatible_types(entity_type: str, mention_type: str) -> bool:
    people = ("person", "group")
    return entity_type == mention_type or (entity_type in people and mention_type in people)


# What a noun's phrase is made of, when it introduces a source: its determiners, modifiers,
# compounds, prepositional phrases and participles, not a clause it heads ("One exception
# is a page on health care": not "One exception is").
PHRASE_RELATIONS = frozenset({"det", "amod", "compound", "nmod", "nmod:poss", "nummod", "acl",
                              "flat", "case", "advmod", "obl", "obl:agent", "obj", "fixed"})


def _introduced_phrase(sentence: Sentence, noun: Word) -> list[Word]:
    """The words of the noun phrase that introduces a source ("a framed, handwritten note
    from Donald J. Trump", "a memo signed by an Air Force officer"): the noun's own
    dependents, not its relative clause, subject or copula, up to the first comma or finite
    verb after it; nothing for an amount ("an average of 9.2 points")."""
    keep = {noun.index}
    for child in sentence.children(noun):
        if child.deprel in PHRASE_RELATIONS and not (
                child.index < noun.index and child.deprel in ("obl", "obj", "advmod")):
            keep |= {w.index for w in sentence.subtree(child)}
    keep |= _misattached_tail(sentence, noun, max(keep))
    governor = sentence.head_of(noun)
    if governor is not None and governor.index == noun.index + 1 and \
            noun.deprel.startswith("nsubj") and governor.xpos in ("VBN", "VBD") and \
            (governor.lemma or "").lower() in PUBLISHING_VERBS and \
            not any(c.relation == "obj" for c in sentence.children(governor)):
        # "A lawsuit filed last month in … alleges" parsed with "filed" as the main verb:
        # the participle describes the document (the stop below ends the phrase)
        keep |= {w.index for w in sentence.subtree(governor) if w.index > noun.index}
    words = [w for w in sentence.words if w.index in keep]
    if any(w.upos == "NUM" and w.index > noun.index and sentence.head_of(w) is not None and
           sentence.head_of(w).index > noun.index for w in words[:6]) and any(
            w.text.lower() == "of" and w.index == noun.index + 1 for w in words):
        return []
    stop = next((w.index for w in sentence.words[noun.index:] if w.text in (",", ";", ":", "(")
                 or w.text in "“”\"" or w.xpos in ("VBD", "VBZ", "VBP", "MD") and
                 (any(c.deprel in ("obj", "ccomp", "xcomp") for c in sentence.children(w)) or
                  (w.lemma or "").lower() in cue_lexicon().lemmas)
                 or _cue_read_as_noun(sentence, w)),
                len(sentence.words) + 1)
    phrase = [w for w in words if w.index < stop]
    while phrase and phrase[0].index < noun.index and phrase[0].upos in ("ADP", "SCONJ", "PUNCT"):
        phrase = phrase[1:]         # "after a memo …": the preposition is none of it
    while phrase and phrase[-1].upos in ("PUNCT", "ADP", "CCONJ", "DET"):
        phrase = phrase[:-1]
    return phrase


def _cue_read_as_noun(sentence: Sentence, word: Word) -> bool:
    """"… obtained by CNN warns that …" with "warns" tagged a plural noun: a cue's -s form
    followed by "that" ends the phrase before it."""
    text = word.text.lower()
    following = sentence.word(word.index + 1) if word.index < len(sentence.words) else None
    return word.upos == "NOUN" and text.endswith("s") and following is not None and \
        following.text.lower() == "that" and text[:-1] in cue_lexicon().lemmas


def _misattached_tail(sentence: Sentence, noun: Word, last: int) -> set[int]:
    """Words right after a document's phrase that a compact parse hung elsewhere: a weekday
    or month made an appositive ("a 46-page decision released Tuesday, …") and the author's
    "by" phrase hung on the verb ("pointing to a 2025 report by the Financial Accountability
    Office")."""
    if document_lemma(noun) not in document_nouns() or last >= len(sentence.words):
        return set()
    following = sentence.words[last]              # the word after index ``last`` (1-based)
    if following.text.lower() in word_list("calendar.txt") and following.upos == "PROPN" and \
            sentence.word(last).xpos == "VBN":
        return {following.index}                  # not "filed a complaint Monday"
    if following.text.lower() == "by" and following.upos == "ADP":
        author = sentence.head_of(following)
        if author is not None and author.upos in ("PROPN", "NOUN") and author.index > last:
            return {w.index for w in sentence.subtree(author)}
    return set()


@lru_cache(maxsize=65536)
def _without_the(name: str) -> str:
    return re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)


def _without_determiner(description: str) -> str:
    """"a person briefed on the talks" -> "person briefed on the talks" (lower case)."""
    return re.sub(r"^(?:an?|the|that|this)\s+", "", description)


# Heads of public bodies' names that trade and advocacy groups go by too ("the Arizona
# Manufactured Housing Owners Council" … "the Phoenix-based group").
ASSOCIATION_HEADS = frozenset({"council"})


def _institution_name(name: str, business: bool = True) -> bool:
    """A public body's name that no business goes by: one holding an institution's head
    noun ("Linn County", "the Exchange Commission") or an acronym's possessive ("the SEC’s
    Atlanta [office]"): never what "the company" or "the manufacturer" re-mentions; with
    ``business``, a union's or association's too ("Tallus Workers United", which "the group"
    may re-mention but "the company" may not)."""
    words = re.findall(r"[\w’'-]+", name)
    return any(w.lower() in word_list("government_heads.txt") and
               (business or w.lower() not in ASSOCIATION_HEADS) or
               business and w.lower() in word_list("civic_name_words.txt") for w in words) or any(
        re.fullmatch(r"[A-Z]{2,6}[’']s", w) for w in words)


def _description_head(description: str) -> str:
    """A description's words up to its first clause or phrase ("the Crown corporation that
    runs …" -> "the Crown corporation")."""
    return re.split(r"\s(?:that|which|who|whose|of|for|in|at|with|to|from|on),?\s|[,;(]",
                    description)[0]


def _public_body(name: str) -> bool:
    """A name a public body goes by: one holding an institution's head noun ("Kellingford
    Borough Council", "the Office of Management and Budget", "Pune Municipal Corporation")
    or an acronym ("the FDA")."""
    words = re.findall(r"[\w’'-]+", name)
    heads = _public_body_heads()
    return any(w.lower() in heads for w in words) or any(
        w.isupper() and 2 <= len(w) <= 6 for w in words)


@lru_cache(maxsize=1)
def _public_body_heads() -> frozenset[str]:
    """Head nouns of institutions' names, less a business's ("Group", "Foods") and "House"."""
    return (word_list("organization_heads.txt") - word_list("company_nouns.txt") -
            word_list("business_name_words.txt") - {"house"}) | {"corporation"}


def _noun_kind(word: Word, document: bool = False) -> str:
    """A noun's kind as :func:`_kind_noun` gives it ("people" -> person)."""
    lemma = document_lemma(word) if document else singular(word)
    return "person" if lemma == "people" else lemma


# Words that place a body in one jurisdiction: "the state health department" is not "the
# county health department".
JURISDICTIONS = frozenset({"state", "county", "city", "federal", "provincial", "national",
                           "municipal", "local", "regional", "district"})


def _other_jurisdiction(mention: Mention, entity: Entity) -> bool:
    """The description names a jurisdiction and the entity was described with another."""
    own = {w.text.lower() for w in mention.words} & JURISDICTIONS
    if not own:
        return False
    described = {w for text in entity.descriptions + entity.names
                 for w in text.lower().split()} & JURISDICTIONS
    return bool(described) and not own & described


def _kind_noun(mention: Mention) -> str:
    """The noun saying what kind of source a description is: its head, or the noun after
    "one of" ("One of the officials" -> official); "people" is the plural of "person"."""
    head = mention.head
    if head is None:
        return ""
    noun = head
    if _one_of(mention):
        nouns = [w for w in mention.words[2:] if w.upos in ("NOUN", "PROPN")]
        # "one of the faculty members": the member, not the compound before it
        noun = next((w for w in nouns if w.deprel != "compound"), nouns[0] if nouns else head)
    lemma = singular(noun)
    if lemma == "statement" and any(
            w.text.lower() == "claim" and w.head == noun.index for w in mention.words):
        return "claim"             # "the statement of claim" (a lawsuit's): a claim
    return "person" if lemma == "people" else lemma


@lru_cache(maxsize=1)
def _title_nouns() -> dict[str, str]:
    return {key: values[0] for key, values in table("title_abbreviations.txt").items()}


# Title words that make another office of the head noun ("Vice President" is not "the
# president"); "former" must agree both ways ("the former president" is not the current one).
OTHER_OFFICE = frozenset({"vice", "deputy", "assistant", "associate", "lieutenant"})


def _title_matches(titles: tuple[str, ...], lemma: str, mention: Mention) -> bool:
    """Whether a definite description headed by ``lemma`` re-mentions a person named with
    these titles ("Sen." / "senator", "Mayor" / "mayor", "spokesman" / "spokesman")."""
    if not titles:
        return False
    nouns = [_title_nouns().get(t, t) for t in titles]
    if lemma not in (nouns[-1], titles[-1]):       # "Justice …" is "the justice", "the judge"
        return False
    said = {w.text.lower() for w in mention.words}
    if any(q in OTHER_OFFICE and q not in said for q in nouns[:-1]):
        return False
    return ("former" in nouns) == ("former" in said)


@lru_cache(maxsize=4096)
def _whole_word(text: str) -> re.Pattern[str]:
    """``text`` as a whole word (names recur across mentions and articles: compiled once)."""
    return re.compile(rf"\b{re.escape(text)}\b")


@lru_cache(maxsize=4096)
def _spelled_out_pattern(acronym: str) -> re.Pattern[str]:
    """Words whose initials spell ``acronym``, joined by spaces and function words (English
    and French)."""
    # French names keep their adjectives and nouns lower-case ("Office québécois de la
    # langue française": the OQLF)
    words = [acronym[0] + r"[\w’'-]+"] + [rf"[{letter}{letter.lower()}][\w’'-]+"
                                          for letter in acronym[1:]]
    gap = r"(?:\s+(?:of|and|for|the|&|de|du|des|la|le|les|et))*\s+"
    return re.compile(r"\b(?:([Tt]he)\s+)?(" + gap.join(words) + r")\b")


def _acronyms_spelled_out(text: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for acronym in set(re.findall(r"\b[A-Z]{2,6}\b", text)):
        match = _spelled_out_pattern(acronym).search(text)
        # an institution's name ("Health Service Executive"), not "Chief Executive Officer"
        if match is not None and len(match.group(2).split()) >= 2 and any(
                w.lower() in word_list("organization_heads.txt")
                for w in match.group(2).split()):
            found[acronym] = ("the " if match.group(1) else "") + match.group(2)
    return found


def _bare_document(mention: Mention) -> bool:
    """"The audit", "the decision": a document by a definite article and its noun alone."""
    return mention.type == "document" and len(mention.words) == 2 and \
        mention.words[0].text.lower() in DEFINITE


def _based_description(mention: Mention) -> bool:
    """"the Bensalem-based contractor": a description by where a company is based."""
    return any(w.text.lower().endswith("-based") or w.text.lower() == "based" and
               i > 0 and mention.words[i - 1].text in ("-", "‑")
               for i, w in enumerate(mention.words))


def _definite_document(mention: Mention) -> bool:
    """"The 38-page audit", "the final report": a document by a definite description that
    names nothing ("The Q poll" is a poll of its own)."""
    return mention.type == "document" and bool(mention.words) and \
        mention.words[0].text.lower() in DEFINITE and \
        not any(w.upos == "PROPN" or w.text[:1].isupper() for w in mention.words[1:])


def _one_of(mention: Mention) -> bool:
    words = [w.text.lower() for w in mention.words]
    return len(words) >= 3 and words[0] in ("one", "two", "some", "several", "many", "another",
                                            "each", "either", "neither") and words[1] == "of"


def _inside_quote(doc: ParsedDocument, offset: int) -> bool:
    """Whether an offset lies inside quotation marks of its paragraph (a name the speaker
    mentions is not who speaks)."""
    sentence = doc.sentence_containing(offset)
    if sentence is None:
        return False
    # counted from the paragraph's start: a sentence can open inside a quotation that an
    # earlier sentence opened ("“That review is not finished. It is not even halfway
    # finished,” Wierzbicki said.")
    paragraphs = doc.paragraphs()
    start = sentence.start
    if 0 <= sentence.paragraph_index < len(paragraphs) and \
            paragraphs[sentence.paragraph_index].start <= start:
        start = paragraphs[sentence.paragraph_index].start
    before = doc.text[start:offset]
    return (before.count("“") > before.count("”")) or before.count('"') % 2 == 1


def _owned_by_a_noun(doc: ParsedDocument, mention: Mention) -> bool:
    """"The transit workers' union", "the company's union": a possessor says whose it is,
    an organization of its own, not the one named last ("the nation's largest gun group"
    only says where: quotes/data/scope_nouns.txt)."""
    head = mention.head
    sentence = doc.sentence_containing(head.start) if head is not None else None
    return sentence is not None and any(
        c.deprel == "nmod:poss" and c.upos == "NOUN" and
        (c.lemma or c.text).lower() not in word_list("scope_nouns.txt")
        for c in sentence.children(head))


def _honorific_gender(mention: Mention) -> str | None:
    """The gender a surname's own honorific gives it ("Mr. Clinton", "Mrs. Clinton")."""
    genders = {honorific_gender().get(t.lower()) for t in mention.titles} - {None}
    return genders.pop() if len(genders) == 1 else None


def _describe(entity: Entity, description: str, head: Word | None = None) -> None:
    """Add a description (and its head noun, for later "the spokeswoman" re-mentions)."""
    description = clean(description)
    if description and description not in entity.descriptions:
        entity.descriptions.append(description)
    if head is not None:
        entity.heads.add(singular(head))
    elif _head_of_description(description):
        entity.heads.add(_head_of_description(description))


def _heads_of_description(description: str) -> set[str]:
    """The description's head and, in a job title of two role nouns, the first of them too
    ("the county’s chief executive officer" is "the executive" as well as "the officer")."""
    head = _head_of_description(description)
    words = re.findall(r"[\w’'-]+", description.lower())
    heads = {head}
    if head in words:
        before = words[:words.index(head)]
        roles = role_entries()[0]
        if before and before[-1] in roles and head in roles:
            heads.add(before[-1])
    return heads


def _head_of_description(description: str) -> str:
    """The description's last word before a preposition or clause ("a spokeswoman for the
    department" -> spokeswoman), singular."""
    words = re.findall(r"[\w’'-]+", description.lower())
    cut = next((i for i, w in enumerate(words) if w in ("of", "at", "for", "with", "who",
                                                        "in", "on", "from", "that", "and")),
               len(words))
    if not cut:
        return ""
    word = words[cut - 1]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _single_office_holder(mention: Mention) -> bool:
    """"the country's top military commander", "the White House press secretary"."""
    head = mention.head
    _, offices = role_entries()
    if head is None or singular(head) not in offices or head.feature("Number") == "Plur":
        return False
    before = [w for w in mention.words if w.index < head.index]
    if before and before[0].text.lower() in ("a", "an", "one", "another", "some"):
        return False          # "a Kremlin spokesman": one of several
    if [w.text.lower() for w in before] == ["the"] and singular(head) in sole_offices() and \
            len(mention.words) == 2:
        return True           # "the president said", "the premier told reporters"
    # The office must be qualified by whose it is: a possessive, a proper-name compound
    # ("Kremlin spokesman", "the White House press secretary"), or "of the …".
    return any(is_possessive(w) or w.upos == "PROPN" for w in before) or any(
        w.deprel.startswith("nmod") and w.index > head.index for w in mention.words)


def _share_of(sentence: Sentence | None, head: Word) -> bool:
    """"An average of 10 percent of registered voters": a share of people, no document ("a
    survey of 1,140 pharmacists" is one)."""
    if sentence is None or head.index + 3 > len(sentence.words):
        return False
    return sentence.word(head.index + 1).text.lower() == "of" and \
        sentence.word(head.index + 2).upos == "NUM" and \
        sentence.word(head.index + 3).text.lower() in ("percent", "%", "per")


def _type_by_ner(doc: ParsedDocument, mention: Mention) -> str | None:
    """Type a named mention by the NER model; documents by their head noun.

    Only a name the mention is about counts: one covering its head, or the name the mention
    analysis found ("Russia’s foreign ministry" is a ministry, not Russia).  The name's text
    is the longer of the model's span (clipped to the mention) and the capitalized run.
    Returns the type the model (checked by the lexicons) gave the name, if any."""
    sentence = doc.sentence_containing(mention.start)
    head = mention.head
    if head is not None and mention.pronoun is None and not mention.name and \
            document_lemma(head) in document_nouns() and not _share_of(sentence, head):
        mention.type = "document"
        return None
    if sentence is None or head is None or mention.pronoun is not None:
        return None
    inside = {w.index for w in mention.words}
    span = sentence.name_of(head)
    if span is None and mention.name and mention.type == "person":
        # a person's name the analysis found, typed by the model; an institution's name
        # ("the Swiss Federal Office for the Environment") is not retyped by a word of it
        parts = set(mention.name.split())
        span = next((sentence.name_of(w) for w in mention.words
                     if w.text in parts and sentence.name_of(w)), None)
    kind, words = None, []
    if span is not None:
        words = [w for w in sentence.words[span.first - 1:span.last] if w.index in inside]
        kind = checked_type(span.type, words, doc.text) if words else None
    if kind == "person" and (is_publication(sentence, head) or
                             WEB_NAME.fullmatch(mention.core or "")):
        kind = "organization"          # "the Daily Caller", "Factcheck.org" typed a person
    if kind in ("organization", "place") and mention.type == "person" and not mention.name \
            and office_of_place(words):
        return None                    # "the Mayor of Chicago" typed an organization
    if kind in (None, "other", "group"):
        # Untyped by NER: a bare surname ("Okonjo said") stays the person the mention analysis
        # made of it (in news a capitalized singular speaker is almost always a person), but
        # "the Riksbank" is an institution.
        if mention.name and mention.type == "person" and len(mention.name.split()) == 1 and \
                mention.words and mention.words[0].text.lower() == "the":
            mention.type, mention.name = "organization", mention.core or mention.name
        return kind
    name_text = clean(doc.text[words[0].start:words[-1].end])
    if kind == "person" and len(words) == 1 and mention.words[0].text.lower() == "the" and \
            mention.head is words[0] and words[0].text.lower() not in role_entries()[0]:
        kind = "organization"          # "the Riksbank": no person's name follows "the"
    if kind in ("person", "organization") and len(words) == 1 and (
            capitalized_role(words[0].text) or kind == "person" and
            words[0].text.lower().rstrip(".") in titles()):
        return None                    # "The MP said", "the CTO", "Mayor says" typed a name
    if kind == "person" and mention.type == "group" and not mention.name and \
            mention.number == "plur":
        return None                   # "Senate Democrats": a kind of people, typed a name
    if kind == "person":
        if any(w.text[:1].islower() and w.text.lower() not in PARTICLES for w in words):
            words = person_part(words) or words
        # "Deputy Secretary of State Monique Farrell": the name starts at its given name
        given = next((i for i, w in enumerate(words) if i and first_name_gender(
            f"{w.text} x")), None)
        if given is not None and any(w.text[:1].islower() for w in words[:given]):
            words = words[given:]
        name = split_title(words, doc.text)
        text = name.text if name is not None else name_text
        last = (name.words if name is not None else words)[-1]
        if (name is None or not name.titles) and is_bare_title(text, text_after(sentence, last)):
            return None               # "Director of the … study", typed a person's name
        if mention.type != "person" or not mention.name or \
                len(text.split()) > len(mention.name.split()):
            mention.type, mention.name = "person", text
        return kind
    else:
        if mention.type == "person" and mention.name and not is_listed_organization(name_text):
            # NER says organization, but a person's name is in the mention ("Apple's Tim
            # Cook"): keep the person when the name is outside the organization span.
            if any(w not in words for w in mention.words if w.text in mention.name.split()):
                return kind
        core = re.sub(r"^the\s+", "", mention.core or "", flags=re.I)
        if core and name_text in core and all(
                w[:1].isupper() or w.lower() in NAME_JOINERS for w in core.split()):
            # the model's span is part of the name: "Russia’s Defense Ministry"
            mention.name = (mention.core or core)
        elif not (mention.type == "organization" and mention.name
                  and name_text in mention.name):
            first = words[0].index
            before = sentence.word(first - 1) if first > 1 else None
            article = before.text + " " if before is not None and \
                before.text.lower() == "the" else ""
            mention.name = article + name_text
        if mention.words and mention.words[0].text.lower() == "the" and mention.name and \
                not mention.name.lower().startswith("the ") and len(mention.words) > 1 and \
                mention.name.startswith(mention.words[1].text):
            mention.name = "the " + mention.name      # "The Riksbank": as the article names it
        mention.type = "organization"
        mention.number = "sing"
    return kind


# between a name and the second of its descriptions: ", the former Florida governor and "
DESCRIPTION_BEFORE_AND = re.compile(r"\s*,\s*(?:the|a|an|his|her|its|their|[A-Z][a-z]+)\s"
                                    r"[^,;.“”\"]{1,80}?,?\s+and\s+")


def _abbreviates(letters: str, name: str) -> bool:
    """Whether the acronym ``letters`` abbreviates ``name``: its initials, or its initials
    after a country written with periods ("CPSC" for "the U.S. Consumer Product Safety
    Commission")."""
    initials = _initials(name)
    if initials == letters.lower():
        return True
    words = re.sub(r"^the\s+", "", name, flags=re.I).split()
    return len(words) > 2 and "." in words[0] and _initials(" ".join(words[1:])) == letters.lower()


def _initials(name: str) -> str:
    """"the World Health Organisation" -> "who" (its capitalized words' first letters)."""
    words = [w for w in re.sub(r"^the\s+", "", name, flags=re.I).split()
             if w.lower() not in NAME_JOINERS]
    # a place written with periods gives all its letters ("B.C." in "BCFSA")
    return "".join(w.replace(".", "") if re.fullmatch(r"(?:[A-Z]\.){2,}", w) else w[0]
                   for w in words if w[:1].isupper()).lower()


def _has_start_in(starts: list[int], low: int, high: int) -> bool:
    """Whether one of the sorted ``starts`` lies in [low, high)."""
    i = bisect_left(starts, low)
    return i < len(starts) and starts[i] < high


def _listed_place_or_organization(name: str) -> bool:
    return name.lower() in known_places() or is_listed_organization(name)


NAME_JOINERS = frozenset({"of", "and", "for", "the", "&", "on", "de"})


APPOSITIVE_RELATIONS = ("appos",)


def _descriptions_of_names(doc: ParsedDocument, article: Article) -> dict[str, list[str]]:
    """Descriptions the whole article gives its names: appositives ("Lena Marsh, the fund's
    former compliance chief") and copulas ("Tomas Ruiz is a spokesman for the agency"),
    keyed by the name as written (people by their fullest name)."""
    found: dict[str, list[str]] = {}
    spans = {}
    for person in article.people:
        spans[person.start] = article.fullest(person.name)
    for other in article.others:
        spans.setdefault(other.start, other.name)
    for sentence in doc.sentences:
        for word in sentence.words:
            if word.upos != "PROPN":
                continue
            name = _name_key(sentence, word, spans)
            owner = sentence.head_of(word) if word.deprel in ("flat", "flat:name") else None
            if name is None and owner is not None and owner.upos == "PROPN":
                # "Kittredge Lane Capital, an activist hedge fund": the description hangs on
                # the name's last word, a flat dependent of its first
                name = _name_key(sentence, owner, spans)
                if name is None:
                    continue
            if name is None and word.text[:1].isupper() and not word.text.isupper() and \
                    sentence.head_of(word) is not None and \
                    not is_listed_organization(word.text):
                # a surname no model or list typed ("Fenwick, Quillfeldt's lead lawyer, …"):
                # described as a person, it is one
                name = word.text
                article.untyped_described[name] = min(article.untyped_described.get(
                    name, word.start), word.start)
            if name is None:
                continue
            for child in sentence.children(word):
                # "the mining company’s chief executive" may have its head tagged ADJ
                if child.deprel in APPOSITIVE_RELATIONS and (
                        child.upos == "NOUN" or child.upos == "ADJ" and
                        child.text.lower() in role_entries()[0]) and \
                        _right_after_name(sentence, word, child):
                    found.setdefault(name, []).append(_phrase(doc, sentence, child))
                elif child.deprel == "acl:relcl" and child.upos == "NOUN":
                    # "Jason, who is our editor": a copula in a relative clause on the name
                    parts = sentence.children(child)
                    subject = next((c for c in parts if c.deprel.startswith("nsubj")), None)
                    if subject is not None and subject.text.lower() in ("who", "that") and \
                            any(c.deprel == "cop" for c in parts):
                        found.setdefault(name, []).append(
                            _phrase(doc, sentence, child, skip={subject.index}))
            if word.deprel.startswith("nsubj"):
                predicate = sentence.head_of(word)
                # "Karin Solberg is Northline’s chief executive" ("executive" may be tagged ADJ)
                nominal = predicate is not None and (predicate.upos == "NOUN" or (
                    predicate.upos == "ADJ" and any(c.deprel in ("nmod:poss", "det")
                                                    for c in sentence.children(predicate))))
                if nominal and any(c.deprel == "cop" for c in sentence.children(predicate)):
                    found.setdefault(name, []).append(_phrase(doc, sentence, predicate,
                                                              skip={word.index}))
    return found


def _right_after_name(sentence: Sentence, word: Word, appositive: Word) -> bool:
    """"Lena Marsh, the fund's former compliance chief": the description follows the name
    and its comma, not a quotation or clause the parser hung on the name."""
    name_end = max([word.index] + [c.index for c in sentence.children(word)
                                   if c.deprel in ("flat", "flat:name")])
    first = min(w.index for w in sentence.subtree(appositive))
    between = sentence.words[name_end:first - 1]
    return first > name_end and all(w.text == "," for w in between) and len(between) <= 1


def _name_key(sentence: Sentence, word: Word, spans: dict[int, str]) -> str | None:
    """The article name whose mention contains this proper noun."""
    ids = {word.index} | {c.index for c in sentence.children(word)
                          if c.deprel in ("flat", "compound", "flat:name")}
    for w in sentence.words:
        if w.index in ids and w.start in spans:
            return spans[w.start]
    return None


def _phrase(doc: ParsedDocument, sentence: Sentence, head: Word, skip: set[int] = frozenset()
            ) -> str:
    words = [w for w in sentence.subtree(head) if w.index not in skip
             and not any(a.index in skip for a in sentence.ancestors(w))
             and w.deprel not in ("cop", "punct", "acl:relcl") or w.index == head.index]
    words = [w for w in words if w.deprel != "cop"]
    while words and words[0].upos in ("PUNCT", "CCONJ"):
        words = words[1:]
    while words and words[-1].upos == "PUNCT":
        words = words[:-1]
    if not words:
        return head.text
    return clean(doc.text[words[0].start:words[-1].end])


def _entity_evidence(doc: ParsedDocument, entity: Entity) -> str | None:
    return entity.inherited_evidence or evidence_for(doc, entity.mentions, entity.sentences)
