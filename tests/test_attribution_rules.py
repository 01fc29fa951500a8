"""Attribution rules pinned to hand-written trees (no model needed)."""
from conllu import parse_conllu

from quotes.attribution.extract import extract_from_parse
from quotes.speakers.resolve import resolve_speakers


def run(text, conllu):
    doc = parse_conllu(text, conllu)
    return resolve_speakers(doc, extract_from_parse(doc, "t"))


def test_indirect_with_quoted_words_is_mixed():
    text = "Officials said Biden will ask Trump not to “walk away” from Ukraine."
    records = run(text, """
1 Officials official NOUN NNS Number=Plur 2 nsubj
2 said say VERB VBD _ 0 root
3 Biden Biden PROPN NNP Number=Sing 5 nsubj
4 will will AUX MD _ 5 aux
5 ask ask VERB VB _ 2 ccomp
6 Trump Trump PROPN NNP Number=Sing 5 obj
7 not not PART RB _ 10 advmod
8 to to PART TO _ 10 mark
9 “ “ PUNCT `` _ 10 punct
10 walk walk VERB VB _ 5 xcomp
11 away away ADV RB _ 10 advmod
12 ” ” PUNCT '' _ 10 punct
13 from from ADP IN _ 14 case
14 Ukraine Ukraine PROPN NNP Number=Sing 10 obl
15 . . PUNCT . _ 2 punct
""")
    assert len(records) == 1
    r = records[0]
    assert (r.kind, r.cue, r.speaker) == ("mixed", "said", "Officials")
    assert r.text == "Biden will ask Trump not to “walk away” from Ukraine"
    assert text[r.start:r.end] == r.text
    assert (r.speaker_type, r.anonymity, r.anonymous) == ("group", "unnamed", True)


def test_direct_quote_before_inverted_cue():
    text = "“It will not be easy,” Kupchan said."
    records = run(text, """
1 “ “ PUNCT `` _ 6 punct
2 It it PRON PRP _ 6 nsubj
3 will will AUX MD _ 6 aux
4 not not PART RB _ 6 advmod
5 be be AUX VB _ 6 cop
6 easy easy ADJ JJ _ 0 root
7 , , PUNCT , _ 6 punct
8 ” ” PUNCT '' _ 6 punct
9 Kupchan Kupchan PROPN NNP Number=Sing 10 nsubj
10 said say VERB VBD _ 6 parataxis
11 . . PUNCT . _ 6 punct
""")
    assert [(r.kind, r.text, r.cue, r.speaker, r.method) for r in records] == [
        ("direct", "It will not be easy,", "said", "Kupchan", "adjacent")]
    # A bare surname the article never gives in full could be a company ("Corvista said"):
    # either way it is a named source.
    assert records[0].anonymity == "named"


def test_quote_split_by_its_cue_keeps_both_fragments():
    text = "“We will win,” he said, “and we will rebuild.”"
    records = run(text, """
1 “ “ PUNCT `` _ 4 punct
2 We we PRON PRP _ 4 nsubj
3 will will AUX MD _ 4 aux
4 win win VERB VB _ 0 root
5 , , PUNCT , _ 4 punct
6 ” ” PUNCT '' _ 4 punct
7 he he PRON PRP _ 8 nsubj
8 said say VERB VBD _ 4 parataxis
9 , , PUNCT , _ 14 punct
10 “ “ PUNCT `` _ 14 punct
11 and and CCONJ CC _ 14 cc
12 we we PRON PRP _ 14 nsubj
13 will will AUX MD _ 14 aux
14 rebuild rebuild VERB VB _ 4 conj
15 . . PUNCT . _ 4 punct
16 ” ” PUNCT '' _ 4 punct
""")
    assert len(records) == 1
    r = records[0]
    assert r.kind == "direct" and r.speaker == "he"
    assert [text[s:e] for s, e in r.fragments] == ["We will win,", "and we will rebuild."]
    # text is what the source said; start and end still span the whole quotation
    assert r.text == "We will win, and we will rebuild."
    assert (r.start, r.end) == (1, len(text) - 1)


