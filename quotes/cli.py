"""Command line: parse options, call the library, render. Errors become one line and an exit code."""
from __future__ import annotations

import csv
import json
import sys
import warnings
from typing import Any, Iterable

import click

from . import __version__
from .analyzer import BATCH_SIZE, Analyzer
from .attribution.marks import balance_warnings
from .io.readers import InputError, missing_inputs, read_articles
from .io.writers import AtomicWriter
from .parse.nlp import ModelError
from .records import COLUMNS

FORMATS = ("table", "csv", "jsonl", "json")
TABLE_COLUMNS = ("doc_id", "quote_id", "kind", "text", "cue", "speaker", "speaker_name",
                 "speaker_type", "anonymity")


class UsageError(click.ClickException):
    exit_code = 2


def _fail(message: str) -> UsageError:
    return UsageError(message.splitlines()[0] if message else "error")


def _warn_one_line(message, category, filename, lineno, file=None, line=None):
    click.echo(f"warning: {message}", err=True)


def _analyzer(model: str, cache_dir: str | None = None):
    try:
        return Analyzer(model, cache_dir=cache_dir)
    except ModelError as exc:
        raise _fail(str(exc)) from None


def _short(value: Any, width: int = 36) -> Any:
    if isinstance(value, str):
        value = " ".join(value.split())
        return value if len(value) <= width else value[: width - 1] + "…"
    return value


def render(rows: list[dict], fmt: str, handle, columns: Iterable[str]) -> None:
    columns = list(columns)
    if fmt == "jsonl":
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt == "json":
        json.dump(rows, handle, ensure_ascii=False, indent=1)
        handle.write("\n")
    elif fmt == "csv":
        writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: (json.dumps(v) if isinstance(v, (list, tuple)) else v)
                             for k, v in row.items()})
    else:
        from tabulate import tabulate

        table = [[_short(row.get(c)) for c in columns] for row in rows]
        handle.write(tabulate(table, headers=columns, tablefmt="simple") + "\n")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="quotes")
def main() -> None:
    """Find quotations and attributions in news articles: who said what, and how."""
    warnings.showwarning = _warn_one_line


def input_options(command):
    """The options every command that reads articles shares."""
    for option in reversed([
        click.option("--model", default="auto", show_default=True,
                     help="'auto', 'bundled', 'stanza' or a folder of models."),
        click.option("--text-column", default="text", show_default=True,
                     help="CSV/JSONL field holding the article text."),
        click.option("--id-column", default="id", show_default=True,
                     help="CSV/JSONL field holding the document id."),
        click.option("--cache-dir", type=click.Path(file_okay=False), default=None,
                     help="Parse cache folder (default: $QUOTES_CACHE_DIR or the user cache)."),
        click.option("--no-cache", is_flag=True, help="Parse everything again; store nothing."),
        click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
                     help="Parse with this many processes."),
        click.option("--batch-size", type=click.IntRange(1, 1024), default=BATCH_SIZE, show_default=True,
                     help="Articles per Stanza call."),
    ]):
        command = option(command)
    return command


def _cache_dir(cache_dir: str | None, no_cache: bool) -> str | None:
    if no_cache:
        return None
    from .parse.cache import default_cache_dir

    return cache_dir or str(default_cache_dir())


class Progress:
    """A one-line document counter on stderr, shown only on a terminal."""

    def __init__(self) -> None:
        self.enabled = sys.stderr.isatty()
        self.count = 0

    def step(self) -> None:
        self.count += 1
        if self.enabled and self.count > 1:
            click.echo(f"\r{self.count} documents…", err=True, nl=False)

    def done(self) -> None:
        if self.enabled and self.count > 1:
            click.echo("\r", err=True, nl=False)


def analyze_inputs(inputs, *, model, text_column, id_column, cache_dir, no_cache, workers,
                   batch_size, skip_ids=frozenset()):
    """Yield (article, records) for every readable article; report failures on stderr.

    Returns through StopIteration value the number of failed documents.
    """
    from .io.runner import run

    missing = missing_inputs(inputs)
    if missing:
        raise _fail(f"{missing[0]}: no such file or directory")
    skipped: list[str] = []
    articles = read_articles(inputs, text_column=text_column, id_column=id_column,
                             skipped=skipped)
    cache = _cache_dir(cache_dir, no_cache)
    analyzer = None
    if workers == 1:
        try:
            analyzer = Analyzer(model, cache_dir=cache)
        except ModelError as exc:
            raise _fail(str(exc)) from None
        click.echo(f"model: {analyzer.model}", err=True)
    else:
        click.echo(f"model: {model} ({workers} workers)", err=True)
    failed = 0
    progress = Progress()

    def wanted():
        for article in articles:
            if article.doc_id in skip_ids:
                continue
            for warning in balance_warnings(article.text)[:3]:
                click.echo(f"warning: {article.doc_id}: {warning}", err=True)
            yield article

    try:
        for outcome in run(wanted(), analyzer=analyzer, model=model, cache_dir=cache,
                           workers=workers, batch_size=batch_size):
            progress.step()
            while skipped:
                click.echo(f"error: {skipped.pop(0)}; skipped", err=True)
                failed += 1
            if outcome.records is None:
                click.echo(f"error: {outcome.article.doc_id}: {outcome.error}; skipped", err=True)
                failed += 1
            yield outcome.article, outcome.records
    except InputError as exc:
        raise _fail(str(exc)) from None
    except ModelError as exc:
        raise _fail(str(exc)) from None
    progress.done()
    for message in skipped:
        click.echo(f"error: {message}; skipped", err=True)
        failed += 1
    return failed


