"""The evaluator's matching and counting rules on small hand-made gold and predictions."""
from quotes.reports.evaluate import match, score


def gold_quote(start, end, **extra):
    q = {"start": start, "end": end, "text": "x" * (end - start), "kind": "direct",
         "speech_cue_heuristic": True, "speaker_start": None, "speaker_end": None,
         "cue_start": None, "cue_end": None}
    q.update(extra)
    return q


def pred(start, end, **extra):
    p = {"start": start, "end": end, "text": "x" * (end - start), "kind": "direct"}
    p.update(extra)
    return p


def test_coverage_threshold_is_strict_and_greedy_in_gold_order():
    gold = [gold_quote(0, 10), gold_quote(20, 30)]
    # Prediction 0 covers gold 0 by 0.3 exactly (not above), prediction 1 covers it fully.
    preds = [pred(0, 3), pred(0, 10), pred(20, 28)]
    assert match(gold, preds, 0.3) == {0: 1, 1: 2}
    assert match(gold, preds, 0.8) == {0: 1}


def test_fragments_count_as_the_union_of_pieces():
    gold = [gold_quote(0, 30, fragments=[[0, 10], [20, 30]])]
    assert match(gold, [pred(0, 10)], 0.3) == {0: 0}       # covers 10/20 = 0.5
    assert match(gold, [pred(0, 10)], 0.8) == {}


def test_scores_subsets_ignore_spans_speaker_and_cue():
    text = "x" * 200
    doc = {"id": "d", "text": text, "ignore_spans": [[150, 200]], "quotes": [
        gold_quote(0, 20, speaker_start=30, speaker_end=35, cue_start=36, cue_end=40),
        gold_quote(50, 70, kind="indirect", speech_cue_heuristic=False),
        gold_quote(80, 100, kind="indirect"),
    ]}
    preds = {"d": [
        pred(0, 20, speaker_start=32, speaker_end=34, cue_start=0, cue_end=1),
        pred(50, 70),                 # matches gold outside the speech subset: neutral
        pred(155, 190),               # unmatched, inside the byline: not counted
        pred(110, 130),               # unmatched: a false positive
    ]}
    s = score([doc], preds, subset="speech").as_dict()
    assert s["gold"] == 2
    assert s["at_0.3"]["tp"] == 1 and s["at_0.3"]["pred"] == 2
    assert s["at_0.3"]["precision"] == 0.5 and s["at_0.3"]["recall"] == 0.5
    assert s["speaker_accuracy"] == 1.0 and s["cue_accuracy"] == 0.0
    assert s["recall_by_kind"] == {"direct": 1.0, "indirect": 0.0}
    everything = score([doc], preds, subset="all").as_dict()
    assert everything["at_0.3"]["tp"] == 2 and everything["at_0.3"]["pred"] == 3


def test_exact_match_trims_quotes_and_punctuation():
    doc = {"id": "d", "text": "", "quotes": [dict(gold_quote(0, 9), text="“Hello,”")]}
    s = score([doc], {"d": [pred(1, 7, text="Hello")]}).as_dict()
    assert s["exact"]["f1"] == 1.0


def test_canonical_speaker_and_anonymity_classes():
    doc = {"id": "d", "text": "", "quotes": [
        gold_quote(0, 10, speaker_name="Charles Kupchan", anonymity="named"),
        gold_quote(20, 30, speaker_name="officials", anonymity="unnamed"),
    ]}
    preds = {"d": [pred(0, 10, speaker_name="charles  kupchan", anonymity="named"),
                   pred(20, 30, speaker_name="Officials", anonymity="anonymous")]}
    s = score([doc], preds).as_dict()
    assert s["canonical_speaker_accuracy"] == 1.0
    assert s["anonymity"]["named"]["f1"] == 1.0
    assert s["anonymity"]["unnamed"]["recall"] == 0.0


def test_scare_quotes_are_left_out_on_both_sides():
    doc = {"id": "d", "text": "", "quotes": [gold_quote(0, 5, kind="scare")]}
    s = score([doc], {"d": [pred(0, 5, kind="scare")]}).as_dict()
    assert s["gold"] == 0 and s["at_0.3"]["pred"] == 0
