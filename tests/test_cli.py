"""The command line: bad inputs named, exit codes, the store reused on re-runs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.cli import main

GOOD = (
    "Flood barriers failed in Dornholm on Tuesday, the city council said.\n"
    "About 800 residents were moved to shelters, according to the regional fire service.\n"
    "Mayor Ilse Brandt said the barriers would be rebuilt before winter.\n"
)
OTHER = (
    "Dornholm's flood barriers gave way on Tuesday, officials said.\n"
    "The regional fire service said about 800 residents had been moved to shelters.\n"
    "Brandt said rebuilding would start next month.\n"
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "other.md").write_text("# Dornholm barriers fail\n\n" + OTHER, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 owners in Dornholm said on Tuesday".encode("utf-16-le"))
    return tmp_path


def test_bad_files_are_named_and_the_rest_analysed(folder, capsys):
    code = main(["analyze", str(folder), "--no-store", "--format", "json"])
    captured = capsys.readouterr()
    assert code == 1
    for name in ("empty.txt", "image.txt"):
        assert name in captured.err
    briefing = json.loads(captured.out)
    paths = {Path(a["path"]).name for s in briefing["stories"] for a in s["articles"]}
    assert {"good.txt", "other.md"} <= paths


def test_rerun_reuses_the_store_and_adds_no_duplicates(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.txt").write_text(OTHER, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'store.db'}"
    assert main(["analyze", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--db", db]) == 0
    assert main(["analyze", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--db", db]) == 0
    capsys.readouterr()
    assert main(["stories", "--db", db]) == 0
    listing = capsys.readouterr().out.strip().splitlines()
    assert len(listing) == 1 and "2 articles" in listing[0]
    story_id = listing[0].split()[0]
    assert main(["show", story_id, "--db", db, "--format", "json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert len(shown["stories"][0]["articles"]) == 2


def test_show_unknown_story_says_what_to_do(tmp_path, capsys):
    db = f"sqlite:///{tmp_path / 'store.db'}"
    assert main(["show", "nope", "--db", db]) == 2
    assert "storyline stories" in capsys.readouterr().err


def test_no_readable_article_is_a_usage_error(tmp_path, capsys):
    (tmp_path / "empty.txt").write_bytes(b"")
    assert main(["analyze", str(tmp_path), "--no-store"]) == 2
    assert "empty.txt" in capsys.readouterr().err


def test_extract_prints_one_analysis_per_article_in_input_order(tmp_path, capsys):
    records = [
        {"id": "r1", "text": GOOD, "published": "2025-06-03"},
        {"id": "r2", "text": OTHER, "dct": "2025-06-04"},
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    assert main(["extract", str(path), "--format", "jsonl"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [x["article"]["id"] for x in lines] == ["r1", "r2"]
    first = lines[0]
    assert first["schema"] == "storyline/analysis-v1"
    text = first["article"]["text"]
    assert text == GOOD  # JSONL text is taken as given, so offsets match the input
    for key in ("entities", "timexes", "quantities"):
        for span in first[key]:
            assert text[span["start"] : span["end"]] == span["text"]
    for a in first["attributions"]:
        assert text[a["content"]["start"] : a["content"]["end"]] == a["content"]["text"]
    assert any(t["value"] == "2025-06-03" for t in first["timexes"])  # "on Tuesday"
    assert any(q["value"] == 800 and q["approximate"] for q in first["quantities"])
