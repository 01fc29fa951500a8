"""What the dependency parse says about a speech verb: who speaks and what is reported.

Each function reads one sentence's tree around a cue word; the fallbacks by position cover
the constructions a compact parser gets wrong most often (inverted "…, said Kupchan",
absolute "with the commander reporting that …", cue phrases closing the sentence).
"""
from __future__ import annotations

from ..lexicon import cue_lexicon, first_words, source_nouns, word_list
from ..parse.document import Sentence, Word, hyphen_glued
from .drafts import Cue

# Relations whose dependent is the speaker of a speech verb.
SUBJECT_RELATIONS = ("nsubj", "nsubj:outer")
# "was quoted by Reuters", "a statement released by the ministry": the agent speaks.
AGENT_RELATIONS = ("obl:agent",)
# A speech verb with none of its own subject borrows the subject of the verb it hangs from:
# "smiled and said" (conj), "..., adding that" (advcl), "went on to say" (xcomp).
BORROW_SUBJECT_RELATIONS = ("conj", "advcl", "xcomp")
# A cue modifying a noun ("the commander reporting that", "officials, who said") is said
# by that noun.
NOUN_MODIFIER_RELATIONS = ("acl", "acl:relcl")
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
# The reported clause of a speech verb.
CONTENT_RELATIONS = ("ccomp",)
# Complements that carry quoted words of "call", "describe", "praise": "called it “a mess”".
OBJECT_RELATIONS = ("obj", "xcomp", "obl")
# Quotation marks are kept at the edges of spans: the quotation scanner decides about them.
QUOTE_CHARS = set("\"'“”‘’«»„‟‹›‚‛")


def nominal_content(sentence: Sentence, verb: Word) -> list[Word]:
    """What a "nominal" cue reports when it has no clause: "called for [a moratorium]",
    "urged [Republicans to join]", "questioned [the integrity of the vote]"."""
    children = sentence.children(verb)
    if verb.relation in ("acl", "amod") or any(c.deprel in ("aux:pass", "nsubj:pass")
                                              for c in children):
        return []             # "14 ballots rejected for …": a passive participle, no speech
    xcomp = [c for c in children if c.deprel == "xcomp"]
    objects = [c for c in children if c.deprel in ("obj", "iobj")]
    if xcomp:
        parts = objects + xcomp
    elif verb.lemma.lower() in ("tell", "ask", "respond"):
        return []             # "told the council", "responded to requests": the addressee
    else:
        parts = _obliques(sentence, verb, ("for", "about", "against", "of", "on")) or objects
    words = []
    for part in parts:
        words.extend(w for w in sentence.subtree(part)
                     if not (w.head == part.index and w.deprel == "case"))
    words = sorted(set(words), key=lambda w: w.index)
    return words if len([w for w in words if w.upos != "PUNCT"]) >= 2 else []


DASHES = frozenset({"—", "–", "―", "--", "-"})


def _dateline(sentence: Sentence, subject: Word) -> bool:
    """"LA CROSSE, Wisc. — Gov. Mike Pence on Thursday blamed …" parsed with the dateline as a
    subject: a capitalized place opening the sentence, its phrase closed by a dash."""
    phrase = sentence.subtree(subject)
    first, last = phrase[0], phrase[-1]
    return first.index == 1 and first.text.isupper() and len(first.text) > 1 and \
        last.index < len(sentence.words) and sentence.word(last.index + 1).text in DASHES


def without_dateline(words: list[Word]) -> list[Word]:
    """Words of a sentence's opening less its dateline ("OTTAWA — …", "WASHINGTON (AP) — …"):
    a capitalized place in capitals first, closed by a dash within its first eight words."""
    if not words or words[0].index != 1 or not (words[0].text.isupper() and len(words[0].text) > 1):
        return words
    for i, word in enumerate(words[:8]):
        if word.text in DASHES and i > 0:
            return trim_punct(words[i + 1:])
        if word.upos != "PUNCT" and not word.text[:1].isupper():
            return words
    return words


def _subjects(sentence: Sentence, verb: Word) -> list[Word]:
    """The verb's subjects, a dateline the parse made one left out."""
    subjects = [c for c in sentence.children(verb)
                if c.deprel in SUBJECT_RELATIONS and not _dateline(sentence, c)]
    if len(subjects) > 1:
        # "… at the same desks, as the public servants beside them, an internal audit by
        # the department has found": a noun with a preposition of its own is no subject
        # (one after a subject, "a recruiter [at a Bellevue startup]", continues it)
        first = min(c.index for c in subjects if not any(
            d.deprel == "case" for d in sentence.children(c))) if any(not any(
                d.deprel == "case" for d in sentence.children(c)) for c in subjects) else 0
        marked = [c for c in subjects if c.index < first and
                  any(d.deprel == "case" for d in sentence.children(c))]
        subjects = [c for c in subjects if c not in marked] or subjects
    if not subjects:
        age = _age_read_as_clause(sentence, verb)
        if age is not None:
            subjects = [age]
    if not subjects:
        # "The other predicted that …" parsed with "other" as an adjective of the verb: a
        # determined adjective before the verb is its subject
        subjects = [c for c in sentence.children(verb) if c.deprel == "amod" and
                    c.upos == "ADJ" and c.index < verb.index and any(
                        d.deprel == "det" for d in sentence.children(c))][:1]
    return subjects


def trailing_inverted_speaker(sentence: Sentence, verb: Word) -> Word | None:
    """"Two of the three are asking for rate increases, said an insurance executive who
    spoke on condition of anonymity." parsed with "said" as a conjunct and the speaker as its
    clause: a cue after a comma, with no subject of its own, followed by a noun phrase that
    runs to the end of the sentence, is inverted; that phrase speaks."""
    if verb.relation not in ("conj", "parataxis") or verb.index < 3 or \
            verb.index >= len(sentence.words) or sentence.word(verb.index - 1).text != ",":
        return None
    head = sentence.head_of(verb)
    children = sentence.children(verb)
    if head is None or head.index > verb.index or any(
            c.deprel in SUBJECT_RELATIONS for c in children):
        return None
    following = sentence.word(verb.index + 1)
    if following.text.lower() not in ("a", "an", "the") and following.upos != "PROPN":
        return None
    last = max((w.index for w in sentence.words if w.upos != "PUNCT"), default=0)
    for child in children:
        words = sentence.subtree(child)
        if child.index > verb.index and child.upos in ("NOUN", "PROPN", "ADJ") and \
                words[0].index == verb.index + 1 and words[-1].index >= last:
            return child
    return None


def lemma_candidates(word: Word) -> list[str]:
    """The parser's lemma first, then guesses for forms its dictionary did not know."""
    form = word.text.lower()
    candidates = [word.lemma.lower(), form]
    for suffix, replacement in (("ied", "y"), ("ies", "y"), ("ed", ""), ("ed", "e"), ("es", ""),
                                ("s", ""), ("ing", ""), ("ing", "e")):
        if form.endswith(suffix) and len(form) > len(suffix) + 2:
            stem = form[: -len(suffix)] + replacement
            candidates.append(stem)
            if stem[-1:] == stem[-2:-1]:          # "admitted" -> "admitt" -> "admit"
                candidates.append(stem[:-1])
    return candidates


def _cue_form(word: Word) -> bool:
    """Whether the verb is a cue's, also where the dictionary lemmatizer kept the form
    ("warns")."""
    lemmas = cue_lexicon().lemmas
    return any(candidate in lemmas for candidate in lemma_candidates(word))


