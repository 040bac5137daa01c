"""Builds small content folders on disk for tests: valid by default, easy to break."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import tomli_w

FAMILIES: list[dict[str, Any]] = [
    {"id": "acquisition", "title": "Acquisition et trafic", "summary": "Attirer des visiteurs."},
    {"id": "contenus", "title": "Contenus et rédaction", "summary": "Écrire pour le web."},
]
SKILLS: list[dict[str, Any]] = [
    {"id": "seo", "label": "Référencement naturel", "category": "technique"},
    {"id": "analyse", "label": "Analyse d'audience", "category": "technique"},
    {"id": "redaction", "label": "Rédaction web", "category": "relation"},
    {"id": "budget", "label": "Gestion de budget", "category": "gestion"},
    {"id": "curiosite", "label": "Curiosité", "category": "savoir-etre"},
    {"id": "achat-mots-cles", "label": "Achat de mots-clés", "category": "marketing"},
]
TERMS: list[dict[str, Any]] = [
    {"id": "seo", "term": "SEO", "definition": "Référencement naturel.", "aliases": ["S.E.O."]},
    {"id": "sea", "term": "SEA", "definition": "Référencement payant.", "aliases": ["S.E.A."]},
    {"id": "cms", "term": "CMS", "definition": "Outil de gestion de contenu.", "general": True},
]
ROLES: dict[str, dict[str, Any]] = {
    "referenceur-seo": {
        "title": "Référenceur SEO",
        "title_feminine": "Référenceuse SEO",
        "aliases": ["Responsable SEO", "Consultant SEO"],
        "family": "acquisition",
        "summary": "Fait monter le site dans les moteurs de recherche.",
        "missions": ["Auditer le site", "Choisir les mots-clés", "Suivre les positions"],
        "skills": ["seo", "analyse", "redaction", "curiosite"],
        "tools": ["Google Search Console"],
        "levels": ["Bac+3", "Bac+5"],
        "access": ["Licence professionnelle web"],
        "employers": ["agence", "annonceur"],
        # `proche` goes both ways (the loader checks it).
        "related": [
            {"role": "redacteur-web", "kind": "proche"},
            {"role": "referenceur-sea", "kind": "proche"},
        ],
        "terms": ["seo"],
        "sources": ["000.txt"],
    },
    "referenceur-sea": {
        "title": "Référenceur SEA",
        "title_feminine": "Référenceuse SEA",
        "aliases": ["Consultant SEA", "Référenceur SEM"],
        "family": "acquisition",
        "summary": "Achète des mots-clés aux moteurs de recherche.",
        "missions": ["Créer les campagnes", "Enchérir sur les mots-clés"],
        "skills": ["achat-mots-cles", "analyse", "budget"],
        "tools": ["Google Ads"],
        "levels": ["Bac+5"],
        "employers": ["agence", "regie"],
        "related": [{"role": "referenceur-seo", "kind": "proche"}],
        "terms": ["sea"],
    },
    "redacteur-web": {
        "title": "Rédacteur web",
        "title_feminine": "Rédactrice web",
        "aliases": ["Content writer"],
        "family": "contenus",
        "summary": "Écrit les textes du site.",
        "missions": ["Rédiger les fiches produits", "Optimiser les textes pour le SEO"],
        "skills": ["redaction", "seo", "curiosite"],
        "tools": ["WordPress"],
        "levels": ["Bac+2", "Bac+3"],
        "employers": ["freelance", "agence"],
        "related": [{"role": "referenceur-seo", "kind": "proche"}],
        "terms": ["seo"],
    },
}


class ContentFactory:
    """Write a valid content folder, then let a test overwrite any file or field."""

    def __init__(self, root: Path) -> None:
        self.root = root
        # Deep copies: a test appending to a role's list never changes the next test's roles.
        self.families = copy.deepcopy(FAMILIES)
        self.skills = copy.deepcopy(SKILLS)
        self.terms = copy.deepcopy(TERMS)
        self.roles = copy.deepcopy(ROLES)

    def write(self) -> Path:
        (self.root / "roles").mkdir(parents=True, exist_ok=True)
        self._dump("families.toml", {"family": self.families})
        self._dump("skills.toml", {"skill": self.skills})
        self._dump("glossary.toml", {"term": self.terms})
        for role_id, role in self.roles.items():
            self._dump(f"roles/{role_id}.toml", role)
        return self.root

    def write_text(self, relative: str, text: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def _dump(self, relative: str, data: dict[str, Any]) -> None:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(tomli_w.dumps(data).encode("utf-8"))
