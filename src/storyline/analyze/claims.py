"""Claims assembled from one article's attributions, quantities and dates.

A claim is what an analyst would copy into a briefing: one statement, who it
is finally attributed to and through whom, its numbers and its date, and the
sentence it came from. Every attributed statement gives a claim; every number
in it gives a quantity claim of its own (so rival numbers can be compared one
by one); sentences in the outlet's own voice give event or assertion claims.
Denials, refusals and intentions are told apart by their wording.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from storyline.analyze.entities import canonical_name, entity_type
from storyline.records import (
    Article,
    Attribution,
    Claim,
    ClaimKind,
    EntityMention,
    Evidence,
    Quantity,
    Span,
    Speaker,
    Timex,
    When,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

REFUSAL = re.compile(
    r"\bneither\s+(?:confirm|den)\w*\s+nor\s+(?:confirm|den)\w*|\b(?:declin|refus)\w*\s+to\s+"
    r"(?:comment|confirm|answer|say|discuss|respond|elaborate|disclose)|\bno comment\b|"
    r"\bwould(?: not|n['’]t) (?:comment|confirm|say)|\bdid(?: not|n['’]t) (?:confirm|comment)",
    re.I,
)
DENIAL_CUES = frozenset(
    {"deny", "dismiss", "reject", "refute", "rebuff", "disavow", "dispute", "contradict", "rebut", "debunk"}
)
DENIAL_WORDS = re.compile(
    r"\b(?:groundless|baseless|unfounded|fabricat\w*|fake news|untrue|not true|no truth|"
    r"nonsense|false(?:hood)?s?|lies|rumou?rs?|smear|slander|propaganda|denie[sd]|deny(?:ing)?)\b",
    re.I,
)
INTENTION = re.compile(
    r"\b(?:could|may|might|will|would|shall|plans?|planning|planned|intends?|intention|"
    r"intend(?:ed|ing)|considering|consider(?:s|ed)?|reviewing|review(?:s|ed)?\s+a\s+plan|"
    r"prepar(?:e|es|ing)\s+to|aims?\s+to|seeks?\s+to|vows?|pledges?|promis\w*|expects?\s+to|"
    r"going to|possibility)\b",
    re.I,
)
PAST_EVENT_TAGS = frozenset({"VBD", "VBN"})
MIN_WORDS = 5  # shorter outlet-voice sentences are headings, bylines or fragments
QUOTES = '"“”«»„'


def build_claims(
    article: Article,
    doc: Doc,
    *,
    sentences: Sequence[Span],
    entities: Sequence[EntityMention],
    timexes: Sequence[Timex],
    quantities: Sequence[Quantity],
    attributions: Sequence[Attribution],
) -> tuple[Claim, ...]:
    """All claims of one article, in text order."""
    claims: list[Claim] = []
    covered: set[int] = set()
    for attribution in attributions:
        own = _sentences_of(attribution.content, sentences)
        home = _home_sentence(attribution, sentences) or (own[0] if own else None)
        if home is None or _is_boilerplate(article, home):
            continue
        made = _attributed_claims(article, doc, attribution, home, own, timexes, quantities)
        covered.add(sentences.index(home))  # the speaker's sentence is said, not reported
        covered.update(sentences.index(e.span) for c in made for e in c.evidence if e.span in sentences)
        claims.extend(made)
    for index, sentence in enumerate(sentences):
        if index in covered or _is_boilerplate(article, sentence):
            continue
        claims.extend(_voice_claims(article, doc, sentence, entities, timexes, quantities))
    claims.sort(key=lambda c: (c.evidence[0].span if c.evidence else (0, 0), c.kind != "quantity"))
    return tuple(claims)


def attach_when(text: str, claims: Sequence[Claim], timexes: Sequence[Timex]) -> tuple[Claim, ...]:
    """Claims dated by re-anchored timexes (same spans, new values): after an
    undated article's publication date has been inferred."""
    by_span = {t.span: t for t in timexes}
    result = []
    for claim in claims:
        when = claim.when
        timex = by_span.get(when.span) if when and when.span else None
        if when is not None and timex is not None:
            usable = timex.value[:1].isdigit() and not timex.value.startswith("XXXX")
            when = replace(when, value=timex.value[:10]) if usable else None
        elif when is None and claim.evidence:
            when = _when(text, claim.evidence[0].span, None, timexes)
        result.append(replace(claim, when=when))
    return tuple(result)


def claim_id(article_id: str, span: Span, kind: str, index: int | str = 0) -> str:
    raw = f"{article_id}:{span[0]}:{span[1]}:{kind}:{index}"
    return hashlib.sha1(raw.encode()).hexdigest()[:12]


def _attributed_claims(
    article: Article,
    doc: Doc,
    attribution: Attribution,
    home: Span,
    own: Sequence[Span],
    timexes: Sequence[Timex],
    quantities: Sequence[Quantity],
) -> list[Claim]:
    """One claim per sentence of what is attributed: a quote running over three
    sentences says three things, each aligned with other outlets on its own."""
    claims: list[Claim] = []
    for piece, sentence in _pieces(attribution, home, own):
        claims.extend(_piece_claims(article, doc, attribution, piece, sentence, home, timexes, quantities))
    return claims


