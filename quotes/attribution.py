"""Parsed article -> Attribution records: cues, content spans and speaker mentions."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .document import ParsedDocument, Sentence, Word
from .lexicon import cue_lexicon, word_list
from .marks import QuoteSpan, find_quotes
from .records import Attribution

# Relations whose dependent is the speaker of a speech verb.
SUBJECT_RELATIONS = ("nsubj", "nsubj:outer")
# "was quoted by Reuters", "a statement released by the ministry": the agent speaks.
AGENT_RELATIONS = ("obl:agent",)
# A speech verb with none of its own subject borrows the subject of the verb it hangs from:
# "smiled and said" (conj), "..., adding that" (advcl), "went on to say" (xcomp).
BORROW_SUBJECT_RELATIONS = ("conj", "advcl", "xcomp")
# A cue modifying a noun ("the commander reporting that", "officials, who said") is said
# by that noun.
NOUN_MODIFIER_RELATIONS = ("acl", "acl:relcl")
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
# The reported clause of a speech verb.
CONTENT_RELATIONS = ("ccomp",)
# Complements that carry quoted words of "call", "describe", "praise": "called it “a mess”".
OBJECT_RELATIONS = ("obj", "xcomp", "obl")
# Verbs that are cues for a clause only when it is a question: "asked whether the plan…".
QUESTION_CUES = frozenset({"ask", "wonder"})
QUESTION_WORDS = frozenset({"whether", "if", "why", "how", "what", "when", "where", "who"})
# Punctuation trimmed from the edges of content and speaker spans (quotation marks are kept:
# the quotation scanner decides about them).
EDGE_PUNCT = set(",.;:—–-()[]!?…")
SENTENCE_END = re.compile(r"[.!?…]")
QUOTE_CHARS = set("\"'“”‘’«»„‟‹›‚‛")


@dataclass
class Cue:
    """A speech cue found in the parse, with what syntax says about its content and speaker."""

    sentence: Sentence
    word: Word
    lemma: str
    start: int
    end: int
    text: str
    according_to: bool = False
    speaker: list[Word] = field(default_factory=list)
    speaker_head: Word | None = None
    content: list[Word] = field(default_factory=list)
    # Nominal complements ("called the plan “a mess”"): content only when they hold a quotation.
    object_content: list[Word] = field(default_factory=list)


@dataclass
class Draft:
    """An attribution under construction."""

    kind: str
    fragments: list[tuple[int, int]]
    cue: Cue | None
    method: str
    sentence_index: int
    paragraph_index: int
    unclosed: bool = False
    quotes: list[QuoteSpan] = field(default_factory=list)
    inherited_from: "Draft | None" = None

    @property
    def start(self) -> int:
        return self.fragments[0][0]

    @property
    def end(self) -> int:
        return self.fragments[-1][1]


class QuoteIndex:
    """Fast look-up of the top-level quotations covering an offset."""

    def __init__(self, spans: list[QuoteSpan]) -> None:
        self.spans = [s for s in spans if s.depth == 0]
        self._starts = [s.open for s in self.spans]

    def covering(self, start: int, end: int) -> QuoteSpan | None:
        """The quotation (marks included) that contains [start, end), if any."""
        i = bisect.bisect_right(self._starts, start) - 1
        if i >= 0:
            span = self.spans[i]
            closing = span.close + 1 if span.close is not None else span.end
            if span.open <= start and end <= closing:
                return span
        return None

    def overlapping(self, start: int, end: int) -> list[QuoteSpan]:
        return [s for s in self.spans if s.start < end and start < s.end]


# --------------------------------------------------------------------------- cues

def _lemma_candidates(word: Word) -> list[str]:
    """The parser's lemma first, then guesses for forms its dictionary did not know."""
    form = word.text.lower()
    candidates = [word.lemma.lower(), form]
    for suffix, replacement in (("ied", "y"), ("ies", "y"), ("ed", ""), ("ed", "e"), ("es", ""),
                                ("s", ""), ("ing", ""), ("ing", "e")):
        if form.endswith(suffix) and len(form) > len(suffix) + 2:
            stem = form[: -len(suffix)] + replacement
            candidates.append(stem)
            if stem[-1:] == stem[-2:-1]:          # "admitted" -> "admitt" -> "admit"
                candidates.append(stem[:-1])
    return candidates


def cue_lemma(word: Word) -> str | None:
    lexicon = cue_lexicon()
    if word.upos not in ("VERB",) and not (word.upos == "AUX" and word.deprel != "aux"):
        return None
    for candidate in _lemma_candidates(word):
        if candidate in lexicon.lemmas:
            return candidate
    return None


def find_cues(doc: ParsedDocument, quotes: QuoteIndex) -> list[Cue]:
    """Speech verbs and "according to" outside quotations, with syntactic speaker and content."""
    cues = []
    for sentence in doc.sentences:
        for word in sentence.words:
            # A cue verb inside a quotation is the quoted speaker's, never the cue of a quote.
            if quotes.covering(word.start, word.end):
                continue
            if word.text.lower() == "according" and _next_is_to(sentence, word):
                cue = _according_to_cue(doc.text, sentence, word)
            else:
                lemma = cue_lemma(word)
                if lemma is None:
                    continue
                # "Editor's note:", "Update:": a label, not a speech verb.
                if word.index < len(sentence.words) and sentence.word(word.index + 1).text == ":" \
                        and word.text[:1].isupper():
                    continue
                # "a device called “route out”", "a group named …": naming, not speech.
                if lemma in cue_lexicon().direct_only and word.relation == "acl":
                    continue
                # "declined to comment", "refused to say": nothing was said.
                head = sentence.head_of(word)
                if word.relation == "xcomp" and head is not None and head.lemma.lower() in (
                        "decline", "refuse", "fail"):
                    continue
                cue = _verb_cue(doc.text, sentence, word, lemma)
            if cue is not None:
                _keep_speaker_outside_quotes(cue, quotes)
                if not cue.according_to and _mute_subject(cue):
                    continue
                cues.append(cue)
    return cues


