"""A story as the briefing JSON of spec/briefing.md (schema storyline/briefing-v1).

The contract's field names are kept exactly; extra fields may be added after them.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from storyline.records import Article, ArticleAnalysis, Claim, Evidence, Quantity, Speaker, Story

SCHEMA = "storyline/briefing-v1"


def briefing(stories: Sequence[Story], *, generated_at: datetime | None = None) -> dict[str, Any]:
    """The whole briefing document, stories with the most articles first."""
    moment = (generated_at or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    ordered = sorted(stories, key=lambda s: (-len(s.articles), s.id))
    return {"schema": SCHEMA, "generated_at": moment, "stories": [story_data(s) for s in ordered]}


def dumps(stories: Sequence[Story], *, generated_at: datetime | None = None) -> str:
    return json.dumps(briefing(stories, generated_at=generated_at), ensure_ascii=False, indent=2)


def story_data(story: Story) -> dict[str, Any]:
    texts = {a.id: a.text for a in story.articles}
    return {
        "id": story.id,
        "title": story.title,
        "articles": [article_data(a) for a in story.articles],
        "claims": [claim_data(c, texts) for c in story.claims],
        "conflicts": [
            {"kind": k.kind, "claims": list(k.claims), "summary": k.summary} for k in story.conflicts
        ],
        "timeline": [
            {"date": t.date, "claims": list(t.claims), "summary": t.summary} for t in story.timeline
        ],
        "entities": [{"name": e.name, "type": e.type, "aliases": list(e.aliases)} for e in story.entities],
        "inferences": [{"article": a, "evidence": why} for a, why in story.inferences],
    }


def article_data(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "path": article.path,
        "url": article.url,
        "outlet": article.outlet,
        "title": article.title,
        "published": article.published,
        "published_source": article.published_source,
        "author": article.author,
        "flags": list(article.flags),
    }


def speaker_data(speaker: Speaker | None) -> dict[str, Any] | None:
    if speaker is None:
        return None
    return {"name": speaker.name, "as_written": speaker.as_written, "type": speaker.type}


def quantity_data(quantity: Quantity, text: str) -> dict[str, Any]:
    start, end = quantity.span
    return {
        "value": _number(quantity.value),
        "low": _number(quantity.low),
        "high": _number(quantity.high),
        "approximate": quantity.approximate,
        "unit": quantity.unit,
        "text": text[start:end],
    }


def evidence_data(evidence: Evidence, texts: dict[str, str]) -> dict[str, Any]:
    start, end = evidence.span
    return {
        "article": evidence.article,
        "sentence": texts.get(evidence.article, "")[start:end],
        "start": start,
        "end": end,
    }


def claim_data(claim: Claim, texts: dict[str, str]) -> dict[str, Any]:
    first = claim.evidence[0].article if claim.evidence else ""
    return {
        "id": claim.id,
        "text": claim.text,
        "kind": claim.kind,
        "speaker": speaker_data(claim.speaker),
        "chain": [speaker_data(s) for s in claim.chain],
        "cue": claim.cue,
        "quote": claim.quote,
        "quantities": [quantity_data(q, texts.get(first, "")) for q in claim.quantities],
        "when": {"value": claim.when.value, "text": claim.when.text} if claim.when else None,
        "evidence": [evidence_data(e, texts) for e in claim.evidence],
        "status": claim.status,
        "independent_sources": claim.independent_sources,
        "hedged": claim.hedged,
        "answers": list(claim.answers),
    }


def _number(value: float | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


ANALYSIS_SCHEMA = "storyline/analysis-v1"


def analysis_data(analysis: ArticleAnalysis) -> dict[str, Any]:
    """One article's analysis as spec/analysis.md's JSON object."""
    article = analysis.article
    text = article.text

    def span(s: tuple[int, int]) -> dict[str, Any]:
        return {"start": s[0], "end": s[1], "text": text[s[0] : s[1]]}

    def maybe(s: tuple[int, int] | None) -> dict[str, Any] | None:
        return None if s is None else span(s)

    return {
        "schema": ANALYSIS_SCHEMA,
        "article": {**article_data(article), "text": text},
        "sentences": [list(s) for s in analysis.sentences],
        "entities": [
            {**span(m.span), "type": m.label, "name": m.name, "speaker_type": m.type}
            for m in analysis.entities
        ],
        "timexes": [
            {**span(t.span), "type": t.type, "value": t.value, "mod": t.mod}
            for t in analysis.timexes
        ],
        "quantities": [
            {
                **span(q.span),
                **{k: v for k, v in quantity_data(q, text).items() if k != "text"},
                "subject": q.subject,
            }
            for q in analysis.quantities
        ],
        "attributions": [
            {
                "source": maybe(a.source),
                "cue": maybe(a.cue),
                "content": span(a.content),
                "chain": [span(c) for c in a.chain],
                "speaker": speaker_data(a.speaker),
                "chain_speakers": [speaker_data(s) for s in a.chain_speakers],
                "kind": a.kind,
                "hedged": a.hedged,
            }
            for a in analysis.attributions
        ],
        "claims": [claim_data(c, {article.id: text}) for c in analysis.claims],
        "problems": [{"stage": p.stage, "message": p.message} for p in analysis.problems],
    }
