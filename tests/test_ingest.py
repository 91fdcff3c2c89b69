"""Ingest: each reader on invented articles, metadata, inputs, feeds, archives, fetch."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from storyline.ingest import ReadOptions, read_bytes, read_inputs
from storyline.ingest.metadata import date_line, normalize_date, outlet_from_reached_out
from storyline.ingest.outlets import outlet_for_url
from storyline.ingest.text import article_id
from storyline.records import Article, Problem

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def articles(inputs, options=ReadOptions()):  # noqa: ANN001, B008
    return [item for item in read_inputs([str(i) for i in inputs], options) if isinstance(item, Article)]


def problems(inputs, options=ReadOptions()):  # noqa: ANN001, B008
    return [item for item in read_inputs([str(i) for i in inputs], options) if isinstance(item, Problem)]


# ---------------------------------------------------------------- markdown / text


def test_scraped_markdown_title_date_footer_outlet():
    (article,) = articles([FIXTURES / "scraped_markdown.txt"])
    assert article.title == ("Port Authority Says Ferry Strike Could Last Into Next Month – Local Radio")
    assert article.published == "2025-03-04"
    assert article.published_source == "text"
    assert article.url == "https://www.harbourcourier.com/2025/03/04/port-authority-ferry-strike-a1234"
    assert article.outlet == "Harbour Courier"


@pytest.mark.parametrize(
    "gone",
    ["CC BY-SA", "Jane Okafor", "Related article", "Island Residents Face", "contributed reporting",
     "Original url", "harbourcourier.com", "](#)", "**", "__", "*city", "March 4, 2025", "# Port"],
)  # fmt: skip
def test_scraped_markdown_boilerplate_and_markup_removed(gone):
    (article,) = articles([FIXTURES / "scraped_markdown.txt"])
    assert gone not in article.text


def test_scraped_markdown_link_text_and_emphasis_kept_as_words():
    (article,) = articles([FIXTURES / "scraped_markdown.txt"])
    assert "Radio Nord reported, citing" in article.text
    assert "according to city figures, and shops" in article.text
    assert "reported empty shelves." in article.text


def test_reached_out_sentence_kept_in_text_but_listed_as_boilerplate():
    (article,) = articles([FIXTURES / "plain_with_reached_out.txt"])
    (span,) = article.boilerplate
    assert article.text[span[0] : span[1]] == (
        "The Evening Lantern has reached out to the regional flood agency for comment."
    )
    assert article.text.endswith("for comment.")
    assert article.outlet == "The Evening Lantern"
    assert article.published is None


def test_article_id_is_content_hash_and_stable():
    first = articles([FIXTURES / "plain_with_reached_out.txt"])[0]
    again = articles([FIXTURES / "plain_with_reached_out.txt"])[0]
    assert first.id == again.id == article_id(first.text)
    assert len(first.id) == 16


def test_plain_text_headline_and_byline(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(
        "Dockworkers vote to end two-week walkout\n\nBy Anna Berg\n\n"
        "Published: 2025-01-14 08:15\n\nDockworkers at the southern terminal voted on Monday "
        "to accept a new contract, ending a strike that had halted most container traffic.\n"
    )
    (article,) = articles([path])
    assert article.title == "Dockworkers vote to end two-week walkout"
    assert article.author == "Anna Berg"
    assert article.published == "2025-01-14"
    assert article.text.startswith("Dockworkers at the southern terminal voted")


def test_first_sentence_is_not_mistaken_for_a_headline(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("The mayor resigned on Friday.\n\nHer deputy takes over until an election.\n")
    (article,) = articles([path])
    assert article.title is None
    assert article.text.startswith("The mayor resigned")


# ---------------------------------------------------------------- metadata


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("October 22, 2024", "2024-10-22"),
        ("Oct. 3, 2023", "2023-10-03"),
        ("Tuesday, 5 March 2024", "2024-03-05"),
        ("2024-10-22", "2024-10-22"),
        ("Published: March 4, 2025 10:32 a.m. EST", "2025-03-04"),
        ("Updated on 2025/01/09", "2025-01-09"),
        ("**June 30, 2022**", "2022-06-30"),
        ("The vote was held on October 22, 2024 in the capital.", None),
        ("February 30, 2024", None),
        ("", None),
    ],
)
def test_date_line(line, expected):
    assert date_line(line) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2013-03-21", "2013-03-21"),
        ("2013-03-21T10:00:00Z", "2013-03-21"),
        ("Tue, 11 Feb 2025 09:30:00 +0100", "2025-02-11"),
        ("March 2022", "2022-03"),
        ("soon", None),
        (None, None),
    ],
)
def test_normalize_date(value, expected):
    assert normalize_date(value) == expected


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://www.themoscowtimes.com/2024/10/22/x", "The Moscow Times"),
        ("https://www.koreaherald.com/view.php", "Korea Herald"),
        ("https://the-daily-star.net/a", "The Daily Star"),
        ("https://edition.cnn.com/2024/x", "CNN"),
        ("https://www.bbc.co.uk/news/world", "BBC News"),
        ("https://en.yna.co.kr/view/AEN2024", "Yonhap"),
        ("https://www.newsweek.com/x", "Newsweek"),
        ("https://riversideledger.com/x", "Riverside Ledger"),
        ("https://10.0.0.1/page", None),
        ("not a url", None),
        (None, None),
    ],
)
def test_outlet_for_url(url, outlet):
    assert outlet_for_url(url) == outlet


def test_outlet_prefers_table_then_site_name_then_host():
    assert outlet_for_url("https://www.nytimes.com/x", site_name="NYT") == "The New York Times"
    assert outlet_for_url("https://a.example.org/x", site_name="The Ledger - News") == "The Ledger"


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("It was denied. The Daily Planet has reached out to the ministry for comment.", "The Daily Planet"),  # noqa: E501
        ("He has reached out to officials.", None),
        ("Nothing here.", None),
    ],
)  # fmt: skip
def test_outlet_from_reached_out(text, outlet):
    assert outlet_from_reached_out(text) == outlet


# ---------------------------------------------------------------- HTML


def test_html_body_metadata_and_cleanup():
    (article,) = articles([FIXTURES / "article.html"])
    assert article.title == "Council approves bridge repairs after flooding"
    assert article.author == "Maria Lindqvist"
    assert article.published == "2025-02-11"
    assert article.published_source == "metadata"
    assert article.url == "https://www.riversideledger.com/news/2025/02/11/bridge-repairs"
    assert article.outlet == "The Riverside Ledger"
    assert article.text.startswith("The city council voted on Tuesday")
    assert "losses of up to 40 percent" in article.text
    for gone in ("Read more", "newsletter", "Photo:", "All rights reserved", "Home"):
        assert gone not in article.text
    assert article.flags == ()


def test_html_index_page_flagged_not_article():
    links = "".join(f"<li><a href='/n/{i}'>Headline number {i} about the budget</a></li>" for i in range(40))
    page = f"<html><head><title>News</title></head><body><ul>{links}</ul><p>Latest news.</p></body></html>"  # noqa: E501
    found = list(read_bytes(page.encode(), name="index.html"))
    assert all(isinstance(item, Problem) or "not-article" in item.flags for item in found)


def test_html_paywall_stub_flagged_not_article():
    page = (
        "<html><body><article><h1>Budget talks collapse</h1><p>Negotiators walked out of the "
        "budget talks on Friday after the finance minister rejected a compromise.</p>"
        "<p>Subscribe to continue reading. Already a subscriber? Sign in.</p></article></body></html>"  # noqa: E501
    )
    (article,) = [i for i in read_bytes(page.encode(), name="stub.html") if isinstance(i, Article)]
    assert "not-article" in article.flags


def test_html_truncated_text_flagged():
    sentences = " ".join(
        f"The committee heard evidence from witness number {i} on Monday." for i in range(20)
    )
    page = f"<html><body><article><p>{sentences}</p><p>The chair then said that the …</p></article></body></html>"  # noqa: E501
    (article,) = [i for i in read_bytes(page.encode(), name="cut.html") if isinstance(i, Article)]
    assert "truncated" in article.flags


def test_html_split_body_containers_are_joined_in_order():
    chunk = "<div class='story-chunk'>{}</div><div class='ad'>Advertisement</div>"
    paragraphs = [
        f"<p>Paragraph {n} of the report says the inquiry heard from {n + 3} witnesses about the "
        f"collapse of the pier and the repairs that followed in the spring.</p>"
        for n in range(1, 9)
    ]
    body = chunk.format("".join(paragraphs[:4])) + chunk.format("".join(paragraphs[4:]))
    page = f"<html><body><article><h1>Pier inquiry</h1>{body}</article></body></html>"
    (article,) = [i for i in read_bytes(page.encode(), name="split.html") if isinstance(i, Article)]
    positions = [article.text.find(f"Paragraph {n} ") for n in range(1, 9)]
    assert -1 not in positions and positions == sorted(positions)


def test_html_embedded_post_inside_the_body_is_kept_in_place():
    body = "".join(
        f"<p>Paragraph {n}: the transport minister defended the new ferry timetable on Monday "
        f"in front of a committee of the regional parliament.</p>"
        for n in range(1, 5)
    )
    post = (
        '<blockquote class="twitter-tweet"><p>The new timetable cuts our evening crossing. '
        "Nobody asked the islanders.</p>&mdash; Island Council (@islandcouncil) March 3, 2025"
        "</blockquote>"
    )
    sidebar = '<aside><blockquote class="twitter-tweet"><p>Follow our live coverage</p></blockquote></aside>'  # noqa: E501
    page = f"<html><body><article><h1>Ferry timetable</h1>{body[: len(body) // 2]}{post}{body[len(body) // 2 :]}</article>{sidebar}</body></html>"  # noqa: E501
    (article,) = [i for i in read_bytes(page.encode(), name="post.html") if isinstance(i, Article)]
    tweet = article.text.find("The new timetable cuts our evening crossing.")
    assert article.text.find("Paragraph 2:") < tweet < article.text.find("Paragraph 3:")
    assert "Island Council (@islandcouncil)" in article.text
    assert "live coverage" not in article.text


def test_html_inline_span_with_class_keeps_its_words():
    sentence = (
        "<p>The league's chief investigator has reported that <span class='link'><a href='/x'>the "
        "club will be fined</a></span> for its role in the brawl, according to two officials.</p>"
    )
    other = "<p>The match was stopped for twenty minutes while stewards separated the players.</p>"
    page = f"<html><body><article><h1>Brawl</h1>{sentence}{other * 3}</article></body></html>"
    (article,) = [i for i in read_bytes(page.encode(), name="span.html") if isinstance(i, Article)]
    assert "has reported that the club will be fined for its role" in article.text


def test_html_declared_legacy_charset_is_honoured():
    page = (
        "<html><head><meta charset='windows-1251'></head><body><article><p>"
        + "Министр заявил во вторник, что новый бюджет будет принят до конца месяца. " * 8
        + "</p></article></body></html>"
    ).encode("cp1251")
    (article,) = [i for i in read_bytes(page, name="ru.html") if isinstance(i, Article)]
    assert "Министр заявил" in article.text


# ---------------------------------------------------------------- JSON Lines


def test_jsonl_fields_mapped_and_text_taken_as_given(tmp_path):
    path = tmp_path / "export.jsonl"
    rows = [
        {"id": "wire_1", "text": "  Raw text, *kept* as given. [link](#)\n", "dct": "2013-03-21",
         "title": "T", "url": "https://www.reuters.com/x"},
        {"id": 7, "body": "Second text.", "published": "2020-05-01T10:00:00Z", "source": "Gazette"},
    ]  # fmt: skip
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n")
    first, second = articles([path])
    assert first.id == "wire_1"
    assert first.text == rows[0]["text"]
    assert first.published == "2013-03-21" and first.published_source == "metadata"
    assert first.outlet == "Reuters" and first.title == "T"
    assert second.id == "7" and second.text == "Second text."
    assert second.published == "2020-05-01" and second.outlet == "Gazette"
    assert first.boilerplate == () and first.path == str(path)


def test_jsonl_bad_lines_become_problems_and_the_rest_is_read(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text('{"id": "a", "text": "Fine."}\n{not json\n[1, 2]\n{"id": "b"}\n{"text": "x"}\n')
    found = list(read_inputs([str(path)]))
    assert [a.id for a in found if isinstance(a, Article)] == ["a"]
    messages = [p.message for p in found if isinstance(p, Problem)]
    assert len(messages) == 4
    assert all(str(path) in m for m in messages)
    assert any(":2:" in m and "not a JSON object" in m for m in messages)
    assert any('no "text"' in m for m in messages) and any('no "id"' in m for m in messages)


def test_jsonl_gz_is_read(tmp_path):
    path = tmp_path / "export.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"id": "z", "text": "Compressed record."}\n'))
    assert [a.id for a in articles([path])] == ["z"]


# ---------------------------------------------------------------- inputs


def test_folder_is_read_recursively_in_sorted_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Second article text about the harbour.")
    (tmp_path / "a.md").write_text("# First\n\nFirst article text about the council.")
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01")  # not a supported suffix: skipped
    found = articles([tmp_path])
    assert [Path(a.path).name for a in found] == ["a.md", "2.txt"]


def test_glob_and_duplicates_and_missing(tmp_path):
    for name in ("x1.txt", "x2.txt"):
        (tmp_path / name).write_text(f"Article {name} about the storm.")
    found = list(
        read_inputs([str(tmp_path / "x*.txt"), str(tmp_path / "x1.txt"), str(tmp_path / "nope.txt")])
    )
    assert [Path(a.path).name for a in found if isinstance(a, Article)] == ["x1.txt", "x2.txt"]
    (problem,) = [p for p in found if isinstance(p, Problem)]
    assert "nope.txt" in problem.message and "no such file" in problem.message


def test_url_without_fetch_is_a_problem_not_a_download():
    (problem,) = problems(["https://www.example.com/story"])
    assert "--fetch" in problem.message and problem.stage == "ingest"


# ---------------------------------------------------------------- feeds


def test_rss_entries_become_articles_with_metadata():
    first, second = articles([FIXTURES / "feed.rss"])
    assert first.title == "Council approves bridge repairs after flooding"
    assert first.author == "Maria Lindqvist"
    assert first.published == "2025-02-11" and first.published_source == "metadata"
    assert first.url.endswith("/bridge-repairs")
    assert first.outlet == "The Riverside Ledger"
    assert first.text.startswith("The city council voted") and "<p>" not in first.text
    assert "truncated" in second.flags
    assert second.outlet == "Example"  # another site's link in the feed: not the feed's outlet


def test_atom_feed_and_date_filter(tmp_path):
    path = tmp_path / "feed.atom"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Valley Courier</title>"
        "<entry><title>Old</title><link href='https://valleycourier.com/old'/>"
        "<updated>2024-01-02T10:00:00Z</updated><summary>Old news about the mill.</summary></entry>"
        "<entry><title>New</title><link href='https://valleycourier.com/new'/>"
        "<updated>2024-06-02T10:00:00Z</updated><content type='html'>&lt;p&gt;New news about "
        "the dam.&lt;/p&gt;</content></entry></feed>"
    )
    assert [a.title for a in articles([path])] == ["Old", "New"]
    assert [a.title for a in articles([path], ReadOptions(since="2024-03-01"))] == ["New"]
    assert [a.title for a in articles([path], ReadOptions(until="2024-03-01"))] == ["Old"]
    assert [a.text for a in articles([path], ReadOptions(hosts=("valleycourier.com",)))][1] == (
        "New news about the dam."
    )
    assert articles([path], ReadOptions(hosts=("other.org",))) == []


# ---------------------------------------------------------------- WARC


def _warc(path: Path, pages: list[tuple[str, str, bytes]], *, gzip_records: bool = True) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=gzip_records)
        for url, content_type, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), length=len(body), http_headers=headers
            )
            writer.write_record(record)


def _page(title: str, day: str, words: str) -> bytes:
    text = " ".join([f"{words} said officials in the district on Monday."] * 12)
    return (
        f"<html><head><title>{title}</title><meta property='article:published_time' content='{day}'>"  # noqa: E501
        f"</head><body><article><h1>{title}</h1><p>{text}</p></article></body></html>"
    ).encode()


@pytest.mark.parametrize("gzip_records", [True, False])
def test_warc_only_html_responses_with_host_and_date_filters(tmp_path, gzip_records):
    path = tmp_path / ("crawl.warc.gz" if gzip_records else "crawl.warc")
    _warc(
        path,
        [
            ("https://news.alpha.com/1", "text/html; charset=utf-8", _page("Alpha one", "2024-05-01", "Flood")),  # noqa: E501
            ("https://alpha.com/logo.png", "image/png", b"\x89PNG...."),
            ("https://beta.org/2", "text/html", _page("Beta two", "2024-07-01", "Fire")),
            ("https://alpha.com/3", "text/html", _page("Alpha three", "2024-08-01", "Drought")),
        ],
        gzip_records=gzip_records,
    )  # fmt: skip
    assert [a.title for a in articles([path])] == ["Alpha one", "Beta two", "Alpha three"]
    only_alpha = articles([path], ReadOptions(hosts=("alpha.com",)))
    assert [a.title for a in only_alpha] == ["Alpha one", "Alpha three"]
    summer = articles([path], ReadOptions(since="2024-06-15", until="2024-07-31"))
    assert [a.title for a in summer] == ["Beta two"]
    both = articles([path], ReadOptions(hosts=("alpha.com",), since="2024-06-15"))
    assert [a.title for a in both] == ["Alpha three"]


def test_truncated_warc_keeps_what_was_read_and_reports(tmp_path):
    path = tmp_path / "cut.warc.gz"
    _warc(
        path,
        [
            (f"https://gamma.net/{i}", "text/html", _page(f"Gamma {i}", "2024-01-01", "Storm"))
            for i in range(3)
        ],
    )
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 200])
    found = list(read_inputs([str(path)]))
    assert [a.title for a in found if isinstance(a, Article)] == ["Gamma 0", "Gamma 1"]
    (problem,) = [p for p in found if isinstance(p, Problem)]
    assert str(path) in problem.message and "truncated or corrupt" in problem.message


# ---------------------------------------------------------------- fetch


def _transport(routes: dict[str, tuple[int, str, bytes]], seen: list):  # noqa: ANN202
    import httpx

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append((str(request.url), request.headers.get("user-agent")))
        status, content_type, body = routes.get(str(request.url), (404, "text/plain", b""))
        return httpx.Response(status, headers={"content-type": content_type}, content=body)

    return httpx.MockTransport(handle)


def test_fetcher_respects_robots_names_itself_and_caps_size():
    from storyline.errors import IngestError
    from storyline.ingest.fetch import Fetcher

    seen: list = []
    routes = {
        "https://site.test/robots.txt": (
            200,
            "text/plain",
            b"User-agent: *\nDisallow: /private/\n",
        ),
        "https://site.test/story": (200, "text/html", b"<html>ok</html>"),
        "https://site.test/big": (200, "text/html", b"x" * 5000),
        "https://site.test/private/x": (200, "text/html", b"secret"),
    }
    fetcher = Fetcher(max_bytes=1000, delay=0, transport=_transport(routes, seen))
    assert fetcher.get("https://site.test/story").body == b"<html>ok</html>"
    with pytest.raises(IngestError, match="robots.txt"):
        fetcher.get("https://site.test/private/x")
    with pytest.raises(IngestError, match="larger than"):
        fetcher.get("https://site.test/big")
    with pytest.raises(IngestError, match="HTTP 404"):
        fetcher.get("https://site.test/missing")
    assert all(agent.startswith("storyline/") for _, agent in seen)
    assert [url for url, _ in seen].count("https://site.test/robots.txt") == 1
    assert "https://site.test/private/x" not in [url for url, _ in seen]


def test_feed_with_fetch_downloads_linked_pages(monkeypatch):
    from storyline.ingest import fetch

    seen: list = []
    page = (FIXTURES / "article.html").read_bytes()
    routes = {
        "https://www.riversideledger.com/robots.txt": (404, "text/plain", b""),
        "https://www.riversideledger.com/news/2025/02/11/bridge-repairs": (200, "text/html", page),
        "https://weather.example.org/robots.txt": (
            200,
            "text/plain",
            b"User-agent: *\nDisallow: /\n",
        ),
    }
    transport = _transport(routes, seen)
    original = fetch.Fetcher.__init__

    def with_transport(self, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003
        original(self, *args, **kwargs)
        self.transport, self.delay = transport, 0

    monkeypatch.setattr(fetch.Fetcher, "__init__", with_transport)
    found = list(read_inputs([str(FIXTURES / "feed.rss")], ReadOptions(fetch=True)))
    full, summary = [a for a in found if isinstance(a, Article)]
    assert "losses of up to 40 percent" in full.text  # from the page, not the feed
    assert full.title == "Council approves bridge repairs after flooding"
    assert "summary-only" in summary.flags
    (problem,) = [p for p in found if isinstance(p, Problem)]
    assert "robots.txt" in problem.message


# ---------------------------------------------------------------- quality floor


# Reached on the 45 dev pages of ../shared/data/html (trafilatura alone: 0.970
# with favor_precision). Rules are deterministic: the floor is the score.
HTML_F1_FLOOR = 0.9850


@pytest.mark.slow
def test_html_extraction_quality_floor(shared_dir):
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "html_benchmark", Path(__file__).parents[1] / "benchmarks" / "html.py"
    )
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    result = bench.evaluate(shared_dir / "data" / "html", bench.storyline_body)
    assert result["pages"] == 45
    assert result["f1"] >= HTML_F1_FLOOR
    assert result["leftover_paragraphs"] <= 20


def test_fetcher_honours_crawl_delay(monkeypatch):
    from storyline.ingest import fetch

    pauses: list[float] = []
    monkeypatch.setattr(fetch.time, "sleep", pauses.append)
    routes = {
        "https://slow.test/robots.txt": (200, "text/plain", b"User-agent: *\nCrawl-delay: 5\n"),
        "https://slow.test/a": (200, "text/html", b"a"),
        "https://slow.test/b": (200, "text/html", b"b"),
    }
    fetcher = fetch.Fetcher(delay=0.5, transport=_transport(routes, []))
    fetcher.get("https://slow.test/a")
    fetcher.get("https://slow.test/b")
    assert pauses and 4.5 < max(pauses) <= 5


def test_url_input_with_fetch_reads_the_page(monkeypatch):
    from storyline.ingest import fetch

    page = (FIXTURES / "article.html").read_bytes()
    routes = {
        "https://www.riversideledger.com/robots.txt": (404, "text/plain", b""),
        "https://www.riversideledger.com/news/2025/02/11/bridge-repairs": (200, "text/html", page),
    }
    transport = _transport(routes, [])
    original = fetch.Fetcher.__init__

    def with_transport(self, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003
        original(self, *args, **kwargs)
        self.transport, self.delay = transport, 0

    monkeypatch.setattr(fetch.Fetcher, "__init__", with_transport)
    url = "https://www.riversideledger.com/news/2025/02/11/bridge-repairs"
    (article,) = read_inputs([url], ReadOptions(fetch=True))
    assert isinstance(article, Article)
    assert article.path == url and article.outlet == "The Riverside Ledger"
    assert article.title == "Council approves bridge repairs after flooding"


def test_arc_archive_is_read(tmp_path):
    story = ("<html><head><title>Pier closed</title></head><body><article><p>"
             + "The harbour master said the pier would stay closed until the divers finished. " * 8
             + "</p></article></body></html>").encode()  # fmt: skip
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + story
    filedesc = b"1 0 Example\nURL IP-address Archive-date Content-type Archive-length\n"
    arc = (
        b"filedesc://crawl.arc 0.0.0.0 20241022120000 text/plain %d\n" % len(filedesc)
        + filedesc
        + b"\nhttp://pier.example.com/story 10.0.0.1 20241022120500 text/html %d\n" % len(http)
        + http
        + b"\n"
    )
    path = tmp_path / "old.arc.gz"
    path.write_bytes(gzip.compress(arc))
    (article,) = articles([path])
    assert article.title == "Pier closed" and article.url == "http://pier.example.com/story"


def test_warc_gzipped_as_one_member_is_streamed(tmp_path):
    plain = tmp_path / "crawl.warc"
    _warc(
        plain,
        [(f"https://delta.org/{n}", "text/html", _page(f"Delta {n}", "2024-02-01", "Wind"))
         for n in range(3)],
        gzip_records=False,
    )  # fmt: skip
    whole = tmp_path / "whole.warc.gz"
    whole.write_bytes(gzip.compress(plain.read_bytes()))  # `gzip crawl.warc`, not per record
    assert [a.title for a in articles([whole])] == ["Delta 0", "Delta 1", "Delta 2"]
    assert problems([whole]) == []
