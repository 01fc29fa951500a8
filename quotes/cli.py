"""Command line: parse options, call the library, render. Errors become one line and an exit code."""
from __future__ import annotations

import itertools
import json
import math
import os
import sys
import time
import warnings
from contextlib import contextmanager
from typing import Any, Iterable, Iterator

import click

from . import __version__
from .analyzer import BATCH_SIZE, Analyzer
from .attribution.marks import balance_warnings
from .io.readers import (
    Article,
    InputError,
    check_inputs,
    count_articles,
    distinct_ids,
    read_articles,
)
from .io.runner import Runner
from .io.writers import ROW_FORMATS, AtomicWriter, RowWriter, check_target
from .parse.nlp import ModelError
from .records import COLUMNS
from .reports.evaluate import ERROR_KINDS

FORMATS = ("table", "csv", "jsonl", "json")
TABLE_COLUMNS = ("doc_id", "quote_id", "kind", "text", "cue", "speaker", "speaker_name",
                 "speaker_type", "anonymity")


class UsageError(click.ClickException):
    exit_code = 2


class WriteError(click.ClickException):
    """An output could not be written (a full disk): the run failed, the input was fine."""

    exit_code = 1


def _fail(message: str) -> UsageError:
    return UsageError(message.splitlines()[0] if message else "error")


def _one_line(exc: click.UsageError) -> UsageError:
    """click's usage error (usage, hint, error: three lines) as one line naming the help."""
    where = f" (see '{exc.ctx.command_path} --help')" if exc.ctx is not None else ""
    return _fail(exc.format_message().strip().replace("\n", " ") + where)


def _detach_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's last flush has nothing left to fail on."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


class QuotesGroup(click.Group):
    """Every failure ends as one line on stderr: usage errors exit 2, failed writes exit 1,
    and a reader that stops reading (``| head``) ends the run quietly."""

    def make_context(self, info_name, args, parent=None, **extra):
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except click.exceptions.NoArgsIsHelpError:
            raise
        except click.UsageError as exc:
            raise _one_line(exc) from None

    def invoke(self, ctx):
        try:
            result = super().invoke(ctx)
            sys.stdout.flush()     # a full disk shows now, not as "Exception ignored" at exit
            return result
        except click.exceptions.NoArgsIsHelpError:
            raise
        except click.UsageError as exc:
            raise _one_line(exc) from None
        except BrokenPipeError:
            _detach_stdout()
            ctx.exit(1)
        except OSError as exc:
            _detach_stdout()
            # Files the commands write carry their name; an error without one is stdout's.
            where = f"{exc.filename}: " if exc.filename else "stdout: "
            raise WriteError(f"{where}cannot write ({exc.strerror or exc})") from None


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


def _is_share(column: str) -> bool:
    return column.endswith("_share")


def _table_cell(column: str, value: Any) -> Any:
    """A value as a terminal table shows it: shares as percentages, long text cut short."""
    if _is_share(column) and isinstance(value, (int, float)) and not isinstance(value, bool) \
            and not math.isnan(value):
        return f"{value:.1%}"
    return _short(value)


def render(rows: list[dict], fmt: str, handle, columns: Iterable[str]) -> None:
    columns = list(columns)
    if fmt in ROW_FORMATS:
        RowWriter(handle, fmt, columns).write_all(rows)
    elif fmt == "json":
        json.dump(rows, handle, ensure_ascii=False, indent=1)
        handle.write("\n")
    else:
        from tabulate import tabulate

        table = [[_table_cell(c, row.get(c)) for c in columns] for row in rows]
        align = ["right" if _is_share(c) else "global" for c in columns]
        handle.write(tabulate(table, headers=columns, tablefmt="simple", colalign=align) + "\n")


@click.group(cls=QuotesGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="quotes")
def main() -> None:
    """Find quotations and attributions in news articles: who said what, and how."""
    warnings.showwarning = _warn_one_line


class WorkersType(click.ParamType):
    """``--workers``: a number of processes from 1 to 64, or ``auto`` (one per usable core)."""

    name = "N|auto"

    def convert(self, value, param, ctx):
        if isinstance(value, int):
            number = value
        elif str(value).strip().lower() == "auto":
            return "auto"                 # resolved by the runner (quotes.io.runner.worker_count)
        else:
            try:
                number = int(str(value).strip())
            except ValueError:
                self.fail(f"{value!r} is neither a number of processes nor 'auto'", param, ctx)
        if not 1 <= number <= 64:
            self.fail(f"{number} is not between 1 and 64", param, ctx)
        return number


WORKERS = WorkersType()


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
        click.option("--workers", type=WORKERS, default="1", show_default=True,
                     help="Parse with this many processes (one thread each); 'auto': one "
                          "per core."),
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


