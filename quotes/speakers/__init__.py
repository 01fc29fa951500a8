"""Speaker mentions -> entities: names, coreference within an article, anonymity."""
