"""``make bench``: throughput and memory of a corpus run, written to a table and bench.json.

    python -m tools.bench [--articles 500] [--model bundled] [--out bench.json]

The corpus is the project's own ``corpora/articles`` recombined: each synthetic article joins
paragraphs drawn (with a fixed seed) from different articles, so texts are realistic news copy
and all distinct (no parse cache hit between them).
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
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLES_DIR = ROOT / "corpora" / "articles"


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


def _words(corpus) -> int:
    return sum(len(text.split()) for _, text in corpus)


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(corpus, model: str, workdir: Path) -> dict:
    from quotes.analyzer import Analyzer
    from quotes.attribution.extract import extract_from_parse
    from quotes.speakers.resolve import resolve_speakers

    words, docs = _words(corpus), len(corpus)
    results: dict = {"documents": docs, "words": words}

    def rate(seconds: float) -> dict:
        return {"seconds": round(seconds, 2), "words_per_second": round(words / seconds),
                "documents_per_second": round(docs / seconds, 2)}

    started = time.perf_counter()
    analyzer = Analyzer(model, cache_dir=workdir / "cache")
    results["load_seconds"] = round(time.perf_counter() - started, 2)

    # Parsing only (Stanza, batched) — this also fills the cache for the warm run.
    started = time.perf_counter()
    parsed = []
    for i in range(0, docs, 16):
        parsed.extend(analyzer.parse_many([t for _, t in corpus[i:i + 16]]))
    parse_seconds = time.perf_counter() - started
    results["parse_only"] = rate(parse_seconds)

    # Attribution only, on the parses in memory.
    started = time.perf_counter()
    for (doc_id, _), doc in zip(corpus, parsed):
        resolve_speakers(doc, extract_from_parse(doc, doc_id))
    results["attribution_only"] = rate(time.perf_counter() - started)
    del parsed

    # End to end, cold (no cache) and warm (the cache filled above).
    cold = Analyzer(pipeline=analyzer.pipeline)
    started = time.perf_counter()
    for _ in cold.extract_many(corpus):
        pass
    cold_seconds = time.perf_counter() - started
    results["end_to_end_cold"] = rate(cold_seconds)
    started = time.perf_counter()
    for _ in analyzer.extract_many(corpus):
        pass
    results["end_to_end_warm_cache"] = rate(time.perf_counter() - started)
    results["warm_speedup"] = round(cold_seconds / results["end_to_end_warm_cache"]["seconds"], 1)
    results["share_outside_stanza"] = round(
        results["attribution_only"]["seconds"] / cold_seconds, 3)
    results["peak_rss_mb_single_process"] = round(_peak_rss_mb())
    return results


def measure_workers(corpus_file: Path, model: str, workers: int, words: int, docs: int) -> dict:
    """The CLI with --workers N on a JSONL corpus, in a child process (its own memory peak)."""
    out = corpus_file.with_suffix(".out.jsonl")
    command = [sys.executable, "-m", "quotes.cli", "extract", str(corpus_file), "-o", str(out),
               "--no-cache", "--workers", str(workers), "--model", model]
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"seconds": round(seconds, 2), "words_per_second": round(words / seconds),
            "documents_per_second": round(docs / seconds, 2), "peak_rss_mb_largest_process":
            round(peak)}


def measure_memory(corpus, workdir: Path, model: str, sizes=(2000, 20000)) -> dict:
    """Peak memory of streaming runs of different lengths (``quotes extract`` to JSONL).

    The documents reuse the benchmark corpus's texts, already in the parse cache, so the runs
    exercise reading, attribution and writing at full speed: if memory grew with the corpus,
    the longer run would show it.
    """
    report = {}
    for size in sizes:
        path = workdir / f"memory-{size}.jsonl"
        with path.open("w", encoding="utf-8") as handle:
            for number in range(size):
                handle.write(json.dumps({"id": f"m{number:06d}",
                                         "text": corpus[number % len(corpus)][1]}) + "\n")
        out = workdir / f"memory-{size}.out.jsonl"
        probe = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, "
                 "capture_output=True); print(resource.getrusage(resource.RUSAGE_CHILDREN)"
                 ".ru_maxrss)")
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", probe, sys.executable, "-m", "quotes.cli",
                               "extract", str(path), "-o", str(out), "--model", model,
                               "--cache-dir", str(workdir / "cache")],
                              check=True, capture_output=True, text=True)
        report[str(size)] = {"documents": size, "seconds": round(time.perf_counter() - started, 1),
                             "peak_rss_mb": round(int(done.stdout.strip()) / 1024)}
        path.unlink()
        out.unlink()
    small, large = (report[str(s)]["peak_rss_mb"] for s in sizes)
    report["growth"] = round(large / small - 1, 3)
    return report


def main(argv: list[str] | None = None) -> None:
    cli = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    cli.add_argument("--articles", type=int, default=500)
    cli.add_argument("--model", default="bundled")
    cli.add_argument("--workers", type=int, default=2)
    cli.add_argument("--out", type=Path, default=ROOT / "bench.json")
    args = cli.parse_args(argv)
    from tabulate import tabulate

    corpus = synthetic_corpus(args.articles)
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        report = {"machine": {"cpus": os.cpu_count(), "platform": platform.platform(),
                              "python": platform.python_version()},
                  "model": args.model}
        report.update(measure(corpus, args.model, workdir))
        corpus_file = workdir / "corpus.jsonl"
        corpus_file.write_text("".join(json.dumps({"id": i, "text": t}) + "\n"
                                       for i, t in corpus), encoding="utf-8")
        report[f"end_to_end_workers_{args.workers}"] = measure_workers(
            corpus_file, args.model, args.workers, report["words"], report["documents"])
        report["memory"] = measure_memory(corpus, workdir, args.model)
    rows = [[name, report[name]["words_per_second"], report[name]["documents_per_second"],
             report[name]["seconds"]]
            for name in ("parse_only", "attribution_only", "end_to_end_cold",
                         "end_to_end_warm_cache", f"end_to_end_workers_{args.workers}")]
    print(f"{report['documents']} articles, {report['words']} words, "
          f"{report['machine']['cpus']} CPUs, model {args.model}")
    print(tabulate(rows, headers=["run", "words/s", "docs/s", "seconds"]))
    print(f"warm cache speed-up: {report['warm_speedup']}x; share of cold time outside Stanza: "
          f"{report['share_outside_stanza']:.1%}; peak RSS {report['peak_rss_mb_single_process']}"
          f" MB (single process), {report[f'end_to_end_workers_{args.workers}']['peak_rss_mb_largest_process']} MB (largest worker run process)")
    memory = report["memory"]
    print(f"streaming memory: {memory['2000']['peak_rss_mb']} MB for 2,000 documents, "
          f"{memory['20000']['peak_rss_mb']} MB for 20,000 ({memory['growth']:+.1%})")
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
