"""Attribution: who said, thought or reported each stretch of an article, and through whom.

Rules over spaCy's dependency parse, one pass per cue:

* a cue verb ("said", "warned", "believes", "endorsed") takes its subject as the
  source and its complement (clause, object, quotation) as the content; a
  parenthetical cue ("..., he said.") takes the clause around it;
* "according to X" takes X as the source and the clause it modifies as content;
* "X: ..." in a headline or before a quotation takes X as the source;
* quotations are matched to the cue beside them, run on across sentences and
  paragraphs, and a quotation standing alone continues the previous speaker;
* reporting chains: "Yonhap quoted a source as saying", "the agency reported,
  citing an official" and "X said, according to state media" become one
  attribution whose chain holds the outer sources, outermost first;
* "reportedly", "allegedly" and "X seemed to ..." attribute their clause to no
  named source.

The cue lexicon is as broad as PolNeAR's notion of attribution (speech, belief,
intention, stance, evidence). Measured by benchmarks/attribution.py on the
PolNeAR dev file (302 articles), the rules tuned on it: content F1 0.766 at 30%
coverage, 0.661 at 80%, source accuracy 0.885.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from storyline.analyze import attribution_lexicon as lex
from storyline.analyze.attribution_draft import Draft
from storyline.analyze.attribution_quotes import attach_quotes, find_quotes, is_statement
from storyline.analyze.attribution_speakers import SpeakerResolver
from storyline.errors import AnalysisError
from storyline.records import Attribution, EntityMention, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_COMPLEMENTS = ("dobj", "xcomp", "dative", "oprd", "attr", "acomp")
_CONTENT_PREPS = frozenset("about of on for against to as with over that".split())
_PARENTHETICAL = ("ccomp", "parataxis", "advcl", "conj")
_TRIM = " \t\n,;:—–-"
# Dependencies through which a cue shares its governor's subject: "was quick to embrace", "after announcing".
_LOOK_UP = ("xcomp", "conj", "advcl", "pcomp", "acomp", "prep", "pobj")
_NAME_POS = frozenset({"PROPN", "NOUN", "ADJ", "DET", "CCONJ", "PART", "PUNCT", "ADP"})
_NOT_SOURCES = frozenset("note update correction related editor photo watch read listen video".split())
_ANONYMITY = re.compile(r"\b(?:named|identified|anonymity|authori[sz]ed)\b")
_SENTENCE_ADVERBS = frozenset("later also then now still earlier again finally instead meanwhile".split())


def find_attributions(doc: Doc, entities: tuple[EntityMention, ...]) -> tuple[Attribution, ...]:
    """Every attribution in ``doc``, in text order, with speakers resolved against ``entities``."""
    if len(doc) == 0:
        return ()
    if not doc.has_annotation("DEP"):
        raise AnalysisError(
            f"attribution needs a dependency parse, and this document has none "
            f"({doc.text[:40]!r}...): load a spaCy pipeline with a parser (storyline.analyze.nlp.load_nlp)"
        )
    text = doc.text  # a property that joins every token: read it once
    drafts = [d for token in doc if (d := _draft_for(token, text)) is not None]
    drafts += _colon_drafts(doc, text)
    drafts = _join_chains(drafts, text)
    drafts = _drop_nested(drafts, text)
    quotes = find_quotes(text)
    statements = [q for q in quotes if is_statement(text, q)]
    # PolNeAR rarely attributes within a quotation: "I think", "we want" there are the speaker's words
    drafts = [d for d in drafts if d.cue is None or not any(q[0] < d.cue[0] < q[1] for q in statements)]
    drafts = attach_quotes(text, drafts, quotes)
    drafts = [d for d in drafts if d.content[1] > d.content[0]]
    drafts = _dedupe(drafts)
    resolve = SpeakerResolver(doc, entities, text)
    return tuple(_finish(doc, draft, resolve) for draft in sorted(drafts, key=lambda d: d.content))


# --- cues ---------------------------------------------------------------------------------


def _draft_for(token: Token, text: str) -> Draft | None:
    if token.lower_ == "according" and token.i + 1 < len(token.doc) and token.nbor().lower_ == "to":
        return _according(token, text)
    if token.lower_ in lex.EVIDENTIAL_ADVERBS and token.dep_ == "advmod":
        return _evidential(token, text, token.head if token.head.pos_ != "ADJ" else token.head.head)
    if _lemma(token) in lex.APPEARANCE_VERBS and token.pos_ in ("VERB", "AUX"):
        if any(c.dep_ in ("xcomp", "acomp", "attr", "ccomp") for c in token.children):
            return _evidential(token, text, token)
        return None
    if token.pos_ != "VERB" or _lemma(token) not in lex.CUE_VERBS:
        return None
    if token.dep_ == "acl" and token.tag_ == "VBN":
        return None  # "troops claimed to be fighting", "a country ruled by": described, not attributed
    if token.dep_ in ("amod", "compound"):
        return _misparsed_verb(token, text)
    content = _verb_content(token, text)
    subject = _subject(token)
    if content is None and (subject is None or _lemma(token) not in lex.SPEECH):
        return None
    source = _subtree_span(subject, text, exclude=token) if subject is not None else None
    # A speech verb with nothing to report ("Trump said.") waits for a quotation beside it.
    content = content or (token.idx, token.idx)
    return Draft(content=content, cue=_cue_span(token), source=source, source_head=subject, cue_token=token)


def _misparsed_verb(token: Token, text: str) -> Draft | None:
    """'He implied immigrants were ...': the parser took the finite cue for an adjective."""
    if token.tag_ not in ("VBD", "VBZ", "VBP") or token.i == 0:
        return None
    before = token.nbor(-1)
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if (
        subject is None
        and before.pos_ in ("PRON", "PROPN")
        and before.dep_ in ("nsubj", "npadvmod", "compound")
    ):
        subject = before
    if subject is None:
        return None
    end = token.sent[-1]
    content = _trim(text, (token.idx + len(token), end.idx + len(end)))
    if content is None:
        return None
    source = (subject.left_edge.idx, subject.idx + len(subject))
    return Draft(content=content, cue=_cue_span(token), source=source, source_head=subject, cue_token=token)


def _lemma(token: Token) -> str:
    lemma = token.lemma_.lower()
    return lex.LEMMA_FIXES.get(lemma, lemma)


def _evidential(cue: Token, text: str, clause: Token) -> Draft | None:
    """'X is reportedly ...', 'X seemed to ...': the whole clause is attributed, often to no one."""
    content = _trim(text, (clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge)))
    if content is None:
        return None
    to = next((c for c in cue.children if c.dep_ == "prep" and c.lower_ == "to"), None)
    holder = next((t for t in to.children if t.dep_ == "pobj"), None) if to is not None else None
    source = (
        (holder.left_edge.idx, holder.right_edge.idx + len(holder.right_edge)) if holder is not None else None
    )
    return Draft(
        content=content, cue=(cue.idx, cue.idx + len(cue)), source=source, source_head=holder, cue_token=cue
    )


def _cue_span(token: Token) -> Span:
    parts = [token] + [t for t in token.children if t.dep_ == "prt"]
    parts += [t for noun in _statement_nouns(token) for t in (noun, noun.head)]
    return (min(t.idx for t in parts), max(t.idx + len(t) for t in parts))


def _statement_nouns(token: Token) -> list[Token]:
    """'said in a statement', 'told reporters in an interview': the noun carries the content."""
    return [
        noun
        for prep in token.children
        if prep.dep_ == "prep" and prep.lower_ in ("in", "during")
        for noun in prep.children
        if noun.dep_ == "pobj" and noun.lemma_.lower() in lex.STATEMENT_NOUNS
    ]


def _subject(token: Token) -> Token | None:
    """The grammatical subject of the cue, looking through "said and added", "..., saying"."""
    current = token
    for _ in range(6):
        for child in current.children:
            if child.dep_ in ("nsubj", "csubj"):
                return child
            if child.dep_ == "agent":
                return next((t for t in child.children if t.dep_ == "pobj"), None)
        # "a statement saying", "the senator, who said"; not "troops claimed to be" (a passive participle)
        reduced_passive = current.dep_ == "acl" and current.tag_ == "VBN"
        if (
            current.dep_ in ("relcl", "acl")
            and current.head.pos_ in ("NOUN", "PROPN", "PRON")
            and not reduced_passive
        ):
            return current.head
        if current.i == token.i and (named := _misparsed_subject(token)) is not None:
            return named
        if current.dep_ not in _LOOK_UP or current.head.i == current.i:
            return _phrase_before(token) if current.i == token.i else None
        current = current.head
    return None


def _phrase_before(token: Token) -> Token | None:
    """'Neil Sroka, director of ... - said': the noun phrase that ends right before a subjectless cue."""
    i = token.i - 1
    while i >= token.sent.start and token.doc[i].is_punct and token.doc[i].text not in "“”\"'":
        i -= 1
    if i < token.sent.start:
        return None
    last = token.doc[i]
    phrase = last
    while phrase.head.i != phrase.i and phrase.head.i < token.i and phrase.head.right_edge.i == last.i:
        phrase = phrase.head
    if (
        phrase.pos_ in ("NOUN", "PROPN")
        and phrase.right_edge.i == last.i
        and token.i not in range(phrase.left_edge.i, last.i + 1)
    ):
        return phrase
    return None


def _misparsed_subject(token: Token) -> Token | None:
    """'..." Skelly said.': the small parser sometimes calls the name before the verb a modifier."""
    for child in token.children:
        if child.dep_ not in ("advmod", "npadvmod", "dep", "nmod") or child.i != token.i - 1:
            continue
        if child.pos_ in ("PROPN", "PRON"):
            return child
        after_quote = child.i > 0 and child.nbor(-1).is_punct
        if after_quote and child.is_title and child.lower_ not in _SENTENCE_ADVERBS:
            return child
    return None


def _verb_content(token: Token, text: str) -> Span | None:
    clauses = [c for c in token.children if c.dep_ == "ccomp"] or [
        clause
        for noun in _statement_nouns(token)
        for clause in noun.children
        if clause.dep_ in ("acl", "ccomp", "relcl")
    ]
    if not clauses:
        clauses = [c for c in token.children if c.dep_ in _COMPLEMENTS]
        if _lemma(token) in lex.ADDRESSEE_VERBS and all(c.dep_ in ("dobj", "dative") for c in clauses):
            clauses = []  # "told reporters": whom, not what
        clauses += [
            c
            for c in token.children
            if c.dep_ == "prep"
            and c.lower_ in _CONTENT_PREPS
            and any(g.dep_ in ("pobj", "pcomp") for g in c.children)
        ]
    if clauses:
        start = min(c.left_edge.idx for c in clauses)
        end = max(c.right_edge.idx + len(c.right_edge) for c in clauses)
        return _trim(text, _within_paragraph(text, (start, end), token.idx))
    if token.dep_ in _PARENTHETICAL and token.head.i != token.i:
        return _around(token, text)
    return None


def _around(token: Token, text: str) -> Span | None:
    """The clause a parenthetical cue sits in, without the cue's own phrase."""
    head = token.head
    own = {t.i for t in token.subtree}
    rest = [t for t in head.subtree if t.i not in own]
    before = [t for t in rest if t.i < token.left_edge.i]
    after = [t for t in rest if t.i > token.right_edge.i]
    side = before if len(before) >= len(after) else after
    if not side:
        return None
    return _trim(text, _within_paragraph(text, (side[0].idx, side[-1].idx + len(side[-1])), token.idx))