def test_according_to_anonymous_sources():
    text = "The talks will last an hour, according to sources familiar with the plans."
    records = run(text, """
1 The the DET DT _ 2 det
2 talks talk NOUN NNS Number=Plur 4 nsubj
3 will will AUX MD _ 4 aux
4 last last VERB VB _ 0 root
5 an a DET DT _ 6 det
6 hour hour NOUN NN Number=Sing 4 obj
7 , , PUNCT , _ 10 punct
8 according accord VERB VBG _ 10 case
9 to to ADP IN _ 8 fixed
10 sources source NOUN NNS Number=Plur 4 obl
11 familiar familiar ADJ JJ _ 10 amod
12 with with ADP IN _ 14 case
13 the the DET DT _ 14 det
14 plans plan NOUN NNS Number=Plur 11 obl
15 . . PUNCT . _ 4 punct
""")
    assert len(records) == 1
    r = records[0]
    assert (r.kind, r.text, r.cue, r.method) == (
        "indirect", "The talks will last an hour", "according to", "according_to")
    assert r.speaker == "sources familiar with the plans"
    assert (r.speaker_type, r.anonymity) == ("group", "anonymous")
    assert r.anonymity_evidence == "familiar with"


def test_scare_quote_without_cue_has_no_speaker():
    text = "Washington looks for ways to “surge” aid."
    records = run(text, """
1 Washington Washington PROPN NNP Number=Sing 2 nsubj
2 looks look VERB VBZ _ 0 root
3 for for ADP IN _ 4 case
4 ways way NOUN NNS Number=Plur 2 obl
5 to to PART TO _ 7 mark
6 “ “ PUNCT `` _ 7 punct
7 surge surge VERB VB _ 4 acl
8 ” ” PUNCT '' _ 7 punct
9 aid aid NOUN NN Number=Sing 7 obj
10 . . PUNCT . _ 2 punct
""")
    assert [(r.kind, r.text, r.speaker, r.cue) for r in records] == [("scare", "surge", None, None)]


def test_cue_verb_inside_the_quotation_is_not_its_cue():
    text = "“I never said that,” Smith told reporters."
    records = run(text, """
1 “ “ PUNCT `` _ 4 punct
2 I I PRON PRP _ 4 nsubj
3 never never ADV RB _ 4 advmod
4 said say VERB VBD _ 0 root
5 that that PRON DT _ 4 obj
6 , , PUNCT , _ 4 punct
7 ” ” PUNCT '' _ 4 punct
8 Smith Smith PROPN NNP Number=Sing 9 nsubj
9 told tell VERB VBD _ 4 parataxis
10 reporters reporter NOUN NNS Number=Plur 9 obj
11 . . PUNCT . _ 4 punct
""")
    assert [(r.kind, r.text, r.cue, r.speaker) for r in records] == [
        ("direct", "I never said that,", "told", "Smith")]


def test_reduced_relative_misread_as_main_verb_keeps_its_subject_as_speaker():
    # The compact parser's tree: "authorized" as the root, the cue as its conjunct with a
    # noun from inside the relative ("the negotiations") as the cue's subject.
    text = ("A hospital administrator not authorized to discuss the negotiations publicly "
            "said the talks had stalled.")
    (record,) = run(text, """
1 A a DET DT _ 3 det
2 hospital hospital NOUN NN Number=Sing 3 compound
3 administrator administrator NOUN NN Number=Sing 5 nsubj
4 not not PART RB _ 5 advmod
5 authorized authorize VERB VBD Tense=Past 0 root
6 to to PART TO _ 7 mark
7 discuss discuss VERB VB VerbForm=Inf 5 xcomp
8 the the DET DT _ 9 det
9 negotiations negotiation NOUN NNS Number=Plur 11 nsubj
10 publicly publicly ADV RB _ 11 advmod
11 said say VERB VBD Tense=Past 5 conj
12 the the DET DT _ 13 det
13 talks talk NOUN NNS Number=Plur 15 nsubj
14 had have AUX VBD Tense=Past 15 aux
15 stalled stall VERB VBN Tense=Past 11 ccomp
16 . . PUNCT . _ 5 punct
""")
    # the speaker is the whole description, the participle phrase included
    assert (record.speaker, record.cue, record.text) == (
        "A hospital administrator not authorized to discuss the negotiations publicly", "said",
        "the talks had stalled")
    assert record.anonymity == "anonymous"
    assert "not authorized to discuss" in record.anonymity_evidence


