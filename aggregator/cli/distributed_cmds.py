"""CLI command `store-writer` (the one writer of distributed crawls) and the checks `crawl --redis` makes first."""

from __future__ import annotations

import logging

import click

from ..envelopes import MissingRedis, connect
from ..locks import StoreBusy, StoreLock
from ..store_writer import WRITER_LOCK, drain
from . import main
from .common import EXIT_BUSY, open_store
from .interrupts import stop_on_signals

logger = logging.getLogger(__name__)


def check_distributed(redis_url: str) -> None:
    """One clear line and exit 1 when the redis package is missing or the server does not answer."""
    try:
        import scrapy_redis  # noqa: F401  (the workers need it; they run in this environment)

        connect(redis_url).ping()
    except (ImportError, MissingRedis) as exc:
        message = str(exc) if isinstance(exc, MissingRedis) else ""
        raise click.ClickException(
            message or "distributed crawls need scrapy-redis: pip install 'transfer-rumours[distributed]'"
        ) from None
    except Exception as exc:  # redis.exceptions.* and bad URLs (ValueError)
        raise click.ClickException(f"cannot reach Redis at {redis_url}: {exc}") from None


@main.command("store-writer")
@click.option("--redis", "redis_url", metavar="URL", required=True, help="The Redis the workers send items to.")
@click.option("--until-empty", is_flag=True, help="Exit once the item queue is empty instead of waiting for more.")
@click.pass_context
def store_writer_cmd(ctx: click.Context, redis_url: str, until_empty: bool) -> None:
    """Write what distributed crawl workers queue on Redis (articles, not-modified marks, crawl runs) to the store,
    as its one writer. Ctrl-C or SIGTERM stops between two items; nothing queued is lost.

    Exit status: 0 done, 1 an error, 75 another store writer holds the store, 130 stopped by Ctrl-C (143 by
    SIGTERM)."""
    check_distributed(redis_url)
    db_path = ctx.obj["db_path"]
    try:
        lock = StoreLock(db_path, WRITER_LOCK)
        lock.acquire()
    except StoreBusy as exc:
        click.echo(f"store-writer: {exc}", err=True)
        ctx.exit(EXIT_BUSY)
    from redis.exceptions import RedisError

    try:
        with stop_on_signals() as interruption, open_store(ctx) as store:
            stats = drain(redis_url, store, stop=interruption.stop, idle_exit=0 if until_empty else None)
    except RedisError as exc:  # what was taken and not written stays in rumours:items:processing
        raise click.ClickException(f"store-writer: Redis failed: {exc}") from None
    finally:
        lock.release()
    click.echo(f"store-writer: {stats.written} written, {stats.bad} bad", err=True)
    if interruption.exit_code:
        ctx.exit(interruption.exit_code)
    if stats.bad:
        logger.warning("%s bad envelopes are kept in rumours:items:bad", stats.bad)
