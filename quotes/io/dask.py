"""The same extraction over a Dask bag or dataframe of documents (optional extra ``quotes[dask]``).

    import dask.bag as db
    from quotes.io.dask import extract_bag
    records = extract_bag(db.from_sequence(documents, npartitions=8)).compute()

Each partition is processed by one Analyzer, loaded once per worker process and reused for
every partition that worker gets, so a cluster scales out without a second code path: the
records are exactly those of ``Analyzer.extract_many`` on the same documents.
"""
from __future__ import annotations

import os
from typing import Any, Iterable

from ..analyzer import shared_analyzer
from ..records import COLUMNS


def extract_partition(documents: Iterable[Any], *, model: str = "auto",
                      cache_dir: str | None = None, text_key: str = "text",
                      id_key: str = "id") -> list[dict]:
    """Records (as dicts, metadata fields passed through) for one partition of documents.

    A document is a dict with ``text_key`` and ``id_key`` (other keys become metadata) or a
    ``(doc_id, text)`` pair.
    """
    items, metas = [], []
    for document in documents:
        if isinstance(document, dict):
            items.append((str(document.get(id_key)), document[text_key]))
            metas.append({k: v for k, v in document.items() if k not in (text_key, id_key)})
        else:
            doc_id, text = document
            items.append((str(doc_id), text))
            metas.append({})
    analyzer = shared_analyzer(model, cache_dir)
    rows = []
    for (_, records), meta in zip(analyzer.extract_many(items), metas):
        for record in records:
            row = record.to_dict()
            for key, value in meta.items():
                row.setdefault(key, value)
            rows.append(row)
    return rows


def extract_bag(bag, *, model: str | os.PathLike = "auto", cache_dir: str | None = None,
                text_key: str = "text", id_key: str = "id"):
    """A Dask bag of record dicts from a bag of documents."""
    return bag.map_partitions(extract_partition, model=str(model), cache_dir=cache_dir,
                              text_key=text_key, id_key=id_key)


def extract_dataframe(frame, *, model: str | os.PathLike = "auto", cache_dir: str | None = None,
                      text_column: str = "text", id_column: str = "id"):
    """A Dask dataframe of records from a Dask dataframe with id and text columns."""
    import pandas as pd

    def partition(part: pd.DataFrame) -> pd.DataFrame:
        rows = extract_partition(part.to_dict("records"), model=str(model), cache_dir=cache_dir,
                                 text_key=text_column, id_key=id_column)
        columns = list(COLUMNS) + [c for c in part.columns if c not in (text_column, id_column)]
        return pd.DataFrame(rows, columns=columns).astype(object)

    columns = list(COLUMNS) + [c for c in frame.columns if c not in (text_column, id_column)]
    meta = pd.DataFrame({column: pd.Series(dtype=object) for column in columns})
    return frame.map_partitions(partition, meta=meta)