def test_conjoined_speech_verb_after_a_finite_verb_keeps_its_own_subject():
    text = "The mayor resigned and aides said the city was bankrupt."
    records = run(text, """
1 The the DET DT _ 2 det
2 mayor mayor NOUN NN Number=Sing 3 nsubj
3 resigned resign VERB VBD Tense=Past 0 root
4 and and CCONJ CC _ 6 cc
5 aides aide NOUN NNS Number=Plur 6 nsubj
6 said say VERB VBD Tense=Past 3 conj
7 the the DET DT _ 8 det
8 city city NOUN NN Number=Sing 10 nsubj
9 was be AUX VBD Tense=Past 10 cop
10 bankrupt bankrupt ADJ JJ Degree=Pos 6 ccomp
11 . . PUNCT . _ 3 punct
""")
    assert [(r.speaker, r.cue) for r in records] == [("aides", "said")]


def test_cue_conjoined_to_a_passive_verb_borrows_its_subject():
    text = "Smith was reached by phone and said the plant would close."
    (record,) = run(text, """
1 Smith Smith PROPN NNP Number=Sing 3 nsubj:pass
2 was be AUX VBD Tense=Past 3 aux:pass
3 reached reach VERB VBN Tense=Past 0 root
4 by by ADP IN _ 5 case
5 phone phone NOUN NN Number=Sing 3 obl
6 and and CCONJ CC _ 7 cc
7 said say VERB VBD Tense=Past 3 conj
8 the the DET DT _ 9 det
9 plant plant NOUN NN Number=Sing 11 nsubj
10 would would AUX MD _ 11 aux
11 close close VERB VB VerbForm=Inf 7 ccomp
12 . . PUNCT . _ 3 punct
""")
    assert (record.speaker, record.cue, record.text) == ("Smith", "said", "the plant would close")


def test_comma_hung_outside_the_content_does_not_split_it():
    text = "Kupchan told VOA that Trump might “broker a truce,” a pledge he made."
    (record,) = run(text, """
1 Kupchan Kupchan PROPN NNP Number=Sing 2 nsubj
2 told tell VERB VBD Tense=Past 0 root
3 VOA VOA PROPN NNP Number=Sing 2 iobj
4 that that SCONJ IN _ 8 mark
5 Trump Trump PROPN NNP Number=Sing 8 nsubj
6 might might AUX MD _ 8 aux
7 “ “ PUNCT `` _ 8 punct
8 broker broker VERB VB VerbForm=Inf 2 ccomp
9 a a DET DT _ 10 det
10 truce truce NOUN NN Number=Sing 8 obj
11 , , PUNCT , _ 2 punct
12 ” ” PUNCT '' _ 8 punct
13 a a DET DT _ 14 det
14 pledge pledge NOUN NN Number=Sing 10 appos
15 he he PRON PRP _ 16 nsubj
16 made make VERB VBD Tense=Past 14 acl:relcl
17 . . PUNCT . _ 2 punct
""")
    assert record.kind == "mixed"
    assert record.fragments == ((record.start, record.end),)
    assert record.text == "that Trump might “broker a truce,” a pledge he made"


def test_a_participle_after_a_possessive_modifies_its_noun_and_reports_nothing():
    text = ("The department has said 2,093 of Moreau's released emails were redacted because "
            "they held secrets.")
    conllu = """
1 The the DET DT _ 2 det
2 department department NOUN NN _ 4 nsubj
3 has have AUX VBZ _ 4 aux
4 said say VERB VBN _ 0 root
5 2,093 2,093 NUM CD _ 4 obj
6 of of ADP IN _ 10 case
7 Moreau Moreau PROPN NNP _ 10 nmod:poss
8 's 's PART POS _ 7 case
9 released release VERB VBN _ 10 amod
10 emails email NOUN NNS _ 12 nsubj:pass
11 were be AUX VBD _ 12 aux:pass
12 redacted redact VERB VBN _ 4 ccomp
13 because because SCONJ IN _ 15 mark
14 they they PRON PRP _ 15 nsubj
15 held hold VERB VBD _ 12 advcl
16 secrets secret NOUN NNS _ 15 obj
17 . . PUNCT . _ 4 punct
"""
    doc = parse_conllu(text, conllu)
    assert [r.cue for r in extract_from_parse(doc)] == ["said"]
    from quotes.attribution.cues import _bare_modifier

    sentence = doc.sentences[0]
    assert _bare_modifier(sentence, sentence.word(9))        # "Moreau's released emails"
    assert not _bare_modifier(sentence, sentence.word(12))   # "redacted" heads a clause


