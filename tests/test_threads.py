"""Torch threads: one per process unless the user says otherwise (a busy machine degrades
gently; ``make bench`` measures it)."""
import json

import pytest
import torch
from click.testing import CliRunner

from quotes.cli import main
from quotes.parse.nlp import DEFAULT_THREADS, ModelError, set_threads, thread_count


@pytest.fixture
def restore_threads():
    before = torch.get_num_threads()
    yield
    torch.set_num_threads(before)


def test_default_is_one_thread(monkeypatch):
    monkeypatch.delenv("QUOTES_THREADS", raising=False)
    monkeypatch.delenv("OMP_NUM_THREADS", raising=False)
    assert DEFAULT_THREADS == 1
    assert thread_count() == 1


def test_environment_and_argument_choose_threads(monkeypatch):
    monkeypatch.setenv("OMP_NUM_THREADS", "3")
    monkeypatch.delenv("QUOTES_THREADS", raising=False)
    assert thread_count() == 3
    monkeypatch.setenv("QUOTES_THREADS", "2")
    assert thread_count() == 2                 # ours before OpenMP's
    assert thread_count(4) == 4                # an explicit argument before both


@pytest.mark.parametrize("value", ["two", "0", "-1"])
def test_bad_thread_settings_are_model_errors(monkeypatch, value):
    monkeypatch.setenv("QUOTES_THREADS", value)
    with pytest.raises(ModelError, match="thread"):
        thread_count()


def test_set_threads_changes_torch(restore_threads, monkeypatch):
    monkeypatch.delenv("QUOTES_THREADS", raising=False)
    monkeypatch.delenv("OMP_NUM_THREADS", raising=False)
    torch.set_num_threads(2)
    assert set_threads() == 1 and torch.get_num_threads() == 1
    assert set_threads(2) == 2 and torch.get_num_threads() == 2


def test_loading_the_pipeline_sets_one_thread(restore_threads, monkeypatch):
    from quotes.parse.nlp import load_pipeline

    monkeypatch.delenv("QUOTES_THREADS", raising=False)
    monkeypatch.delenv("OMP_NUM_THREADS", raising=False)
    torch.set_num_threads(2)
    pipeline = load_pipeline("bundled")
    assert torch.get_num_threads() == 1
    assert pipeline.parse("“Yes,” she said.").sentences


def test_cli_refuses_a_bad_thread_setting_in_one_line(tmp_path, monkeypatch):
    source = tmp_path / "a.jsonl"
    source.write_text(json.dumps({"id": "a", "text": "“Yes,” she said."}) + "\n",
                      encoding="utf-8")
    monkeypatch.setenv("QUOTES_THREADS", "lots")
    result = CliRunner().invoke(main, ["extract", str(source), "-o", str(tmp_path / "o.jsonl"),
                                       "--no-cache", "--model", "bundled"])
    assert result.exit_code == 2, result.output
    assert len(result.output.strip().splitlines()) == 1
    assert "QUOTES_THREADS" in result.output
