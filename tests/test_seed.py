"""Every attribution in the seed article (VOA, November 2024), end to end on the real pipeline."""
import pytest


def find(records, fragment):
    hits = [r for r in records if fragment in r.text]
    assert hits, f"no attribution contains {fragment!r}: {[r.text[:50] for r in records]}"
    return hits[0]


def test_offsets_index_the_article(seed_records, seed_text):
    assert seed_records
    for r in seed_records:
        assert seed_text[r.start:r.end] == r.text
        for start, end in r.fragments:
            assert r.start <= start < end <= r.end
        if r.cue is not None:
            assert seed_text[r.cue_start:r.cue_end] == r.cue
        if r.speaker is not None:
            assert seed_text[r.speaker_start:r.speaker_end] == r.speaker
    assert [r.quote_id for r in seed_records] == list(range(1, len(seed_records) + 1))


def test_scare_quote_surge(seed_records):
    r = find(seed_records, "surge")
    assert (r.kind, r.text, r.speaker, r.cue) == ("scare", "surge", None, None)


def test_according_to_anonymous_sources(seed_records):
    r = find(seed_records, "expected to hold face-to-face talks")
    assert (r.kind, r.cue, r.method) == ("indirect", "according to", "according_to")
    assert r.speaker.startswith("sources familiar with the plans")
    assert (r.speaker_type, r.anonymity, r.anonymous) == ("group", "anonymous", True)
    assert "anonymity" in r.anonymity_evidence or "familiar with" in r.anonymity_evidence


def test_officials_said_mixed(seed_records):
    r = find(seed_records, "Biden will ask Trump")
    assert (r.kind, r.cue, r.speaker) == ("mixed", "said", "Officials")
    assert "“walk away”" in r.text
    assert (r.speaker_type, r.anonymity) == ("group", "unnamed")


def test_ukraine_has_reported(seed_records):
    r = find(seed_records, "North Korean troops are actively engaged")
    assert (r.kind, r.cue_lemma, r.speaker) == ("indirect", "report", "Ukraine")
    assert r.text.startswith("that North Korean troops")
    assert (r.speaker_type, r.anonymity) == ("organization", "named")


def test_commander_reporting(seed_records):
    r = find(seed_records, "tens of thousands of Russian troops")
    assert (r.kind, r.cue) == ("indirect", "reporting")
    assert r.speaker == "the country’s top military commander"
    assert (r.speaker_type, r.anonymity) == ("person", "named")


def test_kupchan_told_voa_mixed(seed_records):
    r = find(seed_records, "broker a cease-fire in Ukraine")
    assert (r.kind, r.cue) == ("mixed", "told")
    assert r.speaker.startswith("Charles Kupchan, a senior fellow at the Council on Foreign")
    assert r.speaker_name == "Charles Kupchan"
    assert "a senior fellow at the Council on Foreign Relations" in r.speaker_role
    assert (r.speaker_type, r.anonymity) == ("person", "named")


def test_kupchan_noted_direct(seed_records, seed_text):
    r = find(seed_records, "It will not be as easy as he promised")
    assert (r.kind, r.cue, r.speaker, r.speaker_name) == (
        "direct", "noted", "Kupchan", "Charles Kupchan")
    assert r.text.endswith("to common ground,")
    assert seed_text[r.start - 1] == "“"


def test_allies_have_indicated(seed_records):
    r = find(seed_records, "the incoming administration will prioritize")
    assert (r.kind, r.cue) == ("indirect", "indicated")
    assert r.speaker == "Trump’s political allies"
    assert (r.speaker_type, r.anonymity) == ("group", "unnamed")


def test_state_department_said(seed_records):
    r = find(seed_records, "Blinken spoke with his European counterparts")
    assert (r.kind, r.cue, r.speaker) == ("indirect", "said", "the State Department")
    assert r.text.startswith("that Blinken spoke")
    assert (r.speaker_type, r.anonymity) == ("organization", "named")


def test_officials_say_talks_covered(seed_records):
    r = find(seed_records, "talks covered the situation in Ukraine")
    assert (r.kind, r.cue, r.speaker) == ("indirect", "say", "Officials")
    assert (r.speaker_type, r.anonymity) == ("group", "unnamed")


def test_no_attribution_from_cue_verbs_inside_quotes(seed_records):
    # "as he promised" sits inside Kupchan's quotation: it is not a cue of anything.
    assert not [r for r in seed_records if r.cue and "promised" in r.cue]


@pytest.mark.parametrize("kind", ["direct", "mixed", "indirect", "scare"])
def test_every_kind_is_present(seed_records, kind):
    assert kind in {r.kind for r in seed_records}
