"""Speakers as entities, through the real pipeline: typed names, coreference within an
article, and anonymity decided once per entity."""
import pytest

from quotes.speakers.anonymity import UNRESOLVED


def _by_text(records):
    return {r.text.strip("“”\",. "): r for r in records}


def test_he_or_she_skips_names_that_are_not_people(analyzer):
    text = ("Dana Whitlock leads after two rounds at the Lakeshore Open in Duluth. "
            "“I putted well,” she said.")
    (record,) = analyzer.extract(text)
    assert (record.speaker, record.speaker_name, record.speaker_type) == (
        "she", "Dana Whitlock", "person")
    assert record.anonymity == "named"


def test_a_bare_surname_never_given_in_full_is_a_named_person(analyzer):
    text = "Okonjo said the plan would fail. “It is a disaster,” Okonjo added."
    records = analyzer.extract(text)
    assert [r.speaker_name for r in records] == ["Okonjo", "Okonjo"]
    assert {r.anonymity for r in records} == {"named"}
    assert len({r.speaker_entity for r in records}) == 1


def test_anonymity_granted_in_a_later_sentence_covers_every_mention(analyzer):
    text = ("The talks had stalled by Tuesday, the officials said. The officials, who spoke "
            "on condition of anonymity because the talks are private, said a deal was "
            "unlikely before the summit.")
    first, second = analyzer.extract(text)
    assert first.speaker_entity == second.speaker_entity
    assert (first.anonymity, second.anonymity) == ("anonymous", "anonymous")
    assert "condition of anonymity" in first.anonymity_evidence


def test_a_second_official_is_another_source_on_the_same_terms(analyzer):
    text = ("A senior official, who spoke on condition of anonymity, said the ministry would "
            "respond on Friday. A second official said the response would be brief.")
    first, second = analyzer.extract(text)
    assert first.speaker_entity != second.speaker_entity
    assert (first.anonymity, second.anonymity) == ("anonymous", "anonymous")


def test_one_of_the_people_keeps_the_groups_anonymity(analyzer):
    text = ("People familiar with the talks, who requested anonymity, said the deal was close. "
            "One of the people said a signing could come on Monday.")
    first, second = analyzer.extract(text)
    assert second.speaker.startswith("One of the people")
    assert second.anonymity == "anonymous"


def test_appositive_description_links_back_to_the_name(analyzer):
    text = ("Lena Marsh, the fund’s former compliance chief, resigned in May. "
            "“I warned the board twice,” the former compliance chief told the panel.")
    (record,) = analyzer.extract(text)
    assert (record.speaker_name, record.anonymity) == ("Lena Marsh", "named")


def test_copula_description_links_back_to_the_name(analyzer):
    text = ("Tomas Ruiz is a spokesman for the agency. "
            "“We are reviewing the case,” the spokesman said.")
    (record,) = analyzer.extract(text)
    assert (record.speaker_name, record.anonymity) == ("Tomas Ruiz", "named")


def test_documents_speak_for_themselves(analyzer):
    text = ("A report released Monday by the Harlow Institute found that rents rose 9 percent. "
            "A memo circulating among staff said the plan was dead.")
    report, memo = analyzer.extract(text)
    assert (report.speaker_type, report.anonymity) == ("document", "named")
    assert (memo.speaker_type, memo.anonymity) == ("document", "unnamed")


def test_an_unresolvable_pronoun_is_not_an_unnamed_source(analyzer):
    (record,) = analyzer.extract("“We will appeal,” he said.")
    assert record.anonymity is None and record.anonymous is None
    assert record.anonymity_evidence == UNRESOLVED
    assert record.speaker_entity is None


def test_two_unnamed_officials_are_told_apart_and_counted_as_two_sources(analyzer):
    from quotes import to_frame
    from quotes.reports.tables import audit

    text = ("A Treasury official said the sanctions would widen. Another official said the "
            "list was not final. “It will change,” the first official said.")
    records = analyzer.extract(text, "a1")
    assert len({r.speaker_entity for r in records[:2]}) == 2
    table, totals = audit(to_frame(records))
    row = table[table["doc_id"] == "a1"].iloc[0]
    assert row["attributions"] == 3
    assert row["sources_unnamed"] == 2


def test_audit_counts_unresolved_pronouns_in_their_own_column(analyzer):
    from quotes import to_frame
    from quotes.reports.tables import audit

    records = analyzer.extract("“We will appeal,” he said. Officials said the case was weak.",
                               "a1")
    table, totals = audit(to_frame(records))
    row = table[table["doc_id"] == "a1"].iloc[0]
    assert (row["unresolved"], row["unnamed"], row["named"]) == (1, 1, 0)
    assert totals["unresolved"] == 1


@pytest.mark.parametrize("text, name", [
    ("Sen. Maria Ortega said the bill would pass. “We have the votes,” she said.",
     "Maria Ortega"),
    ("Kupchan, a senior fellow, said the summit mattered. Charles Kupchan has written "
     "widely on NATO. “It is a test,” he said.", "Charles Kupchan"),
])
def test_names_resolve_to_the_fullest_name(analyzer, text, name):
    records = analyzer.extract(text)
    assert records and all(r.speaker_name == name for r in records)