def _check_output(output: str | None, inputs=()) -> None:
    """Refuse an output that cannot be written, before any work is done."""
    if output is None:
        return
    try:
        check_target(output, inputs)
    except InputError as exc:
        raise _fail(str(exc)) from None


def _stderr_is_terminal() -> bool:
    return sys.stderr.isatty()


@contextmanager
def _progress(items: Iterable, total: int | None):
    """A progress bar on stderr when it is a terminal: documents done (of the total when it
    is known), their rate and the time left; nothing otherwise."""
    started = time.monotonic()

    def rate(_item) -> str | None:
        elapsed = time.monotonic() - started
        return f"{bar.pos / elapsed:.1f} docs/s" if bar.pos and elapsed > 0 else None

    known = total is not None
    bar = click.progressbar(items, length=total, label="documents", show_pos=True,
                            show_percent=known, show_eta=known, item_show_func=rate,
                            file=sys.stderr, hidden=not _stderr_is_terminal())
    with bar:
        yield bar


class Analysis:
    """One run of a command over its inputs.  Entering it checks the inputs and loads the
    model, so that usage errors come before any work or output; ``results()`` then yields
    (article, records or None) per article.  Problems are reported on stderr as they come;
    ``documents`` counts the articles analysed and ``failed`` those (and input lines) that
    were not."""

    def __init__(self, inputs, *, model, text_column, id_column, cache_dir, no_cache, workers,
                 batch_size, exclude: Iterable[str] = ()) -> None:
        self.inputs = list(inputs)
        self.exclude = list(exclude)
        self.documents = 0
        self.failed = 0
        self._bar_shown = False
        self._reading = dict(text_column=text_column, id_column=id_column)
        self._runner = Runner(model=model, cache_dir=_cache_dir(cache_dir, no_cache),
                              workers=workers, batch_size=batch_size)
        self._articles: Iterator[Article] = iter(())

    def __enter__(self) -> "Analysis":
        try:
            check_inputs(self.inputs, text_column=self._reading["text_column"])
            self._runner.start()
        except (InputError, ModelError) as exc:
            raise _fail(str(exc)) from None
        workers = self._runner.workers
        self.echo(f"model: {self._runner.model}" + (f" ({workers} workers)" if workers > 1 else ""))
        self._articles = distinct_ids(
            read_articles(self.inputs, skip=self.skip, warn=self.warn, exclude=self.exclude,
                          **self._reading), warn=self.warn)
        return self

    def __exit__(self, *exc) -> None:
        self._runner.close()

    def echo(self, message: str) -> None:
        if self._bar_shown:
            click.echo("\r\x1b[K", err=True, nl=False)     # clear the bar's line first
        click.echo(message, err=True)

    def warn(self, message: str) -> None:
        self.echo(f"warning: {message}")

    def skip(self, message: str) -> None:
        """An input file or line left out: reported, and the run will exit 1."""
        self.failed += 1
        self.warn(message if message.endswith("skipped") else f"{message}; skipped")

    def first(self) -> Article | None:
        """The first article, read ahead (its metadata fixes CSV columns) and still yielded."""
        try:
            first = next(self._articles, None)
        except InputError as exc:
            raise _fail(str(exc)) from None
        if first is not None:
            self._articles = itertools.chain([first], self._articles)
        return first

    def _wanted(self, skip_ids: frozenset[str]) -> Iterator[Article]:
        for article in self._articles:
            if article.doc_id in skip_ids:
                continue
            for warning in balance_warnings(article.text)[:3]:
                self.warn(f"{article.doc_id}: {warning}")
            yield article

    def results(self, skip_ids: frozenset[str] = frozenset()):
        """(article, records) per article in input order; records None when it failed."""
        total = None
        if _stderr_is_terminal():
            total = count_articles(self.inputs, exclude=self.exclude)
            total = None if total is None else max(total - len(skip_ids), 0)
        try:
            with _progress(self._runner.outcomes(self._wanted(skip_ids)), total) as outcomes:
                self._bar_shown = _stderr_is_terminal()
                for outcome in outcomes:
                    if outcome.records is None:
                        self.failed += 1
                        self.echo(f"error: {outcome.article.doc_id}: {outcome.error}; skipped")
                    else:
                        self.documents += 1
                    yield outcome.article, outcome.records
        except (InputError, ModelError) as exc:
            raise _fail(str(exc)) from None
        finally:
            self._bar_shown = False


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
    if fmt is None:
        fmt = "table" if output == "-" and sys.stdout.isatty() else "jsonl"
    if resume and (output == "-" or fmt not in ROW_FORMATS):
        raise _fail("--resume needs -o FILE and -f jsonl or csv")
    _check_output(output, inputs)
    if resume:
        _check_resume(output, fmt)
    # The output and the run's own work files are never read back as articles.
    exclude = [] if output == "-" else [output, output + ".partial", output + ".progress"]
    with Analysis(inputs, exclude=exclude, **options) as analysis:
        if fmt in ROW_FORMATS:
            attributions = _stream(analysis, output, fmt, no_scare, resume)
        else:
            attributions = _render_all(analysis, output, fmt, no_scare)
    if analysis.documents == 0 and analysis.failed:
        raise _fail("no document could be processed")
    click.echo(f"{analysis.documents} documents, {attributions} attributions", err=True)
    _finish(analysis.failed)