def _outer_cue_conjunct_subject(sentence: Sentence, verb: Word) -> Word | None:
    """"The submission also warns that hospitals would face …, and recommends that …"
    parsed with "recommends" joined to "face", inside what "warns" reports: a cue in the
    outer cue's form (both "-s") joined to a verb of another form in that cue's clause
    conjoins the outer cue and shares its subject."""
    head = sentence.head_of(verb)
    outer = sentence.head_of(head) if head is not None else None
    if verb.relation != "conj" or head is None or outer is None or head.relation != "ccomp" \
            or verb.xpos != outer.xpos or head.xpos == verb.xpos or \
            not _cue_form(outer) or \
            any(c.deprel in SUBJECT_RELATIONS for c in sentence.children(verb)):
        return None
    return next((c for c in sentence.children(outer) if c.deprel in SUBJECT_RELATIONS and
                 c.index < outer.index), None)


def _final_cue_subject(sentence: Sentence, verb: Word) -> Word | None:
    """"Heat-related deaths … more than doubled last summer, a study published Thursday in
    the Journal of Urban Health found." parsed with "found" as a relative clause of
    "Journal": a cue ending the sentence with no subject of its own, after a comma and a
    noun phrase, is said by that phrase (what came before the comma is what it said)."""
    last = max((w.index for w in sentence.words if w.upos != "PUNCT"), default=0)
    if verb.index != last or verb.deprel != "acl:relcl" or any(
            c.deprel in SUBJECT_RELATIONS for c in sentence.children(verb)):
        return None
    comma = next((w.index for w in reversed(sentence.words[:verb.index - 1]) if w.text == ","),
                 None)
    if comma is None or comma < 3 or verb.index - comma < 3:
        return None
    phrase = sentence.words[comma:verb.index - 1]
    if phrase[0].upos not in ("DET", "PROPN", "NOUN") or any(
            w.upos in ("VERB", "AUX") and w.xpos not in ("VBN",) for w in phrase):
        return None
    inside = {w.index for w in phrase}
    heads = [w for w in phrase if w.head not in inside]
    return heads[0] if len(heads) == 1 and heads[0].upos in ("NOUN", "PROPN") else None


def _subject_of_verbless_sentence(sentence: Sentence, verb: Word) -> Word | None:
    """"Rep. Ayesha Sandoval (D-N.M.), who organized the letter, posted on X that …" parsed
    with the name as the root and "posted" as a participle on "the letter": in a sentence
    whose root is a name, a cue after a comma that closes the name's relative clause is the
    main verb, and the name speaks."""
    roots = sentence.roots()
    if not roots or roots[0].upos not in ("PROPN", "NOUN") or verb.deprel != "acl" or \
            verb.index < 2 or sentence.word(verb.index - 1).text != ",":
        return None
    owner = _relative_clause_owner(sentence, verb)
    return owner if owner is not None and owner.index <= roots[0].index + 3 and \
        _phrase_head(sentence, roots[0]) == owner else None


def _subject_given_to_clause(sentence: Sentence, verb: Word) -> Word | None:
    """"A GOP aide who requested anonymity said House Majority Leader Renee Salter told
    members …" parsed with the aide as the subject of "told" and the leader as the subject
    of "said": the reported clause's subject stands before the cue, which has its own only
    after it; the one before the cue speaks."""
    children = sentence.children(verb)
    if any(c.deprel in SUBJECT_RELATIONS and c.index < verb.index for c in children) or \
            not any(c.deprel in SUBJECT_RELATIONS and c.index > verb.index for c in children):
        return None
    for clause in children:
        if clause.relation != "ccomp" or clause.index < verb.index:
            continue
        # (a passive one too: "A second TTC worker, who …, said supervisors … were told")
        early = [c for c in sentence.children(clause)
                 if c.deprel in SUBJECT_RELATIONS + ("nsubj:pass",) and c.index < verb.index]
        if len(early) == 1 and early[0].upos in ("NOUN", "PROPN") and can_speak(early[0]):
            return early[0]
    return None


def is_age(sentence: Sentence, word: Word) -> bool:
    """The "old" of "the 61-year-old" (a speaker whatever the tagger calls it)."""
    return word.text.lower() in ("old", "olds") and word.index >= 3 and \
        sentence.word(word.index - 1).text == "-" and \
        sentence.word(word.index - 2).text.lower() in ("year", "years")


def _age_read_as_clause(sentence: Sentence, verb: Word) -> Word | None:
    """"The 61-year-old, who has taught …, said the union would …" parsed with the age as a
    clause of "said" (the tagger reads "old" as an adjective): an age with its article
    before a verb that has no subject is the verb's subject."""
    for child in sentence.children(verb):
        if child.index < verb.index and child.relation in ("ccomp", "parataxis", "dep") and \
                child.text.lower() in ("old", "olds") and child.index >= 5:
            year, hyphen = sentence.word(child.index - 2), sentence.word(child.index - 1)
            number, article = sentence.word(child.index - 4), sentence.words[0]
            if hyphen.text == "-" and year.text.lower() in ("year", "years") and \
                    number.upos == "NUM" and article.text.lower() == "the" and \
                    article.head == child.index:
                return child
    return None


def _absolute_subject(sentence: Sentence, verb: Word) -> Word | None:
    """"with the country's top military commander reporting that …": in this absolute
    construction the participle's subject is the noun right before it, whatever the parser
    attached to it."""
    if verb.xpos != "VBG" or verb.index <= 2:
        return None
    before = sentence.word(verb.index - 1)
    opener = [w.text.lower() for w in sentence.words[max(0, verb.index - 9):verb.index - 1]]
    if before.upos in ("NOUN", "PROPN") and "with" in opener and \
            "," not in opener[opener.index("with"):]:
        return before
    return None


def _trailing_participle_subject(sentence: Sentence, verb: Word) -> Word | None:
    """"The Times filed a motion to unseal the records, arguing that …": a participle after a
    comma speaks for the subject of the clause before it, not for the noun the parser hung it
    on ("motion")."""
    if verb.xpos != "VBG" or verb.index <= 2 or sentence.word(verb.index - 1).text != ",":
        return None
    if any(c.deprel in SUBJECT_RELATIONS for c in sentence.children(verb)):
        return None
    for word in reversed(sentence.words[:verb.index - 2]):
        if word.upos in ("VERB", "AUX") and word.xpos != "VBG":
            subject = next((c for c in sentence.children(word)
                            if c.deprel in SUBJECT_RELATIONS + ("nsubj:pass",)
                            and not _dateline(sentence, c)), None)
            if subject is not None and subject.index < verb.index:
                return subject
    return None


# Participles that describe a document ("a report released Tuesday", "a study published in
# March"): read as a main verb, they hide the document's own verb.
PUBLISHING_VERBS = frozenset({"release", "publish", "issue", "obtain", "file", "conduct",
                              "commission", "submit", "circulate", "send", "post", "review"})


def _reduced_relative_subject(sentence: Sentence, verb: Word) -> Word | None:
    """"An aide not authorized to speak publicly said …": a compact parser reads the reduced
    relative "not authorized …" as the main verb and the cue as its conjunct (sometimes with
    "publicly" or a noun inside the relative as the cue's subject).  A participle with no
    auxiliary, joined to the cue by no conjunction, is a modifier: its subject speaks."""
    head = sentence.head_of(verb)
    if verb.relation not in ("conj", "ccomp") or head is None or head.index > verb.index:
        return None
    negated = head.index > 1 and sentence.word(head.index - 1).text.lower() == "not"
    if verb.relation == "ccomp":
        # "A Congressional Budget Office estimate released Tuesday found that …" parsed with
        # "released" as the main verb and the cue as its clause: a document's participle
        # with no object of its own
        if (head.lemma or "").lower() not in PUBLISHING_VERBS or head.xpos not in ("VBN", "VBD") \
                or any(c.relation in ("obj", "ccomp") and c is not verb
                       for c in sentence.children(head)):
            return None
    elif head.xpos != "VBN" and not (negated and head.xpos == "VBD"):   # "not authorized"
        return None
    if any(c.deprel in ("cc", "aux", "aux:pass", "cop") for c in sentence.children(head)) or \
            any(c.deprel == "cc" for c in sentence.children(verb)):
        return None
    subject = next((c for c in sentence.children(head)
                    if c.deprel in SUBJECT_RELATIONS + ("nsubj:pass",)), None)
    if subject is None or subject.index > head.index or not can_speak(subject):
        return None
    own = next((c for c in sentence.children(verb) if c.deprel in SUBJECT_RELATIONS), None)
    if own is not None and not head.index < own.index < verb.index:
        return None          # a subject of its own outside the participle's phrase: keep it
    return subject


