"""Canonical article URLs: w3lib canonicalisation with tracking parameters stripped."""

from __future__ import annotations

from urllib.parse import urlsplit

from w3lib.url import canonicalize_url, url_query_cleaner

# Query parameters that identify a campaign or a click, never the article.
TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "msclkid",
        "yclid",
        "igshid",
        "mc_cid",
        "mc_eid",
        "ocid",
        "cmpid",
        "icid",
        "ito",
        "ns_mchannel",
        "ns_source",
        "ns_campaign",
        "ns_linkname",
        "ns_fee",
        "xtor",
        "at_medium",
        "at_campaign",
        "at_custom1",
        "at_custom2",
        "at_custom3",
        "at_custom4",
        "wt_mc",
        "wt.mc_id",
        "ref",
        "ref_src",
        "src",
        "share",
        "smid",
        "amp",
        "guccounter",
        "ftag",
        "cid",
    }
)
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "at_", "ga_", "_hs")


class InvalidURL(ValueError):
    """Raised for something that is not an absolute http(s) URL."""


def _is_tracking(key: str) -> bool:
    key = key.lower()
    return key in TRACKING_PARAMS or key.startswith(TRACKING_PREFIXES)


def canonical_url(url: str) -> str:
    """The URL an article is stored under: scheme and host lower-cased, query sorted, fragment and tracking dropped.

    >>> canonical_url("HTTPS://www.Example.com/a/b?utm_source=x&id=3#top")
    'https://www.example.com/a/b?id=3'
    """
    url = (url or "").strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise InvalidURL(f"not an absolute http(s) URL: {url[:200]!r}")
    query_keys = [kv.split("=", 1)[0] for kv in parts.query.split("&") if kv]
    keep = [k for k in query_keys if not _is_tracking(k)]
    if len(keep) != len(query_keys):
        url = url_query_cleaner(url, parameterlist=keep, remove=False, unique=False, keep_fragments=False)
    return canonicalize_url(url, keep_fragments=False)


def outlet_from_url(url: str) -> str:
    """The default outlet id of a URL: its host without a leading ``www.``."""
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host
