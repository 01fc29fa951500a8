"""Proper names in a parse: capitalized runs, titles cut off, and the article's person names.

Names are read off the surface (capitalized words, name particles, hyphens) rather than only
off the tagger's PROPN labels: a compact tagger often calls an unfamiliar given name a NOUN,
but it is still capitalized mid-sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import first_words, known_places, table, word_list
from ..parse.document import ParsedDocument, Sentence, Word, hyphen_glued

# Lower-case words that belong inside names: "Pieter van Leeuwen", "Ibn al-Khattab".
PARTICLES = word_list("name_particles.txt")
NOT_NAME_UPOS = frozenset({"DET", "ADP", "PRON", "AUX", "CCONJ", "SCONJ", "PUNCT", "NUM",
                           "PART", "SYM"})


@lru_cache(maxsize=None)
def calendar() -> frozenset[str]:
    return word_list("calendar.txt")


@lru_cache(maxsize=None)
def honorific_gender() -> dict[str, str]:
    return {word.lower(): values[0] for word, values in table("honorifics.txt").items()}


def titles() -> frozenset[str]:
    return word_list("titles.txt")


POSSESSIVE_ENDINGS = ("'s", "’s", "s'", "s’")


def is_possessive(word: Word) -> bool:
    return word.deprel == "nmod:poss" or word.text.endswith(POSSESSIVE_ENDINGS)


def _capitalized(word: Word) -> bool:
    text = word.text
    if not text[:1].isupper() or word.upos in NOT_NAME_UPOS:
        return False
    # A sentence-initial capital proves nothing: "Officials said …".
    return word.index > 1 or word.upos == "PROPN"


def _opens_hyphenated(word: Word, rest: list[Word]) -> bool:
    """"Per-Arne Nyvold" with "Per" read as a preposition: a capitalized word glued by a
    hyphen to a capitalized name opens it."""
    return len(rest) >= 2 and rest[1].upos == "PROPN" and _hyphen_joins(word, rest[0], rest[1])


def _function_word_surname(current: list[Word], word: Word, rest: list[Word]) -> bool:
    """"Al From", "George Will": a capitalized word the tagger read as a preposition or
    auxiliary, right after a listed given name alone and ending the run, is a surname."""
    return len(current) == 1 and current[0].upos == "PROPN" and word.index > 1 and \
        word.text[:1].isupper() and word.text.isalpha() and word.upos in ("ADP", "AUX") and \
        word.start - current[0].end == 1 and bool(_given_names().get(current[0].text.lower())) \
        and not (rest and rest[0].text[:1].isupper())


def capitalized_runs(words: list[Word]) -> list[list[Word]]:
    """Maximal runs of capitalized words, with particles and hyphens inside them."""
    runs: list[list[Word]] = []
    current: list[Word] = []
    count = len(words)
    for position, word in enumerate(words):
        if not current:         # outside a run (most words): only an opening word starts one
            if _capitalized(word) or position + 2 < count and \
                    words[position + 2].upos == "PROPN" and _opens_hyphenated(
                        word, words[position + 1:position + 3]):
                current.append(word)
            continue
        inside = current and (word.text.lower() in PARTICLES or word.text in ("-", ".")
                              and word.start == current[-1].end)
        following = words[position + 1:position + 3]   # all the two tests below look at
        if (_capitalized(word) or not current and _opens_hyphenated(word, following)) \
                and (not current or word.start - current[-1].end <= 1):
            current.append(word)
        elif inside or _function_word_surname(current, word, following):
            current.append(word)
        else:
            if current:
                runs.append(current)
            current = [word] if _capitalized(word) else []
    if current:
        runs.append(current)
    cleaned = []
    for run in runs:
        while run and (run[-1].text.lower() in PARTICLES or run[-1].text in ("-", ".")
                       and not re.fullmatch(r"[A-Z]", run[-2].text if len(run) > 1 else "")):
            run = run[:-1]
        if run:
            cleaned.append(run)
    return cleaned


@dataclass
class Name:
    words: list[Word]          # the name itself
    titles: list[Word]         # title words cut from its front ("German Foreign Minister")
    text: str

    @property
    def start(self) -> int:
        return self.words[0].start


GLUED_SYLLABLE = re.compile(r"-[a-z]{1,5}(?![\w-])")
# a given name of two syllables joined by a hyphen after the family name: "Jae-in", "Geun-hye"
KOREAN_GIVEN_NAME = re.compile(r"[A-Z][a-z]{1,4}-[a-z]{1,5}")


def _given_name_not_title(run: list[Word], i: int) -> bool:
    """"Dean Kirkby", "Earl Whitlock", "Major Garrett": a title spelled out in full that is
    also a listed given name, opening a run of two words, is the person's given name (the
    title would stand before a full name, "Dean Mary Okafor", or abbreviated, "Maj.")."""
    word = run[i]
    return i == 0 and len(run) == 2 and word.text.isalpha() and word.text[:1].isupper() and \
        not word.text.isupper() and bool(_given_names().get(word.text.lower()))


def split_title(run: list[Word], text: str) -> Name | None:
    """Cut titles, nationalities and possessives off the front of a run: what follows is the
    name ("Council President Maria Delgado" -> "Maria Delgado")."""
    known = titles()
    cut = 0
    for i, word in enumerate(run[:-1]):
        lower = word.text.lower()
        # A possessive by its spelling ("Russia's President Putin"), not by the parser's
        # label: it reads "Democrat Leah Brandt's" as three possessors.
        marked = word.text.endswith(POSSESSIVE_ENDINGS) or text[word.end:word.end + 1] in ("'", "’")
        if (lower in known or lower.rstrip(".") in known) and _given_name_not_title(run, i):
            continue
        if lower in known and text[word.end:word.end + 1] in ("-", "‑"):
            continue           # "Saint-Aubin", "Sainte-Foy": a place's first word, no title
        if lower in known or lower.rstrip(".") in known or marked or \
                lower.endswith("-based") or lower in calendar():
            cut = i + 1
    name = [w for w in run[cut:] if w.text.lower() not in calendar()]
    if not cut and len(name) > 2 and (not _given_names().get(name[0].text.lower()) or (
            name[0].text.lower() in known_places() and _given_names().get(name[1].text.lower()))):
        # "State Mia Duarte" (from "Secretary of State Mia Duarte"), "Washington Chris
        # Gregoire" (from "Governor of Washington …", Washington a given name too): the name
        # starts at its listed given name
        given = next((i for i, w in enumerate(name[1:-1], 1)
                      if _given_names().get(w.text.lower()) and name[i + 1].text != "-"),
                     None)         # "Asab Al-Tabchi": "Al" opens the hyphenated surname
        if given is not None:
            cut, name = given, name[given:]
    while len(name) > 2 and name[-1].text.replace(".", "").lower() in word_list(
            "postnominals.txt") and name[-1].text[:1].isupper():
        name = name[:-1]         # "Sophie Brennan SC"
    if not name or (len(name) == 1 and name[0].text.lower() in known):
        return None
    end = name[-1].end
    if len(name[-1].text) <= 5:
        # "Moon Jae-in", "Kim Jong-un" split by the tokenizer at the hyphen: the lower-case
        # syllable glued on is the name's end
        glued = GLUED_SYLLABLE.match(text, end)
        end = glued.end() if glued else end
    return Name(words=name, titles=[w for w in run[:cut] if w not in name],
                text=re.sub(r"\s+", " ", text[name[0].start:end]).strip())


def name_around(sentence: Sentence, word: Word, span: set[int], text: str) -> Name | None:
    """The name whose capitalized run (inside ``span``) contains ``word``."""
    words = [w for w in sentence.words if w.index in span]
    for run in capitalized_runs(words):
        if any(w.index == word.index for w in run):
            return split_title(run, text)
    return None


def is_person_like(name: Name) -> bool:
    """Not an organization, place or date by the package's lists."""
    lowered = [w.text.lower() for w in name.words]
    joined = " ".join(lowered)
    org_heads = word_list("organization_heads.txt")
    places = word_list("countries.txt") | word_list("organizations.txt")
    if joined in places or any(w in org_heads for w in lowered) or len(lowered) > 1 and \
            lowered[0] in word_list("opening_organization_heads.txt"):
        return False
    if any(w.text.isupper() and 1 < len(w.text) <= 4 and w.text.isalpha() for w in name.words):
        return False               # acronyms: VOA, NATO, AFP (but not "PENCE:" in transcripts)
    return not any(w in calendar() for w in lowered)


