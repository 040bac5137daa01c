"""`make bench`: the speed targets of issues 19, 21, 22, 25 and 26, measured on this machine.

Catalogues: the bundled one, and generated ones shaped like a real catalogue (the 7 bundled
families holding all the roles, benchmarks/gen_catalogue.py --families bundled) of 2,500 and
10,000 roles, plus a small one holding a role file at the content size limit. Each figure is
measured in several runs (fresh processes) and reported as its median and [lowest–highest]
run: the spread, never the best run. Targets are reported as reached or not; nothing here
asserts a timing.

- start-up (benchmarks/startup.py): the whole process, from its spawn to the first complete
  frame of the explorer screen, against benchmarks/baseline_app.py (the same widgets, no
  content), alternated A B A B; warm (content cache there) and cold (cache deleted); peak
  memory of the same processes (os.wait4);
- the app in use (benchmarks/interactive.py, Pilot): keystrokes in the search field, opening
  the comparison, a shortlist change, a role's first display: the app's CPU time; and the
  same keys and comparisons with pauses to read: the longest action, and the full garbage
  collections an action waited for;
- the model (benchmarks/model_rows.py): search, profile re-rank, career path, team plan, ad
  decoding, a shortlist change: wall time of each call.

Prints the tables, writes every run's numbers as JSON in benchmarks/results/, and (full runs
only) the tables into benchmarks/RESULTS.md above its hand-written notes.
`--quick`: tiny catalogues, one run each (for tests/test_benchmarks_smoke.py).
"""

from __future__ import annotations

import argparse
import compileall
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from common import ROOT, Spread, child_env, machine, percentile, run_child, script  # noqa: E402
from startup import startup_pairs, warm_up  # noqa: E402


@dataclass(frozen=True)
class Plan:
    """What is measured on one catalogue."""

    name: str  # "bundled", or the number of generated roles
    roles: int = 0  # generated roles (0: the bundled catalogue)
    warm_pairs: int = 0
    cold_pairs: int = 0
    interactive_runs: int = 0
    reading_runs: int = 0  # sessions with pauses to read (interactive.py --reading)
    model_runs: int = 0
    decode: bool = False
    shortlist: int = 0  # entries of the shortlist in the shortlist rows
    big_role_bytes: int = 0  # a role file of this size (its first display is timed)


RUNS = 3
FULL = (
    Plan("bundled", warm_pairs=7, interactive_runs=RUNS),
    Plan(
        "2500",
        2500,
        warm_pairs=5,
        interactive_runs=RUNS,
        reading_runs=RUNS,
        model_runs=RUNS,
        decode=True,
    ),
    Plan(
        "10000",
        10000,
        warm_pairs=5,
        cold_pairs=3,
        interactive_runs=RUNS,
        model_runs=RUNS,
        shortlist=10000,
    ),
    Plan("limit", 25, interactive_runs=RUNS, big_role_bytes=-1),  # -1: the loader's limit
)
QUICK = (
    Plan("bundled", warm_pairs=1, interactive_runs=1),
    Plan("30", 30, warm_pairs=1, interactive_runs=1, reading_runs=1, model_runs=1, decode=True),
    Plan("60", 60, warm_pairs=1, cold_pairs=1, interactive_runs=1, model_runs=1, shortlist=60),
    Plan("limit", 12, interactive_runs=1, big_role_bytes=-1),
)


def size_limit() -> int:
    """The largest role file the loader accepts."""
    from explorer.model import loader

    return loader.MAX_ROLE_BYTES


# --- measuring --------------------------------------------------------------------------------


def prepare(plan: Plan, workdir: Path) -> Path:
    if not plan.roles:
        from explorer.locations import bundled_content

        return bundled_content()
    command = script("gen_catalogue", "--roles", str(plan.roles), "--families", "bundled")
    out = workdir / f"catalogue-{plan.name}"
    if plan.big_role_bytes:
        size = size_limit() if plan.big_role_bytes < 0 else plan.big_role_bytes
        command += ["--big-role-bytes", str(int(size * 0.98))]
        out = out.with_name(f"{out.name}-{size}")  # a new limit, a new catalogue
    if not (out / "families.toml").exists():
        # In a child process: this one stays small (a child's peak memory counts its
        # parent's at the fork).
        subprocess.run([*command, "--out", str(out), "--force"], check=True)
    return out