def test_speaker_entity_is_in_every_output_row(analyzer):
    from quotes.records import COLUMNS

    assert "speaker_entity" in COLUMNS
    (record,) = analyzer.extract("“Yes,” said Maria Lopez.")
    assert record.speaker_entity == "e1" and record.to_dict()["speaker_entity"] == "e1"


def test_it_can_mean_a_country_speaking_as_its_government(analyzer):
    text = "Ukraine reported a drone attack on Monday. “We will respond,” it said."
    records = analyzer.extract(text)
    said = [r for r in records if r.cue == "said"]
    assert said and (said[0].speaker_name, said[0].speaker_type) == ("Ukraine", "organization")


def test_a_document_circulated_and_reviewed_is_unattributed_even_when_misparsed(analyzer):
    """The parser reads "circulated" as the main verb and "said" as its conjunct; the
    document's phrase still runs up to the cue, so "circulated" and "reviewed by" count."""
    text = ("A memo circulated Tuesday among House Democratic staff and reviewed by The "
            "Harrisburg Courier said the transit increase would total $310 million.")
    (record,) = analyzer.extract(text)
    assert (record.speaker_type, record.anonymity) == ("document", "unnamed")
    assert record.anonymity_evidence == "unattributed document"


@pytest.mark.parametrize("text, name", [
    ("The explosion, Mayor Bill Okafor said, was an intentional act. At a news conference "
     "later, the mayor said it was too early to tell who was behind it.", "Bill Okafor"),
    ("Sen. Ada Reyes (D-N.M.) called the bill a trap. The senator said she would vote "
     "against it on Tuesday.", "Ada Reyes"),
])
def test_a_definite_role_re_mentions_the_person_of_that_title(analyzer, text, name):
    records = analyzer.extract(text)
    last = records[-1]
    assert last.speaker.lower().startswith("the ")
    assert (last.speaker_name, last.anonymity) == (name, "named")
    assert len({r.speaker_entity for r in records}) == 1


def test_another_office_of_the_same_noun_is_not_re_mentioned(analyzer):
    text = ("Vice President Carla Munro toured the plant on Monday. The president said "
            "the tariffs would stay.")
    (record,) = analyzer.extract(text)
    assert record.speaker_name != "Carla Munro"


@pytest.mark.parametrize("text", [
    "The Governor of Virginia said the state would appeal the ruling.",
    "The Mayor of Chicago said the city would appeal the ruling.",
    "The President of the United States said he would veto the bill.",
    "The Duke of Sussex said he was saddened by the decision.",
])
def test_an_office_named_for_its_place_is_its_holder(analyzer, text):
    # not the place ("Virginia" is also a given name) and not an institution
    (record,) = analyzer.extract(text)
    office = text.split(" said")[0]
    assert (record.speaker, record.speaker_name) == (office, office)
    assert (record.speaker_type, record.anonymity) == ("person", "named")


def test_the_place_of_an_office_does_not_open_the_holders_name(analyzer):
    # "Georgia" is a listed given name too
    text = "In a statement on Friday, Governor of Georgia Nathan Deal said the state would appeal."
    (record,) = analyzer.extract(text)
    assert (record.speaker_name, record.anonymity) == ("Nathan Deal", "named")


@pytest.mark.parametrize("text", [
    "Jack London Square filled with fans after the parade. “It was loud,” he said.",
    "Crowds came to Martin Luther King Jr. Boulevard and Jack London Square on Sunday. "
    "“It was loud,” he said.",
])
def test_a_place_named_after_a_person_is_no_antecedent_for_he(analyzer, text):
    (record,) = analyzer.extract(text)
    assert record.speaker == "he"
    assert record.speaker_name == "he" and record.anonymity is None      # unresolved


@pytest.mark.parametrize("text, name", [
    ("The talks had stalled, The Economist reported on Friday.", "The Economist"),
    ("The talks had stalled, according to the Daily Caller.", "the Daily Caller"),
    ("The talks had stalled, the Hollywood Reporter said.", "the Hollywood Reporter"),
])
def test_a_newspaper_named_for_a_role_is_a_named_organization(analyzer, text, name):
    (record,) = analyzer.extract(text)
    assert (record.speaker_name, record.speaker_type, record.anonymity) == (
        name, "organization", "named")


def test_the_same_role_noun_in_lower_case_is_still_a_person(analyzer):
    (record,) = analyzer.extract("The talks had stalled, the economist said.")
    assert (record.speaker_type, record.anonymity) == ("person", "unnamed")


def test_investigations_opening_a_sentence_are_a_document(analyzer):
    text = "Investigations have revealed that the agency ignored the warnings."
    (record,) = analyzer.extract(text)
    assert record.speaker_type == "document"


def test_a_surname_the_tagger_reads_as_a_preposition_is_still_a_name(analyzer):
    text = "“We lost,” said Al From, who helped found the group."
    (record,) = analyzer.extract(text)
    assert (record.speaker_name, record.speaker_type, record.anonymity) == (
        "Al From", "person", "named")


@pytest.mark.parametrize("text, kind", [
    ("Kasich has pulled within 4 points, according to the Real Clear Politics average of "
     "recent polls.", "document"),
    ("An average of 10 percent of registered voters say they will vote for a third party.",
     None),
])
def test_a_polling_average_is_a_document_but_a_share_of_voters_is_not(analyzer, text, kind):
    (record,) = analyzer.extract(text)
    assert (record.speaker_type == "document") == (kind == "document")


