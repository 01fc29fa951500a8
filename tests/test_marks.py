"""Tests for quotes.attribution.marks: paragraphs, quote-mark pairing and balance warnings."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.attribution.marks import (
    MIXED_PAIRS,
    PAIRS,
    Paragraph,
    QuoteSpan,
    balance_warnings,
    content,
    find_quotes,
    paragraphs,
)


def contents(text: str) -> list[str]:
    return [content(text, s) for s in find_quotes(text)]


def outer_end(span: QuoteSpan) -> int:
    """Offset just past the span's closing mark (or its content end when unclosed)."""
    if span.close is None:
        return span.end
    return span.close + len(span.close_mark or "")


# ------------------------------------------------------------------ paragraphs


def test_blank_lines_separate_paragraphs_and_single_newlines_are_wraps() -> None:
    text = "  First line\nwrapped here.\n\n\n  Second para. \n \nThird\n"
    assert paragraphs(text) == [
        Paragraph(0, 2, 26),
        Paragraph(1, 31, 43),
        Paragraph(2, 47, 52),
    ]
    assert text[2:26] == "First line\nwrapped here."
    assert text[31:43] == "Second para."
    assert text[47:52] == "Third"


def test_without_blank_lines_every_line_is_a_paragraph() -> None:
    text = "One.\n  Two. \r\nThree."
    assert paragraphs(text) == [Paragraph(0, 0, 4), Paragraph(1, 7, 11), Paragraph(2, 14, 20)]


def test_crlf_is_one_break_not_a_blank_line() -> None:
    text = "a\r\nb\r\n\r\nc"
    assert [text[p.start : p.end] for p in paragraphs(text)] == ["a\r\nb", "c"]


def test_empty_and_whitespace_only_text() -> None:
    assert paragraphs("") == []
    assert paragraphs(" \n\t \n") == []
    assert find_quotes("   \n\n  ") == []


# ------------------------------------------------------------------ curly doubles


def test_simple_attributed_quote() -> None:
    text = "“It will not be as easy as he promised,” Kupchan said."
    assert find_quotes(text) == [
        QuoteSpan(0, 39, 1, 39, "“", "”", 0, 0, False),
    ]
    assert contents(text) == ["It will not be as easy as he promised,"]
    assert balance_warnings(text) == []


def test_a_straight_mark_closes_a_curly_quote_nothing_else_closes() -> None:
    text = ("CNN, Cruz said, called the announcement “highly significant.\"\n"
            "Cruz said that he had apologized. He quoted the “eleventh commandment” today.")
    assert contents(text) == ["highly significant.", "eleventh commandment"]
    assert balance_warnings(text) == []
    nested = "He said “I told them \"no\" and left” and walked out."
    assert contents(nested) == ['I told them "no" and left', "no"]


def test_a_curly_mark_closes_a_straight_quote_nothing_else_closes() -> None:
    text = ('"Nobody expected the count to be this close,” Okafor said. "We will keep '
            'counting," she added.\n'
            '"The ”recount” is over," the clerk said.')
    assert contents(text) == ["Nobody expected the count to be this close,",
                              "We will keep counting,", "The ”recount” is over,", "recount"]
    assert balance_warnings(text) == []
    # a straight mark that can close the quote comes later: the curly one is no closer
    assert contents('"It was ”final, he said" and left.') == ['It was ”final, he said']


def test_scare_quote_and_possessive_apostrophe() -> None:
    text = (
        "looks for ways to “surge” military aid to Ukraine in the final days "
        "of President Joe Biden’s term."
    )
    (span,) = find_quotes(text)
    assert (span.open, span.start, span.end, span.close) == (18, 19, 24, 24)
    assert content(text, span) == "surge"
    assert span.closed and span.depth == 0


