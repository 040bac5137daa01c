""" "Mon profil": tick the skills you have, see the roles ranked by match and those within reach.

Left, the skill vocabulary by category with a search field; right, re-ranked at every tick:
the best matches, what the highlighted role has and lacks, and the roles within reach.
Every tick is saved at once (the Profile does); the app's `profile_skills`, which the other
screens watch, follows when this screen is left.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from explorer.messages import OpenRole
from explorer.model import SKILL_CATEGORIES, Catalog, Skill
from explorer.model.matching import RoleMatch, rank_roles, roles_within_reach, skills_from_roles
from explorer.model.profile import Profile, rank_label, search_skills, skill_labels
from explorer.model.text import counted, one_line
from explorer.screens.role_picker import RolePicker
from explorer.widgets.glued_static import GluedStatic, legend
from explorer.widgets.steady_footer import SteadyFooter

# The ranking lists this many roles: a screenful or two; the rest is never read, and
# rebuilding fewer rows keeps a tick fast at 10,000 roles.
RANKED_SHOWN = 50
REACH_MAX_MISSING = 3
REACH_SHOWN = 20
# The skill list shows at most this many skills, then "… et N autres": an OptionList lays
# out every option it holds, and a vocabulary of thousands would take a second to open.
SKILLS_SHOWN = 300
TICKED = "☑ "
UNTICKED = "☐ "
HAVE_MARK = "✓"
# What the role lists say while they are empty, one short row each: their rows do not wrap
# (a role per row), and the lists are ≈ 44 columns wide at 80.
EMPTY_PROFILE_HINT = (
    "Cochez vos compétences (espace),",
    "ou partez d'un métier exercé (e) :",
    "les métiers qui vous correspondent",
    "s'affichent ici.",
)
NOTHING_WITHIN_REACH = ("Aucun métier à 3 compétences ou moins :", "cochez-en d'autres.")

_HEADING = "bold $text-accent"
_MUTED = "$text-muted"


def _notice(rows: tuple[str, ...]) -> list[Option]:
    return [Option(Content.styled(row, _MUTED), disabled=True) for row in rows]


def ranking_prompt(fit: RoleMatch) -> Content:
    """`Webmarketeur — 12/19 · 63 %  7 à acquérir`."""
    missing = len(fit.missing)
    rest = f"  {missing} à acquérir" if missing else "  complet"
    return Content.assemble(rank_label(fit), (rest, _MUTED))


def reach_prompt(catalog: Catalog, fit: RoleMatch) -> Content:
    """`Rédacteur web — + Curiosité, SEO`: the role and the skills to learn."""
    return Content.assemble(
        one_line(fit.role.title), (" — + " + ", ".join(skill_labels(catalog, fit.missing)), _MUTED)
    )


def fit_details(catalog: Catalog, fit: RoleMatch) -> Content:
    """The role's skills by category: ✓ those the profile has, + those to learn."""
    lines: list[Content] = [
        Content.assemble(
            (rank_label(fit), "bold"),
            (f"  {legend(HAVE_MARK, 'acquise')} · {legend('+', 'à acquérir')}", _MUTED),
        )
    ]
    for mark, skills, style in ((HAVE_MARK, fit.have, "$text-success"), ("+", fit.missing, "")):
        for category, group in catalog.skills_by_category(skills):
            labels = " · ".join(one_line(skill.label) for skill in group)
            name = SKILL_CATEGORIES.get(category, category)
            lines.append(Content.assemble((f"{mark} ", style), (f"{name} : ", "bold"), labels))
    return Content("\n").join(lines)


class SkillList(OptionList):
    """The skill vocabulary; space (or enter) ticks or unticks the highlighted skill."""

    BINDING_GROUP_TITLE = "Compétences"
    BINDINGS = [
        Binding(
            "space",
            "tick",
            "Cocher",
            id="profile.tick",
            tooltip="Cocher ou décocher la compétence",
        ),
    ]

    class Ticked(OptionList.OptionMessage):
        """Space or enter on a skill."""

    def action_tick(self) -> None:
        option = self.highlighted_option
        if option is not None and not option.disabled and self.highlighted is not None:
            self.post_message(self.Ticked(self, option, self.highlighted))

    def action_select(self) -> None:
        self.action_tick()


