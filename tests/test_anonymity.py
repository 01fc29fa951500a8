"""Anonymity phrases in real sentences through the real pipeline."""
import pytest

ANONYMOUS = [
    ("One mother who declined to give her name said the clinic was full.",
     "declined to give her name"),
    ("The aide, who was not authorized to speak publicly, said the deal was done.",
     "not authorized to speak"),
    ("A spokesman, who was not authorized to comment, said the plant would close.",
     "was not authorized to comment"),
    ("A senior official, who spoke on the condition of anonymity, said talks had stalled.",
     "on the condition of anonymity"),
]


@pytest.mark.parametrize("text, evidence", ANONYMOUS)
def test_explicitly_anonymous_sources(analyzer, text, evidence):
    (record,) = analyzer.extract(text)
    assert (record.cue, record.anonymity, record.anonymous) == ("said", "anonymous", True)
    assert evidence in record.anonymity_evidence


def test_unnamed_is_not_anonymous(analyzer):
    (record,) = analyzer.extract("Officials said the bridge would reopen in May.")
    assert (record.speaker, record.anonymity) == ("Officials", "unnamed")
