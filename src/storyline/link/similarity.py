"""Bag-of-terms similarity between claims of one story.

Claims are compared as TF-IDF vectors of crude stems plus stem bigrams, with
each entity mention replaced by its canonical name first, so "Seoul" and
"South Korea" are one term and "Pyongyang" matches "the North". The IDF is
computed over the story's own claims: names every claim shares (the countries
of the story) weigh little, rare words ("lethal") weigh much.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence

from storyline.analyze.numbers import NUMBER_PATTERN, parse_number

STOPWORDS = frozenset(
    """a an the and or but if of to in on at by for with from as into about over after before
    than then that this these those it its it's is are was were be been being has have had do
    does did will would shall should can could may might must not no nor so such there their
    they them he she his her him we our us you your i me my who whom which what when where why
    how also said says say told tell according citing reported report claimed claims claim
    stated added noted amid while during since until up down out more most other some any all
    each both very just only own same again further once here s t don now mr ms mrs""".split()
)
_WORD = re.compile(r"[a-z0-9_]+")


SUFFIXES = (
    ("ically", ""),
    ("ally", ""),
    ("ies", "y"),
    ("ied", "y"),
    ("ing", ""),
    ("ed", ""),
    ("es", ""),
    ("ly", ""),
    ("al", ""),
    ("e", ""),
    ("s", ""),
)


def stem(word: str) -> str:
    """A crude English stem: 'supplies'/'supply', 'structurally'/'structural' meet."""
    for _ in range(2):  # "structurally" -> "structural" -> "structur"
        for suffix, keep in SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                word = word[: -len(suffix)] + keep
                break
        else:
            break
    return word


def terms(text: str, names: Mapping[str, str] | None = None) -> list[str]:
    """Stems and stem bigrams of ``text``, entity surfaces replaced by canonical names."""
    present = {k: v for k, v in (names or {}).items() if k and k in text}
    if present:  # one pass, longest first, so a replaced name is not replaced again
        pattern = re.compile("|".join(re.escape(k) for k in sorted(present, key=len, reverse=True)))
        text = pattern.sub(lambda m: " " + present[m.group(0)].replace(" ", "_") + " ", text)
    words = [stem(w) for w in _WORD.findall(numbers_as_words(text).lower().replace("’", "'"))]
    # Negation matters ("not directed against", "no sign of"): only negated words pair up;
    # other bigrams rarely survive a paraphrase and would only dilute the vector.
    grams = [
        f"{a}~{b}" for a, b in zip(words, words[1:], strict=False) if a in NEGATIONS and b not in STOPWORDS
    ]
    return [w for w in words if w not in STOPWORDS and len(w) > 1] + grams


NEGATIONS = frozenset({"not", "no", "never", "neither", "nor", "without"})


def numbers_as_words(text: str) -> str:
    """Numbers as one token each, whatever their spelling: '2,300', 'seven-year', 'Forty-one'."""

    def token(match: re.Match[str]) -> str:
        value = parse_number(match.group(0))
        if value is None:
            return match.group(0)
        shown = str(int(value)) if value.is_integer() else str(value).replace(".", "p")
        return f" n{shown} "

    return NUMBER_PATTERN.sub(token, text)


class Vectors:
    """TF-IDF vectors of a fixed set of texts; cosine between any two."""

    def __init__(self, bags: Sequence[list[str]]) -> None:
        df: Counter[str] = Counter()
        for bag in bags:
            df.update(set(bag))
        n = len(bags)
        self._vectors = [self._weigh(Counter(bag), df, n) for bag in bags]

    @staticmethod
    def _weigh(counts: Counter[str], df: Counter[str], n: int) -> dict[str, float]:
        # smoothed IDF (+1, as scikit-learn does): terms in every claim still count a little
        vector = {t: (1 + math.log(c)) * (1 + math.log((1 + n) / (1 + df[t]))) for t, c in counts.items()}
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        return {t: v / norm for t, v in vector.items()}

    def cosine(self, i: int, j: int) -> float:
        a, b = self._vectors[i], self._vectors[j]
        if len(a) > len(b):
            a, b = b, a
        return sum(v * b.get(t, 0.0) for t, v in a.items())
