"""Invented news articles for the clustering and batch tests (no tests of its own).

Two events of the same kind (a ferry accident), months and a coast apart,
three articles each from different outlets, and one unrelated article. All
names, places and numbers are made up.
"""

from __future__ import annotations

import re

from storyline.records import Article, ArticleAnalysis, EntityMention

NAMES = {
    "Marisol Queen": "PRODUCT", "Port Alder": "GPE", "Alder Bay": "LOC", "Tomas Erville": "PERSON",
    "Erville": "PERSON", "Northern Coast Guard": "ORG", "Hanna Voss": "PERSON", "Voss": "PERSON",
    "Alder Ferries": "ORG", "Kessing Island": "GPE", "Brightwater Line": "ORG",
    "Silver Gannet": "PRODUCT", "Petra Lindqvist": "PERSON", "Lindqvist": "PERSON",
    "Southern Maritime Authority": "ORG", "Okafor": "PERSON", "Daniel Okafor": "PERSON",
    "Harlow": "GPE", "Treasury": "ORG", "Amira Haddad": "PERSON", "Haddad": "PERSON",
}  # fmt: skip

TEXTS = {
    "alder-1": ("2025-03-14", "Ferry capsizes off Port Alder, dozens rescued",
        "The passenger ferry Marisol Queen capsized in heavy seas off Port Alder on Thursday "
        "evening, and rescuers pulled 46 people from the water, the Northern Coast Guard said. "
        "Captain Tomas Erville was among those rescued. Four passengers are still missing. "
        "The ferry, run by Alder Ferries, was crossing Alder Bay with 52 people on board when "
        "it listed sharply and turned over. Hanna Voss, a coast guard spokeswoman, said divers "
        "would search the hull at first light."),
    "alder-2": ("2025-03-14", "Four missing after Marisol Queen overturns in Alder Bay",
        "Divers from the Northern Coast Guard searched the overturned hull of the Marisol Queen "
        "on Friday for four passengers still missing after the ferry capsized off Port Alder. "
        "Spokeswoman Hanna Voss said 46 of the 52 people aboard had been rescued. Alder Ferries "
        "said the crossing had gone ahead despite a storm warning. Captain Tomas Erville told "
        "investigators a wave struck the ferry broadside."),
    "alder-3": ("2025-03-15", "Alder Ferries suspends crossings after capsizing",
        "Alder Ferries suspended all crossings of Alder Bay on Saturday, two days after its ferry "
        "Marisol Queen capsized off Port Alder. Two bodies were recovered by coast guard divers; "
        "two passengers remain missing, Hanna Voss of the Northern Coast Guard said. Voss said "
        "Captain Erville had been questioned about the storm warning issued before the ferry "
        "left port."),
    "kessing-1": ("2025-08-02", "Ferry runs aground off Kessing Island, passengers evacuated",
        "The Brightwater Line ferry Silver Gannet ran aground on rocks off Kessing Island early "
        "on Saturday and all 230 passengers were taken off by lifeboats, the Southern Maritime "
        "Authority said. Captain Daniel Okafor reported a steering failure minutes before the "
        "ferry struck the reef. Petra Lindqvist, a spokeswoman for the authority, said nobody "
        "was seriously hurt."),
    "kessing-2": ("2025-08-02", "Silver Gannet aground: steering failure blamed",
        "A steering failure drove the Silver Gannet onto a reef off Kessing Island, the "
        "Brightwater Line said on Saturday, after lifeboats evacuated its 230 passengers. Petra "
        "Lindqvist of the Southern Maritime Authority said inspectors would board the ferry "
        "once the tide turned. Captain Okafor said the crew followed every procedure."),
    "kessing-3": ("2025-08-04", "Brightwater Line to refloat Silver Gannet",
        "Salvage crews will try to refloat the ferry Silver Gannet from the reef off Kessing "
        "Island on Tuesday, the Brightwater Line said. The Southern Maritime Authority, whose "
        "spokeswoman Petra Lindqvist confirmed that all 230 passengers were safe, has opened an "
        "inquiry into the steering failure reported by Captain Daniel Okafor."),
    "budget-1": ("2025-03-14", "Harlow council passes budget with new transit levy",
        "The Harlow city council approved next year's budget on Thursday by nine votes to four, "
        "adding a transit levy that will fund two new bus lines. Finance chief Amira Haddad said "
        "the levy would raise money without touching property taxes. Haddad said the Treasury "
        "grant for road repairs had been cut for a second year."),
}  # fmt: skip

STORIES = {"alder": ("alder-1", "alder-2", "alder-3"),
           "kessing": ("kessing-1", "kessing-2", "kessing-3"), "budget": ("budget-1",)}  # fmt: skip


def article(article_id: str) -> Article:
    published, title, text = TEXTS[article_id]
    return Article(id=article_id, text=text, title=title, published=published, outlet="Test Wire")


def analysis(article_id: str) -> ArticleAnalysis:
    """The analysis clustering reads: entity mentions found by name, the publication day."""
    item = article(article_id)
    return ArticleAnalysis(article=item, entities=mentions(item.text))


def mentions(text: str) -> tuple[EntityMention, ...]:
    found = []
    for name in sorted(NAMES, key=len, reverse=True):
        for match in re.finditer(re.escape(name), text):
            span = match.span()
            if not any(a <= span[0] < b for (a, b), _, _ in found):
                found.append((span, NAMES[name], _canonical(name)))
    return tuple(EntityMention(span=s, label=label, name=name) for s, label, name in sorted(found))


def _canonical(name: str) -> str:
    """Surnames to full names, as the analyzer does within an article."""
    full = {"Erville": "Tomas Erville", "Voss": "Hanna Voss", "Lindqvist": "Petra Lindqvist",
            "Okafor": "Daniel Okafor", "Haddad": "Amira Haddad"}  # fmt: skip
    return full.get(name, name)


def all_analyses() -> list[ArticleAnalysis]:
    return [analysis(i) for i in TEXTS]
