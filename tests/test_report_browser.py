"""The HTML review page renders in a real headless browser, highlights at the right text."""
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner
from conftest import SEED

from quotes.cli import main
from tools.screenshot import dump_dom, find_browser, screenshot


def _ensure_browser() -> str:
    browser = find_browser()
    if browser:
        return browser
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        pytest.skip("Chromium is not installed and this user cannot install Debian packages")
    for command in (["apt-get", "update", "-q"], ["apt-get", "install", "-y", "-q", "chromium"]):
        done = subprocess.run(command, capture_output=True, text=True, timeout=900)
        if done.returncode != 0:
            pytest.skip(f"could not install Chromium ({command[1]} failed: "
                        f"{done.stderr.strip().splitlines()[-1:]})")
    browser = find_browser()
    if not browser:
        pytest.skip("Chromium installed but not found on PATH")
    return browser


@pytest.fixture(scope="module")
def browser():
    return _ensure_browser()


@pytest.fixture(scope="module")
def page(tmp_path_factory, pipeline):
    import quotes.analyzer

    original = quotes.analyzer.load_pipeline
    quotes.analyzer.load_pipeline = lambda model="auto": pipeline
    try:
        out = tmp_path_factory.mktemp("report") / "report.html"
        result = CliRunner().invoke(main, ["report", str(SEED), "-o", str(out)])
        assert result.exit_code == 0, result.output
    finally:
        quotes.analyzer.load_pipeline = original
    return out


class Marks(HTMLParser):
    """Text inside each <mark id="q-..."> of the DOM the browser built."""

    def __init__(self):
        super().__init__()
        self.stack, self.marks = [], {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "mark" and (attrs.get("id") or "").startswith("q-"):
            self.stack.append(attrs["id"])
            self.marks[attrs["id"]] = ""

    def handle_endtag(self, tag):
        if tag == "mark" and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        for mark in self.stack:
            self.marks[mark] += data


def test_browser_builds_the_highlights_at_the_quotations(browser, page, seed_records):
    dom = dump_dom(page, browser=browser)
    assert "<svg" in dom and "Kupchan" in dom
    parser = Marks()
    parser.feed(dom)
    texts = set(parser.marks.values())
    for record in seed_records:
        if len(record.fragments) == 1:
            assert record.text in texts, record.text
    assert re.search(r'class="[^"]*anon-anonymous', dom)


def test_screenshot_is_produced(browser, page, tmp_path):
    png = screenshot(page, tmp_path / "report.png", browser=browser)
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000


# ------------------------------------------------------------------ layout at 1280 px and 375 px

ANONYMOUS = [
    "“The talks have stalled,” said a senior official who spoke on condition of anonymity "
    "because the negotiations were private.",
    "“We expect a deal by Friday,” one diplomat said, speaking on condition of anonymity "
    "because he was not authorized to discuss the talks.",
    "“The budget is short,” said a person familiar with the matter who asked not to be "
    "named because the figures have not been published.",
]
# Runs in the page's frame once it has loaded: what a reader would see overflow or squeezed.
MEASURE = """
function measure(win) {
  const doc = win.document, width = win.innerWidth;
  const out = {width: width, page: doc.documentElement.scrollWidth, escaping: [], cells: []};
  for (const el of doc.body.querySelectorAll('*')) {
    if (!el.closest('.scroll') && el.getBoundingClientRect().right > width + 0.5)
      out.escaping.push(el.tagName + '.' + el.className);
  }
  for (const box of doc.querySelectorAll('.scroll')) {
    if (box.getBoundingClientRect().right > width + 0.5) out.escaping.push('scroll box');
  }
  for (const td of doc.querySelectorAll('td')) {
    const r = td.getBoundingClientRect();
    out.cells.push([td.textContent.length, Math.round(r.width), Math.round(r.height)]);
  }
  return out;
}"""


@pytest.fixture(scope="module")
def wide_page(tmp_path_factory, pipeline):
    """A report whose TOTAL row gathers long anonymity evidence from several articles."""
    import json

    import quotes.analyzer

    folder = tmp_path_factory.mktemp("wide")
    source = folder / "anonymous.jsonl"
    source.write_text("".join(json.dumps({"id": f"anon-{i}", "text": t}) + "\n"
                              for i, t in enumerate(ANONYMOUS)), encoding="utf-8")
    original = quotes.analyzer.load_pipeline
    quotes.analyzer.load_pipeline = lambda model="auto": pipeline
    try:
        out = folder / "report.html"
        result = CliRunner().invoke(main, ["report", str(SEED), str(source), "-o", str(out)])
        assert result.exit_code == 0, result.output
    finally:
        quotes.analyzer.load_pipeline = original
    return out


def _layout(page, width: int, browser: str, tmp_path) -> dict:
    """Lay the page out at ``width`` CSS pixels (in a frame: a headless window is never
    narrower than 500 px) and measure it."""
    import html
    import json

    frame = (f'<!DOCTYPE html><html><body style="margin:0"><pre id="measure"></pre>'
             f'<iframe id="frame" style="border:0;width:{width}px;height:900px" '
             f'srcdoc="{html.escape(page.read_text(encoding="utf-8"), quote=True)}"></iframe>'
             f"<script>{MEASURE}\ndocument.getElementById('frame').addEventListener('load', e =>"
             " { document.getElementById('measure').textContent ="
             " JSON.stringify(measure(e.target.contentWindow)); });</script></body></html>")
    probe = tmp_path / f"probe-{width}.html"
    probe.write_text(frame, encoding="utf-8")
    dom = dump_dom(probe, width=1400, height=1000, browser=browser)
    found = re.search(r'<pre id="measure">(.*?)</pre>', dom, re.S)
    assert found and found.group(1), dom[:500]
    return json.loads(html.unescape(found.group(1)))


@pytest.mark.parametrize("width", [1280, 375])
def test_report_fits_the_screen_and_keeps_text_readable(browser, wide_page, tmp_path, width):
    page = wide_page.read_text(encoding="utf-8")
    assert "condition of anonymity" in page
    layout = _layout(wide_page, width, browser, tmp_path)
    assert layout["width"] == width
    assert layout["page"] <= width, "the page scrolls sideways"
    assert layout["escaping"] == []            # wide tables scroll in their own box
    long_cells = [(n, w, h) for n, w, h in layout["cells"] if n > 60]
    assert long_cells, layout["cells"]
    # Evidence and roles wrap as prose: never a strip a few letters wide and very tall.
    assert all(w >= 150 and h <= 200 for _, w, h in long_cells), long_cells
