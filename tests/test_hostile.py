"""Hostile input: every reader gives an Article or a named Problem, never a crash.

The corpus is written by the tests themselves: empty and binary files, UTF-16
without a byte order mark, mixed encodings, broken and deeply nested markup,
a huge single line, gzip bombs, a truncated archive, feeds with external
entities. Then hypothesis throws random bytes at every reader.
"""

from __future__ import annotations

import gzip
import io
import json
import string
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.errors import IngestError
from storyline.ingest import SUFFIXES, ReadOptions, read_bytes, read_inputs
from storyline.ingest.warc import read_warc
from storyline.records import Article, Problem

STORY = (
    "The harbour master said on Tuesday that the northern pier would stay closed until the "
    "divers had finished inspecting its foundations, which were damaged in last week's storm."
)


def read_one(path: Path, options: ReadOptions = ReadOptions()) -> list[Article | Problem]:  # noqa: B008
    return list(read_inputs([str(path)], options))


def only_problem(found: list[Article | Problem]) -> Problem:
    assert len(found) == 1 and isinstance(found[0], Problem), found
    return found[0]


def assert_sound(item: Article | Problem) -> None:
    """What every reader promises about its output."""
    if isinstance(item, Problem):
        assert item.stage == "ingest" and item.message
        return
    assert isinstance(item, Article)
    assert item.text.strip() and item.id
    for start, end in item.boilerplate:
        assert 0 <= start < end <= len(item.text)
    assert item.published is None or item.published[:4].isdigit()


# ---------------------------------------------------------------- the corpus


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".jsonl", ".rss", ".warc", ".txt.gz"])
def test_empty_file_is_a_named_problem(tmp_path, suffix):
    path = tmp_path / f"empty{suffix}"
    path.write_bytes(b"")
    found = read_one(path)
    assert all(isinstance(item, Problem) for item in found)
    if suffix not in (".jsonl", ".warc"):  # an empty batch or archive holds no records at all
        assert str(path) in only_problem(found).message


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + b"\x00" * 50, "PDF"),
        (bytes(range(256)) * 16, "binary"),
        (b"PK\x03\x04" + b"\x14\x00" * 40, "ZIP"),
    ],
)
@pytest.mark.parametrize("suffix", [".txt", ".html", ".md"])
def test_binary_file_is_a_named_problem(tmp_path, data, said, suffix):
    path = tmp_path / f"picture{suffix}"
    path.write_bytes(data)
    problem = only_problem(read_one(path))
    assert str(path) in problem.message and said in problem.message


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_decoded(tmp_path, encoding):
    path = tmp_path / "story.txt"
    path.write_bytes(STORY.encode(encoding))
    (article,) = read_one(path)
    assert isinstance(article, Article) and article.text == STORY


