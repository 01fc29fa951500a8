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
    assert canonical == {"1": "Anna_Brandt", "2": "Bank_of_England"}
    assert skipped == 1                          # the deputy: a person chain without a name
    kinds = [(text[m.start:m.end], m.kind) for m in mentions]
    assert kinds == [("Anna Brandt", "full name"), ("the Bank of England", "full name"),
                     ("she", "pronoun"), ("Brandt", "partial name")]


def test_predicted_names_match_gold_identities():
    assert _same_entity("Joshua Abraham Norton", "Emperor_Norton")
    assert _same_entity("the Bank of England", "Bank_of_England")
    assert not _same_entity("Anna Brandt", "Bank_of_England")
    assert not _same_entity(None, "Anna_Brandt")
