"""Sources as the ninth blind set writes them (Edmonton, Halifax, Toronto, Denver, Atlanta
and San Francisco styles), through the real pipeline: the outlet's reasons for not naming
someone, given in the next sentence and in words of its own."""
import pytest


def _one(records, needle):
    (record,) = [r for r in records if needle in r.text]
    return record


# (text, words of the quote); the anonymity is in the next sentence
ANONYMOUS_BY_THE_NEXT_SENTENCE = [
    pytest.param(
        "A continuing care assistant who has worked at the home for six years said staff were "
        "told to chart what they could. The Herald is not naming her because employees sign "
        "agreements that bar them from discussing residents, and she fears losing her job.",
        "staff were told", id="outlet-not-naming-her"),
    pytest.param(
        "A TTC escalator mechanic told the Sun that the crews were ghosts who showed up on "
        "paper and nowhere else. The mechanic can't be named. Workers who speak to the press "
        "without permission can be disciplined.",
        "ghosts", id="cant-be-named"),
    pytest.param(
        "The nurse asked not to be identified because she fears losing her job. A second "
        "employee, a licensed practical nurse who asked for the same protection, said two "
        "agency workers had quit within a month.",
        "quit within a month", id="the-same-protection"),
    pytest.param(
        "Two lobbyists who represent national carriers said several companies were preparing "
        "to stop selling new policies. Their clients have taken no public position, and the two "
        "would describe the meetings only if their names were left out.",
        "stop selling new policies", id="names-left-out"),
    pytest.param(
        "Three current and former engineers said the breached server had been flagged as out "
        "of date a year before the attack. Two signed severance agreements Monday and the third "
        "still works there, so The Chronicle agreed not to name them.",
        "flagged as out of date", id="agreed-not-to-name-them"),
    pytest.param(
        "A House Democratic staffer said the bill is likely to be amended in committee. The "
        "staffer had not been cleared to discuss leadership's plans.",
        "likely to be amended", id="not-been-cleared"),
]


@pytest.mark.parametrize("text, quote", ANONYMOUS_BY_THE_NEXT_SENTENCE)
def test_anonymity_given_in_the_next_sentence(analyzer, text, quote):
    record = _one(analyzer.extract(text), quote)
    assert record.speaker_type in ("person", "group")
    assert record.anonymity == "anonymous"


def test_neither_can_be_named_and_one_of_the_two(analyzer):
    text = ("Two city employees who work on transit planning said the cut was first floated by "
            "administration in the summer. Neither can be named, because city policy bars staff "
            "from talking to reporters. One of the two said planners had warned senior managers "
            "in July. The other said several route figures in the memo did not match.")
    records = analyzer.extract(text)
    group = _one(records, "first floated")
    one = _one(records, "planners had warned")
    other = _one(records, "route figures")
    assert {group.anonymity, one.anonymity, other.anonymity} == {"anonymous"}
    assert len({group.speaker_entity, one.speaker_entity, other.speaker_entity}) == 3


def test_someone_elses_request_in_the_next_sentence_is_theirs(analyzer):
    # a guard: "Jolene, …, who asked that her last name not be used" is about Jolene
    text = ("A neighbour who lives across the back lane from the church said he first heard "
            "about the project in February. Jolene, a mother of two who lives on the same block "
            "and asked that her last name not be used, said she has nothing against the tenants.")
    records = analyzer.extract(text)
    assert _one(records, "first heard").anonymity == "unnamed"
    assert _one(records, "nothing against").anonymity == "anonymous"


def test_a_subject_the_parse_gave_the_reported_passive_speaks(analyzer):
    # parsed with "supervisors" as the subject of "said" and the worker as the subject of
    # "were told"
    text = ("A second TTC worker, who also can't be identified for that reason, said "
            "supervisors who questioned Ridgeline's paperwork in 2024 were told to drop it.")
    (record,) = [r for r in analyzer.extract(text) if r.cue == "said"]
    assert record.speaker.startswith("A second TTC worker")
    assert record.anonymity == "anonymous"


def test_a_name_before_airport_is_a_place_not_a_person_to_point_back_to(analyzer):
    text = ("Ridgeline owner Costas Varvaressos didn't return calls Monday. Reached Tuesday at "
            "the company's yard off Dixie Rd., near Hwy. 401 and Pearson airport, he insisted "
            "his technicians did every job they billed for.")
    (record,) = [r for r in analyzer.extract(text) if r.cue == "insisted"]
    assert record.speaker_name == "Costas Varvaressos"


def test_a_business_name_runs_on_to_its_suffix(analyzer):
    # "Continuing" read as a verb splits the model's name in two
    text = ("Tidewater Continuing Care Ltd., which runs the home and two others in Halifax, said "
            "in a statement that it had hired 14 care assistants. “We have met every standard "
            "the department set,” the Dartmouth-based operator said.")
    record = _one(analyzer.extract(text), "every standard")
    assert record.speaker_name == "Tidewater Continuing Care Ltd."
    assert record.speaker_type == "organization"