def _according(token: Token, text: str) -> Draft | None:
    to = token.nbor()
    source_head = next((t for t in to.children if t.dep_ == "pobj"), None)
    if source_head is None:
        return None
    phrase = (token.idx, to.right_edge.idx + len(to.right_edge))
    sentence = token.sent
    lead = text[sentence.start_char : phrase[0]].strip(' ,\n"“')
    tail = text[phrase[1] : sentence.end_char].strip(' .,;\n"”')
    if not lead or not tail:  # "According to X, ..." or "..., according to X.": the whole sentence
        clause = [t for t in sentence if not phrase[0] <= t.idx < phrase[1]]
    else:
        clause = [t for t in _clause_head(token).subtree if not phrase[0] <= t.idx < phrase[1]]
    while clause and (clause[-1].is_punct or clause[-1].is_space):
        clause.pop()
    if not clause:
        return None
    content = _trim(
        text, _within_paragraph(text, (clause[0].idx, clause[-1].idx + len(clause[-1])), token.idx)
    )
    if content is None:
        return None
    source = (source_head.left_edge.idx, to.right_edge.idx + len(to.right_edge))
    return Draft(content=content, cue=(token.idx, to.idx + len(to)), source=source, source_head=source_head)


def _clause_head(token: Token) -> Token:
    head = token.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    return head


