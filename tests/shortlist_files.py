"""What a shortlist test reads back: the roles in memory, the roles on disk, the copies aside."""

from __future__ import annotations

import tomllib
from pathlib import Path

from explorer.model.shortlist import Shortlist


def roles(shortlist: Shortlist) -> list[str]:
    return [entry.role for entry in shortlist.entries]


def on_disk(path: Path) -> list[str]:
    return [table["role"] for table in tomllib.loads(path.read_text("utf-8")).get("entry", [])]


def aside_files(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.name}.corrupt-*"))
