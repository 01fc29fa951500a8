"""Train the bundled compact English Stanza models from the UD treebanks (``make model``).

Every stage uses Stanza's own trainer, is sized for a 2-core CPU, logs its progress, skips
itself when its model already exists in the package, and can be run alone::

    python -m quotes.training.recipe [--ud-dir ../shared/ud] [STAGE ...]

Stages, in order: prepare, tokenize, mwt, lemma, pos, depparse, ner.  Training data is the
EWT and GUM train splits concatenated (with Stanza's punctuation augmentation, which
teaches the tokenizer curly quotes and apostrophes); early stopping uses EWT dev.  The
parser trains on the train and dev files re-tagged by the bundled tagger, so it learns
from the tags it will see at run time rather than gold ones (as Stanza's own recipe does).
The NER model trains on GUM's named mentions, with copies whose names are swapped for
others of their type (quotes/training/ner_data.py), early-stopped on GUM dev; its fixed word
vectors are name-lexicon features and GloVe 6B 50d vectors (quotes/training/name_vectors.py),
installed beside it.
"""
from __future__ import annotations

import argparse
import json
import logging
import math
import os
import shutil
import sys
import time
from pathlib import Path

from ..parse.nlp import NER_PRETRAIN_FILE

LOG = logging.getLogger("quotes.training")

REPO_ROOT = Path(__file__).resolve().parents[2]
MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "en"
DEFAULT_UD_DIR = REPO_ROOT.parent / "shared" / "ud"
DEFAULT_WORK_DIR = REPO_ROOT / "build" / "training"
SHORTHAND = "en_quotes"
TREEBANKS = ("en_ewt", "en_gum")
DEV_TREEBANK = "en_ewt"

STAGES = ("prepare", "tokenize", "mwt", "lemma", "pos", "depparse", "ner")

# Network sizes that train at a usable rate on 2 CPU cores (see MODEL_CARD.md).
TOKENIZE_ARGS = ["--steps", "9000", "--eval_steps", "500", "--report_steps", "100"]
# A dictionary alone cannot split possessives it never saw ("Wei's" -> "Wei" + "'s", a
# multi-word token in EWT and GUM); the trained splitter (Stanza's character classifier, since
# every piece is a substring of its token) can, with the dictionary still tried first.
MWT_ARGS = ["--num_epoch", "30", "--log_step", "200"]
POS_ARGS = [
    "--no_pretrain", "--hidden_dim", "128", "--char_hidden_dim", "100",
    "--deep_biaff_hidden_dim", "128", "--composite_deep_biaff_hidden_dim", "64",
    "--word_emb_dim", "75", "--tag_emb_dim", "32", "--batch_size", "32", "--share_hid",
    "--dropout", "0.3", "--word_dropout", "0.15",
    "--max_steps", "16000", "--eval_interval", "1000", "--fix_eval_interval",
    "--max_steps_before_stop", "4000", "--log_step", "200",
]
DEPPARSE_ARGS = [
    "--no_pretrain", "--hidden_dim", "128", "--char_hidden_dim", "100",
    "--deep_biaff_hidden_dim", "128", "--deep_biaff_output_dim", "100",
    "--word_emb_dim", "64", "--tag_emb_dim", "32", "--num_layers", "2",
    "--dropout", "0.2", "--batch_size", "2000", "--max_steps", "6000", "--eval_interval", "500",
    "--max_steps_before_stop", "1500", "--second_optim_start_step", "4500",
    "--log_step", "100",
]

# The NER tagger learns GUM's named mentions (quotes/training/ner_data.py).  Its fixed
# embeddings are the name-lexicon features and GloVe vectors of
# quotes/training/name_vectors.py (word_emb_dim is theirs, 59), the character model carries
# unseen names, and word dropout teaches it to.
NER_ARGS = [
    "--hidden_dim", "256", "--char_hidden_dim", "100",
    "--char_emb_dim", "64", "--word_dropout", "0.1", "--dropout", "0.4",
    "--batch_size", "32", "--max_steps", "7500", "--eval_interval", "500",
    "--max_steps_no_improve", "3000", "--log_step", "100",
]
NER_SPLITS = ("train", "dev", "test")

