"""Markdown, HTML and CSV briefings, built from hand-made stories."""

from __future__ import annotations

import csv
import io
import re
from html import unescape
from html.parser import HTMLParser

import pytest

from storyline.records import Evidence, TimelineEntry
from storyline.render.csv import COLUMNS, render_csv
from storyline.render.html import (
    Mark,
    briefing_csp,
    date_interval,
    date_label,
    evidence_context,
    mark_up,
    render_html,
    safe_url,
    story_view,
    timeline_view,
)
from storyline.render.markdown import md_escape, render_markdown
from test_render_samples import PAYLOADS, harbour_fire_story, hostile_story


class Tags(HTMLParser):
    """Every start tag and attribute of a page, and whether the tags nest properly."""

    VOID = {"meta", "link", "br", "input", "img", "hr", "line", "circle", "rect"}

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)


def parse(page: str) -> Tags:
    tags = Tags()
    tags.feed(page)
    tags.close()
    return tags


# ---------------------------------------------------------------- HTML


def test_html_has_every_section_of_the_story():
    page = render_html([harbour_fire_story()])
    for text in (
        "Chemical plant fire in Harwick harbour",
        "Conflicts and denials",
        "40 workers (Tomas Rieck) vs 120 workers (dockworkers&#39; union)",
        "Claims × outlets",
        "Timeline",
        "Entities",
        "Mayor Ilse Brandt",  # an alias
        "Velmar denies gas leak after quay fire",
        "Nov 2026",  # the Baltic Ledger's month-precision date, not a day
        "radiomeridian.example",  # outlet from the URL host when none is known
    ):
        assert text in page, text
    assert re.search(
        r'<span class="date prec-month" title="precision: month; from text">Nov 2026</span>', page
    )


def test_html_conflicts_come_before_the_matrix_and_timeline():
    page = render_html([harbour_fire_story()])
    assert page.index("Conflicts and denials") < page.index("Claims × outlets") < page.index("<svg")


def test_html_matrix_shows_status_in_words_and_links_each_cell_to_its_evidence_sentence():
    story = harbour_fire_story()
    page = render_html([story])
    tags = parse(page)
    ids = {attrs["id"] for _, attrs in tags.tags if attrs.get("id")}
    cells = re.findall(
        r'<td class="cell st-(\S+)"><a href="#([^"]+)"[^>]*><span aria-hidden="true">.</span> ([a-z ]+)<',
        page,
    )
    assert ("contested", "contested") in {(st, words) for st, _, words in cells}
    assert ("corroborated", "corroborated") in {(st, words) for st, _, words in cells}
    assert all(anchor in ids for _, anchor, _ in cells)
    # the denied claim is "carried as a denial" by the outlets that report the denial
    assert page.count('<td class="cell st-denies">') == 2


def test_html_evidence_anchor_wraps_exactly_the_evidence_sentence():
    story = harbour_fire_story()
    view = story_view(story)
    page = render_html([story])
    claim = story.claims[0]
    evidence = claim.evidence[0]
    article = next(a for a in story.articles if a.id == evidence.article)
    sentence = article.text[evidence.span[0] : evidence.span[1]]
    anchor_id = f"s0-a{view.articles_by_id[article.id].index}-{evidence.span[0]}-{evidence.span[1]}"
    assert re.search(rf'<mark class="ev" id="{anchor_id}"[^>]*>{re.escape(sentence)}</mark>', page)


def test_html_is_well_nested_and_self_contained():
    page = render_html([harbour_fire_story(), hostile_story()])
    tags = parse(page)
    assert tags.errors == []
    assert tags.stack == []
    for tag, attrs in tags.tags:
        assert tag != "link", attrs
        assert not attrs.get("src"), (tag, attrs)
        for name in ("href",):
            value = attrs.get(name) or ""
            assert value.startswith(("#", "https://")) or not value, (tag, value)


def test_html_csp_allows_exactly_its_own_inline_blocks():
    page = render_html([harbour_fire_story()])
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page)
    assert csp and unescape(csp[1]) == briefing_csp()
    assert "default-src 'none'" in briefing_csp()
    assert "unsafe-inline" not in briefing_csp()
    assert len(re.findall(r"sha256-", briefing_csp())) == 2


@pytest.mark.parametrize("payload", PAYLOADS)
def test_html_escapes_hostile_text_everywhere(payload):
    page = render_html([hostile_story()])
    tags = parse(page)
    assert payload not in page
    assert len([t for t, _ in tags.tags if t == "script"]) == 1  # only our own
    assert not any(t in ("iframe", "img", "svg") and "onload" in a or "onerror" in a for t, a in tags.tags)
    assert not any(name.startswith("on") for _, attrs in tags.tags for name in attrs)
    assert "javascript:" not in " ".join(str(a.get("href")) for _, a in tags.tags)


def test_html_orders_stories_by_article_count():
    page = render_html([hostile_story(), harbour_fire_story()])
    assert page.index("<h2>Chemical plant fire") < page.index("<h2>&lt;a href")


# ---------------------------------------------------------------- helpers


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://courier.example/a", "https://courier.example/a"),
        ("http://x.example", "http://x.example"),
        ("javascript:alert(1)", None),
        (" JavaScript:alert(1)", None),
        ("data:text/html,<script>", None),
        ("//evil.example/x", None),
        ("https://", None),
        (None, None),
    ],
)
def test_safe_url_keeps_only_http_links(url, safe):
    assert safe_url(url) == safe


