"""Boilerplate rules: what is dropped, what is kept, what is kept out of claims."""

from __future__ import annotations

import pytest

from storyline.ingest.boilerplate import clean_paragraphs, drop_reason, kept_out_spans


@pytest.mark.parametrize(
    ("paragraph", "reason"),
    [
        ("Flood barriers on the quay. Lars Holm (CC BY-SA 2.0)", "credit"),
        ("The minister arrives for talks. Photo: Harbour Courier", "credit"),
        ("Protesters gather outside parliament. (AP Photo/Jon Doe)", "credit"),
        ("Firefighters at the scene on Monday. Getty Images", "credit"),
        ("The first map of the moon's surface. (NASA/JPL-Caltech)", "credit"),
        ("Image: a satellite view of the storm", "credit"),
        ("Related article: Ferry strike enters second week", "related"),
        ("Related: Five things to know about the budget", "related"),
        ("[Related: Council votes to close two libraries]", "related"),
        ("READ MORE: Why the port matters to the region", "related"),
        ("See also - Timeline of the crisis", "related"),
        ("AFP contributed reporting.", "contributed"),
        ("Anna Berg and Tom Varga contributed to this report.", "contributed"),
        ("(Reporting by Anna Berg; Editing by Tom Varga)", "contributed"),
        ("Additional reporting by Tom Varga in Oslo.", "contributed"),
        ("Sign up for our morning newsletter.", "prompt"),
        ("Get the latest updates right in your inbox.", "prompt"),
        ("Follow The Harbour Courier on Twitter and Facebook.", "prompt"),
        ("Have a tip? Our reporter may be reached at tips@example.com.", "prompt"),
        ("Share this article", "prompt"),
        ("Advertisement", "prompt"),
        ("12 Comments", "prompt"),
        ("You may also like...", "prompt"),
        ("4 min read", "prompt"),
        ("© 2025 Harbour Courier Ltd. All rights reserved.", "copyright"),
        ("Filed under: Politics | Budget", "taxonomy"),
        ("[button link='/x' type='big']Send us your story[/button]", "prompt"),
        ("&lt;span class='x'&gt;&lt;/span&gt;", "markup"),
        ("Original url: https://example.com/a", "footer"),
    ],
)
def test_dropped(paragraph, reason):
    assert drop_reason(paragraph) == reason


@pytest.mark.parametrize(
    "paragraph",
    [
        "The company said it had continued to sign up subscribers throughout the outage.",
        "Photographers from Reuters and AFP were at the scene when the police arrived on Monday.",
        "The minister said she would follow the committee's advice on the budget.",
        "Related talks in Geneva ended without agreement, diplomats said.",
        "Shares rose 4% after the company said it would share more of its profits with investors.",
        "Readers of the newspaper's weekly newsletter were the first to learn of the plan, its "
        "editor said, adding that the decision had been made by the board in January after months "
        "of talks with unions, city officials and the port authority over jobs and wages.",
        "The city council voted on Tuesday to spend 4.2 million euros on repairs to the bridge.",
    ],
)
def test_kept(paragraph):
    assert drop_reason(paragraph) is None


def test_list_of_links_after_related_header_dropped():
    cleaned = clean_paragraphs(
        [
            "The council met on Monday.",
            "Related:",
            "- Five things to know about the budget",
            "- Who sits on the council",
            "The mayor will speak on Friday.",
        ]
    )
    assert cleaned.text == "The council met on Monday.\n\nThe mayor will speak on Friday."


def test_first_paragraph_repeating_the_title_dropped():
    cleaned = clean_paragraphs(
        ["Bridge to reopen in May", "The bridge will reopen."], title="Bridge to Reopen in May"
    )
    assert cleaned.text == "The bridge will reopen."
    assert cleaned.removed == ("Bridge to reopen in May",)


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        (
            "It was not confirmed. The Daily Planet has reached out to the embassy for comment.",
            ["The Daily Planet has reached out to the embassy for comment."],
        ),
        (
            "The ministry did not immediately respond to a request for comment.\nOther news.",
            ["The ministry did not immediately respond to a request for comment."],
        ),
        ("Officials contacted by the newspaper declined to comment.", []),
        ("He asked for a second vote. It failed.", []),
        ("The firm was contacted for comment", ["The firm was contacted for comment"]),
    ],
)  # fmt: skip
def test_kept_out_spans(text, spans):
    assert [text[start:end] for start, end in kept_out_spans(text)] == spans


def test_kept_out_spans_point_into_the_cleaned_text():
    cleaned = clean_paragraphs(
        [
            "Photo: Jane Doe",
            "The port reopened.",
            "Officials have reached out to the owner for comment.",
        ]
    )
    ((start, end),) = cleaned.kept_out
    assert cleaned.text[start:end] == "Officials have reached out to the owner for comment."
