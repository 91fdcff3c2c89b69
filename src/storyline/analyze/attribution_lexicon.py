"""Word lists for attribution: which words introduce what someone said, thought or wants.

The lists are general English news usage, grouped by what the cue does. Their
breadth follows PolNeAR's notion of attribution (speech, belief, intention,
stance and evidence: "says", "believes", "wants", "endorsed", "the poll
shows"), tuned on ../shared/data/attribution/dev.jsonl.
"""

from __future__ import annotations

# Verbs of saying and writing: the core of news attribution.
SPEECH = frozenset(
    """
    say tell add state announce report claim deny warn insist accuse confirm dismiss
    note explain argue write tweet post ask answer reply respond suggest describe declare
    acknowledge admit concede assert contend maintain stress emphasize emphasise observe
    remark comment mention reveal disclose indicate predict promise pledge vow threaten
    urge recommend propose demand request agree disagree complain criticize criticise
    praise condemn denounce slam blast attack blame reject refuse decline question
    challenge dispute recall recount joke quip boast brag continue repeat
    reiterate echo counter retort shout chant yell whisper muse lament concur allege
    charge estimate forecast conclude cite quote read talk discuss address express
    voice signal hint imply assure reassure caution inform announce proclaim
    publish label dub term brand characterize portray call tout hail laud
    mock ridicule lambast lash decry deride scold rebuke chide fault accuse defend
    apologize apologise thank congratulate vouch insinuate speculate theorize guarantee
    clarify elaborate summarize summarise preach plead beg implore exhort
    encourage order instruct direct endorse recommend
    acknowledge affirm reaffirm attest certify swear stipulate specify outline list
    highlight underscore point tease mull ponder wonder muse acknowledge
    concede rule declare pronounce predict project assess rate grade
    complain grumble gripe protest object oppose veto contradict refute rebut debunk
    correct deny""".split()
)

# Verbs of belief, intention and stance: PolNeAR attributes these to their subject.
ATTITUDE = frozenset(
    """
    think believe feel know consider doubt suspect assume guess imagine reckon
    understand realize realise recognize recognise expect hope want wish plan intend
    seek fear worry support back favor favour prefer like welcome applaud
    advocate champion push lobby oppose resist reject accept embrace trust distrust
    blame credit envision foresee anticipate predict prefer decide choose
    determine judge view regard see sense notice acknowledge admire respect
    love hate dislike despise deserve demand insist prioritize desire crave
    gamble question wonder offer refer name focus share identify""".split()
)

# Things that show or find: polls, studies, reports, data.
EVIDENCE = frozenset(
    """
    show find suggest reveal indicate demonstrate confirm document detail
    conclude estimate project list""".split()
)

CUE_VERBS = SPEECH | ATTITUDE | EVIDENCE

# The small English pipeline's lemmatizer reads "hoping"/"hoped" as forms of "hop".
LEMMA_FIXES = {"hop": "hope"}

# Adverbs that attribute their clause to unnamed others ("is reportedly planning").
EVIDENTIAL_ADVERBS = frozenset(
    "reportedly allegedly purportedly reputedly seemingly apparently supposedly".split()
)
# Verbs of appearance: PolNeAR attributes "X seemed to ..." to whoever it seems so to.
APPEARANCE_VERBS = frozenset("seem appear sound look".split())

# Verbs whose direct object is the addressee, not the content ("told reporters that ...").
ADDRESSEE_VERBS = frozenset("tell ask inform assure reassure remind warn advise urge notify".split())

# Verbs that report someone else's words: "Yonhap quoted a source as saying".
QUOTING_VERBS = frozenset("quote cite".split())

# Nouns that stand for a statement or a report: "in a statement", "the report said".
STATEMENT_NOUNS = frozenset(
    """statement interview remarks speech briefing release post tweet letter op-ed
    editorial column message address conference email memo testimony""".split()
)

# Hedges that make a claim uncertain as reported.
HEDGE_WORDS = frozenset(
    """reportedly allegedly purportedly apparently possibly perhaps probably likely
    seemingly supposedly presumably could may might""".split()
)
HEDGE_CUES = frozenset("allege claim speculate suspect guess rumor rumour".split())

# Source words for people who are not named.
ANONYMOUS_PATTERNS = (
    r"\bsources?\b",
    r"\b(?:officials?|people|persons?|diplomats?|insiders?|aides?|someone|one)\b.*\b(?:familiar|close to|"
    r"knowledge|briefed|involved)\b",
    r"\bnot (?:to )?be (?:named|identified)\b",
    r"\bcondition of anonymity\b",
    r"\banonymous\b",
    r"\bunnamed\b",
    r"\bunidentified\b",
    r"\bwho (?:asked|declined|requested)\b",
)

MEDIA_WORDS = frozenset(
    """media press report reports newspaper newspapers paper agency broadcaster outlet
    outlets television tv radio channel network daily weekly magazine wire journal
    tabloid website blog news reporting poll polls survey surveys study studies""".split()
)
GOVERNMENT_WORDS = frozenset(
    """government ministry ministries department administration cabinet kremlin
    pentagon parliament congress senate presidency embassy military army navy
    police authorities authority regime council state""".split()
)
ORGANIZATION_WORDS = frozenset(
    """company firm group party campaign committee organization organisation union
    association coalition movement alliance bank court agency board team office
    institute foundation commission""".split()
)

# Heads of source phrases that name no one when nothing else does ("an official", "diplomats").
UNNAMED_PEOPLE = frozenset("official diplomat insider aide source person people analyst expert".split())

# Role nouns that stand for a named speaker mentioned earlier ("the spokesperson").
ROLE_NOUNS = frozenset(
    """spokesman spokeswoman spokesperson minister president senator governor
    congressman congresswoman representative lawmaker official chief leader premier
    candidate secretary director chairman chairwoman chair mayor ambassador envoy
    general commander prosecutor judge ceo executive founder adviser advisor aide
    nominee frontrunner businessman businesswoman billionaire mogul speaker
    candidate attorney lawyer diplomat host analyst manager strategist pollster
    professor economist author activist""".split()
)
# Group nouns that, definite and alone ("the agency"), point back at a group named before.
BODY_NOUNS = frozenset(
    "agency ministry company newspaper paper network broadcaster group party campaign".split()
)
PERSON_PRONOUNS = frozenset("he she him her i we".split())
PLURAL_PRONOUNS = frozenset("they them".split())
