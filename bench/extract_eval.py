"""Per-field accuracy of extract_claims on the labelled development set (/work/shared/eval/dev.jsonl)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from unidecode import unidecode

from aggregator.extract import canonical_club, canonical_source, extract_claims, player_key

DEV = Path("/work/shared/eval/dev.jsonl")


def _src(name: str) -> str:
    return unidecode(canonical_source(name) or name).casefold().strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", nargs="?", default=str(DEV))
    parser.add_argument("-v", "--verbose", action="store_true", help="print every miss")
    args = parser.parse_args()
    path = Path(args.path)
    if not path.exists():
        print(f"no dev set at {path}")
        return 0
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    hits = {"player": 0, "player_exact": 0, "from_club": 0, "to_club": 0, "stage": 0}
    fee_n = fee_hit = src_n = src_hit = 0
    for row in rows:
        claims = extract_claims(row["text"], title=row.get("title") or "", language=row.get("language"))
        c = claims[0] if claims else None
        misses = []
        if c and c.player_key == player_key(row["player"] or ""):
            hits["player"] += 1
        else:
            misses.append(f"player {c.player if c else None!r} != {row['player']!r}")
        if c and c.player == row["player"]:
            hits["player_exact"] += 1
        for field in ("from_club", "to_club"):
            want = canonical_club(row[field]) if row[field] else None
            got = getattr(c, field) if c else None
            if got == want:
                hits[field] += 1
            else:
                misses.append(f"{field} {got!r} != {want!r}")
        if c and c.stage == row["stage"]:
            hits["stage"] += 1
        else:
            misses.append(f"stage {c.stage if c else None!r} != {row['stage']!r}")
        if row.get("fee_eur_m") is not None:
            fee_n += 1
            want_eur = float(row["fee_eur_m"]) * 1e6
            got_eur = c.fee_eur if c else None
            ok = got_eur is not None and (
                got_eur == want_eur == 0 or (want_eur > 0 and abs(got_eur - want_eur) <= 0.05 * want_eur)
            )
            fee_hit += ok
            if not ok:
                misses.append(f"fee {got_eur} ({c.fee_text if c else None!r}) != {want_eur}")
        got_src = {_src(s) for s in (c.cited_sources if c else ())}
        for s in row["cited_sources"]:
            src_n += 1
            if _src(s) in got_src:
                src_hit += 1
            else:
                misses.append(f"source {s!r} not in {sorted(got_src)}")
        if args.verbose and misses:
            print(row["id"], row["language"], "; ".join(misses))
    n = len(rows)
    print(f"rows: {n}")
    for field, value in hits.items():
        print(f"{field:14s} {value / n:.3f}")
    print(f"{'fee (5%)':14s} {fee_hit / max(fee_n, 1):.3f}  (n={fee_n})")
    print(f"{'source recall':14s} {src_hit / max(src_n, 1):.3f}  (n={src_n})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
