"""Hand-built stories for the render and web tests (invented news, no pipeline needed).

``harbour_fire_story`` is an ordinary story with the hard cases a briefing must show:
rival numbers, a denial, nested attribution, dates of different precision.
``hostile_story`` carries script payloads in every field a page shows.
``big_story`` makes a story of N articles for the desk benchmark.
"""

from __future__ import annotations

import hashlib

from storyline.records import (
    Article,
    ArticleAnalysis,
    Attribution,
    Claim,
    Conflict,
    Entity,
    EntityMention,
    Evidence,
    Quantity,
    Speaker,
    Story,
    TimelineEntry,
    Timex,
)

COURIER = """Fire at Velmar plant forces evacuation of harbour district

HARWICK — A fire broke out at the Velmar Chemicals plant on the eastern quay late on Tuesday, \
the city fire service said.
At least 40 workers were evacuated from the site, fire service spokesman Tomas Rieck told \
reporters on Wednesday.
Residents said a yellow cloud drifted over the harbour for about an hour.
Mayor Ilse Brandt said the city would review the plant's operating permit "before the end of the month".
The plant has operated on the quay since 1987."""

WIRE = """Union says 120 evacuated in Harwick chemical fire

HARWICK, Nov 19 (Northern Wire) - Around 120 workers were evacuated after a fire at a Velmar \
Chemicals plant, the dockworkers' union said on Wednesday.
The fire started on Tuesday night, according to the union.
Velmar Chemicals denied that any toxic gas had been released, a company statement said.
Brandt, the city's mayor, said she had asked for an inspection."""

LEDGER = """Velmar denies gas leak after quay fire

Velmar Chemicals on Wednesday denied that any toxic gas had been released in the fire at its Harwick plant.
Baltic Ledger quoted a port official as saying that the fire started on Tuesday night near a storage tank.
The company did not say how many people were evacuated."""

RADIO = """Harwick residents describe night of smoke

Several residents on Kaiser Street told Radio Meridian that a yellow cloud hung over the harbour.
"We closed every window," said one resident, who asked not to be named.
The fire brigade has not said when the investigation will finish."""