def with_reduced_relative(sentence: Sentence, verb: Word, subject: Word,
                          phrase: list[Word]) -> list[Word]:
    """The speaker's phrase with the document's participle the parse made its governor ("A
    Congressional Budget Office estimate [released Tuesday] found"): the source as the
    article describes it."""
    if not phrase or verb.relation != "ccomp" or \
            _reduced_relative_subject(sentence, verb) != subject:
        return phrase      # (an aide's "not authorized to speak …" is the resolver's to read)
    participle = sentence.head_of(verb)
    gap = sentence.words[phrase[-1].index:verb.index - 1]      # between the phrase and cue
    if not gap or gap[0] != participle or len(gap) > 8 or any(
            w.upos in ("PUNCT", "VERB", "AUX") for w in gap[1:]):
        return phrase                     # only the participle's own short run
    return phrase + gap


def _as_clause_subject(sentence: Sentence, verb: Word) -> Word | None:
    """"…, as the Heritage Foundation website notes:" parsed with "as the … website" as a
    modifier of an earlier noun: the noun phrase "as" opens right before the cue speaks."""
    if verb.index < 3:
        return None
    for word in sentence.words[:verb.index - 1]:
        if word.upos not in ("NOUN", "PROPN"):
            continue
        marker = next((c for c in sentence.children(word) if c.deprel == "case" and
                       c.text.lower() == "as"), None)
        if marker is None or max(w.index for w in sentence.subtree(word)) != verb.index - 1 \
                or marker.index < 2 or sentence.word(marker.index - 1).text != ",":
            continue            # "known as …", "as part of …": no aside of its own
        own = next((c for c in sentence.children(verb) if c.deprel in SUBJECT_RELATIONS), None)
        if own is None or own.index < marker.index:
            return word
    return None


def _inverted_subject(sentence: Sentence, verb: Word, children: list[Word]) -> Word | None:
    """"Clinton “drew quite well …” in the 2008 primary, said professor Paul Beck" parsed with
    both "Clinton" and "professor" as subjects of "said": after a comma or a closing quotation
    mark the cue inverts, and the subject after it speaks (the one before opens the reported
    clause)."""
    before_cue = sentence.word(verb.index - 1).text if verb.index > 1 else ""
    if before_cue not in (",", "”", "’", '"') and before_cue not in DASHES:
        return None
    subjects = [c for c in children if c.deprel in SUBJECT_RELATIONS]
    before = [c for c in subjects if c.index < verb.index]
    after = [c for c in subjects if c.index > verb.index]
    if not before or not after:
        return None
    # a quotation between the first subject and the cue, and nothing but punctuation after
    # the second one's phrase ("…, said Zeke Emanuel, an oncologist …, said Obamacare so far
    # has been a success" is no inversion)
    if not any(w.text in QUOTE_CHARS for w in sentence.words[before[0].index:verb.index - 1]):
        return None
    phrase = noun_phrase(sentence, after[0], exclude={verb.index})
    last = phrase[-1].index if phrase else after[0].index
    if last < len(sentence.words) and sentence.word(last + 1).upos != "PUNCT":
        return None
    return after[0]


def described_speaker_clause(sentence: Sentence, verb: Word) -> Word | None:
    """"The question will go to a panel, said a person briefed on the talks." parsed with "a
    person briefed on the talks" as the clause "said" reports: after the comma of an inserted
    cue with no subject, a participle clause closing the sentence, with no auxiliary or
    conjunction of its own and a noun subject right after the cue, is the speaker described
    ("a person [who was] briefed on …"), not what was said.  Returns that participle."""
    if verb.index < 2 or verb.relation != "parataxis" or \
            sentence.word(verb.index - 1).text not in (",", "”", "’", '"', *DASHES):
        return None
    children = sentence.children(verb)
    if any(c.deprel in SUBJECT_RELATIONS for c in children):
        return None
    for child in children:
        if child.deprel != "ccomp" or child.index < verb.index or child.xpos != "VBN":
            continue
        parts = sentence.children(child)
        if any(c.deprel in ("aux", "aux:pass", "mark", "cop") for c in parts):
            continue
        subject = next((c for c in parts if c.deprel == "nsubj"), None)
        if subject is None or subject.upos not in ("NOUN", "PROPN") or \
                sentence.subtree(subject)[0].index != verb.index + 1:
            continue
        rest = sentence.words[sentence.subtree(child)[-1].index:]
        if all(w.upos == "PUNCT" and w.text not in QUOTE_CHARS for w in rest):
            return child
    return None


def speaker_head(sentence: Sentence, verb: Word, depth: int = 0) -> Word | None:
    children = sentence.children(verb)
    if depth == 0:
        described = described_speaker_clause(sentence, verb)
        if described is not None:
            return next(c for c in sentence.children(described) if c.deprel == "nsubj")
        reduced = _reduced_relative_subject(sentence, verb)
        if reduced is not None:
            return reduced
        absolute = _absolute_subject(sentence, verb)
        if absolute is not None:
            return absolute
        trailing = _trailing_participle_subject(sentence, verb)
        if trailing is not None:
            return trailing
        as_subject = _as_clause_subject(sentence, verb)
        if as_subject is not None:
            return as_subject
    if verb.lemma.lower() == "quote" or verb.text.lower() == "quoted":
        # "X was quoted (by the Courier) as saying …": the one quoted speaks, not the paper.
        for child in children:
            if child.deprel in ("nsubj:pass", "nsubj"):
                return child
    age = _age_read_as_clause(sentence, verb) or _subject_given_to_clause(sentence, verb) or \
        trailing_inverted_speaker(sentence, verb) or _final_cue_subject(sentence, verb) or \
        _outer_cue_conjunct_subject(sentence, verb)
    if age is not None:
        return age
    inverted = _inverted_subject(sentence, verb, children)
    if inverted is not None:
        return inverted
    for child in _subjects(sentence, verb):
        # "Kupchan, who said …": the mention as written is "who"; speaker resolution maps
        # it to the noun it stands for.
        return child
    if depth > 0:
        # The verb a cue borrows its subject from may be passive: "He was reached by phone
        # and said …" (He speaks, not whoever reached him).
        for child in children:
            if child.deprel == "nsubj:pass":
                return child
    for child in children:
        if child.deprel in AGENT_RELATIONS:
            return child
    for child in children:
        # Passive "it was reported by X" without the agent label: an obl with case "by".
        if child.deprel == "obl" and any(c.deprel == "case" and c.text.lower() == "by"
                                         for c in sentence.children(child)):
            if any(c.deprel in ("nsubj:pass", "aux:pass") for c in children):
                return child
    head = sentence.head_of(verb)
    if head is None or depth > 2:
        return None
    if verb.deprel in NOUN_MODIFIER_RELATIONS and head.upos in ("NOUN", "PROPN", "PRON"):
        return _subject_of_verbless_sentence(sentence, verb) or head
    if verb.relation in BORROW_SUBJECT_RELATIONS and head.upos in ("VERB", "AUX", "ADJ", "NOUN"):
        return speaker_head(sentence, head, depth + 1)
    return None


