"""Formatting helpers every digest renderer shares: fees, stages, safe links, clean scraped text."""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

from ..pubdates import describe

# C0/C1 control characters (but tab, newline, carriage return) are invalid in XML and useless anywhere else.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def clean(text: str | None) -> str:
    """Scraped text without characters XML forbids; None becomes the empty string."""
    return _CONTROL.sub("", text or "")


def safe_url(url: str | None) -> str | None:
    """An http(s) URL fit for an href, or None: ``javascript:``, ``data:`` and friends are never linked."""
    if not url:
        return None
    url = clean(url).strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    # Percent-encode whatever could close an attribute, a Markdown link or an angle-bracket autolink.
    return quote(url, safe="/:?#[]@!$&'()*+,;=%~-._")


def money(value: float) -> str:
    if value == 0:
        return "free"
    if value >= 1e6:
        return f"€{value / 1e6:.1f}m".replace(".0m", "m")
    return f"€{value / 1e3:.0f}k"


def fee_range(fee_min: float | None, fee_max: float | None, fee: float | None = None) -> str:
    """``€50m–€60m``, ``€55m``, or ``fee unknown``."""
    low = fee_min if fee_min is not None else fee
    high = fee_max if fee_max is not None else fee
    if low is None and high is None:
        return "fee unknown"
    if low is None or high is None or low == high:
        return money(low if low is not None else high)  # type: ignore[arg-type]
    return f"{money(low)}–{money(high)}"


def move(from_club: str | None, to_club: str | None) -> str:
    return f"{from_club or '?'} → {to_club or '(exit)'}"


def when(iso: str | None) -> str:
    """``2024-06-01 09:30 UTC`` from the store's ISO timestamps; ``undated`` for None."""
    if not iso:
        return "undated"
    return f"{iso[:10]} {iso[11:16]} UTC" if len(iso) >= 16 else iso


def dated(iso: str | None, precision: str | None = None, source: str | None = None) -> str:
    """``when``, but an inferred date says how much of it is known and where it was read: ``2024-06 (month, from
    URL)``, ``2024-06-12 (from text)``."""
    return describe(iso, source, precision) or when(iso)