def test_an_as_aside_right_before_the_cue_is_its_speaker():
    # the parser hung "as the … website" on an earlier noun and gave "notes" a far subject
    text = "The terms bind us to peace, as the Harbor Institute website notes: “It changes everything.”"
    records = run(text, """
1 The the DET DT _ 2 det
2 terms term NOUN NNS Number=Plur 13 nsubj
3 bind bind VERB VBP _ 2 acl:relcl
4 us we PRON PRP _ 3 obj
5 to to ADP IN _ 6 case
6 peace peace NOUN NN Number=Sing 3 obl
7 , , PUNCT , _ 13 punct
8 as as ADP IN _ 12 case
9 the the DET DT _ 12 det
10 Harbor Harbor PROPN NNP Number=Sing 11 compound
11 Institute Institute PROPN NNP Number=Sing 12 compound
12 website website NOUN NN Number=Sing 6 nmod
13 notes note VERB VBZ _ 0 root
14 : : PUNCT : _ 13 punct
15 “ “ PUNCT `` _ 17 punct
16 It it PRON PRP _ 17 nsubj
17 changes change VERB VBZ _ 13 parataxis
18 everything everything PRON NN _ 17 obj
19 . . PUNCT . _ 17 punct
20 ” ” PUNCT '' _ 17 punct
""")
    assert [(r.cue, r.speaker) for r in records] == [("notes", "the Harbor Institute website")]


def test_a_subject_opening_its_own_as_clause_speaks_alone():
    # both nouns parsed as subjects of "announced": "as" makes the second the clause's own
    text = "News of the record spreads just as Arcade Fire announced: “We will play.”"
    records = run(text, """
1 News news NOUN NN Number=Sing 10 nsubj
2 of of ADP IN _ 5 case
3 the the DET DT _ 5 det
4 record record NOUN NN Number=Sing 5 compound
5 spreads spread NOUN NNS Number=Plur 1 nmod
6 just just ADV RB _ 10 advmod
7 as as ADP IN _ 9 case
8 Arcade Arcade PROPN NNP Number=Sing 9 compound
9 Fire Fire PROPN NNP Number=Sing 10 nsubj
10 announced announce VERB VBD _ 0 root
11 : : PUNCT : _ 10 punct
12 “ “ PUNCT `` _ 15 punct
13 We we PRON PRP _ 15 nsubj
14 will will AUX MD _ 15 aux
15 play play VERB VB _ 10 parataxis
16 . . PUNCT . _ 15 punct
17 ” ” PUNCT '' _ 15 punct
""")
    assert [(r.cue, r.speaker) for r in records] == [("announced", "Arcade Fire")]


def test_a_fronted_phrase_the_parser_made_a_subject_does_not_speak():
    # "calls" and "strategist" both subjects of "said": the thing before the comma is no voice
    text = "Amid calls for reform, even a senior strategist said the plan would fail."
    (record,) = run(text, """
1 Amid amid ADJ JJ _ 2 amod
2 calls call NOUN NNS Number=Plur 10 nsubj
3 for for ADP IN _ 4 case
4 reform reform NOUN NN Number=Sing 2 nmod
5 , , PUNCT , _ 10 punct
6 even even ADV RB _ 9 advmod
7 a a DET DT _ 9 det
8 senior senior ADJ JJ _ 9 amod
9 strategist strategist NOUN NN Number=Sing 10 nsubj
10 said say VERB VBD _ 0 root
11 the the DET DT _ 12 det
12 plan plan NOUN NN Number=Sing 14 nsubj
13 would would AUX MD _ 14 aux
14 fail fail VERB VB _ 10 ccomp
15 . . PUNCT . _ 10 punct
""")
    assert record.speaker == "a senior strategist"
    assert record.anonymity == "unnamed"


def test_a_time_before_the_comma_is_no_second_subject():
    text = "Every Monday, Wagner says the budget is fine."
    (record,) = run(text, """
1 Every every DET DT _ 2 det
2 Monday Monday PROPN NNP Number=Sing 5 nsubj
3 , , PUNCT , _ 2 punct
4 Wagner Wagner PROPN NNP Number=Sing 5 nsubj
5 says say VERB VBZ _ 0 root
6 the the DET DT _ 7 det
7 budget budget NOUN NN Number=Sing 9 nsubj
8 is be AUX VBZ _ 9 cop
9 fine fine ADJ JJ _ 5 ccomp
10 . . PUNCT . _ 5 punct
""")
    assert (record.speaker, record.speaker_name) == ("Wagner", "Wagner")


