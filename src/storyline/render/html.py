"""A story as one self-contained HTML file, and the view of a story the web app shares.

The file makes no network request when opened: its CSS and script are inline and
its own Content-Security-Policy (``default-src 'none'`` plus the hashes of exactly
those two blocks) forbids everything else, so even a payload that slipped past
escaping could neither run nor call home. Every piece of article text goes
through Jinja's autoescape or ``mark_up``, which escapes what it wraps.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from html import escape
from importlib import resources
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from storyline.records import Article, Claim, Evidence, Story, TimelineEntry

# status -> (symbol, words): the matrix shows both, never colour alone
STATUS_LABELS = {
    "corroborated": ("✔", "corroborated"),
    "single-source": ("●", "single source"),
    "contested": ("⚠", "contested"),
    "denied": ("✖", "denied"),
}
DENIAL_KINDS = ("denial", "refusal")
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")


# ---------------------------------------------------------------- small helpers


def safe_url(url: str | None) -> str | None:
    """The URL if it is plain http(s), else None: a ``javascript:`` link never becomes a href."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url.strip()


def outlet_label(article: Article) -> str:
    """What the matrix calls the source of an article: outlet, else host, else its id."""
    if article.outlet:
        return article.outlet
    url = safe_url(article.url)
    if url:
        return urlsplit(url).netloc.removeprefix("www.")
    return f"article {article.id[:8]}"


def date_precision(value: str | None) -> str:
    if not value:
        return "unknown"
    for pattern, name in (
        (_DAY, "day"),
        (_MONTH, "month"),
        (_YEAR, "year"),
        (_WEEK, "week"),
        (_QUARTER, "quarter"),
    ):
        if pattern.match(value):
            return name
    return "vague"


def date_label(value: str | None) -> str:
    """A date as a reader says it, no more precise than it is: "Oct 2024", not "1 Oct 2024"."""
    if not value:
        return "undated"
    if m := _DAY.match(value):
        label = f"{int(m[3])} {MONTHS[int(m[2]) - 1]} {m[1]}" if 1 <= int(m[2]) <= 12 else value
        return label + (f" {value[11:16]}" if len(value) > 11 and value[10] == "T" else "")
    if (m := _MONTH.match(value)) and 1 <= int(m[2]) <= 12:
        return f"{MONTHS[int(m[2]) - 1]} {m[1]}"
    if m := _WEEK.match(value):
        return f"week {int(m[2])} of {m[1]}"
    if m := _QUARTER.match(value):
        return f"Q{m[2]} {m[1]}"
    return value


