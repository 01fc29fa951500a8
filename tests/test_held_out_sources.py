"""Sources as the fourth blind set writes them, through the real pipeline: documents
re-mentioned from far away or by another noun, a first name kept alone on request, outlets'
own words for a name withheld, members of a group cited much earlier, and businesses
re-mentioned by a generic noun."""
import pytest


def _by_cue(records, cue):
    return [r for r in records if r.cue == cue]


FILLER = " ".join(
    f"The {place} branch reported {n} new claims in the {month} quarter."
    for place, n, month in [("Akron", 12, "first"), ("Dayton", 9, "second"),
                            ("Toledo", 14, "third"), ("Canton", 7, "fourth"),
                            ("Lorain", 11, "first"), ("Elyria", 8, "second"),
                            ("Parma", 13, "third"), ("Mentor", 6, "fourth"),
                            ("Kent", 10, "first"), ("Medina", 5, "second"),
                            ("Hudson", 15, "third"), ("Solon", 4, "fourth"),
                            ("Niles", 3, "first")])


def test_a_document_re_mentioned_a_dozen_sentences_on_is_its_first_mention(analyzer):
    text = ("An audit released in March by the Ohio Auditor of State found that the agency "
            "closed most complaints without a visit. " + FILLER +
            " The audit said that practice broke state rules.")
    records = analyzer.extract(text)
    (later,) = [r for r in records if r.speaker == "The audit"]
    assert later.speaker_name == "An audit released in March by the Ohio Auditor of State"
    assert later.speaker_type == "document" and later.anonymity == "named"


def test_the_filing_is_the_document_cited_just_before(analyzer):
    text = ("According to the affidavit, a budget analyst told regional staff to hold the "
            "grants. The analyst, the filing says, asked for a list by Friday.")
    records = analyzer.extract(text)
    (filing,) = [r for r in records if r.speaker == "the filing"]
    (cited,) = [r for r in records if r.speaker == "the affidavit"]
    assert filing.speaker_entity == cited.speaker_entity
    assert filing.speaker_type == "document"


def test_a_cabinet_submission_is_a_document(analyzer):
    text = ("The province will close two rural emergency rooms overnight, according to a "
            "confidential cabinet submission from the Ministry of Health. The submission "
            "also warns that nurses could leave.")
    records = analyzer.extract(text)
    assert {r.speaker_type for r in records} == {"document"}
    assert {r.speaker_name for r in records} == {
        "a confidential cabinet submission from the Ministry of Health"}


def test_a_trustee_identified_in_the_minutes_only_as_a_titled_surname_is_that_person(analyzer):
    # parsed with the titled name as a second subject, cut off the description
    text = ("In an audio file of the school board's March session, a member identified in the "
            "minutes only as Trustee Delacroix can be heard asking whether parents “need to "
            "know now.”")
    records = [r for r in analyzer.extract(text) if r.speaker]
    assert records and {r.speaker_name for r in records} == {"Delacroix"}
    assert {r.anonymity for r in records} == {"named"}


@pytest.mark.parametrize("text", [
    # the request in the next sentence, taken up by "She"
    "Marisol, 31, works nights at the plant. She asked that the station use only her first "
    "name because her brother works there. “We were never told,” Marisol says.",
    # the outlet's condition in the description
    "Tobias, a warehouse clerk who spoke on the condition that only his first name be used "
    "because he fears retaliation, said staff were told to stop answering questions.",
])
def test_a_first_name_kept_alone_on_request_is_anonymous(analyzer, text):
    records = [r for r in analyzer.extract(text) if r.speaker]
    assert records
    assert {r.anonymity for r in records} == {"anonymous"}
    assert "first name" in records[0].anonymity_evidence


def test_a_source_whom_the_outlet_is_not_naming_is_anonymous(analyzer):
    text = ("A shift supervisor whom the Courier is not naming because she fears losing her "
            "job said managers were warned a year earlier.")
    (record,) = _by_cue(analyzer.extract(text), "said")
    assert record.anonymity == "anonymous"
    assert record.anonymity_evidence.startswith("whom the Courier is not naming")


