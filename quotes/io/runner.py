"""Corpus runs: stream articles through the analyzer in batches, optionally in worker processes."""
from __future__ import annotations

import multiprocessing
import os
from dataclasses import dataclass
from typing import Iterable, Iterator

from ..analyzer import BATCH_SIZE, Analyzer, batched
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

_WORKER_ANALYZER = None


def _init_worker(model: str, cache_dir: str | None) -> None:
    global _WORKER_ANALYZER
    import torch

    torch.set_num_threads(1)     # N processes x 1 thread each: no oversubscription
    _WORKER_ANALYZER = Analyzer(model, cache_dir=cache_dir)


def _worker_batch(batch: list[Article]) -> list[Outcome]:
    return _process_batch(_WORKER_ANALYZER, batch)


def run(articles: Iterable[Article], *, analyzer=None, model: str = "auto",
        cache_dir: str | os.PathLike | None = None, workers: int = 1,
        batch_size: int = BATCH_SIZE) -> Iterator[Outcome]:
    """Yield one Outcome per article, in input order, parsing ``batch_size`` articles at a time.

    With ``workers`` > 1, each worker process loads the pipeline once and parses whole batches;
    results come back in input order, identical to a single-process run.
    """
    batches = batched(articles, batch_size)
    if workers <= 1:
        if analyzer is None:
            from ..analyzer import Analyzer

            analyzer = Analyzer(model, cache_dir=cache_dir)
        for batch in batches:
            yield from _process_batch(analyzer, batch)
        return
    context = multiprocessing.get_context("spawn")
    with context.Pool(workers, initializer=_init_worker,
                      initargs=(str(model), str(cache_dir) if cache_dir else None)) as pool:
        # A bounded window of batches in flight keeps memory flat however long the corpus
        # (Pool.imap would read the whole input ahead).
        pending: list = []
        for batch in batches:
            pending.append(pool.apply_async(_worker_batch, (batch,)))
            if len(pending) >= 2 * workers:
                yield from pending.pop(0).get()
        for result in pending:
            yield from result.get()