def _mute_subject(cue: Cue) -> bool:
    """A "cue" whose subject cannot speak is a tagging error ("a prominent foreign policy
    pledge he made"): speakers are people, groups, institutions, documents, pronouns, names."""
    head = cue.speaker_head
    return head is not None and head.upos == "NOUN" and head.deprel.startswith("nsubj") and \
        (head.lemma or head.text).lower() in word_list("mute_nouns.txt")


def _keep_speaker_outside_quotes(cue: Cue, quotes: QuoteIndex) -> None:
    """The subject the parser found may be a word of the quotation ("“Nobody wants …,” said
    Denise Carter" parsed with "Nobody" as subject): the quoted words never speak."""
    head = cue.speaker_head
    if head is None or not quotes.covering(head.start, head.end):
        return
    sentence = cue.sentence
    outside = [w for w in sentence.words if not quotes.covering(w.start, w.end)]
    allowed = {w.index for w in outside}
    cue.speaker_head = _nearest_subject(sentence, cue.word, allowed)
    cue.speaker = (_noun_phrase(sentence, cue.speaker_head, exclude={cue.word.index})
                   if cue.speaker_head is not None else [])
    cue.speaker = [w for w in cue.speaker if w.index in allowed]


def _next_is_to(sentence: Sentence, word: Word) -> bool:
    return word.index < len(sentence.words) and sentence.word(word.index + 1).text.lower() == "to"


def _verb_cue(text: str, sentence: Sentence, word: Word, lemma: str) -> Cue:
    end = word.end
    for child in sentence.children(word):
        # "pointed out": the particle is part of the cue.
        if child.deprel == "compound:prt" and child.index == word.index + 1:
            end = child.end
    cue = Cue(sentence=sentence, word=word, lemma=lemma, start=word.start, end=end,
              text=text[word.start:end])
    cue.speaker_head = _speaker_head(sentence, word)
    if cue.speaker_head is not None and not _can_speak(cue.speaker_head) and \
            cue.speaker_head.upos != "NUM" and \
            cue.speaker_head.text.lower() not in RELATIVE_PRONOUNS:
        cue.speaker_head = None
    if cue.speaker_head is None:
        cue.speaker_head = _nearest_subject(sentence, word)
    if cue.speaker_head is not None:
        cue.speaker = _noun_phrase(sentence, cue.speaker_head, exclude={word.index})
        cue.speaker = _merge_sibling_subjects(sentence, cue, word)
    cue.content = _verb_content(sentence, word) or _positional_content(sentence, word,
                                                                        cue.speaker)
    follower = sentence.word(word.index + 1) if word.index < len(sentence.words) else None
    if follower is not None and follower.text.lower() == "that" and cue.content and \
            cue.content[0].index > follower.index:
        # "reporting that tens of thousands …" parsed with the clause's subject on the cue:
        # the reported clause starts at "that".
        cue.content = _positional_content(sentence, word, cue.speaker) or cue.content
    if not cue.content:
        cue.object_content = sorted(
            (w for child in sentence.children(word) if child.relation in OBJECT_RELATIONS
             for w in sentence.subtree(child)), key=lambda w: w.index)
        if lemma in cue_lexicon().nominal:
            cue.content = _nominal_content(sentence, word)
    return cue


def _nominal_content(sentence: Sentence, verb: Word) -> list[Word]:
    """What a "nominal" cue reports when it has no clause: "called for [a moratorium]",
    "urged [Republicans to join]", "questioned [the integrity of the vote]"."""
    children = sentence.children(verb)
    if verb.relation in ("acl", "amod") or any(c.deprel in ("aux:pass", "nsubj:pass")
                                              for c in children):
        return []             # "14 ballots rejected for …": a passive participle, no speech
    xcomp = [c for c in children if c.deprel == "xcomp"]
    objects = [c for c in children if c.deprel in ("obj", "iobj")]
    if xcomp:
        parts = objects + xcomp
    elif verb.lemma.lower() in ("tell", "ask", "respond"):
        return []             # "told the council", "responded to requests": the addressee
    else:
        parts = [c for c in children if c.relation == "obl" and any(
            g.deprel == "case" and g.text.lower() in ("for", "about", "against", "of", "on")
            for g in sentence.children(c))] or objects
    words = []
    for part in parts:
        words.extend(w for w in sentence.subtree(part)
                     if not (w.head == part.index and w.deprel == "case"))
    words = sorted(set(words), key=lambda w: w.index)
    return words if len([w for w in words if w.upos != "PUNCT"]) >= 2 else []


def _absolute_subject(sentence: Sentence, verb: Word) -> Word | None:
    """"with the country's top military commander reporting that …": in this absolute
    construction the participle's subject is the noun right before it, whatever the parser
    attached to it."""
    if verb.xpos != "VBG" or verb.index <= 2:
        return None
    before = sentence.word(verb.index - 1)
    opener = [w.text.lower() for w in sentence.words[max(0, verb.index - 9):verb.index - 1]]
    if before.upos in ("NOUN", "PROPN") and "with" in opener and \
            "," not in opener[opener.index("with"):]:
        return before
    return None