def test_multi_paragraph_continuation() -> None:
    text = "“First part of the quote.\n\n“Second part,” she said."
    first, second = find_quotes(text)
    assert first == QuoteSpan(0, None, 1, 25, "“", None, 0, 0, True)
    assert not first.closed
    assert second == QuoteSpan(27, 40, 28, 40, "“", "”", 0, 1, False)
    assert content(text, first) == "First part of the quote."
    assert content(text, second) == "Second part,"
    # A continuing quote is the convention, not an error.
    assert balance_warnings(text) == []


def test_continuation_with_single_newline_paragraphs() -> None:
    text = "“First part of the quote.\n“Second part,” she said."
    first, second = find_quotes(text)
    assert (first.end, first.continues, first.paragraph_index) == (25, True, 0)
    assert (second.open, second.close, second.paragraph_index) == (26, 39, 1)


def test_unclosed_quote_without_continuation_is_warned() -> None:
    text = "“It will not be as easy as he promised, Kupchan said.\n\nA new paragraph."
    (span,) = find_quotes(text)
    assert (span.close, span.end, span.continues) == (None, 53, False)
    assert balance_warnings(text) == [
        "unclosed quotation mark at offset 0 (paragraph 0): “It will not be as easy as he promised,…"
    ]


def test_quotes_do_not_cross_paragraphs() -> None:
    text = "He called it “a mistake.\n\nOfficials disagreed,” the report said."
    (span,) = find_quotes(text)
    assert (span.open, span.close, span.end) == (13, None, 24)
    warnings = balance_warnings(text)
    assert warnings[0].startswith("unclosed quotation mark at offset 13 (paragraph 0)")
    assert warnings[1].startswith("stray closing quotation mark at offset 46 (paragraph 1)")
    assert len(warnings) == 2


def test_german_low_high_quotes() -> None:
    text = "„Wir schaffen das“, sagte Merkel."
    assert find_quotes(text) == [QuoteSpan(0, 17, 1, 17, "„", "“", 0, 0, False)]


def test_polish_and_misencoded_curly_pairs() -> None:
    assert contents("„Nie wiem”, powiedział.") == ["Nie wiem"]
    text = "He said “enough“ and left."
    (span,) = find_quotes(text)
    assert (span.open_mark, span.close_mark, content(text, span)) == ("“", "“", "enough")


def test_swedish_right_quotes() -> None:
    text = "”Det är bra”, sa hon."
    (span,) = find_quotes(text)
    assert (span.open, span.close, span.open_mark, span.close_mark) == (0, 11, "”", "”")


def test_stray_closing_mark_is_ignored_but_warned() -> None:
    text = "The minister said no” to the plan."
    assert find_quotes(text) == []
    assert balance_warnings(text) == [
        "stray closing quotation mark at offset 20 (paragraph 0): …The minister said no”"
    ]


# ------------------------------------------------------------------ singles and nesting


def test_single_nested_in_double() -> None:
    text = "“He said ‘no’ twice,” she said."
    outer, inner = find_quotes(text)
    assert outer == QuoteSpan(0, 20, 1, 20, "“", "”", 0, 0, False)
    assert inner == QuoteSpan(9, 12, 10, 12, "‘", "’", 1, 0, False)
    assert content(text, inner) == "no"


def test_nested_quote_with_apostrophes_inside() -> None:
    text = "“Russia’s envoy told me ‘we don’t negotiate’ on Friday,” Smith said."
    outer, inner = find_quotes(text)
    assert content(text, outer) == "Russia’s envoy told me ‘we don’t negotiate’ on Friday,"
    assert content(text, inner) == "we don’t negotiate"
    assert (inner.open, inner.close, inner.depth) == (24, 43, 1)


@pytest.mark.parametrize(
    "text",
    [
        "rock ’n’ roll",
        "Back in the ’90s, bands played rock ’n’ roll.",
        "Let ’em go, said the Jones’ neighbour.",
        "Russia’s army and don’t and the Jones’ house.",
        "’Tis the season in the ’80s and ’90s.",
        "rock 'n' roll at 5 o'clock, it's the '90s, we don't know",
        "The players' union said the owners' offer was 'n' nothing.",
    ],
)
def test_apostrophes_never_make_quotes(text: str) -> None:
    assert find_quotes(text) == []
    assert balance_warnings(text) == []


