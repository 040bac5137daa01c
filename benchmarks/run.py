"""`make bench`: speed and memory of the explorer, measured against baselines on this machine.

For the bundled catalogue and generated ones of 1,000 and 10,000 roles (benchmarks/gen_catalogue.py):

- start-up as a whole process, until the explorer screen's first frame (`explorer
  --startup-time --json`), against baseline_app.py (the same widgets, no content); runs
  alternate A B A B and the figure is the median of the A/B ratios; cold (no content cache)
  and warm;
- content load in-process (TOML parse and validation; content cache read) against plain
  `tomllib` parsing of the same files;
- search latency per query, in-process, over a fixed list of 1-12 character queries;
- keystroke to updated screen in the search field (Pilot: press a key, wait until idle and
  painted; timed as the app's CPU time over that span, since Pilot's idle wait sleeps in
  20 ms steps), and opening the compare screen;
- peak memory: max RSS of the start-up processes (from os.wait4), against the baseline's.

Prints a table, writes the figures as JSON in benchmarks/results/, and (full runs) the
table and the machine into benchmarks/RESULTS.md. `--quick` runs tiny sizes once, for tests.
No timing is ever asserted: targets are reported as reached or not.
"""

from __future__ import annotations

import argparse
import asyncio
import compileall
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

SCREEN_SIZE = (120, 36)
SIZES = ("bundled", "1000", "10000")
QUICK_SIZES = ("bundled", "12", "30")
# A/B pairs per catalogue size: (warm, cold).
PAIRS = {"bundled": (9, 5), "1000": (7, 4), "10000": (5, 3)}
QUICK_PAIRS = (1, 1)
# Typed as people type, from one letter up to twelve.
QUERIES = (
    "d", "de", "dev", "deve", "devel", "develop", "developpeur",
    "s", "se", "seo", "sea", "crm", "ux", "b2b",
    "w", "we", "web", "webm", "webmarketing",
    "c", "ch", "chef", "chef p", "chef projet",
    "l", "lo", "logi", "logistique",
    "r", "ré", "réf", "référence", "référenceur",
    "m", "ma", "mark", "marketing",
    "e", "ecommerce", "e-commerce", "emailing",
    "gestion", "client", "analyse", "données", "acheteur",
    "redac web", "zzz",
)  # fmt: skip
# Keystrokes in the search field: each word typed, two letters erased, then cleared.
TYPED = ("developpeur", "chef projet", "logistique", "seo", "marketing")
TARGETS = {
    "startup_bundled": 1.15,
    "startup_10000_warm": 1.5,
    "startup_10000_cold_tomllib": 1.2,
    "search_10000_p95_ms": 5.0,
    "keystroke_10000_p95_ms": 50.0,
    "memory_10000_mb": 80.0,
}


# --- helpers ----------------------------------------------------------------------------------


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile (p95 of 20 values is the 19th smallest)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = min(len(ordered), max(1, math.ceil(fraction * len(ordered))))
    return ordered[rank - 1]


def machine() -> dict[str, Any]:
    from importlib.metadata import version

    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "nproc": os.cpu_count(),
        "cpu": model,
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "textual": version("textual"),
        "load_average": list(os.getloadavg()) if hasattr(os, "getloadavg") else None,
        "date": time.strftime("%Y-%m-%d %H:%M"),
    }


def content_files(root: Path) -> list[Path]:
    """The files the loader reads."""
    names = ("families.toml", "skills.toml", "glossary.toml")
    return [root / n for n in names] + sorted((root / "roles").glob("*.toml"))


def run_measured(
    command: list[str], env: dict[str, str]
) -> tuple[dict[str, Any], float, float, int]:
    """Run a process printing one JSON object: (object, spawn clock, exit clock, max RSS in KB).

    The child is reaped with os.wait4, which gives its own resource usage.
    """
    spawned = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    assert process.stdout is not None and process.stderr is not None
    out = process.stdout.read()
    err = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    ended = time.perf_counter()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{err.decode(errors='replace')}")
    rss_kb = usage.ru_maxrss // 1024 if sys.platform == "darwin" else usage.ru_maxrss
    return json.loads(out), spawned, ended, rss_kb


