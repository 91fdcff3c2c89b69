"""Quotation marks in news text: where each quotation starts and ends.

A quotation is one stretch between an opening and a closing mark, curly or
straight. News style leaves the closing mark off a paragraph when the quotation
goes on in the next one, which opens with a fresh mark; such paragraphs are
joined into one quotation.

A quotation then goes to the attribution whose cue stands beside it ("..., he
said"; "He said: ..."), or whose content it overlaps; a quotation that opens a
sentence right after the previous speaker's words continues them.
"""

from __future__ import annotations

import re

from storyline.analyze.attribution_draft import Draft, overlap
from storyline.records import Span

# A quotation this short inside a sentence is a scare quote, not a quoted statement.
_MIN_QUOTE_WORDS = 4
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


# --- which attribution a quotation belongs to ---------------------------------------------


def attach_quotes(text: str, drafts: list[Draft], quotes: tuple[Span, ...]) -> list[Draft]:
    last: Draft | None = None
    for quote in quotes:
        statement = is_statement(text, quote)
        owner = _quote_owner(text, drafts, quote, statement=statement)
        if owner is not None:
            _merge_quote(owner, quote)
            last = owner
        elif statement and last is not None and _continues(text, last, quote):
            last.content = (last.content[0], max(last.content[1], quote[1]))
            last.kind = "direct" if last.kind == "direct" else "mixed"
    return drafts


def is_statement(text: str, quote: Span) -> bool:
    """A quotation of someone's words, not a scare quote: long, or a sentence of its own."""
    if len(text[quote[0] : quote[1]].split()) >= _MIN_QUOTE_WORDS:
        return True
    before = text[max(0, quote[0] - 3) : quote[0]].rstrip(" ")
    return before == "" or before[-1] in ".!?\n:"


def _quote_owner(text: str, drafts: list[Draft], quote: Span, *, statement: bool) -> Draft | None:
    best, best_overlap = None, 0
    for draft in drafts:
        shared = overlap(draft.content, quote)
        outside = draft.cue is not None and overlap(draft.cue, quote) == 0
        if shared > max(best_overlap, 2) and outside:  # more than a shared quotation mark
            best, best_overlap = draft, shared
    if best is not None or not statement:
        return best
    for draft in drafts:  # '"...," he said', 'He said: "..."', 'He said, "..."'
        if draft.cue is not None and _beside(text, draft, quote):
            return draft
    return None


def _beside(text: str, draft: Draft, quote: Span) -> bool:
    """The quotation sits right after the cue or right before the speaker, and is not yet reported."""
    cue = draft.cue
    assert cue is not None
    has_content = draft.content[1] > draft.content[0]
    if has_content and min(abs(draft.content[1] - quote[0]), abs(quote[1] - draft.content[0])) > 3:
        return False
    if cue[1] <= quote[0] <= cue[1] + 3 and text[cue[1] : quote[0]].strip() in ("", ":", ","):
        return True
    # the reporting phrase starts at the cue, its source or an outer source ("Yonhap quoted X as saying")
    speaker_start = min([cue[0]] + [span[0] for span in (draft.source, *(s for s, _ in draft.chain)) if span])
    return quote[1] <= speaker_start <= quote[1] + 3 and text[quote[1] : speaker_start].strip() in ("", ",")


def _merge_quote(draft: Draft, quote: Span) -> None:
    content = draft.content
    if content[0] == content[1]:
        draft.content, draft.kind = quote, "direct"
        return
    inside = content[0] >= quote[0] - 2 and content[1] <= quote[1] + 2
    if inside or overlap(content, quote) >= 0.5 * (content[1] - content[0]):
        draft.content = (min(content[0], quote[0]), max(content[1], quote[1])) if not inside else quote
        draft.kind = "direct"
    elif quote[0] < content[0] or quote[1] > content[1]:
        draft.content = (min(content[0], quote[0]), max(content[1], quote[1]))
        draft.kind = "mixed"
    elif draft.kind != "direct":
        draft.kind = "mixed"


def _continues(text: str, last: Draft, quote: Span) -> bool:
    """A quotation that opens its sentence right after the previous speaker's words."""
    gap = text[last.content[1] : quote[0]]
    if last.kind == "indirect" or gap.count("\n") > 2 or len(gap) > 200:
        return False
    line_start = text.rfind("\n", 0, quote[0]) + 1
    sentence_start = max(line_start, max(text.rfind(". ", 0, quote[0]), text.rfind(".\n", 0, quote[0])) + 2)
    return text[sentence_start : quote[0]].strip() == ""
