"""How much of a report is read: extraction, near-duplicate signatures and the query that loads reports stop here."""

from __future__ import annotations

# Characters of a report's text read. Longer inputs are page dumps (the story is in the first part); the cap also
# bounds an analysis's memory whatever one article holds.
MAX_TEXT_CHARS = 60_000
MAX_TITLE_CHARS = 1_000  # characters of a headline read