def test_a_member_of_a_group_cited_far_back_is_anonymous_on_the_groups_terms(analyzer):
    text = ("The county delayed the grants for weeks, according to three people familiar "
            "with the matter. " + FILLER +
            " Another of the people said the mayor had been warned in December.")
    records = analyzer.extract(text)
    (member,) = [r for r in records if r.speaker == "Another of the people"]
    (group,) = [r for r in records if r.cue == "according to"]
    assert member.anonymity == "anonymous"
    assert member.speaker_entity != group.speaker_entity


def test_anonymity_asked_for_in_the_next_sentence_by_she(analyzer):
    text = ("A former member of the company's billing team said clerks were asked to move "
            "costs between quarters. She asked not to be identified because she signed a "
            "separation agreement.")
    (record,) = _by_cue(analyzer.extract(text), "said")
    assert record.anonymity == "anonymous"


@pytest.mark.parametrize("text, name", [
    # the business name opening its sentence, its first word tagged an adjective and left
    # out of the name by the NER model
    ("Ridgeline Surgical Partners, which runs four Manitoba clinics, stands to benefit. The "
     "Winnipeg-based company said in a statement that it welcomed the change.",
     "Ridgeline Surgical Partners"),
    # "fund" is a business noun
    ("Larchmont Ridge Capital owns about 5% of the shares and wants two seats on the board. "
     "In a letter to directors this month, the New York-based fund said growth had “outrun "
     "the controls.”", "Larchmont Ridge Capital"),
    # not the newspaper that broke the story
    ("Investigators subpoenaed Corvane Corp. in September. Corvane shares fell 12% after the "
     "Journal reported on the inquiry. The company said in a statement that it was "
     "cooperating fully.", "Corvane Corp."),
    # not a commission typed in two pieces, the subject before the company's name
    ("The Securities and Exchange Commission is investigating whether Corvane Corp., one of "
     "the fastest-growing builders of data centers, booked revenue too early, according to "
     "people familiar with the matter. The company said in a statement that it was "
     "cooperating.", "Corvane Corp."),
])
def test_a_generic_business_noun_is_the_business_named_before(analyzer, text, name):
    (record,) = _by_cue(analyzer.extract(text), "said")
    assert record.speaker_name == name


@pytest.mark.parametrize("text, cue, name", [
    # the weekday made an appositive of the document
    ("In a 46-page decision released Tuesday, Court of King’s Bench Justice Helena "
     "Marchetti-Voss wrote that the delay was “neither reasonable nor explained.” The "
     "decision says disclosure arrived in batches.", "says",
     "a 46-page decision released Tuesday"),
    # the author's "by" phrase hung on the participle before the document
    ("Opposition critic Adebayo Lindqvist argued that clinics would lure nurses from "
     "hospitals, pointing to a 2025 report by the Financial Accountability Office. That "
     "report found clinics paid nurses more.", "found",
     "a 2025 report by the Financial Accountability Office"),
])
def test_a_document_introduced_in_passing_keeps_the_words_the_parse_hung_elsewhere(
        analyzer, text, cue, name):
    (record,) = _by_cue(analyzer.extract(text), cue)
    assert record.speaker_name == name
    assert record.speaker_type == "document"


def test_a_poll_named_otherwise_is_not_the_poll_cited_long_before(analyzer):
    # a guard (passes on the code before it too): the far-back link is for bare nouns only
    text = ("A fresh CNN-ORC poll found that Ortiz leads by nine points. " + FILLER +
            " The Q poll finds that Ortiz leads by four points.")
    records = analyzer.extract(text)
    (later,) = [r for r in records if r.speaker == "The Q poll"]
    (first,) = [r for r in records if r.speaker.startswith("A fresh")]
    assert later.speaker_entity != first.speaker_entity


def test_a_series_line_is_no_speaker(analyzer):
    text = ("Series: Kept in Care\nThe state closed two of the homes in May, the department "
            "said.")
    records = analyzer.extract(text)
    assert [r.speaker for r in records] == ["the department"]