def measure(
    plan: Plan, workdir: Path, log: Callable[[str], None], *, quick: bool
) -> dict[str, Any]:
    content = prepare(plan, workdir)
    cache_dir = workdir / f"cache-{plan.name}"
    env = child_env(workdir, cache_dir)
    result: dict[str, Any] = {"name": plan.name, "content": str(content)}
    if plan.cold_pairs:
        log(f"[{plan.name}] plain tomllib parse, start-up cold ({plan.cold_pairs} pairs)")
        parse = run_child(script("startup", "--tomllib", str(content), "3"), env)
        result["tomllib_ms"] = parse.report["tomllib_ms"]
        result["cold"] = startup_pairs(content, env, cache_dir, plan.cold_pairs, cold=True)
    warm_up(content, env)
    if plan.warm_pairs:
        log(f"[{plan.name}] start-up, warm ({plan.warm_pairs} pairs)")
        result["warm"] = startup_pairs(content, env, cache_dir, plan.warm_pairs, cold=False)
    if plan.interactive_runs:
        log(f"[{plan.name}] the app in use ({plan.interactive_runs} runs)")
        extra = ["--shortlist", str(plan.shortlist)] if plan.shortlist else []
        if plan.big_role_bytes:
            from gen_catalogue import BIG_ROLE

            extra += ["--role", BIG_ROLE]
        extra += ["--quick"] if quick else []
        command = script("interactive", str(content), str(workdir), *extra)
        result["interactive"] = [
            run_child(command, env).report for _ in range(plan.interactive_runs)
        ]
    if plan.reading_runs:
        log(f"[{plan.name}] the app in use, with pauses to read ({plan.reading_runs} runs)")
        command = script("interactive", str(content), str(workdir), "--reading")
        command += ["--quick"] if quick else []
        result["reading"] = [run_child(command, env).report for _ in range(plan.reading_runs)]
    if plan.model_runs:
        log(f"[{plan.name}] the model's answers ({plan.model_runs} runs)")
        extra = ["--decode"] if plan.decode else []
        extra += ["--shortlist", str(plan.shortlist)] if plan.shortlist else []
        command = script("model_rows", str(content), str(workdir), *extra)
        result["model"] = [run_child(command, env).report for _ in range(plan.model_runs)]
    result["roles"] = len(list((content / "roles").glob("*.toml")))
    return result


# --- figures: one value per run, then their spread --------------------------------------------


def per_run(result: dict[str, Any], source: str, pick: Callable[[Any], float]) -> list[float]:
    """One value per run of `source` ("warm", "cold", "interactive", "model")."""
    values = []
    for run in result.get(source, ()):
        try:
            values.append(pick(run))
        except (KeyError, IndexError, TypeError, ValueError):
            values.append(float("nan"))
    return values


def p(fraction: float, key: str, field: str = "calls_ms") -> Callable[[Any], float]:
    """A run's percentile of one list: `key` of an interactive run, `key.field` of a model run."""

    def pick(run: dict[str, Any]) -> float:
        values = run[key] if field == "" else run[key][field]
        if not values:
            return float("nan")
        return percentile(values, fraction)

    return pick


def spread(
    result: dict[str, Any] | None, source: str, pick: Callable[[Any], float]
) -> Spread | None:
    return None if result is None else Spread.of(per_run(result, source, pick))


@dataclass(frozen=True)
class Target:
    figure: str
    target: str
    catalogue: str
    source: str
    pick: Callable[[Any], float]
    limit: float | Callable[[dict[str, Any]], float]  # a value or computed from the result
    unit: str = "ms"
    digits: int = 0


def _cold_limit(result: dict[str, Any]) -> float:
    baseline = Spread.of([run["baseline_ms"] for run in result["cold"]])
    assert baseline is not None
    return baseline.median + 1.6 * float(result["tomllib_ms"])


