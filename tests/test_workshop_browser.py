"""`explorer serve` in a real browser: headless Chromium driven by Playwright.

What the browser receives from each tab's app process is terminal output over a websocket:
the test reads it back as text (escape sequences removed) to check what the visitor sees,
and takes a screenshot (set UPDATE_WORKSHOP_SCREENSHOT=1 to refresh docs/atelier.png).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
REASON = None
try:
    import playwright.sync_api as playwright_api
    import textual_serve  # noqa: F401
except ImportError as error:  # pragma: no cover - depends on the machine
    REASON = (
        f"navigateur non testé : {error.name} n'est pas installé (pip install -e '.[web,test]')"
    )
if REASON is None and CHROMIUM is None:  # pragma: no cover
    REASON = "navigateur non testé : Chromium introuvable (apt-get install chromium)"

pytestmark = pytest.mark.skipif(REASON is not None, reason=REASON or "")

ESCAPES = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-_]")
ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    port = _free_port()
    # Each visitor's data folder is made under TMPDIR: the test checks it goes away.
    (tmp_path / "tmp").mkdir()
    env = dict(os.environ, EXPLORER_CACHE_DIR=str(tmp_path / "cache"), TMPDIR=str(tmp_path / "tmp"))
    process = subprocess.Popen(
        [sys.executable, "-m", "explorer", "serve", "--port", str(port), "--max-sessions", "2"],
        env=env,
        cwd=tmp_path,  # where an export would land if it were written on the server
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert process.stdout is not None
    first_line = process.stdout.readline()
    assert f"http://127.0.0.1:{port}" in first_line, first_line
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        process.send_signal(signal.SIGINT)  # ctrl+c: a clean stop
        assert process.wait(timeout=20) == 0


class Tab:
    """One browser tab on the workshop, and the text its app sent."""

    def __init__(self, page: playwright_api.Page) -> None:
        self.page = page
        self.received: list[bytes] = []
        page.on("websocket", self._watch)

    def _watch(self, websocket: playwright_api.WebSocket) -> None:
        def keep(payload: bytes | str) -> None:
            self.received.append(payload if isinstance(payload, bytes) else payload.encode())

        websocket.on("framereceived", keep)

    def text(self, since: int = 0) -> str:
        """What was drawn, from the `since`-th message on."""
        drawn = b"".join(self.received[since:])
        return ESCAPES.sub(b"", drawn).decode("utf-8", "replace")

    def wait_for(self, words: str, since: int = 0, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while words not in self.text(since):
            assert time.monotonic() < deadline, f"« {words} » jamais affiché"
            self.page.wait_for_timeout(100)

    def open(self, url: str) -> None:
        self.page.goto(url)
        self.wait_for("Pilotage et stratégie")  # the tree is there
        # Keys go to the terminal's hidden text field (xterm.js), once it has the focus.
        self.page.focus("textarea.xterm-helper-textarea")

    def press(self, *keys: str) -> None:
        for key in keys:
            self.page.keyboard.press(key)
            self.page.wait_for_timeout(150)


def test_two_visitors_each_in_their_own_session(server: str, tmp_path: Path) -> None:
    with playwright_api.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        first = Tab(browser.new_context(viewport={"width": 1200, "height": 760}).new_page())
        first.open(server)

        before_search = len(first.received)
        first.press("/", *"sea", "Enter")
        # Drawn after the search: the fiche of the role found, then the favourite's notice.
        first.wait_for("Référenceur SEA", since=before_search)
        first.wait_for("Missions", since=before_search)
        first.press("f")
        first.wait_for("Ajouté à Ma sélection", since=before_search)
        shot = tmp_path / "atelier.png"
        first.page.screenshot(path=str(shot))
        assert shot.stat().st_size > 10_000
        if os.environ.get("UPDATE_WORKSHOP_SCREENSHOT"):
            shutil.copy(shot, ROOT / "docs" / "atelier.png")

        # The export is downloaded by the visitor's browser, not written on the server.
        first.press("s")
        first.wait_for("Référenceur SEA", since=len(first.received) - 1)
        with first.page.expect_download() as download:
            first.press("e")
        saved = tmp_path / "download.md"
        download.value.save_as(saved)
        assert download.value.suggested_filename.startswith("shortlist-")
        assert "Référenceur SEA" in saved.read_text("utf-8")
        assert not list(tmp_path.glob("shortlist-*.md"))

        # Another visitor, another browser context: nothing of the first one's shortlist.
        second = Tab(browser.new_context(viewport={"width": 1200, "height": 760}).new_page())
        second.open(server)
        second.press("s")
        second.wait_for("Ma sélection est vide")

        # The session limit (2 here): a third visitor gets a clear page.
        third = browser.new_context().new_page()
        response = third.goto(server)
        assert response is not None and response.status == 503
        assert "complet" in third.content()
        assert len(list((tmp_path / "tmp").glob("explorer-visitor-*"))) == 2
        browser.close()

    # Tabs closed: each visitor's private folder is removed with its session.
    deadline = time.monotonic() + 20
    while list((tmp_path / "tmp").glob("explorer-visitor-*")):
        assert time.monotonic() < deadline, "a visitor's data folder was left behind"
        time.sleep(0.2)
