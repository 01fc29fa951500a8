"""Corpus runs: stream articles through the analyzer in batches, optionally in worker processes."""
from __future__ import annotations

import multiprocessing
import os
from dataclasses import dataclass
from typing import Iterable, Iterator

from ..analyzer import BATCH_SIZE, Analyzer, batched, shared_analyzer
from ..parse.nlp import ModelError
from ..records import Attribution
from .readers import Article, check_article


@dataclass
class Outcome:
    """What became of one article."""

    article: Article
    records: list[Attribution] | None     # None: the article failed
    error: str | None = None


def _process_batch(analyzer, batch: list[Article]) -> list[Outcome]:
    outcomes: dict[int, Outcome] = {}
    good = []
    for i, article in enumerate(batch):
        problem = check_article(article)
        if problem:
            outcomes[i] = Outcome(article, None, problem)
        else:
            good.append((i, article))
    try:
        results = list(analyzer.extract_many([(a.doc_id, a.text) for _, a in good],
                                              batch_size=len(good) or 1))
        for (i, article), (_, records) in zip(good, results):
            outcomes[i] = Outcome(article, records)
    except Exception:  # isolate the failing article: retry one at a time
        for i, article in good:
            try:
                outcomes[i] = Outcome(article, analyzer.extract(article.text, article.doc_id))
            except Exception as exc:  # noqa: BLE001 - reported per article, the run goes on
                outcomes[i] = Outcome(article, None, f"{type(exc).__name__}: {exc}")
    return [outcomes[i] for i in range(len(batch))]


# ---------------------------------------------------------------- worker processes

_WORKER_MODEL: tuple[str, str | None] = ("auto", None)
_WORKER_ERROR: ModelError | None = None


def _init_worker(model: str, cache_dir: str | None) -> None:
    global _WORKER_MODEL, _WORKER_ERROR
    # N processes x 1 thread each: no oversubscription (and the pipeline keeps it so)
    os.environ["QUOTES_THREADS"] = "1"
    try:
        _WORKER_MODEL = (model, cache_dir)
        shared_analyzer(model, cache_dir)
    except Exception as exc:  # noqa: BLE001
        # An initializer that raises is restarted by the pool forever: keep the error for
        # the first task to raise in the parent instead.
        _WORKER_ERROR = exc if isinstance(exc, ModelError) else ModelError(
            f"could not load model {model} ({type(exc).__name__}: {exc})")


def _worker_analyzer() -> Analyzer:
    if _WORKER_ERROR is not None:
        raise _WORKER_ERROR
    return shared_analyzer(*_WORKER_MODEL)


def _worker_model() -> str:
    return _worker_analyzer().model


def _worker_batch(batch: list[Article]) -> list[Outcome]:
    return _process_batch(_worker_analyzer(), batch)


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity where the system tells it)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # pragma: no cover - macOS, Windows
        return max(1, os.cpu_count() or 1)


def worker_count(workers: int | str) -> int:
    """``"auto"``: one process per usable core (at most 64); otherwise the number given."""
    return min(64, usable_cores()) if workers == "auto" else int(workers)


class Runner:
    """Loads the model (here, or once in each of ``workers`` processes) when entered, so that
    a model that cannot load fails before any work; then parses ``batch_size`` articles at a
    time and yields outcomes in input order, identical however many workers.

    >>> with Runner(model="bundled") as runner:                # doctest: +SKIP
    ...     outcomes = list(runner.outcomes(articles))
    """

    def __init__(self, *, analyzer: Analyzer | None = None, model: str | os.PathLike = "auto",
                 cache_dir: str | os.PathLike | None = None, workers: int | str = 1,
                 batch_size: int = BATCH_SIZE) -> None:
        self.analyzer = analyzer
        self.model_arg = str(model)
        self.cache_dir = str(cache_dir) if cache_dir else None
        self.workers = worker_count(workers)
        self.batch_size = batch_size
        self.model: str | None = None      # the loaded model's id
        self._pool = None

    def __enter__(self) -> "Runner":
        return self.start()

    def start(self) -> "Runner":
        """Load the model; raises :class:`ModelError` when it cannot load."""
        if self.workers <= 1:
            if self.analyzer is None:
                self.analyzer = Analyzer(self.model_arg, cache_dir=self.cache_dir)
            self.model = self.analyzer.model
            return self
        context = multiprocessing.get_context("spawn")
        self._pool = context.Pool(self.workers, initializer=_init_worker,
                                  initargs=(self.model_arg, self.cache_dir))
        try:
            self.model = self._pool.apply(_worker_model)
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None

    def outcomes(self, articles: Iterable[Article]) -> Iterator[Outcome]:
        batches = batched(articles, self.batch_size)
        if self._pool is None:
            for batch in batches:
                yield from _process_batch(self.analyzer, batch)
            return
        # A bounded window of batches in flight keeps memory flat however long the corpus
        # (Pool.imap would read the whole input ahead).
        pending: list = []
        for batch in batches:
            pending.append(self._pool.apply_async(_worker_batch, (batch,)))
            if len(pending) >= 2 * self.workers:
                yield from pending.pop(0).get()
        for result in pending:
            yield from result.get()


def run(articles: Iterable[Article], *, analyzer=None, model: str = "auto",
        cache_dir: str | os.PathLike | None = None, workers: int = 1,
        batch_size: int = BATCH_SIZE) -> Iterator[Outcome]:
    """Yield one Outcome per article, in input order (see :class:`Runner`)."""
    with Runner(analyzer=analyzer, model=model, cache_dir=cache_dir, workers=workers,
                batch_size=batch_size) as runner:
        yield from runner.outcomes(articles)
