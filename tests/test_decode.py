"""Decoding job ads: the role, the skills, the jargon — from the catalogue alone.

The ads in tests/ads/ were written for these tests (one per role, file named after it);
their first line is the title.
"""

from __future__ import annotations

import gc
import re
import weakref
from pathlib import Path

import pytest

from explorer.model import Catalog, load_catalog
from explorer.model.decode import (
    AD_HEADING,
    AD_LIMIT,
    decode_ad,
    decode_index,
    held_and_lacking,
    note_with_ad,
    tokenize,
    words,
)
from explorer.model.decode import ad_text as text_of_ad
from explorer.model.files import FileProblem
from explorer.model.text import fold
from tests.content_factory import ContentFactory

ADS = sorted((Path(__file__).parent / "ads").glob("*.txt"))


def ad_text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def without_title(catalog: Catalog, role_id: str, text: str) -> str:
    """The ad without its title line, and without any word of the role's title elsewhere."""
    role = catalog.roles[role_id]
    body = text.split("\n", 1)[1]
    drop = {
        word
        for name in (role.title, role.title_feminine or "")
        for word in fold(name).split()
        if len(word) >= 3
    }
    return re.sub(r"[^\W_]+", lambda m: "" if fold(m.group()) in drop else m.group(), body)


def test_there_are_enough_ads_for_different_roles(bundled: Catalog) -> None:
    assert len(ADS) >= 8
    assert all(path.stem in bundled.roles for path in ADS)


@pytest.mark.parametrize("path", ADS, ids=lambda p: p.stem)
def test_an_ad_with_its_title_gives_that_role_first(bundled: Catalog, path: Path) -> None:
    reading = decode_ad(bundled, ad_text(path))
    best = reading.roles[0]
    assert best.role.id == path.stem
    assert best.score > 0.6 > reading.roles[1].score
    assert best.why[0].startswith(("titre « ", "alias « "))
    assert any(reason.startswith("compétence « ") for reason in best.why)


def test_without_their_title_most_ads_are_still_placed(bundled: Catalog) -> None:
    right = []
    for path in ADS:
        text = without_title(bundled, path.stem, ad_text(path))
        assert fold(bundled.roles[path.stem].title) not in fold(text)
        reading = decode_ad(bundled, text)
        right.append(reading.roles[0].role.id == path.stem)
        assert reading.roles[0].score <= 0.6
    assert sum(right) / len(right) >= 0.8, right


@pytest.mark.parametrize(
    "title",
    [
        "Chargé(e) d'emailing",
        "Chargé·e d'emailing H/F",
        "Chargé.e d'e-mailing (F/H)",
        "CHARGÉE D'EMAILING – H/F/X",
        "Chargé·e·s d’emailing",
    ],
)
def test_inclusive_titles(bundled: Catalog, title: str) -> None:
    reading = decode_ad(bundled, f"{title}\nRejoignez une équipe dynamique.")
    assert reading.roles[0].role.id == "charge-emailing"
    role = bundled.roles["charge-emailing"]
    # The content writes its own apostrophe (’); the ad's ' or ’ finds the same name.
    assert reading.roles[0].why[0] in (
        *(f"titre « {name} »" for name in (role.title, role.title_feminine)),
        *(f"alias « {name} »" for name in role.aliases if "mailing" in name),
    )


def test_inclusive_words_and_gender_marks_vanish() -> None:
    assert words("Développeur·euse full stack (H/F)") == ("developpeur", "full", "stack")
    assert words("Rédacteur(trice) S.E.O. F/H") == ("redacteur", "seo")
    assert words("chargé.e de e-commerce") == ("charge", "de", "ecommerce")
    # The places point into the original text.
    text = "Un·e chargé(e) de S.E.O."
    assert [text[t.start : t.end] for t in tokenize(text)] == ["Un", "chargé", "de", "S.E.O"]


def test_the_title_line_wins_over_names_cited_in_the_body(bundled: Catalog) -> None:
    text = (
        "Webdesigner F/H\n"
        "Vous travaillerez avec notre référenceur SEO et notre community manager.\n"
        "Vous créez les maquettes et la charte graphique du site dans Figma."
    )
    reading = decode_ad(bundled, text)
    assert reading.roles[0].role.id == "webdesigner"
    others = {g.role.id: g for g in reading.roles[1:]}
    seo = decode_ad(bundled, text, limit=25).roles
    cited = next(g for g in seo if g.role.id == "referenceur-seo")
    assert "titre « Référenceur SEO » dans le texte" in cited.why
    assert all(g.score <= 0.6 for g in others.values())


def test_jargon_terms_and_their_places(bundled: Catalog) -> None:
    text = (
        "Vous suivez les KPI, le CPC et le ROI des campagnes S.E.A., "
        "optimisez le taux de conversion et travaillez le SEO avec un CMS."
    )
    reading = decode_ad(bundled, text)
    assert reading.terms == ("kpi", "cpc", "roi", "sea", "taux-de-conversion", "seo", "cms")
    written = {term: text[start:end] for start, end, term in reading.term_spans}
    assert written == {
        "kpi": "KPI",
        "cpc": "CPC",
        "roi": "ROI",
        "sea": "S.E.A",
        "taux-de-conversion": "taux de conversion",
        "seo": "SEO",
        "cms": "CMS",
    }
    starts = [start for start, _, _ in reading.term_spans]
    assert starts == sorted(starts)


