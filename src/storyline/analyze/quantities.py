"""Quantities with what they count: "12,000 special forces troops" -> 12000 troop.

Numbers come from spaCy's CARDINAL/MONEY/PERCENT/QUANTITY entities plus vague
plurals ("thousands of containers"); the counted noun is the number's head in
the dependency parse, or, for "1,500 of them", the noun an earlier number in
the sentence counted. Hedges ("about", "more than", "up to") become the
approximate flag and open bounds, as an analyst reads them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from storyline.analyze.numbers import NUMBER_PATTERN, parse_number
from storyline.records import Quantity

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

NUMERIC_LABELS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})

SCALES = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "bn": 1e9,
    "m": 1e6,
    "k": 1e3,
}
# Vague plurals: the lower bound an analyst would read ("thousands" is at least 2,000).
VAGUE = {
    "dozens": 24,
    "scores": 40,
    "hundreds": 200,
    "thousands": 2000,
    "tens of thousands": 20000,
    "hundreds of thousands": 200000,
    "millions": 2e6,
}
APPROX_WORDS = frozenset(
    {
        "about",
        "around",
        "roughly",
        "some",
        "nearly",
        "almost",
        "approximately",
        "approx",
        "estimated",
        "an estimated",
        "circa",
        "close to",
        "as many as",
        "as much as",
        "up to",
        "more than",
        "over",
        "at least",
        "fewer than",
        "less than",
        "under",
        "upwards of",
        "just over",
        "just under",
    }
)
LOWER_BOUND = ("more than", "over", "at least", "upwards of", "just over", "in excess of")
UPPER_BOUND = (
    "up to",
    "fewer than",
    "less than",
    "under",
    "as many as",
    "no more than",
    "nearly",
    "almost",
    "just under",
)
PARTITIVE_PRONOUNS = frozenset({"them", "those", "these", "whom", "which"})
CURRENCY = {"$": "dollar", "€": "euro", "£": "pound", "¥": "yen", "₩": "won", "₽": "ruble"}
# Currency names as counted nouns ("3 million euros"); link/ treats them as generic measures.
CURRENCY_WORDS = frozenset(
    {"dollar", "euro", "pound", "yen", "won", "ruble", "rouble", "yuan", "crown", "franc"}
)
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def find_quantities(doc: Doc, *, exclude: tuple[tuple[int, int], ...] = ()) -> tuple[Quantity, ...]:
    """Every counted quantity in ``doc`` outside the ``exclude`` spans (dates, times)."""
    found: list[Quantity] = []
    for ent in _numeric_spans(doc):
        if _inside(ent, exclude):
            continue
        quantity = _quantity(ent, found)
        if quantity is not None:
            found.append(quantity)
    return tuple(found)


def _numeric_spans(doc: Doc) -> list[SpacySpan]:
    """spaCy's numeric entities plus counted numbers its NER missed or mislabelled.

    The small model tags "40 warships" TIME and leaves "900 workers" untagged
    after a year; a digit that modifies a noun is a count all the same.
    """
    spans = [e for e in doc.ents if e.label_ in NUMERIC_LABELS]
    taken = {
        t.i
        for e in doc.ents
        if e.label_ in NUMERIC_LABELS or e.label_ in ("DATE", "ORDINAL") and not _counts_noun(e)
        for t in e
    }
    for token in doc:
        if token.i in taken or not token.like_num or token.dep_ not in ("nummod", "pobj", "dobj", "nsubj"):
            continue
        if token.dep_ == "nummod" or any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
            spans.append(doc[token.i : token.i + 1])
            taken.add(token.i)
    return sorted(spans, key=lambda s: s.start)


def _counts_noun(ent: SpacySpan) -> bool:
    """A TIME/DATE entity like "40 warships" is really a count of the noun."""
    return any(
        t.like_num
        and t.dep_ == "nummod"
        and t.head.pos_ == "NOUN"
        and t.head.lemma_.lower() not in _TIME_NOUNS
        for t in ent
    )


_TIME_NOUNS = frozenset(
    {
        "year",
        "month",
        "week",
        "day",
        "hour",
        "minute",
        "second",
        "decade",
        "century",
        "am",
        "pm",
        "a.m.",
        "p.m.",
        "o'clock",
        "night",
        "morning",
    }
)


def _inside(ent: SpacySpan, spans: tuple[tuple[int, int], ...]) -> bool:
    return any(s < ent.end_char and ent.start_char < e for s, e in spans)


def _quantity(ent: SpacySpan, earlier: list[Quantity]) -> Quantity | None:
    words = ent.text.lower().replace("\u2013", "-")
    values = _values(words)
    if not values:
        return None
    hedge = _hedge(ent)
    low, high = (min(values), max(values)) if len(values) > 1 else (None, None)
    value = values[0]
    vague = any(w in words for w in VAGUE)
    if hedge in LOWER_BOUND or vague:
        low = value
    elif hedge in UPPER_BOUND:
        high = value
    unit, subject, end = _counted(ent, earlier)
    start = ent.start_char - (len(hedge) + 1 if hedge and hedge not in words else 0)
    return Quantity(
        span=(max(start, 0), max(end, ent.end_char)),
        value=value,
        low=low,
        high=high,
        approximate=bool(hedge) or vague,
        unit=unit,
        subject=subject,
    )


def _values(words: str) -> list[float]:
    """Numbers in an entity's text: '12,000' -> [12000]; 'between 10 and 12 million' -> two."""
    for phrase, value in sorted(VAGUE.items(), key=lambda kv: -len(kv[0])):
        if phrase in words:
            return [float(value)]
    scale = next((v for k, v in SCALES.items() if re.search(rf"\b{k}\b", words)), 1.0)
    numbers = [float(n.replace(",", "")) for n in _NUMBER.findall(words)]
    if not numbers:
        spelled = [parse_number(m.group(0)) for m in NUMBER_PATTERN.finditer(words)]
        numbers = [v for v in spelled if v is not None][:1]
        scale = 1.0 if numbers else scale  # "two hundred" already carries its scale
        if not numbers and scale > 1:
            numbers = [1.0]
    if not numbers:
        return []
    if words.strip().isdigit() and len(words.strip()) == 4 and 1800 <= numbers[0] <= 2100:
        return []  # a bare year the date tagger did not take
    return [n * scale if n < scale or scale == 1.0 else n for n in numbers]


