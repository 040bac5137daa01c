"""`explorer serve` without a browser: the missing extra, the address it prints."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest


def test_without_textual_serve_one_french_line_and_exit_2() -> None:
    code = (
        "import sys; sys.modules['textual_serve'] = None; sys.modules['textual_serve.server'] = None\n"
        "from explorer.cli import main\n"
        "sys.exit(main(['serve']))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "pip install 'metiers-ecommerce-explorer[web]'" in lines[0]
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("port", ["0", "70000", "http"])
def test_a_bad_port_is_refused_in_french(port: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "explorer", "serve", "--port", port], capture_output=True, text=True
    )
    assert result.returncode == 2
    assert "port invalide" in result.stderr


def test_a_port_already_in_use_is_said_in_french_without_a_traceback() -> None:
    pytest.importorskip("textual_serve")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        result = subprocess.run(
            [sys.executable, "-m", "explorer", "serve", "--port", port],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode != 0
    assert f"impossible d'écouter sur 127.0.0.1:{port} : port déjà utilisé" in result.stderr
    assert "Traceback" not in result.stderr and "address already in use" not in result.stderr
