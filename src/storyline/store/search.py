"""Full-text search over stories: the same words and matches on every backend.

Text is cut into words here, in Python, for documents and queries alike
(Unicode letters and digits, casefolded, accents dropped), so SQLite FTS5 and
PostgreSQL agree on what a word is. A user's query is never passed as query
syntax: each of its words becomes a quoted prefix term, all of them required.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from storyline.records import Story

_WORD = re.compile(r"[^\W_]+")
# Longer "words" are noise (base64, URLs squashed by cleaning) and PostgreSQL
# rejects lexemes over 2047 bytes.
MAX_WORD = 100
# A query of more words than this is not a search a person typed; cap the work.
MAX_QUERY_WORDS = 32


def words(text: str) -> list[str]:
    """``text`` as search words: "Peskov's Kremlin-backed" -> ["peskov", "s", "kremlin", "backed"]."""
    if text.isascii():  # most news text: nothing to fold but case
        return [w for w in _WORD.findall(text.lower()) if len(w) <= MAX_WORD]
    folded = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in folded if not unicodedata.combining(c))
    return [w for w in _WORD.findall(bare) if len(w) <= MAX_WORD]


def document(story: Story) -> dict[str, str]:
    """A story's searchable text by column, as space-separated words."""
    speakers = [
        name
        for claim in story.claims
        for speaker in (claim.speaker, *claim.chain)
        if speaker is not None
        for name in (speaker.name, speaker.as_written)
    ]
    columns = {
        "title": [story.title, *(a.title or "" for a in story.articles)],
        "claims": [claim.text for claim in story.claims],
        "speakers": speakers,
        "entities": [n for e in story.entities for n in (e.name, *e.aliases)],
    }
    return {col: " ".join(_distinct(w for t in texts for w in words(t))) for col, texts in columns.items()}


def query_words(query: str) -> list[str]:
    return _distinct(words(query))[:MAX_QUERY_WORDS]


def fts5_query(terms: list[str]) -> str:
    """FTS5 MATCH text: every word a quoted prefix term, all required."""
    return " AND ".join(f'"{t}"*' for t in terms)


def tsquery(terms: list[str]) -> str:
    """PostgreSQL tsquery input (cast, not parsed): quoted literal prefix lexemes."""
    return " & ".join(f"'{t}':*" for t in terms)


def lexemes(doc: dict[str, str]) -> list[str]:
    """Every distinct word of a story document: the PostgreSQL tsvector's lexemes."""
    return _distinct(w for text in doc.values() for w in text.split())


def _distinct(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))
