"""Linking across articles with hand-built analyses: alignment, sources, conflicts, timeline."""

from __future__ import annotations

from storyline.link.actors import speaker_state
from storyline.link.align import Member, align, merge, outlet_keys, same_unit
from storyline.link.conflicts import (
    claim_vectors,
    denial_conflicts,
    link_denials,
    numeric_conflicts,
)
from storyline.link.names import name_map, story_entities
from storyline.link.timeline import build_timeline
from storyline.records import (
    Article,
    ArticleAnalysis,
    Claim,
    EntityMention,
    Evidence,
    Quantity,
    Speaker,
    When,
)

FIRE = Speaker(name="Kellbach fire brigade", as_written="the fire brigade", type="government")
MAYOR = Speaker(name="Thomas Reiner", as_written="Mayor Thomas Reiner", type="person")
WIRE = Speaker(name="Nordwire", as_written="Nordwire", type="media")


def article(aid: str, text: str, outlet: str, **kw) -> Article:
    return Article(id=aid, text=text, outlet=outlet, **kw)


def claim(
    cid: str,
    aid: str,
    text: str,
    *,
    kind="assertion",
    speaker=None,
    chain=(),
    qty=None,
    when=None,
    span=(0, 10),
) -> Claim:
    quantities = (qty,) if qty else ()
    return Claim(
        id=cid,
        text=text,
        kind=kind,
        speaker=speaker,
        chain=chain,
        quantities=quantities,
        when=When(value=when, text=when) if when else None,
        evidence=(Evidence(article=aid, span=span),),
    )


def qty(value, unit, span=(0, 5), **kw) -> Quantity:
    return Quantity(span=span, value=value, unit=unit, **kw)


def analysis(a: Article, *claims: Claim, entities=()) -> ArticleAnalysis:
    return ArticleAnalysis(article=a, claims=claims, entities=entities)


def members(*analyses: ArticleAnalysis) -> list[Member]:
    return [Member(a, c) for a in analyses for c in a.claims]


def grouped_ids(ms: list[Member]) -> list[set[str]]:
    return [{ms[i].claim.id for i in g} for g in align(ms)]


def test_paraphrases_from_two_outlets_align_and_unrelated_claims_stay_apart():
    a = analysis(
        article("a", "x" * 50, "Courier"),
        claim("a1", "a", "Twelve tank cars carrying chlorine derailed near Kellbach"),
        claim("a2", "a", "The mayor promised new funding for the school"),
    )
    b = analysis(
        article("b", "x" * 50, "Post"),
        claim("b1", "b", "Twelve chlorine tank cars derailed outside Kellbach on the old line"),
        claim("b2", "b", "Investigators expect a first report within a month"),
    )
    groups = grouped_ids(members(a, b))
    assert {"a1", "b1"} in groups
    assert {"a2"} in groups and {"b2"} in groups


def test_equal_numbers_of_one_kind_of_thing_align():
    a = analysis(
        article("a", "", "Courier"),
        claim("a1", "a", "3,000 residents were evacuated", kind="quantity", qty=qty(3000, "resident")),
    )
    b = analysis(
        article("b", "", "Wire"),
        claim(
            "b1",
            "b",
            "roughly 3,000 people had been evacuated",
            kind="quantity",
            qty=qty(3000, "people", approximate=True),
        ),
    )
    assert {"a1", "b1"} in grouped_ids(members(a, b))


def test_different_numbers_do_not_align():
    a = analysis(
        article("a", "", "Courier"),
        claim("a1", "a", "3,000 residents evacuated", kind="quantity", qty=qty(3000, "resident")),
    )
    b = analysis(
        article("b", "", "Post"),
        claim("b1", "b", "4,500 residents evacuated", kind="quantity", qty=qty(4500, "resident")),
    )
    assert {"a1", "b1"} not in grouped_ids(members(a, b))


def test_a_group_never_holds_two_claims_of_one_article():
    a = analysis(
        article("a", "", "Courier"),
        claim("a1", "a", "Chlorine tank cars derailed near Kellbach"),
        claim("a2", "a", "Chlorine tank cars derailed near Kellbach town"),
    )
    b = analysis(article("b", "", "Post"), claim("b1", "b", "Chlorine tank cars derailed near Kellbach"))
    for group in grouped_ids(members(a, b)):
        assert not {"a1", "a2"} <= group


def test_two_outlets_repeating_one_agency_count_as_one_source():
    a = analysis(article("a", "", "Courier"), claim("a1", "a", "Air is clean", chain=(WIRE,)))
    b = analysis(article("b", "", "Post"), claim("b1", "b", "Air is clean", chain=(WIRE,)))
    merged = merge(members(a, b))
    assert merged.status == "corroborated"
    assert merged.independent_sources == 1
    assert len(merged.evidence) == 2


def test_own_reporting_of_two_outlets_counts_twice():
    a = analysis(article("a", "", "Courier"), claim("a1", "a", "The bridge is closed"))
    b = analysis(article("b", "", "Post"), claim("b1", "b", "The bridge is closed"))
    assert merge(members(a, b)).independent_sources == 2


def test_wire_copy_counts_as_its_original():
    a = analysis(article("a", "", "Courier"), claim("a1", "a", "The bridge is closed"))
    b = analysis(article("b", "", "Post", flags=("wire-copy:a",)), claim("b1", "b", "The bridge is closed"))
    merged = merge(members(a, b), outlet_keys([a, b]))
    assert merged.independent_sources == 1
    assert merged.status == "single-source"  # one outlet's text, twice