@dataclass
class PersonName:
    """A mention of a person's name in the article."""

    start: int
    name: str
    gender: str | None
    sentence_index: int = 0
    subject: bool = False     # the name is the subject of its clause (salience)
    titles: tuple[str, ...] = ()   # title words cut from its front ("Judge", "Sen.")


@dataclass
class OtherName:
    """A mention of a name that is not a person's: organization, place, group, other."""

    start: int
    end: int
    name: str
    type: str
    sentence_index: int


def _gender_before(sentence: Sentence, name: Name) -> str | None:
    gender = None
    for title in name.titles:
        gender = gender or honorific_gender().get(title.text.lower())
    if name.words[0].index > 1:
        before = sentence.word(name.words[0].index - 1)
        gender = gender or honorific_gender().get(before.text.lower())
    return gender


def _titles_before(sentence: Sentence, name: Name) -> tuple[str, ...]:
    """Titles in the name's run, and a role noun right before it ("District Judge Harriet
    Coleman", "spokesman Andrei Lavrentyev")."""
    found = [w.text.lower().rstrip(".") for w in name.titles]
    first = name.words[0].index
    if first > 1 and not name.titles:
        before = sentence.word(first - 1)
        if before.upos in ("NOUN", "PROPN") and before.text[:1].islower():
            found.append((before.lemma or before.text).lower())
        else:
            # "… Bench Justice Miriam Oyelaran-Hughes", "Chief Justice …" with the model's
            # name starting after the titles: the capitalized title words right before it
            index = first - 1
            while index >= 1 and sentence.word(index).text.lower().rstrip(".") in titles():
                found.insert(0, sentence.word(index).text.lower().rstrip("."))
                index -= 1
    return tuple(found)


def _title_case(sentence: Sentence) -> bool:
    """A headline in title case ("Elizabeth Warren Hammers Wells Fargo CEO"): most of its
    longer words capitalized, where a name's run tells nothing of where the name ends."""
    longer = [w for w in sentence.words[1:] if len(w.text) > 3 and w.text.isalpha()]
    return len(longer) >= 5 and sum(w.text[:1].isupper() for w in longer) >= 0.85 * len(longer)