class RoleList(OptionList):
    """Roles (ranked, or within reach); enter opens the highlighted one in the explorer."""

    BINDING_GROUP_TITLE = "Métiers"
    BINDINGS = [
        Binding(
            "enter",
            "select",
            "Ouvrir",
            id="profile.open-role",
            tooltip="Afficher ce métier dans l'explorateur",
        ),
    ]


class ProfileScreen(Screen[None]):
    """The user's skills, and the roles they lead to."""

    CSS_PATH = "profile.tcss"
    SUB_TITLE = "Mon profil"
    BINDING_GROUP_TITLE = "Mon profil"
    AUTO_FOCUS = "#profile-skills"

    BINDINGS = [
        Binding("/", "focus_search", "Chercher", show=False, id="profile.search"),
        Binding(
            "e",
            "from_roles",
            "J'ai exercé…",
            id="profile.from-role",
            tooltip="Choisir un métier exercé : ses compétences sont cochées",
        ),
        Binding(
            "escape", "close", "Retour", id="profile.close", tooltip="Revenir à l'écran précédent"
        ),
    ]

    def __init__(self, catalog: Catalog, profile: Profile) -> None:
        super().__init__()
        self.catalog = catalog
        self.profile = profile
        self._query = ""
        self.ranking: list[RoleMatch] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="profile"):
            with Vertical(id="profile-left"):
                yield Input(
                    placeholder="Filtrer les compétences (/)",
                    id="profile-search",
                    compact=True,
                )
                yield SkillList(id="profile-skills")
            with Vertical(id="profile-right"):
                yield Static(id="profile-status", markup=False)
                yield RoleList(id="profile-ranking")
                with VerticalScroll(id="profile-fit-pane"):
                    yield GluedStatic(id="profile-fit", markup=False)
                yield RoleList(id="profile-reach")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.query_one("#profile-ranking", RoleList).border_title = "Métiers par correspondance"
        reach = self.query_one("#profile-reach", RoleList)
        reach.border_title = f"À portée : {REACH_MAX_MISSING} compétences ou moins"
        self.show_skills()
        self.rerank()

    # --- the skills (left) ----------------------------------------------------------------

    @property
    def skill_list(self) -> SkillList:
        return self.query_one("#profile-skills", SkillList)

    def matching_skills(self, query: str) -> tuple[list[tuple[str, list[Skill]]], int]:
        """The first SKILLS_SHOWN skills whose label or id holds every word of the query, by
        category; and how many more match."""
        ids = search_skills(self.catalog, query)
        shown = tuple(ids[:SKILLS_SHOWN])
        return self.catalog.skills_by_category(shown), len(ids) - len(shown)

    def skill_prompt(self, skill: Skill) -> Content:
        ticked = skill.id in self.profile
        return Content.assemble(
            (TICKED if ticked else UNTICKED, "bold $text-success" if ticked else _MUTED),
            one_line(skill.label),
        )

    def show_skills(self) -> None:
        options: list[Option] = []
        groups, more = self.matching_skills(self._query)
        for category, skills in groups:
            name = SKILL_CATEGORIES.get(category, category)
            options.append(Option(Content.styled(name, _HEADING), disabled=True))
            options.extend(Option(self.skill_prompt(s), id=s.id) for s in skills)
        if more:
            hint = f"… et {counted(more, 'autre')} : précisez la recherche (/)"
            options.append(Option(Content.styled(hint, _MUTED), disabled=True))
        skill_list = self.skill_list
        skill_list.set_options(options)
        if not options:
            skill_list.set_options(
                [
                    Option(
                        Content(f"Aucune compétence ne correspond à « {self._query.strip()} »."),
                        disabled=True,
                    )
                ]
            )
            return
        skill_list.highlighted = next(i for i, o in enumerate(options) if not o.disabled)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if event.value != self._query:
            self._query = event.value
            self.show_skills()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.skill_list.focus()

    def on_skill_list_ticked(self, event: SkillList.Ticked) -> None:
        event.stop()
        if event.option_id is not None:
            self.toggle_skill(event.option_id)

    def toggle_skill(self, skill_id: str) -> None:
        """Tick or untick a skill shown in the list: saved, re-ranked, announced (one tick)."""
        self.profile.toggle(skill_id)
        skill = self.catalog.skills[skill_id]
        self.skill_list.replace_option_prompt(skill_id, self.skill_prompt(skill))
        self.changed()

    def tick(self, skill_ids: Iterable[str]) -> Sequence[str]:
        """Tick these skills (the "J'ai exercé…" shortcut); returns those newly ticked."""
        added = self.profile.add(skill_ids)
        for skill_id in added:
            skill = self.catalog.skills.get(skill_id)
            if skill is not None and self._shown(skill_id):
                self.skill_list.replace_option_prompt(skill_id, self.skill_prompt(skill))
        self.changed()
        return added

    def _shown(self, skill_id: str) -> bool:
        try:
            self.skill_list.get_option(skill_id)
        except LookupError:
            return False
        return True

    def changed(self) -> None:
        """After every change (saved already): re-rank, and say what went wrong with the file."""
        self.rerank()
        for warning in self.profile.take_warnings():
            self.notify(warning, severity="warning", markup=False, timeout=15)

    # --- the roles (right) ----------------------------------------------------------------

    def rerank(self) -> None:
        """The ranking, the highlighted role's fit and the roles within reach, for the profile
        as it is now. Only the rows shown are rebuilt (RANKED_SHOWN, REACH_SHOWN)."""
        catalog, skills = self.catalog, self.profile.skills
        ranking_list = self.query_one("#profile-ranking", RoleList)
        previous = ranking_list.highlighted_option
        self.ranking = rank_roles(catalog, skills, limit=RANKED_SHOWN) if skills else []
        ranking_list.set_options(
            [Option(ranking_prompt(fit), id=fit.role.id) for fit in self.ranking]
            or _notice(EMPTY_PROFILE_HINT)
        )
        if self.ranking:
            ids = [fit.role.id for fit in self.ranking]
            # The role the user is looking at stays highlighted; otherwise the best one is.
            followed = previous is not None and ranking_list.has_focus
            keep = previous.id if followed and previous and previous.id in ids else None
            ranking_list.highlighted = ids.index(keep) if keep else 0
        near = roles_within_reach(catalog, skills, REACH_MAX_MISSING) if skills else []
        # Fewest skills to learn first, then the best match (then catalogue order).
        reach = sorted(near, key=lambda fit: (len(fit.missing), -fit.match))[:REACH_SHOWN]
        reach_list = self.query_one("#profile-reach", RoleList)
        reach_list.set_options(
            [Option(reach_prompt(catalog, fit), id=fit.role.id) for fit in reach]
            or _notice(NOTHING_WITHIN_REACH)
        )
        # Fixed sizes (profile.tcss): a tick repaints the lists, never lays the screen out again.
        self.query_one("#profile-status", Static).update(self.status_text(), layout=False)
        self.show_fit()

    def status_text(self) -> Content:
        count = len(self.profile)
        if not count:
            return Content("Aucune compétence cochée")
        ticked = counted(count, "compétence cochée", "compétences cochées")
        if not self.profile.persistent:
            return Content(f"{ticked} · non enregistré (gardé en mémoire pour cette session)")
        return Content(ticked)

    def show_fit(self) -> None:
        option = self.query_one("#profile-ranking", RoleList).highlighted_option
        fit = next((f for f in self.ranking if option and f.role.id == option.id), None)
        fit_text = fit_details(self.catalog, fit) if fit is not None else Content("")
        self.query_one("#profile-fit", Static).update(fit_text)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id == "profile-ranking":
            self.show_fit()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if isinstance(event.option_list, RoleList) and event.option.id is not None:
            self.post_message(OpenRole(event.option.id))

    # --- actions --------------------------------------------------------------------------

    def action_focus_search(self) -> None:
        self.query_one("#profile-search", Input).focus()

    def action_from_roles(self) -> None:
        def picked(role_id: str | None) -> None:
            if role_id is None:
                return
            added = self.tick(skills_from_roles(self.catalog, [role_id]))
            role = self.catalog.roles[role_id]
            self.notify(
                f"{role.title} : {counted(len(added), 'compétence cochée', 'compétences cochées')}"
                " (e pour un autre métier).",
                markup=False,
                timeout=4,
            )

        self.app.push_screen(RolePicker(self.catalog, "J'ai exercé…"), picked)

    def action_close(self) -> None:
        if self.query_one("#profile-search", Input).has_focus and self._query:
            self.query_one("#profile-search", Input).value = ""
            return
        self.dismiss()
