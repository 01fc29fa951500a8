"""Cost linear in length: the lookups that replaced linear scans give the scans' answers.

Timing lives in ``make bench`` (documents of 10 k, 100 k and 1 M characters); these tests pin
the behaviour of the faster lookups on real parses.
"""
import pytest

from conftest import ROOT
from quotes.speakers.entities import PRONOUN_WINDOW, Article
from quotes.speakers.mentions import analyse_mention


def _linear_containing(doc, offset):
    for sentence in doc.sentences:
        if sentence.start <= offset < sentence.end:
            return sentence
    return None


def _linear_from(doc, offset):
    for sentence in doc.sentences:
        if sentence.start <= offset < sentence.end + 1:
            return sentence
        if sentence.start > offset:
            return sentence
    return doc.sentences[-1] if doc.sentences else None


@pytest.fixture(scope="module")
def long_parse(pipeline):
    # Sentences that touch ("“Yes.”He"), paragraph breaks and a quotation across sentences.
    text = ("“We are done.”He left.\n“I will not,” she said. “Never.”\n\n" +
            (ROOT / "corpora" / "articles").glob("*.txt").__next__().read_text(encoding="utf-8"))
    return pipeline.parse(text)


def test_sentence_lookups_equal_the_linear_scans(long_parse):
    doc = long_parse
    for offset in range(-1, len(doc.text) + 2):
        assert doc.sentence_containing(offset) is _linear_containing(doc, offset), offset
        assert doc.sentence_from(offset) is _linear_from(doc, offset), offset


def test_sentence_lookups_follow_sentences_added_later(long_parse):
    from quotes.parse.document import ParsedDocument

    doc = ParsedDocument(text=long_parse.text, sentences=long_parse.sentences[:2])
    last = long_parse.sentences[5]
    assert doc.sentence_containing(last.start) is None
    doc.sentences.append(last)
    assert doc.sentence_containing(last.start) is last


def _pronoun_offsets(doc):
    return [w.start for s in doc.sentences for w in s.words
            if w.upos == "PRON" and w.text.lower() in ("he", "she", "it", "they")]


def test_windowed_earlier_mentions_are_the_full_list_cut_to_the_window(analyzer):
    texts = [p.read_text(encoding="utf-8")
             for p in sorted((ROOT / "corpora" / "articles").glob("*.txt"))[:8]]
    checked = 0
    for text in texts:
        doc = analyzer.parse(text)
        article = Article(doc)
        for offset in _pronoun_offsets(doc):
            here = article._sentence_index(offset)
            full = article._seen_before(offset)
            window = article._seen_before(offset, PRONOUN_WINDOW)
            cut = [s for s in full if s.sentence >= here - PRONOUN_WINDOW]
            assert [(s.offset, s.key, s.type, s.entity and s.entity.id) for s in window] == \
                [(s.offset, s.key, s.type, s.entity and s.entity.id) for s in cut]
            checked += 1
            mention = analyse_mention(doc, offset, offset + 2)
            article.link(mention.start, mention.end)     # entities grow as in a real run
    assert checked > 20


def test_a_long_document_keeps_every_quotation(analyzer):
    """Thirty articles joined into one document: the text of every attribution found in each
    article alone is covered by an attribution of the joined document (speakers and merges
    may differ where one article's context runs into the next; nothing is lost to length)."""
    # paragraphs one blank line apart everywhere, so joining changes no paragraph break
    texts = ["\n\n".join(line for line in p.read_text(encoding="utf-8").splitlines() if line.strip())
             for p in sorted((ROOT / "corpora" / "articles").glob("*.txt"))]
    joined = "\n\n".join(texts)
    covered = set()
    for record in analyzer.extract(joined):
        for start, end in record.fragments:
            covered.update(range(start, end))
    offset, lost, total = 0, [], 0
    for text in texts:
        for record in analyzer.extract(text):
            for start, end in record.fragments:
                total += 1
                if not set(range(start + offset, end + offset)) <= covered:
                    lost.append(text[start:end])
        offset += len(text) + 2
    assert total > 400 and not lost, lost[:5]
