"""Loads the package's word lists: cue verbs, role nouns, organization heads, anonymity phrases."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class CueLexicon:
    lemmas: frozenset[str]          #: every cue lemma
    direct_only: frozenset[str]     #: cues only when they govern a quotation
    nominal: frozenset[str] = frozenset()   #: also report a noun-phrase / infinitive complement
    active_only: frozenset[str] = frozenset()   #: not cues in the passive ("was charged with")


def _lines(name: str) -> list[list[str]]:
    text = resources.files("quotes").joinpath("data", name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            rows.append(line.split())
    return rows


@lru_cache(maxsize=None)
def cue_lexicon() -> CueLexicon:
    lemmas, direct_only, nominal, active_only = set(), set(), set(), set()
    for row in _lines("cue_verbs.txt"):
        lemmas.add(row[0].lower())
        if "direct-only" in row[1:]:
            direct_only.add(row[0].lower())
        if "nominal" in row[1:]:
            nominal.add(row[0].lower())
        if "active-only" in row[1:]:
            active_only.add(row[0].lower())
    return CueLexicon(frozenset(lemmas), frozenset(direct_only), frozenset(nominal),
                      frozenset(active_only))


@lru_cache(maxsize=None)
def table(name: str) -> dict[str, tuple[str, ...]]:
    """A list whose lines are a key and its values ("PERSON person"); keys keep their case."""
    return {row[0]: tuple(row[1:]) for row in _lines(name)}


@lru_cache(maxsize=None)
def first_words(name: str) -> frozenset[str]:
    """The first word of every entry of a list whose entries carry flags ("governor office")."""
    return frozenset(entry.split()[0] for entry in word_list(name))


@lru_cache(maxsize=None)
def word_list(name: str) -> frozenset[str]:
    """A one-entry-per-line list (lower-cased; entries may contain spaces)."""
    text = resources.files("quotes").joinpath("data", name).read_text(encoding="utf-8")
    entries = set()
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if line:
            entries.add(line)
    return frozenset(entries)


@lru_cache(maxsize=None)
def known_places() -> frozenset[str]:
    """Places the lists know (``places.txt``, ``countries.txt``), lower case."""
    return word_list("places.txt") | word_list("countries.txt")


@lru_cache(maxsize=None)
def anonymity_patterns() -> tuple[re.Pattern[str], ...]:
    """The phrases that mark a source as deliberately unidentified (anonymity_phrases.txt)."""
    # a space in a phrase matches any run of spaces ("who wasn't  authorized", line breaks)
    return tuple(re.compile(r"\b" + p.replace(" ", r"\s+") + r"\b", re.IGNORECASE)
                 for p in word_list("anonymity_phrases.txt"))


def anonymity_spans(text: str) -> list[tuple[int, int]]:
    """Where anonymity phrases stand in ``text``."""
    return [m.span() for pattern in anonymity_patterns() for m in pattern.finditer(text)]


@lru_cache(maxsize=None)
def boilerplate_patterns() -> tuple[re.Pattern[str], ...]:
    """Openings of paragraphs that are page furniture ("READ MORE:", photo credits)."""
    text = resources.files("quotes").joinpath("data", "boilerplate.txt").read_text(encoding="utf-8")
    lines = [line.strip() for line in text.splitlines()
             if line.strip() and not line.lstrip().startswith("#")]
    return tuple(re.compile(line, re.IGNORECASE) for line in lines)


def is_boilerplate(paragraph: str) -> bool:
    return any(pattern.match(paragraph.lstrip()) for pattern in boilerplate_patterns())


@lru_cache(maxsize=None)
def source_nouns() -> frozenset[str]:
    """Common nouns (lemmas) that name people, groups, organizations or documents: the role,
    GUM-derived source, company, organization-head and document lists together."""
    roles = {entry.split()[0] for entry in word_list("role_nouns.txt")}
    lists = ("source_nouns.txt", "company_nouns.txt", "organization_heads.txt",
             "document_nouns.txt")
    return frozenset(roles).union(*(word_list(name) for name in lists))
