"""Reading articles, writing outputs atomically and resumably, corpus runs, Dask."""
