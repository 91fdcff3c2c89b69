"""One story from the analyses of its articles: the heart of the briefing.

Steps, in order: date undated articles from events they share with dated ones;
harmonise names across articles; align claims into story claims; link denials
to what they deny; find conflicts; set each claim's status; build the timeline
and the entity list.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import replace

from storyline.analyze.claims import attach_when
from storyline.analyze.timex import reanchor
from storyline.link.align import align, members_of, merge, outlet_keys
from storyline.link.conflicts import (
    claim_vectors,
    denial_conflicts,
    link_denials,
    numeric_conflicts,
)
from storyline.link.dating import SharedEvent, infer_published
from storyline.link.names import name_map, rename_claim, story_entities
from storyline.link.timeline import build_timeline
from storyline.records import ArticleAnalysis, Claim, Conflict, Story

TITLE_CHARS = 120


def build_story(analyses: Sequence[ArticleAnalysis]) -> Story:
    """The briefing story of a group of articles about one event."""
    analyses, inferences = date_undated(sorted(analyses, key=_article_order))
    names = name_map(analyses)
    analyses = [replace(a, claims=tuple(rename_claim(c, names) for c in a.claims)) for a in analyses]
    members = members_of(analyses)
    outlets = outlet_keys(analyses)
    claims = [merge([members[i] for i in group], outlets) for group in align(members)]
    vectors = claim_vectors(claims)
    claims = link_denials(claims, vectors)
    texts = {a.article.id: a.article.text for a in analyses}
    conflicts = numeric_conflicts(claims, texts) + denial_conflicts(claims)
    claims = _with_status(claims, conflicts)
    articles = tuple(a.article for a in analyses)
    return Story(
        id=story_id([a.id for a in articles]),
        title=_title(analyses, claims),
        articles=articles,
        claims=tuple(sorted(claims, key=_claim_order)),
        conflicts=tuple(conflicts),
        timeline=build_timeline(claims),
        entities=story_entities(analyses, names),
        inferences=tuple(inferences),
    )


def story_id(article_ids: Sequence[str]) -> str:
    return hashlib.sha1("\n".join(sorted(article_ids)).encode()).hexdigest()[:12]


def date_undated(
    analyses: Sequence[ArticleAnalysis],
) -> tuple[list[ArticleAnalysis], list[tuple[str, str]]]:
    """Give undated articles the publication date their shared events imply."""
    dated = [a for a in analyses if a.article.published]
    result, inferences = [], []
    for analysis in analyses:
        if analysis.article.published or not dated:
            result.append(analysis)
            continue
        inference = infer_published(analysis, shared_events(analysis, dated))
        if inference is None:
            result.append(analysis)
            continue
        result.append(redate(analysis, inference.date))
        inferences.append((analysis.article.id, inference.evidence))
    return result, inferences


def redate(analysis: ArticleAnalysis, published: str) -> ArticleAnalysis:
    article = replace(analysis.article, published=published, published_source="inferred")
    timexes = reanchor(article.text, analysis.timexes, published)
    claims = attach_when(article.text, analysis.claims, timexes)
    return replace(analysis, article=article, timexes=timexes, claims=claims)


def shared_events(undated: ArticleAnalysis, dated: Sequence[ArticleAnalysis]) -> list[SharedEvent]:
    """Sentences of ``undated`` that report what a sentence of a dated article reports."""
    events = []
    for other in dated:
        members = members_of([undated, other])
        for group in align(members):
            own = [members[i] for i in group if members[i].article_id == undated.article.id]
            theirs = [members[i] for i in group if members[i].article_id == other.article.id]
            if own and theirs:
                events.append(
                    SharedEvent(
                        own_sentence=own[0].claim.evidence[0].span,
                        other=other,
                        other_sentence=theirs[0].claim.evidence[0].span,
                    )
                )
    return events


def _with_status(claims: list[Claim], conflicts: list[Conflict]) -> list[Claim]:
    denied = {t for c in claims if c.kind == "denial" for t in c.answers}
    contested = {i for k in conflicts if k.kind == "numeric" for i in k.claims}
    result = []
    for claim in claims:
        if claim.id in denied:
            claim = replace(claim, status="denied")
        elif claim.id in contested:
            claim = replace(claim, status="contested")
        result.append(claim)
    return result


def _title(analyses: Sequence[ArticleAnalysis], claims: Sequence[Claim]) -> str:
    titled = [a.article for a in analyses if a.article.title]
    if titled:
        return titled[0].title or ""
    best = max(claims, key=lambda c: (len(c.evidence), c.speaker is not None), default=None)
    if best is None:
        return "Untitled story"
    text = best.text
    return text if len(text) <= TITLE_CHARS else text[: TITLE_CHARS - 1].rsplit(" ", 1)[0] + "…"


def _article_order(analysis: ArticleAnalysis) -> tuple[str, str]:
    return (analysis.article.published or "9999", analysis.article.id)


def _claim_order(claim: Claim) -> tuple[int, int, str]:
    rank = {"corroborated": 0, "contested": 1, "denied": 2, "single-source": 3}[claim.status]
    return (rank, -len(claim.evidence), claim.id)


__all__ = ["build_story", "date_undated", "shared_events", "story_id"]