def _trailing_participle_subject(sentence: Sentence, verb: Word) -> Word | None:
    """"The Times filed a motion to unseal the records, arguing that …": a participle after a
    comma speaks for the subject of the clause before it, not for the noun the parser hung it
    on ("motion")."""
    if verb.xpos != "VBG" or verb.index <= 2 or sentence.word(verb.index - 1).text != ",":
        return None
    if any(c.deprel in SUBJECT_RELATIONS for c in sentence.children(verb)):
        return None
    for word in reversed(sentence.words[:verb.index - 2]):
        if word.upos in ("VERB", "AUX") and word.xpos != "VBG":
            subject = next((c for c in sentence.children(word)
                            if c.deprel in SUBJECT_RELATIONS + ("nsubj:pass",)), None)
            if subject is not None and subject.index < verb.index:
                return subject
    return None


def _speaker_head(sentence: Sentence, verb: Word, depth: int = 0) -> Word | None:
    children = sentence.children(verb)
    if depth == 0:
        absolute = _absolute_subject(sentence, verb)
        if absolute is not None:
            return absolute
        trailing = _trailing_participle_subject(sentence, verb)
        if trailing is not None:
            return trailing
    if verb.lemma.lower() == "quote" or verb.text.lower() == "quoted":
        # "X was quoted (by the Courier) as saying …": the one quoted speaks, not the paper.
        for child in children:
            if child.deprel in ("nsubj:pass", "nsubj"):
                return child
    for child in children:
        if child.deprel in SUBJECT_RELATIONS:
            # "Kupchan, who said …": the mention as written is "who"; speaker resolution
            # maps it to the noun it stands for.
            return child
    for child in children:
        if child.deprel in AGENT_RELATIONS:
            return child
    for child in children:
        # Passive "it was reported by X" without the agent label: an obl with case "by".
        if child.deprel == "obl" and any(c.deprel == "case" and c.text.lower() == "by"
                                         for c in sentence.children(child)):
            if any(c.deprel in ("nsubj:pass", "aux:pass") for c in children):
                return child
    head = sentence.head_of(verb)
    if head is None or depth > 2:
        return None
    if verb.deprel in NOUN_MODIFIER_RELATIONS and head.upos in ("NOUN", "PROPN", "PRON"):
        return head
    if verb.relation in BORROW_SUBJECT_RELATIONS and head.upos in ("VERB", "AUX", "ADJ", "NOUN"):
        return _speaker_head(sentence, head, depth + 1)
    return None


def _noun_phrase(sentence: Sentence, head: Word, exclude: set[int]) -> list[Word]:
    """The mention as written: the head's contiguous subtree, appositives and titles included.

    Left out: the cue and everything under it (a relative clause "who said …" holding the cue),
    and the head's own preposition ("with Devocht", "by Reuters").
    """
    subtree = {w.index for w in sentence.subtree(head)}
    removed = set(exclude)
    for index in exclude:
        if index in subtree and index != head.index:
            removed |= {w.index for w in sentence.subtree(sentence.word(index))}
    removed |= {w.index for c in sentence.children(head)
                if c.deprel in ("case", "advmod", "discourse", "cc")
                for w in sentence.subtree(c)}
    members = subtree - removed
    members.add(head.index)
    left = right = head.index
    while left - 1 in members:
        left -= 1
    while right + 1 in members:
        right += 1
    words = sentence.words[left - 1:right]
    return _trim_punct(words)


def _trim_punct(words: list[Word]) -> list[Word]:
    start, end = 0, len(words)
    while start < end and (words[start].upos == "PUNCT" and words[start].text not in QUOTE_CHARS
                           or words[start].deprel == "cc"):
        start += 1
    while end > start and words[end - 1].upos == "PUNCT" and words[end - 1].text not in QUOTE_CHARS:
        end -= 1
    return words[start:end]


def _merge_sibling_subjects(sentence: Sentence, cue: Cue, verb: Word) -> list[Word]:
    """A parser that split "Charles Kupchan, a senior fellow …" into several subjects of the
    verb: the mention runs from the first subject to the end of the last one before the verb."""
    subjects = [c for c in sentence.children(verb) if c.deprel in SUBJECT_RELATIONS
                and c.index < verb.index]
    if len(subjects) < 2 or cue.speaker_head not in subjects:
        return cue.speaker
    words = []
    for subject in subjects:
        words.extend(_noun_phrase(sentence, subject, exclude={verb.index}))
    first, last = min(w.index for w in words), max(w.index for w in words)
    return _trim_punct(sentence.words[first - 1:last])


TIME_WORDS = frozenset("""january february march april may june july august september october
november december monday tuesday wednesday thursday friday saturday sunday yesterday today
tonight tomorrow week month year night morning afternoon evening weekend""".split())


def _can_speak(word: Word) -> bool:
    return (word.upos in ("NOUN", "PROPN", "PRON") and word.text.lower() not in RELATIVE_PRONOUNS
            and word.text.lower() not in TIME_WORDS and (word.lemma or "").lower() not in TIME_WORDS)