MODEL_FILES = {
    "tokenize": "tokenize.pt",
    "mwt": "mwt.pt",
    "lemma": "lemma.pt",
    "pos": "pos.pt",
    "depparse": "depparse.pt",
    "ner": "ner.pt",
}


class Paths:
    """File names of the prepared data inside the work directory."""

    def __init__(self, work_dir: Path, ud_dir: Path) -> None:
        self.work = work_dir
        self.ud = ud_dir
        self.data = work_dir / "data"
        self.saved = work_dir / "saved"

    def ud_file(self, treebank: str, split: str) -> Path:
        return self.ud / f"{treebank}-ud-{split}.conllu"

    def gold(self, split: str) -> Path:
        return self.data / f"{SHORTHAND}.{split}.gold.conllu"

    def txt(self, split: str) -> Path:
        return self.data / f"{SHORTHAND}.{split}.txt"

    def labels(self, split: str) -> Path:
        return self.data / f"{SHORTHAND}-ud-{split}.toklabels"

    def retagged(self, split: str) -> Path:
        return self.data / f"{SHORTHAND}.{split}.retagged.conllu"

    def mwt_json(self, split: str) -> Path:
        return self.data / f"{SHORTHAND}-ud-{split}-mwt.json"

    def ner(self, split: str) -> Path:
        return self.data / f"{SHORTHAND}.{split}.ner.json"

    @property
    def name_vectors(self) -> Path:
        return self.data / f"{SHORTHAND}.name_vectors.pt"


def _model_path(stage: str) -> Path:
    return MODEL_DIR / MODEL_FILES[stage]


def prepare(paths: Paths) -> None:
    """Concatenate EWT+GUM train (augmented) and EWT dev into Stanza's tokenizer formats."""
    from stanza.utils.datasets import conllu_to_text, prepare_tokenizer_data
    from stanza.utils.datasets.prepare_tokenizer_treebank import (
        augment_punct,
        write_augmented_dataset,
    )

    if paths.labels("dev").exists() and paths.gold("train").exists():
        LOG.info("prepare: data already in %s, skipping", paths.data)
        return
    for treebank in TREEBANKS:
        for split in ("train", "dev"):
            if not paths.ud_file(treebank, split).exists():
                raise SystemExit(f"missing treebank file {paths.ud_file(treebank, split)}: "
                                 "pass --ud-dir pointing at the UD English EWT and GUM files")
    paths.data.mkdir(parents=True, exist_ok=True)
    raw_train = paths.data / "raw-train.conllu"
    with raw_train.open("w", encoding="utf-8") as out:
        for treebank in TREEBANKS:
            text = paths.ud_file(treebank, "train").read_text(encoding="utf-8")
            out.write(text.rstrip("\n") + "\n\n")
    write_augmented_dataset(str(raw_train), str(paths.gold("train")), augment_punct)
    shutil.copyfile(paths.ud_file(DEV_TREEBANK, "dev"), paths.gold("dev"))
    for split in ("train", "dev"):
        conllu_to_text.main([str(paths.gold(split)), str(paths.txt(split))])
        prepare_tokenizer_data.main([str(paths.txt(split)), str(paths.gold(split)),
                                     "-o", str(paths.labels(split)),
                                     "-m", str(paths.mwt_json(split))])
    LOG.info("prepare: wrote %s", paths.data)


def _install(saved: Path, stage: str) -> None:
    MODEL_DIR.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(saved, _model_path(stage))
    LOG.info("%s: installed %s (%.1f MB)", stage, _model_path(stage),
             _model_path(stage).stat().st_size / 1e6)


