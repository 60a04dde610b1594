"""Extraction and grouping quality on the labelled development set, measured through the ``rumours`` CLI.

Imports ``../shared/eval/dev.jsonl`` (or the file given) into a temporary store with ``rumours import``, runs
``rumours aggregate`` and ``rumours deals --format jsonl``, and prints B-cubed precision/recall/F1 of the
grouping against ``deal_id``, per-field accuracy of each report's main claim, and first-to-break accuracy.

    python bench/quality.py [--breakdown] [--month-dates] [DEV.jsonl]

``--breakdown`` adds the figures per language and per id group, and the stage confusions. ``--month-dates`` gives
the reports without a day their labelled month (``date_month``, imported as ``"YYYY-MM"``): what grouping makes of
dates known only to the month.
"""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from unidecode import unidecode

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DEV = ROOT.parent / "shared" / "eval" / "dev.jsonl"


def fold(text: str | None) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", unidecode(text or "").lower()).split())


def rumours(db: Path, *args: str, stdin: str | None = None) -> str:
    cmd = [sys.executable, "-m", "aggregator", "--db", str(db), *args]
    done = subprocess.run(cmd, input=stdin, capture_output=True, text=True, cwd=ROOT, check=False)
    if done.returncode != 0:
        sys.exit(f"`rumours {' '.join(args)}` failed ({done.returncode}):\n{done.stderr}")
    return done.stdout