def noun_phrase(sentence: Sentence, head: Word, exclude: set[int]) -> list[Word]:
    """The mention as written: the head's contiguous subtree, appositives and titles included.

    Left out: the cue and everything under it (a relative clause "who said …" holding the cue),
    and the head's own preposition ("with Devocht", "by Reuters").
    """
    subtree = {w.index for w in sentence.subtree(head)}
    removed = set(exclude)
    for index in exclude:
        if index in subtree and index != head.index:
            removed |= {w.index for w in sentence.subtree(sentence.word(index))}
    removed |= {w.index for c in sentence.children(head)
                if c.deprel in ("case", "advmod", "discourse", "cc")
                for w in sentence.subtree(c)}
    members = subtree - removed
    members.add(head.index)
    left = right = head.index
    while left - 1 in members:
        left -= 1
    while right + 1 in members:
        right += 1
    left = _glued_name_start(sentence, left)
    # "eight in 10 Democratic voters" parsed with "eight" (or "eight in") elsewhere: a share
    if left > 2 and sentence.word(left).upos == "NUM" and \
            sentence.word(left - 1).text.lower() in ("in", "of") and \
            sentence.word(left - 2).upos == "NUM":
        left -= 2
    elif left > 1 and sentence.word(left).text.lower() in ("in", "of") and \
            sentence.word(left - 1).upos == "NUM":
        left -= 1
    if left < head.index - 1 and _fronted_adverb(sentence, sentence.word(left)):
        left += 2                   # "Nonetheless, city councillors backing the plan"
    words = sentence.words[left - 1:right]
    if len(words) > 1 and words[0].text.lower() in ("what", "whatever") and \
            words[0].deprel == "det":
        words = words[1:]        # "what officials called …": a free relative, not the speaker
    return trim_punct(words)


def _glued_name_start(sentence: Sentence, left: int) -> int:
    """"President Park Geun-hye said" parsed with "hye" alone as the subject (the tokenizer
    split the name at its hyphen): the mention starts where the capitalized run before the
    hyphen does."""
    if left < 3:
        return left
    hyphen, first = sentence.word(left - 1), sentence.word(left)
    before = sentence.word(left - 2)
    if not hyphen_glued(before, hyphen, first) or \
            not (before.upos == "PROPN" or before.text[:1].isupper() and first.upos == "PROPN"):
        # ("Per-Arne Nyvold" has "Per" read as a preposition)
        return left
    left -= 2
    while left > 1 and sentence.word(left - 1).text[:1].isupper() and \
            sentence.word(left - 1).upos in ("PROPN", "ADJ"):
        left -= 1
    return left


def trim_punct(words: list[Word]) -> list[Word]:
    start, end = 0, len(words)
    while start < end and (words[start].upos == "PUNCT" and words[start].text not in QUOTE_CHARS
                           or words[start].deprel == "cc" or words[start].text in DASHES):
        start += 1
    while end > start and words[end - 1].upos == "PUNCT" and words[end - 1].text not in QUOTE_CHARS:
        end -= 1
    return words[start:end]


def merge_sibling_subjects(sentence: Sentence, cue: Cue, verb: Word) -> list[Word]:
    """A parser that split "Charles Kupchan, a senior fellow …" into several subjects of the
    verb: the mention runs from the first subject to the end of the last one before the verb."""
    subjects = [c for c in _subjects(sentence, verb) if c.index < verb.index]
    if len(subjects) < 2 or cue.speaker_head not in subjects:
        return cue.speaker
    subjects = [s for s in subjects if not _time_before_comma(sentence, s, cue.speaker_head)
                and not _fronted_adverb(sentence, s)]
    if len(subjects) == 1:
        cue.speaker_head = subjects[0]
        return noun_phrase(sentence, subjects[0], exclude={verb.index})
    # "The krona weakened after the announcement, traders said" parsed with both nouns as
    # subjects of "said": a verb between them makes the first the subject of the reported
    # clause, and the last one alone speaks.
    phrases = {w.index for s in subjects[:-1] for w in noun_phrase(sentence, s, {verb.index})}
    between = sentence.words[subjects[0].index:subjects[-1].index - 1]
    # "News of the album spreads just as Red Hot Chili Peppers announced …" parsed with both
    # as subjects: a subject that opens with its own subordinator ("as", "when") is the
    # clause's, and speaks alone
    subordinators = word_list("subordinators.txt")
    opens_clause = any(c.deprel in ("case", "mark") and c.text.lower() in subordinators and
                       c.index < subjects[-1].index for c in sentence.children(subjects[-1]))
    # "A senior official, granted anonymity to discuss …, said" parsed with "anonymity" as a
    # second subject: a participle opening it after a comma describes the first one
    last_phrase = noun_phrase(sentence, subjects[-1], {verb.index})
    described = {w.index for w in last_phrase[:1] if w.xpos == "VBN" and w.index > 1 and
                 sentence.word(w.index - 1).text == ","}
    # … and "Ray, a retired bus driver, said": a participle modifying a noun is no verb
    described |= {w.index for w in last_phrase if w.xpos in ("VBN", "VBG") and
                  w.deprel == "amod"}
    if opens_clause or _fronted_before_comma(sentence, subjects, subordinators) or any(
            w.upos in ("VERB", "AUX") and w.index not in phrases | described for w in between):
        cue.speaker_head = subjects[-1]
        return noun_phrase(sentence, subjects[-1], exclude={verb.index})
    words = []
    for subject in subjects:
        words.extend(noun_phrase(sentence, subject, exclude={verb.index}))
    first, last = min(w.index for w in words), max(w.index for w in words)
    return trim_punct(sentence.words[first - 1:last])


def _fronted_adverb(sentence: Sentence, subject: Word) -> bool:
    """"Nonetheless, House Republicans … have said" parsed with "Nonetheless" as a subject or
    a modifier: a lone adverb or adjective opening the sentence before a comma is no part of
    the speaker ("Mark Cuban, the billionaire …, says" with "Cuban" read as an adjective
    keeps it: "Cuban" does not open the sentence)."""
    return subject.upos in ("ADV", "ADJ") and subject.index < len(sentence.words) and \
        all(w.upos == "PUNCT" for w in sentence.words[:subject.index - 1]) and \
        sentence.word(subject.index + 1).text == "," and \
        all(c.upos == "PUNCT" for c in sentence.children(subject))


def _time_before_comma(sentence: Sentence, subject: Word, speaker: Word) -> bool:
    """"Every December, Time announces …" parsed with "December" as a second subject: a time
    before a comma ahead of the speaker is no one's voice."""
    return subject.index < speaker.index and \
        any(w.text == "," for w in sentence.words[subject.index:speaker.index - 1]) and \
        (subject.text.lower() in time_words() or (subject.lemma or "").lower() in time_words())


def _fronted_before_comma(sentence: Sentence, subjects: list[Word],
                          subordinators: frozenset[str]) -> bool:
    """"This sort of opining, CNN claimed, violates …", "Amid calls for reform, even a top
    strategist said", "As the crowd cheered, The Post's Robert Costa reported": things, or a
    clause opening the sentence, before the comma are the reported clause's topic or a fronted
    phrase the parser made a subject; the last subject, one who can speak, speaks alone."""
    first = sentence.words[0]
    fronted_clause = first.upos == "SCONJ" and first.text.lower() in subordinators and \
        first.head > subjects[0].index
    between = sentence.words[subjects[0].index:subjects[-1].index - 1]
    return (fronted_clause or all(_thing_subject(sentence, s) for s in subjects[:-1])) and \
        not names_a_thing(subjects[-1]) and any(w.text == "," for w in between)


def _thing_subject(sentence: Sentence, subject: Word) -> bool:
    """A subject that names a thing, capitalized only because it opens the sentence
    ("Demand for steel, analysts said, …")."""
    if sentence.name_of(subject) is not None:
        return False
    first = next((w for w in sentence.words if w.upos != "PUNCT"), None)
    if first is subject and subject.upos == "NOUN":
        subject = subject._replace(text=subject.text.lower())
    return names_a_thing(subject)