def train_tokenize(paths: Paths) -> None:
    from stanza.models import tokenizer
    from stanza.utils.avg_sent_len import avg_sent_len

    seqlen = str(math.ceil(avg_sent_len(str(paths.labels("train"))) * 3 / 100) * 100)
    save_dir = paths.saved / "tokenize"
    feat_funcs = tokenizer.DEFAULT_FEAT_FUNCS + ["labeled_field", "phone_id", "date_pattern",
                                                 "currency"]
    args = ["--label_file", str(paths.labels("train")), "--txt_file", str(paths.txt("train")),
            "--lang", "en", "--max_seqlen", seqlen, "--mwt_json_file", str(paths.mwt_json("dev")),
            "--dev_txt_file", str(paths.txt("dev")), "--dev_label_file", str(paths.labels("dev")),
            "--dev_conll_gold", str(paths.gold("dev")), "--shorthand", SHORTHAND,
            "--feat_funcs", ",".join(feat_funcs), "--use_mwt",
            "--save_dir", str(save_dir), "--save_name", "tokenize.pt", "--mode", "train"]
    tokenizer.main(args + TOKENIZE_ARGS)
    _install(save_dir / "tokenize.pt", "tokenize")


def train_mwt(paths: Paths) -> None:
    from stanza.models import mwt_expander
    from stanza.utils.max_mwt_length import max_mwt_length

    save_dir = paths.saved / "mwt"
    max_len = max_mwt_length([str(paths.mwt_json("train")), str(paths.mwt_json("dev"))])
    mwt_expander.main(["--train_file", str(paths.gold("train")),
                       "--eval_file", str(paths.gold("dev")), "--gold_file", str(paths.gold("dev")),
                       "--lang", "en", "--shorthand", SHORTHAND, "--mode", "train",
                       "--max_dec_len", str(max_len + 5), *MWT_ARGS,
                       "--save_dir", str(save_dir), "--save_name", "mwt.pt"])
    _install(save_dir / "mwt.pt", "mwt")


def train_lemma(paths: Paths) -> None:
    from stanza.models import lemmatizer

    save_dir = paths.saved / "lemma"
    lemmatizer.main(["--train_file", str(paths.gold("train")), "--eval_file", str(paths.gold("dev")),
                     "--shorthand", SHORTHAND, "--mode", "train", "--dict_only",
                     "--save_dir", str(save_dir), "--save_name", "lemma.pt"])
    _install(save_dir / "lemma.pt", "lemma")


def train_pos(paths: Paths) -> None:
    from stanza.models import tagger

    save_dir = paths.saved / "pos"
    tagger.main(["--train_file", str(paths.gold("train")), "--eval_file", str(paths.gold("dev")),
                 "--lang", "en", "--shorthand", SHORTHAND, "--mode", "train",
                 "--save_dir", str(save_dir), "--save_name", "pos.pt"] + POS_ARGS)
    _install(save_dir / "pos.pt", "pos")


def retag(paths: Paths) -> None:
    """Write train and dev with UPOS, XPOS and features predicted by the bundled tagger."""
    from stanza.models import tagger

    for split in ("train", "dev"):
        target = paths.retagged(split)
        if target.exists() and target.stat().st_mtime > _model_path("pos").stat().st_mtime:
            LOG.info("retag: %s is newer than the tagger, keeping it", target)
            continue
        LOG.info("retag: tagging %s", paths.gold(split))
        tagger.main(["--mode", "predict", "--lang", "en", "--shorthand", SHORTHAND,
                     "--eval_file", str(paths.gold(split)), "--output_file", str(target),
                     "--save_dir", str(MODEL_DIR), "--save_name", MODEL_FILES["pos"],
                     "--no_pretrain", "--batch_size", "500"])


def train_depparse(paths: Paths) -> None:
    from stanza.models import parser

    from ..parse.speedups import install

    install(("decoder",))   # the compiled tree decoder: same trees, much faster dev evaluations

    retag(paths)
    save_dir = paths.saved / "depparse"
    parser.main(["--train_file", str(paths.retagged("train")),
                 "--eval_file", str(paths.retagged("dev")),
                 "--lang", "en", "--shorthand", SHORTHAND, "--mode", "train",
                 "--save_dir", str(save_dir), "--save_name", "depparse.pt"] + DEPPARSE_ARGS)
    _install(save_dir / "depparse.pt", "depparse")


