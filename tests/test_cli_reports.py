"""speakers, audit, check and report commands on real files."""
import csv
import io

import pytest
from click.testing import CliRunner
from conftest import ROOT, SEED

from quotes.cli import main

EXPECTED = ROOT / "seeds" / "000_cd2bf0a090a087de.expected.csv"
ARTICLES = ROOT / "corpora" / "articles"


@pytest.fixture(autouse=True)
def shared_pipeline(monkeypatch, pipeline):
    import quotes.analyzer

    monkeypatch.setattr(quotes.analyzer, "load_pipeline", lambda model="auto": pipeline)


@pytest.fixture(scope="module")
def runner():
    return CliRunner()


def test_check_seed_against_its_expectations(runner):
    result = runner.invoke(main, ["check", str(SEED), "--expect", str(EXPECTED), "--no-color"])
    assert result.exit_code == 0, result.output
    assert "Charles Kupchan" in result.stdout and "\x1b[" not in result.stdout
    assert "all 10 expected attributions match" in result.stderr


def test_check_reports_mismatch_and_missing(runner, tmp_path):
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("text,speaker_name,anonymity\n"
                     "broker a cease-fire,Kupchan Charles,named\n"
                     "a sentence that is not in the article,Nobody,named\n", encoding="utf-8")
    result = runner.invoke(main, ["check", str(SEED), "--expect", str(wrong)])
    assert result.exit_code == 1
    assert "MISMATCH: 'broker a cease-fire' speaker_name: expected 'Kupchan Charles'" in \
        result.stdout
    assert "MISSING: 'a sentence that is not in the article'" in result.stdout
    assert "UNEXPECTED" in result.stdout


def test_audit_table_csv_and_gate(runner, tmp_path):
    out = tmp_path / "audit.csv"
    result = runner.invoke(main, ["audit", str(SEED), "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    seed = next(r for r in rows if r["doc_id"] == SEED.stem)
    assert int(seed["anonymous"]) >= 1 and int(seed["scare_excluded"]) >= 1
    assert rows[-1]["doc_id"] == "TOTAL"
    assert "scare quotes excluded from counts" in result.stderr
    gate = runner.invoke(main, ["audit", str(SEED), "--fail-above", "0.05"])
    assert gate.exit_code == 1 and "anonymous share above 0.05" in gate.stderr
    assert runner.invoke(main, ["audit", str(SEED), "--fail-above", "0.9"]).exit_code == 0


def test_audit_by_unknown_field_is_a_usage_error(runner):
    result = runner.invoke(main, ["audit", str(SEED), "--by", "outlet"])
    assert result.exit_code == 2 and "unknown field 'outlet'" in result.stderr


def test_speakers_writes_one_file_per_speaker(runner, tmp_path):
    result = runner.invoke(main, ["speakers", str(SEED), "--out-dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    index = list(csv.DictReader(io.StringIO((tmp_path / "speakers.csv").read_text("utf-8"))))
    kupchan = next(r for r in index if r["speaker_name"] == "Charles Kupchan")
    assert kupchan["attributions"] == "2" and kupchan["speaker_type"] == "person"
    table = (tmp_path / kupchan["file"]).read_text(encoding="utf-8")
    assert "broker a cease-fire" in table and "It will not be as easy" in table
    named = runner.invoke(main, ["speakers", str(SEED), "--out-dir", str(tmp_path / "n"),
                                 "--named-only"])
    assert named.exit_code == 0
    names = (tmp_path / "n" / "speakers.csv").read_text(encoding="utf-8")
    assert "Officials" not in names and "Charles Kupchan" in names


def test_report_is_one_self_contained_file(runner, tmp_path):
    out = tmp_path / "r.html"
    result = runner.invoke(main, ["report", str(SEED), "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page
    assert "http://" not in page and "https://" not in page
