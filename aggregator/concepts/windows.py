"""The transfer window a report belongs to, in Python and as the same SQL expression."""

from __future__ import annotations

from datetime import datetime

UNDATED = "undated"  # the window of a report with no publication date


def transfer_window(published_at: str | None) -> str:
    """Nov-Jan rumours are the winter window (named by the January's year), Feb-Oct the summer one."""
    if not published_at:
        return UNDATED
    when = datetime.fromisoformat(published_at)
    if when.month >= 11:
        return f"{when.year + 1}-winter"
    if when.month == 1:
        return f"{when.year}-winter"
    return f"{when.year}-summer"


# transfer_window of a UTC ISO publication time column ``{p}``, for triggers and queries (tests hold them equal).
WINDOW_SQL = """CASE
    WHEN {p} IS NULL OR {p} = '' THEN 'undated'
    WHEN CAST(substr({p}, 6, 2) AS INTEGER) >= 11 THEN (CAST(substr({p}, 1, 4) AS INTEGER) + 1) || '-winter'
    WHEN CAST(substr({p}, 6, 2) AS INTEGER) = 1 THEN substr({p}, 1, 4) || '-winter'
    ELSE substr({p}, 1, 4) || '-summer' END"""
