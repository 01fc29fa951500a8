"""GUM's entity layer read into NER training data and coreference gold, on a small document
written in GUM's format (no ../shared needed)."""
from pathlib import Path

from quotes.training.gum import read_documents
from quotes.training.ner_data import augment, documents_to_stanza, sentence_tags
from quotes.reports.coreference import _same_entity, _text_and_offsets, gold_mentions

# Two sentences: "Anna Brandt of the Bank of England said she would stay." /
# "Brandt's deputy in London agreed."  Mentions: Anna Brandt (person, chain 1, identity),
# the Bank of England (organization, chain 2) with England nested (place, chain 3), she (1),
# Brandt's (1), Brandt's deputy in London (person, chain 4, no name), London (place, 5).
DOC = """# newdoc id = GUM_news_sample
# global.Entity = GRP-etype-infstat-salience-centering-minspan-link-identity
# sent_id = GUM_news_sample-1
# text = Anna Brandt of the Bank of England said she would stay.
1	Anna	Anna	PROPN	NNP	Number=Sing	7	nsubj	_	Entity=(1-person-new-sssss-cf1-1,2-coref-Anna_Brandt
2	Brandt	Brandt	PROPN	NNP	Number=Sing	1	flat	_	Entity=1)
3	of	of	ADP	IN	_	5	case	_	_
4	the	the	DET	DT	_	5	det	_	Entity=(2-organization-new-sssss-cf2-2,4-coref-Bank_of_England
5	Bank	Bank	PROPN	NNP	Number=Sing	1	nmod	_	_
6	of	of	ADP	IN	_	7	case	_	_
7	England	England	PROPN	NNP	Number=Sing	5	nmod	_	Entity=(3-place-new-sssss-cf3-1-sgl)2)
8	said	say	VERB	VBD	_	0	root	_	_
9	she	she	PRON	PRP	_	11	nsubj	_	Entity=(1-person-giv:act-sssss-cf1-1-coref)
10	would	would	AUX	MD	_	11	aux	_	_
11	stay	stay	VERB	VB	_	8	ccomp	_	SpaceAfter=No
12	.	.	PUNCT	.	_	8	punct	_	_

# sent_id = GUM_news_sample-2
# text = Brandt's deputy in London agreed.
1-2	Brandt's	_	_	_	_	_	_	_	_
1	Brandt	Brandt	PROPN	NNP	Number=Sing	3	nmod:poss	_	Entity=(4-person-new-sssss-cf4-3-coref(1-person-giv:act-sssss-cf1-1-coref)
2	's	's	PART	POS	_	1	case	_	_
3	deputy	deputy	NOUN	NN	Number=Sing	6	nsubj	_	_
4	in	in	ADP	IN	_	5	case	_	_
5	London	London	PROPN	NNP	Number=Sing	3	nmod	_	Entity=(5-place-new-sssss-cf5-1-sgl)4)
6	agreed	agree	VERB	VBD	_	0	root	_	SpaceAfter=No
7	.	.	PUNCT	.	_	6	punct	_	_

"""


def _document(tmp_path: Path):
    path = tmp_path / "sample.conllu"
    path.write_text(DOC.replace("\t", "\t"), encoding="utf-8")
    (document,) = read_documents(path)
    return document


def test_mentions_nest_and_close_in_order(tmp_path):
    document = _document(tmp_path)
    first, second = document.sentences
    assert document.genre == "news"
    spans = sorted((m.chain, m.etype, m.start, m.end) for m in first.mentions)
    assert spans == [("1", "person", 1, 2), ("1", "person", 9, 9),
                     ("2", "organization", 4, 7), ("3", "place", 7, 7)]
    assert [t.form for t in second.tokens][:2] == ["Brandt's", "deputy"]


