"""Near-duplicate and wire-copy detection (MinHash)."""

from __future__ import annotations

import json
import random

import pytest

from storyline.ingest.dedup import WireIndex, find_wire_copies, mark_wire_copies, shingles
from storyline.records import Article

AGENCY = (
    "Rescue teams reached the flooded villages in the northern valley on Wednesday after the river "
    "burst its banks overnight, the regional emergency service said in a statement.\n\n"
    "At least 340 people were moved to shelters in the provincial capital, and two bridges on the "
    "main road were closed while engineers inspected them, the service said.\n\n"
    "The weather office warned that more rain was expected until Friday and asked residents of "
    "low-lying districts to stay away from the riverbanks.\n\n"
    "The governor said the province would ask the national government for emergency funds to "
    "repair roads and compensate farmers whose fields were under water.\n\n"
    "Last year, floods in the same valley destroyed more than 200 homes and cut power to several "
    "towns for a week, according to official figures."
)
LOCAL_REPORT = (
    "Hundreds of families spent the night in school gyms in the provincial capital after the "
    "valley "
    "flooded. Teachers handed out blankets while volunteers cooked soup in the canteen.\n\n"
    "'We left with nothing but our documents,' said a farmer from one of the villages,"
    " who asked not "
    "to be named. Roads north of the city remained closed on Thursday morning."
)


def article(article_id: str, text: str) -> Article:
    return Article(id=article_id, text=text)


def test_exact_republication_is_a_copy_of_the_first():
    index = WireIndex()
    assert index.add(article("agency", AGENCY)) is None
    assert index.add(article("outlet-a", AGENCY)) == "agency"


def test_trimmed_copy_with_local_paragraph_is_a_copy():
    paragraphs = AGENCY.split("\n\n")
    trimmed = "\n\n".join(paragraphs[:4] + ["Our reporter saw water up to the windows in one village."])
    assert find_wire_copies([article("agency", AGENCY), article("outlet-b", trimmed)]) == {
        "outlet-b": "agency"
    }


def test_independent_report_of_the_same_event_is_not_a_copy():
    assert find_wire_copies([article("agency", AGENCY), article("local", LOCAL_REPORT)]) == {}


def test_copies_of_copies_point_at_the_original():
    edited = AGENCY.replace("Wednesday", "Wednesday morning")
    found = find_wire_copies(
        [article("agency", AGENCY), article("a", edited), article("b", edited + " More later.")]
    )
    assert found == {"a": "agency", "b": "agency"}


def test_mark_wire_copies_flags_only_copies():
    marked = mark_wire_copies(
        [article("agency", AGENCY), article("copy", AGENCY), article("x", LOCAL_REPORT)]
    )
    assert [a.flags for a in marked] == [(), ("wire-copy:agency",), ()]


def test_same_id_added_twice_is_not_its_own_copy():
    index = WireIndex()
    index.add(article("agency", AGENCY))
    assert index.add(article("agency", AGENCY)) is None


@pytest.mark.parametrize("text", ["", "   ", "Short."])
def test_tiny_texts_do_not_crash(text):
    assert find_wire_copies([article("a", text), article("b", text)]) in ({}, {"b": "a"})
    assert isinstance(shingles(text), set)


# -------------------------------------------------------------- quality floor
# The tuning run of dedup.py's docstring: synthetic wire copies of 300 BBC
# articles among all 2,225. Deterministic (seeded sampling and MinHash).
COPIES_FOUND_FLOOR = 291


def _wire_copy(text: str, other: str, rng: random.Random) -> str:
    paragraphs = [p for p in text.split("\n") if p.strip()]
    dropped = rng.randint(0, len(paragraphs) * 3 // 10)
    words = " ".join(paragraphs[: len(paragraphs) - dropped]).split()
    for _ in range(max(1, len(words) // 50)):
        words[rng.randrange(len(words))] = rng.choice(["told", "stated", "added", "officials"])
    copy = " ".join(words)
    if rng.random() < 0.5:
        copy += "\n" + rng.choice([p for p in other.split("\n") if p.strip()])
    return copy


@pytest.mark.slow
def test_wire_copy_quality_floor_on_bbc(shared_dir):
    with (shared_dir / "data" / "corpus" / "bbc.jsonl").open(encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for line in lines]
    rng = random.Random(3)
    picks = rng.sample(range(len(texts)), 300)
    copies = [article(f"c{i}", _wire_copy(texts[i], texts[(i + 7) % len(texts)], rng)) for i in picks]
    originals = [article(f"o{i}", text) for i, text in enumerate(texts)]
    found = find_wire_copies(originals + copies)

    def root(key: str) -> str:
        return found.get(key, key)

    assert sum(root(f"c{i}") == root(f"o{i}") for i in picks) >= COPIES_FOUND_FLOOR
    for copy_id, original_id in found.items():
        if copy_id.startswith("o"):  # two BBC articles merged: they must really overlap
            a, b = shingles(texts[int(copy_id[1:])]), shingles(texts[int(original_id[1:])])
            assert len(a & b) / len(a | b) >= 0.3 or len(a & b) / min(len(a), len(b)) >= 0.5