def test_a_cue_joined_by_but_is_said_by_the_subject_before_it_not_by_what_it_reports(analyzer):
    # parsed with "said" conjoined to the fronted "Asked" and no subject of its own
    text = ("Asked about the decision in question period, the minister acknowledged the "
            "result was “deeply frustrating” but said his department had hired 58 "
            "prosecutors since 2023.")
    (record,) = _by_cue(analyzer.extract(text), "said")
    assert record.speaker == "the minister"
    assert record.text.startswith("his department had hired")


# --- the fifth blind set's lessons ------------------------------------------------------------

@pytest.mark.parametrize("text", [
    # the group's anonymity given by "Neither"/"Both" a sentence or two later
    "Two senior managers at the hospital group said the freeze had forced them to withdraw "
    "offers to 31 nurses. Neither was authorised to speak publicly. One of the managers said "
    "a ward would close at weekends; the other said four posts had been left empty.",
    "Talks on compensation have gone on since the weekend, according to two Western diplomats "
    "in Nairobi. One of the diplomats said Kenya had asked for a bond. The other said the talks "
    "would resume Friday. Both spoke on condition of anonymity because the talks are private.",
])
def test_a_group_made_anonymous_later_and_both_its_members_are_anonymous(analyzer, text):
    records = [r for r in analyzer.extract(text) if r.speaker]
    assert len(records) == 3
    assert {r.anonymity for r in records} == {"anonymous"}
    assert len({r.speaker_entity for r in records}) == 3


@pytest.mark.parametrize("text", [
    "A clinical nurse manager at the hospital, who cannot be identified under agency rules on "
    "contact with the media, said patients had waited 30 hours for a bed.",
    "A mine worker who gave only his first name, Fredrick, because he feared for his job said "
    "the dam had leaked before.",
    "A county planner said the queue had been set up in March. The planner, who would talk "
    "only if her name was kept out of print because she fears losing her job, said managers "
    "knew.",
])
def test_anonymity_in_other_words(analyzer, text):
    records = [r for r in analyzer.extract(text) if r.speaker]
    assert records and {r.anonymity for r in records} == {"anonymous"}


@pytest.mark.parametrize("text, anonymity", [
    # the issuing body named before the document's noun
    ("An internal White House memo obtained by CNN says the fund would run dry by August.",
     "named"),
    # the author after "by", though the outlet reviewed it
    ("The delays were deliberate, according to a draft audit by the county Auditor-Controller’s "
     "office, reviewed by The Times.", "named"),
    # a service it was written on is no author (a guard: so it was before)
    ("An internal Slack message viewed by The Verge said the cuts would continue.", "unnamed"),
])
def test_a_document_named_by_its_issuer_or_author_is_identified(analyzer, text, anonymity):
    records = [r for r in analyzer.extract(text) if r.speaker_type == "document"]
    assert records and {r.anonymity for r in records} == {anonymity}


def test_a_draft_report_is_the_draft(analyzer):
    text = ("A draft report circulated among hospital chiefs last week says 14 wards may close. "
            "According to the draft, the cuts would begin in March.")
    records = analyzer.extract(text)
    assert len(records) == 2 and len({r.speaker_entity for r in records}) == 1


@pytest.mark.parametrize("text, name", [
    # a description on an appositive headed by an adjective-tagged role noun
    ("Russell Pemberton, the mining company’s chief executive, said in a video posted online "
     "that the firm was “deeply sorry” to the people of the valley. “We do not accept the "
     "figures,” the executive said.", "Russell Pemberton"),
    # "the executive" for a chief executive officer
    ("Magdalena Beltran, the county’s chief executive officer, ordered a review last week. In a "
     "memo to supervisors, the executive said the queue broke county rules.",
     "Magdalena Beltran"),
])
def test_the_executive_is_the_person_described_as_one(analyzer, text, name):
    records = [r for r in analyzer.extract(text) if r.speaker == "the executive"]
    assert records and {r.speaker_name for r in records} == {name}


def test_a_county_supervisor_titled_by_her_office_is_named_by_her_surname(analyzer):
    text = "Supervisor Ibarra said the office had been told to fix the queue by January."
    (record,) = analyzer.extract(text)
    assert record.speaker_name == "Ibarra" and record.anonymity == "named"


