"""Align claims that say the same thing in different articles of a story.

Two claims align when they come from different articles, are of compatible
kinds, and either state the same number of the same kind of thing, or say the
same words about the same names (TF-IDF cosine over the story's claims). Each
claim aligns with at most one claim of any other article (mutual best match),
and groups are closed transitively without ever holding two claims of one
article. A group becomes one story claim whose evidence is every member's
sentence, keeping every source.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from storyline.link.actors import same_actor
from storyline.link.similarity import Vectors, terms
from storyline.records import ArticleAnalysis, Claim, ClaimStatus, Quantity, Speaker

# Tuned by hand on the project's own example story (examples/) and checked on
# the two seed articles: below 0.28 unrelated sentences about the same actors
# start to pair; above 0.4 paraphrases from different outlets are missed.
PARAPHRASE_THRESHOLD = 0.3
# Quantity claims with equal numbers of one kind of thing need less wording in
# common: the number itself is the strongest evidence.
QUANTITY_THRESHOLD = 0.05
# An equal number of at least this size is distinctive enough to align across
# differently named units ("312 people infected" / "312 cases") with some shared wording.
DISTINCTIVE_NUMBER = 10
DISTINCTIVE_THRESHOLD = 0.1
# Different but compatible numbers ("some 2,300" / "more than 2,000") need more wording.
COMPATIBLE_THRESHOLD = 0.15
# One actor denying (or declining to comment) in two outlets is one stance even
# when the outlets word it differently ("pure speculation" / "baseless").
STANCE_THRESHOLD = 0.1

# Counted nouns that name the same kind of thing in news about conflicts and crowds.
UNIT_CLASSES: tuple[frozenset[str], ...] = (
    frozenset(
        {
            "troop",
            "soldier",
            "force",
            "personnel",
            "serviceman",
            "servicemen",
            "fighter",
            "marine",
            "sailor",
            "commando",
            "mercenary",
            "recruit",
            "conscript",
            "militant",
        }
    ),
    frozenset({"people", "person", "civilian", "resident", "individual", "inhabitant"}),
    frozenset({"case", "patient", "infection"}),
    frozenset({"dollar", "usd", "money"}),
    frozenset({"ship", "vessel", "boat", "tanker", "freighter", "ferry", "trawler", "warship"}),
    frozenset({"vehicle", "car", "model", "truck", "lorry", "van", "bus"}),
    frozenset({"death", "dead", "fatality", "victim", "body"}),
    frozenset({"kilometre", "kilometer", "km"}),
    frozenset({"mile", "nautical"}),
)
FAMILIES = {
    "assertion": "say",
    "intention": "say",
    "event": "say",
    "quantity": "quantity",
    "denial": "denial",
    "refusal": "refusal",
}


@dataclass(frozen=True, slots=True)
class Member:
    """One article's claim inside the story."""

    analysis: ArticleAnalysis
    claim: Claim

    @property
    def article_id(self) -> str:
        return self.analysis.article.id


def members_of(analyses: Sequence[ArticleAnalysis]) -> list[Member]:
    return [Member(a, c) for a in analyses for c in a.claims]


def align(members: Sequence[Member]) -> list[list[int]]:
    """Groups of member indexes that say the same thing, in first-seen order."""
    vectors = similarity(members)
    parent = list(range(len(members)))
    groups_articles = {i: {members[i].article_id} for i in range(len(members))}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j, _ in _mutual_best(members, vectors):
        ri, rj = find(i), find(j)
        if ri == rj or groups_articles[ri] & groups_articles[rj]:
            continue
        parent[rj] = ri
        groups_articles[ri] |= groups_articles.pop(rj)
    groups: dict[int, list[int]] = {}
    for i in range(len(members)):
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())


def similarity(members: Sequence[Member]) -> Vectors:
    return Vectors([_bag(m) for m in members])


def _bag(member: Member) -> list[str]:
    return terms(member.claim.text, _names(member.analysis))


def _names(analysis: ArticleAnalysis) -> dict[str, str]:
    text = analysis.article.text
    return {text[m.span[0] : m.span[1]]: m.name for m in analysis.entities}


def _mutual_best(members: Sequence[Member], vectors: Vectors) -> list[tuple[int, int, float]]:
    """Pairs (i, j, score) where each is the other's best match in the other's article."""
    best: dict[tuple[int, str], tuple[float, int]] = {}
    for i, a in enumerate(members):
        for j in range(i + 1, len(members)):
            b = members[j]
            if a.article_id == b.article_id:
                continue
            score = pair_score(a.claim, b.claim, vectors.cosine(i, j))
            if score is None:
                continue
            for x, y in ((i, j), (j, i)):
                key = (x, members[y].article_id)
                if score > best.get(key, (-1.0, -1))[0]:
                    best[key] = (score, y)
    pairs = []
    for (i, other), (score, j) in best.items():
        if i < j and best.get((j, members[i].article_id), (0.0, -1))[1] == i:
            pairs.append((i, j, score))
        del other
    return sorted(pairs, key=lambda p: -p[2])


def pair_score(a: Claim, b: Claim, cosine: float) -> float | None:
    """How strongly two claims of different articles say the same thing; None if not."""
    if FAMILIES[a.kind] != FAMILIES[b.kind] or _different_days(a, b):
        return None
    if a.kind == "quantity":
        if not (a.quantities and b.quantities):
            return None
        return _quantity_score(a.quantities[0], b.quantities[0], cosine)
    if a.kind in ("denial", "refusal") and same_actor(a.speaker, b.speaker):
        return cosine if cosine >= STANCE_THRESHOLD else None
    return cosine if cosine >= PARAPHRASE_THRESHOLD else None


