"""Proper names in a parse: capitalized runs, titles cut off, and the article's person names.

Names are read off the surface (capitalized words, name particles, hyphens) rather than only
off the tagger's PROPN labels: a compact tagger often calls an unfamiliar given name a NOUN,
but it is still capitalized mid-sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import word_list
from ..parse.document import ParsedDocument, Sentence, Word

# Lower-case words that belong inside names: "Pieter van Leeuwen", "Ibn al-Khattab".
PARTICLES = frozenset({"van", "von", "de", "der", "den", "da", "di", "del", "della", "du", "la",
                       "le", "al", "el", "bin", "ibn", "ben", "abu", "dos", "das", "ter", "zu"})
NOT_NAME_UPOS = frozenset({"DET", "ADP", "PRON", "AUX", "CCONJ", "SCONJ", "PUNCT", "NUM",
                           "PART", "SYM"})
CALENDAR = frozenset("""january february march april may june july august september october
november december monday tuesday wednesday thursday friday saturday sunday""".split())
HONORIFIC_GENDER = {"mr": "masc", "mr.": "masc", "sir": "masc", "lord": "masc", "king": "masc",
                    "prince": "masc", "father": "masc", "mrs": "fem", "mrs.": "fem", "ms": "fem",
                    "ms.": "fem", "miss": "fem", "dame": "fem", "lady": "fem", "queen": "fem",
                    "princess": "fem", "sister": "fem", "congresswoman": "fem",
                    "chairwoman": "fem", "spokeswoman": "fem", "congressman": "masc",
                    "chairman": "masc", "spokesman": "masc", "councilwoman": "fem",
                    "councilman": "masc", "assemblywoman": "fem", "assemblyman": "masc"}


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


def capitalized_runs(words: list[Word]) -> list[list[Word]]:
    """Maximal runs of capitalized words, with particles and hyphens inside them."""
    runs: list[list[Word]] = []
    current: list[Word] = []
    for word in words:
        inside = current and (word.text.lower() in PARTICLES or word.text in ("-", ".")
                              and word.start == current[-1].end)
        if _capitalized(word) and (not current or word.start - current[-1].end <= 1):
            current.append(word)
        elif inside:
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
        if lower in known or lower.rstrip(".") in known or marked or \
                lower.endswith("-based") or lower in CALENDAR:
            cut = i + 1
    name = [w for w in run[cut:] if w.text.lower() not in CALENDAR]
    if not name or (len(name) == 1 and name[0].text.lower() in known):
        return None
    return Name(words=name, titles=run[:cut],
                text=re.sub(r"\s+", " ", text[name[0].start:name[-1].end]).strip())


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
    if joined in places or any(w in org_heads for w in lowered):
        return False
    if any(w.text.isupper() and 1 < len(w.text) <= 4 and w.text.isalpha() for w in name.words):
        return False               # acronyms: VOA, NATO, AFP (but not "PENCE:" in transcripts)
    return not any(w in CALENDAR for w in lowered)


@dataclass
class PersonName:
    start: int
    name: str
    gender: str | None


def person_names(doc: ParsedDocument) -> list[PersonName]:
    """Every mention of a person's name in the article, in order.

    Multi-word names count where they stand; a single word counts only as the surname (or
    given name) of a multi-word name of the same article, so "Wednesday" or "Geneva" never
    become people a pronoun could mean.
    """
    found: list[PersonName] = []
    for sentence in doc.sentences:
        for run in capitalized_runs(sentence.words):
            name = split_title(run, doc.text)
            if name is None or not is_person_like(name):
                continue
            gender = None
            for title in name.titles:
                gender = gender or HONORIFIC_GENDER.get(title.text.lower())
            if name.words[0].index > 1:
                before = sentence.word(name.words[0].index - 1)
                gender = gender or HONORIFIC_GENDER.get(before.text.lower())
            found.append(PersonName(name.start, name.text, gender))
    full = [p for p in found if len(p.name.split()) > 1]
    parts = {part for p in full for part in p.name.split()}
    return [p for p in found if len(p.name.split()) > 1 or p.name in parts]


def fullest_name(name: str, names: list[PersonName]) -> str:
    """The longest name of the article that ends with ``name`` ("Kupchan" -> "Charles
    Kupchan"), else ``name``."""
    parts = name.split()
    best = name
    for person in names:
        full = person.name.split()
        if len(full) > len(best.split()) and full[-len(parts):] == parts:
            best = person.name
    if best == name and len(parts) == 1:
        # A given name alone ("Grace said") when exactly one person of the article has it.
        owners = {p.name for p in names if len(p.name.split()) > 1 and p.name.split()[0] == name}
        if len(owners) == 1:
            best = owners.pop()
    return best


def same_person(a: str, b: str) -> bool:
    pa, pb = a.split(), b.split()
    shorter, longer = (pa, pb) if len(pa) <= len(pb) else (pb, pa)
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
    return _given_names().get(parts[0].lower()) if len(parts) > 1 else None