def _nearest_subject(sentence: Sentence, verb: Word,
                     allowed: set[int] | None = None) -> Word | None:
    """When the parse gives a cue no subject: the noun just before it ("Kupchan, however,
    noted", "Sen. David Perdue (R-Ga.) said"), or just after it in the inverted order
    ("…,” said the spokesman")."""
    skip = {"ADV", "AUX", "PART"}
    index = verb.index - 1
    steps = 0
    while index >= 1 and steps < 8:
        word = sentence.word(index)
        steps += 1
        if allowed is not None and index not in allowed:
            break
        if word.text == ")":
            # A party label or aside: "(R-Ga.)", "(D-N.C.)".
            opening = next((w.index for w in reversed(sentence.words[:index - 1])
                            if w.text == "("), None)
            if opening is None:
                break
            index = opening - 1
            continue
        if word.upos in skip or word.text in (",", "—", "–"):
            index -= 1
            continue
        if _can_speak(word):
            return _phrase_head(sentence, word)
        break
    if verb.index < len(sentence.words):
        for word in sentence.words[verb.index:verb.index + 6]:
            if allowed is not None and word.index not in allowed:
                break
            if word.text.lower() in TIME_WORDS or word.upos in ("ADP", "ADV") or \
                    word.text in (",",):
                continue
            if _can_speak(word):
                return _phrase_head(sentence, word)
            if word.upos not in ("DET", "ADJ", "NUM"):
                break
    return None


def _phrase_head(sentence: Sentence, word: Word) -> Word:
    """Climb from a word to the head of its noun phrase (through name and modifier links)."""
    current = word
    for _ in range(4):
        head = sentence.head_of(current)
        if head is None or current.deprel not in ("flat", "flat:name", "compound", "amod",
                                                  "det", "nmod:poss", "nummod"):
            break
        if head.upos not in ("NOUN", "PROPN"):
            break
        current = head
    return current


def _positional_content(sentence: Sentence, verb: Word, speaker: list[Word]) -> list[Word]:
    """Reported content the parse missed, found by position:

    - "reporting that …", "said in a statement that …": from "that" to the end of the sentence;
    - "said: …": from the colon to the end;
    - "said the plan would fail": a clause right after the cue, to the end;
    - "…, officials said." / "…, said Keller, a hydrologist …": the sentence before the comma
      that precedes the cue phrase.
    """
    words = sentence.words
    end = len(words)
    while end > 0 and words[end - 1].upos == "PUNCT" and words[end - 1].text not in QUOTE_CHARS:
        end -= 1
    speaker_ids = {w.index for w in speaker}
    for word in words[verb.index:min(end, verb.index + 8)]:
        if word.text.lower() == "that" and word.upos in ("SCONJ", "PRON", "DET"):
            return words[word.index - 1:end]
        if word.text == ":":
            return words[word.index:end]
        if word.upos in ("VERB", "AUX") or word.text in (".", ";", ","):
            break
    # "…, said Priya Menon, a partner …": the clause after the cue is its speaker's.
    inverted = verb.index > 1 and words[verb.index - 2].text in (",", "—") and bool(
        speaker) and speaker[0].index > verb.index
    if verb.index < end and not inverted and \
            verb.lemma.lower() not in ("tell", "ask", "inform", "assure"):
        first = words[verb.index]
        rest = words[verb.index:end]
        if first.index not in speaker_ids and first.upos in (
                "DET", "PRON", "PROPN", "NOUN", "NUM", "ADJ") and any(
                w.upos in ("VERB", "AUX") for w in rest[1:]):
            return rest
    # The cue phrase closes the sentence: find the comma just before it (or before its speaker).
    phrase_start = min([verb.index] + [i for i in speaker_ids if i < verb.index])
    if phrase_start > 2 and words[phrase_start - 2].text in (",", "—"):
        tail = [w for w in words[verb.index:end] if w.index not in speaker_ids
                and w.upos != "PUNCT"]
        before = words[:phrase_start - 2]
        # "…, the company said on Monday, weeks after its largest customer canceled …"
        if (len(tail) <= 12 or (speaker and speaker[0].index > verb.index)) and any(
                w.upos in ("VERB", "AUX") for w in before):
            return before
    comma = max((w.index for w in words[:verb.index - 1] if w.text == ","), default=None)
    if comma is not None and comma > 2 and not any(
            w.upos == "VERB" for w in words[comma:verb.index - 1]):
        tail = [w for w in words[verb.index:end] if w.upos != "PUNCT"]
        if len(tail) <= 6:
            return words[:comma - 1]
    return []


def _verb_content(sentence: Sentence, verb: Word) -> list[Word]:
    children = sentence.children(verb)
    content: list[Word] = []
    for child in children:
        if child.deprel in CONTENT_RELATIONS:
            content.extend(sentence.subtree(child))
    if not content:
        for child in children:
            # "He said: the plan will fail." / "told reporters: “...”"
            if child.relation == "parataxis" and _colon_between(sentence, verb, child):
                content.extend(sentence.subtree(child))
    if not content and verb.relation == "parataxis":
        # "The plan, he said, will fail." / "“...,” Kupchan said." The cue is inserted into
        # the reported clause, which is everything under its head except the cue's own phrase.
        head = sentence.head_of(verb)
        if head is not None:
            cue_phrase = {w.index for w in sentence.subtree(verb)}
            content = [w for w in sentence.subtree(head) if w.index not in cue_phrase]
    return sorted(set(content), key=lambda w: w.index) if content else []


def _colon_between(sentence: Sentence, verb: Word, child: Word) -> bool:
    low, high = sorted((verb.index, child.index))
    return any(w.text in (":", "—", "–") for w in sentence.words[low:high - 1])


