"""Render an HTML file in headless Chromium: a screenshot, or the DOM the browser built."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# No network, no first-run chatter: the page must render from the file alone.
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--hide-scrollbars")


def find_browser() -> str | None:
    for name in CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    return None


def _run(browser: str, args: list[str], timeout: int) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run([browser, *FLAGS, f"--user-data-dir={profile}", *args],
                              capture_output=True, text=True, timeout=timeout)


def screenshot(html: Path, png: Path, *, width: int = 1280, height: int = 2400,
               browser: str | None = None, timeout: int = 120) -> Path:
    browser = browser or find_browser()
    if browser is None:
        raise RuntimeError("no Chromium found: install Debian's chromium package")
    _run(browser, [f"--screenshot={png}", f"--window-size={width},{height}",
                   Path(html).resolve().as_uri()], timeout)
    if not png.exists():
        raise RuntimeError(f"Chromium wrote no screenshot to {png}")
    return png


def dump_dom(html: Path, *, width: int = 1280, height: int = 2400, browser: str | None = None,
             timeout: int = 120) -> str:
    """The DOM after the page loaded and its scripts ran, laid out in a window of that size."""
    browser = browser or find_browser()
    if browser is None:
        raise RuntimeError("no Chromium found: install Debian's chromium package")
    return _run(browser, [f"--window-size={width},{height}", "--dump-dom",
                          Path(html).resolve().as_uri()], timeout).stdout


if __name__ == "__main__":
    import sys

    print(screenshot(Path(sys.argv[1]), Path(sys.argv[2])))