def targets(quick: bool) -> list[Target]:
    small, large = ("30", "60") if quick else ("2500", "10000")
    few, many = f"{int(small):,}", f"{int(large):,}"  # as shown
    ratio: Callable[[Any], float] = lambda run: run["ratio"]  # noqa: E731
    extra: Callable[[Any], float] = lambda run: run["app_rss_mb"] - run["baseline_rss_mb"]  # noqa: E731
    interactive, model = "interactive", "model"
    return [
        Target(
            "start-up, bundled, warm", "≤ 1.15 × baseline", "bundled", "warm", ratio, 1.15, "×", 2
        ),
        Target(
            f"start-up, {few} roles in 7 families, warm",
            "≤ 1.3 ×",
            small,
            "warm",
            ratio,
            1.3,
            "×",
            2,
        ),
        Target(
            f"start-up, {many} roles in 7 families, warm",
            "≤ 2.0 ×",
            large,
            "warm",
            ratio,
            2.0,
            "×",
            2,
        ),
        Target(
            f"start-up, {many} roles, cold",
            "≤ baseline + 1.6 × tomllib parse",
            large,
            "cold",
            lambda run: run["app_ms"],
            _cold_limit,
        ),
        Target(
            "keystroke p95 (app CPU), bundled",
            "≤ 50 ms",
            "bundled",
            interactive,
            p(0.95, "keys", ""),
            50,
            digits=1,
        ),
        Target(
            f"keystroke p95 (app CPU), {few}",
            "≤ 50 ms",
            small,
            interactive,
            p(0.95, "keys", ""),
            50,
            digits=1,
        ),
        Target(
            f"keystroke p95 (app CPU), {many}",
            "≤ 80 ms",
            large,
            interactive,
            p(0.95, "keys", ""),
            80,
            digits=1,
        ),
        Target(
            f"opening the comparison p50 (app CPU), {few}",
            "≤ 100 ms",
            small,
            interactive,
            p(0.5, "compare", ""),
            100,
            digits=1,
        ),
        Target(f"search p95, {many}", "≤ 5 ms", large, model, p(0.95, "search"), 5, digits=2),
        Target(f"peak memory, {many}, warm", "≤ baseline + 80 MB", large, "warm", extra, 80, "MB"),
        Target(f"peak memory, {many}, cold", "≤ baseline + 80 MB", large, "cold", extra, 80, "MB"),
        Target(
            f"profile re-rank after a tick p95, {many}",
            "≤ 20 ms",
            large,
            model,
            p(0.95, "rerank"),
            20,
            digits=1,
        ),
        Target(
            f"career path p95, {many}", "≤ 100 ms", large, model, p(0.95, "path"), 100, digits=1
        ),
        Target(f"team plan p95, {many}", "≤ 100 ms", large, model, p(0.95, "team"), 100, digits=1),
        Target(
            f"decode a 5,000-char ad p95, {few}",
            "≤ 50 ms",
            small,
            model,
            p(0.95, "decode"),
            50,
            digits=1,
        ),
        Target(
            f"shortlist change in the app p95 (app CPU), {many} entries",
            "≤ 100 ms",
            large,
            interactive,
            p(0.95, "favourite", ""),
            100,
            digits=1,
        ),
        Target(
            "a role's first display at the content size limit (app CPU)",
            "≤ 200 ms",
            "limit",
            interactive,
            p(0.5, "first_display", ""),
            200,
        ),
    ]


def _yes(ok: bool) -> str:
    return "yes" if ok else "**no**"


def targets_table(results: dict[str, dict[str, Any]], quick: bool) -> list[str]:
    rows = [
        "| figure | target | median [min–max] of the runs | runs | reached |",
        "|---|---|---|---|---|",
    ]
    for t in targets(quick):
        result = results.get(t.catalogue)
        values = [] if result is None else per_run(result, t.source, t.pick)
        found = Spread.of(values)
        if result is None:  # a catalogue left out of this run (--only)
            continue
        if found is None:
            rows.append(f"| {t.figure} | {t.target} | not measured | 0 | – |")
            continue
        limit = t.limit(result) if callable(t.limit) else t.limit
        shown = found.show(t.unit, t.digits)
        if callable(t.limit):
            shown += f" (limit {limit:,.0f} ms)"
        within = sum(v <= limit for v in values if v == v)
        reached = _yes(found.median <= limit)
        if within != found.runs:
            reached += f" ({within} of {found.runs} runs)"
        rows.append(f"| {t.figure} | {t.target} | {shown} | {found.runs} | {reached} |")
    return rows


