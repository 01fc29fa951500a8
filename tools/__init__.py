"""Developer tools kept out of the wheel: the benchmark and headless-browser screenshots."""
