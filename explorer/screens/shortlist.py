"""The shortlist screen: saved roles in the user's order, with notes, reorder, undo and export."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import NamedTuple

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.css.styles import RulesMap
from textual.screen import Screen
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from explorer.app_state import watch_app
from explorer.messages import MarkForCompare, OpenRole, ShortlistChanged
from explorer.model import Catalog
from explorer.model.export import (
    default_export_name,
    free_path,
    shortlist_markdown,
    write_export,
)
from explorer.model.shortlist import ABSENT_ROLE, Shortlist, ShortlistEntry
from explorer.model.storage import reason_of
from explorer.model.text import counted, one_line
from explorer.screens.export_dialog import ExportDialog, ExportTarget
from explorer.screens.note_editor import NoteEditor
from explorer.widgets.bounded_list import BoundedOptionList
from explorer.widgets.steady_footer import SteadyFooter

EMPTY_MESSAGE = "Ma sélection est vide : appuyez sur f sur un métier pour l'ajouter."
EXPORTED = "Ma sélection exportée"  # a toast's title, above `file_and_folder`
COMPARE_MARKER = "◆"
MOVE_GROUP = Binding.Group("Déplacer")
NOTE_LINES = 3  # note lines shown under an entry; the editor shows the whole note

_MUTED = "$text-muted"
_WARNING = "$text-warning"
_ACCENT = "bold $text-accent"


def entry_lines(catalog: Catalog, entry: ShortlistEntry, marked: bool) -> Content:
    """Title, then family and date, then the start of the note, as plain text (never markup);
    the entry's number goes in front of them (EntryPrompt)."""
    role = catalog.roles.get(entry.role)
    title = one_line(role.display_title) if role else one_line(entry.role)
    head = Content.styled(title, "bold")
    if marked:
        head += Content.styled(f"  {COMPARE_MARKER} à comparer", _ACCENT)
    added = f"ajouté le {entry.added.strftime('%d/%m/%Y')}"
    if role is None:
        detail = Content.assemble("   ", (ABSENT_ROLE, _WARNING), (f" · {added}", _MUTED))
    else:
        family = catalog.family(role.family)
        family_title = one_line(family.title) if family else role.family
        detail = Content.styled(f"   {family_title} · {added}", _MUTED)
    lines = [head, detail]
    note_lines = [one_line(line) for line in entry.note.strip().splitlines()]
    for index, line in enumerate(note_lines[:NOTE_LINES]):
        lead = "   Note : " if index == 0 else "          "
        more = " …" if index == NOTE_LINES - 1 and len(note_lines) > NOTE_LINES else ""
        lines.append(Content.assemble(lead, (line + more, "italic")))
    return Content("\n").join(lines)


def file_and_folder(target: Path) -> str:
    """The export's file name, then its folder: each on lines of its own in a narrow toast,
    where « the path » left « alone at the end of a line and cut the name anywhere."""
    path = target.absolute()
    return f"{path.name}\ndans {path.parent}"


class EntryPrompt(Visual):
    """What the list shows for an entry: its number, then its lines (`entry_lines`).

    A removal renumbers every entry below it: at 10,000 entries, building their prompts again
    took most of a second. The lines are kept and only the number is set again, before the
    list is refilled (`OptionList.set_options` forgets every measure and drawing). While every
    line fits, the height is their count, without laying the text out.
    """

    def __init__(self, lines: Content, number: int) -> None:
        self.lines = lines
        self.number = number
        widths = [cell_len(line) for line in lines.plain.split("\n")]
        self.line_count = len(widths)
        self.first_width = widths[0]
        self.other_width = max(widths[1:], default=0)
        self._drawn: tuple[int, Content] | None = None

    @property
    def content(self) -> Content:
        if self._drawn is None or self._drawn[0] != self.number:
            self._drawn = (self.number, Content(f"{self.number}. ") + self.lines)
        return self._drawn[1]

    def __str__(self) -> str:
        return self.content.plain

    def get_height(self, rules: RulesMap, width: int) -> int:
        room = width - rules.get("line_pad", 0) * 2
        number_width = len(str(self.number)) + 2
        if number_width + self.first_width <= room and self.other_width <= room:
            return self.line_count  # nothing wraps
        return self.content.get_height(rules, width)

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        return self.content.render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.content.get_optimal_width(rules, container_width)

    def get_minimal_width(self, rules: RulesMap) -> int:
        return self.content.get_minimal_width(rules)


