"""Write ``quotes/data/source_nouns.txt``: the common nouns that name people, groups and
organizations in GUM's entity layer (``python -m quotes.training.source_nouns``).

A speaker the parse found whose head is a common noun outside this list and the role,
company, organization and document lists ("the debate said", "his full tax returns show")
is not a source at all but a misread subject; the audit must not count it as an unnamed one.
GUM train only: its test and dev documents stay unseen by the coreference evaluation.
"""
from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from .gum import read_documents
from .recipe import DEFAULT_UD_DIR

TARGET = Path(__file__).resolve().parents[1] / "data" / "source_nouns.txt"
SOURCE_TYPES = ("person", "organization")
HEADER = """\
# Common nouns that name people, groups and organizations (lemmas, lower case): the heads of
# the person and organization mentions of UD English-GUM train (CC BY 4.0, Zeldes 2017),
# written by `python -m quotes.training.source_nouns`.  A speaker headed by a common noun that
# is neither here nor in role_nouns, company_nouns, organization_heads or document_nouns is no
# source ("the debate said"): its attribution gets no anonymity class.
"""


def source_nouns(conllu: Path, minimum: int = 1) -> list[str]:
    """Lemmas of the NOUN heads of person and organization mentions, seen ``minimum`` times."""
    counts: Counter = Counter()
    for document in read_documents(conllu):
        for sentence in document.sentences:
            for mention in sentence.mentions:
                head = sentence.head_of(mention)
                if mention.etype in SOURCE_TYPES and head.upos == "NOUN" and head.lemma.isalpha():
                    counts[head.lemma.lower()] += 1
    return sorted(w for w, n in counts.items() if n >= minimum)


def main(argv: list[str] | None = None) -> None:
    cli = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    cli.add_argument("--ud-dir", type=Path, default=DEFAULT_UD_DIR)
    cli.add_argument("--output", type=Path, default=TARGET)
    args = cli.parse_args(argv)
    words = source_nouns(args.ud_dir / "en_gum-ud-train.conllu")
    args.output.write_text(HEADER + "".join(f"{w}\n" for w in words), encoding="utf-8")
    print(f"{len(words)} nouns written to {args.output}")


if __name__ == "__main__":
    main()