def _according_to_cue(text: str, sentence: Sentence, according: Word) -> Cue | None:
    to = sentence.word(according.index + 1)
    cue = Cue(sentence=sentence, word=according, lemma="according to", start=according.start,
              end=to.end, text=text[according.start:to.end], according_to=True)
    source = sentence.head_of(according)
    clause = sentence.head_of(source) if source is not None else None
    syntactic = (according.deprel == "case" and source is not None and clause is not None
                 and source.upos in ("NOUN", "PROPN", "PRON", "NUM", "X")
                 and source.index > to.index)
    if syntactic:
        cue.speaker_head = source
        cue.speaker = _noun_phrase(sentence, source, exclude={according.index, to.index})
        phrase = {w.index for w in sentence.subtree(source)} | {according.index, to.index}
        words = sentence.words
        last = max(phrase)
        rest = [w for w in words[last:] if w.upos != "PUNCT"]
        before = _trim_punct(words[:according.index - 1])
        if not rest and before:
            # "…, according to sources familiar with the plans.": everything before it.
            cue.content = before
        elif not before:
            # "According to the ministry, …": everything after the phrase.
            cue.content = _trim_punct(words[last:])
        else:
            cue.content = [w for w in sentence.subtree(clause) if w.index not in phrase]
        return cue
    # The parser misread the phrase: go by position.  The source runs from "to" to the next
    # comma (or the sentence end); the content is the rest of the sentence on the other side.
    words = sentence.words
    stop = next((w.index for w in words[to.index:] if w.text in (",", ";", ".", "—")),
                len(words) + 1)
    source_words = _trim_punct(words[to.index:stop - 1])
    if not source_words:
        return None
    cue.speaker = source_words
    cue.speaker_head = next((w for w in source_words if w.head not in
                             {x.index for x in source_words}), source_words[0])
    before = _trim_punct(words[:according.index - 1])
    after = _trim_punct(words[stop:]) if stop <= len(words) else []
    cue.content = before + after if before else after
    return cue


# --------------------------------------------------------------------------- extraction

def extract_from_parse(doc: ParsedDocument, doc_id: str | None = None) -> list[Attribution]:
    """All attributions of a parsed article, in reading order."""
    text = doc.text
    all_quotes = find_quotes(text)
    quotes = QuoteIndex(all_quotes)
    cues = find_cues(doc, quotes)
    drafts: list[Draft] = []
    used: set[int] = set()          # ids of quotations already given to an attribution
    lexicon = cue_lexicon()
    claimed = _attach_adjacent_quotes(doc, quotes, cues, drafts, used)
    _attach_labelled_speech(doc, quotes, drafts, used)

    for cue in cues:
        if id(cue) in claimed:
            continue
        content = _extend_to_clause_end(_trim_punct(cue.content), cue, cues)
        if not content and cue.object_content and cue.lemma in lexicon.direct_only:
            objects = _trim_punct(cue.object_content)
            if objects and quotes.overlapping(objects[0].start, objects[-1].end):
                content = objects
        if not content:
            continue
        start, end = content[0].start, content[-1].end
        inside = [q for q in quotes.overlapping(start, end) if id(q) not in used]
        if cue.lemma in lexicon.direct_only and not inside and not (
                cue.lemma in QUESTION_CUES and content[0].text.lower() in QUESTION_WORDS):
            continue
        kind = _kind_of(content, inside)
        if kind == "direct":
            fragments = [(q.start, q.end) for q in inside]
        else:
            start = min([start] + [q.open for q in inside])
            end = max([end] + [(q.close + 1 if q.close is not None else q.end) for q in inside])
            fragments = _runs(content, start, end, text)
        for q in inside:
            used.add(id(q))
        drafts.append(Draft(kind=kind, fragments=fragments, cue=cue,
                            method="according_to" if cue.according_to else "syntax",
                            sentence_index=cue.sentence.index,
                            paragraph_index=cue.sentence.paragraph_index,
                            unclosed=any(not q.closed for q in inside), quotes=inside))

    _link_remaining_quotes(doc, quotes, cues, drafts, used)
    return _to_records(doc, drafts, doc_id)


AFTER_QUOTE = re.compile(r"[\s,]*")             # “…,” said Kupchan / “…,” he said
BEFORE_QUOTE = re.compile(r"\s*[,:]?\s*|\s*(?:[\w’'.-]+\s+){0,3}[\w’'.-]+\s*[,:]\s*")


# What may stand between the cue phrase and the next piece of the same quotation:
# `“…,” she said, “…”`, `“…,” she said. “…”`, `“…,” she said, clapping. “…”`.
BETWEEN_PIECES = re.compile(r"\s*(?:,\s*[\w’'-]+(?:\s+[\w’'-]+){0,3})?\s*[,.:;]?\s*")


def _previous_piece(text: str, quote: QuoteSpan, claimed: dict[int, "Draft"],
                    quotes: QuoteIndex) -> "Draft | None":
    for draft in claimed.values():
        last = draft.quotes[-1] if draft.quotes else None
        if last is None or last.close is None or last.paragraph_index != quote.paragraph_index:
            continue
        if not last.close < quote.open:
            continue
        cue = draft.cue
        if cue is None:
            continue
        if last.close < cue.start < quote.open:
            # The cue phrase sits between the pieces: nothing but it may.
            ends = [cue.end] + [w.end for w in cue.speaker if w.end <= quote.open]
            if BETWEEN_PIECES.fullmatch(text[max(ends):quote.open]) and not quotes.overlapping(
                    last.close + 1, max(ends)):
                return draft
        elif cue.end <= last.open and not text[last.close + 1:quote.open].strip():
            return draft              # “…” “…” back to back after the cue
    return None