@pytest.mark.parametrize(
    ("value", "label", "days"),
    [
        ("2026-11-19", "19 Nov 2026", 1),
        ("2026-11", "Nov 2026", 30),
        ("2024-02", "Feb 2024", 29),
        ("2026", "2026", 365),
        ("2026-W47", "week 47 of 2026", 7),
        ("2026-Q4", "Q4 2026", 92),
        ("2026-11-19T14:30", "19 Nov 2026 14:30", 1),
        ("PAST_REF", "PAST_REF", None),
        ("2026-13", "2026-13", None),
    ],
)
def test_dates_keep_their_precision(value, label, days):
    assert date_label(value) == label
    interval = date_interval(value)
    assert ((interval[1] - interval[0]).days + 1 if interval else None) == days


def test_timeline_draws_a_dot_for_a_day_and_a_bar_for_a_month():
    view = timeline_view(
        [
            TimelineEntry(date="2026-11-18", claims=(), summary="day"),
            TimelineEntry(date="2026-11", claims=(), summary="month"),
            TimelineEntry(date="someday", claims=(), summary="vague"),
        ]
    )
    by_summary = {r.entry.summary: r for r in view.rows}
    assert by_summary["day"].point and not by_summary["month"].point
    assert by_summary["month"].width > 20 * by_summary["day"].width
    assert [e.summary for e in view.undated] == ["vague"]


def test_timeline_breaks_the_axis_between_far_apart_dates():
    entries = [
        TimelineEntry(date=d, claims=(), summary=d) for d in ("1987", "2026-11-18", "2026-11-19", "2026-11")
    ]
    view = timeline_view(entries)
    assert len(view.breaks) == 1
    x = {r.entry.summary: r.x for r in view.rows}
    assert x["1987"] < view.breaks[0] < x["2026-11"] <= x["2026-11-18"] < x["2026-11-19"]
    assert x["2026-11-19"] - x["2026-11-18"] > 8  # days stay apart, not squashed by 39 years
    near = timeline_view([TimelineEntry(date=d, claims=(), summary=d) for d in ("2026-10-02", "2026-11-19")])
    assert near.breaks == ()


def test_mark_up_nests_crossing_spans_and_escapes():
    text = "<b>Officials said 300 cars</b>"
    html = mark_up(
        text, [Mark(3, 22, "a", id="x"), Mark(13, 26, "b"), Mark(0, 0, "empty"), Mark(5, 999, "out")]
    )
    assert html == (
        '&lt;b&gt;<mark class="a" id="x">Officials <mark class="b">said 300 </mark></mark>'
        '<mark class="b cont">cars</mark>&lt;/b&gt;'
    )
    assert parse(str(html)).errors == []


def test_evidence_context_cuts_at_words():
    text = "one two three four. The sentence here. five six seven eight"
    before, sentence, after = evidence_context(text, (20, 38), width=12)
    assert (before, sentence, after) == ("…three four. ", "The sentence here.", " five six…")
    assert evidence_context(text, (20, 38), width=10)[0] == "…four. "  # "e four. ": the cut word goes


# ---------------------------------------------------------------- Markdown


def test_markdown_has_the_same_sections_and_links_every_claim_to_evidence():
    md = render_markdown([harbour_fire_story()])
    for heading in (
        "## Chemical plant fire in Harwick harbour",
        "### Conflicts and denials",
        "### Articles",
        "### Claims × outlets",
        "### Timeline",
        "### Entities",
        "### Claims",
        "### Evidence",
    ):
        assert heading in md
    refs = set(re.findall(r"\]\(#(s0-e\d+)\)", md))
    anchors = set(re.findall(r'<a id="(s0-e\d+)"></a>', md))
    assert refs == anchors and len(anchors) == sum(len(c.evidence) for c in harbour_fire_story().claims)
    assert "**Nov 2026** (month)" in md
    assert "| ⚠ contested [E1](#s0-e1) |" in md


def test_markdown_escapes_hostile_text():
    md = render_markdown([hostile_story()])
    for payload in PAYLOADS:
        assert payload not in md
    assert not re.search(r"(?<!\\)<(script|img|svg|iframe|a href|b|i)\b", md)
    assert "](javascript" not in md
    assert r"\<script\>window.\_\_pwned=1\</script\>" in md


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("a*b_c", r"a\*b\_c"),
        ("[x](y)", r"\[x\](y)"),
        ("<i>", r"\<i\>"),
        ("a | b", r"a \| b"),
        ("AT&T", r"AT\&T"),
        ("line\n  two", "line two"),
    ],
)
def test_md_escape(text, escaped):
    assert md_escape(text) == escaped


# ---------------------------------------------------------------- CSV


def test_csv_one_row_per_claim_with_evidence_sentences():
    story = harbour_fire_story()
    rows = list(csv.DictReader(io.StringIO(render_csv([story]))))
    assert tuple(rows[0]) == COLUMNS
    assert [r["claim_id"] for r in rows] == [c.id for c in story.claims]
    first = rows[0]
    assert first["status"] == "contested" and first["quantities"] == "40 worker (approx.)"
    assert first["outlets"] == "Harwick Courier"
    assert "Tomas Rieck told reporters on Wednesday." in first["evidence"]
    assert rows[4]["chain"] == "Baltic Ledger"


def test_csv_neutralises_formula_cells():
    story = harbour_fire_story()
    claim = story.claims[0]
    from dataclasses import replace

    evil = replace(story, claims=(replace(claim, text='=HYPERLINK("http://evil.example","x")'),))
    rows = list(csv.DictReader(io.StringIO(render_csv([evil]))))
    assert rows[0]["text"].startswith("'=")


def test_evidence_outside_the_story_is_skipped_not_fatal():
    story = harbour_fire_story()
    from dataclasses import replace

    stray = replace(story.claims[0], evidence=(Evidence(article="missing", span=(0, 5)),))
    odd = replace(story, claims=(stray,))
    assert "At least 40 workers" in render_html([odd])
    assert "At least 40 workers" in render_markdown([odd])
