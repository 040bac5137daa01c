"""Runs the command line in-process the way a user's shell would see it."""

from __future__ import annotations

import pytest

from explorer.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of `explorer ARGV`."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err
