"""Command line: parse options, call the library, render. Errors become one line and an exit code."""
from __future__ import annotations

import csv
import json
import sys
import warnings
from typing import Any, Iterable

import click

from . import __version__
from .corpus import AtomicWriter, InputError, check_article, read_articles
from .marks import balance_warnings
from .nlp import ModelError
from .records import COLUMNS, Attribution

FORMATS = ("table", "csv", "jsonl", "json")
TABLE_COLUMNS = ("doc_id", "quote_id", "kind", "text", "cue", "speaker", "speaker_name",
                 "speaker_type", "anonymity")


class UsageError(click.ClickException):
    exit_code = 2


def _fail(message: str) -> UsageError:
    return UsageError(message.splitlines()[0] if message else "error")


def _warn_one_line(message, category, filename, lineno, file=None, line=None):
    click.echo(f"warning: {message}", err=True)


def _analyzer(model: str):
    from .analyzer import Analyzer

    try:
        return Analyzer(model)
    except ModelError as exc:
        raise _fail(str(exc)) from None


def _short(value: Any, width: int = 60) -> Any:
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


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Output format (default: table on a terminal, jsonl otherwise).")
@click.option("-o", "--output", default="-", help="Output file ('-' for stdout).")
@click.option("--model", default="auto", show_default=True,
              help="'auto', 'bundled', 'stanza' or a folder of models.")
@click.option("--text-column", default="text", show_default=True, help="CSV/JSONL text field.")
@click.option("--id-column", default="id", show_default=True, help="CSV/JSONL id field.")
@click.option("--no-scare", is_flag=True, help="Leave out scare quotes, titles and nicknames.")
def extract(inputs, fmt, output, model, text_column, id_column, no_scare):
    """Extract attributions from INPUT files (.txt, folders, .jsonl, .csv, or - for stdin)."""
    if fmt is None:
        fmt = "table" if output == "-" and sys.stdout.isatty() else "jsonl"
    analyzer = _analyzer(model)
    click.echo(f"model: {analyzer.model}", err=True)
    rows: list[dict] = []
    failed = documents = 0
    extra: list[str] = []
    try:
        articles = list(read_articles(inputs, text_column=text_column, id_column=id_column))
    except InputError as exc:
        raise _fail(str(exc)) from None
    good = []
    for article in articles:
        problem = check_article(article)
        if problem:
            click.echo(f"error: {article.doc_id}: {problem}; skipped", err=True)
            failed += 1
        else:
            good.append(article)
            for warning in balance_warnings(article.text)[:3]:
                click.echo(f"warning: {article.doc_id}: {warning}", err=True)
    if not good and failed:
        raise _fail("no document could be processed")
    meta = {a.doc_id: a.meta for a in good}
    for doc_id, records in _extract_all(analyzer, good):
        documents += 1
        if records is None:
            failed += 1
            continue
        for record in records:
            if no_scare and record.kind == "scare":
                continue
            row = record.to_dict()
            for key, value in meta.get(doc_id, {}).items():
                if key not in row:
                    row[key] = value
                    if key not in extra:
                        extra.append(key)
            rows.append(row)
    columns = TABLE_COLUMNS if fmt == "table" else tuple(COLUMNS) + tuple(extra)
    try:
        with AtomicWriter(output, newline="" if fmt == "csv" else None) as handle:
            render(rows, fmt, handle, columns)
    except InputError as exc:
        raise _fail(str(exc)) from None
    click.echo(f"{documents} documents, {len(rows)} attributions", err=True)
    if failed:
        click.echo(f"error: {failed} document(s) failed", err=True)
        sys.exit(1)


def _extract_all(analyzer, articles):
    """(doc_id, records or None on failure) per article; a failing batch is retried one by one."""
    try:
        yield from analyzer.extract_many((a.doc_id, a.text) for a in articles)
    except Exception:  # fall back to one document at a time to isolate the failure
        for article in articles:
            try:
                yield article.doc_id, analyzer.extract(article.text, article.doc_id)
            except Exception as exc:  # noqa: BLE001 - reported, run continues
                click.echo(f"error: {article.doc_id}: {type(exc).__name__}: {exc}", err=True)
                yield article.doc_id, None


@main.command()
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.argument("predictions", required=False, type=click.Path(exists=True, dir_okay=False))
@click.option("--subset", type=click.Choice(("all", "speech", "direct")), default="all",
              show_default=True)
@click.option("--model", default="auto", show_default=True)
@click.option("--json-only", is_flag=True, help="Print only the JSON line.")
def evaluate(gold, predictions, subset, model, json_only):
    """Score extraction against GOLD.jsonl (running it, or reading PREDICTIONS.jsonl)."""
    from tabulate import tabulate

    from .evaluate import load_jsonl, score, table_rows

    try:
        gold_docs = load_jsonl(gold)
    except (OSError, ValueError) as exc:
        raise _fail(f"{gold}: cannot read gold JSONL ({exc})") from None
    by_doc: dict[str, list[dict]] = {}
    if predictions:
        for row in load_jsonl(predictions):
            by_doc.setdefault(str(row.get("doc_id")), []).append(row)
    else:
        analyzer = _analyzer(model)
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
    from .nlp import download_official_models

    try:
        target = download_official_models()
    except ModelError as exc:
        raise _fail(str(exc)) from None
    click.echo(f"installed Stanza's English models in {target}")


if __name__ == "__main__":
    main()
