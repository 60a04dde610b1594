"""Where each web page and feed lives: one home for the paths that pages, feeds and the digest link to."""

from __future__ import annotations

from urllib.parse import quote

from ..store import fold

__all__ = [
    "club_feed_url",
    "club_slug",
    "club_url",
    "deal_url",
    "outlet_url",
    "player_feed_url",
    "player_key_of",
    "player_slug",
    "player_url",
]


def club_slug(name: str) -> str:
    """A club's path segment: its folded name with hyphens ("Bayern München" -> "bayern-munchen")."""
    return fold(name).replace(" ", "-")


def player_slug(player_key: str) -> str:
    """A player's path segment: the folded key with hyphens; keys hold only [a-z0-9 ], so it reads back."""
    return player_key.replace(" ", "-")


def player_key_of(slug: str) -> str:
    """The player key a path segment stands for."""
    return fold(slug)


def deal_url(deal_id: str) -> str:
    return f"/deal/{quote(deal_id, safe='')}"


def player_url(player_key: str) -> str:
    return f"/player/{quote(player_slug(player_key), safe='')}"


def club_url(name: str) -> str:
    return f"/club/{quote(club_slug(name), safe='')}"


def outlet_url(outlet_id: str) -> str:
    return f"/outlet/{quote(outlet_id, safe='')}"


def player_feed_url(player_key: str) -> str:
    return f"/feeds/player/{quote(player_slug(player_key), safe='')}.atom"


def club_feed_url(name: str) -> str:
    return f"/feeds/club/{quote(club_slug(name), safe='')}.atom"