TIME_ADJECTIVES = frozenset({"last", "next", "past", "this", "early", "earlier", "late", "later"})


def postmodifier(sentence: Sentence, speaker: list[Word], head: Word | None,
                 cue_word: Word) -> list[Word]:
    """The words that go on describing a speaker the parser cut short: "A hospital
    administrator not authorized to discuss the talks said" read with "authorized" as the main
    verb and "said" as its conjunct, "a study published Thursday in the Journal of Urban
    Health found" with "found" under "Journal", "Two people familiar with the investigation,
    speaking on condition …, said" with "familiar" under the cue.  The stretch right after a
    description, up to the cue, a comma or a quotation mark, opening with an adjective or a
    participle and holding no finite verb, is the speaker's; none otherwise."""
    last = speaker[-1] if speaker else None
    if last is None or head is None or last is not head or head.upos not in ("NOUN", "NUM"):
        return []
    before_cue = last.index < cue_word.index
    end = cue_word.index if before_cue else len(sentence.words) + 1
    stretch: list[Word] = []
    for index in range(last.index + 1, end):
        word = sentence.word(index)
        if word.text in (",", ";", ":", "(") or word.text in QUOTE_CHARS or word.text in DASHES:
            break
        stretch.append(word)
    stretch = trim_punct(stretch)
    if not stretch or len(stretch) > 15 or (before_cue and stretch[-1].index + 1 < cue_word.index
                                            and sentence.word(stretch[-1].index + 1).text != ","):
        return []
    first = stretch[1] if stretch[0].text.lower() == "not" and len(stretch) > 1 else stretch[0]
    # "A memo circulated … said" read with the participle as the main verb and the cue as its
    # conjunct (no "and" before it); not "The senator emailed supporters saying …"
    finite_first = before_cue and first.upos == "VERB" and first.xpos == "VBD" and \
        stretch[-1].index + 1 == cue_word.index and cue_word.head == first.index and \
        cue_word.deprel == "conj" and not any(c.deprel == "cc"
                                              for c in sentence.children(cue_word))
    if not (first.upos == "ADJ" or first.xpos in ("VBN", "VBG") or finite_first) or \
            first.text.lower() in time_words() or first.text.lower() in TIME_ADJECTIVES:
        return []           # "a poll last week": a time, not a description
    if any(c.deprel == "mark" for c in sentence.children(first)):
        return []           # "as the polls closed stating …": the verb of a clause of its own
    for i, word in enumerate(stretch):
        if word is first:
            continue
        if word.upos == "AUX" or word.xpos in ("VBZ", "VBP", "MD") or \
                word.text.lower() in RELATIVE_PRONOUNS or (
                    word.xpos == "VBD" and stretch[i - 1].text.lower() not in ("and", "or")):
            return []
    if stretch[-1].upos in ("ADP", "DET", "CCONJ", "SCONJ", "PART"):
        return []
    return stretch


def fronted_subjects(sentence: Sentence, cue: Cue, verb: Word) -> list[Word]:
    """The words of subjects the parser gave the cue before its speaker, when they are not
    part of the speaker ("The krona weakened …, traders said": "The krona" opens the reported
    clause)."""
    spoken = {w.index for w in cue.speaker}
    words = [w for c in sentence.children(verb) if c.deprel in SUBJECT_RELATIONS
             and c.index < verb.index and c is not cue.speaker_head and c.index not in spoken
             for w in noun_phrase(sentence, c, exclude={verb.index})]
    return sorted(words, key=lambda w: w.index)


def time_words() -> frozenset[str]:
    return word_list("time_words.txt") | word_list("calendar.txt")


def names_a_thing(head: Word | None, words: list[Word] = ()) -> bool:
    """A common-noun head (and, after a quantity, "dozens of residents", the nouns after it
    in ``words``) that no list knows as a person, group, organization or document: "the
    debate", "a hand recount", "his full tax returns"."""
    if head is None or head.upos != "NOUN" or head.text[:1].isupper():
        return False
    nouns = [head] + [w for w in words if w.upos == "NOUN" and w.index > head.index]
    return not any((w.lemma or w.text).lower() in source_nouns() for w in nouns)


# "both" and "each" are left out: they stand for people just named ("Cruz and Rubio …
# both vowed"), whom a subject of their own would make an unnamed source.
QUANTIFIER_SUBJECTS = frozenset({"another"})


def can_speak(word: Word) -> bool:
    # "the other official" with "official" tagged ADJ: a subject with a determiner is a noun
    nominal = word.upos in ("NOUN", "PROPN", "PRON") or (
        word.upos in ("ADJ", "X") and word.deprel.startswith("nsubj")) or (
        # "Another of the people said", "Each of them said": a quantifier as the subject
        word.upos == "DET" and word.deprel.startswith("nsubj") and
        word.text.lower() in QUANTIFIER_SUBJECTS)
    return (nominal and any(c.isalnum() for c in word.text)       # not a dash ("―")
            and word.text.lower() not in RELATIVE_PRONOUNS
            and word.text.lower() not in time_words()
            and (word.lemma or "").lower() not in time_words())


def _described_noun(sentence: Sentence, word: Word, before: int) -> Word | None:
    """The noun a clause ending at ``word`` describes: "An engineer who asked not to be
    identified said …" (parsed with no subject for "said")."""
    current = word
    for _ in range(6):
        head = sentence.head_of(current)
        if head is None:
            return None
        if current.deprel in NOUN_MODIFIER_RELATIONS and head.index < before and can_speak(head):
            return head
        current = head
    return None


def _postmodified_owner(sentence: Sentence, word: Word) -> Word | None:
    """"… machines, two people familiar with the matter said", "A senior official, granted
    anonymity to discuss internal deliberations, said" parsed with no subject for the cue:
    the noun closing an adjective or participle phrase is not who speaks; the noun the phrase
    follows is.  The phrase runs back from the noun, with no comma, finite verb or relative
    pronoun inside it."""
    for index in range(word.index - 1, max(0, word.index - 14), -1):
        current = sentence.word(index)
        if current.text in (",", ";", ":") or current.text in QUOTE_CHARS or \
                current.upos == "AUX" or current.xpos in ("VBD", "VBZ", "VBP", "MD") or \
                current.text.lower() in RELATIVE_PRONOUNS:
            return None
        if (current.upos == "ADJ" and current.xpos == "JJ" or current.xpos == "VBN") and not (
                current.deprel == "amod" and current.head > current.index) and \
                current.deprel not in ("case", "fixed", "det", "advmod"):
            # a modifier after its noun ("people familiar with …"), not one before it
            # ("former president Bill Clinton", "the Massachusetts Democratic party")
            before = index - 1
            if before >= 1 and sentence.word(before).text == ",":
                before -= 1
            owner = sentence.word(before) if before >= 1 else None
            if owner is not None and owner.upos != "PRON" and (can_speak(owner) or
                                                                owner.upos == "ADJ" and any(
                    c.deprel == "det" for c in sentence.children(owner))):
                return owner
    return None


def _participle_owner(sentence: Sentence, word: Word) -> Word | None:
    """"A senior official, speaking on condition of anonymity to discuss deliberations that
    have not been made public, said" parsed with no subject for the cue: a noun inside a
    participle phrase set off by a comma after a noun is not who speaks; that noun is."""
    current = word
    for _ in range(6):
        head = sentence.head_of(current)
        if head is None or head.index > word.index:
            return None
        if head.xpos in ("VBG", "VBN") and head.index > 2 and \
                sentence.word(head.index - 1).text == ",":
            owner = sentence.word(head.index - 2)
            if owner.upos in ("NOUN", "PROPN") or owner.upos == "ADJ" and any(
                    c.deprel == "det" for c in sentence.children(owner)):
                return owner
            return None
        current = head
    return None


