"""Attribution: one invented news sentence per construction, read as examples."""

from __future__ import annotations

import pytest

from storyline.analyze.attribution import find_attributions
from storyline.errors import AnalysisError
from storyline.records import Attribution, EntityMention


def entity_mentions(doc) -> tuple[EntityMention, ...]:
    try:
        from storyline.analyze.entities import find_entities
    except ImportError:  # the entity stage is optional here: spaCy's entities, named as written
        return tuple(
            EntityMention(span=(e.start_char, e.end_char), label=e.label_, name=e.text) for e in doc.ents
        )
    return find_entities(doc)


def attribute(nlp, text: str) -> list[dict]:
    doc = nlp(text)
    found = find_attributions(doc, entity_mentions(doc))
    return [readable(text, a) for a in found]


def readable(text: str, a: Attribution) -> dict:
    def cut(span):
        return text[span[0] : span[1]] if span else None

    return {
        "content": cut(a.content),
        "source": cut(a.source),
        "cue": cut(a.cue),
        "chain": [cut(s) for s in a.chain],
        "speaker": a.speaker.name if a.speaker else None,
        "type": a.speaker.type if a.speaker else None,
        "chain_speakers": [(s.name, s.type) for s in a.chain_speakers],
        "kind": a.kind,
        "hedged": a.hedged,
    }


def only(found: list[dict], cue: str) -> dict:
    matches = [a for a in found if a["cue"] == cue]
    assert len(matches) == 1, found
    return matches[0]


# --- direct quotations -----------------------------------------------------------------------


def test_quote_after_speaker_with_colon(nlp):
    a = only(attribute(nlp, "Senator Ann Weller said: “The vote is a disgrace.”"), "said")
    assert a["content"] == "“The vote is a disgrace.”"
    assert a["source"] == "Senator Ann Weller"
    assert a["kind"] == "direct"


def test_quote_before_speaker_inverted_said(nlp):
    text = "“We will rebuild the bridge by spring,” said Maria Lopez, the mayor of Riverton."
    a = only(attribute(nlp, text), "said")
    assert a["content"] == "“We will rebuild the bridge by spring,”"
    assert a["source"] == "Maria Lopez, the mayor of Riverton"
    assert a["kind"] == "direct"


def test_quote_across_sentences_joined_to_one_attribution(nlp):
    text = "“The talks were useful,” the envoy said. “But nothing has been agreed yet.”"
    a = only(attribute(nlp, text), "said")
    assert a["content"] == text
    assert a["kind"] == "direct"


def test_open_ended_quote_runs_on_to_the_next_paragraph(nlp):
    text = (
        "The governor spoke at length.\n\n"
        "“We have lost three harvests in a row, and the farmers cannot wait,” she said. "
        "“The state will pay.\n\n"
        "“Every family will get help before winter.”"
    )
    a = only(attribute(nlp, text), "said")
    assert a["content"].startswith("“We have lost")
    assert a["content"].endswith("before winter.”")


def test_quote_standing_alone_continues_the_previous_speaker(nlp):
    text = (
        "“The strike is over,” union leader Paul Brandt said on Monday.\n\n"
        "“Our members voted to return to work tomorrow morning.”"
    )
    a = only(attribute(nlp, text), "said")
    assert a["content"].endswith("tomorrow morning.”")
    assert a["speaker"] == "Paul Brandt"


def test_bare_speech_verb_takes_the_quote_before_it(nlp):
    a = only(attribute(nlp, "“Nobody expected the storm to turn north.” Lindqvist said."), "said")
    assert a["content"] == "“Nobody expected the storm to turn north.”"
    assert a["source"] == "Lindqvist"


def test_name_and_colon_before_a_quote(nlp):
    a = only(attribute(nlp, "Chief executive Tom Reyes: “We are not for sale.”"), ":")
    assert a["source"] == "Chief executive Tom Reyes"
    assert a["content"] == "“We are not for sale.”"


def test_headline_name_and_colon(nlp):
    a = only(attribute(nlp, "Reyes: Company will not be sold.\n\nThe board met on Friday."), ":")
    assert a["source"] == "Reyes"
    assert a["content"] == "Company will not be sold."


