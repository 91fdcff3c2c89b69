"""One name per person or body across a story's articles.

Within an article ``analyze.entities`` already maps "Yoon" to "Yoon Suk Yeol";
across articles one outlet may write only "Peskov" or spell "Zelenskyy". The
story's names are merged here: a shorter name contained in a longer one, or a
near-identical spelling (rapidfuzz ratio), joins the longer, more used name.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from rapidfuzz import fuzz

from storyline.analyze import gazetteer as gz
from storyline.analyze.entities import strip_titles
from storyline.records import ArticleAnalysis, Claim, Entity, Speaker

# Spelling variants of one name ("Zelensky"/"Zelenskyy", "Kim Jong Un"/"Kim Jong-un")
# score 90+; different people sharing a first name score far lower.
SPELLING_RATIO = 88


def name_map(analyses: Sequence[ArticleAnalysis]) -> dict[str, str]:
    """Every person name used in the story -> the name the story files it under."""
    counts: Counter[str] = Counter(m.name for a in analyses for m in a.entities if m.label == "PERSON")
    counts.update(  # speakers the entity recogniser missed ("Vogt said")
        bare_name(s.name)
        for a in analyses
        for c in a.claims
        for s in (c.speaker, *c.chain)
        if s is not None and s.type == "person"
    )
    ranked = sorted(counts, key=lambda n: (-len(n.split()), -counts[n], n))
    mapping: dict[str, str] = {}
    for name in ranked:
        target = next(
            (t for t in ranked if t != name and _same_person(name, t) and _longer(t, name, counts)), name
        )
        mapping[name] = mapping.get(target, target)
    return mapping


def _longer(a: str, b: str, counts: Counter[str]) -> bool:
    return (len(a.split()), counts[a], a) > (len(b.split()), counts[b], b)


def _same_person(a: str, b: str) -> bool:
    wa, wb = a.split(), b.split()
    if len(wa) < len(wb) and any(wb[i : i + len(wa)] == wa for i in range(len(wb))):
        return True
    return fuzz.ratio(a, b) >= SPELLING_RATIO


def rename_claim(claim: Claim, names: dict[str, str]) -> Claim:
    return replace(
        claim,
        speaker=_rename(claim.speaker, names),
        chain=tuple(_rename(s, names) or s for s in claim.chain),
    )


def _rename(speaker: Speaker | None, names: dict[str, str]) -> Speaker | None:
    if speaker is None:
        return None
    name = bare_name(speaker.name) if speaker.type == "person" else speaker.name
    return replace(speaker, name=names.get(name, name))


def bare_name(name: str) -> str:
    """'Vogt, who leads the fire brigade' -> 'Vogt': a name without its apposition."""
    return name.split(",")[0].strip()


def story_entities(analyses: Sequence[ArticleAnalysis], names: dict[str, str]) -> tuple[Entity, ...]:
    """The story's entities, most mentioned first, with every alias used."""
    mentions: Counter[str] = Counter()
    aliases: dict[str, set[str]] = {}
    labels: dict[str, Counter[str]] = {}
    for analysis in analyses:
        text = analysis.article.text
        for m in analysis.entities:
            name = names.get(m.name, m.name)
            mentions[name] += 1
            written = text[m.span[0] : m.span[1]]
            if _article_before(text, m.span[0]):
                written = "the " + written
            if written.lower() != name.lower():
                aliases.setdefault(name, set()).add(written)
            labels.setdefault(name, Counter())[m.label] += 1
    for analysis in analyses:  # a speaker written "Vogt" is an alias even where NER missed it
        for claim in analysis.claims:
            speaker = claim.speaker
            if speaker is not None and speaker.type == "person" and speaker.name in mentions:
                written = strip_titles(bare_name(speaker.as_written))
                if written.lower() != speaker.name.lower() and written[:1].isupper():
                    aliases.setdefault(speaker.name, set()).add(written)
    return tuple(
        Entity(name=name, type=_entity_type(name, labels[name]), aliases=tuple(sorted(aliases.get(name, ()))))
        for name, _ in sorted(mentions.items(), key=lambda kv: (-kv[1], kv[0]))
    )


def _article_before(text: str, start: int) -> bool:
    return text[max(start - 4, 0) : start].lower() == "the " and (
        text[start : start + 5] in ("North", "South") or text[start:].startswith(tuple(gz.SEATS))
    )


COUNTRIES = frozenset(gz.CAPITALS.values()) | frozenset(gz.ALIASES.values()) | frozenset(gz.DEMONYMS.values())


def _entity_type(name: str, labels: Counter[str]) -> str:
    if name in COUNTRIES:
        return "country"
    label = labels.most_common(1)[0][0]
    if label == "ORG" and (name in gz.MEDIA or set(name.lower().split()) & gz.MEDIA_WORDS):
        return "media"
    return {
        "PERSON": "person",
        "ORG": "organization",
        "GPE": "place",
        "LOC": "place",
        "NORP": "group",
        "FAC": "facility",
    }.get(label, label.lower())
