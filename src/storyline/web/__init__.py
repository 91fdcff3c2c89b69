"""storyline.web: the analyst's desk, pages and HTTP API over a store (``[web]`` extra)."""

from storyline.web.app import ArticleIn, create_app
from storyline.web.serve import serve

__all__ = ["ArticleIn", "create_app", "serve"]