# --- workers (run in their own process) -------------------------------------------------------


def worker_load(content: Path, repeat: int) -> dict[str, Any]:
    """Plain tomllib parse, loader, content cache write and read, in this process."""
    from explorer.model.cache_codec import decode_all

    from explorer.model import cache, load_catalog

    files = content_files(content)
    parse, load, read, decode = [], [], [], []
    for _ in range(repeat):
        started = time.perf_counter()
        for path in files:
            tomllib.loads(path.read_bytes().decode("utf-8"))
        parse.append(time.perf_counter() - started)
        started = time.perf_counter()
        load_catalog(content)
        load.append(time.perf_counter() - started)
    with tempfile.TemporaryDirectory() as directory:
        first = cache.load(content, Path(directory))
        for _ in range(repeat):
            again = cache.load(content, Path(directory))
            read.append(again.load_seconds if again.from_cache else float("nan"))
            started = time.perf_counter()
            decode_all(again.result.catalog)  # what the app does after its first frame
            decode.append(time.perf_counter() - started)
    return {
        "tomllib_s": statistics.median(parse),
        "load_s": statistics.median(load),
        "index_build_s": first.index_seconds,
        "cache_write_s": first.save_seconds,
        "cache_written": first.saved,
        "cache_read_s": statistics.median(read),
        "roles_decode_s": statistics.median(decode),
    }


def worker_ui(content: Path, repeat: int) -> dict[str, Any]:
    """Search latency in-process, then keystrokes and the compare screen through Pilot."""
    from explorer.cli.common import cached_load

    loaded = cached_load(argparse.Namespace(content=content))
    catalog = loaded.result.catalog
    started = time.perf_counter()
    catalog.search_index  # noqa: B018 (built from the catalogue: the cache does not hold it)
    unpack = time.perf_counter() - started
    from explorer.model import search

    latencies = []
    for _ in range(repeat):
        for query in QUERIES:
            started = time.perf_counter()
            search(catalog, query)
            latencies.append(time.perf_counter() - started)
    ui = asyncio.run(_pilot_session(loaded.result))
    return {
        "index_unpack_s": unpack,
        "search_ms": [x * 1000 for x in latencies],
        **ui,
    }


async def _pilot_session(result: Any) -> dict[str, Any]:
    """Keystrokes and compare, timed as the app's CPU time from the key to the painted screen.

    Pilot waits for idleness by sleeping in 20 ms steps (three waits per key), so its wall
    time has a floor of about 60 ms whatever the app does; the process CPU time over the same
    span is the work the key caused, layout and painting included (the waits use none).
    Pilot's wall times are kept too, with the floor measured on a key that does nothing.
    """
    from explorer.app import ExplorerApp

    app = ExplorerApp(result.catalog, issues=result.issues)
    cpu: list[float] = []
    wall: list[float] = []
    floor: list[float] = []
    compare: list[float] = []
    compare_note = ""

    async def timed(pilot: Any, action: Any) -> tuple[float, float]:
        wall_start, cpu_start = time.perf_counter(), time.process_time()
        await action()
        await pilot.pause()
        return time.process_time() - cpu_start, time.perf_counter() - wall_start

    async with app.run_test(size=SCREEN_SIZE) as pilot:
        await pilot.pause()
        # What the app does on a thread after its first frame (index, nearest roles) ends
        # before anyone could type; its CPU time must not land on the first keys.
        await app.workers.wait_for_complete()
        for _ in range(5):  # a key bound to nothing: Pilot's own cost
            floor.append((await timed(pilot, lambda: pilot.press("f12")))[1])
        for word in TYPED:
            await pilot.press("slash")
            await pilot.pause()
            for key in [*("space" if c == " " else c for c in word), "backspace", "backspace"]:
                spent, elapsed = await timed(pilot, lambda key=key: pilot.press(key))
                cpu.append(spent)
                wall.append(elapsed)
            await pilot.press("escape")
            await pilot.pause()
        role_ids = list(result.catalog.roles)
        main_screen = app.screen
        for other in role_ids[1:6]:

            async def open_compare(b: str = other) -> None:
                app.open_compare(role_ids[0], b)

            spent, _ = await timed(pilot, open_compare)
            if app.screen is main_screen:
                compare_note = "app.open_compare did not open a screen"
                break
            compare_note = type(app.screen).__name__
            compare.append(spent)
            app.pop_screen()
            await pilot.pause()
    return {
        "keystroke_ms": [x * 1000 for x in cpu],
        "keystroke_wall_ms": [x * 1000 for x in wall],
        "pilot_floor_ms": [x * 1000 for x in floor],
        "compare_ms": [x * 1000 for x in compare],
        "compare_note": compare_note,
    }


