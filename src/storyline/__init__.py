"""storyline: many news articles about one story in, a cross-checked briefing out."""

from storyline.errors import IngestError, StorylineError
from storyline.records import (
    Article,
    ArticleAnalysis,
    Attribution,
    Claim,
    Conflict,
    Entity,
    Quantity,
    Speaker,
    Story,
    Timex,
)
from storyline.settings import Settings

__version__ = "0.1.0"

__all__ = [
    "Article",
    "ArticleAnalysis",
    "Attribution",
    "Claim",
    "Conflict",
    "Entity",
    "IngestError",
    "Quantity",
    "Settings",
    "Speaker",
    "Story",
    "StorylineError",
    "Timex",
    "__version__",
]
