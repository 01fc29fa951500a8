"""The only place that builds a stanza.Pipeline: bundled models, Stanza's official ones, or a folder."""
from __future__ import annotations

import gc
import hashlib
import json
import logging
import os
import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..lexicon import table
from .document import NamedSpan, ParsedDocument, Sentence, Word
from .paragraphs import paragraphs

BUNDLED_DIR = Path(__file__).resolve().parents[1] / "models" / "en"
PARSE_PROCESSORS = ("tokenize", "mwt", "pos", "lemma", "depparse")
# Names typed by a NER model: bundled with the others; a model folder may go without it
# (speakers then fall back to the lexicons).
PROCESSORS = PARSE_PROCESSORS + ("ner",)
MODEL_FILES = {name: f"{name}.pt" for name in PROCESSORS}
OPTIONAL = frozenset({"ner"})
# The NER model's fixed word vectors (quotes/training/name_vectors.py), beside ner.pt
NER_PRETRAIN_FILE = "ner_pretrain.pt"


class ModelError(Exception):
    """A model could not be found or loaded; the message names the fix."""


@dataclass(frozen=True)
class ModelInfo:
    """Which model parses: recorded in every output."""

    name: str
    version: str
    path: str

    @property
    def id(self) -> str:
        return f"{self.name}@{self.version}"


def stanza_resources_dir() -> Path:
    """Where Stanza keeps downloaded models (``STANZA_RESOURCES_DIR`` or its default), found
    without importing Stanza (which imports torch: seconds a warm run must not spend)."""
    if os.environ.get("STANZA_RESOURCES_DIR"):
        return Path(os.environ["STANZA_RESOURCES_DIR"])
    version = _stanza_resources_version()
    if version is None:      # an unusual install: ask Stanza itself
        from stanza.resources.common import DEFAULT_MODEL_DIR

        return Path(DEFAULT_MODEL_DIR)
    from platformdirs import user_cache_dir

    # stanza.resources.common.DEFAULT_MODEL_DIR, computed the same way
    return Path(user_cache_dir("stanza", "StanfordNLP", version)) / "resources"


def _stanza_resources_version() -> str | None:
    """``stanza.__resources_version__``, read from Stanza's ``_version.py``."""
    import importlib.util

    spec = importlib.util.find_spec("stanza")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / "_version.py"
    try:
        found = re.search(r"__resources_version__\s*=\s*['\"]([^'\"]+)['\"]",
                          path.read_text(encoding="utf-8"))
    except OSError:
        return None
    return found.group(1) if found else None


