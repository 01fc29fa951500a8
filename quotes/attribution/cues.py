"""Speech cues in a parsed article: speech verbs and "according to", with speaker and content."""
from __future__ import annotations

from ..lexicon import anonymity_spans, cue_lexicon, first_words, is_boilerplate, table, word_list
from ..parse.document import ParsedDocument, Sentence, Word
from .cue_syntax import (
    AGENT_RELATIONS,
    OBJECT_RELATIONS,
    QUOTE_CHARS,
    RELATIVE_PRONOUNS,
    can_speak,
    fronted_subjects,
    is_age,
    lemma_candidates,
    trailing_inverted_speaker,
    with_reduced_relative,
    merge_sibling_subjects,
    names_a_thing,
    nearest_subject,
    nominal_content,
    noun_phrase,
    positional_content,
    postmodifier,
    speaker_head,
    trim_punct,
    verb_content,
    without_dateline,
)
from .drafts import Cue
from .marks import QuoteIndex


def cue_lemma(word: Word) -> str | None:
    if word.upos != "VERB" and not (word.upos == "AUX" and word.deprel != "aux"):
        return None
    lexicon = cue_lexicon()
    for candidate in lemma_candidates(word):
        if candidate in lexicon.lemmas:
            return candidate
    return None


def _after_quotation(sentence: Sentence, word: Word) -> bool:
    """"“…,” the bakery posted on Facebook": the noun a participle hangs on follows a
    closing quotation mark (the participle is an inverted cue, not a description)."""
    noun = sentence.head_of(word)
    if noun is None:
        return False
    first = next(w.index for w in sentence.subtree(noun) if w.upos != "PUNCT")
    before = [w.text for w in sentence.words[max(0, first - 3):first - 1]]
    return any(text in QUOTE_CHARS or text in ("''", "”", "’") for text in before)


def _open_question_content(cue: Cue) -> bool:
    """The cue reports a "whether" or "if" clause ("declined to say whether …")."""
    return bool(cue.content) and cue.content[0].text.lower() in ("whether", "if")


def _cue_read_as_noun(sentence: Sentence, word: Word) -> str | None:
    """"A class-action lawsuit filed last month in federal court in Columbus alleges that …"
    with "alleges" tagged a plural noun: the -s form of a cue, right after the noun phrase
    that opens the sentence and right before "that", is the cue; its lemma, else None."""
    text = word.text.lower()
    if not text.endswith("s") or not word.text.islower() or word.index < 3 or \
            word.index >= len(sentence.words) or \
            sentence.word(word.index + 1).text.lower() != "that":
        return None
    before = sentence.word(word.index - 1)
    if before.upos not in ("NOUN", "PROPN") or any(
            c.deprel in ("det", "nmod:poss") for c in sentence.children(word)):
        return None
    lemma = next((stem for stem in (text[:-1], text[:-2]) if stem in cue_lexicon().lemmas), None)
    if lemma is None or lemma in cue_lexicon().direct_only:
        return None
    opening = without_dateline(sentence.words[:word.index - 1])
    if not opening or opening[0].upos not in ("DET", "PROPN", "NOUN") or any(
            w.xpos in ("VBZ", "VBP", "MD") or w.text in QUOTE_CHARS for w in opening):
        return None
    return lemma


def _noun_read_cue(text: str, sentence: Sentence, word: Word, lemma: str) -> Cue:
    """The cue :func:`_cue_read_as_noun` found: the opening noun phrase speaks (its first
    noun's phrase: "A class-action lawsuit filed …"), the "that" clause is what it said."""
    opening = without_dateline(sentence.words[:word.index - 1])
    head = opening[-1]
    for position, candidate in enumerate(opening):
        if candidate.upos in ("NOUN", "PROPN"):
            # the last noun of the first run of nouns: "class-action lawsuit", "class action"
            head = candidate
            following = opening[position + 1:position + 3]
            if following and (following[0].upos in ("NOUN", "PROPN") or following[0].text ==
                              "-" and len(following) > 1 and following[1].upos == "NOUN"):
                continue
            break
    return Cue(sentence=sentence, word=word, lemma=lemma, start=word.start, end=word.end,
               text=text[word.start:word.end], speaker=opening, speaker_head=head,
               content=trim_punct(sentence.words[word.index:]))