def _attach_adjacent_quotes(doc: ParsedDocument, quotes: QuoteIndex, cues: list[Cue],
                            drafts: list[Draft], used: set[int]) -> set[int]:
    """The newsroom pattern, read off the text: a cue phrase touching a quotation.

    `“…,” Kupchan said.` / `“…,” said Kupchan, a fellow …` (the phrase right after the closing
    mark) and `Kupchan said: “…”` / `told reporters, “…”` (right before the opening mark).
    A quotation split by its cue (`“…,” he said, “…”`) becomes one attribution in two pieces.
    Returns the ids of the cues used.
    """
    text = doc.text
    claimed: dict[int, Draft] = {}
    speaking = [c for c in cues if c.speaker_head is not None and not c.according_to]
    # Quotations embedded in another cue's reported clause ("told VOA that Trump might
    # “broker a cease-fire,” a pledge he made") are partial quotes of that clause.
    embedded = []
    for cue in cues:
        content = _trim_punct(cue.content)
        if content:
            embedded.append((content[0].start, content[-1].end))
    for quote in quotes.spans:
        if any(start < quote.open < end for start, end in embedded):
            continue
        after = before = None
        if quote.close is not None:
            for cue in speaking:
                starts = [cue.start] + [w.start for w in cue.speaker if w.start > quote.close]
                phrase_start = min(starts)
                gap = text[quote.close + 1:phrase_start]
                if phrase_start > quote.close and "\n" not in gap and AFTER_QUOTE.fullmatch(gap):
                    after = cue
                    break
        for cue in speaking:
            if cue.end > quote.open:
                continue
            ends = [cue.end] + [w.end for w in cue.speaker if w.end <= quote.open]
            gap = text[max(ends):quote.open]
            if "\n" not in gap and BEFORE_QUOTE.fullmatch(gap):
                before = cue
        previous = _previous_piece(text, quote, claimed, quotes)
        if previous is not None:
            # A quotation split by its cue ("“…,” she said. “…”") or continued right after a
            # piece of it, in the same paragraph: one attribution, several pieces.
            previous.fragments.append((quote.start, quote.end))
            previous.quotes.append(quote)
            previous.unclosed = previous.unclosed or not quote.closed
            used.add(id(quote))
            continue
        if before is not None and id(before) in claimed:
            best = (0, before)            # the second piece of a split quotation
        elif after is not None:
            best = (0, after)
        elif before is not None:
            best = (0, before)
        else:
            continue
        cue = best[1]
        if id(cue) in claimed:
            draft = claimed[id(cue)]
            if draft.quotes and draft.quotes[-1].end < quote.open:
                draft.fragments.append((quote.start, quote.end))
                draft.quotes.append(quote)
                draft.unclosed = draft.unclosed or not quote.closed
                used.add(id(quote))
            continue
        draft = Draft(kind="direct", fragments=[(quote.start, quote.end)], cue=cue,
                      method="adjacent", sentence_index=cue.sentence.index,
                      paragraph_index=cue.sentence.paragraph_index,
                      unclosed=not quote.closed, quotes=[quote])
        drafts.append(draft)
        claimed[id(cue)] = draft
        used.add(id(quote))
    return set(claimed)


# "PENCE: Well, look, …" (transcripts) and "Graham: Trump’s rhetoric destroying GOP" (headlines).
SPEAKER_LABEL = re.compile(r"[\"“]?((?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w.'’-]*"
                           r"(?:\s+\([^)]{1,30}\))?)\s*:\s+(?=\S)")
NOT_SPEAKER_LABELS = frozenset("""note update updated editor editors editor’s editor's related
read watch photo photos video source sources correction clarification disclosure warning
breaking exclusive also see follow listen subscribe advertisement q a question answer the latest
more""".split())
# Title-case headline words that never belong to a speaker's name ("Stealth Over Health: …").
HEADLINE_WORDS = frozenset("over of to in for and on with at by from as is are was be".split())
# “…” ― Sonya Herridge (reader comments, pull quotes)
DASH_SIGNATURE = re.compile(r"\s*(?:[―—–]|--)\s*([A-Z][^\n,;(“”\"]{1,60})")


def _words_between(doc: ParsedDocument, start: int, end: int) -> tuple[Sentence | None,
                                                                         list[Word]]:
    """Words overlapping [start, end), from the first sentence that has any."""
    for sentence in doc.sentences:
        if sentence.end <= start or sentence.start >= end:
            continue
        words = [w for w in sentence.words if w.start < end and start < w.end]
        if words:
            return sentence, words
    return None, []


def _label_cue(doc: ParsedDocument, mark_start: int, mark_end: int, speaker_start: int,
               speaker_end: int, lemma: str) -> Cue | None:
    sentence, marks = _words_between(doc, mark_start, mark_end)
    speaker_sentence, speaker = _words_between(doc, speaker_start, speaker_end)
    if not speaker:
        return None
    if sentence is None or not marks:
        sentence, marks = speaker_sentence, speaker[:1]
    ids = {w.index for w in speaker}
    head = next((w for w in speaker if w.head not in ids), speaker[-1])
    return Cue(sentence=sentence, word=marks[0], lemma=lemma, start=mark_start, end=mark_end,
               text=doc.text[mark_start:mark_end], speaker=speaker, speaker_head=head)