def test_unclosed_single_is_treated_as_apostrophe() -> None:
    # A wrong-way apostrophe inside a double quote is dropped, not nested.
    text = "“We ‘re done,” he said."
    (span,) = find_quotes(text)
    assert (span.open, span.close, span.depth) == (0, 13, 0)
    assert find_quotes("She said ‘maybe and left.") == []


def test_straight_single_quotes_clear_cases() -> None:
    text = "He called it 'unacceptable' and 'a disgrace,' aides said."
    assert contents(text) == ["unacceptable", "a disgrace,"]
    nested = "\"Mr. Lee said 'never' twice,\" she said."
    outer, inner = find_quotes(nested)
    assert (outer.open_mark, inner.open_mark, inner.depth) == ('"', "'", 1)
    assert content(nested, inner) == "never"


def test_guillemets_french_spacing() -> None:
    text = "« Il faut partir », a-t-il dit."
    assert find_quotes(text) == [QuoteSpan(0, 17, 1, 17, "«", "»", 0, 0, False)]


def test_guillemets_containing_curly_doubles() -> None:
    text = "«Он сказал “нет” дважды», — заявил он."
    outer, inner = find_quotes(text)
    assert (outer.open, outer.close, outer.depth) == (0, 23, 0)
    assert (inner.open, inner.close, inner.depth) == (11, 15, 1)
    assert content(text, inner) == "нет"


def test_scandinavian_guillemets() -> None:
    text = "»Det er slut«, sagde han."
    (span,) = find_quotes(text)
    assert (span.open_mark, span.close_mark, span.close) == ("»", "«", 12)


def test_single_guillemets() -> None:
    text = "«Er sagte ‹nein› und ging»."
    outer, inner = find_quotes(text)
    assert (inner.open, inner.close, inner.depth, inner.open_mark) == (10, 15, 1, "‹")
    assert (outer.open, outer.close) == (0, 25)


# ------------------------------------------------------------------ straight doubles


def test_straight_double_two_quotes_in_one_paragraph() -> None:
    text = '"Yes," he said. "No," she said.'
    assert find_quotes(text) == [
        QuoteSpan(0, 5, 1, 5, '"', '"', 0, 0, False),
        QuoteSpan(16, 20, 17, 20, '"', '"', 0, 0, False),
    ]


def test_straight_double_after_dash_and_bracket() -> None:
    text = 'He paused—"Never."\n\n(He later said "maybe".)'
    assert contents(text) == ["Never.", "maybe"]


def test_straight_double_odd_opener_is_unclosed() -> None:
    # Same-type nesting is not supported: straight marks simply pair left to right,
    # the orphaned closer is a stray and the odd opener left over runs to the end.
    text = 'Officials said "the deal is "done" and then "left'
    spans = find_quotes(text)
    assert [(s.open, s.close, s.end) for s in spans] == [(15, 28, 28), (44, None, 49)]
    assert [w.split(":")[0] for w in balance_warnings(text)] == [
        "stray closing quotation mark at offset 33 (paragraph 0)",
        "unclosed quotation mark at offset 44 (paragraph 0)",
    ]


def test_straight_double_pairing_left_to_right() -> None:
    text = 'A "first" and a "second" quote, then "third'
    spans = find_quotes(text)
    assert [(s.open, s.close) for s in spans] == [(2, 8), (16, 23), (37, None)]
    assert contents(text) == ["first", "second", "third"]


def test_straight_double_continuation() -> None:
    text = '"We will fight.\n\n"We will win," he said.'
    first, second = find_quotes(text)
    assert (first.close, first.continues, first.end) == (None, True, 15)
    assert (second.open, second.close) == (17, 30)