def _colon_drafts(doc: Doc, text: str) -> list[Draft]:
    """'Name: what they said', in headlines and before quotations."""
    drafts = []
    for token in doc:
        if token.text != ":" or token.i == 0:
            continue
        left = _name_before(doc, token, text)
        if not left:
            continue
        line_start = text.rfind("\n", 0, left[0].idx) + 1
        after = text[token.idx + 1 :].lstrip(" ")
        at_line_start = text[line_start : left[0].idx].strip(" -–—") == ""
        if not at_line_start and not after.startswith(("“", '"', "‘", "''")):
            continue
        line_end = text.find("\n", token.idx)
        content = _trim(text, (token.idx + 1, len(text) if line_end < 0 else line_end))
        if content is None:
            continue
        head = max(left, key=lambda t: (t.head.i not in {x.i for x in left}, t.i))
        source = (left[0].idx, left[-1].idx + len(left[-1]))
        drafts.append(Draft(content=content, cue=(token.idx, token.idx + 1), source=source, source_head=head))
    return drafts


def _name_before(doc: Doc, colon: Token, text: str) -> list[Token]:
    """The name or source noun phrase right before a colon: "Pollster Ann Selzer", "HUFFPOLLSTER"."""
    tokens: list[Token] = []
    for token in reversed(doc[max(0, colon.i - 8) : colon.i]):
        if "\n" in text[token.idx : colon.idx] or token.pos_ not in _NAME_POS:
            break
        tokens.insert(0, token)
    while tokens and tokens[0].pos_ in ("CCONJ", "PUNCT", "ADP"):
        tokens.pop(0)
    named = any(
        t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG") or t.lemma_.lower() in lex.MEDIA_WORDS
        for t in tokens
    )
    # headlines: "Reyes: ..." where the small tagger calls the name a noun
    named = named or (bool(tokens) and all(t.is_title or t.is_upper for t in tokens if t.is_alpha))
    return tokens if named and tokens[-1].lower_ not in _NOT_SOURCES else []