# --- the run ----------------------------------------------------------------------------------


def prepare_catalogue(size: str, workdir: Path) -> Path:
    if size == "bundled":
        from explorer.locations import bundled_content

        return bundled_content()
    out = workdir / f"catalogue-{size}"
    if not (out / "families.toml").exists():
        # In a child process: this one stays small, and a child's max RSS counts the memory
        # of its parent at the fork.
        generator = [sys.executable, str(HERE / "gen_catalogue.py"), "--roles", size]
        subprocess.run([*generator, "--out", str(out), "--force"], check=True)
    return out


def startup_runs(
    content: Path, env: dict[str, str], cache_dir: Path, pairs: int, *, cold: bool
) -> dict[str, Any]:
    explorer = [sys.executable, "-m", "explorer", "--startup-time", "--json", "--content"]
    baseline = [sys.executable, str(HERE / "baseline_app.py")]
    ratios, a_times, b_times, a_rss, b_rss, a_walls, b_walls = [], [], [], [], [], [], []
    reports = []
    for _ in range(pairs):
        if cold:
            shutil.rmtree(cache_dir, ignore_errors=True)
        report, spawned, ended, rss = run_measured([*explorer, str(content)], env)
        a = report["first_frame_clock"] - spawned
        reports.append(report)
        b_report, b_spawned, b_ended, b_peak = run_measured(baseline, env)
        b = b_report["first_frame_clock"] - b_spawned
        ratios.append(a / b)
        a_times.append(a)
        b_times.append(b)
        a_rss.append(rss)
        b_rss.append(b_peak)
        a_walls.append(ended - spawned)
        b_walls.append(b_ended - b_spawned)
    phases = ("imports_ms", "content_load_ms", "index_build_ms", "first_frame_ms", "total_ms")
    return {
        "ratio": statistics.median(ratios),
        "explorer_s": statistics.median(a_times),
        "baseline_s": statistics.median(b_times),
        "explorer_exit_s": statistics.median(a_walls),
        "baseline_exit_s": statistics.median(b_walls),
        "explorer_rss_mb": max(a_rss) / 1024,
        "baseline_rss_mb": max(b_rss) / 1024,
        "cache": sorted({r["cache"] for r in reports}),
        "phases_ms": {p: statistics.median(r[p] for r in reports) for p in phases},
        "pairs": pairs,
    }


def measure(size: str, workdir: Path, quick: bool, log: Any) -> dict[str, Any]:
    content = prepare_catalogue(size, workdir)
    cache_dir = workdir / f"cache-{size}"
    env = dict(os.environ)
    env.update(
        EXPLORER_CACHE_DIR=str(cache_dir),
        EXPLORER_DATA_DIR=str(workdir / "data"),
        PYTHONPATH=os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]),
    )
    warm_pairs, cold_pairs = QUICK_PAIRS if quick else PAIRS.get(size, (5, 3))
    repeat = 1 if quick else (2 if size == "10000" else 3)
    me = [sys.executable, str(Path(__file__).resolve())]
    log(f"[{size}] content load")
    load, *_ = run_measured([*me, "--worker", "load", str(content), str(repeat)], env)
    log(f"[{size}] start-up, cold ({cold_pairs} pairs)")
    cold = startup_runs(content, env, cache_dir, cold_pairs, cold=True)
    # Prime the cache; content edited in the last two seconds is not cached: wait once.
    for _ in range(2):
        report, *_ = run_measured(
            [
                sys.executable,
                "-m",
                "explorer",
                "--startup-time",
                "--json",
                "--content",
                str(content),
            ],
            env,
        )
        if report["cache"] in ("hit", "written"):
            break
        time.sleep(2.5)
    log(f"[{size}] start-up, warm ({warm_pairs} pairs)")
    warm = startup_runs(content, env, cache_dir, warm_pairs, cold=False)
    log(f"[{size}] search, keystrokes, compare")
    ui, *_ = run_measured([*me, "--worker", "ui", str(content), str(repeat)], env)
    roles = len(list((content / "roles").glob("*.toml")))
    return {
        "size": size,
        "roles": roles,
        "content": str(content),
        "load": load,
        "cold": cold,
        "warm": warm,
        "ui": ui,
    }