def prepare_ner(paths: Paths) -> None:
    """GUM train, dev and test as Stanza NER files (named mentions, BIOES)."""
    from .name_vectors import write_name_vectors
    from .ner_data import write_augmented_train, write_ner_file

    for split in NER_SPLITS:
        source = paths.ud_file("en_gum", split)
        if not source.exists():
            raise SystemExit(f"missing treebank file {source}: pass --ud-dir pointing at the "
                             "UD English GUM files")
        counts = write_ner_file(source, paths.ner(split))
        LOG.info("ner: %s names in %s: %s", split, paths.ner(split), dict(counts))
    counts = write_augmented_train(paths.ud_file("en_gum", "train"), paths.ner("train-augmented"))
    LOG.info("ner: augmented train names: %s", dict(counts))
    words = write_name_vectors(paths.ud_file("en_ewt", "train"), paths.name_vectors)
    LOG.info("ner: name-lexicon vectors for %d words in %s", words, paths.name_vectors)


def train_ner(paths: Paths) -> None:
    from stanza.models import ner_tagger

    prepare_ner(paths)
    save_dir = paths.saved / "ner"
    ner_tagger.main(["--train_file", str(paths.ner("train-augmented")),
                     "--eval_file", str(paths.ner("dev")),
                     "--shorthand", SHORTHAND, "--mode", "train",
                     "--wordvec_pretrain_file", str(paths.name_vectors),
                     "--save_dir", str(save_dir), "--save_name", "ner.pt"] + NER_ARGS)
    _install(save_dir / "ner.pt", "ner")
    # the model's fixed embeddings, beside it (loaded as Stanza's ner_pretrain_path)
    shutil.copyfile(paths.name_vectors, MODEL_DIR / NER_PRETRAIN_FILE)


TRAINERS = {
    "tokenize": train_tokenize,
    "mwt": train_mwt,
    "lemma": train_lemma,
    "pos": train_pos,
    "depparse": train_depparse,
    "ner": train_ner,
}


def run(stages: list[str], *, ud_dir: Path, work_dir: Path, force: bool = False) -> None:
    paths = Paths(work_dir, ud_dir)
    timings = {}
    for stage in stages:
        started = time.monotonic()
        if stage == "prepare":
            prepare(paths)
        else:
            if _model_path(stage).exists() and not force:
                LOG.info("%s: %s exists, skipping (use --force to retrain)", stage,
                         _model_path(stage))
                continue
            if stage != "ner":      # NER reads GUM directly, not the tokenizer data
                prepare(paths)
            # A checkpoint left by an earlier run (other data or sizes) would be resumed by
            # Stanza's trainer: every training starts from an empty folder.
            shutil.rmtree(paths.saved / stage, ignore_errors=True)
            LOG.info("%s: training", stage)
            TRAINERS[stage](paths)
        timings[stage] = round(time.monotonic() - started, 1)
        LOG.info("%s: done in %.0f s", stage, timings[stage])
    timing_file = work_dir / "timings.json"
    previous = json.loads(timing_file.read_text()) if timing_file.exists() else {}
    previous.update(timings)
    work_dir.mkdir(parents=True, exist_ok=True)
    timing_file.write_text(json.dumps(previous, indent=2))


def main(argv: list[str] | None = None) -> None:
    cli = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    cli.add_argument("stages", nargs="*", default=list(STAGES),
                     metavar="STAGE", help=f"stages to run ({', '.join(STAGES)}); default all")
    cli.add_argument("--ud-dir", type=Path,
                     default=Path(os.environ.get("QUOTES_UD_DIR", DEFAULT_UD_DIR)))
    cli.add_argument("--work-dir", type=Path, default=DEFAULT_WORK_DIR)
    cli.add_argument("--force", action="store_true", help="retrain even if the model exists")
    args = cli.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s",
                        stream=sys.stdout)
    stages = args.stages or list(STAGES)
    for stage in stages:
        if stage not in STAGES:
            cli.error(f"unknown stage {stage!r}")
    run(stages, ud_dir=args.ud_dir, work_dir=args.work_dir, force=args.force)


if __name__ == "__main__":
    main()