# --- chains --------------------------------------------------------------------------------


def _join_chains(drafts: list[Draft], text: str) -> list[Draft]:
    """Fold 'according to', 'citing' and 'quoted X as saying' into the attribution they carry."""
    by_cue = {d.cue_token.i: d for d in drafts if d.cue_token is not None}
    dropped: set[int] = set()
    for index, draft in enumerate(drafts):
        token = draft.cue_token
        if draft.cue_token is None and draft.cue is not None and draft.source_head is not None:
            inner = _carried_by_according(draft, by_cue)
            # "X said ..., according to state media" is X's speech, relayed; "X is considering ...,
            # according to a source" is the source's claim about X, and stays the source's
            relayed = (
                inner is not None and inner.cue_token is not None and _lemma(inner.cue_token) in lex.SPEECH
            )
            if inner is not None and inner is not draft and relayed:
                inner.chain.insert(0, (draft.source, draft.source_head))  # type: ignore[arg-type]
                dropped.add(index)
            continue
        if token is None:
            continue
        lemma = _lemma(token)
        if lemma in lex.QUOTING_VERBS:
            inner = _quoted_as_saying(token, by_cue, text)
            if inner is not None and draft.source is not None:
                inner.chain.insert(0, (draft.source, draft.source_head))  # type: ignore[arg-type]
                dropped.add(index)
            elif lemma == "cite" and (outer := _cited_for(token, drafts, by_cue)) is not None:
                obj = next((t for t in token.children if t.dep_ == "dobj"), None)
                if obj is not None and outer.source is not None:
                    if outer.content[0] <= token.idx < outer.content[1] and token.right_edge.i + 1 < len(
                        token.doc
                    ):
                        after = token.right_edge.nbor()
                        if token.idx <= outer.content[0] + 2:  # "citing an official, that ...": cut it off
                            outer.content = _trim(text, (after.idx, outer.content[1])) or outer.content
                    outer.chain.insert(0, (outer.source, outer.source_head))  # type: ignore[arg-type]
                    outer.source, outer.source_head = _subtree_span(obj, text, exclude=token), obj
                    dropped.add(index)
    return [d for i, d in enumerate(drafts) if i not in dropped]


def _cited_for(token: Token, drafts: list[Draft], by_cue: dict[int, Draft]) -> Draft | None:
    """The report a 'citing X' phrase belongs to: its head's, or the one whose content holds it."""
    if token.dep_ not in ("advcl", "xcomp", "conj", "acl"):
        return None
    if token.head.i in by_cue and token.head.i != token.i:
        return by_cue[token.head.i]
    return next(
        (
            d
            for d in drafts
            if (d.cue_token is None or d.cue_token.i != token.i)
            and d.content[0] <= token.idx < d.content[1]
            and d.source
        ),
        None,
    )


