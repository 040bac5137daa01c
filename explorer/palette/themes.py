"""Themes in the palette, only when the query asks for them ("thème nord", "theme")."""

from __future__ import annotations

from textual.command import Hit, Hits
from textual.content import Content
from textual.theme import ThemeProvider

from explorer.model.text import fold

THEME_WORDS = ("theme",)  # folded: "Thème", "thème" and "theme" alike


def theme_query(query: str) -> str | None:
    """The theme name asked for ("" for any theme), or None when the query is not about themes."""
    words = fold(query).split()
    if not words or not words[0].startswith(THEME_WORDS):
        return None
    return " ".join(words[1:])


class ThemeCommands(ThemeProvider):
    """Themes by name, offered as "Thème : …" after the word "thème": a role name (`sea`)
    must never switch the theme (solarized-dark has "sea" in it for the fuzzy matcher)."""

    async def search(self, query: str) -> Hits:
        name = theme_query(query)
        if name is None:
            return
        matcher = self.matcher(name)
        for theme, callback in self.commands:
            title = f"Thème : {theme}"
            score = matcher.match(theme) if name else 0.5
            if score > 0:
                # Below role jumps: "thème" may also start a role's title one day.
                prompt = Content("Thème : ") + matcher.highlight(theme)
                yield Hit(score * 0.9, prompt, callback, text=title)

    async def discover(self) -> Hits:
        # The themes stay out of the empty palette: "Changer de thème" lists them.
        return
        yield  # an async generator that yields nothing
