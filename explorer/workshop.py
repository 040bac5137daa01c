"""`explorer serve`: the explorer in a browser, one private app process per browser tab.

textual-serve (an optional extra) starts one process per connection; each process runs
`python -m explorer.workshop --session CONTENT`, which gives the visitor a fresh data folder
of their own (shortlist, profile) and removes it when the tab closes and the app quits.
"""

from __future__ import annotations

import os
import shlex
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
DEFAULT_MAX_SESSIONS = 30
INSTALL_HINT = (
    "le mode atelier demande textual-serve : "
    "pip install 'metiers-ecommerce-explorer[web]' (ou make serve)"
)
FULL_PAGE = """<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>Atelier complet</title></head>
<body style="font-family: sans-serif; max-width: 40em; margin: 4em auto;">
<h1>L’atelier est complet</h1>
<p>{count} sessions sont déjà ouvertes, le maximum fixé pour cet atelier.
Réessayez dans un moment, quand un autre participant aura fermé son onglet.</p>
</body></html>
"""


class WorkshopUnavailable(Exception):
    """textual-serve is not installed."""


def session_command(content: Path) -> str:
    """The shell command textual-serve runs for each browser tab."""
    return shlex.join([sys.executable, "-m", "explorer.workshop", "--session", str(content)])


def run_session(content: Path) -> int:
    """One visitor's app, with a private data folder removed when the app quits."""
    # mkdtemp makes the folder readable by the server's user only (mode 0o700).
    folder = tempfile.mkdtemp(prefix="explorer-visitor-")
    os.environ["EXPLORER_DATA_DIR"] = folder
    try:
        from explorer.app import ExplorerApp

        app = ExplorerApp(content_root=content)
        app.run()
        return app.return_code or 0
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def make_server(
    content: Path,
    *,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    max_sessions: int = DEFAULT_MAX_SESSIONS,
) -> Any:
    """A textual-serve Server for the explorer, limited to `max_sessions` open tabs."""
    try:
        from aiohttp import web
        from textual_serve.server import Server
    except ImportError as error:
        raise WorkshopUnavailable(INSTALL_HINT) from error

    class WorkshopServer(Server):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__(
                session_command(content), host=host, port=port, title="Métiers du e-commerce"
            )
            self.open_sessions = 0

        async def handle_index(self, request: web.Request) -> web.StreamResponse:
            if self.open_sessions >= max_sessions:
                page = FULL_PAGE.format(count=max_sessions)
                return web.Response(status=503, text=page, content_type="text/html")
            # The page tells the browser where to connect: the address it was reached by,
            # so that visitors on the room's network are not sent to 127.0.0.1 or 0.0.0.0.
            self.public_url = f"{request.scheme}://{request.host}"
            response: web.StreamResponse = await super().handle_index(request)
            return response

        async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
            if self.open_sessions >= max_sessions:
                refused = web.WebSocketResponse()
                await refused.prepare(request)
                await refused.close(code=1013, message=b"atelier complet")
                return refused
            self.open_sessions += 1
            try:
                return await super().handle_websocket(request)
            finally:
                self.open_sessions -= 1

        async def on_startup(self, app: web.Application) -> None:
            self.console.print(
                f"Atelier ouvert : {self.public_url}  (au plus {max_sessions} sessions)",
                highlight=False,
                markup=False,
            )
            self.console.print("ctrl+c pour arrêter.", highlight=False, markup=False)

    return WorkshopServer()


def serve(
    content: Path,
    *,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    max_sessions: int = DEFAULT_MAX_SESSIONS,
) -> int:
    """Serve until ctrl+c; 0 on a clean stop."""
    server = make_server(content, host=host, port=port, max_sessions=max_sessions)
    server.serve()
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--session":
        sys.exit(run_session(Path(sys.argv[2])))
    print("usage interne : python -m explorer.workshop --session DOSSIER", file=sys.stderr)
    sys.exit(2)