def detail_table(results: dict[str, dict[str, Any]]) -> list[str]:
    """Every figure of every catalogue, as median [min–max] of the runs."""
    names = list(results)
    header = "| | " + " | ".join(_title(results[n]) for n in names) + " |"
    rows = [header, "|---" * (len(names) + 1) + "|"]

    def row(
        label: str, source: str, pick: Callable[[Any], float], unit: str = "ms", digits: int = 0
    ) -> None:
        cells = []
        for name in names:
            found = spread(results[name], source, pick)
            cells.append("" if found is None else found.show(unit, digits))
        if any(cells):
            rows.append(f"| {label} | " + " | ".join(cells) + " |")

    row("baseline app, to its first frame", "warm", lambda r: r["baseline_ms"])
    row("start-up warm, to the complete explorer screen", "warm", lambda r: r["app_ms"])
    row("start-up warm, ratio to the baseline", "warm", lambda r: r["ratio"], "×", 2)
    row("start-up warm, first frame (loading screen)", "warm", lambda r: r["first_frame_ms"])
    row("start-up cold, to the complete explorer screen", "cold", lambda r: r["app_ms"])
    row("start-up cold, ratio to the baseline", "cold", lambda r: r["ratio"], "×", 2)
    row("start-up cold, first frame (loading screen)", "cold", lambda r: r["first_frame_ms"])
    cells = [
        f"{results[n]['tomllib_ms']:,.0f} ms" if "tomllib_ms" in results[n] else "" for n in names
    ]
    if any(cells):
        rows.append("| plain tomllib parse of the same files | " + " | ".join(cells) + " |")
    row("catalogue from the content cache (in-process)", "model", lambda r: r["load_ms"])
    row("search index build (first search)", "model", lambda r: r["search"]["index_ms"])
    row("search p50 (the screen's number of hits)", "model", p(0.5, "search"), digits=2)
    row("search p95 (the screen's number of hits)", "model", p(0.95, "search"), digits=2)
    row("search p95, every hit", "model", p(0.95, "search", "every_hit_ms"), digits=2)
    row("keystroke p50 (app CPU)", "interactive", p(0.5, "keys", ""), digits=1)
    row("keystroke p95 (app CPU)", "interactive", p(0.95, "keys", ""), digits=1)
    row("first keystroke (app CPU)", "interactive", lambda r: r["keys"][0], digits=1)
    row("keystroke p95, Pilot wall time", "interactive", p(0.95, "keys_wall", ""))
    row("Pilot's floor (a key bound to nothing)", "interactive", p(0.5, "floor", ""))
    row("opening the comparison p50 (app CPU)", "interactive", p(0.5, "compare", ""), digits=1)
    row(
        "shortlist change in the app p95 (app CPU)",
        "interactive",
        p(0.95, "favourite", ""),
        digits=1,
    )
    row(
        "longest action, session with pauses to read (app CPU)",
        "reading",
        lambda r: max(r["actions"]),
    )
    row(
        "full collections waited for in that session",
        "reading",
        lambda r: sum(r["collections_in_actions"]),
    )
    row("shortlist change, model (wall) p95", "model", p(0.95, "shortlist"), digits=1)
    row("shortlist opened (model, wall)", "model", lambda r: r["shortlist"]["open_ms"])
    row("a role's first display (app CPU)", "interactive", p(0.5, "first_display", ""))
    row("its comparison with another (app CPU)", "interactive", p(0.5, "compare_big", ""))
    row("skill index (first re-rank)", "model", lambda r: r["rerank"]["index_ms"], digits=1)
    row("profile re-rank p95", "model", p(0.95, "rerank"), digits=1)
    row("link index (first path)", "model", lambda r: r["path"]["index_ms"], digits=1)
    row("career path p50", "model", p(0.5, "path"), digits=1)
    row("career path p95", "model", p(0.95, "path"), digits=1)
    row("team plan p50", "model", p(0.5, "team"), digits=1)
    row("team plan p95", "model", p(0.95, "team"), digits=1)
    row("decoding index (first decode)", "model", lambda r: r["decode"]["index_ms"])
    row("decode a 5,000-char ad p95", "model", p(0.95, "decode"), digits=1)
    row("peak memory warm", "warm", lambda r: r["app_rss_mb"], "MB")
    row("peak memory of the baseline", "warm", lambda r: r["baseline_rss_mb"], "MB")
    row("peak memory cold", "cold", lambda r: r["app_rss_mb"], "MB")
    return rows


