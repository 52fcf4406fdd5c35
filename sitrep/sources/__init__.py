"""Sources: readers that turn inputs into ``Article``s — files and folders (``files``), web pages and feeds
(``fetch``, ``feeds``) and the command line's mix of them (``inputs``). Enters: paths, URLs, bytes; leaves:
articles and one-line problems. Nothing here extracts or stores."""

# One article larger than this is refused: news articles are kilobytes; this is a wrong file, not a story.
# Here, with no import, so the command line's option defaults do not load the readers (pydantic, the model).
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