def test_according_to_a_role_noun_hung_before_the_name_takes_the_name():
    text = "Rates would rise, according to CBS legal analyst Judge Anne Milgram."
    (record,) = run(text, """
1 Rates rate NOUN NNS Number=Plur 3 nsubj
2 would would AUX MD _ 3 aux
3 rise rise VERB VB _ 0 root
4 , , PUNCT , _ 10 punct
5 according accord VERB VBG _ 9 case
6 to to ADP IN _ 5 fixed
7 CBS CBS PROPN NNP Number=Sing 9 compound
8 legal legal ADJ JJ _ 9 amod
9 analyst analyst NOUN NN Number=Sing 10 compound
10 Judge Judge PROPN NNP Number=Sing 3 obl
11 Anne Anne PROPN NNP Number=Sing 10 flat
12 Milgram Milgram PROPN NNP Number=Sing 10 flat
13 . . PUNCT . _ 3 punct
""")
    assert record.speaker == "CBS legal analyst Judge Anne Milgram"
    assert (record.speaker_name, record.anonymity) == ("Anne Milgram", "named")


def test_a_fronted_as_clause_the_parser_made_a_subject_does_not_speak():
    text = "As the crowd cheered, The Ledger's Ana Ruiz reported, the senator wept."
    (record,) = run(text, """
1 As as SCONJ IN _ 4 mark
2 the the DET DT _ 3 det
3 crowd crowd NOUN NN Number=Sing 11 nsubj
4 cheered cheer VERB VBD _ 3 acl
5 , , PUNCT , _ 4 punct
6 The the DET DT _ 7 det
7 Ledger Ledger PROPN NNP Number=Sing 9 nmod:poss
8 's 's PART POS _ 7 case
9 Ana Ana PROPN NNP Number=Sing 11 nsubj
10 Ruiz Ruiz PROPN NNP Number=Sing 9 flat
11 reported report VERB VBD _ 0 root
12 , , PUNCT , _ 14 punct
13 the the DET DT _ 14 det
14 senator senator NOUN NN Number=Sing 15 nsubj
15 wept weep VERB VBD _ 11 ccomp
16 . . PUNCT . _ 11 punct
""")
    assert record.speaker == "The Ledger's Ana Ruiz"


def test_an_infinitive_cue_is_said_by_the_subject_it_hangs_from():
    # not by the subject of the reported clause after it ("the group")
    text = "He was the “first one” to say the group needs to be destroyed."
    records = run(text, """
1 He he PRON PRP _ 6 nsubj
2 was be AUX VBD _ 6 cop
3 the the DET DT _ 6 det
4 “ “ PUNCT `` _ 6 punct
5 first first ADJ JJ _ 6 amod
6 one one NOUN NN Number=Sing 0 root
7 ” ” PUNCT '' _ 6 punct
8 to to PART TO _ 9 mark
9 say say VERB VB _ 6 acl
10 the the DET DT _ 11 det
11 group group NOUN NN Number=Sing 12 nsubj
12 needs need VERB VBZ _ 9 ccomp
13 to to PART TO _ 15 mark
14 be be AUX VB _ 15 aux:pass
15 destroyed destroy VERB VBN _ 12 xcomp
16 . . PUNCT . _ 6 punct
""")
    (record,) = [r for r in records if r.kind != "scare"]
    assert record.speaker == "He"


def test_so_called_split_by_the_tokenizer_is_no_cue():
    # the tokenizer's split "so - called" (seen in wire copy), "called" read as a verb
    text = "It is hard for the senator to win so-called “closed” primaries."
    records = run(text, """
1 It it PRON PRP _ 3 expl
2 is be AUX VBZ _ 3 cop
3 hard hard ADJ JJ _ 0 root
4 for for ADP IN _ 6 case
5 the the DET DT _ 6 det
6 senator senator NOUN NN Number=Sing 3 obl
7 to to PART TO _ 8 mark
8 win win VERB VB _ 3 csubj
9 so so ADV RB _ 11 advmod
10 - - PUNCT HYPH _ 11 punct
11 called call VERB VBD _ 8 conj
12 “ “ PUNCT `` _ 13 punct
13 closed closed ADJ JJ _ 15 amod
14 ” ” PUNCT '' _ 13 punct
15 primaries primary NOUN NNS Number=Plur 11 obj
16 . . PUNCT . _ 3 punct
""")
    assert [(r.kind, r.cue) for r in records] == [("scare", None)]
