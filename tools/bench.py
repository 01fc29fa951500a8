"""``make bench``: throughput, scaling and memory, written to a table and bench.json.

    python -m tools.bench [--articles 500] [--model bundled] [--out bench.json] [--quick]

The corpus is the project's own ``corpora/articles`` recombined: each synthetic article joins
paragraphs drawn (with a fixed seed) from different articles, so texts are realistic news copy
and all distinct (no parse cache hit between them).  Every figure includes the NER model.

Runs, in order (never two at once: on 2 cores each would slow the other down):

* stages: the batched parse in this process, timed per Stanza processor, then attribution and
  speakers on the parses in memory;
* the command line a user runs (``quotes extract corpus.jsonl -o out.jsonl``), process start
  and model load included: cold (empty parse cache), warm (the same command again), and
  ``--workers auto`` without a cache;
* a busy machine: the same command on a slice of the corpus while a busy loop holds one core,
  with one torch thread (the default) and with one thread per core (torch's own default);
* length: single documents of 10 k, 100 k and 1 M characters, in this process with the model
  loaded (time per character);
* the models' arithmetic: the parse of the first 60 articles again under cProfile, and the
  seconds spent inside torch's own functions (LSTMs, linear layers, …) as words per second —
  the rate no change to the Python around the models can beat without changing the models;
* memory: streaming runs of 2,000 and 20,000 documents over cached parses.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLES_DIR = ROOT / "corpora" / "articles"
STAGES = ("tokenize", "mwt", "pos", "lemma", "depparse", "ner")


def synthetic_corpus(count: int, seed: int = 13) -> list[tuple[str, str]]:
    paragraphs = []
    for path in sorted(ARTICLES_DIR.glob("*.txt")):
        paragraphs.extend(p for p in path.read_text(encoding="utf-8").splitlines() if p.strip())
    if not paragraphs:
        raise SystemExit(f"no articles in {ARTICLES_DIR}")
    rng = random.Random(seed)
    corpus = []
    for number in range(count):
        chosen = rng.sample(paragraphs, k=min(len(paragraphs), rng.randint(6, 10)))
        corpus.append((f"bench-{number:05d}", "\n".join(chosen)))
    return corpus


def long_document(characters: int, seed: int = 29) -> str:
    """One article of about ``characters`` characters, paragraphs of recombined news copy."""
    parts, total, number = [], 0, 0
    while total < characters:
        for _, text in synthetic_corpus(50, seed + number):
            parts.append(text)
            total += len(text) + 1
            if total >= characters:
                break
        number += 1
    return "\n".join(parts)[:characters]


def _words(corpus) -> int:
    return sum(len(text.split()) for _, text in corpus)


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _rate(seconds: float, words: int, docs: int) -> dict:
    return {"seconds": round(seconds, 2), "words_per_second": round(words / seconds),
            "documents_per_second": round(docs / seconds, 2)}


def _timed_stages(stanza_pipeline, times: Counter) -> None:
    """Count the seconds each Stanza processor spends (its outermost call only)."""
    for name, processor in stanza_pipeline.processors.items():
        method = "bulk_process" if hasattr(processor, "bulk_process") else "process"
        original = getattr(processor, method)

        def timed(docs, _original=original, _name=name):
            started = time.perf_counter()
            try:
                return _original(docs)
            finally:
                times[_name] += time.perf_counter() - started

        setattr(processor, method, timed)


def measure_stages(corpus, model: str) -> dict:
    """The parse in this process, per stage, then attribution and speakers alone."""
    from quotes.analyzer import BATCH_SIZE, Analyzer
    from quotes.attribution.extract import extract_from_parse
    from quotes.speakers.resolve import resolve_speakers

    words, docs = _words(corpus), len(corpus)
    started = time.perf_counter()
    analyzer = Analyzer(model)
    results: dict = {"load_seconds": round(time.perf_counter() - started, 2)}
    times: Counter = Counter()
    _timed_stages(analyzer.pipeline.stanza, times)
    started = time.perf_counter()
    parsed = []
    for i in range(0, docs, BATCH_SIZE):
        parsed.extend(analyzer.parse_many([t for _, t in corpus[i:i + BATCH_SIZE]]))
    parse_seconds = time.perf_counter() - started
    results["parse"] = _rate(parse_seconds, words, docs)
    results["stages"] = {name: _rate(times[name], words, docs) for name in STAGES if times[name]}
    results["stages"]["other parse work"] = _rate(
        max(parse_seconds - sum(times.values()), 1e-6), words, docs)
    started = time.perf_counter()
    for (doc_id, _), doc in zip(corpus, parsed):
        resolve_speakers(doc, extract_from_parse(doc, doc_id))
    results["attribution_and_speakers"] = _rate(time.perf_counter() - started, words, docs)
    results["peak_rss_mb"] = round(_peak_rss_mb())
    return results, analyzer


def run_cli(corpus_file: Path, out: Path, model: str, *extra: str,
            env: dict | None = None) -> dict:
    """``quotes extract`` in a child process: its wall time and memory peak."""
    command = [sys.executable, "-c", PROBE, sys.executable, "-m", "quotes.cli", "extract",
               str(corpus_file), "-o", str(out), "--model", model, *extra]
    started = time.perf_counter()
    done = subprocess.run(command, check=True, capture_output=True, text=True,
                          env=dict(os.environ, **(env or {})))
    seconds = time.perf_counter() - started
    out.unlink(missing_ok=True)
    return {"seconds": round(seconds, 2), "peak_rss_mb": round(int(done.stdout.strip()) / 1024)}


# Runs a command and prints the peak memory of its process tree's largest process.
PROBE = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, "
         "capture_output=True); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def _write_corpus(path: Path, corpus) -> Path:
    path.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in corpus),
                    encoding="utf-8")
    return path


def measure_cli(corpus, model: str, workdir: Path) -> dict:
    words, docs = _words(corpus), len(corpus)
    corpus_file = _write_corpus(workdir / "corpus.jsonl", corpus)
    out = workdir / "out.jsonl"
    cache = ["--cache-dir", str(workdir / "cli-cache")]
    results = {}
    for name, extra in (("cold", cache), ("warm", cache),
                        ("workers_auto", ["--no-cache", "--workers", "auto"])):
        run = run_cli(corpus_file, out, model, *extra)
        results[name] = dict(_rate(run["seconds"], words, docs), peak_rss_mb=run["peak_rss_mb"])
    results["warm_speedup"] = round(results["cold"]["seconds"] / results["warm"]["seconds"], 1)
    results["workers_auto"]["processes"] = len(os.sched_getaffinity(0))
    results["workers_auto_speedup"] = round(
        results["cold"]["seconds"] / results["workers_auto"]["seconds"], 2)
    return results


def measure_busy(corpus, model: str, workdir: Path) -> dict:
    """One torch thread versus one per core, on a quiet machine and with one core held by a
    busy loop (another job on the same machine)."""
    words, docs = _words(corpus), len(corpus)
    corpus_file = _write_corpus(workdir / "busy.jsonl", corpus)
    out = workdir / "busy.out.jsonl"
    cores = len(os.sched_getaffinity(0))
    results: dict = {"documents": docs, "words": words, "cores": cores}
    for load in ("quiet", "one core busy"):
        spinner = None
        if load != "quiet":
            spinner = subprocess.Popen([sys.executable, "-c", "while True: pass"])
        try:
            for threads in sorted({1, cores}):
                run = run_cli(corpus_file, out, model, "--no-cache",
                              env={"QUOTES_THREADS": str(threads)})
                results[f"{load}, {threads} thread{'s' if threads > 1 else ''}"] = _rate(
                    run["seconds"], words, docs)
        finally:
            if spinner is not None:
                spinner.kill()
                spinner.wait()
    return results


def measure_lengths(analyzer, sizes=(10_000, 100_000, 1_000_000)) -> dict:
    """Single documents of growing length, parsed and attributed in this process (the model
    already loaded, no cache): time per character should not grow with length."""
    results = {}
    for size in sizes:
        text = long_document(size)
        started = time.perf_counter()
        records = analyzer.extract(text, "long")
        seconds = time.perf_counter() - started
        results[str(size)] = {"characters": len(text), "words": len(text.split()),
                              "seconds": round(seconds, 2), "attributions": len(records),
                              "microseconds_per_character": round(seconds / len(text) * 1e6, 1)}
    per_char = [r["microseconds_per_character"] for r in results.values()]
    results["max_over_min"] = round(max(per_char) / min(per_char), 2)
    return results


def measure_kernels(analyzer, corpus) -> dict:
    """Seconds inside torch's compiled functions while parsing ``corpus`` (in this process).

    The parse runs under cProfile; a compiled function's own time is what the profiler
    reports for it without the Python around it, so the sum over torch's functions is the
    models' arithmetic (LSTM steps, matrix products), whatever Stanza's Python adds.
    """
    import cProfile
    import pstats

    from quotes.analyzer import BATCH_SIZE

    texts = [text for _, text in corpus]
    profile = cProfile.Profile()
    started = time.perf_counter()
    profile.enable()
    for i in range(0, len(texts), BATCH_SIZE):
        analyzer.parse_many(texts[i:i + BATCH_SIZE])
    profile.disable()
    profiled = time.perf_counter() - started
    torch_seconds = Counter()
    for (filename, _, function), (_, _, own_seconds, _, _) in pstats.Stats(profile).stats.items():
        if filename == "~" and "torch" in function:
            torch_seconds[function] += own_seconds
    words = _words(corpus)
    total = sum(torch_seconds.values())
    lstm = sum(seconds for name, seconds in torch_seconds.items() if "lstm" in name)
    return {"documents": len(corpus), "words": words, "profiled_seconds": round(profiled, 2),
            "torch_seconds": round(total, 2), "lstm_seconds": round(lstm, 2),
            "words_per_second": round(words / max(total, 1e-6))}


def measure_memory(corpus, workdir: Path, model: str, sizes=(2000, 20000)) -> dict:
    """Peak memory of streaming runs of different lengths (``quotes extract`` to JSONL).

    The documents reuse the benchmark corpus's texts, already in the command-line run's parse
    cache, so the runs exercise reading, attribution and writing at full speed: if memory grew
    with the corpus, the longer run would show it.
    """
    report = {}
    for size in sizes:
        path = workdir / f"memory-{size}.jsonl"
        with path.open("w", encoding="utf-8") as handle:
            for number in range(size):
                handle.write(json.dumps({"id": f"m{number:06d}",
                                         "text": corpus[number % len(corpus)][1]}) + "\n")
        run = run_cli(path, workdir / f"memory-{size}.out.jsonl", model,
                      "--cache-dir", str(workdir / "cli-cache"))
        report[str(size)] = {"documents": size, "seconds": run["seconds"],
                             "peak_rss_mb": run["peak_rss_mb"]}
        path.unlink()
    small, large = (report[str(s)]["peak_rss_mb"] for s in (sizes[0], sizes[-1]))
    report["growth"] = round(large / small - 1, 3)
    return report


def table(report: dict) -> str:
    from tabulate import tabulate

    words = report["words"]
    rows = []
    stages = report["stages"]
    for name, figures in stages["stages"].items():
        rows.append([f"stage: {name}", figures["words_per_second"], "",
                     f"{figures['seconds'] / stages['parse']['seconds']:.0%} of the parse"])
    rows.append(["stage: attribution and speakers",
                 stages["attribution_and_speakers"]["words_per_second"], "", ""])
    cli = report["cli"]
    rows += [["parse only, in process", stages["parse"]["words_per_second"], "", ""],
             ["quotes extract, cold", cli["cold"]["words_per_second"], cli["cold"]["seconds"],
              f"peak {cli['cold']['peak_rss_mb']} MB"],
             ["quotes extract, warm cache", cli["warm"]["words_per_second"],
              cli["warm"]["seconds"], f"{cli['warm_speedup']}x cold"],
             [f"quotes extract --workers auto ({cli['workers_auto']['processes']})",
              cli["workers_auto"]["words_per_second"], cli["workers_auto"]["seconds"],
              f"{cli['workers_auto_speedup']}x cold"]]
    for name, figures in report["busy"].items():
        if isinstance(figures, dict):
            rows.append([f"{report['busy']['documents']} articles, {name}",
                         figures["words_per_second"], figures["seconds"], ""])
    for size, figures in report["lengths"].items():
        if isinstance(figures, dict):
            rows.append([f"one document of {int(size):,} characters",
                         round(figures["words"] / figures["seconds"]), figures["seconds"],
                         f"{figures['microseconds_per_character']} µs/char"])
    kernels = report.get("kernels")
    if kernels:
        rows.append([f"torch's own functions alone, {kernels['documents']} articles",
                     kernels["words_per_second"], kernels["torch_seconds"],
                     f"LSTMs {kernels['lstm_seconds'] / kernels['torch_seconds']:.0%}"])
    head = (f"{report['documents']} articles, {words:,} words, {report['machine']['cpus']} CPUs, "
            f"model {report['model']} (NER included)")
    memory = report["memory"]
    runs = [figures for figures in memory.values() if isinstance(figures, dict)]
    tail = (f"streaming memory: {runs[0]['peak_rss_mb']} MB for {runs[0]['documents']:,} "
            f"documents, {runs[-1]['peak_rss_mb']} MB for {runs[-1]['documents']:,} "
            f"({memory['growth']:+.1%}); "
            f"time per character, longest over shortest document: "
            f"{report['lengths']['max_over_min']}x")
    return "\n".join([head, tabulate(rows, headers=["run", "words/s", "seconds", ""]), tail])


def main(argv: list[str] | None = None) -> None:
    cli = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    cli.add_argument("--articles", type=int, default=500)
    cli.add_argument("--busy-articles", type=int, default=40)
    cli.add_argument("--model", default="bundled")
    cli.add_argument("--out", type=Path, default=ROOT / "bench.json")
    cli.add_argument("--quick", action="store_true",
                     help="a smoke run: 20 articles, short documents, small memory runs")
    args = cli.parse_args(argv)
    articles = 20 if args.quick else args.articles
    corpus = synthetic_corpus(articles)
    os.environ.setdefault("QUOTES_THREADS", "1")
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        report = {"machine": {"cpus": os.cpu_count(), "platform": platform.platform(),
                              "python": platform.python_version()},
                  "model": args.model, "documents": len(corpus), "words": _words(corpus)}
        report["stages"], analyzer = measure_stages(corpus, args.model)
        report["cli"] = measure_cli(corpus, args.model, workdir)
        report["busy"] = measure_busy(corpus[:5 if args.quick else args.busy_articles],
                                      args.model, workdir)
        report["lengths"] = measure_lengths(
            analyzer, (2_000, 10_000) if args.quick else (10_000, 100_000, 1_000_000))
        report["kernels"] = measure_kernels(analyzer, corpus[:5 if args.quick else 60])
        del analyzer
        report["memory"] = measure_memory(corpus, workdir, args.model,
                                          (200, 2000) if args.quick else (2000, 20000))
    print(table(report))
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