def _rows(article, records, no_scare):
    rows = []
    for record in records:
        if no_scare and record.kind == "scare":
            continue
        row = record.to_dict()
        for key, value in article.meta.items():
            row.setdefault(key, value)
        rows.append(row)
    return rows


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Output format (default: table on a terminal, jsonl otherwise).")
@click.option("-o", "--output", default="-", help="Output file ('-' for stdout).")
@click.option("--no-scare", is_flag=True, help="Leave out scare quotes, titles and nicknames.")
@click.option("--resume", is_flag=True,
              help="Continue an interrupted jsonl/csv run into the same --output.")
@input_options
def extract(inputs, fmt, output, no_scare, resume, **options):
    """Extract attributions from INPUT files (.txt, folders, .jsonl, .csv, or - for stdin).

    jsonl and csv output is written document by document (to OUTPUT.partial, renamed when the
    run ends), so memory stays flat on large corpora and --resume can pick an interrupted run up.
    """
    from .io.sink import STREAMING_FORMATS, RecordSink

    if fmt is None:
        fmt = "table" if output == "-" and sys.stdout.isatty() else "jsonl"
    if resume and (output == "-" or fmt not in STREAMING_FORMATS):
        raise _fail("--resume needs -o FILE and -f jsonl or csv")
    documents = attributions = 0
    if fmt in STREAMING_FORMATS:
        first_meta = _first_meta(inputs, options)
        columns = list(COLUMNS) + [k for k in first_meta if k not in COLUMNS]
        try:
            sink = RecordSink(output, fmt, columns, resume=resume)
        except InputError as exc:
            raise _fail(str(exc)) from None
        if sink.done:
            click.echo(f"resuming after {len(sink.done)} finished documents", err=True)
        results = analyze_inputs(inputs, skip_ids=frozenset(sink.done), **options)

        def write(article, records):
            rows = _rows(article, records, no_scare) if records is not None else []
            sink.write_document(article.doc_id, rows)

        failed, documents = yield_from(results, write)
        sink.close(complete=True)
        attributions = sink.rows_written
    else:
        rows: list[dict] = []
        extra: list[str] = []

        def collect(article, records):
            if records is None:
                return
            for row in _rows(article, records, no_scare):
                extra.extend(k for k in row if k not in COLUMNS and k not in extra)
                rows.append(row)

        failed, documents = yield_from(analyze_inputs(inputs, **options), collect)
        columns = TABLE_COLUMNS if fmt == "table" else tuple(COLUMNS) + tuple(extra)
        try:
            with AtomicWriter(output, newline="" if fmt == "csv" else None) as handle:
                render(rows, fmt, handle, columns)
        except InputError as exc:
            raise _fail(str(exc)) from None
        attributions = len(rows)
    if documents == 0 and failed:
        raise _fail("no document could be processed")
    click.echo(f"{documents} documents, {attributions} attributions", err=True)
    if failed:
        click.echo(f"error: {failed} document(s) failed", err=True)
        sys.exit(1)


def yield_from(results, handle) -> tuple[int, int]:
    """Drive analyze_inputs, handing each result to ``handle``; (failed, documents done)."""
    documents = 0
    while True:
        try:
            article, records = next(results)
        except StopIteration as stop:
            return (stop.value or 0), documents
        handle(article, records)
        if records is not None:
            documents += 1


def _first_meta(inputs, options) -> dict:
    """Metadata fields of the first article, to fix CSV columns before streaming."""
    try:
        article = next(read_articles([i for i in inputs if i != "-"][:1],
                                     text_column=options["text_column"],
                                     id_column=options["id_column"], skipped=[]), None)
    except InputError:
        return {}
    return article.meta if article else {}