def find_cues(doc: ParsedDocument, quotes: QuoteIndex) -> list[Cue]:
    """Speech verbs and "according to" outside quotations, with syntactic speaker and content."""
    cues = []
    furniture = {p.index for p in doc.paragraphs()
                 if is_boilerplate(doc.text[p.start:p.end])}
    for sentence in doc.sentences:
        if sentence.paragraph_index in furniture:
            continue            # "READ MORE: … report says", photo credits
        terms = None
        for word in sentence.words:
            according = word.text.lower() == "according" and _next_is_to(sentence, word)
            lemma = None if according else cue_lemma(word)
            misread = None
            if not according and lemma is None and word.upos == "NOUN":
                misread = _cue_read_as_noun(sentence, word)
            if not according and lemma is None and misread is None:
                continue        # most words: no cue (the cheapest test first)
            # A cue verb inside a quotation is the quoted speaker's, never the cue of a quote.
            if quotes.covering(word.start, word.end):
                continue
            # "who requested anonymity", "not authorized to speak publicly": the terms a
            # source spoke on, not something it said (found once per sentence, when needed).
            if terms is None:
                terms = [(a + sentence.start, b + sentence.start)
                         for a, b in anonymity_spans(doc.text[sentence.start:sentence.end])]
            if any(a <= word.start and word.end <= b for a, b in terms):
                continue
            # "who insisted on anonymity to describe private caucus talks": what the terms
            # were for, not something said
            if any(b <= word.start and doc.text[b:word.start].split() == ["to"]
                   for a, b in terms):
                continue
            if according:
                cue = _according_to_cue(doc.text, sentence, word)
            elif misread is not None:
                cue = _noun_read_cue(doc.text, sentence, word, misread)
            else:
                # "Editor's note:", "Update:": a label, not a speech verb.
                if word.index < len(sentence.words) and sentence.word(word.index + 1).text == ":" \
                        and word.text[:1].isupper():
                    continue
                # "All told, up to 5 million …", "That said, Cruz cannot …": idioms; "the
                # reality TV show": a noun
                if _idiom(sentence, word) or _noun_compound(sentence, word, lemma) or \
                        _numbered_name(sentence, word):
                    continue
                children = sentence.children(word)
                # "trying to determine whether …", "declined to confirm whether …", "unable
                # to determine which files …": an open question is no finding
                if _open_question(sentence, children, lemma):
                    continue
                # "Blocher was charged with anti-Semitic libel": a legal charge, not speech
                if lemma in cue_lexicon().active_only and any(
                        c.deprel in ("aux:pass", "nsubj:pass") for c in children):
                    continue
                # "managers were told to finalize their lists", "was told the paperwork was
                # …": the subject heard it; who told them is not given
                if lemma == "tell" and any(c.deprel in ("aux:pass", "nsubj:pass")
                                           for c in children) and not any(
                        c.deprel in AGENT_RELATIONS or c.deprel == "obl" and any(
                            d.deprel == "case" and d.text.lower() == "by"
                            for d in sentence.children(c)) for c in children):
                    continue
                # "The County Attorney's Office charged the manager with negligent homicide":
                # charging someone with a crime, in the active too
                if lemma == "charge" and any(c.deprel == "obj" for c in children) and not any(
                        c.deprel in ("ccomp", "parataxis") for c in children) and any(
                        w.text.lower() == "with" and w.upos == "ADP" and w.index > word.index
                        for w in sentence.subtree(word)):
                    continue
                # "since Republicans confirmed a judge", "he was confirmed 92 to 0": confirming
                # someone in an office is a vote, not speech
                if lemma == "confirm" and _confirms_a_person(sentence, children):
                    continue
                # "should not be read as saying …": a reading of something, no one speaks
                if word.deprel == "advcl" and any(
                        c.deprel == "mark" and c.text.lower() == "as" for c in children) and \
                        (sentence.head_of(word).lemma or "").lower() in READING_VERBS:
                    continue
                # "when asked who she'd back", "It should be noted that …", "schools that
                # reminded him of …", "did not personally found ISIS"
                if _question_put_to(word, children, lemma) or _impersonal_aside(children) or \
                        _likeness(sentence, children, lemma) or _verb_found(word, children):
                    continue
                # "In a video posted on the company's website, the chief executive told …":
                # the thing posted or written, described by its participle, says nothing
                if lemma in cue_lexicon().object_not_speech and word.relation == "acl" and \
                        word.xpos == "VBN" and not _after_quotation(sentence, word) and \
                        sentence.word(word.index - 1).text != ",":
                    continue
                # "the subcommittee that writes the bill": writing a thing is not speech
                if lemma in cue_lexicon().object_not_speech and any(
                        c.relation == "obj" and c.upos == "NOUN" and c.index > word.index and
                        not quotes.covering(c.start, c.end) for c in children) and \
                        not any(c.relation in ("ccomp", "parataxis") for c in children) and \
                        not quotes.covering(word.start - 4, word.start - 1):
                    continue
                # "want to deny him a chance": denying someone something is not speech
                if lemma == "deny" and any(c.deprel == "iobj" for c in children):
                    continue
                # "the estimated 55 million Latinos", "the reported deal": a participle that
                # modifies a noun describes it; nobody speaks.
                if word.relation == "amod" and _bare_modifier(sentence, word):
                    continue
                # "a device called “route out”", "a group named …": naming, not speech.
                if lemma in cue_lexicon().direct_only and word.relation == "acl":
                    continue
                # "a study published Thursday in the journal found …": the participle
                # describes the subject of the cue that reports.
                if word.xpos == "VBN" and word.relation == "acl" and _subject_of_a_cue(
                        sentence, sentence.head_of(word)):
                    continue
                # "has not commented publicly", "never said": a speech act denied, unless it
                # reports something ("did not say whether …" is still not a claim).
                if any(c.deprel == "advmod" and c.text.lower() in ("not", "never", "n't")
                       and not quotes.covering(c.start, c.end)     # “Probably not,” she said
                       for c in children) and not any(
                        c.deprel in ("ccomp", "parataxis") for c in children):
                    continue
                # "will be called “Tides of Light”": naming, not speech.
                if lemma in ("call", "name", "dub", "title", "label") and any(
                        c.deprel in ("aux:pass", "nsubj:pass") for c in children):
                    continue
                # "Asked whether she would …, Wanjiru laughed": the reporter asked.
                if lemma == "ask" and word.text.lower() == "asked" and not any(
                        c.deprel.startswith("nsubj") for c in children) and \
                        all(w.upos == "PUNCT" for w in sentence.words[:word.index - 1]):
                    continue
                # "too early to tell who was behind it": "tell" with no one told is knowing.
                if lemma == "tell" and word.relation in ("xcomp", "advcl", "ccomp") and not any(
                        c.deprel in ("obj", "iobj") for c in children):
                    continue
                # "It goes without saying that …": an idiom, no one says it.
                before = sentence.word(word.index - 1) if word.index > 1 else None
                if lemma == "say" and before is not None and before.text.lower() == "without":
                    continue
                # "Massachusetts and Vermont, states that vote on March 1", "Western states":
                # the plural noun read as a verb
                if word.text.lower() == "states" and before is not None and (
                        before.text == "," or before.upos == "ADJ"):
                    continue
                # "declined to comment", "refused to say": nothing was said; "declined to
                # say whether it supports the bill" is a refusal to say, which counts
                head = sentence.head_of(word)
                cue = _verb_cue(doc.text, sentence, word, lemma)
                if word.relation == "xcomp" and head is not None and head.lemma.lower() in (
                        "decline", "refuse", "fail") and not _open_question_content(cue):
                    continue
            if cue is not None:
                _keep_speaker_outside_quotes(cue, quotes)
                _extend_speaker(cue, quotes)
                if not cue.according_to and (_mute_subject(cue) or _authors_own(cue)):
                    continue
                if not cue.according_to and _no_speech_use(cue, quotes):
                    continue
                cues.append(cue)
    return _without_things_inside_reports(cues)