@pytest.mark.parametrize("text, kind", [
    ("Witnesses said the truck did not slow down.", "group"),
    ("Her public defense counsel said the charges would be dropped.", "person"),
])
def test_people_unnamed_by_role_are_typed(analyzer, text, kind):
    (record,) = analyzer.extract(text)
    assert (record.speaker_type, record.anonymity) == (kind, "unnamed")


def test_a_name_set_off_by_commas_before_a_relative_clause_names_the_speaker(analyzer):
    text = ("Taxes would fall, said a former adviser to the Foreign Ministry, Dmytro Kuleba, "
            "who also ran for parliament.")
    (record,) = analyzer.extract(text)
    assert (record.speaker_name, record.anonymity) == ("Dmytro Kuleba", "named")


def test_a_thing_as_speaker_is_not_counted_as_an_unnamed_source(analyzer):
    from quotes.speakers.anonymity import NOT_A_SOURCE

    text = "The session suggested that the senators had already agreed on a deal."
    (record,) = analyzer.extract(text)
    assert record.speaker == "The session"
    assert (record.anonymity, record.anonymity_evidence) == (None, NOT_A_SOURCE)


def test_a_merger_is_no_one_despite_its_ending(analyzer):
    from quotes.speakers.anonymity import NOT_A_SOURCE

    (record,) = analyzer.extract(
        "The proposed merger suggests that the industry is consolidating.")
    assert (record.anonymity, record.anonymity_evidence) == (None, NOT_A_SOURCE)


def test_residents_after_a_quantity_are_still_an_unnamed_source(analyzer):
    text = "Dozens of residents said the cuts would leave them stranded."
    (record,) = analyzer.extract(text)
    assert record.anonymity == "unnamed"


def test_poll_respondents_speak_for_the_poll_and_are_no_unnamed_source(analyzer):
    from quotes import to_frame
    from quotes.reports.tables import audit
    from quotes.speakers.polls import POLL_RESPONDENTS

    text = ("A new survey of likely voters in Ohio shows a close race. In the survey, 64 "
            "percent said the governor was competent. Half of the Republican primary voters "
            "said they were angry. Officials said the count would take a week.")
    records = analyzer.extract(text, "p1")
    polled = [r for r in records if r.anonymity_evidence == POLL_RESPONDENTS]
    assert sorted(r.speaker for r in polled) == ["64 percent", "Half of the Republican primary voters"]
    assert all(r.anonymity is None and r.anonymous is None for r in polled)
    (officials,) = [r for r in records if r.speaker == "Officials"]
    assert officials.anonymity == "unnamed"
    row = audit(to_frame(records))[0].iloc[0]
    assert (row["poll_respondents"], row["unnamed"], row["unresolved"]) == (2, 1, 0)


@pytest.mark.parametrize("text, speaker", [
    ("A new poll of likely voters came out on Monday.\n\nNearly eight in 10 Democratic voters "
     "overall said they have made up their minds, with similar levels of certainty among both "
     "camps.", "eight in 10 Democratic voters"),
    ("The survey was released on Tuesday.\n\nNine in 10 Democratic registered voters say they "
     "think she could win a general election.", "Nine in 10 Democratic registered voters"),
])
def test_a_share_the_parse_splits_keeps_its_number(analyzer, text, speaker):
    from quotes.speakers.polls import POLL_RESPONDENTS

    (record,) = analyzer.extract(text)
    assert (record.speaker, record.anonymity, record.anonymity_evidence) == (
        speaker, None, POLL_RESPONDENTS)


def test_a_share_of_a_group_outside_a_poll_is_an_unnamed_group(analyzer):
    text = "Half of the senators said they would vote against the bill on Friday."
    (record,) = analyzer.extract(text)
    assert record.speaker == "Half of the senators"
    assert record.anonymity == "unnamed"


def test_audit_counts_things_as_speakers_with_the_unresolved(analyzer):
    from quotes import to_frame
    from quotes.reports.tables import audit

    records = analyzer.extract("The session suggested that the senators had agreed on a deal. "
                               "Officials said the case was weak.", "a2")
    table, _ = audit(to_frame(records))
    row = table[table["doc_id"] == "a2"].iloc[0]
    assert (row["unresolved"], row["unnamed"]) == (1, 1)


def test_an_honorific_keeps_a_surname_from_a_full_name_of_the_other_gender(analyzer):
    text = "Michelle Obama spoke first. Mr. Obama said the program would grow next year."
    (record,) = analyzer.extract(text)
    assert record.speaker_name != "Michelle Obama"
    assert record.anonymity == "named"


def test_a_definite_description_re_mentions_the_person_just_named(analyzer):
    text = ("Donald Okafor attacked the transit plan on Monday. The billionaire businessman "
            "said it would bankrupt the city.")
    (record,) = analyzer.extract(text)
    assert record.speaker == "The billionaire businessman"
    assert (record.speaker_name, record.anonymity) == ("Donald Okafor", "named")


def test_a_noun_used_for_unnamed_sources_does_not_take_the_last_name(analyzer):
    text = "Maria Gomez left the meeting early. The official said the talks had stalled."
    (record,) = analyzer.extract(text)
    assert (record.speaker_name, record.anonymity) == ("The official", "unnamed")