def _relative_clause_owner(sentence: Sentence, word: Word) -> Word | None:
    """The noun a relative clause containing ``word`` describes, if any."""
    current = word
    for _ in range(8):
        head = sentence.head_of(current)
        if head is None:
            return None
        if current.deprel == "acl:relcl" and head.index < current.index and can_speak(head) \
                and any(c.text.lower() in ("who", "whom", "whose", "which", "that")
                        and c.index > head.index for c in sentence.children(current)):
            return _phrase_head(sentence, head)
        current = head
    return None


def _described_head(sentence: Sentence, word: Word) -> Word:
    """The person a prepositional or appositive chain ending at ``word`` describes: "Fred
    Kagan, director of the Critical Threats Project at the hawkish American Enterprise
    Institute, said" is said by Kagan, not the institute.  The chain climbs only to names
    and to one person's role ("a spokeswoman for the convention"), never to a thing ("part
    of a lawsuit", "a statement after … Donald Trump") or to a group ("five police officers,
    Governor Mary Fallin"), nor from a person's name ("as part of a Freedom of Information
    lawsuit, FBI general counsel James Baker said"); a number it hangs from is a share of
    people ("eight in 10 voters")."""
    if any(name.type == "person" and name.first <= word.index <= name.last
           for name in sentence.names):
        return word
    current = word
    for _ in range(6):
        head = sentence.head_of(current)
        if head is None or current.deprel not in ("nmod", "appos") or \
                head.index > current.index or "Number=Plur" in head.feats:
            break
        role = head.upos == "PROPN" or (head.upos == "NOUN" and (head.lemma or "").lower()
                                        in first_words("role_nouns.txt"))
        # "Nearly eight in 10 Democratic voters overall said" parsed with "voters" under the
        # number: the share speaks, as a poll's respondents
        share = head.upos == "NUM" and current.deprel == "nmod"
        if not (role or share):
            break
        current = _phrase_head(sentence, head)
    return current


def _agent_owner(sentence: Sentence, word: Word) -> Word | None:
    """"A memo seen by Reuters said …" parsed with no subject for "said": the agent of a
    participle describes the document that speaks (the memo), it is not the speaker ("a
    warehouse owned by Delmar Co., Fire Chief Alan Brooks said" has no document)."""
    agent = _phrase_head(sentence, word)
    participle = sentence.head_of(agent) if agent.deprel == "obl:agent" else None
    if participle is None or participle.deprel != "acl" or participle.xpos != "VBN":
        return None
    owner = sentence.head_of(participle)
    if owner is None or owner.index > participle.index or \
            (owner.lemma or owner.text).lower() not in word_list("document_nouns.txt"):
        return None
    return _phrase_head(sentence, owner)


def nearest_subject(sentence: Sentence, verb: Word,
                     allowed: set[int] | None = None) -> Word | None:
    """When the parse gives a cue no subject: the noun just before it ("Kupchan, however,
    noted", "Sen. David Perdue (R-Ga.) said"), or just after it in the inverted order
    ("…,” said the spokesman")."""
    skip = {"ADV", "AUX", "PART"}
    index = verb.index - 1
    steps = 0
    while index >= 1 and steps < 8:
        word = sentence.word(index)
        steps += 1
        if allowed is not None and index not in allowed:
            break
        if word.text == ")":
            # A party label or aside: "(R-Ga.)", "(D-N.C.)".
            opening = next((w.index for w in reversed(sentence.words[:index - 1])
                            if w.text == "("), None)
            if opening is None:
                break
            index = opening - 1
            continue
        if word.upos in skip or word.text in (",", "—", "–"):
            index -= 1
            continue
        if can_speak(word):
            # "“…,” Melanne Verveer, who served as … during the Clinton administration, told
            # CBS News": a noun closing a relative clause is not the one who speaks
            return _relative_clause_owner(sentence, word) or _agent_owner(sentence, word) or \
                _postmodified_owner(sentence, word) or _participle_owner(sentence, word) or \
                _described_head(sentence, _phrase_head(sentence, word))
        described = _described_noun(sentence, word, verb.index)
        if described is not None:
            return _participle_owner(sentence, described) or described
        break
    # an infinitive never inverts ("…,” said the spokesman"): "he was the first one to say
    # …" is said by the subject it hangs from, and "needing to mention the author" has its
    # object after it
    if any(c.deprel == "mark" and c.text.lower() == "to" for c in sentence.children(verb)):
        return _controlling_subject(sentence, verb)
    if verb.index < len(sentence.words):
        for word in sentence.words[verb.index:verb.index + 6]:
            if allowed is not None and word.index not in allowed:
                break
            if word.text.lower() in time_words() or word.upos in ("ADP", "ADV") or \
                    word.text in (",",):
                continue
            if can_speak(word):
                head = _phrase_head(sentence, word)
                governor = sentence.head_of(head)
                before = sentence.word(verb.index - 1).text if verb.index > 1 else ""
                if head.relation in ("obj", "iobj") and head.head == verb.index and \
                        head.upos != "PRON" and before != "," and before not in DASHES and \
                        not any(ch in QUOTE_CHARS or ch == "'" for ch in before):
                    return None   # "… and described the crew as …": the object, not a speaker
                if head.deprel.startswith("nsubj") and governor is not None and \
                        governor.deprel == "ccomp" and governor.head == verb.index:
                    # "the minister acknowledged … but said his department had hired …" (the
                    # conjunct hung elsewhere): not the subject of what was said
                    return _conjoined_verbs_subject(sentence, verb) or head
                return head
            if word.upos not in ("DET", "ADJ", "NUM"):
                break
    return None


def _conjoined_verbs_subject(sentence: Sentence, verb: Word) -> Word | None:
    """"…, the minister acknowledged the result was … but said …": a cue joined by "but" or
    "and" takes the subject of the nearest verb before it that has one."""
    if not any(c.deprel == "cc" and c.text.lower() in ("and", "but")
               for c in sentence.children(verb)):
        return None
    for word in reversed(sentence.words[:verb.index - 1]):
        if word.upos != "VERB" or word.deprel not in ("root", "conj", "parataxis"):
            continue              # not "the results had slipped", a clause of what was said
        subject = next((c for c in sentence.children(word) if c.deprel == "nsubj"), None)
        if subject is not None:
            return subject if can_speak(subject) and subject.index < word.index else None
    return None


def _controlling_subject(sentence: Sentence, verb: Word) -> Word | None:
    """The subject of the nearest clause above an infinitive cue ("he was the first one to
    say …" → "he"), if it can speak."""
    current = verb
    for _ in range(3):
        head = sentence.head_of(current)
        if head is None:
            return None
        subjects = [c for c in sentence.children(head) if c.deprel in SUBJECT_RELATIONS
                    and c.index < verb.index]
        if subjects:
            return subjects[0] if can_speak(subjects[0]) else None
        current = head
    return None


def _phrase_head(sentence: Sentence, word: Word) -> Word:
    """Climb from a word to the head of its noun phrase (through name and modifier links)."""
    current = word
    for _ in range(4):
        head = sentence.head_of(current)
        if head is None or current.deprel not in ("flat", "flat:name", "compound", "amod",
                                                  "det", "nmod:poss", "nummod"):
            break
        if head.upos not in ("NOUN", "PROPN"):
            break
        current = head
    return current