def official_models_installed(resources_dir: Path | None = None) -> bool:
    """True when Stanza's official English models for all our processors are on disk."""
    root = resources_dir or stanza_resources_dir()
    try:
        resources = json.loads((root / "resources.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if "default_processors" not in resources.get("en", {}):
        return False
    return all(any((root / "en" / name).glob("*.pt")) for name in PARSE_PROCESSORS)


def official_processors(resources_dir: Path) -> tuple[str, ...]:
    """Our processors that Stanza's official models provide on this disk."""
    return tuple(name for name in PROCESSORS
                 if name not in OPTIONAL or any((resources_dir / "en" / name).glob("*.pt")))


def _file_digest(paths: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        stat = path.stat()
        digest.update(f"{path.name}:{stat.st_size}".encode())
        with path.open("rb") as handle:
            digest.update(handle.read(1 << 16))
    return digest.hexdigest()[:12]


def _model_dir_files(directory: Path) -> dict[str, Path]:
    if not directory.is_dir():
        raise ModelError(f"model directory {directory} does not exist: run `make model` "
                         "or reinstall quotes, or pass model='stanza' or another folder")
    files = {name: directory / filename for name, filename in MODEL_FILES.items()
             if name not in OPTIONAL or (directory / filename).is_file()}
    missing = [str(path.name) for path in files.values() if not path.is_file()]
    if missing:
        raise ModelError(f"model directory {directory} lacks {', '.join(missing)}: "
                         "run `make model` (or `make model STAGES=...`) to train them")
    return files


def _ner_pretrain(directory: Path, files: dict[str, Path]) -> Path | None:
    """The NER model's fixed vectors, when the folder has a NER model trained with them."""
    path = directory / NER_PRETRAIN_FILE
    return path if "ner" in files and path.is_file() else None


def _optional_path(path: Path | None) -> str | None:
    return str(path) if path is not None else None


def _bundled_info(directory: Path, files: dict[str, Path]) -> ModelInfo:
    manifest = directory / "model.json"
    name, version = "quotes-en-compact", "unversioned"
    if manifest.is_file():
        try:
            meta = json.loads(manifest.read_text(encoding="utf-8"))
            name, version = meta.get("name", name), meta.get("version", version)
        except ValueError as exc:
            raise ModelError(f"{manifest} is not valid JSON ({exc}): reinstall quotes") from exc
    pretrain = _ner_pretrain(directory, files)
    digested = list(files.values()) + ([pretrain] if pretrain else [])
    return ModelInfo(name=name, version=f"{version}+{_file_digest(digested)}",
                     path=str(directory))


def resolve_model(model: str | os.PathLike = "auto") -> tuple[str, Path]:
    """Map the ``model`` argument to ("bundled" | "stanza" | "path", directory)."""
    if isinstance(model, os.PathLike) or model not in ("auto", "bundled", "stanza"):
        return "path", Path(model)
    if model == "stanza" or (model == "auto" and official_models_installed()):
        if not official_models_installed():
            raise ModelError(
                f"Stanza's official English models are not installed in {stanza_resources_dir()}: "
                "run `quotes models download` (needs internet) or use model='bundled'")
        return "stanza", stanza_resources_dir()
    return "bundled", BUNDLED_DIR


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off while Stanza parses a batch.

    A parse allocates millions of small objects, and every few thousand of them the collector
    walks the heap, the loaded models included: a fifth of the parse time in an article batch
    (`make bench`).  Paused, the batch's cyclic garbage (Stanza's documents, whose words point
    back to their sentences) waits to the end of the batch, when one young-generation pass
    frees it; the parse itself is the same.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


class Pipeline:
    """A loaded Stanza pipeline plus the identity of its model."""

    def __init__(self, stanza_pipeline: Any, info: ModelInfo) -> None:
        self.stanza = stanza_pipeline
        self.info = info

    def parse(self, text: str) -> ParsedDocument:
        return self.parse_many([text])[0]

    def parse_many(self, texts: list[str]) -> list[ParsedDocument]:
        """Parse several articles in one batched Stanza call.

        Each paragraph goes to Stanza as its own document, so no sentence ever spans a
        paragraph break even where paragraphs are separated by a single newline.
        """
        with collector_paused():
            return self._parse_many(texts)

    def _parse_many(self, texts: list[str]) -> list[ParsedDocument]:
        import stanza

        pieces: list[tuple[int, int, int]] = []   # (article, paragraph index, offset)
        stanza_docs = []
        for article, text in enumerate(texts):
            for paragraph in paragraphs(text):
                pieces.append((article, paragraph.index, paragraph.start))
                body = mask_abbreviations(
                    _straight_apostrophes(text[paragraph.start:paragraph.end]))
                stanza_docs.append(stanza.Document([], text=body))
        parsed = self.stanza(stanza_docs) if stanza_docs else []
        sentences: list[list[Sentence]] = [[] for _ in texts]
        for (article, paragraph_index, offset), doc in zip(pieces, parsed):
            for sent in doc.sentences:
                words = _words_of(sent, offset, texts[article])
                if words:
                    sentences[article].append(Sentence(index=len(sentences[article]),
                                                       paragraph_index=paragraph_index,
                                                       words=words, names=_names_of(sent)))
        return [ParsedDocument(text=text, sentences=sents, model=self.info.id)
                for text, sents in zip(texts, sentences)]


# A typographic apostrophe inside a word ("Trump’s", "she’ll", "won’t"): the treebanks spell
# it "'", and the tokenizer leaves "Trump’s" whole (then tagged as a verb) where it splits
# "Trump's".  Same length, so offsets into the original text do not move.
INNER_APOSTROPHE = re.compile(r"(?<=\w)[’ʼ](?=\w)")


def _straight_apostrophes(text: str) -> str:
    return INNER_APOSTROPHE.sub("'", text)


# The period of a title before a name, or of a state or month abbreviation inside a sentence,
# is shown to the tokenizer as a middle dot (same length): the compact tokenizer otherwise ends
# sentences at "said Sen. | Maria Ortega".  Words keep the article's spelling.
ABBREVIATION_MARK = "·"


@lru_cache(maxsize=1)
def _abbreviation_pattern() -> re.Pattern[str]:
    kinds = table("abbreviations.txt")
    titles = [re.escape(a) for a, k in kinds.items() if k and k[0] == "title"]
    others = [re.escape(a) for a, k in kinds.items() if k and k[0] != "title"]
    return re.compile(rf"\b(?:(?:{'|'.join(titles)})\.(?=\s+[A-Z])"
                      rf"|(?:{'|'.join(others)})\.(?=\s+[a-z0-9,;(]|,))")


def mask_abbreviations(text: str) -> str:
    return _abbreviation_pattern().sub(lambda m: m.group(0)[:-1] + ABBREVIATION_MARK, text)


def _words_of(sent: Any, offset: int, original: str) -> list[Word]:
    """Words with offsets into the article; their text is spelled as in the article."""
    words = []
    for token in sent.tokens:
        written = original[token.start_char + offset:token.end_char + offset]
        # Pieces that spell out their token ("Brandt" + "'s", "wo" + "n't") get their own
        # offsets; other expansions keep the whole token's span.
        pieces = [w.text for w in token.words]
        cursor = token.start_char + offset
        spelled_out = len(pieces) > 1 and "".join(pieces) == token.text
        for w in token.words:
            text = w.text
            if spelled_out:
                start, end = cursor, cursor + len(text)
                cursor = end
                text = original[start:end]
            else:
                start, end = token.start_char + offset, token.end_char + offset
            # One word per token: the article's text ("<UNK>" stands for a token too long for
            # the tokenizer, a URL).  A split token: its pieces, with the article's apostrophe.
            if len(token.words) == 1 or text == "<UNK>":
                text = written
            elif not spelled_out and "'" in text and "'" not in written:
                text = text.replace("'", next((c for c in "’ʼ" if c in written), "'"))
            words.append(Word(index=int(w.id), text=text, lemma=w.lemma or text.lower(),
                              upos=w.upos or "X", xpos=w.xpos or "_", feats=w.feats or "_",
                              head=int(w.head or 0), deprel=w.deprel or "dep",
                              start=start, end=end))
    return words


def _names_of(sent: Any) -> list[NamedSpan]:
    """The sentence's NER names as word ranges, typed person/organization/place/other/group;
    a possessive ending the name ("Brandt’s") is not part of it."""
    types = table("ner_types.txt")
    names = []
    for entity in getattr(sent, "ents", ()) or ():
        kind = types.get(entity.type)
        words = [w for token in entity.tokens for w in token.words]
        while len(words) > 1 and words[-1].text.lower() in ("'s", "’s", "'", "’"):
            words = words[:-1]
        if kind and words:
            names.append(NamedSpan(int(words[0].id), int(words[-1].id), kind[0]))
    return names


def model_info(model: str | os.PathLike = "auto") -> ModelInfo:
    """The identity of the model ``load_pipeline(model)`` would load, without loading it (a
    warm run over cached parses needs only this); raises ModelError as loading would for a
    missing folder or missing files."""
    kind, directory = resolve_model(model)
    if kind == "stanza":
        from importlib.metadata import version

        return ModelInfo(name="stanza-en-default", version=version("stanza"), path=str(directory))
    return _bundled_info(directory, _model_dir_files(directory))


# One intra-op thread per process unless told otherwise.  Measured on 2 cores (`make bench`):
# a second thread makes one process 1.0-1.4x faster on a quiet machine (the models are
# small), while with the other core busy torch's spinning thread pool halves throughput (one
# article took 45 s instead of 4 s).  Several processes (``--workers auto``) use the whole
# machine.
DEFAULT_THREADS = 1


def thread_count(threads: int | None = None) -> int:
    """Torch threads to use: ``threads``, else $QUOTES_THREADS, else $OMP_NUM_THREADS, else
    :data:`DEFAULT_THREADS`."""
    if threads is None:
        for variable in ("QUOTES_THREADS", "OMP_NUM_THREADS"):
            value = os.environ.get(variable, "").strip()
            if value:
                try:
                    threads = int(value)
                except ValueError:
                    raise ModelError(f"{variable}={value!r} is not a number of threads") from None
                break
    threads = DEFAULT_THREADS if threads is None else threads
    if threads < 1:
        raise ModelError(f"the number of threads must be at least 1 (got {threads})")
    return threads


def set_threads(threads: int | None = None) -> int:
    """Set torch's intra-op threads for this process (see :func:`thread_count`)."""
    import torch

    count = thread_count(threads)
    if torch.get_num_threads() != count:
        torch.set_num_threads(count)
    return count


def load_pipeline(model: str | os.PathLike = "auto", *, speedups: bool = True,
                  threads: int | None = None, **stanza_options: Any) -> Pipeline:
    """Return a ready pipeline (tokenize, mwt, pos, lemma, depparse); never touches the network.

    ``model``: ``"auto"`` (Stanza's official English models when installed, else bundled),
    ``"bundled"``, ``"stanza"``, or a folder holding ``tokenize.pt``, ``mwt.pt``, ``pos.pt``,
    ``lemma.pt`` and ``depparse.pt``.  ``stanza_options`` go to ``stanza.Pipeline`` as they are
    (for example ``tokenize_pretokenized=True``).  ``speedups`` routes Stanza through faster
    equivalents of a few of its internals that return the same parses (see
    :mod:`quotes.parse.speedups`).  ``threads``: torch threads for this process (torch's
    setting is process-wide; see :func:`thread_count` for the default).
    """
    import stanza
    import torch

    set_threads(threads)
    kind, directory = resolve_model(model)
    common = dict(lang="en", download_method=None,
                  use_gpu=torch.cuda.is_available(), logging_level="WARN")
    if kind == "stanza":
        kwargs = dict(common, dir=str(directory),
                      processors=",".join(official_processors(directory)))
        info = ModelInfo(name="stanza-en-default", version=stanza.__version__, path=str(directory))
    else:
        files = _model_dir_files(directory)
        info = _bundled_info(directory, files)
        if not (directory / "resources.json").is_file():
            raise ModelError(f"model directory {directory} lacks resources.json "
                             '(it needs {"en": {"lang_name": "English"}}): reinstall quotes')
        kwargs = dict(common, dir=str(directory), processors=",".join(files),
                      **{f"{name}_model_path": str(path) for name, path in files.items()},
                      pos_pretrain_path=None, depparse_pretrain_path=None,
                      ner_pretrain_path=_optional_path(_ner_pretrain(directory, files)),
                      ner_forward_charlm_path=None,
                      ner_backward_charlm_path=None)
    kwargs.update(stanza_options)
    if speedups:
        from .speedups import install

        install()
    logging.getLogger("stanza").setLevel(logging.WARNING)
    loading: Any = nullcontext()
    if speedups and kind == "bundled" and directory.resolve() == BUNDLED_DIR.resolve():
        from .speedups import model_loading

        loading = model_loading(directory)     # the package's own files: 2-4 s less
    try:
        with warnings.catch_warnings(), loading:
            warnings.simplefilter("ignore")
            pipeline = stanza.Pipeline(**kwargs)
    except ModelError:
        raise
    except Exception as exc:  # stanza raises many types for unreadable models
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ModelError(f"could not load the {kind} model from {directory} ({first_line}): "
                         "reinstall quotes, rerun `make model`, or choose another --model") from exc
    return Pipeline(pipeline, info)


def download_official_models() -> Path:
    """Fetch Stanza's official English models (the only network access in quotes)."""
    import stanza

    target = stanza_resources_dir()
    try:
        stanza.download("en", model_dir=str(target), processors=",".join(PROCESSORS),
                        logging_level="WARN")
    except Exception as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ModelError(f"could not download Stanza's English models to {target} "
                         f"(are you offline? {reason[:200]})") from exc
    return target
