"""The Analyzer: holds a loaded pipeline and turns articles into attribution records."""
from __future__ import annotations

import os
from typing import Iterable, Iterator, TypeVar

from .attribution.extract import extract_from_parse
from .parse.cache import ParseCache
from .parse.document import ParsedDocument
from .parse.nlp import Pipeline, load_pipeline, model_info
from .records import Attribution, to_frame
from .speakers.resolve import resolve_speakers

BATCH_SIZE = 16   # articles per Stanza call
T = TypeVar("T")


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of ``size`` items (the last one shorter)."""
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


class Analyzer:
    """Extract attributions from many articles with one loaded pipeline.

    >>> analyzer = Analyzer()                          # doctest: +SKIP
    >>> frame = analyzer.frame([("a1", "“Yes,” she said.")])   # doctest: +SKIP
    """

    def __init__(self, model: str | os.PathLike = "auto", *, pipeline: Pipeline | None = None,
                 cache_dir: str | os.PathLike | None = None) -> None:
        """``cache_dir``: keep parses on disk there (see :mod:`quotes.parse.cache`); None: no
        cache.  With a cache the pipeline is loaded only when a text misses it, so a warm run
        over cached parses never loads a model; the model's identity (the cache key) is read
        from its files."""
        self._model = model
        self._pipeline = pipeline
        if pipeline is None and not cache_dir:
            self._pipeline = load_pipeline(model)
        self.info = self._pipeline.info if self._pipeline is not None else model_info(model)
        self.cache = ParseCache(cache_dir, self.info.id) if cache_dir else None

    @property
    def pipeline(self) -> Pipeline:
        """The Stanza pipeline, loaded on first use."""
        if self._pipeline is None:
            self._pipeline = load_pipeline(self._model)
        return self._pipeline

    @property
    def loaded(self) -> bool:
        return self._pipeline is not None

    @property
    def model(self) -> str:
        return self.info.id

    def parse(self, text: str) -> ParsedDocument:
        return self.parse_many([text])[0]

    def parse_many(self, texts: list[str]) -> list[ParsedDocument]:
        """Parse in one batched call, taking what the cache already holds."""
        if self.cache is None:
            return self.pipeline.parse_many(texts)
        found = [self.cache.get(text) for text in texts]
        missing = [i for i, doc in enumerate(found) if doc is None]
        if missing:
            for i, doc in zip(missing, self.pipeline.parse_many([texts[i] for i in missing])):
                self.cache.put(doc)
                found[i] = doc
        return found  # type: ignore[return-value]

    def extract(self, text: str, doc_id: str | None = None) -> list[Attribution]:
        return self.from_parse(self.parse(text), doc_id)

    def from_parse(self, parsed: ParsedDocument, doc_id: str | None = None) -> list[Attribution]:
        return resolve_speakers(parsed, extract_from_parse(parsed, doc_id))

    def extract_many(self, documents: Iterable[tuple[str | None, str]],
                     batch_size: int = BATCH_SIZE) -> Iterator[tuple[str | None, list[Attribution]]]:
        """Yield (doc_id, records) per document, parsing in batches."""
        for batch in batched(documents, batch_size):
            yield from self._run_batch(batch)

    def _run_batch(self, batch):
        parsed = self.parse_many([text for _, text in batch])
        for (doc_id, _), doc in zip(batch, parsed):
            yield doc_id, self.from_parse(doc, doc_id)

    def frame(self, documents: Iterable[tuple[str | None, str]]):
        """A pandas DataFrame of all attributions of the documents."""
        records = [r for _, recs in self.extract_many(documents) for r in recs]
        return to_frame(records)


_LOADED: dict[tuple[str, str | None], Analyzer] = {}


def shared_analyzer(model: str | os.PathLike = "auto",
                    cache_dir: str | os.PathLike | None = None) -> Analyzer:
    """One Analyzer per (model, cache folder) in this process, loaded on first use."""
    key = (str(model), None if cache_dir is None else str(cache_dir))
    if key not in _LOADED:
        _LOADED[key] = Analyzer(model, cache_dir=cache_dir)
    return _LOADED[key]


def extract(text: str, doc_id: str | None = None, *, model: str | os.PathLike = "auto"
            ) -> list[Attribution]:
    """All quotations and attributions of one article, in reading order."""
    return shared_analyzer(model).extract(text, doc_id)