def test_a_title_case_headline_does_not_stretch_a_persons_name(analyzer):
    text = ("Elizabeth Warren Hammers Wells Fargo Chief Over Fake Accounts\n\n"
            "“It is gutless leadership,” Warren said.")
    records = [r for r in analyzer.extract(text) if r.kind != "scare"]
    assert records and records[-1].speaker_name == "Elizabeth Warren"


def test_a_possessive_description_re_mentions_the_name_a_relative_clause_described(analyzer):
    text = ("Lena Ortiz filed the appeal on Monday with Omar Haddad, who is her lawyer. "
            "“We expect to win,” her lawyer said.")
    (record,) = analyzer.extract(text)
    assert (record.speaker, record.speaker_name, record.anonymity) == (
        "her lawyer", "Omar Haddad", "named")


def test_a_possessive_description_is_not_its_own_possessor(pipeline):
    from quotes.speakers.entities import Article

    text = ("Rival Mark Delgado held a rally on Monday. Hours later, an ad from Delgado’s "
            "campaign replayed remarks his rival made last week.")
    article = Article(pipeline.parse(text))
    _, delgado = article.link(text.index("Delgado held"), text.index(" held"))
    start = text.index("his rival")
    _, rival = article.link(start, start + len("his rival"))
    assert delgado.name == "Mark Delgado" and rival is not delgado


def test_a_given_name_alone_carries_its_gender(analyzer):
    text = ("Tomas, a paramedic, and Rosa, a nurse, reached the crash first. "
            "“It was chaos,” she said.")
    (record,) = analyzer.extract(text)
    assert (record.speaker, record.speaker_name) == ("she", "Rosa")


def test_a_name_alone_on_its_line_is_not_the_next_pronoun(pipeline):
    from quotes.speakers.entities import Article

    text = ("Mayor Alan Brooks opened the library on Saturday. The building cost $4 million."
            "\n\nGreg Tillman, chief of staff\n\nHe cut the ribbon himself.")
    article = Article(pipeline.parse(text))
    start = text.index("He cut")
    _, entity = article.link(start, start + 2)
    assert entity is not None and entity.name == "Alan Brooks"


def test_a_name_inside_a_quoted_title_is_no_antecedent(pipeline):
    from quotes.speakers.entities import Article

    text = ("Antonin Dvorak wrote nine operas. Among his songs, “Songs My Mother Taught Me” "
            "is still sung. He died in Prague in 1904.")
    article = Article(pipeline.parse(text))
    article.link(0, len("Antonin Dvorak"))
    start = text.index("My Mother") + 3
    article.link(start, start + len("Mother"), speaker=False)
    at = text.index("He died")
    _, entity = article.link(at, at + 2)
    assert entity is not None and entity.name == "Antonin Dvorak"


def test_the_main_character_breaks_a_tie_between_people_named_alike(pipeline):
    from quotes.speakers.entities import Article

    text = ("Lord Byron was born in London. Critics admired Byron early. Harrow shaped "
            "Byron. Letters to Byron tell of a friendship with a younger boy, John Claridge. "
            "The following autumn, he went up to Cambridge.")
    article = Article(pipeline.parse(text))
    at = text.index("he went")
    _, entity = article.link(at, at + 2)
    assert entity is not None and entity.name == "Byron"          # "Lord" is a title


def test_a_name_the_tokenizer_split_like_a_contraction_stays_whole(analyzer):
    text = ("Donna Sampson Rawlings, 59, watched the ceremony on a screen. "
            "“It brought back memories of my father,” she said.")
    (record,) = analyzer.extract(text)
    assert record.speaker_name == "Donna Sampson Rawlings"


def test_an_acronym_is_the_organization_it_abbreviates(analyzer):
    # the model names "Rifle Association"; the name's adjectives before it belong to it
    text = ("The National Rifle Association attacked the plan on Monday. Gun sales rose "
            "in March. “It is unconstitutional,” the NRA said in a statement.")
    records = [r for r in analyzer.extract(text) if r.speaker == "the NRA"]
    assert [r.speaker_name.lower() for r in records] == ["the national rifle association"]


def test_an_organization_before_a_title_is_not_a_longer_name(analyzer):
    text = ("The bill is a mistake, White House Press Secretary Josh Earnest told reporters on "
            "Thursday. The White House said on Friday that it would veto the bill.")
    records = [r for r in analyzer.extract(text) if r.speaker == "The White House"]
    assert [r.speaker_name.lower() for r in records] == ["the white house"]


def test_a_possessive_ending_is_not_part_of_the_mention(pipeline):
    from quotes.speakers.mentions import analyse_mention

    text = "Thad's World Destruction was his first story."
    mention = analyse_mention(pipeline.parse(text), 0, len("Thad's"))
    assert (mention.text, mention.end) == ("Thad", 4)


def test_results_of_a_poll_speak_as_a_document(analyzer):
    text = ("According to early results of exit polls conducted by Edison Research, most "
            "Democratic voters want the next president to continue current policies.")
    (record,) = analyzer.extract(text)
    assert (record.speaker_type, record.anonymity) == ("document", "named")


