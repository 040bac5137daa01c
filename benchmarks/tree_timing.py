"""Time the role tree alone: building it, and rebuilding it after a search, old vs new.

    python benchmarks/tree_timing.py --baseline-ref main DIR [DIR ...]

For each content folder, the explorer runs headless at 80x24 twice: with the RoleTree module
of the working tree (new) and with the one at `--baseline-ref` (old, loaded from git). In
each run, the explorer screen's own calls are timed (CPU time, the least of several runs:
the machine's noise only ever adds time); old and new runs alternate, ROUNDS times each:

- build: `show_families` with the families open as at start-up, the cursor on the first
  role, and the lines of one screenful rendered;
- search: the same for the tree of each query's matches (the search itself is done once,
  outside the timing), as the search field rebuilds it on each key.

A quick look, not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from textual.geometry import Region  # noqa: E402

from explorer.app import ExplorerApp  # noqa: E402
from explorer.model import load_catalog  # noqa: E402
from explorer.screens import main as main_module  # noqa: E402
from explorer.widgets import role_tree as new_module  # noqa: E402

SIZE = (80, 24)
RUNS = 15
ROUNDS = 3
QUERIES = ("d", "de", "dev", "chef", "chef p", "r", "ré", "référenceur", "marketing", "web")
TREE_NAMES = ("RoleTree", "FamilyEntry", "RoleEntry", "MoreEntry")


def old_module(ref: str) -> ModuleType:
    source = subprocess.run(
        ["git", "show", f"{ref}:explorer/widgets/role_tree.py"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    path = Path("/tmp") / f"role_tree_{ref.replace('/', '_')}.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("role_tree_baseline", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being made
    spec.loader.exec_module(module)
    return module


def least_ms(action: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.process_time()
        action()
        times.append((time.process_time() - start) * 1000)
    return min(times)


async def measure(content: Path, tree_module: ModuleType) -> dict[str, float]:
    for name in TREE_NAMES:
        setattr(main_module, name, getattr(tree_module, name))
    catalog = load_catalog(content).catalog
    app = ExplorerApp(catalog)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, main_module.MainScreen)
        tree = screen.role_tree
        width, height = tree.size

        def paint() -> None:
            tree.refresh()
            tree.render_lines(Region(0, 0, width, height))

        groups = screen._catalogue_groups()
        few = len(catalog.roles) <= main_module.EXPAND_ALL_UP_TO
        expanded = [family.id for family, _ in (groups if few else groups[:1])]

        def build() -> None:
            tree.show_families(groups, expanded=expanded)
            tree.move_to_first_role()
            paint()

        result = {"build": least_ms(build)}
        searches = []
        for query in QUERIES:
            hits, counts = catalog.search_index.search_by_family(query, main_module.SEARCH_DEPTH)
            if not hits:
                continue
            found = screen._search_groups(hits, counts) or []

            def rebuild(found=found, counts=counts, first=hits[0].role) -> None:  # type: ignore[no-untyped-def]
                tree.show_families(found, expanded=list(counts), counts=counts)
                tree.reveal_role(first)
                paint()

            searches.append(least_ms(rebuild))
        result["search median"] = statistics.median(searches)
        result["search max"] = max(searches)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline-ref", default="main")
    parser.add_argument("content", nargs="+", type=Path)
    args = parser.parse_args()
    old = old_module(args.baseline_ref)
    print(f"{'catalogue':<28} {'figure':<14} {'old ms':>8} {'new ms':>8} {'new/old':>8}")
    for content in args.content:
        runs: dict[str, list[dict[str, float]]] = {"old": [], "new": []}
        for _ in range(ROUNDS):
            runs["old"].append(asyncio.run(measure(content, old)))
            runs["new"].append(asyncio.run(measure(content, new_module)))
        for figure in runs["old"][0]:
            old_ms = min(run[figure] for run in runs["old"])
            new_ms = min(run[figure] for run in runs["new"])
            print(
                f"{content!s:<28} {figure:<14} {old_ms:8.2f} {new_ms:8.2f} {new_ms / old_ms:8.2f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
