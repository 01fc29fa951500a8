"""Reports and the HTML page on hand-made records from three short articles (no pipeline)."""
from __future__ import annotations

from html.parser import HTMLParser

import click
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.records import Attribution, to_frame
from quotes.reports.html import render_report
from quotes.reports.tables import (
    TABLE_COLUMNS,
    audit,
    check_against,
    failing_articles,
    review_lines,
    speaker_index,
    speaker_slugs,
    speaker_tables,
)

A1 = ("“We are not going to wait,” said Charles Kupchan, a senior fellow at the Council on "
      "Foreign Relations.\n\n"
      "He said the allies would “move quickly” on sanctions.\n\n"
      "“Nobody wants this,” Kupchan added.\n\n"
      "The so-called “reset” has failed, the French Foreign Ministry said.")
B2 = ("A senior official, who spoke on the condition of anonymity, said talks had stalled.\n"
      "“It is over,” the official said.\n"
      "Protesters said they would return on Monday & <again>.")
C3 = ("“France stands ready,” Jean-Noël Barrot said on Tuesday. "
      "Charles Kupchan said the plan was sound.")
D4 = "Markets were calm on Friday."
TEXTS = {"a1": A1, "b2": B2, "c3": C3, "d4": D4}
META = {"a1": {"title": "Allies weigh sanctions", "outlet": "Wire"},
        "b2": {"title": 'Talks "stall" <again> & more', "outlet": "Daily"},
        "c3": {"title": "France ready", "outlet": "Wire"},
        "d4": {"title": "Calm markets", "outlet": "Daily"}}
KUPCHAN = {"name": "Charles Kupchan", "stype": "person", "anon": "named",
           "evidence": "named person"}
OFFICIAL = {"name": "a senior official", "stype": "person", "anon": "anonymous",
            "evidence": "on the condition of anonymity"}


def make(doc, qid, kind, content, *, cue=None, speaker=None, name=None, role=None, stype=None,
         anon=None, evidence=None, method="syntax", para=0, sent=0):
    """A record whose offsets are found in the article; cue/speaker are (word, anchor) pairs."""
    article = TEXTS[doc]
    start = article.index(content)

    def locate(pair):
        if pair is None:
            return None, None
        at = article.index(pair[0], article.index(pair[1]))
        return at, at + len(pair[0])

    (cs, ce), (ss, se) = locate(cue), locate(speaker)
    record = Attribution(
        doc_id=doc, quote_id=qid, kind=kind, text=content, start=start, end=start + len(content),
        fragments=(), cue=cue and cue[0], cue_lemma=cue and cue[0], cue_start=cs, cue_end=ce,
        speaker=speaker and speaker[0], speaker_start=ss, speaker_end=se, speaker_name=name,
        speaker_role=role, speaker_type=stype, anonymity=anon,
        anonymous=None if anon is None else anon != "named", anonymity_evidence=evidence,
        method=method, sentence_index=sent, paragraph_index=para)
    assert article[record.start:record.end] == content
    return record


RECORDS = [
    make("a1", 1, "direct", "We are not going to wait,", cue=("said", "said Charles"),
         speaker=("Charles Kupchan", "Charles Kupchan"),
         role="a senior fellow at the Council on Foreign Relations", **KUPCHAN),
    make("a1", 2, "mixed", "the allies would “move quickly” on sanctions",
         cue=("said", "He said"), speaker=("He", "He said"), method="coreference", para=1, sent=1,
         **KUPCHAN),
    make("a1", 3, "direct", "Nobody wants this,", cue=("added", "added"),
         speaker=("Kupchan", "Kupchan added"), method="coreference", para=2, sent=2, **KUPCHAN),
    make("a1", 4, "indirect", "The so-called “reset” has failed", cue=("said", "Ministry said"),
         speaker=("the French Foreign Ministry", "the French"), name="French Foreign Ministry",
         stype="organization", anon="named", evidence="definite organization", para=3, sent=3),
    make("a1", 5, "scare", "reset", method="scare", para=3, sent=3),
    make("b2", 1, "indirect", "talks had stalled", cue=("said", "said talks"),
         speaker=("A senior official", "A senior"), **OFFICIAL),
    make("b2", 2, "direct", "It is over,", cue=("said", "official said"),
         speaker=("the official", "the official"), method="coreference", para=1, sent=1,
         **OFFICIAL),
    make("b2", 3, "indirect", "they would return on Monday & <again>",
         cue=("said", "Protesters said"), speaker=("Protesters", "Protesters"), name="protesters",
         stype="group", anon="unnamed", evidence="description without a name", para=2, sent=2),
    make("c3", 1, "direct", "France stands ready,", cue=("said", "Barrot said"),
         speaker=("Jean-Noël Barrot", "Jean"), name="Jean-Noël Barrot", stype="person",
         anon="named", evidence="named person"),
    make("c3", 2, "indirect", "the plan was sound", cue=("said", "Kupchan said"),
         speaker=("Charles Kupchan", "Charles Kupchan said"), sent=1, **KUPCHAN),
]
ARTICLES = [(doc, TEXTS[doc], META[doc]) for doc in TEXTS]


