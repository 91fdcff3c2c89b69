"""What story clustering reads off one analysed article: terms, names, days.

An article becomes a bag of content words (title and text, stopwords out), a
bag of named entities by canonical name, and the days it is about: its
publication day and the full dates its text names ("February 5, 2009" as the
analyzer resolved it). Everything else about the analysis is ignored here.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from storyline.records import ArticleAnalysis

# Labels that name who and where a story is about; dates, numbers and money
# are left to the day features or are too common to tell stories apart.
NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
)
_WORD = re.compile(r"[a-z0-9][a-z0-9&'.-]*[a-z0-9]|[a-z0-9]")
_POSSESSIVE = re.compile(r"'s\b")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_STOP = frozenset(STOP_WORDS) | {"said", "says", "told", "mr", "mrs", "ms"}


@dataclass(frozen=True, slots=True)
class ArticleFeatures:
    """One article as the clusterer sees it; counts are plain term -> count pairs."""

    id: str
    terms: tuple[tuple[str, int], ...]
    names: tuple[str, ...]  # distinct entity keys, "e:hugh jackman"
    published: int | None  # proleptic ordinal of the publication day
    days: tuple[int, ...]  # ordinals of full dates the text names, sorted


def article_features(analysis: ArticleAnalysis, words: list[str] | None = None) -> ArticleFeatures:
    article = analysis.article
    words = article_words(analysis) if words is None else words
    return ArticleFeatures(
        id=article.id,
        terms=tuple(sorted(Counter(words).items())),
        names=entity_keys(analysis),
        published=day_ordinal(article.published),
        days=tuple(
            sorted(
                {d for t in analysis.timexes if t.type == "DATE" if (d := day_ordinal(t.value)) is not None}
            )
        ),
    )


def article_words(analysis: ArticleAnalysis) -> list[str]:
    """Content words of the text, then of the title when the text does not open with it."""
    article = analysis.article
    words = content_words(article.text)
    if article.title and not article.text.startswith(article.title):
        words += content_words(article.title)
    return words


def content_words(text: str) -> list[str]:
    """Lower-case words without stopwords; a possessive 's joins its noun."""
    text = _POSSESSIVE.sub("", text.lower().replace("\u2019", "'"))
    text = _THOUSANDS.sub("", text)
    return [w for w in _WORD.findall(text) if w not in _STOP and len(w) > 1]


def entity_keys(analysis: ArticleAnalysis) -> tuple[str, ...]:
    keys = set()
    for mention in analysis.entities:
        if mention.label in NAME_LABELS and (key := name_key(mention.name)):
            keys.add(key)
    return tuple(sorted(keys))


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """'The Kremlin's' and 'the kremlin' are one key."""
    name = " ".join(name.lower().replace("\u2019", "'").split())
    name = re.sub(r"^the\b ?", "", name)
    name = re.sub(r"'s?$", "", name)
    return f"e:{name}" if name else ""


def day_ordinal(value: str | None) -> int | None:
    """The day of an ISO date as an ordinal; None unless it names a whole day."""
    match = _DAY.match(value or "")
    if not match:
        return None
    try:
        return date(*map(int, match.groups())).toordinal()
    except ValueError:
        return None