# --- report -----------------------------------------------------------------------------------


def figures(result: dict[str, Any]) -> dict[str, Any]:
    ui, load = result["ui"], result["load"]
    return {
        "startup_warm_ratio": result["warm"]["ratio"],
        "startup_cold_ratio": result["cold"]["ratio"],
        "startup_warm_ms": result["warm"]["explorer_s"] * 1000,
        "startup_cold_ms": result["cold"]["explorer_s"] * 1000,
        "baseline_ms": result["warm"]["baseline_s"] * 1000,
        "tomllib_ms": load["tomllib_s"] * 1000,
        "load_ratio": load["load_s"] / load["tomllib_s"],
        "cache_read_ratio": load["cache_read_s"] / load["tomllib_s"],
        "search_p50_ms": percentile(ui["search_ms"], 0.5),
        "search_p95_ms": percentile(ui["search_ms"], 0.95),
        "keystroke_p50_ms": percentile(ui["keystroke_ms"], 0.5),
        "keystroke_p95_ms": percentile(ui["keystroke_ms"], 0.95),
        "keystroke_wall_p95_ms": percentile(ui["keystroke_wall_ms"], 0.95),
        "pilot_floor_ms": percentile(ui["pilot_floor_ms"], 0.5),
        "compare_p50_ms": percentile(ui["compare_ms"], 0.5) if ui["compare_ms"] else None,
        "memory_warm_mb": result["warm"]["explorer_rss_mb"] - result["warm"]["baseline_rss_mb"],
        "memory_cold_mb": result["cold"]["explorer_rss_mb"] - result["cold"]["baseline_rss_mb"],
    }


def _yes(ok: bool) -> str:
    return "yes" if ok else "**no**"


def targets_table(results: list[dict[str, Any]]) -> list[str]:
    by_size = {r["size"]: (r, figures(r)) for r in results}
    rows = ["| figure | target | measured | reached |", "|---|---|---|---|"]
    if "bundled" in by_size:
        r, f = by_size["bundled"]
        rows.append(
            f"| start-up, bundled catalogue (warm) | ≤ {TARGETS['startup_bundled']} × baseline "
            f"| {f['startup_warm_ratio']:.2f} × ({f['startup_warm_ms']:.0f} ms vs "
            f"{f['baseline_ms']:.0f} ms) | {_yes(f['startup_warm_ratio'] <= TARGETS['startup_bundled'])} |"
        )
        rows.append(
            f"| start-up, bundled catalogue (cold) | ≤ {TARGETS['startup_bundled']} × baseline "
            f"| {f['startup_cold_ratio']:.2f} × ({f['startup_cold_ms']:.0f} ms) "
            f"| {_yes(f['startup_cold_ratio'] <= TARGETS['startup_bundled'])} |"
        )
    if "10000" in by_size:
        r, f = by_size["10000"]
        rows.append(
            f"| start-up, 10,000 roles, warm | ≤ {TARGETS['startup_10000_warm']} × baseline "
            f"| {f['startup_warm_ratio']:.2f} × ({f['startup_warm_ms']:.0f} ms vs "
            f"{f['baseline_ms']:.0f} ms) | {_yes(f['startup_warm_ratio'] <= TARGETS['startup_10000_warm'])} |"
        )
        limit = (
            r["cold"]["baseline_s"] * 1000 + TARGETS["startup_10000_cold_tomllib"] * f["tomllib_ms"]
        )
        rows.append(
            f"| start-up, 10,000 roles, cold | ≤ baseline + 1.2 × tomllib parse "
            f"(≤ {limit:.0f} ms) | {f['startup_cold_ms']:.0f} ms "
            f"(tomllib parse {f['tomllib_ms']:.0f} ms) | {_yes(f['startup_cold_ms'] <= limit)} |"
        )
        rows.append(
            f"| search, 10,000 roles | p95 ≤ {TARGETS['search_10000_p95_ms']:.0f} ms "
            f"| p95 {f['search_p95_ms']:.2f} ms (p50 {f['search_p50_ms']:.2f} ms) "
            f"| {_yes(f['search_p95_ms'] <= TARGETS['search_10000_p95_ms'])} |"
        )
        rows.append(
            f"| keystroke to updated screen, 10,000 roles (app CPU time) | p95 ≤ {TARGETS['keystroke_10000_p95_ms']:.0f} ms "
            f"| p95 {f['keystroke_p95_ms']:.1f} ms (p50 {f['keystroke_p50_ms']:.1f} ms) "
            f"| {_yes(f['keystroke_p95_ms'] <= TARGETS['keystroke_10000_p95_ms'])} |"
        )
        limit = TARGETS["memory_10000_mb"]
        for start in ("warm", "cold"):
            extra = f[f"memory_{start}_mb"]
            rows.append(
                f"| peak memory, 10,000 roles, {start} | ≤ baseline + {limit:.0f} MB "
                f"| baseline + {extra:.0f} MB ({r[start]['explorer_rss_mb']:.0f} MB vs "
                f"{r[start]['baseline_rss_mb']:.0f} MB) | {_yes(extra <= limit)} |"
            )
    return rows