def _without_things_inside_reports(cues: list[Cue]) -> list[Cue]:
    """"A hand recount has confirmed Brandt's victory, election officials said": a verb whose
    subject is a thing, not a source ("recount", "inspections", "telemetry"), inside what
    another cue reports is part of that report, not an attribution of its own."""
    reported: dict[int, list[tuple[int, int]]] = {}
    for cue in cues:
        if cue.content and not names_a_thing(cue.speaker_head):
            reported.setdefault(cue.sentence.index, []).append(
                (cue.content[0].index, cue.content[-1].index))
    return [cue for cue in cues if not (
        names_a_thing(cue.speaker_head) and not cue.according_to and any(
            first <= cue.word.index <= last
            for first, last in reported.get(cue.sentence.index, ())))]


ASKED_WHEN = frozenset({"when", "if", "after", "before", "once", "while", "as"})
MODALS = frozenset({"should", "must", "can", "could", "may", "might", "will", "would", "shall"})


def _question_put_to(word: Word, children: list[Word], lemma: str) -> bool:
    """"had an abrupt response when asked who she'd back": the reporter asked, the subject
    of the sentence was asked."""
    return lemma == "ask" and word.xpos in ("VBN", "VBD") and not any(
        c.deprel.startswith("nsubj") for c in children) and any(
        c.deprel in ("advmod", "mark") and c.text.lower() in ASKED_WHEN for c in children)


