"""Every record storyline passes between stages, in one readable file.

Records are values: frozen dataclasses, tuples instead of lists, and spans as
``(start, end)`` character offsets into ``Article.text`` (end-exclusive), never
copies of the text. Dates are ISO 8601 strings whose length is their
precision: ``"2024"``, ``"2024-09"``, ``"2024-10-18"``.

This module imports nothing of storyline's, so any stage may import it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Span = tuple[int, int]

PublishedSource = Literal["metadata", "text", "user", "inferred"]
ClaimKind = Literal["assertion", "quantity", "denial", "refusal", "intention", "event"]
ClaimStatus = Literal["corroborated", "single-source", "contested", "denied"]
SpeakerType = Literal["person", "organization", "government", "media", "anonymous", "unknown"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
ConflictKind = Literal["numeric", "denial", "date", "other"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """One news article: its cleaned text and what is known about it."""

    id: str
    text: str
    path: str | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    author: str | None = None
    published: str | None = None
    published_source: PublishedSource | None = None
    # "not-article", "truncated", "wire-copy:<id>" ... what ingest noticed
    flags: tuple[str, ...] = ()
    # character ranges of ``text`` that stay out of claims ("... has reached out for comment")
    boilerplate: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Problem:
    """Something that could not be done for one input, recorded instead of raised."""

    stage: str
    message: str
    path: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class EntityMention:
    span: Span
    label: str  # spaCy label: PERSON, ORG, GPE, NORP ...
    name: str  # canonical name: "Dmitry Peskov", "North Korea"
    type: SpeakerType = "unknown"


@dataclass(frozen=True, slots=True, kw_only=True)
class Timex:
    span: Span
    type: TimexType
    value: str  # TIMEX3 value: "2024-10-18", "P2Y", "PAST_REF"
    mod: str | None = None  # TimeML mod: "APPROX", "MORE_THAN", "START", "MID", "END"


@dataclass(frozen=True, slots=True, kw_only=True)
class Quantity:
    span: Span
    value: float
    low: float | None = None
    high: float | None = None
    approximate: bool = False
    unit: str = ""  # counted noun, singular: "troop"
    # the noun phrase the number counts, as written ("special forces troops")
    subject: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Speaker:
    name: str
    as_written: str
    type: SpeakerType = "unknown"


@dataclass(frozen=True, slots=True, kw_only=True)
class Attribution:
    """Who a stretch of text is attributed to, and through whom."""

    content: Span
    source: Span | None = None
    cue: Span | None = None
    chain: tuple[Span, ...] = ()  # outer sources, outermost first
    speaker: Speaker | None = None
    chain_speakers: tuple[Speaker, ...] = ()  # parallel to chain
    kind: Literal["direct", "indirect", "mixed"] = "indirect"
    hedged: bool = False  # "reportedly", "allegedly", "may" ...


@dataclass(frozen=True, slots=True, kw_only=True)
class When:
    value: str
    text: str
    span: Span | None = None  # the date expression in the claim's article
    event: bool = False  # the date of the reported event, not of the statement


@dataclass(frozen=True, slots=True, kw_only=True)
class Evidence:
    article: str  # article id
    span: Span  # the sentence, offsets into that article's text


@dataclass(frozen=True, slots=True, kw_only=True)
class Claim:
    id: str
    text: str
    kind: ClaimKind
    speaker: Speaker | None = None
    chain: tuple[Speaker, ...] = ()
    cue: str | None = None
    quote: str | None = None
    quantities: tuple[Quantity, ...] = ()
    when: When | None = None
    evidence: tuple[Evidence, ...] = ()
    status: ClaimStatus = "single-source"
    independent_sources: int = 1
    hedged: bool = False
    # claim ids (in the story) this one answers: a denial points at what it denies
    answers: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleAnalysis:
    article: Article
    sentences: tuple[Span, ...] = ()
    entities: tuple[EntityMention, ...] = ()
    timexes: tuple[Timex, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    claims: tuple[Claim, ...] = ()
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Conflict:
    kind: ConflictKind
    claims: tuple[str, ...]
    summary: str


@dataclass(frozen=True, slots=True, kw_only=True)
class TimelineEntry:
    date: str
    claims: tuple[str, ...]
    summary: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Entity:
    name: str
    type: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Story:
    id: str
    title: str
    articles: tuple[Article, ...] = ()
    claims: tuple[Claim, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    entities: tuple[Entity, ...] = ()
    # how publication dates were inferred: article id -> the evidence, in words
    inferences: tuple[tuple[str, str], ...] = ()
