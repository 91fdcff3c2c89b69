"""Per-article analysis: ``Article -> ArticleAnalysis``, pure and deterministic.

One spaCy pipeline per process parses the text; entities, dates, quantities,
attributions and claims are read off the parse. A stage that fails for one
article is recorded as a ``Problem`` on that article's analysis; the other
stages and the other articles go on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

from storyline.analyze.attribution import find_attributions
from storyline.analyze.claims import build_claims
from storyline.analyze.entities import find_entities
from storyline.analyze.nlp import load_nlp
from storyline.analyze.quantities import find_quantities
from storyline.analyze.timex import find_timexes
from storyline.records import Article, ArticleAnalysis, Problem
from storyline.settings import Settings

if TYPE_CHECKING:
    from spacy.tokens import Doc

T = TypeVar("T")

__all__ = ["analyze_article", "analyze_articles", "analyze_doc"]


def analyze_articles(articles: Iterable[Article], settings: Settings) -> Iterator[ArticleAnalysis]:
    """Analyses in input order, parsed in batches by one pipeline."""
    nlp = load_nlp(settings.model)
    pairs = ((article.text, article) for article in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=settings.batch_size):
        yield analyze_doc(article, doc)


def analyze_article(article: Article, settings: Settings | None = None) -> ArticleAnalysis:
    return next(analyze_articles([article], settings or Settings()))


def _trimmed(start: int, end: int, text: str) -> tuple[int, int]:
    """A sentence span without the blank lines spaCy leaves around it."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def analyze_doc(article: Article, doc: Doc) -> ArticleAnalysis:
    """Everything storyline reads off one parsed article."""
    problems: list[Problem] = []

    def stage(name: str, run: Callable[[], tuple[T, ...]]) -> tuple[T, ...]:
        try:
            return run()
        except Exception as err:  # one stage failing must not lose the others
            problems.append(Problem(stage=name, message=f"{type(err).__name__}: {err}", path=article.path))
            return ()

    sentences = tuple(_trimmed(s.start_char, s.end_char, article.text) for s in doc.sents if s.text.strip())
    entities = stage("entities", lambda: find_entities(doc))
    timexes = stage("timexes", lambda: find_timexes(doc, article.published))
    dated = tuple(t.span for t in timexes)
    quantities = stage("quantities", lambda: find_quantities(doc, exclude=dated))
    attributions = stage("attributions", lambda: find_attributions(doc, entities))
    claims: tuple[Any, ...] = stage(
        "claims",
        lambda: build_claims(
            article,
            doc,
            sentences=sentences,
            entities=entities,
            timexes=timexes,
            quantities=quantities,
            attributions=attributions,
        ),
    )
    return ArticleAnalysis(
        article=article,
        sentences=sentences,
        entities=entities,
        timexes=timexes,
        quantities=quantities,
        attributions=attributions,
        claims=claims,
        problems=tuple(problems),
    )
