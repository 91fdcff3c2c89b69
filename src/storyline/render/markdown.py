"""A story as Markdown: the same sections as the HTML briefing, readable as plain text.

Article text is escaped for Markdown (every character CommonMark could read as
markup or raw HTML gets a backslash), so a renderer shows ``<script>`` as text.
Evidence sentences are footnote-style anchors: each claim lists ``[E3]`` links to
an evidence section that quotes the sentence with its context.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import quote

from storyline.records import Claim, Story
from storyline.render.html import (
    STATUS_LABELS,
    StoryView,
    date_label,
    date_precision,
    evidence_context,
    number,
    plural,
    safe_url,
    story_view,
)

# Only what can start markup mid-line: every line we write begins with our own
# prefix, so "-", "#" or "1." inside article text cannot start a list or heading.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|&~])")
_SPACE = re.compile(r"\s+")


def md_escape(text: str | None) -> str:
    """One line of text with every Markdown/HTML-significant character backslash-escaped."""
    return _SPECIAL.sub(r"\\\1", _SPACE.sub(" ", text or "").strip())


def md_url(url: str | None) -> str | None:
    """An http(s) URL safe inside ``(...)``; anything else (``javascript:``...) gives None."""
    safe = safe_url(url)
    return quote(safe, safe=":/?#@!$&'*+,;=%~.-_") if safe else None


def render_markdown(stories: Sequence[Story]) -> str:
    ordered = sorted(stories, key=lambda s: (-len(s.articles), s.id))
    parts = ["# Briefing", ""]
    for i, story in enumerate(ordered):
        parts.extend(_story(story_view(story, index=i)))
    return "\n".join(parts).rstrip() + "\n"


def _status(status: str) -> str:
    sym, words = STATUS_LABELS.get(status, ("?", status))
    return f"{sym} {words}"


def _speaker(claim: Claim) -> str:
    who = md_escape(claim.speaker.name) if claim.speaker else "the outlet"
    if claim.chain:
        who += " via " + " → ".join(md_escape(s.name) for s in claim.chain)
    return who + (f" ({md_escape(claim.cue)})" if claim.cue else "")


def _story(view: StoryView) -> list[str]:
    story = view.story
    refs = _evidence_refs(view)
    lines = [
        f"## {md_escape(story.title)}",
        "",
        f"{plural(len(story.articles), 'article')} · {plural(len(story.claims), 'claim')} · "
        f"{plural(len(story.conflicts), 'conflict')} · story `{md_escape(story.id)}`",
        "",
    ]
    lines += _up_top(view, refs)
    lines += _articles(view)
    lines += _matrix(view, refs)
    lines += _timeline(view)
    lines += _entities(view)
    lines += _claims(view, refs)
    lines += _evidence(view, refs)
    return lines


def _evidence_refs(view: StoryView) -> dict[tuple[str, int], str]:
    """(claim id, evidence index) -> "E7", numbered in claim order."""
    refs: dict[tuple[str, int], str] = {}
    for claim in view.story.claims:
        for k in range(len(claim.evidence)):
            refs[(claim.id, k)] = f"E{len(refs) + 1}"
    return refs


def _anchor(view: StoryView, ref: str) -> str:
    return f"s{view.index}-{ref.lower()}"


def _link(view: StoryView, claim: Claim, k: int, refs: dict[tuple[str, int], str]) -> str:
    ref = refs[(claim.id, k)]
    return f"[{ref}](#{_anchor(view, ref)})"


def _up_top(view: StoryView, refs: dict[tuple[str, int], str]) -> list[str]:
    if not view.conflicts and not view.denials:
        return []
    lines = ["### Conflicts and denials", ""]
    for k in view.conflicts:
        lines.append(f"- **{md_escape(k.kind)} conflict:** {md_escape(k.summary)}")
        for c in k.claims:
            links = " ".join(_link(view, c, j, refs) for j in range(len(c.evidence)))
            lines.append(f"  - {_status(c.status)}: {md_escape(c.text)} ({_speaker(c)}) {links}".rstrip())
    for c in view.denials:
        links = " ".join(_link(view, c, j, refs) for j in range(len(c.evidence)))
        lines.append(f"- **{md_escape(c.kind)}:** {md_escape(c.text)} ({_speaker(c)}) {links}".rstrip())
        for target in c.answers:
            if target in view.claims_by_id:
                lines.append(f"  - answers: {md_escape(view.claims_by_id[target].text)}")
    return lines + [""]


def _articles(view: StoryView) -> list[str]:
    lines = ["### Articles", "", "| Outlet | Date | Title | Link |", "|---|---|---|---|"]
    for a in view.articles:
        url = md_url(a.article.url)
        date = md_escape(a.date) + (" (inferred)" if a.article.published_source == "inferred" else "")
        title = md_escape(a.article.title or a.article.id)
        lines.append(f"| {md_escape(a.outlet)} | {date} | {title} | {f'[original]({url})' if url else ''} |")
    lines.append("")
    for aid, why in view.story.inferences:
        who = view.articles_by_id[aid].outlet if aid in view.articles_by_id else aid
        lines.append(f"- Date of {md_escape(who)} inferred: {md_escape(why)}")
    return lines + ([""] if view.story.inferences else [])


def _matrix(view: StoryView, refs: dict[tuple[str, int], str]) -> list[str]:
    if not view.rows:
        return []
    head = "| Claim | " + " | ".join(md_escape(o) for o in view.outlets) + " |"
    lines = ["### Claims × outlets", "", head, "|---|" + "---|" * len(view.outlets)]
    for row in view.rows:
        cells = []
        for cell in row.cells:
            if cell.state == "reported" and cell.evidence:
                k = row.claim.evidence.index(cell.evidence)
                cells.append(f"{_status(row.claim.status)} {_link(view, row.claim, k, refs)}")
            else:
                cells.append("↯ denial" if cell.state == "denies" else "—")
        lines.append(f"| {md_escape(row.claim.text)} | " + " | ".join(cells) + " |")
    return lines + [""]


def _timeline(view: StoryView) -> list[str]:
    if not view.story.timeline:
        return []
    lines = ["### Timeline", ""]
    for r in view.timeline.rows:
        lines.append(f"- **{md_escape(r.label)}** ({r.precision}): {md_escape(r.entry.summary)}")
    for e in view.timeline.undated:
        lines.append(f"- **{md_escape(e.date)}**: {md_escape(e.summary)}")
    return lines + [""]


def _entities(view: StoryView) -> list[str]:
    if not view.story.entities:
        return []
    lines = ["### Entities", "", "| Name | Type | Also written |", "|---|---|---|"]
    for e in view.story.entities:
        aliases = ", ".join(md_escape(a) for a in e.aliases)
        lines.append(f"| {md_escape(e.name)} | {md_escape(e.type)} | {aliases} |")
    return lines + [""]


def _claims(view: StoryView, refs: dict[tuple[str, int], str]) -> list[str]:
    lines = ["### Claims", ""]
    for n, c in enumerate(view.story.claims, 1):
        links = " ".join(_link(view, c, j, refs) for j in range(len(c.evidence)))
        extra = []
        if c.when:
            extra.append(f"when: {md_escape(date_label(c.when.value))} ({date_precision(c.when.value)})")
        extra += [
            f"{number(q.value)} {md_escape(q.unit)}{' (approx.)' if q.approximate else ''}"
            for q in c.quantities
        ]
        if c.hedged:
            extra.append("hedged")
        tail = f" · {' · '.join(extra)}" if extra else ""
        lines.append(
            f"{n}. **{md_escape(c.text)}** — {md_escape(c.kind)}, {_status(c.status)}, "
            f"{c.independent_sources} independent source{'s' if c.independent_sources != 1 else ''}; "
            f"{_speaker(c)}{tail}. Evidence: {links or 'none'}"
        )
        if c.quote:
            lines.append(f"   > {md_escape(c.quote)}")
    return lines + [""]


def _evidence(view: StoryView, refs: dict[tuple[str, int], str]) -> list[str]:
    lines = ["### Evidence", ""]
    for c in view.story.claims:
        for k, ev in enumerate(c.evidence):
            a = view.articles_by_id.get(ev.article)
            if a is None:
                continue
            before, sentence, after = evidence_context(a.article.text, ev.span)
            ref = refs[(c.id, k)]
            lines.append(
                f'- <a id="{_anchor(view, ref)}"></a>**{ref}** {md_escape(a.outlet)}, {md_escape(a.date)} '
                f"(chars {ev.span[0]}–{ev.span[1]}): {md_escape(before)} **{md_escape(sentence)}** "
                f"{md_escape(after)}"
            )
    return lines + [""]
