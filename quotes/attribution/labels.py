"""Speech labelled by its speaker instead of a verb: `PENCE: …` and `“…” ― Name`."""
from __future__ import annotations

import re

from ..lexicon import is_boilerplate, known_places, word_list
from ..parse.document import ParsedDocument, Sentence, Word
from ..parse.paragraphs import paragraphs
from .drafts import Claims, Cue, new_draft, quote_key
from .marks import QuoteIndex

# "PENCE: Well, look, …" (transcripts) and "Graham: Trump’s rhetoric destroying GOP" (headlines).
SPEAKER_LABEL = re.compile(r"[\"“]?((?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w.'’-]*"
                           r"(?:\s+\([^)]{1,30}\))?)\s*:\s+(?=\S)")
# Title-case headline words that never belong to a speaker's name ("Stealth Over Health: …").
HEADLINE_WORDS = word_list("headline_words.txt")
# “…” ― Sonya Herridge (reader comments, pull quotes)
DASH_SIGNATURE = re.compile(r"\s*(?:[―—–]|--)\s*([A-Z][^\n,;(“”\"]{1,60})")


def _named_elsewhere(text: str, label: str) -> bool:
    """An all-capitals transcript label is a speaker when the article writes that name in
    ordinary case too ("PENCE:" and "Mike Pence")."""
    words = [w for w in re.findall(r"[A-Z][A-Z'’.-]+", label) if len(w) > 1]
    return bool(words) and all(re.search(rf"\b{re.escape(w.title())}\b", text) for w in words)


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


def attach_labelled_speech(doc: ParsedDocument, quotes: QuoteIndex, taken: Claims) -> Claims:
    """Speech labelled by its speaker instead of a verb: transcript and headline labels
    ("WALLACE: …", "Graham: …") and dash signatures after a quotation ("“…” ― Name")."""
    text = doc.text
    found = Claims()
    spans = [(d.start, d.end) for d in taken.drafts]
    for paragraph in paragraphs(text):
        body = text[paragraph.start:paragraph.end]
        if is_boilerplate(body):
            continue          # "Author: Pat Mulroney (WKTV 7)", "Published: 6:05 AM …"
        match = SPEAKER_LABEL.match(body)
        if not match or {match.group(1).split()[0].lower().strip("."),
                         match.group(1).split()[-1].lower().strip(".")} & \
                word_list("not_speaker_labels.txt"):
            continue          # "READ MORE:", "Delegate Update:"
        if not re.search(r"[^\W\d_]{2}", body[match.end():]):
            continue          # "Clinton: 1,769.": a tally, not speech
        if match.group(1).isupper() and not _named_elsewhere(text, match.group(1)):
            continue        # "MARKETS:", "THE TAKEAWAY:": a section label, not "PENCE:"
        if any(w.lower() in HEADLINE_WORDS for w in match.group(1).split()[1:]):
            continue
        if " ".join(match.group(1).lower().split()) in known_places():
            continue          # "PUNE: Four people were killed …", "Pune: …": a dateline
        if len(match.group(1)) > 60 or any(s < paragraph.end and paragraph.start < e
                                           for s, e in spans):
            continue
        label_start = paragraph.start + match.start(1)
        label_end = paragraph.start + match.end(1)
        colon = text.index(":", label_end)
        cue = _label_cue(doc, colon, colon + 1, label_start, label_end, ":")
        if cue is None:
            continue
        start, end = paragraph.start + match.end(), paragraph.end
        inside = [q for q in quotes.overlapping(start, end)
                  if not taken.took(q) and not found.took(q)]
        if inside and inside[0].open < start:
            # "\"WALLACE: Let's start …" — a transcript excerpt quoted as a whole.
            end = min(end, inside[0].end)
            found.quotes.add(quote_key(inside[0]))
            inside = inside[1:]
        kind = "indirect"
        if inside:
            whole = inside[0].open == start and (inside[-1].close or end) + 1 >= end - 1
            kind = "direct" if whole and len(inside) == 1 else "mixed"
        fragments = [(inside[0].start, inside[0].end)] if kind == "direct" else [(start, end)]
        found.add(new_draft(kind, fragments, cue=cue, method="label",
                            sentence_index=cue.sentence.index, paragraph_index=paragraph.index,
                            quotes=inside))
    for quote in quotes.spans:
        if taken.took(quote) or found.took(quote) or quote.close is None:
            continue
        match = DASH_SIGNATURE.match(text, quote.after)
        if not match:
            continue
        name_end = match.start(1) + len(match.group(1).rstrip(" .!?"))
        cue = _label_cue(doc, match.start(), match.start(1), match.start(1), name_end, "—")
        if cue is None:
            continue
        cue.start = cue.word.start
        cue.end = cue.word.end
        cue.text = text[cue.start:cue.end]
        found.add(new_draft("direct", [(quote.start, quote.end)], cue=cue, method="label",
                            sentence_index=cue.sentence.index,
                            paragraph_index=quote.paragraph_index, quotes=[quote]))
    return found
