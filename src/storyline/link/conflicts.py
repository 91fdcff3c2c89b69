"""Conflicts between a story's claims: rival numbers and denials.

Numeric: two claims count the same kind of thing with numbers that cannot
both be right, from different original sources. Numbers an order of
magnitude apart, or a part counted "of them", are different subjects (the
whole deployment vs. those already arrived), not rival estimates.

Denial: a denial answers the claim it rejects (linked through ``answers``),
and one outlet reporting a denial while another reports the same actor
"neither confirmed nor denied" is itself a conflict between outlets.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from storyline.analyze.quantities import CURRENCY_WORDS
from storyline.link.actors import same_actor, speaker_state
from storyline.link.align import compatible_values, same_unit
from storyline.link.similarity import Vectors, stem, terms
from storyline.records import Claim, Conflict, Speaker

# Rival estimates of one thing in news are close: 10,000 vs 12,000 troops,
# 200 vs 350 dead. Beyond this ratio the numbers describe different things.
MAX_RIVAL_RATIO = 2.5
# Rival numbers of a generic measure describe one thing in shared words ("turnout
# was 44 percent" vs "turnout stood at 48 percent"); a vote share and a turnout
# share few. Overlap coefficient of the words around the numbers (shared / the
# shorter side), set on the alignment gold set (tests/fixtures/stories).
SAME_SUBJECT_OVERLAP = 0.2
# A denial answers the most similar claim only if they share at least this much
# wording (cosine of the story's TF-IDF vectors); set on the example story, where
# unrelated claims about the same actors score under 0.1.
DENIAL_MIN_COSINE = 0.12


def numeric_conflicts(claims: Sequence[Claim], texts: dict[str, str]) -> list[Conflict]:
    """One conflict per pair of rival numbers, holding every claim that states either."""
    quantity_claims = [c for c in claims if c.kind == "quantity" and c.quantities]
    pairs: dict[tuple[float, float], list[Claim]] = {}
    for n, a in enumerate(quantity_claims):
        for b in quantity_claims[n + 1 :]:
            if _same_subject(a, b) and _rivals(a, b, texts):
                low, high = sorted((a, b), key=lambda c: c.quantities[0].value)
                key = (low.quantities[0].value, high.quantities[0].value)
                group = pairs.setdefault(key, [low, high])
                group.extend(c for c in (low, high) if c not in group)
    return [
        Conflict(
            kind="numeric", claims=tuple(c.id for c in group), summary=_numeric_summary(group[0], group[1])
        )
        for group in pairs.values()
    ]


def _same_subject(a: Claim, b: Claim) -> bool:
    """A specific counted noun (troops, ships, cases) names the subject; a generic
    measure (percent, people, money, a bare number) needs shared words around it."""
    unit = a.quantities[0].unit
    if unit not in GENERIC_UNITS and not _is_currency(unit):
        return True
    words_a, words_b = _context(a), _context(b)
    smaller = min(len(words_a), len(words_b))
    return smaller > 0 and len(words_a & words_b) / smaller >= SAME_SUBJECT_OVERLAP


def _context(claim: Claim) -> set[str]:
    """The words around a number: its own digits and unit left out."""
    unit = {stem(q.unit) for q in claim.quantities}
    return {t for t in terms(claim.text) if not re.fullmatch(r"n[\dp]+", t) and t not in unit}


GENERIC_UNITS = frozenset({"", "percent", "people", "person", "money", "time", "year", "day"})


def _is_currency(unit: str) -> bool:
    return unit in CURRENCY_WORDS


def _rivals(a: Claim, b: Claim, texts: dict[str, str]) -> bool:
    qa, qb = a.quantities[0], b.quantities[0]
    if not qa.unit or not same_unit(qa.unit, qb.unit) or compatible_values(qa, qb):
        return False
    if max(qa.value, qb.value) > MAX_RIVAL_RATIO * max(min(qa.value, qb.value), 1e-9):
        return False
    if _partitive(a, texts) or _partitive(b, texts):
        return False
    return _who(a) != _who(b)


def _partitive(claim: Claim, texts: dict[str, str]) -> bool:
    for evidence in claim.evidence:
        text = texts.get(evidence.article, "")
        for q in claim.quantities:
            tail = text[q.span[1] : q.span[1] + 14].lower()
            if evidence.span[0] <= q.span[0] < evidence.span[1] and re.match(
                r"\s*of\s+(?:them|those|these|whom|which)\b", tail
            ):
                return True
    return False


def _who(claim: Claim) -> str:
    return claim.speaker.name.lower() if claim.speaker else "outlet"


def _numeric_summary(a: Claim, b: Claim) -> str:
    return f"{_number(a)} ({_name(a.speaker)}) vs {_number(b)} ({_name(b.speaker)})"


def _number(claim: Claim) -> str:
    q = claim.quantities[0]
    value = f"{q.value:,.0f}" if float(q.value).is_integer() else f"{q.value:,}"
    return f"{value} {q.unit}".strip()


def _name(speaker: Speaker | None) -> str:
    return speaker.name if speaker else "the outlet"


def link_denials(claims: Sequence[Claim], vectors: Vectors) -> list[Claim]:
    """Set ``answers`` on each denial to the claim it most likely rejects.

    ``vectors`` holds one vector per claim, in the same order.
    """
    result = list(claims)
    for i, denial in enumerate(claims):
        if denial.kind != "denial":
            continue
        target = _target(i, claims, vectors)
        if target is not None:
            result[i] = replace(denial, answers=(claims[target].id,))
    return result


def _target(i: int, claims: Sequence[Claim], vectors: Vectors) -> int | None:
    denial = claims[i]
    denier = speaker_state(denial.speaker)
    accused = _names_of(denial.speaker)
    scored = []
    for j, claim in enumerate(claims):
        if j == i or claim.kind not in ("assertion", "intention", "event"):
            continue
        if same_actor(denial.speaker, claim.speaker) or (denier and speaker_state(claim.speaker) == denier):
            continue  # one does not deny oneself
        cosine = vectors.cosine(i, j)
        if cosine >= DENIAL_MIN_COSINE:
            # accusations name the accused ("the authority had opened the spillway"),
            # and an attributed claim is what denials usually answer ("the South's claims")
            named = any(n in claim.text.lower() for n in accused)
            scored.append((cosine + (0.15 if named else 0.0) + (0.05 if claim.speaker else 0.0), j))
    return max(scored)[1] if scored else None


def _names_of(speaker: Speaker | None) -> list[str]:
    if speaker is None:
        return []
    names = {speaker.name.lower(), speaker.as_written.lower().removeprefix("the ")}
    return [n for n in names if len(n) > 3]


def denial_conflicts(claims: Sequence[Claim]) -> list[Conflict]:
    by_id = {c.id: c for c in claims}
    conflicts = []
    for denial in (c for c in claims if c.kind == "denial"):
        for target_id in denial.answers:
            target = by_id.get(target_id)
            if target is not None:
                conflicts.append(
                    Conflict(
                        kind="denial",
                        claims=(target.id, denial.id),
                        summary=f"{_name(denial.speaker)} denies: {_short(target.text)} "
                        f"({_name(target.speaker)})",
                    )
                )
        for refusal in (c for c in claims if c.kind == "refusal"):
            if same_actor(denial.speaker, refusal.speaker) and _articles(refusal) - _articles(denial):
                conflicts.append(
                    Conflict(
                        kind="denial",
                        claims=(denial.id, refusal.id),
                        summary=f"Reports disagree on {_name(refusal.speaker)}'s response: a denial "
                        f"({_short(denial.text)}) vs neither confirming nor denying "
                        f"({_short(refusal.text)})",
                    )
                )
    return conflicts


def _articles(claim: Claim) -> set[str]:
    return {e.article for e in claim.evidence}


def _short(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def claim_vectors(claims: Sequence[Claim]) -> Vectors:
    return Vectors([terms(c.text) for c in claims])
