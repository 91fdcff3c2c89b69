"""Markdown articles (as web clippers and scrapers write them) to plain paragraphs.

Only what scraped news uses: headings, emphasis, links (``[text](#)`` keeps
``text``), images (dropped: their alt text is a caption), autolinks,
backslash escapes, block quotes, lists, rules and inline HTML tags.
"""

from __future__ import annotations

import re

from storyline.ingest.text import Head, build_article, extract_head
from storyline.records import Article

_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_IMAGE = re.compile(r"!\[(?:[^\]\\]|\\.)*\]\([^)]*\)")
_LINK = re.compile(r"\[((?:[^\]\\]|\\.)*)\]\((?:[^()\s]|\([^)]*\))*(?:\s+\"[^\"]*\")?\)")
_REF_LINK = re.compile(r"\[((?:[^\]\\]|\\.)+)\]\[[^\]]*\]")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+")
_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?!\*)|(?<!\w)_(?=\S)([^_\n]+?)(?<=\S)_(?!\w)")
_STRIKE = re.compile(r"~~(.+?)~~")
_CODE = re.compile(r"`([^`]*)`")
_TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~\"'])")
_RULE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")
_QUOTE = re.compile(r"^\s*(?:>\s?)+")
_FENCE = re.compile(r"^\s*(?:```|~~~)")

_MARKDOWN_SIGNS = re.compile(
    r"^#{1,6}\s+\S|\[[^\]\n]+\]\([^)\n]*\)|^\s*\*\*[^*\n]+\*\*|<https?://[^>\s]+>",
    re.MULTILINE,
)


def looks_like_markdown(text: str) -> bool:
    """Whether a .txt file is really markdown (a heading, a link, bold, an autolink)."""
    return bool(_MARKDOWN_SIGNS.search(text[:20000]))


def inline(text: str) -> str:
    """Markdown inline markup to plain text."""
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _REF_LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _CODE.sub(r"\1", text)
    text = _TAG.sub("", text)
    text = _STRONG.sub(r"\2", text)
    text = _STRIKE.sub(r"\1", text)
    text = _EMPHASIS.sub(lambda m: m.group(1) or m.group(2), text)
    return _ESCAPE.sub(r"\1", text)


def to_lines(markdown: str) -> tuple[list[str], str | None]:
    """``(lines, title)``: one plain line per block line, blank lines between blocks.

    The first level-1 heading is the title and leaves the text.
    """
    title = None
    lines: list[str] = []
    for raw in markdown.split("\n"):
        if _FENCE.match(raw) or _RULE.match(raw) or _REF_DEF.match(raw):
            lines.append("")
            continue
        heading = _HEADING.match(raw)
        if heading:
            text = inline(heading[2]).strip()
            if title is None and len(heading[1]) == 1 and not any(lines_text(lines)):
                title = text or None
                lines.append("")
                continue
            lines.extend(["", text, ""])  # a subhead is a paragraph of its own
            continue
        line = _QUOTE.sub("", raw)
        item = _LIST_ITEM.match(line)
        if item:
            lines.extend(["", inline(line[item.end() :]).strip()])
        else:
            lines.append(inline(line).strip())
    return lines, title


def lines_text(lines: list[str]) -> list[str]:
    return [line for line in lines if line.strip()]


def read_markdown(text: str, *, path: str | None, flags: tuple[str, ...] = ()) -> Article:
    """A markdown article: title from the heading, date line and footer URL as metadata."""
    lines, title = to_lines(text)
    head: Head = extract_head(lines)
    body = "\n".join(line for i, line in enumerate(lines) if i not in head.used)
    paragraphs = [" ".join(block.split()) for block in re.split(r"\n\s*\n", body) if block.strip()]
    return build_article(paragraphs, head=head, title=title, path=path, flags=flags)
