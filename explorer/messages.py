"""Requests from screens, widgets and palette commands to the app, which acts on them.

Data goes down through constructors (the catalogue, the shortlist); requests come up as these
Messages, so no screen or widget needs the App's class. Each one bubbles from the widget that
posts it to its screen, then to the app (`ExplorerApp.on_open_role`, …).
"""

from __future__ import annotations

from textual.message import Message


class OpenRole(Message):
    """Show this role on the explorer screen (closing the screens above it)."""

    def __init__(self, role_id: str) -> None:
        super().__init__()
        self.role_id = role_id


class OpenCompare(Message):
    """Open the comparison of role `a` (left) with role `b` (right)."""

    def __init__(self, a: str, b: str) -> None:
        super().__init__()
        self.a = a
        self.b = b


class OpenGlossary(Message):
    """Open the glossary, on one term when given."""

    def __init__(self, term_id: str | None = None) -> None:
        super().__init__()
        self.term_id = term_id


class OpenShortlist(Message):
    """Open the shortlist screen."""


class OpenDecoder(Message):
    """Open « Décoder une annonce »."""


class OpenHelp(Message):
    """Open the help for the current screen."""


class ToggleFavourite(Message):
    """Add this role to the shortlist, or remove it."""

    def __init__(self, role_id: str) -> None:
        super().__init__()
        self.role_id = role_id


class MarkForCompare(Message):
    """`c` on a role: mark it, unmark it, or compare it with the role already marked."""

    def __init__(self, role_id: str) -> None:
        super().__init__()
        self.role_id = role_id


class ShortlistChanged(Message):
    """A screen changed the shortlist itself (removed, restored, reloaded entries)."""


class OpenEvolutions(Message):
    """Open "Évolutions": where this role leads through the roles' links."""

    def __init__(self, role_id: str) -> None:
        super().__init__()
        self.role_id = role_id


class OpenPath(Message):
    """Open "De A à B": the path from role `a` to role `b` through the roles' links."""

    def __init__(self, a: str, b: str) -> None:
        super().__init__()
        self.a = a
        self.b = b


class OpenTeam(Message):
    """Open "Composer une équipe"."""


class OpenProfile(Message):
    """Open "Mon profil" (the user's skills and the roles they lead to)."""


class ReturnToGlossary(Message):
    """Escape on the explorer after a role was opened from the glossary: back to it as it was."""
