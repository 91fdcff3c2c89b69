"""Publication dates of undated articles, inferred from dated articles reporting the same events."""

from __future__ import annotations

from dataclasses import FrozenInstanceError

import pytest

from storyline.link.dating import Inference, SharedEvent, infer_published
from storyline.records import Article, ArticleAnalysis, Span, Timex


def timex(text: str, words: str, value: str, *, nth: int = 0, type_: str = "DATE") -> Timex:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return Timex(span=(start, start + len(words)), type=type_, value=value)  # type: ignore[arg-type]


def sentence(text: str, words: str) -> Span:
    at = text.index(words)
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return (start, len(text) if end < 0 else end)


# Dated: published Tuesday 2024-03-12.
DATED_TEXT = (
    "The harbour bridge closed on Friday after engineers found cracks, the city said.\n"
    "The port strike began on Monday and spread to two terminals.\n"
    "Officials expect repairs to last a month."
)
DATED = ArticleAnalysis(
    article=Article(id="wire-1", text=DATED_TEXT, published="2024-03-12", published_source="metadata"),
    timexes=(
        timex(DATED_TEXT, "Friday", "2024-03-08"),
        timex(DATED_TEXT, "Monday", "2024-03-11"),
        timex(DATED_TEXT, "a month", "P1M", type_="DURATION"),
    ),
)


def undated(text: str, timexes: tuple[Timex, ...]) -> ArticleAnalysis:
    return ArticleAnalysis(article=Article(id="blog-7", text=text), timexes=timexes)


def bridge_event(text: str) -> SharedEvent:
    return SharedEvent(
        own_sentence=sentence(text, "bridge"),
        other=DATED,
        other_sentence=sentence(DATED_TEXT, "bridge"),
    )


def test_bare_weekday_shared_with_dated_article_gives_earliest_possible_day():
    text = "City officials said the bridge was shut on Friday because of cracks."
    article = undated(text, (timex(text, "Friday", "XXXX-WXX-5"),))
    inference = infer_published(article, [bridge_event(text)])
    assert inference is not None
    assert inference.date == "2024-03-08"
    assert "wire-1" in inference.evidence and "'Friday'" in inference.evidence
    assert "2024-03-08 .. 2024-03-14" in inference.evidence


def test_lede_weekday_is_the_newest_event_and_bounds_the_date_from_below():
    text = (
        "Dock workers walked out on Tuesday, the union said.\n"
        "City officials said the bridge was shut on Friday because of cracks."
    )
    article = undated(text, (timex(text, "Tuesday", "XXXX-WXX-2"), timex(text, "Friday", "XXXX-WXX-5")))
    inference = infer_published(article, [bridge_event(text)])
    assert inference is not None
    assert inference.date == "2024-03-12"
    assert "lede 'Tuesday'" in inference.evidence


def test_yesterday_against_a_dated_weekday_pins_one_day():
    text = "The port strike that began yesterday has spread."
    article = undated(text, (timex(text, "yesterday", "XXXX-XX-XX"),))
    event = SharedEvent(
        own_sentence=sentence(text, "strike"),
        other=DATED,
        other_sentence=sentence(DATED_TEXT, "strike"),
    )
    inference = infer_published(article, [event])
    assert inference == Inference(date="2024-03-12", evidence=inference.evidence)
    assert "published 2024-03-12 .. 2024-03-12" in inference.evidence


def test_two_events_intersect():
    text = (
        "City officials said the bridge was shut on Friday because of cracks.\n"
        "The port strike began last week."
    )
    article = undated(text, (timex(text, "Friday", "XXXX-WXX-5"), timex(text, "last week", "XXXX-WXX")))
    strike = SharedEvent(
        own_sentence=sentence(text, "strike"),
        other=DATED,
        other_sentence=sentence(DATED_TEXT, "strike"),
    )
    inference = infer_published(article, [bridge_event(text), strike])
    # Friday = Mar 8 allows Mar 8..14; "last week" = the week of Mar 11 needs Mar 18..24.
    assert inference is None


def test_last_week_against_a_dated_day():
    text = "The port strike began last week."
    article = undated(text, (timex(text, "last week", "XXXX-WXX"),))
    strike = SharedEvent(
        own_sentence=sentence(text, "strike"),
        other=DATED,
        other_sentence=sentence(DATED_TEXT, "strike"),
    )
    inference = infer_published(article, [strike])
    assert inference is not None and inference.date == "2024-03-18"


def test_no_relative_expression_no_inference():
    text = "City officials said the bridge was shut because of cracks."
    assert infer_published(undated(text, ()), [bridge_event(text)]) is None


def test_absolute_date_in_both_says_nothing_about_publication():
    text = "City officials said the bridge was shut on March 8 because of cracks."
    article = undated(text, (timex(text, "March 8", "XXXX-03-08"),))
    other_text = "The bridge closed on March 8, 2024."
    other = ArticleAnalysis(
        article=Article(id="wire-2", text=other_text, published="2024-03-12"),
        timexes=(timex(other_text, "March 8, 2024", "2024-03-08"),),
    )
    event = SharedEvent(
        own_sentence=sentence(text, "bridge"), other=other, other_sentence=(0, len(other_text))
    )
    # "March 8" resolves to 2024-03-08 from any day near publication: no evidence.
    assert infer_published(article, [event]) is None


def test_dated_article_without_a_date_is_no_evidence():
    text = "City officials said the bridge was shut on Friday because of cracks."
    article = undated(text, (timex(text, "Friday", "XXXX-WXX-5"),))
    no_date = ArticleAnalysis(article=Article(id="x", text=DATED_TEXT), timexes=DATED.timexes)
    event = SharedEvent(
        own_sentence=sentence(text, "bridge"),
        other=no_date,
        other_sentence=sentence(DATED_TEXT, "bridge"),
    )
    assert infer_published(article, [event]) is None
    assert infer_published(article, []) is None


def test_records_are_frozen():
    inference = Inference(date="2024-03-08", evidence="x")
    with pytest.raises(FrozenInstanceError):
        inference.date = "2024-03-09"  # type: ignore[misc]


def test_two_events_narrow_the_days_to_their_overlap():
    text = (
        "City officials said the bridge was shut on Friday because of cracks.\n"
        "The port strike began on Monday."
    )
    article = undated(text, (timex(text, "Friday", "XXXX-WXX-5"), timex(text, "Monday", "XXXX-WXX-1")))
    strike = SharedEvent(
        own_sentence=sentence(text, "strike"),
        other=DATED,
        other_sentence=sentence(DATED_TEXT, "strike"),
    )
    inference = infer_published(article, [bridge_event(text), strike])
    # Friday = Mar 8 allows Mar 8..14, Monday = Mar 11 allows Mar 11..17.
    assert inference is not None and inference.date == "2024-03-11"
    assert "possible days 2024-03-11 .. 2024-03-14" in inference.evidence


def test_a_weekday_still_to_come_is_no_reported_event_for_the_lede():
    text = (
        "Dock workers walked out on Tuesday, the union said.\n"
        "City officials said the bridge was shut on Friday because of cracks.\n"
        "Talks will resume on Thursday."
    )
    article = undated(
        text,
        (
            timex(text, "Tuesday", "XXXX-WXX-2"),
            timex(text, "Friday", "XXXX-WXX-5"),
            timex(text, "Thursday", "XXXX-WXX-4"),
        ),
    )
    inference = infer_published(article, [bridge_event(text)])
    assert inference is not None and inference.date == "2024-03-12"
