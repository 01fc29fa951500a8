"""The bundled pipeline loads offline and parses real text into offset-exact sentences."""
import shutil

import pytest

from quotes.parse.nlp import (
    BUNDLED_DIR,
    ModelError,
    load_pipeline,
    official_models_installed,
)


def test_bundled_pipeline_reports_its_model(pipeline):
    assert pipeline.info.name == "quotes-en-compact"
    assert pipeline.info.id.startswith("quotes-en-compact@")
    assert pipeline.info.path == str(BUNDLED_DIR)


def test_seed_sentences_index_the_raw_text_exactly(pipeline, seed_text):
    doc = pipeline.parse(seed_text)
    assert len(doc.sentences) >= 15
    for sentence in doc.sentences:
        roots = [w for w in sentence.words if w.head == 0]
        assert len(roots) == 1, [w.text for w in sentence.words]
        for word in sentence.words:
            surface = seed_text[word.start:word.end]
            # Words of a multi-word token share its offsets ("don't" = "do" + "n't").
            assert word.text.lower() in surface.lower(), (surface, word.text)
    # Sentences never straddle the article's single-newline paragraph breaks.
    for sentence in doc.sentences:
        assert "\n" not in seed_text[sentence.start:sentence.end]


def test_officials_said_biden_will_ask(pipeline):
    doc = pipeline.parse("Officials said Biden will ask Trump not to walk away from Ukraine.")
    (sentence,) = doc.sentences
    words = {w.text: w for w in sentence.words}
    said, officials, ask = words["said"], words["Officials"], words["ask"]
    assert officials.deprel == "nsubj" and officials.head == said.index
    assert ask.deprel == "ccomp" and ask.head == said.index


@pytest.mark.parametrize("enabled", [True, False])
def test_the_cycle_collector_rests_while_stanza_parses_and_comes_back(pipeline, monkeypatch,
                                                                       enabled):
    import gc

    during = []
    stanza = pipeline.stanza

    def parse(docs):
        during.append(gc.isenabled())
        return stanza(docs)

    monkeypatch.setattr(pipeline, "stanza", parse)
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        doc = pipeline.parse("The mayor said the bridge would reopen in May.")
        after = gc.isenabled()
    finally:
        (gc.enable if was else gc.disable)()
    assert during == [False]
    assert after is enabled           # as the caller had it
    assert [w.text for w in doc.sentences[0].words][:3] == ["The", "mayor", "said"]


def test_typographic_apostrophes_split_like_straight_ones(pipeline):
    text = "Trump’s political allies have indicated that Clinton’s team won’t win."
    doc = pipeline.parse(text)
    words = [w for s in doc.sentences for w in s.words]
    assert [w.text for w in words[:2]] == ["Trump", "’s"]
    assert words[0].deprel == "nmod:poss" and words[0].upos == "PROPN"
    indicated = next(w for w in words if w.text == "indicated")
    assert indicated.deprel == "root"
    assert next(w for w in words if w.text == "allies").head == indicated.index
    assert "n’t" in [w.text for w in words]
    for word in words:        # texts are the article's own spelling, at their own offsets
        assert text[word.start:word.end] == word.text


def test_possessives_of_unseen_names_split_like_the_treebanks(pipeline):
    # "'s" is its own word in EWT and GUM; a dictionary of seen forms alone left
    # names it never saw whole.
    text = "Ms. Wojciechowska's lawyer and Mr. Okonkwo’s aide met at Zbigniew's office."
    doc = pipeline.parse(text)
    words = [w for s in doc.sentences for w in s.words]
    texts = [w.text for w in words]
    for name, apostrophe in (("Wojciechowska", "'s"), ("Okonkwo", "’s"), ("Zbigniew", "'s")):
        at = texts.index(name)
        assert texts[at + 1] == apostrophe
        # One token, two words, each with its own offsets.
        assert (words[at].end, words[at + 1].end) == (words[at + 1].start,
                                                      words[at].start + len(name) + 2)
    for word in words:
        assert text[word.start:word.end] == word.text

def test_missing_model_directory_names_the_fix(tmp_path):
    with pytest.raises(ModelError, match="make model"):
        load_pipeline(tmp_path / "nowhere")


def test_corrupt_model_names_the_fix(tmp_path):
    for path in BUNDLED_DIR.iterdir():
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / "depparse.pt").write_bytes(b"this is not a torch file")
    with pytest.raises(ModelError, match="could not load"):
        load_pipeline(tmp_path)


def test_missing_model_file_is_named(tmp_path):
    for path in BUNDLED_DIR.iterdir():
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / "pos.pt").unlink()
    with pytest.raises(ModelError, match="pos.pt"):
        load_pipeline(tmp_path)


def test_official_models_missing_raises_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path))
    assert not official_models_installed()
    with pytest.raises(ModelError, match="quotes models download"):
        load_pipeline("stanza")


def test_auto_falls_back_to_bundled_when_official_models_absent(tmp_path, monkeypatch):
    from quotes.parse.nlp import resolve_model

    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path))
    assert resolve_model("auto") == ("bundled", BUNDLED_DIR)


def test_bundled_models_fit_the_size_limit():
    # every model of the package together, as shipped: at most 60 MB (MODEL_CARD.md)
    total = sum(path.stat().st_size for path in BUNDLED_DIR.glob("*.pt"))
    assert total <= 60_000_000, f"bundled models take {total / 1e6:.2f} MB"