def _pieces(attribution: Attribution, home: Span, own: Sequence[Span]) -> list[tuple[Span, Span]]:
    """(content piece, its sentence) pairs, the speaker's own words cut out of each."""
    start, end = attribution.content
    marks = [s[0] for s in (attribution.source, attribution.cue, *attribution.chain) if s is not None]
    pieces = []
    for sentence in sorted({home, *own}):
        lo, hi = max(start, sentence[0]), min(end, sentence[1])
        inner = [m for m in marks if lo < m < hi]
        if inner:  # '"...," said X, according to Y.' keeps the quote only
            hi = min(inner)
        if hi > lo:
            pieces.append(((lo, hi), sentence))
    return pieces or [(attribution.content, home)]


def _piece_claims(
    article: Article,
    doc: Doc,
    attribution: Attribution,
    piece: Span,
    sentence: Span,
    home: Span,
    timexes: Sequence[Timex],
    quantities: Sequence[Quantity],
) -> list[Claim]:
    text = article.text
    content = text[piece[0] : piece[1]]
    sentence_text = text[sentence[0] : sentence[1]]
    home_text = text[home[0] : home[1]]
    plain = _plain(content)
    if len(plain.split()) < 4 and sentence != home:
        return []  # a stray closing fragment of a quote
    claim_text = plain if len(plain.split()) >= 4 else _plain(sentence_text)
    quote = _quote(content) if attribution.kind in ("direct", "mixed") or _has_quotes(content) else None
    kind = _kind(home_text, content, _lemma_at(doc, attribution.cue))
    # the date of the reported event when the content gives one, else the date it was said
    event = _when(text, piece, None, timexes, strict=True)
    when = replace(event, event=True) if event else _when(text, home, attribution.cue, timexes)
    base = Claim(
        id=claim_id(article.id, piece, kind, attribution.speaker.name if attribution.speaker else ""),
        text=claim_text,
        kind=kind,
        speaker=attribution.speaker,
        chain=attribution.chain_speakers,
        cue=text[attribution.cue[0] : attribution.cue[1]] if attribution.cue else None,
        quote=quote,
        when=when,
        evidence=(Evidence(article=article.id, span=sentence),),
        hedged=attribution.hedged or _hedged(home_text),
    )
    inside = [q for q in quantities if piece[0] <= q.span[0] < piece[1] and _claimable(q, text)]
    return [base] + _quantity_claims(article, doc, base, inside)


def _voice_claims(
    article: Article,
    doc: Doc,
    sentence: Span,
    entities: Sequence[EntityMention],
    timexes: Sequence[Timex],
    quantities: Sequence[Quantity],
) -> list[Claim]:
    """Claims in the outlet's own voice: events, and stances it reports of others."""
    text = article.text[sentence[0] : sentence[1]]
    if len(text.split()) < MIN_WORDS or text.rstrip().endswith("?"):
        return []
    span = doc.char_span(sentence[0], sentence[1], alignment_mode="expand")
    kind: ClaimKind = _kind(text, text, None)
    speaker = None
    if kind in ("denial", "refusal") and span is not None:
        speaker = _subject_speaker(span, article.text, entities)
    if kind == "assertion" and span is not None and any(t.tag_ in PAST_EVENT_TAGS for t in span):
        kind = "event"
    base = Claim(
        id=claim_id(article.id, sentence, kind),
        text=_plain(text),
        kind=kind,
        speaker=speaker,
        when=_event(_when(article.text, sentence, None, timexes)),
        evidence=(Evidence(article=article.id, span=sentence),),
        hedged=_hedged(text),
    )
    inside = [q for q in quantities if sentence[0] <= q.span[0] < sentence[1] and _claimable(q, article.text)]
    return [base] + _quantity_claims(article, doc, base, inside)


# A bare number with no counted noun ("the toll stood at 63") still makes a claim
# when it is large enough not to be a list index, an age or a score.
MIN_BARE_NUMBER = 10


def _claimable(quantity: Quantity, text: str) -> bool:
    """Whether a number states something new: "the 312 cases" refers back to an earlier one."""
    if BACK_REFERENCE.search(text[max(quantity.span[0] - 8, 0) : quantity.span[0]]):
        return False
    return bool(quantity.unit) or quantity.value >= MIN_BARE_NUMBER


BACK_REFERENCE = re.compile(r"\b(?:the|these|those|its|their)\s+$", re.I)


def _quantity_claims(article: Article, doc: Doc, base: Claim, inside: list[Quantity]) -> list[Claim]:
    claims = []
    for index, quantity in enumerate(inside):
        clause = _clause(doc, quantity.span) or base.text
        claims.append(
            replace(
                base,
                id=claim_id(article.id, quantity.span, "quantity", index),
                kind="quantity",
                text=clause,
                quantities=(quantity,),
            )
        )
    return claims


