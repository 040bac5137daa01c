"""A deterministic synthetic catalogue of N roles that passes `explorer validate`.

    python benchmarks/gen_catalogue.py --roles 10000 --out /tmp/catalogue-10k
    python benchmarks/gen_catalogue.py --roles 2500 --families bundled --out /tmp/catalogue-2500

Same arguments, same bytes and same modification times: a generated folder can be compared
or cached across runs. Roles have the size of the bundled ones (about 8 missions, 12 skills,
5 aliases, French accented text), drawn from word banks with a seeded random generator.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import sys
import tomllib
from itertools import product
from pathlib import Path
from typing import Any

import tomli_w

ROOT = Path(__file__).resolve().parent.parent

# Generated files all carry this modification time (2024-01-01 UTC), so that two runs
# produce identical folders, and the content cache never sees a "just written" file.
FIXED_MTIME = 1_704_067_200

FAMILIES = [
    ("pilotage", "Pilotage et stratégie"),
    ("conception", "Conception et technique du site"),
    ("acquisition", "Acquisition et mesure du trafic"),
    ("marketing", "Web-marketing et vente"),
    ("contenus", "Contenus et rédaction"),
    ("communaute", "Communauté et réseaux sociaux"),
    ("relation-client", "Relation client et logistique"),
    ("donnees", "Données et décisionnel"),
    ("achats", "Achats, offre et catalogue"),
    ("juridique", "Droit, sécurité et conformité"),
    ("creation", "Création graphique et vidéo"),
    ("international", "Développement à l'international"),
]

# (masculine, feminine) title heads.
HEADS = [
    ("Chargé", "Chargée"),
    ("Responsable", "Responsable"),
    ("Chef de projet", "Cheffe de projet"),
    ("Consultant", "Consultante"),
    ("Analyste", "Analyste"),
    ("Développeur", "Développeuse"),
    ("Technicien", "Technicienne"),
    ("Gestionnaire", "Gestionnaire"),
    ("Directeur", "Directrice"),
    ("Assistant", "Assistante"),
    ("Coordinateur", "Coordinatrice"),
    ("Spécialiste", "Spécialiste"),
    ("Ingénieur", "Ingénieure"),
    ("Animateur", "Animatrice"),
    ("Conseiller", "Conseillère"),
    ("Rédacteur", "Rédactrice"),
    ("Acheteur", "Acheteuse"),
    ("Opérateur", "Opératrice"),
    ("Superviseur", "Superviseuse"),
    ("Administrateur", "Administratrice"),
    ("Intégrateur", "Intégratrice"),
    ("Concepteur", "Conceptrice"),
    ("Expert", "Experte"),
    ("Référent", "Référente"),
]
SPECIALTIES = [
    "référencement naturel",
    "référencement payant",
    "e-réputation",
    "relation client",
    "logistique e-commerce",
    "dernier kilomètre",
    "marketplace",
    "catalogue produits",
    "fiches produits",
    "acquisition de trafic",
    "emailing",
    "automatisation marketing",
    "fidélisation",
    "programme de fidélité",
    "affiliation",
    "partenariats",
    "réseaux sociaux",
    "communauté",
    "contenus éditoriaux",
    "contenus vidéo",
    "expérience utilisateur",
    "interface utilisateur",
    "accessibilité numérique",
    "qualité web",
    "recette fonctionnelle",
    "tests automatisés",
    "intégration web",
    "front-end",
    "back-end",
    "applications mobiles",
    "paiement en ligne",
    "lutte contre la fraude",
    "sécurité des données",
    "conformité RGPD",
    "droit du numérique",
    "données clients",
    "analyse de données",
    "web analytics",
    "business intelligence",
    "tarification",
    "promotions",
    "merchandising",
    "direction artistique",
    "photographie produit",
    "motion design",
    "traduction et localisation",
    "export",
    "service après-vente",
    "retours produits",
    "approvisionnement",
    "gestion des stocks",
    "entrepôt",
    "transport",
    "achats",
    "sourcing fournisseurs",
    "innovation",
    "transformation numérique",
    "commerce omnicanal",
    "commerce conversationnel",
    "live shopping",
    "marketing d'influence",
    "relations presse",
    "événementiel",
    "publicité display",
    "publicité vidéo",
    "retargeting",
    "SEO local",
    "moteur de recherche interne",
    "personnalisation",
    "recommandation produit",
    "CRM",
    "ERP",
    "PIM",
    "DAM",
    "API",
    "cloud",
    "hébergement",
    "performance web",
    "éco-conception",
    "RSE",
    "formation",
    "support interne",
    "centre de contacts",
    "chatbot",
    "veille concurrentielle",
    "études de marché",
    "abonnements",
    "B2B",
    "grands comptes",
    "franchise",
    "magasins connectés",
    "click and collect",
    "drive",
    "livraison express",
    "emballage",
    "prévision des ventes",
    "contrôle de gestion",
    "facturation",
    "recouvrement",
]
QUALIFIERS = [
    "",
    "international",
    "grands comptes",
    "marketplace",
    "omnicanal",
    "junior",
    "senior",
    "B2B",
    "multi-sites",
    "France",
]
ALIAS_HEADS = ["Manager", "Lead", "Officer", "Expert", "Référent", "Pilote", "Pro"]

VERBS = [
    "Piloter",
    "Analyser",
    "Définir",
    "Suivre",
    "Optimiser",
    "Rédiger",
    "Concevoir",
    "Animer",
    "Coordonner",
    "Négocier",
    "Contrôler",
    "Améliorer",
    "Préparer",
    "Mettre à jour",
    "Évaluer",
    "Organiser",
    "Présenter",
    "Sélectionner",
    "Former",
    "Accompagner",
    "Vérifier",
    "Paramétrer",
    "Déployer",
    "Documenter",
    "Mesurer",
    "Prioriser",
    "Arbitrer",
    "Budgéter",
    "Tester",
    "Planifier",
]
OBJECTS = [
    "les campagnes d'acquisition",
    "le tableau de bord des ventes",
    "les fiches produits",
    "le planning éditorial",
    "les stocks de l'entrepôt",
    "les retours clients",
    "la stratégie de référencement",
    "les partenariats commerciaux",
    "le budget publicitaire",
    "les demandes du service client",
    "les maquettes des pages",
    "les tests de conversion",
    "les flux de données produits",
    "les contrats fournisseurs",
    "les indicateurs de performance",
    "la charte graphique",
    "les newsletters",
    "les publications sur les réseaux sociaux",
    "le cahier des charges",
    "les évolutions du site",
    "la qualité des données",
    "les opérations promotionnelles",
    "le parcours d'achat",
    "les prestataires logistiques",
    "les équipes en magasin",
    "la sécurité des paiements",
    "les conditions générales de vente",
    "les prix de la concurrence",
    "le catalogue en ligne",
    "les avis clients",
]
COMPLEMENTS = [
    "avec l'équipe marketing",
    "pour améliorer le taux de conversion",
    "en lien avec la direction",
    "selon les objectifs de l'année",
    "dans le respect du budget",
    "à partir des données d'audience",
    "pour chaque saison commerciale",
    "avec les agences partenaires",
    "en français et en anglais",
    "pour les marchés européens",
    "au quotidien",
    "lors des temps forts commerciaux",
    "en mode agile",
    "avec les outils de la société",
    "pour réduire les délais de livraison",
    "afin de fidéliser la clientèle",
    "en respectant le RGPD",
    "sur l'ensemble des canaux",
    "pour la boutique en ligne et les magasins",
    "avec une attention particulière à l'accessibilité",
]
SKILL_ACTIONS = [
    "Gestion",
    "Analyse",
    "Pilotage",
    "Maîtrise",
    "Connaissance",
    "Optimisation",
    "Conception",
    "Animation",
    "Rédaction",
    "Négociation",
    "Mesure",
    "Sécurisation",
]
SKILL_OBJECTS = [
    "des stocks",
    "de budget",
    "de projet",
    "des données",
    "des campagnes",
    "de la relation client",
    "des contenus",
    "des réseaux sociaux",
    "de l'audience",
    "des fournisseurs",
    "des prix",
    "du catalogue",
    "de la performance",
    "des équipes",
    "des outils CRM",
    "de l'expérience utilisateur",
    "des paiements",
    "de la logistique",
    "du référencement",
    "de la marque",
]
SKILL_DOMAINS = [
    "",
    "en e-commerce",
    "multicanal",
    "à l'international",
    "B2B",
    "en magasin",
    "sur mobile",
    "en temps réel",
    "avancée",
    "opérationnelle",
    "stratégique",
    "réglementaire",
]
SKILL_CATEGORY = ["technique", "marketing", "gestion", "relation", "savoir-etre"]
QUALITIES = [
    "Rigueur",
    "Curiosité",
    "Esprit d'analyse",
    "Créativité",
    "Sens de l'écoute",
    "Aisance relationnelle",
    "Réactivité",
    "Autonomie",
    "Esprit d'équipe",
    "Pédagogie",
    "Sens du service",
    "Résistance au stress",
]
TOOLS = [
    "Google Analytics",
    "Matomo",
    "Google Ads",
    "Meta Business Suite",
    "Shopify",
    "PrestaShop",
    "Magento",
    "WooCommerce",
    "Salesforce",
    "HubSpot",
    "Brevo",
    "Mailchimp",
    "Figma",
    "Photoshop",
    "Illustrator",
    "Premiere Pro",
    "Canva",
    "Excel",
    "Google Sheets",
    "Looker Studio",
    "Power BI",
    "Tableau",
    "SQL",
    "Python",
    "Jira",
    "Trello",
    "Notion",
    "Slack",
    "Zendesk",
    "Akeneo",
    "SAP",
    "Sage",
    "WordPress",
    "Semrush",
    "Ahrefs",
    "Screaming Frog",
    "Hotjar",
    "AB Tasty",
    "Lengow",
    "Mirakl",
]
EMPLOYERS = ["agence", "annonceur", "pure-player", "brick-and-click", "regie", "freelance"]
LEVELS = ["Sans diplôme", "Bac", "Bac+2", "Bac+3", "Bac+4", "Bac+5"]
ACCESS = [
    "BTS commerce international ou négociation et digitalisation de la relation client",
    "BUT métiers du multimédia et de l'internet",
    "Licence professionnelle e-commerce et marketing numérique",
    "Master en marketing digital, en management ou en école de commerce",
    "École d'ingénieurs ou master en informatique",
    "Reconversion après une expérience en magasin ou en centre d'appels",
    "Titre professionnel de niveau 5 ou 6 préparé en alternance",
    "Formation courte certifiante complétée par une première expérience",
]
CONTEXT = [
    "Dans une petite entreprise, ces missions reviennent souvent à une seule personne polyvalente.",
    "Les grands sites marchands répartissent le travail entre plusieurs spécialistes.",
    "En agence, on suit plusieurs clients à la fois avec des délais serrés.",
    "Le poste demande de travailler avec la logistique, le marketing et la technique.",
    "Les pics d'activité tombent au moment des soldes, du Black Friday et de Noël.",
    "Le télétravail est fréquent, avec des réunions régulières sur place.",
]
TERM_WORDS = [
    ("SEO", "Référencement naturel dans les moteurs de recherche."),
    ("SEA", "Achat de mots-clés sur les moteurs de recherche."),
    ("CRM", "Outil et démarche de gestion de la relation client."),
    ("KPI", "Indicateur clé de performance suivi régulièrement."),
    ("UX", "Expérience vécue par l'utilisateur sur le site."),
    ("RSE", "Responsabilité sociétale des entreprises."),
    ("ERP", "Progiciel de gestion intégré de l'entreprise."),
    ("PIM", "Outil de gestion des informations produits."),
    ("CMS", "Outil de gestion de contenus d'un site."),
    ("ROI", "Retour sur investissement d'une action."),
]

SUMMARY_PARTS = [
    "Ce métier occupe une place clé dans la vente en ligne.",
    "La personne en poste travaille avec de nombreux services de l'entreprise.",
    "Elle suit des indicateurs précis et rend compte des résultats chaque mois.",
    "Le rôle évolue vite avec les outils et les habitudes des clients.",
    "Il faut savoir expliquer simplement des sujets parfois techniques.",
    "Les journées alternent entre réunions, analyse et production.",
]


def slug(text: str) -> str:
    out = []
    for ch in text.lower():
        base = _ASCII.get(ch, ch)
        out.append(base if base.isascii() and base.isalnum() else "-")
    return "-".join(part for part in "".join(out).split("-") if part)


_ASCII = dict(zip("àâäéèêëîïôöùûüçœ", "aaaeeeeiioouuuco", strict=True))


def _roles_titles(rng: random.Random, count: int) -> list[tuple[str, str, str]]:
    """(masculine title, feminine title, specialty), unique."""
    combos = list(product(range(len(HEADS)), range(len(SPECIALTIES)), range(len(QUALIFIERS))))
    if count > len(combos):
        raise SystemExit(f"at most {len(combos)} roles can be generated")
    # Unqualified titles first, so that small catalogues look like real ones.
    plain = [c for c in combos if c[2] == 0]
    qualified = [c for c in combos if c[2] != 0]
    rng.shuffle(plain)
    rng.shuffle(qualified)
    titles = []
    for head, spec, qual in (plain + qualified)[:count]:
        suffix = f" {QUALIFIERS[qual]}" if QUALIFIERS[qual] else ""
        masc, fem = HEADS[head]
        titles.append(
            (
                f"{masc} {SPECIALTIES[spec]}{suffix}",
                f"{fem} {SPECIALTIES[spec]}{suffix}",
                SPECIALTIES[spec],
            )
        )
    return titles


def _skills(rng: random.Random, count: int) -> list[dict[str, str]]:
    skills: list[dict[str, str]] = []
    seen: set[str] = set()
    for quality in QUALITIES:
        skills.append({"id": slug(quality), "label": quality, "category": "savoir-etre"})
        seen.add(slug(quality))
    combos = list(product(SKILL_ACTIONS, SKILL_OBJECTS, SKILL_DOMAINS))
    rng.shuffle(combos)
    for action, obj, domain in combos:
        if len(skills) >= count:
            break
        label = " ".join(p for p in (action, obj, domain) if p)
        skill_id = slug(label)
        if skill_id in seen:
            continue
        seen.add(skill_id)
        skills.append({"id": skill_id, "label": label, "category": rng.choice(SKILL_CATEGORY)})
    number = 0
    while len(skills) < count:  # beyond the word banks: numbered variants
        number += 1
        action, obj, _ = combos[number % len(combos)]
        label = f"{action} {obj} niveau {number}"
        skills.append({"id": slug(label), "label": label, "category": rng.choice(SKILL_CATEGORY)})
    return skills


def _terms(count: int) -> list[dict[str, Any]]:
    terms: list[dict[str, Any]] = []
    for index in range(count):
        word, definition = TERM_WORDS[index % len(TERM_WORDS)]
        number = index // len(TERM_WORDS)
        name = word if number == 0 else f"{word} {number}"
        term: dict[str, Any] = {"id": slug(name), "term": name, "definition": definition}
        if number == 0:
            term["aliases"] = [".".join(word) + "."]
        else:
            term["general"] = True
        terms.append(term)
    return terms


def _sentence(rng: random.Random) -> str:
    return f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(COMPLEMENTS)}"


def _unique(rng: random.Random, make: Any, count: int) -> list[str]:
    out: list[str] = []
    for _ in range(count * 4):
        value = make(rng)
        if value not in out:
            out.append(value)
        if len(out) == count:
            break
    return out


def bundled_families() -> list[tuple[str, str]]:
    """The families of the bundled catalogue (content/families.toml), in their order."""
    with (ROOT / "content" / "families.toml").open("rb") as stream:
        return [(f["id"], f["title"]) for f in tomllib.load(stream)["family"]]


def generate(
    out: Path,
    roles: int,
    seed: int = 1,
    *,
    families: str = "12",
    big_role_bytes: int = 0,
) -> None:
    """Write the catalogue into `out` (which must be absent or empty).

    `families`: "12" (this module's twelve) or "bundled" (the 7 families of the bundled
    catalogue holding all the roles, as a real catalogue is shaped). `big_role_bytes`: one
    more role whose file is about this size (for the content size limit).
    """
    rng = random.Random(seed)
    chosen = FAMILIES if families == "12" else bundled_families()
    skill_count = max(80, roles // 2)
    term_count = max(20, min(2000, roles // 10))
    skills = _skills(rng, skill_count)
    terms = _terms(term_count)
    family_rows = [
        {
            "id": fid,
            "title": title,
            "summary": f"Les métiers « {title.lower()} » de la vente en ligne. "
            + " ".join(rng.sample(SUMMARY_PARTS, 2)),
        }
        for fid, title in chosen
    ]
    # Each family draws most skills from its own pool: roles of a family share skills, so
    # that nearest roles, profiles (roles within reach) and teams mean something.
    pools = {f["id"]: rng.sample(skills, min(len(skills), 60)) for f in family_rows}
    titles = _roles_titles(rng, roles)
    role_ids = []
    seen_ids: set[str] = set()
    for masc, _, _ in titles:
        role_id = slug(masc)
        while role_id in seen_ids:
            role_id += "-bis"
        seen_ids.add(role_id)
        role_ids.append(role_id)
    family_of = [chosen[index % len(chosen)][0] for index in range(roles)]
    members: dict[str, list[str]] = {}
    for role_id, family in zip(role_ids, family_of, strict=True):
        members.setdefault(family, []).append(role_id)

    (out / "roles").mkdir(parents=True, exist_ok=True)
    written = [
        _dump(out / "families.toml", {"family": family_rows}),
        _dump(out / "skills.toml", {"skill": skills}),
        _dump(out / "glossary.toml", {"term": terms}),
    ]
    roles_data: dict[str, dict[str, Any]] = {}
    for index, ((masc, fem, specialty), role_id) in enumerate(zip(titles, role_ids, strict=True)):
        family = family_of[index]
        own = rng.sample(pools[family], 9) + rng.sample(skills, 3)
        aliases = _unique(
            rng,
            lambda r, s=specialty: (
                f"{r.choice(ALIAS_HEADS)} {s}"
                if r.random() < 0.6
                else f"{r.choice(HEADS)[0]} {s} {r.choice(QUALIFIERS[1:])}"
            ),
            5,
        )
        # Careers mostly move within a family: evolutions there, a close role anywhere.
        evolutions = rng.sample(members[family], min(3, len(members[family])))
        others = [(r, "evolution") for r in evolutions[:2] if r != role_id]
        near = rng.choice(role_ids)
        if near != role_id and near not in evolutions:
            others.append((near, "proche"))
        roles_data[role_id] = {
            "title": masc,
            "title_feminine": fem,
            "aliases": [a for a in aliases if a not in (masc, fem)],
            "family": family,
            "rome": f"{'ABCDEFGHIJKLMN'[index % 14]}{1000 + index % 9000:04d}",
            "summary": f"Le ou la {masc[0].lower()}{masc[1:]} s'occupe de {specialty} pour une "
            f"boutique en ligne. " + " ".join(rng.sample(SUMMARY_PARTS, 3)),
            "missions": _unique(rng, _sentence, 8),
            "skills": list(dict.fromkeys(s["id"] for s in own)),
            "tools": rng.sample(TOOLS, 4),
            "levels": sorted(rng.sample(LEVELS[1:], rng.randint(1, 3)), key=LEVELS.index),
            "access": rng.sample(ACCESS, 3),
            "employers": rng.sample(EMPLOYERS, 3),
            "context": " ".join(rng.sample(CONTEXT, 3)),
            "related": [{"role": other, "kind": kind} for other, kind in others],
            "terms": [t["id"] for t in rng.sample(terms, 3)],
            "sources": [f"{index:05d}_synthetique.txt"],
        }
    if big_role_bytes:
        roles_data[BIG_ROLE] = _big_role(rng, chosen[-1][0], skills, big_role_bytes)
    _link_back_and_used_terms(roles_data, terms)
    for role_id, role in roles_data.items():
        written.append(_dump(out / "roles" / f"{role_id}.toml", role))
    for path in written:
        os.utime(path, (FIXED_MTIME, FIXED_MTIME))


BIG_ROLE = "role-a-la-taille-limite"


def _big_role(
    rng: random.Random, family: str, skills: list[dict[str, str]], size: int
) -> dict[str, Any]:
    """A role whose file is about `size` bytes: a third summary, a third missions, a third context."""
    third = max(size // 3 - 2_000, 1_000)

    def paragraph(length: int) -> str:
        words: list[str] = []
        total = 0
        while total < length:
            sentence = rng.choice(SUMMARY_PARTS + CONTEXT)
            words.append(sentence)
            total += len(sentence.encode("utf-8")) + 1
        return " ".join(words)

    missions: list[str] = []
    total = 0
    while total < third:
        mission = f"{_sentence(rng)} (étape {len(missions) + 1})"
        missions.append(mission)
        total += len(mission.encode("utf-8")) + 6
    return {
        # Last of the last family: not the role shown at start-up.
        "title": "Zélé chargé de la fiche la plus longue",
        "title_feminine": "Zélée chargée de la fiche la plus longue",
        "family": family,
        "summary": paragraph(third),
        "missions": missions,
        "skills": [s["id"] for s in rng.sample(skills, 12)],
        "tools": rng.sample(TOOLS, 4),
        "context": paragraph(third),
    }


def _link_back_and_used_terms(
    roles: dict[str, dict[str, Any]], terms: list[dict[str, Any]]
) -> None:
    """What `explorer validate` asks: `proche` links both ways, and every glossary term a
    role's text uses (terms not marked general) in its `terms`."""
    for role_id, role in roles.items():
        for link in role.get("related", ()):
            if link["kind"] != "proche":
                continue
            back = roles[link["role"]].setdefault("related", [])
            existing = [other for other in back if other["role"] == role_id]
            if existing:  # one link per pair of roles: it becomes `proche`
                existing[0]["kind"] = "proche"
            else:
                back.append({"role": role_id, "kind": "proche"})
    words = [
        (t["id"], re.compile(rf"\b{re.escape(t['term'])}\b", re.IGNORECASE))
        for t in terms
        if not t.get("general")
    ]
    for role in roles.values():
        text = "\n".join([role["summary"], *role["missions"], role.get("context", "")])
        used = [term_id for term_id, word in words if word.search(text)]
        role["terms"] = role.get("terms", []) + [t for t in used if t not in role.get("terms", [])]


def _dump(path: Path, data: dict[str, Any]) -> Path:
    path.write_bytes(tomli_w.dumps(data).encode("utf-8"))
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--roles", type=int, required=True, metavar="N")
    parser.add_argument("--out", type=Path, required=True, metavar="DIR")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--families",
        choices=("12", "bundled"),
        default="12",
        help="12 generated families, or the 7 of content/families.toml holding all the roles",
    )
    parser.add_argument(
        "--big-role-bytes",
        type=int,
        default=0,
        metavar="N",
        help=f"add one role ({BIG_ROLE}) whose file is about N bytes",
    )
    parser.add_argument(
        "--force", action="store_true", help="replace DIR if it already holds a catalogue"
    )
    args = parser.parse_args(argv)
    if args.roles < 1:
        parser.error("--roles must be at least 1")
    out: Path = args.out
    if out.exists() and any(out.iterdir()):
        if not args.force:
            parser.error(f"{out} is not empty (use --force to replace it)")
        if not (out / "families.toml").exists():
            parser.error(f"{out} does not look like a generated catalogue; not replacing it")
        shutil.rmtree(out)
    generate(out, args.roles, args.seed, families=args.families, big_role_bytes=args.big_role_bytes)
    print(f"{args.roles} roles written to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