def date_interval(value: str | None) -> tuple[date, date] | None:
    """The days a date covers, first and last: "2024-10" is the whole of October."""
    if not value:
        return None
    try:
        if m := _DAY.match(value):
            day = date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        if m := _MONTH.match(value):
            first = date(int(m[1]), int(m[2]), 1)
            return first, (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        if m := _YEAR.match(value):
            return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
        if m := _WEEK.match(value):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday, monday + timedelta(days=6)
        if m := _QUARTER.match(value):
            first = date(int(m[1]), 3 * int(m[2]) - 2, 1)
            return first, (first + timedelta(days=93)).replace(day=1) - timedelta(days=1)
    except ValueError:
        return None
    return None


def evidence_context(text: str, span: tuple[int, int], *, width: int = 180) -> tuple[str, str, str]:
    """The sentence with up to ``width`` characters either side, cut at word boundaries."""
    start, end = max(0, span[0]), min(len(text), span[1])
    before = text[max(0, start - width) : start]
    after = text[end : end + width]
    if start - width > 0:
        # drop a word the window cut in two
        if not text[start - width - 1].isspace() and " " in before:
            before = before[before.index(" ") + 1 :]
        before = "…" + before
    if end + width < len(text):
        if not text[end + width].isspace() and " " in after:
            after = after[: after.rindex(" ")]
        after = after.rstrip() + "…"
    return before, text[start:end], after


# ---------------------------------------------------------------- nested markup


@dataclass(frozen=True, slots=True)
class Mark:
    """One stretch of text to wrap in a tag; ``title`` becomes a tooltip (escaped)."""

    start: int
    end: int
    cls: str
    id: str | None = None
    title: str | None = None
    tag: str = "mark"


def mark_up(text: str, marks: Iterable[Mark]) -> Markup:
    """Escaped ``text`` with each mark wrapped in its tag, properly nested.

    Marks that cross are split: the inner one closes and reopens around the
    boundary (only its first piece keeps the id), so any set of analysis spans
    renders as valid HTML.
    """
    n = len(text)
    kept = [m for m in marks if 0 <= m.start < m.end <= n]
    starts: dict[int, list[Mark]] = {}
    for m in kept:
        starts.setdefault(m.start, []).append(m)
    cuts = sorted({0, n, *(m.start for m in kept), *(m.end for m in kept)})
    out: list[str] = []
    stack: list[Mark] = []
    for here, there in zip(cuts, cuts[1:] + [n], strict=True):
        ending = [i for i, m in enumerate(stack) if m.end == here]
        if ending:
            reopen = [m for m in stack[ending[0] :] if m.end != here]
            out.extend(f"</{m.tag}>" for m in reversed(stack[ending[0] :]))
            del stack[ending[0] :]
            for m in reopen:
                out.append(_open(m, first=False))
                stack.append(m)
        for m in sorted(starts.get(here, ()), key=lambda m: -m.end):
            out.append(_open(m, first=True))
            stack.append(m)
        out.append(escape(text[here:there], quote=False))
    out.extend(f"</{m.tag}>" for m in reversed(stack))
    return Markup("".join(out))


def _open(mark: Mark, *, first: bool) -> str:
    attrs = f' class="{escape(mark.cls)}{"" if first else " cont"}"'
    if first and mark.id:
        attrs += f' id="{escape(mark.id)}"'
    if mark.title:
        attrs += f' title="{escape(mark.title)}"'
    return f"<{mark.tag}{attrs}>"


# ---------------------------------------------------------------- the story view


@dataclass(frozen=True, slots=True)
class ArticleView:
    article: Article
    index: int
    outlet: str
    url: str | None
    date: str
    precision: str


@dataclass(frozen=True, slots=True)
class Cell:
    """One claim x outlet cell: ``reported`` (with the evidence it opens), ``denies`` or ``absent``."""

    state: str
    evidence: Evidence | None = None
    count: int = 0


@dataclass(frozen=True, slots=True)
class Row:
    claim: Claim
    cells: tuple[Cell, ...]


@dataclass(frozen=True, slots=True)
class ConflictView:
    kind: str
    summary: str
    claims: tuple[Claim, ...]


@dataclass(frozen=True, slots=True)
class TimelineRow:
    entry: TimelineEntry
    label: str
    precision: str
    x: float
    width: float
    y: float
    point: bool


@dataclass(frozen=True, slots=True)
class TimelineView:
    rows: tuple[TimelineRow, ...]
    undated: tuple[TimelineEntry, ...]
    ticks: tuple[tuple[float, str], ...]
    breaks: tuple[float, ...]  # x of each break in the axis
    width: int
    height: int
    left: int


@dataclass(frozen=True, slots=True)
class StoryView:
    story: Story
    index: int
    articles: tuple[ArticleView, ...]
    outlets: tuple[str, ...]
    rows: tuple[Row, ...]
    conflicts: tuple[ConflictView, ...]
    denials: tuple[Claim, ...]
    timeline: TimelineView
    claims_by_id: dict[str, Claim] = field(default_factory=dict)
    articles_by_id: dict[str, ArticleView] = field(default_factory=dict)

    def outlets_of(self, claim: Claim) -> list[str]:
        seen = {
            self.articles_by_id[e.article].outlet for e in claim.evidence if e.article in self.articles_by_id
        }
        return [o for o in self.outlets if o in seen]


def story_view(story: Story, *, index: int = 0) -> StoryView:
    articles = tuple(_article_view(a, i) for i, a in enumerate(story.articles))
    by_id = {a.article.id: a for a in articles}
    outlets = tuple(dict.fromkeys(a.outlet for a in articles))
    claims = {c.id: c for c in story.claims}
    return StoryView(
        story=story,
        index=index,
        articles=articles,
        outlets=outlets,
        rows=tuple(_row(c, story.claims, outlets, by_id) for c in story.claims),
        conflicts=tuple(
            ConflictView(k.kind, k.summary, tuple(claims[i] for i in k.claims if i in claims))
            for k in story.conflicts
        ),
        # a denial already shown in its conflict is not listed twice
        denials=tuple(
            c
            for c in story.claims
            if (c.kind in DENIAL_KINDS or c.status == "denied")
            and not any(c.id in k.claims for k in story.conflicts)
        ),
        timeline=timeline_view(story.timeline),
        claims_by_id=claims,
        articles_by_id=by_id,
    )


def _article_view(article: Article, index: int) -> ArticleView:
    return ArticleView(
        article=article,
        index=index,
        outlet=outlet_label(article),
        url=safe_url(article.url),
        date=date_label(article.published),
        precision=date_precision(article.published),
    )


def _row(claim: Claim, claims: Sequence[Claim], outlets: Sequence[str], by_id: dict[str, ArticleView]) -> Row:
    reported: dict[str, list[Evidence]] = {}
    for ev in claim.evidence:
        if ev.article in by_id:
            reported.setdefault(by_id[ev.article].outlet, []).append(ev)
    denying = {
        by_id[ev.article].outlet
        for other in claims
        if claim.id in other.answers and other.kind in DENIAL_KINDS
        for ev in other.evidence
        if ev.article in by_id
    }
    cells = []
    for outlet in outlets:
        if outlet in reported:
            cells.append(Cell("reported", reported[outlet][0], len(reported[outlet])))
        elif outlet in denying:
            cells.append(Cell("denies"))
        else:
            cells.append(Cell("absent"))
    return Row(claim, tuple(cells))


def timeline_view(entries: Sequence[TimelineEntry], *, width: int = 760) -> TimelineView:
    """Geometry of the timeline chart: a dot for a day, a bar as long as a month or a year.

    Dates far apart (a 1987 background fact beside last week's events) would squash
    the recent ones into a pixel, so the axis breaks between clusters of dates and
    each cluster gets an equal share of the width; the breaks are drawn.
    """
    left, row_h, top, gap = 120, 24, 28, 18
    dated = [(e, date_interval(e.date)) for e in entries]
    spans = sorted(((e, iv) for e, iv in dated if iv), key=lambda p: (p[1][0], p[1][1]))
    undated = tuple(e for e, iv in dated if iv is None)
    if not spans:
        return TimelineView((), undated, (), (), width, 0, left)
    clusters = _clusters([iv for _, iv in spans])
    share = (width - left - 16 - gap * (len(clusters) - 1)) / len(clusters)
    starts = [left + i * (share + gap) for i in range(len(clusters))]

    def x_of(day: date) -> float:
        i = next(k for k, (lo, hi) in enumerate(clusters) if lo <= day <= hi + timedelta(days=1))
        lo, hi = clusters[i]
        return starts[i] + (day - lo).days * share / ((hi - lo).days + 1)

    rows = []
    for i, (entry, (lo, hi)) in enumerate(spans):
        x = x_of(lo)
        rows.append(
            TimelineRow(
                entry=entry,
                label=date_label(entry.date),
                precision=date_precision(entry.date),
                x=round(x, 1),
                width=round(max(x_of(hi + timedelta(days=1)) - x, 3.0), 1),
                y=top + i * row_h,
                point=lo == hi,
            )
        )
    ticks = []
    for (lo, hi), x0 in zip(clusters, starts, strict=True):
        days = (hi - lo).days + 1
        for d in _tick_days(days)[: max(1, 4 // len(clusters))]:
            ticks.append((round(x0 + d * share / days, 1), _tick_label(lo + timedelta(days=d), days)))
    breaks = tuple(round(x - gap / 2, 1) for x in starts[1:])
    return TimelineView(tuple(rows), undated, tuple(ticks), breaks, width, top + len(rows) * row_h + 8, left)


def _clusters(intervals: Sequence[tuple[date, date]]) -> list[tuple[date, date]]:
    """Runs of intervals (sorted by start) with no gap longer than 60 days or the run itself."""
    runs: list[tuple[date, date]] = []
    for lo, hi in intervals:
        if runs and (lo - runs[-1][1]).days <= max(60, (runs[-1][1] - runs[-1][0]).days):
            runs[-1] = (runs[-1][0], max(runs[-1][1], hi))
        else:
            runs.append((lo, hi))
    return runs


def _tick_label(day: date, days: int) -> str:
    """Ticks no finer than the span needs: years over two years, months over two months."""
    if days > 730:
        return str(day.year)
    return date_label(day.isoformat()[: 7 if days > 60 else 10])


def _tick_days(days: int) -> list[int]:
    if days <= 1:
        return [0]
    step = max(1, days // 4)
    return list(range(0, days, step))[:5]


# ---------------------------------------------------------------- evidence links

Link = Callable[[StoryView, Evidence], str]


def anchor(view: StoryView, evidence: Evidence) -> str:
    """The in-file id of an evidence sentence: indexes, so odd article ids never reach HTML."""
    article = view.articles_by_id.get(evidence.article)
    idx = article.index if article else "x"
    return f"s{view.index}-a{idx}-{evidence.span[0]}-{evidence.span[1]}"


def article_marks(view: StoryView, article: Article) -> list[Mark]:
    """Every evidence sentence of the story in this article, once, with its anchor id."""
    spans: dict[tuple[int, int], list[Claim]] = {}
    for claim in view.story.claims:
        for ev in claim.evidence:
            if ev.article == article.id:
                spans.setdefault(ev.span, []).append(claim)
    return [
        Mark(
            s,
            e,
            "ev",
            anchor(view, Evidence(article=article.id, span=(s, e))),
            "claims: " + "; ".join(c.text for c in claims)[:400],
        )
        for (s, e), claims in sorted(spans.items())
    ]


# ---------------------------------------------------------------- rendering


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("storyline.render", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    install_helpers(env)
    return env


def install_helpers(env: Environment) -> None:
    """The filters and globals the shared story macros need (the web app installs them too)."""
    env.filters["date_label"] = date_label
    env.filters["precision"] = date_precision
    env.filters["number"] = number
    env.filters["plural"] = plural
    env.globals.update(
        STATUS_LABELS=STATUS_LABELS,
        evidence_context=evidence_context,
        mark_up=mark_up,
        article_marks=article_marks,
        anchor=anchor,
        safe_url=safe_url,
    )


def number(value: float | None) -> str:
    """12000.0 as "12,000"; 2.5 as "2.5"."""
    if value is None:
        return ""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0")


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


@cache
def _asset(name: str) -> str:
    return (resources.files("storyline.render") / "templates" / name).read_text(encoding="utf-8")


def _sha256(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode() + "'"


def csp_for(style: str, script: str) -> str:
    """A policy allowing exactly these inline blocks and nothing from anywhere else."""
    return (
        f"default-src 'none'; style-src {_sha256(style)}; script-src {_sha256(script)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )


def briefing_csp() -> str:
    """The policy ``render_html`` writes into its page (a server sends it as the header too)."""
    return csp_for(_asset("briefing.css"), _asset("briefing.js"))


def render_html(stories: Sequence[Story]) -> str:
    """The stories as one self-contained HTML page (most articles first, as the JSON)."""
    ordered = sorted(stories, key=lambda s: (-len(s.articles), s.id))
    style, script = _asset("briefing.css"), _asset("briefing.js")
    views = [story_view(s, index=i) for i, s in enumerate(ordered)]
    return (
        environment()
        .get_template("briefing.html")
        .render(
            views=views,
            style=Markup(style),
            script=Markup(script),
            csp=csp_for(style, script),
            ev_anchor=lambda view, ev: "#" + anchor(view, ev),
            article_anchor=lambda view, a: f"#s{view.index}-a{a.index}",
        )
    )
