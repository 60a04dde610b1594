"""Digest speed: one day's digest (select + render HTML) from a large store, side by side with a store 1% its size.

    python bench/digest.py [--articles 1000000] [--cache DIR]

Stores are filled with bulk SQL (articles, one report and one claim each, a deal per four claims, spread over
five years, so one day holds ~550 articles), built once and cached. Target: < 1 s on 1,000,000 articles.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from aggregator.digest import build_digest, render
from aggregator.store import Store
from bench.synthetic import CLUBS, FIRST, LAST, STAGES

START = datetime(2021, 1, 1, tzinfo=UTC)
DAYS = 5 * 365
DAY = (START + timedelta(days=DAYS // 2)).date()
BATCH = 50_000


def build(path: Path, count: int) -> None:
    """Bulk-insert `count` articles with reports, claims and deals (one deal per four claims of a player)."""
    if path.exists():
        with Store(path) as store:
            if store.counts()["articles"] == count:
                print(f"  reusing {path}")
                return
        path.unlink()
    started = time.perf_counter()
    rng = random.Random(11)
    deals = max(1, count // 4)
    with Store(path) as store:
        db = store.db.conn
        with store.transaction():
            db.executemany(
                "INSERT INTO outlets (id, name, domain) VALUES (?, ?, ?)",
                [(f"outlet{n}", f"Outlet {n}", f"outlet{n}.example") for n in range(60)],
            )
        for first in range(0, count, BATCH):
            articles, reports, claims = [], [], []
            for n in range(first, min(count, first + BATCH)):
                deal = n % deals
                drng = random.Random(deal)
                player = f"{drng.choice(FIRST)} {drng.choice(LAST)} {deal}"
                frm, to = drng.sample(CLUBS, 2)
                when = (START + timedelta(days=drng.randrange(DAYS), minutes=rng.randrange(5000))).isoformat()
                stage = STAGES[rng.randrange(len(STAGES))]
                text = f"{to} are in {stage} with {frm} over {player}, according to reports. " * 3
                articles.append(
                    (n + 1, f"https://outlet{n % 60}.example/a/{n}", f"outlet{n % 60}", f"{player}: {to}", text, when)
                )
                reports.append((n + 1, n + 1, f"{player}: {to}", text, when))
                claims.append((n + 1, n + 1, player, f"p{deal}", frm, to, float(rng.randrange(5, 120)) * 1e6, stage))
            with store.transaction():
                db.executemany(
                    """INSERT INTO articles (id, url, outlet_id, title, body, language, published_at, first_seen_at,
                       content_hash, origin) VALUES (?, ?, ?, ?, ?, 'en', ?6, ?6, ?1, 'import')""",
                    articles,
                )
                db.executemany(
                    """INSERT INTO reports (id, article_id, seq, title, text, published_at, extracted_version)
                       VALUES (?, ?, 0, ?, ?, ?, 'bench')""",
                    reports,
                )
                db.executemany(
                    """INSERT INTO claims (id, report_id, seq, player, player_key, from_club, to_club, fee_eur, stage)
                       VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?)""",
                    claims,
                )
                if first + BATCH >= count:  # deals last, once every claim exists
                    db.execute(
                        """INSERT INTO deals (id, player, player_key, from_club, to_club, window, stage, latest_stage,
                           latest_stage_at, fee_eur, fee_min_eur, fee_max_eur, outlets, reports, first_claim_id,
                           first_published_at, status)
                           SELECT 'deal-' || SUBSTR(c.player_key, 2), MIN(c.player), c.player_key, MIN(c.from_club),
                                  MIN(c.to_club), 'bench', MAX(c.stage), MAX(c.stage), MAX(r.published_at),
                                  MAX(c.fee_eur), MIN(c.fee_eur), MAX(c.fee_eur), COUNT(DISTINCT a.outlet_id),
                                  COUNT(*), MIN(c.id), MIN(r.published_at), 'open'
                           FROM claims c JOIN reports r ON r.id = c.report_id JOIN articles a ON a.id = r.article_id
                           GROUP BY c.player_key"""
                    )
                    db.execute("INSERT INTO deal_reports SELECT 'deal-' || SUBSTR(player_key, 2), id FROM claims")
            print(f"\r  {min(count, first + BATCH):,} / {count:,} articles", end="", flush=True)
    print(f"\n  built {path} in {time.perf_counter() - started:.0f}s")


def digest_seconds(path: Path, day: date, repeat: int = 3) -> tuple[float, int]:
    """Best of `repeat`: build the day's digest and render it as HTML; (seconds, deals in it)."""
    best, deals = float("inf"), 0
    with Store(path, readonly=True) as store:
        for _ in range(repeat):
            started = time.perf_counter()
            digest = build_digest(store, ZoneInfo("UTC"), day)
            render(digest, "html")
            best = min(best, time.perf_counter() - started)
            deals = len(digest.deals)
    return best, deals


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "rumours-bench")
    args = parser.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    small_size = max(args.articles // 100, 1_000)
    small, large = args.cache / f"digest-{small_size}.db", args.cache / f"digest-{args.articles}.db"
    build(small, small_size)
    build(large, args.articles)
    t_small, n_small = digest_seconds(small, DAY)
    t_large, n_large = digest_seconds(large, DAY)
    print(f"digest of {DAY} (select + HTML), best of 3:")
    print(f"  {small_size:>9,} articles: {t_small:.3f}s ({n_small} deals)")
    print(f"  {args.articles:>9,} articles: {t_large:.3f}s ({n_large} deals)")
    print(f"  ratio {t_large / t_small:.2f}x for {args.articles / small_size:.0f}x the store")
    print(f"  target < 1 s: {'met' if t_large < 1 else 'MISSED'} ({t_large:.2f}s)")
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