def _title(result: dict[str, Any]) -> str:
    if result["name"] == "bundled":
        return f"bundled ({result['roles']} roles)"
    if result["name"] == "limit":
        return "size-limit role"
    return f"{result['roles']:,} roles"


def notes(results: dict[str, dict[str, Any]]) -> list[str]:
    """What the tables cannot say: rows a missing module left out, unusual answers."""
    lines = []
    for result in results.values():
        for run in result.get("model", ())[:1]:
            for key, value in run.items():
                if isinstance(value, dict) and value.get("note"):
                    lines.append(f"- {_title(result)}, {key}: {value['note']}")
            for key in ("path", "team"):
                answered = run.get(key) or {}
                if "asked" in answered:
                    done = answered.get("found", answered.get("optimal"))
                    what = "paths found" if key == "path" else "teams proven optimal"
                    lines.append(f"- {_title(result)}: {done} of {answered['asked']} {what}")
        for run in result.get("interactive", ())[:1]:
            if run.get("compare_note"):
                lines.append(f"- {_title(result)}, comparison: {run['compare_note']}")
    return lines


def machine_line(info: dict[str, Any]) -> str:
    load = info.get("load_average")
    busy = f", load average at start {load[0]:.2f}" if load else ""
    return (
        f"{info['nproc']} CPU ({info['cpu']}), {info['system']}, Python {info['python']}, "
        f"Textual {info['textual']}, {info['date']}{busy}"
    )


# --- the run ----------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Explorer benchmarks (make bench).")
    parser.add_argument("--quick", action="store_true", help="tiny catalogues, one run each")
    parser.add_argument(
        "--only", help="comma-separated catalogues of the plan (bundled, 2500, 10000, limit)"
    )
    parser.add_argument("--out", type=Path, default=HERE / "results", help="where the JSON goes")
    parser.add_argument("--workdir", type=Path, help="keep generated catalogues and caches here")
    args = parser.parse_args(argv)

    plans: tuple[Plan, ...] = QUICK if args.quick else FULL
    if args.only:
        wanted = args.only.split(",")
        plans = tuple(plan for plan in plans if plan.name in wanted)
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
        results = {plan.name: measure(plan, workdir, log, quick=args.quick) for plan in plans}
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)
    info["duration_s"] = round(time.perf_counter() - started)
    lines = [
        f"Machine: {machine_line(info)}; the run took {info['duration_s']} s.",
        "",
        *targets_table(results, args.quick),
        "",
        *detail_table(results),
    ]
    remarks = notes(results)
    if remarks:
        lines += ["", *remarks]
    print("\n".join(lines))
    args.out.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    payload = {"machine": info, "quick": args.quick, "results": results}
    out = args.out / f"bench-{stamp}{'-quick' if args.quick else ''}.json"
    out.write_text(json.dumps(payload, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    log(f"written {out}")
    if not args.quick and not args.only:
        write_results(lines)
        log(f"written {HERE / 'RESULTS.md'}")
    return 0


MARKER = "<!-- end of generated tables -->"


def write_results(lines: list[str]) -> None:
    """The tables at the top of RESULTS.md; the hand-written notes after MARKER stay."""
    path = HERE / "RESULTS.md"
    kept = ""
    if path.exists():
        text = path.read_text(encoding="utf-8")
        if MARKER in text:
            kept = text.split(MARKER, 1)[1].strip("\n")
    body = "\n".join(
        [
            "# Benchmark results",
            "",
            "The latest full `make bench` (benchmarks/run.py). Each figure: the median of the",
            "runs and, in brackets, the lowest and highest run; how it is measured is below.",
            "",
            *lines,
            "",
            MARKER,
        ]
    )
    path.write_text(body + ("\n\n" + kept if kept else "") + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
