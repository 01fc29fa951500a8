"""Build ParsedDocuments from hand-written CoNLL-U, to pin attribution rules to exact trees."""
from __future__ import annotations

from quotes.parse.document import ParsedDocument, Sentence, Word


def parse_conllu(text: str, conllu: str) -> ParsedDocument:
    """Align CoNLL-U word forms to ``text`` left to right to get character offsets.

    Columns: ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL (further columns optional).
    Sentences are separated by blank lines; paragraph = number of newlines before it.
    """
    sentences = []
    cursor = 0
    for block in conllu.strip().split("\n\n"):
        words = []
        for line in block.strip().splitlines():
            if line.startswith("#"):
                continue
            cols = line.split()
            form = cols[1]
            start = text.index(form, cursor)
            cursor = start + len(form)
            words.append(Word(index=int(cols[0]), text=form, lemma=cols[2], upos=cols[3],
                              xpos=cols[4], feats=cols[5], head=int(cols[6]), deprel=cols[7],
                              start=start, end=cursor))
        paragraph = text.count("\n", 0, words[0].start)
        sentences.append(Sentence(index=len(sentences), paragraph_index=paragraph, words=words))
    return ParsedDocument(text=text, sentences=sentences, model="hand-written")