def _carried_by_according(draft: Draft, by_cue: dict[int, Draft]) -> Draft | None:
    head = draft.source_head.head.head.head if draft.source_head is not None else None  # to <- according <- X
    if head is not None and head.i in by_cue:
        return by_cue[head.i]
    return None


def _quoted_as_saying(token: Token, by_cue: dict[int, Draft], text: str) -> Draft | None:
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "as":
            for saying in prep.children:
                if saying.i in by_cue:
                    inner = by_cue[saying.i]
                    obj = next((t for t in token.children if t.dep_ in ("dobj", "nsubjpass")), None)
                    if obj is not None:
                        inner.source, inner.source_head = _subtree_span(obj, text, exclude=token), obj
                    return inner
    return None


def _drop_nested(drafts: list[Draft], text: str) -> list[Draft]:
    """'officials who asked not to be named said': a cue inside a source describes the source.
    'reportedly told': the adverb hedges the cue's own attribution."""
    sources = [d.source for d in drafts if d.source is not None]
    cues = {d.cue_token.i for d in drafts if d.cue_token is not None and _lemma(d.cue_token) in lex.SPEECH}
    kept = []
    for draft in drafts:
        cue = draft.cue
        nested = cue is not None and any(s[0] <= cue[0] < s[1] for s in sources if s != draft.source)
        if nested and cue is not None and _ANONYMITY.search(text[cue[0] : draft.content[1]]):
            continue
        token = draft.cue_token
        if token is not None and token.lower_ in lex.EVIDENTIAL_ADVERBS and token.head.i in cues:
            continue
        kept.append(draft)
    return kept


# --- finishing ---------------------------------------------------------------------------------


def _dedupe(drafts: list[Draft]) -> list[Draft]:
    seen: dict[tuple[Span, Span | None], Draft] = {}
    for draft in drafts:
        seen.setdefault((draft.content, draft.cue), draft)
    return list(seen.values())


def _finish(doc: Doc, draft: Draft, resolve: SpeakerResolver) -> Attribution:
    chain = tuple(span for span, _ in draft.chain)
    chain_speakers = tuple(resolve(span, head) for span, head in draft.chain)
    speaker = (
        resolve(draft.source, draft.source_head) if draft.source and draft.source_head is not None else None
    )
    return Attribution(
        content=draft.content,
        source=draft.source,
        cue=draft.cue,
        chain=chain,
        speaker=speaker,
        chain_speakers=chain_speakers,
        kind=draft.kind,
        hedged=_hedged(doc, draft),
    )


def _hedged(doc: Doc, draft: Draft) -> bool:
    span = doc.char_span(draft.content[0], draft.content[1], alignment_mode="expand")
    words = [] if span is None else [span.root, *span.root.children]
    if draft.cue_token is not None:
        words += [draft.cue_token, *draft.cue_token.children]
        if draft.cue_token.lemma_.lower() in lex.HEDGE_CUES:
            return True
    return any(word.lower_ in lex.HEDGE_WORDS for word in words)


def _subtree_span(token: Token, text: str, *, exclude: Token) -> Span:
    """The phrase headed by ``token``, appositions included, cut short of the cue ("X, who said")."""
    tokens = list(token.subtree)
    if tokens[0].i <= exclude.i <= tokens[-1].i:
        tokens = (
            [t for t in tokens if t.i < exclude.left_edge.i]
            if token.i < exclude.i
            else [t for t in tokens if t.i > exclude.right_edge.i]
        )
    tokens = tokens or [token]
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    return _trim(text, (start, end)) or (token.idx, token.idx + len(token))


def _within_paragraph(text: str, span: Span, anchor: int) -> Span:
    """A parse can run across paragraphs (a photo credit before a lede); content stays in the cue's."""
    start = text.rfind("\n\n", 0, anchor)
    end = text.find("\n\n", anchor)
    return (max(span[0], start + 2 if start >= 0 else 0), min(span[1], len(text) if end < 0 else end))


def _trim(text: str, span: Span) -> Span | None:
    start, end = span
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return (start, end) if end > start and re.search(r"\w", text[start:end]) else None
