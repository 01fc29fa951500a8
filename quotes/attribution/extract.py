"""Parsed article -> Attribution records.

The passes, in order: speech cues with their syntactic speaker and content (``cues``);
cue phrases touching a quotation (``adjacent``); speaker labels and dash signatures
(``labels``); the remaining cues' reported clauses; then quotations still unclaimed —
second pieces of split quotations, nearby cues, scare quotes, follow-ons (here).
"""
from __future__ import annotations

import re

from ..lexicon import cue_lexicon, table, word_list
from ..parse.document import ParsedDocument, Sentence, Word
from ..records import Attribution
from .adjacent import attach_adjacent_quotes
from .cue_syntax import trim_punct
from .cues import find_cues, quoted_content
from .drafts import Claims, Cue, Draft, cue_key, new_draft, quote_key
from .labels import attach_labelled_speech
from .marks import (
    QUOTE_MARKS,
    QuoteIndex,
    QuoteSpan,
    ends_sentence,
    find_quotes,
    names_a_title,
)

# Verbs that are cues for a clause only when it is a question: "asked whether the plan…".
QUESTION_CUES = frozenset(w for w, kind in table("question_cues.txt").items() if kind == ("cue",))
QUESTION_WORDS = frozenset(w for w, kind in table("question_cues.txt").items()
                           if kind == ("opener",))


def extract_from_parse(doc: ParsedDocument, doc_id: str | None = None) -> list[Attribution]:
    """All attributions of a parsed article, in reading order."""
    text = doc.text
    all_quotes = find_quotes(text)
    quotes = QuoteIndex(all_quotes)
    cues = find_cues(doc, quotes)
    # Each pass reads what the passes before it took and returns what it takes itself.
    claims = attach_adjacent_quotes(doc, quotes, cues)
    claims = claims | attach_labelled_speech(doc, quotes, claims)
    claims = claims | _reported_speech(doc, quotes, cues, claims)
    claims = claims | _link_remaining_quotes(doc, quotes, cues, claims)
    return _to_records(doc, claims.drafts, doc_id)


def _reported_speech(doc: ParsedDocument, quotes: QuoteIndex, cues: list[Cue],
                     taken: Claims) -> Claims:
    """The remaining cues' reported clauses, with the quotations inside them."""
    text = doc.text
    lexicon = cue_lexicon()
    found = Claims()
    # "FALLIN: … If you watch what he said this week …", "Obama: I’m Optimistic Americans
    # Will Say No to Trump": what a label introduces is its speaker's words, as a quotation.
    labelled = [(d.start, d.end) for d in taken.drafts if d.method == "label"]
    for cue in cues:
        if cue_key(cue) in taken.cues or any(s <= cue.word.start < e for s, e in labelled):
            continue
        content = _before_next_cue(_extend_to_clause_end(trim_punct(cue.content), cue, cues),
                                   cue, cues, text)
        content = quoted_content(cue, content, quotes) or content
        if not content:
            continue
        start, end = content[0].start, content[-1].end
        inside = [q for q in quotes.overlapping(start, end)
                  if not taken.took(q) and not found.took(q)]
        if cue.lemma in lexicon.direct_only and not inside and not (
                cue.lemma in QUESTION_CUES and content[0].text.lower() in QUESTION_WORDS) \
                and not _public_demand(cue) and not _reports_that_clause(cue, content):
            continue
        kind = _kind_of(content, inside)
        if kind == "direct":
            fragments = [(q.start, q.end) for q in inside]
        else:
            start = min([start] + [q.open for q in inside])
            end = max([end] + [q.after for q in inside])
            fragments = _runs(content, start, end, text)
        found.add(new_draft(kind, fragments, cue=cue,
                            method="according_to" if cue.according_to else "syntax",
                            sentence_index=cue.sentence.index,
                            paragraph_index=cue.sentence.paragraph_index, quotes=inside))
    return found


def _reports_that_clause(cue: Cue, content: list) -> bool:
    """"COPA recommended that Ruszkowski be fired", "A WARN notice … shows that 412 of the
    cuts are …": a direct-only cue that reports a "that" clause in a finite form; "show" only
    when a document or data says it (not "eager to show that", "Fiorina showed hints")."""
    if cue.lemma not in cue_lexicon().that_clause or content[0].text.lower() != "that" or \
            cue.word.xpos in ("VB", "VBG") or cue.speaker_head is None:
        return False
    if cue.lemma != "show":
        return True
    head = cue.speaker_head
    return (head.lemma or head.text).lower() in word_list("document_nouns.txt") or \
        head.text.lower() in word_list("document_nouns.txt")


