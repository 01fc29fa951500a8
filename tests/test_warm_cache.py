"""A rerun over cached parses never loads the parsing model."""
import quotes.analyzer
from quotes.analyzer import Analyzer

TEXTS = [("a1", "“We will appeal,” said Maria Lopez, the city’s lawyer."),
         ("a2", "Officials said the bridge would reopen in May.")]


def test_warm_run_reads_parses_without_loading_the_model(pipeline, tmp_path, monkeypatch):
    cold = Analyzer(pipeline=pipeline, cache_dir=tmp_path)
    first = [r for _, records in cold.extract_many(TEXTS) for r in records]

    def refuse(*args, **kwargs):
        raise AssertionError("the model was loaded on a warm run")

    monkeypatch.setattr(quotes.analyzer, "load_pipeline", refuse)
    warm = Analyzer("bundled", cache_dir=tmp_path)
    assert warm.model == cold.model            # the cache key comes from the model files
    again = [r for _, records in warm.extract_many(TEXTS) for r in records]
    assert again == first and not warm.loaded
    assert warm.cache.hits == len(TEXTS)


def test_a_miss_loads_the_model_once(pipeline, tmp_path, monkeypatch):
    loads = []
    monkeypatch.setattr(quotes.analyzer, "load_pipeline",
                        lambda model="auto": loads.append(model) or pipeline)
    analyzer = Analyzer("bundled", cache_dir=tmp_path)
    assert not analyzer.loaded
    analyzer.extract(TEXTS[0][1])
    analyzer.extract(TEXTS[1][1])
    assert loads == ["bundled"] and analyzer.loaded


def test_a_warm_command_line_run_never_imports_torch_or_stanza(pipeline, tmp_path):
    """Through the command line in a fresh interpreter, model 'auto' (which looks for
    Stanza's official models on disk, here an empty folder): reading cached parses costs no
    torch import."""
    import json
    import os
    import subprocess
    import sys

    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in TEXTS),
                      encoding="utf-8")
    cache = tmp_path / "cache"
    cold = Analyzer(pipeline=pipeline, cache_dir=cache)
    list(cold.extract_many(TEXTS))
    probe = ("import sys; from quotes.cli import main\n"
             "try:\n    main(sys.argv[1:])\nexcept SystemExit as exit:\n    code = exit.code\n"
             "print('IMPORTED', 'torch' in sys.modules, 'stanza' in sys.modules, code)")
    done = subprocess.run([sys.executable, "-c", probe, "extract", str(source), "-o",
                           str(tmp_path / "out.jsonl"), "--cache-dir", str(cache),
                           "--model", "auto"],
                          capture_output=True, text=True, timeout=300,
                          env=dict(os.environ, STANZA_RESOURCES_DIR=str(tmp_path / "none")))
    assert "IMPORTED False False 0" in done.stdout, done.stdout + done.stderr
    assert len((tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()) >= 2


def test_stanzas_model_folder_is_found_without_importing_stanza(monkeypatch):
    monkeypatch.delenv("STANZA_RESOURCES_DIR", raising=False)
    from stanza.resources.common import DEFAULT_MODEL_DIR

    from quotes.parse.nlp import stanza_resources_dir

    assert str(stanza_resources_dir()) == DEFAULT_MODEL_DIR
    monkeypatch.setenv("STANZA_RESOURCES_DIR", "/somewhere/else")
    assert str(stanza_resources_dir()) == "/somewhere/else"
