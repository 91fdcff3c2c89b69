"""The working record of one attribution while the rules build it (mutable, internal)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from storyline.records import Span

if TYPE_CHECKING:
    from spacy.tokens import Token

Kind = Literal["direct", "indirect", "mixed"]


@dataclass(slots=True)
class Draft:
    content: Span
    cue: Span | None
    source: Span | None
    source_head: Token | None
    cue_token: Token | None = None
    kind: Kind = "indirect"
    chain: list[tuple[Span, Token]] = field(default_factory=list)


def overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))
