"""Instructions executed, counted by valgrind: an A/B measure that the machine's noise leaves alone.

On a shared VM, wall-clock ratios move by 10-30 % from one run to the next, which hides a
change of a few percent. The number of instructions a run executes barely moves. Run this
on two commits to compare them (it needs valgrind; `make bench` does not):

    .venv/bin/python benchmarks/instructions.py [--content DIR]

It prints, in millions of instructions: the baseline app to its first complete frame; the
explorer to its first complete frame (warm cache); their ratio; and a typing session (three
words typed in the search field, through Pilot), less the same session without the typing.

`--stages`: instead, where each start-up spends them: both apps stopped once imported, once
constructed, at their first frame and at their first complete frame (RESULTS.md reads it).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

# Each child leaves with os._exit at its first complete frame: what follows (exit, the work
# after the first frame) is not counted, for the app as for the baseline.
BASELINE = """
import os, sys
sys.path.insert(0, {here!r})
import baseline_app
displayed = baseline_app.BaselineApp.post_display_hook
def _displayed(self):
    displayed(self)
    if self.first_frame_at is not None:
        os._exit(0)
baseline_app.BaselineApp.post_display_hook = _displayed
baseline_app.main()
"""

# The explorer as `explorer` launches it, leaving at its first complete explorer screen.
EXPLORER = [str(HERE / "startup.py"), "--exit-at-ready"]

# Either app, leaving at a stage of its start-up (`--stages`).
STAGES = ("imported", "constructed", "first frame", "complete frame")
STAGE = """
import os, sys
from pathlib import Path
stage = {stage!r}
if {explorer!r}:
    import explorer.cli
    import explorer.app
    from explorer.app import ExplorerApp as App
    arguments = dict(content_root=Path({content!r}))
    ready = lambda app: app.catalog is not None and bool(app.screen.query("Tree"))
else:
    sys.path.insert(0, {here!r})
    import baseline_app
    App = baseline_app.BaselineApp
    arguments = {{}}
    ready = lambda app: True
if stage == "imported":
    os._exit(0)

class Staged(App):
    if {explorer!r}:  # a relative CSS_PATH is read beside the class's module: keep the app's
        CSS_PATH = str(Path(explorer.app.__file__).parent / App.CSS_PATH)

    def post_display_hook(self):
        keys = self.screen.query("FooterKey")
        if stage == "first frame" or (ready(self) and keys and all(k.region for k in keys)):
            os._exit(0)

app = Staged(**arguments)
if stage == "constructed":
    os._exit(0)
app.run(headless=True, size=(120, 36))
"""

TYPING = """
import asyncio, os
from pathlib import Path
from explorer.app import ExplorerApp
from explorer.model import load_catalog

async def session():
    app = ExplorerApp(load_catalog(Path({content!r})).catalog)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        if {typing}:
            for word in ("seo", "chef", "web"):
                await pilot.press("slash")
                for key in [*word, "backspace", "backspace", "escape"]:
                    await pilot.press(key)
                    await pilot.pause()
    os._exit(0)

asyncio.run(session())
"""


def instructions(arguments: list[str], env: dict[str, str]) -> int:
    command = [
        "valgrind",
        "--tool=cachegrind",
        "--cache-sim=no",
        "--cachegrind-out-file=/dev/null",
        sys.executable,
        *arguments,
    ]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    found = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    if found is None:
        raise SystemExit(f"valgrind gave no count:\n{done.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    parser.add_argument("--stages", action="store_true", help="where each start-up spends them")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (apt-get install valgrind)", file=sys.stderr)
        return 1
    content = str(args.content.resolve())
    with tempfile.TemporaryDirectory() as work:
        env = dict(
            os.environ,
            PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
            EXPLORER_CACHE_DIR=str(Path(work) / "cache"),
            EXPLORER_DATA_DIR=str(Path(work) / "data"),
        )
        prime = [sys.executable, str(HERE / "startup.py"), content]
        subprocess.run(prime, env=env, capture_output=True, check=True)  # a warm cache
        if args.stages:
            return print_stages(content, env)
        baseline = instructions(["-c", BASELINE.format(here=str(HERE))], env)
        explorer = instructions([*EXPLORER, content], env)
        idle = instructions(["-c", TYPING.format(content=content, typing=False)], env)
        typing = instructions(["-c", TYPING.format(content=content, typing=True)], env)
    print(f"baseline, to its first frame   {baseline / 1e6:9.0f} M")
    print(f"explorer, to its first frame   {explorer / 1e6:9.0f} M   ({explorer / baseline:.2f} ×)")
    print(f"typing 3 words (session less idle)  {(typing - idle) / 1e6:9.0f} M")
    return 0


def print_stages(content: str, env: dict[str, str]) -> int:
    """Instructions at each stage of both start-ups, and what the explorer adds at each."""
    print(f"{'stage':<16}{'baseline':>10}{'explorer':>10}{'added':>10}  (M, since the last)")
    last = {False: 0, True: 0}
    for stage in STAGES:
        counts = {}
        for explorer in (False, True):
            script = STAGE.format(here=str(HERE), stage=stage, explorer=explorer, content=content)
            counts[explorer] = instructions(["-c", script], env)
        base, app = (counts[e] - last[e] for e in (False, True))
        print(f"{stage:<16}{base / 1e6:>10.0f}{app / 1e6:>10.0f}{(app - base) / 1e6:>+10.0f}")
        last = counts
    return 0


if __name__ == "__main__":
    sys.exit(main())