def _collect(inputs, options) -> tuple[list, "object", int]:
    """Analyze inputs: (articles with records, DataFrame of all records, failed count)."""
    from .records import to_frame

    done: list = []
    rows: list[dict] = []

    def keep(article, records):
        if records is not None:
            done.append((article, records))
            rows.extend(_rows(article, records, False))

    failed, _ = yield_from(analyze_inputs(inputs, **options), keep)
    if not done:
        raise _fail("no document could be processed" if failed else "no documents in input")
    frame = to_frame(rows)
    click.echo(f"{len(done)} documents, {len(frame)} attributions", err=True)
    return done, frame, failed


def _finish(failed: int) -> None:
    if failed:
        click.echo(f"error: {failed} document(s) failed", err=True)
        sys.exit(1)


def _write_frame(frame, output: str, fmt: str, columns=None) -> None:
    records = frame.where(frame.notna(), None).to_dict("records")
    try:
        with AtomicWriter(output, newline="" if fmt == "csv" else None) as handle:
            render(records, fmt, handle, columns or list(frame.columns))
    except InputError as exc:
        raise _fail(str(exc)) from None


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out-dir", type=click.Path(file_okay=False), required=True,
              help="Folder for one CSV per speaker plus speakers.csv.")
@click.option("--min-quotes", type=click.IntRange(1), default=1, show_default=True)
@click.option("--type", "speaker_type", type=click.Choice(("person", "group", "organization")))
@click.option("--include-unnamed/--named-only", default=True, show_default=True,
              help="Keep unnamed and anonymous sources (each description its own row).")
@click.option("--top", type=click.IntRange(0), default=15, show_default=True,
              help="Speakers shown in the printed table.")
@input_options
def speakers(inputs, out_dir, min_quotes, speaker_type, include_unnamed, top, **options):
    """Write one CSV of attributions per canonical speaker, and speakers.csv, to --out-dir."""
    import os

    from tabulate import tabulate

    from .reports.tables import speaker_index, speaker_tables

    _, frame, failed = _collect(inputs, options)
    filters = dict(min_quotes=min_quotes, speaker_type=speaker_type,
                   named_only=not include_unnamed)
    index = speaker_index(frame, **filters)
    tables = speaker_tables(frame, **filters)
    try:
        os.makedirs(out_dir, exist_ok=True)
    except OSError as exc:
        raise _fail(f"{out_dir}: cannot create ({exc.strerror})") from None
    for name, table in tables.items():
        _write_frame(table, os.path.join(out_dir, name), "csv")
    _write_frame(index, os.path.join(out_dir, "speakers.csv"), "csv")
    shown = index.head(top)[["speaker_name", "speaker_type", "anonymity", "attributions",
                             "articles", "file"]]
    click.echo(tabulate(shown.values.tolist(), headers=list(shown.columns)))
    click.echo(f"wrote {len(tables)} speaker files and speakers.csv to {out_dir}", err=True)
    _finish(failed)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", default=None, help="Also write the audit table here (CSV).")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="table",
              show_default=True)
@click.option("--by", "by", default=None, help="Group by a metadata field (outlet, date, …).")
@click.option("--fail-above", type=click.FloatRange(0, 1), default=None,
              help="Exit 1 when an article's anonymous share exceeds this (0-1).")
@input_options
def audit(inputs, output, fmt, by, fail_above, **options):
    """Per-article anonymous-sourcing audit (scare quotes excluded from the counts)."""
    from .reports.tables import audit as audit_table
    from .reports.tables import failing_articles

    done, frame, failed = _collect(inputs, options)
    for article, _ in done:
        if "title" in article.meta and "title" not in frame.columns:
            frame["title"] = frame["doc_id"].map({a.doc_id: a.meta.get("title") for a, _ in done})
            break
    try:
        table, totals = audit_table(frame, documents=[a.doc_id for a, _ in done], by=by)
    except ValueError as exc:
        raise _fail(str(exc)) from None
    _write_frame(table, "-", fmt)
    click.echo(f"scare quotes excluded from counts: {totals['scare_excluded']}", err=True)
    if output:
        _write_frame(table, output, "csv")
    if fail_above is not None:
        over = failing_articles(table, fail_above)
        if over:
            click.echo(f"anonymous share above {fail_above:g} in: {', '.join(map(str, over))}",
                       err=True)
            sys.exit(1)
    _finish(failed)


@main.command()
@click.argument("article", type=click.Path(dir_okay=False))
@click.option("--expect", type=click.Path(exists=True, dir_okay=False),
              help="CSV of expected attributions: text (a substring), speaker_name, anonymity"
                   " [, kind, cue].")