def bcubed(gold: dict[str, str], pred: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of clustering ``pred`` against ``gold`` (item -> cluster)."""
    items = list(gold)
    gold_members: dict[str, set[str]] = defaultdict(set)
    pred_members: dict[str, set[str]] = defaultdict(set)
    for item in items:
        gold_members[gold[item]].add(item)
        pred_members[pred[item]].add(item)
    precision = recall = 0.0
    for item in items:
        same_pred = pred_members[pred[item]]
        same_gold = gold_members[gold[item]]
        both = len(same_pred & same_gold)
        precision += both / len(same_pred)
        recall += both / len(same_gold)
    p, r = precision / len(items), recall / len(items)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main_claims(db: Path) -> dict[str, dict[str, Any]]:
    """Each article's main claim (first report, first claim) with the deal it was grouped into."""
    conn = sqlite3.connect(db)
    rows = conn.execute(
        """SELECT a.url, c.player, c.from_club, c.to_club, c.stage, c.fee_eur, c.cited_sources, dr.deal_id
           FROM articles a JOIN reports r ON r.article_id = a.id AND r.seq = 0
           LEFT JOIN claims c ON c.report_id = r.id AND c.seq = 0
           LEFT JOIN deal_reports dr ON dr.claim_id = c.id"""
    ).fetchall()
    conn.close()
    keys = ("player", "from_club", "to_club", "stage", "fee_eur", "cited_sources", "deal_id")
    return {url: dict(zip(keys, rest, strict=True)) for url, *rest in rows}


def main(argv: list[str]) -> int:
    breakdown = "--breakdown" in argv
    month_dates = "--month-dates" in argv
    argv = [a for a in argv if a not in ("--breakdown", "--month-dates")]
    dev_path = Path(argv[0]) if argv else DEFAULT_DEV
    if not dev_path.exists():
        print(f"no development set at {dev_path}; nothing to measure")
        return 0
    gold = [json.loads(line) for line in dev_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "quality.db"
        lines = [
            json.dumps(
                {
                    "url": g["url"],
                    "text": g["text"],
                    "published_at": g.get("date") or (g.get("date_month") if month_dates else None),
                    "language": g.get("language"),
                    "outlet": g.get("outlet"),
                },
                ensure_ascii=False,
            )
            for g in gold
        ]
        started = time.perf_counter()
        rumours(db, "import", "-", stdin="\n".join(lines) + "\n")
        rumours(db, "aggregate")
        deals = [json.loads(x) for x in rumours(db, "deals", "--format", "jsonl").splitlines() if x.strip()]
        elapsed = time.perf_counter() - started
        claims = main_claims(db)
    by_url = claims
    rows: list[dict[str, Any]] = []
    gold_deal: dict[str, str] = {}
    pred_deal: dict[str, str] = {}
    for g in gold:
        c = by_url.get(_canonical(g["url"], by_url)) or {}
        rows.append(_score_row(g, c))
        gold_deal[g["id"]] = g["deal_id"]
        pred_deal[g["id"]] = c.get("deal_id") or f"unassigned:{g['id']}"
    p, r, f1 = bcubed(gold_deal, pred_deal)
    first_ok, first_total = first_to_break(gold, deals, by_url)
    n = len(gold)
    via_deals = [_score_row(g, _as_deal_reads_it(g, by_url, deals)) for g in gold]
    print(
        f"dev set: {n} reports, {len(set(gold_deal.values()))} gold deals, {len(deals)} predicted deals "
        f"({elapsed:.1f}s for import+aggregate+deals)"
    )
    print(f"grouping B-cubed: precision {p:.3f} recall {r:.3f} F1 {f1:.3f}")
    total = _summary(rows)
    print(f"player accuracy {total['player']:.3f}  from-club {total['from_club']:.3f}  to-club {total['to_club']:.3f}")
    print(f"stage exact {total['stage']:.3f}")
    print(f"euro fee within 5%: {total['fee']:.3f} (of {total['fee_n']} stated fees)")
    print(f"cited-source recall {total['sources']:.3f} (of {total['sources_n']} sources)")
    deal_total = _summary(via_deals)
    print(
        f"as `rumours deals` reads each report (its deal's player and clubs, its own stage/fee/sources): "
        f"player {deal_total['player']:.3f}  from-club {deal_total['from_club']:.3f}  to-club "
        f"{deal_total['to_club']:.3f}  stage {deal_total['stage']:.3f}"
    )
    print(
        f"first-to-break correct {first_ok}/{first_total} deals with dated reports "
        f"({first_ok / first_total if first_total else 0:.3f})"
    )
    if breakdown:
        _print_breakdown(gold, rows)
        _print_grouping_breakdown(gold, gold_deal, pred_deal, via_deals)
    return 0


FIELDS = ("player", "from_club", "to_club", "stage")


def _as_deal_reads_it(g: dict[str, Any], by_url: dict[str, Any], deals: list[dict[str, Any]]) -> dict[str, Any]:
    """A report as the `deals` contract shows it: the player and clubs of the deal it is in, and the report's own
    stage, fee and cited sources from that deal's report list."""
    url = _canonical(g["url"], by_url)
    deal_id = (by_url.get(url) or {}).get("deal_id")
    for deal in deals:
        if deal["deal_id"] != deal_id:
            continue
        report = next((r for r in deal["reports"] if _canonical(r["url"], by_url) == url), {})
        return {
            "player": deal["player"],
            "from_club": deal["from_club"],
            "to_club": deal["to_club"],
            "stage": report.get("stage"),
            "fee_eur": report.get("fee_eur"),
            "cited_sources": json.dumps(report.get("cited_sources") or []),
        }
    return {}


def _score_row(g: dict[str, Any], c: dict[str, Any]) -> dict[str, Any]:
    """One gold report against its main claim: a hit per field, fee and cited-source counts."""
    row: dict[str, Any] = {field: fold(c.get(field)) == fold(g[field]) for field in FIELDS[:3]}
    row["stage"] = c.get("stage") == g["stage"]
    row["stage_pair"] = (g["stage"], c.get("stage"))
    row["fee_n"] = row["fee"] = 0
    if g.get("fee_eur_m") is not None:
        want, got = g["fee_eur_m"] * 1e6, c.get("fee_eur")
        row["fee_n"] = 1
        row["fee"] = int(got is not None and (abs(got - want) <= 0.05 * want if want else got == 0))
    cited = {fold(s) for s in json.loads(c.get("cited_sources") or "[]")}
    wanted = g.get("cited_sources") or []
    row["sources_n"] = len(wanted)
    row["sources"] = sum(fold(s) in cited for s in wanted)
    return row


def _summary(rows: list[dict[str, Any]]) -> dict[str, Any]:
    n = len(rows) or 1
    out: dict[str, Any] = {field: sum(r[field] for r in rows) / n for field in FIELDS}
    for key in ("fee", "sources"):
        total = sum(r[f"{key}_n"] for r in rows)
        out[f"{key}_n"] = total
        out[key] = sum(r[key] for r in rows) / total if total else 0.0
    out["n"] = len(rows)
    return out


def _print_breakdown(gold: list[dict[str, Any]], rows: list[dict[str, Any]]) -> None:
    """Per language, and for the first reports (``r…``) against those added later (``s…``)."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for g, row in zip(gold, rows, strict=True):
        groups[f"lang {g.get('language')}"].append(row)
        groups["ids r (first 63)" if g["id"].startswith("r") else "ids s (added 139)"].append(row)
    print()
    print(f"{'group':20s} {'n':>4s} {'player':>7s} {'from':>6s} {'to':>6s} {'stage':>6s} {'fee':>10s} {'cited':>10s}")
    for name in sorted(groups):
        s = _summary(groups[name])
        print(
            f"{name:20s} {s['n']:4d} {s['player']:7.3f} {s['from_club']:6.3f} {s['to_club']:6.3f} {s['stage']:6.3f} "
            f"{s['fee']:5.3f}/{s['fee_n']:<4d} {s['sources']:5.3f}/{s['sources_n']:<4d}"
        )
    print()
    print("stage confusion (gold -> predicted: count), misses only")
    pairs = Counter(row["stage_pair"] for row in rows if not row["stage"])
    for (want, got), count in pairs.most_common():
        print(f"  {want:>10s} -> {got or 'none':<10s} {count}")


def _group_of(g: dict[str, Any]) -> list[str]:
    return [f"lang {g.get('language')}", "ids r (first 63)" if g["id"].startswith("r") else "ids s (added 139)"]


def _print_grouping_breakdown(
    gold: list[dict[str, Any]], gold_deal: dict[str, str], pred_deal: dict[str, str], via_deals: list[dict[str, Any]]
) -> None:
    """B-cubed restricted to each group's reports (their gold and predicted deals cut to the group), and the
    to-club as `rumours deals` shows each report."""
    members: dict[str, list[str]] = defaultdict(list)
    reads: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for g, row in zip(gold, via_deals, strict=True):
        for name in _group_of(g):
            members[name].append(g["id"])
            reads[name].append(row)
    print()
    print(f"{'grouping by group':20s} {'n':>4s} {'P':>6s} {'R':>6s} {'F1':>6s} {'to (deals)':>11s}")
    for name in sorted(members):
        ids = members[name]
        p, r, f1 = bcubed({i: gold_deal[i] for i in ids}, {i: pred_deal[i] for i in ids})
        to = _summary(reads[name])["to_club"]
        print(f"{name:20s} {len(ids):4d} {p:6.3f} {r:6.3f} {f1:6.3f} {to:11.3f}")


def _canonical(url: str, by_url: dict[str, Any]) -> str:
    if url in by_url:
        return url
    from aggregator.urls import canonical_url

    return canonical_url(url)


def first_to_break(gold: list[dict[str, Any]], deals: list[dict[str, Any]], by_url: dict[str, Any]) -> tuple[int, int]:
    """For each gold deal with dated reports: does the predicted deal holding most of its reports name the
    earliest of them as first reported?"""
    deal_first = {d["deal_id"]: (d["first_reported"] or {}).get("url") for d in deals}
    members: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for g in gold:
        members[g["deal_id"]].append(g)
    ok = total = 0
    for reports in members.values():
        dated = [g for g in reports if g.get("date")]
        if not dated:
            continue
        total += 1
        earliest = min(g["date"] for g in dated)
        winners = {_canonical(g["url"], by_url) for g in dated if g["date"] == earliest}
        votes = Counter((by_url.get(_canonical(g["url"], by_url)) or {}).get("deal_id") for g in reports)
        votes.pop(None, None)
        if not votes:
            continue
        predicted = min(votes, key=lambda d: (-votes[d], d))
        ok += deal_first.get(predicted) in winners
    return ok, total


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