def test_scare_quote_inside_reported_speech_is_mixed(nlp):
    a = only(attribute(nlp, "The minister said the protest was “a foreign plot” and would fail."), "said")
    assert a["kind"] == "mixed"
    assert "“a foreign plot”" in a["content"]


def test_doubled_apostrophes_are_quotation_marks(nlp):
    a = only(attribute(nlp, "''The harbor will stay open,'' said Anna Kovacs, the port director."), "said")
    assert a["content"] == "''The harbor will stay open,''"


# --- reported speech -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cue", "content", "source"),
    [
        (
            "The mayor said the bridge would reopen in May.",
            "said",
            "the bridge would reopen in May",
            "The mayor",
        ),
        (
            "Ms. Park told reporters that the budget was balanced.",
            "told",
            "that the budget was balanced",
            "Ms. Park",
        ),
        (
            "The company claimed that its product was safe.",
            "claimed",
            "that its product was safe",
            "The company",
        ),
        (
            "The ministry denied that soldiers had crossed the border.",
            "denied",
            "that soldiers had crossed the border",
            "The ministry",
        ),
        (
            "Doctors warned that the virus could spread quickly.",
            "warned",
            "that the virus could spread quickly",
            "Doctors",
        ),
        (
            "He added that the talks would resume on Tuesday.",
            "added",
            "that the talks would resume on Tuesday",
            "He",
        ),
        ("The police stated that no one was injured.", "stated", "that no one was injured", "The police"),
        (
            "The airline announced that it would cut 500 jobs.",
            "announced",
            "that it would cut 500 jobs",
            "The airline",
        ),
        (
            "The newspaper reported that the deal had collapsed.",
            "reported",
            "that the deal had collapsed",
            "The newspaper",
        ),
        ("The coach insisted that the team was ready.", "insisted", "that the team was ready", "The coach"),
        (
            "The union accused the owners of breaking the law.",
            "accused",
            "the owners of breaking the law",
            "The union",
        ),
        (
            "The hospital confirmed that two patients had died.",
            "confirmed",
            "that two patients had died",
            "The hospital",
        ),
        (
            "The embassy dismissed the report as propaganda.",
            "dismissed",
            "the report as propaganda",
            "The embassy",
        ),
        (
            "The senator refused to comment on the investigation.",
            "refused",
            "to comment on the investigation",
            "The senator",
        ),
        ("Voters believe the economy is getting worse.", "believe", "the economy is getting worse", "Voters"),
    ],
)
def test_reported_speech_cue_lexicon(nlp, text, cue, content, source):
    a = only(attribute(nlp, text), cue)
    assert (a["content"], a["source"], a["kind"]) == (content, source, "indirect")


def test_parenthetical_said_takes_the_clause_around_it(nlp):
    a = only(attribute(nlp, "The economy, the governor said, is growing faster than expected."), "said")
    assert a["source"] == "the governor"
    assert "is growing faster than expected" in a["content"]


def test_according_to_at_sentence_end(nlp):
    a = only(
        attribute(nlp, "Workers at the plant will be laid off, according to a company statement."),
        "according to",
    )
    assert a["content"] == "Workers at the plant will be laid off"
    assert a["source"] == "a company statement"


def test_according_to_at_sentence_start(nlp):
    a = only(attribute(nlp, "According to the census office, the city grew by 4 percent."), "According to")
    assert a["content"] == "the city grew by 4 percent"
    assert a["source"] == "the census office"


def test_said_in_a_statement(nlp):
    a = only(
        attribute(nlp, "The airline said in a statement that all flights would resume."),
        "said in a statement",
    )
    assert a["content"] == "that all flights would resume"


def test_told_an_outlet_after_the_clause(nlp):
    text = "The strike will continue until wages rise, union leader Paul Brandt told the Herald."
    a = only(attribute(nlp, text), "told")
    assert a["content"] == "The strike will continue until wages rise"
    assert a["source"] == "union leader Paul Brandt"