def _public_demand(cue: Cue) -> bool:
    """"Trump called for a special prosecutor", "called on Sanders to release …": calling
    for something is a statement of what the speaker demands, not naming ("called him a
    liar" still needs its quotation)."""
    if cue.lemma != "call" or cue.according_to:
        return False
    sentence, verb = cue.sentence, cue.word
    children = sentence.children(verb)
    if any(c.deprel == "compound:prt" for c in children):
        return False            # "calling out Trump for …", "called off the talks"

    def oblique(preposition: str) -> bool:
        return any(c.relation == "obl" and any(g.deprel == "case" and g.text.lower() ==
                                               preposition for g in sentence.children(c))
                   for c in children)
    # "called on Sanders to release …", not "called Machado on Friday to thank her"
    on = oblique("on") and any(c.deprel == "xcomp" or c.deprel == "advcl" and any(
        g.deprel == "mark" and g.text.lower() == "to" for g in sentence.children(c))
        for c in children) and not any(c.deprel in ("obj", "iobj") for c in children)
    return oblique("for") or on


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
    return trim_punct(extended)


# a quotation opening right after a cue word: "saying, “", "shot back: ''"
QUOTATION_NEXT = re.compile(r"[\s,:]*(?:''|``|[\"“‘«])")


def _before_next_cue(content: list[Word], cue: Cue, cues: list[Cue], text: str) -> list[Word]:
    """"urged women to vote for her, saying, “…”", "After Brown criticized Bill Clinton,
    Hillary shot back, “…”": a cue phrase of its own after a comma inside the content (a
    participle, or a verb with its own speaker) that a quotation follows ends the content;
    the quotation is that cue's."""
    if not content:
        return content
    sentence = cue.sentence
    for other in cues:
        if other is cue or other.sentence is not sentence or other.according_to or \
                not content[0].index < other.word.index <= content[-1].index:
            continue
        # its phrase: the cue and a speaker of its own inside the content ("Hillary shot
        # back"); a participle borrows the subject of the clause ("…, saying")
        own_speaker = [w.index for w in other.speaker
                       if content[0].index < w.index < other.word.index]
        first = min([other.word.index] + own_speaker)
        before = sentence.word(first - 1) if first > 1 else None
        own_phrase = other.word.xpos == "VBG" or bool(own_speaker)
        if before is not None and before.text in (",", "—", "–") and own_phrase and \
                first > content[0].index and QUOTATION_NEXT.match(text, other.word.end):
            return trim_punct([w for w in content if w.index < first - 1])
    return content


def _kind_of(content: list[Word], quotes: list[QuoteSpan]) -> str:
    if not quotes:
        return "indirect"
    outside = [w for w in content if w.upos != "PUNCT" and not any(
        q.open <= w.start and w.end <= q.after
        for q in quotes)]
    return "mixed" if outside else "direct"


def _runs(content: list[Word], start: int, end: int, text: str) -> list[tuple[int, int]]:
    """Contiguous pieces of the content (a cue inserted mid-clause splits it; a comma the
    parser hung elsewhere does not)."""
    runs: list[list[Word]] = []
    for word in content:
        if runs and (word.index == runs[-1][-1].index + 1 or
                     not any(c.isalnum() for c in text[runs[-1][-1].end:word.start])):
            runs[-1].append(word)
        else:
            runs.append([word])
    pieces = []
    for run in runs:
        run = trim_punct(run)
        if run:
            pieces.append((run[0].start, run[-1].end))
    if not pieces:
        return [(start, end)]
    pieces[0] = (min(start, pieces[0][0]), pieces[0][1])
    pieces[-1] = (pieces[-1][0], max(end, pieces[-1][1]))
    return pieces