def _quantity_score(a: Quantity, b: Quantity, cosine: float) -> float | None:
    """Equal numbers of one kind of thing align on little shared wording; an equal
    distinctive number ("184,000 vehicles" / "184,000 cars") on some; numbers that
    can both be true ("some 2,300" / "more than 2,000") only with more."""
    if equal_values(a, b):
        if same_unit(a.unit, b.unit) and cosine >= QUANTITY_THRESHOLD:
            return 1.0 + cosine
        if a.value >= DISTINCTIVE_NUMBER and cosine >= DISTINCTIVE_THRESHOLD:
            return 1.0 + cosine
        return None
    if (a.approximate or b.approximate) and same_unit(a.unit, b.unit) and compatible_values(a, b):
        return 0.5 + cosine if cosine >= COMPATIBLE_THRESHOLD else None
    return None


def equal_values(a: Quantity, b: Quantity) -> bool:
    return abs(a.value - b.value) <= 0.01 * max(a.value, b.value)


def compatible_values(a: Quantity, b: Quantity) -> bool:
    """Whether both numbers can be true at once: their stated ranges overlap."""
    lo_a, hi_a = bounds(a)
    lo_b, hi_b = bounds(b)
    return lo_a <= hi_b and lo_b <= hi_a


def bounds(q: Quantity) -> tuple[float, float]:
    """The range a quantity allows: 'more than 2,000' is [2000, inf), 'about 300' is 300."""
    low = q.low if q.low is not None else q.value
    high = q.high if q.high is not None else q.value
    if q.low is not None and q.high is None and q.approximate:
        high = float("inf")
    if q.high is not None and q.low is None and q.approximate:
        low = 0.0
    return low, high


def _different_days(a: Claim, b: Claim) -> bool:
    """Two events dated to different days are different events, however alike the
    words ("the train derailed on Thursday" / "residents returned on Monday, four
    days after the train derailed"). Dates of statements do not count: one report
    is carried on Monday by one outlet and on Tuesday by another."""
    if not (a.when and b.when and a.when.event and b.when.event):
        return False
    return len(a.when.value) >= 10 and len(b.when.value) >= 10 and a.when.value != b.when.value


def same_unit(a: str, b: str) -> bool:
    if a == b:
        return True
    return any(a in group and b in group for group in UNIT_CLASSES)


def outlet_keys(analyses: Sequence[ArticleAnalysis]) -> dict[str, str]:
    """Article id -> the outlet its text originally came from (a wire copy counts as
    its original's outlet, so an agency story republished three times is one source)."""
    own = {a.article.id: (a.article.outlet or a.article.id).lower() for a in analyses}
    keys = {}
    for analysis in analyses:
        article = analysis.article
        original = next((f.split(":", 1)[1] for f in article.flags if f.startswith("wire-copy:")), None)
        keys[article.id] = own.get(original or article.id, original or article.id)
    return keys


def origin(member: Member, outlets: dict[str, str] | None = None) -> str:
    """The original source behind one piece of evidence.

    Two outlets repeating one agency's report share the agency as origin; an
    outlet's own reporting is its own origin; a named speaker is the origin of
    what they said, whoever quotes them.
    """
    claim, article = member.claim, member.analysis.article
    media = [s.name for s in claim.chain if s.type == "media"] or _media_named(member)
    if media:
        return "media:" + media[0].lower()
    speaker = claim.speaker
    outlet_key = "outlet:" + (outlets or {}).get(article.id, (article.outlet or article.id).lower())
    if speaker is None or speaker.type in ("anonymous", "unknown"):
        return outlet_key
    if speaker.type == "media":
        return "media:" + speaker.name.lower()
    return "speaker:" + speaker.name.lower()


def _media_named(member: Member) -> list[str]:
    """News organisations named in the claim's sentence other than the outlet itself:
    "an official told the Adriatic Wire news agency" traces to that agency."""
    outlet = (member.analysis.article.outlet or "").lower()
    found = []
    for evidence in member.claim.evidence:
        start, end = evidence.span
        found += [
            m.name
            for m in member.analysis.entities
            if m.type == "media" and start <= m.span[0] < end and m.name.lower() not in outlet
        ]
    return found


def merge(group: Sequence[Member], outlets: dict[str, str] | None = None) -> Claim:
    """One story claim from aligned article claims; every member's evidence kept.

    ``outlets`` maps article ids to their original outlet (``outlet_keys``).
    """
    lead = min(group, key=_lead_rank)
    evidence = tuple(e for m in group for e in m.claim.evidence)
    sources = {origin(m, outlets) for m in group}
    carriers = {(outlets or {}).get(m.article_id) or m.analysis.article.outlet or m.article_id for m in group}
    status: ClaimStatus = "corroborated" if len(carriers) > 1 else "single-source"
    quantities = lead.claim.quantities or next((m.claim.quantities for m in group if m.claim.quantities), ())
    when = lead.claim.when or next((m.claim.when for m in group if m.claim.when), None)
    return replace(
        lead.claim,
        evidence=evidence,
        status=status,
        independent_sources=len(sources),
        quantities=quantities,
        when=when,
        hedged=all(m.claim.hedged for m in group),
    )


def _lead_rank(member: Member) -> tuple[int, int, int, str]:
    """The member that speaks for the group: a number with its counted noun and a
    readable clause first, then named speakers, then the earliest."""
    claim = member.claim
    vague = bool(claim.quantities) and (not claim.quantities[0].unit or len(claim.text.split()) < 4)
    return (
        int(vague),
        _speaker_rank(claim.speaker),
        -len(claim.chain),
        member.analysis.article.published or "9999",
    )


def _speaker_rank(speaker: Speaker | None) -> int:
    order = {"person": 0, "government": 1, "organization": 2, "media": 3, "anonymous": 4}
    return 5 if speaker is None else order.get(speaker.type, 4)