def test_the_second_of_two_descriptions_after_a_name_is_that_person(analyzer):
    # parsed with "general manager" as the subject
    text = ("At Boca West, where it costs new members $70,000 to sign up, Jay DiPietro, the "
            "club's 78-year-old president and general manager, suggested that the troubles "
            "besetting some of his competitors could be blamed on poor management.")
    (record,) = analyzer.extract(text)
    assert (record.speaker_name, record.anonymity) == ("Jay DiPietro", "named")


def test_a_name_the_parse_misses_here_is_the_name_given_elsewhere(analyzer):
    text = ("The alliance, known as AROS, includes the two largest teachers unions. "
            "AROS said it had organized walk-ins at 200 schools. "
            "AROS argues that families still want their neighborhood schools.")
    records = analyzer.extract(text)
    assert {r.anonymity for r in records} == {"named"}
    assert len({r.speaker_entity for r in records}) == 1


def test_a_title_right_before_a_name_is_that_person(analyzer):
    text = ("New York Times columnist David Brooks stated that the debate had been more "
            "substantive than the last one.")
    (record,) = analyzer.extract(text)
    assert (record.speaker_name, record.anonymity) == ("David Brooks", "named")


def test_a_definite_description_re_mentions_a_person_named_a_few_sentences_before(analyzer):
    text = ("The debate commission says there was a problem with Ruth Calloway’s microphone "
            "on Monday. The commission says on its website that the sound level was affected. "
            "There was no issue on television. The Democratic nominee complained about her "
            "microphone the next morning, suggesting it had been sabotaged.")
    records = [r for r in analyzer.extract(text) if r.speaker == "The Democratic nominee"]
    assert records and {(r.speaker_name, r.anonymity) for r in records} == {
        ("Ruth Calloway", "named")}


@pytest.mark.parametrize("text", [
    "The New York state attorney general is confirming that his office opened an inquiry "
    "into the charity.",
    "Connecticut’s tax commissioner says the rule applies to every resident.",
])
def test_an_office_with_one_holder_is_named(analyzer, text):
    (record,) = analyzer.extract(text)
    assert record.anonymity == "named"


def test_a_name_after_fronted_words_and_a_comma_is_the_speaker(analyzer):
    text = ("Acts of protest, Mr. Obama said, are acts of patriotism, whether it was sitting "
            "at a lunch counter or wearing a T-shirt.")
    (record,) = analyzer.extract(text)
    assert record.speaker_name == "Obama" and record.anonymity == "named"


def _linked_label(pipeline, text, mention):
    """The label of the entity a mention (not a speaker) joins, as the coreference
    evaluation links GUM's mentions."""
    from quotes.speakers.entities import Article

    article = Article(pipeline.parse(text))
    start = text.index(mention)
    return article.link(start, start + len(mention), speaker=False)[1].label


def test_a_regnal_number_does_not_hide_the_surname(pipeline):
    text = ("Joshua Abraham Norton was a businessman in San Francisco. In 1859 Norton I "
            "proclaimed himself emperor of the United States.")
    assert _linked_label(pipeline, text, "Norton I") == "Joshua Abraham Norton"


def test_a_title_alone_is_no_name_but_a_description_of_the_name_before(pipeline):
    text = ("Professor Cres Eastman, Director of the National Iodine Nutrition Study, said "
            "the results were alarming.")
    assert _linked_label(pipeline, text, "Director of the National Iodine Nutrition Study") \
        == "Cres Eastman"


def test_a_description_re_mentions_the_name_of_its_own_sentence_first(analyzer):
    text = ("Sen. Lindsey Graham has been critical of Donald Trump since the primary. In June, "
            "the South Carolina senator called on Republicans to unendorse Trump after the "
            "billionaire mogul claimed that a judge was biased.")
    records = [r for r in analyzer.extract(text) if r.cue == "claimed"]
    assert [(r.speaker_name, r.anonymity) for r in records] == [("Donald Trump", "named")]


@pytest.mark.parametrize("text, speaker", [
    ("A projection by the consulting firm Halder Economics, prepared for the retail "
     "federation, predicted that a large number of workers would lose overtime pay.",
     "A projection by the consulting firm Halder Economics"),
    ("“Interviews are useless,” concluded a 2013 article in the academic journal Judgment "
     "and Decision Making.", "a 2013 article in the academic journal Judgment and Decision Making"),
])
def test_articles_and_projections_are_documents(analyzer, text, speaker):
    (record,) = [r for r in analyzer.extract(text) if r.kind != "scare"]
    assert record.speaker.startswith(speaker[:20])
    assert (record.speaker_type, record.anonymity) == ("document", "named")


def test_a_name_first_in_its_sentence_and_read_as_a_noun_is_still_a_name(analyzer):
    text = ("Estimates of the fortune vary widely. Bloomberg puts it at $42 billion. Forbes, "
            "however, says that Kamprad is no longer a billionaire. Forbes said the family "
            "trust held the shares.")
    records = [r for r in analyzer.extract(text) if r.speaker == "Forbes"]
    assert len(records) == 2
    assert all(r.anonymity == "named" for r in records)