def test_a_bare_plural_of_a_party_is_an_unnamed_group(analyzer):
    text = ("Democrats, meanwhile, have accused Kincaid of using the fire money as a "
            "“bargaining chip.”")
    (record,) = analyzer.extract(text)
    assert (record.speaker_type, record.anonymity) == ("group", "unnamed")


def test_a_spokeswoman_for_a_department_is_not_an_opposition_spokeswoman_named_later(analyzer):
    text = ("A spokeswoman for the Department of Health said the Minister had engaged with the "
            "agency. Labour health spokeswoman Orla Sheehan said the freeze had been planned in "
            "September.")
    first, second = analyzer.extract(text)
    assert first.speaker_entity != second.speaker_entity
    assert first.anonymity == "unnamed"


def test_a_given_name_tagged_a_verb_stays_in_the_name(analyzer):
    text = ("Wilfred Onyango, a fisherman who has worked the river for 30 years, said the water "
            "turned white. “The fish came up dead,” Onyango said.")
    assert {r.speaker_name for r in analyzer.extract(text)} == {"Wilfred Onyango"}


def test_an_acronym_is_the_institution_the_article_spells_out(analyzer):
    # "Health Service Executive" is typed by no model or list; the article also calls it "the HSE"
    text = ("The Health Service Executive warned the Minister in September that it would "
            "overspend by €1.2 billion. The HSE said in a statement that the strategy was "
            "essential.")
    records = analyzer.extract(text)
    assert len(records) == 2
    assert {r.speaker_name for r in records} == {"the Health Service Executive"}
    assert {r.speaker_type for r in records} == {"organization"}
    assert len({r.speaker_entity for r in records}) == 1


def test_a_job_title_spelled_by_an_acronym_stays_a_person(analyzer):
    # a guard: "CEO" spells no institution, so "The Chief Executive Officer" is no organization
    text = ("The Chief Executive Officer said the plant would reopen. The CEO's pay rose "
            "12 percent last year.")
    (record,) = analyzer.extract(text)
    assert record.speaker_type == "person"


@pytest.mark.parametrize("text, name", [
    ("State broadcaster KBC said at least 300 cattle had died along the river.", "KBC"),
    ("The ride-hailing company Uber said it would appeal the ruling.", "Uber"),
])
def test_an_organization_after_a_description_of_it_is_named_by_its_name(analyzer, text, name):
    (record,) = analyzer.extract(text)
    assert record.speaker_name == name and record.anonymity == "named"


def test_a_countrys_ministry_keeps_the_country_as_written(analyzer):
    text = ("Kenya’s Mining Ministry said the licence would stay suspended. The ministry said "
            "inspectors would visit three other mines.")
    records = analyzer.extract(text)
    assert [r.speaker_name for r in records] == ["Kenya’s Mining Ministry"] * 2


def test_a_document_introduced_before_a_cue_read_as_a_noun_is_named_without_the_clause(analyzer):
    # "warns" tagged a plural noun, the memo's phrase ran on into what it warns of
    text = ("An internal White House memo obtained by CNN warns that the transfer would leave "
            "the fund unable to cover “even a moderate fire season” in 2027. The memo, dated "
            "November 24, says the fund would run dry by August.")
    (record,) = [r for r in analyzer.extract(text) if r.cue == "says"]
    assert record.speaker_name == "An internal White House memo obtained by CNN"


def test_the_other_of_a_plural_the_lemmatizer_kept_is_a_member_on_the_same_terms(analyzer):
    text = ("Two permit technicians at the Foothill Boulevard center, who spoke on the condition "
            "of anonymity because they were not authorized to talk to reporters, said the files "
            "were moved each morning.\n“We all knew whose files those were,” one of the "
            "technicians said. The other technician said she was warned not to discuss the "
            "queue with applicants.")
    records = analyzer.extract(text)
    assert len(records) == 3
    assert {r.anonymity for r in records} == {"anonymous"}
    assert len({r.speaker_entity for r in records}) == 3