def test_rival_estimates_from_different_sources_conflict():
    c1 = claim(
        "c1", "a", "3,000 residents evacuated", kind="quantity", speaker=FIRE, qty=qty(3000, "resident")
    )
    c2 = claim(
        "c2", "b", "4,500 residents evacuated", kind="quantity", speaker=MAYOR, qty=qty(4500, "people")
    )
    conflicts = numeric_conflicts([c1, c2], {})
    assert [k.claims for k in conflicts] == [("c1", "c2")]
    assert "3,000" in conflicts[0].summary and "Thomas Reiner" in conflicts[0].summary


def test_numbers_an_order_of_magnitude_apart_are_different_subjects():
    c1 = claim("c1", "a", "", kind="quantity", speaker=FIRE, qty=qty(12, "car"))
    c2 = claim("c2", "b", "", kind="quantity", speaker=MAYOR, qty=qty(2, "car"))
    assert numeric_conflicts([c1, c2], {}) == []


def test_a_part_counted_of_them_is_no_rival_estimate():
    text = "Twelve cars derailed, 8 of them leaking."
    part = claim(
        "c2", "a", "", kind="quantity", speaker=MAYOR, qty=qty(8, "car", span=(22, 23)), span=(0, len(text))
    )
    whole = claim("c1", "b", "", kind="quantity", speaker=FIRE, qty=qty(12, "car"))
    assert numeric_conflicts([whole, part], {"a": text}) == []


def test_overlapping_range_and_open_bound_do_not_conflict():
    c1 = claim(
        "c1", "a", "", kind="quantity", speaker=FIRE, qty=qty(3000, "resident", low=3000, approximate=True)
    )
    c2 = claim("c2", "b", "", kind="quantity", speaker=MAYOR, qty=qty(4500, "resident"))
    assert numeric_conflicts([c1, c2], {}) == []


def test_denial_answers_the_claim_it_rejects_and_conflicts_with_a_non_denial():
    accused = claim("c1", "a", "The brakes of the train had failed before the crash", speaker=MAYOR)
    other = claim("c2", "a", "Residents returned home on Monday")
    denial = claim(
        "d1",
        "b",
        "Reports that the brakes had failed are pure speculation",
        kind="denial",
        speaker=Speaker(name="Railcargo Logistik", as_written="Railcargo Logistik", type="organization"),
    )
    claims = link_denials([accused, other, denial], claim_vectors([accused, other, denial]))
    assert claims[2].answers == ("c1",)
    assert [k.claims for k in denial_conflicts(claims)] == [("c1", "d1")]


def test_denial_and_neither_confirmed_nor_denied_by_the_same_state_conflict():
    minsk = Speaker(name="Belarus", as_written="Minsk", type="government")
    envoy = Speaker(name="envoy", as_written="a Belarusian envoy", type="person")
    denial = claim("d1", "a", "The reports are a provocation", kind="denial", speaker=envoy)
    refusal = claim(
        "r1", "b", "Minsk has neither confirmed nor denied the reports", kind="refusal", speaker=minsk
    )
    kinds = [(k.kind, k.claims) for k in denial_conflicts([denial, refusal])]
    assert ("denial", ("d1", "r1")) in kinds


def test_speaker_state_reads_demonyms_and_capitals():
    assert speaker_state(Speaker(name="envoy", as_written="a North Korean envoy")) == "North Korea"
    assert speaker_state(Speaker(name="Russia", as_written="the Kremlin")) == "Russia"
    assert speaker_state(Speaker(name="Ada Novak", as_written="Novak")) is None


def test_timeline_keeps_precision_and_orders_oldest_first():
    claims = [
        claim("c1", "a", "The line opened", when="2019"),
        claim("c2", "a", "Drivers warned about brakes", when="2025-03"),
        claim("c3", "a", "The train derailed", when="2025-03-13"),
        claim("c4", "a", "No date here"),
    ]
    timeline = build_timeline(claims)
    assert [t.date for t in timeline] == ["2019", "2025-03", "2025-03-13"]
    assert timeline[2].claims == ("c3",)


def test_story_names_merge_surnames_and_spelling_variants_across_articles():
    def person(name):
        return EntityMention(span=(0, len(name)), label="PERSON", name=name, type="person")

    a = analysis(article("a", "Volodymyr Zelenskyy", "A"), entities=(person("Volodymyr Zelenskyy"),))
    b = analysis(article("b", "Volodymyr Zelensky", "B"), entities=(person("Volodymyr Zelensky"),))
    c = analysis(article("c", "Zelensky", "C"), entities=(person("Zelensky"),))
    mapping = name_map([a, b, c])
    assert mapping["Zelensky"] == mapping["Volodymyr Zelenskyy"] == mapping["Volodymyr Zelensky"]
    entities = story_entities([a, b, c], mapping)
    assert len([e for e in entities if e.type == "person"]) == 1


def test_generic_measures_need_shared_words_to_conflict():
    turnout = claim(
        "c1", "a", "Turnout was 44 percent", kind="quantity", speaker=FIRE, qty=qty(44, "percent")
    )
    share = claim(
        "c2",
        "b",
        "The party won 61 percent of the vote",
        kind="quantity",
        speaker=MAYOR,
        qty=qty(61, "percent"),
    )
    assert numeric_conflicts([turnout, share], {}) == []


def test_unit_classes():
    assert same_unit("troop", "soldier")
    assert not same_unit("troop", "tank")
