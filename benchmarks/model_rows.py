"""The model's answers, timed in-process: search, profile re-rank, path, team, ad decoding, shortlist.

    python benchmarks/model_rows.py CONTENT WORKDIR [--decode] [--shortlist N]

Loads CONTENT through the content cache (as the app does), then prints one JSON object: for
each row, the milliseconds of every call (wall time, `time.perf_counter`), and the one-time
cost of the index the row's first call builds (`*_index_ms`), which a screen may build ahead
in a worker. A row whose module is missing reports `null` and why. Inputs are drawn from the
catalogue with a fixed seed, so every run asks the same questions.
"""

from __future__ import annotations

import json
import random
import sys
import time
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from common import load  # noqa: E402

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
SEARCH_PASSES = 2
TICKS = 30  # profile ticks: skills of three roles ticked one by one, then ten unticked
PATHS = 30  # role pairs
TEAMS = 12  # needs of 8 to 22 skills
DECODES = 5
AD_CHARS = 5_000
SHORTLIST_CHANGES = 10


def ms(seconds: float) -> float:
    return seconds * 1000


def timed(call: Callable[[], object]) -> float:
    started = time.perf_counter()
    call()
    return ms(time.perf_counter() - started)


def row(build: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """A row's figures, or why it could not run (a module not there yet)."""
    try:
        return build()
    except ImportError as error:
        return {"calls_ms": None, "note": f"not measured: {error}"}


def search_depth() -> int | None:
    """How many hits the explorer screen asks a search for on each key (None: unknown)."""
    try:
        from explorer.screens.main import SEARCH_DEPTH
    except ImportError:
        return None
    return int(SEARCH_DEPTH)


def search_row(catalog: Any) -> dict[str, Any]:
    """As the explorer screen searches on each key (the best SEARCH_DEPTH hits), and with
    every hit (the role picker, and the screen when the best hits crowd into few families)."""
    from explorer.model.search import search

    depth = search_depth()
    index_ms = timed(lambda: catalog.search_index)
    calls, every = [], []
    for _ in range(SEARCH_PASSES):
        for query in QUERIES:
            calls.append(timed(partial(search, catalog, query, depth)))
            every.append(timed(partial(search, catalog, query)))
    return {"calls_ms": calls, "every_hit_ms": every, "limit": depth, "index_ms": index_ms}


def rerank_row(catalog: Any, rng: random.Random) -> dict[str, Any]:
    from explorer.model.matching import rank_roles, within_reach

    roles = list(catalog.roles.values())
    ticked = list(dict.fromkeys(s for r in rng.sample(roles, 3) for s in r.skills))
    profile: list[str] = []
    index_ms = timed(lambda: rank_roles(catalog, ()))

    def tick() -> None:  # what the profile screen redraws: the ranking and the roles within reach
        within_reach(rank_roles(catalog, profile))

    calls = []
    for skill in ticked[:TICKS]:
        profile.append(skill)
        calls.append(timed(tick))
    for skill in ticked[:10]:
        profile.remove(skill)
        calls.append(timed(tick))
    return {"calls_ms": calls, "index_ms": index_ms, "profile_skills": len(ticked[:TICKS])}


def path_row(catalog: Any, rng: random.Random) -> dict[str, Any]:
    from explorer.model.paths import shortest_path

    ids = list(catalog.roles)
    pairs = [tuple(rng.sample(ids, 2)) for _ in range(PATHS)]
    index_ms = timed(lambda: shortest_path(catalog, *pairs[0]))
    calls, found = [], 0
    for a, b in pairs:
        started = time.perf_counter()
        found += bool(shortest_path(catalog, a, b))
        calls.append(ms(time.perf_counter() - started))
    return {"calls_ms": calls, "index_ms": index_ms, "found": found, "asked": len(pairs)}


def team_row(catalog: Any, rng: random.Random) -> dict[str, Any]:
    from explorer.model.team import plan_team

    roles = list(catalog.roles.values())
    needs = []
    for _ in range(TEAMS):  # what a shop asks: skills of a few roles, some left out
        skills = list(dict.fromkeys(s for r in rng.sample(roles, 3) for s in r.skills))
        needs.append(rng.sample(skills, min(len(skills), rng.randint(8, 22))))
    index_ms = timed(lambda: plan_team(catalog, needs[0][:1]))
    calls, optimal = [], 0
    for need in needs:
        started = time.perf_counter()
        optimal += plan_team(catalog, need).optimal
        calls.append(ms(time.perf_counter() - started))
    return {"calls_ms": calls, "index_ms": index_ms, "optimal": optimal, "asked": len(needs)}


def job_ad(catalog: Any, rng: random.Random) -> str:
    """An ad of AD_CHARS characters written from one role: its title (inclusive form and
    H/F), then its missions, skills and tools among ordinary recruiting sentences."""
    role = rng.choice(list(catalog.roles.values()))
    lines = [f"{role.title} (H/F) — CDI à Lyon", "", "Vos missions :"]
    lines += [f"- {mission}" for mission in role.missions]
    lines += ["", "Votre profil :"]
    lines += [f"- {catalog.skills[s].label}" for s in role.skills if s in catalog.skills]
    lines += ["", "Outils : " + ", ".join(role.tools), ""]
    filler = (
        "Rejoignez une équipe de passionnés au sein d'une entreprise en forte croissance.",
        "Vous travaillerez en lien étroit avec les équipes marketing, logistique et technique.",
        "Le poste est ouvert au télétravail deux jours par semaine.",
        "Nous offrons une mutuelle, des tickets restaurant et un plan de formation.",
        "Vous êtes curieux·se, rigoureux·se et vous aimez le travail en équipe.",
        "Une première expérience en e-commerce est un plus apprécié.",
    )
    text = "\n".join(lines)
    while len(text) < AD_CHARS:
        text += " " + rng.choice(filler)
    return text[:AD_CHARS]


def decode_row(catalog: Any, rng: random.Random) -> dict[str, Any]:
    from explorer.model.decode import decode_ad

    ads = [job_ad(catalog, rng) for _ in range(DECODES)]
    index_ms = timed(lambda: decode_ad(catalog, "vendeur"))
    calls = [timed(partial(decode_ad, catalog, ad)) for ad in ads]
    return {"calls_ms": calls, "index_ms": index_ms, "ad_chars": AD_CHARS}


def write_shortlist(path: Path, role_ids: list[str]) -> None:
    """A shortlist file of these roles, in the model's own format."""
    from explorer.model.shortlist import ShortlistEntry, dump

    entries = [
        ShortlistEntry(role, date(2026, 1, 1), f"note {n}") for n, role in enumerate(role_ids)
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(dump(entries))


def shortlist_row(catalog: Any, workdir: Path, entries: int) -> dict[str, Any]:
    """A change (add or remove) in a shortlist of `entries` roles: the file read, changed,
    written atomically under its lock, as each change in the app does."""
    from explorer.model.shortlist import Shortlist

    ids = list(catalog.roles)
    path = workdir / "shortlist-bench" / "shortlist.toml"
    write_shortlist(path, ids[:entries])
    started = time.perf_counter()
    shortlist = Shortlist.open(path)
    open_ms = ms(time.perf_counter() - started)
    others = ids[entries : entries + SHORTLIST_CHANGES // 2] or ids[: SHORTLIST_CHANGES // 2]
    calls = [timed(partial(shortlist.toggle, r)) for r in others for _ in range(2)]
    return {"calls_ms": calls, "open_ms": open_ms, "entries": len(shortlist)}


def measure(content: Path, workdir: Path, *, decode: bool, shortlist: int) -> dict[str, Any]:
    started = time.perf_counter()
    catalog = load(content).catalog
    report: dict[str, Any] = {"load_ms": ms(time.perf_counter() - started)}
    report["search"] = row(lambda: search_row(catalog))
    report["rerank"] = row(lambda: rerank_row(catalog, random.Random(1)))
    report["path"] = row(lambda: path_row(catalog, random.Random(2)))
    report["team"] = row(lambda: team_row(catalog, random.Random(3)))
    if decode:
        report["decode"] = row(lambda: decode_row(catalog, random.Random(4)))
    if shortlist:
        report["shortlist"] = row(lambda: shortlist_row(catalog, workdir, shortlist))
    return report


def main(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content", type=Path)
    parser.add_argument("workdir", type=Path)
    parser.add_argument("--decode", action="store_true")
    parser.add_argument("--shortlist", type=int, default=0, metavar="ENTRIES")
    args = parser.parse_args(argv)
    report = measure(args.content, args.workdir, decode=args.decode, shortlist=args.shortlist)
    json.dump(report, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
