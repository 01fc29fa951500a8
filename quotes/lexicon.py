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
    #: not cues with a noun object and no clause ("writes the bill", "posted a video")
    object_not_speech: frozenset[str] = frozenset()
    #: direct-only cues that also report a "that" clause ("recommended that he be fired")
    that_clause: frozenset[str] = frozenset()


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
    lemmas, direct_only, nominal, active_only, made, that = set(), set(), set(), set(), set(), set()
    for row in _lines("cue_verbs.txt"):
        lemmas.add(row[0].lower())
        if "direct-only" in row[1:]:
            direct_only.add(row[0].lower())
        if "nominal" in row[1:]:
            nominal.add(row[0].lower())
        if "active-only" in row[1:]:
            active_only.add(row[0].lower())
        if "object-not-speech" in row[1:]:
            made.add(row[0].lower())
        if "that-clause" in row[1:]:
            that.add(row[0].lower())
    return CueLexicon(frozenset(lemmas), frozenset(direct_only), frozenset(nominal),
                      frozenset(active_only), frozenset(made), frozenset(that))


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
    return tuple(_phrase_pattern(p) for p in word_list("anonymity_phrases.txt"))


def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    return re.compile(r"\b" + phrase.replace(" ", r"\s+") + r"\b", re.IGNORECASE)


def _required_words(phrase: str) -> frozenset[str] | None:
    """Words one of which every match of ``phrase`` (a line of anonymity_phrases.txt)
    contains: its longest plain run of letters outside any group ("asked" in "asked not to be
    (named|identified)", "authori" in "not authori[sz]ed to …"), else one from each
    alternative of its first group that is not optional ("speaking", "spoke", "spoken"); None
    when there is none, and the phrase is always tried."""
    runs, depth, run, i = [], 0, "", 0
    while i < len(phrase):
        char = phrase[i]
        if char.isalpha() and depth == 0:
            run += char
        elif char == "|" and depth == 0:
            return None               # alternatives of the whole phrase: no word is required
        else:
            if run:
                runs.append(run[:-1] if char == "?" else run)
            run = ""
            if char == "[":
                i = phrase.index("]", i)
            depth += char == "("
            depth -= char == ")"
        i += 1
    if run:
        runs.append(run)
    longest = max(runs, key=len, default="")
    if len(longest) >= 3:
        return frozenset({longest.casefold()})
    start = phrase.find("(")
    while start >= 0:
        depth, end = 0, start
        for end in range(start, len(phrase)):
            depth += phrase[end] == "("
            depth -= phrase[end] == ")"
            if depth == 0:
                break
        if not phrase[end + 1:end + 2] == "?":
            alternatives, depth, piece = [], 0, ""
            for char in phrase[start + 1:end]:
                if char == "|" and depth == 0:
                    alternatives.append(piece)
                    piece = ""
                    continue
                depth += char == "("
                depth -= char == ")"
                piece += char
            alternatives.append(piece)
            words = [_required_words(a) for a in alternatives]
            if all(words):
                return frozenset(w for found in words for w in found)
            return None
        start = phrase.find("(", end + 1)
    return None


@lru_cache(maxsize=None)
def _anonymity_phrases() -> tuple[tuple[re.Pattern[str], frozenset[str] | None], ...]:
    """Each phrase's expression (as :func:`anonymity_patterns` makes it) and required words."""
    return tuple((_phrase_pattern(p), _required_words(p))
                 for p in word_list("anonymity_phrases.txt"))


@lru_cache(maxsize=None)
def _required_word_finder() -> tuple[re.Pattern[str], dict[str, frozenset[str]]]:
    """One expression that finds, at every position of a text, the longest required word
    starting there; and for each required word, the required words it contains (a text that
    holds "anonymity" holds "anonym" too)."""
    words = sorted({w for _, required in _anonymity_phrases() if required for w in required},
                   key=len, reverse=True)
    finder = re.compile("(?=(" + "|".join(map(re.escape, words)) + "))")
    return finder, {w: frozenset(v for v in words if v in w) for w in words}


def anonymity_matches(text: str) -> list[re.Match[str]]:
    """Every match of every anonymity phrase in ``text``, phrase by phrase; a phrase none of
    whose required words the text holds (most sentences, for most phrases) is not tried."""
    return list(_anonymity_matches(text))


@lru_cache(maxsize=8192)
def _anonymity_matches(text: str) -> tuple[re.Match[str], ...]:
    """:func:`anonymity_matches`, once per text (the cue finder and the anonymity rules ask
    about the same sentences)."""
    finder, contained = _required_word_finder()
    always, by_word = _phrases_by_required_word()
    candidates = set(always)
    for found in finder.finditer(text.casefold()):
        for word in contained[found.group(1)]:
            candidates.update(by_word[word])
    phrases = _anonymity_phrases()
    return tuple(m for index in sorted(candidates) for m in phrases[index][0].finditer(text))


@lru_cache(maxsize=None)
def _phrases_by_required_word() -> tuple[tuple[int, ...], dict[str, tuple[int, ...]]]:
    """The phrases always tried (no required word), and for each required word the phrases
    that need it, by their place in the list (matches keep the list's order)."""
    always = []
    by_word: dict[str, list[int]] = {}
    for index, (_, words) in enumerate(_anonymity_phrases()):
        if words is None:
            always.append(index)
        for word in words or ():
            by_word.setdefault(word, []).append(index)
    return tuple(always), {w: tuple(v) for w, v in by_word.items()}


def anonymity_spans(text: str) -> list[tuple[int, int]]:
    """Where anonymity phrases stand in ``text``."""
    return [m.span() for m in anonymity_matches(text)]


@lru_cache(maxsize=None)
def boilerplate_patterns() -> tuple[re.Pattern[str], ...]:
    """Openings of paragraphs that are page furniture ("READ MORE:", photo credits)."""
    text = resources.files("quotes").joinpath("data", "boilerplate.txt").read_text(encoding="utf-8")
    lines = [line.strip() for line in text.splitlines()
             if line.strip() and not line.lstrip().startswith("#")]
    return tuple(re.compile(line, re.IGNORECASE) for line in lines)


@lru_cache(maxsize=None)
def _boilerplate_opening() -> re.Pattern[str]:
    """The furniture openings as one expression (one match per paragraph, not one each)."""
    return re.compile("|".join(f"(?:{p.pattern})" for p in boilerplate_patterns()),
                      re.IGNORECASE)


def is_boilerplate(paragraph: str) -> bool:
    return _boilerplate_opening().match(paragraph.lstrip()) is not None


@lru_cache(maxsize=None)
def source_nouns() -> frozenset[str]:
    """Common nouns (lemmas) that name people, groups, organizations or documents: the role,
    GUM-derived source, company, organization-head and document lists together."""
    roles = {entry.split()[0] for entry in word_list("role_nouns.txt")}
    lists = ("source_nouns.txt", "company_nouns.txt", "organization_heads.txt",
             "document_nouns.txt")
    return frozenset(roles).union(*(word_list(name) for name in lists))
