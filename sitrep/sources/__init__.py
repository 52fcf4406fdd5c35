"""Sources: readers that turn inputs into ``Article``s — files and folders (``files``), web pages and feeds
(``fetch``, ``feeds``) and the command line's mix of them (``inputs``). Enters: paths, URLs, bytes; leaves:
articles and one-line problems. Nothing here extracts or stores."""
