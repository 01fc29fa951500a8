"""Corpus runs: parse cache, resume after interruption, worker processes."""
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotes.analyzer import Analyzer
from quotes.cli import main
from quotes.io.sink import RecordSink
from quotes.parse.cache import ParseCache

ARTICLES = [
    ("a1", "“We will appeal the ruling,” said Maria Lopez, a lawyer for the city."),
    ("a2", "Officials said the bridge would reopen in May, according to a statement."),
    ("a3", "The mayor told reporters that the budget “is not negotiable.”"),
    ("a4", "“No comment,” he said.\nThe council met on Tuesday."),
]


@pytest.fixture()
def corpus(tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps({"id": i, "text": t, "outlet": "Wire"}) + "\n"
                            for i, t in ARTICLES), encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def shared_pipeline(monkeypatch, pipeline):
    import quotes.analyzer

    monkeypatch.setattr(quotes.analyzer, "load_pipeline", lambda model="auto": pipeline)


def test_cache_returns_identical_parses_and_discards_corrupt_entries(pipeline, tmp_path):
    cached = Analyzer(pipeline=pipeline, cache_dir=tmp_path / "cache")
    text = ARTICLES[0][1]
    first = cached.parse(text)
    assert cached.cache.misses == 1 and cached.cache.hits == 0
    again = cached.parse(text)
    assert cached.cache.hits == 1
    assert again.to_dict() == first.to_dict()
    entries = list((tmp_path / "cache").rglob("*.json.gz"))
    assert len(entries) == 1
    entries[0].write_bytes(b"\x1f\x8b\x08 truncated")          # a partial write
    third = cached.parse(text)
    assert cached.cache.discarded == 1 and third.to_dict() == first.to_dict()


def test_cache_key_depends_on_model_not_on_rules(tmp_path):
    one = ParseCache(tmp_path, "model-a@1")
    assert one.key("text") == ParseCache(tmp_path, "model-a@1").key("text")
    assert one.key("text") != ParseCache(tmp_path, "model-b@1").key("text")
    assert one.key("text") != one.key("text ")


def test_resume_continues_without_duplicates_or_gaps(corpus, tmp_path):
    runner = CliRunner()
    clean = tmp_path / "clean.jsonl"
    assert runner.invoke(main, ["extract", str(corpus), "-o", str(clean), "--no-cache"]
                         ).exit_code == 0
    expected = clean.read_text(encoding="utf-8").splitlines()

    # Simulate a run killed after the first document, mid-way through the second.
    out = tmp_path / "out.jsonl"
    first_doc = [l for l in expected if json.loads(l)["doc_id"] == "a1"]
    sink = RecordSink(str(out), "jsonl", [])
    sink.write_document("a1", [json.loads(l) for l in first_doc])
    with open(str(out) + ".partial", "a", encoding="utf-8") as partial:
        partial.write('{"doc_id": "a2", "half": ')
    assert not out.exists()

    result = runner.invoke(main, ["extract", str(corpus), "-o", str(out), "--resume",
                                  "--no-cache"])
    assert result.exit_code == 0, result.output
    assert "resuming after 1 finished documents" in result.stderr
    assert out.read_text(encoding="utf-8").splitlines() == expected
    assert not Path(str(out) + ".partial").exists()


def test_csv_output_streams_with_metadata_columns(corpus, tmp_path):
    out = tmp_path / "out.csv"
    result = CliRunner().invoke(main, ["extract", str(corpus), "-f", "csv", "-o", str(out)])
    assert result.exit_code == 0, result.output
    header = out.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert header[:3] == ["doc_id", "quote_id", "kind"] and header[-1] == "outlet"


@pytest.mark.parametrize("workers", ["2", "auto"])
def test_workers_give_identical_output(corpus, tmp_path, workers):
    """--workers N, and --workers auto (one process per usable core: one process on a
    single-core machine)."""
    from quotes.io.runner import usable_cores

    runner = CliRunner()
    single, several = tmp_path / "one.jsonl", tmp_path / "several.jsonl"
    assert runner.invoke(main, ["extract", str(corpus), "-o", str(single), "--no-cache",
                                "--batch-size", "1"]).exit_code == 0
    result = runner.invoke(main, ["extract", str(corpus), "-o", str(several), "--no-cache",
                                  "--batch-size", "1", "--workers", workers, "--model", "bundled"])
    assert result.exit_code == 0, result.output
    processes = usable_cores() if workers == "auto" else int(workers)
    assert (f"({processes} workers)" in result.output) == (processes > 1), result.output
    assert several.read_text(encoding="utf-8") == single.read_text(encoding="utf-8")


@pytest.mark.parametrize("value", ["many", "0", "65", ""])
def test_workers_must_be_a_number_or_auto(corpus, tmp_path, value):
    result = CliRunner().invoke(main, ["extract", str(corpus), "-o", str(tmp_path / "o.jsonl"),
                                       "--workers", value])
    assert result.exit_code == 2
    assert "--workers" in result.output
    assert not (tmp_path / "o.jsonl").exists()