def test_utf16_with_bom_is_decoded(tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes(STORY.encode("utf-16"))
    (article,) = read_one(path)
    assert article.text == STORY


def test_mixed_utf8_and_cp1252_is_repaired_and_flagged(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_bytes("Café owners in Malmö said ".encode() + "the “reform” costs €5".encode("cp1252"))
    (article,) = read_one(path)
    assert article.text == "Café owners in Malmö said the “reform” costs €5"
    assert "encoding-repaired" in article.flags


def test_invalid_markup_still_gives_text_or_a_problem(tmp_path):
    path = tmp_path / "broken.html"
    path.write_text(
        "<html><body><p>" + STORY + "<div><span><p>" + STORY.upper() + "</td></tr><b><i>"
        "<p>Second paragraph without closing tags<<<>>> & &bogus; &#xZZ; <script>var x = '</p>"
    )
    for item in read_one(path):
        assert_sound(item)


def test_deeply_nested_html_is_a_problem_quickly(tmp_path):
    path = tmp_path / "nested.html"
    depth = 50_000
    path.write_text("<html><body>" + "<div>" * depth + f"<p>{STORY}</p>" + "</div>" * depth)
    started = time.perf_counter()
    found = read_one(path)
    assert time.perf_counter() - started < 30
    for item in found:
        assert_sound(item)
    assert any(isinstance(item, Problem) and str(path) in item.message for item in found) or any(
        isinstance(item, Article) and "harbour master" in item.text for item in found
    )


def test_huge_single_line_is_read(tmp_path):
    path = tmp_path / "oneline.txt"
    path.write_text((STORY + " ") * 20_000)  # ~3.5 MB, no newline
    (article,) = read_one(path)
    assert article.text.startswith("The harbour master") and len(article.text) > 3_000_000


def test_file_over_max_bytes_is_refused(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(STORY * 100)
    problem = only_problem(read_one(path, ReadOptions(max_bytes=1000)))
    assert "limit" in problem.message and str(path) in problem.message


@pytest.mark.parametrize("suffix", [".html.gz", ".txt.gz", ".jsonl.gz"])
def test_gzip_bomb_is_capped(tmp_path, suffix):
    path = tmp_path / f"bomb{suffix}"
    with gzip.open(path, "wb", compresslevel=9) as stream:
        chunk = b"A" * 1_000_000
        for _ in range(50):  # 50 MB of one letter, about 50 KB on disk
            stream.write(chunk)
    found = read_one(path, ReadOptions(max_bytes=2_000_000))
    problem = only_problem(found)
    assert str(path) in problem.message
    assert "gzip bomb" in problem.message or "over" in problem.message


def test_gzip_bomb_inside_a_warc_record_is_capped(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    bomb = gzip.compress(b"<p>" + b"A" * 30_000_000 + b"</p>", compresslevel=9)
    path = tmp_path / "bomb.warc.gz"
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        headers = StatusAndHeaders(
            "200 OK",
            [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
            protocol="HTTP/1.1",
        )
        writer.write_record(
            writer.create_warc_record(
                "https://bomb.test/", "response", payload=io.BytesIO(bomb), length=len(bomb),
                http_headers=headers,
            )
        )  # fmt: skip
    problem = only_problem(read_one(path, ReadOptions(max_bytes=1_000_000)))
    assert "over 1,000,000 bytes" in problem.message


def test_truncated_warc_is_a_problem_after_the_records_read(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "cut.warc"
    page = f"<html><body><article><p>{STORY}</p><p>{STORY}</p></article></body></html>".encode()
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=False)
        for n in range(2):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    f"https://pier.test/{n}", "response", payload=io.BytesIO(page),
                    length=len(page), http_headers=headers,
                )
            )  # fmt: skip
    path.write_bytes(path.read_bytes()[:-300])
    found = read_one(path)
    assert [type(item) for item in found] == [Article, Problem]
    assert "truncated" in found[1].message


def test_feed_with_external_entity_is_refused_and_reads_nothing(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-TOKEN")
    path = tmp_path / "evil.rss"
    path.write_text(
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>'
        "<rss version='2.0'><channel><title>Evil</title><item><title>&xxe;</title>"
        "<description>&xxe; was here</description></item></channel></rss>"
    )
    problem = only_problem(read_one(path))
    assert "entities" in problem.message and str(path) in problem.message
    assert "TOP-SECRET-TOKEN" not in problem.message


def test_billion_laughs_feed_is_refused(tmp_path):
    path = tmp_path / "laughs.xml"
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)
    )
    path.write_text(
        f'<?xml version="1.0"?><!DOCTYPE rss [{entities}]><rss version="2.0"><channel>'
        "<item><title>&lol9;</title></item></channel></rss>"
    )
    assert "entities" in only_problem(read_one(path)).message


def test_deeply_nested_json_line_is_a_problem(tmp_path):
    path = tmp_path / "nested.jsonl"
    path.write_text("[" * 100_000 + "]" * 100_000 + "\n" + json.dumps({"id": "ok", "text": STORY}) + "\n")
    found = read_one(path)
    assert isinstance(found[0], Problem) and ":1:" in found[0].message
    assert isinstance(found[1], Article) and found[1].id == "ok"


def test_one_bad_file_does_not_stop_the_batch(tmp_path):
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "c.html").write_bytes(b"")
    (tmp_path / "d.md").write_text("# Title\n\n" + STORY)
    found = list(read_inputs([str(tmp_path)]))
    assert [type(item).__name__ for item in found] == ["Article", "Problem", "Problem", "Article"]
    assert found[1].path.endswith("b.txt") and found[2].path.endswith("c.html")


# ---------------------------------------------------------------- fuzzing

READER_SUFFIXES = [".txt", ".md", ".html", ".jsonl", ".rss", ".atom", ".xml"]
markup_text = st.text(alphabet=string.printable + "<>/&;\"'=#[]()*_`éü€“”\u2028\x00", max_size=600)
fragments = st.lists(
    st.sampled_from(
        [
            "<html>",
            "<body>",
            "<p>",
            "</p>",
            "<div class='x'>",
            "</div>",
            "<rss>",
            "<item>",
            "<title>",
            "</title>",
            "<![CDATA[",
            "]]>",
            "<!DOCTYPE x>",
            "# ",
            "**",
            "[a](#)",
            "Original url:",
            "<https://example.com/a>",
            "October 22, 2024",
            "\n\n",
            '{"id": 1,',
            '"text": "x"}',
            "Photo: x",
            "has reached out to y for comment.",
            STORY,
        ]  # fmt: skip
    ),
    max_size=30,
).map("".join)
payloads = st.one_of(st.binary(max_size=800), markup_text.map(str.encode), fragments.map(str.encode))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=payloads, suffix=st.sampled_from(READER_SUFFIXES))
def test_fuzz_read_bytes_only_articles_problems_or_ingest_errors(data, suffix):
    try:
        for item in read_bytes(data, name=f"fuzz{suffix}"):
            assert_sound(item)
    except IngestError as err:
        assert f"fuzz{suffix}" in str(err)


