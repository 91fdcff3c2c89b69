"""Shared fixtures: the spaCy pipeline (loaded once) and the ../shared data folder."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from storyline.analyze.nlp import load_nlp
    from storyline.settings import Settings

    return load_nlp(Settings().model)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the checkout (CI has it; a user's fresh clone may not)."""
    if not (SHARED / "data").is_dir():
        pytest.skip("../shared/data is absent: evaluation data is only beside the team checkout")
    return SHARED
