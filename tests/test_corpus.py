"""Reading inputs: every supported format, and one clear error for each kind of bad input."""
import json

import pytest

from quotes.io.readers import (
    MAX_DOCUMENT_CHARS,
    Article,
    InputError,
    check_article,
    read_articles,
)
from quotes.io.writers import AtomicWriter


def test_txt_folder_jsonl_and_csv(tmp_path):
    (tmp_path / "a.txt").write_text("“Yes,” she said.", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(
        json.dumps({"id": "x1", "text": "Hello.", "outlet": "VOA", "date": "2024-11-12"}) + "\n"
        + "\n" + json.dumps({"id": "x2", "text": "Bye."}) + "\n", encoding="utf-8")
    (tmp_path / "c.csv").write_text("id,body,section\nc1,\"He said, “no.”\",world\n",
                                    encoding="utf-8")
    arts = list(read_articles([str(tmp_path / "a.txt"), str(tmp_path / "b.jsonl")]))
    assert [(a.doc_id, a.text) for a in arts] == [
        ("a", "“Yes,” she said."), ("x1", "Hello."), ("x2", "Bye.")]
    assert arts[1].meta == {"outlet": "VOA", "date": "2024-11-12"}
    (csv_article,) = read_articles([str(tmp_path / "c.csv")], text_column="body")
    assert (csv_article.doc_id, csv_article.text, csv_article.meta) == (
        "c1", "He said, “no.”", {"section": "world"})
    (tmp_path / "c.csv").unlink()
    folder = list(read_articles([str(tmp_path)]))
    assert [a.doc_id for a in folder][:3] == ["a", "x1", "x2"]


def test_utf8_bom_is_removed(tmp_path):
    (tmp_path / "bom.txt").write_bytes("\ufeffText.".encode("utf-8"))
    assert next(read_articles([str(tmp_path / "bom.txt")])).text == "Text."


def test_windows_1252_is_read_with_a_warning(tmp_path):
    (tmp_path / "w.txt").write_bytes("\u201cYes,\u201d she said.".encode("cp1252"))
    with pytest.warns(UserWarning, match="Windows-1252"):
        (article,) = read_articles([str(tmp_path / "w.txt")])
    assert article.text == "“Yes,” she said."


@pytest.mark.parametrize("name,content,message", [
    ("bin.txt", b"\x00\x01\x02binary", "binary"),
    ("notes.docx", b"PK\x03\x04", "unknown input format"),
])
def test_bad_files_raise_one_line(tmp_path, name, content, message):
    (tmp_path / name).write_bytes(content)
    with pytest.raises(InputError, match=message) as info:
        list(read_articles([str(tmp_path / name)]))
    assert "\n" not in str(info.value)


def test_missing_file_and_bad_jsonl_and_missing_column(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        list(read_articles([str(tmp_path / "nope.txt")]))
    (tmp_path / "bad.jsonl").write_text('{"id": 1, "text": "ok"}\n{broken\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.jsonl:2: not valid JSON"):
        list(read_articles([str(tmp_path / "bad.jsonl")]))
    (tmp_path / "t.csv").write_text("id,body\n1,x\n", encoding="utf-8")
    with pytest.raises(InputError, match="no column 'text'"):
        list(read_articles([str(tmp_path / "t.csv")]))


def test_empty_and_huge_documents_are_refused_with_reason():
    assert check_article(Article("e", "  \n ")) == "empty document"
    assert "too long" in check_article(Article("h", "x" * (MAX_DOCUMENT_CHARS + 1)))
    assert check_article(Article("ok", "Fine.")) is None


def test_atomic_writer_leaves_no_partial_file(tmp_path):
    target = tmp_path / "out.csv"
    with pytest.raises(RuntimeError):
        with AtomicWriter(str(target)) as handle:
            handle.write("half")
            raise RuntimeError("interrupted")
    assert not target.exists() and list(tmp_path.iterdir()) == []
    with AtomicWriter(str(target)) as handle:
        handle.write("whole")
    assert target.read_text() == "whole"


def test_jsonl_with_a_windows_1252_line_midway_is_read_once(tmp_path):
    lines = [json.dumps({"id": f"d{i}", "text": f"Text {i}."}) for i in range(3)]
    data = ("\n".join(lines[:2]) + "\n").encode("utf-8") + \
        '{"id": "d2", "text": "Caf\u00e9 \u201cquote\u201d."}\n'.encode("cp1252")
    (tmp_path / "mixed.jsonl").write_bytes(data)
    with pytest.warns(UserWarning, match="Windows-1252"):
        articles = list(read_articles([str(tmp_path / "mixed.jsonl")]))
    assert [a.doc_id for a in articles] == ["d0", "d1", "d2"]
    assert articles[2].text == "Café “quote”."
