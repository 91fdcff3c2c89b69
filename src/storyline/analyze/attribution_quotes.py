"""Quotation marks in news text: where each quotation starts and ends.

A quotation is one stretch between an opening and a closing mark, curly or
straight. News style leaves the closing mark off a paragraph when the quotation
goes on in the next one, which opens with a fresh mark; such paragraphs are
joined into one quotation.
"""

from __future__ import annotations

import re

from storyline.records import Span

_OPEN = "“"
_CLOSE = "”"
# Straight marks, and the doubled apostrophe some archives (The New York Times) write for them.
_MARKS = re.compile("“|”|\"|''")


def find_quotes(text: str) -> tuple[Span, ...]:
    """Every quotation in ``text``, marks included, multi-paragraph ones joined."""
    pieces: list[tuple[int, int, bool]] = []  # start, end, left open at paragraph end
    start = 0
    for paragraph in text.split("\n"):
        pieces.extend(_paragraph_quotes(paragraph, start))
        start += len(paragraph) + 1
    return tuple(_join_open_ended(text, pieces))


def _paragraph_quotes(paragraph: str, offset: int) -> list[tuple[int, int, bool]]:
    found: list[tuple[int, int, bool]] = []
    opened: int | None = None
    for mark in _MARKS.finditer(paragraph):
        i, char = mark.start(), mark.group()
        if char == _OPEN or (char != _CLOSE and opened is None and _opens(paragraph, i)):
            if opened is not None:  # a second opening mark: the first was never closed
                found.append((offset + opened, offset + _rstrip_end(paragraph, i), True))
            opened = i
        elif opened is not None and char != _OPEN:
            found.append((offset + opened, offset + mark.end(), False))
            opened = None
    if opened is not None and len(paragraph) - opened > 2:
        found.append((offset + opened, offset + _rstrip_end(paragraph, len(paragraph)), True))
    return found


def _opens(paragraph: str, i: int) -> bool:
    """A straight mark opens when it does not follow a word character."""
    return i == 0 or not paragraph[i - 1].isalnum()


def _rstrip_end(paragraph: str, end: int) -> int:
    while end > 0 and paragraph[end - 1].isspace():
        end -= 1
    return end


def _join_open_ended(text: str, pieces: list[tuple[int, int, bool]]) -> list[Span]:
    joined: list[Span] = []
    carry_open = False
    for start, end, left_open in pieces:
        continues = carry_open and joined and text[joined[-1][1] : start].strip() == ""
        if continues:
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
        carry_open = left_open
    return joined