def test_a_bare_definite_president_is_one_identifiable_office_holder(analyzer):
    text = ("Cheap gas helped cut emissions in the last decade, and the carbon plan did the "
            "rest. “We may end up having to do it in chunks,” the president said in a magazine "
            "interview in October.")
    (record,) = [r for r in analyzer.extract(text) if r.kind != "scare"]
    assert (record.speaker, record.anonymity) == ("the president", "named")


def test_a_bare_definite_spokesman_stays_unnamed(analyzer):
    text = "A Kremlin spokesman denied the report. The spokesman said the talks would go on."
    records = [r for r in analyzer.extract(text) if r.kind != "scare"]
    assert records and all(r.anonymity == "unnamed" for r in records)


def test_a_columnists_name_after_the_role_noun_is_a_name(analyzer):
    text = ("“Many of his ideas are far from heartwarming,” columnist Ai Jun wrote in the "
            "Harbor Times piece. The columnist added that trade would suffer.")
    records = [r for r in analyzer.extract(text) if r.kind != "scare"]
    assert [(r.speaker_name, r.anonymity) for r in records] == [("Ai Jun", "named")] * 2


@pytest.mark.parametrize("phrase, share", [
    ("64 percent", True), ("Seventy-four percent of Democratic registered voters", True),
    ("half of GOP primary voters", True), ("Nearly eight of 10 voters", True),
    ("An average of 10 percent of registered voters", True), ("a majority of voters", True),
    ("two-thirds of Democrats", True), ("Majority Leader Mitch McConnell", False),
    ("half the country", False), ("the senators", False), ("an average voter", False),
])
def test_shares_of_people_polled(phrase, share):
    from quotes.speakers.polls import is_share

    assert is_share(phrase) is share


def test_who_replies_is_not_who_asked(analyzer):
    text = ("Senator Ruth Calder caused a stir on Monday when a voter in Dubuque asked if she "
            "might run again. “Wow, what a great idea,” she replied.")
    (reply,) = [r for r in analyzer.extract(text) if r.cue_lemma == "reply"]
    assert reply.speaker_name == "Ruth Calder"


def test_a_copula_description_joins_its_subject(pipeline):
    from quotes.speakers.entities import Article

    text = ("Tomas Hradil was a Czech composer. He was also a professor at the conservatory. "
            "The problem was a lack of money. Hradil later worked as a schoolteacher.")
    article = Article(pipeline.parse(text))
    _, hradil = article.link(0, len("Tomas Hradil"), speaker=False)
    start = text.index("a Czech composer")
    _, composer = article.link(start, start + len("a Czech composer"), speaker=False)
    start = text.index("a professor")
    _, professor = article.link(start, start + len("a professor at the conservatory"),
                                speaker=False)
    start = text.index("a lack")
    _, lack = article.link(start, start + len("a lack of money"), speaker=False)
    start = text.index("a schoolteacher")
    _, teacher = article.link(start, start + len("a schoolteacher"), speaker=False)
    assert composer is hradil and professor is hradil and lack is not hradil
    assert teacher is hradil
    assert "a Czech composer" in hradil.descriptions


def test_a_parenthesis_after_a_name_gives_the_same_person_again(pipeline):
    # a pronunciation guide and the name in another language are the person's name again;
    # a place in the parenthesis is still a place
    text = ("Karel Vondrášek (/ˈvɒndrəʃɛk/ VON-dra-shek; Czech: [ˈkarɛl ˈvondraːʃɛk]; born "
            "1950) is a Czech conductor. Mira Halasová (Brno) sang with him in Prague.")
    for guide in ("ˈvɒndrəʃɛk", "VON-dra-shek", "ˈkarɛl ˈvondraːʃɛk"):
        assert _linked_label(pipeline, text, guide) == "Karel Vondrášek"
    assert _linked_label(pipeline, text, "Brno") != "Mira Halasová"


def test_a_newsrooms_web_address_is_the_newsroom(pipeline):
    from quotes.speakers.entities import Article

    text = ("The Ledger first reported the leak on Monday. A spokeswoman for the ministry "
            "told the Ledger that the file was found on a sidewalk.\n\n"
            "“Secret file found on a wet street” — Ledger.ca, August 15")
    article = Article(pipeline.parse(text))
    _, ledger = article.link(0, len("The Ledger"), speaker=False)
    start = text.index("Ledger.ca")
    _, site = article.link(start, start + len("Ledger.ca"), speaker=False)
    assert ledger is not None and site is ledger


def test_a_surname_opening_with_a_particle_is_a_name(analyzer):
    text = ("“The state is overreaching,” said Lucia dos Santos, legal director of the civil "
            "liberties union. The union will not represent the rancher but plans to watch "
            "his case closely, dos Santos says.")
    (record,) = [r for r in analyzer.extract(text) if r.cue_lemma == "say" and
                 r.speaker == "dos Santos"]
    assert record.speaker_name == "Lucia dos Santos" and record.anonymity == "named"


@pytest.mark.parametrize("text, name", [
    ("“We will not give up,” said Kim Jong-un.", "Kim Jong-un"),
    ("South Korean President Moon Jae-in said the talks had failed.", "Moon Jae-in"),
])
def test_a_name_split_at_its_hyphen_keeps_its_last_syllable(analyzer, text, name):
    (record,) = analyzer.extract(text)
    assert record.speaker_name == name and record.anonymity == "named"