def _headline_person(words: list[Word]) -> list[Word]:
    """The person inside a headline's capitalized run: from a listed given name to the
    surname after it (an initial may stand between), else the run without trailing verbs
    ("Obama Says" -> "Obama")."""
    for i, word in enumerate(words):
        if _given_names().get(word.text.lower()) and i + 1 < len(words):
            end = i + 2
            while end < len(words) and (words[end - 1].text.lower() in PARTICLES or (
                    len(words[end - 1].text) == 2 and words[end - 1].text.endswith("."))):
                end += 1                  # "Mary J. Blige", "Pieter van Leeuwen"
            return words[i:end]
    while len(words) > 1 and words[-1].upos in ("VERB", "AUX"):
        words = words[:-1]
    return words


def _is_subject(sentence: Sentence, words: list[Word]) -> bool:
    ids = {w.index for w in words}
    # "Donald Trump and House Speaker Paul Ryan pledged": a conjunct of the subject is one
    return any(w.deprel.startswith("nsubj") and w.head not in ids for w in words) or any(
        w.deprel in ("flat", "compound", "conj") and w.head not in ids and
        sentence.head_of(w) is not None and sentence.head_of(w).deprel.startswith("nsubj")
        for w in words)


def capitalized_role(text: str) -> bool:
    """"MP", "CEO", "CTO": a role noun written in capitals, no one's name."""
    return text.isupper() and text.lower() in role_entries()[0]


# A legislator's party and state after the name: "Sen. Thomas Reilly, D-Mass.,"
PARTY_LABEL = re.compile(r"[DRI]\s*-\s*[A-Z][\w.]*(?:\s*[A-Z][\w.]*)?")


def person_part(words: list[Word]) -> list[Word]:
    """The part of a person span the model ran past a lower-case word ("Gov. Neil Forsythe |
    of Georgia", "Secretary of State | Mia Duarte") that holds a listed given name; a place
    after "of" is the office's, not a given name ("the Governor of | Virginia")."""
    parts, current = [], []
    for word in words:
        if word.text[:1].islower() and word.text.lower() not in PARTICLES:
            parts.append(current)
            current = [] if word.text.lower() != "of" else [word]
        else:
            current.append(word)
    parts.append(current)
    for part in parts:
        after_of = bool(part) and part[0].text.lower() == "of"
        part = part[1:] if after_of else part
        if after_of and " ".join(w.text for w in part).lower() in known_places():
            continue
        given = next((i for i, w in enumerate(part) if _given_names().get(w.text.lower())), None)
        if given is not None:
            return part
    return []


def checked_type(ner_type: str, words: list[Word], text: str) -> str | None:
    """The NER type, corrected where the lexicons know better: a model without world
    knowledge calls "Athens" or "Oregon" a person; "Senators" (a plural) is no one's name;
    "Dana Whitfield" with a listed given name is a person whatever the model says."""
    name = " ".join(text[words[0].start:words[-1].end].split())
    lowered = name.lower()
    if PARTY_LABEL.fullmatch(name):
        return None                      # "D-Mass.", "R-Texas": a party and state, no one
    if lowered in known_places() and ner_type in ("person", "organization"):
        return "place"
    if len(words) > 1 and words[0].text.lower() in word_list("opening_organization_heads.txt"):
        return "organization"            # "Regroupement Lachine en français", "Hôpital …"
    if ner_type == "person":
        while len(words) > 1 and words[0].text[:1].islower() and words[0].upos in ("ADP", "DET"):
            words = words[1:]         # "[of] Elections Susan Bucher": the span began too early
        if lowered in word_list("organizations.txt"):
            return "organization"
        if len(words) == 1 and (words[0].feature("Number") == "Plur" or words[0].xpos == "NNPS"):
            return "group"
        if len(words) == 1 and lowered.endswith("s") and lowered[:-1] in role_entries()[0]:
            return "group"            # "Democrats, meanwhile, have accused …" tagged NNP
        # "dos Santos", "de Blasio": a particle opening the name is no sign it is none
        first = next((w for w in words if w.text.lower() not in PARTICLES), words[0])
        if lowered in calendar() or first.upos not in ("PROPN", "NOUN", "X", "ADJ") and not (
                # "Wilfred Onyango, a fisherman …" with "Wilfred" tagged a verb, "Owen
                # Prescott" with "Owen" a preposition
                len(words) > 1 and first.text[:1].isupper() and
                _given_names().get(first.text.lower())):
            return None
        if any(w.text[:1].islower() and w.text.lower() not in PARTICLES for w in words):
            # "Gov. Neil Forsythe of Georgia", "Shares of Corvista": a person only if the
            # part holding a listed given name is one (see person_part)
            return "person" if person_part(words) else None
        if len(words) > 1 and words[-1].text.lower() in word_list("organization_heads.txt"):
            return "organization"          # "Ardent Pharma", "Northline Air"
        if len(words) > 2 and words[-1].text.lower() in word_list("place_heads.txt"):
            return "place"                 # "Jack London Square" (but "Lena Park", "Sally Field")
        if len(words) > 1 and words[-1].text.lower() in word_list("street_words.txt"):
            return "place"                 # "Jefferson Avenue", "Kedzie Avenue"
        after = re.match(r"\s+([a-z]+)\b", text[words[-1].end:words[-1].end + 20])
        if after is not None and after.group(1) in ("airport", "station", "arena", "stadium"):
            return "place"                 # "Pearson airport", "Union station"
    elif ner_type in ("organization", "place", "other") and lowered not in known_places():
        name = split_title(words, text)          # "Gen. Ana Ferreira" called a place
        core = name.words if name is not None else words
        if name is not None and name.titles and len(core) in (2, 3) and \
                all(w.upos == "PROPN" and w.text[:1].isupper() for w in core) and \
                name.titles[-1].text.lower().rstrip(".") in titles() and \
                not any(w.text.lower() in word_list("organization_heads.txt") for w in core):
            return "person"        # "Cumberland County Warden Lorne Baxendale" called a place
        if len(core) in (2, 3) and _given_names().get(core[0].text.lower()) and \
                not any(w.text.lower() in word_list("organization_heads.txt") for w in core) \
                and not (len(core) > 2 and core[-1].text.lower() in word_list("place_heads.txt")) \
                and core[-1].text.lower() not in word_list("street_words.txt"):
            return "person"                # (not "Jefferson Avenue")
        if ner_type != "organization" and len(words) > 1 and \
                words[-1].text.lower() in word_list("organization_heads.txt"):
            return "organization"          # "Corvista Bio", "Velta Logistics" called other
        if ner_type == "organization" and len(words) > 1 and \
                words[-1].text.lower() in word_list("street_words.txt"):
            return "place"                 # "Indian School Road" called an organization
        following = re.match(r"\s+([a-z]+)\b", text[words[-1].end:words[-1].end + 20])
        if ner_type == "other" and following is not None and \
                following.group(1) in word_list("company_nouns.txt"):
            return "organization"          # "Family Circle magazine", "Velta airline"
    return ner_type


