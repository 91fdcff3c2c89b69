"""A story's claims as CSV, one row per claim, for spreadsheets.

Cells that a spreadsheet would run as a formula (starting ``=``, ``+``, ``-``,
``@``, tab or carriage return) get a leading apostrophe: article text is data.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from storyline.records import Claim, Story
from storyline.render.html import number, outlet_label

COLUMNS = (
    "story_id",
    "claim_id",
    "kind",
    "status",
    "independent_sources",
    "text",
    "speaker",
    "speaker_type",
    "chain",
    "cue",
    "quote",
    "quantities",
    "when",
    "hedged",
    "answers",
    "outlets",
    "evidence",
)
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def render_csv(stories: Sequence[Story]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for story in sorted(stories, key=lambda s: (-len(s.articles), s.id)):
        outlets = {a.id: outlet_label(a) for a in story.articles}
        texts = {a.id: a.text for a in story.articles}
        for claim in story.claims:
            writer.writerow([_cell(v) for v in _row(story, claim, outlets, texts)])
    return out.getvalue()


def _row(story: Story, claim: Claim, outlets: dict[str, str], texts: dict[str, str]) -> list[object]:
    quantities = "; ".join(
        f"{number(q.value)} {q.unit}".strip() + (" (approx.)" if q.approximate else "")
        for q in claim.quantities
    )
    evidence = " | ".join(
        f"{outlets.get(e.article, e.article)}: {texts.get(e.article, '')[e.span[0] : e.span[1]]}"
        for e in claim.evidence
    )
    return [
        story.id,
        claim.id,
        claim.kind,
        claim.status,
        claim.independent_sources,
        claim.text,
        claim.speaker.name if claim.speaker else "",
        claim.speaker.type if claim.speaker else "",
        " > ".join(s.name for s in claim.chain),
        claim.cue or "",
        claim.quote or "",
        quantities,
        claim.when.value if claim.when else "",
        "yes" if claim.hedged else "",
        " ".join(claim.answers),
        "; ".join(dict.fromkeys(outlets.get(e.article, e.article) for e in claim.evidence)),
        evidence,
    ]


def _cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    return value
