"""Bad inputs, bad outputs and interrupted runs through the real CLI: exact exit codes, one-line
messages, the files left behind, and every good document's records exactly once."""
import csv
import io
import json
import os
import re
import stat
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SEED

from quotes.cli import main, render
from quotes.io.sink import RecordSink

GOOD = [
    ("g1", "“We will appeal the ruling,” said Maria Lopez, a lawyer for the city."),
    ("g2", "“The bridge reopens in May,” the mayor said on Tuesday."),
    ("g3", "The mayor told reporters that the budget “is not negotiable.”"),
]
QUOTES = [sys.executable, "-m", "quotes"]


@pytest.fixture(autouse=True)
def shared_pipeline(monkeypatch, pipeline):
    """Reuse the session's loaded pipeline (worker and subprocess runs load their own)."""
    import quotes.analyzer

    monkeypatch.setattr(quotes.analyzer, "load_pipeline", lambda model="auto": pipeline)


@pytest.fixture()
def runner():
    return CliRunner()


def jsonl(path: Path, records) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                    encoding="utf-8")
    return path


def articles(pairs=GOOD):
    return [{"id": i, "text": t} for i, t in pairs]


def rows_of(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def stderr_lines(result) -> list[str]:
    return result.stderr.splitlines()


@pytest.fixture(scope="module")
def expected(tmp_path_factory, pipeline):
    """Records of the good articles from a clean run: what every run must hold exactly once."""
    import quotes.analyzer

    original = quotes.analyzer.load_pipeline
    quotes.analyzer.load_pipeline = lambda model="auto": pipeline
    try:
        folder = tmp_path_factory.mktemp("expected")
        out = folder / "out.jsonl"
        result = CliRunner().invoke(main, ["extract", str(jsonl(folder / "good.jsonl", articles())),
                                           "-o", str(out), "--no-cache"])
        assert result.exit_code == 0, result.output
    finally:
        quotes.analyzer.load_pipeline = original
    rows = rows_of(out)
    assert {r["doc_id"] for r in rows} == {"g1", "g2", "g3"}
    return rows


def assert_good_records_once(rows, expected):
    assert Counter(json.dumps(r, sort_keys=True) for r in rows) == \
        Counter(json.dumps(r, sort_keys=True) for r in expected)


def files_in(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


# ------------------------------------------------------------------ 1. workers and bad models


@pytest.mark.parametrize("model", ["missing", "empty"])
def test_workers_with_a_bad_model_exit_2_with_one_line(runner, tmp_path, model):
    source = jsonl(tmp_path / "in.jsonl", articles())
    folder = tmp_path / model
    if model == "empty":
        folder.mkdir()
    out = tmp_path / "out.jsonl"
    result = runner.invoke(main, ["extract", str(source), "-o", str(out), "--workers", "2",
                                  "--model", str(folder), "--no-cache"])
    assert result.exit_code == 2
    message = (f"Error: model directory {folder} does not exist: run `make model` or reinstall "
               "quotes, or pass model='stanza' or another folder") if model == "missing" else (
        f"Error: model directory {folder} lacks tokenize.pt, mwt.pt, pos.pt, lemma.pt, "
        "depparse.pt: run `make model` (or `make model STAGES=...`) to train them")
    assert stderr_lines(result) == [message]
    assert files_in(tmp_path) == {"in.jsonl"} | ({"empty"} if model == "empty" else set())


# ------------------------------------------------------------------ 2. outputs that are inputs


@pytest.mark.parametrize("how", ["same", "relative", "symlink", "hardlink"])
def test_output_that_is_an_input_is_refused(runner, tmp_path, monkeypatch, how):
    source = jsonl(tmp_path / "same.jsonl", articles())
    before = source.read_bytes()
    target = {"same": source, "relative": Path("same.jsonl"), "symlink": tmp_path / "link.jsonl",
              "hardlink": tmp_path / "hard.jsonl"}[how]
    if how == "symlink":
        target.symlink_to(source)
    elif how == "hardlink":
        os.link(source, target)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["extract", str(source), "-o", str(target)])
    assert result.exit_code == 2
    assert stderr_lines(result) == [
        f"Error: {target}: is also an input ({source}); write the output elsewhere"]
    assert source.read_bytes() == before
    assert not any(name.endswith((".partial", ".progress")) for name in files_in(tmp_path))


def test_outputs_in_an_input_folder_are_never_read_back(runner, tmp_path, expected):
    folder = tmp_path / "articles"
    folder.mkdir()
    jsonl(folder / "news.jsonl", articles())
    out = folder / "out.jsonl"
    first = runner.invoke(main, ["extract", str(folder), "-o", str(out)])
    assert first.exit_code == 0, first.output
    # Leftovers of other runs: an interrupted run's work files, an earlier output as CSV.
    (folder / "old.jsonl.partial").write_text(out.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "old.jsonl.progress").write_text('"g1"\t10\n', encoding="utf-8")
    assert runner.invoke(main, ["extract", str(folder), "-f", "csv", "-o",
                                str(tmp_path / "old.csv")]).exit_code == 0
    (folder / "old.csv").write_bytes((tmp_path / "old.csv").read_bytes())
    again = runner.invoke(main, ["extract", str(folder), "-o", str(out)])
    assert again.exit_code == 0, again.output
    assert stderr_lines(again) == [
        stderr_lines(again)[0],
        f"warning: {folder / 'old.csv'}: holds attribution records (an earlier output of "
        "quotes), not articles; skipped",
        f"3 documents, {len(expected)} attributions"]
    assert_good_records_once(rows_of(out), expected)
    assert files_in(folder) == {"news.jsonl", "out.jsonl", "old.csv", "old.jsonl.partial",
                                "old.jsonl.progress"}


# ------------------------------------------------------------------ 3. resume


def _interrupted(out: Path, rows: list[dict], done: list[str], torn: str = "") -> None:
    """What a run killed after the documents ``done`` leaves: their rows and log lines, then
    half a row of the next document (and, with ``torn``, half a log line)."""
    sink = RecordSink(str(out), "jsonl", [])
    for doc_id in done:
        sink.write_document(doc_id, [r for r in rows if r["doc_id"] == doc_id])
    sink.close(complete=False)
    with open(str(out) + ".partial", "a", encoding="utf-8") as partial:
        partial.write('{"doc_id": "half a row", ')
    if torn:
        with open(str(out) + ".progress", "a", encoding="utf-8") as log:
            log.write(torn)


def test_resume_keeps_documents_with_a_repeated_id(runner, tmp_path):
    pairs = [(f"d{i:02}", f"“Item {i} is on the agenda,” the clerk said.") for i in range(40)]
    pairs[25] = ("d03", "“Item 25 is on the agenda,” the clerk said.")     # id used twice
    source = jsonl(tmp_path / "in.jsonl", articles(pairs))
    clean = tmp_path / "clean.jsonl"
    result = runner.invoke(main, ["extract", str(source), "-o", str(clean)])
    assert result.exit_code == 0, result.output
    assert "warning: d03: id used again; this one is d03#2" in stderr_lines(result)
    rows = rows_of(clean)
    assert len(rows) == 40 and len({r["doc_id"] for r in rows}) == 40
    assert next(r for r in rows if r["doc_id"] == "d03#2")["text"].startswith("Item 25")

    out = tmp_path / "out.jsonl"
    _interrupted(out, rows, [r["doc_id"] for r in rows[:30]])
    resumed = runner.invoke(main, ["extract", str(source), "-o", str(out), "--resume"])
    assert resumed.exit_code == 0, resumed.output
    assert "resuming after 30 finished documents" in stderr_lines(resumed)
    assert stderr_lines(resumed)[-1] == "10 documents, 10 attributions"
    assert rows_of(out) == rows
    assert files_in(tmp_path) == {"in.jsonl", "clean.jsonl", "out.jsonl"}


def test_resume_after_a_torn_progress_line_redoes_that_document(runner, tmp_path, expected):
    source = jsonl(tmp_path / "in.jsonl", articles())
    out = tmp_path / "out.jsonl"
    _interrupted(out, expected, ["g1"], torn='"g2"\t4')       # the kill hit mid-line
    result = runner.invoke(main, ["extract", str(source), "-o", str(out), "--resume"])
    assert result.exit_code == 0, result.output
    assert f"warning: {out}.progress: torn last line '\"g2\"\\t4' ignored; its document " \
           "is processed again" in stderr_lines(result)
    assert "resuming after 1 finished documents" in stderr_lines(result)
    assert rows_of(out) == expected
    assert files_in(tmp_path) == {"in.jsonl", "out.jsonl"}


def test_resume_in_another_format_is_refused(runner, tmp_path, expected):
    source = jsonl(tmp_path / "in.jsonl", articles())
    out = tmp_path / "out.jsonl"
    _interrupted(out, expected, ["g1"])
    partial, log = Path(f"{out}.partial").read_bytes(), Path(f"{out}.progress").read_bytes()
    result = runner.invoke(main, ["extract", str(source), "-o", str(out), "--resume",
                                  "-f", "csv"])
    assert result.exit_code == 2
    assert stderr_lines(result) == [f"Error: {out}: the interrupted run wrote jsonl; resume "
                                    "it with -f jsonl, or start again without --resume"]
    assert Path(f"{out}.partial").read_bytes() == partial
    assert Path(f"{out}.progress").read_bytes() == log
    assert not out.exists()


# ------------------------------------------------------------------ 4. bad lines, bad inputs


def test_bad_jsonl_lines_are_skipped_by_line_number(runner, tmp_path, expected):
    good = [json.dumps(a, ensure_ascii=False) for a in articles()]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join([good[0], '{"id": "broken", "text": ', good[1],
                                 '{"id": "no-text", "body": "x"}', "",
                                 '{"id": "number", "text": 42}', '["a", "list"]', good[2]])
                      + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(main, ["extract", str(source), "-o", str(out)])
    assert result.exit_code == 1
    assert stderr_lines(result)[1:] == [
        f"warning: {source}:2: not valid JSON (Expecting value); skipped",
        f"warning: {source}:4: needs a string field 'text' (it has none); skipped",
        f"warning: {source}:6: needs a string field 'text' (it is int); skipped",
        f"warning: {source}:7: not a JSON object (a list); skipped",
        f"3 documents, {len(expected)} attributions",
        "error: 4 document(s) failed"]
    assert_good_records_once(rows_of(out), expected)
    assert files_in(tmp_path) == {"in.jsonl", "out.jsonl"}


@pytest.mark.parametrize("case", ["missing", "csv column", "jsonl field", "binary"])
def test_bad_inputs_fail_before_any_output_file(runner, tmp_path, case):
    if case == "missing":
        source, args, message = tmp_path / "none.jsonl", [], "{s}: no such file or directory"
    elif case == "csv column":
        source = tmp_path / "in.csv"
        source.write_text("id,body\n1,“Yes,” she said.\n", encoding="utf-8")
        args, message = [], "{s}: no column 'text' (columns: id, body); use --text-column"
    elif case == "jsonl field":
        source = jsonl(tmp_path / "in.jsonl", articles())
        args = ["--text-column", "body"]
        message = "{s}: no field 'body' in its records (fields: id, text); use --text-column"
    else:
        source = tmp_path / "in.txt"
        source.write_bytes(b"\x00\x01binary")
        args, message = [], "{s}: looks like a binary file, not text"
    existing = files_in(tmp_path)
    result = runner.invoke(main, ["extract", str(source), "-o", str(tmp_path / "out.jsonl")]
                           + args)
    assert result.exit_code == 2
    assert stderr_lines(result) == ["Error: " + message.format(s=source)]
    assert files_in(tmp_path) == existing


def test_failures_are_counted_once_each(runner, tmp_path, expected):
    """Bad lines, unreadable files in a folder and empty documents all count as failures."""
    folder = tmp_path / "in"
    folder.mkdir()
    jsonl(folder / "a.jsonl", articles() + [{"id": "empty", "text": "  "}])
    (folder / "b.jsonl").write_text("{nope\n", encoding="utf-8")
    (folder / "c.txt").write_bytes(b"\x00binary")
    result = runner.invoke(main, ["extract", str(folder), "-o", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 1
    assert stderr_lines(result)[1:] == [
        f"warning: {folder / 'b.jsonl'}:1: not valid JSON (Expecting property name enclosed "
        "in double quotes); skipped",
        f"warning: {folder / 'c.txt'}: looks like a binary file, not text; skipped",
        "error: empty: empty document; skipped",
        f"3 documents, {len(expected)} attributions",
        "error: 3 document(s) failed"]
    assert_good_records_once(rows_of(tmp_path / "out.jsonl"), expected)


# ------------------------------------------------------------------ 5. pipes are read once


@pytest.mark.parametrize("content", ["text", "jsonl"])
def test_fifo_inputs_are_read_once(runner, tmp_path, content, expected):
    fifo = tmp_path / ("in.txt" if content == "text" else "in.jsonl")
    os.mkfifo(fifo)
    data = GOOD[0][1] if content == "text" else "".join(
        json.dumps(a, ensure_ascii=False) + "\n" for a in articles())

    def feed():
        with open(fifo, "w", encoding="utf-8") as writer:
            writer.write(data)

    # A second open would block for ever: the feeder writes once, then a watchdog unblocks
    # any later open with an empty write so that a regression fails instead of hanging.
    feeder = threading.Thread(target=feed, daemon=True)
    feeder.start()
    out = tmp_path / "out.jsonl"
    done = threading.Event()

    def watchdog():
        if not done.wait(120):
            with open(fifo, "w"):
                pass

    threading.Thread(target=watchdog, daemon=True).start()
    result = runner.invoke(main, ["extract", str(fifo), "-o", str(out)])
    done.set()
    assert result.exit_code == 0, result.output
    rows = rows_of(out)
    if content == "text":
        assert {r["doc_id"] for r in rows} == {"in"} and rows[0]["text"] == "We will appeal the ruling,"
    else:
        assert_good_records_once(rows, expected)


def test_process_substitution_is_read_once(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD[1][1], encoding="utf-8")
    out = tmp_path / "out.jsonl"
    done = subprocess.run(["bash", "-c", f'"$@" <(cat {tmp_path / "a.txt"}) -o {out}', "bash",
                           *QUOTES, "extract", "--model", "bundled"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines()[-1] == "1 documents, 1 attributions"
    assert rows_of(out)[0]["text"] == "The bridge reopens in May,"


# ------------------------------------------------------------------ 6. one-line errors


def test_output_onto_a_directory_fails_before_the_work(runner, tmp_path):
    source = jsonl(tmp_path / "in.jsonl", articles())
    folder = tmp_path / "out"
    folder.mkdir()
    for command in (["extract", str(source), "-o", str(folder)],
                    ["extract", str(source), "-f", "json", "-o", str(folder)],
                    ["audit", str(source), "-o", str(folder)],
                    ["report", str(source), "-o", str(folder)]):
        result = runner.invoke(main, command)
        assert result.exit_code == 2, command
        assert stderr_lines(result) == [f"Error: {folder}: is a directory; name a file to write"]
    assert files_in(tmp_path) == {"in.jsonl", "out"} and files_in(folder) == set()


def test_utf8_jsonl_with_one_windows_1252_line(runner, tmp_path, expected):
    lines = [json.dumps(a, ensure_ascii=False).encode("utf-8") for a in articles()]
    pasted = json.dumps({"id": "w", "text": "“Café prices rose,” the owner said."},
                        ensure_ascii=False).encode("cp1252")
    source = tmp_path / "in.jsonl"
    source.write_bytes(b"\n".join([lines[0], pasted, lines[1], lines[2]]) + b"\n")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(main, ["extract", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    offset = pasted.index("“".encode("cp1252"))
    assert stderr_lines(result)[1] == (f"warning: {source}: not UTF-8 (invalid byte at offset "
                                       f"{offset} of line 2); read such lines as Windows-1252")
    rows = rows_of(out)
    assert [r["text"] for r in rows if r["doc_id"] == "w"] == ["Café prices rose,"]
    assert_good_records_once([r for r in rows if r["doc_id"] != "w"], expected)


def test_csv_field_over_two_million_characters(runner, tmp_path):
    source = tmp_path / "in.csv"
    with source.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "text"])
        writer.writerow(["huge", "“Yes,” she said. " + "x" * 2_100_000])
        writer.writerow(["g1", GOOD[0][1]])
    out = tmp_path / "out.jsonl"
    result = runner.invoke(main, ["extract", str(source), "-o", str(out)])
    assert result.exit_code == 1
    assert stderr_lines(result)[1:] == [
        "error: huge: document too long (2,100,017 characters, limit 2,000,000): split it "
        "into articles; skipped",
        "1 documents, 1 attributions", "error: 1 document(s) failed"]
    assert [r["doc_id"] for r in rows_of(out)] == ["g1"]


def test_full_disk_on_stdout_is_one_line(tmp_path):
    source = jsonl(tmp_path / "in.jsonl", articles())
    for fmt in ("jsonl", "json"):
        with open("/dev/full", "w") as full:
            done = subprocess.run(QUOTES + ["extract", str(source), "-f", fmt, "--model",
                                            "bundled"], stdout=full, stderr=subprocess.PIPE,
                                  text=True, timeout=300)
        assert done.returncode == 1, done.stderr
        assert done.stderr.splitlines()[-1] == \
            "Error: stdout: cannot write (No space left on device)"
        assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr


def test_reader_that_stops_reading_ends_the_run_quietly(tmp_path):
    pairs = [(f"d{i}", f"“Item {i} passed,” the clerk said.") for i in range(30)]
    source = jsonl(tmp_path / "in.jsonl", articles(pairs))
    process = subprocess.Popen(QUOTES + ["extract", str(source), "--model", "bundled",
                                         "--batch-size", "1", "--no-cache"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert json.loads(process.stdout.readline())["doc_id"] == "d0"
    process.stdout.close()                      # like `| head -1`
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=300) == 1
    assert "Traceback" not in stderr and "Broken pipe" not in stderr
    assert "Exception ignored" not in stderr and "Error" not in stderr


@pytest.mark.parametrize("gold,predictions,message", [
    ({"id": "a", "text": "x"}, None, "{g}:1: needs a field 'quotes'"),
    ({"id": "a", "text": "x", "quotes": [{"end": 1, "text": "x"}]}, None,
     "{g}:1: quote 1: needs a field 'start'"),
    ({"id": "a", "text": "x", "quotes": [{"start": 0, "end": 1}]}, None,
     "{g}:1: quote 1: needs a field 'text'"),
    ({"id": "a", "quotes": []}, None, "{g}:1: needs a field 'text'"),
    ({"id": "a", "text": "x", "quotes": [{"start": "0", "end": 1, "text": "x"}]}, None,
     "{g}:1: quote 1: field 'start' must be int, not str"),
    ({"id": "a", "text": "x", "quotes": []}, {"doc_id": "a", "end": 1, "text": "x"},
     "{p}:1: needs a field 'start'"),
    ({"id": "a", "text": "x", "quotes": []}, {"doc_id": "a", "start": 0, "end": 1},
     "{p}:1: needs a field 'text'"),
    ({"id": "a", "text": "x", "quotes": []}, "{not json", "{p}:1: not valid JSON "
     "(Expecting property name enclosed in double quotes)"),
])
def test_evaluate_input_missing_fields_is_one_line(runner, tmp_path, gold, predictions, message):
    gold_path = jsonl(tmp_path / "gold.jsonl", [gold])
    args = ["evaluate", str(gold_path)]
    pred_path = tmp_path / "pred.jsonl"
    if predictions is not None:
        if isinstance(predictions, str):
            pred_path.write_text(predictions + "\n", encoding="utf-8")
        else:
            jsonl(pred_path, [predictions])
        args.append(str(pred_path))
    result = runner.invoke(main, args)
    assert result.exit_code == 2
    assert stderr_lines(result) == ["Error: " + message.format(g=gold_path, p=pred_path)]


# ------------------------------------------------------------------ 7. file modes


@pytest.mark.parametrize("umask", [0o022, 0o027])
def test_outputs_honour_the_umask(runner, tmp_path, umask):
    source = jsonl(tmp_path / "in.jsonl", articles())
    existing = tmp_path / "existing.json"
    existing.write_text("[]")
    existing.chmod(0o644 & ~umask)
    old = os.umask(umask)
    try:
        runs = [["extract", str(source), "-f", "json", "-o", str(existing)],
                ["extract", str(source), "-f", "csv", "-o", str(tmp_path / "rows.csv")],
                ["audit", str(source), "-o", str(tmp_path / "audit.csv")],
                ["report", str(source), "-o", str(tmp_path / "report.html")],
                ["speakers", str(source), "--out-dir", str(tmp_path / "speakers")]]
        for args in runs:
            result = runner.invoke(main, args)
            assert result.exit_code == 0, result.output
    finally:
        os.umask(old)
    written = [existing, tmp_path / "rows.csv", tmp_path / "audit.csv", tmp_path / "report.html",
               *(tmp_path / "speakers").iterdir()]
    assert len(written) > 6
    assert {p.name: oct(stat.S_IMODE(p.stat().st_mode)) for p in written} == \
        {p.name: oct(0o666 & ~umask) for p in written}


# ------------------------------------------------------------------ 8. speakers, audit, cache


def test_speaker_called_speakers_never_overwrites_the_index(runner, tmp_path):
    source = jsonl(tmp_path / "in.jsonl", articles(
        [("s1", "“The vote is final,” said Speakers, the council clerk."), *GOOD[:1]]))
    out = tmp_path / "out"
    result = runner.invoke(main, ["speakers", str(source), "--out-dir", str(out)])
    assert result.exit_code == 0, result.output
    index = list(csv.DictReader(io.StringIO((out / "speakers.csv").read_text("utf-8"))))
    assert "speakers.csv" not in {row["file"] for row in index}
    assert files_in(out) == {"speakers.csv"} | {row["file"] for row in index}
    clerk = next(row for row in index if row["speaker_name"] == "Speakers")
    assert clerk["file"] == "speakers-2.csv"
    assert "The vote is final" in (out / "speakers-2.csv").read_text(encoding="utf-8")


@pytest.mark.parametrize("value,problem", [
    ("nan", "nan is not a number between 0 and 1"),
    ("inf", "inf is not in the range 0<=x<=1."),
    ("-inf", "-inf is not in the range 0<=x<=1."),
    ("1.5", "1.5 is not in the range 0<=x<=1."),
    ("-0.1", "-0.1 is not in the range 0<=x<=1."),
])
def test_audit_fail_above_must_be_a_share(runner, value, problem):
    result = runner.invoke(main, ["audit", str(SEED), f"--fail-above={value}"])
    assert result.exit_code == 2
    assert stderr_lines(result) == [
        f"Error: Invalid value for '--fail-above': {problem} (see 'main audit --help')"]


def test_parse_cache_entry_that_is_a_folder_leaves_no_temporary_files(runner, tmp_path,
                                                                      pipeline, expected):
    from quotes.parse.cache import ParseCache

    cache = tmp_path / "cache"
    key = ParseCache(cache, pipeline.info.id).key(GOOD[0][1])
    (cache / key[:2] / f"{key}.json.gz").mkdir(parents=True)        # in the way of the entry
    source = jsonl(tmp_path / "in.jsonl", articles())
    out = tmp_path / "out.jsonl"
    result = runner.invoke(main, ["extract", str(source), "-o", str(out), "--cache-dir",
                                  str(cache)])
    assert result.exit_code == 0, result.output
    assert_good_records_once(rows_of(out), expected)
    assert not [p for p in cache.rglob("*") if p.name.startswith(".tmp-")]
    assert len(list(cache.rglob("*.json.gz"))) == 3              # the folder and two entries


# ------------------------------------------------------------------ 9. nested quotation marks


LOPEZ = "Maria Lopez, a lawyer for the city"
# (article, the quotation's content, its speaker): each a quotation that holds a quotation.
NESTED = [
    ("“He said \"no\" to the plan,” she said.", "He said \"no\" to the plan,", "she"),
    ("\"He said “no” to the plan,\" she said.", "He said “no” to the plan,", "she"),
    ("‘\"No\", he said, to the plan,’ she said.", "\"No\", he said, to the plan,", "she"),
    (f"‘\"No\", he said, to the plan,’ said {LOPEZ}.", "\"No\", he said, to the plan,", LOPEZ),
    ("'“No”, he said, to the plan,' she said.", "“No”, he said, to the plan,", "she"),
    ("She said: ‘\"No\", he said, to the plan.’", "\"No\", he said, to the plan.", "She"),
    (f"‘'No', he said, to the plan,’ said {LOPEZ}.", "'No', he said, to the plan,", LOPEZ),
    ("'‘No’, he said, to the plan,' she said.", "‘No’, he said, to the plan,", "she"),
]


def test_nested_marks_give_each_quotation_one_record(runner, tmp_path):
    source = jsonl(tmp_path / "in.jsonl",
                   articles([(f"n{i}", text) for i, (text, _, _) in enumerate(NESTED)]))
    result = runner.invoke(main, ["extract", str(source), "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["doc_id"] for r in rows] == [f"n{i}" for i in range(len(NESTED))]
    for row, (_, content, speaker) in zip(rows, NESTED):
        assert (row["kind"], row["text"], row["speaker"]) == ("direct", content, speaker)


# ------------------------------------------------------------------ 10. progress bar


def _run_on_a_terminal(args: list[str]) -> tuple[int, str]:
    """Run quotes with stderr on a pseudo-terminal; (exit code, what the terminal showed)."""
    import pty

    master, slave = pty.openpty()
    chunks: list[bytes] = []

    def read():
        while True:
            try:
                data = os.read(master, 4096)
            except OSError:
                return
            if not data:
                return
            chunks.append(data)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        code = subprocess.run(QUOTES + args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                              stderr=slave, timeout=300).returncode
    finally:
        os.close(slave)
    reader.join(10)
    os.close(master)
    return code, b"".join(chunks).decode("utf-8", errors="replace")


def test_progress_bar_on_a_terminal_and_silence_elsewhere(runner, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    count = 90                   # enough for more than a second: click's ETA needs that long
    for i in range(count):
        (folder / f"a{i:02}.txt").write_text(f"“Item {i} passed,” the clerk said.",
                                             encoding="utf-8")
    code, shown = _run_on_a_terminal(["extract", str(folder), "-o", str(tmp_path / "o.jsonl"),
                                      "--model", "bundled", "--batch-size", "1", "--no-cache"])
    assert code == 0, shown
    assert "documents  [" in shown and f"{count}/{count}  100%" in shown
    assert re.search(rf"\d+/{count} +\d+% +\d\d:\d\d:\d\d +[\d.]+ docs/s", shown), shown
    assert shown.splitlines()[-1] == f"{count} documents, {count} attributions"
    quiet = runner.invoke(main, ["extract", str(folder), "-o", str(tmp_path / "q.jsonl")])
    assert quiet.exit_code == 0
    assert stderr_lines(quiet)[1:] == [f"{count} documents, {count} attributions"]


# ------------------------------------------------------------------ 11. shares in tables


def test_terminal_tables_show_shares_as_percentages(runner):
    table = runner.invoke(main, ["audit", str(SEED)])
    as_csv = runner.invoke(main, ["audit", str(SEED), "-f", "csv"])
    as_json = runner.invoke(main, ["audit", str(SEED), "-f", "json"])
    assert table.exit_code == as_csv.exit_code == as_json.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    share = float(rows[0]["anonymous_share"])
    assert 0 < share < 1 and rows[0]["anonymous_share"] == str(json.loads(as_json.stdout)[0][
        "anonymous_share"])
    header, _, first = table.stdout.splitlines()[:3]
    for column in ("unresolved", "document", "sources_named", "sources_unnamed",
                   "sources_anonymous", "sources_document", "anonymous_share"):
        assert column in header.split()
    assert f"{share:.1%}" in first.split() and rows[0]["anonymous_share"] not in first


# ------------------------------------------------------------------ 13. one row writer


def test_one_row_writer_for_streamed_and_rendered_rows(runner, tmp_path):
    import inspect

    import quotes.cli
    import quotes.io.sink

    for module in (quotes.cli, quotes.io.sink):
        source = inspect.getsource(module)
        assert "DictWriter" not in source and "json.dumps(row" not in source, module
    rows = [{"doc_id": "a", "fragments": [[0, 2]], "text": "“é”,\n", "n": None},
            {"doc_id": "b", "fragments": [], "text": "x", "n": 1}]
    for fmt in ("csv", "jsonl"):
        rendered = io.StringIO(newline="")
        render(rows, fmt, rendered, ["doc_id", "fragments", "text", "n"])
        out = tmp_path / f"rows.{fmt}"
        sink = RecordSink(str(out), fmt, ["doc_id", "fragments", "text", "n"])
        sink.write_document("a", rows[:1])
        sink.write_document("b", rows[1:])
        sink.close(complete=True)
        assert out.read_bytes() == rendered.getvalue().encode("utf-8")
    streamed = runner.invoke(main, ["extract", str(SEED), "-f", "csv"])
    written = tmp_path / "seed.csv"
    assert runner.invoke(main, ["extract", str(SEED), "-f", "csv", "-o", str(written)]
                         ).exit_code == 0
    assert streamed.exit_code == 0 and streamed.stdout_bytes == written.read_bytes()
