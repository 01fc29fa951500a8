"""The training recipe's plumbing: stage skipping, clear errors, re-tagging for the parser.

Training itself needs ../shared/ud and hours of CPU; these tests need neither.
"""
import json
import logging

import pytest

from quotes.training import recipe

# Two sentences with every tag deliberately wrong ("X"), trees and lemmas gold.
WRONG_TAGS = """\
# sent_id = 1
# text = Officials said the plan would fail.
1	Officials	official	X	X	_	2	nsubj	_	_
2	said	say	X	X	_	0	root	_	_
3	the	the	X	X	_	4	det	_	_
4	plan	plan	X	X	_	6	nsubj	_	_
5	would	would	X	X	_	6	aux	_	_
6	fail	fail	X	X	_	2	ccomp	_	_
7	.	.	X	X	_	2	punct	_	_

# sent_id = 2
# text = She told reporters it was over.
1	She	she	X	X	_	2	nsubj	_	_
2	told	tell	X	X	_	0	root	_	_
3	reporters	reporter	X	X	_	2	obj	_	_
4	it	it	X	X	_	5	nsubj	_	_
5	was	be	X	X	_	2	ccomp	_	_
6	over	over	X	X	_	5	advmod	_	_
7	.	.	X	X	_	2	punct	_	_

"""


def _rows(path):
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]


def test_retag_replaces_tags_and_keeps_trees(tmp_path):
    paths = recipe.Paths(tmp_path / "work", tmp_path / "ud")
    paths.data.mkdir(parents=True)
    for split in ("train", "dev"):
        paths.gold(split).write_text(WRONG_TAGS, encoding="utf-8")

    recipe.retag(paths)

    gold, tagged = _rows(paths.gold("train")), _rows(paths.retagged("train"))
    assert [r[:3] + r[6:8] for r in tagged] == [r[:3] + r[6:8] for r in gold]
    upos = {r[1]: r[3] for r in tagged}
    assert upos["said"] == "VERB" and upos["told"] == "VERB"
    assert upos["the"] == "DET" and upos["She"] == "PRON" and upos["."] == "PUNCT"
    assert "X" not in {r[3] for r in tagged}
    assert paths.retagged("dev").is_file()


def test_retag_keeps_files_newer_than_the_tagger(tmp_path, caplog):
    paths = recipe.Paths(tmp_path / "work", tmp_path / "ud")
    paths.data.mkdir(parents=True)
    for split in ("train", "dev"):
        paths.gold(split).write_text(WRONG_TAGS, encoding="utf-8")
        paths.retagged(split).write_text("kept\n", encoding="utf-8")
    with caplog.at_level(logging.INFO, logger="quotes.training"):
        recipe.retag(paths)
    assert paths.retagged("train").read_text(encoding="utf-8") == "kept\n"
    assert "newer than the tagger" in caplog.text


def test_stage_with_a_model_is_skipped_without_touching_the_data(tmp_path, caplog):
    work = tmp_path / "work"
    with caplog.at_level(logging.INFO, logger="quotes.training"):
        recipe.run(["mwt", "lemma"], ud_dir=tmp_path / "no-treebanks", work_dir=work)
    assert "mwt: " in caplog.text and "exists, skipping" in caplog.text
    assert not (work / "data").exists()
    assert json.loads((work / "timings.json").read_text()) == {}


def test_missing_treebanks_are_named_with_the_fix(tmp_path):
    with pytest.raises(SystemExit) as raised:
        recipe.run(["prepare"], ud_dir=tmp_path / "no-treebanks", work_dir=tmp_path / "work")
    message = str(raised.value)
    assert "en_ewt-ud-train.conllu" in message and "--ud-dir" in message


def test_unknown_stage_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as raised:
        recipe.main(["parse-everything"])
    assert raised.value.code == 2
    assert "unknown stage 'parse-everything'" in capsys.readouterr().err


SCORED = """# sent_id = t-1
# text = Sen. Ortega said it would pass.
1	Sen.	Sen.	PROPN	NNP	Number=Sing	3	compound	_	_
2	Ortega	Ortega	PROPN	NNP	Number=Sing	3	nsubj	_	_
3	said	say	VERB	VBD	Mood=Ind|Tense=Past|VerbForm=Fin	0	root	_	_
4	it	it	PRON	PRP	Case=Nom|Gender=Neut|Number=Sing|Person=3|PronType=Prs	6	nsubj	_	_
5	would	would	AUX	MD	VerbForm=Fin	6	aux	_	_
6	pass	pass	VERB	VB	VerbForm=Inf	3	ccomp	_	SpaceAfter=No
7	.	.	PUNCT	.	_	3	punct	_	_

# sent_id = t-2
# text = Nobody objected.
1	Nobody	nobody	PRON	NN	Number=Sing	2	nsubj	_	_
2	objected	object	VERB	VBD	Mood=Ind|Tense=Past|VerbForm=Fin	0	root	_	SpaceAfter=No
3	.	.	PUNCT	.	_	2	punct	_	_

"""


def test_scoring_runs_the_product_pipeline_on_a_test_set(tmp_path):
    from quotes.training.score import score_model

    (tmp_path / "en_ewt-ud-test.conllu").write_text(SCORED, encoding="utf-8")
    report = score_model("bundled", tmp_path)
    scores = report["sets"]["en_ewt"]["end_to_end"]
    # "Sen." keeps its period (hidden from the tokenizer only) and ends no sentence
    assert scores["Tokens"] == 100.0 and scores["Sentences"] == 100.0
    assert "en_gum" not in report["sets"]