def test_reportedly_attributes_the_clause_to_no_one(nlp):
    a = only(attribute(nlp, "The company is reportedly planning to close two factories."), "reportedly")
    assert a["source"] is None
    assert a["hedged"]
    assert "planning to close two factories" in a["content"]


# --- chains, outermost first -----------------------------------------------------------------


def test_attribution_nested_chain_quoted_as_saying(nlp):
    text = "Yonhap quoted a government source as saying that engineers could be sent to the border."
    (a,) = attribute(nlp, text)
    assert a["chain"] == ["Yonhap"]
    assert a["source"] == "a government source"
    assert a["type"] == "anonymous"
    assert a["content"] == "that engineers could be sent to the border"


def test_attribution_chain_quote_before_quoted_as_saying(nlp):
    text = (
        "“Engineers could be sent to the border within weeks,” Yonhap quoted a government source as saying."
    )
    (a,) = attribute(nlp, text)
    assert a["content"] == "“Engineers could be sent to the border within weeks,”"
    assert a["chain"] == ["Yonhap"]
    assert a["source"] == "a government source"
    assert a["kind"] == "direct"


def test_attribution_chain_said_according_to_state_media(nlp):
    text = "Finland is a reliable partner, Kremlin spokesman Dmitry Peskov said, according to state media."
    (a,) = attribute(nlp, text)
    assert a["speaker"] == "Dmitry Peskov"
    assert a["chain"] == ["state media"]
    assert a["chain_speakers"] == [("state media", "media")]
    assert a["content"] == "Finland is a reliable partner"


def test_attribution_chain_agency_reported_citing_an_official(nlp):
    (a,) = attribute(nlp, "The agency reported, citing an official, that troops had arrived in the region.")
    assert a["chain"] == ["The agency"]
    assert a["source"] == "an official"
    assert a["type"] == "anonymous"
    assert a["content"] == "that troops had arrived in the region"


def test_according_to_a_source_about_someones_plans_stays_the_sources(nlp):
    text = "The authorities are considering whether to send weapons, according to a government source."
    found = attribute(nlp, text)
    according = only(found, "according to")
    assert according["source"] == "a government source"
    assert according["chain"] == []
    assert "considering whether to send weapons" in according["content"]


# --- speakers --------------------------------------------------------------------------------


def test_pronoun_speaker_resolves_to_the_named_speaker_before(nlp):
    text = (
        "Foreign Minister Elena Vasquez met the delegation. Vasquez said the border would reopen. "
        "She added that trade would resume."
    )
    a = only(attribute(nlp, text), "added")
    assert a["source"] == "She"
    assert a["speaker"] == "Elena Vasquez"
    assert a["type"] == "person"


def test_role_noun_resolves_to_the_named_speaker_before(nlp):
    text = (
        "Port director Anna Kovacs said the harbor would stay open. "
        "The director said ships were waiting offshore."
    )
    found = attribute(nlp, text)
    assert found[-1]["source"] == "The director"
    assert found[-1]["speaker"] == "Anna Kovacs"


def test_role_noun_prefers_the_speaker_introduced_with_that_title(nlp):
    text = (
        "Port director Anna Kovacs met Senator Tom Hale on Monday. Hale said the budget was tight. "
        "The director said ships were waiting offshore. She added that fees would rise."
    )
    found = attribute(nlp, text)
    assert [a["speaker"] for a in found if a["cue"] in ("said", "added")][1:] == [
        "Anna Kovacs",
        "Anna Kovacs",
    ]


def test_the_agency_points_back_at_the_news_agency_named_before(nlp):
    text = "The Tanjug news agency reported that talks began. The agency said officials met on Monday."
    doc = nlp(text)
    mention = EntityMention(span=(4, 10), label="ORG", name="Tanjug", type="media")
    found = find_attributions(doc, (mention,))
    assert [(a.speaker.name, a.speaker.type) for a in found if a.speaker] == [("Tanjug", "media")] * 2


