"""Golden outputs of whole commands for the seed article and the corpus.

`make golden` rewrites tests/golden/ from the current code and model; review the diff before
committing it.  tests/test_golden.py compares fresh outputs with these files.
"""
from __future__ import annotations

import sys
from pathlib import Path

from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"
SEED = ROOT / "seeds" / "000_cd2bf0a090a087de.txt"
ARTICLES = ROOT / "corpora" / "articles"

# name -> (command line, output file written by the command or None for stdout)
COMMANDS = {
    "seed.jsonl": (["extract", str(SEED), "-f", "jsonl", "--no-cache"], None),
    "seed.csv": (["extract", str(SEED), "-f", "csv", "--no-cache"], None),
    "corpus-audit.csv": (["audit", str(ARTICLES), "-f", "csv", "--no-cache"], None),
    "corpus-speakers.csv": (["speakers", str(ARTICLES), "--out-dir", "{tmp}", "--no-cache"],
                            "speakers.csv"),
}


def produce(name: str, tmp: Path) -> str:
    from quotes.cli import main

    args, written = COMMANDS[name]
    args = [a.replace("{tmp}", str(tmp)) for a in args]
    result = CliRunner().invoke(main, args)
    if result.exit_code != 0:
        raise RuntimeError(f"{name}: exit {result.exit_code}: {result.output}")
    if written:
        return (tmp / written).read_text(encoding="utf-8")
    return result.stdout


if __name__ == "__main__":
    import tempfile

    GOLDEN.mkdir(exist_ok=True)
    for golden_name in COMMANDS:
        with tempfile.TemporaryDirectory() as folder:
            (GOLDEN / golden_name).write_text(produce(golden_name, Path(folder)),
                                              encoding="utf-8")
        print(f"wrote tests/golden/{golden_name}", file=sys.stderr)
