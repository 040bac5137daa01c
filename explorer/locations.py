"""Every path the app uses, in one place: bundled content, user data, cache."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "metiers-ecommerce"
DATA_DIR_ENV = "EXPLORER_DATA_DIR"
CACHE_DIR_ENV = "EXPLORER_CACHE_DIR"


def bundled_content() -> Path:
    """The catalogue shipped with the package (wheel), or the checkout's content/ (editable)."""
    # Beside this file rather than through importlib.resources (≈ 5 ms of imports at each
    # start): the loader reads plain files, so the package is on disk in any case.
    here = Path(__file__).resolve().parent
    packaged = here / "_content"
    if packaged.is_dir():
        return packaged
    return here.parent / "content"


def data_dir() -> Path:
    """Where the user's own files live (shortlist, profile). EXPLORER_DATA_DIR overrides it."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """Where rebuildable files live (the parsed catalogue). EXPLORER_CACHE_DIR overrides it."""
    override = os.environ.get(CACHE_DIR_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def shortlist_path() -> Path:
    return data_dir() / "shortlist.toml"


def profile_path() -> Path:
    """The user's skills ("Mon profil"), beside the shortlist."""
    return data_dir() / "profile.toml"


def validate_command(root: Path) -> str:
    """The command that lists every problem of the content folder `root`, ready to paste."""
    import shlex

    from explorer.model.text import visible

    return f"explorer validate {shlex.quote(visible(str(root)))}"