def detail_table(results: list[dict[str, Any]]) -> list[str]:
    header = (
        "| | "
        + " | ".join(
            "bundled" if r["size"] == "bundled" else f"{int(r['roles']):,} roles" for r in results
        )
        + " |"
    )
    rows = [header, "|---" * (len(results) + 1) + "|"]
    fs = [(r, figures(r)) for r in results]

    def row(label: str, cell: Any) -> None:
        rows.append(f"| {label} | " + " | ".join(cell(r, f) for r, f in fs) + " |")

    row("roles", lambda r, f: f"{r['roles']:,}")
    row("baseline app, to first frame", lambda r, f: f"{f['baseline_ms']:.0f} ms")
    row(
        "start-up warm, to first frame",
        lambda r, f: f"{f['startup_warm_ms']:.0f} ms ({f['startup_warm_ratio']:.2f} ×)",
    )
    row(
        "start-up cold, to first frame",
        lambda r, f: f"{f['startup_cold_ms']:.0f} ms ({f['startup_cold_ratio']:.2f} ×)",
    )
    row(
        "warm phases: imports / load / first frame",
        lambda r, f: "{imports_ms:.0f} / {content_load_ms:.0f} / {first_frame_ms:.0f} ms".format(
            **r["warm"]["phases_ms"]
        ),
    )
    row(
        "cold phases: load / index build",
        lambda r, f: "{content_load_ms:.0f} / {index_build_ms:.0f} ms".format(
            **r["cold"]["phases_ms"]
        ),
    )
    row("plain tomllib parse", lambda r, f: f"{f['tomllib_ms']:.0f} ms")
    row("loader (read, parse, validate)", lambda r, f: f"{f['load_ratio']:.2f} × tomllib")
    row(
        "content cache read",
        lambda r, f: (
            f"{f['cache_read_ratio']:.3f} × tomllib ({r['load']['cache_read_s'] * 1000:.1f} ms)"
        ),
    )
    row(
        "roles' detail from the cache (after the first frame)",
        lambda r, f: f"{r['load']['roles_decode_s'] * 1000:.1f} ms",
    )
    row(
        "search index build (after the first frame)",
        lambda r, f: f"{r['ui']['index_unpack_s'] * 1000:.1f} ms",
    )
    row("search p50 / p95", lambda r, f: f"{f['search_p50_ms']:.2f} / {f['search_p95_ms']:.2f} ms")
    row(
        "keystroke p50 / p95 (app CPU time)",
        lambda r, f: f"{f['keystroke_p50_ms']:.1f} / {f['keystroke_p95_ms']:.1f} ms",
    )
    row(
        "keystroke p95, Pilot wall time (its floor)",
        lambda r, f: f"{f['keystroke_wall_p95_ms']:.0f} ms ({f['pilot_floor_ms']:.0f} ms)",
    )
    row(
        "open compare p50 (app CPU time)",
        lambda r, f: (
            "n/a: " + r["ui"]["compare_note"]
            if f["compare_p50_ms"] is None
            else f"{f['compare_p50_ms']:.1f} ms"
        ),
    )
    row(
        "max RSS warm (baseline)",
        lambda r, f: (
            f"{r['warm']['explorer_rss_mb']:.0f} MB ({r['warm']['baseline_rss_mb']:.0f} MB)"
        ),
    )
    row(
        "max RSS cold (baseline)",
        lambda r, f: (
            f"{r['cold']['explorer_rss_mb']:.0f} MB ({r['cold']['baseline_rss_mb']:.0f} MB)"
        ),
    )
    return rows