def test_the_longest_term_wins_where_two_overlap(bundled: Catalog) -> None:
    # "taux de conversion" holds the alias "conversion": one span, the longer.
    reading = decode_ad(bundled, "Améliorer le taux de conversion.")
    assert [(term, end - start) for start, end, term in reading.term_spans] == [
        ("taux-de-conversion", len("taux de conversion"))
    ]


def test_skills_asked_and_those_the_best_role_adds(bundled: Catalog) -> None:
    reading = decode_ad(bundled, ad_text(Path(__file__).parent / "ads" / "referenceur-sea.txt"))
    # "tests A/B" names one half of "Tests A/B et expérimentation".
    asked = {"referencement-payant", "achat-media", "plan-de-marquage", "tests-ab"}
    assert asked <= set(reading.skills)
    assert list(reading.skills) == [s for s in bundled.skills if s in reading.skills]
    best = bundled.roles["referenceur-sea"]
    assert reading.missing_skills_of_best == tuple(
        s for s in best.skills if s not in reading.skills
    )


def test_scores_are_between_0_and_1_best_first(bundled: Catalog) -> None:
    reading = decode_ad(bundled, ad_text(ADS[0]), limit=25)
    scores = [g.score for g in reading.roles]
    assert scores == sorted(scores, reverse=True)
    assert all(0 < s <= 1 for s in scores)
    assert len(decode_ad(bundled, ad_text(ADS[0]), limit=2).roles) == 2


def test_an_empty_ad_says_nothing(bundled: Catalog) -> None:
    reading = decode_ad(bundled, "   \n")
    assert reading.roles == [] and reading.skills == () and reading.terms == ()
    assert reading.term_spans == [] and reading.missing_skills_of_best == ()


def test_only_the_catalogue_decides(content: ContentFactory) -> None:
    # The test catalogue's own alias "Consultant SEA" names its role; nothing else does.
    catalog = load_catalog(content.write()).catalog
    reading = decode_ad(catalog, "Consultante SEA (H/F)\nVous gérez les enchères.")
    assert reading.roles[0].role.id == "referenceur-sea"
    content.roles["referenceur-sea"]["aliases"] = []
    content.roles["referenceur-sea"]["title_feminine"] = "Acheteuse de mots-clés"
    renamed = load_catalog(content.write()).catalog
    reading = decode_ad(renamed, "Acheteuse de mots-clés H/F")
    assert reading.roles[0].role.id == "referenceur-sea"
    assert reading.roles[0].why[0] == "titre « Acheteuse de mots-clés »"


def test_the_index_is_kept_beside_the_catalogue(bundled: Catalog) -> None:
    before = set(vars(bundled))
    assert decode_index(bundled) is decode_index(bundled)
    assert set(vars(bundled)) == before


def test_the_index_goes_with_its_catalogue(content: ContentFactory) -> None:
    catalog = load_catalog(content.write()).catalog
    decode_ad(catalog, "Référenceur SEO")
    gone = weakref.ref(catalog)
    del catalog
    gc.collect()
    assert gone() is None


# --- reading an ad's file, and what the reading means for the user --------------------------


def test_ad_text_reads_utf8_text_and_refuses_the_rest() -> None:
    assert text_of_ad("\ufeffTitre\r\nCorps\rfin".encode()) == "Titre\nCorps\nfin"
    for raw, message in [
        ("é".encode("latin-1"), "ce n’est pas un texte : encodage UTF-8 attendu"),
        (b"%PDF-1.7\n\x00\x00", "ce n’est pas un texte : caractères de contrôle"),
        (b"a" * (AD_LIMIT + 1), "fichier trop volumineux (maximum 200 ko)"),
    ]:
        with pytest.raises(FileProblem) as problem:
            text_of_ad(raw)
        assert problem.value.message.startswith(message)
    assert text_of_ad(b"a" * AD_LIMIT) == "a" * AD_LIMIT


def test_the_ad_is_kept_once_after_the_note() -> None:
    assert note_with_ad("", "  Annonce SEO\n") == f"{AD_HEADING}\nAnnonce SEO"
    kept = note_with_ad("Ma note\n", "Annonce SEO")
    assert kept == f"Ma note\n\n{AD_HEADING}\nAnnonce SEO"
    assert note_with_ad(kept, "Annonce SEO") == kept
    assert note_with_ad("Ma note", "   ") == "Ma note"


def test_a_profile_against_the_skills_asked(bundled: Catalog) -> None:
    reading = decode_ad(bundled, ad_text(ADS[0]))
    held, lacking = held_and_lacking(reading, {reading.skills[0], "inconnue"})
    assert held == reading.skills[:1] and lacking == reading.skills[1:]
