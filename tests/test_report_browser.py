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
