"""quotes.io.dask on a local two-worker Dask cluster gives the single-process records."""
import pytest

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")

from conftest import corpus_gold  # noqa: E402

GOLD = corpus_gold()


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None, worker_dashboard_address=None)
    with distributed.Client(cluster) as dask_client:
        yield dask_client
    cluster.close()


def test_bag_and_dataframe_match_single_process(client, analyzer):
    import dask.bag as db
    import dask.dataframe as dd
    import pandas as pd

    from quotes.io.dask import extract_bag, extract_dataframe

    documents = [{"id": g["id"], "text": g["text"], "outlet": "corpus"} for g in GOLD[:6]]
    expected = [dict(r.to_dict(), outlet="corpus")
                for _, records in analyzer.extract_many((d["id"], d["text"]) for d in documents)
                for r in records]
    bag = db.from_sequence(documents, npartitions=3)
    got = extract_bag(bag, model="bundled").compute()
    assert got == expected
    frame = dd.from_pandas(pd.DataFrame(documents), npartitions=2)
    result = extract_dataframe(frame, model="bundled").compute()
    result = result.astype(object).where(result.notna(), None)
    assert list(result["text"]) == [r["text"] for r in expected]
    assert list(result["speaker_name"]) == [r["speaker_name"] for r in expected]