def _attach_labelled_speech(doc: ParsedDocument, quotes: QuoteIndex, drafts: list[Draft],
                            used: set[int]) -> None:
    """Speech labelled by its speaker instead of a verb: transcript and headline labels
    ("WALLACE: …", "Graham: …") and dash signatures after a quotation ("“…” ― Name")."""
    from .marks import paragraphs

    text = doc.text
    taken = [(d.start, d.end) for d in drafts]
    for paragraph in paragraphs(text):
        body = text[paragraph.start:paragraph.end]
        match = SPEAKER_LABEL.match(body)
        if not match or match.group(1).split()[0].lower().strip(".") in NOT_SPEAKER_LABELS:
            continue
        if any(w.lower() in HEADLINE_WORDS for w in match.group(1).split()[1:]):
            continue
        if len(match.group(1)) > 60 or any(s < paragraph.end and paragraph.start < e
                                           for s, e in taken):
            continue
        label_start = paragraph.start + match.start(1)
        label_end = paragraph.start + match.end(1)
        colon = text.index(":", label_end)
        cue = _label_cue(doc, colon, colon + 1, label_start, label_end, ":")
        if cue is None:
            continue
        start, end = paragraph.start + match.end(), paragraph.end
        inside = [q for q in quotes.overlapping(start, end) if id(q) not in used]
        if inside and inside[0].open < start:
            # "\"WALLACE: Let's start …" — a transcript excerpt quoted as a whole.
            end = min(end, inside[0].end)
            used.add(id(inside[0]))
            inside = inside[1:]
        kind = "indirect"
        if inside:
            whole = inside[0].open == start and (inside[-1].close or end) + 1 >= end - 1
            kind = "direct" if whole and len(inside) == 1 else "mixed"
        fragments = [(inside[0].start, inside[0].end)] if kind == "direct" else [(start, end)]
        for q in inside:
            used.add(id(q))
        drafts.append(Draft(kind=kind, fragments=fragments, cue=cue, method="label",
                            sentence_index=cue.sentence.index,
                            paragraph_index=paragraph.index, quotes=inside))
    for quote in quotes.spans:
        if id(quote) in used or quote.close is None:
            continue
        match = DASH_SIGNATURE.match(text, quote.close + 1)
        if not match:
            continue
        name_end = match.start(1) + len(match.group(1).rstrip(" .!?"))
        cue = _label_cue(doc, match.start(), match.start(1), match.start(1), name_end, "—")
        if cue is None:
            continue
        cue.start = cue.word.start
        cue.end = cue.word.end
        cue.text = text[cue.start:cue.end]
        used.add(id(quote))
        drafts.append(Draft(kind="direct", fragments=[(quote.start, quote.end)], cue=cue,
                            method="label", sentence_index=cue.sentence.index,
                            paragraph_index=quote.paragraph_index, unclosed=False,
                            quotes=[quote]))


def _extend_to_clause_end(content: list[Word], cue: Cue, cues: list[Cue]) -> list[Word]:
    """Reported speech after its cue runs to the end of the sentence: the parser often hangs
    a trailing relative or adverbial clause ("…, which she was doing when …") on the main
    verb instead.  It stops before the next cue phrase (", adding that …", ", according to")."""
    if not content or cue.according_to or content[0].index < cue.word.index:
        return content
    sentence = cue.sentence
    stop = len(sentence.words) + 1
    for other in cues:
        if other is not cue and other.sentence is sentence and \
                other.word.index > content[0].index:
            first = min([other.word.index] + [w.index for w in other.speaker])
            stop = min(stop, first)
    tail = sentence.words[content[-1].index:stop - 1]
    if any(w.text in (";",) for w in tail):
        tail = tail[:next(i for i, w in enumerate(tail) if w.text == ";")]
    extended = content + tail
    return _trim_punct(extended)


def _kind_of(content: list[Word], quotes: list[QuoteSpan]) -> str:
    if not quotes:
        return "indirect"
    outside = [w for w in content if w.upos != "PUNCT" and not any(
        q.open <= w.start and w.end <= (q.close + 1 if q.close is not None else q.end)
        for q in quotes)]
    return "mixed" if outside else "direct"


def _runs(content: list[Word], start: int, end: int, text: str) -> list[tuple[int, int]]:
    """Contiguous pieces of the content (a cue inserted mid-clause splits it)."""
    indices = [w.index for w in content]
    runs: list[list[Word]] = []
    for word, index in zip(content, indices):
        if runs and index == runs[-1][-1].index + 1:
            runs[-1].append(word)
        else:
            runs.append([word])
    pieces = []
    for run in runs:
        run = _trim_punct(run)
        if run:
            pieces.append((run[0].start, run[-1].end))
    if not pieces:
        return [(start, end)]
    pieces[0] = (min(start, pieces[0][0]), pieces[0][1])
    pieces[-1] = (pieces[-1][0], max(end, pieces[-1][1]))
    return pieces


def _sentence_at(doc: ParsedDocument, offset: int) -> Sentence | None:
    for sentence in doc.sentences:
        if sentence.start <= offset < sentence.end + 1:
            return sentence
        if sentence.start > offset:
            return sentence
    return doc.sentences[-1] if doc.sentences else None