def positional_content(sentence: Sentence, verb: Word, speaker: list[Word]) -> list[Word]:
    """Reported content the parse missed, found by position:

    - "reporting that …", "said in a statement that …": from "that" to the end of the sentence;
    - "said: …": from the colon to the end;
    - "said the plan would fail": a clause right after the cue, to the end;
    - "…, officials said." / "…, said Keller, a hydrologist …": the sentence before the comma
      that precedes the cue phrase.
    """
    words = sentence.words
    end = len(words)
    # "…,” said Alan Krueger, who advised the campaign": what comes before a relative clause
    # with its own relative pronoun is no report of its cue
    relative = verb.deprel == "acl:relcl" and any(
        c.deprel.startswith("nsubj") and c.text.lower() in RELATIVE_PRONOUNS
        for c in sentence.children(verb))
    while end > 0 and words[end - 1].upos == "PUNCT" and words[end - 1].text not in QUOTE_CHARS:
        end -= 1
    speaker_ids = {w.index for w in speaker}
    # "claiming his third victory", "maintains a commanding lock", "added another title":
    # a cue with an object of its own (not a hearer's) reports no clause the parse missed.
    objects = [c for c in sentence.children(verb) if c.deprel == "obj" and c.index > verb.index
               and c.text.lower() not in time_words() and c.index not in speaker_ids
               and c.upos != "PROPN"]
    transitive = bool(objects) and (verb.lemma or "").lower() not in HEARER_VERBS
    for word in words[verb.index:min(end, verb.index + 8)]:
        if word.text.lower() == "that" and word.upos in ("SCONJ", "PRON", "DET"):
            if transitive and word.index > objects[0].index:
                break
            if (word.upos != "SCONJ" and word.index < end and
                    words[word.index].text.lower() == "of") or word.deprel == "det":
                break         # "that of first dude", "that same day": no clause
            return words[word.index - 1:end]
        if word.text == ":":
            return words[word.index:end]
        if word.upos in ("VERB", "AUX") or word.text in (".", ";", ","):
            break
    # "…, said Priya Menon, a partner …": the clause after the cue is its speaker's.
    inverted = verb.index > 1 and words[verb.index - 2].text in (",", "—") and bool(
        speaker) and speaker[0].index > verb.index
    # "said Monday the plan would fail": a time right after the cue is not the clause's start
    after = verb.index
    while after < end and words[after].text.lower() in time_words():
        after += 1
    if after < end and not inverted and \
            verb.lemma.lower() not in ("tell", "ask", "inform", "assure", "advise"):
        first = words[after]
        rest = words[after:end]
        # "found [ways to make the code work for them]", "claiming [his third victory] in the
        # contests known as Super Tuesday": for verbs whose object is seldom speech, an
        # object means no clause follows
        if first.index not in speaker_ids and (first.upos in (
                "DET", "PRON", "PROPN", "NOUN", "NUM", "ADJ") or _quantity_ahead(rest)) and any(
                _predicate(w) for w in rest[1:]) and not (
                transitive and (verb.lemma or "").lower() in OBJECT_NOT_SPEECH):
            return rest
    if relative or transitive or _passive_without_agent(sentence, verb) or \
            _oblique_not_speech(sentence, verb):
        # "Though Sanders is gaining ground, Clinton maintains a commanding lock …", "With
        # 214 delegates at stake, Clinton is assured of winning", "Clinton, who added to her
        # delegate lead": the clause before the comma is not what this verb reports
        return []
    # The cue phrase closes the sentence: find the comma just before it (or before its speaker).
    phrase_start = min([verb.index] + [i for i in speaker_ids if i < verb.index])
    if phrase_start > 2 and words[phrase_start - 2].text in (",", "—"):
        tail = [w for w in words[verb.index:_next_participle_clause(words, verb.index, end)]
                if w.index not in speaker_ids and w.upos != "PUNCT"]
        before = words[:phrase_start - 2]
        # "…, the company said on Monday, weeks after its largest customer canceled …"
        if (len(tail) <= 12 or (speaker and speaker[0].index > verb.index)) and any(
                w.upos in ("VERB", "AUX") for w in before):
            return before
    comma = max((w.index for w in words[:verb.index - 1] if w.text == ","), default=None)
    if comma is not None and comma > 2 and not any(
            w.upos == "VERB" for w in words[comma:verb.index - 1]):
        tail = [w for w in words[verb.index:end] if w.upos != "PUNCT"]
        if len(tail) <= 6:
            return words[:comma - 1]
    return []


# cue verbs whose direct object is seldom what was said: "found ways", "claimed a victory",
# "maintains a lead", "added a title", "boasts a 45-point lead"
OBJECT_NOT_SPEECH = frozenset({"find", "claim", "maintain", "add", "boast"})


def _predicate(word: Word) -> bool:
    """A verb that can carry a clause: not a participle modifying a noun ("murder charges
    [the following year]" has no clause after "charges")."""
    return word.upos in ("VERB", "AUX") and word.deprel != "amod"


def _quantity_ahead(words: list[Word]) -> bool:
    """"reported [at least six] planes filled the skies": a clause may open with a quantity."""
    return len(words) > 2 and words[0].text.lower() in ("at", "about", "nearly", "almost",
                                                         "roughly", "more", "fewer") and \
        any(w.upos == "NUM" for w in words[1:3])


def _passive_without_agent(sentence: Sentence, verb: Word) -> bool:
    """"Clinton is assured of winning": a passive cue that names no speaker."""
    children = sentence.children(verb)
    return any(c.deprel in ("aux:pass", "nsubj:pass") for c in children) and not any(
        c.deprel == "obl:agent" for c in children)


def _oblique_not_speech(sentence: Sentence, verb: Word) -> bool:
    """"who added to her delegate lead", "wins that assure her of 318 delegates": adding to
    something, assuring someone of something is not speech."""
    prepositions = OBLIQUE_NOT_SPEECH.get((verb.lemma or "").lower())
    return prepositions is not None and bool(_obliques(sentence, verb, prepositions))


OBLIQUE_NOT_SPEECH = {"add": ("to",), "assure": ("of",), "reassure": ("of",)}


def _obliques(sentence: Sentence, verb: Word, prepositions: tuple[str, ...]) -> list[Word]:
    """The verb's oblique dependents introduced by one of ``prepositions``."""
    return [c for c in sentence.children(verb) if c.relation == "obl" and any(
        g.deprel == "case" and g.text.lower() in prepositions for g in sentence.children(c))]


def _next_participle_clause(words: list[Word], after: int, end: int) -> int:
    """Where a participle clause of its own starts after the cue phrase ("…, she said,
    referencing the bank's drive …", "…, he said, adding that …"): the cue phrase's tail
    stops there.  Returns ``end`` when there is none."""
    for word in words[after:end - 1]:
        if word.text == "," and words[word.index].xpos == "VBG":
            return word.index - 1
    return end


def verb_content(sentence: Sentence, verb: Word) -> list[Word]:
    children = sentence.children(verb)
    content: list[Word] = []
    described = described_speaker_clause(sentence, verb)
    if _final_cue_subject(sentence, verb) is not None:
        comma = next(w.index for w in reversed(sentence.words[:verb.index - 1]) if w.text == ",")
        return without_dateline(trim_punct(sentence.words[:comma - 1]))
    inverted = trailing_inverted_speaker(sentence, verb)
    if inverted is not None:
        # what came before the comma is what was said
        head = sentence.head_of(verb)
        cue_phrase = {w.index for w in sentence.subtree(verb)}
        return [w for w in sentence.subtree(head) if w.index not in cue_phrase]   # type: ignore[arg-type]
    for child in children:
        if child.deprel in CONTENT_RELATIONS and not _misattached_relative(sentence, verb, child) \
                and not _fronted_question(verb, child) and child is not described and \
                child != _age_read_as_clause(sentence, verb) and \
                not _participle_after_subject(sentence, verb, child):
            content.extend(sentence.subtree(child))
    if content:
        content.extend(_stray_subject(sentence, verb, min(w.index for w in content)))
        if _subject_given_to_clause(sentence, verb) is not None:
            # the reported clause's own subject, which the parse hung on the cue
            content.extend(w for c in children if c.deprel in SUBJECT_RELATIONS and
                           c.index > verb.index for w in sentence.subtree(c))
    if not content:
        for child in children:
            # "He said: the plan will fail." / "told reporters: “...”"
            if child.relation == "parataxis" and _colon_between(sentence, verb, child):
                content.extend(sentence.subtree(child))
    if not content:
        content = _clause_read_as_relative(sentence, verb) or \
            _that_clause_read_as_relative(sentence, verb) or \
            _clause_of_the_medium(sentence, verb)
    if not content and verb.relation == "parataxis" and \
            not _oblique_not_speech(sentence, verb):
        # "The plan, he said, will fail." / "“...,” Kupchan said." The cue is inserted into
        # the reported clause, which is everything under its head except the cue's own phrase.
        head = sentence.head_of(verb)
        if head is not None:
            cue_phrase = {w.index for w in sentence.subtree(verb)}
            content = [w for w in sentence.subtree(head) if w.index not in cue_phrase]
    return sorted(set(content), key=lambda w: w.index) if content else []


