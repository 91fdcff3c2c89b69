"""Temporal expressions: each rule family, with the publication date as input."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.analyze.timex import find_timexes, reanchor, tag
from storyline.errors import AnalysisError
from storyline.records import Timex

PUBLISHED = "2024-10-22"  # a Tuesday


def one(text: str, published: str | None = PUBLISHED) -> tuple[str, str, str, str | None]:
    """The single timex of ``text`` as (span text, type, value, mod)."""
    found = tag(text, published)
    assert len(found) == 1, [(text[t.span[0] : t.span[1]], t.value) for t in found]
    timex = found[0]
    return text[timex.span[0] : timex.span[1]], timex.type, timex.value, timex.mod


def values(text: str, published: str | None = PUBLISHED) -> list[tuple[str, str]]:
    return [(text[t.span[0] : t.span[1]], t.value) for t in tag(text, published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The agency said on Friday that troops had moved.",
            ("Friday", "DATE", "2024-10-18", None),
        ),
        ("Talks resumed Tuesday in Geneva.", ("Tuesday", "DATE", "2024-10-22", None)),
        (
            "The ministry said on Monday it was reviewing the plan.",
            ("Monday", "DATE", "2024-10-21", None),
        ),
        (
            "The minister will travel to Paris on Thursday.",
            ("Thursday", "DATE", "2024-10-24", None),
        ),
        ("The vote is scheduled for Friday.", ("Friday", "DATE", "2024-10-25", None)),
        ("They meet again next Monday.", ("next Monday", "DATE", "2024-10-28", None)),
        ("The deal collapsed last Tuesday.", ("last Tuesday", "DATE", "2024-10-15", None)),
        ("Sunday's rally drew thousands.", ("Sunday", "DATE", "2024-10-20", None)),
        (
            "Fighting resumed Saturday night near the border.",
            ("Saturday night", "TIME", "2024-10-19TNI", None),
        ),
    ],
)
def test_weekdays_latest_on_or_before_publication_unless_future(text, expected):
    assert one(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prices fell yesterday.", ("yesterday", "DATE", "2024-10-21", None)),
        ("The court rules today.", ("today", "DATE", "2024-10-22", None)),
        ("Results are due tomorrow.", ("tomorrow", "DATE", "2024-10-23", None)),
        ("Sirens sounded last night.", ("last night", "TIME", "2024-10-21TNI", None)),
        ("He spoke this morning.", ("this morning", "TIME", "2024-10-22TMO", None)),
        ("The talks ended late yesterday.", ("late yesterday", "DATE", "2024-10-21", "END")),
    ],
)
def test_deictic_days(text, expected):
    assert one(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Last month, the army moved north.", ("Last month", "DATE", "2024-09", None)),
        ("Sales rose this year.", ("this year", "DATE", "2024", None)),
        ("The summit opens next week.", ("next week", "DATE", "2024-W44", None)),
        ("Inflation eased last year.", ("last year", "DATE", "2023", None)),
        ("Growth slowed over the past year.", ("the past year", "DATE", "2023", None)),
        ("Turnout doubled in the last decade.", ("the last decade", "DATE", "201", None)),
        ("Elections are due next year.", ("next year", "DATE", "2025", None)),
        (
            "Earlier this week, the mayor resigned.",
            ("Earlier this week", "DATE", "2024-W43", "START"),
        ),
        ("The plant opens early next year.", ("early next year", "DATE", "2025", "START")),
        ("Prices peaked late last year.", ("late last year", "DATE", "2023", "END")),
        ("Protests resumed over the weekend.", ("the weekend", "DATE", "2024-W42-WE", None)),
    ],
)
def test_relative_weeks_months_years(text, expected):
    assert one(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Russia invaded Ukraine more than two years ago.",
            ("more than two years ago", "DATE", "2022", "MORE_THAN"),
        ),
        ("The plant closed three weeks ago.", ("three weeks ago", "DATE", "2024-W40", None)),
        ("He left ten days ago.", ("ten days ago", "DATE", "2024-10-12", None)),
        ("The law passed six months ago.", ("six months ago", "DATE", "2024-04", None)),
        ("The mine shut about a decade ago.", ("about a decade ago", "DATE", "2014", "APPROX")),
        ("The firm was founded a few years ago.", ("a few years ago", "DATE", "PAST_REF", None)),
    ],
)
def test_ago_is_a_date_anchored_to_publication(text, expected):
    assert one(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The war began in February 2022.", ("February 2022", "DATE", "2022-02", None)),
        ("The accord was signed on Oct. 3, 2019.", ("Oct. 3, 2019", "DATE", "2019-10-03", None)),
        ("Voting ends on October 30.", ("October 30", "DATE", "2024-10-30", None)),
        ("Talks collapsed on Aug. 14.", ("Aug. 14", "DATE", "2024-08-14", None)),
        ("Results came on 5 March 2021.", ("5 March 2021", "DATE", "2021-03-05", None)),
        ("Polls open on Sunday 27 October.", ("Sunday 27 October", "DATE", "2024-10-27", None)),
        ("It was signed on Sunday 29 October.", ("Sunday 29 October", "DATE", "2023-10-29", None)),
        ("The report, dated 2023-06-30, was leaked.", ("2023-06-30", "DATE", "2023-06-30", None)),
        ("The dam was completed in 1998.", ("1998", "DATE", "1998", None)),
        ("The strike ended in January.", ("January", "DATE", "2024-01", None)),
        ("Parliament reconvenes in December.", ("December", "DATE", "2024-12", None)),
        ("The scheme began in mid-October.", ("mid-October", "DATE", "2024-10", "MID")),
        ("Output recovered in early 2021.", ("early 2021", "DATE", "2021", "START")),
        ("The bonds mature at the end of 2030.", ("the end of 2030", "DATE", "2030", "END")),
        ("He was born in the winter of 1980.", ("the winter of 1980", "DATE", "1980-WI", None)),
        ("Crops failed last winter.", ("last winter", "DATE", "2023-WI", None)),
        ("Crops failed last summer.", ("last summer", "DATE", "2024-SU", None)),
        ("Shops close at Christmas.", ("Christmas", "DATE", "2024-12-25", None)),
        ("Turnout rose on Election Day.", ("Election Day", "DATE", "2024-11-05", None)),
        ("The parade is on Thanksgiving Day.", ("Thanksgiving Day", "DATE", "2024-11-28", None)),
        ("Fiscal 2023 revenue rose.", ("Fiscal 2023", "DATE", "2023", None)),
    ],
)
def test_calendar_dates_keep_the_precision_the_text_gave(text, expected):
    assert one(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cities grew in the 1990s.", ("the 1990s", "DATE", "199", None)),
        ("Music changed in the nineties.", ("the nineties", "DATE", "199", None)),
        ("The early 1980s were hard.", ("The early 1980s", "DATE", "198", "START")),
        ("Wars shaped the 20th century.", ("the 20th century", "DATE", "19", None)),
        (
            "The canal dates from the eighteenth century.",
            ("the eighteenth century", "DATE", "17", None),
        ),
    ],
)
def test_decades_and_centuries(text, expected):
    assert one(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Profit fell in the third quarter.", ("the third quarter", "DATE", "2024-Q3", None)),
        (
            "Profit fell in the fourth quarter of 2023.",
            ("the fourth quarter of 2023", "DATE", "2023-Q4", None),
        ),
        ("Third-quarter sales rose.", ("Third-quarter", "DATE", "2024-Q3", None)),
        ("Revenue in fiscal Q2 was flat.", ("fiscal Q2", "DATE", "2024-Q2", None)),
        ("Costs rose in the first half.", ("the first half", "DATE", "2024-H1", None)),
        ("Losses narrowed in the latest quarter.", ("the latest quarter", "DATE", "2024-Q3", None)),
    ],
)
def test_quarters_fiscal_and_calendar(text, expected):
    assert one(text) == expected


def test_quarter_named_earlier_anchors_the_year_ago_quarter():
    text = "Net income rose in the second quarter, up from $3 million a year earlier."
    assert values(text) == [("the second quarter", "2024-Q2"), ("a year earlier", "2023-Q2")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The siege lasted three years.", ("three years", "DURATION", "P3Y", None)),
        ("He served 18 months in prison.", ("18 months", "DURATION", "P18M", None)),
        ("Talks took a few days.", ("a few days", "DURATION", "PXD", None)),
        ("The project took 2 1/2 years.", ("2 1/2 years", "DURATION", "P2Y6M", None)),
        (
            "Prices doubled in the past five years.",
            ("the past five years", "DURATION", "P5Y", None),
        ),
        (
            "The hearing ran more than four hours.",
            ("more than four hours", "DURATION", "PT4H", "MORE_THAN"),
        ),
        ("A two-hour meeting followed.", ("two-hour", "DURATION", "PT2H", None)),
        ("The war lasted nearly a decade.", ("nearly a decade", "DURATION", "P10Y", "APPROX")),
        ("Repairs take two to three weeks.", ("two to three weeks", "DURATION", "P2W", None)),
        (
            "Negotiators worked for twenty four hours.",
            ("twenty four hours", "DURATION", "PT24H", None),
        ),
        ("He waited a minute and a half.", ("a minute and a half", "DURATION", "PT1M30S", None)),
    ],
)
def test_durations_including_approximate_ones(text, expected):
    assert one(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The blast came at 3:30 p.m. local time.",
            ("3:30 p.m.", "TIME", "2024-10-22T15:30", None),
        ),
        ("Polls close at 8 pm.", ("8 pm", "TIME", "2024-10-22T20:00", None)),
        (
            "The vote will close at noon Thursday.",
            ("noon Thursday", "TIME", "2024-10-24T12:00", None),
        ),
        (
            "The deadline passed at noon Thursday.",
            ("noon Thursday", "TIME", "2024-10-17T12:00", None),
        ),
        (
            "Trading halted at 5 p.m. EST Oct. 18.",
            ("5 p.m. EST Oct. 18", "TIME", "2024-10-18T17:00", None),
        ),
        ("It began around 7:15 a.m.", ("around 7:15 a.m.", "TIME", "2024-10-22T07:15", "APPROX")),
        ("Talks broke up at midday.", ("midday", "TIME", "2024-10-22T12:00", None)),
    ],
)
def test_times_of_day(text, expected):
    assert one(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Troops are now in the region.", ("now", "DATE", "PRESENT_REF", None)),
        ("The agency is currently reviewing it.", ("currently", "DATE", "PRESENT_REF", None)),
        ("Tensions have risen recently.", ("recently", "DATE", "PAST_REF", None)),
        ("Talks may resume in the near future.", ("the near future", "DATE", "FUTURE_REF", None)),
        (
            "Prices will rise in the coming months.",
            ("the coming months", "DATE", "FUTURE_REF", None),
        ),
        ("Such attacks were rare in the past.", ("the past", "DATE", "PAST_REF", None)),
        ("Rates will stay low in the near term.", ("the near term", "DATE", "FUTURE_REF", None)),
    ],
)
def test_present_past_and_future_refs(text, expected):
    assert one(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Flights leave every Monday.", ("every Monday", "SET", "XXXX-WXX-1", None)),
        ("The paper publishes daily.", ("daily", "SET", "P1D", None)),
        ("The board meets each year.", ("each year", "SET", "P1Y", None)),
        ("Inspectors visit twice a year.", ("a year", "SET", "P1Y", None)),
        ("The market opens on Tuesdays.", ("Tuesdays", "SET", "XXXX-WXX-2", None)),
    ],
)
def test_sets(text, expected):
    assert one(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The agency said on Friday.", ("Friday", "DATE", "XXXX-WXX-5", None)),
        ("Last month, prices rose.", ("Last month", "DATE", "XXXX-XX", None)),
        ("Yesterday the vote failed.", ("Yesterday", "DATE", "XXXX-XX-XX", None)),
        (
            "It ended more than two years ago.",
            ("more than two years ago", "DATE", "XXXX", "MORE_THAN"),
        ),
        ("Voting ends on October 30.", ("October 30", "DATE", "XXXX-10-30", None)),
        ("The war began in February 2022.", ("February 2022", "DATE", "2022-02", None)),
        ("Profit fell in the third quarter.", ("the third quarter", "DATE", "XXXX-Q3", None)),
    ],
)
def test_without_publication_date_values_stay_underspecified(text, expected):
    assert one(text, None) == expected


@pytest.mark.parametrize(
    "text",
    [
        "May I ask a question?",
        "North Korea sent 1,500 troops.",
        "About 2000 soldiers crossed.",
        "The 6-year-old boy was rescued.",
        "Three-quarters of voters agreed.",
        "He scored 1994 points in his career.",
        "March on Washington, they said.",
        "A second round of talks failed.",
        "Mr. Lee, 52 years old, resigned.",
        "The plan drew criticism in some quarters.",
        "The plan saves $500 million a year.",
    ],
)
def test_not_temporal(text):
    assert tag(text, PUBLISHED) == ()


def test_a_rate_is_no_duration():
    assert values("He worked 18 hours a day.") == [("18 hours", "PT18H")]


def test_spans_are_offsets_into_the_text():
    text = "On Thursday, officials said troops arrived last week and would stay until March 2025."
    for timex in tag(text, PUBLISHED):
        start, end = timex.span
        assert text[start:end] == text[start:end].strip()
        assert 0 <= start < end <= len(text)
    assert [v for _, v in values(text)] == ["2024-10-17", "2024-W42", "2025-03"]


def test_reanchor_values_again_against_an_inferred_date():
    text = "The agency said on Friday that troops had left last month, more than two years ago."
    undated = tag(text, None)
    assert [t.value for t in undated] == ["XXXX-WXX-5", "XXXX-XX", "XXXX"]
    dated = reanchor(text, undated, "2024-10-21")
    assert [t.value for t in dated] == ["2024-10-18", "2024-09", "2022"]
    assert [t.span for t in dated] == [t.span for t in undated]


def test_reanchor_keeps_a_timex_no_rule_reads():
    text = "It happened in the Year of the Dragon."
    odd = Timex(span=(15, 38), type="DATE", value="XXXX")
    assert reanchor(text, (odd,), "2024-10-21") == (odd,)


def test_find_timexes_reads_the_doc_text(nlp):
    doc = nlp.make_doc("Seoul said on Friday it would act next week.")
    assert [t.value for t in find_timexes(doc, PUBLISHED)] == ["2024-10-18", "2024-W44"]


def test_bad_publication_date_is_a_clear_error():
    with pytest.raises(AnalysisError, match="not an ISO date"):
        tag("on Friday", "22/10/2024")


PIECES = [
    "on Friday", "last month", "more than two years ago", "February 2022", "the third quarter",
    "a year earlier", "early next year", "5 p.m. EST Oct. 18", "the 1990s", "two to three weeks",
    "now", "daily", "Troops moved", "said", "will meet", ",", ".", "\n", "1,500 troops", "May",
    "the past five years", "mid-October", "Tuesday night", "about a decade ago", "the weekend",
]  # fmt: skip


@given(
    st.lists(st.sampled_from(PIECES), max_size=25),
    st.sampled_from([None, "2024-10-22", "1999-01-01", "2030-12-31"]),
)
def test_invariants_spans_in_order_inside_text_and_reanchor_keeps_them(pieces, published):
    text = " ".join(pieces)
    found = tag(text, published)
    ends = 0
    for timex in found:
        start, end = timex.span
        assert ends <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()
        ends = end
    again = reanchor(text, found, "2024-10-21")
    assert [t.span for t in again] == [t.span for t in found]
    assert all(not t.value.startswith("XXXX-XX-XX") for t in again if t.type == "DATE")
