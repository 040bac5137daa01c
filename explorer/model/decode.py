"""Decode a job ad: which roles of the catalogue it describes, which skills it asks, its jargon.

Everything is read from the catalogue itself — titles and aliases (both genders), skill
labels, missions, summaries, tools, glossary terms and their aliases — folded as the search
folds them. No keyword list lives in the code: only French spelling rules (inclusive
endings such as "chargé(e)", "chargé·e", "chargé.e", and the "H/F" marks).

How a role is placed:
- a title or alias of the role found in the ad's title (its first line, and any line
  marked "H/F") puts it first: score above 0.6;
- otherwise its words decide: each role has a weighted vocabulary (TF-IDF over the word
  stems and stem pairs of its missions, summary, skill labels, tools, names and terms),
  compared with the ad's by cosine; a name cited in the body adds a little. Such a
  score stays at or below 0.6.
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from explorer.model.catalog import Catalog, Role
from explorer.model.files import FileProblem
from explorer.model.matching import PerCatalog
from explorer.model.text import fold

# --- words of a text, with where they are ------------------------------------------------

_WORD = re.compile(r"[^\W_]+")
# Inclusive endings written after the masculine: chargé(e), chargé·e·s, développeur·euse.
_INCLUSIVE_ENDINGS = frozenset(
    "e es ne nes se ses euse euses rice rices trice trices ere eres le les ve ves te tes s x".split()  # noqa: SIM905
)
_INCLUSIVE_MARKS = frozenset("(·.•‧⋅")
_GENDER_MARKS = frozenset("hfx")  # H/F, F/H, H/F/X
_HYPHENS = frozenset("-‐‑")

# What counts for a role, and how much, in its vocabulary: in half points, so that
# Counter.update (a loop in C) adds them up, once per half point.
_HALF_POINTS = {"names": 3, "skills": 4, "tools": 3, "terms": 3, "missions": 2, "summary": 2}
_TITLE_SHARE = 0.6  # a role named in the ad's title scores at least this; others at most this
_BODY_NAME = 0.25  # a role's name cited in the body of the ad
_FULL_COSINE = 0.35  # a cosine at least this high counts as a full match of the words
_MISSION_SHARE = 0.5  # a mission is "recognised" when half its words are in the ad
_COMMON_ROLES = 20  # a feature of more roles than this and a tenth of all is not looked up


class Token(NamedTuple):
    word: str  # folded: lower-case ascii, no accent
    start: int  # where it is in the original text
    end: int


@lru_cache(maxsize=1 << 16)
def _fold_word(word: str) -> tuple[str, ...]:
    return tuple(fold(word).split())


def tokenize(text: str) -> list[Token]:
    """The folded words of a text with their place in it, as the ad reader sees them.

    - "S.E.O." is one word "seo"; "e-commerce" is "ecommerce" (written words joined by a
      hyphen are glued, on both the ad's and the catalogue's side);
    - inclusive endings vanish: "chargé(e)", "chargé·e", "chargé.e" read "charge";
    - gender marks vanish: "H/F", "F/H", "(H/F)", "H/F/X".
    """
    raw = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]
    tokens: list[Token] = []
    i = 0
    previous_end = -1  # end of the last written word looked at, kept or not
    while i < len(raw):
        word, start, end = raw[i]
        gap = text[previous_end:start] if previous_end >= 0 else " "
        # S.E.O. -> SEO: single letters joined by dots.
        if len(word) == 1 and i + 1 < len(raw) and _dotted(text, end, raw[i + 1]):
            j = i
            while j + 1 < len(raw) and _dotted(text, raw[j][2], raw[j + 1]):
                j += 1
            word, end = "".join(w for w, _, _ in raw[i : j + 1]), raw[j][2]
            i = j
        elif _gender_pair(text, raw[i], raw[i + 1] if i + 1 < len(raw) else None):
            j = i + 1  # H/F/X: skip every mark of the chain
            while j + 1 < len(raw) and _gender_pair(text, raw[j], raw[j + 1]):
                j += 1
            previous_end, i = raw[j][2], j + 1
            continue
        elif gap in _INCLUSIVE_MARKS and tokens and fold(word) in _INCLUSIVE_ENDINGS:
            previous_end, i = end, i + 1
            continue
        folded = _fold_word(word)
        if folded:
            if gap in _HYPHENS and tokens and tokens[-1].end == previous_end:
                last = tokens.pop()
                tokens.append(Token(last.word + folded[0], last.start, end))
                folded = folded[1:]
            tokens.extend(Token(piece, start, end) for piece in folded)
        previous_end, i = end, i + 1
    return tokens


def _gender_pair(
    text: str, mark: tuple[str, int, int], following: tuple[str, int, int] | None
) -> bool:
    """Two gender marks joined by a slash: the H and F of "H/F", "F / H", "H/F/X"."""
    return (
        following is not None
        and mark[0].lower() in _GENDER_MARKS
        and following[0].lower() in _GENDER_MARKS
        and len(mark[0]) == len(following[0]) == 1
        and text[mark[2] : following[1]].strip() == "/"
    )


def _dotted(text: str, end: int, following: tuple[str, int, int]) -> bool:
    """A single letter, a dot, then a single letter: the inside of an acronym like S.E.O."""
    return len(following[0]) == 1 and text[end : following[1]] == "."


@lru_cache(maxsize=1 << 16)
def words(text: str) -> tuple[str, ...]:
    """The folded words of a text, as tokenize() reads them (catalogue texts repeat: kept)."""
    return tuple(token.word for token in tokenize(text))


_GLUE = re.compile(r"(?<=[^\W_])[-‐‑](?=[^\W_])")


_COMBINING = re.compile("[\u0300-\u036f]+")
_NOT_LETTERS = re.compile("[^0-9a-z]+")


def _plain_words(text: str) -> list[str]:
    """words() for well-written catalogue prose, several times faster.

    fold() step by step, but its marks removed by one regular expression rather than a
    test per character (most of an index's build time at 2,500 roles). The same words,
    but where a text uses inclusive endings, H/F marks or dotted acronyms, which the
    content's prose does not; names, terms and skill labels still go through words().
    """
    if "-" in text or "‐" in text or "‑" in text:
        text = _GLUE.sub("", text)
    text = text.casefold()  # "ß" becomes "ss"; "’" becomes a space below, as any mark
    if not text.isascii():
        text = text.replace("œ", "oe").replace("æ", "ae")
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    return _NOT_LETTERS.sub(" ", text).split()


def _stem(word: str) -> str:
    """A crude French stem: plural dropped, then the first six letters."""
    if len(word) > 4 and word[-1] in "sx":
        word = word[:-1]
    return word[:6]


def _features(stems: Sequence[str], stop: frozenset[str]) -> Iterator[str]:
    """A text's features: its content stems, and each pair of neighbouring content stems."""
    content = [s for s in stems if s not in stop]
    yield from content
    for left, right in itertools.pairwise(content):
        yield f"{left} {right}"


# --- the catalogue, read once --------------------------------------------------------------


@dataclass(frozen=True)
class _Name:
    role: int  # index in catalogue order
    text: str  # as the content writes it
    kind: str  # "titre" or "alias"


class DecodeIndex:
    """Everything decoding needs from one catalogue, folded and weighed once."""

    def __init__(self, catalog: Catalog) -> None:
        # Never the catalogue itself: kept beside it, the index must not keep it alive.
        self.skills = catalog.skills
        self.roles: tuple[Role, ...] = tuple(catalog.roles.values())
        self.names: dict[tuple[str, ...], list[_Name]] = {}
        for index, role in enumerate(self.roles):
            kinds = ["titre"] * (2 if role.title_feminine else 1) + ["alias"] * len(role.aliases)
            for name, kind in zip(role.titles, kinds, strict=True):
                key = words(name)
                if key and all(n.role != index for n in self.names.get(key, ())):
                    self.names.setdefault(key, []).append(_Name(index, name, kind))
        self.terms: dict[tuple[str, ...], list[str]] = {}
        for term in catalog.terms.values():
            for name in (term.term, _short(term.term), *term.aliases):
                key = words(name)
                if key and term.id not in self.terms.get(key, ()):
                    self.terms.setdefault(key, []).append(term.id)
        self._index_skills(catalog)
        self._index_vocabularies(catalog)
        self.lengths = sorted({len(k) for k in (*self.names, *self.terms, *self.skill_cues)})

    def _index_skills(self, catalog: Catalog) -> None:
        """Cues that name a skill outright, and the words that describe it."""
        self.skill_cues: dict[tuple[str, ...], list[str]] = {}
        acronyms: dict[str, list[str]] = {}
        for skill in catalog.skills.values():
            cues = [skill.label, _short(skill.label)]
            inside = skill.label[len(_short(skill.label)) :].strip(" ()")
            cues += [c.strip(" .…") for c in inside.split(",")]
            # A label joining two things names each, if more than a word (a lone "Données" or
            # "Achats" says too little): "Tests A/B et expérimentation", "… et sens du détail".
            cues += [part for part in _short(skill.label).split(" et ") if len(words(part)) > 1]
            for cue in cues:
                key = words(cue)
                if key and skill.id not in self.skill_cues.get(key, ()):
                    self.skill_cues.setdefault(key, []).append(skill.id)
            for written in _WORD.findall(_short(skill.label)):
                if len(written) >= 2 and written.isupper():
                    acronyms.setdefault(fold(written), []).append(skill.id)
        # An acronym of one label only (KPI, RGPD, CSS) names its skill on its own.
        for acronym, ids in acronyms.items():
            if len(set(ids)) == 1 and ids[0] not in self.skill_cues.get((acronym,), ()):
                self.skill_cues.setdefault((acronym,), []).append(ids[0])
        self.skill_words = {
            skill.id: tuple(dict.fromkeys(_stem(w) for w in words(_short(skill.label))))
            for skill in catalog.skills.values()
        }

    def _index_vocabularies(self, catalog: Catalog) -> None:
        """Each role's TF-IDF vector over stems and stem pairs, as postings per feature."""
        # Skill labels, terms and tools come back in many roles, words in many texts: each
        # text and each word is read once.
        stems_of: dict[str, tuple[str, ...]] = {}
        stem_of: dict[str, str] = {}
        documents: list[list[tuple[int, tuple[str, ...]]]] = []
        frequency: Counter[str] = Counter()
        for role in self.roles:
            document = []
            for field, texts in self._texts(catalog, role):
                points = _HALF_POINTS[field]
                for text in texts:
                    stems = stems_of.get(text)
                    if stems is None:
                        stems = stems_of[text] = tuple(
                            [
                                stem_of.get(w) or stem_of.setdefault(w, _stem(w))
                                for w in _plain_words(text)
                            ]
                        )
                    document.append((points, stems))
            documents.append(document)
            frequency.update(set(itertools.chain.from_iterable(s for _, s in document)))
        count = len(self.roles)
        # Stems most roles use (de, des, pour, site…) carry no sense of their own here.
        self.stop = frozenset(
            s for s, df in frequency.items() if (count >= 8 and df / count > 0.6) or len(s) < 2
        )
        features_of: dict[tuple[str, ...], tuple[str, ...]] = {}
        tf: list[Counter[str]] = []
        df: Counter[str] = Counter()
        for document in documents:
            repeated = []
            for points, stems in document:
                features = features_of.get(stems)
                if features is None:
                    features = features_of[stems] = tuple(_features(stems, self.stop))
                repeated.append(features * points)
            halves = Counter(itertools.chain.from_iterable(repeated))
            tf.append(halves)
            df.update(halves.keys())
        self.idf = {f: math.log((count + 1) / n) for f, n in df.items()}
        # A feature shared by many roles adds about as much to each: left out of the
        # postings, it spares most of the work of a decode in a large catalogue.
        common = max(_COMMON_ROLES, count // 10)
        rare = {f for f, n in df.items() if n <= common}
        # 1 + log(h / 2) for h half points, worked out once per count rather than per feature.
        weight = [
            0.0,
            *(
                1 + math.log(h / 2)
                for h in range(1, max(map(max, (t.values() for t in tf)), default=0) + 1)
            ),
        ]
        self.postings: dict[str, list[tuple[int, float]]] = {}
        for index, halves in enumerate(tf):
            vector = {f: weight[h] * self.idf[f] for f, h in halves.items()}
            norm = math.hypot(*vector.values()) or 1.0
            for feature in rare.intersection(vector):
                value = vector[feature]
                if value > 0:
                    self.postings.setdefault(feature, []).append((index, value / norm))

    @staticmethod
    def _texts(catalog: Catalog, role: Role) -> Iterator[tuple[str, Sequence[str]]]:
        """The role's texts, by the field that weighs them."""
        yield "names", role.titles
        yield "skills", [catalog.skills[s].label for s in role.skills if s in catalog.skills]
        yield "tools", role.tools
        yield "terms", [n for t in catalog.role_terms(role) for n in (_short(t.term), *t.aliases)]
        yield "missions", role.missions
        yield "summary", (role.summary,)


_index = PerCatalog(DecodeIndex)


def decode_index(catalog: Catalog) -> DecodeIndex:
    """The catalogue's decoding index, built on first use and kept while the catalogue lives.

    Call it in a worker after the first frame to spare the first decode its cost.
    """
    return _index(catalog)


def _short(label: str) -> str:
    """A label without its bracketed examples: 'SEO technique (vitesse, indexation)' -> 'SEO technique'."""
    return label.split(" (", 1)[0].strip()


# --- reading an ad ---------------------------------------------------------------------------

AD_LIMIT = 200 * 1024  # bytes: an ad is a page or two of text; anything larger is not one
# Characters no text file carries (a binary, a PDF, a word-processor file read as bytes).
_BINARY = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")


def ad_text(raw: bytes) -> str:
    """An ad's text from a file's bytes: UTF-8 (a byte-order mark dropped), line ends as "\n".

    Raises FileProblem, in French, when the bytes are not text or exceed AD_LIMIT.
    """
    if len(raw) > AD_LIMIT:
        raise FileProblem(f"fichier trop volumineux (maximum {AD_LIMIT // 1024} ko)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FileProblem(
            "ce n’est pas un texte : encodage UTF-8 attendu "
            f"(octet invalide à la position {error.start})"
        ) from error
    if _BINARY.search(text):
        raise FileProblem("ce n’est pas un texte : caractères de contrôle (fichier binaire ?)")
    return text.replace("\r\n", "\n").replace("\r", "\n")


@dataclass(frozen=True)
class RoleGuess:
    role: Role
    score: float  # 0..1: above 0.6 only for a role named in the ad's title
    why: tuple[str, ...]  # French reasons, strongest first


@dataclass(frozen=True)
class AdReading:
    roles: list[RoleGuess]  # best first, at most `limit`
    skills: tuple[str, ...]  # skill ids the ad asks for, in the catalogue's order
    terms: tuple[str, ...]  # glossary term ids found, in order of first appearance
    term_spans: list[tuple[int, int, str]]  # (start, end, term id) in the original text
    missing_skills_of_best: tuple[str, ...]  # the best role's skills the ad does not name


_WINDOW = 8  # a skill's words count as found together within this many words


def decode_ad(catalog: Catalog, text: str, limit: int = 3) -> AdReading:
    """Which roles the ad describes (best first), which skills it asks for, its jargon."""
    index = decode_index(catalog)
    tokens = tokenize(text)
    found = _phrases(index, [t.word for t in tokens])
    title_tokens = _title_tokens(text, tokens)

    # Names: in the title, the longest ones win (inside "Responsable SEO" sits "SEO").
    title_names: dict[int, _Name] = {}
    body_names: dict[int, _Name] = {}
    named = [(start, length, key) for start, length, key in found if key in index.names]
    in_title = [
        (start, length, key)
        for start, length, key in named
        if all(t in title_tokens for t in range(start, start + length))
    ]
    for start, length, key in named:
        if (start, length, key) not in in_title:
            for name in index.names[key]:
                body_names.setdefault(name.role, name)
    for start, length, key in in_title:
        if not any(s <= start and start + length <= s + n and n > length for s, n, _ in in_title):
            for name in index.names[key]:
                title_names.setdefault(name.role, name)

    skills = _skills(index, tokens, found)
    terms, spans = _terms(index, tokens, found)

    # Words: cosine of the ad's TF-IDF vector with each role's.
    counts: dict[str, int] = {}
    for feature in _features([_stem(t.word) for t in tokens], index.stop):
        counts[feature] = counts.get(feature, 0) + 1
    vector = {f: (1 + math.log(c)) * index.idf[f] for f, c in counts.items() if f in index.postings}
    norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    cosine = [0.0] * len(index.roles)
    for feature, value in vector.items():
        weight = value / norm
        for role, role_weight in index.postings[feature]:
            cosine[role] += weight * role_weight

    scores = []
    for role_index in range(len(index.roles)):
        words_part = min(1.0, cosine[role_index] / _FULL_COSINE)
        rest = 1 - (1 - _BODY_NAME * (role_index in body_names)) * (1 - words_part)
        if role_index in title_names:
            score = _TITLE_SHARE + (1 - _TITLE_SHARE) * rest
        else:
            score = _TITLE_SHARE * rest
        if score > 0:
            scores.append((-score, role_index))
    scores.sort()
    ad_stems = {_stem(t.word) for t in tokens}
    guesses = [
        RoleGuess(
            role=index.roles[i],
            score=round(-negative, 4),
            why=_reasons(
                index, index.roles[i], title_names.get(i), body_names.get(i), skills, ad_stems
            ),
        )
        for negative, i in scores[: max(limit, 0)]
    ]
    wanted = set(skills)
    missing = (
        tuple(dict.fromkeys(s for s in guesses[0].role.skills if s not in wanted))
        if guesses
        else ()
    )
    return AdReading(
        roles=guesses,
        skills=skills,
        terms=terms,
        term_spans=spans,
        missing_skills_of_best=missing,
    )


def _phrases(index: DecodeIndex, ad: Sequence[str]) -> list[tuple[int, int, tuple[str, ...]]]:
    """Every (start, length, words) of the ad that is a name, a term or a skill cue."""
    found = []
    for start in range(len(ad)):
        for length in index.lengths:
            if start + length > len(ad):
                break
            key = tuple(ad[start : start + length])
            if key in index.names or key in index.terms or key in index.skill_cues:
                found.append((start, length, key))
    return found


def _title_tokens(text: str, tokens: Sequence[Token]) -> set[int]:
    """Positions of the words of the ad's title: its first line with words, and any line with H/F."""
    lines = []
    offset = 0
    for line in text.splitlines(keepends=True):
        lines.append((offset, offset + len(line), line))
        offset += len(line)
    marked = [(s, e) for s, e, line in lines if re.search(r"\b[HFhf]\s*/\s*[HFhf]\b", line)]
    first = next(((s, e) for s, e, line in lines if _WORD.search(line)), None)
    spans = [*marked, first] if first else marked
    return {i for i, t in enumerate(tokens) if any(s <= t.start < e for s, e in spans)}


def _skills(
    index: DecodeIndex, tokens: Sequence[Token], found: Iterable[tuple[int, int, tuple[str, ...]]]
) -> tuple[str, ...]:
    """Skills named by a cue (label, example, unique acronym), or whose label words come together."""
    asked: set[str] = {s for _, _, key in found for s in index.skill_cues.get(key, ())}
    places: dict[str, list[int]] = {}
    for position, token in enumerate(tokens):
        places.setdefault(_stem(token.word), []).append(position)
    for skill_id, stems in index.skill_words.items():
        if skill_id in asked:
            continue
        content = [s for s in stems if s not in index.stop]
        if not content:
            continue
        need = len(content) if len(content) <= 2 else math.ceil(len(content) * 2 / 3)
        if _together(content, places, need):
            asked.add(skill_id)
    return tuple(s for s in index.skills if s in asked)


def _together(stems: Sequence[str], places: dict[str, list[int]], need: int) -> bool:
    """Are at least `need` of these stems found within _WINDOW words of one another?"""
    present = [s for s in stems if s in places]
    if len(present) < need:
        return False
    for stem in present:
        for anchor in places[stem]:
            near = 0
            for other in present:
                positions = places[other]  # in increasing order
                at = bisect_left(positions, anchor - _WINDOW)
                near += at < len(positions) and positions[at] <= anchor + _WINDOW
            if near >= need:
                return True
    return False


def _terms(
    index: DecodeIndex, tokens: Sequence[Token], found: Iterable[tuple[int, int, tuple[str, ...]]]
) -> tuple[tuple[str, ...], list[tuple[int, int, str]]]:
    """Glossary terms found, and their spans: the longest first where two overlap."""
    hits = sorted(
        ((start, length, key) for start, length, key in found if key in index.terms),
        key=lambda hit: (-hit[1], hit[0]),
    )
    taken: set[int] = set()
    spans: list[tuple[int, int, str]] = []
    for start, length, key in hits:
        positions = range(start, start + length)
        if taken.intersection(positions):
            continue
        taken.update(positions)
        first, last = tokens[start], tokens[start + length - 1]
        spans.append((first.start, last.end, index.terms[key][0]))
    spans.sort()
    return tuple(dict.fromkeys(term for _, _, term in spans)), spans


def _reasons(
    index: DecodeIndex,
    role: Role,
    title_name: _Name | None,
    body_name: _Name | None,
    skills: Sequence[str],
    ad_stems: set[str],
) -> tuple[str, ...]:
    why = []
    if title_name is not None:
        why.append(f"{title_name.kind} « {title_name.text} »")
    if body_name is not None:
        why.append(f"{body_name.kind} « {body_name.text} » dans le texte")
    mine = set(skills)
    labels = [index.skills[s].label for s in role.skills if s in mine]
    why += [f"compétence « {_short(label)} »" for label in labels[:3]]
    if len(labels) == 4:
        why.append("et 1 autre compétence")
    elif len(labels) > 4:
        why.append(f"et {len(labels) - 3} autres compétences")
    recognised = []
    for mission in role.missions:
        stems = {_stem(w) for w in _plain_words(mission)} - index.stop
        if len(stems) >= 2:
            share = len(stems & ad_stems) / len(stems)
            if share >= _MISSION_SHARE:
                recognised.append((-share, mission))
    why += [f"mission « {mission} »" for _, mission in sorted(recognised)[:2]]
    return tuple(why)


# --- what the reading means for the user ------------------------------------------------------

AD_HEADING = "Annonce :"


def note_with_ad(note: str, ad: str) -> str:
    """A shortlist note that keeps the ad: after the note, under AD_HEADING; kept only once."""
    ad = ad.strip()
    if not ad or ad in note:
        return note
    kept = f"{AD_HEADING}\n{ad}"
    return f"{note.rstrip()}\n\n{kept}" if note.strip() else kept


def held_and_lacking(
    reading: AdReading, held: Iterable[str]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The skills the ad asks for that a profile has, and those it lacks (the ad's order)."""
    mine = set(held)
    return (
        tuple(s for s in reading.skills if s in mine),
        tuple(s for s in reading.skills if s not in mine),
    )