@pytest.fixture
def frame():
    return to_frame([{**r.to_dict(), "title": META[r.doc_id]["title"],
                      "outlet": META[r.doc_id]["outlet"]} for r in RECORDS])


def of(doc):
    return [r for r in RECORDS if r.doc_id == doc]


# ------------------------------------------------------------------ speakers

def test_speaker_index_keeps_each_description_and_counts(frame):
    index = speaker_index(frame)
    assert index.columns.tolist() == ["speaker_name", "speaker_type", "anonymity", "roles",
                                      "attributions", "articles", "first_doc_id", "last_doc_id",
                                      "file"]
    assert index.to_dict("records")[0] == {
        "speaker_name": "Charles Kupchan", "speaker_type": "person", "anonymity": "named",
        "roles": "a senior fellow at the Council on Foreign Relations", "attributions": 4,
        "articles": 2, "first_doc_id": "a1", "last_doc_id": "c3", "file": "charles-kupchan.csv"}
    assert index["speaker_name"].tolist() == ["Charles Kupchan", "a senior official",
                                              "French Foreign Ministry", "Jean-Noël Barrot",
                                              "protesters"]
    assert index["attributions"].tolist() == [4, 2, 1, 1, 1]
    assert index["anonymity"].tolist() == ["named", "anonymous", "named", "named", "unnamed"]
    assert index["file"].tolist()[1:4] == ["a-senior-official.csv", "french-foreign-ministry.csv",
                                           "jean-noel-barrot.csv"]


def test_speaker_index_filters(frame):
    assert speaker_index(frame, min_quotes=2)["speaker_name"].tolist() == [
        "Charles Kupchan", "a senior official"]
    assert speaker_index(frame, speaker_type="organization")["speaker_name"].tolist() == [
        "French Foreign Ministry"]
    named = speaker_index(frame, named_only=True)
    assert named["speaker_name"].tolist() == ["Charles Kupchan", "French Foreign Ministry",
                                              "Jean-Noël Barrot"]
    assert speaker_index(frame, min_quotes=5).empty


def test_speaker_slugs_fold_accents_and_disambiguate_deterministically():
    names = ["Charles Kupchan", "Jean-Noël Barrot", "charles kupchan", "Charles  Kupchan!", "",
             "!!!", "Łukasz Nowak"]
    expected = {"Charles  Kupchan!": "charles-kupchan.csv",
                "Charles Kupchan": "charles-kupchan-2.csv",
                "charles kupchan": "charles-kupchan-3.csv",
                "Jean-Noël Barrot": "jean-noel-barrot.csv",
                "": "speaker.csv", "!!!": "speaker-2.csv", "Łukasz Nowak": "lukasz-nowak.csv"}
    assert speaker_slugs(names) == expected
    assert speaker_slugs(reversed(names + names)) == expected
    assert speaker_slugs(["Charles Kupchan"]) == {"Charles Kupchan": "charles-kupchan.csv"}


def test_speaker_tables(frame):
    tables = speaker_tables(frame)
    assert list(tables) == ["charles-kupchan.csv", "a-senior-official.csv",
                            "french-foreign-ministry.csv", "jean-noel-barrot.csv", "protesters.csv"]
    kupchan = tables["charles-kupchan.csv"]
    assert kupchan.columns.tolist() == list(TABLE_COLUMNS)
    assert kupchan["doc_id"].tolist() == ["a1", "a1", "a1", "c3"]
    assert kupchan["quote_id"].tolist() == [1, 2, 3, 2]
    assert kupchan["speaker"].tolist() == ["Charles Kupchan", "He", "Kupchan", "Charles Kupchan"]
    assert list(speaker_tables(frame, min_quotes=2, named_only=True)) == ["charles-kupchan.csv"]


# ------------------------------------------------------------------ audit