def _impersonal_aside(children: list[Word]) -> bool:
    """"It should be noted that …": the article's own aside, no one's statement."""
    return any(c.deprel == "expl" for c in children) and any(
        c.deprel == "aux" and c.text.lower() in MODALS for c in children)


def _likeness(sentence: Sentence, children: list[Word], lemma: str) -> bool:
    """"schools that reminded him of “a third-world country”": a thing reminding someone of
    something is a likeness (people who remind someone of something still tell them)."""
    if lemma != "remind" or any(c.deprel == "ccomp" for c in children):
        return False
    thing = any(c.deprel.startswith("nsubj") and (
        c.text.lower() in RELATIVE_PRONOUNS | {"it", "this"} or names_a_thing(c))
        for c in children)
    return thing and any(c.relation == "obl" and any(
        g.deprel == "case" and g.text.lower() == "of" for g in sentence.children(c))
        for c in children)


def _verb_found(word: Word, children: list[Word]) -> bool:
    """"Obama did not personally found ISIS": the verb "found" tagged as a form of "find"
    ("seems to have found that …" is "find")."""
    auxiliaries = {(c.lemma or "").lower() for c in children if c.deprel in ("aux", "mark")}
    return word.text.lower() == "found" and bool(auxiliaries & ({"do", "to"} | MODALS)) and \
        "have" not in auxiliaries
WHETHER_NOT_SPEECH = frozenset({"determine", "find", "establish", "decide", "assess",
                                "verify", "confirm", "conclude", "learn"})
# verbs of inquiry: a wh-clause after one is the question inquired into ("to determine how
# well the samples represent …"); "found what …", "learned who …" may report a finding
WH_NOT_SPEECH = frozenset({"determine", "establish", "decide", "assess", "verify", "confirm"})
WH_WORDS = frozenset({"how", "which", "what", "who", "whom", "whose", "why", "where", "when"})


def _open_question(sentence: Sentence, children: list[Word], lemma: str) -> bool:
    """The cue's clause is an open question: "whether"/"if" after a verb of finding, or a
    wh-word opening the clause of a verb of inquiry."""
    for clause in (c for c in children if c.deprel == "ccomp"):
        if lemma in WHETHER_NOT_SPEECH and any(
                g.deprel == "mark" and g.text.lower() in ("whether", "if")
                for g in sentence.children(clause)):
            return True
        # "Find out who really fired him": finding out is inquiring
        inquiry = lemma in WH_NOT_SPEECH or lemma == "find" and any(
            c.deprel == "compound:prt" and c.text.lower() == "out" for c in children)
        if inquiry and sentence.subtree(clause)[0].text.lower() in WH_WORDS:
            return True
    return False


