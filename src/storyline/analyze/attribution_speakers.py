"""Who a source span names: a canonical speaker, typed, with pronouns and roles resolved.

A source written as a name takes the canonical name of the entity mention it
holds ("Peskov" -> Dmitry Peskov). "he", "she" and a definite role noun ("the
spokesperson", "the minister") stand for the most recent person already
speaking in the article; "they" for the most recent group. Unnamed sources are
typed anonymous, reports and outlets media, states and ministries government.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from storyline.analyze import attribution_lexicon as lex
from storyline.records import EntityMention, Speaker, SpeakerType

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_ANONYMOUS = re.compile("|".join(lex.ANONYMOUS_PATTERNS), re.IGNORECASE)
_LABEL_TYPES: dict[str, SpeakerType] = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "government",
    "NORP": "government",
}
_GROUP_TYPES = frozenset({"organization", "government", "media"})


class SpeakerResolver:
    """Resolves source spans in text order; remembers who has spoken so far."""

    def __init__(self, doc: Doc, entities: tuple[EntityMention, ...], text: str) -> None:
        self.doc = doc
        self.text = text
        self.entities = sorted(entities, key=lambda mention: mention.span)
        self.spoken: list[Speaker] = []

    def __call__(self, span: tuple[int, int], head: Token) -> Speaker:
        speaker, named = self._resolve(span, head)
        if named:
            self.spoken.append(speaker)
        return speaker

    def _resolve(self, span: tuple[int, int], head: Token) -> tuple[Speaker, bool]:
        """The speaker, and whether it is a named one that later pronouns and roles may stand for."""
        written = self.text[span[0] : span[1]].strip(" ,;:—-–\n")
        if head.tag_ in ("WP", "WDT") and head.head.dep_ == "relcl":  # "the senator, who said"
            noun = head.head.head
            return self._resolve((noun.left_edge.idx, noun.idx + len(noun)), noun)
        word = head.lower_
        if word in lex.PERSON_PRONOUNS or word in lex.PLURAL_PRONOUNS:
            speaker = self._antecedent(written, span[0], plural=word in lex.PLURAL_PRONOUNS)
            return speaker, speaker.name != written  # a resolved pronoun keeps its speaker current
        mention = self._mention(span, head)
        if _ANONYMOUS.search(written) or (mention is None and _unnamed_official(head)):
            return Speaker(name=written, as_written=written, type="anonymous"), False
        if mention is not None:
            speaker = _from_mention(mention, written, head)
            return speaker, speaker.name == mention.name
        if (earlier := self._same_body(head, written)) is not None:  # "the agency" after "Yonhap news agency"
            return Speaker(name=earlier.name, as_written=written, type=earlier.type), True
        if _is_role(head, written):
            speaker = self._antecedent(written, span[0], plural=False, role=head.lemma_.lower())
            return speaker, speaker.name != written
        kind = _type_of_words(head, written)
        return Speaker(name=written, as_written=written, type=kind), head.pos_ == "PROPN"

    def _mention(self, span: tuple[int, int], head: Token) -> EntityMention | None:
        inside = [m for m in self.entities if span[0] <= m.span[0] and m.span[1] <= span[1]]
        for mention in inside:  # the mention that is the head of the source phrase
            if mention.span[0] <= head.idx < mention.span[1]:
                return mention
        compounds = {t.idx for t in head.children if t.dep_ in ("compound", "poss", "nmod")}
        heads = [m for m in inside if any(m.span[0] <= i < m.span[1] for i in compounds)]
        if heads and head.lower_ in lex.ROLE_NOUNS | {"chief", "head"}:
            return None  # "Russia's foreign minister" names no one by itself
        return heads[0] if heads else (inside[0] if len(inside) == 1 and len(head.text) < 3 else None)

    def _antecedent(self, written: str, start: int, *, plural: bool, role: str = "") -> Speaker:
        wanted = _GROUP_TYPES if plural else frozenset({"person"})
        spoken = [s for s in reversed(self.spoken) if s.type in wanted]
        earlier = [m for m in reversed(self.entities) if m.span[1] <= start and _kind(m) in wanted]
        if role:  # "the director": whoever was introduced with that title, if anyone was
            titled = [s for s in spoken if role in s.as_written.lower()]
            titled += [
                Speaker(name=m.name, as_written=written, type=_kind(m))
                for m in earlier
                if self._titled(m, role)
            ]
            spoken = titled or spoken
        if spoken:
            return Speaker(name=spoken[0].name, as_written=written, type=spoken[0].type)
        if earlier:
            return Speaker(name=earlier[0].name, as_written=written, type=_kind(earlier[0]))
        return Speaker(name=written, as_written=written, type="person" if not plural else "unknown")

    def _same_body(self, head: Token, written: str) -> Speaker | None:
        """A definite group noun standing alone names the group of that kind that spoke last."""
        if written.lower() != f"the {head.lower_}" or head.lemma_.lower() not in lex.BODY_NOUNS:
            return None
        noun = head.lower_
        return next((s for s in reversed(self.spoken) if noun in s.as_written.lower().split()), None)

    def _titled(self, mention: EntityMention, role: str) -> bool:
        """'Port director Anna Kovacs': the title written right before the name."""
        return role in self.text[max(0, mention.span[0] - 30) : mention.span[0]].lower().split()[-3:]


def _kind(mention: EntityMention) -> SpeakerType:
    return mention.type if mention.type != "unknown" else _LABEL_TYPES.get(mention.label, "unknown")


def _from_mention(mention: EntityMention, written: str, head: Token) -> Speaker:
    kind = _kind(mention)
    if mention.span[0] <= head.idx < mention.span[1]:
        return Speaker(name=mention.name, as_written=written, type=kind)
    body = _type_of_words(head, written)
    if any(c.dep_ == "compound" and mention.span[0] <= c.idx < mention.span[1] for c in head.children):
        return Speaker(name=mention.name, as_written=written, type=body)  # "the Yonhap news agency"
    # "South Korea's intelligence agency": a body of the named state or group
    if kind == "government" and body in ("organization", "unknown"):
        body = "government"
    return Speaker(name=written, as_written=written, type=body)


def _unnamed_official(head: Token) -> bool:
    """'an official', 'officials', 'a senior diplomat': people the article does not name."""
    determiners = {t.lower_ for t in head.children if t.dep_ == "det"}
    return (
        head.lemma_.lower() in lex.UNNAMED_PEOPLE
        and "the" not in determiners
        and not any(t.dep_ in ("compound", "appos") and t.pos_ == "PROPN" for t in head.children)
    )


def _is_role(head: Token, written: str) -> bool:
    determiners = {t.lower_ for t in head.children if t.dep_ == "det"}
    return head.lemma_.lower() in lex.ROLE_NOUNS and "the" in determiners and len(written.split()) <= 4


def _type_of_words(head: Token, written: str) -> SpeakerType:
    words = set(re.findall(r"[a-z]+", written.lower()))
    lemma = head.lemma_.lower()
    if lemma == "agency":  # a news agency reports; an intelligence agency is the state
        if words & {"news", "press", "wire"}:
            return "media"
        return "government" if len(words - {"the", "agency"}) else "organization"
    if lemma in lex.MEDIA_WORDS or ("media" in words and lemma not in lex.GOVERNMENT_WORDS):
        return "media"
    if lemma in lex.GOVERNMENT_WORDS or words & {"ministry", "government", "kremlin", "pentagon"}:
        return "government"
    if lemma in lex.ORGANIZATION_WORDS or lemma in lex.STATEMENT_NOUNS:
        return "organization"
    if head.ent_type_ == "PERSON" or lemma in lex.ROLE_NOUNS or head.pos_ == "PROPN":
        return "person" if head.ent_type_ in ("PERSON", "") else _LABEL_TYPES.get(head.ent_type_, "unknown")
    return "unknown"
