"""Instructions executed, counted by valgrind: an A/B measure that the machine's noise leaves alone.

On a shared VM, wall-clock ratios move by 10-30 % from one run to the next, which hides a
change of a few percent. The number of instructions a run executes barely moves. Run this
on two commits to compare them (it needs valgrind; `make bench` does not):

    .venv/bin/python benchmarks/instructions.py [--content DIR]

It prints, in millions of instructions: the baseline app to its first complete frame; the
explorer to its first complete frame (warm cache); their ratio; and a typing session (three
words typed in the search field, through Pilot), less the same session without the typing.
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
        baseline = instructions(["-c", BASELINE.format(here=str(HERE))], env)
        explorer = instructions([*EXPLORER, content], env)
        idle = instructions(["-c", TYPING.format(content=content, typing=False)], env)
        typing = instructions(["-c", TYPING.format(content=content, typing=True)], env)
    print(f"baseline, to its first frame   {baseline / 1e6:9.0f} M")
    print(f"explorer, to its first frame   {explorer / 1e6:9.0f} M   ({explorer / baseline:.2f} ×)")
    print(f"typing 3 words (session less idle)  {(typing - idle) / 1e6:9.0f} M")
    return 0


if __name__ == "__main__":
    sys.exit(main())
