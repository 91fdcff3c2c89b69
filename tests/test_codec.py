"""Records survive the trip to plain data and back unchanged."""

from __future__ import annotations

from storyline import codec
from storyline.records import (
    Article,
    ArticleAnalysis,
    Attribution,
    Claim,
    Evidence,
    Quantity,
    Speaker,
    Story,
    When,
)


def sample_story() -> Story:
    article = Article(id="a1", text="Officials said 40 ships sailed.", outlet="Courier", published="2025-03")
    speaker = Speaker(name="officials", as_written="Officials", type="anonymous")
    claim = Claim(
        id="c1",
        text="40 ships sailed",
        kind="quantity",
        speaker=speaker,
        chain=(speaker,),
        quantities=(Quantity(span=(15, 23), value=40.0, unit="ship"),),
        when=When(value="2025-03", text="March"),
        evidence=(Evidence(article="a1", span=(0, 31)),),
    )
    return Story(id="s1", title="Ships", articles=(article,), claims=(claim,), inferences=(("a1", "why"),))


def test_story_round_trip_is_equal():
    story = sample_story()
    assert codec.loads(Story, codec.dumps(story)) == story


def test_analysis_round_trip_keeps_tuples_and_optional_spans():
    article = sample_story().articles[0]
    analysis = ArticleAnalysis(
        article=article,
        sentences=((0, 31),),
        attributions=(Attribution(content=(15, 30), source=(0, 9), cue=None, chain=((0, 9),)),),
    )
    back = codec.loads(ArticleAnalysis, codec.dumps(analysis))
    assert back == analysis
    assert isinstance(back.attributions[0].chain[0], tuple)


def test_integer_json_numbers_come_back_as_floats():
    data = codec.to_data(Quantity(span=(0, 1), value=3.0, unit="x"))
    data["value"] = 3
    assert codec.from_data(Quantity, data).value == 3.0
