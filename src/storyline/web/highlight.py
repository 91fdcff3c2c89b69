"""What the article page highlights: claims, quotes, speakers, dates and quantities.

Marks come from the stored analysis spans (and the story's evidence sentences,
when the article has no analysis of its own); ``render.html.mark_up`` nests them.
"""

from __future__ import annotations

import re
from collections import Counter

from storyline.records import Article, ArticleAnalysis, Claim, Story
from storyline.render.html import Mark, number

KINDS = {
    "hl-claim": "claims",
    "hl-quote": "quotes",
    "hl-speaker": "speakers",
    "hl-date": "dates",
    "hl-qty": "quantities",
}
_SPAN = re.compile(r"^(\d{1,9})-(\d{1,9})$")


def parse_span(value: str, length: int) -> tuple[int, int] | None:
    """``"120-188"`` as a span inside a text of ``length`` characters, else None."""
    m = _SPAN.match(value or "")
    if not m:
        return None
    start, end = int(m[1]), int(m[2])
    return (start, end) if 0 <= start < end <= length else None


def article_marks(
    analysis: ArticleAnalysis | None, story: Story | None, article: Article, target: tuple[int, int] | None
) -> list[Mark]:
    marks: list[Mark] = []
    if target:
        marks.append(Mark(target[0], target[1], "hl-target", id="ev", title="the evidence you opened"))
    claims: dict[tuple[int, int], list[Claim]] = {}
    for claim in _claims(analysis, story, article.id):
        for ev in claim.evidence:
            if ev.article == article.id:
                claims.setdefault(ev.span, []).append(claim)
    for (start, end), found in sorted(claims.items()):
        title = "; ".join(f"claim ({c.kind}, {c.status}): {c.text}" for c in found)
        marks.append(Mark(start, end, "hl-claim", title=title[:500]))
    if analysis:
        marks.extend(_analysis_marks(analysis))
    return marks


def _claims(analysis: ArticleAnalysis | None, story: Story | None, article_id: str) -> list[Claim]:
    found = list(analysis.claims) if analysis else []
    if story:
        found.extend(c for c in story.claims if any(e.article == article_id for e in c.evidence))
    return list({(c.id, c.text): c for c in found}.values())


def _analysis_marks(analysis: ArticleAnalysis) -> list[Mark]:
    marks = []
    for att in analysis.attributions:
        who = att.speaker
        if att.kind in ("direct", "mixed"):
            marks.append(Mark(*att.content, "hl-quote", title=f"quote of {who.name}" if who else "quote"))
        if att.source:
            title = f"speaker: {who.name} ({who.type})" if who else "speaker"
            if att.chain_speakers:
                title += " via " + " → ".join(s.name for s in att.chain_speakers)
            marks.append(Mark(*att.source, "hl-speaker", title=title))
    for t in analysis.timexes:
        marks.append(Mark(*t.span, "hl-date", title=f"{t.type} {t.value}" + (f" ({t.mod})" if t.mod else "")))
    for q in analysis.quantities:
        approx = " approx." if q.approximate else ""
        rng = f" ({number(q.low)}–{number(q.high)})" if q.low is not None and q.high is not None else ""
        marks.append(Mark(*q.span, "hl-qty", title=f"{number(q.value)}{rng} {q.unit}{approx}".strip()))
    return marks


def claims_at(story: Story | None, article_id: str, target: tuple[int, int] | None) -> list[Claim]:
    """The story's claims whose evidence is exactly the highlighted sentence."""
    if story is None or target is None:
        return []
    found = [c for c in story.claims if any(e.article == article_id and e.span == target for e in c.evidence)]
    return list({c.text: c for c in reversed(found)}.values())[::-1]  # one per wording


def counts(marks: list[Mark]) -> dict[str, int]:
    seen = Counter(m.cls for m in marks)
    return {cls: seen.get(cls, 0) for cls in KINDS}
