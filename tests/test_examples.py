"""The shipped example story (examples/derailment), end to end, with expectations
written down before the pipeline ran on it.

Four invented articles about one chlorine-train derailment, from four outlets,
in four formats (Markdown with a date line and an "Original url" footer, an
HTML page, undated plain text, a JSON Lines record).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "derailment"
NOISE = (
    "jonas feld",
    "related article",
    "contributed reporting",
    "original url",
    "share this article",
    "newsletter",
    "reached out",
    "cookies",
)


@pytest.fixture(scope="module")
def story(tmp_path_factory, capsys_module=None):
    out = tmp_path_factory.mktemp("brief") / "brief.json"
    assert main(["analyze", str(EXAMPLES), "--no-store", "--format", "json", "--out", str(out)]) == 0
    briefing = json.loads(out.read_text())
    assert briefing["schema"] == "storyline/briefing-v1"
    return max(briefing["stories"], key=lambda s: len(s["articles"]))


def by_stem(story):
    return {Path(a["path"]).stem: a for a in story["articles"]}


def articles_of(story, claim) -> set[str]:
    ids = {e["article"] for e in claim["evidence"]}
    return {stem for stem, a in by_stem(story).items() if a["id"] in ids}


def text(claim) -> str:
    return " ".join([claim["text"]] + [e["sentence"] for e in claim["evidence"]]).lower()


def has_value(claim, value) -> bool:
    return any(abs(q["value"] - value) < 0.5 for q in claim["quantities"])


def test_all_four_articles_form_one_story(story):
    assert set(by_stem(story)) == {
        "01-rhine-valley-courier",
        "02-continental-post",
        "03-europe-wire",
        "04-nordic-daily",
    }


def test_metadata_from_what_each_document_carries(story):
    arts = by_stem(story)
    md, html, jsonl = arts["01-rhine-valley-courier"], arts["02-continental-post"], arts["04-nordic-daily"]
    assert md["title"] == "Chlorine Train Derails Near Kellbach, Thousands Evacuated"
    assert md["published"] == "2025-03-14"
    assert md["url"].startswith("https://www.rhinevalleycourier.example/2025/03/14/")
    assert html["outlet"] == "The Continental Post"
    assert html["published"] == "2025-03-15"
    assert html["title"].startswith("Kellbach derailment: mayor says 4,500 evacuated")
    assert (jsonl["outlet"], jsonl["published"]) == ("Nordic Daily", "2025-03-17")


def test_undated_wire_story_is_dated_from_shared_events(story):
    wire = by_stem(story)["03-europe-wire"]
    assert wire["published"] == "2025-03-14"
    assert wire["published_source"] == "inferred"


def test_rival_evacuation_figures_are_a_numeric_conflict(story):
    claims = {c["id"]: c for c in story["claims"]}
    numeric = [k for k in story["conflicts"] if k["kind"] == "numeric"]
    assert any(
        any(has_value(claims[i], 3000) for i in k["claims"])
        and any(has_value(claims[i], 4500) for i in k["claims"])
        for k in numeric
    )
    fire = [c for c in story["claims"] if has_value(c, 3000)]
    assert any(len(articles_of(story, c)) >= 2 and c["status"] == "contested" for c in fire)


def test_twelve_tank_cars_corroborated_without_conflicting_with_two_leaking(story):
    twelve = [c for c in story["claims"] if has_value(c, 12) and c["kind"] == "quantity"]
    assert any(len(articles_of(story, c)) >= 3 and c["status"] == "corroborated" for c in twelve)
    numeric_ids = {i for k in story["conflicts"] if k["kind"] == "numeric" for i in k["claims"]}
    assert not any(c["id"] in numeric_ids for c in twelve)


def test_operator_denial_conflicts_with_neither_confirmed_nor_denied(story):
    denials = [
        c
        for c in story["claims"]
        if c["kind"] == "denial" and "railcargo" in (c["speaker"] or {}).get("name", "").lower()
    ]
    assert denials
    claims = {c["id"]: c for c in story["claims"]}
    assert any(
        k["kind"] == "denial"
        and {"02-continental-post", "03-europe-wire"}
        <= set().union(*(articles_of(story, claims[i]) for i in k["claims"]))
        for k in story["conflicts"]
    )


def test_agency_report_repeated_by_two_outlets_counts_once(story):
    air = [
        c
        for c in story["claims"]
        if "air quality" in text(c) and any("dpa" in s["name"].lower() for s in c["chain"])
    ]
    assert any(
        articles_of(story, c) >= {"01-rhine-valley-courier", "03-europe-wire"}
        and c["independent_sources"] == 1
        for c in air
    )


def test_surname_speaker_gets_the_full_name_across_articles(story):
    names = {e["name"]: set(e["aliases"]) for e in story["entities"]}
    assert "Vogt" in names.get("Annika Vogt", set())
    assert "Berlin" in names.get("Germany", set())
    wire_vogt = [c for c in story["claims"] if "at least ten days" in text(c)]
    assert wire_vogt and wire_vogt[0]["speaker"]["name"] == "Annika Vogt"


def test_timeline_dates_and_precision(story):
    dates = {t["date"] for t in story["timeline"]}
    assert {"2019", "2025-03", "2025-03-13", "2025-03-14", "2025-03-16", "2025-03-17"} <= dates
    assert [t["date"] for t in story["timeline"]] == sorted(t["date"] for t in story["timeline"])


def test_no_boilerplate_reaches_any_claim(story):
    for claim in story["claims"]:
        assert not any(noise in text(claim) for noise in NOISE), claim["text"]


def test_evidence_offsets_point_at_the_sentence(story):
    # the briefing carries sentence text and offsets; a second run must agree exactly
    for claim in story["claims"]:
        for evidence in claim["evidence"]:
            assert evidence["end"] - evidence["start"] == len(evidence["sentence"])