def test_a_korean_family_name_alone_is_the_person_named_in_full(analyzer):
    text = ("South Korean President Moon Jae-in said the talks had failed. “It went badly,” "
            "Moon said later.")
    assert [r.speaker_name for r in analyzer.extract(text)] == ["Moon Jae-in", "Moon Jae-in"]


def test_honorifics_keep_two_people_of_one_surname_apart(analyzer):
    text = ("Helen Marwick said the plan would work. Tom Marwick spoke later in the evening. "
            "Mrs. Marwick said the party was united. Mr. Marwick said he was proud of her. "
            "She said she agreed.")
    records = analyzer.extract(text)
    assert [r.speaker_name for r in records] == [
        "Helen Marwick", "Helen Marwick", "Tom Marwick", "Helen Marwick"]
    assert records[1].speaker_entity == records[0].speaker_entity != records[2].speaker_entity


def test_a_surname_with_both_honorifics_is_two_people(analyzer):
    # only one full name is given: the other spouse is named by the surname alone
    text = ("The parents, Khizr and Ghazala Okafor, spoke at the convention. Ms. Okafor said "
            "she had not spoken because of her grief. Mr. Okafor said the candidate had "
            "sacrificed nothing. She said her son was a hero.")
    ms, mr, she = analyzer.extract(text)
    assert ms.speaker_entity == she.speaker_entity != mr.speaker_entity
    assert {ms.anonymity, mr.anonymity, she.anonymity} == {"named"}


@pytest.mark.parametrize("text, name", [
    ("WASHINGTON (Reuters) - U.S. Democratic presidential candidate Hillary Clinton said "
     "Russian intelligence services had hacked the party's computers.", "Hillary Clinton"),
    # a state after the city, parsed as a second subject
    ("DES MOINES, Iowa — Gov. Terry Branstad on Thursday blamed the media for the flap, saying "
     "reporters were nitpicking.", "Terry Branstad"),
])
def test_a_dateline_is_not_the_speaker(analyzer, text, name):
    records = analyzer.extract(text)
    assert {(r.speaker_name, r.speaker_type) for r in records if r.cue != "blamed"} == {
        (name, "person")}


def test_a_name_after_two_coordinated_roles_names_the_speaker(analyzer):
    text = ("Real estate mogul and reality television star Ana Ferreira on Sunday tweeted that "
            "the figures were wrong.")
    (record,) = analyzer.extract(text)
    assert (record.speaker_name, record.anonymity) == ("Ana Ferreira", "named")


def test_the_star_is_the_person_just_named(analyzer):
    text = ("Salma Hayek confirmed she had been discriminated against. The star then recalled "
            "that a theater had turned her friend away.")
    (record,) = analyzer.extract(text)[-1:]
    assert (record.cue, record.speaker_name, record.anonymity) == (
        "recalled", "Salma Hayek", "named")


def test_the_magazine_is_the_magazine_just_named(analyzer):
    text = ("The candidates' spouses submitted recipes for Family Circle magazine's cookie "
            "poll. The magazine said the poll's winner had predicted five of the last six "
            "elections.")
    record = analyzer.extract(text)[0]
    assert (record.cue, record.speaker_name, record.speaker_type) == (
        "said", "Family Circle", "organization")


def test_a_newspaper_named_star_is_an_organization(analyzer):
    (record,) = analyzer.extract("According to the Manila Star, the lawmaker apologized.")
    assert (record.speaker_name, record.speaker_type, record.anonymity) == (
        "the Manila Star", "organization", "named")


def test_the_group_is_the_organization_that_was_the_subject(analyzer):
    # "Fox 35", named later in the sentence as the one told, is not what "the group" means
    text = ("The Harbor Literacy Foundation did not want to address the dispute, telling Fox 35 "
            "that the organization was focused on reading programs. “This season, we are "
            "focused on that mission,” the group said.")
    record = analyzer.extract(text)[-1]
    assert (record.speaker, record.speaker_name) == ("the group", "The Harbor Literacy Foundation")


def test_a_website_named_by_its_address_is_its_newsroom(analyzer):
    (record,) = analyzer.extract("Factcheck.org said the claim was false.")
    assert (record.speaker_name, record.speaker_type, record.anonymity) == (
        "Factcheck", "organization", "named")


def test_a_dateline_with_a_horizontal_bar_is_not_the_speaker(analyzer):
    (record,) = analyzer.extract("PHILADELPHIA ― Ana Ruiz’s campaign said it wants a new chair.")
    assert record.speaker_name == "Ana Ruiz’s campaign"


def test_a_dash_is_no_speaker(analyzer):
    text = ("Other prominent Republicans, like Richard Armitage and Brent Scowcroft ― two former "
            "administration officials ― have also said they support Clinton.")
    (record,) = analyzer.extract(text)
    assert record.speaker and any(c.isalpha() for c in record.speaker)


def test_a_possessor_makes_a_generic_noun_an_organization_of_its_own(analyzer):
    text = ("The Riverside City Council postponed the vote. The transit workers' union said in a "
            "statement that the plan would cut 60 jobs.")
    (record,) = analyzer.extract(text)
    assert record.speaker_name == "The transit workers' union"


