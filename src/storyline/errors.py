"""storyline's errors, one tree::

    StorylineError                 anything storyline raises on purpose
    ├── IngestError                an input could not be read as an article
    │   └── NotAnArticle           readable, but a page that is no article
    ├── AnalysisError              the NLP stage failed for one article
    ├── ModelError                 the spaCy pipeline could not be loaded
    ├── StoreError                 the store could not be opened or written
    │   └── SchemaError            the store was written by another schema version
    └── UsageError                 the command line asks for something impossible

Messages name the input and say what to do, e.g.
``IngestError("notes.bin: not UTF-8 text or HTML (starts with b'\\x89PNG')")``.
In a batch, one failing article becomes a recorded ``Problem``; the batch goes on.
"""


class StorylineError(Exception):
    """Base of every error storyline raises on purpose."""


class IngestError(StorylineError):
    """An input could not be read as an article."""


class NotAnArticle(IngestError):
    """The input was read, but it is not an article (index page, paywall stub...)."""


class AnalysisError(StorylineError):
    """The per-article analysis failed."""


class ModelError(StorylineError):
    """The spaCy pipeline could not be loaded."""


class StoreError(StorylineError):
    """The store could not be opened, read or written."""


class SchemaError(StoreError):
    """The store holds data of a schema version this storyline cannot read."""


class UsageError(StorylineError):
    """The command line asks for something that cannot be done."""