def _link_remaining_quotes(doc: ParsedDocument, quotes: QuoteIndex, cues: list[Cue],
                           drafts: list[Draft], used: set[int]) -> None:
    """Quotations no cue claimed syntactically: split quotes, adjacent cues, follow-ons, scare."""
    text = doc.text
    cues_with_content = {id(d.cue) for d in drafts if d.cue is not None}
    for quote in quotes.spans:
        if id(quote) in used:
            continue
        sentence = _sentence_at(doc, quote.start)
        if sentence is None:
            continue
        # 1. The second half of a quotation split by its cue: “…,” he said, “…”
        merged = False
        for draft in drafts:
            if draft.kind != "direct" or draft.cue is None or draft.end > quote.open:
                continue
            last = draft.quotes[-1] if draft.quotes else None
            if last is None or last.close is None or draft.cue.start < last.close:
                continue
            gap = text[last.close + 1:quote.open]
            if len(gap) < 80 and not SENTENCE_END.search(gap) and draft.cue.end <= quote.open:
                draft.fragments.append((quote.start, quote.end))
                draft.quotes.append(quote)
                draft.unclosed = draft.unclosed or not quote.closed
                used.add(id(quote))
                merged = True
                break
        if merged:
            continue
        # 2. A cue with no content of its own in the same or the previous sentence:
        #    “…,” said the spokesman, who asked… / Kupchan said: (newline) “…”
        cue = _adjacent_cue(doc, sentence, quote, cues, cues_with_content)
        if cue is not None:
            cues_with_content.add(id(cue))
            drafts.append(Draft(kind="direct", fragments=[(quote.start, quote.end)], cue=cue,
                                method="adjacent", sentence_index=cue.sentence.index,
                                paragraph_index=cue.sentence.paragraph_index,
                                unclosed=not quote.closed, quotes=[quote]))
            used.add(id(quote))
            continue
        # 3. Scare quotes, titles and nicknames: short and not a sentence of speech.
        if _is_scare(doc, sentence, quote):
            drafts.append(Draft(kind="scare", fragments=[(quote.start, quote.end)], cue=None,
                                method="scare", sentence_index=sentence.index,
                                paragraph_index=quote.paragraph_index,
                                unclosed=not quote.closed, quotes=[quote]))
            used.add(id(quote))
            continue
        # 4. A follow-on quotation with no cue: it belongs to the previous speaker.
        previous = _previous_speaker_draft(drafts, quote)
        drafts.append(Draft(kind="direct", fragments=[(quote.start, quote.end)],
                            cue=previous.cue if previous else None,
                            method="continuation" if previous else "unattributed",
                            sentence_index=sentence.index, paragraph_index=quote.paragraph_index,
                            unclosed=not quote.closed, quotes=[quote], inherited_from=previous))
        used.add(id(quote))


def _adjacent_cue(doc: ParsedDocument, sentence: Sentence, quote: QuoteSpan, cues: list[Cue],
                  claimed: set[int]) -> Cue | None:
    best = None
    for cue in cues:
        if id(cue) in claimed or cue.speaker_head is None:
            continue
        if cue.sentence.index == sentence.index or (
                quote.close is not None and _sentence_at(doc, quote.close) is cue.sentence):
            distance = min(abs(cue.start - quote.end), abs(quote.start - cue.end))
        elif cue.sentence.index == sentence.index - 1 and cue.sentence.paragraph_index in (
                quote.paragraph_index, quote.paragraph_index - 1):
            # "Kupchan said:" closing the previous sentence or paragraph.
            tail = doc.text[cue.end:quote.open]
            if not tail.rstrip().endswith(":"):
                continue
            distance = quote.open - cue.end
        else:
            continue
        if best is None or distance < best[0]:
            best = (distance, cue)
    return best[1] if best else None


def _is_scare(doc: ParsedDocument, sentence: Sentence, quote: QuoteSpan) -> bool:
    inner = doc.text[quote.start:quote.end].strip()
    words = inner.split()
    if len(words) <= 2 and not inner.endswith((".", "?", "!")):
        return True
    ends_like_speech = bool(re.search(r"[.!?,…—–-]\W*$", inner))
    opens_sentence = doc.text[sentence.start:quote.open].strip() == ""
    return not ends_like_speech and not (opens_sentence and len(words) >= 3)


def _previous_speaker_draft(drafts: list[Draft], quote: QuoteSpan) -> Draft | None:
    candidates = [d for d in drafts if d.end <= quote.open and d.kind != "scare"
                  and (d.cue is not None and d.cue.speaker_head is not None
                       or d.inherited_from is not None)
                  and quote.paragraph_index - d.paragraph_index <= 1]
    if not candidates:
        return None
    previous = max(candidates, key=lambda d: d.end)
    return previous.inherited_from or previous


def _to_records(doc: ParsedDocument, drafts: list[Draft], doc_id: str | None) -> list[Attribution]:
    text = doc.text
    drafts.sort(key=lambda d: (d.start, d.end))
    records = []
    for number, draft in enumerate(drafts, start=1):
        cue = draft.cue
        speaker_words = cue.speaker if cue is not None else []
        # A follow-on quotation has no cue of its own; its speaker is the previous one's.
        has_cue = cue is not None and draft.kind != "scare" and draft.method != "continuation"
        records.append(Attribution(
            doc_id=doc_id,
            quote_id=number,
            kind=draft.kind,
            text=text[draft.start:draft.end],
            start=draft.start,
            end=draft.end,
            fragments=tuple(draft.fragments),
            cue=cue.text if has_cue else None,
            cue_lemma=cue.lemma if has_cue else None,
            cue_start=cue.start if has_cue else None,
            cue_end=cue.end if has_cue else None,
            speaker=text[speaker_words[0].start:speaker_words[-1].end] if speaker_words else None,
            speaker_start=speaker_words[0].start if speaker_words else None,
            speaker_end=speaker_words[-1].end if speaker_words else None,
            speaker_head=cue.speaker_head.text if cue is not None and cue.speaker_head else None,
            method=draft.method,
            sentence_index=draft.sentence_index,
            paragraph_index=draft.paragraph_index,
            unclosed=draft.unclosed,
            model=doc.model or None,
        ))
    return records