class Shown(NamedTuple):
    """An entry as the list shows it."""

    entry: ShortlistEntry
    marked: bool
    prompt: EntryPrompt
    option: Option


class ShortlistScreen(Screen[None]):
    """Entries in order; every change goes through the Shortlist, which saves it at once."""

    BINDING_GROUP_TITLE = "Ma sélection"

    CSS_PATH = "shortlist.tcss"
    SUB_TITLE = "Ma sélection"

    BINDINGS = [
        Binding(
            "enter",
            "open_role",
            "Ouvrir",
            id="shortlist.open",
            priority=True,
            tooltip="Afficher ce métier dans l'explorateur",
        ),
        Binding(
            "n", "edit_note", "Note", id="shortlist.note", tooltip="Écrire ou modifier la note"
        ),
        Binding("d", "remove", "Retirer", id="shortlist.remove", tooltip="Retirer de Ma sélection"),
        # u and escape twice: out of the footer where it is compact, in it where it is wide
        # (see check_action). Compact, the removal's notification names u, and escape needs
        # no reminder.
        Binding(
            "u",
            "undo_unlisted",
            "Rétablir",
            show=False,
            id="shortlist.undo-key",
            tooltip="Annuler le dernier retrait",
        ),
        Binding("u", "undo", "Rétablir", id="shortlist.undo", tooltip="Annuler le dernier retrait"),
        Binding(
            "c",
            "compare",
            "Comparer",
            id="shortlist.compare",
            tooltip="Marquer un métier, puis c sur un second pour les comparer",
        ),
        Binding(
            "e",
            "export",
            "Exporter",
            id="shortlist.export",
            tooltip="Écrire Ma sélection en Markdown (shortlist-AAAA-MM-JJ.md)",
        ),
        # One footer entry for both reorder keys, "⇧↑ ⇧↓ Déplacer".
        Binding(
            "shift+up",
            "move(-1)",
            "Monter",
            key_display="⇧↑",
            group=MOVE_GROUP,
            id="shortlist.up",
            tooltip="Monter d'un rang",
        ),
        Binding(
            "shift+down",
            "move(1)",
            "Descendre",
            key_display="⇧↓",
            group=MOVE_GROUP,
            id="shortlist.down",
            tooltip="Descendre d'un rang",
        ),
        Binding(
            "escape",
            "close_unlisted",
            "Retour",
            show=False,
            id="shortlist.close-key",
            tooltip="Revenir à l'écran précédent",
        ),
        Binding(
            "escape", "close", "Retour", id="shortlist.close", tooltip="Revenir à l'écran précédent"
        ),
    ]

    def __init__(
        self, catalog: Catalog, shortlist: Shortlist, *, export_dir: Path | None = None
    ) -> None:
        super().__init__()
        self.catalog = catalog
        self.shortlist = shortlist
        # None: the current directory at the time of the export.
        self.export_dir = export_dir
        self.compare_mark: str | None = None  # the app's, as last announced
        self.profile_skills: frozenset[str] = frozenset()  # the app's: the export's "Mon profil"
        self.compact_footer = False  # the app's, as last announced
        self.removed: list[tuple[ShortlistEntry, int]] = []  # undo stack, latest last
        # Each role's option, kept from one refresh to the next: with 10,000 entries, building
        # them all again took about a second per change, where a move changes two of them.
        self.shown: dict[str, Shown] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="shortlist-status")
        yield BoundedOptionList(id="shortlist-entries")
        yield Static(Content(EMPTY_MESSAGE), id="shortlist-empty")
        yield SteadyFooter()

    def on_mount(self) -> None:
        # Drawn now, and again whenever the role marked for comparison changes.
        status = self.query_one("#shortlist-status")
        watch_app(status, "compare_mark", self._compare_mark_changed)
        watch_app(status, "profile_skills", self._profile_changed)
        watch_app(status, "compact_footer", self._compact_footer_changed)
        self.query_one(OptionList).focus()

    def _profile_changed(self, skills: frozenset[str]) -> None:
        self.profile_skills = skills

    def _compact_footer_changed(self, compact: bool) -> None:
        self.compact_footer = compact
        self.refresh_bindings()

    def _compare_mark_changed(self, compare_mark: str | None) -> None:
        self.compare_mark = compare_mark
        self.refresh_entries(self.highlighted_index())

    def on_screen_resume(self) -> None:
        # Another terminal or the command line may have changed the file meanwhile.
        current = self.current_role()
        self.shortlist.reload()
        self.post_message(ShortlistChanged())
        index = self.shortlist.index(current) if current else None
        self.refresh_entries(index if index is not None else self.highlighted_index())

    # --- display ------------------------------------------------------------------------------

    def refresh_entries(self, highlight: int | None = None) -> None:
        entries = self.shortlist.entries
        options = self.query_one(OptionList)
        before, self.shown = self.shown, {}
        options.set_options(
            self.entry_option(entry, number, before.get(entry.role))
            for number, entry in enumerate(entries, start=1)
        )
        if entries:
            wanted = 0 if highlight is None else highlight
            options.highlighted = max(0, min(wanted, len(entries) - 1))
        options.display = bool(entries)
        self.query_one("#shortlist-empty").display = not entries
        self.query_one("#shortlist-status", Static).update(self.status_text())
        self.refresh_bindings()

    def entry_option(self, entry: ShortlistEntry, number: int, before: Shown | None) -> Option:
        """The entry's option: the one shown before, renumbered, unless the entry changed."""
        marked = entry.role == self.compare_mark
        if (
            before is not None
            and before.marked == marked
            and (before.entry is entry or before.entry == entry)
        ):
            before.prompt.number = number
            self.shown[entry.role] = before
            return before.option
        prompt = EntryPrompt(entry_lines(self.catalog, entry, marked), number)
        option = Option(prompt, id=entry.role)
        self.shown[entry.role] = Shown(entry, marked, prompt, option)
        return option

    def status_text(self) -> Content:
        count = len(self.shortlist)
        if not count:
            return Content("")
        text = f"{counted(count, 'métier')} dans Ma sélection"
        if self.compare_mark is not None:
            role = self.catalog.roles.get(self.compare_mark)
            name = one_line(role.title) if role else self.compare_mark
            text += f" · {COMPARE_MARKER} {name} marqué : c sur un autre métier pour comparer"
        if not self.shortlist.persistent:
            text += " · non enregistrée (gardée en mémoire)"
        return Content(text)

    def highlighted_index(self) -> int | None:
        return self.query_one(OptionList).highlighted

    def current_role(self) -> str | None:
        index = self.highlighted_index()
        entries = self.shortlist.entries
        if index is None or not 0 <= index < len(entries):
            return None
        return entries[index].role

    def role_name(self, role_id: str) -> str:
        role = self.catalog.roles.get(role_id)
        return one_line(role.display_title) if role else one_line(role_id)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"open_role", "edit_note", "remove", "move", "compare", "export"}:
            return True if len(self.shortlist) else None
        if action == "undo":  # in the footer only once there is a removal to undo
            return bool(self.removed) and not self.compact_footer
        if action == "undo_unlisted":
            return bool(self.removed) and self.compact_footer
        if action in {"close", "close_unlisted"}:
            # One of the two, as the footer has room or not: « u Rétablir » takes the room of
            # « Échap Retour » (escape still closes, and ? lists it), so « q Quitter » stays.
            listed = not self.compact_footer and not self.removed
            return listed == (action == "close")
        return True

    def after_change(self, highlight: int | None) -> None:
        self.post_message(ShortlistChanged())
        self.refresh_entries(highlight)

    # --- actions ------------------------------------------------------------------------------

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        # A click on an entry (enter is bound above the list, as a priority binding).
        event.stop()
        self.action_open_role()

    def action_open_role(self) -> None:
        role_id = self.current_role()
        if role_id is None:
            return
        if role_id not in self.catalog.roles:
            self.notify(f"{one_line(role_id)} : {ABSENT_ROLE}.", severity="warning", markup=False)
            return
        self.post_message(OpenRole(role_id))

    def action_edit_note(self) -> None:
        role_id = self.current_role()
        if role_id is None:
            return
        entry = self.shortlist.get(role_id)
        before = entry.note if entry else ""

        def saved(note: str | None) -> None:
            if note is None or note == before:
                return
            self.shortlist.set_note(role_id, note)
            self.notify("Note enregistrée." if note else "Note effacée.", markup=False, timeout=2)
            self.after_change(self.shortlist.index(role_id))

        self.app.push_screen(NoteEditor(self.role_name(role_id), before), saved)

    def action_remove(self) -> None:
        role_id = self.current_role()
        index = self.highlighted_index()
        if role_id is None or index is None:
            return
        entry = self.shortlist.remove(role_id)
        if entry is not None:
            self.removed.append((entry, index))
        self.notify(
            f"Retiré de Ma sélection : {self.role_name(role_id)} (u pour annuler)",
            markup=False,
            timeout=3,
        )
        self.after_change(index)

    def action_undo_unlisted(self) -> None:
        self.action_undo()

    def action_undo(self) -> None:
        if not self.removed:
            return
        entry, index = self.removed.pop()
        self.shortlist.restore(entry, index)
        self.notify(
            f"Remis dans Ma sélection : {self.role_name(entry.role)}", markup=False, timeout=2
        )
        self.after_change(self.shortlist.index(entry.role))

    def action_move(self, offset: int) -> None:
        role_id = self.current_role()
        if role_id is None:
            return
        self.after_change(self.shortlist.move(role_id, offset))

    def action_compare(self) -> None:
        role_id = self.current_role()
        if role_id is None:
            return
        if role_id not in self.catalog.roles:
            self.notify(
                f"{one_line(role_id)} : {ABSENT_ROLE}, impossible de le comparer.",
                severity="warning",
                markup=False,
            )
            return
        self.post_message(MarkForCompare(role_id))

    def action_export(self) -> None:
        today = date.today()
        directory = self.export_dir if self.export_dir is not None else Path.cwd()
        target = (directory / default_export_name(today)).absolute()
        text = shortlist_markdown(
            self.catalog, self.shortlist.entries, today=today, profile=self.profile_skills
        )
        if self.app.is_web:
            # In the workshop (explorer serve) the file goes to the visitor's computer,
            # never onto the server.
            self.app.deliver_text(io.StringIO(text), save_filename=target.name)
            self.notify(
                f"Sélection envoyée à votre navigateur : {target.name}", markup=False, timeout=8
            )
            return
        if not target.exists():
            self.write_export(target, text, overwrite=False)
            return

        def answered(choice: ExportTarget | None) -> None:
            if choice is None:
                self.notify("Export annulé : aucun fichier écrit.", markup=False, timeout=3)
            else:
                self.write_export(choice.path, text, overwrite=choice.overwrite)

        self.app.push_screen(ExportDialog(target), answered)

    def write_export(self, target: Path, text: str, *, overwrite: bool) -> None:
        try:
            write_export(target, text, overwrite=overwrite)
        except FileExistsError:
            # Created meanwhile by someone else: still never replaced without asking.
            target = free_path(target)
            self.write_export(target, text, overwrite=False)
            return
        except OSError as error:
            self.notify(
                f"{file_and_folder(target)}\n{reason_of(error)}",
                title="Export impossible",
                severity="error",
                markup=False,
            )
            return
        self.notify(file_and_folder(target), title=EXPORTED, markup=False, timeout=8)

    def action_close(self) -> None:
        self.dismiss()

    def action_close_unlisted(self) -> None:
        self.dismiss()