def test_audit_per_article_with_empty_documents_and_total(frame):
    table, totals = audit(frame, documents=["a1", "b2", "c3", "d4"])
    assert table.columns.tolist() == ["doc_id", "title", "attributions", "named", "unnamed",
                                      "anonymous", "unresolved", "poll_respondents", "document",
                                      "anonymous_share",
                                      "unnamed_or_anonymous_share", "sources_named",
                                      "sources_unnamed", "sources_anonymous", "sources_document",
                                      "scare_excluded", "evidence"]
    rows = {r["doc_id"]: r for r in table.to_dict("records")}
    assert table["doc_id"].tolist() == ["a1", "b2", "c3", "d4", "TOTAL"]
    assert rows["a1"] == {"doc_id": "a1", "title": "Allies weigh sanctions", "attributions": 4,
                          "named": 4, "unnamed": 0, "anonymous": 0, "unresolved": 0,
                          "poll_respondents": 0, "document": 0, "anonymous_share": 0.0,
                          "unnamed_or_anonymous_share": 0.0, "sources_named": 2,
                          "sources_unnamed": 0, "sources_anonymous": 0, "sources_document": 0,
                          "scare_excluded": 1, "evidence": ""}
    assert rows["b2"]["anonymous"] == 2 and rows["b2"]["unnamed"] == 1
    assert rows["b2"]["anonymous_share"] == pytest.approx(2 / 3)
    assert rows["b2"]["unnamed_or_anonymous_share"] == 1.0
    assert rows["b2"]["evidence"] == "on the condition of anonymity"
    assert rows["d4"]["attributions"] == 0 and rows["d4"]["anonymous_share"] == 0.0
    assert rows["TOTAL"]["attributions"] == 9 and rows["TOTAL"]["named"] == 6
    assert rows["TOTAL"]["anonymous_share"] == pytest.approx(2 / 9)
    assert rows["TOTAL"]["unnamed_or_anonymous_share"] == pytest.approx(3 / 9)
    assert totals == {"documents": 4, "attributions": 9, "named": 6, "unnamed": 1,
                      "anonymous": 2, "unresolved": 0, "poll_respondents": 0,
                      "document": 0, "sources_named": totals["sources_named"], "sources_unnamed": 1,
                      "sources_anonymous": totals["sources_anonymous"], "sources_document": 0,
                      "scare_excluded": 1, "max_anonymous_share": pytest.approx(2 / 3)}
    assert totals["sources_named"] < totals["named"]      # Kupchan, quoted three times, is one
    assert "title" not in audit(to_frame(RECORDS))[0].columns


def test_audit_by_metadata_field(frame):
    table, totals = audit(frame, by="outlet")
    assert table.columns[:3].tolist() == ["outlet", "articles", "attributions"]
    assert table["outlet"].tolist() == ["Wire", "Daily", "TOTAL"]
    assert table["articles"].tolist() == [2, 1, 3]
    assert table["attributions"].tolist() == [6, 3, 9]
    assert table["anonymous"].tolist() == [0, 2, 2]
    assert table["scare_excluded"].tolist() == [1, 0, 1]
    assert totals["documents"] == 3
    message = r"^unknown field 'desk' \(available: doc_id, title, outlet\)$"
    with pytest.raises(ValueError, match=message):
        audit(frame, by="desk")


def test_failing_articles(frame):
    table, _ = audit(frame, documents=["a1", "b2", "c3", "d4"])
    assert failing_articles(table, 0.5) == ["b2"]
    assert failing_articles(table, 0.0) == ["b2"]
    assert failing_articles(table, 2 / 3) == []
    assert failing_articles(audit(frame, by="outlet")[0], 0.1) == ["Daily"]


# ------------------------------------------------------------------ check_against

def test_check_against_reports_missing_mismatch_and_unexpected():
    expected = pd.DataFrame([
        {"text": "talks  had\nstalled", "speaker_name": "a senior official",
         "anonymity": "anonymous", "kind": ""},
        {"text": "It is over", "speaker_name": "a senior official", "anonymity": "unnamed",
         "kind": "direct"},
        {"text": "They will never return", "speaker_name": "protesters", "anonymity": "unnamed",
         "kind": None},
    ])
    assert check_against(of("b2"), expected) == [
        {"problem": "mismatch", "text": "It is over", "field": "anonymity",
         "expected": "unnamed", "found": "anonymous"},
        {"problem": "missing", "text": "They will never return", "field": None,
         "expected": None, "found": None},
        {"problem": "unexpected", "text": "they would return on Monday & <again>", "field": None,
         "expected": None, "found": "protesters"},
    ]


