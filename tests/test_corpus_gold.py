"""The evaluator's scores on the project's annotated corpus, and per-article outcomes."""
import pytest
from conftest import corpus_gold

from quotes.reports.evaluate import in_subset, match, score

GOLD = corpus_gold()

# Floors a few points under the figures measured with the bundled model (README, "Measured"):
# a regression in the rules or the model shows up here as a failing test.
FLOORS = {
    ("speech", "at_0.3", "f1"): 0.86,
    ("speech", "at_0.8", "f1"): 0.80,
    ("speech", "speaker_accuracy", None): 0.88,
    ("speech", "cue_accuracy", None): 0.88,
    ("direct", "at_0.3", "recall"): 0.90,
    ("all", "canonical_speaker_accuracy", None): 0.62,
}


@pytest.fixture(scope="module")
def predictions(analyzer):
    return {doc_id: [r.to_dict() for r in records]
            for doc_id, records in analyzer.extract_many((g["id"], g["text"]) for g in GOLD)}


@pytest.mark.parametrize("subset,measure,field", sorted(FLOORS))
def test_corpus_scores_stay_above_floor(predictions, subset, measure, field):
    result = score(GOLD, predictions, subset=subset).as_dict()
    value = result[measure][field] if field else result[measure]
    assert value >= FLOORS[(subset, measure, field)], (subset, measure, field, value)


def test_anonymity_classes_are_told_apart(predictions):
    result = score(GOLD, predictions).as_dict()["anonymity"]
    assert result["named"]["f1"] >= 0.85
    assert result["anonymous"]["precision"] >= 0.9 and result["anonymous"]["recall"] >= 0.45
    assert result["unnamed"]["recall"] >= 0.65


@pytest.mark.parametrize("doc", GOLD, ids=[g["id"] for g in GOLD])
def test_each_article(doc, predictions):
    """Every article: most speech attributions found, and its direct quotations found (at
    most one missed). Quotations nested inside another quotation are left out: a cue inside
    a quotation is the quoted speaker's own words, which the extractor does not attribute."""
    outer = [(q["start"], q["end"]) for q in doc["quotes"]]
    gold = [q for q in doc["quotes"] if q["kind"] != "scare" and not any(
        s <= q["start"] and q["end"] <= e and (s, e) != (q["start"], q["end"]) for s, e in outer)]
    pred = [p for p in predictions[doc["id"]] if p["kind"] != "scare"]
    pairs = match(gold, pred, 0.3)
    speech = [i for i, q in enumerate(gold) if in_subset(q, "speech")]
    found = [i for i in speech if i in pairs]
    assert len(found) >= 0.7 * len(speech), (len(found), len(speech))
    missed_direct = [gold[i]["text"][:60] for i in speech
                     if gold[i]["kind"] == "direct" and i not in pairs]
    assert len(missed_direct) <= 1, missed_direct
    text = doc["text"]
    for p in pred:
        # text is the article's span, or for an interrupted quotation its pieces joined
        pieces = [" ".join(text[s:e].split()) for s, e in p["fragments"]]
        assert p["text"] == (text[p["start"]:p["end"]] if len(pieces) == 1 else " ".join(pieces))


def test_scare_quotes_are_reported_without_speaker(predictions):
    scare_gold = [(d["id"], q["start"]) for d in GOLD for q in d["quotes"] if q["kind"] == "scare"]
    hits = 0
    for doc_id, start in scare_gold:
        for p in predictions[doc_id]:
            if p["kind"] == "scare" and abs(p["start"] - start) <= 1:
                assert p["speaker"] is None and p["cue"] is None
                hits += 1
    assert hits >= 0.6 * len(scare_gold)