def _link_remaining_quotes(doc: ParsedDocument, quotes: QuoteIndex, cues: list[Cue],
                           taken: Claims) -> Claims:
    """Quotations no cue claimed syntactically: split quotes, adjacent cues, follow-ons, scare.
    A second piece of an earlier attribution is added to it (its only change)."""
    text = doc.text
    found = Claims()
    cues_with_content = set(taken.cues)
    cues_by_sentence: dict[int, list[tuple[int, Cue]]] = {}
    for position, cue in enumerate(cues):
        cues_by_sentence.setdefault(cue.sentence.index, []).append((position, cue))
    for quote in quotes.spans:
        if taken.took(quote) or found.took(quote):
            continue
        drafts = taken.drafts + found.drafts
        sentence = doc.sentence_from(quote.start)
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
            gap = text[last.after:quote.open]
            if len(gap) < 80 and not ends_sentence(gap) and draft.cue.end <= quote.open:
                draft.add_piece(quote)
                found.quotes.add(quote_key(quote))
                merged = True
                break
        if merged:
            continue
        # 2. A cue with no content of its own in the same or the previous sentence:
        #    “…,” said the spokesman, who asked… / Kupchan said: (newline) “…”
        #    (never a title: "starred in “Parks and Recreation,” posted the clip")
        #    nor a few words modifying the noun after them ("“America-first” policies")
        cue = None if names_a_title(text, quote) or _modifies_next_noun(
            sentence, quote) else _adjacent_cue(doc, sentence, quote, cues_by_sentence,
                                                cues_with_content)
        if cue is not None:
            cues_with_content.add(cue_key(cue))
            found.add(new_draft("direct", [(quote.start, quote.end)], cue=cue, method="adjacent",
                                sentence_index=cue.sentence.index,
                                paragraph_index=cue.sentence.paragraph_index, quotes=[quote]))
            continue
        # 3. Scare quotes, titles and nicknames: short and not a sentence of speech.
        if _is_scare(doc, sentence, quote):
            found.add(new_draft("scare", [(quote.start, quote.end)], cue=None, method="scare",
                                sentence_index=sentence.index,
                                paragraph_index=quote.paragraph_index, quotes=[quote]))
            continue
        # 4. A follow-on quotation with no cue: it belongs to the previous speaker.  Right
        #    after the sentence of that speaker's cue, in the same paragraph (“…,” Ortiz
        #    said. “Not once in six years.”), it is the same quotation going on: one record.
        going_on = _quotation_going_on(doc, drafts, quote)
        if going_on is not None:
            going_on.add_piece(quote)
            found.quotes.add(quote_key(quote))
            continue
        previous = _previous_speaker_draft(drafts, quote)
        found.add(new_draft("direct", [(quote.start, quote.end)],
                            cue=previous.cue if previous else None,
                            method="continuation" if previous else "unattributed",
                            sentence_index=sentence.index, paragraph_index=quote.paragraph_index,
                            quotes=[quote], inherited_from=previous))
    return found


def _adjacent_cue(doc: ParsedDocument, sentence: Sentence, quote: QuoteSpan,
                  cues_by_sentence: dict[int, list[tuple[int, Cue]]],
                  claimed: set[tuple[int, int]]) -> Cue | None:
    """The nearest unclaimed cue of the quotation's sentence (or of the sentence where it
    closes), or one ending the previous sentence with a colon."""
    closing = doc.sentence_from(quote.close) if quote.close is not None else None
    indexes = {sentence.index, sentence.index - 1}
    if closing is not None:
        indexes.add(closing.index)
    candidates = sorted(item for index in indexes for item in cues_by_sentence.get(index, ()))
    best = None
    for _, cue in candidates:
        if cue_key(cue) in claimed or cue.speaker_head is None:
            continue
        if cue.sentence.index == sentence.index or cue.sentence is closing:
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


def _modifies_next_noun(sentence: Sentence, quote: QuoteSpan) -> bool:
    """A quotation of one to six words with no punctuation of its own, right before a noun
    it modifies: "counter to “America-first” policies", "the “Make America Great Again” hat"."""
    inner = [w for w in sentence.words if quote.start <= w.start and w.end <= quote.end]
    if not 1 <= len(inner) <= 6 or inner[-1].upos == "PUNCT" or quote.close is None:
        return False
    after = next((w for w in sentence.words if w.start >= quote.after), None)
    return after is not None and after.upos == "NOUN" and inner[-1].head == after.index


def _is_scare(doc: ParsedDocument, sentence: Sentence, quote: QuoteSpan) -> bool:
    if names_a_title(doc.text, quote):
        return True
    inner = doc.text[quote.start:quote.end].strip()
    words = inner.split()
    if len(words) <= 2 and not inner.endswith((".", "?", "!")):
        return True
    ends_like_speech = bool(re.search(r"[.!?,…—–-]\W*$", inner))
    opens_sentence = doc.text[sentence.start:quote.open].strip() == ""
    if _subhead(doc, quote, words):
        return True
    if len(words) <= 3 and not opens_sentence and not inner.endswith(("!", "?")):
        # A few words quoted inside a sentence with no cue, the sentence's own period within
        # the marks: a title or a phrase held up ("referred to her “sex tape.”"); a shout or
        # a question ("a man yelled “Stay there!”") is still speech.
        return True
    return not ends_like_speech and not (opens_sentence and len(words) >= 3)