def has_ner(doc: ParsedDocument) -> bool:
    """Whether a NER model typed this parse's names (it found at least one)."""
    return any(sentence.names for sentence in doc.sentences)


def _name_word_before(sentence: Sentence, first: Word, kind: str) -> bool:
    before = sentence.word(first.index - 1)
    if not before.text[:1].isupper():
        return False
    return before.upos == "PROPN" or (kind == "organization" and before.upos == "ADJ" and
                                      not _title_case(sentence))


def _country_owning(sentence: Sentence, words: list[Word]) -> Word | None:
    """"Kenya’s Mining Ministry", "Norway’s Foreign Ministry": the country whose possessive
    stands right before an institution's name (its name as the article writes it)."""
    if words[0].index < 3 or words[-1].text.lower() not in word_list("organization_heads.txt"):
        return None
    mark, owner = sentence.word(words[0].index - 1), sentence.word(words[0].index - 2)
    if mark.text not in ("’s", "'s") or owner.text.lower() not in word_list("countries.txt"):
        return None
    return owner


def _opening_name_word(sentence: Sentence, words: list[Word]) -> bool:
    """"[Ridgeline] Surgical Partners, which runs four Ontario clinics, …": the sentence's
    first word, a proper noun the parse joins to the name, is the name's first word."""
    first = sentence.word(1)
    return (first.upos == "PROPN" or first.xpos in ("NNP", "NNPS")) and \
        first.deprel in ("compound", "flat", "amod") and first.head in {w.index for w in words}


def _continues_token(words: list[Word], i: int) -> bool:
    """The word is the second piece of a token the tokenizer split as a contraction
    ("Donna" read as "Don" + "na", like "gonna"): part of the word before it."""
    return i > 0 and words[i].start == words[i - 1].end and words[i].text.isalpha()


# Singular nouns for several people: "staff said", "Faculty say".
COLLECTIVE_PEOPLE = frozenset({"people", "staff", "faculty"})
# What a plural of a kind of person can be qualified by and still name no one: "Senate
# Democrats", "House Republicans".
CHAMBER_WORDS = frozenset({"senate", "house", "congressional", "assembly", "legislative"})


def people_of_a_kind(name: Name) -> bool:
    """"Democrats", "Republicans", "Senate Democrats": a bare plural of a kind of person
    (after a legislative chamber) names no one; so does a collective noun opening a sentence
    ("Faculty say the cuts …")."""
    if name.titles or not 1 <= len(name.words) <= 2 or len(name.words) == 2 and \
            name.words[0].text.lower() not in CHAMBER_WORDS:
        return False
    word = name.words[-1].text.lower()
    if len(name.words) == 1 and word in COLLECTIVE_PEOPLE:
        return True
    return word.endswith("s") and word[:-1] in role_entries()[0]