def _idiom(sentence: Sentence, word: Word) -> bool:
    """"All told, …", "That said, …", "That being said, …" open a sentence: nobody speaks;
    nor in "so-called" ("so-called “closed” primaries")."""
    before = [w.text.lower() for w in sentence.words[:word.index - 1]]
    after = sentence.word(word.index + 1).text if word.index < len(sentence.words) else ""
    if word.text.lower() in ("-called", "so-called") or (
            word.text.lower() == "called" and before[-2:] in (["so", "-"], ["so-"])):
        return True
    return after == "," and before in (["all"], ["that"], ["that", "being"])


# verbs of reading something as something else: "should not be read as saying …"
READING_VERBS = frozenset({"read", "interpret", "see", "take", "construe", "misread"})


def _confirms_a_person(sentence: Sentence, children: list[Word]) -> bool:
    """"confirmed a judge", "confirmed 68 judicial nominees", "he was confirmed": the one
    confirmed (object, or passive subject) is a person or a role noun, not a claim."""
    for child in children:
        if child.deprel == "obj" or child.deprel == "nsubj:pass":
            if child.text.lower() in ("him", "her", "them", "he", "she", "they") or \
                    (child.lemma or child.text).lower() in first_words("role_nouns.txt"):
                return True
    return False


def _noun_compound(sentence: Sentence, word: Word, lemma: str) -> bool:
    """"the reality TV show", "a talk show": the cue word is the noun of a compound
    (quotes/data/noun_cue_compounds.txt) the tagger read as a verb."""
    before = sentence.word(word.index - 1).text.lower() if word.index > 1 else ""
    return before in table("noun_cue_compounds.txt").get(lemma, ())


def _numbered_name(sentence: Sentence, word: Word) -> bool:
    """"specifically Rule 40, as it's written": a capitalized cue word and the number after it
    form one name (the tagger read "Rule" as a verb)."""
    if not word.text[:1].isupper() or word.index >= len(sentence.words) or \
            sentence.word(word.index + 1).upos != "NUM":
        return False
    return any(n.first <= word.index and word.index + 1 <= n.last for n in sentence.names)


def _bare_modifier(sentence: Sentence, word: Word) -> bool:
    """A participle before its noun with nothing of its own but adverbs ("the estimated 55
    million", "the widely reported deal"), not a verb the parse attached to a noun ("has in
    the past described Trump as …")."""
    head = sentence.head_of(word)
    if head is None or head.index < word.index or any(
            c.deprel not in ("advmod", "punct") for c in sentence.children(word)):
        return False
    previous = sentence.word(word.index - 1) if word.index > 1 else None
    if word.deprel == "amod" and word.xpos == "VBN" and head.index == word.index + 1 and \
            head.upos == "NOUN" and previous is not None and \
            previous.upos in ("ADJ", "PUNCT", "NUM", "CCONJ", "ADP"):
        return True                    # "regular, pledged delegates", "a tabulation of pledged
        #                                delegates" (not "… identified said")
    before = [w for w in sentence.words[:word.index - 1] if w.deprel != "advmod"]
    # a determiner or possessor of the noun right before it ("Clinton's released emails";
    # "reassuring voters that …" is a verb)
    if before and before[-1].deprel == "case" and before[-1].text in ("'s", "’s", "'", "’"):
        owner = sentence.head_of(before[-1])
        return owner is not None and owner.deprel == "nmod:poss" and owner.head == head.index
    return bool(before) and before[-1].deprel == "det" and before[-1].head == head.index


def _subject_of_a_cue(sentence: Sentence, noun: Word | None) -> bool:
    governor = sentence.head_of(noun) if noun is not None else None
    return noun is not None and noun.deprel.startswith("nsubj") and governor is not None and \
        cue_lemma(governor) is not None


def _authors_own(cue: Cue) -> bool:
    """"As I wrote last week", "Let's say you think …", "if you ask", "Questions? Email me":
    outside quotation marks, "I", "we", "me" and "us" are the article's author and "you" its
    reader, who are not sources."""
    head = cue.speaker_head
    return head is not None and head.upos == "PRON" and (
        head.text.lower() in ("i", "we", "you", "me", "us") or
        head.text.lower() in ("'s", "’s") and (head.lemma or "").lower() == "we")


