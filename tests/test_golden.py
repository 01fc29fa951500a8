"""Whole command outputs for the seed article and the corpus equal the reviewed golden files."""
import pytest
from golden import COMMANDS, GOLDEN, produce


@pytest.fixture(autouse=True)
def shared_pipeline(monkeypatch, pipeline):
    import quotes.analyzer

    monkeypatch.setattr(quotes.analyzer, "load_pipeline", lambda model="auto": pipeline)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_output_matches_golden_file(name, tmp_path):
    expected = (GOLDEN / name).read_text(encoding="utf-8")
    got = produce(name, tmp_path)
    assert got.splitlines() == expected.splitlines(), (
        f"{name} differs from tests/golden/{name}: run `make golden` and review the diff")