def typed_names(doc: ParsedDocument) -> tuple[list[PersonName], list[OtherName]]:
    """Every name of the article, typed, in order: (people, the rest).

    The NER model types names; a capitalized run it left untyped counts as a person only
    with lexicon evidence (an honorific, a listed given name), as an organization or place
    when the lists know it, and otherwise as nothing: capitalization alone never makes a
    person a pronoun could mean ("the Lakeshore Open in Duluth").  Without NER (a model
    folder without ``ner.pt``) the lexicon rules of old apply: person-like multi-word runs.
    """
    people: list[PersonName] = []
    others: list[OtherName] = []
    untyped: list[OtherName] = []
    typed = has_ner(doc)
    for sentence in doc.sentences:
        covered: set[int] = set()
        glued: set[int] = set()
        for span, words in _split_coordinated(sentence):
            if any(w.index in glued for w in words):
                continue            # the piece of a hyphenated name already taken
            covered |= {w.index for w in words}
            kind = checked_type(span.type, words, doc.text)
            if kind is None or len(words) == 1 and capitalized_role(words[0].text):
                continue               # "The MP", "the CTO" typed a name: a role
            if kind == "person":
                words = _glued_at_hyphens(sentence, words)
                glued |= {w.index for w in words}
                covered |= glued
                after = sentence.words[words[-1].index:]
                if after and _function_word_surname(words, after[0], after[1:]):
                    words = words + [after[0]]     # "Al From" typed "Al"
                if any(w.text[:1].islower() and w.text.lower() not in PARTICLES and
                       not _continues_token(words, i) for i, w in enumerate(words)):
                    words = person_part(words)
                if len(words) > 1 and _title_case(sentence):
                    words = _headline_person(words)
                name = split_title(words, doc.text) if words else None
                if name is not None and people_of_a_kind(name):
                    continue               # "Senate Democrats" typed a person
                if name is not None and not name.titles and is_bare_title(
                        name.text, text_after(sentence, name.words[-1])):
                    name = None            # "Virginia Governor", "Director of the … study"
                if name is not None:
                    people.append(PersonName(name.start, name.text, _gender_before(sentence, name),
                                             sentence.index, _is_subject(sentence, name.words),
                                             _titles_before(sentence, name)))
            elif office_of_place(words):
                continue                       # "the Mayor of Chicago": a person, unnamed
            else:
                if kind == "place" and _described_as_organization(sentence, words):
                    kind = "organization"      # "Santé Québec, the Crown corporation …"
                # the model often drops a name's first words ("the Greater Toronto …")
                # or its adjectives ("The [Environmental] Protection Agency")
                while words[0].index > 2 and _name_word_before(sentence, words[0], kind) or \
                        words[0].index == 2 and _opening_name_word(sentence, words):
                    words = [sentence.word(words[0].index - 1)] + words
                text = doc.text[words[0].start:words[-1].end]
                before = sentence.word(words[0].index - 1) if words[0].index > 1 else None
                if before is not None and before.text.lower() == "the" and kind == "organization":
                    text = "the " + text       # "the Riksbank", as the article names it
                owner = _country_owning(sentence, words) if kind == "organization" else None
                if owner is not None:          # "Kenya’s Mining Ministry", as written
                    text = doc.text[owner.start:words[-1].end]
                others.append(OtherName(words[0].start if owner is None else owner.start,
                                        words[-1].end, text, kind, sentence.index))
        for run in _uncovered_parts(capitalized_runs(sentence.words), covered):
            name = split_title(run, doc.text)
            if name is None or PARTY_LABEL.fullmatch(name.text) or (
                    not name.titles and capitalized_role(name.text)):
                continue
            gender = _gender_before(sentence, name)
            if name.text.lower() in known_places():
                others.append(OtherName(name.start, name.words[-1].end, name.text, "place",
                                        sentence.index))
            elif not is_person_like(name):
                others.append(OtherName(name.start, name.words[-1].end, name.text,
                                        "organization", sentence.index))
            elif gender or first_name_gender(name.text) or not typed:
                people.append(PersonName(name.start, name.text, gender, sentence.index,
                                         _is_subject(sentence, name.words),
                                         _titles_before(sentence, name)))
            elif " " not in name.text:
                # no evidence yet: a surname if the article gives the full name elsewhere
                untyped.append(OtherName(name.start, name.words[-1].end, name.text, "untyped",
                                         sentence.index))
    if not typed:
        # Single words count only as part of a multi-word name, so "Wednesday" or "Geneva"
        # never become people a pronoun could mean.
        parts = {part for p in people if len(p.name.split()) > 1 for part in p.name.split()}
        people = [p for p in people if len(p.name.split()) > 1 or p.name in parts]
    else:
        people, others = _surnames_of_people(doc, people, others + untyped)
        others = [o for o in others if o.type != "untyped"]
        people, others = _short_names_of_organizations(doc, people, others)
        people, others = _full_names_typed_otherwise(doc, people, others)
        people, others = _given_names_sharing_a_surname(doc, people, others)
        others = _one_sense_for_organizations(_joined_by_of(doc, others))
    return people, others


def _joined_by_of(doc: ParsedDocument, others: list[OtherName]) -> list[OtherName]:
    """"[the Association] of [Federal IT Professionals]" typed as two names: an organization
    whose last word is an institution's head, "of" and a name right after it are one."""
    ordered = sorted(others, key=lambda o: o.start)
    joined: list[OtherName] = []
    for other in ordered:
        last = joined[-1] if joined else None
        if last is not None and last.type == "organization" and \
                other.type in ("organization", "place") and \
                last.sentence_index == other.sentence_index and \
                re.fullmatch(r" of (?:the )?", doc.text[last.end:other.start]) and \
                last.name.split()[-1].lower() in word_list("organization_heads.txt"):
            joined[-1] = OtherName(last.start, other.end, last.name + doc.text[last.end:other.end],
                                   "organization", last.sentence_index)
            continue
        joined.append(other)
    return joined


def _one_sense_for_organizations(others: list[OtherName]) -> list[OtherName]:
    """One name, one sense per article: "Santé Québec", an organization where the article
    describes it as one, is no place elsewhere (unless the lists know it as a place)."""
    organizations = {o.name.lower() for o in others if o.type == "organization"}
    return [OtherName(o.start, o.end, o.name, "organization", o.sentence_index)
            if o.type == "place" and o.name.lower() in organizations and
            o.name.lower() not in known_places() else o for o in others]