def test_named_mentions_become_bioes_tags_over_tokens(tmp_path):
    first, second = (sentence_tags(s) for s in _document(tmp_path).sentences)
    assert first[:7] == [("Anna", "B-PERSON"), ("Brandt", "E-PERSON"), ("of", "O"), ("the", "O"),
                         ("Bank", "B-ORG"), ("of", "I-ORG"), ("England", "E-ORG")]
    assert ("she", "O") in first                  # a pronoun is not a name
    # the possessive token carries its name; the description headed by "deputy" is no name
    assert second[:3] == [("Brandt's", "S-PERSON"), ("deputy", "O"), ("in", "O")]
    assert ("London", "S-LOC") in second


def test_augmented_copies_swap_names_and_keep_tags_and_possessives(tmp_path):
    sentences = documents_to_stanza([_document(tmp_path)])
    replacements = {"PERSON": [["Kofi", "Mensah"]], "LOC": [["Lima"]], "ORG": [["Acme", "Corp."]]}
    out = augment(sentences, replacements, copies=1)
    assert out[:2] == sentences and len(out) == 4
    words = [(w["text"], w["ner"]) for w in out[3]]
    assert words[0] == ("Mensah's", "E-PERSON") or words[:2] == [("Kofi", "B-PERSON"),
                                                                ("Mensah's", "E-PERSON")]
    assert ("Lima", "S-LOC") in words


def test_coreference_gold_keeps_named_chains_by_kind(tmp_path):
    document = _document(tmp_path)
    text, offsets = _text_and_offsets(document)
    mentions, canonical, skipped = gold_mentions(document, offsets)
    # the identity and the fullest name the text gives: either one counts
    assert canonical == {"1": ["Anna_Brandt", "Anna Brandt"],
                         "2": ["Bank_of_England", "Bank of England"]}
    assert skipped == 1                          # the deputy: a person chain without a name
    kinds = [(text[m.start:m.end], m.kind) for m in mentions]
    assert kinds == [("Anna Brandt", "full name"), ("the Bank of England", "full name"),
                     ("she", "pronoun"), ("Brandt", "partial name")]


def test_predicted_names_match_gold_identities():
    assert _same_entity("Joshua Abraham Norton", "Emperor_Norton")
    assert _same_entity("the Bank of England", "Bank_of_England")
    assert not _same_entity("Anna Brandt", "Bank_of_England")
    assert not _same_entity(None, "Anna_Brandt")
    # identities are URL-encoded and keep accents an article may drop
    assert _same_entity("Steven F. Udvar-Hazy", "Steven_F._Udvar%2DHázy")
    assert not _same_entity("Steven F. Udvar-Hazy", "John_FitzGibbon%2C_2nd_Earl_of_Clare")


# "The critic Eduard Hanslick praised Dvořák.": the person mention is headed by "critic"; the
# name in apposition to it is the name to tag.
APPOSED = """# newdoc id = GUM_bio_sample
# sent_id = GUM_bio_sample-1
# text = The critic Eduard Hanslick praised Dvořák.
1	The	the	DET	DT	_	2	det	_	Entity=(1-person-new-sssss-cf1-2-coref-Eduard_Hanslick
2	critic	critic	NOUN	NN	Number=Sing	5	nsubj	_	_
3	Eduard	Eduard	PROPN	NNP	Number=Sing	2	appos	_	_
4	Hanslick	Hanslick	PROPN	NNP	Number=Sing	3	flat	_	Entity=1)
5	praised	praise	VERB	VBD	_	0	root	_	_
6	Dvořák	Dvořák	PROPN	NNP	Number=Sing	5	obj	_	Entity=(2-person-new-sssss-cf2-1-sgl)|SpaceAfter=No
7	.	.	PUNCT	.	_	5	punct	_	_

"""


def test_a_name_in_apposition_to_a_role_noun_is_tagged_not_the_role(tmp_path):
    path = tmp_path / "apposed.conllu"
    path.write_text(APPOSED, encoding="utf-8")
    (document,) = read_documents(path)
    assert sentence_tags(document.sentences[0]) == [
        ("The", "O"), ("critic", "O"), ("Eduard", "B-PERSON"), ("Hanslick", "E-PERSON"),
        ("praised", "O"), ("Dvořák", "S-PERSON"), (".", "O")]