@settings(max_examples=60, deadline=None)
@given(data=st.binary(max_size=2000))
def test_fuzz_warc_reader_never_raises(data):
    for item in read_warc(io.BytesIO(data), path="fuzz.warc", options=ReadOptions()):
        assert_sound(item)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=payloads, suffix=st.sampled_from(sorted(SUFFIXES)))
def test_fuzz_read_inputs_every_suffix_never_raises(tmp_path, data, suffix):
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    for item in read_inputs([str(path)]):
        assert_sound(item)
        if isinstance(item, Problem):
            assert "unexpected" not in item.message, item.message  # a reader bug, not bad input


def _small_warc(gzip_records: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    stream = io.BytesIO()
    writer = WARCWriter(stream, gzip=gzip_records)
    page = f"<html><body><article><p>{STORY}</p><p>{STORY}</p></article></body></html>".encode()
    for n in range(3):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            f"https://pier.test/{n}", "response", payload=io.BytesIO(page), length=len(page),
            http_headers=headers,
        )  # fmt: skip
        writer.write_record(record)
    return stream.getvalue()


WARCS = {True: _small_warc(True), False: _small_warc(False)}


@settings(max_examples=80, deadline=None)
@given(
    gzip_records=st.booleans(),
    cut=st.integers(min_value=0, max_value=2000),
    flips=st.lists(st.tuples(st.integers(min_value=0), st.integers(0, 255)), max_size=6),
)
def test_fuzz_damaged_warc_never_raises(gzip_records, cut, flips):
    data = bytearray(WARCS[gzip_records])
    for position, value in flips:
        data[position % len(data)] = value
    data = data[: max(0, len(data) - cut)]
    for item in read_warc(io.BytesIO(bytes(data)), path="damaged.warc", options=ReadOptions()):
        assert_sound(item)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-8-sig"])
def test_html_in_utf16_or_with_bom_is_read(tmp_path, encoding):
    path = tmp_path / "page.html"
    path.write_bytes(
        f"<html><body><article><p>{STORY}</p><p>{STORY}</p></article></body></html>".encode(encoding)
    )
    (article,) = read_one(path)
    assert isinstance(article, Article) and article.text.startswith("The harbour master")


def test_plain_text_saved_as_html_is_read_as_text(tmp_path):
    path = tmp_path / "saved.html"
    path.write_text(STORY)
    (article,) = read_one(path)
    assert isinstance(article, Article) and article.text == STORY


def test_html_declared_utf8_with_cp1252_bytes_is_repaired_and_flagged(tmp_path):
    path = tmp_path / "mixed.html"
    body = f"<p>{STORY}</p><p>".encode() + "Café owners said the “reform” costs €5.".encode("cp1252")
    path.write_bytes(
        b"<html><head><meta charset='utf-8'></head><body><article>" + body + b"</p></article></body></html>"
    )
    (article,) = read_one(path)
    assert "Café owners said the “reform” costs €5." in article.text
    assert "encoding-repaired" in article.flags