@click.option("--color/--no-color", default=None, help="Colour (default: on a terminal).")
@input_options
def check(article, expect, color, **options):
    """Review one article's attributions; with --expect, exit 1 on any difference."""
    import pandas as pd

    from .reports.tables import check_against, review_lines

    done, _, failed = _collect([article], options)
    if failed:
        _finish(failed)
    (item, records), = done[:1]
    if color is None:
        color = sys.stdout.isatty()
    for line in review_lines(item.text, records, color=color):
        click.echo(line)
    if expect:
        try:
            expected = pd.read_csv(expect, dtype=str, keep_default_na=False)
        except Exception as exc:  # noqa: BLE001 - any unreadable CSV is a usage error
            raise _fail(f"{expect}: cannot read expected CSV ({exc})") from None
        if "text" not in expected.columns:
            raise _fail(f"{expect}: needs a 'text' column")
        problems = check_against(records, expected)
        for problem in problems:
            detail = (f" {problem['field']}: expected {problem['expected']!r}, found "
                      f"{problem['found']!r}" if problem["problem"] == "mismatch" else "")
            click.echo(f"{problem['problem'].upper()}: {problem['text']!r}{detail}")
        if problems:
            click.echo(f"{len(problems)} difference(s) from {expect}", err=True)
            sys.exit(1)
        click.echo(f"all {len(expected)} expected attributions match", err=True)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", required=True, help="The HTML file to write.")
@click.option("--by", "by", default=None, help="Chart shares per metadata field group.")
@click.option("--title", default="quotes report", show_default=True)
@input_options
def report(inputs, output, by, title, **options):
    """Write a self-contained HTML review page of the articles' attributions."""
    from .reports.html import render_report

    done, frame, failed = _collect(inputs, options)
    articles = [(a.doc_id, a.text, a.meta) for a, _ in done]
    model = frame["model"].dropna().iloc[0] if frame["model"].notna().any() else None
    try:
        page = render_report(articles, frame, title=title, model=model, by=by)
    except ValueError as exc:
        raise _fail(str(exc)) from None
    try:
        with AtomicWriter(output) as handle:
            handle.write(page)
    except InputError as exc:
        raise _fail(str(exc)) from None
    click.echo(f"wrote {output}", err=True)
    _finish(failed)


@main.command()
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.argument("predictions", required=False, type=click.Path(exists=True, dir_okay=False))
@click.option("--subset", type=click.Choice(("all", "speech", "direct")), default="all",
              show_default=True)
@click.option("--model", default="auto", show_default=True)
@click.option("--cache-dir", type=click.Path(file_okay=False), default=None,
              help="Parse cache folder (default: $QUOTES_CACHE_DIR or the user cache).")
@click.option("--no-cache", is_flag=True, help="Parse everything again; store nothing.")
@click.option("--json-only", is_flag=True, help="Print only the JSON line.")
def evaluate(gold, predictions, subset, model, cache_dir, no_cache, json_only):
    """Score extraction against GOLD.jsonl (running it, or reading PREDICTIONS.jsonl)."""
    from tabulate import tabulate

    from .reports.evaluate import load_jsonl, score, table_rows

    try:
        gold_docs = load_jsonl(gold)
    except (OSError, ValueError) as exc:
        raise _fail(f"{gold}: cannot read gold JSONL ({exc})") from None
    by_doc: dict[str, list[dict]] = {}
    if predictions:
        for row in load_jsonl(predictions):
            by_doc.setdefault(str(row.get("doc_id")), []).append(row)
    else:
        analyzer = _analyzer(model, _cache_dir(cache_dir, no_cache))
        click.echo(f"model: {analyzer.model}", err=True)
        for doc_id, records in analyzer.extract_many((d["id"], d["text"]) for d in gold_docs):
            by_doc[doc_id] = [r.to_dict() for r in records]
    result = score(gold_docs, by_doc, subset=subset)
    summary = result.as_dict()
    if not json_only:
        click.echo(f"{gold} ({summary['documents']} documents, {summary['gold']} gold "
                   f"attributions, subset {subset})")
        click.echo(tabulate(table_rows(result), headers=["measure", "P", "R", "F1 / acc"]))
    click.echo(json.dumps(summary))


@main.group()
def models() -> None:
    """Show or fetch the parsing models."""


@models.command("info")
@click.option("--model", default="auto", show_default=True)
def models_info(model):
    """Print which model a run would use."""
    analyzer = _analyzer(model)
    info = analyzer.pipeline.info
    click.echo(f"{info.name} {info.version} ({info.path})")


@models.command("download")
def models_download():
    """Download Stanza's official English models (needs internet)."""
    from .parse.nlp import download_official_models

    try:
        target = download_official_models()
    except ModelError as exc:
        raise _fail(str(exc)) from None
    click.echo(f"installed Stanza's English models in {target}")


if __name__ == "__main__":
    main()