def _subhead(doc: ParsedDocument, quote: QuoteSpan, words: list[str]) -> bool:
    """A quotation that is a whole short paragraph in title case is a heading ("'Legend in the
    Coal Fields.'", "'All Bets Are Off.'" between sections of a feature), not speech."""
    if len(words) > 8 or quote.close is None:
        return False
    found = doc.paragraphs()
    paragraph = found[quote.paragraph_index] if quote.paragraph_index < len(found) else None
    if paragraph is None or not paragraph.start <= quote.open < paragraph.end:
        return False
    rest = doc.text[paragraph.start:quote.open] + doc.text[quote.after:paragraph.end]
    longer = [w for w in words if len(w.strip(".,!?'’")) > 3]
    return not rest.strip(" \t.") and len(longer) >= 2 and all(
        w[:1].isupper() for w in longer)


# What may stand between a quotation and the next one that goes on with it: the rest of the
# cue's sentence, with no quotation mark or paragraph break.
NO_QUOTATION = re.compile(r"[^“”\"«»\n]{1,400}")


def _quotation_going_on(doc: ParsedDocument, drafts: list[Draft], quote: QuoteSpan) -> Draft | None:
    """The direct quotation the cue-less ``quote`` continues: the one whose cue sentence ends
    just before it (the next sentence opens with it), in its paragraph, with the cue between
    the two."""
    sentence = doc.sentence_from(quote.open)
    if sentence is None or doc.text[sentence.start:quote.open].strip():
        return None
    for draft in drafts:
        last = draft.quotes[-1] if draft.quotes else None
        if draft.kind != "direct" or draft.cue is None or last is None or last.close is None \
                or last.paragraph_index != quote.paragraph_index or last.close >= quote.open:
            continue
        if not last.close < draft.cue.start < quote.open or \
                draft.cue.sentence.index != sentence.index - 1:
            continue
        if NO_QUOTATION.fullmatch(doc.text, last.after, quote.open):
            return draft
    return None


def _previous_speaker_draft(drafts: list[Draft], quote: QuoteSpan) -> Draft | None:
    candidates = [d for d in drafts if d.end <= quote.open and d.kind != "scare"
                  and (d.cue is not None and d.cue.speaker_head is not None
                       or d.inherited_from is not None)
                  and quote.paragraph_index - d.paragraph_index <= 1]
    if not candidates:
        return None
    previous = max(candidates, key=lambda d: d.end)
    return previous.inherited_from or previous


def _is_mark(word: Word) -> bool:
    return bool(word.text) and set(word.text) <= QUOTE_MARKS


def _without_edge_marks(words: list[Word]) -> list[Word]:
    """A speaker phrase never begins with a quotation mark: a mark the parser hung on the
    subject belongs to the quotation beside it (its partner, left at the end, goes too; the
    so-called “experts” keeps both of its marks)."""
    start = 0
    while start < len(words) and _is_mark(words[start]):
        start += 1
    words = words[start:]
    if start and words and _is_mark(words[-1]) and not any(_is_mark(w) for w in words[:-1]):
        words = words[:-1]
    return words


def _said(text: str, draft: Draft) -> str:
    """What the source said: the content, or for content interrupted by its cue (“…,” Ortiz
    said. “…”) the pieces' words joined, without the cue phrase between them."""
    if len(draft.fragments) < 2:
        return text[draft.start:draft.end]
    return " ".join(" ".join(text[start:end].split()) for start, end in draft.fragments)


def _to_records(doc: ParsedDocument, drafts: list[Draft], doc_id: str | None) -> list[Attribution]:
    text = doc.text
    drafts.sort(key=lambda d: (d.start, d.end))
    records = []
    for number, draft in enumerate(drafts, start=1):
        cue = draft.cue
        speaker_words = _without_edge_marks(cue.speaker if cue is not None else [])
        # A follow-on quotation has no cue of its own; its speaker is the previous one's.
        has_cue = cue is not None and draft.kind != "scare" and draft.method != "continuation"
        records.append(Attribution(
            doc_id=doc_id,
            quote_id=number,
            kind=draft.kind,
            text=_said(text, draft),
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
