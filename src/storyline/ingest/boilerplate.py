"""Scraped-news boilerplate: which paragraphs to drop and which sentences to keep out of claims.

General rules for news pages, never tied to one outlet. Two kinds:

* dropped: image captions and credits, "Related ..." / "Read more" links,
  "X contributed reporting" and "(Reporting by ...)" lines, newsletter,
  subscribe, share and follow prompts, copyright lines, comment counters.
  These never reach ``Article.text``.
* kept out of claims: a sentence like "The Daily Bugle has reached out to the
  ministry for comment." stays in the text (it is true and harmless to read)
  but its span is listed in ``Article.boilerplate`` so no claim is built on it.

Paragraph rules only fire on short paragraphs (``_SHORT_WORDS``): a long
paragraph that happens to contain "subscribe" is body text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from storyline.records import Span

# A caption, credit or prompt is a line, not a paragraph of reporting.
# 40 words covers the longest prompts seen on the dev pages (nytimes' letters
# footer is 38) while a real news paragraph with one of these words is longer
# or fails the anchored patterns below.
_SHORT_WORDS = 40
_CREDIT_WORDS = 30

_I = re.IGNORECASE

# Photo credits and licences, as they end a caption line.
_CREDIT = re.compile(
    r"(\(\s*CC[- ]?BY[^)]*\)|\bCC[- ]BY(?:-[A-Z]{2})*(?: \d\.\d)?\b|\(\s*CC0\s*\)"
    r"|\bpublic domain\)|\bGetty Images\b|\bShutterstock\b|\biStock(?:photo)?\b"
    r"|\bWikimedia Commons\b|\bvia Wikimedia\b"
    r"|\b(?:AP|AFP|Reuters|EPA|EPA-EFE|Xinhua|Yonhap|Sputnik|TASS|Bloomberg|Anadolu)"
    r" ?(?:Photo|Images?|Pool)\b"
    r"|\((?:AP|AFP|Reuters|EPA)\b[^)]*\)\s*$"
    r"|\((?:[A-Z][\w.&-]*(?: [A-Z][\w.&-]*)*\s?/\s?)+[A-Z][\w.&-]*(?: [A-Z][\w.&-]*)*\)\s*$"
    r"|/\s*(?:AP|AFP|Reuters|EPA|Getty|Bloomberg|Xinhua)\s*\)?\s*$"
    r"|\b(?:photo|image|picture|illustration|video)\s*(?:credit|courtesy)?\s*:\s*\S.*$)",
    _I,
)
_CAPTION_START = re.compile(
    r"^\s*(?:photo|image|picture|photograph|illustration|caption|credit|"
    r"file photo|pictured|above|top|main image|video)s?\s*(?:credit|courtesy)?\s*[:|–—-]",
    _I,
)

_RELATED = re.compile(
    r"^\s*[\[(]?\s*(?:related(?: articles?| stories| story| coverage| content| reading| links?"
    r"| news)?"
    r"|read more|read also|also read|read next|see also|more from [^:]{1,40}|more on this"
    r"|recommended(?: for you| reading)?|most (?:read|popular|viewed)|trending|don'?t miss"
    r"|further reading|you may also like|you might also like|editor'?s picks?|watch|listen"
    r"|more stories|latest news|top stories)\s*[:|»›>–—-]",
    _I,
)
# Standalone prompt lines: the whole paragraph is one of these.
_STANDALONE = re.compile(
    r"^\s*(?:advertisement|skip advertisement|story continues below(?: advertisement)?"
    r"|continue reading(?: below| the main story)?|read more|read the full (?:story|article)"
    r"|share|share this(?: article| story)?|comments?|\d+\s+comments?|view comments|show comments"
    r"|tell us what you think\W*|leave a comment|sign up|subscribe(?: now)?|log in|sign in"
    r"|print|email|tweet|facebook|twitter|linkedin|whatsapp|back to top|click to enlarge"
    r"|loading\W*|close|next article|previous article|related(?: articles?| stories| content)?"
    r"|more|newsletter|you (?:may|might) also like|more stories|recommended(?: for you)?"
    r"|see also|most (?:read|popular)|\d+ min(?:ute)?s? read|reading time:.*"
    r"|[a-z' ]{0,30} newsletter)\W*$",
    _I,
)
_CONTRIBUTED = re.compile(
    r"(?:^|[.;(]\s*)(?:additional )?reporting by\b|\bcontributed (?:reporting|to (?:this|the) "
    r"(?:report|story|article))\b|^\s*\(?(?:writing|editing|compiled|edited) by\b"
    r"|\bcontributed additional reporting\b",
    _I,
)
# Prompts: either a whole imperative sentence ("Sign up for ...", "Follow us on ...")
# or a phrase that only prompts use ("in your inbox", "may be reached at").
_PROMPT = re.compile(
    r"(?:^|[.!?]\s+)(?:sign up|sign-up|subscribe|follow (?:us|him|her|them|[A-Z][\w.&'’ ]{1,40}?) "
    r"on|share (?:this|on|via)|download (?:our|the)|click here|join (?:us|our|the conversation)"
    r"|support (?:our|independent)|become a (?:member|subscriber|patron)|get (?:the|our) "
    r"[\w' ]{0,30}(?:newsletter|app|briefing)|have a (?:news )?tip|send us|donate|log in|sign in"
    r"|register (?:now|today|for free)|don'?t miss)\b"
    r"|\bnewsletters?\b|\bin your inbox\b|\b(?:may|can) be reached at\b|\bletters? to the editor\b"
    r"|\bdelivered (?:to|through) your\b|\bfollow (?:us|him|her|them|[A-Z][\w.&'’ ]{1,40}?) on "
    r"(?:twitter|facebook|instagram|x|linkedin|tiktok|youtube)\b|\bclick here\b",
    _I,
)
# HTML that leaked into the text as characters: a CMS bug, never prose.
_MARKUP = re.compile(r"&(?:amp;)*lt;/?[a-z]|<(?:span|div|p|a|img|script|iframe)\b[^>]*>", _I)
_COPYRIGHT = re.compile(
    r"^\s*(?:©|\(c\)|copyright\b)|\ball rights reserved\b|\bmay not be (?:published|"
    r"reproduced|broadcast|rewritten|redistributed)\b",
    _I,
)
_TAXONOMY = re.compile(r"^\s*(?:filed under|tags?|topics?|categories|posted in|keywords)\s*:", _I)
# A title-like list item (no closing period) right after a "Related" header is a link.
_LINK_ITEM = re.compile(r"^\s*[-•*]\s+[^.!?]{3,120}$")
_LINK_ITEM_WORDS = 15
_SHORTCODE = re.compile(r"^\s*\[(\w+)[^\]]*\].*\[/\1\]\s*$")
_FOOTER_URL = re.compile(r"^\s*(?:original|source|canonical)\s*(?:url|link|article)\s*:", _I)

# Sentences kept in the text but out of claims: an anchor phrase, then the
# sentence around it must ask for comment. Two steps keep the regexes linear.
_REACHED_OUT = re.compile(
    r"\breached out to\b|\bcontacted\b|\basked\b|\bdid not (?:immediately )?(?:respond|reply)\b"
    r"|\bdid not return\b",
    _I,
)
_FOR_COMMENT = re.compile(
    r"\bfor (?:a |further |immediate )?(?:comment|response|reaction|clarification)\b"
    r"|\brequests? for comment\b|\bcomment (?:request|by email)\b",
    _I,
)
_SENTENCE_END = re.compile(r"[.!?](?=[\s\"”’')]|$)|\n")


@dataclass(frozen=True, slots=True)
class Cleaned:
    """Paragraphs joined into the article text, with what cleaning took out."""

    text: str
    kept_out: tuple[Span, ...]  # spans of ``text`` to keep out of claims
    removed: tuple[str, ...]  # the paragraphs dropped, in order


def drop_reason(paragraph: str) -> str | None:
    """Why this paragraph is boilerplate ("credit", "related", ...), or None to keep it."""
    words = len(paragraph.split())
    if not words:
        return "empty"
    if _STANDALONE.match(paragraph) or _SHORTCODE.match(paragraph):
        return "prompt"
    if _FOOTER_URL.match(paragraph):
        return "footer"
    if _MARKUP.search(paragraph):
        return "markup"
    if words > _SHORT_WORDS:
        return None
    if _RELATED.match(paragraph):
        return "related"
    if _TAXONOMY.match(paragraph):
        return "taxonomy"
    if _CONTRIBUTED.search(paragraph):
        return "contributed"
    if _COPYRIGHT.search(paragraph) and words <= _CREDIT_WORDS:
        return "copyright"
    if words <= _CREDIT_WORDS and (_CAPTION_START.match(paragraph) or _CREDIT.search(paragraph)):
        return "credit"
    if _PROMPT.search(paragraph):
        return "prompt"
    return None


def kept_out_spans(text: str) -> tuple[Span, ...]:
    """Sentences that stay in ``text`` but must not become claims ("reached out for comment")."""
    spans: list[Span] = []
    for anchor in _REACHED_OUT.finditer(text):
        if spans and anchor.start() < spans[-1][1]:
            continue
        start = _sentence_start(text, anchor.start())
        end_match = _SENTENCE_END.search(text, anchor.end())
        end = end_match.end() if end_match and end_match.group() != "\n" else (
            end_match.start() if end_match else len(text))  # fmt: skip
        if _FOR_COMMENT.search(text, start, end):
            spans.append((start, end))
    return tuple(spans)


def _sentence_start(text: str, position: int) -> int:
    start = position
    while start > 0:
        char = text[start - 1]
        if char == "\n" or (char in ".!?" and start < len(text) and text[start].isspace()):
            break
        start -= 1
    while start < position and text[start].isspace():
        start += 1
    return start


def clean_paragraphs(paragraphs: Sequence[str], *, title: str | None = None) -> Cleaned:
    """Drop boilerplate paragraphs, join the rest with blank lines, list kept-out spans.

    A first paragraph repeating the title is dropped too: extractors often
    return the headline as the first line of the body.
    """
    kept: list[str] = []
    removed: list[str] = []
    norm_title = _norm(title) if title else None
    after_related = False
    for paragraph in paragraphs:
        paragraph = paragraph.strip()
        if not paragraph:
            continue
        if not kept and norm_title and _norm(paragraph) == norm_title:
            removed.append(paragraph)
            continue
        reason = drop_reason(paragraph)
        if reason is None and after_related and _is_link_item(paragraph):
            reason = "related"
        if reason:
            removed.append(paragraph)
        else:
            kept.append(paragraph)
        after_related = reason == "related" or (reason == "prompt" and bool(_RELATED_HEADER.match(paragraph)))
    text = "\n\n".join(kept)
    return Cleaned(text=text, kept_out=kept_out_spans(text), removed=tuple(removed))


_RELATED_HEADER = re.compile(
    r"^\s*(?:related|you (?:may|might) also like|more stories|see also|"
    r"recommended|most (?:read|popular))",
    _I,
)


def _is_link_item(paragraph: str) -> bool:
    return bool(_LINK_ITEM.match(paragraph)) and len(paragraph.split()) <= _LINK_ITEM_WORDS


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))
