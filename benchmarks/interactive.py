"""The app in use, through Pilot: keystrokes, the comparison, a shortlist change, a role shown.

    python benchmarks/interactive.py CONTENT WORKDIR [--shortlist N] [--quick]
    python benchmarks/interactive.py CONTENT WORKDIR --role ID
    python benchmarks/interactive.py CONTENT WORKDIR --reading

Each figure is the app's CPU time (`time.process_time`, this process) from the action to the
painted screen (`pilot.pause()`, which forces the repaint). Pilot waits for idleness by
sleeping in 20 ms steps, so its wall time has a floor of about 60 ms whatever the app does;
the CPU time over the same span is the work the action caused, layout and painting included
(the waits use none). Pilot's wall time is reported too, with that floor measured on a key
bound to nothing.

The session starts once the app's own workers have ended, as a person would start typing.
Prints one JSON object of lists of milliseconds.

`--reading`: the same words and comparisons, each followed by a pause to read the answer
(longer than explorer/collector.py's QUIET_SECONDS), as a person uses the app: every action's
CPU time ("actions"), and the full garbage collections that ran inside an action, which the
user waited for ("collections_in_actions", their durations).
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from collections.abc import Awaitable, Callable
from functools import partial
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from common import SCREEN_SIZE, load  # noqa: E402

# Keystrokes in the search field: each word typed, two letters erased, then left.
TYPED = ("developpeur", "chef projet", "logistique", "seo", "marketing")
COMPARE_PAIRS = 5
FAVOURITE_CHANGES = 6


async def session(
    content: Path, workdir: Path, *, shortlist_entries: int, role: str | None, quick: bool
) -> dict[str, Any]:
    from explorer.app import ExplorerApp
    from explorer.model.shortlist import Shortlist

    result = load(content)
    catalog = result.catalog
    ids = list(catalog.roles)
    path = workdir / "shortlist-app" / "shortlist.toml"
    if shortlist_entries:
        from model_rows import write_shortlist

        write_shortlist(path, ids[:shortlist_entries])
    app = ExplorerApp(catalog, issues=result.issues, shortlist=Shortlist.open(path))
    report: dict[str, Any] = {key: [] for key in ("keys", "keys_wall", "floor", "compare")}
    report["favourite"] = []

    async with app.run_test(size=SCREEN_SIZE) as pilot:

        async def timed(action: Callable[[], Awaitable[object] | object]) -> tuple[float, float]:
            wall, cpu = time.perf_counter(), time.process_time()
            done = action()
            if isinstance(done, Awaitable):
                await done
            await pilot.pause()
            return (time.process_time() - cpu) * 1000, (time.perf_counter() - wall) * 1000

        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        if role is not None:  # that alone: nothing else has warmed anything up
            report["first_display"] = [(await timed(lambda: app.open_role(role)))[0]]
            other = next(r for r in ids if r != role)
            report["compare_big"] = [(await timed(lambda: app.open_compare(role, other)))[0]]
            return report
        for _ in range(5):
            report["floor"].append((await timed(lambda: pilot.press("f12")))[1])
        for word in TYPED[:1] if quick else TYPED:
            await pilot.press("slash")
            await pilot.pause()
            for key in [*("space" if c == " " else c for c in word), "backspace", "backspace"]:
                cpu, wall = await timed(partial(pilot.press, key))
                report["keys"].append(cpu)
                report["keys_wall"].append(wall)
            await pilot.press("escape")
            await pilot.pause()
        main_screen = app.screen
        for other in ids[1 : 2 if quick else 1 + COMPARE_PAIRS]:
            cpu, _ = await timed(partial(app.open_compare, ids[0], other))
            if app.screen is main_screen:
                report["compare_note"] = "app.open_compare opened no screen"
                break
            report["compare"].append(cpu)
            app.pop_screen()
            await pilot.pause()
        toggled = ids[-1]
        for _ in range(
            2 if quick else FAVOURITE_CHANGES
        ):  # out, back in, out…: each one saves the file
            report["favourite"].append((await timed(lambda: app.toggle_favourite(toggled)))[0])
    report["shortlist_entries"] = len(app.shortlist)
    return report


async def reading_session(content: Path, *, quick: bool) -> dict[str, Any]:
    import gc

    from explorer.app import ExplorerApp
    from explorer.collector import QUIET_SECONDS

    catalog = load(content).catalog
    ids = list(catalog.roles)
    app = ExplorerApp(catalog)
    report: dict[str, Any] = {"actions": [], "collections_in_actions": []}
    acting = False
    started = 0.0

    def watch(phase: str, info: dict[str, int]) -> None:
        nonlocal started
        if phase == "start":
            started = time.perf_counter()
        elif acting and info["generation"] == 2:
            report["collections_in_actions"].append((time.perf_counter() - started) * 1000)

    async with app.run_test(size=SCREEN_SIZE) as pilot:

        async def act(action: Callable[[], Awaitable[object] | object]) -> None:
            nonlocal acting
            acting, cpu = True, time.process_time()
            done = action()
            if isinstance(done, Awaitable):
                await done
            await pilot.pause()
            report["actions"].append((time.process_time() - cpu) * 1000)
            acting = False

        async def read() -> None:
            await asyncio.sleep(QUIET_SECONDS + 0.3)

        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        gc.callbacks.append(watch)
        try:
            for word in TYPED[:1] if quick else TYPED:
                await pilot.press("slash")
                for key in [*("space" if c == " " else c for c in word), "backspace", "backspace"]:
                    await act(partial(pilot.press, key))
                await pilot.press("escape")
                await read()
            for other in ids[1 : 2 if quick else 1 + COMPARE_PAIRS]:
                await act(partial(app.open_compare, ids[0], other))
                await read()
                app.pop_screen()
                await pilot.pause()
        finally:
            gc.callbacks.remove(watch)
    return report


def main(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content", type=Path)
    parser.add_argument("workdir", type=Path)
    parser.add_argument("--shortlist", type=int, default=0, metavar="ENTRIES")
    parser.add_argument("--role", help="time this role's first display, and nothing else")
    parser.add_argument("--quick", action="store_true", help="one word, one comparison")
    parser.add_argument("--reading", action="store_true", help="pauses to read after each action")
    args = parser.parse_args(argv)
    if args.reading:
        json.dump(asyncio.run(reading_session(args.content, quick=args.quick)), sys.stdout)
        return 0
    report = asyncio.run(
        session(
            args.content,
            args.workdir,
            shortlist_entries=args.shortlist,
            role=args.role,
            quick=args.quick,
        )
    )
    json.dump(report, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