def _participle_after_subject(sentence: Sentence, verb: Word, clause: Word) -> bool:
    """"The complaint, brought on behalf of 14 families, says …" parsed with "brought" as
    the reported clause: a participle set off by commas right after the cue's subject
    describes the subject."""
    if clause.index > verb.index or clause.xpos not in ("VBN", "VBD") or clause.index < 3:
        return False
    words = sentence.subtree(clause)
    before = sentence.word(words[0].index - 1)
    subject = sentence.word(words[0].index - 2)
    return before.text == "," and subject.deprel in SUBJECT_RELATIONS and \
        subject.head == verb.index and not any(c.relation == "nsubj"
                                              for c in sentence.children(clause))


def _stray_subject(sentence: Sentence, verb: Word, content_start: int) -> list[Word]:
    """"A nurse, whom …, said staff learned of the closure": the parser gives the cue a second
    subject right after it, which is the reported clause's own subject."""
    children = sentence.children(verb)
    if not any(c.deprel.startswith("nsubj") and c.index < verb.index for c in children):
        return []
    for child in children:
        if child.deprel.startswith("nsubj") and verb.index < child.index < content_start:
            words = sentence.subtree(child)
            if words[-1].index == content_start - 1:
                return words
    return []


def _fronted_question(verb: Word, child: Word) -> bool:
    """"Asked if the comments had rattled them, Ryan said, “Sure.”" parsed with "Asked" as
    the reported clause: the question put to the speaker is not what the speaker said."""
    return child.index < verb.index and child.xpos in ("VBN", "VBD") and \
        (child.lemma or "").lower() == "ask" and child.index <= 2


# Verbs whose object is the hearer: "told the jury she had left", "assured investors the
# fund was safe".
HEARER_VERBS = frozenset({"tell", "assure", "inform", "warn", "remind", "promise", "advise"})


def _clause_read_as_relative(sentence: Sentence, verb: Word) -> list[Word]:
    """"told the jury she had left the building": a compact parser reads the reported clause,
    which has no "that", as a relative clause of the hearer ("the jury [whom] she had left").
    A clause with a subject of its own and no relative word, right after the hearer, is the
    content."""
    if (verb.lemma or "").lower() not in HEARER_VERBS:
        return []
    for child in sentence.children(verb):
        if child.relation not in ("obj", "iobj"):
            continue
        for clause in sentence.children(child):
            if clause.deprel != "acl:relcl":
                continue
            subjects = [c for c in sentence.children(clause) if c.deprel.startswith("nsubj")]
            if not subjects or any(s.text.lower() in RELATIVE_PRONOUNS for s in subjects):
                continue
            if any(c.text.lower() in RELATIVE_PRONOUNS or c.deprel == "mark"
                   for c in sentence.children(clause) if c.index < clause.index):
                continue
            words = sentence.subtree(clause)
            if words and words[0].index == child.index + 1:
                return words
    return []


def _clause_of_the_medium(sentence: Sentence, verb: Word) -> list[Word]:
    """"said in a video posted online that Sable Crest was “deeply sorry”" parsed with the
    "that" clause on "posted": the clause of a participle describing the cue's medium (an
    oblique after the cue) is what the cue reports."""
    for child in sentence.children(verb):
        if child.relation != "obl" or child.index < verb.index:
            continue
        for participle in sentence.children(child):
            if participle.relation != "acl" or participle.xpos != "VBN":
                continue
            for clause in sentence.subtree(participle):
                marks = [c for c in sentence.children(clause)
                         if c.deprel == "mark" and c.text.lower() == "that"]
                if clause.relation == "ccomp" and marks:
                    return [w for w in sentence.subtree(clause) if w.index >= marks[0].index]
    return []


def _relative_that(sentence: Sentence, noun: Word, clause: Word, mark: Word) -> bool:
    """"the $16,420 that Mr. Trump raised": "that" right after its noun's phrase, in a clause
    whose verb lacks the object "that" stands for (no object, complement, copula or passive
    of its own), is a relative pronoun the tagger called a conjunction."""
    inside = {w.index for w in sentence.subtree(clause)}
    before = [w.index for w in sentence.subtree(noun) if w.index < mark.index and
              w.index not in inside]
    adjacent = bool(before) and max(before) + 1 == mark.index
    complete = any(c.relation in ("obj", "ccomp", "xcomp", "cop") or c.deprel == "aux:pass"
                   for c in sentence.children(clause))
    return adjacent and not complete


def _that_clause_read_as_relative(sentence: Sentence, verb: Word) -> list[Word]:
    """"She testified before a House subcommittee in January that shelters were emptying"
    parsed with the "that" clause as a relative clause of "subcommittee": a clause opened by
    the conjunction "that" (not the pronoun) with a subject of its own, on the cue's
    oblique or object, is what was said."""
    for child in sentence.children(verb):
        if child.relation not in ("obl", "obj", "iobj") or child.index < verb.index:
            continue
        for clause in sentence.children(child):
            if clause.deprel != "acl:relcl":
                continue
            marks = [c for c in sentence.children(clause)
                     if c.deprel == "mark" and c.text.lower() == "that" and c.upos == "SCONJ"]
            subjects = [c for c in sentence.children(clause) if c.deprel.startswith("nsubj")]
            # not "the $16,420 that Mr. Trump raised" (a relative clause right after its
            # noun) nor "complaints … that China's surpluses …" (the noun's own clause)
            if marks and subjects and not any(
                    s.text.lower() in RELATIVE_PRONOUNS for s in subjects) and \
                    marks[0].index < subjects[0].index and \
                    sentence.word(marks[0].index - 1).text != "," and \
                    not _relative_that(sentence, child, clause, marks[0]) and \
                    (child.lemma or child.text).lower() not in word_list("content_nouns.txt"):
                return [w for w in sentence.subtree(clause) if w.index >= marks[0].index]
    return []


def _misattached_relative(sentence: Sentence, verb: Word, child: Word) -> bool:
    """"A nurse, who asked not to be named, said …" parsed with "asked" as a second clausal
    complement of "said": a clause before the verb whose subject is "who" describes the
    speaker; it is not what was said. So is one opened by "whom" ("A nurse, whom CBC News has
    agreed not to identify, said …")."""
    return child.index < verb.index and any(
        (c.deprel.startswith("nsubj") or c.deprel in ("obj", "obl") and c.index < child.index)
        and c.text.lower() in RELATIVE_PRONOUNS
        for c in sentence.children(child))


def _colon_between(sentence: Sentence, verb: Word, child: Word) -> bool:
    low, high = sorted((verb.index, child.index))
    return any(w.text in (":", "—", "–") for w in sentence.words[low:high - 1])