def test_name_lexicon_features_come_from_the_lists_and_the_corpus(tmp_path):
    from quotes.training.name_vectors import FEATURES, feature_table

    corpus = tmp_path / "ewt.conllu"
    rows = ["1\tSpecifically\tspecifically\tADV", "2\t,\t,\tPUNCT", "3\tHouston\tHouston\tPROPN",
            "4\tsaid\tsay\tVERB", "5\tspecifically\tspecifically\tADV", "6\tHouston\tHouston\tPROPN"]
    corpus.write_text("# text = x\n" + "\n".join(r + "\t_\t_\t0\t_\t_\t_" for r in rows)
                      + "\n\n", encoding="utf-8")
    lists = [{"marguerite"}, {"okafor"}, {"houston"}, {"ministry"}, {"sen"}, {"spokesman"}]
    table = feature_table(corpus, lists)
    index = {name: i for i, name in enumerate(FEATURES)}
    assert table["marguerite"][index["given name"]] == 1.0
    assert table["houston"][index["place"]] == 1.0
    assert table["houston"][index["capitalized share"]] == 1.0     # both after the first word
    assert table["houston"][index["proper-noun share"]] == 1.0
    # sentence-initial "Specifically" does not count as capitalized; the inner one is lower case
    assert table["specifically"][index["capitalized share"]] == 0.0
    assert table["specifically"][index["proper-noun share"]] == 0.0
    assert table["specifically"][index["frequency"]] > 0
    assert "said" not in table                                     # seen once: no features
    assert all(len(row) == len(FEATURES) for row in table.values())


def test_source_nouns_are_the_common_noun_heads_of_person_mentions(tmp_path):
    from quotes.training.source_nouns import source_nouns

    path = tmp_path / "sample.conllu"
    path.write_text(DOC, encoding="utf-8")
    # "Brandt's deputy in London" is a person mention headed by a common noun; names,
    # pronouns and places are not common-noun heads
    assert source_nouns(path) == ["deputy"]


def test_the_fixed_vectors_are_the_features_then_scaled_glove(monkeypatch):
    import numpy

    from quotes.training import name_vectors

    monkeypatch.setattr(name_vectors, "GLOVE_WORDS", 3)
    rows = {"houston": [0.0, 0.0, 1.0] + [0.0] * (len(name_vectors.FEATURES) - 3),
            "marguerite": [1.0] + [0.0] * (len(name_vectors.FEATURES) - 1)}
    glove_words = ["the", "houston", "concerto", "rare"]
    glove = numpy.arange(4 * name_vectors.GLOVE_DIMENSION, dtype=numpy.float32).reshape(4, -1)
    words, vectors = name_vectors.vector_rows(rows, glove_words, glove)
    # every featured word, then GloVe's most frequent others ("rare" is past GLOVE_WORDS)
    assert words == ["houston", "marguerite", "the", "concerto"]
    assert vectors.shape == (4, name_vectors.DIMENSION)
    features = len(name_vectors.FEATURES)
    assert list(vectors[0, :features]) == rows["houston"]
    assert not vectors[1, features:].any()                # a name GloVe lacks: features only
    scale = name_vectors.GLOVE_STD / float(glove[:3].std())
    assert numpy.allclose(vectors[0, features:], glove[1] * scale)
    assert numpy.allclose(vectors[3, features:], glove[2] * scale)
    assert not vectors[3, :features].any()                # a common word: no features


def _typed(text, conllu, names):
    """typed_names of a hand-written parse whose NER spans are ``names`` per sentence:
    lists of (first, last, type)."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent))
    from conllu import parse_conllu
    from quotes.parse.document import NamedSpan
    from quotes.speakers.names import typed_names

    doc = parse_conllu(text, conllu)
    for sentence, spans in zip(doc.sentences, names):
        sentence.names = [NamedSpan(*span) for span in spans]
    return typed_names(doc)


def test_a_person_span_run_over_and_is_two_people():
    text = "Donald Trump and Paul Ryan pledged unity."
    conllu = """
