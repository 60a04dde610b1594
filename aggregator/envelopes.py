"""What crawl workers send the store writer over Redis: the keys, the JSON envelope codec, and the one write path."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any

from .records import ArticleRecord, ReportRecord

VERSION = 1
KINDS = ("article", "not_modified", "run_start", "run_end")

# Redis keys shared by the workers (spiders.distributed), the writer and the engines.
ITEMS = "rumours:items"  # list of envelopes: workers LPUSH, the writer moves them from the right
PROCESSING = "rumours:items:processing"  # envelopes the writer has taken and not yet committed
BAD = "rumours:items:bad"  # envelopes the writer could not read: kept for a human, never lost
CRAWL_RUNS = "rumours:crawl_runs"  # hash: "<spider>:<run id>" -> the store's crawl_runs id


# Lua: requests held in flight by all of an outlet's workers (a dead worker's count until it is reclaimed).
# KEYS the outlet's workers set; ARGV its in-flight key prefix (``frontier_key(spider, "inflight:")``).
INFLIGHT_SCRIPT = """
local total = 0
for _, worker in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  total = total + redis.call('HLEN', ARGV[1] .. worker)
end
return total
"""


def frontier_key(spider: str, what: str) -> str:
    """A per-outlet key: ``requests`` (scrapy-redis queue), ``dupefilter``, ``run``, ``workers``, ..."""
    return f"rumours:{spider}:{what}"


def validators_key(spider: str) -> str:
    """Hash: canonical article URL -> JSON of its conditional-request validators, for the outlet's workers. Each
    new run replaces it with the store's own (``seed_validators``): a hash left by another store must not make
    articles this one lacks look already stored."""
    return frontier_key(spider, "validators")


def run_workers_key(spider: str, run_id: str) -> str:
    """Hash: worker id -> "started" or the JSON of its end-of-run report (what the crawl_runs row sums)."""
    return f"rumours:{spider}:run:{run_id}:workers"


class MissingRedis(RuntimeError):
    """The optional ``redis`` package is not installed."""


class BadEnvelope(ValueError):
    """An envelope the writer cannot read; its message is one line."""


def connect(url: str) -> Any:
    """A redis-py client for ``url`` (bytes replies); a clear one-line error when the package is missing."""
    try:
        import redis
    except ImportError:
        raise MissingRedis(
            "distributed crawls need the redis package: pip install 'transfer-rumours[distributed]'"
        ) from None
    return redis.Redis.from_url(url, socket_timeout=30, socket_connect_timeout=10, health_check_interval=30)


@dataclass(slots=True)
class Envelope:
    """One decoded event: ``kind`` and ``spider``, the rest of its fields in ``body``."""

    kind: str
    spider: str
    body: dict[str, Any] = field(default_factory=dict)


def encode(kind: str, spider: str, **body: Any) -> bytes:
    """The JSON bytes of one event: ``{"v": 1, "kind": ..., "spider": ..., **body}``."""
    if kind not in KINDS:
        raise ValueError(f"unknown envelope kind {kind!r}")
    return json.dumps({"v": VERSION, "kind": kind, "spider": spider, **body}, ensure_ascii=False).encode()


def decode(raw: bytes | str) -> Envelope:
    """The envelope in ``raw``; BadEnvelope (one line) when it is not JSON, not version 1 or misses its fields."""
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise BadEnvelope(f"not JSON: {str(exc).splitlines()[0][:120]}") from None
    if not isinstance(data, dict):
        raise BadEnvelope(f"not a JSON object but {type(data).__name__}")
    if data.get("v") != VERSION:
        raise BadEnvelope(f"unsupported envelope version {data.get('v')!r}")
    kind, spider = data.pop("kind", None), data.pop("spider", None)
    data.pop("v")
    if kind not in KINDS:
        raise BadEnvelope(f"unknown kind {kind!r}")
    if not isinstance(spider, str) or not spider:
        raise BadEnvelope("no spider name")
    required = {"article": ("item",), "not_modified": ("url",), "run_start": ("run", "worker"), "run_end": ("run",)}
    missing = [name for name in required[kind] if name not in data]
    if missing:
        raise BadEnvelope(f"{kind} envelope without {', '.join(missing)}")
    return Envelope(kind, spider, data)


_ARTICLE_FIELDS = {f.name for f in fields(ArticleRecord)} - {"origin", "reports"}
_REPORT_FIELDS = {f.name for f in fields(ReportRecord)}


def _text(value: Any, name: str, *, required: bool = False) -> str | None:
    if value is None and not required:
        return None
    if not isinstance(value, str):
        raise BadEnvelope(f"item field {name} is {type(value).__name__}, not text")
    return value


def article_record(item: Mapping[str, Any]) -> ArticleRecord:
    """The store's record of a crawled item (an ArticleItem as a dict); BadEnvelope when a field is unusable."""
    if not isinstance(item, Mapping):
        raise BadEnvelope(f"item is {type(item).__name__}, not an object")
    values = {name: _text(item.get(name), name) for name in _ARTICLE_FIELDS - {"url", "text", "outlet"}}
    url, text, outlet = (_text(item.get(n), n, required=True) for n in ("url", "text", "outlet"))
    reports = item.get("reports") or []
    if not isinstance(reports, list) or not all(isinstance(r, Mapping) for r in reports):
        raise BadEnvelope("item field reports is not a list of objects")
    return ArticleRecord(
        url=url or "",
        text=text or "",
        outlet=outlet or "",
        origin="crawl",
        reports=[
            ReportRecord(
                text=_text(r.get("text"), "reports.text", required=True) or "",
                **{k: _text(r.get(k), f"reports.{k}") for k in _REPORT_FIELDS - {"text"}},
            )
            for r in reports
        ],
        **values,
    )


def write_article(store: Any, item: Mapping[str, Any]) -> str:
    """Upsert one crawled item into the store (the path StorePipeline and the store writer share); the status."""
    status: str = store.upsert_article(article_record(item))
    return status


def validators_json(row: Mapping[str, Any] | None) -> bytes | None:
    """What the validators hash holds for a stored article (Store.article_validators' row), or None."""
    if not row:
        return None
    keep = ("etag", "last_modified", "modified_at", "fetched_at", "content_hash")
    return json.dumps({k: row.get(k) for k in keep}).encode()
