"""« Décoder une annonce »: paste an ad, see the roles, open one, compare, keep the ad."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from textual import events
from textual.pilot import Pilot
from textual.widgets import OptionList, TextArea

from explorer.app import ExplorerApp
from explorer.model import Catalog
from explorer.model.decode import AD_HEADING, decode_ad
from explorer.model.profile import Profile
from explorer.model.shortlist import Shortlist
from explorer.screens.compare import CompareScreen
from explorer.screens.decode import DecodeScreen, marked_ad
from explorer.screens.main import MainScreen
from tests.screen import screen_lines, screen_text

ADS = Path(__file__).parent / "ads"
SIZE = (100, 36)


def explorer(catalog: Catalog, tmp_path: Path) -> ExplorerApp:
    return ExplorerApp(catalog, shortlist=Shortlist.open(tmp_path / "shortlist.toml"))


def decode_screen(app: ExplorerApp) -> DecodeScreen:
    screen = app.screen
    assert isinstance(screen, DecodeScreen)
    return screen


def region_words(app: ExplorerApp, selector: str) -> str:
    """A widget's text on screen with wrapping undone: words separated by single spaces."""
    region = app.screen.query_one(selector).content_region
    lines = screen_lines(app)
    return " ".join(
        " ".join(
            lines[y][region.x : region.right]
            for y in range(region.y, min(region.bottom, len(lines)))
        ).split()
    )


def roles_listed(app: ExplorerApp) -> list[str]:
    """The start of each role's entry in the list (some may be scrolled out of view)."""
    roles = app.screen.query_one("#decode-roles", OptionList)
    console = Console(width=100, file=io.StringIO())
    starts = []
    for index in range(roles.option_count):
        with console.capture() as drawn:
            console.print(roles.get_option_at_index(index).prompt)
        starts.append(drawn.get()[:3])
    return starts


async def paste_ad(app: ExplorerApp, pilot: Pilot[Any], text: str) -> DecodeScreen:
    """`D`, then the ad pasted as a terminal delivers it (line ends as carriage returns),
    until its reading is on screen."""
    await pilot.pause()
    await pilot.press("D")
    await pilot.pause()
    screen = decode_screen(app)
    assert isinstance(app.focused, TextArea)
    app.post_message(events.Paste(text.replace("\n", "\r")))
    for _ in range(200):  # the debounce, then the reading on a thread
        await pilot.pause(0.02)
        if screen.reading is not None and screen.ad.strip():
            break
    await pilot.pause()
    assert screen.reading is not None
    return screen