def _check_resume(output: str, fmt: str) -> None:
    from .io.sink import check_resume

    try:
        check_resume(output, fmt)
    except InputError as exc:
        raise _fail(str(exc)) from None


def _stream(analysis: Analysis, output: str, fmt: str, no_scare: bool, resume: bool) -> int:
    """Write rows document by document (resumably, to a file); the number of rows written."""
    from .io.sink import RecordSink

    first = analysis.first()
    meta = first.meta if first is not None else {}
    columns = list(COLUMNS) + [k for k in meta if k not in COLUMNS]
    try:
        sink = RecordSink(output, fmt, columns, resume=resume, warn=analysis.warn)
    except InputError as exc:
        raise _fail(str(exc)) from None
    if sink.done:
        click.echo(f"resuming after {len(sink.done)} finished documents", err=True)
    try:
        for article, records in analysis.results(skip_ids=frozenset(sink.done)):
            rows = _rows(article, records, no_scare) if records is not None else []
            sink.write_document(article.doc_id, rows)
    except BaseException:
        sink.abort()
        raise
    sink.close(complete=True)
    return sink.rows_written


def _render_all(analysis: Analysis, output: str, fmt: str, no_scare: bool) -> int:
    """Collect every row, then write them as one table or JSON array; the number of rows."""
    rows: list[dict] = []
    extra: list[str] = []
    for article, records in analysis.results():
        if records is None:
            continue
        for row in _rows(article, records, no_scare):
            extra.extend(k for k in row if k not in COLUMNS and k not in extra)
            rows.append(row)
    columns = TABLE_COLUMNS if fmt == "table" else tuple(COLUMNS) + tuple(extra)
    try:
        with AtomicWriter(output, newline="" if fmt == "csv" else None) as handle:
            render(rows, fmt, handle, columns)
    except InputError as exc:
        raise _fail(str(exc)) from None
    return len(rows)


def _collect(inputs, options, exclude=()) -> tuple[list, "object", int]:
    """Analyze inputs: (articles with records, DataFrame of all records, failed count)."""
    from .records import to_frame

    done: list = []
    rows: list[dict] = []
    with Analysis(inputs, exclude=exclude, **options) as analysis:
        for article, records in analysis.results():
            if records is not None:
                done.append((article, records))
                rows.extend(_rows(article, records, False))
    if not done:
        raise _fail("no document could be processed" if analysis.failed
                    else "no documents in input")
    frame = to_frame(rows)
    click.echo(f"{len(done)} documents, {len(frame)} attributions", err=True)
    return done, frame, analysis.failed


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
    from tabulate import tabulate

    from .reports.tables import INDEX_FILE, speaker_index, speaker_tables

    try:
        os.makedirs(out_dir, exist_ok=True)     # before the work: a bad folder fails at once
    except OSError as exc:
        raise _fail(f"{out_dir}: cannot create ({exc.strerror})") from None
    # Earlier speaker files are outputs, never articles.
    _, frame, failed = _collect(inputs, options, exclude=[os.path.join(out_dir, INDEX_FILE)])
    filters = dict(min_quotes=min_quotes, speaker_type=speaker_type,
                   named_only=not include_unnamed)
    index = speaker_index(frame, **filters)
    tables = speaker_tables(frame, **filters)
    for name, table in tables.items():
        _write_frame(table, os.path.join(out_dir, name), "csv")
    _write_frame(index, os.path.join(out_dir, INDEX_FILE), "csv")
    shown = index.head(top)[["speaker_name", "speaker_type", "anonymity", "attributions",
                             "articles", "file"]]
    click.echo(tabulate(shown.values.tolist(), headers=list(shown.columns)))
    click.echo(f"wrote {len(tables)} speaker files and {INDEX_FILE} to {out_dir}", err=True)
    _finish(failed)