def test_relative_pronoun_source_resolves_to_its_noun(nlp):
    (a,) = attribute(nlp, "Senator John Smith, who said the plan was dead, left early.")
    assert a["source"] == "who"
    assert a["speaker"] == "John Smith"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The country's intelligence agency said the troops had left.", "government"),
        ("The news agency said the troops had left.", "media"),
        ("Officials who asked not to be named said the talks had stalled.", "anonymous"),
        ("A source familiar with the matter said the deal was close.", "anonymous"),
        ("Diplomats said the vote would be delayed.", "anonymous"),
        ("State media reported that the factory had closed.", "media"),
        ("The report said that prices had doubled.", "media"),
        ("Local media said the fire started overnight.", "media"),
        ("The Defense Ministry said it would review the request.", "government"),
        ("The government said the curfew would end.", "government"),
        ("The company said profits had fallen.", "organization"),
        ("The union said its members would strike.", "organization"),
    ],
)
def test_speaker_types_of_unnamed_sources(nlp, text, kind):
    (a,) = attribute(nlp, text)
    assert a["type"] == kind


def test_speaker_takes_the_canonical_name_of_its_entity_mention(nlp):
    text = "Pyongyang dismissed the claims as a groundless rumor."
    doc = nlp(text)
    mention = EntityMention(span=(0, 9), label="GPE", name="North Korea", type="government")
    (a,) = find_attributions(doc, (mention,))
    assert a.speaker is not None
    assert (a.speaker.name, a.speaker.as_written, a.speaker.type) == (
        "North Korea",
        "Pyongyang",
        "government",
    )


def test_surname_speaker_takes_the_full_name_from_its_mention(nlp):
    text = "Kremlin spokesman Dmitry Peskov met reporters. Peskov said the talks were useful."
    doc = nlp(text)
    start = text.index("Peskov said")
    mention = EntityMention(span=(start, start + 6), label="PERSON", name="Dmitry Peskov", type="person")
    (a,) = find_attributions(doc, (mention,))
    assert a.speaker is not None
    assert (a.speaker.name, a.speaker.type) == ("Dmitry Peskov", "person")


def test_capital_city_speaks_for_its_government(nlp):
    (a,) = attribute(nlp, "Moscow said the sanctions were illegal.")
    assert a["type"] == "government"


# --- hedges ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "hedged"),
    [
        ("The minister said the plan could be delayed.", True),
        ("The minister said the plan may be delayed.", True),
        ("The minister allegedly said the plan was delayed.", True),
        ("The minister said the plan was delayed.", False),
    ],
)
def test_hedges_are_kept_on_the_attribution(nlp, text, hedged):
    a = only(attribute(nlp, text), "said")
    assert a["hedged"] is hedged


# --- invariants ------------------------------------------------------------------------------


def test_spans_lie_in_the_text_and_chains_are_parallel(nlp):
    text = (
        "Yonhap quoted a government source as saying troops could be sent. "
        "“It is a rumor,” a spokesman said.\n\n"
        "According to local media, the talks collapsed. He said: “We will respond.”"
    )
    doc = nlp(text)
    found = find_attributions(doc, entity_mentions(doc))
    assert found
    for a in found:
        for span in (a.content, a.source, a.cue, *a.chain):
            if span is not None:
                assert 0 <= span[0] < span[1] <= len(text)
        assert len(a.chain) == len(a.chain_speakers)
    assert [a.content for a in found] == sorted(a.content for a in found)


def test_content_stays_in_the_paragraph_of_its_cue(nlp):
    text = (
        "Soldiers at a checkpoint. [Photo: Lena Hart](#)\n\n"
        "The army may soon move two brigades to the coast, the ministry said on Tuesday."
    )
    a = only(attribute(nlp, text), "said")
    assert a["content"] == "The army may soon move two brigades to the coast"
    assert a["hedged"]


def test_unparsed_document_is_refused_with_a_clear_error(nlp):
    with pytest.raises(AnalysisError, match="dependency parse"):
        find_attributions(nlp.make_doc("The mayor said the bridge would reopen."), ())


def test_empty_document_gives_nothing(nlp):
    assert find_attributions(nlp(""), ()) == ()


def test_text_without_attribution_gives_nothing(nlp):
    assert attribute(nlp, "The river rose two meters overnight and flooded the old town.") == []