def test_different_family_does_not_continue() -> None:
    text = "“We will fight.\n\n«We will win», he said."
    first, _ = find_quotes(text)
    assert first.continues is False


def test_inches_mark_is_not_a_quote() -> None:
    assert find_quotes('He is 6\'2" tall.') == []


# ------------------------------------------------------------------ properties

QUOTE_CHARS = "\"'“”„‟‘’‚‛«»‹›"
ALPHABET = QUOTE_CHARS + "abcXYZ09 ,.!?-—()\n\r\t"
noisy_text = st.text(alphabet=ALPHABET, max_size=200) | st.text(max_size=80)
WORDS = ["said", "Russia’s", "don’t", "’90s", "rock ’n’ roll", "Jones’", "’em", "o'clock",
         "it's", "“", "”", "‘", "’", '"', "'", "«", "»", "„", "\n", "\n\n", "no,", "yes."]
wordy_text = st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(noisy_text, wordy_text))
def test_span_invariants(text: str) -> None:
    spans = find_quotes(text)
    paras = paragraphs(text)
    assert spans == sorted(spans, key=lambda s: (s.open, s.depth))
    for s in spans:
        assert 0 <= s.open < s.start <= s.end <= len(text)
        assert text[s.open : s.start] == s.open_mark
        assert content(text, s) == text[s.start : s.end]
        para = paras[s.paragraph_index]
        assert para.start <= s.open and outer_end(s) <= para.end
        if s.closed:
            assert s.close_mark is not None and s.end == s.close
            assert text[s.close : s.close + len(s.close_mark)] == s.close_mark
            assert (s.open_mark, s.close_mark) in PAIRS or (
                s.open_mark, s.close_mark) in MIXED_PAIRS
            assert not s.continues
        else:
            assert s.close_mark is None and s.end == para.end
    for a in spans:
        for b in spans:
            if a is not b and a.depth == b.depth:
                assert outer_end(a) <= b.open or outer_end(b) <= a.open
    for child in spans:
        if child.depth > 0:
            assert any(
                p.depth == child.depth - 1 and p.start <= child.open and outer_end(child) <= p.end
                for p in spans
            )


@settings(max_examples=300, deadline=None)
@given(st.one_of(noisy_text, wordy_text))
def test_paragraph_invariants_and_warnings(text: str) -> None:
    paras = paragraphs(text)
    for i, p in enumerate(paras):
        assert p.index == i and 0 <= p.start < p.end <= len(text)
        assert not text[p.start].isspace() and not text[p.end - 1].isspace()
        if i:
            assert paras[i - 1].end < p.start
    for w in balance_warnings(text):
        assert isinstance(w, str) and "\n" not in w and "\r" not in w


APOSTROPHE_WORDS = ["Russia’s", "don’t", "’90s", "rock ’n’ roll", "the Jones’ house", "’em",
                    "it's", "o'clock", "'90s", "isn't", "rock 'n' roll", "Biden’s", "Jones'"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(APOSTROPHE_WORDS + ["said", "the", "\n", ","]), max_size=30))
def test_apostrophe_words_never_produce_spans(words: list[str]) -> None:
    assert find_quotes(" ".join(words)) == []


def test_doubled_apostrophes_are_double_quotation_marks() -> None:
    """New York Times archive and wire copy: ''…'' (and TeX-style ``…'')."""
    text = "''I don't judge what people spend,'' he said. ''But most people do.''"
    spans = find_quotes(text)
    assert [text[s.start:s.end] for s in spans] == ["I don't judge what people spend,",
                                                    "But most people do."]
    assert all(s.closed and s.open_mark == "''" and s.close_mark == "''" for s in spans)
    tex = "``Yes,'' she said."
    (span,) = find_quotes(tex)
    assert tex[span.start:span.end] == "Yes," and span.open_mark == "``"


def test_possessive_apostrophes_are_not_doubled_marks() -> None:
    assert find_quotes("The students' books and the teachers' desks.") == []
    assert find_quotes("It's the '90s, isn't it?") == []
