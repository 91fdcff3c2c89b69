"""Entity mentions with canonical names, within one article.

spaCy's NER finds the mentions; this module repairs what the small English
model gets wrong in news (possessives inside spans, a title and a name glued
into one ORG, one agency tagged three ways) and names each mention the way an
analyst would: a surname becomes the full name used elsewhere in the article,
a capital or a seat of government becomes its state ("Pyongyang" -> North
Korea, "the Kremlin" -> Russia), and "the North"/"the South" become the
directional country the article is about.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from storyline.analyze import gazetteer as gz
from storyline.records import EntityMention, SpeakerType

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

KEPT_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_LEADING_THE = re.compile(r"^(?:the|The)\s+")
_DIRECTIONS = ("North", "South", "East", "West")
_PLACES = {**gz.CAPITALS, **gz.SEATS}
_SEAT_PATTERN = re.compile(
    r"\b(" + "|".join(re.escape(s) for s in sorted(_PLACES, key=len, reverse=True)) + r")\b"
)


def find_entities(doc: Doc) -> tuple[EntityMention, ...]:
    """Every named mention in ``doc`` with its canonical name and type."""
    text = doc.text  # Doc.text joins every token: read it once
    raw = [m for ent in doc.ents if ent.label_ in KEPT_LABELS for m in _repair(ent, text)]
    raw = _add_missed_seats(text, raw)
    labels = _majority_labels(text, raw)
    surface = {span: _surface(text[span[0] : span[1]]) for span, _ in raw}
    people = _person_names(surface[s] for s, label in raw if labels.get(surface[s], label) == "PERSON")
    countries = {
        name
        for s, label in raw
        if (name := _place_name(surface[s])) and labels.get(surface[s], label) == "GPE"
    }
    mentions = []
    for span, label in sorted(set(raw)):
        text = surface[span]
        label = labels.get(text, label)
        name = canonical_name(text, label, people=people, countries=countries)
        mentions.append(EntityMention(span=span, label=label, name=name, type=entity_type(name, label)))
    return tuple(mentions)


def canonical_name(
    text: str, label: str, *, people: dict[str, str] | None = None, countries: Iterable[str] = ()
) -> str:
    """The name an analyst files a mention under."""
    if label == "PERSON":
        bare = strip_titles(text)
        return (people or {}).get(bare, bare)
    if label == "NORP" and text in gz.DEMONYMS:
        return gz.DEMONYMS[text]
    place = _place_name(text)
    if place in _DIRECTIONS:
        return _direction_country(place, countries) or place
    return place


def entity_type(name: str, label: str) -> SpeakerType:
    """The speaker type of a mention: who could be speaking through it."""
    if label == "PERSON":
        return "person"
    if is_media_name(name):
        return "media"
    if label in ("GPE", "NORP") or name in gz.CAPITALS.values():
        return "government"
    words = set(name.lower().split())
    if words & gz.GOVERNMENT_WORDS:
        return "government"
    return "organization" if label == "ORG" else "unknown"


def is_media_name(name: str) -> bool:
    if name in gz.MEDIA or _LEADING_THE.sub("", name) in gz.MEDIA:
        return True
    return bool(set(name.lower().split()) & gz.MEDIA_WORDS)


def strip_titles(name: str) -> str:
    """'President Yoon Suk Yeol' -> 'Yoon Suk Yeol'; keeps at least one word."""
    words = name.split()
    while len(words) > 1 and words[0].lower().rstrip(",") in gz.TITLES:
        words = words[1:]
    return " ".join(words)


def _surface(text: str) -> str:
    """A mention as it would be filed: no leading 'the', no possessive."""
    return _POSSESSIVE.sub("", _LEADING_THE.sub("", text.strip())).strip()


def _place_name(text: str) -> str:
    text = _surface(text)
    for table in (gz.ALIASES, gz.CAPITALS, gz.SEATS):
        if text in table:
            return table[text]
    return text


def _direction_country(direction: str, countries: Iterable[str]) -> str | None:
    """'the North' in an article about North and South Korea -> 'North Korea'."""
    pool = set(countries)
    same = {c for c in pool if c.startswith(direction + " ")}
    if len(same) == 1:
        return same.pop()
    opposite = {"North": "South", "South": "North", "East": "West", "West": "East"}[direction]
    rests = {c.split(" ", 1)[1] for c in pool if c.startswith(opposite + " ")}
    return f"{direction} {rests.pop()}" if len(rests) == 1 else None


def _repair(ent: SpacySpan, text: str) -> list[tuple[tuple[int, int], str]]:
    """Trim possessives and 'the'; split 'the UN Robert Wood' into ORG + PERSON."""
    tokens = [t for t in ent if not (t.i == ent.start and t.lower_ == "the")]
    while tokens and tokens[-1].text in ("'s", "’s", "'", "’"):
        tokens.pop()
    if not tokens:
        return []
    split = _org_person_split(tokens) if ent.label_ in ("ORG", "GPE") else None
    if split is not None:
        head, tail = tokens[:split], tokens[split:]
        return [(_span(head), ent.label_), (_span(tail), "PERSON")]
    start, end = _span(tokens)
    possessive = _POSSESSIVE.search(text[start:end])
    if possessive:
        end -= len(possessive.group(0))
    return [((start, end), ent.label_)]


def _org_person_split(tokens: list) -> int | None:
    """Index where a trailing personal name starts inside an ORG span, if any.

    The small model often glues a title's organisation to the name after it
    ("Ambassador to the UN Robert Wood" -> ORG "the UN Robert Wood").
    """
    if len(tokens) < 3:
        return None
    for i in range(1, len(tokens) - 1):
        head = " ".join(t.text for t in tokens[:i])
        tail = tokens[i:]
        if (
            (head in gz.ALIASES or tokens[i - 1].is_upper)
            and 2 <= len(tail) <= 3
            and all(t.pos_ == "PROPN" and t.text[:1].isupper() and not t.is_upper for t in tail)
        ):
            return i
    return None


def _span(tokens: list) -> tuple[int, int]:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _add_missed_seats(text: str, raw: list) -> list:
    """Capitals and seats of government the model left untagged ('Kyiv', 'the White House')."""
    covered = [span for span, _ in raw]
    extra = [
        ((m.start(1), m.end(1)), "ORG" if m.group(1) in gz.SEATS else "GPE")
        for m in _SEAT_PATTERN.finditer(text)
        if not any(s <= m.start(1) < e for s, e in covered)
    ]
    return raw + extra


def _majority_labels(text: str, raw: list) -> dict[str, str]:
    """One label per surface form in an article: the small model tags one
    agency PERSON, NORP and ORG in three sentences; the majority (ORG on ties,
    news agencies ORG always) wins."""
    votes: dict[str, Counter[str]] = {}
    for (s, e), label in raw:
        votes.setdefault(_surface(text[s:e]), Counter())[label] += 1
    result = {}
    for form, counter in votes.items():
        if form in gz.MEDIA or form in gz.SEATS:
            result[form] = "ORG"
            continue
        ranked = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0] != "ORG"))
        result[form] = ranked[0][0]
    return result


def _person_names(names: Iterable[str]) -> dict[str, str]:
    """Map each short form of a person's name to the longest form in the article."""
    full = sorted({strip_titles(n) for n in names}, key=lambda n: (-len(n.split()), n))
    mapping: dict[str, str] = {}
    for name in full:
        words = name.split()
        target = next(
            (f for f in full if len(f.split()) > len(words) and _is_part_of(words, f.split())),
            name,
        )
        mapping[name] = mapping.get(target, target)
    return mapping


def _is_part_of(short: list[str], long: list[str]) -> bool:
    """'Yoon' is part of 'Yoon Suk Yeol'; 'Rutte' of 'Mark Rutte'."""
    n = len(short)
    return any(long[i : i + n] == short for i in range(len(long) - n + 1))