async def test_paste_see_the_role_and_enter_opens_it(bundled: Catalog, tmp_path: Path) -> None:
    app = explorer(bundled, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await paste_ad(app, pilot, (ADS / "referenceur-sea.txt").read_text("utf-8"))
        # The ad keeps its lines: its first line is the title.
        assert screen.ad.splitlines()[0] == "Chargé(e) de référencement payant – F/H"
        roles = region_words(app, "#decode-roles")
        assert roles.startswith("1. Référenceur SEA / Référenceuse SEA ")
        assert "alias « Chargé de référencement payant »" in roles
        assert roles_listed(app) == ["1. ", "2. ", "3. "]
        await pilot.press("tab")  # from the ad to the roles
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert region_words(app, "#detail-head").startswith("Référenceur SEA / Référenceuse SEA")


async def test_at_80_columns_reasons_wrap_under_their_role_in_french_spacing(
    bundled: Catalog, tmp_path: Path
) -> None:
    app = explorer(bundled, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await paste_ad(app, pilot, (ADS / "analyste-trafic.txt").read_text("utf-8"))
        region = app.screen.query_one("#decode-roles").content_region
        lines = [
            line[region.x : region.right].rstrip(" ▁▂▃▄▅▆▇█")
            for line in screen_lines(app)[region.y : region.bottom]
        ]
        # French spacing: « stays with the words it opens, » with the words it closes.
        assert any("«" in line for line in lines), lines
        assert not any(line.endswith("«") or line.lstrip().startswith("»") for line in lines)
        # A hanging indent: what wraps stays right of « 1. », under the role.
        ranked = [line for line in lines if line[:1].isdigit()]
        assert ranked[0].startswith("1. "), lines
        rest = [line for line in lines if line and line not in ranked]
        assert len(rest) >= 2, lines  # the reasons take more than one line
        assert all(line.startswith("   ") and line[3] != " " for line in rest), lines


async def test_skills_missing_skills_and_jargon_are_listed(
    bundled: Catalog, tmp_path: Path
) -> None:
    app = explorer(bundled, tmp_path)
    async with app.run_test(size=(120, 80)) as pilot:
        await paste_ad(app, pilot, (ADS / "referenceur-sea.txt").read_text("utf-8"))
        skills = region_words(app, "#decode-skills")
        assert skills.startswith("Compétences demandées")
        assert "Marketing et vente : Référencement payant (SEA), " in skills
        assert "Technique : Plan de marquage et balises (Tag Manager)" in skills
        missing = region_words(app, "#decode-missing")
        assert missing.startswith("Ce que « Référenceur SEA » demande aussi")
        assert "Flux produits et diffusion du catalogue" in missing
        terms = region_words(app, "#decode-terms")
        assert f"ROI : {' '.join(bundled.terms['roi'].definition.split())}" in terms
        assert "KPI : " in terms and "CPC : " in terms


async def test_inclusive_titles_find_their_role(bundled: Catalog, tmp_path: Path) -> None:
    app = explorer(bundled, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await paste_ad(app, pilot, "Chargé·e d’e-mailing (F/H)\nNewsletters et relances.")
        assert region_words(app, "#decode-roles").startswith("1. Chargé d’emailing / Chargée")


async def test_typing_reads_the_ad_again(bundled: Catalog, tmp_path: Path) -> None:
    app = explorer(bundled, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await paste_ad(app, pilot, "Webdesigner H/F\n")
        assert region_words(app, "#decode-roles").startswith("1. Webdesigner")
        screen.query_one(TextArea).clear()
        await pilot.press(*"UX designer")
        for _ in range(200):
            await pilot.pause(0.02)
            if screen.reading is not None:
                break
        await pilot.pause()
        assert region_words(app, "#decode-roles").startswith("1. UX designer")


def test_jargon_is_highlighted_in_the_ad_and_never_read_as_markup(bundled: Catalog) -> None:
    ad = "[bold]Consultant[/bold] SEA\nSuivi du ROI et des KPI.[@click=app.quit]"
    marked = marked_ad(ad, decode_ad(bundled, ad))
    assert marked.plain == "L’annonce, jargon surligné\n" + ad
    highlighted = {
        marked.plain[span.start : span.end] for span in marked.spans if span.style == "bold reverse"
    }
    assert highlighted == {"SEA", "ROI", "KPI"}


async def test_c_compares_the_two_best_roles(bundled: Catalog, tmp_path: Path) -> None:
    app = explorer(bundled, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await paste_ad(app, pilot, (ADS / "ux-designer.txt").read_text("utf-8"))
        assert screen.reading is not None
        best, second = (guess.role for guess in screen.reading.roles[:2])
        await pilot.press("tab", "c")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        text = screen_text(app)
        assert f"A  {best.display_title}" in text and f"B  {second.display_title}" in text


async def test_a_keeps_the_ad_in_the_note_of_the_highlighted_role(
    bundled: Catalog, tmp_path: Path
) -> None:
    shortlist = tmp_path / "shortlist.toml"
    Shortlist.open(shortlist).add("traffic-manager", "Ma note")
    ad = (ADS / "referenceur-sea.txt").read_text("utf-8")
    app = explorer(bundled, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await paste_ad(app, pilot, ad)
        assert screen.reading is not None
        ids = [guess.role.id for guess in screen.reading.roles]
        assert ids[:2] == ["referenceur-sea", "traffic-manager"]
        await pilot.press("tab", "a")  # the best role: added with the ad as its note
        await pilot.press("down", "a")  # the second: the ad after the note it had
        await pilot.press("a")  # again: kept once
        await pilot.pause()
    entries = {entry.role: entry.note for entry in Shortlist.open(shortlist).entries}
    assert entries["referenceur-sea"] == f"{AD_HEADING}\n{ad.strip()}"
    assert entries["traffic-manager"] == f"Ma note\n\n{AD_HEADING}\n{ad.strip()}"


async def test_d_is_in_the_help_and_the_palette(bundled: Catalog, tmp_path: Path) -> None:
    app = explorer(bundled, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert "D  Décoder une annonce" in screen_text(app)
        await pilot.press("escape")
        await pilot.press("ctrl+p", *"décoder")
        for _ in range(50):
            await pilot.pause(0.05)
            if "Décoder une annonce" in screen_text(app):
                break
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DecodeScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_every_part_is_reachable_at_both_sizes(
    bundled: Catalog, tmp_path: Path, size: tuple[int, int]
) -> None:
    app = explorer(bundled, tmp_path)
    async with app.run_test(size=size) as pilot:
        await paste_ad(app, pilot, (ADS / "referenceur-seo.txt").read_text("utf-8"))
        assert "1. Référenceur SEO" in screen_text(app)
        await pilot.press("tab", "tab")  # to the results, which scroll
        assert app.focused is app.screen.query_one("#decode-results")
        assert region_words(app, "#decode-results").startswith("Compétences demandées")
        await pilot.press("end")
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        # The ad's last line, with its jargon highlighted, closes the results.
        assert region_words(app, "#decode-results").endswith("Rigueur et curiosité indispensables.")


async def test_d_from_the_explorer_compares_the_ad_with_the_users_profile(
    bundled: Catalog, tmp_path: Path
) -> None:
    profile = Profile.open(tmp_path / "profile.toml")
    profile.add(["suivi-kpi", "sql"])
    app = ExplorerApp(
        bundled, shortlist=Shortlist.open(tmp_path / "shortlist.toml"), profile=profile
    )
    ad = (ADS / "referenceur-sea.txt").read_text("utf-8")
    async with app.run_test(size=(120, 80)) as pilot:
        screen = await paste_ad(app, pilot, ad)
        assert screen.reading is not None
        shown = region_words(app, "#decode-profile")
        assert shown.startswith("Votre profil")
        assert "Suivi des KPI et reporting" in shown and "À acquérir : " in shown


async def test_with_a_profile_what_the_user_has_of_what_the_ad_asks(
    bundled: Catalog, tmp_path: Path
) -> None:
    app = explorer(bundled, tmp_path)
    ad = (ADS / "referenceur-sea.txt").read_text("utf-8")
    async with app.run_test(size=(120, 80)) as pilot:
        await pilot.pause()
        shortlist = Shortlist.open(tmp_path / "shortlist.toml")
        screen = DecodeScreen(bundled, shortlist, profile_skills={"suivi-kpi", "sql"})
        await app.push_screen(screen)
        app.post_message(events.Paste(ad))
        for _ in range(200):
            await pilot.pause(0.02)
            if screen.reading is not None and screen.ad:
                break
        await pilot.pause()
        assert screen.reading is not None
        asked = len(screen.reading.skills)
        profile = region_words(app, "#decode-profile")
        assert profile.startswith("Votre profil")
        assert (
            f"Vous avez 1 des {asked} compétences demandées : Suivi des KPI et reporting" in profile
        )
        assert "À acquérir : " in profile and "Référencement payant (SEA)" in profile
