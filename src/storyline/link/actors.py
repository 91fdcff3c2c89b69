"""Who is who among speakers: the state a speaker speaks for, and one actor under two names."""

from __future__ import annotations

import re

from storyline.analyze import gazetteer as gz
from storyline.records import Speaker


def same_actor(a: Speaker | None, b: Speaker | None) -> bool:
    """Whether two speakers are one actor: one state, or one named body or person."""
    if a is None or b is None:
        return False
    state_a, state_b = speaker_state(a), speaker_state(b)
    if state_a or state_b:
        return state_a == state_b
    name_a, name_b = a.name.lower(), b.name.lower()
    return bool(name_a) and (
        name_a == name_b or name_a.startswith(name_b + ",") or name_b.startswith(name_a + ",")
    )


def speaker_state(speaker: Speaker | None) -> str | None:
    """The state a speaker speaks for, if the name says ('a North Korean envoy' -> North Korea)."""
    if speaker is None:
        return None
    for text in (speaker.name, speaker.as_written):
        for table in (gz.ALIASES, gz.CAPITALS, gz.SEATS, gz.DEMONYMS):
            for key in sorted(table, key=len, reverse=True):
                if re.search(rf"\b{re.escape(key)}\b", text):
                    return table[key]
        for country in set(gz.CAPITALS.values()):
            if re.search(rf"\b{re.escape(country)}\b", text):
                return country
    return None