def test_check_against_uses_each_record_once_and_ignores_scare_quotes():
    # "a" is in both quotations: the second row must take the second record.
    expected = pd.DataFrame({"text": ["a", "a"], "speaker_name": ["Jean-Noël Barrot", ""],
                             "anonymity": ["named", "named"], "cue": ["said", "said"]})
    assert check_against(of("c3"), expected) == []
    dicts = [r.to_dict() for r in of("a1")]
    rows = pd.DataFrame({"text": ["wait", "move quickly", "Nobody", "reset"],
                         "speaker_name": ["Charles Kupchan"] * 3 + ["French Foreign Ministry"],
                         "anonymity": ["named"] * 4})
    assert check_against(dicts, rows) == []


# ------------------------------------------------------------------ review_lines

def test_review_lines_plain():
    lines = review_lines(A1, of("a1"), color=False)
    assert lines == [
        "#1 direct · paragraph 1 · syntax",
        "  “We are not going to wait,” said Charles Kupchan, a senior fellow at the Council on "
        "Foreign Relations.",
        "  content: We are not going to wait,",
        "  cue: said   speaker: Charles Kupchan → Charles Kupchan (person, named)",
        "",
        "#2 mixed · paragraph 2 · coreference",
        "  He said the allies would “move quickly” on sanctions.",
        "  content: the allies would “move quickly” on sanctions",
        "  cue: said   speaker: He → Charles Kupchan (person, named)",
        "",
        "#3 direct · paragraph 3 · coreference",
        "  “Nobody wants this,” Kupchan added.",
        "  content: Nobody wants this,",
        "  cue: added   speaker: Kupchan → Charles Kupchan (person, named)",
        "",
        "#4 indirect · paragraph 4 · syntax",
        "  The so-called “reset” has failed, the French Foreign Ministry said.",
        "  content: The so-called “reset” has failed",
        "  cue: said   speaker: the French Foreign Ministry → French Foreign Ministry "
        "(organization, named)",
        "",
        "#5 scare · paragraph 4 · scare",
        "  The so-called “reset” has failed, the French Foreign Ministry said.",
        "  content: reset",
        "  scare quote: no cue, no speaker",
    ]
    assert not any("\x1b" in line for line in lines)


def test_review_lines_anonymous_evidence_and_sentence_window():
    lines = review_lines(B2, list(reversed(of("b2"))), color=False)
    assert lines[:5] == [
        "#1 indirect · paragraph 1 · syntax",
        "  A senior official, who spoke on the condition of anonymity, said talks had stalled.",
        "  content: talks had stalled",
        "  cue: said   speaker: A senior official → a senior official (person, anonymous)",
        "  evidence: on the condition of anonymity"]
    assert lines[7] == "  “It is over,” the official said."
    assert "  cue: said   speaker: Protesters → protesters (group, unnamed)" in lines
    assert sum(line.startswith("  evidence:") for line in lines) == 2


def test_review_lines_color_and_long_context():
    lines = review_lines(B2, of("b2"), color=True)
    assert any("\x1b[" in line for line in lines)
    assert click.style("a senior official", fg="red", bold=True) in lines[3]
    assert click.style("said", fg="yellow") in lines[3]
    assert click.style("talks had stalled", fg="green") in lines[1]
    text = "word " * 200 + "“Yes,” she said " + "word " * 200
    start = text.index("Yes,")
    record = Attribution(None, 1, "direct", "Yes,", start, start + 4, (), None, None, None, None,
                         None, None, None)
    context = review_lines(text, [record], color=False)[1]
    assert context.startswith("  …") and context.endswith("…") and "“Yes,”" in context
    assert len(context) <= 310


# ------------------------------------------------------------------ HTML

VOID = {"meta", "br", "hr", "img", "input", "link", "wbr"}