def _given_names_sharing_a_surname(doc: ParsedDocument, people: list[PersonName],
                                   others: list[OtherName]) -> tuple[list[PersonName],
                                                                     list[OtherName]]:
    """"the parents, Khizr and Ghazala Khan", "Bill and Hillary Clinton": a lone given name
    coordinated before a full name shares its surname ("Khizr Khan").  The lone word must
    be a listed given name, a word the model did not call a person, or one the article
    writes only here ("Trump and Hillary Clinton" stays two names); and no listed place."""
    added: list[PersonName] = []
    for person in people:
        parts = person.name.split()
        sentence = doc.sentence_containing(person.start)
        if len(parts) < 2 or sentence is None:
            continue
        first = next((w for w in sentence.words if w.start == person.start), None)
        if first is None or first.index < 3 or sentence.word(first.index - 1).text != "and":
            continue
        lone = sentence.word(first.index - 2)
        before = sentence.word(lone.index - 1) if lone.index > 1 else None
        # the model called the lone word a person of its own, not part of a span run over
        # "and" to the full name
        typed_person = any(n.first <= lone.index <= n.last < first.index and
                           n.type == "person" for n in sentence.names)
        if lone.upos != "PROPN" or not lone.text[:1].isupper() or not lone.text.isalpha() or \
                (before is not None and before.text[:1].isupper() and before.upos == "PROPN") or \
                lone.text.lower() in known_places() or (
                    typed_person and not given_name_gender(lone.text) and
                    len(re.findall(rf"\b{re.escape(lone.text)}\b", doc.text)) > 1):
            continue           # a person the article names again: "Trump and Hillary Clinton"
        added.append(PersonName(lone.start, f"{lone.text} {parts[-1]}",
                                given_name_gender(lone.text), person.sentence_index,
                                _is_subject(sentence, [lone]), ()))
    if not added:
        return people, others
    starts = {p.start for p in added}
    others = [o for o in others if o.start not in starts]
    return sorted(people + added, key=lambda p: p.start), others


def _full_names_typed_otherwise(doc: ParsedDocument, people: list[PersonName],
                                others: list[OtherName]) -> tuple[list[PersonName],
                                                                  list[OtherName]]:
    """One name, one sense per article: "Ban Ki-moon", typed a place by the model, is the
    "Mr. Ban" of the same article, and "Barack Obama Election Day" holds the name of "Mr.
    Obama": a name whose first or later word is a titled person's name elsewhere."""
    titled = {p.name for p in people if p.titles and " " not in p.name}
    if not titled:
        return people, others
    kept, moved = [], []
    for other in others:
        parts = other.name.split()
        match = next((i for i, part in enumerate(parts) if part in titled), None)
        if other.type not in ("place", "other") or match is None or not 2 <= len(parts) <= 4 or \
                any(part[:1].islower() for part in parts) or \
                other.name.lower() in known_places() or is_listed_organization(other.name) or \
                (match == 0 and len(parts) > 2):
            kept.append(other)
            continue
        words = parts[:max(match + 1, 2)]
        if any(w.lower() in titles() or w.lower() in honorific_gender() for w in words):
            kept.append(other)         # "Mr. Obama" typed otherwise: no fuller name in it
            continue
        moved.append(PersonName(other.start, " ".join(words), None, other.sentence_index))
    if not moved:
        return people, others
    return sorted(people + moved, key=lambda p: p.start), kept


def office_of_place(words: list[Word]) -> bool:
    """"Mayor of Chicago", "Duke of Sussex" typed an organization or place: a role noun,
    "of" and where the office is, names the office's holder, not an institution."""
    return len(words) > 2 and words[1].text == "of" and \
        words[0].text.lower() in role_entries()[0] and words[0].text[:1].isupper()


def _split_coordinated(sentence: Sentence) -> list[tuple]:
    """(span, words) of the sentence's typed names; a person span the model ran over "and"
    ("Donald Trump and House Speaker Paul Ryan", "Rubio and Cruz") is two names."""
    found = []
    for span in sentence.names:
        words = sentence.words[span.first - 1:span.last]
        if found and _one_name_across_and(sentence, found[-1], span, words):
            found[-1] = (span, sentence.words[found[-1][1][0].index - 1:span.last])
            continue
        joins = [i for i, w in enumerate(words) if w.upos == "CCONJ" and 0 < i < len(words) - 1]
        if span.type != "person" or not joins:
            found.append((span, words))
            continue
        start = 0
        for i in joins + [len(words)]:
            if words[start:i]:
                found.append((span, words[start:i]))
            start = i + 1
    return found


def _one_name_across_and(sentence: Sentence, before: tuple, span, words: list[Word]) -> bool:
    """"the [Securities] and [Exchange Commission]", "the [Food] and [Drug Administration]"
    typed as two organizations: one name, when a single word stands before "and" and the
    name after it ends in an institution's head noun."""
    left_span, left = before
    if left_span.type != "organization" or span.type != "organization" or len(left) != 1 or \
            left[0].index + 2 != words[0].index:
        return False
    between = sentence.word(left[0].index + 1)
    return between.text.lower() == "and" and \
        words[-1].text.lower() in word_list("organization_heads.txt") and \
        left[0].text.lower() not in word_list("organizations.txt")


def _glued_at_hyphens(sentence: Sentence, words: list[Word]) -> list[Word]:
    """"Monique Whitlock-Barnes", "Per-Arne Nyvold" typed as "Monique Whitlock" and "Barnes",
    or as "Arne Nyvold": a person's name runs on across a hyphen written without spaces to a
    capitalized word."""
    while words[0].index > 2 and _hyphen_joins(sentence.word(words[0].index - 2),
                                               sentence.word(words[0].index - 1), words[0]):
        words = sentence.words[words[0].index - 3:words[-1].index]
    while words[-1].index + 2 <= len(sentence.words) and _hyphen_joins(
            words[-1], sentence.word(words[-1].index + 1), sentence.word(words[-1].index + 2)):
        words = sentence.words[words[0].index - 1:words[-1].index + 2]
    return words


# Organization heads that are places too: an appositive with one keeps a place a place.
PLACE_LIKE_HEADS = frozenset({"city", "county", "state", "province", "town", "village",
                              "country", "nation", "municipality", "borough", "district"})