def _id(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def ev(article: Article, first: str, last: str | None = None) -> Evidence:
    """Evidence from the words ``first`` to ``last`` (included), else to the end of the line."""
    start = article.text.index(first)
    if last is not None:
        end = article.text.index(last, start) + len(last)
    else:
        end = article.text.find("\n", start)
        end = len(article.text) if end < 0 else end
    return Evidence(article=article.id, span=(start, end))


def harbour_articles() -> tuple[Article, ...]:
    return (
        Article(
            id=_id(COURIER),
            text=COURIER,
            outlet="Harwick Courier",
            url="https://courier.example/harwick/velmar-fire",
            title="Fire at Velmar plant forces evacuation of harbour district",
            published="2026-11-19",
            published_source="metadata",
            author="Lena Ost",
        ),
        Article(
            id=_id(WIRE),
            text=WIRE,
            outlet="Northern Wire",
            url="https://northernwire.example/x/123",
            title="Union says 120 evacuated in Harwick chemical fire",
            published="2026-11-19",
            published_source="text",
        ),
        Article(
            id=_id(LEDGER),
            text=LEDGER,
            outlet="Baltic Ledger",
            url=None,
            title="Velmar denies gas leak after quay fire",
            published="2026-11",
            published_source="text",
        ),
        Article(
            id=_id(RADIO),
            text=RADIO,
            outlet=None,
            url="https://www.radiomeridian.example/news/smoke",
            title="Harwick residents describe night of smoke",
            published=None,
        ),
    )


def harbour_fire_story() -> Story:
    courier, wire, ledger, radio = harbour_articles()
    rieck = Speaker(name="Tomas Rieck", as_written="fire service spokesman Tomas Rieck", type="person")
    union = Speaker(name="dockworkers' union", as_written="the dockworkers' union", type="organization")
    velmar = Speaker(name="Velmar Chemicals", as_written="Velmar Chemicals", type="organization")
    brandt = Speaker(name="Ilse Brandt", as_written="Brandt", type="person")
    claims = (
        Claim(
            id="c1",
            text="At least 40 workers were evacuated from the site.",
            kind="quantity",
            speaker=rieck,
            cue="told",
            quantities=(
                Quantity(
                    span=(COURIER.index("At least 40"), COURIER.index("At least 40") + 18),
                    value=40,
                    approximate=True,
                    unit="worker",
                ),
            ),
            evidence=(ev(courier, "At least 40 workers"),),
            status="contested",
        ),
        Claim(
            id="c2",
            text="Around 120 workers were evacuated.",
            kind="quantity",
            speaker=union,
            cue="said",
            quantities=(
                Quantity(
                    span=(WIRE.index("Around 120"), WIRE.index("Around 120") + 18),
                    value=120,
                    approximate=True,
                    unit="worker",
                ),
            ),
            evidence=(ev(wire, "Around 120 workers were"),),
            status="contested",
        ),
        Claim(
            id="c3",
            text="A yellow cloud drifted over the harbour.",
            kind="assertion",
            speaker=Speaker(name="residents", as_written="Residents", type="anonymous"),
            cue="said",
            evidence=(
                ev(courier, "Residents said a yellow"),
                ev(radio, "Several residents on Kaiser"),
            ),
            status="denied",
            independent_sources=2,
        ),
        Claim(
            id="c4",
            text="No toxic gas was released in the fire.",
            kind="denial",
            speaker=velmar,
            cue="denied",
            evidence=(
                ev(wire, "Velmar Chemicals denied that"),
                ev(ledger, "Velmar Chemicals on Wednesday"),
            ),
            status="corroborated",
            independent_sources=1,
            answers=("c3",),
        ),
        Claim(
            id="c5",
            text="The fire started on Tuesday night.",
            kind="event",
            speaker=Speaker(name="a port official", as_written="a port official", type="anonymous"),
            chain=(Speaker(name="Baltic Ledger", as_written="Baltic Ledger", type="media"),),
            cue="quoted",
            when=None,
            evidence=(
                ev(wire, "The fire started on"),
                ev(ledger, "Baltic Ledger quoted a"),
            ),
            status="corroborated",
            independent_sources=2,
        ),
        Claim(
            id="c6",
            text="The city will review the plant's operating permit.",
            kind="intention",
            speaker=brandt,
            cue="said",
            quote="before the end of the month",
            evidence=(ev(courier, "Mayor Ilse Brandt said"),),
            status="single-source",
        ),
    )
    return Story(
        id="st-harwick-fire",
        title="Chemical plant fire in Harwick harbour",
        articles=(courier, wire, ledger, radio),
        claims=claims,
        conflicts=(
            Conflict(
                kind="numeric",
                claims=("c1", "c2"),
                summary="40 workers (Tomas Rieck) vs 120 workers (dockworkers' union)",
            ),
            Conflict(
                kind="denial",
                claims=("c3", "c4"),
                summary="Velmar Chemicals denies the gas release residents described",
            ),
        ),
        timeline=(
            TimelineEntry(date="1987", claims=(), summary="The plant opens on the eastern quay."),
            TimelineEntry(date="2026-11-18", claims=("c5",), summary="Fire breaks out at the Velmar plant."),
            TimelineEntry(
                date="2026-11-19",
                claims=("c1", "c2", "c4"),
                summary="Evacuation figures given; Velmar denies a gas leak.",
            ),
            TimelineEntry(date="2026-11", claims=("c6",), summary="City to review the operating permit."),
        ),
        entities=(
            Entity(name="Velmar Chemicals", type="ORG", aliases=("Velmar", "the company")),
            Entity(name="Ilse Brandt", type="PERSON", aliases=("Brandt", "Mayor Ilse Brandt")),
            Entity(name="Harwick", type="GPE", aliases=()),
        ),
        inferences=(),
    )


# ---------------------------------------------------------------- hostile input

PAYLOADS = (
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=2">',
    '<svg onload="window.__pwned=3"><script>window.__pwned=4</script></svg>',
    '<a href="javascript:window.__pwned=5">click me</a>',
    '"><iframe src="javascript:window.top.__pwned=6"></iframe>',
    "</textarea></style></title><script>window.__pwned=7</script>",
)
HOSTILE_TEXT = (
    "Officials said the bridge reopened on Monday. "
    + " ".join(PAYLOADS)
    + "\nA spokesman said 300 vehicles crossed in the first hour."
)


def hostile_article(*, filler: int = 0) -> Article:
    """An article whose every field carries a payload; ``filler`` adds one long line."""
    text = HOSTILE_TEXT + ("\n" + "x" * filler if filler else "")
    return Article(
        id=_id(text),
        text=text,
        outlet="<script>window.__pwned=8</script>Evil Outlet",
        url="javascript:window.__pwned=9",
        title='<img src=x onerror="window.__pwned=10">Bridge',
        published="2026-11-16",
        published_source="metadata",
        author="<b onmouseover=alert(1)>x</b>",
        flags=("<svg onload=alert(1)>",),
    )


def hostile_story(*, filler: int = 0) -> Story:
    article = hostile_article(filler=filler)
    boom = Speaker(
        name='<svg onload="window.__pwned=11">', as_written="<script>alert(1)</script>", type="person"
    )
    claims = (
        Claim(
            id="h1",
            text=PAYLOADS[0] + " the bridge reopened",
            kind="event",
            speaker=boom,
            cue="said",
            quote=PAYLOADS[1],
            evidence=(ev(article, "Officials said", "on Monday."),),
        ),
        Claim(
            id="h2",
            text="300 vehicles crossed",
            kind="quantity",
            speaker=boom,
            quantities=(Quantity(span=(0, 4), value=300, unit="<i>vehicle</i>"),),
            evidence=(
                ev(article, "A spokesman said 300 vehicles crossed in the first hour."),
                ev(article, PAYLOADS[2], "</svg>"),
            ),
            answers=("h1",),
        ),
    )
    return Story(
        id="st-hostile",
        title=PAYLOADS[3] + " Bridge <b>story</b>",
        articles=(article,),
        claims=claims,
        conflicts=(Conflict(kind="other", claims=("h1", "h2"), summary=PAYLOADS[4]),),
        timeline=(
            TimelineEntry(date="2026-11-16", claims=("h1",), summary=PAYLOADS[5]),
            TimelineEntry(date="<script>x</script>", claims=(), summary="bad date"),
        ),
        entities=(Entity(name=PAYLOADS[0], type="PERSON", aliases=(PAYLOADS[1],)),),
        inferences=((article.id, PAYLOADS[2]),),
    )


def hostile_analysis(*, filler: int = 0) -> ArticleAnalysis:
    story = hostile_story(filler=filler)
    article = story.articles[0]
    text = article.text
    said = text.index("said")
    return ArticleAnalysis(
        article=article,
        sentences=((0, text.index("Monday.") + 7),),
        entities=(EntityMention(span=(0, 9), label="ORG", name="<script>x</script>", type="government"),),
        timexes=(
            Timex(span=(text.index("Monday"), text.index("Monday") + 6), type="DATE", value="2026-11-16"),
        ),
        attributions=(
            Attribution(
                content=(said + 5, text.index("Monday.") + 6),
                source=(0, 9),
                cue=(said, said + 4),
                speaker=Speaker(name="officials", as_written="Officials", type="government"),
            ),
        ),
        claims=story.claims,
    )


# ---------------------------------------------------------------- many articles

OUTLETS = (
    "Harwick Courier",
    "Northern Wire",
    "Baltic Ledger",
    "Radio Meridian",
    "Port Gazette",
    "Evening Standard-Post",
    "Coastline Daily",
    "The Quay Observer",
    "Riverside Herald",
    "Eastport Times",
)


def big_articles(n: int, *, salt: str = "") -> list[Article]:
    """n invented reports of one story, each with three sentences the claims point into."""
    articles = []
    for i in range(n):
        workers = 40 + 20 * (i % 5)
        text = (
            f"Report {i}{salt}: fire crews were still at the Velmar plant on Thursday.\n"
            f"About {workers} workers were evacuated, the fire service said according to outlet {i}.\n"
            "Velmar Chemicals denied that any toxic gas had been released.\n"
            "Mayor Ilse Brandt said the permit would be reviewed. " + "Background paragraph. " * 60
        )
        articles.append(
            Article(
                id=_id(text),
                text=text,
                outlet=OUTLETS[i % len(OUTLETS)],
                url=f"https://news{i % len(OUTLETS)}.example/a/{i}",
                title=f"Harwick fire report {i}",
                published=f"2026-11-{10 + i % 18:02d}",
                published_source="metadata",
            )
        )
    return articles


def big_story(n: int, *, story_id: str = "st-big") -> Story:
    """A story of n articles with claims that each draw on several of them."""
    articles = big_articles(n)

    def sentence(a: Article, k: int) -> Evidence:
        lines = a.text.split("\n")
        start = sum(len(x) + 1 for x in lines[:k])
        return Evidence(article=a.id, span=(start, start + len(lines[k])))

    claims = []
    for workers in (40, 60, 80, 100, 120):
        carriers = [a for i, a in enumerate(articles) if 40 + 20 * (i % 5) == workers]
        claims.append(
            Claim(
                id=f"q{workers}",
                text=f"About {workers} workers were evacuated.",
                kind="quantity",
                speaker=Speaker(name="fire service", as_written="the fire service", type="organization"),
                evidence=tuple(sentence(a, 1) for a in carriers),
                status="contested",
            )
        )
    claims.append(
        Claim(
            id="deny",
            text="No toxic gas was released.",
            kind="denial",
            speaker=Speaker(name="Velmar Chemicals", as_written="Velmar Chemicals", type="organization"),
            evidence=tuple(sentence(a, 2) for a in articles),
            status="corroborated",
            independent_sources=len(OUTLETS),
        )
    )
    for i, a in enumerate(articles):
        claims.append(
            Claim(
                id=f"own{i}",
                text=f"Fire crews were at the plant (report {i}).",
                kind="event",
                evidence=(sentence(a, 0),),
            )
        )
    return Story(
        id=story_id,
        title="Harwick chemical plant fire (many reports)",
        articles=tuple(articles),
        claims=tuple(claims),
        conflicts=(Conflict(kind="numeric", claims=("q40", "q120"), summary="40 workers vs 120 workers"),),
        timeline=tuple(
            TimelineEntry(date=a.published or "", claims=(f"own{i}",), summary=f"Report {i}")
            for i, a in enumerate(articles[:20])
        ),
        entities=(Entity(name="Velmar Chemicals", type="ORG", aliases=("Velmar",)),),
    )


# ---------------------------------------------------------------- a store for the web tests


def filled_store(url: str, *stories: Story):
    """A real store at ``url`` holding the two sample stories (or those given) and the hostile analysis."""
    from storyline.store import open_store

    store = open_store(url)
    store.put_analysis(hostile_analysis())
    for story in stories or (hostile_story(), harbour_fire_story()):
        store.put_story(story)
    return store


def inbox_ingest(store, story_id: str = "st-inbox"):
    """A stand-in for the pipeline's ingest-and-link: each article joins one story,
    its first sentence becomes a claim, and the story is re-stored. No NLP."""
    from dataclasses import replace

    def ingest(articles: list[Article]) -> list[str]:
        story = store.get_story(story_id) or Story(id=story_id, title="Reader submissions")
        for article in articles:
            end = article.text.find(". ")
            end = len(article.text) if end < 0 else end + 1
            claim = Claim(
                id=f"{story_id}-{article.id}",
                text=article.text[:end][:200],
                kind="assertion",
                evidence=(Evidence(article=article.id, span=(0, end)),),
            )
            store.put_analysis(ArticleAnalysis(article=article, sentences=((0, end),), claims=(claim,)))
            kept = tuple(a for a in story.articles if a.id != article.id)
            story = replace(story, articles=kept + (article,), claims=story.claims + (claim,))
        store.put_story(story)
        return [story_id]

    return ingest
