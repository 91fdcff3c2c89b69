"""Canonical names within one article: surnames, capitals, seats, directions."""

from __future__ import annotations

import pytest

from storyline.analyze.entities import canonical_name, entity_type, find_entities, strip_titles


def names(nlp, text: str) -> dict[str, str]:
    return {text[m.span[0] : m.span[1]]: m.name for m in find_entities(nlp(text))}


def test_surname_resolves_to_full_name_in_the_same_article(nlp):
    found = names(
        nlp, "Chancellor Olaf Brenner met the press on Monday. Later, Brenner said talks would go on."
    )
    assert found["Brenner"] == "Olaf Brenner"


@pytest.mark.parametrize(
    ("text", "written", "name"),
    [
        ("Pyongyang fired two missiles into the sea, officials said.", "Pyongyang", "North Korea"),
        ("The Kremlin said the talks had been useful.", "Kremlin", "Russia"),
        ("Officials in Kyiv welcomed the decision on Tuesday.", "Kyiv", "Ukraine"),
        ("Washington warned Tehran against further enrichment.", "Tehran", "Iran"),
    ],
)
def test_capitals_and_seats_name_their_state(nlp, text, written, name):
    assert names(nlp, text)[written] == name


def test_the_north_means_the_directional_country_of_the_article(nlp):
    text = (
        "North Korea tested a new rocket engine, South Korea's military said. "
        "Analysts said the North had stepped up its programme."
    )
    found = {text[m.span[0] : m.span[1]]: m.name for m in find_entities(nlp(text))}
    assert found.get("North") == "North Korea"


def test_possessive_and_leading_article_are_not_part_of_the_name(nlp):
    text = "The United States' ambassador met Germany's foreign minister."
    assert "Germany" in {m.name for m in find_entities(nlp(text))}


@pytest.mark.parametrize(
    ("text", "label", "expected"),
    [
        ("U.S.", "GPE", "United States"),
        ("Britain", "GPE", "United Kingdom"),
        ("South Korean", "NORP", "South Korea"),
        ("President Ilona Marsh", "PERSON", "Ilona Marsh"),
        ("White House", "ORG", "United States"),
    ],
)
def test_canonical_name_table(text, label, expected):
    assert canonical_name(text, label) == expected


@pytest.mark.parametrize(
    ("name", "label", "kind"),
    [
        ("Reuters", "ORG", "media"),
        ("The Daily Herald", "ORG", "media"),
        ("Ministry of Defence", "ORG", "government"),
        ("Russia", "GPE", "government"),
        ("Greenpeace", "ORG", "organization"),
        ("Ada Novak", "PERSON", "person"),
    ],
)
def test_entity_type(name, label, kind):
    assert entity_type(name, label) == kind


def test_strip_titles_keeps_at_least_one_word():
    assert strip_titles("Prime Minister Ana Ruiz") == "Ana Ruiz"
    assert strip_titles("President") == "President"