def _clause(doc: Doc, span: Span) -> str | None:
    """The smallest clause around a number: its verb phrase (with the subject it
    shares with a governing verb) or a prepositional phrase ('with N of them ...')."""
    tokens = doc.char_span(span[0], span[1], alignment_mode="expand")
    if tokens is None:
        return None
    node = tokens.root
    # compare indexes: spaCy builds a new Token object on every .head
    while node.head.i != node.i and node.pos_ not in ("VERB", "AUX", "ADP"):
        node = node.head
    left = node.left_edge.i
    if node.pos_ in ("VERB", "AUX") and not _has_subject(node):
        subjects = [c for c in node.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            left = min(subjects[0].left_edge.i, left)
    return _plain(doc[left : node.right_edge.i + 1].text)


def _has_subject(token) -> bool:  # type: ignore[no-untyped-def]
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)


def _kind(sentence: str, content: str, cue_lemma: str | None) -> ClaimKind:
    if REFUSAL.search(sentence):
        return "refusal"
    if cue_lemma in DENIAL_CUES or DENIAL_WORDS.search(content):
        return "denial"
    if INTENTION.search(content):
        return "intention"
    return "assertion"


def _event(when: When | None) -> When | None:
    """In the outlet's own voice a sentence's date is the date of what happened."""
    return replace(when, event=True) if when else None


def _when(
    text: str, sentence: Span, cue: Span | None, timexes: Sequence[Timex], *, strict: bool = False
) -> When | None:
    """The date a claim is about or was made: the calendar date nearest its cue.

    ``strict`` keeps only day-precise dates: inside a quote, "this year" or
    "last month" is background, not the date of the reported event.
    """
    dated = [
        t
        for t in timexes
        if sentence[0] <= t.span[0] < sentence[1]
        and t.type in ("DATE", "TIME")
        and t.value[:1].isdigit()
        and not t.value.startswith("XXXX")
        and (not strict or len(t.value) >= 10)
    ]
    if not dated:
        return None
    anchor = cue[0] if cue else sentence[0]
    best = min(dated, key=lambda t: abs(t.span[0] - anchor))
    return When(value=best.value[:10], text=text[best.span[0] : best.span[1]], span=best.span)


def _subject_speaker(span, text: str, entities: Sequence[EntityMention]) -> Speaker | None:  # type: ignore[no-untyped-def]
    """Who denies or refuses in an outlet-voice sentence: the verb's subject."""
    for token in span:
        if token.dep_ in ("nsubj", "nsubjpass") and token.head.pos_ in ("VERB", "AUX"):
            left, right = token.left_edge.idx, token.right_edge.idx + len(token.right_edge.text)
            mention = next((m for m in entities if left <= m.span[0] < right), None)
            written = text[left:right]
            if mention is not None:
                return Speaker(name=mention.name, as_written=written, type=mention.type)
            name = canonical_name(written, "ORG")
            return Speaker(name=name, as_written=written, type=entity_type(name, "ORG"))
    return None


def _sentences_of(span: Span, sentences: Sequence[Span]) -> list[Span]:
    return [s for s in sentences if s[0] < span[1] and span[0] < s[1]]


def _home_sentence(attribution: Attribution, sentences: Sequence[Span]) -> Span | None:
    anchor = attribution.cue or attribution.source
    if anchor is None:
        return None
    return next((s for s in sentences if s[0] <= anchor[0] < s[1]), None)


def _is_boilerplate(article: Article, sentence: Span) -> bool:
    return any(s < sentence[1] and sentence[0] < e for s, e in article.boilerplate)


def _lemma_at(doc: Doc, span: Span | None) -> str | None:
    if span is None:
        return None
    tokens = doc.char_span(span[0], span[1], alignment_mode="expand")
    if tokens is None or not len(tokens):
        return None
    verbs = [t for t in tokens if t.pos_ in ("VERB", "AUX")]
    return (verbs[0] if verbs else tokens[0]).lemma_.lower()


def _has_quotes(text: str) -> bool:
    return any(q in text for q in QUOTES)


def _quote(content: str) -> str | None:
    found = re.findall(r"[\"“«„]([^\"”»“]+)[\"”»“]", content)
    return " ... ".join(f.strip() for f in found) if found else content.strip(QUOTES + " ,")


def _plain(text: str) -> str:
    """One readable sentence: no quote marks, no leading 'that', single spaces."""
    text = re.sub(r"\s+", " ", text.translate({ord(q): None for q in QUOTES})).strip(" ,;:")
    text = re.sub(r"^that\s+", "", text)
    return text[:1].upper() + text[1:] if text else text


def _hedged(text: str) -> bool:
    return bool(
        re.search(
            r"\b(?:reportedly|allegedly|purportedly|apparently|"
            r"according to unconfirmed|unverified|claimed to)\b",
            text,
            re.I,
        )
    )
