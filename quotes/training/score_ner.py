"""Per-type precision, recall and F1 of a NER model on GUM's named mentions (MODEL_CARD.md).

    python -m quotes.training.score_ner [--ud-dir ../shared/ud] [--model PATH] [--split test]

Gold tokens (GUM's surface tokens), names as in the training data (quotes/training/ner_data.py).
Two rows per type: the model alone, and the model with the lexicon corrections the speaker
resolver applies (quotes/speakers/names.py ``checked_type``: known places, plurals, listed
given names).
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from .gum import read_documents
from .ner_data import sentence_tags
from ..parse.nlp import NER_PRETRAIN_FILE
from .recipe import DEFAULT_UD_DIR, MODEL_DIR

TYPES = ("PERSON", "ORG", "LOC", "MISC")
# GUM's person type covers groups of people ("the Libertarians", "Texans"): the resolver's
# plural names of people ("group") are its persons
TO_TAG = {"person": "PERSON", "organization": "ORG", "place": "LOC", "other": "MISC",
          "group": "PERSON"}


def spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """(first, last, type) of the BIOES (or BIO) tagged names."""
    found, start, kind = set(), None, None
    for i, tag in enumerate(tags + ["O"]):
        prefix, _, label = tag.partition("-")
        if start is not None and (prefix in ("O", "B", "S") or label != kind):
            found.add((start, i - 1, kind))
            start = None
        if prefix == "S":
            found.add((i, i, label))
        elif prefix == "B" or (prefix in ("I", "E") and start is None):
            start, kind = i, label
        if prefix == "E" and start is not None:
            found.add((start, i, kind))
            start = None
    return found


def prf(gold: Counter, pred: Counter, hits: Counter, kind: str) -> dict[str, float]:
    p = hits[kind] / pred[kind] if pred[kind] else 0.0
    r = hits[kind] / gold[kind] if gold[kind] else 0.0
    return {"precision": round(100 * p, 2), "recall": round(100 * r, 2),
            "f1": round(200 * p * r / (p + r), 2) if p + r else 0.0, "gold": gold[kind]}


def score(model_path: Path, conllu: Path) -> dict[str, dict]:
    """Scores of the model at ``model_path`` (with its fixed vectors, ``ner_pretrain.pt``
    beside it, when there are any) on one GUM file."""
    import stanza

    vectors = model_path.parent / NER_PRETRAIN_FILE
    pretrain = str(vectors) if vectors.is_file() else None

    from ..parse.document import Word
    from ..speakers.names import checked_type

    nlp = stanza.Pipeline(lang="en", processors="tokenize,ner", tokenize_pretokenized=True,
                          dir=str(MODEL_DIR),
                          ner_model_path=str(model_path), ner_pretrain_path=pretrain,
                          download_method=None, logging_level="WARN", use_gpu=False)
    sentences = [s for d in read_documents(conllu) for s in d.sentences]
    gold_tags = [[tag for _, tag in sentence_tags(s)] for s in sentences]
    tokens = [[t.form for t in s.tokens] for s in sentences]
    doc = nlp(tokens)
    counts = {name: (Counter(), Counter(), Counter()) for name in ("model", "with lexicons")}
    for sentence, tags, predicted in zip(sentences, gold_tags, doc.sentences):
        gold = spans(tags)
        model = spans([t.ner for t in predicted.tokens])
        corrected = set()
        for first, last, kind in model:
            words = []
            for token in sentence.tokens[first:last + 1]:
                words += [w for w in sentence.words if token.first <= w.index <= token.last]
            words = [Word(w.index, w.form, w.form.lower(), w.upos, w.xpos, w.feats, w.head,
                          w.deprel, 0, len(w.form)) for w in words]
            text = " ".join(w.text for w in words)
            offset = 0
            placed = []
            for w in words:       # offsets into the joined text, as checked_type reads them
                placed.append(Word(w.index, w.text, w.lemma, w.upos, w.xpos, w.feats, w.head,
                                   w.deprel, offset, offset + len(w.text)))
                offset += len(w.text) + 1
            checked = checked_type({"PERSON": "person", "ORG": "organization", "LOC": "place",
                                    "MISC": "other"}.get(kind, "other"), placed, text)
            label = TO_TAG.get(checked or "", None)
            if label:
                corrected.add((first, last, label))
        for name, found in (("model", model), ("with lexicons", corrected)):
            g, p, h = counts[name]
            g.update(k for _, _, k in gold)
            p.update(k for _, _, k in found)
            h.update(k for _, _, k in gold & found)
    result = {}
    for name, (g, p, h) in counts.items():
        result[name] = {kind: prf(g, p, h, kind) for kind in TYPES}
        total = Counter({"all": sum(g.values())}), Counter({"all": sum(p.values())}), \
            Counter({"all": sum(h.values())})
        result[name]["all"] = prf(*total, "all")
    return result


def main(argv: list[str] | None = None) -> None:
    cli = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    cli.add_argument("--ud-dir", type=Path, default=DEFAULT_UD_DIR)
    cli.add_argument("--model", type=Path, default=MODEL_DIR / "ner.pt")
    cli.add_argument("--split", default="test", choices=("train", "dev", "test"))
    args = cli.parse_args(argv)
    result = score(args.model, args.ud_dir / f"en_gum-ud-{args.split}.conllu")
    for name, rows in result.items():
        print(f"== GUM {args.split}, {name}")
        print(f"{'type':8} {'P':>7} {'R':>7} {'F1':>7} {'gold':>6}")
        for kind, row in rows.items():
            print(f"{kind:8} {row['precision']:7.2f} {row['recall']:7.2f} {row['f1']:7.2f} "
                  f"{row['gold']:6}")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
