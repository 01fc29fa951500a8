"""The command line on real files: outputs, exit codes and one-line errors."""
import csv
import io
import json

import pytest
from click.testing import CliRunner
from conftest import SEED

from quotes.cli import main


@pytest.fixture(scope="module")
def runner():
    return CliRunner()


@pytest.fixture(autouse=True)
def shared_pipeline(monkeypatch, pipeline):
    """Reuse the session's loaded pipeline instead of loading one per invocation."""
    import quotes.analyzer

    monkeypatch.setattr(quotes.analyzer, "load_pipeline", lambda model="auto": pipeline)


def test_extract_seed_jsonl(runner):
    result = runner.invoke(main, ["extract", str(SEED), "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and {r["doc_id"] for r in rows} == {"000_cd2bf0a090a087de"}
    assert "model: quotes-en-compact@" in result.stderr
    assert f"1 documents, {len(rows)} attributions" in result.stderr
    text = SEED.read_text(encoding="utf-8")
    assert all(text[r["start"]:r["end"]] == r["text"] for r in rows)


def test_extract_csv_to_file_with_metadata(runner, tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "a1", "outlet": "Wire", "text":
                                  "“We will appeal,” the lawyer said."}) + "\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    result = runner.invoke(main, ["extract", str(source), "-f", "csv", "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows[0]["doc_id"] == "a1" and rows[0]["outlet"] == "Wire"
    assert rows[0]["text"] == "We will appeal," and rows[0]["cue"] == "said"


def test_stdin_table(runner):
    result = runner.invoke(main, ["extract", "-", "-f", "table"],
                           input="“Rates will fall,” the governor said.".encode())
    assert result.exit_code == 0, result.output
    assert "Rates will fall" in result.stdout and "speaker_name" in result.stdout


@pytest.mark.parametrize("content,message", [
    (b"", "empty document"),
    (b"\x00\x00\x00", "binary"),
])
def test_bad_input_exit_2_one_line(runner, tmp_path, content, message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    result = runner.invoke(main, ["extract", str(bad)])
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_missing_file_and_unwritable_output(runner, tmp_path):
    result = runner.invoke(main, ["extract", str(tmp_path / "none.txt")])
    assert result.exit_code == 2 and "no such file" in result.stderr
    result = runner.invoke(main, ["extract", str(SEED), "-o", str(tmp_path / "no" / "x.csv")])
    assert result.exit_code == 2 and "does not exist" in result.stderr


def test_one_bad_document_is_skipped_and_run_fails_with_1(runner, tmp_path):
    (tmp_path / "good.txt").write_text("“Yes,” she said.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = runner.invoke(main, ["extract", str(tmp_path), "-f", "jsonl"])
    assert result.exit_code == 1
    assert "empty: empty document; skipped" in result.stderr
    assert [json.loads(l)["doc_id"] for l in result.stdout.splitlines()] == ["good"]


def test_unbalanced_quotes_keep_the_quotation(runner, tmp_path):
    article = tmp_path / "open.txt"
    article.write_text("The mayor said: “We will rebuild the bridge by spring.\n"
                       "Officials did not comment.", encoding="utf-8")
    result = runner.invoke(main, ["extract", str(article), "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(l) for l in result.stdout.splitlines()]
    quoted = [r for r in rows if "rebuild the bridge" in r["text"]]
    assert quoted and quoted[0]["unclosed"] is True


def test_models_info_and_help(runner):
    result = runner.invoke(main, ["models", "info", "--model", "bundled"])
    assert result.exit_code == 0 and "quotes-en-compact" in result.stdout
    for command in (["extract"], ["evaluate"], ["models"]):
        assert runner.invoke(main, command + ["--help"]).exit_code == 0