class Page(HTMLParser):
    """Checks nesting and collects the text inside each element that has an id."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.errors, self.texts, self.tags = [], [], {}, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag not in VOID:
            self.stack.append((tag, attrs.get("id")))
            if attrs.get("id"):
                self.texts[attrs["id"]] = ""

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] }")
            return
        self.stack.pop()

    def handle_data(self, data):
        for _, ident in self.stack:
            if ident:
                self.texts[ident] += data


def parse(page: str) -> Page:
    parser = Page()
    parser.feed(page)
    parser.close()
    assert parser.errors == [] and parser.stack == []
    return parser


def test_html_report_is_well_formed_self_contained_and_faithful(frame):
    page = render_report(ARTICLES, frame, title="quotes <report>", model="en-test")
    parsed = parse(page)
    for doc, text in TEXTS.items():
        assert parsed.texts[f"doc-{doc}"] == text
    for record in RECORDS:
        assert parsed.texts[f"q-{record.doc_id}-{record.quote_id}"] == record.text
    assert "http://" not in page and "https://" not in page and "src=" not in page
    assert "<script" not in page and "<svg" in page and 'class="legend"' in page
    assert "<title>quotes &lt;report&gt;</title>" in page and "model: en-test" in page
    assert "<again>" not in page and "Talks &quot;stall&quot; &lt;again&gt; &amp; more" in page
    tags = parsed.tags
    anonymous = [a for t, a in tags if t == "span" and a.get("class") == "speaker anon-anonymous"]
    assert len(anonymous) == 2
    assert "on the condition of anonymity" in anonymous[0]["title"]
    assert "a senior official" in anonymous[0]["title"]
    marks = [a for t, a in tags if t == "mark"]
    assert len(marks) == len(RECORDS)
    assert {a["class"].split()[1] for a in marks} == {"kind-direct", "kind-mixed",
                                                      "kind-indirect", "kind-scare"}
    assert sum(1 for t, a in tags if t == "rect") == 4      # a1 named; b2 unnamed+anon; c3 named
    assert page.count('href="#doc-b2"') >= 1


def test_html_report_by_group_uses_article_metadata():
    # The frame has no outlet column: the articles' metadata provide it.
    page = render_report(ARTICLES, to_frame(RECORDS), by="outlet")
    parsed = parse(page)
    assert "sourcing mix per outlet" in page
    labels = [t for t, _ in parsed.tags if t == "text"]
    assert len(labels) == 4                                  # two groups: a label and a count each
    assert parsed.texts["doc-d4"] == D4
    with pytest.raises(ValueError, match="unknown field 'desk'"):
        render_report(ARTICLES, to_frame(RECORDS), by="desk")


def test_html_highlights_nest_when_spans_cross():
    text = "abc def ghi jkl & <m>"
    record = Attribution("x/1", 7, "direct", "abc def", 0, 7, (), "def", "def", 4, 7,
                         "def ghi", 4, 11, speaker_name="Someone", anonymity="unnamed")
    odd = Attribution("x/1", 8, "indirect", "jkl & <m>", 12, 21, (), None, None, None, None,
                      "ghi jkl", 8, 15, speaker_name="Other", anonymity="anonymous")
    page = render_report([("x/1", text, {})], to_frame([record, odd]))
    parsed = parse(page)
    assert parsed.texts["doc-x-1"] == text
    assert parsed.texts["q-x-1-7"] == "abc def"
    assert parsed.texts["q-x-1-8"] == "jkl & <m>"
    assert any("cont" in a.get("class", "").split() for _, a in parsed.tags)


def test_split_quote_keeps_cue_and_speaker_inside_its_mark():
    text = "“We are,” he said, “ready.”"
    start, end = text.index("We"), text.index(".”") + 1
    record = Attribution("s", 1, "direct", text[start:end], start, end,
                         ((start, text.index(",”") + 1), (text.index("ready"), end)),
                         "said", "say", text.index("said"), text.index("said") + 4,
                         "he", text.index("he"), text.index("he") + 2, speaker_name="Ann Lee",
                         speaker_type="person", anonymity="named")
    parsed = parse(render_report([("s", text, {})], to_frame([record])))
    assert parsed.texts["q-s-1"] == "We are,” he said, “ready."
    assert parsed.texts["doc-s"] == text
    line = review_lines(text, [record], color=True)[1]
    # Only the fragments are painted as quotation; the cue between them is yellow.
    assert click.style("We are,", fg="green") in line and click.style("said", fg="yellow") in line
    assert click.style("ready.", fg="green") in line


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="ab <&>“”.\n", min_size=1, max_size=40), st.data())
def test_html_highlights_are_well_formed_for_any_offsets(text, data):
    def pair():
        a = data.draw(st.integers(0, len(text)))
        return a, data.draw(st.integers(a, len(text)))

    records = []
    for qid in range(1, data.draw(st.integers(1, 4)) + 1):
        (s, e), (cs, ce), (ss, se) = pair(), pair(), pair()
        records.append(Attribution("d", qid, "direct", text[s:e], s, e, (), "c", "c", cs, ce,
                                   "x", ss, se, anonymity="anonymous"))
    parsed = parse(render_report([("d", text, {})], to_frame(records)))
    assert parsed.texts["doc-d"] == text
    for r in records:
        crossed = any(o.start < r.start < o.end < r.end or r.start < o.start < r.end < o.end
                      for o in records)
        if r.start < r.end and not crossed:
            assert parsed.texts[f"q-d-{r.quote_id}"] == r.text