def _no_speech_use(cue: Cue, quotes: QuoteIndex) -> bool:
    """A trailing participle with nothing reported ("spent the evening at home, tweeting",
    "dodged reporters, avoiding answering"): a cue needs a reported clause, a quotation or an
    attributed object of its own, not the clause it trails."""
    word, sentence = cue.word, cue.sentence
    if word.xpos != "VBG" or word.deprel not in ("advcl", "xcomp", "conj", "acl"):
        return False
    own = [c for c in sentence.children(word) if c.deprel in ("ccomp", "obj", "xcomp", "obl",
                                                               "parataxis")]
    if own:
        return False
    # a quotation after it in the sentence is what it reports ("…, adding, “We will see.”")
    return not quotes.overlapping(word.end, sentence.end)


def _mute_subject(cue: Cue) -> bool:
    """A "cue" whose subject cannot speak is a tagging error ("a prominent foreign policy
    pledge he made"): speakers are people, groups, institutions, documents, pronouns, names."""
    head = cue.speaker_head
    if head is not None and head.deprel.startswith("nsubj") and (
            head.text.lower() in ("nobody", "none", "noone") or
            head.text.lower() == "one" and any(c.deprel == "det" and c.text.lower() == "no"
                                               for c in cue.sentence.children(head))):
        return True           # "nobody would question her intelligence", "no one forecast …"
    return head is not None and head.upos == "NOUN" and head.deprel.startswith("nsubj") and \
        (head.lemma or head.text).lower() in word_list("mute_nouns.txt") and \
        not _poll_share(cue.sentence, head)


def _poll_share(sentence: Sentence, head: Word) -> bool:
    """"64 percent said", "half of GOP primary voters said": a share of the people polled
    speaks for them; "the percent said" (a tagging error) does not."""
    if (head.lemma or head.text).lower() not in word_list("poll_shares.txt"):
        return False
    children = sentence.children(head)
    people = any(c.deprel == "nmod" and c.upos in ("NOUN", "PROPN", "PRON") and
                 c.xpos in ("NNS", "NNPS", "PRP") for c in children)     # "… of voters"
    return people or any(c.deprel == "nummod" for c in children) or (
        head.text.lower() == "half" and not any(c.deprel == "det" for c in children))


def _keep_speaker_outside_quotes(cue: Cue, quotes: QuoteIndex) -> None:
    """The subject the parser found may be a word of the quotation ("“Nobody wants …,” said
    Denise Carter" parsed with "Nobody" as subject): the quoted words never speak."""
    head = cue.speaker_head
    if head is None:
        return
    sentence = cue.sentence
    if not quotes.covering(head.start, head.end):
        # "… and some of America's brightest minds,” he wrote" parsed with "some" as a second
        # subject: a mention that opens inside the quotation starts after it ("the “Avatar”
        # star" keeps its quoted words)
        if cue.speaker and quotes.covering(cue.speaker[0].start, cue.speaker[0].end):
            before = max(w.index for w in cue.speaker
                         if w.index < head.index and quotes.covering(w.start, w.end))
            cue.speaker = trim_punct([w for w in cue.speaker if w.index > before
                                      and w.text not in QUOTE_CHARS])
        return
    outside = [w for w in sentence.words if not quotes.covering(w.start, w.end)]
    allowed = {w.index for w in outside}
    cue.speaker_head = nearest_subject(sentence, cue.word, allowed)
    cue.speaker = (noun_phrase(sentence, cue.speaker_head, exclude={cue.word.index})
                   if cue.speaker_head is not None else [])
    cue.speaker = [w for w in cue.speaker if w.index in allowed]