1 Donald Donald PROPN NNP _ 6 nsubj
2 Trump Trump PROPN NNP _ 1 flat
3 and and CCONJ CC _ 4 cc
4 Paul Paul PROPN NNP _ 1 conj
5 Ryan Ryan PROPN NNP _ 4 flat
6 pledged pledge VERB VBD _ 0 root
7 unity unity NOUN NN _ 6 obj
8 . . PUNCT . _ 6 punct
"""
    people, _ = _typed(text, conllu, [[(1, 5, "person")]])
    assert [p.name for p in people] == ["Donald Trump", "Paul Ryan"]
    assert all(p.subject for p in people)          # a conjunct of the subject is one too


def test_a_name_after_a_typed_organization_in_one_run_is_still_found():
    text = "NBC News Correspondent Cynthia McFadden reported it."
    conllu = """
1 NBC NBC PROPN NNP _ 2 compound
2 News News PROPN NNP _ 4 compound
3 Correspondent correspondent PROPN NNP _ 4 compound
4 Cynthia Cynthia PROPN NNP _ 6 nsubj
5 McFadden McFadden PROPN NNP _ 4 flat
6 reported report VERB VBD _ 0 root
7 it it PRON PRP _ 6 obj
8 . . PUNCT . _ 6 punct
"""
    people, _ = _typed(text, conllu, [[(1, 2, "organization")]])
    assert [p.name for p in people] == ["Cynthia McFadden"]


def test_a_short_name_of_an_organization_is_no_person():
    text = "Keel Bancorp agreed to a merger. Keel said the price was fair."
    conllu = """
1 Keel Keel PROPN NNP _ 2 compound
2 Bancorp Bancorp PROPN NNP _ 3 nsubj
3 agreed agree VERB VBD _ 0 root
4 to to ADP IN _ 6 case
5 a a DET DT _ 6 det
6 merger merger NOUN NN _ 3 obl
7 . . PUNCT . _ 3 punct

1 Keel Keel PROPN NNP _ 2 nsubj
2 said say VERB VBD _ 0 root
3 the the DET DT _ 4 det
4 price price NOUN NN _ 6 nsubj
5 was be AUX VBD _ 6 cop
6 fair fair ADJ JJ _ 2 ccomp
7 . . PUNCT . _ 2 punct
"""
    people, others = _typed(text, conllu, [[(1, 2, "organization")], [(1, 1, "person")]])
    assert people == []
    assert [(o.name, o.type) for o in others] == [("Keel Bancorp", "organization"),
                                                 ("Keel", "organization")]


def test_a_full_name_typed_a_place_is_the_titled_person_of_its_first_word():
    text = "Ban Ki-moon spoke first. Mr. Ban left."
    conllu = """
1 Ban Ban PROPN NNP _ 3 nsubj
2 Ki-moon Ki-moon PROPN NNP _ 1 flat
3 spoke speak VERB VBD _ 0 root
4 first first ADV RB _ 3 advmod
5 . . PUNCT . _ 3 punct

1 Mr. Mr. PROPN NNP _ 2 compound
2 Ban Ban PROPN NNP _ 3 nsubj
3 left leave VERB VBD _ 0 root
4 . . PUNCT . _ 3 punct
"""
    people, _ = _typed(text, conllu, [[(1, 2, "place")], [(1, 2, "person")]])
    assert [p.name for p in people] == ["Ban Ki-moon", "Ban"]


def test_a_person_span_begun_too_early_keeps_the_name():
    from quotes.speakers.names import checked_type
    from quotes.parse.document import Word

    text = "of Elections Susan Bucher"
    words, offset = [], 0
    for i, (form, upos) in enumerate([("of", "ADP"), ("Elections", "PROPN"), ("Susan", "PROPN"),
                                      ("Bucher", "PROPN")], 1):
        words.append(Word(i, form, form.lower(), upos, "NNP", "_", 0, "flat", offset,
                          offset + len(form)))
        offset += len(form) + 1
    assert checked_type("person", words, text) == "person"