def _described_as_organization(sentence: Sentence, words: list[Word]) -> bool:
    """A name whose appositive is headed by an organization noun ("Santé Québec, the Crown
    corporation that runs the province's hospitals"): the organization, whatever the model
    or the place lists say of its words."""
    span = {w.index for w in words}
    return any(c.deprel == "appos" and c.index not in span and
               (c.lemma or c.text).lower() in word_list("organization_heads.txt") and
               (c.lemma or c.text).lower() not in PLACE_LIKE_HEADS and
               not any((d.lemma or d.text).lower() in role_entries()[0] or
                       d.text.lower().rstrip(".") in titles()
                       for d in sentence.children(c) if d.deprel in ("compound", "amod"))
               and (c.lemma or c.text).lower() not in role_entries()[0]
               for w in words for c in sentence.children(w))


def _hyphen_joins(left: Word, hyphen: Word, right: Word) -> bool:
    """Two capitalized words of one name glued by a hyphen ("Whitlock-Barnes")."""
    return hyphen_glued(left, hyphen, right) and left.text[:1].isupper() and \
        right.text[:1].isupper() and left.text.isalpha() and right.text.isalpha()


def _uncovered_parts(runs: list[list[Word]], covered: set[int]) -> list[list[Word]]:
    """The capitalized runs the NER model typed no word of, and the parts of the others
    after a typed name ("NBC News Senior Correspondent Cynthia McFadden", with "NBC News"
    typed, still names Cynthia McFadden)."""
    parts = []
    for run in runs:
        if not any(w.index in covered for w in run):
            parts.append(run)
            continue
        tail = []
        for word in run:
            tail = [] if word.index in covered else tail + [word]
        if len(tail) >= 2 and tail[0].upos in ("PROPN", "ADJ", "NOUN"):
            parts.append(tail)
    return parts


def _short_names_of_organizations(doc: ParsedDocument, people: list[PersonName],
                                  others: list[OtherName]) -> tuple[list[PersonName],
                                                                    list[OtherName]]:
    """One name, one sense per article: "Keel" alone, typed a person by the model, is
    "Keel Bancorp" named in the same article, unless it is the surname or given name of a
    person with a full name there ("Ford" beside "Harrison Ford"); "Sable Crest", typed
    other, is "Sable Crest Mining"."""
    first_words = {o.name.split()[0] for o in others if o.type == "organization" and
                   len(o.name.split()) > 1 and o.name.split()[0][:1].isupper()}
    # "Sable Crest", typed other, after "Sable Crest Mining": the company's short name
    prefixes = {" ".join(words[:n]) for o in others if o.type == "organization"
                for words in [re.sub(r"^the\s+", "", o.name).split()]
                for n in range(1, len(words)) if words[0][:1].isupper()}
    others = [OtherName(o.start, o.end, o.name, "organization", o.sentence_index)
              if o.type == "other" and o.name in prefixes else o for o in others]
    # "Saint-Aubin" after "Hôpital Saint-Aubin": a name after its opening head
    first_words |= {" ".join(words[1:]) for o in others if o.type == "organization"
                    for words in [re.sub(r"^the\s+", "", o.name).split()]
                    if len(words) > 1 and words[0].lower() in
                    word_list("opening_organization_heads.txt")}
    of_people = {part for p in people if len(p.name.split()) > 1 for part in p.name.split()}
    moved = [p for p in people if p.name in first_words and p.name not in of_people]
    if not moved:
        return people, others
    others = sorted(others + [OtherName(p.start, p.start + len(p.name), p.name, "organization",
                                        p.sentence_index) for p in moved], key=lambda o: o.start)
    return [p for p in people if p not in moved], others


def _surnames_of_people(doc: ParsedDocument, people: list[PersonName],
                        others: list[OtherName]) -> tuple[list[PersonName], list[OtherName]]:
    """One name, one sense per article: "Okoro" alone, typed a place by the model, is the
    surname of "Councilwoman Janet Okoro" named in the same article (unless the lists know
    it as a place or organization)."""
    surnames = {p.name.split()[-1] for p in people if len(p.name.split()) > 1}
    kept, moved = [], []
    for other in others:
        word = other.name
        if other.type != "person" and word in surnames and " " not in word and \
                word.lower() not in known_places() and not is_listed_organization(word):
            sentence = doc.sentences[other.sentence_index]
            words = [w for w in sentence.words if other.start <= w.start and w.end <= other.end]
            moved.append(PersonName(other.start, word, None, other.sentence_index,
                                    _is_subject(sentence, words) if words else False))
        else:
            kept.append(other)
    if not moved:
        return people, others
    return sorted(people + moved, key=lambda p: p.start), kept


def is_listed_organization(name: str) -> bool:
    lowered = name.lower()
    return lowered in word_list("organizations.txt") or lowered in word_list("countries.txt")


def person_names(doc: ParsedDocument) -> list[PersonName]:
    """Every mention of a person's name in the article, in order."""
    return typed_names(doc)[0]