def _extend_speaker(cue: Cue, quotes: QuoteIndex) -> None:
    """A description the parser cut short keeps its postmodifier ("A hospital administrator
    not authorized to discuss the negotiations publicly said"): the speaker's, not the
    content's."""
    more = _name_after_role(cue) or [
        w for w in postmodifier(cue.sentence, cue.speaker, cue.speaker_head, cue.word)
        if not quotes.covering(w.start, w.end)]
    if not more or more[-1].index - cue.speaker[-1].index != len(more):
        return
    cue.speaker = cue.speaker + more
    taken = {w.index for w in more}
    if more[-1].index < cue.word.index:
        # what stands between the speaker and its cue (", N.Y., speaking on condition …,")
        # is an aside, not what was said
        taken |= set(range(more[-1].index + 1, cue.word.index))
    cue.content = [w for w in cue.content if w.index not in taken]
    words = cue.sentence.words
    if cue.according_to and all(w.upos == "PUNCT" for w in words[more[-1].index:]):
        # "…, according to three people familiar with the talks.": what comes before it
        cue.content = without_dateline(trim_punct(words[:cue.word.index - 1]))


def _name_after_role(cue: Cue) -> list[Word]:
    """"According to USA TODAY contributor and monetary historian David Marsh, U.S. … rates
    have moved" parsed with the name as the subject of the reported clause: a person's name
    the model typed, right after the speaker's closing role noun and closed by a comma or the
    cue, is the speaker's."""
    if not cue.speaker:
        return []
    sentence, last = cue.sentence, cue.speaker[-1]
    if last.upos != "NOUN" or not last.text[:1].islower():
        return []
    span = next((n for n in sentence.names if n.type == "person" and n.first == last.index + 1),
                None)
    first, end = (span.first, span.last) if span is not None else (last.index + 1, last.index)
    if span is None:
        # the model missed it: a listed given name and capitalized words after it
        while end + 1 <= len(sentence.words) and sentence.word(end + 1).upos == "PROPN" and \
                sentence.word(end + 1).text[:1].isupper():
            end += 1
        if end - first < 1 or sentence.word(first).text.lower() not in first_words(
                "first_names.txt"):
            return []
    after = sentence.word(end + 1) if end < len(sentence.words) else None
    if after is not None and after.text not in (",", ".", ";") and after is not cue.word:
        return []
    return sentence.words[first - 1:end]


def _next_is_to(sentence: Sentence, word: Word) -> bool:
    return word.index < len(sentence.words) and sentence.word(word.index + 1).text.lower() == "to"


def _verb_cue(text: str, sentence: Sentence, word: Word, lemma: str) -> Cue:
    end = word.end
    for child in sentence.children(word):
        # "pointed out": the particle is part of the cue.
        if child.deprel == "compound:prt" and child.index == word.index + 1:
            end = child.end
    cue = Cue(sentence=sentence, word=word, lemma=lemma, start=word.start, end=end,
              text=text[word.start:end])
    cue.speaker_head = speaker_head(sentence, word)
    if cue.speaker_head is not None and not can_speak(cue.speaker_head) and \
            not (cue.speaker_head.deprel == "amod" and cue.speaker_head.head == word.index) and \
            cue.speaker_head.upos != "NUM" and not is_age(sentence, cue.speaker_head) and \
            cue.speaker_head != trailing_inverted_speaker(sentence, word) and \
            cue.speaker_head.text.lower() not in RELATIVE_PRONOUNS:
        cue.speaker_head = None
    # "teams had been told that …": the subject of a passive cue is who heard it; with no
    # agent, nobody in the sentence is the speaker.
    passive = any(c.deprel in ("nsubj:pass", "aux:pass") for c in sentence.children(word))
    if cue.speaker_head is None and not passive:
        cue.speaker_head = nearest_subject(sentence, word)
    if cue.speaker_head is not None:
        cue.speaker = noun_phrase(sentence, cue.speaker_head, exclude={word.index})
        cue.speaker = merge_sibling_subjects(sentence, cue, word)
        cue.speaker = with_reduced_relative(sentence, word, cue.speaker_head, cue.speaker)
    cue.content = verb_content(sentence, word) or positional_content(sentence, word,
                                                                        cue.speaker)
    # the speaker is never what it said ("The explosion, Mayor Bill Okafor said, was …"
    # parsed with the mayor under the reported clause)
    speaking = {w.index for w in cue.speaker}
    cue.content = [w for w in cue.content if w.index not in speaking]
    lead = fronted_subjects(sentence, cue, word) if cue.content else []
    if lead and lead[-1].index < cue.content[0].index and all(
            w.upos == "PUNCT" for w in sentence.words[lead[-1].index:cue.content[0].index - 1]):
        cue.content = lead + cue.content
    follower = sentence.word(word.index + 1) if word.index < len(sentence.words) else None
    if follower is not None and follower.text.lower() == "that" and cue.content and \
            cue.content[0].index > follower.index:
        # "reporting that tens of thousands …" parsed with the clause's subject on the cue:
        # the reported clause starts at "that".
        cue.content = positional_content(sentence, word, cue.speaker) or cue.content
    if not cue.content:
        cue.object_content = sorted(
            (w for child in sentence.children(word) if child.relation in OBJECT_RELATIONS
             for w in sentence.subtree(child)), key=lambda w: w.index)
        if lemma in cue_lexicon().nominal:
            cue.content = nominal_content(sentence, word)
    return cue