def machine_line(info: dict[str, Any]) -> str:
    load = info.get("load_average")
    busy = f", load average at start {load[0]:.2f}" if load else ""
    return (
        f"{info['nproc']} CPU ({info['cpu']}), {info['system']}, Python {info['python']}, "
        f"Textual {info['textual']}, {info['date']}{busy}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Explorer benchmarks (make bench).")
    parser.add_argument("--quick", action="store_true", help="tiny sizes, one run each (tests)")
    parser.add_argument("--sizes", help="comma-separated: bundled and/or role counts")
    parser.add_argument("--out", type=Path, default=HERE / "results", help="where the JSON goes")
    parser.add_argument("--workdir", type=Path, help="keep generated catalogues and caches here")
    parser.add_argument(
        "--worker", nargs=3, metavar=("KIND", "CONTENT", "REPEAT"), help=argparse.SUPPRESS
    )
    args = parser.parse_args(argv)
    if args.worker:
        kind, content, repeat = args.worker
        work = worker_load if kind == "load" else worker_ui
        json.dump(work(Path(content), int(repeat)), sys.stdout)
        return 0

    sizes = tuple(args.sizes.split(",")) if args.sizes else (QUICK_SIZES if args.quick else SIZES)
    # Byte-compile our package as pip does for an installed one (Textual's modules already
    # are): with PYTHONDONTWRITEBYTECODE set, every start would compile it from source.
    compileall.compile_dir(ROOT / "explorer", quiet=1)
    info = machine()
    started = time.perf_counter()

    def log(message: str) -> None:
        print(f"{time.perf_counter() - started:6.0f} s  {message}", file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory(prefix="explorer-bench-") as temporary:
        workdir = args.workdir or Path(temporary)
        workdir.mkdir(parents=True, exist_ok=True)
        results = [measure(size, workdir, args.quick, log) for size in sizes]
    lines = [
        f"Machine: {machine_line(info)}",
        "",
        *targets_table(results),
        "",
        *detail_table(results),
    ]
    print("\n".join(lines))
    args.out.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    payload = {
        "machine": info,
        "quick": args.quick,
        "results": results,
        "figures": {r["size"]: figures(r) for r in results},
    }
    out = args.out / f"bench-{stamp}{'-quick' if args.quick else ''}.json"
    out.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    log(f"written {out}")
    if not args.quick and not args.sizes:
        write_results(info, lines)
        log(f"written {HERE / 'RESULTS.md'}")
    return 0


def write_results(info: dict[str, Any], lines: list[str]) -> None:
    path = HERE / "RESULTS.md"
    notes = ""
    if path.exists():  # keep the hand-written notes after the generated part
        text = path.read_text(encoding="utf-8")
        marker = "<!-- end of generated table -->"
        if marker in text:
            notes = text.split(marker, 1)[1]
    body = "\n".join(
        [
            "# Benchmark results",
            "",
            "Generated by `make bench` (benchmarks/run.py); ratios are medians of A/B pairs run",
            "alternately on the same machine, start-up is measured to the first complete frame",
            "(footer keys included).",
            "",
            *lines,
            "",
            "<!-- end of generated table -->",
        ]
    )
    notes = notes.strip("\n")
    path.write_text(body + ("\n\n" + notes if notes else "") + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
