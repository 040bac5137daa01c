"""The model layer never imports Textual: the CLI and other tools can use it alone."""

import subprocess
import sys


def test_model_does_not_import_textual() -> None:
    code = (
        "import sys, pkgutil, importlib, explorer.model as m\n"
        "for info in pkgutil.iter_modules(m.__path__):\n"
        "    importlib.import_module(f'explorer.model.{info.name}')\n"
        "bad = sorted(n for n in sys.modules if n == 'textual' or n.startswith('textual.'))\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
