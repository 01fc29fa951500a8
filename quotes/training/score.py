"""Score a model with Stanza's CoNLL 2018 scorer on UD test sets (figures for MODEL_CARD.md).

    python -m quotes.training.score [--ud-dir ../shared/ud] [--model bundled] [--out scores.json]

For each test set: end to end from raw text (tokens, sentences, words, UPOS, UAS, LAS F1),
and from gold tokenization (UPOS, UAS, LAS); plus parsing speed end to end.
"""
from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path

from .recipe import DEFAULT_UD_DIR

TEST_SETS = ("en_ewt", "en_gum")
END_TO_END = ("Tokens", "Sentences", "Words", "UPOS", "UAS", "LAS")
GOLD_TOKENS = ("UPOS", "UAS", "LAS")


def _gold_sentences(path: Path) -> list[list[str]]:
    """Gold syntactic words of each sentence (multi-word tokens already split)."""
    sentences, words = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if words:
                sentences.append(words)
            words = []
        elif not line.startswith("#"):
            cols = line.split("\t")
            if cols[0].isdigit():
                words.append(cols[1])
    if words:
        sentences.append(words)
    return sentences


def _raw_text(path: Path) -> str:
    from stanza.utils.datasets import conllu_to_text

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "raw.txt"
        conllu_to_text.main([str(path), str(out)])
        return out.read_text(encoding="utf-8")


def _score(gold: Path, doc) -> dict:
    """Stanza's scorer (the CoNLL 2018 shared task evaluation, as Stanza ships it)."""
    from stanza.models.common.utils import ud_scores
    from stanza.utils.conll import CoNLL

    with tempfile.TemporaryDirectory() as tmp:
        system = Path(tmp) / "system.conllu"
        CoNLL.write_doc2conll(doc, str(system))
        results = ud_scores(str(gold), str(system))
    return {name: round(100 * results[name].f1, 2) for name in END_TO_END}


def _restore_surface(doc, text: str) -> None:
    """Tokens as the text spells them: Stanza writes "<UNK>" for tokens longer than it
    handles (long URLs), and the pipeline hides abbreviation periods from the tokenizer
    ("Sen·"); put the characters back so the scorer can align the files."""
    for sentence in doc.sentences:
        for token in sentence.tokens:
            if token.start_char is None:
                continue
            surface = text[token.start_char:token.end_char]
            if token.text != surface and (token.text == "<UNK>" or len(token.words) == 1):
                token.text = surface
                for word in token.words:
                    word.text = surface


def score_model(model: str, ud_dir: Path) -> dict:
    from ..parse.nlp import load_pipeline, mask_abbreviations

    pipeline = load_pipeline(model)
    pretokenized = load_pipeline(model, tokenize_pretokenized=True).stanza
    report: dict = {"model": pipeline.info.id, "sets": {}}
    for name in TEST_SETS:
        gold = ud_dir / f"{name}-ud-test.conllu"
        if not gold.exists():
            continue
        text = _raw_text(gold)
        started = time.perf_counter()
        # the text as the product feeds it to Stanza (same length, so offsets hold)
        doc = pipeline.stanza(mask_abbreviations(text))
        seconds = time.perf_counter() - started
        _restore_surface(doc, text)
        words = sum(len(s.words) for s in doc.sentences)
        entry = {"end_to_end": _score(gold, doc),
                 "words_per_second": round(words / seconds)}
        gold_doc = pretokenized(_gold_sentences(gold))
        entry["gold_tokens"] = {k: v for k, v in _score(gold, gold_doc).items()
                                if k in GOLD_TOKENS}
        report["sets"][name] = entry
    return report


def main(argv: list[str] | None = None) -> None:
    cli = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    cli.add_argument("--ud-dir", type=Path,
                     default=Path(os.environ.get("QUOTES_UD_DIR", DEFAULT_UD_DIR)))
    cli.add_argument("--model", default="bundled")
    cli.add_argument("--out", type=Path, default=None)
    args = cli.parse_args(argv)
    report = score_model(args.model, args.ud_dir)
    text = json.dumps(report, indent=2)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
