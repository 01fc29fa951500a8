"""What one speaker mention says on its own: its name, titles, role, type, number and gender."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..attribution.cue_syntax import PUBLISHING_VERBS, RELATIVE_PRONOUNS
from ..lexicon import word_list
from ..parse.document import ParsedDocument, Sentence, Word
from .names import (
    COLLECTIVE_PEOPLE,
    PARTICLES,
    Name,
    capitalized_role,
    capitalized_runs,
    first_name_gender,
    given_name_gender,
    honorific_gender,
    is_bare_title,
    is_person_like,
    is_publication,
    name_around,
    people_of_a_kind,
    role_entries,
    split_title,
    text_after,
)

# Courtesy titles, no role: "Mr.", "Ms.", "Dr." before a name
COURTESY_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame"})
# Parts of a mention that describe rather than name: "Charles Kupchan, a senior fellow at ...".
DESCRIPTIVE_RELATIONS = ("appos", "acl:relcl", "acl")
INDEFINITE_DETERMINERS = frozenset({"a", "an", "another", "one", "some", "any", "each", "every"})
# Nouns of public bodies ("the agency", "the civic body"), not in "his body mass index"
PUBLIC_BODY_NOUNS = word_list("public_body_nouns.txt")
# Words that count people of a kind: "roughly a dozen Republicans", "many Democrats"
QUANTITY_WORDS = INDEFINITE_DETERMINERS | frozenset({
    "many", "several", "few", "most", "other", "both", "roughly", "about", "nearly", "almost",
    "dozen", "dozens", "hundreds", "thousands", "scores", "more", "than", "at", "least"})
# Nouns of people the role list does not know: "bankers", "economists", "a broker".
PLURAL_HUMAN_FALLBACK = re.compile(r"(?:people|ers|ists|ants|ents|ians|ors|als|ives)$")
# A dateline opening the story: "TORONTO —", "BOSTON (AP) —", "WASHINGTON --",
# "WASHINGTON (Reuters) - ", "PHILADELPHIA ―", "DES MOINES, Iowa —", "LA CROSSE, Wisc. —".
DATELINE = re.compile(r"[A-Z][A-Z .,'’-]+(?:,\s*[A-Z][a-z.]+(?:\s[A-Z][a-z.]+)?)?"
                      r"(?:\([^)]{1,20}\))?\s*(?:—|–|―|--|-(?=\s))\s*")
SINGULAR_HUMAN_FALLBACK = re.compile(r"(?:er|ist|ian|or)$")
# A website named by its address: "ouest-france.fr", "TMZ.com" (the newsroom, named); a
# country's two letters in lower case only ("J.Lo" and "Mr.Li" are no addresses)
TOP_LEVEL_DOMAIN = r"(?:(?i:com|org|net|gov|co\.uk)|[a-z]{2})"
WEB_NAME = re.compile(rf"[\w-]+(?:\.[\w-]+)*\.{TOP_LEVEL_DOMAIN}")


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


@lru_cache(maxsize=None)
def _pronouns() -> dict[str, tuple[str, str]]:
    table = {}
    for entry in word_list("pronouns.txt"):
        word, number, gender = entry.split()
        table[word] = (number, gender)
    return table


def clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" ,;:")


def singular(word: Word) -> str:
    return (word.lemma or word.text).lower()


def document_lemma(word: Word) -> str:
    """The lemma to look up among document nouns: "Investigations" opening a sentence, a
    capitalized plural the dictionary lemmatizer never saw, keeps its surface form."""
    lemma = singular(word)
    if word.upos == "NOUN" and word.text[:1].isupper() and lemma == word.text.lower() and \
            re.search(r"[^s]s$", lemma):
        return lemma[:-3] + "y" if lemma.endswith("ies") else lemma[:-1]
    return lemma


def _mention_head(words: list[Word]) -> Word | None:
    ids = {w.index for w in words}
    head = next((w for w in words if w.head not in ids), words[0] if words else None)
    based = next((i for i, w in enumerate(words) if i > 0 and w.text.lower() == "based" and
                  words[i - 1].text == "-"), None)
    if based is not None and head is not None and head.index < words[based].index and \
            words[0].upos == "DET" and head.index <= words[0].index + 2 and \
            words[-1].upos == "NOUN" and all(w.upos in ("NOUN", "ADJ") for w in words[based + 1:]):
        # "The Norfolk, Va.-based buyer" parsed with "Norfolk" as the head: the noun after
        # "-based" is what the mention is
        return words[-1]
    if head is not None and head.upos == "VERB" and head.xpos in ("VBN", "VBD") and \
            (head.lemma or "").lower() in PUBLISHING_VERBS:
        # "A proposed class-action lawsuit filed Monday in …" parsed with "filed" as the
        # main verb: the document it describes is the head
        subject = next((w for w in words if w.head == head.index and
                        w.deprel in ("nsubj", "nsubj:pass") and w.index < head.index), None)
        if subject is not None and subject.upos == "NOUN":
            head = subject
    if head is not None and head.upos == "PROPN" and len(words) > 3 and \
            words[0].upos == "DET" and words[1].deprel == "compound" and \
            words[1].head == head.index and \
            document_lemma(words[1]) in word_list("document_nouns.txt") and any(
                w.head == head.index and w.deprel == "acl" and w.upos == "VERB" and
                w.index > head.index for w in words):
        # "a filing Trans-Pecos submitted to the commission", parsed with the document as a
        # compound of the name: the document, described by a relative clause
        return words[1]
    if head is not None and head.text in PARTICLES:
        # "dos Santos says" with the particle read as the subject: the name is the head
        following = next((w for w in words if w.index == head.index + 1), None)
        if following is not None and following.upos == "PROPN":
            head = following
    # "Halvern’s chief executive" with "executive" tagged ADJ: a subject that owns a
    # possessor is a noun, not the "familiar" of "sources familiar with …"
    role = head is not None and head.text.lower() in word_list("role_nouns.txt")
    nominal_adj = head is not None and head.upos == "ADJ" and (((
        head.deprel.startswith("nsubj") or role)
        and any(w.head == head.index and w.deprel in ("nmod:poss", "det") for w in words))
        or role and head.deprel.startswith("nsubj")    # "A law enforcement official said"
        or role and words[0].upos == "DET" and words[0].index < head.index   # "…, said an
        # insurance executive who …" with "executive" an adjective and the article on "insurance"
        or _age_words(words, head))                    # "58-year-old, a former …"
    if head is not None and head.upos not in ("NOUN", "PROPN", "PRON", "NUM") and \
            not nominal_adj:
        # A misparsed mention ("sources familiar with …" headed by "familiar"): its first
        # noun before any preposition or clause is the better head.
        nouns = []
        for word in words:
            if word.upos in ("ADP", "SCONJ", "VERB") or word.text == ",":
                break
            if word.upos in ("NOUN", "PROPN", "PRON"):
                nouns.append(word)
            elif word.text in ("'s", "’s", "'", "’"):
                nouns = []      # "an inspector general's report": the owner is not the head
            elif nouns:
                break
        if nouns:       # the last of a compound: "A hospital administrator not authorized …"
            return nouns[-1]
    return head


def _subject_of_reduced_relative(sentence: Sentence, head: Word, sub: list[Word],
                                 span: set[int]) -> bool:
    """"A memo Okonjo sent to staff" parsed with "Okonjo" as the memo's appositive: a name
    right after the noun, with no comma between, followed by a verb of the mention, is the
    subject of a relative clause (the memo's author), not the noun's name ("The state news
    agency RIA Novosti reported": the verb after it is the cue)."""
    following = sentence.word(sub[-1].index + 1) if sub[-1].index < len(sentence.words) else None
    return sub[0].index == head.index + 1 and following is not None and \
        following.index in span and \
        following.upos == "VERB" and following.xpos in ("VBD", "VBN", "VBZ", "VBP")


def analyse_mention(doc: ParsedDocument, start: int, end: int) -> Mention:
    """Name, titles, role, type, number and gender of the mention at [start, end)."""
    dateline = DATELINE.match(doc.text, start, end)
    if dateline:
        start = dateline.end()      # "TORONTO — Ontario’s housing minister": the dateline is not the speaker
    text = doc.text[start:end]
    sentence = doc.sentence_containing(start)
    words = [w for w in sentence.words if start <= w.start and w.end <= end] if sentence else []
    while len(words) > 1 and words[-1].text.lower() in ("'s", "’s", "'", "’"):
        words = words[:-1]          # "he's", "His daughter's": the clitic is not the mention
        end = words[-1].end
        text = doc.text[start:end]
    head = _mention_head(words)
    mention = Mention(text=text, start=start, end=end, head=head, words=words)
    if head is None or sentence is None:
        return mention
    lower = head.text.lower()
    if lower in RELATIVE_PRONOUNS and len(words) == 1:
        antecedent = _antecedent(sentence, head)
        if antecedent is not None:
            resolved = analyse_mention(doc, antecedent[0].start, antecedent[-1].end)
            # The record keeps the pronoun's span; the description is the antecedent's.
            resolved.start, resolved.end = start, end
            return resolved
    if lower in _pronouns() and len(words) == 1:
        mention.pronoun = lower
        mention.number, gender = _pronouns()[lower]
        mention.gender = None if gender == "any" else gender
        mention.type = "organization" if gender == "neut" else \
            "group" if mention.number == "plur" else "person"
        return mention

    span = {w.index for w in words}
    # Descriptive parts hanging from the head: appositives and relative clauses.
    descriptive: set[int] = set()
    role_parts: list[str] = []
    appositives = []
    coordinated = _coordinated_role_names(sentence, head, span)
    for child in sentence.children(head) + coordinated:
        if (child.deprel in DESCRIPTIVE_RELATIONS or child in coordinated) and \
                child.index in span:
            sub = [w for w in sentence.subtree(child) if w.index in span]
            descriptive |= {w.index for w in sub}
            if child.deprel == "appos" or child in coordinated:
                appositives.append((child, sub))
    core_words = [w for w in words if w.index not in descriptive]
    mention.core = clean(doc.text[core_words[0].start:core_words[-1].end]) if core_words else text

    name = name_around(sentence, head, span - descriptive, doc.text)
    if name is not None and _owner(sentence, name):
        name = None              # "Halvern’s chief executive, Sunita Raghavan": Halvern owns
    if name is not None and not name.titles and is_bare_title(name.text, text_after(
            sentence, name.words[-1])):
        name = None              # "Director of the National Iodine Nutrition study": a title
    if name is not None and not name.titles and capitalized_role(name.text):
        name = None              # "The MP said", "the CTO": a role written in capitals
    if name is not None and _one_of_a_kind(sentence, name, words):
        name = None              # "Another Catholic who attended the service": one of a kind
    if name is not None and len(words) == len(name.words) and people_of_a_kind(name):
        name = None              # "Democrats, meanwhile, have accused …": a kind of people
    if name is None:
        name = _name_beside(doc, sentence, head, words)
    if name is None and _initial_name(doc, sentence, head):
        name = split_title([head], doc.text)
    if name is None:
        # "Malaysia's Prime Minister, Najib Razak" / "the county's director, Paul Amadi":
        # the head is a role and the name stands beside it as an appositive.
        for child, sub in appositives:
            if _subject_of_reduced_relative(sentence, head, sub, span):
                continue
            name = name_around(sentence, child, {w.index for w in sub}, doc.text)
            if name is not None:
                role_parts.append(clean(doc.text[core_words[0].start:core_words[-1].end]))
                break
        if name is None:
            name = _name_after_role_phrase(doc, sentence, head, words)
            if name is not None:        # the role is what stands before the name
                role_parts.append(clean(doc.text[words[0].start:name.words[0].start]))
        if name is None:
            known = _name_known_as(doc, _with_known_as_tail(sentence, words))
            if known is not None:       # "a senior officer identified only as Mr Castell"
                name, role = known
                role_parts.append(role)
    else:
        for child, sub in appositives:
            part = clean(doc.text[sub[0].start:sub[-1].end])
            if name.text not in part:   # "spokesperson Bronwyn Tealby": the name, no role
                role_parts.append(part)
    if is_publication(sentence, head) or WEB_NAME.fullmatch(mention.core or ""):
        # "The Economist reported", "the Daily Caller"; "according to ouest-france.fr"
        mention.type = "organization"
        mention.name = mention.core
        mention.number = "sing"
    elif name is not None and is_person_like(name) and _names_an_institution(sentence, name, span):
        name = None
        mention.type = "organization"
        mention.name = mention.core
    elif name is not None and is_person_like(name) and not name.titles and any(
            singular(child) in word_list("company_nouns.txt") for child, _ in appositives):
        # "Little Lanterns, a children's charity, said": what the appositive calls a
        # business, a charity or a club is one, whatever its name looks like
        name = None
        mention.type = "organization"
        mention.name = mention.core
        mention.number = "sing"
    elif name is not None and is_person_like(name):
        mention.name = name.text
        mention.titles = [w.text for w in name.titles]
        _describe_named(doc, mention, name, role_parts, end)
    elif name is not None and not is_person_like(name):
        mention.type = "organization"
        mention.name = _with_article(sentence, name) if _is_whole_name(mention, name) \
            else mention.core
        mention.number = "sing"
    else:
        if _common_type(head) == "unknown" and \
                document_lemma(head) not in word_list("document_nouns.txt"):
            # A misparsed head ("sources familiar …" headed by "familiar"): a noun of the
            # mention's first phrase that names people or an institution is the head ("A BBC
            # investigation has found" is the investigation's word).
            for word in words:
                if word.upos in ("ADP", "SCONJ", "VERB") or word.text == ",":
                    break
                if word.upos in ("NOUN", "PROPN") and _common_type(word) != "unknown" and not (
                        word.deprel == "compound" and singular(word) in PUBLIC_BODY_NOUNS):
                    head = mention.head = word
                    break
        mention.type = _common_type(head)
        mention.number = "plur" if head.feature("Number") == "Plur" else "sing"
        if mention.type == "person" and mention.number == "sing" and any(
                w.text.lower().endswith("-based") or w.text.lower() == "based" and w.index > 1
                and sentence.word(w.index - 1).text in ("-", "‑")
                for w in words if w.index < head.index):
            mention.type = "organization"    # "the Bensalem-based contractor" is a company
        if mention.type == "organization" and mention.number == "sing" and any(
                c.text.lower() in ("former", "ex") for c in sentence.children(head)
                if c.index < head.index):
            mention.type = "person"          # "A former Saltgrass field operator" is someone
        if mention.type == "unknown" and _age_words(sentence.words, head):
            # "the 44-year-old said": someone described by age
            mention.type = "group" if head.text.lower() == "olds" else "person"
            mention.number = "plur" if head.text.lower() == "olds" else "sing"
        if mention.type == "organization" and _described_by_who(sentence, head):
            # "An Air Force sensor operator whom The Times agreed not to identify": a noun
            # of a business or of a job, described by "who", is someone
            mention.type = "group" if mention.number == "plur" else "person"
        if mention.type in ("person", "group"):
            role_parts.insert(0, mention.core or text)
        mention.gender = honorific_gender().get(lower) or honorific_gender().get(singular(head))
    mention.role = "; ".join(dict.fromkeys(p for p in role_parts if p)) or None
    return mention


def _age_words(words: list[Word], head: Word) -> bool:
    """"the 44-year-old", "The 58-year-old, a former commissioner": ``head`` is the "old" of
    an age written with hyphens among ``words``."""
    if head.text.lower() not in ("old", "olds"):
        return False
    before = [w for w in words if head.index - 2 <= w.index < head.index]
    return len(before) == 2 and before[1].text == "-" and before[1].start == before[0].end \
        and before[0].text.lower() in ("year", "years") and head.start == before[1].end


def _described_by_who(sentence: Sentence, head: Word) -> bool:
    """"who" or "whom" right after the head, or after its comma (inside the mention or right
    after a speaker span that stops before it)."""
    after = [w.text.lower() for w in sentence.words[head.index:head.index + 2]]
    return bool(after) and (after[0] in ("who", "whom") or after[:1] == [","] and
                            after[1:] in (["who"], ["whom"]))


KNOWN_AS = frozenset({"identified", "known", "named", "called", "referred"})


def _name_known_as(doc: ParsedDocument, words: list[Word]) -> tuple[Name, str] | None:
    """"a senior officer identified only as Mr Castell", "an Air Force officer known as
    Colonel Harwick", "a trustee identified in the minutes only as Trustee Pennock": the
    titled name after "identified/known as" is the person's (a surname given is a name; "the
    base chief known as Bob", a given name alone, stays a description), with the words before
    the verb as the role."""
    for i, word in enumerate(words):
        if word.text.lower() != "as" or i < 2:
            continue
        verb = _known_as_verb(words, i - 2 if words[i - 1].text.lower() == "only" else i - 1)
        if verb is None or verb is words[0]:
            continue
        rest = words[i + 1:]
        runs = capitalized_runs(rest)
        if not runs or runs[0][0] is not rest[0]:
            continue
        name = split_title(runs[0], doc.text)
        if name is None or not (name.titles or len(name.words) > 1):
            continue
        return name, clean(doc.text[words[0].start:verb.start])
    return None


def _with_known_as_tail(sentence: Sentence, words: list[Word]) -> list[Word]:
    """The mention's words and, when the parse cut "only as Trustee Pennock" off it (making
    the name a subject of its own), the words of that phrase after it."""
    if not words or words[-1].index >= len(sentence.words):
        return words
    following = sentence.words[words[-1].index:words[-1].index + 6]
    if not following or following[0].text.lower() not in ("only", "as") or \
            not any(w.text.lower() in KNOWN_AS for w in words):
        return words
    return words + following


def _known_as_verb(words: list[Word], last: int) -> Word | None:
    """The verb "identified/known" ending at ``last``, or a few words before it when a
    prepositional phrase stands between ("identified in the minutes only as")."""
    if words[last].text.lower() in KNOWN_AS:
        return words[last]
    for k in range(last - 1, max(0, last - 5), -1):
        if words[k].text.lower() in KNOWN_AS and words[k + 1].upos == "ADP":
            return words[k]
        if words[k].text in (",", ";") or words[k].upos == "VERB":
            return None
    return None


def _one_of_a_kind(sentence: Sentence, name: Name, words: list[Word]) -> bool:
    """"Another Catholic who attended the service", "a Democrat familiar with …", "roughly a
    dozen Republicans", "two Democrats": a single capitalized word after an indefinite
    determiner, a number or a quantity of its own names a kind of person (a faith, a party, a
    nation), not the person."""
    if len(name.words) != 1 or name.titles or name.words[0].index <= 1:
        return False
    word = name.words[0]
    before = [w for w in words if w.index < word.index]
    if not before or before[-1].index != word.index - 1:
        return False
    span = sentence.name_of(word)
    if span is not None and span.first <= before[-1].index:
        return False             # "One Direction said": the number is part of the name
    if len(before) == 1 and before[0].text.lower() in INDEFINITE_DETERMINERS:
        return before[0].head == word.index
    return all(w.upos == "NUM" or w.text.lower() in QUANTITY_WORDS for w in before) and \
        any(w.upos == "NUM" or w.text.lower() not in ("about", "roughly", "nearly", "some")
            for w in before)


def _coordinated_role_names(sentence: Sentence, head: Word, span: set[int]) -> list[Word]:
    """"Real estate mogul and reality television star Donald Trump": the name right after a
    second role noun, coordinated with the head and with no determiner of its own, names the
    head too ("the mayor and his wife, Jane Doe" does not)."""
    names = []
    for conj in sentence.children(head):
        if conj.deprel != "conj" or conj.index not in span or conj.upos != "NOUN" or any(
                c.deprel in ("det", "nmod:poss") for c in sentence.children(conj)):
            continue
        names += [c for c in sentence.children(conj) if c.deprel in ("appos", "flat") and
                  c.index == conj.index + 1 and c.upos == "PROPN"]
    return names


def _initial_name(doc: ParsedDocument, sentence: Sentence, head: Word) -> bool:
    """"Forbes said …" with "Forbes" tagged a plural noun: a capitalized first word the NER
    model types as a name, which the article never writes in lower case and no list knows
    as a common noun of sources, is a name, not a description."""
    span = sentence.name_of(head)
    if head.index != 1 or head.upos != "NOUN" or not head.text[:1].isupper() or \
            span is None or span.type not in ("person", "organization"):
        return False
    lower = head.text.lower()
    if (head.lemma or head.text).lower() != lower or _common_type(head) != "unknown":
        return False            # "Russians said …", "Roasters say …": people, not a name
    roles, _ = role_entries()
    if lower in roles or singular(head) in roles or any(
            lower in word_list(name) or singular(head) in word_list(name)
            for name in ("source_nouns.txt", "organization_heads.txt", "document_nouns.txt",
                         "company_nouns.txt", "mute_nouns.txt")):
        return False
    return lower not in _lowercase_words(doc.text)


@lru_cache(maxsize=8)
def _lowercase_words(text: str) -> frozenset[str]:
    """The words an article writes in lower case (once per article)."""
    return frozenset(re.findall(r"\b[a-z][a-z'’-]*", text))


def _name_beside(doc: ParsedDocument, sentence: Sentence, head: Word,
                 words: list[Word]) -> Name | None:
    """A name standing right after a role noun or after its comma: "Board member Gary
    Lindqvist", "Kremlin spokesman Andrei Lavrentyev", "the state's attorney general,
    Raymond Pruitt" (when the parser linked neither as a name)."""
    roles, _ = role_entries()
    after = [w for w in words if w.index > head.index]
    if singular(head) in roles or head.text.lower() in word_list("titles.txt"):
        office = bool(after) and after[0].text == "of"
        if after and after[0].text in (",", "of"):
            after = after[1:]            # "Secretary of State Mia Duarte"
        runs = capitalized_runs(after)
        if runs and after and runs[0][0].index == after[0].index:
            name = split_title(runs[0], doc.text)
            if office and name is not None and not first_name_gender(name.text):
                return None              # "the Mayor of Chicago": the office's place
            return name
    # "The mayor of St. Louis, Tara Jennings": a person's name closing the mention after a
    # comma (a listed given name and a surname), or set off by commas before a relative
    # clause (or a name the model typed a person: "a former spokesman for Ukraine's Foreign
    # Ministry, Oleg Voloshyn, who also ran …")
    commas = [w for w in words if w.text == ","]
    segments = [(commas[-1].index, words[-1].index + 1, False)] if commas else []
    for comma, following in zip(commas, commas[1:]):
        after = sentence.word(following.index + 1) if following.index < len(sentence.words) \
            else None
        if after is not None and after.text.lower() in RELATIVE_PRONOUNS:
            segments.append((comma.index, following.index, True))
    for first, last, before_clause in segments:
        tail = [w for w in words if first < w.index < last and w.upos != "PUNCT"]
        runs = capitalized_runs(tail)
        if len(runs) == 1 and len(runs[0]) == len(tail) and len(tail) >= 2:
            name = split_title(runs[0], doc.text)
            span = sentence.name_of(runs[0][-1])
            if name is not None and (first_name_gender(name.text) or (
                    before_clause and span is not None and span.type == "person")):
                return name
    return None


def _name_after_role_phrase(doc: ParsedDocument, sentence: Sentence, head: Word,
                            words: list[Word]) -> Name | None:
    """"master of ceremonies Asab Al-Tabchi", "monetary historian David Marsh": a name the
    model typed a person right after a lower-case noun of the mention, with no comma since
    the head, is whom the role phrase describes."""
    if _common_type(head) not in ("person", "unknown") or \
            singular(head) in word_list("document_nouns.txt"):
        return None             # "An audit prepared by the accounting firm Brill & Sato"
    inside = {w.index for w in words}
    for span in sentence.names:
        if span.type != "person" or span.first not in inside or span.last not in inside or \
                span.first <= head.index or span.first < 2:
            continue
        before = sentence.word(span.first - 1)
        between = [w for w in words if head.index < w.index < span.first]
        if before.upos == "NOUN" and before.text[:1].islower() and _role_run(between) and \
                (span.last > span.first or given_name_gender(before.text) is None and
                 sentence.word(span.first).feature("Number") != "Plur"):
            return split_title(sentence.words[span.first - 1:span.last], doc.text)
    # … or one it missed: a listed given name and a surname after the noun
    for run in capitalized_runs([w for w in words if w.index > head.index]):
        before = sentence.word(run[0].index - 1)
        between = [w for w in words if head.index < w.index < run[0].index]
        if len(run) >= 2 and given_name_gender(run[0].text) and before.upos == "NOUN" and \
                before.text[:1].islower() and _role_run(between):
            return split_title(run, doc.text)
    return None


def _role_run(words: list[Word]) -> bool:
    """The words between a role noun and a name continue the role ("master of ceremonies",
    "contributor and monetary historian"): no comma, and no preposition but "of" ("a
    spokesman for candidate Hillary Clinton" is not Clinton)."""
    return not any(w.text == "," or w.upos == "ADP" and w.text.lower() != "of" for w in words)


def _owner(sentence: Sentence, name: Name) -> bool:
    """The name is a possessor in the mention ("Halvern’s" + "chief executive")."""
    last = name.words[-1]
    following = sentence.word(last.index + 1) if last.index < len(sentence.words) else None
    return following is not None and following.text.lower() in ("'s", "’s", "'", "’") and \
        any(w.index > following.index and w.upos in ("NOUN", "PROPN") for w in sentence.words
            if w.index <= following.index + 3)


def _is_whole_name(mention: Mention, name: Name) -> bool:
    """The mention's core is the name (plus an article or a "-based" modifier), not a
    description containing it ("the Harlow Institute's report")."""
    core = re.sub(r"^(?:the\s+)?(?:[\w.-]+-based\s+)?", "", mention.core or "", flags=re.I)
    rest = core[len(name.text):] if core.startswith(name.text) else None
    return rest is not None and (not rest.strip() or rest.lstrip().startswith(","))


def _with_article(sentence: Sentence, name: Name) -> str:
    first = name.words[0].index
    before = sentence.word(first - 1) if first > 1 else None
    return f"{before.text} {name.text}" if before is not None and before.text.lower() == "the" \
        else name.text


def _names_an_institution(sentence: Sentence, name: Name, span: set[int]) -> bool:
    """"the Centers for Disease Control and Prevention", "Institute of Technology": a
    capitalized run continued by of/for/and plus another capitalized word."""
    if name.titles or first_name_gender(name.text):
        return False          # "Gov. Ellen Brandt of Pennsylvania" is a person
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
    while pre_title and pre_title[-1].text.lower().rstrip(".") in COURTESY_TITLES:
        pre_title = pre_title[:-1]          # "Keel’s chairman, Mr. Brockway": no "Mr."
    if pre_title and not role_parts:
        # "German Foreign Minister Annalena Baerbock": the title is the role.
        role_parts.insert(0, clean(doc.text[pre_title[0].start:pre_title[-1].end]))
    rest = doc.text[name.words[-1].end:end]
    if not role_parts and rest.lstrip().startswith(","):
        # "Charles Kupchan, a senior fellow at …" parsed without an appositive link.
        role_parts.append(clean(rest))
    for word in name.titles + before:
        mention.gender = mention.gender or honorific_gender().get(word.text.lower())


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
    described = sentence.head_of(noun)
    if noun.deprel == "appos" and described is not None and described.upos == "PROPN":
        # "Ellen Marsh, a former Commerce Department official who now advises …": the
        # relative clause hangs on the appositive; the one who speaks is the name.
        noun = described
    phrase = [w for w in sentence.subtree(noun) if w.index < pronoun.index]
    phrase = [w for w in phrase if w.index <= noun.index or w.deprel in ("flat", "flat:name")]
    while phrase and phrase[0].upos in ("ADP", "PUNCT", "CCONJ"):
        phrase = phrase[1:]
    return phrase or [noun]


def _common_type(head: Word) -> str:
    roles, _ = role_entries()
    lemma = singular(head)
    plural = head.feature("Number") == "Plur"
    if (lemma in word_list("organization_heads.txt") and lemma not in roles) or \
            lemma in word_list("company_nouns.txt") or lemma in word_list("force_nouns.txt") or \
            lemma in PUBLIC_BODY_NOUNS:
        return "organization"          # "the Calgary-based miner" is a company
    if lemma in roles or lemma.rstrip("s") in roles or PLURAL_HUMAN_FALLBACK.search(lemma) or (
            lemma.endswith("sses") and lemma[:-2] in roles):        # "Witnesses said"
        return "group" if plural or lemma in COLLECTIVE_PEOPLE else "person"
    if not plural and head.upos == "NOUN" and SINGULAR_HUMAN_FALLBACK.search(lemma) and \
            lemma not in word_list("document_nouns.txt") and \
            lemma not in word_list("inanimate_nouns.txt"):
        return "person"          # a speaker "one commodities broker in London"
    return "unknown"