def test_a_possessor_of_scope_leaves_the_organization_named_before(analyzer):
    text = ("The nation’s largest gun group, the National Rifle Association, opposed the bill. "
            "The nation’s largest gun group said the plan was unconstitutional.")
    (record,) = analyzer.extract(text)
    assert record.speaker_name == "the National Rifle Association"


def test_a_lone_given_name_before_a_full_name_shares_its_surname(analyzer):
    text = ("The couple, Bill and Hillary Marwick, arrived on Monday. Mr. Marwick said he was "
            "proud. Mrs. Marwick said she was ready.")
    assert [r.speaker_name for r in analyzer.extract(text)] == ["Bill Marwick", "Hillary Marwick"]


def test_a_surname_coordinated_before_a_full_name_stays_its_own(analyzer):
    text = ("Trump and Hillary Clinton debated on Monday. Mrs. Clinton said she was ready. "
            "Trump said he was ready too.")
    assert [r.speaker_name for r in analyzer.extract(text)] == ["Hillary Clinton", "Trump"]


@pytest.mark.parametrize("text", [
    "A redacted copy of the inspector general's memo said investigators had missed the breach.",
    "The council passed a resolution that said the remarks were offensive.",
    "A page on the campaign's website says the plan would cost $2 trillion.",
    "The agency knew of the breach, according to a declaration filed in federal court by "
    "its director.",
    "The premier defended the deal, according to excerpts of her speech released by her "
    "office.",
])
def test_copies_pages_and_resolutions_are_documents(analyzer, text):
    (record,) = analyzer.extract(text)
    assert record.speaker_type == "document"


@pytest.mark.parametrize("text, is_address", [
    ("Factcheck.org", True), ("CBC.ca", True), ("ouest-france.fr", True), ("TMZ.COM", True),
    ("J.Lo", False), ("Mr.Li", False), ("U.S.", False),
])
def test_what_reads_as_a_web_address(text, is_address):
    from quotes.speakers.mentions import WEB_NAME
    assert bool(WEB_NAME.fullmatch(text)) is is_address


def test_a_speaker_the_parse_starts_inside_the_quotation_is_the_pronoun_after_it(analyzer):
    text = ("Marsh ran the campaign for a year.\n\n“When I left in October, the campaign was "
            "leading, the money was solid, and I had handed over months of research based on "
            "hundreds of hours spent with the best think tanks and some of the country’s "
            "brightest engineers,” he wrote in an email.")
    (record,) = analyzer.extract(text)
    assert (record.speaker, record.speaker_name, record.anonymity) == ("he", "Marsh", "named")


def test_an_adverb_opening_the_sentence_is_no_part_of_the_speaker(analyzer):
    text = ("Nonetheless, city councillors backing the plan have said they think they will "
            "have enough votes to pass it.")
    (record,) = analyzer.extract(text)
    assert (record.speaker, record.speaker_name) == (
        "city councillors backing the plan", "city councillors backing the plan")


def test_a_definite_re_mention_takes_the_source_of_its_own_number(analyzer):
    text = ("Lena Okafor is running for mayor.\n\n“We will win,” a senior Okafor adviser said "
            "on Monday.\n\nOkafor’s advisers say her lead is safe. Her rivals disagree.\n\n"
            "“They are nervous,” said the senior Okafor adviser.")
    adviser, advisers, again = analyzer.extract(text)
    assert again.speaker_entity == adviser.speaker_entity != advisers.speaker_entity
    assert again.speaker_type == "person"


def test_they_may_mean_a_name_typed_as_a_thing_that_acts(analyzer):
    text = ("Following the debate, PolitiFact checked the claim. On Tuesday they announced "
            "that the statement was true.")
    (record,) = analyzer.extract(text)
    assert (record.speaker, record.speaker_name, record.anonymity) == (
        "they", "PolitiFact", "named")


def test_police_speak_as_the_local_force(analyzer):
    text = ("A man was shot and wounded outside a bar on Elm Street early Sunday, police said. "
            "Milwaukee police said in a statement that no arrests had been made.")
    records = analyzer.extract(text)
    assert [(r.speaker, r.speaker_type, r.anonymity) for r in records] == [
        ("police", "organization", "named"),
        ("Milwaukee police", "organization", "named")]


def test_definite_noun_from_an_organization_name_is_that_organization(analyzer):
    text = ("The Larkspur Community Orchestra will cancel its spring season. "
            "The orchestra said in a statement that no musicians would be laid off.")
    (record,) = analyzer.extract(text)
    assert (record.speaker_name, record.speaker_type, record.anonymity) == (
        "the Larkspur Community Orchestra", "organization", "named")


def test_indefinite_role_after_a_named_holder_is_someone_else(analyzer):
    text = ("“We will keep the buildings,” said city spokesperson Dolores Whitcomb. "
            "A spokesperson for the state housing agency said the agency had not been "
            "consulted.")
    (other,) = [r for r in analyzer.extract(text) if r.speaker.startswith("A spokesperson")]
    assert (other.speaker_name, other.anonymity) == (
        "A spokesperson for the state housing agency", "unnamed")


def test_document_whose_author_sent_it_is_identified(analyzer):
    text = ("The fund has pressed the board to sell the company, according to a letter the "
            "Boston-based investor sent to directors in March.")
    (record,) = analyzer.extract(text)
    assert (record.speaker_type, record.anonymity) == ("document", "named")