def _finite(ctx, param, value):
    """FloatRange lets nan through (every comparison with it is false): a gate that never fires."""
    if value is not None and not math.isfinite(value):
        raise click.BadParameter(f"{value} is not a number between 0 and 1", ctx, param)
    return value


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", default=None, help="Also write the audit table here (CSV).")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="table",
              show_default=True)
@click.option("--by", "by", default=None, help="Group by a metadata field (outlet, date, …).")
@click.option("--fail-above", type=click.FloatRange(0, 1), default=None, callback=_finite,
              help="Exit 1 when an article's anonymous share exceeds this (0-1).")
@input_options
def audit(inputs, output, fmt, by, fail_above, **options):
    """Per-article anonymous-sourcing audit (scare quotes excluded from the counts)."""
    from .reports.tables import audit as audit_table
    from .reports.tables import failing_articles

    _check_output(output, inputs)
    done, frame, failed = _collect(inputs, options, exclude=[output] if output else [])
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

    _check_output(output, inputs)
    done, frame, failed = _collect(inputs, options, exclude=[output])
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
@click.option("--errors", "error_kinds", multiple=True, is_flag=False, flag_value="all",
              type=click.Choice(("all",) + ERROR_KINDS),
              help="List errors instead of scores: every miss, false positive, wrong speaker or "
                   "anonymity (repeatable; bare --errors lists all), as JSON lines.")
def evaluate(gold, predictions, subset, model, cache_dir, no_cache, json_only, error_kinds):
    """Score extraction against GOLD.jsonl (running it, or reading PREDICTIONS.jsonl)."""
    from tabulate import tabulate

    from .io.gold import read_gold, read_predictions
    from .reports.evaluate import errors, score, table_rows

    try:
        gold_docs = read_gold(gold)
        rows = read_predictions(predictions) if predictions else None
    except InputError as exc:
        raise _fail(str(exc)) from None
    by_doc: dict[str, list[dict]] = {}
    if rows is not None:
        for row in rows:
            by_doc.setdefault(str(row.get("doc_id")), []).append(row)
    else:
        analyzer = _analyzer(model, _cache_dir(cache_dir, no_cache))
        click.echo(f"model: {analyzer.model}", err=True)
        for doc_id, records in analyzer.extract_many((d["id"], d["text"]) for d in gold_docs):
            by_doc[doc_id] = [r.to_dict() for r in records]
    if error_kinds:
        kinds = ERROR_KINDS if "all" in error_kinds else error_kinds
        RowWriter(sys.stdout, "jsonl").write_all(errors(gold_docs, by_doc, subset=subset,
                                                        kinds=kinds))
        return
    result = score(gold_docs, by_doc, subset=subset)
    summary = result.as_dict()
    if not json_only:
        click.echo(f"{gold} ({summary['documents']} documents, {summary['gold']} gold "
                   f"attributions, subset {subset})")
        click.echo(tabulate(table_rows(result), headers=["measure", "P", "R", "F1 / acc"]))
    click.echo(json.dumps(summary))


@main.command("coref-eval")
@click.argument("conllu", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--genre", "genres", multiple=True, default=("news", "interview", "bio", "voyage"),
              show_default=True, help="GUM genres to score (repeatable).")
@click.option("--model", default="auto", show_default=True)
@click.option("--cache-dir", type=click.Path(file_okay=False), default=None)
@click.option("--no-cache", is_flag=True)
@click.option("--examples", type=click.IntRange(0, 1000), default=0,
              help="Also print this many wrong links, as JSON lines.")
def coref_eval(conllu, genres, model, cache_dir, no_cache, examples):
    """Score speaker coreference on GUM CoNLL-U files (their Entity= annotations): for every
    third-person mention of a person or organization, does it land in its gold entity?"""
    from tabulate import tabulate

    from .reports.coreference import KINDS
    from .reports.coreference import evaluate as coref_evaluate

    analyzer = _analyzer(model, _cache_dir(cache_dir, no_cache))
    click.echo(f"model: {analyzer.model}", err=True)
    try:
        scores = coref_evaluate(conllu, analyzer.parse, genres=genres, keep_examples=examples)
    except (OSError, ValueError, IndexError) as exc:
        raise _fail(f"cannot read GUM entity annotations ({exc})") from None
    summary = scores.as_dict()
    rows = [[kind, summary[kind]["mentions"], summary[kind]["accuracy"]] for kind in KINDS]
    click.echo(f"{summary['documents']} documents ({', '.join(genres)}); "
               f"{summary['chains_without_name']} chains without a name left out")
    click.echo(tabulate(rows, headers=["mention kind", "mentions", "in gold entity"]))
    RowWriter(sys.stdout, "jsonl").write_all(scores.examples)
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
