"""Quantities: value, bounds, approximation and the counted noun."""

from __future__ import annotations

import pytest

from storyline.analyze.quantities import find_quantities


def first(nlp, text: str):
    found = find_quantities(nlp(text))
    assert found, f"no quantity in {text!r}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "low", "high", "approximate", "unit"),
    [
        ("The army moved 8,000 infantry troops to the border.", 8000, None, None, False, "troop"),
        ("About 300 tanks crossed the river.", 300, None, None, True, "tank"),
        ("More than 2 million people fled the region.", 2_000_000, 2_000_000, None, True, "people"),
        ("Up to 5,000 soldiers could be sent.", 5000, None, 5000, True, "soldier"),
        ("Thousands of containers of shells were shipped.", 2000, 2000, None, True, "container"),
        ("Between 10,000 and 12,000 soldiers were seen.", 10000, 10000, 12000, False, "soldier"),
        ("Dozens of civilians were hurt.", 24, 24, None, True, "civilian"),
    ],
)
def test_quantity_table(nlp, text, value, low, high, approximate, unit):
    q = first(nlp, text)
    assert (q.value, q.low, q.high, q.approximate, q.unit) == (value, low, high, approximate, unit)


def test_partitive_takes_the_unit_of_the_earlier_number(nlp):
    found = find_quantities(nlp("The navy sent 40 warships, with 12 of them already at sea."))
    assert [(q.value, q.unit) for q in found] == [(40, "warship"), (12, "warship")]


def test_counted_phrase_keeps_its_modifiers(nlp):
    q = first(nlp, "The ministry deployed 600 riot police officers.")
    assert q.subject.endswith("police officers")


def test_money_and_percent_units(nlp):
    found = find_quantities(nlp("The fund lost $3.5 million, or 40 percent of its value."))
    assert [(q.value, q.unit) for q in found] == [(3_500_000, "dollar"), (40, "percent")]


def test_numbers_inside_excluded_spans_are_skipped(nlp):
    text = "In 2019 the plant employed 900 workers."
    found = find_quantities(nlp(text), exclude=((3, 7),))
    assert [q.value for q in found] == [900]