def _according_to_cue(text: str, sentence: Sentence, according: Word) -> Cue | None:
    to = sentence.word(according.index + 1)
    cue = Cue(sentence=sentence, word=according, lemma="according to", start=according.start,
              end=to.end, text=text[according.start:to.end], according_to=True)
    source = sentence.head_of(according)
    while source is not None and source.upos == "NOUN" and source.deprel == "compound" and \
            source.head > source.index and sentence.head_of(source).upos == "PROPN":
        # "according to Fox News judicial analyst Judge Andrew Napolitano" with "according"
        # hung on the role noun before the name: the name heads the source
        source = sentence.head_of(source)
    clause = sentence.head_of(source) if source is not None else None
    syntactic = (according.deprel == "case" and source is not None and clause is not None
                 and source.upos in ("NOUN", "PROPN", "PRON", "NUM", "X")
                 and source.index > to.index)
    if syntactic:
        cue.speaker_head = source
        cue.speaker = noun_phrase(sentence, source, exclude={according.index, to.index})
        phrase = {w.index for w in sentence.subtree(source)} | {according.index, to.index}
        words = sentence.words
        last = max(phrase)
        rest = [w for w in words[last:] if w.upos != "PUNCT"]
        before = trim_punct(words[:according.index - 1])
        if not rest and before:
            # "…, according to sources familiar with the plans.": everything before it.
            cue.content = without_dateline(before)
        elif not before:
            # "According to the ministry, …": everything after the phrase.
            cue.content = trim_punct(words[last:])
        else:
            cue.content = [w for w in sentence.subtree(clause) if w.index not in phrase]
        return cue
    # The parser misread the phrase: go by position.  The source runs from "to" to the next
    # comma (or the sentence end); the content is the rest of the sentence on the other side.
    words = sentence.words
    stop = next((w.index for w in words[to.index:] if w.text in (",", ";", ".", "—")),
                len(words) + 1)
    source_words = trim_punct(words[to.index:stop - 1])
    if not source_words:
        return None
    cue.speaker = source_words
    cue.speaker_head = next((w for w in source_words if w.head not in
                             {x.index for x in source_words}), source_words[0])
    before = trim_punct(words[:according.index - 1])
    after = trim_punct(words[stop:]) if stop <= len(words) else []
    cue.content = before + after if before else after
    return cue


def quoted_content(cue: Cue, content: list[Word], quotes: QuoteIndex) -> list[Word]:
    """What a direct-only cue ("call", "dismiss", "ask") with no content reports when its
    objects hold a quotation: "called Mr. Obama's remarks “a true wake-up call”", "dismissed
    criticism of … as ''Clinton talking points''", "asked Sanders about the "2 million-plus"
    people deported".  Empty otherwise."""
    if content or not cue.object_content or cue.lemma not in cue_lexicon().direct_only:
        return []
    # the complements after the cue, without a fronted "On television," when they quote
    after = trim_punct([w for w in cue.object_content if w.index > cue.word.index])
    for objects in (after, trim_punct(cue.object_content)):
        if objects and quotes.overlapping(objects[0].start, objects[-1].end):
            return objects
    return []

