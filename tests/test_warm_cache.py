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
