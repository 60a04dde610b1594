"""Where each web page and feed lives: one home for the paths that pages, feeds and the digest link to."""

from __future__ import annotations

from urllib.parse import quote

from ..store import fold

__all__ = ["club_feed_url", "club_slug", "club_url", "deal_url", "outlet_url", "player_feed_url", "player_url"]


def club_slug(name: str) -> str:
    """A club's path segment: its folded name with hyphens ("Bayern München" -> "bayern-munchen")."""
    return fold(name).replace(" ", "-")


def deal_url(deal_id: str) -> str:
    return f"/deal/{quote(deal_id, safe='')}"


def player_url(player_key: str) -> str:
    return f"/player/{quote(player_key, safe='')}"


def club_url(name: str) -> str:
    return f"/club/{quote(club_slug(name), safe='')}"


def outlet_url(outlet_id: str) -> str:
    return f"/outlet/{quote(outlet_id, safe='')}"


def player_feed_url(player_key: str) -> str:
    return f"/feeds/player/{quote(player_key, safe='')}.atom"


def club_feed_url(name: str) -> str:
    return f"/feeds/club/{quote(club_slug(name), safe='')}.atom"