def _hedge(ent: SpacySpan) -> str:
    """The approximation words right before (or at the start of) the number."""
    doc = ent.doc
    inner = ent.text.lower()
    for phrase in sorted(APPROX_WORDS, key=len, reverse=True):
        if inner.startswith(phrase + " "):
            return phrase
    before = doc[max(ent.start - 3, 0) : ent.start].text.lower()
    for phrase in sorted(APPROX_WORDS, key=len, reverse=True):
        if before.endswith(phrase):
            return phrase
    return ""


def _counted(ent: SpacySpan, earlier: list[Quantity]) -> tuple[str, str, int]:
    """(unit, subject phrase, end offset) of what the number counts."""
    if ent.label_ == "PERCENT":
        return "percent", "", ent.end_char
    if ent.label_ == "MONEY":
        symbol = next((CURRENCY[c] for c in ent.text if c in CURRENCY), "")
        word = next(
            (t.lemma_.lower() for t in ent if t.lemma_.lower() in CURRENCY_WORDS),
            "",
        )
        return word or symbol or "money", "", ent.end_char
    last = ent[-1]
    noun = _counted_noun(last, ent) or _counted_noun(ent.root, ent)
    if noun is None:
        partitive = _partitive(last)
        if partitive and earlier:
            return earlier[-1].unit, earlier[-1].subject, ent.end_char
        return "", "", ent.end_char
    modifiers = [t.i for t in noun.subtree if ent.end <= t.i < noun.i and t.dep_ != "punct"]
    start = min(modifiers + [noun.i])
    subject = noun.doc[start : noun.i + 1].text
    return _singular(noun), subject, noun.idx + len(noun.text)


def _counted_noun(last: Token, ent: SpacySpan) -> Token | None:
    head = last.head
    if (
        last.dep_ in ("nummod", "quantmod", "compound")
        and head.pos_ in ("NOUN", "PROPN")
        and head.i >= ent.end
    ):
        return head
    # "thousands of containers": the vague number is itself the head
    for child in last.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [g for g in child.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")]
            if objects:
                return objects[0]
    return None


def _partitive(last: Token) -> bool:
    """'1,500 of them': counts part of what an earlier number counted."""
    for child in last.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return any(g.lower_ in PARTITIVE_PRONOUNS for g in child.children)
    return False


def _singular(token: Token) -> str:
    lemma = token.lemma_.lower()
    return lemma if lemma and lemma != "-pron-" else token.lower_
