"""« Décoder une annonce »: paste a job ad, see which roles it describes, its skills, its jargon.

The ad is read again a moment after the typing stops (DEBOUNCE_SECONDS), on a thread: the
first reading builds the catalogue's decoding index (about a second at 2,500 roles), the
next ones take milliseconds. Results come back as a `Decoded` message and are shown only if
the text has not changed since. Every string shown goes through `Text`: never markup.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import ClassVar

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.strip import Strip
from textual.timer import Timer
from textual.widgets import Header, OptionList, Static, TextArea
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState

from explorer.french_spacing import glued, unglued_strip
from explorer.messages import OpenCompare, OpenRole, ShortlistChanged
from explorer.model import Catalog
from explorer.model.decode import (
    AdReading,
    RoleGuess,
    decode_ad,
    held_and_lacking,
    note_with_ad,
)
from explorer.model.shortlist import Shortlist
from explorer.model.text import visible
from explorer.widgets.steady_footer import SteadyFooter

DEBOUNCE_SECONDS = 0.3
CLOSEST_ROLES = 3
PLACEHOLDER = (
    "Collez ou tapez ici le texte d’une offre d’emploi (titre en première ligne), "
    "par exemple « Chargé·e de référencement payant H/F ». Tab : passer aux résultats."
)


class RoleGuesses(OptionList):
    """The closest roles, best first; enter opens the highlighted one."""

    BINDING_GROUP_TITLE = "Métiers proches"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Ouvrir le métier", id="decode.open-role"),
        Binding(
            "c",
            "screen.compare",
            "Comparer",
            id="decode.compare",
            tooltip="Comparer les deux métiers les plus proches",
        ),
        Binding(
            "a",
            "screen.keep_ad",
            "Garder l’annonce",
            id="decode.keep-ad",
            tooltip="Garder l’annonce dans Ma sélection, en note du métier en surbrillance",
        ),
        Binding("down,j", "cursor_down", "Métier suivant", show=False, id="decode.role-down"),
        Binding("up,k", "cursor_up", "Métier précédent", show=False, id="decode.role-up"),
    ]

    def on_focus(self) -> None:
        if self.highlighted is None and self.option_count:
            self.highlighted = 0

    def render_line(self, y: int) -> Strip:
        return unglued_strip(super().render_line(y))  # French spacing (prompts are glued)


class DecodeScreen(Screen[None]):
    """`D` from the explorer screen, or the palette's « Décoder une annonce »."""

    CSS_PATH = "decode.tcss"
    SUB_TITLE = "Décoder une annonce"
    AUTO_FOCUS = "#decode-ad"
    BINDING_GROUP_TITLE = "Décoder une annonce"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape", "back", "Retour", id="decode.back", tooltip="Revenir à l’écran précédent"
        ),
    ]

    class Decoded(Message):
        """A reading of the ad, done on a thread."""

        def __init__(self, text: str, reading: AdReading) -> None:
            super().__init__()
            self.text = text
            self.reading = reading

    def __init__(
        self,
        catalog: Catalog,
        shortlist: Shortlist,
        ad: str = "",
        profile_skills: Collection[str] = (),
    ) -> None:
        """`profile_skills`: the user's profile (profile issue); empty when there is none."""
        super().__init__()
        self.catalog = catalog
        self.shortlist = shortlist
        self.profile_skills = frozenset(profile_skills)
        self._start_ad = ad
        self._timer: Timer | None = None
        self._busy = False  # a reading is under way on a thread
        self.reading: AdReading | None = None  # of the text as it is now; None while reading

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="decode-body"):
            yield TextArea(self._start_ad, id="decode-ad", soft_wrap=True, placeholder=PLACEHOLDER)
            with Vertical(id="decode-side"):
                yield Static(Text("Métiers les plus proches"), classes="heading")
                yield RoleGuesses(id="decode-roles")
                with VerticalScroll(id="decode-results"):
                    yield Static(id="decode-profile")
                    yield Static(id="decode-skills")
                    yield Static(id="decode-missing")
                    yield Static(id="decode-terms")
                    yield Static(id="decode-marked")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.query_one("#decode-ad", TextArea).border_title = "Annonce"
        # The first reading builds the catalogue's index (seconds at 10,000 roles): shown.
        self.query_one("#decode-side").loading = True
        self.read_current_ad()

    # --- reading the ad -----------------------------------------------------------------------

    @on(TextArea.Changed, "#decode-ad")
    def ad_changed(self) -> None:
        self.reading = None
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DEBOUNCE_SECONDS, self.read_current_ad)

    def read_current_ad(self) -> None:
        # One reading at a time: the first one may be building the index (seconds at
        # 10,000 roles); the text typed meanwhile is read when it ends.
        if not self._busy:
            self._busy = True
            self.read_ad(self.ad)

    @property
    def ad(self) -> str:
        return self.query_one("#decode-ad", TextArea).text

    @work(thread=True, group="decode", exit_on_error=False)
    def read_ad(self, text: str) -> None:
        self.post_message(self.Decoded(text, decode_ad(self.catalog, text, CLOSEST_ROLES)))

    def on_decode_screen_decoded(self, message: Decoded) -> None:
        self._busy = False
        self.query_one("#decode-side").loading = False
        if message.text == self.ad:
            self.reading = message.reading
            self.show_reading(message.text, message.reading)
        else:
            self.read_current_ad()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:  # a defect: said, and the next change tries again
            self._busy = False
            self.query_one("#decode-side").loading = False
            self.notify(
                f"Lecture de l’annonce impossible : {event.worker.error}",
                severity="error",
                markup=False,
            )

    # --- showing it ---------------------------------------------------------------------------

    def show_reading(self, ad: str, reading: AdReading) -> None:
        roles = self.query_one("#decode-roles", RoleGuesses)
        highlighted = roles.highlighted
        roles.clear_options()
        if reading.roles:
            roles.add_options(
                # Glued: no line of a prompt starts with « : » or ends with « (french_spacing)
                Option(self.guess_prompt(rank, guess), id=guess.role.id)
                for rank, guess in enumerate(reading.roles, 1)
            )
            if highlighted is not None or roles.has_focus:
                roles.highlighted = min(highlighted or 0, roles.option_count - 1)
        else:
            hint = (
                "Aucun métier reconnu pour l’instant." if ad.strip() else "En attente d’un texte."
            )
            roles.add_option(Option(Text(hint, style="dim"), disabled=True))
        has_text = bool(ad.strip())
        self.show("#decode-profile", self.profile_text(reading), bool(self.profile_skills))
        self.show("#decode-skills", self.skills_text(reading), has_text)
        missing = self.missing_text(reading)
        self.show("#decode-missing", missing, bool(missing))
        self.show("#decode-terms", self.terms_text(reading), has_text)
        self.show("#decode-marked", marked_ad(ad, reading), bool(reading.terms))

    def show(self, selector: str, content: Text, shown: bool) -> None:
        section = self.query_one(selector, Static)
        section.display = shown
        if shown:
            section.update(content)

    @staticmethod
    def guess_prompt(rank: int, guess: RoleGuess) -> RenderableType:
        """`1. Référenceur SEA  86 %`, why under it; what wraps stays right of the number."""
        title = Text(visible(guess.role.display_title), style="bold")
        title.append(f"  {round(guess.score * 100)} %", style="italic not bold")
        lines: list[RenderableType] = [glued(title)]
        if guess.why:
            lines.append(glued(Text(" · ".join(visible(r) for r in guess.why), style="dim")))
        grid = Table.grid(padding=(0, 1, 0, 0))
        grid.add_column(no_wrap=True)
        grid.add_column(ratio=1)
        grid.add_row(Text(f"{rank}."), Group(*lines))
        return grid

    def skills_text(self, reading: AdReading) -> Text:
        text = Text("Compétences demandées", style="bold")
        groups = self.catalog.skills_by_category(reading.skills)
        if not groups:
            text.append("\nAucune compétence du vocabulaire reconnue.", style="not bold dim")
        for _, skills in groups:
            text.append(f"\n{skills[0].category_label} : ", style="not bold italic")
            text.append(", ".join(visible(skill.label) for skill in skills), style="not bold")
        return text

    def missing_text(self, reading: AdReading) -> Text:
        if not reading.roles or not reading.missing_skills_of_best:
            return Text()
        best = reading.roles[0].role
        text = Text(f"Ce que « {visible(best.title)} » demande aussi", style="bold")
        labels = [
            visible(skill.label)
            for skill in self.catalog.role_skills(best)
            if skill.id in reading.missing_skills_of_best
        ]
        text.append(f"\n{', '.join(labels)}", style="not bold")
        return text

    def terms_text(self, reading: AdReading) -> Text:
        text = Text("Jargon de l’annonce", style="bold")
        if not reading.terms:
            text.append("\nAucun terme du glossaire.", style="not bold dim")
        for term_id in reading.terms:
            term = self.catalog.terms[term_id]
            text.append("\n")
            text.append(visible(term.term), style="bold reverse")
            text.append(f" : {visible(term.definition)}", style="not bold")
        return text

    def profile_text(self, reading: AdReading) -> Text:
        held, lacking = held_and_lacking(reading, self.profile_skills)
        text = Text("Votre profil", style="bold")
        if not reading.skills:
            return text.append("\nL’annonce ne cite encore aucune compétence.", style="not bold")
        labels = [visible(self.catalog.skills[s].label) for s in held]
        text.append(
            f"\nVous avez {len(held)} des {len(reading.skills)} compétences demandées"
            + (f" : {', '.join(labels)}" if labels else "."),
            style="not bold",
        )
        if lacking:
            missing = ", ".join(visible(self.catalog.skills[s].label) for s in lacking)
            text.append(f"\nÀ acquérir : {missing}", style="not bold")
        return text

    # --- what the user does -------------------------------------------------------------------

    @on(OptionList.OptionSelected, "#decode-roles")
    def open_role(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.post_message(OpenRole(event.option.id))

    def action_compare(self) -> None:
        roles = self.reading.roles if self.reading else []
        if len(roles) < 2:
            self.notify("Il faut deux métiers proches pour comparer.", markup=False, timeout=3)
            return
        self.post_message(OpenCompare(roles[0].role.id, roles[1].role.id))

    def action_keep_ad(self) -> None:
        """The ad kept in the shortlist, in the note of the highlighted role (added if needed)."""
        role_id = self.chosen_role()
        if role_id is None or not self.ad.strip():
            self.notify("Rien à garder : pas encore de métier proche.", markup=False, timeout=3)
            return
        entry = self.shortlist.get(role_id)
        if entry is None:
            self.shortlist.add(role_id, note_with_ad("", self.ad))
        else:
            self.shortlist.set_note(role_id, note_with_ad(entry.note, self.ad))
        self.post_message(ShortlistChanged())
        title = self.catalog.roles[role_id].display_title
        self.notify(f"Annonce gardée dans Ma sélection, en note de {title}.", markup=False)

    def chosen_role(self) -> str | None:
        roles = self.query_one("#decode-roles", RoleGuesses)
        index = roles.highlighted if roles.highlighted is not None else 0
        if self.reading is None or not self.reading.roles or index >= roles.option_count:
            return None
        return roles.get_option_at_index(index).id

    def action_back(self) -> None:
        self.dismiss()


def marked_ad(ad: str, reading: AdReading) -> Text:
    """The ad as written, its jargon highlighted (what `terms` lists)."""
    text = Text("L’annonce, jargon surligné", style="bold")
    if not ad.strip():
        return text
    text.append("\n")
    position = 0
    spans: Sequence[tuple[int, int, str]] = reading.term_spans
    for start, end, _ in spans:
        text.append(visible(ad[position:start]), style="not bold")
        text.append(visible(ad[start:end]), style="bold reverse")
        position = end
    text.append(visible(ad[position:]), style="not bold")
    return text
