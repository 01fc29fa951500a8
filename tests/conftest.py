"""Shared fixtures: the real bundled pipeline, loaded once per test session."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_cd2bf0a090a087de.txt"
sys.path.insert(0, str(Path(__file__).resolve().parent))
# tools/ (bench, screenshots) is not in the wheel; appended last, so the package under test
# is always the installed one when there is one.
sys.path.append(str(ROOT))


def corpus_gold() -> list[dict]:
    """The corpus gold documents, built from the hand annotations (corpora/build_gold.py)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_gold", ROOT / "corpora" / "build_gold.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    docs, errors = module.build_all()
    assert not errors, errors
    return docs


@pytest.fixture(scope="session")
def pipeline():
    from quotes.parse.nlp import load_pipeline

    return load_pipeline("bundled")


@pytest.fixture(scope="session")
def analyzer(pipeline):
    from quotes import Analyzer

    return Analyzer(pipeline=pipeline)


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_records(analyzer, seed_text):
    return analyzer.extract(seed_text, "seed")


@pytest.fixture(autouse=True)
def isolated_cache(tmp_path_factory, monkeypatch):
    """Never touch the user's parse cache from tests."""
    monkeypatch.setenv("QUOTES_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "parse-cache"))