def fullest_name(name: str, names: list[PersonName], gender: str | None = None) -> str:
    """The longest name of the article that ends with ``name`` ("Kupchan" -> "Charles
    Kupchan"), else ``name``.  ``gender``, the mention's own honorific's ("Mr. Clinton"),
    rules out full names of the other gender ("Hillary Clinton")."""
    parts = _without_numeral(name.split())
    best = name
    # "Mr. Obama" is not "Michelle Obama": a gender the short name's own mentions carry
    # (honorifics) rules out full names of the other gender
    genders = {gender} if gender else {p.gender for p in names if p.name == name and p.gender}
    for person in names:
        full = _without_numeral(person.name.split())
        if len(person.name.split()) > len(best.split()) and full[-len(parts):] == parts and not (
                genders and first_name_gender(person.name) not in genders | {None}):
            best = person.name
    if best == name and len(parts) == 1:
        # A given name alone ("Grace said") when exactly one person of the article has it.
        owners = {p.name for p in names if len(p.name.split()) > 1 and p.name.split()[0] == name}
        if len(owners) == 1:
            best = owners.pop()
    return best


# A regnal number or generation after a name: "Norton I" is Joshua Abraham Norton
NAME_NUMERALS = frozenset({"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
                           "Jr.", "Jr", "Sr.", "Sr"})


def _without_numeral(parts: list[str]) -> list[str]:
    return parts[:-1] if len(parts) > 1 and parts[-1] in NAME_NUMERALS else parts


def name_ends(name: str) -> tuple[str, str]:
    """The first and last word of a name less its numeral: two names :func:`same_person`
    takes for one share at least one of them (the last, or the first of a Korean name)."""
    parts = _without_numeral(name.split()) or [""]
    return parts[0], parts[-1]


def same_person(a: str, b: str) -> bool:
    pa, pb = _without_numeral(a.split()), _without_numeral(b.split())
    shorter, longer = (pa, pb) if len(pa) <= len(pb) else (pb, pa)
    if len(shorter) == 1 and len(longer) == 2 and KOREAN_GIVEN_NAME.fullmatch(longer[1]):
        return shorter[0] == longer[0]     # "Moon" is Moon Jae-in: the family name comes first
    return bool(shorter) and longer[-len(shorter):] == shorter


@lru_cache(maxsize=None)
def _given_names() -> dict[str, str]:
    table = {}
    for entry in word_list("first_names.txt"):
        given, gender = entry.split()
        table[given] = gender
    return table


def first_name_gender(name: str) -> str | None:
    """The usual gender of a full name's given name ("Élise Marchand" -> fem), if listed."""
    parts = name.split()
    return given_name_gender(parts[0]) if len(parts) > 1 else None


def given_name_gender(word: str) -> str | None:
    """The usual gender of a listed given name ("Isabel" -> fem)."""
    return _given_names().get(word.lower())


def text_after(sentence: Sentence, word: Word) -> str | None:
    following = sentence.word(word.index + 1) if word.index < len(sentence.words) else None
    return following.text if following is not None else None


@lru_cache(maxsize=None)
def role_entries() -> tuple[frozenset[str], frozenset[str]]:
    """(human role nouns, office nouns with one identifiable holder)."""
    offices = {entry.split()[0] for entry in word_list("role_nouns.txt")
               if "office" in entry.split()[1:]}
    return first_words("role_nouns.txt"), frozenset(offices)


@lru_cache(maxsize=None)
def role_synonyms() -> dict[str, frozenset[str]]:
    """Other nouns for a role's holder ("justice" -> "judge"), from the "also:" flags."""
    return {entry.split()[0]: frozenset(f[5:] for f in entry.split()[1:] if f.startswith("also:"))
            for entry in word_list("role_nouns.txt") if "also:" in entry}


@lru_cache(maxsize=None)
def sole_offices() -> frozenset[str]:
    """Offices a bare definite "the …" singles out ("the president said", "the premier")."""
    return frozenset(entry.split()[0] for entry in word_list("role_nouns.txt")
                     if "sole" in entry.split()[1:])


def is_publication(sentence: Sentence, head: Word) -> bool:
    """"The Economist", "the Daily Caller", "the Hollywood Reporter": a capitalized role noun
    that ends a newspaper's name (quotes/data/publication_heads.txt), after "the" and the
    capitalized words of its name, with no name after it ("Economist Ana Ruiz")."""
    if not head.text[:1].isupper() or head.text.lower() not in word_list("publication_heads.txt"):
        return False
    following = sentence.word(head.index + 1) if head.index < len(sentence.words) else None
    if following is not None and following.text[:1].isupper():
        return False
    index = head.index - 1
    while index >= 1 and sentence.word(index).text[:1].isupper() and \
            sentence.word(index).text.lower() != "the":
        if sentence.word(index).text.lower() in titles():
            return False               # "the Senior Economist": a title
        index -= 1
    return index >= 1 and sentence.word(index).text.lower() == "the"


def is_bare_title(text: str, next_word: str | None) -> bool:
    """A title or role noun with no name after it, capitalized as titles are ("Director of
    the … study", "Rector of the university", "Virginia Governor"): no one's name.  A title
    word alone is a surname unless "of" follows ("Dean said" is Howard Dean); "John Major"
    has a given name ("Virginia" in "Virginia Governor" is the state)."""
    words = text.strip().split()
    if not words:
        return False
    last = words[-1].lower()
    # a body's head noun that is also a role ("the Takeover Panel") closes a body's name
    titled = last in word_list("titles.txt") or last in role_entries()[0] and (
        len(words) == 1 or last not in word_list("organization_heads.txt"))
    if len(words) == 1:
        return titled and (next_word or "").lower() == "of"
    # a given name that is a place too opens no one's name: "Virginia Governor"
    given = first_name_gender(text) and not (words[0].lower() in known_places() and
                                             last in word_list("titles.txt"))
    return titled and not given and not (next_word or "x")[:1].isupper() \
        and not any(w.lower() in honorific_gender() for w in words[:-1])    # "Mr. King"
