"""HTML pages: the article body through trafilatura, then storyline's own cleanup.

trafilatura (``favor_precision``, comments off) finds the main text and the
page metadata. Two things are added on top of it:

* split bodies: many sites cut one article into several sibling containers
  of one class (between ads). trafilatura keeps only the first; the
  paragraphs of the other containers are put back in document order.
* boilerplate paragraphs it lets through (credits, "Read more", newsletter
  prompts, "contributed reporting") are dropped by ``boilerplate``.

The page is flagged ``not-article`` when it reads like an index page or a
paywall stub, and ``truncated`` when the text stops mid-story.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from storyline.errors import IngestError, NotAnArticle
from storyline.ingest import boilerplate
from storyline.ingest.metadata import normalize_date
from storyline.ingest.outlets import outlet_for_url
from storyline.ingest.text import decode

# trafilatura logs every page it cannot use at WARNING; the reader reports those itself.
logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)

# Below this many words a page has no article body (index pages, stubs).
_MIN_ARTICLE_WORDS = 60
# A paragraph put back from a split body must be prose, not a button label.
_MIN_EXTRA_WORDS = 6
_PAYWALL = re.compile(
    r"\b(?:subscribe|subscription|subscriber|sign in|log in|register)\b.{0,80}"
    r"\b(?:to (?:continue|read|keep reading|access)|for full access|exclusive)\b"
    r"|\bthis (?:article|content|story) is (?:for|only available to) (?:subscribers|members)\b"
    r"|\balready a (?:subscriber|member)\b",
    re.IGNORECASE | re.DOTALL,
)
_TRUNCATED_END = re.compile(
    r"(?:\.\.\.|…|\[\.\.\.\]|\[…\]|\bcontinue reading\W*|\bread (?:the )?(?:full|more)\W*)\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Page:
    """What one HTML page yields: cleaned body and metadata."""

    text: str
    kept_out: tuple[tuple[int, int], ...]
    removed: tuple[str, ...]
    title: str | None
    author: str | None
    published: str | None
    url: str | None
    outlet: str | None
    flags: tuple[str, ...]


def extract_page(markup: bytes | str, *, url: str | None = None, name: str = "<html>") -> Page:
    """The article in one HTML page; raises IngestError when there is no text at all."""
    markup, decode_flags = decode_html(markup, name) if isinstance(markup, bytes) else (markup, ())
    tree = _parse(markup, name)
    try:
        document: Any = trafilatura.bare_extraction(
            _INLINE_CLASS.sub(r"<\1>", markup),  # trafilatura parses with its own settings
            url=url,
            with_metadata=True,
            favor_precision=True,
            include_comments=False,
        )
    except (ValueError, TypeError, etree.LxmlError, RecursionError) as err:
        raise IngestError(f"{name}: the HTML could not be parsed ({err}); save the page again") from err
    if document is None or not (document.text or "").strip():
        raise NotAnArticle(
            f"{name}: no article text found in the HTML (an empty, script-only or "
            f"too deeply nested page); open it in a browser and save the article itself"
        )
    lines = _restore_skipped(tree, document.text.splitlines())
    cleaned = boilerplate.clean_paragraphs(lines, title=document.title)
    if not cleaned.text:
        raise NotAnArticle(f"{name}: the page holds only boilerplate (links, prompts, credits)")
    page_url = document.url or url
    return Page(
        text=cleaned.text,
        kept_out=cleaned.kept_out,
        removed=cleaned.removed,
        title=document.title or None,
        author=document.author or None,
        published=normalize_date(document.date) if document.date else None,
        url=page_url,
        outlet=outlet_for_url(page_url, site_name=document.sitename),
        flags=decode_flags + _flags(cleaned.text, document.pagetype),
    )


# Class names on inline elements inside a sentence ("link", "tooltip") make
# trafilatura drop the words they wrap: "reported that <span class=link>the
# league will fine him</span> for ..." lost its middle. Inline tags lose them.
_INLINE_CLASS = re.compile(r"<(span|em|strong|b|i|u|mark|abbr|cite|q|time)\s[^<>]*>", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def decode_html(data: bytes, name: str) -> tuple[str, tuple[str, ...]]:
    """``(page, flags)``: BOM, then a declared charset that decodes, then UTF-8 (repaired)."""
    text, flags = decode(data, name)  # empty / binary / UTF-16 checks; UTF-8 with repair
    declared = _META_CHARSET.search(data[:8192])
    if declared and "encoding-repaired" in flags:
        try:
            return data.decode(declared[1].decode("ascii").lower()), ()
        except (LookupError, UnicodeDecodeError):
            pass
    return text, flags


def _parse(markup: bytes | str, name: str) -> lxml_html.HtmlElement:
    if isinstance(markup, bytes):
        markup = decode_html(markup, name)[0]
    # lxml refuses str input that declares an encoding; the text is decoded already
    markup = _XML_DECLARATION.sub("", markup, count=1)
    try:
        tree = lxml_html.fromstring(markup)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as err:
        raise IngestError(f"{name}: not parseable as HTML ({err})") from err
    if tree is None:
        raise IngestError(f"{name}: not parseable as HTML (no document element)")
    return tree


def _flags(text: str, pagetype: str | None) -> tuple[str, ...]:
    flags = []
    words = len(text.split())
    if words < _MIN_ARTICLE_WORDS or (words < 300 and _PAYWALL.search(text)):
        flags.append("not-article")
    elif (pagetype or "").lower() == "website" and text.count("\n\n") > words / 12:
        # og:type "website" with many short paragraphs: a section front, not a story
        flags.append("not-article")
    if looks_truncated(text):
        flags.append("truncated")
    return tuple(flags)


def looks_truncated(text: str) -> bool:
    """Whether the text stops mid-story ("...", "[…]", "Continue reading")."""
    return bool(_TRUNCATED_END.search(text[-200:]))  # the end only: linear on huge texts


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _restore_skipped(tree: lxml_html.HtmlElement, lines: list[str]) -> list[str]:
    """Put back what trafilatura skipped inside the body, in document order.

    Two kinds: paragraphs of sibling containers of a split body, and embedded
    social posts (a quoted tweet is part of the story: often the only source
    of a statement) lying between the body's first and last paragraph.
    """
    paragraphs = [p for p in tree.iter("p") if isinstance(p.tag, str)]
    by_text: dict[str, int] = {}
    texts: list[str] = []
    for index, p in enumerate(paragraphs):
        text = " ".join(p.text_content().split())
        texts.append(text)
        by_text.setdefault(_norm(text), index)
    known = _Known(lines)
    extra = _split_body_extra(paragraphs, texts, lines, by_text, known)
    extra += _embedded_posts(tree, paragraphs, lines, by_text, known)
    if not extra:
        return lines
    placed: list[tuple[float, int, str]] = []
    position = -1.0
    for order, line in enumerate(lines):
        found = by_text.get(_norm(line))
        position = float(found) if found is not None else position + 1e-3
        placed.append((position, order, line))
    placed.extend((index, len(lines) + n, text) for n, (index, text) in enumerate(extra))
    return [text for _, _, text in sorted(placed)]


class _Known:
    """What trafilatura already returned: exact lines at once, substrings on normal pages."""

    # Past this size a substring scan per paragraph turns quadratic: exact matches only.
    _SCAN_LIMIT = 200_000

    def __init__(self, lines: list[str]) -> None:
        self.lines = {_norm(line) for line in lines}
        self.text = " ".join(_norm(line) for line in lines)

    def has(self, paragraph: str) -> bool:
        key = _norm(paragraph)
        return key in self.lines or (len(self.text) <= self._SCAN_LIMIT and key in self.text)


def _split_body_extra(
    paragraphs: list[lxml_html.HtmlElement],
    texts: list[str],
    lines: list[str],
    by_text: dict[str, int],
    known: _Known,
) -> list[tuple[float, str]]:
    signature = _body_signature(paragraphs, lines, by_text)
    if signature is None:
        return []
    return [
        (float(index), texts[index])
        for index, p in enumerate(paragraphs)
        if _signature(p.getparent()) == signature
        and not known.has(texts[index])
        and len(texts[index].split()) >= _MIN_EXTRA_WORDS
        and boilerplate.drop_reason(texts[index]) is None
    ]


_EMBED_CLASSES = (
    "twitter-tweet",
    "instagram-media",
    "tiktok-embed",
    "bluesky-embed",
    "threads-post",
)


def _embedded_posts(
    tree: lxml_html.HtmlElement,
    paragraphs: list[lxml_html.HtmlElement],
    lines: list[str],
    by_text: dict[str, int],
    known: _Known,
) -> list[tuple[float, str]]:
    matched = [by_text[key] for key in (_norm(line) for line in lines) if key in by_text]
    if len(matched) < 2:
        return []
    first, last = min(matched), max(matched)
    order = {id(p): index for index, p in enumerate(paragraphs)}
    posts: list[Any] = []
    for quote in tree.iter("blockquote"):
        classes = quote.get("class") or ""
        if not any(name in classes for name in _EMBED_CLASSES):
            continue
        inner = [order[id(p)] for p in quote.iter("p") if id(p) in order]
        if not inner or not first < inner[0] < last:
            continue  # no paragraph to place it by, or outside the body: a sidebar widget
        parts = fragment_paragraphs(etree.tostring(quote, encoding="unicode", with_tail=False))
        if parts and not known.has(" ".join(parts)):
            posts.extend((inner[0] + 0.5 + n * 1e-3, part) for n, part in enumerate(parts))
    return posts


def _signature(element: etree._Element | None) -> tuple[str, str] | None:
    if element is None or not isinstance(element.tag, str):
        return None
    return (element.tag, " ".join(sorted((element.get("class") or "").split())))


def _body_signature(
    paragraphs: list[lxml_html.HtmlElement], lines: list[str], by_text: dict[str, int]
) -> tuple[str, str] | None:
    """The (tag, class) of the container holding trafilatura's paragraphs, if it repeats."""
    parents = Counter(
        _signature(paragraphs[by_text[key]].getparent())
        for key in (_norm(line) for line in lines)
        if key in by_text
    )
    if not parents:
        return None
    signature, hits = parents.most_common(1)[0]
    if signature is None or not signature[1] or hits < 2:
        return None  # an unclassed <div> repeats everywhere: no evidence of a split body
    containers = {id(p.getparent()) for p in paragraphs if _signature(p.getparent()) == signature}
    return signature if len(containers) > 1 else None


_BLOCKS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
    "section", "article", "figure", "figcaption", "table", "tr", "pre", "hr",
}  # fmt: skip


def fragment_paragraphs(markup: str) -> list[str]:
    """Paragraphs of a small HTML fragment (a feed entry's summary or content)."""
    if "<" not in markup:
        return [" ".join(part.split()) for part in re.split(r"\n\s*\n", markup) if part.strip()]
    try:
        root = lxml_html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return []
    for element in root.iter("script", "style", "figcaption"):
        element.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag in _BLOCKS:
            element.tail = "\n\n" + (element.tail or "")
            element.text = "\n\n" + (element.text or "")
    text = root.text_content()
    return [" ".join(part.split()) for part in re.split(r"\n\s*\n", text) if part.strip()]
